#include "Money.h"

#include <QCoreApplication>

#include <limits>

namespace teller {

namespace {

bool addOverflows(qint64 a, qint64 b, qint64 *out)
{
    if ((b > 0 && a > std::numeric_limits<qint64>::max() - b) || (b < 0 && a < std::numeric_limits<qint64>::min() - b))
        return true;
    *out = a + b;
    return false;
}

bool subtractOverflows(qint64 a, qint64 b, qint64 *out)
{
    if ((b < 0 && a > std::numeric_limits<qint64>::max() + b) || (b > 0 && a < std::numeric_limits<qint64>::min() + b))
        return true;
    *out = a - b;
    return false;
}

quint64 powerOfTen(int exponent)
{
    quint64 p = 1;
    for (int i = 0; i < exponent; ++i)
        p *= 10;
    return p;
}

bool isSpaceLike(QChar c)
{
    return c == u' ' || c == QChar(0x00A0) || c == QChar(0x202F) || c == QChar(0x2009);
}

// The digit value of c if it is an ASCII digit or one of the locale's own digits.
int digitValue(QChar c, QChar localeZero)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (localeZero != u'0' && c.unicode() >= localeZero.unicode() && c.unicode() <= localeZero.unicode() + 9)
        return c.unicode() - localeZero.unicode();
    return -1;
}

QString toLocaleDigits(QString ascii, QChar localeZero)
{
    if (localeZero == u'0')
        return ascii;
    for (QChar &c : ascii) {
        if (c >= u'0' && c <= u'9')
            c = QChar(char16_t(localeZero.unicode() + (c.unicode() - u'0')));
    }
    return ascii;
}

} // namespace

QString Money::format(const QLocale &locale, bool grouping) const
{
    const int exponent = m_currency.exponent();
    const quint64 scale = powerOfTen(exponent);
    const quint64 magnitude = m_minor < 0 ? quint64(-(m_minor + 1)) + 1 : quint64(m_minor);
    const quint64 whole = magnitude / scale;
    const quint64 fraction = magnitude % scale;

    QLocale l = locale;
    l.setNumberOptions(grouping ? QLocale::DefaultNumberOptions : QLocale::OmitGroupSeparator);
    QString text = l.toString(qulonglong(whole));
    if (exponent > 0) {
        const QChar zero = locale.zeroDigit().isEmpty() ? QChar(u'0') : locale.zeroDigit().at(0);
        text += locale.decimalPoint() + toLocaleDigits(QString::number(fraction).rightJustified(exponent, u'0'), zero);
    }
    if (m_minor < 0)
        text.prepend(locale.negativeSign());
    return text;
}

QString Money::toCanonical() const
{
    return format(QLocale::c(), false);
}

QString Money::toDisplay(const QLocale &locale) const
{
    return format(locale, true);
}

QString Money::toDisplayWithCode(const QLocale &locale) const
{
    return toDisplay(locale) + u' ' + m_currency.code();
}

