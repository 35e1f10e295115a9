#pragma once

#include <QString>
#include <QStringView>

#include <chrono>

class QRandomGenerator;

namespace teller {

// What a failed statement means for the money, from its SQLSTATE and the connection's state.
enum class FailureClass {
    Retryable,        // 40001 serialization failure, 40P01 deadlock: rolled back, retry now
    LockTimeout,      // 55P03: a lock was not granted in time; rolled back, retry with backoff
    StatementTimeout, // 57014: the statement ran too long; rolled back, retry
    ConnectionLost,   // the session ended before COMMIT was sent: rolled back; reconnect, retry
    // No server took the work: the connection was refused or found no server that accepts
    // changes (target_session_attrs=read-write), the server is read-only (25006: a standby, or
    // a primary being demoted in a failover), shutting down or starting up (57P01-57P03
    // before COMMIT). Nothing ran, or it was rolled back; reconnect (libpq tries every host of
    // the connection) and retry.
    ServerUnavailable,
    OutcomeUnknown, // the session ended while COMMIT was under way: it may have committed
    Definitive,     // anything else: rolled back, do not retry
};

enum class Phase { BeforeCommit, Commit };

FailureClass classifyFailure(QStringView sqlState, bool connectionOk, Phase phase);
QString failureClassName(FailureClass c);
inline bool isRetryable(FailureClass c)
{
    return c != FailureClass::Definitive;
}

// How often and how long an action is retried. Delays grow exponentially from baseDelay, are
// capped at maxDelay, and are drawn at random from the upper half of that step ("equal
// jitter") so that clients that failed together do not retry together.
struct RetryPolicy
{
    int maxRetries = 4; // retries after the first attempt; 0 = one attempt only
    std::chrono::milliseconds baseDelay{50};
    std::chrono::milliseconds maxDelay{2000};
    std::chrono::milliseconds totalBudget{20000}; // no new attempt starts after this much time

    // The delay before retry number `retry` (1 for the first retry).
    std::chrono::milliseconds delayBeforeRetry(int retry, QRandomGenerator &random) const;
    // The bounds that delay is drawn from, for tests and documentation.
    std::chrono::milliseconds stepCeiling(int retry) const;
};

} // namespace teller
