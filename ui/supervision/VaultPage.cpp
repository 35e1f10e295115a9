#include "VaultPage.h"

#include "DecisionDialog.h"
#include "Ui.h"
#include "VaultMoveDialog.h"

#include "TellerClient.h"

#include <QBrush>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace teller;

namespace {
QString tillId(const TillInfo &t)
{
    return t.number + u'/' + t.currency.code();
}

QString tellerName(const TillInfo &t)
{
    return t.ownerName.isEmpty() ? t.owner : t.ownerName;
}
} // namespace

void TillTableModel::setTills(const QList<TillInfo> &tills)
{
    beginResetModel();
    m_tills = tills;
    endResetModel();
}

QVariant TillTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_tills.size())
        return {};
    const TillInfo &t = m_tills.at(index.row());
    const QLocale l;
    if (role == DifferenceRole)
        return t.differencePending;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Teller: return QString(tellerName(t) + QStringLiteral(" (") + t.owner + u')');
        case Till: return t.number;
        case Currency: return t.currency.code();
        case State: return t.open ? tr("Open") : tr("Closed");
        case Cash: return t.cash.toDisplay(l);
        case Held: return t.held.minorUnits() ? t.held.toDisplay(l) : QString();
        case LastCount:
            if (!t.lastCounted)
                return tr("never counted");
            return t.lastCountKind == u"close" ? tr("%1 at closing").arg(t.lastCounted->toDisplay(l))
                                               : tr("%1 at opening").arg(t.lastCounted->toDisplay(l));
        case CountedAt: return t.lastCountedAt.isValid() ? l.toString(t.lastCountedAt.toLocalTime(), QLocale::ShortFormat) : QString();
        case Difference: return t.differencePending ? tr("Difference waiting") : QString();
        }
    } else if (role == Qt::TextAlignmentRole && (index.column() == Cash || index.column() == Held)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::BackgroundRole && t.differencePending) {
        QColor c = ui::Warn;
        c.setAlpha(60);
        return QBrush(c);
    } else if (role == Qt::ForegroundRole) {
        if (t.differencePending && index.column() == Difference)
            return QBrush(ui::Bad);
        if (!t.open && index.column() == State)
            return QBrush(Qt::gray);
    } else if (role == Qt::FontRole && t.differencePending && index.column() == Difference) {
        QFont f;
        f.setBold(true);
        return f;
    } else if (role == Qt::ToolTipRole && t.differencePending) {
        return tr("The last count differed from the book beyond the tolerance: it waits for a supervisor (Alt+I to decide).");
    }
    return {};
}

QVariant TillTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Teller: return tr("Teller");
    case Till: return tr("Till");
    case Currency: return tr("Currency");
    case State: return tr("State");
    case Cash: return tr("Cash");
    case Held: return tr("Held");
    case LastCount: return tr("Last count");
    case CountedAt: return tr("Counted at");
    case Difference: return tr("Difference");
    }
    return {};
}

