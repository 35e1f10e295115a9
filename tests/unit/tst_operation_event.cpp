// Unit tests for OperationEvent::fromRecord: an event as teller.events_after() sends it (its
// key and status) becomes the prompt the window acts on, or nothing when it cannot be read.

#include "OperationEvent.h"

#include <QTest>

using namespace teller;

Q_DECLARE_METATYPE(teller::OutcomeStatus)

class TestOperationEvent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromRecord_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("read");
        QTest::addColumn<bool>("hasKey");
        QTest::addColumn<OutcomeStatus>("expected");
        const QString key = QStringLiteral("0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d");
        QTest::addRow("pending") << key << "pending_approval" << true << true << OutcomeStatus::PendingApproval;
        QTest::addRow("approved") << key << "completed" << true << true << OutcomeStatus::Completed;
        QTest::addRow("rejected") << key << "rejected" << true << true << OutcomeStatus::Rejected;
        QTest::addRow("expired") << key << "expired" << true << true << OutcomeStatus::Expired;
        QTest::addRow("in doubt") << key << "in_doubt" << true << true << OutcomeStatus::InDoubt;
        QTest::addRow("no key") << ""
                                << "in_doubt" << true << false << OutcomeStatus::InDoubt;
        QTest::addRow("an account's status") << ""
                                             << "frozen" << false << false << OutcomeStatus::Unknown;
        QTest::addRow("a status from a newer server") << key << "on_hold" << false << false << OutcomeStatus::Unknown;
        QTest::addRow("no status") << key << "" << false << false << OutcomeStatus::Unknown;
        QTest::addRow("not a key") << "0190a6f2"
                                   << "completed" << false << false << OutcomeStatus::Unknown;
    }

    void fromRecord()
    {
        QFETCH(QString, key);
        QFETCH(QString, status);
        QFETCH(bool, read);
        QFETCH(bool, hasKey);
        QFETCH(OutcomeStatus, expected);
        const auto event = OperationEvent::fromRecord(key, status);
        QCOMPARE(bool(event), read);
        if (!event)
            return;
        QCOMPARE(event->status, expected);
        QCOMPARE(bool(event->key), hasKey);
        if (hasKey)
            QCOMPARE(event->key->toString(), key);
    }
};

QTEST_GUILESS_MAIN(TestOperationEvent)
#include "tst_operation_event.moc"
