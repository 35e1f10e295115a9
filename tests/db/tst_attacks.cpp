// What an attacker with a staff login tried (docs/SECURITY.md, findings 1–3, 5, 7–11), each
// attack done as that login with its own session, as it would be with psql, and what the
// database now says to it. Findings 4 and 6 (notifications, reads) are tst_reads_events; the
// servers' own set-up (the demo's socket, passwords, pg_hba, the migration lock) is
// tst_server_hardening.
#include "PgTestServer.h"

#include "ActionExecutor.h"
#include "Administration.h"
#include "DbSession.h"
#include "Demo.h"
#include "Supervision.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace teller;

namespace {

// A staff member's own session, used as they would use psql.
class Login
{
public:
    Login(const QString &database, const QString &login) : m_session(PgTestServer::instance().staff(database, login), options())
    {
        m_opened = bool(m_session.open(DbSession::SchemaCheck::Skip));
    }
    bool opened() const { return m_opened; }
    // Runs a statement; "" if it worked, else its SQLSTATE (and the message in *message).
    QString state(const QString &statement, QString *message = nullptr)
    {
        QSqlQuery q(m_session.database());
        if (q.exec(statement)) {
            m_last = q.next() ? q.value(0) : QVariant();
            return {};
        }
        if (message)
            *message = q.lastError().text();
        if (qEnvironmentVariableIsSet("TST_ATTACKS_VERBOSE"))
            qInfo().noquote() << statement << "->" << q.lastError().text();
        return q.lastError().nativeErrorCode().isEmpty() ? QStringLiteral("no sqlstate: ") + q.lastError().text()
                                                         : q.lastError().nativeErrorCode();
    }
    QVariant last() const { return m_last; }
    DbSession &session() { return m_session; }

private:
    static SessionOptions options()
    {
        SessionOptions o;
        o.statementTimeout = std::chrono::seconds(60);
        return o;
    }
    DbSession m_session;
    bool m_opened = false;
    QVariant m_last;
};

// perform_action as one would type it in psql, with the fingerprint the server expects.
QString performSql(Sql &owner, const QString &kind, const QString &account, qint64 amount, const QString &workstation = u"psql"_qs,
                   const QString &note = {})
{
    const QString fingerprint = owner
                                    .value(QStringLiteral("SELECT encode(teller.request_fingerprint(?, ?, NULL, ?::bigint, 'EUR', "
                                                          "NULL, NULL), 'hex')"),
                                           {kind, account, amount})
                                    .toString();
    QString sql = QStringLiteral("SELECT status FROM teller.perform_action(gen_random_uuid(), '%1', '%2', NULL, %3, 'EUR', "
                                 "decode('%4', 'hex'), %5, %6)")
                      .arg(kind, account)
                      .arg(amount)
                      .arg(fingerprint);
    // The texts go in as E'' literals, so that the test can say exactly which characters.
    const auto literal = [](const QString &text) -> QString {
        QString out = QStringLiteral("E'");
        for (const QChar c : text) {
            if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == u'\'' || c == u'\\')
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
        return out + QStringLiteral("'");
    };
    return sql.arg(literal(workstation), note.isNull() ? QStringLiteral("NULL") : literal(note));
}

} // namespace

class TestAttacks : public QObject
{
    Q_OBJECT

    QString m_db;

    static Outcome act(const QString &db, const QString &login, ActionKind kind, const QString &account, qint64 amount)
    {
        return executeAs(db, login, makeAction(kind, account, amount));
    }

    // Adds a staff member as the database's owner (who provisions it: nothing waits).
    static StaffChange addAsOwner(const QString &db, const QString &login, StaffRole role, std::optional<qint64> limit,
                                  bool unlimited = false)
    {
        DbSession owner(PgTestServer::instance().superuser(db), SessionOptions{});
        if (!owner.open(DbSession::SchemaCheck::Skip))
            qFatal("no owner session");
        Administration admin(owner);
        std::optional<Money> l;
        if (limit)
            l = Money(*limit, *Currency::fromCode(u"EUR"));
        auto added = admin.addStaff(login, login, role, l, QString::fromUtf16(PgTestServer::Password), {}, unlimited);
        if (!added)
            qFatal("cannot add %s: %s", qPrintable(login), qPrintable(added.error().message));
        return *added;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = PgTestServer::instance().createDatabase();
        Sql sql(m_db);
        for (const char *number : {"9001", "9002", "9003", "9004", "9005", "9006", "9007"})
            sql.openAccount(QString::fromLatin1(number), 10'000'000);
    }

