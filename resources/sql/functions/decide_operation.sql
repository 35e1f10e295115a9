-- teller.decide_operation: four eyes: a supervisor approves a pending operation (the held
-- amount is debited, a transfer's other account credited) or rejects it with a reason (the hold
-- is released); nobody decides their own. Locks the accounts (ascending id), then the
-- operation, as perform_action does, so they never deadlock; if somebody decided first (or time
-- ran out) it says who and how. Called by core/service/Supervision.cpp.
-- History: defined in 004.

CREATE OR REPLACE FUNCTION teller.decide_operation(p_key uuid, p_approve boolean, p_note text)
RETURNS teller.decision_result
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff teller.staff;
    v_op    teller.operations;
    v_acc   teller.accounts;
    v_ctr   teller.accounts;
    v_row   teller.accounts;
BEGIN
    IF p_key IS NULL OR p_approve IS NULL OR length(coalesce(p_note, '')) > 500 THEN
        RAISE EXCEPTION 'malformed decision' USING ERRCODE = '22023';
    END IF;
    IF NOT p_approve AND length(btrim(coalesce(p_note, ''))) = 0 THEN
        RAISE EXCEPTION 'a rejection needs a reason' USING ERRCODE = '22023';
    END IF;
    v_staff := teller.session_staff();
    IF v_staff.role <> 'supervisor' THEN
        RAISE EXCEPTION 'only supervisors approve or reject operations' USING ERRCODE = '42501';
    END IF;

    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF NOT FOUND OR v_op.kind IS NULL THEN
        RAISE EXCEPTION 'no operation with key %', p_key USING ERRCODE = 'P0002';
    END IF;
    IF v_op.initiated_by = session_user THEN
        RAISE EXCEPTION 'nobody approves or rejects their own operation' USING ERRCODE = '42501';
    END IF;

    -- The accounts first, in ascending id order, then the operation: the same order as
    -- perform_action, so two deciders, or a decider and a teller, never deadlock.
    FOR v_row IN
        SELECT * FROM teller.accounts WHERE id IN (v_op.account_id, v_op.counter_account_id) ORDER BY id FOR UPDATE
    LOOP
        IF v_row.id = v_op.account_id THEN
            v_acc := v_row;
        ELSE
            v_ctr := v_row;
        END IF;
    END LOOP;
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key FOR UPDATE;

    IF v_op.status = 'pending_approval' AND v_op.expires_at <= now() THEN
        v_op := teller.expire_locked(v_op);
    END IF;
    IF v_op.status <> 'pending_approval' THEN
        -- Somebody decided first (or time ran out): nothing changes; say who and how.
        RETURN ROW(v_op.key, false, v_op.status, v_op.reason, v_op.decided_by, v_op.decided_at,
                   v_op.decision_note, v_op.initiated_by, v_op.balance_after)::teller.decision_result;
    END IF;

    IF p_approve THEN
        IF v_acc.status <> 'active' THEN
            RAISE EXCEPTION 'account % is %: reject the operation instead', v_acc.number, v_acc.status
                USING ERRCODE = '55000';
        END IF;
        IF v_op.kind = 'transfer' AND v_ctr.status = 'closed' THEN
            RAISE EXCEPTION 'account % is closed: reject the operation instead', v_ctr.number USING ERRCODE = '55000';
        END IF;
        -- The amount was held, so the funds are there: debit it and release the hold at once.
        UPDATE teller.accounts SET balance = balance - v_op.amount, held = held - v_op.amount, updated_at = now()
         WHERE id = v_acc.id RETURNING * INTO v_acc;
        INSERT INTO teller.ledger_entries (operation_id, account_id, amount, balance_after)
        VALUES (v_op.id, v_acc.id, -v_op.amount, v_acc.balance);
        IF v_op.kind = 'transfer' THEN
            UPDATE teller.accounts SET balance = balance + v_op.amount, updated_at = now()
             WHERE id = v_ctr.id RETURNING * INTO v_ctr;
            INSERT INTO teller.ledger_entries (operation_id, account_id, amount, balance_after)
            VALUES (v_op.id, v_ctr.id, v_op.amount, v_ctr.balance);
        END IF;
        UPDATE teller.operations
           SET status = 'completed', balance_after = v_acc.balance, available_after = v_acc.balance - v_acc.held,
               decided_by = v_staff.login, decided_at = now(), decision_note = nullif(btrim(p_note), '')
         WHERE id = v_op.id RETURNING * INTO v_op;
    ELSE
        UPDATE teller.accounts SET held = held - v_op.amount, updated_at = now() WHERE id = v_acc.id RETURNING * INTO v_acc;
        UPDATE teller.operations
           SET status = 'rejected', reason = 'supervisor_rejected', balance_after = v_acc.balance,
               available_after = v_acc.balance - v_acc.held, decided_by = v_staff.login, decided_at = now(),
               decision_note = btrim(p_note)
         WHERE id = v_op.id RETURNING * INTO v_op;
    END IF;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES (CASE WHEN p_approve THEN 'approve' ELSE 'reject' END, p_key::text,
            jsonb_build_object('initiated_by', v_op.initiated_by, 'amount', v_op.amount, 'note', v_op.decision_note));
    PERFORM teller.notify_operation(v_op);
    RETURN ROW(v_op.key, true, v_op.status, v_op.reason, v_op.decided_by, v_op.decided_at, v_op.decision_note,
               v_op.initiated_by, v_op.balance_after)::teller.decision_result;
END
$$;

REVOKE ALL ON FUNCTION teller.decide_operation(uuid, boolean, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.decide_operation(uuid, boolean, text) TO teller_supervisors;
