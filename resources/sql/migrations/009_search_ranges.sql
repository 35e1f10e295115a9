-- 009 the account search as explicit index ranges. The core runs its search as a prepared
-- statement; PostgreSQL's plan cache may switch such a statement to a generic plan (made
-- without the values) from its sixth execution, and plan_cache_mode = force_generic_plan
-- (which a server, database or role may set) always uses one. A generic plan cannot turn
-- "LIKE $1" into an index range: it walked both search indexes from the start with a filter
-- (tests/db/tst_plans: about 60,000 rows read for 13 matches). "col >= $1 AND col < end($1)"
-- is a range in any plan: a generic one computes the bounds once when the scan starts.

-- The end of the prefix range in the "C" order: the smallest string greater than every
-- string that starts with p_prefix (its last character, by code point, plus one; the "C"
-- order of UTF-8 text is code point order). NULL for an empty prefix, or one made only of
-- U+10FFFF, the largest character (no string is greater).
CREATE FUNCTION teller.prefix_end(p_prefix text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
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
GRANT EXECUTE ON FUNCTION teller.prefix_end(text) TO teller_staff;
