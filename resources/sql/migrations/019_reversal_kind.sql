-- 019: the supervisor's lists say what a reversal undoes.
--
-- A reversal waiting for a supervisor was listed with its amount, account and reason, but not
-- with the kind of the operation it undoes, so the panel could only say "a cash withdrawal or
-- deposit". teller.pending_operations and teller.decided_operations now also answer
-- original_kind: the kind of the operation a reversal names (teller.operations.reverses), NULL
-- for every other operation. Another result type, so the functions are dropped here and their
-- files (functions/pending_operations.sql, functions/decided_operations.sql) create them again
-- (on a new database they do not exist yet: the function files run after the migrations).
--
-- teller.workplace also answers the branch's time zone (teller.branches.time_zone, 013): a
-- receipt gives the time of the branch, whatever zone the workstation's clock is set to.

DROP FUNCTION IF EXISTS teller.pending_operations(integer);
DROP FUNCTION IF EXISTS teller.decided_operations(integer);
DROP FUNCTION IF EXISTS teller.workplace();
