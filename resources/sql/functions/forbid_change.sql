-- teller.forbid_change: the trigger function that refuses UPDATE, DELETE and TRUNCATE on the
-- append-only tables (ledger_entries, audit_log) and DELETE and TRUNCATE on operations. The
-- triggers themselves are created in migrations/001_foundation.sql.
-- History: defined in 001.

CREATE OR REPLACE FUNCTION teller.forbid_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'teller.% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = '42501';
END
$$;

REVOKE ALL ON FUNCTION teller.forbid_change()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
