#pragma once

#include "Supervision.h"

#include <optional>

#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace teller {
class TellerClient;
}
class DoubtTableModel;
class LedgerTableModel;
class QDialog;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTextBrowser;
class ReviewTableModel;
class DecisionDialog;
class VaultPage;

// The supervisor's pending-operations panel: the four-eyes queue (live, sortable, filterable,
// approve and reject from the keyboard), operations in doubt reported by workstations, recent
// decisions and expiries, an audit view of an account's ledger, and the vault page (VaultPage:
// the branch's tills and the vault's cash movements; a till's difference is decided from there
// through this panel's decision path).
class SupervisorPanel : public QWidget
{
    Q_OBJECT

public:
    SupervisorPanel(teller::TellerClient *client, QWidget *parent = nullptr);

    int pendingCount() const;
    void focusQueue();
    VaultPage *vaultPage() const { return m_vault; }

public Q_SLOTS:
    void refresh();
    void approveSelected();
    void rejectSelected();

Q_SIGNALS:
    void pendingCountChanged(int count);

private:
    void onReviewLoaded(quint64 id, const QList<teller::ReviewItem> &pending, const QList<teller::ReviewItem> &decided,
                        const QList<teller::DoubtItem> &doubts);
    void onDecided(const teller::Decision &decision);
    void showDetails();
    QString selectedKey() const;
    std::optional<teller::ReviewItem> selectedItem() const;
    void updateLive(bool live);
    void setDeciding(bool deciding);
    void showProblem(const QString &message);
    // The selected operation and its key, when one may be decided now (none is being decided).
    std::optional<std::pair<teller::ReviewItem, teller::IdempotencyKey>> itemToDecide();
    void sendDecision(const teller::IdempotencyKey &key, bool approve, const QString &note);
    // Shows the decision dialog for the selected operation; the decision goes out once confirmed.
    void askToDecide(bool approve);
    // The same for a given pending operation (the vault page's till differences); the dialog
    // opened, or nullptr when none could be (one is open, or a decision is under way).
    DecisionDialog *askToDecide(const teller::ReviewItem &item, const teller::IdempotencyKey &key, bool approve);
    bool onPendingPage() const;
    QTableView *makeTable(const char *name, const QString &accessibleName);

    teller::TellerClient *m_client;
    quint64 m_reviewRequest = 0;
    quint64 m_ledgerRequest = 0;
    quint64 m_accountRequest = 0;
    QString m_deciding;                               // the key being decided, if any
    QString m_decidedHere;                            // decided by this supervisor: its leaving the queue needs no warning
    std::optional<teller::ReviewItem> m_decidingItem; // what the decision under way is about, for its answer
    QPointer<QDialog> m_asking;                       // the decision dialog, while it is open
    QTimer m_refreshSoon;                             // coalesces bursts of notifications
    QTimer m_fallback;                                // refreshes on a timer, faster when notifications are not live
    QTimer m_clock;

    QTabWidget *m_tabs;
    QLineEdit *m_filter;
    QTableView *m_pendingView;
    ReviewTableModel *m_pending;
    QSortFilterProxyModel *m_pendingProxy;
    QTextBrowser *m_details;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QLabel *m_status;
    QLabel *m_live;
    QTableView *m_doubtView;
    DoubtTableModel *m_doubts;
    QTableView *m_decidedView;
    ReviewTableModel *m_decided;
    QSortFilterProxyModel *m_decidedProxy;
    QLineEdit *m_auditAccount;
    QTableView *m_ledgerView;
    LedgerTableModel *m_ledger;
    VaultPage *m_vault;
};
