#include "Account.h"

#include "Names.h"

namespace teller {

namespace {
constexpr NamedValue<AccountStatus> statusNames[] = {
    {AccountStatus::Active, u"active"},
    {AccountStatus::Frozen, u"frozen"},
    {AccountStatus::Closed, u"closed"},
};
} // namespace

QString accountStatusName(AccountStatus status)
{
    return nameOf(statusNames, status);
}

std::optional<AccountStatus> accountStatusFromName(QStringView name)
{
    return valueOf(statusNames, name);
}

QJsonObject AccountInfo::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("number"), number);
    o.insert(QStringLiteral("holder"), holder);
    o.insert(QStringLiteral("currency"), currency().code());
    o.insert(QStringLiteral("status"), accountStatusName(status));
    o.insert(QStringLiteral("balance"), balance.toCanonical());
    o.insert(QStringLiteral("held"), held.toCanonical());
    o.insert(QStringLiteral("available"), available().toCanonical());
    o.insert(QStringLiteral("floor"), floor.toCanonical());
    if (openedAt.isValid())
        o.insert(QStringLiteral("opened_at"), openedAt.toUTC().toString(Qt::ISODateWithMs));
    return o;
}

} // namespace teller
