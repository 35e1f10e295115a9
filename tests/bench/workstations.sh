#!/usr/bin/env bash
# The 1,000-workstation benchmark (issue 14) on one fresh private server (durable settings):
# bench_workstations (tests/bench/bench_workstations.cpp) through PgBouncer, then the same load
# straight to PostgreSQL with its default max_connections (100), then with max_connections
# raised to fit. After each run, `tellerctl check` (every money invariant).
#   [RUNS="pooled direct-default direct-raised"] [TELLERS=100] [FAST=4] [POOL=20] [MAXDB=20] [THREADS=8]
#   [IDLE_TIMEOUT=10] [ACTIONS=mix|transfers]
#   tests/bench/workstations.sh [BUILD_DIR] [SECONDS] [WORKSTATIONS]
#   default: build 120 1000
# Prints every run's JSON and a summary. The direct run at the default max_connections is
# expected to be refused (that is what it shows: how many connected and the error); every
# other run must complete without an error with the invariants holding, or the script fails.
# Two more runs, for comparison only (neither is a way to run Teller):
#   pooled-shared  through PgBouncer (POOL, MAXDB) with every workstation signed in as one and
#                  the same teller (bench_workstations --shared-login), so PgBouncer has a single
#                  pool: what an identity model with one pooled login would gain. Transfers only
#                  (one teller's cash actions from 1,000 windows would all hit its one till row).
#   pooled-idle    through PgBouncer with a login per teller, no max_db_connections and
#                  server_idle_timeout = IDLE_TIMEOUT s, on a server with max_connections raised
#                  to fit: how many server connections the windows keep at their idle pace.
# ACTIONS=transfers makes every other run's actions transfers too (default: mix).
set -euo pipefail
shopt -s inherit_errexit
die() { echo "workstations.sh: $*" >&2; exit 1; }
build=${1:-build}
seconds=${2:-120}
workstations=${3:-1000}
runs=${RUNS:-pooled direct-default direct-raised}
tellers=${TELLERS:-100}
fast=${FAST:-4}
pool=${POOL:-20}
maxdb=${MAXDB:-20}
threads=${THREADS:-8}
idle_timeout=${IDLE_TIMEOUT:-10}
actions=${ACTIONS:-mix}
case $actions in mix | transfers) ;; *) die "ACTIONS: mix or transfers, not '$actions'" ;; esac
for v in "$seconds" "$workstations" "$tellers" "$fast" "$pool" "$maxdb" "$threads" "$idle_timeout"; do
    [[ $v =~ ^[0-9]{1,5}$ ]] || die "every number must be a whole number, not '$v'"
done
for r in $runs; do
    case $r in pooled | pooled-shared | pooled-idle | direct-default | direct-raised) ;;
    *) die "RUNS: pooled, pooled-shared, pooled-idle, direct-default, direct-raised, not '$r'" ;; esac
done
bench=$(realpath "$build/tests/bench/bench_workstations")
[ -x "$bench" ] || die "$bench not found: build first"

source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
bench_server workstations
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
server="host=$PGHOST port=$PGPORT dbname=$PGDATABASE user=postgres sslmode=disable"
echo "server: PostgreSQL $(su psql -Atq -c 'SHOW server_version'), fsync $(su psql -Atq -c 'SHOW fsync'), synchronous_commit $(su psql -Atq -c 'SHOW synchronous_commit'); $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$workstations workstations ($tellers at a teller's pace, $fast fast), $seconds s per run"

restart_server() { # max_connections
    su psql -q -v ON_ERROR_STOP=1 -c "ALTER SYSTEM SET max_connections = $1" >/dev/null
    local ctl=("$bindir/pg_ctl" -D "$dir/server/data" -l "$dir/server/server.log" -m fast -w restart)
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "${ctl[@]}" >/dev/null; else "${ctl[@]}" >/dev/null; fi
    echo "max_connections: $(su psql -Atq -c 'SHOW max_connections')"
}

run() { # name, then bench_workstations options
    local name=$1 out rc=0 check
    shift
    echo
    echo "== $name: $(cut -d' ' -f1-3 /proc/loadavg) load before"
    out=$(su "$bench" --server "$server" --workstations "$workstations" --tellers "$tellers" --fast "$fast" \
        --seconds "$seconds" --threads "$threads" "$@") || rc=$?
    echo "$out"
    check=$(su "$tellerctl" check) || die "tellerctl check after $name failed: $check"
    echo "tellerctl check: $(tr -d '\n' <<<"$check" | head -c 400)"
    grep -q '"status": *"completed"' <<<"$check" || die "invariants do not hold after $name"
    if [ "$name" = direct-default ]; then
        [ "$rc" -ne 0 ] && grep -q '"refused":[1-9]' <<<"$out" || echo "workstations.sh: note: every workstation connected at the default max_connections"
    else
        [ "$rc" -eq 0 ] || die "$name failed (exit $rc)"
    fi
}

for r in $runs; do
    case $r in
    pooled) run pooled --via pgbouncer --pool-size "$pool" --max-db-connections "$maxdb" --actions "$actions" ;;
    pooled-shared) run pooled-shared --via pgbouncer --pool-size "$pool" --max-db-connections "$maxdb" --shared-login --actions transfers ;;
    pooled-idle)
        restart_server $((workstations + 50))
        run pooled-idle --via pgbouncer --pool-size "$pool" --max-db-connections 0 --server-idle-timeout "$idle_timeout" --actions "$actions"
        ;;
    direct-default) restart_server 100 && run direct-default --via direct --actions "$actions" ;;
    direct-raised) restart_server $((workstations + 50)) && run direct-raised --via direct --actions "$actions" ;;
    esac
done
