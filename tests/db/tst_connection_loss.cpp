// The server ends the session: between actions, and in the middle of a transaction. The core
// reconnects and the action completes exactly once, with the same key.
#include "PgTestServer.h"

#include "FaultProxy.h"

#include "ActionExecutor.h"
#include "DbSession.h"
#include "Journal.h"

#include <QTemporaryDir>
#include <QTest>

using namespace teller;

class TestConnectionLoss : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { PgTestServer::instance(); }

    void sessionKilledWhileIdleIsReopened()
    {
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        sql.openAccount(QStringLiteral("3001"), 100000);
        DbSession session(PgTestServer::instance().staff(db, QStringLiteral("t_teller1")), SessionOptions{});
        QVERIFY(session.open());
        const int oldPid = session.serverProcessId();
        ActionExecutor executor(session);
        QCOMPARE(executor.execute(makeAction(ActionKind::Withdrawal, QStringLiteral("3001"), 100)).status, OutcomeStatus::Completed);

        QVERIFY(sql.value(QStringLiteral("SELECT pg_terminate_backend(?)"), {oldPid}).toBool());
        QTest::qWait(100);

        QList<RetryNotice> notices;
        const Action a = makeAction(ActionKind::Withdrawal, QStringLiteral("3001"), 200);
        const Outcome o = executor.execute(a, [&](const RetryNotice &n) { notices << n; });
        QCOMPARE(outcomeStatusName(o.status), QStringLiteral("completed"));
        QVERIFY(!o.replayed);
        QCOMPARE(o.attempts, 2);
        QCOMPARE(notices.size(), 1);
        // The action is one statement that commits on its own: a connection found dead when it
        // was sent is a statement without an answer (it may have committed), asked again.
        QCOMPARE(notices.first().failure, FailureClass::OutcomeUnknown);
        QVERIFY(session.serverProcessId() != oldPid);
        QCOMPARE(sql.balance(QStringLiteral("3001")), qint64(99700));
    }

    void sessionKilledMidTransactionCompletesOnce()
    {
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        sql.openAccount(QStringLiteral("3002"), 100000);

        // Hold the account so that the core's transaction is caught inside perform_action,
        // then terminate its backend there.
        Sql holder(db);
        SQL_VERIFY(holder, QStringLiteral("BEGIN"));
        SQL_VERIFY(holder, QStringLiteral("SELECT 1 FROM teller.accounts WHERE number = '3002' FOR UPDATE"));

        const Action a = makeAction(ActionKind::Withdrawal, QStringLiteral("3002"), 5000);
        Outcome outcome;
        int pidBefore = 0, pidAfter = 0;
        std::unique_ptr<QThread> core(QThread::create([&] {
            SessionOptions options;
            options.applicationName = QStringLiteral("conn-loss-victim");
            options.lockTimeout = std::chrono::seconds(20);
            options.statementTimeout = std::chrono::seconds(30);
            DbSession session(PgTestServer::instance().staff(db, QStringLiteral("t_teller1")), options);
            if (!session.open())
                return;
            pidBefore = session.serverProcessId();
            ActionExecutor executor(session);
            outcome = executor.execute(a);
            pidAfter = session.serverProcessId();
        }));
        core->start();

        QTRY_VERIFY_WITH_TIMEOUT(
            sql.count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'conn-loss-victim%' "
                                     "AND wait_event_type = 'Lock' AND state = 'active'"))
                == 1,
            10000);
        const int victim = int(sql.count(QStringLiteral("SELECT pid FROM pg_stat_activity WHERE application_name LIKE "
                                                        "'conn-loss-victim%'")));
        QVERIFY(sql.value(QStringLiteral("SELECT pg_terminate_backend(?)"), {victim}).toBool());
        // The attempt died with its session: nothing of it may exist.
        QTRY_COMPARE_WITH_TIMEOUT(sql.count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = ?"), {victim}), qint64(0),
                                  5000);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid"), {a.key.toString()}), qint64(0));
        SQL_VERIFY(holder, QStringLiteral("COMMIT"));
        QVERIFY(core->wait(30000));

        QCOMPARE(outcomeStatusName(outcome.status), QStringLiteral("completed"));
        QVERIFY(!outcome.replayed);
        QVERIFY2(outcome.attempts >= 2, qPrintable(QString::number(outcome.attempts)));
        QCOMPARE(outcome.key, a.key);
        QVERIFY(pidBefore != pidAfter);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid"), {a.key.toString()}), qint64(1));
        QCOMPARE(sql.balance(QStringLiteral("3002")), qint64(95000));
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void unreachableServerEndsNotSentWithinTheBudget()
    {
        // A port nobody listens on: every attempt fails to connect, so nothing was ever sent:
        // not "in doubt" but "not sent, nothing happened", within the time budget, and the
        // journal closes the entry (no reconciliation will ask about it).
        const QString db = PgTestServer::instance().createDatabase();
        ConnectionSettings settings = PgTestServer::instance().staff(db, QStringLiteral("t_teller1"), true);
        settings.set(QStringLiteral("port"), QStringLiteral("1"));
        DbSession session(settings, SessionOptions{});
        RetryPolicy policy;
        policy.maxRetries = 3;
        policy.baseDelay = std::chrono::milliseconds(20);
        ActionExecutor executor(session, policy);
        QTemporaryDir dir;
        Journal journal(dir.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(journal.open());
        executor.setJournal(&journal, QStringLiteral("t_teller1"), QStringLiteral("a database"), {});
        QElapsedTimer timer;
        timer.start();
        const Outcome o = executor.execute(makeAction(ActionKind::Withdrawal, QStringLiteral("3003"), 100));
        QCOMPARE(outcomeStatusName(o.status), QStringLiteral("error"));
        QVERIFY(o.notSent);
        QCOMPARE(o.attempts, 4);
        QVERIFY2(o.message.startsWith(QStringLiteral("Not sent — nothing happened")), qPrintable(o.message));
        QVERIFY(timer.elapsed() < 10000);
        QCOMPARE(journal.openEntries()->size(), 0);
    }

    void aLostConnectionThenNoServerStaysInDoubt()
    {
        // The first attempt reaches the server and loses its connection (its statement may
        // have run); every later attempt finds no server: in doubt, never "not sent".
        const QString db = PgTestServer::instance().createDatabase();
        FaultProxy proxy(QStringLiteral("127.0.0.1"), quint16(PgTestServer::instance().server().port()));
        QVERIFY(proxy.start());
        ConnectionSettings settings = PgTestServer::instance().staff(db, QStringLiteral("t_teller1"), true);
        settings.set(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
        settings.set(QStringLiteral("port"), QString::number(proxy.port()));
        DbSession session(settings, SessionOptions{});
        QVERIFY(session.open());
        RetryPolicy policy;
        policy.maxRetries = 2;
        policy.baseDelay = std::chrono::milliseconds(20);
        ActionExecutor executor(session, policy);
        proxy.swallowCommitAnswers(1);
        proxy.setRefusing(true);
        const Outcome o = executor.execute(makeAction(ActionKind::Withdrawal, QStringLiteral("3003"), 100));
        QCOMPARE(outcomeStatusName(o.status), QStringLiteral("in_doubt"));
        QVERIFY(!o.notSent);
    }

    void wrongPasswordIsNotRetried()
    {
        const QString db = PgTestServer::instance().createDatabase();
        ConnectionSettings settings = PgTestServer::instance().staff(db, QStringLiteral("t_teller1"));
        settings.set(QStringLiteral("password"), QStringLiteral("wrong-password"));
        DbSession session(settings, SessionOptions{});
        auto opened = session.open();
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, Error::Kind::Permission);
        QVERIFY2(opened.error().message.contains(QLatin1String("password")), qPrintable(opened.error().message));
        QVERIFY(!opened.error().message.contains(QLatin1String("wrong-password")));

        ActionExecutor executor(session);
        const Outcome o = executor.execute(makeAction(ActionKind::Withdrawal, QStringLiteral("3004"), 100));
        QCOMPARE(outcomeStatusName(o.status), QStringLiteral("error"));
        QCOMPARE(o.attempts, 1);
    }
};

QTEST_GUILESS_MAIN(TestConnectionLoss)
#include "tst_connection_loss.moc"
