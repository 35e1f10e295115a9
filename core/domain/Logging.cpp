#include "Logging.h"

#include <QtGlobal>

#include <clocale>

Q_LOGGING_CATEGORY(lcDb, "teller.core.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAction, "teller.core.action", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMigrate, "teller.core.migrate", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "teller.core.server", QtInfoMsg)

namespace teller {

namespace {
QtMessageHandler previousHandler = nullptr;

// QPSQL (6.4) warns when it cannot DEALLOCATE a prepared statement on a connection that is
// already gone (the core prepares none any more; a QSqlQuery of a test or a tool may). After a lost connection that is expected and
// harmless (the server freed it with the session); the core reports the loss itself, in words.
void filterDriverNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // Likewise its version check when the connection dies during open(): the core reports
    // the failed connection itself.
    if (type == QtWarningMsg
        && (message.startsWith(QLatin1String("Unable to free statement"))
            || message.startsWith(QLatin1String("This version of PostgreSQL is not supported"))))
        return;
    if (previousHandler)
        previousHandler(type, context, message);
}
} // namespace

void initializeProcess()
{
#ifdef LC_MESSAGES
    std::setlocale(LC_MESSAGES, "C");
#endif
#ifdef Q_OS_LINUX
    // Without TZ, glibc looks at /etc/localtime again (a stat) on every conversion to local
    // time, which QPSQL makes for every timestamp it reads: measured, 5 % of the bench's client
    // time. TZ naming that same file means the same zone, read once.
    if (!qEnvironmentVariableIsSet("TZ"))
        qputenv("TZ", ":/etc/localtime");
#endif
    static bool installed = false;
    if (!installed) {
        installed = true;
        previousHandler = qInstallMessageHandler(filterDriverNoise);
    }
}
} // namespace teller
