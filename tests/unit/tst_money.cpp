// Unit tests for teller::Money: parsing what a person types, the canonical form, display in
// several locales and overflow-safe arithmetic. Every expectation is an exact count of minor
// units or an exact string; nothing here uses floating point.

#include "Currency.h"
#include "Money.h"
#include "TestCurrency.h"

#include <QLocale>
#include <QTest>

#include <limits>

using namespace teller;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();
constexpr qint64 Int64Min = std::numeric_limits<qint64>::min();

QLocale locale(const QString &name)
{
    const QLocale l(name);
    if (l.name() != name)
        qFatal("locale %s is not available (got %s)", qPrintable(name), qPrintable(l.name()));
    return l;
}

QString latin1(const char *s)
{
    return QString::fromLatin1(s);
}

} // namespace

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void currencyTable();

    void parse_data();
    void parse();
    void parseRefused_data();
    void parseRefused();

    void parseCanonical_data();
    void parseCanonical();
    void canonicalRoundTrip_data();
    void canonicalRoundTrip();

    void toCanonical_data();
    void toCanonical();
    void toDisplay_data();
    void toDisplay();
    void toDisplayWithCode();

    void plus_data();
    void plus();
    void minus_data();
    void minus();
};

void TestMoney::currencyTable()
{
    QCOMPARE(currency(u"EUR"_s).exponent(), 2);
    QCOMPARE(currency(u"JPY"_s).exponent(), 0);
    QCOMPARE(currency(u"KWD"_s).exponent(), 3);
    QCOMPARE(currency(u"BHD"_s).exponent(), 3);
    QCOMPARE(currency(u"CHF"_s).code(), u"CHF"_s);
    QVERIFY(!Currency::fromCode(u"eur").has_value());
    QVERIFY(!Currency::fromCode(u"EURO").has_value());
    QVERIFY(!Currency::fromCode(u"").has_value());
    QVERIFY(!Currency::fromCode(u"XAU").has_value());
    QVERIFY(currency(u"EUR"_s) == currency(u"EUR"_s));
    QVERIFY(!(currency(u"EUR"_s) == currency(u"USD"_s)));
}

