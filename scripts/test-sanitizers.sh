#!/usr/bin/env bash
# The sanitizer pass: builds the "asan" preset (Debug, AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer) into ./build-asan and runs the tests there with `ctest --preset
# asan`, which sets ASAN_OPTIONS, UBSAN_OPTIONS and LSAN_OPTIONS (see CMakePresets.json and
# tests/sanitizers/) and leaves out the tests that cannot run under the sanitizers (the
# package test, which builds and installs a release package, and the benchmark). CI runs it
# after scripts/test.sh. Extra arguments go to ctest (e.g. -R tst_money).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
start=$(date +%s)
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$(nproc)"
built=$(date +%s)
echo "Sanitizer build took $(( built - start )) s."
ctest --preset asan -j 2 "$@"
echo "All tests passed under the sanitizers in $(( $(date +%s) - built )) s."
