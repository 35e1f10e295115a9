-- 006 lean perform_action: the same rules, fewer steps on the hot path (measured with
-- tests/bench/compare.sh, see docs/PERFORMANCE.md):
--   * the staff row is read inline instead of through a nested SECURITY DEFINER call;
--   * a withdrawal or deposit locks its one account with a plain SELECT … FOR UPDATE INTO
--     (no cursor); a transfer still locks both accounts in ascending id order;
--   * the answer is built inline; helper functions lose their SET search_path clauses (they
--     are not SECURITY DEFINER, not callable by staff, and name every object with its
--     schema), so PostgreSQL can inline them instead of switching settings on every call.

ALTER FUNCTION teller.as_result(teller.operations, boolean) RESET search_path;
ALTER FUNCTION teller.replay(teller.operations, bytea) RESET search_path;
ALTER FUNCTION teller.setting(text) RESET search_path;
ALTER FUNCTION teller.notify_operation(teller.operations) RESET search_path;

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
    v_acc     teller.accounts;  -- the account named first: debited, or credited by a deposit
    v_ctr     teller.accounts;  -- a transfer's receiving account
    v_first   bigint;
    v_second  bigint;
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

    SELECT * INTO v_staff FROM teller.staff WHERE login = session_user AND active;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'login "%" is not an active Teller staff member', session_user USING ERRCODE = '42501';
    END IF;
    IF v_staff.role NOT IN ('teller', 'supervisor') THEN
        RAISE EXCEPTION 'only tellers and supervisors move money' USING ERRCODE = '42501';
    END IF;

    -- 2. A known key is answered from its record, without touching any account.
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF FOUND THEN
        RETURN teller.replay(v_op, p_fingerprint);
    END IF;

    -- 3. Lock every account touched, in ascending id order (two transfers in opposite
    --    directions then queue instead of deadlocking). Nothing that could be done before the
    --    lock is done after it.
    IF p_counter IS NULL THEN
        SELECT * INTO v_acc FROM teller.accounts WHERE number = p_account FOR UPDATE;
    ELSE
        SELECT min(id), max(id) INTO v_first, v_second FROM teller.accounts WHERE number IN (p_account, p_counter);
        IF v_first IS NOT NULL THEN
            SELECT * INTO v_acc FROM teller.accounts WHERE id = v_first FOR UPDATE;
            IF v_second <> v_first THEN
                SELECT * INTO v_ctr FROM teller.accounts WHERE id = v_second FOR UPDATE;
            END IF;
            IF v_acc.number <> p_account THEN -- the counter account has the lower id
                DECLARE
                    t teller.accounts;
                BEGIN
                    t := v_acc;
                    v_acc := v_ctr;
                    v_ctr := t;
                END;
            END IF;
            IF v_ctr.number IS DISTINCT FROM p_counter THEN
                v_ctr := NULL;
            END IF;
            IF v_acc.number IS DISTINCT FROM p_account THEN
                v_acc := NULL;
            END IF;
        END IF;
    END IF;

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

    -- 5. Record the outcome under the key. If another attempt with this key got here first,
    --    it has committed by now (we waited for its locks): ON CONFLICT yields no row.
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

    RETURN ROW(v_op.key, v_op.status, v_op.reason, false, v_op.id, v_op.kind, v_op.account_number,
               v_op.counter_account_number, v_op.amount, v_op.currency::text, v_op.balance_after,
               v_op.available_after, v_op.created_at, v_op.initiated_by, v_op.workstation)::teller.action_result;
END
$$;

REVOKE ALL ON FUNCTION teller.perform_action(uuid, text, text, text, bigint, text, bytea, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION teller.perform_action(uuid, text, text, text, bigint, text, bytea, text, text)
    TO teller_tellers, teller_supervisors;