// ---------------------------------------------------------------------------------------------
// parse(): accepted input

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("localeName");
    QTest::addColumn<qint64>("minor");

    const auto row = [](const char *tag, const QString &input, const char *code, const char *loc, qint64 minor) {
        QTest::newRow(tag) << input << latin1(code) << latin1(loc) << minor;
    };

    // Plain amounts.
    row("12.34 C", u"12.34"_s, "EUR", "C", 1234);
    row("12.34 en_US", u"12.34"_s, "EUR", "en_US", 1234);
    row("12.3 one decimal", u"12.3"_s, "EUR", "en_US", 1230);
    row("12 no decimals", u"12"_s, "EUR", "en_US", 1200);
    row("0", u"0"_s, "EUR", "en_US", 0);
    row("0.01", u"0.01"_s, "EUR", "en_US", 1);
    row("2^53+1 cents (beyond double)", u"90071992547409.93"_s, "EUR", "C", 9007199254740993);

    // Grouping as the locale writes it.
    row("1,234.50 en_US", u"1,234.50"_s, "EUR", "en_US", 123450);
    row("1234.50 en_US ungrouped", u"1234.50"_s, "EUR", "en_US", 123450);
    row("1,234,567.89 en_US", u"1,234,567.89"_s, "USD", "en_US", 123456789);
    row("1.234,50 de_DE", u"1.234,50"_s, "EUR", "de_DE", 123450);
    row("1234,50 de_DE ungrouped", u"1234,50"_s, "EUR", "de_DE", 123450);
    row("1.234 de_DE is a thousand", u"1.234"_s, "EUR", "de_DE", 123400);
    row("1.234.567,89 de_DE", u"1.234.567,89"_s, "EUR", "de_DE", 123456789);
    row("fr_FR narrow nbsp group", u"1\u202F234,50"_s, "EUR", "fr_FR", 123450);
    row("fr_FR plain space group", u"1 234,50"_s, "EUR", "fr_FR", 123450);
    row("fr_FR nbsp group", u"1\u00A0234,50"_s, "EUR", "fr_FR", 123450);
    row("fr_FR two groups", u"1 234 567,89"_s, "EUR", "fr_FR", 123456789);
    row("de_CH ascii apostrophe", u"1'234.50"_s, "CHF", "de_CH", 123450);
    row("de_CH right single quote", u"1\u2019234.50"_s, "CHF", "de_CH", 123450);
    row("de_CH two groups", u"1\u2019234'567.05"_s, "CHF", "de_CH", 123456705);

    // Currencies without or with three minor digits.
    row("JPY 1234", u"1234"_s, "JPY", "ja_JP", 1234);
    row("JPY 1,234", u"1,234"_s, "JPY", "ja_JP", 1234);
    row("JPY 0", u"0"_s, "JPY", "ja_JP", 0);
    row("KWD 1.234", u"1.234"_s, "KWD", "en_US", 1234);
    row("KWD 0.005", u"0.005"_s, "KWD", "en_US", 5);
    row("KWD 12", u"12"_s, "KWD", "en_US", 12000);
    row("KWD 1.5", u"1.5"_s, "KWD", "en_US", 1500);
    row("KWD 1,234.567", u"1,234.567"_s, "KWD", "en_US", 1234567);
    row("BHD 0.1", u"0.1"_s, "BHD", "en_US", 100);
    row("BHD 1.234,567 de_DE", u"1.234,567"_s, "BHD", "de_DE", 1234567);

    // Whitespace around, leading zeros, missing integer part.
    row("leading and trailing spaces", u"  12.34  "_s, "EUR", "en_US", 1234);
    row("tab and newline", u"\t12.34\n"_s, "EUR", "en_US", 1234);
    row("nbsp around", u"\u00A012.34\u00A0"_s, "EUR", "en_US", 1234);
    row("leading zeros", u"0012.30"_s, "EUR", "en_US", 1230);
    row("many leading zeros", u"0000000000000000000000000000001.00"_s, "EUR", "C", 100);
    row("000", u"000"_s, "EUR", "en_US", 0);
    row("00.05", u"00.05"_s, "EUR", "en_US", 5);
    row(".5", u".5"_s, "EUR", "en_US", 50);
    row(",5 de_DE", u",5"_s, "EUR", "de_DE", 50);
    row(".005 KWD", u".005"_s, "KWD", "C", 5);

    // Negative amounts.
    row("-12.30", u"-12.30"_s, "EUR", "en_US", -1230);
    row("-0.05", u"-0.05"_s, "EUR", "C", -5);
    row("-0", u"-0"_s, "EUR", "C", 0);
    row("-1,234.50 en_US", u"-1,234.50"_s, "EUR", "en_US", -123450);
    row("-1.234,50 de_DE", u"-1.234,50"_s, "EUR", "de_DE", -123450);
    row("sv_SE unicode minus", u"\u221212,30"_s, "SEK", "sv_SE", -1230);
    row("sv_SE ascii minus", u"-12,30"_s, "SEK", "sv_SE", -1230);
    row("-JPY", u"-500"_s, "JPY", "ja_JP", -500);

    // The limits of qint64.
    row("int64 max EUR", u"92233720368547758.07"_s, "EUR", "C", Int64Max);
    row("int64 max EUR grouped", u"92,233,720,368,547,758.07"_s, "EUR", "en_US", Int64Max);
    row("int64 max JPY", u"9223372036854775807"_s, "JPY", "C", Int64Max);
    row("int64 max KWD", u"9223372036854775.807"_s, "KWD", "C", Int64Max);
    row("-int64 max EUR", u"-92233720368547758.07"_s, "EUR", "C", -Int64Max);
    // INT64_MIN is representable (toDisplay formats it), so a parser that refuses only values
    // "that do not fit" should accept it.
    row("int64 min EUR", u"-92233720368547758.08"_s, "EUR", "C", Int64Min);
}

