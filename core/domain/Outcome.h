#pragma once

#include "Action.h"
#include "IdempotencyKey.h"
#include "Money.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace teller {

enum class OutcomeStatus {
    Completed,       // the money moved (or, replayed, had moved before)
    PendingApproval, // above the initiator's limit: the amount is held until a supervisor decides
    Rejected,        // a business rule said no; recorded under the key and replayed as such
    KeyReused,       // the key belongs to a different request: a bug or tampering, never retried
    Busy,            // the accounts stayed locked for the whole retry budget; nothing happened
    InDoubt,         // not confirmed: retry with the same key, or ask for its status later
    Abandoned,       // the key was abandoned: it will never execute
    Expired,         // the approval did not come in time; the hold was released
    Error,           // a definitive failure that is not a business rule (see message)
    Unknown,         // asked for a key's status: the server has never seen this key
};

QString outcomeStatusName(OutcomeStatus status); // the JSON / database names
std::optional<OutcomeStatus> outcomeStatusFromName(QStringView name);

// What an outcome status says about the action it answers: the one rule for "final", used by
// the executor (what to journal), the journal (what closes an entry) and the window (what the
// teller may do next).
enum class Finality {
    Final,      // the server's answer, and it never changes: completed, rejected, key_reused,
                // abandoned, expired
    Pending,    // the server's answer until a supervisor decides: pending_approval
    Unresolved, // nothing definite about the action yet: busy and in_doubt (this workstation's
                // conclusion when no answer came), unknown (the server has never seen the key:
                // resubmit it with the same key, or abandon it)
    Failed,     // this call failed for good and did nothing (error); it says nothing about an
                // earlier call of the same action
};
Finality finality(OutcomeStatus status);
// The server said it, rather than this workstation concluding it when no answer came.
bool isServerAnswer(OutcomeStatus status);
// Whether an outcome closes the action's journal entry. A failed call closes it only if no
// earlier call left the action unresolved (an earlier attempt may have gone through).
bool closesJournalEntry(OutcomeStatus status, bool wasUnresolved);

// The result of an action as the teller must see it.
struct Outcome
{
    IdempotencyKey key;
    OutcomeStatus status = OutcomeStatus::Error;
    bool replayed = false;
    QString reason;                 // for rejections: insufficient_funds, account_frozen, ...
    QString message;                // for busy / in doubt / error: what happened, in words
    std::optional<ActionKind> kind; // when the server said (not for an abandoned key it never saw)
    QString account;
    QString counterAccount;
    std::optional<Money> amount;
    std::optional<Money> balanceAfter; // of the account the teller named first
    std::optional<Money> availableAfter;
    std::optional<Money> tillAfter; // the cash in the teller's till after a cash operation
    // A till count or a vault movement: the till (its account number and teller), what the
    // book said and what was counted, and the vault's cash after.
    QString till;
    QString tillOwner;
    std::optional<Money> expected;
    std::optional<Money> counted;
    std::optional<Money> difference; // counted - expected
    std::optional<Money> vaultAfter;
    qint64 operationId = 0;
    QDateTime executedAt;
    QString initiatedBy;
    QString workstation;
    QString decidedBy;     // for an operation a supervisor decided (from the server's record)
    QString decisionNote;  // the supervisor's note (the reason of a rejection)
    QString decidedByName; // the supervisor's name, when the window knows it (TellerClient)
    // Who decided, as a person reads it: their name, else their login.
    QString decider() const { return decidedByName.isEmpty() ? decidedBy : decidedByName; }
    int attempts = 0;
    // An Error for an action that never reached the server (it could not be reached, or refused
    // every attempt before changing anything): nothing happened, as surely as after a rejection.
    bool notSent = false;

    // True when asking again with the same key cannot give another answer by itself
    // (finality() Final or Failed).
    bool isDefinitive() const;
    QJsonObject toJson() const;
};

// A rejection reason in plain words, for the teller.
QString reasonText(const QString &reason);

} // namespace teller
