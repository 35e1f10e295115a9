#pragma once

#include "Accounts.h"
#include "Action.h"
#include "ConnectionSettings.h"
#include "Outcome.h"
#include "Staff.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace teller {
class TellerClient;
}
class AccountTableModel;
class ActionForm;
class LoginDialog;
class OperationTableModel;
class OpenItemsModel;
class QListView;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class SupervisorPanel;
class QTableView;
class TillActions;

// The teller's desk: find an account, see it, pay out, take in, transfer.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(teller::TellerClient *client, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the sign-in dialog (prefilled for the demo); the window appears once signed in.
    // `quitOnCancel`: closing the dialog ends the application.
    LoginDialog *showSignIn(bool quitOnCancel = true);

    ActionForm *form(teller::ActionKind kind) const;
    ActionForm *currentForm() const;
    SupervisorPanel *supervisorPanel() const { return m_panel; }
    // The Till menu: open and close the till with a count, the blotter (ui/till).
    TillActions *tillActions() const { return m_till; }
    std::optional<teller::AccountInfo> currentAccount() const { return m_account; }

public Q_SLOTS:
    void showForm(teller::ActionKind kind);
    void focusSearch();
    void showSupervision();
    void showDesk();
    void selectAccount(const QString &number);
    void refreshAccount();
    // Reads the member's own tills again (after their operations, F5, and every 30 s).
    void refreshTills();

Q_SIGNALS:
    void signedIn();
    void accountShown(const teller::AccountInfo &account);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void onSignedIn(const teller::StaffInfo &staff, const QString &server, bool encrypted);
    void onAccountLoaded(quint64 id, const teller::AccountInfo &account, const QList<teller::OperationInfo> &recent);
    void onConnectionState(bool connected, const QString &detail);
    void showAccount(const std::optional<teller::AccountInfo> &account);
    void showReceipt(const teller::Outcome &outcome, const QString &customer, const QString &payee, bool reprint = false);
    // Print receipt again… on the selected recent operation: the server's record of it.
    void reprintSelected();
    // Reverse… on the selected recent operation: asks for its reversal (a supervisor decides).
    void reverseSelected();
    void updateHistoryActions();
    // A form's action moved on: "my open items" follows it.
    void trackForm(ActionForm *form);
    void activateOpenItem();
    void activateSearchResult();
    void watchNetwork();
    void signOut();
    // The member's own new password; `forced` after an administrator set it.
    void changePassword(bool forced);
    // Asks before the window lets go of operations whose outcome it has not shown (unconfirmed,
    // waiting for a supervisor); true when there are none or the teller agrees.
    bool confirmLeavingUnfinished(bool signingOut);
    // Forgets everything of the signed-out session: account, search, history, forms, panel.
    void clearSession();
    void removeSupervision();
    void saveWindowState();
    // A message of the moment in the status bar (gone after timeoutMs; 0: until the next).
    void notify(const QString &message, int timeoutMs = 0);

    teller::TellerClient *m_client;
    QPointer<LoginDialog> m_login;
    std::optional<teller::AccountInfo> m_account;
    teller::StaffInfo m_staff;
    quint64 m_searchRequest = 0;
    QString m_searchText;         // the text m_searchRequest was made for
    QString m_resultsText;        // the text the listed results belong to
    bool m_openWhenFound = false; // Enter was pressed before the results for the text arrived
    quint64 m_accountRequest = 0;
    quint64 m_tillRequest = 0;
    QTimer m_tillTimer;
    QTimer m_searchDebounce;
    bool m_closeWhenIdle = false;

    QLineEdit *m_search;
    QTableView *m_results;
    QLabel *m_resultsNote; // says when the list could not be refreshed
    OpenItemsModel *m_openItems;
    QListView *m_openItemsView;
    QLabel *m_openItemsLabel;
    AccountTableModel *m_resultsModel;
    QLabel *m_holder;
    QLabel *m_number;
    QLabel *m_status;
    QLabel *m_balance;
    QLabel *m_held;
    QLabel *m_available;
    QTabWidget *m_tabs;
    QTabWidget *m_pages; // the desk, and for supervisors the supervision panel
    SupervisorPanel *m_panel = nullptr;
    TillActions *m_till = nullptr;
    QList<ActionForm *> m_forms;
    QHash<ActionForm *, teller::IdempotencyKey> m_formKeys; // the action each form last held
    QTableView *m_history;
    OperationTableModel *m_historyModel;
    QPushButton *m_reverse;
    QPushButton *m_reprint;
    std::optional<teller::IdempotencyKey> m_reprintKey; // asked about, for a receipt printed again
    QLabel *m_tillLabel;
    QLabel *m_notice;
    QTimer m_noticeTimer;
    QLabel *m_staffLabel;
    QLabel *m_serverLabel;
    QLabel *m_connectionLabel;
    QLabel *m_networkLabel;
};
