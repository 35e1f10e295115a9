-- teller.staff_changes_waiting: (administration) the staff changes that wait for a second
-- admin, oldest first; never a password.
-- History: defined in 013.

CREATE OR REPLACE FUNCTION teller.staff_changes_waiting()
RETURNS TABLE (id bigint, login text, change text, role text, approval_limit bigint, unlimited boolean, branch text,
               password_set boolean, requested_by text, requested_at timestamptz, expires_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM teller.staff_administrator();
    RETURN QUERY
    SELECT c.id, c.login, c.change, c.role, c.approval_limit, c.unlimited, b.code, c.password_verifier IS NOT NULL,
           c.requested_by, c.requested_at, c.expires_at
      FROM teller.staff_changes c LEFT JOIN teller.branches b ON b.id = c.branch_id
     WHERE c.status = 'pending_approval' AND c.expires_at > clock_timestamp()
     ORDER BY c.id;
END
$$;

REVOKE ALL ON FUNCTION teller.staff_changes_waiting()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.staff_changes_waiting() TO teller_admins;
