#!/usr/bin/env bash
# The README's picture: the first page of the small shop's HTML report, as headless Chromium
# shows it at A4 width. Run from anywhere; rewrites docs/report-first-page.png.
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=${CHROMIUM:-chromium}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cargo run --quiet -- assess --as-of 2026-11-25 --format html \
  --answers examples/small-ecommerce.toml --output "$dir/report.html"
# --no-sandbox: Chromium refuses to run as root without it (CI and containers run as root).
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,1300 \
  --screenshot="$PWD/docs/report-first-page.png" "file://$dir/report.html"
