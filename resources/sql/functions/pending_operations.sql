-- teller.pending_operations: the operations waiting for a supervisor, oldest first (the
-- four-eyes queue), at most p_limit and never more than 1000, as the supervisor's panel and
-- tellerctl list them: the operation with its key and note, the account's holder and available
-- balance now, who asked (and their name). Supervisors only; every call is recorded in
-- teller.read_audit.
-- History: defined in 014 (core/service/Supervision.cpp read teller.operations, teller.accounts
-- and teller.staff before); in 019 original_kind, the kind of
-- the operation a reversal undoes.

CREATE OR REPLACE FUNCTION teller.pending_operations(p_limit integer)
RETURNS TABLE (key uuid, kind text, account_number text, holder text, counter_account_number text, amount bigint,
               currency text, available bigint, initiated_by text, initiator_name text, workstation text, note text,
               status text, reason text, created_at timestamptz, expires_at timestamptz, decided_by text,
               decided_at timestamptz, decision_note text, original_kind text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff teller.staff;
BEGIN
    v_staff := teller.session_staff();
    IF v_staff.role <> 'supervisor' THEN
        RAISE EXCEPTION 'only supervisors review operations' USING ERRCODE = '42501';
    END IF;
    PERFORM teller.audit_read('pending_operations', NULL, NULL);
    RETURN QUERY
        SELECT o.key, o.kind::text, o.account_number, a.holder::text, o.counter_account_number, o.amount::bigint,
               o.currency::text, a.balance - a.held, o.initiated_by, s.display_name, o.workstation, o.note::text,
               o.status::text, o.reason, o.created_at, o.expires_at, o.decided_by, o.decided_at, o.decision_note::text,
               r.kind::text
          FROM teller.operations o
          LEFT JOIN teller.accounts a ON a.id = o.account_id
          LEFT JOIN teller.staff s ON s.login = o.initiated_by
          LEFT JOIN teller.operations r ON r.key = o.reverses
         WHERE o.status = 'pending_approval'
         ORDER BY o.created_at
         LIMIT least(greatest(coalesce(p_limit, 1000), 1), 1000);
END
$$;

REVOKE ALL ON FUNCTION teller.pending_operations(integer)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.pending_operations(integer) TO teller_supervisors;
