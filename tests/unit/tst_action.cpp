// Unit tests for idempotency keys, account numbers, ActionRequest validation and the request
// fingerprint the server recomputes.

#include "Action.h"
#include "Currency.h"
#include "IdempotencyKey.h"
#include "Money.h"
#include "TestCurrency.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QtEndian>

#include <limits>

using namespace teller;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(teller::ActionKind)

namespace {

Money eur(qint64 minor)
{
    return Money(minor, currency(u"EUR"_s));
}

// The 48-bit Unix millisecond prefix of a version 7 UUID.
quint64 millisPrefix(const QUuid &uuid)
{
    const QByteArray bytes = uuid.toRfc4122();
    return qFromBigEndian<quint64>(bytes.constData()) >> 16;
}

const QString validKeyLower = u"0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d"_s;

} // namespace

class TestAction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // IdempotencyKey
    void generateIsVersion7();
    void generateCarriesCurrentTime();
    void generateUniqueAndTimeOrdered();
    void generateRoundTripsThroughParse();
    void parseAccepted_data();
    void parseAccepted();
    void parseRefused_data();
    void parseRefused();
    void defaultKeyIsNull();

    // Kinds and account numbers
    void kindNames();
    void normalizeAccountNumber_data();
    void normalizeAccountNumber();

    // ActionRequest
    void createAccepted();
    void createAcceptsLimits();
    void createRefused_data();
    void createRefused();

    // Fingerprint
    void canonicalWithdrawal();
    void canonicalTransfer();
    void fingerprintIsSha256OfCanonical();
    void fingerprintChanges_data();
    void fingerprintChanges();
    void actionCreateKeepsRequest();
};

// ---------------------------------------------------------------------------------------------
// IdempotencyKey

void TestAction::generateIsVersion7()
{
    static const QRegularExpression form(u"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    for (int i = 0; i < 200; ++i) {
        const IdempotencyKey key = IdempotencyKey::generate();
        QVERIFY(!key.isNull());
        const QByteArray bytes = key.uuid().toRfc4122();
        QCOMPARE(bytes.size(), 16);
        // Version nibble: the high four bits of octet 6. (QUuid::version() of Qt 6.4 only knows
        // versions 1 to 5 and answers VerUnknown for 7, so the raw bytes are checked.)
        QCOMPARE(quint8(bytes.at(6)) >> 4, 7);
        QCOMPARE(key.uuid().data3 >> 12, 7);
        // RFC 4122 / 9562 variant: the two high bits of octet 8 are 10.
        QCOMPARE(quint8(bytes.at(8)) & 0xC0, 0x80);
        QCOMPARE(key.uuid().variant(), QUuid::DCE);
        QVERIFY2(form.match(key.toString()).hasMatch(), qPrintable(key.toString()));
    }
}

void TestAction::generateCarriesCurrentTime()
{
    const quint64 before = quint64(QDateTime::currentMSecsSinceEpoch());
    const IdempotencyKey key = IdempotencyKey::generate();
    const quint64 after = quint64(QDateTime::currentMSecsSinceEpoch());
    const quint64 stamp = millisPrefix(key.uuid());
    QVERIFY2(stamp >= before && stamp <= after, qPrintable(u"prefix %1 not in [%2, %3]"_s.arg(stamp).arg(before).arg(after)));
}

void TestAction::generateUniqueAndTimeOrdered()
{
    constexpr int count = 1000;
    QSet<QUuid> seen;
    QSet<QByteArray> randomParts; // the 74 random bits alone must differ too
    quint64 previous = 0;
    for (int i = 0; i < count; ++i) {
        const IdempotencyKey key = IdempotencyKey::generate();
        const quint64 stamp = millisPrefix(key.uuid());
        QVERIFY2(stamp >= previous, qPrintable(u"key %1: prefix %2 < previous %3"_s.arg(i).arg(stamp).arg(previous)));
        previous = stamp;
        seen.insert(key.uuid());
        randomParts.insert(key.uuid().toRfc4122().mid(6));
    }
    QCOMPARE(seen.size(), count);
    QCOMPARE(randomParts.size(), count);
}

