-- 011 cash and the ledger. Every movement of money is recorded once, two-sided: an operation
-- that completed names the account it debits and the one it credits (debit_account_id,
-- credit_account_id) with its amount; that row is the ledger entry, under the idempotency key
-- (teller.movements lists them). Customer accounts, each teller's till, each branch's vault and
-- its cash-over/short and cash-in-transit accounts are all accounts, each with its natural
-- side: a customer account shows what the bank owes (credits - debits), every other kind the
-- cash or value it holds (debits - credits). A withdrawal debits the customer and credits the
-- teller's till; a deposit debits the till and credits the customer; a transfer debits the
-- payer and credits the payee; vault <-> till and deliveries are movements between them.
--
-- The history of a version-9 database is kept whole: its completed operations become
-- movements against the accounts they touched, and the cash of withdrawals and deposits made
-- before tills existed against a "cash before tills" account per currency in the main branch,
-- so that every balance still equals its movements and every currency's debits equal its
-- credits. teller.ledger_entries stays as it was (the one-sided history up to version 10);
-- nothing writes to it any more.

-- ---------------------------------------------------------------------------------------------
-- The rules of single values as domains. PostgreSQL prepares a table's CHECK constraints
-- again for every statement that writes a row (each one costs about 5 us on the money path,
-- measured: docs/PERFORMANCE.md), while a domain's constraints are prepared once per session:
-- every rule of one column is a domain, and a table keeps as CHECK only what spans columns and
-- must hold after every change (the balance floor). The other rules that span columns are
-- checked by triggers that fire only when the columns they are about change.

CREATE DOMAIN teller.account_number AS text CHECK (VALUE ~ '^[A-Z0-9]{1,34}$');
CREATE DOMAIN teller.holder_name AS text CHECK (length(btrim(VALUE)) BETWEEN 1 AND 200);
CREATE DOMAIN teller.account_kind AS text
    CHECK (VALUE IN ('customer', 'till', 'vault', 'over_short', 'in_transit', 'legacy_cash'));
CREATE DOMAIN teller.account_status AS text CHECK (VALUE IN ('active', 'frozen', 'closed'));
CREATE DOMAIN teller.non_negative_minor AS bigint CHECK (VALUE >= 0);
CREATE DOMAIN teller.floor_minor AS bigint CHECK (VALUE <= 0);
CREATE DOMAIN teller.operation_kind AS text CHECK (VALUE IN (
    'withdrawal', 'deposit', 'transfer',   -- a customer's money (perform_action)
    'till_open', 'till_close',             -- a till's count; an over/short when it differs
    'vault_receive', 'vault_ship',         -- cash delivered into, sent out of, the branch's vault
    'vault_to_till', 'till_to_vault',      -- cash between the vault and a teller's till
    'reversal'));                          -- a completed movement undone, sides swapped
CREATE DOMAIN teller.operation_status AS text
    CHECK (VALUE IN ('completed', 'pending_approval', 'rejected', 'expired', 'abandoned'));
CREATE DOMAIN teller.operation_amount AS bigint CHECK (VALUE > 0 AND VALUE <= 1000000000000000);
CREATE DOMAIN teller.fingerprint_bytes AS bytea CHECK (length(VALUE) = 32);
CREATE DOMAIN teller.note_text AS text CHECK (length(VALUE) <= 500);

-- SQL functions whose bodies name the operations' row type are made again by their files.
DROP FUNCTION teller.replay(teller.operations, bytea);
DROP FUNCTION teller.as_result(teller.operations, boolean);
DROP FUNCTION teller.notify_operation(teller.operations);

-- ---------------------------------------------------------------------------------------------
-- Branches: staff belong to one.

CREATE TABLE teller.branches (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]{1,8}$'),
    name       text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO teller.branches (code, name) VALUES ('MAIN', 'Main branch');

ALTER TABLE teller.staff ADD COLUMN branch_id bigint REFERENCES teller.branches;
UPDATE teller.staff SET branch_id = (SELECT id FROM teller.branches WHERE code = 'MAIN');
ALTER TABLE teller.staff ALTER COLUMN branch_id SET NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- Accounts of every kind.

