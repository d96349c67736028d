"""Build a larger corpus from ../shared/corpus/gov-reports: the original reports, then perturbed
copies, so the copies keep the length, punctuation and line structure of real reports without being
duplicates of them.

``mode="words"`` (the default) replaces a share of the words (jieba's segmentation) with other words
of the same length from the corpus's own vocabulary: the copies read as report prose made of real
words, as the rules meet it. ``mode="chars"`` replaces a share of the Han characters with random
ones: gibberish in which nearly every window is a non-word (the worst case for TYPO)."""

from __future__ import annotations

import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOV = REPO.parent / "shared" / "corpus" / "gov-reports"


def reports() -> list[Path]:
    files = sorted(GOV.glob("*.txt"))
    if not files:
        raise SystemExit(f"no reports in {GOV}: ../shared must be beside the repository")
    return files


def _han(s: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in s)


def build(dest: Path, factor: float, substitute: float = 0.3, seed: int = 1, mode: str = "words") -> tuple[int, int]:
    """Write about ``factor`` times the corpus into ``dest``; returns (files, bytes)."""
    dest.mkdir(parents=True, exist_ok=True)
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in reports()]
    alphabet = sorted({c for _, t in texts for c in t if "\u4e00" <= c <= "\u9fff"})
    tokens: dict[str, list[str]] = {}
    vocabulary: dict[int, list[str]] = {}
    if mode == "words":
        from jiaokan.rules.lang import cut

        for name, text in texts:
            tokens[name] = cut(text)
        words = sorted({t for ts in tokens.values() for t in ts if _han(t)})
        for w in words:
            vocabulary.setdefault(len(w), []).append(w)
    rng = random.Random(seed)
    total = sum(len(t.encode()) for _, t in texts)
    target = int(total * factor)
    written = files = 0
    copy = 0
    while written < target:
        for name, text in texts:
            if written >= target:
                break
            if copy and mode == "words":
                text = "".join(rng.choice(vocabulary[len(t)]) if _han(t) and rng.random() < substitute else t
                               for t in tokens[name])
            elif copy:
                chars = list(text)
                for i, c in enumerate(chars):
                    if "\u4e00" <= c <= "\u9fff" and rng.random() < substitute:
                        chars[i] = rng.choice(alphabet)
                text = "".join(chars)
            out = dest / f"c{copy:04d}_{name}"
            data = text.encode("utf-8")
            out.write_bytes(data)
            written += len(data)
            files += 1
        copy += 1
    return files, written
