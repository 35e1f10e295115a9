// tellerctl: the Teller money core on the command line. One JSON object on stdout per command.
// This file only routes: each command is a class of its own (Commands.h, one file each).
#include "Commands.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace tellerctl;

namespace {

int route(const QStringList &arguments)
{
    const auto commands = allCommands();
    ArgParser args;
    declareOptions(args, commands);
    if (auto error = args.parse(arguments))
        return usage(*error);
    if (args.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(Command::helpText()), stdout);
        return ExitCompleted;
    }
    if (args.isSet(QStringLiteral("version"))) {
        std::printf("tellerctl %s\n", TELLER_VERSION);
        return ExitCompleted;
    }
    const QStringList pos = args.positional();
    if (pos.isEmpty()) {
        std::fputs(qPrintable(Command::helpText()), stderr);
        return usage(QCoreApplication::translate("tellerctl", "No command given."));
    }
    // The global options are checked first, whatever the command.
    GlobalOptions globals;
    if (const int rc = Command::configure(args, globals); rc != ExitCompleted)
        return rc;
    Command *command = findCommand(commands, pos.first());
    if (!command)
        return usage(
            QCoreApplication::translate("tellerctl", "Unknown command \"%1\". See tellerctl --help.").arg(pos.first().left(40)));
    return command->run(args, globals);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tellerctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Teller"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TELLER_VERSION));
    teller::initializeProcess();
    // Logs go to stderr; stdout carries exactly one JSON object. Quiet unless asked for.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("teller.*.info=false\nteller.*.warning=false"));

    return route(app.arguments().mid(1));
}
