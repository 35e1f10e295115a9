-- Teller schema version 10, functions sha256 1e272912e4b33406cdaf505c3b1512bffbebd584b5883dcba81d4d759559129b
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
	workstation text
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
    IF p_key IS NULL OR p_workstation IS NULL OR length(p_workstation) NOT BETWEEN 1 AND 63 THEN
        RAISE EXCEPTION 'malformed abandon request' USING ERRCODE = '22023';
    END IF;
    v_staff := teller.session_staff();
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
    IF v_op.initiated_by <> session_user AND v_staff.role <> 'supervisor' THEN
        -- Somebody else's key: nothing is said about it.
        RETURN ROW(p_key, 'key_reused', NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL)::teller.action_result;
    END IF;
    RETURN teller.as_result(v_op, true);
END
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
                   NULL, NULL, NULL)::teller.action_result;
    END IF;
    IF (v_op.initiated_by <> session_user AND v_staff.role NOT IN ('supervisor', 'admin'))
       OR (p_fingerprint IS NOT NULL AND v_op.fingerprint IS DISTINCT FROM p_fingerprint
           AND NOT (v_op.status = 'abandoned' AND v_op.fingerprint IS NULL)) THEN
        RETURN ROW(p_key, 'key_reused', NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL)::teller.action_result;
    END IF;
    RETURN teller.as_result(v_op, true);
END
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

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
    created_by text DEFAULT SESSION_USER NOT NULL,
    CONSTRAINT staff_approval_limit_check CHECK ((approval_limit >= 0)),
    CONSTRAINT staff_display_name_check CHECK (((length(btrim(display_name)) >= 1) AND (length(btrim(display_name)) <= 100))),
    CONSTRAINT staff_login_check CHECK ((login ~ '^[a-z_][a-z0-9_.-]{0,62}$'::text)),
    CONSTRAINT staff_role_check CHECK ((role = ANY (ARRAY['teller'::text, 'supervisor'::text, 'admin'::text])))
);


--
-- Name: add_staff(text, text, text, bigint, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.add_staff(p_login text, p_display_name text, p_role text, p_approval_limit bigint, p_password_verifier text) RETURNS teller.staff
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    v_role  pg_catalog.pg_roles;
    v_group text;
    v_staff teller.staff;
BEGIN
    IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9_.-]{0,62}$'
       OR p_login LIKE 'pg\_%' OR p_login LIKE 'teller\_%' OR p_login = 'postgres' THEN
        RAISE EXCEPTION 'invalid staff login "%": lower-case letters, digits, "_", "." and "-", starting with a letter', p_login
            USING ERRCODE = '22023';
    END IF;
    IF p_role IS NULL OR p_role NOT IN ('teller', 'supervisor', 'admin') THEN
        RAISE EXCEPTION 'invalid staff role "%"', p_role USING ERRCODE = '22023';
    END IF;
    IF p_password_verifier IS NOT NULL AND p_password_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        RAISE EXCEPTION 'a password must arrive as a SCRAM-SHA-256 verifier, never in clear'
            USING ERRCODE = '22023';
    END IF;

    SELECT * INTO v_role FROM pg_catalog.pg_roles WHERE rolname = p_login;
    IF NOT FOUND THEN
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', p_login);
    ELSIF v_role.rolsuper OR v_role.rolcreaterole OR v_role.rolcreatedb OR v_role.rolreplication OR v_role.rolbypassrls THEN
        RAISE EXCEPTION 'role "%" already exists with administrative powers; it cannot be staff', p_login
            USING ERRCODE = '42501';
    ELSIF EXISTS (SELECT FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                   WHERE m.member = v_role.oid
                     AND g.rolname NOT IN ('teller_staff', 'teller_tellers', 'teller_supervisors', 'teller_admins'))
          OR EXISTS (SELECT FROM pg_catalog.pg_shdepend d
                      WHERE d.refclassid = 'pg_catalog.pg_authid'::regclass AND d.refobjid = v_role.oid) THEN
        -- A role that belongs to other groups, owns objects or holds grants of its own (in any
        -- database) would bring those rights along: only a role that is nothing but Teller
        -- staff (made by add_staff, here or in another database of the cluster) is reused.
        RAISE EXCEPTION 'role "%" already exists with memberships, objects or grants of its own; it cannot be staff', p_login
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

    INSERT INTO teller.staff AS s (login, display_name, role, approval_limit, limit_currency)
    VALUES (p_login, btrim(p_display_name), p_role, p_approval_limit, teller.setting('home_currency'))
    ON CONFLICT (login) DO UPDATE
        SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
            approval_limit = EXCLUDED.approval_limit, active = true
    RETURNING s.* INTO v_staff;

    INSERT INTO teller.audit_log (action, subject, details)
    VALUES ('staff_add', p_login, jsonb_build_object('role', p_role, 'approval_limit', p_approval_limit,
                                                     'password_set', p_password_verifier IS NOT NULL));
    RETURN v_staff;
