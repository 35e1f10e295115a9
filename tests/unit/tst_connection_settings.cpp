// Unit tests for ConnectionSettings: parsing libpq connection strings and URIs, the PG*
// environment, describe(), and the QPSQL connect options built by configure(). No connection
// is ever opened.

#include "ConnectionSettings.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QTest>

#include <chrono>

using namespace teller;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(teller::Isolation)

namespace {

// Every variable ConnectionSettings or libpq might read; cleared around each test.
constexpr const char *pgVariables[] = {
    "PGHOST",
    "PGHOSTADDR",
    "PGPORT",
    "PGDATABASE",
    "PGUSER",
    "PGPASSWORD",
    "PGSSLMODE",
    "PGSSLROOTCERT",
    "PGSERVICE",
    "PGCONNECT_TIMEOUT",
    "PGTARGETSESSIONATTRS",
    "PGOPTIONS",
    "PGAPPNAME",
    "PGSERVICEFILE",
    "PGPASSFILE",
};

void clearPgEnvironment()
{
    for (const char *name : pgVariables)
        qunsetenv(name);
}

QMap<QString, QString> toMap(const QStringList &pairs)
{
    QMap<QString, QString> map;
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(u'=');
        map.insert(pair.left(eq), pair.mid(eq + 1));
    }
    return map;
}

// configure() applied to a QPSQL QSqlDatabase that is never opened, and what it left there.
struct Applied
{
    bool valid = false;
    bool open = false;
    bool ok = false;
    QString error;
    QString hostName;
    QString databaseName;
    QString userName;
    QString password;
    int port = 0;
    QString connectOptions;
    bool parsedBack = false;
    QMap<QString, QString> options; // connectOptions as libpq reads them back
};

Applied apply(const ConnectionSettings &settings, const SessionOptions &session)
{
    static int counter = 0;
    const QString name = u"tst_connection_settings_%1"_s.arg(++counter);
    Applied a;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        a.valid = db.isValid();
        const auto result = settings.configure(db, session);
        a.ok = result.has_value();
        if (!result)
            a.error = result.error().message;
        a.open = db.isOpen();
        a.hostName = db.hostName();
        a.databaseName = db.databaseName();
        a.userName = db.userName();
        a.password = db.password();
        a.port = db.port();
        a.connectOptions = db.connectOptions();
    }
    QSqlDatabase::removeDatabase(name);
    if (a.ok) {
        const auto parsed = ConnectionSettings::fromConninfo(a.connectOptions);
        a.parsedBack = parsed.has_value();
        if (parsed)
            a.options = parsed->parameters();
    }
    return a;
}

SessionOptions sessionAt(const QString &workstation)
{
    SessionOptions s;
    s.workstation = workstation;
    return s;
}

} // namespace

class TestConnectionSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void fromConninfo_data();
    void fromConninfo();
    void fromConninfoRefused_data();
    void fromConninfoRefused();

    void environmentPortRefused();
    void environmentOtherValuesRefused();
    void effectiveFallsBackToEnvironment();
    void describe_data();
    void describe();
    void describeNeverContainsPassword();
    void setAndRemove();

    void configureDefaults();
    void configureDefaultWorkstation();
    void configureUserValuesOverride();
    void configureIsolation_data();
    void configureIsolation();
    void configureSessionValues();
    void configureEnvironmentOptions();
    void configureRefused();
    void configureMultiHost();
    void configureHostsAndPorts_data();
    void configureHostsAndPorts();

    void isolationNames();
    void isolationFromName_data();
    void isolationFromName();
    void quoteConninfoValue_data();
    void quoteConninfoValue();
    void toConninfo();

private:
    QHash<QByteArray, QByteArray> m_savedEnvironment;
};

void TestConnectionSettings::initTestCase()
{
    for (const char *name : pgVariables) {
        if (qEnvironmentVariableIsSet(name))
            m_savedEnvironment.insert(QByteArray(name), qgetenv(name));
    }
}

void TestConnectionSettings::cleanupTestCase()
{
    clearPgEnvironment();
    for (auto it = m_savedEnvironment.cbegin(); it != m_savedEnvironment.cend(); ++it)
        qputenv(it.key().constData(), it.value());
}

void TestConnectionSettings::init()
{
    clearPgEnvironment();
}

void TestConnectionSettings::cleanup()
{
    clearPgEnvironment();
}

// ---------------------------------------------------------------------------------------------
// fromConninfo

