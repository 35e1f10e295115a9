// The penetration test's findings about the servers Teller starts, each attack run again:
// the demo server was reachable by every local OS user (TCP on 127.0.0.1), staff gave
// themselves passwords against the rules from psql, staff connected to the maintenance
// databases, and any login could make migrate fail by holding the migrators' advisory lock.
#include "PgTestServer.h"

#include "Administration.h"
#include "DbSession.h"
#include "Demo.h"
#include "LocalServer.h"
#include "Migrator.h"
#include "Schema.h"
#include "Workers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <csignal>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace teller;

namespace {

// The lock every migrator used to take (Migrator.cpp before it took a table lock).
constexpr char OldMigrationLock[] = "7540011";

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(QLatin1String("PG")))
            env.remove(name);
    }
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

qint64 postmasterPid(const QString &dataDir)
{
    QFile f(dataDir + QStringLiteral("/postmaster.pid"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readLine().trimmed().toLongLong();
}

bool processRuns(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype afterName = text.lastIndexOf(')');
    return afterName > 0 && text.mid(afterName + 2, 1) != "Z";
}

// The TCP ports (IPv4 and IPv6) a process listens on, whatever the address: the inodes of its
// sockets (/proc/PID/fd) among the kernel's listening sockets (/proc/net/tcp, tcp6).
QList<int> listeningTcpPorts(qint64 pid)
{
    QSet<QByteArray> sockets;
    const QString fdDir = QStringLiteral("/proc/%1/fd").arg(pid);
    for (const QString &fd : QDir(fdDir).entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot)) {
        char target[256];
        const ssize_t n = ::readlink(QFile::encodeName(fdDir + u'/' + fd).constData(), target, sizeof target - 1);
        if (n <= 0)
            continue;
        const QByteArray link(target, n); // "socket:[INODE]"
        if (link.startsWith("socket:["))
            sockets.insert(link.mid(8, link.size() - 9));
    }
    QList<int> ports;
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile f(QString::fromLatin1(table));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        f.readLine(); // the header
        while (!f.atEnd()) {
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …
            const QList<QByteArray> fields = f.readLine().simplified().split(' ');
            if (fields.size() < 10 || fields.at(3) != "0A") // 0A: LISTEN
                continue;
            if (sockets.contains(fields.at(9)))
                ports << fields.at(1).mid(fields.at(1).lastIndexOf(':') + 1).toInt(nullptr, 16);
        }
    }
    return ports;
}

// Whether the OS user `nobody` exists and this process may run something as them.
bool canRunAsNobody()
{
    return ::geteuid() == 0 && getpwnam("nobody") && !QStandardPaths::findExecutable(QStringLiteral("runuser")).isEmpty();
}

struct Run
{
    int exitCode = -1;
    QString out;
    QJsonObject json;
};

Run runProgram(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(QStringLiteral("/"));
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(5000);
        r.out = QStringLiteral("%1 did not finish").arg(program);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAll());
    for (const QString &line : r.out.split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8());
        if (doc.isObject())
            r.json = doc.object();
    }
    return r;
}

// tellerctl connected as `user` to `settings`' server and database.
Run tellerctl(const QStringList &args, const ConnectionSettings &settings, const QProcessEnvironment &extra = {})
{
    QProcessEnvironment env = cleanEnvironment();
    if (!settings.value(QStringLiteral("dbname")).isEmpty()) {
        env.insert(QStringLiteral("PGHOST"), settings.value(QStringLiteral("host")));
        env.insert(QStringLiteral("PGPORT"), settings.value(QStringLiteral("port")));
        env.insert(QStringLiteral("PGDATABASE"), settings.value(QStringLiteral("dbname")));
        env.insert(QStringLiteral("PGUSER"), settings.value(QStringLiteral("user")));
        env.insert(QStringLiteral("PGPASSWORD"), settings.value(QStringLiteral("password")));
        env.insert(QStringLiteral("PGSSLMODE"), QStringLiteral("disable"));
    }
    env.insert(extra);
    return runProgram(qEnvironmentVariable("TELLERCTL", QStringLiteral("tellerctl")), args, env);
}

