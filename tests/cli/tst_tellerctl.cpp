// tellerctl's contract: one JSON object on stdout, the documented exit codes, bad input
// refused with a message and no change.
#include "FaultProxy.h"
#include "Journal.h"
#include "PgTestServer.h"

#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
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

    // A teller of the test's own, made through tellerctl staff add with the fixture's password:
    // a fresh login has no till yet, whatever the fixture gives the standard staff.
    // A new teller as a bank adds one: one admin asks, the other approves, the teller then
    // chooses their own password (the one an admin set moves no money).
    bool addTeller(const QString &login)
    {
        const QByteArray password = QString::fromUtf16(PgTestServer::Password).toUtf8() + '\n';
        const Run r = tellerctl({QStringLiteral("staff"), QStringLiteral("add"), login, QStringLiteral("--role"),
                                 QStringLiteral("teller"), QStringLiteral("--limit"), QStringLiteral("unlimited"),
                                 QStringLiteral("--password-stdin")},
                                QStringLiteral("t_admin"), password);
        if (r.exitCode != 10) {
            qWarning("staff add %s: %s %s", qPrintable(login), qPrintable(r.out), qPrintable(r.err));
            return false;
        }
        const QString change = QString::number(r.json.value(QStringLiteral("change")).toInteger());
        const Run approved = tellerctl({QStringLiteral("staff"), QStringLiteral("approve"), change}, QStringLiteral("t_admin2"));
        if (approved.exitCode != 0) {
            qWarning("staff approve %s: %s %s", qPrintable(change), qPrintable(approved.out), qPrintable(approved.err));
            return false;
        }
        const Run own = tellerctl({QStringLiteral("password"), QStringLiteral("--password-stdin")}, login, password);
        if (own.exitCode != 0)
            qWarning("password %s: %s %s", qPrintable(login), qPrintable(own.out), qPrintable(own.err));
        return own.exitCode == 0;
    }

    // Opens `login`'s till in `currency` with the cash the book says, unless it is open already.
    bool ensureTillOpen(const QString &login, const QString &currency)
    {
        const Run show = tellerctl({QStringLiteral("till"), QStringLiteral("show"), QStringLiteral("--currency"), currency}, login);
        if (show.exitCode != 0) {
            qWarning("till show: %s %s", qPrintable(show.out), qPrintable(show.err));
            return false;
        }
        if (show.json.value(QStringLiteral("status")).toString() == u"open")
            return true;
        const Run open = tellerctl({QStringLiteral("till"), QStringLiteral("open"), QStringLiteral("--currency"), currency,
                                    QStringLiteral("--counted"), show.json.value(QStringLiteral("cash")).toString()},
                                   login);
        if (open.exitCode != 0)
            qWarning("till open: %s %s", qPrintable(open.out), qPrintable(open.err));
        return open.exitCode == 0;
    }

    // The cash in the vault of the test staff's branch, in minor units of `currency`.
    qint64 vaultCash(const QString &currency = QStringLiteral("EUR"))
    {
        Sql sql(m_db);
        return sql.count(QStringLiteral("SELECT coalesce((SELECT balance FROM teller.accounts WHERE kind = 'vault' AND currency = ? "
                                        "AND branch_id = (SELECT branch_id FROM teller.staff WHERE login = 't_super')), 0)"),
                         {currency});
    }

    static QString eur(qint64 minor) { return Money(minor, *Currency::fromCode(u"EUR")).toCanonical(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("TELLERCTL"), "run through ctest: TELLERCTL names the binary");
        m_db = PgTestServer::instance().createDatabase();
        // Cash goes into a till: the opening deposits below (Sql::openAccount, made by
        // t_teller3) need t_teller3's tills open. Opened here unless the template has them open.
        for (const char *currency : {"EUR", "JPY"})
            QVERIFY(ensureTillOpen(QStringLiteral("t_teller3"), QString::fromLatin1(currency)));
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("10000001"), 100000);
        sql.openAccount(QStringLiteral("10000002"), 5000);
        // 250000 JPY is above JPY's large-cash threshold: paid in with the customer's identification.
        sql.openAccount(QStringLiteral("40000001"), 0, QStringLiteral("JPY"));
        const Run yen = tellerctl({QStringLiteral("deposit"), QStringLiteral("--account"), QStringLiteral("40000001"),
                                   QStringLiteral("--amount"), QStringLiteral("250000"), QStringLiteral("--id-type"),
                                   QStringLiteral("passport"), QStringLiteral("--id-number"), QStringLiteral("TK0000001")},
                                  QStringLiteral("t_teller3"));
        QVERIFY2(yen.exitCode == 0, qPrintable(yen.out + yen.err));
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

    // The journal names the database by what it is, not by the address it was reached through:
    // a withdrawal whose COMMIT answer was lost through one address (here the fault proxy's
    // port; a pooler, a host name, one host of a multi-host conninfo in the field) is settled by
    // a reconciliation through another, the server's own TCP port or its Unix socket.
    void aLostAnswerIsSettledThroughAnotherAddress_data()
    {
        QTest::addColumn<bool>("tcp");
        QTest::addRow("the server's TCP port") << true;
        QTest::addRow("the server's Unix socket") << false;
    }

    void aLostAnswerIsSettledThroughAnotherAddress()
    {
        QFETCH(bool, tcp);
        Sql sql(m_db);
        const QString account = QStringLiteral("30000001");
        if (sql.count(QStringLiteral("SELECT count(*) FROM teller.accounts WHERE number = ?"), {account}) == 0)
            sql.openAccount(account, 100000);
        const qint64 before = sql.balance(account);
        const QString identity = sql.value(QStringLiteral("SELECT teller.database_identity()::text")).toString();
        QVERIFY(!identity.isEmpty());

        FaultProxy proxy(QStringLiteral("127.0.0.1"), quint16(PgTestServer::instance().server().port()));
        QVERIFY(proxy.start());
        const QString viaProxy =
            QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=t_teller1 sslmode=disable").arg(proxy.port()).arg(m_db);
        const QString journal = m_journalDir.filePath(tcp ? QStringLiteral("other-address-tcp.sqlite")
                                                          : QStringLiteral("other-address-socket.sqlite"));
        const QString key = IdempotencyKey::generate().toString();
        proxy.swallowCommitAnswers(1);
        const Run lost = tellerctl({QStringLiteral("--db"), viaProxy, QStringLiteral("--journal"), journal, QStringLiteral("--retries"),
                                    QStringLiteral("0"), QStringLiteral("--timeout"), QStringLiteral("5"), QStringLiteral("withdraw"),
                                    QStringLiteral("--account"), account, QStringLiteral("--amount"), QStringLiteral("4.00"),
                                    QStringLiteral("--key"), key});
        QCOMPARE(proxy.stats().swallowedCommits, 1);
        QVERIFY2(lost.exitCode == 14, qPrintable(lost.out + lost.err));
        QCOMPARE(lost.json.value(QStringLiteral("status")).toString(), QStringLiteral("in_doubt"));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid"), {key}), qint64(1));

        // Through the other address, never through the proxy again.
        QStringList reconcile{QStringLiteral("--journal"), journal, QStringLiteral("reconcile")};
        if (tcp) {
            const ConnectionSettings direct = PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1"), true);
            reconcile = QStringList{QStringLiteral("--db"),
                                    QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=t_teller1 sslmode=disable")
                                        .arg(direct.value(QStringLiteral("port")), m_db)}
                        + reconcile;
        } // else tellerctl() connects through the Unix socket (PGHOST is its directory)
        const int connectionsBefore = proxy.stats().connections;
        const Run settled = tellerctl(reconcile);
        QCOMPARE(proxy.stats().connections, connectionsBefore);
        QVERIFY2(settled.exitCode == 0, qPrintable(settled.out + settled.err));
        QCOMPARE(settled.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const QJsonArray items = settled.json.value(QStringLiteral("items")).toArray();
        QVERIFY2(items.size() == 1, qPrintable(settled.out));
        const QJsonObject item = items.first().toObject();
        QCOMPARE(item.value(QStringLiteral("key")).toString(), key);
        QCOMPARE(item.value(QStringLiteral("database")).toString(), identity);
        QCOMPARE(item.value(QStringLiteral("now")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(settled.json.value(QStringLiteral("unresolved")).toInt(-1), 0);

        const Run list = tellerctl({QStringLiteral("--journal"), journal, QStringLiteral("journal"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.json.value(QStringLiteral("open")).toArray().size(), 0);
        QCOMPARE(sql.balance(account), before - 400); // once
    }

    // A journal written before Teller named databases by their identity keyed its entries by
    // the address (host:port/dbname). Reconciling through that address adopts them, so nothing
    // left in doubt before the upgrade is lost; an entry of another address stays as it was.
    void anOlderJournalsEntriesAreAdopted()
    {
        Sql sql(m_db);
        const QString account = QStringLiteral("30000001");
        if (sql.count(QStringLiteral("SELECT count(*) FROM teller.accounts WHERE number = ?"), {account}) == 0)
            sql.openAccount(account, 100000);
        const qint64 before = sql.balance(account);
        const QString identity = sql.value(QStringLiteral("SELECT teller.database_identity()::text")).toString();
        QVERIFY(!identity.isEmpty());
        const QString login = QStringLiteral("t_teller1");
        // The address tellerctl() reaches the database by (the Unix socket).
        const QString legacy = PgTestServer::instance().staff(m_db, login).databaseIdentity();
        const QString elsewhere = QStringLiteral("db.other-branch:5432/teller");
        const QString path = m_journalDir.filePath(QStringLiteral("older.sqlite"));

        // Carried out on the server, its answer lost (the older program left it in doubt) ...
        const Action done = makeAction(ActionKind::Withdrawal, account, 500);
        QCOMPARE(executeAs(m_db, login, done).status, OutcomeStatus::Completed);
        // ... never received by the server ...
        const Action neverSent = makeAction(ActionKind::Withdrawal, account, 600);
        // ... and one sent to another database.
        const Action other = makeAction(ActionKind::Withdrawal, account, 700);
        {
            Journal j(path);
            QVERIFY(j.open());
            for (const auto &[action, database] : {std::pair{done, legacy}, std::pair{neverSent, legacy}, std::pair{other, elsewhere}}) {
                QVERIFY(j.record(action, login, database, QStringLiteral("cli-test")));
                Outcome inDoubt;
                inDoubt.key = action.key;
                inDoubt.status = OutcomeStatus::InDoubt;
                QVERIFY(j.update(action.key, inDoubt));
            }
        }

        const Run r = tellerctl({QStringLiteral("--journal"), path, QStringLiteral("reconcile")}, login);
        QVERIFY2(r.exitCode == 14, qPrintable(r.out + r.err)); // the one never sent is unresolved
        QHash<QString, QJsonObject> items;
        for (const QJsonValue &v : r.json.value(QStringLiteral("items")).toArray())
            items.insert(v.toObject().value(QStringLiteral("key")).toString(), v.toObject());
        QCOMPARE(items.size(), 2);
        const auto now = [&](const Action &a) {
            return items.value(a.key.toString()).value(QStringLiteral("now")).toObject().value(QStringLiteral("status")).toString();
        };
        QCOMPARE(now(done), QStringLiteral("completed"));
        QCOMPARE(now(neverSent), QStringLiteral("unknown"));
        for (const QJsonObject &item : std::as_const(items))
            QCOMPARE(item.value(QStringLiteral("database")).toString(), identity);

        // Open now: the one never sent, under the identity, and the other database's, untouched.
        const Run list = tellerctl({QStringLiteral("--journal"), path, QStringLiteral("journal"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QHash<QString, QString> open;
        for (const QJsonValue &v : list.json.value(QStringLiteral("open")).toArray())
            open.insert(v.toObject().value(QStringLiteral("key")).toString(), v.toObject().value(QStringLiteral("database")).toString());
        QCOMPARE(open.size(), 2);
        QCOMPARE(open.value(neverSent.key.toString()), identity);
        QCOMPARE(open.value(other.key.toString()), elsewhere);

        // What the server never received is given up; the other database's entry stays.
        const Run abandoned = tellerctl({QStringLiteral("--journal"), path, QStringLiteral("reconcile"), QStringLiteral("--abandon")},
                                        login);
        QVERIFY2(abandoned.exitCode == 0, qPrintable(abandoned.out + abandoned.err));
        const Run after = tellerctl({QStringLiteral("--journal"), path, QStringLiteral("journal"), QStringLiteral("list")});
        const QJsonArray left = after.json.value(QStringLiteral("open")).toArray();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().toObject().value(QStringLiteral("key")).toString(), other.key.toString());
        QCOMPARE(sql.balance(account), before - 500);
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
        // Unfreezing needs a second person.
        const Run asked = tellerctl({QStringLiteral("account"), QStringLiteral("unfreeze"), QStringLiteral("5550001")},
                                    QStringLiteral("t_admin"));
        QCOMPARE(asked.exitCode, 10);
        QCOMPARE(asked.json.value(QStringLiteral("account_status")).toString(), QStringLiteral("frozen"));
        QCOMPARE(tellerctl({QStringLiteral("account"), QStringLiteral("unfreeze"), QStringLiteral("5550001")}, QStringLiteral("t_admin"))
                     .exitCode,
                 10);
        QCOMPARE(tellerctl({QStringLiteral("account"), QStringLiteral("unfreeze"), QStringLiteral("5550001")}, QStringLiteral("t_super"))
                     .exitCode,
                 0);

        // A new teller, with a password from stdin, who can then work.
        const Run staff = tellerctl({QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("cli_new_teller"),
                                     QStringLiteral("--role"), QStringLiteral("teller"), QStringLiteral("--limit"),
                                     QStringLiteral("250"), QStringLiteral("--password-stdin")},
                                    QStringLiteral("t_admin"), "s3cret-enough\n");
        QCOMPARE(staff.exitCode, 10); // a second admin approves
        QCOMPARE(staff.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending_approval"));
        QVERIFY(!staff.out.contains(QLatin1String("s3cret")));
        const QString change = QString::number(staff.json.value(QStringLiteral("change")).toInteger());
        const Run waiting = tellerctl({QStringLiteral("staff"), QStringLiteral("pending")}, QStringLiteral("t_admin2"));
        QCOMPARE(waiting.exitCode, 0);
        QVERIFY2(waiting.out.contains(QLatin1String("\"login\":\"cli_new_teller\"")), qPrintable(waiting.out));
        QVERIFY(!waiting.out.contains(QLatin1String("SCRAM")));
        QCOMPARE(tellerctl({QStringLiteral("staff"), QStringLiteral("approve"), change}, QStringLiteral("t_admin")).exitCode, 1);
        const Run approved = tellerctl({QStringLiteral("staff"), QStringLiteral("approve"), change}, QStringLiteral("t_admin2"));
        QCOMPARE(approved.exitCode, 0);
        QCOMPARE(approved.json.value(QStringLiteral("approval_limit")).toString(), QStringLiteral("250.00"));
        Sql sql(m_db);
        QVERIFY(sql.value(QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = 'cli_new_teller'"))
                    .toString()
                    .startsWith(QLatin1String("SCRAM-SHA-256$")));
        const ConnectionSettings s = PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1"));
        QString newPassword = QStringLiteral("s3cret-enough");
        const auto asNewTeller = [&](const QStringList &args, const QByteArray &input = {}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("PGPASSWORD"), newPassword);
            p.setProcessEnvironment(env);
            p.start(qEnvironmentVariable("TELLERCTL"),
                    QStringList{QStringLiteral("--db"), QStringLiteral("host=%1 port=%2 dbname=%3 user=cli_new_teller sslmode=disable")
                                                            .arg(s.value(QStringLiteral("host")), s.value(QStringLiteral("port")), m_db)}
                        + args);
            if (!input.isEmpty()) {
                p.write(input);
                p.closeWriteChannel();
            }
            return p.waitForFinished(30000) ? p.exitCode() : -1;
        };
        // The password an admin set moves no money: the teller chooses their own first.
        QCOMPARE(asNewTeller({QStringLiteral("till"), QStringLiteral("open"), QStringLiteral("--counted"), QStringLiteral("0")}), 1);
        QCOMPARE(asNewTeller({QStringLiteral("password"), QStringLiteral("--password-stdin")}, "my-own-secret-9\n"), 0);
        newPassword = QStringLiteral("my-own-secret-9");
        // Cash needs the new teller's own open till (empty: nothing was ever put in it).
        QCOMPARE(asNewTeller({QStringLiteral("deposit"), QStringLiteral("--account"), QStringLiteral("5550001"),
                              QStringLiteral("--amount"), QStringLiteral("1")}),
                 11);
        QCOMPARE(asNewTeller({QStringLiteral("till"), QStringLiteral("open"), QStringLiteral("--counted"), QStringLiteral("0")}), 0);
        QCOMPARE(asNewTeller({QStringLiteral("deposit"), QStringLiteral("--account"), QStringLiteral("5550001"),
                              QStringLiteral("--amount"), QStringLiteral("1")}),
                 0);

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

    // The server's passwordcheck cannot judge the SCRAM verifier a password travels as: the
    // same rules are kept before anything is sent.
    void passwordsFollowTheRules_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addRow("too short") << QByteArray("ab-12");
        QTest::addRow("letters only") << QByteArray("abcdefghij");
        QTest::addRow("no letter") << QByteArray("1234-5678");
        QTest::addRow("contains the login") << QByteArray("x-pw_login-9");
    }

    void passwordsFollowTheRules()
    {
        QFETCH(QByteArray, password);
        const Run r = tellerctl({QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("pw_login"), QStringLiteral("--role"),
                                 QStringLiteral("teller"), QStringLiteral("--password-stdin")},
                                QStringLiteral("t_admin"), password + '\n');
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.out.contains(QString::fromLatin1(password)));
        const Run own = tellerctl({QStringLiteral("password"), QStringLiteral("--password-stdin")}, QStringLiteral("t_teller1"),
                                  password.replace("pw_login", "t_teller1") + '\n');
        QCOMPARE(own.exitCode, 2);
        Sql sql(m_db);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.staff_changes WHERE login = 'pw_login'")), qint64(0));
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

    void helpListsTheCashCommands()
    {
        const Run help = tellerctl({QStringLiteral("--help")}, {}, {}, false);
        QCOMPARE(help.exitCode, 0);
        for (const char *text : {"till open|close --counted", "till show", "till list", "till blotter", "vault receive|ship",
                                 "vault transfer --teller", "--to-vault", "reverse KEY --note", "report large-cash", "--id-type"})
            QVERIFY2(help.out.contains(QLatin1String(text)), text);
    }

    // A teller's day through tellerctl: the vault receives cash, the till is opened with a count,
    // filled from the vault, pays out and takes in, gives cash back, and is closed with a count
    // that is short beyond the tolerance: the over/short waits for a supervisor, who approves it.
    void tillDayThroughTellerctl()
    {
        const QString teller = QStringLiteral("cli_cashier");
        const QString super = QStringLiteral("t_super");
        QVERIFY(addTeller(teller));
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("20000001"), 50000); // 500.00
        // A known tolerance for this test (1.00 EUR), and the bank's back afterwards.
        const qint64 tolerance = sql.count(QStringLiteral("SELECT till_tolerance FROM teller.cash_rules WHERE currency = 'EUR'"));
        SQL_VERIFY(sql, QStringLiteral("UPDATE teller.cash_rules SET till_tolerance = 100 WHERE currency = 'EUR'"));
        const auto restore = qScopeGuard([&] {
            sql.exec(QStringLiteral("UPDATE teller.cash_rules SET till_tolerance = ? WHERE currency = 'EUR'"),
                     {QVariant::fromValue<qlonglong>(tolerance)});
        });
        const auto str = [](const Run &r, const char *name) { return r.json.value(QLatin1String(name)).toString(); };

        // No till yet: closed, no cash.
        const Run none = tellerctl({QStringLiteral("till"), QStringLiteral("show")}, teller);
        QVERIFY2(none.exitCode == 0, qPrintable(none.out + none.err));
        QCOMPARE(str(none, "status"), QStringLiteral("closed"));
        QCOMPARE(str(none, "cash"), QStringLiteral("0.00"));
        QCOMPARE(str(none, "currency"), QStringLiteral("EUR"));
        QCOMPARE(str(none, "owner"), teller);

        // The supervisor receives cash into the vault; the same key again is a replay.
        const QString receiveKey = IdempotencyKey::generate().toString();
        const QStringList receive{QStringLiteral("vault"),   QStringLiteral("receive"), QStringLiteral("--amount"),
                                  QStringLiteral("1000.00"), QStringLiteral("--key"),   receiveKey};
        const Run received = tellerctl(receive, super);
        QVERIFY2(received.exitCode == 0, qPrintable(received.out + received.err));
        QCOMPARE(str(received, "status"), QStringLiteral("completed"));
        QCOMPARE(str(received, "key"), receiveKey);
        QCOMPARE(str(received, "kind"), QStringLiteral("vault_receive"));
        QCOMPARE(str(received, "amount"), QStringLiteral("1000.00"));
        QCOMPARE(str(received, "vault_after"), eur(vaultCash()));
        const qint64 vaultAfterReceive = vaultCash();
        const Run again = tellerctl(receive, super);
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.json.value(QStringLiteral("replayed")).toBool(), true);
        QCOMPARE(vaultCash(), vaultAfterReceive);

        // The teller opens the till with an empty count; a second opening is refused.
        const Run opened = tellerctl({QStringLiteral("till"), QStringLiteral("open"), QStringLiteral("--counted"), QStringLiteral("0")},
                                     teller);
        QVERIFY2(opened.exitCode == 0, qPrintable(opened.out + opened.err));
        QCOMPARE(str(opened, "status"), QStringLiteral("completed"));
        QCOMPARE(str(opened, "kind"), QStringLiteral("till_open"));
        QCOMPARE(str(opened, "expected"), QStringLiteral("0.00"));
        QCOMPARE(str(opened, "counted"), QStringLiteral("0.00"));
        QCOMPARE(str(opened, "difference"), QStringLiteral("0.00"));
        QCOMPARE(str(opened, "owner"), teller);
        QVERIFY(!IdempotencyKey::parse(str(opened, "key")).value_or(IdempotencyKey()).isNull());
        const QString till = str(opened, "till");
        QVERIFY(!till.isEmpty());
        const Run twice = tellerctl({QStringLiteral("till"), QStringLiteral("open"), QStringLiteral("--counted"), QStringLiteral("0")},
                                    teller);
        QCOMPARE(twice.exitCode, 11);
        QCOMPARE(str(twice, "reason"), QStringLiteral("till_already_open"));
        const Run openShow = tellerctl(
            {QStringLiteral("till"), QStringLiteral("show"), QStringLiteral("--currency"), QStringLiteral("eur")}, teller);
        QCOMPARE(openShow.exitCode, 0);
        QCOMPARE(str(openShow, "status"), QStringLiteral("open"));
        QCOMPARE(str(openShow, "cash"), QStringLiteral("0.00"));
        QCOMPARE(str(openShow, "till"), till);

        // Cash from the vault into the till.
        const Run filled = tellerctl({QStringLiteral("vault"), QStringLiteral("transfer"), QStringLiteral("--teller"), teller,
                                      QStringLiteral("--amount"), QStringLiteral("500.00")},
                                     super);
        QVERIFY2(filled.exitCode == 0, qPrintable(filled.out + filled.err));
        QCOMPARE(str(filled, "kind"), QStringLiteral("vault_to_till"));
        QCOMPARE(str(filled, "till_after"), QStringLiteral("500.00"));
        QCOMPARE(str(filled, "owner"), teller);
        QCOMPARE(str(filled, "till"), till);
        QCOMPARE(str(filled, "vault_after"), eur(vaultAfterReceive - 50000));
        QCOMPARE(vaultCash(), vaultAfterReceive - 50000);

        // Cash over the counter goes out of and into the till.
        const Run paid = tellerctl({QStringLiteral("withdraw"), QStringLiteral("--account"), QStringLiteral("20000001"),
                                    QStringLiteral("--amount"), QStringLiteral("120.00")},
                                   teller);
        QVERIFY2(paid.exitCode == 0, qPrintable(paid.out + paid.err));
        QCOMPARE(str(paid, "till_after"), QStringLiteral("380.00"));
        QCOMPARE(str(paid, "balance_after"), QStringLiteral("380.00"));
        const Run taken = tellerctl({QStringLiteral("deposit"), QStringLiteral("--account"), QStringLiteral("20000001"),
                                     QStringLiteral("--amount"), QStringLiteral("45.50")},
                                    teller);
        QVERIFY2(taken.exitCode == 0, qPrintable(taken.out + taken.err));
        QCOMPARE(str(taken, "till_after"), QStringLiteral("425.50"));
        QCOMPARE(str(taken, "balance_after"), QStringLiteral("425.50"));

        const Run busy = tellerctl({QStringLiteral("till"), QStringLiteral("show")}, teller);
        QCOMPARE(busy.exitCode, 0);
        QCOMPARE(str(busy, "status"), QStringLiteral("open"));
        QCOMPARE(str(busy, "cash"), QStringLiteral("425.50"));
        QCOMPARE(str(busy, "held"), QStringLiteral("0.00"));
        QCOMPARE(str(busy, "available"), QStringLiteral("425.50"));
        QCOMPARE(str(busy, "last_count"), QStringLiteral("open"));
        QCOMPARE(str(busy, "last_counted"), QStringLiteral("0.00"));

        // The blotter: the session's movements and their totals.
        const Run blotter = tellerctl({QStringLiteral("till"), QStringLiteral("blotter")}, teller);
        QVERIFY2(blotter.exitCode == 0, qPrintable(blotter.out + blotter.err));
        QCOMPARE(str(blotter, "status"), QStringLiteral("completed"));
        QCOMPARE(str(blotter, "currency"), QStringLiteral("EUR"));
        QStringList kinds;
        for (const QJsonValue &line : blotter.json.value(QStringLiteral("lines")).toArray())
            kinds << line.toObject().value(QStringLiteral("kind")).toString() + u' '
                         + line.toObject().value(QStringLiteral("status")).toString();
        QCOMPARE(kinds, (QStringList{QStringLiteral("till_open completed"), QStringLiteral("till_open rejected"),
                                     QStringLiteral("vault_to_till completed"), QStringLiteral("withdrawal completed"),
                                     QStringLiteral("deposit completed")}));
        const QJsonObject totals = blotter.json.value(QStringLiteral("totals")).toObject();
        const auto total = [&](const char *kind, const char *field) {
            return totals.value(QLatin1String(kind)).toObject().value(QLatin1String(field));
        };
        QCOMPARE(total("withdrawal", "count").toInt(), 1);
        QCOMPARE(total("withdrawal", "amount").toString(), QStringLiteral("120.00"));
        QCOMPARE(total("withdrawal", "till_effect").toString(), QStringLiteral("-120.00"));
        QCOMPARE(total("deposit", "till_effect").toString(), QStringLiteral("45.50"));
        QCOMPARE(total("vault_to_till", "till_effect").toString(), QStringLiteral("500.00"));

        // The supervisor sees the till among the branch's.
        const Run list = tellerctl({QStringLiteral("till"), QStringLiteral("list")}, super);
        QVERIFY2(list.exitCode == 0, qPrintable(list.out + list.err));
        QCOMPARE(str(list, "status"), QStringLiteral("completed"));
        bool listed = false;
        for (const QJsonValue &v : list.json.value(QStringLiteral("tills")).toArray()) {
            const QJsonObject t = v.toObject();
            if (t.value(QStringLiteral("owner")).toString() != teller)
                continue;
            listed = true;
            QCOMPARE(t.value(QStringLiteral("till")).toString(), till);
            QCOMPARE(t.value(QStringLiteral("till_status")).toString(), QStringLiteral("open"));
            QCOMPARE(t.value(QStringLiteral("cash")).toString(), QStringLiteral("425.50"));
        }
        QVERIFY2(listed, qPrintable(list.out));

        // Cash back to the vault before closing.
        const Run back = tellerctl({QStringLiteral("vault"), QStringLiteral("transfer"), QStringLiteral("--teller"), teller,
                                    QStringLiteral("--amount"), QStringLiteral("100.00"), QStringLiteral("--to-vault")},
                                   super);
        QVERIFY2(back.exitCode == 0, qPrintable(back.out + back.err));
        QCOMPARE(str(back, "kind"), QStringLiteral("till_to_vault"));
        QCOMPARE(str(back, "till_after"), QStringLiteral("325.50"));
        QCOMPARE(vaultCash(), vaultAfterReceive - 40000);

        // Closed 5.00 short (beyond the 1.00 tolerance), counted by denomination: it waits.
        const Run closed = tellerctl({QStringLiteral("till"), QStringLiteral("close"), QStringLiteral("--counted"),
                                      QStringLiteral("320.50"), QStringLiteral("--denominations"),
                                      QStringLiteral("200:1, 100:1, 20:1, 0.50:1")},
                                     teller);
        QVERIFY2(closed.exitCode == 10, qPrintable(closed.out + closed.err));
        QCOMPARE(str(closed, "status"), QStringLiteral("pending_approval"));
        QCOMPARE(str(closed, "kind"), QStringLiteral("till_close"));
        QCOMPARE(str(closed, "expected"), QStringLiteral("325.50"));
        QCOMPARE(str(closed, "counted"), QStringLiteral("320.50"));
        QCOMPARE(str(closed, "difference"), QStringLiteral("-5.00"));
        const QString closeKey = str(closed, "key");
        QVERIFY(!closeKey.isEmpty());
        QCOMPARE(sql.value(QStringLiteral("SELECT denominations::text FROM teller.till_counts WHERE key = ?::uuid"), {closeKey})
                     .toString()
                     .remove(u' '),
                 QStringLiteral("{\"50\":1,\"2000\":1,\"10000\":1,\"20000\":1}"));

        const Run waiting = tellerctl({QStringLiteral("till"), QStringLiteral("show")}, teller);
        QCOMPARE(waiting.exitCode, 0);
        QCOMPARE(str(waiting, "status"), QStringLiteral("closed"));
        QCOMPARE(waiting.json.value(QStringLiteral("difference_pending")).toBool(), true);
        QCOMPARE(str(waiting, "cash"), QStringLiteral("325.50"));
        QCOMPARE(str(waiting, "held"), QStringLiteral("5.00"));

        const Run pending = tellerctl({QStringLiteral("pending"), QStringLiteral("list")}, super);
        QCOMPARE(pending.exitCode, 0);
        bool queued = false;
        for (const QJsonValue &v : pending.json.value(QStringLiteral("pending")).toArray())
            queued = queued || v.toObject().value(QStringLiteral("key")).toString() == closeKey;
        QVERIFY2(queued, qPrintable(pending.out));
        // The teller may not settle their own over/short.
        QCOMPARE(tellerctl({QStringLiteral("pending"), QStringLiteral("approve"), closeKey}, teller).exitCode, 1);
        const Run approved = tellerctl({QStringLiteral("pending"), QStringLiteral("approve"), closeKey, QStringLiteral("--note"),
                                        QStringLiteral("recounted: 5.00 short")},
                                       super);
        QVERIFY2(approved.exitCode == 0, qPrintable(approved.out + approved.err));
        QCOMPARE(str(approved, "status"), QStringLiteral("completed"));
        QCOMPARE(approved.json.value(QStringLiteral("decided_now")).toBool(), true);

        const Run after = tellerctl({QStringLiteral("till"), QStringLiteral("show")}, teller);
        QCOMPARE(after.exitCode, 0);
        QCOMPARE(str(after, "status"), QStringLiteral("closed"));
        QCOMPARE(str(after, "cash"), QStringLiteral("320.50"));
        QCOMPARE(str(after, "held"), QStringLiteral("0.00"));
        QCOMPARE(after.json.value(QStringLiteral("difference_pending")).toBool(), false);
        QCOMPARE(str(after, "last_count"), QStringLiteral("close"));
        QCOMPARE(str(after, "last_counted"), QStringLiteral("320.50"));
        QCOMPARE(sql.balance(QStringLiteral("20000001")), qint64(42550));
    }

    void cashNeedsAnOpenTill()
    {
        const QString teller = QStringLiteral("cli_notill");
        const QString super = QStringLiteral("t_super");
        QVERIFY(addTeller(teller));
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("20000002"), 10000); // 100.00
        const auto reason = [](const Run &r) { return r.json.value(QStringLiteral("reason")).toString(); };
        const auto cash = [&](const char *kind, const char *amount) {
            return tellerctl({QString::fromLatin1(kind), QStringLiteral("--account"), QStringLiteral("20000002"),
                              QStringLiteral("--amount"), QString::fromLatin1(amount)},
                             teller);
        };

        // No till: nothing moves, with the server's reason.
        for (const char *kind : {"withdraw", "deposit"}) {
            const Run r = cash(kind, "10.00");
            QVERIFY2(r.exitCode == 11, qPrintable(r.out + r.err));
            QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
            QCOMPARE(reason(r), QStringLiteral("till_not_open"));
        }
        QCOMPARE(sql.balance(QStringLiteral("20000002")), qint64(10000));
        const Run closeFirst = tellerctl(
            {QStringLiteral("till"), QStringLiteral("close"), QStringLiteral("--counted"), QStringLiteral("0")}, teller);
        QCOMPARE(closeFirst.exitCode, 11);
        QCOMPARE(reason(closeFirst), QStringLiteral("till_not_open"));
        const Run noTill = tellerctl({QStringLiteral("vault"), QStringLiteral("transfer"), QStringLiteral("--teller"), teller,
                                      QStringLiteral("--amount"), QStringLiteral("10.00")},
                                     super);
        QCOMPARE(noTill.exitCode, 11);
        QCOMPARE(reason(noTill), QStringLiteral("till_not_open"));
        const Run nobody = tellerctl({QStringLiteral("vault"), QStringLiteral("transfer"), QStringLiteral("--teller"),
                                      QStringLiteral("no_such_teller"), QStringLiteral("--amount"), QStringLiteral("10.00")},
                                     super);
        QCOMPARE(nobody.exitCode, 11);
        QCOMPARE(reason(nobody), QStringLiteral("unknown_teller"));
        // Only a supervisor moves the vault's cash.
        const Run notAllowed = tellerctl(
            {QStringLiteral("vault"), QStringLiteral("receive"), QStringLiteral("--amount"), QStringLiteral("10.00")}, teller);
        QCOMPARE(notAllowed.exitCode, 1);
        QCOMPARE(notAllowed.json.value(QStringLiteral("status")).toString(), QStringLiteral("error"));

        // An open but empty till pays nothing out; filled from the vault, up to what it holds.
        QCOMPARE(tellerctl({QStringLiteral("till"), QStringLiteral("open"), QStringLiteral("--counted"), QStringLiteral("0")}, teller)
                     .exitCode,
                 0);
        const Run empty = cash("withdraw", "10.00");
        QCOMPARE(empty.exitCode, 11);
        QCOMPARE(reason(empty), QStringLiteral("insufficient_till_cash"));
        QCOMPARE(tellerctl({QStringLiteral("vault"), QStringLiteral("receive"), QStringLiteral("--amount"), QStringLiteral("50")}, super)
                     .exitCode,
                 0);
        const Run filled = tellerctl({QStringLiteral("vault"), QStringLiteral("transfer"), QStringLiteral("--teller"), teller,
                                      QStringLiteral("--amount"), QStringLiteral("50")},
                                     super);
        QCOMPARE(filled.exitCode, 0);
        QCOMPARE(filled.json.value(QStringLiteral("till_after")).toString(), QStringLiteral("50.00"));
        const Run beyond = cash("withdraw", "50.01");
        QCOMPARE(beyond.exitCode, 11);
        QCOMPARE(reason(beyond), QStringLiteral("insufficient_till_cash"));
        QCOMPARE(sql.balance(QStringLiteral("20000002")), qint64(10000));
        const Run all = cash("withdraw", "50.00");
        QCOMPARE(all.exitCode, 0);
        QCOMPARE(all.json.value(QStringLiteral("till_after")).toString(), QStringLiteral("0.00"));
        const Run back = tellerctl({QStringLiteral("vault"), QStringLiteral("transfer"), QStringLiteral("--teller"), teller,
                                    QStringLiteral("--amount"), QStringLiteral("0.01"), QStringLiteral("--to-vault")},
                                   super);
        QCOMPARE(back.exitCode, 11);
        QCOMPARE(reason(back), QStringLiteral("insufficient_till_cash"));
        const Run ship = tellerctl({QStringLiteral("vault"), QStringLiteral("ship"), QStringLiteral("--amount"), eur(vaultCash() + 1)},
                                   super);
        QCOMPARE(ship.exitCode, 11);
        QCOMPARE(reason(ship), QStringLiteral("insufficient_vault_cash"));
        const qint64 vault = vaultCash();
        const Run shipped = tellerctl({QStringLiteral("vault"), QStringLiteral("ship"), QStringLiteral("--amount"), QStringLiteral("1")},
                                      super);
        QCOMPARE(shipped.exitCode, 0);
        QCOMPARE(shipped.json.value(QStringLiteral("kind")).toString(), QStringLiteral("vault_ship"));
        QCOMPARE(shipped.json.value(QStringLiteral("vault_after")).toString(), eur(vault - 100));

        const Run closed = tellerctl(
            {QStringLiteral("till"), QStringLiteral("close"), QStringLiteral("--counted"), QStringLiteral("0.00")}, teller);
        QCOMPARE(closed.exitCode, 0);
        QCOMPARE(closed.json.value(QStringLiteral("difference")).toString(), QStringLiteral("0.00"));
    }

    void largeCashNeedsIdentification()
    {
        const QString teller = QStringLiteral("cli_large");
        QVERIFY(addTeller(teller));
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("20000003"), 0);
        const qint64 threshold = sql.count(QStringLiteral("SELECT large_cash_threshold FROM teller.cash_rules WHERE currency = 'EUR'"));
        QVERIFY(threshold > 1);
        QCOMPARE(tellerctl({QStringLiteral("till"), QStringLiteral("open"), QStringLiteral("--counted"), QStringLiteral("0")}, teller)
                     .exitCode,
                 0);
        const auto cash = [&](const char *kind, qint64 minor, const QStringList &more = {}) {
            return tellerctl(QStringList{QString::fromLatin1(kind), QStringLiteral("--account"), QStringLiteral("20000003"),
                                         QStringLiteral("--amount"), eur(minor)}
                                 + more,
                             teller);
        };
        const auto reason = [](const Run &r) { return r.json.value(QStringLiteral("reason")).toString(); };

        const Run plainDeposit = cash("deposit", threshold);
        QVERIFY2(plainDeposit.exitCode == 11, qPrintable(plainDeposit.out + plainDeposit.err));
        QCOMPARE(reason(plainDeposit), QStringLiteral("identification_required"));
        QCOMPARE(sql.balance(QStringLiteral("20000003")), qint64(0));
        const Run deposit = cash(
            "deposit", threshold,
            {QStringLiteral("--id-type"), QStringLiteral("passport"), QStringLiteral("--id-number"), QStringLiteral("P1234567")});
        QVERIFY2(deposit.exitCode == 0, qPrintable(deposit.out + deposit.err));
        QCOMPARE(deposit.json.value(QStringLiteral("till_after")).toString(), eur(threshold));
        const Run plainWithdrawal = cash("withdraw", threshold);
        QCOMPARE(plainWithdrawal.exitCode, 11);
        QCOMPARE(reason(plainWithdrawal), QStringLiteral("identification_required"));
        const Run withdrawal = cash(
            "withdraw", threshold,
            {QStringLiteral("--id-type"), QStringLiteral("id_card"), QStringLiteral("--id-number"), QStringLiteral("ID 998-877")});
        QVERIFY2(withdrawal.exitCode == 0, qPrintable(withdrawal.out + withdrawal.err));
        QCOMPARE(withdrawal.json.value(QStringLiteral("till_after")).toString(), QStringLiteral("0.00"));
        const Run below = cash("deposit", threshold - 1);
        QCOMPARE(below.exitCode, 0);

        // The report: one line per identified cash movement, as CSV on stdout.
        const QString from = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
        const QString to = QDate::currentDate().addDays(1).toString(Qt::ISODate);
        const QStringList report{
            QStringLiteral("report"), QStringLiteral("large-cash"), QStringLiteral("--from"), from, QStringLiteral("--to"), to};
        const Run csv = tellerctl(report, QStringLiteral("t_super"));
        QVERIFY2(csv.exitCode == 0, qPrintable(csv.out + csv.err));
        QVERIFY2(csv.out.endsWith(QLatin1String("\r\n")), qPrintable(csv.out));
        const QStringList lines = csv.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 3);
        const QStringList header = lines.first().split(u',');
        QCOMPARE(header, QStringLiteral("booked_at,key,kind,status,account,holder,amount,currency,teller,branch,workstation,"
                                        "document_type,document_number")
                             .split(u','));
        QHash<QString, QStringList> byKey;
        for (const QString &line : lines.mid(1)) {
            const QStringList fields = line.split(u',');
            QCOMPARE(fields.size(), header.size());
            byKey.insert(fields.at(1), fields);
        }
        const auto field = [&](const QString &key, const char *column) {
            return byKey.value(key).value(header.indexOf(QLatin1String(column)));
        };
        const QString depositKey = deposit.json.value(QStringLiteral("key")).toString();
        const QString withdrawalKey = withdrawal.json.value(QStringLiteral("key")).toString();
        QVERIFY2(byKey.contains(depositKey) && byKey.contains(withdrawalKey), qPrintable(csv.out));
        QCOMPARE(field(depositKey, "kind"), QStringLiteral("deposit"));
        QCOMPARE(field(depositKey, "status"), QStringLiteral("completed"));
        QCOMPARE(field(depositKey, "account"), QStringLiteral("20000003"));
        QCOMPARE(field(depositKey, "holder"), QStringLiteral("Holder of 20000003"));
        QCOMPARE(field(depositKey, "amount"), eur(threshold));
        QCOMPARE(field(depositKey, "currency"), QStringLiteral("EUR"));
        QCOMPARE(field(depositKey, "teller"), teller);
        QCOMPARE(field(depositKey, "workstation"), QStringLiteral("cli-test"));
        QCOMPARE(field(depositKey, "document_type"), QStringLiteral("passport"));
        QCOMPARE(field(depositKey, "document_number"), QStringLiteral("P1234567"));
        QCOMPARE(field(withdrawalKey, "kind"), QStringLiteral("withdrawal"));
        QCOMPARE(field(withdrawalKey, "document_type"), QStringLiteral("id_card"));
        QCOMPARE(field(withdrawalKey, "document_number"), QStringLiteral("ID 998-877"));
        QVERIFY(!byKey.contains(below.json.value(QStringLiteral("key")).toString()));

        // Into a file, with a JSON summary on stdout.
        const QString path = m_journalDir.filePath(QStringLiteral("large-cash.csv"));
        const Run file = tellerctl(report + QStringList{QStringLiteral("--output"), path}, QStringLiteral("t_super"));
        QVERIFY2(file.exitCode == 0, qPrintable(file.out + file.err));
        QCOMPARE(file.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(file.json.value(QStringLiteral("rows")).toInt(), int(lines.size() - 1));
        QCOMPARE(file.json.value(QStringLiteral("file")).toString(), path);
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(written.readAll()), csv.out);

        // Not for tellers.
        const Run teller1 = tellerctl(report, teller);
        QCOMPARE(teller1.exitCode, 1);
        QCOMPARE(teller1.json.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
    }

    void reversalUnderFourEyes()
    {
        const QString teller = QStringLiteral("cli_reverser");
        QVERIFY(addTeller(teller));
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("20000004"), 0);
        QCOMPARE(tellerctl({QStringLiteral("till"), QStringLiteral("open"), QStringLiteral("--counted"), QStringLiteral("0")}, teller)
                     .exitCode,
                 0);
        const Run deposit = tellerctl({QStringLiteral("deposit"), QStringLiteral("--account"), QStringLiteral("20000004"),
                                       QStringLiteral("--amount"), QStringLiteral("80.00")},
                                      teller);
        QCOMPARE(deposit.exitCode, 0);
        const QString original = deposit.json.value(QStringLiteral("key")).toString();

        const QStringList reverse{QStringLiteral("reverse"), original, QStringLiteral("--note"),
                                  QStringLiteral("paid into the wrong account")};
        const Run asked = tellerctl(reverse, teller);
        QVERIFY2(asked.exitCode == 10, qPrintable(asked.out + asked.err));
        QCOMPARE(asked.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending_approval"));
        QCOMPARE(asked.json.value(QStringLiteral("kind")).toString(), QStringLiteral("reversal"));
        QCOMPARE(asked.json.value(QStringLiteral("reverses")).toString(), original);
        QCOMPARE(asked.json.value(QStringLiteral("amount")).toString(), QStringLiteral("80.00"));
        const QString key = asked.json.value(QStringLiteral("key")).toString();
        QVERIFY(!key.isEmpty() && key != original);
        // Retried with its key: the same reversal, not a second one.
        const Run retried = tellerctl(reverse + QStringList{QStringLiteral("--key"), key}, teller);
        QCOMPARE(retried.exitCode, 10);
        QCOMPARE(retried.json.value(QStringLiteral("key")).toString(), key);
        QCOMPARE(retried.json.value(QStringLiteral("replayed")).toBool(), true);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE reverses = ?::uuid"), {original}), qint64(1));
        // A second reversal of the same operation is refused while the first waits.
        const Run second = tellerctl({QStringLiteral("reverse"), original, QStringLiteral("--note"), QStringLiteral("again")}, teller);
        QCOMPARE(second.exitCode, 11);
        QCOMPARE(second.json.value(QStringLiteral("reason")).toString(), QStringLiteral("already_reversed"));

        QCOMPARE(tellerctl({QStringLiteral("pending"), QStringLiteral("approve"), key}, teller).exitCode, 1);
        const Run approved = tellerctl({QStringLiteral("pending"), QStringLiteral("approve"), key}, QStringLiteral("t_super"));
        QVERIFY2(approved.exitCode == 0, qPrintable(approved.out + approved.err));
        QCOMPARE(approved.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(sql.balance(QStringLiteral("20000004")), qint64(0));
        const Run till = tellerctl({QStringLiteral("till"), QStringLiteral("show")}, teller);
        QCOMPARE(till.json.value(QStringLiteral("cash")).toString(), QStringLiteral("0.00"));

        // An operation the server never saw cannot be reversed; nothing is recorded.
        const QString before = state();
        const Run unknown = tellerctl({QStringLiteral("reverse"), IdempotencyKey::generate().toString(), QStringLiteral("--note"),
                                       QStringLiteral("no such operation")},
                                      teller);
        QVERIFY(unknown.exitCode != 0 && unknown.exitCode != 10);
        QCOMPARE(unknown.json.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
        QCOMPARE(state(), before);
    }

    void badCashInputChangesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("login");
        const QString teller = QStringLiteral("t_teller1"), super = QStringLiteral("t_super");
        const auto row = [](const char *name, const QByteArray &args, const QString &login) {
            QTest::newRow(name) << QString::fromUtf8(args).split(u'|') << login;
        };
        row("vault alone", "vault", super);
        row("vault unknown", "vault|fill|--amount|5", super);
        row("vault receive no amount", "vault|receive", super);
        row("vault receive negative", "vault|receive|--amount|-5", super);
        row("vault receive zero", "vault|receive|--amount|0", super);
        row("vault receive letters", "vault|receive|--amount|abc", super);
        row("vault receive three decimals", "vault|receive|--amount|1.005", super);
        row("vault receive JPY decimals", "vault|receive|--amount|1.5|--currency|JPY", super);
        row("vault receive too much", "vault|receive|--amount|100000000000000.00", super);
        row("vault receive bad currency", "vault|receive|--amount|5|--currency|XYZ", super);
        row("vault receive bad key", "vault|receive|--amount|5|--key|not-a-uuid", super);
        row("vault receive --teller", "vault|receive|--amount|5|--teller|t_teller1", super);
        row("vault ship --to-vault", "vault|ship|--amount|5|--to-vault", super);
        row("vault transfer no teller", "vault|transfer|--amount|5", super);
        row("vault transfer bad login", "vault|transfer|--teller|Bad Name|--amount|5", super);
        row("vault transfer no amount", "vault|transfer|--teller|t_teller1", super);
        row("vault --counted", "vault|receive|--amount|5|--counted|5", super);
        row("till alone", "till", teller);
        row("till unknown", "till|count|--counted|5", teller);
        row("till open no count", "till|open", teller);
        row("till open negative", "till|open|--counted|-1", teller);
        row("till open minus zero", "till|open|--counted|-0", teller);
        row("till open letters", "till|open|--counted|ten", teller);
        row("till open three decimals", "till|open|--counted|1.001", teller);
        row("till open bad currency", "till|open|--counted|5|--currency|EURO", teller);
        row("till open bad key", "till|open|--counted|5|--key|12345", teller);
        row("till open bad pair", "till|open|--counted|10|--denominations|10", teller);
        row("till open bad count", "till|open|--counted|10|--denominations|10:x", teller);
        row("till open empty list", "till|open|--counted|10|--denominations| ", teller);
        row("till open twice", "till|open|--counted|30|--denominations|10:1,10:2", teller);
        row("till open not a note", "till|open|--counted|3|--denominations|3:1", teller);
        row("till open bad value", "till|open|--counted|3|--denominations|0.001:3", teller);
        row("till open not adding up", "till|open|--counted|60|--denominations|50:1", teller);
        row("till close not adding up", "till|close|--counted|320.50|--denominations|200:1,100:1,20:1", teller);
        row("till close bad count", "till|close|--counted|1e3", teller);
        row("till show --counted", "till|show|--counted|5", teller);
        row("till show bad currency", "till|show|--currency|ZZZ", teller);
        row("till list --key", "till|list|--key|0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d", super);
        row("till blotter --amount", "till|blotter|--amount|5", teller);
        row("till show extra", "till|show|now", teller);
        row("id type alone", "withdraw|--account|10000001|--amount|5|--id-type|passport", teller);
        row("id number alone", "deposit|--account|10000001|--amount|5|--id-number|P1234567", teller);
        row("id type unknown", "deposit|--account|10000001|--amount|5|--id-type|visa|--id-number|P1234567", teller);
        row("id type empty", "deposit|--account|10000001|--amount|5|--id-type||--id-number|P1234567", teller);
        row("id number bad", "withdraw|--account|10000001|--amount|5|--id-type|passport|--id-number|!!", teller);
        row("id number too short", "withdraw|--account|10000001|--amount|5|--id-type|passport|--id-number|P1", teller);
        row("id on a transfer", "transfer|--from|10000001|--to|10000002|--amount|5|--id-type|passport|--id-number|P1234567", teller);
        const QByteArray key = IdempotencyKey::generate().toString().toLatin1();
        row("reverse alone", "reverse", teller);
        row("reverse bad key", "reverse|12345|--note|x", teller);
        row("reverse no note", QByteArray("reverse|" + key), teller);
        row("reverse blank note", QByteArray("reverse|" + key + "|--note|   "), teller);
        row("reverse own key", QByteArray("reverse|" + key + "|--note|x|--key|" + key), teller);
        row("reverse bad --key", QByteArray("reverse|" + key + "|--note|x|--key|nope"), teller);
        row("reverse long note", QByteArray("reverse|" + key + "|--note|" + QByteArray(501, 'x')), teller);
        row("reverse control note", QByteArray("reverse|" + key + "|--note|a\x1b[2Jb"), teller);
        row("reverse two keys", QByteArray("reverse|" + key + "|" + key + "|--note|x"), teller);
        row("report alone", "report", super);
        row("report unknown", "report|small-cash|--from|2026-01-01|--to|2026-01-31", super);
        row("report no dates", "report|large-cash", super);
        row("report no --to", "report|large-cash|--from|2026-01-01", super);
        row("report bad month", "report|large-cash|--from|2026-13-01|--to|2026-12-31", super);
        row("report bad day", "report|large-cash|--from|2026-02-30|--to|2026-03-01", super);
        row("report other format", "report|large-cash|--from|01.02.2026|--to|2026-03-01", super);
        row("report no dashes", "report|large-cash|--from|20260201|--to|2026-03-01", super);
        row("report with time", "report|large-cash|--from|2026-02-01T00:00|--to|2026-03-01", super);
        row("report backwards", "report|large-cash|--from|2026-03-02|--to|2026-03-01", super);
        row("report no file name", "report|large-cash|--from|2026-03-01|--to|2026-03-01|--output|", super);
        row("report unwritable", "report|large-cash|--from|2026-03-01|--to|2026-03-01|--output|/nonexistent/dir/r.csv", super);
    }

    void badCashInputChangesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, login);
        const QString before = state();
        const Run r = tellerctl(args, login);
        QVERIFY2(r.exitCode == 2, qPrintable(QStringLiteral("exit %1: %2 %3").arg(r.exitCode).arg(r.out, r.err)));
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
        QVERIFY(!r.json.value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY2(r.err.contains(QLatin1String("tellerctl: ")), qPrintable(r.err));
        QCOMPARE(state(), before);
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