ALTER TABLE teller.accounts
    DROP CONSTRAINT accounts_number_check,
    DROP CONSTRAINT accounts_holder_check,
    DROP CONSTRAINT accounts_held_check,
    DROP CONSTRAINT accounts_balance_floor_check,
    DROP CONSTRAINT accounts_status_check,
    ALTER COLUMN number TYPE teller.account_number,
    ALTER COLUMN holder TYPE teller.holder_name,
    ALTER COLUMN held TYPE teller.non_negative_minor,
    ALTER COLUMN balance_floor TYPE teller.floor_minor,
    ALTER COLUMN status TYPE teller.account_status,
    ADD COLUMN kind teller.account_kind NOT NULL DEFAULT 'customer',
    ADD COLUMN branch_id bigint REFERENCES teller.branches,
    ADD COLUMN owner text REFERENCES teller.staff (login),
    ADD COLUMN till_open boolean NOT NULL DEFAULT false;

-- What an account of each kind must be (teller.account_rules): internal accounts belong to a
-- branch, a till has its teller, only a till is open, cash never goes below zero. Checked when
-- an account is opened and when any of those columns changes, not on every balance change.
CREATE FUNCTION teller.account_rules() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER accounts_rules BEFORE INSERT OR UPDATE OF kind, branch_id, owner, till_open, balance_floor
    ON teller.accounts FOR EACH ROW EXECUTE FUNCTION teller.account_rules();

-- One till per teller and currency; one vault, over/short, in-transit and legacy account per
-- branch and currency.
CREATE UNIQUE INDEX accounts_one_till ON teller.accounts (owner, currency) WHERE kind = 'till';
CREATE UNIQUE INDEX accounts_one_internal ON teller.accounts (branch_id, kind, currency)
    WHERE kind NOT IN ('customer', 'till');

-- Internal accounts are numbered X + a letter for the kind + a sequence + the currency
-- (XT00000001EUR for a till), so no customer number is ever taken.
CREATE SEQUENCE teller.internal_account_number;

-- The cash of withdrawals and deposits made before tills existed: debit-side balance = what
-- was paid in minus what was paid out, per currency.
-- A withdrawal still waiting for a supervisor holds its amount there too, as it would on a till.
INSERT INTO teller.accounts (number, holder, currency, kind, branch_id, balance, held, balance_floor)
SELECT 'XL' || lpad(nextval('teller.internal_account_number')::text, 8, '0') || o.currency,
       'Cash before tills (' || o.currency || ')', o.currency, 'legacy_cash',
       (SELECT id FROM teller.branches WHERE code = 'MAIN'),
       coalesce(sum(CASE o.kind WHEN 'deposit' THEN o.amount ELSE -o.amount END) FILTER (WHERE o.status = 'completed'), 0),
       coalesce(sum(o.amount) FILTER (WHERE o.status = 'pending_approval' AND o.kind = 'withdrawal'), 0),
       -9223372036854775807
  FROM teller.operations o
 WHERE o.kind IN ('withdrawal', 'deposit') AND o.status IN ('completed', 'pending_approval')
 GROUP BY o.currency;

-- ---------------------------------------------------------------------------------------------
-- Operations: every one names its two sides; completed ones are the ledger.

ALTER TABLE teller.operations
    ADD COLUMN debit_account_id  bigint REFERENCES teller.accounts,
    ADD COLUMN credit_account_id bigint REFERENCES teller.accounts,
    ADD COLUMN reverses          uuid REFERENCES teller.operations (key),
    ADD COLUMN till_after        bigint; -- the cash in the teller's till after a cash operation

-- The sides of the history (the guard allows no change to a decided operation: off for this).
ALTER TABLE teller.operations DISABLE TRIGGER operations_guard;
UPDATE teller.operations o
   SET debit_account_id = CASE o.kind WHEN 'deposit' THEN l.id ELSE o.account_id END,
       credit_account_id = CASE o.kind WHEN 'withdrawal' THEN l.id WHEN 'deposit' THEN o.account_id
                                       ELSE o.counter_account_id END
  FROM (SELECT DISTINCT o2.currency FROM teller.operations o2) c
  LEFT JOIN teller.accounts l ON l.kind = 'legacy_cash' AND l.currency = c.currency
 WHERE o.currency = c.currency AND o.status IN ('completed', 'pending_approval') AND o.kind IS NOT NULL;
ALTER TABLE teller.operations ENABLE TRIGGER operations_guard;

