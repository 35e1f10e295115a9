// Unit tests for the failure classification (what a SQLSTATE means for the money) and for the
// retry policy's exponential backoff with equal jitter.

#include "Failure.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <limits>

using namespace teller;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(teller::FailureClass)
Q_DECLARE_METATYPE(teller::Phase)

class TestFailure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
    void classNames();
    void retryable();

    void stepCeiling_data();
    void stepCeiling();
    void delayWithinBounds_data();
    void delayWithinBounds();
    void delayOfOneMillisecondCeiling();
    void delayUsesTheGivenGenerator();
};

// ---------------------------------------------------------------------------------------------
// classifyFailure

void TestFailure::classify_data()
{
    QTest::addColumn<QString>("sqlState");
    QTest::addColumn<bool>("connectionOk");
    QTest::addColumn<Phase>("phase");
    QTest::addColumn<FailureClass>("expected");

    using F = FailureClass;
    // One line per SQLSTATE: the class before COMMIT (connection ok / lost), then at COMMIT
    // (connection ok / lost).
    const auto code = [](const QString &state, F beforeOk, F beforeLost, F commitOk, F commitLost) {
        const QByteArray name = state.isEmpty() ? QByteArray("(none)") : state.toLatin1();
        QTest::addRow("%s before-commit ok", name.constData()) << state << true << Phase::BeforeCommit << beforeOk;
        QTest::addRow("%s before-commit lost", name.constData()) << state << false << Phase::BeforeCommit << beforeLost;
        QTest::addRow("%s commit ok", name.constData()) << state << true << Phase::Commit << commitOk;
        QTest::addRow("%s commit lost", name.constData()) << state << false << Phase::Commit << commitLost;
    };

    // Rolled back by the server: retry at once (also when the server reports it at COMMIT).
    code(u"40001"_s, F::Retryable, F::Retryable, F::Retryable, F::OutcomeUnknown);                      // serialization_failure
    code(u"40P01"_s, F::Retryable, F::Retryable, F::Retryable, F::OutcomeUnknown);                      // deadlock_detected
    code(u"55P03"_s, F::LockTimeout, F::LockTimeout, F::LockTimeout, F::OutcomeUnknown);                // lock_not_available
    code(u"57014"_s, F::StatementTimeout, F::StatementTimeout, F::StatementTimeout, F::OutcomeUnknown); // query_canceled
    // The session went away: before COMMIT nothing can have committed; during COMMIT it may have.
    code(u"08000"_s, F::ConnectionLost, F::ConnectionLost, F::OutcomeUnknown, F::OutcomeUnknown); // connection_exception
    code(u"08006"_s, F::ConnectionLost, F::ConnectionLost, F::OutcomeUnknown, F::OutcomeUnknown); // connection_failure
    // The server is going down or not up yet (a failover, a restart): before COMMIT the work
    // rolled back and another host (or this one, later) can take it; during COMMIT it may
    // have committed, as with any lost session.
    code(u"57P01"_s, F::ServerUnavailable, F::ServerUnavailable, F::OutcomeUnknown, F::OutcomeUnknown); // admin_shutdown
    code(u"57P02"_s, F::ServerUnavailable, F::ServerUnavailable, F::OutcomeUnknown, F::OutcomeUnknown); // crash_shutdown
    code(u"57P03"_s, F::ServerUnavailable, F::ServerUnavailable, F::OutcomeUnknown, F::OutcomeUnknown); // cannot_connect_now
    // read_only_sql_transaction: a standby, or a primary being demoted, refused the statement
    // with an error answer, so it rolled back, also when it was a statement that commits by
    // itself (an action). Only when the connection is gone too is the answer doubted.
    code(u"25006"_s, F::ServerUnavailable, F::ServerUnavailable, F::ServerUnavailable, F::OutcomeUnknown);
    // The server ended the idle transaction (it rolled back) before COMMIT reached it.
    code(u"25P03"_s, F::ConnectionLost, F::ConnectionLost, F::ConnectionLost, F::OutcomeUnknown);
    code(u"53300"_s, F::ConnectionLost, F::ConnectionLost, F::ConnectionLost, F::OutcomeUnknown); // too_many_connections
    // statement_completion_unknown: by definition nobody knows.
    code(u"40003"_s, F::OutcomeUnknown, F::OutcomeUnknown, F::OutcomeUnknown, F::OutcomeUnknown);
    // Errors the server answered: rolled back, retrying cannot help.
    code(u"23505"_s, F::Definitive, F::Definitive, F::Definitive, F::OutcomeUnknown); // unique_violation
    code(u"22023"_s, F::Definitive, F::Definitive, F::Definitive, F::OutcomeUnknown); // invalid_parameter_value
    code(u"42501"_s, F::Definitive, F::Definitive, F::Definitive, F::OutcomeUnknown); // insufficient_privilege
    code(u"P0001"_s, F::Definitive, F::Definitive, F::Definitive, F::OutcomeUnknown); // raise_exception
    // No SQLSTATE: with the connection gone libpq noticed the loss itself; at COMMIT no answer
    // at all means the outcome is unknown.
    code(QString(), F::Definitive, F::ConnectionLost, F::OutcomeUnknown, F::OutcomeUnknown);
    // Other codes of the same classes.
    code(u"08003"_s, F::ConnectionLost, F::ConnectionLost, F::OutcomeUnknown, F::OutcomeUnknown); // connection_does_not_exist
    code(u"57P05"_s, F::ConnectionLost, F::ConnectionLost, F::OutcomeUnknown, F::OutcomeUnknown); // idle_session_timeout
}

