// teller-faultproxy: the fault-injecting TCP proxy (FaultProxy) as a program of its own, for
// fault drills by hand. A test tool: built in the build tree only, never installed or packaged.
// It listens on 127.0.0.1 only and reads commands on stdin, one per line; it prints one JSON
// object per line: when it listens, one per command, and a last one when it stops.
#include "ArgParser.h"
#include "FaultProxy.h"
#include "Parsers.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <iostream>
#include <string>

namespace {

enum ExitCode { ExitCompleted = 0, ExitFailure = 1, ExitUsage = 2 };

const char *const HelpText = QT_TRANSLATE_NOOP("teller-faultproxy",
                                               R"(Usage: teller-faultproxy --upstream HOST:PORT [--listen PORT] [--latency MS]

A TCP proxy between Teller and PostgreSQL that breaks the network on purpose, for fault
drills. It listens on 127.0.0.1 only (--listen: the port; default any free port) and
forwards to HOST:PORT, with --latency MS added to every chunk in both directions. Clients
must use sslmode=disable towards it.

Commands on stdin, one per line; each is answered by one JSON line:
  reset        cut every connection at once
  stall        forward nothing any more (connections stay open)
  resume       forward again, what was held back first
  latency MS   the added latency from now on
  cut BYTES    cut each connection once its client has sent more than BYTES (0: never)
  swallow N    throw the next N COMMIT answers away and cut their connections
  hold N       hold the next N COMMIT answers back for good
  stats        only report
  quit         stop (so does the end of stdin)

Options: --upstream HOST:PORT, --listen PORT, --latency MS, --help, --version.
Exit codes: 0 stopped after quit or the end of stdin, 2 bad usage, 1 it cannot listen.
)");

void printJson(const QJsonObject &o)
{
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int reportError(const QString &message, int exitCode)
{
    printJson({{QStringLiteral("status"), QStringLiteral("error")}, {QStringLiteral("message"), message}});
    std::fprintf(stderr, "teller-faultproxy: %s\n", qPrintable(message));
    return exitCode;
}

int usage(const QString &message)
{
    return reportError(message, ExitUsage);
}

QJsonObject stats(const FaultProxy &proxy)
{
    const FaultProxy::Stats st = proxy.stats();
    return QJsonObject{{QStringLiteral("connections"), st.connections},
                       {QStringLiteral("resets"), st.resets},
                       {QStringLiteral("cuts"), st.cuts},
                       {QStringLiteral("swallowed_commits"), st.swallowedCommits},
                       {QStringLiteral("held_commits"), st.heldCommits},
                       {QStringLiteral("bytes_to_server"), QString::number(st.bytesToServer)},
                       {QStringLiteral("bytes_to_client"), QString::number(st.bytesToClient)},
                       {QStringLiteral("stalled"), proxy.isStalled()}};
}

// Reads and carries out the commands on stdin until "quit" or its end.
void serve(FaultProxy &proxy)
{
    using tellerctl::parseCount;
    std::string line;
    while (std::getline(std::cin, line)) {
        const QStringList words = QString::fromStdString(line).simplified().split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        const QString cmd = words.first();
        const auto number = [&]() { return words.size() > 1 ? parseCount(words.at(1), 0, 1'000'000'000) : std::nullopt; };
        QString done;
        if (cmd == u"reset") {
            proxy.resetAll();
            done = cmd;
        } else if (cmd == u"stall") {
            proxy.setStalled(true);
            done = cmd;
        } else if (cmd == u"resume") {
            proxy.setStalled(false);
            done = cmd;
        } else if (cmd == u"latency" && number()) {
            proxy.setLatency(std::chrono::milliseconds(*number()));
            done = cmd;
        } else if (cmd == u"cut" && number()) {
            proxy.setCutAfterBytes(*number());
            done = cmd;
        } else if (cmd == u"swallow" && number()) {
            proxy.swallowCommitAnswers(int(*number()));
            done = cmd;
        } else if (cmd == u"hold" && number()) {
            proxy.holdCommitAnswers(int(*number()));
            done = cmd;
        } else if (cmd == u"stats") {
            done = cmd;
        } else if (cmd == u"quit") {
            break;
        }
        QJsonObject o = stats(proxy);
        o.insert(QStringLiteral("status"), done.isEmpty() ? QStringLiteral("error") : QStringLiteral("completed"));
        o.insert(QStringLiteral("command"), cmd);
        if (done.isEmpty())
            o.insert(QStringLiteral("message"),
                     QCoreApplication::translate("teller-faultproxy", "Unknown command or missing number: reset, stall, resume, "
                                                                      "latency MS, cut BYTES, swallow N, hold N, stats, quit."));
        printJson(o);
    }
    QJsonObject last = stats(proxy);
    last.insert(QStringLiteral("status"), QStringLiteral("completed"));
    printJson(last);
}

int run(const QStringList &arguments)
{
    using tellerctl::parseCount;
    ArgParser args;
    for (const char *o : {"upstream", "listen", "latency"})
        args.addValueOption(QString::fromLatin1(o));
    for (const char *f : {"help", "version"})
        args.addFlag(QString::fromLatin1(f));
    if (auto error = args.parse(arguments))
        return usage(*error);
    if (args.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(QCoreApplication::translate("teller-faultproxy", HelpText)), stdout);
        return ExitCompleted;
    }
    if (args.isSet(QStringLiteral("version"))) {
        std::printf("teller-faultproxy %s\n", TELLER_VERSION);
        return ExitCompleted;
    }
    if (!args.positional().isEmpty())
        return usage(QCoreApplication::translate("teller-faultproxy",
                                                 "Usage: teller-faultproxy --upstream HOST:PORT [--listen PORT] [--latency MS]"));
    const QString upstream = args.value(QStringLiteral("upstream"));
    const qsizetype colon = upstream.lastIndexOf(u':');
    const auto upstreamPort = colon > 0 ? parseCount(upstream.mid(colon + 1), 1, 65535) : std::nullopt;
    if (!upstreamPort)
        return usage(QCoreApplication::translate("teller-faultproxy",
                                                 "--upstream HOST:PORT is required, e.g. --upstream db.branch.example:5432."));
    std::optional<qint64> listen = qint64(0);
    if (args.isSet(QStringLiteral("listen")))
        listen = parseCount(args.value(QStringLiteral("listen")), 1, 65535);
    std::optional<qint64> latency = qint64(0);
    if (args.isSet(QStringLiteral("latency")))
        latency = parseCount(args.value(QStringLiteral("latency")), 0, 600000);
    if (!listen || !latency)
        return usage(QCoreApplication::translate("teller-faultproxy", "--listen takes a port, --latency milliseconds."));

    FaultProxy proxy(upstream.left(colon), quint16(*upstreamPort));
    if (!proxy.start(quint16(*listen)))
        return reportError(QCoreApplication::translate("teller-faultproxy", "The proxy cannot listen on 127.0.0.1:%1.").arg(*listen),
                           ExitFailure);
    proxy.setLatency(std::chrono::milliseconds(*latency));
    printJson({{QStringLiteral("status"), QStringLiteral("listening")},
               {QStringLiteral("port"), proxy.port()},
               {QStringLiteral("upstream"), upstream}});
    // The proxy works on its own thread while this one waits for the next command.
    serve(proxy);
    return ExitCompleted;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("teller-faultproxy"));
    QCoreApplication::setOrganizationName(QStringLiteral("Teller"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TELLER_VERSION));
    return run(app.arguments().mid(1));
}
