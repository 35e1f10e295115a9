// Unit tests for the pure parsers of tellerctl's command line: ArgParser, parseSeconds,
// parseCount, checkAmountSyntax and shellQuote, and the consistency of the command table
// (names, options, usage lines, --help). No database, no network.

#include "ArgParser.h"
#include "Command.h"
#include "Commands.h"
#include "Parsers.h"

#include <QProcess>
#include <QSet>
#include <QTest>

using namespace tellerctl;

namespace {

QString latin1(const char *s)
{
    return QString::fromLatin1(s);
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out;
}

// The parser of these tests: four options with a value, two flags.
ArgParser parser()
{
    ArgParser p;
    for (const char *o : {"db", "amount", "key", "note"})
        p.addValueOption(latin1(o));
    for (const char *f : {"help", "shell"})
        p.addFlag(latin1(f));
    return p;
}

} // namespace

class TestTellerctlArgs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parseRefused_data();
    void parseRefused();
    void valueFallback();
    void unexpected_data();
    void unexpected();

    void parseSeconds_data();
    void parseSeconds();
    void parseCount_data();
    void parseCount();
    void checkAmountSyntax_data();
    void checkAmountSyntax();
    void checkAmountSyntaxQuotesAtMost40Characters();
    void shellQuote_data();
    void shellQuote();
    void shellQuoteSurvivesTheShell_data();
    void shellQuoteSurvivesTheShell();

    void commandTable();
};

void TestTellerctlArgs::parse_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("positional");
    // "name=value" for every option with a value that was given.
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QStringList>("flags");

    QTest::addRow("nothing") << QStringList{} << QStringList{} << QStringList{} << QStringList{};
    QTest::addRow("positional only") << list({"account", "show", "10000001"}) << list({"account", "show", "10000001"}) << QStringList{}
                                     << QStringList{};
    QTest::addRow("value after its name") << list({"--amount", "5", "deposit"}) << list({"deposit"}) << list({"amount=5"})
                                          << QStringList{};
    QTest::addRow("--name=value") << list({"deposit", "--amount=5"}) << list({"deposit"}) << list({"amount=5"}) << QStringList{};
    QTest::addRow("--name= is an empty value") << list({"--note="}) << QStringList{} << list({"note="}) << QStringList{};
    QTest::addRow("an empty value after the name") << list({"--note", ""}) << QStringList{} << list({"note="}) << QStringList{};
    QTest::addRow("only the first = splits") << list({"--db=host=x port=5"}) << QStringList{} << list({"db=host=x port=5"})
                                             << QStringList{};
    QTest::addRow("a value that looks like an option")
        << list({"--note", "--help"}) << QStringList{} << list({"note=--help"}) << QStringList{};
    QTest::addRow("a negative value") << list({"--amount", "-5"}) << QStringList{} << list({"amount=-5"}) << QStringList{};
    QTest::addRow("options anywhere on the line") << list({"--db", "x", "withdraw", "--amount", "5", "more", "--key", "k"})
                                                  << list({"withdraw", "more"}) << list({"amount=5", "db=x", "key=k"}) << QStringList{};
    QTest::addRow("flag") << list({"demo", "--shell", "start"}) << list({"demo", "start"}) << QStringList{} << list({"shell"});
    QTest::addRow("flag twice is one flag") << list({"--shell", "--shell"}) << QStringList{} << QStringList{} << list({"shell"});
    QTest::addRow("two flags") << list({"--help", "--shell"}) << QStringList{} << QStringList{} << list({"help", "shell"});
    QTest::addRow("-- ends the options") << list({"--amount", "1", "--", "--amount", "2", "--shell", "--bogus"})
                                         << list({"--amount", "2", "--shell", "--bogus"}) << list({"amount=1"}) << QStringList{};
    QTest::addRow("a second -- is positional") << list({"--", "--"}) << list({"--"}) << QStringList{} << QStringList{};
    QTest::addRow("- is positional") << list({"-"}) << list({"-"}) << QStringList{} << QStringList{};
    QTest::addRow("one dash is not an option")
        << list({"-x", "-5", "-amount"}) << list({"-x", "-5", "-amount"}) << QStringList{} << QStringList{};
    QTest::addRow("unicode value") << list({"--note", "Grüße, 東京"}) << QStringList{} << list({"note=Grüße, 東京"}) << QStringList{};
}

