// The window's read-through cache of searches (core/client/ReadCache): what it answers, for
// how long, and when it forgets.
#include "ReadCache.h"

#include <QTest>

using namespace teller;
using namespace std::chrono_literals;

namespace {
QList<AccountInfo> accounts(const QString &number)
{
    AccountInfo a;
    a.number = number;
    return {a};
}
} // namespace

class TestReadCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersWithinItsLifetime_data()
    {
        QTest::addColumn<bool>("live");
        QTest::addColumn<qint64>("afterMs");
        QTest::addColumn<bool>("answered");
        QTest::addRow("polled, at once") << false << qint64(0) << true;
        QTest::addRow("polled, just before the end") << false << qint64(4999) << true;
        QTest::addRow("polled, at the end") << false << qint64(5000) << false;
        QTest::addRow("live, 29 s") << true << qint64(29000) << true;
        QTest::addRow("live, 30 s") << true << qint64(30000) << false;
        QTest::addRow("the clock went back") << false << qint64(-1) << false;
    }
    void answersWithinItsLifetime()
    {
        QFETCH(bool, live);
        QFETCH(qint64, afterMs);
        QFETCH(bool, answered);
        ReadCache cache;
        cache.setLive(live);
        const auto t0 = ReadCache::Clock::now();
        cache.storeSearch(QStringLiteral("Weber"), accounts(QStringLiteral("1001")), t0);
        const auto got = cache.search(QStringLiteral("Weber"), t0 + std::chrono::milliseconds(afterMs));
        QCOMPARE(got.has_value(), answered);
        if (got)
            QCOMPARE(got->first().number, QStringLiteral("1001"));
        QCOMPARE(cache.hits(), quint64(answered ? 1 : 0));
        QCOMPARE(cache.misses(), quint64(answered ? 0 : 1));
    }

    void theSameTextWhateverItsCaseAndSpaces()
    {
        ReadCache cache;
        cache.storeSearch(QStringLiteral("  Jonas   Weber "), accounts(QStringLiteral("1001")));
        QVERIFY(cache.search(QStringLiteral("jonas weber")));
        QVERIFY(cache.search(QStringLiteral("JONAS WEBER")));
        QVERIFY(!cache.search(QStringLiteral("jonas web")));
    }

    void forgetsEverythingAtAChange()
    {
        ReadCache cache;
        cache.storeSearch(QStringLiteral("a"), accounts(QStringLiteral("1")));
        cache.storeSearch(QStringLiteral("b"), accounts(QStringLiteral("2")));
        cache.clear();
        QVERIFY(!cache.search(QStringLiteral("a")));
        QVERIFY(!cache.search(QStringLiteral("b")));
    }

    void staysBounded()
    {
        ReadCache cache;
        const auto t0 = ReadCache::Clock::now();
        for (int i = 0; i < ReadCache::MaxEntries + 10; ++i)
            cache.storeSearch(QString::number(i), accounts(QString::number(i)), t0);
        // Full of fresh entries: it started again rather than growing.
        QVERIFY(cache.search(QString::number(ReadCache::MaxEntries + 9), t0));
        QVERIFY(!cache.search(QStringLiteral("0"), t0));
    }
};

QTEST_GUILESS_MAIN(TestReadCache)
#include "tst_read_cache.moc"
