"""DUP scaling: time and peak memory of `jiaokan check --select DUP` on 1x, 4x, 16x (and more) the
gov-reports corpus, each in a fresh process, with the floor (a bare Python pass that reads and
regex-scans the same files) measured in the same run.

    python benchmarks/dup.py                 # 1x 4x 16x
    python benchmarks/dup.py --factors 1 4 16 84   # 84x is about 100 MB
"""

from __future__ import annotations

import argparse
import math
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import build  # noqa: E402

FLOOR = r"""
import pathlib, re, sys
pat = re.compile(r"[\u4e00-\u9fff]+")
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    n += len(pat.findall(p.read_text(encoding="utf-8")))
print(n)
"""


def measure(cmd: list[str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one command, via GNU time. ``ok``: the exit statuses that
    mean it ran (jiaokan exits 1 with findings; a Python script that raised also exits 1)."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode not in ok:
        raise SystemExit(f"{cmd[0]} failed ({p.returncode}): {p.stderr[-2000:]}")
    rss_kib = int(p.stderr.strip().splitlines()[-1])
    return wall, rss_kib / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--factors", type=float, nargs="+", default=[1, 4, 16])
    ap.add_argument("--select", default="DUP")
    args = ap.parse_args()
    jiaokan = [sys.executable, "-m", "jiaokan"]
    rows = []
    for factor in args.factors:
        tmp = Path(tempfile.mkdtemp(prefix="jiaokan-bench-"))
        try:
            files, size = build(tmp / "docs", factor)
            floor_wall, floor_rss = measure([sys.executable, "-c", FLOOR, str(tmp / "docs")], ok=(0,))
            wall, rss = measure([*jiaokan, "check", str(tmp / "docs"), "--isolated", "--select", args.select,
                                 "--format", "json", "--no-progress", "--output-file", str(tmp / "out.json")])
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        mb = size / 1e6
        rows.append((factor, files, mb, wall, rss, floor_wall))
        print(f"{factor:>5g}x {files:5d} files {mb:8.1f} MB  jiaokan --select {args.select}: {wall:7.2f} s "
              f"{mb / wall:6.2f} MB/s  peak {rss:7.0f} MiB | floor {floor_wall:5.2f} s  ratio {wall / floor_wall:5.1f}x",
              flush=True)
    if len(rows) >= 2:
        xs = [math.log(r[2]) for r in rows]
        ys = [math.log(r[3]) for r in rows]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        print(f"time ~ size^{slope:.2f} (least squares over {len(rows)} sizes, wall time including start-up)")


if __name__ == "__main__":
    main()
