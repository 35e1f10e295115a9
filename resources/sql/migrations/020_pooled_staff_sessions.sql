-- 020: a pooled login that acts for the member of staff who signed in, and proves who that is.
--
-- Until now the database knew who acts by session_user: every member of staff is a login of
-- their own. Through PgBouncer in transaction pooling that means a pool per login, so 1,000
-- signed-in windows needed 1,000 server connections, or a new server session for almost every
-- statement (docs/PERFORMANCE.md, issue 14). Now a pooler may log in to the server with one
-- shared login for everybody (PgBouncer's forced user: `user=` in its [databases] entry, the
-- clients still authenticated one by one against their own passwords), and the database is
-- told, and checks, who acts in each transaction:
--
-- - A workstation signs in once with its own login over a direct path (PostgreSQL itself, or
--   a session pool that logs in as the client) and opens a staff session there
--   (teller.open_staff_session): a random secret, of which the database keeps only the
--   SHA-256, valid until sign-out (teller.end_staff_session), until it expires
--   (the `staff_session_hours` setting, default 12) or until the member is deactivated.
-- - Through the pooled login every transaction starts with
--   `SELECT set_config('role', GROUP, true), set_config('teller.staff_session', SECRET, true)`
--   (both local to the transaction, bound values, sent in the same round trip as the work):
--   GROUP is the member's Teller group (teller_tellers, teller_supervisors or teller_admins),
--   so the GRANTs decide what the transaction may call exactly as for the member's own login,
--   and teller.actor() answers the member whose session the secret opened, and refuses
--   the transaction when the secret is unknown, ended or expired, the member inactive, or the
--   group not theirs.
-- - Every function now asks teller.actor() who acts, where it asked session_user: for a
--   member's own login that is still session_user (a secret given on such a session is
--   ignored). Columns that recorded session_user by default record teller.actor().
--
-- A pooled login is a member of teller_pooled and of the three Teller groups, created with
-- NOINHERIT (it has no group's rights until the transaction sets the group's role) and is
-- never staff (teller.apply_staff refuses a role with other memberships). The database owner
-- creates it (teller.add_pooled_login, tellerctl pool-login add).

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'teller_pooled') THEN
        CREATE ROLE teller_pooled NOLOGIN;
    END IF;
END
$$;

CREATE TABLE teller.staff_sessions (
    token_hash  bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    login       text NOT NULL REFERENCES teller.staff (login),
    workstation text NOT NULL CHECK (length(workstation) BETWEEN 1 AND 200),
    opened_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    expires_at  timestamptz NOT NULL,
    ended_at    timestamptz,
    CHECK (expires_at > opened_at)
);
CREATE INDEX staff_sessions_open ON teller.staff_sessions (login) WHERE ended_at IS NULL;
REVOKE ALL ON teller.staff_sessions
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins, teller_pooled;

INSERT INTO teller.settings (key, value) VALUES ('staff_session_hours', '12') ON CONFLICT (key) DO NOTHING;

-- The defaults below need teller.actor; its file (functions/actor.sql) replaces this with the
-- same definition after the migrations.
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
REVOKE ALL ON FUNCTION teller.actor() FROM PUBLIC;

ALTER TABLE teller.staff ALTER COLUMN created_by SET DEFAULT teller.actor();
ALTER TABLE teller.audit_log ALTER COLUMN actor SET DEFAULT teller.actor();
ALTER TABLE teller.accounts ALTER COLUMN opened_by SET DEFAULT teller.actor();
ALTER TABLE teller.staff_changes ALTER COLUMN requested_by SET DEFAULT teller.actor();
ALTER TABLE teller.account_status_requests ALTER COLUMN requested_by SET DEFAULT teller.actor();
ALTER TABLE teller.read_audit ALTER COLUMN read_by SET DEFAULT teller.actor();

-- A pooled login reads nothing by itself: a transaction of it has what the group its role
-- names has (the bank's settings, currencies, branches, cash rules, denominations, the
-- schema's version, and the functions granted to that group). CONNECT is granted to each
-- pooled login itself (teller.add_pooled_login): NOINHERIT takes nothing from its groups.
