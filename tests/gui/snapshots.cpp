// teller_snapshots: renders the main screens to PNG (docs/screens/) and measures, on a private
// server seeded with the demo branch, how long sign-in, opening an account and submit-to-outcome
// take in the real window. Usage: teller_snapshots OUTPUT_DIR [ROUNDS [LANGUAGE [WIDTHxHEIGHT]]]
// (LANGUAGE en or de; the window at the size of a screen of WIDTHxHEIGHT, less a title bar).
#include <ActionForm.h>
#include <AmountValidator.h>
#include <DecisionDialog.h>
#include <LoginDialog.h>
#include <MainWindow.h>
#include <ReceiptDialog.h>
#include <ReviewDialog.h>
#include <SupervisorPanel.h>
#include <TillActions.h>
#include <TillCountDialog.h>
#include <Ui.h>
#include <VaultPage.h>

#include "Demo.h"
#include "LocalServer.h"
#include "Logging.h"
#include "TellerClient.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>

using namespace teller;

namespace {
QString g_out;

// A step that does not work ends the run (exit 1): the screenshots would show the wrong screen,
// the timings the wrong thing.
struct Failed : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

void save(QWidget *w, const char *name)
{
    QApplication::processEvents();
    const QString path = g_out + u'/' + QString::fromLatin1(name) + QStringLiteral(".png");
    if (!w->grab().save(path))
        throw Failed("cannot write " + path.toStdString());
    std::printf("wrote %s\n", qPrintable(path));
}

void waitFor(const char *what, const std::function<bool()> &condition, int ms = 15000)
{
    if (QTest::qWaitFor(condition, ms))
        return;
    // What the screens showed instead, for whoever looks into it.
    int n = 0;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->isVisible())
            w->grab().save(g_out + QStringLiteral("/failed-%1.png").arg(++n));
    }
    throw Failed(std::string("timed out waiting for ") + what + " (the screens: " + g_out.toStdString() + "/failed-*.png)");
}

// Keys go to the active window. Offscreen, nothing makes a window active by itself (and a
// message box that closed may leave none): the walk makes it so, as a teller's click would.
void activate(QWidget *w)
{
    QApplication::setActiveWindow(w);
    waitFor("the window to become active", [w] { return QApplication::activeWindow() == w; });
}

// Types a count of `target` into a till count's grid, largest notes first, line by line.
void typeCount(TillCountDialog *dialog, qint64 target)
{
    QList<QLineEdit *> lines;
    for (QLineEdit *e : dialog->findChildren<QLineEdit *>())
        if (e->objectName().startsWith(u"count_"))
            lines << e;
    std::sort(lines.begin(), lines.end(),
              [](QLineEdit *a, QLineEdit *b) { return a->objectName().mid(6).toLongLong() > b->objectName().mid(6).toLongLong(); });
    qint64 left = target;
    for (QLineEdit *e : lines) {
        const qint64 value = e->objectName().mid(6).toLongLong();
        const qint64 pieces = value > 0 ? left / value : 0;
        e->setFocus();
        e->selectAll();
        QTest::keyClicks(e, QString::number(pieces));
        left -= pieces * value;
    }
    if (left != 0)
        throw Failed("the notes and coins cannot make the count");
}

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}
} // namespace

