#pragma once

#include "Failure.h"
#include "Result.h"

#include <QRandomGenerator>
#include <QString>

#include <atomic>
#include <chrono>
#include <expected>
#include <functional>
#include <type_traits>

namespace teller {

// What the retry loop reports before each retry, for a status line such as
// "Connection lost — retrying, attempt 2 of 5".
struct RetryNotice
{
    int nextAttempt = 0;
    int maxAttempts = 0;
    FailureClass failure = FailureClass::Definitive;
    QString message;
    std::chrono::milliseconds delay{0};
};

// The words for a failure that is about to be retried.
QString retryMessage(FailureClass failure);

// How one attempt at a unit of database work failed, classified (Failure.h).
struct AttemptFailure
{
    FailureClass failure = FailureClass::Definitive;
    Error error;
    // False when the attempt failed before it sent anything (the connection could not be
    // opened): then it cannot have taken effect, whatever its class.
    bool sent = true;
};
template <typename T> using AttemptResult = std::expected<T, AttemptFailure>;

// How a unit of work ended that did not succeed: the last attempt's failure, and whether any
// attempt's COMMIT went unanswered (then the work may have happened; only asking tells).
struct RetryFailure
{
    FailureClass failure = FailureClass::Definitive;
    Error error;
    bool commitUncertain = false;
    // Some attempt sent its work and got no answer that rules out its effect (the connection
    // was lost, a COMMIT went unanswered, the server went away). False when every attempt
    // failed before sending anything, or with an error that rolled it back.
    bool mayHaveTakenEffect = false;
    int attempts = 0;
    // The work may have taken effect: a COMMIT got no answer, or the connection was lost
    // (the last attempt's own COMMIT may have been under way).
    bool unconfirmed() const
    {
        return commitUncertain || failure == FailureClass::ConnectionLost || failure == FailureClass::OutcomeUnknown
               || failure == FailureClass::ServerUnavailable;
    }
};
template <typename T> using Retried = std::expected<T, RetryFailure>;

// The one retry loop of the core: runs an attempt until it succeeds, fails definitively, or
// the policy's attempts or time budget are used up; between attempts it waits with
// exponential backoff and equal jitter (RetryPolicy), unless cancelled. Every database unit of
// work goes through it (DbSession::inTransaction / DbSession::withRetry).
class Retrier
{
public:
    using Clock = std::chrono::steady_clock;
    using Callback = std::function<void(const RetryNotice &)>;

    explicit Retrier(RetryPolicy policy = {});

    const RetryPolicy &policy() const { return m_policy; }
    void setPolicy(const RetryPolicy &policy) { m_policy = policy; }
    // When set and true, no further attempt starts.
    void setCancelFlag(const std::atomic<bool> *flag) { m_cancel = flag; }
    // For tests: a fixed seed makes the jitter repeatable.
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }

    // `attempt(deadline)` runs one attempt; no new attempt starts after the deadline. `what`
    // names the work in the log (a key, "decision …").
    template <typename T, typename Attempt> Retried<T> run(const QString &what, Attempt &&attempt, const Callback &onRetry = {})
    {
        Run state(*this, what, onRetry);
        while (true) {
            AttemptResult<T> result = attempt(state.deadline());
            if (result) {
                state.succeeded();
                if constexpr (std::is_void_v<T>)
                    return {};
                else
                    return std::move(*result);
            }
            if (!state.retryAfter(result.error()))
                return std::unexpected(state.failure());
        }
    }

    // The number of attempts the last run() made.
    int lastAttempts() const { return m_lastAttempts; }

private:
    // The bookkeeping of one run(), apart from the attempt's type.
    class Run
    {
    public:
        Run(Retrier &retrier, const QString &what, const Callback &onRetry);
        Clock::time_point deadline() const { return m_deadline; }
        void succeeded();
        // Records a failed attempt; true when another attempt should start (after the wait).
        bool retryAfter(const AttemptFailure &failure);
        RetryFailure failure() const { return m_failure; }

    private:
        Retrier &m_retrier;
        const QString &m_what;
        const Callback &m_onRetry;
        Clock::time_point m_deadline;
        int m_maxAttempts;
        RetryFailure m_failure;
    };

    bool sleepUnlessCancelled(std::chrono::milliseconds delay) const;
    bool cancelled() const { return m_cancel && m_cancel->load(); }

    RetryPolicy m_policy;
    const std::atomic<bool> *m_cancel = nullptr;
    QRandomGenerator m_random;
    int m_lastAttempts = 0;
};

} // namespace teller
