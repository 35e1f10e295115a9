#pragma once

#include "Command.h"

#include <memory>
#include <vector>

namespace tellerctl {

// Every command of tellerctl, in the order of --help. Each is made by its own file.
std::vector<std::unique_ptr<Command>> allCommands();
// The command called `name`, or nullptr.
Command *findCommand(const std::vector<std::unique_ptr<Command>> &commands, const QString &name);
// Makes `parser` know the global options and flags and every command's own: options may come
// anywhere on the line, before the command's name too, so all of them are known up front; each
// command refuses, after parsing, those that are not its own.
void declareOptions(ArgParser &parser, const std::vector<std::unique_ptr<Command>> &commands);

std::unique_ptr<Command> makeMigrateCommand();  // MigrateCommand.cpp
std::unique_ptr<Command> makeSeedDemoCommand(); // SeedDemoCommand.cpp
std::unique_ptr<Command> makeStaffCommand();    // StaffCommand.cpp
std::unique_ptr<Command> makePasswordCommand();
std::unique_ptr<Command> makePoolLoginCommand(); // StaffCommand.cpp
std::unique_ptr<Command> makeAccountCommand();   // AccountCommand.cpp
std::unique_ptr<Command> makeDepositCommand();   // ActionCommand.cpp
std::unique_ptr<Command> makeWithdrawCommand();  // ActionCommand.cpp
std::unique_ptr<Command> makeTransferCommand();  // ActionCommand.cpp
std::unique_ptr<Command> makeTillCommand();      // TillCommand.cpp
std::unique_ptr<Command> makeVaultCommand();     // VaultCommand.cpp
std::unique_ptr<Command> makeReverseCommand();   // ReverseCommand.cpp
std::unique_ptr<Command> makeStatusCommand();    // StatusCommand.cpp
std::unique_ptr<Command> makeAbandonCommand();   // AbandonCommand.cpp
std::unique_ptr<Command> makeJournalCommand();   // JournalCommand.cpp
std::unique_ptr<Command> makeReconcileCommand(); // ReconcileCommand.cpp
std::unique_ptr<Command> makeCheckCommand();     // CheckCommand.cpp
std::unique_ptr<Command> makePendingCommand();   // PendingCommand.cpp
std::unique_ptr<Command> makeReportCommand();    // ReportCommand.cpp
std::unique_ptr<Command> makeDemoCommand();      // DemoCommand.cpp
std::unique_ptr<Command> makeBenchCommand();     // BenchCommand.cpp

} // namespace tellerctl
