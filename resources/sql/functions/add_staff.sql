-- teller.add_staff: (administration) creates or updates a staff member: login, display name,
-- role, approval limit (minor units of the home currency), password (only as a SCRAM
-- verifier, never in clear) and branch (its code; by default the member's branch so far, else
-- the first branch). Called by core/service/Administration.cpp.
-- - A missing role keeps a member's role (a new member needs one).
-- - A missing limit is the bank's default for the role (settings default_teller_limit,
--   default_supervisor_limit) for a new member, and the limit they have for one who exists;
--   unlimited only with p_unlimited.
-- - Four eyes: run by a Teller admin, whatever gives rights (a new member, another role, a
--   higher limit, unlimited, a password, bringing back a deactivated member) waits for a
--   second admin (teller.staff_changes, decide_staff_change) and is answered
--   'pending_approval'; what gives none (a name, a branch, a lower limit) is done at once. No
--   admin changes their own record here. Run by the database's owner, who provisions it, it
--   is done at once.
-- History: defined in 001; replaced in 008; in 011 the branch; in 013 defaults, four eyes,
-- p_unlimited, answered as teller.staff_answer (the body is teller.apply_staff);
-- in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.add_staff(p_login text, p_display_name text, p_role text,
                                            p_approval_limit bigint, p_password_verifier text,
                                            p_branch text DEFAULT NULL, p_unlimited boolean DEFAULT false)
RETURNS teller.staff_answer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_admin  teller.staff;
    v_old    teller.staff;
    v_branch bigint;
    v_limit  bigint;
    v_name   text;
    v_direct boolean;
    v_change bigint;
    v_role   pg_catalog.pg_roles;
    v_new_role text;     -- p_role, or for a member who exists and no role is given, theirs
BEGIN
    PERFORM teller.durable_write();
    v_admin := teller.staff_administrator();
    IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9_.-]{0,62}$'
       OR p_login LIKE 'pg\_%' OR p_login LIKE 'teller\_%' OR p_login = 'postgres' THEN
        RAISE EXCEPTION 'invalid staff login "%": lower-case letters, digits, "_", "." and "-", starting with a letter', p_login
            USING ERRCODE = '22023';
    END IF;
    SELECT * INTO v_old FROM teller.staff WHERE login = p_login;
    v_new_role := coalesce(p_role, v_old.role);
    IF v_new_role IS NULL OR v_new_role NOT IN ('teller', 'supervisor', 'admin') THEN
        RAISE EXCEPTION 'invalid staff role "%"', coalesce(p_role, '(none)') USING ERRCODE = '22023';
    END IF;
    IF p_password_verifier IS NOT NULL AND p_password_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        RAISE EXCEPTION 'a password must arrive as a SCRAM-SHA-256 verifier, never in clear'
            USING ERRCODE = '22023';
    END IF;
    IF coalesce(p_unlimited, false) AND p_approval_limit IS NOT NULL THEN
        RAISE EXCEPTION 'a limit and unlimited at once' USING ERRCODE = '22023';
    END IF;
    IF p_approval_limit < 0 OR p_approval_limit > 1000000000000000 THEN
        RAISE EXCEPTION 'an approval limit is between 0 and 1000000000000000 minor units' USING ERRCODE = '22023';
    END IF;
    IF coalesce(p_unlimited, false) AND v_new_role = 'admin' THEN
        RAISE EXCEPTION 'administrators move no money: no limit for them' USING ERRCODE = '22023';
    END IF;
    IF p_display_name IS NOT NULL AND NOT teller.plain_text(p_display_name) THEN
        RAISE EXCEPTION 'a display name is plain text' USING ERRCODE = '22023';
    END IF;
    IF v_admin.login IS NOT NULL AND p_login = teller.actor() THEN
        RAISE EXCEPTION 'nobody changes their own role, limit or password here: another administrator does'
            USING ERRCODE = '42501';
    END IF;
    -- Somebody else's login is never taken over, not even by asking.
    SELECT * INTO v_role FROM pg_catalog.pg_roles WHERE rolname = p_login;
    IF FOUND AND NOT pg_catalog.pg_has_role(p_login, 'teller_staff', 'MEMBER')
       AND NOT EXISTS (SELECT FROM teller.staff WHERE login = p_login) THEN
        RAISE EXCEPTION 'role "%" already exists and is not Teller staff; choose another login', p_login
            USING ERRCODE = '42501';
    END IF;

    IF p_branch IS NOT NULL THEN
        SELECT id INTO v_branch FROM teller.branches WHERE code = p_branch;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no branch "%"', p_branch USING ERRCODE = '22023';
        END IF;
    ELSE
        v_branch := coalesce(v_old.branch_id, (SELECT min(id) FROM teller.branches));
    END IF;
    v_limit := CASE WHEN v_new_role = 'admin' OR coalesce(p_unlimited, false) THEN NULL
                    WHEN p_approval_limit IS NOT NULL THEN p_approval_limit
                    WHEN v_old.login IS NOT NULL AND v_old.role = v_new_role THEN v_old.approval_limit
                    ELSE coalesce(teller.setting('default_' || v_new_role || '_limit')::bigint, 0) END;
    v_name := coalesce(nullif(btrim(p_display_name), ''), v_old.display_name, p_login);

    -- What gives no rights is done at once; the rest waits for a second admin.
    v_direct := v_admin.login IS NULL
                OR (v_old.login IS NOT NULL AND v_old.active AND v_old.role = v_new_role AND p_password_verifier IS NULL
                    AND (v_new_role = 'admin' OR v_limit IS NOT DISTINCT FROM v_old.approval_limit
                         OR (v_limit IS NOT NULL AND (v_old.approval_limit IS NULL OR v_limit <= v_old.approval_limit))));
    IF v_direct THEN
        PERFORM teller.apply_staff(p_login, v_name, v_new_role, v_limit, p_password_verifier, v_branch, v_admin.login IS NOT NULL);
        RETURN teller.staff_answer(p_login, 'completed', NULL);
    END IF;

    INSERT INTO teller.staff_changes (login, change, display_name, role, approval_limit, unlimited, branch_id,
                                      password_verifier)
    VALUES (p_login, 'add', v_name, v_new_role, v_limit, v_limit IS NULL AND v_new_role <> 'admin', v_branch, p_password_verifier)
    ON CONFLICT (login) WHERE status = 'pending_approval' DO NOTHING
    RETURNING id INTO v_change;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'a change of "%" already waits for a second administrator (%)', p_login,
                        (SELECT id FROM teller.staff_changes WHERE login = p_login AND status = 'pending_approval')
            USING ERRCODE = '55000';
    END IF;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES ('staff_change_request', p_login, jsonb_build_object('change', v_change, 'role', v_new_role, 'approval_limit', v_limit,
                                                                'unlimited', v_limit IS NULL AND v_new_role <> 'admin',
                                                                'password_set', p_password_verifier IS NOT NULL));
    RETURN teller.staff_answer(p_login, 'pending_approval', v_change);
END
$$;

REVOKE ALL ON FUNCTION teller.add_staff(text, text, text, bigint, text, text, boolean)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.add_staff(text, text, text, bigint, text, text, boolean) TO teller_admins;