void TestTellerctlArgs::parse()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, positional);
    QFETCH(QStringList, values);
    QFETCH(QStringList, flags);

    ArgParser p = parser();
    const auto error = p.parse(arguments);
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QCOMPARE(p.positional(), positional);
    QStringList gotValues;
    for (const char *o : {"amount", "db", "key", "note"}) {
        if (p.isSet(latin1(o)))
            gotValues << latin1(o) + u'=' + p.value(latin1(o));
    }
    QCOMPARE(gotValues, values);
    QStringList gotFlags;
    for (const char *f : {"help", "shell"}) {
        if (p.isSet(latin1(f)))
            gotFlags << latin1(f);
    }
    QCOMPARE(gotFlags, flags);
}

void TestTellerctlArgs::parseRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::addRow("unknown option") << list({"withdraw", "--amout", "5"}) << latin1("Unknown option --amout.");
    QTest::addRow("unknown option with =") << list({"--bogus=1"}) << latin1("Unknown option --bogus.");
    QTest::addRow("unknown option after a positional") << list({"deposit", "--holder", "x"}) << latin1("Unknown option --holder.");
    QTest::addRow("options are case-sensitive") << list({"--Amount", "5"}) << latin1("Unknown option --Amount.");
    QTest::addRow("no name before =") << list({"--=5"}) << latin1("Unknown option --.");
    QTest::addRow("missing value at the end") << list({"deposit", "--amount"}) << latin1("The option --amount needs a value.");
    QTest::addRow("repeated option") << list({"--amount", "1", "--amount", "2"}) << latin1("The option --amount is given twice.");
    QTest::addRow("repeated, once with =") << list({"--amount=1", "--amount", "1"}) << latin1("The option --amount is given twice.");
    QTest::addRow("repeated with the same value") << list({"--key=a", "--key=a"}) << latin1("The option --key is given twice.");
    QTest::addRow("flag with a value") << list({"--shell=yes"}) << latin1("The option --shell takes no value.");
    QTest::addRow("flag with an empty value") << list({"--help="}) << latin1("The option --help takes no value.");
    QTest::addRow("first error wins") << list({"--bogus", "--amount"}) << latin1("Unknown option --bogus.");
}

void TestTellerctlArgs::parseRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    ArgParser p = parser();
    const auto error = p.parse(arguments);
    QVERIFY(error);
    QCOMPARE(*error, message);
}

void TestTellerctlArgs::valueFallback()
{
    ArgParser p = parser();
    QVERIFY(!p.parse(list({"--note="})));
    QCOMPARE(p.value(latin1("amount")), QString());
    QCOMPARE(p.value(latin1("amount"), latin1("8")), latin1("8"));
    QVERIFY(!p.isSet(latin1("amount")));
    // Given, even empty, is given: the fallback is only for what is absent.
    QVERIFY(p.isSet(latin1("note")));
    QCOMPARE(p.value(latin1("note"), latin1("x")), QString());
    // Names the parser does not know are never set.
    QVERIFY(!p.isSet(latin1("bogus")));
}

void TestTellerctlArgs::unexpected_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<QStringList>("unexpected");

    QTest::addRow("nothing given") << QStringList{} << QStringList{} << QStringList{};
    QTest::addRow("positionals are not options") << list({"note", "shell"}) << QStringList{} << QStringList{};
    QTest::addRow("all allowed") << list({"--amount", "5", "--shell"}) << list({"amount", "shell"}) << QStringList{};
    QTest::addRow("a value option") << list({"--note", "x", "--amount", "5"}) << list({"amount"}) << list({"--note"});
    QTest::addRow("a flag") << list({"--shell", "--amount", "5"}) << list({"amount"}) << list({"--shell"});
    QTest::addRow("sorted") << list({"--shell", "--note", "n", "--amount", "5", "--db", "x"}) << list({"db"})
                            << list({"--amount", "--note", "--shell"});
    QTest::addRow("an empty value counts") << list({"--note="}) << QStringList{} << list({"--note"});
    QTest::addRow("after -- nothing is an option") << list({"--", "--note", "x"}) << QStringList{} << QStringList{};
}

