#!/usr/bin/env bash
# The main job on the bundled example (what `make run` does): the LED survey of the reference
# study, end to end — describe the responses, then estimate the mediation model (loadings,
# reliability, AVE, HTMT, R², f², Q²) with a 5,000-resample bootstrap, and print the path
# coefficients with their t-statistics.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(swift build -c release --show-bin-path)/plssem"
example=examples/led-survey

"$bin" --version
echo
echo "== Survey responses (plssem describe)"
"$bin" describe --data "$example/responses-100.csv" --codebook "$example/codebook.yaml" 2>/dev/null
echo
echo "== PLS-SEM with bootstrap (plssem estimate)"
"$bin" estimate --data "$example/responses-100.csv" --codebook "$example/codebook.yaml" \
  --model "$example/mediation.model" --blindfolding --bootstrap 5000 --seed 2024