void TestFailure::classify()
{
    QFETCH(QString, sqlState);
    QFETCH(bool, connectionOk);
    QFETCH(Phase, phase);
    QFETCH(FailureClass, expected);

    const FailureClass actual = classifyFailure(sqlState, connectionOk, phase);
    QCOMPARE(failureClassName(actual), failureClassName(expected));
    QVERIFY(actual == expected);
}

void TestFailure::classNames()
{
    QCOMPARE(failureClassName(FailureClass::Retryable), u"retryable"_s);
    QCOMPARE(failureClassName(FailureClass::LockTimeout), u"lock_timeout"_s);
    QCOMPARE(failureClassName(FailureClass::StatementTimeout), u"statement_timeout"_s);
    QCOMPARE(failureClassName(FailureClass::ConnectionLost), u"connection_lost"_s);
    QCOMPARE(failureClassName(FailureClass::ServerUnavailable), u"server_unavailable"_s);
    QCOMPARE(failureClassName(FailureClass::OutcomeUnknown), u"outcome_unknown"_s);
    QCOMPARE(failureClassName(FailureClass::Definitive), u"definitive"_s);
}

void TestFailure::retryable()
{
    QVERIFY(isRetryable(FailureClass::Retryable));
    QVERIFY(isRetryable(FailureClass::LockTimeout));
    QVERIFY(isRetryable(FailureClass::StatementTimeout));
    QVERIFY(isRetryable(FailureClass::ConnectionLost));
    QVERIFY(isRetryable(FailureClass::ServerUnavailable));
    QVERIFY(isRetryable(FailureClass::OutcomeUnknown));
    QVERIFY(!isRetryable(FailureClass::Definitive));
}

// ---------------------------------------------------------------------------------------------
// RetryPolicy

void TestFailure::stepCeiling_data()
{
    QTest::addColumn<qint64>("baseMs");
    QTest::addColumn<qint64>("maxMs");
    QTest::addColumn<int>("retry");
    QTest::addColumn<qint64>("expectedMs");

    const auto row = [](qint64 base, qint64 max, int retry, qint64 expected) {
        QTest::addRow("base %lld max %lld retry %d", static_cast<long long>(base), static_cast<long long>(max), retry)
            << base << max << retry << expected;
    };
    // The defaults: 50 ms doubling up to 2 s.
    row(50, 2000, 1, 50);
    row(50, 2000, 2, 100);
    row(50, 2000, 3, 200);
    row(50, 2000, 4, 400);
    row(50, 2000, 5, 800);
    row(50, 2000, 6, 1600);
    row(50, 2000, 7, 2000);
    row(50, 2000, 8, 2000);
    row(50, 2000, 100, 2000);
    row(50, 2000, 1000000, 2000); // no overflow however many retries
    row(50, 2000, 0, 50);         // nonsense retry numbers give the first step
    row(50, 2000, -3, 50);
    // Another base and cap.
    row(300, 1000, 1, 300);
    row(300, 1000, 2, 600);
    row(300, 1000, 3, 1000);
    row(300, 1000, 4, 1000);
    // A zero base counts as 1 ms.
    row(0, 2000, 1, 1);
    row(0, 2000, 2, 2);
    row(0, 2000, 11, 1024);
    row(0, 2000, 12, 2000);
    // A cap below the base wins.
    row(500, 100, 1, 100);
    row(500, 100, 3, 100);
    row(1, 1, 1, 1);
    row(1, 1, 64, 1);
    // A cap near the largest duration: doubling must not overflow on the way there.
    row(std::numeric_limits<qint64>::max() / 3, std::numeric_limits<qint64>::max(), 2, std::numeric_limits<qint64>::max() / 3 * 2);
    row(std::numeric_limits<qint64>::max() / 3, std::numeric_limits<qint64>::max(), 3, std::numeric_limits<qint64>::max());
}

