-- teller.decide_operation: four eyes: a supervisor approves a pending operation (its movement
-- posts and the holds are released) or rejects it with a reason (the holds are released);
-- nobody decides their own. A withdrawal, deposit or transfer above the teller's limit, an
-- over/short found when a till is counted, and a reversal all wait here. Locks the
-- operation's accounts (teller.lock_sides), then the operation, as perform_action does, so they
-- never deadlock; if somebody decided first (or time ran out) it says who and how. Called by
-- core/service/Supervision.cpp.
-- A decision is a money action: a transaction of its own (teller.money_staff). Approved cash
-- counts towards the teller's daily cash limit.
-- History: defined in 004; in 011 every kind of movement, two-sided; in 013 a transaction of
-- its own, plain notes, the daily cash count; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.decide_operation(p_key uuid, p_approve boolean, p_note text)
RETURNS teller.decision_result
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff teller.staff;
    v_op    teller.operations;
    v_row   teller.accounts;
    v_named teller.accounts;  -- the account the operation names first (its balance_after)
    v_till  bigint;           -- the till's cash after, if a till moved
BEGIN
    IF p_key IS NULL OR p_approve IS NULL OR length(coalesce(p_note, '')) > 500 OR NOT teller.plain_text(p_note) THEN
        RAISE EXCEPTION 'malformed decision' USING ERRCODE = '22023';
    END IF;
    IF NOT p_approve AND length(btrim(coalesce(p_note, ''))) = 0 THEN
        RAISE EXCEPTION 'a rejection needs a reason' USING ERRCODE = '22023';
    END IF;
    v_staff := teller.money_staff();
    IF v_staff.role <> 'supervisor' THEN
        RAISE EXCEPTION 'only supervisors approve or reject operations' USING ERRCODE = '42501';
    END IF;

    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF NOT FOUND OR v_op.kind IS NULL THEN
        RAISE EXCEPTION 'no operation with key %', p_key USING ERRCODE = 'P0002';
    END IF;
    IF v_op.initiated_by = teller.actor() THEN
        RAISE EXCEPTION 'nobody approves or rejects their own operation' USING ERRCODE = '42501';
    END IF;

    -- The accounts first, then the operation: the order of every money function.
    IF v_op.status = 'pending_approval' THEN
        PERFORM teller.lock_sides(v_op.debit_account_id, v_op.credit_account_id);
    END IF;
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key FOR UPDATE;

    IF v_op.status = 'pending_approval' AND v_op.expires_at <= clock_timestamp() THEN
        v_op := teller.expire_locked(v_op);
    END IF;
    IF v_op.status <> 'pending_approval' THEN
        -- Somebody decided first (or time ran out): nothing changes; say who and how.
        RETURN ROW(v_op.key, false, v_op.status, v_op.reason, v_op.decided_by, v_op.decided_at,
                   v_op.decision_note, v_op.initiated_by, v_op.balance_after)::teller.decision_result;
    END IF;

    IF p_approve THEN
        -- What was held is there; what receives the money must be able to take it.
        FOR v_row IN SELECT * FROM teller.accounts WHERE id IN (v_op.debit_account_id, v_op.credit_account_id) LOOP
            IF v_row.kind = 'customer' AND v_row.status = 'closed' THEN
                RAISE EXCEPTION 'account % is closed: reject the operation instead', v_row.number USING ERRCODE = '55000';
            END IF;
            IF v_row.kind = 'customer' AND v_row.status = 'frozen'
               AND teller.side_delta(v_row.kind, v_row.id = v_op.debit_account_id, v_op.amount) < 0 THEN
                RAISE EXCEPTION 'account % is frozen: reject the operation instead', v_row.number USING ERRCODE = '55000';
            END IF;
            IF v_row.kind = 'till' AND NOT v_row.till_open AND v_op.kind NOT IN ('till_open', 'till_close')
               AND teller.side_delta(v_row.kind, v_row.id = v_op.debit_account_id, v_op.amount) > 0 THEN
                RAISE EXCEPTION 'the till % is closed: reject the operation instead, or have it opened', v_row.number
                    USING ERRCODE = '55000';
            END IF;
        END LOOP;
        FOR v_row IN SELECT * FROM teller.move_locked(v_op, 'post_held') LOOP
            IF v_row.id = v_op.account_id THEN
                v_named := v_row;
            END IF;
            IF v_row.kind = 'till' THEN
                v_till := v_row.balance - v_row.held;
            END IF;
        END LOOP;
        IF v_op.kind IN ('withdrawal', 'deposit') THEN
            -- Approved cash counts towards the teller's day, in their branch's time zone.
            UPDATE teller.accounts t
               SET cash_day = d.day,
                   cash_day_total = CASE WHEN t.cash_day = d.day THEN least(t.cash_day_total, 9223372036854775807 - v_op.amount)
                                         ELSE 0 END + v_op.amount
              FROM (SELECT (clock_timestamp() AT TIME ZONE b.time_zone)::date AS day
                      FROM teller.staff s JOIN teller.branches b ON b.id = s.branch_id
                     WHERE s.login = v_op.initiated_by) d
             WHERE t.id IN (v_op.debit_account_id, v_op.credit_account_id) AND t.kind = 'till';
        END IF;
        UPDATE teller.operations
           SET status = 'completed', balance_after = v_named.balance, available_after = v_named.balance - v_named.held,
               till_after = coalesce(v_till, till_after), decided_by = v_staff.login, decided_at = clock_timestamp(),
               decision_note = nullif(btrim(p_note), '')
         WHERE id = v_op.id RETURNING * INTO v_op;
    ELSE
        FOR v_row IN SELECT * FROM teller.move_locked(v_op, 'release') LOOP
            IF v_row.id = v_op.account_id THEN
                v_named := v_row;
            END IF;
        END LOOP;
        IF v_named.id IS NULL THEN
            SELECT * INTO v_named FROM teller.accounts WHERE id = v_op.account_id;
        END IF;
        UPDATE teller.operations
           SET status = 'rejected', reason = 'supervisor_rejected', balance_after = v_named.balance,
               available_after = v_named.balance - v_named.held, decided_by = v_staff.login, decided_at = clock_timestamp(),
               decision_note = btrim(p_note)
         WHERE id = v_op.id RETURNING * INTO v_op;
    END IF;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES (CASE WHEN p_approve THEN 'approve' ELSE 'reject' END, p_key::text,
            jsonb_build_object('initiated_by', v_op.initiated_by, 'kind', v_op.kind, 'amount', v_op.amount,
                               'note', v_op.decision_note));
    PERFORM teller.notify_operation(v_op);
    RETURN ROW(v_op.key, true, v_op.status, v_op.reason, v_op.decided_by, v_op.decided_at, v_op.decision_note,
               v_op.initiated_by, v_op.balance_after)::teller.decision_result;
END
$$;

REVOKE ALL ON FUNCTION teller.decide_operation(uuid, boolean, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.decide_operation(uuid, boolean, text) TO teller_supervisors;
