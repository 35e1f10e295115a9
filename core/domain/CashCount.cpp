#include "CashCount.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace teller {

Result<CashCount> CashCount::fromPieces(const QMap<qint64, qint64> &pieces, Currency currency)
{
    QMap<qint64, qint64> kept;
    qint64 total = 0;
    for (auto it = pieces.cbegin(); it != pieces.cend(); ++it) {
        if (it.key() <= 0 || it.key() > Money::MaxActionMinorUnits)
            return fail(Error::badInput(QCoreApplication::translate("teller::CashCount", "A note or coin must have a positive value.")));
        if (it.value() < 0 || it.value() > MaxPieces)
            return fail(Error::badInput(
                QCoreApplication::translate("teller::CashCount", "A count must be a whole number from 0 to %1.").arg(MaxPieces)));
        if (it.value() == 0)
            continue;
        // Both factors are bounded, so the product fits; the sum is checked as it grows.
        const qint64 line = it.key() * it.value();
        if (line > Money::MaxActionMinorUnits || total > Money::MaxActionMinorUnits - line)
            return fail(Error::badInput(QCoreApplication::translate("teller::CashCount", "The count is more than any till can hold.")));
        total += line;
        kept.insert(it.key(), it.value());
    }
    return CashCount(currency, kept, total);
}

Result<CashCount> CashCount::parse(QStringView text, Currency currency)
{
    static const QRegularExpression pair(QStringLiteral("^\\s*([0-9.]+)\\s*:\\s*([0-9]{1,9})\\s*$"));
    QMap<qint64, qint64> pieces;
    const QString all = text.toString();
    if (all.trimmed().isEmpty())
        return fail(Error::badInput(QCoreApplication::translate("teller::CashCount", "No notes or coins were given.")));
    for (const QString &part : all.split(u',')) {
        const auto m = pair.match(part);
        if (!m.hasMatch())
            return fail(
                Error::badInput(QCoreApplication::translate("teller::CashCount",
                                                            "\"%1\" is not a denomination and a count, e.g. 50:10 (ten notes of 50).")
                                    .arg(part.trimmed().left(40))));
        auto value = Money::parseCanonical(m.captured(1), currency);
        if (!value)
            return fail(Error::badInput(QCoreApplication::translate("teller::CashCount", "The denomination \"%1\" is not valid: %2")
                                            .arg(m.captured(1).left(20), value.error().message)));
        if (pieces.contains(value->minorUnits()))
            return fail(Error::badInput(
                QCoreApplication::translate("teller::CashCount", "The denomination %1 is given twice.").arg(value->toCanonical())));
        pieces.insert(value->minorUnits(), m.captured(2).toLongLong());
    }
    return fromPieces(pieces, currency);
}

QJsonObject CashCount::toJson() const
{
    QJsonObject o;
    for (auto it = m_pieces.cbegin(); it != m_pieces.cend(); ++it)
        o.insert(QString::number(it.key()), it.value());
    return o;
}

} // namespace teller
