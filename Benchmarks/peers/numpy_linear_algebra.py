#!/usr/bin/env python3
"""numpy peer of Benchmarks/Benchmarks/LinearAlgebraBenchmarks (swift-plssem).

Times the same operations on the same shapes and the same data as the Swift benchmarks:

  correlation 344x10      np.corrcoef of a 344x10 matrix
  correlation 10000x200   np.corrcoef of a 10000x200 matrix
  OLS 344x5 x1000         1,000 full OLS fits (intercept + 5 regressors, n = 344):
                          np.linalg.lstsq, residuals, R2 and adjusted R2, standard errors
                          from inv(A'A), t, two-sided p (scipy.special.stdtr when scipy is
                          installed) and VIFs from the inverse correlation matrix -- the
                          quantities swift-plssem's OLSRegression computes.

The data is made (not timed) by the same counter-based SplitMix64 + Box-Muller generator as
the Swift side, vectorised, so both work on the same values (up to the last bits of log/cos).

Timing follows the Swift benchmark package's method and the Swift benchmarks' settings: 3
warm-up iterations, then iterations until 3 s or 10,000 iterations, each timed on its own
with a monotonic clock; the median (p50) is reported. Where the Swift benchmark sets a
scalingFactor (correlation 344x10: 1,000 calls an iteration) an iteration here runs as many
calls, and times are per call.

BLAS is held to one thread, as swift-plssem does: OPENBLAS_NUM_THREADS and friends are set to
1 before numpy is imported (unless already set), and threadpoolctl limits it again when
installed. Output: one tab-separated line per benchmark,
  name  p50_ns  p25_ns  p75_ns  iterations
after a header line, or a readable table with --table.
"""

import argparse
import os
import sys
import time

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402  (after the thread settings on purpose)

try:
    from scipy.special import stdtr as _stdtr
except ImportError:  # p-values are then left out, and the output says so
    _stdtr = None

try:
    from threadpoolctl import threadpool_limits, threadpool_info
except ImportError:
    threadpool_limits = None
    threadpool_info = None

OLS_SOLVES_PER_ITERATION = 1_000

# --- the data: the same generator as DeterministicData in the Swift benchmark ------------

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)


