// tellerctl deposit, withdraw and transfer: one action, exactly once per key, through the
// journaled executor. Cash (deposit, withdraw) goes into or out of the teller's open till, and
// at or above the large-cash threshold needs the customer's identification (--id-type,
// --id-number).
#include "Commands.h"

#include "Accounts.h"
#include "Action.h"
#include "Administration.h"
#include "Currency.h"
#include "IdempotencyKey.h"
#include "Money.h"

using namespace teller;

namespace tellerctl {
namespace {

class ActionCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    explicit ActionCommand(ActionKind kind)
        : Command(
            kind == ActionKind::Deposit      ? QStringLiteral("deposit")
            : kind == ActionKind::Withdrawal ? QStringLiteral("withdraw")
                                             : QStringLiteral("transfer"),
            kind == ActionKind::Transfer ? QStringList{QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("amount"),
                                                       QStringLiteral("key"), QStringLiteral("note")}
                                         : QStringList{QStringLiteral("account"), QStringLiteral("amount"), QStringLiteral("key"),
                                                       QStringLiteral("note"), QStringLiteral("id-type"), QStringLiteral("id-number")},
            {},
            kind == ActionKind::Transfer
                ? QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl transfer --from NUMBER --to NUMBER --amount AMOUNT [--key UUID]")
                : QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl %1 --account NUMBER --amount AMOUNT [--key UUID] [--note TEXT] "
                                                 "[--id-type TYPE --id-number NUMBER]")),
          m_kind(kind)
    {
    }

    QString usageLine() const override
    {
        return m_kind == ActionKind::Transfer ? Command::usageLine() : Command::usageLine().arg(name());
    }

protected:
    int execute(const QStringList &) override
    {
        QJsonObject context;
        IdempotencyKey key;
        if (args().isSet(QStringLiteral("key"))) {
            auto parsed = IdempotencyKey::parse(args().value(QStringLiteral("key")));
            if (!parsed)
                return reportError(parsed.error());
            key = *parsed;
            context.insert(QStringLiteral("key"), key.toString());
        }
        const bool transfer = m_kind == ActionKind::Transfer;
        const QString accountOption = transfer ? QStringLiteral("from") : QStringLiteral("account");
        if (!args().isSet(accountOption) || !args().isSet(QStringLiteral("amount")) || (transfer && !args().isSet(QStringLiteral("to"))))
            return reportError(Error::badInput(usageLine()), context);
        auto account = normalizeAccountNumber(args().value(accountOption));
        if (!account)
            return reportError(account.error(), context);
        QString counter;
        if (transfer) {
            auto to = normalizeAccountNumber(args().value(QStringLiteral("to")));
            if (!to)
                return reportError(to.error(), context);
            counter = *to;
            if (counter == *account)
                return reportError(Error::badInput(tr("A transfer needs two different accounts.")), context);
        }
        const QString amountText = args().value(QStringLiteral("amount"));
        if (auto bad = checkAmountSyntax(amountText))
            return reportError(Error::badInput(*bad), context);
        auto customerId = customerIdOption();
        if (!customerId)
            return reportError(customerId.error(), context);

        if (auto ok = connect(); !ok)
            return reportError(ok.error(), context);
        auto currency = actionCurrency(*account, counter);
        if (!currency)
            return reportError(currency.error(), context);
        auto amount = Money::parseCanonical(amountText, *currency);
        if (!amount)
            return reportError(
                Error::badInput(tr("The amount \"%1\" is not valid: %2").arg(amountText.left(40), amount.error().message)), context);
        auto request = ActionRequest::create(m_kind, *account, counter, *amount, args().value(QStringLiteral("note")), *customerId);
        if (!request)
            return reportError(request.error(), context);

        Action action = Action::create(*request);
        if (!key.isNull())
            action.key = key;
        auto executor = moneyExecutor();
        if (!executor)
            return reportError(executor.error(), context);
        return report((*executor)->execute(action, printRetry));
    }

private:
    // --id-type TYPE --id-number NUMBER (both or neither): the customer's identification, which
    // cash at or above the large-cash threshold needs.
    Result<std::optional<CustomerId>> customerIdOption() const
    {
        const bool type = args().isSet(QStringLiteral("id-type"));
        const bool number = args().isSet(QStringLiteral("id-number"));
        if (!type && !number)
            return std::optional<CustomerId>();
        if (type != number)
            return fail(Error::badInput(tr("--id-type and --id-number go together: give both, or neither.")));
        const QString typeText = args().value(QStringLiteral("id-type")).trimmed();
        const auto document = idDocumentFromName(typeText);
        if (!document)
            return fail(Error::badInput(tr("The document type \"%1\" is not known: passport, id_card, driving_licence, "
                                           "residence_permit or other.")
                                            .arg(typeText.left(40))));
        auto id = CustomerId::create(*document, args().value(QStringLiteral("id-number")));
        if (!id)
            return fail(id.error());
        return std::optional<CustomerId>(*id);
    }

    // The currency an action is in: the first account's, else the counter account's, else (no
    // such accounts) the home currency, so that the rejection is recorded under the key like
    // any other and a retry of the same key can never execute later.
    Result<Currency> actionCurrency(const QString &account, const QString &counter)
    {
        AccountDirectory directory(db());
        for (const QString &number : {account, counter}) {
            if (number.isEmpty())
                continue;
            auto found = directory.find(number);
            if (!found)
                return fail(found.error());
            if (*found)
                return (*found)->currency();
        }
        Administration admin(db());
        return admin.homeCurrency();
    }

    ActionKind m_kind;
};

} // namespace

std::unique_ptr<Command> makeDepositCommand()
{
    return std::make_unique<ActionCommand>(ActionKind::Deposit);
}

std::unique_ptr<Command> makeWithdrawCommand()
{
    return std::make_unique<ActionCommand>(ActionKind::Withdrawal);
}

std::unique_ptr<Command> makeTransferCommand()
{
    return std::make_unique<ActionCommand>(ActionKind::Transfer);
}

} // namespace tellerctl
