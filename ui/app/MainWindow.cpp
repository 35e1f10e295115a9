#include "MainWindow.h"

#include "AccountModels.h"
#include "ActionForm.h"
#include "AppSettings.h"
#include "LoginDialog.h"
#include "OpenItems.h"
#include "PasswordDialog.h"
#include "ReceiptDialog.h"
#include "ReconcileDialog.h"
#include "ReversalDialog.h"
#include "SettingsDialog.h"
#include "SupervisorPanel.h"
#include "TillActions.h"
#include "TillCountDialog.h"
#include "Ui.h"
#include "VaultPage.h"

#include "TellerClient.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkInformation>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace teller;

namespace {
// Keys pressed in the search field that belong to the results list.
class SearchKeys : public QObject
{
public:
    SearchKeys(QTableView *results, std::function<void()> activate, QObject *parent)
        : QObject(parent), m_results(results), m_activate(std::move(activate))
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const auto *keyEvent = static_cast<QKeyEvent *>(event);
            const int key = keyEvent->key();
            if ((key == Qt::Key_Down || key == Qt::Key_PageDown) && m_results->model()->rowCount() > 0) {
                m_results->setFocus();
                if (!m_results->currentIndex().isValid())
                    m_results->setCurrentIndex(m_results->model()->index(0, 0));
                return true;
            }
            if (key == Qt::Key_Return || key == Qt::Key_Enter) {
                // Enter held down opens the account once; the repeats would reach the amount
                // field of the opened account.
                if (!keyEvent->isAutoRepeat())
                    m_activate();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QTableView *m_results;
    std::function<void()> m_activate;
};

QLabel *valueLabel(QWidget *parent, const char *name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QString::fromLatin1(name));
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}
} // namespace

