-- teller.money_staff: the staff row of the member of staff about to move money, and the rules
-- every money function keeps before it takes a lock:
-- - a money action is a transaction of its own: one action in it, in a transaction that has
--   not written or locked anything before it and did not begin more than a second before the
--   action's statement (so nobody gathers the locks of many accounts in one transaction, or
--   acts on a transaction kept open). The exact test of "its first statement" the server
--   offers (statement_timestamp() = transaction_timestamp()) holds only for the simple query
--   protocol: with bound parameters (Parse, Bind, Execute) the statement's time is the
--   Execute's, a little after the transaction began at Parse. What one action's locks may
--   still be held for is bounded by teller.end_stale_money_sessions().
-- - it commits durably, whatever synchronous_commit the session set (teller.durable_write);
-- - a member whose password an administrator set moves no money until they have chosen
--   their own (teller.change_own_password): whoever set it cannot act under their name.
-- perform_action keeps the same rules inline (its hot path). Called by count_till,
-- vault_move, request_reversal, abandon_action, decide_operation.
-- History: defined in 013; in 016 the rule for extended-protocol statements.

CREATE OR REPLACE FUNCTION teller.money_staff() RETURNS teller.staff
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v teller.staff;
BEGIN
    IF statement_timestamp() - transaction_timestamp() > interval '1 second'
       OR pg_catalog.pg_current_xact_id_if_assigned() IS NOT NULL
       OR current_setting('teller.money_action', true) = '1' THEN
        RAISE EXCEPTION 'a money action is a transaction of its own: one action, as its first statement'
            USING ERRCODE = '25001';
    END IF;
    PERFORM set_config('teller.money_action', '1', true);
    -- What the caller is told is done survives a crash and a failover.
    PERFORM teller.durable_write();
    v := teller.session_staff();
    IF v.must_change_password THEN
        RAISE EXCEPTION 'the password of "%" was set by an administrator: choose your own before moving money', v.login
            USING ERRCODE = '42501';
    END IF;
    RETURN v;
END
$$;

REVOKE ALL ON FUNCTION teller.money_staff()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
