// tellerctl check: every money invariant of the database, and warnings about the server's
// setup that the invariants do not show.
#include "Commands.h"

#include "Administration.h"
#include "ReplicationCheck.h"

#include <cstdio>

using namespace teller;

namespace tellerctl {
namespace {

class CheckCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    CheckCommand() : Command(QStringLiteral("check"), {}, {}, QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl check")) {}

protected:
    // What the server's setup leaves open, as {"warning": CODE, "message": TEXT}; also on
    // stderr. A warning does not change the exit code.
    Result<QJsonArray> setupWarnings(Administration &admin)
    {
        QJsonArray warnings;
        const auto warn = [&](const QString &code, const QString &message) {
            warnings.append(QJsonObject{{QStringLiteral("warning"), code}, {QStringLiteral("message"), message}});
            std::fprintf(stderr, "tellerctl: %s\n", qPrintable(message));
        };
        auto passwordcheck = admin.loadsPasswordcheck();
        if (!passwordcheck)
            return fail(passwordcheck.error());
        if (!passwordcheck->has_value())
            warn(QStringLiteral("password_rules_unknown"),
                 tr("This login may not read the server's shared_preload_libraries, so whether the server loads passwordcheck "
                    "is not known. Run check as a superuser or as a member of pg_read_all_settings to know."));
        else if (!**passwordcheck)
            warn(QStringLiteral("password_rules_not_enforced"),
                 tr("The server does not load passwordcheck: a login can give itself any password with ALTER ROLE. "
                    "Set shared_preload_libraries = 'passwordcheck' in postgresql.conf and restart the server."));
        // Every session's bounds are the database's (no client sets them at startup, so that
        // they hold through a pooler too): without them a money action could wait for a lock,
        // and a stuck statement run, without end.
        const DbSession::ServerBounds bounds = db().serverBounds();
        if (bounds.known && (bounds.lockTimeout == 0 || bounds.statementTimeout == 0))
            warn(QStringLiteral("sessions_unbounded"),
                 tr("The database sets no lock_timeout or statement_timeout for its sessions: a money action could wait for "
                    "a lock without end. As the database's owner run SELECT teller.secure_database(); (or tellerctl "
                    "migrate), or set them with ALTER DATABASE ... SET lock_timeout = '2s', statement_timeout = '5s'."));
        return warnings;
    }

    int execute(const QStringList &) override
    {
        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        Administration admin(db());
        auto violations = admin.invariantViolations();
        if (!violations)
            return reportError(violations.error());
        QJsonArray list;
        for (const InvariantViolation &v : *violations)
            list.append(QJsonObject{{QStringLiteral("invariant"), v.invariant},
                                    {QStringLiteral("subject"), v.subject},
                                    {QStringLiteral("detail"), v.detail}});
        auto warnings = setupWarnings(admin);
        if (!warnings)
            return reportError(warnings.error());
        QJsonObject o;
        o.insert(QStringLiteral("status"), violations->isEmpty() ? QStringLiteral("completed") : QStringLiteral("error"));
        o.insert(QStringLiteral("violations"), list);
        // Warnings say what may go wrong later (the server's setup, its replication); they do not
        // change the exit code.
        QJsonArray all = *warnings;
        for (const QJsonValue &w : replicationWarnings(db()))
            all.append(w);
        o.insert(QStringLiteral("warnings"), all);
        printJson(o);
        return violations->isEmpty() ? ExitCompleted : ExitFailure;
    }
};

} // namespace

std::unique_ptr<Command> makeCheckCommand()
{
    return std::make_unique<CheckCommand>();
}

} // namespace tellerctl
