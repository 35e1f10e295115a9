-- teller.count_existing_accounts: how many of these account numbers are open already, for an
-- import of accounts (core/service/Administration.cpp: "opened" and "already open"). A count
-- only, no account's data. Administrators (and the schema's owner, who imports as well); the
-- call is recorded in teller.read_audit.
-- History: defined in 014 (the import counted rows of teller.accounts before);
-- in 020 who acts is teller.actor().

CREATE OR REPLACE FUNCTION teller.count_existing_accounts(p_numbers text[]) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM teller.staff s WHERE s.login = teller.actor() AND s.active AND s.role = 'admin')
       AND NOT pg_catalog.pg_has_role(teller.actor(), (SELECT n.nspowner FROM pg_catalog.pg_namespace n
                                                      WHERE n.nspname = 'teller'), 'USAGE') THEN
        RAISE EXCEPTION 'only administrators import accounts' USING ERRCODE = '42501';
    END IF;
    PERFORM teller.audit_read('count_existing_accounts', NULL, cardinality(p_numbers) || ' numbers');
    RETURN (SELECT count(*) FROM teller.accounts a WHERE a.number = ANY (p_numbers));
END
$$;

REVOKE ALL ON FUNCTION teller.count_existing_accounts(text[])
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.count_existing_accounts(text[]) TO teller_admins;
