-- teller.count_till: a teller opens or closes their till in a currency with the cash counted
-- (p_counted, minor units; by denomination if given: {"value in minor units": count}, which
-- must add up to it). What the book says (the till's balance, i.e. what it held at its last
-- close) is the expected amount; a difference is an over/short, posted against the branch's
-- cash-over/short account: within the bank's tolerance at once, beyond it waiting for a
-- supervisor (teller.decide_operation; the shortage is held on the till meanwhile). Opening
-- makes the till if the teller has none in the currency yet. A till with a difference still
-- waiting, or (to close) with operations waiting that hold its cash, is not counted again.
-- Exactly once under its key, like every money function. Called by core/service/Cash.cpp.
-- History: defined in 011; in 012 the currency compared as char(3); in 013 a transaction of its
-- own (teller.money_staff), plain text.

CREATE OR REPLACE FUNCTION teller.count_till(p_key uuid, p_kind text, p_currency text, p_counted bigint,
                                             p_denominations jsonb, p_workstation text)
RETURNS teller.cash_result
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff     teller.staff;
    v_op        teller.operations;
    v_fp        bytea;
    v_till      teller.accounts;
    v_os        teller.accounts;
    v_row       teller.accounts;
    v_sum       numeric := 0;
    v_entry     record;
    v_value     bigint;
    v_count     bigint;
    v_expected  bigint;
    v_diff      bigint;
    v_tolerance bigint;
    v_balance   bigint;
    v_held      bigint;
    v_status    text := 'completed';
    v_reason    text;
