-- teller.till_blotter: a teller's session: every operation they made since their till in this
-- currency was last opened, and every vault movement into or out of that till, oldest first,
-- with what each did to the till's cash (till_effect: + in, - out, 0 for none).
-- History: defined in 011; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.till_blotter(p_currency text)
RETURNS TABLE (key uuid, kind text, status text, reason text, account text, counter_account text, amount bigint,
               currency text, till_effect bigint, initiated_by text, created_at timestamptz, decided_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    WITH me AS (
        SELECT s.login, t.id AS till, t.number AS till_number,
               coalesce((SELECT o.created_at FROM teller.till_counts c JOIN teller.operations o ON o.key = c.key
                          WHERE c.till_id = t.id AND c.kind = 'open' ORDER BY c.counted_at DESC LIMIT 1),
                        '-infinity') AS since
          FROM teller.staff s
          JOIN teller.accounts t ON t.kind = 'till' AND t.owner = s.login AND t.currency = p_currency
         WHERE s.login = teller.actor() AND s.active
    ), ops AS (
        SELECT o.* FROM teller.operations o, me
         WHERE o.initiated_by = me.login AND o.created_at >= me.since AND o.kind IS NOT NULL
           AND (o.currency = p_currency OR o.kind = 'transfer')
        UNION
        SELECT o.* FROM teller.operations o, me
         WHERE o.counter_account_id = me.till AND o.created_at >= me.since
    )
    SELECT o.key, o.kind, o.status, o.reason, o.account_number, o.counter_account_number, o.amount, o.currency::text,
           CASE WHEN o.status <> 'completed' OR o.amount IS NULL THEN 0
                WHEN o.debit_account_id = me.till THEN o.amount
                WHEN o.credit_account_id = me.till THEN -o.amount ELSE 0 END,
           o.initiated_by, o.created_at, o.decided_at
      FROM ops o, me
     ORDER BY o.created_at, o.id
$$;

REVOKE ALL ON FUNCTION teller.till_blotter(text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.till_blotter(text) TO teller_tellers, teller_supervisors;
