#pragma once

#include "ConnectionSettings.h"
#include "Failure.h"
#include "Result.h"
#include "Retry.h"
#include "Row.h"
#include "StaffSessions.h"
#include "Watchdog.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <type_traits>
#include <unordered_map>

namespace teller {

// One database session: a named QSqlDatabase connection owned by the thread that created it
// (Qt allows a connection only in that thread), its bounds, and the one way to run work on it:
// inTransaction(), asOneStatement() or withRetry(), which reconnect when needed, bound every round trip with the process's
// watchdog, classify every failure with classifyFailure() and retry with the one Retrier.
class DbSession
{
public:
    enum class SchemaCheck { Require, Skip };
    using Clock = std::chrono::steady_clock;

    DbSession(ConnectionSettings settings, SessionOptions options, QString connectionName = {});
    ~DbSession();
    DbSession(const DbSession &) = delete;
    DbSession &operator=(const DbSession &) = delete;

    // Connects and, unless told otherwise, checks that the database has the schema version
    // this program was built for. Errors say in words what went wrong: wrong password,
    // server unreachable, no such database, schema too old or too new.
    Result<void> open(SchemaCheck check = SchemaCheck::Require);
    void close();
    // Closes and opens again: after any failure that left the connection bad.
    Result<void> reopen(SchemaCheck check = SchemaCheck::Require);
    // open(), tried again with backoff while no server is available (refused, unreachable,
    // read-only, starting up or shutting down: a failover under way), within the retry policy
    // of `retrier` or the session's own. Nothing is sent before a connection is made, so this
    // is always safe; a wrong password, database or schema fails at once.
    Result<void> openRetrying(SchemaCheck check = SchemaCheck::Require, Retrier *retrier = nullptr,
                              const Retrier::Callback &onRetry = {});

    bool isOpen() const;
    // libpq's view of the connection. QSqlDatabase::isOpen() stays true after the server went
    // away until a statement fails; this is the state that failed statement left behind.
    bool connectionOk() const;
    bool isEncrypted() const;
    int serverProcessId() const;
    QString sessionUser() const { return m_sessionUser; }
    // The bounds the database sets for every session (ALTER DATABASE ... SET, by
    // teller.secure_database() at migrate), in milliseconds, as read at open; 0 = none. A
    // statement that is its own transaction (a money action) runs under them; a transaction
    // of this session sets the session options' own (SET LOCAL, in BEGIN's round trip).
    struct ServerBounds
    {
        bool known = false;
        qint64 lockTimeout = 0, statementTimeout = 0, idleInTransactionTimeout = 0;
    };
    const ServerBounds &serverBounds() const { return m_serverBounds; }
    // Whether a pooler stands between this session and the server (PgBouncer hands out its own
    // process ids: the server's pg_backend_pid() differs from the one libpq was given).
    bool throughPooler() const { return m_throughPooler; }
    // Whether the server login is a pooled login (teller_pooled, migration 020: a pooler's
    // shared login for every workstation). Then every transaction names the staff session of
    // who acts (StaffSessions, given before open()), sessionUser() is that member and
    // poolLogin() the login the server sees.
    bool pooledLogin() const { return m_pooledLogin; }
    QString poolLogin() const { return m_poolLogin; }
    void setStaffSessions(std::shared_ptr<StaffSessions> sessions) { m_staffSessions = std::move(sessions); }
    const std::shared_ptr<StaffSessions> &staffSessions() const { return m_staffSessions; }
    // What a pooled login without a way to sign in is told.
    static Error pooledWithoutSignIn(const QString &poolLogin);
    // Notifications (LISTEN) that arrived while a statement ran: libpq keeps them, and only a
    // socket event makes QPSQL look. Consumes them; the count.
    int takePendingNotifications();
    int schemaVersion() const { return m_schemaVersion; }