def splitmix64(seed, indices):
    """Output `index` of SplitMix64 started at `seed` (counter-based), for an array of indices."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + (indices.astype(np.uint64) + np.uint64(1)) * _GOLDEN
        z = (z ^ (z >> np.uint64(30))) * _M1
        z = (z ^ (z >> np.uint64(27))) * _M2
        return z ^ (z >> np.uint64(31))


def uniforms(seed, indices):
    """Uniform on (0, 1): the top 53 bits, shifted off zero by half a step."""
    return ((splitmix64(seed, indices) >> np.uint64(11)).astype(np.float64) + 0.5) * 2.0**-53


def normals(count, seed):
    """`count` standard normals; value k uses uniforms 2k and 2k+1 (Box-Muller)."""
    k = np.arange(count, dtype=np.uint64)
    u1 = uniforms(seed, 2 * k)
    u2 = uniforms(seed, 2 * k + 1)
    return np.sqrt(-2.0 * np.log(u1)) * np.cos(2.0 * np.pi * u2)


def normal_matrix(rows, columns, seed):
    """A rows x columns matrix of standard normals filled in column-major order, as in Swift."""
    return normals(rows * columns, seed).reshape((rows, columns), order="F")


def regression_problem(rows, columns, seed):
    x = normal_matrix(rows, columns, seed)
    noise = normals(rows, seed + 1000)
    beta = np.array([[0.5, -0.3, 0.2, 0.1, 0.4][j % 5] for j in range(columns)])
    y = 1.0 + x @ beta + noise
    return x, y


# --- the work ---------------------------------------------------------------------------


def ols(y, x):
    """One full OLS fit with an intercept, computing what OLSRegression computes."""
    n, p = x.shape
    a = np.column_stack((np.ones(n), x))
    k = p + 1
    b, _, _, _ = np.linalg.lstsq(a, y, rcond=None)
    residuals = y - a @ b
    rss = residuals @ residuals
    centred = y - y.mean()
    tss = centred @ centred
    df = n - k
    s2 = rss / df
    se = np.sqrt(s2 * np.diag(np.linalg.inv(a.T @ a)))
    t = b / se
    pvalues = 2.0 * _stdtr(df, -np.abs(t)) if _stdtr is not None else None
    r2 = 1.0 - rss / tss
    adjusted = 1.0 - (1.0 - r2) * (n - 1) / (n - k)
    vif = np.diag(np.linalg.inv(np.corrcoef(x, rowvar=False))) if p > 1 else np.ones(p)
    return b, se, t, pvalues, r2, adjusted, vif


def benchmarks():
    """(name, setup, work, inner) for each benchmark; setup is not timed, work(state) is.

    `inner` is the Swift side's scalingFactor: one measured iteration runs work `inner` times
    and the sample is the time per call."""

    def correlation(state):
        return np.corrcoef(state, rowvar=False)

    def ols_many(state):
        x, y = state
        result = None
        for _ in range(OLS_SOLVES_PER_ITERATION):
            result = ols(y, x)
        return result

    return [
        ("correlation 344x10", lambda: normal_matrix(344, 10, 1), correlation, 1_000),
        ("correlation 10000x200", lambda: normal_matrix(10_000, 200, 2), correlation, 1),
        ("OLS 344x5 x1000", lambda: regression_problem(344, 5, 3), ols_many, 1),
    ]


def measure(work, state, inner, warmup, max_seconds, max_iterations):
    for _ in range(warmup):
        for _ in range(inner):
            work(state)
    samples = []
    clock = time.perf_counter_ns
    deadline = clock() + int(max_seconds * 1e9)
    while len(samples) < max_iterations:
        start = clock()
        for _ in range(inner):
            work(state)
        end = clock()
        samples.append(end - start)
        if end >= deadline:
            break
    samples = np.array(samples, dtype=np.float64) / inner
    return (
        float(np.percentile(samples, 50)),
        float(np.percentile(samples, 25)),
        float(np.percentile(samples, 75)),
        len(samples),
    )


def format_ns(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3f} {unit}"
    return f"{ns:.0f} ns"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--filter", default="", help="run only benchmarks whose name contains this")
    parser.add_argument("--max-seconds", type=float, default=3.0, help="time budget per benchmark (3)")
    parser.add_argument("--max-iterations", type=int, default=10_000, help="iteration cap (10000)")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up iterations (3)")
    parser.add_argument("--table", action="store_true", help="print a readable table instead of TSV")
    args = parser.parse_args()

    if threadpool_limits is not None:
        threadpool_limits(limits=1)  # process-wide; stays in force until exit
    blas = "unknown"
    if threadpool_info is not None:
        infos = [i for i in threadpool_info() if i.get("user_api") == "blas"]
        if infos:
            blas = ", ".join(f"{i.get('internal_api')} {i.get('version')} threads={i.get('num_threads')}" for i in infos)
    print(
        f"# numpy {np.__version__}; BLAS: {blas}; OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}"
        + ("" if _stdtr is not None else "; scipy missing: OLS p-values not computed"),
        file=sys.stderr,
    )

    rows = []
    for name, setup, work, inner in benchmarks():
        if args.filter and args.filter not in name:
            continue
        state = setup()
        rows.append((name, *measure(work, state, inner, args.warmup, args.max_seconds, args.max_iterations)))

    if args.table:
        print(f"{'benchmark':<24} {'p50':>12} {'p25':>12} {'p75':>12} {'iterations':>10}")
        for name, p50, p25, p75, count in rows:
            print(f"{name:<24} {format_ns(p50):>12} {format_ns(p25):>12} {format_ns(p75):>12} {count:>10}")
    else:
        print("name\tp50_ns\tp25_ns\tp75_ns\titerations")
        for name, p50, p25, p75, count in rows:
            print(f"{name}\t{p50:.0f}\t{p25:.0f}\t{p75:.0f}\t{count}")


if __name__ == "__main__":
    main()
