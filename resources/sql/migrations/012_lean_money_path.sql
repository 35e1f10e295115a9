-- 012 the lean money path, measured (docs/PERFORMANCE.md, "Where the time went"):
-- - every action is one statement that is its own transaction (ActionExecutor,
--   DbSession::asOneStatement): no BEGIN and COMMIT round trips;
-- - perform_action looks up the staff member and till, the key, and the large-cash threshold
--   as three small statements (one statement with sub-selects cost twice as much), and
--   compares char(3) currency codes as char(3) (a text comparison made the cash rules a
--   sequential scan);
-- - operation_rules runs without a SET clause of its own (each call saved and restored the
--   search path; it is only ever fired by the SECURITY DEFINER functions, whose search path is
--   pinned, and uses nothing but built-in operators);
-- - the foreign keys of account_id and counter_account_id go: when money moves, the trigger
--   requires them to be one of the movement's two sides, and those keep their foreign keys
--   (debit_account_id, credit_account_id). Each foreign key check was a query of its own on
--   every movement.
-- - the accounts' two CHECK constraints (available not below the floor; a closed account is
--   empty) become a trigger with the same two rules under the same names: PostgreSQL prepares
--   a table's CHECK constraints again for every statement that writes a row (two per money
--   movement), a plpgsql trigger's expressions once per session.
-- Functions changed: perform_action, operation_rules, large_cash_threshold, count_till; new:
-- account_money_rules.

ALTER TABLE teller.operations
    DROP CONSTRAINT operations_account_id_fkey,
    DROP CONSTRAINT operations_counter_account_id_fkey;

-- The body is functions/account_money_rules.sql (applied after the migrations).
CREATE FUNCTION teller.account_money_rules() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER accounts_money BEFORE INSERT OR UPDATE OF balance, held, balance_floor, status
    ON teller.accounts FOR EACH ROW EXECUTE FUNCTION teller.account_money_rules();
ALTER TABLE teller.accounts
    DROP CONSTRAINT accounts_available_not_below_floor,
    DROP CONSTRAINT accounts_closed_is_empty;
