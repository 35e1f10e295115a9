// The failover drill: Teller on a pg_auto_failover formation (a monitor, a primary and a
// synchronous standby: tests/failover/Formation), reached as a workstation reaches it, every
// host with target_session_attrs=read-write.
//
// drill(): tellers on several threads pay out and transfer without a pause while the primary
// is switched twice: a planned switch (pg_autoctl perform failover), then the new primary's
// machine dies (its keeper and postmaster get SIGKILL) and the monitor promotes the other.
// Whatever the tellers were told must be what the bank's books say: every action reported
// completed is on the final primary, none executed twice, none ended in error, every one left
// in doubt is settled by reconciliation with its key, every invariant holds, and every
// account's balance is what the tellers' answers add up to.
//
// asynchronousReplicationLosesAConfirmedPayout(): the same formation made asynchronous loses
// a payout the primary confirmed, when the primary dies before its standby received it, and
// `tellerctl check` warns about asynchronous replication before that happens.
#include "ActionExecutor.h"
#include "DbSession.h"
#include "Formation.h"
#include "IdempotencyKey.h"
#include "Journal.h"
#include "Logging.h"
#include "PgTestServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <csignal>
#include <map>
#include <memory>
#include <mutex>

using namespace teller;
using namespace std::chrono_literals;

namespace {

const QString Database = QStringLiteral("teller");
const QStringList Tellers{QStringLiteral("t_teller1"), QStringLiteral("t_teller2"), QStringLiteral("t_teller3"),
                          QStringLiteral("t_limited")};
constexpr int AccountsPerTeller = 3;
constexpr qint64 OpeningBalance = 100'000'000; // 1,000,000.00 EUR: no payout of the drill runs out of money

QString accountOf(int teller, int n)
{
    return QStringLiteral("7%1%2").arg(teller + 1).arg(n + 1, 2, 10, QLatin1Char('0'));
}

// The retry budget a bank configures for a failover formation ([retry] max_retries = 12,
// budget_s = 20): with the default backoff (50 ms doubling to 2 s) it outlasts a switch of
// several seconds. Half the tellers keep the built-in default (4 retries, well under a second
// of waiting) and so end some actions in doubt during a switch: reconciliation settles them.
RetryPolicy policyFor(int teller)
{
    RetryPolicy p;
    if (teller % 2 == 0) {
        p.maxRetries = 12;
        p.totalBudget = 20s;
    }
    return p;
}

struct Done
{
    Action action;
    Outcome outcome;
};

struct TellerResult
{
    QList<Done> done;
    int retries = 0;
    std::map<QString, int> retriesByClass;
    QString problem; // set up failed
};

Action randomAction(int teller, QRandomGenerator &random)
{
    const int from = int(random.bounded(AccountsPerTeller));
    const qint64 amount = 100 + qint64(random.bounded(900)); // 1.00 to 9.99
    if (random.bounded(2) == 0)
        return makeAction(ActionKind::Withdrawal, accountOf(teller, from), amount);
    const int to = (from + 1 + int(random.bounded(AccountsPerTeller - 1))) % AccountsPerTeller;
    return makeAction(ActionKind::Transfer, accountOf(teller, from), amount, accountOf(teller, to));
}

// One SQL statement's first column on a session, or a failed test.
QVariant value(DbSession &s, const QString &sql, const QVariantList &values = {})
{
    auto v = s.selectOne(sql, values, QStringLiteral("checking"), [](const Row &q) { return q.value(0); });
    if (!v) {
        QTest::qFail(qPrintable(sql + QStringLiteral(": ") + v.error().message), __FILE__, __LINE__);
        return {};
    }
    return *v;
}

struct TellerctlRun
{
    int exitCode = -1;
    QJsonObject json;
    QString err;
};

TellerctlRun tellerctl(const QStringList &args, const ConnectionSettings &db)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The password through the environment, never on a command line.
    ConnectionSettings withoutPassword = db;
    env.insert(QStringLiteral("PGPASSWORD"), withoutPassword.value(QStringLiteral("password")));
    withoutPassword.remove(QStringLiteral("password"));
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("TELLERCTL"), QStringList{QStringLiteral("--db"), withoutPassword.toConninfo()} + args);
    TellerctlRun r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitCode();
    r.err = QString::fromUtf8(p.readAllStandardError());
    const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
    r.json = QJsonDocument::fromJson(lines.last()).object();
    return r;
}

} // namespace