void TestTellerctlArgs::unexpected()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, allowed);
    QFETCH(QStringList, unexpected);
    ArgParser p = parser();
    QVERIFY(!p.parse(arguments));
    QCOMPARE(p.unexpected(QSet<QString>(allowed.cbegin(), allowed.cend())), unexpected);
}

void TestTellerctlArgs::parseSeconds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms"); // -1: refused

    QTest::addRow("whole") << latin1("12") << qint64(12000);
    QTest::addRow("one") << latin1("1") << qint64(1000);
    QTest::addRow("half") << latin1("0.5") << qint64(500);
    QTest::addRow("two decimals") << latin1("2.25") << qint64(2250);
    QTest::addRow("three decimals") << latin1("2.250") << qint64(2250);
    QTest::addRow("one millisecond") << latin1("0.001") << qint64(1);
    QTest::addRow("leading zeros") << latin1("007.5") << qint64(7500);
    QTest::addRow("largest") << latin1("99999.999") << qint64(99999999);
    QTest::addRow("spaces around") << latin1(" 3 ") << qint64(3000);
    QTest::addRow("zero") << latin1("0") << qint64(-1);
    QTest::addRow("zero with decimals") << latin1("0.000") << qint64(-1);
    QTest::addRow("empty") << QString() << qint64(-1);
    QTest::addRow("blank") << latin1("  ") << qint64(-1);
    QTest::addRow("negative") << latin1("-1") << qint64(-1);
    QTest::addRow("plus sign") << latin1("+1") << qint64(-1);
    QTest::addRow("trailing dot") << latin1("1.") << qint64(-1);
    QTest::addRow("leading dot") << latin1(".5") << qint64(-1);
    QTest::addRow("four decimals") << latin1("1.2345") << qint64(-1);
    QTest::addRow("six digits") << latin1("100000") << qint64(-1);
    QTest::addRow("exponent") << latin1("1e3") << qint64(-1);
    QTest::addRow("decimal comma") << latin1("1,5") << qint64(-1);
    QTest::addRow("unit") << latin1("5s") << qint64(-1);
    QTest::addRow("two numbers") << latin1("1 2") << qint64(-1);
    QTest::addRow("hex") << latin1("0x10") << qint64(-1);
    QTest::addRow("word") << latin1("ten") << qint64(-1);
    QTest::addRow("other digits") << QStringLiteral(u"1.\u0665") << qint64(-1); // ARABIC-INDIC DIGIT FIVE
}

void TestTellerctlArgs::parseSeconds()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    const auto parsed = tellerctl::parseSeconds(text);
    if (ms < 0) {
        QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(std::chrono::milliseconds(0)).count())));
    } else {
        QVERIFY(parsed);
        QCOMPARE(qint64(parsed->count()), ms);
    }
}

