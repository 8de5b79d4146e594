#!/usr/bin/env bash
# Browser check of the HTML report: builds plssem, writes the report of a bundled example,
# renders it with headless Chromium to a PNG, and fails when the browser logs a console error
# or the page makes a network request. Then prints it to PDF as a reader would
# (--print-to-pdf), turns the pages into PNGs (pdftoppm) for a look, and checks the printed
# form with scripts/check-report-pdf.py: nothing clipped, nothing missing, no heading at the
# foot of a page.
#
#   scripts/render-report.sh [example] [output-dir]
#
# example: corp-rep (default; simple model), corp-rep-extended, mobi, or led (the LED survey,
# mediation model). Output: <output-dir>/<example>.html, .png, .pdf and <example>-page-N.png
# (default: .build/report). Needs the Debian packages `chromium` and `poppler-utils`
# (installed with apt-get when missing and run as root or with sudo). Environment: BOOTSTRAP
# (resamples, default 1000), WIDTH (default 1280), HEIGHT (default: tall enough for the whole
# page).
set -euo pipefail
cd "$(dirname "$0")/.."

example="${1:-corp-rep}"
outdir="${2:-.build/report}"
bootstrap="${BOOTSTRAP:-1000}"
width="${WIDTH:-1280}"
mkdir -p "$outdir"

case "$example" in
  corp-rep)
    args=(--data examples/corporate-reputation/corp_rep.csv --model examples/corporate-reputation/simple.model --missing-code -99 --blindfolding --predict) ;;
  corp-rep-extended)
    args=(--data examples/corporate-reputation/corp_rep.csv --model examples/corporate-reputation/extended.model --missing-code -99) ;;
  mobi)
    args=(--data examples/ecsi-mobi/mobi.csv --model examples/ecsi-mobi/mobi.model) ;;
  led)
    dir=examples/led-survey
    args=(--data "$dir/responses-100.csv" --codebook "$dir/codebook.yaml" --model "$dir/mediation.model" --blindfolding --narrative id) ;;
  *) echo "error: unknown example '$example' (corp-rep, corp-rep-extended, mobi, led)" >&2; exit 1 ;;
esac

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
if [ -z "$browser" ] || ! command -v pdftoppm >/dev/null 2>&1; then
  echo "Installing chromium and poppler-utils (Debian packages)..." >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core poppler-utils >&2
  [ -n "$browser" ] || browser=chromium
fi

swift build --product plssem >&2
bin="$(swift build --show-bin-path)/plssem"
html="$outdir/$example.html"
png="$outdir/$example.png"
"$bin" report "${args[@]}" --bootstrap "$bootstrap" --seed 1 --output "$html"

# A static check first: the report must not reference anything outside itself.
if grep -Eiq '<script|<link |<iframe|<img |src=|@import|url\((https?:)?//' "$html"; then
  echo "error: $html references scripts or external resources" >&2
  exit 1
fi

# Page height: ask the browser for the laid-out document height, then screenshot all of it.
height="${HEIGHT:-}"
log="$outdir/$example.chromium.log"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
  --disable-background-networking --disable-component-update --disable-sync --default-background-color=ffffffff)
if [ -z "$height" ]; then
  dom=$("$browser" "${flags[@]}" --window-size="$width,1000" --virtual-time-budget=2000 --dump-dom "file://$PWD/$html" 2>/dev/null || true)
  grep -q "</svg>" <<<"$dom" || { echo "error: the browser did not render the diagram" >&2; exit 1; }
  # Estimated from the content (no scripts to measure it): rows, paragraphs, headings, the
  # diagram's height and the model text; a little white space below the page is harmless.
  visible=$(awk '/<details>/{skip=1} !skip{print} /<\/details>/{skip=0}' "$html")  # collapsed parts take no room
  count() { grep -o "$1" <<<"$visible" | wc -l; }
  diagram_h=$(grep -o '<svg [^>]*' "$html" | grep -o ' height="[0-9]*' | grep -o '[0-9]*$' | head -1)
  height=$(( $(count '<tr') * 31 + $(count '<p ') * 22 + $(count '<h[1-3]') * 50 + $(count '<dt>') * 26 \
    + $(count '<li>') * 20 + $(count '<div class="fact">') * 20 + $(grep -c '' <<<"$(sed -n '/<pre>/,/<\/pre>/p' "$html")") * 20 \
    + ${diagram_h:-0} + 600 ))
fi
"$browser" "${flags[@]}" --enable-logging=stderr --v=0 --window-size="$width,$height" \
  --screenshot="$PWD/$png" "file://$PWD/$html" 2>"$log" || { cat "$log" >&2; exit 1; }

# Console messages of the page (errors, warnings) and network fetches would show in the log.
if grep -E 'CONSOLE|Uncaught|console\.|ERR_|Failed to load' "$log" | grep -v 'dbus' >&2; then
  echo "error: the browser reported problems with $html (see $log)" >&2
  exit 1
fi

# The diagram alone, at its natural size, for a closer look.
svg="$outdir/$example.svg"
{ echo '<?xml version="1.0" encoding="UTF-8"?>'; awk '/<svg /{on=1} on{print} /<\/svg>/{if(on) exit}' "$html"; } >"$svg"
svg_w=$(grep -o '<svg [^>]*' "$svg" | grep -o ' width="[0-9.]*"' | grep -o '[0-9][0-9]*' | head -1)
svg_h=$(grep -o '<svg [^>]*' "$svg" | grep -o ' height="[0-9.]*"' | grep -o '[0-9][0-9]*' | head -1)
"$browser" "${flags[@]}" --window-size="$((svg_w + 2)),$((svg_h + 2))" --screenshot="$PWD/$outdir/$example-diagram.png" \
  "file://$PWD/$svg" 2>/dev/null
echo "rendered $html -> $png (${width}x${height}), diagram -> $outdir/$example-diagram.png (${svg_w}x${svg_h})"

# The printed form: what a reader gets from the browser's "Print to PDF".
pdf="$outdir/$example.pdf"
"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$PWD/$pdf" "file://$PWD/$html" 2>/dev/null
rm -f "$outdir/$example-page-"*.png
pdftoppm -r 60 -png "$pdf" "$outdir/$example-page"
python3 scripts/check-report-pdf.py "$html" "$pdf"
echo "printed $html -> $pdf, pages -> $outdir/$example-page-*.png"
