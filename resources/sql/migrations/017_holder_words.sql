-- 017: a customer is found by the start of any word of the holder's name.
--
-- Tellers search by surname ("weber" must find "Jonas Weber"), but teller.search_accounts
-- matched only the start of the whole name. teller.holder_words holds every word of every
-- holder's name, lower case, split at spaces and punctuation, one row per word and account;
-- its primary key (word first, "C" collation) finds a word's prefix and returns the rows in
-- order, so a search stops after its limit however common the word is. The trigger
-- teller.index_holder_words keeps it in step when an account is opened or its holder renamed
-- (not on a money update: it fires on holder only). The words of the accounts there are now
-- are written here. teller.search_accounts changes (its file): a single word is looked up
-- here, a text of several words as the start of the whole name (as before).
CREATE TABLE teller.holder_words (
    word       text COLLATE "C" NOT NULL,
    account_id bigint NOT NULL REFERENCES teller.accounts (id),
    PRIMARY KEY (word, account_id)
);
CREATE INDEX holder_words_of_account ON teller.holder_words (account_id, word);
REVOKE ALL ON teller.holder_words FROM PUBLIC;

-- The definition the trigger needs now; functions/index_holder_words.sql is the current one.
CREATE OR REPLACE FUNCTION teller.index_holder_words() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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
REVOKE ALL ON FUNCTION teller.index_holder_words()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;

CREATE TRIGGER accounts_holder_words AFTER INSERT OR UPDATE OF holder ON teller.accounts
    FOR EACH ROW EXECUTE FUNCTION teller.index_holder_words();

INSERT INTO teller.holder_words (word, account_id)
SELECT DISTINCT w, a.id
  FROM teller.accounts a, regexp_split_to_table(lower(a.holder::text), '[[:space:],.;:&/()"''+-]+') AS w
 WHERE w <> '';
