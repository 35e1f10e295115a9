#pragma once

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace teller {

class DbSession;

struct Migration
{
    int version = 0;
    QString name;
    QByteArray sql;
    QByteArray checksum; // SHA-256 hex of the file, recorded when applied
};

struct MigrationReport
{
    int fromVersion = 0;
    int toVersion = 0;
    QList<Migration> applied;
};

// Versioned schema migrations from resources/sql/NNN_name.sql, compiled into the program.
// Each is applied in its own transaction under an advisory lock (two administrators
// migrating at once queue up) and recorded in teller.schema_migrations with its checksum.
// Running migrate again changes nothing; a database that is newer than the program, or
// whose applied migrations differ from the program's, is refused with a clear message.
class Migrator
{
public:
    explicit Migrator(DbSession &session) : m_session(session) {}

    static QList<Migration> available();
    static int latestVersion();

    Result<MigrationReport> migrate();
    Result<int> currentVersion();

private:
    Result<void> bootstrap();
    Result<void> verifyApplied(int &current);

    DbSession &m_session;
};

} // namespace teller
