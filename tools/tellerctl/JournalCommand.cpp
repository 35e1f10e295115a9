// tellerctl journal list: the open entries of this workstation's local journal.
#include "Commands.h"

using namespace teller;

namespace tellerctl {
namespace {

class JournalCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    JournalCommand() : Command(QStringLiteral("journal"), {}, {}, QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl journal list")) {}

protected:
    int execute(const QStringList &pos) override
    {
        if (pos.size() != 2 || pos.at(1) != u"list")
            return usage(usageLine());
        auto journal = openJournal();
        if (!journal)
            return reportError(journal.error());
        auto entries = (*journal)->openEntries();
        if (!entries)
            return reportError(entries.error());
        QJsonArray list;
        for (const JournalEntry &e : *entries)
            list.append(e.toJson());
        printJson({{QStringLiteral("status"), QStringLiteral("completed")},
                   {QStringLiteral("journal"), (*journal)->path()},
                   {QStringLiteral("open"), list}});
        return ExitCompleted;
    }
};

} // namespace

std::unique_ptr<Command> makeJournalCommand()
{
    return std::make_unique<JournalCommand>();
}

} // namespace tellerctl
