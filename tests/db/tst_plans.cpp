// Every lookup path has an index, and PostgreSQL uses it: the statements the core runs, on a
// database with enough rows (30,000 accounts, 120,000 operations and ledger entries, 100,000
// events) that a sequential scan would show, explained as the server plans them. Staff read
// through the server's functions (migration 014): the statements inside them are checked as
// they really run, logged by auto_explain with nested statements: the account search through
// the core's own prepared statement with bound values, after the plan cache has settled, and
// as a generic plan (searchAsTheCoreRunsIt), the other reads as the core calls them
// (readsInsideTheFunctionsUseTheirIndexes).
#include "PgTestServer.h"

#include "Accounts.h"
#include "DbSession.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace teller;

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

    // What auto_explain logged for one server process since `offset` in the server's log: each
    // plan with its query text (JSON, EXPLAIN ANALYZE style).
    static QList<QJsonObject> loggedPlans(qint64 offset, int pid)
    {
        QFile f(PgTestServer::instance().server().logFile());
        if (!f.open(QIODevice::ReadOnly) || !f.seek(offset))
            return {};
        const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
        const QString process = QStringLiteral("[%1] ").arg(pid);
        QList<QJsonObject> plans;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (!lines.at(i).contains(process) || !lines.at(i).endsWith(QLatin1String("plan:")))
                continue;
            QString json; // the server indents every further line of a message with a tab
            for (qsizetype j = i + 1; j < lines.size() && lines.at(j).startsWith(u'\t'); ++j)
                json += lines.at(j).mid(1) + u'\n';
            const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
            if (doc.isObject())
                plans << doc.object();
        }
        return plans;
    }

    // auto_explain for `login` in this test's database: every plan it runs, nested statements
    // (those inside functions) included, as JSON with what each node read. (Settings for
    // superusers alone, hence ALTER ROLE by the superuser; the names are the fixture's letters
    // and digits.)
    void explainEverything(const QString &login)
    {
        Sql sql(m_db);
        for (const char *setting :
             {"session_preload_libraries = 'auto_explain'", "auto_explain.log_min_duration = 0", "auto_explain.log_analyze = on",
              "auto_explain.log_timing = off", "auto_explain.log_format = 'json'", "auto_explain.log_nested_statements = on"})
            SQL_VERIFY(sql, QStringLiteral("ALTER ROLE %1 IN DATABASE %2 SET %3").arg(login, m_db, QString::fromLatin1(setting)));
    }

    struct Reading
    {
        QStringList indexesWithCond, indexesFilterOnly, seqScans;
        qint64 rowsRead = 0, rowsRemovedByFilter = 0, largestSortInput = 0;
    };
    // What an executed plan did: which indexes it searched (Index Cond) or only walked with a
    // Filter, how many rows its scans returned and threw away, and the largest sort.
    static void read(const QJsonObject &node, Reading &r)
    {
        const QString type = node.value(QStringLiteral("Node Type")).toString();
        const bool executed = node.value(QStringLiteral("Actual Loops")).toInteger() > 0;
        if (node.contains(QStringLiteral("Index Name")) && executed)
            (node.contains(QStringLiteral("Index Cond")) ? r.indexesWithCond : r.indexesFilterOnly)
                << node.value(QStringLiteral("Index Name")).toString();
        if (type == u"Seq Scan" && executed)
            r.seqScans << node.value(QStringLiteral("Relation Name")).toString();
        if (type.contains(QLatin1String("Scan"))) {
            r.rowsRead += node.value(QStringLiteral("Actual Rows")).toInteger();
            r.rowsRemovedByFilter += node.value(QStringLiteral("Rows Removed by Filter")).toInteger()
                                     + node.value(QStringLiteral("Rows Removed by Index Recheck")).toInteger();
        }
        const QJsonArray children = node.value(QStringLiteral("Plans")).toArray();
        if (type == u"Sort" || type == u"Incremental Sort") {
            for (const QJsonValue &child : children)
                r.largestSortInput = std::max(r.largestSortInput, child.toObject().value(QStringLiteral("Actual Rows")).toInteger());
        }
        for (const QJsonValue &child : children)
            read(child.toObject(), r);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = PgTestServer::instance().createDatabase();
        Sql sql(m_db);
        // Bulk data straight into the tables (as the owner): balances equal their movements,
        // deposits paid in from the main branch's cash in transit.
        SQL_VERIFY(
            sql, QStringLiteral(
                     "INSERT INTO teller.accounts (number, holder, currency) "
                     "SELECT 'P' || lpad(i::text, 7, '0'), (ARRAY['Anna','Ben','Clara','Dora','Emil','Maria','Noah','Paul'])[1 + i % 8] "
                     "       || ' ' || md5(i::text), 'EUR' FROM generate_series(1, 30000) i"));
        SQL_VERIFY(
            sql,
            QStringLiteral(
                "INSERT INTO teller.operations (key, kind, account_number, account_id, debit_account_id, credit_account_id, amount, "
                "       currency, fingerprint, status, balance_after, available_after, initiated_by, workstation, created_at) "
                "SELECT gen_random_uuid(), 'deposit', a.number, a.id, t.id, a.id, 1000, 'EUR', sha256(i::text::bytea), 'completed', "
                "       1000, 1000, 't_teller1', 'plans', now() - (i || ' seconds')::interval "
                "  FROM generate_series(1, 120000) i JOIN teller.accounts a ON a.id = 1 + i % 30000 AND a.kind = 'customer', "
                "       teller.accounts t WHERE t.kind = 'in_transit' AND t.currency = 'EUR'"));
        SQL_VERIFY(sql, QStringLiteral("UPDATE teller.accounts a SET balance = m.total FROM "
                                       "(SELECT credit_account_id AS id, sum(amount) AS total FROM teller.movements "
                                       "  WHERE workstation = 'plans' GROUP BY 1) m WHERE m.id = a.id"));
        SQL_VERIFY(sql, QStringLiteral("UPDATE teller.accounts SET balance = balance + "
                                       "(SELECT sum(amount) FROM teller.movements WHERE workstation = 'plans') "
                                       "WHERE kind = 'in_transit' AND currency = 'EUR'"));
        SQL_VERIFY(sql, QStringLiteral("INSERT INTO teller.events (kind, key, status, initiated_by) "
                                       "SELECT 'operation', gen_random_uuid(), 'pending_approval', 't_teller' || (1 + i % 3) "
                                       "  FROM generate_series(1, 100000) i"));
        SQL_VERIFY(sql, QStringLiteral("ANALYZE"));
    }

    void lookupsUseTheirIndexes_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QString>("index");
        QTest::addRow("account by number") << "SELECT * FROM teller.accounts WHERE number = 'P0012345'"
                                           << "accounts_number"; // _key or _prefix: both serve
        // The search's two branches with literal values (a custom plan). The core's own prepared
        // statement, with bound values and the plan cache, is checked in searchAsTheCoreRunsIt.
        QTest::addRow("account number prefix") << "SELECT * FROM teller.accounts WHERE number COLLATE \"C\" >= 'P00123' "
                                                  "AND number COLLATE \"C\" < teller.prefix_end('P00123') "
                                                  "ORDER BY number COLLATE \"C\" LIMIT 50"
                                               << "accounts_number";
        QTest::addRow("holder prefix") << "SELECT * FROM teller.accounts WHERE lower(holder) COLLATE \"C\" >= lower('Maria 1a') "
                                          "AND lower(holder) COLLATE \"C\" < teller.prefix_end(lower('Maria 1a')) "
                                          "ORDER BY lower(holder) COLLATE \"C\" LIMIT 50"
                                       << "accounts_holder_search";
        // A prefix shared by an eighth of all holders: the index must also give the order, so
        // that LIMIT stops early instead of sorting every match.
        QTest::addRow("common holder prefix") << "SELECT * FROM teller.accounts WHERE lower(holder) COLLATE \"C\" >= lower('Maria') "
                                                 "AND lower(holder) COLLATE \"C\" < teller.prefix_end(lower('Maria')) "
                                                 "ORDER BY lower(holder) COLLATE \"C\" LIMIT 50"
                                              << "accounts_holder_search";
        QTest::addRow("operation by key") << "SELECT * FROM teller.operations WHERE key = '01a2087d-cfec-7f4d-8ece-d993be7caf98'"
                                          << "operations_key_key";
        QTest::addRow("recent operations") << "SELECT * FROM teller.operations WHERE account_id = 123 OR counter_account_id = 123 "
                                              "ORDER BY created_at DESC LIMIT 25"
                                           << "operations_account_recent";
        QTest::addRow("a teller's session") << "SELECT * FROM teller.operations WHERE initiated_by = 't_teller1' "
                                               "AND created_at >= now() - interval '1 hour' ORDER BY created_at DESC"
                                            << "operations_initiator_recent";
        QTest::addRow("pending queue")
            << "SELECT * FROM teller.operations WHERE status = 'pending_approval' ORDER BY created_at LIMIT 1000"
            << "operations_pending";
        QTest::addRow("pending of an account")
            << "SELECT * FROM teller.operations WHERE account_id = 77 AND status = 'pending_approval' "
               "AND expires_at <= now()"
            << "operations_pending";
        QTest::addRow("recent decisions")
            << "SELECT * FROM teller.operations WHERE decided_at IS NOT NULL ORDER BY decided_at DESC LIMIT 200"
            << "operations_decided_recent";
    }

    void lookupsUseTheirIndexes()
    {
        QFETCH(QString, statement);
        QFETCH(QString, index);
        Sql sql(m_db);
        const QString plan = sql.value(QStringLiteral("EXPLAIN (FORMAT JSON) ") + statement).toString();
        const QJsonObject root =
            QJsonDocument::fromJson(plan.toUtf8()).array().first().toObject().value(QStringLiteral("Plan")).toObject();
        QStringList indexes, seqScans;
        walk(root, indexes, seqScans);
        QVERIFY2(indexes.contains(index)
                     || std::any_of(indexes.cbegin(), indexes.cend(), [&](const QString &i) { return i.startsWith(index); }),
                 qPrintable(QStringLiteral("expected %1, the plan uses %2\n%3").arg(index, indexes.join(u','), plan)));
        QVERIFY2(seqScans.isEmpty(), qPrintable(QStringLiteral("sequential scan of %1\n%2").arg(seqScans.join(u','), plan)));
        QVERIFY2(QTest::currentDataTag() != QByteArrayView("common holder prefix")
                     || !plan.contains(QLatin1String("\"Node Type\": \"Sort\"")),
                 qPrintable(QStringLiteral("a search sorts its matches instead of reading them in order\n%1").arg(plan)));
    }

    void searchAsTheCoreRunsIt_data()
    {
        QTest::addColumn<QString>("typed");    // what the teller types into the search field
        QTest::addColumn<QString>("index");    // the index that must find the matches
        QTest::addColumn<QString>("planMode"); // plan_cache_mode in the core's session
        for (const char *mode : {"auto", "force_generic_plan"}) {
            // A prefix shared by about 15 holders (fewer than the 50 asked for: a scan that
            // walks the index with a filter reads every row before it gives up).
            QTest::addRow("rare holder prefix, %s", mode)
                << QStringLiteral("Maria 1a") << QStringLiteral("accounts_holder_search") << QString::fromLatin1(mode);
            // A word shared by an eighth of all holders: read in order, stop after 50.
            QTest::addRow("common word, %s", mode)
                << QStringLiteral("maria") << QStringLiteral("holder_words_pkey") << QString::fromLatin1(mode);
            // The start of a word that is not the first (about 7 holders).
            QTest::addRow("rare later word, %s", mode)
                << QStringLiteral("1a2") << QStringLiteral("holder_words_pkey") << QString::fromLatin1(mode);
            QTest::addRow("number prefix, %s", mode)
                << QStringLiteral("P00123") << QStringLiteral("accounts_number_search") << QString::fromLatin1(mode);
        }
    }

    // AccountDirectory::search as the window runs it: the core's own prepared statement (no copy
    // of its text here), its values bound, on the core's session, and inside it the query of
    // teller.search_accounts, whose plan plpgsql keeps for the session. auto_explain logs the
    // plan each execution really used, with what it read. The search runs 8 times first: from
    // the 6th execution on, PostgreSQL's plan cache (plan_cache_mode = auto, the default) may
    // switch to a generic plan, made without the values; force_generic_plan shows what that
    // plan is (a server, database or role may set it).
    void searchAsTheCoreRunsIt()
    {
        QFETCH(QString, typed);
        QFETCH(QString, index);
        QFETCH(QString, planMode);
        explainEverything(QStringLiteral("t_teller1"));

        DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1")), SessionOptions{});
        QVERIFY(session.open());
        QVERIFY(session.exec(QStringLiteral("SET plan_cache_mode = ") + planMode)); // a name from the table above
        AccountDirectory directory(session);
        for (int i = 0; i < 8; ++i)
            QVERIFY(directory.search(typed));
        const qint64 offset = QFileInfo(PgTestServer::instance().server().logFile()).size();
        auto found = directory.search(typed);
        QVERIFY(found);
        QVERIFY(!found->isEmpty());

        const QList<QJsonObject> plans = loggedPlans(offset, session.serverProcessId());
        QJsonObject plan;
        for (const QJsonObject &p : plans) {
            if (p.value(QStringLiteral("Query Text")).toString().contains(QLatin1String("UNION ALL")))
                plan = p;
        }
        QVERIFY2(!plan.isEmpty(), qPrintable(QStringLiteral("auto_explain logged no plan of the search (%1 plans)\n%2")
                                                 .arg(plans.size())
                                                 .arg(PgTestServer::instance().logTail(2000))));
        const QString text = QString::fromUtf8(QJsonDocument(plan).toJson(QJsonDocument::Indented));
        Reading r;
        read(plan.value(QStringLiteral("Plan")).toObject(), r);
        qInfo("%s: %lld rows read, %lld removed by a filter, largest sort %lld rows; searched %s, walked %s", QTest::currentDataTag(),
              r.rowsRead, r.rowsRemovedByFilter, r.largestSortInput, qPrintable(r.indexesWithCond.join(u',')),
              qPrintable(r.indexesFilterOnly.join(u',')));

        const bool good = r.seqScans.isEmpty() && r.indexesWithCond.contains(index) && r.indexesFilterOnly.isEmpty()
                          && r.rowsRemovedByFilter <= 50 && r.rowsRead <= 300 && r.largestSortInput <= 100;
        // Generic plans included: the search's prefixes are explicit ranges (migration 009); with
        // "LIKE $n" a generic plan walked both indexes from the start with a filter (about
        // 60,000 rows read here for 13 matches).
        QVERIFY2(good, qPrintable(QStringLiteral("the search reads far more than it returns, or sorts: %1 rows read, %2 removed "
                                                 "by a filter, largest sort %3 rows, seq scans: %4\n%5")
                                      .arg(r.rowsRead)
                                      .arg(r.rowsRemovedByFilter)
                                      .arg(r.largestSortInput)
                                      .arg(r.seqScans.join(u','), text)));
    }

    void readsInsideTheFunctionsUseTheirIndexes_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("call");   // as the core calls it (core/service)
        QTest::addColumn<QString>("inside"); // a piece of the statement inside the function
        QTest::addColumn<QString>("index");  // the index that must find its rows
        QTest::addRow("an account by number") << "t_teller1"
                                              << "SELECT * FROM teller.find_account('P0012345')"
                                              << "WHERE a.number = p_number"
                                              << "accounts_number";
        QTest::addRow("an account's recent operations") << "t_teller1"
                                                        << "SELECT * FROM teller.account_history('P0012345', 25)"
                                                        << "FROM teller.operations o"
                                                        << "operations_account_recent";
        QTest::addRow("the pending queue") << "t_super"
                                           << "SELECT * FROM teller.pending_operations(1000)"
                                           << "o.status = 'pending_approval'"
                                           << "operations_pending";
        QTest::addRow("recent decisions") << "t_super"
                                          << "SELECT * FROM teller.decided_operations(200)"
                                          << "o.decided_at IS NOT NULL"
                                          << "operations_decided_recent";
        QTest::addRow("an account's statement") << "t_super"
                                                << "SELECT * FROM teller.account_statement('P0012345', 200)"
                                                << "WITH ids AS"
                                                << "operations_account_recent";
        QTest::addRow("events after a cursor, a teller") << "t_teller1"
                                                         << "SELECT * FROM teller.events_after(99000)"
                                                         << "x.id > p_cursor"
                                                         << "events_pkey";
        QTest::addRow("events after a cursor, a supervisor") << "t_super"
                                                             << "SELECT * FROM teller.events_after(99000)"
                                                             << "x.id > p_cursor"
                                                             << "events_pkey";
        QTest::addRow("where the events end") << "t_super"
                                              << "SELECT * FROM teller.events_after(NULL)"
                                              << "max(x.id)"
                                              << "events_pkey";
    }

    // Each read function's statement as it runs inside the function, its values bound as
    // plpgsql binds them: an index finds what it reads, no big table is read whole.
    void readsInsideTheFunctionsUseTheirIndexes()
    {
        QFETCH(QString, login);
        QFETCH(QString, call);
        QFETCH(QString, inside);
        QFETCH(QString, index);
        explainEverything(login);
        DbSession session(PgTestServer::instance().staff(m_db, login), SessionOptions{});
        QVERIFY(session.open());
        for (int i = 0; i < 7; ++i) // past the plan cache's first five custom plans
            QVERIFY(session.exec(call));
        const qint64 offset = QFileInfo(PgTestServer::instance().server().logFile()).size();
        QVERIFY(session.exec(call));
        QJsonObject plan;
        for (const QJsonObject &p : loggedPlans(offset, session.serverProcessId())) {
            if (p.value(QStringLiteral("Query Text")).toString().contains(inside))
                plan = p;
        }
        QVERIFY2(!plan.isEmpty(),
                 qPrintable(
                     QStringLiteral("auto_explain logged no plan with \"%1\"\n%2").arg(inside, PgTestServer::instance().logTail(2000))));
        const QString text = QString::fromUtf8(QJsonDocument(plan).toJson(QJsonDocument::Indented));
        Reading r;
        read(plan.value(QStringLiteral("Plan")).toObject(), r);
        QStringList bigTablesScanned = r.seqScans;
        bigTablesScanned.removeAll(QStringLiteral("ledger_entries")); // empty here
        // A partial index (the pending queue, the decisions) is read from its start, without an
        // Index Cond: it holds nothing else.
        const QStringList used = r.indexesWithCond + r.indexesFilterOnly;
        QVERIFY2(std::any_of(used.cbegin(), used.cend(), [&](const QString &i) { return i.startsWith(index); }),
                 qPrintable(QStringLiteral("expected %1, the plan used %2\n%3").arg(index, used.join(u','), text)));
        QVERIFY2(bigTablesScanned.isEmpty(),
                 qPrintable(QStringLiteral("sequential scan of %1\n%2").arg(bigTablesScanned.join(u','), text)));
        QVERIFY2(r.rowsRead <= 3000, qPrintable(QStringLiteral("%1 rows read\n%2").arg(r.rowsRead).arg(text)));
    }

    // The ranges find exactly what starts with the typed text: no more (a % or _ is a
    // character, not a wildcard), no less (case, letters beyond ASCII, the last character).
    void searchFindsExactlyThePrefix()
    {
        Sql sql(m_db);
        const QStringList holders{QStringLiteral("100% Zinsen GmbH"), QStringLiteral("100 Zinsen AG"), QStringLiteral("Zo_e Weber"),
                                  QStringLiteral("Zoxe Weber"),       QStringLiteral("Zoë Weber"),     QStringLiteral("ZOË WEBER-LANG"),
                                  QStringLiteral("Zof Weber"),        QStringLiteral("Zp Weber")};
        for (qsizetype i = 0; i < holders.size(); ++i)
            QVERIFY(sql.exec(QStringLiteral("INSERT INTO teller.accounts (number, holder, currency) VALUES (?, ?, 'EUR')"),
                             {QStringLiteral("Q%1").arg(i, 7, 10, QLatin1Char('0')), holders.at(i)}));
        SQL_VERIFY(sql, QStringLiteral("ANALYZE teller.accounts"));

        DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1")), SessionOptions{});
        QVERIFY(session.open());
        AccountDirectory directory(session);
        const auto found = [&](const QString &typed) {
            QStringList names;
            if (auto list = directory.search(typed)) {
                for (const AccountInfo &a : *list)
                    names << a.holder;
            } else {
                names << QStringLiteral("error: ") + list.error().message;
            }
            names.sort();
            return names;
        };
        QCOMPARE(found(QStringLiteral("100%")), QStringList{QStringLiteral("100% Zinsen GmbH")});
        QCOMPARE(found(QStringLiteral("zo_")), QStringList{QStringLiteral("Zo_e Weber")});
        QCOMPARE(found(QStringLiteral("zoë")), (QStringList{QStringLiteral("ZOË WEBER-LANG"), QStringLiteral("Zoë Weber")}));
        QCOMPARE(found(QStringLiteral("Zo")).size(), 5); // Zo_e, Zoxe, Zoë, ZOË, Zof; not Zp
        QCOMPARE(found(QStringLiteral("Zoe")), QStringList{});
        QCOMPARE(found(QStringLiteral("Q000000")).size(), holders.size()); // by number
        QCOMPARE(found(QStringLiteral("Q0000004")), QStringList{QStringLiteral("Zoë Weber")});

        // The end of a range: the last character plus one, by code point.
        QCOMPARE(sql.value(QStringLiteral("SELECT teller.prefix_end('abc')")).toString(), QStringLiteral("abd"));
        QCOMPARE(sql.value(QStringLiteral("SELECT teller.prefix_end('zo%')")).toString(), QStringLiteral("zo&"));
        QCOMPARE(sql.value(QStringLiteral("SELECT teller.prefix_end('zoë') = 'zoì'")).toBool(), true);
        QCOMPARE(sql.value(QStringLiteral("SELECT teller.prefix_end('a' || chr(55295)) = 'a' || chr(57344)")).toBool(), true);
        QCOMPARE(sql.value(QStringLiteral("SELECT teller.prefix_end('a' || chr(1114111)) = 'b'")).toBool(), true);
        QCOMPARE(sql.value(QStringLiteral("SELECT teller.prefix_end(chr(1114111)) IS NULL")).toBool(), true);
        QCOMPARE(sql.value(QStringLiteral("SELECT teller.prefix_end('') IS NULL")).toBool(), true);
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
