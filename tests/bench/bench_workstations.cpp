// The 1,000-workstation benchmark (issue 14): N simulated workstations, each its own login and
// its own connection, held open for the whole run, through PgBouncer (--via pgbouncer: the
// tests' fixture, Debian's PgBouncer in transaction mode) or straight to PostgreSQL (--via
// direct). Every workstation does what an idle window does (core/client/TellerClient.cpp): a
// ping every 5 s and the events feed (EventFeed::poll) every 3 s, on its connection; the
// "teller" class also takes an action every 20 to 40 s (a think time drawn each time), the
// "fast" class back to back, each through the product's own money path (ActionExecutor on a
// DbSession: withdrawals, deposits and transfers with idempotency keys, the account looked up
// first as the form does). It reports, per class and kind, operations per second, p50/p99 and
// errors; the connections it could open (and the first refusal); the server connections
// sampled every second (PgBouncer's SHOW POOLS and pg_stat_activity); the server's memory;
// and the invariants afterwards. A benchmark: it prints numbers (JSON on stdout, progress on
// stderr) and fails (exit 1) only when something did not work: a refused connection, an
// error, a broken invariant.
//
//   bench_workstations --server CONNINFO [--via pgbouncer|direct] [--workstations N]
//       [--tellers N] [--fast N] [--seconds S] [--threads N] [--pool-size N]
//       [--max-db-connections N] [--server-idle-timeout S] [--accounts N] [--shared-login]
//       [--actions mix|transfers]
// --shared-login signs every workstation in as the same teller (ws_0001), so that PgBouncer has
// one pool for all of them: what an identity model with one pooled login would gain. Not how
// Teller may run (the database knows staff by session_user); a measurement only. Cash actions
// of one teller from many windows would all hit that teller's one till row, so such a run
// takes --actions transfers (no till).
// CONNINFO reaches the server directly as its superuser (the password from PGPASSWORD); it
// provisions the bench's branch, staff, tills and accounts and reads pg_stat_activity.
#include "Accounts.h"
#include "ActionExecutor.h"
#include "Administration.h"
#include "Cash.h"
#include "DbSession.h"
#include "Events.h"
#include "Logging.h"
#include "PgBouncer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <latch>
#include <memory>
#include <mutex>
#include <optional>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace teller;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto PingEvery = std::chrono::seconds(5);
constexpr auto PollEvery = std::chrono::seconds(3);

enum class Class { Idle, Teller, Fast };
enum class Kind { Ping, Poll, Action };
constexpr int Classes = 3, Kinds = 3;
const char *className(int c)
{
    return c == 0 ? "idle" : c == 1 ? "teller" : "fast";
}
const char *kindName(int k)
{
    return k == 0 ? "ping" : k == 1 ? "poll" : "action";
}

QString account(int i)
{
    return QStringLiteral("WSB%1").arg(i, 6, 10, QLatin1Char('0'));
}

QString login(int i)
{
    return QStringLiteral("ws_%1").arg(i, 4, 10, QLatin1Char('0'));
}

IdempotencyKey fundingKey(const QString &number)
{
    static const QUuid ns(QStringLiteral("5b0f3c1e-8a47-4d2b-9c61-7e2f4a9d3b80"));
    return IdempotencyKey::fromUuid(QUuid::createUuidV5(ns, QStringLiteral("workstations-funding/") + number));
}

void progress(const QString &line)
{
    std::fprintf(stderr, "bench_workstations: %s\n", qPrintable(line));
    std::fflush(stderr);
}

struct Stats
{
    std::vector<qint64> ns[Classes][Kinds];
    // How late each timer (ping, poll, a teller's next action) fired: a thread that cannot
    // keep up with its workstations' timers shows here, not as an error.
    std::vector<qint64> lateNs[Classes];
    int errors[Classes][Kinds] = {};
    int rejected = 0, busy = 0, inDoubt = 0, retries = 0;
    QString firstError;
    void error(Class c, Kind k, const QString &message)
    {
        ++errors[int(c)][int(k)];
        if (firstError.isEmpty())
            firstError =
                QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(className(int(c))), QString::fromLatin1(kindName(int(k))), message);
    }
};

struct Workstation
{
    int index = 0;
    Class cls = Class::Idle;
    ConnectionSettings settings;
    std::unique_ptr<DbSession> session;
    std::unique_ptr<EventFeed> feed;
    std::unique_ptr<ActionExecutor> executor;
    std::unique_ptr<AccountDirectory> directory;
    Clock::time_point nextPing, nextPoll, nextAction;
};

