#!/usr/bin/env bash
# The main job on the bundled example (what `make run` does).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(swift build -c release --show-bin-path)/plssem"
"$bin" --version
