-- teller.apply_staff: makes a staff member what add_staff or a second admin's approval
-- (decide_staff_change) said: the PostgreSQL login role (a password only as a SCRAM
-- verifier), exactly one Teller group, the staff row (active) and an audit entry. The callers
-- have checked who may; this checks what may be taken over: a role that is not Teller staff
-- already (made by add_staff, in this database or another of the cluster) is never adopted,
-- nor one with administrative powers or memberships of its own. What a member created
-- (a large object, say) does not stop their administration. p_must_change: the password was
-- set by an administrator, so the member chooses their own before moving money.
-- History: the body of add_staff (defined in 001; replaced in 008; in 011 the branch) moved
-- here in 013.

CREATE OR REPLACE FUNCTION teller.apply_staff(p_login text, p_display_name text, p_role text, p_approval_limit bigint,
                                              p_password_verifier text, p_branch_id bigint, p_must_change boolean)
RETURNS teller.staff
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_role  pg_catalog.pg_roles;
    v_group text;
    v_staff teller.staff;
BEGIN
    SELECT * INTO v_role FROM pg_catalog.pg_roles WHERE rolname = p_login;
    IF NOT FOUND THEN
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', p_login);
    ELSIF v_role.rolsuper OR v_role.rolcreaterole OR v_role.rolcreatedb OR v_role.rolreplication OR v_role.rolbypassrls THEN
        RAISE EXCEPTION 'role "%" already exists with administrative powers; it cannot be staff', p_login
            USING ERRCODE = '42501';
    ELSIF NOT pg_catalog.pg_has_role(p_login, 'teller_staff', 'MEMBER')
          AND NOT EXISTS (SELECT FROM teller.staff WHERE login = p_login) THEN
        -- Somebody else's login (a monitoring role, a person's own account): not ours to take.
        RAISE EXCEPTION 'role "%" already exists and is not Teller staff; choose another login', p_login
            USING ERRCODE = '42501';
    ELSIF EXISTS (SELECT FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                   WHERE m.member = v_role.oid
                     AND g.rolname NOT IN ('teller_staff', 'teller_tellers', 'teller_supervisors', 'teller_admins')) THEN
        -- A role that belongs to other groups would bring those rights along.
        RAISE EXCEPTION 'role "%" already exists with memberships of its own; it cannot be staff', p_login
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

    INSERT INTO teller.staff AS s (login, display_name, role, approval_limit, limit_currency, branch_id, must_change_password)
    VALUES (p_login, btrim(p_display_name), p_role, p_approval_limit, teller.setting('home_currency'), p_branch_id,
            p_password_verifier IS NOT NULL AND p_must_change)
    ON CONFLICT (login) DO UPDATE
        SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
            approval_limit = EXCLUDED.approval_limit, branch_id = EXCLUDED.branch_id, active = true,
            must_change_password = CASE WHEN p_password_verifier IS NULL THEN s.must_change_password
                                        ELSE EXCLUDED.must_change_password END
    RETURNING s.* INTO v_staff;

    INSERT INTO teller.audit_log (action, subject, details)
    VALUES ('staff_add', p_login, jsonb_build_object('role', p_role, 'approval_limit', p_approval_limit,
                                                     'unlimited', p_approval_limit IS NULL AND p_role <> 'admin',
                                                     'password_set', p_password_verifier IS NOT NULL));
    RETURN v_staff;
END
$$;

REVOKE ALL ON FUNCTION teller.apply_staff(text, text, text, bigint, text, bigint, boolean)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
