#pragma once

#include "Accounts.h"
#include "ActionExecutor.h"
#include "Administration.h"
#include "Cash.h"
#include "ConnectionSettings.h"
#include "OperationEvent.h"
#include "Staff.h"
#include "Supervision.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <atomic>
#include <chrono>
#include <memory>

namespace teller {

class StaffSessions;

// What a teller's window talks to. Every database call runs on one of three worker threads
// (or fewer: setConnectionPlan), each with its own connection (Qt allows a connection only in its own thread): one carries
// out actions and decisions, one serves searches and account reads, so a search as you type
// never waits behind an action that is retrying, and one reads what changed on the server
// (teller.events, by cursor: at every NOTIFY teller_events hint and every 3 seconds).
// Answers come back as signals on the thread that owns this object. The calling thread never
// waits on the database or the network.
class TellerClient : public QObject
{
    Q_OBJECT

public:
    explicit TellerClient(QObject *parent = nullptr);
    ~TellerClient() override;

    // How many connections this window holds and where it listens (ConnectionPlan); before
    // signIn only (false, and nothing changes, when signed in or out of range).
    bool setConnectionPlan(const ConnectionPlan &plan);
    const ConnectionPlan &connectionPlan() const { return m_plan; }
    void setRetryPolicy(const RetryPolicy &policy);
    // How often the connection is checked while idle (default 5 s).
    void setPingInterval(std::chrono::milliseconds interval);

    // Connects both sessions as this login. Answer: signedIn or signInFailed.
    void signIn(const ConnectionSettings &settings, const SessionOptions &options);
    void signOut();
    bool isSignedIn() const { return m_signedIn; }
    StaffInfo staff() const { return m_staff; }
    QString serverDescription() const { return m_server; }
    const SessionOptions &sessionOptions() const { return m_options; }

    // Latest-wins: an older search still queued is skipped. Answer: searchFinished. A text
    // searched again shortly after is answered from the read-through cache (ReadCache), dropped
    // at every change this window hears of.
    quint64 searchAccounts(const QString &text);
    // Searches answered from the cache so far.
    quint64 cachedSearches() const { return m_cacheHits; }
    // Answer: accountLoaded, or accountNotFound.
    quint64 loadAccount(const QString &number);
    // The signed-in member's own tills, one per currency (open or not). Answer: tillsLoaded, or
    // readFailed.
    quint64 loadTills();
    // Supervisors: every till of the branch, with its teller (the vault page). Answer:
    // branchTillsLoaded, or readFailed.
    quint64 loadBranchTills();
    // The notes and coins of a currency (largest first) and its large-cash threshold. Answer:
    // cashRulesLoaded, or readFailed.
    quint64 loadCashRules(const teller::Currency &currency);
    // The signed-in teller's blotter in a currency: the session's movements, totals by kind.
    // Answer: blotterLoaded, or readFailed.
    quint64 loadBlotter(const teller::Currency &currency);
    // The bank's and the signed-in member's branch's names, and the names of the branch's
    // staff (for a receipt, a decision). Answer: workplaceLoaded, or readFailed.
    quint64 loadWorkplace();
    // The workplace as last read (after every sign-in; empty until it arrives).
    const Workplace &workplace() const { return m_workplace; }

    // Starts an action; false (and nothing happens) if one is already in flight.
    // Progress: actionRetrying; answer: actionFinished.
    bool submit(const Action &action);
    // The server's record of a key (no execution). Answer: actionFinished.
    bool queryStatus(const IdempotencyKey &key);
    // Gives up an unconfirmed action for good. Answer: actionFinished (Abandoned, or the
    // outcome it really had).
    bool abandon(const IdempotencyKey &key);
    // The cash side, each exactly once under the caller's key (asking again with the same key,
    // or queryStatus(), answers from the server's record); false if an action is in flight.
    // Answer: actionFinished. Opens or closes the signed-in teller's till with its count.
    bool countTill(const IdempotencyKey &key, ActionExecutor::TillCount count, const Money &counted,
                   const std::optional<CashCount> &pieces);
    // Supervisors: cash into or out of the vault (VaultReceive, VaultShip: no teller), to or
    // from a teller's till (VaultToTill, TillToVault: the teller's login).
    bool moveVaultCash(const IdempotencyKey &key, ActionKind kind, const QString &teller, const Money &amount);
    // Asks for the reversal of a completed operation (it waits for a supervisor).
    bool requestReversal(const IdempotencyKey &key, const IdempotencyKey &original, const QString &reason);
    // The local journal (default Journal::defaultPath()); set before signIn.
    void setJournalPath(const QString &path) { m_journalPath = path; }
    bool actionInFlight() const { return m_inFlight; }

    // Tells the supervisors (their In doubt list) of an action this window leaves unconfirmed,
    // when the server can be reached; the journal reports it again at the next sign-in.
    void reportUnfinished(const Action &action, const QString &message) { reportDoubt(action, message); }
    // Checks the connection now (e.g. when the network comes back).
    void checkConnection();

