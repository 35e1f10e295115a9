// Migrations: idempotent, recorded, refused when the database is newer or was changed;
// the database's tables agree with the program's (currencies, fingerprint).
#include "PgTestServer.h"
#include "Workers.h"

#include "DbSession.h"
#include "Migrator.h"

#include <QTest>

using namespace teller;

class TestSchema : public QObject
{
    Q_OBJECT

private:
    QString emptyDatabase()
    {
        static int n = 0;
        const QString name = QStringLiteral("empty_%1").arg(++n);
        Sql postgres(QStringLiteral("postgres"));
        if (!postgres.exec(QStringLiteral("CREATE DATABASE ") + name))
            qFatal("cannot create %s", qPrintable(name));
        return name;
    }

private Q_SLOTS:
    void initTestCase() { PgTestServer::instance(); }

    void migrateFromEmptyThenAgainChangesNothing()
    {
        const QString db = emptyDatabase();
        DbSession owner(PgTestServer::instance().superuser(db), SessionOptions{});
        QVERIFY(owner.open(DbSession::SchemaCheck::Skip));
        Migrator migrator(owner);

        auto first = migrator.migrate();
        QVERIFY2(first, first ? "" : qPrintable(first.error().message));
        QCOMPARE(first->fromVersion, 0);
        QCOMPARE(first->toVersion, schema::latestVersion());
        QCOMPARE(first->applied.size(), schema::migrations().size());

        Sql sql(db);
        const qint64 objects = sql.count(QStringLiteral(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'teller'"));
        const qint64 functions = sql.count(QStringLiteral(
            "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'teller'"));
        QVERIFY(objects > 10);

        auto second = migrator.migrate();
        QVERIFY(second);
        QCOMPARE(second->applied.size(), 0);
        QCOMPARE(second->fromVersion, schema::latestVersion());
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.schema_migrations")),
                 qint64(schema::migrations().size()));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                          "WHERE n.nspname = 'teller'")),
                 objects);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                                          "WHERE n.nspname = 'teller'")),
                 functions);
    }

    void concurrentMigrationsApplyEachOnce()
    {
        const QString db = emptyDatabase();
        const auto results = runOnThreads<QString>(4, [&](int, const std::function<void()> &startLine) {
            DbSession owner(PgTestServer::instance().superuser(db), SessionOptions{});
            auto opened = owner.open(DbSession::SchemaCheck::Skip);
            startLine();
            if (!opened)
                return opened.error().message;
            Migrator migrator(owner);
            auto report = migrator.migrate();
            return report ? QString() : report.error().message;
        });
        for (const QString &error : results)
            QVERIFY2(error.isEmpty(), qPrintable(error));
        Sql sql(db);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.schema_migrations")),
                 qint64(schema::migrations().size()));
    }

    void databaseWithoutSchemaIsNamed()
    {
        const QString db = emptyDatabase();
        DbSession session(PgTestServer::instance().superuser(db), SessionOptions{});
        auto opened = session.open();
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, Error::Kind::Schema);
        QVERIFY2(opened.error().message.contains(QLatin1String("tellerctl migrate")), qPrintable(opened.error().message));
    }

    void newerDatabaseIsRefused()
    {
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        SQL_VERIFY(sql, QStringLiteral("INSERT INTO teller.schema_migrations (version, name, checksum) "
                                       "VALUES (999, 'from_the_future', 'x')"));

        DbSession session(PgTestServer::instance().staff(db, QStringLiteral("t_teller1")), SessionOptions{});
        auto opened = session.open();
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, Error::Kind::Schema);
        QVERIFY2(opened.error().message.contains(QLatin1String("newer")), qPrintable(opened.error().message));

        DbSession owner(PgTestServer::instance().superuser(db), SessionOptions{});
        QVERIFY(owner.open(DbSession::SchemaCheck::Skip));
        Migrator migrator(owner);
        auto report = migrator.migrate();
        QVERIFY(!report);
        QVERIFY2(report.error().message.contains(QLatin1String("newer")), qPrintable(report.error().message));
    }

    void changedMigrationIsRefused()
    {
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        SQL_VERIFY(sql, QStringLiteral("UPDATE teller.schema_migrations SET checksum = 'edited' WHERE version = 1"));
        DbSession owner(PgTestServer::instance().superuser(db), SessionOptions{});
        QVERIFY(owner.open(DbSession::SchemaCheck::Skip));
        Migrator migrator(owner);
        auto report = migrator.migrate();
        QVERIFY(!report);
        QVERIFY2(report.error().message.contains(QLatin1String("differs")), qPrintable(report.error().message));
    }

    void currencyTablesAgree()
    {
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        QSqlQuery q = sql.query(QStringLiteral("SELECT code, exponent FROM teller.currencies ORDER BY code"));
        QStringList server;
        while (q.next())
            server << q.value(0).toString() + u':' + QString::number(q.value(1).toInt());
        QStringList program;
        for (const Currency &c : Currency::all())
            program << c.code() + u':' + QString::number(c.exponent());
        program.sort();
        QCOMPARE(server, program);
    }

    void serverComputesTheSameFingerprint_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("counter");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("currency");
        QTest::addRow("withdrawal") << int(ActionKind::Withdrawal) << "10000001" << "" << qint64(9300) << "EUR";
        QTest::addRow("deposit") << int(ActionKind::Deposit) << "DE89370400440532013000" << "" << qint64(1) << "EUR";
        QTest::addRow("transfer") << int(ActionKind::Transfer) << "A1" << "B2" << qint64(1000000000000000) << "USD";
        QTest::addRow("yen") << int(ActionKind::Withdrawal) << "40000001" << "" << qint64(250000) << "JPY";
    }

    void serverComputesTheSameFingerprint()
    {
        QFETCH(int, kind);
        QFETCH(QString, account);
        QFETCH(QString, counter);
        QFETCH(qint64, amount);
        QFETCH(QString, currency);
        const auto request = ActionRequest::create(ActionKind(kind), account, counter,
                                                   Money(amount, *Currency::fromCode(currency)));
        QVERIFY(request);
        static const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        const QVariant server = sql.value(QStringLiteral("SELECT encode(teller.request_fingerprint(?, ?, ?, ?::bigint, ?), 'hex')"),
                                          {actionKindName(ActionKind(kind)), account,
                                           counter.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(counter),
                                           QVariant::fromValue<qlonglong>(amount), currency});
        QCOMPARE(server.toString(), QString::fromLatin1(request->fingerprint().toHex()));
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
