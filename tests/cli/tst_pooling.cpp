// Teller through Debian's PgBouncer in transaction pooling (tests/support/PgBouncer: shipped
// defaults plus pool_mode = transaction, startup parameters treated as PgBouncer treats them),
// with the same connection settings as a direct connection and nothing else switched on:
// tellerctl as a user runs it, the core's money path with more clients than server
// connections, and the window's client, whose listener reads what changed on its timer
// because LISTEN cannot work through a transaction pooler.
#include "ActionExecutor.h"
#include "DbSession.h"
#include "PgBouncer.h"
#include "PgTestServer.h"
#include "Supervision.h"
#include "TellerClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>

using namespace teller;

class TestPooling : public QObject
{
    Q_OBJECT

private:
    QString m_db;
    std::unique_ptr<PgBouncer> m_pooler;
    QTemporaryDir m_dir;
    static constexpr int PoolSize = 3;

    ConnectionSettings through(const QString &login) const
    {
        return m_pooler->connection(m_db, login, QString::fromUtf16(PgTestServer::Password));
    }

    struct Run
    {
        int exitCode = -1;
        QJsonObject json;
        QString err;
    };
    Run tellerctl(const QStringList &args, const QString &login = QStringLiteral("t_teller1"))
    {
        const ConnectionSettings s = through(login);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGHOST"), s.value(QStringLiteral("host")));
        env.insert(QStringLiteral("PGPORT"), s.value(QStringLiteral("port")));
        env.insert(QStringLiteral("PGDATABASE"), m_db);
        env.insert(QStringLiteral("PGUSER"), login);
        env.insert(QStringLiteral("PGPASSWORD"), QString::fromUtf16(PgTestServer::Password));
        env.insert(QStringLiteral("PGSSLMODE"), QStringLiteral("disable"));
        env.insert(QStringLiteral("TELLER_WORKSTATION"), QStringLiteral("pooled-cli"));
        env.insert(QStringLiteral("TELLER_JOURNAL"), m_dir.filePath(QStringLiteral("cli-journal.sqlite")));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TELLERCTL", QStringLiteral("tellerctl")), args);
        Run r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            return r;
        }
        r.exitCode = p.exitCode();
        r.err = QString::fromUtf8(p.readAllStandardError());
        const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            if (!line.trimmed().isEmpty())
                r.json = QJsonDocument::fromJson(line).object();
        }
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto found = PgBouncer::findPgBouncer();
        QVERIFY2(found, qPrintable(found ? QString() : found.error().message)); // installed by scripts/install-deps.sh
        PgTestServer &server = PgTestServer::instance();
        m_db = server.createDatabase();
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("70000001"), 1'000'000);
        sql.openAccount(QStringLiteral("70000002"), 1'000'000);
        sql.openAccount(QStringLiteral("70000003"), 50'000);
        PgBouncer::Options o;
        o.serverHost = server.server().socketDir();
        o.serverPort = server.server().port();
        o.defaultPoolSize = PoolSize;
        m_pooler = std::make_unique<PgBouncer>(o);
        auto started = m_pooler->start(server.superuser(QStringLiteral("postgres")), {m_db});
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    }

    void cleanupTestCase()
    {
        if (m_pooler)
            m_pooler->stop();
    }

    // The session knows it is pooled, sends no startup options, and works.
    void aSessionThroughThePoolerWorks()
    {
        DbSession session(through(QStringLiteral("t_teller1")), SessionOptions{});
        auto opened = session.open();
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message + u'\n' + m_pooler->logTail()));
        QVERIFY(session.throughPooler());
        QCOMPARE(session.sessionUser(), QStringLiteral("t_teller1"));
        // The database's bounds hold for a pooled session (nobody SETs them at startup).
        auto bounds = session.selectOne(
            QStringLiteral("SELECT current_setting('lock_timeout'), current_setting('statement_timeout'), "
                           "current_setting('application_name')"),
            {}, QStringLiteral("bounds"),
            [](const Row &q) { return QString(q.value(0).toString() + u'/' + q.value(1).toString() + u'/' + q.value(2).toString()); });
        QVERIFY2(bounds, qPrintable(bounds ? QString() : bounds.error().message));
        QVERIFY2(bounds->startsWith(u"2s/5s/teller @"), qPrintable(*bounds));
        // A transaction sets the workstation's own, for itself only.
        auto inside = session.transaction(QStringLiteral("own bounds"), [&] {
            return session.selectOne(QStringLiteral("SELECT current_setting('lock_timeout')"), {}, QStringLiteral("inside"),
                                     [](const Row &q) { return q.value(0).toString(); });
        });
        QVERIFY2(inside, qPrintable(inside ? QString() : inside.error().message));
        QCOMPARE(*inside, QStringLiteral("2s"));
        DbSession direct(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1")), SessionOptions{});
        QVERIFY(direct.open());
        QVERIFY(!direct.throughPooler());
    }

    // Every tellerctl command a teller uses, through the pooler, as it is.
    void tellerctlWorksThroughThePooler()
    {
        const QString key = IdempotencyKey::generate().toString();
        const Run w = tellerctl({QStringLiteral("withdraw"), QStringLiteral("--account"), QStringLiteral("70000003"),
                                 QStringLiteral("--amount"), QStringLiteral("12.34"), QStringLiteral("--key"), key});
        QVERIFY2(w.exitCode == 0, qPrintable(w.err + u'\n' + m_pooler->logTail()));
        QCOMPARE(w.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const Run again = tellerctl({QStringLiteral("withdraw"), QStringLiteral("--account"), QStringLiteral("70000003"),
                                     QStringLiteral("--amount"), QStringLiteral("12.34"), QStringLiteral("--key"), key});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.json.value(QStringLiteral("replayed")).toBool());
        const Run status = tellerctl({QStringLiteral("status"), key});
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(status.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const Run show = tellerctl({QStringLiteral("account"), QStringLiteral("show"), QStringLiteral("70000003")});
        QVERIFY2(show.exitCode == 0, qPrintable(show.err));
        const Run broke = tellerctl({QStringLiteral("withdraw"), QStringLiteral("--account"), QStringLiteral("70000003"),
                                     QStringLiteral("--amount"), QStringLiteral("100000")});
        QCOMPARE(broke.exitCode, 11);
        const Run transfer = tellerctl({QStringLiteral("transfer"), QStringLiteral("--from"), QStringLiteral("70000003"),
                                        QStringLiteral("--to"), QStringLiteral("70000001"), QStringLiteral("--amount"),
                                        QStringLiteral("1.00")});
        QCOMPARE(transfer.exitCode, 0);
        const Run reconcile = tellerctl({QStringLiteral("reconcile")});
        QVERIFY2(reconcile.exitCode == 0, qPrintable(reconcile.err));
        const Run till = tellerctl(
            {QStringLiteral("till"), QStringLiteral("show"), QStringLiteral("--currency"), QStringLiteral("EUR")});
        QVERIFY2(till.exitCode == 0, qPrintable(till.err));
        const Run check = tellerctl({QStringLiteral("check")}, QStringLiteral("t_super"));
        QVERIFY2(check.exitCode == 0, qPrintable(check.err));
        Sql sql(m_db);
        QCOMPARE(sql.balance(QStringLiteral("70000003")), qint64(50'000 - 1234 - 100));
    }

    // More clients than the pool has server connections, one login (PgBouncer's pools are per
    // login): 60 withdrawals and 30 transfers at once, every one exactly once, no statement
    // lost between server connections (42P05/26000 before), the server connections at the
    // pool's size.
    void concurrentMoneyThroughThePool()
    {
        constexpr int Clients = 6, Each = 15;
        Sql sql(m_db);
        const qint64 before1 = sql.balance(QStringLiteral("70000001"));
        const qint64 before2 = sql.balance(QStringLiteral("70000002"));
        std::atomic<int> completed{0}, other{0};
        std::atomic<int> maxServers{0};
        QStringList problems;
        QMutex problemsLock;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int c = 0; c < Clients; ++c) {
            threads.emplace_back(QThread::create([&, c] {
                DbSession session(through(QStringLiteral("t_teller1")), SessionOptions{});
                if (auto ok = session.open(); !ok) {
                    QMutexLocker lock(&problemsLock);
                    problems << ok.error().message;
                    return;
                }
                ActionExecutor executor(session);
                for (int i = 0; i < Each; ++i) {
                    // Two withdrawals from one account to every transfer the other way.
                    const bool transfer = i % 3 == 2;
                    const Action a = transfer
                                         ? makeAction(ActionKind::Transfer, QStringLiteral("70000002"), 100, QStringLiteral("70000001"))
                                         : makeAction(ActionKind::Withdrawal, QStringLiteral("70000001"), 100 + c);
                    const Outcome o = executor.execute(a);
                    if (o.status == OutcomeStatus::Completed && !o.replayed) {
                        ++completed;
                    } else {
                        ++other;
                        QMutexLocker lock(&problemsLock);
                        problems << outcomeStatusName(o.status) + u' ' + o.message;
                    }
                }
            }));
            threads.back()->start();
        }
        // The server connections of t_teller1's pool (PgBouncer's pools are per login).
        const auto serversOfTheLogin = [&]() -> int {
            auto pools = m_pooler->show(QStringLiteral("POOLS"));
            int n = 0;
            if (!pools)
                return n;
            for (const PgBouncer::Row &row : *pools) {
                if (row.value(QStringLiteral("database")) != m_db || row.value(QStringLiteral("user")) != u"t_teller1")
                    continue;
                for (const char *column : {"sv_active", "sv_idle", "sv_used", "sv_tested", "sv_login"})
                    n += row.value(QString::fromLatin1(column)).toInt();
            }
            return n;
        };
        for (int i = 0; i < 400 && std::any_of(threads.begin(), threads.end(), [](const auto &t) { return t->isRunning(); }); ++i) {
            maxServers = std::max(maxServers.load(), serversOfTheLogin());
            QTest::qWait(25);
        }
        for (auto &t : threads)
            QVERIFY(t->wait(120000));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n') + u'\n' + m_pooler->logTail()));
        QCOMPARE(completed.load(), Clients * Each);
        QCOMPARE(other.load(), 0);
        qint64 withdrawn = 0;
        for (int c = 0; c < Clients; ++c)
            withdrawn += qint64(Each - Each / 3) * (100 + c);
        const qint64 transferred = qint64(Clients) * (Each / 3) * 100;
        QCOMPARE(sql.balance(QStringLiteral("70000001")), before1 - withdrawn + transferred);
        QCOMPARE(sql.balance(QStringLiteral("70000002")), before2 - transferred);
        QVERIFY2(maxServers.load() >= 1 && maxServers.load() <= PoolSize, qPrintable(QString::number(maxServers.load())));
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    // The window's client: signs in, searches, pays out, and hears of a supervisor's decision
    // without LISTEN (its listener reads on the timer; the window is told it is not live).
    void theWindowWorksThroughThePooler()
    {
        TellerClient client;
        client.setJournalPath(m_dir.filePath(QStringLiteral("window-journal.sqlite")));
        QList<OperationEvent> heard;
        QList<Outcome> finished;
        QList<AccountInfo> found;
        connect(&client, &TellerClient::operationChanged, this, [&](const OperationEvent &e) { heard << e; });
        connect(&client, &TellerClient::actionFinished, this, [&](const Outcome &o) { finished << o; });
        connect(&client, &TellerClient::searchFinished, this, [&](quint64, const QList<AccountInfo> &a) { found = a; });
        SessionOptions options;
        options.workstation = QStringLiteral("pooled-ws");
        client.signIn(through(QStringLiteral("t_limited")), options);
        QTRY_VERIFY_WITH_TIMEOUT(client.isSignedIn(), 15000);
        Sql sql(m_db);
        const auto searchesAsked = [&] {
            return sql.count(QStringLiteral("SELECT count(*) FROM teller.read_audit WHERE read_by = 't_limited' "
                                            "AND search_text = '70000002'"));
        };
        client.searchAccounts(QStringLiteral("70000002"));
        QTRY_VERIFY_WITH_TIMEOUT(!found.isEmpty(), 10000);
        QCOMPARE(found.first().number, QStringLiteral("70000002"));
        QCOMPARE(searchesAsked(), qint64(1));
        // Asked again at once: from the window's cache, not the server.
        found.clear();
        client.searchAccounts(QStringLiteral(" 70000002 "));
        QTRY_VERIFY_WITH_TIMEOUT(!found.isEmpty(), 10000);
        QCOMPARE(client.cachedSearches(), quint64(1));
        QCOMPARE(searchesAsked(), qint64(1));

        const Action small = makeAction(ActionKind::Withdrawal, QStringLiteral("70000002"), 500);
        QVERIFY(client.submit(small));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 15000);
        QCOMPARE(outcomeStatusName(finished.last().status), QStringLiteral("completed"));
        // A balance moved: the next search goes to the server.
        found.clear();
        client.searchAccounts(QStringLiteral("70000002"));
        QTRY_VERIFY_WITH_TIMEOUT(!found.isEmpty(), 10000);
        QCOMPARE(searchesAsked(), qint64(2));
        QCOMPARE(found.first().available().minorUnits(), sql.balance(QStringLiteral("70000002")));

        const Action big = makeAction(ActionKind::Withdrawal, QStringLiteral("70000002"), 15000);
        QVERIFY(client.submit(big));
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 2, 15000);
        QCOMPARE(outcomeStatusName(finished.last().status), QStringLiteral("pending_approval"));
        DbSession supervisor(through(QStringLiteral("t_super")), SessionOptions{});
        QVERIFY(supervisor.open());
        auto decided = Supervision(supervisor).decide(big.key, true, QStringLiteral("ID checked"));
        QVERIFY2(decided, decided ? "" : qPrintable(decided.error().message));
        const auto hasHeard = [&](const IdempotencyKey &key, OutcomeStatus status) {
            return std::any_of(heard.cbegin(), heard.cend(),
                               [&](const OperationEvent &e) { return e.key && *e.key == key && e.status == status; });
        };
        // Read on the 3-second timer.
        QTRY_VERIFY_WITH_TIMEOUT(hasHeard(big.key, OutcomeStatus::Completed), 10000);
        QVERIFY(!client.isLive());
        client.signOut();
    }

    // The same window with one connection for everything and its listener sent to the server
    // itself (PostgreSQL, past the pooler): live again.
    void oneConnectionAndADirectListener()
    {
        TellerClient client;
        ConnectionPlan plan;
        plan.connections = 1;
        QVERIFY(client.setConnectionPlan(plan));
        plan.connections = 4;
        QVERIFY(!client.setConnectionPlan(plan));
        client.setJournalPath(m_dir.filePath(QStringLiteral("one-journal.sqlite")));
        QList<Outcome> finished;
        connect(&client, &TellerClient::actionFinished, this, [&](const Outcome &o) { finished << o; });
        client.signIn(through(QStringLiteral("t_teller2")), SessionOptions{});
        QTRY_VERIFY_WITH_TIMEOUT(client.isSignedIn(), 15000);
        const Action a = makeAction(ActionKind::Deposit, QStringLiteral("70000002"), 700);
        QVERIFY(client.submit(a));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 15000);
        QCOMPARE(outcomeStatusName(finished.last().status), QStringLiteral("completed"));
        Sql sql(m_db);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE usename = 't_teller2' AND datname = ?"), {m_db}),
                 qint64(1));
        client.signOut();

        TellerClient listening;
        ConnectionPlan direct;
        const ConnectionSettings server = PgTestServer::instance().staff(m_db, QStringLiteral("t_teller3"));
        direct.listenHost = server.value(QStringLiteral("host"));
        direct.listenPort = server.value(QStringLiteral("port"));
        QVERIFY(listening.setConnectionPlan(direct));
        listening.setJournalPath(m_dir.filePath(QStringLiteral("listen-journal.sqlite")));
        listening.signIn(through(QStringLiteral("t_teller3")), SessionOptions{});
        QTRY_VERIFY_WITH_TIMEOUT(listening.isSignedIn(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(listening.isLive(), 10000);
        listening.signOut();
    }
};

QTEST_GUILESS_MAIN(TestPooling)
#include "tst_pooling.moc"
