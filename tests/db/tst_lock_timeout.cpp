// An account held by another transaction: the core waits lock_timeout per attempt, retries
// with backoff, and ends "busy" with no effect; once the lock is gone the same key executes.
#include "PgTestServer.h"

#include "ActionExecutor.h"
#include "DbSession.h"

#include <QElapsedTimer>
#include <QTest>

using namespace teller;

class TestLockTimeout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { PgTestServer::instance(); }

    void heldRowEndsBusyWithoutEffect()
    {
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        sql.openAccount(QStringLiteral("4001"), 100000);

        Sql holder(db);
        SQL_VERIFY(holder, QStringLiteral("BEGIN"));
        SQL_VERIFY(holder, QStringLiteral("SELECT 1 FROM teller.accounts WHERE number = '4001' FOR UPDATE"));

        // A money action is one statement under the database's bounds (no session sets its
        // own: a pooler would hand them on), so this database gets a short one.
        SQL_VERIFY(sql, QStringLiteral("ALTER DATABASE %1 SET lock_timeout = '300ms'").arg(db));
        SessionOptions options;
        options.lockTimeout = std::chrono::milliseconds(300);
        RetryPolicy policy;
        policy.maxRetries = 2;
        policy.baseDelay = std::chrono::milliseconds(50);
        const Action a = makeAction(ActionKind::Withdrawal, QStringLiteral("4001"), 1000);

        DbSession session(PgTestServer::instance().staff(db, QStringLiteral("t_teller1")), options);
        QVERIFY(session.open());
        ActionExecutor executor(session, policy);
        QList<RetryNotice> notices;
        QElapsedTimer timer;
        timer.start();
        const Outcome busy = executor.execute(a, [&](const RetryNotice &n) { notices << n; });
        const qint64 elapsed = timer.elapsed();

        QCOMPARE(outcomeStatusName(busy.status), QStringLiteral("busy"));
        QCOMPARE(busy.attempts, 3);
        QCOMPARE(notices.size(), 2);
        QCOMPARE(notices.first().failure, FailureClass::LockTimeout);
        QCOMPARE(notices.first().nextAttempt, 2);
        QCOMPARE(notices.first().maxAttempts, 3);
        QVERIFY2(elapsed >= 3 * 300, qPrintable(QString::number(elapsed)));
        QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid"), {a.key.toString()}), qint64(0));
        QCOMPARE(sql.balance(QStringLiteral("4001")), qint64(100000));

        SQL_VERIFY(holder, QStringLiteral("ROLLBACK"));
        const Outcome done = executor.execute(a);
        QCOMPARE(outcomeStatusName(done.status), QStringLiteral("completed"));
        QVERIFY(!done.replayed);
        QCOMPARE(sql.balance(QStringLiteral("4001")), qint64(99000));
        qInfo("busy after %d attempts in %lld ms (lock_timeout 300 ms)", busy.attempts, elapsed);
    }

    void aKeyStillRunningElsewhereWaitsThenReplays()
    {
        // The first attempt with a key is still inside its transaction (simulated by holding
        // the account while it runs); a second submission of the same key waits for it and
        // then answers from its record instead of executing again.
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        sql.openAccount(QStringLiteral("4002"), 100000);
        const Action a = makeAction(ActionKind::Withdrawal, QStringLiteral("4002"), 700);

        Sql holder(db);
        SQL_VERIFY(holder, QStringLiteral("BEGIN"));
        SQL_VERIFY(holder, QStringLiteral("SELECT 1 FROM teller.accounts WHERE number = '4002' FOR UPDATE"));
        Outcome first, second;
        std::unique_ptr<QThread> t1(QThread::create([&] { first = executeAs(db, QStringLiteral("t_teller1"), a); }));
        std::unique_ptr<QThread> t2(QThread::create([&] { second = executeAs(db, QStringLiteral("t_teller1"), a); }));
        t1->start();
        t2->start();
        // Both submissions must really be waiting on a lock before the holder lets go; else one
        // could simply run after the other, and the test would prove nothing about waiting.
        // (Each waits at most lock_timeout, 2 s by default, before it retries.)
        QTRY_COMPARE_WITH_TIMEOUT(sql.count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                                           "AND usename = 't_teller1' AND wait_event_type = 'Lock'")),
                                  qint64(2), 10000);
        SQL_VERIFY(holder, QStringLiteral("COMMIT"));
        QVERIFY(t1->wait(20000));
        QVERIFY(t2->wait(20000));
        QCOMPARE(first.status, OutcomeStatus::Completed);
        QCOMPARE(second.status, OutcomeStatus::Completed);
        QCOMPARE(int(first.replayed) + int(second.replayed), 1);
        QCOMPARE(sql.balance(QStringLiteral("4002")), qint64(99300));
    }
};

QTEST_GUILESS_MAIN(TestLockTimeout)
#include "tst_lock_timeout.moc"
