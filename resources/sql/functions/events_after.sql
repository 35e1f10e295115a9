-- teller.events_after: what changed on the server since the caller's cursor (teller.events),
-- as much as the caller may see: supervisors and administrators every event, anybody else only
-- the events of their own operations and reports. The clients' listener calls it when a
-- NOTIFY teller_events says something happened, and every few seconds anyway.
--
-- It answers the events after p_cursor in id order (at most 500 are looked at per call), and
-- last a row of kind 'cursor' whose id is the cursor to ask with next and whose status is
-- 'more' when further events wait (ask again at once) or 'end'. With a NULL cursor it answers
-- only that row: where the events end now.
--
-- Ids are taken when an event is written, not when its transaction commits: an event with a
-- smaller id can become visible after a larger one. The cursor therefore stops before the
-- first id that is still missing; the events after it are answered again next time (the
-- caller delivers each id once, core/service/Events.cpp). An id still missing 30 seconds after
-- a later event was written is taken as rolled back and passed: whoever holds a transaction
-- open that long delays nobody's events for longer than that.
-- History: defined in 014.

CREATE OR REPLACE FUNCTION teller.events_after(p_cursor bigint)
RETURNS TABLE (id bigint, at timestamptz, kind text, key uuid, status text, initiated_by text, account_number text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c_scan    constant integer := 500;
    c_settled constant interval := '30 seconds';
    v_staff   teller.staff;
    v_all     boolean;
    v_next    bigint := p_cursor;
    v_gap     boolean := false;
    v_scanned integer := 0;
    e         teller.events;
BEGIN
    v_staff := teller.session_staff();
    v_all := v_staff.role IN ('supervisor', 'admin');
    IF p_cursor IS NULL THEN
        RETURN QUERY SELECT coalesce(max(x.id), 0), NULL::timestamptz, 'cursor'::text, NULL::uuid, 'end'::text,
                            NULL::text, NULL::text
                       FROM teller.events x;
        RETURN;
    END IF;

    FOR e IN SELECT * FROM teller.events x WHERE x.id > p_cursor ORDER BY x.id LIMIT c_scan LOOP
        v_scanned := v_scanned + 1;
        IF NOT v_gap AND (e.id = v_next + 1 OR e.at < clock_timestamp() - c_settled) THEN
            v_next := e.id;
        ELSE
            v_gap := true;
        END IF;
        IF v_all OR e.initiated_by = v_staff.login THEN
            id := e.id;
            at := e.at;
            kind := e.kind;
            key := e.key;
            status := e.status;
            initiated_by := e.initiated_by;
            account_number := e.account_number;
            RETURN NEXT;
        END IF;
    END LOOP;
    IF v_scanned = 0 THEN
        -- A cursor from beyond the end (another database, a restore) starts again at the end.
        v_next := least(p_cursor, (SELECT coalesce(max(x.id), 0) FROM teller.events x));
    END IF;

    id := v_next;
    at := NULL;
    kind := 'cursor';
    key := NULL;
    status := CASE WHEN v_scanned = c_scan THEN 'more' ELSE 'end' END;
    initiated_by := NULL;
    account_number := NULL;
    RETURN NEXT;
END
$$;

REVOKE ALL ON FUNCTION teller.events_after(bigint)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.events_after(bigint) TO teller_staff;