int run(int argc, char *argv[])
{
    g_out = QString::fromLocal8Bit(argv[1]);
    const int rounds = argc > 2 ? std::max(1, atoi(argv[2])) : 20;
    const QString language = argc > 3 ? QString::fromLatin1(argv[3]) : QStringLiteral("en");
    QSize screen(1366, 768);
    if (argc > 4) {
        const QStringList wh = QString::fromLatin1(argv[4]).split(u'x');
        if (wh.size() != 2 || wh[0].toInt() < 900 || wh[1].toInt() < 600)
            throw Failed("the size is WIDTHxHEIGHT, at least 900x600");
        screen = QSize(wh[0].toInt(), wh[1].toInt());
    }
    if (language != u"en" && language != u"de")
        throw Failed("the language is en or de");
    QLocale::setDefault(QLocale(language));
    const QStringList loaded = ui::installTranslations(qApp, QLocale());
    if (language == u"de" && !loaded.contains(QStringLiteral("teller")))
        throw Failed("the German translation did not load");
    // The window as it opens maximised on that screen: a title bar and a panel take about 70 px.
    const QSize windowSize(screen.width(), screen.height() - 70);
    QDir().mkpath(g_out);
    // Amounts as a teller in that language types them ("10,00" in German).
    const auto typed = [&](QString amountText) { return language == u"de" ? amountText.replace(u'.', u',') : amountText; };

    LocalServer::Options options;
    options.baseDir = QDir::tempPath() + QStringLiteral("/teller-snap-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    options.ephemeral = true;
    LocalServer server(options);
    QElapsedTimer t;
    t.start();
    auto superuser = demo::startServer(server);
    if (!superuser) {
        std::fprintf(stderr, "demo server: %s\n", qPrintable(superuser.error().message));
        return 1;
    }
    std::printf("demo database (initdb, migrate, seed): %.0f ms\n", ms(t.nsecsElapsed()));

    TellerClient client;
    t.restart();
    MainWindow window(&client);
    LoginDialog *login = window.showSignIn(false);
    if (!QTest::qWaitForWindowExposed(login))
        throw Failed("the sign-in dialog never showed");
    const double toDialog = ms(t.nsecsElapsed());
    login->prefill(superuser->value(QStringLiteral("host")), superuser->value(QStringLiteral("port")).toInt(),
                   QString::fromUtf16(demo::DatabaseName), QStringLiteral("disable"), QStringLiteral("anna"),
                   QString::fromUtf16(demo::Password));
    // The words main() shows (translated in the same context).
    login->setHint(QApplication::translate("main", "<b>Demo.</b> Press Enter to sign in as Anna, a teller. Other demo "
                                                   "logins: <i>ben</i> (teller), <i>clara</i> (supervisor); password "
                                                   "<i>%1</i>. Try account 10000001.")
                       .arg(QString::fromUtf16(demo::Password)));
    login->adjustSize();
    save(login, "sign-in");

    t.restart();
    QTest::keyClick(login->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), Qt::Key_Return);
    waitFor("the window after sign-in", [&] { return window.isVisible(); });
    const double signIn = ms(t.nsecsElapsed());
    window.resize(windowSize);
    activate(&window);

    auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    t.restart();
    auto *results = window.findChild<QTableView *>(QStringLiteral("searchResults"));
    const auto firstResult = [&] {
        return results->model()->rowCount() > 0 ? results->model()->index(0, 0).data().toString() : QString();
    };
    QTest::keyClicks(search, QStringLiteral("M"));
    waitFor("search results for 'M'", [&] { return firstResult() == u"10000001"; });
    const double searchMs = ms(t.nsecsElapsed()); // includes the 120 ms typing pause
    search->clear();
    QTest::keyClicks(search, QStringLiteral("10000001"));
    waitFor("the search result 10000001", [&] { return results->model()->rowCount() == 1 && firstResult() == u"10000001"; });
    t.restart();
    QTest::keyClick(search, Qt::Key_Return);
    waitFor("the account to open", [&] { return window.currentAccount().has_value(); });
    const double openMs = ms(t.nsecsElapsed());

    ActionForm *withdraw = window.form(ActionKind::Withdrawal);
    auto *amount = withdraw->findChild<AmountField *>(QStringLiteral("amountEdit"));
    auto *title = withdraw->findChild<QLabel *>(QStringLiteral("outcomeTitle"));
    // Cash moves the till: said in the form before it is sent.
    QTest::keyClick(&window, Qt::Key_F2);
    QTest::keyClicks(amount, typed(QStringLiteral("10.00")));
    QTest::qWait(200);
    save(&window, "withdrawal-till");
    amount->clear();
    QList<double> submits;
    for (int i = 0; i < rounds; ++i) {
        QTest::keyClick(&window, Qt::Key_F2);
        amount->clear();
        QTest::keyClicks(amount, typed(QStringLiteral("10.00")));
        t.restart();
        QTest::keyClick(amount, Qt::Key_Return);
        waitFor("a withdrawal's outcome", [&] { return withdraw->state() == ActionForm::State::Finished; });
        submits << ms(t.nsecsElapsed());
        if (i + 1 < rounds)
            QTest::keyClick(&window, Qt::Key_Escape);
    }
    waitFor("the account's history",
            [&] { return window.findChild<QTableView *>(QStringLiteral("historyView"))->model()->rowCount() > 1; });
    QTest::qWait(200);
    save(&window, "withdrawal-completed");
    Q_UNUSED(title);

    // The receipt, as the teller opens it (Alt+R on the completed withdrawal), with the
    // workplace's names as the server gives them.
    waitFor("the workplace's names", [&] { return !client.workplace().bankName.isEmpty(); });
    activate(&window);
    QTest::keyClick(&window, Qt::Key_R, Qt::AltModifier);
    ReceiptDialog *receipt = nullptr;
    waitFor("the receipt", [&] { return (receipt = window.findChild<ReceiptDialog *>()) && receipt->isVisible(); });
    QTest::qWait(200);
    save(receipt, "receipt");
    const ReceiptContext context = ReceiptContext::fromWorkplace(client.workplace(), *withdraw->lastOutcome(),
                                                                 window.currentAccount() ? window.currentAccount()->holder : QString());
    if (const QString problem = ReceiptDialog::writePdf(
            ReceiptDialog::html(*withdraw->lastOutcome(), client.staff(), context, QLocale()), g_out + QStringLiteral("/receipt.pdf"),
            ReceiptDialog::Paper::A5);
        !problem.isEmpty())
        throw Failed("the receipt PDF: " + problem.toStdString());
    receipt->close();
    activate(&window);

    // More than the available, said at the field (it cannot be sent), and the live
    // validation of a transfer.
    QTest::keyClick(&window, Qt::Key_Escape);
    search->clear();
    QTest::keyClicks(search, QStringLiteral("10000005"));
    QTest::keyClick(search, Qt::Key_Return);
    waitFor("account 10000005", [&] { return window.currentAccount() && window.currentAccount()->number == u"10000005"; });
    QTest::keyClick(&window, Qt::Key_F2);
    QTest::keyClicks(amount, typed(QStringLiteral("100")));
    auto *submit = withdraw->findChild<QPushButton *>(QStringLiteral("submitButton"));
    waitFor("the amount refused at the field", [&] { return !submit->isEnabled(); });
    QTest::keyClick(amount, Qt::Key_Return);
    QTest::qWait(200);
    if (withdraw->action())
        throw Failed("an amount above the available was sent");
    save(&window, "withdrawal-over-available");

    QTest::keyClick(&window, Qt::Key_F4);
    ActionForm *transfer = window.form(ActionKind::Transfer);
    QTest::keyClicks(transfer->findChild<QLineEdit *>(QStringLiteral("targetEdit")), QStringLiteral("20000001"));
    QTest::qWait(600);
    QTest::keyClicks(transfer->findChild<AmountField *>(QStringLiteral("amountEdit")), typed(QStringLiteral("12.345")));
    QTest::qWait(100);
    save(&window, "transfer-validation");

    // End of the day, with a difference: Anna counts 20.00 EUR less than the book (F8).
    QTest::keyClick(&window, Qt::Key_Escape);
    activate(&window);
    QTest::keyClick(&window, Qt::Key_F8);
    TillCountDialog *count = nullptr;
    waitFor("the till count (close)", [&] {
        count = window.findChild<TillCountDialog *>(QStringLiteral("tillCountDialog"));
        return count && count->isVisible() && count->state() == TillCountDialog::State::Editing && count->expected();
    });
    count->resize(std::min(1200, windowSize.width() - 40), std::min(760, windowSize.height() - 40));
    typeCount(count, count->expected()->minorUnits() - 2000);
    QTest::qWait(200);
    save(count, "till-close");
    QTest::keyClick(count->findChild<QPushButton *>(QStringLiteral("recordButton")), Qt::Key_Return);
    waitFor("the count's confirmation", [&] { return count->state() == TillCountDialog::State::Confirming; });
    QTest::keyClick(count->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::Key_Return);
    waitFor("the count recorded", [&] { return count->state() == TillCountDialog::State::Finished; });
    QTest::qWait(200);
    save(count, "till-close-difference");
    count->close();

    // The supervisor: the vault page, Anna's till with the difference waiting; decided there.
    TellerClient supervisorClient;
    MainWindow supervisor(&supervisorClient);
    LoginDialog *supervisorLogin = supervisor.showSignIn(false);
    if (!QTest::qWaitForWindowExposed(supervisorLogin))
        throw Failed("the supervisor's sign-in dialog never showed");
    supervisorLogin->prefill(superuser->value(QStringLiteral("host")), superuser->value(QStringLiteral("port")).toInt(),
                             QString::fromUtf16(demo::DatabaseName), QStringLiteral("disable"), QStringLiteral("clara"),
                             QString::fromUtf16(demo::Password));
    QTest::keyClick(supervisorLogin->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), Qt::Key_Return);
    waitFor("the supervisor's window", [&] { return supervisor.isVisible(); });
    supervisor.resize(windowSize);
    activate(&supervisor);
    supervisor.showSupervision();
    auto *tabs = supervisor.supervisorPanel()->findChild<QTabWidget *>(QStringLiteral("supervisorTabs"));
    VaultPage *vault = supervisor.supervisorPanel()->vaultPage();
    tabs->setCurrentWidget(vault);
    auto *tills = vault->findChild<QTableView *>(QStringLiteral("vaultTillsView"));
    const auto differenceRow = [&] {
        for (int row = 0; row < tills->model()->rowCount(); ++row)
            if (tills->model()->index(row, 0).data(TillTableModel::DifferenceRole).toBool())
                return row;
        return -1;
    };
    waitFor("Anna's till with its difference on the vault page", [&] { return differenceRow() >= 0; });
    tills->setFocus();
    tills->setCurrentIndex(tills->model()->index(differenceRow(), 0));
    QTest::qWait(300);
    save(&supervisor, "vault-page");
    QTest::keyClick(&supervisor, Qt::Key_I, Qt::AltModifier); // Decide the difference…
    DecisionDialog *decision = nullptr;
    waitFor("the decision on the difference",
            [&] { return (decision = supervisor.findChild<DecisionDialog *>()) && decision->isVisible(); });
    activate(decision);
    QTest::qWait(100);
    save(decision, "vault-decision");
    QTest::keyClick(decision->findChild<QLineEdit *>(QStringLiteral("decisionNoteEdit")), Qt::Key_Return);
    waitFor("the difference decided", [&] { return differenceRow() < 0; });
    supervisor.hide();

    // The next morning: Anna opens her till with the count the book expects (F7).
    activate(&window);
    QTest::keyClick(&window, Qt::Key_F7);
    TillCountDialog *open = nullptr;
    waitFor("the till count (open)", [&] {
        open = window.findChild<TillCountDialog *>(QStringLiteral("tillCountDialog"));
        return open && open->mode() == TillCountDialog::Mode::Open && open->isVisible()
               && open->state() == TillCountDialog::State::Editing && open->expected();
    });
    open->resize(std::min(900, windowSize.width() - 40), std::min(760, windowSize.height() - 40));
    typeCount(open, open->expected()->minorUnits());
    QTest::qWait(200);
    save(open, "till-open");
    QTest::keyClick(open->findChild<QPushButton *>(QStringLiteral("recordButton")), Qt::Key_Return);
    waitFor("the opening count's confirmation", [&] { return open->state() == TillCountDialog::State::Confirming; });
    QTest::keyClick(open->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::Key_Return);
    waitFor("the till open", [&] { return open->state() == TillCountDialog::State::Finished; });
    open->close();
    activate(&window);

    // The supervisor's panel: two requests above Anna's limit (1,000.00 EUR), seen by Clara.
    QTest::keyClick(&window, Qt::Key_F2);
    const std::pair<const char *, const char *> requests[] = {{"10000004", "1500.00"}, {"10000009", "2200.00"}};
    for (const auto &[account, sum] : requests) {
        if (withdraw->state() == ActionForm::State::Pending) {
            // Esc asks before it leaves an operation waiting for a supervisor: Yes.
            QTimer::singleShot(100, [] {
                if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                    box->button(QMessageBox::Yes)->click();
            });
        }
        QTest::keyClick(&window, Qt::Key_Escape);
        activate(&window);
        waitFor("a new operation", [&] { return withdraw->state() == ActionForm::State::Editing; });
        search->clear();
        QTest::keyClicks(search, QString::fromLatin1(account));
        QTest::keyClick(search, Qt::Key_Return);
        waitFor("the account to open",
                [&] { return window.currentAccount() && window.currentAccount()->number == QString::fromLatin1(account); });
        QTest::keyClick(&window, Qt::Key_F2);
        QTest::keyClicks(amount, typed(QString::fromLatin1(sum)));
        QTest::keyClick(amount, Qt::Key_Return);
        // From 1,000.00 on, a summary to confirm first.
        ReviewDialog *review = nullptr;
        waitFor("the review before sending", [&] { return (review = window.findChild<ReviewDialog *>()) && review->isVisible(); });
        activate(review);
        QTest::qWait(100);
        if (std::strcmp(account, "10000004") == 0)
            save(review, "review");
        QTest::keyClick(review->findChild<QPushButton *>(QStringLiteral("confirmReviewButton")), Qt::Key_Return);
        activate(&window);
        waitFor("a withdrawal waiting for approval", [&] { return withdraw->state() == ActionForm::State::Pending; });
    }
    QTest::qWait(200);
    save(&window, "withdrawal-pending");
    // My open items keep both when the form moves on.
    QTimer::singleShot(100, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Yes)->click();
    });
    QTest::keyClick(&window, Qt::Key_Escape);
    activate(&window);
    waitFor("my open items", [&] { return window.findChild<QListView *>(QStringLiteral("openItemsView"))->model()->rowCount() == 2; });
    QTest::keyClick(&window, Qt::Key_Y, Qt::AltModifier);
    QTest::qWait(200);
    save(&window, "open-items");
    supervisor.show();
    supervisor.resize(windowSize);
    activate(&supervisor);
    tabs->setCurrentIndex(0);
    supervisor.showSupervision();
    waitFor("two pending operations in the panel", [&] { return supervisor.supervisorPanel()->pendingCount() == 2; });
    // Nothing is selected until the supervisor chooses: Down selects the first, its details show.
    activate(&supervisor);
    auto *queue = supervisor.supervisorPanel()->findChild<QTableView *>(QStringLiteral("pendingView"));
    queue->setFocus();
    QTest::keyClick(queue, Qt::Key_Down);
    waitFor("the first pending operation to be selected", [&] { return queue->currentIndex().isValid(); });
    QTest::qWait(300);
    save(&supervisor, "supervisor-panel");
    supervisor.hide();

    std::sort(submits.begin(), submits.end());
    const auto pct = [&](double p) {
        return submits.at(std::min<qsizetype>(submits.size() - 1, qsizetype(p * double(submits.size()))));
    };
    std::printf("window to sign-in dialog: %.1f ms\n", toDialog);
    std::printf("sign-in (Enter to window shown): %.1f ms\n", signIn);
    std::printf("search as you type ('M', typing pause included): %.1f ms\n", searchMs);
    std::printf("open account (Enter to details and history): %.1f ms\n", openMs);
    std::printf("submit-to-outcome over %d withdrawals: p50 %.1f ms, p90 %.1f ms, max %.1f ms\n", int(submits.size()), pct(0.5),
                pct(0.9), submits.last());
    window.hide();
    return 0;
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("teller-snapshots"));
    initializeProcess();
    QLoggingCategory::setFilterRules(QStringLiteral("teller.*.info=false\nteller.*.warning=false"));
    if (argc < 2) {
        std::fprintf(stderr, "usage: teller_snapshots OUTPUT_DIR [ROUNDS]\n");
        return 2;
    }
    try {
        return run(argc, argv);
    } catch (const Failed &e) {
        std::fprintf(stderr, "teller_snapshots: %s\n", e.what());
        return 1;
    }
}
