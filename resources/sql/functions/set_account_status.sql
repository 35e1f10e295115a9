-- teller.set_account_status: (administration, supervisors too) freezes, unfreezes or closes an
-- account, with an audit entry and an event (teller.record_account_event). A closed
-- account is never reopened; one that still holds money is not closed. Freezing is at once;
-- unfreezing needs a second person: the first asks (answered 'pending_approval', the account
-- stays frozen), somebody else confirms it with the same call. Nobody unfreezes an account,
-- pays out of it and freezes it again on their own.
-- History: defined in 001; in 011 customer accounts only (a till or vault has no status); in
-- 013 unfreezing by two people, answered as teller.account_status_answer; in 014 an event, not a
-- NOTIFY; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.set_account_status(p_number text, p_status text)
RETURNS teller.account_status_answer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v teller.accounts;
    v_old text;
    v_request teller.account_status_requests;
    v_staff teller.staff;
BEGIN
    PERFORM teller.durable_write();
    IF p_status IS NULL OR p_status NOT IN ('active', 'frozen', 'closed') THEN
        RAISE EXCEPTION 'invalid account status "%"', p_status USING ERRCODE = '22023';
    END IF;
    -- Staff with the right to it, or the database's owner (who is not staff); never a member
    -- who is no longer active.
    IF EXISTS (SELECT FROM teller.staff WHERE login = teller.actor() AND NOT active) THEN
        v_staff := teller.session_staff();
    END IF;
    SELECT * INTO v FROM teller.accounts WHERE number = p_number AND kind = 'customer' FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no account %', p_number USING ERRCODE = 'P0002';
    END IF;
    v_old := v.status;
    IF v_old = p_status THEN
        RETURN teller.account_answer(v, 'completed');
    END IF;
    IF v_old = 'closed' THEN
        RAISE EXCEPTION 'account % is closed; a closed account is not reopened', p_number USING ERRCODE = '55000';
    END IF;
    IF p_status = 'closed' AND (v.balance <> 0 OR v.held <> 0) THEN
        RAISE EXCEPTION 'account % still holds money; pay it out before closing', p_number USING ERRCODE = '55000';
    END IF;
    IF v_old = 'frozen' AND p_status = 'active' THEN
        SELECT * INTO v_request FROM teller.account_status_requests WHERE account_id = v.id AND done_at IS NULL;
        IF NOT FOUND THEN
            INSERT INTO teller.account_status_requests (account_id, to_status) VALUES (v.id, 'active');
            INSERT INTO teller.audit_log (action, subject, details)
            VALUES ('account_status_request', p_number, jsonb_build_object('from', v_old, 'to', p_status));
            RETURN teller.account_answer(v, 'pending_approval');
        END IF;
        IF v_request.requested_by = teller.actor() THEN
            -- Asked again by the same person: still waiting for somebody else.
            RETURN teller.account_answer(v, 'pending_approval');
        END IF;
        UPDATE teller.account_status_requests SET done_by = teller.actor(), done_at = clock_timestamp()
         WHERE id = v_request.id;
    ELSIF p_status = 'frozen' THEN
        -- A freeze ends any unfreeze that was waiting.
        UPDATE teller.account_status_requests SET done_by = teller.actor(), done_at = clock_timestamp()
         WHERE account_id = v.id AND done_at IS NULL;
    END IF;
    UPDATE teller.accounts SET status = p_status, updated_at = clock_timestamp() WHERE id = v.id RETURNING * INTO v;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES ('account_status', p_number, jsonb_build_object('from', v_old, 'to', p_status, 'asked_by', v_request.requested_by));
    PERFORM teller.record_account_event(p_number);
    RETURN teller.account_answer(v, 'completed');
END
$$;

REVOKE ALL ON FUNCTION teller.set_account_status(text, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.set_account_status(text, text)
    TO teller_supervisors, teller_admins;
