#!/usr/bin/env bash
# Multi-group analysis, side by side in one run on the same machine: `plssem mga` (release build)
# with P permutations and B bootstrap resamples per group against seminr's `estimate_pls_mga`
# (PyPI seminr 0.2.1) with B resamples per group, on corp rep extended split by servicetype
# (n = 125 and 219). seminr has no permutation test, so ours does strictly more work.
#
# What is timed:
#   ours    wall clock and CPU time (GNU time) of the whole `plssem mga` process (reading, every
#           estimate, bootstraps, permutations, the JSON), once on one thread and once on all cores.
#   seminr  time.perf_counter around `estimate_pls_mga` only (the full-sample model is estimated
#           before, untimed), and its CPU time.
# One run each (the machine is shared; CPU time is the steadier comparison).
#
# Usage (from anywhere):  bash Benchmarks/peers/mga_vs_seminr.sh
#   PERMUTATIONS=1000 RESAMPLES=1000 bash Benchmarks/peers/mga_vs_seminr.sh
# Needs: Swift 6.3 + OpenBLAS, python3 with seminr 0.2.1, numpy, pandas < 3; GNU time.
set -euo pipefail
cd "$(dirname "$0")/../.."
P=${PERMUTATIONS:-1000}
B=${RESAMPLES:-1000}
BIN=${PLSSEM:-}
if [ -z "$BIN" ]; then
  swift build -c release --product plssem >&2
  BIN="$(swift build -c release --show-bin-path)/plssem"
fi
CPU=$(mktemp)
trap 'rm -f "$CPU"' EXIT
ARGS="--data examples/corporate-reputation/corp_rep.csv --model examples/corporate-reputation/extended.model --missing-code -99 --groups servicetype --permutations $P --bootstrap $B --seed 1 --format json --quiet"
run_ours() {
  local start end
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  /usr/bin/time -f "%U %S" -o "$CPU" "$BIN" mga $ARGS $1 >/dev/null
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(awk '{print $1 + $2}' "$CPU")"
}
read -r ours1_ms ours1_cpu < <(run_ours "--threads 1")
read -r oursN_ms oursN_cpu < <(run_ours "")
seminr=$(python3 Benchmarks/peers/seminr_mga.py --resamples "$B")
s_wall=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['seconds'])" "$seminr")
s_cpu=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['cpuSeconds'])" "$seminr")
echo "| run | wall s | CPU s | wall ratio (seminr / ours) | CPU ratio |"
echo "| --- | ---: | ---: | ---: | ---: |"
python3 - "$ours1_ms" "$ours1_cpu" "$oursN_ms" "$oursN_cpu" "$s_wall" "$s_cpu" "$P" "$B" <<'PY'
import sys
o1w, o1c, onw, onc, sw, sc = (float(x) for x in sys.argv[1:7])
P, B = sys.argv[7], sys.argv[8]
o1w /= 1000; onw /= 1000
print(f"| plssem mga, {P} permutations + {B} resamples/group, 1 thread | {o1w:.2f} | {o1c:.2f} | {sw / o1w:.0f}× | {sc / o1c:.0f}× |")
print(f"| plssem mga, same, all cores | {onw:.2f} | {onc:.2f} | {sw / onw:.0f}× | {sc / onc:.0f}× |")
print(f"| seminr estimate_pls_mga, {B} resamples/group (no permutations) | {sw:.2f} | {sc:.2f} | 1× | 1× |")
PY
