// The two findings of the penetration test, each attack made as the attacker's own login:
//   A. a full NOTIFY queue (a teller's LISTEN in a long transaction, another teller's
//      pg_notify loop) stopped every approval, hold and freeze: now what changed is a row of
//      teller.events, read by cursor, and no money function calls pg_notify;
//   B. every teller could read every table: now staff read customer and operation data only
//      through functions that decide what each may see, bounded, and audited.
#include "PgTestServer.h"

#include "AccountCache.h"
#include "Accounts.h"
#include "ActionExecutor.h"
#include "Administration.h"
#include "DatabaseIdentity.h"
#include "DbSession.h"
#include "Events.h"
#include "Supervision.h"
#include "TellerClient.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <memory>

using namespace teller;

namespace {
// What a statement answered one login: its SQLSTATE ("" if it succeeded) and its rows.
struct Answer
{
    QString state;
    QList<QVariantList> rows;
};
} // namespace

class TestReadsEvents : public QObject
{
    Q_OBJECT

    QString m_db;
    QTemporaryDir m_dir;

    // Runs one statement as `login`, as from psql: the login's own connection, nothing else.
    Answer as(const QString &login, const QString &statement, const QVariantList &values = {})
    {
        DbSession session(PgTestServer::instance().staff(m_db, login), SessionOptions{});
        if (auto ok = session.open(DbSession::SchemaCheck::Skip); !ok)
            return {QStringLiteral("connect failed: ") + ok.error().message, {}};
        QSqlQuery q(session.database());
        bool ok = false;
        if (values.isEmpty()) {
            ok = q.exec(statement);
        } else {
            q.prepare(statement);
            for (const QVariant &v : values)
                q.addBindValue(v);
            ok = q.exec();
        }
        if (!ok)
            return {q.lastError().nativeErrorCode().isEmpty() ? q.lastError().text() : q.lastError().nativeErrorCode(), {}};
        Answer a;
        while (q.next()) {
            QVariantList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << q.value(i);
            a.rows << row;
        }
        return a;
    }

    qint64 audited(const QString &login, const QString &function, const QString &account = {})
    {
        Sql sql(m_db);
        const QVariant subject = account.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(account);
        return sql.count(QStringLiteral("SELECT count(*) FROM teller.read_audit WHERE read_by = ? AND function_name = ? "
                                        "AND (?::text IS NULL OR account_number = ? OR search_text = ?)"),
                         {login, function, subject, subject, subject});
    }

    // A feed of `login`'s events, already at the end.
    struct Listener
    {
        std::unique_ptr<DbSession> session;
        std::unique_ptr<EventFeed> feed;
    };
    Listener listener(const QString &login)
    {
        Listener l;
        l.session = std::make_unique<DbSession>(PgTestServer::instance().staff(m_db, login), SessionOptions{});
        if (!l.session->open())
            qFatal("listener %s: cannot connect", qPrintable(login));
        l.feed = std::make_unique<EventFeed>(*l.session);
        if (!l.feed->poll())
            qFatal("listener %s: cannot read events", qPrintable(login));
        return l;
    }
    static QStringList keysOf(const QList<ServerEvent> &events)
    {
        QStringList keys;
        for (const ServerEvent &e : events)
            keys << (e.kind == ServerEvent::Kind::Account ? e.accountNumber : e.key);
        return keys;
    }

    Action pendingWithdrawal(const QString &account, qint64 amount)
    {
        const Action a = makeAction(ActionKind::Withdrawal, account, amount);
        const Outcome o = executeAs(m_db, QStringLiteral("t_limited"), a);
        if (o.status != OutcomeStatus::PendingApproval)
            qFatal("expected pending_approval, got %s %s", qPrintable(outcomeStatusName(o.status)), qPrintable(o.message));
        return a;
    }

