// tellerctl fault-proxy: a TCP proxy for fault drills (tools/faultproxy), driven by commands on stdin.
#include "Commands.h"

#include "FaultProxy.h"

#include <iostream>
#include <string>

using namespace teller;

namespace tellerctl {
namespace {

class FaultProxyCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    FaultProxyCommand()
        : Command(QStringLiteral("fault-proxy"), {QStringLiteral("upstream"), QStringLiteral("listen"), QStringLiteral("latency")},
                  {}, QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl fault-proxy --upstream HOST:PORT [--listen PORT] [--latency MS]"))
    {
    }

protected:
    int execute(const QStringList &pos) override
    {
        if (pos.size() != 1)
            return usage(usageLine());
        const QString upstream = args().value(QStringLiteral("upstream"));
        const qsizetype colon = upstream.lastIndexOf(u':');
        const auto upstreamPort = colon > 0 ? parseCount(upstream.mid(colon + 1), 1, 65535) : std::nullopt;
        if (!upstreamPort)
            return usage(tr("--upstream HOST:PORT is required, e.g. --upstream db.branch.example:5432."));
        std::optional<qint64> listen = qint64(0);
        if (args().isSet(QStringLiteral("listen")))
            listen = parseCount(args().value(QStringLiteral("listen")), 1, 65535);
        std::optional<qint64> latency = qint64(0);
        if (args().isSet(QStringLiteral("latency")))
            latency = parseCount(args().value(QStringLiteral("latency")), 0, 600000);
        if (!listen || !latency)
            return usage(tr("--listen takes a port, --latency milliseconds."));

        FaultProxy proxy(upstream.left(colon), quint16(*upstreamPort));
        if (!proxy.start(quint16(*listen)))
            return reportError(Error::io(tr("The proxy cannot listen on 127.0.0.1:%1.").arg(*listen)));
        proxy.setLatency(std::chrono::milliseconds(*latency));
        const auto stats = [&] {
            const FaultProxy::Stats st = proxy.stats();
            return QJsonObject{{QStringLiteral("connections"), st.connections}, {QStringLiteral("resets"), st.resets},
                               {QStringLiteral("cuts"), st.cuts}, {QStringLiteral("swallowed_commits"), st.swallowedCommits},
                               {QStringLiteral("held_commits"), st.heldCommits},
                               {QStringLiteral("bytes_to_server"), QString::number(st.bytesToServer)},
                               {QStringLiteral("bytes_to_client"), QString::number(st.bytesToClient)},
                               {QStringLiteral("stalled"), proxy.isStalled()}};
        };
        printJson({{QStringLiteral("status"), QStringLiteral("listening")},
                   {QStringLiteral("port"), proxy.port()},
                   {QStringLiteral("upstream"), upstream}});
        // Commands arrive on stdin, one per line; the proxy works on its own thread meanwhile.
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
            QJsonObject o = stats();
            o.insert(QStringLiteral("status"), done.isEmpty() ? QStringLiteral("error") : QStringLiteral("completed"));
            o.insert(QStringLiteral("command"), cmd);
            if (done.isEmpty())
                o.insert(QStringLiteral("message"), tr("Unknown command or missing number: reset, stall, resume, latency MS, "
                                                       "cut BYTES, swallow N, hold N, stats, quit."));
            printJson(o);
        }
        QJsonObject last = stats();
        last.insert(QStringLiteral("status"), QStringLiteral("completed"));
        printJson(last);
        return ExitCompleted;
    }
};

} // namespace

std::unique_ptr<Command> makeFaultProxyCommand()
{
    return std::make_unique<FaultProxyCommand>();
}

} // namespace tellerctl
