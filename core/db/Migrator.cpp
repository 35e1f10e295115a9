#include "Migrator.h"

#include "DbSession.h"
#include "Logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace teller {

namespace {

// The advisory lock every Teller migrator takes; any constant works if it never changes.
const QString LockStatement = QStringLiteral("SELECT pg_advisory_xact_lock(7540011)");

// Rolls back unless committed: every early return leaves the database as it was.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db) : m_db(std::move(db)) { m_active = m_db.transaction(); }
    ~Transaction()
    {
        if (m_active)
            m_db.rollback();
    }
    bool active() const { return m_active; }
    bool commit()
    {
        m_active = false;
        return m_db.commit();
    }

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

Error newerSchema(int version)
{
    return Error{Error::Kind::Schema,
                 QCoreApplication::translate("teller::Migrator", "The database schema is newer (version %1) than this program knows (version %2). "
                    "Install the current Teller version.")
                     .arg(version)
                     .arg(schema::latestVersion()),
                 {}};
}

// Whether a migration has anything to run: one that only bumps the version (its comment says
// which function files changed with it) is all comment lines, which PostgreSQL answers with
// an empty result that the driver takes for an error.
bool hasStatements(const QByteArray &sql)
{
    for (const QByteArray &line : sql.split('\n')) {
        const QByteArray text = line.trimmed();
        if (!text.isEmpty() && !text.startsWith("--"))
            return true;
    }
    return false;
}

// The function files and their checksums, as recorded in teller.schema_functions.functions.
QString describeFunctions(const QList<FunctionFile> &functions)
{
    QJsonArray list;
    for (const FunctionFile &fn : functions)
        list.append(QJsonObject{{QStringLiteral("name"), fn.name}, {QStringLiteral("sha256"), QString::fromLatin1(fn.checksum)}});
    return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
}

} // namespace

Result<void> Migrator::bootstrap()
{
    QSqlDatabase db = m_session.database();
    Transaction tx(db);
    if (!tx.active())
        return fail(m_session.error(db.lastError(), QCoreApplication::translate("teller::Migrator", "starting a transaction")));
    QSqlQuery q(db);
    if (!q.exec(LockStatement))
        return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Migrator", "waiting for other migrations")));
    const QString sql = QStringLiteral(
        "CREATE SCHEMA IF NOT EXISTS teller;"
        "CREATE TABLE IF NOT EXISTS teller.schema_migrations ("
        "  version    integer PRIMARY KEY,"
        "  name       text NOT NULL,"
        "  checksum   text NOT NULL,"
        "  applied_at timestamptz NOT NULL DEFAULT now(),"
        "  applied_by text NOT NULL DEFAULT session_user)");
    if (!q.exec(sql))
        return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Migrator", "creating the migrations table")));
    if (!tx.commit())
        return fail(m_session.error(db.lastError(), QCoreApplication::translate("teller::Migrator", "creating the migrations table")));
    return {};
}

Result<void> Migrator::verifyApplied(int &current)
{
    QSqlQuery q(m_session.database());
    if (!q.exec(QStringLiteral("SELECT version, name, checksum FROM teller.schema_migrations ORDER BY version")))
        return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Migrator", "reading the applied migrations")));
    const auto known = schema::migrations();
    current = 0;
    while (q.next()) {
        const int version = q.value(0).toInt();
        current = std::max(current, version);
        const auto it = std::find_if(known.cbegin(), known.cend(), [&](const Migration &m) { return m.version == version; });
        if (it == known.cend())
            return fail(newerSchema(version));
        if (q.value(2).toString().toLatin1() != it->checksum) {
            return fail(Error{Error::Kind::Schema,
                              QCoreApplication::translate("teller::Migrator", "Migration %1 (%2) in the database differs from this program's copy. "
                                 "The schema was changed by hand or by another build; nothing was changed.")
                                  .arg(version)
                                  .arg(q.value(1).toString()),
                              {}});
        }
    }
    return {};
}

Result<int> Migrator::currentVersion()
{
    QSqlQuery q(m_session.database());
    if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM teller.schema_migrations")) || !q.next()) {
        const QString state = q.lastError().nativeErrorCode();
        if (state == u"42P01" || state == u"3F000")
            return 0;
        return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Migrator", "reading the schema version")));
    }
    return q.value(0).toInt();
}

Result<MigrationReport> Migrator::migrate()
{
    return migrate(schema::latestVersion());
}

