-- teller.audit_read: records a read of customer data (teller.read_audit: who, when, which
-- function, which account or search). A read's own transaction then commits without waiting
-- for the WAL flush (synchronous_commit off for this transaction only): on a durable server an
-- audited lookup otherwise cost 0.45–3.2 ms instead of ~0.1 ms, all of it the flush of the
-- audit row. A server crash can lose the last fraction of a second of read audit, never
-- anything else: in a transaction that moves money or changes anything (teller.durable_write,
-- teller.money_staff, perform_action) the commit stays synchronous.
-- History: defined in 014.

CREATE OR REPLACE FUNCTION teller.audit_read(p_function text, p_account text, p_search text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO teller.read_audit (function_name, account_number, search_text) VALUES (p_function, p_account, p_search);
    IF current_setting('teller.money_action', true) IS DISTINCT FROM '1'
       AND current_setting('teller.durable', true) IS DISTINCT FROM '1' THEN
        PERFORM set_config('synchronous_commit', 'off', true);
    END IF;
END
$$;

REVOKE ALL ON FUNCTION teller.audit_read(text, text, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
