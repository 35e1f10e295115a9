-- 010 functions in files. From this version on, each function's current definition is in its
-- own file, resources/sql/functions/NAME.sql (CREATE OR REPLACE FUNCTION, then its REVOKE and
-- GRANT), and migrate applies them all after the migrations, in one transaction, in the order
-- of functions/order.list, whenever their combined checksum differs from the last one recorded
-- here. The files hold the definitions 001-009 left behind, unchanged; tables, types,
-- triggers, indexes, data and the grants on tables stay in migrations. A change to a function
-- file comes with a new migration, so the schema version still says everything
-- (resources/sql/README.md).

-- What migrate applied: one row each time the function files were applied.
CREATE TABLE teller.schema_functions (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    schema_version integer NOT NULL REFERENCES teller.schema_migrations,
    checksum       text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'), -- schema::functionsChecksum()
    functions      jsonb NOT NULL,  -- [{"name": ..., "sha256": ...}, ...] in the order applied
    applied_at     timestamptz NOT NULL DEFAULT now(),
    applied_by     text NOT NULL DEFAULT session_user
);

GRANT SELECT ON teller.schema_functions TO teller_staff;
