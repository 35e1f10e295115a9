-- teller.renew_database_identity: gives this database a new identity (teller.database_identity())
-- and returns it. For a copy that is to live beside its original, which has the original's
-- id until then: made with CREATE DATABASE ... TEMPLATE, or a dump restored into a second
-- database (a training or test copy). Its owner runs SELECT teller.renew_database_identity()
-- on the copy, once, before any workstation uses it.
-- Never on the original, a physical standby, the node a failover promoted or a backup restored
-- in the database's place: those are the same database, and the workstations' journal entries
-- in doubt there, keyed by the old id, would no longer be reconciled with it (they stay open in
-- the journals, for a supervisor to settle by key).
-- Not SECURITY DEFINER and granted to nobody: only the database's owner (who owns the function
-- and teller.settings) or a superuser runs it.
-- History: defined in 015.

CREATE OR REPLACE FUNCTION teller.renew_database_identity() RETURNS uuid
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_identity uuid := gen_random_uuid();
BEGIN
    INSERT INTO teller.settings (key, value) VALUES ('database_identity', v_identity::text)
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
    RETURN v_identity;
END
$$;

REVOKE ALL ON FUNCTION teller.renew_database_identity()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
