// Unit tests for Outcome: status names, which statuses are final, and the JSON shape that
// tellerctl prints and scripts depend on.

#include "Currency.h"
#include "IdempotencyKey.h"
#include "Money.h"
#include "Outcome.h"
#include "TestCurrency.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <limits>

using namespace teller;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(teller::OutcomeStatus)

namespace {

IdempotencyKey fixedKey()
{
    const auto key = IdempotencyKey::parse(u"0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d");
    if (!key)
        qFatal("fixed key does not parse");
    return *key;
}

QStringList sortedKeys(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

} // namespace

class TestOutcome : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusNames_data();
    void statusNames();
    void unknownNamesRefused();
    void isDefinitive_data();
    void isDefinitive();

    void jsonMinimal();
    void jsonCompleted();
    void jsonRejected();
    void jsonAmounts();
    void jsonExecutedAtIsUtc();
    void reasonText();
};

void TestOutcome::statusNames_data()
{
    QTest::addColumn<OutcomeStatus>("status");
    QTest::addColumn<QString>("name");

    QTest::newRow("completed") << OutcomeStatus::Completed << u"completed"_s;
    QTest::newRow("pending_approval") << OutcomeStatus::PendingApproval << u"pending_approval"_s;
    QTest::newRow("rejected") << OutcomeStatus::Rejected << u"rejected"_s;
    QTest::newRow("key_reused") << OutcomeStatus::KeyReused << u"key_reused"_s;
    QTest::newRow("busy") << OutcomeStatus::Busy << u"busy"_s;
    QTest::newRow("in_doubt") << OutcomeStatus::InDoubt << u"in_doubt"_s;
    QTest::newRow("abandoned") << OutcomeStatus::Abandoned << u"abandoned"_s;
    QTest::newRow("expired") << OutcomeStatus::Expired << u"expired"_s;
    QTest::newRow("error") << OutcomeStatus::Error << u"error"_s;
    QTest::newRow("unknown") << OutcomeStatus::Unknown << u"unknown"_s;
}

void TestOutcome::statusNames()
{
    QFETCH(OutcomeStatus, status);
    QFETCH(QString, name);

    QCOMPARE(outcomeStatusName(status), name);
    const auto back = outcomeStatusFromName(name);
    QVERIFY(back.has_value());
    QVERIFY(*back == status);
    QCOMPARE(outcomeStatusName(*back), name);
}

void TestOutcome::unknownNamesRefused()
{
    for (const QString &name :
         {QString(), u"Completed"_s, u"COMPLETED"_s, u" completed"_s, u"completed "_s, u"in-doubt"_s, u"pending"_s, u"ok"_s}) {
        QVERIFY2(!outcomeStatusFromName(name).has_value(), qPrintable(name));
    }
}

void TestOutcome::isDefinitive_data()
{
    QTest::addColumn<OutcomeStatus>("status");
    QTest::addColumn<bool>("definitive");

    QTest::newRow("completed") << OutcomeStatus::Completed << true;
    QTest::newRow("rejected") << OutcomeStatus::Rejected << true;
    QTest::newRow("key_reused") << OutcomeStatus::KeyReused << true;
    QTest::newRow("abandoned") << OutcomeStatus::Abandoned << true;
    QTest::newRow("expired") << OutcomeStatus::Expired << true;
    QTest::newRow("error") << OutcomeStatus::Error << true;
    QTest::newRow("pending_approval") << OutcomeStatus::PendingApproval << false;
    QTest::newRow("busy") << OutcomeStatus::Busy << false;
    QTest::newRow("in_doubt") << OutcomeStatus::InDoubt << false;
    QTest::newRow("unknown") << OutcomeStatus::Unknown << false;
}

void TestOutcome::isDefinitive()
{
    QFETCH(OutcomeStatus, status);
    QFETCH(bool, definitive);

    Outcome o;
    o.status = status;
    QCOMPARE(o.isDefinitive(), definitive);
}

void TestOutcome::jsonMinimal()
{
    Outcome o;
    o.key = fixedKey();
    o.status = OutcomeStatus::Busy;
    o.attempts = 5;
    const QJsonObject json = o.toJson();

    QCOMPARE(sortedKeys(json), (QStringList{u"attempts"_s, u"balance_after"_s, u"key"_s, u"reason"_s, u"replayed"_s, u"status"_s}));
    QVERIFY(json.value(u"reason"_s).isNull());
    QVERIFY(json.value(u"balance_after"_s).isNull());
    QVERIFY(json.value(u"replayed"_s).isBool());
    QCOMPARE(json.value(u"replayed"_s).toBool(), false);
    // The whole document, byte for byte (QJsonDocument writes keys in sorted order).
    QCOMPARE(QJsonDocument(json).toJson(QJsonDocument::Compact),
             QByteArray(R"({"attempts":5,"balance_after":null,"key":"0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d",)"
                        R"("reason":null,"replayed":false,"status":"busy"})"));
}