void TestFailure::stepCeiling()
{
    QFETCH(qint64, baseMs);
    QFETCH(qint64, maxMs);
    QFETCH(int, retry);
    QFETCH(qint64, expectedMs);

    RetryPolicy policy;
    policy.baseDelay = std::chrono::milliseconds(baseMs);
    policy.maxDelay = std::chrono::milliseconds(maxMs);
    QCOMPARE(qint64(policy.stepCeiling(retry).count()), expectedMs);
}

void TestFailure::delayWithinBounds_data()
{
    QTest::addColumn<int>("retry");
    QTest::addColumn<qint64>("ceilingMs");
    for (int retry = 1; retry <= 10; ++retry) {
        // Default policy: 50, 100, 200, 400, 800, 1600, 2000, 2000, ...
        const qint64 ceiling = std::min<qint64>(qint64(50) << (retry - 1), 2000);
        QTest::addRow("retry %d", retry) << retry << ceiling;
    }
}

void TestFailure::delayWithinBounds()
{
    QFETCH(int, retry);
    QFETCH(qint64, ceilingMs);

    const RetryPolicy policy; // defaults
    QCOMPARE(qint64(policy.stepCeiling(retry).count()), ceilingMs);
    const qint64 floorMs = ceilingMs / 2;

    QRandomGenerator random(20240506u + quint32(retry));
    constexpr int draws = 10000;
    qint64 lowest = std::numeric_limits<qint64>::max();
    qint64 highest = std::numeric_limits<qint64>::min();
    qint64 sum = 0;
    QSet<qint64> distinct;
    for (int i = 0; i < draws; ++i) {
        const qint64 d = policy.delayBeforeRetry(retry, random).count();
        if (d < floorMs || d > ceilingMs || d > policy.maxDelay.count())
            QFAIL(qPrintable(u"draw %1: %2 ms not in [%3, %4]"_s.arg(i).arg(d).arg(floorMs).arg(ceilingMs)));
        lowest = std::min(lowest, d);
        highest = std::max(highest, d);
        sum += d;
        distinct.insert(d);
    }
    // There is jitter, it covers the whole upper half of the step, and it is centred.
    QVERIFY2(distinct.size() > 1, "the delay is constant: no jitter");
    QVERIFY2(distinct.size() >= std::min<qint64>(ceilingMs - floorMs + 1, 500),
             qPrintable(u"only %1 distinct values"_s.arg(distinct.size())));
    QCOMPARE(lowest, floorMs);
    QCOMPARE(highest, ceilingMs);
    // Mean within the middle half of [floor, ceiling] (integers only: mean*4 vs. bounds*4).
    const qint64 range = ceilingMs - floorMs;
    QVERIFY2(sum * 4 >= (4 * floorMs + range) * draws && sum * 4 <= (4 * floorMs + 3 * range) * draws,
             qPrintable(u"mean %1/%2 off centre"_s.arg(sum).arg(draws)));
}

void TestFailure::delayOfOneMillisecondCeiling()
{
    RetryPolicy policy;
    policy.baseDelay = 1ms;
    policy.maxDelay = 1ms;
    QRandomGenerator random(7u);
    int zeros = 0;
    int ones = 0;
    for (int i = 0; i < 10000; ++i) {
        const auto d = policy.delayBeforeRetry(3, random).count();
        QVERIFY(d == 0 || d == 1);
        (d == 0 ? zeros : ones) += 1;
    }
    QVERIFY(zeros > 0);
    QVERIFY(ones > 0);
}

void TestFailure::delayUsesTheGivenGenerator()
{
    const RetryPolicy policy;
    QRandomGenerator a(42u);
    QRandomGenerator b(42u);
    QRandomGenerator c(43u);
    QList<qint64> fromA, fromB, fromC;
    for (int i = 0; i < 100; ++i) {
        fromA << policy.delayBeforeRetry(6, a).count();
        fromB << policy.delayBeforeRetry(6, b).count();
        fromC << policy.delayBeforeRetry(6, c).count();
    }
    // Same seed, same delays: the policy draws only from the generator it is given.
    QCOMPARE(fromA, fromB);
    // Another seed, other delays: clients that failed together do not retry together.
    QVERIFY(fromA != fromC);
}

QTEST_GUILESS_MAIN(TestFailure)
#include "tst_failure.moc"
