#pragma once

#include "DbSession.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// tellerctl check's replication warning, apart from the invariants: a server that has
// standbys (pg_stat_replication has rows) but does not wait for any of them when it commits
// (synchronous_standby_names empty, or synchronous_commit local or off) confirms payouts a
// failover can lose: the primary dies before a standby received them, the standby is promoted
// without them, and the teller's "completed" is nowhere in the books.
namespace tellerctl {

struct ReplicationState
{
    int standbys = 0;                // rows of pg_stat_replication
    QString synchronousStandbyNames; // current_setting('synchronous_standby_names')
    QString synchronousCommit;       // current_setting('synchronous_commit')
};

// The warning for this state ({"warning":"asynchronous_replication", "message", "standbys",
// "synchronous_standby_names", "synchronous_commit"}), or none.
std::optional<QJsonObject> replicationWarning(const ReplicationState &state);

// The server's state, read with any login (the rows of pg_stat_replication are visible to
// everyone, their details are not needed).
teller::Result<ReplicationState> readReplicationState(teller::DbSession &db);

// What check adds to its "warnings": the replication warning if there is one (a state that
// cannot be read is reported on stderr and warns of nothing).
QJsonArray replicationWarnings(teller::DbSession &db);

} // namespace tellerctl
