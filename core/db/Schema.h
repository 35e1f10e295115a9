#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace teller {

// One versioned migration, compiled into the program from resources/sql/migrations/.
struct Migration
{
    int version = 0;
    QString name;
    QByteArray sql;
    QByteArray checksum; // SHA-256 hex of the file, recorded when applied
};

// The schema this program was built for: its migrations, in order, and so the version a
// database must have. DbSession checks it at connect time; Migrator applies it.
namespace schema {
QList<Migration> migrations();
int latestVersion();
} // namespace schema

} // namespace teller
