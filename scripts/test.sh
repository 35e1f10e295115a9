#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test against real,
# throwaway PostgreSQL servers that the tests start and stop themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
export QT_QPA_PLATFORM=offscreen
start=$(date +%s)
ctest --preset default -j 2 "$@"
echo "All tests passed in $(( $(date +%s) - start )) s."
