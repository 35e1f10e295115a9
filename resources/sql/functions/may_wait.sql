-- teller.may_wait: whether one more operation of p_login may wait for a supervisor: fewer
-- than the bank's max_pending_per_teller of theirs wait already and, for one that holds money
-- (p_holds: a withdrawal or transfer), fewer than max_pending_holds_per_account of theirs hold
-- on the account p_account already (one, unless the bank says otherwise).
-- Without it a teller could keep a customer's whole available balance held with above-limit
-- withdrawals, one after another. Called by perform_action.
-- History: defined in 013.

CREATE OR REPLACE FUNCTION teller.may_wait(p_login text, p_account text, p_holds boolean) RETURNS boolean
LANGUAGE sql VOLATILE
RETURN (SELECT count(*) < coalesce(teller.setting('max_pending_per_teller')::int, 5)
               AND (NOT p_holds
                    OR count(*) FILTER (WHERE o.account_number = p_account AND o.kind <> 'deposit')
                       < coalesce(teller.setting('max_pending_holds_per_account')::int, 1))
          FROM teller.operations o
         WHERE o.initiated_by = p_login AND o.status = 'pending_approval' AND o.expires_at > clock_timestamp());

REVOKE ALL ON FUNCTION teller.may_wait(text, text, boolean)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
