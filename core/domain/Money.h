#pragma once

#include "Currency.h"
#include "Result.h"

#include <QLocale>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace teller {

// An exact amount of money: a signed count of minor units (cents) and its currency.
// There is no floating point anywhere in this type, by design.
class Money
{
public:
    // The largest amount a single action may carry: 10^15 minor units (ten trillion euros).
    // Far above any real cash operation, far below where a bigint balance could overflow.
    static constexpr qint64 MaxActionMinorUnits = 1'000'000'000'000'000;

    Money(qint64 minorUnits, Currency currency) : m_minor(minorUnits), m_currency(currency) {}

    qint64 minorUnits() const { return m_minor; }
    Currency currency() const { return m_currency; }
    bool isPositive() const { return m_minor > 0; }

    // "1234.50", "-0.05", "1234" for JPY: '.' as separator, no grouping, every minor digit.
    QString toCanonical() const;
    // The locale's digits, grouping and decimal separator, no currency code: "1.234,50" in de.
    QString toDisplay(const QLocale &locale = QLocale()) const;
    // toDisplay() followed by the ISO code: "1,234.50 EUR".
    QString toDisplayWithCode(const QLocale &locale = QLocale()) const;

    // Parses what a person typed, as the locale writes numbers: "1,234.50" (en), "1.234,50"
    // (de), "1234.5". Grouping, if used, must be in threes. More decimals than the currency
    // has, a value that does not fit, or anything that is not a number is refused with a
    // message saying why. A leading minus sign gives a negative amount (callers decide
    // whether that is allowed).
    static Result<Money> parse(QStringView text, Currency currency, const QLocale &locale);
    // The form used on the command line and in JSON: '.' as decimal separator.
    static Result<Money> parseCanonical(QStringView text, Currency currency);

    std::optional<Money> plus(const Money &other) const;
    std::optional<Money> minus(const Money &other) const;

    friend bool operator==(const Money &a, const Money &b) { return a.m_minor == b.m_minor && a.m_currency == b.m_currency; }

private:
    QString format(const QLocale &locale, bool grouping) const;

    qint64 m_minor;
    Currency m_currency;
};

} // namespace teller
