#pragma once

#include <QByteArray>
#include <QString>

// resources/sql/schema.sql, the committed snapshot of the current schema: a header line that
// names the schema version and the functions' checksum, two lines on how it is made, a blank
// line, then the normalised schema-only dump of a freshly migrated database. Made by
// tests/support/update_schema_snapshot.cpp (scripts/update-schema-snapshot.sh); checked by
// tests/db/tst_schema and tst_upgrade.
namespace snapshot {

// The snapshot in the source tree.
QString path();
QString regenerateHint(); // "Regenerate it: bash scripts/update-schema-snapshot.sh ..."

// The header block, blank line included.
QString header(int version, const QByteArray &functionsChecksum);

struct Parsed
{
    bool valid = false; // the header line is there
    int version = 0;
    QByteArray functionsChecksum;
    QString body; // everything after the header block
};
Parsed parse(const QString &text);
Parsed read(const QString &file, QString *error = nullptr);

// pg_dump's output without what differs between runs or minor versions: the
// "Dumped from/by ... version" comments and the \restrict / \unrestrict lines (their key is
// random per run; older minor versions have none), each with the blank line after it.
QString normalise(const QString &dump);

// pg_dump --schema-only --no-owner --schema=teller (with privileges) of a database on the
// test server, normalised. Empty, and the reason in *error, on failure.
QString dump(const QString &database, QString *error);

// How two texts differ, for a failure message: `diff -u`, else the first differing line.
QString difference(const QString &expected, const QString &actual, const QString &expectedName, const QString &actualName,
                   int maxLines = 80);

} // namespace snapshot
