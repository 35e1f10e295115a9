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

// Reads accounts; one session, prepared statements kept on it.
class AccountDirectory
{
public:
    explicit AccountDirectory(DbSession &session) : m_session(session) {}

    // The account with this number, or nullopt when there is none.
    Result<std::optional<AccountInfo>> find(const QString &number);

private:
    DbSession &m_session;
};

} // namespace teller