    QSqlDatabase database() const;
    const ConnectionSettings &settings() const { return m_settings; }
    const SessionOptions &options() const { return m_options; }

    // Runs one or more statements without results (not prepared, no values), bounded by the
    // statement deadline, or by `bound` for work that is known to take long (a migration; the
    // caller raises statement_timeout for its transaction to match).
    Result<void> exec(const QString &sql, std::optional<std::chrono::milliseconds> bound = std::nullopt);

    // Runs one statement with these values bound to $1, $2, ... (libpq's PQexecParams: the
    // unnamed statement, parsed, bound and run in one round trip, nothing left on the server
    // session afterwards, so that a transaction-pooling PgBouncer may hand the next statement to
    // another server connection), and hands every row to `onRow`. Bounded by the watchdog.
    Result<void> select(const QString &sql, const QVariantList &values, const QString &context,
                        const std::function<void(const Row &)> &onRow);

    // Like select() for a statement that returns exactly one row: `read` makes the value of it.
    template <typename Read>
    auto selectOne(const QString &sql, const QVariantList &values, const QString &context, Read &&read)
        -> Result<std::invoke_result_t<Read, const Row &>>
    {
        std::optional<std::invoke_result_t<Read, const Row &>> value;
        auto ok = select(sql, values, context, [&](const Row &q) {
            if (!value)
                value = read(q);
        });
        if (!ok)
            return fail(ok.error());
        if (!value)
            return fail(noRow(context));
        return std::move(*value);
    }

    // Like select(), collecting what `read` (returning Result<V>) makes of each row; a row it
    // cannot read fails the whole read: nothing the server sent is guessed at.
    template <typename Read>
    auto selectAll(const QString &sql, const QVariantList &values, const QString &context, Read &&read)
        -> Result<QList<typename std::invoke_result_t<Read, const Row &>::value_type>>
    {
        QList<typename std::invoke_result_t<Read, const Row &>::value_type> rows;
        std::optional<Error> broken;
        auto ok = select(sql, values, context, [&](const Row &q) {
            if (broken)
                return;
            if (auto row = read(q))
                rows << std::move(*row);
            else
                broken = row.error();
        });
        if (!ok)
            return fail(ok.error());
        if (broken)
            return fail(*broken);
        return rows;
    }

    // A round trip on the kept "SELECT 1": true if the server answers now.
    bool ping();

    // The retry policy of inTransaction()/withRetry() when the caller brings no Retrier of its
    // own (the workstation configuration's [retry] section, or the defaults).
    void setRetryPolicy(const RetryPolicy &policy) { m_retrier.setPolicy(policy); }
    const RetryPolicy &retryPolicy() const { return m_retrier.policy(); }

