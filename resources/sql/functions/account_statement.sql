-- teller.account_statement: an account's ledger for the supervisor's audit view, newest first,
-- at most p_limit lines and never more than 500: every completed movement of the account,
-- found through the indexes that serve its history (the account named first, a transfer's
-- payee or a vault movement's till, a till's teller), each as it changed the account's
-- balance in its natural sense (teller.side_delta), and the balance after each one, followed
-- back from today's balance. Any kind of account. Supervisors only; every call is recorded in
-- teller.read_audit.
-- History: defined in 014 (core/service/Supervision.cpp read teller.accounts and
-- teller.operations before).

CREATE OR REPLACE FUNCTION teller.account_statement(p_number text, p_limit integer)
RETURNS TABLE (id bigint, at timestamptz, kind text, key uuid, amount bigint, balance_after bigint, currency text,
               initiated_by text, decided_by text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff teller.staff;
    v_acc   teller.accounts;
BEGIN
    v_staff := teller.session_staff();
    IF v_staff.role <> 'supervisor' THEN
        RAISE EXCEPTION 'only supervisors read an account''s statement' USING ERRCODE = '42501';
    END IF;
    PERFORM teller.audit_read('account_statement', left(p_number, 40), NULL);
    SELECT * INTO v_acc FROM teller.accounts a WHERE a.number = p_number;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    -- The account as values, not a join: a customer account has no teller, and its branch of
    -- the search is then no search at all (not a scan of every operation).
    RETURN QUERY
        WITH ids AS (SELECT o.id FROM teller.operations o WHERE o.account_id = v_acc.id
                     UNION SELECT o.id FROM teller.operations o WHERE o.counter_account_id = v_acc.id
                     UNION SELECT o.id FROM teller.operations o WHERE v_acc.owner IS NOT NULL AND o.initiated_by = v_acc.owner),
        lines AS (SELECT o.id, coalesce(o.decided_at, o.created_at) AS at, o.kind, o.key, o.initiated_by, o.decided_by,
                         teller.side_delta(v_acc.kind, o.debit_account_id = v_acc.id, o.amount) AS delta
                    FROM ids JOIN teller.operations o ON o.id = ids.id
                   WHERE o.status = 'completed' AND o.amount IS NOT NULL
                     AND v_acc.id IN (o.debit_account_id, o.credit_account_id))
        SELECT l.id, l.at, l.kind::text, l.key, l.delta,
               (v_acc.balance - coalesce(sum(l.delta) OVER (ORDER BY l.at DESC, l.id DESC
                                                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))::bigint,
               v_acc.currency::text, l.initiated_by, l.decided_by
          FROM lines l
         ORDER BY l.at DESC, l.id DESC
         LIMIT least(greatest(coalesce(p_limit, 200), 1), 500);
END
$$;

REVOKE ALL ON FUNCTION teller.account_statement(text, integer)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.account_statement(text, integer) TO teller_supervisors;
