#pragma once

#include "Accounts.h"

#include <QHash>
#include <QString>

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>

namespace teller {

// A read-through cache of account details for lookups before an action (number, holder,
// currency, status, floor). Shared by threads. The owner drops entries when the server
// records a change (an account event in teller.events, written by set_account_status):
// tellerctl bench, its user today, reads the events by cursor on its own connection (at every
// NOTIFY teller_events hint and every second) and calls invalidate(). The balance fields of
// a cached entry are as of its load and only indicative: nothing that decides money reads
// them; the server decides under the row lock.
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
    quint64 m_generation = 0; // advanced by every invalidation: a load that raced one is not kept
    std::atomic<quint64> m_hits{0};
    std::atomic<quint64> m_misses{0};
};

} // namespace teller
