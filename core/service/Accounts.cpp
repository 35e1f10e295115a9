#include "Accounts.h"

#include "AccountColumns.h"
#include "Action.h"
#include "DbSession.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>

namespace teller {

namespace detail {
Result<AccountInfo> readAccount(const Row &q, int offset)
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
        // Staff read accounts only through the server's functions, which record every read
        // (migration 014).
        auto ok = m_session.select(QStringLiteral("SELECT " TELLER_ACCOUNT_COLUMNS " FROM teller.find_account(?)"), {number},
                                   QCoreApplication::translate("teller::Accounts", "looking up an account"), [&](const Row &q) {
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
    // No holder's name is longer (teller.holder_name); the server refuses longer text.
    if (trimmed.size() > 200)
        return QList<AccountInfo>{};
    QString numberPrefix;
    if (auto number = normalizeAccountNumber(trimmed))
        numberPrefix = *number;
    // teller.search_accounts: two index range scans (number, then holder), merged, numbers
    // first, at most 50 (its comment says how the indexes serve it, tests/db/tst_plans.cpp
    // checks). Text that is no account number leaves numberPrefix empty: the number branch
    // finds nothing.
    return m_session.retrying(QStringLiteral("account search"), [&]() -> Result<QList<AccountInfo>> {
        QList<AccountInfo> list;
        QSet<qint64> seen;
        Error broken;
        auto ok = m_session.select(QStringLiteral("SELECT " TELLER_ACCOUNT_COLUMNS " FROM teller.search_accounts(?, ?, ?)"),
                                   {numberPrefix, trimmed, limit}, QCoreApplication::translate("teller::Accounts", "searching accounts"),
                                   [&](const Row &q) {
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
    return m_session.retrying(QStringLiteral("recent operations"), [&]() -> Result<QList<OperationInfo>> {
        QList<OperationInfo> list;
        bool broken = false;
        auto ok = m_session.select(
            // The signed amount from the movement's sides, or from a ledger entry of before
            // version 11; the balance after it where the record has it; the key and the note of
            // another teller's operation stay on the server (teller.account_history).
            QStringLiteral("SELECT at, kind, status, reason, amount, currency, change, balance_after, counterparty, "
                           "       initiated_by, key::text, named_first, note "
                           "  FROM teller.account_history(?, ?)"),
            {account.number, limit}, QCoreApplication::translate("teller::Accounts", "reading recent operations"), [&](const Row &q) {
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
                op.note = q.value(12).toString();
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
