#!/usr/bin/env bash
# Large-input benchmark (issue 8): `plssem estimate` (release) on 100,000 rows x 200
# indicators (20 Mode A constructs x 10 indicators, a chain of 19 paths). Target: under 5 s
# wall time, peak memory under 10x the data size (the data as doubles: 100,000 x 200 x 8 B =
# 160 MB, so 1.6 GB).
#
#   bash Benchmarks/large-input.sh [ROWS] [RUNS]     # defaults 100000 and 3
#
# Writes the data once into .build-large-input/ (not committed; Python 3 with numpy), builds
# plssem in release, then runs it RUNS times and prints wall time and peak RSS of each run
# (GNU time: "%e %U %S %M"). On a shared machine read the CPU time: wall time includes waiting
# for a core.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
runs="${2:-3}"
dir=".build-large-input/$rows"
if [ ! -f "$dir/large.csv" ]; then
  python3 Benchmarks/peers/make_large_input.py "$dir" --rows "$rows"
fi
swift build -c release --product plssem >/dev/null
bin="$(swift build -c release --show-bin-path)/plssem"
csv_bytes=$(stat -c %s "$dir/large.csv")
data_bytes=$((rows * 200 * 8))
echo "data: $dir/large.csv, $rows rows x 200 columns, $((csv_bytes / 1000000)) MB of CSV, $((data_bytes / 1000000)) MB as doubles"
for run in $(seq 1 "$runs"); do
  /usr/bin/time -f "%e %U %S %M" -o "$dir/time.txt" \
    "$bin" estimate --data "$dir/large.csv" --model "$dir/large.model" --format json --output "$dir/result.json"
  read -r seconds user system kilobytes <"$dir/time.txt"
  echo "run $run: wall ${seconds} s (CPU: user ${user} s, system ${system} s), peak RSS $((kilobytes / 1024)) MB ($(python3 -c "print(f'{$kilobytes * 1024 / $data_bytes:.1f}')")x the data)"
done
python3 - "$dir/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("check:", r["observations"], "observations, converged", r["converged"], "after", r["iterations"],
      "iterations; X1 -> X2 =", next(p["estimate"] for p in r["paths"] if p["from"] == "X1" and p["to"] == "X2"))
PY
