#include "Accounts.h"

#include "DbSession.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace teller {

QJsonObject AccountInfo::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("number"), number);
    o.insert(QStringLiteral("holder"), holder);
    o.insert(QStringLiteral("currency"), currency().code());
    o.insert(QStringLiteral("status"), status);
    o.insert(QStringLiteral("balance"), balance.toCanonical());
    o.insert(QStringLiteral("held"), held.toCanonical());
    o.insert(QStringLiteral("available"), available().toCanonical());
    o.insert(QStringLiteral("floor"), floor.toCanonical());
    if (openedAt.isValid())
        o.insert(QStringLiteral("opened_at"), openedAt.toUTC().toString(Qt::ISODateWithMs));
    return o;
}

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
    if (!currency || !balance || !held || !floor)
        return fail(Error::internal(QCoreApplication::translate("teller::Accounts",
                                                                "The server sent an account this program cannot read.")));
    a.balance = Money(*balance, *currency);
    a.held = Money(*held, *currency);
    a.floor = Money(*floor, *currency);
    a.status = q.value(offset + 7).toString();
    a.openedAt = q.value(offset + 8).toDateTime();
    return a;
}
} // namespace detail

const QString AccountColumns = QStringLiteral("id, number, holder, currency, balance, held, balance_floor, status, opened_at");

Result<std::optional<AccountInfo>> AccountDirectory::find(const QString &number)
{
    auto statement = m_session.prepared(QStringLiteral("SELECT ") + AccountColumns
                                        + QStringLiteral(" FROM teller.accounts WHERE number = ?"));
    if (!statement)
        return fail(statement.error());
    QSqlQuery &q = **statement;
    q.bindValue(0, number);
    const auto guard = m_session.guard(m_session.statementDeadline());
    if (!q.exec())
        return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Accounts", "looking up an account")));
    std::optional<AccountInfo> result;
    if (q.next()) {
        auto a = detail::readAccount(q, 0);
        if (!a) {
            q.finish();
            return fail(a.error());
        }
        result = *a;
    }
    q.finish();
    return result;
}

} // namespace teller
