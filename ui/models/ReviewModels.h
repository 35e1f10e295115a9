#pragma once

#include "Cash.h"
#include "Supervision.h"

#include <QAbstractTableModel>
#include <QList>

// Operations for the supervisor: the pending queue (with live age and time to expiry), or
// the recent decisions and expiries.
class ReviewTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Mode { Pending, Decided };
    enum PendingColumn { Age, ExpiresIn, Teller, Account, Holder, Operation, Amount, Available, PendingColumns };
    enum DecidedColumn { DecidedAt, Decision, DecidedBy, DTeller, DAccount, DOperation, DAmount, DNote, DecidedColumns };
    static constexpr int KeyRole = Qt::UserRole + 1;
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit ReviewTableModel(Mode mode, QObject *parent = nullptr) : QAbstractTableModel(parent), m_mode(mode) {}

    void setItems(const QList<teller::ReviewItem> &items);
    const QList<teller::ReviewItem> &items() const { return m_items; }
    // The branch's tills as last read (the vault page): a till's over/short is then said with its
    // count and book.
    void setTills(const QList<teller::TillInfo> &tills);
    // The age and time-to-expiry columns move with the clock.
    void tick();

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_items.size()); }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : (m_mode == Mode::Pending ? int(PendingColumns) : int(DecidedColumns));
    }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString duration(qint64 seconds);

private:
    Mode m_mode;
    QList<teller::ReviewItem> m_items;
    QList<teller::TillInfo> m_tills;
};

class DoubtTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Reported, Teller, Workstation, Operation, Account, Amount, ServerStatus, Message, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setItems(const QList<teller::DoubtItem> &items);
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_items.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<teller::DoubtItem> m_items;
};

class LedgerTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Operation, Amount, BalanceAfter, By, ApprovedBy, Key, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setLines(const QList<teller::LedgerLine> &lines);
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_lines.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<teller::LedgerLine> m_lines;
};