void TestConnectionSettings::fromConninfo_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QStringList>("expected"); // every parameter, as key=value

    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("blank") << u"   "_s << QStringList();
    QTest::newRow("keyword/value") << u"host=db.branch.example port=5433 dbname=teller user=anna"_s
                                   << QStringList{u"host=db.branch.example"_s, u"port=5433"_s, u"dbname=teller"_s, u"user=anna"_s};
    QTest::newRow("spaces around =") << u"  host = db   port=5433 "_s << QStringList{u"host=db"_s, u"port=5433"_s};
    QTest::newRow("quoted with spaces and escapes")
        << u"application_name='Branch 12 teller' password='it\\'s a \\\\ secret'"_s
        << QStringList{u"application_name=Branch 12 teller"_s, u"password=it's a \\ secret"_s};
    QTest::newRow("password with semicolon") << u"password='a;b' user=anna"_s << QStringList{u"password=a;b"_s, u"user=anna"_s};
    QTest::newRow("multi-host") << u"host=a,b port=5432,5433 target_session_attrs=read-write"_s
                                << QStringList{u"host=a,b"_s, u"port=5432,5433"_s, u"target_session_attrs=read-write"_s};
    QTest::newRow("multi-host, one port") << u"host=a,b,c port=5432 target_session_attrs=primary"_s
                                          << QStringList{u"host=a,b,c"_s, u"port=5432"_s, u"target_session_attrs=primary"_s};
    QTest::newRow("multi-host, no port") << u"host=a,b"_s << QStringList{u"host=a,b"_s};
    QTest::newRow("multi-hostaddr") << u"hostaddr=10.0.0.1,10.0.0.2 port=5432,6432"_s
                                    << QStringList{u"hostaddr=10.0.0.1,10.0.0.2"_s, u"port=5432,6432"_s};
    QTest::newRow("multi-host uri") << u"postgresql://db1:5432,db2:5433/teller?target_session_attrs=read-write"_s
                                    << QStringList{u"host=db1,db2"_s, u"port=5432,5433"_s, u"dbname=teller"_s,
                                                   u"target_session_attrs=read-write"_s};
    QTest::newRow("ssl and timeouts") << u"sslmode=verify-full connect_timeout=0 keepalives=1 keepalives_idle=30 tcp_user_timeout=9000"_s
                                      << QStringList{u"sslmode=verify-full"_s, u"connect_timeout=0"_s, u"keepalives=1"_s,
                                                     u"keepalives_idle=30"_s, u"tcp_user_timeout=9000"_s};
    QTest::newRow("uri") << u"postgresql://anna:s3cret@db.branch.example:5433/teller?sslmode=require&connect_timeout=7"_s
                         << QStringList{u"user=anna"_s,     u"password=s3cret"_s, u"host=db.branch.example"_s, u"port=5433"_s,
                                        u"dbname=teller"_s, u"sslmode=require"_s, u"connect_timeout=7"_s};
    QTest::newRow("uri postgres scheme") << u"postgres://db.example/teller"_s << QStringList{u"host=db.example"_s, u"dbname=teller"_s};
    QTest::newRow("uri socket directory") << u"postgresql://%2Fvar%2Frun%2Fpostgresql/teller"_s
                                          << QStringList{u"host=/var/run/postgresql"_s, u"dbname=teller"_s};
    QTest::newRow("uri percent-encoded password")
        << u"postgresql://anna:p%40ss%20word@db/teller"_s
        << QStringList{u"user=anna"_s, u"password=p@ss word"_s, u"host=db"_s, u"dbname=teller"_s};
    QTest::newRow("uri empty") << u"postgresql://"_s << QStringList();
}

void TestConnectionSettings::fromConninfo()
{
    QFETCH(QString, conninfo);
    QFETCH(QStringList, expected);

    const auto settings = ConnectionSettings::fromConninfo(conninfo);
    QVERIFY2(settings.has_value(), qPrintable(settings ? QString() : settings.error().message));
    QCOMPARE(settings->parameters(), toMap(expected));
    for (const QString &pair : expected) {
        const QString key = pair.left(pair.indexOf(u'='));
        QVERIFY(settings->contains(key));
        QCOMPARE(settings->value(key), pair.mid(pair.indexOf(u'=') + 1));
        QCOMPARE(settings->effective(key), settings->value(key));
    }
}