void TestMoney::parse()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QString, localeName);
    QFETCH(qint64, minor);

    const auto result = Money::parse(input, currency(code), locale(localeName));
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result->minorUnits(), minor);
    QCOMPARE(result->currency().code(), code);
}

// ---------------------------------------------------------------------------------------------
// parse(): refused input

void TestMoney::parseRefused_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("localeName");
    QTest::addColumn<QString>("messagePart");

    const auto row = [](const char *tag, const QString &input, const char *code, const char *loc, const QString &part) {
        QTest::newRow(tag) << input << latin1(code) << latin1(loc) << part;
    };
    const QString enter = u"Enter an amount."_s;
    const QString grouping = u"digit grouping is not valid"_s;
    const QString sign = u"A sign may only stand at the start"_s;
    const QString tooLarge = u"The amount is too large."_s;
    const QString notAllowed = u"is not allowed in an amount"_s;

    row("empty", QString(), "EUR", "en_US", enter);
    row("two spaces", u"  "_s, "EUR", "en_US", enter);
    row("only a minus", u"-"_s, "EUR", "en_US", enter);
    row("only a point", u"."_s, "EUR", "en_US", enter);
    row("abc", u"abc"_s, "EUR", "en_US", u"\"a\" is not allowed in an amount"_s);
    row("12.345 EUR", u"12.345"_s, "EUR", "en_US", u"EUR amounts have at most 2 digits"_s);
    row("12.345 EUR C", u"12.345"_s, "EUR", "C", u"EUR amounts have at most 2 digits"_s);
    row("12.5 JPY", u"12.5"_s, "JPY", "ja_JP", u"JPY amounts have no decimal places."_s);
    row("12.0 JPY", u"12.0"_s, "JPY", "ja_JP", u"JPY amounts have no decimal places."_s);
    row("1.2345 KWD", u"1.2345"_s, "KWD", "en_US", u"KWD amounts have at most 3 digits"_s);
    row("0.0001 BHD", u"0.0001"_s, "BHD", "en_US", u"BHD amounts have at most 3 digits"_s);

    // Grouping that is not in threes, or in the wrong place.
    row("1,23 en", u"1,23"_s, "EUR", "en_US", grouping);
    row("1,,234 en", u"1,,234"_s, "EUR", "en_US", grouping);
    row(",123 en", u",123"_s, "EUR", "en_US", grouping);
    row("123, en", u"123,"_s, "EUR", "en_US", grouping);
    row("1,2345 en", u"1,2345"_s, "EUR", "en_US", grouping);
    row("1234,567 en", u"1234,567"_s, "EUR", "en_US", grouping);
    row("1,234,56.00 en", u"1,234,56.00"_s, "EUR", "en_US", grouping);
    row("1,23.00 en", u"1,23.00"_s, "EUR", "en_US", grouping);
    row("1,234,.00 en", u"1,234,.00"_s, "EUR", "en_US", grouping);
    row("1.5 de_DE (group, not decimal)", u"1.5"_s, "EUR", "de_DE", grouping);
    row("1234.50 de_DE", u"1234.50"_s, "EUR", "de_DE", grouping);
    row("fr_FR 1 23,50", u"1 23,50"_s, "EUR", "fr_FR", grouping);
    row("fr_FR 12 34 (space group of 2)", u"12 34"_s, "EUR", "fr_FR", grouping);
    row("de_CH 12'34", u"12'34"_s, "CHF", "de_CH", grouping);

    // Separators of another locale.
    row("1.234,50 en_US", u"1.234,50"_s, "EUR", "en_US", u"\",\" is not allowed"_s);
    row("1,234.50 de_DE", u"1,234.50"_s, "EUR", "de_DE", u"\".\" is not allowed"_s);
    row("1 234,50 de_DE", u"1 234,50"_s, "EUR", "de_DE", u"\" \" is not allowed"_s);
    row("1'234.50 en_US", u"1'234.50"_s, "EUR", "en_US", u"\"'\" is not allowed"_s);
    row("12 34 en_US", u"12 34"_s, "EUR", "en_US", u"\" \" is not allowed"_s);

    row("12.", u"12."_s, "EUR", "en_US", u"Digits are missing after the decimal separator."_s);
    row("12. JPY", u"12."_s, "JPY", "ja_JP", u"Digits are missing after the decimal separator."_s);

    // Signs anywhere but at the start, and signs that are not accepted at all.
    row("--5", u"--5"_s, "EUR", "en_US", sign);
    row("+5", u"+5"_s, "EUR", "en_US", sign);
    row("5-", u"5-"_s, "EUR", "en_US", sign);
    row("1-2", u"1-2"_s, "EUR", "en_US", sign);
    row("-+5", u"-+5"_s, "EUR", "en_US", sign);
    row("unicode minus en_US", u"\u22125"_s, "EUR", "en_US", notAllowed);
    row("(5) accounting", u"(5)"_s, "EUR", "en_US", u"\"(\" is not allowed"_s);

    // Things other number parsers accept.
    row("1e5", u"1e5"_s, "EUR", "en_US", u"\"e\" is not allowed"_s);
    row("1E5", u"1E5"_s, "EUR", "C", u"\"E\" is not allowed"_s);
    row("0x10", u"0x10"_s, "EUR", "en_US", u"\"x\" is not allowed"_s);
    row("NaN", u"NaN"_s, "EUR", "en_US", u"\"N\" is not allowed"_s);
    row("nan", u"nan"_s, "EUR", "C", u"\"n\" is not allowed"_s);
    row("inf", u"inf"_s, "EUR", "en_US", u"\"i\" is not allowed"_s);
    row("-inf", u"-inf"_s, "EUR", "en_US", u"\"i\" is not allowed"_s);
    row("12.3.4", u"12.3.4"_s, "EUR", "en_US", u"\".\" is not allowed"_s);
    row("1_000", u"1_000"_s, "EUR", "en_US", u"\"_\" is not allowed"_s);
    row("currency symbol", u"\u20AC5"_s, "EUR", "en_US", notAllowed);
    row("currency code", u"5 EUR"_s, "EUR", "en_US", notAllowed);
    row("full-width digits", u"\uFF11\uFF12"_s, "EUR", "en_US", notAllowed);
    row("arabic-indic digits en_US", u"\u0661\u0662"_s, "EUR", "en_US", notAllowed);
    row("embedded NUL", QString(u"12"_s + QChar(u'\0') + u"34"_s), "EUR", "en_US", notAllowed);
    row("trailing NUL", QString(u"12.34"_s + QChar(u'\0')), "EUR", "en_US", notAllowed);

    // Values that do not fit in qint64 minor units.
    row("2^63 minor units JPY", u"9223372036854775808"_s, "JPY", "C", tooLarge);
    row("2^63 minor units EUR", u"92233720368547758.08"_s, "EUR", "C", tooLarge);
    row("2^63+2 minor units EUR", u"92233720368547758.10"_s, "EUR", "C", tooLarge);
    row("int64 max as cents EUR", u"9223372036854775807"_s, "EUR", "C", tooLarge);
    row("2^63 minor units KWD", u"9223372036854775.808"_s, "KWD", "C", tooLarge);
    row("-(2^63+1) minor units EUR", u"-92233720368547758.09"_s, "EUR", "C", tooLarge);
    row("31 digits", QString(u"1"_s + QString(30, u'0')), "EUR", "C", tooLarge);
    row("99 nines", QString(99, u'9'), "EUR", "C", tooLarge);
    row("10,000 digits", QString(10000, u'1'), "EUR", "C", tooLarge);
    // "12" + 2499 groups of ",000" + ".5": exactly 10,000 characters, correctly grouped.
    row("10,000 characters grouped", QString(u"12"_s + QString(u",000"_s).repeated(2499) + u".5"_s), "EUR", "en_US", tooLarge);
    row("10,000 letters", QString(10000, u'a'), "EUR", "C", u"\"a\" is not allowed"_s);
    row("10,000 spaces", QString(10000, u' '), "EUR", "C", enter);
}

