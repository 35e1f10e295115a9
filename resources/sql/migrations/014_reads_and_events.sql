-- 014 reads and events, from a penetration test:
--
--   A. Any teller could stop every approval, hold and freeze. A session that LISTENs and then
--      stays in a transaction keeps the NOTIFY queue from emptying; once another login had
--      filled it (pg_notify in a loop, which any login may call), every transaction that had
--      called pg_notify failed at its COMMIT with "too many notifications in the NOTIFY queue":
--      perform_action (an operation held for approval), decide_operation, count_till,
--      request_reversal, the expiry (through notify_operation), report_doubt and
--      set_account_status. Now what changed is a row in teller.events, written in the same
--      transaction (notify_operation, record_account_event, report_doubt); no function that
--      moves money, decides or changes an account calls pg_notify. Clients read the events by
--      cursor (teller.events_after, which shows a teller only the events of their own
--      operations). After a commit that made an event, the client sends "NOTIFY teller_events"
--      (no payload) in a statement of its own, as a hint to read now: if the queue is full,
--      only that hint fails, and listeners still read on their timer.
--      report_doubt checks what it stores (it took 600 MB of text in three fields) and keeps
--      at most 100 open reports per member of staff.
--
--   B. Any teller could read everything: SELECT (and COPY) on the customers, their balances,
--      every operation with its key and note, the staff, the audit log; "a key is answered only
--      to its owner" (action_status) was defeated by reading the table. Staff now read only
--      reference data (currencies, denominations, cash rules, branches, settings, the schema's
--      versions) directly. Customer and operation data come through SECURITY DEFINER functions
--      that decide what the caller may see, one account (or a bounded list) at a time, and
--      record every read in teller.read_audit, which no member of staff can read or change.
--
-- Functions changed: notify_operation (an event instead of pg_notify), report_doubt (checked,
-- bounded, an event), set_account_status (one line: record_account_event instead of
-- pg_notify), invariant_violations (checks who calls it). New: record_account_event,
-- events_after, current_staff, find_account, search_accounts, account_history,
-- pending_operations, decided_operations, doubt_list, account_statement, action_decision,
-- count_existing_accounts.

-- ---------------------------------------------------------------------------------------------
-- What changed, for clients to read by cursor. Written only by the functions above, in the
-- transaction that made the change: an event exists exactly when its change committed.

CREATE TABLE teller.events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- the cursor
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),    -- when it was written
    kind           text NOT NULL CHECK (kind IN ('operation', 'doubt', 'account')),
    key            uuid,           -- the operation's (or the reported action's) key
    status         text NOT NULL,  -- the operation's status, in_doubt, or the account's status
    initiated_by   text NOT NULL,  -- whose operation or report; who changed the account
    account_number text            -- an account event's account
);

-- ---------------------------------------------------------------------------------------------
-- Who read which customer data, through which function. One row per call (one INSERT, no
-- index to maintain); append-only, and no grant to anybody.

CREATE TABLE teller.read_audit (
    read_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    read_by        text NOT NULL DEFAULT session_user,
    function_name  text NOT NULL,
    account_number text,   -- the account asked for
    search_text    text    -- what was searched for
);
CREATE TRIGGER read_audit_append_only BEFORE UPDATE OR DELETE ON teller.read_audit
    FOR EACH ROW EXECUTE FUNCTION teller.forbid_change();
CREATE TRIGGER read_audit_no_truncate BEFORE TRUNCATE ON teller.read_audit
    FOR EACH STATEMENT EXECUTE FUNCTION teller.forbid_change();

-- report_doubt counts a member's open reports.
CREATE INDEX doubt_reports_reporter ON teller.doubt_reports (reported_by, reported_at);

-- ---------------------------------------------------------------------------------------------
-- Staff read customer and operation data only through the functions.

REVOKE ALL ON teller.accounts, teller.operations, teller.ledger_entries, teller.staff, teller.movements,
              teller.doubt_reports, teller.till_counts, teller.cash_identifications, teller.audit_log,
              teller.events, teller.read_audit
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
