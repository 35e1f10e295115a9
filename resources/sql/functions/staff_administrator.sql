-- teller.staff_administrator: who is administering staff in this session: NULL for the
-- database's owner (or a superuser), who provisions the database and is not staff; the staff
-- row of an active Teller admin; an error for anybody else. Called by the staff
-- administration functions.
-- History: defined in 013; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.staff_administrator() RETURNS teller.staff
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v teller.staff;
    v_login text := teller.actor();
BEGIN
    SELECT * INTO v FROM teller.staff WHERE login = v_login;
    IF NOT FOUND THEN
        IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = v_login)
           OR pg_catalog.pg_has_role(v_login, (SELECT datdba FROM pg_catalog.pg_database
                                                     WHERE datname = current_database()), 'MEMBER') THEN
            RETURN NULL;
        END IF;
        RAISE EXCEPTION 'login "%" is not an active Teller staff member', v_login USING ERRCODE = '42501';
    END IF;
    IF NOT v.active OR v.role <> 'admin' THEN
        RAISE EXCEPTION 'only Teller administrators administer staff' USING ERRCODE = '42501';
    END IF;
    RETURN v;
END
$$;

REVOKE ALL ON FUNCTION teller.staff_administrator()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
