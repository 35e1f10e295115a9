#pragma once

#include "Result.h"
#include "Schema.h"

#include <QList>

namespace teller {

class DbSession;

struct MigrationReport
{
    int fromVersion = 0;
    int toVersion = 0;
    QList<Migration> applied;
    // The function files applied after the migrations, in order; empty when the database
    // already had these (its recorded functions checksum was this program's).
    QList<FunctionFile> functionsApplied;
};

// Applies the schema of schema::migrations() and schema::functions() (resources/sql/).
// First the schema "teller" and the table teller.schema_migrations, if they are not there yet
// (two migrators on a brand-new database may race to make them; the loser runs again). Then
// the versioned migrations (migrations/NNN_name.sql), each in its own transaction under an
// EXCLUSIVE lock on teller.schema_migrations (two administrators migrating at once queue up;
// staff, who may only read the table, cannot take a lock that holds a migrator up), recorded
// in teller.schema_migrations with its checksum. Then, once the database is at this program's
// version, the function files (functions/<name>.sql, CREATE OR REPLACE, in the order of
// functions/order.list), all in one transaction under the same lock, if their combined
// checksum differs from the last one recorded in teller.schema_functions; what was applied is
// recorded there. Running migrate again changes nothing; a database that is newer than the
// program, or whose applied migrations differ from the program's, is refused with a clear
// message.
class Migrator
{
public:
    explicit Migrator(DbSession &session) : m_session(session) {}

    Result<MigrationReport> migrate();
    // Applies the migrations up to and including upToVersion only, as the program of that
    // version did: the function files come with the last version (migrate()), not before.
    Result<MigrationReport> migrate(int upToVersion);
    Result<int> currentVersion();

private:
    Result<void> bootstrap();
    Result<void> verifyApplied(int &current);
    Result<void> applyFunctions(MigrationReport &report);

    DbSession &m_session;
};

} // namespace teller
