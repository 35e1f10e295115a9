-- teller.open_staff_session: a member of staff, signed in with their own login, opens a staff
-- session for a pooled login to act for them (teller.actor): the answer is its secret (64 hex
-- digits from two gen_random_uuid(), 244 random bits, of which the database keeps only the
-- SHA-256), the member's Teller group (the role a pooled transaction sets) and when it expires
-- (the `staff_session_hours` setting, default 12). It ends at teller.end_staff_session, at
-- expiry, or when the member is deactivated. A member has at most 50 open sessions (the oldest
-- ends); rows that ended more than 30 days ago are removed. Refused through a pooled login:
-- who signs in is proved by the member's own login, never by a staff session.
-- History: defined in 020.

CREATE OR REPLACE FUNCTION teller.open_staff_session(p_workstation text)
RETURNS TABLE (secret text, staff_group text, expires_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff   teller.staff;
    v_secret  text;
    v_hours   integer;
    v_expires timestamptz;
BEGIN
    IF pg_catalog.pg_has_role(session_user, 'teller_pooled', 'MEMBER')
       AND NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user) THEN
        RAISE EXCEPTION 'a staff session is opened with the member''s own login, not through the pooled login "%"', session_user
            USING ERRCODE = '42501';
    END IF;
    v_staff := teller.session_staff();
    IF p_workstation IS NULL OR length(p_workstation) NOT BETWEEN 1 AND 200 OR NOT teller.plain_text(p_workstation) THEN
        RAISE EXCEPTION 'a workstation is named by 1 to 200 characters of plain text' USING ERRCODE = '22023';
    END IF;
    v_hours := coalesce(teller.setting('staff_session_hours'), '12')::integer;
    IF v_hours NOT BETWEEN 1 AND 168 THEN
        RAISE EXCEPTION 'the setting staff_session_hours is % and must be 1 to 168', v_hours USING ERRCODE = '22023';
    END IF;

    DELETE FROM teller.staff_sessions s
     WHERE coalesce(s.ended_at, s.expires_at) < clock_timestamp() - interval '30 days';
    UPDATE teller.staff_sessions s SET ended_at = clock_timestamp()
     WHERE s.token_hash IN (SELECT o.token_hash FROM teller.staff_sessions o
                             WHERE o.login = v_staff.login AND o.ended_at IS NULL
                             ORDER BY o.opened_at DESC OFFSET 49);

    v_secret := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
    v_expires := clock_timestamp() + make_interval(hours => v_hours);
    INSERT INTO teller.staff_sessions (token_hash, login, workstation, expires_at)
    VALUES (sha256(convert_to(v_secret, 'UTF8')), v_staff.login, p_workstation, v_expires);
    RETURN QUERY SELECT v_secret, 'teller_' || v_staff.role || 's', v_expires;
END
$$;

REVOKE ALL ON FUNCTION teller.open_staff_session(text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins, teller_pooled;
GRANT EXECUTE ON FUNCTION teller.open_staff_session(text) TO teller_staff;