END
$_$;


--
-- Name: operations; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.operations (
    id bigint NOT NULL,
    key uuid NOT NULL,
    kind text,
    account_number text,
    counter_account_number text,
    account_id bigint,
    counter_account_id bigint,
    amount bigint,
    currency character(3),
    fingerprint bytea,
    status text NOT NULL,
    reason text,
    balance_after bigint,
    available_after bigint,
    note text,
    initiated_by text NOT NULL,
    workstation text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone,
    decided_by text,
    decided_at timestamp with time zone,
    decision_note text,
    CONSTRAINT operations_amount_check CHECK (((amount > 0) AND (amount <= '1000000000000000'::bigint))),
    CONSTRAINT operations_counter_only_for_transfers CHECK (((kind IS NULL) OR ((kind = 'transfer'::text) = (counter_account_number IS NOT NULL)))),
    CONSTRAINT operations_decision_note_check CHECK ((length(decision_note) <= 500)),
    CONSTRAINT operations_fingerprint_check CHECK ((length(fingerprint) = 32)),
    CONSTRAINT operations_kind_check CHECK ((kind = ANY (ARRAY['withdrawal'::text, 'deposit'::text, 'transfer'::text]))),
    CONSTRAINT operations_note_check CHECK ((length(note) <= 500)),
    CONSTRAINT operations_pending_expires CHECK (((status <> 'pending_approval'::text) OR (expires_at IS NOT NULL))),
    CONSTRAINT operations_rejection_has_reason CHECK (((status = 'rejected'::text) = (reason IS NOT NULL))),
    CONSTRAINT operations_request_complete CHECK (((status = 'abandoned'::text) OR ((kind IS NOT NULL) AND (account_number IS NOT NULL) AND (amount IS NOT NULL) AND (currency IS NOT NULL) AND (fingerprint IS NOT NULL)))),
    CONSTRAINT operations_status_check CHECK ((status = ANY (ARRAY['completed'::text, 'pending_approval'::text, 'rejected'::text, 'expired'::text, 'abandoned'::text])))
);


--
-- Name: as_result(teller.operations, boolean); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.as_result(p_op teller.operations, p_replayed boolean) RETURNS teller.action_result
    LANGUAGE sql STABLE
    RETURN ROW((p_op).key, (p_op).status, (p_op).reason, p_replayed, (p_op).id, (p_op).kind, (p_op).account_number, (p_op).counter_account_number, (p_op).amount, ((p_op).currency)::text, (p_op).balance_after, (p_op).available_after, COALESCE((p_op).decided_at, (p_op).created_at), (p_op).initiated_by, (p_op).workstation)::teller.action_result;


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
    v_acc   teller.accounts;
    v_ctr   teller.accounts;
    v_row   teller.accounts;
