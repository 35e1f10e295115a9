#!/usr/bin/env bash
# Regenerates resources/sql/schema.sql, the snapshot of the current schema, from a freshly
# migrated database on a throwaway PostgreSQL server (the machine's initdb and pg_ctl; as the
# postgres OS user when run as root). Refuses to record changed function files under an
# unchanged schema version: add a migration first (resources/sql/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset default >/dev/null
cmake --build --preset default --target update_schema_snapshot
