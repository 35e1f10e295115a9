#!/usr/bin/env bash
# Does Teller stay fast with a bank's worth of data? On one freshly started server: account
# lookup by number, by holder prefix, and a withdrawal (the core's function), measured with
# pgbench at 1 client on a small database, then again after loading 1,000,000 accounts and
# 10,000,000 movements (transfers, each one row, two-sided). Prints both and the ratios.
#   tests/bench/scale.sh [BUILD_DIR] [SECONDS] [ACCOUNTS] [TRANSFERS]
set -euo pipefail
shopt -s inherit_errexit
die() { echo "scale.sh: $*" >&2; exit 1; }
build=${1:-build}
seconds=${2:-10}
accounts=${3:-1000000}
transfers=${4:-10000000}
# The numbers go into SQL text below (psql has no bound values in a script): whole numbers only.
[[ $seconds =~ ^[1-9][0-9]{0,4}$ ]] || die "SECONDS must be a whole number from 1 to 99999, not '$seconds'"
[[ $accounts =~ ^[1-9][0-9]{0,8}$ ]] && [ "$accounts" -ge 2 ] || die "ACCOUNTS must be a whole number from 2 to 999999999, not '$accounts'"
[[ $transfers =~ ^(0|[1-9][0-9]{0,9})$ ]] || die "TRANSFERS must be a whole number from 0 to 9999999999, not '$transfers'"
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
bench_server scale

cat >"$dir/by_number.sql" <<'SQL'
\set i random(1, 20)
SELECT id, number, holder, currency, balance, held, balance_floor, status FROM teller.accounts WHERE number = '100000' || lpad(:i::text, 2, '0');
SQL
cat >"$dir/by_holder.sql" <<'SQL'
\set i random(1, 8)
SELECT id, number, holder FROM (SELECT (ARRAY['maria ','jonas ','aylin ','lukas ','sophie ','elena ','hannah ','noah '])[:i] AS p) typed, teller.accounts
 WHERE lower(holder) COLLATE "C" >= typed.p AND lower(holder) COLLATE "C" < teller.prefix_end(typed.p) ORDER BY lower(holder) COLLATE "C" LIMIT 50;
SQL
# As the core sends it: one statement, its own transaction, out of anna's till (open in the demo).
cat >"$dir/withdraw.sql" <<'SQL'
\set i random(1, 5)
SELECT status FROM teller.perform_action(gen_random_uuid(), 'withdrawal', '1000000' || :i, NULL, 1, 'EUR', teller.request_fingerprint('withdrawal', '1000000' || :i, NULL, 1, 'EUR', NULL, NULL), 'scale');
SQL
measure() { # script, as user; prints average latency in ms; fails if pgbench does
    local user=$1 script=$2 out latency
    out=$(PGUSER=$user PGPASSWORD=teller-demo "$pgbench" -n -M prepared -c 1 -T "$seconds" -f "$dir/$script.sql" 2>&1) \
        || { echo "scale.sh: pgbench $script failed:" >&2; echo "$out" >&2; return 1; }
    latency=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")
    [ -n "$latency" ] || { echo "scale.sh: no result from pgbench $script:" >&2; echo "$out" >&2; return 1; }
    echo "$latency"
}
declare -A small large
for s in by_number by_holder withdraw; do small[$s]=$(measure anna $s); done
echo "small database: by number ${small[by_number]} ms, by holder prefix ${small[by_holder]} ms, withdrawal ${small[withdraw]} ms"

echo "loading $accounts accounts and $transfers transfers (movements)…"
start=$(date +%s)
# A bulk load by the superuser: triggers and foreign key checks are off for it
# (session_replication_role), and the invariant check at the end verifies what was loaded.
su psql -q -v ON_ERROR_STOP=1 <<SQL || die "loading the data failed"
SET synchronous_commit = off;
SET session_replication_role = replica;
INSERT INTO teller.accounts (number, holder, currency, balance_floor)
SELECT 'S' || lpad(i::text, 9, '0'),
       (ARRAY['Maria','Jonas','Aylin','Lukas','Sophie','Elena','Hannah','Noah','Emma','Felix'])[1 + i % 10] || ' ' || md5(i::text),
       'EUR', -100000000
  FROM generate_series(1, $accounts) i;
CREATE TEMP TABLE ids AS SELECT row_number() OVER (ORDER BY id) AS n, id, number FROM teller.accounts WHERE number LIKE 'S%';
CREATE INDEX ON ids (n);
INSERT INTO teller.operations (key, kind, account_number, counter_account_number, account_id, counter_account_id,
                               debit_account_id, credit_account_id, amount, currency, fingerprint, status, balance_after,
                               available_after, initiated_by, workstation, created_at)
SELECT gen_random_uuid(), 'transfer', a.number, b.number, a.id, b.id, a.id, b.id, 100, 'EUR', sha256(t::text::bytea),
       'completed', 0, 0, 'anna', 'scale-load', now() - (t || ' milliseconds')::interval
  FROM generate_series(1, $transfers) t
  JOIN ids a ON a.n = 1 + (t::bigint * 7919) % $accounts
  JOIN ids b ON b.n = 1 + (t::bigint * 104729 + 1) % $accounts
 WHERE a.id <> b.id;
-- A customer's balance is what the bank owes: its credits less its debits.
UPDATE teller.accounts a SET balance = a.balance + m.total
  FROM (SELECT id, sum(delta) AS total
          FROM (SELECT credit_account_id AS id, amount AS delta FROM teller.operations WHERE workstation = 'scale-load'
                UNION ALL
                SELECT debit_account_id, -amount FROM teller.operations WHERE workstation = 'scale-load') d
         GROUP BY id) m
 WHERE m.id = a.id;
RESET session_replication_role;
VACUUM ANALYZE;
SQL
echo "loaded in $(( $(date +%s) - start )) s: $(su psql -Atq -c "SELECT count(*) FROM teller.accounts") accounts, $(su psql -Atq -c "SELECT count(*) FROM teller.movements") movements"

for s in by_number by_holder withdraw; do large[$s]=$(measure anna $s); done
echo "large database: by number ${large[by_number]} ms, by holder prefix ${large[by_holder]} ms, withdrawal ${large[withdraw]} ms"
for s in by_number by_holder withdraw; do
    awk -v n="$s" -v a="${small[$s]}" -v b="${large[$s]}" 'BEGIN { printf "%-10s small %7.3f ms  large %7.3f ms  ratio %.2fx\n", n, a, b, b / a }'
done
violations=$(su psql -Atq -v ON_ERROR_STOP=1 -c "SELECT count(*) FROM teller.invariant_violations()")
echo "invariants: $violations violations"
[ "$violations" = 0 ] || die "invariants do not hold"
