// tellerctl migrate: creates or upgrades the schema (as the database owner).
#include "Commands.h"

#include "Migrator.h"

using namespace teller;

namespace tellerctl {
namespace {

class MigrateCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    MigrateCommand() : Command(QStringLiteral("migrate"), {}, {}, QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl migrate")) {}

protected:
    int execute(const QStringList &) override
    {
        if (auto ok = connect(DbSession::SchemaCheck::Skip); !ok)
            return reportError(ok.error());
        Migrator migrator(db());
        auto report = migrator.migrate();
        if (!report)
            return reportError(report.error());
        QJsonArray applied;
        for (const Migration &m : report->applied)
            applied.append(QStringLiteral("%1_%2").arg(m.version, 3, 10, QLatin1Char('0')).arg(m.name));
        QJsonObject o;
        o.insert(QStringLiteral("status"), QStringLiteral("completed"));
        o.insert(QStringLiteral("from_version"), report->fromVersion);
        o.insert(QStringLiteral("schema_version"), report->toVersion);
        o.insert(QStringLiteral("applied"), applied);
        printJson(o);
        return ExitCompleted;
    }
};

} // namespace

std::unique_ptr<Command> makeMigrateCommand()
{
    return std::make_unique<MigrateCommand>();
}

} // namespace tellerctl
