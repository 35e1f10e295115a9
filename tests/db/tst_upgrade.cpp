// An upgrade from schema version 9, the last one before the function files, of a database
// with history in it: staff, accounts, completed withdrawals, deposits and transfers, a
// rejected action, a pending approval, an approved and a rejected one, an abandoned key and a
// doubt report, all made through the version-9 functions by staff logins. The full migrate
// must then succeed, every old key must replay exactly the outcome it replayed before, every
// invariant must hold, the upgraded database's schema must be the snapshot's, and the
// current program must work on it.
#include "PgTestServer.h"
#include "SchemaSnapshot.h"

#include "ActionExecutor.h"
#include "DbSession.h"
#include "Migrator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

using namespace teller;

class TestUpgrade : public QObject
{
    Q_OBJECT

    // A key with what its initiator asked under it, and its replayed answer before the upgrade.
    struct Key
    {
        QString login;
        QString uuid;
        QString fingerprintHex;
        QString kind;
        QString account;
        QString counter;
        qint64 amount = 0;
        QString status;       // the outcome expected, as it stands before the upgrade
        QString replayBefore; // perform_action's replayed answer, as JSON
    };

    QString m_db;
    QList<Key> m_keys;

    // Runs one statement as `login` on m_db, whatever its schema version (DbSession's check
    // wants the current one), and returns the first column of the first row.
    QVariant as(const QString &login, const QString &sql, const QVariantList &values, QString *error)
    {
        SessionOptions options;
        options.workstation = QStringLiteral("upgrade-ws");
        DbSession session(PgTestServer::instance().staff(m_db, login), options);
        if (auto ok = session.open(DbSession::SchemaCheck::Skip); !ok) {
            *error = ok.error().message;
            return {};
        }
        QSqlQuery q(session.database());
        if (!q.prepare(sql)) {
            *error = q.lastError().text();
            return {};
        }
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec()) {
            *error = q.lastError().text();
            return {};
        }
        return q.next() ? q.value(0) : QVariant();
    }

    static QVariant text(const QString &s) { return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s); }

    // perform_action as `login`, the answer as JSON.
    QString perform(const Key &k, QString *error)
    {
        return as(k.login,
                  QStringLiteral("SELECT row_to_json(r)::text FROM teller.perform_action(?::uuid, ?, ?, ?, ?::bigint, ?, "
                                 "decode(?, 'hex'), ?) r"),
                  {k.uuid, k.kind, k.account, text(k.counter), QVariant::fromValue<qlonglong>(k.amount), QStringLiteral("EUR"),
                   k.fingerprintHex, QStringLiteral("upgrade-ws")},
                  error)
            .toString();
    }

    static QString field(const QString &json, const char *name)
    {
        return QJsonDocument::fromJson(json.toUtf8()).object().value(QLatin1String(name)).toVariant().toString();
    }

    // A new action under a fresh key, recorded in m_keys.
    Key act(const QString &login, ActionKind kind, const QString &account, qint64 amount, const QString &counter = {})
    {
        Key k;
        k.login = login;
        k.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        k.kind = actionKindName(kind);
        k.account = account;
        k.counter = counter;
        k.amount = amount;
        const auto request = ActionRequest::create(kind, account, counter, Money(amount, *Currency::fromCode(u"EUR")));
        if (!request)
            qFatal("act: %s", qPrintable(request.error().message));
        k.fingerprintHex = QString::fromLatin1(request->fingerprint().toHex());
        QString error;
        const QString answer = perform(k, &error);
        if (answer.isEmpty())
            QTest::qFail(qPrintable(QStringLiteral("perform_action as %1: %2").arg(login, error)), __FILE__, __LINE__);
        k.status = field(answer, "status");
        return k;
    }

