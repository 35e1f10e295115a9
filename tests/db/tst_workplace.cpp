// The workplace's names (migration 018): a receipt or a decision names the bank, the branch and
// people by name. Staff read no table of staff; teller.workplace() and teller.workplace_staff()
// give the signed-in member the bank's name, their branch and the names of the active staff of
// that branch, and nothing else: nobody of another branch, nothing to a member who is not
// active, and nothing to a login that is not staff.
#include "PgTestServer.h"

#include "Administration.h"
#include "DbSession.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace teller;

class TestWorkplace : public QObject
{
    Q_OBJECT

    // The workplace as `login` reads it through the core.
    static Result<Workplace> workplaceOf(const QString &db, const QString &login)
    {
        DbSession session(PgTestServer::instance().staff(db, login), SessionOptions{});
        if (auto ok = session.open(); !ok)
            return fail(ok.error());
        return Administration(session).workplace();
    }

    // Runs one statement as `login` and returns its SQLSTATE ("" if it succeeded) and how many
    // rows it answered.
    static QString stateAs(const QString &db, const QString &login, const QString &statement, int *rows = nullptr)
    {
        DbSession session(PgTestServer::instance().staff(db, login), SessionOptions{});
        if (auto ok = session.open(DbSession::SchemaCheck::Skip); !ok)
            return QStringLiteral("connect failed: ") + ok.error().message;
        QSqlQuery q(session.database());
        if (!q.exec(statement))
            return q.lastError().nativeErrorCode();
        if (rows) {
            *rows = 0;
            while (q.next())
                ++*rows;
        }
        return {};
    }

    // A database whose staff have names, as a bank's have.
    static QString namedDatabase()
    {
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        sql.query(QStringLiteral("UPDATE teller.staff SET display_name = CASE login "
                                 "WHEN 't_teller1' THEN 'Anna Teller' WHEN 't_teller2' THEN 'Ben Teller' "
                                 "WHEN 't_teller3' THEN 'Cleo Teller' WHEN 't_super' THEN 'Clara Supervisor' "
                                 "ELSE display_name END"));
        return db;
    }

private Q_SLOTS:
    void initTestCase() { PgTestServer::instance(); }

    // A teller reads the bank's name (the demo's until the bank sets its own), their branch and
    // their colleagues' names.
    void aTellerReadsTheirBankBranchAndColleagues()
    {
        const QString db = namedDatabase();
        const auto w = workplaceOf(db, QStringLiteral("t_teller1"));
        QVERIFY2(w, w ? "" : qPrintable(w.error().message));
        QCOMPARE(w->bankName, QStringLiteral("Teller Bank"));
        QCOMPARE(w->branchCode, QStringLiteral("MAIN"));
        QCOMPARE(w->branchName, QStringLiteral("Main branch"));
        // The branch's time zone, as it was set up (a receipt gives its time in it).
        QCOMPARE(QString::fromUtf8(w->timeZone),
                 Sql(db).value(QStringLiteral("SELECT time_zone FROM teller.branches WHERE code = 'MAIN'")).toString());
        QVERIFY(!w->timeZone.isEmpty());
        QCOMPARE(w->nameOf(QStringLiteral("t_super")), QStringLiteral("Clara Supervisor"));
        QCOMPARE(w->nameOf(QStringLiteral("t_teller1")), QStringLiteral("Anna Teller")); // the caller too
        QCOMPARE(w->nameOf(QStringLiteral("t_teller2")), QStringLiteral("Ben Teller"));
        QCOMPARE(w->nameOf(QStringLiteral("t_admin")), QStringLiteral("t_admin")); // its name is its login here
        QVERIFY(w->staffNames.contains(QStringLiteral("t_admin")));
        // Somebody who is no colleague is named by the login.
        QCOMPARE(w->nameOf(QStringLiteral("nobody")), QStringLiteral("nobody"));
        QCOMPARE(w->staffNames.size(), 8);

        // A supervisor and an administrator read the same.
        for (const char *login : {"t_super", "t_admin"}) {
            const auto other = workplaceOf(db, QString::fromLatin1(login));
            QVERIFY2(other, other ? "" : qPrintable(other.error().message));
            QCOMPARE(other->branchCode, QStringLiteral("MAIN"));
            QCOMPARE(other->staffNames, w->staffNames);
        }

        // Login, name and role, nothing else (no limits, no passwords).
        Sql sql(db);
        QCOMPARE(sql.value(QStringLiteral("SELECT array_to_string(proargnames, ',') FROM pg_proc "
                                          "WHERE oid = 'teller.workplace_staff()'::regprocedure"))
                     .toString(),
                 QStringLiteral("login,display_name,role"));
        QCOMPARE(sql.value(QStringLiteral("SELECT array_to_string(proargnames, ',') FROM pg_proc "
                                          "WHERE oid = 'teller.workplace()'::regprocedure"))
                     .toString(),
                 QStringLiteral("bank_name,branch_code,branch_name,time_zone"));
        DbSession session(PgTestServer::instance().staff(db, QStringLiteral("t_teller1")), SessionOptions{});
        QVERIFY(session.open());
        QSqlQuery q(session.database());
        QVERIFY2(q.exec(QStringLiteral("SELECT login, role FROM teller.workplace_staff() WHERE login = 't_super'")),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(1).toString(), QStringLiteral("supervisor"));
    }