    // Supervisors: the pending queue, recent decisions and reported doubts (expired holds are
    // released first). Answer: reviewLoaded.
    quint64 loadReview();
    // Answer: decided, or decisionFailed.
    void decide(const IdempotencyKey &key, bool approve, const QString &note);
    // The signed-in member's own new password (sent only as a SCRAM verifier). Answer:
    // passwordChanged, or passwordChangeFailed.
    void changePassword(const QString &password);
    // An account's ledger, for the audit view. Answer: ledgerLoaded.
    quint64 loadLedger(const QString &accountNumber);
    // Whether operations are announced live right now (the listening connection works).
    bool isLive() const { return m_live; }

Q_SIGNALS:
    void signedIn(const teller::StaffInfo &staff, const QString &server, bool encrypted);
    void signInFailed(const teller::Error &error);
    void searchFinished(quint64 id, const QList<teller::AccountInfo> &accounts);
    void accountLoaded(quint64 id, const teller::AccountInfo &account, const QList<teller::OperationInfo> &recent);
    void accountNotFound(quint64 id, const QString &number);
    void readFailed(quint64 id, const teller::Error &error);
    void tillsLoaded(quint64 id, const QList<teller::TillInfo> &tills);
    void branchTillsLoaded(quint64 id, const QList<teller::TillInfo> &tills);
    void cashRulesLoaded(quint64 id, const teller::Currency &currency, const QList<teller::Denomination> &denominations,
                         const teller::Money &largeCashThreshold);
    void blotterLoaded(quint64 id, const teller::Blotter &blotter);
    void workplaceLoaded(quint64 id, const teller::Workplace &workplace);
    void actionRetrying(const teller::IdempotencyKey &key, const teller::RetryNotice &notice);
    void actionFinished(const teller::Outcome &outcome);
    void connectionStateChanged(bool connected, const QString &detail);
    // After sign-in: what the server says about every action the journal still has open.
    void reconciled(const QList<teller::ReconcileItem> &items);
    // The journal could not be used as it was (moved aside) or at all.
    void journalProblem(const QString &message);
    // An operation changed on the server (pending, decided, expired, reported in doubt), as the
    // server recorded it (teller.events; a teller hears of their own operations only). Only a
    // prompt to ask: who decided and why come from the server's record (queryStatus()).
    void operationChanged(const teller::OperationEvent &event);
    // Live updates started or stopped (then the panel refreshes on a timer instead).
    void liveChanged(bool live);
    void reviewLoaded(quint64 id, const QList<teller::ReviewItem> &pending, const QList<teller::ReviewItem> &decided,
                      const QList<teller::DoubtItem> &doubts);
    void decided(const teller::Decision &decision);
    void decisionFailed(const QString &key, const teller::Error &error);
    void passwordChanged();
    void passwordChangeFailed(const teller::Error &error);
    void ledgerLoaded(quint64 id, const QString &account, const QList<teller::LedgerLine> &lines);

private:
    class Worker;
    using KeyJob = std::function<Outcome(ActionExecutor &, const IdempotencyKey &, const ActionExecutor::RetryCallback &)>;
    bool runOnActions(const IdempotencyKey &key, KeyJob job);
    void post(Worker *worker, std::function<void(Worker &)> job);
    void finishAction(const Outcome &outcome);
    // Fills the decider's name from the workplace, when it is known.
    void nameDecider(Outcome &outcome) const;
    void reportDoubt(const Action &action, const QString &message);
    void setConnected(bool connected, const QString &detail);
    // Runs a read on the reads worker and answers with `answer` (or readFailed).
    template <typename Read, typename Answer> quint64 readThen(Read read, Answer answer);
    void startSessions(const ConnectionSettings &settings, const SessionOptions &sessionOptions, const QString &login);
    // Where the listening connection goes (and a pooled login's member proves who signs in).
    ConnectionSettings listenSettingsFor(const ConnectionSettings &settings) const;

    QThread m_actionThread;
    QThread m_readThread;
    QThread m_listenThread;
    Worker *m_actionWorker = nullptr; // one per thread, owned (deleted on its thread)
    Worker *m_readWorker = nullptr;
    Worker *m_listenWorker = nullptr;
    // Who does what (setConnectionPlan): with fewer connections, one worker has several roles.
    Worker *m_actions = nullptr;
    Worker *m_reads = nullptr;
    Worker *m_listener = nullptr;
    ConnectionPlan m_plan;
    // Who acts, for a pooled login (StaffSessions): one per sign-in, shared by its sessions.
    std::shared_ptr<StaffSessions> m_staffSessions;
    bool m_live = false;
    void setLive(bool live);
    void dropCachedReads();
    std::atomic<quint64> m_cacheHits{0};
    std::atomic<bool> m_cancel{false};
    std::atomic<quint64> m_latestSearch{0};
    quint64 m_nextRequest = 0;
    bool m_inFlight = false;
    bool m_signedIn = false;
    bool m_connected = false;
    StaffInfo m_staff;
    Workplace m_workplace;
    QString m_server;
    SessionOptions m_options;
    RetryPolicy m_policy;
    std::chrono::milliseconds m_pingInterval{5000};
    QString m_journalPath;
};

} // namespace teller
