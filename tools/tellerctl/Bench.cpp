#include "Bench.h"

#include "AccountCache.h"
#include "ActionExecutor.h"
#include "Administration.h"
#include "Cash.h"
#include "DbSession.h"
#include "Events.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <latch>
#include <memory>
#include <vector>

using namespace teller;

namespace {

QString benchAccount(int i)
{
    return QStringLiteral("BENCH%1").arg(i, 6, 10, QLatin1Char('0'));
}

IdempotencyKey fundingKey(const QString &number)
{
    static const QUuid ns(QStringLiteral("0e6a4f7c-2b1d-4d8e-9f3a-5c7b8d9e0f12"));
    return IdempotencyKey::fromUuid(QUuid::createUuidV5(ns, QStringLiteral("bench-funding/") + number));
}

struct ClientResult
{
    std::vector<qint64> latenciesNs;
    int completed = 0, rejected = 0, errors = 0, busy = 0, inDoubt = 0, retries = 0, replays = 0;
    QString firstError;
};

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

} // namespace

Result<QJsonObject> runBench(const ConnectionSettings &adminSettings, const SessionOptions &sessionOptions, const RetryPolicy &policy,
                             const BenchOptions &options)
{
    const QStringList scenarios{QStringLiteral("uniform"), QStringLiteral("hot"), QStringLiteral("transfer"), QStringLiteral("replay")};
    if (!scenarios.contains(options.scenario))
        return fail(Error::badInput(
            QCoreApplication::translate("tellerctl", "--scenario must be one of %1.").arg(scenarios.join(QStringLiteral(", ")))));

    // 1. As the admin: the bench's own branch, its supervisor and one teller per client (fresh
    //    passwords every run), and the accounts.
    DbSession admin(adminSettings, sessionOptions);
    if (auto ok = admin.open(); !ok)
        return fail(ok.error());
    Administration administration(admin);
    auto home = administration.homeCurrency();
    if (!home)
        return fail(home.error());
    if (auto ok = administration.openBranch(QStringLiteral("BENCH"), QStringLiteral("Benchmark branch")); !ok)
        return fail(ok.error());
    const auto addLogin = [&](const QString &login, const QString &name, StaffRole role) -> Result<ConnectionSettings> {
        // Letters and other characters for certain (passwordcheck's rules), whatever the hex digits are.
        const QString password = QStringLiteral("bench-") + QUuid::createUuid().toString(QUuid::Id128);
        // Unlimited: the bench measures withdrawals that need no supervisor.
        auto added = administration.addStaff(login, name, role, std::nullopt, password, QStringLiteral("BENCH"),
                                             role != StaffRole::Admin);
        if (!added)
            return fail(added.error());
        if (added->pending)
            return fail(Error::badInput(QCoreApplication::translate(
                "tellerctl", "The bench provisions its own staff, which a Teller admin cannot do alone: run it as the "
                             "database's owner.")));
        ConnectionSettings settings = adminSettings;
        settings.set(QStringLiteral("user"), login);
        settings.set(QStringLiteral("password"), password);
        return settings;
    };
    auto supervisorSettings = addLogin(QStringLiteral("bench_supervisor"), QStringLiteral("Benchmark supervisor"),
                                       StaffRole::Supervisor);
    if (!supervisorSettings)
        return fail(supervisorSettings.error());
    std::vector<ConnectionSettings> tellerLogins;
    for (int c = 1; c <= options.clients; ++c) {
        auto settings = addLogin(QStringLiteral("bench_teller_%1").arg(c), QStringLiteral("Benchmark teller %1").arg(c),
                                 StaffRole::Teller);
        if (!settings)
            return fail(settings.error());
        tellerLogins.push_back(*settings);
    }
    // Its tellers have no daily cash limit: a run moves more cash through a till than a day.
    if (auto ok = admin.transaction(QStringLiteral("bench limits"),
                                    [&] {
                                        return admin.select(QStringLiteral("UPDATE teller.staff SET daily_cash_limit = 1000000000000000 "
                                                                           "WHERE branch_id = (SELECT id FROM teller.branches "
                                                                           "WHERE code = 'BENCH')"),
                                                            {}, QCoreApplication::translate("tellerctl", "setting the bench's limits"),
                                                            [](const Row &) {});
                                    });
        !ok)
        return fail(ok.error());
    QList<AccountRow> rows;
    for (int i = 1; i <= options.accounts; ++i) {
        AccountRow row;
        row.line = i;
        row.number = benchAccount(i);
        row.holder = QStringLiteral("Benchmark account %1").arg(i);
        row.currency = *home;
        row.floor = Money(0, *home);
        rows << row;
    }
    auto opened = administration.importAccounts(rows);
    if (!opened)
        return fail(opened.error());
    const ConnectionSettings tellerSettings = tellerLogins.front();

    // 2. The branch's morning: every teller's till open, with cash from the vault for the
    //    withdrawals; then every account funded once by the first teller (fixed keys: later
    //    runs replay).
    {
        DbSession supervisorSession(*supervisorSettings, sessionOptions);
        if (auto ok = supervisorSession.open(); !ok)
            return fail(ok.error());
        ActionExecutor supervisor(supervisorSession, policy);
        const Money perTill(100'000'000'000, *home);
        const Outcome received = supervisor.moveVaultCash(IdempotencyKey::generate(), ActionKind::VaultReceive, {},
                                                          Money(perTill.minorUnits() * options.clients, *home));
        if (received.status != OutcomeStatus::Completed)
            return fail(Error::internal(QStringLiteral("vault receive: %1 %2").arg(received.reason, received.message)));
        for (int c = 1; c <= options.clients; ++c) {
            DbSession tellerSession(tellerLogins[size_t(c - 1)], sessionOptions);
            if (auto ok = tellerSession.open(); !ok)
                return fail(ok.error());
            auto tills = Cash(tellerSession).tills(*home);
            if (!tills)
                return fail(tills.error());
            if (tills->isEmpty() || !tills->first().open) {
                const Outcome till = ActionExecutor(tellerSession, policy)
                                         .countTill(IdempotencyKey::generate(), ActionExecutor::TillCount::Open,
                                                    tills->isEmpty() ? Money(0, *home) : tills->first().cash, std::nullopt);
                if (till.status != OutcomeStatus::Completed)
                    return fail(Error::internal(QStringLiteral("till open: %1 %2").arg(till.reason, till.message)));
            }
            const Outcome cash = supervisor.moveVaultCash(IdempotencyKey::generate(), ActionKind::VaultToTill,
                                                          QStringLiteral("bench_teller_%1").arg(c), perTill);
            if (cash.status != OutcomeStatus::Completed)
                return fail(Error::internal(QStringLiteral("cash to till: %1 %2").arg(cash.reason, cash.message)));
        }
        DbSession funding(tellerSettings, sessionOptions);
        if (auto ok = funding.open(); !ok)
            return fail(ok.error());
        ActionExecutor executor(funding, policy);
        const CustomerId id = *CustomerId::create(IdDocument::Other, QStringLiteral("BENCH-FUNDING"));
        for (int i = 1; i <= options.accounts; ++i) {
            auto request = ActionRequest::create(ActionKind::Deposit, benchAccount(i), {},
                                                 Money(i == 1 ? 10'000'000'000'000 : 100'000'000'000, *home), {}, id);
            const Outcome out = executor.execute(Action{fundingKey(benchAccount(i)), *request, QDateTime::currentDateTimeUtc()});
            if (out.status != OutcomeStatus::Completed)
                return fail(Error::internal(QStringLiteral("funding %1: %2 %3").arg(benchAccount(i), out.reason, out.message)));
        }
    }

    // 3. The account-details cache, invalidated by what the server recorded: account events
    //    (teller.events), read by cursor as the bench's supervisor (a teller sees only the
    //    events of their own operations) when a hint says to and every second anyway.
    AccountCache cache;
    std::atomic<bool> stop{false};
    const ConnectionSettings listenerSettings = *supervisorSettings;
    std::unique_ptr<QThread> listener(QThread::create([&] {
        DbSession session(listenerSettings, sessionOptions);
        if (!session.open())
            return;
        EventFeed feed(session);
        const auto read = [&] {
            if (auto events = feed.poll()) {
                for (const ServerEvent &e : *events) {
                    if (e.kind == ServerEvent::Kind::Account)
                        cache.invalidate(e.accountNumber);
                }
            }
        };
        QSqlDriver *driver = session.database().driver();
        QObject receiver;
        QObject::connect(driver, &QSqlDriver::notification, &receiver,
                         [&](const QString &, QSqlDriver::NotificationSource, const QVariant &) { read(); });
        driver->subscribeToNotification(QString::fromUtf16(EventHintChannel));
        read(); // where the events end now
        QEventLoop loop;
        QTimer check;
        int ticks = 0;
        QObject::connect(&check, &QTimer::timeout, &loop, [&] {
            if (stop)
                loop.quit();
            else if (++ticks % 20 == 0)
                read();
        });
        check.start(50);
        loop.exec();
    }));
    listener->start();

    // 4. For the replay storm: actions that already happened, to be sent again and again, each
    //    by the teller who made it (a key is answered only to the one who used it).
    std::vector<QList<Action>> replayable(size_t(options.clients));
    if (options.scenario == u"replay") {
        for (int c = 0; c < options.clients; ++c) {
            DbSession session(tellerLogins[size_t(c)], sessionOptions);
            if (auto ok = session.open(); !ok)
                return fail(ok.error());
            ActionExecutor executor(session, policy);
            for (int i = 0; i < 50; ++i) {
                auto request = ActionRequest::create(ActionKind::Withdrawal, benchAccount(1 + (c * 50 + i) % options.accounts), {},
                                                     Money(100, *home));
                const Action a = Action::create(*request);
                const Outcome out = executor.execute(a);
                if (out.status != OutcomeStatus::Completed)
                    return fail(Error::internal(QStringLiteral("replayable: %1 %2").arg(out.reason, out.message)));
                replayable[size_t(c)] << a;
            }
        }
    }

    // 5. The clients.
    std::vector<ClientResult> results(size_t(options.clients));
    std::latch ready(options.clients);
    std::vector<std::unique_ptr<QThread>> threads;
    QElapsedTimer wall;
    std::atomic<qint64> startNs{0};
    const auto deadlineFor = [&] { return std::chrono::steady_clock::now() + options.duration; };
    std::atomic<std::chrono::steady_clock::rep> deadline{0};
    for (int c = 0; c < options.clients; ++c) {
        threads.emplace_back(QThread::create([&, c] {
            ClientResult &r = results[size_t(c)];
            SessionOptions mine = sessionOptions;
            mine.workstation = QStringLiteral("bench-%1").arg(c + 1);
            DbSession session(tellerLogins[size_t(c)], mine); // each client is its own teller, with its own till
            const bool ok = bool(session.open());
            AccountDirectory directory(session);
            ready.arrive_and_wait();
            if (!ok) {
                r.firstError = QStringLiteral("cannot connect");
                return;
            }
            ActionExecutor executor(session, policy);
            QRandomGenerator random(QRandomGenerator::securelySeeded());
            r.latenciesNs.reserve(100000);
            const std::chrono::steady_clock::time_point end{std::chrono::steady_clock::duration(deadline.load())};
            while (std::chrono::steady_clock::now() < end) {
                Action action = [&] {
                    if (options.scenario == u"replay")
                        return replayable[size_t(c)].at(random.bounded(int(replayable[size_t(c)].size())));
                    const QString a = options.scenario == u"hot" ? benchAccount(1) : benchAccount(1 + random.bounded(options.accounts));
                    const qint64 amount = 100 + random.bounded(900);
                    if (options.scenario == u"transfer") {
                        QString b = benchAccount(1 + random.bounded(options.accounts));
                        if (b == a)
                            b = benchAccount(1 + (random.bounded(options.accounts - 1) + a.right(6).toInt()) % options.accounts);
                        return Action::create(*ActionRequest::create(ActionKind::Transfer, a, b, Money(amount, *home)));
                    }
                    return Action::create(*ActionRequest::create(ActionKind::Withdrawal, a, {}, Money(amount, *home)));
                }();
                QElapsedTimer t;
                t.start();
                // As at the desk: the form checks the account (holder, status, currency) first.
                auto details = cache.get(action.request.account(), [&](const QString &n) { return directory.find(n); });
                Outcome out;
                if (!details || !*details) {
                    out.status = OutcomeStatus::Error;
                    out.message = details ? QStringLiteral("no account") : details.error().message;
                } else {
                    out = executor.execute(action);
                }
                r.latenciesNs.push_back(t.nsecsElapsed());
                r.retries += std::max(0, out.attempts - 1);
                r.replays += out.replayed ? 1 : 0;
                switch (out.status) {
                case OutcomeStatus::Completed: ++r.completed; break;
                case OutcomeStatus::Rejected: ++r.rejected; break;
                case OutcomeStatus::Busy: ++r.busy; break;
                case OutcomeStatus::InDoubt: ++r.inDoubt; break;
                default:
                    ++r.errors;
                    if (r.firstError.isEmpty())
                        r.firstError = out.message;
                }
            }
        }));
    }
    deadline = deadlineFor().time_since_epoch().count()
               + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::milliseconds(300)).count();
    wall.start();
    startNs = wall.nsecsElapsed();
    for (auto &t : threads)
        t->start();
    for (auto &t : threads)
        t->wait();
    const qint64 elapsedNs = wall.nsecsElapsed() - 300'000'000;
    stop = true;
    listener->wait();

    // 6. Numbers and the invariants.
    std::vector<qint64> all;
    ClientResult total;
    for (const ClientResult &r : results) {
        all.insert(all.end(), r.latenciesNs.begin(), r.latenciesNs.end());
        total.completed += r.completed;
        total.rejected += r.rejected;
        total.errors += r.errors;
        total.busy += r.busy;
        total.inDoubt += r.inDoubt;
        total.retries += r.retries;
        total.replays += r.replays;
        if (total.firstError.isEmpty())
            total.firstError = r.firstError;
    }
    std::sort(all.begin(), all.end());
    const auto pct = [&](int p) -> double {
        if (all.empty())
            return 0;
        return ms(all.at(std::min(all.size() - 1, all.size() * size_t(p) / 100)));
    };
    qint64 sum = 0;
    for (qint64 v : all)
        sum += v;
    auto violations = administration.invariantViolations();
    QJsonArray broken;
    if (violations)
        for (const InvariantViolation &v : *violations)
            broken.append(QString(v.invariant + QStringLiteral(" ") + v.subject + QStringLiteral(": ") + v.detail));
    const auto [hits, lookups] = cache.hitRatio();
    QJsonObject o{
        {QStringLiteral("status"), broken.isEmpty() && violations ? QStringLiteral("completed") : QStringLiteral("error")},
        {QStringLiteral("scenario"), options.scenario},
        {QStringLiteral("clients"), options.clients},
        {QStringLiteral("seconds"), double(elapsedNs) / 1e9},
        {QStringLiteral("operations"), int(all.size())},
        {QStringLiteral("ops_per_second"), all.empty() ? 0.0 : double(all.size()) * 1e9 / double(elapsedNs)},
        {QStringLiteral("mean_ms"), all.empty() ? 0.0 : ms(sum / qint64(all.size()))},
        {QStringLiteral("p50_ms"), pct(50)},
        {QStringLiteral("p90_ms"), pct(90)},
        {QStringLiteral("p99_ms"), pct(99)},
        {QStringLiteral("max_ms"), all.empty() ? 0.0 : ms(all.back())},
        {QStringLiteral("completed"), total.completed},
        {QStringLiteral("rejections"), total.rejected},
        {QStringLiteral("retries"), total.retries},
        {QStringLiteral("replays"), total.replays},
        {QStringLiteral("busy"), total.busy},
        {QStringLiteral("in_doubt"), total.inDoubt},
        {QStringLiteral("errors"), total.errors},
        {QStringLiteral("cache_hit_rate"), lookups ? double(hits) / double(lookups) : 0.0},
        {QStringLiteral("invariants"), violations ? (broken.isEmpty() ? QJsonValue(QStringLiteral("ok")) : QJsonValue(broken))
                                                  : QJsonValue(violations.error().message)},
    };
    if (!total.firstError.isEmpty())
        o.insert(QStringLiteral("first_error"), total.firstError);
    return o;
}
