// Writes resources/sql/schema.sql, the snapshot of the current schema: starts a throwaway
// PostgreSQL server (the tests' fixture: the machine's initdb and pg_ctl, as the postgres OS
// user when run as root), migrates an empty database with the compiled-in migrations and
// function files, and writes its normalised dump under a header that names the schema version
// and the functions' checksum. Refuses to record changed function files under an unchanged
// schema version: that needs a new migration first (resources/sql/README.md).
//
// Run by scripts/update-schema-snapshot.sh and the update_schema_snapshot target.
// A developer's tool: its messages are for the developer, in English.
#include "PgTestServer.h"
#include "SchemaSnapshot.h"

#include "DbSession.h"
#include "Migrator.h"
#include "Schema.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <cstdio>

using namespace teller;

namespace {
int failWith(const QString &message)
{
    std::fprintf(stderr, "update_schema_snapshot: %s\n", qPrintable(message));
    return 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString target = args.size() > 1 ? args.at(1) : snapshot::path();

    const int version = schema::latestVersion();
    const QByteArray checksum = schema::functionsChecksum();
    QString previous;
    if (QFile existing(target); existing.open(QIODevice::ReadOnly))
        previous = QString::fromUtf8(existing.readAll());
    const snapshot::Parsed old = snapshot::parse(previous);
    if (old.valid && old.version > version)
        return failWith(QStringLiteral("%1 is of schema version %2, but the migrations here end at version %3.")
                            .arg(target)
                            .arg(old.version)
                            .arg(version));
    if (old.valid && old.version == version && old.functionsChecksum != checksum)
        return failWith(QStringLiteral("the function files changed (functions sha256 %1; %2 has %3) but the schema "
                                       "version is still %4. A changed function needs a new migration that bumps the "
                                       "version: add resources/sql/migrations/%5_<name>.sql (a comment saying which "
                                       "functions changed and why is enough), build, and run this again.")
                            .arg(QString::fromLatin1(checksum), target, QString::fromLatin1(old.functionsChecksum))
                            .arg(version)
                            .arg(version + 1, 3, 10, QLatin1Char('0')));

    PgTestServer &server = PgTestServer::instance();
    const QString database = QStringLiteral("schema_snapshot");
    {
        DbSession postgres(server.superuser(QStringLiteral("postgres")), SessionOptions{});
        if (auto ok = postgres.open(DbSession::SchemaCheck::Skip); !ok)
            return failWith(ok.error().message);
        if (auto ok = postgres.exec(QStringLiteral("CREATE DATABASE schema_snapshot")); !ok)
            return failWith(ok.error().message);
    }
    {
        DbSession owner(server.superuser(database), SessionOptions{});
        if (auto ok = owner.open(DbSession::SchemaCheck::Skip); !ok)
            return failWith(ok.error().message);
        Migrator migrator(owner);
        if (auto report = migrator.migrate(); !report)
            return failWith(report.error().message);
    }
    QString error;
    const QString dump = snapshot::dump(database, &error);
    if (dump.isEmpty())
        return failWith(error);

    const QString text = snapshot::header(version, checksum) + dump;
    if (text == previous) {
        std::printf("%s is current: schema version %d, functions sha256 %s\n", qPrintable(target), version, checksum.constData());
        return 0;
    }
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0 || !out.commit())
        return failWith(QStringLiteral("cannot write %1: %2").arg(target, out.errorString()));
    std::printf("wrote %s: schema version %d, functions sha256 %s\n", qPrintable(target), version, checksum.constData());
    return 0;
}