void TestMoney::parseRefused()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QString, localeName);
    QFETCH(QString, messagePart);

    const auto result = Money::parse(input, currency(code), locale(localeName));
    QVERIFY2(!result.has_value(), qPrintable(u"accepted as %1 minor units"_s.arg(result ? result->minorUnits() : 0)));
    QVERIFY(result.error().kind == Error::Kind::BadInput);
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
    // The message never echoes the whole input back (it can be 10,000 characters long).
    QVERIFY2(result.error().message.size() < 200, qPrintable(result.error().message.left(300)));
}

// ---------------------------------------------------------------------------------------------
// parseCanonical() and toCanonical()

void TestMoney::parseCanonical_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("minor");

    const auto row = [](const char *tag, const QString &input, const char *code, bool ok, qint64 minor) {
        QTest::newRow(tag) << input << latin1(code) << ok << minor;
    };
    row("12.34", u"12.34"_s, "EUR", true, 1234);
    row("1234.50", u"1234.50"_s, "EUR", true, 123450);
    row("0.00", u"0.00"_s, "EUR", true, 0);
    row("-0.05", u"-0.05"_s, "EUR", true, -5);
    row("-12.30", u"-12.30"_s, "EUR", true, -1230);
    row("7", u"7"_s, "EUR", true, 700);
    row(".5", u".5"_s, "EUR", true, 50);
    row("spaces", u" 7.00 "_s, "EUR", true, 700);
    row("JPY 1234", u"1234"_s, "JPY", true, 1234);
    row("KWD 1.234", u"1.234"_s, "KWD", true, 1234);
    row("BHD 0.001", u"0.001"_s, "BHD", true, 1);
    row("int64 max", u"92233720368547758.07"_s, "EUR", true, Int64Max);

    row("decimal comma", u"12,34"_s, "EUR", false, 0);
    row("de grouping", u"1.234,50"_s, "EUR", false, 0);
    row("too many decimals", u"12.345"_s, "EUR", false, 0);
    row("JPY decimals", u"12.5"_s, "JPY", false, 0);
    row("empty", QString(), "EUR", false, 0);
    row("plus", u"+1.00"_s, "EUR", false, 0);
    row("exponent", u"1e2"_s, "EUR", false, 0);
    row("overflow", u"92233720368547758.08"_s, "EUR", false, 0);
    row("12.", u"12."_s, "EUR", false, 0);
}