void TestConnectionSettings::fromConninfoRefused_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QStringList>("messageParts");

    QTest::newRow("garbage") << u"garbage"_s << QStringList{u"not valid"_s, u"garbage"_s};
    QTest::newRow("host=") << u"host="_s << QStringList{u"host"_s};
    QTest::newRow("quoted empty dbname") << u"dbname='' host=db"_s << QStringList{u"dbname"_s, u"no value"_s};
    QTest::newRow("nosuchoption=1") << u"nosuchoption=1"_s << QStringList{u"not valid"_s, u"nosuchoption"_s};
    QTest::newRow("port=abc") << u"port=abc"_s << QStringList{u"port"_s, u"abc"_s, u"65535"_s};
    QTest::newRow("port=70000") << u"port=70000"_s << QStringList{u"port"_s, u"70000"_s};
    QTest::newRow("port=0") << u"port=0"_s << QStringList{u"port"_s};
    QTest::newRow("port=-1") << u"port=-1"_s << QStringList{u"port"_s};
    QTest::newRow("second port bad") << u"host=a,b port=5432,x"_s << QStringList{u"port"_s};
    QTest::newRow("empty port in a list") << u"host=a,b port=5432,"_s << QStringList{u"port"_s};
    QTest::newRow("target_session_attrs=primary,standby")
        << u"target_session_attrs=primary,standby"_s << QStringList{u"target_session_attrs"_s};
    QTest::newRow("sslmode=bogus") << u"sslmode=bogus"_s << QStringList{u"sslmode"_s, u"bogus"_s, u"verify-full"_s};
    QTest::newRow("sslmode upper case") << u"sslmode=REQUIRE"_s << QStringList{u"sslmode"_s};
    QTest::newRow("connect_timeout=-1") << u"connect_timeout=-1"_s << QStringList{u"connect_timeout"_s, u"-1"_s};
    QTest::newRow("connect_timeout=soon") << u"connect_timeout=soon"_s << QStringList{u"connect_timeout"_s};
    QTest::newRow("keepalives_idle=1.5") << u"keepalives_idle=1.5"_s << QStringList{u"keepalives_idle"_s};
    QTest::newRow("tcp_user_timeout huge") << u"tcp_user_timeout=99999999999"_s << QStringList{u"tcp_user_timeout"_s};
    QTest::newRow("target_session_attrs") << u"target_session_attrs=master"_s << QStringList{u"target_session_attrs"_s, u"master"_s};
    QTest::newRow("application_name=a;b") << u"application_name=a;b"_s << QStringList{u"application_name"_s, u";"_s};
    QTest::newRow("options with semicolon") << u"options='-c a=b;c'"_s << QStringList{u"options"_s, u";"_s};
    QTest::newRow("unterminated quote") << u"host='db"_s << QStringList{u"unterminated"_s};
    QTest::newRow("uri bad parameter") << u"postgresql://db/teller?nosuch=1"_s << QStringList{u"nosuch"_s};
    QTest::newRow("uri bad port") << u"postgresql://db:notaport/teller"_s << QStringList{u"port"_s, u"notaport"_s};
}

void TestConnectionSettings::fromConninfoRefused()
{
    QFETCH(QString, conninfo);
    QFETCH(QStringList, messageParts);

    const auto settings = ConnectionSettings::fromConninfo(conninfo);
    QVERIFY2(!settings.has_value(), "accepted");
    QVERIFY(settings.error().kind == Error::Kind::Config);
    QVERIFY(!settings.error().message.isEmpty());
    for (const QString &part : messageParts)
        QVERIFY2(settings.error().message.contains(part), qPrintable(u"\"%1\" not in: %2"_s.arg(part, settings.error().message)));
}

// ---------------------------------------------------------------------------------------------
// The PG* environment

void TestConnectionSettings::environmentPortRefused()
{
    qputenv("PGPORT", "abc");
    const auto settings = ConnectionSettings::fromConninfo(u"host=db dbname=teller");
    QVERIFY(!settings.has_value());
    QVERIFY(settings.error().kind == Error::Kind::Config);
    QVERIFY2(settings.error().message.contains(u"port"_s), qPrintable(settings.error().message));
    QVERIFY2(settings.error().message.contains(u"abc"_s), qPrintable(settings.error().message));

    // An explicit port wins over the environment, so the bad variable is not used.
    const auto explicitPort = ConnectionSettings::fromConninfo(u"host=db port=5433");
    QVERIFY2(explicitPort.has_value(), qPrintable(explicitPort ? QString() : explicitPort.error().message));
    QCOMPARE(explicitPort->effective(u"port"_s), u"5433"_s);

    qputenv("PGPORT", "70000");
    QVERIFY(!ConnectionSettings::fromConninfo(u"host=db").has_value());
    qputenv("PGPORT", "6543");
    QVERIFY(ConnectionSettings::fromConninfo(u"host=db").has_value());
}

void TestConnectionSettings::environmentOtherValuesRefused()
{
    qputenv("PGSSLMODE", "bogus");
    auto settings = ConnectionSettings::fromConninfo(u"host=db");
    QVERIFY(!settings.has_value());
    QVERIFY2(settings.error().message.contains(u"sslmode"_s), qPrintable(settings.error().message));
    qunsetenv("PGSSLMODE");

    qputenv("PGCONNECT_TIMEOUT", "-5");
    settings = ConnectionSettings::fromConninfo(u"host=db");
    QVERIFY(!settings.has_value());
    QVERIFY2(settings.error().message.contains(u"connect_timeout"_s), qPrintable(settings.error().message));
    qunsetenv("PGCONNECT_TIMEOUT");

    qputenv("PGTARGETSESSIONATTRS", "whatever");
    settings = ConnectionSettings::fromConninfo(u"host=db");
    QVERIFY(!settings.has_value());
    QVERIFY2(settings.error().message.contains(u"target_session_attrs"_s), qPrintable(settings.error().message));
    qunsetenv("PGTARGETSESSIONATTRS");

    QVERIFY(ConnectionSettings::fromConninfo(u"host=db").has_value());
}