void TestAction::generateRoundTripsThroughParse()
{
    const IdempotencyKey key = IdempotencyKey::generate();
    const auto parsed = IdempotencyKey::parse(key.toString());
    QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().message));
    QVERIFY(*parsed == key);
    QCOMPARE(parsed->toString(), key.toString());
    const auto upper = IdempotencyKey::parse(key.toString().toUpper());
    QVERIFY(upper.has_value());
    QVERIFY(*upper == key);
}

void TestAction::parseAccepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("lower") << validKeyLower << validKeyLower;
    QTest::newRow("upper") << u"0190A6F2-8F4E-7C3A-9B1D-2E5F6A7B8C9D"_s << validKeyLower;
    QTest::newRow("mixed") << u"0190a6F2-8f4E-7c3A-9B1d-2e5F6a7B8c9D"_s << validKeyLower;
    QTest::newRow("version 4") << u"f47ac10b-58cc-4372-a567-0e02b2c3d479"_s << u"f47ac10b-58cc-4372-a567-0e02b2c3d479"_s;
    QTest::newRow("max uuid") << u"FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"_s << u"ffffffff-ffff-ffff-ffff-ffffffffffff"_s;
    QTest::newRow("one bit set") << u"00000000-0000-0000-0000-000000000001"_s << u"00000000-0000-0000-0000-000000000001"_s;
}

void TestAction::parseAccepted()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);

    const auto key = IdempotencyKey::parse(text);
    QVERIFY2(key.has_value(), qPrintable(key ? QString() : key.error().message));
    QVERIFY(!key->isNull());
    QCOMPARE(key->toString(), canonical);
    QCOMPARE(key->uuid(), QUuid::fromString(canonical));
}

void TestAction::parseRefused_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("nil") << u"00000000-0000-0000-0000-000000000000"_s;
    QTest::newRow("braces") << u"{0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d}"_s;
    QTest::newRow("braces replacing first and last") << u"{190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9}"_s;
    QTest::newRow("no dashes") << u"0190a6f28f4e7c3a9b1d2e5f6a7b8c9d"_s;
    QTest::newRow("no dashes, padded to 36") << u"0190a6f28f4e7c3a9b1d2e5f6a7b8c9d0000"_s;
    QTest::newRow("dash moved") << u"0190a6f-28f4e-7c3a-9b1d-2e5f6a7b8c9d"_s;
    QTest::newRow("too short") << u"0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9"_s;
    QTest::newRow("too long") << u"0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d0"_s;
    QTest::newRow("non-hex g") << u"0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9g"_s;
    QTest::newRow("non-hex in first group") << u"z190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d"_s;
    QTest::newRow("full-width digit") << u"\uFF10190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d"_s;
    QTest::newRow("leading space") << u" 0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d"_s;
    QTest::newRow("trailing space") << u"0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d "_s;
    QTest::newRow("space instead of digit") << u"0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9 "_s;
    QTest::newRow("tab instead of dash") << u"0190a6f2\t8f4e-7c3a-9b1d-2e5f6a7b8c9d"_s;
    QTest::newRow("urn prefix") << u"urn:uuid:0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d"_s;
    QTest::newRow("NUL inside") << QString(u"0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9"_s + QChar(u'\0'));
    QTest::newRow("10,000 characters") << QString(10000, u'a');
}

void TestAction::parseRefused()
{
    QFETCH(QString, text);

    const auto key = IdempotencyKey::parse(text);
    QVERIFY2(!key.has_value(), qPrintable(u"accepted as %1"_s.arg(key ? key->toString() : QString())));
    QVERIFY(key.error().kind == Error::Kind::BadInput);
    QVERIFY(!key.error().message.isEmpty());
    QVERIFY2(key.error().message.contains(u"not a valid idempotency key"_s), qPrintable(key.error().message));
    // The message quotes what was given, but never more than 64 characters of it.
    QVERIFY2(key.error().message.contains(text.left(64)), qPrintable(key.error().message));
    QVERIFY(key.error().message.size() < 250);
}

