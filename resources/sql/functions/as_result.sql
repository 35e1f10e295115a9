-- teller.as_result: an operation's record as the answer a client gets (teller.action_result),
-- marked replayed or not. A helper of replay, abandon_action and action_status; staff cannot
-- call it.
-- History: defined in 001; search_path reset in 006 (it names every object with its schema and
-- is not SECURITY DEFINER, so PostgreSQL can inline it).

CREATE OR REPLACE FUNCTION teller.as_result(p_op teller.operations, p_replayed boolean)
RETURNS teller.action_result
LANGUAGE sql STABLE
RETURN ROW(p_op.key, p_op.status, p_op.reason, p_replayed, p_op.id, p_op.kind, p_op.account_number,
           p_op.counter_account_number, p_op.amount, p_op.currency::text, p_op.balance_after,
           p_op.available_after, coalesce(p_op.decided_at, p_op.created_at), p_op.initiated_by,
           p_op.workstation, p_op.till_after)::teller.action_result;

REVOKE ALL ON FUNCTION teller.as_result(teller.operations, boolean)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
