-- teller.find_account: one account by its number (no row when there is none), for the desk and
-- tellerctl: a teller finds customer accounts, supervisors and administrators every kind (a
-- till, a vault). Staff have no SELECT on teller.accounts (migration 014); every call is
-- recorded in teller.read_audit.
-- History: defined in 014 (core/service/Accounts.cpp read teller.accounts before).

CREATE OR REPLACE FUNCTION teller.find_account(p_number text)
RETURNS TABLE (id bigint, number text, holder text, currency text, balance bigint, held bigint, balance_floor bigint,
               status text, opened_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff teller.staff;
BEGIN
    v_staff := teller.session_staff();
    PERFORM teller.audit_read('find_account', left(p_number, 40), NULL);
    RETURN QUERY
        SELECT a.id, a.number::text, a.holder::text, a.currency::text, a.balance, a.held::bigint, a.balance_floor::bigint,
               a.status::text, a.opened_at
          FROM teller.accounts a
         WHERE a.number = p_number AND (a.kind = 'customer' OR v_staff.role <> 'teller');
END
$$;

REVOKE ALL ON FUNCTION teller.find_account(text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.find_account(text) TO teller_staff;
