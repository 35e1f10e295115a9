// The PgBouncer fixture itself (tests/support/PgBouncer): Debian's PgBouncer in transaction
// mode in front of the test server, with SCRAM for every client and the secrets looked up on
// the server (auth_query). Plain libpq logins, as psql makes them: whether Teller's own
// session works through a pooler is the product tests' business.
#include "Administration.h"
#include "DbSession.h"
#include "PgBouncer.h"
#include "PgTestServer.h"

#include <QFileInfo>
#include <QTest>

#include <libpq-fe.h>

#include <memory>

using namespace teller;

namespace {

// A libpq connection, closed when it goes.
struct Conn
{
    PGconn *c = nullptr;
    explicit Conn(const ConnectionSettings &s, const QMap<QString, QString> &extra = {})
    {
        QMap<QString, QString> params = s.parameters();
        params.insert(QStringLiteral("connect_timeout"), QStringLiteral("10"));
        for (auto it = extra.begin(); it != extra.end(); ++it)
            params.insert(it.key(), it.value());
        QList<QByteArray> keys, values;
        for (auto it = params.begin(); it != params.end(); ++it) {
            keys << it.key().toUtf8();
            values << it.value().toUtf8();
        }
        std::vector<const char *> k, v;
        for (qsizetype i = 0; i < keys.size(); ++i) {
            k.push_back(keys.at(i).constData());
            v.push_back(values.at(i).constData());
        }
        k.push_back(nullptr);
        v.push_back(nullptr);
        c = PQconnectdbParams(k.data(), v.data(), 0);
    }
    ~Conn() { PQfinish(c); }
    Conn(const Conn &) = delete;
    Conn &operator=(const Conn &) = delete;
    bool ok() const { return PQstatus(c) == CONNECTION_OK; }
    QString error() const { return QString::fromUtf8(PQerrorMessage(c)).trimmed(); }
    // The first value of a one-statement query, or the error's text prefixed with "ERROR".
    QString value(const char *sql) const
    {
        PGresult *r = PQexec(c, sql);
        QString out;
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0)
            out = QString::fromUtf8(PQgetvalue(r, 0, 0));
        else if (PQresultStatus(r) != PGRES_TUPLES_OK)
            out = QStringLiteral("ERROR ") + QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        PQclear(r);
        return out;
    }
};

} // namespace

class TestPgBouncerFixture : public QObject
{
    Q_OBJECT

private:
    QString m_db;
    std::unique_ptr<PgBouncer> m_pooler;

    ConnectionSettings through(const QString &login, const QString &password) const
    {
        return m_pooler->connection(m_db, login, password);
    }
    static QString password() { return QString::fromUtf16(PgTestServer::Password); }

private Q_SLOTS:
    void initTestCase()
    {
        auto found = PgBouncer::findPgBouncer();
        if (!found)
            QSKIP(qPrintable(found.error().message));
        PgTestServer &server = PgTestServer::instance();
        m_db = server.createDatabase();
        PgBouncer::Options o;
        o.serverHost = server.server().socketDir();
        o.serverPort = server.server().port();
        o.defaultPoolSize = 2;
        m_pooler = std::make_unique<PgBouncer>(o);
        auto started = m_pooler->start(server.superuser(QStringLiteral("postgres")), {m_db});
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        QVERIFY(m_pooler->isRunning());
        QVERIFY(m_pooler->port() > 0);
    }

    void cleanupTestCase()
    {
        if (m_pooler) {
            const QString dir = m_pooler->baseDir();
            m_pooler->stop();
            QVERIFY(!QFileInfo::exists(dir));
        }
    }

    void staffLogInThroughThePooler()
    {
        Conn c(through(QStringLiteral("t_teller1"), password()));
        QVERIFY2(c.ok(), qPrintable(c.error() + u'\n' + m_pooler->logTail()));
        QCOMPARE(c.value("SELECT session_user"), QStringLiteral("t_teller1"));
        QCOMPARE(c.value("SELECT current_database()"), m_db);
        auto pools = m_pooler->show(QStringLiteral("POOLS"));
        QVERIFY2(pools, qPrintable(pools ? QString() : pools.error().message));
        bool found = false;
        for (const PgBouncer::Row &row : *pools)
            found = found || (row.value(QStringLiteral("database")) == m_db && row.value(QStringLiteral("user")) == u"t_teller1");
        QVERIFY(found);
        auto servers = m_pooler->serverConnections(m_db);
        QVERIFY(servers);
        QVERIFY(*servers >= 1);
        QVERIFY(!m_pooler->logTail().isEmpty());
    }

    void wrongPasswordIsRefused()
    {
        Conn c(through(QStringLiteral("t_teller1"), QStringLiteral("not-the-password")));
        QVERIFY(!c.ok());
        // PgBouncer answers SCRAM itself, with its own words.
        QVERIFY2(c.error().contains(QLatin1String("SASL authentication failed")), qPrintable(c.error()));
        Conn nobody(through(QStringLiteral("t_nobody"), password()));
        QVERIFY(!nobody.ok());
    }

    void superusersAreNotServed()
    {
        // The lookup function answers for no superuser: the pooler never learns that secret.
        Conn c(through(QStringLiteral("postgres"), PgTestServer::instance().server().superuserPassword()));
        QVERIFY(!c.ok());
    }

    void startupOptionsAreRefusedAsOnABanksPooler()
    {
        // No ignore_startup_parameters: what a client sends in `options` is refused, as it
        // would be by the bank's PgBouncer.
        Conn c(through(QStringLiteral("t_teller1"), password()),
               {{QStringLiteral("options"), QStringLiteral("-c statement_timeout=5s")}});
        QVERIFY(!c.ok());
        QVERIFY2(c.error().contains(QLatin1String("unsupported startup parameter")), qPrintable(c.error()));
    }

