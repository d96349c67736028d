"""The run, top to bottom: discover → decode → Document → per-document rules → cross-document
rules → suppressions and severities → findings. The reporters take it from there."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import pickle
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pluggy

from . import hookspecs, suppress
from .config import Settings
from .decode import BinaryFile, DecodeError, decode
from .discover import discover, display_path
from .document import Document
from .errors import UsageError
from .model import Edit, Finding, Fix, Position, Severity
from .registry import Registry, path_matches


@dataclass
class RunContext:
    """What rules may see of the run besides the document: settings and shared resources."""

    settings: Settings
    extra_findings: list[Finding] = field(default_factory=list)
    # Expensive resources rules share within one process (a lexicon, a segmenter ...).
    shared: dict = field(default_factory=dict)
    jobs: int = 1  # processes the run may use (--jobs)

    def resource(self, key, factory: Callable):
        if key not in self.shared:
            self.shared[key] = factory()
        return self.shared[key]

    def parallel(self, fn: Callable[[int, int], object], worth_it: bool = True) -> list:
        """``[fn(k, parts) for k in range(parts)]``, for a cross-document rule's share-out of its
        work: ``parts`` is ``jobs``, each part in a forked process, when the run may use several
        processes and the caller says the work is ``worth_it``; else one part, here. The children
        see the caller's data as it is (only the results are pickled), so ``fn`` may be a closure.
        Where the platform cannot fork, everything runs here."""
        import concurrent.futures as cf
        import multiprocessing

        if not (worth_it and self.jobs > 1 and sys.platform != "win32"
                and "fork" in multiprocessing.get_all_start_methods()):
            return [fn(0, 1)]
        _FORKED.update(fn=fn, parts=self.jobs)
        # Objects that exist now are the children's to read: frozen, the children's collections
        # never walk them, so they stay shared pages instead of copies.
        gc.freeze()
        pool = None
        try:
            pool = cf.ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork"),
                                          initializer=_quiet_child)
            return list(pool.map(_forked_part, range(self.jobs)))
        except (OSError, cf.process.BrokenProcessPool):  # no fork, or a child died: do it here
            return [fn(0, 1)]
        finally:
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)  # on Ctrl-C too: nothing to wait for
            gc.unfreeze()
            _FORKED.clear()

    def read_data_file(self, value: str, who: str) -> str:
        """The text of a data file named by a rule option, relative to the configuration file;
        a missing or unreadable file is a configuration error (exit 2), naming the option."""
        from .errors import ConfigError

        path = Path(value)
        if not path.is_absolute():
            path = self.settings.root / path
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"{who} {path}: {exc.strerror}") from None
        except UnicodeDecodeError:
            raise ConfigError(f"{who} {path}: not UTF-8") from None


# What RunContext.parallel's forked children run (set before the fork, so never pickled).
_FORKED: dict = {}


def _forked_part(k: int):
    return _FORKED["fn"](k, _FORKED["parts"])


def _quiet_child() -> None:
    """Ctrl-C reaches the whole process group: the parent handles it, child processes stay quiet."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


@dataclass
class RunResult:
    findings: list[Finding]
    documents: dict[str, Document]
    files_checked: int
    skipped: list[tuple[str, str]]  # (path, reason): binary files
    errors: list[tuple[str, str]]  # (path, reason): unreadable / undecodable files
    enabled: list[str]


def load_document(path: Path, shown: str | None = None) -> Document:
    """Read and decode one file. Raises OSError, BinaryFile or DecodeError."""
    data = path.read_bytes()
    d = decode(data)
    return Document(
        shown or display_path(path), d.text, encoding=d.encoding, bom=d.bom, newline=d.newline,
        fs_path=str(path), source_bytes_hash=hashlib.sha256(data).hexdigest(),
    )


# The rules allocate many small, short-lived objects (tokens, windows, n-grams) that form no
# cycles: a collection every 700 allocations, Python's default, costs 5-8% of a run for nothing.
GC_THRESHOLD = (100_000, 50, 100)


@contextlib.contextmanager
def lenient_gc():
    saved = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*saved)


# Worker processes (``--jobs``): each builds its own engine once, then checks files by path.
_WORKER: dict = {}


