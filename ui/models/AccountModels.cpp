#include "AccountModels.h"

#include "Ui.h"

#include <QBrush>
#include <QLocale>

using namespace teller;

void AccountTableModel::setAccounts(const QList<AccountInfo> &accounts)
{
    beginResetModel();
    m_accounts = accounts;
    endResetModel();
}

void AccountTableModel::updateAccount(const AccountInfo &account)
{
    for (qsizetype row = 0; row < m_accounts.size(); ++row) {
        if (m_accounts.at(row).id == account.id) {
            m_accounts[row] = account;
            Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
        }
    }
}

QVariant AccountTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_accounts.size())
        return {};
    const AccountInfo &a = m_accounts.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Number: return a.number;
        case Holder:
            return a.status == AccountStatus::Active ? a.holder
                                                     : a.holder + QStringLiteral(" (") + ui::accountStatusText(a.status) + u')';
        case Currency: return a.currency().code();
        case Available: return a.available().toDisplay(QLocale());
        }
    } else if (role == Qt::TextAlignmentRole && index.column() == Available) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ForegroundRole && a.status != AccountStatus::Active) {
        return QBrush(a.status == AccountStatus::Closed ? Qt::gray : ui::Warn);
    }
    return {};
}

QVariant AccountTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number: return tr("Account");
    case Holder: return tr("Holder");
    case Currency: return tr("Currency");
    case Available: return tr("Available");
    }
    return {};
}

void OperationTableModel::setOperations(const QList<OperationInfo> &operations)
{
    beginResetModel();
    m_operations = operations;
    endResetModel();
}

QVariant OperationTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_operations.size())
        return {};
    const OperationInfo &op = m_operations.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time: return QLocale().toString(op.at.toLocalTime(), QLocale::ShortFormat);
        case Kind: return ui::operationKindText(op.kind);
        case Amount: return op.amount.toDisplay(QLocale());
        case BalanceAfter: return op.balanceAfter ? op.balanceAfter->toDisplay(QLocale()) : QString();
        case Status:
            return op.reason.isEmpty() ? ui::operationStatusText(op.status)
                                       : ui::operationStatusText(op.status) + QStringLiteral(": ") + reasonText(op.reason);
        case Counterparty: return op.counterparty;
        case InitiatedBy: return op.initiatedBy;
        }
    } else if (role == Qt::TextAlignmentRole && (index.column() == Amount || index.column() == BalanceAfter)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ForegroundRole) {
        if (op.status == OutcomeStatus::Rejected || op.status == OutcomeStatus::Expired || op.status == OutcomeStatus::Abandoned)
            return QBrush(Qt::gray);
        if (op.status == OutcomeStatus::PendingApproval)
            return QBrush(ui::Warn);
        if (index.column() == Amount)
            return QBrush(op.amount.minorUnits() < 0 ? ui::Bad : ui::Good);
    } else if (role == Qt::ToolTipRole) {
        return tr("Key %1").arg(op.key);
    }
    return {};
}

QVariant OperationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Kind: return tr("Operation");
    case Amount: return tr("Amount");
    case BalanceAfter: return tr("Balance after");
    case Status: return tr("Status");
    case Counterparty: return tr("Other account");
    case InitiatedBy: return tr("By");
    }
    return {};
}