// The warning codes of tellerctl check's answer.
QStringList warningCodes(const Run &r)
{
    QStringList codes;
    for (const QJsonValue &w : r.json.value(QStringLiteral("warnings")).toArray())
        codes << w.toObject().value(QStringLiteral("warning")).toString();
    return codes;
}

} // namespace

class TestServerHardening : public QObject
{
    Q_OBJECT

    QString m_db;
    int m_databases = 0;

    // An empty database of this test's own; its name is made of digits and underscores only
    // (an identifier cannot be bound).
    QString newDatabase()
    {
        const QString name = QStringLiteral("hardening_%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_databases);
        Sql postgres(QStringLiteral("postgres"));
        if (!postgres.exec(QStringLiteral("CREATE DATABASE ") + name))
            qFatal("cannot create %s", qPrintable(name));
        return name;
    }

    // Runs `statement` as `login` on `database` inside a transaction that is always rolled
    // back (so that an attack that works changes nothing for the other tests); returns its
    // SQLSTATE, "" if it succeeded.
    QString stateInRolledBackTransaction(const QString &database, const QString &login, const QString &statement)
    {
        DbSession session(PgTestServer::instance().staff(database, login), SessionOptions{});
        if (auto ok = session.open(DbSession::SchemaCheck::Skip); !ok)
            return QStringLiteral("connect failed: ") + ok.error().message;
        QSqlDatabase db = session.database();
        if (!db.transaction())
            return QStringLiteral("BEGIN failed: ") + db.lastError().text();
        QString state;
        {
            QSqlQuery q(db);
            if (!q.exec(statement))
                state = q.lastError().nativeErrorCode();
        }
        db.rollback();
        return state;
    }

private Q_SLOTS:
    void initTestCase() { m_db = PgTestServer::instance().createDatabase(); }

    // ---- 1. The demo server: only its private socket -----------------------------------------

    void theDemoServerListensOnlyOnItsPrivateSocket()
    {
        // Started as tellerctl demo start starts it, in a directory of its own.
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        // As root the server runs as postgres, which must reach the demo's directory inside.
        QVERIFY(QFile::setPermissions(tmp.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                      | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        const QString base = tmp.filePath(QStringLiteral("demo"));
        QProcessEnvironment demoEnv;
        demoEnv.insert(QStringLiteral("TELLER_DEMO_DIR"), base);
        demoEnv.insert(QStringLiteral("TELLER_JOURNAL"), tmp.filePath(QStringLiteral("journal.sqlite")));
        qint64 pid = 0;
        const auto stopDemo = qScopeGuard([&] {
            tellerctl({QStringLiteral("demo"), QStringLiteral("stop")}, {}, demoEnv);
            if (processRuns(pid)) {
                ::kill(pid_t(pid), SIGINT);
                for (int i = 0; i < 300 && processRuns(pid); ++i)
                    QThread::msleep(100);
            }
        });
        const Run start = tellerctl({QStringLiteral("demo"), QStringLiteral("start")}, {}, demoEnv);
        pid = postmasterPid(base + QStringLiteral("/data"));
        QVERIFY2(start.exitCode == 0, qPrintable(start.out));
        QVERIFY2(processRuns(pid), qPrintable(QStringLiteral("no running postmaster: pid %1").arg(pid)));
        const QString socketDir = start.json.value(QStringLiteral("host")).toString();
        const int port = start.json.value(QStringLiteral("port")).toInt();
        QCOMPARE(socketDir, base + QStringLiteral("/socket"));
        const QString database = QString::fromUtf16(demo::DatabaseName);
        const QString supervisor = QStringLiteral("clara");
        const QString password = QString::fromUtf16(demo::Password);

        // TCP: the postmaster listens on no port at all (the test's own server, which listens
        // on 127.0.0.1 by design, shows that the look works), and the supervisor's login over
        // 127.0.0.1 at the demo's port gets nowhere.
        const LocalServer &fixture = PgTestServer::instance().server();
        QVERIFY2(listeningTcpPorts(postmasterPid(fixture.dataDir())).contains(fixture.port()), "the look at /proc sees nothing");
        const QList<int> ports = listeningTcpPorts(pid);
        QVERIFY2(ports.isEmpty(), qPrintable(QStringLiteral("the demo server listens on TCP port %1").arg(ports.value(0))));
        {
            ConnectionSettings overTcp;
            overTcp.set(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
            overTcp.set(QStringLiteral("port"), QString::number(port));
            overTcp.set(QStringLiteral("dbname"), database);
            overTcp.set(QStringLiteral("user"), supervisor);
            overTcp.set(QStringLiteral("password"), password);
            overTcp.set(QStringLiteral("sslmode"), QStringLiteral("disable"));
            overTcp.set(QStringLiteral("connect_timeout"), QStringLiteral("5"));
            DbSession session(overTcp, SessionOptions{});
            QVERIFY2(!session.open(DbSession::SchemaCheck::Skip), "the demo supervisor signed in over TCP on 127.0.0.1");
        }

        // The socket's directory (and the one above it) is the server's user's alone.
        uid_t serverUid = ::geteuid();
        if (LocalServer::runningAsRoot()) {
            const passwd *pw = getpwnam("postgres");
            QVERIFY(pw);
            serverUid = pw->pw_uid;
        }
        for (const QString &dir : {base, socketDir}) {
            struct stat st;
            QCOMPARE(::stat(QFile::encodeName(dir).constData(), &st), 0);
            QCOMPARE(st.st_uid, serverUid);
            QVERIFY2((st.st_mode & (S_IRWXG | S_IRWXO)) == 0,
                     qPrintable(QStringLiteral("%1 has mode %2").arg(dir).arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'))));
        }

        // The real attempt: psql as another OS user (nobody), with the README's password, over
        // the socket. The same command as this user works.
        auto bin = LocalServer::findBinDir();
        QVERIFY(bin);
        const QStringList psqlArgs{*bin + QStringLiteral("/psql"), QStringLiteral("-X"),
                                   QStringLiteral("-w"),           QStringLiteral("-At"),
                                   QStringLiteral("-h"),           socketDir,
                                   QStringLiteral("-p"),           QString::number(port),
                                   QStringLiteral("-U"),           supervisor,
                                   QStringLiteral("-d"),           database,
                                   QStringLiteral("-c"),           QStringLiteral("SELECT 'signed in as ' || session_user")};
        QProcessEnvironment psqlEnv = cleanEnvironment();
        psqlEnv.insert(QStringLiteral("PGPASSWORD"), password);
        const Run own = runProgram(psqlArgs.first(), psqlArgs.mid(1), psqlEnv);
        QVERIFY2(own.exitCode == 0 && own.out.contains(QLatin1String("signed in as clara")), qPrintable(own.out));
        if (canRunAsNobody()) {
            const Run other = runProgram(QStringLiteral("runuser"),
                                         QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--")} + psqlArgs,
                                         psqlEnv);
            QVERIFY2(other.exitCode != 0 && !other.out.contains(QLatin1String("signed in")),
                     qPrintable(QStringLiteral("nobody reached the demo: exit %1: %2").arg(other.exitCode).arg(other.out)));
            QVERIFY2(other.out.contains(QLatin1String("Permission denied")), qPrintable(other.out));
        } else {
            qWarning("not root: the attempt as the OS user nobody is left out; the directory's mode was checked");
        }

        // The server's own view: no listen address, and pg_hba.conf has socket lines only,
        // each a password (SCRAM) or a rejection.
        QFile pwFile(base + QStringLiteral("/superuser.password"));
        QVERIFY(pwFile.open(QIODevice::ReadOnly));
        ConnectionSettings superuser;
        superuser.set(QStringLiteral("host"), socketDir);
        superuser.set(QStringLiteral("port"), QString::number(port));
        superuser.set(QStringLiteral("dbname"), database);
        superuser.set(QStringLiteral("user"), QStringLiteral("postgres"));
        superuser.set(QStringLiteral("password"), QString::fromUtf8(pwFile.readAll()).trimmed());
        superuser.set(QStringLiteral("sslmode"), QStringLiteral("disable"));
        DbSession session(superuser, SessionOptions{});
        auto opened = session.open(DbSession::SchemaCheck::Skip);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        QSqlQuery q(session.database());
        QVERIFY(q.exec(QStringLiteral("SHOW listen_addresses")) && q.next());
        QCOMPARE(q.value(0).toString(), QString());
        QVERIFY(q.exec(QStringLiteral("SELECT line_number, type, auth_method, coalesce(error, '') FROM pg_hba_file_rules")));
        int rules = 0;
        while (q.next()) {
            ++rules;
            const QString line = QStringLiteral("pg_hba.conf line %1").arg(q.value(0).toInt());
            QVERIFY2(q.value(3).toString().isEmpty(), qPrintable(line + u' ' + q.value(3).toString()));
            QVERIFY2(q.value(1).toString() == u"local", qPrintable(line + QStringLiteral(" is ") + q.value(1).toString()));
            QVERIFY2(q.value(2).toString() == u"scram-sha-256" || q.value(2).toString() == u"reject",
                     qPrintable(line + QStringLiteral(" accepts by ") + q.value(2).toString()));
        }
        QVERIFY(rules > 0);
    }

    void theDemoDoesNotTakeOverADirectoryAnotherUserMade()
    {
        // Root's demo lives in /var/tmp, where any user may make its directory first and keep
        // a way in; the demo refuses it rather than hand it to postgres and put its socket there.
        if (!canRunAsNobody())
            QSKIP("needs root, to make a directory that belongs to the OS user nobody");
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QVERIFY(QFile::setPermissions(tmp.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                      | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        const QString base = tmp.filePath(QStringLiteral("made-by-nobody"));
        QVERIFY(QDir().mkpath(base));
        const passwd *nobody = getpwnam("nobody");
        QVERIFY(nobody);
        QCOMPARE(::chown(QFile::encodeName(base).constData(), nobody->pw_uid, nobody->pw_gid), 0);
        QCOMPARE(::chmod(QFile::encodeName(base).constData(), 0777), 0);
        QProcessEnvironment demoEnv;
        demoEnv.insert(QStringLiteral("TELLER_DEMO_DIR"), base);
        const auto stopDemo = qScopeGuard([&] { tellerctl({QStringLiteral("demo"), QStringLiteral("stop")}, {}, demoEnv); });

        const Run start = tellerctl({QStringLiteral("demo"), QStringLiteral("start")}, {}, demoEnv);
        QVERIFY2(start.exitCode != 0, qPrintable(start.out));
        QVERIFY2(start.out.contains(QLatin1String("belongs to another user")), qPrintable(start.out));
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(base).constData(), &st), 0);
        QCOMPARE(st.st_uid, nobody->pw_uid);
        QVERIFY(!QFileInfo::exists(base + QStringLiteral("/data")));
        QVERIFY(!QFileInfo::exists(base + QStringLiteral("/socket")));
    }

    // ---- 2. passwordcheck ------------------------------------------------------------------

    void staffCannotSetAPasswordAgainstTheRules_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QString>("sqlstate");
        // The statements are the attack itself, as typed into psql (a utility statement takes
        // no bound values); each runs in a transaction that is rolled back.
        QTest::addRow("one character") << "ALTER ROLE t_teller1 PASSWORD 'x'"
                                       << "22023";
        QTest::addRow("seven characters") << "ALTER ROLE t_teller1 PASSWORD 'abc-123'"
                                          << "22023";
        QTest::addRow("letters only") << "ALTER ROLE t_teller1 PASSWORD 'abcdefghijkl'"
                                      << "22023";
        QTest::addRow("contains the login") << "ALTER ROLE t_teller1 PASSWORD 'my-t_teller1-pw'"
                                            << "22023";
        QTest::addRow("a supervisor, too short") << "ALTER ROLE t_super PASSWORD 'short1'"
                                                 << "22023";
        // What the rules allow still works: the refusals above are the rules, not a lack of rights.
        QTest::addRow("meets the rules") << "ALTER ROLE t_teller1 PASSWORD 'long-enough-42'"
                                         << "";
    }

    void staffCannotSetAPasswordAgainstTheRules()
    {
        QFETCH(QString, statement);
        QFETCH(QString, sqlstate);
        const QString login = statement.section(u' ', 2, 2);
        QCOMPARE(stateInRolledBackTransaction(m_db, login, statement), sqlstate);
        // Nothing changed: the login signs in with its password as before.
        DbSession session(PgTestServer::instance().staff(m_db, login), SessionOptions{});
        auto opened = session.open();
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    }

    void theTestServerLoadsPasswordcheck()
    {
        Sql postgres(QStringLiteral("postgres"));
        QVERIFY(Administration::namesPasswordcheck(postgres.value(QStringLiteral("SHOW shared_preload_libraries")).toString()));
    }

    void passwordcheckIsFoundInTheSetting_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<bool>("found");
        QTest::addRow("empty") << "" << false;
        QTest::addRow("alone") << "passwordcheck" << true;
        QTest::addRow("among others") << "pg_stat_statements, passwordcheck,auto_explain" << true;
        QTest::addRow("libdir and suffix") << "$libdir/passwordcheck.so" << true;
        QTest::addRow("quoted") << "\"passwordcheck\", pg_stat_statements" << true;
        QTest::addRow("another module") << "pg_stat_statements" << false;
        QTest::addRow("a longer name") << "passwordcheck_extra" << false;
    }

    void passwordcheckIsFoundInTheSetting()
    {
        QFETCH(QString, setting);
        QFETCH(bool, found);
        QCOMPARE(Administration::namesPasswordcheck(setting), found);
    }

    void tellerctlCheckWarnsWhenPasswordsAreNotChecked()
    {
        // A login that may read the setting, on a server that loads passwordcheck: no warning.
        const Run asSuperuser = tellerctl({QStringLiteral("check")}, PgTestServer::instance().superuser(m_db));
        QVERIFY2(asSuperuser.exitCode == 0, qPrintable(asSuperuser.out));
        QCOMPARE(asSuperuser.json.value(QStringLiteral("warnings")).toArray().size(), 0);

        // A database without the sessions' bounds (its owner never ran secure_database): said.
        {
            Sql sql(m_db);
            SQL_VERIFY(sql, QStringLiteral("ALTER DATABASE %1 RESET lock_timeout").arg(m_db));
            const Run unbounded = tellerctl({QStringLiteral("check")}, PgTestServer::instance().superuser(m_db));
            SQL_VERIFY(sql, QStringLiteral("ALTER DATABASE %1 SET lock_timeout = '2s'").arg(m_db));
            QVERIFY2(unbounded.exitCode == 0, qPrintable(unbounded.out));
            QCOMPARE(warningCodes(unbounded), QStringList{QStringLiteral("sessions_unbounded")});
        }

        // A login that may not read it: the check says it cannot tell, and why.
        const Run asAdmin = tellerctl({QStringLiteral("check")}, PgTestServer::instance().staff(m_db, QStringLiteral("t_admin")));
        QVERIFY2(asAdmin.exitCode == 0, qPrintable(asAdmin.out));
        QCOMPARE(warningCodes(asAdmin), QStringList{QStringLiteral("password_rules_unknown")});
        QVERIFY2(asAdmin.out.contains(QLatin1String("pg_read_all_settings")), qPrintable(asAdmin.out));

        // A server without passwordcheck (a later line of its configuration wins): a warning,
        // and the check itself still passes.
        LocalServer::Options o;
        o.baseDir = QDir::tempPath() + QStringLiteral("/teller-nopwc-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        o.ephemeral = true;
        o.durable = false;
        o.maxConnections = 20;
        o.extraSettings << QStringLiteral("shared_preload_libraries = ''");
        LocalServer bare(o);
        auto started = bare.start();
        QVERIFY2(started, started ? "" : qPrintable(started.error().message));
        {
            DbSession postgres(bare.connection(QStringLiteral("postgres")), SessionOptions{});
            QVERIFY(postgres.open(DbSession::SchemaCheck::Skip));
            QVERIFY(postgres.exec(QStringLiteral("CREATE DATABASE teller")));
            DbSession owner(bare.connection(QStringLiteral("teller")), SessionOptions{});
            QVERIFY(owner.open(DbSession::SchemaCheck::Skip));
            Migrator migrator(owner);
            auto migrated = migrator.migrate();
            QVERIFY2(migrated, migrated ? "" : qPrintable(migrated.error().message));
        }
        const Run bareCheck = tellerctl({QStringLiteral("check")}, bare.connection(QStringLiteral("teller")));
        QVERIFY2(bareCheck.exitCode == 0, qPrintable(bareCheck.out));
        QCOMPARE(warningCodes(bareCheck), QStringList{QStringLiteral("password_rules_not_enforced")});
        QCOMPARE(bareCheck.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    }

    // ---- 3. Staff reach Teller's databases only --------------------------------------------

    void staffCannotConnectToTheMaintenanceDatabases_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("database");
        QTest::addColumn<bool>("tcp");
        for (const char *login : {"t_teller1", "t_super", "t_admin"}) {
            for (const char *database : {"postgres", "template1"}) {
                QTest::addRow("%s to %s over the socket", login, database)
                    << QString::fromLatin1(login) << QString::fromLatin1(database) << false;
                QTest::addRow("%s to %s over TCP", login, database)
                    << QString::fromLatin1(login) << QString::fromLatin1(database) << true;
            }
        }
    }

    void staffCannotConnectToTheMaintenanceDatabases()
    {
        QFETCH(QString, login);
        QFETCH(QString, database);
        QFETCH(bool, tcp);
        {
            DbSession session(PgTestServer::instance().staff(database, login, tcp), SessionOptions{});
            auto opened = session.open(DbSession::SchemaCheck::Skip);
            QVERIFY2(!opened, qPrintable(QStringLiteral("%1 connected to %2").arg(login, database)));
            QCOMPARE(opened.error().kind, Error::Kind::Permission);
            QVERIFY2(opened.error().message.contains(QLatin1String("pg_hba.conf")), qPrintable(opened.error().message));
        }
        // The same login, the same way, reaches its Teller database.
        DbSession own(PgTestServer::instance().staff(m_db, login, tcp), SessionOptions{});
        auto opened = own.open();
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    }

    // ---- 4. The migrators' lock is not one staff can take ----------------------------------

    void migrateIsNotHeldUpByAStaffLock_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<bool>("inTransaction");
        QTest::addColumn<bool>("emptyDatabase");
        const QString session = QStringLiteral("SELECT pg_advisory_lock(%1)").arg(QLatin1String(OldMigrationLock));
        const QString xact = QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(QLatin1String(OldMigrationLock));
        QTest::addRow("session advisory lock, one version behind") << session << false << false;
        QTest::addRow("session advisory lock, brand-new database") << session << false << true;
        QTest::addRow("transaction advisory lock, one version behind") << xact << true << false;
        QTest::addRow("transaction advisory lock, brand-new database") << xact << true << true;
        // ACCESS SHARE, the one lock staff can take on the table, does not hold it up either.
        QTest::addRow("reading schema_migrations in an open transaction")
            << QStringLiteral("SELECT count(*) FROM teller.schema_migrations") << true << false;
    }

    void migrateIsNotHeldUpByAStaffLock()
    {
        QFETCH(QString, statement);
        QFETCH(bool, inTransaction);
        QFETCH(bool, emptyDatabase);
        const QString database = newDatabase();
        const int latest = schema::latestVersion();
        if (!emptyDatabase) {
            DbSession owner(PgTestServer::instance().superuser(database), SessionOptions{});
            QVERIFY(owner.open(DbSession::SchemaCheck::Skip));
            Migrator migrator(owner);
            auto before = migrator.migrate(latest - 1);
            QVERIFY2(before, before ? "" : qPrintable(before.error().message));
        }

        // A teller in psql takes the lock and keeps it.
        DbSession teller(PgTestServer::instance().staff(database, QStringLiteral("t_teller1")), SessionOptions{});
        auto opened = teller.open(DbSession::SchemaCheck::Skip);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        QSqlDatabase tellerDb = teller.database();
        if (inTransaction)
            QVERIFY(tellerDb.transaction());
        {
            QSqlQuery q(tellerDb);
            QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
        }

        // The owner migrates meanwhile.
        DbSession owner(PgTestServer::instance().superuser(database), SessionOptions{});
        QVERIFY(owner.open(DbSession::SchemaCheck::Skip));
        Migrator migrator(owner);
        auto report = migrator.migrate();
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->toVersion, latest);
        QCOMPARE(report->applied.size(), emptyDatabase ? latest : 1);
        QVERIFY(!report->functionsApplied.isEmpty());

        if (inTransaction)
            tellerDb.rollback();
    }

    void staffCannotTakeTheMigrationLock_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QString>("sqlstate");
        for (const char *login : {"t_teller1", "t_admin"}) {
            // Every mode that conflicts with the migrators' EXCLUSIVE, and the row locks (ROW SHARE).
            for (const char *mode : {"ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE", "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE",
                                     "ACCESS EXCLUSIVE"}) {
                QTest::addRow("%s: LOCK … IN %s MODE", login, mode)
                    << QString::fromLatin1(login)
                    << QStringLiteral("LOCK TABLE teller.schema_migrations IN %1 MODE").arg(QString::fromLatin1(mode)) << "42501";
            }
            for (const char *strength : {"KEY SHARE", "SHARE", "NO KEY UPDATE", "UPDATE"}) {
                QTest::addRow("%s: SELECT … FOR %s", login, strength)
                    << QString::fromLatin1(login)
                    << QStringLiteral("SELECT version FROM teller.schema_migrations FOR %1").arg(QString::fromLatin1(strength))
                    << "42501";
            }
            // The one mode staff may take, which conflicts with nothing but ACCESS EXCLUSIVE.
            QTest::addRow("%s: LOCK … IN ACCESS SHARE MODE", login)
                << QString::fromLatin1(login) << QStringLiteral("LOCK TABLE teller.schema_migrations IN ACCESS SHARE MODE") << "";
        }
    }

    void staffCannotTakeTheMigrationLock()
    {
        QFETCH(QString, login);
        QFETCH(QString, statement);
        QFETCH(QString, sqlstate);
        QCOMPARE(stateInRolledBackTransaction(m_db, login, statement), sqlstate);
    }

    void migratorsRacingOnABrandNewDatabaseQueueUp()
    {
        // Nobody holds a lock on a table that does not exist yet: the migrators that start
        // together on an empty database all succeed, one after the other, and each migration
        // and the function files are applied once.
        for (int round = 0; round < 2; ++round) {
            const QString database = newDatabase();
            const auto results = runOnThreads<QString>(3, [&](int, const std::function<void()> &startLine) -> QString {
                DbSession owner(PgTestServer::instance().superuser(database), SessionOptions{});
                auto opened = owner.open(DbSession::SchemaCheck::Skip);
                startLine();
                if (!opened)
                    return opened.error().message;
                Migrator migrator(owner);
                auto report = migrator.migrate();
                if (!report)
                    return report.error().message;
                return report->toVersion == schema::latestVersion() ? QString() : QStringLiteral("stopped at %1").arg(report->toVersion);
            });
            for (const QString &r : results)
                QVERIFY2(r.isEmpty(), qPrintable(r));
            Sql sql(database);
            QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.schema_migrations")), qint64(schema::latestVersion()));
            QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.schema_functions")), qint64(1));
        }
    }
};

QTEST_GUILESS_MAIN(TestServerHardening)
#include "tst_server_hardening.moc"
