-- 015 the database's identity (issue 14): which database this is, whatever address reached it.
--
-- A workstation's local journal keeps every action it sent until the server has answered for
-- it; an action whose answer was lost (in doubt) is settled later by reconciliation, which
-- asks about the open entries of "this database". The journal used to name the database by
-- how it was reached (host:port/dbname), so an action left in doubt through one address (a
-- proxy's port, one host of a multi-host conninfo, a pooler, a host name that has since
-- changed, the other node after a failover) was invisible to a reconciliation through
-- another: its key was never asked about.
--
-- Now a database is named by what it is: an id (a random uuid) written here once, in
-- teller.settings, and read by the workstations through teller.database_identity(). It is
-- data, so a physical standby has it, and the node a failover promotes answers with the same
-- id; a restored backup that replaces the database keeps it too.
--
-- A copy that lives beside the original has the same id as well: CREATE DATABASE ... TEMPLATE,
-- or a dump restored into a second database (a training or test copy). Its owner runs
-- SELECT teller.renew_database_identity() on the copy, once, before any workstation uses it;
-- never on the original, a standby or a promoted node (the journals' entries in doubt there
-- would no longer be recognised as theirs).
--
-- New functions: database_identity (staff), renew_database_identity (the owner only).

INSERT INTO teller.settings (key, value) VALUES ('database_identity', gen_random_uuid()::text)
ON CONFLICT (key) DO NOTHING;

-- Whatever writes it later (the owner, by hand) writes a uuid in its canonical form.
ALTER TABLE teller.settings
    ADD CONSTRAINT settings_database_identity_is_a_uuid
    CHECK (key <> 'database_identity'
           OR value ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');