MainWindow::MainWindow(TellerClient *client, QWidget *parent) : QMainWindow(parent), m_client(client)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Teller"));
    setWindowIcon(QIcon(QStringLiteral(":/teller/icons/teller-256.png")));
    buildUi();
    buildMenus();

    connect(client, &TellerClient::signedIn, this, &MainWindow::onSignedIn);
    connect(client, &TellerClient::signInFailed, this, [this](const Error &e) {
        if (m_login) {
            m_login->setBusy(false);
            m_login->showError(e.message);
        }
    });
    connect(client, &TellerClient::searchFinished, this, [this](quint64 id, const QList<AccountInfo> &accounts) {
        if (id != m_searchRequest)
            return;
        m_resultsModel->setAccounts(accounts);
        m_resultsText = m_searchText;
        m_resultsNote->hide();
        if (!accounts.isEmpty())
            m_results->setCurrentIndex(m_resultsModel->index(0, 0));
        notify(accounts.isEmpty() ? tr("No account found.") : QString(), 3000);
        if (m_openWhenFound) {
            m_openWhenFound = false;
            if (!accounts.isEmpty())
                selectAccount(accounts.first().number);
        }
    });
    connect(client, &TellerClient::accountLoaded, this, &MainWindow::onAccountLoaded);
    connect(client, &TellerClient::accountNotFound, this, [this](quint64 id, const QString &number) {
        if (id == m_accountRequest)
            notify(tr("There is no account %1.").arg(number), 5000);
    });
    connect(client, &TellerClient::readFailed, this, [this](quint64 id, const Error &e) {
        if (id == m_searchRequest) {
            // The list still shows what an earlier search found: never as if it were current.
            m_resultsNote->setText(tr("The list could not be refreshed (the server cannot be reached): what it shows may "
                                      "be out of date."));
            m_resultsNote->setToolTip(e.message);
            m_resultsNote->show();
        } else if (id == m_accountRequest) {
            notify(e.message, 8000);
        }
        if (id == m_tillRequest)
            m_tillLabel->setText(tr("Your till could not be read: %1").arg(e.message));
    });
    connect(client, &TellerClient::tillsLoaded, this, [this](quint64 id, const QList<TillInfo> &tills) {
        if (id != m_tillRequest)
            return;
        const QLocale l = locale();
        QStringList open, closed;
        for (const TillInfo &t : tills) {
            if (t.open)
                open << t.available().toDisplayWithCode(l);
            else
                closed << t.currency.code();
        }
        QString text = open.isEmpty() ? tr("Your till is not open: no cash can go out or come in.")
                                      : tr("Your till: %1").arg(open.join(QStringLiteral("  ·  ")));
        if (!open.isEmpty() && !closed.isEmpty())
            text += QStringLiteral("  ·  ") + tr("not open: %1").arg(closed.join(QStringLiteral(", ")));
        m_tillLabel->setText(text);
        m_tillLabel->setStyleSheet(open.isEmpty() ? QStringLiteral("color: %1;").arg(ui::Warn.name()) : QString());
        for (ActionForm *f : m_forms)
            f->setTills(tills);
    });
    m_tillTimer.setInterval(30000);
    connect(&m_tillTimer, &QTimer::timeout, this, &MainWindow::refreshTills);
    connect(client, &TellerClient::connectionStateChanged, this, &MainWindow::onConnectionState);
    connect(client, &TellerClient::reconciled, this, [this](const QList<ReconcileItem> &items) {
        m_openItems->addReconciled(items);
        auto *dialog = new ReconcileDialog(m_client, items, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::finished, this, &MainWindow::refreshAccount);
        dialog->open();
    });
    connect(client, &TellerClient::journalProblem, this,
            [this](const QString &message) { QMessageBox::warning(this, tr("Local journal"), message); });
    connect(client, &TellerClient::actionFinished, this, [this](const Outcome &outcome) {
        if (m_reprintKey && outcome.key == *m_reprintKey) {
            m_reprintKey.reset();
            if (outcome.status == OutcomeStatus::Completed)
                showReceipt(outcome, QString(), QString(), true);
            else
                notify(tr("The receipt could not be printed again: %1")
                           .arg(outcome.message.isEmpty() ? ui::operationStatusText(outcome.status) : outcome.message),
                       8000);
        }
        if (m_closeWhenIdle && !m_client->actionInFlight()) {
            m_closeWhenIdle = false;
            QTimer::singleShot(0, this, &QWidget::close);
        }
    });

    m_searchDebounce.setSingleShot(true);
    m_searchDebounce.setInterval(120);
    connect(&m_searchDebounce, &QTimer::timeout, this, [this] {
        m_searchText = m_search->text();
        if (m_searchText.trimmed().isEmpty()) {
            m_resultsModel->setAccounts({});
            m_resultsText = m_searchText;
            m_searchRequest = 0;
            return;
        }
        m_searchRequest = m_client->searchAccounts(m_searchText);
    });

    const auto &s = AppSettings::instance();
    restoreGeometry(s.value(settingkeys::WindowGeometry).toByteArray());
    restoreState(s.value(settingkeys::WindowState).toByteArray());
    watchNetwork();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi()
{
    // Left: find an account.
    auto *searchPanel = new QWidget(this);
    m_search = new QLineEdit(searchPanel);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Account number or holder's name"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(QIcon(QStringLiteral(":/teller/icons/search.png")), QLineEdit::LeadingPosition);
    auto *searchLabel = new QLabel(tr("F&ind account (Ctrl+F):"), searchPanel);
    searchLabel->setBuddy(m_search);
    m_results = new QTableView(searchPanel);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_resultsModel = new AccountTableModel(this);
    m_results->setModel(m_resultsModel);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_results->horizontalHeader()->setSectionResizeMode(AccountTableModel::Holder, QHeaderView::Stretch);
    m_results->setWordWrap(false);
    m_results->verticalHeader()->setDefaultSectionSize(m_results->fontMetrics().height() + 8);
    m_results->setTabKeyNavigation(false);
    m_results->setAccessibleName(tr("Accounts found"));
    m_resultsNote = new QLabel(searchPanel);
    m_resultsNote->setObjectName(QStringLiteral("resultsNote"));
    m_resultsNote->setWordWrap(true);
    m_resultsNote->setStyleSheet(QStringLiteral("color: %1;").arg(ui::Warn.name()));
    m_resultsNote->hide();
    // My open items: what is not finished, for the whole session.
    m_openItems = new OpenItemsModel(m_client, this);
    m_openItemsView = new QListView(searchPanel);
    m_openItemsView->setObjectName(QStringLiteral("openItemsView"));
    m_openItemsView->setModel(m_openItems);
    m_openItemsView->setWordWrap(true);
    m_openItemsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_openItemsView->setAccessibleName(tr("My open items"));
    m_openItemsView->setToolTip(tr("Enter: go to the operation or its account · Del: done (paid out, or the customer is told)"));
    m_openItemsLabel = new QLabel(tr("M&y open items: none"), searchPanel);
    m_openItemsLabel->setObjectName(QStringLiteral("openItemsLabel"));
    m_openItemsLabel->setBuddy(m_openItemsView);
    connect(m_openItems, &OpenItemsModel::countChanged, this, [this](int count) {
        m_openItemsLabel->setText(count ? tr("M&y open items: %1").arg(count) : tr("M&y open items: none"));
        if (count && !m_openItemsView->currentIndex().isValid())
            m_openItemsView->setCurrentIndex(m_openItems->index(0));
    });
    connect(m_openItemsView, &QListView::activated, this, &MainWindow::activateOpenItem);
    ui::ignoreHeldEnter(m_openItemsView);
    auto *dismiss = new QShortcut(QKeySequence::Delete, m_openItemsView, nullptr, nullptr, Qt::WidgetShortcut);
    connect(dismiss, &QShortcut::activated, this, [this] {
        const QModelIndex index = m_openItemsView->currentIndex();
        if (index.isValid())
            m_openItems->dismiss(index.row());
    });
    auto *searchLayout = new QVBoxLayout(searchPanel);
    searchLayout->addWidget(searchLabel);
    searchLayout->addWidget(m_search);
    searchLayout->addWidget(m_resultsNote);
    searchLayout->addWidget(m_results, 3);
    searchLayout->addWidget(m_openItemsLabel);
    searchLayout->addWidget(m_openItemsView, 1);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        m_openWhenFound = false;
        m_searchDebounce.start();
    });
    m_search->installEventFilter(new SearchKeys(
        m_results, [this] { activateSearchResult(); }, this));
    connect(m_results, &QTableView::activated, this, [this] { activateSearchResult(); });
    ui::ignoreHeldEnter(m_results);

    // Right: the account, the forms, the history.
    auto *accountBox = new QGroupBox(tr("Account"), this);
    accountBox->setObjectName(QStringLiteral("accountBox"));
    m_holder = valueLabel(accountBox, "holderLabel");
    QFont big = m_holder->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_holder->setFont(big);
    m_number = valueLabel(accountBox, "numberLabel");
    m_status = valueLabel(accountBox, "statusLabel");
    m_balance = valueLabel(accountBox, "balanceLabel");
    m_held = valueLabel(accountBox, "heldLabel");
    m_available = valueLabel(accountBox, "availableLabel");
    QFont bold = m_available->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_available->setFont(bold);
    auto *grid = new QGridLayout(accountBox);
    grid->addWidget(m_holder, 0, 0, 1, 4);
    const auto addPair = [&](int row, int col, const QString &caption, QLabel *value) {
        auto *c = new QLabel(caption, accountBox);
        c->setStyleSheet(QStringLiteral("color: palette(mid);"));
        grid->addWidget(c, row, col);
        grid->addWidget(value, row, col + 1);
    };
    addPair(1, 0, tr("Number:"), m_number);
    addPair(2, 0, tr("Status:"), m_status);
    addPair(1, 2, tr("Balance:"), m_balance);
    addPair(2, 2, tr("Held:"), m_held);
    addPair(3, 2, tr("Available:"), m_available);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("actionTabs"));
    const std::pair<ActionKind, QString> kinds[] = {
        {ActionKind::Withdrawal, tr("Withdraw (F2)")},
        {ActionKind::Deposit, tr("Deposit (F3)")},
        {ActionKind::Transfer, tr("Transfer (F4)")},
    };
    for (const auto &[kind, title] : kinds) {
        auto *f = new ActionForm(kind, m_client, m_tabs);
        m_forms << f;
        m_tabs->addTab(f, f->findChild<QPushButton *>(QStringLiteral("submitButton"))->icon(), title);
        connect(f, &ActionForm::outcomeShown, this, [this] {
            refreshAccount();
            refreshTills();
        });
        connect(f, &ActionForm::receiptRequested, this, [this](const Outcome &outcome, const QString &customer, const QString &payee) {
            showReceipt(outcome, customer, payee);
        });
        connect(f, &ActionForm::stateChanged, this, [this, f] { trackForm(f); });
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (auto *f = currentForm())
            f->focusEntry();
    });

    auto *historyLabel = new QLabel(tr("Recent operations"), this);
    m_history = new QTableView(this);
    m_history->setObjectName(QStringLiteral("historyView"));
    m_historyModel = new OperationTableModel(this);
    m_history->setModel(m_historyModel);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->verticalHeader()->hide();
    m_history->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->horizontalHeader()->setSectionResizeMode(OperationTableModel::Status, QHeaderView::Stretch);
    m_history->setWordWrap(false);
    m_history->verticalHeader()->setDefaultSectionSize(m_history->fontMetrics().height() + 8);
    m_history->setTabKeyNavigation(false);
    m_history->setAccessibleName(tr("Recent operations"));
    historyLabel->setBuddy(m_history);
    m_reverse = new QPushButton(tr("Re&verse…"), this);
    m_reverse->setObjectName(QStringLiteral("reverseButton"));
    m_reverse->setToolTip(tr("Ask for the selected operation to be undone, with a reason: a supervisor decides (Alt+V)"));
    m_reverse->setEnabled(false);
    connect(m_reverse, &QPushButton::clicked, this, &MainWindow::reverseSelected);
    connect(m_history->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::updateHistoryActions);
    connect(m_historyModel, &QAbstractItemModel::modelReset, this, [this] {
        // Refreshed while the teller is in the list: they stay on a row, never on nothing.
        if (m_history->hasFocus() && m_historyModel->rowCount() > 0)
            m_history->setCurrentIndex(m_historyModel->index(0, 0));
        updateHistoryActions();
    });
    m_reprint = new QPushButton(tr("Recei&pt again…"), this);
    m_reprint->setObjectName(QStringLiteral("reprintButton"));
    m_reprint->setToolTip(tr("Print the receipt of the selected operation again, from the server's record"));
    m_reprint->setEnabled(false);
    connect(m_reprint, &QPushButton::clicked, this, &MainWindow::reprintSelected);
    auto *historyHeader = new QHBoxLayout;
    historyHeader->addWidget(historyLabel);
    historyHeader->addStretch(1);
    historyHeader->addWidget(m_reprint);
    historyHeader->addWidget(m_reverse);

    m_tillLabel = new QLabel(this);
    m_tillLabel->setObjectName(QStringLiteral("tillLabel"));
    m_tillLabel->setAccessibleName(tr("Your till"));
    m_tillLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont tillFont = m_tillLabel->font();
    tillFont.setBold(true);
    m_tillLabel->setFont(tillFont);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(m_tillLabel);
    rightLayout->addWidget(accountBox);
    rightLayout->addWidget(m_tabs, 3);
    rightLayout->addLayout(historyHeader);
    rightLayout->addWidget(m_history, 2);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(searchPanel);
    splitter->addWidget(right);
    // A wider window widens the list of accounts too (names like "Müller & Söhne GmbH").
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({360, 720});
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(splitter, tr("Desk (Ctrl+1)"));
    m_pages->tabBar()->setVisible(false); // a second page only for supervisors
    setCentralWidget(m_pages);

    m_staffLabel = new QLabel(this);
    m_staffLabel->setObjectName(QStringLiteral("staffLabel"));
    m_serverLabel = new QLabel(this);
    m_serverLabel->setObjectName(QStringLiteral("serverLabel"));
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_networkLabel = new QLabel(this);
    m_networkLabel->setObjectName(QStringLiteral("networkLabel"));
    m_networkLabel->setVisible(false);
    // Messages of the moment: a label of their own, wrapped onto a second line rather than cut
    // off, never drawn over the permanent part.
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("noticeLabel"));
    m_notice->setWordWrap(true);
    m_notice->setAccessibleName(tr("Message"));
    m_notice->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_noticeTimer.setSingleShot(true);
    connect(&m_noticeTimer, &QTimer::timeout, m_notice, &QLabel::clear);
    statusBar()->addWidget(m_notice, 1);
    statusBar()->addPermanentWidget(m_staffLabel);
    statusBar()->addPermanentWidget(m_serverLabel);
    statusBar()->addPermanentWidget(m_networkLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);

    setTabOrder(m_search, m_results);
    setTabOrder(m_results, m_tabs);
    showAccount(std::nullopt);
    // Resizable, from a size that fits a 1366x768 screen with a title bar and a panel; the
    // first size fits the screen it opens on (a saved geometry replaces it).
    setMinimumSize(900, 560);
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1366, 728);
    resize(std::min(1180, screen.width() - 40), std::min(800, screen.height() - 60));
}

