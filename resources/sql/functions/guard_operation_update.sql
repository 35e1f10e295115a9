-- teller.guard_operation_update: the trigger function of operations_guard (BEFORE UPDATE ON
-- teller.operations, created in migrations/001_foundation.sql): only a pending approval may
-- change, only into a decision, and never in what was requested.
-- History: defined in 001; in 011 the movement's sides and the reversed key.

CREATE OR REPLACE FUNCTION teller.guard_operation_update() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF OLD.status <> 'pending_approval'
       OR NEW.status NOT IN ('pending_approval', 'completed', 'rejected', 'expired')
       OR (NEW.key, NEW.kind, NEW.account_number, NEW.counter_account_number, NEW.account_id,
           NEW.counter_account_id, NEW.debit_account_id, NEW.credit_account_id, NEW.amount, NEW.currency,
           NEW.fingerprint, NEW.reverses, NEW.initiated_by, NEW.workstation, NEW.created_at)
          IS DISTINCT FROM
          (OLD.key, OLD.kind, OLD.account_number, OLD.counter_account_number, OLD.account_id,
           OLD.counter_account_id, OLD.debit_account_id, OLD.credit_account_id, OLD.amount, OLD.currency,
           OLD.fingerprint, OLD.reverses, OLD.initiated_by, OLD.workstation, OLD.created_at) THEN
        RAISE EXCEPTION 'operation % may not change from % to %', OLD.key, OLD.status, NEW.status
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;

REVOKE ALL ON FUNCTION teller.guard_operation_update()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
