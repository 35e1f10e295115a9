-- teller.open_account: (administration) opens an account, with an audit entry. Opening the same
-- account twice is harmless; opening a different one under an existing number is refused.
-- History: defined in 001; in 011 the internal numbers are reserved; in 013 the floor bounded,
-- the holder plain text; in 020 a pooled login only for a member who signed in.

CREATE OR REPLACE FUNCTION teller.open_account(p_number text, p_holder text, p_currency text, p_floor bigint)
RETURNS teller.accounts
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v teller.accounts;
BEGIN
    -- The GRANT decides who may; through a pooled login only for a member who signed in.
    PERFORM teller.actor();
    PERFORM teller.durable_write();
    IF p_number IS NULL OR p_number !~ '^[A-Z0-9]{1,34}$' THEN
        RAISE EXCEPTION 'invalid account number "%"', p_number USING ERRCODE = '22023';
    END IF;
    IF p_number ~ '^X[A-Z][0-9]{8}[A-Z]{3}$' THEN
        RAISE EXCEPTION 'account numbers of the form X?00000000CUR are the bank''s own (tills, vaults)'
            USING ERRCODE = '22023';
    END IF;
    IF p_floor IS NOT NULL AND (p_floor > 0 OR p_floor < -1000000000000000) THEN
        RAISE EXCEPTION 'an account''s floor is between -1000000000000000 and 0 minor units, not %', p_floor
            USING ERRCODE = '22023';
    END IF;
    IF p_holder IS NULL OR length(btrim(p_holder)) NOT BETWEEN 1 AND 200 OR NOT teller.plain_text(p_holder) THEN
        RAISE EXCEPTION 'an account holder''s name is 1 to 200 characters of plain text' USING ERRCODE = '22023';
    END IF;
    INSERT INTO teller.accounts AS a (number, holder, currency, balance_floor)
    VALUES (p_number, btrim(p_holder), p_currency, coalesce(p_floor, 0))
    ON CONFLICT (number) DO NOTHING
    RETURNING a.* INTO v;
    IF NOT FOUND THEN
        -- Opening the same account twice is harmless; opening a different one under an
        -- existing number is not.
        SELECT * INTO STRICT v FROM teller.accounts WHERE number = p_number;
        IF v.kind <> 'customer' OR v.holder <> btrim(p_holder) OR v.currency <> p_currency OR v.balance_floor <> coalesce(p_floor, 0) THEN
            RAISE EXCEPTION 'account % already exists with other details', p_number USING ERRCODE = '23505';
        END IF;
        RETURN v;
    END IF;
    INSERT INTO teller.audit_log (action, subject, details)
    VALUES ('account_open', p_number, jsonb_build_object('holder', v.holder, 'currency', v.currency,
                                                         'floor', v.balance_floor));
    RETURN v;
END
$$;

REVOKE ALL ON FUNCTION teller.open_account(text, text, text, bigint)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.open_account(text, text, text, bigint) TO teller_admins;
