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

// The lock every Teller migrator takes in each transaction that changes the schema, so that
// two administrators migrating at once queue up. A table lock, not an advisory lock: any
// login may take any advisory lock and keep it for as long as it likes, so a teller in psql
// could stop every migration. A login with nothing but SELECT on a table may LOCK it in
// ACCESS SHARE mode only (PostgreSQL 15: any other mode needs INSERT, UPDATE, DELETE or
// TRUNCATE; later versions keep that), and SELECT … FOR SHARE/UPDATE needs UPDATE. Staff have
// SELECT only on this table (migration 001), so ACCESS SHARE is the most they can hold: it
// does not conflict with EXCLUSIVE, and their reads of the table do not wait on it.
const QString LockStatement = QStringLiteral("LOCK TABLE teller.schema_migrations IN EXCLUSIVE MODE");

// What a CREATE … IF NOT EXISTS answers when a migrator racing on a brand-new database
// created the same object first: it waits for that transaction, then fails on the catalog's
// unique index (23505), or sees the object committed meanwhile (42P06, 42P07).
bool lostCreationRace(const QString &sqlState)
{
    return sqlState == u"23505" || sqlState == u"42P06" || sqlState == u"42P07";
}

// How long one migration or the function files may take: a migration that rewrites a large
// table needs more than a teller's statement, and the tellers' own work waits meanwhile only
// on the locks the migration takes.
constexpr std::chrono::minutes MigrationBound{30};

// Inside a migration's transaction: the lock that queues migrators, and the statement time
// that matches MigrationBound.
Result<void> prepareMigration(DbSession &session)
{
    if (auto ok = session.exec(QStringLiteral("SET LOCAL statement_timeout = '30min'")); !ok)
        return ok;
    return session.exec(LockStatement, MigrationBound);
}

Error newerSchema(int version)
{
    return Error{Error::Kind::Schema,
                 QCoreApplication::translate("teller::Migrator",
                                             "The database schema is newer (version %1) than this program knows (version %2). "
                                             "Install the current Teller version.")
                     .arg(version)
                     .arg(schema::latestVersion())};
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

Result<int> readVersion(DbSession &session)
{
    return session.selectOne(QStringLiteral("SELECT coalesce(max(version), 0) FROM teller.schema_migrations"), {},
                             QCoreApplication::translate("teller::Migrator", "reading the schema version"),
                             [](const Row &q) { return q.value(0).toInt(); });
}

} // namespace

Result<void> Migrator::bootstrap()
{
    // The table the lock is taken on, made first, without any lock (nobody can lock a table
    // that does not exist yet, and an advisory lock is one any login can hold). Two migrators
    // on a brand-new database may both create it: the second one's CREATE waits until the
    // first one commits and then fails (lostCreationRace); run again, it finds both there.
    // Once the table exists, this changes nothing, and no lock a staff login can take holds it
    // up.
    Result<void> created;
    for (int attempt = 1; attempt <= 3; ++attempt) {
        created = m_session.transaction(QStringLiteral("migrations table"), [&]() -> Result<void> {
            if (auto ok = m_session.exec(QStringLiteral("SET LOCAL statement_timeout = '30min'")); !ok)
                return ok;
            return m_session.exec(QStringLiteral("CREATE SCHEMA IF NOT EXISTS teller;"
                                                 "CREATE TABLE IF NOT EXISTS teller.schema_migrations ("
                                                 "  version    integer PRIMARY KEY,"
                                                 "  name       text NOT NULL,"
                                                 "  checksum   text NOT NULL,"
                                                 "  applied_at timestamptz NOT NULL DEFAULT now(),"
                                                 "  applied_by text NOT NULL DEFAULT session_user)"),
                                  MigrationBound);
        });
        if (created || !lostCreationRace(created.error().sqlState))
            break;
        qCInfo(lcMigrate).noquote() << "another migrator made the migrations table first:" << created.error().sqlState;
    }
    return created;
}

Result<void> Migrator::verifyApplied(int &current)
{
    struct Applied
    {
        int version;
        QString name;
        QByteArray checksum;
    };
    auto applied = m_session.retrying(QStringLiteral("applied migrations"), [&] {
        return m_session.selectAll(QStringLiteral("SELECT version, name, checksum FROM teller.schema_migrations ORDER BY version"), {},
                                   QCoreApplication::translate("teller::Migrator", "reading the applied migrations"),
                                   [](const Row &q) -> Result<Applied> {
                                       return Applied{q.value(0).toInt(), q.value(1).toString(), q.value(2).toString().toLatin1()};
                                   });
    });
    if (!applied)
        return fail(applied.error());
    const auto known = schema::migrations();
    current = 0;
    for (const Applied &a : *applied) {
        current = std::max(current, a.version);
        const auto it = std::find_if(known.cbegin(), known.cend(), [&](const Migration &m) { return m.version == a.version; });
        if (it == known.cend())
            return fail(newerSchema(a.version));
        if (a.checksum != it->checksum) {
            return fail(Error{Error::Kind::Schema,
                              QCoreApplication::translate("teller::Migrator",
                                                          "Migration %1 (%2) in the database differs from this program's copy. "
                                                          "The schema was changed by hand or by another build; nothing was changed.")
                                  .arg(a.version)
                                  .arg(a.name)});
        }
    }
    return {};
}

