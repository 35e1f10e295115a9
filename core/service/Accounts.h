#pragma once

#include "Account.h"
#include "Result.h"

#include <QList>
#include <QString>

#include <optional>

namespace teller {

class DbSession;

// Reads accounts, on one session.
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
