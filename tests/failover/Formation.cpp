#include "Formation.h"

#include "DbSession.h"
#include "LocalServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <QUuid>

#include <csignal>
#include <pwd.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <unistd.h>

using namespace teller;

namespace {

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

Error failure(const QString &what)
{
    return Error::io(what);
}

// The monitor decides in seconds, not half a minute: a test that waits for a failover waits
// on states, and these bound how long that takes.
const QStringList MonitorSettings{
    QStringLiteral("shared_buffers = '32MB'"),
    QStringLiteral("fsync = off"),
    QStringLiteral("pgautofailover.health_check_period = 1000"),
    QStringLiteral("pgautofailover.health_check_timeout = 1000"),
    QStringLiteral("pgautofailover.health_check_max_retries = 1"),
    QStringLiteral("pgautofailover.health_check_retry_delay = 500"),
    QStringLiteral("pgautofailover.node_considered_unhealthy_timeout = 3000"),
    QStringLiteral("pgautofailover.primary_demote_timeout = 3000"),
    QStringLiteral("pgautofailover.startup_grace_period = 3000"),
};

} // namespace

Formation::Formation()
{
    // Short: a Unix socket path may not exceed ~100 bytes.
    m_base = QDir::tempPath() + QStringLiteral("/teller-paf-") + QUuid::createUuid().toString(QUuid::Id128).left(10);
}

Formation::~Formation()
{
    stop();
}

Result<QString> Formation::findAutoctl()
{
    const QString autoctl = QStandardPaths::findExecutable(QStringLiteral("pg_autoctl"));
    if (autoctl.isEmpty())
        return fail(Error::config(QStringLiteral("pg_autoctl was not found: apt-get install postgresql-15-auto-failover "
                                                 "pg-auto-failover-cli (bash scripts/install-deps.sh does)")));
    return autoctl;
}

int Formation::port(const QString &node) const
{
    const auto it = m_ports.find(node);
    return it == m_ports.end() ? 0 : it->second;
}

QString Formation::dataDir(const QString &node) const
{
    return m_base + u'/' + node;
}

QString Formation::pidFile(const QString &name) const
{
    // pg_autoctl keeps its pid file under $XDG_RUNTIME_DIR/pg_autoctl/<PGDATA>/.
    return m_base + QStringLiteral("/run/pg_autoctl") + dataDir(name) + QStringLiteral("/pg_autoctl.pid");
}

QStringList Formation::environment() const
{
    QStringList env{
        QStringLiteral("XDG_CONFIG_HOME=") + m_base + QStringLiteral("/config"),
        QStringLiteral("XDG_DATA_HOME=") + m_base + QStringLiteral("/share"),
        QStringLiteral("XDG_RUNTIME_DIR=") + m_base + QStringLiteral("/run"),
        // The servers' Unix sockets go here (pg_autoctl's own test hook), not /var/run/postgresql.
        QStringLiteral("PG_REGRESS_SOCK_DIR=") + m_base + QStringLiteral("/sock"),
        QStringLiteral("PGHOST=") + m_base + QStringLiteral("/sock"),
        QStringLiteral("PATH=") + m_binDir + QStringLiteral(":/usr/bin:/bin"),
        QStringLiteral("LC_ALL=C.UTF-8"),
        QStringLiteral("HOME=") + m_base,
    };
    return env;
}

QProcess *Formation::prepare(QProcess &p, const QString &program, const QStringList &args) const
{
    // Nothing of the caller's PG* environment: only what the formation sets.
    QProcessEnvironment clean;
    clean.insert(QStringLiteral("PATH"), QStringLiteral("/usr/sbin:/usr/bin:/sbin:/bin"));
    p.setProcessEnvironment(clean);
    p.setWorkingDirectory(m_base);
    QStringList command{QStringLiteral("env")};
    command << environment() << program << args;
    if (LocalServer::runningAsRoot()) {
        p.setProgram(QStringLiteral("runuser"));
        p.setArguments(QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} + command);
    } else {
        p.setProgram(command.takeFirst());
        p.setArguments(command);
    }
    return &p;
}

Result<QString> Formation::autoctl(const QStringList &args, int timeoutMs) const
{
    QProcess p;
    prepare(p, m_autoctl, args);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start();
    if (!p.waitForStarted(10000))
        return fail(failure(QStringLiteral("pg_autoctl could not be started: %1").arg(p.errorString())));
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return fail(failure(QStringLiteral("pg_autoctl %1 did not finish in %2 ms: %3")
                                .arg(args.join(u' '))
                                .arg(timeoutMs)
                                .arg(QString::fromLocal8Bit(p.readAll()).right(2000))));
    }
    const QString out = QString::fromLocal8Bit(p.readAll());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return fail(
            failure(QStringLiteral("pg_autoctl %1 failed (exit %2): %3").arg(args.join(u' ')).arg(p.exitCode()).arg(out.right(3000))));
    return out;
}

