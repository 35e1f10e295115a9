// The process's one watchdog thread: it shuts an armed socket down when its deadline passes,
// never one that was disarmed in time, and never misses an arm whatever it was doing.
#include "Watchdog.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace teller;
using namespace std::chrono_literals;

namespace {
// A connected pair of sockets; reading from the first blocks until the watchdog shuts it down.
struct SocketPair
{
    int fd[2] = {-1, -1};
    SocketPair() { QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM, 0, fd) == 0); }
    ~SocketPair()
    {
        ::close(fd[0]);
        ::close(fd[1]);
    }
};

// Blocks in read() on `fd` and returns how long that took, in milliseconds.
qint64 blockedReadMs(int fd)
{
    QElapsedTimer t;
    t.start();
    char c;
    [[maybe_unused]] const auto n = ::read(fd, &c, 1);
    return t.elapsed();
}
} // namespace

class TestWatchdog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firesAtTheDeadline()
    {
        SocketPair p;
        const auto token = Watchdog::instance().arm(p.fd[0], Watchdog::Clock::now() + 200ms);
        QVERIFY(token != 0);
        const qint64 ms = blockedReadMs(p.fd[0]);
        QVERIFY2(ms >= 150 && ms < 3000, qPrintable(QString::number(ms)));
        QVERIFY(Watchdog::instance().disarm(token)); // it says it fired
    }

    void disarmedInTimeNeverFires()
    {
        SocketPair p;
        const auto token = Watchdog::instance().arm(p.fd[0], Watchdog::Clock::now() + 100ms);
        QVERIFY(!Watchdog::instance().disarm(token));
        QThread::msleep(300);
        // Still usable: a byte sent arrives.
        QCOMPARE(::write(p.fd[1], "x", 1), ssize_t(1));
        char c = 0;
        QCOMPARE(::read(p.fd[0], &c, 1), ssize_t(1));
        QCOMPARE(c, 'x');
    }

    void anInvalidSocketArmsNothing() { QCOMPARE(Watchdog::instance().arm(-1, Watchdog::Clock::now()), Watchdog::Token(0)); }

    // After a long idle spell the thread sleeps; the next arm must wake it.
    void wakesUpAfterIdling()
    {
        QThread::msleep(qint64(Watchdog::IdleAfter.count()) + 300);
        SocketPair p;
        const auto token = Watchdog::instance().arm(p.fd[0], Watchdog::Clock::now() + 100ms);
        const qint64 ms = blockedReadMs(p.fd[0]);
        QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));
        QVERIFY(Watchdog::instance().disarm(token));
    }

    // Arms and disarms around the moment the thread falls asleep, from several threads, then
    // checks that an armed deadline still fires: a lost wake-up would hang the read for good
    // (the test's own timeout would end it).
    void neverMissesAnArm()
    {
        for (int round = 0; round < 4; ++round) {
            QThread::msleep(qint64(Watchdog::IdleAfter.count()) - 5 + round * 5);
            std::atomic<bool> stop{false};
            std::vector<std::thread> churn;
            for (int t = 0; t < 3; ++t) {
                churn.emplace_back([&] {
                    SocketPair q;
                    while (!stop.load()) {
                        const auto token = Watchdog::instance().arm(q.fd[0], Watchdog::Clock::now() + 10s);
                        Watchdog::instance().disarm(token);
                    }
                });
            }
            QThread::msleep(20);
            stop = true;
            for (auto &t : churn)
                t.join();
            SocketPair p;
            const auto token = Watchdog::instance().arm(p.fd[0], Watchdog::Clock::now() + 100ms);
            const qint64 ms = blockedReadMs(p.fd[0]);
            QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));
            QVERIFY(Watchdog::instance().disarm(token));
        }
    }

    void manySocketsEachAtItsOwnDeadline()
    {
        SocketPair early, late;
        const auto now = Watchdog::Clock::now();
        const auto t1 = Watchdog::instance().arm(early.fd[0], now + 100ms);
        const auto t2 = Watchdog::instance().arm(late.fd[0], now + 10s);
        QVERIFY(blockedReadMs(early.fd[0]) < 3000);
        QVERIFY(Watchdog::instance().disarm(t1));
        QVERIFY(!Watchdog::instance().disarm(t2)); // the other one was left alone
    }
};

QTEST_GUILESS_MAIN(TestWatchdog)
#include "tst_watchdog.moc"
