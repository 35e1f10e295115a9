// tellerctl staff: staff administration (add, set-role, set-limit, deactivate, reactivate;
// the changes that wait for a second admin: pending, approve, reject), and tellerctl password:
// a member's own new password; tellerctl pool-login: a pooler's shared login.
#include "Commands.h"

#include "Administration.h"
#include "Money.h"
#include "Staff.h"

#include <QRegularExpression>

#include <iostream>
#include <string>

using namespace teller;

namespace tellerctl {
namespace {

// One line of standard input, without its line ending; nullopt when nothing arrived.
std::optional<QString> passwordFromStdin()
{
    std::string line;
    std::getline(std::cin, line);
    QString p = QString::fromStdString(line);
    if (p.endsWith(u'\r'))
        p.chop(1);
    if (p.isEmpty())
        return std::nullopt;
    return p;
}

class StaffCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    StaffCommand()
        : Command(
            QStringLiteral("staff"),
            {QStringLiteral("role"), QStringLiteral("name"), QStringLiteral("limit"), QStringLiteral("branch"), QStringLiteral("note")},
            {QStringLiteral("password-stdin")},
            QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl staff add LOGIN --role teller|supervisor|admin [--name NAME] "
                                           "[--limit AMOUNT|unlimited] [--branch CODE] [--password-stdin]\n"
                                           "       tellerctl staff set-role LOGIN --role teller|supervisor|admin\n"
                                           "       tellerctl staff set-limit LOGIN --limit AMOUNT|unlimited\n"
                                           "       tellerctl staff deactivate|reactivate LOGIN\n"
                                           "       tellerctl staff pending\n"
                                           "       tellerctl staff approve CHANGE\n"
                                           "       tellerctl staff reject CHANGE --note TEXT"))
    {
    }

protected:
    int execute(const QStringList &pos) override
    {
        const QString sub = pos.value(1);
        if (sub == u"pending")
            return pos.size() == 2 ? pending() : usage(usageLine());
        if (pos.size() != 3)
            return usage(usageLine());
        if (sub == u"add" || sub == u"set-role" || sub == u"set-limit")
            return change(sub, pos.at(2));
        if (sub == u"deactivate" || sub == u"reactivate")
            return setActive(pos.at(2), sub == u"reactivate");
        if (sub == u"approve" || sub == u"reject")
            return decide(pos.at(2), sub == u"approve");
        return usage(usageLine());
    }

private:
    int answer(const Result<StaffChange> &r, const QJsonObject &extra = {})
    {
        if (!r)
            return reportError(r.error());
        QJsonObject o = r->toJson();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
        if (r->pending)
            o.insert(QStringLiteral("message"),
                     tr("The change waits for a second administrator: tellerctl staff approve %1").arg(r->changeId));
        printJson(o);
        return r->pending ? ExitPending : ExitCompleted;
    }

    int change(const QString &sub, const QString &login)
    {
        const bool adding = sub == u"add";
        std::optional<StaffRole> role;
        if (adding || sub == u"set-role") {
            role = staffRoleFromName(args().value(QStringLiteral("role")));
            if (!role)
                return usage(tr("--role must be teller, supervisor or admin."));
        } else if (args().isSet(QStringLiteral("role"))) {
            return usage(tr("set-limit changes only the limit: use set-role for the role."));
        }
        if (!adding) {
            for (const char *only : {"name", "branch", "password-stdin"}) {
                if (args().isSet(QString::fromLatin1(only)))
                    return usage(tr("--%1 goes with staff add.").arg(QString::fromLatin1(only)));
            }
        }
        if (sub == u"set-role" && args().isSet(QStringLiteral("limit")))
            return usage(tr("set-role changes only the role: use set-limit for the limit."));
        if (sub == u"set-limit" && !args().isSet(QStringLiteral("limit")))
            return usage(tr("set-limit needs --limit AMOUNT or --limit unlimited."));
        if (args().isSet(QStringLiteral("note")))
            return usage(tr("--note goes with staff reject."));

        const QString limitText = args().value(QStringLiteral("limit"));
        const bool unlimited = limitText == u"unlimited";
        if (args().isSet(QStringLiteral("limit")) && !unlimited) {
            // Zero is a limit (everything waits for a supervisor); a sign is not.
            if (limitText.trimmed().startsWith(u'-'))
                return usage(tr("A limit cannot be negative."));
            if (auto bad = checkCountedSyntax(limitText))
                return usage(*bad);
        }
        if (unlimited && role == StaffRole::Admin)
            return usage(tr("Administrators move no money: they have no limit."));
        std::optional<QString> password;
        if (args().isSet(QStringLiteral("password-stdin"))) {
            password = passwordFromStdin();
            if (!password)
                return usage(tr("No password arrived on standard input."));
        }

        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        Administration admin(db());
        std::optional<Money> limit;
        if (args().isSet(QStringLiteral("limit")) && !unlimited) {
            auto home = admin.homeCurrency();
            if (!home)
                return reportError(home.error());
            auto parsed = Money::parseCanonical(limitText, *home);
            if (!parsed)
                return usage(tr("The limit \"%1\" is not valid: %2").arg(limitText.left(40), parsed.error().message));
            limit = *parsed;
        }
        QJsonObject extra;
        if (adding)
            extra.insert(QStringLiteral("password_set"), password.has_value());
        return answer(admin.addStaff(login, args().value(QStringLiteral("name")), role, limit, password,
                                     args().value(QStringLiteral("branch")), unlimited),
                      extra);
    }

