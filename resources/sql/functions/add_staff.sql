-- teller.add_staff: (administration) creates or updates a staff member: the PostgreSQL login
-- role (a password only as a SCRAM verifier, never in clear), exactly one Teller group, the
-- staff row and an audit entry. Takes over no existing role that has powers, memberships,
-- objects or grants of its own. Called by core/service/Administration.cpp.
-- Staff belong to a branch (p_branch, its code; by default the staff member's branch so far,
-- else the first branch).
-- History: defined in 001; replaced in 008; in 011 the branch.

CREATE OR REPLACE FUNCTION teller.add_staff(p_login text, p_display_name text, p_role text,
                                            p_approval_limit bigint, p_password_verifier text,
                                            p_branch text DEFAULT NULL)
RETURNS teller.staff
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_branch bigint;
    v_role  pg_catalog.pg_roles;
    v_group text;
    v_staff teller.staff;
BEGIN
    IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9_.-]{0,62}$'
       OR p_login LIKE 'pg\_%' OR p_login LIKE 'teller\_%' OR p_login = 'postgres' THEN
        RAISE EXCEPTION 'invalid staff login "%": lower-case letters, digits, "_", "." and "-", starting with a letter', p_login
            USING ERRCODE = '22023';
    END IF;
    IF p_role IS NULL OR p_role NOT IN ('teller', 'supervisor', 'admin') THEN
        RAISE EXCEPTION 'invalid staff role "%"', p_role USING ERRCODE = '22023';
    END IF;
    IF p_password_verifier IS NOT NULL AND p_password_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        RAISE EXCEPTION 'a password must arrive as a SCRAM-SHA-256 verifier, never in clear'
            USING ERRCODE = '22023';
    END IF;

    SELECT * INTO v_role FROM pg_catalog.pg_roles WHERE rolname = p_login;
    IF NOT FOUND THEN
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', p_login);
    ELSIF v_role.rolsuper OR v_role.rolcreaterole OR v_role.rolcreatedb OR v_role.rolreplication OR v_role.rolbypassrls THEN
        RAISE EXCEPTION 'role "%" already exists with administrative powers; it cannot be staff', p_login
            USING ERRCODE = '42501';
    ELSIF EXISTS (SELECT FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                   WHERE m.member = v_role.oid
                     AND g.rolname NOT IN ('teller_staff', 'teller_tellers', 'teller_supervisors', 'teller_admins'))
          OR EXISTS (SELECT FROM pg_catalog.pg_shdepend d
                      WHERE d.refclassid = 'pg_catalog.pg_authid'::regclass AND d.refobjid = v_role.oid) THEN
        -- A role that belongs to other groups, owns objects or holds grants of its own (in any
        -- database) would bring those rights along: only a role that is nothing but Teller
        -- staff (made by add_staff, here or in another database of the cluster) is reused.
        RAISE EXCEPTION 'role "%" already exists with memberships, objects or grants of its own; it cannot be staff', p_login
            USING ERRCODE = '42501';
    ELSE
        EXECUTE format('ALTER ROLE %I LOGIN', p_login);
    END IF;
    IF p_password_verifier IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_password_verifier);
    END IF;

    -- Exactly one Teller group, the one of the role.
    FOREACH v_group IN ARRAY ARRAY['teller_tellers', 'teller_supervisors', 'teller_admins'] LOOP
        IF v_group = 'teller_' || p_role || 's' THEN
            EXECUTE format('GRANT %I TO %I', v_group, p_login);
        ELSIF pg_catalog.pg_has_role(p_login, v_group, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', v_group, p_login);
        END IF;
    END LOOP;

    IF p_branch IS NOT NULL THEN
        SELECT id INTO v_branch FROM teller.branches WHERE code = p_branch;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no branch "%"', p_branch USING ERRCODE = '22023';
        END IF;
    ELSE
        SELECT coalesce((SELECT branch_id FROM teller.staff WHERE login = p_login),
                        (SELECT min(id) FROM teller.branches)) INTO v_branch;
    END IF;

    INSERT INTO teller.staff AS s (login, display_name, role, approval_limit, limit_currency, branch_id)
    VALUES (p_login, btrim(p_display_name), p_role, p_approval_limit, teller.setting('home_currency'), v_branch)
    ON CONFLICT (login) DO UPDATE
        SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
            approval_limit = EXCLUDED.approval_limit, branch_id = EXCLUDED.branch_id, active = true
    RETURNING s.* INTO v_staff;

    INSERT INTO teller.audit_log (action, subject, details)
    VALUES ('staff_add', p_login, jsonb_build_object('role', p_role, 'approval_limit', p_approval_limit,
                                                     'password_set', p_password_verifier IS NOT NULL));
    RETURN v_staff;
END
$$;

REVOKE ALL ON FUNCTION teller.add_staff(text, text, text, bigint, text, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.add_staff(text, text, text, bigint, text, text) TO teller_admins;
