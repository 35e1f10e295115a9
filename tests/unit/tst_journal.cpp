// The local journal (SQLite): entries survive, keyed by the database's identity; entries of an
// older journal keyed by an address are adopted by the database reached through it, those of
// other databases stay; a damaged file is moved aside and kept, and a file that is only
// unusable for now (another Teller version) is left where it is.
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

// What teller.database_identity() answers: a uuid, whatever address reached the database.
const QString Identity = QStringLiteral("5f0c3e1a-2b4d-4c6e-8f10-a1b2c3d4e5f6");

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
            QVERIFY(j.record(a, QStringLiteral("anna"), Identity, QStringLiteral("ws")));
            QVERIFY(j.record(b, QStringLiteral("anna"), Identity, QStringLiteral("ws")));
            Outcome done;
            done.key = a.key;
            done.status = OutcomeStatus::Completed;
            QVERIFY(j.update(a.key, done));
        }
        Journal again(path);
        QVERIFY(again.open());
        const auto open = again.openEntries(QStringLiteral("anna"), Identity);
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
            QVERIFY(j.record(a, QStringLiteral("anna"), Identity, QStringLiteral("ws")));
        Outcome o;
        o.key = doubtful.key;
        o.status = OutcomeStatus::InDoubt;
        QVERIFY(j.update(doubtful.key, o));
        for (const Action &a : {fresh, doubtful}) {
            o.key = a.key;
            o.status = OutcomeStatus::Error;
            QVERIFY(j.update(a.key, o));
        }
        const auto open = j.openEntries(QStringLiteral("anna"), Identity);
        QVERIFY(open);
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->first().key, doubtful.key);
    }

    // A journal written before entries were keyed by the database's identity names the address
    // each action went through. Connected through that address, the entries under it become
    // the database's (open and closed, of every login); those under other addresses, or
    // another database's identity, are left as they are.
    void entriesUnderTheLegacyAddressAreAdopted()
    {
        QTemporaryDir dir;
        Journal j(dir.filePath(QStringLiteral("j.sqlite")));
        QVERIFY(j.open());
        const QString legacy = QStringLiteral("db.branch:5432/teller");
        const QString otherAddress = QStringLiteral("127.0.0.1:6543/teller");
        const QString otherDatabase = QStringLiteral("0b6f7c1e-9d2a-4e3b-8c5d-f6a7b8c9d0e1");
        const Action annaLegacy = withdrawal(100), bertLegacy = withdrawal(200), closedLegacy = withdrawal(300),
                     elsewhere = withdrawal(400), another = withdrawal(500), current = withdrawal(600);
        QVERIFY(j.record(annaLegacy, QStringLiteral("anna"), legacy, QStringLiteral("ws")));
        QVERIFY(j.record(bertLegacy, QStringLiteral("bert"), legacy, QStringLiteral("ws")));
        QVERIFY(j.record(closedLegacy, QStringLiteral("anna"), legacy, QStringLiteral("ws")));
        Outcome done;
        done.key = closedLegacy.key;
        done.status = OutcomeStatus::Completed;
        QVERIFY(j.update(closedLegacy.key, done));
        QVERIFY(j.record(elsewhere, QStringLiteral("anna"), otherAddress, QStringLiteral("ws")));
        QVERIFY(j.record(another, QStringLiteral("anna"), otherDatabase, QStringLiteral("ws")));
        QVERIFY(j.record(current, QStringLiteral("anna"), Identity, QStringLiteral("ws")));

        // Before: only what was recorded under the identity is this database's.
        auto open = j.openEntries(QStringLiteral("anna"), Identity);
        QVERIFY(open);
        QCOMPARE(open->size(), 1);

        const auto adopted = j.adopt(legacy, Identity);
        QVERIFY(adopted);
        QCOMPARE(*adopted, 3);
        open = j.openEntries(QStringLiteral("anna"), Identity);
        QVERIFY(open);
        QStringList keys;
        for (const JournalEntry &e : *open) {
            keys << e.key.toString();
            QCOMPARE(e.database, Identity);
        }
        keys.sort();
        QStringList expected{annaLegacy.key.toString(), current.key.toString()};
        expected.sort();
        QCOMPARE(keys, expected);
        QCOMPARE(j.openEntries(QStringLiteral("bert"), Identity)->size(), 1);
        QCOMPARE((*j.entry(closedLegacy.key))->database, Identity);
        QVERIFY(!(*j.entry(closedLegacy.key))->open);
        QCOMPARE(j.openEntries({}, legacy)->size(), 0);
        // The other address and the other database keep their entries, still open.
        QCOMPARE((*j.entry(elsewhere.key))->database, otherAddress);
        QCOMPARE((*j.entry(another.key))->database, otherDatabase);
        QCOMPARE(j.openEntries({}, otherAddress)->size(), 1);
        QCOMPARE(j.openEntries({}, otherDatabase)->size(), 1);
        QCOMPARE(j.openEntries()->size(), 5);

        // Adopting again, without an address or onto the address itself changes nothing.
        QCOMPARE(*j.adopt(legacy, Identity), 0);
        QCOMPARE(*j.adopt({}, Identity), 0);
        QCOMPARE(*j.adopt(otherAddress, otherAddress), 0);
        QCOMPARE((*j.entry(elsewhere.key))->database, otherAddress);
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
