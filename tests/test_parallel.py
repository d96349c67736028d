"""--jobs gives the same findings as one process; Ctrl-C leaves no partial file and no bad cache."""

from __future__ import annotations

import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import SEED_000, SEED_001, need, GOV


def _corpus(tmp_path, n=10):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(n):
        shutil.copy(SEED_000 if i % 2 else SEED_001, folder / f"r{i:02d}.txt")
    return folder


def test_parallel_equals_sequential(jiaokan, tmp_path):
    folder = _corpus(tmp_path)
    one = jiaokan("check", folder, "--isolated", "--format", "json", "--jobs", "1")
    two = jiaokan("check", folder, "--isolated", "--format", "json", "--jobs", "2")
    assert one.code == two.code == 1
    assert one.json["findings"] == two.json["findings"]
    assert one.json["summary"]["files_checked"] == 10


def test_ctrl_c_leaves_no_partial_file_and_no_bad_cache(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i, report in enumerate(sorted(need(GOV).glob("*.txt"))):
        shutil.copy(report, folder / report.name)
    originals = {p.name: p.read_bytes() for p in folder.iterdir()}
    env = dict(os.environ)
    env.pop("JIAOKAN_NO_CACHE", None)
    proc = subprocess.Popen([sys.executable, "-m", "jiaokan", "check", str(folder), "--isolated", "--fix",
                             "--unsafe-fixes", "--jobs", "2", "--cache-dir", str(tmp_path / "cache")],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    time.sleep(3)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C does: the whole process group
    out, err = proc.communicate(timeout=120)
    assert proc.returncode in (0, 1, 130), err.decode()
    assert b"Traceback" not in err
    assert not list(tmp_path.rglob("*.jiaokan-tmp"))
    for p in folder.iterdir():
        p.read_bytes().decode("utf-8")  # whole files only: the original or the fixed one
        assert p.name in originals
    for entry in (tmp_path / "cache").rglob("*.pickle"):
        pickle.loads(entry.read_bytes())


def _pid_part(k, parts):
    return k, parts, os.getpid()


def test_cross_document_work_is_shared_out_over_forked_processes():
    """RunContext.parallel: one part per job, each in a child process that sees the caller's data
    (a closure over a local here), in part order; one part, here, when the run has one job or the
    caller says the work is too small."""
    from jiaokan.config import Settings
    from jiaokan.runner import RunContext

    ctx = RunContext(Settings(root=Path.cwd()), jobs=2)
    local = {"seen": "by the children"}
    got = ctx.parallel(lambda k, parts: (*_pid_part(k, parts), local["seen"]))
    assert [(k, parts, seen) for k, parts, _, seen in got] == [(0, 2, "by the children"), (1, 2, "by the children")]
    assert all(pid != os.getpid() for _, _, pid, _ in got)
    assert ctx.parallel(_pid_part, worth_it=False) == [(0, 1, os.getpid())]
    assert RunContext(Settings(root=Path.cwd())).parallel(_pid_part) == [(0, 1, os.getpid())]


def test_a_child_that_dies_leaves_the_work_to_the_parent():
    from jiaokan.config import Settings
    from jiaokan.runner import RunContext

    def part(k, parts):
        if os.getpid() != parent:
            os._exit(9)  # killed, as by the OOM killer
        return k, parts

    parent = os.getpid()
    assert RunContext(Settings(root=Path.cwd()), jobs=2).parallel(part) == [(0, 1)]


def test_a_partly_cached_parallel_run_equals_a_fresh_one(tmp_path, monkeypatch):
    """In a large run, the workers start while the documents are still being read, each read
    document going to the cache first: edited files are checked again (by the workers once enough
    of them miss, else in-process), the others come from the cache, and the findings are a fresh
    run's."""
    from jiaokan.cache import from_settings
    from jiaokan.config import Settings
    from jiaokan.registry import Registry
    from jiaokan.runner import Engine

    monkeypatch.delenv("JIAOKAN_NO_CACHE", raising=False)
    folder = _corpus(tmp_path, 12)

    def run(jobs: int, cache: bool):
        engine = Engine(Settings(root=tmp_path), Registry(), select=["DUP", "WRAP"])
        engine.jobs = jobs
        engine.cache = from_settings(engine, cache)
        return engine, engine.run([str(folder)])

    run(2, True)
    for edited in (Engine.PARALLEL_MIN_FILES + 1, 2):
        for path in sorted(folder.iterdir())[:edited]:
            path.write_text(path.read_text(encoding="utf-8") + f"\n补记第{edited}条\n", encoding="utf-8")
        engine, got = run(2, True)
        assert (engine.cache.hits, engine.cache.misses) == (12 - edited, edited)
        _, fresh = run(1, False)
        assert got.findings and [f.to_json() for f in got.findings] == [f.to_json() for f in fresh.findings]
