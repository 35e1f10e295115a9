-- teller.request_reversal: a completed withdrawal, deposit or transfer is corrected only by a
-- new movement with its own key that names the original: the same amount, the sides swapped.
-- It waits for a supervisor who is not the requester (teller.decide_operation), holds what it
-- would take meanwhile, and an original is reversed at most once (a waiting reversal counts).
-- Nothing is ever edited. Exactly once under its key. Called by core/service/Cash.cpp.
-- History: defined in 011; in 013 a transaction of its own (teller.money_staff), plain text.

CREATE OR REPLACE FUNCTION teller.request_reversal(p_key uuid, p_original uuid, p_note text, p_workstation text)
RETURNS teller.action_result
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff  teller.staff;
    v_op     teller.operations;
    v_orig   teller.operations;
    v_fp     bytea;
    v_row    teller.accounts;
    v_named  teller.accounts;
    v_status text := 'pending_approval';
    v_reason text;
BEGIN
    IF p_key IS NULL OR p_original IS NULL OR p_key = p_original
       OR p_note IS NULL OR length(btrim(p_note)) NOT BETWEEN 1 AND 500
       OR p_workstation IS NULL OR length(p_workstation) NOT BETWEEN 1 AND 63 OR NOT teller.plain_text(p_workstation) OR NOT teller.plain_text(p_note) THEN
        RAISE EXCEPTION 'malformed reversal: the original''s key and a reason are needed' USING ERRCODE = '22023';
    END IF;
    v_fp := pg_catalog.sha256(pg_catalog.convert_to(
        'teller/reversal/v1' || E'\n' || p_original::text || E'\n' || btrim(p_note) || E'\n', 'UTF8'));
    v_staff := teller.money_staff();
    IF v_staff.role NOT IN ('teller', 'supervisor') THEN
        RAISE EXCEPTION 'only tellers and supervisors ask for reversals' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF FOUND THEN
        RETURN teller.replay(v_op, v_fp);
    END IF;

    SELECT * INTO v_orig FROM teller.operations WHERE key = p_original;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no operation with key %', p_original USING ERRCODE = 'P0002';
    END IF;
    IF v_orig.status <> 'completed' OR v_orig.kind NOT IN ('withdrawal', 'deposit', 'transfer') THEN
        RAISE EXCEPTION 'operation % cannot be reversed: only a completed withdrawal, deposit or transfer can', p_original
            USING ERRCODE = '22023';
    END IF;
    -- Its accounts first, then the original (so that two requests for it queue up).
    FOR v_row IN SELECT * FROM teller.lock_sides(v_orig.credit_account_id, v_orig.debit_account_id) LOOP
        IF v_row.id = v_orig.account_id THEN
            v_named := v_row;
        END IF;
        -- What the reversal takes from an account must be there (it is held until decided).
        IF v_status = 'pending_approval'
           AND teller.side_delta(v_row.kind, v_row.id = v_orig.credit_account_id, v_orig.amount) < 0
           AND v_row.balance - v_row.held - v_orig.amount < v_row.balance_floor THEN
            v_status := 'rejected';
            v_reason := CASE WHEN v_row.kind = 'till' THEN 'insufficient_till_cash' ELSE 'insufficient_funds' END;
        END IF;
    END LOOP;
    PERFORM 1 FROM teller.operations WHERE id = v_orig.id FOR UPDATE;
    IF EXISTS (SELECT FROM teller.operations
                WHERE reverses = p_original AND status IN ('pending_approval', 'completed')) THEN
        v_status := 'rejected'; v_reason := 'already_reversed';
    END IF;

    INSERT INTO teller.operations AS o
        (key, kind, account_number, counter_account_number, account_id, counter_account_id, debit_account_id,
         credit_account_id, amount, currency, fingerprint, status, reason, balance_after, available_after, note,
         reverses, initiated_by, workstation, expires_at)
    VALUES
        (p_key, 'reversal', v_orig.account_number, v_orig.counter_account_number, v_orig.account_id,
         v_orig.counter_account_id,
         CASE WHEN v_status = 'pending_approval' THEN v_orig.credit_account_id END,
         CASE WHEN v_status = 'pending_approval' THEN v_orig.debit_account_id END,
         v_orig.amount, v_orig.currency, v_fp, v_status, v_reason, v_named.balance,
         v_named.balance - v_named.held
         - CASE WHEN v_status = 'pending_approval'
                     AND teller.side_delta(v_named.kind, v_named.id = v_orig.credit_account_id, v_orig.amount) < 0
                THEN v_orig.amount ELSE 0 END,
         btrim(p_note), p_original, v_staff.login, p_workstation,
         CASE WHEN v_status = 'pending_approval'
              THEN clock_timestamp() + make_interval(mins => teller.setting('approval_hold_minutes')::int) END)
    ON CONFLICT (key) DO NOTHING
    RETURNING o.* INTO v_op;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'a concurrent attempt with key % was recorded first', p_key USING ERRCODE = '40001';
    END IF;
    IF v_status = 'pending_approval' THEN
        PERFORM teller.move_locked(v_op, 'hold');
        PERFORM teller.notify_operation(v_op);
    END IF;
    RETURN teller.as_result(v_op, false);
END
$$;

REVOKE ALL ON FUNCTION teller.request_reversal(uuid, uuid, text, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.request_reversal(uuid, uuid, text, text) TO teller_tellers, teller_supervisors;
