// tellerctl reverse KEY --note TEXT [--key UUID]: asks for the reversal of a completed
// withdrawal, deposit or transfer: a new movement under its own key that names the original,
// waiting for a supervisor who is not the one asking (ActionExecutor::requestReversal).
#include "Commands.h"

#include "Action.h"

using namespace teller;

namespace tellerctl {
namespace {

class ReverseCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    ReverseCommand()
        : Command(QStringLiteral("reverse"), {QStringLiteral("note"), QStringLiteral("key")}, {},
                  QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl reverse KEY --note TEXT [--key UUID]"))
    {
    }

protected:
    int execute(const QStringList &pos) override
    {
        if (pos.size() != 2)
            return usage(usageLine());
        auto original = IdempotencyKey::parse(pos.at(1));
        if (!original)
            return reportError(original.error());
        auto key = keyOption();
        if (!key)
            return reportError(key.error());
        const QJsonObject context = keyContext(*key);
        if (*key == *original)
            return reportError(Error::badInput(tr("The reversal needs a key of its own, not the key of the operation it reverses.")),
                               context);
        const QString note = args().value(QStringLiteral("note")).trimmed();
        if (note.isEmpty())
            return reportError(Error::badInput(tr("A reversal needs --note TEXT: why the operation is undone.")), context);
        if (note.size() > ActionRequest::MaxNoteLength)
            return reportError(Error::badInput(tr("The note is too long (at most %1 characters).").arg(ActionRequest::MaxNoteLength)),
                               context);
        for (const QChar c : note) {
            // As for an action's note: a supervisor reads it.
            if ((c.category() == QChar::Other_Control && c != u'\n') || c.category() == QChar::Other_Format)
                return reportError(Error::badInput(tr("The note contains a control or formatting character.")), context);
        }

        if (auto ok = connect(); !ok)
            return reportError(ok.error(), context);
        auto executor = moneyExecutor();
        if (!executor)
            return reportError(executor.error(), context);
        return report((*executor)->requestReversal(*key, *original, note, printRetry),
                      {{QStringLiteral("reverses"), original->toString()}});
    }
};

} // namespace

std::unique_ptr<Command> makeReverseCommand()
{
    return std::make_unique<ReverseCommand>();
}

} // namespace tellerctl
