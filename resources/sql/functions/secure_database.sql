-- teller.secure_database: secures the database itself: only Teller staff (and the owner) may
-- connect, and a session left idle in a transaction is ended after a minute. Needs the
-- database's owner (or a superuser); run by anybody else it says what the owner must do instead
-- of failing. Migration 008 calls it once; a database created as a copy of another (CREATE
-- DATABASE ... TEMPLATE) does not inherit these settings: its owner runs SELECT
-- teller.secure_database() once.
-- History: defined in 008.

CREATE OR REPLACE FUNCTION teller.secure_database() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF pg_catalog.pg_has_role(current_user, (SELECT datdba FROM pg_catalog.pg_database
                                              WHERE datname = current_database()), 'USAGE') THEN
        EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO teller_staff', current_database());
        EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '60s');
    ELSE
        RAISE NOTICE 'not the owner of database %: its owner must run SELECT teller.secure_database()',
                     current_database();
    END IF;
END
$$;

REVOKE ALL ON FUNCTION teller.secure_database()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