    // Runs `work` (a callable returning Result<T>) as one transaction, BEGIN … COMMIT, and
    // again with backoff after a retryable failure (a serialization failure, a deadlock, a
    // lock or statement timeout, a lost connection), reconnecting first when the connection
    // is gone. The work must be safe to run again: either it changes nothing, or the server
    // recognises a repeat (an idempotency key). A failure says whether a COMMIT went
    // unanswered, in which case the work may have happened.
    template <typename Work>
    auto inTransaction(const QString &what, Work &&work, Retrier *retrier = nullptr, const Retrier::Callback &onRetry = {})
        -> Retried<typename std::invoke_result_t<Work>::value_type>
    {
        return retried(what, retrier, onRetry, [&](Clock::time_point deadline) {
            return attemptTransaction<typename std::invoke_result_t<Work>::value_type>(work, deadline);
        });
    }
    // One statement that is its own transaction (no BEGIN … COMMIT: one round trip instead
    // of three), with the same retries. The server commits it before it answers, so a lost
    // answer is a COMMIT without answer (the work may have happened) and an error means it
    // rolled back. `work` must run exactly one statement, and the session must not be inside
    // a transaction.
    template <typename Work>
    auto asOneStatement(const QString &what, Work &&work, Retrier *retrier = nullptr, const Retrier::Callback &onRetry = {})
        -> Retried<typename std::invoke_result_t<Work>::value_type>
    {
        return retried(what, retrier, onRetry, [&](Clock::time_point deadline) {
            return attemptPlain<typename std::invoke_result_t<Work>::value_type>(work, deadline, Phase::Commit);
        });
    }
    // Without BEGIN … COMMIT, for reads.
    template <typename Work>
    auto withRetry(const QString &what, Work &&work, Retrier *retrier = nullptr, const Retrier::Callback &onRetry = {})
        -> Retried<typename std::invoke_result_t<Work>::value_type>
    {
        return retried(what, retrier, onRetry, [&](Clock::time_point deadline) {
            return attemptPlain<typename std::invoke_result_t<Work>::value_type>(work, deadline, Phase::BeforeCommit);
        });
    }
    // inTransaction() and withRetry() with the session's own policy, for callers that only
    // report an error: it is the last attempt's.
    template <typename Work>
    auto transaction(const QString &what, Work &&work) -> Result<typename std::invoke_result_t<Work>::value_type>
    {
        return result(inTransaction(what, std::forward<Work>(work)));
    }
    template <typename Work> auto retrying(const QString &what, Work &&work) -> Result<typename std::invoke_result_t<Work>::value_type>
    {
        return result(withRetry(what, std::forward<Work>(work)));
    }

    // The plain error of a unit of work that did not succeed, for callers that only report it.
    template <typename T> static Result<T> result(Retried<T> &&r)
    {
        if (!r)
            return fail(std::move(r.error().error));
        if constexpr (std::is_void_v<T>)
            return {};
        else
            return std::move(*r);
    }

    // Turns a driver error into the core's error, in words, with the SQLSTATE kept.
    Error error(const QSqlError &e, const QString &context) const;

    // Bounds blocking calls made while the returned scope lives. Never close or reopen the
    // connection while a scope lives.
    std::unique_ptr<WatchdogScope> guard(Watchdog::Clock::time_point deadline);
    Watchdog::Clock::time_point statementDeadline() const;

    // What a failed step means for the work (classifyFailure with this connection's state).
    AttemptFailure classify(const Error &e, Phase phase) const;