BEGIN
    IF p_key IS NULL OR p_approve IS NULL OR length(coalesce(p_note, '')) > 500 THEN
        RAISE EXCEPTION 'malformed decision' USING ERRCODE = '22023';
    END IF;
    IF NOT p_approve AND length(btrim(coalesce(p_note, ''))) = 0 THEN
        RAISE EXCEPTION 'a rejection needs a reason' USING ERRCODE = '22023';
    END IF;
    v_staff := teller.session_staff();
    IF v_staff.role <> 'supervisor' THEN
        RAISE EXCEPTION 'only supervisors approve or reject operations' USING ERRCODE = '42501';
    END IF;

    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF NOT FOUND OR v_op.kind IS NULL THEN
        RAISE EXCEPTION 'no operation with key %', p_key USING ERRCODE = 'P0002';
    END IF;
    IF v_op.initiated_by = session_user THEN
        RAISE EXCEPTION 'nobody approves or rejects their own operation' USING ERRCODE = '42501';
    END IF;

    -- The accounts first, in ascending id order, then the operation: the same order as
    -- perform_action, so two deciders, or a decider and a teller, never deadlock.
    FOR v_row IN
        SELECT * FROM teller.accounts WHERE id IN (v_op.account_id, v_op.counter_account_id) ORDER BY id FOR UPDATE
    LOOP
        IF v_row.id = v_op.account_id THEN
            v_acc := v_row;
        ELSE
            v_ctr := v_row;
        END IF;
    END LOOP;
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key FOR UPDATE;

    IF v_op.status = 'pending_approval' AND v_op.expires_at <= now() THEN
        v_op := teller.expire_locked(v_op);
    END IF;
    IF v_op.status <> 'pending_approval' THEN
        -- Somebody decided first (or time ran out): nothing changes; say who and how.
        RETURN ROW(v_op.key, false, v_op.status, v_op.reason, v_op.decided_by, v_op.decided_at,
                   v_op.decision_note, v_op.initiated_by, v_op.balance_after)::teller.decision_result;
    END IF;

    IF p_approve THEN
        IF v_acc.status <> 'active' THEN
            RAISE EXCEPTION 'account % is %: reject the operation instead', v_acc.number, v_acc.status
                USING ERRCODE = '55000';
        END IF;
        IF v_op.kind = 'transfer' AND v_ctr.status = 'closed' THEN
            RAISE EXCEPTION 'account % is closed: reject the operation instead', v_ctr.number USING ERRCODE = '55000';
        END IF;
        -- The amount was held, so the funds are there: debit it and release the hold at once.
        UPDATE teller.accounts SET balance = balance - v_op.amount, held = held - v_op.amount, updated_at = now()
         WHERE id = v_acc.id RETURNING * INTO v_acc;
        INSERT INTO teller.ledger_entries (operation_id, account_id, amount, balance_after)
        VALUES (v_op.id, v_acc.id, -v_op.amount, v_acc.balance);
        IF v_op.kind = 'transfer' THEN
            UPDATE teller.accounts SET balance = balance + v_op.amount, updated_at = now()
             WHERE id = v_ctr.id RETURNING * INTO v_ctr;
            INSERT INTO teller.ledger_entries (operation_id, account_id, amount, balance_after)
            VALUES (v_op.id, v_ctr.id, v_op.amount, v_ctr.balance);
        END IF;
        UPDATE teller.operations
           SET status = 'completed', balance_after = v_acc.balance, available_after = v_acc.balance - v_acc.held,
               decided_by = v_staff.login, decided_at = now(), decision_note = nullif(btrim(p_note), '')
         WHERE id = v_op.id RETURNING * INTO v_op;
    ELSE
        UPDATE teller.accounts SET held = held - v_op.amount, updated_at = now() WHERE id = v_acc.id RETURNING * INTO v_acc;
        UPDATE teller.operations
           SET status = 'rejected', reason = 'supervisor_rejected', balance_after = v_acc.balance,
               available_after = v_acc.balance - v_acc.held, decided_by = v_staff.login, decided_at = now(),
               decision_note = btrim(p_note)
         WHERE id = v_op.id RETURNING * INTO v_op;
    END IF;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES (CASE WHEN p_approve THEN 'approve' ELSE 'reject' END, p_key::text,
            jsonb_build_object('initiated_by', v_op.initiated_by, 'amount', v_op.amount, 'note', v_op.decision_note));
    PERFORM teller.notify_operation(v_op);
    RETURN ROW(v_op.key, true, v_op.status, v_op.reason, v_op.decided_by, v_op.decided_at, v_op.decision_note,
               v_op.initiated_by, v_op.balance_after)::teller.decision_result;
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
    PERFORM teller.session_staff();
    FOR v_candidate IN
        SELECT id, account_id FROM teller.operations
         WHERE status = 'pending_approval' AND expires_at <= now() ORDER BY account_id
    LOOP
        PERFORM 1 FROM teller.accounts WHERE id = v_candidate.account_id FOR UPDATE;
        SELECT * INTO v_op FROM teller.operations WHERE id = v_candidate.id FOR UPDATE;
        IF v_op.status = 'pending_approval' AND v_op.expires_at <= now() THEN
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
    UPDATE teller.accounts SET held = held - p_op.amount, updated_at = now() WHERE id = p_op.account_id;
    UPDATE teller.operations SET status = 'expired', decided_at = now()
     WHERE id = p_op.id RETURNING * INTO v;
    PERFORM teller.notify_operation(v);
    RETURN v;
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
           NEW.counter_account_id, NEW.amount, NEW.currency, NEW.fingerprint, NEW.initiated_by,
           NEW.workstation, NEW.created_at)
          IS DISTINCT FROM
          (OLD.key, OLD.kind, OLD.account_number, OLD.counter_account_number, OLD.account_id,
           OLD.counter_account_id, OLD.amount, OLD.currency, OLD.fingerprint, OLD.initiated_by,
           OLD.workstation, OLD.created_at) THEN
        RAISE EXCEPTION 'operation % may not change from % to %', OLD.key, OLD.status, NEW.status
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: invariant_violations(); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.invariant_violations() RETURNS TABLE(invariant text, subject text, detail text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT 'balance_equals_ledger', a.number,
           format('balance %s, ledger sum %s', a.balance, coalesce(l.total, 0))
      FROM teller.accounts a
      LEFT JOIN (SELECT account_id, sum(amount) AS total FROM teller.ledger_entries GROUP BY account_id) l
             ON l.account_id = a.id
     WHERE a.balance <> coalesce(l.total, 0)
    UNION ALL
    SELECT 'available_not_below_floor', number, format('balance %s, held %s, floor %s', balance, held, balance_floor)
      FROM teller.accounts WHERE balance - held < balance_floor
    UNION ALL
    SELECT 'held_equals_pending', a.number, format('held %s, pending %s', a.held, coalesce(p.total, 0))
      FROM teller.accounts a
      LEFT JOIN (SELECT account_id, sum(amount) AS total FROM teller.operations
                  WHERE status = 'pending_approval' GROUP BY account_id) p ON p.account_id = a.id
     WHERE a.held <> coalesce(p.total, 0)
    UNION ALL
    SELECT 'completed_has_ledger', o.key::text, format('%s of %s with %s ledger entries', o.kind, o.amount, count(l.id))
      FROM teller.operations o LEFT JOIN teller.ledger_entries l ON l.operation_id = o.id
     WHERE o.status = 'completed'
     GROUP BY o.id
    HAVING count(l.id) <> CASE WHEN o.kind = 'transfer' THEN 2 ELSE 1 END
        OR sum(abs(l.amount)) <> o.amount * CASE WHEN o.kind = 'transfer' THEN 2 ELSE 1 END
    UNION ALL
    SELECT 'only_completed_has_ledger', o.key::text, o.status
      FROM teller.operations o
     WHERE o.status <> 'completed' AND EXISTS (SELECT FROM teller.ledger_entries l WHERE l.operation_id = o.id);
$$;


--
-- Name: notify_operation(teller.operations); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.notify_operation(p_op teller.operations) RETURNS void
    LANGUAGE sql
    RETURN pg_notify('teller_operations'::text, (json_build_object('key', (p_op).key, 'status', (p_op).status))::text);


--
-- Name: accounts; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.accounts (
    id bigint NOT NULL,
    number text NOT NULL,
    holder text NOT NULL,
    currency character(3) NOT NULL,
    balance bigint DEFAULT 0 NOT NULL,
    held bigint DEFAULT 0 NOT NULL,
    balance_floor bigint DEFAULT 0 NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    opened_at timestamp with time zone DEFAULT now() NOT NULL,
    opened_by text DEFAULT SESSION_USER NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT accounts_available_not_below_floor CHECK (((balance - held) >= balance_floor)),
    CONSTRAINT accounts_balance_floor_check CHECK ((balance_floor <= 0)),
    CONSTRAINT accounts_closed_is_empty CHECK (((status <> 'closed'::text) OR ((balance = 0) AND (held = 0)))),
    CONSTRAINT accounts_held_check CHECK ((held >= 0)),
    CONSTRAINT accounts_holder_check CHECK (((length(btrim(holder)) >= 1) AND (length(btrim(holder)) <= 200))),
    CONSTRAINT accounts_number_check CHECK ((number ~ '^[A-Z0-9]{1,34}$'::text)),
    CONSTRAINT accounts_status_check CHECK ((status = ANY (ARRAY['active'::text, 'frozen'::text, 'closed'::text])))
);


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
    IF p_number IS NULL OR p_number !~ '^[A-Z0-9]{1,34}$' THEN
        RAISE EXCEPTION 'invalid account number "%"', p_number USING ERRCODE = '22023';
    END IF;
    INSERT INTO teller.accounts AS a (number, holder, currency, balance_floor)
    VALUES (p_number, btrim(p_holder), p_currency, coalesce(p_floor, 0))
    ON CONFLICT (number) DO NOTHING
    RETURNING a.* INTO v;
    IF NOT FOUND THEN
        -- Opening the same account twice is harmless; opening a different one under an
        -- existing number is not.
        SELECT * INTO STRICT v FROM teller.accounts WHERE number = p_number;
        IF v.holder <> btrim(p_holder) OR v.currency <> p_currency OR v.balance_floor <> coalesce(p_floor, 0) THEN
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
-- Name: perform_action(uuid, text, text, text, bigint, text, bytea, text, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.perform_action(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_fingerprint bytea, p_workstation text, p_note text DEFAULT NULL::text) RETURNS teller.action_result
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    v_staff   teller.staff;
    v_op      teller.operations;
    v_acc     teller.accounts;  -- the account named first: debited, or credited by a deposit
    v_ctr     teller.accounts;  -- a transfer's receiving account
    v_first   bigint;
    v_second  bigint;
    v_debit   boolean := p_kind IN ('withdrawal', 'transfer');
    v_status  text := 'completed';
    v_reason  text;
    v_balance bigint;
    v_held    bigint;
    v_expired teller.operations;
    c_max     constant bigint := 9223372036854775807;
BEGIN
    -- 1. The request must be well formed, and its fingerprint must be the one we compute.
    IF p_key IS NULL OR p_kind IS NULL OR p_kind NOT IN ('withdrawal', 'deposit', 'transfer')
       OR p_account IS NULL OR p_account !~ '^[A-Z0-9]{1,34}$'
       OR (p_kind = 'transfer') <> (p_counter IS NOT NULL)
       OR (p_counter IS NOT NULL AND (p_counter !~ '^[A-Z0-9]{1,34}$' OR p_counter = p_account))
       OR p_amount IS NULL OR p_amount <= 0 OR p_amount > 1000000000000000
       OR p_currency IS NULL OR p_currency !~ '^[A-Z]{3}$'
       OR p_workstation IS NULL OR length(p_workstation) NOT BETWEEN 1 AND 63
       OR length(coalesce(p_note, '')) > 500 THEN
        RAISE EXCEPTION 'malformed action request' USING ERRCODE = '22023';
    END IF;
    IF p_fingerprint IS DISTINCT FROM teller.request_fingerprint(p_kind, p_account, p_counter, p_amount, p_currency) THEN
        RAISE EXCEPTION 'the request fingerprint does not match the request' USING ERRCODE = '22023';
    END IF;

    SELECT * INTO v_staff FROM teller.staff WHERE login = session_user AND active;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'login "%" is not an active Teller staff member', session_user USING ERRCODE = '42501';
    END IF;
    IF v_staff.role NOT IN ('teller', 'supervisor') THEN
        RAISE EXCEPTION 'only tellers and supervisors move money' USING ERRCODE = '42501';
    END IF;

    -- 2. A known key is answered from its record, without touching any account.
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF FOUND THEN
        RETURN teller.replay(v_op, p_fingerprint);
    END IF;

    -- 3. Lock every account touched, in ascending id order (two transfers in opposite
    --    directions then queue instead of deadlocking). Nothing that could be done before the
    --    lock is done after it.
    IF p_counter IS NULL THEN
        SELECT * INTO v_acc FROM teller.accounts WHERE number = p_account FOR UPDATE;
    ELSE
        SELECT min(id), max(id) INTO v_first, v_second FROM teller.accounts WHERE number IN (p_account, p_counter);
        IF v_first IS NOT NULL THEN
            SELECT * INTO v_acc FROM teller.accounts WHERE id = v_first FOR UPDATE;
            IF v_second <> v_first THEN
                SELECT * INTO v_ctr FROM teller.accounts WHERE id = v_second FOR UPDATE;
            END IF;
            IF v_acc.number <> p_account THEN -- the counter account has the lower id
                DECLARE
                    t teller.accounts;
                BEGIN
                    t := v_acc;
                    v_acc := v_ctr;
                    v_ctr := t;
                END;
            END IF;
            IF v_ctr.number IS DISTINCT FROM p_counter THEN
                v_ctr := NULL;
            END IF;
            IF v_acc.number IS DISTINCT FROM p_account THEN
                v_acc := NULL;
            END IF;
        END IF;
    END IF;

    -- 3b. Holds whose approval did not come in time no longer count.
    IF v_acc.held > 0 THEN
        FOR v_expired IN
            SELECT * FROM teller.operations
             WHERE account_id = v_acc.id AND status = 'pending_approval' AND expires_at <= now()
             ORDER BY id FOR UPDATE
        LOOP
            PERFORM teller.expire_locked(v_expired);
            v_acc.held := v_acc.held - v_expired.amount;
        END LOOP;
    END IF;

    -- 4. Decide.
    IF v_acc.id IS NULL OR (p_kind = 'transfer' AND v_ctr.id IS NULL) THEN
        v_status := 'rejected'; v_reason := 'unknown_account';
    ELSIF v_acc.currency <> p_currency OR (p_kind = 'transfer' AND v_ctr.currency <> p_currency) THEN
        v_status := 'rejected'; v_reason := 'currency_mismatch';
    ELSIF v_acc.status = 'closed' OR (p_kind = 'transfer' AND v_ctr.status = 'closed') THEN
        v_status := 'rejected'; v_reason := 'account_closed';
    ELSIF v_debit AND v_acc.status = 'frozen' THEN
        v_status := 'rejected'; v_reason := 'account_frozen';
    ELSIF v_debit AND v_acc.balance - v_acc.held - p_amount < v_acc.balance_floor THEN
        v_status := 'rejected'; v_reason := 'insufficient_funds';
    ELSIF (p_kind = 'deposit' AND v_acc.balance > c_max - p_amount)
          OR (p_kind = 'transfer' AND v_ctr.balance > c_max - p_amount) THEN
        v_status := 'rejected'; v_reason := 'balance_limit';
    ELSIF v_debit AND v_staff.approval_limit IS NOT NULL
          AND (p_amount > v_staff.approval_limit OR p_currency <> v_staff.limit_currency) THEN
        v_status := 'pending_approval';
    END IF;

    v_balance := v_acc.balance;
    v_held := v_acc.held;
    IF v_status = 'completed' THEN
        v_balance := v_balance + CASE WHEN v_debit THEN -p_amount ELSE p_amount END;
    ELSIF v_status = 'pending_approval' THEN
        v_held := v_held + p_amount;
    END IF;

    -- 5. Record the outcome under the key. If another attempt with this key got here first,
    --    it has committed by now (we waited for its locks): ON CONFLICT yields no row.
    INSERT INTO teller.operations AS o
        (key, kind, account_number, counter_account_number, account_id, counter_account_id, amount,
         currency, fingerprint, status, reason, balance_after, available_after, note, initiated_by,
         workstation, expires_at)
    VALUES
        (p_key, p_kind, p_account, p_counter, v_acc.id, v_ctr.id, p_amount, p_currency, p_fingerprint,
         v_status, v_reason, v_balance, v_balance - v_held, nullif(btrim(p_note), ''), v_staff.login,
         p_workstation,
         CASE WHEN v_status = 'pending_approval'
              THEN now() + make_interval(mins => teller.setting('approval_hold_minutes')::int) END)
    ON CONFLICT (key) DO NOTHING
    RETURNING o.* INTO v_op;
    IF NOT FOUND THEN
        SELECT * INTO STRICT v_op FROM teller.operations WHERE key = p_key;
        RETURN teller.replay(v_op, p_fingerprint);
    END IF;

    -- 6. Move the money, or hold it for approval.
    IF v_status = 'completed' THEN
        IF p_kind = 'transfer' THEN
            UPDATE teller.accounts
               SET balance = balance + CASE WHEN id = v_acc.id THEN -p_amount ELSE p_amount END,
                   updated_at = now()
             WHERE id IN (v_acc.id, v_ctr.id);
            INSERT INTO teller.ledger_entries (operation_id, account_id, amount, balance_after)
            VALUES (v_op.id, v_acc.id, -p_amount, v_balance),
                   (v_op.id, v_ctr.id, p_amount, v_ctr.balance + p_amount);
        ELSE
            UPDATE teller.accounts SET balance = v_balance, updated_at = now() WHERE id = v_acc.id;
            INSERT INTO teller.ledger_entries (operation_id, account_id, amount, balance_after)
            VALUES (v_op.id, v_acc.id, CASE WHEN v_debit THEN -p_amount ELSE p_amount END, v_balance);
        END IF;
    ELSIF v_status = 'pending_approval' THEN
        UPDATE teller.accounts SET held = v_held, updated_at = now() WHERE id = v_acc.id;
        PERFORM teller.notify_operation(v_op);
    END IF;

    RETURN ROW(v_op.key, v_op.status, v_op.reason, false, v_op.id, v_op.kind, v_op.account_number,
               v_op.counter_account_number, v_op.amount, v_op.currency::text, v_op.balance_after,
               v_op.available_after, v_op.created_at, v_op.initiated_by, v_op.workstation)::teller.action_result;
END
$_$;


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
-- Name: replay(teller.operations, bytea); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.replay(p_op teller.operations, p_fingerprint bytea) RETURNS teller.action_result
    LANGUAGE sql STABLE
    RETURN CASE WHEN (((p_op).status = 'abandoned'::text) AND ((p_op).fingerprint IS NULL)) THEN ROW((p_op).key, 'abandoned'::text, NULL::text, true, (p_op).id, NULL::text, NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::bigint, NULL::bigint, (p_op).created_at, (p_op).initiated_by, (p_op).workstation)::teller.action_result WHEN (((p_op).fingerprint IS DISTINCT FROM p_fingerprint) OR ((p_op).initiated_by <> SESSION_USER)) THEN ROW((p_op).key, 'key_reused'::text, NULL::text, false, NULL::bigint, NULL::text, NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::bigint, NULL::bigint, NULL::timestamp with time zone, NULL::text, NULL::text)::teller.action_result ELSE teller.as_result(p_op, true) END;


--
-- Name: report_doubt(uuid, text, text, text, bigint, text, text, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.report_doubt(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_workstation text, p_message text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_staff teller.staff;
BEGIN
    v_staff := teller.session_staff();
    INSERT INTO teller.doubt_reports (key, reported_by, workstation, kind, account_number, counter_account_number,
                                      amount, currency, message)
    VALUES (p_key, v_staff.login, p_workstation, p_kind, p_account, p_counter, p_amount, p_currency, left(p_message, 1000))
    ON CONFLICT (key) DO UPDATE SET message = EXCLUDED.message, reported_at = now()
        WHERE teller.doubt_reports.reported_by = v_staff.login;
    -- Only "something is in doubt": supervisors read the reports themselves.
    PERFORM pg_notify('teller_operations', json_build_object('status', 'in_doubt')::text);
END
$$;


--
-- Name: request_fingerprint(text, text, text, bigint, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.request_fingerprint(p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text) RETURNS bytea
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN sha256(convert_to(((((((((((('teller/v1'::text || '
'::text) || p_kind) || '
'::text) || p_account) || '
'::text) || COALESCE(p_counter, ''::text)) || '
'::text) || (p_amount)::text) || '
'::text) || p_currency) || '
'::text), 'UTF8'::name));


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
BEGIN
    SELECT * INTO v FROM teller.staff WHERE login = session_user AND active;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'login "%" is not an active Teller staff member', session_user
            USING ERRCODE = '42501';
    END IF;
    RETURN v;
END
$$;


--
-- Name: set_account_status(text, text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.set_account_status(p_number text, p_status text) RETURNS teller.accounts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v teller.accounts;
    v_old text;
BEGIN
    IF p_status IS NULL OR p_status NOT IN ('active', 'frozen', 'closed') THEN
        RAISE EXCEPTION 'invalid account status "%"', p_status USING ERRCODE = '22023';
    END IF;
    SELECT * INTO v FROM teller.accounts WHERE number = p_number FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no account %', p_number USING ERRCODE = 'P0002';
    END IF;
    v_old := v.status;
    IF v_old = p_status THEN
        RETURN v;
    END IF;
    IF v_old = 'closed' THEN
        RAISE EXCEPTION 'account % is closed; a closed account is not reopened', p_number USING ERRCODE = '55000';
    END IF;
    IF p_status = 'closed' AND (v.balance <> 0 OR v.held <> 0) THEN
        RAISE EXCEPTION 'account % still holds money; pay it out before closing', p_number USING ERRCODE = '55000';
    END IF;
    UPDATE teller.accounts SET status = p_status, updated_at = now() WHERE id = v.id RETURNING * INTO v;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES ('account_status', p_number, jsonb_build_object('from', v_old, 'to', p_status));
    PERFORM pg_notify('teller_accounts', p_number);
    RETURN v;
END
$$;


--
-- Name: settings; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.settings (
    key text NOT NULL,
    value text NOT NULL
);


--
-- Name: setting(text); Type: FUNCTION; Schema: teller; Owner: -
--

CREATE FUNCTION teller.setting(p_key text) RETURNS text
    LANGUAGE sql STABLE
    RETURN (SELECT settings.value FROM teller.settings WHERE (settings.key = setting.p_key));


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
    actor text DEFAULT SESSION_USER NOT NULL,
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
-- Name: currencies; Type: TABLE; Schema: teller; Owner: -
--

CREATE TABLE teller.currencies (
    code character(3) NOT NULL,
    exponent smallint NOT NULL,
    CONSTRAINT currencies_code_check CHECK ((code ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT currencies_exponent_check CHECK (((exponent >= 0) AND (exponent <= 4)))
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
-- Name: currencies currencies_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.currencies
    ADD CONSTRAINT currencies_pkey PRIMARY KEY (code);


--
-- Name: doubt_reports doubt_reports_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.doubt_reports
    ADD CONSTRAINT doubt_reports_pkey PRIMARY KEY (key);


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
-- Name: staff staff_pkey; Type: CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.staff
    ADD CONSTRAINT staff_pkey PRIMARY KEY (login);


--
-- Name: accounts_holder_search; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX accounts_holder_search ON teller.accounts USING btree (lower(holder) COLLATE "C");


--
-- Name: accounts_number_search; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX accounts_number_search ON teller.accounts USING btree (number COLLATE "C");


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
-- Name: operations_pending; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX operations_pending ON teller.operations USING btree (expires_at) WHERE (status = 'pending_approval'::text);


--
-- Name: operations_pending_account; Type: INDEX; Schema: teller; Owner: -
--

CREATE INDEX operations_pending_account ON teller.operations USING btree (account_id) WHERE (status = 'pending_approval'::text);


--
-- Name: audit_log audit_log_append_only; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER audit_log_append_only BEFORE DELETE OR UPDATE ON teller.audit_log FOR EACH ROW EXECUTE FUNCTION teller.forbid_change();


--
-- Name: audit_log audit_log_no_truncate; Type: TRIGGER; Schema: teller; Owner: -
--

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON teller.audit_log FOR EACH STATEMENT EXECUTE FUNCTION teller.forbid_change();


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
-- Name: accounts accounts_currency_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.accounts
    ADD CONSTRAINT accounts_currency_fkey FOREIGN KEY (currency) REFERENCES teller.currencies(code);


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
-- Name: operations operations_account_id_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.operations
    ADD CONSTRAINT operations_account_id_fkey FOREIGN KEY (account_id) REFERENCES teller.accounts(id);


--
-- Name: operations operations_counter_account_id_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.operations
    ADD CONSTRAINT operations_counter_account_id_fkey FOREIGN KEY (counter_account_id) REFERENCES teller.accounts(id);


--
-- Name: schema_functions schema_functions_schema_version_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.schema_functions
    ADD CONSTRAINT schema_functions_schema_version_fkey FOREIGN KEY (schema_version) REFERENCES teller.schema_migrations(version);


--
-- Name: staff staff_limit_currency_fkey; Type: FK CONSTRAINT; Schema: teller; Owner: -
--

ALTER TABLE ONLY teller.staff
    ADD CONSTRAINT staff_limit_currency_fkey FOREIGN KEY (limit_currency) REFERENCES teller.currencies(code);


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
-- Name: FUNCTION action_status(p_key uuid, p_fingerprint bytea); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.action_status(p_key uuid, p_fingerprint bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.action_status(p_key uuid, p_fingerprint bytea) TO teller_staff;


--
-- Name: TABLE staff; Type: ACL; Schema: teller; Owner: -
--

GRANT SELECT ON TABLE teller.staff TO teller_staff;


--
-- Name: FUNCTION add_staff(p_login text, p_display_name text, p_role text, p_approval_limit bigint, p_password_verifier text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.add_staff(p_login text, p_display_name text, p_role text, p_approval_limit bigint, p_password_verifier text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.add_staff(p_login text, p_display_name text, p_role text, p_approval_limit bigint, p_password_verifier text) TO teller_admins;


--
-- Name: TABLE operations; Type: ACL; Schema: teller; Owner: -
--

GRANT SELECT ON TABLE teller.operations TO teller_staff;


--
-- Name: FUNCTION as_result(p_op teller.operations, p_replayed boolean); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.as_result(p_op teller.operations, p_replayed boolean) FROM PUBLIC;


--
-- Name: FUNCTION decide_operation(p_key uuid, p_approve boolean, p_note text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.decide_operation(p_key uuid, p_approve boolean, p_note text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.decide_operation(p_key uuid, p_approve boolean, p_note text) TO teller_supervisors;


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
-- Name: FUNCTION forbid_change(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.forbid_change() FROM PUBLIC;


--
-- Name: FUNCTION guard_operation_update(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.guard_operation_update() FROM PUBLIC;


--
-- Name: FUNCTION invariant_violations(); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.invariant_violations() FROM PUBLIC;
GRANT ALL ON FUNCTION teller.invariant_violations() TO teller_supervisors;
GRANT ALL ON FUNCTION teller.invariant_violations() TO teller_admins;


--
-- Name: FUNCTION notify_operation(p_op teller.operations); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.notify_operation(p_op teller.operations) FROM PUBLIC;


--
-- Name: TABLE accounts; Type: ACL; Schema: teller; Owner: -
--

GRANT SELECT ON TABLE teller.accounts TO teller_staff;


--
-- Name: FUNCTION open_account(p_number text, p_holder text, p_currency text, p_floor bigint); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.open_account(p_number text, p_holder text, p_currency text, p_floor bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.open_account(p_number text, p_holder text, p_currency text, p_floor bigint) TO teller_admins;


--
-- Name: FUNCTION perform_action(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_fingerprint bytea, p_workstation text, p_note text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.perform_action(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_fingerprint bytea, p_workstation text, p_note text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.perform_action(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_fingerprint bytea, p_workstation text, p_note text) TO teller_tellers;
GRANT ALL ON FUNCTION teller.perform_action(p_key uuid, p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text, p_fingerprint bytea, p_workstation text, p_note text) TO teller_supervisors;


--
-- Name: FUNCTION prefix_end(p_prefix text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.prefix_end(p_prefix text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.prefix_end(p_prefix text) TO teller_staff;


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
-- Name: FUNCTION request_fingerprint(p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.request_fingerprint(p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text) FROM PUBLIC;
GRANT ALL ON FUNCTION teller.request_fingerprint(p_kind text, p_account text, p_counter text, p_amount bigint, p_currency text) TO teller_staff;


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
-- Name: TABLE settings; Type: ACL; Schema: teller; Owner: -
--

GRANT SELECT ON TABLE teller.settings TO teller_staff;


--
-- Name: FUNCTION setting(p_key text); Type: ACL; Schema: teller; Owner: -
--

REVOKE ALL ON FUNCTION teller.setting(p_key text) FROM PUBLIC;


--
-- Name: TABLE audit_log; Type: ACL; Schema: teller; Owner: -
--

GRANT SELECT ON TABLE teller.audit_log TO teller_supervisors;
GRANT SELECT ON TABLE teller.audit_log TO teller_admins;


--
-- Name: TABLE currencies; Type: ACL; Schema: teller; Owner: -
--

GRANT SELECT ON TABLE teller.currencies TO teller_staff;


--
-- Name: TABLE doubt_reports; Type: ACL; Schema: teller; Owner: -
--

GRANT SELECT ON TABLE teller.doubt_reports TO teller_supervisors;
GRANT SELECT ON TABLE teller.doubt_reports TO teller_admins;


--
-- Name: TABLE ledger_entries; Type: ACL; Schema: teller; Owner: -
--

GRANT SELECT ON TABLE teller.ledger_entries TO teller_staff;


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
