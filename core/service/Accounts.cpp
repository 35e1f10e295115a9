#include "Accounts.h"

#include "AccountColumns.h"
#include "Action.h"
#include "DbSession.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>

namespace teller {

namespace detail {
Result<AccountInfo> readAccount(const QSqlQuery &q, int offset)
{
    AccountInfo a;
    a.id = bigintValue(q.value(offset)).value_or(0);
    a.number = q.value(offset + 1).toString();
    a.holder = q.value(offset + 2).toString();
    const auto currency = Currency::fromCode(q.value(offset + 3).toString());
    const auto balance = bigintValue(q.value(offset + 4));
    const auto held = bigintValue(q.value(offset + 5));
    const auto floor = bigintValue(q.value(offset + 6));
    const auto status = accountStatusFromName(q.value(offset + 7).toString());
    if (!currency || !balance || !held || !floor || !status)
        return fail(
            Error::internal(QCoreApplication::translate("teller::Accounts", "The server sent an account this program cannot read.")));
    a.balance = Money(*balance, *currency);
    a.held = Money(*held, *currency);
    a.floor = Money(*floor, *currency);
    a.status = *status;
    a.openedAt = q.value(offset + 8).toDateTime();
    return a;
}
} // namespace detail

Result<std::optional<AccountInfo>> AccountDirectory::find(const QString &number)
{
    return m_session.retrying(QStringLiteral("account lookup"), [&]() -> Result<std::optional<AccountInfo>> {
        std::optional<AccountInfo> result;
        Error broken;
        auto ok = m_session.select(QStringLiteral("SELECT " TELLER_ACCOUNT_COLUMNS " FROM teller.accounts WHERE number = ?"), {number},
                                   QCoreApplication::translate("teller::Accounts", "looking up an account"), [&](const QSqlQuery &q) {
                                       if (auto a = detail::readAccount(q, 0))
                                           result = *a;
                                       else
                                           broken = a.error();
                                   });
        if (!ok)
            return fail(ok.error());
        if (!broken.message.isEmpty())
            return fail(broken);
        return result;
    });
}

Result<QList<AccountInfo>> AccountDirectory::search(const QString &text, int limit)
{
    const QString trimmed = text.simplified();
    if (trimmed.isEmpty())
        return QList<AccountInfo>{};
    QString numberPrefix;
    if (auto number = normalizeAccountNumber(trimmed))
        numberPrefix = *number;
    // Two index range scans (number, then holder), merged; a number match comes first.
    // The "C" collation lets one index both find the prefix and return rows in order, so
    // LIMIT stops early however many holders share a name (migration 007). The prefix is an
    // explicit range, not LIKE, so that it stays an index search in a generic plan too
    // (migration 009); a prefix is matched literally, % and _ included. Text that is no
    // account number leaves numberPrefix empty, and the empty prefix's range has no end
    // (NULL): the number branch finds nothing.
    return m_session.retrying(QStringLiteral("account search"), [&]() -> Result<QList<AccountInfo>> {
        QList<AccountInfo> list;
        QSet<qint64> seen;
        Error broken;
        auto ok = m_session.select(
            QStringLiteral(
                "SELECT " TELLER_ACCOUNT_COLUMNS " FROM ("
                "  (SELECT *, 0 AS rank FROM teller.accounts"
                "    WHERE number COLLATE \"C\" >= ? AND number COLLATE \"C\" < teller.prefix_end(?)"
                "   ORDER BY number COLLATE \"C\" LIMIT ?)"
                "  UNION ALL"
                "  (SELECT *, 1 AS rank FROM teller.accounts"
                "    WHERE lower(holder) COLLATE \"C\" >= lower(?) AND lower(holder) COLLATE \"C\" < teller.prefix_end(lower(?))"
                "   ORDER BY lower(holder) COLLATE \"C\" LIMIT ?)"
                ") found ORDER BY rank, number LIMIT ?"),
            {numberPrefix, numberPrefix, limit, trimmed, trimmed, limit, limit},
            QCoreApplication::translate("teller::Accounts", "searching accounts"), [&](const QSqlQuery &q) {
                auto a = detail::readAccount(q, 0);
                if (!a)
                    broken = a.error();
                else if (!seen.contains(a->id)) {
                    seen.insert(a->id);
                    list << *a;
                }
            });
        if (!ok)
            return fail(ok.error());
        if (!broken.message.isEmpty())
            return fail(broken);
        return list;
    });
}

Result<QList<OperationInfo>> AccountDirectory::recentOperations(const AccountInfo &account, int limit)
{
    const QVariant id = QVariant::fromValue<qlonglong>(account.id);
    return m_session.retrying(QStringLiteral("recent operations"), [&]() -> Result<QList<OperationInfo>> {
        QList<OperationInfo> list;
        bool broken = false;
        auto ok = m_session.select(
            // The signed amount from the movement's sides (a customer account gains what it is
            // credited), or from a ledger entry of before version 11; the balance after it where
            // the record has it (the account the operation names first, once completed).
            QStringLiteral("SELECT o.created_at, o.kind, o.status, o.reason, o.amount, o.currency, "
                           "       coalesce(l.amount, CASE WHEN o.credit_account_id = ? THEN o.amount "
                           "                               WHEN o.debit_account_id = ? THEN -o.amount END), "
                           "       coalesce(l.balance_after, CASE WHEN o.account_id = ? AND o.status = 'completed' "
                           "                                      THEN o.balance_after END), "
                           "       CASE WHEN o.account_id = ? THEN o.counter_account_number ELSE o.account_number END, "
                           "       o.initiated_by, o.key::text, o.account_id = ? "
                           "  FROM teller.operations o "
                           "  LEFT JOIN teller.ledger_entries l ON l.operation_id = o.id AND l.account_id = ? "
                           " WHERE o.account_id = ? OR o.counter_account_id = ? "
                           " ORDER BY o.created_at DESC, o.id DESC LIMIT ?"),
            {id, id, id, id, id, id, id, id, limit}, QCoreApplication::translate("teller::Accounts", "reading recent operations"),
            [&](const QSqlQuery &q) {
                const auto kind = actionKindFromName(q.value(1).toString());
                const auto status = outcomeStatusFromName(q.value(2).toString());
                if (!kind || !status) {
                    broken = true;
                    return;
                }
                OperationInfo op;
                op.at = q.value(0).toDateTime();
                op.kind = *kind;
                op.status = *status;
                op.reason = q.value(3).toString();
                const auto currency = Currency::fromCode(q.value(5).toString()).value_or(account.currency());
                const qint64 amount = bigintValue(q.value(4)).value_or(0);
                const bool outgoing = q.value(11).toBool() && op.kind != ActionKind::Deposit;
                if (const auto ledger = bigintValue(q.value(6)))
                    op.amount = Money(*ledger, currency);
                else
                    op.amount = Money(outgoing ? -amount : amount, currency);
                if (const auto after = bigintValue(q.value(7)))
                    op.balanceAfter = Money(*after, currency);
                op.counterparty = q.value(8).toString();
                op.initiatedBy = q.value(9).toString();
                op.key = q.value(10).toString();
                list << op;
            });
        if (!ok)
            return fail(ok.error());
        if (broken)
            return fail(Error::internal(
                QCoreApplication::translate("teller::Accounts", "The server sent an operation this program cannot read.")));
        return list;
    });
}

} // namespace teller
