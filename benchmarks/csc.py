"""TYPO on the SIGHAN 2013/2014 spelling-check test sets (../shared/csc): sentence-level detection
and correction precision/recall/F1 (the usual SIGHAN metrics) and character-level figures.

Each sentence is checked as a document of its own with the TYPO rules. A sentence counts as
detected when the set of flagged character positions equals the gold error positions, and as
corrected when, in addition, the suggested characters equal the gold ones (SIGHAN's sentence-level
definitions; sentences without errors count for precision only).

    python benchmarks/csc.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from jiaokan import Document
from jiaokan.config import Settings
from jiaokan.registry import Registry
from jiaokan.runner import Engine

CSC = Path(__file__).resolve().parents[1].parent / "shared" / "csc"


def predictions(engine: Engine, source: str) -> dict[int, str]:
    doc = Document("s.txt", source)
    out: dict[int, str] = {}
    for f in engine.check_documents({"s.txt": doc}):
        if f.fix is None:
            continue
        for e in f.fix.edits:
            wrong = source[e.start_offset:e.end_offset]
            if len(wrong) == len(e.replacement):  # substitutions and swaps: per-character
                for k, (a, b) in enumerate(zip(wrong, e.replacement)):
                    if a != b:
                        out[e.start_offset + k] = b
            else:  # a doubled/missing character: the span is flagged, no per-character correction
                for k in range(e.start_offset, e.end_offset):
                    out[k] = "?"
    return out


def evaluate(path: Path, engine: Engine, limit: int | None) -> dict:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        rows = rows[:limit]
    s = dict(tp_d=0, fp_d=0, fn_d=0, tp_c=0, fp_c=0, fn_c=0, ctp_d=0, cfp_d=0, cfn_d=0, ctp_c=0, chars=0)
    t0 = time.perf_counter()
    for row in rows:
        src, tgt = row["source"], row["target"]
        gold = {i: tgt[i] for i in range(len(src)) if src[i] != tgt[i]}
        pred = predictions(engine, src)
        s["chars"] += len(src)
        if pred:
            if set(pred) == set(gold):
                s["tp_d"] += 1
                if all(pred[i] == gold[i] for i in gold):
                    s["tp_c"] += 1
                else:
                    s["fp_c"] += 1
                    s["fn_c"] += 1
            else:
                s["fp_d"] += 1
                s["fp_c"] += 1
                if gold:
                    s["fn_d"] += 1
                    s["fn_c"] += 1
        elif gold:
            s["fn_d"] += 1
            s["fn_c"] += 1
        # character level
        s["ctp_d"] += len(set(pred) & set(gold))
        s["cfp_d"] += len(set(pred) - set(gold))
        s["cfn_d"] += len(set(gold) - set(pred))
        s["ctp_c"] += sum(1 for i in gold if pred.get(i) == gold[i])
    s["seconds"] = time.perf_counter() - t0
    s["sentences"] = len(rows)
    return s


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    if not CSC.exists():
        raise SystemExit(f"{CSC} is not here: ../shared must be beside the repository")
    engine = Engine(Settings(root=Path.cwd()), Registry(), select=["TYPO"])
    for name in ("sighan13_test.jsonl", "sighan14_test.jsonl"):
        s = evaluate(CSC / name, engine, args.limit)
        dp, dr, df = prf(s["tp_d"], s["fp_d"], s["fn_d"])
        cp, cr, cf = prf(s["tp_c"], s["fp_c"], s["fn_c"])
        chp, chr_, chf = prf(s["ctp_d"], s["cfp_d"], s["cfn_d"])
        print(f"{name}: {s['sentences']} sentences, {s['chars']:,} chars in {s['seconds']:.1f} s "
              f"({s['chars'] / s['seconds']:,.0f} chars/s)")
        print(f"  sentence detection  P {dp:6.1%}  R {dr:6.1%}  F1 {df:6.1%}")
        print(f"  sentence correction P {cp:6.1%}  R {cr:6.1%}  F1 {cf:6.1%}")
        print(f"  char detection      P {chp:6.1%}  R {chr_:6.1%}  F1 {chf:6.1%}   "
              f"char corrections right: {s['ctp_c']}/{s['ctp_d'] or 1} of the detected")


if __name__ == "__main__":
    main()
