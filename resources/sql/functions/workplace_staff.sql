-- teller.workplace_staff: the names of the signed-in member's colleagues, so that a window says
-- "approved by Clara Supervisor" rather than "clara": login, display name and role of every
-- active member of the caller's own branch (the caller too). Nothing else about them (no
-- limits, no passwords), nobody of another branch, and nothing for a caller who is not
-- active staff.
-- History: defined in 018; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.workplace_staff()
RETURNS TABLE (login text, display_name text, role text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT s.login, s.display_name, s.role
      FROM teller.staff me
      JOIN teller.staff s ON s.branch_id = me.branch_id AND s.active
     WHERE me.login = teller.actor() AND me.active
     ORDER BY s.display_name, s.login
$$;

REVOKE ALL ON FUNCTION teller.workplace_staff()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.workplace_staff() TO teller_staff;
