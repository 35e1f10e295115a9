#pragma once

#include "ConnectionSettings.h"
#include "Failure.h"
#include "Result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace teller {

// The workstation's configuration, as IT sets it: an INI file, system-wide by default
//   Linux /etc/teller/teller.conf, Windows %PROGRAMDATA%\Teller\teller.conf,
//   macOS /Library/Application Support/Teller/teller.conf ($TELLER_CONFIG overrides),
// naming the server and how to reach it securely, the workstation's id, the timeouts and the
// retry budget. Every key is optional; a value that is present but wrong is refused with the
// file, the section, the key and what was expected, and a line that is not INI (a key without
// "=") with its number. Unknown sections and keys are ignored; keys are case-sensitive.
//
//   [server]        host, port, database, sslmode, sslrootcert, service, target_session_attrs
//                   (host and port may be lists, "db1,db2" and "5432,5433": a primary and its
//                   standbys, tried in turn; with target_session_attrs = read-write only the
//                   one that takes writes is used, so a failover needs no change here)
//                   listen_host, listen_port: where the listening connection goes when host
//                   and port lead to a transaction pooler (PostgreSQL itself, or a
//                   session-mode pool); without them it reads what changed every 3 s
//   [workstation]   id, connections (1, 2 or 3: ConnectionPlan)
//   [timeouts]      lock_ms, statement_ms, idle_in_transaction_ms, connect_s
//   [retry]         max_retries, budget_s
//   [desk]          review_from: from this amount on (whole units of the account's currency,
//                   0 for every operation; default 1000) the teller sees a summary of the
//                   operation and confirms it before it is sent
struct WorkstationConfig
{
    QString path; // where it was read from; empty when there was no file
    std::optional<QString> host, database, sslmode, sslrootcert, service, targetSessionAttrs, workstation;
    std::optional<QString> port; // one port, or one per host: "5432" or "5432,5433" (no spaces, no leading zeros)
    std::optional<QString> listenHost, listenPort;
    std::optional<int> connections;
    std::optional<std::chrono::milliseconds> lockTimeout, statementTimeout, idleInTransactionTimeout;
    std::optional<std::chrono::seconds> connectTimeout;
    std::optional<int> maxRetries;
    std::optional<std::chrono::milliseconds> retryBudget;
    std::optional<qint64> reviewFrom; // whole units; see [desk] above
    static constexpr qint64 DefaultReviewFrom = 1000;

    static QString defaultPath();
    // Reads `path` (or defaultPath()); a missing file is an empty configuration.
    static Result<WorkstationConfig> load(const QString &path = {});

    // Fills what the configuration names and the settings do not say yet (explicit values,
    // e.g. from --db or the sign-in dialog, win).
    void applyTo(ConnectionSettings &settings) const;
    void applyTo(SessionOptions &options) const;
    void applyTo(RetryPolicy &policy) const;
    void applyTo(ConnectionPlan &plan) const;
    QJsonObject toJson() const;
};

} // namespace teller
