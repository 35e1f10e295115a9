-- teller.report_doubt: a workstation tells the supervisors about an action it could not confirm
-- (teller.doubt_reports); the announcement says only that something is in doubt, supervisors
-- read the reports themselves.
-- History: defined in 004; replaced in 008.

CREATE OR REPLACE FUNCTION teller.report_doubt(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint,
                                               p_currency text, p_workstation text, p_message text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff teller.staff;
BEGIN
    v_staff := teller.session_staff();
    INSERT INTO teller.doubt_reports (key, reported_by, workstation, kind, account_number, counter_account_number,
                                      amount, currency, message)
    VALUES (p_key, v_staff.login, p_workstation, p_kind, p_account, p_counter, p_amount, p_currency, left(p_message, 1000))
    ON CONFLICT (key) DO UPDATE SET message = EXCLUDED.message, reported_at = now()
        WHERE teller.doubt_reports.reported_by = v_staff.login;
    -- Only "something is in doubt": supervisors read the reports themselves.
    PERFORM pg_notify('teller_operations', json_build_object('status', 'in_doubt')::text);
END
$$;

REVOKE ALL ON FUNCTION teller.report_doubt(uuid, text, text, text, bigint, text, text, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.report_doubt(uuid, text, text, text, bigint, text, text, text)
    TO teller_staff;