void MainWindow::buildMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    auto *signOut = file->addAction(tr("Sign &out"), this, &MainWindow::signOut);
    signOut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    auto *password = file->addAction(tr("Change &password…"), this, [this] { changePassword(false); });
    password->setObjectName(QStringLiteral("changePasswordAction"));
    file->addAction(tr("&Settings…"), this, [this] {
        SettingsDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            notify(tr("Saved. A new language is used from the next start."), 8000);
    });
    file->addSeparator();
    auto *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto *ops = menuBar()->addMenu(tr("&Operations"));
    auto *find = ops->addAction(QIcon(QStringLiteral(":/teller/icons/search.png")), tr("&Find account"), this, &MainWindow::focusSearch);
    find->setShortcuts({QKeySequence::Find, QKeySequence(Qt::Key_F6)});
    ops->addSeparator();
    const std::tuple<ActionKind, QString, Qt::Key> items[] = {
        {ActionKind::Withdrawal, tr("&Withdraw"), Qt::Key_F2},
        {ActionKind::Deposit, tr("&Deposit"), Qt::Key_F3},
        {ActionKind::Transfer, tr("&Transfer"), Qt::Key_F4},
    };
    for (const auto &[kind, text, key] : items) {
        auto *a = ops->addAction(form(kind)->findChild<QPushButton *>(QStringLiteral("submitButton"))->icon(), text, this,
                                 [this, k = kind] { showForm(k); });
        a->setShortcut(QKeySequence(key));
    }
    ops->addSeparator();
    auto *refresh = ops->addAction(tr("&Refresh account"), this, [this] {
        refreshAccount();
        refreshTills();
    });
    refresh->setShortcut(QKeySequence::Refresh);
    auto *history = ops->addAction(tr("Recent op&erations"), this, [this] {
        m_pages->setCurrentIndex(0);
        m_history->setFocus();
        if (!m_history->currentIndex().isValid() && m_historyModel->rowCount() > 0)
            m_history->setCurrentIndex(m_historyModel->index(0, 0));
    });
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    ops->addSeparator();
    auto *desk = ops->addAction(tr("De&sk"), this, &MainWindow::showDesk);
    desk->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    auto *supervision = ops->addAction(tr("Su&pervision (pending approvals)"), this, &MainWindow::showSupervision);
    supervision->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));

    // --- The till (ui/till): open and close with a count, the blotter. -------------------
    m_till = new TillActions(m_client, this);
    m_till->addMenu(menuBar());
    connect(m_till, &TillActions::tillChanged, this, &MainWindow::refreshTills);
    // --- end of the till -------------------------------------------------------------------

    auto *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard"), this, [this] {
        QMessageBox::information(this, tr("Keyboard"),
                                 tr("Ctrl+F  find an account (Down to the list, Enter to open it)\n"
                                    "F2 / F3 / F4  withdraw / deposit / transfer\n"
                                    "Enter  carry out the operation\n"
                                    "Esc  clear the form, or start a new operation\n"
                                    "F5  refresh the account\n"
                                    "Ctrl+H  the account's recent operations (Alt+V reverse the selected one)\n"
                                    "F7 / F8 / F9  open the till / close the till / the blotter\n"
                                    "Alt+Y  my open items (Enter goes to one, Del when it is done)\n"
                                    "Ctrl+Shift+L  sign out    Ctrl+Q  quit"));
    });
    help->addAction(tr("&About Teller"), this, [this] {
        QMessageBox::about(this, tr("About Teller"),
                           tr("<b>Teller</b> %1<br>Withdrawals, deposits and transfers, each carried out exactly once.")
                               .arg(QStringLiteral(TELLER_VERSION)));
    });

    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, this, [this] {
        if (m_pages->currentIndex() != 0)
            return;
        if (auto *f = currentForm())
            f->cancel();
    });
}

