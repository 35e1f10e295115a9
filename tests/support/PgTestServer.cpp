#include "PgTestServer.h"

#include "ActionExecutor.h"
#include "Administration.h"
#include "DbSession.h"
#include "Logging.h"
#include "Migrator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace teller;

namespace {
PgTestServer *g_instance = nullptr;

void stopServer()
{
    if (g_instance)
        g_instance->server().stop();
}

const QString TemplateName = QStringLiteral("teller_template");
} // namespace

PgTestServer &PgTestServer::instance()
{
    if (!g_instance) {
        g_instance = new PgTestServer();
        g_instance->start();
        qAddPostRoutine(stopServer);
    }
    return *g_instance;
}

PgTestServer::PgTestServer()
{
    LocalServer::Options o;
    // Short path: a Unix socket path may not exceed ~100 bytes.
    const QString base = QDir::tempPath() + QStringLiteral("/teller-test-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    o.baseDir = base;
    o.ephemeral = true;
    o.durable = false;
    // The fault proxy, the TLS tests and the connection tests reach it over TCP; the demo
    // listens on its private socket only.
    o.listenTcp = true;
    o.maxConnections = 150;
    o.extraSettings << QStringLiteral("shared_buffers = '64MB'") << QStringLiteral("deadlock_timeout = '100ms'");
    m_server = std::make_unique<LocalServer>(o);
}

void PgTestServer::start()
{
    initializeProcess();
    // Test output shows the tests' own lines; QT_LOGGING_RULES turns the core's log back on.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("teller.*.info=false\nteller.*.warning=false"));
    auto started = m_server->start();
    if (!started)
        qFatal("The test PostgreSQL server did not start: %s", qPrintable(started.error().message));

    // The template: migrated once, with the test staff.
    {
        DbSession postgres(superuser(QStringLiteral("postgres")), SessionOptions{});
        if (!postgres.open(DbSession::SchemaCheck::Skip))
            qFatal("cannot connect to the test server");
        if (!postgres.exec(QStringLiteral("CREATE DATABASE teller_template")))
            qFatal("cannot create the template database");
    }
    provision(superuser(TemplateName), [this](const QString &login) { return staff(TemplateName, login); });
    m_ready = true;
}

void PgTestServer::provision(const ConnectionSettings &ownerSettings, const StaffConnection &staffConnection)
{
    {
        DbSession owner(ownerSettings, SessionOptions{});
        if (auto ok = owner.open(DbSession::SchemaCheck::Skip); !ok)
            qFatal("cannot connect to the database to provision: %s", qPrintable(ok.error().message));
        Migrator migrator(owner);
        if (auto report = migrator.migrate(); !report)
            qFatal("migration failed: %s", qPrintable(report.error().message));
        Administration admin(owner);
        const Currency eur = *Currency::fromCode(u"EUR");
        struct S
        {
            const char *login;
            StaffRole role;
            qint64 limit;
        } staff[] = {
            {"t_teller1", StaffRole::Teller, -1},    {"t_teller2", StaffRole::Teller, -1},   {"t_teller3", StaffRole::Teller, -1},
            {"t_limited", StaffRole::Teller, 10000}, {"t_super", StaffRole::Supervisor, -1}, {"t_super2", StaffRole::Supervisor, -1},
            {"t_admin", StaffRole::Admin, -1},       {"t_admin2", StaffRole::Admin, -1},
        };
        for (const S &s : staff) {
            std::optional<Money> limit;
            if (s.limit >= 0)
                limit = Money(s.limit, eur);
            // -1: unlimited, said explicitly (no limit would be the bank's default, 0).
            auto added = admin.addStaff(QString::fromLatin1(s.login), QString::fromLatin1(s.login), s.role, limit,
                                        QString::fromUtf16(Password), {}, s.limit < 0 && s.role != StaffRole::Admin);
            if (!added)
                qFatal("cannot add test staff %s: %s", s.login, qPrintable(added.error().message));
        }
        // Tests that are about large cash, the tellers' daily cash limit or how many operations
        // may wait set them themselves; the others deal in amounts of any size without
        // identification, any number of times, with as many waiting as they like.
        if (!owner.exec(
                QStringLiteral("UPDATE teller.cash_rules SET large_cash_threshold = 1000000000000000, teller_daily_limit = NULL"))
            || !owner.exec(QStringLiteral("UPDATE teller.settings SET value = '1000' "
                                          "WHERE key IN ('max_pending_per_teller', 'max_pending_holds_per_account')")))
            qFatal("cannot set the test cash rules");
    }
    // Every teller and supervisor starts with an open till full of cash in every currency the
    // tests use, brought from the vault by a supervisor (never into their own till), as in a
    // branch in the morning. Tests about tills open, count and close their own.
    openTills(staffConnection, {QStringLiteral("t_teller1"), QStringLiteral("t_teller2"), QStringLiteral("t_teller3"),
                                QStringLiteral("t_limited"), QStringLiteral("t_super"), QStringLiteral("t_super2")});
}

void PgTestServer::openTills(const QString &database, const QStringList &logins, qint64 cashMinor)
{
    openTills([this, database](const QString &login) { return staff(database, login); }, logins, cashMinor);
}

void PgTestServer::openTills(const StaffConnection &staff, const QStringList &logins, qint64 cashMinor)
{
    const QStringList currencies{QStringLiteral("EUR"), QStringLiteral("USD"), QStringLiteral("CHF"), QStringLiteral("JPY")};
    const auto supervisorFor = [](const QString &login) {
        return login == u"t_super" ? QStringLiteral("t_super2") : QStringLiteral("t_super");
    };
    const auto check = [](const Outcome &o, const char *what, const QString &who) {
        if (o.status != OutcomeStatus::Completed)
            qFatal("test tills: %s for %s: %s %s %s", what, qPrintable(who), qPrintable(outcomeStatusName(o.status)),
                   qPrintable(o.reason), qPrintable(o.message));
    };
    for (const QString &supervisor : {QStringLiteral("t_super"), QStringLiteral("t_super2")}) {
        DbSession session(staff(supervisor), SessionOptions{});
        if (auto ok = session.open(); !ok)
            qFatal("test tills: %s", qPrintable(ok.error().message));
        ActionExecutor executor(session);
        for (const QString &code : currencies)
            check(executor.moveVaultCash(IdempotencyKey::generate(), ActionKind::VaultReceive, {},
                                         Money(cashMinor * qint64(logins.size()), *Currency::fromCode(code))),
                  "vault receive", supervisor);
    }
    for (const QString &login : logins) {
        {
            DbSession session(staff(login), SessionOptions{});
            if (auto ok = session.open(); !ok)
                qFatal("test tills: %s", qPrintable(ok.error().message));
            ActionExecutor executor(session);
            for (const QString &code : currencies)
                check(executor.countTill(IdempotencyKey::generate(), ActionExecutor::TillCount::Open,
                                         Money(0, *Currency::fromCode(code)), std::nullopt),
                      "till open", login);
        }
        DbSession session(staff(supervisorFor(login)), SessionOptions{});
        if (auto ok = session.open(); !ok)
            qFatal("test tills: %s", qPrintable(ok.error().message));
        ActionExecutor executor(session);
        for (const QString &code : currencies)
            check(executor.moveVaultCash(IdempotencyKey::generate(), ActionKind::VaultToTill, login,
                                         Money(cashMinor, *Currency::fromCode(code))),
                  "vault to till", login);
    }
}

QString PgTestServer::createDatabase()
{
    const QString name = QStringLiteral("t%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_databases);
    DbSession postgres(superuser(QStringLiteral("postgres")), SessionOptions{});
    if (!postgres.open(DbSession::SchemaCheck::Skip))
        qFatal("cannot connect to the test server");
    // Identifiers cannot be bound; the name is made above from digits only.
    auto created = postgres.exec(QStringLiteral("CREATE DATABASE ") + name + QStringLiteral(" TEMPLATE teller_template"));
    if (!created)
        qFatal("cannot create database %s: %s", qPrintable(name), qPrintable(created.error().message));
    // A copy does not inherit who may connect, and it has the template's identity: as in a
    // real deployment, the owner secures it and gives it an identity of its own.
    DbSession copy(superuser(name), SessionOptions{});
    if (!copy.open(DbSession::SchemaCheck::Skip) || !copy.exec(QStringLiteral("SELECT teller.secure_database()"))
        || !copy.exec(QStringLiteral("SELECT teller.renew_database_identity()")))
        qFatal("cannot secure database %s", qPrintable(name));
    return name;
}

ConnectionSettings PgTestServer::superuser(const QString &database) const
{
    return m_server->connection(database);
}

ConnectionSettings PgTestServer::staff(const QString &database, const QString &login, bool tcp) const
{
    return m_server->connection(database, login, QString::fromUtf16(Password), tcp);
}

QString PgTestServer::logTail(int bytes) const
{
    QFile f(m_server->logFile());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    if (f.size() > bytes)
        f.seek(f.size() - bytes);
    return QString::fromUtf8(f.readAll());
}

// ---------------------------------------------------------------------------------------------

Sql::Sql(const QString &database) : m_database(database)
{
    static int counter = 0;
    m_name = QStringLiteral("test-sql-%1").arg(++counter);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    const auto settings = PgTestServer::instance().superuser(database);
    // Test set-up (bulk loads, ANALYZE) on a machine busy with tests running in parallel: far
    // longer bounds than a teller's statement gets, so that set-up never fails by a timeout.
    // Set for this session (a direct one: no pooler hands it on); the database's own bounds
    // (2 s, 5 s) are for staff.
    if (!settings.configure(db, SessionOptions{}) || !db.open())
        qFatal("Sql: cannot connect: %s", qPrintable(db.lastError().text()));
    QSqlQuery bounds(db);
    if (!bounds.exec(QStringLiteral("SET statement_timeout = '5min'; SET lock_timeout = '1min'; "
                                    "SET idle_in_transaction_session_timeout = '5min'")))
        qFatal("Sql: cannot set the session's bounds: %s", qPrintable(bounds.lastError().text()));
}

Sql::~Sql()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

void Sql::failed(const QString &sql, const QString &error)
{
    m_failed = true;
    const QByteArray message = QStringLiteral("SQL failed: %1\n%2").arg(sql, error).toUtf8();
    // In a test function (on the test's thread) the failure is recorded like a failed QVERIFY,
    // and the function goes on to its end with an empty result; anywhere else (a worker
    // thread, outside a test, the teller_soak tool) the process stops: a helper cannot return
    // from the test function for its caller, and an empty result must never pass a check.
    const QCoreApplication *app = QCoreApplication::instance();
    if (QTest::currentTestFunction() && app && QThread::currentThread() == app->thread()) {
        QTest::qFail(message.constData(), __FILE__, __LINE__);
        return;
    }
    qFatal("%s", message.constData());
}

QSqlQuery Sql::query(const QString &sql, const QVariantList &params)
{
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    if (params.isEmpty()) {
        if (!q.exec(sql))
            failed(sql, q.lastError().text());
        return q;
    }
    q.prepare(sql);
    for (const QVariant &p : params)
        q.addBindValue(p);
    if (!q.exec())
        failed(sql, q.lastError().text());
    return q;
}

bool Sql::exec(const QString &sql, const QVariantList &params, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    bool ok;
    if (params.isEmpty()) {
        ok = q.exec(sql);
    } else {
        q.prepare(sql);
        for (const QVariant &p : params)
            q.addBindValue(p);
        ok = q.exec();
    }
    if (!ok && error)
        *error = q.lastError().text();
    return ok;
}

QVariant Sql::value(const QString &sql, const QVariantList &params)
{
    QSqlQuery q = query(sql, params);
    if (q.next())
        return q.value(0);
    return {};
}

qint64 Sql::count(const QString &sql, const QVariantList &params)
{
    return value(sql, params).toLongLong();
}

QStringList Sql::invariantViolations()
{
    QStringList out;
    QSqlQuery q = query(QStringLiteral("SELECT invariant, subject, detail FROM teller.invariant_violations()"));
    if (!q.isActive())
        return {QStringLiteral("invariant check failed: ") + q.lastError().text()};
    while (q.next())
        out << QStringLiteral("%1 %2: %3").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    return out;
}

void Sql::openAccount(const QString &number, qint64 balanceMinor, const QString &currency, qint64 floorMinor)
{
    QString error;
    if (!exec(QStringLiteral("SELECT teller.open_account(?, ?, ?, ?::bigint)"),
              {number, QString(QStringLiteral("Holder of ") + number), currency, QVariant::fromValue<qlonglong>(floorMinor)}, &error))
        qFatal("openAccount %s: %s", qPrintable(number), qPrintable(error));
    if (balanceMinor <= 0)
        return;
    // The opening balance goes through the real path, as a teller deposit.
    DbSession session(PgTestServer::instance().staff(m_database, QStringLiteral("t_teller3")), SessionOptions{});
    if (auto ok = session.open(); !ok)
        qFatal("openAccount: %s", qPrintable(ok.error().message));
    ActionExecutor executor(session);
    const auto cur = Currency::fromCode(currency);
    auto request = ActionRequest::create(ActionKind::Deposit, number, {}, Money(balanceMinor, *cur));
    if (!request)
        qFatal("openAccount: %s", qPrintable(request.error().message));
    const Outcome out = executor.execute(Action::create(*request));
    if (out.status != OutcomeStatus::Completed)
        qFatal("openAccount: opening deposit %s: %s", qPrintable(outcomeStatusName(out.status)), qPrintable(out.message));
}

qint64 Sql::balance(const QString &number)
{
    return count(QStringLiteral("SELECT balance FROM teller.accounts WHERE number = ?"), {number});
}

Outcome executeAs(const QString &database, const QString &login, const Action &action, const std::function<void()> &startLine,
                  const RetryPolicy &policy, SessionOptions options)
{
    if (options.workstation.isEmpty())
        options.workstation = QStringLiteral("test-ws");
    DbSession session(PgTestServer::instance().staff(database, login), options);
    auto opened = session.open();
    if (startLine)
        startLine();
    if (!opened) {
        Outcome o;
        o.key = action.key;
        o.status = OutcomeStatus::Error;
        o.message = opened.error().message;
        return o;
    }
    ActionExecutor executor(session, policy);
    return executor.execute(action);
}

Action makeAction(ActionKind kind, const QString &account, qint64 minorUnits, const QString &counter, const QString &currency)
{
    auto request = ActionRequest::create(kind, account, counter, Money(minorUnits, *Currency::fromCode(currency)));
    if (!request)
        qFatal("makeAction: %s", qPrintable(request.error().message));
    return Action::create(*request);
}

bool Sql::waitForOtherSessionsToEnd(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                "AND pid <> pg_backend_pid()"))
           > 0) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QThread::msleep(20);
    }
    return true;
}
