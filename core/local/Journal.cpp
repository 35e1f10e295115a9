#include "Journal.h"

#include "Logging.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>

namespace teller {

namespace {
constexpr int SchemaVersion = 1;
// The columns readEntry() reads, in its order (a literal, joined at compile time).
#define TELLER_JOURNAL_COLUMNS                                                                                                          \
    "key, fingerprint, kind, account, counter_account, amount, currency, note, login, database, workstation, "                          \
    "created_at, last_status, last_message, state"

// QSQLITE binds a null QString as NULL; the journal's text columns hold '' for "nothing".
QVariant text(const QString &v)
{
    return v.isNull() ? QVariant(QStringLiteral("")) : QVariant(v);
}

JournalEntry readEntry(const QSqlQuery &q)
{
    JournalEntry e;
    e.key = IdempotencyKey::parse(q.value(0).toString()).value_or(IdempotencyKey());
    e.fingerprint = q.value(1).toString();
    e.kind = actionKindFromName(q.value(2).toString());
    e.account = q.value(3).toString();
    e.counterAccount = q.value(4).toString();
    e.amountMinorUnits = q.value(5).toLongLong();
    e.currency = q.value(6).toString();
    e.note = q.value(7).toString();
    e.login = q.value(8).toString();
    e.database = q.value(9).toString();
    e.workstation = q.value(10).toString();
    e.createdAt = QDateTime::fromString(q.value(11).toString(), Qt::ISODateWithMs);
    e.lastStatus = q.value(12).toString();
    e.lastMessage = q.value(13).toString();
    e.open = q.value(14).toString() == u"open";
    return e;
}
} // namespace

Result<Action> JournalEntry::toAction() const
{
    const auto c = Currency::fromCode(currency);
    if (key.isNull() || !kind || !c)
        return fail(Error::internal(
            QCoreApplication::translate("teller::Journal", "The journal entry %1 is not a valid action.").arg(key.toString())));
    auto request = ActionRequest::create(*kind, account, counterAccount, Money(amountMinorUnits, *c), note);
    if (!request)
        return fail(request.error());
    if (QString::fromLatin1(request->fingerprint().toHex()) != fingerprint)
        return fail(Error::internal(
            QCoreApplication::translate("teller::Journal", "The journal entry %1 does not match its fingerprint; it is not resent.")
                .arg(key.toString())));
    return Action{key, *request, createdAt};
}

QJsonObject JournalEntry::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("key"), key.toString());
    if (kind)
        o.insert(QStringLiteral("kind"), actionKindName(*kind));
    o.insert(QStringLiteral("account"), account);
    if (!counterAccount.isEmpty())
        o.insert(QStringLiteral("counter_account"), counterAccount);
    if (const auto c = Currency::fromCode(currency)) {
        o.insert(QStringLiteral("amount"), Money(amountMinorUnits, *c).toCanonical());
        o.insert(QStringLiteral("currency"), c->code());
    }
    o.insert(QStringLiteral("login"), login);
    o.insert(QStringLiteral("database"), database);
    o.insert(QStringLiteral("workstation"), workstation);
    o.insert(QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("last_status"), lastStatus);
    if (!lastMessage.isEmpty())
        o.insert(QStringLiteral("last_message"), lastMessage);
    return o;
}

QString Journal::defaultPath()
{
    const QString fromEnv = qEnvironmentVariable("TELLER_JOURNAL");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/teller/journal.sqlite");
}

Journal::Journal(QString path) : m_path(std::move(path))
{
    static QAtomicInteger<quint64> counter;
    m_connection = QStringLiteral("teller-journal-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

Journal::~Journal()
{
    closeConnection();
}

void Journal::closeConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isValid())
            db.close();
    }
    if (QSqlDatabase::contains(m_connection))
        QSqlDatabase::removeDatabase(m_connection);
}