void TestOutcome::jsonCompleted()
{
    const Currency eur = currency(u"EUR"_s);
    Outcome o;
    o.key = fixedKey();
    o.status = OutcomeStatus::Completed;
    o.replayed = true;
    o.kind = ActionKind::Withdrawal;
    o.account = u"DE89370400440532013000"_s;
    o.amount = Money(9300, eur);
    o.balanceAfter = Money(100050, eur);
    o.availableAfter = Money(90000, eur);
    o.operationId = 9007199254740993; // above 2^53: must not pass through a double
    o.executedAt = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 10), Qt::UTC);
    o.initiatedBy = u"anna"_s;
    o.workstation = u"ws-07"_s;
    o.attempts = 3;
    const QJsonObject json = o.toJson();

    QCOMPARE(sortedKeys(json), (QStringList{u"account"_s, u"amount"_s, u"attempts"_s, u"available_after"_s, u"balance_after"_s,
                                            u"currency"_s, u"executed_at"_s, u"initiated_by"_s, u"key"_s, u"kind"_s, u"operation_id"_s,
                                            u"reason"_s, u"replayed"_s, u"status"_s, u"workstation"_s}));

    QVERIFY(json.value(u"key"_s).isString());
    QCOMPARE(json.value(u"key"_s).toString(), u"0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d"_s);
    QCOMPARE(json.value(u"status"_s).toString(), u"completed"_s);
    QVERIFY(json.value(u"replayed"_s).isBool());
    QCOMPARE(json.value(u"replayed"_s).toBool(), true);
    QVERIFY(json.value(u"reason"_s).isNull());
    QCOMPARE(json.value(u"kind"_s).toString(), u"withdrawal"_s);
    QCOMPARE(json.value(u"account"_s).toString(), u"DE89370400440532013000"_s);
    // Amounts are canonical strings, never JSON numbers.
    QVERIFY(json.value(u"amount"_s).isString());
    QCOMPARE(json.value(u"amount"_s).toString(), u"93.00"_s);
    QCOMPARE(json.value(u"currency"_s).toString(), u"EUR"_s);
    QVERIFY(json.value(u"balance_after"_s).isString());
    QCOMPARE(json.value(u"balance_after"_s).toString(), u"1000.50"_s);
    QVERIFY(json.value(u"available_after"_s).isString());
    QCOMPARE(json.value(u"available_after"_s).toString(), u"900.00"_s);
    QVERIFY(json.value(u"operation_id"_s).isString());
    QCOMPARE(json.value(u"operation_id"_s).toString(), u"9007199254740993"_s);
    QCOMPARE(json.value(u"executed_at"_s).toString(), u"2024-05-06T07:08:09.010Z"_s);
    QCOMPARE(json.value(u"initiated_by"_s).toString(), u"anna"_s);
    QCOMPARE(json.value(u"workstation"_s).toString(), u"ws-07"_s);
    QVERIFY(json.value(u"attempts"_s).isDouble()); // a JSON number
    QCOMPARE(json.value(u"attempts"_s).toInteger(), qint64(3));
    QVERIFY(QJsonDocument(json).toJson(QJsonDocument::Compact).contains("\"attempts\":3,"));
}

void TestOutcome::jsonRejected()
{
    Outcome o;
    o.key = fixedKey();
    o.status = OutcomeStatus::Rejected;
    o.reason = u"insufficient_funds"_s;
    o.message = u"Insufficient funds."_s;
    o.kind = ActionKind::Transfer;
    o.account = u"AB12"_s;
    o.counterAccount = u"CD34"_s;
    o.amount = Money(1234, currency(u"JPY"_s));
    o.attempts = 1;
    const QJsonObject json = o.toJson();

    QVERIFY(json.value(u"reason"_s).isString());
    QCOMPARE(json.value(u"reason"_s).toString(), u"insufficient_funds"_s);
    QCOMPARE(json.value(u"message"_s).toString(), u"Insufficient funds."_s);
    QCOMPARE(json.value(u"counter_account"_s).toString(), u"CD34"_s);
    QCOMPARE(json.value(u"amount"_s).toString(), u"1234"_s);
    QCOMPARE(json.value(u"currency"_s).toString(), u"JPY"_s);
    QVERIFY(json.contains(u"balance_after"_s));
    QVERIFY(json.value(u"balance_after"_s).isNull());
    QVERIFY(!json.contains(u"available_after"_s));
    QVERIFY(!json.contains(u"operation_id"_s));
    QVERIFY(!json.contains(u"executed_at"_s));
    QVERIFY(!json.contains(u"initiated_by"_s));
    QVERIFY(!json.contains(u"workstation"_s));
}

void TestOutcome::jsonAmounts()
{
    Outcome o;
    o.key = fixedKey();
    o.status = OutcomeStatus::Completed;
    o.amount = Money(5, currency(u"KWD"_s));
    o.balanceAfter = Money(-525, currency(u"KWD"_s));
    QJsonObject json = o.toJson();
    QCOMPARE(json.value(u"amount"_s).toString(), u"0.005"_s);
    QCOMPARE(json.value(u"balance_after"_s).toString(), u"-0.525"_s);

    o.amount = Money(std::numeric_limits<qint64>::max(), currency(u"EUR"_s));
    o.balanceAfter = Money(0, currency(u"EUR"_s));
    json = o.toJson();
    QCOMPARE(json.value(u"amount"_s).toString(), u"92233720368547758.07"_s);
    QCOMPARE(json.value(u"balance_after"_s).toString(), u"0.00"_s);
}

void TestOutcome::jsonExecutedAtIsUtc()
{
    Outcome o;
    o.key = fixedKey();
    o.status = OutcomeStatus::Completed;
    o.executedAt = QDateTime(QDate(2024, 12, 31), QTime(23, 30, 0, 5), QTimeZone(2 * 3600));
    QCOMPARE(o.toJson().value(u"executed_at"_s).toString(), u"2024-12-31T21:30:00.005Z"_s);
}

void TestOutcome::reasonText()
{
    QCOMPARE(teller::reasonText(u"insufficient_funds"_s), u"Insufficient funds: the available balance does not cover the amount."_s);
    QCOMPARE(teller::reasonText(u"account_frozen"_s), u"The account is frozen: no money may leave it."_s);
    // An unknown reason is shown as it is, not dropped.
    QCOMPARE(teller::reasonText(u"some_new_reason"_s), u"some_new_reason"_s);
    QCOMPARE(teller::reasonText(QString()), QString());
}

QTEST_GUILESS_MAIN(TestOutcome)
#include "tst_outcome.moc"
