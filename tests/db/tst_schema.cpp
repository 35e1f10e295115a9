// Migrations: idempotent, recorded, refused when the database is newer or was changed;
// the database's tables agree with the program's (currencies, fingerprint). The function
// files: one per function, applied in a safe order, again only when they changed. The
// snapshot resources/sql/schema.sql is the schema a migrated database has, and names this
// program's version and functions (so a changed function without a new migration fails).
#include "PgTestServer.h"
#include "SchemaSnapshot.h"
#include "Workers.h"

#include "DbSession.h"
#include "Migrator.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
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

    // A migration is a text of many statements: the one that fails is the one reported, with
    // its own words (not "current transaction is aborted" at the next statement), and nothing
    // of the text stays.
    void aFailingStatementInAMigrationIsReportedAsItself()
    {
        const QString db = PgTestServer::instance().createDatabase();
        DbSession session(PgTestServer::instance().superuser(db), SessionOptions{});
        QVERIFY(session.open(DbSession::SchemaCheck::Skip));
        auto failed = session.exec(
            QStringLiteral("BEGIN; CREATE TABLE public.first_half (x int); "
                           "SELECT * FROM public.no_such_table; CREATE TABLE public.second_half (x int); COMMIT"));
        QVERIFY(!failed);
        QCOMPARE(failed.error().sqlState, QStringLiteral("42P01"));
        QVERIFY2(failed.error().message.contains(QLatin1String("no_such_table")), qPrintable(failed.error().message));
        QVERIFY(session.exec(QStringLiteral("ROLLBACK")));
        Sql sql(db);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename IN ('first_half', 'second_half')")),
                 qint64(0));
        // And a text that works still works, to its last statement.
        QVERIFY(session.exec(QStringLiteral("CREATE TABLE public.a (x int); INSERT INTO public.a VALUES (1); DROP TABLE public.a")));
    }

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
        QCOMPARE(first->functionsApplied.size(), schema::functions().size());

        Sql sql(db);
        const qint64 objects = sql.count(
            QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'teller'"));
        const qint64 functions = sql.count(
            QStringLiteral("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'teller'"));
        QVERIFY(objects > 10);

        auto second = migrator.migrate();
        QVERIFY(second);
        QCOMPARE(second->applied.size(), 0);
        QCOMPARE(second->functionsApplied.size(), 0);
        QCOMPARE(second->fromVersion, schema::latestVersion());
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.schema_migrations")), qint64(schema::migrations().size()));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.schema_functions")), qint64(1));
        QCOMPARE(sql.value(QStringLiteral("SELECT checksum FROM teller.schema_functions")).toString().toLatin1(),
                 schema::functionsChecksum());
        QCOMPARE(sql.count(QStringLiteral("SELECT schema_version FROM teller.schema_functions")), qint64(schema::latestVersion()));
        QCOMPARE(sql.count(QStringLiteral("SELECT jsonb_array_length(functions) FROM teller.schema_functions")),
                 qint64(schema::functions().size()));
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
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.schema_migrations")), qint64(schema::migrations().size()));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.schema_functions")), qint64(1));
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

    // ---------------------------------------------------------------------------------------
    // The function files

    void functionFilesAreListedOnceAndNamedForTheirFunction()
    {
        const QDir dir(QStringLiteral(":/teller/sql/functions"));
        QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
        QStringList listed;
        for (const FunctionFile &fn : schema::functions())
            listed << fn.name + QStringLiteral(".sql");
        QVERIFY(!listed.isEmpty());
        QCOMPARE(QSet<QString>(listed.cbegin(), listed.cend()).size(), listed.size()); // each once
        listed.sort();
        QCOMPARE(listed, files); // every file, and nothing else

        static const QRegularExpression create(QStringLiteral("^CREATE (OR REPLACE )?FUNCTION teller\\.([a-z0-9_]+)\\("),
                                               QRegularExpression::MultilineOption);
        for (const FunctionFile &fn : schema::functions()) {
            const QString text = QString::fromUtf8(fn.sql);
            QStringList defined;
            for (auto it = create.globalMatch(text); it.hasNext();) {
                const auto m = it.next();
                QVERIFY2(!m.captured(1).isEmpty(),
                         qPrintable(fn.name + QStringLiteral(".sql: CREATE OR REPLACE FUNCTION, so that migrate can apply it again")));
                defined << m.captured(2);
            }
            QCOMPARE(defined, QStringList{fn.name});
            QVERIFY2(text.startsWith(QStringLiteral("-- teller.") + fn.name + QStringLiteral(": ")),
                     qPrintable(fn.name + QStringLiteral(".sql starts with a comment that says what it is for")));
            QVERIFY2(text.contains(QStringLiteral("\nREVOKE ALL ON FUNCTION teller.") + fn.name + u'('),
                     qPrintable(fn.name + QStringLiteral(".sql says who may execute it (REVOKE, then GRANT)")));
        }
        QCOMPARE(schema::functionsChecksum().size(), 64);
    }

    void everyFunctionHasItsFile()
    {
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        QSqlQuery q = sql.query(QStringLiteral("SELECT proname, count(*) FROM pg_proc WHERE pronamespace = 'teller'::regnamespace "
                                               "GROUP BY proname ORDER BY proname"));
        QStringList inDatabase;
        while (q.next()) {
            QVERIFY2(q.value(1).toInt() == 1,
                     qPrintable(QStringLiteral("teller.%1 is overloaded: one file per name").arg(q.value(0).toString())));
            inDatabase << q.value(0).toString();
        }
        QStringList files;
        for (const FunctionFile &fn : schema::functions())
            files << fn.name;
        files.sort();
        // A function a migration made but no file holds (or a file whose function a migration
        // dropped) would leave the reader of functions/ with the wrong picture.
        QCOMPARE(inDatabase, files);
    }

    void functionFilesApplyInOrderWithoutAnyFunction()
    {
        // The order matters where a function does not exist yet: drop every teller function
        // (and what depends on it: triggers, SQL-standard bodies), then apply the files in
        // order. Rolled back: the database stays as it was.
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        SQL_VERIFY(sql, QStringLiteral("BEGIN"));
        SQL_VERIFY(sql, QStringLiteral("DO $$ DECLARE f text; BEGIN "
                                       "FOREACH f IN ARRAY (SELECT array_agg(oid::regprocedure::text) FROM pg_proc "
                                       "                     WHERE pronamespace = 'teller'::regnamespace) LOOP "
                                       "  EXECUTE format('DROP FUNCTION IF EXISTS %s CASCADE', f); " // one CASCADE may have dropped it
                                       "END LOOP; END $$"));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM pg_proc WHERE pronamespace = 'teller'::regnamespace")), qint64(0));
        for (const FunctionFile &fn : schema::functions()) {
            QString error;
            QVERIFY2(sql.exec(QString::fromUtf8(fn.sql), {}, &error),
                     qPrintable(QStringLiteral("functions/%1.sql does not apply where no function exists yet: does it call "
                                               "one that comes later in functions/order.list?\n%2")
                                    .arg(fn.name, error)));
        }
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM pg_proc WHERE pronamespace = 'teller'::regnamespace")),
                 qint64(schema::functions().size()));
        SQL_VERIFY(sql, QStringLiteral("ROLLBACK"));
        // operations_guard, operations_rules, operations_no_delete, operations_no_truncate
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'teller.operations'::regclass "
                                          "AND NOT tgisinternal")),
                 qint64(4));
    }

    void functionFilesAreAppliedAgainWhenTheirChecksumDiffers()
    {
        const QString db = PgTestServer::instance().createDatabase();
        Sql sql(db);
        // As if a build with other function files had migrated this database: its functions
        // and its checksum.
        SQL_VERIFY(sql, QStringLiteral("CREATE OR REPLACE FUNCTION teller.setting(p_key text) RETURNS text "
                                       "LANGUAGE sql STABLE RETURN 'changed'"));
        SQL_VERIFY(sql, QStringLiteral("GRANT EXECUTE ON FUNCTION teller.setting(text) TO teller_staff"));
        SQL_VERIFY(sql, QStringLiteral("INSERT INTO teller.schema_functions (schema_version, checksum, functions) "
                                       "SELECT max(version), repeat('0', 64), '[]' FROM teller.schema_migrations"));
        QCOMPARE(sql.value(QStringLiteral("SELECT teller.setting('home_currency')")).toString(), QStringLiteral("changed"));

        DbSession owner(PgTestServer::instance().superuser(db), SessionOptions{});
        QVERIFY(owner.open(DbSession::SchemaCheck::Skip));
        Migrator migrator(owner);
        auto report = migrator.migrate();
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->applied.size(), 0);
        QCOMPARE(report->functionsApplied.size(), schema::functions().size());
        QCOMPARE(sql.value(QStringLiteral("SELECT teller.setting('home_currency')")).toString(), QStringLiteral("EUR"));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM pg_proc WHERE oid = 'teller.setting(text)'::regprocedure "
                                          "AND has_function_privilege('teller_staff', oid, 'EXECUTE')")),
                 qint64(0)); // the file's grants hold again
        QCOMPARE(
            sql.value(QStringLiteral("SELECT checksum FROM teller.schema_functions ORDER BY id DESC LIMIT 1")).toString().toLatin1(),
            schema::functionsChecksum());

        auto again = migrator.migrate();
        QVERIFY(again);
        QCOMPARE(again->functionsApplied.size(), 0);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.schema_functions")), qint64(3)); // template's, ours, migrate's
    }

    void migrateStopsAtAVersion()
    {
        const QString db = emptyDatabase();
        DbSession owner(PgTestServer::instance().superuser(db), SessionOptions{});
        QVERIFY(owner.open(DbSession::SchemaCheck::Skip));
        Migrator migrator(owner);
        auto old = migrator.migrate(9);
        QVERIFY2(old, old ? "" : qPrintable(old.error().message));
        QCOMPARE(old->toVersion, 9);
        QCOMPARE(old->applied.size(), 9);
        QCOMPARE(old->functionsApplied.size(), 0); // the files belong to the last version
        Sql sql(db);
        QVERIFY(sql.value(QStringLiteral("SELECT to_regclass('teller.schema_functions') IS NULL")).toBool());
        auto current = migrator.migrate();
        QVERIFY2(current, current ? "" : qPrintable(current.error().message));
        QCOMPARE(current->fromVersion, 9);
        QCOMPARE(current->toVersion, schema::latestVersion());
        QCOMPARE(current->functionsApplied.size(), schema::functions().size());
    }

    // ---------------------------------------------------------------------------------------
    // The snapshot, resources/sql/schema.sql

    void snapshotNamesThisSchema()
    {
        QString error;
        const snapshot::Parsed s = snapshot::read(snapshot::path(), &error);
        QVERIFY2(s.valid, qPrintable(error + u'\n' + snapshot::regenerateHint()));
        QVERIFY2(s.version == schema::latestVersion(),
                 qPrintable(QStringLiteral("resources/sql/schema.sql is of schema version %1, the migrations end at %2. %3")
                                .arg(s.version)
                                .arg(schema::latestVersion())
                                .arg(snapshot::regenerateHint())));
        QVERIFY2(s.functionsChecksum == schema::functionsChecksum(),
                 qPrintable(QStringLiteral("The function files changed since resources/sql/schema.sql was made (functions sha256 "
                                           "%1, the snapshot names %2). A change to a function needs a new migration that bumps "
                                           "the schema version (DbSession checks the version only): add "
                                           "resources/sql/migrations/%3_<name>.sql (a comment saying which functions "
                                           "changed and why is enough), then regenerate the snapshot. %4")
                                .arg(QString::fromLatin1(schema::functionsChecksum()), QString::fromLatin1(s.functionsChecksum))
                                .arg(schema::latestVersion() + 1, 3, 10, QLatin1Char('0'))
                                .arg(snapshot::regenerateHint())));
    }

    void freshDatabaseMatchesTheSnapshot()
    {
        const QString db = emptyDatabase();
        {
            DbSession owner(PgTestServer::instance().superuser(db), SessionOptions{});
            QVERIFY(owner.open(DbSession::SchemaCheck::Skip));
            Migrator migrator(owner);
            auto report = migrator.migrate();
            QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        }
        QString error;
        const QString dump = snapshot::dump(db, &error);
        QVERIFY2(!dump.isEmpty(), qPrintable(error));
        const snapshot::Parsed s = snapshot::read(snapshot::path(), &error);
        QVERIFY2(s.valid, qPrintable(error + u'\n' + snapshot::regenerateHint()));
        if (s.body != dump)
            QFAIL(qPrintable(QStringLiteral("A freshly migrated database differs from resources/sql/schema.sql:\n%1\n%2")
                                 .arg(snapshot::difference(s.body, dump, QStringLiteral("resources/sql/schema.sql"),
                                                           QStringLiteral("migrated database")),
                                      snapshot::regenerateHint())));
    }

    void snapshotNormalisation()
    {
        // What differs between runs and minor versions goes; the rest stays, byte for byte.
        const QString newer = QStringLiteral("--\n-- PostgreSQL database dump\n--\n\n\\restrict AbC123\n\n"
                                             "-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)\n"
                                             "-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)\n\n"
                                             "SET lock_timeout = 0;\n\n\nCREATE SCHEMA teller;\n\n\n--\n"
                                             "-- PostgreSQL database dump complete\n--\n\n\\unrestrict AbC123\n\n");
        const QString older = QStringLiteral("--\n-- PostgreSQL database dump\n--\n\n"
                                             "-- Dumped from database version 15.4\n-- Dumped by pg_dump version 15.4\n\n"
                                             "SET lock_timeout = 0;\n\n\nCREATE SCHEMA teller;\n\n\n--\n"
                                             "-- PostgreSQL database dump complete\n--\n\n");
        const QString expected = QStringLiteral("--\n-- PostgreSQL database dump\n--\n\nSET lock_timeout = 0;\n\n\n"
                                                "CREATE SCHEMA teller;\n\n\n--\n-- PostgreSQL database dump complete\n--\n");
        QCOMPARE(snapshot::normalise(newer), expected);
        QCOMPARE(snapshot::normalise(older), expected);
        const snapshot::Parsed p = snapshot::parse(snapshot::header(12, QByteArray(64, 'a')) + expected);
        QVERIFY(p.valid);
        QCOMPARE(p.version, 12);
        QCOMPARE(p.functionsChecksum, QByteArray(64, 'a'));
        QCOMPARE(p.body, expected);
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
        QTest::addRow("withdrawal") << int(ActionKind::Withdrawal) << "10000001"
                                    << "" << qint64(9300) << "EUR";
        QTest::addRow("deposit") << int(ActionKind::Deposit) << "DE89370400440532013000"
                                 << "" << qint64(1) << "EUR";
        QTest::addRow("transfer") << int(ActionKind::Transfer) << "A1"
                                  << "B2" << qint64(1000000000000000) << "USD";
        QTest::addRow("yen") << int(ActionKind::Withdrawal) << "40000001"
                             << "" << qint64(250000) << "JPY";
    }

    void serverComputesTheSameFingerprint()
    {
        QFETCH(int, kind);
        QFETCH(QString, account);
        QFETCH(QString, counter);
        QFETCH(qint64, amount);
        QFETCH(QString, currency);
        const auto request = ActionRequest::create(ActionKind(kind), account, counter, Money(amount, *Currency::fromCode(currency)));
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
