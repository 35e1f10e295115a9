#include "ReviewModels.h"

#include "DecisionDialog.h"
#include "Ui.h"

#include <QBrush>
#include <QDateTime>
#include <QLocale>

using namespace teller;

namespace {
// Over/short and reversals are said in full: what is decided is not just "Till closed".
bool saidInFull(ActionKind kind)
{
    return kind == ActionKind::TillOpen || kind == ActionKind::TillClose || kind == ActionKind::Reversal;
}

QString operationText(ActionKind kind, const QString &counter)
{
    if (kind == ActionKind::Transfer && !counter.isEmpty())
        return ui::operationKindText(kind) + QStringLiteral(" → ") + counter;
    return ui::operationKindText(kind);
}
} // namespace

QString ReviewTableModel::duration(qint64 seconds)
{
    if (seconds < 0)
        return tr("expired");
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

void ReviewTableModel::setItems(const QList<ReviewItem> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

void ReviewTableModel::setTills(const QList<TillInfo> &tills)
{
    m_tills = tills;
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_items.size()) - 1, columnCount() - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

void ReviewTableModel::tick()
{
    if (m_mode == Mode::Pending && !m_items.isEmpty())
        Q_EMIT dataChanged(index(0, Age), index(int(m_items.size()) - 1, ExpiresIn), {Qt::DisplayRole, Qt::ForegroundRole});
}

QVariant ReviewTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const ReviewItem &r = m_items.at(index.row());
    if (role == KeyRole)
        return r.key;
    const QLocale l;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (role == Qt::ToolTipRole)
        return DecisionDialog::summary(r, l, DecisionDialog::tillOf(r, m_tills));
    if (m_mode == Mode::Pending) {
        if (role == SortRole) {
            switch (index.column()) {
            case Age: return r.createdAt;
            case ExpiresIn: // a till's difference waits however long it takes ('infinity': no date here)
                return r.expiresAt.isValid() ? r.expiresAt : QDateTime(QDate(9999, 12, 31), QTime(23, 59), Qt::UTC);
            case Amount: return r.amount ? r.amount->minorUnits() : 0;
            case Available: return r.available ? r.available->minorUnits() : 0;
            default: return data(index, Qt::DisplayRole);
            }
        }
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case Age: return duration(r.createdAt.secsTo(now));
            case ExpiresIn: return r.expiresAt.isValid() ? duration(now.secsTo(r.expiresAt)) : tr("never");
            case Teller:
                return r.initiatorName.isEmpty() ? r.initiatedBy : r.initiatorName + QStringLiteral(" (") + r.initiatedBy + u')';
            case Account: return r.account;
            case Holder: return r.holder;
            case Operation:
                return saidInFull(r.kind) ? DecisionDialog::summary(r, l, DecisionDialog::tillOf(r, m_tills))
                                          : operationText(r.kind, r.counterAccount);
            case Amount: return r.amount ? r.amount->toDisplayWithCode(l) : QString();
            case Available: return r.available ? r.available->toDisplayWithCode(l) : QString();
            }
        } else if (role == Qt::TextAlignmentRole && (index.column() == Amount || index.column() == Available)) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        } else if (role == Qt::ForegroundRole && index.column() == ExpiresIn && r.expiresAt.isValid() && now.secsTo(r.expiresAt) < 300) {
            return QBrush(ui::Bad);
        }
        return {};
    }
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case DecidedAt:
            return role == SortRole ? QVariant(r.decidedAt) : QVariant(l.toString(r.decidedAt.toLocalTime(), QLocale::ShortFormat));
        case Decision:
            return r.status == OutcomeStatus::Completed  ? tr("Approved")
                   : r.status == OutcomeStatus::Rejected ? tr("Rejected")
                                                         : ui::operationStatusText(r.status);
        case DecidedBy: return r.decidedBy.isEmpty() ? tr("(expiry)") : r.decidedBy;
        case DTeller: return r.initiatedBy;
        case DAccount: return r.account;
        case DOperation: return operationText(r.kind, r.counterAccount);
        case DAmount:
            return role == SortRole ? QVariant(r.amount ? r.amount->minorUnits() : 0)
                                    : QVariant(r.amount ? r.amount->toDisplayWithCode(l) : QString());
        case DNote: return r.decisionNote;
        }
    } else if (role == Qt::ForegroundRole && index.column() == Decision) {
        return QBrush(r.status == OutcomeStatus::Completed ? ui::Good : r.status == OutcomeStatus::Rejected ? ui::Bad : ui::Warn);
    } else if (role == Qt::TextAlignmentRole && index.column() == DAmount) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant ReviewTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (m_mode == Mode::Pending) {
        switch (section) {
        case Age: return tr("Waiting");
        case ExpiresIn: return tr("Expires in");
        case Teller: return tr("Teller");
        case Account: return tr("Account");
        case Holder: return tr("Holder");
        case Operation: return tr("Operation");
        case Amount: return tr("Amount");
        case Available: return tr("Available now");
        }
        return {};
    }
    switch (section) {
    case DecidedAt: return tr("When");
    case Decision: return tr("Decision");
    case DecidedBy: return tr("By");
    case DTeller: return tr("Teller");
    case DAccount: return tr("Account");
    case DOperation: return tr("Operation");
    case DAmount: return tr("Amount");
    case DNote: return tr("Note");
    }
    return {};
}

