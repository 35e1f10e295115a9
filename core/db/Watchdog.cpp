#include "Watchdog.h"

#include "Logging.h"

#ifdef _WIN32
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace teller {

Watchdog::Watchdog() : m_thread([this] { run(); }) {}

Watchdog::~Watchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

bool Watchdog::arm(int socket, Clock::time_point deadline)
{
    // No wake-up: the watchdog thread looks every PollInterval. Arming is on the path of
    // every statement; a deadline is seconds away, so firing up to 50 ms late is harmless.
    std::lock_guard lock(m_mutex);
    if (m_socket >= 0)
        return false;
    m_socket = socket;
    m_deadline = deadline;
    m_fired = false;
    return true;
}

bool Watchdog::disarm()
{
    std::lock_guard lock(m_mutex);
    // Holding the mutex here means the watchdog cannot be inside shutdown() for a socket that
    // the caller is about to close and the system could hand out again.
    m_socket = -1;
    return m_fired;
}

void Watchdog::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        m_wake.wait_for(lock, PollInterval);
        if (m_socket >= 0 && Clock::now() >= m_deadline) {
            qCWarning(lcDb) << "no answer from the server before the deadline; closing the connection";
#ifdef _WIN32
            ::shutdown(static_cast<SOCKET>(m_socket), SD_BOTH);
#else
            ::shutdown(m_socket, SHUT_RDWR);
#endif
            m_fired = true;
            m_socket = -1;
        }
    }
}

} // namespace teller
