#include "SchemaSnapshot.h"

#include "LocalServer.h"
#include "PgTestServer.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>

using namespace teller;

namespace snapshot {

namespace {
const QRegularExpression HeaderLine(QStringLiteral("^-- Teller schema version (\\d+), functions sha256 ([0-9a-f]{64})$"));
} // namespace

QString path()
{
    return QStringLiteral(TELLER_SOURCE_DIR "/resources/sql/schema.sql");
}

QString regenerateHint()
{
    return QStringLiteral("Regenerate it: bash scripts/update-schema-snapshot.sh "
                          "(or cmake --build build --target update_schema_snapshot).");
}

QString header(int version, const QByteArray &functionsChecksum)
{
    return QStringLiteral("-- Teller schema version %1, functions sha256 %2\n"
                          "-- The current schema: pg_dump --schema-only --no-owner --schema=teller of a freshly\n"
                          "-- migrated database, normalised. Made by scripts/update-schema-snapshot.sh; do not edit.\n"
                          "\n")
        .arg(version)
        .arg(QString::fromLatin1(functionsChecksum));
}

Parsed parse(const QString &text)
{
    Parsed p;
    const qsizetype firstEnd = text.indexOf(u'\n');
    const auto m = HeaderLine.match(text.left(firstEnd));
    const qsizetype blank = text.indexOf(QStringLiteral("\n\n"));
    if (firstEnd < 0 || !m.hasMatch() || blank < 0)
        return p;
    p.valid = true;
    p.version = m.captured(1).toInt();
    p.functionsChecksum = m.captured(2).toLatin1();
    p.body = text.mid(blank + 2);
    return p;
}

Parsed read(const QString &file, QString *error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(file, f.errorString());
        return {};
    }
    const Parsed p = parse(QString::fromUtf8(f.readAll()));
    if (!p.valid && error)
        *error = QStringLiteral("%1 does not start with \"-- Teller schema version N, functions sha256 X\"").arg(file);
    return p;
}

QString normalise(const QString &dump)
{
    const QStringList lines = dump.split(u'\n');
    QStringList out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.startsWith(u"\\restrict ") || line.startsWith(u"\\unrestrict ") || line.startsWith(u"-- Dumped from database version ")
            || line.startsWith(u"-- Dumped by pg_dump version ")) {
            if (i + 1 < lines.size() && lines.at(i + 1).isEmpty())
                ++i;
            continue;
        }
        out << line;
    }
    while (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out.join(u'\n') + u'\n';
}

QString dump(const QString &database, QString *error)
{
    const auto binDir = LocalServer::findBinDir();
    if (!binDir) {
        *error = binDir.error().message;
        return {};
    }
    // The password goes to pg_dump in its environment, never on its command line (ps shows that).
    ConnectionSettings settings = PgTestServer::instance().superuser(database);
    const QString password = settings.value(QStringLiteral("password"));
    settings.remove(QStringLiteral("password"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(u"PG"))
            env.remove(name);
    }
    env.insert(QStringLiteral("PGPASSWORD"), password);

    QProcess p;
    p.setProcessEnvironment(env);
    p.start(*binDir + QStringLiteral("/pg_dump"),
            {QStringLiteral("--schema-only"), QStringLiteral("--no-owner"), QStringLiteral("--schema=teller"),
             QStringLiteral("--no-password"), QStringLiteral("--dbname=") + settings.toConninfo()});
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("pg_dump failed (%1): %2").arg(p.errorString(), QString::fromUtf8(p.readAllStandardError()));
        return {};
    }
    return normalise(QString::fromUtf8(p.readAllStandardOutput()));
}

QString difference(const QString &expected, const QString &actual, const QString &expectedName, const QString &actualName, int maxLines)
{
    QTemporaryDir dir;
    const QString diffTool = QStandardPaths::findExecutable(QStringLiteral("diff"));
    if (dir.isValid() && !diffTool.isEmpty()) {
        const auto write = [&](const QString &name, const QString &text) {
            QFile f(dir.filePath(name));
            return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) >= 0;
        };
        if (write(QStringLiteral("a"), expected) && write(QStringLiteral("b"), actual)) {
            QProcess p;
            p.start(diffTool, {QStringLiteral("-u"), QStringLiteral("--label"), expectedName, QStringLiteral("--label"), actualName,
                               dir.filePath(QStringLiteral("a")), dir.filePath(QStringLiteral("b"))});
            if (p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 1) {
                QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(u'\n');
                if (lines.size() > maxLines) {
                    const qsizetype more = lines.size() - maxLines;
                    lines = lines.mid(0, maxLines);
                    lines << QStringLiteral("... (%1 more lines)").arg(more);
                }
                return lines.join(u'\n');
            }
        }
    }
    // No diff at hand: the first line that differs.
    const QStringList a = expected.split(u'\n');
    const QStringList b = actual.split(u'\n');
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const QString left = i < a.size() ? a.at(i) : QStringLiteral("<end>");
        const QString right = i < b.size() ? b.at(i) : QStringLiteral("<end>");
        if (left != right)
            return QStringLiteral("line %1:\n  %2: %3\n  %4: %5").arg(i + 1).arg(expectedName, left, actualName, right);
    }
    return QStringLiteral("(no difference)");
}

} // namespace snapshot
