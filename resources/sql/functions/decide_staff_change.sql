-- teller.decide_staff_change: the second admin: approves a staff change that waits
-- (teller.staff_changes; it is then made, teller.apply_staff) or rejects it with a reason.
-- Nobody decides a change they asked for, or one about themselves. A password set this way
-- is the administrators' and must be replaced by its member before they move money. A change
-- waits for seven days at most.
-- History: defined in 013; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.decide_staff_change(p_id bigint, p_approve boolean, p_note text)
RETURNS teller.staff_answer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_admin teller.staff;
    v       teller.staff_changes;
BEGIN
    IF p_id IS NULL OR p_approve IS NULL OR length(coalesce(p_note, '')) > 500 OR NOT teller.plain_text(p_note) THEN
        RAISE EXCEPTION 'malformed decision' USING ERRCODE = '22023';
    END IF;
    IF NOT p_approve AND length(btrim(coalesce(p_note, ''))) = 0 THEN
        RAISE EXCEPTION 'a rejection needs a reason' USING ERRCODE = '22023';
    END IF;
    PERFORM teller.durable_write();
    v_admin := teller.staff_administrator();
    SELECT * INTO v FROM teller.staff_changes WHERE id = p_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no staff change %', p_id USING ERRCODE = 'P0002';
    END IF;
    IF v.requested_by = teller.actor() OR v.login = teller.actor() THEN
        RAISE EXCEPTION 'nobody decides a staff change they asked for or one about themselves' USING ERRCODE = '42501';
    END IF;
    IF v.status = 'pending_approval' AND v.expires_at <= clock_timestamp() THEN
        UPDATE teller.staff_changes SET status = 'expired', decided_at = clock_timestamp(), password_verifier = NULL
         WHERE id = v.id RETURNING * INTO v;
    END IF;
    IF v.status <> 'pending_approval' THEN
        RETURN teller.staff_answer(v.login, v.status, v.id);
    END IF;

    IF p_approve THEN
        IF v.change = 'reactivate' THEN
            UPDATE teller.staff SET active = true WHERE login = v.login;
            EXECUTE format('ALTER ROLE %I LOGIN', v.login);
        ELSE
            PERFORM teller.apply_staff(v.login, v.display_name, v.role, v.approval_limit, v.password_verifier, v.branch_id,
                                       true);
        END IF;
    END IF;
    UPDATE teller.staff_changes
       SET status = CASE WHEN p_approve THEN 'completed' ELSE 'rejected' END, decided_by = teller.actor(),
           decided_at = clock_timestamp(), decision_note = nullif(btrim(p_note), ''), password_verifier = NULL
     WHERE id = v.id RETURNING * INTO v;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES (CASE WHEN p_approve THEN 'staff_change_approve' ELSE 'staff_change_reject' END, v.login,
            jsonb_build_object('change', v.id, 'requested_by', v.requested_by, 'note', v.decision_note));
    RETURN teller.staff_answer(v.login, v.status, v.id);
END
$$;

REVOKE ALL ON FUNCTION teller.decide_staff_change(bigint, boolean, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.decide_staff_change(bigint, boolean, text) TO teller_admins;
