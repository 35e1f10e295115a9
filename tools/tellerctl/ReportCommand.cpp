// tellerctl report large-cash --from DATE --to DATE [--output FILE]: the cash withdrawals and
// deposits at or above the large-cash threshold, with the customer's identification, as CSV
// (Cash::largeCashReport, Cash::toCsv). Supervisors and administrators. Without --output the
// CSV goes to stdout: the documented exception to "one JSON object", like demo start --shell.
#include "Commands.h"

#include "Cash.h"

#include <QDate>
#include <QRegularExpression>
#include <QSaveFile>

#include <cstdio>

using namespace teller;

namespace tellerctl {
namespace {

class ReportCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    ReportCommand()
        : Command(QStringLiteral("report"), {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("output")}, {},
                  QT_TRANSLATE_NOOP("tellerctl", "Usage: tellerctl report large-cash --from YYYY-MM-DD --to YYYY-MM-DD "
                                                 "[--output FILE]"))
    {
    }

protected:
    int execute(const QStringList &pos) override
    {
        if (pos.size() != 2 || pos.at(1) != u"large-cash")
            return usage(usageLine());
        if (!args().isSet(QStringLiteral("from")) || !args().isSet(QStringLiteral("to")))
            return usage(tr("The report needs --from YYYY-MM-DD and --to YYYY-MM-DD (both days included)."));
        const auto from = parseDate(args().value(QStringLiteral("from")));
        if (!from)
            return reportError(from.error());
        const auto to = parseDate(args().value(QStringLiteral("to")));
        if (!to)
            return reportError(to.error());
        if (*from > *to)
            return usage(tr("--from (%1) is after --to (%2).").arg(from->toString(Qt::ISODate), to->toString(Qt::ISODate)));

        // The file is opened first, so that a path that cannot be written is said before the
        // server is asked; it replaces an existing file only once the whole report is written.
        const QString path = args().value(QStringLiteral("output"));
        std::unique_ptr<QSaveFile> file;
        if (args().isSet(QStringLiteral("output"))) {
            if (path.trimmed().isEmpty())
                return usage(tr("--output needs the name of a file."));
            file = std::make_unique<QSaveFile>(path);
            if (!file->open(QIODevice::WriteOnly))
                return usage(tr("The file %1 cannot be written: %2").arg(path, file->errorString()));
        }

        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        Cash cash(db());
        auto lines = cash.largeCashReport(*from, *to);
        if (!lines)
            return reportError(lines.error());
        const QByteArray csv = Cash::toCsv(*lines);
        if (!file) {
            std::fwrite(csv.constData(), 1, size_t(csv.size()), stdout);
            std::fflush(stdout);
            return ExitCompleted;
        }
        if (file->write(csv) != csv.size() || !file->commit())
            return reportError(Error::io(tr("The file %1 could not be written: %2").arg(path, file->errorString())));
        printJson({{QStringLiteral("status"), QStringLiteral("completed")},
                   {QStringLiteral("report"), QStringLiteral("large-cash")},
                   {QStringLiteral("from"), from->toString(Qt::ISODate)},
                   {QStringLiteral("to"), to->toString(Qt::ISODate)},
                   {QStringLiteral("rows"), int(lines->size())},
                   {QStringLiteral("file"), path}});
        return ExitCompleted;
    }

private:
    // A calendar day written YYYY-MM-DD, and nothing else.
    static Result<QDate> parseDate(const QString &text)
    {
        static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        const QString t = text.trimmed();
        const QDate date = pattern.match(t).hasMatch() ? QDate::fromString(t, QStringLiteral("yyyy-MM-dd")) : QDate();
        if (!date.isValid())
            return fail(Error::badInput(tr("\"%1\" is not a date: write it YYYY-MM-DD, e.g. 2026-03-31.").arg(text.left(40))));
        return date;
    }
};

} // namespace

std::unique_ptr<Command> makeReportCommand()
{
    return std::make_unique<ReportCommand>();
}

} // namespace tellerctl
