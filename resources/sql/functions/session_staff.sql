-- teller.session_staff: the staff row of the login that opened this session (session_user,
-- which a client cannot forge); an error for anybody else.
-- History: defined in 001.

CREATE OR REPLACE FUNCTION teller.session_staff() RETURNS teller.staff
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v teller.staff;
BEGIN
    SELECT * INTO v FROM teller.staff WHERE login = session_user AND active;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'login "%" is not an active Teller staff member', session_user
            USING ERRCODE = '42501';
    END IF;
    RETURN v;
END
$$;

REVOKE ALL ON FUNCTION teller.session_staff()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
