#include "ReadCache.h"

namespace teller {

std::optional<QList<AccountInfo>> ReadCache::search(const QString &text, Clock::time_point now)
{
    const auto it = m_searches.constFind(keyOf(text));
    if (it == m_searches.cend() || now - it->storedAt >= m_lifetime || now < it->storedAt) {
        ++m_misses;
        return std::nullopt;
    }
    ++m_hits;
    return it->accounts;
}

void ReadCache::storeSearch(const QString &text, const QList<AccountInfo> &accounts, Clock::time_point now)
{
    if (m_searches.size() >= MaxEntries) {
        // The oldest go first: whatever is past its lifetime, else everything.
        for (auto it = m_searches.begin(); it != m_searches.end();)
            it = now - it->storedAt >= m_lifetime ? m_searches.erase(it) : std::next(it);
        if (m_searches.size() >= MaxEntries)
            m_searches.clear();
    }
    m_searches.insert(keyOf(text), Entry{accounts, now});
}

void ReadCache::clear()
{
    m_searches.clear();
}

} // namespace teller