void TestMoney::parseCanonical()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(bool, ok);
    QFETCH(qint64, minor);

    const auto result = Money::parseCanonical(input, currency(code));
    if (!ok) {
        QVERIFY2(!result.has_value(), qPrintable(u"accepted as %1"_s.arg(result ? result->minorUnits() : 0)));
        QVERIFY(result.error().kind == Error::Kind::BadInput);
        QVERIFY(!result.error().message.isEmpty());
        return;
    }
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result->minorUnits(), minor);
    QCOMPARE(result->currency().code(), code);
}

void TestMoney::canonicalRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("minor");

    const auto row = [](const QString &text, const char *code, qint64 minor) {
        QTest::addRow("%s %s", qPrintable(text), code) << text << latin1(code) << minor;
    };
    row(u"0.00"_s, "EUR", 0);
    row(u"0.01"_s, "EUR", 1);
    row(u"0.10"_s, "EUR", 10);
    row(u"-0.05"_s, "EUR", -5);
    row(u"12.34"_s, "EUR", 1234);
    row(u"1234.50"_s, "EUR", 123450);
    row(u"-1234.50"_s, "EUR", -123450);
    row(u"1000000.00"_s, "USD", 100000000);
    row(u"92233720368547758.07"_s, "EUR", Int64Max);
    row(u"-92233720368547758.07"_s, "EUR", -Int64Max);
    row(u"0"_s, "JPY", 0);
    row(u"1234"_s, "JPY", 1234);
    row(u"-1"_s, "JPY", -1);
    row(u"9223372036854775807"_s, "JPY", Int64Max);
    row(u"0.001"_s, "KWD", 1);
    row(u"1234.567"_s, "KWD", 1234567);
    row(u"-0.100"_s, "BHD", -100);
}

