#include "PgBouncer.h"

#include "DbSession.h"
#include "LocalServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QThread>
#include <QUuid>

#include <libpq-fe.h>

#include <csignal>
#include <pwd.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace teller;

namespace {

const QString Binary = QStringLiteral("/usr/sbin/pgbouncer");
// The schema of the lookup function in every database the pooler fronts.
const QString AuthSchema = QStringLiteral("pgbouncer_auth");

int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool chownToPostgres(const QString &path)
{
    if (!LocalServer::runningAsRoot())
        return true;
    const passwd *pw = getpwnam("postgres");
    return pw && ::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) == 0;
}

QString randomSecret()
{
    quint64 words[3];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

Error failure(const QString &what)
{
    return Error::io(what);
}

// A database name or path that goes into pgbouncer.ini or a statement as it is: checked, not quoted.
bool plainName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_]{1,63}$"));
    return pattern.match(name).hasMatch();
}

bool plainPath(const QString &path)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_./-]{1,200}$"));
    return pattern.match(path).hasMatch();
}

// Every fixture still running when the process ends normally is stopped then (the crash guard
// covers the other ends).
QMutex g_liveMutex;
QSet<PgBouncer *> g_live;
bool g_postRoutine = false;

void stopAll()
{
    QList<PgBouncer *> live;
    {
        QMutexLocker lock(&g_liveMutex);
        live = g_live.values();
    }
    for (PgBouncer *p : live)
        p->stop();
}

// One libpq connection for the admin console or a check, closed when it goes.
struct PgConn
{
    PGconn *conn = nullptr;
    ~PgConn()
    {
        if (conn)
            PQfinish(conn);
    }
};

Result<void> connectLibpq(PgConn &c, const QMap<QString, QString> &params)
{
    QList<QByteArray> keys, values;
    for (auto it = params.begin(); it != params.end(); ++it) {
        keys << it.key().toUtf8();
        values << it.value().toUtf8();
    }
    std::vector<const char *> k, v;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        k.push_back(keys.at(i).constData());
        v.push_back(values.at(i).constData());
    }
    k.push_back(nullptr);
    v.push_back(nullptr);
    c.conn = PQconnectdbParams(k.data(), v.data(), 0);
    if (!c.conn || PQstatus(c.conn) != CONNECTION_OK)
        return fail(Error(Error::Kind::Connection, QString::fromUtf8(c.conn ? PQerrorMessage(c.conn) : "out of memory").trimmed()));
    return {};
}

} // namespace

PgBouncer::PgBouncer(Options options) : m_options(std::move(options))
{
    // Short, like the servers' directories (a Unix socket path may not exceed ~100 bytes).
    m_base = QDir::tempPath() + QStringLiteral("/teller-pgb-") + QUuid::createUuid().toString(QUuid::Id128).left(10);
}

PgBouncer::~PgBouncer()
{
    stop();
}

Result<QString> PgBouncer::findPgBouncer()
{
    if (!QFileInfo(Binary).isExecutable())
        return fail(Error::config(
            QStringLiteral("%1 was not found: apt-get install pgbouncer (bash scripts/install-deps.sh does)").arg(Binary)));
    return Binary;
}