Result<void> Formation::startKeeper(const QString &name, const QStringList &args)
{
    auto &keeper = m_keepers[name];
    if (keeper.process && keeper.process->state() != QProcess::NotRunning)
        return {};
    keeper.process = std::make_unique<QProcess>();
    prepare(*keeper.process, m_autoctl, args);
    keeper.process->setProcessChannelMode(QProcess::MergedChannels);
    const QString log = m_base + u'/' + name + QStringLiteral(".log");
    keeper.process->setStandardOutputFile(log, QIODevice::Append);
    keeper.process->start();
    if (!keeper.process->waitForStarted(10000))
        return fail(failure(QStringLiteral("the keeper of %1 did not start: %2").arg(name, keeper.process->errorString())));
    return {};
}

QString Formation::keeperLog(const QString &node, int bytes) const
{
    QFile f(m_base + u'/' + node + QStringLiteral(".log"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    if (f.size() > bytes)
        f.seek(f.size() - bytes);
    return QString::fromUtf8(f.readAll());
}

Result<void> Formation::start(std::chrono::seconds timeout)
{
    QElapsedTimer timer;
    timer.start();
    const auto left = [&] {
        return std::chrono::milliseconds(std::max<qint64>(1000, qint64(timeout.count()) * 1000 - timer.elapsed()));
    };

    auto found = findAutoctl();
    if (!found)
        return fail(found.error());
    m_autoctl = *found;
    auto bin = LocalServer::findBinDir();
    if (!bin)
        return fail(bin.error());
    m_binDir = *bin;

    for (const QString &dir :
         {QString(), QStringLiteral("/config"), QStringLiteral("/share"), QStringLiteral("/run"), QStringLiteral("/sock")}) {
        const QString path = m_base + dir;
        if (!QDir().mkpath(path) || !chownToPostgres(path))
            return fail(failure(QStringLiteral("cannot prepare %1 for the postgres user").arg(path)));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    m_started = true;
    startCrashGuard();

    m_monitorPort = freePort();
    m_ports[QStringLiteral("node1")] = freePort();
    m_ports[QStringLiteral("node2")] = freePort();
    if (m_monitorPort == 0 || port(QStringLiteral("node1")) == 0 || port(QStringLiteral("node2")) == 0)
        return fail(failure(QStringLiteral("no free ports on 127.0.0.1")));
    const QString pgctl = m_binDir + QStringLiteral("/pg_ctl");

    // The monitor: created, told to listen on 127.0.0.1 only and to decide quickly, then run.
    const QString monitorData = dataDir(QStringLiteral("monitor"));
    if (auto ok = autoctl({QStringLiteral("create"), QStringLiteral("monitor"), QStringLiteral("--pgdata"), monitorData,
                           QStringLiteral("--pgport"), QString::number(m_monitorPort), QStringLiteral("--hostname"),
                           QStringLiteral("127.0.0.1"), QStringLiteral("--auth"), QStringLiteral("trust"), QStringLiteral("--no-ssl"),
                           QStringLiteral("--pgctl"), pgctl},
                          int(left().count()));
        !ok)
        return fail(ok.error());
    if (auto ok = autoctl({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("--pgdata"), monitorData,
                           QStringLiteral("postgresql.listen_addresses"), QStringLiteral("127.0.0.1")});
        !ok)
        return fail(ok.error());
    {
        // postgresql.conf includes pg_auto_failover's file first: what follows wins.
        QFile conf(monitorData + QStringLiteral("/postgresql.conf"));
        if (!conf.open(QIODevice::Append))
            return fail(failure(QStringLiteral("cannot append to %1").arg(conf.fileName())));
        conf.write("\n# the failover drill\n" + MonitorSettings.join(u'\n').toUtf8() + '\n');
    }
    if (auto ok = startKeeper(QStringLiteral("monitor"), {QStringLiteral("run"), QStringLiteral("--pgdata"), monitorData}); !ok)
        return ok;
    QString last;
    if (!waitFor([](const States &) { return true; }, left(), &last))
        return fail(failure(QStringLiteral("the monitor did not come up: %1\n%2").arg(last, keeperLog(QStringLiteral("monitor")))));

    // The nodes, one after the other: the second is made from the first (pg_basebackup).
    const auto createNode = [&](const QString &name) {
        return startKeeper(name,
                           {QStringLiteral("create"),
                            QStringLiteral("postgres"),
                            QStringLiteral("--pgdata"),
                            dataDir(name),
                            QStringLiteral("--pgport"),
                            QString::number(port(name)),
                            QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1"),
                            QStringLiteral("--hostname"),
                            QStringLiteral("127.0.0.1"),
                            QStringLiteral("--name"),
                            name,
                            QStringLiteral("--auth"),
                            QStringLiteral("trust"),
                            QStringLiteral("--no-ssl"),
                            QStringLiteral("--pgctl"),
                            pgctl,
                            QStringLiteral("--monitor"),
                            QStringLiteral("postgres://autoctl_node@127.0.0.1:%1/pg_auto_failover?sslmode=disable").arg(m_monitorPort),
                            QStringLiteral("--run")});
    };
    if (auto ok = createNode(QStringLiteral("node1")); !ok)
        return ok;
    const auto single = [](const States &s) { return s.size() == 1 && s.first().is(QStringLiteral("single")); };
    if (!waitFor(single, left(), &last))
        return fail(failure(QStringLiteral("node1 did not become single: %1\n%2").arg(last, keeperLog(QStringLiteral("node1")))));
    {
        // A test server: no fsync (a killed process loses nothing the kernel has; only a
        // machine crash would). Written before node2 is copied from node1, so both have it.
        DbSession node1(nodeConnection(QStringLiteral("node1"), QStringLiteral("postgres")), SessionOptions{});
        if (auto ok = node1.open(DbSession::SchemaCheck::Skip); !ok)
            return fail(ok.error());
        for (const char *sql : {"ALTER SYSTEM SET fsync = off", "SELECT pg_reload_conf()"}) {
            if (auto ok = node1.exec(QString::fromLatin1(sql)); !ok)
                return fail(ok.error());
        }
    }
    if (auto ok = createNode(QStringLiteral("node2")); !ok)
        return ok;
    if (!waitForPrimary(left(), false, &last))
        return fail(failure(QStringLiteral("the formation did not get a primary and a secondary: %1\n%2")
                                .arg(last, keeperLog(QStringLiteral("node2")))));
    return {};
}

Result<Formation::States> Formation::states() const
{
    ConnectionSettings monitor;
    monitor.set(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    monitor.set(QStringLiteral("port"), QString::number(m_monitorPort));
    monitor.set(QStringLiteral("dbname"), QStringLiteral("pg_auto_failover"));
    monitor.set(QStringLiteral("user"), QStringLiteral("autoctl_node"));
    monitor.set(QStringLiteral("sslmode"), QStringLiteral("disable"));
    SessionOptions options;
    options.connectTimeout = std::chrono::seconds(2);
    options.applicationName = QStringLiteral("teller failover drill");
    DbSession session(monitor, options);
    if (auto ok = session.open(DbSession::SchemaCheck::Skip); !ok)
        return fail(ok.error());
    States out;
    auto read = session.select(
        QStringLiteral("SELECT nodename, nodeport, current_group_state::text, assigned_group_state::text "
                       "FROM pgautofailover.current_state('default') ORDER BY nodename"),
        {}, QStringLiteral("reading the formation's state"), [&](const Row &q) {
            out << NodeState{q.value(0).toString(), q.value(1).toInt(), q.value(2).toString(), q.value(3).toString()};
        });
    if (!read)
        return fail(read.error());
    return out;
}

QString Formation::describe(const States &states)
{
    QStringList parts;
    for (const NodeState &n : states)
        parts << QStringLiteral("%1:%2 %3/%4").arg(n.name).arg(n.port).arg(n.current, n.assigned);
    return parts.isEmpty() ? QStringLiteral("(no nodes)") : parts.join(QStringLiteral(", "));
}

bool Formation::waitFor(const std::function<bool(const States &)> &ready, std::chrono::milliseconds timeout, QString *last) const
{
    QElapsedTimer timer;
    timer.start();
    while (true) {
        const auto s = states();
        if (last)
            *last = s ? describe(*s) : s.error().message;
        if (s && ready(*s))
            return true;
        if (timer.elapsed() > timeout.count())
            return false;
        QThread::msleep(200);
    }
}

std::optional<QString> Formation::waitForPrimary(std::chrono::milliseconds timeout, bool aloneIsEnough, QString *last,
                                                 const QString &notThis) const
{
    QString primary;
    const bool ok = waitFor(
        [&](const States &s) {
            for (const NodeState &n : s) {
                if (n.name == notThis)
                    continue;
                const bool isPrimary = n.is(QStringLiteral("primary")) || (aloneIsEnough && n.is(QStringLiteral("wait_primary")));
                if (!isPrimary)
                    continue;
                bool others = true;
                for (const NodeState &o : s) {
                    if (o.name != n.name && !aloneIsEnough && !o.is(QStringLiteral("secondary")))
                        others = false;
                }
                if (others) {
                    primary = n.name;
                    return true;
                }
            }
            return false;
        },
        timeout, last);
    if (!ok)
        return std::nullopt;
    return primary;
}

ConnectionSettings Formation::connection(const QString &dbname, const QString &user, const QString &password) const
{
    ConnectionSettings s;
    s.set(QStringLiteral("host"), QStringLiteral("127.0.0.1,127.0.0.1"));
    s.set(QStringLiteral("port"), QStringLiteral("%1,%2").arg(port(QStringLiteral("node1"))).arg(port(QStringLiteral("node2"))));
    s.set(QStringLiteral("target_session_attrs"), QStringLiteral("read-write"));
    s.set(QStringLiteral("dbname"), dbname);
    s.set(QStringLiteral("user"), user.isEmpty() ? QStringLiteral("postgres") : user);
    if (!password.isEmpty())
        s.set(QStringLiteral("password"), password);
    s.set(QStringLiteral("sslmode"), QStringLiteral("disable"));
    return s;
}

ConnectionSettings Formation::nodeConnection(const QString &node, const QString &dbname, const QString &user,
                                             const QString &password) const
{
    ConnectionSettings s;
    s.set(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    s.set(QStringLiteral("port"), QString::number(port(node)));
    s.set(QStringLiteral("dbname"), dbname);
    s.set(QStringLiteral("user"), user.isEmpty() ? QStringLiteral("postgres") : user);
    if (!password.isEmpty())
        s.set(QStringLiteral("password"), password);
    s.set(QStringLiteral("sslmode"), QStringLiteral("disable"));
    return s;
}

Result<QString> Formation::performFailover()
{
    return autoctl({QStringLiteral("perform"), QStringLiteral("failover"), QStringLiteral("--pgdata"),
                    dataDir(QStringLiteral("monitor")), QStringLiteral("--wait"), QStringLiteral("120")},
                   150000);
}

QList<qint64> Formation::keeperPids(const QString &name) const
{
    // Line 1: the keeper's main process; from line 6: "pid service" for each of its services.
    QList<qint64> pids;
    QFile f(pidFile(name));
    if (!f.open(QIODevice::ReadOnly))
        return pids;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i != 0 && i < 5)
            continue;
        bool ok = false;
        const qint64 pid = lines.at(i).trimmed().split(' ').value(0).toLongLong(&ok);
        if (ok && pid > 1)
            pids << pid;
    }
    return pids;
}

std::optional<int> Formation::semaphore(const QString &name) const
{
    // Line 5 of the keeper's pid file: the System V semaphore it logs under.
    QFile f(pidFile(name));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    bool ok = false;
    const int id = f.readAll().split('\n').value(4).trimmed().toInt(&ok);
    return ok && id >= 0 ? std::optional<int>(id) : std::nullopt;
}

void Formation::releaseSemaphores(const QString &name)
{
    // A keeper that was killed cannot remove its semaphore; a stopped one has.
    if (auto id = semaphore(name)) {
        if (::semctl(*id, 0, IPC_RMID) == 0)
            m_semaphores.removeAll(*id);
    }
}

Result<qint64> Formation::crash(const QString &node)
{
    const QList<qint64> keeper = keeperPids(node);
    if (keeper.isEmpty())
        return fail(failure(QStringLiteral("no keeper pid file for %1 (%2)").arg(node, pidFile(node))));
    QFile pidfile(dataDir(node) + QStringLiteral("/postmaster.pid"));
    if (!pidfile.open(QIODevice::ReadOnly))
        return fail(failure(QStringLiteral("%1 has no postmaster.pid").arg(node)));
    bool ok = false;
    const qint64 postmaster = pidfile.readLine().trimmed().toLongLong(&ok);
    if (!ok || postmaster <= 1)
        return fail(failure(QStringLiteral("%1's postmaster.pid names no process").arg(node)));
    if (auto id = semaphore(node))
        m_semaphores << *id;
    // The keeper first: it would start Postgres again at once.
    for (qint64 pid : keeper)
        ::kill(pid_t(pid), SIGKILL);
    ::kill(pid_t(postmaster), SIGKILL);
    auto &k = m_keepers[node];
    if (k.process)
        k.process->waitForFinished(10000);
    releaseSemaphores(node);
    // The postmaster is gone when its pid is (its children end by themselves without it).
    QElapsedTimer timer;
    timer.start();
    while (::kill(pid_t(postmaster), 0) == 0 && timer.elapsed() < 10000)
        QThread::msleep(20);
    return postmaster;
}

Result<void> Formation::restart(const QString &node)
{
    return startKeeper(node, {QStringLiteral("run"), QStringLiteral("--pgdata"), dataDir(node)});
}

void Formation::stop()
{
    if (!m_started)
        return;
    m_started = false;
    // The nodes first, then the monitor: each keeper stops its own Postgres.
    for (const QString &name : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("monitor")}) {
        auto it = m_keepers.find(name);
        if (it == m_keepers.end() || !it->second.process)
            continue;
        QProcess &p = *it->second.process;
        if (p.state() != QProcess::NotRunning) {
            autoctl({QStringLiteral("stop"), QStringLiteral("--pgdata"), dataDir(name)}, 30000);
            if (!p.waitForFinished(30000)) {
                for (qint64 pid : keeperPids(name))
                    ::kill(pid_t(pid), SIGKILL);
                p.waitForFinished(5000);
                releaseSemaphores(name);
            }
        }
    }
    // Whatever still runs (a server whose keeper was killed) is stopped without ceremony.
    for (const QString &name : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("monitor")}) {
        if (!QFile::exists(dataDir(name) + QStringLiteral("/postmaster.pid")))
            continue;
        QProcess p;
        prepare(p, m_binDir + QStringLiteral("/pg_ctl"),
                {QStringLiteral("-D"), dataDir(name), QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
                 QStringLiteral("stop")});
        p.start();
        p.waitForFinished(30000);
    }
    for (int id : std::as_const(m_semaphores))
        ::semctl(id, 0, IPC_RMID);
    m_keepers.clear();
    // TELLER_FAILOVER_LOGS=DIR keeps the keepers' logs there, for a run to look into.
    if (const QString keep = qEnvironmentVariable("TELLER_FAILOVER_LOGS"); !keep.isEmpty() && QDir().mkpath(keep)) {
        for (const QString &name : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("monitor")}) {
            QFile::remove(keep + u'/' + name + QStringLiteral(".log"));
            QFile::copy(m_base + u'/' + name + QStringLiteral(".log"), keep + u'/' + name + QStringLiteral(".log"));
        }
    }
    QDir(m_base).removeRecursively();
}

