// teller_soak --duration SECONDS [--clients N]: the soak test for as long as you like.
#include "PgTestServer.h"
#include "Soak.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Random money traffic under random network faults, then every invariant."));
    parser.addHelpOption();
    QCommandLineOption duration(QStringLiteral("duration"), QStringLiteral("Seconds to run (default 60)."), QStringLiteral("seconds"),
                                QStringLiteral("60"));
    QCommandLineOption clients(QStringLiteral("clients"), QStringLiteral("Concurrent clients (default 8)."), QStringLiteral("n"),
                               QStringLiteral("8"));
    parser.addOptions({duration, clients});
    parser.process(app);
    SoakOptions options;
    options.duration = std::chrono::seconds(std::max(1, parser.value(duration).toInt()));
    options.clients = std::clamp(parser.value(clients).toInt(), 1, 100);
    const SoakReport report = runSoak(options);
    std::printf("%s\n", qPrintable(report.summary()));
    for (const QString &p : report.problems)
        std::printf("PROBLEM: %s\n", qPrintable(p));
    return report.problems.isEmpty() ? 0 : 1;
}
