-- 016: the sessions' bounds are the database's.
--
-- Until now every Teller session set its own bounds as the libpq startup parameter "options"
-- (-c lock_timeout=... -c statement_timeout=...). A connection pooler in transaction mode
-- (PgBouncer) refuses that parameter, and a session-level SET would stay behind on a server
-- connection that the pooler then hands to somebody else. So the database gives every session
-- its bounds (ALTER DATABASE ... SET, read at session start on the server's side of any
-- pooler), and a client's own transaction sets its workstation's values with SET LOCAL.
--   lock_timeout 2s: no action waits long for a row another holds (it is retried instead);
--   statement_timeout 5s: a stuck statement is cancelled by the server;
--   client_min_messages warning: no NOTICE chatter on the wire.
-- (idle_in_transaction_session_timeout stays the 60s of migration 008.)
-- Needs the database's owner; anybody else is told what the owner must run. A database made
-- as a copy (CREATE DATABASE ... TEMPLATE) does not inherit these: its owner runs
-- SELECT teller.secure_database() once (its file does the same from now on).
DO $$
BEGIN
    IF pg_catalog.pg_has_role(current_user, (SELECT datdba FROM pg_catalog.pg_database
                                              WHERE datname = current_database()), 'USAGE') THEN
        EXECUTE format('ALTER DATABASE %I SET lock_timeout = %L', current_database(), '2s');
        EXECUTE format('ALTER DATABASE %I SET statement_timeout = %L', current_database(), '5s');
        EXECUTE format('ALTER DATABASE %I SET client_min_messages = %L', current_database(), 'warning');
    ELSE
        RAISE NOTICE 'not the owner of database %: its owner must run SELECT teller.secure_database()',
                     current_database();
    END IF;
END
$$;

-- Statements now travel with bound parameters (libpq's extended protocol: Parse, Bind,
-- Execute; no named prepared statement stays on the server session). There the statement's
-- time is the Execute's, a little after the transaction began at Parse, so the money rule "its
-- first statement" (statement_timestamp() = transaction_timestamp()) changes in
-- teller.money_staff() and teller.perform_action(): nothing written or locked before the
-- action in its transaction, the transaction not older than a second, one action in it.