struct Shared
{
    std::atomic<int> connected{0}, refused{0};
    std::mutex mutex;
    QString firstRefusal, firstRefusalState;
    std::atomic<bool> abort{false};
    Clock::time_point start, end;
    int accounts = 1000;
    bool transfersOnly = false;
    Currency home = *Currency::fromCode(u"EUR");
    RetryPolicy policy;
};

qint64 elapsedNs(Clock::time_point t0)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count();
}

void ping(Workstation &w, Stats &s)
{
    const auto t0 = Clock::now();
    // As the window's reads worker: a ping, and a reconnect if it failed.
    const bool ok = w.session->ping() || bool(w.session->reopen());
    s.ns[int(w.cls)][int(Kind::Ping)].push_back(elapsedNs(t0));
    if (!ok)
        s.error(w.cls, Kind::Ping, QStringLiteral("no answer"));
}

void poll(Workstation &w, Stats &s)
{
    const auto t0 = Clock::now();
    auto events = w.feed->poll();
    s.ns[int(w.cls)][int(Kind::Poll)].push_back(elapsedNs(t0));
    if (!events)
        s.error(w.cls, Kind::Poll, events.error().message);
}

void act(Workstation &w, Stats &s, QRandomGenerator &random, const Shared &shared)
{
    const QString a = account(1 + random.bounded(shared.accounts));
    const qint64 amount = 100 + random.bounded(900);
    const int dice = shared.transfersOnly ? 9 : random.bounded(10);
    Action action = [&] {
        if (dice < 4)
            return Action::create(*ActionRequest::create(ActionKind::Withdrawal, a, {}, Money(amount, shared.home)));
        if (dice < 7)
            return Action::create(*ActionRequest::create(ActionKind::Deposit, a, {}, Money(amount, shared.home)));
        QString b = account(1 + random.bounded(shared.accounts));
        if (b == a)
            b = account(1 + (a.right(6).toInt() % shared.accounts));
        return Action::create(*ActionRequest::create(ActionKind::Transfer, a, b, Money(amount, shared.home)));
    }();
    const auto t0 = Clock::now();
    // As at the desk: the form looks the account up (holder, status, currency) first.
    auto details = w.directory->find(action.request.account());
    Outcome out;
    if (!details || !*details) {
        out.status = OutcomeStatus::Error;
        out.message = details ? QStringLiteral("no account ") + a : details.error().message;
    } else {
        out = w.executor->execute(action);
    }
    s.ns[int(w.cls)][int(Kind::Action)].push_back(elapsedNs(t0));
    s.retries += std::max(0, out.attempts - 1);
    switch (out.status) {
    case OutcomeStatus::Completed: break;
    case OutcomeStatus::Rejected:
        ++s.rejected;
        s.error(w.cls, Kind::Action, QStringLiteral("rejected: ") + out.reason);
        break;
    case OutcomeStatus::Busy:
        ++s.busy;
        s.error(w.cls, Kind::Action, QStringLiteral("busy: ") + out.message);
        break;
    case OutcomeStatus::InDoubt:
        ++s.inDoubt;
        s.error(w.cls, Kind::Action, QStringLiteral("in doubt: ") + out.message);
        break;
    default: s.error(w.cls, Kind::Action, out.message);
    }
}

std::chrono::milliseconds thinkTime(QRandomGenerator &random)
{
    return std::chrono::milliseconds(20000 + random.bounded(20001));
}

