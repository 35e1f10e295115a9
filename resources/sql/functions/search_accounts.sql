-- teller.search_accounts: the accounts whose number starts with p_number_prefix (already in
-- an account number's form; NULL or '' for none) or, for p_holder_prefix, whose holder's name
-- has a word that starts with it (one word: "weber" finds "Jonas Weber") or whose whole name
-- starts with it (several words: "jonas we"), case-insensitive, numbers first, at most p_limit
-- and never more than 50: no call returns the accounts in bulk. A teller finds customer
-- accounts, supervisors and administrators every kind. Every call is recorded in
-- teller.read_audit with the text.
--
-- Index range scans (number; then the word in teller.holder_words, or the whole name),
-- merged; the holder branch that does not apply is skipped at run time (a one-time filter).
-- The "C" collation lets one index both find the prefix and return rows in order, so LIMIT
-- stops early however many holders share a name or a word (migration 007). The prefix is an
-- explicit range, not LIKE, so that it stays an index search in a generic plan too (migration
-- 009; plpgsql's plan cache makes one after five calls); a prefix is matched literally, % and _
-- included. An empty number prefix's range has no end (NULL), and a NULL prefix no start: the
-- number branch finds nothing. An account with two words that start with the prefix is found
-- once (by the first of them). tests/db/tst_plans.cpp checks the plans.
-- History: defined in 014 (core/service/Accounts.cpp ran this query on teller.accounts
-- before); words of the name since 017.

CREATE OR REPLACE FUNCTION teller.search_accounts(p_number_prefix text, p_holder_prefix text, p_limit integer)
RETURNS TABLE (id bigint, number text, holder text, currency text, balance bigint, held bigint, balance_floor bigint,
               status text, opened_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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
$$;

REVOKE ALL ON FUNCTION teller.search_accounts(text, text, integer)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.search_accounts(text, text, integer) TO teller_staff;
