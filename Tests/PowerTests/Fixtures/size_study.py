"""Why is the bootstrap test of a zero PLS path liberal? An independent numpy study of the size
of the tests of PowerReferenceTests' zero path (Z -> Y, population 0) at n = 200.

Design as make_power_fixture.py (X, Z uncorrelated; Y = 0.3 X + 0 Z + zeta; three items at
loading 0.8; continuous items). Per replication: the PLS estimate (Mode A, path weighting, from
make_power_fixture.pls_paths), B = 1,000 bootstrap resamples of the rows and the n jackknife
estimates. The same draws give every test, so the comparison between tests is paired:

* t: t = estimate / SE_boot (SD of the first B draws, ddof 1), two-tailed p from Student's t on
  B - 1 df (SmartPLS's and the engine's default), for B = 100, 500 and 1,000;
* z: the same t against the standard normal (B = 1,000);
* percentile: the 95 % percentile interval (type 7) excludes 0, B = 100 and 1,000;
* BCa: the 95 % BCa interval (bias correction from the draws, jackknife acceleration) excludes
  0, B = 1,000;
* oracle: |estimate| / SD of the estimates over the replications > z_0.975 - the test with the
  true SE: is the estimator's sampling distribution itself heavier-tailed than normal?
* sum scores: the same bootstrap t test (B = 1,000) of the path between unit-weighted sum scores
  (no weights chosen from the data) - isolates the effect of PLS's weighting.

Also: the excess kurtosis of the zero path's estimates and the correlation between |estimate|
and SE_boot.

Run in parts (each its own seed, SEED + part) into a scratch folder outside the repository,
then combine (only size-study.json is written here):
  SCRATCH=$(mktemp -d)
  python3 size_study.py part 0 1000 "$SCRATCH" & python3 size_study.py part 1 1000 "$SCRATCH" &
  wait                                          # about 40 min each on a loaded two-core machine
  python3 size_study.py combine "$SCRATCH"      # reads its size-study-part*.npz
"""

import json
import os
import sys
import time

import numpy as np
from scipy import stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_power_fixture as ref  # noqa: E402

N = 200
B = 1000
ALPHA = 0.05
SEED = 20261207
Z = 1  # index of the zero path Z -> Y in ref.PATHS


def sum_score_paths(data):
    """Paths of Y on X, Z between standardised unit-weighted sum scores; data (..., n, 9)."""
    scores = np.stack([data[..., ref.BLOCKS[c]].sum(axis=-1) for c in ref.NAMES], axis=-1)
    R = ref.correlations(scores)
    return np.linalg.solve(R[..., :2, :2], R[..., :2, 2][..., None])[..., 0]


def quantile(draws, q):
    return np.quantile(draws, q, axis=0)


def bca_excludes_zero(estimate, draws, jack):
    b = len(draws)
    share = (np.sum(draws < estimate) + 0.5 * np.sum(draws == estimate)) / b
    share = min(max(share, 0.5 / b), 1 - 0.5 / b)
    z0 = stats.norm.ppf(share)
    d = jack.mean() - jack
    a = np.sum(d**3) / (6 * np.sum(d**2) ** 1.5)
    zs = stats.norm.ppf([ALPHA / 2, 1 - ALPHA / 2])
    levels = stats.norm.cdf(z0 + (z0 + zs) / (1 - a * (z0 + zs)))
    lo, hi = np.quantile(draws, levels)
    return not (lo <= 0 <= hi)


KEYS = ("t100", "t500", "t1000", "z1000", "percentile100", "percentile1000", "bca1000", "sumT1000")


