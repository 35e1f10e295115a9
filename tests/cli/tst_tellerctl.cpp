// tellerctl's contract: one JSON object on stdout, the documented exit codes, bad input
// refused with a message and no change.
#include "FaultProxy.h"
#include "PgTestServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/types.h>

using namespace teller;

namespace {
struct Run
{
    int exitCode = -1;
    QJsonObject json;
    QString out;
    QString err;
};
} // namespace

class TestTellerctl : public QObject
{
    Q_OBJECT

    QString m_db;
    QTemporaryDir m_journalDir;

    // Whether a process runs: it exists and is not a zombie (a daemon's zombie may linger
    // where the container's init does not reap).
    static bool processRuns(qint64 pid)
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray text = stat.readAll();
        const qsizetype afterName = text.lastIndexOf(')'); // "pid (name) state ..."
        return afterName > 0 && text.mid(afterName + 2, 1) != "Z";
    }

    Run tellerctl(const QStringList &args, const QString &login = QStringLiteral("t_teller1"), const QByteArray &input = {},
                  bool withConnection = true, const QProcessEnvironment &extra = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (withConnection) {
            const ConnectionSettings s = login.isEmpty() ? PgTestServer::instance().superuser(m_db)
                                                         : PgTestServer::instance().staff(m_db, login);
            env.insert(QStringLiteral("PGHOST"), s.value(QStringLiteral("host")));
            env.insert(QStringLiteral("PGPORT"), s.value(QStringLiteral("port")));
            env.insert(QStringLiteral("PGDATABASE"), s.value(QStringLiteral("dbname")));
            env.insert(QStringLiteral("PGUSER"), s.value(QStringLiteral("user")));
            env.insert(QStringLiteral("PGPASSWORD"), s.value(QStringLiteral("password")));
            env.insert(QStringLiteral("PGSSLMODE"), QStringLiteral("disable"));
        }
        env.insert(QStringLiteral("TELLER_WORKSTATION"), QStringLiteral("cli-test"));
        env.insert(QStringLiteral("TELLER_JOURNAL"), m_journalDir.filePath(QStringLiteral("journal.sqlite")));
        env.insert(extra);
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TELLERCTL", QStringLiteral("tellerctl")), args);
        if (!input.isEmpty()) {
            p.write(input);
            p.closeWriteChannel();
        }
        Run r;
        if (!p.waitForFinished(60000)) {
            p.kill();
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

    // A fingerprint of everything that matters: changes if any money or record moved.
    QString state()
    {
        Sql sql(m_db);
        return sql
            .value(QStringLiteral("SELECT format('%s/%s/%s/%s', (SELECT count(*) FROM teller.operations), "
                                  "(SELECT count(*) FROM teller.ledger_entries), (SELECT sum(balance) FROM teller.accounts), "
                                  "(SELECT sum(held) FROM teller.accounts))"))
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("TELLERCTL"), "run through ctest: TELLERCTL names the binary");
        m_db = PgTestServer::instance().createDatabase();
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("10000001"), 100000);
        sql.openAccount(QStringLiteral("10000002"), 5000);
        sql.openAccount(QStringLiteral("40000001"), 250000, QStringLiteral("JPY"));
    }

    void cleanupTestCase()
    {
        Sql sql(m_db);
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void helpAndVersion()
    {
        const Run help = tellerctl({QStringLiteral("--help")}, {}, {}, false);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("withdraw --account")));
        const Run version = tellerctl({QStringLiteral("--version")}, {}, {}, false);
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("tellerctl " TELLER_VERSION));
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString w = QStringLiteral("withdraw"), acc = QStringLiteral("--account"), amt = QStringLiteral("--amount");
        const QString a1 = QStringLiteral("10000001");
        for (const char *amount : {"-5", "0", "0.00", "-0.01", "1e3", "abc", "12.345", "", " ", "1,2", "12.", "--5",
                                   "99999999999999999999", "100000000000000.00", "0x10", "NaN", "1.2.3"})
            QTest::addRow("amount '%s'", amount) << QStringList{w, acc, a1, amt, QString::fromLatin1(amount)};
        QTest::addRow("JPY with decimals") << QStringList{w, acc, QStringLiteral("40000001"), amt, QStringLiteral("100.5")};
        for (const char *key : {"not-a-uuid", "00000000-0000-0000-0000-000000000000", "{0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d}",
                                "0190a6f28f4e7c3a9b1d2e5f6a7b8c9d", "0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9z", ""})
            QTest::addRow("key '%s'", key) << QStringList{
                w, acc, a1, amt, QStringLiteral("5"), QStringLiteral("--key"), QString::fromLatin1(key)};
        QTest::addRow("account punctuation") << QStringList{w, acc, QStringLiteral("1000-0001!"), amt, QStringLiteral("5")};
        QTest::addRow("account too long") << QStringList{w, acc, QString(40, u'1'), amt, QStringLiteral("5")};
        QTest::addRow("garbage conninfo") << QStringList{QStringLiteral("--db"), QStringLiteral("garbage"), w, acc, a1, amt,
                                                         QStringLiteral("5")};
        QTest::addRow("conninfo bad port") << QStringList{QStringLiteral("--db"), QStringLiteral("port=abc"), w, acc, a1, amt,
                                                          QStringLiteral("5")};
        QTest::addRow("conninfo bad sslmode") << QStringList{QStringLiteral("--db"), QStringLiteral("sslmode=bogus"), w, acc, a1, amt,
                                                             QStringLiteral("5")};
        QTest::addRow("conninfo unknown keyword")
            << QStringList{QStringLiteral("--db"), QStringLiteral("hots=x"), w, acc, a1, amt, QStringLiteral("5")};
        QTest::addRow("unknown option") << QStringList{w, acc, a1, QStringLiteral("--amout"), QStringLiteral("5")};
        QTest::addRow("missing amount") << QStringList{w, acc, a1};
        QTest::addRow("transfer to itself") << QStringList{
            QStringLiteral("transfer"), QStringLiteral("--from"), a1, QStringLiteral("--to"), a1, amt, QStringLiteral("5")};
        QTest::addRow("option of another command")
            << QStringList{w, acc, a1, amt, QStringLiteral("5"), QStringLiteral("--holder"), QStringLiteral("x")};
        QTest::addRow("retries not a number") << QStringList{QStringLiteral("--retries"), QStringLiteral("x"), w, acc, a1, amt,
                                                             QStringLiteral("5")};
        QTest::addRow("negative retries") << QStringList{QStringLiteral("--retries"), QStringLiteral("-1"), w, acc, a1, amt,
                                                         QStringLiteral("5")};
        QTest::addRow("zero timeout") << QStringList{QStringLiteral("--timeout"), QStringLiteral("0"), w, acc, a1, amt,
                                                     QStringLiteral("5")};
        QTest::addRow("bad isolation") << QStringList{
            QStringLiteral("--isolation"), QStringLiteral("chaos"), w, acc, a1, amt, QStringLiteral("5")};
        QTest::addRow("bad workstation") << QStringList{
            QStringLiteral("--workstation"), QStringLiteral("a b;c"), w, acc, a1, amt, QStringLiteral("5")};
        QTest::addRow("unknown command") << QStringList{QStringLiteral("payout")};
        QTest::addRow("no command") << QStringList{};
        QTest::addRow("status bad key") << QStringList{QStringLiteral("status"), QStringLiteral("12345")};
    }

    void badInputChangesNothing()
    {
        QFETCH(QStringList, args);
        const QString before = state();
        const Run r = tellerctl(args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
        QVERIFY(!r.json.value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY2(r.err.contains(QLatin1String("tellerctl: ")), qPrintable(r.err));
        QCOMPARE(state(), before);
    }

    void unknownAccountIsRejected()
    {
        const QString before = state();
        const Run r = tellerctl({QStringLiteral("withdraw"), QStringLiteral("--account"), QStringLiteral("99999999"),
                                 QStringLiteral("--amount"), QStringLiteral("10")});
        QCOMPARE(r.exitCode, 11);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(r.json.value(QStringLiteral("reason")).toString(), QStringLiteral("unknown_account"));
        QVERIFY(r.json.value(QStringLiteral("balance_after")).isNull());
        Sql sql(m_db);
        // Money did not move; only the rejection was recorded under its key.
        QCOMPARE(state().section(u'/', 1), before.section(u'/', 1));

        const Run show = tellerctl({QStringLiteral("account"), QStringLiteral("show"), QStringLiteral("99999999")});
        QCOMPARE(show.exitCode, 11);
        QCOMPARE(show.json.value(QStringLiteral("reason")).toString(), QStringLiteral("unknown_account"));
    }

    void withdrawalReplayAndKeyReuse()
    {
        const QString key = IdempotencyKey::generate().toString();
        const QStringList args{QStringLiteral("withdraw"),
                               QStringLiteral("--account"),
                               QStringLiteral("10000001"),
                               QStringLiteral("--amount"),
                               QStringLiteral("7"),
                               QStringLiteral("--key"),
                               key};
        const Run first = tellerctl(args);
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(first.json.value(QStringLiteral("key")).toString(), key);
        QCOMPARE(first.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(first.json.value(QStringLiteral("replayed")).toBool(true), false);
        QVERIFY(first.json.value(QStringLiteral("reason")).isNull());
        QCOMPARE(first.json.value(QStringLiteral("amount")).toString(), QStringLiteral("7.00"));
        QCOMPARE(first.json.value(QStringLiteral("balance_after")).toString(), QStringLiteral("993.00"));
        QCOMPARE(first.json.value(QStringLiteral("attempts")).toInt(), 1);
        QCOMPARE(first.json.value(QStringLiteral("workstation")).toString(), QStringLiteral("cli-test"));

        const Run again = tellerctl(args);
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.json.value(QStringLiteral("replayed")).toBool(false), true);
        QCOMPARE(again.json.value(QStringLiteral("balance_after")).toString(), QStringLiteral("993.00"));

        QStringList reused = args;
        reused[4] = QStringLiteral("8");
        const Run r = tellerctl(reused);
        QCOMPARE(r.exitCode, 12);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("key_reused"));
        Sql sql(m_db);
        QCOMPARE(sql.balance(QStringLiteral("10000001")), qint64(99300));

        const Run status = tellerctl({QStringLiteral("status"), key});
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(status.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const Run unknown = tellerctl({QStringLiteral("status"), IdempotencyKey::generate().toString()});
        QCOMPARE(unknown.exitCode, 15);
        QCOMPARE(unknown.json.value(QStringLiteral("status")).toString(), QStringLiteral("unknown"));
    }

    void rejectionsAndOtherKinds()
    {
        const Run broke = tellerctl({QStringLiteral("withdraw"), QStringLiteral("--account"), QStringLiteral("10000002"),
                                     QStringLiteral("--amount"), QStringLiteral("50.01")});
        QCOMPARE(broke.exitCode, 11);
        QCOMPARE(broke.json.value(QStringLiteral("reason")).toString(), QStringLiteral("insufficient_funds"));

        const Run deposit = tellerctl({QStringLiteral("deposit"), QStringLiteral("--account"), QStringLiteral("10000002"),
                                       QStringLiteral("--amount"), QStringLiteral("1,000.5")});
        QCOMPARE(deposit.exitCode, 0);
        QCOMPARE(deposit.json.value(QStringLiteral("balance_after")).toString(), QStringLiteral("1050.50"));

        const Run transfer = tellerctl({QStringLiteral("transfer"), QStringLiteral("--from"), QStringLiteral("10000002"),
                                        QStringLiteral("--to"), QStringLiteral("10000001"), QStringLiteral("--amount"),
                                        QStringLiteral("0.50")});
        QCOMPARE(transfer.exitCode, 0);
        QCOMPARE(transfer.json.value(QStringLiteral("balance_after")).toString(), QStringLiteral("1050.00"));
        QCOMPARE(transfer.json.value(QStringLiteral("counter_account")).toString(), QStringLiteral("10000001"));

        const Run yen = tellerctl({QStringLiteral("withdraw"), QStringLiteral("--account"), QStringLiteral("40000001"),
                                   QStringLiteral("--amount"), QStringLiteral("1000")});
        QCOMPARE(yen.exitCode, 0);
        QCOMPARE(yen.json.value(QStringLiteral("balance_after")).toString(), QStringLiteral("249000"));
        QCOMPARE(yen.json.value(QStringLiteral("currency")).toString(), QStringLiteral("JPY"));

        const Run mismatch = tellerctl({QStringLiteral("transfer"), QStringLiteral("--from"), QStringLiteral("40000001"),
                                        QStringLiteral("--to"), QStringLiteral("10000001"), QStringLiteral("--amount"),
                                        QStringLiteral("10")});
        QCOMPARE(mismatch.exitCode, 11);
        QCOMPARE(mismatch.json.value(QStringLiteral("reason")).toString(), QStringLiteral("currency_mismatch"));
    }

    void aboveTheLimitWaitsForApproval()
    {
        const Run r = tellerctl({QStringLiteral("withdraw"), QStringLiteral("--account"), QStringLiteral("10000001"),
                                 QStringLiteral("--amount"), QStringLiteral("100.01")},
                                QStringLiteral("t_limited"));
        QCOMPARE(r.exitCode, 10);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending_approval"));
        const Run show = tellerctl({QStringLiteral("account"), QStringLiteral("show"), QStringLiteral("10000001")});
        QCOMPARE(show.json.value(QStringLiteral("held")).toString(), QStringLiteral("100.01"));
        QCOMPARE(
            show.json.value(QStringLiteral("available")).toString(),
            Money(Money::parseCanonical(show.json.value(QStringLiteral("balance")).toString(), *Currency::fromCode(u"EUR"))->minorUnits()
                      - 10001,
                  *Currency::fromCode(u"EUR"))
                .toCanonical());
        const Run within = tellerctl({QStringLiteral("withdraw"), QStringLiteral("--account"), QStringLiteral("10000001"),
                                      QStringLiteral("--amount"), QStringLiteral("100.00")},
                                     QStringLiteral("t_limited"));
        QCOMPARE(within.exitCode, 0);
    }

    void busyAndInDoubt()
    {
        Sql holder(m_db);
        SQL_VERIFY(holder, QStringLiteral("BEGIN"));
        SQL_VERIFY(holder, QStringLiteral("SELECT 1 FROM teller.accounts WHERE number = '10000001' FOR UPDATE"));
        const Run busy = tellerctl({QStringLiteral("--retries"), QStringLiteral("1"), QStringLiteral("--lock-timeout"),
                                    QStringLiteral("200"), QStringLiteral("withdraw"), QStringLiteral("--account"),
                                    QStringLiteral("10000001"), QStringLiteral("--amount"), QStringLiteral("1")});
        SQL_VERIFY(holder, QStringLiteral("ROLLBACK"));
        QCOMPARE(busy.exitCode, 13);
        QCOMPARE(busy.json.value(QStringLiteral("status")).toString(), QStringLiteral("busy"));
        QCOMPARE(busy.json.value(QStringLiteral("attempts")).toInt(), 2);
        QVERIFY2(busy.err.contains(QLatin1String("retrying, attempt 2 of 2")), qPrintable(busy.err));

        // The server goes away between the account lookup and the action: not confirmed.
        const QString key = IdempotencyKey::generate().toString();
        const Run down = tellerctl(
            {QStringLiteral("--db"), QStringLiteral("host=127.0.0.1 port=1 connect_timeout=2"), QStringLiteral("status"), key});
        QCOMPARE(down.exitCode, 1); // cannot connect at all: nothing to say about the key
        QCOMPARE(down.json.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
    }

    void lostCommitAnswerIsInDoubt()
    {
        // Through the fault proxy, with one attempt only: the server commits the withdrawal but
        // its answer never arrives, so tellerctl cannot know: in_doubt, exit 14. The same key
        // then tells the truth, and the journal entry is closed.
        FaultProxy proxy(QStringLiteral("127.0.0.1"), quint16(PgTestServer::instance().server().port()));
        QVERIFY(proxy.start());
        const QString conninfo =
            QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=t_teller1 sslmode=disable").arg(proxy.port()).arg(m_db);
        // A journal for each case: a money command first reconciles its journal's open entries,
        // and that must not happen through the faults set up for the next case.
        const QString journal1 = m_journalDir.filePath(QStringLiteral("in-doubt-1.sqlite"));
        const QString journal2 = m_journalDir.filePath(QStringLiteral("in-doubt-2.sqlite"));
        const auto common = [&](const QString &journal) {
            return QStringList{QStringLiteral("--db"), conninfo, QStringLiteral("--journal"), journal};
        };
        Sql sql(m_db);
        const qint64 before = sql.balance(QStringLiteral("10000001"));
        const auto operations = [&](const QString &key) {
            return sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid"), {key});
        };

        // 1. The COMMIT's answer is thrown away and the connection cut.
        const QString swallowed = IdempotencyKey::generate().toString();
        proxy.swallowCommitAnswers(1);
        const Run lost = tellerctl(common(journal1)
                                   + QStringList{QStringLiteral("--retries"), QStringLiteral("0"), QStringLiteral("--timeout"),
                                                 QStringLiteral("5"), QStringLiteral("withdraw"), QStringLiteral("--account"),
                                                 QStringLiteral("10000001"), QStringLiteral("--amount"), QStringLiteral("2.00"),
                                                 QStringLiteral("--key"), swallowed});
        QCOMPARE(proxy.stats().swallowedCommits, 1);
        QVERIFY2(lost.exitCode == 14, qPrintable(lost.out + lost.err));
        QCOMPARE(lost.json.value(QStringLiteral("status")).toString(), QStringLiteral("in_doubt"));
        QCOMPARE(lost.json.value(QStringLiteral("key")).toString(), swallowed);
        QCOMPARE(lost.json.value(QStringLiteral("attempts")).toInt(), 1);
        QCOMPARE(operations(swallowed), qint64(1)); // it did happen, once
        QCOMPARE(sql.balance(QStringLiteral("10000001")), before - 200);

        // 2. The COMMIT's answer is held back and the connection stays open: the short --timeout
        //    bounds the wait, and the answer is again in_doubt.
        const QString held = IdempotencyKey::generate().toString();
        proxy.holdCommitAnswers(1);
        QElapsedTimer timer;
        timer.start();
        const Run stuck = tellerctl(common(journal2)
                                    + QStringList{QStringLiteral("--retries"), QStringLiteral("0"), QStringLiteral("--timeout"),
                                                  QStringLiteral("2"), QStringLiteral("withdraw"), QStringLiteral("--account"),
                                                  QStringLiteral("10000001"), QStringLiteral("--amount"), QStringLiteral("3.00"),
                                                  QStringLiteral("--key"), held});
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(proxy.stats().heldCommits, 1);
        QVERIFY2(stuck.exitCode == 14, qPrintable(stuck.out + stuck.err));
        QCOMPARE(stuck.json.value(QStringLiteral("status")).toString(), QStringLiteral("in_doubt"));
        // The budget (2 s, which also caps the statement's deadline) plus process start and
        // the journal's reconciliation, with room for a loaded machine; never a hang.
        QVERIFY2(elapsed < 15000, qPrintable(QString::number(elapsed)));
        QCOMPARE(operations(held), qint64(1));

        // 3. Each key is still open in its journal; asking with the same key settles it.
        for (const auto &[journal, key] : {std::pair{journal1, swallowed}, std::pair{journal2, held}}) {
            const Run open = tellerctl({QStringLiteral("--journal"), journal, QStringLiteral("journal"), QStringLiteral("list")});
            QCOMPARE(open.exitCode, 0);
            const QJsonArray entries = open.json.value(QStringLiteral("open")).toArray();
            QCOMPARE(entries.size(), 1);
            QCOMPARE(entries.first().toObject().value(QStringLiteral("key")).toString(), key);
            const Run status = tellerctl(common(journal) + QStringList{QStringLiteral("status"), key});
            QVERIFY2(status.exitCode == 0, qPrintable(status.out + status.err));
            QCOMPARE(status.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
            QCOMPARE(operations(key), qint64(1));
            const Run closed = tellerctl({QStringLiteral("--journal"), journal, QStringLiteral("journal"), QStringLiteral("list")});
            QCOMPARE(closed.json.value(QStringLiteral("open")).toArray().size(), 0);
        }
        QCOMPARE(sql.balance(QStringLiteral("10000001")), before - 500);
    }

    void demoStartThenStop()
    {
        // tellerctl demo start into a directory of its own, then demo stop: the server must
        // really be gone afterwards. The directory's name only survives eval if every value
        // of --shell is quoted.
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        // As root the server runs as the postgres user, which must reach its directory.
        QVERIFY(QFile::setPermissions(tmp.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                      | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        // (No $(…), backquote or ' here: pg_ctl itself passes the log file's path through
        // /bin/sh in double quotes, and postgresql.conf takes the socket directory in single
        // quotes; an unquoted eval would run "touch injected" all the same.)
        const QString base = tmp.filePath(QStringLiteral("demo dir; touch injected & x"));
        QProcessEnvironment demoEnv;
        demoEnv.insert(QStringLiteral("TELLER_DEMO_DIR"), base);
        const QString pidFile = base + QStringLiteral("/data/postmaster.pid");

        // Whatever fails below, no server is left running.
        qint64 pid = 0;
        const auto stopLeftover = qScopeGuard([&] {
            if (processRuns(pid)) {
                ::kill(pid_t(pid), SIGINT); // a fast shutdown
                for (int i = 0; i < 300 && processRuns(pid); ++i)
                    QThread::msleep(100);
            }
        });

        const Run start = tellerctl({QStringLiteral("demo"), QStringLiteral("start"), QStringLiteral("--shell")}, {}, {}, false,
                                    demoEnv);
        {
            QFile f(pidFile);
            if (f.open(QIODevice::ReadOnly))
                pid = f.readLine().trimmed().toLongLong();
        }
        QVERIFY2(start.exitCode == 0, qPrintable(start.out + start.err));
        QVERIFY2(processRuns(pid), qPrintable(QStringLiteral("no running postmaster: pid %1").arg(pid)));
        for (const QString &line : start.out.split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(line.startsWith(QLatin1String("export PG")), qPrintable(line));

        // eval in a real shell: the values arrive as they are, and nothing in them runs.
        QProcess shell;
        shell.setWorkingDirectory(tmp.path());
        shell.start(QStringLiteral("bash"), {QStringLiteral("-c"),
                                             QStringLiteral("eval \"$1\" && printf '%s\\n' \"$PGHOST\" \"$PGPORT\" \"$PGDATABASE\" "
                                                            "\"$PGUSER\" \"$PGSSLMODE\""),
                                             QStringLiteral("bash"), start.out});
        QVERIFY(shell.waitForFinished(10000));
        QCOMPARE(shell.exitCode(), 0);
        const QStringList values = QString::fromUtf8(shell.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(values.size(), 5);
        QCOMPARE(values.at(0), base + QStringLiteral("/socket"));
        QVERIFY(values.at(1).toInt() > 0);
        QCOMPARE(values.at(4), QStringLiteral("disable"));
        QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("injected"))));

        // The exported settings reach the demo server as its teller.
        const QString quoted = QStringLiteral("eval \"$1\" && exec \"$2\" status %1").arg(IdempotencyKey::generate().toString());
        QProcess client;
        QProcessEnvironment clientEnv = QProcessEnvironment::systemEnvironment();
        clientEnv.insert(QStringLiteral("TELLER_JOURNAL"), tmp.filePath(QStringLiteral("journal.sqlite")));
        client.setProcessEnvironment(clientEnv);
        client.start(QStringLiteral("bash"),
                     {QStringLiteral("-c"), quoted, QStringLiteral("bash"), start.out, qEnvironmentVariable("TELLERCTL")});
        QVERIFY(client.waitForFinished(60000));
        QVERIFY2(client.exitCode() == 15, // the key is unknown: the server was reached and asked
                 qPrintable(QString::fromUtf8(client.readAllStandardOutput() + client.readAllStandardError())));

        const Run stop = tellerctl({QStringLiteral("demo"), QStringLiteral("stop")}, {}, {}, false, demoEnv);
        QVERIFY2(stop.exitCode == 0, qPrintable(stop.out + stop.err));
        QCOMPARE(stop.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QVERIFY2(!QFileInfo::exists(pidFile), "postmaster.pid is still there after demo stop");
        QTRY_VERIFY2_WITH_TIMEOUT(!processRuns(pid), "the postmaster still runs after demo stop", 10000);
    }

    void administration()
    {
        const Run open = tellerctl({QStringLiteral("account"), QStringLiteral("open"), QStringLiteral("5550001"),
                                    QStringLiteral("--holder"), QStringLiteral("Jörg Müller"), QStringLiteral("--floor"),
                                    QStringLiteral("-250.00")},
                                   QStringLiteral("t_admin"));
        QCOMPARE(open.exitCode, 0);
        QCOMPARE(open.json.value(QStringLiteral("floor")).toString(), QStringLiteral("-250.00"));
        QCOMPARE(open.json.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
        QCOMPARE(open.json.value(QStringLiteral("holder")).toString(), QStringLiteral("Jörg Müller"));

        const Run tellerOpens = tellerctl({QStringLiteral("account"), QStringLiteral("open"), QStringLiteral("5550002"),
                                           QStringLiteral("--holder"), QStringLiteral("X")});
        QCOMPARE(tellerOpens.exitCode, 1);
        QCOMPARE(tellerOpens.json.value(QStringLiteral("sqlstate")).toString(), QStringLiteral("42501"));

        QCOMPARE(tellerctl({QStringLiteral("account"), QStringLiteral("freeze"), QStringLiteral("5550001")}, QStringLiteral("t_admin"))
                     .exitCode,
                 0);
        QCOMPARE(tellerctl({QStringLiteral("deposit"), QStringLiteral("--account"), QStringLiteral("5550001"),
                            QStringLiteral("--amount"), QStringLiteral("10")})
                     .exitCode,
                 0); // money may still come in
        const Run frozen = tellerctl({QStringLiteral("withdraw"), QStringLiteral("--account"), QStringLiteral("5550001"),
                                      QStringLiteral("--amount"), QStringLiteral("1")});
        QCOMPARE(frozen.exitCode, 11);
        QCOMPARE(frozen.json.value(QStringLiteral("reason")).toString(), QStringLiteral("account_frozen"));
        const Run close = tellerctl({QStringLiteral("account"), QStringLiteral("close"), QStringLiteral("5550001")},
                                    QStringLiteral("t_admin"));
        QCOMPARE(close.exitCode, 1);
        QVERIFY2(close.json.value(QStringLiteral("message")).toString().contains(QLatin1String("still holds money")),
                 qPrintable(close.out));
        QCOMPARE(tellerctl({QStringLiteral("account"), QStringLiteral("unfreeze"), QStringLiteral("5550001")}, QStringLiteral("t_admin"))
                     .exitCode,
                 0);

        // A new teller, with a password from stdin, who can then work.
        const Run staff = tellerctl({QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("cli_new_teller"),
                                     QStringLiteral("--role"), QStringLiteral("teller"), QStringLiteral("--limit"),
                                     QStringLiteral("250"), QStringLiteral("--password-stdin")},
                                    QStringLiteral("t_admin"), "s3cret-enough\n");
        QCOMPARE(staff.exitCode, 0);
        QCOMPARE(staff.json.value(QStringLiteral("approval_limit")).toString(), QStringLiteral("250.00"));
        QVERIFY(!staff.out.contains(QLatin1String("s3cret")));
        Sql sql(m_db);
        QVERIFY(sql.value(QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = 'cli_new_teller'"))
                    .toString()
                    .startsWith(QLatin1String("SCRAM-SHA-256$")));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const ConnectionSettings s = PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1"));
        env.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("s3cret-enough"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TELLERCTL"), {QStringLiteral("--db"),
                                                    QStringLiteral("host=%1 port=%2 dbname=%3 user=cli_new_teller sslmode=disable")
                                                        .arg(s.value(QStringLiteral("host")), s.value(QStringLiteral("port")), m_db),
                                                    QStringLiteral("deposit"), QStringLiteral("--account"), QStringLiteral("5550001"),
                                                    QStringLiteral("--amount"), QStringLiteral("1")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);

        QCOMPARE(tellerctl({QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--role"),
                            QStringLiteral("boss")},
                           QStringLiteral("t_admin"))
                     .exitCode,
                 2);
        QCOMPARE(tellerctl({QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("Bad Name"), QStringLiteral("--role"),
                            QStringLiteral("teller")},
                           QStringLiteral("t_admin"))
                     .exitCode,
                 2);
    }

    void importAccountsAllOrNothing()
    {
        const auto write = [&](const char *name, const QByteArray &content) {
            const QString path = m_journalDir.filePath(QString::fromLatin1(name));
            QFile f(path);
            f.open(QIODevice::WriteOnly);
            f.write(content);
            return path;
        };
        Sql sql(m_db);
        const qint64 before = sql.count(QStringLiteral("SELECT count(*) FROM teller.accounts"));
        const QString good = write("good.csv", "number,holder,currency,floor\n"
                                               "DE 7001,\"Schmidt, Anna\",EUR,-100.00\n"
                                               "7002,\"Café \"\"Zur Post\"\"\",eur,\n"
                                               "\n"
                                               "7003,Yamada Taro,JPY,0\n");
        const Run first = tellerctl({QStringLiteral("account"), QStringLiteral("import"), good}, QStringLiteral("t_admin"));
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(first.json.value(QStringLiteral("opened")).toInt(), 3);
        QCOMPARE(sql.value(QStringLiteral("SELECT holder FROM teller.accounts WHERE number = 'DE7001'")).toString(),
                 QStringLiteral("Schmidt, Anna"));
        QCOMPARE(sql.value(QStringLiteral("SELECT holder FROM teller.accounts WHERE number = '7002'")).toString(),
                 QStringLiteral("Café \"Zur Post\""));
        QCOMPARE(sql.count(QStringLiteral("SELECT balance_floor FROM teller.accounts WHERE number = 'DE7001'")), qint64(-10000));
        const Run again = tellerctl({QStringLiteral("account"), QStringLiteral("import"), good}, QStringLiteral("t_admin"));
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.json.value(QStringLiteral("opened")).toInt(), 0);
        QCOMPARE(again.json.value(QStringLiteral("already_open")).toInt(), 3);

        const QString bad = write("bad.csv", "7101,Good Row,EUR,0\n7102,Bad Currency,XYZ,0\n7103,Never,EUR,0\n");
        const Run refused = tellerctl({QStringLiteral("account"), QStringLiteral("import"), bad}, QStringLiteral("t_admin"));
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.json.value(QStringLiteral("message")).toString().startsWith(QLatin1String("Line 2:")), qPrintable(refused.out));
        const QString clash = write("clash.csv", "7201,New Row,EUR,0\n7002,Somebody Else,EUR,0\n");
        const Run conflict = tellerctl({QStringLiteral("account"), QStringLiteral("import"), clash}, QStringLiteral("t_admin"));
        QCOMPARE(conflict.exitCode, 2);
        QVERIFY2(conflict.json.value(QStringLiteral("message")).toString().startsWith(QLatin1String("Line 2:")),
                 qPrintable(conflict.out));
        for (const char *line : {"7101,x,EUR,1.00\n", "7101,x,EUR,0.001\n", "7101,,EUR,0\n", "7101,a,EUR,0,extra,more\n",
                                 "7101,\"unclosed,EUR,0\n", "71-01,x,EUR,0\n", "7101,x,EUR,0\n7101,y,EUR,0\n", ""}) {
            const QString path = write("row.csv", QByteArray(line));
            const Run r = tellerctl({QStringLiteral("account"), QStringLiteral("import"), path}, QStringLiteral("t_admin"));
            QVERIFY2(r.exitCode == 2, line);
        }
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.accounts")), before + 3);
        QCOMPARE(tellerctl({QStringLiteral("account"), QStringLiteral("import"), good}).exitCode, 1); // a teller may not
    }

    void supervisorsDecideFromTheCommandLine()
    {
        const QString key = IdempotencyKey::generate().toString();
        const Run pending = tellerctl({QStringLiteral("withdraw"), QStringLiteral("--account"), QStringLiteral("10000001"),
                                       QStringLiteral("--amount"), QStringLiteral("150.00"), QStringLiteral("--key"), key},
                                      QStringLiteral("t_limited"));
        QCOMPARE(pending.exitCode, 10);
        const Run list = tellerctl({QStringLiteral("pending"), QStringLiteral("list")}, QStringLiteral("t_super"));
        QCOMPARE(list.exitCode, 0);
        bool listed = false;
        for (const QJsonValue &v : list.json.value(QStringLiteral("pending")).toArray())
            listed = listed || v.toObject().value(QStringLiteral("key")).toString() == key;
        QVERIFY2(listed, qPrintable(list.out));
        // A teller may not decide; a rejection needs a reason.
        QCOMPARE(tellerctl({QStringLiteral("pending"), QStringLiteral("approve"), key}, QStringLiteral("t_teller1")).exitCode, 1);
        QCOMPARE(tellerctl({QStringLiteral("pending"), QStringLiteral("reject"), key}, QStringLiteral("t_super")).exitCode, 2);
        const Run approved = tellerctl(
            {QStringLiteral("pending"), QStringLiteral("approve"), key, QStringLiteral("--note"), QStringLiteral("ID checked")},
            QStringLiteral("t_super"));
        QCOMPARE(approved.exitCode, 0);
        QCOMPARE(approved.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(approved.json.value(QStringLiteral("decided_now")).toBool(), true);
        const Run late = tellerctl(
            {QStringLiteral("pending"), QStringLiteral("reject"), key, QStringLiteral("--reason"), QStringLiteral("too late")},
            QStringLiteral("t_super2"));
        QCOMPARE(late.exitCode, 18);
        QCOMPARE(late.json.value(QStringLiteral("decided_by")).toString(), QStringLiteral("t_super"));
        const Run status = tellerctl({QStringLiteral("status"), key}, QStringLiteral("t_limited"));
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(status.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    }

    void migrateTwiceAndCheck()
    {
        const Run m = tellerctl({QStringLiteral("migrate")}, QString());
        QCOMPARE(m.exitCode, 0);
        QCOMPARE(m.json.value(QStringLiteral("applied")).toArray().size(), 0);
        QCOMPARE(m.json.value(QStringLiteral("from_version")).toInt(), m.json.value(QStringLiteral("schema_version")).toInt());
        const Run c = tellerctl({QStringLiteral("check")}, QStringLiteral("t_super"));
        QCOMPARE(c.exitCode, 0);
        QCOMPARE(c.json.value(QStringLiteral("violations")).toArray().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTellerctl)
#include "tst_tellerctl.moc"
