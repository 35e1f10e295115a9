#pragma once

#include "Accounts.h"

#include <QAbstractTableModel>
#include <QList>

// Search results: number, holder, currency, available.
class AccountTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, Holder, Currency, Available, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setAccounts(const QList<teller::AccountInfo> &accounts);
    // Shows fresh figures for an account that is listed (after an operation on it).
    void updateAccount(const teller::AccountInfo &account);
    const teller::AccountInfo &account(int row) const { return m_accounts.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_accounts.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<teller::AccountInfo> m_accounts;
};

// An account's recent operations: time, kind, amount (signed), balance after, status, by.
class OperationTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Kind, Amount, BalanceAfter, Status, Counterparty, InitiatedBy, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setOperations(const QList<teller::OperationInfo> &operations);
    const teller::OperationInfo &operation(int row) const { return m_operations.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_operations.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<teller::OperationInfo> m_operations;
};
