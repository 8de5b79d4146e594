#!/usr/bin/env python3
"""The seminr peer of the multi-group benchmark: times seminr's `estimate_pls_mga` (PyPI `seminr`
0.2.1, the Python port of R seminr) on corp rep extended split by `servicetype`, with NBOOT
bootstrap resamples per group (seminr has no permutation test; its MGA is the two groups'
re-estimation, their bootstraps and Henseler's p).

Only the `estimate_pls_mga` call is timed (time.perf_counter); the full-sample model is
estimated before, untimed. Prints one JSON object: resamples, seconds (wall clock) and
cpuSeconds (user + system of this process and finished children).

Usage (from the repository root):
    python3 Benchmarks/peers/seminr_mga.py --resamples 1000
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

import make_mga_fixtures as mga  # noqa: E402  (data preparation, seminr model builders)


def cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--resamples", type=int, default=1000)
    args = parser.parse_args()
    model = mga.est.parse_model((ROOT / mga.MODEL).read_text())
    indicators = [i for items in model.blocks.values() for i in items]
    raw = mga.est.load_csv(mga.DATA)
    data = mga.replaced_once(raw, indicators)
    full = mga.fit(model, data, mga.est.SEMINR_DEFAULT_STOP)
    condition = (raw[mga.GROUP_COLUMN] == 1).to_numpy()
    c0, t0 = cpu(), time.perf_counter()
    s.estimate_pls_mga(full, condition, nboot=args.resamples, seed=1)
    seconds, cpu_seconds = time.perf_counter() - t0, cpu() - c0
    print(json.dumps({"resamples": args.resamples, "seconds": seconds, "cpuSeconds": cpu_seconds}))


if __name__ == "__main__":
    main()
