// TLS: the test server gets a certificate from a throwaway CA; sslmode=verify-full with that
// CA as root certificate works (and says it is encrypted), a wrong CA is refused at once, and
// the workstation configuration can name both.
#include "PgTestServer.h"

#include "DbSession.h"
#include "TellerClient.h"
#include "WorkstationConfig.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace teller;

class TestTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    bool openssl(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            qWarning("openssl %s: %s", qPrintable(args.join(u' ')), p.readAll().constData());
            return false;
        }
        return true;
    }

    bool makeCa(const QString &name)
    {
        return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                        QStringLiteral("-nodes"), QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                        name + QStringLiteral(".crt"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                        QStringLiteral("/CN=Teller test CA ") + name});
    }

    ConnectionSettings tls(const QString &host, const QString &mode, const QString &rootCert)
    {
        ConnectionSettings s = PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1"), true);
        s.set(QStringLiteral("host"), host);
        s.set(QStringLiteral("sslmode"), mode);
        if (!rootCert.isEmpty())
            s.set(QStringLiteral("sslrootcert"), rootCert);
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A CA, a server certificate for localhost and 127.0.0.1 signed by it, and a second,
        // unrelated CA.
        QVERIFY(makeCa(QStringLiteral("ca")));
        QVERIFY(makeCa(QStringLiteral("other")));
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                         QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"), QStringLiteral("server.csr"),
                         QStringLiteral("-subj"), QStringLiteral("/CN=localhost")}));
        {
            QFile ext(path("san.cnf"));
            QVERIFY(ext.open(QIODevice::WriteOnly));
            ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        }
        QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                         QStringLiteral("-CA"), QStringLiteral("ca.crt"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                         QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.crt"),
                         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("san.cnf")}));

        LocalServer &server = PgTestServer::instance().server();
        QVERIFY(server.installFile(path("server.crt"), QStringLiteral("server.crt")));
        QVERIFY(server.installFile(path("server.key"), QStringLiteral("server.key")));
        Sql postgres(QStringLiteral("postgres"));
        SQL_VERIFY(postgres, QStringLiteral("ALTER SYSTEM SET ssl = on"));
        SQL_VERIFY(postgres, QStringLiteral("ALTER SYSTEM SET ssl_cert_file = 'server.crt'"));
        SQL_VERIFY(postgres, QStringLiteral("ALTER SYSTEM SET ssl_key_file = 'server.key'"));
        SQL_VERIFY(postgres, QStringLiteral("SELECT pg_reload_conf()"));
        QTRY_COMPARE(postgres.value(QStringLiteral("SHOW ssl")).toString(), QStringLiteral("on"));

        m_db = PgTestServer::instance().createDatabase();
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("5501"), 100000);
    }

    void verifyFullWithTheBanksCaWorks_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addRow("by name") << "localhost";
        QTest::addRow("by address") << "127.0.0.1";
    }

    void verifyFullWithTheBanksCaWorks()
    {
        QFETCH(QString, host);
        DbSession session(tls(host, QStringLiteral("verify-full"), path("ca.crt")), SessionOptions{});
        auto opened = session.open();
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        QVERIFY(session.isEncrypted());
        Sql sql(m_db);
        QCOMPARE(sql.value(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = ?"), {session.serverProcessId()}).toBool(), true);
        const Outcome o = [&] {
            ActionExecutor executor(session);
            return executor.execute(makeAction(ActionKind::Deposit, QStringLiteral("5501"), 100));
        }();
        QCOMPARE(o.status, OutcomeStatus::Completed);
    }

    void aWrongCaIsRefusedAtOnce()
    {
        DbSession session(tls(QStringLiteral("localhost"), QStringLiteral("verify-full"), path("other.crt")), SessionOptions{});
        auto opened = session.open();
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, Error::Kind::Config); // not "unreachable": retrying would not help
        QVERIFY2(opened.error().message.contains(QLatin1String("certificate")), qPrintable(opened.error().message));
        ActionExecutor executor(session);
        const Outcome o = executor.execute(makeAction(ActionKind::Deposit, QStringLiteral("5501"), 100));
        QCOMPARE(o.status, OutcomeStatus::Error);
        QCOMPARE(o.attempts, 1);
    }

    void withoutTlsTheSessionSaysSo()
    {
        DbSession session(tls(QStringLiteral("127.0.0.1"), QStringLiteral("disable"), {}), SessionOptions{});
        QVERIFY(session.open());
        QVERIFY(!session.isEncrypted());
    }

    void theWindowsClientReportsEncryption()
    {
        TellerClient client;
        client.setJournalPath(path("journal.sqlite"));
        QSignalSpy signedIn(&client, &TellerClient::signedIn);
        client.signIn(tls(QStringLiteral("localhost"), QStringLiteral("verify-full"), path("ca.crt")), SessionOptions{});
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 10000);
        QCOMPARE(signedIn.first().at(2).toBool(), true);
    }

    void theWorkstationConfigurationNamesTlsForTellerctl()
    {
        const QString conf = path("teller.conf");
        {
            QFile f(conf);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("[server]\nhost=localhost\nport=%1\ndatabase=%2\nsslmode=verify-full\nsslrootcert=%3\n"
                                   "[workstation]\nid=BRANCH7-DESK2\n")
                        .arg(PgTestServer::instance().server().port())
                        .arg(m_db, path("ca.crt"))
                        .toUtf8());
        }
        auto config = WorkstationConfig::load(conf);
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QCOMPARE(config->sslmode.value_or(QString()), QStringLiteral("verify-full"));

        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &k : env.keys())
            if (k.startsWith(QLatin1String("PG")))
                env.remove(k);
        env.insert(QStringLiteral("PGUSER"), QStringLiteral("t_teller1"));
        env.insert(QStringLiteral("PGPASSWORD"), QString::fromUtf16(PgTestServer::Password));
        env.insert(QStringLiteral("TELLER_JOURNAL"), path("cli-journal.sqlite"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TELLERCTL"),
                {QStringLiteral("--config"), conf, QStringLiteral("deposit"), QStringLiteral("--account"), QStringLiteral("5501"),
                 QStringLiteral("--amount"), QStringLiteral("1.00")});
        QVERIFY(p.waitForFinished(30000));
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(p.exitCode() == 0, out.constData());
        QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("workstation")).toString(), QStringLiteral("BRANCH7-DESK2"));

        // A bad value is named with its file, section and key; nothing is sent.
        QFile f(conf);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[server]\nsslmode=sometimes\n");
        f.close();
        auto bad = WorkstationConfig::load(conf);
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.contains(QLatin1String("[server] sslmode")), qPrintable(bad.error().message));
        p.start(qEnvironmentVariable("TELLERCTL"),
                {QStringLiteral("--config"), conf, QStringLiteral("status"), IdempotencyKey::generate().toString()});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