VaultPage::VaultPage(TellerClient *client, QWidget *parent) : QWidget(parent), m_client(client)
{
    setObjectName(QStringLiteral("vaultPage"));
    m_model = new TillTableModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("vaultTillsView"));
    m_view->setAccessibleName(tr("Tills of the branch"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TillTableModel::Teller, QHeaderView::Stretch);

    m_vault = new QLabel(this);
    m_vault->setObjectName(QStringLiteral("vaultCashLabel"));
    m_vault->setWordWrap(true);
    m_vault->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_vault->setAccessibleName(tr("The vault's cash"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("vaultStatus"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Vault page status"));

    const auto button = [this](const QString &text, const char *name, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QString::fromLatin1(name));
        b->setToolTip(tip);
        return b;
    };
    m_send = button(tr("&Send cash to till…"), "vaultSendButton", tr("Cash from the vault into the selected teller's open till"));
    m_takeBack = button(tr("Take cash &back…"), "vaultTakeBackButton", tr("Cash from the selected teller's till back into the vault"));
    m_receive = button(tr("&Cash delivered…"), "vaultReceiveButton", tr("Cash delivered into the vault by cash-in-transit"));
    m_ship = button(tr("Cash se&nt out…"), "vaultShipButton", tr("Cash sent out of the vault with cash-in-transit"));
    m_decide = button(tr("Dec&ide the difference…"), "vaultDecideButton",
                      tr("Approve the selected till's waiting over/short, after a look at what it is"));
    m_reject = button(tr("Re&ject the difference…"), "vaultRejectDifferenceButton",
                      tr("Reject the selected till's waiting over/short, with a reason the teller sees"));
    m_check = button(tr("Check the unconfir&med movement…"), "vaultCheckButton",
                     tr("A movement that was sent and never confirmed: ask the server about it with its own key"));
    m_refresh = button(tr("Refresh (F5)"), "vaultRefreshButton", tr("Read the tills again"));
    m_check->hide();

    auto *tillButtons = new QHBoxLayout;
    tillButtons->addWidget(m_send);
    tillButtons->addWidget(m_takeBack);
    tillButtons->addWidget(m_decide);
    tillButtons->addWidget(m_reject);
    tillButtons->addStretch(1);
    tillButtons->addWidget(m_refresh);
    auto *vaultButtons = new QHBoxLayout;
    vaultButtons->addWidget(m_vault, 1);
    vaultButtons->addWidget(m_check);
    vaultButtons->addWidget(m_receive);
    vaultButtons->addWidget(m_ship);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(tillButtons);
    layout->addWidget(m_status);
    layout->addLayout(vaultButtons);

    connect(m_send, &QPushButton::clicked, this, &VaultPage::sendToTill);
    connect(m_takeBack, &QPushButton::clicked, this, &VaultPage::takeBack);
    connect(m_receive, &QPushButton::clicked, this, &VaultPage::receive);
    connect(m_ship, &QPushButton::clicked, this, &VaultPage::ship);
    connect(m_decide, &QPushButton::clicked, this, [this] { decideDifference(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decideDifference(false); });
    connect(m_refresh, &QPushButton::clicked, this, &VaultPage::refresh);
    connect(m_check, &QPushButton::clicked, this, [this] {
        if (m_unconfirmed && !m_move) {
            m_move = m_unconfirmed;
            updateButtons();
            m_unconfirmed->open();
        }
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const auto till = selectedTill();
        m_selectedKey = till ? tillId(*till) : QString();
        updateButtons();
    });
    connect(client, &TellerClient::branchTillsLoaded, this, &VaultPage::onTillsLoaded);
    connect(client, &TellerClient::readFailed, this, [this](quint64 id, const Error &e) {
        if (id != m_request)
            return;
        say(tr("The tills could not be read again (%1); what is shown may be out of date. F5 tries again.").arg(e.message), ui::Warn);
    });
    m_refreshSoon.setSingleShot(true);
    m_refreshSoon.setInterval(100);
    connect(&m_refreshSoon, &QTimer::timeout, this, &VaultPage::refresh);
    // The panel's live updates (TellerClient::operationChanged) and its refreshes read this page
    // again too (SupervisorPanel::refresh).
    connect(client, &TellerClient::decided, this, [this](const Decision &d) {
        if (d.key != m_deciding)
            return;
        m_deciding.clear();
        if (d.decidedNow)
            say(d.status == OutcomeStatus::Completed ? tr("The difference is approved and booked.")
                                                     : tr("The difference is rejected; the teller sees your reason."),
                ui::Good);
        else
            say(d.status == OutcomeStatus::Completed
                    ? tr("Already approved by %1.").arg(m_client->workplace().nameOf(d.decidedBy))
                    : tr("Already decided by %1: %2.").arg(m_client->workplace().nameOf(d.decidedBy), ui::operationStatusText(d.status)),
                ui::Warn);
        m_refreshSoon.start();
        updateButtons();
    });
    connect(client, &TellerClient::decisionFailed, this, [this](const QString &key, const Error &e) {
        if (key != m_deciding)
            return;
        m_deciding.clear();
        say(tr("The difference was not decided: %1").arg(e.message), ui::Bad);
        refresh();
        updateButtons();
    });

    updateVault();
    updateButtons();
    ui::nameForAccessibility(this);
}

void VaultPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

// F5 is the window's "Refresh account" too: on this page it reads the tills again instead (the
// page takes the key before the window's shortcut sees it).
bool VaultPage::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Refresh)) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void VaultPage::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Refresh)) {
        refresh();
        return;
    }
    QWidget::keyPressEvent(event);
}

