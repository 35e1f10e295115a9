#pragma once

#include "ConnectionSettings.h"
#include "Result.h"

#include <QList>
#include <QProcess>
#include <QString>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>

// A pg_auto_failover formation on this machine, for the failover drill: a monitor and two
// Postgres nodes (Debian's postgresql-15-auto-failover and pg-auto-failover-cli), each on a
// free port of 127.0.0.1, in a temporary directory, run as the "postgres" OS user when the
// tests run as root. Synchronous replication, as pg_auto_failover sets it up by default. The
// nodes trust local TCP logins (--auth trust, --no-ssl: a throwaway formation that listens on
// 127.0.0.1 only); Teller's own logins and passwords are made as on any server.
//
// The monitor is tuned to decide within seconds instead of half a minute (health checks every
// second, a node unhealthy after 3 s, a primary that does not answer given up after 3 s).
//
// start() waits until there is a primary and a secondary; stop() (and the destructor) stops
// and removes everything. If the test process dies first, a detached guard stops the keepers
// and servers it finds in the directory's pid files and removes the directory, as LocalServer's
// does for a single server.
class Formation
{
public:
    struct NodeState
    {
        QString name;
        int port = 0;
        QString current;  // the state the node's keeper reported
        QString assigned; // the state the monitor assigned
        bool is(const QString &state) const { return current == state && assigned == state; }
    };
    using States = QList<NodeState>;

    Formation();
    ~Formation();
    Formation(const Formation &) = delete;
    Formation &operator=(const Formation &) = delete;

    // pg_autoctl and pg_ctl, or why not.
    static teller::Result<QString> findAutoctl();

    // The monitor and node1 and node2; ready when one node is primary and the other secondary.
    teller::Result<void> start(std::chrono::seconds timeout = std::chrono::seconds(240));
    void stop();

    QStringList nodes() const { return {QStringLiteral("node1"), QStringLiteral("node2")}; }
    int port(const QString &node) const;
    QString dataDir(const QString &node) const;
    QString baseDir() const { return m_base; }

    // What the monitor says now (pgautofailover.current_state), or an error.
    teller::Result<States> states() const;
    // Polls states() until `ready` holds for them; false after the timeout (`last` says how it
    // was then).
    bool waitFor(const std::function<bool(const States &)> &ready, std::chrono::milliseconds timeout, QString *last = nullptr) const;
    // Waits until one node (not `notThis`: the one just switched away from or killed, which
    // the monitor calls primary until it notices) is primary, or wait_primary when alone is
    // enough, and, unless alone is enough, the other secondary; that node's name.
    std::optional<QString> waitForPrimary(std::chrono::milliseconds timeout, bool aloneIsEnough, QString *last = nullptr,
                                          const QString &notThis = {}) const;
    static QString describe(const States &states);

    // Every node (host=127.0.0.1,127.0.0.1 port=P1,P2) with target_session_attrs=read-write:
    // how a workstation reaches the formation.
    teller::ConnectionSettings connection(const QString &dbname, const QString &user, const QString &password = {}) const;
    // One node only (the postgres superuser unless told).
    teller::ConnectionSettings nodeConnection(const QString &node, const QString &dbname, const QString &user = {},
                                              const QString &password = {}) const;

    // pg_autoctl with these arguments (as the postgres user, in the formation's environment),
    // and its output; an error with the output if it fails or takes longer than the timeout.
    teller::Result<QString> autoctl(const QStringList &args, int timeoutMs = 120000) const;
    // pg_autoctl perform failover: returns when the monitor has switched the primary.
    teller::Result<QString> performFailover();
    // The node's machine dies: its keeper (every pg_autoctl process of the node, so nothing
    // restarts Postgres) and then its postmaster get SIGKILL (pids from the pid files); the
    // server's processes end by themselves when the postmaster is gone. The postmaster's pid.
    teller::Result<qint64> crash(const QString &node);
    // Starts the node's keeper again (after crash()): it rejoins as a secondary.
    teller::Result<void> restart(const QString &node);
    // The log of a keeper (its pg_autoctl output), for a failing test to print.
    QString keeperLog(const QString &node, int bytes = 3000) const;

private:
    struct Keeper
    {
        std::unique_ptr<QProcess> process;
    };
    teller::Result<void> startKeeper(const QString &name, const QStringList &args);
    QString pidFile(const QString &name) const;
    QList<qint64> keeperPids(const QString &name) const;
    std::optional<int> semaphore(const QString &name) const;
    void releaseSemaphores(const QString &name);
    void startCrashGuard() const;
    QStringList environment() const;
    QProcess *prepare(QProcess &p, const QString &program, const QStringList &args) const;

    QString m_base;
    QString m_autoctl;
    QString m_binDir;
    int m_monitorPort = 0;
    std::map<QString, int> m_ports;
    std::map<QString, Keeper> m_keepers; // "monitor", "node1", "node2"
    QList<int> m_semaphores;
    bool m_started = false;
};
