-- teller.account_rules: the trigger function of accounts_rules (BEFORE INSERT OR UPDATE OF kind,
-- branch_id, owner, till_open, balance_floor ON teller.accounts, migrations/011): what an
-- account of each kind must be. Internal accounts (tills, vaults, over/short, in transit)
-- belong to a branch; a till, and only a till, has its teller and may be open; cash accounts
-- cannot go below zero. A trigger, not CHECK constraints, so that the money path's balance
-- updates do not pay for rules about columns they never change (docs/PERFORMANCE.md).
-- History: defined in 011.

CREATE OR REPLACE FUNCTION teller.account_rules() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NEW.kind <> 'customer' AND NEW.branch_id IS NULL THEN
        RAISE EXCEPTION 'account %: a % belongs to a branch', NEW.number, NEW.kind USING ERRCODE = '23514';
    END IF;
    IF (NEW.kind = 'till') <> (NEW.owner IS NOT NULL) THEN
        RAISE EXCEPTION 'account %: a till, and only a till, has a teller', NEW.number USING ERRCODE = '23514';
    END IF;
    IF NEW.till_open AND NEW.kind <> 'till' THEN
        RAISE EXCEPTION 'account %: only a till is opened', NEW.number USING ERRCODE = '23514';
    END IF;
    IF NEW.kind IN ('till', 'vault') AND NEW.balance_floor <> 0 THEN
        RAISE EXCEPTION 'account %: cash cannot go below zero', NEW.number USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
END
$$;

REVOKE ALL ON FUNCTION teller.account_rules()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
