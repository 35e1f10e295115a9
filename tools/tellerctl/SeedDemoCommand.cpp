// tellerctl seed-demo: the demo staff and accounts, with their opening balances (safe to run again).
#include "Commands.h"

#include "Demo.h"

using namespace teller;

namespace tellerctl {
namespace {

class SeedDemoCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    SeedDemoCommand() : Command(QStringLiteral("seed-demo"), {}, {}, QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl seed-demo")) {}

protected:
    int execute(const QStringList &) override
    {
        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        auto seeded = demo::seed(db(), globals().connection);
        if (!seeded)
            return reportError(seeded.error());
        printJson(*seeded);
        return ExitCompleted;
    }
};

} // namespace

std::unique_ptr<Command> makeSeedDemoCommand()
{
    return std::make_unique<SeedDemoCommand>();
}

} // namespace tellerctl
