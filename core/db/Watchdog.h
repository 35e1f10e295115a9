#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace teller {

// Bounds blocking libpq calls. QPSQL has no query timeout on the client side: a server that
// accepts a query and never answers (or a link that swallows packets while still ACKing)
// would block the calling thread for good. While a call is armed, the watchdog shuts the
// connection's socket down when its deadline passes; libpq then fails the call as a lost
// connection, which the core handles like any other (reconnect, retry with the same key, or
// "in doubt").
//
// One watchdog thread serves every session of the process. It looks every PollInterval while
// anything was armed in the last IdleAfter, and sleeps otherwise: a deadline is seconds away,
// so firing up to 50 ms late is harmless, and arming stays a mutex and a map insert on every
// statement (a wake-up only when the thread was asleep).
class Watchdog
{
public:
    using Clock = std::chrono::steady_clock;
    using Token = unsigned long long;

    static Watchdog &instance();

    // Arms for this socket until the deadline; returns a token for disarm() (0 when the
    // socket is not valid: nothing is armed). The caller must disarm before the socket is
    // closed, so that the watchdog never shuts down a descriptor the system handed out again.
    Token arm(int socket, Clock::time_point deadline);
    // Returns true if the deadline had passed and the socket was shut down.
    bool disarm(Token token);

    static constexpr std::chrono::milliseconds PollInterval{50};
    static constexpr std::chrono::milliseconds IdleAfter{1000};

    Watchdog(const Watchdog &) = delete;
    Watchdog &operator=(const Watchdog &) = delete;

private:
    Watchdog() = default;
    ~Watchdog();
    void run();

    struct Armed
    {
        int socket = -1;
        Clock::time_point deadline;
        bool fired = false;
    };

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<Token, Armed> m_armed;
    Token m_next = 0;
    bool m_idle = false; // the thread sleeps until the next arm()
    bool m_stop = false;
    std::thread m_thread; // started by the first arm()
};

// Arms the process's watchdog for one scope.
class WatchdogScope
{
public:
    WatchdogScope(int socket, Watchdog::Clock::time_point deadline)
        : m_token(socket >= 0 ? Watchdog::instance().arm(socket, deadline) : 0)
    {
    }
    ~WatchdogScope()
    {
        if (m_token)
            Watchdog::instance().disarm(m_token);
    }
    WatchdogScope(const WatchdogScope &) = delete;
    WatchdogScope &operator=(const WatchdogScope &) = delete;

private:
    Watchdog::Token m_token;
};

} // namespace teller
