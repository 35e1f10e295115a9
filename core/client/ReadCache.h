#pragma once

#include "Account.h"

#include <QHash>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace teller {

// The window's read-through cache of account searches: the same text asked again within the
// lifetime (as a teller types, deletes and types again, or comes back to a customer) is
// answered from here instead of the server. Everything is dropped whenever the server records
// a change this window hears of (an event of the teller's own operations, read by the
// listener at a NOTIFY hint or on its timer) and after every action of this window; what
// others change is seen when the entry's lifetime ends: long while the listener hears changes
// as they happen, short when it cannot (through a transaction pooler it reads on its timer).
// A search list's balances are for display only: the account view, and everything that
// decides money, is read from the server every time, and the server decides under its locks.
// Used on one thread (the client's reads worker).
class ReadCache
{
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds LiveLifetime{30000};
    static constexpr std::chrono::milliseconds PolledLifetime{5000};
    static constexpr int MaxEntries = 500;

    void setLive(bool live) { m_lifetime = live ? LiveLifetime : PolledLifetime; }
    std::chrono::milliseconds lifetime() const { return m_lifetime; }

    // The accounts a search for `text` found, if asked within the lifetime.
    std::optional<QList<AccountInfo>> search(const QString &text, Clock::time_point now = Clock::now());
    void storeSearch(const QString &text, const QList<AccountInfo> &accounts, Clock::time_point now = Clock::now());
    void clear();

    quint64 hits() const { return m_hits; }
    quint64 misses() const { return m_misses; }

private:
    static QString keyOf(const QString &text) { return text.simplified().toCaseFolded(); }

    struct Entry
    {
        QList<AccountInfo> accounts;
        Clock::time_point storedAt;
    };
    QHash<QString, Entry> m_searches;
    std::chrono::milliseconds m_lifetime = PolledLifetime;
    quint64 m_hits = 0, m_misses = 0;
};

} // namespace teller
