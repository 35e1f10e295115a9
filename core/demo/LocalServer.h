#pragma once

#include "ConnectionSettings.h"
#include "Result.h"

#include <QString>
#include <QStringList>

namespace teller {

// A private PostgreSQL server on this machine, made with the machine's own initdb and pg_ctl:
// for the demo (data kept in the user's app-data folder between runs) and for the tests
// (a throwaway directory, fsync off, removed afterwards, also when the test process dies).
// It listens only on a Unix socket in a directory that nobody but the user who started it can
// enter (mode 0700; as root, the server's postgres user owns it and root enters it by its
// override of file permissions), unless listenTcp asks for 127.0.0.1 as well, which any
// local user can reach (the tests' fault proxy and TLS need it; the demo must not).
// Every server it starts requires a password (SCRAM) for every login, like a real server;
// lets Teller's staff (members of teller_staff) reach no database but Teller's (never
// postgres, template0, template1); and loads PostgreSQL's passwordcheck module, so that a
// login setting its own password in clear from psql meets at least tellerctl staff add's rule.
// PostgreSQL refuses to run as root: as root, the server runs as the "postgres" OS user.
class LocalServer
{
public:
    struct Options
    {
        QString baseDir;        // data/, socket/, server.log live here
        bool ephemeral = false; // remove baseDir when stopped, and if this process dies
        bool durable = true;    // false: fsync and synchronous_commit off (tests)
        bool listenTcp = false; // also listen on 127.0.0.1 at a free port (tests only)
        int maxConnections = 100;
        QStringList extraSettings; // postgresql.conf lines, e.g. "log_statement = 'all'"
    };

    explicit LocalServer(Options options);
    ~LocalServer();
    LocalServer(const LocalServer &) = delete;
    LocalServer &operator=(const LocalServer &) = delete;

    // Creates the cluster if needed and starts it if it is not running.
    Result<void> start();
    Result<void> stop();
    Result<void> restart();
    bool isRunning() const;

    // The port: with listenTcp, a free TCP port on 127.0.0.1; without, only the number in the
    // socket's name (.s.PGSQL.PORT) in socketDir().
    int port() const { return m_port; }
    QString baseDir() const { return m_options.baseDir; }
    QString dataDir() const;
    QString socketDir() const;
    QString logFile() const;
    QString superuser() const { return QStringLiteral("postgres"); }
    QString superuserPassword() const { return m_password; }

    // Copies a file into the data directory, readable by the server only (keys, certificates).
    Result<QString> installFile(const QString &source, const QString &name);

    // Connection over the Unix socket (or TCP on 127.0.0.1 when tcp is true, which only a
    // server started with listenTcp answers).
    ConnectionSettings connection(const QString &dbname, const QString &user = {}, const QString &password = {}, bool tcp = false) const;

    // The directory with initdb, pg_ctl and postgres: $TELLER_PG_BINDIR, else the newest
    // /usr/lib/postgresql/*/bin, else the PATH.
    static Result<QString> findBinDir();
    static bool runningAsRoot();

private:
    Result<QString> run(const QString &tool, const QStringList &args, int timeoutMs = 120000) const;
    Result<void> initialize();
    Result<void> writeConfiguration();
    Result<void> writeHba();
    Result<void> prepareDirectory(const QString &path) const;
    void startCrashGuard();
    int readPort() const;

    Options m_options;
    QString m_binDir;
    QString m_password;
    int m_port = 0;
    bool m_started = false;
};

} // namespace teller
