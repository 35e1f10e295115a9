-- teller.set_staff_active: (administration) deactivates a staff member at once — the staff
-- row inactive (every Teller function refuses them from the next call), the login unable to
-- sign in, their open sessions ended — or brings a deactivated one back, which gives rights
-- again and so, run by a Teller admin, waits for a second admin (teller.staff_changes). Nobody
-- does either to themselves. Works whatever the member created in the database.
-- History: defined in 013; in 020 who acts is teller.actor(), and deactivating ends the
-- member's staff sessions.

CREATE OR REPLACE FUNCTION teller.set_staff_active(p_login text, p_active boolean)
RETURNS teller.staff_answer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_admin teller.staff;
    v_old   teller.staff;
    v_pid   integer;
    v_ended integer := 0;
    v_change bigint;
BEGIN
    PERFORM teller.durable_write();
    v_admin := teller.staff_administrator();
    IF p_login IS NULL OR p_active IS NULL THEN
        RAISE EXCEPTION 'malformed staff request' USING ERRCODE = '22023';
    END IF;
    IF v_admin.login IS NOT NULL AND p_login = teller.actor() THEN
        RAISE EXCEPTION 'nobody deactivates or reactivates themselves' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_old FROM teller.staff WHERE login = p_login FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no staff member "%"', p_login USING ERRCODE = 'P0002';
    END IF;
    IF v_old.active = p_active THEN
        RETURN teller.staff_answer(p_login, 'completed', NULL);
    END IF;

    IF NOT p_active THEN
        UPDATE teller.staff SET active = false WHERE login = p_login;
        EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
        FOR v_pid IN SELECT pid FROM pg_catalog.pg_stat_activity WHERE usename = p_login AND pid <> pg_backend_pid() LOOP
            BEGIN
                IF pg_catalog.pg_terminate_backend(v_pid) THEN
                    v_ended := v_ended + 1;
                END IF;
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE NOTICE 'cannot end session % of %: the owner needs pg_signal_backend; the member is refused from their next call',
                             v_pid, p_login;
            END;
        END LOOP;
        -- Their staff sessions too: no pooled transaction acts for them any more.
        UPDATE teller.staff_sessions SET ended_at = clock_timestamp() WHERE login = p_login AND ended_at IS NULL;
        INSERT INTO teller.audit_log (action, subject, details)
        VALUES ('staff_deactivate', p_login, jsonb_build_object('sessions_ended', v_ended));
        RETURN teller.staff_answer(p_login, 'completed', NULL);
    END IF;

    IF v_admin.login IS NULL THEN
        UPDATE teller.staff SET active = true WHERE login = p_login;
        EXECUTE format('ALTER ROLE %I LOGIN', p_login);
        INSERT INTO teller.audit_log (action, subject, details) VALUES ('staff_reactivate', p_login, '{}');
        RETURN teller.staff_answer(p_login, 'completed', NULL);
    END IF;
    INSERT INTO teller.staff_changes (login, change) VALUES (p_login, 'reactivate')
    ON CONFLICT (login) WHERE status = 'pending_approval' DO NOTHING
    RETURNING id INTO v_change;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'a change of "%" already waits for a second administrator', p_login USING ERRCODE = '55000';
    END IF;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES ('staff_change_request', p_login, jsonb_build_object('change', v_change, 'reactivate', true));
    RETURN teller.staff_answer(p_login, 'pending_approval', v_change);
END
$$;

REVOKE ALL ON FUNCTION teller.set_staff_active(text, boolean)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.set_staff_active(text, boolean) TO teller_admins;
