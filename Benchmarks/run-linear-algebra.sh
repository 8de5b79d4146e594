#!/usr/bin/env bash
# Side-by-side: swift-plssem's LinearAlgebra benchmarks and the numpy peer, in one run.
#
#   Benchmarks/run-linear-algebra.sh            (from anywhere)
#
# 1. runs the Swift benchmark target LinearAlgebraBenchmarks (release build; the first build
#    takes several minutes on 2 cores), exporting wall-clock percentiles in nanoseconds;
# 2. runs Benchmarks/peers/numpy_linear_algebra.py on the same shapes and data;
# 3. prints one table: median (p50) time of each side and the ratio numpy / Swift
#    (> 1: swift-plssem is faster).
# The two run one after the other, never at once, both with BLAS held to one thread.
# Set KEEP_RESULTS=DIR to keep the raw exports in DIR.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

# One BLAS thread for both sides (swift-plssem also sets it itself at start-up).
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1

python="${PYTHON:-python3}"
if ! "$python" -c 'import numpy' 2>/dev/null; then
  echo "error: the numpy peer needs numpy: $python -m pip install -r $here/peers/requirements.txt" >&2
  exit 1
fi

results="${KEEP_RESULTS:-$(mktemp -d)}"
mkdir -p "$results"
[ -n "${KEEP_RESULTS:-}" ] || trap 'rm -rf "$results"' EXIT

echo "== swift-plssem: swift package benchmark --target LinearAlgebraBenchmarks (log: $results/swift.log)" >&2
if ! swift package --disable-sandbox benchmark \
  --target LinearAlgebraBenchmarks \
  --metric wallClock --time-units nanoseconds \
  --format histogramPercentiles --path "$results" \
  --no-progress >"$results/swift.log" 2>&1; then
  tail -n 40 "$results/swift.log" >&2
  echo "error: the Swift benchmarks failed (log above)" >&2
  exit 1
fi

echo "== numpy peer: peers/numpy_linear_algebra.py" >&2
"$python" peers/numpy_linear_algebra.py >"$results/numpy.tsv"

"$python" - "$results" <<'PY'
import csv, glob, os, sys

results = sys.argv[1]

def percentiles(path):
    """Percentile -> value from one histogramPercentiles export (values in ns, per call)."""
    table = {}
    with open(path) as f:
        next(f)  # header: "Percentile<TAB>Time (wall clock) (ns) *"
        for line in f:
            p, v = line.split("\t")
            table[int(p)] = float(v)
    return table

swift = {}
for path in glob.glob(os.path.join(results, "*.LinearAlgebraBenchmarks.*.histogram.percentiles.tsv")):
    name = os.path.basename(path).split(".LinearAlgebraBenchmarks.", 1)[1].rsplit(".", 4)[0]
    swift[name] = percentiles(path)

with open(os.path.join(results, "numpy.tsv")) as f:
    numpy_rows = list(csv.DictReader(f, delimiter="\t"))

def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3f} {unit}"
    return f"{ns:.0f} ns"

header = f"{'benchmark':<24} {'swift-plssem p50':>17} {'(p25-p75)':>23} {'numpy p50':>12} {'(p25-p75)':>23} {'numpy/swift':>12}"
print(header)
print("-" * len(header))
missing = False
for row in numpy_rows:
    name = row["name"]
    s = swift.get(name.replace("/", "_").replace(" ", "_"))
    n50, n25, n75 = float(row["p50_ns"]), float(row["p25_ns"]), float(row["p75_ns"])
    if s is None:
        missing = True
        print(f"{name:<24} {'(missing)':>17} {'':>23} {fmt(n50):>12} {fmt(n25) + '-' + fmt(n75):>23} {'':>12}")
        continue
    ratio = n50 / s[50] if s[50] > 0 else float("inf")
    print(f"{name:<24} {fmt(s[50]):>17} {fmt(s[25]) + '-' + fmt(s[75]):>23} {fmt(n50):>12} {fmt(n25) + '-' + fmt(n75):>23} {ratio:>11.2f}x")
print()
print("Times are wall clock per benchmark iteration (per call for correlation 344x10), medians")
print("over repeated iterations; ratio > 1 means swift-plssem is faster. BLAS: 1 thread each.")
sys.exit(1 if missing else 0)
PY
