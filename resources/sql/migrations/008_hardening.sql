-- 008 hardening, from a security review of 001–007:
--   * action_status answers a teller only about the teller's own key and, when the client
--     says which request it means (the fingerprint), only if the key holds that request: a
--     key taken by somebody else's operation is key_reused, never "completed" for the wrong
--     action;
--   * the announcement of an action in doubt no longer carries its key (a key the server has
--     never seen could otherwise be taken or abandoned by another login); announcements of
--     operations carry only key and status: clients read the rest from the server, since any
--     connected login can send a NOTIFY;
--   * add_staff takes over no existing role that has powers, memberships or objects of its
--     own: only a fresh role or one that is already nothing but Teller staff;
--   * only Teller staff (and the owner) may connect to the database; sessions left idle in a
--     transaction (psql) are ended after a minute, so they cannot hold account locks;
--   * functions the migrating role creates later are not executable by PUBLIC by default.

DROP FUNCTION teller.action_status(uuid);

CREATE FUNCTION teller.action_status(p_key uuid, p_fingerprint bytea DEFAULT NULL) RETURNS teller.action_result
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff teller.staff;
    v_op    teller.operations;
BEGIN
    v_staff := teller.session_staff();
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF NOT FOUND THEN
        RETURN ROW(p_key, 'unknown', NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL)::teller.action_result;
    END IF;
    IF (v_op.initiated_by <> session_user AND v_staff.role NOT IN ('supervisor', 'admin'))
       OR (p_fingerprint IS NOT NULL AND v_op.fingerprint IS DISTINCT FROM p_fingerprint
           AND NOT (v_op.status = 'abandoned' AND v_op.fingerprint IS NULL)) THEN
        RETURN ROW(p_key, 'key_reused', NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL)::teller.action_result;
    END IF;
    RETURN teller.as_result(v_op, true);
END
$$;

CREATE OR REPLACE FUNCTION teller.notify_operation(p_op teller.operations) RETURNS void
LANGUAGE sql
RETURN pg_notify('teller_operations', json_build_object('key', p_op.key, 'status', p_op.status)::text);

CREATE OR REPLACE FUNCTION teller.report_doubt(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint,
                                               p_currency text, p_workstation text, p_message text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff teller.staff;
BEGIN
    v_staff := teller.session_staff();
    INSERT INTO teller.doubt_reports (key, reported_by, workstation, kind, account_number, counter_account_number,
                                      amount, currency, message)
    VALUES (p_key, v_staff.login, p_workstation, p_kind, p_account, p_counter, p_amount, p_currency, left(p_message, 1000))
    ON CONFLICT (key) DO UPDATE SET message = EXCLUDED.message, reported_at = now()
        WHERE teller.doubt_reports.reported_by = v_staff.login;
    -- Only "something is in doubt": supervisors read the reports themselves.
    PERFORM pg_notify('teller_operations', json_build_object('status', 'in_doubt')::text);
END
$$;

CREATE OR REPLACE FUNCTION teller.add_staff(p_login text, p_display_name text, p_role text,
                                            p_approval_limit bigint, p_password_verifier text)
RETURNS teller.staff
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
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

    INSERT INTO teller.staff AS s (login, display_name, role, approval_limit, limit_currency)
    VALUES (p_login, btrim(p_display_name), p_role, p_approval_limit, teller.setting('home_currency'))
    ON CONFLICT (login) DO UPDATE
        SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
            approval_limit = EXCLUDED.approval_limit, active = true
    RETURNING s.* INTO v_staff;

    INSERT INTO teller.audit_log (action, subject, details)
    VALUES ('staff_add', p_login, jsonb_build_object('role', p_role, 'approval_limit', p_approval_limit,
                                                     'password_set', p_password_verifier IS NOT NULL));
    RETURN v_staff;
END
$$;

REVOKE ALL ON FUNCTION teller.action_status(uuid, bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION teller.notify_operation(teller.operations) FROM PUBLIC;
REVOKE ALL ON FUNCTION teller.report_doubt(uuid, text, text, text, bigint, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION teller.add_staff(text, text, text, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION teller.action_status(uuid, bytea) TO teller_staff;
GRANT EXECUTE ON FUNCTION teller.report_doubt(uuid, text, text, text, bigint, text, text, text) TO teller_staff;
GRANT EXECUTE ON FUNCTION teller.add_staff(text, text, text, bigint, text) TO teller_admins;

-- A per-schema default can only add to the global one: this is the one that takes PUBLIC's
-- EXECUTE away from functions the migrating role creates from now on.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- The database itself: needs its owner (or a superuser). A migration run by anybody else
-- says what IT must do instead of failing. A database created as a copy of another (CREATE
-- DATABASE … TEMPLATE) does not inherit these settings: its owner runs
-- SELECT teller.secure_database() once.
CREATE FUNCTION teller.secure_database() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF pg_catalog.pg_has_role(current_user, (SELECT datdba FROM pg_catalog.pg_database
                                              WHERE datname = current_database()), 'USAGE') THEN
        EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO teller_staff', current_database());
        EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '60s');
    ELSE
        RAISE NOTICE 'not the owner of database %: its owner must run SELECT teller.secure_database()',
                     current_database();
    END IF;
END
$$;
REVOKE ALL ON FUNCTION teller.secure_database() FROM PUBLIC;

SELECT teller.secure_database();
