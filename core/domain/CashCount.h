#pragma once

#include "Money.h"
#include "Result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringView>

namespace teller {

// Cash counted by denomination: how many notes or coins of each value (minor units). The
// server checks that every value is a note or coin of the currency (teller.denominations) and
// that the pieces add up to the counted amount.
class CashCount
{
public:
    static constexpr qint64 MaxPieces = 999'999'999;

    // "50:10, 20:5, 0.50:4": a denomination in the canonical format ("50", "0.50"), a colon, a
    // count; pairs separated by commas. A denomination given twice, a count that is not a whole
    // number, or a total beyond Money::MaxActionMinorUnits is refused.
    static Result<CashCount> parse(QStringView text, Currency currency);
    // From the count grid: value (minor units) -> count; zero counts are dropped.
    static Result<CashCount> fromPieces(const QMap<qint64, qint64> &pieces, Currency currency);

    Currency currency() const { return m_currency; }
    const QMap<qint64, qint64> &pieces() const { return m_pieces; }
    Money total() const { return Money(m_total, m_currency); }
    // {"50000": 10, ...}: the form teller.count_till takes.
    QJsonObject toJson() const;

private:
    CashCount(Currency currency, QMap<qint64, qint64> pieces, qint64 total)
        : m_currency(currency), m_pieces(std::move(pieces)), m_total(total)
    {
    }

    Currency m_currency;
    QMap<qint64, qint64> m_pieces;
    qint64 m_total = 0;
};

} // namespace teller
