#include "SupervisorPanel.h"

#include "DecisionDialog.h"
#include "ReviewModels.h"
#include "Ui.h"
#include "VaultPage.h"

#include "TellerClient.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

using namespace teller;

SupervisorPanel::SupervisorPanel(TellerClient *client, QWidget *parent) : QWidget(parent), m_client(client)
{
    setObjectName(QStringLiteral("supervisorPanel"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("supervisorTabs"));

    // Pending: the queue, its details, the decision.
    auto *pendingPage = new QWidget(m_tabs);
    m_filter = new QLineEdit(pendingPage);
    m_filter->setObjectName(QStringLiteral("pendingFilter"));
    m_filter->setPlaceholderText(tr("Filter by teller, account, holder…"));
    m_filter->setClearButtonEnabled(true);
    auto *filterLabel = new QLabel(tr("F&ilter:"), pendingPage);
    filterLabel->setBuddy(m_filter);
    m_pending = new ReviewTableModel(ReviewTableModel::Mode::Pending, this);
    m_pendingProxy = new QSortFilterProxyModel(this);
    m_pendingProxy->setSourceModel(m_pending);
    m_pendingProxy->setSortRole(ReviewTableModel::SortRole);
    m_pendingProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_pendingProxy->setFilterKeyColumn(-1);
    m_pendingView = makeTable("pendingView", tr("Operations waiting for approval"));
    m_pendingView->setModel(m_pendingProxy);
    m_pendingView->setSortingEnabled(true);
    m_pendingView->sortByColumn(ReviewTableModel::Age, Qt::AscendingOrder); // the longest waiting first
    // The operation takes the room: an over/short or a reversal is said in full there (elided
    // when narrow; the tool tip and the details say it whole).
    m_pendingView->horizontalHeader()->setSectionResizeMode(ReviewTableModel::Operation, QHeaderView::Stretch);
    connect(m_filter, &QLineEdit::textChanged, m_pendingProxy, &QSortFilterProxyModel::setFilterFixedString);

    m_details = new QTextBrowser(pendingPage);
    m_details->setObjectName(QStringLiteral("pendingDetails"));
    m_details->setAccessibleName(tr("Details of the selected operation"));
    m_approve = new QPushButton(tr("&Approve"), pendingPage);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_approve->setToolTip(tr("Approve the selected operation, after a look at what it is (Alt+A)"));
    m_reject = new QPushButton(tr("&Reject…"), pendingPage);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_reject->setToolTip(tr("Reject the selected operation, with a reason: the hold is released (Alt+R)"));
    m_status = new QLabel(pendingPage);
    m_status->setObjectName(QStringLiteral("decisionStatus"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Decision"));
    m_live = new QLabel(pendingPage);
    m_live->setObjectName(QStringLiteral("liveLabel"));

    auto *top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    top->addWidget(m_live);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_approve);
    auto *splitter = new QSplitter(Qt::Vertical, pendingPage);
    splitter->addWidget(m_pendingView);
    splitter->addWidget(m_details);
    splitter->setSizes({320, 180});
    auto *pendingLayout = new QVBoxLayout(pendingPage);
    pendingLayout->addLayout(top);
    pendingLayout->addWidget(splitter, 1);
    pendingLayout->addLayout(buttons);
    m_tabs->addTab(pendingPage, tr("&Pending"));

    // In doubt: what workstations could not confirm.
    m_doubts = new DoubtTableModel(this);
    m_doubtView = makeTable("doubtView", tr("Operations in doubt"));
    m_doubtView->setModel(m_doubts);
    m_doubtView->horizontalHeader()->setSectionResizeMode(DoubtTableModel::Message, QHeaderView::Stretch);
    m_tabs->addTab(m_doubtView, tr("In &doubt"));

    // Recently decided and expired.
    m_decided = new ReviewTableModel(ReviewTableModel::Mode::Decided, this);
    m_decidedProxy = new QSortFilterProxyModel(this);
    m_decidedProxy->setSourceModel(m_decided);
    m_decidedProxy->setSortRole(ReviewTableModel::SortRole);
    m_decidedView = makeTable("decidedView", tr("Recently decided operations"));
    m_decidedView->setModel(m_decidedProxy);
    m_decidedView->setSortingEnabled(true);
    m_decidedView->sortByColumn(ReviewTableModel::DecidedAt, Qt::DescendingOrder);
    m_decidedView->horizontalHeader()->setSectionResizeMode(ReviewTableModel::DNote, QHeaderView::Stretch);
    m_tabs->addTab(m_decidedView, tr("D&ecided"));

    // Audit: an account's ledger.
    auto *auditPage = new QWidget(m_tabs);
    m_auditAccount = new QLineEdit(auditPage);
    m_auditAccount->setObjectName(QStringLiteral("auditAccountEdit"));
    m_auditAccount->setPlaceholderText(tr("Account number, then Enter"));
    auto *auditLabel = new QLabel(tr("Ac&count:"), auditPage);
    auditLabel->setBuddy(m_auditAccount);
    m_ledger = new LedgerTableModel(this);
    m_ledgerView = makeTable("ledgerView", tr("Ledger entries"));
    m_ledgerView->setModel(m_ledger);
    m_ledgerView->horizontalHeader()->setSectionResizeMode(LedgerTableModel::Key, QHeaderView::Stretch);
    auto *auditTop = new QHBoxLayout;
    auditTop->addWidget(auditLabel);
    auditTop->addWidget(m_auditAccount, 1);
    auto *auditLayout = new QVBoxLayout(auditPage);
    auditLayout->addLayout(auditTop);
    auditLayout->addWidget(m_ledgerView, 1);
    m_tabs->addTab(auditPage, tr("A&udit"));

    // Vault: the branch's tills and the vault's cash.
    m_vault = new VaultPage(client, m_tabs);
    m_tabs->addTab(m_vault, tr("Vau&lt"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_vault)
            m_vault->focusTills();
    });
    connect(m_vault, &VaultPage::tillsChanged, m_pending, &ReviewTableModel::setTills);
    connect(m_vault, &VaultPage::decideRequested, this, [this](const ReviewItem &item, bool approve) {
        const auto key = IdempotencyKey::parse(item.key);
        if (!key) {
            m_vault->decisionAsked(nullptr, item.key);
            return;
        }
        m_vault->decisionAsked(askToDecide(item, *key, approve), item.key);
    });
    connect(m_auditAccount, &QLineEdit::returnPressed, this, [this] {
        if (auto number = normalizeAccountNumber(m_auditAccount->text()))
            m_ledgerRequest = m_client->loadLedger(*number);
    });
    connect(client, &TellerClient::ledgerLoaded, this, [this](quint64 id, const QString &, const QList<LedgerLine> &lines) {
        if (id != m_ledgerRequest)
            return;
        m_ledger->setLines(lines);
        m_ledgerView->resizeColumnsToContents();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_approve, &QPushButton::clicked, this, &SupervisorPanel::approveSelected);
    connect(m_reject, &QPushButton::clicked, this, &SupervisorPanel::rejectSelected);
    connect(m_pendingView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SupervisorPanel::showDetails);
    connect(client, &TellerClient::reviewLoaded, this, &SupervisorPanel::onReviewLoaded);
    connect(client, &TellerClient::decided, this, &SupervisorPanel::onDecided);
    connect(client, &TellerClient::decisionFailed, this, [this](const QString &key, const Error &e) {
        if (key != m_deciding)
            return;
        m_deciding.clear();
        setDeciding(false);
        showProblem(e.message);
        refresh();
    });
    connect(client, &TellerClient::accountLoaded, this,
            [this](quint64 id, const AccountInfo &account, const QList<OperationInfo> &recent) {
                if (id != m_accountRequest)
                    return;
                QString lines;
                const QLocale l = locale();
                for (const OperationInfo &op : recent.mid(0, 8))
                    lines += QStringLiteral("<tr><td>%1</td><td>%2</td><td align='right'>%3</td><td>%4</td><td>%5</td></tr>")
                                 .arg(l.toString(op.at.toLocalTime(), QLocale::ShortFormat), ui::operationKindText(op.kind),
                                      op.amount.toDisplay(l), ui::operationStatusText(op.status), op.initiatedBy.toHtmlEscaped());
                m_details->append(tr("<p><b>The account</b> (%1): balance %2, held %3. Recent operations:</p>")
                                      .arg(ui::accountStatusText(account.status), account.balance.toDisplayWithCode(l),
                                           account.held.toDisplayWithCode(l))
                                  + QStringLiteral("<table cellspacing='6'>%1</table>").arg(lines));
            });

    // Live: a notification refreshes at once (bursts coalesced); the timer is the fallback.
    m_refreshSoon.setSingleShot(true);
    m_refreshSoon.setInterval(100);
    connect(&m_refreshSoon, &QTimer::timeout, this, &SupervisorPanel::refresh);
    connect(client, &TellerClient::operationChanged, this, [this] { m_refreshSoon.start(); });
    connect(client, &TellerClient::liveChanged, this, &SupervisorPanel::updateLive);
    connect(&m_fallback, &QTimer::timeout, this, &SupervisorPanel::refresh);
    connect(&m_clock, &QTimer::timeout, m_pending, &ReviewTableModel::tick);
    m_clock.start(1000);
    updateLive(client->isLive());
    setDeciding(false);
    ui::nameForAccessibility(this);
}

QTableView *SupervisorPanel::makeTable(const char *name, const QString &accessibleName)
{
    auto *view = new QTableView(this);
    view->setObjectName(QString::fromLatin1(name));
    view->setAccessibleName(accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->setTabKeyNavigation(false);
    view->setWordWrap(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

int SupervisorPanel::pendingCount() const
{
    return m_pending->rowCount();
}

void SupervisorPanel::focusQueue()
{
    m_tabs->setCurrentIndex(0);
    m_pendingView->setFocus();
    if (!m_pendingView->currentIndex().isValid() && m_pendingProxy->rowCount() > 0)
        m_pendingView->setCurrentIndex(m_pendingProxy->index(0, 0));
}

void SupervisorPanel::updateLive(bool live)
{
    m_live->setText(live ? tr("● Live") : tr("○ Refreshing every 5 s"));
    m_live->setStyleSheet(QStringLiteral("color: %1;").arg((live ? ui::Good : ui::Warn).name()));
    m_live->setToolTip(live ? tr("Changes arrive as they happen (LISTEN/NOTIFY).")
                            : tr("Live updates are not available right now; the list is refreshed on a timer."));
    m_fallback.start(live ? 30000 : 5000);
    if (live)
        m_refreshSoon.start(); // catch up on what changed while no notification could arrive
}

void SupervisorPanel::refresh()
{
    m_reviewRequest = m_client->loadReview();
    m_vault->refresh();
}

bool SupervisorPanel::onPendingPage() const
{
    return m_tabs->currentIndex() == 0;
}

void SupervisorPanel::onReviewLoaded(quint64 id, const QList<ReviewItem> &pending, const QList<ReviewItem> &decided,
                                     const QList<DoubtItem> &doubts)
{
    if (id != m_reviewRequest)
        return;
    const QString keep = selectedKey();
    m_pending->setItems(pending);
    m_decided->setItems(decided);
    m_doubts->setItems(doubts);
    m_vault->setPending(pending);
    // Keep the selection on the same operation. When it has left the queue, nothing is
    // selected until the supervisor chooses the next one: a decision never moves onto an
    // operation that slid under the selection unseen.
    QModelIndex select;
    for (int row = 0; row < m_pendingProxy->rowCount(); ++row) {
        if (m_pendingProxy->index(row, 0).data(ReviewTableModel::KeyRole).toString() == keep)
            select = m_pendingProxy->index(row, 0);
    }
    const bool stillPending = std::any_of(pending.cbegin(), pending.cend(), [&](const ReviewItem &i) { return i.key == keep; });
    if (!keep.isEmpty() && !stillPending) {
        if (keep != m_decidedHere && keep != m_deciding) {
            m_status->setText(tr("The operation you had selected is no longer waiting: another supervisor decided it, "
                                 "or it expired. Select the next one yourself."));
            m_status->setStyleSheet(QStringLiteral("color: %1;").arg(ui::Warn.name()));
        }
    }
    if (!m_decidedHere.isEmpty()
        && std::none_of(pending.cbegin(), pending.cend(), [&](const ReviewItem &i) { return i.key == m_decidedHere; }))
        m_decidedHere.clear();
    if (select.isValid()) {
        m_pendingView->setCurrentIndex(select);
    } else {
        m_pendingView->selectionModel()->clear();
        m_details->clear();
        m_accountRequest = 0; // details still on their way belong to no selection
    }
    m_tabs->setTabText(0, tr("&Pending (%1)").arg(pending.size()));
    int unresolved = 0;
    for (const DoubtItem &d : doubts)
        unresolved += d.serverStatus ? 0 : 1;
    m_tabs->setTabText(1, unresolved ? tr("In &doubt (%1)").arg(unresolved) : tr("In &doubt"));
    setDeciding(!m_deciding.isEmpty());
    Q_EMIT pendingCountChanged(int(pending.size()));
}

std::optional<ReviewItem> SupervisorPanel::selectedItem() const
{
    const QModelIndex index = m_pendingProxy->mapToSource(m_pendingView->currentIndex());
    if (!index.isValid() || index.row() >= m_pending->items().size())
        return std::nullopt;
    return m_pending->items().at(index.row());
}

QString SupervisorPanel::selectedKey() const
{
    const auto item = selectedItem();
    return item ? item->key : QString();
}

void SupervisorPanel::showDetails()
{
    const auto item = selectedItem();
    setDeciding(!m_deciding.isEmpty());
    if (!item) {
        m_details->clear();
        return;
    }
    const QLocale l = locale();
    const auto row = [](const QString &k, const QString &v) {
        return QStringLiteral("<tr><td style='color:#555;padding-right:12px'>%1</td><td><b>%2</b></td></tr>")
            .arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table>");
    html += row(tr("Operation"), ui::operationKindText(item->kind)
                                     + (item->counterAccount.isEmpty() ? QString() : QStringLiteral(" → ") + item->counterAccount));
    if (item->kind == ActionKind::TillOpen || item->kind == ActionKind::TillClose || item->kind == ActionKind::Reversal)
        html += row(tr("What is decided"), DecisionDialog::summary(*item, l, DecisionDialog::tillOf(*item, m_vault->tills())));
    html += row(tr("Amount"), item->amount ? item->amount->toDisplayWithCode(l) : QString());
    html += row(tr("Account"), item->account + QStringLiteral(" — ") + item->holder);
    html += row(tr("Available now"), item->available ? item->available->toDisplayWithCode(l) : QString());
    html += row(tr("Teller"),
                item->initiatorName + QStringLiteral(" (") + item->initiatedBy + QStringLiteral("), ") + item->workstation);
    html += row(tr("Teller's note"), item->note.isEmpty() ? tr("(none)") : item->note);
    html += row(tr("Requested"), l.toString(item->createdAt.toLocalTime(), QLocale::ShortFormat));
    html += row(tr("Expires"), item->expiresAt.isValid() ? l.toString(item->expiresAt.toLocalTime(), QLocale::ShortFormat)
                                                         : tr("never: it waits for a decision"));
    html += row(tr("Operation key"), item->key);
    html += QStringLiteral("</table>");
    m_details->setHtml(html);
    m_accountRequest = m_client->loadAccount(item->account);
}

void SupervisorPanel::setDeciding(bool deciding)
{
    const bool any = selectedItem().has_value();
    m_approve->setEnabled(!deciding && any);
    m_reject->setEnabled(!deciding && any);
}

void SupervisorPanel::showProblem(const QString &message)
{
    m_status->setText(message);
    m_status->setStyleSheet(QStringLiteral("color: %1;").arg(ui::Bad.name()));
}

std::optional<std::pair<ReviewItem, IdempotencyKey>> SupervisorPanel::itemToDecide()
{
    const auto item = selectedItem();
    if (!item || !m_deciding.isEmpty())
        return std::nullopt;
    const auto key = IdempotencyKey::parse(item->key);
    if (!key) {
        showProblem(tr("The operation's key \"%1\" is not valid; nothing was decided.").arg(item->key));
        return std::nullopt;
    }
    return std::make_pair(*item, *key);
}

void SupervisorPanel::sendDecision(const IdempotencyKey &key, bool approve, const QString &note)
{
    m_deciding = key.toString();
    setDeciding(true);
    m_status->setText(approve ? tr("Approving…") : tr("Rejecting…"));
    m_status->setStyleSheet({});
    m_client->decide(key, approve, note);
}

void SupervisorPanel::approveSelected()
{
    askToDecide(true);
}

void SupervisorPanel::rejectSelected()
{
    askToDecide(false);
}

void SupervisorPanel::askToDecide(bool approve)
{
    // One key press never decides: the supervisor sees what the operation is, and confirms.
    if (m_asking)
        return;
    const auto chosen = itemToDecide();
    if (!chosen)
        return;
    askToDecide(chosen->first, chosen->second, approve);
}

DecisionDialog *SupervisorPanel::askToDecide(const ReviewItem &item, const IdempotencyKey &key, bool approve)
{
    if (m_asking || !m_deciding.isEmpty())
        return nullptr;
    auto *dialog = new DecisionDialog(item, approve, this, DecisionDialog::tillOf(item, m_vault->tills()));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_asking = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog, key] {
        m_decidingItem = dialog->item();
        sendDecision(key, dialog->approves(), dialog->note());
    });
    connect(dialog, &QDialog::rejected, this, [this] {
        m_status->setText(tr("Nothing was decided."));
        m_status->setStyleSheet({});
        if (onPendingPage())
            m_pendingView->setFocus();
    });
    dialog->open();
    return dialog;
}

void SupervisorPanel::onDecided(const Decision &d)
{
    if (d.key != m_deciding)
        return;
    m_deciding.clear();
    m_decidedHere = d.key; // it leaves the queue because of this supervisor: no warning about it
    QString text;
    QColor colour = ui::Good;
    const QString what = m_decidingItem && m_decidingItem->key == d.key ? DecisionDialog::summary(
                             *m_decidingItem, locale(), DecisionDialog::tillOf(*m_decidingItem, m_vault->tills()))
                                                                        : tr("the operation %1").arg(d.key);
    const ActionKind kind = m_decidingItem && m_decidingItem->key == d.key ? m_decidingItem->kind : ActionKind::Withdrawal;
    const QString teller = m_decidingItem && m_decidingItem->key == d.key && !m_decidingItem->initiatorName.isEmpty()
                               ? m_decidingItem->initiatorName
                               : d.initiatedBy;
    m_decidingItem.reset();
    if (d.decidedNow && d.status == OutcomeStatus::Completed) {
        text = kind == ActionKind::Withdrawal ? tr("Approved: %1. %2 may pay out.").arg(what, teller)
               : kind == ActionKind::Deposit  ? tr("Approved: %1. The deposit is booked.").arg(what)
               : kind == ActionKind::Transfer ? tr("Approved: %1. The transfer is carried out.").arg(what)
                                              : tr("Approved: %1.").arg(what);
    } else if (d.decidedNow) {
        text = tr("Rejected: %1. The hold is released; %2 sees your reason.").arg(what, teller);
    } else {
        colour = ui::Warn;
        const QString at = locale().toString(d.decidedAt.toLocalTime().time(), QLocale::ShortFormat);
        text = d.status == OutcomeStatus::Expired ? tr("Too late: the hold had expired.")
               : d.status == OutcomeStatus::Completed
                   ? tr("Already approved by %1 at %2.").arg(m_client->workplace().nameOf(d.decidedBy), at)
                   : tr("Already rejected by %1 at %2.").arg(m_client->workplace().nameOf(d.decidedBy), at);
    }
    m_status->setText(text + u' ' + tr("Choose the next operation yourself."));
    m_status->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
    refresh();
    if (onPendingPage())
        m_pendingView->setFocus();
}
