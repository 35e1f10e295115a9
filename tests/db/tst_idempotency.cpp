// The idempotency contract (DESIGN.md): a key executes once, is replayed afterwards,
// refuses a different request, and records rejections for good.
#include "PgTestServer.h"
#include "Workers.h"

#include "ActionExecutor.h"
#include "DbSession.h"
#include "Journal.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace teller;

class TestIdempotency : public QObject
{
    Q_OBJECT

    QString m_db;

    Outcome run(const Action &action, const QString &login = QStringLiteral("t_teller1")) { return executeAs(m_db, login, action); }
    qint64 operations(const IdempotencyKey &key)
    {
        Sql sql(m_db);
        return sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid"), {key.toString()});
    }

private Q_SLOTS:
    void init() { m_db = PgTestServer::instance().createDatabase(); }
    void cleanup()
    {
        if (m_db.isEmpty())
            return;
        Sql sql(m_db);
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void newKeyExecutesOnceThenReplays()
    {
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("1001"), 100000);
        const Action a = makeAction(ActionKind::Withdrawal, QStringLiteral("1001"), 9300);

        const Outcome first = run(a);
        QCOMPARE(outcomeStatusName(first.status), QStringLiteral("completed"));
        QVERIFY(!first.replayed);
        QCOMPARE(first.balanceAfter->toCanonical(), QStringLiteral("907.00"));

        const Outcome second = run(a);
        QCOMPARE(outcomeStatusName(second.status), QStringLiteral("completed"));
        QVERIFY(second.replayed);
        QCOMPARE(second.operationId, first.operationId);
        QCOMPARE(second.balanceAfter->toCanonical(), QStringLiteral("907.00"));
        QCOMPARE(second.executedAt, first.executedAt);

        QCOMPARE(sql.balance(QStringLiteral("1001")), qint64(90700));
        QCOMPARE(operations(a.key), qint64(1));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.movements WHERE key = ?::uuid"), {a.key.toString()}), qint64(1));
    }

    void oneKeyFromManyThreadsHasOneEffect()
    {
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("1001"), 100000);
        const Action a = makeAction(ActionKind::Withdrawal, QStringLiteral("1001"), 2500);
        constexpr int threads = 16;

        const auto outcomes = runOnThreads<Outcome>(threads, [&](int, const std::function<void()> &startLine) {
            return executeAs(m_db, QStringLiteral("t_teller1"), a, startLine);
        });

