#include "TellerClient.h"

#include "Administration.h"
#include "DbSession.h"
#include "Events.h"
#include "Journal.h"
#include "Logging.h"
#include "ReadCache.h"
#include "StaffSessions.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTimer>

namespace teller {

namespace {
// Reads answer the teller who is waiting for them: after a lost connection one more attempt
// on a fresh connection, never a long retry (a search as you type is asked again anyway).
RetryPolicy readPolicy()
{
    RetryPolicy p;
    p.maxRetries = 1;
    p.totalBudget = std::chrono::seconds(8);
    return p;
}
} // namespace

// Lives on its thread; everything it owns is made, used and destroyed there.
class TellerClient::Worker : public QObject
{
public:
    std::unique_ptr<DbSession> session;
    std::unique_ptr<ActionExecutor> executor;
    std::unique_ptr<Journal> journal;
    QString journalError; // why the journal could not be opened: no action is sent without it
    QTimer *ping = nullptr;
    std::function<void()> pingNow;
    QTimer *watch = nullptr;
    QTimer *readSoon = nullptr;
    std::unique_ptr<EventFeed> feed;          // the listener's: what changed on the server, by cursor
    std::unique_ptr<DbSession> listenSession; // the listener's own connection, if it has one
    DbSession *events = nullptr;              // the one the feed reads on (listenSession or session)
    ReadCache cache;                          // the reads worker's: searches asked again

    ~Worker() override
    {
        feed.reset();
        events = nullptr;
        listenSession.reset();
        executor.reset();
        session.reset();
        journal.reset();
    }

    // Reconnects if the last statement left the connection bad.
    Result<void> ensureOpen()
    {
        if (!session)
            return fail(Error{Error::Kind::Connection, QCoreApplication::translate("teller::TellerClient", "Not signed in.")});
        if (session->connectionOk())
            return {};
        return session->reopen();
    }

