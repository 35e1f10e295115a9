-- teller.add_pooled_login: (the database's owner) creates the login a pooler uses for every
-- workstation, or sets its password again: LOGIN NOINHERIT (no group's rights until a
-- transaction sets its member's group as its role), a member of teller_pooled and of the three
-- Teller groups, CONNECT on this database, and no parameters logged with its statements where
-- the owner may set that (a superuser: log_parameter_max_length = 0; the staff session's secret
-- is a bound value). p_password_verifier is a SCRAM verifier (PQencryptPasswordConn), never a
-- password. Refused for a role that exists and is not a pooled login already.
-- History: defined in 020.

CREATE OR REPLACE FUNCTION teller.add_pooled_login(p_login text, p_password_verifier text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF p_login IS NULL OR p_login !~ '^[a-z_][a-z0-9_]{0,62}$' THEN
        RAISE EXCEPTION 'a pooled login is 1 to 63 lower-case letters, digits and underscores, starting with a letter'
            USING ERRCODE = '22023';
    END IF;
    IF p_password_verifier IS NULL OR p_password_verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'the password is given as a SCRAM-SHA-256 verifier' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = p_login) THEN
        IF NOT pg_catalog.pg_has_role(p_login, 'teller_pooled', 'MEMBER')
           OR EXISTS (SELECT FROM teller.staff WHERE login = p_login) THEN
            RAISE EXCEPTION 'role "%" already exists and is not a pooled login; choose another name', p_login
                USING ERRCODE = '42501';
        END IF;
        EXECUTE format('ALTER ROLE %I LOGIN NOINHERIT PASSWORD %L', p_login, p_password_verifier);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
                       'PASSWORD %L', p_login, p_password_verifier);
    END IF;
    EXECUTE format('GRANT teller_pooled, teller_tellers, teller_supervisors, teller_admins TO %I', p_login);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), p_login);
    BEGIN
        EXECUTE format('ALTER ROLE %I SET log_parameter_max_length = 0', p_login);
    EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'only a superuser can keep bound values out of the server log for "%": ALTER ROLE % SET log_parameter_max_length = 0',
                     p_login, p_login;
    END;
    EXECUTE format('ALTER ROLE %I SET log_parameter_max_length_on_error = 0', p_login);
    INSERT INTO teller.audit_log (action, subject, details) VALUES ('pooled_login_add', p_login, '{}');
END
$$;

REVOKE ALL ON FUNCTION teller.add_pooled_login(text, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins, teller_pooled;
