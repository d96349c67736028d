"""No rule special-cases seed text: no run of six Han characters from the sample reports appears
anywhere in the engine or the built-in rules (code, data or documentation)."""


from conftest import REPO, SEEDS


def test_rules_and_engine_hold_no_seed_text():
    seeds = "".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt"))
    han = lambda s: all("\u4e00" <= c <= "\u9fff" for c in s)
    grams = {seeds[i:i + 6] for i in range(len(seeds) - 5) if han(seeds[i:i + 6])}
    offenders = []
    for folder in ("lint", "rules"):
        for path in sorted((REPO / folder).rglob("*")):
            if path.suffix not in (".py", ".toml", ".txt", ".md") or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            hits = {text[i:i + 6] for i in range(len(text) - 5) if text[i:i + 6] in grams}
            if hits:
                offenders.append(f"{path.relative_to(REPO)}: {sorted(hits)[:3]}")
    assert offenders == []
