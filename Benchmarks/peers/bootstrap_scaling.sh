#!/usr/bin/env bash
# How the bootstrap's cost grows with the number of resamples B, the number of rows n and the
# number of indicators p, with peak memory (RSS) for B = 10^4, 10^5, 10^6 on ECSI mobi.
# Release build of `plssem bootstrap`, all cores (the default). Prints markdown tables; see
# Benchmarks/README.md, section "Bootstrap".
#
# Every point is timed as wall clock of `plssem bootstrap --bootstrap B` minus that of the same
# command with `--bootstrap 2` (start-up, CSV parsing, estimation, assessment and report are in
# both), over B - 2 resamples; median of REPEATS runs (the 10^6 run: REPEATS_LARGE runs).
# Peak RSS is /usr/bin/time's %M (maximum resident set size, KB) of the whole process. CPU
# time (user + system, /usr/bin/time, 10 ms resolution) is net of the B = 2 run the same way;
# on a shared machine it moves much less than wall clock, so the n and p tables lead with it.
#
# Usage: bash Benchmarks/peers/bootstrap_scaling.sh
#        REPEATS=3 REPEATS_LARGE=1 bash Benchmarks/peers/bootstrap_scaling.sh
# Needs: Swift 6.3 + OpenBLAS, python3 with numpy and pandas (for the enlarged data sets),
# GNU time at /usr/bin/time (Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/../.."

REPEATS=${REPEATS:-3}
REPEATS_LARGE=${REPEATS_LARGE:-1}
if [ ! -x /usr/bin/time ]; then
  echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2
  exit 1
fi

swift build -c release --product plssem >&2
BIN="$(swift build -c release --show-bin-path)/plssem"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 Benchmarks/peers/bootstrap_scaling_data.py "$WORK"
RESULTS="$WORK/results.jsonl"

# One run: prints "<elapsed ns> <max RSS KB> <CPU seconds>".
run_once() {
  local data=$1 model=$2 b=$3 start end
  start=$(date +%s%N)
  /usr/bin/time -f "%M %U %S" -o "$WORK/rss" "$BIN" bootstrap --data "$data" --model "$model" --bootstrap "$b" \
    --format json >/dev/null
  end=$(date +%s%N)
  echo "$((end - start)) $(tail -1 "$WORK/rss" | awk '{print $1, $2 + $3}')"
}

# measure GROUP LABEL DATA MODEL B REPEATS
measure() {
  local group=$1 label=$2 data=$3 model=$4 b=$5 repeats=$6
  # Warm the file cache, and count the statistics tracked (the columns of the draws file).
  "$BIN" bootstrap --data "$data" --model "$model" --bootstrap 2 --keep-draws "$WORK/draws.csv" --format json >/dev/null
  local statistics
  statistics=$(($(head -1 "$WORK/draws.csv" | tr ',' '\n' | wc -l) - 1))
  for r in $(seq "$repeats"); do
    read -r base _ basecpu < <(run_once "$data" "$model" 2)
    read -r full rss fullcpu < <(run_once "$data" "$model" "$b")
    echo "{\"group\": \"$group\", \"label\": \"$label\", \"resamples\": $b, \"base\": $base, \"full\": $full, \"rss\": $rss, \"statistics\": $statistics, \"baseCpu\": $basecpu, \"fullCpu\": $fullcpu}" >>"$RESULTS"
    echo "$group $label B=$b run $r: $((full / 1000000)) ms - $((base / 1000000)) ms, CPU $fullcpu s - $basecpu s, $rss KB" >&2
  done
}

MOBI_DATA=examples/ecsi-mobi/mobi.csv
MOBI_MODEL=examples/ecsi-mobi/mobi.model
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for b in 10000 100000; do measure B "$b" "$MOBI_DATA" "$MOBI_MODEL" "$b" "$REPEATS"; done
measure B 1000000 "$MOBI_DATA" "$MOBI_MODEL" 1000000 "$REPEATS_LARGE"
for n in 500 1000 2000 4000; do measure n "$n" "$WORK/mobi_n$n.csv" "$MOBI_MODEL" 10000 "$REPEATS"; done
for m in 2 4 8; do measure p "$((24 * m))" "$WORK/mobi_x$m.csv" "$WORK/mobi_x$m.model" 10000 "$REPEATS"; done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

python3 - "$RESULTS" <<'EOF'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
def point(group, label):
    runs = [r for r in rows if r["group"] == group and r["label"] == label]
    b = runs[0]["resamples"]
    seconds = statistics.median((r["full"] - r["base"]) / 1e9 for r in runs)
    cpu = statistics.median(r["fullCpu"] - r["baseCpu"] for r in runs)
    return {"b": b, "seconds": seconds, "rate": (b - 2) / seconds, "us": 1e6 * seconds / (b - 2),
            "cpu_us": 1e6 * cpu / (b - 2), "total": statistics.median(r["full"] / 1e9 for r in runs),
            "rss": max(r["rss"] for r in runs), "runs": len(runs), "statistics": runs[0]["statistics"]}
print("Cost vs B (ECSI mobi: n = 250, p = 24, 7 constructs; all cores)\n")
print("| B | bootstrap wall time (s) | whole command (s) | resamples/s | wall µs per resample | CPU µs per resample | peak RSS (MB) | runs |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for label in ("10000", "100000", "1000000"):
    p = point("B", label)
    print(f"| {p['b']:,} | {p['seconds']:.2f} | {p['total']:.2f} | {p['rate']:,.0f} | {p['us']:.1f} | {p['cpu_us']:.1f} | {p['rss'] / 1024:.1f} | {p['runs']} |")
base = point("B", "10000")
print("\nCost vs n (mobi rows drawn with replacement; p = 24; B = 10,000)\n")
print("| n | CPU µs per resample | per 1,000 rows | wall µs per resample | peak RSS (MB) |")
print("| ---: | ---: | ---: | ---: | ---: |")
for n, p in [(250, base)] + [(n, point("n", str(n))) for n in (500, 1000, 2000, 4000)]:
    print(f"| {n:,} | {p['cpu_us']:.1f} | {1000 * p['cpu_us'] / n:.1f} | {p['us']:.1f} | {p['rss'] / 1024:.1f} |")
print("\nCost vs number of indicators p (mobi with noisy copies of each indicator; n = 250; B = 10,000)\n")
print("| p | statistics tracked | CPU µs per resample | per p² (ns) | wall µs per resample | peak RSS (MB) |")
print("| ---: | ---: | ---: | ---: | ---: | ---: |")
for p_count, p in [(24, base)] + [(24 * m, point("p", str(24 * m))) for m in (2, 4, 8)]:
    print(f"| {p_count} | {p['statistics']} | {p['cpu_us']:.1f} | {1000 * p['cpu_us'] / p_count ** 2:.1f} | {p['us']:.1f} | {p['rss'] / 1024:.1f} |")
EOF
