// tellerctl vault receive|ship --amount A | vault transfer --teller LOGIN --amount A [--to-vault]:
// a supervisor moves the branch vault's cash, exactly once per key (ActionExecutor::moveVaultCash).
#include "Commands.h"

#include "Action.h"

#include <QRegularExpression>

using namespace teller;

namespace tellerctl {
namespace {

class VaultCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    VaultCommand()
        : Command(QStringLiteral("vault"),
                  {QStringLiteral("amount"), QStringLiteral("currency"), QStringLiteral("teller"), QStringLiteral("key")},
                  {QStringLiteral("to-vault")},
                  QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl vault receive|ship --amount AMOUNT [--currency CODE] [--key UUID] | "
                                                 "vault transfer --teller LOGIN --amount AMOUNT [--currency CODE] [--to-vault] "
                                                 "[--key UUID]"))
    {
    }

protected:
    int execute(const QStringList &pos) override
    {
        const QString sub = pos.value(1);
        if (pos.size() != 2 || (sub != u"receive" && sub != u"ship" && sub != u"transfer"))
            return usage(usageLine());
        const bool transfer = sub == u"transfer";
        if (!transfer && (args().isSet(QStringLiteral("teller")) || args().isSet(QStringLiteral("to-vault"))))
            return usage(tr("Only \"vault transfer\" takes --teller and --to-vault."));
        if (transfer && !args().isSet(QStringLiteral("teller")))
            return usage(tr("vault transfer needs --teller LOGIN: the teller whose till the cash goes into or comes from."));
        if (!args().isSet(QStringLiteral("amount")))
            return usage(usageLine());

        auto key = keyOption();
        if (!key)
            return reportError(key.error());
        const QJsonObject context = keyContext(*key);
        QString teller;
        if (transfer) {
            // The form of a staff login (teller.add_staff); whether there is such a teller with an
            // open till is the server's answer.
            static const QRegularExpression login(QStringLiteral("^[a-z][a-z0-9_.-]{0,62}$"));
            teller = args().value(QStringLiteral("teller")).trimmed();
            if (!login.match(teller).hasMatch())
                return reportError(Error::badInput(tr("\"%1\" is not a staff login: lower-case letters, digits, \"_\", \".\" and "
                                                      "\"-\", starting with a letter.")
                                                       .arg(teller.left(70))),
                                   context);
        }
        const QString amountText = args().value(QStringLiteral("amount"));
        if (auto bad = checkAmountSyntax(amountText))
            return reportError(Error::badInput(*bad), context);
        auto given = currencyOption();
        if (!given)
            return reportError(given.error(), context);

        if (auto ok = connect(); !ok)
            return reportError(ok.error(), context);
        auto currency = currencyOrHome(*given);
        if (!currency)
            return reportError(currency.error(), context);
        auto amount = amountIn(amountText, *currency);
        if (!amount)
            return reportError(amount.error(), context);
        const ActionKind kind = sub == u"receive"                          ? ActionKind::VaultReceive
                                : sub == u"ship"                           ? ActionKind::VaultShip
                                : args().isSet(QStringLiteral("to-vault")) ? ActionKind::TillToVault
                                                                           : ActionKind::VaultToTill;
        auto executor = moneyExecutor();
        if (!executor)
            return reportError(executor.error(), context);
        return report((*executor)->moveVaultCash(*key, kind, teller, *amount, printRetry));
    }
};

} // namespace

std::unique_ptr<Command> makeVaultCommand()
{
    return std::make_unique<VaultCommand>();
}

} // namespace tellerctl