Result<int> Migrator::currentVersion()
{
    auto version = m_session.retrying(QStringLiteral("schema version"), [&] { return readVersion(m_session); });
    if (!version && (version.error().sqlState == u"42P01" || version.error().sqlState == u"3F000"))
        return 0; // no schema yet
    return version;
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

    for (const Migration &m : schema::migrations()) {
        if (m.version <= report.toVersion)
            continue;
        if (m.version > upToVersion)
            break;
        // One transaction a migration, retried as a whole (a lock not granted in time, a lost
        // connection): under the lock, a migration somebody else applied meanwhile is skipped,
        // also the one whose COMMIT answer a lost connection swallowed.
        auto applied = m_session.transaction(QStringLiteral("migration %1").arg(m.version), [&]() -> Result<bool> {
            if (auto ok = prepareMigration(m_session); !ok)
                return fail(ok.error());
            auto count = m_session.selectOne(QStringLiteral("SELECT count(*) FROM teller.schema_migrations WHERE version = ?"),
                                             {m.version},
                                             QCoreApplication::translate("teller::Migrator", "reading the applied migrations"),
                                             [](const Row &q) { return q.value(0).toInt(); });
            if (!count)
                return fail(count.error());
            if (*count > 0)
                return false;
            qCInfo(lcMigrate).noquote() << "applying migration" << m.version << m.name;
            if (hasStatements(m.sql)) {
                if (auto ok = m_session.exec(QString::fromUtf8(m.sql), MigrationBound); !ok) {
                    Error e = ok.error();
                    e.message = QCoreApplication::translate("teller::Migrator", "applying migration %1 (%2)").arg(m.version).arg(m.name)
                                + QStringLiteral(": ") + e.message;
                    return fail(e);
                }
            }
            auto recorded = m_session.select(
                QStringLiteral("INSERT INTO teller.schema_migrations (version, name, checksum) VALUES (?, ?, ?)"),
                {m.version, m.name, QString::fromLatin1(m.checksum)},
                QCoreApplication::translate("teller::Migrator", "recording migration %1").arg(m.version), [](const Row &) {});
            if (!recorded)
                return fail(recorded.error());
            return true;
        });
        if (!applied)
            return fail(applied.error());
        report.toVersion = m.version;
        if (*applied)
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
    const QByteArray checksum = schema::functionsChecksum();
    const QList<FunctionFile> functions = schema::functions();
    auto applied = m_session.transaction(QStringLiteral("function files"), [&]() -> Result<bool> {
        if (auto ok = prepareMigration(m_session); !ok)
            return fail(ok.error());
        // Under the lock: a newer program may have migrated further while we waited, and then
        // its functions are the ones that fit its schema; another migrator may have applied ours.
        auto version = readVersion(m_session);
        if (!version)
            return fail(version.error());
        if (*version > schema::latestVersion())
            return fail(newerSchema(*version));
        std::optional<QByteArray> recorded;
        auto read = m_session.select(QStringLiteral("SELECT checksum FROM teller.schema_functions ORDER BY id DESC LIMIT 1"), {},
                                     QCoreApplication::translate("teller::Migrator", "reading the applied functions"),
                                     [&](const Row &q) { recorded = q.value(0).toString().toLatin1(); });
        if (!read)
            return fail(read.error());
        if (recorded == checksum)
            return false;
        qCInfo(lcMigrate).noquote() << "applying" << functions.size() << "function files, checksum" << checksum;
        for (const FunctionFile &fn : functions) {
            if (auto ok = m_session.exec(QString::fromUtf8(fn.sql), MigrationBound); !ok) {
                Error e = ok.error();
                e.message = QCoreApplication::translate("teller::Migrator", "applying the function file %1").arg(fn.name)
                            + QStringLiteral(": ") + e.message;
                return fail(e);
            }
        }
        auto inserted = m_session.select(
            QStringLiteral("INSERT INTO teller.schema_functions (schema_version, checksum, functions) VALUES (?, ?, ?::jsonb)"),
            {*version, QString::fromLatin1(checksum), describeFunctions(functions)},
            QCoreApplication::translate("teller::Migrator", "recording the applied functions"), [](const Row &) {});
        if (!inserted)
            return fail(inserted.error());
        return true;
    });
    if (!applied)
        return fail(applied.error());
    if (*applied)
        report.functionsApplied = functions;
    return {};
}

} // namespace teller