// One thread: opens its workstations, waits for every thread to have done so, then runs
// each one's timers (idle and teller classes share a thread; a fast workstation has its own).
void runThread(std::vector<Workstation *> mine, Shared &shared, Stats &stats, std::latch &connected, std::latch &go,
               const SessionOptions &baseOptions)
{
    QRandomGenerator random(QRandomGenerator::securelySeeded());
    for (Workstation *w : mine) {
        SessionOptions options = baseOptions;
        options.workstation = QStringLiteral("wsbench-%1").arg(w->index);
        w->session = std::make_unique<DbSession>(w->settings, options);
        w->session->setRetryPolicy(shared.policy);
        auto opened = w->session->open();
        if (!opened) {
            ++shared.refused;
            std::lock_guard lock(shared.mutex);
            if (shared.firstRefusal.isEmpty()) {
                shared.firstRefusal = opened.error().message;
                shared.firstRefusalState = opened.error().sqlState;
            }
            w->session.reset();
            continue;
        }
        ++shared.connected;
        w->feed = std::make_unique<EventFeed>(*w->session);
        w->directory = std::make_unique<AccountDirectory>(*w->session);
        if (w->cls != Class::Idle)
            w->executor = std::make_unique<ActionExecutor>(*w->session, shared.policy);
    }
    connected.count_down();
    go.wait();
    if (!shared.abort) {
        for (Workstation *w : mine) {
            w->nextPing = shared.start + std::chrono::milliseconds(random.bounded(5000));
            w->nextPoll = shared.start + std::chrono::milliseconds(random.bounded(3000));
            w->nextAction = w->cls == Class::Teller ? shared.start + std::chrono::milliseconds(random.bounded(30000)) : shared.start;
            // The first poll only learns where the events end (not measured).
            if (w->feed)
                w->feed->poll();
        }
        const bool fast = mine.size() == 1 && mine.front()->cls == Class::Fast;
        while (true) {
            const auto now = Clock::now();
            if (now >= shared.end)
                break;
            Workstation *due = nullptr;
            Kind kind = Kind::Ping;
            Clock::time_point next = shared.end;
            for (Workstation *w : mine) {
                if (!w->session)
                    continue;
                if (w->nextPing < next) {
                    next = w->nextPing;
                    due = w;
                    kind = Kind::Ping;
                }
                if (w->nextPoll < next) {
                    next = w->nextPoll;
                    due = w;
                    kind = Kind::Poll;
                }
                if (w->cls == Class::Teller && w->nextAction < next) {
                    next = w->nextAction;
                    due = w;
                    kind = Kind::Action;
                }
            }
            if (fast && next > now && mine.front()->session) {
                act(*mine.front(), stats, random, shared); // back to back, between its timers
                continue;
            }
            if (!due)
                break;
            if (next > now) {
                std::this_thread::sleep_for(std::min<Clock::duration>(next - now, std::chrono::milliseconds(200)));
                continue;
            }
            stats.lateNs[int(due->cls)].push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(now - next).count());
            switch (kind) {
            case Kind::Ping:
                ping(*due, stats);
                due->nextPing += PingEvery;
                break;
            case Kind::Poll:
                poll(*due, stats);
                due->nextPoll += PollEvery;
                break;
            case Kind::Action:
                act(*due, stats, random, shared);
                due->nextAction = Clock::now() + thinkTime(random);
                break;
            }
        }
    }
    for (Workstation *w : mine) {
        w->executor.reset();
        w->directory.reset();
        w->feed.reset();
        w->session.reset();
    }
}

// Proportional set size of a process, in KiB (0 if it cannot be read).
qint64 pssKiB(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("Pss:"))
            return line.mid(4).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

qint64 parentOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray s = f.readAll();
    // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
    return s.mid(s.lastIndexOf(')') + 2).split(' ').value(1).toLongLong();
}

// The postmaster and all its children: the server's memory, shared memory counted once.
qint64 serverPssKiB(qint64 postmaster, int *processes)
{
    qint64 total = pssKiB(postmaster);
    int n = 1;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        if (ok && parentOf(pid) == postmaster) {
            total += pssKiB(pid);
            ++n;
        }
    }
    if (processes)
        *processes = n;
    return total;
}

struct Sample
{
    double t = 0;
    int backends = -1, workstationBackends = -1, poolerServers = -1, poolerClients = -1, poolerWaiting = -1;
    qint64 serverPss = -1, poolerPss = -1, clientRss = -1;
    int serverProcesses = 0;
    qint64 sessions = -1; // pg_stat_database.sessions: every server session ever started
};

qint64 ownRssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