void TestConnectionSettings::effectiveFallsBackToEnvironment()
{
    qputenv("PGHOST", "env.example");
    qputenv("PGPORT", "6543");
    qputenv("PGDATABASE", "envdb");
    qputenv("PGUSER", "envuser");
    qputenv("PGSSLMODE", "require");
    qputenv("PGAPPNAME", "envapp");

    const auto settings = ConnectionSettings::fromConninfo(u"dbname=teller sslmode=disable");
    QVERIFY2(settings.has_value(), qPrintable(settings ? QString() : settings.error().message));
    // Not given: from the environment, and not copied into the parameters.
    QVERIFY(!settings->contains(u"host"_s));
    QCOMPARE(settings->value(u"host"_s), QString());
    QCOMPARE(settings->effective(u"host"_s), u"env.example"_s);
    QCOMPARE(settings->effective(u"port"_s), u"6543"_s);
    QCOMPARE(settings->effective(u"user"_s), u"envuser"_s);
    QCOMPARE(settings->effective(u"application_name"_s), u"envapp"_s);
    QCOMPARE(settings->user(), u"envuser"_s);
    // Given: the explicit value wins.
    QCOMPARE(settings->effective(u"dbname"_s), u"teller"_s);
    QCOMPARE(settings->effective(u"sslmode"_s), u"disable"_s);
    // Neither given nor in the environment.
    QCOMPARE(settings->effective(u"target_session_attrs"_s), QString());
    QCOMPARE(settings->effective(u"no_such_keyword"_s), QString());
    QCOMPARE(settings->describe(), u"envuser@env.example:6543/teller"_s);

    // The environment is read when asked, not when parsed.
    qputenv("PGHOST", "other.example");
    QCOMPARE(settings->effective(u"host"_s), u"other.example"_s);
}

void TestConnectionSettings::describe_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("expected");

    QTest::newRow("tcp") << u"host=db.branch.example port=5433 dbname=teller user=anna password=s3cret-pw"_s
                         << u"anna@db.branch.example:5433/teller"_s;
    QTest::newRow("default port") << u"host=db dbname=teller user=anna"_s << u"anna@db:5432/teller"_s;
    QTest::newRow("socket directory") << u"host=/var/run/postgresql dbname=teller user=anna"_s
                                      << u"anna@local socket /var/run/postgresql:5432/teller"_s;
    QTest::newRow("no host, no dbname") << u"user=anna"_s << u"anna@local socket:5432/anna"_s;
    QTest::newRow("hostaddr") << u"hostaddr=10.0.0.5 user=anna dbname=teller"_s << u"anna@10.0.0.5:5432/teller"_s;
    QTest::newRow("service") << u"service=branch user=anna host=db"_s << u"anna@db:5432/anna (service branch)"_s;
    QTest::newRow("uri with password") << u"postgresql://anna:s3cret-pw@db:5433/teller"_s << u"anna@db:5433/teller"_s;
}

void TestConnectionSettings::describe()
{
    QFETCH(QString, conninfo);
    QFETCH(QString, expected);

    const auto settings = ConnectionSettings::fromConninfo(conninfo);
    QVERIFY2(settings.has_value(), qPrintable(settings ? QString() : settings.error().message));
    QCOMPARE(settings->describe(), expected);
}

void TestConnectionSettings::describeNeverContainsPassword()
{
    qputenv("PGPASSWORD", "env-pw-42");
    for (const QString &conninfo : {u"host=db user=anna password=s3cret-pw dbname=teller"_s, u"postgresql://anna:s3cret-pw@db/teller"_s,
                                    u"password=s3cret-pw"_s, u"host=db user=anna dbname=teller"_s}) {
        const auto settings = ConnectionSettings::fromConninfo(conninfo);
        QVERIFY2(settings.has_value(), qPrintable(conninfo));
        const QString text = settings->describe();
        QVERIFY2(!text.contains(u"s3cret-pw"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"env-pw-42"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"password"_s), qPrintable(text));
    }
}

void TestConnectionSettings::setAndRemove()
{
    auto settings = ConnectionSettings::fromConninfo(u"host=db");
    QVERIFY(settings.has_value());
    settings->set(u"dbname"_s, u"teller"_s);
    QCOMPARE(settings->value(u"dbname"_s), u"teller"_s);
    settings->remove(u"host"_s);
    QVERIFY(!settings->contains(u"host"_s));
    QCOMPARE(settings->parameters().size(), 1);
}

