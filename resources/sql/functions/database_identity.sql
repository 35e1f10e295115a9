-- teller.database_identity: which database this is (the id migration 015 wrote once into
-- teller.settings), whatever address, host name, pooler or failover reached it. A
-- workstation's local journal keys its entries by it, so that an action left in doubt through
-- one address is settled by a reconciliation through any other. A physical standby and the
-- node a failover promotes answer the same (it is data). A copy made with CREATE DATABASE ...
-- TEMPLATE or a dump restored into a second database answers the same too, until its owner
-- runs teller.renew_database_identity() on it. NULL only if somebody deleted the setting.
-- For staff, who read no table through it but this one value.
-- History: defined in 015.

CREATE OR REPLACE FUNCTION teller.database_identity() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN teller.setting('database_identity')::uuid;

REVOKE ALL ON FUNCTION teller.database_identity()
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.database_identity() TO teller_staff;
