#!/usr/bin/env bash
# Runs the whole test suite once per OpenBLAS kernel family (OPENBLAS_CORETYPE), to show that
# no test depends on the CPU: OpenBLAS picks AVX-512, AVX2 or SSE kernels by CPU, and their
# results differ in the last bits. Only the families this CPU can execute are meaningful
# (OpenBLAS falls back to the detected one otherwise; the suite prints "[OpenBLAS kernel] …").
#
#   scripts/test-kernels.sh                      # the default list below
#   scripts/test-kernels.sh Haswell Prescott     # chosen families
#
# Builds once, then runs `swift test --skip-build` per family; prints one line per family with
# its result and wall time, and exits non-zero if any failed. Logs: .build/test-kernels/<name>.log
set -uo pipefail
cd "$(dirname "$0")/.."

kernels=("$@")
[ ${#kernels[@]} -eq 0 ] && kernels=(default SkylakeX Haswell Zen Sandybridge Prescott)

swift build --build-tests >/dev/null || exit 1
mkdir -p .build/test-kernels
failed=0
for kernel in "${kernels[@]}"; do
  log=".build/test-kernels/$kernel.log"
  start=$(date +%s)
  if [ "$kernel" = default ]; then
    env -u OPENBLAS_CORETYPE swift test --skip-build >"$log" 2>&1
  else
    OPENBLAS_CORETYPE="$kernel" swift test --skip-build >"$log" 2>&1
  fi
  status=$?
  seconds=$(($(date +%s) - start))
  used=$(grep -m1 -o '\[OpenBLAS kernel\] [A-Za-z0-9]*' "$log" | cut -d' ' -f3)
  summary=$(grep -E '^(✔|✘) Test run with' "$log" | tail -1)
  if [ $status -eq 0 ]; then result=passed; else result=FAILED; failed=1; fi
  printf '%-12s kernel %-12s %-7s %4d s  %s\n' "$kernel" "${used:-?}" "$result" "$seconds" "$summary"
done
exit $failed
