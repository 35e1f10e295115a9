-- teller.perform_action: a customer's money, exactly once under its idempotency key: a
-- withdrawal (debit the customer, credit the teller's till), a deposit (debit the till, credit
-- the customer) or a transfer (debit the payer, credit the payee). A known key is answered from
-- its record (replayed). Above the teller's approval limit the operation waits for a
-- supervisor (teller.decide_operation); what it would take out of an account or a till is held
-- meanwhile. At or above the currency's large-cash threshold a cash operation needs the
-- customer's identification. The core calls it as a statement of its own, which is its own
-- transaction (core/service/ActionExecutor.cpp, DbSession::asOneStatement: one round trip).
--
-- The money path is lean: everything that needs no lock (validation, fingerprint, the staff
-- record and till, the key) happens first; then, in the common case, one conditional UPDATE
-- per account takes its row lock, checks the rule and moves the balance at once (a separate
-- SELECT ... FOR UPDATE would write a row lock and then a new row version), and one narrow
-- INSERT records the movement under its key. Anything unusual (a rule says no, a hold has
-- expired, a concurrent attempt with the same key) goes the careful way: every account locked
-- first, the whole decision made on the locked rows. Lock order everywhere: customer and branch
-- accounts by ascending id, a till last, then an operation row.
-- History: defined in 001; replaced in 004 (holds, expiry) and 006 (fewer steps on the hot
-- path); in 011 tills, the two-sided ledger, deposits under four eyes, large cash and the lean
-- path; in 012 smaller lookups (the till with its UPDATE), char(3) comparisons; in 013 a
-- transaction of its own, the teller's daily cash limit, a bound on waiting operations, plain
-- text, no money before an administrator-set password is replaced, expiry on the clock; in 016
-- the money rule for statements with bound parameters; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.perform_action(
    p_key         uuid,
    p_kind        text,
    p_account     text,
    p_counter     text,
    p_amount      bigint,
    p_currency    text,
    p_fingerprint bytea,
    p_workstation text,
    p_note        text DEFAULT NULL,
    p_id_type     text DEFAULT NULL,
    p_id_number   text DEFAULT NULL)
RETURNS teller.action_result
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c_max      constant bigint := 9223372036854775807;
    v_login    text;
    v_role     text;
    v_limit    bigint;
    v_limit_cc char(3);
    v_till     bigint;   -- the teller's till in this currency, if there is one
    v_cash     boolean := p_kind IN ('withdrawal', 'deposit');
    v_pending  boolean;
    v_status   text := 'completed';
    v_reason   text;
    v_op       teller.operations;
    v_acc      teller.accounts;   -- the account named first
    v_ctr      teller.accounts;   -- a transfer's payee
    v_tl       teller.accounts;   -- the till
    v_row      teller.accounts;
    v_acc_id   bigint;
    v_ctr_id   bigint;
    v_balance  bigint;   -- of the account named first, after
    v_held     bigint;
    v_till_after bigint;
    v_debit    bigint;   -- the movement's sides
    v_credit   bigint;
    v_fast     boolean := false;
    v_threshold bigint;  -- from here on cash needs the customer's identification
    v_expired  teller.operations;
    v_must_change boolean;
    v_day_limit bigint;  -- the teller's daily cash limit in this currency (NULL: none)
    v_staff_day bigint;
    v_tz       text;     -- the branch's time zone: its business day
    v_today    date;
    v_day_used bigint;