def _worker_init(settings: Settings, options: dict) -> None:
    _quiet_child()
    gc.set_threshold(*GC_THRESHOLD)
    _WORKER["engine"] = Engine(settings, Registry(), **options)


def _packed(result: tuple) -> bytes:
    """A document's results (findings, summaries) as the cache keeps them: the summaries pickled
    apart, inside, so that a re-run over unchanged files, whose cross-document findings come from
    the cache too, never unpickles them."""
    findings, summaries = result
    inner = pickle.dumps(summaries, protocol=pickle.HIGHEST_PROTOCOL)
    return pickle.dumps((findings, inner), protocol=pickle.HIGHEST_PROTOCOL)


def _unpacked(entry: tuple) -> tuple:
    findings, summaries = entry
    return findings, pickle.loads(summaries) if isinstance(summaries, bytes) else summaries


def _worker_check(fs_path: str, shown: str) -> bytes:
    """A document's results, pickled here (``_packed``): the parent stores these very bytes in the
    cache."""
    engine = _WORKER["engine"]
    doc = load_document(Path(fs_path), shown)
    return _packed(engine.check_one(doc))


class _RulesManager(pluggy.PluginManager):
    """The run's plugin manager. It holds Rule instances only, whose hook implementations are the
    ``jiaokan_*`` methods of Rule: no other attribute is examined (pluggy examines each one
    statically, fifty a rule: a tenth of a run from the cache)."""

    def parse_hookimpl_opts(self, plugin, name: str):
        return super().parse_hookimpl_opts(plugin, name) if name.startswith("jiaokan_") else None


class _EarlyStart:
    """A large run's workers, started while its documents are still being read: each document read
    is looked up in the cache, and a miss goes to the workers at once. The pool starts only once
    ``PARALLEL_MIN_FILES`` documents have missed (a few changed files are checked in-process).
    With ``start=False`` it only sorts the documents into cached and missed."""

    def __init__(self, engine: Engine, start: bool = True):
        self.engine = engine
        self.start = start
        self.pool = None
        self.futures: dict = {}  # future -> document
        self.cached: dict[str, tuple] = {}  # path -> the cache's results
        self.waiting: list[Document] = []  # misses before the pool starts

    def offer(self, doc: Document) -> None:
        cache = self.engine.cache
        hit = cache.get(doc) if cache is not None else None
        if hit is not None:
            self.cached[doc.path] = hit
            return
        self.waiting.append(doc)
        if self.pool is not None or (self.start and self.engine._pool_worth(self.waiting)):
            self.begin()

    def begin(self) -> None:
        """Hands the waiting documents to the workers (started first, if they are not yet)."""
        if self.pool is None:
            self.pool = self.engine._pool()
        for d in self.waiting:
            self.futures[self.pool.submit(_worker_check, d.fs_path, d.path)] = d
        self.waiting.clear()

    def take(self) -> tuple[dict[str, tuple], list[Document], object, dict]:
        """(cached results, documents not with the workers, the pool or None, the workers' futures),
        handed over: this object keeps none of them."""
        out = (self.cached, self.waiting, self.pool, self.futures)
        self.cached, self.waiting, self.futures = {}, [], {}
        return out

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)