def part(index, R, scratch):
    rng = np.random.default_rng(SEED + index)
    keep = np.ones((N, N), dtype=bool)
    np.fill_diagonal(keep, False)
    jidx = np.nonzero(keep)[1].reshape(N, N - 1)
    out = {key: np.zeros(R, dtype=bool) for key in KEYS}
    out["estimate"] = np.zeros(R)
    out["se1000"] = np.zeros(R)
    start = time.time()
    for r in range(R):
        data = ref.simulate(rng, N)
        est = ref.pls_paths(ref.correlations(data)[None])[0][Z]
        idx = rng.integers(0, N, size=(B, N))
        draws = ref.pls_paths(ref.correlations(data[idx]))[:, Z]
        jack = ref.pls_paths(ref.correlations(data[jidx]))[:, Z]
        s_est = sum_score_paths(data)[Z]
        s_draws = sum_score_paths(data[idx])[:, Z]
        out["estimate"][r] = est
        for b in (100, 500, 1000):
            se = draws[:b].std(ddof=1)
            out[f"t{b}"][r] = 2 * stats.t.sf(abs(est / se), b - 1) < ALPHA
        out["se1000"][r] = se
        out["z1000"][r] = 2 * stats.norm.sf(abs(est / se)) < ALPHA
        for b in (100, 1000):
            lo, hi = np.quantile(draws[:b], [ALPHA / 2, 1 - ALPHA / 2])
            out[f"percentile{b}"][r] = not (lo <= 0 <= hi)
        out["bca1000"][r] = bca_excludes_zero(est, draws, jack)
        s_se = s_draws.std(ddof=1)
        out["sumT1000"][r] = 2 * stats.t.sf(abs(s_est / s_se), B - 1) < ALPHA
        if r % 100 == 99:
            print(f"part {index}: {r + 1} replications, {time.time() - start:.0f} s", file=sys.stderr)
    np.savez(os.path.join(scratch, f"size-study-part{index}.npz"), **out)


def combine(scratch):
    parts = sorted(f for f in os.listdir(scratch) if f.startswith("size-study-part"))
    if not parts:
        sys.exit(f"no size-study-part*.npz in {scratch}")
    loaded = [np.load(os.path.join(scratch, f)) for f in parts]
    rows = {key: np.concatenate([p[key] for p in loaded]) for key in KEYS + ("estimate", "se1000")}
    est = rows["estimate"]
    R = len(est)
    sd = est.std(ddof=1)
    oracle = np.abs(est) / sd > stats.norm.ppf(1 - ALPHA / 2)

    def rate(values):
        p = float(np.mean(values))
        return {"rate": p, "mcSE": float(np.sqrt(p * (1 - p) / R))}

    tests = {key: rate(rows[key]) for key in KEYS}
    tests["oracle"] = rate(oracle)
    result = {
        "design": {
            "n": N,
            "replications": R,
            "parts": len(parts),
            "resamples": B,
            "alpha": ALPHA,
            "seed": f"{SEED} + part",
            "generator": "numpy default_rng (PCG64)",
            "path": "Z -> Y (population 0)",
        },
        "tests": tests,
        "estimate": {
            "mean": float(est.mean()),
            "sd": float(sd),
            "excessKurtosis": float(stats.kurtosis(est)),
            "meanBootstrapSE1000": float(rows["se1000"].mean()),
            "corrAbsEstimateSE": float(np.corrcoef(np.abs(est), rows["se1000"])[0, 1]),
        },
    }
    print(json.dumps(result, indent=2))
    with open(os.path.join(HERE, "size-study.json"), "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")


HERE = os.path.dirname(os.path.abspath(__file__))

def scratch_folder(path):
    """The scratch folder of the parts: it must exist and lie outside this fixtures folder."""
    folder = os.path.abspath(path)
    if not os.path.isdir(folder):
        sys.exit(f"{path}: no such folder (make one with mktemp -d)")
    if os.path.commonpath([folder, HERE]) == HERE:
        sys.exit(f"{path}: the scratch folder must lie outside {HERE}")
    return folder


if __name__ == "__main__":
    usage = "usage: size_study.py part INDEX REPLICATIONS SCRATCH | combine SCRATCH"
    if len(sys.argv) == 5 and sys.argv[1] == "part":
        part(int(sys.argv[2]), int(sys.argv[3]), scratch_folder(sys.argv[4]))
    elif len(sys.argv) == 3 and sys.argv[1] == "combine":
        combine(scratch_folder(sys.argv[2]))
    else:
        sys.exit(usage)
