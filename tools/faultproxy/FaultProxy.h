#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <chrono>

// A TCP proxy between Teller and PostgreSQL that breaks the network on purpose, for tests and
// for drills (the program teller-faultproxy, main.cpp here). It runs on its own thread, so a
// test can block on the database while the proxy keeps working. Faults:
//   - latency added to every chunk, in both directions;
//   - reset: every connection is cut at once;
//   - cut after N bytes sent by the client on a connection;
//   - refuse: new connections are closed at once, as by a server that is down;
//   - stall: nothing is forwarded any more (connections stay open, no answer ever comes);
//   - swallow COMMIT answers: the client's COMMIT reaches the server (which commits), the
//     answer is thrown away and the connection cut: the client cannot know what happened. A
//     money statement sent outside BEGIN ... COMMIT is its own transaction (the core sends
//     its actions that way): its answer is a COMMIT answer too.
// It understands just enough of the PostgreSQL protocol to spot a simple-query COMMIT and a
// money statement outside a transaction block (as a simple query, as EXECUTE of a statement
// PREPAREd with one, or as the extended protocol's Parse, as the core sends them); it needs
// sslmode=disable between client and proxy.
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    struct Stats
    {
        int connections = 0;
        int resets = 0;
        int cuts = 0;
        int swallowedCommits = 0;
        int heldCommits = 0;
        qint64 bytesToServer = 0;
        qint64 bytesToClient = 0;
    };

    FaultProxy(QString upstreamHost, quint16 upstreamPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    // Listens on 127.0.0.1 (port 0: any free port). False if it cannot.
    bool start(quint16 port = 0);
    quint16 port() const { return m_port; }

    void setLatency(std::chrono::milliseconds latency) { m_latencyMs = int(latency.count()); }
    void setStalled(bool stalled);
    bool isStalled() const { return m_stalled; }
    // Cuts every connection once its client has sent more than `bytes` (0: never).
    void setCutAfterBytes(qint64 bytes) { m_cutAfter = bytes; }
    // The next `count` COMMIT answers are swallowed (and their connections cut).
    void swallowCommitAnswers(int count) { m_swallowCommits = count; }
    // The next `count` COMMIT answers are held back for good (the connection stays open, the
    // client waits): a client that dies now never learns that the server committed.
    void holdCommitAnswers(int count) { m_holdCommits = count; }
    // From now on, each COMMIT answer is swallowed with this probability (0-100), for soak tests.
    void setSwallowCommitPercent(int percent) { m_swallowPercent = percent; }
    void resetAll();
    // New connections are closed as soon as they arrive (existing ones go on).
    void setRefusing(bool refusing) { m_refusing = refusing; }

    Stats stats() const;

private:
    class Worker;
    friend class Worker;

    QString m_upstreamHost;
    quint16 m_upstreamPort;
    quint16 m_port = 0;
    QThread m_thread;
    Worker *m_worker = nullptr;
    std::atomic<int> m_latencyMs{0};
    std::atomic<bool> m_stalled{false};
    std::atomic<bool> m_refusing{false};
    std::atomic<qint64> m_cutAfter{0};
    std::atomic<int> m_swallowCommits{0};
    std::atomic<int> m_swallowPercent{0};
    std::atomic<int> m_holdCommits{0};
    std::atomic<int> m_connections{0};
    std::atomic<int> m_resets{0};
    std::atomic<int> m_cuts{0};
    std::atomic<int> m_swallowed{0};
    std::atomic<int> m_held{0};
    std::atomic<qint64> m_bytesToServer{0};
    std::atomic<qint64> m_bytesToClient{0};
};
