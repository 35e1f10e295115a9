// teller-faultproxy, the fault proxy as a program (tools/faultproxy/main.cpp): started against
// the test server, a session through it, and its stdin commands, each answered by one JSON line.
#include "DbSession.h"
#include "PgTestServer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTest>

using namespace teller;

class TestTellerFaultProxy : public QObject
{
    Q_OBJECT

    QString m_db;

    static QString program() { return qEnvironmentVariable("TELLER_FAULTPROXY"); }

    QString upstream() const { return QStringLiteral("127.0.0.1:%1").arg(PgTestServer::instance().server().port()); }

    // The next JSON line the proxy prints (an empty object after the timeout).
    static QJsonObject nextLine(QProcess &p, int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!p.canReadLine() && timer.elapsed() < timeoutMs)
            p.waitForReadyRead(int(std::max<qint64>(1, timeoutMs - timer.elapsed())));
        if (!p.canReadLine())
            return {};
        const QByteArray line = p.readLine();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            qWarning("not a JSON object: %s", line.constData());
        return doc.object();
    }

    static QJsonObject command(QProcess &p, const QByteArray &line)
    {
        p.write(line + '\n');
        return nextLine(p);
    }

    struct Run
    {
        int exitCode = -1;
        QJsonObject json;
        QString out;
        QString err;
    };

    // A run that ends by itself (bad usage, --help): its exit code and output.
    static Run runToEnd(const QStringList &args)
    {
        QProcess p;
        p.start(program(), args);
        p.closeWriteChannel();
        Run r;
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        if (lines.size() == 1)
            r.json = QJsonDocument::fromJson(lines.first().toUtf8()).object();
        return r;
    }

    static SessionOptions quickOptions()
    {
        SessionOptions o;
        o.workstation = QStringLiteral("faultproxy-test");
        o.statementTimeout = std::chrono::seconds(5);
        o.connectTimeout = std::chrono::seconds(5);
        return o;
    }

    static bool selectOne(DbSession &session)
    {
        QSqlQuery q(session.database());
        return q.exec(QStringLiteral("SELECT 1")) && q.next() && q.value(0).toInt() == 1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!program().isEmpty(), "run through ctest: TELLER_FAULTPROXY names the program");
        m_db = PgTestServer::instance().createDatabase();
    }

    void drivenOnStdin()
    {
        QProcess proxy;
        proxy.start(program(), {QStringLiteral("--upstream"), upstream()});
        QVERIFY(proxy.waitForStarted());
        const auto stop = qScopeGuard([&] {
            if (proxy.state() != QProcess::NotRunning) {
                proxy.kill();
                proxy.waitForFinished();
            }
        });
        const QJsonObject listening = nextLine(proxy);
        QCOMPARE(listening.value(QStringLiteral("status")).toString(), QStringLiteral("listening"));
        QCOMPARE(listening.value(QStringLiteral("upstream")).toString(), upstream());
        const int port = listening.value(QStringLiteral("port")).toInt();
        QVERIFY(port > 0 && port < 65536);

        // Nothing has gone through yet.
        QJsonObject stats = command(proxy, "stats");
        QCOMPARE(stats.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(stats.value(QStringLiteral("command")).toString(), QStringLiteral("stats"));
        QCOMPARE(stats.value(QStringLiteral("connections")).toInt(-1), 0);
        QCOMPARE(stats.value(QStringLiteral("bytes_to_server")).toString(), QStringLiteral("0"));
        QCOMPARE(stats.value(QStringLiteral("stalled")).toBool(true), false);

        // A session through the proxy works, and is counted.
        ConnectionSettings via = PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1"), true);
        via.set(QStringLiteral("port"), QString::number(port));
        DbSession session(via, quickOptions());
        const auto opened = session.open();
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        QVERIFY(selectOne(session));
        stats = command(proxy, "stats");
        QCOMPARE(stats.value(QStringLiteral("connections")).toInt(), 1);
        QVERIFY(stats.value(QStringLiteral("bytes_to_server")).toString().toLongLong() > 0);
        QVERIFY(stats.value(QStringLiteral("bytes_to_client")).toString().toLongLong() > 0);

        // latency MS: every chunk waits, in both directions.
        const QJsonObject slow = command(proxy, "latency 300");
        QCOMPARE(slow.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(slow.value(QStringLiteral("command")).toString(), QStringLiteral("latency"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(selectOne(session));
        QVERIFY2(timer.elapsed() >= 500, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(command(proxy, "latency 0").value(QStringLiteral("status")).toString(), QStringLiteral("completed"));

        // reset: every connection is cut; the session notices at its next statement.
        const QJsonObject reset = command(proxy, "reset");
        QCOMPARE(reset.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(reset.value(QStringLiteral("command")).toString(), QStringLiteral("reset"));
        QCOMPARE(reset.value(QStringLiteral("resets")).toInt(), 1);
        QVERIFY(!selectOne(session));
        QVERIFY(!session.connectionOk());
        // ... and a new one goes through again.
        QVERIFY(session.reopen());
        QVERIFY(selectOne(session));
        QCOMPARE(command(proxy, "stats").value(QStringLiteral("connections")).toInt(), 2);

        // An unknown command, or one without its number, is answered with an error and changes nothing.
        for (const QByteArray &bad : {QByteArray("bogus"), QByteArray("latency"), QByteArray("cut x"), QByteArray("hold -1")}) {
            const QJsonObject refused = command(proxy, bad);
            QCOMPARE(refused.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
            QCOMPARE(refused.value(QStringLiteral("command")).toString(), QString::fromLatin1(bad.split(' ').first()));
            QVERIFY(!refused.value(QStringLiteral("message")).toString().isEmpty());
            QCOMPARE(refused.value(QStringLiteral("connections")).toInt(), 2);
        }
        // Blank lines are skipped; spaces around a command do not matter.
        QCOMPARE(command(proxy, "\n  stats  ").value(QStringLiteral("command")).toString(), QStringLiteral("stats"));

        // quit: a last line with the totals, and exit 0.
        proxy.write("quit\n");
        const QJsonObject last = nextLine(proxy);
        QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QVERIFY(!last.contains(QStringLiteral("command")));
        QCOMPARE(last.value(QStringLiteral("connections")).toInt(), 2);
        QCOMPARE(last.value(QStringLiteral("resets")).toInt(), 1);
        QVERIFY(proxy.waitForFinished(10000));
        QCOMPARE(proxy.exitStatus(), QProcess::NormalExit);
        QCOMPARE(proxy.exitCode(), 0);
        QVERIFY(proxy.readAllStandardOutput().isEmpty()); // nothing after the last line
    }

    void endOfInputStops()
    {
        QProcess proxy;
        proxy.start(program(), {QStringLiteral("--upstream=") + upstream(), QStringLiteral("--latency"), QStringLiteral("5")});
        QVERIFY(proxy.waitForStarted());
        QCOMPARE(nextLine(proxy).value(QStringLiteral("status")).toString(), QStringLiteral("listening"));
        proxy.closeWriteChannel();
        QCOMPARE(nextLine(proxy).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QVERIFY(proxy.waitForFinished(10000));
        QCOMPARE(proxy.exitCode(), 0);
    }

    void listensWhereAsked()
    {
        // A port that is free now (and taken again by the proxy).
        quint16 free = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            free = probe.serverPort();
        }
        QProcess proxy;
        proxy.start(program(), {QStringLiteral("--upstream"), upstream(), QStringLiteral("--listen"), QString::number(free)});
        QVERIFY(proxy.waitForStarted());
        const QJsonObject listening = nextLine(proxy);
        QCOMPARE(listening.value(QStringLiteral("status")).toString(), QStringLiteral("listening"));
        QCOMPARE(listening.value(QStringLiteral("port")).toInt(), int(free));

        // A second proxy on the same port cannot listen: exit 1, and it says so.
        const Run taken = runToEnd({QStringLiteral("--upstream"), upstream(), QStringLiteral("--listen"), QString::number(free)});
        QCOMPARE(taken.exitCode, 1);
        QCOMPARE(taken.json.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
        QVERIFY(taken.json.value(QStringLiteral("message")).toString().contains(QString::number(free)));

        proxy.write("quit\n");
        QVERIFY(proxy.waitForFinished(10000));
        QCOMPARE(proxy.exitCode(), 0);
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString up = QStringLiteral("--upstream"), target = QStringLiteral("127.0.0.1:5432");
        QTest::addRow("no upstream") << QStringList{};
        QTest::addRow("upstream without port") << QStringList{up, QStringLiteral("127.0.0.1")};
        QTest::addRow("upstream port zero") << QStringList{up, QStringLiteral("127.0.0.1:0")};
        QTest::addRow("upstream port too big") << QStringList{up, QStringLiteral("127.0.0.1:65536")};
        QTest::addRow("upstream without host") << QStringList{up, QStringLiteral(":5432")};
        QTest::addRow("upstream without value") << QStringList{up};
        QTest::addRow("bad listen port") << QStringList{up, target, QStringLiteral("--listen"), QStringLiteral("http")};
        QTest::addRow("listen port zero") << QStringList{up, target, QStringLiteral("--listen"), QStringLiteral("0")};
        QTest::addRow("negative latency") << QStringList{up, target, QStringLiteral("--latency"), QStringLiteral("-1")};
        QTest::addRow("latency too long") << QStringList{up, target, QStringLiteral("--latency"), QStringLiteral("600001")};
        QTest::addRow("unknown option") << QStringList{up, target, QStringLiteral("--db"), QStringLiteral("x")};
        QTest::addRow("upstream twice") << QStringList{up, target, up, target};
        QTest::addRow("a positional") << QStringList{QStringLiteral("fault-proxy"), up, target};
    }

    void badUsage()
    {
        QFETCH(QStringList, args);
        const Run r = runToEnd(args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
        QVERIFY(!r.json.value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY2(r.err.startsWith(QLatin1String("teller-faultproxy: ")), qPrintable(r.err));
    }

    void helpAndVersion()
    {
        const Run help = runToEnd({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.startsWith(QLatin1String("Usage: teller-faultproxy --upstream HOST:PORT")));
        for (const char *c : {"reset", "stall", "resume", "latency MS", "cut BYTES", "swallow N", "hold N", "stats", "quit"}) {
            const QString line = QStringLiteral("\n  ") + QString::fromLatin1(c) + u' ';
            QVERIFY2(help.out.contains(line), c);
        }
        const Run version = runToEnd({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("teller-faultproxy " TELLER_VERSION));
    }
};

QTEST_GUILESS_MAIN(TestTellerFaultProxy)
#include "tst_teller_faultproxy.moc"
