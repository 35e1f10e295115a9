-- teller.durable_write: what every function that changes something keeps before it does:
-- its transaction commits durably. A session may have turned synchronous_commit down ('off'
-- or 'local', which any login may SET): for this transaction it is 'on' again, so that what
-- the caller is told is done survives a crash of the server and, with synchronous
-- replication, a failover. A stricter setting (remote_write, remote_apply) stays. It also
-- marks the transaction as one that writes, so that a read's audit row in it is not committed
-- asynchronously (teller.audit_read). Called by money_staff (every money function but
-- perform_action, which keeps the same rule inline) and by the administration functions.
-- History: defined in 014.

CREATE OR REPLACE FUNCTION teller.durable_write() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM set_config('teller.durable', '1', true);
    IF current_setting('synchronous_commit') IN ('off', 'local') THEN
        PERFORM set_config('synchronous_commit', 'on', true);
    END IF;
END
$$;

REVOKE ALL ON FUNCTION teller.durable_write()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
