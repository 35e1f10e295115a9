#!/usr/bin/env bash
# Renders the main screens into docs/ in a real X window (Xvfb) and prints GUI timings
# measured on a private server seeded with the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing (apt-get install xvfb xauth)"; exit 1; }
xvfb-run -a -s "-screen 0 1400x1000x24" build/tests/gui/teller_snapshots docs "${1:-20}"