class TestFailover : public QObject
{
    Q_OBJECT

    std::unique_ptr<Formation> m_formation;
    QTemporaryDir m_journals;
    QString m_crashed; // the node drill() killed
    QString m_primary;

    ConnectionSettings as(const QString &login) const
    {
        return m_formation->connection(Database, login, QString::fromUtf16(PgTestServer::Password));
    }
    ConnectionSettings superuser() const { return m_formation->connection(Database, QStringLiteral("postgres")); }

private Q_SLOTS:
    void initTestCase()
    {
        initializeProcess();
        if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
            QLoggingCategory::setFilterRules(QStringLiteral("teller.*.info=false\nteller.*.warning=false"));
        QVERIFY(m_journals.isValid());
        QElapsedTimer timer;
        timer.start();
        m_formation = std::make_unique<Formation>();
        auto started = m_formation->start();
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        qInfo("formation up in %.1f s (monitor and two nodes, synchronous replication)", double(timer.elapsed()) / 1000);

        {
            DbSession postgres(m_formation->connection(QStringLiteral("postgres"), QStringLiteral("postgres")), SessionOptions{});
            QVERIFY(postgres.open(DbSession::SchemaCheck::Skip));
            QVERIFY(postgres.exec(QStringLiteral("CREATE DATABASE teller")));
        }
        PgTestServer::provision(superuser(), [this](const QString &login) { return as(login); });
        {
            DbSession owner(superuser(), SessionOptions{});
            QVERIFY(owner.open(DbSession::SchemaCheck::Skip));
            DbSession opener(as(QStringLiteral("t_super")), SessionOptions{});
            QVERIFY(opener.open());
            ActionExecutor deposits(opener);
            for (int t = 0; t < Tellers.size(); ++t) {
                for (int n = 0; n < AccountsPerTeller; ++n) {
                    auto opened = owner.selectOne(QStringLiteral("SELECT teller.open_account(?, ?, 'EUR', 0::bigint)::text"),
                                                  QVariantList{accountOf(t, n), QString(QStringLiteral("Holder of ") + accountOf(t, n))},
                                                  QStringLiteral("opening"), [](const Row &q) { return q.value(0); });
                    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
                    const Outcome o = deposits.execute(makeAction(ActionKind::Deposit, accountOf(t, n), OpeningBalance));
                    QCOMPARE(outcomeStatusName(o.status), QStringLiteral("completed"));
                }
            }
        }
        qInfo("Teller database migrated and provisioned on the primary in %.1f s in all", double(timer.elapsed()) / 1000);
    }

    void cleanupTestCase()
    {
        if (m_formation)
            m_formation->stop();
    }