class Engine:
    # A pool pays for itself only from this many files (each worker loads the lexicon once).
    PARALLEL_MIN_FILES = 8

    def __init__(self, settings: Settings, registry: Registry, *, select=None, extend_select=(), ignore=(),
                 report_unused_ignores: bool = False):
        self.settings = settings
        self.registry = registry
        self.jobs = 1
        self._options = dict(select=select, extend_select=tuple(extend_select), ignore=tuple(ignore),
                             report_unused_ignores=report_unused_ignores)
        where = settings.where
        registry.validate_selectors(settings.select or (), f"{where}: select")
        registry.validate_selectors(settings.extend_select, f"{where}: extend-select")
        registry.validate_selectors(settings.ignore, f"{where}: ignore")
        registry.validate_selectors(list(settings.severity), f"{where}: severity")
        for pattern, codes in settings.per_file_ignores.items():
            registry.validate_selectors(codes, f"{where}: per-file-ignores")
        registry.validate_rule_options(settings.rules, f"{where}: rules")
        registry.validate_selectors(select or (), "--select")
        registry.validate_selectors(extend_select, "--extend-select")
        registry.validate_selectors(ignore, "--ignore")
        chosen = list(select) if select else settings.select
        self.report_unused_ignores = report_unused_ignores
        extra_on = list(settings.extend_select) + list(extend_select)
        if report_unused_ignores:
            extra_on.append("JK100")
        self.enabled = registry.enabled_codes(chosen, extra_on, list(settings.ignore) + list(ignore))
        self.context = RunContext(settings)
        self.cache = None  # a jiaokan.cache.Cache, set by the caller to reuse per-file results
        self.pm = _RulesManager("jiaokan")
        self.pm.add_hookspecs(hookspecs)
        for code in self.enabled:
            cls = registry.rules[code]
            self.pm.register(cls(registry.options_for(code, settings.rules)), name=code)

    # -- the run ----------------------------------------------------------------------------------

    def run(self, paths: list[str], progress: Callable[[int, int, str], None] | None = None) -> RunResult:
        with lenient_gc():
            return self._run(paths, progress)

    def _run(self, paths: list[str], progress: Callable[[int, int, str], None] | None) -> RunResult:
        found = discover(paths, self.settings)
        docs: dict[str, Document] = {}
        skipped: list[tuple[str, str]] = []
        errors: list[tuple[str, str]] = []
        # In a large run, the workers start on the first documents while the rest are being read.
        early = _EarlyStart(self) if self.jobs > 1 and len(found.files) >= self.PARALLEL_MIN_FILES else None
        try:
            for i, path in enumerate(found.files):
                shown = display_path(path)
                if progress and early is None:
                    progress(i, len(found.files), shown)
                try:
                    docs[shown] = doc = load_document(path, shown)
                except BinaryFile:
                    skipped.append((shown, "binary file"))
                    continue
                except DecodeError as exc:
                    errors.append((shown, str(exc)))
                    continue
                except OSError as exc:
                    errors.append((shown, exc.strerror or str(exc)))
                    continue
                if early is not None:
                    early.offer(doc)
            if errors and not docs:
                path, reason = errors[0]
                more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
                raise UsageError(f"{path}: {reason}{more}")
            findings = self.check_documents(docs, progress, early)
        finally:
            if early is not None:
                early.close()
        for path, reason in errors:
            findings.append(Finding("JK001", "undecodable-file", Severity.ERROR, path, Position(1, 1, 0),
                                    Position(1, 1, 0), f"cannot check this file: {reason}"))
        findings = self.postprocess(findings, docs)
        return RunResult(findings, docs, len(docs), skipped, errors, self.enabled)

    def check_one(self, doc: Document) -> tuple[list[Finding], list]:
        """Per-document findings and cross-document summaries of one document."""
        hook = self.pm.hook
        ctx = self.context
        doc_findings: list[Finding] = []
        doc_summaries: list = []
        for batch in hook.jiaokan_check_document(document=doc, context=ctx):
            doc_findings.extend(batch or ())
        for item in hook.jiaokan_collect_document(document=doc, context=ctx):
            if item:
                doc_summaries.append(item)
        doc_findings.extend(ctx.extra_findings)
        ctx.extra_findings.clear()
        return doc_findings, doc_summaries

    def check_documents(self, docs: dict[str, Document], progress=None, early: _EarlyStart | None = None) -> list[Finding]:
        hook = self.pm.hook
        ctx = self.context
        if early is None:
            early = _EarlyStart(self, start=False)
            for doc in docs.values():
                early.offer(doc)
        if early.pool is None and self._pool_worth(early.waiting):
            early.begin()
        # The documents offered: from the cache, with the workers, or to check here.
        results, todo, pool, futures = early.take()
        fresh = {doc.path for doc in todo} | {doc.path for doc in futures.values()}
        if pool is not None:
            try:
                results.update(self._gather(futures, progress, len(results), len(docs)))
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)  # Ctrl-C: stop the workers, write nothing
                raise
            pool.shutdown()
        else:
            for doc in todo:
                if progress:
                    progress(len(results), len(docs), doc.path)
                results[doc.path] = self.check_one(doc)
                self._store(doc, results[doc.path])
        findings: list[Finding] = []
        for doc in docs.values():  # in path order, whatever order the workers finished in
            findings.extend(results[doc.path][0])
        # The cross-document findings of an unchanged set of files come from the cache too.
        run_key = self.cache.run_key(docs.values()) if self.cache is not None else None
        cross = self.cache.get_key(run_key) if run_key and not fresh else None
        if cross is None:
            summaries: dict[str, list] = defaultdict(list)
            for doc in docs.values():
                for code, summary in _unpacked(results[doc.path])[1]:
                    summaries[code].append((doc.path, summary))
            cross = []
            ctx.jobs = self.jobs
            for batch in hook.jiaokan_check_run(summaries=dict(summaries), context=ctx):
                cross.extend(batch or ())
            cross.extend(ctx.extra_findings)
            ctx.extra_findings.clear()
            if run_key and not any(f.code == "JK002" for f in cross):
                self.cache.put_key(run_key, cross)
        findings.extend(cross)
        return findings

    def _store(self, doc: Document, result: tuple, data: bytes | None = None) -> None:
        """Cache a document's fresh results (``data``: pickled already), as soon as they are made:
        the writes overlap the workers' checking. Results with a crashed rule are not kept."""
        if self.cache is None or any(f.code == "JK002" for f in result[0]):
            return
        self.cache.put_bytes(doc, data if data is not None else _packed(result))

    def _pool_worth(self, todo: list[Document]) -> bool:
        """Whether these documents go to a pool of workers: enough of them, each read from a file
        (a worker reads it again by its path)."""
        return (self.jobs > 1 and len(todo) >= self.PARALLEL_MIN_FILES
                and all(d.source_bytes_hash for d in todo))

    def _pool(self):
        import concurrent.futures as cf
        import multiprocessing

        ctx = multiprocessing.get_context("spawn" if sys.platform == "win32" else "fork")
        return cf.ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx, initializer=_worker_init,
                                      initargs=(self.settings, self._options))

    def _gather(self, futures: dict, progress, done: int, total: int) -> dict[str, tuple]:
        """The results of the documents handed to the workers (future -> document), as they come.
        Each future leaves ``futures`` once read, and its pickled results with it."""
        import concurrent.futures as cf

        out: dict[str, tuple] = {}
        for fut in cf.as_completed(futures):
            doc = futures.pop(fut)
            try:
                data = fut.result()
                out[doc.path] = _unpacked(pickle.loads(data))  # all: the cross-document phase will run
            except Exception:  # a worker died (or a file vanished): check it here instead
                out[doc.path] = self.check_one(doc)
                self._store(doc, out[doc.path])
            else:
                self._store(doc, out[doc.path], data)
            if progress:
                progress(done + len(out), total, doc.path)
        return out

    def postprocess(self, findings: list[Finding], docs: dict[str, Document]) -> list[Finding]:
        enabled = set(self.enabled)
        sups = {path: suppress.of_document(doc) for path, doc in docs.items()}
        out = []
        for f in findings:
            if f.code not in enabled:
                continue
            if any(path_matches(f.path, pat) and any(f.code.startswith(c) for c in codes)
                   for pat, codes in self.settings.per_file_ignores.items()):
                continue
            sup = sups.get(f.path)
            if sup is not None and sup.suppresses(f.code, f.start.line):
                continue
            sev = self.registry.severity_for(f.code, self.settings.severity)
            if sev is not None:
                f.severity = sev
            out.append(f)
        if self.report_unused_ignores:
            for path, sup in sups.items():
                doc = docs[path]
                for d in sup.unused():
                    line = doc.lines[d.line - 1]
                    end = doc.line_starts[d.line] if d.line < len(doc.line_starts) else line.end
                    fix = Fix.safe(Edit(line.start, end, "")) if doc.text[line.start:line.end].strip().startswith(("<!--", "jiaokan")) and suppress.DIRECTIVE_LINE.match(line.text) else None
                    codes = " ".join(d.codes) or "all rules"
                    out.append(Finding("JK100", "unused-suppression", Severity.INFO, path, doc.position(line.start),
                                       doc.position(line.end), f"unused suppression ({d.verb} {codes}): nothing was suppressed", fix=fix))
        out.sort(key=Finding.sort_key)
        return out
