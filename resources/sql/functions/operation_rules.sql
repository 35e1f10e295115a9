-- teller.operation_rules: the trigger function of operations_rules (BEFORE INSERT OR UPDATE ON
-- teller.operations, migrations/011): what an operation must be, across its columns. A
-- request is complete (but for a tombstone: an abandoned key whose request never arrived);
-- only a customer transfer names a counter account; a rejection has its reason; a pending
-- operation has its expiry; money that moves or waits to move names two different accounts,
-- and the accounts it is about (account_id, counter_account_id) are among them; a reversal
-- names the original. The rules of single columns are their domains. A trigger, not CHECK
-- constraints: PostgreSQL prepares CHECK constraints again for every statement that writes a
-- row, a plpgsql trigger's expressions once per session (docs/PERFORMANCE.md). No SET clause:
-- only the SECURITY DEFINER functions write operations (their search path is pinned), and
-- this uses built-in operators only; a SET clause cost a search-path change per row.
-- History: defined in 011 (from CHECK constraints of 001 and 011); in 012 the accounts among
-- the sides, no SET clause.

CREATE OR REPLACE FUNCTION teller.operation_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status <> 'abandoned'
       AND (NEW.kind IS NULL OR NEW.account_number IS NULL OR NEW.currency IS NULL OR NEW.fingerprint IS NULL
            OR (NEW.amount IS NULL AND NEW.kind NOT IN ('till_open', 'till_close'))) THEN
        RAISE EXCEPTION 'operation %: the request is not complete', NEW.key USING ERRCODE = '23514';
    END IF;
    IF NEW.kind IN ('withdrawal', 'deposit', 'transfer') AND (NEW.kind = 'transfer') <> (NEW.counter_account_number IS NOT NULL) THEN
        RAISE EXCEPTION 'operation %: only a transfer names a counter account', NEW.key USING ERRCODE = '23514';
    END IF;
    IF (NEW.status = 'rejected') <> (NEW.reason IS NOT NULL) THEN
        RAISE EXCEPTION 'operation %: a rejection, and only a rejection, has a reason', NEW.key USING ERRCODE = '23514';
    END IF;
    IF NEW.status = 'pending_approval' AND NEW.expires_at IS NULL THEN
        RAISE EXCEPTION 'operation %: a pending operation expires', NEW.key USING ERRCODE = '23514';
    END IF;
    IF NEW.status IN ('completed', 'pending_approval') AND NEW.amount IS NOT NULL
       AND (NEW.debit_account_id IS NULL OR NEW.credit_account_id IS NULL OR NEW.debit_account_id = NEW.credit_account_id) THEN
        RAISE EXCEPTION 'operation %: money moves between two accounts', NEW.key USING ERRCODE = '23514';
    END IF;
    IF NEW.debit_account_id IS NOT NULL
       AND (NEW.account_id IS NULL OR NEW.account_id NOT IN (NEW.debit_account_id, NEW.credit_account_id)
            OR NEW.counter_account_id NOT IN (NEW.debit_account_id, NEW.credit_account_id)) THEN
        RAISE EXCEPTION 'operation %: the accounts it names are the sides the money moves between', NEW.key
            USING ERRCODE = '23514';
    END IF;
    IF (NEW.kind = 'reversal') <> (NEW.reverses IS NOT NULL) THEN
        RAISE EXCEPTION 'operation %: a reversal, and only a reversal, names the original', NEW.key USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
END
$$;

REVOKE ALL ON FUNCTION teller.operation_rules()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
