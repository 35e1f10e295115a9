-- teller.large_cash_report: the cash withdrawals and deposits at or above the large-cash
-- threshold between two dates (inclusive, in the server's time zone), with the customer's
-- identification, for the bank's reporting duties. Supervisors and administrators only.
-- History: defined in 011; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.large_cash_report(p_from date, p_to date)
RETURNS TABLE (booked_at timestamptz, key uuid, kind text, status text, account text, holder text, amount bigint,
               currency text, teller text, branch text, workstation text, document_type text, document_number text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT coalesce(o.decided_at, o.created_at), o.key, o.kind, o.status, o.account_number, a.holder, o.amount,
           o.currency::text, o.initiated_by, b.code, o.workstation, i.document_type, i.document_number
      FROM teller.cash_identifications i
      JOIN teller.operations o ON o.key = i.key
      LEFT JOIN teller.accounts a ON a.id = o.account_id
      LEFT JOIN teller.staff s ON s.login = o.initiated_by
      LEFT JOIN teller.branches b ON b.id = s.branch_id
     WHERE i.recorded_at >= p_from::timestamptz AND i.recorded_at < (p_to + 1)::timestamptz
       AND EXISTS (SELECT FROM teller.staff me WHERE me.login = teller.actor() AND me.active
                                                 AND me.role IN ('supervisor', 'admin'))
     ORDER BY i.recorded_at, o.key
$$;

REVOKE ALL ON FUNCTION teller.large_cash_report(date, date)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.large_cash_report(date, date) TO teller_supervisors, teller_admins;
