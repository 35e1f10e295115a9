-- teller.secure_database: secures the database itself: only Teller staff (and the owner) may
-- connect, a session left idle in a transaction is ended after a minute, every session's
-- bounds (lock_timeout 2s, statement_timeout 5s: no client needs to set them, so that they hold
-- through a connection pooler too), and (run by a superuser) nobody creates large objects. Needs the database's owner (or a superuser); run
-- by anybody else it says what the owner must do instead of failing. Migration 008 calls it
-- once; a database created as a copy of another (CREATE DATABASE ... TEMPLATE) does not
-- inherit these settings: its owner runs SELECT teller.secure_database() once.
-- History: defined in 008; in 013 no large objects for PUBLIC; in 016 the sessions' bounds.

CREATE OR REPLACE FUNCTION teller.secure_database() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF pg_catalog.pg_has_role(current_user, (SELECT datdba FROM pg_catalog.pg_database
                                              WHERE datname = current_database()), 'USAGE') THEN
        EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO teller_staff', current_database());
        EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '60s');
        EXECUTE format('ALTER DATABASE %I SET lock_timeout = %L', current_database(), '2s');
        EXECUTE format('ALTER DATABASE %I SET statement_timeout = %L', current_database(), '5s');
        EXECUTE format('ALTER DATABASE %I SET client_min_messages = %L', current_database(), 'warning');
        -- Large objects are not Teller's: nobody fills the database with them (a teller stored
        -- 62 MB) or makes themselves unmanageable by owning one. The functions' rights are
        -- the database's own, changed only by a superuser.
        IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
            REVOKE EXECUTE ON FUNCTION pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer),
                                       pg_catalog.lo_import(text), pg_catalog.lo_import(text, oid),
                                       pg_catalog.lo_from_bytea(oid, bytea) FROM PUBLIC;
        ELSE
            RAISE NOTICE 'not a superuser: a superuser must run SELECT teller.secure_database() in database % once more, to take large objects away from PUBLIC',
                         current_database();
        END IF;
    ELSE
        RAISE NOTICE 'not the owner of database %: its owner must run SELECT teller.secure_database()',
                     current_database();
    END IF;
END
$$;

REVOKE ALL ON FUNCTION teller.secure_database()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
