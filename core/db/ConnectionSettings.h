#pragma once

#include "Result.h"

#include <QMap>
#include <QString>
#include <QStringView>

#include <chrono>

class QSqlDatabase;

namespace teller {

enum class Isolation { ReadCommitted, RepeatableRead, Serializable };
QString isolationName(Isolation level); // "read committed", ...
std::optional<Isolation> isolationFromName(QStringView name);

// What every session sets, whatever server it talks to. Defaults suit a branch network:
// locks are never waited on for long, a stuck statement is cancelled by the server, a
// session that dies inside a transaction releases its row locks within seconds, and a dead
// link is noticed by keepalives instead of hanging.
struct SessionOptions
{
    QString applicationName = QStringLiteral("teller");
    QString workstation; // recorded with every operation; defaults to the host name
    std::chrono::milliseconds lockTimeout{2000};
    std::chrono::milliseconds statementTimeout{5000};
    std::chrono::milliseconds idleInTransactionTimeout{15000};
    std::chrono::seconds connectTimeout{5};
    std::chrono::seconds keepalivesIdle{10};
    std::chrono::seconds keepalivesInterval{3};
    int keepalivesCount = 3;
    std::chrono::milliseconds tcpUserTimeout{10000};
    Isolation isolation = Isolation::ReadCommitted;

    static QString defaultWorkstation();
};

// How many connections a window holds, and where its listening one goes. 3: one for actions,
// one for searches and account reads (a search never waits behind an action that retries), one
// that listens for what changed (LISTEN, and a read of teller.events every 3 s). 2: the reads
// connection also listens. 1: everything on one connection (a search waits while an action
// retries). Through a transaction pooler (PgBouncer) LISTEN cannot work (the pooler hands the
// session's server connection to others): the listening connection then goes to `listenHost`
// and `listenPort` (PostgreSQL itself, or a session-mode pool) if given, and otherwise reads
// teller.events every 3 s through the pooler, which is all a window needs to stay right.
struct ConnectionPlan
{
    int connections = 3;
    QString listenHost, listenPort; // empty: the same server as the others
};

// Where the database is: libpq keyword/value pairs (or a postgresql:// URI) given by the user,
// completed by libpq from the standard PG* environment variables (PGHOST, PGPORT, PGDATABASE,
// PGUSER, PGPASSWORD, PGSSLMODE, PGSERVICE, ...) and ~/.pgpass for anything not given.
class ConnectionSettings
{
public:
    ConnectionSettings() = default;

    // Parses with libpq's own parser, then checks the values libpq would only check at
    // connect time (port, sslmode, timeouts), so that a typo is named before any attempt.
    static Result<ConnectionSettings> fromConninfo(QStringView conninfo);

    QString value(const QString &keyword) const { return m_params.value(keyword); }
    bool contains(const QString &keyword) const { return m_params.contains(keyword); }
    void set(const QString &keyword, const QString &value) { m_params.insert(keyword, value); }
    void remove(const QString &keyword) { m_params.remove(keyword); }
    const QMap<QString, QString> &parameters() const { return m_params; }

    // Several ports are one for each host (explicit or from PGHOST): checked by configure(),
    // and by whoever has put the whole connection together and wants to say so early.
    Result<void> checkHostsAndPorts() const;

    // The value that will be used: explicit, else the PG* environment variable, else libpq's default.
    QString effective(const QString &keyword) const;
    QString user() const;
    // "anna@db.branch.example:5432/teller" — never the password.
    QString describe() const;
    // "db.branch.example:5432/teller": which database, whoever the user (journal entries
    // are reconciled against the database they were sent to).
    QString databaseIdentity() const;

    // Prepares a QPSQL connection: host, database, user and password as fields (the driver
    // quotes them), everything else and the session options as connect options. A list of
    // hosts and of ports and target_session_attrs reach libpq as given; several ports must be
    // one for each host.
    Result<void> configure(QSqlDatabase &db, const SessionOptions &session) const;

    // The keyword/value string for this connection plus the session options, quoted for libpq.
    // Used to build pg_dump style command lines in tests; contains the password if one is set.
    QString toConninfo(const SessionOptions *session = nullptr) const;

private:
    Result<void> validate() const;
    QMap<QString, QString> connectOptions(const SessionOptions &session) const;
    QMap<QString, QString> m_params;
};

QString quoteConninfoValue(const QString &value);

} // namespace teller