    int setActive(const QString &login, bool active)
    {
        if (auto bad = onlyPositional())
            return *bad;
        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        Administration admin(db());
        return answer(admin.setStaffActive(login, active));
    }

    int decide(const QString &changeText, bool approve)
    {
        bool ok = false;
        const qint64 id = changeText.toLongLong(&ok);
        if (!ok || id <= 0)
            return usage(
                tr("\"%1\" is not the number of a staff change (tellerctl staff pending lists them).").arg(changeText.left(40)));
        const QString note = args().value(QStringLiteral("note"));
        if (!approve && note.trimmed().isEmpty())
            return usage(tr("A rejection needs a reason: --note TEXT."));
        for (const char *only : {"role", "name", "limit", "branch", "password-stdin"}) {
            if (args().isSet(QString::fromLatin1(only)))
                return usage(
                    tr("--%1 does not go with staff %2.").arg(QString::fromLatin1(only), approve ? u"approve"_qs : u"reject"_qs));
        }
        if (auto connected = connect(); !connected)
            return reportError(connected.error());
        Administration admin(db());
        return answer(admin.decideStaffChange(id, approve, note));
    }

    int pending()
    {
        if (auto bad = onlyPositional())
            return *bad;
        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        Administration admin(db());
        auto list = admin.staffChangesWaiting();
        if (!list)
            return reportError(list.error());
        QJsonObject o;
        o.insert(QStringLiteral("status"), QStringLiteral("completed"));
        o.insert(QStringLiteral("changes"), *list);
        printJson(o);
        return ExitCompleted;
    }

    // The subcommands that take no options of this command's own.
    std::optional<int> onlyPositional()
    {
        for (const QString &option : valueOptions() + flags()) {
            if (args().isSet(option))
                return usage(tr("--%1 does not go with this command.").arg(option));
        }
        return std::nullopt;
    }
};

class PasswordCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    PasswordCommand()
        : Command(QStringLiteral("password"), {}, {QStringLiteral("password-stdin")},
                  QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl password --password-stdin"))
    {
    }

protected:
    int execute(const QStringList &pos) override
    {
        if (pos.size() != 1 || !args().isSet(QStringLiteral("password-stdin")))
            return usage(usageLine());
        const auto password = passwordFromStdin();
        if (!password)
            return usage(tr("No password arrived on standard input."));
        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        Administration admin(db());
        if (auto changed = admin.changeOwnPassword(*password); !changed)
            return reportError(changed.error());
        QJsonObject o;
        o.insert(QStringLiteral("status"), QStringLiteral("completed"));
        o.insert(QStringLiteral("login"), db().sessionUser());
        printJson(o);
        return ExitCompleted;
    }
};

// tellerctl pool-login add LOGIN --password-stdin: (the database's owner) the login a pooler
// such as PgBouncer uses for every workstation (teller.add_pooled_login, migration 020).
class PoolLoginCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    PoolLoginCommand()
        : Command(QStringLiteral("pool-login"), {}, {QStringLiteral("password-stdin")},
                  QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl pool-login add LOGIN --password-stdin"))
    {
    }

protected:
    int execute(const QStringList &pos) override
    {
        if (pos.size() != 3 || pos.at(1) != u"add" || !args().isSet(QStringLiteral("password-stdin")))
            return usage(usageLine());
        const QString login = pos.at(2);
        static const QRegularExpression loginShape(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
        if (!loginShape.match(login).hasMatch())
            return usage(tr("A pooled login is 1 to 63 lower-case letters, digits and underscores, starting with a letter."));
        const auto password = passwordFromStdin();
        if (!password)
            return usage(tr("No password arrived on standard input."));
        // The pooler keeps it in its configuration and nobody types it: long and random.
        if (password->size() < 20)
            return usage(tr("A pooled login's password has at least 20 characters (make it random: only the pooler uses it)."));
        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        auto verifier = db().passwordVerifier(login, *password);
        if (!verifier)
            return reportError(verifier.error());
        auto added = db().retrying(tr("adding the pooled login"), [&] {
            return db().selectOne(QStringLiteral("SELECT teller.add_pooled_login(?, ?)::text"), {login, *verifier},
                                  tr("adding the pooled login"), [](const Row &) { return true; });
        });
        if (!added)
            return reportError(added.error());
        QJsonObject o;
        o.insert(QStringLiteral("status"), QStringLiteral("completed"));
        o.insert(QStringLiteral("login"), login);
        printJson(o);
        return ExitCompleted;
    }
};

} // namespace

std::unique_ptr<Command> makeStaffCommand()
{
    return std::make_unique<StaffCommand>();
}

std::unique_ptr<Command> makePasswordCommand()
{
    return std::make_unique<PasswordCommand>();
}

std::unique_ptr<Command> makePoolLoginCommand()
{
    return std::make_unique<PoolLoginCommand>();
}

} // namespace tellerctl
