#pragma once

#include "Action.h"
#include "CashCount.h"
#include "Failure.h"
#include "Journal.h"
#include "Outcome.h"
#include "Result.h"
#include "Retry.h"

#include <QJsonObject>

#include <atomic>
#include <functional>

namespace teller {

class DbSession;

// One open journal entry and what the server says about its key now.
struct ReconcileItem
{
    JournalEntry entry;
    Outcome outcome;
};

// Runs actions against the database with the exactly-once guarantee: one attempt is one
// statement that is its own transaction (SELECT * FROM teller.perform_action(...), committed
// before the server answers) run by DbSession::asOneStatement, so retryable failures are
// retried with backoff and jitter, reconnecting when the connection is gone, always with the
// same key and fingerprint; an answer that was lost is resolved by the next attempt, which the
// server answers from its record. Synchronous: call it from a worker thread (TellerClient's) or a command-line
// program, never from a UI thread.
class ActionExecutor
{
public:
    using RetryCallback = Retrier::Callback;

    explicit ActionExecutor(DbSession &session, RetryPolicy policy = {});

    Outcome execute(const Action &action, const RetryCallback &onRetry = {});
    // The server's record of a key ("check again"): its stored outcome, or Unknown.
    Outcome status(const IdempotencyKey &key, const RetryCallback &onRetry = {});
    // Gives up an action: a tombstone makes sure the key never executes later. If it already
    // did, the answer is that outcome (completed, rejected, ...) instead of Abandoned.
    Outcome abandon(const IdempotencyKey &key, const RetryCallback &onRetry = {});

    // The cash side, exactly once under its key like every action (not journaled: the key is
    // the caller's to keep, and asking again with it answers from the server's record).
    enum class TillCount { Open, Close };
    // Opens or closes the signed-in teller's till in counted's currency with the cash counted
    // (by denomination if given); a difference from the book is an over/short, waiting for a
    // supervisor beyond the bank's tolerance (teller.count_till).
    Outcome countTill(const IdempotencyKey &key, TillCount count, const Money &counted, const std::optional<CashCount> &pieces,
                      const RetryCallback &onRetry = {});
    // A supervisor's movement of the vault's cash: kind VaultReceive, VaultShip (no teller),
    // VaultToTill or TillToVault (the teller's login) (teller.vault_move).
    Outcome moveVaultCash(const IdempotencyKey &key, ActionKind kind, const QString &teller, const Money &amount,
                          const RetryCallback &onRetry = {});
    // Asks for the reversal of a completed withdrawal, deposit or transfer: it waits for a
    // supervisor who is not the one asking (teller.request_reversal).
    Outcome requestReversal(const IdempotencyKey &key, const IdempotencyKey &original, const QString &note,
                            const RetryCallback &onRetry = {});

    // With a journal, every action is recorded before its first attempt and its entry closed
    // when a final outcome arrives (closesJournalEntry()). `login` and the database identify
    // whose entries these are. The database is named by what it is, never by the address that
    // reached it: `databaseIdentity` is readDatabaseIdentity() of this session's database; if
    // empty, the executor reads it itself, once, when the first action or reconcile() needs it
    // (an action is not sent while it cannot be read). `legacyAddress` is the address
    // (ConnectionSettings::databaseIdentity(), host:port/dbname) by which journals written
    // before named this database: reconcile() adopts the entries recorded under it.
    void setJournal(Journal *journal, const QString &login, const QString &databaseIdentity, const QString &legacyAddress);
    Journal *journal() const { return m_journal; }
    // Asks the server about every open journal entry of this login and database, and closes
    // those that have a final outcome now (e.g. "completed while you were away"). First the
    // entries under the legacy address become this database's (Journal::adopt()).
    Result<QList<ReconcileItem>> reconcile(const RetryCallback &onRetry = {});

    RetryPolicy policy() const { return m_retrier.policy(); }
    void setPolicy(const RetryPolicy &policy) { m_retrier.setPolicy(policy); }
    // When set and true, no further attempt starts; the action ends in doubt.
    void setCancelFlag(const std::atomic<bool> *flag) { m_retrier.setCancelFlag(flag); }
    // For tests: a fixed seed makes the jitter repeatable.
    void setRandomSeed(quint32 seed) { m_retrier.setRandomSeed(seed); }

private:
    // Runs `once` (one statement that answers an action_result row) with retries and turns
    // what happened into the outcome the teller sees. `writes`: the statement changes money
    // (DbSession::asOneStatement: a lost answer may have committed); else a read (withRetry).
    template <typename Once> Outcome run(const IdempotencyKey &key, bool writes, Once &&once, const RetryCallback &onRetry);
    void journalOutcome(const IdempotencyKey &key, const Outcome &outcome);
    // The identity the journal's entries are keyed by, read from the server the first time.
    Result<QString> journalDatabase();

    DbSession &m_session;
    Retrier m_retrier;
    Journal *m_journal = nullptr;
    QString m_journalLogin;
    QString m_journalDatabase; // the database's identity; empty until known
    QString m_journalLegacyAddress;
};

} // namespace teller
