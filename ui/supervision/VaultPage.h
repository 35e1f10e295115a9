#pragma once

#include "Cash.h"
#include "Outcome.h"
#include "Supervision.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

namespace teller {
class TellerClient;
}
class DecisionDialog;
class QLabel;
class QPushButton;
class QTableView;
class VaultMoveDialog;

// The tills of a branch, as the supervisor's vault page lists them.
class TillTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Teller, Till, Currency, State, Cash, Held, LastCount, CountedAt, Difference, ColumnCount };
    static constexpr int DifferenceRole = Qt::UserRole + 1; // bool: a difference waits for a supervisor

    using QAbstractTableModel::QAbstractTableModel;

    void setTills(const QList<teller::TillInfo> &tills);
    const QList<teller::TillInfo> &tills() const { return m_tills; }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_tills.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<teller::TillInfo> m_tills;
};

// The supervisor's vault page: every till of the branch (its teller, open or closed, the cash by
// the book, what is held, the last count, a difference waiting for a decision), the vault's
// cash as the movements made here reported it (there is no read of the vault's balance), and
// the movements: cash to a till and back, delivered into and sent out of the vault, each
// through VaultMoveDialog; a till's waiting difference is decided from here with the pending
// queue's DecisionDialog. Refreshed when shown, after every movement and decision, on the
// panel's refreshes (live updates) and with F5.
class VaultPage : public QWidget
{
    Q_OBJECT

public:
    explicit VaultPage(teller::TellerClient *client, QWidget *parent = nullptr);

    const QList<teller::TillInfo> &tills() const { return m_model->tills(); }
    // The till the selection is on, if any.
    std::optional<teller::TillInfo> selectedTill() const;
    // The vault's cash per currency code, as the last movement made here reported it.
    const QMap<QString, teller::Money> &vaultKnown() const { return m_vaultKnown; }
    void focusTills();
    // A movement sent and not confirmed (it may have happened), in words; empty when none.
    QString unconfirmedMovement() const;
    // The pending operations, as the panel last loaded them: where a till's difference is found.
    void setPending(const QList<teller::ReviewItem> &pending);
    // The panel's answer to decideRequested: the dialog it opened, or nullptr (none opened).
    void decisionAsked(DecisionDialog *dialog, const QString &key);

public Q_SLOTS:
    void refresh();
    void sendToTill();
    void takeBack();
    void receive();
    void ship();
    void decideDifference(bool approve = true);

Q_SIGNALS:
    // A new list of the branch's tills arrived (for the pending queue's words about differences).
    void tillsChanged(const QList<teller::TillInfo> &tills);
    // The supervisor asked to decide this pending operation (a till's difference).
    void decideRequested(const teller::ReviewItem &item, bool approve);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void onTillsLoaded(quint64 id, const QList<teller::TillInfo> &tills);
    void openMove(teller::ActionKind kind);
    void onMoved(const teller::Outcome &outcome, const QString &description);
    void updateVault();
    void updateButtons();
    void say(const QString &text, const QColor &colour);
    std::optional<teller::ReviewItem> differenceOf(const teller::TillInfo &till) const;

    teller::TellerClient *m_client;
    quint64 m_request = 0;
    QString m_selectedKey; // number and currency of the selected till, kept across refreshes
    QMap<QString, teller::Money> m_vaultKnown;
    QMap<QString, QDateTime> m_vaultKnownAt;
    QList<teller::ReviewItem> m_pending;
    QString m_deciding; // the key of the difference being decided from here
    QPointer<VaultMoveDialog> m_move;
    QPointer<VaultMoveDialog> m_unconfirmed; // a movement left in doubt, kept to be checked again
    QTimer m_refreshSoon;

    TillTableModel *m_model;
    QTableView *m_view;
    QLabel *m_vault;
    QLabel *m_status;
    QPushButton *m_send;
    QPushButton *m_takeBack;
    QPushButton *m_receive;
    QPushButton *m_ship;
    QPushButton *m_decide;
    QPushButton *m_reject;
    QPushButton *m_check;
    QPushButton *m_refresh;
};
