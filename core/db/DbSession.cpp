#include "DbSession.h"

#include "Logging.h"
#include "Schema.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlDriver>
#include <QThread>

#include <mutex>

#include <libpq-fe.h>

namespace teller {

namespace {

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("teller-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

} // namespace

// libpq tells why a connection failed only in text (kept in English, see initializeProcess).
Error connectFailure(const QString &text, const QString &where)
{
    const QString t = text.simplified();
    const auto has = [&](const char *s) { return t.contains(QLatin1String(s), Qt::CaseInsensitive); };
    if (has("password authentication failed") || has("no password supplied") || has("SCRAM authentication")
        || has("authentication failed"))
        return {Error::Kind::Permission,
                QCoreApplication::translate("teller::DbSession", "The user name or password is wrong (%1).").arg(where),
                QStringLiteral("28P01")};
    if (has("role \"") && has("does not exist"))
        return {Error::Kind::Permission,
                QCoreApplication::translate("teller::DbSession", "The user name or password is wrong (%1).").arg(where),
                QStringLiteral("28000")};
    if (has("not permitted to log in") || has("pg_hba.conf") || has("permission denied for database"))
        return {Error::Kind::Permission,
                QCoreApplication::translate("teller::DbSession", "This login may not connect to %1: %2").arg(where, t),
                QStringLiteral("28000")};
    if (has("database \"") && has("does not exist"))
        return {Error::Kind::Config, QCoreApplication::translate("teller::DbSession", "The database does not exist (%1).").arg(where),
                QStringLiteral("3D000")};
    // A certificate, a TLS setting or a TLS alert will not fix itself; a connection cut during
    // the handshake ("SSL error: unexpected eof", "SSL SYSCALL error") is an ordinary lost
    // connection and falls through to the retryable case below.
    if (has("certificate") || has("sslmode") || has("does not support SSL") || has("sslrootcert")
        || (has("SSL error") && (has("alert") || has("verify") || has("wrong version") || has("protocol"))))
        return {Error::Kind::Config,
                QCoreApplication::translate("teller::DbSession", "The secure connection to %1 failed: %2").arg(where, t),
                QStringLiteral("08000")};
    if ((has("too many") && has("connections")) || has("too many clients") || has("no more connections allowed"))
        return {Error::Kind::Connection,
                QCoreApplication::translate("teller::DbSession", "The server %1 has no free connection right now.").arg(where),
                QStringLiteral("53300")};
    if (has("starting up") || has("shutting down") || has("in recovery") || has("not yet accepting connections"))
        return {Error::Kind::Connection,
                QCoreApplication::translate("teller::DbSession", "The server %1 is not accepting connections right now.").arg(where),
                QStringLiteral("57P03")};
    // target_session_attrs=read-write (or primary) found only standbys: during a failover the
    // old primary is being demoted and the new one not promoted yet.
    if (has("session is read-only") || has("in hot standby mode"))
        return {Error::Kind::Connection,
                QCoreApplication::translate("teller::DbSession",
                                            "No server of %1 accepts changes right now (a standby, or a switch-over under way).")
                    .arg(where),
                QStringLiteral("25006")};
    return {Error::Kind::Connection,
            QCoreApplication::translate("teller::DbSession", "The server %1 cannot be reached: %2").arg(where, t),
            {}};
}

AttemptFailure classifyOpenFailure(const Error &e)
{
    // Nothing was sent: a server that was not there, not ready or not primary may be by the
    // next attempt; a wrong password, a missing database or schema, a TLS setting will not.
    return AttemptFailure{e.kind == Error::Kind::Connection ? FailureClass::ServerUnavailable : FailureClass::Definitive, e, false};
}

std::optional<qint64> bigintValue(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return n;
}

DbSession::DbSession(ConnectionSettings settings, SessionOptions options, QString connectionName)
    : m_settings(std::move(settings)), m_options(std::move(options)),
      m_name(connectionName.isEmpty() ? uniqueConnectionName() : std::move(connectionName))
{
    if (m_options.workstation.isEmpty())
        m_options.workstation = SessionOptions::defaultWorkstation();
    QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
}

DbSession::~DbSession()
{
    close();
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase DbSession::database() const
{
    return QSqlDatabase::database(m_name, false);
}

void *DbSession::nativeHandle() const
{
    const QSqlDatabase db = database();
    if (!db.isValid() || !db.driver())
        return nullptr;
    const QVariant h = db.driver()->handle();
    // QPSQL hands out its PGconn* (registered as "pg_conn*" or "PGconn*" depending on the version).
    if (!h.isValid() || (qstrcmp(h.typeName(), "PGconn*") != 0 && qstrcmp(h.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(h.data());
}

Result<void> DbSession::open(SchemaCheck check)
{
    QSqlDatabase db = database();
    if (!db.isValid())
        return fail(
            Error::internal(QCoreApplication::translate("teller::DbSession", "The PostgreSQL driver (QPSQL) is not installed.")));
    if (db.isOpen())
        return {};
    if (auto ok = m_settings.configure(db, m_options); !ok)
        return ok;

    qCDebug(lcDb) << "connecting" << m_name << "to" << m_settings.describe();
    if (!db.open()) {
        const QString text = db.lastError().databaseText().isEmpty() ? db.lastError().text() : db.lastError().databaseText();
        Error e = connectFailure(text, m_settings.describe());
        qCWarning(lcDb) << "connection failed:" << m_settings.describe() << text.simplified();
        return fail(e);
    }

    // From here on the connection has a socket: every round trip is bounded. The session's
    // bounds are the database's (no startup options: a pooler refuses them); what they are
    // decides how this session sets its own.
    m_pooledLogin = false;
    m_credential.reset();
    auto user = selectOne(QStringLiteral("SELECT session_user, pg_backend_pid(), "
                                         "(SELECT setting::bigint FROM pg_catalog.pg_settings WHERE name = 'lock_timeout'), "
                                         "(SELECT setting::bigint FROM pg_catalog.pg_settings WHERE name = 'statement_timeout'), "
                                         "(SELECT setting::bigint FROM pg_catalog.pg_settings "
                                         "WHERE name = 'idle_in_transaction_session_timeout'), "
                                         // a pooled login (migration 020; a superuser is a member of every role)
                                         "coalesce((SELECT pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER') "
                                         "AND NOT (SELECT u.rolsuper FROM pg_catalog.pg_roles u WHERE u.rolname = session_user) "
                                         "FROM pg_catalog.pg_roles r WHERE r.rolname = 'teller_pooled'), false)"),
                          {}, QCoreApplication::translate("teller::DbSession", "reading the session"), [](const Row &q) {
                              return std::make_tuple(
                                  q.value(0).toString(), q.value(1).toInt(),
                                  ServerBounds{true, q.value(2).toLongLong(), q.value(3).toLongLong(), q.value(4).toLongLong()},
                                  q.value(5).toBool());
                          });
    if (!user) {
        close();
        return fail(user.error());
    }
    m_sessionUser = std::get<0>(*user);
    m_throughPooler = std::get<1>(*user) != serverProcessId();
    m_serverBounds = std::get<2>(*user);
    if (std::get<3>(*user)) {
        // A pooler's shared login: from here on every statement names who acts (execAsStaff).
        m_poolLogin = m_sessionUser;
        auto credential = m_staffSessions ? m_staffSessions->credential()
                                          : Result<StaffCredential>(fail(pooledWithoutSignIn(m_poolLogin)));
        if (!credential) {
            close();
            return fail(credential.error());
        }
        m_credential = *credential;
        m_pooledLogin = true;
        m_sessionUser = m_credential->login;
    }
    if (m_serverBounds.lockTimeout == 0 || m_serverBounds.statementTimeout == 0) {
        static std::once_flag warned;
        std::call_once(warned, [&] {
            qCWarning(lcDb).noquote() << "the database sets no lock_timeout or statement_timeout for its sessions:"
                                      << "a money action could wait without bound; its owner runs SELECT teller.secure_database()";
        });
    }

    if (check == SchemaCheck::Require) {
        if (auto ok = checkSchema(); !ok) {
            close();
            return ok;
        }
    }
    qCInfo(lcDb).noquote() << "connected" << m_name << m_settings.describe() << (isEncrypted() ? "(TLS)" : "(not encrypted)")
                           << "backend" << serverProcessId() << (m_throughPooler ? "(through a pooler)" : "");
    return {};
}

Error DbSession::pooledWithoutSignIn(const QString &poolLogin)
{
    return Error{Error::Kind::Config,
                 QCoreApplication::translate("teller::DbSession",
                                             "The server lets this workstation in through the shared pooled login \"%1\", which acts "
                                             "only for a member of staff who has first signed in with their own login at a direct "
                                             "address, and none is configured. Ask IT to name it in the workstation configuration "
                                             "([server] listen_host and listen_port).")
                     .arg(poolLogin),
                 {}};
}

Result<void> DbSession::checkSchema()
{
    auto version = selectOne(QStringLiteral("SELECT coalesce(max(version), 0) FROM teller.schema_migrations"), {},
                             QCoreApplication::translate("teller::DbSession", "reading the schema version"),
                             [](const Row &q) { return q.value(0).toInt(); });
    if (!version) {
        const QString state = version.error().sqlState;
        if (state == u"42P01" || state == u"3F000")
            return fail(Error{
                Error::Kind::Schema,
                QCoreApplication::translate("teller::DbSession",
                                            "The database has no Teller schema yet. Ask an administrator to run \"tellerctl migrate\"."),
                state});
        if (state == u"42501")
            return fail(Error{
                Error::Kind::Permission,
                QCoreApplication::translate("teller::DbSession", "The login \"%1\" is not a Teller staff member.").arg(m_sessionUser),
                state});
        return fail(version.error());
    }
    m_schemaVersion = *version;
    const int known = schema::latestVersion();
    if (m_schemaVersion < known)
        return fail(Error{Error::Kind::Schema,
                          QCoreApplication::translate("teller::DbSession",
                                                      "The database schema is older (version %1) than this program needs (version %2). "
                                                      "Ask an administrator to run \"tellerctl migrate\".")
                              .arg(m_schemaVersion)
                              .arg(known),
                          {}});
    if (m_schemaVersion > known)
        return fail(Error{Error::Kind::Schema,
                          QCoreApplication::translate("teller::DbSession",
                                                      "The database schema is newer (version %1) than this program knows (version %2). "
                                                      "Install the current Teller version.")
                              .arg(m_schemaVersion)
                              .arg(known),
                          {}});
    return {};
}

void DbSession::close()
{
    QSqlDatabase db = database();
    if (db.isValid() && db.isOpen())
        db.close();
    m_schemaVersion = 0;
}

Result<void> DbSession::reopen(SchemaCheck check)
{
    close();
    return open(check);
}

Result<void> DbSession::openRetrying(SchemaCheck check, Retrier *retrier, const Retrier::Callback &onRetry)
{
    if (isOpen())
        return {};
    return result(
        retried(QStringLiteral("sign-in ") + m_settings.describe(), retrier, onRetry, [&](Clock::time_point) -> AttemptResult<void> {
            if (auto opened = open(check); !opened)
                return std::unexpected(classifyOpenFailure(opened.error()));
            return {};
        }));
}

int DbSession::takePendingNotifications()
{
    auto *conn = static_cast<PGconn *>(nativeHandle());
    if (!conn)
        return 0;
    PQconsumeInput(conn);
    int n = 0;
    while (PGnotify *notify = PQnotifies(conn)) {
        ++n;
        PQfreemem(notify);
    }
    return n;
}

bool DbSession::isOpen() const
{
    return database().isOpen();
}

bool DbSession::connectionOk() const
{
    auto *conn = static_cast<PGconn *>(nativeHandle());
    return conn && PQstatus(conn) == CONNECTION_OK && isOpen();
}

bool DbSession::isEncrypted() const
{
    auto *conn = static_cast<PGconn *>(nativeHandle());
    return conn && PQsslInUse(conn) == 1;
}

int DbSession::serverProcessId() const
{
    auto *conn = static_cast<PGconn *>(nativeHandle());
    return conn ? PQbackendPID(conn) : 0;
}

Result<void> DbSession::exec(const QString &sql, std::optional<std::chrono::milliseconds> bound)
{
    // libpq's PQexec, not QSqlQuery: for a text of several statements (a migration, a function
    // file) QPSQL reports only how the first one went, so a later statement's error would
    // surface, without its words, as "current transaction is aborted" at the next statement.
    // PQexec answers with the first error, or the last statement's result. Nothing is bound
    // here: exec() is for statements without values.
    const QString context = QCoreApplication::translate("teller::DbSession", "running a statement");
    auto *conn = static_cast<PGconn *>(nativeHandle());
    if (!conn || !isOpen())
        return fail(error(QSqlError(), context));
    const auto bounded = guard(bound ? Watchdog::Clock::now() + *bound : statementDeadline());
    PGresult *r = PQexec(conn, sql.toUtf8().constData());
    const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
        PQclear(r);
        return {};
    }
    const Error e = resultError(r, context);
    PQclear(r);
    return fail(e);
}

Result<void> DbSession::select(const QString &sql, const QVariantList &values, const QString &context,
                               const std::function<void(const Row &)> &onRow)
{
    auto *conn = static_cast<PGconn *>(nativeHandle());
    if (!conn || !isOpen())
        return fail(error(QSqlError(), context));
    auto bound = BoundValues::from(values);
    if (!bound)
        return fail(bound.error());
    auto known = m_statementTexts.find(sql);
    if (known == m_statementTexts.end()) {
        if (m_statementTexts.size() > 512) // texts made on the fly (a test's, an import's)
            m_statementTexts.clear();
        known = m_statementTexts.emplace(sql, numberedPlaceholders(sql)).first;
    }
    const QByteArray &text = known->second;
    const auto bounded = guard(statementDeadline());
    PGresult *r = m_pooledLogin && PQtransactionStatus(conn) == PQTRANS_IDLE
                      ? execAsStaff(text.constData(), bound->count(), bound->values())
                      : PQexecParams(conn, text.constData(), bound->count(), nullptr, bound->values(), nullptr, nullptr, 0);
    const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        const Error e = resultError(r, context);
        PQclear(r);
        return fail(e);
    }
    const int rows = PQntuples(r);
    for (int i = 0; i < rows; ++i)
        onRow(Row(r, i));
    PQclear(r);
    return {};
}

Error DbSession::resultError(const pg_result *r, const QString &context) const
{
    // Copied before the caller's PQclear frees the result they point into.
    auto *conn = static_cast<PGconn *>(nativeHandle());
    const char *field = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const QString state = field ? QString::fromLatin1(field) : QString();
    const QString text = QString::fromUtf8(r ? PQresultErrorMessage(r) : conn ? PQerrorMessage(conn) : "");
    return error(QSqlError(QString(), text, QSqlError::StatementError, state), context);
}

bool DbSession::ping()
{
    if (!connectionOk())
        return false;
    return bool(select(QStringLiteral("SELECT 1"), {}, QCoreApplication::translate("teller::DbSession", "checking the connection"),
                       [](const Row &) {}));
}

Error DbSession::error(const QSqlError &e, const QString &context) const
{
    const QString state = e.nativeErrorCode();
    QString text = e.databaseText().isEmpty() ? e.driverText() : e.databaseText();
    text = text.simplified();
    Error out;
    out.sqlState = state;
    out.serverText = text;
    if (state.isEmpty() && !connectionOk()) {
        out.kind = Error::Kind::Connection;
        out.message = QCoreApplication::translate("teller::DbSession", "The connection to the server was lost while %1.").arg(context);
    } else if (state.startsWith(u"08") || state.startsWith(u"57P")) {
        out.kind = Error::Kind::Connection;
        out.message =
            QCoreApplication::translate("teller::DbSession", "The connection to the server was lost while %1: %2").arg(context, text);
    } else if (state == u"25006") {
        out.kind = Error::Kind::Connection;
        out.message = QCoreApplication::translate("teller::DbSession",
                                                  "The server accepts no changes right now (a standby, or a switch-over under way) "
                                                  "while %1: %2")
                          .arg(context, text);
    } else if (state == u"42501") {
        out.kind = Error::Kind::Permission;
        out.message = QCoreApplication::translate("teller::DbSession", "Not allowed: %1").arg(text);
    } else if (state.startsWith(u"22") || state.startsWith(u"23")) {
        out.kind = Error::Kind::BadInput;
        out.message = QCoreApplication::translate("teller::DbSession", "The server refused the request: %1").arg(text);
    } else {
        out.kind = Error::Kind::Database;
        out.message = QCoreApplication::translate("teller::DbSession", "The server reported an error while %1: %2").arg(context, text);
    }
    return out;
}

Watchdog::Clock::time_point DbSession::statementDeadline() const
{
    // The server cancels a statement after statement_timeout; give the answer a little time
    // to travel before we assume the link itself is gone.
    // A single statement runs under the database's statement_timeout, a transaction or a read
    // under the workstation's: the longer one bounds the wait.
    const auto server = std::chrono::milliseconds(m_serverBounds.statementTimeout);
    return Watchdog::Clock::now() + std::max(m_options.statementTimeout, server) + std::chrono::seconds(2);
}

std::unique_ptr<WatchdogScope> DbSession::guard(Watchdog::Clock::time_point deadline)
{
    auto *conn = static_cast<PGconn *>(nativeHandle());
    const int socket = conn ? PQsocket(conn) : -1;
    return std::make_unique<WatchdogScope>(socket, deadline);
}

AttemptFailure DbSession::classify(const Error &e, Phase phase) const
{
    AttemptFailure a{classifyFailure(e.sqlState, connectionOk(), phase), e};
    // A connection error without a SQLSTATE (libpq's own words) is a lost connection.
    if (e.kind == Error::Kind::Connection && a.failure == FailureClass::Definitive)
        a.failure = FailureClass::ConnectionLost;
    return a;
}

std::optional<AttemptFailure> DbSession::ensureReady(Clock::time_point deadline)
{
    if (connectionOk())
        return std::nullopt;
    if (auto opened = reopen(); !opened)
        return classifyOpenFailure(opened.error());
    // Reconnecting took the rest of the budget: no attempt starts after it.
    if (Clock::now() >= deadline)
        return AttemptFailure{
            FailureClass::ConnectionLost,
            Error{Error::Kind::Connection,
                  QCoreApplication::translate("teller::ActionExecutor", "The time for retries ran out while reconnecting."),
                  {}},
            false};
    return std::nullopt;
}

std::optional<AttemptFailure> DbSession::begin()
{
    // One round trip: BEGIN and this workstation's bounds for the transaction (SET LOCAL ends
    // with it, so nothing is left on a connection a pooler hands to somebody else). The values
    // are the session options' integers, not text from anywhere else.
    QString sql = QStringLiteral("BEGIN");
    if (m_options.isolation != Isolation::ReadCommitted)
        sql += QStringLiteral(" ISOLATION LEVEL ") + isolationName(m_options.isolation).toUpper();
    sql += QStringLiteral("; SET LOCAL lock_timeout = %1; SET LOCAL statement_timeout = %2; "
                          "SET LOCAL idle_in_transaction_session_timeout = %3")
               .arg(qint64(m_options.lockTimeout.count()))
               .arg(qint64(m_options.statementTimeout.count()))
               .arg(qint64(m_options.idleInTransactionTimeout.count()));
    if (m_pooledLogin)
        return beginAsStaff();
    auto ok = exec(sql);
    if (ok)
        return std::nullopt;
    if (connectionOk())
        rollbackQuietly(); // BEGIN went through, a SET did not
    return classify(ok.error(), Phase::BeforeCommit);
}

std::optional<AttemptFailure> DbSession::beginAsStaff()
{
    // The same bounds, and who acts, in one round trip: BEGIN, then set_config for each (local
    // to the transaction), the staff session's values bound.
    const QByteArray begin = m_options.isolation == Isolation::ReadCommitted
                                 ? QByteArrayLiteral("BEGIN")
                                 : QByteArrayLiteral("BEGIN ISOLATION LEVEL ") + isolationName(m_options.isolation).toUpper().toLatin1();
    const QByteArray lock = QByteArray::number(qint64(m_options.lockTimeout.count()));
    const QByteArray statement = QByteArray::number(qint64(m_options.statementTimeout.count()));
    const QByteArray idle = QByteArray::number(qint64(m_options.idleInTransactionTimeout.count()));
    const char *values[] = {lock.constData(), statement.constData(), idle.constData(), m_credential->group.constData(),
                            m_credential->secret.constData()};
    const QString context = QCoreApplication::translate("teller::DbSession", "starting a transaction");
    PGresult *r = nullptr;
    {
        const auto bounded = guard(statementDeadline());
        r = pipelined({{begin.constData(), 0, nullptr},
                       {"SELECT pg_catalog.set_config('lock_timeout', $1, true), "
                        "pg_catalog.set_config('statement_timeout', $2, true), "
                        "pg_catalog.set_config('idle_in_transaction_session_timeout', $3, true), "
                        "pg_catalog.set_config('role', $4, true), pg_catalog.set_config('teller.staff_session', $5, true)",
                        5, values}});
    }
    const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_TUPLES_OK) {
        PQclear(r);
        return std::nullopt;
    }
    const Error e = resultError(r, context);
    PQclear(r);
    if (connectionOk())
        rollbackQuietly(); // BEGIN went through, the settings did not
    return classify(e, Phase::BeforeCommit);
}

PGresult *DbSession::execAsStaff(const char *text, int count, const char *const *values)
{
    const char *identity[] = {m_credential->group.constData(), m_credential->secret.constData()};
    return pipelined(
        {{"SELECT pg_catalog.set_config('role', $1, true), pg_catalog.set_config('teller.staff_session', $2, true)", 2, identity},
         {text, count, values}});
}

PGresult *DbSession::pipelined(std::initializer_list<Piped> statements)
{
    auto *conn = static_cast<PGconn *>(nativeHandle());
    if (!conn || PQenterPipelineMode(conn) != 1)
        return nullptr;
    bool sent = true;
    for (const Piped &p : statements)
        sent = sent && PQsendQueryParams(conn, p.text, p.count, nullptr, p.values, nullptr, nullptr, 0) == 1;
    sent = sent && PQpipelineSync(conn) == 1;
    if (!sent) {
        PQexitPipelineMode(conn);
        return nullptr; // libpq's error: the connection's (resultError reads PQerrorMessage)
    }
    // Each statement's result, then NULL; then the sync's. The answer is the first failure, or
    // the last statement's result; a statement after a failure is PGRES_PIPELINE_ABORTED.
    PGresult *answer = nullptr;
    bool failed = false;
    for (size_t i = 0; i < statements.size(); ++i) {
        PGresult *r = PQgetResult(conn);
        if (!r)
            break; // the connection is gone: nothing more comes
        const ExecStatusType status = PQresultStatus(r);
        const bool ok = status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
        if (!failed && (!ok || i + 1 == statements.size())) {
            PQclear(answer);
            answer = r;
            failed = !ok;
        } else {
            PQclear(r);
        }
        while (PGresult *more = PQgetResult(conn))
            PQclear(more);
    }
    if (PQstatus(conn) == CONNECTION_OK) {
        while (PGresult *r = PQgetResult(conn)) { // the sync
            const bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
            PQclear(r);
            if (sync)
                break;
        }
    }
    PQexitPipelineMode(conn);
    return answer;
}

bool DbSession::readsNeedOwnBounds() const
{
    return m_serverBounds.known && m_serverBounds.statementTimeout != qint64(m_options.statementTimeout.count());
}

std::optional<AttemptFailure> DbSession::commit()
{
    QSqlDatabase db = database();
    const auto bounded = guard(statementDeadline());
    if (db.commit())
        return std::nullopt;
    return classify(error(db.lastError(), QCoreApplication::translate("teller::ActionExecutor", "committing")), Phase::Commit);
}

void DbSession::rollbackQuietly()
{
    if (!connectionOk())
        return; // the server rolls back by itself when the session ends
    const auto bounded = guard(statementDeadline());
    database().rollback();
}

Error DbSession::noRow(const QString &context) const
{
    return Error::internal(
        QCoreApplication::translate("teller::DbSession", "The server gave no answer while %1; nothing was changed.").arg(context));
}

Result<QString> DbSession::passwordVerifier(const QString &login, const QString &password) const
{
    auto *conn = static_cast<PGconn *>(nativeHandle());
    if (!conn)
        return fail(Error{Error::Kind::Connection, QCoreApplication::translate("teller::DbSession", "Not connected."), {}});
    char *encrypted = PQencryptPasswordConn(conn, password.toUtf8().constData(), login.toUtf8().constData(), "scram-sha-256");
    if (!encrypted)
        return fail(Error::internal(QCoreApplication::translate("teller::DbSession", "The password could not be encrypted: %1")
                                        .arg(QString::fromUtf8(PQerrorMessage(conn)).simplified())));
    const QString verifier = QString::fromLatin1(encrypted);
    PQfreemem(encrypted);
    return verifier;
}

} // namespace teller
