-- Teller schema version 20, functions sha256 f4a2ddb9e0f4cf1486a5f86167ec409753d2c5df32040afb636fd9f8f53a8a85
-- The current schema: pg_dump --schema-only --no-owner --schema=teller of a freshly
-- migrated database, normalised. Made by scripts/update-schema-snapshot.sh; do not edit.

--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: teller; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA teller;


--
-- Name: account_kind; Type: DOMAIN; Schema: teller; Owner: -
--

CREATE DOMAIN teller.account_kind AS text
	CONSTRAINT account_kind_check CHECK ((VALUE = ANY (ARRAY['customer'::text, 'till'::text, 'vault'::text, 'over_short'::text, 'in_transit'::text, 'legacy_cash'::text])));


--
-- Name: account_number; Type: DOMAIN; Schema: teller; Owner: -
--

CREATE DOMAIN teller.account_number AS text
	CONSTRAINT account_number_check CHECK ((VALUE ~ '^[A-Z0-9]{1,34}$'::text));


--
-- Name: account_status; Type: DOMAIN; Schema: teller; Owner: -
--

CREATE DOMAIN teller.account_status AS text
	CONSTRAINT account_status_check CHECK ((VALUE = ANY (ARRAY['active'::text, 'frozen'::text, 'closed'::text])));


--
-- Name: account_status_answer; Type: TYPE; Schema: teller; Owner: -
--

CREATE TYPE teller.account_status_answer AS (
	id bigint,
	number text,
	holder text,
	currency text,
	balance bigint,
	held bigint,
	balance_floor bigint,
	status text,
	opened_at timestamp with time zone,
	change_status text
);


--
-- Name: action_result; Type: TYPE; Schema: teller; Owner: -
--

CREATE TYPE teller.action_result AS (
	key uuid,
	status text,
	reason text,
	replayed boolean,
	operation_id bigint,
	kind text,
	account_number text,
	counter_account_number text,
	amount bigint,
	currency text,
	balance_after bigint,
	available_after bigint,
	executed_at timestamp with time zone,
	initiated_by text,
	workstation text,
	till_after bigint
);


--
-- Name: cash_result; Type: TYPE; Schema: teller; Owner: -
--

CREATE TYPE teller.cash_result AS (
	key uuid,
	status text,
	reason text,
	replayed boolean,
	operation_id bigint,
	kind text,
	till text,
	owner text,
	currency text,
	amount bigint,
	expected bigint,
	counted bigint,
	difference bigint,
	till_cash bigint,
	vault_cash bigint,
	executed_at timestamp with time zone
);


--
-- Name: decision_result; Type: TYPE; Schema: teller; Owner: -
--

CREATE TYPE teller.decision_result AS (
	key uuid,
	decided boolean,
	status text,
	reason text,
	decided_by text,
	decided_at timestamp with time zone,
	decision_note text,
	initiated_by text,
	balance_after bigint
);


--
-- Name: fingerprint_bytes; Type: DOMAIN; Schema: teller; Owner: -
--

CREATE DOMAIN teller.fingerprint_bytes AS bytea
	CONSTRAINT fingerprint_bytes_check CHECK ((length(VALUE) = 32));


--
-- Name: floor_minor; Type: DOMAIN; Schema: teller; Owner: -
--

CREATE DOMAIN teller.floor_minor AS bigint
	CONSTRAINT floor_minor_check CHECK ((VALUE <= 0));


--
-- Name: holder_name; Type: DOMAIN; Schema: teller; Owner: -
--

CREATE DOMAIN teller.holder_name AS text
	CONSTRAINT holder_name_check CHECK (((length(btrim(VALUE)) >= 1) AND (length(btrim(VALUE)) <= 200)));


--
-- Name: non_negative_minor; Type: DOMAIN; Schema: teller; Owner: -
--

CREATE DOMAIN teller.non_negative_minor AS bigint
	CONSTRAINT non_negative_minor_check CHECK ((VALUE >= 0));


--
-- Name: note_text; Type: DOMAIN; Schema: teller; Owner: -
--

CREATE DOMAIN teller.note_text AS text
	CONSTRAINT note_text_check CHECK ((length(VALUE) <= 500));


--
-- Name: operation_amount; Type: DOMAIN; Schema: teller; Owner: -
--

CREATE DOMAIN teller.operation_amount AS bigint
	CONSTRAINT operation_amount_check CHECK (((VALUE > 0) AND (VALUE <= '1000000000000000'::bigint)));


--
-- Name: operation_kind; Type: DOMAIN; Schema: teller; Owner: -
--

CREATE DOMAIN teller.operation_kind AS text
	CONSTRAINT operation_kind_check CHECK ((VALUE = ANY (ARRAY['withdrawal'::text, 'deposit'::text, 'transfer'::text, 'till_open'::text, 'till_close'::text, 'vault_receive'::text, 'vault_ship'::text, 'vault_to_till'::text, 'till_to_vault'::text, 'reversal'::text])));


--
-- Name: operation_status; Type: DOMAIN; Schema: teller; Owner: -
--

CREATE DOMAIN teller.operation_status AS text
	CONSTRAINT operation_status_check CHECK ((VALUE = ANY (ARRAY['completed'::text, 'pending_approval'::text, 'rejected'::text, 'expired'::text, 'abandoned'::text])));


--
-- Name: staff_answer; Type: TYPE; Schema: teller; Owner: -
--

CREATE TYPE teller.staff_answer AS (
	login text,
	display_name text,
	role text,
	approval_limit bigint,
	limit_currency text,
	active boolean,
	branch text,
	daily_cash_limit bigint,
	change_status text,
	change_id bigint
);


--
-- Name: abandon_action(uuid, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.abandon_action(p_key uuid, p_workstation text) RETURNS teller.action_result
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_staff teller.staff;
    v_op    teller.operations;
BEGIN
    IF p_key IS NULL OR p_workstation IS NULL OR length(p_workstation) NOT BETWEEN 1 AND 63 OR NOT teller.plain_text(p_workstation) THEN
        RAISE EXCEPTION 'malformed abandon request' USING ERRCODE = '22023';
    END IF;
    v_staff := teller.money_staff();
    IF v_staff.role NOT IN ('teller', 'supervisor') THEN
        RAISE EXCEPTION 'only tellers and supervisors abandon actions' USING ERRCODE = '42501';
    END IF;

    -- The key's first attempt may still be running: this insert then waits for it (up to
    -- lock_timeout) and finds its record afterwards.
    INSERT INTO teller.operations AS o (key, status, initiated_by, workstation)
    VALUES (p_key, 'abandoned', v_staff.login, p_workstation)
    ON CONFLICT (key) DO NOTHING
    RETURNING o.* INTO v_op;
    IF FOUND THEN
        INSERT INTO teller.audit_log (action, subject, details)
        VALUES ('abandon', p_key::text, jsonb_build_object('workstation', p_workstation));
        RETURN teller.as_result(v_op, false);
    END IF;

    SELECT * INTO STRICT v_op FROM teller.operations WHERE key = p_key;
    IF v_op.initiated_by <> teller.actor() AND v_staff.role <> 'supervisor' THEN
        -- Somebody else's key: nothing is said about it.
        RETURN ROW(p_key, 'key_reused', NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL)::teller.action_result;
    END IF;
    RETURN teller.as_result(v_op, true);
END
$$;


