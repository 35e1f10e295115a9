#!/usr/bin/env bash
# Renders the screens into docs/screens/<language>-<size>/ in a real X window (Xvfb), in English
# and German, at the size of a 1366x768 and a 1920x1080 screen, and prints GUI timings measured
# on a private server seeded with the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing (apt-get install xvfb xauth)"; exit 1; }
for size in 1366x768 1920x1080; do
    for language in en de; do
        xvfb-run -a -s "-screen 0 ${size}x24" build/tests/gui/teller_snapshots "docs/screens/$language-$size" "${1:-20}" "$language" "$size"
    done
done
