-- 004 approvals: four eyes. A withdrawal or transfer above the initiator's approval limit is
-- recorded as pending_approval with its amount held on the account (003 and before). Here a
-- supervisor approves it (the debit posts, the hold is released) or rejects it with a reason
-- (the hold is released); an unapproved hold expires. Everything is announced with NOTIFY.
--
-- Lock order, everywhere: the accounts of an operation (ascending id), then the operation row.
-- perform_action, decide_operation and the expiry all follow it, so they never deadlock.

-- Workstations report actions they could not confirm, so that supervisors see them.
CREATE TABLE teller.doubt_reports (
    key            uuid PRIMARY KEY,
    reported_by    text NOT NULL,
    workstation    text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('withdrawal', 'deposit', 'transfer')),
    account_number text NOT NULL,
    counter_account_number text,
    amount         bigint NOT NULL CHECK (amount > 0),
    currency       char(3) NOT NULL,
    message        text CHECK (length(message) <= 1000),
    reported_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX operations_decided_recent ON teller.operations (decided_at DESC) WHERE decided_at IS NOT NULL;
CREATE INDEX operations_pending_account ON teller.operations (account_id) WHERE status = 'pending_approval';

-- What a decision returns: the operation as it now stands, and whether this call decided it.
CREATE TYPE teller.decision_result AS (
    key           uuid,
    decided       boolean,   -- true: this call made the decision; false: it was already made
    status        text,
    reason        text,
    decided_by    text,
    decided_at    timestamptz,
    decision_note text,
    initiated_by  text,
    balance_after bigint
);

CREATE FUNCTION teller.notify_operation(p_op teller.operations) RETURNS void
LANGUAGE sql SET search_path = pg_catalog, pg_temp
RETURN pg_notify('teller_operations', json_build_object(
    'key', p_op.key, 'status', p_op.status, 'account', p_op.account_number,
    'initiated_by', p_op.initiated_by, 'decided_by', p_op.decided_by)::text);

-- Releases the hold of one pending operation whose time is up. The caller holds the lock on
-- the operation's account and on the operation.
CREATE FUNCTION teller.expire_locked(p_op teller.operations) RETURNS teller.operations
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v teller.operations;
BEGIN
    UPDATE teller.accounts SET held = held - p_op.amount, updated_at = now() WHERE id = p_op.account_id;
    UPDATE teller.operations SET status = 'expired', decided_at = now()
     WHERE id = p_op.id RETURNING * INTO v;
    PERFORM teller.notify_operation(v);
    RETURN v;
END
$$;

-- Expires every pending operation past its time. Safe to call from anywhere at any time (the
-- supervisor panel does, every few seconds); returns how many it expired.
CREATE FUNCTION teller.expire_holds() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_candidate record;
    v_op        teller.operations;
    v_count     integer := 0;
BEGIN
    PERFORM teller.session_staff();
    FOR v_candidate IN
        SELECT id, account_id FROM teller.operations
         WHERE status = 'pending_approval' AND expires_at <= now() ORDER BY account_id
    LOOP
        PERFORM 1 FROM teller.accounts WHERE id = v_candidate.account_id FOR UPDATE;
        SELECT * INTO v_op FROM teller.operations WHERE id = v_candidate.id FOR UPDATE;
        IF v_op.status = 'pending_approval' AND v_op.expires_at <= now() THEN
            PERFORM teller.expire_locked(v_op);
            v_count := v_count + 1;
        END IF;
    END LOOP;
    RETURN v_count;
END
$$;

CREATE FUNCTION teller.decide_operation(p_key uuid, p_approve boolean, p_note text)
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

