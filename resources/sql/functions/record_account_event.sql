-- teller.record_account_event: records that a customer account's status changed (frozen,
-- unfrozen, closed) as a row of teller.events: the account, its status now and who changed it.
-- Called by set_account_status in the transaction that changed it (instead of the NOTIFY on
-- teller_accounts it sent before; migration 014). tellerctl bench reads these events to drop
-- its cached account details.
-- History: defined in 014; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.record_account_event(p_number text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO teller.events (kind, status, initiated_by, account_number)
    SELECT 'account', a.status, teller.actor(), a.number
      FROM teller.accounts a
     WHERE a.number = p_number;
END
$$;

REVOKE ALL ON FUNCTION teller.record_account_event(text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
