-- teller.index_holder_words: the trigger function that keeps teller.holder_words in step with
-- teller.accounts (after INSERT, and after an UPDATE of holder): every word of the holder's
-- name, lower case, split at spaces and punctuation, once per account. The trigger is created
-- in migrations/017_holder_words.sql.
-- History: defined in 017.

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
