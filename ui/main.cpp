// teller: the bank teller's desktop application.
#include "DemoLauncher.h"
#include "LoginDialog.h"
#include "MainWindow.h"

#include <teller/Demo.h>
#include <teller/Logging.h>
#include <teller/TellerClient.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTranslator>

#include <cstdio>

#ifdef Q_OS_LINUX
#include <ctime>
#include <unistd.h>
#endif

namespace {

// Milliseconds since this process started (Linux: from the kernel's record, so the time
// before main() counts too). -1 where unknown.
qint64 msSinceProcessStart()
{
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const qint64 startTicks = fields.at(19).toLongLong(); // field 22 of the whole line
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const qint64 ticksPerSecond = sysconf(_SC_CLK_TCK);
    return (qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000) - startTicks * 1000 / ticksPerSecond;
#else
    return -1;
#endif
}

// TELLER_TRACE_STARTUP=1: print when the first window is ready for the keyboard.
void traceStartup(QWidget *window, const char *what)
{
    if (qEnvironmentVariableIsEmpty("TELLER_TRACE_STARTUP"))
        return;
    QTimer::singleShot(0, window, [what] {
        std::fprintf(stderr, "teller: %s after %lld ms\n", what, static_cast<long long>(msSinceProcessStart()));
    });
}

// Without a display, Qt would abort with a terse message; say how to get one instead.
bool haveDisplay()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
           || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

void installTranslations(QApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("teller"), QStringLiteral("_"), QStringLiteral(":/teller/i18n")))
        QApplication::installTranslator(own);
}

} // namespace

int main(int argc, char *argv[])
{
    if (!haveDisplay()) {
        std::fputs("teller: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                   "  Run it in a virtual display:   xvfb-run -a teller --demo\n"
                   "  Or serve the window over VNC:  QT_QPA_PLATFORM=vnc:port=5900 teller --demo\n"
                   "                                 (then connect a VNC viewer to this machine, port 5900)\n",
                   stderr);
        return 1;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("teller"));
    QApplication::setApplicationDisplayName(QStringLiteral("Teller"));
    QApplication::setOrganizationName(QStringLiteral("Teller"));
    QApplication::setApplicationVersion(QStringLiteral(TELLER_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/teller/icons/teller-256.png")));
    teller::initializeProcess();
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("teller.*.info=false"));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Withdrawals, deposits and transfers for bank tellers."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption demoOption(QStringLiteral("demo"),
                                 QApplication::translate("main", "Start a private demo database and sign in to it."));
    parser.addOption(demoOption);
    parser.process(app);

    teller::TellerClient client;
    MainWindow window(&client);

    if (!parser.isSet(demoOption)) {
        traceStartup(window.showSignIn(), "sign-in window interactive");
        return QApplication::exec();
    }

    DemoLauncher demo;
    QProgressDialog progress(QApplication::translate("main", "Starting the demo database…"), QString(), 0, 0);
    progress.setWindowTitle(QStringLiteral("Teller"));
    progress.setMinimumDuration(300);
    progress.setCancelButton(nullptr);
    QObject::connect(&demo, &DemoLauncher::ready, &window, [&](const teller::ConnectionSettings &superuser) {
        progress.close();
        LoginDialog *login = window.showSignIn();
        traceStartup(login, "demo database ready, sign-in window interactive");
        const teller::demo::StaffMember teller = teller::demo::staff().first();
        login->prefill(superuser.value(QStringLiteral("host")), superuser.value(QStringLiteral("port")).toInt(),
                       QString::fromUtf16(teller::demo::DatabaseName), QStringLiteral("disable"),
                       QString::fromUtf16(teller.login), QString::fromUtf16(teller::demo::Password));
        login->setHint(QApplication::translate("main",
                                               "<b>Demo.</b> Press Enter to sign in as Anna, a teller. Other demo "
                                               "logins: <i>ben</i> (teller), <i>clara</i> (supervisor); password "
                                               "<i>%1</i>. Try account 10000001.")
                           .arg(QString::fromUtf16(teller::demo::Password)));
    });
    QObject::connect(&demo, &DemoLauncher::failed, &window, [&](const QString &message) {
        progress.close();
        QMessageBox::critical(nullptr, QStringLiteral("Teller"),
                              QApplication::translate("main", "The demo database could not be started:\n%1").arg(message));
        QApplication::exit(1);
    });
    demo.start();
    progress.show();
    traceStartup(&progress, "window interactive (demo database starting)");
    return QApplication::exec();
}