void TestTellerctlArgs::parseCount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("min");
    QTest::addColumn<qint64>("max");
    QTest::addColumn<qint64>("value"); // -1: refused

    QTest::addRow("zero allowed") << latin1("0") << qint64(0) << qint64(10) << qint64(0);
    QTest::addRow("the maximum") << latin1("10") << qint64(0) << qint64(10) << qint64(10);
    QTest::addRow("above the maximum") << latin1("11") << qint64(0) << qint64(10) << qint64(-1);
    QTest::addRow("below the minimum") << latin1("0") << qint64(1) << qint64(10) << qint64(-1);
    QTest::addRow("the minimum") << latin1("1") << qint64(1) << qint64(10) << qint64(1);
    QTest::addRow("spaces around") << latin1(" 7 ") << qint64(0) << qint64(10) << qint64(7);
    QTest::addRow("leading zeros") << latin1("007") << qint64(0) << qint64(10) << qint64(7);
    QTest::addRow("a port") << latin1("65535") << qint64(1) << qint64(65535) << qint64(65535);
    QTest::addRow("not a port") << latin1("65536") << qint64(1) << qint64(65535) << qint64(-1);
    QTest::addRow("nine digits") << latin1("999999999") << qint64(0) << qint64(2'000'000'000) << qint64(999999999);
    QTest::addRow("ten digits") << latin1("1000000000") << qint64(0) << qint64(2'000'000'000) << qint64(-1);
    QTest::addRow("negative") << latin1("-1") << qint64(-5) << qint64(10) << qint64(-1);
    QTest::addRow("plus sign") << latin1("+1") << qint64(0) << qint64(10) << qint64(-1);
    QTest::addRow("decimal") << latin1("1.0") << qint64(0) << qint64(10) << qint64(-1);
    QTest::addRow("exponent") << latin1("1e3") << qint64(0) << qint64(10000) << qint64(-1);
    QTest::addRow("hex") << latin1("0x1") << qint64(0) << qint64(10) << qint64(-1);
    QTest::addRow("empty") << QString() << qint64(0) << qint64(10) << qint64(-1);
    QTest::addRow("blank") << latin1(" ") << qint64(0) << qint64(10) << qint64(-1);
    QTest::addRow("grouped") << latin1("1,000") << qint64(0) << qint64(10000) << qint64(-1);
    QTest::addRow("word") << latin1("x") << qint64(0) << qint64(10) << qint64(-1);
    // Only ASCII digits: no other script's, no full-width ones.
    QTest::addRow("arabic-indic digit") << QStringLiteral(u"\u0663") << qint64(0) << qint64(10) << qint64(-1);
    QTest::addRow("full-width digits") << QStringLiteral(u"\uFF11\uFF12") << qint64(0) << qint64(100) << qint64(-1);
}

void TestTellerctlArgs::parseCount()
{
    QFETCH(QString, text);
    QFETCH(qint64, min);
    QFETCH(qint64, max);
    QFETCH(qint64, value);
    const auto parsed = tellerctl::parseCount(text, min, max);
    if (value < 0) {
        QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(0))));
    } else {
        QVERIFY(parsed);
        QCOMPARE(*parsed, value);
    }
}

void TestTellerctlArgs::checkAmountSyntax_data()
{
    QTest::addColumn<QString>("text");
    // Empty: valid; otherwise the beginning of the reason given.
    QTest::addColumn<QString>("refusal");

    const QString notValid = latin1("The amount \"%1\" is not valid: ");
    const QString notPositive = latin1("The amount must be greater than zero.");
    for (const char *valid : {"1", "5", "1234.50", "0.01", "0.001", "12.345", "1,234.50", "100000"})
        QTest::addRow("valid '%s'", valid) << latin1(valid) << QString();
    for (const char *zero : {"0", "0.00", "-5", "-0.01"})
        QTest::addRow("not positive '%s'", zero) << latin1(zero) << notPositive;
    for (const char *bad : {"", " ", "abc", "1e3", "12.3456", "1.2.3", "12.", "NaN", "0x10", "--5", "99999999999999999999"})
        QTest::addRow("not valid '%s'", bad) << latin1(bad) << notValid.arg(latin1(bad));
}

void TestTellerctlArgs::checkAmountSyntax()
{
    QFETCH(QString, text);
    QFETCH(QString, refusal);
    const auto reason = tellerctl::checkAmountSyntax(text);
    if (refusal.isEmpty()) {
        QVERIFY2(!reason, qPrintable(reason.value_or(QString())));
    } else {
        QVERIFY(reason);
        QVERIFY2(reason->startsWith(refusal), qPrintable(*reason));
        QVERIFY2(reason->size() > refusal.size() || refusal.endsWith(u'.'), qPrintable(*reason)); // says why
    }
}

void TestTellerctlArgs::checkAmountSyntaxQuotesAtMost40Characters()
{
    const QString text = QString(30, u'1') + QString(30, u'x');
    const auto reason = tellerctl::checkAmountSyntax(text);
    QVERIFY(reason);
    QVERIFY2(reason->contains(u'"' + text.left(40) + u'"'), qPrintable(*reason));
    QVERIFY(!reason->contains(text.left(41)));
}

