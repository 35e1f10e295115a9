#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace teller {

// Bounds a blocking libpq call. QPSQL has no query timeout on the client side: a server that
// accepts a query and never answers (or a link that swallows packets while still ACKing)
// would block the calling thread for good. While armed, the watchdog shuts the connection's
// socket down when the deadline passes; libpq then fails the call as a lost connection, which
// the core handles like any other (reconnect, retry with the same key, or "in doubt").
class Watchdog
{
public:
    using Clock = std::chrono::steady_clock;

    Watchdog();
    ~Watchdog();
    Watchdog(const Watchdog &) = delete;
    Watchdog &operator=(const Watchdog &) = delete;

    // Arms for this socket and deadline unless already armed (an enclosing scope's deadline
    // then bounds the whole region); returns whether this call armed it.
    bool arm(int socket, Clock::time_point deadline);
    // Returns true if the deadline had passed and the socket was shut down.
    bool disarm();

    static constexpr std::chrono::milliseconds PollInterval{50};

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    int m_socket = -1;
    Clock::time_point m_deadline{};
    bool m_fired = false;
    bool m_stop = false;
    std::thread m_thread;
};

// Arms a watchdog for one scope.
class WatchdogScope
{
public:
    WatchdogScope(Watchdog &w, int socket, Watchdog::Clock::time_point deadline) : m_w(w)
    {
        if (socket >= 0)
            m_armed = m_w.arm(socket, deadline);
    }
    ~WatchdogScope()
    {
        if (m_armed)
            m_w.disarm();
    }
    WatchdogScope(const WatchdogScope &) = delete;
    WatchdogScope &operator=(const WatchdogScope &) = delete;

private:
    Watchdog &m_w;
    bool m_armed = false;
};

} // namespace teller
