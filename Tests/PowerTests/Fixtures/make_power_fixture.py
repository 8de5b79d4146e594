"""Independent numpy Monte Carlo power study of the design of PowerReferenceTests.

Written from the definitions, sharing no code or random numbers with swift-plssem:

* population: X and Z exogenous, uncorrelated, standard normal; Y = 0.3 X + 0 Z + zeta with
  Var(Y) = 1; three items per construct, x = 0.8 eta + 0.6 eps (standardised loadings 0.8);
* estimation: PLS-PM (Wold; Lohmoeller 1989) on the indicator correlation matrix, Mode A,
  path weighting scheme, initial weights 1, stop when the summed absolute weight change is
  below 1e-7 (at most 300 iterations), paths by OLS on the standardised scores;
* inference: B bootstrap resamples of the rows; SE = SD of the draws (ddof 1); t = estimate/SE;
  two-tailed p from Student's t on B - 1 df; a path is detected when p < alpha; the 95 %
  percentile interval (numpy's linear quantile = R type 7) covers the population value or not.

For each n in SIZES and R replications: power, mean estimate, empirical SE (ddof 1), mean
bootstrap SE and its SD across replications, coverage. Writes power-reference.json beside this
script. Run: python3 make_power_fixture.py  (numpy, scipy; about 2-3 minutes for the defaults).
"""

import json
import os
import sys
import time

import numpy as np
from scipy import stats

SIZES = [100, 200]
REPLICATIONS = 1000
RESAMPLES = 100
ALPHA = 0.05
LOADING = 0.8
BETA = {"X": 0.3, "Z": 0.0}  # paths into Y
SEED = 20261206

BLOCKS = {"X": [0, 1, 2], "Z": [3, 4, 5], "Y": [6, 7, 8]}
NAMES = ["X", "Z", "Y"]
PATHS = [("X", "Y"), ("Z", "Y")]


def simulate(rng, n):
    x = rng.standard_normal(n)
    z = rng.standard_normal(n)
    r2 = BETA["X"] ** 2 + BETA["Z"] ** 2
    y = BETA["X"] * x + BETA["Z"] * z + np.sqrt(1 - r2) * rng.standard_normal(n)
    eta = {"X": x, "Z": z, "Y": y}
    cols = []
    for name in NAMES:
        for _ in range(3):
            cols.append(LOADING * eta[name] + np.sqrt(1 - LOADING**2) * rng.standard_normal(n))
    return np.column_stack(cols)


def correlations(data):
    """Correlation matrices of a batch of data sets (..., n, p)."""
    centred = data - data.mean(axis=-2, keepdims=True)
    cov = np.swapaxes(centred, -1, -2) @ centred
    sd = np.sqrt(np.einsum("...ii->...i", cov))
    return cov / sd[..., :, None] / sd[..., None, :]


def pls_paths(S, tol=1e-7, max_iter=300):
    """Path coefficients (batch, len(PATHS)) of the model for correlation matrices S (batch, 9, 9)."""
    batch = S.shape[0]
    k = len(NAMES)
    block_of = np.zeros(9, dtype=int)
    for j, name in enumerate(NAMES):
        block_of[BLOCKS[name]] = j
    mask = np.zeros((9, k))
    mask[np.arange(9), block_of] = 1.0

    def normalise(w):
        W = w[:, :, None] * mask  # (batch, 9, k), block-diagonal weights
        var = np.einsum("bik,bij,bjk->bk", W, S, W)
        return w / np.sqrt(var[:, block_of])

    def score_corr(w):
        W = w[:, :, None] * mask
        return np.transpose(W, (0, 2, 1)) @ S @ W

    y = NAMES.index("Y")
    preds_y = [NAMES.index(f) for f, _ in PATHS]
    w = normalise(np.ones((batch, 9)))
    converged = np.zeros(batch, dtype=bool)
    for _ in range(max_iter):
        R = score_corr(w)
        # inner weights, path scheme: E[j, c] is the weight of construct c in j's proxy
        E = np.zeros((batch, k, k))
        for j, nj in enumerate(NAMES):
            preds = [NAMES.index(f) for f, t in PATHS if t == nj]
            succs = [NAMES.index(t) for f, t in PATHS if f == nj]
            for s in succs:
                E[:, j, s] = R[:, j, s]
            if preds:
                coef = np.linalg.solve(R[:, preds][:, :, preds], R[:, preds, j][..., None])[..., 0]
                E[:, j, preds] = coef
        # Mode A: new weights of block j = cov(items of j, proxy of j) = sum_c E[j, c] S[items, c-items] w_c
        M = S @ (w[:, :, None] * mask)  # (batch, 9, k): cov of each item with each score
        proxy_cov = M @ np.transpose(E, (0, 2, 1))  # (batch, 9, k): item i with proxy j
        new = normalise(proxy_cov[:, np.arange(9), block_of])
        change = np.abs(new - w).sum(axis=1)
        w = np.where(converged[:, None], w, new)
        converged |= change < tol
        if converged.all():
            break
    R = score_corr(w)
    return np.linalg.solve(R[:, preds_y][:, :, preds_y], R[:, preds_y, y][..., None])[..., 0]


def main():
    rng = np.random.default_rng(SEED)
    result = {
        "design": {
            "paths": [{"from": f, "to": t, "population": BETA[f]} for f, t in PATHS],
            "loading": LOADING,
            "itemsPerConstruct": 3,
            "replications": REPLICATIONS,
            "resamples": RESAMPLES,
            "alpha": ALPHA,
            "tails": 2,
            "interval": "percentile",
            "seed": SEED,
            "generator": "numpy default_rng (PCG64)",
        },
        "byN": [],
    }
    for n in SIZES:
        start = time.time()
        est = np.empty((REPLICATIONS, len(PATHS)))
        se = np.empty_like(est)
        detected = np.zeros_like(est, dtype=bool)
        covered = np.zeros_like(est, dtype=bool)
        for r in range(REPLICATIONS):
            data = simulate(rng, n)
            original = pls_paths(correlations(data)[None])[0]
            idx = rng.integers(0, n, size=(RESAMPLES, n))
            draws = pls_paths(correlations(data[idx]))
            sd = draws.std(axis=0, ddof=1)
            t = original / sd
            p = 2 * stats.t.sf(np.abs(t), RESAMPLES - 1)
            lo, hi = np.quantile(draws, [ALPHA / 2, 1 - ALPHA / 2], axis=0)
            pop = np.array([BETA[f] for f, _ in PATHS])
            est[r], se[r] = original, sd
            detected[r] = p < ALPHA
            covered[r] = (lo <= pop) & (pop <= hi)
        entry = {"n": n, "paths": []}
        for m, (f, t) in enumerate(PATHS):
            entry["paths"].append(
                {
                    "from": f,
                    "to": t,
                    "power": float(detected[:, m].mean()),
                    "meanEstimate": float(est[:, m].mean()),
                    "empiricalSE": float(est[:, m].std(ddof=1)),
                    "meanBootstrapSE": float(se[:, m].mean()),
                    "sdBootstrapSE": float(se[:, m].std(ddof=1)),
                    "coverage": float(covered[:, m].mean()),
                }
            )
        result["byN"].append(entry)
        print(f"n = {n}: {time.time() - start:.1f} s", json.dumps(entry), file=sys.stderr)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "power-reference.json")
    with open(path, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
