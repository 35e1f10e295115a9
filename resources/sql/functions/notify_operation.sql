-- teller.notify_operation: announces that an operation changed (held for approval, decided,
-- expired) on the channel teller_operations, with its key and status only: any connected login
-- can send a NOTIFY, so clients read the rest from the server.
-- History: defined in 004; replaced in 005 and 008; search_path reset in 006.

CREATE OR REPLACE FUNCTION teller.notify_operation(p_op teller.operations) RETURNS void
LANGUAGE sql
RETURN pg_notify('teller_operations', json_build_object('key', p_op.key, 'status', p_op.status)::text);

REVOKE ALL ON FUNCTION teller.notify_operation(teller.operations)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
