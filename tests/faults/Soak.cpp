#include "Soak.h"

#include "FaultProxy.h"
#include "PgTestServer.h"
#include "Workers.h"

#include "ActionExecutor.h"
#include "DbSession.h"

#include <QHash>
#include <QRandomGenerator>
#include <QThread>

#include <atomic>

using namespace teller;

QString SoakReport::summary() const
{
    return QStringLiteral("%1 operations: %2 completed, %3 rejected, %4 busy, %5 in doubt (settled by reconciliation: %6 "
                          "had happened, %7 resubmitted with their key), %8 not sent, %9 errors; %10 retries, %11 replays; %12 "
                          "faults injected (%13 resets, %14 swallowed COMMIT answers, %15 stalls, %16 latency changes); %17 "
                          "problems")
        .arg(operations)
        .arg(completed)
        .arg(rejected)
        .arg(busy)
        .arg(inDoubt)
        .arg(inDoubtThatHappened)
        .arg(inDoubtResubmitted)
        .arg(notSent)
        .arg(errors)
        .arg(retries)
        .arg(replays)
        .arg(faults)
        .arg(resets)
        .arg(swallowedCommits)
        .arg(stalls)
        .arg(latencyChanges)
        .arg(problems.size());
}

namespace {
struct Record
{
    Action action;
    Outcome outcome;
};
} // namespace

