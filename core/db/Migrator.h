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
};

// Applies the versioned schema migrations of schema::migrations() (resources/sql/NNN_name.sql).
// Each is applied in its own transaction under an advisory lock (two administrators
// migrating at once queue up) and recorded in teller.schema_migrations with its checksum.
// Running migrate again changes nothing; a database that is newer than the program, or
// whose applied migrations differ from the program's, is refused with a clear message.
class Migrator
{
public:
    explicit Migrator(DbSession &session) : m_session(session) {}

    Result<MigrationReport> migrate();
    Result<int> currentVersion();

private:
    Result<void> bootstrap();
    Result<void> verifyApplied(int &current);

    DbSession &m_session;
};

} // namespace teller