// ---------------------------------------------------------------------------------------------
// configure

void TestConnectionSettings::configureDefaults()
{
    const auto settings = ConnectionSettings::fromConninfo(
        u"host=db.branch.example port=5433 dbname=teller user=anna password=s3cret-pw"_s);
    QVERIFY(settings.has_value());

    const Applied a = apply(*settings, sessionAt(u"ws-07"_s));
    QVERIFY2(a.valid, "the QPSQL driver is not available");
    QVERIFY2(a.ok, qPrintable(a.error));
    QVERIFY(!a.open);
    // Host, database, user and password are fields, quoted by the driver.
    QCOMPARE(a.hostName, u"db.branch.example"_s);
    QCOMPARE(a.databaseName, u"teller"_s);
    QCOMPARE(a.userName, u"anna"_s);
    QCOMPARE(a.password, u"s3cret-pw"_s);
    QCOMPARE(a.port, -1);
    // Everything else is a connect option, in key order, every value quoted.
    QCOMPARE(a.connectOptions, QString(u"application_name='teller @ws-07' connect_timeout='5' keepalives='1' keepalives_count='3' "
                                       u"keepalives_idle='10' keepalives_interval='3' port='5433' tcp_user_timeout='10000'"_s));
    QVERIFY(!a.connectOptions.contains(u"s3cret-pw"_s));
    QVERIFY(!a.connectOptions.contains(u"anna"_s));
    QVERIFY(!a.connectOptions.contains(u"default_transaction_isolation"_s));

    // libpq reads the options back as intended.
    QVERIFY(a.parsedBack);
    QCOMPARE(a.options.value(u"application_name"_s), u"teller @ws-07"_s);
    QCOMPARE(a.options.value(u"keepalives"_s), u"1"_s);
    QCOMPARE(a.options.value(u"port"_s), u"5433"_s);
    // No server settings travel at startup: a pooler (PgBouncer) refuses the parameter
    // "options"; the bounds are the database's and each transaction's (DbSession::begin).
    QVERIFY(!a.options.contains(u"options"_s));
    QVERIFY(!a.options.contains(u"host"_s));
    QVERIFY(!a.options.contains(u"password"_s));
}

void TestConnectionSettings::configureDefaultWorkstation()
{
    const QString workstation = SessionOptions::defaultWorkstation();
    QVERIFY(!workstation.isEmpty());
    QVERIFY(workstation.size() <= 63);

    const auto settings = ConnectionSettings::fromConninfo(u"host=db");
    QVERIFY(settings.has_value());
    const Applied a = apply(*settings, sessionAt(workstation));
    QVERIFY2(a.ok, qPrintable(a.error));
    QCOMPARE(a.options.value(u"application_name"_s), QString(u"teller @"_s + workstation).left(63));

    // Without a workstation the name is the bare application name.
    const Applied bare = apply(*settings, SessionOptions());
    QVERIFY2(bare.ok, qPrintable(bare.error));
    QCOMPARE(bare.options.value(u"application_name"_s), u"teller"_s);

    // A long workstation is cut so that the whole name fits PostgreSQL's 63 bytes.
    const Applied longName = apply(*settings, sessionAt(QString(100, u'w')));
    QVERIFY2(longName.ok, qPrintable(longName.error));
    QCOMPARE(longName.options.value(u"application_name"_s), QString(u"teller @"_s + QString(55, u'w')));
}

void TestConnectionSettings::configureUserValuesOverride()
{
    const auto settings = ConnectionSettings::fromConninfo(
        u"host=db connect_timeout=17 keepalives=0 keepalives_idle=42 application_name=custom "
        u"sslmode=require options='-c search_path=teller'");
    QVERIFY2(settings.has_value(), qPrintable(settings ? QString() : settings.error().message));

    SessionOptions session = sessionAt(u"ws-07"_s);
    session.lockTimeout = 750ms;
    session.isolation = Isolation::Serializable;
    const Applied a = apply(*settings, session);
    QVERIFY2(a.ok, qPrintable(a.error));
    QVERIFY(a.parsedBack);
    QCOMPARE(a.options.value(u"connect_timeout"_s), u"17"_s);
    QCOMPARE(a.options.value(u"keepalives"_s), u"0"_s);
    QCOMPARE(a.options.value(u"keepalives_idle"_s), u"42"_s);
    QCOMPARE(a.options.value(u"application_name"_s), u"custom"_s);
    QCOMPARE(a.options.value(u"sslmode"_s), u"require"_s);
    // Defaults the user did not touch stay.
    QCOMPARE(a.options.value(u"keepalives_interval"_s), u"3"_s);
    QCOMPARE(a.options.value(u"keepalives_count"_s), u"3"_s);
    QCOMPARE(a.options.value(u"tcp_user_timeout"_s), u"10000"_s);
    // The user's own server options are passed on as given; ours never travel at startup.
    QCOMPARE(a.options.value(u"options"_s), u"-c search_path=teller"_s);
}