void TestMoney::canonicalRoundTrip()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(qint64, minor);

    const auto parsed = Money::parseCanonical(text, currency(code));
    QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->minorUnits(), minor);
    QCOMPARE(parsed->toCanonical(), text);
    // And the other way round, starting from the number.
    QCOMPARE(Money(minor, currency(code)).toCanonical(), text);
}

void TestMoney::toCanonical_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *tag, qint64 minor, const char *code, const QString &expected) {
        QTest::newRow(tag) << minor << latin1(code) << expected;
    };
    row("zero EUR", 0, "EUR", u"0.00"_s);
    row("one cent", 1, "EUR", u"0.01"_s);
    row("minus one cent", -1, "EUR", u"-0.01"_s);
    row("no grouping", 123456789, "EUR", u"1234567.89"_s);
    row("negative", -123450, "EUR", u"-1234.50"_s);
    row("JPY", 1234, "JPY", u"1234"_s);
    row("JPY negative", -1234567, "JPY", u"-1234567"_s);
    row("KWD", 1234567, "KWD", u"1234.567"_s);
    row("KWD small", 5, "KWD", u"0.005"_s);
    row("BHD negative", -50, "BHD", u"-0.050"_s);
    row("int64 max EUR", Int64Max, "EUR", u"92233720368547758.07"_s);
    row("int64 min EUR", Int64Min, "EUR", u"-92233720368547758.08"_s);
    row("int64 min JPY", Int64Min, "JPY", u"-9223372036854775808"_s);
    row("int64 min KWD", Int64Min, "KWD", u"-9223372036854775.808"_s);
}

void TestMoney::toCanonical()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(QString, expected);

    QCOMPARE(Money(minor, currency(code)).toCanonical(), expected);
}

// ---------------------------------------------------------------------------------------------
// toDisplay()

