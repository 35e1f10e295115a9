#pragma once

#include "Action.h"
#include "IdempotencyKey.h"
#include "Money.h"
#include "Outcome.h"
#include "Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace teller {

class DbSession;

// An operation as the supervisor's panel lists it: pending, or decided/expired recently.
struct ReviewItem
{
    QString key;
    ActionKind kind = ActionKind::Withdrawal;
    QString account;
    QString holder;
    QString counterAccount;
    std::optional<Money> amount;
    std::optional<Money> available; // of the account, now
    QString initiatedBy;
    QString initiatorName;
    QString workstation;
    QString note;
    OutcomeStatus status = OutcomeStatus::PendingApproval; // pending_approval, or how it was decided
    QString reason;
    QDateTime createdAt;
    QDateTime expiresAt;
    QString decidedBy;
    QDateTime decidedAt;
    QString decisionNote;
    std::optional<ActionKind> originalKind; // a reversal's: the kind of the operation it undoes
    QJsonObject toJson() const;
};

// What a workstation could not confirm, as it reported it, with what the server knows now.
struct DoubtItem
{
    QString key;
    QString reportedBy;
    QString workstation;
    ActionKind kind = ActionKind::Withdrawal;
    QString account;
    QString counterAccount;
    std::optional<Money> amount;
    QString message;
    QDateTime reportedAt;
    std::optional<OutcomeStatus> serverStatus; // the operation's status; none: the server never received it
    QJsonObject toJson() const;
};

struct Decision
{
    QString key;
    bool decidedNow = false;                         // false: someone else had decided (see decidedBy), or it expired
    OutcomeStatus status = OutcomeStatus::Completed; // completed (approved), rejected, expired
    QString reason;
    QString decidedBy;
    QDateTime decidedAt;
    QString decisionNote;
    QString initiatedBy;
    QJsonObject toJson() const;
};

// A line of an account's ledger, for the audit view.
struct LedgerLine
{
    qint64 id = 0;
    QDateTime at;
    ActionKind kind = ActionKind::Withdrawal;
    QString key;
    Money amount{0, *Currency::fromCode(u"EUR")};
    Money balanceAfter{0, *Currency::fromCode(u"EUR")};
    QString initiatedBy;
    QString decidedBy;
};

// The supervisor's side: the four-eyes queue and its decisions, expiry, doubts, audit.
class Supervision
{
public:
    explicit Supervision(DbSession &session) : m_session(session) {}

    Result<QList<ReviewItem>> pending();
    Result<QList<ReviewItem>> recentlyDecided(int limit = 200);
    Result<QList<DoubtItem>> doubts(int limit = 200);
    Result<QList<LedgerLine>> ledger(const QString &accountNumber, int limit = 200);

    // Approves or rejects (a rejection needs a reason). Exactly one of several supervisors
    // deciding at once decides; the others learn who decided and how. The database refuses
    // a teller, and anyone deciding their own operation.
    Result<Decision> decide(const IdempotencyKey &key, bool approve, const QString &note);
    // Releases the holds whose approval did not come in time. Returns how many.
    Result<int> expireHolds();
    // Tells the supervisors about an action this workstation could not confirm.
    Result<void> reportDoubt(const IdempotencyKey &key, ActionKind kind, const QString &account, const QString &counterAccount,
                             const Money &amount, const QString &message);

private:
    Result<QList<ReviewItem>> review(const QString &sql, int limit);
    DbSession &m_session;
};

} // namespace teller
