-- teller.end_staff_session: ends the staff session this transaction names (teller.staff_session,
-- at sign-out): from then on no pooled transaction acts with its secret. True if it was open.
-- On a member's own login it ends their session of that secret, if any.
-- History: defined in 020.

CREATE OR REPLACE FUNCTION teller.end_staff_session() RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_login  text := teller.actor();
    v_secret text := current_setting('teller.staff_session', true);
BEGIN
    IF v_secret IS NULL OR v_secret = '' THEN
        RETURN false;
    END IF;
    UPDATE teller.staff_sessions SET ended_at = clock_timestamp()
     WHERE token_hash = sha256(convert_to(v_secret, 'UTF8')) AND login = v_login AND ended_at IS NULL;
    RETURN FOUND;
END
$$;

REVOKE ALL ON FUNCTION teller.end_staff_session()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins, teller_pooled;
GRANT EXECUTE ON FUNCTION teller.end_staff_session() TO teller_staff;
