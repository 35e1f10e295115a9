-- teller.till_status: the tills a member of staff may see: a teller their own, a supervisor every
-- till of their branch (the vault page). Open or closed, the cash by the book, what pending
-- operations hold, when it was last opened and counted, and whether a difference waits.
-- History: defined in 011; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.till_status(p_currency text DEFAULT NULL)
RETURNS TABLE (till text, owner text, owner_name text, currency text, is_open boolean, cash bigint, held bigint,
               opened_at timestamptz, last_count_kind text, last_counted bigint, last_counted_at timestamptz,
               difference_pending boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT t.number, t.owner, s.display_name, t.currency::text, t.till_open, t.balance, t.held,
           (SELECT max(c.counted_at) FROM teller.till_counts c WHERE c.till_id = t.id AND c.kind = 'open'),
           lc.kind, lc.counted, lc.counted_at,
           EXISTS (SELECT FROM teller.operations o WHERE o.account_id = t.id AND o.kind IN ('till_open', 'till_close')
                                                    AND o.status = 'pending_approval')
      FROM teller.accounts t
      JOIN teller.staff s ON s.login = t.owner
      JOIN teller.staff me ON me.login = teller.actor() AND me.active
      LEFT JOIN LATERAL (SELECT c.kind, c.counted, c.counted_at FROM teller.till_counts c
                          WHERE c.till_id = t.id ORDER BY c.counted_at DESC LIMIT 1) lc ON true
     WHERE t.kind = 'till' AND (p_currency IS NULL OR t.currency = p_currency)
       AND (t.owner = me.login OR (me.role = 'supervisor' AND t.branch_id = me.branch_id))
     ORDER BY s.display_name, t.currency
$$;

REVOKE ALL ON FUNCTION teller.till_status(text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.till_status(text) TO teller_tellers, teller_supervisors;
