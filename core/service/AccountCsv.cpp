#include "AccountCsv.h"

#include "Action.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringDecoder>

#include <utility>

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

// The line breaks in `text` (CRLF, LF or CR): a quoted field may span lines.
int lineBreaks(QStringView text)
{
    int n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\n' || (text.at(i) == u'\r' && (i + 1 == text.size() || text.at(i + 1) != u'\n')))
            ++n;
    }
    return n;
}
} // namespace

Result<QList<AccountRow>> parseAccountCsv(const QByteArray &data, Currency defaultCurrency)
{
    const auto bad = [](int line, const QString &why) {
        return fail(Error::badInput(QCoreApplication::translate("teller::Administration", "Line %1: %2").arg(line).arg(why)));
    };
    // Not UTF-8 (a file saved as Latin-1, say) is refused: decoded anyway, its names would be
    // imported with replacement characters.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(data);
    if (decoder.hasError()) {
        int line = 1;
        for (const QByteArray &physical : data.split('\n')) {
            QStringDecoder lineDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString decoded = lineDecoder(physical);
            if (lineDecoder.hasError())
                break;
            ++line;
        }
        return bad(line, QCoreApplication::translate("teller::Administration", "the file is not UTF-8 text (save it as UTF-8)."));
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<AccountRow> rows;
    QSet<QString> numbers;
    qsizetype pos = 0;
    int line = 0;
    int nextLine = 1; // the file's line the next record starts on
    bool first = true;
    while (pos < text.size()) {
        line = nextLine;
        const qsizetype start = pos;
        QStringList f;
        if (!csvRecord(text, pos, f))
            return bad(line, QCoreApplication::translate("teller::Administration",
                                                         "a quoted field is not closed or has text before its quote."));
        nextLine += lineBreaks(QStringView(text).sliced(start, pos - start));
        if (f.size() == 1 && f.first().isEmpty())
            continue; // an empty line
        if (std::exchange(first, false) && f.value(0).compare(QLatin1String("number"), Qt::CaseInsensitive) == 0)
            continue; // the header: the first line that is not empty
        if (f.size() < 2 || f.size() > 4)
            return bad(line,
                       QCoreApplication::translate("teller::Administration", "expected number,holder,currency,floor; found %1 fields.")
                           .arg(f.size()));
        AccountRow row;
        row.line = line;
        auto number = normalizeAccountNumber(f.at(0));
        if (!number)
            return bad(line, number.error().message);
        if (numbers.contains(*number))
            return bad(line,
                       QCoreApplication::translate("teller::Administration", "the account %1 appears twice in the file.").arg(*number));
        numbers.insert(*number);
        row.number = *number;
        row.holder = f.at(1).simplified();
        if (row.holder.isEmpty() || QStringView(row.holder).toUcs4().size() > 200) // characters, as the database counts
            return bad(line, QCoreApplication::translate("teller::Administration",
                                                         "the holder's name must have between 1 and 200 characters."));
        row.currency = defaultCurrency;
        if (f.size() > 2 && !f.at(2).isEmpty()) {
            const auto c = Currency::fromCode(f.at(2).toUpper());
            if (!c)
                return bad(line, QCoreApplication::translate("teller::Administration",
                                                             "\"%1\" is not an ISO 4217 currency code this program knows.")
                                     .arg(f.at(2).left(10)));
            row.currency = *c;
        }
        row.floor = Money(0, row.currency);
        if (f.size() > 3 && !f.at(3).isEmpty()) {
            auto floor = Money::parseCanonical(f.at(3), row.currency);
            if (!floor)
                return bad(line, QCoreApplication::translate("teller::Administration", "the floor: %1").arg(floor.error().message));
            if (floor->minorUnits() > 0)
                return bad(line,
                           QCoreApplication::translate("teller::Administration", "the floor must be 0 or negative (an overdraft)."));
            row.floor = *floor;
        }
        rows << row;
    }
    if (rows.isEmpty())
        return fail(Error::badInput(QCoreApplication::translate("teller::Administration", "The file has no accounts.")));
    return rows;
}

} // namespace teller