void TestConnectionSettings::configureIsolation_data()
{
    QTest::addColumn<Isolation>("isolation");

    QTest::newRow("read committed") << Isolation::ReadCommitted;
    QTest::newRow("repeatable read") << Isolation::RepeatableRead;
    QTest::newRow("serializable") << Isolation::Serializable;
}

void TestConnectionSettings::configureIsolation()
{
    QFETCH(Isolation, isolation);

    const auto settings = ConnectionSettings::fromConninfo(u"host=db");
    QVERIFY(settings.has_value());
    SessionOptions session = sessionAt(u"ws-07"_s);
    session.isolation = isolation;
    const Applied a = apply(*settings, session);
    QVERIFY2(a.ok, qPrintable(a.error));
    QVERIFY(a.parsedBack);
    QVERIFY(!a.options.contains(u"options"_s)); // BEGIN ISOLATION LEVEL ..., in DbSession::begin
    QVERIFY(!a.connectOptions.contains(u"default_transaction_isolation"_s));
}

void TestConnectionSettings::configureSessionValues()
{
    const auto settings = ConnectionSettings::fromConninfo(u"host=db");
    QVERIFY(settings.has_value());
    SessionOptions session = sessionAt(u"ws-07"_s);
    session.applicationName = u"teller-admin"_s;
    session.lockTimeout = 100ms;
    session.statementTimeout = 30000ms;
    session.idleInTransactionTimeout = 4000ms;
    session.connectTimeout = 0s; // 0 would make libpq wait forever: at least 1 s is sent
    session.keepalivesIdle = 20s;
    session.keepalivesInterval = 5s;
    session.keepalivesCount = 7;
    session.tcpUserTimeout = 2500ms;
    const Applied a = apply(*settings, session);
    QVERIFY2(a.ok, qPrintable(a.error));
    QCOMPARE(a.options.value(u"application_name"_s), u"teller-admin @ws-07"_s);
    QCOMPARE(a.options.value(u"connect_timeout"_s), u"1"_s);
    QCOMPARE(a.options.value(u"keepalives_idle"_s), u"20"_s);
    QCOMPARE(a.options.value(u"keepalives_interval"_s), u"5"_s);
    QCOMPARE(a.options.value(u"keepalives_count"_s), u"7"_s);
    QCOMPARE(a.options.value(u"tcp_user_timeout"_s), u"2500"_s);
    QVERIFY(!a.options.contains(u"options"_s)); // the bounds are set per transaction
}

void TestConnectionSettings::configureEnvironmentOptions()
{
    qputenv("PGOPTIONS", "-c work_mem=64MB");
    const auto settings = ConnectionSettings::fromConninfo(u"host=db");
    QVERIFY(settings.has_value());
    const Applied a = apply(*settings, sessionAt(u"ws-07"_s));
    QVERIFY2(a.ok, qPrintable(a.error));
    QCOMPARE(a.options.value(u"options"_s), u"-c work_mem=64MB"_s);

    // A password may contain ';': it is a field, never part of the connect options.
    const auto semicolon = ConnectionSettings::fromConninfo(u"host=db password='pa;ss'");
    QVERIFY(semicolon.has_value());
    const Applied b = apply(*semicolon, sessionAt(u"ws-07"_s));
    QVERIFY2(b.ok, qPrintable(b.error));
    QCOMPARE(b.password, u"pa;ss"_s);
    QVERIFY(!b.connectOptions.contains(u';'));
}

void TestConnectionSettings::configureRefused()
{
    const auto settings = ConnectionSettings::fromConninfo(u"host=db");
    QVERIFY(settings.has_value());

    // QPSQL splits connect options at ';': a session value containing one is refused.
    const Applied a = apply(*settings, sessionAt(u"ws;07"_s));
    QVERIFY(!a.ok);
    QVERIFY2(a.error.contains(u"application_name"_s), qPrintable(a.error));

    // The environment is checked again at configure time.
    qputenv("PGPORT", "abc");
    const Applied b = apply(*settings, sessionAt(u"ws-07"_s));
    QVERIFY(!b.ok);
    QVERIFY2(b.error.contains(u"port"_s), qPrintable(b.error));
}

// ---------------------------------------------------------------------------------------------
// Isolation names, quoting, toConninfo

