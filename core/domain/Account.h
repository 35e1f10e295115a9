#pragma once

#include "Action.h"
#include "Money.h"
#include "Outcome.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>

namespace teller {

enum class AccountStatus {
    Active, // money moves in and out
    Frozen, // no money may leave it; deposits are still accepted
    Closed, // empty, for good
};
QString accountStatusName(AccountStatus status); // the stored names: active, frozen, closed
std::optional<AccountStatus> accountStatusFromName(QStringView name);

// An account as a teller sees it. Balances shown here are for display; the balances that
// decide are read under the row lock inside the server's perform_action.
struct AccountInfo
{
    qint64 id = 0;
    QString number;
    QString holder;
    AccountStatus status = AccountStatus::Active;
    Money balance{0, *Currency::fromCode(u"EUR")};
    Money held{0, *Currency::fromCode(u"EUR")};
    Money floor{0, *Currency::fromCode(u"EUR")};
    QDateTime openedAt;

    Currency currency() const { return balance.currency(); }
    Money available() const { return Money(balance.minorUnits() - held.minorUnits(), currency()); }
    QJsonObject toJson() const;
};

// One line of an account's recent history, as the teller's table shows it.
struct OperationInfo
{
    QDateTime at;
    ActionKind kind = ActionKind::Withdrawal;
    OutcomeStatus status = OutcomeStatus::Completed; // completed, pending_approval, rejected, expired
    QString reason;
    Money amount{0, *Currency::fromCode(u"EUR")}; // signed: negative when money left this account
    std::optional<Money> balanceAfter;            // of this account, when money moved
    QString counterparty;                         // the other account of a transfer
    QString initiatedBy;
    QString key;  // empty for another teller's operation: the server tells a teller only their own
    QString note; // likewise
};

} // namespace teller
