-- teller.account_money_rules: the trigger function of accounts_money (BEFORE INSERT OR UPDATE
-- OF balance, held, balance_floor, status ON teller.accounts, migrations/012): what an
-- account's money must always be. Its available money (balance less what is held) is never
-- below its floor; a closed account holds nothing. The two rules keep the names of the CHECK
-- constraints they were until 012 (accounts_available_not_below_floor, accounts_closed_is_empty),
-- in the message and as the error's constraint. A trigger, not CHECK constraints: PostgreSQL
-- prepares a table's CHECK constraints again for every statement that writes a row, a plpgsql
-- trigger's expressions once per session (docs/PERFORMANCE.md). No SET clause: it uses
-- built-in operators only, and a SET clause cost a search-path change per row.
-- History: defined in 012 (from CHECK constraints of 001).

CREATE OR REPLACE FUNCTION teller.account_money_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
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

REVOKE ALL ON FUNCTION teller.account_money_rules()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