    // PQencryptPasswordConn on this connection: a SCRAM verifier, so that a password never
    // travels or gets logged in clear.
    Result<QString> passwordVerifier(const QString &login, const QString &password) const;

private:
    // The one loop behind inTransaction(), asOneStatement() and withRetry(): `attempt` with the
    // caller's Retrier, or the session's own.
    template <typename Attempt>
    auto retried(const QString &what, Retrier *retrier, const Retrier::Callback &onRetry, Attempt &&attempt)
        -> Retried<typename std::invoke_result_t<Attempt, Clock::time_point>::value_type>
    {
        using T = typename std::invoke_result_t<Attempt, Clock::time_point>::value_type;
        return (retrier ? *retrier : m_retrier).template run<T>(what, std::forward<Attempt>(attempt), onRetry);
    }
    // One attempt without BEGIN … COMMIT: a read (a failure is Phase::BeforeCommit) or one
    // statement that commits on its own (Phase::Commit: a lost answer may have committed).
    template <typename T, typename Work> AttemptResult<T> attemptPlain(Work &work, Clock::time_point deadline, Phase phase)
    {
        // A read that the workstation bounds otherwise than the database does is a transaction
        // that sets its own bounds (SET LOCAL: nothing outlives it on a pooled connection). A
        // statement that commits on its own (a money action) keeps the database's bounds: it
        // must be the first statement of its transaction.
        if (auto notReady = ensureReady(deadline))
            return std::unexpected(*notReady);
        if (phase == Phase::BeforeCommit && readsNeedOwnBounds())
            return attemptTransaction<T>(work, deadline);
        auto r = work();
        if (!r)
            return std::unexpected(afterFailure(classify(r.error(), phase)));
        return succeeded<T>(std::move(r));
    }
    template <typename T, typename Work> AttemptResult<T> attemptTransaction(Work &work, Clock::time_point deadline)
    {
        if (auto notReady = ensureReady(deadline))
            return std::unexpected(*notReady);
        if (auto failed = begin())
            return std::unexpected(afterFailure(*failed));
        auto r = work();
        if (!r) {
            const AttemptFailure failure = classify(r.error(), Phase::BeforeCommit);
            rollbackQuietly();
            return std::unexpected(afterFailure(failure));
        }
        if (auto failed = commit())
            return std::unexpected(afterFailure(*failed));
        return succeeded<T>(std::move(r));
    }
    template <typename T> static AttemptResult<T> succeeded(Result<T> &&r)
    {
        if constexpr (std::is_void_v<T>)
            return {};
        else
            return std::move(*r);
    }
    // A connection that failed this way is not used again: the next attempt reconnects (libpq
    // may still call it good after the server ended the session with an error).
    AttemptFailure afterFailure(AttemptFailure f)
    {
        if (f.failure == FailureClass::ConnectionLost || f.failure == FailureClass::OutcomeUnknown
            || f.failure == FailureClass::ServerUnavailable)
            close();
        return f;
    }
    // Reconnects if needed; a failure when that is not possible or the time is up.
    std::optional<AttemptFailure> ensureReady(Clock::time_point deadline);
    std::optional<AttemptFailure> begin();
    std::optional<AttemptFailure> beginAsStaff();
    std::optional<AttemptFailure> commit();
    void rollbackQuietly();
    Error noRow(const QString &context) const;
    Error resultError(const pg_result *r, const QString &context) const;
    // Whether the workstation's statement bound differs from the one the database gives every
    // session (read at open): then a read runs in a transaction of its own that sets it.
    bool readsNeedOwnBounds() const;

    void *nativeHandle() const;
    Result<void> checkSchema();
    // On a pooled login outside a transaction: the statement with the staff session's role and
    // secret set local before it, in one round trip (libpq's pipeline mode: both in one implicit
    // transaction). Answers the statement's result, or the first failure; nullptr when nothing
    // could be sent. The caller PQclears it.
    pg_result *execAsStaff(const char *text, int count, const char *const *values);
    struct Piped
    {
        const char *text;
        int count;
        const char *const *values;
    };
    pg_result *pipelined(std::initializer_list<Piped> statements);

    ConnectionSettings m_settings;
    SessionOptions m_options;
    QString m_name;
    // The texts as sent (numbered placeholders), by the caller's text: the same few each time.
    std::unordered_map<QString, QByteArray> m_statementTexts;
    QString m_sessionUser;
    bool m_throughPooler = false;
    bool m_pooledLogin = false;
    QString m_poolLogin;
    std::shared_ptr<StaffSessions> m_staffSessions;
    std::optional<StaffCredential> m_credential; // while open on a pooled login
    int m_schemaVersion = 0;
    Retrier m_retrier;
    ServerBounds m_serverBounds;
};

// Reads a bigint column whatever QPSQL made of it (qulonglong when positive).
std::optional<qint64> bigintValue(const QVariant &v);

// What libpq's text for a failed connection attempt means (`where`: the settings described):
// a wrong password or login (Permission), a missing database, a TLS problem (Config), no free
// connection (53300), a server starting up, shutting down or in recovery (57P03), only
// read-only servers found (25006), or not reachable at all (Connection, no SQLSTATE).
Error connectFailure(const QString &libpqText, const QString &where);
// A failed connection attempt as a retry decision: nothing was sent, so every Connection kind
// is ServerUnavailable (retry, reconnecting); anything else will not fix itself (Definitive).
AttemptFailure classifyOpenFailure(const Error &e);

} // namespace teller