void DoubtTableModel::setItems(const QList<DoubtItem> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

QVariant DoubtTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const DoubtItem &d = m_items.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Reported: return QLocale().toString(d.reportedAt.toLocalTime(), QLocale::ShortFormat);
        case Teller: return d.reportedBy;
        case Workstation: return d.workstation;
        case Operation: return operationText(d.kind, d.counterAccount);
        case Account: return d.account;
        case Amount: return d.amount ? d.amount->toDisplayWithCode(QLocale()) : QString();
        case ServerStatus: return !d.serverStatus ? tr("Never received") : ui::operationStatusText(*d.serverStatus);
        case Message: return d.message;
        }
    } else if (role == Qt::ForegroundRole && index.column() == ServerStatus) {
        return QBrush(!d.serverStatus ? ui::Warn : d.serverStatus == OutcomeStatus::Completed ? ui::Good : Qt::gray);
    } else if (role == Qt::ToolTipRole) {
        return tr("Key %1").arg(d.key);
    }
    return {};
}

QVariant DoubtTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Reported: return tr("Reported");
    case Teller: return tr("Teller");
    case Workstation: return tr("Workstation");
    case Operation: return tr("Operation");
    case Account: return tr("Account");
    case Amount: return tr("Amount");
    case ServerStatus: return tr("On the server");
    case Message: return tr("What the workstation saw");
    }
    return {};
}

void LedgerTableModel::setLines(const QList<LedgerLine> &lines)
{
    beginResetModel();
    m_lines = lines;
    endResetModel();
}

QVariant LedgerTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    const LedgerLine &l = m_lines.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time: return QLocale().toString(l.at.toLocalTime(), QLocale::ShortFormat);
        case Operation: return ui::operationKindText(l.kind);
        case Amount: return l.amount.toDisplay(QLocale());
        case BalanceAfter: return l.balanceAfter.toDisplay(QLocale());
        case By: return l.initiatedBy;
        case ApprovedBy: return l.decidedBy;
        case Key: return l.key;
        }
    } else if (role == Qt::TextAlignmentRole && (index.column() == Amount || index.column() == BalanceAfter)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ForegroundRole && index.column() == Amount) {
        return QBrush(l.amount.minorUnits() < 0 ? ui::Bad : ui::Good);
    }
    return {};
}

QVariant LedgerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Operation: return tr("Operation");
    case Amount: return tr("Amount");
    case BalanceAfter: return tr("Balance after");
    case By: return tr("By");
    case ApprovedBy: return tr("Approved by");
    case Key: return tr("Operation key");
    }
    return {};
}
