// tellerctl demo start [--shell] | demo stop: the private demo server on this machine.
#include "Commands.h"

#include "Demo.h"
#include "LocalServer.h"

#include <QTextStream>

using namespace teller;

namespace tellerctl {
namespace {

class DemoCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    DemoCommand()
        : Command(QStringLiteral("demo"), {}, {QStringLiteral("shell")},
                  QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl demo start [--shell] | tellerctl demo stop"))
    {
    }

protected:
    int execute(const QStringList &pos) override
    {
        const QString sub = pos.value(1);
        if (pos.size() != 2 || (sub != u"start" && sub != u"stop"))
            return usage(usageLine());
        LocalServer::Options options;
        options.baseDir = demo::defaultBaseDir();
        LocalServer server(options);
        if (sub == u"stop") {
            if (auto ok = server.stop(); !ok)
                return reportError(ok.error());
            printJson({{QStringLiteral("status"), QStringLiteral("completed")}, {QStringLiteral("data"), options.baseDir}});
            return ExitCompleted;
        }
        auto settings = demo::startServer(server);
        if (!settings)
            return reportError(settings.error());
        const QString teller = QString::fromUtf16(demo::staff().first().login);
        if (args().isSet(QStringLiteral("shell"))) {
            // For eval "$(tellerctl demo start --shell)": later commands reach the demo as a teller.
            // Every value is single-quoted, so that a path with spaces, quotes or $(…) stays a value.
            QTextStream out(stdout);
            out << "export PGHOST=" << shellQuote(server.socketDir()) << "\n"
                << "export PGPORT=" << shellQuote(QString::number(server.port())) << "\n"
                << "export PGDATABASE=" << shellQuote(QString::fromUtf16(demo::DatabaseName)) << "\n"
                << "export PGUSER=" << shellQuote(teller) << "\n"
                << "export PGPASSWORD=" << shellQuote(QString::fromUtf16(demo::Password)) << "\n"
                << "export PGSSLMODE='disable'\n";
            return ExitCompleted;
        }
        QJsonArray logins;
        for (const auto &m : demo::staff())
            logins.append(QJsonObject{{QStringLiteral("login"), QString::fromUtf16(m.login)},
                                      {QStringLiteral("role"), QString::fromUtf16(m.role)}});
        printJson({{QStringLiteral("status"), QStringLiteral("completed")},
                   {QStringLiteral("host"), server.socketDir()},
                   {QStringLiteral("port"), server.port()},
                   {QStringLiteral("database"), QString::fromUtf16(demo::DatabaseName)},
                   {QStringLiteral("logins"), logins},
                   {QStringLiteral("password"), QString::fromUtf16(demo::Password)},
                   {QStringLiteral("data"), options.baseDir}});
        return ExitCompleted;
    }
};

} // namespace

std::unique_ptr<Command> makeDemoCommand()
{
    return std::make_unique<DemoCommand>();
}

} // namespace tellerctl
