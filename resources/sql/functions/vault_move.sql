-- teller.vault_move: a supervisor moves cash of the branch's vault: cash delivered to the
-- branch enters the vault from cash-in-transit (vault_receive), a shipment leaves it
-- (vault_ship); cash goes from the vault into a teller's open till (vault_to_till) or back
-- (till_to_vault). Never into or out of the supervisor's own till: that takes a second
-- person. Cash is never taken from where it is not: the vault and the till cannot go below
-- zero. Exactly once under its key. Called by core/service/Cash.cpp.
-- History: defined in 011; in 013 a transaction of its own (teller.money_staff), plain text.

CREATE OR REPLACE FUNCTION teller.vault_move(p_key uuid, p_kind text, p_teller text, p_amount bigint,
                                             p_currency text, p_workstation text)
RETURNS teller.cash_result
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff  teller.staff;
    v_teller teller.staff;
    v_op     teller.operations;
    v_fp     bytea;
    v_vault  teller.accounts;
    v_other  teller.accounts;  -- cash in transit, or the till
    v_row    teller.accounts;
    v_till_move boolean := p_kind IN ('vault_to_till', 'till_to_vault');
    v_status text := 'completed';
    v_reason text;
    v_debit  bigint;
    v_credit bigint;
BEGIN
    IF p_key IS NULL OR p_kind IS NULL OR p_kind NOT IN ('vault_receive', 'vault_ship', 'vault_to_till', 'till_to_vault')
       OR v_till_move <> (p_teller IS NOT NULL)
       OR p_amount IS NULL OR p_amount <= 0 OR p_amount > 1000000000000000
       OR p_currency IS NULL OR NOT EXISTS (SELECT FROM teller.currencies WHERE code = p_currency)
       OR p_workstation IS NULL OR length(p_workstation) NOT BETWEEN 1 AND 63 OR NOT teller.plain_text(p_workstation) THEN
        RAISE EXCEPTION 'malformed vault movement' USING ERRCODE = '22023';
    END IF;
    v_fp := pg_catalog.sha256(pg_catalog.convert_to(
        'teller/vault/v1' || E'\n' || p_kind || E'\n' || coalesce(p_teller, '') || E'\n' || p_amount::text
        || E'\n' || p_currency || E'\n', 'UTF8'));
    v_staff := teller.money_staff();
    IF v_staff.role <> 'supervisor' THEN
        RAISE EXCEPTION 'only supervisors move the vault''s cash' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF FOUND THEN
        RETURN teller.cash_answer(v_op, v_fp, true);
    END IF;

    v_vault := teller.internal_account(v_staff.branch_id, 'vault', p_currency);
    IF v_till_move THEN
        SELECT * INTO v_teller FROM teller.staff WHERE login = p_teller AND active;
        SELECT * INTO v_other FROM teller.accounts WHERE kind = 'till' AND owner = p_teller AND currency = p_currency;
        IF v_teller.login IS NULL OR v_teller.branch_id <> v_staff.branch_id THEN
            v_status := 'rejected'; v_reason := 'unknown_teller';
        ELSIF v_teller.login = v_staff.login THEN
            v_status := 'rejected'; v_reason := 'own_till';
        ELSIF v_other.id IS NULL THEN
            v_status := 'rejected'; v_reason := 'till_not_open';
        END IF;
    ELSE
        v_other := teller.internal_account(v_staff.branch_id, 'in_transit', p_currency);
    END IF;

    IF v_status = 'completed' THEN
        FOR v_row IN SELECT * FROM teller.lock_sides(v_vault.id, v_other.id) LOOP
            IF v_row.id = v_vault.id THEN v_vault := v_row; ELSE v_other := v_row; END IF;
        END LOOP;
        IF p_kind = 'vault_to_till' AND NOT v_other.till_open THEN
            v_status := 'rejected'; v_reason := 'till_not_open';
        ELSIF p_kind IN ('vault_to_till', 'vault_ship') AND v_vault.balance - v_vault.held - p_amount < 0 THEN
            v_status := 'rejected'; v_reason := 'insufficient_vault_cash';
        ELSIF p_kind = 'till_to_vault' AND v_other.balance - v_other.held - p_amount < 0 THEN
            v_status := 'rejected'; v_reason := 'insufficient_till_cash';
        END IF;
    END IF;
    IF v_status = 'completed' THEN
        v_debit := CASE WHEN p_kind IN ('vault_receive', 'till_to_vault') THEN v_vault.id ELSE v_other.id END;
        v_credit := CASE WHEN p_kind IN ('vault_receive', 'till_to_vault') THEN v_other.id ELSE v_vault.id END;
    END IF;

    INSERT INTO teller.operations AS o
        (key, kind, account_number, counter_account_number, account_id, counter_account_id, debit_account_id,
         credit_account_id, amount, currency, fingerprint, status, reason, balance_after, available_after, till_after,
         initiated_by, workstation)
    VALUES
        (p_key, p_kind, v_vault.number, v_other.number, v_vault.id, CASE WHEN v_till_move THEN v_other.id END,
         v_debit, v_credit, p_amount, p_currency, v_fp, v_status, v_reason,
         v_vault.balance + CASE WHEN v_status <> 'completed' THEN 0
                                WHEN v_debit = v_vault.id THEN p_amount ELSE -p_amount END,
         v_vault.balance - v_vault.held + CASE WHEN v_status <> 'completed' THEN 0
                                               WHEN v_debit = v_vault.id THEN p_amount ELSE -p_amount END,
         CASE WHEN v_till_move THEN v_other.balance - v_other.held
                                    + CASE WHEN v_status <> 'completed' THEN 0
                                           WHEN v_debit = v_other.id THEN p_amount ELSE -p_amount END END,
         v_staff.login, p_workstation)
    ON CONFLICT (key) DO NOTHING
    RETURNING o.* INTO v_op;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'a concurrent attempt with key % was recorded first', p_key USING ERRCODE = '40001';
    END IF;
    IF v_status = 'completed' THEN
        PERFORM teller.move_locked(v_op, 'post');
    END IF;
    RETURN teller.cash_answer(v_op, v_fp, false);
END
$$;

REVOKE ALL ON FUNCTION teller.vault_move(uuid, text, text, bigint, text, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.vault_move(uuid, text, text, bigint, text, text) TO teller_supervisors;