        int fresh = 0;
        QSet<qint64> operationIds;
        for (const Outcome &o : outcomes) {
            QVERIFY2(o.status == OutcomeStatus::Completed, qPrintable(outcomeStatusName(o.status) + u' ' + o.message));
            QCOMPARE(o.balanceAfter->minorUnits(), qint64(97500));
            operationIds.insert(o.operationId);
            if (!o.replayed)
                ++fresh;
        }
        QCOMPARE(fresh, 1);
        QCOMPARE(operationIds.size(), 1);
        QCOMPARE(sql.balance(QStringLiteral("1001")), qint64(97500));
        QCOMPARE(operations(a.key), qint64(1));
        qInfo("%d threads submitted one key: 1 execution, %d replays", threads, threads - fresh);
    }

    void keyReusedWithAnotherAmountChangesNothing()
    {
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("1001"), 100000);
        const Action a = makeAction(ActionKind::Withdrawal, QStringLiteral("1001"), 1000);
        QCOMPARE(run(a).status, OutcomeStatus::Completed);

        Action reused = makeAction(ActionKind::Withdrawal, QStringLiteral("1001"), 1100);
        reused.key = a.key;
        const Outcome o = run(reused);
        QCOMPARE(outcomeStatusName(o.status), QStringLiteral("key_reused"));
        QVERIFY(!o.balanceAfter); // nothing about the other operation leaks
        QVERIFY(o.isDefinitive());
        QCOMPARE(o.attempts, 1); // not retried
        QCOMPARE(sql.balance(QStringLiteral("1001")), qint64(99000));
        QCOMPARE(operations(a.key), qint64(1));

        // Another account or kind with the same key: the same answer.
        Action otherKind = makeAction(ActionKind::Deposit, QStringLiteral("1001"), 1000);
        otherKind.key = a.key;
        QCOMPARE(run(otherKind).status, OutcomeStatus::KeyReused);
        QCOMPARE(sql.balance(QStringLiteral("1001")), qint64(99000));
    }

    void keyReusedConcurrentlyHasOneEffect()
    {
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("1001"), 100000);
        sql.openAccount(QStringLiteral("1002"), 100000);
        const IdempotencyKey key = IdempotencyKey::generate();
        const auto outcomes = runOnThreads<Outcome>(16, [&](int i, const std::function<void()> &startLine) {
            // Half ask for 10.00 from 1001, half for 20.00 from 1002, all under one key.
            Action a = makeAction(ActionKind::Withdrawal, i % 2 ? QStringLiteral("1001") : QStringLiteral("1002"), i % 2 ? 1000 : 2000);
            a.key = key;
            return executeAs(m_db, QStringLiteral("t_teller1"), a, startLine);
        });
        int completed = 0, reused = 0, fresh = 0;
        for (const Outcome &o : outcomes) {
            if (o.status == OutcomeStatus::Completed) {
                ++completed;
                fresh += o.replayed ? 0 : 1;
            } else if (o.status == OutcomeStatus::KeyReused) {
                ++reused;
            } else {
                QFAIL(qPrintable(QStringLiteral("unexpected outcome %1: %2").arg(outcomeStatusName(o.status), o.message)));
            }
        }
        QCOMPARE(completed, 8);
        QCOMPARE(reused, 8);
        QCOMPARE(fresh, 1);
        QCOMPARE(operations(key), qint64(1));
        QCOMPARE(sql.balance(QStringLiteral("1001")) + sql.balance(QStringLiteral("1002")),
                 qint64(200000)
                     - sql.count(QStringLiteral("SELECT amount FROM teller.operations WHERE key = ?::uuid"), {key.toString()}));
    }

    void rejectionIsRecordedAndReplayedAfterADeposit()
    {
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("1001"), 500);
        const Action withdrawal = makeAction(ActionKind::Withdrawal, QStringLiteral("1001"), 1000);
        const Outcome rejected = run(withdrawal);
        QCOMPARE(outcomeStatusName(rejected.status), QStringLiteral("rejected"));
        QCOMPARE(rejected.reason, QStringLiteral("insufficient_funds"));

        QCOMPARE(run(makeAction(ActionKind::Deposit, QStringLiteral("1001"), 100000)).status, OutcomeStatus::Completed);

        // An hour later, after the deposit: the same key must not suddenly pay out.
        const Outcome retried = run(withdrawal);
        QCOMPARE(outcomeStatusName(retried.status), QStringLiteral("rejected"));
        QCOMPARE(retried.reason, QStringLiteral("insufficient_funds"));
        QVERIFY(retried.replayed);
        QCOMPARE(sql.balance(QStringLiteral("1001")), qint64(100500));
    }

    void unknownAccountRejectionIsRecorded()
    {
        Sql sql(m_db);
        const Action a = makeAction(ActionKind::Withdrawal, QStringLiteral("7777"), 1000);
        const Outcome first = run(a);
        QCOMPARE(first.status, OutcomeStatus::Rejected);
        QCOMPARE(first.reason, QStringLiteral("unknown_account"));

        sql.openAccount(QStringLiteral("7777"), 100000);
        const Outcome again = run(a);
        QCOMPARE(again.status, OutcomeStatus::Rejected);
        QCOMPARE(again.reason, QStringLiteral("unknown_account"));
        QVERIFY(again.replayed);
        QCOMPARE(sql.balance(QStringLiteral("7777")), qint64(100000));
    }

    void anotherLoginCannotUseAKey()
    {
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("1001"), 100000);
        const Action a = makeAction(ActionKind::Withdrawal, QStringLiteral("1001"), 1000);
        QCOMPARE(run(a, QStringLiteral("t_teller1")).status, OutcomeStatus::Completed);
        QCOMPARE(run(a, QStringLiteral("t_teller2")).status, OutcomeStatus::KeyReused);
        QCOMPARE(sql.balance(QStringLiteral("1001")), qint64(99000));
    }

    void statusTellsTheRecord()
    {
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("1001"), 100000);
        DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1")), SessionOptions{});
        QVERIFY(session.open());
        ActionExecutor executor(session);
        const Action a = makeAction(ActionKind::Withdrawal, QStringLiteral("1001"), 1234);

        const Outcome before = executor.status(a.key);
        QCOMPARE(outcomeStatusName(before.status), QStringLiteral("unknown"));
        QCOMPARE(sql.balance(QStringLiteral("1001")), qint64(100000));

        const Outcome done = executor.execute(a);
        QCOMPARE(done.status, OutcomeStatus::Completed);
        const Outcome after = executor.status(a.key);
        QCOMPARE(after.status, OutcomeStatus::Completed);
        QVERIFY(after.replayed);
        QCOMPARE(after.operationId, done.operationId);
        QCOMPARE(after.amount->toCanonical(), QStringLiteral("12.34"));
    }

    void serverRefusesAForgedFingerprint()
    {
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("1001"), 100000);
        // Straight to the function, as a teller could from psql, claiming the fingerprint of a
        // smaller amount: refused, nothing recorded.
        const Action small = makeAction(ActionKind::Withdrawal, QStringLiteral("1001"), 100);
        DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1")), SessionOptions{});
        QVERIFY(session.open());
        QSqlQuery q(session.database());
        q.prepare(QStringLiteral("SELECT status FROM teller.perform_action(?::uuid, 'withdrawal', '1001', NULL, 90000, "
                                 "'EUR', decode(?, 'hex'), 'psql', NULL)"));
        q.addBindValue(small.key.toString());
        q.addBindValue(QString::fromLatin1(small.request.fingerprint().toHex()));
        QVERIFY(!q.exec());
        QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("22023"));
        QCOMPARE(sql.balance(QStringLiteral("1001")), qint64(100000));
        QCOMPARE(operations(small.key), qint64(0));
    }

    // A status question or an abandon that gets no answer from the server (here: a wrong
    // password) says nothing about the action: its journal entry stays open. A definitive
    // failure of a fresh action closes its entry (nothing happened anywhere); the same failure
    // after an earlier attempt was left in doubt does not.
    void aFailedQuestionNeverClosesAJournalEntry()
    {
        QTemporaryDir dir;
        Journal journal(dir.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(journal.open());
        ConnectionSettings wrong = PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1"));
        wrong.set(QStringLiteral("password"), QStringLiteral("not-the-password"));
        DbSession session(wrong, SessionOptions{});
        ActionExecutor executor(session);
        const QString login = QStringLiteral("t_teller1"), database = QStringLiteral("db");
        executor.setJournal(&journal, login, database, {});

        const Action doubtful = makeAction(ActionKind::Withdrawal, QStringLiteral("1001"), 100);
        QVERIFY(journal.record(doubtful, login, database, QStringLiteral("ws")));
        Outcome inDoubt;
        inDoubt.key = doubtful.key;
        inDoubt.status = OutcomeStatus::InDoubt;
        QVERIFY(journal.update(doubtful.key, inDoubt));

        QCOMPARE(executor.status(doubtful.key).status, OutcomeStatus::Error);
        QCOMPARE(executor.abandon(doubtful.key).status, OutcomeStatus::Error);
        QCOMPARE(executor.execute(doubtful).status, OutcomeStatus::Error);
        auto open = journal.openEntries(login, database);
        QVERIFY(open);
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->first().key, doubtful.key);

        const Action fresh = makeAction(ActionKind::Withdrawal, QStringLiteral("1001"), 200);
        QCOMPARE(executor.execute(fresh).status, OutcomeStatus::Error);
        open = journal.openEntries(login, database);
        QVERIFY(open);
        QCOMPARE(open->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestIdempotency)
#include "tst_idempotency.moc"