    // The bank's name is the bank's: its owner sets it in teller.settings, staff cannot, and it
    // is a name (what a receipt prints).
    void theBankSetsItsName()
    {
        const QString db = namedDatabase();
        Sql sql(db);
        SQL_VERIFY(sql, QStringLiteral("UPDATE teller.settings SET value = 'Sparkasse Nord' WHERE key = 'bank_name'"));
        const auto w = workplaceOf(db, QStringLiteral("t_teller1"));
        QVERIFY2(w, w ? "" : qPrintable(w.error().message));
        QCOMPARE(w->bankName, QStringLiteral("Sparkasse Nord"));

        for (const char *value : {"", "   ", "Bank\nof lies", "Bank \u202Eknab"}) {
            QString refused;
            QVERIFY2(!sql.exec(QStringLiteral("UPDATE teller.settings SET value = ? WHERE key = 'bank_name'"),
                               {QString::fromUtf8(value)}, &refused),
                     value);
            QVERIFY2(refused.contains(QLatin1String("settings_bank_name_is_a_name")), qPrintable(refused));
        }
        QVERIFY(!sql.exec(QStringLiteral("UPDATE teller.settings SET value = ? WHERE key = 'bank_name'"), {QString(101, u'x')}));
        for (const char *login : {"t_teller1", "t_super", "t_admin"})
            QCOMPARE(stateAs(db, QString::fromLatin1(login),
                             QStringLiteral("UPDATE teller.settings SET value = 'Mine' WHERE key = 'bank_name'")),
                     QStringLiteral("42501"));
        QCOMPARE(workplaceOf(db, QStringLiteral("t_super"))->bankName, QStringLiteral("Sparkasse Nord"));
    }

    // A member of another branch is not listed, and reads their own branch and colleagues; a
    // member who is no longer active is not listed and reads nothing.
    void onlyActiveStaffOfTheSameBranch()
    {
        const QString db = namedDatabase();
        Sql sql(db);
        SQL_VERIFY(sql, QStringLiteral("SELECT teller.open_branch('NORTH', 'North branch')"));
        SQL_VERIFY(sql, QStringLiteral("UPDATE teller.staff SET branch_id = (SELECT id FROM teller.branches WHERE code = 'NORTH') "
                                       "WHERE login IN ('t_teller3', 't_super2')"));
        SQL_VERIFY(sql, QStringLiteral("UPDATE teller.staff SET active = false WHERE login = 't_teller2'"));

        const auto main = workplaceOf(db, QStringLiteral("t_teller1"));
        QVERIFY2(main, main ? "" : qPrintable(main.error().message));
        QCOMPARE(main->branchCode, QStringLiteral("MAIN"));
        QVERIFY(!main->staffNames.contains(QStringLiteral("t_teller3")));
        QVERIFY(!main->staffNames.contains(QStringLiteral("t_super2")));
        QVERIFY(!main->staffNames.contains(QStringLiteral("t_teller2"))); // not active
        QCOMPARE(main->nameOf(QStringLiteral("t_teller3")), QStringLiteral("t_teller3"));
        QCOMPARE(main->staffNames.size(), 5);

        const auto north = workplaceOf(db, QStringLiteral("t_teller3"));
        QVERIFY2(north, north ? "" : qPrintable(north.error().message));
        QCOMPARE(north->bankName, QStringLiteral("Teller Bank"));
        QCOMPARE(north->branchCode, QStringLiteral("NORTH"));
        QCOMPARE(north->branchName, QStringLiteral("North branch"));
        QCOMPARE(north->staffNames, (QHash<QString, QString>{{QStringLiteral("t_teller3"), QStringLiteral("Cleo Teller")},
                                                             {QStringLiteral("t_super2"), QStringLiteral("t_super2")}}));

        // Who is not active reads no workplace and no colleague.
        const auto inactive = workplaceOf(db, QStringLiteral("t_teller2"));
        QVERIFY(!inactive);
        QCOMPARE(inactive.error().kind, Error::Kind::Permission);
        int rows = -1;
        QCOMPARE(stateAs(db, QStringLiteral("t_teller2"), QStringLiteral("SELECT * FROM teller.workplace_staff()"), &rows), QString());
        QCOMPARE(rows, 0);
        QCOMPARE(stateAs(db, QStringLiteral("t_teller2"), QStringLiteral("SELECT * FROM teller.workplace()"), &rows), QString());
        QCOMPARE(rows, 0);
    }

