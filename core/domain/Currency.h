#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace teller {

// An ISO 4217 currency: its alphabetic code and the number of digits of its minor unit.
// The table is the same as the database's teller.currencies (a test checks they agree).
class Currency
{
public:
    static std::optional<Currency> fromCode(QStringView code);
    static QList<Currency> all();

    QString code() const { return QString::fromLatin1(m_code, 3); }
    int exponent() const { return m_exponent; }

    friend bool operator==(const Currency &a, const Currency &b)
    {
        return a.m_code[0] == b.m_code[0] && a.m_code[1] == b.m_code[1] && a.m_code[2] == b.m_code[2];
    }

private:
    constexpr Currency(const char *code, int exponent) : m_code{code[0], code[1], code[2]}, m_exponent(exponent) {}
    char m_code[3];
    int m_exponent;
    friend struct CurrencyTable;
};

} // namespace teller
