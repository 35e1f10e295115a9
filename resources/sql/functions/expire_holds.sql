-- teller.expire_holds: expires every pending operation past its time, releasing its holds.
-- Safe to call from anywhere at any time (the supervisor panel does, every few seconds);
-- returns how many it expired. Locks as the money path does: the operation's accounts, then
-- the operation.
-- History: defined in 004; in 011 the holds of both sides.

CREATE OR REPLACE FUNCTION teller.expire_holds() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_candidate record;
    v_op        teller.operations;
    v_count     integer := 0;
BEGIN
    PERFORM teller.durable_write();
    PERFORM teller.session_staff();
    FOR v_candidate IN
        SELECT id, debit_account_id, credit_account_id FROM teller.operations
         WHERE status = 'pending_approval' AND expires_at <= clock_timestamp() ORDER BY id
    LOOP
        PERFORM teller.lock_sides(v_candidate.debit_account_id, v_candidate.credit_account_id);
        SELECT * INTO v_op FROM teller.operations WHERE id = v_candidate.id FOR UPDATE;
        IF v_op.status = 'pending_approval' AND v_op.expires_at <= clock_timestamp() THEN
            PERFORM teller.expire_locked(v_op);
            v_count := v_count + 1;
        END IF;
    END LOOP;
    RETURN v_count;
END
$$;

REVOKE ALL ON FUNCTION teller.expire_holds()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.expire_holds() TO teller_staff;