void TestMoney::toDisplay_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("localeName");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *tag, qint64 minor, const char *code, const char *loc, const QString &expected) {
        QTest::newRow(tag) << minor << latin1(code) << latin1(loc) << expected;
    };
    row("en_US", 123450, "EUR", "en_US", u"1,234.50"_s);
    row("de_DE", 123450, "EUR", "de_DE", u"1.234,50"_s);
    row("fr_FR", 123450, "EUR", "fr_FR", u"1\u202F234,50"_s);
    row("ja_JP EUR", 123450, "EUR", "ja_JP", u"1,234.50"_s);
    row("ja_JP JPY", 1234, "JPY", "ja_JP", u"1,234"_s);
    row("ja_JP JPY millions", 123456789, "JPY", "ja_JP", u"123,456,789"_s);
    row("de_CH", 123450, "CHF", "de_CH", u"1\u2019234.50"_s);
    row("en_US small", 5, "EUR", "en_US", u"0.05"_s);
    row("en_US zero", 0, "EUR", "en_US", u"0.00"_s);
    row("en_US below a thousand", 99999, "EUR", "en_US", u"999.99"_s);
    row("en_US millions", 123456789, "USD", "en_US", u"1,234,567.89"_s);
    row("en_US 2^53+1", 9007199254740993, "USD", "en_US", u"90,071,992,547,409.93"_s);
    row("KWD de_DE", 1234567, "KWD", "de_DE", u"1.234,567"_s);
    row("negative en_US", -123450, "EUR", "en_US", u"-1,234.50"_s);
    row("negative de_DE", -123450, "EUR", "de_DE", u"-1.234,50"_s);
    row("negative fr_FR", -5, "EUR", "fr_FR", u"-0,05"_s);
    row("negative ja_JP JPY", -1234, "JPY", "ja_JP", u"-1,234"_s);
    row("negative sv_SE", -123450, "SEK", "sv_SE", u"\u22121\u00A0234,50"_s);
    row("int64 max fr_FR", Int64Max, "EUR", "fr_FR", u"92\u202F233\u202F720\u202F368\u202F547\u202F758,07"_s);
    row("int64 min en_US", Int64Min, "EUR", "en_US", u"-92,233,720,368,547,758.08"_s);
    row("int64 min de_DE", Int64Min, "EUR", "de_DE", u"-92.233.720.368.547.758,08"_s);
    row("int64 min ja_JP JPY", Int64Min, "JPY", "ja_JP", u"-9,223,372,036,854,775,808"_s);
    row("int64 min KWD", Int64Min, "KWD", "en_US", u"-9,223,372,036,854,775.808"_s);
}

void TestMoney::toDisplay()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(QString, localeName);
    QFETCH(QString, expected);

    const Money money(minor, currency(code));
    const QString shown = money.toDisplay(locale(localeName));
    QCOMPARE(shown, expected);

    // What is shown can be typed back in the same locale. (INT64_MIN is left out: see the
    // "int64 min EUR" row of parse().)
    if (minor != Int64Min) {
        const auto back = Money::parse(shown, currency(code), locale(localeName));
        QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->minorUnits(), minor);
    }
}

void TestMoney::toDisplayWithCode()
{
    QCOMPARE(Money(123450, currency(u"EUR"_s)).toDisplayWithCode(locale(u"de_DE"_s)), u"1.234,50 EUR"_s);
    QCOMPARE(Money(-1234, currency(u"JPY"_s)).toDisplayWithCode(locale(u"en_US"_s)), u"-1,234 JPY"_s);
    QCOMPARE(Money(1, currency(u"KWD"_s)).toDisplayWithCode(locale(u"en_US"_s)), u"0.001 KWD"_s);
}

// ---------------------------------------------------------------------------------------------
// plus() and minus()

namespace {
void arithmeticColumns()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<QString>("aCode");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<QString>("bCode");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expected");
}

void arithmeticRow(const char *tag, qint64 a, const char *aCode, qint64 b, const char *bCode, bool ok, qint64 expected)
{
    QTest::newRow(tag) << a << latin1(aCode) << b << latin1(bCode) << ok << expected;
}
} // namespace

