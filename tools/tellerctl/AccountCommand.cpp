// tellerctl account open|show|freeze|unfreeze|close NUMBER, and account import FILE.csv.
#include "Commands.h"

#include "AccountCsv.h"
#include "Accounts.h"
#include "Administration.h"
#include "Currency.h"
#include "Money.h"

#include <QFile>

using namespace teller;

namespace tellerctl {
namespace {

class AccountCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    AccountCommand()
        : Command(
            QStringLiteral("account"), {QStringLiteral("holder"), QStringLiteral("currency"), QStringLiteral("floor")}, {},
            QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl account open|show|freeze|unfreeze|close NUMBER | account import FILE.csv"))
    {
    }

protected:
    int execute(const QStringList &pos) override
    {
        const QString sub = pos.value(1);
        if (sub == u"import" && pos.size() == 3)
            return importFile(pos.at(2));
        if (pos.size() != 3
            || !QStringList{QStringLiteral("open"), QStringLiteral("show"), QStringLiteral("freeze"), QStringLiteral("unfreeze"),
                            QStringLiteral("close")}
                    .contains(sub))
            return usage(usageLine());
        auto number = normalizeAccountNumber(pos.at(2));
        if (!number)
            return reportError(number.error());
        if (sub == u"open")
            return open(*number);

        if (args().isSet(QStringLiteral("holder")) || args().isSet(QStringLiteral("currency")) || args().isSet(QStringLiteral("floor")))
            return usage(tr("Only \"account open\" takes --holder, --currency and --floor."));
        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        if (sub == u"show")
            return show(*number);
        return setStatus(*number, sub == u"freeze"  ? AccountStatus::Frozen
                                  : sub == u"close" ? AccountStatus::Closed
                                                    : AccountStatus::Active);
    }

private:
    static int unknownAccount(const QString &number)
    {
        QJsonObject o;
        o.insert(QStringLiteral("status"), QStringLiteral("rejected"));
        o.insert(QStringLiteral("reason"), QStringLiteral("unknown_account"));
        o.insert(QStringLiteral("number"), number);
        printJson(o);
        return ExitRejected;
    }

    int open(const QString &number)
    {
        const QString holder = args().value(QStringLiteral("holder")).trimmed();
        if (holder.isEmpty() || holder.size() > 200)
            return usage(tr("--holder NAME is required (at most 200 characters)."));
        std::optional<Currency> currency;
        if (args().isSet(QStringLiteral("currency"))) {
            currency = Currency::fromCode(args().value(QStringLiteral("currency")).trimmed().toUpper());
            if (!currency)
                return usage(tr("\"%1\" is not an ISO 4217 currency code this program knows.")
                                 .arg(args().value(QStringLiteral("currency")).left(10)));
        }
        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        Administration admin(db());
        if (!currency) {
            auto home = admin.homeCurrency();
            if (!home)
                return reportError(home.error());
            currency = *home;
        }
        Money floor(0, *currency);
        if (args().isSet(QStringLiteral("floor"))) {
            auto parsed = Money::parseCanonical(args().value(QStringLiteral("floor")), *currency);
            if (!parsed)
                return usage(tr("The floor is not valid: %1").arg(parsed.error().message));
            if (parsed->minorUnits() > 0)
                return usage(tr("The floor is the lowest balance allowed: 0, or negative for an overdraft (e.g. -500.00)."));
            floor = *parsed;
        }
        auto opened = admin.openAccount(number, holder, *currency, floor);
        if (!opened)
            return reportError(opened.error());
        QJsonObject o = opened->toJson();
        o.insert(QStringLiteral("status"), QStringLiteral("completed"));
        o.insert(QStringLiteral("account_status"), accountStatusName(opened->status));
        printJson(o);
        return ExitCompleted;
    }

    int show(const QString &number)
    {
        AccountDirectory directory(db());
        auto found = directory.find(number);
        if (!found)
            return reportError(found.error());
        if (!*found)
            return unknownAccount(number);
        printJson((*found)->toJson());
        return ExitCompleted;
    }

    int setStatus(const QString &number, AccountStatus target)
    {
        Administration admin(db());
        auto changed = admin.setAccountStatus(number, target);
        if (!changed) {
            if (changed.error().sqlState == u"P0002")
                return unknownAccount(number);
            return reportError(changed.error());
        }
        QJsonObject o = changed->account.toJson();
        o.insert(QStringLiteral("account_status"), accountStatusName(changed->account.status));
        if (changed->pending) {
            // An unfreeze: somebody else confirms it with the same command.
            o.insert(QStringLiteral("status"), QStringLiteral("pending_approval"));
            o.insert(QStringLiteral("message"), tr("Unfreezing needs a second person: somebody else runs the same command."));
            printJson(o);
            return ExitPending;
        }
        o.insert(QStringLiteral("status"), QStringLiteral("completed"));
        printJson(o);
        return ExitCompleted;
    }

    // All or nothing: a bad row is reported with its line number and nothing is opened.
    int importFile(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return usage(tr("The file %1 cannot be read.").arg(file));
        const QByteArray data = f.read(64 * 1024 * 1024);
        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        Administration admin(db());
        auto home = admin.homeCurrency();
        if (!home)
            return reportError(home.error());
        auto rows = parseAccountCsv(data, *home);
        if (!rows)
            return reportError(rows.error(), {{QStringLiteral("file"), file}});
        auto created = admin.importAccounts(*rows);
        if (!created)
            return reportError(created.error(), {{QStringLiteral("file"), file}});
        printJson({{QStringLiteral("status"), QStringLiteral("completed")},
                   {QStringLiteral("file"), file},
                   {QStringLiteral("accounts"), int(rows->size())},
                   {QStringLiteral("opened"), *created},
                   {QStringLiteral("already_open"), int(rows->size()) - *created}});
        return ExitCompleted;
    }
};

} // namespace

std::unique_ptr<Command> makeAccountCommand()
{
    return std::make_unique<AccountCommand>();
}

} // namespace tellerctl
