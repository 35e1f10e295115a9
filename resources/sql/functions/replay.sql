-- teller.replay: the answer for a key that is already known: its stored outcome, marked
-- replayed, if the request is the same one by the same login; key_reused (and nothing about the
-- other operation) otherwise; abandoned for a tombstone. A helper of perform_action.
-- History: defined in 001; search_path reset in 006. Its SQL-standard body records that it
-- calls teller.as_result: as_result comes first in order.list; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.replay(p_op teller.operations, p_fingerprint bytea)
RETURNS teller.action_result
LANGUAGE sql STABLE
RETURN CASE
    WHEN p_op.status = 'abandoned' AND p_op.fingerprint IS NULL THEN
        ROW(p_op.key, 'abandoned', NULL, true, p_op.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            p_op.created_at, p_op.initiated_by, p_op.workstation, NULL)::teller.action_result
    WHEN p_op.fingerprint IS DISTINCT FROM p_fingerprint OR p_op.initiated_by <> teller.actor() THEN
        ROW(p_op.key, 'key_reused', NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            NULL, NULL, NULL, NULL)::teller.action_result
    ELSE teller.as_result(p_op, true)
END;

REVOKE ALL ON FUNCTION teller.replay(teller.operations, bytea)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
