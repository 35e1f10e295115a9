-- 013 separation of duties, and the rest of what an attacker with a staff login found
-- (docs/SECURITY.md has the threat model and each finding with what prevents it):
-- - a missing approval limit is the bank's default for the role (settings
--   default_teller_limit, default_supervisor_limit; 0 unless the bank says otherwise), never
--   unlimited; unlimited (a NULL approval_limit, as before) only when asked for explicitly;
-- - staff administration under four eyes: a Teller admin changes nobody's rights alone (a new
--   member, a higher role or limit, unlimited, a password, a reactivation wait in
--   teller.staff_changes for a second admin) and never their own; what only takes rights away
--   (deactivating, lowering a limit, a name or branch) is at once. The database's owner, who
--   provisions it, is not staff and acts directly;
-- - a password set by an administrator must be replaced by its member (change_own_password)
--   before that member moves money: whoever set it cannot act under the member's name;
-- - a per-teller daily cash limit (teller.cash_rules.teller_daily_limit per currency, a
--   staff member's own daily_cash_limit overrides it): cash beyond it in a day waits for a
--   supervisor. Counted on the till (cash_day, cash_day_total), in the branch's time zone;
-- - at most one money action per transaction, and only as a transaction's first statement;
--   teller.end_stale_money_sessions() ends a staff session that holds money locks longer than
--   the bank's bound (setting money_lock_seconds), called by a workstation that waited for one;
-- - unfreezing an account needs a second person (teller.account_status_requests);
-- - a teller has a bounded number of operations waiting at once (max_pending_per_teller), and
--   of those that hold money one per account (max_pending_holds_per_account);
-- - workstation names and notes are plain text (no control or bidirectional-override
--   characters); an account's floor is between -1e15 and 0.

INSERT INTO teller.settings (key, value) VALUES
    ('default_teller_limit', '0'),        -- a teller's approval limit when none is given
    ('default_supervisor_limit', '0'),    -- a supervisor's, likewise
    ('max_pending_per_teller', '5'),      -- operations one member of staff may have waiting at once
    ('max_pending_holds_per_account', '1'), -- of those, holding money on any one account
    ('money_lock_seconds', '10')          -- longer than this no staff session holds money locks
ON CONFLICT (key) DO NOTHING;

ALTER TABLE teller.staff
    ADD COLUMN daily_cash_limit bigint CHECK (daily_cash_limit >= 0),
    ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

ALTER TABLE teller.cash_rules
    ADD COLUMN teller_daily_limit bigint CHECK (teller_daily_limit > 0);
-- 250,000 in every currency's major unit, as a start the bank changes.
UPDATE teller.cash_rules r SET teller_daily_limit = 250000 * (10 ^ c.exponent)::bigint
  FROM teller.currencies c WHERE c.code = r.currency;

ALTER TABLE teller.branches
    ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';
UPDATE teller.branches SET time_zone = current_setting('TimeZone');

-- (No CHECK on teller.accounts: its rules are a trigger, migration 012 says why. Only the money
-- functions write these columns, and open_account bounds the floor.)
ALTER TABLE teller.accounts
    ADD COLUMN cash_day date,
    ADD COLUMN cash_day_total bigint NOT NULL DEFAULT 0;

-- Changes of staff rights that wait for a second admin.
CREATE TABLE teller.staff_changes (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login         text NOT NULL CHECK (login ~ '^[a-z][a-z0-9_.-]{0,62}$'),
    change        text NOT NULL CHECK (change IN ('add', 'reactivate')),
    display_name  text,
    role          text CHECK (role IN ('teller', 'supervisor', 'admin')),
    approval_limit bigint CHECK (approval_limit >= 0),
    unlimited     boolean NOT NULL DEFAULT false,
    branch_id     bigint REFERENCES teller.branches (id),
    password_verifier text,
    status        text NOT NULL DEFAULT 'pending_approval'
                  CHECK (status IN ('pending_approval', 'completed', 'rejected', 'expired')),
    requested_by  text NOT NULL DEFAULT session_user,
    requested_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    expires_at    timestamptz NOT NULL DEFAULT clock_timestamp() + interval '7 days',
    decided_by    text,
    decided_at    timestamptz,
    decision_note text CHECK (length(decision_note) <= 500)
);
CREATE UNIQUE INDEX staff_changes_one_pending ON teller.staff_changes (login) WHERE status = 'pending_approval';
REVOKE ALL ON teller.staff_changes FROM PUBLIC;

-- An unfreeze asked for by one person, waiting for a second.
CREATE TABLE teller.account_status_requests (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint NOT NULL REFERENCES teller.accounts (id),
    to_status    text NOT NULL CHECK (to_status = 'active'),
    requested_by text NOT NULL DEFAULT session_user,
    requested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    done_by      text,
    done_at      timestamptz
);
CREATE UNIQUE INDEX account_status_requests_open ON teller.account_status_requests (account_id) WHERE done_at IS NULL;
REVOKE ALL ON teller.account_status_requests FROM PUBLIC;

-- A staff member's open pending operations are counted when one more would wait.
CREATE INDEX operations_pending_by_initiator ON teller.operations (initiated_by) WHERE status = 'pending_approval';

-- add_staff gains p_unlimited and answers whether the change is done or waits; set_account_status
-- answers whether it waits for a second person. Their bodies are functions/*.sql.
DROP FUNCTION IF EXISTS teller.add_staff(text, text, text, bigint, text, text);
DROP FUNCTION IF EXISTS teller.set_account_status(text, text);
CREATE TYPE teller.staff_answer AS (
    login text, display_name text, role text, approval_limit bigint, limit_currency text, active boolean,
    branch text, daily_cash_limit bigint, change_status text, change_id bigint);
CREATE TYPE teller.account_status_answer AS (
    id bigint, number text, holder text, currency text, balance bigint, held bigint, balance_floor bigint,
    status text, opened_at timestamptz, change_status text);

-- Large objects are not Teller's (teller.secure_database does the same from now on).
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        REVOKE EXECUTE ON FUNCTION pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer),
                                   pg_catalog.lo_import(text), pg_catalog.lo_import(text, oid),
                                   pg_catalog.lo_from_bytea(oid, bytea) FROM PUBLIC;
    ELSE
        RAISE NOTICE 'not a superuser: a superuser must run SELECT teller.secure_database() in database % once, to take large objects away from PUBLIC',
                     current_database();
    END IF;
END
$$;
