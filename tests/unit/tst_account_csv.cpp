// The account import file (number,holder,currency,floor): what is read, and every way a file
// is refused, with the line the message names.
#include "AccountCsv.h"

#include <QTest>

using namespace teller;
using namespace Qt::StringLiterals;

namespace {
const Currency Eur = *Currency::fromCode(u"EUR");

// "line|number|holder|currency|floor in minor units", one per row read.
QStringList describe(const QList<AccountRow> &rows)
{
    QStringList out;
    for (const AccountRow &r : rows)
        out << QStringLiteral("%1|%2|%3|%4|%5").arg(r.line).arg(r.number, r.holder, r.currency.code()).arg(r.floor.minorUnits());
    return out;
}

QString lineMessage(int line, const QString &why)
{
    return QStringLiteral("Line %1: %2").arg(line).arg(why);
}

QString floorMessage(const char *floor, const char *currency)
{
    const auto parsed = Money::parseCanonical(QString::fromLatin1(floor), *Currency::fromCode(QString::fromLatin1(currency)));
    if (parsed)
        qFatal("%s is a valid amount", floor);
    return QStringLiteral("the floor: ") + parsed.error().message;
}

const QString QuoteProblem = QStringLiteral("a quoted field is not closed or has text before its quote.");
const QString HolderProblem = QStringLiteral("the holder's name must have between 1 and 200 characters.");
const QString PositiveFloor = QStringLiteral("the floor must be 0 or negative (an overdraft).");
const QString NotUtf8 = QStringLiteral("the file is not UTF-8 text (save it as UTF-8).");
QString fields(int n)
{
    return QStringLiteral("expected number,holder,currency,floor; found %1 fields.").arg(n);
}
QString currencyProblem(const char *code)
{
    return QStringLiteral("\"%1\" is not an ISO 4217 currency code this program knows.").arg(QString::fromUtf8(code));
}
QString twice(const char *number)
{
    return QStringLiteral("the account %1 appears twice in the file.").arg(QString::fromLatin1(number));
}
} // namespace

class TestAccountCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheRows_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QStringList>("rows");

        QTest::addRow("two fields") << QByteArray("1001,Anna Berger\n") << QStringList{u"1|1001|Anna Berger|EUR|0"_s};
        QTest::addRow("three fields") << QByteArray("1001,Anna,CHF\n") << QStringList{u"1|1001|Anna|CHF|0"_s};
        QTest::addRow("four fields") << QByteArray("1001,Anna,EUR,-100.00\n") << QStringList{u"1|1001|Anna|EUR|-10000"_s};
        QTest::addRow("no line break at the end") << QByteArray("1001,Anna,EUR,-1") << QStringList{u"1|1001|Anna|EUR|-100"_s};
        QTest::addRow("empty currency and floor") << QByteArray("1001,Anna,,\n") << QStringList{u"1|1001|Anna|EUR|0"_s};
        QTest::addRow("empty floor") << QByteArray("1001,Anna,USD,\n") << QStringList{u"1|1001|Anna|USD|0"_s};
        QTest::addRow("lower-case currency") << QByteArray("1001,Anna,usd,-5") << QStringList{u"1|1001|Anna|USD|-500"_s};
        QTest::addRow("JPY floor") << QByteArray("1001,Anna,JPY,-250") << QStringList{u"1|1001|Anna|JPY|-250"_s};
        QTest::addRow("KWD floor") << QByteArray("1001,Anna,KWD,-1.234") << QStringList{u"1|1001|Anna|KWD|-1234"_s};
        QTest::addRow("zero floor") << QByteArray("1001,a,EUR,0\n1002,b,EUR,0.00\n1003,c,EUR,-0")
                                    << QStringList{u"1|1001|a|EUR|0"_s, u"2|1002|b|EUR|0"_s, u"3|1003|c|EUR|0"_s};
        QTest::addRow("grouped floor, quoted") << QByteArray("1001,Anna,EUR,\"-1,000.50\"") << QStringList{u"1|1001|Anna|EUR|-100050"_s};

        QTest::addRow("header") << QByteArray("number,holder,currency,floor\n1001,Anna\n") << QStringList{u"2|1001|Anna|EUR|0"_s};
        QTest::addRow("header in capitals") << QByteArray("NUMBER,Holder\n1001,Anna\n") << QStringList{u"2|1001|Anna|EUR|0"_s};
        QTest::addRow("header with spaces") << QByteArray("  Number , Holder \n1001,Anna\n") << QStringList{u"2|1001|Anna|EUR|0"_s};
        QTest::addRow("header after empty lines") << QByteArray("\n\nnumber,holder\n1001,Anna\n") << QStringList{u"4|1001|Anna|EUR|0"_s};
        QTest::addRow("byte order mark and header")
            << QByteArray("\xEF\xBB\xBFnumber,holder\n1001,Anna") << QStringList{u"2|1001|Anna|EUR|0"_s};
        QTest::addRow("byte order mark, no header") << QByteArray("\xEF\xBB\xBF"
                                                                  "1001,Anna")
                                                    << QStringList{u"1|1001|Anna|EUR|0"_s};

        QTest::addRow("CRLF") << QByteArray("number,holder\r\n1001,Anna\r\n1002,Ben\r\n")
                              << QStringList{u"2|1001|Anna|EUR|0"_s, u"3|1002|Ben|EUR|0"_s};
        QTest::addRow("CR") << QByteArray("1001,Anna\r1002,Ben") << QStringList{u"1|1001|Anna|EUR|0"_s, u"2|1002|Ben|EUR|0"_s};
        QTest::addRow("LF and CRLF mixed") << QByteArray("1001,Anna\n1002,Ben\r\n1003,Cem")
                                           << QStringList{u"1|1001|Anna|EUR|0"_s, u"2|1002|Ben|EUR|0"_s, u"3|1003|Cem|EUR|0"_s};
        QTest::addRow("empty lines") << QByteArray("\n1001,Anna\n\n\n1002,Ben\n\n")
                                     << QStringList{u"2|1001|Anna|EUR|0"_s, u"5|1002|Ben|EUR|0"_s};
        QTest::addRow("blank lines") << QByteArray("1001,Anna\n   \n\t\n1002,Ben")
                                     << QStringList{u"1|1001|Anna|EUR|0"_s, u"4|1002|Ben|EUR|0"_s};
        QTest::addRow("empty CRLF lines") << QByteArray("\r\n1001,Anna\r\n\r\n1002,Ben\r\n")
                                          << QStringList{u"2|1001|Anna|EUR|0"_s, u"4|1002|Ben|EUR|0"_s};

        QTest::addRow("quoted comma") << QByteArray("1001,\"Berger, Anna\",EUR,0") << QStringList{u"1|1001|Berger, Anna|EUR|0"_s};
        QTest::addRow("doubled quotes") << QByteArray("7002,\"Café \"\"Zur Post\"\"\",eur,")
                                        << QStringList{u"1|7002|Café \"Zur Post\"|EUR|0"_s};
        QTest::addRow("only a doubled quote") << QByteArray("7002,\"\"\"\"") << QStringList{u"1|7002|\"|EUR|0"_s};
        QTest::addRow("every field quoted") << QByteArray("\"1001\",\"Anna\",\"EUR\",\"-1.00\"")
                                            << QStringList{u"1|1001|Anna|EUR|-100"_s};
        QTest::addRow("quoted empty currency and floor") << QByteArray("1001,Anna,\"\",\"\"") << QStringList{u"1|1001|Anna|EUR|0"_s};
        QTest::addRow("space before a quote") << QByteArray("1001,  \"Anna\"") << QStringList{u"1|1001|Anna|EUR|0"_s};
        // A quoted field may hold a line break; the holder's name is simplified, and the
        // following rows keep the numbers of the lines they are on.
        QTest::addRow("line break in quotes") << QByteArray("1001,\"Anna\nBerger\",EUR,0\n1002,Ben\n")
                                              << QStringList{u"1|1001|Anna Berger|EUR|0"_s, u"3|1002|Ben|EUR|0"_s};
        QTest::addRow("CRLF in quotes") << QByteArray("1001,\"Anna\r\n\r\nBerger\"\r\n1002,Ben\r\n")
                                        << QStringList{u"1|1001|Anna Berger|EUR|0"_s, u"4|1002|Ben|EUR|0"_s};

        QTest::addRow("spaces around fields") << QByteArray(" 1001 ,  Anna   Berger  , EUR , -1.00 ")
                                              << QStringList{u"1|1001|Anna Berger|EUR|-100"_s};
        QTest::addRow("number with spaces and lower case") << QByteArray("de 7001 ,Anna") << QStringList{u"1|DE7001|Anna|EUR|0"_s};
        QTest::addRow("number 34 characters") << QByteArray(QByteArray(34, '9') + ",Anna")
                                              << QStringList{QStringLiteral("1|%1|Anna|EUR|0").arg(QString(34, u'9'))};
        QTest::addRow("holder non-ASCII") << QByteArray("1001,Jörg Müller-Łukasz 山田")
                                          << QStringList{u"1|1001|Jörg Müller-Łukasz 山田|EUR|0"_s};
        QTest::addRow("holder 200 characters")
            << QByteArray("1001," + QByteArray(200, 'a')) << QStringList{QStringLiteral("1|1001|%1|EUR|0").arg(QString(200, u'a'))};
        // Characters, as the database counts them, not UTF-16 code units.
        QTest::addRow("holder 200 characters outside the BMP") << (QByteArray("1001,") + QString(u"𝔄"_s.repeated(200)).toUtf8())
                                                               << QStringList{u"1|1001|"_s + u"𝔄"_s.repeated(200) + u"|EUR|0"_s};
        QTest::addRow("many rows") << QByteArray("number,holder,currency,floor\n1,a\n2,b,JPY\n3,c,EUR,-1\n4,\"d, e\",CHF,0\n")
                                   << QStringList{u"2|1|a|EUR|0"_s, u"3|2|b|JPY|0"_s, u"4|3|c|EUR|-100"_s, u"5|4|d, e|CHF|0"_s};
    }

    void readsTheRows()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QStringList, rows);
        const auto parsed = parseAccountCsv(csv, Eur);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
        QCOMPARE(describe(*parsed), rows);
    }

    void theDefaultCurrencyIsTheCallers()
    {
        const auto parsed = parseAccountCsv("1001,Anna\n1002,Ben,,-100\n1003,Cem,EUR\n", *Currency::fromCode(u"JPY"));
        QVERIFY(parsed);
        QCOMPARE(describe(*parsed), (QStringList{u"1|1001|Anna|JPY|0"_s, u"2|1002|Ben|JPY|-100"_s, u"3|1003|Cem|EUR|0"_s}));
    }

    void refusesTheFile_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("message");

        const QString none = QStringLiteral("The file has no accounts.");
        QTest::addRow("empty file") << QByteArray() << none;
        QTest::addRow("only a header") << QByteArray("number,holder,currency,floor\n") << none;
        QTest::addRow("only empty lines") << QByteArray("\n\r\n  \n") << none;
        QTest::addRow("only a byte order mark") << QByteArray("\xEF\xBB\xBF") << none;

        QTest::addRow("quote not closed") << QByteArray("1001,\"Anna,EUR,0\n1002,Ben\n") << lineMessage(1, QuoteProblem);
        QTest::addRow("quote not closed, line 3") << QByteArray("1001,a\n1002,b\n1003,\"c") << lineMessage(3, QuoteProblem);
        QTest::addRow("text before a quote") << QByteArray("1001,x\"Anna\",EUR") << lineMessage(1, QuoteProblem);

        QTest::addRow("one field") << QByteArray("1001\n") << lineMessage(1, fields(1));
        QTest::addRow("five fields") << QByteArray("1001,Anna,EUR,0,extra") << lineMessage(1, fields(5));
        QTest::addRow("trailing comma") << QByteArray("1001,Anna,EUR,0,\n") << lineMessage(1, fields(5));
        QTest::addRow("semicolons") << QByteArray("1001;Anna;EUR;0\n") << lineMessage(1, fields(1));
        QTest::addRow("six fields, line 2") << QByteArray("1001,a\n1002,b,EUR,0,x,y\n") << lineMessage(2, fields(6));

        QTest::addRow("no number") << QByteArray(",Anna") << lineMessage(1, u"Enter an account number."_s);
        QTest::addRow("only a comma") << QByteArray("1001,a\n,\n") << lineMessage(2, u"Enter an account number."_s);
        QTest::addRow("number with a dash") << QByteArray("71-01,x")
                                            << lineMessage(1, u"An account number has only letters and digits; \"-\" is not allowed."_s);
        QTest::addRow("number with an umlaut")
            << QByteArray("Ä1,x") << lineMessage(1, u"An account number has only letters and digits; \"Ä\" is not allowed."_s);
        QTest::addRow("number 35 characters") << QByteArray(QByteArray(35, '9') + ",x")
                                              << lineMessage(1, u"An account number has at most 34 characters."_s);

        QTest::addRow("duplicate") << QByteArray("1001,a\n1001,b\n") << lineMessage(2, twice("1001"));
        QTest::addRow("duplicate once normalized") << QByteArray("de7001,a\n\nDE 7001,b\n") << lineMessage(3, twice("DE7001"));
        QTest::addRow("duplicate after a header") << QByteArray("number,holder\r\n5,a\r\n6,b\r\n5,c\r\n") << lineMessage(4, twice("5"));

        QTest::addRow("holder empty") << QByteArray("1001,,EUR") << lineMessage(1, HolderProblem);
        QTest::addRow("holder only spaces") << QByteArray("1001,   ") << lineMessage(1, HolderProblem);
        QTest::addRow("holder quoted spaces") << QByteArray("1001,\"  \t \"") << lineMessage(1, HolderProblem);
        QTest::addRow("holder 201 characters") << QByteArray("1001," + QByteArray(201, 'a')) << lineMessage(1, HolderProblem);
        QTest::addRow("holder 201 characters outside the BMP")
            << (QByteArray("1001,") + QString(u"𝔄"_s.repeated(201)).toUtf8()) << lineMessage(1, HolderProblem);

        QTest::addRow("currency unknown") << QByteArray("1001,a,XYZ") << lineMessage(1, currencyProblem("XYZ"));
        QTest::addRow("currency as word") << QByteArray("1001,a,Euro,0") << lineMessage(1, currencyProblem("Euro"));
        QTest::addRow("currency symbol") << QByteArray("1001,a,€") << lineMessage(1, currencyProblem("€"));
        QTest::addRow("currency quoted with a space") << QByteArray("1001,a,\" EUR\"") << lineMessage(1, currencyProblem(" EUR"));
        QTest::addRow("currency long, cut") << QByteArray("1001,a,ABCDEFGHIJKLMNOP") << lineMessage(1, currencyProblem("ABCDEFGHIJ"));

        QTest::addRow("floor not a number") << QByteArray("1001,a,EUR,abc") << lineMessage(1, floorMessage("abc", "EUR"));
        QTest::addRow("floor too many decimals") << QByteArray("1001,a,EUR,-0.001") << lineMessage(1, floorMessage("-0.001", "EUR"));
        QTest::addRow("floor decimals in JPY") << QByteArray("1001,a,JPY,-0.5") << lineMessage(1, floorMessage("-0.5", "JPY"));
        QTest::addRow("floor with a plus sign") << QByteArray("1001,a,EUR,+5") << lineMessage(1, floorMessage("+5", "EUR"));
        QTest::addRow("floor with a currency") << QByteArray("1001,a,EUR,-5 EUR") << lineMessage(1, floorMessage("-5 EUR", "EUR"));
        QTest::addRow("floor German") << QByteArray("1001,a,EUR,\"-1,5\"") << lineMessage(1, floorMessage("-1,5", "EUR"));
        QTest::addRow("floor absurd") << QByteArray("1001,a,EUR,-99999999999999999999")
                                      << lineMessage(1, floorMessage("-99999999999999999999", "EUR"));
        QTest::addRow("floor positive") << QByteArray("1001,a,EUR,1.00") << lineMessage(1, PositiveFloor);
        QTest::addRow("floor smallest positive") << QByteArray("1001,a,EUR,0.01") << lineMessage(1, PositiveFloor);

        // The line a message names is the line of the file, whatever came before it.
        QTest::addRow("after a header and CRLF")
            << QByteArray("number,holder\r\n1001,a\r\n1002,b,EUR,5\r\n") << lineMessage(3, PositiveFloor);
        QTest::addRow("after empty lines") << QByteArray("\n\n1001,a\n\n\n1002,b,EUR,5\n") << lineMessage(6, PositiveFloor);
        QTest::addRow("after a CR-only file's lines") << QByteArray("1001,a\r1002,b\r1003,c,EUR,5\r") << lineMessage(3, PositiveFloor);
        QTest::addRow("after a line break in quotes")
            << QByteArray("1001,\"Anna\nBerger\"\n1002,b,EUR,5\n") << lineMessage(3, PositiveFloor);
        QTest::addRow("after CRLFs in quotes")
            << QByteArray("1001,\"a\r\n\r\nb\",EUR\r\n1002,b,EUR,5\r\n") << lineMessage(4, PositiveFloor);
        QTest::addRow("the first bad row") << QByteArray("1001,a\n1002,b,EUR,5\n1003,,EUR\n") << lineMessage(2, PositiveFloor);

        // Not UTF-8 (e.g. saved as Latin-1): refused, not imported with replacement characters.
        QTest::addRow("Latin-1") << QByteArray("1001,a\n1002,M\xfcller\n") << lineMessage(2, NotUtf8);
        QTest::addRow("Latin-1 after a header") << QByteArray("number,holder\r\n1001,J\xf6rg\r\n") << lineMessage(2, NotUtf8);
        QTest::addRow("cut UTF-8 at the end") << QByteArray("1001,a\n1002,M\xc3") << lineMessage(2, NotUtf8);
        QTest::addRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 16) << lineMessage(1, NotUtf8);
    }

    void refusesTheFile()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, message);
        const auto parsed = parseAccountCsv(csv, Eur);
        QVERIFY2(!parsed, parsed ? qPrintable(describe(*parsed).join(u"; ")) : "");
        QCOMPARE(parsed.error().kind, Error::Kind::BadInput);
        QCOMPARE(parsed.error().message, message);
    }

    // A real U+FFFD in a UTF-8 file is a character like any other.
    void aReplacementCharacterWrittenAsUtf8IsKept()
    {
        const auto parsed = parseAccountCsv("1001,a\xef\xbf\xbd"
                                            "b\n",
                                            Eur);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->first().holder, u"a\uFFFDb"_s);
    }
};

QTEST_GUILESS_MAIN(TestAccountCsv)
#include "tst_account_csv.moc"