    void staffAddedLaterAndNewPasswordsNeedNoUserlist()
    {
        DbSession owner(PgTestServer::instance().superuser(m_db), SessionOptions{});
        QVERIFY(owner.open());
        Administration admin(owner);
        const QString first = QStringLiteral("first-Pass-1");
        auto added = admin.addStaff(QStringLiteral("t_pooled"), QStringLiteral("Pooled teller"), StaffRole::Teller, std::nullopt, first);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        {
            Conn c(through(QStringLiteral("t_pooled"), first));
            QVERIFY2(c.ok(), qPrintable(c.error() + u'\n' + m_pooler->logTail()));
            QCOMPARE(c.value("SELECT session_user"), QStringLiteral("t_pooled"));
        }
        const QString second = QStringLiteral("second-Pass-2");
        auto changed = admin.addStaff(QStringLiteral("t_pooled"), QStringLiteral("Pooled teller"), std::nullopt, std::nullopt, second);
        QVERIFY2(changed, qPrintable(changed ? QString() : changed.error().message));
        Conn old(through(QStringLiteral("t_pooled"), first));
        QVERIFY(!old.ok());
        Conn now(through(QStringLiteral("t_pooled"), second));
        QVERIFY2(now.ok(), qPrintable(now.error()));
    }

    void manyClientsShareThePoolsServerConnections()
    {
        // Ten clients of one login, each running a transaction in turn: the pool (size 2) is
        // all the server sees of them.
        std::vector<std::unique_ptr<Conn>> clients;
        for (int i = 0; i < 10; ++i) {
            clients.push_back(std::make_unique<Conn>(through(QStringLiteral("t_teller2"), password())));
            QVERIFY2(clients.back()->ok(), qPrintable(clients.back()->error()));
        }
        for (int round = 0; round < 3; ++round) {
            for (auto &c : clients)
                QCOMPARE(c->value("SELECT count(*) > 0 FROM pg_stat_activity"), QStringLiteral("t"));
        }
        auto clientRows = m_pooler->show(QStringLiteral("CLIENTS"));
        QVERIFY(clientRows);
        int mine = 0;
        for (const PgBouncer::Row &row : *clientRows)
            mine += row.value(QStringLiteral("user")) == u"t_teller2" ? 1 : 0;
        QCOMPARE(mine, 10);
        auto serverRows = m_pooler->show(QStringLiteral("SERVERS"));
        QVERIFY(serverRows);
        int servers = 0;
        for (const PgBouncer::Row &row : *serverRows)
            servers += row.value(QStringLiteral("user")) == u"t_teller2" ? 1 : 0;
        QVERIFY2(servers >= 1 && servers <= 2, qPrintable(QString::number(servers)));
        Sql sql(m_db);
        QVERIFY(sql.count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE usename = ?"), {QStringLiteral("t_teller2")})
                <= 2);
    }
    void differentLoginsNeverShareAServerConnection()
    {
        // PgBouncer's pools are per database and login, and every Teller login is a role of
        // its own: with max_db_connections, a statement of a login that has no server
        // connection evicts another login's idle one and opens its own (a new backend, a new
        // SCRAM login on the server). What the benchmark's pooled run pays for.
        PgTestServer &server = PgTestServer::instance();
        PgBouncer::Options o;
        o.serverHost = server.server().socketDir();
        o.serverPort = server.server().port();
        o.maxDbConnections = 2;
        PgBouncer pooler(o);
        auto started = pooler.start(server.superuser(QStringLiteral("postgres")), {m_db});
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        const QStringList logins{QStringLiteral("t_teller1"), QStringLiteral("t_teller2"), QStringLiteral("t_teller3"),
                                 QStringLiteral("t_super"),   QStringLiteral("t_super2"),  QStringLiteral("t_limited")};
        std::vector<std::unique_ptr<Conn>> clients;
        for (const QString &login : logins) {
            clients.push_back(std::make_unique<Conn>(pooler.connection(m_db, login, password())));
            QVERIFY2(clients.back()->ok(), qPrintable(clients.back()->error() + u'\n' + pooler.logTail()));
        }
        Sql sql(m_db);
        const auto sessions = [&] {
            sql.exec(QStringLiteral("SELECT pg_stat_clear_snapshot()"));
            return sql.count(QStringLiteral("SELECT sessions FROM pg_stat_database WHERE datname = current_database()"));
        };
        const qint64 before = sessions();
        for (int round = 0; round < 3; ++round) {
            for (auto &c : clients)
                QCOMPARE(c->value("SELECT 1"), QStringLiteral("1"));
            auto servers = pooler.serverConnections(m_db);
            QVERIFY(servers);
            QVERIFY2(*servers <= 2, qPrintable(QString::number(*servers)));
        }
        // The server's statistics follow within a second or so.
        qint64 opened = 0;
        for (int i = 0; i < 40 && opened < 12; ++i) {
            QTest::qWait(100);
            opened = sessions() - before;
        }
        QVERIFY2(opened >= 12, qPrintable(QStringLiteral("%1 server sessions for 18 statements of 6 logins").arg(opened)));
        QVERIFY(pooler.logTail(100000).contains(QLatin1String("evicted")));
    }
};

QTEST_GUILESS_MAIN(TestPgBouncerFixture)
#include "tst_pgbouncer_fixture.moc"
