#pragma once

#include "ConnectionSettings.h"
#include "Result.h"

#include <QList>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

// Debian's PgBouncer (/usr/sbin/pgbouncer, 1.18) in front of one PostgreSQL server, for the
// tests and the benchmarks that ask how Teller behaves behind a pooler (issue 14). Started as
// the "postgres" OS user when the process runs as root (PgBouncer, like PostgreSQL, would run
// as root, but nothing of ours does), on a free port of 127.0.0.1, with a configuration
// generated into a private directory (mode 0700, the server's OS user's):
//
// - PgBouncer's own defaults, as Debian ships them (its pgbouncer.ini only names the log, the
//   pid file, where to listen and the md5 userlist, all replaced here), plus
//   pool_mode = transaction. Nothing changes how startup parameters are treated: no
//   ignore_startup_parameters, so a client that sends `options` is refused, as on a bank's
//   pooler.
// - Authentication as on a real installation: auth_type = scram-sha-256 for every client,
//   and the logins' secrets looked up on the server when they connect (auth_user and
//   auth_query through a SECURITY DEFINER function in its own schema, pgbouncer_auth, which
//   only the auth login may call and which answers for no superuser), so that staff added
//   later and changed passwords work without a userlist to edit. The auth login's own
//   password (fresh at every start) and the admin console's are in the 0600 auth_file of the
//   private directory, nowhere else. The server's pg_hba.conf is not changed: PgBouncer
//   reaches the server the way the server already allows (its Unix socket, or 127.0.0.1, with
//   SCRAM), which start() checks by logging in through the pooler as the auth login.
// - RLIMIT_NOFILE raised for PgBouncer (ulimit -n in the command that starts it), so that it
//   can hold more than a thousand clients.
//
// stop() (and the destructor, and the end of the process) sends SIGTERM and waits; if the
// process dies first, a detached guard does the same and removes the directory, as
// LocalServer's does for a server.
class PgBouncer
{
public:
    struct Options
    {
        // The server: a Unix socket directory or a host, and its port.
        QString serverHost;
        int serverPort = 0;
        int maxClientConn = 1200;
        int defaultPoolSize = 20;
        // PgBouncer's pools are one per database and login, and every Teller login is its own
        // PostgreSQL role: without a limit per database, each login that is busy at the same
        // moment gets server connections of its own. 0: no limit (PgBouncer's default).
        int maxDbConnections = 0;
        QStringList extraSettings; // more [pgbouncer] lines, e.g. "server_idle_timeout = 10"
        // PgBouncer's forced user: every client (still authenticated with its own login) is
        // carried on server connections of this one login, a pooled login of Teller
        // (teller.add_pooled_login, migration 020), whose password goes into the auth_file.
        QString forcedUser, forcedPassword;
    };

    explicit PgBouncer(Options options);
    ~PgBouncer();
    PgBouncer(const PgBouncer &) = delete;
    PgBouncer &operator=(const PgBouncer &) = delete;

    static teller::Result<QString> findPgBouncer();

    // Creates (or refreshes) the auth login on the server and the lookup function in each of
    // `databases` through `superuser` (a superuser's connection to any database of the
    // server; its dbname is replaced), writes the configuration, starts PgBouncer and waits
    // until a login through it as the auth login works. Later databases: prepareDatabase().
    teller::Result<void> start(const teller::ConnectionSettings &superuser, const QStringList &databases);
    // The lookup function in one more database, and CONNECT on it for the auth login.
    teller::Result<void> prepareDatabase(const teller::ConnectionSettings &superuser, const QString &database);
    void stop();
    bool isRunning() const;

    int port() const { return m_port; }
    QString baseDir() const { return m_base; }
    QString authUser() const { return QString::fromLatin1(AuthUser); }
    qint64 processId() const { return m_pid; }

    // A login through the pooler (TCP, 127.0.0.1, the pooler's port).
    teller::ConnectionSettings connection(const QString &dbname, const QString &user, const QString &password) const;

    // The admin console: SHOW POOLS, SHOW SERVERS, SHOW CLIENTS, SHOW STATS, SHOW DATABASES,
    // SHOW CONFIG (one word after SHOW; nothing else is sent). Each row as column -> value.
    using Row = QMap<QString, QString>;
    teller::Result<QList<Row>> show(const QString &what) const;
    // The server connections PgBouncer holds for `database` (every pool, every login):
    // sv_active + sv_idle + sv_used + sv_tested + sv_login of SHOW POOLS. All databases
    // when empty.
    teller::Result<int> serverConnections(const QString &database = {}) const;

    // The end of PgBouncer's log, for a failing test to print.
    QString logTail(int bytes = 4000) const;

private:
    static constexpr char AuthUser[] = "teller_pgbouncer_auth";
    static constexpr char AdminUser[] = "teller_pgbouncer_admin";

    teller::Result<void> prepareDirectory();
    teller::Result<void> writeConfiguration();
    teller::Result<void> launch();
    teller::Result<void> waitUntilReady(int timeoutMs);
    void startCrashGuard() const;
    qint64 readPid() const;

    Options m_options;
    QString m_binary;
    QString m_base;
    QString m_authPassword;
    QString m_adminPassword;
    int m_port = 0;
    qint64 m_pid = 0;
    std::unique_ptr<QProcess> m_process;
    bool m_started = false;
};
