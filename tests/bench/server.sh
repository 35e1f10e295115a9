# Sourced by compare.sh and scale.sh (after `set -euo pipefail` and a die() function, with
# $build set): finds tellerctl and pgbench, starts a fresh demo server in a temporary
# directory of its own ($dir), exports the PG* variables for its teller, and defines su (run
# a command as the server's superuser). The server and the directory are removed on exit.
#   bench_server NAME     NAME names the temporary directory (/tmp/teller-NAME.XXXXXX)
bench_server() {
    tellerctl=$(realpath "$build/tools/tellerctl/tellerctl")
    [ -x "$tellerctl" ] || die "$tellerctl not found: build first"
    local bindir
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    pgbench=${PGBENCH:-$bindir/pgbench}
    [ -x "$pgbench" ] || die "pgbench not found (apt-get install postgresql)"

    dir=$(mktemp -d "/tmp/teller-$1.XXXXXX")
    [ "$(id -u)" -eq 0 ] && chmod 755 "$dir" # the server runs as postgres and must reach it
    trap bench_server_cleanup EXIT
    export TELLER_JOURNAL=$dir/journal.sqlite
    # Captured first: eval "$(…)" would hide a failed start.
    local shell
    shell=$(TELLER_DEMO_DIR=$dir/server "$tellerctl" demo start --shell) || die "tellerctl demo start failed"
    eval "$shell"
    superuser_password=$(cat "$dir/server/superuser.password")
}

su() { PGUSER=postgres PGPASSWORD=$superuser_password "$@"; }

bench_server_cleanup() {
    TELLER_DEMO_DIR=$dir/server "$tellerctl" demo stop >/dev/null 2>&1 || true
    # Never remove the directory from under a running server, whatever demo stop did.
    local pid
    pid=$(head -1 "$dir/server/data/postmaster.pid" 2>/dev/null) || pid=
    if [[ $pid =~ ^[0-9]+$ ]] && kill -INT "$pid" 2>/dev/null; then
        for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$dir"
}