BEGIN
    IF p_key IS NULL OR p_kind IS NULL OR p_kind NOT IN ('open', 'close')
       OR p_currency IS NULL OR NOT EXISTS (SELECT FROM teller.currencies WHERE code = p_currency)
       OR p_counted IS NULL OR p_counted < 0 OR p_counted > 1000000000000000
       OR p_workstation IS NULL OR length(p_workstation) NOT BETWEEN 1 AND 63 OR NOT teller.plain_text(p_workstation)
       OR (p_denominations IS NOT NULL AND jsonb_typeof(p_denominations) <> 'object') THEN
        RAISE EXCEPTION 'malformed till count' USING ERRCODE = '22023';
    END IF;
    IF p_denominations IS NOT NULL THEN
        FOR v_entry IN SELECT key, value FROM jsonb_each(p_denominations) LOOP
            IF v_entry.key !~ '^[1-9][0-9]{0,14}$' OR jsonb_typeof(v_entry.value) <> 'number'
               OR v_entry.value::text !~ '^[0-9]{1,9}$' THEN
                RAISE EXCEPTION 'malformed denomination count %: %', v_entry.key, v_entry.value USING ERRCODE = '22023';
            END IF;
            v_value := v_entry.key::bigint;
            v_count := v_entry.value::text::bigint;
            IF NOT EXISTS (SELECT FROM teller.denominations d
                            WHERE d.currency = p_currency AND d.value = v_value AND d.active) THEN
                RAISE EXCEPTION '% is not a note or coin of %', v_value, p_currency USING ERRCODE = '22023';
            END IF;
            v_sum := v_sum + v_value::numeric * v_count;
        END LOOP;
        IF v_sum <> p_counted THEN
            RAISE EXCEPTION 'the notes and coins add up to %, not to the counted %', v_sum, p_counted
                USING ERRCODE = '22023';
        END IF;
    END IF;
    v_fp := pg_catalog.sha256(pg_catalog.convert_to(
        'teller/till/v1' || E'\n' || p_kind || E'\n' || p_currency || E'\n' || p_counted::text || E'\n'
        || coalesce(p_denominations::text, '') || E'\n', 'UTF8'));

    v_staff := teller.money_staff();
    IF v_staff.role NOT IN ('teller', 'supervisor') THEN
        RAISE EXCEPTION 'only tellers and supervisors have tills' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF FOUND THEN
        RETURN teller.cash_answer(v_op, v_fp, true);
    END IF;

    -- The branch's over/short account first, then the till: the money path's order.
    v_os := teller.internal_account(v_staff.branch_id, 'over_short', p_currency);
    SELECT * INTO v_till FROM teller.accounts WHERE kind = 'till' AND owner = v_staff.login AND currency = p_currency;
    IF NOT FOUND AND p_kind = 'open' THEN
        v_till := teller.internal_account(v_staff.branch_id, 'till', p_currency, v_staff.login);
    END IF;
    FOR v_row IN SELECT * FROM teller.lock_sides(v_os.id, v_till.id) LOOP
        IF v_row.id = v_till.id THEN
            v_till := v_row;
        END IF;
    END LOOP;

    IF v_till.id IS NULL OR (p_kind = 'close' AND NOT v_till.till_open) THEN
        v_status := 'rejected'; v_reason := 'till_not_open';
    ELSIF p_kind = 'open' AND v_till.till_open THEN
        v_status := 'rejected'; v_reason := 'till_already_open';
    ELSIF EXISTS (SELECT FROM teller.operations
                   WHERE account_id = v_till.id AND kind IN ('till_open', 'till_close') AND status = 'pending_approval') THEN
        v_status := 'rejected'; v_reason := 'difference_pending';
    ELSIF p_kind = 'close' AND v_till.held > 0 THEN
        v_status := 'rejected'; v_reason := 'operations_pending';
    END IF;

    v_expected := v_till.balance;
    v_diff := p_counted - v_expected;
    v_tolerance := coalesce((SELECT till_tolerance FROM teller.cash_rules WHERE currency = p_currency::char(3)), 0);
    IF v_status = 'completed' AND abs(v_diff) > v_tolerance THEN
        v_status := 'pending_approval';
    END IF;

    -- The till after: a posted difference brings the book to the count; a waiting shortage is
    -- held (the cash that is not there cannot be paid out).
    v_balance := v_till.balance + CASE WHEN v_status = 'completed' THEN v_diff ELSE 0 END;
    v_held := v_till.held + CASE WHEN v_status = 'pending_approval' AND v_diff < 0 THEN -v_diff ELSE 0 END;

    INSERT INTO teller.operations AS o
        (key, kind, account_number, account_id, debit_account_id, credit_account_id, amount, currency,
         fingerprint, status, reason, balance_after, available_after, till_after, initiated_by, workstation,
         expires_at)
    VALUES
        (p_key, 'till_' || p_kind, coalesce(v_till.number, ''), v_till.id,
         CASE WHEN v_status IN ('completed', 'pending_approval') AND v_diff <> 0
              THEN CASE WHEN v_diff < 0 THEN v_os.id ELSE v_till.id END END,
         CASE WHEN v_status IN ('completed', 'pending_approval') AND v_diff <> 0
              THEN CASE WHEN v_diff < 0 THEN v_till.id ELSE v_os.id END END,
         CASE WHEN v_status IN ('completed', 'pending_approval') AND v_diff <> 0 THEN abs(v_diff) END,
         p_currency, v_fp, v_status, v_reason,
         CASE WHEN v_status <> 'rejected' THEN v_balance END, CASE WHEN v_status <> 'rejected' THEN v_balance - v_held END,
         CASE WHEN v_status <> 'rejected' THEN v_balance - v_held END, v_staff.login, p_workstation,
         -- A difference waits for a supervisor however long it takes: it never expires.
         CASE WHEN v_status = 'pending_approval' THEN 'infinity'::timestamptz END)
    ON CONFLICT (key) DO NOTHING
    RETURNING o.* INTO v_op;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'a concurrent attempt with key % was recorded first', p_key USING ERRCODE = '40001';
    END IF;
    IF v_status = 'rejected' THEN
        RETURN teller.cash_answer(v_op, v_fp, false);
    END IF;

    IF v_op.amount IS NOT NULL THEN
        PERFORM teller.move_locked(v_op, CASE WHEN v_status = 'completed' THEN 'post' ELSE 'hold' END);
    END IF;
    UPDATE teller.accounts SET till_open = (p_kind = 'open'), updated_at = now() WHERE id = v_till.id;
    INSERT INTO teller.till_counts (key, till_id, kind, expected, counted, denominations, counted_by)
    VALUES (p_key, v_till.id, p_kind, v_expected, p_counted, p_denominations, v_staff.login);
    IF v_status = 'pending_approval' THEN
        PERFORM teller.notify_operation(v_op);
    END IF;
    RETURN teller.cash_answer(v_op, v_fp, false);
END
$$;

REVOKE ALL ON FUNCTION teller.count_till(uuid, text, text, bigint, jsonb, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.count_till(uuid, text, text, bigint, jsonb, text) TO teller_tellers, teller_supervisors;
