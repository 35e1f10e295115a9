// Unit tests for what a failed connection attempt means (connectFailure: libpq's words into
// the core's Error; classifyOpenFailure: retry or not) and for what a unit of work that ran
// out of retries leaves unconfirmed (RetryFailure::unconfirmed). A failover shows up here: the
// old primary refuses connections or is read-only, the new one is starting; nothing was sent,
// so every such attempt is retried, while a wrong password or a missing database is not.
#include "DbSession.h"
#include "Retry.h"

#include <QTest>

using namespace teller;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(teller::FailureClass)
Q_DECLARE_METATYPE(teller::Error::Kind)

namespace {
const QString Where = u"t_teller1@127.0.0.1,127.0.0.1:25431,25432/teller"_s;
// libpq 15's first line for a host, then the server's or libpq's reason.
QString at(int port, const QString &reason)
{
    return u"connection to server at \"127.0.0.1\", port %1 failed: %2\n"_s.arg(port).arg(reason);
}
} // namespace

class TestConnectFailure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<QString>("text"); // as libpq reports it
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("sqlState");
        QTest::addColumn<FailureClass>("failure");

        using K = Error::Kind;
        using F = FailureClass;
        const QString refused = u"Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?"_s;
        // Nobody there: the old primary killed, or not restarted yet.
        QTest::addRow("refused") << at(25431, refused) << K::Connection << QString() << F::ServerUnavailable;
        QTest::addRow("timeout") << at(25431, u"timeout expired"_s) << K::Connection << QString() << F::ServerUnavailable;
        QTest::addRow("no such host") << u"could not translate host name \"db2.branch\" to address: Name or service not known\n"_s
                                      << K::Connection << QString() << F::ServerUnavailable;
        QTest::addRow("closed during start-up")
            << at(25431, u"server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally"_s)
            << K::Connection << QString() << F::ServerUnavailable;
        // target_session_attrs=read-write found only standbys: the switch is under way.
        QTest::addRow("read-only") << at(25432, u"session is read-only"_s) << K::Connection << u"25006"_s << F::ServerUnavailable;
        QTest::addRow("hot standby") << at(25432, u"server is in hot standby mode"_s) << K::Connection << u"25006"_s
                                     << F::ServerUnavailable;
        QTest::addRow("refused, then read-only")
            << at(25431, refused) + at(25432, u"session is read-only"_s) << K::Connection << u"25006"_s << F::ServerUnavailable;
        // The server is there but not ready: starting, shutting down, recovering.
        QTest::addRow("starting up") << at(25431, u"FATAL:  the database system is starting up"_s) << K::Connection << u"57P03"_s
                                     << F::ServerUnavailable;
        QTest::addRow("shutting down") << at(25431, u"FATAL:  the database system is shutting down"_s) << K::Connection << u"57P03"_s
                                       << F::ServerUnavailable;
        QTest::addRow("not yet accepting") << at(25431, u"FATAL:  the database system is not yet accepting connections\n"
                                                        "DETAIL:  Consistent recovery state has not been yet reached."_s)
                                           << K::Connection << u"57P03"_s << F::ServerUnavailable;
        QTest::addRow("in recovery") << at(25431, u"FATAL:  the database system is in recovery mode"_s) << K::Connection << u"57P03"_s
                                     << F::ServerUnavailable;
        QTest::addRow("refused, then starting up") << at(25431, refused) + at(25432, u"FATAL:  the database system is starting up"_s)
                                                   << K::Connection << u"57P03"_s << F::ServerUnavailable;
        QTest::addRow("too many connections") << at(25431, u"FATAL:  too many connections for role \"t_teller1\""_s) << K::Connection
                                              << u"53300"_s << F::ServerUnavailable;
        QTest::addRow("too many clients") << at(25431, u"FATAL:  sorry, too many clients already"_s) << K::Connection << u"53300"_s
                                          << F::ServerUnavailable;
        QTest::addRow("pooler full") << at(6432, u"ERROR:  no more connections allowed (max_client_conn)"_s) << K::Connection
                                     << u"53300"_s << F::ServerUnavailable;
        // Reasons that do not fix themselves: never retried, whatever the other hosts said.
        QTest::addRow("wrong password") << at(25431, u"FATAL:  password authentication failed for user \"t_teller1\""_s) << K::Permission
                                        << u"28P01"_s << F::Definitive;
        QTest::addRow("refused, then wrong password")
            << at(25431, refused) + at(25432, u"FATAL:  password authentication failed for user \"t_teller1\""_s) << K::Permission
            << u"28P01"_s << F::Definitive;
        QTest::addRow("no such role") << at(25431, u"FATAL:  role \"nobody\" does not exist"_s) << K::Permission << u"28000"_s
                                      << F::Definitive;
        QTest::addRow("no such database") << at(25431, u"FATAL:  database \"nope\" does not exist"_s) << K::Config << u"3D000"_s
                                          << F::Definitive;
        QTest::addRow("pg_hba") << at(25431, u"FATAL:  no pg_hba.conf entry for host \"127.0.0.1\", user \"x\""_s) << K::Permission
                                << u"28000"_s << F::Definitive;
        QTest::addRow("TLS required") << at(25431, u"server does not support SSL, but SSL was required"_s) << K::Config << u"08000"_s
                                      << F::Definitive;
    }

    void classify()
    {
        QFETCH(QString, text);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, sqlState);
        QFETCH(FailureClass, failure);
        const Error e = connectFailure(text, Where);
        QCOMPARE(int(e.kind), int(kind));
        QCOMPARE(e.sqlState, sqlState);
        QVERIFY(!e.message.isEmpty());
        // The message names where it tried, never a password (none is in the text anyway).
        QVERIFY2(e.message.contains(Where), qPrintable(e.message));
        const AttemptFailure a = classifyOpenFailure(e);
        QCOMPARE(failureClassName(a.failure), failureClassName(failure));
        QCOMPARE(a.error.message, e.message);
    }

    // What a unit of work that did not succeed leaves behind: "unconfirmed" (in doubt: ask
    // with the same key) whenever an attempt may have reached the server's COMMIT, and also,
    // conservatively, when the last attempt found no server (nothing confirmed it either way).
    void unconfirmed_data()
    {
        QTest::addColumn<FailureClass>("last");
        QTest::addColumn<bool>("commitUncertain"); // an earlier attempt's COMMIT went unanswered
        QTest::addColumn<bool>("unconfirmed");
        using F = FailureClass;
        QTest::addRow("definitive") << F::Definitive << false << false;
        QTest::addRow("definitive after a lost commit") << F::Definitive << true << true;
        QTest::addRow("busy") << F::LockTimeout << false << false;
        QTest::addRow("serialization") << F::Retryable << false << false;
        QTest::addRow("statement timeout") << F::StatementTimeout << false << false;
        QTest::addRow("connection lost") << F::ConnectionLost << false << true;
        QTest::addRow("server unavailable") << F::ServerUnavailable << false << true;
        QTest::addRow("server unavailable after a lost commit") << F::ServerUnavailable << true << true;
        QTest::addRow("outcome unknown") << F::OutcomeUnknown << true << true;
    }

    void unconfirmed()
    {
        QFETCH(FailureClass, last);
        QFETCH(bool, commitUncertain);
        QFETCH(bool, unconfirmed);
        RetryFailure f;
        f.failure = last;
        f.commitUncertain = commitUncertain;
        QCOMPARE(f.unconfirmed(), unconfirmed);
    }

    // The Retrier keeps trying while no server is available, within the policy: a connection
    // refused four times and then made is one success after five attempts; refused beyond the
    // attempts, it gives up with the last failure.
    void retriesAnUnavailableServerWithinThePolicy_data()
    {
        QTest::addColumn<int>("refusals");
        QTest::addColumn<int>("maxRetries");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<int>("attempts");
        QTest::addRow("none") << 0 << 4 << true << 1;
        QTest::addRow("one") << 1 << 4 << true << 2;
        QTest::addRow("as many as retries") << 4 << 4 << true << 5;
        QTest::addRow("one more than retries") << 5 << 4 << false << 5;
        QTest::addRow("no retries") << 1 << 0 << false << 1;
    }

    void retriesAnUnavailableServerWithinThePolicy()
    {
        QFETCH(int, refusals);
        QFETCH(int, maxRetries);
        QFETCH(bool, succeeds);
        QFETCH(int, attempts);
        RetryPolicy policy;
        policy.maxRetries = maxRetries;
        policy.baseDelay = std::chrono::milliseconds(1);
        policy.maxDelay = std::chrono::milliseconds(2);
        Retrier retrier(policy);
        int made = 0;
        QList<RetryNotice> notices;
        const auto r = retrier.run<void>(
            u"test"_s,
            [&](Retrier::Clock::time_point) -> AttemptResult<void> {
                if (made++ < refusals)
                    return std::unexpected(classifyOpenFailure(connectFailure(at(25431, u"session is read-only"_s), Where)));
                return {};
            },
            [&](const RetryNotice &n) { notices << n; });
        QCOMPARE(bool(r), succeeds);
        QCOMPARE(made, attempts);
        QCOMPARE(retrier.lastAttempts(), attempts);
        QCOMPARE(notices.size(), attempts - 1);
        for (const RetryNotice &n : std::as_const(notices)) {
            QCOMPARE(failureClassName(n.failure), u"server_unavailable"_s);
            QCOMPARE(n.message, retryMessage(FailureClass::ServerUnavailable));
        }
        if (!r) {
            QCOMPARE(failureClassName(r.error().failure), u"server_unavailable"_s);
            QCOMPARE(r.error().error.sqlState, u"25006"_s);
            QVERIFY(!r.error().commitUncertain);
            // Refused at connect every time: nothing was ever sent.
            QVERIFY(!r.error().mayHaveTakenEffect);
        }
    }

    // Whether any attempt of a run may have taken effect: only an attempt that sent its work
    // and then lost the connection, got no answer to COMMIT or saw the server go away. A run
    // refused at connect throughout, or answered with errors that rolled it back, did nothing.
    void mayHaveTakenEffect_data()
    {
        QTest::addColumn<QList<int>>("attempts"); // per attempt: 0 refused at connect, 1 lost after sending,
                                                  // 2 lock timeout, 3 server went away after sending (57P01)
        QTest::addColumn<bool>("mayHaveTakenEffect");
        QTest::addRow("refused throughout") << QList<int>{0, 0, 0} << false;
        QTest::addRow("lock timeouts only") << QList<int>{2, 2} << false;
        QTest::addRow("refused after a lock timeout") << QList<int>{2, 0} << false;
        QTest::addRow("refused after a lost connection") << QList<int>{1, 0, 0} << true;
        QTest::addRow("lost at the last attempt") << QList<int>{0, 0, 1} << true;
        QTest::addRow("server went away after sending") << QList<int>{3, 0} << true;
    }

    void mayHaveTakenEffect()
    {
        QFETCH(QList<int>, attempts);
        QFETCH(bool, mayHaveTakenEffect);
        RetryPolicy policy;
        policy.maxRetries = int(attempts.size()) - 1;
        policy.baseDelay = std::chrono::milliseconds(1);
        policy.maxDelay = std::chrono::milliseconds(2);
        Retrier retrier(policy);
        qsizetype made = 0;
        const auto r = retrier.run<void>(u"test"_s, [&](Retrier::Clock::time_point) -> AttemptResult<void> {
            switch (attempts.at(made++)) {
            case 0: return std::unexpected(classifyOpenFailure(connectFailure(u"Connection refused"_s, Where)));
            case 1: return std::unexpected(AttemptFailure{FailureClass::ConnectionLost, Error{}});
            case 2: return std::unexpected(AttemptFailure{FailureClass::LockTimeout, Error{}});
            default: return std::unexpected(AttemptFailure{FailureClass::ServerUnavailable, Error{}});
            }
        });
        QVERIFY(!r);
        QCOMPARE(made, attempts.size());
        QCOMPARE(r.error().mayHaveTakenEffect, mayHaveTakenEffect);
    }
};

QTEST_GUILESS_MAIN(TestConnectFailure)
#include "tst_connect_failure.moc"
