-- teller.abandon_action: a teller gives up an action whose outcome is not known. Abandoning
-- writes a tombstone under the key, so that a delayed duplicate of the action can never execute
-- later; if the action did go through, the answer is that outcome instead.
-- History: defined in 003; in 013 a transaction of its own (teller.money_staff), plain text;
-- in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.abandon_action(p_key uuid, p_workstation text)
RETURNS teller.action_result
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff teller.staff;
    v_op    teller.operations;
BEGIN
    IF p_key IS NULL OR p_workstation IS NULL OR length(p_workstation) NOT BETWEEN 1 AND 63 OR NOT teller.plain_text(p_workstation) THEN
        RAISE EXCEPTION 'malformed abandon request' USING ERRCODE = '22023';
    END IF;
    v_staff := teller.money_staff();
    IF v_staff.role NOT IN ('teller', 'supervisor') THEN
        RAISE EXCEPTION 'only tellers and supervisors abandon actions' USING ERRCODE = '42501';
    END IF;

    -- The key's first attempt may still be running: this insert then waits for it (up to
    -- lock_timeout) and finds its record afterwards.
    INSERT INTO teller.operations AS o (key, status, initiated_by, workstation)
    VALUES (p_key, 'abandoned', v_staff.login, p_workstation)
    ON CONFLICT (key) DO NOTHING
    RETURNING o.* INTO v_op;
    IF FOUND THEN
        INSERT INTO teller.audit_log (action, subject, details)
        VALUES ('abandon', p_key::text, jsonb_build_object('workstation', p_workstation));
        RETURN teller.as_result(v_op, false);
    END IF;

    SELECT * INTO STRICT v_op FROM teller.operations WHERE key = p_key;
    IF v_op.initiated_by <> teller.actor() AND v_staff.role <> 'supervisor' THEN
        -- Somebody else's key: nothing is said about it.
        RETURN ROW(p_key, 'key_reused', NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL)::teller.action_result;
    END IF;
    RETURN teller.as_result(v_op, true);
END
$$;

REVOKE ALL ON FUNCTION teller.abandon_action(uuid, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.abandon_action(uuid, text) TO teller_tellers, teller_supervisors;
