#!/usr/bin/env bash
# teller --demo ended by a signal (SIGTERM: a session logging out; SIGHUP; SIGINT: Ctrl+C)
# quits as a normal quit does: exit code 0, and the demo server it started is stopped, not
# left running for ever.
#   quit_on_signal.sh TELLER_BINARY
set -euo pipefail
teller=${1:?usage: quit_on_signal.sh TELLER_BINARY}
export QT_QPA_PLATFORM=offscreen
fail() { echo "FAIL: $*" >&2; exit 1; }
# Whether a process runs: it exists and is not a zombie.
runs() { [ -n "$1" ] && [ -r "/proc/$1/stat" ] && ! awk '{ exit ($3 == "Z") ? 0 : 1 }' "/proc/$1/stat" 2>/dev/null; }

base=$(mktemp -d /tmp/teller-signal.XXXXXX)
[ "$(id -u)" -eq 0 ] && chmod 755 "$base" # the server runs as postgres and must reach it
app= postmaster=
cleanup() {
    runs "$app" && kill -KILL "$app" 2>/dev/null
    if runs "$postmaster"; then kill -INT "$postmaster"; for _ in $(seq 100); do runs "$postmaster" || break; sleep 0.1; done; fi
    rm -rf "$base"
}
trap cleanup EXIT

for signal in TERM HUP INT; do
    export TELLER_DEMO_DIR=$base/$signal TELLER_JOURNAL=$base/$signal.journal.sqlite
    "$teller" --demo >"$base/$signal.log" 2>&1 &
    app=$!
    # The demo server is up once its postmaster.pid names a running process, and the
    # sign-in dialog follows at once.
    postmaster=
    for _ in $(seq 600); do
        postmaster=$(head -1 "$TELLER_DEMO_DIR/data/postmaster.pid" 2>/dev/null || true)
        runs "$postmaster" && grep -q '^ready' <(sed -n 8p "$TELLER_DEMO_DIR/data/postmaster.pid" 2>/dev/null) && break
        runs "$app" || { cat "$base/$signal.log"; fail "teller --demo ended before its server was up"; }
        sleep 0.1
    done
    runs "$postmaster" || { cat "$base/$signal.log"; fail "no demo server after 60 s"; }
    sleep 1
    kill -s "$signal" "$app"
    rc=0
    for _ in $(seq 300); do runs "$app" || break; sleep 0.1; done
    runs "$app" && fail "teller still runs 30 s after SIG$signal"
    wait "$app" || rc=$?
    [ "$rc" -eq 0 ] || { cat "$base/$signal.log"; fail "teller exited with $rc after SIG$signal"; }
    for _ in $(seq 100); do runs "$postmaster" || break; sleep 0.1; done
    runs "$postmaster" && fail "the demo server still runs after teller quit on SIG$signal"
    echo "SIG$signal: teller quit with 0 and stopped its demo server"
done