BEGIN
    -- 1. The request must be well formed, and its fingerprint must be the one we compute.
    IF p_key IS NULL OR p_kind IS NULL OR p_kind NOT IN ('withdrawal', 'deposit', 'transfer')
       OR p_account IS NULL OR p_account !~ '^[A-Z0-9]{1,34}$'
       OR (p_kind = 'transfer') <> (p_counter IS NOT NULL)
       OR (p_counter IS NOT NULL AND (p_counter !~ '^[A-Z0-9]{1,34}$' OR p_counter = p_account))
       OR p_amount IS NULL OR p_amount <= 0 OR p_amount > 1000000000000000
       OR p_currency IS NULL OR p_currency !~ '^[A-Z]{3}$'
       OR p_workstation IS NULL OR length(p_workstation) NOT BETWEEN 1 AND 63
       OR length(coalesce(p_note, '')) > 500
       OR NOT teller.plain_text(p_workstation) OR NOT teller.plain_text(p_note) OR NOT teller.plain_text(p_id_number)
       OR (p_id_type IS NULL) <> (p_id_number IS NULL)
       OR (p_id_type IS NOT NULL AND NOT v_cash) THEN
        RAISE EXCEPTION 'malformed action request' USING ERRCODE = '22023';
    END IF;
    IF p_fingerprint IS DISTINCT FROM teller.request_fingerprint(p_kind, p_account, p_counter, p_amount, p_currency,
                                                                 p_id_type, p_id_number) THEN
        RAISE EXCEPTION 'the request fingerprint does not match the request' USING ERRCODE = '22023';
    END IF;
    -- A money action is a transaction of its own: one action, nothing written or locked before
    -- it, in a transaction not older than a second (as teller.money_staff says).
    IF statement_timestamp() - transaction_timestamp() > interval '1 second'
       OR pg_catalog.pg_current_xact_id_if_assigned() IS NOT NULL
       OR current_setting('teller.money_action', true) = '1' THEN
        RAISE EXCEPTION 'a money action is a transaction of its own: one action, as its first statement'
            USING ERRCODE = '25001';
    END IF;
    PERFORM set_config('teller.money_action', '1', true);
    -- A confirmed payout survives a crash and a failover, whatever the session set.
    IF current_setting('synchronous_commit') IN ('off', 'local') THEN
        PERFORM set_config('synchronous_commit', 'on', true);
    END IF;

    -- 2. Who asks, whether the key is known and, for cash, the large-cash threshold: small
    --    statements, no lock. (The till comes with its UPDATE below. One statement with
    --    sub-selects for all of it cost twice as much to run; the till's UPDATE joined with the
    --    cash rules cost more than the two apart.)
    v_login := teller.actor(); -- who acts: the login, or the member a pooled transaction names
    SELECT s.login, s.role, s.approval_limit, s.limit_currency, s.must_change_password, s.daily_cash_limit, b.time_zone
      INTO v_login, v_role, v_limit, v_limit_cc, v_must_change, v_staff_day, v_tz
      FROM teller.staff s JOIN teller.branches b ON b.id = s.branch_id
     WHERE s.login = v_login AND s.active;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'login "%" is not an active Teller staff member', v_login USING ERRCODE = '42501';
    END IF;
    IF v_role NOT IN ('teller', 'supervisor') THEN
        RAISE EXCEPTION 'only tellers and supervisors move money' USING ERRCODE = '42501';
    END IF;
    IF v_must_change THEN
        RAISE EXCEPTION 'the password of "%" was set by an administrator: choose your own before moving money', v_login
            USING ERRCODE = '42501';
    END IF;

    -- 3. A known key is answered from its record, without touching any account.
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF FOUND THEN
        RETURN teller.replay(v_op, p_fingerprint);
    END IF;
    IF v_cash THEN
        SELECT r.large_cash_threshold, coalesce(v_staff_day, r.teller_daily_limit) INTO v_threshold, v_day_limit
          FROM teller.cash_rules r WHERE r.currency = p_currency::char(3);
        v_today := (clock_timestamp() AT TIME ZONE v_tz)::date;
    END IF;

    -- Above the approval limit (in its currency) a supervisor decides: withdrawals, deposits
    -- and transfers alike.
    v_pending := v_limit IS NOT NULL AND (p_amount > v_limit OR p_currency <> v_limit_cc);
    IF v_pending AND NOT teller.may_wait(v_login, p_account, p_kind <> 'deposit') THEN
        v_status := 'rejected'; v_reason := 'too_many_waiting';
    END IF;

    -- 4. The fast path: the common case, one conditional UPDATE per account. The till's
    --    finds the teller's open till in this currency.
    IF v_reason IS NOT NULL THEN
        NULL; -- refused before any lock: recorded as it is
    ELSIF v_cash AND (p_id_type IS NOT NULL OR p_amount < v_threshold) THEN
        IF p_kind = 'withdrawal' AND NOT v_pending THEN
            UPDATE teller.accounts SET balance = balance - p_amount, updated_at = now()
             WHERE number = p_account AND kind = 'customer' AND currency = p_currency AND status = 'active'
               AND balance - held - p_amount >= balance_floor
            RETURNING id, balance, held INTO v_acc_id, v_balance, v_held;
            IF FOUND THEN
                UPDATE teller.accounts t SET balance = t.balance - p_amount, updated_at = now(), cash_day = v_today,
                       cash_day_total = CASE WHEN t.cash_day = v_today THEN least(t.cash_day_total, c_max - p_amount) ELSE 0 END
                                        + p_amount
                 WHERE t.kind = 'till' AND t.owner = v_login AND t.currency = p_currency::char(3) AND t.till_open
                   AND t.balance - t.held - p_amount >= 0
                   AND CASE WHEN t.cash_day = v_today THEN t.cash_day_total ELSE 0 END <= coalesce(v_day_limit, c_max) - p_amount
                RETURNING t.id, t.balance INTO v_till, v_till_after;
                v_fast := FOUND;
                IF NOT v_fast THEN
                    UPDATE teller.accounts SET balance = balance + p_amount WHERE id = v_acc_id;
                END IF;
            END IF;
            v_debit := v_acc_id; v_credit := v_till;
        ELSIF p_kind = 'withdrawal' THEN
            UPDATE teller.accounts SET held = held + p_amount, updated_at = now()
             WHERE number = p_account AND kind = 'customer' AND currency = p_currency AND status = 'active'
               AND balance - held - p_amount >= balance_floor
            RETURNING id, balance, held INTO v_acc_id, v_balance, v_held;
            IF FOUND THEN
                UPDATE teller.accounts t SET held = t.held + p_amount, updated_at = now()
                 WHERE t.kind = 'till' AND t.owner = v_login AND t.currency = p_currency::char(3) AND t.till_open
                   AND t.balance - t.held - p_amount >= 0
                RETURNING t.id, t.balance - t.held INTO v_till, v_till_after;
                v_fast := FOUND;
                IF NOT v_fast THEN
                    UPDATE teller.accounts SET held = held - p_amount WHERE id = v_acc_id;
                END IF;
            END IF;
            v_debit := v_acc_id; v_credit := v_till; v_status := 'pending_approval';
        ELSIF NOT v_pending THEN -- a deposit
            UPDATE teller.accounts SET balance = balance + p_amount, updated_at = now()
             WHERE number = p_account AND kind = 'customer' AND currency = p_currency AND status <> 'closed'
               AND balance <= c_max - p_amount
            RETURNING id, balance, held INTO v_acc_id, v_balance, v_held;
            IF FOUND THEN
                UPDATE teller.accounts t SET balance = t.balance + p_amount, updated_at = now(), cash_day = v_today,
                       cash_day_total = CASE WHEN t.cash_day = v_today THEN least(t.cash_day_total, c_max - p_amount) ELSE 0 END
                                        + p_amount
                 WHERE t.kind = 'till' AND t.owner = v_login AND t.currency = p_currency::char(3) AND t.till_open
                   AND t.balance <= c_max - p_amount
                   AND CASE WHEN t.cash_day = v_today THEN t.cash_day_total ELSE 0 END <= coalesce(v_day_limit, c_max) - p_amount
                RETURNING t.id, t.balance INTO v_till, v_till_after;
                v_fast := FOUND;
                IF NOT v_fast THEN
                    UPDATE teller.accounts SET balance = balance - p_amount WHERE id = v_acc_id;
                END IF;
            END IF;
            v_debit := v_till; v_credit := v_acc_id;
        END IF;
    ELSIF p_kind = 'transfer' THEN
        SELECT min(id) FILTER (WHERE number = p_account), min(id) FILTER (WHERE number = p_counter)
          INTO v_acc_id, v_ctr_id
          FROM teller.accounts WHERE number IN (p_account, p_counter) AND kind = 'customer';
        IF v_acc_id IS NOT NULL AND v_ctr_id IS NOT NULL AND NOT v_pending THEN
            IF v_acc_id < v_ctr_id THEN
                UPDATE teller.accounts SET balance = balance - p_amount, updated_at = now()
                 WHERE id = v_acc_id AND currency = p_currency AND status = 'active'
                   AND balance - held - p_amount >= balance_floor
                RETURNING balance, held INTO v_balance, v_held;
                IF FOUND THEN
                    UPDATE teller.accounts SET balance = balance + p_amount, updated_at = now()
                     WHERE id = v_ctr_id AND currency = p_currency AND status <> 'closed' AND balance <= c_max - p_amount;
                    v_fast := FOUND;
                    IF NOT v_fast THEN
                        UPDATE teller.accounts SET balance = balance + p_amount WHERE id = v_acc_id;
                    END IF;
                END IF;
            ELSE
                UPDATE teller.accounts SET balance = balance + p_amount, updated_at = now()
                 WHERE id = v_ctr_id AND currency = p_currency AND status <> 'closed' AND balance <= c_max - p_amount;
                IF FOUND THEN
                    UPDATE teller.accounts SET balance = balance - p_amount, updated_at = now()
                     WHERE id = v_acc_id AND currency = p_currency AND status = 'active'
                       AND balance - held - p_amount >= balance_floor
                    RETURNING balance, held INTO v_balance, v_held;
                    v_fast := FOUND;
                    IF NOT v_fast THEN
                        UPDATE teller.accounts SET balance = balance - p_amount WHERE id = v_ctr_id;
                    END IF;
                END IF;
            END IF;
            v_debit := v_acc_id; v_credit := v_ctr_id;
        END IF;
    END IF;

    -- 5. The careful path: every account locked first (customers by ascending id, the till
    --    last), expired holds released, then the whole decision on the locked rows.
    IF NOT v_fast AND v_reason IS NULL THEN
        v_status := 'completed';
        v_till_after := NULL;
        IF v_cash THEN
            SELECT t.id INTO v_till FROM teller.accounts t
             WHERE t.kind = 'till' AND t.owner = v_login AND t.currency = p_currency::char(3);
        END IF;
        IF p_kind = 'transfer' THEN
            FOR v_row IN
                SELECT * FROM teller.accounts WHERE number IN (p_account, p_counter) ORDER BY id FOR UPDATE
            LOOP
                IF v_row.number = p_account THEN
                    v_acc := v_row;
                ELSE
                    v_ctr := v_row;
                END IF;
            END LOOP;
        ELSE
            SELECT * INTO v_acc FROM teller.accounts WHERE number = p_account FOR UPDATE;
            IF v_till IS NOT NULL THEN
                SELECT * INTO v_tl FROM teller.accounts WHERE id = v_till FOR UPDATE;
            END IF;
        END IF;

        -- Holds whose approval did not come in time no longer count.
        IF v_acc.held > 0 OR v_tl.held > 0 THEN
            FOR v_expired IN
                SELECT * FROM teller.operations
                 WHERE status = 'pending_approval' AND expires_at <= clock_timestamp()
                   AND (debit_account_id IN (v_acc.id, v_tl.id) OR credit_account_id IN (v_acc.id, v_tl.id))
                 ORDER BY id FOR UPDATE
            LOOP
                PERFORM teller.expire_locked(v_expired);
            END LOOP;
            SELECT * INTO v_acc FROM teller.accounts WHERE id = v_acc.id;
            IF v_tl.id IS NOT NULL THEN
                SELECT * INTO v_tl FROM teller.accounts WHERE id = v_tl.id;
            END IF;
        END IF;

        IF v_acc.id IS NULL OR v_acc.kind <> 'customer'
           OR (p_kind = 'transfer' AND (v_ctr.id IS NULL OR v_ctr.kind <> 'customer')) THEN
            v_status := 'rejected'; v_reason := 'unknown_account';
        ELSIF v_acc.currency <> p_currency OR (p_kind = 'transfer' AND v_ctr.currency <> p_currency) THEN
            v_status := 'rejected'; v_reason := 'currency_mismatch';
        ELSIF v_acc.status = 'closed' OR (p_kind = 'transfer' AND v_ctr.status = 'closed') THEN
            v_status := 'rejected'; v_reason := 'account_closed';
        ELSIF p_kind <> 'deposit' AND v_acc.status = 'frozen' THEN
            -- A freeze stops money leaving an account; deposits into it are still accepted.
            v_status := 'rejected'; v_reason := 'account_frozen';
        ELSIF p_kind <> 'deposit' AND v_acc.balance - v_acc.held - p_amount < v_acc.balance_floor THEN
            v_status := 'rejected'; v_reason := 'insufficient_funds';
        ELSIF (p_kind = 'deposit' AND v_acc.balance > c_max - p_amount)
              OR (p_kind = 'transfer' AND v_ctr.balance > c_max - p_amount) THEN
            v_status := 'rejected'; v_reason := 'balance_limit';
        ELSIF v_cash AND (v_tl.id IS NULL OR NOT v_tl.till_open) THEN
            v_status := 'rejected'; v_reason := 'till_not_open';
        ELSIF p_kind = 'withdrawal' AND v_tl.balance - v_tl.held - p_amount < 0 THEN
            v_status := 'rejected'; v_reason := 'insufficient_till_cash';
        ELSIF p_kind = 'deposit' AND v_tl.balance > c_max - p_amount THEN
            v_status := 'rejected'; v_reason := 'balance_limit';
        ELSIF v_cash AND p_id_type IS NULL AND p_amount >= v_threshold THEN
            v_status := 'rejected'; v_reason := 'identification_required';
        ELSIF v_pending THEN
            v_status := 'pending_approval';
        ELSIF v_cash AND v_day_limit IS NOT NULL THEN
            -- Cash beyond the teller's daily limit waits for a supervisor.
            v_day_used := CASE WHEN v_tl.cash_day = v_today THEN v_tl.cash_day_total ELSE 0 END;
            IF v_day_used > v_day_limit - p_amount THEN
                IF teller.may_wait(v_login, p_account, p_kind <> 'deposit') THEN
                    v_status := 'pending_approval';
                ELSE
                    v_status := 'rejected'; v_reason := 'too_many_waiting';
                END IF;
            END IF;
        END IF;

        v_acc_id := v_acc.id;
        v_balance := v_acc.balance;
        v_held := v_acc.held;
        v_debit := NULL; v_credit := NULL;
        IF v_status IN ('completed', 'pending_approval') THEN
            v_debit := CASE p_kind WHEN 'deposit' THEN v_tl.id ELSE v_acc.id END;
            v_credit := CASE p_kind WHEN 'withdrawal' THEN v_tl.id WHEN 'deposit' THEN v_acc.id ELSE v_ctr.id END;
        END IF;
        IF v_status = 'completed' THEN
            v_balance := v_balance + CASE WHEN p_kind = 'deposit' THEN p_amount ELSE -p_amount END;
            UPDATE teller.accounts SET balance = v_balance, updated_at = now() WHERE id = v_acc.id;
            IF p_kind = 'transfer' THEN
                UPDATE teller.accounts SET balance = balance + p_amount, updated_at = now() WHERE id = v_ctr.id;
            ELSE
                UPDATE teller.accounts
                   SET balance = balance + CASE WHEN p_kind = 'deposit' THEN p_amount ELSE -p_amount END,
                       updated_at = now(), cash_day = v_today,
                       cash_day_total = CASE WHEN cash_day = v_today THEN least(cash_day_total, c_max - p_amount) ELSE 0 END
                                        + p_amount
                 WHERE id = v_tl.id RETURNING balance INTO v_till_after;
            END IF;
        ELSIF v_status = 'pending_approval' AND p_kind <> 'deposit' THEN
            -- Held on every account the movement would take from: the payer's (or customer's)
            -- available balance and, for cash, the till's.
            v_held := v_held + p_amount;
            UPDATE teller.accounts SET held = v_held, updated_at = now() WHERE id = v_acc.id;
            IF p_kind = 'withdrawal' THEN
                UPDATE teller.accounts SET held = held + p_amount, updated_at = now()
                 WHERE id = v_tl.id RETURNING balance - held INTO v_till_after;
            END IF;
        END IF;
        v_ctr_id := v_ctr.id;
    END IF;

    -- 6. Record the movement (or the decision) under the key. A concurrent attempt with the
    --    same key that committed while we waited for a lock has moved the money already: ours
    --    is undone by a serialization failure, and the retry is answered from its record.
    INSERT INTO teller.operations AS o
        (key, kind, account_number, counter_account_number, account_id, counter_account_id,
         debit_account_id, credit_account_id, amount, currency, fingerprint, status, reason,
         balance_after, available_after, till_after, note, initiated_by, workstation, expires_at)
    VALUES
        (p_key, p_kind, p_account, p_counter, v_acc_id, v_ctr_id, v_debit, v_credit, p_amount, p_currency,
         p_fingerprint, v_status, v_reason, v_balance,
         v_balance - v_held, v_till_after, nullif(btrim(p_note), ''), v_login, p_workstation,
         CASE WHEN v_status = 'pending_approval'
              THEN clock_timestamp() + make_interval(mins => teller.setting('approval_hold_minutes')::int) END)
    ON CONFLICT (key) DO NOTHING
    RETURNING o.* INTO v_op;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'a concurrent attempt with key % was recorded first', p_key USING ERRCODE = '40001';
    END IF;
    IF p_id_type IS NOT NULL AND v_status IN ('completed', 'pending_approval') THEN
        INSERT INTO teller.cash_identifications (key, document_type, document_number)
        VALUES (p_key, p_id_type, btrim(p_id_number));
    END IF;
    IF v_status = 'pending_approval' THEN
        PERFORM teller.notify_operation(v_op);
    END IF;

    RETURN ROW(v_op.key, v_op.status, v_op.reason, false, v_op.id, v_op.kind, v_op.account_number,
               v_op.counter_account_number, v_op.amount, v_op.currency::text, v_op.balance_after,
               v_op.available_after, v_op.created_at, v_op.initiated_by, v_op.workstation,
               v_op.till_after)::teller.action_result;
END
$$;

REVOKE ALL ON FUNCTION teller.perform_action(uuid, text, text, text, bigint, text, bytea, text, text, text, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.perform_action(uuid, text, text, text, bigint, text, bytea, text, text, text, text)
    TO teller_tellers, teller_supervisors;
