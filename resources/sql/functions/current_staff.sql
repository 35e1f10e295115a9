-- teller.current_staff: the staff row of who acts (teller.actor), if it is active
-- staff (no row otherwise). What the programs show and decide by at sign-in; staff have no
-- SELECT on teller.staff (migration 014).
-- History: defined in 014; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.current_staff() RETURNS SETOF teller.staff
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT * FROM teller.staff WHERE login = teller.actor() AND active
$$;

REVOKE ALL ON FUNCTION teller.current_staff()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.current_staff() TO teller_staff;
