// The soak test, briefly (TELLER_SOAK_SECONDS, default 6): random money traffic through a
// proxy that resets, stalls, delays and swallows COMMIT answers at random; then the invariants
// and every client's view of every key against the server. teller_soak runs it for longer.
#include "PgTestServer.h"
#include "Soak.h"

#include <QTest>

class TestSoak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomTrafficUnderRandomFaults()
    {
        SoakOptions options;
        options.duration = std::chrono::seconds(
            qEnvironmentVariableIntValue("TELLER_SOAK_SECONDS") > 0 ? qEnvironmentVariableIntValue("TELLER_SOAK_SECONDS") : 6);
        const SoakReport report = runSoak(options);
        qInfo("%s", qPrintable(report.summary()));
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.mid(0, 20).join(u'\n')));
        QVERIFY(report.completed > 0);
        QVERIFY(report.faults > 0);
    }
};

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
