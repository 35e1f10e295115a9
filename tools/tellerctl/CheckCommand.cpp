// tellerctl check: every money invariant of the database.
#include "Commands.h"

#include "Administration.h"
#include "ReplicationCheck.h"

using namespace teller;

namespace tellerctl {
namespace {

class CheckCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    CheckCommand() : Command(QStringLiteral("check"), {}, {}, QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl check")) {}

protected:
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
        QJsonObject o;
        o.insert(QStringLiteral("status"), violations->isEmpty() ? QStringLiteral("completed") : QStringLiteral("error"));
        o.insert(QStringLiteral("violations"), list);
        // Warnings say what may go wrong later; they do not change the exit code.
        if (const QJsonArray warnings = replicationWarnings(db()); !warnings.isEmpty())
            o.insert(QStringLiteral("warnings"), warnings);
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
