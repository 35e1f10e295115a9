// The database itself enforces the rules: a teller's own login, used from psql, cannot move
// money outside them, and not even the owner can rewrite history.
#include "PgTestServer.h"

#include <teller/DbSession.h>

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
        QTest::addRow("alter table") << "ALTER TABLE teller.accounts DROP CONSTRAINT accounts_available_not_below_floor";
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
        QTest::addRow("update ledger") << "UPDATE teller.ledger_entries SET amount = amount * 2";
        QTest::addRow("delete ledger") << "DELETE FROM teller.ledger_entries";
        QTest::addRow("truncate ledger") << "TRUNCATE teller.ledger_entries CASCADE";
        QTest::addRow("delete operations") << "DELETE FROM teller.operations";
        QTest::addRow("rewrite completed") << "UPDATE teller.operations SET amount = 1 WHERE status = 'completed'";
        QTest::addRow("delete audit") << "DELETE FROM teller.audit_log";
    }

    void historyIsAppendOnlyEvenForTheOwner()
    {
        QFETCH(QString, statement);
        Sql sql(m_db);
        const qint64 entries = sql.count(QStringLiteral("SELECT count(*) FROM teller.ledger_entries"));
        QString error;
        QVERIFY(!sql.exec(statement, {}, &error));
        QVERIFY2(error.contains(QLatin1String("append-only")) || error.contains(QLatin1String("may not change")), qPrintable(error));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.ledger_entries")), entries);
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

    void whoIsRecordedCannotBeForged()
    {
        // The function records session_user: SET ROLE to another teller is not even allowed,
        // and the application_name a client picks is not trusted for anything.
        QCOMPARE(stateAs(QStringLiteral("t_teller1"), QStringLiteral("SET ROLE t_teller2")), QStringLiteral("42501"));
        const Outcome o = executeAs(m_db, QStringLiteral("t_teller1"), makeAction(ActionKind::Deposit, QStringLiteral("9002"), 100));
        QCOMPARE(o.status, OutcomeStatus::Completed);
        QCOMPARE(o.initiatedBy, QStringLiteral("t_teller1"));
        Sql sql(m_db);
        QCOMPARE(sql.value(QStringLiteral("SELECT initiated_by FROM teller.operations WHERE key = ?::uuid"), {o.key.toString()}).toString(),
                 QStringLiteral("t_teller1"));
    }
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
