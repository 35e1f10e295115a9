#pragma once

#include "Action.h"
#include "Journal.h"
#include "Failure.h"
#include "Outcome.h"
#include "Result.h"

#include <QJsonObject>
#include <QRandomGenerator>

#include <atomic>
#include <chrono>
#include <functional>

class QSqlQuery;

namespace teller {

class DbSession;

// One open journal entry and what the server says about its key now.
struct ReconcileItem
{
    JournalEntry entry;
    Outcome outcome;
};

// What the executor reports before each retry, for a status line such as
// "Connection lost — retrying, attempt 2 of 5".
struct RetryNotice
{
    int nextAttempt = 0;
    int maxAttempts = 0;
    FailureClass failure = FailureClass::Definitive;
    QString message;
    std::chrono::milliseconds delay{0};
};

// Runs actions against the database with the exactly-once guarantee: one attempt is one
// transaction (BEGIN; SELECT * FROM teller.perform_action(...); COMMIT); retryable failures
// are retried with backoff and jitter, reconnecting when the connection is gone, always with
// the same key and fingerprint; a COMMIT whose answer was lost is resolved by the next
// attempt, which the server answers from its record. Synchronous: call it from a worker
// thread (the UI's DatabaseWorker) or a command-line program, never from a UI thread.
class ActionExecutor
{
public:
    using RetryCallback = std::function<void(const RetryNotice &)>;

    explicit ActionExecutor(DbSession &session, RetryPolicy policy = {});

    Outcome execute(const Action &action, const RetryCallback &onRetry = {});
    // The server's record of a key ("check again"): its stored outcome, or Unknown.
    Outcome status(const IdempotencyKey &key, const RetryCallback &onRetry = {});
    // Gives up an action: a tombstone makes sure the key never executes later. If it already
    // did, the answer is that outcome (completed, rejected, ...) instead of Abandoned.
    Outcome abandon(const IdempotencyKey &key, const RetryCallback &onRetry = {});

    // With a journal, every action is recorded before its first attempt and its entry closed
    // when a definitive outcome arrives. `login` and `database` identify whose entries these are.
    void setJournal(Journal *journal, const QString &login, const QString &database);
    Journal *journal() const { return m_journal; }
    // Asks the server about every open journal entry of this login and database, and closes
    // those that have a definitive outcome now (e.g. "completed while you were away").
    Result<QList<ReconcileItem>> reconcile(const RetryCallback &onRetry = {});

    RetryPolicy policy() const { return m_policy; }
    void setPolicy(const RetryPolicy &policy) { m_policy = policy; }
    // When set and true, no further attempt starts; the action ends in doubt.
    void setCancelFlag(const std::atomic<bool> *flag) { m_cancel = flag; }
    // For tests: a fixed seed makes the jitter repeatable.
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }

private:
    struct Attempt
    {
        std::optional<Outcome> outcome;
        FailureClass failure = FailureClass::Definitive;
        Error error;
    };
    using Clock = std::chrono::steady_clock;

    Outcome run(const IdempotencyKey &key, const std::function<Attempt(Clock::time_point)> &once,
                const RetryCallback &onRetry);
    Attempt performOnce(const Action &action, Clock::time_point deadline);
    Attempt statusOnce(const IdempotencyKey &key, Clock::time_point deadline);
    Attempt abandonOnce(const IdempotencyKey &key, Clock::time_point deadline);
    // One transaction around one prepared statement that returns an action_result row.
    Attempt transactionOnce(QSqlQuery &q, const IdempotencyKey &key, const QString &what);
    Attempt failed(const Error &e, Phase phase);
    Result<Outcome> readOutcome(QSqlQuery &q, const IdempotencyKey &key);
    // Reconnects if needed; an attempt (answer) when the session is not ready or out of time.
    std::optional<Attempt> ensureReady(Clock::time_point deadline);
    void rollbackQuietly();
    bool sleepUnlessCancelled(std::chrono::milliseconds delay);

    DbSession &m_session;
    RetryPolicy m_policy;
    void journalOutcome(const IdempotencyKey &key, const Outcome &outcome);

    const std::atomic<bool> *m_cancel = nullptr;
    Journal *m_journal = nullptr;
    QString m_journalLogin;
    QString m_journalDatabase;
    QRandomGenerator m_random;
};

QString retryMessage(FailureClass failure);

} // namespace teller
