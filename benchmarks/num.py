"""NUM extraction speed on the gov-reports corpus: characters per second for figure extraction
(with keying), against the floor of a bare regex scan for numbers over the same text, in one run.

    python benchmarks/num.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import reports  # noqa: E402

from jiaokan.rules.num.figures import document_figures, keys_for  # noqa: E402
from jiaokan.runner import load_document  # noqa: E402


def main() -> None:
    paths = reports()
    keys = keys_for({})
    document_figures(load_document(paths[0]), keys)  # warm up jieba (its load is not extraction)
    docs = [load_document(p) for p in paths]
    chars = sum(len(d.text) for d in docs)
    t0 = time.perf_counter()
    numbers = sum(len(regex.findall(r"\d+(?:\.\d+)?", d.norm)) for d in docs)
    floor = time.perf_counter() - t0
    t0 = time.perf_counter()
    figures = sum(len(document_figures(d, keys)) for d in docs)
    took = time.perf_counter() - t0
    print(f"{len(docs)} reports, {chars:,} characters, {numbers:,} numbers, {figures:,} keyed figures")
    print(f"extraction: {took:.2f} s = {chars / took:,.0f} chars/s; bare number scan {floor:.3f} s; "
          f"ratio {took / floor:.0f}x")


if __name__ == "__main__":
    main()
