// Four eyes: above a teller's limit the amount is held; a supervisor approves or rejects; the
// database refuses tellers and self-approval; one decision wins under concurrency; holds
// expire. Every rule here would fail its test if the rule were removed.
#include "PgTestServer.h"
#include "Workers.h"

#include "Accounts.h"
#include "ActionExecutor.h"
#include "DbSession.h"
#include "Events.h"
#include "Supervision.h"

#include <QSqlDriver>
#include <QTest>

using namespace teller;

class TestApprovals : public QObject
{
    Q_OBJECT

    QString m_db;

    Outcome as(const QString &login, const Action &a) { return executeAs(m_db, login, a); }

    Result<Decision> decideAs(const QString &login, const IdempotencyKey &key, bool approve, const QString &note = {})
    {
        DbSession session(PgTestServer::instance().staff(m_db, login), SessionOptions{});
        if (auto ok = session.open(); !ok)
            return fail(ok.error());
        Supervision supervision(session);
        return supervision.decide(key, approve, note);
    }

    // A withdrawal by t_limited (limit 100.00) that waits for approval.
    Action pendingWithdrawal(const QString &account, qint64 amount)
    {
        const Action a = makeAction(ActionKind::Withdrawal, account, amount);
        const Outcome o = as(QStringLiteral("t_limited"), a);
        if (o.status != OutcomeStatus::PendingApproval)
            qFatal("expected pending_approval, got %s %s", qPrintable(outcomeStatusName(o.status)), qPrintable(o.message));
        return a;
    }

private Q_SLOTS:
    void init()
    {
        m_db = PgTestServer::instance().createDatabase();
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("6001"), 100000);
        sql.openAccount(QStringLiteral("6002"), 100000);
    }
    void cleanup()
    {
        Sql sql(m_db);
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void aboveTheLimitIsHeldNotDebited()
    {
        const Action within = makeAction(ActionKind::Withdrawal, QStringLiteral("6001"), 10000);
        QCOMPARE(as(QStringLiteral("t_limited"), within).status, OutcomeStatus::Completed); // exactly the limit
        const Action above = makeAction(ActionKind::Withdrawal, QStringLiteral("6001"), 10001);
        const Outcome o = as(QStringLiteral("t_limited"), above);
        QCOMPARE(outcomeStatusName(o.status), QStringLiteral("pending_approval"));
        QCOMPARE(o.balanceAfter->minorUnits(), qint64(90000));   // nothing debited
        QCOMPARE(o.availableAfter->minorUnits(), qint64(79999)); // but held
        Sql sql(m_db);
        QCOMPARE(sql.count(QStringLiteral("SELECT held FROM teller.accounts WHERE number = '6001'")), qint64(10001));
        // Asked again, the same key says the same; a deposit above the limit waits too (it puts
        // cash into the till), and holds nothing meanwhile.
        QCOMPARE(as(QStringLiteral("t_limited"), above).status, OutcomeStatus::PendingApproval);
        QCOMPARE(as(QStringLiteral("t_limited"), makeAction(ActionKind::Deposit, QStringLiteral("6001"), 1000000)).status,
                 OutcomeStatus::PendingApproval);
        QCOMPARE(sql.count(QStringLiteral("SELECT held FROM teller.accounts WHERE number = '6001'")), qint64(10001));
    }

    void tellersCannotDecide()
    {
        const Action a = pendingWithdrawal(QStringLiteral("6001"), 20000);
        for (const char *login : {"t_teller1", "t_limited", "t_admin"}) {
            auto d = decideAs(QString::fromLatin1(login), a.key, true);
            QVERIFY2(!d, login);
            QCOMPARE(d.error().sqlState, QStringLiteral("42501"));
        }
        Sql sql(m_db);
        QCOMPARE(sql.value(QStringLiteral("SELECT status FROM teller.operations WHERE key = ?::uuid"), {a.key.toString()}).toString(),
                 QStringLiteral("pending_approval"));
        QCOMPARE(sql.balance(QStringLiteral("6001")), qint64(100000));
    }

    void nobodyDecidesTheirOwnOperation()
    {
        Sql sql(m_db);
        SQL_VERIFY(sql, QStringLiteral("UPDATE teller.staff SET approval_limit = 1000 WHERE login = 't_super2'"));
        const Action own = makeAction(ActionKind::Withdrawal, QStringLiteral("6002"), 5000);
        QCOMPARE(as(QStringLiteral("t_super2"), own).status, OutcomeStatus::PendingApproval);
        auto self = decideAs(QStringLiteral("t_super2"), own.key, true);
        QVERIFY(!self);
        QCOMPARE(self.error().sqlState, QStringLiteral("42501"));
        QVERIFY2(self.error().message.contains(QLatin1String("their own")), qPrintable(self.error().message));
        auto other = decideAs(QStringLiteral("t_super"), own.key, true, QStringLiteral("checked ID"));
        QVERIFY2(other, other ? "" : qPrintable(other.error().message));
        QVERIFY(other->decidedNow);
        QCOMPARE(other->status, OutcomeStatus::Completed);
        QCOMPARE(sql.balance(QStringLiteral("6002")), qint64(95000));
    }

    void reversalsAreOnceFourEyesAndNeverByTheRequester()
    {
        Sql sql(m_db);
        const auto till = [&](const char *login) {
            return sql.count(
                QStringLiteral("SELECT balance FROM teller.accounts WHERE kind = 'till' AND owner = ? AND currency = 'EUR'"),
                {QString::fromLatin1(login)});
        };
        const qint64 tillBefore = till("t_teller1");
        const Action deposit = makeAction(ActionKind::Deposit, QStringLiteral("6001"), 6000);
        QCOMPARE(as(QStringLiteral("t_teller1"), deposit).status, OutcomeStatus::Completed);
        QCOMPARE(till("t_teller1"), tillBefore + 6000);

        // A supervisor asks: it waits, the customer's 60.00 is held, nothing is edited.
        DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("t_super")), SessionOptions{});
        QVERIFY(session.open());
        ActionExecutor executor(session);
        const IdempotencyKey key = IdempotencyKey::generate();
        const Outcome asked = executor.requestReversal(key, deposit.key, QStringLiteral("paid into the wrong account"));
        QCOMPARE(asked.status, OutcomeStatus::PendingApproval);
        QCOMPARE(sql.count(QStringLiteral("SELECT held FROM teller.accounts WHERE number = '6001'")), qint64(6000));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid AND status = 'completed'"),
                           {deposit.key.toString()}),
                 qint64(1));
        // The same key again is the same request; another key for the same original is refused.
        QCOMPARE(executor.requestReversal(key, deposit.key, QStringLiteral("paid into the wrong account")).replayed, true);
        const Outcome twice = executor.requestReversal(IdempotencyKey::generate(), deposit.key, QStringLiteral("again"));
        QCOMPARE(twice.status, OutcomeStatus::Rejected);
        QCOMPARE(twice.reason, QStringLiteral("already_reversed"));

        // Never by the requester, never by a teller; a second supervisor approves.
        auto self = decideAs(QStringLiteral("t_super"), key, true);
        QVERIFY(!self);
        QCOMPARE(self.error().sqlState, QStringLiteral("42501"));
        QVERIFY(!decideAs(QStringLiteral("t_teller1"), key, true));
        auto approved = decideAs(QStringLiteral("t_super2"), key, true, QStringLiteral("checked the slip"));
        QVERIFY2(approved, approved ? "" : qPrintable(approved.error().message));
        QCOMPARE(approved->status, OutcomeStatus::Completed);
        // The sides swapped: the customer's money goes back out of the till it came into.
        QCOMPARE(sql.balance(QStringLiteral("6001")), qint64(100000));
        QCOMPARE(till("t_teller1"), tillBefore);
        QCOMPARE(sql.count(QStringLiteral("SELECT held FROM teller.accounts WHERE number = '6001'")), qint64(0));
        // The account's history as the window shows it: the reversal took the 60.00 back out.
        {
            AccountDirectory directory(session);
            auto account = directory.find(QStringLiteral("6001"));
            QVERIFY(account && *account);
            auto recent = directory.recentOperations(**account, 10);
            QVERIFY2(recent, recent ? "" : qPrintable(recent.error().message));
            const auto byKey = [&](const IdempotencyKey &k) -> const OperationInfo * {
                for (const OperationInfo &op : *recent) {
                    if (op.key == k.toString())
                        return &op;
                }
                return nullptr;
            };
            const OperationInfo *reversal = byKey(key), *original = byKey(deposit.key), *refused = byKey(twice.key);
            QVERIFY(reversal && original && refused);
            QCOMPARE(reversal->kind, ActionKind::Reversal);
            QCOMPARE(reversal->amount.minorUnits(), qint64(-6000));
            QVERIFY(reversal->balanceAfter);
            QCOMPARE(reversal->balanceAfter->minorUnits(), qint64(100000));
            QCOMPARE(original->kind, ActionKind::Deposit);
            QCOMPARE(original->amount.minorUnits(), qint64(6000));
            QVERIFY(original->balanceAfter);
            QCOMPARE(original->balanceAfter->minorUnits(), qint64(106000));
            QCOMPARE(refused->status, OutcomeStatus::Rejected);
            QVERIFY(!refused->balanceAfter);
        }

        // Once only, also after the approval; a reversal itself is not reversed.
        const Outcome again = executor.requestReversal(IdempotencyKey::generate(), deposit.key, QStringLiteral("once more"));
        QCOMPARE(again.reason, QStringLiteral("already_reversed"));
        const Outcome ofReversal = executor.requestReversal(IdempotencyKey::generate(), key, QStringLiteral("undo the undo"));
        QCOMPARE(ofReversal.status, OutcomeStatus::Error);

        // A rejected reversal leaves the original as it was, and it can be asked for again.
        const Action transfer = makeAction(ActionKind::Transfer, QStringLiteral("6001"), 2500, QStringLiteral("6002"));
        QCOMPARE(as(QStringLiteral("t_teller2"), transfer).status, OutcomeStatus::Completed);
        const IdempotencyKey first = IdempotencyKey::generate();
        QCOMPARE(executor.requestReversal(first, transfer.key, QStringLiteral("wrong payee")).status, OutcomeStatus::PendingApproval);
        QVERIFY(decideAs(QStringLiteral("t_super2"), first, false, QStringLiteral("the customer confirmed the payee")));
        QCOMPARE(sql.balance(QStringLiteral("6002")), qint64(102500));
        const IdempotencyKey second = IdempotencyKey::generate();
        QCOMPARE(executor.requestReversal(second, transfer.key, QStringLiteral("wrong payee after all")).status,
                 OutcomeStatus::PendingApproval);
        QVERIFY(decideAs(QStringLiteral("t_super2"), second, true));
        QCOMPARE(sql.balance(QStringLiteral("6001")), qint64(100000));
        QCOMPARE(sql.balance(QStringLiteral("6002")), qint64(100000));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE kind = 'reversal' AND status = 'completed'")),
                 qint64(2));
    }

    void approvalPostsTheDebitAndTheTellerSeesIt()
    {
        const Action a = pendingWithdrawal(QStringLiteral("6001"), 25000);
        auto d = decideAs(QStringLiteral("t_super"), a.key, true);
        QVERIFY(d && d->decidedNow);
        Sql sql(m_db);
        QCOMPARE(sql.balance(QStringLiteral("6001")), qint64(75000));
        QCOMPARE(sql.count(QStringLiteral("SELECT held FROM teller.accounts WHERE number = '6001'")), qint64(0));
        const Outcome now = as(QStringLiteral("t_limited"), a); // the teller asks again with the key
        QCOMPARE(outcomeStatusName(now.status), QStringLiteral("completed"));
        QVERIFY(now.replayed);
        QCOMPARE(now.balanceAfter->minorUnits(), qint64(75000));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.audit_log WHERE action = 'approve' AND subject = ?"),
                           {a.key.toString()}),
                 qint64(1));
        // A decided operation cannot be decided again.
        auto again = decideAs(QStringLiteral("t_super2"), a.key, false, QStringLiteral("too late"));
        QVERIFY(again);
        QVERIFY(!again->decidedNow);
        QCOMPARE(again->decidedBy, QStringLiteral("t_super"));
        QCOMPARE(sql.balance(QStringLiteral("6001")), qint64(75000));
    }

    void rejectionReleasesTheHoldAndNeedsAReason()
    {
        const Action a = makeAction(ActionKind::Transfer, QStringLiteral("6001"), 30000, QStringLiteral("6002"));
        QCOMPARE(as(QStringLiteral("t_limited"), a).status, OutcomeStatus::PendingApproval);
        QVERIFY(!decideAs(QStringLiteral("t_super"), a.key, false, QStringLiteral("  ")));
        auto d = decideAs(QStringLiteral("t_super"), a.key, false, QStringLiteral("customer could not identify"));
        QVERIFY(d && d->decidedNow);
        QCOMPARE(d->status, OutcomeStatus::Rejected);
        const Outcome now = as(QStringLiteral("t_limited"), a);
        QCOMPARE(outcomeStatusName(now.status), QStringLiteral("rejected"));
        QCOMPARE(now.reason, QStringLiteral("supervisor_rejected"));
        Sql sql(m_db);
        QCOMPARE(sql.balance(QStringLiteral("6001")), qint64(100000));
        QCOMPARE(sql.balance(QStringLiteral("6002")), qint64(100000));
        QCOMPARE(sql.count(QStringLiteral("SELECT held FROM teller.accounts WHERE number = '6001'")), qint64(0));
    }

    void heldAmountCannotBeSpentByConcurrentActions()
    {
        // 1000.00 on the account, 900.00 held for approval: of 16 concurrent withdrawals of
        // 20.00, exactly 5 fit; then the approval still has its money.
        const Action held = pendingWithdrawal(QStringLiteral("6001"), 90000);
        const auto outcomes = runOnThreads<Outcome>(16, [&](int i, const std::function<void()> &startLine) {
            return executeAs(m_db, QStringLiteral("t_teller%1").arg(1 + i % 3),
                             makeAction(ActionKind::Withdrawal, QStringLiteral("6001"), 2000), startLine);
        });
        int completed = 0, rejected = 0;
        for (const Outcome &o : outcomes) {
            completed += o.status == OutcomeStatus::Completed;
            rejected += o.status == OutcomeStatus::Rejected && o.reason == u"insufficient_funds";
        }
        QCOMPARE(completed, 5);
        QCOMPARE(rejected, 11);
        auto d = decideAs(QStringLiteral("t_super"), held.key, true);
        QVERIFY(d && d->decidedNow && d->status == OutcomeStatus::Completed);
        Sql sql(m_db);
        QCOMPARE(sql.balance(QStringLiteral("6001")), qint64(0));
    }

    void oneDecisionWinsUnderConcurrency()
    {
        const Action a = pendingWithdrawal(QStringLiteral("6002"), 40000);
        constexpr int deciders = 16;
        const auto decisions = runOnThreads<Result<Decision>>(deciders, [&](int i, const std::function<void()> &startLine) {
            DbSession session(PgTestServer::instance().staff(m_db, i % 2 ? QStringLiteral("t_super") : QStringLiteral("t_super2")),
                              SessionOptions{});
            const bool opened = bool(session.open());
            startLine();
            if (!opened)
                return Result<Decision>(fail(Error::internal(QStringLiteral("no connection"))));
            Supervision supervision(session);
            return supervision.decide(a.key, i % 4 < 2, QStringLiteral("decision %1").arg(i));
        });
        int winners = 0;
        QString winner;
        OutcomeStatus status = OutcomeStatus::Unknown;
        for (const auto &d : decisions) {
            QVERIFY2(d, d ? "" : qPrintable(d.error().message));
            if (d->decidedNow) {
                ++winners;
                winner = d->decidedBy;
                status = d->status;
            }
        }
        QCOMPARE(winners, 1);
        for (const auto &d : decisions) {
            QCOMPARE(d->decidedBy, winner); // the others are told who decided
            QCOMPARE(d->status, status);    // and how
        }
        Sql sql(m_db);
        QCOMPARE(sql.balance(QStringLiteral("6002")), status == OutcomeStatus::Completed ? qint64(60000) : qint64(100000));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.audit_log WHERE action IN ('approve', 'reject') AND subject = ?"),
                           {a.key.toString()}),
                 qint64(1));
        qInfo("%d concurrent decisions: one %s by %s", deciders, qPrintable(outcomeStatusName(status)), qPrintable(winner));
    }

    void holdsExpire()
    {
        Sql sql(m_db);
        const Action a = pendingWithdrawal(QStringLiteral("6001"), 95000);
        // The approval does not come in time.
        SQL_VERIFY(sql, QStringLiteral(
                            "UPDATE teller.operations SET expires_at = now() - interval '1 second' WHERE status = 'pending_approval'"));
        DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("t_super")), SessionOptions{});
        QVERIFY(session.open());
        Supervision supervision(session);
        auto expired = supervision.expireHolds();
        QVERIFY(expired);
        QCOMPARE(*expired, 1);
        QCOMPARE(sql.count(QStringLiteral("SELECT held FROM teller.accounts WHERE number = '6001'")), qint64(0));
        const Outcome now = as(QStringLiteral("t_limited"), a);
        QCOMPARE(outcomeStatusName(now.status), QStringLiteral("expired"));
        auto late = supervision.decide(a.key, true, {});
        QVERIFY(late);
        QVERIFY(!late->decidedNow);
        QCOMPARE(late->status, OutcomeStatus::Expired);
        QCOMPARE(sql.balance(QStringLiteral("6001")), qint64(100000));

        // Without anybody running the expiry, a hold past its time does not block the account:
        // the next debit releases it under the account's lock.
        pendingWithdrawal(QStringLiteral("6002"), 95000);
        SQL_VERIFY(sql, QStringLiteral(
                            "UPDATE teller.operations SET expires_at = now() - interval '1 second' WHERE status = 'pending_approval'"));
        QCOMPARE(as(QStringLiteral("t_teller1"), makeAction(ActionKind::Withdrawal, QStringLiteral("6002"), 90000)).status,
                 OutcomeStatus::Completed);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE status = 'expired'")), qint64(2));
    }

    // What changed is recorded on the server (teller.events) and read by cursor; the NOTIFY
    // teller_events the client sends after its commit only says "read now".
    void decisionsAreAnnounced()
    {
        DbSession listener(PgTestServer::instance().staff(m_db, QStringLiteral("t_super")), SessionOptions{});
        QVERIFY(listener.open());
        int hints = 0;
        QSqlDriver *driver = listener.database().driver();
        connect(driver, &QSqlDriver::notification, this, [&](const QString &channel, QSqlDriver::NotificationSource, const QVariant &) {
            if (channel == QString::fromUtf16(EventHintChannel))
                ++hints;
        });
        QVERIFY(driver->subscribeToNotification(QString::fromUtf16(EventHintChannel)));
        EventFeed feed(listener);
        QVERIFY(feed.poll()); // where the events end now
        const Action a = pendingWithdrawal(QStringLiteral("6001"), 12345);
        QTRY_COMPARE(hints, 1);
        auto events = feed.poll();
        QVERIFY(events);
        QCOMPARE(events->size(), 1);
        QCOMPARE(events->first().key, a.key.toString());
        QCOMPARE(events->first().status, QStringLiteral("pending_approval"));
        QCOMPARE(events->first().initiatedBy, QStringLiteral("t_limited"));
        QVERIFY(decideAs(QStringLiteral("t_super2"), a.key, true));
        QTRY_COMPARE(hints, 2);
        events = feed.poll();
        QVERIFY(events);
        QCOMPARE(events->size(), 1);
        QCOMPARE(events->first().status, QStringLiteral("completed"));
        QVERIFY(events->first().operationEvent());
        QCOMPARE(events->first().operationEvent()->status, OutcomeStatus::Completed);
        // Only a prompt: who decided comes from the server's record.
        DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("t_limited")), SessionOptions{});
        QVERIFY(session.open());
        const Outcome status = ActionExecutor(session).status(a.key);
        QCOMPARE(status.status, OutcomeStatus::Completed);
        QCOMPARE(status.decidedBy, QStringLiteral("t_super2"));
        QCOMPARE(status.initiatedBy, QStringLiteral("t_limited"));
    }

    void aRejectionReasonComesWithTheStatus()
    {
        const Action a = pendingWithdrawal(QStringLiteral("6002"), 54321);
        QVERIFY(decideAs(QStringLiteral("t_super"), a.key, false, QStringLiteral("ID looked wrong")));
        DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("t_limited")), SessionOptions{});
        QVERIFY(session.open());
        const Outcome status = ActionExecutor(session).status(a.key);
        QCOMPARE(status.status, OutcomeStatus::Rejected);
        QCOMPARE(status.decidedBy, QStringLiteral("t_super"));
        QCOMPARE(status.decisionNote, QStringLiteral("ID looked wrong"));
    }
};

QTEST_GUILESS_MAIN(TestApprovals)
#include "tst_approvals.moc"
