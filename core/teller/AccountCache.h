#pragma once

#include "Accounts.h"

#include <QHash>
#include <QString>

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>

namespace teller {

// A read-through cache of what rarely changes about an account: holder, currency, status,
// floor. Shared by threads. Entries are dropped when the server announces a change
// (NOTIFY teller_accounts, sent by set_account_status) — call invalidate() from the listener.
// Balances are deliberately not served from here: the balances that decide money are read
// under the row lock by the server.
class AccountCache
{
public:
    using Loader = std::function<Result<std::optional<AccountInfo>>(const QString &number)>;

    // The account's details, from the cache or, on a miss, from `load` (then kept).
    Result<std::optional<AccountInfo>> get(const QString &number, const Loader &load);
    void invalidate(const QString &number);
    void clear();

    quint64 hits() const { return m_hits; }
    quint64 misses() const { return m_misses; }
    // Hits per lookup, 0..1 as a ratio of integers (no floating point is stored).
    std::pair<quint64, quint64> hitRatio() const { return {m_hits.load(), m_hits.load() + m_misses.load()}; }

private:
    std::mutex m_mutex;
    QHash<QString, AccountInfo> m_entries;
    std::atomic<quint64> m_hits{0};
    std::atomic<quint64> m_misses{0};
};

} // namespace teller
