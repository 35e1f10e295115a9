-- teller.actor: who acts in this transaction. For a member's own login (and for the database's
-- owner) the login itself, session_user, which a client cannot forge; a staff session given on
-- such a login is ignored. For a pooled login (a member of teller_pooled: the login a pooler
-- such as PgBouncer uses for everybody) the member of staff whose staff session the transaction
-- names (teller.staff_session, set local to the transaction with the secret that
-- teller.open_staff_session answered), provided that session is open and not expired, the
-- member active and the transaction's role (set local too) the member's own Teller group, so
-- that the GRANTs checked against that role are the member's; an error (42501) otherwise.
-- Not SECURITY DEFINER: it is only called inside the Teller functions, as their owner.
-- History: defined in 020.

CREATE OR REPLACE FUNCTION teller.actor() RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_secret text;
    v_group  text;
    v_login  text;
BEGIN
    -- (pg_has_role answers true for a superuser, who is never a pooled login.)
    IF NOT pg_catalog.pg_has_role(session_user, 'teller_pooled', 'MEMBER')
       OR (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user) THEN
        RETURN session_user;
    END IF;
    v_secret := pg_catalog.current_setting('teller.staff_session', true);
    IF v_secret IS NULL OR v_secret = '' THEN
        RAISE EXCEPTION 'the pooled login "%" acts only for a member of staff who signed in, and none was named', session_user
            USING ERRCODE = '42501';
    END IF;
    SELECT s.login INTO v_login
      FROM teller.staff_sessions s JOIN teller.staff m ON m.login = s.login AND m.active
     WHERE s.token_hash = pg_catalog.sha256(pg_catalog.convert_to(v_secret, 'UTF8'))
       AND s.ended_at IS NULL AND s.expires_at > pg_catalog.now();
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the staff session has ended or is not known: sign in again' USING ERRCODE = '42501';
    END IF;
    v_group := pg_catalog.current_setting('role');
    IF v_group NOT IN ('teller_tellers', 'teller_supervisors', 'teller_admins')
       OR NOT pg_catalog.pg_has_role(v_login, v_group, 'MEMBER') THEN
        RAISE EXCEPTION 'a pooled transaction acts with the Teller group of its member of staff, and "%" is not that of "%"',
                        v_group, v_login
            USING ERRCODE = '42501';
    END IF;
    RETURN v_login;
END
$$;
REVOKE ALL ON FUNCTION teller.actor()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins, teller_pooled;
