-- teller.account_history: an account's latest operations, newest first, at most p_limit and
-- never more than 100, as the desk shows them: when, what, its status, the amount as it
-- changed this account (a customer account gains what it is credited; or the ledger entry of
-- before version 11) and the balance after, where the record has it. The key and the note
-- only of the caller's own operations (supervisors and administrators see all): another
-- teller's key is not the caller's to use, nor their note to read. A teller sees the history
-- of customer accounts only. Every call is recorded in teller.read_audit.
-- History: defined in 014 (core/service/Accounts.cpp read teller.operations before).

CREATE OR REPLACE FUNCTION teller.account_history(p_number text, p_limit integer)
RETURNS TABLE (at timestamptz, kind text, status text, reason text, amount bigint, currency text, change bigint,
               balance_after bigint, counterparty text, initiated_by text, key uuid, note text, named_first boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff teller.staff;
    v_all   boolean;
    v_id    bigint;
    v_limit integer := least(greatest(coalesce(p_limit, 25), 1), 100);
BEGIN
    v_staff := teller.session_staff();
    v_all := v_staff.role <> 'teller';
    PERFORM teller.audit_read('account_history', left(p_number, 40), NULL);
    SELECT a.id INTO v_id FROM teller.accounts a WHERE a.number = p_number AND (a.kind = 'customer' OR v_all);
    IF NOT FOUND THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT o.created_at, o.kind::text, o.status::text, o.reason, o.amount::bigint, o.currency::text,
               coalesce(l.amount, CASE WHEN o.credit_account_id = v_id THEN o.amount::bigint
                                       WHEN o.debit_account_id = v_id THEN -o.amount::bigint END),
               coalesce(l.balance_after, CASE WHEN o.account_id = v_id AND o.status = 'completed' THEN o.balance_after END),
               CASE WHEN o.account_id = v_id THEN o.counter_account_number ELSE o.account_number END,
               o.initiated_by,
               CASE WHEN v_all OR o.initiated_by = v_staff.login THEN o.key END,
               CASE WHEN v_all OR o.initiated_by = v_staff.login THEN o.note::text END,
               o.account_id = v_id
          FROM teller.operations o
          LEFT JOIN teller.ledger_entries l ON l.operation_id = o.id AND l.account_id = v_id
         WHERE o.account_id = v_id OR o.counter_account_id = v_id
         ORDER BY o.created_at DESC, o.id DESC
         LIMIT v_limit;
END
$$;

REVOKE ALL ON FUNCTION teller.account_history(text, integer)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.account_history(text, integer) TO teller_staff;