void TestAction::defaultKeyIsNull()
{
    QVERIFY(IdempotencyKey().isNull());
    QVERIFY(IdempotencyKey::fromUuid(QUuid()).isNull());
    const QUuid u = QUuid::fromString(validKeyLower);
    QCOMPARE(IdempotencyKey::fromUuid(u).toString(), validKeyLower);
}

// ---------------------------------------------------------------------------------------------
// Kinds and account numbers

void TestAction::kindNames()
{
    QCOMPARE(actionKindName(ActionKind::Withdrawal), u"withdrawal"_s);
    QCOMPARE(actionKindName(ActionKind::Deposit), u"deposit"_s);
    QCOMPARE(actionKindName(ActionKind::Transfer), u"transfer"_s);
    for (ActionKind k : {ActionKind::Withdrawal, ActionKind::Deposit, ActionKind::Transfer})
        QVERIFY(actionKindFromName(actionKindName(k)) == k);
    QVERIFY(!actionKindFromName(u"Withdrawal").has_value());
    QVERIFY(!actionKindFromName(u"").has_value());
    QVERIFY(!actionKindFromName(u"refund").has_value());
}

void TestAction::normalizeAccountNumber_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected"); // the number, or a part of the message

    QTest::newRow("iban with spaces") << u"de89 3704 0044 0532 0130 00"_s << true << u"DE89370400440532013000"_s;
    QTest::newRow("already canonical") << u"DE89370400440532013000"_s << true << u"DE89370400440532013000"_s;
    QTest::newRow("surrounding spaces") << u"  abc 123  "_s << true << u"ABC123"_s;
    QTest::newRow("tab and nbsp") << u"DE89\t3704\u00A00044"_s << true << u"DE8937040044"_s;
    QTest::newRow("digits only") << u"0012345"_s << true << u"0012345"_s;
    QTest::newRow("34 characters") << QString(34, u'a') << true << QString(34, u'A');
    QTest::newRow("34 characters plus spaces")
        << QString(u"  "_s + QString(u"ab "_s).repeated(17)) << true << QString(u"AB"_s).repeated(17);

    QTest::newRow("35 characters") << QString(35, u'1') << false << u"at most 34 characters"_s;
    QTest::newRow("empty") << QString() << false << u"Enter an account number."_s;
    QTest::newRow("only spaces") << u"   "_s << false << u"Enter an account number."_s;
    QTest::newRow("dash") << u"DE89-3704"_s << false << u"\"-\" is not allowed"_s;
    QTest::newRow("dot") << u"DE89.3704"_s << false << u"\".\" is not allowed"_s;
    QTest::newRow("slash") << u"DE89/3704"_s << false << u"\"/\" is not allowed"_s;
    QTest::newRow("underscore") << u"DE89_3704"_s << false << u"\"_\" is not allowed"_s;
    QTest::newRow("apostrophe") << u"DE89'3704"_s << false << u"\"'\" is not allowed"_s;
    QTest::newRow("semicolon") << u"DE89;DROP"_s << false << u"\";\" is not allowed"_s;
    QTest::newRow("umlaut") << u"\u00C4B12"_s << false << u"is not allowed"_s;
    QTest::newRow("sharp s") << u"AB\u00DF12"_s << false << u"is not allowed"_s;
    QTest::newRow("full-width digit") << u"AB\uFF11"_s << false << u"is not allowed"_s;
    QTest::newRow("cyrillic A") << u"\u0410B12"_s << false << u"is not allowed"_s;
    // Letters whose upper case is ASCII must not sneak in as I and S.
    QTest::newRow("dotless i") << u"AB\u0131"_s << false << u"is not allowed"_s;
    QTest::newRow("long s") << u"\u017FE12"_s << false << u"is not allowed"_s;
    QTest::newRow("NUL") << QString(u"AB"_s + QChar(u'\0') + u"12"_s) << false << u"is not allowed"_s;
    // Punctuation wins over length: the offending character is named even in a long input.
    QTest::newRow("long with punctuation") << QString(QString(40, u'1') + u"!"_s) << false << u"\"!\" is not allowed"_s;
}

