#include "ReplicationCheck.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <cstdio>

using namespace teller;

namespace tellerctl {

std::optional<QJsonObject> replicationWarning(const ReplicationState &state)
{
    if (state.standbys <= 0)
        return std::nullopt; // no standby: nothing a failover could promote
    const bool noSyncStandby = state.synchronousStandbyNames.trimmed().isEmpty();
    const QString commit = state.synchronousCommit.trimmed().toLower();
    const bool noWait = commit == u"local" || commit == u"off";
    if (!noSyncStandby && !noWait)
        return std::nullopt;
    const QString message = noSyncStandby ? QCoreApplication::translate(
                                "tellerctl",
                                "Replication is asynchronous: the server has %n standby(s) but synchronous_standby_names "
                                "is empty, so it confirms a payout before any standby has it. If it fails, the standby "
                                "that takes over may lack payouts the tellers were told were completed. Make a standby "
                                "synchronous (with pg_auto_failover: pg_autoctl set node replication-quorum true).",
                                nullptr, state.standbys)
                                          : QCoreApplication::translate(
                                                "tellerctl",
                                                "Commits do not wait for the standbys: synchronous_commit is %1 on a server with %n "
                                                "standby(s), so a payout is confirmed before any standby has it. If the server fails, "
                                                "the standby that takes over may lack it. Set synchronous_commit to on or remote_apply.",
                                                nullptr, state.standbys)
                                                .arg(commit);
    return QJsonObject{{QStringLiteral("warning"), QStringLiteral("asynchronous_replication")},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("standbys"), state.standbys},
                       {QStringLiteral("synchronous_standby_names"), state.synchronousStandbyNames},
                       {QStringLiteral("synchronous_commit"), state.synchronousCommit}};
}

Result<ReplicationState> readReplicationState(DbSession &db)
{
    return db.retrying(QCoreApplication::translate("tellerctl", "reading the replication settings"), [&] {
        return db.selectOne(QStringLiteral("SELECT (SELECT count(*) FROM pg_stat_replication)::int, "
                                           "current_setting('synchronous_standby_names'), current_setting('synchronous_commit')"),
                            {}, QCoreApplication::translate("tellerctl", "reading the replication settings"), [](const Row &q) {
                                return ReplicationState{q.value(0).toInt(), q.value(1).toString(), q.value(2).toString()};
                            });
    });
}

QJsonArray replicationWarnings(DbSession &db)
{
    QJsonArray out;
    auto state = readReplicationState(db);
    if (!state) {
        std::fprintf(stderr, "tellerctl: %s\n", qPrintable(state.error().message));
        return out;
    }
    if (auto warning = replicationWarning(*state)) {
        std::fprintf(stderr, "tellerctl: warning: %s\n", qPrintable(warning->value(QStringLiteral("message")).toString()));
        out.append(*warning);
    }
    return out;
}

} // namespace tellerctl
