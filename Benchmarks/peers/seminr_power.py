#!/usr/bin/env python3
"""The seminr peer of the power benchmark: the same study as `plssem power --example led
--respondents N --bootstrap B`, replication by replication with seminr (PyPI `seminr` 0.2.1):
estimate_pls on the LED mediation model, then bootstrap_model with B resamples.

The data sets are drawn by `plssem simulate --example led --respondents N --seed r` (the same
population, Likert thresholds and construct direction; written before timing, untimed), with the
two reverse-coded items of the codebook recoded back (6 - x), as a user would. Only estimate_pls
+ bootstrap_model are timed, per replication. A path is detected when seminr's bootstrap t
(estimate / bootstrap SD) exceeds the two-tailed Student t quantile at alpha on B - 1 df.

Usage (from the repository root):
    python3 Benchmarks/peers/seminr_power.py --plssem PATH --replications 5 --respondents 100 --bootstrap 500
Prints one JSON object: replications, respondents, resamples, seconds (per replication),
cpuSeconds (per replication), detected (per path, counts).
Requires: seminr 0.2.1, numpy, pandas < 3, scipy, PyYAML.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import seminr as s
import yaml
from scipy import stats

ROOT = Path(__file__).resolve().parents[2]
BLOCKS = {
    "X1": ["X1_BL1", "X1_BL2", "X1_BL3", "X1_FL1", "X1_FL2", "X1_FL3"],
    "X2": ["X2_AG1", "X2_AG2", "X2_AG3", "X2_CO1", "X2_CO2", "X2_CO3"],
    "X3": ["X3_PS1", "X3_PS2", "X3_PS3", "X3_GO1", "X3_GO2", "X3_GO3"],
    "Y": ["Y_EP1", "Y_EP2", "Y_EP3", "Y_MS1", "Y_MS2", "Y_MS3", "Y_IN1", "Y_IN2", "Y_IN3"],
}
PATHS = [("X2", "X3"), ("X1", "Y"), ("X2", "Y"), ("X3", "Y")]


def cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plssem", required=True, help="the plssem binary (to draw the data)")
    parser.add_argument("--replications", type=int, default=5)
    parser.add_argument("--respondents", type=int, default=100)
    parser.add_argument("--bootstrap", type=int, default=500)
    parser.add_argument("--alpha", type=float, default=0.05)
    args = parser.parse_args()

    codebook = yaml.safe_load((ROOT / "examples/led-survey/codebook.yaml").read_text())
    reverse = [item["id"] for item in codebook["items"] if item.get("reverse")]
    points = 5
    data_sets = []
    for r in range(args.replications):
        text = subprocess.run(
            [args.plssem, "simulate", "--example", "led", "--respondents", str(args.respondents), "--seed", str(r + 1)],
            check=True, capture_output=True, text=True).stdout
        frame = pd.read_csv(io.StringIO(text))
        for item in reverse:
            frame[item] = points + 1 - frame[item]
        data_sets.append(frame)

    measurement = s.constructs(*[s.composite(c, items, s.mode_A) for c, items in BLOCKS.items()])
    structural = s.relationships(s.paths(["X2"], "X3"), s.paths(["X1", "X2", "X3"], "Y"))
    critical = stats.t.ppf(1 - args.alpha / 2, args.bootstrap - 1)
    seconds, cpu_seconds = [], []
    detected = {f"{a}->{b}": 0 for a, b in PATHS}
    for r, frame in enumerate(data_sets):
        cpu_started = cpu()
        started = time.perf_counter()
        fit = s.estimate_pls(frame, measurement, structural, inner_weights=s.path_weighting)
        boot = s.bootstrap_model(fit, nboot=args.bootstrap, seed=r + 1)
        seconds.append(time.perf_counter() - started)
        cpu_seconds.append(cpu() - cpu_started)
        for a, b in PATHS:
            sd = pd.Series([rep.get(a, b) for rep in boot.boot_paths]).std(ddof=1)
            if abs(fit.path_coef.get(a, b) / sd) > critical:
                detected[f"{a}->{b}"] += 1
    print(json.dumps({"replications": args.replications, "respondents": args.respondents,
                      "resamples": args.bootstrap, "seconds": seconds, "cpuSeconds": cpu_seconds,
                      "detected": detected}))


if __name__ == "__main__":
    main()
