#!/usr/bin/env bash
# Where does a withdrawal's time go? On one freshly started server, at N clients, in ROUNDS
# rounds one after the other: pgbench tpcb-like; the smallest movement that could reach it (one
# narrow row keyed by the key plus two balance updates, a plan-cached plpgsql function on tables
# of its own, driven by pgbench); teller.perform_action itself driven by pgbench (one pgbench
# per bench teller, the function as one statement, as the core sends it); and tellerctl bench
# (the core's client). Prints transactions per second and each one's ratio to tpcb-like.
#   [ROUNDS=3] tests/bench/sidebyside.sh [BUILD_DIR] [SECONDS] [CLIENTS]     default: build 6 8
# A benchmark: it judges no number, but every run must work.
set -euo pipefail
shopt -s inherit_errexit
die() { echo "sidebyside.sh: $*" >&2; exit 1; }
build=${1:-build}
seconds=${2:-6}
clients=${3:-8}
rounds=${ROUNDS:-3}
[[ $seconds =~ ^[1-9][0-9]{0,3}$ ]] || die "SECONDS must be a whole number from 1 to 9999, not '$seconds'"
[[ $clients =~ ^[1-9][0-9]?$ ]] || die "CLIENTS must be a whole number from 1 to 99, not '$clients'"
[[ $rounds =~ ^[1-9]$ ]] || die "ROUNDS must be a whole number from 1 to 9, not '$rounds'"
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
bench_server sidebyside

# The bench makes its branch, its tellers (bench_teller_1..N) and their open tills; a password
# of our own for each, so that pgbench can sign in as them.
su "$tellerctl" bench --clients "$clients" --seconds 1 --accounts 1000 >/dev/null || die "the bench set-up failed"
# Set in clear through psql, so the server's passwordcheck judges it: letters and a non-letter
# for certain, and not the login's name.
password=bench-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
set_passwords() {
    for i in $(seq "$clients"); do
        # psql interpolates :'p' (quoted as a literal) in what it reads, not in -c.
        echo "ALTER ROLE bench_teller_$i PASSWORD :'p'" | su psql -q -v ON_ERROR_STOP=1 -d teller -v p="$password" >/dev/null
    done
}
su psql -q -v ON_ERROR_STOP=1 -d teller >/dev/null <<'SQL' || die "cannot create the prototype"
CREATE TABLE public.proto_acc (id bigint PRIMARY KEY, balance bigint NOT NULL);
INSERT INTO public.proto_acc SELECT i, 1000000000000 FROM generate_series(1, 1016) i;
CREATE TABLE public.proto_mov (key uuid PRIMARY KEY, debit bigint NOT NULL, credit bigint NOT NULL,
                               amount bigint NOT NULL, currency char(3) NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION public.proto_move(p_key uuid, p_debit bigint, p_credit bigint, p_amount bigint) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE v bigint;
BEGIN
    UPDATE public.proto_acc SET balance = balance - p_amount WHERE id = p_debit AND balance >= p_amount RETURNING balance INTO v;
    UPDATE public.proto_acc SET balance = balance + p_amount WHERE id = p_credit;
    INSERT INTO public.proto_mov (key, debit, credit, amount, currency) VALUES (p_key, p_debit, p_credit, p_amount, 'EUR');
    RETURN v;
END $$;
CREATE DATABASE pgbench;
SQL
init=$(su "$pgbench" -q -i -s 10 pgbench 2>&1) || die "pgbench -i failed: $init"
printf '\\set a random(1, 1000)\n\\set t random(1001, 1016)\nSELECT public.proto_move(gen_random_uuid(), :a, :t, 100);\n' >"$dir/proto.sql"
cat >"$dir/action.sql" <<'SQL'
\set a random(1, 1000)
SELECT key, status, reason, replayed, operation_id, kind, account_number, counter_account_number, amount, currency, balance_after, available_after, executed_at, initiated_by, workstation, till_after FROM teller.perform_action(gen_random_uuid(), 'withdrawal', 'BENCH' || lpad(:a::text, 6, '0'), NULL, 100, 'EUR', teller.request_fingerprint('withdrawal', 'BENCH' || lpad(:a::text, 6, '0'), NULL, 100, 'EUR', NULL, NULL), 'bench');
SQL

tps() { sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$1"; }
pgb() { # database, then pgbench arguments; prints tps
    local db=$1 out; shift
    out=$(su "$pgbench" -n -M prepared -c "$clients" -j "$(( clients < $(nproc) ? clients : $(nproc) ))" -T "$seconds" "$@" "$db" 2>&1) \
        || { echo "sidebyside.sh: pgbench $* failed: $out" >&2; return 1; }
    tps "$out"
}
tellers() { # one pgbench per bench teller (perform_action answers to session_user); prints summed tps
    local pids=() i total=0 t
    for i in $(seq "$clients"); do
        PGUSER=bench_teller_$i PGPASSWORD=$password "$pgbench" -n -M prepared -c 1 -j 1 -T "$seconds" -f "$dir/action.sql" teller \
            >"$dir/teller.$i" 2>&1 & pids+=($!)
    done
    for i in "${!pids[@]}"; do wait "${pids[$i]}" || { echo "sidebyside.sh: pgbench as bench_teller_$(( i + 1 )) failed: $(cat "$dir/teller.$(( i + 1 ))")" >&2; return 1; }; done
    for i in $(seq "$clients"); do t=$(tps "$(cat "$dir/teller.$i")"); total=$(awk -v a="$total" -v b="$t" 'BEGIN { print a + b }'); done
    echo "$total"
}
bench() {
    local out
    out=$(su "$tellerctl" bench --clients "$clients" --seconds "$seconds" --accounts 1000) || { echo "sidebyside.sh: tellerctl bench failed: $out" >&2; return 1; }
    grep -q '"invariants":"ok"' <<<"$out" || { echo "sidebyside.sh: invariants do not hold: $out" >&2; return 1; }
    sed -n 's/.*"ops_per_second":\([0-9.e+-]*\).*/\1/p' <<<"$out"
}
echo "server: PostgreSQL $(su psql -Atq -d teller -c 'SHOW server_version'); $(nproc) cores; $clients clients, $seconds s per run, $rounds rounds"
printf '%-6s %12s %22s %26s %22s\n' round "tpcb-like/s" "prototype/s" "perform_action (pgbench)/s" "tellerctl bench/s"
for round in $(seq "$rounds"); do
    tpcb=$(pgb pgbench -b tpcb-like); proto=$(pgb teller -f "$dir/proto.sql")
    set_passwords; action=$(tellers); client=$(bench)
    r() { awk -v a="$1" -v b="$tpcb" 'BEGIN { printf "%.0f (%.2fx)", a, a / b }'; }
    printf '%-6s %12.0f %22s %26s %22s\n' "$round" "$tpcb" "$(r "$proto")" "$(r "$action")" "$(r "$client")"
done
