#pragma once

#include "Money.h"

#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>

namespace teller {

// A member of staff as the core knows them: their PostgreSQL login, their role and how much
// they may move without a supervisor.
enum class StaffRole { Teller, Supervisor, Admin };
QString staffRoleName(StaffRole role);
std::optional<StaffRole> staffRoleFromName(QStringView name);

struct StaffInfo
{
    QString login;
    QString displayName;
    StaffRole role = StaffRole::Teller;
    std::optional<Money> approvalLimit;
    bool active = true;
    // An administrator set the password: the member chooses their own before moving money.
    bool mustChangePassword = false;
    QJsonObject toJson() const;
};

} // namespace teller