Result<MigrationReport> Migrator::migrate(int upToVersion)
{
    if (auto ok = bootstrap(); !ok)
        return fail(ok.error());

    MigrationReport report;
    if (auto ok = verifyApplied(report.fromVersion); !ok)
        return fail(ok.error());
    report.toVersion = report.fromVersion;

    QSqlDatabase db = m_session.database();
    for (const Migration &m : schema::migrations()) {
        if (m.version <= report.toVersion)
            continue;
        if (m.version > upToVersion)
            break;
        Transaction tx(db);
        if (!tx.active())
            return fail(m_session.error(db.lastError(), QCoreApplication::translate("teller::Migrator", "starting a transaction")));
        QSqlQuery q(db);
        if (!q.exec(LockStatement))
            return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Migrator", "waiting for other migrations")));
        // Somebody else may have applied it while we waited for the lock.
        if (!q.prepare(QStringLiteral("SELECT 1 FROM teller.schema_migrations WHERE version = ?")))
            return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Migrator", "reading the applied migrations")));
        q.addBindValue(m.version);
        if (!q.exec())
            return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Migrator", "reading the applied migrations")));
        if (q.next()) {
            report.toVersion = m.version;
            continue;
        }
        q.finish();

        qCInfo(lcMigrate).noquote() << "applying migration" << m.version << m.name;
        QSqlQuery apply(db);
        if (hasStatements(m.sql) && !apply.exec(QString::fromUtf8(m.sql)))
            return fail(m_session.error(apply.lastError(), QCoreApplication::translate("teller::Migrator", "applying migration %1 (%2)").arg(m.version).arg(m.name)));
        QSqlQuery record(db);
        record.prepare(QStringLiteral("INSERT INTO teller.schema_migrations (version, name, checksum) VALUES (?, ?, ?)"));
        record.addBindValue(m.version);
        record.addBindValue(m.name);
        record.addBindValue(QString::fromLatin1(m.checksum));
        if (!record.exec())
            return fail(m_session.error(record.lastError(), QCoreApplication::translate("teller::Migrator", "recording migration %1").arg(m.version)));
        if (!tx.commit())
            return fail(m_session.error(db.lastError(), QCoreApplication::translate("teller::Migrator", "committing migration %1").arg(m.version)));
        report.toVersion = m.version;
        report.applied << m;
    }

    // The function files belong to the last version: a database stopped before it keeps the
    // functions its migrations made.
    if (upToVersion >= schema::latestVersion() && report.toVersion == schema::latestVersion()) {
        if (auto ok = applyFunctions(report); !ok)
            return fail(ok.error());
    }
    return report;
}

Result<void> Migrator::applyFunctions(MigrationReport &report)
{
    QSqlDatabase db = m_session.database();
    Transaction tx(db);
    if (!tx.active())
        return fail(m_session.error(db.lastError(), QCoreApplication::translate("teller::Migrator", "starting a transaction")));
    QSqlQuery q(db);
    if (!q.exec(LockStatement))
        return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Migrator", "waiting for other migrations")));

    // Under the lock: a newer program may have migrated further while we waited, and then its
    // functions are the ones that fit its schema; another migrator may have applied ours.
    if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM teller.schema_migrations")) || !q.next())
        return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Migrator", "reading the schema version")));
    const int version = q.value(0).toInt();
    q.finish();
    if (version > schema::latestVersion())
        return fail(newerSchema(version));
    if (!q.exec(QStringLiteral("SELECT checksum FROM teller.schema_functions ORDER BY id DESC LIMIT 1")))
        return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Migrator", "reading the applied functions")));
    const QByteArray checksum = schema::functionsChecksum();
    if (q.next() && q.value(0).toString().toLatin1() == checksum)
        return {};
    q.finish();

    const QList<FunctionFile> functions = schema::functions();
    qCInfo(lcMigrate).noquote() << "applying" << functions.size() << "function files, checksum" << checksum;
    for (const FunctionFile &fn : functions) {
        QSqlQuery apply(db);
        if (!apply.exec(QString::fromUtf8(fn.sql)))
            return fail(m_session.error(apply.lastError(), QCoreApplication::translate("teller::Migrator", "applying the function file %1").arg(fn.name)));
    }
    QSqlQuery record(db);
    record.prepare(QStringLiteral("INSERT INTO teller.schema_functions (schema_version, checksum, functions) VALUES (?, ?, ?::jsonb)"));
    record.addBindValue(version);
    record.addBindValue(QString::fromLatin1(checksum));
    record.addBindValue(describeFunctions(functions));
    if (!record.exec())
        return fail(m_session.error(record.lastError(), QCoreApplication::translate("teller::Migrator", "recording the applied functions")));
    if (!tx.commit())
        return fail(m_session.error(db.lastError(), QCoreApplication::translate("teller::Migrator", "committing the functions")));
    report.functionsApplied = functions;
    return {};
}

} // namespace teller