void Formation::startCrashGuard() const
{
    // If this process dies without stop() (a crashed or killed test), a detached shell
    // notices, kills the keepers it finds in the pid files (pids, never names), removes their
    // semaphores, stops every server immediately and removes the directory.
    const QString script = QStringLiteral(
        "pid=$1; base=$2; pgctl=$3; shift 3; "
        "while kill -0 \"$pid\" 2>/dev/null && [ -d \"$base\" ]; do sleep 1; done; "
        "[ -d \"$base\" ] || exit 0; "
        "for d in \"$@\"; do f=\"$base/run/pg_autoctl$d/pg_autoctl.pid\"; "
        "  if [ -f \"$f\" ]; then "
        "    for k in $(awk 'NR==1 || NR>5 {print $1}' \"$f\"); do kill -9 \"$k\" 2>/dev/null; done; "
        "    s=$(sed -n 5p \"$f\"); [ -n \"$s\" ] && ipcrm -s \"$s\" 2>/dev/null; "
        "  fi; "
        "done; "
        "for d in \"$@\"; do if [ -f \"$d/postmaster.pid\" ]; then "
        "  if [ \"$(id -u)\" = 0 ]; then runuser -u postgres -- \"$pgctl\" -D \"$d\" -m immediate -w stop; "
        "  else \"$pgctl\" -D \"$d\" -m immediate -w stop; fi; fi; done; "
        "rm -rf \"$base\"");
    QProcess::startDetached(QStringLiteral("/bin/sh"),
                            {QStringLiteral("-c"), script, QStringLiteral("teller-paf-guard"),
                             QString::number(QCoreApplication::applicationPid()), m_base, m_binDir + QStringLiteral("/pg_ctl"),
                             dataDir(QStringLiteral("node1")), dataDir(QStringLiteral("node2")), dataDir(QStringLiteral("monitor"))});
}
