#!/usr/bin/env python3
"""The seminr peer of the bootstrap benchmark: times seminr's `bootstrap_model` (PyPI `seminr`,
the Python port of R seminr) on the same model and data as `plssem bootstrap`.

Only the `bootstrap_model` call is timed (time.perf_counter around it): the model is estimated
once before, untimed, as `plssem bootstrap`'s time is taken net of loading and estimating
(see bootstrap_vs_seminr.sh). With --cores 2 the time includes seminr's start-up of its
process pool, which a seminr user pays on every call.

Usage (from the repository root):
    python3 Benchmarks/peers/seminr_bootstrap.py --model corp-rep --resamples 1000 --repeats 3 [--cores 2]
Prints one JSON object: model, resamples, cores, seconds (wall clock, one per repeat),
cpuSeconds (user + system CPU time of this process and of its finished children, i.e. the pool's
workers, one per repeat), failed.
Requires: seminr 0.2.1, numpy, pandas < 3.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "fixtures"))

import seminr as s  # noqa: E402

import make_estimation_fixtures as est  # noqa: E402  (model parser and seminr model builders)

MODELS = {
    "corp-rep": ("examples/corporate-reputation/corp_rep.csv", "examples/corporate-reputation/simple.model", [-99.0]),
    "mobi": ("examples/ecsi-mobi/mobi.csv", "examples/ecsi-mobi/mobi.model", []),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", choices=sorted(MODELS), required=True)
    parser.add_argument("--resamples", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cores", type=int, default=1, help="seminr's `cores` (1 = its sequential default)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    data_rel, model_rel, missing = MODELS[args.model]
    model = est.parse_model((ROOT / model_rel).read_text())
    data = est.load_csv(data_rel)
    fit = est.fit_seminr(model, data, missing, "path", est.SEMINR_DEFAULT_STOP)
    seconds = []
    cpu_seconds = []
    failed = 0

    def cpu() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    for r in range(args.repeats):
        cpu_started = cpu()
        started = time.perf_counter()
        boot = s.bootstrap_model(fit, nboot=args.resamples, seed=args.seed + r, cores=args.cores)
        seconds.append(time.perf_counter() - started)
        cpu_seconds.append(cpu() - cpu_started)
        failed += boot.fails
    print(json.dumps({"model": args.model, "resamples": args.resamples, "cores": args.cores, "seconds": seconds,
                      "cpuSeconds": cpu_seconds, "failed": failed}))


if __name__ == "__main__":
    main()
