// tellerctl check's replication warning (tools/tellerctl/ReplicationCheck): when a server with
// standbys confirms commits no standby has yet. The server's side of it (a real standby, the
// setting changed by pg_auto_failover) is in tests/failover/tst_failover.
#include "ReplicationCheck.h"

#include <QTest>

using namespace tellerctl;

class TestReplicationWarning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void warning_data()
    {
        QTest::addColumn<int>("standbys");
        QTest::addColumn<QString>("names");  // synchronous_standby_names
        QTest::addColumn<QString>("commit"); // synchronous_commit
        QTest::addColumn<bool>("warns");
        QTest::addColumn<QString>("says"); // part of the message

        // No standby: nothing to lose to a failover (a single server, the tests' own).
        QTest::addRow("single server") << 0 << QString() << QStringLiteral("on") << false << QString();
        QTest::addRow("single server, commit off") << 0 << QString() << QStringLiteral("off") << false << QString();
        QTest::addRow("names but no standby") << 0 << QStringLiteral("ANY 1 (s1)") << QStringLiteral("on") << false << QString();
        // Synchronous: the primary waits for a standby.
        QTest::addRow("pg_auto_failover sync")
            << 1 << QStringLiteral("ANY 1 (pgautofailover_standby_2)") << QStringLiteral("on") << false << QString();
        QTest::addRow("first 1") << 2 << QStringLiteral("FIRST 1 (a, b)") << QStringLiteral("remote_apply") << false << QString();
        QTest::addRow("star") << 1 << QStringLiteral("*") << QStringLiteral("remote_write") << false << QString();
        // Asynchronous: standbys, nobody waited for.
        QTest::addRow("empty names") << 1 << QString() << QStringLiteral("on") << true << QStringLiteral("synchronous_standby_names");
        QTest::addRow("blank names") << 2 << QStringLiteral("  ") << QStringLiteral("on") << true << QStringLiteral("2 standby(s)");
        QTest::addRow("commit local") << 1 << QStringLiteral("ANY 1 (s1)") << QStringLiteral("local") << true
                                      << QStringLiteral("synchronous_commit is local");
        QTest::addRow("commit off") << 1 << QStringLiteral("ANY 1 (s1)") << QStringLiteral("off") << true
                                    << QStringLiteral("synchronous_commit is off");
        QTest::addRow("commit OFF") << 1 << QStringLiteral("s1") << QStringLiteral("OFF") << true << QStringLiteral("is off");
    }

    void warning()
    {
        QFETCH(int, standbys);
        QFETCH(QString, names);
        QFETCH(QString, commit);
        QFETCH(bool, warns);
        QFETCH(QString, says);
        const auto w = replicationWarning(ReplicationState{standbys, names, commit});
        QCOMPARE(w.has_value(), warns);
        if (!w)
            return;
        QCOMPARE(w->value(QStringLiteral("warning")).toString(), QStringLiteral("asynchronous_replication"));
        QCOMPARE(w->value(QStringLiteral("standbys")).toInt(), standbys);
        QCOMPARE(w->value(QStringLiteral("synchronous_standby_names")).toString(), names);
        QCOMPARE(w->value(QStringLiteral("synchronous_commit")).toString(), commit);
        const QString message = w->value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(says), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestReplicationWarning)
#include "tst_replication_warning.moc"