ActionForm *MainWindow::form(ActionKind kind) const
{
    for (ActionForm *f : m_forms) {
        if (f->kind() == kind)
            return f;
    }
    return nullptr;
}

ActionForm *MainWindow::currentForm() const
{
    return qobject_cast<ActionForm *>(m_tabs->currentWidget());
}

void MainWindow::showForm(ActionKind kind)
{
    m_pages->setCurrentIndex(0);
    ActionForm *f = form(kind);
    m_tabs->setCurrentWidget(f);
    f->focusEntry();
}

void MainWindow::showSupervision()
{
    if (!m_panel)
        return;
    m_pages->setCurrentWidget(m_panel);
    m_panel->focusQueue();
}

void MainWindow::showDesk()
{
    m_pages->setCurrentIndex(0);
    focusSearch();
}

void MainWindow::focusSearch()
{
    m_pages->setCurrentIndex(0);
    m_search->setFocus();
    m_search->selectAll();
}

LoginDialog *MainWindow::showSignIn(bool quitOnCancel)
{
    auto *dialog = new LoginDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_login = dialog;
    connect(dialog, &LoginDialog::signInRequested, this, [this, dialog] {
        auto settings = dialog->connectionSettings();
        if (!settings)
            return;
        dialog->setBusy(true);
        m_client->signIn(*settings, AppSettings::instance().sessionOptions());
    });
    if (quitOnCancel)
        connect(
            dialog, &QDialog::rejected, this,
            [this] {
                // Quitting goes through the window's close, which warns about what is unfinished;
                // if the teller stays, the sign-in comes back.
                if (close())
                    QApplication::quit();
                else if (!m_closeWhenIdle)
                    showSignIn();
            },
            Qt::QueuedConnection);
    dialog->show();
    return dialog;
}

