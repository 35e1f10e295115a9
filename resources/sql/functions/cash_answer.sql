-- teller.cash_answer: a till count's or vault movement's record as the answer a client gets
-- (teller.cash_result), marked replayed or not; key_reused (and nothing else) for a key that
-- holds another request or belongs to somebody else. A helper of count_till and vault_move.
-- History: defined in 011; in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.cash_answer(p_op teller.operations, p_fingerprint bytea, p_replayed boolean)
RETURNS teller.cash_result
LANGUAGE sql STABLE
RETURN CASE
    WHEN p_op.fingerprint IS DISTINCT FROM p_fingerprint OR p_op.initiated_by <> teller.actor() THEN
        ROW(p_op.key, 'key_reused', NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            NULL)::teller.cash_result
    ELSE
        (SELECT ROW(p_op.key, p_op.status, p_op.reason, p_replayed, p_op.id, p_op.kind, t.number, t.owner,
                    p_op.currency::text, p_op.amount, c.expected, c.counted, c.counted - c.expected, p_op.till_after,
                    CASE WHEN p_op.kind LIKE 'vault%' OR p_op.kind = 'till_to_vault' THEN p_op.balance_after END,
                    coalesce(p_op.decided_at, p_op.created_at))::teller.cash_result
           FROM (SELECT 1) one
           LEFT JOIN teller.till_counts c ON c.key = p_op.key
           LEFT JOIN teller.accounts t ON t.id = CASE WHEN p_op.kind IN ('till_open', 'till_close') THEN p_op.account_id
                                                      WHEN p_op.kind IN ('vault_to_till', 'till_to_vault')
                                                      THEN p_op.counter_account_id END)
END;

REVOKE ALL ON FUNCTION teller.cash_answer(teller.operations, bytea, boolean)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
