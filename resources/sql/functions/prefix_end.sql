-- teller.prefix_end: the end of the prefix range in the "C" order: the smallest string greater
-- than every string that starts with p_prefix (its last character, by code point, plus one; the
-- "C" order of UTF-8 text is code point order). NULL for an empty prefix, or one made only of
-- U+10FFFF, the largest character (no string is greater). The account search
-- (core/service/Accounts.cpp) reads "col >= prefix AND col < teller.prefix_end(prefix)", a
-- range in any plan.
-- History: defined in 009.

CREATE OR REPLACE FUNCTION teller.prefix_end(p_prefix text) RETURNS text
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

REVOKE ALL ON FUNCTION teller.prefix_end(text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.prefix_end(text) TO teller_staff;