void MainWindow::onSignedIn(const StaffInfo &staff, const QString &server, bool encrypted)
{
    m_staff = staff;
    if (m_login) {
        m_login->remember();
        m_login->accept();
    }
    const qint64 reviewFrom = AppSettings::instance().system().reviewFrom.value_or(WorkstationConfig::DefaultReviewFrom);
    for (ActionForm *f : m_forms) {
        f->setStaff(staff);
        f->setReviewFrom(reviewFrom);
    }
    m_staffLabel->setText(tr("Signed in: %1 (%2)").arg(staff.displayName, ui::staffRoleText(staff.role)));
    // Supervisors get the pending-operations panel as a second page.
    if (staff.role == StaffRole::Supervisor && !m_panel) {
        m_panel = new SupervisorPanel(m_client, m_pages);
        m_pages->addTab(m_panel, tr("Supervision (Ctrl+2)"));
        m_pages->tabBar()->setVisible(true);
        connect(m_panel, &SupervisorPanel::pendingCountChanged, this, [this](int count) {
            m_pages->setTabText(1, count ? tr("Supervision: %1 pending (Ctrl+2)").arg(count) : tr("Supervision (Ctrl+2)"));
        });
        m_panel->refresh();
    } else if (staff.role != StaffRole::Supervisor) {
        removeSupervision();
    }
    // The database by its name; where it is (hosts, ports, a socket's path) is for IT, in the tool tip.
    const QString database = server.section(u'/', -1);
    m_serverLabel->setText(encrypted ? tr("Database %1 · encrypted").arg(database) : tr("Database %1 · not encrypted").arg(database));
    m_serverLabel->setToolTip(server);
    onConnectionState(true, server);
    setWindowTitle(tr("Teller — %1").arg(staff.displayName));
    refreshTills();
    m_tillTimer.start();
    // The till: offered to open when it is not (not before a password that must change).
    m_till->signedIn(staff, !staff.mustChangePassword);
    show();
    raise();
    activateWindow();
    focusSearch();
    Q_EMIT signedIn();
    // A password an administrator set moves no money: the member chooses their own first.
    if (staff.mustChangePassword)
        changePassword(true);
}

