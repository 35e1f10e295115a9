#include "Retry.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QThread>

#include <algorithm>

namespace teller {

QString retryMessage(FailureClass failure)
{
    switch (failure) {
    case FailureClass::Retryable: return QCoreApplication::translate("teller::ActionExecutor", "A concurrent operation interfered");
    case FailureClass::LockTimeout:
        return QCoreApplication::translate("teller::ActionExecutor", "The account is locked by another operation");
    case FailureClass::StatementTimeout: return QCoreApplication::translate("teller::ActionExecutor", "The server is slow");
    case FailureClass::ConnectionLost: return QCoreApplication::translate("teller::ActionExecutor", "Connection lost");
    case FailureClass::ServerUnavailable:
        return QCoreApplication::translate("teller::ActionExecutor", "No server accepts changes right now (a switch-over?)");
    case FailureClass::OutcomeUnknown: return QCoreApplication::translate("teller::ActionExecutor", "Connection lost while confirming");
    case FailureClass::Definitive: break;
    }
    return QCoreApplication::translate("teller::ActionExecutor", "Failed");
}

Retrier::Retrier(RetryPolicy policy) : m_policy(policy), m_random(QRandomGenerator::securelySeeded()) {}

Retrier::Run::Run(Retrier &retrier, const QString &what, const Callback &onRetry)
    : m_retrier(retrier), m_what(what), m_onRetry(onRetry), m_deadline(Clock::now() + retrier.m_policy.totalBudget),
      m_maxAttempts(1 + std::max(0, retrier.m_policy.maxRetries))
{
    m_failure.attempts = 1;
}

void Retrier::Run::succeeded()
{
    m_retrier.m_lastAttempts = m_failure.attempts;
}

bool Retrier::Run::retryAfter(const AttemptFailure &failed)
{
    const int attempt = m_failure.attempts;
    m_failure.failure = failed.failure;
    m_failure.error = failed.error;
    if (failed.failure == FailureClass::OutcomeUnknown)
        m_failure.commitUncertain = true;
    if (failed.sent
        && (failed.failure == FailureClass::OutcomeUnknown || failed.failure == FailureClass::ConnectionLost
            || failed.failure == FailureClass::ServerUnavailable))
        m_failure.mayHaveTakenEffect = true;
    m_retrier.m_lastAttempts = attempt;
    qCWarning(lcDb).noquote() << m_what << "attempt" << attempt << "failed:" << failureClassName(failed.failure) << failed.error.sqlState
                              << failed.error.message;
    if (!isRetryable(failed.failure) || attempt >= m_maxAttempts || m_retrier.cancelled())
        return false;
    const auto delay = m_retrier.m_policy.delayBeforeRetry(attempt, m_retrier.m_random);
    if (Clock::now() + delay >= m_deadline)
        return false;
    if (m_onRetry)
        m_onRetry(RetryNotice{attempt + 1, m_maxAttempts, failed.failure, retryMessage(failed.failure), delay});
    if (!m_retrier.sleepUnlessCancelled(delay))
        return false;
    ++m_failure.attempts;
    return true;
}

bool Retrier::sleepUnlessCancelled(std::chrono::milliseconds delay) const
{
    const auto until = Clock::now() + delay;
    while (Clock::now() < until) {
        if (cancelled())
            return false;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
        QThread::msleep(static_cast<unsigned long>(std::clamp<qint64>(left.count(), 1, 20)));
    }
    return true;
}

} // namespace teller
