#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ (-sanitize=fuzzer,address, release) and runs each
# for the given number of seconds, one after the other.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      # default: 600 s each; FuzzCSV FuzzModel FuzzCodebook FuzzResponses FuzzShard FuzzWorkbook FuzzStatisticsFile
#   FUZZ_BUILD_ONLY=1 scripts/fuzz.sh           # build only
#
# Seeds come from Fuzz/Corpus/<target>/ (committed); inputs the fuzzer finds go to
# fuzz-artifacts/corpus/<target>/ and crashers to fuzz-artifacts/<target>-crash-*, logs to
# fuzz-artifacts/<target>.log (fuzz-artifacts/ is not committed). Exits non-zero when a
# harness finds a crash, a leak, a timeout (>10 s for one input) or an out-of-memory input.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(FuzzCSV FuzzModel FuzzCodebook FuzzResponses FuzzShard FuzzWorkbook FuzzStatisticsFile)
fi

swift build -c release --package-path Fuzz --scratch-path Fuzz/.build \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
bin="$(swift build -c release --package-path Fuzz --scratch-path Fuzz/.build --show-bin-path)"
[ "${FUZZ_BUILD_ONLY:-0}" = 1 ] && exit 0

mkdir -p fuzz-artifacts
status=0
for target in "${targets[@]}"; do
  work="fuzz-artifacts/corpus/$target"
  mkdir -p "$work"
  dict=()
  max_len=12000
  case "$target" in
    FuzzCSV | FuzzResponses) dict=(-dict=Fuzz/Dictionaries/csv.dict) ;;
    FuzzModel) dict=(-dict=Fuzz/Dictionaries/model.dict) ;;
    FuzzCodebook) dict=(-dict=Fuzz/Dictionaries/yaml.dict) ;;
    FuzzWorkbook)
      dict=(-dict=Fuzz/Dictionaries/xlsx.dict)
      max_len=65536
      ;;
    FuzzStatisticsFile)
      dict=(-dict=Fuzz/Dictionaries/statistics.dict)
      max_len=65536
      ;;
  esac
  echo "== $target: $seconds s"
  log="fuzz-artifacts/$target.log"
  if ASAN_OPTIONS=detect_leaks=0 "$bin/$target" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=4096 -max_len="$max_len" -print_final_stats=1 \
    -artifact_prefix="fuzz-artifacts/$target-" "$work" "Fuzz/Corpus/$target" >"$log" 2>&1; then
    echo "   ok: $(grep -E '^Done [0-9]+ runs' "$log" || tail -1 "$log")"
  else
    status=1
    echo "   FAILED: see $log"
    grep -E 'ERROR|SUMMARY|Fatal error|Test unit written' "$log" | head -5 || true
  fi
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$log" | sed 's/^/   /' || true
  echo "   corpus: $(ls "$work" | wc -l) inputs in $work"
done
exit $status
