#!/usr/bin/env bash
# The main job on the bundled example (what `make run` does): the LED survey of the reference
# study, end to end — describe the responses, then estimate the mediation model (loadings,
# reliability, AVE, HTMT, R², f², Q²) with a 5,000-resample bootstrap, and print the path
# coefficients with their t-statistics and the importance-performance map of business
# sustainability (--ipma Y); then print the results in words in Indonesian (the hypotheses of
# the model file, decimal commas) and write the HTML report with the path diagram, the same
# Indonesian narrative, the map and the common method bias checks (--cmb) to
# examples/led-survey/report.html.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(swift build -c release --show-bin-path)/plssem"
example=examples/led-survey

"$bin" --version
echo
echo "== Survey responses (plssem describe)"
"$bin" describe --data "$example/responses-100.csv" --codebook "$example/codebook.yaml"
echo
echo "== PLS-SEM with bootstrap (plssem estimate)"
"$bin" estimate --data "$example/responses-100.csv" --codebook "$example/codebook.yaml" \
  --model "$example/mediation.model" --blindfolding --bootstrap 5000 --seed 2024 --ipma Y
echo
echo "== The results in words, in Indonesian (plssem report --format markdown --narrative id)"
"$bin" report --data "$example/responses-100.csv" --codebook "$example/codebook.yaml" \
  --model "$example/mediation.model" --blindfolding --bootstrap 5000 --seed 2024 \
  --format markdown --narrative id --output - --quiet |
  sed -n '/^## Narasi hasil/,/^## Structural model/{/^## Structural model/!p;}'
echo
echo "== HTML report with the path diagram and the Indonesian narrative (plssem report)"
"$bin" report --data "$example/responses-100.csv" --codebook "$example/codebook.yaml" \
  --model "$example/mediation.model" --blindfolding --bootstrap 5000 --seed 2024 \
  --narrative id --ipma Y --cmb --labels --output "$example/report.html"
echo
echo "== Higher-order model: each construct measured by its dimensions (disjoint two-stage)"
"$bin" estimate --data "$example/responses-1000.csv" --codebook "$example/codebook.yaml" \
  --model "$example/hoc.model" --bootstrap 1000 --seed 2024
