// tellerctl status KEY: the server's record of an action.
#include "Commands.h"

using namespace teller;

namespace tellerctl {
namespace {

class StatusCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    StatusCommand() : Command(QStringLiteral("status"), {}, {}, QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl status KEY")) {}

protected:
    int execute(const QStringList &pos) override
    {
        return runForKey(pos, [](ActionExecutor &e, const IdempotencyKey &key) { return e.status(key, printRetry); });
    }
};

} // namespace

std::unique_ptr<Command> makeStatusCommand()
{
    return std::make_unique<StatusCommand>();
}

} // namespace tellerctl
