#include "ReconcileDialog.h"

#include "Ui.h"

#include "TellerClient.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace teller;

ReconcileDialog::ReconcileDialog(TellerClient *client, const QList<ReconcileItem> &items, QWidget *parent)
    : QDialog(parent), m_client(client), m_items(items)
{
    setObjectName(QStringLiteral("reconcileDialog"));
    setWindowTitle(tr("Operations from an earlier session"));
    auto *intro = new QLabel(tr("These operations were not confirmed when Teller last stopped on this workstation. "
                                "This is what the server says about them now."),
                             this);
    intro->setWordWrap(true);
    m_table = new QTableWidget(int(items.size()), 3, this);
    m_table->setObjectName(QStringLiteral("reconcileTable"));
    m_table->setAccessibleName(tr("Unconfirmed operations"));
    m_table->setHorizontalHeaderLabels({tr("Operation"), tr("Recorded"), tr("Now")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    const QLocale l = locale();
    for (int row = 0; row < items.size(); ++row) {
        const ReconcileItem &item = items.at(row);
        auto *what = new QTableWidgetItem(describe(item.entry, l));
        what->setToolTip(tr("Key %1").arg(item.entry.key.toString()));
        m_table->setItem(row, 0, what);
        m_table->setItem(row, 1, new QTableWidgetItem(l.toString(item.entry.createdAt.toLocalTime(), QLocale::ShortFormat)));
        m_table->setItem(row, 2, new QTableWidgetItem(nowText(item.outcome, l)));
    }
    m_table->resizeColumnsToContents();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reconcileStatus"));
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_resubmit = buttons->addButton(tr("&Send now — the customer is here"), QDialogButtonBox::ActionRole);
    m_resubmit->setToolTip(tr("The server never received the operation: send it now, with its own key. Only if the "
                              "customer is here."));
    m_resubmit->setObjectName(QStringLiteral("resubmitButton"));
    m_abandon = buttons->addButton(tr("&Abandon"), QDialogButtonBox::ActionRole);
    m_abandon->setObjectName(QStringLiteral("abandonButton"));
    m_checkAgain = buttons->addButton(tr("Check a&gain"), QDialogButtonBox::ActionRole);
    m_checkAgain->setObjectName(QStringLiteral("checkAgainButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_resubmit, &QPushButton::clicked, this, &ReconcileDialog::resubmit);
    connect(m_abandon, &QPushButton::clicked, this, &ReconcileDialog::abandon);
    connect(m_checkAgain, &QPushButton::clicked, this, [this] {
        const int row = currentRow();
        if (row < 0)
            return;
        if (m_client->queryStatus(m_items.at(row).entry.key)) {
            m_busyRow = row;
            m_status->clear();
        } else {
            showClientBusy();
        }
        updateButtons();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ReconcileDialog::updateButtons);
    connect(client, &TellerClient::actionFinished, this, &ReconcileDialog::onFinished);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(820, 360);
    if (!items.isEmpty())
        m_table->selectRow(0);
    updateButtons();
    ui::nameForAccessibility(this);
    m_table->setFocus();
}

QString ReconcileDialog::describe(const JournalEntry &e, const QLocale &locale)
{
    const auto currency = Currency::fromCode(e.currency);
    const QString amount = currency ? Money(e.amountMinorUnits, *currency).toDisplayWithCode(locale) : QString();
    if (e.kind == ActionKind::Transfer)
        return tr("Transfer %1 from %2 to %3").arg(amount, e.account, e.counterAccount);
    if (e.kind == ActionKind::Deposit)
        return tr("Deposit %1 into %2").arg(amount, e.account);
    return tr("Withdrawal %1 from %2").arg(amount, e.account);
}

QString ReconcileDialog::nowText(const Outcome &o, const QLocale &locale)
{
    switch (o.status) {
    case OutcomeStatus::Completed: {
        // Approved while the teller was away: the money moved on the books, and for a
        // withdrawal the cash is still to be handed over.
        const QString amount = o.amount ? o.amount->toDisplayWithCode(locale) : QString();
        if (!o.decidedBy.isEmpty() && o.kind == ActionKind::Withdrawal)
            return tr("Approved by %1 — pay out %2 now").arg(o.decider(), amount);
        if (!o.decidedBy.isEmpty())
            return tr("Approved by %1").arg(o.decider());
        // Carried out although no answer came: the account moved; a withdrawal's customer may
        // have left without the cash.
        if (o.kind == ActionKind::Withdrawal)
            return tr("Completed: %1 was taken from the account. If the cash was not handed over, ask a supervisor to "
                      "reverse it")
                .arg(amount);
        return o.balanceAfter ? tr("Completed (balance after %1)").arg(o.balanceAfter->toDisplayWithCode(locale)) : tr("Completed");
    }
    case OutcomeStatus::Rejected: return tr("Rejected: %1").arg(reasonText(o.reason));
    case OutcomeStatus::PendingApproval: return tr("Waiting for a supervisor");
    case OutcomeStatus::Abandoned: return tr("Abandoned: it will never be carried out");
    case OutcomeStatus::Expired: return tr("The approval did not come in time");
    case OutcomeStatus::Unknown:
        return tr("Never received by the server — nothing happened. Send it now only if the customer is here; otherwise cancel it");
    case OutcomeStatus::InDoubt:
    case OutcomeStatus::Busy: return tr("The server could not be asked: check again later");
    case OutcomeStatus::KeyReused: return tr("The key belongs to another operation");
    case OutcomeStatus::Error: return tr("Failed: %1").arg(o.message);
    }
    return {};
}

int ReconcileDialog::currentRow() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void ReconcileDialog::updateButtons()
{
    const int row = currentRow();
    const bool idle = m_busyRow < 0;
    const OutcomeStatus s = row >= 0 ? m_items.at(row).outcome.status : OutcomeStatus::Completed;
    m_resubmit->setEnabled(idle && row >= 0 && s == OutcomeStatus::Unknown);
    m_abandon->setEnabled(idle && row >= 0 && (s == OutcomeStatus::Unknown || s == OutcomeStatus::InDoubt || s == OutcomeStatus::Busy));
    // For an operation the server never received, giving it up is cancelling what never happened.
    m_abandon->setText(s == OutcomeStatus::Unknown ? tr("Canc&el — nothing happened") : tr("&Abandon"));
    m_checkAgain->setEnabled(idle && row >= 0
                             && (s == OutcomeStatus::InDoubt || s == OutcomeStatus::Busy || s == OutcomeStatus::PendingApproval));
}

void ReconcileDialog::resubmit()
{
    const int row = currentRow();
    if (row < 0)
        return;
    auto action = m_items.at(row).entry.toAction();
    if (!action) {
        m_status->setText(action.error().message);
        return;
    }
    if (m_client->submit(*action)) {
        m_busyRow = row;
        m_status->setText(tr("Sending %1 with its original key…").arg(describe(m_items.at(row).entry, locale())));
    } else {
        showClientBusy();
    }
    updateButtons();
}

void ReconcileDialog::abandon()
{
    const int row = currentRow();
    if (row < 0)
        return;
    // Cancelling what the server never received needs no question; giving up one that may
    // have happened does.
    if (m_items.at(row).outcome.status != OutcomeStatus::Unknown) {
        const auto answer = QMessageBox::question(this, tr("Abandon the operation?"),
                                                  tr("%1 will never be carried out. If it already was, you will see that "
                                                     "instead. Abandon it?")
                                                      .arg(describe(m_items.at(row).entry, locale())));
        if (answer != QMessageBox::Yes)
            return;
    }
    if (m_client->abandon(m_items.at(row).entry.key)) {
        m_busyRow = row;
        m_status->clear();
    } else {
        showClientBusy();
    }
    updateButtons();
}

void ReconcileDialog::onFinished(const Outcome &outcome)
{
    if (m_busyRow < 0 || !(outcome.key == m_items.at(m_busyRow).entry.key))
        return;
    m_items[m_busyRow].outcome = outcome;
    m_table->item(m_busyRow, 2)->setText(nowText(outcome, locale()));
    m_status->setText(QString());
    m_busyRow = -1;
    updateButtons();
}

void ReconcileDialog::showClientBusy()
{
    // Nothing was sent: the entry keeps its key and stays as it was.
    m_status->setText(tr("Another operation is still being confirmed; nothing was sent. Try again once it is done."));
}
