-- 013 events instead of NOTIFY, from a penetration test: any teller could stop every
-- approval, hold and freeze. A session that LISTENs and then stays in a transaction keeps the
-- NOTIFY queue from emptying; once another login had filled it (pg_notify in a loop, which any
-- login may call), every transaction that had called pg_notify failed at its COMMIT with "too
-- many notifications in the NOTIFY queue": perform_action (an operation held for approval),
-- decide_operation, count_till, request_reversal, the expiry (through notify_operation),
-- report_doubt and set_account_status. Now what changed is a row in teller.events, written in
-- the same transaction (notify_operation, record_account_event, report_doubt); no function
-- that moves money, decides or changes an account calls pg_notify. Clients read the events by
-- cursor (teller.events_after, which shows a teller only the events of their own operations).
-- After a commit that made an event, the client sends "NOTIFY teller_events" (no payload) in a
-- statement of its own, as a hint to read now: if the queue is full, only that hint fails, and
-- listeners still read on their timer. report_doubt checks what it stores (it took 600 MB of
-- text in three fields) and keeps at most 100 open reports per member of staff.
--
-- Functions changed: notify_operation (an event instead of pg_notify), report_doubt (checked,
-- bounded, an event), set_account_status (one line: record_account_event instead of
-- pg_notify). New: record_account_event, events_after.

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

-- report_doubt counts a member's open reports.
CREATE INDEX doubt_reports_reporter ON teller.doubt_reports (reported_by, reported_at);

REVOKE ALL ON teller.events FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
