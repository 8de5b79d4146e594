#!/usr/bin/env bash
# Bootstrap throughput, side by side in one run on the same machine: `plssem bootstrap`
# (release build) against seminr's `bootstrap_model` (PyPI seminr, the Python port of R
# seminr), on the corporate reputation simple model and on ECSI mobi. Prints a markdown table
# of resamples per second and the ratios. See Benchmarks/README.md, section "Bootstrap".
#
# What is timed:
#   ours    wall clock of `plssem bootstrap --bootstrap B` minus that of the same command with
#           `--bootstrap 2` (process start, CSV parsing, estimation, assessment and the report
#           are in both and cancel), i.e. the time of B - 2 resamples; rate = (B - 2) / difference.
#           Both runs alternate, REPEATS times; the median rate is reported. Once with all cores
#           (the default, --threads not given) and once with --threads 1. CPU time (user +
#           system, GNU time) is recorded the same way.
#   seminr  time.perf_counter around `bootstrap_model(fit, nboot=SEMINR_B)` only (the model is
#           estimated before, untimed), sequential (its default) and with cores=2 (its process
#           pool; the pool's start-up is inside the call and counted); median of SEMINR_REPEATS.
#           CPU time: its own and its finished children's (getrusage).
# On a shared machine wall clock depends on what else runs; CPU time per resample much less,
# so the second table compares CPU time (one thread each side).
#
# Usage (from anywhere):
#   bash Benchmarks/peers/bootstrap_vs_seminr.sh
#   REPEATS=5 OURS_RESAMPLES=10000 SEMINR_RESAMPLES=1000 SEMINR_REPEATS=3 bash Benchmarks/peers/bootstrap_vs_seminr.sh
# Needs: Swift 6.3 + OpenBLAS (make system-packages), python3 with seminr 0.2.1, numpy, pandas < 3,
# GNU time at /usr/bin/time (Debian package `time`).
# seminr at 10,000 resamples takes minutes per model (about 100 resamples/s on corp rep on an
# idle core), so by default it runs 1,000 and the table compares rates (resamples per second);
# SEMINR_RESAMPLES=10000 runs the full count.
set -euo pipefail
cd "$(dirname "$0")/../.."

REPEATS=${REPEATS:-5}
OURS_B=${OURS_RESAMPLES:-10000}
SEMINR_B=${SEMINR_RESAMPLES:-1000}
SEMINR_REPEATS=${SEMINR_REPEATS:-3}
if [ ! -x /usr/bin/time ]; then
  echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2
  exit 1
fi

swift build -c release --product plssem >&2
BIN="$(swift build -c release --show-bin-path)/plssem"
RESULTS=$(mktemp)
CPU=$(mktemp)
trap 'rm -f "$RESULTS" "$CPU"' EXIT

model_args() {
  case "$1" in
    corp-rep) echo "--data examples/corporate-reputation/corp_rep.csv --model examples/corporate-reputation/simple.model --missing-code -99" ;;
    mobi) echo "--data examples/ecsi-mobi/mobi.csv --model examples/ecsi-mobi/mobi.model" ;;
  esac
}

# One plssem run: prints "<wall-clock ns> <CPU seconds (user + system)>".
time_ours() {
  local start end
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  /usr/bin/time -f "%U %S" -o "$CPU" "$BIN" bootstrap $1 --bootstrap "$2" $3 --format json >/dev/null
  end=$(date +%s%N)
  echo "$((end - start)) $(tail -1 "$CPU" | awk '{print $1 + $2}')"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for model in corp-rep mobi; do
  args=$(model_args "$model")
  for threads in all 1; do
    extra=""
    [ "$threads" = 1 ] && extra="--threads 1"
    "$BIN" bootstrap $args --bootstrap 1000 $extra --format json >/dev/null # warm the file cache
    for r in $(seq "$REPEATS"); do
      read -r t2 c2 < <(time_ours "$args" 2 "$extra")
      read -r tb cb < <(time_ours "$args" "$OURS_B" "$extra")
      echo "{\"side\": \"ours\", \"model\": \"$model\", \"threads\": \"$threads\", \"resamples\": $OURS_B, \"base\": $t2, \"full\": $tb, \"baseCpu\": $c2, \"fullCpu\": $cb}" >>"$RESULTS"
      echo "ours $model threads=$threads run $r: $((tb / 1000000)) ms - $((t2 / 1000000)) ms" >&2
    done
  done
  for cores in 1 2; do
    python3 Benchmarks/peers/seminr_bootstrap.py --model "$model" --resamples "$SEMINR_B" --repeats "$SEMINR_REPEATS" \
      --cores "$cores" | sed 's/^{/{"side": "seminr", /' >>"$RESULTS"
    echo "seminr $model cores=$cores done" >&2
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

python3 - "$RESULTS" "$(nproc)" <<'EOF'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
cores = sys.argv[2]
def ours(model, threads):
    runs = [r for r in rows if r["side"] == "ours" and r["model"] == model and r["threads"] == threads]
    rates = [(r["resamples"] - 2) / ((r["full"] - r["base"]) / 1e9) for r in runs]
    return statistics.median(rates), min(rates), max(rates), runs[0]["resamples"]
def seminr(model, c):
    run = next(r for r in rows if r["side"] == "seminr" and r["model"] == model and r["cores"] == c)
    rates = [run["resamples"] / s for s in run["seconds"]]
    return statistics.median(rates), min(rates), max(rates), run["resamples"]
print(f"| model | ours, all {cores} cores (res/s) | ours, 1 thread | seminr, sequential | seminr, cores=2 | ratio, all cores | ratio, one core |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for model in ("corp-rep", "mobi"):
    oa, ob = ours(model, "all"), ours(model, "1")
    s1, s2 = seminr(model, 1), seminr(model, 2)
    best = max(s1[0], s2[0])
    fmt = lambda v: f"{v[0]:,.0f} ({v[1]:,.0f}–{v[2]:,.0f})"
    print(f"| {model} | {fmt(oa)} | {fmt(ob)} | {fmt(s1)} | {fmt(s2)} | {oa[0] / best:,.0f}× | {ob[0] / s1[0]:,.0f}× |")
print()
print(f"ours: B = {rows[0]['resamples']:,} per run, median (min–max) over the repeats; seminr: B = "
      f"{next(r for r in rows if r['side'] == 'seminr')['resamples']:,} per call. 'ratio, all cores' = ours with all "
      "cores / the faster seminr setting; 'ratio, one core' = ours --threads 1 / seminr sequential.")
print()
print("| model | ours CPU µs per resample (1 thread) | seminr CPU ms per resample (sequential) | CPU ratio |")
print("| --- | ---: | ---: | ---: |")
for model in ("corp-rep", "mobi"):
    runs = [r for r in rows if r["side"] == "ours" and r["model"] == model and r["threads"] == "1"]
    ours_us = statistics.median(1e6 * (r["fullCpu"] - r["baseCpu"]) / (r["resamples"] - 2) for r in runs)
    run = next(r for r in rows if r["side"] == "seminr" and r["model"] == model and r["cores"] == 1)
    seminr_ms = statistics.median(1e3 * c / run["resamples"] for c in run["cpuSeconds"])
    print(f"| {model} | {ours_us:.1f} | {seminr_ms:.2f} | {1000 * seminr_ms / ours_us:,.0f}× |")
EOF