    void drill()
    {
        QString last;
        const auto before = m_formation->waitForPrimary(10s, false, &last);
        QVERIFY2(before, qPrintable(last));
        QElapsedTimer total;
        total.start();
        std::atomic<bool> stop{false};
        std::atomic<int> completedSoFar{0}; // progress: actions the server confirmed
        QList<TellerResult> results(Tellers.size());
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < Tellers.size(); ++t) {
            threads.emplace_back(QThread::create([&, t] {
                TellerResult &r = results[t];
                SessionOptions options;
                options.workstation = QStringLiteral("drill-%1").arg(t + 1);
                const ConnectionSettings settings = as(Tellers.at(t));
                DbSession session(settings, options);
                Journal journal(m_journals.filePath(Tellers.at(t) + QStringLiteral(".sqlite")));
                if (auto ok = journal.open(); !ok) {
                    r.problem = ok.error().message;
                    return;
                }
                Retrier signIn(policyFor(t));
                if (auto ok = session.openRetrying(DbSession::SchemaCheck::Require, &signIn); !ok) {
                    r.problem = ok.error().message;
                    return;
                }
                ActionExecutor executor(session, policyFor(t));
                executor.setJournal(&journal, Tellers.at(t), {}, settings.databaseIdentity());
                QRandomGenerator random(quint32(1000 + t));
                const auto onRetry = [&r](const RetryNotice &n) {
                    ++r.retries;
                    ++r.retriesByClass[failureClassName(n.failure)];
                };
                while (!stop.load()) {
                    const Action a = randomAction(t, random);
                    const Outcome o = executor.execute(a, onRetry);
                    r.done << Done{a, o};
                    if (o.status == OutcomeStatus::Completed)
                        completedSoFar.fetch_add(1);
                    // A little room for the others sharing this machine.
                    QThread::msleep(5);
                }
            }));
        }
        for (auto &th : threads)
            th->start();
        const auto stopAll = [&] {
            stop.store(true);
            for (auto &th : threads)
                th->wait();
        };
        // Waits until the server has confirmed `more` actions more than now (a phase is over
        // when the formation works again, not when tellers have given up).
        const auto progress = [&](int more, const char *phase) {
            const int target = completedSoFar.load() + more;
            QElapsedTimer t;
            t.start();
            while (completedSoFar.load() < target && t.elapsed() < 90000)
                QThread::msleep(20);
            if (completedSoFar.load() < target) {
                stopAll();
                QTest::qFail(qPrintable(QStringLiteral("no progress %1: %2 of %3")
                                            .arg(QString::fromLatin1(phase))
                                            .arg(completedSoFar.load())
                                            .arg(target)),
                             __FILE__, __LINE__);
                return false;
            }
            return true;
        };

        if (!progress(150, "before the switch"))
            return;

        // 1. A planned switch while the tellers work.
        QElapsedTimer timer;
        timer.start();
        auto switched = m_formation->performFailover();
        if (!switched) {
            stopAll();
            QFAIL(qPrintable(switched.error().message));
        }
        const auto second = m_formation->waitForPrimary(60s, false, &last, *before);
        const double switchSeconds = double(timer.elapsed()) / 1000;
        if (!second || *second == *before) {
            stopAll();
            QFAIL(qPrintable(QStringLiteral("no new primary after perform failover: ") + last));
        }
        qInfo("perform failover: %s -> %s in %.1f s", qPrintable(*before), qPrintable(*second), switchSeconds);
        if (!progress(150, "after the planned switch"))
            return;

