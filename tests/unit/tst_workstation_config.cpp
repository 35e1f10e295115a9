// The workstation configuration (an INI file IT writes): every key with good, bad and boundary
// values, what is ignored, files that are missing, unreadable or not INI, the error message
// (file, section, key, value, what was expected), and that explicit settings win over it.
#include "WorkstationConfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace teller;

namespace {
const QString Unset = QStringLiteral("<unset>");

// A file of its own for every row: QSettings caches what it read by file name.
QString writeFile(const QTemporaryDir &dir, const QByteArray &content, const QString &name = QStringLiteral("teller.conf"))
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// One value of the configuration by its INI name ("server/port"), as text; durations in
// milliseconds (budget_s too) or seconds (connect_s), as the struct keeps them.
QString field(const WorkstationConfig &c, const QString &key)
{
    const auto text = [](const std::optional<QString> &v) { return v ? *v : Unset; };
    const auto number = [](const auto &v) { return v ? QString::number(qint64(*v)) : Unset; };
    const auto count = [](const auto &v) { return v ? QString::number(qint64(v->count())) : Unset; };
    if (key == u"server/host")
        return text(c.host);
    if (key == u"server/port")
        return text(c.port);
    if (key == u"server/database")
        return text(c.database);
    if (key == u"server/sslmode")
        return text(c.sslmode);
    if (key == u"server/sslrootcert")
        return text(c.sslrootcert);
    if (key == u"server/service")
        return text(c.service);
    if (key == u"server/target_session_attrs")
        return text(c.targetSessionAttrs);
    if (key == u"workstation/id")
        return text(c.workstation);
    if (key == u"server/listen_host")
        return text(c.listenHost);
    if (key == u"server/listen_port")
        return text(c.listenPort);
    if (key == u"workstation/connections")
        return number(c.connections);
    if (key == u"timeouts/lock_ms")
        return count(c.lockTimeout);
    if (key == u"timeouts/statement_ms")
        return count(c.statementTimeout);
    if (key == u"timeouts/idle_in_transaction_ms")
        return count(c.idleInTransactionTimeout);
    if (key == u"timeouts/connect_s")
        return count(c.connectTimeout);
    if (key == u"retry/max_retries")
        return number(c.maxRetries);
    if (key == u"retry/budget_s")
        return count(c.retryBudget);
    qFatal("no such key %s", qPrintable(key));
}

const QStringList AllKeys{
    QStringLiteral("server/host"),
    QStringLiteral("server/port"),
    QStringLiteral("server/database"),
    QStringLiteral("server/sslmode"),
    QStringLiteral("server/sslrootcert"),
    QStringLiteral("server/service"),
    QStringLiteral("server/target_session_attrs"),
    QStringLiteral("workstation/id"),
    QStringLiteral("server/listen_host"),
    QStringLiteral("server/listen_port"),
    QStringLiteral("workstation/connections"),
    QStringLiteral("timeouts/lock_ms"),
    QStringLiteral("timeouts/statement_ms"),
    QStringLiteral("timeouts/idle_in_transaction_ms"),
    QStringLiteral("timeouts/connect_s"),
    QStringLiteral("retry/max_retries"),
    QStringLiteral("retry/budget_s"),
};

// "server/port" + "5432" -> "[server]\nport = 5432\n"
QByteArray ini(const QString &key, const QByteArray &value)
{
    return "[" + key.section(u'/', 0, 0).toUtf8() + "]\n" + key.section(u'/', 1).toUtf8() + " = " + value + "\n";
}

struct NumberKey
{
    const char *key;
    qint64 min, max;
    qint64 unit; // what one unit of the file is in the struct (budget_s is kept in ms)
    const char *expected = "a whole number from %1 to %2";
};
const NumberKey NumberKeys[] = {
    {"server/port", 1, 65535, 1, "a whole number from %1 to %2, or a list of them separated by \",\", one for each host"},
    {"server/listen_port", 1, 65535, 1, "a whole number from %1 to %2, or a list of them separated by \",\", one for each host"},
    {"workstation/connections", 1, 3, 1},
    {"timeouts/lock_ms", 1, 600000, 1},
    {"timeouts/statement_ms", 1, 3600000, 1},
    {"timeouts/idle_in_transaction_ms", 1000, 3600000, 1},
    {"timeouts/connect_s", 2, 600, 1},
    {"retry/max_retries", 0, 1000, 1},
    {"retry/budget_s", 1, 3600, 1000},
};
} // namespace

class TestWorkstationConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("value"); // as written in the file
        QTest::addColumn<QString>("expected");

        const QString host = QStringLiteral("server/host");
        QTest::addRow("host name") << host << QByteArray("db.branch.example") << QStringLiteral("db.branch.example");
        QTest::addRow("host address") << host << QByteArray("10.1.2.3") << QStringLiteral("10.1.2.3");
        QTest::addRow("host IPv6") << host << QByteArray("\"[::1]\"") << QStringLiteral("[::1]");
        QTest::addRow("host socket directory") << host << QByteArray("/var/run/postgresql") << QStringLiteral("/var/run/postgresql");
        // libpq takes several hosts, tried in turn; QSettings reads an unquoted a,b as a list.
        QTest::addRow("host list") << host << QByteArray("db1.branch,db2.branch") << QStringLiteral("db1.branch,db2.branch");
        QTest::addRow("host list quoted") << host << QByteArray("\"db1.branch,db2.branch\"") << QStringLiteral("db1.branch,db2.branch");
        QTest::addRow("host trimmed") << host << QByteArray("   db.branch   ") << QStringLiteral("db.branch");
        QTest::addRow("host with a comment") << host << QByteArray("db.branch ; the branch server") << QStringLiteral("db.branch");
        QTest::addRow("host 255 characters") << host << QByteArray(255, 'h') << QString(255, u'h');

        const QString db = QStringLiteral("server/database");
        QTest::addRow("database") << db << QByteArray("teller") << QStringLiteral("teller");
        QTest::addRow("database punctuation") << db << QByteArray("teller-prod_1.x") << QStringLiteral("teller-prod_1.x");
        QTest::addRow("database non-ASCII") << db << QByteArray("kasse_münchen") << QStringLiteral("kasse_münchen");
        QTest::addRow("database 63 characters") << db << QByteArray(63, 'd') << QString(63, u'd');

        for (const char *mode : {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
            QTest::addRow("sslmode %s", mode) << QStringLiteral("server/sslmode") << QByteArray(mode) << QString::fromLatin1(mode);

        QTest::addRow("service") << QStringLiteral("server/service") << QByteArray("branch_db-1.a") << QStringLiteral("branch_db-1.a");
        QTest::addRow("workstation id") << QStringLiteral("workstation/id") << QByteArray("KASSE-07") << QStringLiteral("KASSE-07");
        QTest::addRow("listen host") << QStringLiteral("server/listen_host") << QByteArray("db1.branch,db2.branch")
                                     << QStringLiteral("db1.branch,db2.branch");
        QTest::addRow("workstation id 63") << QStringLiteral("workstation/id") << QByteArray(63, 'w') << QString(63, u'w');

        for (const NumberKey &k : NumberKeys) {
            const QString key = QString::fromLatin1(k.key);
            QTest::addRow("%s min", k.key) << key << QByteArray::number(k.min) << QString::number(k.min * k.unit);
            QTest::addRow("%s max", k.key) << key << QByteArray::number(k.max) << QString::number(k.max * k.unit);
        }
        QTest::addRow("port leading zero") << QStringLiteral("server/port") << QByteArray("05432") << QStringLiteral("5432");
        QTest::addRow("port with a comment") << QStringLiteral("server/port") << QByteArray("5433 ; test") << QStringLiteral("5433");
        QTest::addRow("port quoted") << QStringLiteral("server/port") << QByteArray("\"5433\"") << QStringLiteral("5433");
        QTest::addRow("port spaces") << QStringLiteral("server/port") << QByteArray("  5433  ") << QStringLiteral("5433");
        // Several ports, one for each host of a list (the hosts may come from --db or PGHOST:
        // checked when connecting); written back as libpq takes them.
        QTest::addRow("port list") << QStringLiteral("server/port") << QByteArray("5432,5433") << QStringLiteral("5432,5433");
        QTest::addRow("port list quoted") << QStringLiteral("server/port") << QByteArray("\"5432,5433\"") << QStringLiteral("5432,5433");
        QTest::addRow("port list spaces") << QStringLiteral("server/port") << QByteArray("5432, 5433 ,5434")
                                          << QStringLiteral("5432,5433,5434");
        QTest::addRow("port list leading zero") << QStringLiteral("server/port") << QByteArray("05432,1") << QStringLiteral("5432,1");
        QTest::addRow("port list bounds") << QStringLiteral("server/port") << QByteArray("1,65535") << QStringLiteral("1,65535");

        const QString target = QStringLiteral("server/target_session_attrs");
        for (const char *t : {"any", "read-write", "primary"})
            QTest::addRow("target_session_attrs %s", t) << target << QByteArray(t) << QString::fromLatin1(t);
        QTest::addRow("target_session_attrs trimmed") << target << QByteArray("  read-write ") << QStringLiteral("read-write");
        QTest::addRow("host list of three") << host << QByteArray("10.0.0.1,10.0.0.2,db3.branch")
                                            << QStringLiteral("10.0.0.1,10.0.0.2,db3.branch");
        QTest::addRow("host list with sockets") << host << QByteArray("/run/postgresql,db2") << QStringLiteral("/run/postgresql,db2");
    }

    void validValues()
    {
        QFETCH(QString, key);
        QFETCH(QByteArray, value);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = writeFile(dir, ini(key, value));
        const auto c = WorkstationConfig::load(path);
        QVERIFY2(c, c ? "" : qPrintable(c.error().message));
        QCOMPARE(c->path, path);
        QCOMPARE(field(*c, key), expected);
        for (const QString &other : AllKeys) {
            if (other != key)
                QCOMPARE(field(*c, other), Unset);
        }
    }

    void invalidValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("value"); // as written in the file
        QTest::addColumn<QString>("shown");    // as the message quotes it
        QTest::addColumn<QString>("expectation");

        const QString host = QStringLiteral("server/host");
        const QString hostExpected = QStringLiteral("a host name, address or socket directory, or a list of them separated by \",\"");
        QTest::addRow("host empty") << host << QByteArray("") << QString() << hostExpected;
        QTest::addRow("host only spaces") << host << QByteArray("   ") << QString() << hostExpected;
        QTest::addRow("host space") << host << QByteArray("db branch") << QStringLiteral("db branch") << hostExpected;
        QTest::addRow("host semicolon") << host << QByteArray("\"db;x\"") << QStringLiteral("db;x") << hostExpected;
        QTest::addRow("host quote") << host << QByteArray("db'x") << QStringLiteral("db'x") << hostExpected;
        QTest::addRow("host conninfo") << host << QByteArray("\"db port=1\"") << QStringLiteral("db port=1") << hostExpected;
        QTest::addRow("host non-ASCII") << host << QByteArray("bank-ö.example") << QStringLiteral("bank-ö.example") << hostExpected;
        QTest::addRow("host not UTF-8") << host << QByteArray("db\xff") << QStringLiteral("db\uFFFD") << hostExpected;
        QTest::addRow("host 256 characters") << host << QByteArray(256, 'h') << QString(80, u'h') << hostExpected; // shown cut to 80
        QTest::addRow("host no value") << host << QByteArray("@Invalid()") << QString() << hostExpected;
        // Every host of a list is named.
        QTest::addRow("host list empty entry") << host << QByteArray("db1,,db2") << QStringLiteral("db1,,db2") << hostExpected;
        QTest::addRow("host list trailing comma") << host << QByteArray("\"db1,\"") << QStringLiteral("db1,") << hostExpected;
        QTest::addRow("host list leading comma") << host << QByteArray("\",db1\"") << QStringLiteral(",db1") << hostExpected;
        QTest::addRow("host list space") << host << QByteArray("\"db1, db2\"") << QStringLiteral("db1, db2") << hostExpected;
        QTest::addRow("host list 256 characters") << host << QByteArray(127, 'a') + "," + QByteArray(128, 'b')
                                                  << QString(QString(127, u'a') + u',' + QString(128, u'b')).left(80) << hostExpected;

        const QString target = QStringLiteral("server/target_session_attrs");
        const QString targetExpected = QStringLiteral("any, read-write or primary");
        // A workstation writes: a session that must refuse every money action is not offered.
        for (const char *t : {"read-only", "standby", "prefer-standby"})
            QTest::addRow("target_session_attrs %s", t) << target << QByteArray(t) << QString::fromLatin1(t) << targetExpected;
        QTest::addRow("target_session_attrs master") << target << QByteArray("master") << QStringLiteral("master") << targetExpected;
        QTest::addRow("target_session_attrs upper case")
            << target << QByteArray("READ-WRITE") << QStringLiteral("READ-WRITE") << targetExpected;
        QTest::addRow("target_session_attrs list")
            << target << QByteArray("read-write,any") << QStringLiteral("read-write,any") << targetExpected;
        QTest::addRow("target_session_attrs empty") << target << QByteArray("") << QString() << targetExpected;
        QTest::addRow("target_session_attrs semicolon")
            << target << QByteArray("\"any;x\"") << QStringLiteral("any;x") << targetExpected;

        const QString db = QStringLiteral("server/database");
        const QString dbExpected = QStringLiteral("a database name");
        QTest::addRow("database space") << db << QByteArray("my db") << QStringLiteral("my db") << dbExpected;
        QTest::addRow("database quote") << db << QByteArray("it's") << QStringLiteral("it's") << dbExpected;
        QTest::addRow("database double quote") << db << QByteArray("\"a\\\"b\"") << QStringLiteral("a\"b") << dbExpected;
        QTest::addRow("database backslash") << db << QByteArray("a\\\\b") << QStringLiteral("a\\b") << dbExpected;
        QTest::addRow("database semicolon") << db << QByteArray("\"a;b\"") << QStringLiteral("a;b") << dbExpected;
        QTest::addRow("database 64 characters") << db << QByteArray(64, 'd') << QString(64, u'd') << dbExpected;

        const QString ssl = QStringLiteral("server/sslmode");
        const QString sslExpected = QStringLiteral("disable, allow, prefer, require, verify-ca or verify-full");
        QTest::addRow("sslmode upper case") << ssl << QByteArray("VERIFY-FULL") << QStringLiteral("VERIFY-FULL") << sslExpected;
        QTest::addRow("sslmode on") << ssl << QByteArray("on") << QStringLiteral("on") << sslExpected;
        QTest::addRow("sslmode two") << ssl << QByteArray("require,verify-ca") << QStringLiteral("require,verify-ca") << sslExpected;
        QTest::addRow("sslmode empty") << ssl << QByteArray("") << QString() << sslExpected;

        QTest::addRow("sslrootcert 1025 characters")
            << QStringLiteral("server/sslrootcert") << QByteArray(1025, 'c') << QString(80, u'c') << QStringLiteral("a file name");
        QTest::addRow("sslrootcert semicolon") << QStringLiteral("server/sslrootcert") << QByteArray("\"/etc/a;b.crt\"")
                                               << QStringLiteral("/etc/a;b.crt") << QStringLiteral("a file name");

        const QString serviceExpected = QStringLiteral("a pg_service.conf service name");
        QTest::addRow("service space") << QStringLiteral("server/service") << QByteArray("a b") << QStringLiteral("a b")
                                       << serviceExpected;
        QTest::addRow("service slash") << QStringLiteral("server/service") << QByteArray("a/b") << QStringLiteral("a/b")
                                       << serviceExpected;

        const QString id = QStringLiteral("workstation/id");
        const QString idExpected = QStringLiteral("letters, digits, '.', '_' and '-', at most 63");
        QTest::addRow("id space") << id << QByteArray("ws 1") << QStringLiteral("ws 1") << idExpected;
        QTest::addRow("id slash") << id << QByteArray("ws/1") << QStringLiteral("ws/1") << idExpected;
        QTest::addRow("id umlaut") << id << QByteArray("kasse-ä") << QStringLiteral("kasse-ä") << idExpected;
        QTest::addRow("id 64 characters") << id << QByteArray(64, 'w') << QString(64, u'w') << idExpected;
        QTest::addRow("id empty") << id << QByteArray("") << QString() << idExpected;

        for (const NumberKey &k : NumberKeys) {
            const QString key = QString::fromLatin1(k.key);
            const QString expected = QString::fromLatin1(k.expected).arg(k.min).arg(k.max);
            if (k.min > 0)
                QTest::addRow("%s below min", k.key) << key << QByteArray::number(k.min - 1) << QString::number(k.min - 1) << expected;
            QTest::addRow("%s above max", k.key) << key << QByteArray::number(k.max + 1) << QString::number(k.max + 1) << expected;
            QTest::addRow("%s negative", k.key) << key << QByteArray("-1") << QStringLiteral("-1") << expected;
            QTest::addRow("%s empty", k.key) << key << QByteArray("") << QString() << expected;
            QTest::addRow("%s word", k.key) << key << QByteArray("ten") << QStringLiteral("ten") << expected;
        }
        const QString port = QStringLiteral("server/port");
        const QString portExpected = QStringLiteral(
            "a whole number from 1 to 65535, or a list of them separated by \",\", one for each host");
        QTest::addRow("port plus sign") << port << QByteArray("+5432") << QStringLiteral("+5432") << portExpected;
        QTest::addRow("port decimal") << port << QByteArray("5432.0") << QStringLiteral("5432.0") << portExpected;
        QTest::addRow("port hex") << port << QByteArray("0x1538") << QStringLiteral("0x1538") << portExpected;
        QTest::addRow("port inner space") << port << QByteArray("54 32") << QStringLiteral("54 32") << portExpected;
        QTest::addRow("port list empty entry") << port << QByteArray("5432,,5433") << QStringLiteral("5432,,5433") << portExpected;
        QTest::addRow("port list trailing comma") << port << QByteArray("\"5432,\"") << QStringLiteral("5432,") << portExpected;
        QTest::addRow("port list zero") << port << QByteArray("0,5432") << QStringLiteral("0,5432") << portExpected;
        QTest::addRow("port list too big") << port << QByteArray("5432,65536") << QStringLiteral("5432,65536") << portExpected;
        QTest::addRow("port list word") << port << QByteArray("5432,five") << QStringLiteral("5432,five") << portExpected;
        QTest::addRow("port list semicolon") << port << QByteArray("\"5432;5433\"") << QStringLiteral("5432;5433") << portExpected;
        QTest::addRow("port 11 digits") << port << QByteArray("54320000000") << QStringLiteral("54320000000") << portExpected;
        QTest::addRow("port Arabic-Indic digits") << port << QByteArray("\xd9\xa5\xd9\xa4") << QStringLiteral("٥٤") << portExpected;
        QTest::addRow("port huge") << port << QByteArray("99999999999999999999999") << QStringLiteral("99999999999999999999999")
                                   << portExpected;
        QTest::addRow("lock_ms unit") << QStringLiteral("timeouts/lock_ms") << QByteArray("2000ms") << QStringLiteral("2000ms")
                                      << QStringLiteral("a whole number from 1 to 600000");
        QTest::addRow("budget_s fraction") << QStringLiteral("retry/budget_s") << QByteArray("1.5") << QStringLiteral("1.5")
                                           << QStringLiteral("a whole number from 1 to 3600");
    }

    void invalidValues()
    {
        QFETCH(QString, key);
        QFETCH(QByteArray, value);
        QFETCH(QString, shown);
        QFETCH(QString, expectation);
        QTemporaryDir dir;
        const QString path = writeFile(dir, ini(key, value));
        const auto c = WorkstationConfig::load(path);
        QVERIFY(!c);
        QCOMPARE(c.error().kind, Error::Kind::Config);
        QCOMPARE(c.error().message, QStringLiteral("The configuration %1 is not valid: [%2] %3 = \"%4\"; expected %5.")
                                        .arg(path, key.section(u'/', 0, 0), key.section(u'/', 1), shown, expectation));
    }

    void everyKeyAtOnce()
    {
        QTemporaryDir dir;
        const QString cert = writeFile(dir, "not checked here, only that it exists", QStringLiteral("root.crt"));
        const QString path = writeFile(dir, "; Teller, branch 7\r\n"
                                            "[server]\r\n"
                                            "host = db.branch7.example\r\n"
                                            "port = 6432\r\n"
                                            "database = teller\r\n"
                                            "sslmode = verify-full\r\n"
                                            "sslrootcert = "
                                                + cert.toUtf8()
                                                + "\r\n"
                                                  "service = branch7\r\n"
                                                  "target_session_attrs = read-write\r\n"
                                                  "listen_host = db.branch7.example\r\n"
                                                  "listen_port = 5432\r\n"
                                                  "\r\n"
                                                  "[workstation]\r\n"
                                                  "id = B7-KASSE-2\r\n"
                                                  "connections = 2\r\n"
                                                  "[timeouts]\r\n"
                                                  "lock_ms = 1500\r\n"
                                                  "statement_ms = 8000\r\n"
                                                  "idle_in_transaction_ms = 20000\r\n"
                                                  "connect_s = 7\r\n"
                                                  "[retry]\r\n"
                                                  "max_retries = 6\r\n"
                                                  "budget_s = 30\r\n");
        const auto c = WorkstationConfig::load(path);
        QVERIFY2(c, c ? "" : qPrintable(c.error().message));
        const QStringList expected{QStringLiteral("db.branch7.example"),
                                   QStringLiteral("6432"),
                                   QStringLiteral("teller"),
                                   QStringLiteral("verify-full"),
                                   cert,
                                   QStringLiteral("branch7"),
                                   QStringLiteral("read-write"),
                                   QStringLiteral("B7-KASSE-2"),
                                   QStringLiteral("db.branch7.example"),
                                   QStringLiteral("5432"),
                                   QStringLiteral("2"),
                                   QStringLiteral("1500"),
                                   QStringLiteral("8000"),
                                   QStringLiteral("20000"),
                                   QStringLiteral("7"),
                                   QStringLiteral("6"),
                                   QStringLiteral("30000")};
        QCOMPARE(expected.size(), AllKeys.size());
        for (qsizetype i = 0; i < AllKeys.size(); ++i)
            QCOMPARE(field(*c, AllKeys.at(i)), expected.at(i));
    }

    // A failover formation: hosts and ports named together must pair up (one port for all, or
    // one each); the settings then reach the connection as written.
    void hostAndPortLists_data()
    {
        QTest::addColumn<QByteArray>("server"); // the [server] section's lines
        QTest::addColumn<QString>("problem");   // the message's end; empty: accepted
        QTest::addRow("two hosts, two ports") << QByteArray("host = db1,db2\nport = 5432,5433\n") << QString();
        QTest::addRow("two hosts, one port") << QByteArray("host = db1,db2\nport = 5432\n") << QString();
        QTest::addRow("three hosts, three ports") << QByteArray("host = a,b,c\nport = 1,2,3\n") << QString();
        QTest::addRow("ports without hosts") << QByteArray("port = 5432,5433\n") << QString();
        QTest::addRow("one host, two ports") << QByteArray("host = db1\nport = 5432,5433\n")
                                             << QStringLiteral("[server] port = \"5432,5433\"; expected one port, or one for each of "
                                                               "the 1 host(s).");
        QTest::addRow("two hosts, three ports") << QByteArray("port = 1,2,3\nhost = db1,db2\n")
                                                << QStringLiteral("[server] port = \"1,2,3\"; expected one port, or one for each of "
                                                                  "the 2 host(s).");
    }

    void hostAndPortLists()
    {
        QFETCH(QByteArray, server);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        const QString path = writeFile(dir, "[server]\n" + server);
        const auto c = WorkstationConfig::load(path);
        if (!problem.isEmpty()) {
            QVERIFY(!c);
            QCOMPARE(c.error().kind, Error::Kind::Config);
            QCOMPARE(c.error().message, QStringLiteral("The configuration %1 is not valid: ").arg(path) + problem);
            return;
        }
        QVERIFY2(c, c ? "" : qPrintable(c.error().message));
    }

    void listsAndTargetReachTheConnection()
    {
        QTemporaryDir dir;
        const auto c = WorkstationConfig::load(
            writeFile(dir, "[server]\nhost = 10.0.0.1,10.0.0.2\nport = 5432, 5433\ntarget_session_attrs = read-write\n"));
        QVERIFY2(c, c ? "" : qPrintable(c.error().message));
        ConnectionSettings settings;
        c->applyTo(settings);
        QCOMPARE(settings.value(QStringLiteral("host")), QStringLiteral("10.0.0.1,10.0.0.2"));
        QCOMPARE(settings.value(QStringLiteral("port")), QStringLiteral("5432,5433"));
        QCOMPARE(settings.value(QStringLiteral("target_session_attrs")), QStringLiteral("read-write"));
        QVERIFY(settings.checkHostsAndPorts());
        // What the person typed (--db, the sign-in dialog) wins.
        auto typed = ConnectionSettings::fromConninfo(u"target_session_attrs=any port=6432");
        QVERIFY(typed);
        c->applyTo(*typed);
        QCOMPARE(typed->value(QStringLiteral("target_session_attrs")), QStringLiteral("any"));
        QCOMPARE(typed->value(QStringLiteral("port")), QStringLiteral("6432"));
        QCOMPARE(typed->value(QStringLiteral("host")), QStringLiteral("10.0.0.1,10.0.0.2"));
        // A port list is shown as written, a single port as a number.
        QCOMPARE(c->toJson().value(QStringLiteral("port")).toString(), QStringLiteral("5432,5433"));
        QCOMPARE(c->toJson().value(QStringLiteral("target_session_attrs")).toString(), QStringLiteral("read-write"));
        const auto one = WorkstationConfig::load(writeFile(dir, "[server]\nport = 6432\n", QStringLiteral("one.conf")));
        QVERIFY(one);
        QCOMPARE(one->toJson().value(QStringLiteral("port")).toInt(), 6432);
    }

    void aByteOrderMarkIsSkipped()
    {
        QTemporaryDir dir;
        const auto c = WorkstationConfig::load(writeFile(dir, "\xEF\xBB\xBF[server]\nport = 5433\n"));
        QVERIFY(c);
        QCOMPARE(field(*c, QStringLiteral("server/port")), QStringLiteral("5433"));
    }

    // Whatever the reader does not know is ignored: other sections, other keys, keys outside
    // a section, and keys in another case (INI keys are case-sensitive here).
    void unknownSectionsAndKeysAreIgnored_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addRow("unknown section") << QByteArray("[client]\nhost = other\n[server]\nport = 5433\n");
        QTest::addRow("unknown key") << QByteArray("[server]\nhots = other\nport = 5433\n");
        QTest::addRow("key of another section") << QByteArray("[server]\nid = other\nport = 5433\n[workstation]\nhost = x\n");
        QTest::addRow("key before any section") << QByteArray("host = other\n[server]\nport = 5433\n");
        QTest::addRow("upper-case key") << QByteArray("[server]\nHOST = other\nport = 5433\n");
        QTest::addRow("upper-case section") << QByteArray("[SERVER]\nhost = other\n[server]\nport = 5433\n");
        QTest::addRow("bad value of an unknown key") << QByteArray("[server]\nuser = a b;c\nport = 5433\n");
        QTest::addRow("comments only around") << QByteArray("; a comment\n# another\n[server]\n; port = 1\nport = 5433\n");
    }

    void unknownSectionsAndKeysAreIgnored()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const auto c = WorkstationConfig::load(writeFile(dir, content));
        QVERIFY2(c, c ? "" : qPrintable(c.error().message));
        QCOMPARE(field(*c, QStringLiteral("server/port")), QStringLiteral("5433"));
        for (const QString &key : AllKeys) {
            if (key != u"server/port")
                QCOMPARE(field(*c, key), Unset);
        }
    }

    void aRepeatedKeyCountsOnceTheLastTime()
    {
        QTemporaryDir dir;
        const auto c = WorkstationConfig::load(writeFile(dir, "[server]\nport = 1\nport = 5433\n[server]\nhost = a\n"));
        QVERIFY(c);
        QCOMPARE(field(*c, QStringLiteral("server/port")), QStringLiteral("5433"));
        QCOMPARE(field(*c, QStringLiteral("server/host")), QStringLiteral("a"));
    }

    void anEmptyFileIsAnEmptyConfiguration()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, "");
        const auto c = WorkstationConfig::load(path);
        QVERIFY(c);
        QCOMPARE(c->path, path);
        for (const QString &key : AllKeys)
            QCOMPARE(field(*c, key), Unset);
    }

    // Only the first problem is reported, in reading order: [server] (host, port, database,
    // sslmode, sslrootcert, service, target_session_attrs, then host and port together),
    // [workstation], [timeouts], [retry].
    void theFirstProblemIsTheOneReported()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, "[retry]\nmax_retries = many\n[server]\nsslmode = maybe\nport = 0\n");
        const auto c = WorkstationConfig::load(path);
        QVERIFY(!c);
        QCOMPARE(c.error().message, QStringLiteral("The configuration %1 is not valid: [server] port = \"0\"; "
                                                   "expected a whole number from 1 to 65535, or a list of them separated "
                                                   "by \",\", one for each host.")
                                        .arg(path));
    }

    void theRootCertificateMustExist()
    {
        QTemporaryDir dir;
        const QString cert = writeFile(dir, "-----BEGIN CERTIFICATE-----\n", QStringLiteral("root.crt"));
        const auto ok = WorkstationConfig::load(
            writeFile(dir, "[server]\nsslrootcert = " + cert.toUtf8() + "\n", QStringLiteral("a.conf")));
        QVERIFY2(ok, ok ? "" : qPrintable(ok.error().message));
        QCOMPARE(field(*ok, QStringLiteral("server/sslrootcert")), cert);

        const QString missing = dir.filePath(QStringLiteral("missing.crt"));
        const QString path = writeFile(dir, "[server]\nsslrootcert = " + missing.toUtf8() + "\n", QStringLiteral("b.conf"));
        const auto c = WorkstationConfig::load(path);
        QVERIFY(!c);
        QCOMPARE(c.error().kind, Error::Kind::Config);
        QCOMPARE(c.error().message,
                 QStringLiteral("The configuration %1 names the root certificate %2, which does not exist.").arg(path, missing));
    }

    void aMissingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nowhere/teller.conf"));
        // Asked for by name (--config): an error.
        const auto named = WorkstationConfig::load(path);
        QVERIFY(!named);
        QCOMPARE(named.error().kind, Error::Kind::Config);
        QCOMPARE(named.error().message, QStringLiteral("The configuration file %1 does not exist.").arg(path));

        // The default file (TELLER_CONFIG, else /etc/teller/teller.conf) may be missing: then
        // there is no configuration.
        const QByteArray saved = qgetenv("TELLER_CONFIG");
        qputenv("TELLER_CONFIG", path.toLocal8Bit());
        QCOMPARE(WorkstationConfig::defaultPath(), path);
        const auto none = WorkstationConfig::load();
        qputenv("TELLER_CONFIG", saved);
        QVERIFY(none);
        QVERIFY(none->path.isEmpty());
        for (const QString &key : AllKeys)
            QCOMPARE(field(*none, key), Unset);
    }

    void theDefaultFileIsRead()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, "[workstation]\nid = from-env\n");
        const QByteArray saved = qgetenv("TELLER_CONFIG");
        qputenv("TELLER_CONFIG", path.toLocal8Bit());
        const auto c = WorkstationConfig::load();
        const auto bad = WorkstationConfig::load(writeFile(dir, "[workstation]\nid = a b\n", QStringLiteral("other.conf")));
        qputenv("TELLER_CONFIG", saved);
        QVERIFY(c);
        QCOMPARE(c->path, path);
        QCOMPARE(field(*c, QStringLiteral("workstation/id")), QStringLiteral("from-env"));
        QVERIFY(!bad); // an explicit path is read even when TELLER_CONFIG names another file
    }

    // A line that is neither a [section], a key = value, a comment nor empty refuses the file,
    // with the line's number: QSettings would skip it, and a setting would be lost unnoticed.
    void notAnIniFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addRow("section not closed") << QByteArray("[server\nhost = a\n") << 1;
        QTest::addRow("key without value") << QByteArray("[server]\nhost\n") << 2;
        QTest::addRow("a forgotten =") << QByteArray("[server]\r\nhost = a\r\nsslmode verify-full\r\nport = 5433\r\n") << 3;
        QTest::addRow("binary") << (QByteArray("\x00\x01\x02\x03", 4) + "\xff\xfe garbage\n[server]\nhost = a\n") << 1;
        QTest::addRow("UTF-16") << QByteArray("\xff\xfe[\0s\0e\0r\0v\0e\0r\0]\0\n\0", 20) << 1;
        QTest::addRow("byte order mark not at the start") << QByteArray("[server]\n\xEF\xBB\xBFport\n") << 2;
    }

    void notAnIniFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QTemporaryDir dir;
        const QString path = writeFile(dir, content);
        const auto c = WorkstationConfig::load(path);
        QVERIFY(!c);
        QCOMPARE(c.error().kind, Error::Kind::Config);
        QCOMPARE(c.error().message, QStringLiteral("The configuration file %1 is not a valid INI file: line %2 is neither a [section], "
                                                   "a key = value nor a ; comment.")
                                        .arg(path)
                                        .arg(line));
    }

    // What QSettings reads and the check above lets through.
    void linesThatAreFine_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("host");
        QTest::addRow("# comments") << QByteArray("# Teller\n[server]\n# the branch server\nhost = a\n") << QStringLiteral("a");
        QTest::addRow("indented") << QByteArray("  [server]\n\thost = a\n  ; note\n") << QStringLiteral("a");
        QTest::addRow("continued value") << QByteArray("[server]\nhost = db1.branch,\\\ndb2.branch\n")
                                         << QStringLiteral("db1.branch,db2.branch");
        QTest::addRow("empty section") << QByteArray("[timeouts]\n\n[server]\nhost = a\n") << QStringLiteral("a");
        QTest::addRow("only a byte order mark") << QByteArray("\xEF\xBB\xBF") << Unset;
    }

    void linesThatAreFine()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, host);
        QTemporaryDir dir;
        const auto c = WorkstationConfig::load(writeFile(dir, content));
        QVERIFY2(c, c ? "" : qPrintable(c.error().message));
        QCOMPARE(field(*c, QStringLiteral("server/host")), host);
    }

    void aDirectoryIsNotAConfiguration()
    {
        QTemporaryDir dir;
        const auto c = WorkstationConfig::load(dir.path());
        QVERIFY(!c);
        QCOMPARE(c.error().kind, Error::Kind::Config);
        QVERIFY2(c.error().message.contains(dir.path()), qPrintable(c.error().message));
    }

    void anUnreadableFile()
    {
        if (::geteuid() == 0)
            QSKIP("root reads every file");
        QTemporaryDir dir;
        const QString path = writeFile(dir, "[server]\nport = 5433\n");
        QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
        const auto c = WorkstationConfig::load(path);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(!c);
        QCOMPARE(c.error().kind, Error::Kind::Config);
        QCOMPARE(c.error().message, QStringLiteral("The configuration file %1 cannot be read.").arg(path));
    }

    // The configuration fills only what the connection settings do not say: a --db string or
    // the sign-in dialog wins.
    void explicitConnectionSettingsWin_data()
    {
        QTest::addColumn<QString>("conninfo");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("dbname");
        QTest::addColumn<QString>("sslmode");
        QTest::addRow("nothing given") << QString() << QStringLiteral("cfg.example") << QStringLiteral("6432") << QStringLiteral("cfgdb")
                                       << QStringLiteral("verify-full");
        QTest::addRow("host given") << QStringLiteral("host=other.example") << QStringLiteral("other.example") << QStringLiteral("6432")
                                    << QStringLiteral("cfgdb") << QStringLiteral("verify-full");
        QTest::addRow("port given") << QStringLiteral("port=5555") << QStringLiteral("cfg.example") << QStringLiteral("5555")
                                    << QStringLiteral("cfgdb") << QStringLiteral("verify-full");
        QTest::addRow("all given") << QStringLiteral("host=h port=1 dbname=d sslmode=disable") << QStringLiteral("h")
                                   << QStringLiteral("1") << QStringLiteral("d") << QStringLiteral("disable");
        QTest::addRow("URI") << QStringLiteral("postgresql://u@uri.example/uridb?sslmode=require") << QStringLiteral("uri.example")
                             << QStringLiteral("6432") << QStringLiteral("uridb") << QStringLiteral("require");
    }

    void explicitConnectionSettingsWin()
    {
        QFETCH(QString, conninfo);
        QFETCH(QString, host);
        QFETCH(QString, port);
        QFETCH(QString, dbname);
        QFETCH(QString, sslmode);
        QTemporaryDir dir;
        const auto c = WorkstationConfig::load(
            writeFile(dir, "[server]\nhost = cfg.example\nport = 6432\ndatabase = cfgdb\nsslmode = verify-full\nservice = cfgsvc\n"));
        QVERIFY(c);
        auto settings = ConnectionSettings::fromConninfo(conninfo);
        QVERIFY2(settings, settings ? "" : qPrintable(settings.error().message));
        const bool hadUser = settings->contains(QStringLiteral("user"));
        c->applyTo(*settings);
        QCOMPARE(settings->value(QStringLiteral("host")), host);
        QCOMPARE(settings->value(QStringLiteral("port")), port);
        QCOMPARE(settings->value(QStringLiteral("dbname")), dbname);
        QCOMPARE(settings->value(QStringLiteral("sslmode")), sslmode);
        QCOMPARE(settings->value(QStringLiteral("service")), QStringLiteral("cfgsvc"));
        QVERIFY(!settings->contains(QStringLiteral("sslrootcert")));   // not configured, not invented
        QCOMPARE(settings->contains(QStringLiteral("user")), hadUser); // the configuration names no user
    }

    // Session options and the retry policy: the configuration replaces the built-in defaults
    // for what it names and leaves the rest (the command line's options are applied after it).
    void sessionOptionsAndRetryPolicy()
    {
        QTemporaryDir dir;
        const auto c = WorkstationConfig::load(writeFile(dir, "[workstation]\nid = ws-9\n[timeouts]\nlock_ms = 750\nconnect_s = 9\n"
                                                              "[retry]\nbudget_s = 12\n"));
        QVERIFY(c);
        const SessionOptions defaults;
        SessionOptions options;
        c->applyTo(options);
        QCOMPARE(options.workstation, QStringLiteral("ws-9"));
        QCOMPARE(options.lockTimeout, std::chrono::milliseconds(750));
        QCOMPARE(options.connectTimeout, std::chrono::seconds(9));
        QCOMPARE(options.statementTimeout, defaults.statementTimeout);
        QCOMPARE(options.idleInTransactionTimeout, defaults.idleInTransactionTimeout);

        const RetryPolicy defaultPolicy;
        RetryPolicy policy;
        c->applyTo(policy);
        QCOMPARE(policy.totalBudget, std::chrono::milliseconds(12000));
        QCOMPARE(policy.maxRetries, defaultPolicy.maxRetries);

        const auto other = WorkstationConfig::load(writeFile(dir,
                                                             "[timeouts]\nstatement_ms = 900\nidle_in_transaction_ms = 1000\n"
                                                             "[retry]\nmax_retries = 0\n",
                                                             QStringLiteral("other.conf")));
        QVERIFY(other);
        SessionOptions second;
        second.workstation = QStringLiteral("explicit");
        other->applyTo(second);
        QCOMPARE(second.workstation, QStringLiteral("explicit")); // no id configured: left as it was
        QCOMPARE(second.statementTimeout, std::chrono::milliseconds(900));
        QCOMPARE(second.idleInTransactionTimeout, std::chrono::milliseconds(1000));
        QCOMPARE(second.lockTimeout, defaults.lockTimeout);
        RetryPolicy none;
        other->applyTo(none);
        QCOMPARE(none.maxRetries, 0); // zero retries is a value, not "unset"
        QCOMPARE(none.totalBudget, defaultPolicy.totalBudget);
    }
};

QTEST_GUILESS_MAIN(TestWorkstationConfig)
#include "tst_workstation_config.moc"