--
-- Name: actor(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.actor() RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$
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


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: accounts; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.accounts (
    id bigint NOT NULL,
    number teller.account_number NOT NULL,
    holder teller.holder_name NOT NULL,
    currency character(3) NOT NULL,
    balance bigint DEFAULT 0 NOT NULL,
    held teller.non_negative_minor DEFAULT 0 NOT NULL,
    balance_floor teller.floor_minor DEFAULT 0 NOT NULL,
    status teller.account_status DEFAULT 'active'::text NOT NULL,
    opened_at timestamp with time zone DEFAULT now() NOT NULL,
    opened_by text DEFAULT teller.actor() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    kind teller.account_kind DEFAULT 'customer'::text NOT NULL,
    branch_id bigint,
    owner text,
    till_open boolean DEFAULT false NOT NULL,
    cash_day date,
    cash_day_total bigint DEFAULT 0 NOT NULL
);


--
-- Name: account_answer(teller.accounts, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.account_answer(p teller.accounts, p_change text) RETURNS teller.account_status_answer
    LANGUAGE sql IMMUTABLE
    RETURN ROW((p).id, ((p).number)::text, ((p).holder)::text, ((p).currency)::text, (p).balance, ((p).held)::bigint, ((p).balance_floor)::bigint, ((p).status)::text, (p).opened_at, p_change)::teller.account_status_answer;


--
-- Name: account_history(text, integer); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.account_history(p_number text, p_limit integer) RETURNS TABLE(at timestamp with time zone, kind text, status text, reason text, amount bigint, currency text, change bigint, balance_after bigint, counterparty text, initiated_by text, key uuid, note text, named_first boolean)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_staff teller.staff;
    v_all   boolean;
    v_id    bigint;
    v_limit integer := least(greatest(coalesce(p_limit, 25), 1), 100);
BEGIN
    v_staff := teller.session_staff();
    v_all := v_staff.role <> 'teller';
    PERFORM teller.audit_read('account_history', left(p_number, 40), NULL);
    SELECT a.id INTO v_id FROM teller.accounts a WHERE a.number = p_number AND (a.kind = 'customer' OR v_all);
    IF NOT FOUND THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT o.created_at, o.kind::text, o.status::text, o.reason, o.amount::bigint, o.currency::text,
               coalesce(l.amount, CASE WHEN o.credit_account_id = v_id THEN o.amount::bigint
                                       WHEN o.debit_account_id = v_id THEN -o.amount::bigint END),
               coalesce(l.balance_after, CASE WHEN o.account_id = v_id AND o.status = 'completed' THEN o.balance_after END),
               CASE WHEN o.account_id = v_id THEN o.counter_account_number ELSE o.account_number END,
               o.initiated_by,
               CASE WHEN v_all OR o.initiated_by = v_staff.login THEN o.key END,
               CASE WHEN v_all OR o.initiated_by = v_staff.login THEN o.note::text END,
               o.account_id = v_id
          FROM teller.operations o
          LEFT JOIN teller.ledger_entries l ON l.operation_id = o.id AND l.account_id = v_id
         WHERE o.account_id = v_id OR o.counter_account_id = v_id
         ORDER BY o.created_at DESC, o.id DESC
         LIMIT v_limit;
END
$$;


--
-- Name: account_money_rules(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.account_money_rules() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.balance - NEW.held < NEW.balance_floor THEN
        RAISE EXCEPTION 'account %: accounts_available_not_below_floor: its available money would go below its floor',
                        NEW.number
            USING ERRCODE = '23514', CONSTRAINT = 'accounts_available_not_below_floor';
    END IF;
    IF NEW.status = 'closed' AND (NEW.balance <> 0 OR NEW.held <> 0) THEN
        RAISE EXCEPTION 'account %: accounts_closed_is_empty: a closed account holds nothing', NEW.number
            USING ERRCODE = '23514', CONSTRAINT = 'accounts_closed_is_empty';
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: account_rules(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.account_rules() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF NEW.kind <> 'customer' AND NEW.branch_id IS NULL THEN
        RAISE EXCEPTION 'account %: a % belongs to a branch', NEW.number, NEW.kind USING ERRCODE = '23514';
    END IF;
    IF (NEW.kind = 'till') <> (NEW.owner IS NOT NULL) THEN
        RAISE EXCEPTION 'account %: a till, and only a till, has a teller', NEW.number USING ERRCODE = '23514';
    END IF;
    IF NEW.till_open AND NEW.kind <> 'till' THEN
        RAISE EXCEPTION 'account %: only a till is opened', NEW.number USING ERRCODE = '23514';
    END IF;
    IF NEW.kind IN ('till', 'vault') AND NEW.balance_floor <> 0 THEN
        RAISE EXCEPTION 'account %: cash cannot go below zero', NEW.number USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: account_statement(text, integer); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.account_statement(p_number text, p_limit integer) RETURNS TABLE(id bigint, at timestamp with time zone, kind text, key uuid, amount bigint, balance_after bigint, currency text, initiated_by text, decided_by text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_staff teller.staff;
    v_acc   teller.accounts;
BEGIN
    v_staff := teller.session_staff();
    IF v_staff.role <> 'supervisor' THEN
        RAISE EXCEPTION 'only supervisors read an account''s statement' USING ERRCODE = '42501';
    END IF;
    PERFORM teller.audit_read('account_statement', left(p_number, 40), NULL);
    SELECT * INTO v_acc FROM teller.accounts a WHERE a.number = p_number;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    -- The account as values, not a join: a customer account has no teller, and its branch of
    -- the search is then no search at all (not a scan of every operation).
    RETURN QUERY
        WITH ids AS (SELECT o.id FROM teller.operations o WHERE o.account_id = v_acc.id
                     UNION SELECT o.id FROM teller.operations o WHERE o.counter_account_id = v_acc.id
                     UNION SELECT o.id FROM teller.operations o WHERE v_acc.owner IS NOT NULL AND o.initiated_by = v_acc.owner),
        lines AS (SELECT o.id, coalesce(o.decided_at, o.created_at) AS at, o.kind, o.key, o.initiated_by, o.decided_by,
                         teller.side_delta(v_acc.kind, o.debit_account_id = v_acc.id, o.amount) AS delta
                    FROM ids JOIN teller.operations o ON o.id = ids.id
                   WHERE o.status = 'completed' AND o.amount IS NOT NULL
                     AND v_acc.id IN (o.debit_account_id, o.credit_account_id))
        SELECT l.id, l.at, l.kind::text, l.key, l.delta,
               (v_acc.balance - coalesce(sum(l.delta) OVER (ORDER BY l.at DESC, l.id DESC
                                                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))::bigint,
               v_acc.currency::text, l.initiated_by, l.decided_by
          FROM lines l
         ORDER BY l.at DESC, l.id DESC
         LIMIT least(greatest(coalesce(p_limit, 200), 1), 500);
END
$$;


--
-- Name: action_decision(uuid); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.action_decision(p_key uuid) RETURNS TABLE(decided_by text, decision_note text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT o.decided_by, o.decision_note::text
      FROM teller.operations o
      JOIN teller.staff me ON me.login = teller.actor() AND me.active
     WHERE o.key = p_key AND (o.initiated_by = me.login OR me.role IN ('supervisor', 'admin'))
$$;


--
-- Name: action_status(uuid, bytea); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.action_status(p_key uuid, p_fingerprint bytea DEFAULT NULL::bytea) RETURNS teller.action_result
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_staff teller.staff;
    v_op    teller.operations;
BEGIN
    v_staff := teller.session_staff();
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF NOT FOUND THEN
        RETURN ROW(p_key, 'unknown', NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL)::teller.action_result;
    END IF;
    IF (v_op.initiated_by <> teller.actor() AND v_staff.role NOT IN ('supervisor', 'admin'))
       OR (p_fingerprint IS NOT NULL AND v_op.fingerprint IS DISTINCT FROM p_fingerprint
           AND NOT (v_op.status = 'abandoned' AND v_op.fingerprint IS NULL)) THEN
        RETURN ROW(p_key, 'key_reused', NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL)::teller.action_result;
    END IF;
    RETURN teller.as_result(v_op, true);
END
$$;


--
-- Name: add_pooled_login(text, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.add_pooled_login(p_login text, p_password_verifier text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
BEGIN
    IF p_login IS NULL OR p_login !~ '^[a-z_][a-z0-9_]{0,62}$' THEN
        RAISE EXCEPTION 'a pooled login is 1 to 63 lower-case letters, digits and underscores, starting with a letter'
            USING ERRCODE = '22023';
    END IF;
    IF p_password_verifier IS NULL OR p_password_verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'the password is given as a SCRAM-SHA-256 verifier' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = p_login) THEN
        IF NOT pg_catalog.pg_has_role(p_login, 'teller_pooled', 'MEMBER')
           OR EXISTS (SELECT FROM teller.staff WHERE login = p_login) THEN
            RAISE EXCEPTION 'role "%" already exists and is not a pooled login; choose another name', p_login
                USING ERRCODE = '42501';
        END IF;
        EXECUTE format('ALTER ROLE %I LOGIN NOINHERIT PASSWORD %L', p_login, p_password_verifier);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
                       'PASSWORD %L', p_login, p_password_verifier);
    END IF;
    EXECUTE format('GRANT teller_pooled, teller_tellers, teller_supervisors, teller_admins TO %I', p_login);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), p_login);
    BEGIN
        EXECUTE format('ALTER ROLE %I SET log_parameter_max_length = 0', p_login);
    EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'only a superuser can keep bound values out of the server log for "%": ALTER ROLE % SET log_parameter_max_length = 0',
                     p_login, p_login;
    END;
    EXECUTE format('ALTER ROLE %I SET log_parameter_max_length_on_error = 0', p_login);
    INSERT INTO teller.audit_log (action, subject, details) VALUES ('pooled_login_add', p_login, '{}');
END
$_$;


--
-- Name: add_staff(text, text, text, bigint, text, text, boolean); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.add_staff(p_login text, p_display_name text, p_role text, p_approval_limit bigint, p_password_verifier text, p_branch text DEFAULT NULL::text, p_unlimited boolean DEFAULT false) RETURNS teller.staff_answer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    v_admin  teller.staff;
    v_old    teller.staff;
    v_branch bigint;
    v_limit  bigint;
    v_name   text;
    v_direct boolean;
    v_change bigint;
    v_role   pg_catalog.pg_roles;
    v_new_role text;     -- p_role, or for a member who exists and no role is given, theirs
BEGIN
    PERFORM teller.durable_write();
    v_admin := teller.staff_administrator();
    IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9_.-]{0,62}$'
       OR p_login LIKE 'pg\_%' OR p_login LIKE 'teller\_%' OR p_login = 'postgres' THEN
        RAISE EXCEPTION 'invalid staff login "%": lower-case letters, digits, "_", "." and "-", starting with a letter', p_login
            USING ERRCODE = '22023';
    END IF;
    SELECT * INTO v_old FROM teller.staff WHERE login = p_login;
    v_new_role := coalesce(p_role, v_old.role);
    IF v_new_role IS NULL OR v_new_role NOT IN ('teller', 'supervisor', 'admin') THEN
        RAISE EXCEPTION 'invalid staff role "%"', coalesce(p_role, '(none)') USING ERRCODE = '22023';
    END IF;
    IF p_password_verifier IS NOT NULL AND p_password_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        RAISE EXCEPTION 'a password must arrive as a SCRAM-SHA-256 verifier, never in clear'
            USING ERRCODE = '22023';
    END IF;
    IF coalesce(p_unlimited, false) AND p_approval_limit IS NOT NULL THEN
        RAISE EXCEPTION 'a limit and unlimited at once' USING ERRCODE = '22023';
    END IF;
    IF p_approval_limit < 0 OR p_approval_limit > 1000000000000000 THEN
        RAISE EXCEPTION 'an approval limit is between 0 and 1000000000000000 minor units' USING ERRCODE = '22023';
    END IF;
    IF coalesce(p_unlimited, false) AND v_new_role = 'admin' THEN
        RAISE EXCEPTION 'administrators move no money: no limit for them' USING ERRCODE = '22023';
    END IF;
    IF p_display_name IS NOT NULL AND NOT teller.plain_text(p_display_name) THEN
        RAISE EXCEPTION 'a display name is plain text' USING ERRCODE = '22023';
    END IF;
    IF v_admin.login IS NOT NULL AND p_login = teller.actor() THEN
        RAISE EXCEPTION 'nobody changes their own role, limit or password here: another administrator does'
            USING ERRCODE = '42501';
    END IF;
    -- Somebody else's login is never taken over, not even by asking.
    SELECT * INTO v_role FROM pg_catalog.pg_roles WHERE rolname = p_login;
    IF FOUND AND NOT pg_catalog.pg_has_role(p_login, 'teller_staff', 'MEMBER')
       AND NOT EXISTS (SELECT FROM teller.staff WHERE login = p_login) THEN
        RAISE EXCEPTION 'role "%" already exists and is not Teller staff; choose another login', p_login
            USING ERRCODE = '42501';
    END IF;

    IF p_branch IS NOT NULL THEN
        SELECT id INTO v_branch FROM teller.branches WHERE code = p_branch;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no branch "%"', p_branch USING ERRCODE = '22023';
        END IF;
    ELSE
        v_branch := coalesce(v_old.branch_id, (SELECT min(id) FROM teller.branches));
    END IF;
    v_limit := CASE WHEN v_new_role = 'admin' OR coalesce(p_unlimited, false) THEN NULL
                    WHEN p_approval_limit IS NOT NULL THEN p_approval_limit
                    WHEN v_old.login IS NOT NULL AND v_old.role = v_new_role THEN v_old.approval_limit
                    ELSE coalesce(teller.setting('default_' || v_new_role || '_limit')::bigint, 0) END;
    v_name := coalesce(nullif(btrim(p_display_name), ''), v_old.display_name, p_login);

    -- What gives no rights is done at once; the rest waits for a second admin.
    v_direct := v_admin.login IS NULL
                OR (v_old.login IS NOT NULL AND v_old.active AND v_old.role = v_new_role AND p_password_verifier IS NULL
                    AND (v_new_role = 'admin' OR v_limit IS NOT DISTINCT FROM v_old.approval_limit
                         OR (v_limit IS NOT NULL AND (v_old.approval_limit IS NULL OR v_limit <= v_old.approval_limit))));
    IF v_direct THEN
        PERFORM teller.apply_staff(p_login, v_name, v_new_role, v_limit, p_password_verifier, v_branch, v_admin.login IS NOT NULL);
        RETURN teller.staff_answer(p_login, 'completed', NULL);
    END IF;

    INSERT INTO teller.staff_changes (login, change, display_name, role, approval_limit, unlimited, branch_id,
                                      password_verifier)
    VALUES (p_login, 'add', v_name, v_new_role, v_limit, v_limit IS NULL AND v_new_role <> 'admin', v_branch, p_password_verifier)
    ON CONFLICT (login) WHERE status = 'pending_approval' DO NOTHING
    RETURNING id INTO v_change;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'a change of "%" already waits for a second administrator (%)', p_login,
                        (SELECT id FROM teller.staff_changes WHERE login = p_login AND status = 'pending_approval')
            USING ERRCODE = '55000';
    END IF;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES ('staff_change_request', p_login, jsonb_build_object('change', v_change, 'role', v_new_role, 'approval_limit', v_limit,
                                                                'unlimited', v_limit IS NULL AND v_new_role <> 'admin',
                                                                'password_set', p_password_verifier IS NOT NULL));
    RETURN teller.staff_answer(p_login, 'pending_approval', v_change);
END
$_$;


--
-- Name: staff; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.staff (
    login text NOT NULL,
    display_name text NOT NULL,
    role text NOT NULL,
    approval_limit bigint,
    limit_currency character(3) NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by text DEFAULT teller.actor() NOT NULL,
    branch_id bigint NOT NULL,
    daily_cash_limit bigint,
    must_change_password boolean DEFAULT false NOT NULL,
    CONSTRAINT staff_approval_limit_check CHECK ((approval_limit >= 0)),
    CONSTRAINT staff_daily_cash_limit_check CHECK ((daily_cash_limit >= 0)),
    CONSTRAINT staff_display_name_check CHECK (((length(btrim(display_name)) >= 1) AND (length(btrim(display_name)) <= 100))),
    CONSTRAINT staff_login_check CHECK ((login ~ '^[a-z_][a-z0-9_.-]{0,62}$'::text)),
    CONSTRAINT staff_role_check CHECK ((role = ANY (ARRAY['teller'::text, 'supervisor'::text, 'admin'::text])))
);


--
-- Name: apply_staff(text, text, text, bigint, text, bigint, boolean); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.apply_staff(p_login text, p_display_name text, p_role text, p_approval_limit bigint, p_password_verifier text, p_branch_id bigint, p_must_change boolean) RETURNS teller.staff
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_role  pg_catalog.pg_roles;
    v_group text;
    v_staff teller.staff;
BEGIN
    SELECT * INTO v_role FROM pg_catalog.pg_roles WHERE rolname = p_login;
    IF NOT FOUND THEN
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', p_login);
    ELSIF v_role.rolsuper OR v_role.rolcreaterole OR v_role.rolcreatedb OR v_role.rolreplication OR v_role.rolbypassrls THEN
        RAISE EXCEPTION 'role "%" already exists with administrative powers; it cannot be staff', p_login
            USING ERRCODE = '42501';
    ELSIF NOT pg_catalog.pg_has_role(p_login, 'teller_staff', 'MEMBER')
          AND NOT EXISTS (SELECT FROM teller.staff WHERE login = p_login) THEN
        -- Somebody else's login (a monitoring role, a person's own account): not ours to take.
        RAISE EXCEPTION 'role "%" already exists and is not Teller staff; choose another login', p_login
            USING ERRCODE = '42501';
    ELSIF EXISTS (SELECT FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                   WHERE m.member = v_role.oid
                     AND g.rolname NOT IN ('teller_staff', 'teller_tellers', 'teller_supervisors', 'teller_admins')) THEN
        -- A role that belongs to other groups would bring those rights along.
        RAISE EXCEPTION 'role "%" already exists with memberships of its own; it cannot be staff', p_login
            USING ERRCODE = '42501';
    ELSE
        EXECUTE format('ALTER ROLE %I LOGIN', p_login);
    END IF;
    IF p_password_verifier IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_password_verifier);
    END IF;

    -- Exactly one Teller group, the one of the role.
    FOREACH v_group IN ARRAY ARRAY['teller_tellers', 'teller_supervisors', 'teller_admins'] LOOP
        IF v_group = 'teller_' || p_role || 's' THEN
            EXECUTE format('GRANT %I TO %I', v_group, p_login);
        ELSIF pg_catalog.pg_has_role(p_login, v_group, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', v_group, p_login);
        END IF;
    END LOOP;

    INSERT INTO teller.staff AS s (login, display_name, role, approval_limit, limit_currency, branch_id, must_change_password)
    VALUES (p_login, btrim(p_display_name), p_role, p_approval_limit, teller.setting('home_currency'), p_branch_id,
            p_password_verifier IS NOT NULL AND p_must_change)
    ON CONFLICT (login) DO UPDATE
        SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
            approval_limit = EXCLUDED.approval_limit, branch_id = EXCLUDED.branch_id, active = true,
            must_change_password = CASE WHEN p_password_verifier IS NULL THEN s.must_change_password
                                        ELSE EXCLUDED.must_change_password END
    RETURNING s.* INTO v_staff;

    INSERT INTO teller.audit_log (action, subject, details)
    VALUES ('staff_add', p_login, jsonb_build_object('role', p_role, 'approval_limit', p_approval_limit,
                                                     'unlimited', p_approval_limit IS NULL AND p_role <> 'admin',
                                                     'password_set', p_password_verifier IS NOT NULL));
    RETURN v_staff;
END
$$;


--
-- Name: operations; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.operations (
    id bigint NOT NULL,
    key uuid NOT NULL,
    kind teller.operation_kind,
    account_number text,
    counter_account_number text,
    account_id bigint,
    counter_account_id bigint,
    amount teller.operation_amount,
    currency character(3),
    fingerprint teller.fingerprint_bytes,
    status teller.operation_status NOT NULL,
    reason text,
    balance_after bigint,
    available_after bigint,
    note teller.note_text,
    initiated_by text NOT NULL,
    workstation text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone,
    decided_by text,
    decided_at timestamp with time zone,
    decision_note teller.note_text,
    debit_account_id bigint,
    credit_account_id bigint,
    reverses uuid,
    till_after bigint
);


--
-- Name: as_result(teller.operations, boolean); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.as_result(p_op teller.operations, p_replayed boolean) RETURNS teller.action_result
    LANGUAGE sql STABLE
    RETURN ROW((p_op).key, ((p_op).status)::text, (p_op).reason, p_replayed, (p_op).id, ((p_op).kind)::text, (p_op).account_number, (p_op).counter_account_number, ((p_op).amount)::bigint, ((p_op).currency)::text, (p_op).balance_after, (p_op).available_after, COALESCE((p_op).decided_at, (p_op).created_at), (p_op).initiated_by, (p_op).workstation, (p_op).till_after)::teller.action_result;


--
-- Name: audit_read(text, text, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.audit_read(p_function text, p_account text, p_search text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    INSERT INTO teller.read_audit (function_name, account_number, search_text) VALUES (p_function, p_account, p_search);
    IF current_setting('teller.money_action', true) IS DISTINCT FROM '1'
       AND current_setting('teller.durable', true) IS DISTINCT FROM '1' THEN
        PERFORM set_config('synchronous_commit', 'off', true);
    END IF;
END
$$;


--
-- Name: till_counts; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.till_counts (
    key uuid NOT NULL,
    till_id bigint NOT NULL,
    kind text NOT NULL,
    expected bigint NOT NULL,
    counted bigint NOT NULL,
    denominations jsonb,
    counted_by text NOT NULL,
    counted_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    CONSTRAINT till_counts_counted_check CHECK ((counted >= 0)),
    CONSTRAINT till_counts_kind_check CHECK ((kind = ANY (ARRAY['open'::text, 'close'::text])))
);


--
-- Name: cash_answer(teller.operations, bytea, boolean); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.cash_answer(p_op teller.operations, p_fingerprint bytea, p_replayed boolean) RETURNS teller.cash_result
    LANGUAGE sql STABLE
    RETURN CASE WHEN ((((p_op).fingerprint)::bytea IS DISTINCT FROM p_fingerprint) OR ((p_op).initiated_by <> teller.actor())) THEN ROW((p_op).key, 'key_reused'::text, NULL::text, false, NULL::bigint, NULL::text, NULL::text, NULL::text, NULL::text, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::timestamp with time zone)::teller.cash_result ELSE (SELECT ROW((cash_answer.p_op).key, ((cash_answer.p_op).status)::text, (cash_answer.p_op).reason, cash_answer.p_replayed, (cash_answer.p_op).id, ((cash_answer.p_op).kind)::text, (t.number)::text, t.owner, ((cash_answer.p_op).currency)::text, ((cash_answer.p_op).amount)::bigint, c.expected, c.counted, (c.counted - c.expected), (cash_answer.p_op).till_after, CASE WHEN ((((cash_answer.p_op).kind)::text ~~ 'vault%'::text) OR (((cash_answer.p_op).kind)::text = 'till_to_vault'::text)) THEN (cash_answer.p_op).balance_after ELSE NULL::bigint END, COALESCE((cash_answer.p_op).decided_at, (cash_answer.p_op).created_at))::teller.cash_result AS "row" FROM (((SELECT 1 AS "?column?") one LEFT JOIN teller.till_counts c ON ((c.key = (cash_answer.p_op).key))) LEFT JOIN teller.accounts t ON ((t.id = CASE WHEN (((cash_answer.p_op).kind)::text = ANY (ARRAY['till_open'::text, 'till_close'::text])) THEN (cash_answer.p_op).account_id WHEN (((cash_answer.p_op).kind)::text = ANY (ARRAY['vault_to_till'::text, 'till_to_vault'::text])) THEN (cash_answer.p_op).counter_account_id ELSE NULL::bigint END)))) END;


--
-- Name: change_own_password(text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.change_own_password(p_password_verifier text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    v teller.staff;
BEGIN
    PERFORM teller.durable_write();
    v := teller.session_staff();
    IF p_password_verifier IS NULL
       OR p_password_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        RAISE EXCEPTION 'a password must arrive as a SCRAM-SHA-256 verifier, never in clear' USING ERRCODE = '22023';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', v.login, p_password_verifier);
    UPDATE teller.staff SET must_change_password = false WHERE login = v.login;
    INSERT INTO teller.audit_log (action, subject, details) VALUES ('password_change', v.login, '{}');
END
$_$;


--
-- Name: count_existing_accounts(text[]); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.count_existing_accounts(p_numbers text[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM teller.staff s WHERE s.login = teller.actor() AND s.active AND s.role = 'admin')
       AND NOT pg_catalog.pg_has_role(teller.actor(), (SELECT n.nspowner FROM pg_catalog.pg_namespace n
                                                      WHERE n.nspname = 'teller'), 'USAGE') THEN
        RAISE EXCEPTION 'only administrators import accounts' USING ERRCODE = '42501';
    END IF;
    PERFORM teller.audit_read('count_existing_accounts', NULL, cardinality(p_numbers) || ' numbers');
    RETURN (SELECT count(*) FROM teller.accounts a WHERE a.number = ANY (p_numbers));
END
$$;


--
-- Name: count_till(uuid, text, text, bigint, jsonb, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.count_till(p_key uuid, p_kind text, p_currency text, p_counted bigint, p_denominations jsonb, p_workstation text) RETURNS teller.cash_result
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    v_staff     teller.staff;
    v_op        teller.operations;
    v_fp        bytea;
    v_till      teller.accounts;
    v_os        teller.accounts;
    v_row       teller.accounts;
    v_sum       numeric := 0;
    v_entry     record;
    v_value     bigint;
    v_count     bigint;
    v_expected  bigint;
    v_diff      bigint;
    v_tolerance bigint;
    v_balance   bigint;
    v_held      bigint;
    v_status    text := 'completed';
    v_reason    text;
BEGIN
    IF p_key IS NULL OR p_kind IS NULL OR p_kind NOT IN ('open', 'close')
       OR p_currency IS NULL OR NOT EXISTS (SELECT FROM teller.currencies WHERE code = p_currency)
       OR p_counted IS NULL OR p_counted < 0 OR p_counted > 1000000000000000
       OR p_workstation IS NULL OR length(p_workstation) NOT BETWEEN 1 AND 63 OR NOT teller.plain_text(p_workstation)
       OR (p_denominations IS NOT NULL AND jsonb_typeof(p_denominations) <> 'object') THEN
        RAISE EXCEPTION 'malformed till count' USING ERRCODE = '22023';
    END IF;
    IF p_denominations IS NOT NULL THEN
        FOR v_entry IN SELECT key, value FROM jsonb_each(p_denominations) LOOP
            IF v_entry.key !~ '^[1-9][0-9]{0,14}$' OR jsonb_typeof(v_entry.value) <> 'number'
               OR v_entry.value::text !~ '^[0-9]{1,9}$' THEN
                RAISE EXCEPTION 'malformed denomination count %: %', v_entry.key, v_entry.value USING ERRCODE = '22023';
            END IF;
            v_value := v_entry.key::bigint;
            v_count := v_entry.value::text::bigint;
            IF NOT EXISTS (SELECT FROM teller.denominations d
                            WHERE d.currency = p_currency AND d.value = v_value AND d.active) THEN
                RAISE EXCEPTION '% is not a note or coin of %', v_value, p_currency USING ERRCODE = '22023';
            END IF;
            v_sum := v_sum + v_value::numeric * v_count;
        END LOOP;
        IF v_sum <> p_counted THEN
            RAISE EXCEPTION 'the notes and coins add up to %, not to the counted %', v_sum, p_counted
                USING ERRCODE = '22023';
        END IF;
    END IF;
    v_fp := pg_catalog.sha256(pg_catalog.convert_to(
        'teller/till/v1' || E'\n' || p_kind || E'\n' || p_currency || E'\n' || p_counted::text || E'\n'
        || coalesce(p_denominations::text, '') || E'\n', 'UTF8'));

    v_staff := teller.money_staff();
    IF v_staff.role NOT IN ('teller', 'supervisor') THEN
        RAISE EXCEPTION 'only tellers and supervisors have tills' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF FOUND THEN
        RETURN teller.cash_answer(v_op, v_fp, true);
    END IF;

    -- The branch's over/short account first, then the till: the money path's order.
    v_os := teller.internal_account(v_staff.branch_id, 'over_short', p_currency);
    SELECT * INTO v_till FROM teller.accounts WHERE kind = 'till' AND owner = v_staff.login AND currency = p_currency;
    IF NOT FOUND AND p_kind = 'open' THEN
        v_till := teller.internal_account(v_staff.branch_id, 'till', p_currency, v_staff.login);
    END IF;
    FOR v_row IN SELECT * FROM teller.lock_sides(v_os.id, v_till.id) LOOP
        IF v_row.id = v_till.id THEN
            v_till := v_row;
        END IF;
    END LOOP;

    IF v_till.id IS NULL OR (p_kind = 'close' AND NOT v_till.till_open) THEN
        v_status := 'rejected'; v_reason := 'till_not_open';
    ELSIF p_kind = 'open' AND v_till.till_open THEN
        v_status := 'rejected'; v_reason := 'till_already_open';
    ELSIF EXISTS (SELECT FROM teller.operations
                   WHERE account_id = v_till.id AND kind IN ('till_open', 'till_close') AND status = 'pending_approval') THEN
        v_status := 'rejected'; v_reason := 'difference_pending';
    ELSIF p_kind = 'close' AND v_till.held > 0 THEN
        v_status := 'rejected'; v_reason := 'operations_pending';
    END IF;

    v_expected := v_till.balance;
    v_diff := p_counted - v_expected;
    v_tolerance := coalesce((SELECT till_tolerance FROM teller.cash_rules WHERE currency = p_currency::char(3)), 0);
    IF v_status = 'completed' AND abs(v_diff) > v_tolerance THEN
        v_status := 'pending_approval';
    END IF;

    -- The till after: a posted difference brings the book to the count; a waiting shortage is
    -- held (the cash that is not there cannot be paid out).
    v_balance := v_till.balance + CASE WHEN v_status = 'completed' THEN v_diff ELSE 0 END;
    v_held := v_till.held + CASE WHEN v_status = 'pending_approval' AND v_diff < 0 THEN -v_diff ELSE 0 END;

    INSERT INTO teller.operations AS o
        (key, kind, account_number, account_id, debit_account_id, credit_account_id, amount, currency,
         fingerprint, status, reason, balance_after, available_after, till_after, initiated_by, workstation,
         expires_at)
    VALUES
        (p_key, 'till_' || p_kind, coalesce(v_till.number, ''), v_till.id,
         CASE WHEN v_status IN ('completed', 'pending_approval') AND v_diff <> 0
              THEN CASE WHEN v_diff < 0 THEN v_os.id ELSE v_till.id END END,
         CASE WHEN v_status IN ('completed', 'pending_approval') AND v_diff <> 0
              THEN CASE WHEN v_diff < 0 THEN v_till.id ELSE v_os.id END END,
         CASE WHEN v_status IN ('completed', 'pending_approval') AND v_diff <> 0 THEN abs(v_diff) END,
         p_currency, v_fp, v_status, v_reason,
         CASE WHEN v_status <> 'rejected' THEN v_balance END, CASE WHEN v_status <> 'rejected' THEN v_balance - v_held END,
         CASE WHEN v_status <> 'rejected' THEN v_balance - v_held END, v_staff.login, p_workstation,
         -- A difference waits for a supervisor however long it takes: it never expires.
         CASE WHEN v_status = 'pending_approval' THEN 'infinity'::timestamptz END)
    ON CONFLICT (key) DO NOTHING
    RETURNING o.* INTO v_op;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'a concurrent attempt with key % was recorded first', p_key USING ERRCODE = '40001';
    END IF;
    IF v_status = 'rejected' THEN
        RETURN teller.cash_answer(v_op, v_fp, false);
    END IF;

    IF v_op.amount IS NOT NULL THEN
        PERFORM teller.move_locked(v_op, CASE WHEN v_status = 'completed' THEN 'post' ELSE 'hold' END);
    END IF;
    UPDATE teller.accounts SET till_open = (p_kind = 'open'), updated_at = now() WHERE id = v_till.id;
    INSERT INTO teller.till_counts (key, till_id, kind, expected, counted, denominations, counted_by)
    VALUES (p_key, v_till.id, p_kind, v_expected, p_counted, p_denominations, v_staff.login);
    IF v_status = 'pending_approval' THEN
        PERFORM teller.notify_operation(v_op);
    END IF;
    RETURN teller.cash_answer(v_op, v_fp, false);
END
$_$;


--
-- Name: current_staff(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.current_staff() RETURNS SETOF teller.staff
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT * FROM teller.staff WHERE login = teller.actor() AND active
$$;


--
-- Name: settings; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.settings (
    key text NOT NULL,
    value text NOT NULL,
    CONSTRAINT settings_bank_name_is_a_name CHECK (((key <> 'bank_name'::text) OR (((length(btrim(value)) >= 1) AND (length(btrim(value)) <= 100)) AND (value !~ '[\x01-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]'::text)))),
    CONSTRAINT settings_database_identity_is_a_uuid CHECK (((key <> 'database_identity'::text) OR (value ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'::text)))
);


--
-- Name: setting(text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.setting(p_key text) RETURNS text
    LANGUAGE sql STABLE
    RETURN (SELECT settings.value FROM teller.settings WHERE (settings.key = setting.p_key));


--
-- Name: database_identity(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.database_identity() RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    RETURN (teller.setting('database_identity'::text))::uuid;


--
-- Name: decide_operation(uuid, boolean, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.decide_operation(p_key uuid, p_approve boolean, p_note text) RETURNS teller.decision_result
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_staff teller.staff;
    v_op    teller.operations;
    v_row   teller.accounts;
    v_named teller.accounts;  -- the account the operation names first (its balance_after)
    v_till  bigint;           -- the till's cash after, if a till moved
BEGIN
    IF p_key IS NULL OR p_approve IS NULL OR length(coalesce(p_note, '')) > 500 OR NOT teller.plain_text(p_note) THEN
        RAISE EXCEPTION 'malformed decision' USING ERRCODE = '22023';
    END IF;
    IF NOT p_approve AND length(btrim(coalesce(p_note, ''))) = 0 THEN
        RAISE EXCEPTION 'a rejection needs a reason' USING ERRCODE = '22023';
    END IF;
    v_staff := teller.money_staff();
    IF v_staff.role <> 'supervisor' THEN
        RAISE EXCEPTION 'only supervisors approve or reject operations' USING ERRCODE = '42501';
    END IF;

    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF NOT FOUND OR v_op.kind IS NULL THEN
        RAISE EXCEPTION 'no operation with key %', p_key USING ERRCODE = 'P0002';
    END IF;
    IF v_op.initiated_by = teller.actor() THEN
        RAISE EXCEPTION 'nobody approves or rejects their own operation' USING ERRCODE = '42501';
    END IF;

    -- The accounts first, then the operation: the order of every money function.
    IF v_op.status = 'pending_approval' THEN
        PERFORM teller.lock_sides(v_op.debit_account_id, v_op.credit_account_id);
    END IF;
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key FOR UPDATE;

    IF v_op.status = 'pending_approval' AND v_op.expires_at <= clock_timestamp() THEN
        v_op := teller.expire_locked(v_op);
    END IF;
    IF v_op.status <> 'pending_approval' THEN
        -- Somebody decided first (or time ran out): nothing changes; say who and how.
        RETURN ROW(v_op.key, false, v_op.status, v_op.reason, v_op.decided_by, v_op.decided_at,
                   v_op.decision_note, v_op.initiated_by, v_op.balance_after)::teller.decision_result;
    END IF;

    IF p_approve THEN
        -- What was held is there; what receives the money must be able to take it.
        FOR v_row IN SELECT * FROM teller.accounts WHERE id IN (v_op.debit_account_id, v_op.credit_account_id) LOOP
            IF v_row.kind = 'customer' AND v_row.status = 'closed' THEN
                RAISE EXCEPTION 'account % is closed: reject the operation instead', v_row.number USING ERRCODE = '55000';
            END IF;
            IF v_row.kind = 'customer' AND v_row.status = 'frozen'
               AND teller.side_delta(v_row.kind, v_row.id = v_op.debit_account_id, v_op.amount) < 0 THEN
                RAISE EXCEPTION 'account % is frozen: reject the operation instead', v_row.number USING ERRCODE = '55000';
            END IF;
            IF v_row.kind = 'till' AND NOT v_row.till_open AND v_op.kind NOT IN ('till_open', 'till_close')
               AND teller.side_delta(v_row.kind, v_row.id = v_op.debit_account_id, v_op.amount) > 0 THEN
                RAISE EXCEPTION 'the till % is closed: reject the operation instead, or have it opened', v_row.number
                    USING ERRCODE = '55000';
            END IF;
        END LOOP;
        FOR v_row IN SELECT * FROM teller.move_locked(v_op, 'post_held') LOOP
            IF v_row.id = v_op.account_id THEN
                v_named := v_row;
            END IF;
            IF v_row.kind = 'till' THEN
                v_till := v_row.balance - v_row.held;
            END IF;
        END LOOP;
        IF v_op.kind IN ('withdrawal', 'deposit') THEN
            -- Approved cash counts towards the teller's day, in their branch's time zone.
            UPDATE teller.accounts t
               SET cash_day = d.day,
                   cash_day_total = CASE WHEN t.cash_day = d.day THEN least(t.cash_day_total, 9223372036854775807 - v_op.amount)
                                         ELSE 0 END + v_op.amount
              FROM (SELECT (clock_timestamp() AT TIME ZONE b.time_zone)::date AS day
                      FROM teller.staff s JOIN teller.branches b ON b.id = s.branch_id
                     WHERE s.login = v_op.initiated_by) d
             WHERE t.id IN (v_op.debit_account_id, v_op.credit_account_id) AND t.kind = 'till';
        END IF;
        UPDATE teller.operations
           SET status = 'completed', balance_after = v_named.balance, available_after = v_named.balance - v_named.held,
               till_after = coalesce(v_till, till_after), decided_by = v_staff.login, decided_at = clock_timestamp(),
               decision_note = nullif(btrim(p_note), '')
         WHERE id = v_op.id RETURNING * INTO v_op;
    ELSE
        FOR v_row IN SELECT * FROM teller.move_locked(v_op, 'release') LOOP
            IF v_row.id = v_op.account_id THEN
                v_named := v_row;
            END IF;
        END LOOP;
        IF v_named.id IS NULL THEN
            SELECT * INTO v_named FROM teller.accounts WHERE id = v_op.account_id;
        END IF;
        UPDATE teller.operations
           SET status = 'rejected', reason = 'supervisor_rejected', balance_after = v_named.balance,
               available_after = v_named.balance - v_named.held, decided_by = v_staff.login, decided_at = clock_timestamp(),
               decision_note = btrim(p_note)
         WHERE id = v_op.id RETURNING * INTO v_op;
    END IF;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES (CASE WHEN p_approve THEN 'approve' ELSE 'reject' END, p_key::text,
            jsonb_build_object('initiated_by', v_op.initiated_by, 'kind', v_op.kind, 'amount', v_op.amount,
                               'note', v_op.decision_note));
    PERFORM teller.notify_operation(v_op);
    RETURN ROW(v_op.key, true, v_op.status, v_op.reason, v_op.decided_by, v_op.decided_at, v_op.decision_note,
               v_op.initiated_by, v_op.balance_after)::teller.decision_result;
END
$$;


--
-- Name: decide_staff_change(bigint, boolean, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.decide_staff_change(p_id bigint, p_approve boolean, p_note text) RETURNS teller.staff_answer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_admin teller.staff;
    v       teller.staff_changes;
BEGIN
    IF p_id IS NULL OR p_approve IS NULL OR length(coalesce(p_note, '')) > 500 OR NOT teller.plain_text(p_note) THEN
        RAISE EXCEPTION 'malformed decision' USING ERRCODE = '22023';
    END IF;
    IF NOT p_approve AND length(btrim(coalesce(p_note, ''))) = 0 THEN
        RAISE EXCEPTION 'a rejection needs a reason' USING ERRCODE = '22023';
    END IF;
    PERFORM teller.durable_write();
    v_admin := teller.staff_administrator();
    SELECT * INTO v FROM teller.staff_changes WHERE id = p_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no staff change %', p_id USING ERRCODE = 'P0002';
    END IF;
    IF v.requested_by = teller.actor() OR v.login = teller.actor() THEN
        RAISE EXCEPTION 'nobody decides a staff change they asked for or one about themselves' USING ERRCODE = '42501';
    END IF;
    IF v.status = 'pending_approval' AND v.expires_at <= clock_timestamp() THEN
        UPDATE teller.staff_changes SET status = 'expired', decided_at = clock_timestamp(), password_verifier = NULL
         WHERE id = v.id RETURNING * INTO v;
    END IF;
    IF v.status <> 'pending_approval' THEN
        RETURN teller.staff_answer(v.login, v.status, v.id);
    END IF;

    IF p_approve THEN
        IF v.change = 'reactivate' THEN
            UPDATE teller.staff SET active = true WHERE login = v.login;
            EXECUTE format('ALTER ROLE %I LOGIN', v.login);
        ELSE
            PERFORM teller.apply_staff(v.login, v.display_name, v.role, v.approval_limit, v.password_verifier, v.branch_id,
                                       true);
        END IF;
    END IF;
    UPDATE teller.staff_changes
       SET status = CASE WHEN p_approve THEN 'completed' ELSE 'rejected' END, decided_by = teller.actor(),
           decided_at = clock_timestamp(), decision_note = nullif(btrim(p_note), ''), password_verifier = NULL
     WHERE id = v.id RETURNING * INTO v;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES (CASE WHEN p_approve THEN 'staff_change_approve' ELSE 'staff_change_reject' END, v.login,
            jsonb_build_object('change', v.id, 'requested_by', v.requested_by, 'note', v.decision_note));
    RETURN teller.staff_answer(v.login, v.status, v.id);
END
$$;


--
-- Name: decided_operations(integer); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.decided_operations(p_limit integer) RETURNS TABLE(key uuid, kind text, account_number text, holder text, counter_account_number text, amount bigint, currency text, available bigint, initiated_by text, initiator_name text, workstation text, note text, status text, reason text, created_at timestamp with time zone, expires_at timestamp with time zone, decided_by text, decided_at timestamp with time zone, decision_note text, original_kind text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_staff teller.staff;
BEGIN
    v_staff := teller.session_staff();
    IF v_staff.role <> 'supervisor' THEN
        RAISE EXCEPTION 'only supervisors review operations' USING ERRCODE = '42501';
    END IF;
    PERFORM teller.audit_read('decided_operations', NULL, NULL);
    RETURN QUERY
        SELECT o.key, o.kind::text, o.account_number, a.holder::text, o.counter_account_number, o.amount::bigint,
               o.currency::text, a.balance - a.held, o.initiated_by, s.display_name, o.workstation, o.note::text,
               o.status::text, o.reason, o.created_at, o.expires_at, o.decided_by, o.decided_at, o.decision_note::text,
               r.kind::text
          FROM teller.operations o
          LEFT JOIN teller.accounts a ON a.id = o.account_id
          LEFT JOIN teller.staff s ON s.login = o.initiated_by
          LEFT JOIN teller.operations r ON r.key = o.reverses
         WHERE o.decided_at IS NOT NULL
         ORDER BY o.decided_at DESC
         LIMIT least(greatest(coalesce(p_limit, 200), 1), 200);
END
$$;


--
-- Name: doubt_list(integer); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.doubt_list(p_limit integer) RETURNS TABLE(key uuid, reported_by text, workstation text, kind text, account_number text, counter_account_number text, amount bigint, currency text, message text, reported_at timestamp with time zone, server_status text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_staff teller.staff;
BEGIN
    v_staff := teller.session_staff();
    IF v_staff.role <> 'supervisor' THEN
        RAISE EXCEPTION 'only supervisors read the reports of actions in doubt' USING ERRCODE = '42501';
    END IF;
    PERFORM teller.audit_read('doubt_list', NULL, NULL);
    RETURN QUERY
        SELECT d.key, d.reported_by, d.workstation, d.kind, d.account_number, d.counter_account_number, d.amount,
               d.currency::text, d.message, d.reported_at, o.status::text
          FROM teller.doubt_reports d
          LEFT JOIN teller.operations o ON o.key = d.key
         ORDER BY (o.status IS NULL) DESC, d.reported_at DESC
         LIMIT least(greatest(coalesce(p_limit, 200), 1), 200);
END
$$;


--
-- Name: durable_write(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.durable_write() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM set_config('teller.durable', '1', true);
    IF current_setting('synchronous_commit') IN ('off', 'local') THEN
        PERFORM set_config('synchronous_commit', 'on', true);
    END IF;
END
$$;


--
-- Name: end_staff_session(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.end_staff_session() RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: end_stale_money_sessions(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.end_stale_money_sessions() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: events_after(bigint); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.events_after(p_cursor bigint) RETURNS TABLE(id bigint, at timestamp with time zone, kind text, key uuid, status text, initiated_by text, account_number text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: expire_holds(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.expire_holds() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_candidate record;
    v_op        teller.operations;
    v_count     integer := 0;
BEGIN
    PERFORM teller.durable_write();
    PERFORM teller.session_staff();
    FOR v_candidate IN
        SELECT id, debit_account_id, credit_account_id FROM teller.operations
         WHERE status = 'pending_approval' AND expires_at <= clock_timestamp() ORDER BY id
    LOOP
        PERFORM teller.lock_sides(v_candidate.debit_account_id, v_candidate.credit_account_id);
        SELECT * INTO v_op FROM teller.operations WHERE id = v_candidate.id FOR UPDATE;
        IF v_op.status = 'pending_approval' AND v_op.expires_at <= clock_timestamp() THEN
            PERFORM teller.expire_locked(v_op);
            v_count := v_count + 1;
        END IF;
    END LOOP;
    RETURN v_count;
END
$$;


--
-- Name: expire_locked(teller.operations); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.expire_locked(p_op teller.operations) RETURNS teller.operations
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v teller.operations;
BEGIN
    IF p_op.amount IS NOT NULL THEN
        PERFORM teller.move_locked(p_op, 'release');
    END IF;
    UPDATE teller.operations SET status = 'expired', decided_at = clock_timestamp()
     WHERE id = p_op.id RETURNING * INTO v;
    PERFORM teller.notify_operation(v);
    RETURN v;
END
$$;


--
-- Name: find_account(text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.find_account(p_number text) RETURNS TABLE(id bigint, number text, holder text, currency text, balance bigint, held bigint, balance_floor bigint, status text, opened_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_staff teller.staff;
BEGIN
    v_staff := teller.session_staff();
    PERFORM teller.audit_read('find_account', left(p_number, 40), NULL);
    RETURN QUERY
        SELECT a.id, a.number::text, a.holder::text, a.currency::text, a.balance, a.held::bigint, a.balance_floor::bigint,
               a.status::text, a.opened_at
          FROM teller.accounts a
         WHERE a.number = p_number AND (a.kind = 'customer' OR v_staff.role <> 'teller');
END
$$;


--
-- Name: forbid_change(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.forbid_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RAISE EXCEPTION 'teller.% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = '42501';
END
$$;


--
-- Name: guard_operation_update(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.guard_operation_update() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF OLD.status <> 'pending_approval'
       OR NEW.status NOT IN ('pending_approval', 'completed', 'rejected', 'expired')
       OR (NEW.key, NEW.kind, NEW.account_number, NEW.counter_account_number, NEW.account_id,
           NEW.counter_account_id, NEW.debit_account_id, NEW.credit_account_id, NEW.amount, NEW.currency,
           NEW.fingerprint, NEW.reverses, NEW.initiated_by, NEW.workstation, NEW.created_at)
          IS DISTINCT FROM
          (OLD.key, OLD.kind, OLD.account_number, OLD.counter_account_number, OLD.account_id,
           OLD.counter_account_id, OLD.debit_account_id, OLD.credit_account_id, OLD.amount, OLD.currency,
           OLD.fingerprint, OLD.reverses, OLD.initiated_by, OLD.workstation, OLD.created_at) THEN
        RAISE EXCEPTION 'operation % may not change from % to %', OLD.key, OLD.status, NEW.status
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: index_holder_words(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.index_holder_words() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.holder IS NOT DISTINCT FROM OLD.holder THEN
            RETURN NULL;
        END IF;
        DELETE FROM teller.holder_words WHERE account_id = NEW.id;
    END IF;
    INSERT INTO teller.holder_words (word, account_id)
    SELECT DISTINCT w, NEW.id
      FROM regexp_split_to_table(lower(NEW.holder::text), '[[:space:],.;:&/()"''+-]+') AS w
     WHERE w <> '';
    RETURN NULL;
END
$$;


--
-- Name: internal_account(bigint, text, text, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.internal_account(p_branch bigint, p_kind text, p_currency text, p_owner text DEFAULT NULL::text) RETURNS teller.accounts
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v teller.accounts;
BEGIN
    IF p_kind NOT IN ('till', 'vault', 'over_short', 'in_transit') OR (p_kind = 'till') <> (p_owner IS NOT NULL) THEN
        RAISE EXCEPTION 'no internal account of kind %', p_kind USING ERRCODE = '22023';
    END IF;
    IF NOT EXISTS (SELECT FROM teller.currencies WHERE code = p_currency) THEN
        RAISE EXCEPTION 'unknown currency %', p_currency USING ERRCODE = '22023';
    END IF;
    IF p_kind = 'till' THEN
        SELECT * INTO v FROM teller.accounts WHERE kind = 'till' AND owner = p_owner AND currency = p_currency;
    ELSE
        SELECT * INTO v FROM teller.accounts WHERE branch_id = p_branch AND kind = p_kind AND currency = p_currency;
    END IF;
    IF FOUND THEN
        RETURN v;
    END IF;
    INSERT INTO teller.accounts (number, holder, currency, kind, branch_id, owner, balance_floor)
    VALUES ('X' || upper(left(p_kind, 1)) || lpad(nextval('teller.internal_account_number')::text, 8, '0') || p_currency,
            CASE p_kind WHEN 'till' THEN 'Till of ' || p_owner WHEN 'vault' THEN 'Vault'
                        WHEN 'over_short' THEN 'Cash over and short' ELSE 'Cash in transit' END
            || ' (' || (SELECT code FROM teller.branches WHERE id = p_branch) || ', ' || p_currency || ')',
            p_currency, p_kind, p_branch, p_owner,
            CASE WHEN p_kind IN ('till', 'vault') THEN 0 ELSE -9223372036854775807 END)
    ON CONFLICT DO NOTHING
    RETURNING * INTO v;
    IF NOT FOUND THEN -- made by a concurrent call a moment ago
        RETURN teller.internal_account(p_branch, p_kind, p_currency, p_owner);
    END IF;
    RETURN v;
END
$$;


--
-- Name: invariant_violations(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.invariant_violations() RETURNS TABLE(invariant text, subject text, detail text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM teller.staff s WHERE s.login = teller.actor() AND s.active
                                              AND s.role IN ('supervisor', 'admin'))
       AND NOT pg_catalog.pg_has_role(teller.actor(), (SELECT n.nspowner FROM pg_catalog.pg_namespace n
                                                      WHERE n.nspname = 'teller'), 'USAGE') THEN
        RAISE EXCEPTION 'only supervisors and administrators check the invariants' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
    WITH sides AS (
        SELECT o.debit_account_id AS account_id, true AS is_debit, o.amount, o.status
          FROM teller.operations o
         WHERE o.status IN ('completed', 'pending_approval') AND o.amount IS NOT NULL
        UNION ALL
        SELECT o.credit_account_id, false, o.amount, o.status
          FROM teller.operations o
         WHERE o.status IN ('completed', 'pending_approval') AND o.amount IS NOT NULL
    ), per_account AS (
        SELECT a.id,
               coalesce(sum(teller.side_delta(a.kind, s.is_debit, s.amount)) FILTER (WHERE s.status = 'completed'), 0) AS moved,
               coalesce(sum(s.amount) FILTER (WHERE s.status = 'pending_approval'
                                               AND teller.side_delta(a.kind, s.is_debit, s.amount) < 0), 0) AS pending
          FROM teller.accounts a LEFT JOIN sides s ON s.account_id = a.id
         GROUP BY a.id
    )
    SELECT 'balance_equals_movements', a.number, format('balance %s, movements %s', a.balance, p.moved)
      FROM teller.accounts a JOIN per_account p ON p.id = a.id
     WHERE a.balance <> p.moved
    UNION ALL
    SELECT 'held_equals_pending', a.number, format('held %s, pending %s', a.held, p.pending)
      FROM teller.accounts a JOIN per_account p ON p.id = a.id
     WHERE a.held <> p.pending
    UNION ALL
    SELECT 'debits_equal_credits', c.currency, format('held by the bank %s, owed to customers %s', c.held, c.owed)
      FROM (SELECT currency,
                   sum(balance::numeric) FILTER (WHERE kind <> 'customer') AS held,
                   sum(balance::numeric) FILTER (WHERE kind = 'customer') AS owed
              FROM teller.accounts GROUP BY currency) c
     WHERE coalesce(c.held, 0) <> coalesce(c.owed, 0)
    UNION ALL
    SELECT 'available_not_below_floor', number, format('balance %s, held %s, floor %s', balance, held, balance_floor)
      FROM teller.accounts WHERE balance - held < balance_floor
    UNION ALL
    SELECT 'movement_two_sided', o.key::text, format('%s of %s %s between %s and %s', o.kind, o.amount, o.currency,
                                                     o.debit_account_id, o.credit_account_id)
      FROM teller.operations o
      LEFT JOIN teller.accounts d ON d.id = o.debit_account_id
      LEFT JOIN teller.accounts c ON c.id = o.credit_account_id
     WHERE o.status IN ('completed', 'pending_approval') AND o.amount IS NOT NULL
       AND (d.id IS NULL OR c.id IS NULL OR d.id = c.id OR d.currency <> o.currency OR c.currency <> o.currency);
END
$$;


--
-- Name: large_cash_report(date, date); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.large_cash_report(p_from date, p_to date) RETURNS TABLE(booked_at timestamp with time zone, key uuid, kind text, status text, account text, holder text, amount bigint, currency text, teller text, branch text, workstation text, document_type text, document_number text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT coalesce(o.decided_at, o.created_at), o.key, o.kind, o.status, o.account_number, a.holder, o.amount,
           o.currency::text, o.initiated_by, b.code, o.workstation, i.document_type, i.document_number
      FROM teller.cash_identifications i
      JOIN teller.operations o ON o.key = i.key
      LEFT JOIN teller.accounts a ON a.id = o.account_id
      LEFT JOIN teller.staff s ON s.login = o.initiated_by
      LEFT JOIN teller.branches b ON b.id = s.branch_id
     WHERE i.recorded_at >= p_from::timestamptz AND i.recorded_at < (p_to + 1)::timestamptz
       AND EXISTS (SELECT FROM teller.staff me WHERE me.login = teller.actor() AND me.active
                                                 AND me.role IN ('supervisor', 'admin'))
     ORDER BY i.recorded_at, o.key
$$;


--
-- Name: cash_rules; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.cash_rules (
    currency character(3) NOT NULL,
    large_cash_threshold bigint NOT NULL,
    till_tolerance bigint DEFAULT 0 NOT NULL,
    teller_daily_limit bigint,
    CONSTRAINT cash_rules_large_cash_threshold_check CHECK ((large_cash_threshold > 0)),
    CONSTRAINT cash_rules_teller_daily_limit_check CHECK ((teller_daily_limit > 0)),
    CONSTRAINT cash_rules_till_tolerance_check CHECK ((till_tolerance >= 0))
);


--
-- Name: large_cash_threshold(text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.large_cash_threshold(p_currency text) RETURNS bigint
    LANGUAGE sql STABLE
    RETURN (SELECT r.large_cash_threshold FROM teller.cash_rules r WHERE (r.currency = (large_cash_threshold.p_currency)::character(3)));


--
-- Name: lock_sides(bigint, bigint); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.lock_sides(p_debit bigint, p_credit bigint) RETURNS SETOF teller.accounts
    LANGUAGE sql
    AS $$
    SELECT * FROM teller.accounts WHERE id IN (p_debit, p_credit) ORDER BY kind = 'till', id FOR UPDATE
$$;


--
-- Name: may_wait(text, text, boolean); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.may_wait(p_login text, p_account text, p_holds boolean) RETURNS boolean
    LANGUAGE sql
    RETURN (SELECT ((count(*) < COALESCE((teller.setting('max_pending_per_teller'::text))::integer, 5)) AND ((NOT may_wait.p_holds) OR (count(*) FILTER (WHERE ((o.account_number = may_wait.p_account) AND ((o.kind)::text <> 'deposit'::text))) < COALESCE((teller.setting('max_pending_holds_per_account'::text))::integer, 1)))) FROM teller.operations o WHERE ((o.initiated_by = may_wait.p_login) AND ((o.status)::text = 'pending_approval'::text) AND (o.expires_at > clock_timestamp())));


--
-- Name: money_staff(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.money_staff() RETURNS teller.staff
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v teller.staff;
BEGIN
    IF statement_timestamp() - transaction_timestamp() > interval '1 second'
       OR pg_catalog.pg_current_xact_id_if_assigned() IS NOT NULL
       OR current_setting('teller.money_action', true) = '1' THEN
        RAISE EXCEPTION 'a money action is a transaction of its own: one action, as its first statement'
            USING ERRCODE = '25001';
    END IF;
    PERFORM set_config('teller.money_action', '1', true);
    -- What the caller is told is done survives a crash and a failover.
    PERFORM teller.durable_write();
    v := teller.session_staff();
    IF v.must_change_password THEN
        RAISE EXCEPTION 'the password of "%" was set by an administrator: choose your own before moving money', v.login
            USING ERRCODE = '42501';
    END IF;
    RETURN v;
END
$$;


--
-- Name: move_locked(teller.operations, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.move_locked(p_op teller.operations, p_how text) RETURNS SETOF teller.accounts
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF p_how NOT IN ('post', 'hold', 'post_held', 'release') OR p_op.amount IS NULL
       OR p_op.debit_account_id IS NULL OR p_op.credit_account_id IS NULL THEN
        RAISE EXCEPTION 'nothing to move for operation %', p_op.key USING ERRCODE = '22023';
    END IF;
    RETURN QUERY
    UPDATE teller.accounts a
       SET balance = a.balance
                     + CASE WHEN p_how IN ('post', 'post_held')
                            THEN teller.side_delta(a.kind, a.id = p_op.debit_account_id, p_op.amount) ELSE 0 END,
           held = a.held
                  + CASE WHEN teller.side_delta(a.kind, a.id = p_op.debit_account_id, p_op.amount) >= 0 THEN 0
                         WHEN p_how = 'hold' THEN p_op.amount
                         WHEN p_how IN ('post_held', 'release') THEN -p_op.amount
                         ELSE 0 END,
           updated_at = now()
     WHERE a.id IN (p_op.debit_account_id, p_op.credit_account_id)
    RETURNING a.*;
END
$$;


--
-- Name: notify_operation(teller.operations); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.notify_operation(p_op teller.operations) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO teller.events (kind, key, status, initiated_by)
    VALUES ('operation', p_op.key, p_op.status, p_op.initiated_by);
END
$$;


--
-- Name: open_account(text, text, text, bigint); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.open_account(p_number text, p_holder text, p_currency text, p_floor bigint) RETURNS teller.accounts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    v teller.accounts;
BEGIN
    -- The GRANT decides who may; through a pooled login only for a member who signed in.
    PERFORM teller.actor();
    PERFORM teller.durable_write();
    IF p_number IS NULL OR p_number !~ '^[A-Z0-9]{1,34}$' THEN
        RAISE EXCEPTION 'invalid account number "%"', p_number USING ERRCODE = '22023';
    END IF;
    IF p_number ~ '^X[A-Z][0-9]{8}[A-Z]{3}$' THEN
        RAISE EXCEPTION 'account numbers of the form X?00000000CUR are the bank''s own (tills, vaults)'
            USING ERRCODE = '22023';
    END IF;
    IF p_floor IS NOT NULL AND (p_floor > 0 OR p_floor < -1000000000000000) THEN
        RAISE EXCEPTION 'an account''s floor is between -1000000000000000 and 0 minor units, not %', p_floor
            USING ERRCODE = '22023';
    END IF;
    IF p_holder IS NULL OR length(btrim(p_holder)) NOT BETWEEN 1 AND 200 OR NOT teller.plain_text(p_holder) THEN
        RAISE EXCEPTION 'an account holder''s name is 1 to 200 characters of plain text' USING ERRCODE = '22023';
    END IF;
    INSERT INTO teller.accounts AS a (number, holder, currency, balance_floor)
    VALUES (p_number, btrim(p_holder), p_currency, coalesce(p_floor, 0))
    ON CONFLICT (number) DO NOTHING
    RETURNING a.* INTO v;
    IF NOT FOUND THEN
        -- Opening the same account twice is harmless; opening a different one under an
        -- existing number is not.
        SELECT * INTO STRICT v FROM teller.accounts WHERE number = p_number;
        IF v.kind <> 'customer' OR v.holder <> btrim(p_holder) OR v.currency <> p_currency OR v.balance_floor <> coalesce(p_floor, 0) THEN
            RAISE EXCEPTION 'account % already exists with other details', p_number USING ERRCODE = '23505';
        END IF;
        RETURN v;
    END IF;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES ('account_open', p_number, jsonb_build_object('holder', v.holder, 'currency', v.currency,
                                                         'floor', v.balance_floor));
    RETURN v;
END
$_$;


--
-- Name: branches; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.branches (
    id bigint NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    time_zone text DEFAULT 'UTC'::text NOT NULL,
    CONSTRAINT branches_code_check CHECK ((code ~ '^[A-Z0-9]{1,8}$'::text)),
    CONSTRAINT branches_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 100)))
);


--
-- Name: open_branch(text, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.open_branch(p_code text, p_name text) RETURNS teller.branches
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    v teller.branches;
BEGIN
    PERFORM teller.durable_write();
    PERFORM teller.staff_administrator(); -- an admin, or the owner who provisions the database
    IF p_code IS NULL OR p_code !~ '^[A-Z0-9]{1,8}$' OR p_name IS NULL OR length(btrim(p_name)) NOT BETWEEN 1 AND 100 THEN
        RAISE EXCEPTION 'a branch has a code of 1 to 8 letters or digits and a name' USING ERRCODE = '22023';
    END IF;
    INSERT INTO teller.branches AS b (code, name) VALUES (p_code, btrim(p_name))
    ON CONFLICT (code) DO NOTHING
    RETURNING b.* INTO v;
    IF NOT FOUND THEN
        SELECT * INTO STRICT v FROM teller.branches WHERE code = p_code;
        IF v.name <> btrim(p_name) THEN
            RAISE EXCEPTION 'branch % already exists with another name', p_code USING ERRCODE = '23505';
        END IF;
        RETURN v;
    END IF;
    INSERT INTO teller.audit_log (action, subject, details) VALUES ('branch_open', p_code, jsonb_build_object('name', v.name));
    RETURN v;
END
$_$;


--
-- Name: open_staff_session(text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.open_staff_session(p_workstation text) RETURNS TABLE(secret text, staff_group text, expires_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: operation_rules(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.operation_rules() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.status <> 'abandoned'
       AND (NEW.kind IS NULL OR NEW.account_number IS NULL OR NEW.currency IS NULL OR NEW.fingerprint IS NULL
            OR (NEW.amount IS NULL AND NEW.kind NOT IN ('till_open', 'till_close'))) THEN
        RAISE EXCEPTION 'operation %: the request is not complete', NEW.key USING ERRCODE = '23514';
    END IF;
    IF NEW.kind IN ('withdrawal', 'deposit', 'transfer') AND (NEW.kind = 'transfer') <> (NEW.counter_account_number IS NOT NULL) THEN
        RAISE EXCEPTION 'operation %: only a transfer names a counter account', NEW.key USING ERRCODE = '23514';
    END IF;
    IF (NEW.status = 'rejected') <> (NEW.reason IS NOT NULL) THEN
        RAISE EXCEPTION 'operation %: a rejection, and only a rejection, has a reason', NEW.key USING ERRCODE = '23514';
    END IF;
    IF NEW.status = 'pending_approval' AND NEW.expires_at IS NULL THEN
        RAISE EXCEPTION 'operation %: a pending operation expires', NEW.key USING ERRCODE = '23514';
    END IF;
    IF NEW.status IN ('completed', 'pending_approval') AND NEW.amount IS NOT NULL
       AND (NEW.debit_account_id IS NULL OR NEW.credit_account_id IS NULL OR NEW.debit_account_id = NEW.credit_account_id) THEN
        RAISE EXCEPTION 'operation %: money moves between two accounts', NEW.key USING ERRCODE = '23514';
    END IF;
    IF NEW.debit_account_id IS NOT NULL
       AND (NEW.account_id IS NULL OR NEW.account_id NOT IN (NEW.debit_account_id, NEW.credit_account_id)
            OR NEW.counter_account_id NOT IN (NEW.debit_account_id, NEW.credit_account_id)) THEN
        RAISE EXCEPTION 'operation %: the accounts it names are the sides the money moves between', NEW.key
            USING ERRCODE = '23514';
    END IF;
    IF (NEW.kind = 'reversal') <> (NEW.reverses IS NOT NULL) THEN
        RAISE EXCEPTION 'operation %: a reversal, and only a reversal, names the original', NEW.key USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: pending_operations(integer); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.pending_operations(p_limit integer) RETURNS TABLE(key uuid, kind text, account_number text, holder text, counter_account_number text, amount bigint, currency text, available bigint, initiated_by text, initiator_name text, workstation text, note text, status text, reason text, created_at timestamp with time zone, expires_at timestamp with time zone, decided_by text, decided_at timestamp with time zone, decision_note text, original_kind text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_staff teller.staff;
BEGIN
    v_staff := teller.session_staff();
    IF v_staff.role <> 'supervisor' THEN
        RAISE EXCEPTION 'only supervisors review operations' USING ERRCODE = '42501';
    END IF;
    PERFORM teller.audit_read('pending_operations', NULL, NULL);
    RETURN QUERY
        SELECT o.key, o.kind::text, o.account_number, a.holder::text, o.counter_account_number, o.amount::bigint,
               o.currency::text, a.balance - a.held, o.initiated_by, s.display_name, o.workstation, o.note::text,
               o.status::text, o.reason, o.created_at, o.expires_at, o.decided_by, o.decided_at, o.decision_note::text,
               r.kind::text
          FROM teller.operations o
          LEFT JOIN teller.accounts a ON a.id = o.account_id
          LEFT JOIN teller.staff s ON s.login = o.initiated_by
          LEFT JOIN teller.operations r ON r.key = o.reverses
         WHERE o.status = 'pending_approval'
         ORDER BY o.created_at
         LIMIT least(greatest(coalesce(p_limit, 1000), 1), 1000);
END
$$;


--
-- Name: perform_action(uuid, text, text, text, bigint, text, bytea, text, text, text, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.perform_action(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_fingerprint bytea, p_workstation text, p_note text DEFAULT NULL::text, p_id_type text DEFAULT NULL::text, p_id_number text DEFAULT NULL::text) RETURNS teller.action_result
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    c_max      constant bigint := 9223372036854775807;
    v_login    text;
    v_role     text;
    v_limit    bigint;
    v_limit_cc char(3);
    v_till     bigint;   -- the teller's till in this currency, if there is one
    v_cash     boolean := p_kind IN ('withdrawal', 'deposit');
    v_pending  boolean;
    v_status   text := 'completed';
    v_reason   text;
    v_op       teller.operations;
    v_acc      teller.accounts;   -- the account named first
    v_ctr      teller.accounts;   -- a transfer's payee
    v_tl       teller.accounts;   -- the till
    v_row      teller.accounts;
    v_acc_id   bigint;
    v_ctr_id   bigint;
    v_balance  bigint;   -- of the account named first, after
    v_held     bigint;
    v_till_after bigint;
    v_debit    bigint;   -- the movement's sides
    v_credit   bigint;
    v_fast     boolean := false;
    v_threshold bigint;  -- from here on cash needs the customer's identification
    v_expired  teller.operations;
    v_must_change boolean;
    v_day_limit bigint;  -- the teller's daily cash limit in this currency (NULL: none)
    v_staff_day bigint;
    v_tz       text;     -- the branch's time zone: its business day
    v_today    date;
    v_day_used bigint;
BEGIN
    -- 1. The request must be well formed, and its fingerprint must be the one we compute.
    IF p_key IS NULL OR p_kind IS NULL OR p_kind NOT IN ('withdrawal', 'deposit', 'transfer')
       OR p_account IS NULL OR p_account !~ '^[A-Z0-9]{1,34}$'
       OR (p_kind = 'transfer') <> (p_counter IS NOT NULL)
       OR (p_counter IS NOT NULL AND (p_counter !~ '^[A-Z0-9]{1,34}$' OR p_counter = p_account))
       OR p_amount IS NULL OR p_amount <= 0 OR p_amount > 1000000000000000
       OR p_currency IS NULL OR p_currency !~ '^[A-Z]{3}$'
       OR p_workstation IS NULL OR length(p_workstation) NOT BETWEEN 1 AND 63
       OR length(coalesce(p_note, '')) > 500
       OR NOT teller.plain_text(p_workstation) OR NOT teller.plain_text(p_note) OR NOT teller.plain_text(p_id_number)
       OR (p_id_type IS NULL) <> (p_id_number IS NULL)
       OR (p_id_type IS NOT NULL AND NOT v_cash) THEN
        RAISE EXCEPTION 'malformed action request' USING ERRCODE = '22023';
    END IF;
    IF p_fingerprint IS DISTINCT FROM teller.request_fingerprint(p_kind, p_account, p_counter, p_amount, p_currency,
                                                                 p_id_type, p_id_number) THEN
        RAISE EXCEPTION 'the request fingerprint does not match the request' USING ERRCODE = '22023';
    END IF;
    -- A money action is a transaction of its own: one action, nothing written or locked before
    -- it, in a transaction not older than a second (as teller.money_staff says).
    IF statement_timestamp() - transaction_timestamp() > interval '1 second'
       OR pg_catalog.pg_current_xact_id_if_assigned() IS NOT NULL
       OR current_setting('teller.money_action', true) = '1' THEN
        RAISE EXCEPTION 'a money action is a transaction of its own: one action, as its first statement'
            USING ERRCODE = '25001';
    END IF;
    PERFORM set_config('teller.money_action', '1', true);
    -- A confirmed payout survives a crash and a failover, whatever the session set.
    IF current_setting('synchronous_commit') IN ('off', 'local') THEN
        PERFORM set_config('synchronous_commit', 'on', true);
    END IF;

    -- 2. Who asks, whether the key is known and, for cash, the large-cash threshold: small
    --    statements, no lock. (The till comes with its UPDATE below. One statement with
    --    sub-selects for all of it cost twice as much to run; the till's UPDATE joined with the
    --    cash rules cost more than the two apart.)
    v_login := teller.actor(); -- who acts: the login, or the member a pooled transaction names
    SELECT s.login, s.role, s.approval_limit, s.limit_currency, s.must_change_password, s.daily_cash_limit, b.time_zone
      INTO v_login, v_role, v_limit, v_limit_cc, v_must_change, v_staff_day, v_tz
      FROM teller.staff s JOIN teller.branches b ON b.id = s.branch_id
     WHERE s.login = v_login AND s.active;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'login "%" is not an active Teller staff member', v_login USING ERRCODE = '42501';
    END IF;
    IF v_role NOT IN ('teller', 'supervisor') THEN
        RAISE EXCEPTION 'only tellers and supervisors move money' USING ERRCODE = '42501';
    END IF;
    IF v_must_change THEN
        RAISE EXCEPTION 'the password of "%" was set by an administrator: choose your own before moving money', v_login
            USING ERRCODE = '42501';
    END IF;

    -- 3. A known key is answered from its record, without touching any account.
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF FOUND THEN
        RETURN teller.replay(v_op, p_fingerprint);
    END IF;
    IF v_cash THEN
        SELECT r.large_cash_threshold, coalesce(v_staff_day, r.teller_daily_limit) INTO v_threshold, v_day_limit
          FROM teller.cash_rules r WHERE r.currency = p_currency::char(3);
        v_today := (clock_timestamp() AT TIME ZONE v_tz)::date;
    END IF;

    -- Above the approval limit (in its currency) a supervisor decides: withdrawals, deposits
    -- and transfers alike.
    v_pending := v_limit IS NOT NULL AND (p_amount > v_limit OR p_currency <> v_limit_cc);
    IF v_pending AND NOT teller.may_wait(v_login, p_account, p_kind <> 'deposit') THEN
        v_status := 'rejected'; v_reason := 'too_many_waiting';
    END IF;

    -- 4. The fast path: the common case, one conditional UPDATE per account. The till's
    --    finds the teller's open till in this currency.
    IF v_reason IS NOT NULL THEN
        NULL; -- refused before any lock: recorded as it is
    ELSIF v_cash AND (p_id_type IS NOT NULL OR p_amount < v_threshold) THEN
        IF p_kind = 'withdrawal' AND NOT v_pending THEN
            UPDATE teller.accounts SET balance = balance - p_amount, updated_at = now()
             WHERE number = p_account AND kind = 'customer' AND currency = p_currency AND status = 'active'
               AND balance - held - p_amount >= balance_floor
            RETURNING id, balance, held INTO v_acc_id, v_balance, v_held;
            IF FOUND THEN
                UPDATE teller.accounts t SET balance = t.balance - p_amount, updated_at = now(), cash_day = v_today,
                       cash_day_total = CASE WHEN t.cash_day = v_today THEN least(t.cash_day_total, c_max - p_amount) ELSE 0 END
                                        + p_amount
                 WHERE t.kind = 'till' AND t.owner = v_login AND t.currency = p_currency::char(3) AND t.till_open
                   AND t.balance - t.held - p_amount >= 0
                   AND CASE WHEN t.cash_day = v_today THEN t.cash_day_total ELSE 0 END <= coalesce(v_day_limit, c_max) - p_amount
                RETURNING t.id, t.balance INTO v_till, v_till_after;
                v_fast := FOUND;
                IF NOT v_fast THEN
                    UPDATE teller.accounts SET balance = balance + p_amount WHERE id = v_acc_id;
                END IF;
            END IF;
            v_debit := v_acc_id; v_credit := v_till;
        ELSIF p_kind = 'withdrawal' THEN
            UPDATE teller.accounts SET held = held + p_amount, updated_at = now()
             WHERE number = p_account AND kind = 'customer' AND currency = p_currency AND status = 'active'
               AND balance - held - p_amount >= balance_floor
            RETURNING id, balance, held INTO v_acc_id, v_balance, v_held;
            IF FOUND THEN
                UPDATE teller.accounts t SET held = t.held + p_amount, updated_at = now()
                 WHERE t.kind = 'till' AND t.owner = v_login AND t.currency = p_currency::char(3) AND t.till_open
                   AND t.balance - t.held - p_amount >= 0
                RETURNING t.id, t.balance - t.held INTO v_till, v_till_after;
                v_fast := FOUND;
                IF NOT v_fast THEN
                    UPDATE teller.accounts SET held = held - p_amount WHERE id = v_acc_id;
                END IF;
            END IF;
            v_debit := v_acc_id; v_credit := v_till; v_status := 'pending_approval';
        ELSIF NOT v_pending THEN -- a deposit
            UPDATE teller.accounts SET balance = balance + p_amount, updated_at = now()
             WHERE number = p_account AND kind = 'customer' AND currency = p_currency AND status <> 'closed'
               AND balance <= c_max - p_amount
            RETURNING id, balance, held INTO v_acc_id, v_balance, v_held;
            IF FOUND THEN
                UPDATE teller.accounts t SET balance = t.balance + p_amount, updated_at = now(), cash_day = v_today,
                       cash_day_total = CASE WHEN t.cash_day = v_today THEN least(t.cash_day_total, c_max - p_amount) ELSE 0 END
                                        + p_amount
                 WHERE t.kind = 'till' AND t.owner = v_login AND t.currency = p_currency::char(3) AND t.till_open
                   AND t.balance <= c_max - p_amount
                   AND CASE WHEN t.cash_day = v_today THEN t.cash_day_total ELSE 0 END <= coalesce(v_day_limit, c_max) - p_amount
                RETURNING t.id, t.balance INTO v_till, v_till_after;
                v_fast := FOUND;
                IF NOT v_fast THEN
                    UPDATE teller.accounts SET balance = balance - p_amount WHERE id = v_acc_id;
                END IF;
            END IF;
            v_debit := v_till; v_credit := v_acc_id;
        END IF;
    ELSIF p_kind = 'transfer' THEN
        SELECT min(id) FILTER (WHERE number = p_account), min(id) FILTER (WHERE number = p_counter)
          INTO v_acc_id, v_ctr_id
          FROM teller.accounts WHERE number IN (p_account, p_counter) AND kind = 'customer';
        IF v_acc_id IS NOT NULL AND v_ctr_id IS NOT NULL AND NOT v_pending THEN
            IF v_acc_id < v_ctr_id THEN
                UPDATE teller.accounts SET balance = balance - p_amount, updated_at = now()
                 WHERE id = v_acc_id AND currency = p_currency AND status = 'active'
                   AND balance - held - p_amount >= balance_floor
                RETURNING balance, held INTO v_balance, v_held;
                IF FOUND THEN
                    UPDATE teller.accounts SET balance = balance + p_amount, updated_at = now()
                     WHERE id = v_ctr_id AND currency = p_currency AND status <> 'closed' AND balance <= c_max - p_amount;
                    v_fast := FOUND;
                    IF NOT v_fast THEN
                        UPDATE teller.accounts SET balance = balance + p_amount WHERE id = v_acc_id;
                    END IF;
                END IF;
            ELSE
                UPDATE teller.accounts SET balance = balance + p_amount, updated_at = now()
                 WHERE id = v_ctr_id AND currency = p_currency AND status <> 'closed' AND balance <= c_max - p_amount;
                IF FOUND THEN
                    UPDATE teller.accounts SET balance = balance - p_amount, updated_at = now()
                     WHERE id = v_acc_id AND currency = p_currency AND status = 'active'
                       AND balance - held - p_amount >= balance_floor
                    RETURNING balance, held INTO v_balance, v_held;
                    v_fast := FOUND;
                    IF NOT v_fast THEN
                        UPDATE teller.accounts SET balance = balance - p_amount WHERE id = v_ctr_id;
                    END IF;
                END IF;
            END IF;
            v_debit := v_acc_id; v_credit := v_ctr_id;
        END IF;
    END IF;

    -- 5. The careful path: every account locked first (customers by ascending id, the till
    --    last), expired holds released, then the whole decision on the locked rows.
    IF NOT v_fast AND v_reason IS NULL THEN
        v_status := 'completed';
        v_till_after := NULL;
        IF v_cash THEN
            SELECT t.id INTO v_till FROM teller.accounts t
             WHERE t.kind = 'till' AND t.owner = v_login AND t.currency = p_currency::char(3);
        END IF;
        IF p_kind = 'transfer' THEN
            FOR v_row IN
                SELECT * FROM teller.accounts WHERE number IN (p_account, p_counter) ORDER BY id FOR UPDATE
            LOOP
                IF v_row.number = p_account THEN
                    v_acc := v_row;
                ELSE
                    v_ctr := v_row;
                END IF;
            END LOOP;
        ELSE
            SELECT * INTO v_acc FROM teller.accounts WHERE number = p_account FOR UPDATE;
            IF v_till IS NOT NULL THEN
                SELECT * INTO v_tl FROM teller.accounts WHERE id = v_till FOR UPDATE;
            END IF;
        END IF;

        -- Holds whose approval did not come in time no longer count.
        IF v_acc.held > 0 OR v_tl.held > 0 THEN
            FOR v_expired IN
                SELECT * FROM teller.operations
                 WHERE status = 'pending_approval' AND expires_at <= clock_timestamp()
                   AND (debit_account_id IN (v_acc.id, v_tl.id) OR credit_account_id IN (v_acc.id, v_tl.id))
                 ORDER BY id FOR UPDATE
            LOOP
                PERFORM teller.expire_locked(v_expired);
            END LOOP;
            SELECT * INTO v_acc FROM teller.accounts WHERE id = v_acc.id;
            IF v_tl.id IS NOT NULL THEN
                SELECT * INTO v_tl FROM teller.accounts WHERE id = v_tl.id;
            END IF;
        END IF;

        IF v_acc.id IS NULL OR v_acc.kind <> 'customer'
           OR (p_kind = 'transfer' AND (v_ctr.id IS NULL OR v_ctr.kind <> 'customer')) THEN
            v_status := 'rejected'; v_reason := 'unknown_account';
        ELSIF v_acc.currency <> p_currency OR (p_kind = 'transfer' AND v_ctr.currency <> p_currency) THEN
            v_status := 'rejected'; v_reason := 'currency_mismatch';
        ELSIF v_acc.status = 'closed' OR (p_kind = 'transfer' AND v_ctr.status = 'closed') THEN
            v_status := 'rejected'; v_reason := 'account_closed';
        ELSIF p_kind <> 'deposit' AND v_acc.status = 'frozen' THEN
            -- A freeze stops money leaving an account; deposits into it are still accepted.
            v_status := 'rejected'; v_reason := 'account_frozen';
        ELSIF p_kind <> 'deposit' AND v_acc.balance - v_acc.held - p_amount < v_acc.balance_floor THEN
            v_status := 'rejected'; v_reason := 'insufficient_funds';
        ELSIF (p_kind = 'deposit' AND v_acc.balance > c_max - p_amount)
              OR (p_kind = 'transfer' AND v_ctr.balance > c_max - p_amount) THEN
            v_status := 'rejected'; v_reason := 'balance_limit';
        ELSIF v_cash AND (v_tl.id IS NULL OR NOT v_tl.till_open) THEN
            v_status := 'rejected'; v_reason := 'till_not_open';
        ELSIF p_kind = 'withdrawal' AND v_tl.balance - v_tl.held - p_amount < 0 THEN
            v_status := 'rejected'; v_reason := 'insufficient_till_cash';
        ELSIF p_kind = 'deposit' AND v_tl.balance > c_max - p_amount THEN
            v_status := 'rejected'; v_reason := 'balance_limit';
        ELSIF v_cash AND p_id_type IS NULL AND p_amount >= v_threshold THEN
            v_status := 'rejected'; v_reason := 'identification_required';
        ELSIF v_pending THEN
            v_status := 'pending_approval';
        ELSIF v_cash AND v_day_limit IS NOT NULL THEN
            -- Cash beyond the teller's daily limit waits for a supervisor.
            v_day_used := CASE WHEN v_tl.cash_day = v_today THEN v_tl.cash_day_total ELSE 0 END;
            IF v_day_used > v_day_limit - p_amount THEN
                IF teller.may_wait(v_login, p_account, p_kind <> 'deposit') THEN
                    v_status := 'pending_approval';
                ELSE
                    v_status := 'rejected'; v_reason := 'too_many_waiting';
                END IF;
            END IF;
        END IF;

        v_acc_id := v_acc.id;
        v_balance := v_acc.balance;
        v_held := v_acc.held;
        v_debit := NULL; v_credit := NULL;
        IF v_status IN ('completed', 'pending_approval') THEN
            v_debit := CASE p_kind WHEN 'deposit' THEN v_tl.id ELSE v_acc.id END;
            v_credit := CASE p_kind WHEN 'withdrawal' THEN v_tl.id WHEN 'deposit' THEN v_acc.id ELSE v_ctr.id END;
        END IF;
        IF v_status = 'completed' THEN
            v_balance := v_balance + CASE WHEN p_kind = 'deposit' THEN p_amount ELSE -p_amount END;
            UPDATE teller.accounts SET balance = v_balance, updated_at = now() WHERE id = v_acc.id;
            IF p_kind = 'transfer' THEN
                UPDATE teller.accounts SET balance = balance + p_amount, updated_at = now() WHERE id = v_ctr.id;
            ELSE
                UPDATE teller.accounts
                   SET balance = balance + CASE WHEN p_kind = 'deposit' THEN p_amount ELSE -p_amount END,
                       updated_at = now(), cash_day = v_today,
                       cash_day_total = CASE WHEN cash_day = v_today THEN least(cash_day_total, c_max - p_amount) ELSE 0 END
                                        + p_amount
                 WHERE id = v_tl.id RETURNING balance INTO v_till_after;
            END IF;
        ELSIF v_status = 'pending_approval' AND p_kind <> 'deposit' THEN
            -- Held on every account the movement would take from: the payer's (or customer's)
            -- available balance and, for cash, the till's.
            v_held := v_held + p_amount;
            UPDATE teller.accounts SET held = v_held, updated_at = now() WHERE id = v_acc.id;
            IF p_kind = 'withdrawal' THEN
                UPDATE teller.accounts SET held = held + p_amount, updated_at = now()
                 WHERE id = v_tl.id RETURNING balance - held INTO v_till_after;
            END IF;
        END IF;
        v_ctr_id := v_ctr.id;
    END IF;

    -- 6. Record the movement (or the decision) under the key. A concurrent attempt with the
    --    same key that committed while we waited for a lock has moved the money already: ours
    --    is undone by a serialization failure, and the retry is answered from its record.
    INSERT INTO teller.operations AS o
        (key, kind, account_number, counter_account_number, account_id, counter_account_id,
         debit_account_id, credit_account_id, amount, currency, fingerprint, status, reason,
         balance_after, available_after, till_after, note, initiated_by, workstation, expires_at)
    VALUES
        (p_key, p_kind, p_account, p_counter, v_acc_id, v_ctr_id, v_debit, v_credit, p_amount, p_currency,
         p_fingerprint, v_status, v_reason, v_balance,
         v_balance - v_held, v_till_after, nullif(btrim(p_note), ''), v_login, p_workstation,
         CASE WHEN v_status = 'pending_approval'
              THEN clock_timestamp() + make_interval(mins => teller.setting('approval_hold_minutes')::int) END)
    ON CONFLICT (key) DO NOTHING
    RETURNING o.* INTO v_op;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'a concurrent attempt with key % was recorded first', p_key USING ERRCODE = '40001';
    END IF;
    IF p_id_type IS NOT NULL AND v_status IN ('completed', 'pending_approval') THEN
        INSERT INTO teller.cash_identifications (key, document_type, document_number)
        VALUES (p_key, p_id_type, btrim(p_id_number));
    END IF;
    IF v_status = 'pending_approval' THEN
        PERFORM teller.notify_operation(v_op);
    END IF;

    RETURN ROW(v_op.key, v_op.status, v_op.reason, false, v_op.id, v_op.kind, v_op.account_number,
               v_op.counter_account_number, v_op.amount, v_op.currency::text, v_op.balance_after,
               v_op.available_after, v_op.created_at, v_op.initiated_by, v_op.workstation,
               v_op.till_after)::teller.action_result;
END
$_$;


--
-- Name: plain_text(text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.plain_text(p text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ((p IS NULL) OR (p !~ '[\x01-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]'::text));


--
-- Name: prefix_end(text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.prefix_end(p_prefix text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_prefix text := p_prefix;
    v_last   integer;
BEGIN
    WHILE v_prefix <> '' LOOP
        v_last := ascii(right(v_prefix, 1));
        v_prefix := left(v_prefix, -1);
        IF v_last < 1114111 THEN
            -- U+D800..U+DFFF are not characters: after U+D7FF comes U+E000.
            RETURN v_prefix || chr(CASE WHEN v_last = 55295 THEN 57344 ELSE v_last + 1 END);
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;


--
-- Name: record_account_event(text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.record_account_event(p_number text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    INSERT INTO teller.events (kind, status, initiated_by, account_number)
    SELECT 'account', a.status, teller.actor(), a.number
      FROM teller.accounts a
     WHERE a.number = p_number;
END
$$;


--
-- Name: renew_database_identity(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.renew_database_identity() RETURNS uuid
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_identity uuid := gen_random_uuid();
BEGIN
    INSERT INTO teller.settings (key, value) VALUES ('database_identity', v_identity::text)
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
    RETURN v_identity;
END
$$;


--
-- Name: replay(teller.operations, bytea); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.replay(p_op teller.operations, p_fingerprint bytea) RETURNS teller.action_result
    LANGUAGE sql STABLE
    RETURN CASE WHEN ((((p_op).status)::text = 'abandoned'::text) AND ((p_op).fingerprint IS NULL)) THEN ROW((p_op).key, 'abandoned'::text, NULL::text, true, (p_op).id, NULL::text, NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::bigint, NULL::bigint, (p_op).created_at, (p_op).initiated_by, (p_op).workstation, NULL::bigint)::teller.action_result WHEN ((((p_op).fingerprint)::bytea IS DISTINCT FROM p_fingerprint) OR ((p_op).initiated_by <> teller.actor())) THEN ROW((p_op).key, 'key_reused'::text, NULL::text, false, NULL::bigint, NULL::text, NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::bigint, NULL::bigint, NULL::timestamp with time zone, NULL::text, NULL::text, NULL::bigint)::teller.action_result ELSE teller.as_result(p_op, true) END;


--
-- Name: report_doubt(uuid, text, text, text, bigint, text, text, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.report_doubt(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_workstation text, p_message text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
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
$_$;


--
-- Name: request_fingerprint(text, text, text, bigint, text, text, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.request_fingerprint(p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_id_type text DEFAULT NULL::text, p_id_number text DEFAULT NULL::text) RETURNS bytea
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RETURN sha256(convert_to(
        'teller/v1' || E'\n' || p_kind || E'\n' || p_account || E'\n' || coalesce(p_counter, '')
        || E'\n' || p_amount::text || E'\n' || p_currency || E'\n'
        || CASE WHEN p_id_type IS NULL THEN '' ELSE 'id' || E'\n' || p_id_type || E'\n' || p_id_number || E'\n' END,
        'UTF8'));
END
$$;


--
-- Name: request_reversal(uuid, uuid, text, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.request_reversal(p_key uuid, p_original uuid, p_note text, p_workstation text) RETURNS teller.action_result
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_staff  teller.staff;
    v_op     teller.operations;
    v_orig   teller.operations;
    v_fp     bytea;
    v_row    teller.accounts;
    v_named  teller.accounts;
    v_status text := 'pending_approval';
    v_reason text;
BEGIN
    IF p_key IS NULL OR p_original IS NULL OR p_key = p_original
       OR p_note IS NULL OR length(btrim(p_note)) NOT BETWEEN 1 AND 500
       OR p_workstation IS NULL OR length(p_workstation) NOT BETWEEN 1 AND 63 OR NOT teller.plain_text(p_workstation) OR NOT teller.plain_text(p_note) THEN
        RAISE EXCEPTION 'malformed reversal: the original''s key and a reason are needed' USING ERRCODE = '22023';
    END IF;
    v_fp := pg_catalog.sha256(pg_catalog.convert_to(
        'teller/reversal/v1' || E'\n' || p_original::text || E'\n' || btrim(p_note) || E'\n', 'UTF8'));
    v_staff := teller.money_staff();
    IF v_staff.role NOT IN ('teller', 'supervisor') THEN
        RAISE EXCEPTION 'only tellers and supervisors ask for reversals' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF FOUND THEN
        RETURN teller.replay(v_op, v_fp);
    END IF;

    SELECT * INTO v_orig FROM teller.operations WHERE key = p_original;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no operation with key %', p_original USING ERRCODE = 'P0002';
    END IF;
    IF v_orig.status <> 'completed' OR v_orig.kind NOT IN ('withdrawal', 'deposit', 'transfer') THEN
        RAISE EXCEPTION 'operation % cannot be reversed: only a completed withdrawal, deposit or transfer can', p_original
            USING ERRCODE = '22023';
    END IF;
    -- Its accounts first, then the original (so that two requests for it queue up).
    FOR v_row IN SELECT * FROM teller.lock_sides(v_orig.credit_account_id, v_orig.debit_account_id) LOOP
        IF v_row.id = v_orig.account_id THEN
            v_named := v_row;
        END IF;
        -- What the reversal takes from an account must be there (it is held until decided).
        IF v_status = 'pending_approval'
           AND teller.side_delta(v_row.kind, v_row.id = v_orig.credit_account_id, v_orig.amount) < 0
           AND v_row.balance - v_row.held - v_orig.amount < v_row.balance_floor THEN
            v_status := 'rejected';
            v_reason := CASE WHEN v_row.kind = 'till' THEN 'insufficient_till_cash' ELSE 'insufficient_funds' END;
        END IF;
    END LOOP;
    PERFORM 1 FROM teller.operations WHERE id = v_orig.id FOR UPDATE;
    IF EXISTS (SELECT FROM teller.operations
                WHERE reverses = p_original AND status IN ('pending_approval', 'completed')) THEN
        v_status := 'rejected'; v_reason := 'already_reversed';
    END IF;

    INSERT INTO teller.operations AS o
        (key, kind, account_number, counter_account_number, account_id, counter_account_id, debit_account_id,
         credit_account_id, amount, currency, fingerprint, status, reason, balance_after, available_after, note,
         reverses, initiated_by, workstation, expires_at)
    VALUES
        (p_key, 'reversal', v_orig.account_number, v_orig.counter_account_number, v_orig.account_id,
         v_orig.counter_account_id,
         CASE WHEN v_status = 'pending_approval' THEN v_orig.credit_account_id END,
         CASE WHEN v_status = 'pending_approval' THEN v_orig.debit_account_id END,
         v_orig.amount, v_orig.currency, v_fp, v_status, v_reason, v_named.balance,
         v_named.balance - v_named.held
         - CASE WHEN v_status = 'pending_approval'
                     AND teller.side_delta(v_named.kind, v_named.id = v_orig.credit_account_id, v_orig.amount) < 0
                THEN v_orig.amount ELSE 0 END,
         btrim(p_note), p_original, v_staff.login, p_workstation,
         CASE WHEN v_status = 'pending_approval'
              THEN clock_timestamp() + make_interval(mins => teller.setting('approval_hold_minutes')::int) END)
    ON CONFLICT (key) DO NOTHING
    RETURNING o.* INTO v_op;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'a concurrent attempt with key % was recorded first', p_key USING ERRCODE = '40001';
    END IF;
    IF v_status = 'pending_approval' THEN
        PERFORM teller.move_locked(v_op, 'hold');
        PERFORM teller.notify_operation(v_op);
    END IF;
    RETURN teller.as_result(v_op, false);
END
$$;


--
-- Name: search_accounts(text, text, integer); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.search_accounts(p_number_prefix text, p_holder_prefix text, p_limit integer) RETURNS TABLE(id bigint, number text, holder text, currency text, balance bigint, held bigint, balance_floor bigint, status text, opened_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    v_staff teller.staff;
    v_all   boolean;
    v_limit integer := least(greatest(coalesce(p_limit, 50), 1), 50);
    v_text  text;
    v_word  boolean;
BEGIN
    IF (p_number_prefix <> '' AND p_number_prefix !~ '^[A-Z0-9]{1,34}$')
       OR p_holder_prefix IS NULL OR length(p_holder_prefix) NOT BETWEEN 1 AND 200 THEN
        RAISE EXCEPTION 'malformed account search' USING ERRCODE = '22023';
    END IF;
    v_staff := teller.session_staff();
    v_all := v_staff.role <> 'teller';
    v_text := lower(btrim(p_holder_prefix));
    -- One word (no space or punctuation, as teller.index_holder_words splits names): any word.
    v_word := v_text <> '' AND v_text !~ '[[:space:],.;:&/()"''+-]';
    PERFORM teller.audit_read('search_accounts', NULL, p_holder_prefix);
    RETURN QUERY
        SELECT f.id, f.number::text, f.holder::text, f.currency::text, f.balance, f.held::bigint, f.balance_floor::bigint,
               f.status::text, f.opened_at
          FROM ((SELECT a.*, 0 AS rank FROM teller.accounts a
                  WHERE a.number COLLATE "C" >= p_number_prefix AND a.number COLLATE "C" < teller.prefix_end(p_number_prefix)
                    AND (v_all OR a.kind = 'customer')
                  ORDER BY a.number COLLATE "C" LIMIT v_limit)
                UNION ALL
                (SELECT a.*, 1 AS rank FROM teller.accounts a
                  WHERE NOT v_word
                    AND lower(a.holder) COLLATE "C" >= lower(p_holder_prefix)
                    AND lower(a.holder) COLLATE "C" < teller.prefix_end(lower(p_holder_prefix))
                    AND (v_all OR a.kind = 'customer')
                  ORDER BY lower(a.holder) COLLATE "C" LIMIT v_limit)
                UNION ALL
                (SELECT a.*, 1 AS rank FROM teller.holder_words w JOIN teller.accounts a ON a.id = w.account_id
                  WHERE v_word
                    AND w.word >= v_text AND w.word < teller.prefix_end(v_text)
                    AND NOT EXISTS (SELECT FROM teller.holder_words e
                                     WHERE e.account_id = w.account_id AND e.word >= v_text AND e.word < w.word)
                    AND (v_all OR a.kind = 'customer')
                  ORDER BY w.word LIMIT v_limit)) f
         ORDER BY f.rank, f.number
         LIMIT v_limit;
END
$_$;


--
-- Name: secure_database(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.secure_database() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: session_staff(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.session_staff() RETURNS teller.staff
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v teller.staff;
    v_login text := teller.actor();
BEGIN
    SELECT * INTO v FROM teller.staff WHERE login = v_login AND active;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'login "%" is not an active Teller staff member', v_login
            USING ERRCODE = '42501';
    END IF;
    RETURN v;
END
$$;


--
-- Name: set_account_status(text, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.set_account_status(p_number text, p_status text) RETURNS teller.account_status_answer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v teller.accounts;
    v_old text;
    v_request teller.account_status_requests;
    v_staff teller.staff;
BEGIN
    PERFORM teller.durable_write();
    IF p_status IS NULL OR p_status NOT IN ('active', 'frozen', 'closed') THEN
        RAISE EXCEPTION 'invalid account status "%"', p_status USING ERRCODE = '22023';
    END IF;
    -- Staff with the right to it, or the database's owner (who is not staff); never a member
    -- who is no longer active.
    IF EXISTS (SELECT FROM teller.staff WHERE login = teller.actor() AND NOT active) THEN
        v_staff := teller.session_staff();
    END IF;
    SELECT * INTO v FROM teller.accounts WHERE number = p_number AND kind = 'customer' FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no account %', p_number USING ERRCODE = 'P0002';
    END IF;
    v_old := v.status;
    IF v_old = p_status THEN
        RETURN teller.account_answer(v, 'completed');
    END IF;
    IF v_old = 'closed' THEN
        RAISE EXCEPTION 'account % is closed; a closed account is not reopened', p_number USING ERRCODE = '55000';
    END IF;
    IF p_status = 'closed' AND (v.balance <> 0 OR v.held <> 0) THEN
        RAISE EXCEPTION 'account % still holds money; pay it out before closing', p_number USING ERRCODE = '55000';
    END IF;
    IF v_old = 'frozen' AND p_status = 'active' THEN
        SELECT * INTO v_request FROM teller.account_status_requests WHERE account_id = v.id AND done_at IS NULL;
        IF NOT FOUND THEN
            INSERT INTO teller.account_status_requests (account_id, to_status) VALUES (v.id, 'active');
            INSERT INTO teller.audit_log (action, subject, details)
            VALUES ('account_status_request', p_number, jsonb_build_object('from', v_old, 'to', p_status));
            RETURN teller.account_answer(v, 'pending_approval');
        END IF;
        IF v_request.requested_by = teller.actor() THEN
            -- Asked again by the same person: still waiting for somebody else.
            RETURN teller.account_answer(v, 'pending_approval');
        END IF;
        UPDATE teller.account_status_requests SET done_by = teller.actor(), done_at = clock_timestamp()
         WHERE id = v_request.id;
    ELSIF p_status = 'frozen' THEN
        -- A freeze ends any unfreeze that was waiting.
        UPDATE teller.account_status_requests SET done_by = teller.actor(), done_at = clock_timestamp()
         WHERE account_id = v.id AND done_at IS NULL;
    END IF;
    UPDATE teller.accounts SET status = p_status, updated_at = clock_timestamp() WHERE id = v.id RETURNING * INTO v;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES ('account_status', p_number, jsonb_build_object('from', v_old, 'to', p_status, 'asked_by', v_request.requested_by));
    PERFORM teller.record_account_event(p_number);
    RETURN teller.account_answer(v, 'completed');
END
$$;


--
-- Name: set_staff_active(text, boolean); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.set_staff_active(p_login text, p_active boolean) RETURNS teller.staff_answer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_admin teller.staff;
    v_old   teller.staff;
    v_pid   integer;
    v_ended integer := 0;
    v_change bigint;
BEGIN
    PERFORM teller.durable_write();
    v_admin := teller.staff_administrator();
    IF p_login IS NULL OR p_active IS NULL THEN
        RAISE EXCEPTION 'malformed staff request' USING ERRCODE = '22023';
    END IF;
    IF v_admin.login IS NOT NULL AND p_login = teller.actor() THEN
        RAISE EXCEPTION 'nobody deactivates or reactivates themselves' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_old FROM teller.staff WHERE login = p_login FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no staff member "%"', p_login USING ERRCODE = 'P0002';
    END IF;
    IF v_old.active = p_active THEN
        RETURN teller.staff_answer(p_login, 'completed', NULL);
    END IF;

    IF NOT p_active THEN
        UPDATE teller.staff SET active = false WHERE login = p_login;
        EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
        FOR v_pid IN SELECT pid FROM pg_catalog.pg_stat_activity WHERE usename = p_login AND pid <> pg_backend_pid() LOOP
            BEGIN
                IF pg_catalog.pg_terminate_backend(v_pid) THEN
                    v_ended := v_ended + 1;
                END IF;
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE NOTICE 'cannot end session % of %: the owner needs pg_signal_backend; the member is refused from their next call',
                             v_pid, p_login;
            END;
        END LOOP;
        -- Their staff sessions too: no pooled transaction acts for them any more.
        UPDATE teller.staff_sessions SET ended_at = clock_timestamp() WHERE login = p_login AND ended_at IS NULL;
        INSERT INTO teller.audit_log (action, subject, details)
        VALUES ('staff_deactivate', p_login, jsonb_build_object('sessions_ended', v_ended));
        RETURN teller.staff_answer(p_login, 'completed', NULL);
    END IF;

    IF v_admin.login IS NULL THEN
        UPDATE teller.staff SET active = true WHERE login = p_login;
        EXECUTE format('ALTER ROLE %I LOGIN', p_login);
        INSERT INTO teller.audit_log (action, subject, details) VALUES ('staff_reactivate', p_login, '{}');
        RETURN teller.staff_answer(p_login, 'completed', NULL);
    END IF;
    INSERT INTO teller.staff_changes (login, change) VALUES (p_login, 'reactivate')
    ON CONFLICT (login) WHERE status = 'pending_approval' DO NOTHING
    RETURNING id INTO v_change;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'a change of "%" already waits for a second administrator', p_login USING ERRCODE = '55000';
    END IF;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES ('staff_change_request', p_login, jsonb_build_object('change', v_change, 'reactivate', true));
    RETURN teller.staff_answer(p_login, 'pending_approval', v_change);
END
$$;


--
-- Name: side_delta(text, boolean, bigint); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.side_delta(p_account_kind text, p_is_debit boolean, p_amount bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN ((p_account_kind = 'customer'::text) = p_is_debit) THEN (- p_amount) ELSE p_amount END;


--
-- Name: staff_administrator(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.staff_administrator() RETURNS teller.staff
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v teller.staff;
    v_login text := teller.actor();
BEGIN
    SELECT * INTO v FROM teller.staff WHERE login = v_login;
    IF NOT FOUND THEN
        IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = v_login)
           OR pg_catalog.pg_has_role(v_login, (SELECT datdba FROM pg_catalog.pg_database
                                                     WHERE datname = current_database()), 'MEMBER') THEN
            RETURN NULL;
        END IF;
        RAISE EXCEPTION 'login "%" is not an active Teller staff member', v_login USING ERRCODE = '42501';
    END IF;
    IF NOT v.active OR v.role <> 'admin' THEN
        RAISE EXCEPTION 'only Teller administrators administer staff' USING ERRCODE = '42501';
    END IF;
    RETURN v;
END
$$;


--
-- Name: staff_answer(text, text, bigint); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.staff_answer(p_login text, p_status text, p_change_id bigint) RETURNS teller.staff_answer
    LANGUAGE sql STABLE
    RETURN (SELECT ROW(COALESCE(s.login, staff_answer.p_login), s.display_name, s.role, s.approval_limit, (s.limit_currency)::text, s.active, b.code, s.daily_cash_limit, staff_answer.p_status, staff_answer.p_change_id)::teller.staff_answer AS "row" FROM (((SELECT 1 AS "?column?") one LEFT JOIN teller.staff s ON ((s.login = staff_answer.p_login))) LEFT JOIN teller.branches b ON ((b.id = s.branch_id))));


--
-- Name: staff_changes_waiting(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.staff_changes_waiting() RETURNS TABLE(id bigint, login text, change text, role text, approval_limit bigint, unlimited boolean, branch text, password_set boolean, requested_by text, requested_at timestamp with time zone, expires_at timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM teller.staff_administrator();
    RETURN QUERY
    SELECT c.id, c.login, c.change, c.role, c.approval_limit, c.unlimited, b.code, c.password_verifier IS NOT NULL,
           c.requested_by, c.requested_at, c.expires_at
      FROM teller.staff_changes c LEFT JOIN teller.branches b ON b.id = c.branch_id
     WHERE c.status = 'pending_approval' AND c.expires_at > clock_timestamp()
     ORDER BY c.id;
END
$$;


--
-- Name: till_blotter(text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.till_blotter(p_currency text) RETURNS TABLE(key uuid, kind text, status text, reason text, account text, counter_account text, amount bigint, currency text, till_effect bigint, initiated_by text, created_at timestamp with time zone, decided_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    WITH me AS (
        SELECT s.login, t.id AS till, t.number AS till_number,
               coalesce((SELECT o.created_at FROM teller.till_counts c JOIN teller.operations o ON o.key = c.key
                          WHERE c.till_id = t.id AND c.kind = 'open' ORDER BY c.counted_at DESC LIMIT 1),
                        '-infinity') AS since
          FROM teller.staff s
          JOIN teller.accounts t ON t.kind = 'till' AND t.owner = s.login AND t.currency = p_currency
         WHERE s.login = teller.actor() AND s.active
    ), ops AS (
        SELECT o.* FROM teller.operations o, me
         WHERE o.initiated_by = me.login AND o.created_at >= me.since AND o.kind IS NOT NULL
           AND (o.currency = p_currency OR o.kind = 'transfer')
        UNION
        SELECT o.* FROM teller.operations o, me
         WHERE o.counter_account_id = me.till AND o.created_at >= me.since
    )
    SELECT o.key, o.kind, o.status, o.reason, o.account_number, o.counter_account_number, o.amount, o.currency::text,
           CASE WHEN o.status <> 'completed' OR o.amount IS NULL THEN 0
                WHEN o.debit_account_id = me.till THEN o.amount
                WHEN o.credit_account_id = me.till THEN -o.amount ELSE 0 END,
           o.initiated_by, o.created_at, o.decided_at
      FROM ops o, me
     ORDER BY o.created_at, o.id
$$;


--
-- Name: till_status(text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.till_status(p_currency text DEFAULT NULL::text) RETURNS TABLE(till text, owner text, owner_name text, currency text, is_open boolean, cash bigint, held bigint, opened_at timestamp with time zone, last_count_kind text, last_counted bigint, last_counted_at timestamp with time zone, difference_pending boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT t.number, t.owner, s.display_name, t.currency::text, t.till_open, t.balance, t.held,
           (SELECT max(c.counted_at) FROM teller.till_counts c WHERE c.till_id = t.id AND c.kind = 'open'),
           lc.kind, lc.counted, lc.counted_at,
           EXISTS (SELECT FROM teller.operations o WHERE o.account_id = t.id AND o.kind IN ('till_open', 'till_close')
                                                    AND o.status = 'pending_approval')
      FROM teller.accounts t
      JOIN teller.staff s ON s.login = t.owner
      JOIN teller.staff me ON me.login = teller.actor() AND me.active
      LEFT JOIN LATERAL (SELECT c.kind, c.counted, c.counted_at FROM teller.till_counts c
                          WHERE c.till_id = t.id ORDER BY c.counted_at DESC LIMIT 1) lc ON true
     WHERE t.kind = 'till' AND (p_currency IS NULL OR t.currency = p_currency)
       AND (t.owner = me.login OR (me.role = 'supervisor' AND t.branch_id = me.branch_id))
     ORDER BY s.display_name, t.currency
$$;


--
-- Name: vault_move(uuid, text, text, bigint, text, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.vault_move(p_key uuid, p_kind text, p_teller text, p_amount bigint, p_currency text, p_workstation text) RETURNS teller.cash_result
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_staff  teller.staff;
    v_teller teller.staff;
    v_op     teller.operations;
    v_fp     bytea;
    v_vault  teller.accounts;
    v_other  teller.accounts;  -- cash in transit, or the till
    v_row    teller.accounts;
    v_till_move boolean := p_kind IN ('vault_to_till', 'till_to_vault');
    v_status text := 'completed';
    v_reason text;
    v_debit  bigint;
    v_credit bigint;
BEGIN
    IF p_key IS NULL OR p_kind IS NULL OR p_kind NOT IN ('vault_receive', 'vault_ship', 'vault_to_till', 'till_to_vault')
       OR v_till_move <> (p_teller IS NOT NULL)
       OR p_amount IS NULL OR p_amount <= 0 OR p_amount > 1000000000000000
       OR p_currency IS NULL OR NOT EXISTS (SELECT FROM teller.currencies WHERE code = p_currency)
       OR p_workstation IS NULL OR length(p_workstation) NOT BETWEEN 1 AND 63 OR NOT teller.plain_text(p_workstation) THEN
        RAISE EXCEPTION 'malformed vault movement' USING ERRCODE = '22023';
    END IF;
    v_fp := pg_catalog.sha256(pg_catalog.convert_to(
        'teller/vault/v1' || E'\n' || p_kind || E'\n' || coalesce(p_teller, '') || E'\n' || p_amount::text
        || E'\n' || p_currency || E'\n', 'UTF8'));
    v_staff := teller.money_staff();
    IF v_staff.role <> 'supervisor' THEN
        RAISE EXCEPTION 'only supervisors move the vault''s cash' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF FOUND THEN
        RETURN teller.cash_answer(v_op, v_fp, true);
    END IF;

    v_vault := teller.internal_account(v_staff.branch_id, 'vault', p_currency);
    IF v_till_move THEN
        SELECT * INTO v_teller FROM teller.staff WHERE login = p_teller AND active;
        SELECT * INTO v_other FROM teller.accounts WHERE kind = 'till' AND owner = p_teller AND currency = p_currency;
        IF v_teller.login IS NULL OR v_teller.branch_id <> v_staff.branch_id THEN
            v_status := 'rejected'; v_reason := 'unknown_teller';
        ELSIF v_teller.login = v_staff.login THEN
            v_status := 'rejected'; v_reason := 'own_till';
        ELSIF v_other.id IS NULL THEN
            v_status := 'rejected'; v_reason := 'till_not_open';
        END IF;
    ELSE
        v_other := teller.internal_account(v_staff.branch_id, 'in_transit', p_currency);
    END IF;

    IF v_status = 'completed' THEN
        FOR v_row IN SELECT * FROM teller.lock_sides(v_vault.id, v_other.id) LOOP
            IF v_row.id = v_vault.id THEN v_vault := v_row; ELSE v_other := v_row; END IF;
        END LOOP;
        IF p_kind = 'vault_to_till' AND NOT v_other.till_open THEN
            v_status := 'rejected'; v_reason := 'till_not_open';
        ELSIF p_kind IN ('vault_to_till', 'vault_ship') AND v_vault.balance - v_vault.held - p_amount < 0 THEN
            v_status := 'rejected'; v_reason := 'insufficient_vault_cash';
        ELSIF p_kind = 'till_to_vault' AND v_other.balance - v_other.held - p_amount < 0 THEN
            v_status := 'rejected'; v_reason := 'insufficient_till_cash';
        END IF;
    END IF;
    IF v_status = 'completed' THEN
        v_debit := CASE WHEN p_kind IN ('vault_receive', 'till_to_vault') THEN v_vault.id ELSE v_other.id END;
        v_credit := CASE WHEN p_kind IN ('vault_receive', 'till_to_vault') THEN v_other.id ELSE v_vault.id END;
    END IF;

    INSERT INTO teller.operations AS o
        (key, kind, account_number, counter_account_number, account_id, counter_account_id, debit_account_id,
         credit_account_id, amount, currency, fingerprint, status, reason, balance_after, available_after, till_after,
         initiated_by, workstation)
    VALUES
        (p_key, p_kind, v_vault.number, v_other.number, v_vault.id, CASE WHEN v_till_move THEN v_other.id END,
         v_debit, v_credit, p_amount, p_currency, v_fp, v_status, v_reason,
         v_vault.balance + CASE WHEN v_status <> 'completed' THEN 0
                                WHEN v_debit = v_vault.id THEN p_amount ELSE -p_amount END,
         v_vault.balance - v_vault.held + CASE WHEN v_status <> 'completed' THEN 0
                                               WHEN v_debit = v_vault.id THEN p_amount ELSE -p_amount END,
         CASE WHEN v_till_move THEN v_other.balance - v_other.held
                                    + CASE WHEN v_status <> 'completed' THEN 0
                                           WHEN v_debit = v_other.id THEN p_amount ELSE -p_amount END END,
         v_staff.login, p_workstation)
    ON CONFLICT (key) DO NOTHING
    RETURNING o.* INTO v_op;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'a concurrent attempt with key % was recorded first', p_key USING ERRCODE = '40001';
    END IF;
    IF v_status = 'completed' THEN
        PERFORM teller.move_locked(v_op, 'post');
    END IF;
    RETURN teller.cash_answer(v_op, v_fp, false);
END
$$;


--
-- Name: workplace(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.workplace() RETURNS TABLE(bank_name text, branch_code text, branch_name text, time_zone text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT (SELECT s.value FROM teller.settings s WHERE s.key = 'bank_name'), b.code, b.name, b.time_zone
      FROM teller.staff me
      JOIN teller.branches b ON b.id = me.branch_id
     WHERE me.login = teller.actor() AND me.active
$$;


--
-- Name: workplace_staff(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.workplace_staff() RETURNS TABLE(login text, display_name text, role text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT s.login, s.display_name, s.role
      FROM teller.staff me
      JOIN teller.staff s ON s.branch_id = me.branch_id AND s.active
     WHERE me.login = teller.actor() AND me.active
     ORDER BY s.display_name, s.login
$$;


--
-- Name: account_status_requests; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.account_status_requests (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    to_status text NOT NULL,
    requested_by text DEFAULT teller.actor() NOT NULL,
    requested_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    done_by text,
    done_at timestamp with time zone,
    CONSTRAINT account_status_requests_to_status_check CHECK ((to_status = 'active'::text))
);


--
-- Name: account_status_requests_id_seq; Type: SEQUENCE; Schema: teller; Owner: -
--

ALTER TABLE teller.account_status_requests ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME teller.account_status_requests_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: accounts_id_seq; Type: SEQUENCE; Schema: teller; Owner: -
--

ALTER TABLE teller.accounts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME teller.accounts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: audit_log; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.audit_log (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    actor text DEFAULT teller.actor() NOT NULL,
    action text NOT NULL,
    subject text NOT NULL,
    details jsonb DEFAULT '{}'::jsonb NOT NULL
);


--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: teller; Owner: -
--

ALTER TABLE teller.audit_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME teller.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: branches_id_seq; Type: SEQUENCE; Schema: teller; Owner: -
--

ALTER TABLE teller.branches ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME teller.branches_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: cash_identifications; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.cash_identifications (
    key uuid NOT NULL,
    document_type text NOT NULL,
    document_number text NOT NULL,
    recorded_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    CONSTRAINT cash_identifications_document_number_check CHECK ((document_number ~ '^[A-Za-z0-9][A-Za-z0-9 /-]{2,39}$'::text)),
    CONSTRAINT cash_identifications_document_type_check CHECK ((document_type = ANY (ARRAY['passport'::text, 'id_card'::text, 'driving_licence'::text, 'residence_permit'::text, 'other'::text])))
);


--
-- Name: currencies; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.currencies (
    code character(3) NOT NULL,
    exponent smallint NOT NULL,
    CONSTRAINT currencies_code_check CHECK ((code ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT currencies_exponent_check CHECK (((exponent >= 0) AND (exponent <= 4)))
);


--
-- Name: denominations; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.denominations (
    currency character(3) NOT NULL,
    value bigint NOT NULL,
    form text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT denominations_form_check CHECK ((form = ANY (ARRAY['note'::text, 'coin'::text]))),
    CONSTRAINT denominations_value_check CHECK ((value > 0))
);


--
-- Name: doubt_reports; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.doubt_reports (
    key uuid NOT NULL,
    reported_by text NOT NULL,
    workstation text NOT NULL,
    kind text NOT NULL,
    account_number text NOT NULL,
    counter_account_number text,
    amount bigint NOT NULL,
    currency character(3) NOT NULL,
    message text,
    reported_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT doubt_reports_amount_check CHECK ((amount > 0)),
    CONSTRAINT doubt_reports_kind_check CHECK ((kind = ANY (ARRAY['withdrawal'::text, 'deposit'::text, 'transfer'::text]))),
    CONSTRAINT doubt_reports_message_check CHECK ((length(message) <= 1000))
);


--
-- Name: events; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.events (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    kind text NOT NULL,
    key uuid,
    status text NOT NULL,
    initiated_by text NOT NULL,
    account_number text,
    CONSTRAINT events_kind_check CHECK ((kind = ANY (ARRAY['operation'::text, 'doubt'::text, 'account'::text])))
);


--
-- Name: events_id_seq; Type: SEQUENCE; Schema: teller; Owner: -
--

ALTER TABLE teller.events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME teller.events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: holder_words; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.holder_words (
    word text NOT NULL COLLATE pg_catalog."C",
    account_id bigint NOT NULL
);


--
-- Name: internal_account_number; Type: SEQUENCE; Schema: teller; Owner: -
--

CREATE SEQUENCE teller.internal_account_number
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: ledger_entries; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.ledger_entries (
    id bigint NOT NULL,
    operation_id bigint NOT NULL,
    account_id bigint NOT NULL,
    amount bigint NOT NULL,
    balance_after bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ledger_entries_amount_check CHECK ((amount <> 0))
);


--
-- Name: ledger_entries_id_seq; Type: SEQUENCE; Schema: teller; Owner: -
--

ALTER TABLE teller.ledger_entries ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME teller.ledger_entries_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: movements; Type: VIEW; Schema: teller; Owner: -
--

CREATE VIEW teller.movements AS
 SELECT o.key,
    o.id AS operation_id,
    o.kind,
    o.debit_account_id,
    o.credit_account_id,
    o.amount,
    o.currency,
    COALESCE(o.decided_at, o.created_at) AS booked_at,
    o.initiated_by,
    o.workstation,
    o.decided_by,
    o.reverses
   FROM teller.operations o
  WHERE (((o.status)::text = 'completed'::text) AND (o.amount IS NOT NULL));


--
-- Name: operations_id_seq; Type: SEQUENCE; Schema: teller; Owner: -
--

ALTER TABLE teller.operations ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME teller.operations_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: read_audit; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.read_audit (
    read_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    read_by text DEFAULT teller.actor() NOT NULL,
    function_name text NOT NULL,
    account_number text,
    search_text text
);


--
-- Name: schema_functions; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.schema_functions (
    id bigint NOT NULL,
    schema_version integer NOT NULL,
    checksum text NOT NULL,
    functions jsonb NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL,
    applied_by text DEFAULT SESSION_USER NOT NULL,
    CONSTRAINT schema_functions_checksum_check CHECK ((checksum ~ '^[0-9a-f]{64}$'::text))
);


--
-- Name: schema_functions_id_seq; Type: SEQUENCE; Schema: teller; Owner: -
--

ALTER TABLE teller.schema_functions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME teller.schema_functions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: schema_migrations; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.schema_migrations (
    version integer NOT NULL,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL,
    applied_by text DEFAULT SESSION_USER NOT NULL
);


--
-- Name: staff_changes; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.staff_changes (
    id bigint NOT NULL,
    login text NOT NULL,
    change text NOT NULL,
    display_name text,
    role text,
    approval_limit bigint,
    unlimited boolean DEFAULT false NOT NULL,
    branch_id bigint,
    password_verifier text,
    status text DEFAULT 'pending_approval'::text NOT NULL,
    requested_by text DEFAULT teller.actor() NOT NULL,
    requested_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    expires_at timestamp with time zone DEFAULT (clock_timestamp() + '7 days'::interval) NOT NULL,
    decided_by text,
    decided_at timestamp with time zone,
    decision_note text,
    CONSTRAINT staff_changes_approval_limit_check CHECK ((approval_limit >= 0)),
    CONSTRAINT staff_changes_change_check CHECK ((change = ANY (ARRAY['add'::text, 'reactivate'::text]))),
    CONSTRAINT staff_changes_decision_note_check CHECK ((length(decision_note) <= 500)),
    CONSTRAINT staff_changes_login_check CHECK ((login ~ '^[a-z][a-z0-9_.-]{0,62}$'::text)),
    CONSTRAINT staff_changes_role_check CHECK ((role = ANY (ARRAY['teller'::text, 'supervisor'::text, 'admin'::text]))),
    CONSTRAINT staff_changes_status_check CHECK ((status = ANY (ARRAY['pending_approval'::text, 'completed'::text, 'rejected'::text, 'expired'::text])))
);


--
-- Name: staff_changes_id_seq; Type: SEQUENCE; Schema: teller; Owner: -
--

ALTER TABLE teller.staff_changes ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME teller.staff_changes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: staff_sessions; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.staff_sessions (
    token_hash bytea NOT NULL,
    login text NOT NULL,
    workstation text NOT NULL,
    opened_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    CONSTRAINT staff_sessions_check CHECK ((expires_at > opened_at)),
    CONSTRAINT staff_sessions_token_hash_check CHECK ((octet_length(token_hash) = 32)),
    CONSTRAINT staff_sessions_workstation_check CHECK (((length(workstation) >= 1) AND (length(workstation) <= 200)))
);


--
-- Name: account_status_requests account_status_requests_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.account_status_requests
    ADD CONSTRAINT account_status_requests_pkey PRIMARY KEY (id);


--
-- Name: accounts accounts_number_key; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.accounts
    ADD CONSTRAINT accounts_number_key UNIQUE (number);


--
-- Name: accounts accounts_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: branches branches_code_key; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.branches
    ADD CONSTRAINT branches_code_key UNIQUE (code);


--
-- Name: branches branches_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.branches
    ADD CONSTRAINT branches_pkey PRIMARY KEY (id);


--
-- Name: cash_identifications cash_identifications_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.cash_identifications
    ADD CONSTRAINT cash_identifications_pkey PRIMARY KEY (key);


--
-- Name: cash_rules cash_rules_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.cash_rules
    ADD CONSTRAINT cash_rules_pkey PRIMARY KEY (currency);


--
-- Name: currencies currencies_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.currencies
    ADD CONSTRAINT currencies_pkey PRIMARY KEY (code);


--
-- Name: denominations denominations_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.denominations
    ADD CONSTRAINT denominations_pkey PRIMARY KEY (currency, value);


--
-- Name: doubt_reports doubt_reports_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.doubt_reports
    ADD CONSTRAINT doubt_reports_pkey PRIMARY KEY (key);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (id);


--
-- Name: holder_words holder_words_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.holder_words
    ADD CONSTRAINT holder_words_pkey PRIMARY KEY (word, account_id);


--
-- Name: ledger_entries ledger_entries_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.ledger_entries
    ADD CONSTRAINT ledger_entries_pkey PRIMARY KEY (id);


--
-- Name: operations operations_key_key; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.operations
    ADD CONSTRAINT operations_key_key UNIQUE (key);


--
-- Name: operations operations_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.operations
    ADD CONSTRAINT operations_pkey PRIMARY KEY (id);


--
-- Name: schema_functions schema_functions_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.schema_functions
    ADD CONSTRAINT schema_functions_pkey PRIMARY KEY (id);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: settings settings_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (key);


--
-- Name: staff_changes staff_changes_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.staff_changes
    ADD CONSTRAINT staff_changes_pkey PRIMARY KEY (id);


--
-- Name: staff staff_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.staff
    ADD CONSTRAINT staff_pkey PRIMARY KEY (login);


--
-- Name: staff_sessions staff_sessions_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.staff_sessions
    ADD CONSTRAINT staff_sessions_pkey PRIMARY KEY (token_hash);


--
-- Name: till_counts till_counts_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.till_counts
    ADD CONSTRAINT till_counts_pkey PRIMARY KEY (key);


--
-- Name: account_status_requests_open; Type: INDEX; Schema: teller; Owner: -
--

CREATE UNIQUE INDEX account_status_requests_open ON teller.account_status_requests USING btree (account_id) WHERE (done_at IS NULL);


--
-- Name: accounts_holder_search; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX accounts_holder_search ON teller.accounts USING btree (lower((holder)::text) COLLATE "C");


--
-- Name: accounts_number_search; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX accounts_number_search ON teller.accounts USING btree (number COLLATE "C");


--
-- Name: accounts_one_internal; Type: INDEX; Schema: teller; Owner: -
--

CREATE UNIQUE INDEX accounts_one_internal ON teller.accounts USING btree (branch_id, kind, currency) WHERE ((kind)::text <> ALL (ARRAY['customer'::text, 'till'::text]));


--
-- Name: accounts_one_till; Type: INDEX; Schema: teller; Owner: -
--

CREATE UNIQUE INDEX accounts_one_till ON teller.accounts USING btree (owner, currency) WHERE ((kind)::text = 'till'::text);


--
-- Name: doubt_reports_reporter; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX doubt_reports_reporter ON teller.doubt_reports USING btree (reported_by, reported_at);


--
-- Name: holder_words_of_account; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX holder_words_of_account ON teller.holder_words USING btree (account_id, word);


--
-- Name: ledger_entries_account; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX ledger_entries_account ON teller.ledger_entries USING btree (account_id, id);


--
-- Name: ledger_entries_operation; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX ledger_entries_operation ON teller.ledger_entries USING btree (operation_id);


--
-- Name: operations_account_recent; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX operations_account_recent ON teller.operations USING btree (account_id, created_at DESC);


--
-- Name: operations_counter_recent; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX operations_counter_recent ON teller.operations USING btree (counter_account_id, created_at DESC) WHERE (counter_account_id IS NOT NULL);


--
-- Name: operations_decided_recent; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX operations_decided_recent ON teller.operations USING btree (decided_at DESC) WHERE (decided_at IS NOT NULL);


--
-- Name: operations_initiator_recent; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX operations_initiator_recent ON teller.operations USING btree (initiated_by, created_at DESC);


--
-- Name: operations_one_reversal; Type: INDEX; Schema: teller; Owner: -
--

CREATE UNIQUE INDEX operations_one_reversal ON teller.operations USING btree (reverses) WHERE ((reverses IS NOT NULL) AND ((status)::text = ANY (ARRAY['pending_approval'::text, 'completed'::text])));


--
-- Name: operations_pending; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX operations_pending ON teller.operations USING btree (expires_at) WHERE ((status)::text = 'pending_approval'::text);


--
-- Name: operations_pending_account; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX operations_pending_account ON teller.operations USING btree (account_id) WHERE ((status)::text = 'pending_approval'::text);


--
-- Name: operations_pending_by_initiator; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX operations_pending_by_initiator ON teller.operations USING btree (initiated_by) WHERE ((status)::text = 'pending_approval'::text);


--
-- Name: staff_changes_one_pending; Type: INDEX; Schema: teller; Owner: -
--

CREATE UNIQUE INDEX staff_changes_one_pending ON teller.staff_changes USING btree (login) WHERE (status = 'pending_approval'::text);


--
-- Name: staff_sessions_open; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX staff_sessions_open ON teller.staff_sessions USING btree (login) WHERE (ended_at IS NULL);


--
-- Name: till_counts_till; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX till_counts_till ON teller.till_counts USING btree (till_id, counted_at DESC);


--
-- Name: accounts accounts_holder_words; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER accounts_holder_words AFTER INSERT OR UPDATE OF holder ON teller.accounts FOR EACH ROW EXECUTE FUNCTION teller.index_holder_words();


--
-- Name: accounts accounts_money; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER accounts_money BEFORE INSERT OR UPDATE OF balance, held, balance_floor, status ON teller.accounts FOR EACH ROW EXECUTE FUNCTION teller.account_money_rules();


--
-- Name: accounts accounts_rules; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER accounts_rules BEFORE INSERT OR UPDATE OF kind, branch_id, owner, till_open, balance_floor ON teller.accounts FOR EACH ROW EXECUTE FUNCTION teller.account_rules();


--
-- Name: audit_log audit_log_append_only; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER audit_log_append_only BEFORE DELETE OR UPDATE ON teller.audit_log FOR EACH ROW EXECUTE FUNCTION teller.forbid_change();


--
-- Name: audit_log audit_log_no_truncate; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON teller.audit_log FOR EACH STATEMENT EXECUTE FUNCTION teller.forbid_change();


--
-- Name: cash_identifications cash_identifications_append_only; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER cash_identifications_append_only BEFORE DELETE OR UPDATE ON teller.cash_identifications FOR EACH ROW EXECUTE FUNCTION teller.forbid_change();


--
-- Name: cash_identifications cash_identifications_no_truncate; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER cash_identifications_no_truncate BEFORE TRUNCATE ON teller.cash_identifications FOR EACH STATEMENT EXECUTE FUNCTION teller.forbid_change();


--
-- Name: ledger_entries ledger_entries_append_only; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER ledger_entries_append_only BEFORE DELETE OR UPDATE ON teller.ledger_entries FOR EACH ROW EXECUTE FUNCTION teller.forbid_change();


--
-- Name: ledger_entries ledger_entries_no_truncate; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON teller.ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION teller.forbid_change();


--
-- Name: operations operations_guard; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER operations_guard BEFORE UPDATE ON teller.operations FOR EACH ROW EXECUTE FUNCTION teller.guard_operation_update();


--
-- Name: operations operations_no_delete; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER operations_no_delete BEFORE DELETE ON teller.operations FOR EACH ROW EXECUTE FUNCTION teller.forbid_change();


--
-- Name: operations operations_no_truncate; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER operations_no_truncate BEFORE TRUNCATE ON teller.operations FOR EACH STATEMENT EXECUTE FUNCTION teller.forbid_change();


--
-- Name: operations operations_rules; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER operations_rules BEFORE INSERT OR UPDATE ON teller.operations FOR EACH ROW EXECUTE FUNCTION teller.operation_rules();


--
-- Name: read_audit read_audit_append_only; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER read_audit_append_only BEFORE DELETE OR UPDATE ON teller.read_audit FOR EACH ROW EXECUTE FUNCTION teller.forbid_change();


--
-- Name: read_audit read_audit_no_truncate; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER read_audit_no_truncate BEFORE TRUNCATE ON teller.read_audit FOR EACH STATEMENT EXECUTE FUNCTION teller.forbid_change();


--
-- Name: till_counts till_counts_append_only; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER till_counts_append_only BEFORE DELETE OR UPDATE ON teller.till_counts FOR EACH ROW EXECUTE FUNCTION teller.forbid_change();


--
-- Name: till_counts till_counts_no_truncate; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER till_counts_no_truncate BEFORE TRUNCATE ON teller.till_counts FOR EACH STATEMENT EXECUTE FUNCTION teller.forbid_change();


--
-- Name: account_status_requests account_status_requests_account_id_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.account_status_requests
    ADD CONSTRAINT account_status_requests_account_id_fkey FOREIGN KEY (account_id) REFERENCES teller.accounts(id);


--
-- Name: accounts accounts_branch_id_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.accounts
    ADD CONSTRAINT accounts_branch_id_fkey FOREIGN KEY (branch_id) REFERENCES teller.branches(id);


--
-- Name: accounts accounts_currency_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.accounts
    ADD CONSTRAINT accounts_currency_fkey FOREIGN KEY (currency) REFERENCES teller.currencies(code);


--
-- Name: accounts accounts_owner_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.accounts
    ADD CONSTRAINT accounts_owner_fkey FOREIGN KEY (owner) REFERENCES teller.staff(login);


--
-- Name: cash_identifications cash_identifications_key_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.cash_identifications
    ADD CONSTRAINT cash_identifications_key_fkey FOREIGN KEY (key) REFERENCES teller.operations(key);


--
-- Name: cash_rules cash_rules_currency_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.cash_rules
    ADD CONSTRAINT cash_rules_currency_fkey FOREIGN KEY (currency) REFERENCES teller.currencies(code);


--
-- Name: denominations denominations_currency_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.denominations
    ADD CONSTRAINT denominations_currency_fkey FOREIGN KEY (currency) REFERENCES teller.currencies(code);


--
-- Name: holder_words holder_words_account_id_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.holder_words
    ADD CONSTRAINT holder_words_account_id_fkey FOREIGN KEY (account_id) REFERENCES teller.accounts(id);


--
-- Name: ledger_entries ledger_entries_account_id_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.ledger_entries
    ADD CONSTRAINT ledger_entries_account_id_fkey FOREIGN KEY (account_id) REFERENCES teller.accounts(id);


--
-- Name: ledger_entries ledger_entries_operation_id_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.ledger_entries
    ADD CONSTRAINT ledger_entries_operation_id_fkey FOREIGN KEY (operation_id) REFERENCES teller.operations(id);


--
-- Name: operations operations_credit_account_id_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.operations
    ADD CONSTRAINT operations_credit_account_id_fkey FOREIGN KEY (credit_account_id) REFERENCES teller.accounts(id);


--
-- Name: operations operations_debit_account_id_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.operations
    ADD CONSTRAINT operations_debit_account_id_fkey FOREIGN KEY (debit_account_id) REFERENCES teller.accounts(id);


--
-- Name: operations operations_reverses_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.operations
    ADD CONSTRAINT operations_reverses_fkey FOREIGN KEY (reverses) REFERENCES teller.operations(key);


--
-- Name: schema_functions schema_functions_schema_version_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.schema_functions
    ADD CONSTRAINT schema_functions_schema_version_fkey FOREIGN KEY (schema_version) REFERENCES teller.schema_migrations(version);


--
-- Name: staff staff_branch_id_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.staff
    ADD CONSTRAINT staff_branch_id_fkey FOREIGN KEY (branch_id) REFERENCES teller.branches(id);


--
-- Name: staff_changes staff_changes_branch_id_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.staff_changes
    ADD CONSTRAINT staff_changes_branch_id_fkey FOREIGN KEY (branch_id) REFERENCES teller.branches(id);


--
-- Name: staff staff_limit_currency_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.staff
    ADD CONSTRAINT staff_limit_currency_fkey FOREIGN KEY (limit_currency) REFERENCES teller.currencies(code);


--
-- Name: staff_sessions staff_sessions_login_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.staff_sessions
    ADD CONSTRAINT staff_sessions_login_fkey FOREIGN KEY (login) REFERENCES teller.staff(login);


--
-- Name: till_counts till_counts_key_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.till_counts
    ADD CONSTRAINT till_counts_key_fkey FOREIGN KEY (key) REFERENCES teller.operations(key);


--
-- Name: till_counts till_counts_till_id_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.till_counts
    ADD CONSTRAINT till_counts_till_id_fkey FOREIGN KEY (till_id) REFERENCES teller.accounts(id);


--
-- Name: SCHEMA teller; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA teller TO teller_staff;


--
-- Name: FUNCTION abandon_action(p_key uuid, p_workstation text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.abandon_action(p_key uuid, p_workstation text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.abandon_action(p_key uuid, p_workstation text) TO teller_tellers;
GRANT ALL ON FUNCTION teller.abandon_action(p_key uuid, p_workstation text) TO teller_supervisors;


--
-- Name: FUNCTION actor(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.actor() FROM PUBLIC;


--
-- Name: FUNCTION account_answer(p teller.accounts, p_change text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.account_answer(p teller.accounts, p_change text) FROM PUBLIC;


--
-- Name: FUNCTION account_history(p_number text, p_limit integer); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.account_history(p_number text, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.account_history(p_number text, p_limit integer) TO teller_staff;


--
-- Name: FUNCTION account_money_rules(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.account_money_rules() FROM PUBLIC;


--
-- Name: FUNCTION account_rules(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.account_rules() FROM PUBLIC;


--
-- Name: FUNCTION account_statement(p_number text, p_limit integer); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.account_statement(p_number text, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.account_statement(p_number text, p_limit integer) TO teller_supervisors;


--
-- Name: FUNCTION action_decision(p_key uuid); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.action_decision(p_key uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.action_decision(p_key uuid) TO teller_staff;


--
-- Name: FUNCTION action_status(p_key uuid, p_fingerprint bytea); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.action_status(p_key uuid, p_fingerprint bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.action_status(p_key uuid, p_fingerprint bytea) TO teller_staff;


--
-- Name: FUNCTION add_pooled_login(p_login text, p_password_verifier text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.add_pooled_login(p_login text, p_password_verifier text) FROM PUBLIC;


--
-- Name: FUNCTION add_staff(p_login text, p_display_name text, p_role text, p_approval_limit bigint, p_password_verifier text, p_branch text, p_unlimited boolean); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.add_staff(p_login text, p_display_name text, p_role text, p_approval_limit bigint, p_password_verifier text, p_branch text, p_unlimited boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.add_staff(p_login text, p_display_name text, p_role text, p_approval_limit bigint, p_password_verifier text, p_branch text, p_unlimited boolean) TO teller_admins;


--
-- Name: FUNCTION apply_staff(p_login text, p_display_name text, p_role text, p_approval_limit bigint, p_password_verifier text, p_branch_id bigint, p_must_change boolean); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.apply_staff(p_login text, p_display_name text, p_role text, p_approval_limit bigint, p_password_verifier text, p_branch_id bigint, p_must_change boolean) FROM PUBLIC;


--
-- Name: FUNCTION as_result(p_op teller.operations, p_replayed boolean); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.as_result(p_op teller.operations, p_replayed boolean) FROM PUBLIC;


--
-- Name: FUNCTION audit_read(p_function text, p_account text, p_search text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.audit_read(p_function text, p_account text, p_search text) FROM PUBLIC;


--
-- Name: FUNCTION cash_answer(p_op teller.operations, p_fingerprint bytea, p_replayed boolean); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.cash_answer(p_op teller.operations, p_fingerprint bytea, p_replayed boolean) FROM PUBLIC;


--
-- Name: FUNCTION change_own_password(p_password_verifier text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.change_own_password(p_password_verifier text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.change_own_password(p_password_verifier text) TO teller_staff;


--
-- Name: FUNCTION count_existing_accounts(p_numbers text[]); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.count_existing_accounts(p_numbers text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.count_existing_accounts(p_numbers text[]) TO teller_admins;


--
-- Name: FUNCTION count_till(p_key uuid, p_kind text, p_currency text, p_counted bigint, p_denominations jsonb, p_workstation text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.count_till(p_key uuid, p_kind text, p_currency text, p_counted bigint, p_denominations jsonb, p_workstation text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.count_till(p_key uuid, p_kind text, p_currency text, p_counted bigint, p_denominations jsonb, p_workstation text) TO teller_tellers;
GRANT ALL ON FUNCTION teller.count_till(p_key uuid, p_kind text, p_currency text, p_counted bigint, p_denominations jsonb, p_workstation text) TO teller_supervisors;


--
-- Name: FUNCTION current_staff(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.current_staff() FROM PUBLIC;
GRANT ALL ON FUNCTION teller.current_staff() TO teller_staff;


--
-- Name: TABLE settings; Type: ACL; Schema: teller; Owner: -
--

GRANT SELECT ON TABLE teller.settings TO teller_staff;


--
-- Name: FUNCTION setting(p_key text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.setting(p_key text) FROM PUBLIC;


--
-- Name: FUNCTION database_identity(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.database_identity() FROM PUBLIC;
GRANT ALL ON FUNCTION teller.database_identity() TO teller_staff;


--
-- Name: FUNCTION decide_operation(p_key uuid, p_approve boolean, p_note text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.decide_operation(p_key uuid, p_approve boolean, p_note text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.decide_operation(p_key uuid, p_approve boolean, p_note text) TO teller_supervisors;


--
-- Name: FUNCTION decide_staff_change(p_id bigint, p_approve boolean, p_note text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.decide_staff_change(p_id bigint, p_approve boolean, p_note text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.decide_staff_change(p_id bigint, p_approve boolean, p_note text) TO teller_admins;


--
-- Name: FUNCTION decided_operations(p_limit integer); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.decided_operations(p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.decided_operations(p_limit integer) TO teller_supervisors;


--
-- Name: FUNCTION doubt_list(p_limit integer); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.doubt_list(p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.doubt_list(p_limit integer) TO teller_supervisors;


--
-- Name: FUNCTION durable_write(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.durable_write() FROM PUBLIC;


--
-- Name: FUNCTION end_staff_session(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.end_staff_session() FROM PUBLIC;
GRANT ALL ON FUNCTION teller.end_staff_session() TO teller_staff;


--
-- Name: FUNCTION end_stale_money_sessions(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.end_stale_money_sessions() FROM PUBLIC;
GRANT ALL ON FUNCTION teller.end_stale_money_sessions() TO teller_staff;


--
-- Name: FUNCTION events_after(p_cursor bigint); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.events_after(p_cursor bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.events_after(p_cursor bigint) TO teller_staff;


--
-- Name: FUNCTION expire_holds(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.expire_holds() FROM PUBLIC;
GRANT ALL ON FUNCTION teller.expire_holds() TO teller_staff;


--
-- Name: FUNCTION expire_locked(p_op teller.operations); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.expire_locked(p_op teller.operations) FROM PUBLIC;


--
-- Name: FUNCTION find_account(p_number text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.find_account(p_number text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.find_account(p_number text) TO teller_staff;


--
-- Name: FUNCTION forbid_change(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.forbid_change() FROM PUBLIC;


--
-- Name: FUNCTION guard_operation_update(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.guard_operation_update() FROM PUBLIC;


--
-- Name: FUNCTION index_holder_words(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.index_holder_words() FROM PUBLIC;


--
-- Name: FUNCTION internal_account(p_branch bigint, p_kind text, p_currency text, p_owner text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.internal_account(p_branch bigint, p_kind text, p_currency text, p_owner text) FROM PUBLIC;


--
-- Name: FUNCTION invariant_violations(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.invariant_violations() FROM PUBLIC;
GRANT ALL ON FUNCTION teller.invariant_violations() TO teller_supervisors;
GRANT ALL ON FUNCTION teller.invariant_violations() TO teller_admins;


--
-- Name: FUNCTION large_cash_report(p_from date, p_to date); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.large_cash_report(p_from date, p_to date) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.large_cash_report(p_from date, p_to date) TO teller_supervisors;
GRANT ALL ON FUNCTION teller.large_cash_report(p_from date, p_to date) TO teller_admins;


--
-- Name: TABLE cash_rules; Type: ACL; Schema: teller; Owner: -
--

GRANT SELECT ON TABLE teller.cash_rules TO teller_staff;


--
-- Name: FUNCTION large_cash_threshold(p_currency text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.large_cash_threshold(p_currency text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.large_cash_threshold(p_currency text) TO teller_staff;


--
-- Name: FUNCTION lock_sides(p_debit bigint, p_credit bigint); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.lock_sides(p_debit bigint, p_credit bigint) FROM PUBLIC;


--
-- Name: FUNCTION may_wait(p_login text, p_account text, p_holds boolean); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.may_wait(p_login text, p_account text, p_holds boolean) FROM PUBLIC;


--
-- Name: FUNCTION money_staff(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.money_staff() FROM PUBLIC;


--
-- Name: FUNCTION move_locked(p_op teller.operations, p_how text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.move_locked(p_op teller.operations, p_how text) FROM PUBLIC;


--
-- Name: FUNCTION notify_operation(p_op teller.operations); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.notify_operation(p_op teller.operations) FROM PUBLIC;


--
-- Name: FUNCTION open_account(p_number text, p_holder text, p_currency text, p_floor bigint); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.open_account(p_number text, p_holder text, p_currency text, p_floor bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.open_account(p_number text, p_holder text, p_currency text, p_floor bigint) TO teller_admins;


--
-- Name: TABLE branches; Type: ACL; Schema: teller; Owner: -
--

GRANT SELECT ON TABLE teller.branches TO teller_staff;


--
-- Name: FUNCTION open_branch(p_code text, p_name text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.open_branch(p_code text, p_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.open_branch(p_code text, p_name text) TO teller_admins;


--
-- Name: FUNCTION open_staff_session(p_workstation text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.open_staff_session(p_workstation text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.open_staff_session(p_workstation text) TO teller_staff;


--
-- Name: FUNCTION operation_rules(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.operation_rules() FROM PUBLIC;


--
-- Name: FUNCTION pending_operations(p_limit integer); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.pending_operations(p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.pending_operations(p_limit integer) TO teller_supervisors;


--
-- Name: FUNCTION perform_action(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_fingerprint bytea, p_workstation text, p_note text, p_id_type text, p_id_number text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.perform_action(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_fingerprint bytea, p_workstation text, p_note text, p_id_type text, p_id_number text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.perform_action(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_fingerprint bytea, p_workstation text, p_note text, p_id_type text, p_id_number text) TO teller_tellers;
GRANT ALL ON FUNCTION teller.perform_action(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_fingerprint bytea, p_workstation text, p_note text, p_id_type text, p_id_number text) TO teller_supervisors;


--
-- Name: FUNCTION plain_text(p text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.plain_text(p text) FROM PUBLIC;


--
-- Name: FUNCTION prefix_end(p_prefix text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.prefix_end(p_prefix text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.prefix_end(p_prefix text) TO teller_staff;


--
-- Name: FUNCTION record_account_event(p_number text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.record_account_event(p_number text) FROM PUBLIC;


--
-- Name: FUNCTION renew_database_identity(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.renew_database_identity() FROM PUBLIC;


--
-- Name: FUNCTION replay(p_op teller.operations, p_fingerprint bytea); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.replay(p_op teller.operations, p_fingerprint bytea) FROM PUBLIC;


--
-- Name: FUNCTION report_doubt(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_workstation text, p_message text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.report_doubt(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_workstation text, p_message text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.report_doubt(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_workstation text, p_message text) TO teller_staff;


--
-- Name: FUNCTION request_fingerprint(p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_id_type text, p_id_number text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.request_fingerprint(p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_id_type text, p_id_number text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.request_fingerprint(p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_id_type text, p_id_number text) TO teller_staff;


--
-- Name: FUNCTION request_reversal(p_key uuid, p_original uuid, p_note text, p_workstation text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.request_reversal(p_key uuid, p_original uuid, p_note text, p_workstation text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.request_reversal(p_key uuid, p_original uuid, p_note text, p_workstation text) TO teller_tellers;
GRANT ALL ON FUNCTION teller.request_reversal(p_key uuid, p_original uuid, p_note text, p_workstation text) TO teller_supervisors;


--
-- Name: FUNCTION search_accounts(p_number_prefix text, p_holder_prefix text, p_limit integer); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.search_accounts(p_number_prefix text, p_holder_prefix text, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.search_accounts(p_number_prefix text, p_holder_prefix text, p_limit integer) TO teller_staff;


--
-- Name: FUNCTION secure_database(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.secure_database() FROM PUBLIC;


--
-- Name: FUNCTION session_staff(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.session_staff() FROM PUBLIC;


--
-- Name: FUNCTION set_account_status(p_number text, p_status text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.set_account_status(p_number text, p_status text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.set_account_status(p_number text, p_status text) TO teller_supervisors;
GRANT ALL ON FUNCTION teller.set_account_status(p_number text, p_status text) TO teller_admins;


--
-- Name: FUNCTION set_staff_active(p_login text, p_active boolean); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.set_staff_active(p_login text, p_active boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.set_staff_active(p_login text, p_active boolean) TO teller_admins;


--
-- Name: FUNCTION side_delta(p_account_kind text, p_is_debit boolean, p_amount bigint); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.side_delta(p_account_kind text, p_is_debit boolean, p_amount bigint) FROM PUBLIC;


--
-- Name: FUNCTION staff_administrator(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.staff_administrator() FROM PUBLIC;


--
-- Name: FUNCTION staff_answer(p_login text, p_status text, p_change_id bigint); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.staff_answer(p_login text, p_status text, p_change_id bigint) FROM PUBLIC;


--
-- Name: FUNCTION staff_changes_waiting(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.staff_changes_waiting() FROM PUBLIC;
GRANT ALL ON FUNCTION teller.staff_changes_waiting() TO teller_admins;


--
-- Name: FUNCTION till_blotter(p_currency text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.till_blotter(p_currency text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.till_blotter(p_currency text) TO teller_tellers;
GRANT ALL ON FUNCTION teller.till_blotter(p_currency text) TO teller_supervisors;


--
-- Name: FUNCTION till_status(p_currency text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.till_status(p_currency text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.till_status(p_currency text) TO teller_tellers;
GRANT ALL ON FUNCTION teller.till_status(p_currency text) TO teller_supervisors;


--
-- Name: FUNCTION vault_move(p_key uuid, p_kind text, p_teller text, p_amount bigint, p_currency text, p_workstation text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.vault_move(p_key uuid, p_kind text, p_teller text, p_amount bigint, p_currency text, p_workstation text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.vault_move(p_key uuid, p_kind text, p_teller text, p_amount bigint, p_currency text, p_workstation text) TO teller_supervisors;


--
-- Name: FUNCTION workplace(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.workplace() FROM PUBLIC;
GRANT ALL ON FUNCTION teller.workplace() TO teller_staff;


--
-- Name: FUNCTION workplace_staff(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.workplace_staff() FROM PUBLIC;
GRANT ALL ON FUNCTION teller.workplace_staff() TO teller_staff;


--
-- Name: TABLE currencies; Type: ACL; Schema: teller; Owner: -
--

GRANT SELECT ON TABLE teller.currencies TO teller_staff;


--
-- Name: TABLE denominations; Type: ACL; Schema: teller; Owner: -
--

GRANT SELECT ON TABLE teller.denominations TO teller_staff;


--
-- Name: TABLE schema_functions; Type: ACL; Schema: teller; Owner: -
--

GRANT SELECT ON TABLE teller.schema_functions TO teller_staff;


--
-- Name: TABLE schema_migrations; Type: ACL; Schema: teller; Owner: -
--

GRANT SELECT ON TABLE teller.schema_migrations TO teller_staff;


--
-- PostgreSQL database dump complete
--
