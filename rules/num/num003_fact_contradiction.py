"""NUM003 fact-contradiction."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from jiaokan import Rule, Severity
from jiaokan.config import tomllib
from jiaokan.errors import ConfigError

from .num001_conflicting_figures import OPTIONS



@dataclass(frozen=True)
class Fact:
    key: str
    name: str
    text: str
    lo: float
    hi: float
    unit: str
    scope: str
    as_of: str
    source: str


class FactContradiction(Rule):
    """## What it does
    Checks figures against a facts file of canonical values: a figure for the same measure (key,
    unit, scope, and year when the figure names one) whose value interval lies outside the fact's is
    reported, with the fact's source.

    Facts live in `facts.toml` beside the configuration file (or the file named by `facts-file`),
    or in `[tool.jiaokan.facts]`:

    ```toml
    "注册志愿者" = { value = "42.6万人", scope = "全市", as_of = "2023-12", source = "市文明办年报" }
    "文明实践站" = { value = "126个", source = "2023年上半年工作情况" }
    ```

    (TOML needs the quotes around Chinese names.)

    `jiaokan facts extract FILES` prints the figures it finds in FILES as a starter facts file.

    ## Why is this bad?
    A registry of checked figures is how a newsroom or a report team keeps every document consistent
    with the official numbers; a figure that contradicts it is wrong or needs a source.

    ## Example
    With the facts above, `目前全市注册志愿者总数已达38万名` is reported: the fact says 42.6万人.
    """

    code = "NUM003"
    name = "fact-contradiction"
    severity = Severity.WARNING
    options = dict(OPTIONS)

    def _facts(self, context) -> list[Fact]:
        from .figures import keys_for

        return context.resource(("num-facts", id(self)), lambda: load_facts(context.settings, keys_for(self.config)))

    def check(self, document, context):
        facts = self._facts(context)
        if not facts:
            return
        from .figures import document_figures, keys_for
        from .keys import AREA_SCOPES, GENERIC_SCOPES, scopes_compatible

        by_key = {}
        for fact in facts:
            by_key.setdefault(fact.key, []).append(fact)
        for f in document_figures(document, keys_for(self.config)):
            if f.kind != "achieved":
                continue
            for fact in by_key.get(f.key, ()):
                if fact.unit != f.unit:
                    continue
                # A fact without a scope is about the document's own area (全省, 全市 …): figures for
                # a named level (国家级, 省级 …) are other measures.
                if fact.scope and not scopes_compatible(fact.scope, f.scope):
                    continue
                if not fact.scope and f.scope not in GENERIC_SCOPES and f.scope not in AREA_SCOPES:
                    continue
                years = {t for t in f.times if t.isdigit()}
                if fact.as_of[:4].isdigit() and years and fact.as_of[:4] not in years:
                    continue
                if set(f.times) - years:
                    continue  # 今年/去年: the document's date decides, and it is unknown
                if _contradicts(f, fact, self.config["max-ratio"]):
                    where = f" ({fact.source})" if fact.source else ""
                    as_of = f" as of {fact.as_of}" if fact.as_of else ""
                    yield self.finding(
                        document, f.start, f.end,
                        f"{f.text} contradicts the fact “{fact.name}” = {fact.text}{as_of}{where}",
                        data={"fact": fact.name, "fact_value": fact.text, "value": f.text, "source": fact.source},
                    )


def _contradicts(f, fact: Fact, max_ratio: float) -> bool:
    if not (f.hi <= fact.lo or fact.hi <= f.lo):
        return False
    mid = (fact.lo + fact.hi) / 2 if fact.hi != float("inf") else fact.lo
    lo, hi = sorted((f.value, mid))
    return lo > 0 and hi / lo <= max_ratio


def load_facts(settings, keys) -> list[Fact]:
    from .extract import parse_value

    table = dict(settings.facts)
    path = None
    if settings.facts_file:
        path = Path(settings.facts_file)
        if not path.is_absolute():
            path = settings.root / path
        if not path.is_file():
            raise ConfigError(f"facts-file {path}: no such file")
    elif (settings.root / "facts.toml").is_file():
        path = settings.root / "facts.toml"
    if path is not None:
        try:
            table.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: invalid facts file: {exc}") from None
    where = str(path) if path else "[tool.jiaokan.facts]"
    facts = []
    for name, entry in table.items():
        if isinstance(entry, str):
            entry = {"value": entry}
        if not isinstance(entry, dict) or "value" not in entry:
            raise ConfigError(f"{where}: fact {name!r} needs a value, e.g. {{ value = \"135.7万人\" }}")
        unknown = set(entry) - {"value", "scope", "as_of", "source", "unit"}
        if unknown:
            raise ConfigError(f"{where}: fact {name!r} has unknown field(s) {', '.join(sorted(unknown))}")
        parsed = parse_value(str(entry["value"]))
        if parsed is None:
            raise ConfigError(f"{where}: fact {name!r}: cannot read the value {entry['value']!r} (a number with a unit)")
        _, lo, hi, unit, _ = parsed
        as_of = str(entry.get("as_of", ""))
        facts.append(Fact(keys.normalise(name), name, str(entry["value"]), lo, hi, unit, str(entry.get("scope", "")),
                          as_of, str(entry.get("source", ""))))
    return facts


def extract_command():
    """`jiaokan facts extract FILES`: the figures found, as a starter facts file."""
    from jiaokan.commands import Command

    def configure(parser):
        sub = parser.add_subparsers(dest="facts_command", metavar="ACTION", required=True)
        ex = sub.add_parser("extract", help="print the figures found in FILES as a starter facts.toml")
        ex.add_argument("files", nargs="+", metavar="FILE")

    def run(args) -> int:
        from jiaokan.errors import UsageError
        from jiaokan.runner import load_document

        from .figures import document_figures, keys_for

        keys = keys_for({})
        seen: dict[str, list[str]] = {}
        lines = ["# Figures found by `jiaokan facts extract`. Keep the ones that are canonical, fix their",
                 "# values and sources, and delete the rest.", ""]
        for name in args.files:
            path = Path(name)
            if not path.is_file():
                raise UsageError(f"{name}: no such file")
            try:
                doc = load_document(path)
            except Exception as exc:
                raise UsageError(f"{name}: {exc}") from None
            for f in document_figures(doc, keys):
                if f.kind != "achieved":
                    continue
                pos = doc.position(f.start)
                entry = {"value": f.text, "scope": f.scope, "as_of": next((t for t in f.times if t.isdigit()), ""),
                         "source": f"{doc.path}:{pos.line}"}
                body = ", ".join(f'{k} = "{v}"' for k, v in entry.items() if v)
                line = f'"{f.raw_key}" = {{ {body} }}'
                if f.raw_key in seen:
                    line = "# " + line + "   # the same key again"
                seen.setdefault(f.raw_key, []).append(f.text)
                lines.append(line)
        sys.stdout.write("\n".join(lines) + "\n")
        return 0

    return Command("facts", "work with the facts file of NUM003", configure, run)
