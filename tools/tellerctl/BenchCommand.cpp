// tellerctl bench: drives the money path with concurrent clients (Bench.cpp) and reports
// throughput, latency and the invariant check.
#include "Commands.h"

#include "Bench.h"

using namespace teller;

namespace tellerctl {
namespace {

class BenchCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    BenchCommand()
        : Command(QStringLiteral("bench"),
                  {QStringLiteral("clients"), QStringLiteral("seconds"), QStringLiteral("scenario"), QStringLiteral("accounts")}, {},
                  QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl bench [--clients N] [--seconds S] [--scenario "
                                                 "uniform|hot|transfer|replay] [--accounts N]"))
    {
    }

protected:
    int execute(const QStringList &pos) override
    {
        if (pos.size() != 1)
            return usage(usageLine());
        BenchOptions options;
        const auto clients = parseCount(args().value(QStringLiteral("clients"), QStringLiteral("8")), 1, 512);
        const auto seconds = parseCount(args().value(QStringLiteral("seconds"), QStringLiteral("10")), 1, 86400);
        const auto accounts = parseCount(args().value(QStringLiteral("accounts"), QStringLiteral("1000")), 2, 1'000'000);
        if (!clients || !seconds || !accounts)
            return usage(tr("--clients takes 1 to 512, --seconds 1 to 86400, --accounts 2 to 1000000."));
        options.clients = int(*clients);
        options.duration = std::chrono::seconds(*seconds);
        options.accounts = int(*accounts);
        if (args().isSet(QStringLiteral("scenario")))
            options.scenario = args().value(QStringLiteral("scenario"));
        RetryPolicy policy = globals().policy;
        if (!args().isSet(QStringLiteral("retries")))
            policy.maxRetries = 50; // under contention every action must get through
        auto result = runBench(globals().connection, globals().session, policy, options);
        if (!result)
            return reportError(result.error());
        printJson(*result);
        return result->value(QStringLiteral("status")).toString() == u"completed" ? ExitCompleted : ExitFailure;
    }
};

} // namespace

std::unique_ptr<Command> makeBenchCommand()
{
    return std::make_unique<BenchCommand>();
}

} // namespace tellerctl
