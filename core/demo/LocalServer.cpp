#include "LocalServer.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <QVersionNumber>

#include <optional>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace teller {

namespace {

int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString randomPassword()
{
    quint64 words[3];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

// The socket's name when the server listens on no TCP port: in a directory of its own, the
// number only names the file (.s.PGSQL.5432), and any number works.
constexpr int SocketOnlyPort = 5432;

// The group role of every Teller login (migration 001 creates it; until then this names
// nobody, and pg_hba.conf accepts a role that does not exist yet).
constexpr char StaffGroup[] = "teller_staff";

bool chownToPostgres(const QString &path)
{
#ifdef Q_OS_UNIX
    const passwd *pw = getpwnam("postgres");
    if (!pw)
        return false;
    return ::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) == 0;
#else
    Q_UNUSED(path);
    return true;
#endif
}

#ifdef Q_OS_UNIX
// The OS user the server runs as: this process's, or postgres when root starts it.
std::optional<uid_t> serverUid(bool asRoot)
{
    if (!asRoot)
        return ::geteuid();
    const passwd *pw = getpwnam("postgres");
    if (!pw)
        return std::nullopt;
    return pw->pw_uid;
}

std::optional<struct stat> statOf(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    return st;
}
#endif

// Whether `path` belongs to this process's user or to the server's.
bool ownedByUsOrServer(const QString &path, bool asRoot)
{
#ifdef Q_OS_UNIX
    const auto st = statOf(path);
    const auto server = serverUid(asRoot);
    return st && (st->st_uid == ::geteuid() || (server && st->st_uid == *server));
#else
    Q_UNUSED(path);
    Q_UNUSED(asRoot);
    return true;
#endif
}

// Whether `path` is a directory that only the server's OS user can enter: theirs, with no
// rights for its group or anybody else.
bool privateToServer(const QString &path, bool asRoot)
{
#ifdef Q_OS_UNIX
    const auto st = statOf(path);
    const auto server = serverUid(asRoot);
    return st && server && S_ISDIR(st->st_mode) && st->st_uid == *server && (st->st_mode & (S_IRWXG | S_IRWXO)) == 0;
#else
    Q_UNUSED(path);
    Q_UNUSED(asRoot);
    return true;
#endif
}

} // namespace

LocalServer::LocalServer(Options options) : m_options(std::move(options))
{
    m_options.baseDir = QDir::cleanPath(QDir(m_options.baseDir).absolutePath());
}

LocalServer::~LocalServer()
{
    if (m_started && m_options.ephemeral)
        stop();
}

bool LocalServer::runningAsRoot()
{
#ifdef Q_OS_UNIX
    return ::geteuid() == 0;
#else
    return false;
#endif
}

QString LocalServer::dataDir() const
{
    return m_options.baseDir + QStringLiteral("/data");
}

QString LocalServer::socketDir() const
{
    return m_options.baseDir + QStringLiteral("/socket");
}

QString LocalServer::logFile() const
{
    return m_options.baseDir + QStringLiteral("/server.log");
}

Result<QString> LocalServer::findBinDir()
{
    const auto hasTools = [](const QString &dir) {
        return QFileInfo::exists(dir + QStringLiteral("/pg_ctl")) && QFileInfo::exists(dir + QStringLiteral("/initdb"));
    };
    const QString fromEnv = qEnvironmentVariable("TELLER_PG_BINDIR");
    if (!fromEnv.isEmpty()) {
        if (hasTools(fromEnv))
            return fromEnv;
        return fail(Error::config(
            QCoreApplication::translate("teller::LocalServer", "TELLER_PG_BINDIR=%1 has no initdb and pg_ctl.").arg(fromEnv)));
    }
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QString best;
    QVersionNumber bestVersion;
    for (const QString &v : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QVersionNumber n = QVersionNumber::fromString(v);
        const QString dir = versions.filePath(v) + QStringLiteral("/bin");
        if (!n.isNull() && hasTools(dir) && n > bestVersion) {
            best = dir;
            bestVersion = n;
        }
    }
    if (!best.isEmpty())
        return best;
    const QString pgCtl = QStandardPaths::findExecutable(QStringLiteral("pg_ctl"));
    if (!pgCtl.isEmpty() && hasTools(QFileInfo(pgCtl).absolutePath()))
        return QFileInfo(pgCtl).absolutePath();
    return fail(
        Error::config(QCoreApplication::translate("teller::LocalServer", "PostgreSQL's server programs (initdb, pg_ctl) were not found. "
                                                                         "On Debian: apt-get install postgresql")));
}

