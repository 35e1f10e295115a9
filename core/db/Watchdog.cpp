#include "Watchdog.h"

#include "Logging.h"

#ifdef _WIN32
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace teller {

Watchdog &Watchdog::instance()
{
    static Watchdog watchdog;
    return watchdog;
}

Watchdog::~Watchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

Watchdog::Token Watchdog::arm(int socket, Clock::time_point deadline)
{
    if (socket < 0)
        return 0;
    std::lock_guard lock(m_mutex);
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
    const Token token = ++m_next;
    m_armed.emplace(token, Armed{socket, deadline, false});
    if (m_idle) {
        m_idle = false;
        m_wake.notify_one();
    }
    return token;
}

bool Watchdog::disarm(Token token)
{
    // Holding the mutex here means the watchdog cannot be inside shutdown() for a socket that
    // the caller is about to close and the system could hand out again.
    std::lock_guard lock(m_mutex);
    const auto it = m_armed.find(token);
    if (it == m_armed.end())
        return false;
    const bool fired = it->second.fired;
    m_armed.erase(it);
    return fired;
}

void Watchdog::run()
{
    std::unique_lock lock(m_mutex);
    auto lastArmed = Clock::now();
    while (!m_stop) {
        if (m_armed.empty() && Clock::now() - lastArmed >= IdleAfter) {
            // Nothing armed for a while: sleep until arm() wakes us (it does so only while we
            // are idle, so a busy process never pays for a wake-up per statement). Every
            // wake-up, spurious or not, goes round the loop and looks again.
            m_idle = true;
            m_wake.wait(lock);
            m_idle = false;
            continue;
        }
        m_wake.wait_for(lock, PollInterval);
        const auto now = Clock::now();
        if (!m_armed.empty())
            lastArmed = now;
        for (auto &[token, armed] : m_armed) {
            if (armed.fired || now < armed.deadline)
                continue;
            qCWarning(lcDb) << "no answer from the server before the deadline; closing the connection";
#ifdef _WIN32
            ::shutdown(static_cast<SOCKET>(armed.socket), SD_BOTH);
#else
            ::shutdown(armed.socket, SHUT_RDWR);
#endif
            armed.fired = true;
        }
    }
}

} // namespace teller
