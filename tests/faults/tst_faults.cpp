// The failures a branch network really produces, between the core and PostgreSQL, through the
// fault proxy. Every scenario ends with the invariant check: balances equal their ledger, no
// floor crossed, one operation per key, and no key both abandoned and completed.
#include "FaultProxy.h"
#include "PgTestServer.h"
#include "Workers.h"

#include "ActionExecutor.h"
#include "DbSession.h"
#include "Journal.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace teller;

class TestFaults : public QObject
{
    Q_OBJECT

    QString m_db;
    std::unique_ptr<FaultProxy> m_proxy;

    ConnectionSettings viaProxy(const QString &login = QStringLiteral("t_teller1"))
    {
        ConnectionSettings s = PgTestServer::instance().staff(m_db, login, true);
        s.set(QStringLiteral("port"), QString::number(m_proxy->port()));
        return s;
    }
    static SessionOptions quickOptions()
    {
        SessionOptions o;
        o.workstation = QStringLiteral("fault-test");
        o.statementTimeout = std::chrono::seconds(2);
        o.lockTimeout = std::chrono::seconds(1);
        o.connectTimeout = std::chrono::seconds(2);
        return o;
    }
    static RetryPolicy quickPolicy()
    {
        RetryPolicy p;
        p.maxRetries = 5;
        p.baseDelay = std::chrono::milliseconds(20);
        p.maxDelay = std::chrono::milliseconds(300);
        p.totalBudget = std::chrono::seconds(15);
        return p;
    }
    qint64 operations(const IdempotencyKey &key)
    {
        Sql sql(m_db);
        return sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid"), {key.toString()});
    }
    void checkInvariants()
    {
        Sql sql(m_db);
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

private Q_SLOTS:
    void init()
    {
        m_db = PgTestServer::instance().createDatabase();
        m_proxy = std::make_unique<FaultProxy>(QStringLiteral("127.0.0.1"), quint16(PgTestServer::instance().server().port()));
        QVERIFY(m_proxy->start());
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("8001"), 100000);
        sql.openAccount(QStringLiteral("8002"), 100000);
    }
    void cleanup()
    {
        m_proxy.reset();
        checkInvariants();
    }

    void lostCommitAnswerIsAnsweredFromTheRecord()
    {
        DbSession session(viaProxy(), quickOptions());
        QVERIFY(session.open());
        ActionExecutor executor(session, quickPolicy());
        QList<RetryNotice> notices;
        m_proxy->swallowCommitAnswers(1);
        const Action a = makeAction(ActionKind::Withdrawal, QStringLiteral("8001"), 10000);
        const Outcome o = executor.execute(a, [&](const RetryNotice &n) { notices << n; });

        QCOMPARE(m_proxy->stats().swallowedCommits, 1);
        QCOMPARE(outcomeStatusName(o.status), QStringLiteral("completed"));
        QVERIFY(o.replayed); // the server had committed; the retry got its record
        QCOMPARE(o.attempts, 2);
        QCOMPARE(notices.first().failure, FailureClass::OutcomeUnknown);
        QCOMPARE(operations(a.key), qint64(1));
        Sql sql(m_db);
        QCOMPARE(sql.balance(QStringLiteral("8001")), qint64(90000));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.movements WHERE key = ?::uuid"), {a.key.toString()}), qint64(1));
    }

