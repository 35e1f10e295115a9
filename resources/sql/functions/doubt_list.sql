-- teller.doubt_list: the actions workstations reported in doubt (teller.doubt_reports), those
-- the server never received first, then newest first, at most p_limit and never more than
-- 200, each with the status its key has now (NULL: never received). Supervisors only; every
-- call is recorded in teller.read_audit.
-- History: defined in 014 (core/service/Supervision.cpp read teller.doubt_reports before).

CREATE OR REPLACE FUNCTION teller.doubt_list(p_limit integer)
RETURNS TABLE (key uuid, reported_by text, workstation text, kind text, account_number text,
               counter_account_number text, amount bigint, currency text, message text, reported_at timestamptz,
               server_status text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff teller.staff;
BEGIN
    v_staff := teller.session_staff();
    IF v_staff.role <> 'supervisor' THEN
        RAISE EXCEPTION 'only supervisors read the reports of actions in doubt' USING ERRCODE = '42501';
    END IF;
    PERFORM teller.audit_read('doubt_list', NULL, NULL);
    RETURN QUERY
        SELECT d.key, d.reported_by, d.workstation, d.kind, d.account_number, d.counter_account_number, d.amount,
               d.currency::text, d.message, d.reported_at, o.status::text
          FROM teller.doubt_reports d
          LEFT JOIN teller.operations o ON o.key = d.key
         ORDER BY (o.status IS NULL) DESC, d.reported_at DESC
         LIMIT least(greatest(coalesce(p_limit, 200), 1), 200);
END
$$;

REVOKE ALL ON FUNCTION teller.doubt_list(integer)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.doubt_list(integer) TO teller_supervisors;