    Action depositWithNote(const QString &login, const QString &account, qint64 amount, const QString &note)
    {
        auto request = ActionRequest::create(ActionKind::Deposit, account, {}, Money(amount, *Currency::fromCode(u"EUR")), note);
        if (!request)
            qFatal("deposit: %s", qPrintable(request.error().message));
        const Action a = Action::create(*request);
        const Outcome o = executeAs(m_db, login, a);
        if (o.status != OutcomeStatus::Completed)
            qFatal("deposit: %s %s", qPrintable(outcomeStatusName(o.status)), qPrintable(o.message));
        return a;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = PgTestServer::instance().createDatabase();
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("R1001"), 1000000);
        sql.openAccount(QStringLiteral("R1002"), 1000000);
        sql.openAccount(QStringLiteral("R1003"), 1000000);
    }

    void cleanupTestCase()
    {
        Sql sql(m_db);
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    // ---------------------------------------------------------------------------------------
    // B. Reads

    // Every table of customer and operation data, as each kind of staff, from psql: refused
    // (42501), COPY too. Reference data stays readable.
    void staffReadNoCustomerOrOperationTable_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QString>("state");
        for (const char *login : {"t_teller1", "t_super", "t_admin"}) {
            for (const char *table : {"accounts", "operations", "ledger_entries", "staff", "movements", "doubt_reports", "till_counts",
                                      "cash_identifications", "audit_log", "events", "read_audit"})
                QTest::addRow("%s reads %s", login, table)
                    << QString::fromLatin1(login) << QStringLiteral("SELECT * FROM teller.%1 LIMIT 1").arg(QLatin1String(table))
                    << QStringLiteral("42501");
            QTest::addRow("%s copies accounts", login)
                << QString::fromLatin1(login) << QStringLiteral("COPY teller.accounts TO STDOUT") << QStringLiteral("42501");
            QTest::addRow("%s copies operations", login)
                << QString::fromLatin1(login) << QStringLiteral("COPY (SELECT * FROM teller.operations) TO STDOUT")
                << QStringLiteral("42501");
            // The key-is-its-owner's rule cannot be walked around through the table either.
            QTest::addRow("%s reads a key's record", login)
                << QString::fromLatin1(login) << QStringLiteral("SELECT status, note FROM teller.operations WHERE kind = 'deposit'")
                << QStringLiteral("42501");
            for (const char *reference :
                 {"currencies", "denominations", "cash_rules", "branches", "settings", "schema_migrations", "schema_functions"})
                QTest::addRow("%s reads %s", login, reference)
                    << QString::fromLatin1(login) << QStringLiteral("SELECT * FROM teller.%1 LIMIT 1").arg(QLatin1String(reference))
                    << QString();
        }
    }

    void staffReadNoCustomerOrOperationTable()
    {
        QFETCH(QString, login);
        QFETCH(QString, statement);
        QFETCH(QString, state);
        QCOMPARE(as(login, statement).state, state);
    }

    // A teller looks an account up, searches and reads its history through the functions;
    // each call leaves one row in teller.read_audit, which staff can neither read nor change.
    void aTellersLookupWorksAndIsAudited()
    {
        DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1")), SessionOptions{});
        QVERIFY(session.open());
        AccountDirectory directory(session);

        const qint64 lookups = audited(QStringLiteral("t_teller1"), QStringLiteral("find_account"), QStringLiteral("R1001"));
        auto found = directory.find(QStringLiteral("R1001"));
        QVERIFY2(found, found ? "" : qPrintable(found.error().message));
        QVERIFY(*found);
        QCOMPARE((*found)->number, QStringLiteral("R1001"));
        QCOMPARE((*found)->holder, QStringLiteral("Holder of R1001"));
        QVERIFY((*found)->balance.minorUnits() > 0);
        QCOMPARE(audited(QStringLiteral("t_teller1"), QStringLiteral("find_account"), QStringLiteral("R1001")), lookups + 1);
        auto none = directory.find(QStringLiteral("R9999"));
        QVERIFY(none && !*none);
        QCOMPARE(audited(QStringLiteral("t_teller1"), QStringLiteral("find_account"), QStringLiteral("R9999")), qint64(1));

        const qint64 searches = audited(QStringLiteral("t_teller1"), QStringLiteral("search_accounts"),
                                        QStringLiteral("Holder of R100"));
        auto list = directory.search(QStringLiteral("Holder of R100"));
        QVERIFY(list);
        QCOMPARE(list->size(), 3);
        QCOMPARE(audited(QStringLiteral("t_teller1"), QStringLiteral("search_accounts"), QStringLiteral("Holder of R100")),
                 searches + 1);
        auto byNumber = directory.search(QStringLiteral("r100"));
        QVERIFY(byNumber);
        QCOMPARE(byNumber->size(), 3);

        const qint64 histories = audited(QStringLiteral("t_teller1"), QStringLiteral("account_history"), QStringLiteral("R1001"));
        auto recent = directory.recentOperations(**found);
        QVERIFY2(recent, recent ? "" : qPrintable(recent.error().message));
        QVERIFY(!recent->isEmpty());
        QCOMPARE(audited(QStringLiteral("t_teller1"), QStringLiteral("account_history"), QStringLiteral("R1001")), histories + 1);

        // A teller finds customer accounts only: not the vault, not another teller's till.
        Sql sql(m_db);
        const QString vault = sql.value(QStringLiteral("SELECT number FROM teller.accounts WHERE kind = 'vault' LIMIT 1")).toString();
        QVERIFY(!vault.isEmpty());
        auto hidden = directory.find(vault);
        QVERIFY(hidden && !*hidden);
        DbSession supervisor(PgTestServer::instance().staff(m_db, QStringLiteral("t_super")), SessionOptions{});
        QVERIFY(supervisor.open());
        auto seen = AccountDirectory(supervisor).find(vault);
        QVERIFY(seen && *seen);

        // The audit itself: no member of staff reads or changes it, not even its owner changes it.
        for (const char *login : {"t_teller1", "t_super", "t_admin"}) {
            for (const char *statement : {"SELECT count(*) FROM teller.read_audit", "DELETE FROM teller.read_audit",
                                          "UPDATE teller.read_audit SET read_by = 'nobody'", "TRUNCATE teller.read_audit",
                                          "INSERT INTO teller.read_audit (function_name) VALUES ('forged')"})
                QCOMPARE(as(QString::fromLatin1(login), QString::fromLatin1(statement)).state, QStringLiteral("42501"));
        }
        const qint64 rows = sql.count(QStringLiteral("SELECT count(*) FROM teller.read_audit"));
        QString error;
        QVERIFY(!sql.exec(QStringLiteral("DELETE FROM teller.read_audit"), {}, &error));
        QVERIFY2(error.contains(QLatin1String("append-only")), qPrintable(error));
        QVERIFY(!sql.exec(QStringLiteral("UPDATE teller.read_audit SET read_by = 'nobody'"), {}, &error));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.read_audit")), rows);
    }

    // Another teller's key and note are not a teller's to read, through any function: the
    // account's history shows their amount, kind, time and balance after only; the lists that
    // carry keys and notes are the supervisors'; the rest answers a teller about their own keys.
    void anotherTellersKeyAndNoteStayHidden()
    {
        const Action theirs = depositWithNote(QStringLiteral("t_teller2"), QStringLiteral("R1003"), 1234, QStringLiteral("their note"));
        const Action mine = depositWithNote(QStringLiteral("t_teller1"), QStringLiteral("R1003"), 4321, QStringLiteral("my note"));

        const auto history = [&](const QString &login) {
            DbSession session(PgTestServer::instance().staff(m_db, login), SessionOptions{});
            if (!session.open())
                return QList<OperationInfo>{};
            AccountDirectory directory(session);
            auto account = directory.find(QStringLiteral("R1003"));
            if (!account || !*account)
                return QList<OperationInfo>{};
            return directory.recentOperations(**account).value_or(QList<OperationInfo>{});
        };
        const auto line = [](const QList<OperationInfo> &lines, qint64 minor) -> std::optional<OperationInfo> {
            for (const OperationInfo &op : lines) {
                if (op.amount.minorUnits() == minor)
                    return op;
            }
            return std::nullopt;
        };
        const QList<OperationInfo> teller = history(QStringLiteral("t_teller1"));
        const auto other = line(teller, 1234), own = line(teller, 4321);
        QVERIFY(other && own);
        QCOMPARE(other->kind, ActionKind::Deposit);
        QVERIFY(other->balanceAfter);
        QVERIFY(other->at.isValid());
        QCOMPARE(other->key, QString());
        QCOMPARE(other->note, QString());
        QCOMPARE(own->key, mine.key.toString());
        QCOMPARE(own->note, QStringLiteral("my note"));
        const QList<OperationInfo> supervisor = history(QStringLiteral("t_super"));
        QCOMPARE(line(supervisor, 1234)->key, theirs.key.toString());
        QCOMPARE(line(supervisor, 1234)->note, QStringLiteral("their note"));

        // Nor straight from the function, nor from the supervisors' lists.
        const Answer raw = as(QStringLiteral("t_teller1"),
                              QStringLiteral("SELECT count(*) FROM teller.account_history('R1003', 100) "
                                             "WHERE initiated_by <> 't_teller1' AND (key IS NOT NULL OR note IS NOT NULL)"));
        QCOMPARE(raw.state, QString());
        QCOMPARE(raw.rows.value(0).value(0).toLongLong(), qint64(0));
        for (const char *statement :
             {"SELECT * FROM teller.pending_operations(10)", "SELECT * FROM teller.decided_operations(10)",
              "SELECT * FROM teller.doubt_list(10)", "SELECT * FROM teller.account_statement('R1003', 10)",
              "SELECT teller.count_existing_accounts(ARRAY['R1003'])", "SELECT * FROM teller.invariant_violations()"})
            QCOMPARE(as(QStringLiteral("t_teller1"), QString::fromLatin1(statement)).state, QStringLiteral("42501"));
        // What a key holds and who decided it: the owner's, or a supervisor's, to ask.
        QCOMPARE(
            as(QStringLiteral("t_teller1"), QStringLiteral("SELECT status FROM teller.action_status(?::uuid)"), {theirs.key.toString()})
                .rows.value(0)
                .value(0)
                .toString(),
            QStringLiteral("key_reused"));
        QCOMPARE(
            as(QStringLiteral("t_teller1"), QStringLiteral("SELECT * FROM teller.action_decision(?::uuid)"), {theirs.key.toString()})
                .rows.size(),
            0);
        QCOMPARE(
            as(QStringLiteral("t_teller2"), QStringLiteral("SELECT * FROM teller.action_decision(?::uuid)"), {theirs.key.toString()})
                .rows.size(),
            1);
    }

    // What a teller may call, all of it: a new function granted to tellers shows up here and
    // has to be looked at (does it show another teller's key or note, or data in bulk?).
    void theFunctionsATellerMayCall()
    {
        Sql sql(m_db);
        QSqlQuery q = sql.query(QStringLiteral("SELECT proname FROM pg_proc WHERE pronamespace = 'teller'::regnamespace "
                                               "AND has_function_privilege('t_teller1', oid, 'EXECUTE') ORDER BY proname"));
        QStringList callable;
        while (q.next())
            callable << q.value(0).toString();
        QCOMPARE(callable, (QStringList{
                               QStringLiteral("abandon_action"),           // the caller's own key only
                               QStringLiteral("account_history"),          // keys and notes of the caller's own operations only
                               QStringLiteral("action_decision"),          // the caller's own key only
                               QStringLiteral("action_status"),            // the caller's own key only
                               QStringLiteral("change_own_password"),      // the caller's own
                               QStringLiteral("count_till"),               // the caller's own till
                               QStringLiteral("current_staff"),            // the caller's own row
                               QStringLiteral("database_identity"),        // which database this is, one uuid
                               QStringLiteral("end_staff_session"),        // the staff session whose secret the caller gives
                               QStringLiteral("end_stale_money_sessions"), // a count; ends only sessions past the bound
                               QStringLiteral("events_after"),             // the caller's own operations' events
                               QStringLiteral("expire_holds"),             // a count
                               QStringLiteral("find_account"),             // one account, audited
                               QStringLiteral("large_cash_threshold"),
                               QStringLiteral("open_staff_session"), // one for the caller's own login, its secret to the caller only
                               QStringLiteral("perform_action"),     // the caller's own key only
                               QStringLiteral("prefix_end"),
                               QStringLiteral("report_doubt"),
                               QStringLiteral("request_fingerprint"),
                               QStringLiteral("request_reversal"), // the caller's own key only
                               QStringLiteral("search_accounts"),  // at most 50, audited
                               QStringLiteral("till_blotter"),     // the caller's own session
                               QStringLiteral("till_status"),      // the caller's own till
                               QStringLiteral("workplace"),        // the bank's and the caller's branch's names
                               QStringLiteral("workplace_staff"),  // login, name, role of the caller's branch's active staff
                           }));
    }

    // Staff read which database this is (the journal keys its entries by it), the same
    // through every address; only the owner gives a copy a new one.
    void theDatabaseIsNamedByWhatItIs()
    {
        Sql sql(m_db);
        const QString stored = sql.value(QStringLiteral("SELECT value FROM teller.settings WHERE key = 'database_identity'")).toString();
        QVERIFY(!QUuid(stored).isNull());
        for (bool tcp : {false, true}) {
            DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1"), tcp), SessionOptions{});
            QVERIFY(session.open());
            const auto identity = readDatabaseIdentity(session);
            QVERIFY2(identity, identity ? "" : qPrintable(identity.error().message));
            QCOMPARE(*identity, stored);
        }
        for (const char *login : {"t_teller1", "t_super", "t_admin"}) {
            QCOMPARE(as(QString::fromLatin1(login), QStringLiteral("SELECT teller.renew_database_identity()")).state,
                     QStringLiteral("42501"));
            QCOMPARE(as(QString::fromLatin1(login), QStringLiteral("UPDATE teller.settings SET value = gen_random_uuid()::text "
                                                                   "WHERE key = 'database_identity'"))
                         .state,
                     QStringLiteral("42501"));
        }
        QCOMPARE(sql.value(QStringLiteral("SELECT teller.database_identity()::text")).toString(), stored);
        QString refused;
        QVERIFY(
            !sql.exec(QStringLiteral("UPDATE teller.settings SET value = 'not-a-uuid' WHERE key = 'database_identity'"), {}, &refused));
        QVERIFY2(refused.contains(QLatin1String("settings_database_identity_is_a_uuid")), qPrintable(refused));

        // A copy made with CREATE DATABASE ... TEMPLATE has its original's id, until its owner
        // renews it there (as the fixture did for this test's database, a copy of the template).
        const QString original = QStringLiteral("teller_template");
        const QString copy = m_db + QStringLiteral("_copy"); // digits, 't' and '_' only
        {
            Sql postgres(QStringLiteral("postgres"));
            SQL_VERIFY(postgres, QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(copy, original));
        }
        const auto drop = qScopeGuard([&] {
            Sql postgres(QStringLiteral("postgres"));
            postgres.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(copy));
        });
        QString originalId;
        {
            Sql template_(original);
            originalId = template_.value(QStringLiteral("SELECT teller.database_identity()::text")).toString();
        }
        QVERIFY(!QUuid(originalId).isNull());
        QVERIFY(originalId != stored);
        Sql copied(copy);
        QCOMPARE(copied.value(QStringLiteral("SELECT teller.database_identity()::text")).toString(), originalId);
        const QString renewed = copied.value(QStringLiteral("SELECT teller.renew_database_identity()::text")).toString();
        QVERIFY(!QUuid(renewed).isNull());
        QVERIFY(renewed != originalId);
        QCOMPARE(copied.value(QStringLiteral("SELECT teller.database_identity()::text")).toString(), renewed);
        QCOMPARE(sql.value(QStringLiteral("SELECT teller.database_identity()::text")).toString(), stored);
    }

    // A supervisor reads the four-eyes queue, the decisions, the doubts and a statement
    // through the functions (each read audited).
    void theSupervisorReadsThePendingList()
    {
        const Action a = pendingWithdrawal(QStringLiteral("R1001"), 15000);
        DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("t_super")), SessionOptions{});
        QVERIFY(session.open());
        Supervision supervision(session);
        const qint64 before = audited(QStringLiteral("t_super"), QStringLiteral("pending_operations"));
        auto pending = supervision.pending();
        QVERIFY2(pending, pending ? "" : qPrintable(pending.error().message));
        const ReviewItem *item = nullptr;
        for (const ReviewItem &r : *pending) {
            if (r.key == a.key.toString())
                item = &r;
        }
        QVERIFY(item);
        QCOMPARE(item->account, QStringLiteral("R1001"));
        QCOMPARE(item->holder, QStringLiteral("Holder of R1001"));
        QCOMPARE(item->initiatedBy, QStringLiteral("t_limited"));
        QVERIFY(!item->initiatorName.isEmpty());
        QVERIFY(item->available);
        QCOMPARE(item->amount->minorUnits(), qint64(15000));
        QCOMPARE(audited(QStringLiteral("t_super"), QStringLiteral("pending_operations")), before + 1);
        QVERIFY(supervision.doubts());
        auto statement = supervision.ledger(QStringLiteral("R1001"));
        QVERIFY2(statement, statement ? "" : qPrintable(statement.error().message));
        QVERIFY(!statement->isEmpty());
        QCOMPARE(audited(QStringLiteral("t_super"), QStringLiteral("account_statement"), QStringLiteral("R1001")), qint64(1));
        auto decided = supervision.decide(a.key, false, QStringLiteral("not today"));
        QVERIFY(decided);
        auto recent = supervision.recentlyDecided();
        QVERIFY(recent);
        QVERIFY(!recent->isEmpty());
        QCOMPARE(recent->first().key, a.key.toString());
        QCOMPARE(recent->first().decisionNote, QStringLiteral("not today"));

        // A teller's Supervision is refused by the database, not by the program.
        DbSession teller(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1")), SessionOptions{});
        QVERIFY(teller.open());
        auto refused = Supervision(teller).pending();
        QVERIFY(!refused);
        QCOMPARE(refused.error().sqlState, QStringLiteral("42501"));
    }

    // No call returns accounts in bulk: at most 50, whatever is asked for.
    void theSearchIsBounded()
    {
        Sql sql(m_db);
        for (int i = 0; i < 80; ++i)
            QVERIFY(sql.exec(QStringLiteral("SELECT teller.open_account(?, ?, 'EUR', 0)"),
                             {QStringLiteral("BND%1").arg(i, 4, 10, QLatin1Char('0')), QStringLiteral("Bounded Holder %1").arg(i)}));
        const Answer asked = as(QStringLiteral("t_teller1"),
                                QStringLiteral("SELECT count(*) FROM teller.search_accounts('', 'bounded', 100000)"));
        QCOMPARE(asked.state, QString());
        QCOMPARE(asked.rows.value(0).value(0).toLongLong(), qint64(50));
        QCOMPARE(as(QStringLiteral("t_teller1"), QStringLiteral("SELECT count(*) FROM teller.search_accounts('BND', 'BND', 100000)"))
                     .rows.value(0)
                     .value(0)
                     .toLongLong(),
                 qint64(50));
        // Nothing "matches everything": an empty or overlong text is refused.
        QCOMPARE(as(QStringLiteral("t_teller1"), QStringLiteral("SELECT count(*) FROM teller.search_accounts('', '', 50)")).state,
                 QStringLiteral("22023"));
        QCOMPARE(as(QStringLiteral("t_teller1"), QStringLiteral("SELECT count(*) FROM teller.search_accounts('', repeat('a', 201), 50)"))
                     .state,
                 QStringLiteral("22023"));
        QCOMPARE(as(QStringLiteral("t_teller1"), QStringLiteral("SELECT count(*) FROM teller.search_accounts('%', 'x', 50)")).state,
                 QStringLiteral("22023"));
        QCOMPARE(as(QStringLiteral("t_teller1"), QStringLiteral("SELECT count(*) FROM teller.account_history('BND0001', 100000)"))
                     .rows.value(0)
                     .value(0)
                     .toLongLong(),
                 qint64(0));
        DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1")), SessionOptions{});
        QVERIFY(session.open());
        auto found = AccountDirectory(session).search(QStringLiteral("Bounded"), 1000);
        QVERIFY(found);
        QCOMPARE(found->size(), 50);
    }

    // ---------------------------------------------------------------------------------------
    // A. Events

    // No teller function sends a NOTIFY (the hint is a statement of the client's own).
    void noFunctionCallsPgNotify()
    {
        Sql sql(m_db);
        QSqlQuery q = sql.query(QStringLiteral("SELECT proname FROM pg_proc WHERE pronamespace = 'teller'::regnamespace "
                                               "AND pg_get_functiondef(oid) ~* '(?n)(pg_notify|^\\s*notify\\s)' ORDER BY proname"));
        QStringList notifying;
        while (q.next())
            notifying << q.value(0).toString();
        QCOMPARE(notifying, QStringList{});
        // The check itself finds one (the function is rolled back with the transaction).
        SQL_VERIFY(sql, QStringLiteral("BEGIN"));
        SQL_VERIFY(sql, QStringLiteral("CREATE FUNCTION teller.probe() RETURNS void LANGUAGE sql AS $$ SELECT pg_notify('x', 'y') $$"));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM pg_proc WHERE pronamespace = 'teller'::regnamespace "
                                          "AND pg_get_functiondef(oid) ~* '(?n)(pg_notify|^\\s*notify\\s)'")),
                 qint64(1));
        SQL_VERIFY(sql, QStringLiteral("ROLLBACK"));
    }

    // A teller reads the events of their own operations and reports only; a supervisor every
    // event, account changes included.
    void aTellerSeesOnlyTheEventsOfTheirOwnOperations()
    {
        Listener limited = listener(QStringLiteral("t_limited"));
        Listener teller1 = listener(QStringLiteral("t_teller1"));
        Listener teller2 = listener(QStringLiteral("t_teller2"));
        Listener super = listener(QStringLiteral("t_super"));

        const Action pending = pendingWithdrawal(QStringLiteral("R1002"), 12000);
        const Action deposit = depositWithNote(QStringLiteral("t_teller1"), QStringLiteral("R1002"), 500, {});
        DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1")), SessionOptions{});
        QVERIFY(session.open());
        const IdempotencyKey reversal = IdempotencyKey::generate();
        QCOMPARE(ActionExecutor(session).requestReversal(reversal, deposit.key, QStringLiteral("wrong account")).status,
                 OutcomeStatus::PendingApproval);
        DbSession other(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller2")), SessionOptions{});
        QVERIFY(other.open());
        const IdempotencyKey doubt = IdempotencyKey::generate();
        QVERIFY(Supervision(other).reportDoubt(doubt, ActionKind::Withdrawal, QStringLiteral("R1002"), {},
                                               Money(700, *Currency::fromCode(u"EUR")), QStringLiteral("no answer")));
        DbSession boss(PgTestServer::instance().staff(m_db, QStringLiteral("t_super")), SessionOptions{});
        QVERIFY(boss.open());
        QVERIFY(Administration(boss).setAccountStatus(QStringLiteral("R1003"), AccountStatus::Frozen));

        const auto events = [](Listener &l) {
            auto e = l.feed->poll();
            return e ? keysOf(*e) : QStringList{QStringLiteral("error: ") + e.error().message};
        };
        QCOMPARE(events(limited), QStringList{pending.key.toString()});
        QCOMPARE(events(teller1), QStringList{reversal.toString()});
        QCOMPARE(events(teller2), QStringList{doubt.toString()});
        QCOMPARE(events(super), (QStringList{pending.key.toString(), reversal.toString(), doubt.toString(), QStringLiteral("R1003")}));
        // Read once: nothing again.
        QCOMPARE(events(super), QStringList{});

        // The answer straight from the function: a teller's rows are all their own.
        const Answer raw = as(QStringLiteral("t_teller1"), QStringLiteral("SELECT count(*) FROM teller.events_after(0) "
                                                                          "WHERE kind <> 'cursor' AND initiated_by <> 't_teller1'"));
        QCOMPARE(raw.state, QString());
        QCOMPARE(raw.rows.value(0).value(0).toLongLong(), qint64(0));
    }

    // Ids are taken before commit: an event that commits after a later one is still read, once;
    // an id that never commits holds nobody up for more than 30 seconds.
    void eventsThatCommitLateAreNotMissed()
    {
        Listener super = listener(QStringLiteral("t_super"));
        Sql late(m_db);
        const QString lateKey = IdempotencyKey::generate().toString();
        SQL_VERIFY(late, QStringLiteral("BEGIN"));
        QVERIFY(late.exec(QStringLiteral("INSERT INTO teller.events (kind, key, status, initiated_by) "
                                         "VALUES ('operation', ?::uuid, 'pending_approval', 't_limited')"),
                          {lateKey}));
        const Action a = pendingWithdrawal(QStringLiteral("R1001"), 11000);
        auto first = super.feed->poll();
        QVERIFY(first);
        QCOMPARE(keysOf(*first), QStringList{a.key.toString()});
        SQL_VERIFY(late, QStringLiteral("COMMIT"));
        auto second = super.feed->poll();
        QVERIFY(second);
        QCOMPARE(keysOf(*second), QStringList{lateKey});
        auto third = super.feed->poll();
        QVERIFY(third && third->isEmpty());

        // A gap that stays: rolled back.
        SQL_VERIFY(late, QStringLiteral("BEGIN"));
        QVERIFY(late.exec(QStringLiteral("INSERT INTO teller.events (kind, key, status, initiated_by) "
                                         "VALUES ('operation', gen_random_uuid(), 'pending_approval', 't_limited')")));
        SQL_VERIFY(late, QStringLiteral("ROLLBACK"));
        const Action b = pendingWithdrawal(QStringLiteral("R1001"), 11000);
        auto afterGap = super.feed->poll();
        QVERIFY(afterGap);
        QCOMPARE(keysOf(*afterGap), QStringList{b.key.toString()});
        const qint64 stuck = *super.feed->cursor();
        QVERIFY(super.feed->poll() && super.feed->poll()->isEmpty()); // delivered once
        QCOMPARE(*super.feed->cursor(), stuck);                       // held before the gap
        // 30 seconds later (as if): the gap is passed.
        Sql sql(m_db);
        QVERIFY(
            sql.exec(QStringLiteral("UPDATE teller.events SET at = at - interval '1 minute' WHERE key = ?::uuid"), {b.key.toString()}));
        QVERIFY(super.feed->poll());
        QVERIFY(*super.feed->cursor() > stuck + 1);
    }

    // report_doubt stores only what it checked, and only so much of it.
    void reportDoubtChecksWhatItStores_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("counter"); // empty: none
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("workstation");
        QTest::addColumn<QString>("message"); // empty: none
        QTest::addColumn<bool>("accepted");
        const QString w = QStringLiteral("desk-1");
        const QString r = QStringLiteral("R1001");
        const QString eur = QStringLiteral("EUR");
        QTest::addRow("good") << "withdrawal" << r << "" << qint64(100) << eur << w << "no answer" << true;
        QTest::addRow("a transfer") << "transfer" << r << "R1002" << qint64(100) << eur << w << "" << true;
        QTest::addRow("accents are printable")
            << "deposit" << r << "" << qint64(100) << eur << "Schalter Zürich 1" << QString(1000, u'm') << true;
        QTest::addRow("a kind that is no action") << "till_open" << r << "" << qint64(100) << eur << w << "" << false;
        QTest::addRow("lower-case account") << "withdrawal"
                                            << "r1001"
                                            << "" << qint64(100) << eur << w << "" << false;
        QTest::addRow("35-character account") << "withdrawal" << QString(35, u'1') << "" << qint64(100) << eur << w << "" << false;
        QTest::addRow("100,000-character account")
            << "withdrawal" << QString(100000, u'A') << "" << qint64(100) << eur << w << "" << false;
        QTest::addRow("a counter account without a transfer") << "withdrawal" << r << "R1002" << qint64(100) << eur << w << "" << false;
        QTest::addRow("a transfer without a counter account") << "transfer" << r << "" << qint64(100) << eur << w << "" << false;
        QTest::addRow("a malformed counter account") << "transfer" << r << "R-1002" << qint64(100) << eur << w << "" << false;
        QTest::addRow("zero") << "deposit" << r << "" << qint64(0) << eur << w << "" << false;
        QTest::addRow("above the largest amount") << "deposit" << r << "" << qint64(1'000'000'000'000'001) << eur << w << "" << false;
        QTest::addRow("no currency") << "deposit" << r << "" << qint64(100) << "EURO" << w << "" << false;
        QTest::addRow("no workstation") << "deposit" << r << "" << qint64(100) << eur << ""
                                        << "" << false;
        QTest::addRow("64-character workstation") << "deposit" << r << "" << qint64(100) << eur << QString(64, u'w') << "" << false;
        QTest::addRow("a line break in the workstation") << "deposit" << r << "" << qint64(100) << eur << "desk\n1"
                                                         << "" << false;
        QTest::addRow("a right-to-left override in the workstation")
            << "deposit" << r << "" << qint64(100) << eur << QString(QStringLiteral("desk") + QChar(0x202E) + QStringLiteral("1-ksed"))
            << "" << false;
        QTest::addRow("a bidi isolate in the workstation")
            << "deposit" << r << "" << qint64(100) << eur << QString(QStringLiteral("desk") + QChar(0x2068)) << "" << false;
        QTest::addRow("a C1 control in the workstation")
            << "deposit" << r << "" << qint64(100) << eur << QString(QStringLiteral("desk") + QChar(0x9B)) << "" << false;
        QTest::addRow("1001-character message") << "deposit" << r << "" << qint64(100) << eur << w << QString(1001, u'm') << false;
    }

    void reportDoubtChecksWhatItStores()
    {
        QFETCH(QString, kind);
        QFETCH(QString, account);
        QFETCH(QString, counter);
        QFETCH(qint64, amount);
        QFETCH(QString, currency);
        QFETCH(QString, workstation);
        QFETCH(QString, message);
        QFETCH(bool, accepted);
        const auto nullable = [](const QString &s) { return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s); };
        const Answer a = as(
            QStringLiteral("t_teller1"), QStringLiteral("SELECT teller.report_doubt(gen_random_uuid(), ?, ?, ?, ?::bigint, ?, ?, ?)"),
            {kind, account, nullable(counter), QVariant::fromValue<qlonglong>(amount), currency, workstation, nullable(message)});
        QCOMPARE(a.state, accepted ? QString() : QStringLiteral("22023"));
    }

    // At most 100 open reports a member of staff; reporting the same key again is no new one.
    void openDoubtReportsAreBounded()
    {
        const QString statement = QStringLiteral(
            "SELECT teller.report_doubt(?::uuid, 'withdrawal', 'R1001', NULL, 100, 'EUR', 'desk-3', "
            "'report ' || ?)");
        DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller3")), SessionOptions{});
        QVERIFY(session.open());
        QSqlQuery q(session.database());
        QVERIFY(q.prepare(statement));
        QString firstKey;
        for (int i = 0; i < 100; ++i) {
            const QString key = IdempotencyKey::generate().toString();
            if (firstKey.isEmpty())
                firstKey = key;
            q.addBindValue(key);
            q.addBindValue(QString::number(i));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        q.addBindValue(IdempotencyKey::generate().toString());
        q.addBindValue(QStringLiteral("one too many"));
        QVERIFY(!q.exec());
        QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("54000"));
        q.addBindValue(firstKey);
        q.addBindValue(QStringLiteral("again"));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        Sql sql(m_db);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.doubt_reports WHERE reported_by = 't_teller3'")), qint64(100));
        // Others still report.
        QCOMPARE(
            as(QStringLiteral("t_teller2"), QStringLiteral("SELECT teller.report_doubt(gen_random_uuid(), 'deposit', 'R1001', NULL, "
                                                           "1, 'EUR', 'desk-2', NULL)"))
                .state,
            QString());
    }

    // The attack as the penetration test made it, with the tellers' own logins: one LISTENs
    // and stays in a transaction, the other fills the NOTIFY queue. Then every money function
    // that used to NOTIFY still works, and a listening client still hears what changed.
    void aFullNotifyQueueStopsNothing()
    {
        Sql sql(m_db);
        // Session A: LISTEN q1; BEGIN; SELECT pg_sleep(...), on a thread of its own (its
        // transaction keeps the queue's tail where it is). 600 s rather than 150: a slow
        // machine must not end the attack before the test does; it is ended below.
        std::atomic<int> pid{0};
        std::unique_ptr<QThread> a(QThread::create([&] {
            DbSession session(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1")), SessionOptions{});
            if (!session.open())
                return;
            QSqlQuery q(session.database());
            if (!q.exec(QStringLiteral("SET statement_timeout = 0")) || !q.exec(QStringLiteral("LISTEN q1"))
                || !q.exec(QStringLiteral("BEGIN")))
                return;
            pid = session.serverProcessId();
            q.exec(QStringLiteral("SELECT pg_sleep(600)")); // until terminated
        }));
        a->start();
        QTRY_VERIFY_WITH_TIMEOUT(pid.load() != 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(sql.count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND state = 'active' "
                                                           "AND query LIKE 'SELECT pg_sleep%'"),
                                            {pid.load()}),
                                  qint64(1), 10000);
        const auto endAttack = qScopeGuard([&] {
            Sql cleanup(m_db);
            cleanup.exec(QStringLiteral("SELECT pg_terminate_backend(?)"), {pid.load()});
            a->wait();
        });

        // Session B: another teller fills the queue (8 GB) with pg_notify in a loop, committing
        // every 1000 (one transaction folds equal notifications into one, so they differ).
        {
            DbSession b(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller2")), SessionOptions{});
            QVERIFY(b.open());
            QSqlQuery q(b.database());
            QVERIFY(q.exec(QStringLiteral("SET statement_timeout = 0")));
            QElapsedTimer filling;
            filling.start();
            QVERIFY(!q.exec(QStringLiteral("DO $$ BEGIN FOR i IN 1..3000000 LOOP PERFORM pg_notify('x', i::text || repeat('a', 7990)); "
                                           "IF i % 1000 = 0 THEN COMMIT; END IF; END LOOP; END $$")));
            QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("54000"));
            QVERIFY2(q.lastError().databaseText().contains(QLatin1String("too many notifications")),
                     qPrintable(q.lastError().databaseText()));
            qInfo("the NOTIFY queue was full after %lld ms", filling.elapsed());
            // What every pending operation, decision and freeze did before: refused at COMMIT.
            QVERIFY(!q.exec(QStringLiteral("SELECT pg_notify('teller_operations', '{\"status\": \"pending_approval\"}')")));
            QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("54000"));
        }
        QVERIFY(sql.value(QStringLiteral("SELECT pg_notification_queue_usage()")).toDouble() > 0.99);

        // A teller's window, signed in now: it hears of its operations without any NOTIFY.
        TellerClient client;
        client.setJournalPath(m_dir.filePath(QStringLiteral("journal-limited.sqlite")));
        QList<OperationEvent> heard;
        connect(&client, &TellerClient::operationChanged, this, [&](const OperationEvent &e) { heard << e; });
        SessionOptions options;
        options.workstation = QStringLiteral("attack-ws");
        client.signIn(PgTestServer::instance().staff(m_db, QStringLiteral("t_limited")), options);
        QTRY_VERIFY_WITH_TIMEOUT(client.isSignedIn(), 10000);
        // Not a speed claim: with PostgreSQL's whole NOTIFY queue (8 GB) just filled, and the
        // machine busy, the listening connection took 13.6 s once to come up.
        QTRY_VERIFY_WITH_TIMEOUT(client.isLive(), 30000);
        const auto hasHeard = [&](const IdempotencyKey &key, OutcomeStatus status) {
            return std::any_of(heard.cbegin(), heard.cend(),
                               [&](const OperationEvent &e) { return e.key && *e.key == key && e.status == status; });
        };

        // An above-limit withdrawal waits for a supervisor (it failed at COMMIT before).
        const Action withdrawal = makeAction(ActionKind::Withdrawal, QStringLiteral("R1001"), 15000);
        const Outcome held = executeAs(m_db, QStringLiteral("t_limited"), withdrawal);
        QCOMPARE(outcomeStatusName(held.status), QStringLiteral("pending_approval"));
        QTRY_VERIFY_WITH_TIMEOUT(hasHeard(withdrawal.key, OutcomeStatus::PendingApproval), 10000);

        // The supervisor decides.
        DbSession supervisor(PgTestServer::instance().staff(m_db, QStringLiteral("t_super")), SessionOptions{});
        QVERIFY(supervisor.open());
        auto decided = Supervision(supervisor).decide(withdrawal.key, true, QStringLiteral("ID checked"));
        QVERIFY2(decided, decided ? "" : qPrintable(decided.error().message));
        QCOMPARE(decided->status, OutcomeStatus::Completed);
        QTRY_VERIFY_WITH_TIMEOUT(hasHeard(withdrawal.key, OutcomeStatus::Completed), 10000);

        // A freeze and its end.
        Administration administration(supervisor);
        auto frozen = administration.setAccountStatus(QStringLiteral("R1002"), AccountStatus::Frozen);
        QVERIFY2(frozen, frozen ? "" : qPrintable(frozen.error().message));
        QCOMPARE(frozen->account.status, AccountStatus::Frozen);
        // Unfreezing needs a second person: asked by one supervisor, done by the other.
        auto asked = administration.setAccountStatus(QStringLiteral("R1002"), AccountStatus::Active);
        QVERIFY2(asked, asked ? "" : qPrintable(asked.error().message));
        QVERIFY(asked->pending);
        DbSession second(PgTestServer::instance().staff(m_db, QStringLiteral("t_super2")), SessionOptions{});
        QVERIFY(second.open());
        auto unfrozen = Administration(second).setAccountStatus(QStringLiteral("R1002"), AccountStatus::Active);
        QVERIFY2(unfrozen, unfrozen ? "" : qPrintable(unfrozen.error().message));
        QCOMPARE(unfrozen->account.status, AccountStatus::Active);

        // A reversal waits for a supervisor; a doubt is reported; a hold expires.
        const Action deposit = depositWithNote(QStringLiteral("t_teller1"), QStringLiteral("R1001"), 2500, {});
        DbSession teller(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1")), SessionOptions{});
        QVERIFY(teller.open());
        QCOMPARE(ActionExecutor(teller).requestReversal(IdempotencyKey::generate(), deposit.key, QStringLiteral("wrong account")).status,
                 OutcomeStatus::PendingApproval);
        auto reported = Supervision(teller).reportDoubt(IdempotencyKey::generate(), ActionKind::Deposit, QStringLiteral("R1001"), {},
                                                        Money(100, *Currency::fromCode(u"EUR")), QStringLiteral("no answer"));
        QVERIFY2(reported, reported ? "" : qPrintable(reported.error().message));
        const Action expiring = pendingWithdrawal(QStringLiteral("R1001"), 13000);
        QVERIFY(sql.exec(QStringLiteral("UPDATE teller.operations SET expires_at = now() - interval '1 second' WHERE key = ?::uuid"),
                         {expiring.key.toString()}));
        auto expired = Supervision(supervisor).expireHolds();
        QVERIFY2(expired, expired ? "" : qPrintable(expired.error().message));
        QCOMPARE(*expired, 1);
        QTRY_VERIFY_WITH_TIMEOUT(hasHeard(expiring.key, OutcomeStatus::Expired), 10000);

        // The attack held all along.
        QVERIFY(sql.value(QStringLiteral("SELECT pg_notification_queue_usage()")).toDouble() > 0.99);
        client.signOut();
    }
};

QTEST_GUILESS_MAIN(TestReadsEvents)
#include "tst_reads_events.moc"
