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

// One database function's current definition, compiled in from resources/sql/functions/:
// CREATE OR REPLACE FUNCTION teller.<name>, then its REVOKE and GRANT statements.
struct FunctionFile
{
    QString name; // the function's name in the teller schema, and the file's
    QByteArray sql;
    QByteArray checksum; // SHA-256 hex of the file
};

// The schema this program was built for: its migrations, in order, and so the version a
// database must have, and the functions' current definitions. DbSession checks the version
// at connect time; Migrator applies both (resources/sql/README.md).
namespace schema {
QList<Migration> migrations();
int latestVersion();
// The function files in the order Migrator applies them: that of functions/order.list.
QList<FunctionFile> functions();
// SHA-256 hex over every function file's name and checksum, in that order ("name\n" then
// "checksum\n" for each): what teller.schema_functions records and schema.sql names.
QByteArray functionsChecksum();
} // namespace schema

} // namespace teller
