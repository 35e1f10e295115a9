// teller: the bank teller's desktop application.
#include "AppSettings.h"
#include "DemoLauncher.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "Ui.h"

#include "Demo.h"
#include "Logging.h"
#include "TellerClient.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSqlDatabase>
#include <QTimer>
#include <QTranslator>
#include <QWindow>

#include <cstdio>

#ifdef Q_OS_LINUX
#include <ctime>
#include <unistd.h>
#endif
#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

#ifdef Q_OS_UNIX
int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int signal)
{
    // Only what is async-signal-safe: one byte into the pipe; the event loop does the rest.
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

// SIGTERM (a session logging out, a system shutting down), SIGHUP (the terminal closed) and
// SIGINT (Ctrl+C) end the program as a normal quit does: an action in flight ends after its
// current attempt (the journal keeps it for reconciliation), and a demo server this program
// started is stopped, not left running. A second signal of the same kind ends the process at
// once (the handler is reset after the first).
void quitOnTerminationSignals(QObject *context)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [] {
        char byte = 0;
        if (::read(g_signalPipe[0], &byte, 1) == 1)
            std::fprintf(stderr, "teller: signal %d, quitting\n", int(byte));
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | SA_RESETHAND;
    for (int signal : {SIGTERM, SIGHUP, SIGINT})
        ::sigaction(signal, &action, nullptr);
}
#endif

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
    QTimer::singleShot(
        0, window, [what] { std::fprintf(stderr, "teller: %s after %lld ms\n", what, static_cast<long long>(msSinceProcessStart())); });
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
    // The teller's own choice (Settings), else the workstation's language.
    const QString chosen = AppSettings::instance().value(settingkeys::Language).toString();
    if (chosen == QLatin1String("en") || chosen == QLatin1String("de"))
        QLocale::setDefault(QLocale(chosen));
    const QStringList loaded = ui::installTranslations(&app, QLocale());
    if (QLocale().language() != QLocale::English && QLocale().language() != QLocale::C && !loaded.contains(QStringLiteral("qtbase")))
        qWarning().noquote() << "Qt's own translations for" << QLocale().name()
                             << "are not installed (Debian: qt6-translations-l10n): Qt's buttons stay in English";
}

} // namespace

