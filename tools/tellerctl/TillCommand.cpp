// tellerctl till open|close --counted A [--denominations LIST]: a teller opens or closes their
// till with the cash counted (ActionExecutor::countTill, exactly once per key); till show, list
// and blotter: the teller's till, the branch's tills (supervisors), the session's movements
// (Cash).
#include "Commands.h"

#include "Cash.h"
#include "CashCount.h"

#include <QSet>

using namespace teller;

namespace tellerctl {
namespace {

class TillCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    TillCommand()
        : Command(QStringLiteral("till"),
                  {QStringLiteral("counted"), QStringLiteral("currency"), QStringLiteral("denominations"), QStringLiteral("key")}, {},
                  QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl till open|close --counted AMOUNT [--currency CODE] "
                                                 "[--denominations VALUE:COUNT,...] [--key UUID] | till show|list|blotter "
                                                 "[--currency CODE]"))
    {
    }

protected:
    int execute(const QStringList &pos) override
    {
        const QString sub = pos.value(1);
        const bool count = sub == u"open" || sub == u"close";
        if (pos.size() != 2 || (!count && sub != u"show" && sub != u"list" && sub != u"blotter"))
            return usage(usageLine());
        if (!count) {
            for (const char *option : {"counted", "denominations", "key"}) {
                if (args().isSet(QString::fromLatin1(option)))
                    return usage(tr("Only \"till open\" and \"till close\" take --counted, --denominations and --key."));
            }
        }
        auto given = currencyOption();
        if (!given)
            return reportError(given.error());
        if (count)
            return countTill(sub == u"open" ? ActionExecutor::TillCount::Open : ActionExecutor::TillCount::Close, *given);

        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        auto currency = currencyOrHome(*given);
        if (!currency)
            return reportError(currency.error());
        Cash cash(db());
        if (sub == u"blotter")
            return blotter(cash, *currency);
        auto tills = cash.tills(*currency);
        if (!tills)
            return reportError(tills.error());
        return sub == u"show" ? show(*tills, *currency) : list(*tills, *currency);
    }

private:
    int countTill(ActionExecutor::TillCount kind, const std::optional<Currency> &given)
    {
        auto key = keyOption();
        if (!key)
            return reportError(key.error());
        const QJsonObject context = keyContext(*key);
        if (!args().isSet(QStringLiteral("counted")))
            return reportError(Error::badInput(tr("Give the cash counted in the till: --counted AMOUNT (0 for an empty till).")),
                               context);
        const QString countedText = args().value(QStringLiteral("counted"));
        if (auto bad = checkCountedSyntax(countedText))
            return reportError(Error::badInput(*bad), context);

        if (auto ok = connect(); !ok)
            return reportError(ok.error(), context);
        auto currency = currencyOrHome(given);
        if (!currency)
            return reportError(currency.error(), context);
        auto counted = amountIn(countedText, *currency);
        if (!counted)
            return reportError(counted.error(), context);

        std::optional<CashCount> pieces;
        if (args().isSet(QStringLiteral("denominations"))) {
            auto parsed = CashCount::parse(args().value(QStringLiteral("denominations")), *currency);
            if (!parsed)
                return reportError(parsed.error(), context);
            // Checked here so that a miscount is said plainly; the server checks both again.
            if (parsed->total().minorUnits() != counted->minorUnits())
                return reportError(Error::badInput(tr("The notes and coins add up to %1, not to the counted %2.")
                                                       .arg(parsed->total().toCanonical(), counted->toCanonical())),
                                   context);
            Cash cash(db());
            auto known = cash.denominations(*currency);
            if (!known)
                return reportError(known.error(), context);
            QSet<qint64> values;
            for (const Denomination &d : std::as_const(*known))
                values.insert(d.value.minorUnits());
            for (auto it = parsed->pieces().cbegin(); it != parsed->pieces().cend(); ++it) {
                if (!values.contains(it.key()))
                    return reportError(
                        Error::badInput(
                            tr("%1 is not a note or coin of %2.").arg(Money(it.key(), *currency).toCanonical(), currency->code())),
                        context);
            }
            pieces = *parsed;
        }

        auto executor = moneyExecutor();
        if (!executor)
            return reportError(executor.error(), context);
        return report((*executor)->countTill(*key, kind, *counted, pieces, printRetry));
    }

    // The signed-in teller's own till (a supervisor sees every till of the branch, so it is
    // picked by its owner). No till in the currency yet: closed, with no cash.
    int show(const QList<TillInfo> &tills, Currency currency)
    {
        const QString me = db().sessionUser();
        for (const TillInfo &t : tills) {
            if (t.owner != me || !(t.currency == currency))
                continue;
            QJsonObject o = t.toJson();
            o.insert(QStringLiteral("status"), t.open ? QStringLiteral("open") : QStringLiteral("closed"));
            printJson(o);
            return ExitCompleted;
        }
        TillInfo none;
        none.owner = me;
        none.currency = currency;
        none.cash = none.held = Money(0, currency);
        QJsonObject o = none.toJson();
        o.insert(QStringLiteral("status"), QStringLiteral("closed"));
        o.insert(QStringLiteral("till"), QJsonValue());
        o.remove(QStringLiteral("owner_name"));
        printJson(o);
        return ExitCompleted;
    }

    // Every till of the supervisor's branch (a teller's own), with the cash they hold together.
    static int list(const QList<TillInfo> &tills, Currency currency)
    {
        QJsonArray array;
        std::optional<Money> total = Money(0, currency);
        int open = 0;
        for (const TillInfo &t : tills) {
            array.append(t.toJson());
            if (total)
                total = total->plus(t.cash);
            open += t.open ? 1 : 0;
        }
        QJsonObject o{{QStringLiteral("status"), QStringLiteral("completed")},
                      {QStringLiteral("currency"), currency.code()},
                      {QStringLiteral("tills"), array},
                      {QStringLiteral("open"), open}};
        if (total) // the tills' cash together (left out in the absurd case that it does not fit)
            o.insert(QStringLiteral("cash"), total->toCanonical());
        printJson(o);
        return ExitCompleted;
    }

    static int blotter(Cash &cash, Currency currency)
    {
        auto b = cash.blotter(currency);
        if (!b)
            return reportError(b.error());
        QJsonObject o = b->toJson();
        o.insert(QStringLiteral("status"), QStringLiteral("completed"));
        printJson(o);
        return ExitCompleted;
    }
};

} // namespace

std::unique_ptr<Command> makeTillCommand()
{
    return std::make_unique<TillCommand>();
}

} // namespace tellerctl
