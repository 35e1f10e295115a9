// Transfers in both directions at once: accounts are locked in ascending id order, so they
// queue instead of deadlocking; and a deadlock that does happen (with a session that locks in
// the other order) is retried with the same key and never reaches the caller.
#include "PgTestServer.h"
#include "Workers.h"

#include "ActionExecutor.h"
#include "DbSession.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTest>

using namespace teller;

class TestDeadlock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { PgTestServer::instance(); }

    void opposingTransfersAllComplete()
    {
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        sql.openAccount(QStringLiteral("A100"), 1000000);
        sql.openAccount(QStringLiteral("B200"), 1000000);
        sql.openAccount(QStringLiteral("C300"), 1000000);
        const qint64 deadlocksBefore = sql.count(
            QStringLiteral("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"));

        constexpr int threads = 16, perThread = 10;
        QElapsedTimer timer;
        timer.start();
        const auto failures = runOnThreads<QStringList>(threads, [&](int i, const std::function<void()> &startLine) {
            QStringList problems;
            DbSession session(PgTestServer::instance().staff(db, QStringLiteral("t_teller%1").arg(1 + i % 3)), SessionOptions{});
            auto opened = session.open();
            startLine();
            if (!opened)
                return QStringList{opened.error().message};
            ActionExecutor executor(session);
            // Even threads send A->B, odd ones B->A; every third also touches C the other way.
            const QStringList pair = i % 2 ? QStringList{QStringLiteral("B200"), QStringLiteral("A100")}
                                           : QStringList{QStringLiteral("A100"), QStringLiteral("B200")};
            for (int n = 0; n < perThread; ++n) {
                const QString from = n % 3 == 2 ? QStringLiteral("C300") : pair.at(0);
                const QString to = n % 3 == 2 ? pair.at(0) : pair.at(1);
                const Outcome o = executor.execute(makeAction(ActionKind::Transfer, from, 100 + n, to));
                if (o.status != OutcomeStatus::Completed)
                    problems << outcomeStatusName(o.status) + u' ' + o.reason + u' ' + o.message;
            }
            return problems;
        });
        for (const QStringList &p : failures)
            QVERIFY2(p.isEmpty(), qPrintable(p.join(u'\n')));

        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE kind = 'transfer' AND status = 'completed'")),
                 qint64(threads * perThread));
        QCOMPARE(sql.count(QStringLiteral("SELECT sum(balance) FROM teller.accounts WHERE kind = 'customer'")), qint64(3000000));
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
        // Ordered locking means the server never even had to break a deadlock.
        QVERIFY(sql.waitForOtherSessionsToEnd());
        QCOMPARE(sql.count(QStringLiteral("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")),
                 deadlocksBefore);
        qInfo("%d opposing transfers on %d connections: all completed, 0 deadlocks, %lld ms", threads * perThread, threads,
              timer.elapsed());
    }

    void aDeadlockIsRetriedWithTheSameKey()
    {
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        sql.openAccount(QStringLiteral("A100"), 100000); // lower id: locked first by the core
        sql.openAccount(QStringLiteral("B200"), 100000);

        // Another session locks B, then (once the core waits for B while holding A) asks for
        // A: a real deadlock. PostgreSQL breaks it in the session whose deadlock_timeout runs
        // out first while the cycle exists, and each waiting session checks only once. That
        // must be the core, every time, so the timeouts decide, not the timing:
        // - the rogue session never checks within the test (60 s), so it never loses;
        // - the core checks 2 s after it starts waiting for B. By then the rogue has long
        //   asked for A (the test does so as soon as it sees the core waiting), so the core's
        //   one check finds the cycle. (With the fixture's 100 ms for both, the core's check
        //   could run before the cycle closed and find nothing; the rogue's, later, would then
        //   find it and fail the rogue instead.)
        // deadlock_timeout is for superusers only: the core's login gets it as a role setting in
        // this test's own database (the name is made of letters, digits and '_' by the fixture).
        SQL_VERIFY(sql, QStringLiteral("ALTER ROLE t_teller1 IN DATABASE %1 SET deadlock_timeout = '2s'").arg(db));
        // A money action runs under its database's (here: its login's) lock_timeout, not the
        // session options': long enough that the deadlock check comes first.
        SQL_VERIFY(sql, QStringLiteral("ALTER ROLE t_teller1 IN DATABASE %1 SET lock_timeout = '10s'").arg(db));
        auto rogue = std::make_unique<Sql>(db);
        SQL_VERIFY(*rogue, QStringLiteral("SET deadlock_timeout = '60s'"));
        SQL_VERIFY(*rogue, QStringLiteral("BEGIN"));
        SQL_VERIFY(*rogue, QStringLiteral("SELECT 1 FROM teller.accounts WHERE number = 'B200' FOR UPDATE"));

        const Action transfer = makeAction(ActionKind::Transfer, QStringLiteral("A100"), 5000, QStringLiteral("B200"));
        Outcome outcome;
        std::unique_ptr<QThread> core(QThread::create([&] {
            SessionOptions options;
            options.applicationName = QStringLiteral("deadlock-victim");
            options.lockTimeout = std::chrono::seconds(10);
            outcome = executeAs(db, QStringLiteral("t_teller1"), transfer, {}, RetryPolicy{}, options);
        }));
        core->start();
        QTRY_VERIFY_WITH_TIMEOUT(
            sql.count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'deadlock-victim%' "
                                     "AND wait_event_type = 'Lock'"))
                == 1,
            10000);
        // A session of the core's login in this database really gets the 2 s (else the test
        // would prove nothing about who loses).
        {
            DbSession probe(PgTestServer::instance().staff(db, QStringLiteral("t_teller1")), SessionOptions{});
            QVERIFY(probe.open());
            QString timeout;
            QVERIFY(probe.select(QStringLiteral("SELECT current_setting('deadlock_timeout')"), {}, QStringLiteral("probe"),
                                 [&](const Row &q) { timeout = q.value(0).toString(); }));
            QCOMPARE(timeout, QStringLiteral("2s"));
        }
        // Now close the cycle. This blocks until the server has failed the core's attempt
        // (about 2 s after the core began to wait).
        SQL_VERIFY(*rogue, QStringLiteral("SELECT 1 FROM teller.accounts WHERE number = 'A100' FOR UPDATE"));
        SQL_VERIFY(*rogue, QStringLiteral("COMMIT"));
        QVERIFY(core->wait(30000));
        rogue.reset();

        QCOMPARE(outcomeStatusName(outcome.status), QStringLiteral("completed"));
        QVERIFY(outcome.attempts >= 2);
        QVERIFY(!outcome.replayed);
        QCOMPARE(sql.balance(QStringLiteral("A100")), qint64(95000));
        QCOMPARE(sql.balance(QStringLiteral("B200")), qint64(105000));
        QVERIFY(sql.waitForOtherSessionsToEnd());
        QCOMPARE(sql.count(QStringLiteral("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")), qint64(1));
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestDeadlock)
#include "tst_deadlock.moc"