    // Runs a read on this worker's session (the services retry it themselves, within the
    // session's retry policy).
    template <typename Read> auto read(Read &&run) -> decltype(run(*session))
    {
        if (!session)
            return fail(Error{Error::Kind::Connection, QCoreApplication::translate("teller::TellerClient", "Not signed in.")});
        return run(*session);
    }
};

TellerClient::TellerClient(QObject *parent) : QObject(parent)
{
    m_actionThread.setObjectName(QStringLiteral("teller-actions"));
    m_readThread.setObjectName(QStringLiteral("teller-reads"));
    m_listenThread.setObjectName(QStringLiteral("teller-listen"));
    m_actionWorker = new Worker;
    m_readWorker = new Worker;
    m_listenWorker = new Worker;
    m_actionWorker->moveToThread(&m_actionThread);
    m_readWorker->moveToThread(&m_readThread);
    m_listenWorker->moveToThread(&m_listenThread);
    // Deleted on their own threads once the threads' event loops end.
    connect(&m_actionThread, &QThread::finished, m_actionWorker, &QObject::deleteLater);
    connect(&m_readThread, &QThread::finished, m_readWorker, &QObject::deleteLater);
    connect(&m_listenThread, &QThread::finished, m_listenWorker, &QObject::deleteLater);
    m_actions = m_actionWorker;
    m_reads = m_readWorker;
    m_listener = m_listenWorker;
    m_actionThread.start();
    m_readThread.start();
    m_listenThread.start();
}

TellerClient::~TellerClient()
{
    m_cancel = true; // an action still retrying stops after its current attempt
    m_actionThread.quit();
    m_readThread.quit();
    m_listenThread.quit();
    m_actionThread.wait();
    m_readThread.wait();
    m_listenThread.wait();
}

void TellerClient::post(Worker *worker, std::function<void(Worker &)> job)
{
    QMetaObject::invokeMethod(
        worker, [worker, job = std::move(job)] { job(*worker); }, Qt::QueuedConnection);
}

bool TellerClient::setConnectionPlan(const ConnectionPlan &plan)
{
    if (m_signedIn || plan.connections < 1 || plan.connections > 3)
        return false;
    m_plan = plan;
    m_actions = m_actionWorker;
    m_reads = plan.connections >= 2 ? m_readWorker : m_actionWorker;
    m_listener = plan.connections >= 3 ? m_listenWorker : m_reads;
    return true;
}

void TellerClient::setRetryPolicy(const RetryPolicy &policy)
{
    m_policy = policy;
    post(m_actions, [policy](Worker &w) {
        if (w.session)
            w.session->setRetryPolicy(policy);
        if (w.executor)
            w.executor->setPolicy(policy);
    });
}

void TellerClient::setPingInterval(std::chrono::milliseconds interval)
{
    m_pingInterval = interval;
    post(m_reads, [interval](Worker &w) {
        if (w.ping)
            w.ping->setInterval(interval);
    });
}

void TellerClient::setConnected(bool connected, const QString &detail)
{
    if (connected == m_connected)
        return;
    m_connected = connected;
    Q_EMIT connectionStateChanged(connected, detail);
}

ConnectionSettings TellerClient::listenSettingsFor(const ConnectionSettings &settings) const
{
    ConnectionSettings listen = settings;
    if (!m_plan.listenHost.isEmpty()) {
        listen.set(QStringLiteral("host"), m_plan.listenHost);
        if (!m_plan.listenPort.isEmpty())
            listen.set(QStringLiteral("port"), m_plan.listenPort);
    }
    return listen;
}

void TellerClient::signIn(const ConnectionSettings &settings, const SessionOptions &options)
{
    m_options = options;
    if (m_options.workstation.isEmpty())
        m_options.workstation = SessionOptions::defaultWorkstation();
    const SessionOptions sessionOptions = m_options;
    const std::chrono::milliseconds pingInterval = m_pingInterval;
    // Through a pooler that logs in with one shared login, the member proves who signs in over
    // the direct address (the listening connection's), once for all of this window's sessions.
    m_staffSessions = std::make_shared<StaffSessions>(listenSettingsFor(settings), sessionOptions);
    const auto staffSessions = m_staffSessions;

    post(m_reads, [this, settings, sessionOptions, pingInterval, staffSessions](Worker &w) {
        w.session = std::make_unique<DbSession>(settings, sessionOptions);
        w.session->setStaffSessions(staffSessions);
        w.session->setRetryPolicy(readPolicy());
        // During a failover no server may answer for a few seconds: tried again within the
        // read policy (nothing is sent before a connection is made; a wrong password fails at once).
        auto opened = w.session->openRetrying();
        if (!opened) {
            const Error e = opened.error();
            w.session.reset();
            QMetaObject::invokeMethod(
                this, [this, e] { Q_EMIT signInFailed(e); }, Qt::QueuedConnection);
            return;
        }
        Administration admin(*w.session);
        auto staff = admin.currentStaff();
        if (!staff) {
            const Error e = staff.error();
            w.session.reset();
            QMetaObject::invokeMethod(
                this, [this, e] { Q_EMIT signInFailed(e); }, Qt::QueuedConnection);
            return;
        }
        const QString server = settings.describe();
        const bool encrypted = w.session->isEncrypted();
        const StaffInfo info = *staff;
        QMetaObject::invokeMethod(
            this,
            [this, info, server, encrypted, settings, sessionOptions] {
                m_staff = info;
                m_server = server;
                m_signedIn = true;
                setConnected(true, server);
                // Only a sign-in that worked starts the other sessions: a wrong password must
                // not be retried in the background or used to reconcile the journal.
                startSessions(settings, sessionOptions, info.login);
                // Names for what the window shows (the bank, the branch, who decided).
                m_workplace = {};
                loadWorkplace();
                Q_EMIT signedIn(info, server, encrypted);
            },
            Qt::QueuedConnection);

        // Watch the connection while idle, so the status bar tells the truth on its own.
        if (!w.ping) {
            w.ping = new QTimer(&w);
            w.pingNow = [this, &w] {
                if (!w.session)
                    return;
                const bool ok = w.session->ping() || bool(w.session->reopen());
                QMetaObject::invokeMethod(
                    this, [this, ok] { setConnected(ok, ok ? m_server : tr("The connection to the server is lost; reconnecting.")); },
                    Qt::QueuedConnection);
            };
            QObject::connect(w.ping, &QTimer::timeout, &w, [&w] { w.pingNow(); });
        }
        w.ping->setInterval(pingInterval);
        w.ping->start();
    });
}

void TellerClient::startSessions(const ConnectionSettings &settings, const SessionOptions &sessionOptions, const QString &login)
{
    // A connection reads what changed on the server (teller.events) by cursor: when a NOTIFY
    // teller_events says something did (its thread's event loop delivers it), and on a 3-second
    // timer anyway, whose round trip also tells whether the connection is still there. Nothing
    // depends on a NOTIFY arriving (the queue may be full, the sender's hint lost, a pooler in
    // between): the timer reads what the hints missed. If the connection drops, it is reopened
    // and subscribed again; the cursor stays, so what was recorded meanwhile is read then.
    // With fewer connections (setConnectionPlan) this is the reads' (or the only) connection;
    // through a transaction pooler it listens only where the plan sends it (PostgreSQL itself),
    // and otherwise reads on the timer alone.
    const bool ownListener = m_listener != m_reads;
    const ConnectionSettings listenSettings = listenSettingsFor(settings);
    const auto staffSessions = m_staffSessions;
    SessionOptions listenOptions = sessionOptions;
    listenOptions.applicationName += QStringLiteral(" listen");
    post(m_listener, [this, listenSettings, listenOptions, ownListener, staffSessions](Worker &w) {
        w.feed.reset();
        if (ownListener) {
            w.listenSession = std::make_unique<DbSession>(listenSettings, listenOptions);
            w.listenSession->setStaffSessions(staffSessions);
            w.events = w.listenSession.get();
        } else {
            w.events = w.session.get(); // made by signIn on this thread
        }
        if (!w.events)
            return;
        w.feed = std::make_unique<EventFeed>(*w.events);
        const auto report = [this](bool live) {
            QMetaObject::invokeMethod(
                this, [this, live] { setLive(live); }, Qt::QueuedConnection);
        };
        // Reads the events after the cursor and announces those about operations.
        const auto read = [this, &w]() -> bool {
            if (!w.events || !w.feed)
                return false;
            auto events = w.feed->poll();
            if (!events) {
                qCDebug(lcDb).noquote() << "reading events failed:" << events.error().message;
                return false;
            }
            for (const ServerEvent &e : *events) {
                const auto event = e.operationEvent();
                if (!event)
                    continue;
                QMetaObject::invokeMethod(
                    this,
                    [this, ev = *event] {
                        dropCachedReads();
                        Q_EMIT operationChanged(ev);
                    },
                    Qt::QueuedConnection);
            }
            // A hint that arrived while the read ran is in libpq's hands, not QPSQL's.
            if (w.events->takePendingNotifications() > 0 && w.readSoon)
                w.readSoon->start();
            return true;
        };
        if (!w.readSoon) {
            // A burst of hints is read once.
            w.readSoon = new QTimer(&w);
            w.readSoon->setSingleShot(true);
            w.readSoon->setInterval(10);
            QObject::connect(w.readSoon, &QTimer::timeout, &w, [read] { read(); });
        }
        // LISTEN first, then the first read: nothing recorded in between is missed. Through a
        // transaction pooler there is no LISTEN (its session is not ours to keep): the timer
        // alone reads, and the window is told it is not live.
        const auto subscribe = [this, &w, read]() -> bool {
            if (!w.events->connectionOk() && !w.events->reopen())
                return false;
            if (w.events->throughPooler()) {
                read();
                return false; // not live: the timer reads from now on
            }
            QSqlDriver *driver = w.events->database().driver();
            QObject::disconnect(driver, &QSqlDriver::notification, &w, nullptr);
            QObject::connect(driver, &QSqlDriver::notification, &w,
                             [&w](const QString &, QSqlDriver::NotificationSource, const QVariant &) {
                                 if (w.readSoon)
                                     w.readSoon->start();
                             });
            const QString channel = QString::fromUtf16(EventHintChannel);
            if (!driver->subscribedToNotifications().contains(channel) && !driver->subscribeToNotification(channel))
                return false;
            return read();
        };
        const bool subscribed = subscribe();
        qCDebug(lcDb) << "listening for operation changes:" << subscribed;
        report(subscribed);
        if (!w.watch) {
            w.watch = new QTimer(&w);
            w.watch->setInterval(3000);
            QObject::connect(w.watch, &QTimer::timeout, &w, [&w, subscribe, report, read] {
                if (!w.events)
                    return;
                // The timer's read is also the check that the connection is still there.
                const bool pooled = w.events->throughPooler();
                bool ok = w.events->connectionOk() && read();
                if (!ok) {
                    report(false);
                    w.events->close();
                    ok = subscribe();
                }
                report(ok && !pooled);
            });
        }
        w.watch->start();
    });

    const QString journalPath = m_journalPath.isEmpty() ? Journal::defaultPath() : m_journalPath;
    const RetryPolicy policy = m_policy;
    const bool ownActions = m_actions != m_reads;
    post(m_actions, [this, settings, sessionOptions, policy, journalPath, login, ownActions, staffSessions](Worker &w) {
        w.executor.reset();
        if (ownActions || !w.session) { // one connection for everything: the one signIn made
            w.session = std::make_unique<DbSession>(settings, sessionOptions);
            w.session->setStaffSessions(staffSessions);
        }
        w.session->setRetryPolicy(policy); // decisions, doubt reports
        w.executor = std::make_unique<ActionExecutor>(*w.session, policy);
        w.executor->setCancelFlag(&m_cancel);
        if (!w.journal) {
            w.journal = std::make_unique<Journal>(journalPath);
            auto opened = w.journal->open();
            QString problem = opened ? w.journal->warning() : opened.error().message;
            w.journalError.clear();
            if (!opened) {
                w.journal.reset();
                w.journalError = opened.error().message;
            }
            if (!problem.isEmpty())
                QMetaObject::invokeMethod(
                    this, [this, problem] { Q_EMIT journalProblem(problem); }, Qt::QueuedConnection);
        }
        // Entries are keyed by the database's identity, which the executor reads once the
        // session is open (the reconcile below, or the first action); entries of older journals
        // under this address are adopted.
        if (w.journal)
            w.executor->setJournal(w.journal.get(), login, {}, settings.databaseIdentity());
        // Connect now so the first action does not pay for it; if this fails, the first
        // action reconnects (and says so) by itself, and the journal is settled at the next
        // sign-in (entries stay open until the server has answered for them).
        if (auto opened = w.session->open(); !opened) {
            qCWarning(lcDb).noquote() << "action session not connected yet:" << opened.error().message;
            return;
        }
        // What an earlier session left unconfirmed is settled first.
        auto items = w.executor->reconcile();
        if (items) {
            for (const ReconcileItem &item : *items) {
                if (item.outcome.status != OutcomeStatus::Unknown)
                    continue;
                if (auto action = item.entry.toAction())
                    reportDoubt(*action, tr("Found open in the workstation's journal at sign-in."));
            }
        }
        if (items && !items->isEmpty()) {
            const QList<ReconcileItem> list = *items;
            QMetaObject::invokeMethod(
                this,
                [this, list] {
                    QList<ReconcileItem> named = list;
                    for (ReconcileItem &item : named)
                        nameDecider(item.outcome);
                    Q_EMIT reconciled(named);
                },
                Qt::QueuedConnection);
        }
    });
}

void TellerClient::dropCachedReads()
{
    post(m_reads, [](Worker &w) { w.cache.clear(); });
}

void TellerClient::setLive(bool live)
{
    if (live == m_live)
        return;
    m_live = live;
    post(m_reads, [live](Worker &w) { w.cache.setLive(live); });
    Q_EMIT liveChanged(live);
}

void TellerClient::signOut()
{
    m_signedIn = false;
    m_staff = {};
    m_workplace = {};
    post(m_listener, [](Worker &w) {
        if (w.watch)
            w.watch->stop();
        if (w.readSoon)
            w.readSoon->stop();
        w.feed.reset();
        w.events = nullptr;
        w.listenSession.reset();
    });
    setLive(false);
    // The staff session (a pooled login's) ends on the actions' connection once what runs
    // there has finished, and with it every session of this sign-in.
    const auto staffSessions = std::exchange(m_staffSessions, nullptr);
    const bool ownActions = m_actions != m_reads;
    const auto endStaffSession = [staffSessions](Worker &w) {
        if (staffSessions && w.session)
            staffSessions->end(*w.session);
    };
    post(m_reads, [ownActions, endStaffSession](Worker &w) {
        if (w.ping)
            w.ping->stop();
        w.cache.clear();
        // With fewer connections this worker's session also carries the feed and the
        // executor: they go before it.
        w.feed.reset();
        w.events = nullptr;
        w.executor.reset();
        if (!ownActions)
            endStaffSession(w);
        w.session.reset();
    });
    post(m_actions, [ownActions, endStaffSession](Worker &w) {
        w.executor.reset();
        if (ownActions)
            endStaffSession(w);
        w.session.reset();
    });
    setConnected(false, tr("Signed out."));
}

quint64 TellerClient::searchAccounts(const QString &text)
{
    const quint64 id = ++m_nextRequest;
    m_latestSearch = id;
    post(m_reads, [this, id, text](Worker &w) {
        if (m_latestSearch.load() != id)
            return; // a newer search is queued: this one's answer would be stale anyway
        if (auto cached = w.cache.search(text)) {
            ++m_cacheHits;
            QMetaObject::invokeMethod(
                this, [this, id, list = *cached] { Q_EMIT searchFinished(id, list); }, Qt::QueuedConnection);
            return;
        }
        const auto found = w.read([&](DbSession &session) { return AccountDirectory(session).search(text); });
        if (found)
            w.cache.storeSearch(text, *found);
        if (!found) {
            const Error e = found.error();
            QMetaObject::invokeMethod(
                this, [this, id, e] { Q_EMIT readFailed(id, e); }, Qt::QueuedConnection);
            return;
        }
        const QList<AccountInfo> list = *found;
        QMetaObject::invokeMethod(
            this, [this, id, list] { Q_EMIT searchFinished(id, list); }, Qt::QueuedConnection);
    });
    return id;
}

quint64 TellerClient::loadAccount(const QString &number)
{
    const quint64 id = ++m_nextRequest;
    post(m_reads, [this, id, number](Worker &w) {
        const auto result = w.read([&](DbSession &session) -> Result<std::optional<std::pair<AccountInfo, QList<OperationInfo>>>> {
            AccountDirectory directory(session);
            auto account = directory.find(number);
            if (!account)
                return fail(account.error());
            if (!*account)
                return std::nullopt;
            auto recent = directory.recentOperations(**account);
            if (!recent)
                return fail(recent.error());
            return std::make_pair(**account, *recent);
        });
        if (!result) {
            const Error e = result.error();
            QMetaObject::invokeMethod(
                this, [this, id, e] { Q_EMIT readFailed(id, e); }, Qt::QueuedConnection);
        } else if (!*result) {
            QMetaObject::invokeMethod(
                this, [this, id, number] { Q_EMIT accountNotFound(id, number); }, Qt::QueuedConnection);
        } else {
            const auto [account, recent] = **result;
            QMetaObject::invokeMethod(
                this, [this, id, account, recent] { Q_EMIT accountLoaded(id, account, recent); }, Qt::QueuedConnection);
        }
    });
    return id;
}

quint64 TellerClient::loadTills()
{
    const quint64 id = ++m_nextRequest;
    const QString login = m_staff.login;
    post(m_reads, [this, id, login](Worker &w) {
        // Never from the read cache: what a till holds decides whether cash can go out.
        auto tills = w.read([&](DbSession &session) { return Cash(session).tills(); });
        if (!tills) {
            const Error e = tills.error();
            QMetaObject::invokeMethod(
                this, [this, id, e] { Q_EMIT readFailed(id, e); }, Qt::QueuedConnection);
            return;
        }
        // A supervisor sees every till of the branch: the desk shows their own.
        QList<TillInfo> own;
        for (const TillInfo &t : std::as_const(*tills))
            if (t.owner == login)
                own << t;
        QMetaObject::invokeMethod(
            this, [this, id, own] { Q_EMIT tillsLoaded(id, own); }, Qt::QueuedConnection);
    });
    return id;
}

template <typename Read, typename Answer> quint64 TellerClient::readThen(Read read, Answer answer)
{
    const quint64 id = ++m_nextRequest;
    post(m_reads, [this, id, read = std::move(read), answer = std::move(answer)](Worker &w) {
        auto result = w.read(read);
        if (!result) {
            const Error e = result.error();
            QMetaObject::invokeMethod(
                this, [this, id, e] { Q_EMIT readFailed(id, e); }, Qt::QueuedConnection);
            return;
        }
        QMetaObject::invokeMethod(
            this, [this, id, answer, value = std::move(*result)] { answer(id, value); }, Qt::QueuedConnection);
    });
    return id;
}

quint64 TellerClient::loadBranchTills()
{
    return readThen([](DbSession &session) { return Cash(session).tills(); },
                    [this](quint64 id, const QList<TillInfo> &tills) { Q_EMIT branchTillsLoaded(id, tills); });
}

quint64 TellerClient::loadCashRules(const Currency &currency)
{
    using Rules = std::pair<QList<Denomination>, Money>;
    return readThen(
        [currency](DbSession &session) -> Result<Rules> {
            Cash cash(session);
            auto denominations = cash.denominations(currency);
            if (!denominations)
                return fail(denominations.error());
            auto threshold = cash.largeCashThreshold(currency);
            if (!threshold)
                return fail(threshold.error());
            return Rules{*denominations, *threshold};
        },
        [this, currency](quint64 id, const Rules &rules) { Q_EMIT cashRulesLoaded(id, currency, rules.first, rules.second); });
}

quint64 TellerClient::loadBlotter(const Currency &currency)
{
    return readThen([currency](DbSession &session) { return Cash(session).blotter(currency); },
                    [this](quint64 id, const Blotter &blotter) { Q_EMIT blotterLoaded(id, blotter); });
}

quint64 TellerClient::loadWorkplace()
{
    return readThen([](DbSession &session) { return Administration(session).workplace(); },
                    [this](quint64 id, const Workplace &workplace) {
                        m_workplace = workplace;
                        Q_EMIT workplaceLoaded(id, workplace);
                    });
}

bool TellerClient::countTill(const IdempotencyKey &key, ActionExecutor::TillCount count, const Money &counted,
                             const std::optional<CashCount> &pieces)
{
    return runOnActions(key,
                        [count, counted, pieces](ActionExecutor &e, const IdempotencyKey &k, const ActionExecutor::RetryCallback &cb) {
                            return e.countTill(k, count, counted, pieces, cb);
                        });
}

bool TellerClient::moveVaultCash(const IdempotencyKey &key, ActionKind kind, const QString &teller, const Money &amount)
{
    return runOnActions(key,
                        [kind, teller, amount](ActionExecutor &e, const IdempotencyKey &k, const ActionExecutor::RetryCallback &cb) {
                            return e.moveVaultCash(k, kind, teller, amount, cb);
                        });
}

bool TellerClient::requestReversal(const IdempotencyKey &key, const IdempotencyKey &original, const QString &reason)
{
    return runOnActions(key, [original, reason](ActionExecutor &e, const IdempotencyKey &k, const ActionExecutor::RetryCallback &cb) {
        return e.requestReversal(k, original, reason, cb);
    });
}

bool TellerClient::submit(const Action &action)
{
    if (m_inFlight || !m_signedIn)
        return false;
    m_inFlight = true;
    post(m_actions, [this, action](Worker &w) {
        Outcome out;
        if (!w.executor) {
            out.key = action.key;
            out.status = OutcomeStatus::InDoubt;
            out.message = tr("Not signed in; the action was not sent.");
        } else if (!w.journal) {
            // Exactly once needs the action on disk before it is sent.
            out.key = action.key;
            out.status = OutcomeStatus::Error;
            out.message = tr("No operation can be sent while the local journal cannot be used: %1").arg(w.journalError);
        } else {
            out = w.executor->execute(action, [this, key = action.key](const RetryNotice &n) {
                QMetaObject::invokeMethod(
                    this, [this, key, n] { Q_EMIT actionRetrying(key, n); }, Qt::QueuedConnection);
            });
        }
        if (out.status == OutcomeStatus::InDoubt)
            reportDoubt(action, out.message);
        QMetaObject::invokeMethod(
            this, [this, out] { finishAction(out); }, Qt::QueuedConnection);
    });
    return true;
}

bool TellerClient::queryStatus(const IdempotencyKey &key)
{
    return runOnActions(
        key, [](ActionExecutor &e, const IdempotencyKey &k, const ActionExecutor::RetryCallback &cb) { return e.status(k, cb); });
}

bool TellerClient::abandon(const IdempotencyKey &key)
{
    return runOnActions(
        key, [](ActionExecutor &e, const IdempotencyKey &k, const ActionExecutor::RetryCallback &cb) { return e.abandon(k, cb); });
}

bool TellerClient::runOnActions(const IdempotencyKey &key, KeyJob job)
{
    if (m_inFlight || !m_signedIn)
        return false;
    m_inFlight = true;
    post(m_actions, [this, key, job](Worker &w) {
        Outcome out;
        out.key = key;
        if (!w.executor) {
            out.status = OutcomeStatus::InDoubt;
            out.message = tr("Not signed in.");
        } else {
            out = job(*w.executor, key, [this, key](const RetryNotice &n) {
                QMetaObject::invokeMethod(
                    this, [this, key, n] { Q_EMIT actionRetrying(key, n); }, Qt::QueuedConnection);
            });
        }
        QMetaObject::invokeMethod(
            this, [this, out] { finishAction(out); }, Qt::QueuedConnection);
    });
    return true;
}

void TellerClient::reportDoubt(const Action &action, const QString &message)
{
    // Over the reads connection: the action's own connection is the one that just failed.
    post(m_reads, [action, message](Worker &w) {
        if (!w.ensureOpen())
            return; // reported again from the journal at the next sign-in
        const ActionRequest &r = action.request;
        if (auto ok = Supervision(*w.session).reportDoubt(action.key, r.kind(), r.account(), r.counterAccount(), r.amount(), message);
            !ok)
            qCWarning(lcDb).noquote() << "could not report an operation in doubt:" << ok.error().message;
    });
}

void TellerClient::nameDecider(Outcome &outcome) const
{
    if (!outcome.decidedBy.isEmpty())
        outcome.decidedByName = m_workplace.nameOf(outcome.decidedBy);
}

void TellerClient::finishAction(const Outcome &answer)
{
    Outcome outcome = answer;
    nameDecider(outcome);
    m_inFlight = false;
    dropCachedReads(); // balances moved
    // A definitive answer proves the server is there; an unconfirmed one says the opposite.
    if (outcome.status == OutcomeStatus::InDoubt || outcome.notSent)
        setConnected(false, outcome.message);
    else if (outcome.status != OutcomeStatus::Error)
        setConnected(true, m_server);
    Q_EMIT actionFinished(outcome);
}

void TellerClient::checkConnection()
{
    post(m_reads, [](Worker &w) {
        if (w.pingNow && w.ping && w.ping->isActive())
            w.pingNow();
    });
}

} // namespace teller