    void resetWhileWaitingForALockExecutesOnce()
    {
        // The attempt is caught waiting for the account's lock, then every connection is reset.
        // The orphaned statement may still run and commit once the lock is free (it is its own
        // transaction), or the retry may get there first: either way it happens exactly once,
        // and the retry either does it or is answered from its record.
        auto holder = std::make_unique<Sql>(m_db);
        SQL_VERIFY(*holder, QStringLiteral("BEGIN"));
        SQL_VERIFY(*holder, QStringLiteral("SELECT 1 FROM teller.accounts WHERE number = '8002' FOR UPDATE"));
        const Action a = makeAction(ActionKind::Transfer, QStringLiteral("8002"), 2500, QStringLiteral("8001"));
        Outcome outcome;
        SessionOptions options = quickOptions();
        options.lockTimeout = std::chrono::seconds(10);
        options.statementTimeout = std::chrono::seconds(20);
        std::unique_ptr<QThread> core(QThread::create([&] {
            DbSession session(viaProxy(), options);
            if (!session.open())
                return;
            ActionExecutor executor(session, quickPolicy());
            outcome = executor.execute(a);
        }));
        core->start();
        Sql sql(m_db);
        QTRY_VERIFY_WITH_TIMEOUT(sql.count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                                          "AND wait_event_type = 'Lock'"))
                                     >= 1,
                                 10000);
        m_proxy->resetAll();
        QTest::qWait(300);
        holder.reset();
        QVERIFY(core->wait(30000));
        QCOMPARE(outcomeStatusName(outcome.status), QStringLiteral("completed"));
        QVERIFY(outcome.attempts >= 2);
        QVERIFY(m_proxy->stats().resets >= 1);
        QCOMPARE(operations(a.key), qint64(1));
        QCOMPARE(sql.balance(QStringLiteral("8002")), qint64(97500));
        QCOMPARE(sql.balance(QStringLiteral("8001")), qint64(102500));
    }

    void stalledServerEndsInTimeNeverHangs()
    {
        DbSession session(viaProxy(), quickOptions());
        QVERIFY(session.open());
        RetryPolicy policy = quickPolicy();
        policy.maxRetries = 2;
        policy.totalBudget = std::chrono::seconds(6);
        ActionExecutor executor(session, policy);
        m_proxy->setStalled(true);
        const Action a = makeAction(ActionKind::Withdrawal, QStringLiteral("8001"), 100);
        QElapsedTimer timer;
        timer.start();
        const Outcome o = executor.execute(a);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(o.status == OutcomeStatus::InDoubt || o.status == OutcomeStatus::Busy, qPrintable(outcomeStatusName(o.status)));
        // Never a hang. The bound: the budget (6 s) is only checked between attempts, so the
        // attempt under way when it runs out still gets its own deadlines: a reconnect
        // (connect_timeout 2 s) and a statement (statement deadline 2 s) = 6 + 2 + 2 = 10 s.
        // Beyond that, up to 5 s for a loaded CI machine (2 cores, tests running in parallel)
        // to schedule the watchdog, close the socket and tear the attempt down. A hang has no
        // bound at all.
        QVERIFY2(elapsed < 15000, qPrintable(QString::number(elapsed)));
        qInfo("stalled server: %s after %d attempts in %lld ms", qPrintable(outcomeStatusName(o.status)), o.attempts, elapsed);

        // The network comes back: the same key settles it, once.
        m_proxy->setStalled(false);
        m_proxy->resetAll();
        const Outcome again = executor.execute(a);
        QCOMPARE(outcomeStatusName(again.status), QStringLiteral("completed"));
        QCOMPARE(operations(a.key), qint64(1));
    }

    void serverRestartMidRunIsSettledByReconciliation()
    {
        QTemporaryDir dir;
        constexpr int clients = 6;
        struct Seen
        {
            QList<Action> inDoubt;
            QList<Action> notSent; // refused at every attempt before anything was sent
            int completed = 0, rejected = 0, other = 0;
        };
        std::atomic<bool> stop{false};
        std::unique_ptr<QThread> restarter(QThread::create([&] {
            QThread::msleep(400);
            PgTestServer::instance().server().restart();
            QThread::msleep(300);
            stop = true;
        }));
        restarter->start();
        const auto seen = runOnThreads<Seen>(clients, [&](int i, const std::function<void()> &startLine) {
            Seen s;
            DbSession session(viaProxy(QStringLiteral("t_teller%1").arg(1 + i % 3)), quickOptions());
            const bool opened = bool(session.open());
            startLine();
            if (!opened)
                return s;
            RetryPolicy policy = quickPolicy();
            policy.maxRetries = 1; // let some end in doubt: that is what is being tested
            ActionExecutor executor(session, policy);
            for (int n = 0; !stop && n < 500; ++n) {
                const Action a = makeAction(n % 2 ? ActionKind::Deposit : ActionKind::Withdrawal,
                                            i % 2 ? QStringLiteral("8001") : QStringLiteral("8002"), 100 + n);
                const Outcome o = executor.execute(a);
                if (o.status == OutcomeStatus::Completed)
                    ++s.completed;
                else if (o.status == OutcomeStatus::Rejected)
                    ++s.rejected;
                else if (o.status == OutcomeStatus::InDoubt || o.status == OutcomeStatus::Busy)
                    s.inDoubt << a;
                else if (o.notSent)
                    s.notSent << a;
                else
                    ++s.other;
            }
            return s;
        });
        QVERIFY(restarter->wait(60000));

        // Every action ended definitive or in doubt; reconciliation settles each in-doubt one.
        DbSession session(viaProxy(), quickOptions());
        QTRY_VERIFY_WITH_TIMEOUT(bool(session.open()), 20000);
        ActionExecutor executor(session, quickPolicy());
        int inDoubt = 0, foundDone = 0, resubmitted = 0, completed = 0, notSent = 0;
        for (const Seen &s : seen) {
            QCOMPARE(s.other, 0);
            completed += s.completed;
            // "Not sent" is a claim that nothing happened: the server has never heard of them.
            for (const Action &a : s.notSent) {
                ++notSent;
                QCOMPARE(outcomeStatusName(executor.status(a.key).status), QStringLiteral("unknown"));
                QCOMPARE(operations(a.key), qint64(0));
            }
            for (const Action &a : s.inDoubt) {
                ++inDoubt;
                const Outcome status = executor.status(a.key);
                if (status.status == OutcomeStatus::Unknown) {
                    ++resubmitted;
                    const Outcome o = executor.execute(a);
                    QVERIFY2(o.status == OutcomeStatus::Completed || o.status == OutcomeStatus::Rejected,
                             qPrintable(outcomeStatusName(o.status)));
                } else {
                    ++foundDone;
                    QVERIFY2(status.status == OutcomeStatus::Completed || status.status == OutcomeStatus::Rejected,
                             qPrintable(outcomeStatusName(status.status)));
                }
                QCOMPARE(operations(a.key), qint64(1));
            }
        }
        qInfo("server restart: %d completed, %d in doubt (%d had happened, %d resubmitted once), %d not sent", completed, inDoubt,
              foundDone, resubmitted, notSent);
        QVERIFY(completed > 0);
    }

    void killedClientIsReconciledFromItsJournal()
    {
        // tellerctl sends a withdrawal; the server commits; the answer is held back; the
        // process is killed. On the next start its journal settles what happened.
        QTemporaryDir dir;
        const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));
        const ConnectionSettings s = viaProxy();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TELLER_JOURNAL"), journal);
        env.insert(QStringLiteral("PGPASSWORD"), s.value(QStringLiteral("password")));
        const QString conninfo =
            QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=t_teller1 sslmode=disable").arg(m_proxy->port()).arg(m_db);
        const QString key = IdempotencyKey::generate().toString();
        m_proxy->holdCommitAnswers(1);
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TELLERCTL"),
                {QStringLiteral("--db"), conninfo, QStringLiteral("withdraw"), QStringLiteral("--account"), QStringLiteral("8001"),
                 QStringLiteral("--amount"), QStringLiteral("33.00"), QStringLiteral("--key"), key});
        QVERIFY(p.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->stats().heldCommits, 1, 15000);
        Sql sql(m_db);
        QTRY_COMPARE_WITH_TIMEOUT(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid"), {key}),
                                  qint64(1), 5000);
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);

        Journal j(journal);
        QVERIFY(j.open());
        auto open = j.openEntries();
        QVERIFY(open);
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->first().key.toString(), key);

        QProcess r;
        r.setProcessEnvironment(env);
        r.start(qEnvironmentVariable("TELLERCTL"), {QStringLiteral("--db"), conninfo, QStringLiteral("reconcile")});
        QVERIFY(r.waitForFinished(30000));
        QCOMPARE(r.exitCode(), 0);
        const QJsonObject out = QJsonDocument::fromJson(r.readAllStandardOutput().trimmed()).object();
        const QJsonArray items = out.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject now = items.first().toObject().value(QStringLiteral("now")).toObject();
        QCOMPARE(now.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(now.value(QStringLiteral("balance_after")).toString(), QStringLiteral("967.00"));
        auto after = j.openEntries();
        QVERIFY(after);
        QCOMPARE(after->size(), 0);
        QCOMPARE(sql.balance(QStringLiteral("8001")), qint64(96700));
    }

    void abandonedKeyNeverExecutesAndAbandonTellsTheTruth()
    {
        DbSession session(viaProxy(), quickOptions());
        QVERIFY(session.open());
        ActionExecutor executor(session, quickPolicy());
        // A key that never reached the server: abandoned, and a late duplicate does nothing.
        const Action lost = makeAction(ActionKind::Withdrawal, QStringLiteral("8001"), 5000);
        QCOMPARE(outcomeStatusName(executor.abandon(lost.key).status), QStringLiteral("abandoned"));
        const Outcome late = executor.execute(lost);
        QCOMPARE(outcomeStatusName(late.status), QStringLiteral("abandoned"));
        Sql sql(m_db);
        QCOMPARE(sql.balance(QStringLiteral("8001")), qint64(100000));
        // A key whose commit went through although its answer was lost: abandon answers
        // with the truth.
        m_proxy->swallowCommitAnswers(1);
        RetryPolicy once = quickPolicy();
        once.maxRetries = 0;
        executor.setPolicy(once);
        const Action done = makeAction(ActionKind::Withdrawal, QStringLiteral("8001"), 700);
        QCOMPARE(outcomeStatusName(executor.execute(done).status), QStringLiteral("in_doubt"));
        executor.setPolicy(quickPolicy());
        const Outcome truth = executor.abandon(done.key);
        QCOMPARE(outcomeStatusName(truth.status), QStringLiteral("completed"));
        QVERIFY(truth.replayed);
        QCOMPARE(sql.balance(QStringLiteral("8001")), qint64(99300));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE status = 'abandoned'")), qint64(1));
    }

    void aDamagedJournalIsMovedAsideNotDropped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'x'));
        }
        Journal j(path);
        QVERIFY(j.open());
        QVERIFY2(j.warning().contains(QLatin1String("damaged")), qPrintable(j.warning()));
        const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("journal.sqlite.damaged-*")});
        QCOMPARE(aside.size(), 1);
        QCOMPARE(QFileInfo(dir.filePath(aside.first())).size(), qint64(4096)); // kept as it was
        const Action a = makeAction(ActionKind::Deposit, QStringLiteral("8001"), 100);
        QVERIFY(j.record(a, QStringLiteral("t_teller1"), QStringLiteral("db"), QStringLiteral("ws")));
        QCOMPARE(j.openEntries()->size(), 1);
        auto back = j.openEntries()->first().toAction();
        QVERIFY(back);
        QCOMPARE(back->key, a.key);
        QCOMPARE(back->request.fingerprint(), a.request.fingerprint());
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
