-- teller.internal_account: a branch's vault, cash-over/short or cash-in-transit account in a
-- currency, or a teller's till (p_owner), made the first time it is needed. Internal accounts
-- are numbered X + the kind's letter + a sequence + the currency, never a customer's number;
-- cash accounts cannot go below zero, the others have no floor. Not locked: the caller locks
-- it in the order the money path uses (customer and branch accounts by id, a till last).
-- History: defined in 011.

CREATE OR REPLACE FUNCTION teller.internal_account(p_branch bigint, p_kind text, p_currency text, p_owner text DEFAULT NULL)
RETURNS teller.accounts
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v teller.accounts;
BEGIN
    IF p_kind NOT IN ('till', 'vault', 'over_short', 'in_transit') OR (p_kind = 'till') <> (p_owner IS NOT NULL) THEN
        RAISE EXCEPTION 'no internal account of kind %', p_kind USING ERRCODE = '22023';
    END IF;
    IF NOT EXISTS (SELECT FROM teller.currencies WHERE code = p_currency) THEN
        RAISE EXCEPTION 'unknown currency %', p_currency USING ERRCODE = '22023';
    END IF;
    IF p_kind = 'till' THEN
        SELECT * INTO v FROM teller.accounts WHERE kind = 'till' AND owner = p_owner AND currency = p_currency;
    ELSE
        SELECT * INTO v FROM teller.accounts WHERE branch_id = p_branch AND kind = p_kind AND currency = p_currency;
    END IF;
    IF FOUND THEN
        RETURN v;
    END IF;
    INSERT INTO teller.accounts (number, holder, currency, kind, branch_id, owner, balance_floor)
    VALUES ('X' || upper(left(p_kind, 1)) || lpad(nextval('teller.internal_account_number')::text, 8, '0') || p_currency,
            CASE p_kind WHEN 'till' THEN 'Till of ' || p_owner WHEN 'vault' THEN 'Vault'
                        WHEN 'over_short' THEN 'Cash over and short' ELSE 'Cash in transit' END
            || ' (' || (SELECT code FROM teller.branches WHERE id = p_branch) || ', ' || p_currency || ')',
            p_currency, p_kind, p_branch, p_owner,
            CASE WHEN p_kind IN ('till', 'vault') THEN 0 ELSE -9223372036854775807 END)
    ON CONFLICT DO NOTHING
    RETURNING * INTO v;
    IF NOT FOUND THEN -- made by a concurrent call a moment ago
        RETURN teller.internal_account(p_branch, p_kind, p_currency, p_owner);
    END IF;
    RETURN v;
END
$$;

REVOKE ALL ON FUNCTION teller.internal_account(bigint, text, text, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
