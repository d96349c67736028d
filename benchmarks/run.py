"""Whole-run speed: the full rule set, cold and cached, on the gov-reports corpus replicated N times,
with, in the same run, the floor (a bare Python pass that reads and regex-scans the same files) and
a peer (`autocorrect_py.lint_for` from the autocorrect-py package, when it is installed).

    python benchmarks/run.py                # 4x the corpus (~5 MB)
    python benchmarks/run.py --factor 84    # ~100 MB (long)

"Cold" is a run without jiaokan's results cache; the per-machine lexicon store (~/.cache/jiaokan) is
built before the measurement, as it is once per machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import build  # noqa: E402
from dup import FLOOR, measure  # noqa: E402

PEER = r"""
import pathlib, sys
import autocorrect_py
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    n += len(autocorrect_py.lint_for(p.read_text(encoding="utf-8"), p.name).lines)
print(n)
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--factor", type=float, default=4)
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--mode", choices=("words", "chars"), default="words",
                    help="perturb copies word by word (report-like prose, default) or character by character "
                         "(gibberish: the worst case)")
    ap.add_argument("--substitute", type=float, default=0.5,
                    help="share of the words (or characters) replaced in each copy (default 0.5: with fewer, the "
                         "copies are near-duplicates of each other, 84 variants of every report, which no "
                         "archive holds and which makes DUP002 compare every pair of variants)")
    ap.add_argument("--by-family", action="store_true",
                    help="also time each rule family alone, cold (one more run per family)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="jiaokan-run-"))
    alone: dict[str, float] = {}
    try:
        files, size = build(tmp / "docs", args.factor, substitute=args.substitute, mode=args.mode)
        mb = size / 1e6
        chars = sum(len(f.read_text(encoding="utf-8")) for f in (tmp / "docs").rglob("*.txt"))
        cmd = [sys.executable, "-m", "jiaokan", "check", str(tmp / "docs"), "--isolated", "--format", "json",
               "--no-progress", "--output-file", str(tmp / "out.json"), "--cache-dir", str(tmp / "cache")]
        if args.jobs:
            cmd += ["--jobs", str(args.jobs)]
        subprocess.run([sys.executable, "-c", "from jiaokan.rules.lang import lexicon; lexicon()"], check=True)
        floor, _ = measure([sys.executable, "-c", FLOOR, str(tmp / "docs")], ok=(0,))
        cold, cold_rss = measure(cmd)
        found = Counter(f["code"][:-3] for f in json.loads((tmp / "out.json").read_text())["findings"])
        warm, warm_rss = measure(cmd)
        if args.by_family:
            for family in ("TYPO", "NUM", "DUP", "WRAP", "JK"):
                alone[family], _ = measure([*cmd, "--no-cache", "--select", family])
        try:
            import autocorrect_py  # noqa: F401

            peer, _ = measure([sys.executable, "-c", PEER, str(tmp / "docs")], ok=(0,))
        except ImportError:
            peer = None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"corpus: {files} files, {mb:.1f} MB, {chars / 1e6:.1f} M characters ({args.factor:g}x gov-reports, copies with {args.substitute:.0%} of the {args.mode} replaced)")
    print(f"floor (read + regex scan): {floor:6.2f} s")
    jobs = args.jobs or os.cpu_count() or 1
    print(f"jiaokan cold:   {cold:7.2f} s  {mb / cold:5.2f} MB/s  {chars / cold / 1e3:6.0f}k chars/s  "
          f"peak RSS {cold_rss:6.0f} MiB  ({cold / floor:.0f}x floor)")
    print(f"                {mb / cold / jobs:5.2f} MB/s per core ({jobs} processes); findings: "
          + ", ".join(f"{k} {v}" for k, v in sorted(found.items())))
    print(f"jiaokan cached: {warm:7.2f} s  {mb / warm:5.2f} MB/s  peak RSS {warm_rss:6.0f} MiB  "
          f"({warm / cold:.1%} of cold)")
    if alone:
        print("each family alone, cold (JK: the engine with only its own checks): "
              + ", ".join(f"{k} {v:.2f} s" for k, v in alone.items()))
    if peer is not None:
        print(f"autocorrect-py lint (peer): {peer:6.2f} s  {mb / peer:5.2f} MB/s  (jiaokan cold / peer: {cold / peer:.1f}x)")
    else:
        print("autocorrect-py is not installed: no peer figure (pip install autocorrect-py)")


if __name__ == "__main__":
    main()