    // Staff execute it, nobody else: not PUBLIC, not a login that may connect but is not staff.
    // It runs as its owner with its search_path pinned, as its neighbours.
    void onlyStaffExecuteIt()
    {
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        for (const QString &fn : {QStringLiteral("teller.workplace()"), QStringLiteral("teller.workplace_staff()")}) {
            QCOMPARE(sql.value(QStringLiteral("SELECT has_function_privilege('public', ?::regprocedure, 'EXECUTE')"), {fn}).toBool(),
                     false);
            QCOMPARE(
                sql.value(QStringLiteral("SELECT has_function_privilege('teller_staff', ?::regprocedure, 'EXECUTE')"), {fn}).toBool(),
                true);
            QCOMPARE(sql.value(QStringLiteral("SELECT prosecdef FROM pg_proc WHERE oid = ?::regprocedure"), {fn}).toBool(), true);
            QCOMPARE(sql.value(QStringLiteral("SELECT array_to_string(proconfig, ';') FROM pg_proc WHERE oid = ?::regprocedure"), {fn})
                         .toString(),
                     QStringLiteral("search_path=pg_catalog, pg_temp"));
            // Granted to the group teller_staff only; nobody else is named.
            QCOMPARE(
                sql.value(QStringLiteral("SELECT string_agg(DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE g.rolname END, ',') "
                                         "  FROM pg_proc p, aclexplode(p.proacl) a LEFT JOIN pg_roles g ON g.oid = a.grantee "
                                         " WHERE p.oid = ?::regprocedure AND a.grantee <> p.proowner"),
                          {fn})
                    .toString(),
                QStringLiteral("teller_staff"));
        }

        // A login that may connect (CONNECT granted by hand) but is not staff.
        SQL_VERIFY(sql, QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'outsider') THEN "
                                       "EXECUTE format('CREATE ROLE outsider LOGIN PASSWORD %L', "
                                       "(SELECT rolpassword FROM pg_authid WHERE rolname = 't_teller1')); END IF; END $$"));
        SQL_VERIFY(sql, QStringLiteral("GRANT CONNECT ON DATABASE %1 TO outsider").arg(db));
        SQL_VERIFY(sql, QStringLiteral("GRANT USAGE ON SCHEMA teller TO outsider"));
        QCOMPARE(stateAs(db, QStringLiteral("outsider"), QStringLiteral("SELECT * FROM teller.workplace()")), QStringLiteral("42501"));
        QCOMPARE(stateAs(db, QStringLiteral("outsider"), QStringLiteral("SELECT * FROM teller.workplace_staff()")),
                 QStringLiteral("42501"));
        // And staff still read no table of staff.
        QCOMPARE(stateAs(db, QStringLiteral("t_teller1"), QStringLiteral("SELECT display_name FROM teller.staff")),
                 QStringLiteral("42501"));
    }
};

QTEST_GUILESS_MAIN(TestWorkplace)
#include "tst_workplace.moc"
