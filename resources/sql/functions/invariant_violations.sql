-- teller.invariant_violations: every invariant that protects money, checked against the data;
-- no rows means all hold (tellerctl check, the tests and the bench scripts ask it).
-- History: defined in 001.

CREATE OR REPLACE FUNCTION teller.invariant_violations()
RETURNS TABLE (invariant text, subject text, detail text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT 'balance_equals_ledger', a.number,
           format('balance %s, ledger sum %s', a.balance, coalesce(l.total, 0))
      FROM teller.accounts a
      LEFT JOIN (SELECT account_id, sum(amount) AS total FROM teller.ledger_entries GROUP BY account_id) l
             ON l.account_id = a.id
     WHERE a.balance <> coalesce(l.total, 0)
    UNION ALL
    SELECT 'available_not_below_floor', number, format('balance %s, held %s, floor %s', balance, held, balance_floor)
      FROM teller.accounts WHERE balance - held < balance_floor
    UNION ALL
    SELECT 'held_equals_pending', a.number, format('held %s, pending %s', a.held, coalesce(p.total, 0))
      FROM teller.accounts a
      LEFT JOIN (SELECT account_id, sum(amount) AS total FROM teller.operations
                  WHERE status = 'pending_approval' GROUP BY account_id) p ON p.account_id = a.id
     WHERE a.held <> coalesce(p.total, 0)
    UNION ALL
    SELECT 'completed_has_ledger', o.key::text, format('%s of %s with %s ledger entries', o.kind, o.amount, count(l.id))
      FROM teller.operations o LEFT JOIN teller.ledger_entries l ON l.operation_id = o.id
     WHERE o.status = 'completed'
     GROUP BY o.id
    HAVING count(l.id) <> CASE WHEN o.kind = 'transfer' THEN 2 ELSE 1 END
        OR sum(abs(l.amount)) <> o.amount * CASE WHEN o.kind = 'transfer' THEN 2 ELSE 1 END
    UNION ALL
    SELECT 'only_completed_has_ledger', o.key::text, o.status
      FROM teller.operations o
     WHERE o.status <> 'completed' AND EXISTS (SELECT FROM teller.ledger_entries l WHERE l.operation_id = o.id);
$$;

REVOKE ALL ON FUNCTION teller.invariant_violations()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.invariant_violations() TO teller_supervisors, teller_admins;