Result<void> PgBouncer::prepareDirectory()
{
    if (!QDir().mkpath(m_base) || !chownToPostgres(m_base))
        return fail(failure(QStringLiteral("cannot prepare %1 for the postgres user").arg(m_base)));
    QFile::setPermissions(m_base, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return {};
}

Result<void> PgBouncer::prepareDatabase(const ConnectionSettings &superuser, const QString &database)
{
    if (!plainName(database))
        return fail(Error::badInput(QStringLiteral("PgBouncer fixture: unexpected database name %1").arg(database)));
    ConnectionSettings settings = superuser;
    settings.set(QStringLiteral("dbname"), database);
    DbSession session(settings, SessionOptions{});
    if (auto ok = session.open(DbSession::SchemaCheck::Skip); !ok)
        return fail(ok.error());
    // One statement at a time (DbSession::exec may run only one per call). The function
    // answers only for logins that may log in, are no superuser, replication or RLS-bypassing
    // role and whose password has not expired: a pooler never learns a superuser's secret.
    const QStringList statements{
        QStringLiteral("CREATE SCHEMA IF NOT EXISTS pgbouncer_auth"),
        QStringLiteral("REVOKE ALL ON SCHEMA pgbouncer_auth FROM PUBLIC"),
        QStringLiteral("CREATE OR REPLACE FUNCTION pgbouncer_auth.lookup(login text) RETURNS TABLE (username text, password text) "
                       "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ "
                       "SELECT rolname::text, rolpassword FROM pg_catalog.pg_authid "
                       "WHERE rolname = login AND rolcanlogin AND NOT rolsuper AND NOT rolreplication AND NOT rolbypassrls "
                       "AND (rolvaliduntil IS NULL OR rolvaliduntil > now()) $$"),
        QStringLiteral("REVOKE ALL ON FUNCTION pgbouncer_auth.lookup(text) FROM PUBLIC"),
        QStringLiteral("GRANT USAGE ON SCHEMA pgbouncer_auth TO teller_pgbouncer_auth"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION pgbouncer_auth.lookup(text) TO teller_pgbouncer_auth"),
        // Teller's databases let only their staff connect (teller.secure_database()).
        QStringLiteral("GRANT CONNECT ON DATABASE %1 TO teller_pgbouncer_auth").arg(database),
    };
    for (const QString &sql : statements) {
        if (auto ok = session.exec(sql); !ok)
            return fail(ok.error());
    }
    return {};
}

Result<void> PgBouncer::start(const ConnectionSettings &superuser, const QStringList &databases)
{
    if (m_started)
        return {};
    auto binary = findPgBouncer();
    if (!binary)
        return fail(binary.error());
    m_binary = *binary;
    if (databases.isEmpty())
        return fail(Error::badInput(QStringLiteral("PgBouncer fixture: no database to front")));
    if (!plainPath(m_options.serverHost) || m_options.serverPort <= 0)
        return fail(
            Error::badInput(QStringLiteral("PgBouncer fixture: server %1:%2?").arg(m_options.serverHost).arg(m_options.serverPort)));
    static const QRegularExpression loginShape(QStringLiteral("^([a-z_][a-z0-9_]{0,62})?$"));
    static const QRegularExpression passwordShape(QStringLiteral("^[A-Za-z0-9._-]*$"));
    if (!loginShape.match(m_options.forcedUser).hasMatch() || !passwordShape.match(m_options.forcedPassword).hasMatch())
        return fail(Error::badInput(QStringLiteral("PgBouncer fixture: a forced user and password of letters and digits")));

    // The auth login, with a fresh password (a SCRAM verifier made here: the password itself
    // never reaches the server or its log).
    m_authPassword = randomSecret();
    m_adminPassword = randomSecret();
    {
        ConnectionSettings settings = superuser;
        settings.set(QStringLiteral("dbname"), QStringLiteral("postgres"));
        DbSession session(settings, SessionOptions{});
        if (auto ok = session.open(DbSession::SchemaCheck::Skip); !ok)
            return fail(ok.error());
        auto exists = session.selectOne(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_roles WHERE rolname = ?"), {authUser()},
                                        QStringLiteral("the auth login"), [](const auto &q) { return q.value(0).toInt(); });
        if (!exists)
            return fail(exists.error());
        if (*exists == 0) {
            if (auto ok = session.exec(QStringLiteral("CREATE ROLE teller_pgbouncer_auth LOGIN NOINHERIT")); !ok)
                return fail(ok.error());
        }
        auto verifier = session.passwordVerifier(authUser(), m_authPassword);
        if (!verifier)
            return fail(verifier.error());
        // ALTER ROLE takes no bound values: the server quotes them (format's %L) into the statement.
        auto alter = session.selectOne(QStringLiteral("SELECT pg_catalog.format('ALTER ROLE %I PASSWORD %L', ?::text, ?::text)"),
                                       {authUser(), *verifier}, QStringLiteral("the auth login's password"),
                                       [](const auto &q) { return q.value(0).toString(); });
        if (!alter)
            return fail(alter.error());
        if (auto ok = session.exec(*alter); !ok)
            return fail(ok.error());
    }
    for (const QString &db : databases) {
        if (auto ok = prepareDatabase(superuser, db); !ok)
            return ok;
    }

    if (auto ok = prepareDirectory(); !ok)
        return ok;
    m_started = true;
    {
        QMutexLocker lock(&g_liveMutex);
        g_live.insert(this);
        if (!g_postRoutine && QCoreApplication::instance()) {
            qAddPostRoutine(stopAll);
            g_postRoutine = true;
        }
    }
    startCrashGuard();

    // A free port now may be taken by the time PgBouncer binds it: a few tries.
    QString last;
    for (int tries = 0; tries < 5; ++tries) {
        m_port = freePort();
        if (m_port == 0)
            return fail(failure(QStringLiteral("no free port on 127.0.0.1")));
        if (auto ok = writeConfiguration(); !ok)
            return ok;
        if (auto ok = launch(); !ok)
            return ok;
        auto ready = waitUntilReady(15000);
        if (ready)
            break;
        last = ready.error().message;
        if (!logTail().contains(QLatin1String("Address already in use")))
            return fail(failure(QStringLiteral("PgBouncer did not start: %1\n%2").arg(last, logTail())));
        if (tries == 4)
            return fail(failure(QStringLiteral("PgBouncer found no free port: %1").arg(last)));
    }

    // The whole way a login takes, once: client -> PgBouncer (SCRAM, from the auth_file) ->
    // server (pg_hba.conf, CONNECT) as the auth login, which is also the way auth_query goes.
    PgConn check;
    auto settings = connection(databases.first(), authUser(), m_authPassword);
    if (auto ok = connectLibpq(check, settings.parameters()); !ok)
        return fail(
            failure(QStringLiteral("a login through PgBouncer as %1 failed: %2\n%3").arg(authUser(), ok.error().message, logTail())));
    PGresult *r = PQexec(check.conn, "SELECT 1");
    const bool answered = PQresultStatus(r) == PGRES_TUPLES_OK;
    const QString error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
    PQclear(r);
    if (!answered)
        return fail(failure(QStringLiteral("the server did not answer through PgBouncer: %1\n%2").arg(error, logTail())));
    return {};
}

Result<void> PgBouncer::writeConfiguration()
{
    // The auth_file: the auth login's password (PgBouncer logs into the server with it) and
    // the admin console's, readable by PgBouncer's OS user only.
    const QString userlist = m_base + QStringLiteral("/userlist.txt");
    {
        QFile f(userlist);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(failure(QStringLiteral("cannot write %1").arg(userlist)));
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.write(QStringLiteral("\"%1\" \"%2\"\n\"%3\" \"%4\"\n")
                    .arg(authUser(), m_authPassword, QString::fromLatin1(AdminUser), m_adminPassword)
                    .toUtf8());
        if (!m_options.forcedUser.isEmpty())
            f.write(QStringLiteral("\"%1\" \"%2\"\n").arg(m_options.forcedUser, m_options.forcedPassword).toUtf8());
    }
    if (!chownToPostgres(userlist))
        return fail(failure(QStringLiteral("cannot hand %1 to the postgres user").arg(userlist)));

    // Debian's /etc/pgbouncer/pgbouncer.ini sets only logfile, pidfile, listen_addr,
    // listen_port, unix_socket_dir, auth_type and auth_file (every one replaced here);
    // everything else is PgBouncer's default. The log goes to stderr, which the fixture keeps.
    QStringList lines{
        QStringLiteral("; Written by the tests' PgBouncer fixture (tests/support/PgBouncer.cpp)."),
        QStringLiteral("[databases]"),
        // Any database name: the server's database of that name, looked up as the auth login.
        QStringLiteral("* = host=%1 port=%2 auth_user=%3%4")
            .arg(m_options.serverHost)
            .arg(m_options.serverPort)
            .arg(authUser(), m_options.forcedUser.isEmpty() ? QString() : QStringLiteral(" user=") + m_options.forcedUser),
        QStringLiteral("[pgbouncer]"),
        QStringLiteral("pidfile = %1/pgbouncer.pid").arg(m_base),
        QStringLiteral("listen_addr = 127.0.0.1"),
        QStringLiteral("listen_port = %1").arg(m_port),
        // Its own socket only in the private directory.
        QStringLiteral("unix_socket_dir = %1").arg(m_base),
        QStringLiteral("auth_type = scram-sha-256"),
        QStringLiteral("auth_file = %1").arg(userlist),
        QStringLiteral("auth_user = %1").arg(authUser()),
        QStringLiteral("auth_query = SELECT username, password FROM pgbouncer_auth.lookup($1)"),
        QStringLiteral("admin_users = %1").arg(QString::fromLatin1(AdminUser)),
        QStringLiteral("pool_mode = transaction"),
        QStringLiteral("max_client_conn = %1").arg(m_options.maxClientConn),
        QStringLiteral("default_pool_size = %1").arg(m_options.defaultPoolSize),
    };
    if (m_options.maxDbConnections > 0)
        lines << QStringLiteral("max_db_connections = %1").arg(m_options.maxDbConnections);
    lines << m_options.extraSettings;
    const QString ini = m_base + QStringLiteral("/pgbouncer.ini");
    QFile f(ini);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(failure(QStringLiteral("cannot write %1").arg(ini)));
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    f.write(lines.join(u'\n').toUtf8() + '\n');
    f.close();
    if (!chownToPostgres(ini))
        return fail(failure(QStringLiteral("cannot hand %1 to the postgres user").arg(ini)));
    return {};
}

Result<void> PgBouncer::launch()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        stop();
    QFile::remove(m_base + QStringLiteral("/pgbouncer.pid"));
    // Enough descriptors for every client and server connection, within this process's hard
    // limit (which runuser passes on).
    rlimit limit{};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    const rlim_t wanted = rlim_t(m_options.maxClientConn) + 1024;
    const rlim_t nofile = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);

    m_process = std::make_unique<QProcess>();
    QProcessEnvironment clean;
    clean.insert(QStringLiteral("PATH"), QStringLiteral("/usr/sbin:/usr/bin:/sbin:/bin"));
    clean.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    m_process->setProcessEnvironment(clean);
    m_process->setWorkingDirectory(m_base);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_base + QStringLiteral("/pgbouncer.log"), QIODevice::Append);
    // The values are the shell's arguments, never part of its script.
    const QStringList shell{QStringLiteral("/bin/sh"),
                            QStringLiteral("-c"),
                            QStringLiteral("ulimit -n \"$1\" || exit 1; exec \"$2\" \"$3\""),
                            QStringLiteral("teller-pgbouncer"),
                            QString::number(qulonglong(nofile)),
                            m_binary,
                            m_base + QStringLiteral("/pgbouncer.ini")};
    if (LocalServer::runningAsRoot()) {
        m_process->setProgram(QStringLiteral("runuser"));
        m_process->setArguments(QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} + shell);
    } else {
        m_process->setProgram(shell.first());
        m_process->setArguments(shell.mid(1));
    }
    m_process->start();
    if (!m_process->waitForStarted(10000))
        return fail(failure(QStringLiteral("PgBouncer could not be started: %1").arg(m_process->errorString())));
    return {};
}

