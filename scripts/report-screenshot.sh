#!/bin/sh
# The README's picture of a report: `champions report` of the bundled timed
# stream against the bundled goal, opened in headless Chromium (Debian's
# chromium), its first screens saved as docs/images/report.png.
#   sh scripts/report-screenshot.sh [BUILD_DIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$build/examples/champions" report examples/email-eu-2004.csv.gz \
    --people examples/email-eu-people.csv --goal examples/goal.json --confidence 50 \
    -o "$out/report.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$out/profile" --window-size=1000,2000 \
    --screenshot="$out/report.png" "file://$out/report.html" 2>/dev/null
mkdir -p docs/images
cp "$out/report.png" docs/images/report.png
echo "wrote docs/images/report.png"
