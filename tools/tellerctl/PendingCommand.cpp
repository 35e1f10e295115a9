// tellerctl pending list | pending approve KEY [--note TEXT] | pending reject KEY --reason TEXT:
// what waits for a supervisor, and the supervisor's decision.
#include "Commands.h"

#include "Supervision.h"

#include <cstdio>

using namespace teller;

namespace tellerctl {
namespace {

class PendingCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    PendingCommand()
        : Command(QStringLiteral("pending"), {QStringLiteral("note"), QStringLiteral("reason")}, {},
                  QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl pending list | pending approve KEY [--note TEXT] | pending "
                                                 "reject KEY --reason TEXT"))
    {
    }

protected:
    int execute(const QStringList &pos) override
    {
        const QString sub = pos.value(1);
        const bool list = sub == u"list" && pos.size() == 2;
        const bool decide = (sub == u"approve" || sub == u"reject") && pos.size() == 3;
        if (!list && !decide)
            return usage(usageLine());
        std::optional<IdempotencyKey> key;
        QString note;
        if (decide) {
            auto parsed = IdempotencyKey::parse(pos.at(2));
            if (!parsed)
                return reportError(parsed.error());
            key = *parsed;
            if (sub == u"reject") {
                note = args().value(QStringLiteral("reason")).trimmed();
                if (note.isEmpty() || args().isSet(QStringLiteral("note")))
                    return usage(tr("A rejection needs --reason TEXT."));
            } else {
                if (args().isSet(QStringLiteral("reason")))
                    return usage(tr("--reason is for rejections; an approval takes --note."));
                note = args().value(QStringLiteral("note")).trimmed();
            }
            if (note.size() > 500)
                return usage(tr("The reason or note is too long (at most 500 characters)."));
        } else if (args().isSet(QStringLiteral("note")) || args().isSet(QStringLiteral("reason"))) {
            return usage(tr("pending list takes no --note or --reason."));
        }
        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        Supervision supervision(db());
        if (list)
            return listPending(supervision);
        auto decision = supervision.decide(*key, sub == u"approve", note);
        if (!decision)
            return reportError(decision.error(), {{QStringLiteral("key"), key->toString()}});
        printJson(decision->toJson());
        if (!decision->decidedNow) {
            std::fprintf(stderr, "tellerctl: already %s by %s\n", qPrintable(outcomeStatusName(decision->status)),
                         qPrintable(decision->decidedBy.isEmpty() ? tr("expiry") : decision->decidedBy));
            return ExitAlreadyDecided;
        }
        return ExitCompleted;
    }

private:
    static int listPending(Supervision &supervision)
    {
        if (auto expired = supervision.expireHolds(); !expired)
            return reportError(expired.error());
        auto items = supervision.pending();
        if (!items)
            return reportError(items.error());
        QJsonArray array;
        for (const ReviewItem &item : *items)
            array.append(item.toJson());
        printJson({{QStringLiteral("status"), QStringLiteral("completed")}, {QStringLiteral("pending"), array}});
        return ExitCompleted;
    }
};

} // namespace

std::unique_ptr<Command> makePendingCommand()
{
    return std::make_unique<PendingCommand>();
}

} // namespace tellerctl