void TestAction::normalizeAccountNumber()
{
    QFETCH(QString, input);
    QFETCH(bool, ok);
    QFETCH(QString, expected);

    const auto number = teller::normalizeAccountNumber(input);
    if (ok) {
        QVERIFY2(number.has_value(), qPrintable(number ? QString() : number.error().message));
        QCOMPARE(*number, expected);
        QVERIFY(number->size() <= 34);
    } else {
        QVERIFY2(!number.has_value(), qPrintable(number ? *number : QString()));
        QVERIFY(number.error().kind == Error::Kind::BadInput);
        QVERIFY(!number.error().message.isEmpty());
        QVERIFY2(number.error().message.contains(expected), qPrintable(number.error().message));
    }
}

// ---------------------------------------------------------------------------------------------
// ActionRequest::create

void TestAction::createAccepted()
{
    const auto w = ActionRequest::create(ActionKind::Withdrawal, u"de89 3704 0044 0532 0130 00", {}, eur(12345), u"  Cash for rent\n  ");
    QVERIFY2(w.has_value(), qPrintable(w ? QString() : w.error().message));
    QVERIFY(w->kind() == ActionKind::Withdrawal);
    QCOMPARE(w->account(), u"DE89370400440532013000"_s);
    QCOMPARE(w->counterAccount(), QString());
    QVERIFY(w->amount() == eur(12345));
    QCOMPARE(w->note(), u"Cash for rent"_s);

    // Blank counter account on a withdrawal is the same as none.
    const auto blank = ActionRequest::create(ActionKind::Deposit, u"AB12", u"   ", eur(1));
    QVERIFY2(blank.has_value(), qPrintable(blank ? QString() : blank.error().message));
    QCOMPARE(blank->counterAccount(), QString());
    QCOMPARE(blank->note(), QString());

    const auto t = ActionRequest::create(ActionKind::Transfer, u"DE89370400440532013000", u"gb29 nwbk 6016 1331 9268 19",
                                         Money(100000, currency(u"GBP"_s)), u"line one\nline two");
    QVERIFY2(t.has_value(), qPrintable(t ? QString() : t.error().message));
    QVERIFY(t->kind() == ActionKind::Transfer);
    QCOMPARE(t->account(), u"DE89370400440532013000"_s);
    QCOMPARE(t->counterAccount(), u"GB29NWBK60161331926819"_s);
    QCOMPARE(t->amount().minorUnits(), qint64(100000));
    QCOMPARE(t->amount().currency().code(), u"GBP"_s);
    QCOMPARE(t->note(), u"line one\nline two"_s);
}

void TestAction::createAcceptsLimits()
{
    const auto max = ActionRequest::create(ActionKind::Deposit, u"AB12", {}, eur(Money::MaxActionMinorUnits));
    QVERIFY2(max.has_value(), qPrintable(max ? QString() : max.error().message));
    QCOMPARE(max->amount().minorUnits(), Money::MaxActionMinorUnits);

    const auto one = ActionRequest::create(ActionKind::Withdrawal, u"AB12", {}, Money(1, currency(u"JPY"_s)));
    QVERIFY(one.has_value());

    const QString note500 = QString(500, u'n');
    const auto longNote = ActionRequest::create(ActionKind::Withdrawal, u"AB12", {}, eur(1), note500);
    QVERIFY2(longNote.has_value(), qPrintable(longNote ? QString() : longNote.error().message));
    QCOMPARE(longNote->note(), note500);

    // The limit is on the trimmed note.
    const auto padded = ActionRequest::create(ActionKind::Withdrawal, u"AB12", {}, eur(1), QString(u"   "_s + note500 + u"\n\n"_s));
    QVERIFY2(padded.has_value(), qPrintable(padded ? QString() : padded.error().message));
    QCOMPARE(padded->note(), note500);
}