// A failover formation's connection: every host, every port and target_session_attrs reach
// libpq as given (the host list as QPSQL's host field, which it quotes; the rest as connect
// options), so that every reconnect tries each host and settles on the one that takes writes.
void TestConnectionSettings::configureMultiHost()
{
    const auto settings = ConnectionSettings::fromConninfo(
        u"host=10.1.0.1,10.1.0.2 port=5432,5433 target_session_attrs=read-write dbname=teller user=anna"_s);
    QVERIFY2(settings.has_value(), qPrintable(settings ? QString() : settings.error().message));
    const Applied a = apply(*settings, sessionAt(u"ws-07"_s));
    QVERIFY2(a.valid, "the QPSQL driver is not available");
    QVERIFY2(a.ok, qPrintable(a.error));
    QCOMPARE(a.hostName, u"10.1.0.1,10.1.0.2"_s);
    QCOMPARE(a.port, -1);
    QVERIFY(a.parsedBack);
    QCOMPARE(a.options.value(u"port"_s), u"5432,5433"_s);
    QCOMPARE(a.options.value(u"target_session_attrs"_s), u"read-write"_s);
    // What libpq gets in the end, QPSQL's host field included, parses as the same lists.
    const auto whole = ConnectionSettings::fromConninfo(u"host='%1' %2"_s.arg(a.hostName, a.connectOptions));
    QVERIFY2(whole.has_value(), qPrintable(whole ? QString() : whole.error().message));
    QCOMPARE(whole->value(u"host"_s), u"10.1.0.1,10.1.0.2"_s);
    QCOMPARE(whole->value(u"port"_s), u"5432,5433"_s);
    QCOMPARE(whole->value(u"target_session_attrs"_s), u"read-write"_s);
    // The journal's database identity and the description name every host.
    QCOMPARE(settings->databaseIdentity(), u"10.1.0.1,10.1.0.2:5432,5433/teller"_s);
    QCOMPARE(settings->describe(), u"anna@10.1.0.1,10.1.0.2:5432,5433/teller"_s);
    const QString conninfo = settings->toConninfo();
    QVERIFY2(conninfo.contains(u"host='10.1.0.1,10.1.0.2'"_s), qPrintable(conninfo));
    QVERIFY2(conninfo.contains(u"target_session_attrs='read-write'"_s), qPrintable(conninfo));
}

// Several ports are one for each host, checked when the connection is prepared (the hosts
// may come from elsewhere than the ports: the configuration, PGHOST).
void TestConnectionSettings::configureHostsAndPorts_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QByteArray>("pghost"); // the environment's, if any
    QTest::addColumn<QString>("refusal");   // part of the message; empty: accepted

    QTest::newRow("one host, one port") << u"host=a port=5432"_s << QByteArray() << QString();
    QTest::newRow("two hosts, one port") << u"host=a,b port=5432"_s << QByteArray() << QString();
    QTest::newRow("two hosts, two ports") << u"host=a,b port=5432,5433"_s << QByteArray() << QString();
    QTest::newRow("two hosts, no port") << u"host=a,b"_s << QByteArray() << QString();
    QTest::newRow("two hostaddrs, two ports") << u"hostaddr=10.0.0.1,10.0.0.2 port=1,2"_s << QByteArray() << QString();
    QTest::newRow("hosts from PGHOST") << u"port=5432,5433"_s << QByteArray("a,b") << QString();
    QTest::newRow("two ports, one host") << u"host=a port=5432,5433"_s << QByteArray() << u"5432,5433\" is not valid"_s;
    QTest::newRow("two ports, no host") << u"port=5432,5433"_s << QByteArray() << u"each of the 1 host(s)"_s;
    QTest::newRow("three ports, two hosts") << u"host=a,b port=1,2,3"_s << QByteArray() << u"each of the 2 host(s)"_s;
    QTest::newRow("two ports, three hostaddrs")
        << u"hostaddr=10.0.0.1,10.0.0.2,10.0.0.3 port=1,2"_s << QByteArray() << u"each of the 3 host(s)"_s;
    QTest::newRow("two ports, PGHOST one host") << u"port=5432,5433"_s << QByteArray("a") << u"each of the 1 host(s)"_s;
}

void TestConnectionSettings::configureHostsAndPorts()
{
    QFETCH(QString, conninfo);
    QFETCH(QByteArray, pghost);
    QFETCH(QString, refusal);
    if (!pghost.isEmpty())
        qputenv("PGHOST", pghost);
    const auto settings = ConnectionSettings::fromConninfo(conninfo);
    QVERIFY2(settings.has_value(), qPrintable(settings ? QString() : settings.error().message));
    const Applied a = apply(*settings, sessionAt(u"ws-07"_s));
    QVERIFY2(a.valid, "the QPSQL driver is not available");
    if (refusal.isEmpty()) {
        QVERIFY2(a.ok, qPrintable(a.error));
    } else {
        QVERIFY(!a.ok);
        QVERIFY2(a.error.contains(refusal), qPrintable(a.error));
    }
}

