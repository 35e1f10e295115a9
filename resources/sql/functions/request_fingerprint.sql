-- teller.request_fingerprint: the fingerprint of an action request: SHA-256 of its canonical
-- text. The client computes the same (ActionRequest::canonical() in core/domain/Action.cpp) and
-- sends it with the request; perform_action refuses a request whose fingerprint is not this
-- one, and a key is replayed only for the request it holds. The customer's identification
-- (large cash) is part of the request when there is one; without it the text is the one of
-- version 1, so the fingerprints of older requests stay what they were.
-- History: defined in 001; in 011 the identification.

CREATE OR REPLACE FUNCTION teller.request_fingerprint(p_kind text, p_account text, p_counter text,
                                                      p_amount bigint, p_currency text,
                                                      p_id_type text DEFAULT NULL, p_id_number text DEFAULT NULL)
RETURNS bytea
-- plpgsql, not sql: perform_action calls it on every action, and PostgreSQL does not inline
-- this SQL body there; a call of a SQL function that is not inlined costs ~60 us, of a
-- plpgsql one ~10 us (measured, docs/PERFORMANCE.md).
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN sha256(convert_to(
        'teller/v1' || E'\n' || p_kind || E'\n' || p_account || E'\n' || coalesce(p_counter, '')
        || E'\n' || p_amount::text || E'\n' || p_currency || E'\n'
        || CASE WHEN p_id_type IS NULL THEN '' ELSE 'id' || E'\n' || p_id_type || E'\n' || p_id_number || E'\n' END,
        'UTF8'));
END
$$;

REVOKE ALL ON FUNCTION teller.request_fingerprint(text, text, text, bigint, text, text, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.request_fingerprint(text, text, text, bigint, text, text, text)
    TO teller_staff;
