#pragma once

#include "Action.h"
#include "ConnectionSettings.h"
#include "Failure.h"
#include "LocalServer.h"
#include "Money.h"
#include "Outcome.h"

#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>

// The test fixture: one throwaway PostgreSQL server per test process, started on first use
// (initdb --no-sync into a temporary directory, a Unix socket there, 127.0.0.1 at a free port
// for the tests that need TCP, fsync off; passwordcheck loaded, staff kept out of the
// maintenance databases, as on every server LocalServer starts),
// stopped and removed when the process ends, and also if it crashes (LocalServer's guard).
// Each test gets a fresh database cloned from a migrated template that already holds the
// standard test staff.
class PgTestServer
{
public:
    static constexpr char16_t Password[] = u"test-password";
    // Test staff, created once per cluster (roles are cluster-wide):
    //   t_teller1, t_teller2, t_teller3: tellers without approval limit
    //   t_limited: a teller with an approval limit of 100.00 EUR
    //   t_super: a supervisor (no limit); t_super2: a second supervisor; t_admin and t_admin2:
    //   admins (staff changes by one wait for the other)
    static PgTestServer &instance();

    teller::LocalServer &server() { return *m_server; }

    // A new database with the current schema and the test staff, each teller and supervisor
    // with an open till full of cash in EUR, USD, CHF and JPY; the large-cash threshold is out
    // of reach and tellers have no daily cash limit (tests about them set their own). Names are unique per process.
    QString createDatabase();
    // Opens the tills of these logins in EUR, USD, CHF and JPY and fills each from the vault
    // (vault cash received by t_super and t_super2 first).
    void openTills(const QString &database, const QStringList &logins, qint64 cashMinor = 10'000'000'000'000);

    // The same set-up on any server, for fixtures of their own (tests/failover's formation):
    // `staff` gives the connection of a test login (with Password) to the database.
    using StaffConnection = std::function<teller::ConnectionSettings(const QString &login)>;
    // Migrates the database `owner` reaches (its owner or a superuser) to the current schema,
    // adds the test staff, sets the test cash rules and opens every teller's and supervisor's
    // till, as every database of this fixture has it.
    static void provision(const teller::ConnectionSettings &owner, const StaffConnection &staff);
    static void openTills(const StaffConnection &staff, const QStringList &logins, qint64 cashMinor = 10'000'000'000'000);

    teller::ConnectionSettings superuser(const QString &database) const;
    teller::ConnectionSettings staff(const QString &database, const QString &login, bool tcp = false) const;

    // The server's log, for a failing test to print.
    QString logTail(int bytes = 4000) const;

private:
    PgTestServer();
    void start();

    std::unique_ptr<teller::LocalServer> m_server;
    int m_databases = 0;
    bool m_ready = false;
};

// Runs SQL as the superuser on one database, for arranging and checking tests.
class Sql
{
public:
    explicit Sql(const QString &database);
    ~Sql();
    Sql(const Sql &) = delete;
    Sql &operator=(const Sql &) = delete;

    // Run a statement with positional '?' parameters. A statement that fails, fails the test:
    // in a test function on the test's thread it is recorded as a failure (QTest::qFail; the
    // test function still runs to its end, so value() and count() then return empty and 0,
    // and hasFailed() tells), anywhere else it stops the process (qFatal).
    // value() returns the first column of the first row, if any; count() the same as a number.
    QVariant value(const QString &sql, const QVariantList &params = {});
    qint64 count(const QString &sql, const QVariantList &params = {});
    QSqlQuery query(const QString &sql, const QVariantList &params = {});
    // The one exception: exec() reports a failure to its caller (false, and the message in
    // *error), for tests that expect a statement to be refused; SQL_VERIFY fails the test.
    bool exec(const QString &sql, const QVariantList &params = {}, QString *error = nullptr);
    // Whether a statement run through value(), count() or query() has failed.
    bool hasFailed() const { return m_failed; }

    // Every money invariant (teller.invariant_violations()), as readable lines; empty = all hold.
    QStringList invariantViolations();

    // Opens an account and pays in an opening balance through the real money path.
    void openAccount(const QString &number, qint64 balanceMinor, const QString &currency = QStringLiteral("EUR"), qint64 floorMinor = 0);
    qint64 balance(const QString &number);

    // Waits until no other session is connected to this database: their statistics (e.g.
    // pg_stat_database.deadlocks) are flushed when they end. False after the timeout.
    bool waitForOtherSessionsToEnd(int timeoutMs = 10000);

    QString connectionName() const { return m_name; }

private:
    void failed(const QString &sql, const QString &error);

    QString m_name;
    QString m_database;
    bool m_failed = false;
};

// Fails the current test with the SQL error if a statement fails.
#define SQL_VERIFY(sql, statement)                                                                                                      \
    do {                                                                                                                                \
        QString sqlError_;                                                                                                              \
        if (!(sql).exec(statement, {}, &sqlError_))                                                                                     \
            QFAIL(qPrintable(QStringLiteral("SQL failed: %1\n%2").arg(statement, sqlError_)));                                          \
    } while (false)

// Opens a session for `login`, waits at `startLine` (if given), executes `action` and closes the
// session, all on the calling thread. A failed connection is returned as an Error outcome.
teller::Outcome executeAs(const QString &database, const QString &login, const teller::Action &action,
                          const std::function<void()> &startLine = {}, const teller::RetryPolicy &policy = {},
                          teller::SessionOptions options = {});

// A withdrawal, deposit or transfer with a fresh key; amounts in minor units of EUR unless said.
teller::Action makeAction(teller::ActionKind kind, const QString &account, qint64 minorUnits, const QString &counter = {},
                          const QString &currency = QStringLiteral("EUR"));