double percentile(std::vector<qint64> &v, int p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return double(v.at(std::min(v.size() - 1, v.size() * size_t(p) / 100))) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    initializeProcess();
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("teller.*.info=false\nteller.*.warning=false"));

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption serverOpt(QStringLiteral("server"), QStringLiteral("the server, as its superuser (conninfo)"),
                                       QStringLiteral("conninfo"));
    const QCommandLineOption viaOpt(QStringLiteral("via"), QStringLiteral("pgbouncer or direct"), QStringLiteral("how"),
                                    QStringLiteral("pgbouncer"));
    const QCommandLineOption wsOpt(QStringLiteral("workstations"), QStringLiteral("workstations in all"), QStringLiteral("n"),
                                   QStringLiteral("1000"));
    const QCommandLineOption tellersOpt(QStringLiteral("tellers"), QStringLiteral("of them at a teller's pace"), QStringLiteral("n"),
                                        QStringLiteral("100"));
    const QCommandLineOption fastOpt(QStringLiteral("fast"), QStringLiteral("of them back to back"), QStringLiteral("n"),
                                     QStringLiteral("4"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("run time"), QStringLiteral("s"),
                                        QStringLiteral("120"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"), QStringLiteral("threads for the idle and teller classes"),
                                        QStringLiteral("n"), QStringLiteral("8"));
    const QCommandLineOption poolOpt(QStringLiteral("pool-size"), QStringLiteral("PgBouncer's default_pool_size"), QStringLiteral("n"),
                                     QStringLiteral("20"));
    const QCommandLineOption maxDbOpt(QStringLiteral("max-db-connections"), QStringLiteral("PgBouncer's max_db_connections (0: none)"),
                                      QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption idleOpt(QStringLiteral("server-idle-timeout"),
                                     QStringLiteral("PgBouncer's server_idle_timeout in seconds (0: its default, 600)"),
                                     QStringLiteral("s"), QStringLiteral("0"));
    const QCommandLineOption sharedOpt(
        QStringLiteral("shared-login"),
        QStringLiteral("every workstation signs in as the same teller (a measurement, not a way to run)"));
    const QCommandLineOption actionsOpt(QStringLiteral("actions"), QStringLiteral("mix (withdrawals, deposits, transfers) or transfers"),
                                        QStringLiteral("which"), QStringLiteral("mix"));
    const QCommandLineOption accountsOpt(QStringLiteral("accounts"), QStringLiteral("accounts"), QStringLiteral("n"),
                                         QStringLiteral("1000"));
    parser.addOptions({serverOpt, viaOpt, wsOpt, tellersOpt, fastOpt, secondsOpt, threadsOpt, poolOpt, maxDbOpt, idleOpt, sharedOpt,
                       actionsOpt, accountsOpt});
    parser.process(app);

    const auto number = [&](const QCommandLineOption &o, int lo, int hi) {
        bool ok = false;
        const int v = parser.value(o).toInt(&ok);
        if (!ok || v < lo || v > hi) {
            progress(QStringLiteral("--%1 takes %2 to %3").arg(o.names().first()).arg(lo).arg(hi));
            std::exit(2);
        }
        return v;
    };
    const int total = number(wsOpt, 1, 5000), tellers = number(tellersOpt, 0, 5000), fast = number(fastOpt, 0, 64);
    const int seconds = number(secondsOpt, 1, 86400), threads = number(threadsOpt, 1, 64);
    const int poolSize = number(poolOpt, 1, 1000), maxDb = number(maxDbOpt, 0, 5000);
    const int accounts = number(accountsOpt, 2, 100000);
    const int idleTimeout = number(idleOpt, 0, 86400);
    const bool sharedLogin = parser.isSet(sharedOpt);
    const QString actions = parser.value(actionsOpt);
    const QString via = parser.value(viaOpt);
    if ((via != u"pgbouncer" && via != u"direct") || (actions != u"mix" && actions != u"transfers") || tellers + fast > total
        || tellers + fast == 0 || !parser.isSet(serverOpt)) {
        parser.showHelp(2);
    }
    auto server = ConnectionSettings::fromConninfo(parser.value(serverOpt));
    if (!server) {
        progress(server.error().message);
        return 2;
    }
    const QString database = server->effective(QStringLiteral("dbname"));

    // 1,000 connections and more: every descriptor this process may have.
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }

    SessionOptions sessionOptions;
    sessionOptions.applicationName = QStringLiteral("teller wsbench");
    Shared shared;
    shared.accounts = accounts;
    shared.transfersOnly = actions == u"transfers";
    if (sharedLogin && !shared.transfersOnly) {
        progress(QStringLiteral("--shared-login takes --actions transfers: the cash actions of one teller would all hit one till row"));
        return 2;
    }
    shared.policy.maxRetries = 50; // a busy moment must not become an error

    // 1. As the owner: the bench's branch, its supervisor and one teller login per
    //    workstation (fresh passwords every run, kept in memory only), the accounts, funded
    //    once; tills for the workstations that take actions.
    QElapsedTimer phase;
    phase.start();
    std::vector<Workstation> stations(static_cast<size_t>(total));
    std::vector<QString> passwords(static_cast<size_t>(total));
    {
        DbSession admin(*server, sessionOptions);
        if (auto ok = admin.open(); !ok) {
            progress(ok.error().message);
            return 1;
        }
        Administration administration(admin);
        auto home = administration.homeCurrency();
        if (!home) {
            progress(home.error().message);
            return 1;
        }
        shared.home = *home;
        if (auto ok = administration.openBranch(QStringLiteral("WSB"), QStringLiteral("Workstation benchmark")); !ok) {
            progress(ok.error().message);
            return 1;
        }
        const auto add = [&](const QString &name, StaffRole role, QString *password) {
            *password = QStringLiteral("wsb-") + QUuid::createUuid().toString(QUuid::Id128);
            auto added = administration.addStaff(name, name, role, std::nullopt, *password, QStringLiteral("WSB"),
                                                 role != StaffRole::Admin);
            if (!added || added->pending) {
                progress(QStringLiteral("cannot add %1: %2").arg(name, added ? QStringLiteral("pending") : added.error().message));
                std::exit(1);
            }
        };
        QString supervisorPassword;
        add(QStringLiteral("ws_supervisor"), StaffRole::Supervisor, &supervisorPassword);
        for (int i = 0; i < total; ++i)
            add(login(i + 1), StaffRole::Teller, &passwords[size_t(i)]);
        progress(QStringLiteral("%1 logins in %2 s").arg(total + 1).arg(phase.elapsed() / 1000.0));
        if (auto ok = admin.transaction(QStringLiteral("bench limits"),
                                        [&] {
                                            return admin.select(
                                                QStringLiteral("UPDATE teller.staff SET daily_cash_limit = 1000000000000000 "
                                                               "WHERE branch_id = (SELECT id FROM teller.branches WHERE code = ?)"),
                                                {QStringLiteral("WSB")}, QStringLiteral("the bench's limits"), [](const auto &) {});
                                        });
            !ok) {
            progress(ok.error().message);
            return 1;
        }
        QList<AccountRow> rows;
        for (int i = 1; i <= accounts; ++i) {
            AccountRow row;
            row.line = i;
            row.number = account(i);
            row.holder = QStringLiteral("Workstation bench account %1").arg(i);
            row.currency = *home;
            row.floor = Money(0, *home);
            rows << row;
        }
        if (auto ok = administration.importAccounts(rows); !ok) {
            progress(ok.error().message);
            return 1;
        }
        ConnectionSettings supervisorSettings = *server;
        supervisorSettings.set(QStringLiteral("user"), QStringLiteral("ws_supervisor"));
        supervisorSettings.set(QStringLiteral("password"), supervisorPassword);
        DbSession supervisorSession(supervisorSettings, sessionOptions);
        if (auto ok = supervisorSession.open(); !ok) {
            progress(ok.error().message);
            return 1;
        }
        ActionExecutor supervisor(supervisorSession, shared.policy);
        const int active = tellers + fast;
        const Money perTill(100'000'000'000, *home);
        if (active > 0) {
            const Outcome received = supervisor.moveVaultCash(IdempotencyKey::generate(), ActionKind::VaultReceive, {},
                                                              Money(perTill.minorUnits() * active, *home));
            if (received.status != OutcomeStatus::Completed) {
                progress(QStringLiteral("vault receive: %1 %2").arg(received.reason, received.message));
                return 1;
            }
        }
        for (int i = 0; i < total; ++i) {
            Workstation &w = stations[size_t(i)];
            w.index = i + 1;
            w.cls = i < fast ? Class::Fast : i < fast + tellers ? Class::Teller : Class::Idle;
            ConnectionSettings direct = *server;
            direct.set(QStringLiteral("user"), login(i + 1));
            direct.set(QStringLiteral("password"), passwords[size_t(i)]);
            w.settings = direct;
            if (sharedLogin) {
                w.settings.set(QStringLiteral("user"), login(1));
                w.settings.set(QStringLiteral("password"), passwords.front());
            }
            if (w.cls == Class::Idle)
                continue;
            DbSession tellerSession(direct, sessionOptions);
            if (auto ok = tellerSession.open(); !ok) {
                progress(ok.error().message);
                return 1;
            }
            auto tills = Cash(tellerSession).tills(*home);
            if (!tills) {
                progress(tills.error().message);
                return 1;
            }
            if (tills->isEmpty() || !tills->first().open) {
                const Outcome till = ActionExecutor(tellerSession, shared.policy)
                                         .countTill(IdempotencyKey::generate(), ActionExecutor::TillCount::Open,
                                                    tills->isEmpty() ? Money(0, *home) : tills->first().cash, std::nullopt);
                if (till.status != OutcomeStatus::Completed) {
                    progress(QStringLiteral("till open: %1 %2").arg(till.reason, till.message));
                    return 1;
                }
            }
            const Outcome cash = supervisor.moveVaultCash(IdempotencyKey::generate(), ActionKind::VaultToTill, login(i + 1), perTill);
            if (cash.status != OutcomeStatus::Completed) {
                progress(QStringLiteral("cash to till: %1 %2").arg(cash.reason, cash.message));
                return 1;
            }
        }
        // Every account funded once, as cash paid in at the first active workstation's till
        // (fixed keys: later runs replay).
        const CustomerId id = *CustomerId::create(IdDocument::Other, QStringLiteral("WSB-FUNDING"));
        DbSession funder(stations.front().settings, sessionOptions);
        if (auto ok = funder.open(); !ok) {
            progress(ok.error().message);
            return 1;
        }
        ActionExecutor executor(funder, shared.policy);
        for (int i = 1; i <= accounts; ++i) {
            auto request = ActionRequest::create(ActionKind::Deposit, account(i), {}, Money(100'000'000'000, *home), {}, id);
            const Outcome out = executor.execute(Action{fundingKey(account(i)), *request, QDateTime::currentDateTimeUtc()});
            if (out.status != OutcomeStatus::Completed) {
                progress(QStringLiteral("funding %1: %2 %3").arg(account(i), out.reason, out.message));
                return 1;
            }
        }
    }
    progress(QStringLiteral("provisioned in %1 s").arg(phase.elapsed() / 1000.0));

    // 2. The pooler, in front of the server's socket (or host) and port.
    std::unique_ptr<PgBouncer> pooler;
    if (via == u"pgbouncer") {
        PgBouncer::Options o;
        o.serverHost = server->effective(QStringLiteral("host"));
        o.serverPort = server->effective(QStringLiteral("port")).toInt();
        o.maxClientConn = total + 100;
        o.defaultPoolSize = poolSize;
        o.maxDbConnections = maxDb;
        if (idleTimeout > 0)
            o.extraSettings << QStringLiteral("server_idle_timeout = %1").arg(idleTimeout);
        pooler = std::make_unique<PgBouncer>(o);
        if (auto ok = pooler->start(*server, {database}); !ok) {
            progress(ok.error().message);
            return 1;
        }
        for (int i = 0; i < total; ++i)
            stations[size_t(i)].settings = sharedLogin ? pooler->connection(database, login(1), passwords.front())
                                                       : pooler->connection(database, login(i + 1), passwords[size_t(i)]);
        progress(QStringLiteral("PgBouncer on port %1").arg(pooler->port()));
    }

    // 3. The monitor: the server's own view, straight to it, every second.
    std::vector<Sample> samples;
    std::atomic<bool> monitorStop{false};
    qint64 postmaster = 0;
    QElapsedTimer wall;
    wall.start();
    std::unique_ptr<QThread> monitor(QThread::create([&] {
        DbSession session(*server, sessionOptions);
        if (!session.open(DbSession::SchemaCheck::Skip))
            return;
        auto backend = session.selectOne(QStringLiteral("SELECT pg_backend_pid()"), {}, QStringLiteral("pid"),
                                         [](const auto &q) { return q.value(0).toLongLong(); });
        postmaster = backend ? parentOf(*backend) : 0;
        int tick = 0;
        while (!monitorStop) {
            Sample s;
            s.t = double(wall.elapsed()) / 1000.0;
            session.select(QStringLiteral("SELECT count(*) FILTER (WHERE backend_type = 'client backend'), "
                                          "count(*) FILTER (WHERE usename LIKE ?), "
                                          "(SELECT sessions FROM pg_stat_database WHERE datname = current_database()) "
                                          "FROM pg_stat_activity"),
                           {QStringLiteral("ws\\_%")}, QStringLiteral("pg_stat_activity"), [&](const auto &q) {
                               s.backends = q.value(0).toInt();
                               s.workstationBackends = q.value(1).toInt();
                               s.sessions = q.value(2).toLongLong();
                           });
            if (pooler) {
                if (auto pools = pooler->show(QStringLiteral("POOLS"))) {
                    s.poolerServers = s.poolerClients = s.poolerWaiting = 0;
                    for (const PgBouncer::Row &row : *pools) {
                        if (row.value(QStringLiteral("database")) != database)
                            continue;
                        for (const char *c : {"sv_active", "sv_idle", "sv_used", "sv_tested", "sv_login"})
                            s.poolerServers += row.value(QString::fromLatin1(c)).toInt();
                        s.poolerClients += row.value(QStringLiteral("cl_active")).toInt()
                                           + row.value(QStringLiteral("cl_waiting")).toInt();
                        s.poolerWaiting += row.value(QStringLiteral("cl_waiting")).toInt();
                    }
                }
            }
            if (tick % 10 == 0 && postmaster > 0) {
                s.serverPss = serverPssKiB(postmaster, &s.serverProcesses);
                if (pooler)
                    s.poolerPss = pssKiB(pooler->processId());
                s.clientRss = ownRssKiB();
            }
            samples.push_back(s);
            ++tick;
            for (int i = 0; i < 10 && !monitorStop; ++i)
                QThread::msleep(100);
        }
    }));
    monitor->start();

    // 4. The workstations: idle and teller classes spread over the threads, each fast one its own.
    std::vector<std::vector<Workstation *>> groups(static_cast<size_t>(threads));
    std::vector<std::vector<Workstation *>> fastGroups;
    for (Workstation &w : stations) {
        if (w.cls == Class::Fast)
            fastGroups.push_back({&w});
        else
            groups[size_t(w.index % threads)].push_back(&w);
    }
    for (auto &g : fastGroups)
        groups.push_back(g);
    std::vector<Stats> stats(groups.size());
    std::latch connectedLatch(ptrdiff_t(groups.size()));
    std::latch go(1);
    std::vector<std::unique_ptr<QThread>> workers;
    phase.restart();
    for (size_t g = 0; g < groups.size(); ++g) {
        workers.emplace_back(QThread::create([&, g] { runThread(groups[g], shared, stats[g], connectedLatch, go, sessionOptions); }));
        workers.back()->start();
    }
    connectedLatch.wait();
    const double connectSeconds = phase.elapsed() / 1000.0;
    progress(QStringLiteral("%1 of %2 workstations connected in %3 s%4")
                 .arg(shared.connected.load())
                 .arg(total)
                 .arg(connectSeconds)
                 .arg(shared.refused ? QStringLiteral("; refused: ") + shared.firstRefusal : QString()));
    shared.abort = shared.refused > 0;
    shared.start = Clock::now();
    shared.end = shared.start + std::chrono::seconds(shared.abort ? 0 : seconds);
    const double runStart = double(wall.elapsed()) / 1000.0;
    if (shared.abort) {
        // Let the monitor see the connections that were made before they close.
        QThread::msleep(2500);
    }
    go.count_down();
    for (auto &w : workers)
        w->wait();
    // The run itself, without the closing of the connections afterwards; when connections
    // were refused, the moment before they close.
    const double runSeconds = shared.abort ? 0.0 : double(seconds);
    const double window = shared.abort ? 2.5 : runSeconds;
    monitorStop = true;
    monitor->wait();

    // 5. Numbers.
    Stats all;
    for (Stats &s : stats) {
        for (int c = 0; c < Classes; ++c)
            for (int k = 0; k < Kinds; ++k) {
                all.ns[c][k].insert(all.ns[c][k].end(), s.ns[c][k].begin(), s.ns[c][k].end());
                all.errors[c][k] += s.errors[c][k];
            }
        for (int c = 0; c < Classes; ++c)
            all.lateNs[c].insert(all.lateNs[c].end(), s.lateNs[c].begin(), s.lateNs[c].end());
        all.rejected += s.rejected;
        all.busy += s.busy;
        all.inDoubt += s.inDoubt;
        all.retries += s.retries;
        if (all.firstError.isEmpty())
            all.firstError = s.firstError;
    }
    int errors = 0;
    QJsonObject classes;
    for (int c = 0; c < Classes; ++c) {
        QJsonObject kinds;
        for (int k = 0; k < Kinds; ++k) {
            auto &v = all.ns[c][k];
            if (v.empty() && all.errors[c][k] == 0)
                continue;
            errors += all.errors[c][k];
            kinds.insert(QString::fromLatin1(kindName(k)),
                         QJsonObject{{QStringLiteral("count"), int(v.size())},
                                     {QStringLiteral("per_second"), runSeconds > 0 ? double(v.size()) / runSeconds : 0.0},
                                     {QStringLiteral("p50_ms"), percentile(v, 50)},
                                     {QStringLiteral("p99_ms"), percentile(v, 99)},
                                     {QStringLiteral("max_ms"), v.empty() ? 0.0 : double(v.back()) / 1e6},
                                     {QStringLiteral("errors"), all.errors[c][k]}});
        }
        const int n = c == 0 ? total - tellers - fast : c == 1 ? tellers : fast;
        kinds.insert(QStringLiteral("workstations"), n);
        auto &late = all.lateNs[c];
        if (!late.empty())
            kinds.insert(QStringLiteral("timers_late_ms"), QJsonObject{{QStringLiteral("p50"), percentile(late, 50)},
                                                                       {QStringLiteral("p99"), percentile(late, 99)},
                                                                       {QStringLiteral("max"), double(late.back()) / 1e6}});
        classes.insert(QString::fromLatin1(className(c)), kinds);
    }
    const auto range = [&](auto field) {
        int lo = -1, hi = -1;
        for (const Sample &s : samples) {
            const int v = field(s);
            if (v < 0 || s.t < runStart || s.t > runStart + window)
                continue;
            lo = lo < 0 ? v : std::min(lo, v);
            hi = std::max(hi, v);
        }
        return QJsonArray{lo, hi};
    };
    // Server sessions started during the run: a pooler that must open a new server connection
    // for a statement shows here (the server's statistics lag by up to a second).
    qint64 firstSessions = -1, lastSessions = -1;
    double firstT = 0, lastT = 0;
    for (const Sample &s : samples) {
        if (s.sessions < 0 || s.t < runStart || s.t > runStart + window)
            continue;
        if (firstSessions < 0) {
            firstSessions = s.sessions;
            firstT = s.t;
        }
        lastSessions = s.sessions;
        lastT = s.t;
    }
    qint64 maxServerPss = -1, maxPoolerPss = -1, maxClientRss = -1, serverPssBefore = -1;
    for (const Sample &s : samples) {
        if (s.serverPss >= 0) {
            serverPssBefore = s.serverPss; // the first: before any workstation connected
            break;
        }
    }
    int serverProcesses = 0;
    for (const Sample &s : samples) {
        if (s.serverPss > maxServerPss) {
            maxServerPss = s.serverPss;
            serverProcesses = s.serverProcesses;
        }
        maxPoolerPss = std::max(maxPoolerPss, s.poolerPss);
        maxClientRss = std::max(maxClientRss, s.clientRss);
    }
    QJsonObject out{
        {QStringLiteral("via"), via},
        {QStringLiteral("workstations"), total},
        {QStringLiteral("logins"), sharedLogin ? 1 : total},
        {QStringLiteral("actions"), actions},
        {QStringLiteral("connected"), shared.connected.load()},
        {QStringLiteral("refused"), shared.refused.load()},
        {QStringLiteral("connect_seconds"), connectSeconds},
        {QStringLiteral("seconds"), runSeconds},
        {QStringLiteral("classes"), classes},
        {QStringLiteral("errors"), errors},
        {QStringLiteral("rejected"), all.rejected},
        {QStringLiteral("busy"), all.busy},
        {QStringLiteral("in_doubt"), all.inDoubt},
        {QStringLiteral("retries"), all.retries},
        // [min, max] over the run's samples (one a second).
        {QStringLiteral("server_backends"), range([](const Sample &s) { return s.backends; })},
        {QStringLiteral("server_backends_of_workstations"), range([](const Sample &s) { return s.workstationBackends; })},
        {QStringLiteral("server_sessions_started_per_second"),
         lastT > firstT ? double(lastSessions - firstSessions) / (lastT - firstT) : 0.0},
        {QStringLiteral("server_pss_mib_before"), serverPssBefore < 0 ? QJsonValue() : QJsonValue(double(serverPssBefore) / 1024.0)},
        {QStringLiteral("server_pss_mib_max"), maxServerPss < 0 ? QJsonValue() : QJsonValue(double(maxServerPss) / 1024.0)},
        {QStringLiteral("server_processes"), serverProcesses},
        {QStringLiteral("client_rss_mib_max"), maxClientRss < 0 ? QJsonValue() : QJsonValue(double(maxClientRss) / 1024.0)},
    };
    if (pooler) {
        out.insert(QStringLiteral("pgbouncer_server_connections"), range([](const Sample &s) { return s.poolerServers; }));
        out.insert(QStringLiteral("pgbouncer_clients"), range([](const Sample &s) { return s.poolerClients; }));
        out.insert(QStringLiteral("pgbouncer_waiting"), range([](const Sample &s) { return s.poolerWaiting; }));
        out.insert(QStringLiteral("pgbouncer_pss_mib_max"), maxPoolerPss < 0 ? QJsonValue() : QJsonValue(double(maxPoolerPss) / 1024.0));
        out.insert(QStringLiteral("pool_size"), poolSize);
        out.insert(QStringLiteral("max_db_connections"), maxDb);
        out.insert(QStringLiteral("server_idle_timeout"), idleTimeout > 0 ? idleTimeout : 600);
    }
    if (shared.refused) {
        out.insert(QStringLiteral("first_refusal"), shared.firstRefusal);
        out.insert(QStringLiteral("first_refusal_sqlstate"), shared.firstRefusalState);
    }
    if (!all.firstError.isEmpty())
        out.insert(QStringLiteral("first_error"), all.firstError);

    // 6. The invariants, straight to the server as its owner.
    QJsonValue invariants;
    {
        DbSession admin(*server, sessionOptions);
        if (auto ok = admin.open(); !ok) {
            invariants = ok.error().message;
        } else {
            auto violations = Administration(admin).invariantViolations();
            if (!violations) {
                invariants = violations.error().message;
            } else {
                QJsonArray broken;
                for (const InvariantViolation &v : *violations)
                    broken.append(QString(v.invariant + u' ' + v.subject + QStringLiteral(": ") + v.detail));
                invariants = broken.isEmpty() ? QJsonValue(QStringLiteral("ok")) : QJsonValue(broken);
            }
        }
    }
    out.insert(QStringLiteral("invariants"), invariants);
    if (pooler && errors > 0)
        out.insert(QStringLiteral("pgbouncer_log_tail"), pooler->logTail(1500));
    const bool ok = !shared.refused && errors == 0 && invariants == QJsonValue(QStringLiteral("ok"));
    out.insert(QStringLiteral("status"), ok ? QStringLiteral("completed") : QStringLiteral("failed"));
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    if (pooler)
        pooler->stop();
    return ok ? 0 : 1;
}
