-- teller.invariant_violations: every invariant that protects money, checked against the data;
-- no rows means all hold (tellerctl check, the tests and the bench scripts ask it):
--   balance_equals_movements  every account's balance is the sum of its movements, in the
--                             account's natural sense (teller.side_delta);
--   debits_equal_credits      per currency, what the accounts hold balances what the bank owes:
--                             the sum of every non-customer balance equals the sum of every
--                             customer balance (every movement has one debit and one credit);
--   available_not_below_floor no account below its floor (a till or vault below zero cash);
--   held_equals_pending       every account's held amount is what pending movements would take;
--   movement_two_sided        a movement names two different accounts of its currency.
-- Supervisors and administrators who are active staff (a login whose staff row is inactive is
-- refused, though still in its group), and the schema's owner (tellerctl check, the tests).
-- History: defined in 001; in 011 the two-sided ledger; in 014 it checks who calls it (staff
-- read no table any more: it is the only way they see these figures);
-- in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.invariant_violations()
RETURNS TABLE (invariant text, subject text, detail text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM teller.staff s WHERE s.login = teller.actor() AND s.active
                                              AND s.role IN ('supervisor', 'admin'))
       AND NOT pg_catalog.pg_has_role(teller.actor(), (SELECT n.nspowner FROM pg_catalog.pg_namespace n
                                                      WHERE n.nspname = 'teller'), 'USAGE') THEN
        RAISE EXCEPTION 'only supervisors and administrators check the invariants' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
    WITH sides AS (
        SELECT o.debit_account_id AS account_id, true AS is_debit, o.amount, o.status
          FROM teller.operations o
         WHERE o.status IN ('completed', 'pending_approval') AND o.amount IS NOT NULL
        UNION ALL
        SELECT o.credit_account_id, false, o.amount, o.status
          FROM teller.operations o
         WHERE o.status IN ('completed', 'pending_approval') AND o.amount IS NOT NULL
    ), per_account AS (
        SELECT a.id,
               coalesce(sum(teller.side_delta(a.kind, s.is_debit, s.amount)) FILTER (WHERE s.status = 'completed'), 0) AS moved,
               coalesce(sum(s.amount) FILTER (WHERE s.status = 'pending_approval'
                                               AND teller.side_delta(a.kind, s.is_debit, s.amount) < 0), 0) AS pending
          FROM teller.accounts a LEFT JOIN sides s ON s.account_id = a.id
         GROUP BY a.id
    )
    SELECT 'balance_equals_movements', a.number, format('balance %s, movements %s', a.balance, p.moved)
      FROM teller.accounts a JOIN per_account p ON p.id = a.id
     WHERE a.balance <> p.moved
    UNION ALL
    SELECT 'held_equals_pending', a.number, format('held %s, pending %s', a.held, p.pending)
      FROM teller.accounts a JOIN per_account p ON p.id = a.id
     WHERE a.held <> p.pending
    UNION ALL
    SELECT 'debits_equal_credits', c.currency, format('held by the bank %s, owed to customers %s', c.held, c.owed)
      FROM (SELECT currency,
                   sum(balance::numeric) FILTER (WHERE kind <> 'customer') AS held,
                   sum(balance::numeric) FILTER (WHERE kind = 'customer') AS owed
              FROM teller.accounts GROUP BY currency) c
     WHERE coalesce(c.held, 0) <> coalesce(c.owed, 0)
    UNION ALL
    SELECT 'available_not_below_floor', number, format('balance %s, held %s, floor %s', balance, held, balance_floor)
      FROM teller.accounts WHERE balance - held < balance_floor
    UNION ALL
    SELECT 'movement_two_sided', o.key::text, format('%s of %s %s between %s and %s', o.kind, o.amount, o.currency,
                                                     o.debit_account_id, o.credit_account_id)
      FROM teller.operations o
      LEFT JOIN teller.accounts d ON d.id = o.debit_account_id
      LEFT JOIN teller.accounts c ON c.id = o.credit_account_id
     WHERE o.status IN ('completed', 'pending_approval') AND o.amount IS NOT NULL
       AND (d.id IS NULL OR c.id IS NULL OR d.id = c.id OR d.currency <> o.currency OR c.currency <> o.currency);
END
$$;

REVOKE ALL ON FUNCTION teller.invariant_violations()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.invariant_violations() TO teller_supervisors, teller_admins;
