-- 005: the announcement of a decided operation carries the supervisor's note (the reason of a
-- rejection), so that the teller's desk can show it the moment the decision is made.

CREATE OR REPLACE FUNCTION teller.notify_operation(p_op teller.operations) RETURNS void
LANGUAGE sql SET search_path = pg_catalog, pg_temp
RETURN pg_notify('teller_operations', json_build_object(
    'key', p_op.key, 'status', p_op.status, 'account', p_op.account_number,
    'initiated_by', p_op.initiated_by, 'decided_by', p_op.decided_by,
    'note', left(p_op.decision_note, 500))::text);

REVOKE ALL ON FUNCTION teller.notify_operation(teller.operations) FROM PUBLIC;