void VaultPage::refresh()
{
    m_request = m_client->loadBranchTills();
}

void VaultPage::focusTills()
{
    m_view->setFocus();
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
}

void VaultPage::onTillsLoaded(quint64 id, const QList<TillInfo> &tills)
{
    if (id != m_request)
        return;
    const QString keep = m_selectedKey;
    m_model->setTills(tills);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (tillId(tills.at(row)) == keep) {
            m_view->setCurrentIndex(m_model->index(row, 0));
            break;
        }
    }
    m_selectedKey = keep;
    // Shown by keyboard, the list is ready to move in at once.
    if (!m_view->currentIndex().isValid() && m_view->hasFocus() && m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    updateButtons();
    Q_EMIT tillsChanged(tills);
}

QString VaultPage::unconfirmedMovement() const
{
    return m_unconfirmed && m_unconfirmed->unresolved() ? m_unconfirmed->description() : QString();
}

std::optional<TillInfo> VaultPage::selectedTill() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || index.row() >= m_model->tills().size() || !m_view->selectionModel()->isRowSelected(index.row(), {}))
        return std::nullopt;
    return m_model->tills().at(index.row());
}

void VaultPage::setPending(const QList<ReviewItem> &pending)
{
    m_pending = pending;
    updateButtons();
}

std::optional<ReviewItem> VaultPage::differenceOf(const TillInfo &till) const
{
    for (const ReviewItem &item : m_pending) {
        if ((item.kind == ActionKind::TillOpen || item.kind == ActionKind::TillClose) && item.account == till.number)
            return item;
    }
    return std::nullopt;
}

void VaultPage::updateButtons()
{
    const auto till = selectedTill();
    const bool moving = m_move || (m_unconfirmed && m_unconfirmed->isVisible());
    m_send->setEnabled(till && !moving);
    m_takeBack->setEnabled(till && !moving);
    m_receive->setEnabled(!moving);
    m_ship->setEnabled(!moving);
    const bool difference = till && till->differencePending && m_deciding.isEmpty();
    m_decide->setEnabled(difference);
    m_reject->setEnabled(difference);
    m_check->setVisible(m_unconfirmed && m_unconfirmed->unresolved());
}

void VaultPage::say(const QString &text, const QColor &colour)
{
    m_status->setText(text);
    m_status->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
}

void VaultPage::updateVault()
{
    if (m_vaultKnown.isEmpty()) {
        m_vault->setText(tr("The vault's cash: not known yet. There is no read of the vault's balance; each movement made here "
                            "reports what the vault holds after it."));
        return;
    }
    const QLocale l = locale();
    QStringList parts;
    for (auto it = m_vaultKnown.cbegin(); it != m_vaultKnown.cend(); ++it)
        parts << tr("%1 (at %2)")
                     .arg(it.value().toDisplayWithCode(l),
                          l.toString(m_vaultKnownAt.value(it.key()).toLocalTime().time(), QLocale::ShortFormat));
    m_vault->setText(tr("The vault's cash, as the last movement made here reported it: %1. There is no read of the vault's "
                        "balance; currencies not moved yet are not known.")
                         .arg(parts.join(QStringLiteral(" · "))));
}

void VaultPage::sendToTill()
{
    openMove(ActionKind::VaultToTill);
}

void VaultPage::takeBack()
{
    openMove(ActionKind::TillToVault);
}

void VaultPage::receive()
{
    openMove(ActionKind::VaultReceive);
}

void VaultPage::ship()
{
    openMove(ActionKind::VaultShip);
}