namespace teller {

quint64 TellerClient::loadReview()
{
    const quint64 id = ++m_nextRequest;
    post(m_reads, [this, id](Worker &w) {
        const auto result = w.read([](DbSession &session) -> Result<std::tuple<QList<ReviewItem>, QList<ReviewItem>, QList<DoubtItem>>> {
            Supervision supervision(session);
            if (auto expired = supervision.expireHolds(); !expired)
                return fail(expired.error());
            auto pending = supervision.pending();
            if (!pending)
                return fail(pending.error());
            auto decidedItems = supervision.recentlyDecided();
            if (!decidedItems)
                return fail(decidedItems.error());
            auto doubts = supervision.doubts();
            if (!doubts)
                return fail(doubts.error());
            return std::make_tuple(*pending, *decidedItems, *doubts);
        });
        if (!result) {
            const Error e = result.error();
            QMetaObject::invokeMethod(
                this, [this, id, e] { Q_EMIT readFailed(id, e); }, Qt::QueuedConnection);
            return;
        }
        const auto [pending, decidedItems, doubts] = *result;
        QMetaObject::invokeMethod(
            this, [this, id, pending, decidedItems, doubts] { Q_EMIT reviewLoaded(id, pending, decidedItems, doubts); },
            Qt::QueuedConnection);
    });
    return id;
}

void TellerClient::decide(const IdempotencyKey &key, bool approve, const QString &note)
{
    post(m_actions, [this, key, approve, note](Worker &w) {
        Result<Decision> d = w.session ? Supervision(*w.session).decide(key, approve, note)
                                       : Result<Decision>(fail(Error{Error::Kind::Connection, tr("Not signed in.")}));
        if (!d) {
            const Error e = d.error();
            QMetaObject::invokeMethod(
                this, [this, key, e] { Q_EMIT decisionFailed(key.toString(), e); }, Qt::QueuedConnection);
            return;
        }
        const Decision decision = *d;
        QMetaObject::invokeMethod(
            this, [this, decision] { Q_EMIT decided(decision); }, Qt::QueuedConnection);
    });
}

void TellerClient::changePassword(const QString &password)
{
    post(m_actions, [this, password](Worker &w) {
        Result<void> changed = w.session ? Administration(*w.session).changeOwnPassword(password)
                                         : Result<void>(fail(Error{Error::Kind::Connection, tr("Not signed in.")}));
        if (!changed) {
            const Error e = changed.error();
            QMetaObject::invokeMethod(
                this, [this, e] { Q_EMIT passwordChangeFailed(e); }, Qt::QueuedConnection);
            return;
        }
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT passwordChanged(); }, Qt::QueuedConnection);
    });
}

quint64 TellerClient::loadLedger(const QString &accountNumber)
{
    const quint64 id = ++m_nextRequest;
    post(m_reads, [this, id, accountNumber](Worker &w) {
        const auto lines = w.read([&](DbSession &session) { return Supervision(session).ledger(accountNumber); });
        if (!lines) {
            const Error e = lines.error();
            QMetaObject::invokeMethod(
                this, [this, id, e] { Q_EMIT readFailed(id, e); }, Qt::QueuedConnection);
            return;
        }
        const QList<LedgerLine> list = *lines;
        QMetaObject::invokeMethod(
            this, [this, id, accountNumber, list] { Q_EMIT ledgerLoaded(id, accountNumber, list); }, Qt::QueuedConnection);
    });
    return id;
}

} // namespace teller
