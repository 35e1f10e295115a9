#pragma once

#include "Money.h"
#include "Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace teller {

class DbSession;

// An account as a teller sees it. Balances shown here are for display; the balances that
// decide are read under the row lock inside the server's perform_action.
struct AccountInfo
{
    qint64 id = 0;
    QString number;
    QString holder;
    QString status; // active, frozen, closed
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
    QString kind;       // withdrawal, deposit, transfer
    QString status;     // completed, pending_approval, rejected, expired, abandoned
    QString reason;
    Money amount{0, *Currency::fromCode(u"EUR")};       // signed: negative when money left this account
    std::optional<Money> balanceAfter;                   // of this account, when money moved
    QString counterparty;                                // the other account of a transfer
    QString initiatedBy;
    QString key;
};

// Reads accounts; one session, prepared statements kept on it.
class AccountDirectory
{
public:
    explicit AccountDirectory(DbSession &session) : m_session(session) {}

    // The account with this number, or nullopt when there is none.
    Result<std::optional<AccountInfo>> find(const QString &number);
    // Accounts whose number or holder's name starts with `text` (case-insensitive), numbers
    // first, at most `limit`.
    Result<QList<AccountInfo>> search(const QString &text, int limit = 50);
    // The latest operations that touched the account, newest first.
    Result<QList<OperationInfo>> recentOperations(const AccountInfo &account, int limit = 25);

private:
    DbSession &m_session;
};

} // namespace teller
