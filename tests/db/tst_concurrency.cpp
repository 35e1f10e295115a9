// Many tellers withdrawing from one account at once: exactly the affordable number succeed,
// the balance never crosses its floor, balances equal their ledger. Under READ COMMITTED (the
// default) and SERIALIZABLE. Sixteen tellers with a till each, while supervisors move cash
// between the vault and their tills: no till pays out more than it holds, every till ends with
// exactly what its own movements say, and per currency the ledger sums to zero.
#include "PgTestServer.h"
#include "Workers.h"

#include "ActionExecutor.h"
#include "Administration.h"
#include "DbSession.h"

#include <QElapsedTimer>
#include <QTest>

#include <array>
#include <atomic>

using namespace teller;

class TestConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { PgTestServer::instance(); }

    void concurrentWithdrawalsNeverOverdraw_data()
    {
        QTest::addColumn<int>("isolation");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("perThread");
        QTest::addColumn<qint64>("balance");
        QTest::addColumn<qint64>("floor");
        QTest::addColumn<qint64>("amount");

        const int rc = int(Isolation::ReadCommitted), ser = int(Isolation::Serializable);
        // 16 x 150.00 against 1000.00: 6 fit.
        QTest::addRow("read committed, 16 threads") << rc << 16 << 1 << qint64(100000) << qint64(0) << qint64(15000);
        // With an overdraft of 200.00: 8 fit.
        QTest::addRow("read committed, overdraft floor") << rc << 16 << 1 << qint64(100000) << qint64(-20000) << qint64(15000);
        // 32 threads x 5 withdrawals of 7.00 against 500.00: 71 fit.
        QTest::addRow("read committed, 32 threads x 5") << rc << 32 << 5 << qint64(50000) << qint64(0) << qint64(700);
        QTest::addRow("serializable, 16 threads") << ser << 16 << 1 << qint64(100000) << qint64(0) << qint64(15000);
        QTest::addRow("serializable, 16 threads x 3") << ser << 16 << 3 << qint64(100000) << qint64(-5000) << qint64(2500);
    }

    void concurrentWithdrawalsNeverOverdraw()
    {
        QFETCH(int, isolation);
        QFETCH(int, threads);
        QFETCH(int, perThread);
        QFETCH(qint64, balance);
        QFETCH(qint64, floor);
        QFETCH(qint64, amount);

        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        sql.openAccount(QStringLiteral("5001"), balance, QStringLiteral("EUR"), floor);
        const qint64 affordable = std::min<qint64>(threads * perThread, (balance - floor) / amount);

        SessionOptions options;
        options.isolation = Isolation(isolation);
        options.workstation = QStringLiteral("concurrency");
        RetryPolicy policy;
        // Under SERIALIZABLE every concurrent writer of the row but one fails and retries:
        // give it room, the retries are what is being tested.
        policy.maxRetries = 200;
        policy.baseDelay = std::chrono::milliseconds(2);
        policy.maxDelay = std::chrono::milliseconds(100);
        policy.totalBudget = std::chrono::seconds(120);

        QElapsedTimer timer;
        timer.start();
        struct Tally
        {
            int completed = 0, rejected = 0, other = 0, attempts = 0;
            QString unexpected;
        };
        const auto tallies = runOnThreads<Tally>(threads, [&](int i, const std::function<void()> &startLine) {
            Tally t;
            DbSession session(PgTestServer::instance().staff(db, QStringLiteral("t_teller%1").arg(1 + i % 3)), options);
            auto opened = session.open();
            startLine();
            if (!opened) {
                t.unexpected = opened.error().message;
                return t;
            }
            ActionExecutor executor(session, policy);
            for (int n = 0; n < perThread; ++n) {
                const Outcome o = executor.execute(makeAction(ActionKind::Withdrawal, QStringLiteral("5001"), amount));
                t.attempts += o.attempts;
                if (o.status == OutcomeStatus::Completed) {
                    ++t.completed;
                } else if (o.status == OutcomeStatus::Rejected && o.reason == u"insufficient_funds") {
                    ++t.rejected;
                } else {
                    ++t.other;
                    t.unexpected = outcomeStatusName(o.status) + u' ' + o.reason + u' ' + o.message;
                }
            }
            return t;
        });
        const qint64 elapsed = timer.elapsed();

        int completed = 0, rejected = 0, attempts = 0;
        for (const Tally &t : tallies) {
            QVERIFY2(t.other == 0 && t.unexpected.isEmpty(), qPrintable(t.unexpected));
            completed += t.completed;
            rejected += t.rejected;
            attempts += t.attempts;
        }
        QCOMPARE(qint64(completed), affordable);
        QCOMPARE(completed + rejected, threads * perThread);
        QCOMPARE(sql.balance(QStringLiteral("5001")), balance - affordable * amount);
        QVERIFY(sql.balance(QStringLiteral("5001")) >= floor);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE status = 'completed' AND kind = 'withdrawal'")),
                 affordable);
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
        qInfo("%s: %d withdrawals on %d connections: %d completed, %d rejected, %d attempts, %lld ms", QTest::currentDataTag(),
              threads * perThread, threads, completed, rejected, attempts, elapsed);
    }

    void mixedTrafficKeepsEveryInvariant()
    {
        // Deposits, withdrawals and transfers over a few accounts from 16 connections.
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        const QStringList accounts{QStringLiteral("6001"), QStringLiteral("6002"), QStringLiteral("6003"), QStringLiteral("6004")};
        for (const QString &a : accounts)
            sql.openAccount(a, 20000, QStringLiteral("EUR"), a == u"6004" ? -5000 : 0);
        const qint64 before = sql.count(QStringLiteral("SELECT sum(balance) FROM teller.accounts WHERE kind = 'customer'"));

        RetryPolicy policy;
        policy.maxRetries = 20;
        const auto results = runOnThreads<qint64>(16, [&](int i, const std::function<void()> &startLine) {
            DbSession session(PgTestServer::instance().staff(db, QStringLiteral("t_teller%1").arg(1 + i % 3)), SessionOptions{});
            auto opened = session.open();
            startLine();
            if (!opened)
                return qint64(-1000000000);
            ActionExecutor executor(session, policy);
            qint64 netDeposits = 0;
            for (int n = 0; n < 25; ++n) {
                const QString a = accounts.at((i + n) % 4), b = accounts.at((i + 2 * n + 1) % 4);
                const qint64 amount = 100 + (i * 37 + n * 11) % 900;
                const int kind = (i + n) % 3;
                const Action action = kind == 0   ? makeAction(ActionKind::Deposit, a, amount)
                                      : kind == 1 ? makeAction(ActionKind::Withdrawal, a, amount)
                                      : a != b    ? makeAction(ActionKind::Transfer, a, amount, b)
                                                  : makeAction(ActionKind::Deposit, a, amount);
                const Outcome o = executor.execute(action);
                if (o.status == OutcomeStatus::Completed) {
                    if (action.request.kind() == ActionKind::Deposit)
                        netDeposits += amount;
                    else if (action.request.kind() == ActionKind::Withdrawal)
                        netDeposits -= amount;
                } else if (o.status != OutcomeStatus::Rejected) {
                    return qint64(-1000000000);
                }
            }
            return netDeposits;
        });
        qint64 net = 0;
        for (qint64 r : results) {
            QVERIFY(r > -1000000000);
            net += r;
        }
        QCOMPARE(sql.count(QStringLiteral("SELECT sum(balance) FROM teller.accounts WHERE kind = 'customer'")), before + net);
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void sixteenTillsUnderLoad()
    {
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        // Sixteen tellers of their own (roles are cluster-wide: the names are this test's).
        QStringList tellers;
        {
            DbSession owner(PgTestServer::instance().superuser(db), SessionOptions{});
            QVERIFY(owner.open(DbSession::SchemaCheck::Skip));
            Administration admin(owner);
            for (int i = 1; i <= 16; ++i) {
                tellers << QStringLiteral("t_cash%1").arg(i, 2, 10, QLatin1Char('0'));
                auto added = admin.addStaff(tellers.last(), tellers.last(), StaffRole::Teller, std::nullopt,
                                            QString::fromUtf16(PgTestServer::Password), {}, true);
                QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
            }
        }
        // Each till starts with 300.00: little enough that some withdrawals find it short.
        constexpr qint64 startCash = 30000;
        PgTestServer::instance().openTills(db, tellers, startCash);
        const QStringList accounts{QStringLiteral("7001"), QStringLiteral("7002"), QStringLiteral("7003"),
                                   QStringLiteral("7004"), QStringLiteral("7005"), QStringLiteral("7006")};
        for (const QString &a : accounts)
            sql.openAccount(a, 500000);
        const qint64 customersBefore = sql.count(QStringLiteral("SELECT sum(balance) FROM teller.accounts WHERE kind = 'customer'"));

        RetryPolicy policy;
        policy.maxRetries = 50;
        policy.totalBudget = std::chrono::seconds(60);
        struct Tally
        {
            qint64 tillDelta = 0; // what this teller's own operations did to the till
            qint64 customerDelta = 0;
            int completed = 0, shortOfCash = 0, shortOfFunds = 0;
            QString unexpected;
        };
        // Threads 0..15 are the tellers; 16 and 17 are supervisors moving cash between the vault
        // and random tills; their tally's tillDelta is kept per till below.
        std::array<std::atomic<qint64>, 16> vaultMoves{};
        const auto tallies = runOnThreads<Tally>(18, [&](int i, const std::function<void()> &startLine) {
            Tally t;
            const bool supervisor = i >= 16;
            const QString login = supervisor ? (i == 16 ? QStringLiteral("t_super") : QStringLiteral("t_super2")) : tellers.at(i);
            DbSession session(PgTestServer::instance().staff(db, login), SessionOptions{});
            auto opened = session.open();
            startLine();
            if (!opened) {
                t.unexpected = opened.error().message;
                return t;
            }
            ActionExecutor executor(session, policy);
            for (int n = 0; n < 30; ++n) {
                if (supervisor) {
                    const int till = (i * 7 + n * 5) % 16;
                    const bool in = (n + i) % 2 == 0;
                    const qint64 amount = 1000 + (n * 131 + i) % 4000;
                    const Outcome o = executor.moveVaultCash(IdempotencyKey::generate(),
                                                             in ? ActionKind::VaultToTill : ActionKind::TillToVault, tellers.at(till),
                                                             Money(amount, *Currency::fromCode(u"EUR")));
                    if (o.status == OutcomeStatus::Completed) {
                        vaultMoves[size_t(till)] += in ? amount : -amount;
                        ++t.completed;
                    } else if (o.status == OutcomeStatus::Rejected && o.reason == u"insufficient_till_cash") {
                        ++t.shortOfCash;
                    } else {
                        t.unexpected = outcomeStatusName(o.status) + u' ' + o.reason + u' ' + o.message;
                    }
                    continue;
                }
                const QString a = accounts.at((i + n) % accounts.size()), b = accounts.at((i + 3 * n + 1) % accounts.size());
                const qint64 amount = 500 + (i * 37 + n * 113) % 9000;
                const int kind = (i + n) % 4;
                const Action action = kind == 0             ? makeAction(ActionKind::Deposit, a, amount)
                                      : kind == 3 && a != b ? makeAction(ActionKind::Transfer, a, amount, b)
                                                            : makeAction(ActionKind::Withdrawal, a, amount);
                const Outcome o = executor.execute(action);
                if (o.status == OutcomeStatus::Completed) {
                    ++t.completed;
                    if (action.request.kind() == ActionKind::Deposit) {
                        t.tillDelta += amount;
                        t.customerDelta += amount;
                    } else if (action.request.kind() == ActionKind::Withdrawal) {
                        t.tillDelta -= amount;
                        t.customerDelta -= amount;
                    }
                } else if (o.status == OutcomeStatus::Rejected && o.reason == u"insufficient_till_cash") {
                    ++t.shortOfCash;
                } else if (o.status == OutcomeStatus::Rejected && o.reason == u"insufficient_funds") {
                    ++t.shortOfFunds;
                } else {
                    t.unexpected = outcomeStatusName(o.status) + u' ' + o.reason + u' ' + o.message;
                }
            }
            return t;
        });

        qint64 customerDelta = 0;
        int completed = 0, shortOfCash = 0;
        for (int i = 0; i < tallies.size(); ++i) {
            const Tally &t = tallies.at(i);
            QVERIFY2(t.unexpected.isEmpty(), qPrintable(t.unexpected));
            completed += t.completed;
            shortOfCash += t.shortOfCash;
            customerDelta += t.customerDelta;
            if (i < 16) {
                // Every till holds exactly what was put in minus what was paid out, and never less than nothing.
                const qint64 cash = sql.count(
                    QStringLiteral("SELECT balance FROM teller.accounts WHERE kind = 'till' AND owner = ? AND currency = 'EUR'"),
                    {tellers.at(i)});
                QCOMPARE(cash, startCash + t.tillDelta + vaultMoves[size_t(i)]);
                QVERIFY(cash >= 0);
            }
        }
        QVERIFY2(shortOfCash > 0, "the tills were meant to run short now and then");
        QVERIFY(completed > 300);
        QCOMPARE(sql.count(QStringLiteral("SELECT sum(balance) FROM teller.accounts WHERE kind = 'customer'")),
                 customersBefore + customerDelta);
        // Zero-sum per currency, every account equal to its movements, and the rest.
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.accounts WHERE kind = 'till' AND balance < 0")), 0);
        qInfo("16 tills: %d completed, %d short of till cash", completed, shortOfCash);
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