Result<QString> LocalServer::run(const QString &tool, const QStringList &args, int timeoutMs) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(QLatin1String("PG")))
            env.remove(name);
    }
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    const QString program = m_binDir + u'/' + tool;
    if (runningAsRoot()) {
        p.setWorkingDirectory(QStringLiteral("/"));
        p.start(QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + args);
    } else {
        p.start(program, args);
    }
    if (!p.waitForStarted(10000))
        return fail(
            Error::io(QCoreApplication::translate("teller::LocalServer", "%1 could not be started: %2").arg(tool, p.errorString())));
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return fail(Error::io(QCoreApplication::translate("teller::LocalServer", "%1 did not finish in time.").arg(tool)));
    }
    const QString output = QString::fromLocal8Bit(p.readAll());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return fail(
            Error::io(QCoreApplication::translate("teller::LocalServer", "%1 failed: %2").arg(tool, output.trimmed().right(2000))));
    return output;
}

Result<void> LocalServer::prepareDirectory(const QString &path) const
{
    // A directory somebody else made first is not taken over (root's demo lives in /var/tmp,
    // where anybody may make it first; root's chown below would hand it to postgres with
    // whatever it holds).
    if (QFileInfo::exists(path) && !ownedByUsOrServer(path, runningAsRoot()))
        return fail(
            Error::io(QCoreApplication::translate("teller::LocalServer", "The directory %1 belongs to another user.").arg(path)));
    if (!QDir().mkpath(path))
        return fail(Error::io(QCoreApplication::translate("teller::LocalServer", "The directory %1 cannot be created.").arg(path)));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (runningAsRoot() && !chownToPostgres(path))
        return fail(Error::io(QCoreApplication::translate("teller::LocalServer",
                                                          "The directory %1 cannot be handed to the postgres user. "
                                                          "Running as root needs the postgres OS user (apt-get install postgresql).")
                                  .arg(path)));
    // Whoever can enter the socket's directory can reach the server: checked, not assumed.
    if (!privateToServer(path, runningAsRoot()))
        return fail(Error::io(QCoreApplication::translate("teller::LocalServer", "The directory %1 is not private to the server's user "
                                                                                 "(it must be theirs, with mode 0700).")
                                  .arg(path)));
    return {};
}

Result<void> LocalServer::initialize()
{
    m_password = randomPassword();
    // The password file goes where only the server's user can read it, and is removed at once.
    const QString pwfile = m_options.baseDir + QStringLiteral("/initdb.pw");
    {
        QFile f(pwfile);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(Error::io(QCoreApplication::translate("teller::LocalServer", "Cannot write %1.").arg(pwfile)));
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.write(m_password.toUtf8() + '\n');
    }
    if (runningAsRoot())
        chownToPostgres(pwfile);
    QStringList args{QStringLiteral("-D"),
                     dataDir(),
                     QStringLiteral("-U"),
                     superuser(),
                     QStringLiteral("--pwfile=") + pwfile,
                     QStringLiteral("--auth=scram-sha-256"),
                     QStringLiteral("--encoding=UTF8"),
                     QStringLiteral("--lc-collate=C"),
                     QStringLiteral("--lc-ctype=C.UTF-8"),
                     QStringLiteral("--lc-messages=C"),
                     QStringLiteral("--no-instructions")};
    if (!m_options.durable)
        args << QStringLiteral("--no-sync");
    auto out = run(QStringLiteral("initdb"), args);
    QFile::remove(pwfile);
    if (!out)
        return fail(out.error());

    // The superuser password, for this user only: the demo and the tests connect with it.
    QFile f(m_options.baseDir + QStringLiteral("/superuser.password"));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(Error::io(QCoreApplication::translate("teller::LocalServer", "Cannot write %1.").arg(f.fileName())));
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    f.write(m_password.toUtf8());
    return {};
}