SoakReport runSoak(const SoakOptions &options)
{
    SoakReport report;
    PgTestServer &pg = PgTestServer::instance();
    const QString db = pg.createDatabase();
    const QStringList accounts{QStringLiteral("7001"), QStringLiteral("7002"), QStringLiteral("7003"),
                               QStringLiteral("7004"), QStringLiteral("7005"), QStringLiteral("7006")};
    {
        Sql sql(db);
        for (const QString &a : accounts)
            sql.openAccount(a, 1000000, QStringLiteral("EUR"), a == u"7006" ? -50000 : 0);
    }

    FaultProxy proxy(QStringLiteral("127.0.0.1"), quint16(pg.server().port()));
    if (!proxy.start()) {
        report.problems << QStringLiteral("the fault proxy did not start");
        return report;
    }
    ConnectionSettings viaProxy = pg.staff(db, QStringLiteral("t_teller1"), true);
    viaProxy.set(QStringLiteral("port"), QString::number(proxy.port()));

    SessionOptions sessionOptions;
    sessionOptions.workstation = QStringLiteral("soak");
    sessionOptions.statementTimeout = std::chrono::seconds(2);
    sessionOptions.lockTimeout = std::chrono::milliseconds(800);
    sessionOptions.connectTimeout = std::chrono::seconds(2);
    RetryPolicy policy;
    policy.maxRetries = 3;
    policy.baseDelay = std::chrono::milliseconds(10);
    policy.maxDelay = std::chrono::milliseconds(200);
    policy.totalBudget = std::chrono::seconds(6);

    std::atomic<bool> stop{false};
    std::atomic<int> resets{0}, stalls{0}, latencies{0}, swallows{0};
    std::unique_ptr<QThread> chaos(QThread::create([&] {
        QRandomGenerator random(QRandomGenerator::securelySeeded());
        while (!stop) {
            QThread::msleep(100 + random.bounded(300));
            switch (random.bounded(5)) {
            case 0:
                proxy.resetAll();
                ++resets;
                break;
            case 1:
                proxy.swallowCommitAnswers(1);
                ++swallows;
                break;
            case 2:
                proxy.setStalled(true);
                QThread::msleep(200 + random.bounded(500));
                proxy.setStalled(false);
                proxy.resetAll(); // what was in flight during the stall is lost, as on a real link
                ++stalls;
                break;
            case 3:
                proxy.setLatency(std::chrono::milliseconds(random.bounded(2) ? 0 : 5 + random.bounded(40)));
                ++latencies;
                break;
            default: break; // a quiet spell
            }
        }
        proxy.setStalled(false);
        proxy.setLatency(std::chrono::milliseconds(0));
    }));

    const auto deadline = std::chrono::steady_clock::now() + options.duration;
    chaos->start();
    const auto perClient = runOnThreads<QList<Record>>(options.clients, [&](int i, const std::function<void()> &startLine) {
        QList<Record> records;
        ConnectionSettings settings = viaProxy;
        settings.set(QStringLiteral("user"), QStringLiteral("t_teller%1").arg(1 + i % 3));
        DbSession session(settings, sessionOptions);
        (void)session.open(); // if this fails, the executor reconnects by itself
        startLine();
        ActionExecutor executor(session, policy);
        QRandomGenerator random(QRandomGenerator::securelySeeded());
        while (std::chrono::steady_clock::now() < deadline) {
            const QString a = accounts.at(random.bounded(int(accounts.size())));
            QString b = accounts.at(random.bounded(int(accounts.size())));
            const qint64 amount = 100 + random.bounded(50000);
            const int dice = random.bounded(10);
            Action action = dice < 3   ? makeAction(ActionKind::Deposit, a, amount)
                            : dice < 7 ? makeAction(ActionKind::Withdrawal, a, amount)
                            : a == b   ? makeAction(ActionKind::Withdrawal, a, amount)
                                       : makeAction(ActionKind::Transfer, a, amount, b);
            records << Record{action, executor.execute(action)};
        }
        return records;
    });
    stop = true;
    chaos->wait();

    // In doubt is a legitimate answer under faults, but never the last word: every in-doubt key
    // is settled now, directly (no proxy), as reconciliation does it: asked about with the same
    // key, by the same login, and resubmitted with that key if the server never received it.
    // Whatever is not definitive (completed or rejected) afterwards is a problem.
    RetryPolicy settlePolicy;
    settlePolicy.maxRetries = 5;
    settlePolicy.totalBudget = std::chrono::seconds(30);
    QHash<QString, Outcome> settled; // key -> the outcome reconciliation found or made
    for (qsizetype i = 0; i < perClient.size(); ++i) {
        const QString login = QStringLiteral("t_teller%1").arg(1 + i % 3);
        DbSession direct(pg.staff(db, login), sessionOptions);
        if (auto ok = direct.open(); !ok) {
            report.problems << QStringLiteral("cannot reach the server after the soak as %1: %2").arg(login, ok.error().message);
            return report;
        }
        ActionExecutor reconciler(direct, settlePolicy);
        for (const Record &r : perClient.at(i)) {
            if (r.outcome.status != OutcomeStatus::InDoubt)
                continue;
            const QString key = r.action.key.toString();
            Outcome now = reconciler.status(r.action.key);
            if (now.status == OutcomeStatus::Unknown) {
                ++report.inDoubtResubmitted;
                now = reconciler.execute(r.action);
            } else {
                ++report.inDoubtThatHappened;
            }
            if (now.status != OutcomeStatus::Completed && now.status != OutcomeStatus::Rejected)
                report.problems << QStringLiteral("%1: in doubt, and still %2 after reconciliation: %3")
                                       .arg(key, outcomeStatusName(now.status), now.message);
            settled.insert(key, now);
        }
    }

    // Every key as the clients saw it (and as reconciliation settled it), checked against the
    // server's record.
    Sql sql(db);
    QHash<QString, QString> serverStatus;
    {
        QSqlQuery q = sql.query(QStringLiteral("SELECT key::text, status FROM teller.operations WHERE workstation = 'soak'"));
        while (q.next())
            serverStatus.insert(q.value(0).toString(), q.value(1).toString());
    }
    int sent = 0;
    for (const QList<Record> &records : perClient) {
        for (const Record &r : records) {
            ++sent;
            ++report.operations;
            report.retries += std::max(0, r.outcome.attempts - 1);
            report.replays += r.outcome.replayed ? 1 : 0;
            const QString key = r.action.key.toString();
            const QString server = serverStatus.value(key);
            switch (r.outcome.status) {
            case OutcomeStatus::Completed:
                ++report.completed;
                if (server != u"completed")
                    report.problems << QStringLiteral("%1: client saw completed, server has '%2'").arg(key, server);
                break;
            case OutcomeStatus::Rejected:
                ++report.rejected;
                if (server != u"rejected")
                    report.problems << QStringLiteral("%1: client saw rejected, server has '%2'").arg(key, server);
                break;
            case OutcomeStatus::Busy:
                ++report.busy;
                if (server == u"completed")
                    report.problems << QStringLiteral("%1: client saw busy, but it was carried out").arg(key);
                break;
            case OutcomeStatus::InDoubt: {
                ++report.inDoubt;
                const QString now = outcomeStatusName(settled.value(key).status);
                if (server != now)
                    report.problems << QStringLiteral("%1: in doubt, settled as %2, server has '%3'").arg(key, now, server);
                break;
            }
            case OutcomeStatus::Error:
                if (r.outcome.notSent) {
                    // Refused at every attempt before anything was sent (the connection reset
                    // while it was being made): nothing happened, and the server must say so.
                    ++report.notSent;
                    if (!server.isEmpty())
                        report.problems << QStringLiteral("%1: client saw not sent, server has '%2'").arg(key, server);
                    break;
                }
                [[fallthrough]];
            default:
                // Any other error is a definitive failure with nothing to settle: under network
                // faults the core must answer busy, in doubt or not sent instead.
                ++report.errors;
                report.problems << QStringLiteral("%1: client saw %2 (%3)%4")
                                       .arg(key, outcomeStatusName(r.outcome.status), r.outcome.message,
                                            server == u"completed" ? QStringLiteral(", but it was carried out") : QString());
                break;
            }
        }
    }
    if (serverStatus.size() > sent)
        report.problems << QStringLiteral("the server has %1 operations for %2 keys sent").arg(serverStatus.size()).arg(sent);
    report.problems << sql.invariantViolations();
    const FaultProxy::Stats s = proxy.stats();
    report.resets = resets;
    report.swallowedCommits = s.swallowedCommits;
    report.stalls = stalls;
    report.latencyChanges = latencies;
    report.faults = resets + swallows + stalls + latencies;
    return report;
}