        // 2. The new primary's machine dies: keeper and postmaster killed, nothing restarts it.
        timer.restart();
        auto killed = m_formation->crash(*second);
        if (!killed) {
            stopAll();
            QFAIL(qPrintable(killed.error().message));
        }
        m_crashed = *second;
        const auto third = m_formation->waitForPrimary(90s, true, &last, *second);
        const double promotionSeconds = double(timer.elapsed()) / 1000;
        if (!third || *third == *second) {
            stopAll();
            QFAIL(qPrintable(QStringLiteral("the formation did not promote the other node: ") + last + u'\n'
                             + m_formation->keeperLog(*before)));
        }
        m_primary = *third;
        qInfo("SIGKILL of %s (postmaster pid %lld): %s promoted in %.1f s", qPrintable(*second), *killed, qPrintable(*third),
              promotionSeconds);
        if (!progress(150, "after the promotion"))
            return;
        stopAll();
        for (const TellerResult &r : std::as_const(results))
            QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));

        // Everything the tellers were told, by key.
        std::map<QString, Done> byKey;
        int completed = 0, replayed = 0, inDoubt = 0, inDoubtWithTheFailoverBudget = 0, busy = 0, errors = 0, retries = 0, other = 0,
            notSent = 0, notSentWithTheFailoverBudget = 0;
        std::map<QString, int> retriesByClass;
        QStringList errorMessages;
        for (qsizetype t = 0; t < results.size(); ++t) {
            const TellerResult &r = results.at(t);
            retries += r.retries;
            for (const auto &[name, n] : r.retriesByClass)
                retriesByClass[name] += n;
            for (const Done &d : r.done) {
                byKey.insert_or_assign(d.action.key.toString(), d);
                switch (d.outcome.status) {
                case OutcomeStatus::Completed:
                    ++completed;
                    replayed += d.outcome.replayed ? 1 : 0;
                    break;
                case OutcomeStatus::InDoubt:
                    ++inDoubt;
                    inDoubtWithTheFailoverBudget += policyFor(int(t)).maxRetries > RetryPolicy{}.maxRetries ? 1 : 0;
                    break;
                case OutcomeStatus::Busy: ++busy; break;
                case OutcomeStatus::Error:
                    // Refused at every attempt before anything was sent (the switch outlasted a
                    // default budget): nothing happened, and the teller is told so. That it
                    // really did not happen is checked below (a phantom otherwise).
                    if (d.outcome.notSent) {
                        ++notSent;
                        notSentWithTheFailoverBudget += policyFor(int(t)).maxRetries > RetryPolicy{}.maxRetries ? 1 : 0;
                        break;
                    }
                    ++errors;
                    errorMessages << d.outcome.message;
                    break;
                default: ++other; break;
                }
            }
        }

        // Reconciliation, as at the next sign-in: every open journal entry is asked about with
        // its key; one the server never got is submitted again with the same key.
        int settled = 0, resubmitted = 0;
        QStringList unsettled;
        for (int t = 0; t < Tellers.size(); ++t) {
            const ConnectionSettings settings = as(Tellers.at(t));
            SessionOptions sameWorkstation;
            sameWorkstation.workstation = QStringLiteral("drill-%1").arg(t + 1);
            DbSession session(settings, sameWorkstation);
            QVERIFY(session.openRetrying());
            Journal journal(m_journals.filePath(Tellers.at(t) + QStringLiteral(".sqlite")));
            QVERIFY(journal.open());
            RetryPolicy patient;
            patient.maxRetries = 12;
            ActionExecutor executor(session, patient);
            executor.setJournal(&journal, Tellers.at(t), {}, settings.databaseIdentity());
            auto items = executor.reconcile();
            QVERIFY2(items, qPrintable(items ? QString() : items.error().message));
            for (const ReconcileItem &item : *items) {
                Outcome now = item.outcome;
                if (now.status == OutcomeStatus::Unknown) {
                    auto action = item.entry.toAction();
                    QVERIFY(action);
                    now = executor.execute(*action);
                    ++resubmitted;
                }
                const QString key = item.entry.key.toString();
                const auto known = byKey.find(key);
                if (known == byKey.end()) {
                    unsettled << key + QStringLiteral(" (not an action of the drill)");
                } else if (now.isDefinitive() && now.status != OutcomeStatus::Error) {
                    ++settled;
                    known->second.outcome = now;
                } else {
                    unsettled << key + u' ' + outcomeStatusName(now.status);
                }
            }
        }

        // What the final primary's books say.
        DbSession books(superuser(), SessionOptions{});
        QVERIFY(books.openRetrying(DbSession::SchemaCheck::Skip));
        std::map<QString, QString> serverStatus;
        auto read = books.select(QStringLiteral("SELECT key::text, status FROM teller.operations WHERE workstation LIKE 'drill-%'"), {},
                                 QStringLiteral("reading the operations"),
                                 [&](const Row &q) { serverStatus[q.value(0).toString()] = q.value(1).toString(); });
        QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
        int lost = 0, phantoms = 0;
        QStringList lostKeys;
        std::map<QString, qint64> expected;
        for (int t = 0; t < Tellers.size(); ++t)
            for (int n = 0; n < AccountsPerTeller; ++n)
                expected[accountOf(t, n)] = OpeningBalance;
        for (const auto &[key, d] : byKey) {
            const auto it = serverStatus.find(key);
            const bool onServer = it != serverStatus.end() && it->second == u"completed";
            if (d.outcome.status == OutcomeStatus::Completed) {
                if (!onServer) {
                    ++lost;
                    lostKeys << key;
                    continue;
                }
                const qint64 amount = d.action.request.amount().minorUnits();
                expected[d.action.request.account()] -= amount;
                if (d.action.request.kind() == ActionKind::Transfer)
                    expected[d.action.request.counterAccount()] += amount;
            } else if (onServer) {
                ++phantoms; // carried out, but nobody was told so, not even by reconciliation
            }
        }
        for (const auto &[key, status] : serverStatus) {
            if (byKey.find(key) == byKey.end())
                ++phantoms; // a key no teller made
        }
        // Executed twice: the key is unique in the books, so a second execution could only
        // show as money moved twice; every balance must be what the answers add up to.
        int doubled = int(value(books, QStringLiteral("SELECT count(*) FROM (SELECT key FROM teller.operations GROUP BY key "
                                                      "HAVING count(*) > 1) d"))
                              .toLongLong());
        QStringList wrongBalances;
        for (const auto &[account, balance] : expected) {
            const qint64 actual =
                value(books, QStringLiteral("SELECT balance FROM teller.accounts WHERE number = ?"), {account}).toLongLong();
            if (actual != balance) {
                ++doubled;
                wrongBalances << QStringLiteral("%1: %2, expected %3").arg(account).arg(actual).arg(balance);
            }
        }
        QStringList violations;
        auto checked = books.select(QStringLiteral("SELECT invariant, subject, detail FROM teller.invariant_violations()"), {},
                                    QStringLiteral("checking the invariants"), [&](const Row &q) {
                                        violations
                                            << q.value(0).toString() + u' ' + q.value(1).toString() + u' ' + q.value(2).toString();
                                    });
        QVERIFY2(checked, qPrintable(checked ? QString() : checked.error().message));

        QStringList classes;
        for (const auto &[name, n] : retriesByClass)
            classes << QStringLiteral("%1 %2").arg(name).arg(n);
        qInfo("drill: %d actions by %d tellers in %.1f s: completed %d (%d of them answered from the server's record), "
              "in doubt %d (%d with the failover budget of 12 retries, the rest with the default 4), busy %d, settled %d (%d "
              "resubmitted with their key), unsettled %d, lost %d, doubled %d, "
              "phantoms %d, not sent %d (%d with the failover budget), errors %d, other %d, retries %d (%s); invariants %s",
              int(byKey.size()), int(Tellers.size()), double(total.elapsed()) / 1000, completed, replayed, inDoubt,
              inDoubtWithTheFailoverBudget, busy, settled, resubmitted, int(unsettled.size()), lost, doubled, phantoms, notSent,
              notSentWithTheFailoverBudget, errors, other, retries, qPrintable(classes.join(QStringLiteral(", "))),
              violations.isEmpty() ? "hold" : "VIOLATED");

        QVERIFY2(errors == 0, qPrintable(errorMessages.mid(0, 5).join(u'\n')));
        QVERIFY2(lost == 0, qPrintable(lostKeys.mid(0, 5).join(u'\n')));
        QVERIFY2(doubled == 0, qPrintable(wrongBalances.mid(0, 5).join(u'\n')));
        QCOMPARE(phantoms, 0);
        QVERIFY2(unsettled.isEmpty(), qPrintable(unsettled.mid(0, 5).join(u'\n')));
        QCOMPARE(settled, inDoubt + busy);
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
        QCOMPARE(other, 0);
        // The switches happened under load: attempts failed and were retried.
        QVERIFY(retries > 0);
    }

    void asynchronousReplicationLosesAConfirmedPayout()
    {
        QVERIFY2(!m_crashed.isEmpty(), "drill() leaves the formation with one node down");
        QElapsedTimer timer;
        timer.start();
        // The killed node comes back and rejoins as the standby (pg_rewind onto the new timeline).
        QVERIFY(m_formation->restart(m_crashed));
        QString last;
        const auto primary = m_formation->waitForPrimary(120s, false, &last);
        QVERIFY2(primary, qPrintable(last + u'\n' + m_formation->keeperLog(m_crashed)));
        const QString standby = *primary == u"node1" ? QStringLiteral("node2") : QStringLiteral("node1");
        qInfo("%s rejoined as the standby in %.1f s", qPrintable(standby), double(timer.elapsed()) / 1000);

        const ConnectionSettings onPrimary = m_formation->nodeConnection(*primary, Database);
        DbSession primarySql(onPrimary, SessionOptions{});
        QVERIFY(primarySql.open(DbSession::SchemaCheck::Skip));
        QVERIFY(value(primarySql, QStringLiteral("SELECT current_setting('synchronous_standby_names')")).toString() != QString());

        // Synchronous: tellerctl check has nothing to warn about.
        const TellerctlRun syncCheck = tellerctl({QStringLiteral("check")}, as(QStringLiteral("t_super")));
        QCOMPARE(syncCheck.exitCode, 0);
        QVERIFY2(!syncCheck.json.contains(QStringLiteral("warnings")) || replicationWarnings(syncCheck.json).isEmpty(),
                 qPrintable(QString::fromUtf8(QJsonDocument(syncCheck.json).toJson())));

        // Asynchronous: the standby leaves the replication quorum, the primary stops waiting.
        auto set = m_formation->autoctl({QStringLiteral("set"), QStringLiteral("node"), QStringLiteral("replication-quorum"),
                                         QStringLiteral("--pgdata"), m_formation->dataDir(standby), QStringLiteral("false")});
        QVERIFY2(set, qPrintable(set ? QString() : set.error().message));
        QElapsedTimer wait;
        wait.start();
        while (value(primarySql, QStringLiteral("SELECT current_setting('synchronous_standby_names')")).toString() != QString()
               && wait.elapsed() < 60000)
            QThread::msleep(100);
        QCOMPARE(value(primarySql, QStringLiteral("SELECT current_setting('synchronous_standby_names')")).toString(), QString());

        // Now tellerctl check warns, and still reports every invariant as holding.
        const TellerctlRun asyncCheck = tellerctl({QStringLiteral("check")}, as(QStringLiteral("t_super")));
        QCOMPARE(asyncCheck.exitCode, 0);
        const QJsonArray warnings = replicationWarnings(asyncCheck.json);
        QVERIFY2(warnings.size() == 1, qPrintable(QString::fromUtf8(QJsonDocument(asyncCheck.json).toJson())));
        QCOMPARE(warnings.first().toObject().value(QStringLiteral("standbys")).toInt(), 1);
        QVERIFY2(asyncCheck.err.contains(QLatin1String("synchronous_standby_names")), qPrintable(asyncCheck.err));

        // The standby has everything so far; then its WAL sender on the primary is stopped
        // (SIGSTOP): whatever commits from now on stays on the primary alone.
        // Up to where the primary's WAL is now (a fixed point: the WAL goes on growing with
        // whatever the servers write meanwhile, which a moving target would never let end).
        const QString target = value(primarySql, QStringLiteral("SELECT pg_current_wal_lsn()::text")).toString();
        QVERIFY(!target.isEmpty());
        const QString caughtUp = QStringLiteral(
            "SELECT count(*) = 1 AND bool_and(state = 'streaming' AND replay_lsn >= ?::pg_lsn) FROM pg_stat_replication");
        wait.restart();
        while (!value(primarySql, caughtUp, {target}).toBool() && wait.elapsed() < 30000)
            QThread::msleep(50);
        QVERIFY2(value(primarySql, caughtUp, {target}).toBool(), "the standby did not catch up");
        const qint64 walSender = value(primarySql, QStringLiteral("SELECT pid FROM pg_stat_replication")).toLongLong();
        QVERIFY(walSender > 0);
        QCOMPARE(::kill(pid_t(walSender), SIGSTOP), 0);
        // Stopped for sure ("T" in /proc) before anything is paid out.
        const auto stopped = [walSender] {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(walSender));
            if (!stat.open(QIODevice::ReadOnly))
                return false;
            const QByteArray line = stat.readAll();
            return line.mid(line.lastIndexOf(')') + 2, 1) == "T";
        };
        wait.restart();
        while (!stopped() && wait.elapsed() < 5000)
            QThread::msleep(5);
        QVERIFY(stopped());

        const QString account = accountOf(0, 0);
        const qint64 balanceBefore =
            value(primarySql, QStringLiteral("SELECT balance FROM teller.accounts WHERE number = ?"), {account}).toLongLong();
        const Action payout = makeAction(ActionKind::Withdrawal, account, 50000); // 500.00 EUR
        Outcome paid;
        {
            DbSession teller(as(QStringLiteral("t_teller1")), SessionOptions{});
            QVERIFY(teller.open());
            RetryPolicy once;
            once.maxRetries = 0;
            paid = ActionExecutor(teller, once).execute(payout);
        }
        // The primary confirmed it: the teller pays out 500.00.
        QCOMPARE(outcomeStatusName(paid.status), QStringLiteral("completed"));
        QCOMPARE(value(primarySql, QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid"), {payout.key.toString()})
                     .toLongLong(),
                 qint64(1));
        {
            DbSession standbySql(m_formation->nodeConnection(standby, Database), SessionOptions{});
            QVERIFY(standbySql.open(DbSession::SchemaCheck::Skip));
            QCOMPARE(
                value(standbySql, QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid"), {payout.key.toString()})
                    .toLongLong(),
                qint64(0));
        }
        primarySql.close();

        // The primary's machine dies before the standby received the payout; the stopped WAL
        // sender goes with it (a stopped process notices nothing: it is killed too).
        timer.restart();
        auto killed = m_formation->crash(*primary);
        ::kill(pid_t(walSender), SIGKILL);
        QVERIFY2(killed, qPrintable(killed ? QString() : killed.error().message));
        const auto promoted = m_formation->waitForPrimary(90s, true, &last, *primary);
        QVERIFY2(promoted && *promoted == standby, qPrintable(last));
        qInfo("asynchronous: %s killed, %s promoted in %.1f s", qPrintable(*primary), qPrintable(standby),
              double(timer.elapsed()) / 1000);

        // The new primary has never heard of the payout the teller was told was completed: its
        // key is unknown and the money is back on the account. Asked again with the same key,
        // the bank would pay it out a second time.
        DbSession teller(as(QStringLiteral("t_teller1")), SessionOptions{});
        QVERIFY(teller.openRetrying());
        const Outcome now = ActionExecutor(teller).status(payout.key);
        DbSession books(superuser(), SessionOptions{});
        QVERIFY(books.openRetrying(DbSession::SchemaCheck::Skip));
        const qint64 balanceAfter =
            value(books, QStringLiteral("SELECT balance FROM teller.accounts WHERE number = ?"), {account}).toLongLong();
        qInfo("asynchronous replication: payout %s confirmed as %s by the old primary; the new primary says %s, "
              "balance %lld before, %lld now (the 500.00 paid out are not in the books)",
              qPrintable(payout.key.toString()), qPrintable(outcomeStatusName(paid.status)), qPrintable(outcomeStatusName(now.status)),
              balanceBefore, balanceAfter);
        QCOMPARE(outcomeStatusName(now.status), QStringLiteral("unknown"));
        QCOMPARE(balanceAfter, balanceBefore);
    }

private:
    static QJsonArray replicationWarnings(const QJsonObject &check)
    {
        QJsonArray out;
        for (const QJsonValue &w : check.value(QStringLiteral("warnings")).toArray()) {
            if (w.toObject().value(QStringLiteral("warning")).toString() == u"asynchronous_replication")
                out.append(w);
        }
        return out;
    }
};

QTEST_GUILESS_MAIN(TestFailover)
#include "tst_failover.moc"
