// tellerctl abandon KEY: gives up an unconfirmed action for good; the key will never execute.
#include "Commands.h"

using namespace teller;

namespace tellerctl {
namespace {

class AbandonCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    AbandonCommand() : Command(QStringLiteral("abandon"), {}, {}, QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl abandon KEY")) {}

protected:
    int execute(const QStringList &pos) override
    {
        return runForKey(pos, [](ActionExecutor &e, const IdempotencyKey &key) { return e.abandon(key, printRetry); });
    }
};

} // namespace

std::unique_ptr<Command> makeAbandonCommand()
{
    return std::make_unique<AbandonCommand>();
}

} // namespace tellerctl