Result<void> Journal::openFile()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    if (!db.isValid())
        return fail(Error::internal(QCoreApplication::translate(
            "teller::Journal", "The SQLite driver (QSQLITE) is not installed; the local journal cannot be kept.")));
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return fail(Error::io(QCoreApplication::translate("teller::Journal", "The local journal %1 cannot be opened: %2")
                                  .arg(m_path, db.lastError().text())));
    QSqlQuery q(db);
    // FULL: an entry is on disk before the action goes to the server, power cut or not.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL"}) {
        if (!q.exec(QString::fromLatin1(pragma))) {
            // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26) are damage; "locked" or an I/O error is not.
            const QString code = q.lastError().nativeErrorCode();
            m_damaged = code == u"11" || code == u"26";
            return fail(Error::io(QCoreApplication::translate("teller::Journal", "The local journal %1 is not usable: %2")
                                      .arg(m_path, q.lastError().text())));
        }
        q.finish();
    }
    return check();
}

Result<void> Journal::check()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    const auto damaged = [this] {
        m_damaged = true;
        return fail(Error::io(QCoreApplication::translate("teller::Journal", "The local journal %1 is damaged.").arg(m_path)));
    };
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next() || q.value(0).toString() != u"ok")
        return damaged();
    q.finish();
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return damaged();
    const int version = q.value(0).toInt();
    q.finish();
    if (version == 0)
        return createSchema();
    if (version != SchemaVersion)
        return fail(
            Error::io(QCoreApplication::translate("teller::Journal", "The local journal %1 was written by another Teller version (%2).")
                          .arg(m_path)
                          .arg(version)));
    if (!q.exec(QStringLiteral("SELECT " TELLER_JOURNAL_COLUMNS " FROM actions LIMIT 0")))
        return damaged();
    return {};
}

Result<void> Journal::createSchema()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    db.transaction();
    const char *statements[] = {
        "CREATE TABLE IF NOT EXISTS actions ("
        "  key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, kind TEXT NOT NULL, account TEXT NOT NULL,"
        "  counter_account TEXT NOT NULL DEFAULT '', amount INTEGER NOT NULL, currency TEXT NOT NULL,"
        "  note TEXT NOT NULL DEFAULT '', login TEXT NOT NULL, database TEXT NOT NULL, workstation TEXT NOT NULL,"
        "  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('open', 'closed')),"
        "  last_status TEXT NOT NULL DEFAULT 'new', last_message TEXT NOT NULL DEFAULT '', outcome TEXT)",
        "CREATE INDEX IF NOT EXISTS actions_open ON actions (state, login, database)",
        "PRAGMA user_version = 1",
    };
    for (const char *sql : statements) {
        if (!q.exec(QString::fromLatin1(sql))) {
            db.rollback();
            return fail(Error::io(QCoreApplication::translate("teller::Journal", "The local journal %1 cannot be created: %2")
                                      .arg(m_path, q.lastError().text())));
        }
    }
    if (!db.commit())
        return fail(Error::io(QCoreApplication::translate("teller::Journal", "The local journal %1 cannot be created: %2")
                                  .arg(m_path, db.lastError().text())));
    return {};
}

Result<void> Journal::open()
{
    m_damaged = false;
    auto opened = openFile();
    if (opened)
        return {};
    closeConnection();
    // A file that is only locked, unreadable or from another Teller version is left where it
    // is: its open entries must still be reconciled once the problem is fixed.
    if (!m_damaged || !QFileInfo::exists(m_path))
        return opened;
    // Never silently dropped: the damaged file is kept beside the new one for inspection.
    const QString aside = m_path + QStringLiteral(".damaged-")
                          + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    bool moved = QFile::rename(m_path, aside);
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = m_path + QString::fromLatin1(suffix);
        if (QFileInfo::exists(side))
            QFile::rename(side, aside + QString::fromLatin1(suffix));
    }
    if (!moved)
        return fail(
            Error::io(QCoreApplication::translate("teller::Journal", "The local journal %1 is damaged and cannot be moved aside: %2")
                          .arg(m_path, opened.error().message)));
    m_warning = QCoreApplication::translate(
                    "teller::Journal", "The local journal was damaged (%1). It was moved to %2 and a new one was started. Operations "
                                       "recorded only in the old file must be checked with a supervisor.")
                    .arg(opened.error().message, aside);
    qCWarning(lcAction).noquote() << m_warning;
    return openFile();
}