void TestAction::createRefused_data()
{
    QTest::addColumn<ActionKind>("kind");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("counter");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("messagePart");

    const QString acct = u"DE89370400440532013000"_s;
    const QString other = u"GB29NWBK60161331926819"_s;
    const QString notPositive = u"The amount must be greater than zero."_s;
    const QString tooLarge = u"exceeds the maximum for a single operation"_s;
    const QString control = u"control or formatting character"_s;

    QTest::newRow("zero amount") << ActionKind::Withdrawal << acct << QString() << qint64(0) << QString() << notPositive;
    QTest::newRow("negative amount") << ActionKind::Deposit << acct << QString() << qint64(-1) << QString() << notPositive;
    QTest::newRow("int64 min amount") << ActionKind::Withdrawal << acct << QString() << std::numeric_limits<qint64>::min() << QString()
                                      << notPositive;
    QTest::newRow("zero transfer") << ActionKind::Transfer << acct << other << qint64(0) << QString() << notPositive;
    QTest::newRow("max + 1") << ActionKind::Withdrawal << acct << QString() << Money::MaxActionMinorUnits + 1 << QString() << tooLarge;
    QTest::newRow("int64 max") << ActionKind::Deposit << acct << QString() << std::numeric_limits<qint64>::max() << QString()
                               << tooLarge;
    QTest::newRow("transfer to same account") << ActionKind::Transfer << acct << acct << qint64(100) << QString()
                                              << u"two different accounts"_s;
    QTest::newRow("transfer to same account, other spelling")
        << ActionKind::Transfer << u"de89 3704 0044 0532 0130 00"_s << acct << qint64(100) << QString() << u"two different accounts"_s;
    QTest::newRow("transfer without counter") << ActionKind::Transfer << acct << QString() << qint64(100) << QString()
                                              << u"Enter an account number."_s;
    QTest::newRow("transfer with bad counter")
        << ActionKind::Transfer << acct << u"GB29-NWBK"_s << qint64(100) << QString() << u"\"-\" is not allowed"_s;
    QTest::newRow("counter on withdrawal") << ActionKind::Withdrawal << acct << other << qint64(100) << QString()
                                           << u"Only a transfer has a second account."_s;
    QTest::newRow("counter on deposit") << ActionKind::Deposit << acct << other << qint64(100) << QString()
                                        << u"Only a transfer has a second account."_s;
    QTest::newRow("empty account") << ActionKind::Withdrawal << QString() << QString() << qint64(100) << QString()
                                   << u"Enter an account number."_s;
    QTest::newRow("bad account") << ActionKind::Deposit << u"DE89!"_s << QString() << qint64(100) << QString()
                                 << u"\"!\" is not allowed"_s;
    QTest::newRow("overlong note") << ActionKind::Withdrawal << acct << QString() << qint64(100) << QString(501, u'x')
                                   << u"The note is too long."_s;
    QTest::newRow("note with SOH") << ActionKind::Withdrawal << acct << QString() << qint64(100)
                                   << QString(u"a"_s + QChar(0x01) + u"b"_s) << control;
    QTest::newRow("note with NUL") << ActionKind::Withdrawal << acct << QString() << qint64(100)
                                   << QString(u"a"_s + QChar(0x00) + u"b"_s) << control;
    QTest::newRow("note with tab") << ActionKind::Withdrawal << acct << QString() << qint64(100) << u"a\tb"_s << control;
    QTest::newRow("note with CR") << ActionKind::Withdrawal << acct << QString() << qint64(100) << u"a\r\nb"_s << control;
    QTest::newRow("note with ESC") << ActionKind::Withdrawal << acct << QString() << qint64(100)
                                   << QString(u"a"_s + QChar(0x1B) + u"[31mred"_s) << control;
    QTest::newRow("note with right-to-left override")
        << ActionKind::Withdrawal << acct << QString() << qint64(100) << QString(u"pay "_s + QChar(0x202E) + u"001"_s) << control;
    QTest::newRow("note with zero-width joiner")
        << ActionKind::Withdrawal << acct << QString() << qint64(100) << QString(u"a"_s + QChar(0x200D) + u"b"_s) << control;
    QTest::newRow("note with DEL") << ActionKind::Withdrawal << acct << QString() << qint64(100)
                                   << QString(u"a"_s + QChar(0x7F) + u"b"_s) << control;
    QTest::newRow("note with C1 control") << ActionKind::Withdrawal << acct << QString() << qint64(100)
                                          << QString(u"a"_s + QChar(0x9B) + u"b"_s) << control;
}