void MainWindow::changePassword(bool forced)
{
    // Window-modal, not a nested event loop: the window keeps answering the client meanwhile.
    auto *dialog = new PasswordDialog(m_client, forced, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        m_staff.mustChangePassword = false;
        notify(tr("Your password is changed. Use it from the next sign-in on."), 8000);
    });
    dialog->open();
}

void MainWindow::removeSupervision()
{
    if (!m_panel)
        return;
    m_pages->removeTab(1);
    m_panel->deleteLater();
    m_panel = nullptr;
    m_pages->tabBar()->setVisible(false);
}

void MainWindow::signOut()
{
    if (m_client->actionInFlight()) {
        notify(tr("An operation is still being confirmed."), 5000);
        return;
    }
    if (!confirmLeavingUnfinished(true))
        return;
    m_client->signOut();
    clearSession();
    saveWindowState();
    hide();
    showSignIn();
}

void MainWindow::clearSession()
{
    // The next staff member sees nothing of the previous one's customers or operations.
    m_search->clear();
    m_searchDebounce.stop();
    m_searchText.clear();
    m_resultsText.clear();
    m_searchRequest = 0;
    m_accountRequest = 0;
    m_openWhenFound = false;
    m_resultsModel->setAccounts({});
    m_resultsNote->hide();
    for (ActionForm *f : m_forms) {
        f->reset();
        f->setTills(std::nullopt);
    }
    m_formKeys.clear();
    m_openItems->clear();
    m_tillTimer.stop();
    m_tillRequest = 0;
    m_till->signedOut();
    m_tillLabel->clear();
    showAccount(std::nullopt);
    removeSupervision();
    m_pages->setCurrentIndex(0);
    m_tabs->setCurrentIndex(0);
    notify(QString());
    m_staffLabel->clear();
    m_staff = {};
    setWindowTitle(tr("Teller"));
}

void MainWindow::notify(const QString &message, int timeoutMs)
{
    m_notice->setText(message);
    m_notice->setToolTip(message);
    // A message longer than the room left of the permanent part takes a second line (the status
    // bar grows while it is shown) instead of being cut off.
    const QFontMetrics fm = m_notice->fontMetrics();
    m_notice->setMinimumHeight(fm.horizontalAdvance(message) > m_notice->width() ? fm.lineSpacing() * 2 + 2 : 0);
    if (timeoutMs > 0 && !message.isEmpty())
        m_noticeTimer.start(timeoutMs);
    else
        m_noticeTimer.stop();
}

void MainWindow::onConnectionState(bool connected, const QString &detail)
{
    m_connectionLabel->setText(connected ? tr("● Connected") : tr("● Connection lost — reconnecting"));
    m_connectionLabel->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg((connected ? ui::Good : ui::Bad).name()));
    m_connectionLabel->setToolTip(detail);
}

void MainWindow::watchNetwork()
{
    // Where the platform can tell (NetworkManager, Windows, macOS), show when the workstation
    // itself is offline, and check the database connection as soon as the network returns.
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    QNetworkInformation *info = QNetworkInformation::instance();
    const auto update = [this](QNetworkInformation::Reachability r) {
        const bool offline = r == QNetworkInformation::Reachability::Disconnected;
        m_networkLabel->setVisible(offline);
        m_networkLabel->setText(tr("Network: offline"));
        m_networkLabel->setStyleSheet(QStringLiteral("color: %1;").arg(ui::Bad.name()));
        if (!offline)
            m_client->checkConnection();
    };
    connect(info, &QNetworkInformation::reachabilityChanged, this, update);
    update(info->reachability());
}

void MainWindow::activateSearchResult()
{
    // The list may still show the results of what was typed before: never open one of those.
    const bool current = m_resultsText == m_search->text() && !m_searchDebounce.isActive();
    if (current) {
        QModelIndex index = m_results->currentIndex();
        if (!index.isValid() && m_resultsModel->rowCount() > 0)
            index = m_resultsModel->index(0, 0);
        if (index.isValid())
            selectAccount(m_resultsModel->account(index.row()).number);
        return;
    }
    // A complete account number opens that account; anything else opens the first match as
    // soon as the results for exactly this text arrive.
    m_resultsModel->setAccounts({});
    m_resultsText.clear();
    if (auto number = normalizeAccountNumber(m_search->text()); number && number->size() >= 6) {
        m_openWhenFound = false;
        selectAccount(*number);
    } else {
        m_openWhenFound = true;
    }
    m_searchDebounce.stop();
    m_searchText = m_search->text();
    m_searchRequest = m_client->searchAccounts(m_searchText);
}

void MainWindow::selectAccount(const QString &number)
{
    m_accountRequest = m_client->loadAccount(number);
}

