#!/usr/bin/env bash
# What being pool-safe costs the money statement: teller.perform_action (a withdrawal, as one
# statement, the same script as sidebyside.sh) driven by pgbench on one freshly started server
# (durable settings) in each of pgbench's three protocols, side by side:
#   -M extended   Parse/Bind/Execute/Sync of the unnamed statement in one round trip: what
#                 DbSession::select sends since it became pool-safe (PQexecParams)
#   -M prepared   a named statement prepared once per connection, then Bind/Execute: what
#                 QPSQL did before (PREPARE once, then EXECUTE; minus its literal formatting)
#   -M simple     the statement's text with the values in it (the simple query protocol)
# at each client count (one pgbench per bench teller: perform_action answers to session_user
# and each teller has its own till), ROUNDS rounds, the protocols alternating within a round.
#   [ROUNDS=3] [FSYNC=off] tests/bench/protocols.sh [BUILD_DIR] [SECONDS] [CLIENT COUNTS...]
#   default: build 8 1 8
# Prints every run's tps and latency average (the mean of the tellers' averages) and the
# median of the rounds. A benchmark: it judges no number, but every run must work.
# FSYNC=off turns the private server's fsync off (perform_action commits durably whatever the
# session sets, so the WAL flush cannot be left out otherwise): what is left is the protocol's
# and the function's CPU, without a disk whose flush time swings from minute to minute.
set -euo pipefail
shopt -s inherit_errexit
die() { echo "protocols.sh: $*" >&2; exit 1; }
build=${1:-build}
seconds=${2:-8}
shift $(($# > 2 ? 2 : $#)) || true
clients=("$@")
[ ${#clients[@]} -gt 0 ] || clients=(1 8)
rounds=${ROUNDS:-3}
[[ $seconds =~ ^[1-9][0-9]{0,3}$ ]] || die "SECONDS must be a whole number from 1 to 9999, not '$seconds'"
[[ $rounds =~ ^[1-9]$ ]] || die "ROUNDS must be a whole number from 1 to 9, not '$rounds'"
most=1
for c in "${clients[@]}"; do
    [[ $c =~ ^[1-9][0-9]?$ ]] || die "a client count must be a whole number from 1 to 99, not '$c'"
    [ "$c" -gt "$most" ] && most=$c
done
modes=(extended prepared simple)
fsync=${FSYNC:-on}
[[ $fsync =~ ^(on|off)$ ]] || die "FSYNC: on or off, not '$fsync'"
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
bench_server protocols

# The bench makes its branch, its tellers (bench_teller_1..N) and their open tills; a password
# of our own for each, so that pgbench can sign in as them (set in clear through psql, so the
# server's passwordcheck judges it).
su "$tellerctl" bench --clients "$most" --seconds 1 --accounts 1000 >/dev/null || die "the bench set-up failed"
if [ "$fsync" = off ]; then
    su psql -q -v ON_ERROR_STOP=1 -d teller -c "ALTER SYSTEM SET fsync = off" -c "SELECT pg_reload_conf()" >/dev/null
    sleep 1
fi
password=bench-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
for i in $(seq "$most"); do
    echo "ALTER ROLE bench_teller_$i PASSWORD :'p'" | su psql -q -v ON_ERROR_STOP=1 -d teller -v p="$password" >/dev/null
done
cat >"$dir/action.sql" <<'SQL'
\set a random(1, 1000)
SELECT key, status, reason, replayed, operation_id, kind, account_number, counter_account_number, amount, currency, balance_after, available_after, executed_at, initiated_by, workstation, till_after FROM teller.perform_action(gen_random_uuid(), 'withdrawal', 'BENCH' || lpad(:a::text, 6, '0'), NULL, 100, 'EUR', teller.request_fingerprint('withdrawal', 'BENCH' || lpad(:a::text, 6, '0'), NULL, 100, 'EUR', NULL, NULL), 'bench');
SQL

run() { # mode clients; prints "tps latency_ms"
    local mode=$1 n=$2 pids=() i
    for i in $(seq "$n"); do
        PGUSER=bench_teller_$i PGPASSWORD=$password "$pgbench" -n -M "$mode" -c 1 -j 1 -T "$seconds" -f "$dir/action.sql" teller \
            >"$dir/teller.$i" 2>&1 &
        pids+=($!)
    done
    for i in "${!pids[@]}"; do
        wait "${pids[$i]}" || die "pgbench -M $mode as bench_teller_$((i + 1)) failed: $(cat "$dir/teller.$((i + 1))")"
    done
    for i in $(seq "$n"); do
        ! grep -q '^number of failed transactions: [1-9]' "$dir/teller.$i" \
            || die "pgbench -M $mode as bench_teller_$i had failed transactions: $(cat "$dir/teller.$i")"
        sed -n -e 's/^tps = \([0-9.]*\).*/tps \1/p' -e 's/^latency average = \([0-9.]*\) ms/lat \1/p' "$dir/teller.$i"
    done | awk '$1 == "tps" { t += $2 } $1 == "lat" { l += $2; n++ } END { printf "%.1f %.3f\n", t, l / n }'
}
echo "server: PostgreSQL $(su psql -Atq -d teller -c 'SHOW server_version'), fsync $(su psql -Atq -d teller -c 'SHOW fsync'), synchronous_commit $(su psql -Atq -d teller -c 'SHOW synchronous_commit'); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $seconds s per run, $rounds rounds"
declare -A R
printf '%-6s %-8s %-9s %10s %12s\n' round clients protocol tps "latency ms"
for round in $(seq "$rounds"); do
    for c in "${clients[@]}"; do
        # The order turns with the round, so that no protocol always runs first.
        for k in 0 1 2; do
            mode=${modes[$(((k + round - 1) % 3))]}
            r=$(run "$mode" "$c")
            R[$round,$c,$mode]=$r
            read -r tps lat <<<"$r"
            printf '%-6s %-8s %-9s %10.1f %12.3f\n' "$round" "$c" "$mode" "$tps" "$lat"
        done
    done
done
median() { tr ' ' '\n' <<<"$*" | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "median of $rounds rounds:"
printf '%-8s %-9s %10s %12s %18s\n' clients protocol tps "latency ms" "tps / extended"
for c in "${clients[@]}"; do
    declare -A M=()
    for mode in "${modes[@]}"; do
        t=() l=()
        for round in $(seq "$rounds"); do
            read -r a b <<<"${R[$round,$c,$mode]}"
            t+=("$a") l+=("$b")
        done
        M[$mode]=$(median "${t[*]}")
        printf '%-8s %-9s %10.1f %12.3f %17.2fx\n' "$c" "$mode" "${M[$mode]}" "$(median "${l[*]}")" \
            "$(awk -v a="${M[$mode]}" -v b="${M[extended]}" 'BEGIN { print a / b }')"
    done
done
echo
echo "the bench tellers' withdrawals, by status: $(su psql -Atq -d teller -c "SELECT string_agg(status || ' ' || n, ', ') FROM (SELECT status, count(*) n FROM teller.operations WHERE initiated_by LIKE 'bench\_teller\_%' AND kind = 'withdrawal' GROUP BY status ORDER BY status) s")"
check=$(su "$tellerctl" check) || die "tellerctl check failed: $check"
grep -q '"status": *"completed"' <<<"$check" || die "invariants do not hold: $check"
echo "tellerctl check: invariants hold"