void TestAction::createRefused()
{
    QFETCH(ActionKind, kind);
    QFETCH(QString, account);
    QFETCH(QString, counter);
    QFETCH(qint64, minor);
    QFETCH(QString, note);
    QFETCH(QString, messagePart);

    const auto request = ActionRequest::create(kind, account, counter, eur(minor), note);
    QVERIFY2(!request.has_value(), "accepted");
    QVERIFY(request.error().kind == Error::Kind::BadInput);
    QVERIFY(!request.error().message.isEmpty());
    QVERIFY2(request.error().message.contains(messagePart), qPrintable(request.error().message));
}

// ---------------------------------------------------------------------------------------------
// canonical() and fingerprint()

void TestAction::canonicalWithdrawal()
{
    const auto w = ActionRequest::create(ActionKind::Withdrawal, u"de89 3704 0044 0532 0130 00", {}, eur(12345),
                                         u"the note is not part of it");
    QVERIFY(w.has_value());
    QCOMPARE(w->canonical(), QByteArray("teller/v1\nwithdrawal\nDE89370400440532013000\n\n12345\nEUR\n"));
}

void TestAction::canonicalTransfer()
{
    const auto t = ActionRequest::create(ActionKind::Transfer, u"DE89370400440532013000", u"gb29 nwbk 6016 1331 9268 19",
                                         Money(100000, currency(u"GBP"_s)));
    QVERIFY(t.has_value());
    QCOMPARE(t->canonical(), QByteArray("teller/v1\ntransfer\nDE89370400440532013000\nGB29NWBK60161331926819\n100000\nGBP\n"));
}

void TestAction::fingerprintIsSha256OfCanonical()
{
    // Digests computed once, independently, with
    //   printf 'teller/v1\nwithdrawal\nDE89370400440532013000\n\n12345\nEUR\n' | sha256sum
    //   printf 'teller/v1\ntransfer\nDE89370400440532013000\nGB29NWBK60161331926819\n100000\nGBP\n' | sha256sum
    const auto w = ActionRequest::create(ActionKind::Withdrawal, u"DE89370400440532013000", {}, eur(12345));
    QVERIFY(w.has_value());
    QCOMPARE(w->fingerprint().size(), 32);
    QCOMPARE(w->fingerprint().toHex(), QByteArray("4dd129cdd46daaff49c533b5618479091c54d9f1d6648f97c2759d6d797313ab"));
    QCOMPARE(w->fingerprint(), QCryptographicHash::hash(w->canonical(), QCryptographicHash::Sha256));

    const auto t = ActionRequest::create(ActionKind::Transfer, u"DE89370400440532013000", u"GB29NWBK60161331926819",
                                         Money(100000, currency(u"GBP"_s)));
    QVERIFY(t.has_value());
    QCOMPARE(t->fingerprint().size(), 32);
    QCOMPARE(t->fingerprint().toHex(), QByteArray("d86c8fc6545293d172bf66471df0bfe7ed882ef7de89e8993b86e1d9e5bcc4e5"));
}