Result<Money> Money::parse(QStringView input, Currency currency, const QLocale &locale)
{
    const QStringView text = input.trimmed();
    if (text.isEmpty())
        return fail(Error::badInput(QCoreApplication::translate("teller::Money", "Enter an amount.")));

    const QString decimalPoint = locale.decimalPoint();
    const QString groupSeparator = locale.groupSeparator();
    const QString negativeSign = locale.negativeSign();
    const QChar zero = locale.zeroDigit().isEmpty() ? QChar(u'0') : locale.zeroDigit().at(0);
    const bool groupIsSpace = groupSeparator.size() == 1 && isSpaceLike(groupSeparator.at(0));
    const bool groupIsApostrophe = groupSeparator == QStringView(u"\u2019") || groupSeparator == QStringView(u"'");

    qsizetype pos = 0;
    bool negative = false;
    if (text.startsWith(u'-')) {
        negative = true;
        pos = 1;
    } else if (!negativeSign.isEmpty() && text.startsWith(negativeSign)) {
        negative = true;
        pos = negativeSign.size();
    }

    // Collect digits; check the grouping as we go.
    QString integerDigits;
    QString fractionDigits;
    bool inFraction = false;
    bool sawDecimalPoint = false;
    bool grouped = false;
    int digitsInGroup = 0;
    bool lastWasSeparator = false;

    const auto badGrouping = [&] {
        return fail(
            Error::badInput(QCoreApplication::translate(
                                "teller::Money", "The digit grouping is not valid: groups of three digits, decimal separator \"%1\".")
                                .arg(decimalPoint)));
    };

    while (pos < text.size()) {
        const QChar c = text.at(pos);
        const int d = digitValue(c, zero);
        if (d >= 0) {
            (inFraction ? fractionDigits : integerDigits) += QChar(char16_t(u'0' + d));
            if (!inFraction)
                ++digitsInGroup;
            lastWasSeparator = false;
            ++pos;
            continue;
        }
        if (!inFraction && text.mid(pos).startsWith(decimalPoint)) {
            if (lastWasSeparator || (grouped && digitsInGroup != 3))
                return badGrouping();
            inFraction = true;
            sawDecimalPoint = true;
            pos += decimalPoint.size();
            continue;
        }
        const bool isGroup = !groupSeparator.isEmpty()
                             && (text.mid(pos).startsWith(groupSeparator) || (groupIsSpace && isSpaceLike(c))
                                 || (groupIsApostrophe && (c == u'\'' || c == QChar(0x2019))));
        if (isGroup && !inFraction) {
            if (integerDigits.isEmpty() || lastWasSeparator)
                return badGrouping();
            if (grouped ? digitsInGroup != 3 : digitsInGroup > 3)
                return badGrouping();
            grouped = true;
            digitsInGroup = 0;
            lastWasSeparator = true;
            pos += text.mid(pos).startsWith(groupSeparator) ? groupSeparator.size() : 1;
            continue;
        }
        if (c == u'-' || c == u'+' || (!negativeSign.isEmpty() && text.mid(pos).startsWith(negativeSign)))
            return fail(
                Error::badInput(QCoreApplication::translate("teller::Money", "A sign may only stand at the start of the amount.")));
        return fail(
            Error::badInput(QCoreApplication::translate(
                                "teller::Money", "\"%1\" is not allowed in an amount: use digits and \"%2\" as decimal separator.")
                                .arg(c)
                                .arg(decimalPoint)));
    }

    if (lastWasSeparator || (grouped && !inFraction && digitsInGroup != 3))
        return badGrouping();
    if (integerDigits.isEmpty() && fractionDigits.isEmpty())
        return fail(Error::badInput(QCoreApplication::translate("teller::Money", "Enter an amount.")));
    if (sawDecimalPoint && fractionDigits.isEmpty())
        return fail(Error::badInput(QCoreApplication::translate("teller::Money", "Digits are missing after the decimal separator.")));

    const int exponent = currency.exponent();
    if (fractionDigits.size() > exponent) {
        if (exponent == 0)
            return fail(Error::badInput(
                QCoreApplication::translate("teller::Money", "%1 amounts have no decimal places.").arg(currency.code())));
        return fail(Error::badInput(
            QCoreApplication::translate("teller::Money", "%1 amounts have at most %2 digits after the decimal separator.")
                .arg(currency.code())
                .arg(exponent)));
    }
    fractionDigits = fractionDigits.leftJustified(exponent, u'0');

    // Accumulate integer and fraction digits as one count of minor units, refusing overflow.
    // The magnitude may reach 2^63 for a negative amount (INT64_MIN), 2^63 - 1 otherwise.
    const quint64 limit = negative ? quint64(std::numeric_limits<qint64>::max()) + 1 : quint64(std::numeric_limits<qint64>::max());
    quint64 magnitude = 0;
    const QString digits = integerDigits + fractionDigits;
    for (const QChar c : digits) {
        const quint64 digit = c.unicode() - u'0';
        if (magnitude > (limit - digit) / 10)
            return fail(Error::badInput(QCoreApplication::translate("teller::Money", "The amount is too large.")));
        magnitude = magnitude * 10 + digit;
    }
    const qint64 value = negative ? qint64(0 - magnitude) : qint64(magnitude);
    return Money(value, currency);
}

Result<Money> Money::parseCanonical(QStringView text, Currency currency)
{
    return parse(text, currency, QLocale::c());
}

std::optional<Money> Money::plus(const Money &other) const
{
    qint64 sum = 0;
    if (!(other.m_currency == m_currency) || addOverflows(m_minor, other.m_minor, &sum))
        return std::nullopt;
    return Money(sum, m_currency);
}

std::optional<Money> Money::minus(const Money &other) const
{
    qint64 difference = 0;
    if (!(other.m_currency == m_currency) || subtractOverflows(m_minor, other.m_minor, &difference))
        return std::nullopt;
    return Money(difference, m_currency);
}

} // namespace teller
