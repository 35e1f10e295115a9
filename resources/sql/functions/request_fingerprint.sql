-- teller.request_fingerprint: the fingerprint of an action request: SHA-256 of its canonical
-- text. The client computes the same (ActionRequest::canonical() in core/domain/Action.cpp) and
-- sends it with the request; perform_action refuses a request whose fingerprint is not this
-- one, and a key is replayed only for the request it holds.
-- History: defined in 001.

CREATE OR REPLACE FUNCTION teller.request_fingerprint(p_kind text, p_account text, p_counter text,
                                                      p_amount bigint, p_currency text)
RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN pg_catalog.sha256(pg_catalog.convert_to(
    'teller/v1' || E'\n' || p_kind || E'\n' || p_account || E'\n' || coalesce(p_counter, '')
    || E'\n' || p_amount::text || E'\n' || p_currency || E'\n', 'UTF8'));

REVOKE ALL ON FUNCTION teller.request_fingerprint(text, text, text, bigint, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.request_fingerprint(text, text, text, bigint, text)
    TO teller_staff;