void MainWindow::refreshAccount()
{
    if (m_account)
        m_accountRequest = m_client->loadAccount(m_account->number);
}

void MainWindow::refreshTills()
{
    if (m_client->isSignedIn())
        m_tillRequest = m_client->loadTills();
}

void MainWindow::onAccountLoaded(quint64 id, const AccountInfo &account, const QList<OperationInfo> &recent)
{
    if (id != m_accountRequest)
        return;
    const bool changedAccount = !m_account || m_account->id != account.id;
    showAccount(account);
    m_resultsModel->updateAccount(account);
    m_historyModel->setOperations(recent);
    if (changedAccount)
        if (auto *f = currentForm())
            f->focusEntry();
    Q_EMIT accountShown(account);
}

void MainWindow::showAccount(const std::optional<AccountInfo> &account)
{
    m_account = account;
    const QLocale l = locale();
    if (!account) {
        m_holder->setText(tr("No account selected"));
        for (QLabel *label : {m_number, m_status, m_balance, m_held, m_available})
            label->clear();
        m_historyModel->setOperations({});
    } else {
        m_holder->setText(account->holder);
        m_number->setText(account->number + QStringLiteral("  ·  ") + account->currency().code());
        m_status->setText(ui::accountStatusText(account->status));
        m_status->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;")
                                    .arg((account->status == AccountStatus::Active   ? ui::Good
                                          : account->status == AccountStatus::Frozen ? ui::Warn
                                                                                     : ui::Bad)
                                             .name()));
        m_balance->setText(account->balance.toDisplayWithCode(l));
        m_held->setText(account->held.toDisplayWithCode(l));
        QString available = account->available().toDisplayWithCode(l);
        if (account->floor.minorUnits() < 0)
            available += u' ' + tr("(overdraft to %1)").arg(account->floor.toDisplay(l));
        // A frozen or closed account's money cannot be paid out: its figure is not shown as if
        // it could.
        const bool usable = account->status == AccountStatus::Active;
        if (!usable)
            available = account->status == AccountStatus::Frozen ? tr("%1 — not available: the account is frozen").arg(available)
                                                                 : tr("%1 — not available: the account is closed").arg(available);
        QFont f = m_available->font();
        f.setBold(usable);
        m_available->setFont(f);
        m_available->setStyleSheet(usable ? QString() : QStringLiteral("color: palette(mid);"));
        m_available->setText(available);
    }
    for (ActionForm *f : m_forms)
        f->setAccount(account);
}

