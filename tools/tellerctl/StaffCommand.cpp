// tellerctl staff add: a staff member's login role and staff record.
#include "Commands.h"

#include "Administration.h"
#include "Money.h"
#include "Staff.h"

#include <iostream>
#include <string>

using namespace teller;

namespace tellerctl {
namespace {

class StaffCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    StaffCommand()
        : Command(QStringLiteral("staff"), {QStringLiteral("role"), QStringLiteral("name"), QStringLiteral("limit")},
                  {QStringLiteral("password-stdin")},
                  QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl staff add LOGIN --role teller|supervisor|admin [--name NAME] "
                                                 "[--limit AMOUNT] [--password-stdin]"))
    {
    }

protected:
    int execute(const QStringList &pos) override
    {
        if (pos.size() != 3 || pos.at(1) != u"add")
            return usage(usageLine());
        const QString login = pos.at(2);
        const auto role = staffRoleFromName(args().value(QStringLiteral("role")));
        if (!role)
            return usage(tr("--role must be teller, supervisor or admin."));
        const QString limitText = args().value(QStringLiteral("limit"));
        if (args().isSet(QStringLiteral("limit"))) {
            if (auto bad = checkAmountSyntax(limitText))
                return usage(*bad);
        }
        std::optional<QString> password;
        if (args().isSet(QStringLiteral("password-stdin"))) {
            std::string line;
            std::getline(std::cin, line);
            QString p = QString::fromStdString(line);
            if (p.endsWith(u'\r'))
                p.chop(1);
            if (p.isEmpty())
                return usage(tr("No password arrived on standard input."));
            password = p;
        }

        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        Administration admin(db());
        std::optional<Money> limit;
        if (args().isSet(QStringLiteral("limit"))) {
            auto home = admin.homeCurrency();
            if (!home)
                return reportError(home.error());
            auto parsed = Money::parseCanonical(limitText, *home);
            if (!parsed)
                return usage(tr("The limit \"%1\" is not valid: %2").arg(limitText.left(40), parsed.error().message));
            limit = *parsed;
        }
        auto added = admin.addStaff(login, args().value(QStringLiteral("name")), *role, limit, password);
        if (!added)
            return reportError(added.error());
        QJsonObject o = added->toJson();
        o.insert(QStringLiteral("status"), QStringLiteral("completed"));
        o.insert(QStringLiteral("password_set"), password.has_value());
        printJson(o);
        return ExitCompleted;
    }
};

} // namespace

std::unique_ptr<Command> makeStaffCommand()
{
    return std::make_unique<StaffCommand>();
}

} // namespace tellerctl