qint64 PgBouncer::readPid() const
{
    QFile f(m_base + QStringLiteral("/pgbouncer.pid"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const qint64 pid = f.readAll().trimmed().toLongLong(&ok);
    return ok && pid > 1 ? pid : 0;
}

Result<void> PgBouncer::waitUntilReady(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QString last;
    while (timer.elapsed() < timeoutMs) {
        if (m_process->state() == QProcess::NotRunning)
            return fail(failure(QStringLiteral("PgBouncer ended (exit %1)").arg(m_process->exitCode())));
        m_pid = readPid();
        if (m_pid > 0) {
            auto pools = show(QStringLiteral("VERSION"));
            if (pools)
                return {};
            last = pools.error().message;
        }
        QThread::msleep(50);
    }
    return fail(failure(QStringLiteral("PgBouncer did not answer within %1 ms: %2").arg(timeoutMs).arg(last)));
}

bool PgBouncer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void PgBouncer::stop()
{
    if (!m_started)
        return;
    m_started = false;
    {
        QMutexLocker lock(&g_liveMutex);
        g_live.remove(this);
    }
    if (m_process && m_process->state() != QProcess::NotRunning) {
        // SIGTERM is PgBouncer's immediate shutdown; runuser (its parent) ends with it.
        const qint64 pid = m_pid > 0 ? m_pid : readPid();
        if (pid > 0)
            ::kill(pid_t(pid), SIGTERM);
        else
            m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            if (pid > 0)
                ::kill(pid_t(pid), SIGKILL);
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
    m_pid = 0;
    QDir(m_base).removeRecursively();
}

void PgBouncer::startCrashGuard() const
{
    // If this process dies without stop() (a crashed or killed test), a detached shell
    // notices, sends SIGTERM to the PgBouncer of the pid file (a pid, never a name), waits
    // for it and removes the directory.
    const QString script = QStringLiteral("pid=$1; base=$2; "
                                          "while kill -0 \"$pid\" 2>/dev/null && [ -d \"$base\" ]; do sleep 1; done; "
                                          "[ -d \"$base\" ] || exit 0; "
                                          "p=$(cat \"$base/pgbouncer.pid\" 2>/dev/null); "
                                          "case \"$p\" in ''|*[!0-9]*) ;; *) kill -TERM \"$p\" 2>/dev/null; i=0; "
                                          "  while kill -0 \"$p\" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; "
                                          "  kill -KILL \"$p\" 2>/dev/null;; esac; "
                                          "rm -rf \"$base\"");
    QProcess::startDetached(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script, QStringLiteral("teller-pgb-guard"),
                                                        QString::number(QCoreApplication::applicationPid()), m_base});
}

ConnectionSettings PgBouncer::connection(const QString &dbname, const QString &user, const QString &password) const
{
    ConnectionSettings s;
    s.set(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    s.set(QStringLiteral("port"), QString::number(m_port));
    s.set(QStringLiteral("dbname"), dbname);
    s.set(QStringLiteral("user"), user);
    s.set(QStringLiteral("password"), password);
    s.set(QStringLiteral("sslmode"), QStringLiteral("disable"));
    return s;
}

Result<QList<PgBouncer::Row>> PgBouncer::show(const QString &what) const
{
    static const QStringList allowed{QStringLiteral("POOLS"),   QStringLiteral("SERVERS"),   QStringLiteral("CLIENTS"),
                                     QStringLiteral("STATS"),   QStringLiteral("DATABASES"), QStringLiteral("CONFIG"),
                                     QStringLiteral("VERSION"), QStringLiteral("USERS"),     QStringLiteral("LISTS"),
                                     QStringLiteral("MEM"),     QStringLiteral("TOTALS")};
    const QString command = what.toUpper();
    if (!allowed.contains(command))
        return fail(Error::badInput(QStringLiteral("PgBouncer fixture: SHOW %1 is not offered").arg(what)));
    PgConn admin;
    QMap<QString, QString> params{
        {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("port"), QString::number(m_port)},
        {QStringLiteral("dbname"), QStringLiteral("pgbouncer")},
        {QStringLiteral("user"), QString::fromLatin1(AdminUser)},
        {QStringLiteral("password"), m_adminPassword},
        {QStringLiteral("sslmode"), QStringLiteral("disable")},
        {QStringLiteral("connect_timeout"), QStringLiteral("5")},
    };
    if (auto ok = connectLibpq(admin, params); !ok)
        return fail(ok.error());
    PGresult *r = PQexec(admin.conn, QStringLiteral("SHOW %1").arg(command).toLatin1().constData());
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        const QString error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        PQclear(r);
        return fail(Error(Error::Kind::Database, QStringLiteral("SHOW %1: %2").arg(command, error)));
    }
    QList<Row> rows;
    for (int i = 0; i < PQntuples(r); ++i) {
        Row row;
        for (int c = 0; c < PQnfields(r); ++c)
            row.insert(QString::fromUtf8(PQfname(r, c)), QString::fromUtf8(PQgetvalue(r, i, c)));
        rows << row;
    }
    PQclear(r);
    return rows;
}

Result<int> PgBouncer::serverConnections(const QString &database) const
{
    auto pools = show(QStringLiteral("POOLS"));
    if (!pools)
        return fail(pools.error());
    int total = 0;
    for (const Row &row : *pools) {
        const QString db = row.value(QStringLiteral("database"));
        if (db == u"pgbouncer" || (!database.isEmpty() && db != database))
            continue;
        for (const char *column : {"sv_active", "sv_idle", "sv_used", "sv_tested", "sv_login"})
            total += row.value(QString::fromLatin1(column)).toInt();
    }
    return total;
}

QString PgBouncer::logTail(int bytes) const
{
    QFile f(m_base + QStringLiteral("/pgbouncer.log"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    if (f.size() > bytes)
        f.seek(f.size() - bytes);
    return QString::fromUtf8(f.readAll());
}
