#include "Staff.h"

namespace teller {

QString staffRoleName(StaffRole role)
{
    switch (role) {
    case StaffRole::Teller: return QStringLiteral("teller");
    case StaffRole::Supervisor: return QStringLiteral("supervisor");
    case StaffRole::Admin: return QStringLiteral("admin");
    }
    return {};
}

std::optional<StaffRole> staffRoleFromName(QStringView name)
{
    for (StaffRole r : {StaffRole::Teller, StaffRole::Supervisor, StaffRole::Admin}) {
        if (name == staffRoleName(r))
            return r;
    }
    return std::nullopt;
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