Result<void> Journal::record(const Action &action, const QString &login, const QString &database, const QString &workstation)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(
        QStringLiteral("INSERT INTO actions (key, fingerprint, kind, account, counter_account, amount, currency, note, login, database, "
                       "workstation, created_at, updated_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open') "
                       "ON CONFLICT (key) DO NOTHING"));
    const ActionRequest &r = action.request;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (const QVariant &v :
         {QVariant(action.key.toString()), QVariant(QString::fromLatin1(r.fingerprint().toHex())), QVariant(actionKindName(r.kind())),
          QVariant(r.account()), text(r.counterAccount()), QVariant::fromValue<qlonglong>(r.amount().minorUnits()),
          QVariant(r.amount().currency().code()), text(r.note()), text(login), text(database), text(workstation),
          QVariant(action.createdAt.toUTC().toString(Qt::ISODateWithMs)), QVariant(now)})
        q.addBindValue(v);
    if (!q.exec())
        return fail(Error::io(QCoreApplication::translate("teller::Journal",
                                                          "The action could not be written to the local journal, so it was not sent: %1")
                                  .arg(q.lastError().text())));
    return {};
}

Result<void> Journal::update(const IdempotencyKey &key, const Outcome &outcome)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // Whether the entry closes can depend on whether an earlier call left the action
    // unresolved (last_status no longer 'new'): closesJournalEntry() both ways.
    q.prepare(QStringLiteral("UPDATE actions SET last_status = ?, last_message = ?, outcome = ?, updated_at = ?, "
                             "state = CASE WHEN ? OR (? AND last_status = 'new') THEN 'closed' ELSE state END "
                             "WHERE key = ?"));
    q.addBindValue(outcomeStatusName(outcome.status));
    q.addBindValue(text(outcome.message.left(2000)));
    q.addBindValue(QString::fromUtf8(QJsonDocument(outcome.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(closesJournalEntry(outcome.status, true));
    q.addBindValue(closesJournalEntry(outcome.status, false));
    q.addBindValue(key.toString());
    if (!q.exec())
        return fail(Error::io(
            QCoreApplication::translate("teller::Journal", "The local journal could not be updated: %1").arg(q.lastError().text())));
    return {};
}

Result<QList<JournalEntry>> Journal::openEntries(const QString &login, const QString &database)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT " TELLER_JOURNAL_COLUMNS " FROM actions WHERE state = 'open' "
                             "AND (? = '' OR login = ?) AND (? = '' OR database = ?) ORDER BY created_at"));
    q.addBindValue(text(login));
    q.addBindValue(text(login));
    q.addBindValue(text(database));
    q.addBindValue(text(database));
    if (!q.exec())
        return fail(
            Error::io(QCoreApplication::translate("teller::Journal", "The local journal cannot be read: %1").arg(q.lastError().text())));
    QList<JournalEntry> list;
    while (q.next())
        list << readEntry(q);
    return list;
}

Result<int> Journal::adopt(const QString &legacyAddress, const QString &identity)
{
    if (legacyAddress.isEmpty() || identity.isEmpty() || legacyAddress == identity)
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE actions SET database = ?, updated_at = ? WHERE database = ?"));
    q.addBindValue(identity);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(legacyAddress);
    if (!q.exec())
        return fail(Error::io(
            QCoreApplication::translate("teller::Journal", "The local journal could not be updated: %1").arg(q.lastError().text())));
    return q.numRowsAffected();
}

Result<std::optional<JournalEntry>> Journal::entry(const IdempotencyKey &key)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT " TELLER_JOURNAL_COLUMNS " FROM actions WHERE key = ?"));
    q.addBindValue(key.toString());
    if (!q.exec())
        return fail(
            Error::io(QCoreApplication::translate("teller::Journal", "The local journal cannot be read: %1").arg(q.lastError().text())));
    if (!q.next())
        return std::optional<JournalEntry>();
    return std::optional<JournalEntry>(readEntry(q));
}

} // namespace teller