int LocalServer::readPort() const
{
    QFile f(m_options.baseDir + QStringLiteral("/port"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readAll().trimmed().toInt();
}

Result<void> LocalServer::writeConfiguration()
{
    // A conf.d-style include keeps our settings apart from initdb's file.
    QFile conf(dataDir() + QStringLiteral("/teller.conf"));
    if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(Error::io(QCoreApplication::translate("teller::LocalServer", "Cannot write %1.").arg(conf.fileName())));
    QStringList lines{
        // No TCP unless asked for: any local user can reach 127.0.0.1, and the demo's passwords
        // are in the README. The socket's directory is private (prepareDirectory), and so is
        // the socket itself (root, the one other user who reaches it, overrides file modes).
        m_options.listenTcp ? QStringLiteral("listen_addresses = '127.0.0.1'") : QStringLiteral("listen_addresses = ''"),
        QStringLiteral("port = %1").arg(m_port),
        QStringLiteral("unix_socket_directories = '%1'").arg(socketDir()),
        QStringLiteral("unix_socket_permissions = 0700"),
        QStringLiteral("max_connections = %1").arg(m_options.maxConnections),
        QStringLiteral("password_encryption = 'scram-sha-256'"),
        // A password set in clear (ALTER ROLE … PASSWORD from psql) must have at least the 8
        // characters tellerctl staff add asks for, letters and others, and not contain the
        // login. A verifier the client hashed (psql's \password) it cannot judge.
        QStringLiteral("shared_preload_libraries = 'passwordcheck'"),
        // A session that died inside a transaction must not keep its row locks for long.
        QStringLiteral("idle_in_transaction_session_timeout = '60s'"),
        QStringLiteral("tcp_keepalives_idle = 10"),
        QStringLiteral("tcp_keepalives_interval = 3"),
        QStringLiteral("tcp_keepalives_count = 3"),
        QStringLiteral("log_line_prefix = '%m [%p] %q%u@%d '"),
        QStringLiteral("lc_messages = 'C'"),
    };
    if (!m_options.durable) {
        lines << QStringLiteral("fsync = off") << QStringLiteral("synchronous_commit = off") << QStringLiteral("full_page_writes = off");
    }
    lines << m_options.extraSettings;
    conf.write(lines.join(u'\n').toUtf8() + '\n');
    conf.close();
    if (runningAsRoot())
        chownToPostgres(conf.fileName());

    QFile main(dataDir() + QStringLiteral("/postgresql.conf"));
    if (!main.open(QIODevice::ReadWrite))
        return fail(Error::io(QCoreApplication::translate("teller::LocalServer", "Cannot update %1.").arg(main.fileName())));
    if (!main.readAll().contains("include_if_exists = 'teller.conf'")) {
        main.seek(main.size());
        main.write("\ninclude_if_exists = 'teller.conf'\n");
    }
    QFile portFile(m_options.baseDir + QStringLiteral("/port"));
    if (portFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        portFile.write(QByteArray::number(m_port));
    return writeHba();
}

Result<void> LocalServer::writeHba()
{
    // Replaces initdb's file at every start (a cluster made by an older version gets it too):
    // the socket (and 127.0.0.1 only with listenTcp), a password for every login, no
    // replication. Staff may reach Teller's databases only; the maintenance databases let
    // PUBLIC connect, and Teller's secure_database() cannot change that for them. The first
    // matching line decides, so the rejections come first.
    const QString staff = u'+' + QString::fromLatin1(StaffGroup);
    const QString maintenance = QStringLiteral("postgres,template0,template1");
    QStringList lines{
        QStringLiteral("# Written by Teller (LocalServer) at every start: changes here are lost."),
        QStringLiteral("# TYPE  DATABASE  USER  [ADDRESS]  METHOD"),
        QStringLiteral("local   %1  %2  reject").arg(maintenance, staff),
        QStringLiteral("local   all  all  scram-sha-256"),
    };
    if (m_options.listenTcp) {
        lines << QStringLiteral("host    %1  %2  127.0.0.1/32  reject").arg(maintenance, staff)
              << QStringLiteral("host    all  all  127.0.0.1/32  scram-sha-256");
    }
    QFile hba(dataDir() + QStringLiteral("/pg_hba.conf"));
    if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(Error::io(QCoreApplication::translate("teller::LocalServer", "Cannot write %1.").arg(hba.fileName())));
    hba.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    hba.write(lines.join(u'\n').toUtf8() + '\n');
    hba.close();
    if (runningAsRoot() && !chownToPostgres(hba.fileName()))
        return fail(
            Error::io(QCoreApplication::translate("teller::LocalServer", "Cannot hand %1 to the postgres user.").arg(hba.fileName())));
    return {};
}

bool LocalServer::isRunning() const
{
    if (m_binDir.isEmpty() || !QFileInfo::exists(dataDir() + QStringLiteral("/PG_VERSION")))
        return false;
    return bool(run(QStringLiteral("pg_ctl"), {QStringLiteral("status"), QStringLiteral("-D"), dataDir()}, 30000));
}

Result<void> LocalServer::start()
{
    auto bin = findBinDir();
    if (!bin)
        return fail(bin.error());
    m_binDir = *bin;
    // Debian's postgresql-15 ships passwordcheck next to the server; where it does not, say so
    // rather than let the server refuse to start with a message in its log.
    const QString libDir = m_binDir + QStringLiteral("/../lib");
    if (QFileInfo(libDir).isDir() && !QFileInfo::exists(libDir + QStringLiteral("/passwordcheck.so")))
        return fail(
            Error::config(QCoreApplication::translate("teller::LocalServer", "PostgreSQL's passwordcheck module is not installed in %1. "
                                                                             "On Debian it comes with the package postgresql-15.")
                              .arg(QDir::cleanPath(libDir))));

    if (auto ok = prepareDirectory(m_options.baseDir); !ok)
        return ok;
    if (auto ok = prepareDirectory(socketDir()); !ok)
        return ok;

    const bool fresh = !QFileInfo::exists(dataDir() + QStringLiteral("/PG_VERSION"));
    if (fresh) {
        qCInfo(lcServer).noquote() << "creating a PostgreSQL cluster in" << dataDir();
        if (auto ok = initialize(); !ok)
            return ok;
    } else {
        QFile f(m_options.baseDir + QStringLiteral("/superuser.password"));
        if (!f.open(QIODevice::ReadOnly))
            return fail(
                Error::io(QCoreApplication::translate("teller::LocalServer", "The server in %1 has no readable superuser.password.")
                              .arg(m_options.baseDir)));
        m_password = QString::fromUtf8(f.readAll()).trimmed();
        if (isRunning()) {
            m_port = readPort();
            m_started = true;
            return {};
        }
    }

    // A free TCP port now may be taken by the time the server binds it: try a few. Without TCP
    // the number only names the socket in a directory of its own.
    QString lastError;
    for (int tries = 0; tries < 5; ++tries) {
        if (tries == 0 && !fresh && readPort() > 0)
            m_port = readPort();
        else
            m_port = m_options.listenTcp ? freePort() : SocketOnlyPort + tries;
        if (m_port == 0)
            return fail(Error::io(QCoreApplication::translate("teller::LocalServer", "No free TCP port on 127.0.0.1.")));
        if (auto ok = writeConfiguration(); !ok)
            return ok;
        QFile::remove(logFile());
        if (runningAsRoot()) {
            QFile log(logFile());
            log.open(QIODevice::WriteOnly);
            log.close();
            chownToPostgres(logFile());
        }
        auto started = run(QStringLiteral("pg_ctl"),
                           {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"), logFile(), QStringLiteral("-w"), QStringLiteral("-t"),
                            QStringLiteral("60"), QStringLiteral("start")});
        if (started) {
            m_started = true;
            if (m_options.ephemeral)
                startCrashGuard();
            qCInfo(lcServer).noquote() << "PostgreSQL running on port" << m_port << "socket" << socketDir();
            return {};
        }
        QFile log(logFile());
        log.open(QIODevice::ReadOnly);
        lastError = QString::fromUtf8(log.readAll()).right(1500);
        if (!lastError.contains(QLatin1String("could not bind")) && !lastError.contains(QLatin1String("in use")))
            return fail(Error::io(QCoreApplication::translate("teller::LocalServer", "The private PostgreSQL server did not start: %1")
                                      .arg(started.error().message + u'\n' + lastError)));
    }
    return fail(
        Error::io(QCoreApplication::translate("teller::LocalServer", "The private PostgreSQL server did not find a free port: %1")
                      .arg(lastError)));
}

void LocalServer::startCrashGuard()
{
    // If this process dies without stopping the server (a crashed or killed test), a small
    // detached shell notices and stops and removes it.
    const QString script = QStringLiteral(
        "while kill -0 \"$1\" 2>/dev/null && [ -d \"$2\" ]; do sleep 1; done; "
        "if [ -d \"$2\" ]; then "
        "  if [ \"$(id -u)\" = 0 ]; then runuser -u postgres -- \"$3\" -D \"$2\" -m immediate -w stop; "
        "  else \"$3\" -D \"$2\" -m immediate -w stop; fi; "
        "  rm -rf \"$4\"; "
        "fi");
    QProcess::startDetached(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script, QStringLiteral("teller-pg-guard"),
                                                        QString::number(QCoreApplication::applicationPid()), dataDir(),
                                                        m_binDir + QStringLiteral("/pg_ctl"), m_options.baseDir});
}

Result<void> LocalServer::stop()
{
    // `tellerctl demo stop` stops a server another process started: find pg_ctl here too.
    if (m_binDir.isEmpty()) {
        auto bin = findBinDir();
        if (!bin)
            return fail(bin.error());
        m_binDir = *bin;
    }
    Result<QString> stopped = QString();
    if (QFileInfo::exists(dataDir() + QStringLiteral("/postmaster.pid")))
        stopped = run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("fast"),
                                                 QStringLiteral("-w"), QStringLiteral("stop")});
    m_started = false;
    if (m_options.ephemeral)
        QDir(m_options.baseDir).removeRecursively();
    if (!stopped)
        return fail(stopped.error());
    return {};
}