ALTER TABLE teller.operations
    DROP CONSTRAINT operations_kind_check,
    DROP CONSTRAINT operations_status_check,
    DROP CONSTRAINT operations_amount_check,
    DROP CONSTRAINT operations_fingerprint_check,
    DROP CONSTRAINT operations_note_check,
    DROP CONSTRAINT operations_decision_note_check,
    DROP CONSTRAINT operations_request_complete,
    DROP CONSTRAINT operations_counter_only_for_transfers,
    DROP CONSTRAINT operations_rejection_has_reason,
    DROP CONSTRAINT operations_pending_expires,
    ALTER COLUMN kind TYPE teller.operation_kind,
    ALTER COLUMN status TYPE teller.operation_status,
    ALTER COLUMN amount TYPE teller.operation_amount,
    ALTER COLUMN fingerprint TYPE teller.fingerprint_bytes,
    ALTER COLUMN note TYPE teller.note_text,
    ALTER COLUMN decision_note TYPE teller.note_text;

-- What an operation of each kind must be (teller.operation_rules): a complete request, a
-- counter account for transfers only, a reason for a rejection, an expiry while pending, two
-- different sides for money that moves, the original for a reversal. Checked on every insert
-- and on every decision.
CREATE FUNCTION teller.operation_rules() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER operations_rules BEFORE INSERT OR UPDATE ON teller.operations
    FOR EACH ROW EXECUTE FUNCTION teller.operation_rules();

-- A movement is reversed at most once (a pending reversal counts).
CREATE UNIQUE INDEX operations_one_reversal ON teller.operations (reverses)
    WHERE reverses IS NOT NULL AND status IN ('pending_approval', 'completed');
-- A teller's own operations since the till was opened (the blotter, "my open items").
CREATE INDEX operations_initiator_recent ON teller.operations (initiated_by, created_at DESC);

-- The ledger: every movement of money, once, two-sided.
CREATE VIEW teller.movements AS
    SELECT o.key, o.id AS operation_id, o.kind, o.debit_account_id, o.credit_account_id, o.amount, o.currency,
           coalesce(o.decided_at, o.created_at) AS booked_at, o.initiated_by, o.workstation, o.decided_by, o.reverses
      FROM teller.operations o
     WHERE o.status = 'completed' AND o.amount IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- Cash rules, denominations, counts, identification of large cash.

-- Per currency: at or above large_cash_threshold a cash withdrawal or deposit needs the
-- customer's identification; a till's count may differ from the book by till_tolerance
-- without a supervisor. Every currency has its row: 10,000.00 EUR, and 10,000 in the major unit
-- of every other currency, tolerance 0, until the bank says otherwise.
CREATE TABLE teller.cash_rules (
    currency             char(3) PRIMARY KEY REFERENCES teller.currencies,
    large_cash_threshold bigint NOT NULL CHECK (large_cash_threshold > 0),
    till_tolerance       bigint NOT NULL DEFAULT 0 CHECK (till_tolerance >= 0)
);
INSERT INTO teller.cash_rules (currency, large_cash_threshold)
SELECT code, 10000 * (10 ^ exponent)::bigint FROM teller.currencies;

-- The notes and coins a till is counted in (minor units), as data the bank can change.
CREATE TABLE teller.denominations (
    currency char(3) NOT NULL REFERENCES teller.currencies,
    value    bigint NOT NULL CHECK (value > 0),
    form     text NOT NULL CHECK (form IN ('note', 'coin')),
    active   boolean NOT NULL DEFAULT true,
    PRIMARY KEY (currency, value)
);
INSERT INTO teller.denominations (currency, value, form) VALUES
    ('EUR', 50000, 'note'), ('EUR', 20000, 'note'), ('EUR', 10000, 'note'), ('EUR', 5000, 'note'),
    ('EUR', 2000, 'note'), ('EUR', 1000, 'note'), ('EUR', 500, 'note'),
    ('EUR', 200, 'coin'), ('EUR', 100, 'coin'), ('EUR', 50, 'coin'), ('EUR', 20, 'coin'),
    ('EUR', 10, 'coin'), ('EUR', 5, 'coin'), ('EUR', 2, 'coin'), ('EUR', 1, 'coin'),
    ('USD', 10000, 'note'), ('USD', 5000, 'note'), ('USD', 2000, 'note'), ('USD', 1000, 'note'),
    ('USD', 500, 'note'), ('USD', 200, 'note'), ('USD', 100, 'note'),
    ('USD', 25, 'coin'), ('USD', 10, 'coin'), ('USD', 5, 'coin'), ('USD', 1, 'coin'),
    ('CHF', 100000, 'note'), ('CHF', 20000, 'note'), ('CHF', 10000, 'note'), ('CHF', 5000, 'note'),
    ('CHF', 2000, 'note'), ('CHF', 1000, 'note'),
    ('CHF', 500, 'coin'), ('CHF', 200, 'coin'), ('CHF', 100, 'coin'), ('CHF', 50, 'coin'),
    ('CHF', 20, 'coin'), ('CHF', 10, 'coin'), ('CHF', 5, 'coin'),
    ('JPY', 10000, 'note'), ('JPY', 5000, 'note'), ('JPY', 2000, 'note'), ('JPY', 1000, 'note'),
    ('JPY', 500, 'coin'), ('JPY', 100, 'coin'), ('JPY', 50, 'coin'), ('JPY', 10, 'coin'),
    ('JPY', 5, 'coin'), ('JPY', 1, 'coin');

