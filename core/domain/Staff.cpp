#include "Staff.h"

#include "Names.h"

namespace teller {

namespace {
constexpr NamedValue<StaffRole> roleNames[] = {
    {StaffRole::Teller, u"teller"},
    {StaffRole::Supervisor, u"supervisor"},
    {StaffRole::Admin, u"admin"},
};
} // namespace

QString staffRoleName(StaffRole role)
{
    return nameOf(roleNames, role);
}

std::optional<StaffRole> staffRoleFromName(QStringView name)
{
    return valueOf(roleNames, name);
}

QJsonObject StaffInfo::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("login"), login);
    o.insert(QStringLiteral("display_name"), displayName);
    o.insert(QStringLiteral("role"), staffRoleName(role));
    o.insert(QStringLiteral("approval_limit"), approvalLimit ? QJsonValue(approvalLimit->toCanonical()) : QJsonValue());
    if (approvalLimit)
        o.insert(QStringLiteral("limit_currency"), approvalLimit->currency().code());
    o.insert(QStringLiteral("active"), active);
    return o;
}

} // namespace teller