void TestConnectionSettings::isolationNames()
{
    QCOMPARE(isolationName(Isolation::ReadCommitted), u"read committed"_s);
    QCOMPARE(isolationName(Isolation::RepeatableRead), u"repeatable read"_s);
    QCOMPARE(isolationName(Isolation::Serializable), u"serializable"_s);
    for (Isolation i : {Isolation::ReadCommitted, Isolation::RepeatableRead, Isolation::Serializable})
        QVERIFY(teller::isolationFromName(isolationName(i)) == i);
}

void TestConnectionSettings::isolationFromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<Isolation>("expected");

    QTest::newRow("serializable") << u"serializable"_s << true << Isolation::Serializable;
    QTest::newRow("SERIALIZABLE") << u"SERIALIZABLE"_s << true << Isolation::Serializable;
    QTest::newRow("read-committed") << u"read-committed"_s << true << Isolation::ReadCommitted;
    QTest::newRow("read committed") << u"read committed"_s << true << Isolation::ReadCommitted;
    QTest::newRow("REPEATABLE_READ") << u"REPEATABLE_READ"_s << true << Isolation::RepeatableRead;
    QTest::newRow("Repeatable-Read") << u"Repeatable-Read"_s << true << Isolation::RepeatableRead;
    QTest::newRow("padded") << u"  serializable "_s << true << Isolation::Serializable;
    QTest::newRow("empty") << QString() << false << Isolation::ReadCommitted;
    QTest::newRow("snapshot") << u"snapshot"_s << false << Isolation::ReadCommitted;
    QTest::newRow("read uncommitted") << u"read uncommitted"_s << false << Isolation::ReadCommitted;
    QTest::newRow("readcommitted") << u"readcommitted"_s << false << Isolation::ReadCommitted;
    QTest::newRow("serial") << u"serial"_s << false << Isolation::ReadCommitted;
}

void TestConnectionSettings::isolationFromName()
{
    QFETCH(QString, name);
    QFETCH(bool, ok);
    QFETCH(Isolation, expected);

    const auto isolation = teller::isolationFromName(name);
    QCOMPARE(isolation.has_value(), ok);
    if (ok)
        QCOMPARE(isolationName(*isolation), isolationName(expected));
}

void TestConnectionSettings::quoteConninfoValue_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("quoted");

    QTest::newRow("plain") << u"plain"_s << u"'plain'"_s;
    QTest::newRow("empty") << QString() << u"''"_s;
    QTest::newRow("space") << u"with space"_s << u"'with space'"_s;
    QTest::newRow("single quote") << u"it's"_s << u"'it\\'s'"_s;
    QTest::newRow("backslash") << u"a\\b"_s << u"'a\\\\b'"_s;
    QTest::newRow("trailing backslash") << u"end\\"_s << u"'end\\\\'"_s;
    QTest::newRow("backslash then quote") << u"\\'"_s << u"'\\\\\\''"_s;
    QTest::newRow("injection attempt") << u"x' host='evil"_s << u"'x\\' host=\\'evil'"_s;
    QTest::newRow("semicolon") << u"a;b"_s << u"'a;b'"_s;
}

void TestConnectionSettings::quoteConninfoValue()
{
    QFETCH(QString, value);
    QFETCH(QString, quoted);

    QCOMPARE(teller::quoteConninfoValue(value), quoted);

    // libpq reads it back as exactly the value, and nothing else. (An empty value is refused
    // by fromConninfo: a setting without a value is a mistake, never an intention.)
    if (value.isEmpty())
        return;
    const auto parsed = ConnectionSettings::fromConninfo(QString(u"password="_s + quoted + u" user=anna"_s));
    QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->value(u"password"_s), value);
    QCOMPARE(parsed->value(u"user"_s), u"anna"_s);
    QCOMPARE(parsed->parameters().size(), 2);
}

void TestConnectionSettings::toConninfo()
{
    const auto settings = ConnectionSettings::fromConninfo(u"host=db dbname=teller password=it\\'s");
    QVERIFY2(settings.has_value(), qPrintable(settings ? QString() : settings.error().message));
    QCOMPARE(settings->toConninfo(), u"dbname='teller' host='db' password='it\\'s'"_s);

    const SessionOptions session = sessionAt(u"ws-07"_s);
    const QString full = settings->toConninfo(&session);
    const auto back = ConnectionSettings::fromConninfo(full);
    QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().message));
    QCOMPARE(back->value(u"host"_s), u"db"_s);
    QCOMPARE(back->value(u"password"_s), u"it's"_s);
    QCOMPARE(back->value(u"application_name"_s), u"teller @ws-07"_s);
    QVERIFY(!back->contains(u"options"_s));
}

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connection_settings.moc"