void VaultPage::openMove(ActionKind kind)
{
    if (m_move)
        return;
    if (m_unconfirmed && m_unconfirmed->unresolved()) {
        say(tr("A movement is not confirmed yet (%1): check it again first, so that nothing is moved twice.")
                .arg(m_unconfirmed->description()),
            ui::Warn);
        m_move = m_unconfirmed;
        updateButtons();
        m_unconfirmed->open();
        return;
    }
    std::optional<TillInfo> till;
    if (kind == ActionKind::VaultToTill || kind == ActionKind::TillToVault) {
        till = selectedTill();
        if (!till) {
            say(tr("Select a till first."), ui::Warn);
            return;
        }
        if (till->owner == m_client->staff().login) {
            say(tr("This is your own till: cash for it is moved by another supervisor."), ui::Warn);
            return;
        }
        if (!till->open) {
            say(tr("%1's till %2 is closed: cash moves only into and out of an open till.").arg(tellerName(*till), till->number),
                ui::Warn);
            return;
        }
    }
    // The currencies the branch's tills have, the home currency first if it is among them.
    QList<Currency> currencies;
    for (const TillInfo &t : m_model->tills())
        if (!currencies.contains(t.currency))
            currencies << t.currency;
    if (currencies.isEmpty())
        currencies = Currency::all();
    auto *dialog = new VaultMoveDialog(m_client, kind, till, currencies, m_vaultKnown, this);
    m_move = dialog;
    connect(dialog, &VaultMoveDialog::answered, this, [this, dialog](const Outcome &o) { onMoved(o, dialog->description()); });
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (dialog->unresolved()) {
            // Kept, with its key, to be checked again: never a new key for this movement.
            if (m_unconfirmed && m_unconfirmed != dialog)
                m_unconfirmed->deleteLater();
            m_unconfirmed = dialog;
            say(tr("Not confirmed: %1. Check the unconfirmed movement (Alt+M) before moving that cash again.")
                    .arg(dialog->description()),
                ui::Warn);
        } else {
            if (m_unconfirmed == dialog)
                m_unconfirmed.clear();
            dialog->deleteLater();
        }
        m_move.clear();
        updateButtons();
        m_view->setFocus();
    });
    updateButtons();
    dialog->open();
}

void VaultPage::onMoved(const Outcome &o, const QString &description)
{
    if (const auto vault = VaultMoveDialog::vaultAfter(o); o.status == OutcomeStatus::Completed && vault) {
        m_vaultKnown.insert(vault->currency().code(), *vault);
        m_vaultKnownAt.insert(vault->currency().code(), o.executedAt.isValid() ? o.executedAt : QDateTime::currentDateTimeUtc());
        updateVault();
    }
    const QLocale l = locale();
    switch (o.status) {
    case OutcomeStatus::Completed:
        say(o.tillAfter ? tr("Done: %1. The till holds %2 now.").arg(description, o.tillAfter->toDisplayWithCode(l))
                        : tr("Done: %1.").arg(description),
            ui::Good);
        break;
    case OutcomeStatus::Rejected: say(tr("Refused: %1 Nothing was moved.").arg(reasonText(o.reason)), ui::Bad); break;
    case OutcomeStatus::InDoubt: say(tr("Not confirmed: %1.").arg(description), ui::Warn); break;
    default: break;
    }
    refresh();
    updateButtons();
}

void VaultPage::decideDifference(bool approve)
{
    const auto till = selectedTill();
    if (!till || !till->differencePending || !m_deciding.isEmpty())
        return;
    const auto item = differenceOf(*till);
    if (!item) {
        say(tr("The difference of %1's till %2 is not in the pending queue yet; it is read again now. Try again in a moment.")
                .arg(tellerName(*till), till->number),
            ui::Warn);
        refresh();
        return;
    }
    Q_EMIT decideRequested(*item, approve);
}

void VaultPage::decisionAsked(DecisionDialog *dialog, const QString &key)
{
    if (!dialog) {
        say(tr("Another decision is under way: wait for its answer."), ui::Warn);
        return;
    }
    connect(dialog, &QDialog::accepted, this, [this, key, dialog] {
        m_deciding = key;
        say(dialog->approves() ? tr("Approving the difference…") : tr("Rejecting the difference…"),
            palette().color(QPalette::WindowText));
        updateButtons();
    });
    connect(dialog, &QDialog::rejected, this, [this] {
        say(tr("Nothing was decided."), palette().color(QPalette::WindowText));
        m_view->setFocus();
    });
}
