// The local journal (SQLite): entries survive, a damaged file is moved aside and kept, and a
// file that is only unusable for now (another Teller version) is left where it is.
#include "Journal.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace teller;

namespace {
Action withdrawal(qint64 minor)
{
    auto request = ActionRequest::create(ActionKind::Withdrawal, u"1001", u"", Money(minor, *Currency::fromCode(u"EUR")));
    if (!request)
        qFatal("%s", qPrintable(request.error().message));
    return Action::create(*request);
}

QStringList asideFiles(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList({QStringLiteral("*.damaged-*")}, QDir::Files);
}
} // namespace

class TestJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entriesSurviveAndCloseOnAFinalAnswer()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.sqlite"));
        const Action a = withdrawal(100), b = withdrawal(200);
        {
            Journal j(path);
            QVERIFY(j.open());
            QVERIFY(j.record(a, QStringLiteral("anna"), QStringLiteral("db"), QStringLiteral("ws")));
            QVERIFY(j.record(b, QStringLiteral("anna"), QStringLiteral("db"), QStringLiteral("ws")));
            Outcome done;
            done.key = a.key;
            done.status = OutcomeStatus::Completed;
            QVERIFY(j.update(a.key, done));
        }
        Journal again(path);
        QVERIFY(again.open());
        const auto open = again.openEntries(QStringLiteral("anna"), QStringLiteral("db"));
        QVERIFY(open);
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->first().key, b.key);
        QVERIFY(open->first().toAction());
        QCOMPARE(open->first().toAction()->request.fingerprint(), b.request.fingerprint());
    }

    void anErrorClosesOnlyAnEntryThatWasNeverInDoubt()
    {
        QTemporaryDir dir;
        Journal j(dir.filePath(QStringLiteral("j.sqlite")));
        QVERIFY(j.open());
        const Action fresh = withdrawal(100), doubtful = withdrawal(200);
        for (const Action &a : {fresh, doubtful})
            QVERIFY(j.record(a, QStringLiteral("anna"), QStringLiteral("db"), QStringLiteral("ws")));
        Outcome o;
        o.key = doubtful.key;
        o.status = OutcomeStatus::InDoubt;
        QVERIFY(j.update(doubtful.key, o));
        for (const Action &a : {fresh, doubtful}) {
            o.key = a.key;
            o.status = OutcomeStatus::Error;
            QVERIFY(j.update(a.key, o));
        }
        const auto open = j.openEntries(QStringLiteral("anna"), QStringLiteral("db"));
        QVERIFY(open);
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->first().key, doubtful.key);
    }

    void aDamagedFileIsMovedAsideAndKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.sqlite"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'x'));
        }
        Journal j(path);
        QVERIFY(j.open());
        QVERIFY(!j.warning().isEmpty());
        QCOMPARE(asideFiles(dir).size(), 1);
        QFile kept(dir.filePath(asideFiles(dir).first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray(8192, 'x'));
    }

    void aJournalOfAnotherVersionIsLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE actions (key TEXT PRIMARY KEY)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        Journal j(path);
        const auto opened = j.open();
        QVERIFY(!opened);
        QVERIFY2(opened.error().message.contains(QLatin1String("another Teller version")), qPrintable(opened.error().message));
        QVERIFY(QFile::exists(path));
        QVERIFY(asideFiles(dir).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