void MainWindow::showReceipt(const Outcome &outcome, const QString &customer, const QString &payee, bool reprint)
{
    const QString holder = !customer.isEmpty()                                 ? customer
                           : m_account && m_account->number == outcome.account ? m_account->holder
                                                                               : QString();
    auto *dialog = new ReceiptDialog(outcome, m_staff,
                                     ReceiptContext::fromWorkplace(m_client->workplace(), outcome, holder, payee, reprint), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::reprintSelected()
{
    const QModelIndex index = m_history->currentIndex();
    if (!index.isValid())
        return;
    const OperationInfo &op = m_historyModel->operation(index.row());
    const auto key = IdempotencyKey::parse(op.key);
    if (!key || op.status != OutcomeStatus::Completed)
        return;
    // The receipt says what the server recorded, not what this window remembers.
    if (!m_client->queryStatus(*key)) {
        notify(tr("Another operation is still being confirmed: print the receipt once it is done."), 5000);
        return;
    }
    m_reprintKey = *key;
}

void MainWindow::trackForm(ActionForm *form)
{
    const auto action = form->action();
    const IdempotencyKey last = m_formKeys.value(form);
    if (!last.isNull() && (!action || !(action->key == last)))
        m_openItems->releaseForm(last); // the form let go of it: the list keeps it
    if (!action) {
        m_formKeys.remove(form);
        return;
    }
    m_formKeys.insert(form, action->key);
    const QString holder = m_account && m_account->number == action->request.account() ? m_account->holder : QString();
    switch (form->state()) {
    case ActionForm::State::Pending: m_openItems->trackForm(*action, holder, OpenItemsModel::State::Waiting); break;
    case ActionForm::State::Unconfirmed: m_openItems->trackForm(*action, holder, OpenItemsModel::State::Unconfirmed); break;
    case ActionForm::State::NotReceived: m_openItems->trackForm(*action, holder, OpenItemsModel::State::NotReceived); break;
    default: break; // in flight, or finished: the server's answer moves the item (if there is one)
    }
}

void MainWindow::activateOpenItem()
{
    const QModelIndex index = m_openItemsView->currentIndex();
    if (!index.isValid())
        return;
    const OpenItemsModel::Item &item = m_openItems->item(index.row());
    for (ActionForm *f : std::as_const(m_forms)) {
        if (f->action() && f->action()->key == item.key) {
            showForm(f->kind());
            return;
        }
    }
    // Not in a form: the customer's account, with the operation in its recent operations.
    selectAccount(item.account);
}

void MainWindow::updateHistoryActions()
{
    const QModelIndex index = m_history->currentIndex();
    m_reverse->setEnabled(m_account && index.isValid() && ReversalDialog::canReverse(m_historyModel->operation(index.row())));
    // The receipt of one's own completed operations (the server gives others' keys to nobody).
    m_reprint->setEnabled(m_account && index.isValid() && m_historyModel->operation(index.row()).status == OutcomeStatus::Completed
                          && isCustomerAction(m_historyModel->operation(index.row()).kind)
                          && !m_historyModel->operation(index.row()).key.isEmpty());
}

void MainWindow::reverseSelected()
{
    const QModelIndex index = m_history->currentIndex();
    if (!m_account || !index.isValid() || !ReversalDialog::canReverse(m_historyModel->operation(index.row())))
        return;
    auto *dialog = new ReversalDialog(m_client, *m_account, m_historyModel->operation(index.row()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this] {
        refreshAccount();
        refreshTills();
    });
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_client->actionInFlight()) {
        // Never leave an action half-way: the window closes as soon as it is confirmed.
        m_closeWhenIdle = true;
        notify(tr("An operation is being confirmed; the window closes when it is done."));
        event->ignore();
        return;
    }
    if (!confirmLeavingUnfinished(false)) {
        event->ignore();
        return;
    }
    if (m_client->actionInFlight()) {
        // A decision came in while the question was open, and is being fetched.
        m_closeWhenIdle = true;
        notify(tr("An operation is being confirmed; the window closes when it is done."));
        event->ignore();
        return;
    }
    if (isVisible()) // hidden: signed out (saved then) or never shown
        saveWindowState();
    event->accept();
}

void MainWindow::saveWindowState()
{
    auto &s = AppSettings::instance();
    s.setValue(settingkeys::WindowGeometry, saveGeometry());
    s.setValue(settingkeys::WindowState, saveState());
}

bool MainWindow::confirmLeavingUnfinished(bool signingOut)
{
    // Said in the teller's words: what, how much, whose account, and what to do about it.
    QStringList items, keys;
    QList<Action> unconfirmed;
    for (ActionForm *f : m_forms) {
        if (!f->holdsUnfinishedAction() || !f->action())
            continue;
        items << QStringLiteral("• ") + f->describeUnfinished();
        keys << f->action()->key.toString();
        if (f->state() == ActionForm::State::Unconfirmed)
            unconfirmed << *f->action();
    }
    // What the list holds outside the forms: approved and not paid out, rejected and not told,
    // still waiting. A decided one is not shown again at the next sign-in: it is said now.
    QStringList counter;
    for (const QString &open : m_openItems->needingAttention(locale()))
        counter << QStringLiteral("• ") + open;
    // A till count or a vault movement sent and not confirmed: its key lives in its dialog.
    if (TillCountDialog *count = m_till ? m_till->countDialog() : nullptr;
        count && (count->state() == TillCountDialog::State::Unconfirmed || count->state() == TillCountDialog::State::NotReceived))
        counter << QStringLiteral("• ")
                       + (count->mode() == TillCountDialog::Mode::Open
                              ? tr("The till's opening count: not confirmed — check it again.")
                              : tr("The till's closing count: not confirmed — check it again."));
    if (m_panel && m_panel->vaultPage())
        if (const QString move = m_panel->vaultPage()->unconfirmedMovement(); !move.isEmpty())
            counter << QStringLiteral("• ") + tr("%1: not confirmed — check it again before moving cash anew.").arg(move);
    if (items.isEmpty() && counter.isEmpty())
        return true;
    QString text;
    if (!items.isEmpty())
        text = tr("These operations are not finished:\n\n%1\n\nThey are shown again at your next sign-in on this "
                  "workstation, and the supervisors see those not confirmed under In doubt.")
                   .arg(items.join(u'\n'));
    if (!counter.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral("\n\n")) + tr("Still open at the counter:\n\n%1").arg(counter.join(u'\n'));
    QMessageBox box(QMessageBox::Warning, tr("Unfinished operations"), text, QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("unfinishedBox"));
    box.setInformativeText(signingOut ? tr("Sign out anyway?") : tr("Close anyway?"));
    if (!keys.isEmpty())
        box.setDetailedText(tr("Operation keys:\n%1").arg(keys.join(u'\n')));
    const QMessageBox::StandardButton leave = signingOut ? QMessageBox::Yes : QMessageBox::Close;
    box.setStandardButtons(leave | QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != leave)
        return false;
    if (signingOut && m_client->actionInFlight()) {
        // A decision came in while the question was open, and is being fetched.
        notify(tr("An operation is still being confirmed."), 5000);
        return false;
    }
    // The supervisors hear of what is left unconfirmed now (when the server can be reached;
    // otherwise from the journal at the next sign-in).
    for (const Action &a : std::as_const(unconfirmed))
        m_client->reportUnfinished(a, tr("Left unconfirmed at sign-out."));
    return true;
}
