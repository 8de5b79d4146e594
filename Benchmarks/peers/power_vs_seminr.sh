#!/usr/bin/env bash
# The power study, side by side in one run on the same machine: `plssem power --example led
# --respondents 100 --bootstrap 500` (release build) against the same study replication by
# replication with seminr (PyPI seminr 0.2.1: estimate_pls + bootstrap_model, see
# seminr_power.py). Prints replications per second, CPU seconds per replication and the ratios.
# See Benchmarks/README.md, section "Power".
#
# What is timed:
#   ours    the whole `plssem power` command (start-up, simulation, estimation, bootstrap,
#           report) for OURS_REPLICATIONS replications, wall clock and CPU (GNU time), all cores.
#   seminr  time.perf_counter around estimate_pls + bootstrap_model for each of
#           SEMINR_REPLICATIONS replications (the data are drawn before, untimed), sequential.
#
# Usage (from anywhere):
#   bash Benchmarks/peers/power_vs_seminr.sh
#   OURS_REPLICATIONS=1000 SEMINR_REPLICATIONS=3 BOOTSTRAP=500 RESPONDENTS=100 bash Benchmarks/peers/power_vs_seminr.sh
#   PLSSEM_BIN=path/to/plssem ... (a release binary already built: no build step)
# Needs: Swift 6.3 + OpenBLAS, python3 with seminr 0.2.1, numpy, pandas < 3, scipy, PyYAML;
# GNU time at /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/../.."

OURS_R=${OURS_REPLICATIONS:-1000}
SEMINR_R=${SEMINR_REPLICATIONS:-3}
B=${BOOTSTRAP:-500}
N=${RESPONDENTS:-100}

if [ -n "${PLSSEM_BIN:-}" ]; then
  BIN="$PLSSEM_BIN"
else
  swift build -c release --product plssem >&2
  BIN="$(swift build -c release --show-bin-path)/plssem"
fi
CPU=$(mktemp)
trap 'rm -f "$CPU"' EXIT

start=$(date +%s%N)
/usr/bin/time -f "%U %S" -o "$CPU" "$BIN" power --example led --respondents "$N" \
  --replications "$OURS_R" --bootstrap "$B" --seed 1 --format json --quiet >/dev/null
end=$(date +%s%N)
read -r user sys <"$CPU"
ours=$(python3 -c "import json,sys; print(json.dumps({'seconds': ($end - $start) / 1e9, 'cpuSeconds': $user + $sys}))")

seminr=$(python3 Benchmarks/peers/seminr_power.py --plssem "$BIN" --replications "$SEMINR_R" \
  --respondents "$N" --bootstrap "$B")

python3 - "$OURS_R" "$ours" "$seminr" <<'PY'
import json, statistics, sys
ours_r = int(sys.argv[1]); ours = json.loads(sys.argv[2]); seminr = json.loads(sys.argv[3])
o_rate = ours_r / ours["seconds"]
o_cpu = ours["cpuSeconds"] / ours_r
s_wall = statistics.median(seminr["seconds"])
s_cpu = statistics.median(seminr["cpuSeconds"])
print(f"LED mediation model, n = {seminr['respondents']}, B = {seminr['resamples']} resamples per replication")
print()
print("| side | replications | replications/s (wall) | CPU s per replication |")
print("| --- | ---: | ---: | ---: |")
print(f"| plssem power, all cores | {ours_r} | {o_rate:.2f} | {o_cpu:.4f} |")
print(f"| seminr, sequential (median) | {seminr['replications']} | {1 / s_wall:.4f} | {s_cpu:.2f} |")
print()
print(f"rate ratio (wall): {o_rate * s_wall:.0f}x; CPU ratio: {s_cpu / o_cpu:.0f}x")
PY
