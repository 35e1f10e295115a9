-- teller.change_own_password: a staff member sets their own password (as a SCRAM verifier,
-- never in clear), which ends an administrator-set password's ban on moving money
-- (teller.money_staff). Audited.
-- History: defined in 013.

CREATE OR REPLACE FUNCTION teller.change_own_password(p_password_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v teller.staff;
BEGIN
    PERFORM teller.durable_write();
    v := teller.session_staff();
    IF p_password_verifier IS NULL
       OR p_password_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        RAISE EXCEPTION 'a password must arrive as a SCRAM-SHA-256 verifier, never in clear' USING ERRCODE = '22023';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', v.login, p_password_verifier);
    UPDATE teller.staff SET must_change_password = false WHERE login = v.login;
    INSERT INTO teller.audit_log (action, subject, details) VALUES ('password_change', v.login, '{}');
END
$$;

REVOKE ALL ON FUNCTION teller.change_own_password(text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.change_own_password(text) TO teller_staff;
