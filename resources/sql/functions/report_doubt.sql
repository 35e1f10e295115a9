-- teller.report_doubt: a workstation tells the supervisors about an action it could not confirm
-- (teller.doubt_reports), and records that as an event (teller.events, kind 'doubt': the key
-- and who reported it; supervisors see it, and the teller who reported it). Everything stored
-- is checked first: an action's kind, account numbers, amount and currency as perform_action
-- takes them, the workstation's name (printable, no control or bidirectional-formatting
-- characters, which could make the supervisor's list lie), a message of at most 1000
-- characters; and a member of staff has at most 100 open reports (those of the last day, and
-- those whose key the server has never seen), so that nobody fills the table.
-- History: defined in 004; replaced in 008; in 014 checked, bounded, an event instead of
-- pg_notify.

CREATE OR REPLACE FUNCTION teller.report_doubt(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint,
                                               p_currency text, p_workstation text, p_message text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c_open_reports constant integer := 100;
    v_staff teller.staff;
BEGIN
    PERFORM teller.durable_write();
    IF p_key IS NULL OR p_kind IS NULL OR p_kind NOT IN ('withdrawal', 'deposit', 'transfer')
       OR p_account IS NULL OR p_account !~ '^[A-Z0-9]{1,34}$'
       OR (p_kind = 'transfer') <> (p_counter IS NOT NULL)
       OR (p_counter IS NOT NULL AND (p_counter !~ '^[A-Z0-9]{1,34}$' OR p_counter = p_account))
       OR p_amount IS NULL OR p_amount <= 0 OR p_amount > 1000000000000000
       OR p_currency IS NULL OR p_currency !~ '^[A-Z]{3}$'
       OR p_workstation IS NULL OR length(p_workstation) NOT BETWEEN 1 AND 63
       -- C0 and C1 controls, DEL, line and paragraph separators, and every bidirectional
       -- mark, embedding, override and isolate.
       OR p_workstation ~ '[\u0001-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]'
       OR length(p_message) > 1000 THEN
        RAISE EXCEPTION 'malformed doubt report' USING ERRCODE = '22023';
    END IF;
    v_staff := teller.session_staff();

    -- One member's reports one at a time, so that the bound holds under concurrency too.
    PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('teller.report_doubt'), pg_catalog.hashtext(v_staff.login));
    IF NOT EXISTS (SELECT FROM teller.doubt_reports d WHERE d.key = p_key)
       AND (SELECT count(*) FROM (SELECT FROM teller.doubt_reports d
                                   WHERE d.reported_by = v_staff.login
                                     AND (d.reported_at > now() - interval '1 day'
                                          OR NOT EXISTS (SELECT FROM teller.operations o WHERE o.key = d.key))
                                   LIMIT c_open_reports) mine) >= c_open_reports THEN
        RAISE EXCEPTION 'too many open doubt reports by %: a supervisor looks at them first', v_staff.login
            USING ERRCODE = '54000';
    END IF;

    INSERT INTO teller.doubt_reports (key, reported_by, workstation, kind, account_number, counter_account_number,
                                      amount, currency, message)
    VALUES (p_key, v_staff.login, p_workstation, p_kind, p_account, p_counter, p_amount, p_currency, p_message)
    ON CONFLICT (key) DO UPDATE SET message = EXCLUDED.message, reported_at = now()
        WHERE teller.doubt_reports.reported_by = v_staff.login;
    IF FOUND THEN
        INSERT INTO teller.events (kind, key, status, initiated_by) VALUES ('doubt', p_key, 'in_doubt', v_staff.login);
    END IF;
END
$$;

REVOKE ALL ON FUNCTION teller.report_doubt(uuid, text, text, text, bigint, text, text, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.report_doubt(uuid, text, text, text, bigint, text, text, text)
    TO teller_staff;
