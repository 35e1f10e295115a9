#include "AccountCsv.h"

#include "Action.h"

#include <QCoreApplication>
#include <QSet>

namespace teller {

namespace {
// RFC 4180 fields of one record; `pos` moves past the record. Returns false on a quote error.
bool csvRecord(const QString &text, qsizetype &pos, QStringList &fields)
{
    fields.clear();
    QString field;
    bool quoted = false, wasQuoted = false;
    while (pos < text.size()) {
        const QChar c = text.at(pos++);
        if (quoted) {
            if (c == u'"') {
                if (pos < text.size() && text.at(pos) == u'"') {
                    field += u'"';
                    ++pos;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == u'"') {
            if (!field.trimmed().isEmpty())
                return false;
            quoted = wasQuoted = true;
            field.clear();
        } else if (c == u',') {
            fields << (wasQuoted ? field : field.trimmed());
            field.clear();
            wasQuoted = false;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && pos < text.size() && text.at(pos) == u'\n')
                ++pos;
            break;
        } else {
            field += c;
        }
    }
    if (quoted)
        return false;
    fields << (wasQuoted ? field : field.trimmed());
    return true;
}
} // namespace

Result<QList<AccountRow>> parseAccountCsv(const QByteArray &data, Currency defaultCurrency)
{
    const auto bad = [](int line, const QString &why) {
        return fail(Error::badInput(QCoreApplication::translate("teller::Administration", "Line %1: %2").arg(line).arg(why)));
    };
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<AccountRow> rows;
    QSet<QString> numbers;
    qsizetype pos = 0;
    int line = 0;
    while (pos < text.size()) {
        ++line;
        QStringList f;
        if (!csvRecord(text, pos, f))
            return bad(line, QCoreApplication::translate("teller::Administration", "a quoted field is not closed or has text before its quote."));
        if (f.size() == 1 && f.first().isEmpty())
            continue; // an empty line
        if (line == 1 && f.value(0).compare(QLatin1String("number"), Qt::CaseInsensitive) == 0)
            continue; // the header
        if (f.size() < 2 || f.size() > 4)
            return bad(line, QCoreApplication::translate("teller::Administration", "expected number,holder,currency,floor; found %1 fields.").arg(f.size()));
        AccountRow row;
        row.line = line;
        auto number = normalizeAccountNumber(f.at(0));
        if (!number)
            return bad(line, number.error().message);
        if (numbers.contains(*number))
            return bad(line, QCoreApplication::translate("teller::Administration", "the account %1 appears twice in the file.").arg(*number));
        numbers.insert(*number);
        row.number = *number;
        row.holder = f.at(1).simplified();
        if (row.holder.isEmpty() || row.holder.size() > 200)
            return bad(line, QCoreApplication::translate("teller::Administration", "the holder's name must have between 1 and 200 characters."));
        row.currency = defaultCurrency;
        if (f.size() > 2 && !f.at(2).isEmpty()) {
            const auto c = Currency::fromCode(f.at(2).toUpper());
            if (!c)
                return bad(line, QCoreApplication::translate("teller::Administration", "\"%1\" is not an ISO 4217 currency code this program knows.").arg(f.at(2).left(10)));
            row.currency = *c;
        }
        row.floor = Money(0, row.currency);
        if (f.size() > 3 && !f.at(3).isEmpty()) {
            auto floor = Money::parseCanonical(f.at(3), row.currency);
            if (!floor)
                return bad(line, QCoreApplication::translate("teller::Administration", "the floor: %1").arg(floor.error().message));
            if (floor->minorUnits() > 0)
                return bad(line, QCoreApplication::translate("teller::Administration", "the floor must be 0 or negative (an overdraft)."));
            row.floor = *floor;
        }
        rows << row;
    }
    if (rows.isEmpty())
        return fail(Error::badInput(QCoreApplication::translate("teller::Administration", "The file has no accounts.")));
    return rows;
}

} // namespace teller
