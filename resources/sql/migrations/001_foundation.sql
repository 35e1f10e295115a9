-- 001 foundation: currencies, staff, accounts, operations keyed by idempotency key,
-- append-only ledger and audit log, the money-moving functions, roles and grants.
--
-- Applied by `tellerctl migrate` inside one transaction, after the migrator created the schema
-- "teller" and teller.schema_migrations. Every rule that protects money is enforced here:
-- staff logins have no write grant on any table; they call narrow SECURITY DEFINER functions
-- that lock, check and write, and record session_user, which a client cannot forge.

-- Group roles are cluster-wide: create them once, reuse them in every database.
DO $roles$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'teller_staff') THEN
        CREATE ROLE teller_staff NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'teller_tellers') THEN
        CREATE ROLE teller_tellers NOLOGIN IN ROLE teller_staff;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'teller_supervisors') THEN
        CREATE ROLE teller_supervisors NOLOGIN IN ROLE teller_staff;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'teller_admins') THEN
        CREATE ROLE teller_admins NOLOGIN IN ROLE teller_staff;
    END IF;
END
$roles$;

REVOKE ALL ON SCHEMA teller FROM PUBLIC;
GRANT USAGE ON SCHEMA teller TO teller_staff;
ALTER DEFAULT PRIVILEGES IN SCHEMA teller REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
GRANT SELECT ON teller.schema_migrations TO teller_staff;

-- ---------------------------------------------------------------------------------------------
-- Reference data and settings

CREATE TABLE teller.currencies (
    code     char(3) PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
    exponent smallint NOT NULL CHECK (exponent BETWEEN 0 AND 4)
);

INSERT INTO teller.currencies (code, exponent) VALUES
    ('AED',2),('AFN',2),('ALL',2),('AMD',2),('ANG',2),('AOA',2),('ARS',2),('AUD',2),('AWG',2),
    ('AZN',2),('BAM',2),('BBD',2),('BDT',2),('BGN',2),('BHD',3),('BIF',0),('BMD',2),('BND',2),
    ('BOB',2),('BRL',2),('BSD',2),('BTN',2),('BWP',2),('BYN',2),('BZD',2),('CAD',2),('CDF',2),
    ('CHF',2),('CLP',0),('CNY',2),('COP',2),('CRC',2),('CUP',2),('CVE',2),('CZK',2),('DJF',0),
    ('DKK',2),('DOP',2),('DZD',2),('EGP',2),('ERN',2),('ETB',2),('EUR',2),('FJD',2),('FKP',2),
    ('GBP',2),('GEL',2),('GHS',2),('GIP',2),('GMD',2),('GNF',0),('GTQ',2),('GYD',2),('HKD',2),
    ('HNL',2),('HTG',2),('HUF',2),('IDR',2),('ILS',2),('INR',2),('IQD',3),('IRR',2),('ISK',0),
    ('JMD',2),('JOD',3),('JPY',0),('KES',2),('KGS',2),('KHR',2),('KMF',0),('KPW',2),('KRW',0),
    ('KWD',3),('KYD',2),('KZT',2),('LAK',2),('LBP',2),('LKR',2),('LRD',2),('LSL',2),('LYD',3),
    ('MAD',2),('MDL',2),('MGA',2),('MKD',2),('MMK',2),('MNT',2),('MOP',2),('MRU',2),('MUR',2),
    ('MVR',2),('MWK',2),('MXN',2),('MYR',2),('MZN',2),('NAD',2),('NGN',2),('NIO',2),('NOK',2),
    ('NPR',2),('NZD',2),('OMR',3),('PAB',2),('PEN',2),('PGK',2),('PHP',2),('PKR',2),('PLN',2),
    ('PYG',0),('QAR',2),('RON',2),('RSD',2),('RUB',2),('RWF',0),('SAR',2),('SBD',2),('SCR',2),
    ('SDG',2),('SEK',2),('SGD',2),('SHP',2),('SLE',2),('SOS',2),('SRD',2),('SSP',2),('STN',2),
    ('SVC',2),('SYP',2),('SZL',2),('THB',2),('TJS',2),('TMT',2),('TND',3),('TOP',2),('TRY',2),
    ('TTD',2),('TWD',2),('TZS',2),('UAH',2),('UGX',0),('USD',2),('UYU',2),('UZS',2),('VES',2),
    ('VND',0),('VUV',0),('WST',2),('XAF',0),('XCD',2),('XOF',0),('XPF',0),('YER',2),('ZAR',2),
    ('ZMW',2),('ZWL',2);

