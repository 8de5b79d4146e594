"""Writes the large-input benchmark's data and model: N rows x (J constructs x K indicators).

A chain of constructs X1 -> X2 -> ... -> XJ with standardised paths of 0.5; each indicator
loads 0.7 on its construct. Seeded (numpy default_rng), so every run writes the same files.
Values are written with 6 significant digits, as survey or simulation exports usually are.

    python3 Benchmarks/peers/make_large_input.py OUTDIR [--rows 100000] [--constructs 20] [--indicators 10]
"""
import argparse
import os

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("outdir")
parser.add_argument("--rows", type=int, default=100_000)
parser.add_argument("--constructs", type=int, default=20)
parser.add_argument("--indicators", type=int, default=10)
parser.add_argument("--seed", type=int, default=20261123)
args = parser.parse_args()

rng = np.random.default_rng(args.seed)
n, J, K = args.rows, args.constructs, args.indicators
latent = np.empty((n, J))
latent[:, 0] = rng.standard_normal(n)
for j in range(1, J):
    latent[:, j] = 0.5 * latent[:, j - 1] + np.sqrt(1 - 0.25) * rng.standard_normal(n)
loading = 0.7
noise = np.sqrt(1 - loading**2)
data = np.repeat(latent, K, axis=1) * loading + noise * rng.standard_normal((n, J * K))
names = [f"x{j + 1}_{k + 1}" for j in range(J) for k in range(K)]

os.makedirs(args.outdir, exist_ok=True)
csv = os.path.join(args.outdir, "large.csv")
np.savetxt(csv, data, delimiter=",", fmt="%.6g", header=",".join(names), comments="")
with open(os.path.join(args.outdir, "large.model"), "w") as f:
    f.write(f"# {J} Mode A constructs of {K} indicators, a chain of paths\n")
    for j in range(J):
        f.write(f"X{j + 1} =~ " + " + ".join(names[j * K:(j + 1) * K]) + "\n")
    for j in range(1, J):
        f.write(f"X{j + 1} ~ X{j}\n")
print(csv, os.path.getsize(csv), "bytes")
