-- teller.action_decision: who decided an operation and the note they gave, for the status a
-- client asks about (teller.action_status answers the rest). Only about the caller's own
-- operations, or to supervisors and administrators; no row otherwise.
-- History: defined in 014 (the client read teller.operations before);
-- in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.action_decision(p_key uuid)
RETURNS TABLE (decided_by text, decision_note text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT o.decided_by, o.decision_note::text
      FROM teller.operations o
      JOIN teller.staff me ON me.login = teller.actor() AND me.active
     WHERE o.key = p_key AND (o.initiated_by = me.login OR me.role IN ('supervisor', 'admin'))
$$;

REVOKE ALL ON FUNCTION teller.action_decision(uuid)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.action_decision(uuid) TO teller_staff;