-- A workstation tells the supervisors about an action it could not confirm.
CREATE FUNCTION teller.report_doubt(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint,
                                    p_currency text, p_workstation text, p_message text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff teller.staff;
BEGIN
    v_staff := teller.session_staff();
    INSERT INTO teller.doubt_reports (key, reported_by, workstation, kind, account_number, counter_account_number,
                                      amount, currency, message)
    VALUES (p_key, v_staff.login, p_workstation, p_kind, p_account, p_counter, p_amount, p_currency, left(p_message, 1000))
    ON CONFLICT (key) DO UPDATE SET message = EXCLUDED.message, reported_at = now()
        WHERE teller.doubt_reports.reported_by = v_staff.login;
    PERFORM pg_notify('teller_operations', json_build_object('key', p_key, 'status', 'in_doubt',
                                                             'account', p_account, 'initiated_by', v_staff.login)::text);
END
$$;

-- perform_action learns two things: a pending amount is announced, and holds whose time is
-- up are released (under the account's lock) before the funds are checked, so a forgotten
-- approval never blocks an account for longer than its expiry.
CREATE OR REPLACE FUNCTION teller.perform_action(
    p_key         uuid,
    p_kind        text,
    p_account     text,
    p_counter     text,
    p_amount      bigint,
    p_currency    text,
    p_fingerprint bytea,
    p_workstation text,
    p_note        text DEFAULT NULL)
RETURNS teller.action_result
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff   teller.staff;
    v_op      teller.operations;
    v_row     teller.accounts;
    v_acc     teller.accounts;  -- the account named first: debited, or credited by a deposit
    v_ctr     teller.accounts;  -- a transfer's receiving account
    v_debit   boolean := p_kind IN ('withdrawal', 'transfer');
    v_status  text := 'completed';
    v_reason  text;
    v_balance bigint;
    v_held    bigint;
    v_expired teller.operations;
    c_max     constant bigint := 9223372036854775807;
BEGIN
    -- 1. The request must be well formed, and its fingerprint must be the one we compute.
    IF p_key IS NULL OR p_kind IS NULL OR p_kind NOT IN ('withdrawal', 'deposit', 'transfer')
       OR p_account IS NULL OR p_account !~ '^[A-Z0-9]{1,34}$'
       OR (p_kind = 'transfer') <> (p_counter IS NOT NULL)
       OR (p_counter IS NOT NULL AND (p_counter !~ '^[A-Z0-9]{1,34}$' OR p_counter = p_account))
       OR p_amount IS NULL OR p_amount <= 0 OR p_amount > 1000000000000000
       OR p_currency IS NULL OR p_currency !~ '^[A-Z]{3}$'
       OR p_workstation IS NULL OR length(p_workstation) NOT BETWEEN 1 AND 63
       OR length(coalesce(p_note, '')) > 500 THEN
        RAISE EXCEPTION 'malformed action request' USING ERRCODE = '22023';
    END IF;
    IF p_fingerprint IS DISTINCT FROM teller.request_fingerprint(p_kind, p_account, p_counter, p_amount, p_currency) THEN
        RAISE EXCEPTION 'the request fingerprint does not match the request' USING ERRCODE = '22023';
    END IF;

    v_staff := teller.session_staff();
    IF v_staff.role NOT IN ('teller', 'supervisor') THEN
        RAISE EXCEPTION 'only tellers and supervisors move money' USING ERRCODE = '42501';
    END IF;

    -- 2. A known key is answered from its record, without touching any account.
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF FOUND THEN
        RETURN teller.replay(v_op, p_fingerprint);
    END IF;

    -- 3. Lock every account touched, in ascending id order.
    FOR v_row IN
        SELECT * FROM teller.accounts WHERE number IN (p_account, p_counter) ORDER BY id FOR UPDATE
    LOOP
        IF v_row.number = p_account THEN
            v_acc := v_row;
        ELSE
            v_ctr := v_row;
        END IF;
    END LOOP;

    -- 3b. Holds whose approval did not come in time no longer count.
    IF v_acc.held > 0 THEN
        FOR v_expired IN
            SELECT * FROM teller.operations
             WHERE account_id = v_acc.id AND status = 'pending_approval' AND expires_at <= now()
             ORDER BY id FOR UPDATE
        LOOP
            PERFORM teller.expire_locked(v_expired);
            v_acc.held := v_acc.held - v_expired.amount;
        END LOOP;
    END IF;

    -- 4. Decide.
    IF v_acc.id IS NULL OR (p_kind = 'transfer' AND v_ctr.id IS NULL) THEN
        v_status := 'rejected'; v_reason := 'unknown_account';
    ELSIF v_acc.currency <> p_currency OR (p_kind = 'transfer' AND v_ctr.currency <> p_currency) THEN
        v_status := 'rejected'; v_reason := 'currency_mismatch';
    ELSIF v_acc.status = 'closed' OR (p_kind = 'transfer' AND v_ctr.status = 'closed') THEN
        v_status := 'rejected'; v_reason := 'account_closed';
    ELSIF v_debit AND v_acc.status = 'frozen' THEN
        v_status := 'rejected'; v_reason := 'account_frozen';
    ELSIF v_debit AND v_acc.balance - v_acc.held - p_amount < v_acc.balance_floor THEN
        v_status := 'rejected'; v_reason := 'insufficient_funds';
    ELSIF (p_kind = 'deposit' AND v_acc.balance > c_max - p_amount)
          OR (p_kind = 'transfer' AND v_ctr.balance > c_max - p_amount) THEN
        v_status := 'rejected'; v_reason := 'balance_limit';
    ELSIF v_debit AND v_staff.approval_limit IS NOT NULL
          AND (p_amount > v_staff.approval_limit OR p_currency <> v_staff.limit_currency) THEN
        v_status := 'pending_approval';
    END IF;

    v_balance := v_acc.balance;
    v_held := v_acc.held;
    IF v_status = 'completed' THEN
        v_balance := v_balance + CASE WHEN v_debit THEN -p_amount ELSE p_amount END;
    ELSIF v_status = 'pending_approval' THEN
        v_held := v_held + p_amount;
    END IF;

    -- 5. Record the outcome under the key.
    INSERT INTO teller.operations AS o
        (key, kind, account_number, counter_account_number, account_id, counter_account_id, amount,
         currency, fingerprint, status, reason, balance_after, available_after, note, initiated_by,
         workstation, expires_at)
    VALUES
        (p_key, p_kind, p_account, p_counter, v_acc.id, v_ctr.id, p_amount, p_currency, p_fingerprint,
         v_status, v_reason, v_balance, v_balance - v_held, nullif(btrim(p_note), ''), v_staff.login,
         p_workstation,
         CASE WHEN v_status = 'pending_approval'
              THEN now() + make_interval(mins => teller.setting('approval_hold_minutes')::int) END)
    ON CONFLICT (key) DO NOTHING
    RETURNING o.* INTO v_op;
    IF NOT FOUND THEN
        SELECT * INTO STRICT v_op FROM teller.operations WHERE key = p_key;
        RETURN teller.replay(v_op, p_fingerprint);
    END IF;

    -- 6. Move the money, or hold it for approval.
    IF v_status = 'completed' THEN
        IF p_kind = 'transfer' THEN
            UPDATE teller.accounts
               SET balance = balance + CASE WHEN id = v_acc.id THEN -p_amount ELSE p_amount END,
                   updated_at = now()
             WHERE id IN (v_acc.id, v_ctr.id);
            INSERT INTO teller.ledger_entries (operation_id, account_id, amount, balance_after)
            VALUES (v_op.id, v_acc.id, -p_amount, v_balance),
                   (v_op.id, v_ctr.id, p_amount, v_ctr.balance + p_amount);
        ELSE
            UPDATE teller.accounts SET balance = v_balance, updated_at = now() WHERE id = v_acc.id;
            INSERT INTO teller.ledger_entries (operation_id, account_id, amount, balance_after)
            VALUES (v_op.id, v_acc.id, CASE WHEN v_debit THEN -p_amount ELSE p_amount END, v_balance);
        END IF;
    ELSIF v_status = 'pending_approval' THEN
        UPDATE teller.accounts SET held = v_held, updated_at = now() WHERE id = v_acc.id;
        PERFORM teller.notify_operation(v_op);
    END IF;

    RETURN teller.as_result(v_op, false);
END
$$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA teller FROM PUBLIC;
GRANT EXECUTE ON FUNCTION teller.perform_action(uuid, text, text, text, bigint, text, bytea, text, text)
    TO teller_tellers, teller_supervisors;
GRANT EXECUTE ON FUNCTION teller.action_status(uuid) TO teller_staff;
GRANT EXECUTE ON FUNCTION teller.request_fingerprint(text, text, text, bigint, text) TO teller_staff;
GRANT EXECUTE ON FUNCTION teller.set_account_status(text, text) TO teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.open_account(text, text, text, bigint) TO teller_admins;
GRANT EXECUTE ON FUNCTION teller.add_staff(text, text, text, bigint, text) TO teller_admins;
GRANT EXECUTE ON FUNCTION teller.invariant_violations() TO teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.abandon_action(uuid, text) TO teller_tellers, teller_supervisors;
GRANT EXECUTE ON FUNCTION teller.decide_operation(uuid, boolean, text) TO teller_supervisors;
GRANT EXECUTE ON FUNCTION teller.expire_holds() TO teller_staff;
GRANT EXECUTE ON FUNCTION teller.report_doubt(uuid, text, text, text, bigint, text, text, text) TO teller_staff;
GRANT SELECT ON teller.doubt_reports TO teller_supervisors, teller_admins;