// `teller --check`: what IT runs after installing. It opens the real window (offscreen with
// QT_QPA_PLATFORM=offscreen) and reports what it found; exit 0 when all is there.
int selfCheck(MainWindow &window)
{
    QJsonObject report;
    report.insert(QStringLiteral("version"), QStringLiteral(TELLER_VERSION));
    report.insert(QStringLiteral("qt"), QString::fromLatin1(qVersion()));
    report.insert(QStringLiteral("platform"), QGuiApplication::platformName());
    const QStringList drivers = QSqlDatabase::drivers();
    report.insert(QStringLiteral("sql_drivers"), QJsonArray::fromStringList(drivers));
    report.insert(QStringLiteral("plugin_paths"), QJsonArray::fromStringList(QCoreApplication::libraryPaths()));
    const bool psql = drivers.contains(QStringLiteral("QPSQL"));
    const bool sqlite = drivers.contains(QStringLiteral("QSQLITE"));
    report.insert(QStringLiteral("postgresql_driver"), psql);
    report.insert(QStringLiteral("journal_driver"), sqlite);
    const bool german = QFile::exists(QStringLiteral(":/teller/i18n/teller_de.qm"));
    report.insert(QStringLiteral("translations"),
                  german ? QJsonArray{QStringLiteral("en"), QStringLiteral("de")} : QJsonArray{QStringLiteral("en")});
    report.insert(QStringLiteral("configuration"), AppSettings::instance().system().toJson());
    LoginDialog *login = window.showSignIn(false);
    QElapsedTimer waited;
    waited.start();
    while (login && !(login->windowHandle() && login->windowHandle()->isExposed()) && waited.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const bool shown = login && login->windowHandle() && login->windowHandle()->isExposed();
    report.insert(QStringLiteral("window"), shown);
    const bool ok = psql && sqlite && shown;
    report.insert(QStringLiteral("status"), ok ? QStringLiteral("completed") : QStringLiteral("error"));
    std::fputs(QJsonDocument(report).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    return ok ? 0 : 1;
}

int main(int argc, char *argv[])
{
    // These work without a display.
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--version" || arg == "-v") {
            std::printf("teller %s\n", TELLER_VERSION);
            return 0;
        }
        if (arg == "--help" || arg == "-h") {
            std::printf("Usage: teller [--demo] [--check] [--version]\n"
                        "  --demo     start a private demo database and sign in to it\n"
                        "  --check    open the window, report the SQL drivers, translations and configuration found\n"
                        "             (e.g. QT_QPA_PLATFORM=offscreen teller --check); exit 0 when all is there\n"
                        "  --version  print the version\n"
                        "Configuration: %s (TELLER_CONFIG), the user's settings, the PG* variables.\n",
                        qPrintable(teller::WorkstationConfig::defaultPath()));
            return 0;
        }
    }
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
#ifdef Q_OS_UNIX
    quitOnTerminationSignals(&app);
#endif

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Withdrawals, deposits and transfers for bank tellers."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption demoOption(QStringLiteral("demo"),
                                  QApplication::translate("main", "Start a private demo database and sign in to it."));
    parser.addOption(demoOption);
    QCommandLineOption checkOption(
        QStringLiteral("check"),
        QApplication::translate("main", "Open the window and report what was found; exit 0 when all is there."));
    parser.addOption(checkOption);
    parser.process(app);

    // The workstation's configuration (teller.conf); a bad value is named, and the window
    // still opens with the defaults so that the teller can sign in by hand.
    auto config = teller::WorkstationConfig::load();
    if (config)
        AppSettings::instance().setSystem(*config);

    teller::TellerClient client;
    client.setRetryPolicy(AppSettings::instance().retryPolicy());
    teller::ConnectionPlan plan;
    AppSettings::instance().system().applyTo(plan);
    client.setConnectionPlan(plan);
    MainWindow window(&client);
    if (parser.isSet(checkOption))
        return selfCheck(window);
    if (!config)
        QMessageBox::warning(&window, QApplication::applicationDisplayName(), config.error().message);

    if (!parser.isSet(demoOption)) {
        traceStartup(window.showSignIn(), "sign-in window interactive");
        return QApplication::exec();
    }

    DemoLauncher demo;
    QProgressDialog progress(QApplication::translate("main", "Starting the demo database…"), QString(), 0, 0);
    progress.setWindowTitle(QApplication::applicationDisplayName());
    progress.setMinimumDuration(300);
    progress.setCancelButton(nullptr);
    QObject::connect(&demo, &DemoLauncher::ready, &window, [&](const teller::ConnectionSettings &superuser) {
        progress.close();
        LoginDialog *login = window.showSignIn();
        traceStartup(login, "demo database ready, sign-in window interactive");
        const teller::demo::StaffMember teller = teller::demo::staff().first();
        login->prefill(superuser.value(QStringLiteral("host")), superuser.value(QStringLiteral("port")).toInt(),
                       QString::fromUtf16(teller::demo::DatabaseName), QStringLiteral("disable"), QString::fromUtf16(teller.login),
                       QString::fromUtf16(teller::demo::Password));
        login->setHint(QApplication::translate("main", "<b>Demo.</b> Press Enter to sign in as Anna, a teller. Other demo "
                                                       "logins: <i>ben</i> (teller), <i>clara</i> (supervisor); password "
                                                       "<i>%1</i>. Try account 10000001.")
                           .arg(QString::fromUtf16(teller::demo::Password)));
    });
    QObject::connect(&demo, &DemoLauncher::failed, &window, [&](const QString &message) {
        progress.close();
        QMessageBox::critical(nullptr, QApplication::applicationDisplayName(),
                              QApplication::translate("main", "The demo database could not be started:\n%1").arg(message));
        QApplication::exit(1);
    });
    demo.start();
    progress.show();
    traceStartup(&progress, "window interactive (demo database starting)");
    return QApplication::exec();
}