void TestTellerctlArgs::shellQuote_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("quoted");

    QTest::addRow("empty") << QString() << latin1("''");
    QTest::addRow("plain") << latin1("abc") << latin1("'abc'");
    QTest::addRow("spaces") << latin1("/tmp/my demo") << latin1("'/tmp/my demo'");
    QTest::addRow("one quote") << latin1("'") << latin1("''\\'''");
    QTest::addRow("a quote inside") << latin1("it's") << latin1("'it'\\''s'");
    QTest::addRow("two quotes") << latin1("a''b") << latin1("'a'\\'''\\''b'");
    QTest::addRow("command substitution") << latin1("$(rm -rf /)") << latin1("'$(rm -rf /)'");
    QTest::addRow("backticks and variables") << latin1("`id` $HOME ${x}") << latin1("'`id` $HOME ${x}'");
    QTest::addRow("backslash") << latin1("a\\b") << latin1("'a\\b'");
    QTest::addRow("double quotes") << latin1("\"x\"") << latin1("'\"x\"'");
    QTest::addRow("newline") << latin1("a\nb") << latin1("'a\nb'");
    QTest::addRow("semicolon and pipe") << latin1("x; y | z &") << latin1("'x; y | z &'");
    QTest::addRow("unicode") << QStringLiteral(u"Zürich — 東京") << QStringLiteral(u"'Zürich — 東京'");
}

void TestTellerctlArgs::shellQuote()
{
    QFETCH(QString, value);
    QFETCH(QString, quoted);
    QCOMPARE(tellerctl::shellQuote(value), quoted);
}

void TestTellerctlArgs::shellQuoteSurvivesTheShell_data()
{
    shellQuote_data();
}

// What eval "$(tellerctl demo start --shell)" does with a value: the shell gives back exactly it.
void TestTellerctlArgs::shellQuoteSurvivesTheShell()
{
    QFETCH(QString, value);
    QProcess sh;
    sh.start(latin1("/bin/sh"), {latin1("-c"), latin1("eval \"v=$0\"; printf '%s' \"$v\""), tellerctl::shellQuote(value)});
    QVERIFY(sh.waitForFinished(10000));
    QCOMPARE(sh.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()), value);
}

// Every command has its own name, its own usage line, options that mean one thing on the whole
// command line (a value option is never a flag elsewhere, nor a global option), and a place in --help.
void TestTellerctlArgs::commandTable()
{
    const auto commands = allCommands();
    QVERIFY(!commands.empty());
    const QStringList globals = Command::globalValueOptions() + Command::globalFlags();
    QSet<QString> names, valueOptions, flags;
    for (const QString &g : Command::globalValueOptions())
        valueOptions.insert(g);
    for (const QString &g : Command::globalFlags())
        flags.insert(g);
    const QString help = Command::helpText();
    for (const auto &c : commands) {
        QVERIFY2(!names.contains(c->name()), qPrintable(c->name()));
        names.insert(c->name());
        QCOMPARE(findCommand(commands, c->name()), c.get());
        const QString usage = c->usageLine();
        const QString usagePrefix = latin1("Usage: tellerctl ") + c->name() + u' ';
        QVERIFY2(usage.startsWith(usagePrefix) || usage == usagePrefix.trimmed(), qPrintable(usage));
        QVERIFY2(!usage.contains(u'%'), qPrintable(usage));
        // Listed in --help, at the start of a line ("  deposit  --account …").
        const QString listed = latin1("\n  ") + c->name() + u' ';
        QVERIFY2(help.contains(listed), qPrintable(c->name()));
        for (const QString &o : c->valueOptions()) {
            const QString what = c->name() + latin1(" --") + o;
            QVERIFY2(!globals.contains(o), qPrintable(what));
            QVERIFY2(!flags.contains(o), qPrintable(what));
            valueOptions.insert(o);
        }
        for (const QString &f : c->flags()) {
            const QString what = c->name() + latin1(" --") + f;
            QVERIFY2(!globals.contains(f), qPrintable(what));
            QVERIFY2(!valueOptions.contains(f), qPrintable(what));
            flags.insert(f);
        }
    }
    QCOMPARE(findCommand(commands, latin1("payout")), nullptr);
    // Options are found anywhere on the line: the parser knows every command's.
    ArgParser p;
    declareOptions(p, commands);
    QVERIFY(!p.parse(list({"--amount", "5", "--shell", "--holder=x", "--db", "x", "--help"})));
    QCOMPARE(p.unexpected({}), list({"--amount", "--db", "--help", "--holder", "--shell"}));
}

QTEST_GUILESS_MAIN(TestTellerctlArgs)
#include "tst_tellerctl_args.moc"
