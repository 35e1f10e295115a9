#pragma once

#include "ConnectionSettings.h"
#include "Result.h"
#include "Watchdog.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <memory>
#include <unordered_map>
#include <optional>

namespace teller {

// One database session: a named QSqlDatabase connection owned by the thread that created it
// (Qt allows a connection only in that thread), the session settings, the hot statements
// prepared once per connection, and a watchdog that bounds every blocking call.
class DbSession
{
public:
    enum class SchemaCheck { Require, Skip };

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

    bool isOpen() const;
    // libpq's view of the connection. QSqlDatabase::isOpen() stays true after the server went
    // away until a statement fails; this is the state that failed statement left behind.
    bool connectionOk() const;
    bool isEncrypted() const;
    int serverProcessId() const;
    QString sessionUser() const { return m_sessionUser; }
    int schemaVersion() const { return m_schemaVersion; }

    QSqlDatabase database() const;
    const ConnectionSettings &settings() const { return m_settings; }
    const SessionOptions &options() const { return m_options; }

    // A statement prepared on this connection and kept for its lifetime: QPSQL turns a
    // prepared QSqlQuery into PREPARE/EXECUTE and sends DEALLOCATE when it is destroyed, so a
    // fresh QSqlQuery per call would cost three round trips instead of one.
    Result<QSqlQuery *> prepared(const QString &sql);

    // Runs one or more statements without results.
    Result<void> exec(const QString &sql);

    // Runs a prepared statement (kept for the connection) with these values, and hands every
    // row to `onRow`. The whole exchange, fetching included, is bounded by the watchdog.
    Result<void> select(const QString &sql, const QVariantList &values, const QString &context,
                        const std::function<void(const QSqlQuery &)> &onRow);

    // A round trip on the kept "SELECT 1": true if the server answers now.
    bool ping();

    // Turns a driver error into the core's error, in words, with the SQLSTATE kept.
    Error error(const QSqlError &e, const QString &context) const;

    // Bounds blocking calls made while the returned scope lives.
    std::unique_ptr<WatchdogScope> guard(Watchdog::Clock::time_point deadline);
    Watchdog::Clock::time_point statementDeadline() const;

    // PQencryptPasswordConn on this connection: a SCRAM verifier, so that a password never
    // travels or gets logged in clear.
    Result<QString> passwordVerifier(const QString &login, const QString &password) const;

private:
    void *nativeHandle() const;
    Result<void> checkSchema();

    ConnectionSettings m_settings;
    SessionOptions m_options;
    QString m_name;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    QString m_sessionUser;
    int m_schemaVersion = 0;
    Watchdog m_watchdog;
};

// Reads a bigint column whatever QPSQL made of it (qulonglong when positive).
std::optional<qint64> bigintValue(const QVariant &v);

} // namespace teller
