// tellerctl reconcile [--resubmit|--abandon]: asks the server about every open journal entry;
// what it never received is resubmitted with its own key, or abandoned, if asked to.
#include "Commands.h"

using namespace teller;

namespace tellerctl {
namespace {

class ReconcileCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    ReconcileCommand()
        : Command(QStringLiteral("reconcile"), {}, {QStringLiteral("resubmit"), QStringLiteral("abandon")},
                  QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl reconcile [--resubmit | --abandon]"))
    {
    }

protected:
    int execute(const QStringList &pos) override
    {
        if (pos.size() != 1)
            return usage(usageLine());
        const bool resubmit = args().isSet(QStringLiteral("resubmit"));
        const bool abandon = args().isSet(QStringLiteral("abandon"));
        if (resubmit && abandon)
            return usage(tr("Choose --resubmit or --abandon, not both."));
        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        auto executor = moneyExecutor();
        if (!executor)
            return reportError(executor.error());
        // moneyExecutor() asked about every open entry; what the server has never seen is now
        // resubmitted with its own key, or abandoned, if asked to.
        int unresolved = 0;
        QJsonArray items;
        for (const QJsonValue &v : reconciled()) {
            QJsonObject item = v.toObject();
            const QString status = item.value(QStringLiteral("now")).toObject().value(QStringLiteral("status")).toString();
            if (status == u"unknown" && (resubmit || abandon)) {
                const auto key = IdempotencyKey::parse(item.value(QStringLiteral("key")).toString());
                auto entry = (*openJournal())->entry(*key);
                Outcome out;
                if (abandon) {
                    out = (*executor)->abandon(*key, printRetry);
                } else if (entry && *entry) {
                    auto action = (*entry)->toAction();
                    if (!action)
                        return reportError(action.error());
                    out = (*executor)->execute(*action, printRetry);
                }
                item.insert(QStringLiteral("now"), out.toJson());
            }
            const QString now = item.value(QStringLiteral("now")).toObject().value(QStringLiteral("status")).toString();
            if (now == u"unknown" || now == u"in_doubt" || now == u"busy")
                ++unresolved;
            items.append(item);
        }
        printJson({{QStringLiteral("status"), unresolved ? QStringLiteral("in_doubt") : QStringLiteral("completed")},
                   {QStringLiteral("items"), items},
                   {QStringLiteral("unresolved"), unresolved}});
        return unresolved ? ExitInDoubt : ExitCompleted;
    }
};

} // namespace

std::unique_ptr<Command> makeReconcileCommand()
{
    return std::make_unique<ReconcileCommand>();
}

} // namespace tellerctl
