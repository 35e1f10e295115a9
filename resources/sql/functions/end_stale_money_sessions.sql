-- teller.end_stale_money_sessions: the guard against a member of staff who sits on money
-- locks (a money action followed, in the same statement, by a long sleep, with the session's
-- own timeouts switched off: what the database's settings cannot prevent, since any session
-- may change its statement_timeout). Ends every staff session of this database whose
-- transaction has held row locks on the accounts or operations for longer than the bank's
-- bound (setting money_lock_seconds), with an audit entry each, and answers how many. A
-- workstation that waited in vain for a lock calls it before it tries again
-- (core/service/ActionExecutor.cpp); any member of staff may. Sessions of logins that are
-- not staff (the owner's maintenance) are left alone. Needs an owner that may see every
-- session and signal it (a superuser, or a member of pg_read_all_stats and
-- pg_signal_backend); otherwise it says so and ends nothing.
-- History: defined in 013.

CREATE OR REPLACE FUNCTION teller.end_stale_money_sessions() RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_bound interval := make_interval(secs => coalesce(teller.setting('money_lock_seconds'), '10')::int);
    v_pid   integer;
    v_login text;
    v_since timestamptz;
    v_ended integer := 0;
BEGIN
    PERFORM teller.session_staff();
    FOR v_pid, v_login, v_since IN
        SELECT a.pid, a.usename, a.xact_start
          FROM pg_catalog.pg_stat_activity a
         WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
           AND a.xact_start < clock_timestamp() - v_bound
           AND EXISTS (SELECT FROM teller.staff s WHERE s.login = a.usename)
           AND EXISTS (SELECT FROM pg_catalog.pg_locks l
                        WHERE l.pid = a.pid AND l.locktype = 'relation' AND l.granted
                          AND l.relation IN ('teller.accounts'::regclass, 'teller.operations'::regclass)
                          AND l.mode IN ('RowShareLock', 'RowExclusiveLock'))
    LOOP
        BEGIN
            IF pg_catalog.pg_terminate_backend(v_pid) THEN
                v_ended := v_ended + 1;
                INSERT INTO teller.audit_log (action, subject, details)
                VALUES ('end_session', v_login, jsonb_build_object('pid', v_pid, 'transaction_since', v_since,
                                                                   'reason', 'held money locks too long'));
            END IF;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'cannot end session % of %: the owner of teller.end_stale_money_sessions needs pg_signal_backend',
                         v_pid, v_login;
        END;
    END LOOP;
    RETURN v_ended;
END
$$;

REVOKE ALL ON FUNCTION teller.end_stale_money_sessions()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.end_stale_money_sessions() TO teller_staff;