Result<void> LocalServer::restart()
{
    auto out = run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"), logFile(), QStringLiteral("-m"),
                                              QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("restart")});
    if (!out)
        return fail(out.error());
    return {};
}

Result<QString> LocalServer::installFile(const QString &source, const QString &name)
{
    const QString target = dataDir() + u'/' + name;
    QFile::remove(target);
    if (!QFile::copy(source, target))
        return fail(
            Error::io(QCoreApplication::translate("teller::LocalServer", "Cannot copy %1 into the server's directory.").arg(source)));
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    if (runningAsRoot() && !chownToPostgres(target))
        return fail(Error::io(QCoreApplication::translate("teller::LocalServer", "Cannot hand %1 to the postgres user.").arg(target)));
    return target;
}

ConnectionSettings LocalServer::connection(const QString &dbname, const QString &user, const QString &password, bool tcp) const
{
    ConnectionSettings s;
    s.set(QStringLiteral("host"), tcp ? QStringLiteral("127.0.0.1") : socketDir());
    s.set(QStringLiteral("port"), QString::number(m_port));
    s.set(QStringLiteral("dbname"), dbname);
    s.set(QStringLiteral("user"), user.isEmpty() ? superuser() : user);
    s.set(QStringLiteral("password"), user.isEmpty() ? m_password : password);
    s.set(QStringLiteral("sslmode"), QStringLiteral("disable"));
    return s;
}

} // namespace teller