-- A till's count at opening or closing, under the operation's key: what the book said
-- (expected), what was counted, and by denomination ({"value in minor units": count}).
CREATE TABLE teller.till_counts (
    key           uuid PRIMARY KEY REFERENCES teller.operations (key),
    till_id       bigint NOT NULL REFERENCES teller.accounts,
    kind          text NOT NULL CHECK (kind IN ('open', 'close')),
    expected      bigint NOT NULL,
    counted       bigint NOT NULL CHECK (counted >= 0),
    denominations jsonb,
    counted_by    text NOT NULL,
    counted_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX till_counts_till ON teller.till_counts (till_id, counted_at DESC);

-- The customer's identification, recorded with a cash movement at or above the threshold.
CREATE TABLE teller.cash_identifications (
    key             uuid PRIMARY KEY REFERENCES teller.operations (key),
    document_type   text NOT NULL CHECK (document_type IN ('passport', 'id_card', 'driving_licence',
                                                            'residence_permit', 'other')),
    document_number text NOT NULL CHECK (document_number ~ '^[A-Za-z0-9][A-Za-z0-9 /-]{2,39}$'),
    recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TRIGGER till_counts_append_only BEFORE UPDATE OR DELETE ON teller.till_counts
    FOR EACH ROW EXECUTE FUNCTION teller.forbid_change();
CREATE TRIGGER till_counts_no_truncate BEFORE TRUNCATE ON teller.till_counts
    FOR EACH STATEMENT EXECUTE FUNCTION teller.forbid_change();
CREATE TRIGGER cash_identifications_append_only BEFORE UPDATE OR DELETE ON teller.cash_identifications
    FOR EACH ROW EXECUTE FUNCTION teller.forbid_change();
CREATE TRIGGER cash_identifications_no_truncate BEFORE TRUNCATE ON teller.cash_identifications
    FOR EACH STATEMENT EXECUTE FUNCTION teller.forbid_change();

-- ---------------------------------------------------------------------------------------------
-- What a client is told: the cash in the till after a cash operation.

ALTER TYPE teller.action_result ADD ATTRIBUTE till_after bigint;

-- Functions whose arguments change are dropped here; their files create them again.
DROP FUNCTION teller.perform_action(uuid, text, text, text, bigint, text, bytea, text, text);
DROP FUNCTION teller.add_staff(text, text, text, bigint, text);
DROP FUNCTION teller.request_fingerprint(text, text, text, bigint, text);

REVOKE ALL ON teller.branches, teller.cash_rules, teller.denominations, teller.till_counts,
              teller.cash_identifications, teller.movements FROM PUBLIC;
GRANT SELECT ON teller.branches, teller.cash_rules, teller.denominations TO teller_staff;
GRANT SELECT ON teller.till_counts, teller.movements TO teller_staff;
GRANT SELECT ON teller.cash_identifications TO teller_supervisors, teller_admins;
REVOKE ALL ON SEQUENCE teller.internal_account_number FROM PUBLIC;

-- What a till count or a vault movement answers (teller.count_till, teller.vault_move).
CREATE TYPE teller.cash_result AS (
    key          uuid,
    status       text,
    reason       text,
    replayed     boolean,
    operation_id bigint,
    kind         text,
    till         text,      -- the till's account number
    owner        text,      -- the teller whose till it is
    currency     text,
    amount       bigint,    -- what moved (an over/short, a vault movement)
    expected     bigint,    -- a count: what the book said
    counted      bigint,
    difference   bigint,    -- counted - expected
    till_cash    bigint,    -- the cash in the till after (available: held amounts not counted)
    vault_cash   bigint,    -- the vault's cash after a vault movement
    executed_at  timestamptz
);
