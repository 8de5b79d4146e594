#!/usr/bin/env python3
"""Interval errors on the weak scale, before and after the exact quantiles and the new sketch.

The weak scale (Tests/PLSSEMTests/Fixtures/data/weak-scale.*, written by
scripts/fixtures/make_weak_scale_data.py) has a two-item construct W whose items correlate
-0.0027, so HTMT(B, W) has bootstrap draws up to ~10^8. For B = 100,000 resamples (seed 11) this
runs:

- BEFORE: a plssem built from an earlier commit (--before, e.g. 67fa833 with its 8,192-bin
  histogram read as an inverted CDF), with --keep-draws;
- AFTER, exact: this plssem (--after) with the default exact-quantile budget, --keep-draws;
- AFTER, sketch: this plssem with --exact-quantile-budget 0.

Each with the 95 % percentile and the 80 % BCa interval. The reference is the exact R type-7
quantile of the kept draws: numpy for the percentile limits; for BCa, the exact quantile at the
BCa-adjusted level, i.e. AFTER-exact's limit (its BCa arithmetic is tested against numpy on kept
draws to 1e-12 in BootstrapIntervalTests). Errors are in bootstrap SDs (numpy std, ddof 1, of the
draws). Prints a Markdown table: per interval, the largest error over all statistics and the
HTMT(B, W) limits.

Usage (from the repository root; about a minute):
    python3 Benchmarks/weak-scale-intervals.py --before /path/to/old/plssem --after .build/release/plssem
"""

import argparse
import csv
import json
import subprocess
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "Tests/PLSSEMTests/Fixtures/data/weak-scale.csv"
MODEL = ROOT / "Tests/PLSSEMTests/Fixtures/data/weak-scale.model"
RESAMPLES = 100_000
SEED = 11
HTMT = "htmt:B|W"


def run(binary, extra, draws=None):
    args = [binary, "bootstrap", "--data", str(DATA), "--model", str(MODEL),
            "--bootstrap", str(RESAMPLES), "--seed", str(SEED), "--max-failure-share", "0.5",
            "--format", "json"] + extra
    if draws:
        args += ["--keep-draws", str(draws)]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def limits(report):
    """{key: (lower, upper)} of paths, loadings, weights, effects and HTMT."""
    out = {}
    for p in report["paths"]:
        out[f"path:{p['from']}->{p['to']}"] = p
    for kind in ("loadings", "weights"):
        for e in report[kind]:
            out[f"{kind[:-1]}:{e['construct']}=~{e['indicator']}"] = e
    for e in report["effects"]["total"]:
        out[f"total:{e['from']}->{e['to']}"] = e
    for e in report["htmt"]:
        out[f"htmt:{e['row']}|{e['column']}"] = e
    return {k: (v["ciLower"], v["ciUpper"]) for k, v in out.items()}


def draws(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    header = rows[0][1:]
    columns = list(zip(*[r[1:] for r in rows[1:]]))
    return {k: np.array([float(v) for v in c if v != ""]) for k, c in zip(header, columns)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", default=str(ROOT / ".build/release/plssem"))
    a = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        kept = draws_before = None
        results = {}
        for label, ci in (("95% percentile", ["--ci", "percentile", "--level", "0.95"]),
                          ("80% BCa", ["--ci", "bca", "--level", "0.8"])):
            before = run(a.before, ci, tmp / "before.csv" if kept is None else None)
            exact = run(a.after, ci + ["--quiet"], tmp / "after.csv" if kept is None else None)
            sketch = run(a.after, ci + ["--quiet", "--exact-quantile-budget", "0"])
            if kept is None:
                kept = draws(tmp / "after.csv")
                draws_before = draws(tmp / "before.csv")
            results[label] = (limits(before), limits(exact), limits(sketch), exact)
    same = max(float(np.max(np.abs(kept[k] - draws_before[k]))) for k in kept
               if len(kept[k]) == len(draws_before[k]))
    print(f"largest difference between the two versions' draws: {same:.3g}\n")
    print("| interval | statistic | reference (exact type 7) | before | error before (SD) | after, exact | after, sketch | error sketch (SD) |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, (before, exact, sketch, _) in results.items():
        worst_before = worst_sketch = worst_exact = (0.0, "")
        htmt_rows = []
        for key, (lo, hi) in exact.items():
            x = kept.get(key)
            if x is None or lo is None:
                continue
            sd = float(np.std(x, ddof=1))
            if label.startswith("95"):
                ref = (float(np.quantile(x, 0.025, method="linear")),
                       float(np.quantile(x, 0.975, method="linear")))
                e = max(abs(lo - ref[0]), abs(hi - ref[1])) / sd
                worst_exact = max(worst_exact, (e, key))
            else:
                ref = (lo, hi)
            b = before.get(key, (None, None))
            s = sketch[key]
            eb = max(abs(b[0] - ref[0]), abs(b[1] - ref[1])) / sd if b[0] is not None else float("nan")
            es = max(abs(s[0] - ref[0]), abs(s[1] - ref[1])) / sd
            worst_before = max(worst_before, (eb, key))
            worst_sketch = max(worst_sketch, (es, key))
            if key == HTMT:
                for side, r, bb, ex, sk in (("lower", ref[0], b[0], lo, s[0]), ("upper", ref[1], b[1], hi, s[1])):
                    htmt_rows.append(
                        f"| {label} | {HTMT} {side} (SD {sd:.4g}) | {r:.6g} | {bb:.6g} | {abs(bb - r) / sd:.3g} | {ex:.6g} | {sk:.6g} | {abs(sk - r) / sd:.3g} |")
        print(f"| {label} | largest over all statistics | | | {worst_before[0]:.3g} ({worst_before[1]}) | | | {worst_sketch[0]:.3g} ({worst_sketch[1]}) |")
        for row in htmt_rows:
            print(row)
        if label.startswith("95"):
            print(f"\n(after, exact vs numpy: largest error {worst_exact[0]:.3g} SD)\n")


if __name__ == "__main__":
    main()
