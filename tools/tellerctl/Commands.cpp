#include "Commands.h"

namespace tellerctl {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    for (auto make :
         {makeMigrateCommand, makeSeedDemoCommand, makeStaffCommand,    makePasswordCommand,  makePoolLoginCommand, makeAccountCommand,
          makeDepositCommand, makeWithdrawCommand, makeTransferCommand, makeTillCommand,      makeVaultCommand,     makeReverseCommand,
          makeStatusCommand,  makeAbandonCommand,  makeJournalCommand,  makeReconcileCommand, makeCheckCommand,     makePendingCommand,
          makeReportCommand,  makeDemoCommand,     makeBenchCommand})
        commands.push_back(make());
    return commands;
}

Command *findCommand(const std::vector<std::unique_ptr<Command>> &commands, const QString &name)
{
    for (const auto &c : commands) {
        if (c->name() == name)
            return c.get();
    }
    return nullptr;
}

void declareOptions(ArgParser &parser, const std::vector<std::unique_ptr<Command>> &commands)
{
    for (const QString &o : Command::globalValueOptions())
        parser.addValueOption(o);
    for (const QString &f : Command::globalFlags())
        parser.addFlag(f);
    for (const auto &c : commands) {
        for (const QString &o : c->valueOptions())
            parser.addValueOption(o);
        for (const QString &f : c->flags())
            parser.addFlag(f);
    }
}

} // namespace tellerctl
