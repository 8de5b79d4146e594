#!/usr/bin/env python3
"""Per-resample cost of the bootstrap in two `plssem` binaries, measured side by side.

    python3 Benchmarks/compare_bootstrap_binaries.py OLD/plssem NEW/plssem --runs 9 --resamples 50000

For each model (corp rep simple, ECSI mobi) and thread count (2, then 1), the two binaries run
**alternately** (old, new, new, old, old, new, ...: ABBA, so a drift of the machine's load hits
both alike), each time `plssem bootstrap --bootstrap B` and `--bootstrap 2` with the same seed.
The cost of a run is (time of B resamples - time of 2) / (B - 2): process start, reading,
estimation and the report cancel. Wall clock from `time.perf_counter`, CPU time (user + system)
from the child's own rusage (`os.wait4`). Prints a markdown table of medians and, per row, the
range of the pairwise ratios new/old, which shows how noisy the machine was.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODELS = {
    "corp rep simple": (
        "examples/corporate-reputation/corp_rep.csv",
        "examples/corporate-reputation/simple.model",
    ),
    "ECSI mobi": ("examples/ecsi-mobi/mobi.csv", "examples/ecsi-mobi/mobi.model"),
}


def run(binary, data, model, resamples, threads, seed, extra):
    """Wall and CPU seconds of one `plssem bootstrap` run."""
    command = [
        binary, "bootstrap", "--data", os.path.join(ROOT, data), "--model",
        os.path.join(ROOT, model), "--bootstrap", str(resamples), "--seed", str(seed),
        "--threads", str(threads), "--format", "json", *extra,
    ]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed")
    return wall, usage.ru_utime + usage.ru_stime


def cost(binary, data, model, resamples, threads, seed, extra):
    """Per-resample wall and CPU seconds: (B run - 2 run) / (B - 2)."""
    base_wall, base_cpu = run(binary, data, model, 2, threads, seed, extra)
    full_wall, full_cpu = run(binary, data, model, resamples, threads, seed, extra)
    return (full_wall - base_wall) / (resamples - 2), (full_cpu - base_cpu) / (resamples - 2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--runs", type=int, default=5, help="runs of each binary per row")
    parser.add_argument("--resamples", type=int, default=50000)
    parser.add_argument("--threads", default="2,1", help="comma-separated thread counts")
    parser.add_argument("--models", default=",".join(MODELS), help="comma-separated model names")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--extra", default="", help="more plssem options, space-separated")
    args = parser.parse_args()
    extra = args.extra.split()
    load = os.getloadavg()
    print(f"load average before: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}", file=sys.stderr)
    print(f"B = {args.resamples}, {args.runs} runs of each binary per row, alternating (ABBA)\n")
    print("| model | threads | old wall µs | new wall µs | old/new wall | old CPU µs | new CPU µs "
          "| old/new CPU | pairwise CPU old/new (min–max) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in args.models.split(","):
        data, model = MODELS[name]
        for threads in (int(t) for t in args.threads.split(",")):
            old, new = [], []
            for r in range(args.runs):
                order = [(args.old, old), (args.new, new)]
                if r % 2 == 1:
                    order.reverse()
                for binary, results in order:
                    results.append(
                        cost(binary, data, model, args.resamples, threads, args.seed, extra))
            ow = statistics.median(x[0] for x in old) * 1e6
            nw = statistics.median(x[0] for x in new) * 1e6
            oc = statistics.median(x[1] for x in old) * 1e6
            nc = statistics.median(x[1] for x in new) * 1e6
            pairs = [o[1] / n[1] for o, n in zip(old, new) if n[1] > 0]
            print(f"| {name} | {threads} | {ow:.2f} | {nw:.2f} | {ow / nw:.2f}× | {oc:.2f} "
                  f"| {nc:.2f} | {oc / nc:.2f}× | {min(pairs):.2f}–{max(pairs):.2f} |",
                  flush=True)
    load = os.getloadavg()
    print(f"load average after: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}", file=sys.stderr)


if __name__ == "__main__":
    main()