CREATE TABLE teller.settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);

INSERT INTO teller.settings (key, value) VALUES
    ('home_currency', 'EUR'),          -- the currency staff approval limits are written in
    ('approval_hold_minutes', '30');   -- how long an amount awaiting approval stays held

-- ---------------------------------------------------------------------------------------------
-- Staff: one row per PostgreSQL login role that works with Teller.

CREATE TABLE teller.staff (
    login          text PRIMARY KEY CHECK (login ~ '^[a-z_][a-z0-9_.-]{0,62}$'),
    display_name   text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 100),
    role           text NOT NULL CHECK (role IN ('teller', 'supervisor', 'admin')),
    -- Withdrawals and transfers above this amount (minor units of limit_currency) need a
    -- supervisor's approval; NULL means no limit.
    approval_limit bigint CHECK (approval_limit >= 0),
    limit_currency char(3) NOT NULL REFERENCES teller.currencies,
    active         boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text NOT NULL DEFAULT session_user
);

-- ---------------------------------------------------------------------------------------------
-- Accounts. balance and held are minor units of the account's currency. The available amount
-- is balance - held, and it may never go below the floor (0, or negative for an overdraft).

CREATE TABLE teller.accounts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number        text NOT NULL UNIQUE CHECK (number ~ '^[A-Z0-9]{1,34}$'),
    holder        text NOT NULL CHECK (length(btrim(holder)) BETWEEN 1 AND 200),
    currency      char(3) NOT NULL REFERENCES teller.currencies,
    balance       bigint NOT NULL DEFAULT 0,
    held          bigint NOT NULL DEFAULT 0 CHECK (held >= 0),
    balance_floor bigint NOT NULL DEFAULT 0 CHECK (balance_floor <= 0),
    status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'frozen', 'closed')),
    opened_at     timestamptz NOT NULL DEFAULT now(),
    opened_by     text NOT NULL DEFAULT session_user,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT accounts_available_not_below_floor CHECK (balance - held >= balance_floor),
    CONSTRAINT accounts_closed_is_empty CHECK (status <> 'closed' OR (balance = 0 AND held = 0))
);

-- Prefix search by holder name, case-insensitive.
CREATE INDEX accounts_holder_prefix ON teller.accounts (lower(holder) text_pattern_ops);

-- ---------------------------------------------------------------------------------------------
-- Operations: one row per idempotency key, written in the same transaction as its effect.
-- A row is never deleted; only a pending approval may change, and only to its decision.

CREATE TABLE teller.operations (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key                    uuid NOT NULL UNIQUE,
    kind                   text CHECK (kind IN ('withdrawal', 'deposit', 'transfer')),
    account_number         text,          -- as requested, also when no such account exists
    counter_account_number text,
    account_id             bigint REFERENCES teller.accounts,
    counter_account_id     bigint REFERENCES teller.accounts,
    amount                 bigint CHECK (amount > 0 AND amount <= 1000000000000000),
    currency               char(3),
    fingerprint            bytea CHECK (length(fingerprint) = 32),
    status                 text NOT NULL CHECK (status IN ('completed', 'pending_approval', 'rejected',
                                                           'expired', 'abandoned')),
    reason                 text,
    balance_after          bigint,        -- of the account named first, after this operation
    available_after        bigint,
    note                   text CHECK (length(note) <= 500),
    initiated_by           text NOT NULL,
    workstation            text NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    expires_at             timestamptz,   -- when a pending approval lapses
    decided_by             text,          -- the supervisor who approved or rejected
    decided_at             timestamptz,
    decision_note          text CHECK (length(decision_note) <= 500),
    -- Everything but a tombstone (an abandoned key whose request never arrived) is complete.
    CONSTRAINT operations_request_complete CHECK (
        status = 'abandoned'
        OR (kind IS NOT NULL AND account_number IS NOT NULL AND amount IS NOT NULL
            AND currency IS NOT NULL AND fingerprint IS NOT NULL)),
    CONSTRAINT operations_counter_only_for_transfers CHECK (
        kind IS NULL OR (kind = 'transfer') = (counter_account_number IS NOT NULL)),
    CONSTRAINT operations_rejection_has_reason CHECK ((status = 'rejected') = (reason IS NOT NULL)),
    CONSTRAINT operations_pending_expires CHECK (status <> 'pending_approval' OR expires_at IS NOT NULL)
);

