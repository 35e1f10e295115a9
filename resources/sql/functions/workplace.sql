-- teller.workplace: where the signed-in member works, for what a receipt or a decision says:
-- the bank's name (teller.settings 'bank_name'), the member's branch's code, name and time zone
-- (a receipt's time is the branch's). One row for active staff, none for anybody else.
-- History: defined in 018; in 019 the branch's time zone; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.workplace()
RETURNS TABLE (bank_name text, branch_code text, branch_name text, time_zone text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT (SELECT s.value FROM teller.settings s WHERE s.key = 'bank_name'), b.code, b.name, b.time_zone
      FROM teller.staff me
      JOIN teller.branches b ON b.id = me.branch_id
     WHERE me.login = teller.actor() AND me.active
$$;

REVOKE ALL ON FUNCTION teller.workplace()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.workplace() TO teller_staff;
