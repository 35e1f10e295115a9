-- teller.action_status: the stored outcome of a key, for "check again" and reconciliation;
-- 'unknown' if the server has never seen it. A teller learns only about the teller's own keys
-- and, given the request's fingerprint, only if the key holds that request (key_reused
-- otherwise).
-- History: defined in 001 as action_status(uuid); replaced by action_status(uuid, bytea) in
-- 008; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.action_status(p_key uuid, p_fingerprint bytea DEFAULT NULL) RETURNS teller.action_result
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff teller.staff;
    v_op    teller.operations;
BEGIN
    v_staff := teller.session_staff();
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF NOT FOUND THEN
        RETURN ROW(p_key, 'unknown', NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL)::teller.action_result;
    END IF;
    IF (v_op.initiated_by <> teller.actor() AND v_staff.role NOT IN ('supervisor', 'admin'))
       OR (p_fingerprint IS NOT NULL AND v_op.fingerprint IS DISTINCT FROM p_fingerprint
           AND NOT (v_op.status = 'abandoned' AND v_op.fingerprint IS NULL)) THEN
        RETURN ROW(p_key, 'key_reused', NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL)::teller.action_result;
    END IF;
    RETURN teller.as_result(v_op, true);
END
$$;

REVOKE ALL ON FUNCTION teller.action_status(uuid, bytea)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.action_status(uuid, bytea) TO teller_staff;