CREATE INDEX operations_account_recent ON teller.operations (account_id, created_at DESC);
CREATE INDEX operations_counter_recent ON teller.operations (counter_account_id, created_at DESC)
    WHERE counter_account_id IS NOT NULL;
CREATE INDEX operations_pending ON teller.operations (expires_at) WHERE status = 'pending_approval';

-- ---------------------------------------------------------------------------------------------
-- Ledger: the money's history. Append-only: every balance equals the sum of its entries.

CREATE TABLE teller.ledger_entries (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    operation_id  bigint NOT NULL REFERENCES teller.operations,
    account_id    bigint NOT NULL REFERENCES teller.accounts,
    amount        bigint NOT NULL CHECK (amount <> 0),
    balance_after bigint NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ledger_entries_account ON teller.ledger_entries (account_id, id);
CREATE INDEX ledger_entries_operation ON teller.ledger_entries (operation_id);

-- Audit log of administrative changes (staff, accounts). Append-only as well.
CREATE TABLE teller.audit_log (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      timestamptz NOT NULL DEFAULT now(),
    actor   text NOT NULL DEFAULT session_user,
    action  text NOT NULL,
    subject text NOT NULL,
    details jsonb NOT NULL DEFAULT '{}'
);

CREATE FUNCTION teller.forbid_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'teller.% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = '42501';
END
$$;

CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON teller.ledger_entries
    FOR EACH ROW EXECUTE FUNCTION teller.forbid_change();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON teller.ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION teller.forbid_change();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON teller.audit_log
    FOR EACH ROW EXECUTE FUNCTION teller.forbid_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON teller.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION teller.forbid_change();
CREATE TRIGGER operations_no_delete BEFORE DELETE ON teller.operations
    FOR EACH ROW EXECUTE FUNCTION teller.forbid_change();
CREATE TRIGGER operations_no_truncate BEFORE TRUNCATE ON teller.operations
    FOR EACH STATEMENT EXECUTE FUNCTION teller.forbid_change();

-- Only a pending approval may change, only into a decision, and never in what was requested.
CREATE FUNCTION teller.guard_operation_update() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
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

CREATE TRIGGER operations_guard BEFORE UPDATE ON teller.operations
    FOR EACH ROW EXECUTE FUNCTION teller.guard_operation_update();

-- ---------------------------------------------------------------------------------------------
-- Helpers

CREATE FUNCTION teller.request_fingerprint(p_kind text, p_account text, p_counter text,
                                           p_amount bigint, p_currency text)
RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
-- Must match ActionRequest::canonical() in core/teller/Action.cpp.
RETURN pg_catalog.sha256(pg_catalog.convert_to(
    'teller/v1' || E'\n' || p_kind || E'\n' || p_account || E'\n' || coalesce(p_counter, '')
    || E'\n' || p_amount::text || E'\n' || p_currency || E'\n', 'UTF8'));

CREATE FUNCTION teller.setting(p_key text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
RETURN (SELECT value FROM teller.settings WHERE key = p_key);

-- The staff row of the login that opened this session; an error for anybody else.
CREATE FUNCTION teller.session_staff() RETURNS teller.staff
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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

-- What a client is told about an action.
CREATE TYPE teller.action_result AS (
    key                    uuid,
    status                 text,
    reason                 text,
    replayed               boolean,
    operation_id           bigint,
    kind                   text,
    account_number         text,
    counter_account_number text,
    amount                 bigint,
    currency               text,
    balance_after          bigint,
    available_after        bigint,
    executed_at            timestamptz,
    initiated_by           text,
    workstation            text
);

CREATE FUNCTION teller.as_result(p_op teller.operations, p_replayed boolean)
RETURNS teller.action_result
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
RETURN ROW(p_op.key, p_op.status, p_op.reason, p_replayed, p_op.id, p_op.kind, p_op.account_number,
           p_op.counter_account_number, p_op.amount, p_op.currency::text, p_op.balance_after,
           p_op.available_after, coalesce(p_op.decided_at, p_op.created_at), p_op.initiated_by,
           p_op.workstation)::teller.action_result;

-- The answer for a key that is already known: its stored outcome, marked replayed, if the
-- request is the same one by the same login; key_reused (and nothing about the other
-- operation) otherwise; abandoned for a tombstone.
CREATE FUNCTION teller.replay(p_op teller.operations, p_fingerprint bytea)
RETURNS teller.action_result
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
RETURN CASE
    WHEN p_op.status = 'abandoned' AND p_op.fingerprint IS NULL THEN
        ROW(p_op.key, 'abandoned', NULL, true, p_op.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            p_op.created_at, p_op.initiated_by, p_op.workstation)::teller.action_result
    WHEN p_op.fingerprint IS DISTINCT FROM p_fingerprint OR p_op.initiated_by <> session_user THEN
        ROW(p_op.key, 'key_reused', NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            NULL, NULL, NULL)::teller.action_result
    ELSE teller.as_result(p_op, true)
END;

-- ---------------------------------------------------------------------------------------------
-- The money-moving function. The core calls it inside its own transaction
-- (BEGIN; SELECT * FROM teller.perform_action(...); COMMIT), one round trip for the work.

CREATE FUNCTION teller.perform_action(
    p_key         uuid,
    p_kind        text,
    p_account     text,
    p_counter     text,
    p_amount      bigint,
    p_currency    text,
    p_fingerprint bytea,
    p_workstation text,
    p_note        text DEFAULT NULL)
RETURNS teller.action_result
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff   teller.staff;
    v_op      teller.operations;
    v_row     teller.accounts;
    v_acc     teller.accounts;  -- the account named first: debited, or credited by a deposit
    v_ctr     teller.accounts;  -- a transfer's receiving account
    v_debit   boolean := p_kind IN ('withdrawal', 'transfer');
    v_status  text := 'completed';
    v_reason  text;
    v_balance bigint;
    v_held    bigint;
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

    v_staff := teller.session_staff();
    IF v_staff.role NOT IN ('teller', 'supervisor') THEN
        RAISE EXCEPTION 'only tellers and supervisors move money' USING ERRCODE = '42501';
    END IF;

    -- 2. A known key is answered from its record, without touching any account.
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF FOUND THEN
        RETURN teller.replay(v_op, p_fingerprint);
    END IF;

    -- 3. Lock every account touched, in ascending id order: two transfers in opposite
    --    directions then queue up instead of deadlocking. The balances read here, under the
    --    lock, are the ones that decide.
    FOR v_row IN
        SELECT * FROM teller.accounts WHERE number IN (p_account, p_counter) ORDER BY id FOR UPDATE
    LOOP
        IF v_row.number = p_account THEN
            v_acc := v_row;
        ELSE
            v_ctr := v_row;
        END IF;
    END LOOP;

    -- 4. Decide.
    IF v_acc.id IS NULL OR (p_kind = 'transfer' AND v_ctr.id IS NULL) THEN
        v_status := 'rejected'; v_reason := 'unknown_account';
    ELSIF v_acc.currency <> p_currency OR (p_kind = 'transfer' AND v_ctr.currency <> p_currency) THEN
        v_status := 'rejected'; v_reason := 'currency_mismatch';
    ELSIF v_acc.status = 'closed' OR (p_kind = 'transfer' AND v_ctr.status = 'closed') THEN
        v_status := 'rejected'; v_reason := 'account_closed';
    ELSIF v_debit AND v_acc.status = 'frozen' THEN
        -- A freeze stops money leaving an account; deposits into it are still accepted.
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
    --    it has committed by now (we waited for its locks): ON CONFLICT yields no row and we
    --    answer from its record instead.
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
        PERFORM pg_notify('teller_pending', p_key::text);
    END IF;

    RETURN teller.as_result(v_op, false);
END
$$;

-- The stored outcome of a key, for "check again" and reconciliation; status 'unknown' if the
-- server has never seen it.
CREATE FUNCTION teller.action_status(p_key uuid) RETURNS teller.action_result
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_op teller.operations;
BEGIN
    PERFORM teller.session_staff();
    SELECT * INTO v_op FROM teller.operations WHERE key = p_key;
    IF NOT FOUND THEN
        RETURN ROW(p_key, 'unknown', NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL)::teller.action_result;
    END IF;
    RETURN teller.as_result(v_op, true);
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Administration: staff and accounts. Granted to admins only (and, for freezing, supervisors).
-- Each change is written to the audit log.

CREATE FUNCTION teller.add_staff(p_login text, p_display_name text, p_role text,
                                 p_approval_limit bigint, p_password_verifier text)
RETURNS teller.staff
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_role  pg_catalog.pg_roles;
    v_group text;
    v_staff teller.staff;
BEGIN
    IF p_login IS NULL OR p_login !~ '^[a-z_][a-z0-9_.-]{0,62}$'
       OR p_login LIKE 'pg\_%' OR p_login LIKE 'teller\_%' OR p_login = 'postgres' THEN
        RAISE EXCEPTION 'invalid staff login "%": lower-case letters, digits, "_", "." and "-"', p_login
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
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION', p_login);
    ELSIF v_role.rolsuper OR v_role.rolcreaterole OR v_role.rolcreatedb OR v_role.rolreplication THEN
        RAISE EXCEPTION 'role "%" already exists with administrative powers; it cannot be staff', p_login
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
$$;

CREATE FUNCTION teller.open_account(p_number text, p_holder text, p_currency text, p_floor bigint)
RETURNS teller.accounts
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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
$$;

CREATE FUNCTION teller.set_account_status(p_number text, p_status text)
RETURNS teller.accounts
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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

-- Every invariant that protects money, checked against the data; no rows means all hold.
CREATE FUNCTION teller.invariant_violations()
RETURNS TABLE (invariant text, subject text, detail text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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

-- ---------------------------------------------------------------------------------------------
-- Grants. Staff read; they write only through the functions above.

REVOKE ALL ON ALL TABLES IN SCHEMA teller FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA teller FROM PUBLIC;

GRANT SELECT ON teller.currencies, teller.settings, teller.staff, teller.accounts, teller.operations,
                teller.ledger_entries TO teller_staff;
GRANT SELECT ON teller.audit_log TO teller_supervisors, teller_admins;

GRANT EXECUTE ON FUNCTION teller.perform_action(uuid, text, text, text, bigint, text, bytea, text, text)
    TO teller_tellers, teller_supervisors;
GRANT EXECUTE ON FUNCTION teller.action_status(uuid) TO teller_staff;
GRANT EXECUTE ON FUNCTION teller.request_fingerprint(text, text, text, bigint, text) TO teller_staff;
GRANT EXECUTE ON FUNCTION teller.set_account_status(text, text) TO teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.open_account(text, text, text, bigint) TO teller_admins;
GRANT EXECUTE ON FUNCTION teller.add_staff(text, text, text, bigint, text) TO teller_admins;
GRANT EXECUTE ON FUNCTION teller.invariant_violations() TO teller_supervisors, teller_admins;