    // Finding 1: a teller's own login booked a 10,000,000,000,000.00 deposit. A deposit is
    // cash into the teller's till, above their limit it waits for a supervisor, and beyond
    // the teller's daily cash limit too.
    void aTellerCannotCreateMoneyWithADeposit()
    {
        Sql sql(m_db);
        const qint64 before = sql.balance(u"9001"_qs);
        Login mallory(m_db, u"t_limited"_qs);
        QVERIFY(mallory.opened());
        QCOMPARE(mallory.state(performSql(sql, u"deposit"_qs, u"9001"_qs, 999'999'999'999'999)), QString());
        QCOMPARE(mallory.last().toString(), u"pending_approval"_qs);
        QCOMPARE(sql.balance(u"9001"_qs), before);

        // Within the approval limit but beyond the daily cash limit: a supervisor decides.
        SQL_VERIFY(sql, u"UPDATE teller.cash_rules SET teller_daily_limit = 100000 WHERE currency = 'EUR'"_qs);
        QCOMPARE(act(m_db, u"t_teller1"_qs, ActionKind::Deposit, u"9002"_qs, 60000).status, OutcomeStatus::Completed);
        QCOMPARE(act(m_db, u"t_teller1"_qs, ActionKind::Withdrawal, u"9002"_qs, 30000).status, OutcomeStatus::Completed);
        const Outcome third = act(m_db, u"t_teller1"_qs, ActionKind::Deposit, u"9002"_qs, 20000);
        QCOMPARE(third.status, OutcomeStatus::PendingApproval);
        // Approved, it counts: the teller's day is full.
        DbSession super(PgTestServer::instance().staff(m_db, u"t_super"_qs), SessionOptions{});
        QVERIFY(super.open());
        Supervision supervision(super);
        auto decided = supervision.decide(third.key, true, {});
        QVERIFY2(decided, qPrintable(decided ? QString() : decided.error().message));
        QCOMPARE(decided->status, OutcomeStatus::Completed);
        QCOMPARE(act(m_db, u"t_teller1"_qs, ActionKind::Withdrawal, u"9002"_qs, 100).status, OutcomeStatus::PendingApproval);
        // A staff member's own daily limit overrides the bank's.
        SQL_VERIFY(sql, u"UPDATE teller.staff SET daily_cash_limit = 100000000 WHERE login = 't_teller1'"_qs);
        QCOMPARE(act(m_db, u"t_teller1"_qs, ActionKind::Withdrawal, u"9002"_qs, 100).status, OutcomeStatus::Completed);
        SQL_VERIFY(sql, u"UPDATE teller.staff SET daily_cash_limit = NULL WHERE login = 't_teller1'"_qs);
        SQL_VERIFY(sql, u"UPDATE teller.cash_rules SET teller_daily_limit = NULL WHERE currency = 'EUR'"_qs);
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    // Finding 2: `staff add eve --role teller` stored no limit, read as unlimited; eve
    // withdrew 5,000,000,000,000.00 with no supervisor.
    void aMissingLimitIsTheBanksDefaultNeverUnlimited()
    {
        const StaffChange eve = addAsOwner(m_db, u"eve_default"_qs, StaffRole::Teller, std::nullopt);
        QVERIFY(eve.staff.approvalLimit);
        QCOMPARE(eve.staff.approvalLimit->minorUnits(), qint64(0));
        const StaffChange sup = addAsOwner(m_db, u"sup_default"_qs, StaffRole::Supervisor, std::nullopt);
        QVERIFY(sup.staff.approvalLimit);
        QCOMPARE(sup.staff.approvalLimit->minorUnits(), qint64(0));
        PgTestServer::instance().openTills(m_db, {u"eve_default"_qs});
        Sql sql(m_db);
        const qint64 before = sql.balance(u"9003"_qs);
        QCOMPARE(act(m_db, u"eve_default"_qs, ActionKind::Withdrawal, u"9003"_qs, 500).status, OutcomeStatus::PendingApproval);
        QCOMPARE(sql.balance(u"9003"_qs), before);
        // The bank's default is the bank's to set.
        SQL_VERIFY(sql, u"UPDATE teller.settings SET value = '20000' WHERE key = 'default_teller_limit'"_qs);
        QCOMPARE(addAsOwner(m_db, u"eve_second"_qs, StaffRole::Teller, std::nullopt).staff.approvalLimit->minorUnits(), qint64(20000));
        SQL_VERIFY(sql, u"UPDATE teller.settings SET value = '0' WHERE key = 'default_teller_limit'"_qs);
        // Unlimited only when said.
        QVERIFY(!addAsOwner(m_db, u"eve_third"_qs, StaffRole::Teller, std::nullopt, true).staff.approvalLimit);
    }

    // Finding 3: an admin made themselves an unlimited supervisor, and could reset anybody's
    // password and act under their name.
    void anAdminChangesNobodysRightsAlone()
    {
        Sql sql(m_db);
        Login admin(m_db, u"t_admin"_qs);
        QVERIFY(admin.opened());
        // Not themselves, in any way.
        QCOMPARE(admin.state(u"SELECT teller.add_staff('t_admin', 'x', 'supervisor', NULL, NULL)"_qs), u"42501"_qs);
        QCOMPARE(admin.state(u"SELECT teller.add_staff('t_admin', 'x', 'admin', NULL, NULL, NULL, false)"_qs), u"42501"_qs);
        QCOMPARE(admin.state(u"SELECT teller.set_staff_active('t_admin', false)"_qs), u"42501"_qs);
        QCOMPARE(sql.value(u"SELECT role FROM teller.staff WHERE login = 't_admin'"_qs).toString(), u"admin"_qs);

        // A new unlimited supervisor waits for a second admin, and is nobody until then.
        QCOMPARE(admin.state(u"SELECT change_status FROM teller.add_staff('mallory', 'M', 'supervisor', NULL, NULL, NULL, true)"_qs),
                 QString());
        QCOMPARE(admin.last().toString(), u"pending_approval"_qs);
        QCOMPARE(sql.count(u"SELECT count(*) FROM teller.staff WHERE login = 'mallory'"_qs), qint64(0));
        const qint64 change = sql.count(
            u"SELECT id FROM teller.staff_changes WHERE login = 'mallory' AND status = 'pending_approval'"_qs);
        QVERIFY(change > 0);
        QCOMPARE(admin.state(u"SELECT teller.decide_staff_change(%1, true, NULL)"_qs.arg(change)), u"42501"_qs);
        QCOMPARE(sql.count(u"SELECT count(*) FROM teller.staff WHERE login = 'mallory'"_qs), qint64(0));
        Login second(m_db, u"t_admin2"_qs);
        QVERIFY(second.opened());
        QCOMPARE(second.state(u"SELECT change_status FROM teller.decide_staff_change(%1, false, 'not agreed')"_qs.arg(change)),
                 QString());
        QCOMPARE(second.last().toString(), u"rejected"_qs);
        QCOMPARE(sql.count(u"SELECT count(*) FROM pg_roles WHERE rolname = 'mallory'"_qs), qint64(0));

        // A higher limit waits; a lower one is at once.
        QCOMPARE(admin.state(u"SELECT change_status FROM teller.add_staff('t_limited', NULL, 'teller', 5000, NULL)"_qs), QString());
        QCOMPARE(admin.last().toString(), u"completed"_qs);
        QCOMPARE(sql.count(u"SELECT approval_limit FROM teller.staff WHERE login = 't_limited'"_qs), qint64(5000));
        QCOMPARE(admin.state(u"SELECT change_status FROM teller.add_staff('t_limited', NULL, NULL, 10000, NULL)"_qs), QString());
        QCOMPARE(admin.last().toString(), u"pending_approval"_qs);
        QCOMPARE(sql.count(u"SELECT approval_limit FROM teller.staff WHERE login = 't_limited'"_qs), qint64(5000));
        const qint64 raise = sql.count(
            u"SELECT id FROM teller.staff_changes WHERE login = 't_limited' AND status = 'pending_approval'"_qs);
        QCOMPARE(second.state(u"SELECT change_status FROM teller.decide_staff_change(%1, true, NULL)"_qs.arg(raise)), QString());
        QCOMPARE(second.last().toString(), u"completed"_qs);
        QCOMPARE(sql.count(u"SELECT approval_limit FROM teller.staff WHERE login = 't_limited'"_qs), qint64(10000));

        // A password an admin sets (approved by another) is not one to act under: the member
        // chooses their own before moving money.
        addAsOwner(m_db, u"t_reset"_qs, StaffRole::Teller, std::nullopt, true);
        PgTestServer::instance().openTills(m_db, {u"t_reset"_qs});
        {
            DbSession adminSession(PgTestServer::instance().staff(m_db, u"t_admin"_qs), SessionOptions{});
            QVERIFY(adminSession.open());
            Administration administration(adminSession);
            auto asked = administration.addStaff(u"t_reset"_qs, {}, std::nullopt, std::nullopt,
                                                 QString::fromUtf16(PgTestServer::Password));
            QVERIFY2(asked, qPrintable(asked ? QString() : asked.error().message));
            QVERIFY(asked->pending);
            QCOMPARE(second.state(u"SELECT change_status FROM teller.decide_staff_change(%1, true, NULL)"_qs.arg(asked->changeId)),
                     QString());
        }
        const Outcome refused = act(m_db, u"t_reset"_qs, ActionKind::Withdrawal, u"9004"_qs, 100);
        QCOMPARE(refused.status, OutcomeStatus::Error);
        QVERIFY2(refused.message.contains(u"choose your own"_qs), qPrintable(refused.message));
        {
            DbSession own(PgTestServer::instance().staff(m_db, u"t_reset"_qs), SessionOptions{});
            QVERIFY(own.open());
            Administration self(own);
            QVERIFY(self.changeOwnPassword(QString::fromUtf16(PgTestServer::Password)));
        }
        QCOMPARE(act(m_db, u"t_reset"_qs, ActionKind::Withdrawal, u"9004"_qs, 100).status, OutcomeStatus::Completed);

        // An admin moves and approves no money.
        QCOMPARE(act(m_db, u"t_admin"_qs, ActionKind::Withdrawal, u"9004"_qs, 100).status, OutcomeStatus::Error);
        const Outcome waiting = act(m_db, u"t_limited"_qs, ActionKind::Withdrawal, u"9004"_qs, 20000);
        QCOMPARE(waiting.status, OutcomeStatus::PendingApproval);
        QCOMPARE(admin.state(u"SELECT teller.decide_operation('%1', true, NULL)"_qs.arg(waiting.key.toString())), u"42501"_qs);
        QCOMPARE(sql.value(u"SELECT status FROM teller.operations WHERE key = ?::uuid"_qs, {waiting.key.toString()}).toString(),
                 u"pending_approval"_qs);
    }

    // Finding 5: BEGIN, one deposit per account, pg_sleep(80) with the session's timeouts
    // off: every other teller was busy for as long.
    void nobodyGathersMoneyLocksInATransaction()
    {
        Sql sql(m_db);
        Login mallory(m_db, u"t_teller2"_qs);
        QVERIFY(mallory.opened());
        QCOMPARE(mallory.state(u"SET statement_timeout = 0"_qs), QString());
        QCOMPARE(mallory.state(u"SET idle_in_transaction_session_timeout = 0"_qs), QString());
        // A transaction kept open, then an action in it.
        QCOMPARE(mallory.state(u"BEGIN"_qs), QString());
        QCOMPARE(mallory.state(u"SELECT pg_sleep(1.1)"_qs), QString());
        QCOMPARE(mallory.state(performSql(sql, u"deposit"_qs, u"9005"_qs, 100)), u"25001"_qs);
        QCOMPARE(mallory.state(u"ROLLBACK"_qs), QString());
        // Two actions in one transaction, one statement after the other: the second is refused.
        QCOMPARE(mallory.state(u"BEGIN"_qs), QString());
        QCOMPARE(mallory.state(performSql(sql, u"deposit"_qs, u"9005"_qs, 100)), QString());
        QCOMPARE(mallory.state(performSql(sql, u"deposit"_qs, u"9006"_qs, 100)), u"25001"_qs);
        QCOMPARE(mallory.state(u"ROLLBACK"_qs), QString());
        // Two actions in one statement: the second is refused, and with it the first.
        const QString twice = QStringLiteral("SELECT (%1), (%2)")
                                  .arg(performSql(sql, u"deposit"_qs, u"9005"_qs, 100), performSql(sql, u"deposit"_qs, u"9006"_qs, 100));
        const qint64 before = sql.balance(u"9005"_qs);
        QCOMPARE(mallory.state(twice), u"25001"_qs);
        QCOMPARE(sql.balance(u"9005"_qs), before);
        // Every other money function keeps the same rule.
        QCOMPARE(mallory.state(u"BEGIN"_qs), QString());
        QCOMPARE(mallory.state(u"SELECT pg_sleep(1.1)"_qs), QString());
        QCOMPARE(mallory.state(u"SELECT teller.abandon_action(gen_random_uuid(), 'psql')"_qs), u"25001"_qs);
        QCOMPARE(mallory.state(u"ROLLBACK"_qs), QString());
    }

    // Finding 5, the rest: one action's locks held by sleeping in the same statement. The
    // waiting teller's workstation calls the guard, which ends the sleeper past the bank's
    // bound, and the withdrawal goes through.
    void aSessionSittingOnMoneyLocksIsEnded()
    {
        Sql sql(m_db);
        SQL_VERIFY(sql, u"UPDATE teller.settings SET value = '2' WHERE key = 'money_lock_seconds'"_qs);
        const QString sit =
            QStringLiteral("SELECT x.status, pg_sleep(60) FROM (%1) x").arg(performSql(sql, u"deposit"_qs, u"9007"_qs, 100));
        QString sitterState = u"not run"_qs;
        std::unique_ptr<QThread> sitter(QThread::create([&] {
            Login mallory(m_db, u"t_teller2"_qs);
            if (!mallory.opened())
                return;
            mallory.state(u"SET statement_timeout = 0"_qs);
            sitterState = mallory.state(sit);
        }));
        sitter->start();
        QTRY_VERIFY_WITH_TIMEOUT(
            sql.count(u"SELECT count(*) FROM pg_stat_activity WHERE usename = 't_teller2' AND query LIKE '%pg_sleep(60)%' "
                      "AND wait_event = 'PgSleep'"_qs)
                == 1,
            10000);
        SessionOptions options;
        options.lockTimeout = std::chrono::milliseconds(500);
        RetryPolicy policy;
        policy.maxRetries = 20;
        policy.baseDelay = std::chrono::milliseconds(200);
        policy.maxDelay = std::chrono::milliseconds(500);
        policy.totalBudget = std::chrono::seconds(30);
        QElapsedTimer clock;
        clock.start();
        const Outcome o = executeAs(m_db, u"t_teller1"_qs, makeAction(ActionKind::Withdrawal, u"9007"_qs, 100), {}, policy, options);
        QCOMPARE(o.status, OutcomeStatus::Completed);
        QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(sitter->wait(10000));
        QVERIFY2(!sitterState.isEmpty() && sitterState != u"not run"_qs, qPrintable(sitterState)); // ended, not finished
        QCOMPARE(sql.count(u"SELECT count(*) FROM teller.audit_log WHERE action = 'end_session' AND subject = 't_teller2'"_qs),
                 qint64(1));
        SQL_VERIFY(sql, u"UPDATE teller.settings SET value = '10' WHERE key = 'money_lock_seconds'"_qs);
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    // Finding 7: a large object made eve unmanageable; there was no way to deactivate staff.
    void staffAreManageableWhateverTheyCreated()
    {
        Sql sql(m_db);
        addAsOwner(m_db, u"eve"_qs, StaffRole::Teller, 10000);
        Login eve(m_db, u"eve"_qs);
        QVERIFY(eve.opened());
        QCOMPARE(eve.state(u"SELECT lo_create(0)"_qs), u"42501"_qs);
        QCOMPARE(eve.state(u"SELECT lo_from_bytea(0, 'x')"_qs), u"42501"_qs);
        // Something of hers anyway (given by the owner): her administration still works.
        SQL_VERIFY(sql,
                   u"DO $$ DECLARE o oid := lo_create(0); BEGIN EXECUTE format('ALTER LARGE OBJECT %s OWNER TO eve', o); END $$"_qs);
        Login admin(m_db, u"t_admin"_qs);
        QCOMPARE(admin.state(u"SELECT change_status FROM teller.add_staff('eve', NULL, NULL, 5000, NULL)"_qs), QString());
        QCOMPARE(admin.last().toString(), u"completed"_qs);
        // Deactivated at once: her open session ends, she cannot sign in again.
        QCOMPARE(admin.state(u"SELECT change_status FROM teller.set_staff_active('eve', false)"_qs), QString());
        QCOMPARE(admin.last().toString(), u"completed"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(eve.state(u"SELECT 1"_qs).isEmpty(), false, 5000);
        QVERIFY(!Login(m_db, u"eve"_qs).opened());
        // Back only with a second admin.
        QCOMPARE(admin.state(u"SELECT change_status FROM teller.set_staff_active('eve', true)"_qs), QString());
        QCOMPARE(admin.last().toString(), u"pending_approval"_qs);
        QVERIFY(!Login(m_db, u"eve"_qs).opened());
        const qint64 change = sql.count(u"SELECT id FROM teller.staff_changes WHERE login = 'eve' AND status = 'pending_approval'"_qs);
        Login second(m_db, u"t_admin2"_qs);
        QCOMPARE(second.state(u"SELECT change_status FROM teller.decide_staff_change(%1, true, NULL)"_qs.arg(change)), QString());
        QVERIFY(Login(m_db, u"eve"_qs).opened());
    }

    // Finding 8: seed-demo on a real database gave its staff the demo's passwords.
    void theDemoSeedRefusesARealDatabase()
    {
        Sql sql(m_db);
        const QString before = sql.value(u"SELECT rolpassword FROM pg_authid WHERE rolname = 't_teller1'"_qs).toString();
        DbSession owner(PgTestServer::instance().superuser(m_db), SessionOptions{});
        QVERIFY(owner.open());
        auto seeded = demo::seed(owner, PgTestServer::instance().superuser(m_db));
        QVERIFY(!seeded);
        QVERIFY2(seeded.error().message.contains(u"not a demo database"_qs), qPrintable(seeded.error().message));
        QCOMPARE(sql.count(u"SELECT count(*) FROM pg_roles WHERE rolname IN ('anna', 'ben', 'clara', 'it_admin')"_qs), qint64(0));
        QCOMPARE(sql.value(u"SELECT rolpassword FROM pg_authid WHERE rolname = 't_teller1'"_qs).toString(), before);
    }

    // Finding 9: one supervisor unfroze an account, paid out of it and froze it again.
    void unfreezingNeedsASecondPerson()
    {
        Sql sql(m_db);
        Login super(m_db, u"t_super"_qs);
        QCOMPARE(super.state(u"SELECT change_status FROM teller.set_account_status('9006', 'frozen')"_qs), QString());
        QCOMPARE(super.last().toString(), u"completed"_qs);
        QCOMPARE(super.state(u"SELECT change_status FROM teller.set_account_status('9006', 'active')"_qs), QString());
        QCOMPARE(super.last().toString(), u"pending_approval"_qs);
        QCOMPARE(super.state(u"SELECT change_status FROM teller.set_account_status('9006', 'active')"_qs), QString());
        QCOMPARE(super.last().toString(), u"pending_approval"_qs);
        QCOMPARE(sql.value(u"SELECT status FROM teller.accounts WHERE number = '9006'"_qs).toString(), u"frozen"_qs);
        const Outcome o = act(m_db, u"t_super"_qs, ActionKind::Withdrawal, u"9006"_qs, 320000);
        QCOMPARE(o.status, OutcomeStatus::Rejected);
        QCOMPARE(o.reason, u"account_frozen"_qs);
        Login other(m_db, u"t_super2"_qs);
        QCOMPARE(other.state(u"SELECT change_status FROM teller.set_account_status('9006', 'active')"_qs), QString());
        QCOMPARE(other.last().toString(), u"completed"_qs);
        QCOMPARE(sql.value(u"SELECT status FROM teller.accounts WHERE number = '9006'"_qs).toString(), u"active"_qs);
    }

    // Finding 10: BEGIN; pg_sleep(70); decide_operation… was accepted after the operation had
    // expired, and the decision's times came out as the transaction's start.
    void aDecisionIsMadeNowNotWhenTheTransactionBegan()
    {
        const Outcome waiting = act(m_db, u"t_limited"_qs, ActionKind::Withdrawal, u"9005"_qs, 20000);
        QCOMPARE(waiting.status, OutcomeStatus::PendingApproval);
        Login super(m_db, u"t_super"_qs);
        QCOMPARE(super.state(u"BEGIN"_qs), QString());
        QCOMPARE(super.state(u"SELECT pg_sleep(1.1)"_qs), QString());
        QCOMPARE(super.state(u"SELECT teller.decide_operation('%1', true, NULL)"_qs.arg(waiting.key.toString())), u"25001"_qs);
        QCOMPARE(super.state(u"ROLLBACK"_qs), QString());
        QCOMPARE(super.state(u"SELECT clock_timestamp()::text"_qs), QString());
        const QString asked = super.last().toString();
        QCOMPARE(super.state(u"SELECT decided_at::text FROM teller.decide_operation('%1', true, NULL)"_qs.arg(waiting.key.toString())),
                 QString());
        QVERIFY2(super.last().toString() > asked, qPrintable(super.last().toString() + u" after " + asked));
        Sql sql(m_db);
        QVERIFY(sql.value(u"SELECT expires_at > created_at + interval '29 minutes' FROM teller.operations WHERE key = ?::uuid"_qs,
                          {waiting.key.toString()})
                    .toBool());
    }

    // Finding 11: a teller kept a customer's whole available balance held with above-limit
    // withdrawals, one after another.
    void aTellerCannotKeepAnAccountHeld()
    {
        Sql sql(m_db);
        SQL_VERIFY(sql, u"UPDATE teller.settings SET value = '1' WHERE key = 'max_pending_holds_per_account'"_qs);
        // Room for one more of t_limited's than wait already.
        const qint64 waiting = sql.count(
            u"SELECT count(*) FROM teller.operations WHERE initiated_by = 't_limited' AND status = 'pending_approval'"_qs);
        SQL_VERIFY(sql, u"UPDATE teller.settings SET value = '%1' WHERE key = 'max_pending_per_teller'"_qs.arg(waiting + 1));
        const Outcome first = act(m_db, u"t_limited"_qs, ActionKind::Withdrawal, u"9003"_qs, 30000);
        QCOMPARE(first.status, OutcomeStatus::PendingApproval);
        const Outcome again = act(m_db, u"t_limited"_qs, ActionKind::Withdrawal, u"9003"_qs, 30000);
        QCOMPARE(again.status, OutcomeStatus::Rejected);
        QCOMPARE(again.reason, u"too_many_waiting"_qs);
        // Then no more anywhere.
        const Outcome fourth = act(m_db, u"t_limited"_qs, ActionKind::Withdrawal, u"9001"_qs, 30000);
        QCOMPARE(fourth.status, OutcomeStatus::Rejected);
        QCOMPARE(fourth.reason, u"too_many_waiting"_qs);
        SQL_VERIFY(sql, u"UPDATE teller.settings SET value = '1000' WHERE key IN ('max_pending_per_teller', "
                        "'max_pending_holds_per_account')"_qs);
    }

    // Finding 11: `staff add monitor` took over an unrelated existing login.
    void addStaffTakesOverNobodysLogin()
    {
        Sql sql(m_db);
        if (sql.count(u"SELECT count(*) FROM pg_roles WHERE rolname = 'monitor'"_qs) == 0)
            SQL_VERIFY(sql, u"CREATE ROLE monitor LOGIN"_qs);
        Login admin(m_db, u"t_admin"_qs);
        QCOMPARE(admin.state(u"SELECT teller.add_staff('monitor', 'x', 'teller', 0, NULL)"_qs), u"42501"_qs);
        DbSession owner(PgTestServer::instance().superuser(m_db), SessionOptions{});
        QVERIFY(owner.open());
        auto added = Administration(owner).addStaff(u"monitor"_qs, u"x"_qs, StaffRole::Teller, std::nullopt, std::nullopt);
        QVERIFY(!added);
        QCOMPARE(added.error().sqlState, u"42501"_qs);
        QCOMPARE(sql.count(u"SELECT count(*) FROM teller.staff WHERE login = 'monitor'"_qs), qint64(0));
    }

    // Finding 11: workstation names and notes with newlines, U+202E and ESC went in through psql.
    void textIsPlain_data()
    {
        QTest::addColumn<QString>("workstation");
        QTest::addColumn<QString>("note");
        QTest::addRow("newline in workstation") << u"desk-1\nFAKE: approved"_qs << QString();
        QTest::addRow("escape in workstation") << u"desk-1\x1b[2J"_qs << QString();
        QTest::addRow("right-to-left override in note") << u"desk-1"_qs << QString::fromUtf16(u"pay \u202Eout");
        QTest::addRow("newline in note") << u"desk-1"_qs << u"line one\nline two"_qs;
        QTest::addRow("zero-width in workstation") << QString::fromUtf16(u"desk\u200b-1") << QString();
    }

    void textIsPlain()
    {
        QFETCH(QString, workstation);
        QFETCH(QString, note);
        Sql sql(m_db);
        const qint64 before = sql.balance(u"9002"_qs);
        Login teller(m_db, u"t_teller3"_qs);
        QCOMPARE(teller.state(performSql(sql, u"deposit"_qs, u"9002"_qs, 100, workstation, note)), u"22023"_qs);
        QCOMPARE(sql.balance(u"9002"_qs), before);
        // Plain text goes through.
        QCOMPARE(teller.state(performSql(sql, u"deposit"_qs, u"9002"_qs, 100, u"desk-1"_qs, u"ein Café, 2 €"_qs)), QString());
    }

    // Found while fixing 5: any session may SET synchronous_commit = off, and a payout it was
    // told about would then not wait for the WAL flush, nor for the synchronous standby: a
    // crash or a failover could lose it. A money action's transaction commits durably again.
    // An audited read's own transaction does not wait for its audit row's flush; one that
    // changes anything does.
    void whatIsConfirmedIsDurableWhateverTheSessionSet()
    {
        Sql sql(m_db);
        Login teller(m_db, u"t_teller1"_qs);
        QCOMPARE(teller.state(u"SET synchronous_commit = off"_qs), QString());
        const QString pay = QStringLiteral("SELECT current_setting('synchronous_commit') FROM (%1) x")
                                .arg(performSql(sql, u"withdrawal"_qs, u"9001"_qs, 100));
        QCOMPARE(teller.state(pay), QString());
        QCOMPARE(teller.last().toString(), u"on"_qs);
        QCOMPARE(teller.state(u"SET synchronous_commit = local"_qs), QString());
        QCOMPARE(teller.state(u"SELECT current_setting('synchronous_commit') FROM teller.abandon_action(gen_random_uuid(), 'psql')"_qs),
                 QString());
        QCOMPARE(teller.last().toString(), u"on"_qs);
        // (The test servers run with synchronous_commit off; a bank's do not.)
        QCOMPARE(teller.state(u"SET synchronous_commit = on"_qs), QString());
        // A read alone: its audit row commits without waiting.
        QCOMPARE(teller.state(u"SELECT current_setting('synchronous_commit') FROM teller.find_account('9001')"_qs), QString());
        QCOMPARE(teller.last().toString(), u"off"_qs);
        QCOMPARE(teller.state(u"SHOW synchronous_commit"_qs), QString());
        QCOMPARE(teller.last().toString(), u"on"_qs); // for that transaction only
        // A read, then a change, in one transaction: the change commits durably.
        Login super(m_db, u"t_super"_qs);
        QCOMPARE(super.state(u"BEGIN"_qs), QString());
        QCOMPARE(super.state(u"SELECT number FROM teller.find_account('9002')"_qs), QString());
        QCOMPARE(super.state(u"SELECT change_status FROM teller.set_account_status('9002', 'frozen')"_qs), QString());
        QCOMPARE(super.state(u"SHOW synchronous_commit"_qs), QString());
        QCOMPARE(super.last().toString(), u"on"_qs);
        QCOMPARE(super.state(u"ROLLBACK"_qs), QString());
        // A change, then a read: still durable.
        QCOMPARE(super.state(u"BEGIN"_qs), QString());
        QCOMPARE(super.state(u"SELECT change_status FROM teller.set_account_status('9002', 'frozen')"_qs), QString());
        QCOMPARE(super.state(u"SELECT number FROM teller.find_account('9002')"_qs), QString());
        QCOMPARE(super.state(u"SHOW synchronous_commit"_qs), QString());
        QCOMPARE(super.last().toString(), u"on"_qs);
        QCOMPARE(super.state(u"ROLLBACK"_qs), QString());
    }

    // Finding 11: an account could be opened with the floor -9223372036854775808.
    void anAccountsFloorIsBounded()
    {
        Sql sql(m_db);
        QString error;
        QVERIFY(!sql.exec(u"SELECT teller.open_account('FLOOR1', 'x', 'EUR', -9223372036854775808)"_qs, {}, &error));
        QVERIFY2(error.contains(u"floor"_qs), qPrintable(error));
        QVERIFY(!sql.exec(u"SELECT teller.open_account('FLOOR2', 'x', 'EUR', 1)"_qs, {}, &error));
        QVERIFY(sql.exec(u"SELECT teller.open_account('FLOOR3', 'x', 'EUR', -1000000000000000)"_qs));
        QCOMPARE(sql.count(u"SELECT count(*) FROM teller.accounts WHERE number IN ('FLOOR1', 'FLOOR2')"_qs), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestAttacks)
#include "tst_attacks.moc"
