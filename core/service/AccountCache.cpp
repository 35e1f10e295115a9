#include "AccountCache.h"

namespace teller {

Result<std::optional<AccountInfo>> AccountCache::get(const QString &number, const Loader &load)
{
    quint64 generation = 0;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.constFind(number);
        if (it != m_entries.cend()) {
            ++m_hits;
            return std::optional<AccountInfo>(*it);
        }
        generation = m_generation;
    }
    ++m_misses;
    auto loaded = load(number);
    if (loaded && *loaded) {
        std::lock_guard lock(m_mutex);
        if (m_generation == generation)
            m_entries.insert(number, **loaded);
    }
    return loaded;
}

void AccountCache::invalidate(const QString &number)
{
    std::lock_guard lock(m_mutex);
    ++m_generation;
    m_entries.remove(number);
}

void AccountCache::clear()
{
    std::lock_guard lock(m_mutex);
    ++m_generation;
    m_entries.clear();
}

} // namespace teller
