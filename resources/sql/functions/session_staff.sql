-- teller.session_staff: the staff row of who acts (teller.actor: the login that opened this
-- session, which a client cannot forge, or the member whose staff session a pooled transaction
-- proves); an error for anybody else.
-- History: defined in 001; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.session_staff() RETURNS teller.staff
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v teller.staff;
    v_login text := teller.actor();
BEGIN
    SELECT * INTO v FROM teller.staff WHERE login = v_login AND active;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'login "%" is not an active Teller staff member', v_login
            USING ERRCODE = '42501';
    END IF;
    RETURN v;
END
$$;

REVOKE ALL ON FUNCTION teller.session_staff()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
