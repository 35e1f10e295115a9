-- teller.expire_locked: releases the holds of one pending operation whose time is up and marks
-- it expired. The caller holds the locks on the operation's accounts and on the operation
-- (teller.expire_holds, perform_action, decide_operation).
-- History: defined in 004; search_path reset in 006; in 011 the holds of both sides.

CREATE OR REPLACE FUNCTION teller.expire_locked(p_op teller.operations) RETURNS teller.operations
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v teller.operations;
BEGIN
    IF p_op.amount IS NOT NULL THEN
        PERFORM teller.move_locked(p_op, 'release');
    END IF;
    UPDATE teller.operations SET status = 'expired', decided_at = clock_timestamp()
     WHERE id = p_op.id RETURNING * INTO v;
    PERFORM teller.notify_operation(v);
    RETURN v;
END
$$;

REVOKE ALL ON FUNCTION teller.expire_locked(teller.operations)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
