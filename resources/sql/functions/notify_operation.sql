-- teller.notify_operation: records that an operation changed (held for approval, decided,
-- expired) as a row of teller.events, in the transaction that changed it: its key, status and
-- initiator. Clients read events by cursor (teller.events_after) and are told to look by a
-- NOTIFY the client sends after its commit; no NOTIFY here, so that a full NOTIFY queue never
-- fails a transaction that moves money (migration 014).
-- Called by perform_action, decide_operation, count_till, request_reversal and expire_locked,
-- all SECURITY DEFINER with their search path pinned; it names only qualified objects, so it
-- needs no SET clause of its own (each call would save and restore the search path).
-- History: defined in 004; replaced in 005 and 008; search_path reset in 006; in 014 an event
-- row instead of pg_notify.

CREATE OR REPLACE FUNCTION teller.notify_operation(p_op teller.operations) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO teller.events (kind, key, status, initiated_by)
    VALUES ('operation', p_op.key, p_op.status, p_op.initiated_by);
END
$$;

REVOKE ALL ON FUNCTION teller.notify_operation(teller.operations)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
