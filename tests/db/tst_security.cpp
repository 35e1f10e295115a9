// The database itself enforces the rules: a teller's own login, used from psql, cannot move
// money outside them, and not even the owner can rewrite history.
#include "PgTestServer.h"

#include "DbSession.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace teller;

class TestSecurity : public QObject
{
    Q_OBJECT

    QString m_db;

    // Runs a statement as `login` and returns its SQLSTATE ("" if it succeeded).
    QString stateAs(const QString &login, const QString &statement)
    {
        DbSession session(PgTestServer::instance().staff(m_db, login), SessionOptions{});
        if (auto ok = session.open(DbSession::SchemaCheck::Skip); !ok)
            return QStringLiteral("connect failed: ") + ok.error().message;
        QSqlQuery q(session.database());
        if (q.exec(statement))
            return {};
        return q.lastError().nativeErrorCode();
    }

    // What action_status tells `login` about `key` (with the request's fingerprint, if given).
    QString statusAs(const QString &login, const IdempotencyKey &key, const QByteArray &fingerprint = {})
    {
        DbSession session(PgTestServer::instance().staff(m_db, login), SessionOptions{});
        if (auto ok = session.open(); !ok)
            return QStringLiteral("connect failed: ") + ok.error().message;
        QSqlQuery q(session.database());
        q.prepare(QStringLiteral("SELECT status FROM teller.action_status(?::uuid, decode(?, 'hex'))"));
        q.addBindValue(key.toString());
        q.addBindValue(fingerprint.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                             : QVariant(QString::fromLatin1(fingerprint.toHex())));
        if (!q.exec() || !q.next())
            return QStringLiteral("failed: ") + q.lastError().text();
        return q.value(0).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = PgTestServer::instance().createDatabase();
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("9001"), 100000);
        sql.openAccount(QStringLiteral("9002"), 0);
    }

    void tellerCannotWriteMoneyTables_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addRow("update balance") << "UPDATE teller.accounts SET balance = balance + 100000 WHERE number = '9001'";
        QTest::addRow("update floor") << "UPDATE teller.accounts SET balance_floor = -100000000 WHERE number = '9001'";
        QTest::addRow("insert account") << "INSERT INTO teller.accounts (number, holder, currency) VALUES ('X1', 'x', 'EUR')";
        QTest::addRow("delete ledger") << "DELETE FROM teller.ledger_entries";
        QTest::addRow("update ledger") << "UPDATE teller.ledger_entries SET amount = 1";
        QTest::addRow("insert ledger") << "INSERT INTO teller.ledger_entries (operation_id, account_id, amount, balance_after) "
                                          "SELECT id, account_id, 100, 0 FROM teller.operations LIMIT 1";
        QTest::addRow("truncate ledger") << "TRUNCATE teller.ledger_entries";
        QTest::addRow("insert operation") << "INSERT INTO teller.operations (key, status, initiated_by, workstation) "
                                             "VALUES (gen_random_uuid(), 'abandoned', 'x', 'y')";
        QTest::addRow("delete operation") << "DELETE FROM teller.operations";
        QTest::addRow("raise own limit") << "UPDATE teller.staff SET approval_limit = NULL";
        QTest::addRow("change settings") << "UPDATE teller.settings SET value = '100000' WHERE key = 'approval_hold_minutes'";
        QTest::addRow("open account") << "SELECT teller.open_account('X2', 'x', 'EUR', 0)";
        QTest::addRow("add staff") << "SELECT teller.add_staff('mallory', 'x', 'supervisor', NULL, NULL)";
        QTest::addRow("unfreeze") << "SELECT teller.set_account_status('9001', 'active')";
        QTest::addRow("internal helper") << "SELECT teller.as_result(o, false) FROM teller.operations o LIMIT 1";
        QTest::addRow("alter table") << "ALTER TABLE teller.accounts DISABLE TRIGGER accounts_money";
        QTest::addRow("drop a rule") << "DROP TRIGGER accounts_money ON teller.accounts";
        QTest::addRow("create in schema") << "CREATE TABLE teller.mine (x int)";
        QTest::addRow("audit log") << "SELECT * FROM teller.audit_log";
    }

    void tellerCannotWriteMoneyTables()
    {
        QFETCH(QString, statement);
        Sql sql(m_db);
        const qint64 before = sql.count(QStringLiteral("SELECT sum(balance) + count(*) FROM teller.accounts"));
        const QString state = stateAs(QStringLiteral("t_teller1"), statement);
        QCOMPARE(state, QStringLiteral("42501"));
        QCOMPARE(sql.count(QStringLiteral("SELECT sum(balance) + count(*) FROM teller.accounts")), before);
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void adminDoesNotMoveMoney()
    {
        const Action a = makeAction(ActionKind::Withdrawal, QStringLiteral("9001"), 100);
        const Outcome o = executeAs(m_db, QStringLiteral("t_admin"), a);
        QCOMPARE(outcomeStatusName(o.status), QStringLiteral("error"));
        Sql sql(m_db);
        QCOMPARE(sql.balance(QStringLiteral("9001")), qint64(100000));
    }

    void loginWithoutStaffRowCannotMoveMoney()
    {
        Sql sql(m_db);
        // A login in the tellers' group whose staff row is gone (e.g. deactivated) is refused.
        SQL_VERIFY(sql, QStringLiteral("UPDATE teller.staff SET active = false WHERE login = 't_teller2'"));
        const Outcome o = executeAs(m_db, QStringLiteral("t_teller2"), makeAction(ActionKind::Deposit, QStringLiteral("9002"), 100));
        SQL_VERIFY(sql, QStringLiteral("UPDATE teller.staff SET active = true WHERE login = 't_teller2'"));
        QCOMPARE(outcomeStatusName(o.status), QStringLiteral("error"));
        QVERIFY2(o.message.contains(QLatin1String("not an active Teller staff member")), qPrintable(o.message));
        QCOMPARE(sql.balance(QStringLiteral("9002")), qint64(0));
    }

    void historyIsAppendOnlyEvenForTheOwner_data()
    {
        QTest::addColumn<QString>("statement");
        // The ledger is the completed operations (teller.movements); teller.ledger_entries, the
        // one-sided history up to version 10, is frozen.
        QTest::addRow("truncate old ledger") << "TRUNCATE teller.ledger_entries CASCADE";
        QTest::addRow("delete operations") << "DELETE FROM teller.operations";
        QTest::addRow("delete movements") << "DELETE FROM teller.operations WHERE status = 'completed'";
        QTest::addRow("rewrite completed") << "UPDATE teller.operations SET amount = 1 WHERE status = 'completed'";
        QTest::addRow("swap a movement's sides")
            << "UPDATE teller.operations SET debit_account_id = credit_account_id, credit_account_id = debit_account_id "
               "WHERE status = 'completed'";
        QTest::addRow("delete audit") << "DELETE FROM teller.audit_log";
    }

    void historyIsAppendOnlyEvenForTheOwner()
    {
        QFETCH(QString, statement);
        Sql sql(m_db);
        const QString ledger = QStringLiteral("SELECT count(*) + coalesce(sum(amount), 0) + coalesce(sum(debit_account_id), 0) "
                                              "FROM teller.movements");
        const qint64 before = sql.count(ledger);
        QVERIFY(before > 0);
        QString error;
        QVERIFY(!sql.exec(statement, {}, &error));
        QVERIFY2(error.contains(QLatin1String("append-only")) || error.contains(QLatin1String("may not change")), qPrintable(error));
        QCOMPARE(sql.count(ledger), before);
    }

    void balanceFloorIsAConstraint()
    {
        Sql sql(m_db);
        QString error;
        QVERIFY(!sql.exec(QStringLiteral("UPDATE teller.accounts SET balance = -1 WHERE number = '9002'"), {}, &error));
        QVERIFY2(error.contains(QLatin1String("accounts_available_not_below_floor")), qPrintable(error));
        QVERIFY(!sql.exec(QStringLiteral("UPDATE teller.accounts SET held = balance + 1 WHERE number = '9001'"), {}, &error));
        QVERIFY2(error.contains(QLatin1String("accounts_available_not_below_floor")), qPrintable(error));
    }

    // A teller hears about a key only if it is theirs and holds the request they mean: a key
    // another login took (say, after seeing it announced) is key_reused, never "completed"
    // for the teller's own withdrawal.
    void aKeyTakenByAnotherLoginIsNotReportedAsYours()
    {
        const Action mine = makeAction(ActionKind::Withdrawal, QStringLiteral("9001"), 4000);
        Action theirs = makeAction(ActionKind::Deposit, QStringLiteral("9002"), 1);
        theirs.key = mine.key;
        QCOMPARE(executeAs(m_db, QStringLiteral("t_teller2"), theirs).status, OutcomeStatus::Completed);

        QCOMPARE(statusAs(QStringLiteral("t_teller1"), mine.key), QStringLiteral("key_reused"));
        QCOMPARE(statusAs(QStringLiteral("t_teller1"), mine.key, mine.request.fingerprint()), QStringLiteral("key_reused"));
        QCOMPARE(statusAs(QStringLiteral("t_super"), mine.key, mine.request.fingerprint()), QStringLiteral("key_reused"));
        QCOMPARE(statusAs(QStringLiteral("t_super"), mine.key), QStringLiteral("completed"));
        QCOMPARE(statusAs(QStringLiteral("t_teller2"), mine.key, theirs.request.fingerprint()), QStringLiteral("completed"));
        QCOMPARE(executeAs(m_db, QStringLiteral("t_teller1"), mine).status, OutcomeStatus::KeyReused);
        Sql sql(m_db);
        QCOMPARE(sql.balance(QStringLiteral("9001")), qint64(100000));
    }

    // Only Teller staff (and the owner) connect: a login that is not staff cannot even LISTEN
    // to what the branch is doing.
    void onlyStaffMayConnect()
    {
        Sql sql(m_db);
        // The same SCRAM verifier as the fixture's staff (a verifier does not depend on the name).
        SQL_VERIFY(sql, QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'outsider') THEN "
                                       "EXECUTE format('CREATE ROLE outsider LOGIN PASSWORD %L', "
                                       "(SELECT rolpassword FROM pg_authid WHERE rolname = 't_teller1')); END IF; END $$"));
        DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("outsider")), SessionOptions{});
        const auto opened = session.open(DbSession::SchemaCheck::Skip);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, Error::Kind::Permission);
        QVERIFY2(opened.error().message.contains(QLatin1String("permission denied for database")), qPrintable(opened.error().message));
    }

    // add_staff never turns an existing role with rights of its own into a login.
    void addStaffDoesNotTakeOverARoleWithRightsOfItsOwn_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("setup");
        QTest::addRow("member of another group") << "etl"
                                                 << "CREATE ROLE etl NOLOGIN IN ROLE pg_read_server_files";
        QTest::addRow("owns a table") << "owner1"
                                      << "CREATE ROLE owner1 NOLOGIN; CREATE TABLE public.owned_by_owner1 (x int); "
                                         "ALTER TABLE public.owned_by_owner1 OWNER TO owner1";
        QTest::addRow("holds a grant") << "reader1"
                                       << "CREATE ROLE reader1 NOLOGIN; GRANT SELECT ON teller.audit_log TO reader1";
        QTest::addRow("bypasses row security") << "bypass1"
                                               << "CREATE ROLE bypass1 NOLOGIN BYPASSRLS";
    }

    void addStaffDoesNotTakeOverARoleWithRightsOfItsOwn()
    {
        QFETCH(QString, role);
        QFETCH(QString, setup);
        Sql sql(m_db);
        if (sql.count(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"), {role}) == 0)
            SQL_VERIFY(sql, setup);
        QCOMPARE(
            stateAs(QStringLiteral("t_admin"), QStringLiteral("SELECT teller.add_staff('%1', 'x', 'teller', NULL, NULL)").arg(role)),
            QStringLiteral("42501"));
        QCOMPARE(sql.value(QStringLiteral("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?"), {role}).toBool(), false);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.staff WHERE login = ?"), {role}), qint64(0));
    }

    void whoIsRecordedCannotBeForged()
    {
        // The function records session_user: SET ROLE to another teller is not even allowed,
        // and the application_name a client picks is not trusted for anything.
        QCOMPARE(stateAs(QStringLiteral("t_teller1"), QStringLiteral("SET ROLE t_teller2")), QStringLiteral("42501"));
        const Outcome o = executeAs(m_db, QStringLiteral("t_teller1"), makeAction(ActionKind::Deposit, QStringLiteral("9002"), 100));
        QCOMPARE(o.status, OutcomeStatus::Completed);
        QCOMPARE(o.initiatedBy, QStringLiteral("t_teller1"));
        Sql sql(m_db);
        QCOMPARE(
            sql.value(QStringLiteral("SELECT initiated_by FROM teller.operations WHERE key = ?::uuid"), {o.key.toString()}).toString(),
            QStringLiteral("t_teller1"));
    }

    // A pooled login (migration 020) has no rights of its own and takes those of the group its
    // transaction names; who acts is only what teller.actor proves. So every function a Teller
    // group may call asks teller.actor (itself, or through the helpers that do), except the few
    // that decide nothing about anybody: pure computations and the bank's published settings.
    void everyFunctionAPooledTransactionMayCallAsksWhoActs()
    {
        Sql sql(m_db);
        QSqlQuery q = sql.query(
            QStringLiteral("SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                           "WHERE n.nspname = 'teller' AND p.prokind = 'f' "
                           "AND (has_function_privilege('teller_tellers', p.oid, 'EXECUTE') "
                           "     OR has_function_privilege('teller_supervisors', p.oid, 'EXECUTE') "
                           "     OR has_function_privilege('teller_admins', p.oid, 'EXECUTE')) "
                           "AND pg_get_functiondef(p.oid) !~ 'teller\\.(actor|session_staff|money_staff|staff_administrator)\\(' "
                           "ORDER BY 1"));
        QStringList unchecked;
        while (q.next())
            unchecked << q.value(0).toString();
        QCOMPARE(unchecked, QStringList({QStringLiteral("teller.database_identity()"),
                                         QStringLiteral("teller.large_cash_threshold(text)"), QStringLiteral("teller.prefix_end(text)"),
                                         QStringLiteral("teller.request_fingerprint(text,text,text,bigint,text,text,text)")}));
        // The group of pooled logins holds nothing, and neither does PUBLIC.
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                                          "WHERE n.nspname = 'teller' AND (has_function_privilege('teller_pooled', p.oid, 'EXECUTE') "
                                          "OR has_function_privilege('public', p.oid, 'EXECUTE'))")),
                 qint64(0));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = 'teller_pooled'")),
                 qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
