// Every lookup path has an index, and PostgreSQL uses it: the statements the core runs, on a
// database with enough rows (30,000 accounts, 120,000 operations and ledger entries) that a
// sequential scan would show, explained as the server plans them.
#include "PgTestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestPlans : public QObject
{
    Q_OBJECT

    QString m_db;

    // Every "Index Name" in a JSON plan, and whether any node is a sequential scan.
    static void walk(const QJsonObject &node, QStringList &indexes, QStringList &seqScans)
    {
        if (node.contains(QStringLiteral("Index Name")))
            indexes << node.value(QStringLiteral("Index Name")).toString();
        if (node.value(QStringLiteral("Node Type")).toString() == u"Seq Scan")
            seqScans << node.value(QStringLiteral("Relation Name")).toString();
        for (const QJsonValue &child : node.value(QStringLiteral("Plans")).toArray())
            walk(child.toObject(), indexes, seqScans);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = PgTestServer::instance().createDatabase();
        Sql sql(m_db);
        // Bulk data straight into the tables (as the owner): balances equal their ledger.
        SQL_VERIFY(sql, QStringLiteral(
            "INSERT INTO teller.accounts (number, holder, currency) "
            "SELECT 'P' || lpad(i::text, 7, '0'), (ARRAY['Anna','Ben','Clara','Dora','Emil','Maria','Noah','Paul'])[1 + i % 8] "
            "       || ' ' || md5(i::text), 'EUR' FROM generate_series(1, 30000) i"));
        SQL_VERIFY(sql, QStringLiteral(
            "INSERT INTO teller.operations (key, kind, account_number, account_id, amount, currency, fingerprint, status, "
            "       balance_after, available_after, initiated_by, workstation, created_at) "
            "SELECT gen_random_uuid(), 'deposit', a.number, a.id, 1000, 'EUR', sha256(i::text::bytea), 'completed', 1000, 1000, "
            "       't_teller1', 'plans', now() - (i || ' seconds')::interval "
            "  FROM generate_series(1, 120000) i JOIN teller.accounts a ON a.id = 1 + i % 30000"));
        SQL_VERIFY(sql, QStringLiteral(
            "INSERT INTO teller.ledger_entries (operation_id, account_id, amount, balance_after) "
            "SELECT id, account_id, amount, 1000 FROM teller.operations"));
        SQL_VERIFY(sql, QStringLiteral(
            "UPDATE teller.accounts a SET balance = l.total FROM "
            "(SELECT account_id, sum(amount) AS total FROM teller.ledger_entries GROUP BY account_id) l WHERE l.account_id = a.id"));
        SQL_VERIFY(sql, QStringLiteral("ANALYZE"));
    }

    void lookupsUseTheirIndexes_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QString>("index");
        QTest::addRow("account by number") << "SELECT * FROM teller.accounts WHERE number = 'P0012345'" << "accounts_number"; // _key or _prefix: both serve
        // The search statements exactly as AccountDirectory::search runs them.
        QTest::addRow("account number prefix") << "SELECT * FROM teller.accounts WHERE number COLLATE \"C\" LIKE 'P00123%' "
                                                  "ORDER BY number COLLATE \"C\" LIMIT 50"
                                               << "accounts_number";
        QTest::addRow("holder prefix") << "SELECT * FROM teller.accounts WHERE lower(holder) COLLATE \"C\" LIKE lower('Maria 1a%') "
                                          "ORDER BY lower(holder) COLLATE \"C\" LIMIT 50"
                                       << "accounts_holder_search";
        // A prefix shared by an eighth of all holders: the index must also give the order, so
        // that LIMIT stops early instead of sorting every match.
        QTest::addRow("common holder prefix") << "SELECT * FROM teller.accounts WHERE lower(holder) COLLATE \"C\" LIKE lower('Maria%') "
                                                 "ORDER BY lower(holder) COLLATE \"C\" LIMIT 50"
                                              << "accounts_holder_search";
        QTest::addRow("operation by key") << "SELECT * FROM teller.operations WHERE key = '01a2087d-cfec-7f4d-8ece-d993be7caf98'"
                                          << "operations_key_key";
        QTest::addRow("recent operations") << "SELECT * FROM teller.operations WHERE account_id = 123 OR counter_account_id = 123 "
                                              "ORDER BY created_at DESC LIMIT 25"
                                           << "operations_account_recent";
        QTest::addRow("ledger of an account") << "SELECT * FROM teller.ledger_entries WHERE account_id = 123 ORDER BY id DESC LIMIT 200"
                                              << "ledger_entries_account";
        QTest::addRow("ledger of an operation") << "SELECT * FROM teller.ledger_entries WHERE operation_id = 4567"
                                                << "ledger_entries_operation";
        QTest::addRow("pending queue") << "SELECT * FROM teller.operations WHERE status = 'pending_approval' ORDER BY created_at LIMIT 1000"
                                       << "operations_pending";
        QTest::addRow("pending of an account") << "SELECT * FROM teller.operations WHERE account_id = 77 AND status = 'pending_approval' "
                                                  "AND expires_at <= now()"
                                               << "operations_pending";
        QTest::addRow("recent decisions") << "SELECT * FROM teller.operations WHERE decided_at IS NOT NULL ORDER BY decided_at DESC LIMIT 200"
                                          << "operations_decided_recent";
    }

    void lookupsUseTheirIndexes()
    {
        QFETCH(QString, statement);
        QFETCH(QString, index);
        Sql sql(m_db);
        const QString plan = sql.value(QStringLiteral("EXPLAIN (FORMAT JSON) ") + statement).toString();
        const QJsonObject root = QJsonDocument::fromJson(plan.toUtf8()).array().first().toObject().value(QStringLiteral("Plan")).toObject();
        QStringList indexes, seqScans;
        walk(root, indexes, seqScans);
        QVERIFY2(indexes.contains(index) || std::any_of(indexes.cbegin(), indexes.cend(), [&](const QString &i) { return i.startsWith(index); }),
                 qPrintable(QStringLiteral("expected %1, the plan uses %2\n%3").arg(index, indexes.join(u','), plan)));
        QVERIFY2(seqScans.isEmpty(), qPrintable(QStringLiteral("sequential scan of %1\n%2").arg(seqScans.join(u','), plan)));
        QVERIFY2(QTest::currentDataTag() != QByteArrayView("common holder prefix")
                     || !plan.contains(QLatin1String("\"Node Type\": \"Sort\"")),
                 qPrintable(QStringLiteral("a search sorts its matches instead of reading them in order\n%1").arg(plan)));
    }

    void theDataIsConsistent()
    {
        Sql sql(m_db);
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.mid(0, 5).join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestPlans)
#include "tst_plans.moc"
