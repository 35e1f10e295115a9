#include "Failure.h"

#include <QRandomGenerator>

#include <algorithm>

namespace teller {

FailureClass classifyFailure(QStringView sqlState, bool connectionOk, Phase phase)
{
    // A COMMIT that got no answer, or whose connection is gone, may have committed.
    if (phase == Phase::Commit) {
        if (!connectionOk || sqlState.isEmpty() || sqlState.startsWith(u"08") || sqlState.startsWith(u"57P") || sqlState == u"40003")
            return FailureClass::OutcomeUnknown;
        // The server answered COMMIT with an error: it rolled back (e.g. a serialization
        // failure detected at commit under SERIALIZABLE).
    }
    if (sqlState == u"40001" || sqlState == u"40P01")
        return FailureClass::Retryable;
    if (sqlState == u"55P03")
        return FailureClass::LockTimeout;
    if (sqlState == u"57014")
        return FailureClass::StatementTimeout;
    if (sqlState == u"40003") // statement_completion_unknown
        return FailureClass::OutcomeUnknown;
    // The server refused the work before it changed anything: it is a standby now, or a
    // primary being demoted (read_only_sql_transaction: an error answer, so the statement and
    // its implicit transaction rolled back), or it is going down or not up yet. Another host
    // of the connection (or this one, once it is primary again) can take it.
    if (sqlState == u"25006"                            // read_only_sql_transaction
        || sqlState == u"57P01" || sqlState == u"57P02" // admin / crash shutdown
        || sqlState == u"57P03")                        // cannot connect now (starting up, in recovery)
        return FailureClass::ServerUnavailable;
    if (sqlState.startsWith(u"08") // connection exceptions
        || sqlState == u"57P05"    // idle session timeout
        || sqlState == u"25P03"    // idle in transaction timeout
        || sqlState == u"53300")   // too many connections
        return FailureClass::ConnectionLost;
    if (sqlState.isEmpty() && !connectionOk) // libpq noticed the loss itself: no SQLSTATE
        return FailureClass::ConnectionLost;
    return FailureClass::Definitive;
}

QString failureClassName(FailureClass c)
{
    switch (c) {
    case FailureClass::Retryable: return QStringLiteral("retryable");
    case FailureClass::LockTimeout: return QStringLiteral("lock_timeout");
    case FailureClass::StatementTimeout: return QStringLiteral("statement_timeout");
    case FailureClass::ConnectionLost: return QStringLiteral("connection_lost");
    case FailureClass::ServerUnavailable: return QStringLiteral("server_unavailable");
    case FailureClass::OutcomeUnknown: return QStringLiteral("outcome_unknown");
    case FailureClass::Definitive: return QStringLiteral("definitive");
    }
    return {};
}

std::chrono::milliseconds RetryPolicy::stepCeiling(int retry) const
{
    qint64 step = std::max<qint64>(1, baseDelay.count());
    for (int i = 1; i < retry && step < maxDelay.count(); ++i)
        step = step > maxDelay.count() / 2 ? maxDelay.count() : step * 2;
    return std::chrono::milliseconds(std::min<qint64>(step, std::max<qint64>(1, maxDelay.count())));
}

std::chrono::milliseconds RetryPolicy::delayBeforeRetry(int retry, QRandomGenerator &random) const
{
    const qint64 ceiling = stepCeiling(retry).count();
    const qint64 floor = ceiling / 2;
    return std::chrono::milliseconds(floor + qint64(random.bounded(quint64(ceiling - floor + 1))));
}

} // namespace teller
