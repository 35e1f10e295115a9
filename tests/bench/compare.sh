#!/usr/bin/env bash
# Teller's money path against PostgreSQL's own pgbench, side by side on one freshly started
# server (durable settings: fsync and synchronous_commit on), at the same client counts.
#   [ROUNDS=N] tests/bench/compare.sh [BUILD_DIR] [SECONDS] [CLIENT COUNTS...]
#   default: ROUNDS=1, build 10 1 8 32
# Prints every run's numbers and a table of the ratios that count, for each round (pgbench and
# tellerctl bench alternate within a round), and with ROUNDS > 1 the median of each ratio over
# the rounds: this machine's absolute figures swing by 40 % minute to minute, a ratio of runs
# made side by side much less. A benchmark: nothing here judges the numbers, but every run must
# work. The script fails (exit 1) when the server does
# not start, when a pgbench or tellerctl bench run fails, or when a bench run reports that an
# invariant does not hold.
set -euo pipefail
shopt -s inherit_errexit
die() { echo "compare.sh: $*" >&2; exit 1; }
build=${1:-build}
seconds=${2:-10}
shift $(( $# > 2 ? 2 : $# )) || true
clients=("$@")
[ ${#clients[@]} -gt 0 ] || clients=(1 8 32)

[[ $seconds =~ ^[1-9][0-9]{0,4}$ ]] || die "SECONDS must be a whole number from 1 to 99999, not '$seconds'"
for c in "${clients[@]}"; do
    [[ $c =~ ^[1-9][0-9]{0,2}$ ]] || die "a client count must be a whole number from 1 to 999, not '$c'"
done
rounds=${ROUNDS:-1}
[[ $rounds =~ ^[1-9]$ ]] || die "ROUNDS must be a whole number from 1 to 9, not '$rounds'"

# A fresh server with the Teller schema and the demo staff (the superuser runs the bench: it
# provisions its own staff, which a Teller admin does not do alone).
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
bench_server bench
su psql -q -v ON_ERROR_STOP=1 -d teller -c "CREATE DATABASE pgbench" >/dev/null || die "cannot create the pgbench database"
init=$(su "$pgbench" -q -i -s 10 pgbench 2>&1) || die "pgbench -i failed: $init"
su psql -q -v ON_ERROR_STOP=1 -d pgbench -c "CREATE TABLE hot (id int PRIMARY KEY, v bigint NOT NULL); INSERT INTO hot VALUES (1, 0)" >/dev/null
printf '\\set d random(1, 100)\nUPDATE hot SET v = v + :d WHERE id = 1;\n' >"$dir/hot.sql"
echo "server: PostgreSQL $(su psql -Atq -d teller -c 'SHOW server_version'), fsync $(su psql -Atq -d teller -c 'SHOW fsync'), synchronous_commit $(su psql -Atq -d teller -c 'SHOW synchronous_commit'); $(nproc) cores; $seconds s per run"

pgb() { # clients, then pgbench arguments; prints "tps latency_ms"; fails if pgbench does
    local c=$1; shift
    local out tps latency
    out=$(su "$pgbench" -n -M prepared -c "$c" -j "$(( c < $(nproc) ? c : $(nproc) ))" -T "$seconds" "$@" pgbench 2>&1) \
        || { echo "compare.sh: pgbench $* with $c clients failed:" >&2; echo "$out" >&2; return 1; }
    tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out")
    latency=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")
    [ -n "$tps" ] && [ -n "$latency" ] || { echo "compare.sh: no result from pgbench $*:" >&2; echo "$out" >&2; return 1; }
    echo "$tps $latency"
}
tb() { # clients scenario; prints the bench JSON; fails if the run fails or an invariant does not hold
    local out rc=0
    out=$(su "$tellerctl" bench --clients "$1" --seconds "$seconds" --scenario "$2" --accounts 1000) || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "compare.sh: tellerctl bench --scenario $2 --clients $1 failed (exit $rc): $out" >&2
        return 1
    fi
    grep -q '"invariants":"ok"' <<<"$out" || { echo "compare.sh: invariants do not hold after bench $2, $1 clients: $out" >&2; return 1; }
    echo "$out"
}
field() { sed -n "s/.*\"$1\":\([0-9.e+-]*\).*/\1/p" <<<"$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print 0 }'; }

declare -A T
for round in $(seq "$rounds"); do
    for c in "${clients[@]}"; do
        # Each result is captured before it is read: "read < <(pgb …)" would not see pgbench fail.
        r=$(pgb "$c" -b tpcb-like); read -r tpcb tpcb_lat <<<"$r"
        r=$(pgb "$c" -b simple-update); read -r simple _ <<<"$r"
        r=$(pgb "$c" -f "$dir/hot.sql"); read -r hotrow _ <<<"$r"
        uniform=$(tb "$c" uniform); hot=$(tb "$c" hot); transfer=$(tb "$c" transfer); replay=$(tb "$c" replay)
        for name in uniform hot transfer replay; do echo "round $round: tellerctl bench $name, $c clients: ${!name}"; done
        echo "round $round: pgbench $c clients: tpcb-like $tpcb tps (latency $tpcb_lat ms), simple-update $simple tps, hot row $hotrow tps"
        T[$round,$c]="$tpcb $tpcb_lat $simple $hotrow $(field ops_per_second "$uniform") $(field p50_ms "$uniform") $(field p99_ms "$uniform") $(field ops_per_second "$hot") $(field ops_per_second "$transfer") $(field ops_per_second "$replay")"
    done
done

median() { tr ' ' '\n' <<<"$*" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A U H P
echo
printf '%-6s %-8s %12s %12s %8s | %12s %12s %8s | %12s %12s | %10s %10s %10s %8s\n' round clients "uniform/s" "tpcb-like/s" ratio "hot/s" "hot-row/s" ratio "transfer/s" "replay/s" "p50 ms" "p99 ms" "tpcb ms" "p50/tpcb"
for round in $(seq "$rounds"); do
    for c in "${clients[@]}"; do
        read -r tpcb tpcb_lat simple hotrow uniform p50 p99 hot transfer replay _ <<<"${T[$round,$c]}"
        u=$(ratio "$uniform" "$tpcb"); h=$(ratio "$hot" "$hotrow"); l=$(ratio "$p50" "$tpcb_lat")
        U[$c]+="$u "; H[$c]+="$h "; P[$c]+="$l "
        printf '%-6s %-8s %12.0f %12.0f %7.2fx | %12.0f %12.0f %7.2fx | %12.0f %12.0f | %10.2f %10.2f %10.2f %7.2fx\n' "$round" "$c" \
            "$uniform" "$tpcb" "$u" "$hot" "$hotrow" "$h" "$transfer" "$replay" "$p50" "$p99" "$tpcb_lat" "$l"
    done
done
if [ "$rounds" -gt 1 ]; then
    echo
    echo "median of $rounds rounds:"
    printf '%-8s %16s %16s %16s\n' clients "uniform/tpcb" "hot/hot-row" "p50/tpcb latency"
    for c in "${clients[@]}"; do
        printf '%-8s %15sx %15sx %15sx\n' "$c" "$(median ${U[$c]})" "$(median ${H[$c]})" "$(median ${P[$c]})"
    done
fi
echo
echo "every run completed; invariants held after every tellerctl bench run"
echo "targets: uniform >= 1.0x tpcb-like at 8 clients; hot >= 0.35x the hot-row ceiling at 8 clients; p50 at 1 client <= 0.85x tpcb-like latency"
