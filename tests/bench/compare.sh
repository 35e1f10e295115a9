#!/usr/bin/env bash
# Teller's money path against PostgreSQL's own pgbench, side by side on one freshly started
# server (durable settings: fsync and synchronous_commit on), at the same client counts.
#   tests/bench/compare.sh [BUILD_DIR] [SECONDS] [CLIENT COUNTS...]    default: build 10 1 8 32
# Prints every run's numbers and a table of the ratios that count. A benchmark, not a test:
# nothing here judges the numbers.
set -euo pipefail
build=${1:-build}
seconds=${2:-10}
shift $(( $# > 2 ? 2 : $# )) || true
clients=("$@")
[ ${#clients[@]} -gt 0 ] || clients=(1 8 32)

tellerctl=$(realpath "$build/tools/tellerctl/tellerctl")
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
pgbench=${PGBENCH:-$bindir/pgbench}
[ -x "$pgbench" ] || { echo "pgbench not found (apt-get install postgresql)" >&2; exit 1; }

dir=$(mktemp -d /tmp/teller-bench.XXXXXX)
[ "$(id -u)" -eq 0 ] && chmod 755 "$dir"
cleanup() { TELLER_DEMO_DIR=$dir/server "$tellerctl" demo stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
export TELLER_JOURNAL=$dir/journal.sqlite

# A fresh server with the Teller schema and the demo staff (it_admin runs the bench).
eval "$(TELLER_DEMO_DIR=$dir/server "$tellerctl" demo start --shell)"
superuser_password=$(cat "$dir/server/superuser.password")
su() { PGUSER=postgres PGPASSWORD=$superuser_password "$@"; }
su psql -q -d teller -c "CREATE DATABASE pgbench" >/dev/null
su "$pgbench" -q -i -s 10 pgbench >/dev/null 2>&1
su psql -q -d pgbench -c "CREATE TABLE hot (id int PRIMARY KEY, v bigint NOT NULL); INSERT INTO hot VALUES (1, 0)" >/dev/null
printf '\\set d random(1, 100)\nUPDATE hot SET v = v + :d WHERE id = 1;\n' >"$dir/hot.sql"
echo "server: PostgreSQL $(su psql -Atq -d teller -c 'SHOW server_version'), fsync $(su psql -Atq -d teller -c 'SHOW fsync'), synchronous_commit $(su psql -Atq -d teller -c 'SHOW synchronous_commit'); $(nproc) cores; $seconds s per run"

pgb() { # clients, then pgbench arguments; prints "tps latency_ms"
    local c=$1; shift
    local out
    out=$(su "$pgbench" -n -M prepared -c "$c" -j "$(( c < $(nproc) ? c : $(nproc) ))" -T "$seconds" "$@" pgbench 2>&1)
    echo "$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out") $(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")"
}
tb() { # clients scenario; prints the bench JSON
    PGUSER=it_admin "$tellerctl" bench --clients "$1" --seconds "$seconds" --scenario "$2" --accounts 1000
}
field() { sed -n "s/.*\"$1\":\([0-9.e+-]*\).*/\1/p" <<<"$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print 0 }'; }

declare -A T
for c in "${clients[@]}"; do
    read -r tpcb tpcb_lat < <(pgb "$c" -b tpcb-like)
    read -r simple _ < <(pgb "$c" -b simple-update)
    read -r hotrow _ < <(pgb "$c" -f "$dir/hot.sql")
    uniform=$(tb "$c" uniform); hot=$(tb "$c" hot); transfer=$(tb "$c" transfer); replay=$(tb "$c" replay)
    for name in uniform hot transfer replay; do echo "tellerctl bench $name, $c clients: ${!name}"; done
    echo "pgbench $c clients: tpcb-like $tpcb tps (latency $tpcb_lat ms), simple-update $simple tps, hot row $hotrow tps"
    T[$c]="$tpcb $tpcb_lat $simple $hotrow $(field ops_per_second "$uniform") $(field p50_ms "$uniform") $(field p99_ms "$uniform") $(field ops_per_second "$hot") $(field ops_per_second "$transfer") $(field ops_per_second "$replay") $(field invariants "$uniform")"
done

echo
printf '%-8s %12s %12s %8s | %12s %12s %8s | %12s %12s | %10s %10s %10s\n' clients "uniform/s" "tpcb-like/s" ratio "hot/s" "hot-row/s" ratio "transfer/s" "replay/s" "p50 ms" "p99 ms" "tpcb ms"
for c in "${clients[@]}"; do
    read -r tpcb tpcb_lat simple hotrow uniform p50 p99 hot transfer replay _ <<<"${T[$c]}"
    printf '%-8s %12.0f %12.0f %7.2fx | %12.0f %12.0f %7.2fx | %12.0f %12.0f | %10.2f %10.2f %10.2f\n' "$c" "$uniform" "$tpcb" \
        "$(ratio "$uniform" "$tpcb")" "$hot" "$hotrow" "$(ratio "$hot" "$hotrow")" "$transfer" "$replay" "$p50" "$p99" "$tpcb_lat"
done
echo
echo "targets: uniform >= 1.3x tpcb-like at 8 clients; hot >= 0.5x the hot-row ceiling at 8 clients; p50 at 1 client <= 0.7x tpcb-like latency"
