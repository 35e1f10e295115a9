#!/usr/bin/env bash
# teller --demo ended by a signal (SIGTERM: a session logging out; SIGHUP; SIGINT: Ctrl+C)
# quits as a normal quit does: exit code 0, and the demo server it started is stopped, not
# left running for ever.
#   quit_on_signal.sh TELLER_BINARY
set -euo pipefail
teller=${1:?usage: quit_on_signal.sh TELLER_BINARY}
export QT_QPA_PLATFORM=offscreen
fail() { echo "FAIL: $*" >&2; exit 1; }
# Whether a process that is not this shell's child runs: it exists and is not a zombie (the
# state is the first field after "(name)" in /proc/PID/stat).
runs() {
    local stat
    [[ $1 =~ ^[0-9]+$ ]] && stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [ "${stat%% *}" != Z ]
}

base=$(mktemp -d /tmp/teller-signal.XXXXXX)
[ "$(id -u)" -eq 0 ] && chmod 755 "$base" # the server runs as postgres and must reach it
app= postmaster=
cleanup() {
    [ -n "$app" ] && kill -KILL "$app" 2>/dev/null
    if runs "$postmaster"; then kill -INT "$postmaster"; for _ in $(seq 100); do runs "$postmaster" || break; sleep 0.1; done; fi
    rm -rf "$base"
}
trap cleanup EXIT

for signal in TERM HUP INT; do
    export TELLER_DEMO_DIR=$base/$signal TELLER_JOURNAL=$base/$signal.journal.sqlite
    log=$base/$signal.log
    "$teller" --demo >"$log" 2>&1 &
    app=$!
    # The demo server is up once its postmaster.pid names a running process that reports
    # "ready" (line 8), and the sign-in dialog follows at once.
    postmaster=
    for _ in $(seq 600); do
        postmaster=$(head -1 "$TELLER_DEMO_DIR/data/postmaster.pid" 2>/dev/null || true)
        runs "$postmaster" && [ "$(sed -n 8p "$TELLER_DEMO_DIR/data/postmaster.pid" 2>/dev/null | tr -d ' ')" = ready ] && break
        kill -0 "$app" 2>/dev/null || { cat "$log"; fail "teller --demo ended before its server was up"; }
        sleep 0.1
    done
    runs "$postmaster" || { cat "$log"; fail "no demo server after 60 s"; }
    sleep 1
    kill -s "$signal" "$app"
    # Our own child: wait tells how it ended; a watchdog ends it if it does not quit.
    ( sleep 30; kill -KILL "$app" 2>/dev/null ) >/dev/null 2>&1 &
    watchdog=$!
    rc=0
    wait "$app" || rc=$?
    kill "$watchdog" 2>/dev/null || true
    wait "$watchdog" 2>/dev/null || true
    app=
    [ "$rc" -ne 137 ] || { cat "$log"; fail "teller still ran 30 s after SIG$signal"; }
    [ "$rc" -eq 0 ] || { cat "$log"; fail "teller exited with $rc after SIG$signal"; }
    for _ in $(seq 100); do runs "$postmaster" || break; sleep 0.1; done
    runs "$postmaster" && { cat "$log"; fail "the demo server still runs after teller quit on SIG$signal"; }
    echo "SIG$signal: teller quit with 0 and stopped its demo server"
done
