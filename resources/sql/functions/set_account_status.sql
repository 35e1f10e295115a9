-- teller.set_account_status: (administration, supervisors too) freezes, unfreezes or closes an
-- account, with an audit entry and an announcement on the channel teller_accounts. A closed
-- account is never reopened; one that still holds money is not closed.
-- History: defined in 001; in 011 customer accounts only (a till or vault has no status).

CREATE OR REPLACE FUNCTION teller.set_account_status(p_number text, p_status text)
RETURNS teller.accounts
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v teller.accounts;
    v_old text;
BEGIN
    IF p_status IS NULL OR p_status NOT IN ('active', 'frozen', 'closed') THEN
        RAISE EXCEPTION 'invalid account status "%"', p_status USING ERRCODE = '22023';
    END IF;
    SELECT * INTO v FROM teller.accounts WHERE number = p_number AND kind = 'customer' FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no account %', p_number USING ERRCODE = 'P0002';
    END IF;
    v_old := v.status;
    IF v_old = p_status THEN
        RETURN v;
    END IF;
    IF v_old = 'closed' THEN
        RAISE EXCEPTION 'account % is closed; a closed account is not reopened', p_number USING ERRCODE = '55000';
    END IF;
    IF p_status = 'closed' AND (v.balance <> 0 OR v.held <> 0) THEN
        RAISE EXCEPTION 'account % still holds money; pay it out before closing', p_number USING ERRCODE = '55000';
    END IF;
    UPDATE teller.accounts SET status = p_status, updated_at = now() WHERE id = v.id RETURNING * INTO v;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES ('account_status', p_number, jsonb_build_object('from', v_old, 'to', p_status));
    PERFORM teller.record_account_event(p_number);
    RETURN v;
END
$$;

REVOKE ALL ON FUNCTION teller.set_account_status(text, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.set_account_status(text, text)
    TO teller_supervisors, teller_admins;