private Q_SLOTS:
    void initTestCase() { PgTestServer::instance(); }

    void upgradeFromVersion9WithHistory()
    {
        m_db = QStringLiteral("upgrade_from_9");
        {
            Sql postgres(QStringLiteral("postgres"));
            SQL_VERIFY(postgres, QStringLiteral("CREATE DATABASE upgrade_from_9"));
        }
        DbSession owner(PgTestServer::instance().superuser(m_db), SessionOptions{});
        QVERIFY(owner.open(DbSession::SchemaCheck::Skip));
        Migrator migrator(owner);

        // 1. Version 9, as the program of that version made it: migrations 001-009 only.
        auto v9 = migrator.migrate(9);
        QVERIFY2(v9, v9 ? "" : qPrintable(v9.error().message));
        QCOMPARE(v9->toVersion, 9);
        QCOMPARE(v9->applied.size(), 9);
        QCOMPARE(v9->functionsApplied.size(), 0);
        Sql sql(m_db);
        QVERIFY(sql.value(QStringLiteral("SELECT to_regclass('teller.schema_functions') IS NULL")).toBool());

        // 2. History, through the version-9 functions. Staff: new logins, made by add_staff
        //    with a SCRAM verifier of the test password, as an administrator's tellerctl does.
        struct S
        {
            const char *login;
            const char *role;
            qint64 limit; // -1: none
        } staff[] = {
            {"v9_teller", "teller", -1}, {"v9_limited", "teller", 10000}, {"v9_super", "supervisor", -1}, {"v9_admin", "admin", -1}};
        for (const S &s : staff) {
            const QString login = QString::fromLatin1(s.login);
            const auto verifier = owner.passwordVerifier(login, QString::fromUtf16(PgTestServer::Password));
            QVERIFY2(verifier, verifier ? "" : qPrintable(verifier.error().message));
            QString error;
            QVERIFY2(
                sql.exec(QStringLiteral("SELECT teller.add_staff(?, ?, ?, ?::bigint, ?)"),
                         {login, QString(QStringLiteral("Staff ") + login), QString::fromLatin1(s.role),
                          s.limit < 0 ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant::fromValue<qlonglong>(s.limit), *verifier},
                         &error),
                qPrintable(error));
        }
        const QString teller = QStringLiteral("v9_teller"), limited = QStringLiteral("v9_limited"),
                      supervisor = QStringLiteral("v9_super"), admin = QStringLiteral("v9_admin");

        // Accounts, opened by the administrator.
        for (const QString &number : {QStringLiteral("9001"), QStringLiteral("9002"), QStringLiteral("9003")}) {
            QString error;
            as(admin, QStringLiteral("SELECT (teller.open_account(?, ?, 'EUR', ?::bigint)).id"),
               {number, QString(QStringLiteral("Holder ") + number), QVariant::fromValue<qlonglong>(number == u"9003" ? -50000 : 0)},
               &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }

        // Deposits, a withdrawal and a transfer that complete; one the server rejects.
        m_keys << act(teller, ActionKind::Deposit, QStringLiteral("9001"), 100000)
               << act(teller, ActionKind::Deposit, QStringLiteral("9002"), 50000)
               << act(teller, ActionKind::Withdrawal, QStringLiteral("9001"), 2500)
               << act(teller, ActionKind::Transfer, QStringLiteral("9001"), 1000, QStringLiteral("9002"))
               << act(teller, ActionKind::Withdrawal, QStringLiteral("9003"), 60000); // floor -500.00
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_keys.at(i).status, QStringLiteral("completed"));
        QCOMPARE(m_keys.at(4).status, QStringLiteral("rejected"));

        // Above the limit: one stays pending through the upgrade, one is approved, one rejected.
        const Key pending = act(limited, ActionKind::Withdrawal, QStringLiteral("9001"), 20000);
        const Key approved = act(limited, ActionKind::Withdrawal, QStringLiteral("9002"), 15000);
        const Key rejected = act(limited, ActionKind::Transfer, QStringLiteral("9001"), 30000, QStringLiteral("9003"));
        for (const Key &k : {pending, approved, rejected})
            QCOMPARE(k.status, QStringLiteral("pending_approval"));
        QString error;
        QCOMPARE(as(supervisor, QStringLiteral("SELECT status FROM teller.decide_operation(?::uuid, true, 'checked the ID')"),
                    {approved.uuid}, &error)
                     .toString(),
                 QStringLiteral("completed"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(as(supervisor, QStringLiteral("SELECT status FROM teller.decide_operation(?::uuid, false, 'no ID shown')"),
                    {rejected.uuid}, &error)
                     .toString(),
                 QStringLiteral("rejected"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_keys << pending << approved << rejected;
        m_keys[m_keys.size() - 2].status = QStringLiteral("completed");
        m_keys[m_keys.size() - 1].status = QStringLiteral("rejected");

        // A key given up before its request arrived: a tombstone. And a doubt report about it.
        Key abandoned;
        abandoned.login = teller;
        abandoned.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        abandoned.kind = QStringLiteral("withdrawal");
        abandoned.account = QStringLiteral("9001");
        abandoned.amount = 700;
        abandoned.fingerprintHex = QString::fromLatin1(
            ActionRequest::create(ActionKind::Withdrawal, abandoned.account, {}, Money(700, *Currency::fromCode(u"EUR")))
                ->fingerprint()
                .toHex());
        QCOMPARE(as(teller, QStringLiteral("SELECT status FROM teller.abandon_action(?::uuid, 'upgrade-ws')"), {abandoned.uuid}, &error)
                     .toString(),
                 QStringLiteral("abandoned"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        abandoned.status = QStringLiteral("abandoned");
        m_keys << abandoned;
        as(teller,
           QStringLiteral("SELECT teller.report_doubt(?::uuid, 'withdrawal', '9001', NULL, 700, 'EUR', 'upgrade-ws', "
                          "'no answer from the server')"),
           {abandoned.uuid}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // Every key replays its outcome at version 9; remember the answers.
        for (Key &k : m_keys) {
            k.replayBefore = perform(k, &error);
            QVERIFY2(!k.replayBefore.isEmpty(), qPrintable(error));
            QCOMPARE(field(k.replayBefore, "status"), k.status);
            QCOMPARE(field(k.replayBefore, "replayed"), QStringLiteral("true"));
        }
        QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
        const qint64 operations = sql.count(QStringLiteral("SELECT count(*) FROM teller.operations"));
        const qint64 ledger = sql.count(QStringLiteral("SELECT count(*) FROM teller.ledger_entries"));
        QCOMPARE(operations, qint64(m_keys.size()));

        // 3. The upgrade.
        auto upgrade = migrator.migrate();
        QVERIFY2(upgrade, upgrade ? "" : qPrintable(upgrade.error().message));
        QCOMPARE(upgrade->fromVersion, 9);
        QCOMPARE(upgrade->toVersion, schema::latestVersion());
        QCOMPARE(upgrade->applied.size(), schema::migrations().size() - 9);
        QCOMPARE(upgrade->functionsApplied.size(), schema::functions().size());

        // 4. Nothing of the history changed: the same operations and ledger, every key replays
        //    exactly what it replayed before, every invariant holds.
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations")), operations);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.ledger_entries")), ledger);
        // (The answer has one field more since version 11, the till's cash after a cash
        // operation: an operation of version 9 touched no till, so it is null.)
        for (const Key &k : m_keys) {
            const QString after = perform(k, &error);
            QVERIFY2(!after.isEmpty(), qPrintable(error));
            QJsonObject answer = QJsonDocument::fromJson(after.toUtf8()).object();
            QVERIFY2(answer.contains(QStringLiteral("till_after")) && answer.value(QStringLiteral("till_after")).isNull(),
                     qPrintable(after));
            answer.remove(QStringLiteral("till_after"));
            QCOMPARE(answer, QJsonDocument::fromJson(k.replayBefore.toUtf8()).object());
        }
        QCOMPARE(sql.count(QStringLiteral("SELECT held FROM teller.accounts WHERE number = '9001'")), pending.amount);
        violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));

        // 5. Its schema is the snapshot's (the same as a fresh database's).
        const QString dump = snapshot::dump(m_db, &error);
        QVERIFY2(!dump.isEmpty(), qPrintable(error));
        const snapshot::Parsed s = snapshot::read(snapshot::path(), &error);
        QVERIFY2(s.valid, qPrintable(error + u'\n' + snapshot::regenerateHint()));
        if (s.body != dump)
            QFAIL(qPrintable(QStringLiteral("The database upgraded from version 9 differs from resources/sql/schema.sql:\n%1\n%2")
                                 .arg(snapshot::difference(s.body, dump, QStringLiteral("resources/sql/schema.sql"),
                                                           QStringLiteral("upgraded database")),
                                      snapshot::regenerateHint())));

        // 6. The current program works on it: the pending approval is decided, and a teller
        //    (through the core, which checks the schema version) moves money.
        QCOMPARE(
            as(supervisor, QStringLiteral("SELECT status FROM teller.decide_operation(?::uuid, true, NULL)"), {pending.uuid}, &error)
                .toString(),
            QStringLiteral("completed"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        //    Cash now moves through tills: the supervisor receives cash into the branch's vault,
        //    the teller opens their till and gets cash from it.
        {
            DbSession supervisorSession(PgTestServer::instance().staff(m_db, supervisor), SessionOptions{});
            QVERIFY(supervisorSession.open());
            DbSession tellerSession(PgTestServer::instance().staff(m_db, teller), SessionOptions{});
            QVERIFY(tellerSession.open());
            const Currency eur = *Currency::fromCode(u"EUR");
            QCOMPARE(ActionExecutor(supervisorSession)
                         .moveVaultCash(IdempotencyKey::generate(), ActionKind::VaultReceive, {}, Money(100000, eur))
                         .status,
                     OutcomeStatus::Completed);
            QCOMPARE(ActionExecutor(tellerSession)
                         .countTill(IdempotencyKey::generate(), ActionExecutor::TillCount::Open, Money(0, eur), std::nullopt)
                         .status,
                     OutcomeStatus::Completed);
            QCOMPARE(ActionExecutor(supervisorSession)
                         .moveVaultCash(IdempotencyKey::generate(), ActionKind::VaultToTill, teller, Money(50000, eur))
                         .status,
                     OutcomeStatus::Completed);
        }
        const Outcome after = executeAs(m_db, teller, makeAction(ActionKind::Withdrawal, QStringLiteral("9002"), 100));
        QCOMPARE(after.tillAfter->minorUnits(), qint64(49900));
        QVERIFY2(after.status == OutcomeStatus::Completed, qPrintable(outcomeStatusName(after.status) + u' ' + after.message));
        violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));

        // 7. Migrating again changes nothing.
        auto again = migrator.migrate();
        QVERIFY(again);
        QCOMPARE(again->applied.size(), 0);
        QCOMPARE(again->functionsApplied.size(), 0);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.schema_functions")), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestUpgrade)
#include "tst_upgrade.moc"