void TestMoney::plus_data()
{
    arithmeticColumns();
    arithmeticRow("simple", 100, "EUR", 250, "EUR", true, 350);
    arithmeticRow("negative result", -500, "EUR", 200, "EUR", true, -300);
    arithmeticRow("zero", 0, "EUR", 0, "EUR", true, 0);
    arithmeticRow("JPY", 1000, "JPY", 234, "JPY", true, 1234);
    arithmeticRow("max + 0", Int64Max, "EUR", 0, "EUR", true, Int64Max);
    arithmeticRow("max-1 + 1", Int64Max - 1, "EUR", 1, "EUR", true, Int64Max);
    arithmeticRow("min + max", Int64Min, "EUR", Int64Max, "EUR", true, -1);
    arithmeticRow("max + min", Int64Max, "EUR", Int64Min, "EUR", true, -1);
    arithmeticRow("min+1 + -1", Int64Min + 1, "EUR", -1, "EUR", true, Int64Min);
    arithmeticRow("max + 1 overflows", Int64Max, "EUR", 1, "EUR", false, 0);
    arithmeticRow("1 + max overflows", 1, "EUR", Int64Max, "EUR", false, 0);
    arithmeticRow("max + max overflows", Int64Max, "EUR", Int64Max, "EUR", false, 0);
    arithmeticRow("min + -1 overflows", Int64Min, "EUR", -1, "EUR", false, 0);
    arithmeticRow("min + min overflows", Int64Min, "EUR", Int64Min, "EUR", false, 0);
    arithmeticRow("currency mismatch", 100, "EUR", 100, "USD", false, 0);
    arithmeticRow("currency mismatch zero", 0, "EUR", 0, "CHF", false, 0);
    arithmeticRow("currency mismatch same exponent 0", 5, "JPY", 5, "KRW", false, 0);
}

void TestMoney::plus()
{
    QFETCH(qint64, a);
    QFETCH(QString, aCode);
    QFETCH(qint64, b);
    QFETCH(QString, bCode);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);

    const auto sum = Money(a, currency(aCode)).plus(Money(b, currency(bCode)));
    QCOMPARE(sum.has_value(), ok);
    if (ok) {
        QCOMPARE(sum->minorUnits(), expected);
        QCOMPARE(sum->currency().code(), aCode);
    }
}

void TestMoney::minus_data()
{
    arithmeticColumns();
    arithmeticRow("simple", 350, "EUR", 100, "EUR", true, 250);
    arithmeticRow("negative result", 100, "EUR", 350, "EUR", true, -250);
    arithmeticRow("minus negative", 100, "EUR", -50, "EUR", true, 150);
    arithmeticRow("KWD", 1234, "KWD", 1, "KWD", true, 1233);
    arithmeticRow("0 - max", 0, "EUR", Int64Max, "EUR", true, -Int64Max);
    arithmeticRow("-1 - max", -1, "EUR", Int64Max, "EUR", true, Int64Min);
    arithmeticRow("max - max", Int64Max, "EUR", Int64Max, "EUR", true, 0);
    arithmeticRow("min - -1", Int64Min, "EUR", -1, "EUR", true, Int64Min + 1);
    arithmeticRow("min - 1 overflows", Int64Min, "EUR", 1, "EUR", false, 0);
    arithmeticRow("-2 - max overflows", -2, "EUR", Int64Max, "EUR", false, 0);
    arithmeticRow("max - -1 overflows", Int64Max, "EUR", -1, "EUR", false, 0);
    arithmeticRow("0 - min overflows", 0, "EUR", Int64Min, "EUR", false, 0);
    arithmeticRow("max - min overflows", Int64Max, "EUR", Int64Min, "EUR", false, 0);
    // These two fit in qint64: -1 - INT64_MIN == INT64_MAX, INT64_MIN - INT64_MIN == 0.
    arithmeticRow("-1 - min", -1, "EUR", Int64Min, "EUR", true, Int64Max);
    arithmeticRow("min - min", Int64Min, "EUR", Int64Min, "EUR", true, 0);
    arithmeticRow("currency mismatch", 100, "EUR", 100, "USD", false, 0);
    arithmeticRow("currency mismatch zero", 0, "EUR", 0, "GBP", false, 0);
}

void TestMoney::minus()
{
    QFETCH(qint64, a);
    QFETCH(QString, aCode);
    QFETCH(qint64, b);
    QFETCH(QString, bCode);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);

    const auto difference = Money(a, currency(aCode)).minus(Money(b, currency(bCode)));
    QCOMPARE(difference.has_value(), ok);
    if (ok) {
        QCOMPARE(difference->minorUnits(), expected);
        QCOMPARE(difference->currency().code(), aCode);
    }
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