void TestAction::fingerprintChanges_data()
{
    QTest::addColumn<ActionKind>("kind");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("counter");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("note");
    QTest::addColumn<bool>("sameAsBase");

    // Base: withdrawal of 123.45 EUR from DE89370400440532013000, no note.
    const QString acct = u"DE89370400440532013000"_s;
    QTest::newRow("identical") << ActionKind::Withdrawal << acct << QString() << qint64(12345) << u"EUR"_s << QString() << true;
    QTest::newRow("note added") << ActionKind::Withdrawal << acct << QString() << qint64(12345) << u"EUR"_s << u"rent"_s << true;
    QTest::newRow("other note") << ActionKind::Withdrawal << acct << QString() << qint64(12345) << u"EUR"_s
                                << u"something else entirely"_s << true;
    QTest::newRow("account spelled differently")
        << ActionKind::Withdrawal << u"de89 3704 0044 0532 0130 00"_s << QString() << qint64(12345) << u"EUR"_s << QString() << true;
    QTest::newRow("kind deposit") << ActionKind::Deposit << acct << QString() << qint64(12345) << u"EUR"_s << QString() << false;
    QTest::newRow("kind transfer") << ActionKind::Transfer << acct << u"GB29NWBK60161331926819"_s << qint64(12345) << u"EUR"_s
                                   << QString() << false;
    QTest::newRow("account") << ActionKind::Withdrawal << u"DE89370400440532013001"_s << QString() << qint64(12345) << u"EUR"_s
                             << QString() << false;
    QTest::newRow("account prefix") << ActionKind::Withdrawal << u"DE8937040044053201300"_s << QString() << qint64(12345) << u"EUR"_s
                                    << QString() << false;
    QTest::newRow("amount +1") << ActionKind::Withdrawal << acct << QString() << qint64(12346) << u"EUR"_s << QString() << false;
    QTest::newRow("amount x10") << ActionKind::Withdrawal << acct << QString() << qint64(123450) << u"EUR"_s << QString() << false;
    QTest::newRow("currency USD") << ActionKind::Withdrawal << acct << QString() << qint64(12345) << u"USD"_s << QString() << false;
    QTest::newRow("currency JPY") << ActionKind::Withdrawal << acct << QString() << qint64(12345) << u"JPY"_s << QString() << false;
}

void TestAction::fingerprintChanges()
{
    QFETCH(ActionKind, kind);
    QFETCH(QString, account);
    QFETCH(QString, counter);
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(QString, note);
    QFETCH(bool, sameAsBase);

    const auto base = ActionRequest::create(ActionKind::Withdrawal, u"DE89370400440532013000", {}, eur(12345));
    QVERIFY(base.has_value());
    const auto changed = ActionRequest::create(kind, account, counter, Money(minor, currency(code)), note);
    QVERIFY2(changed.has_value(), qPrintable(changed ? QString() : changed.error().message));
    QCOMPARE(changed->fingerprint() == base->fingerprint(), sameAsBase);
    QCOMPARE(changed->canonical() == base->canonical(), sameAsBase);
}

void TestAction::actionCreateKeepsRequest()
{
    const auto request = ActionRequest::create(ActionKind::Transfer, u"AB12", u"CD34", eur(500));
    QVERIFY(request.has_value());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Action a = Action::create(*request);
    const Action b = Action::create(*request);
    QVERIFY(!a.key.isNull());
    QVERIFY(!(a.key == b.key));
    QCOMPARE(a.request.fingerprint(), request->fingerprint());
    QCOMPARE(a.request.fingerprint(), b.request.fingerprint());
    QVERIFY(a.createdAt.isValid());
    QCOMPARE(a.createdAt.timeSpec(), Qt::UTC);
    QVERIFY(a.createdAt >= before.addSecs(-1));
}

QTEST_GUILESS_MAIN(TestAction)
#include "tst_action.moc"
