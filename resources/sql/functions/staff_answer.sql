-- teller.staff_answer: a staff member as the administration functions answer them, with
-- whether the change asked for is done ('completed') or waits for a second admin
-- ('pending_approval', p_change_id). Columns NULL for a member who does not exist yet.
-- History: defined in 013.

CREATE OR REPLACE FUNCTION teller.staff_answer(p_login text, p_status text, p_change_id bigint)
RETURNS teller.staff_answer
LANGUAGE sql STABLE
RETURN (SELECT ROW(coalesce(s.login, p_login), s.display_name, s.role, s.approval_limit, s.limit_currency::text, s.active,
                   b.code, s.daily_cash_limit, p_status, p_change_id)::teller.staff_answer
          FROM (SELECT 1) one
          LEFT JOIN teller.staff s ON s.login = p_login
          LEFT JOIN teller.branches b ON b.id = s.branch_id);

REVOKE ALL ON FUNCTION teller.staff_answer(text, text, bigint)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
