// The teller's till on screen, as a teller uses it: keyboard only, against a real server. Close
// with a count that is short, open again with the book's amount, bad entries refused, the
// blotter and its PDF, the offer to open the till after sign-in.
#include "DeskTest.h"
#include "PgTestServer.h"

#include "FaultProxy.h"

#include <BlotterDialog.h>
#include <BlotterReport.h>
#include <BlotterView.h>
#include <LoginDialog.h>
#include <MainWindow.h>
#include <TillActions.h>
#include <TillCountDialog.h>

#include "ActionExecutor.h"
#include "Cash.h"
#include "DbSession.h"
#include "Supervision.h"
#include "TellerClient.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace teller;

class TestTillGui : public QObject
{
    Q_OBJECT

    QString m_db;
    QTemporaryDir m_dir;
    std::unique_ptr<TellerClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    const Currency m_eur = *Currency::fromCode(u"EUR");

    template <typename T> T *find(QObject *root, const char *name) { return desktest::find<T>(root, name); }

    bool signIn(const QString &login) { return desktest::signIn(m_window.get(), m_db, login); }
    // Signs in through a fault proxy in front of the server.
    bool signInThrough(FaultProxy &proxy, const QString &login)
    {
        return desktest::signIn(m_window.get(), m_db, login, quint16(proxy.port()));
    }

    // Counts the book's amount and confirms it, all by keyboard; returns once it is sent.
    void countTheBookAndSend(TillCountDialog *d, qint64 book)
    {
        typeCounts(d, piecesFor(book, denominations()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(d->state(), TillCountDialog::State::Confirming);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(d->key());
    }

    // The main window active again (after a dialog), so that its shortcuts reach it.
    bool activateMainWindow()
    {
        QApplication::setActiveWindow(m_window.get());
        return QTest::qWaitFor([&] { return m_window->isActiveWindow(); }, 5000);
    }

    // Presses a key on the main window and waits for the count dialog it opens, ready to count.
    TillCountDialog *openCountDialog(Qt::Key key)
    {
        if (!activateMainWindow())
            return nullptr;
        QTest::keyClick(m_window.get(), key);
        TillCountDialog *d = nullptr;
        if (!QTest::qWaitFor(
                [&] {
                    d = m_window->findChild<TillCountDialog *>();
                    return d && d->isVisible() && d->state() == TillCountDialog::State::Editing;
                },
                10000))
            return nullptr;
        QApplication::setActiveWindow(d);
        return QTest::qWaitFor([&] { return d->isActiveWindow(); }, 5000) ? d : nullptr;
    }

    qint64 tillBook(const QString &login)
    {
        Sql sql(m_db);
        return sql.count(QStringLiteral("SELECT balance FROM teller.accounts WHERE kind = 'till' AND owner = ? AND currency = 'EUR'"),
                         {login});
    }

    // The notes and coins of EUR, largest first (minor units).
    QList<qint64> denominations()
    {
        Sql sql(m_db);
        QSqlQuery q = sql.query(
            QStringLiteral("SELECT value FROM teller.denominations WHERE currency = 'EUR' AND active ORDER BY value DESC"));
        QList<qint64> values;
        while (q.next())
            values << q.value(0).toLongLong();
        return values;
    }

    // How many of each note and coin make up `amount`, largest first.
    static QList<qint64> piecesFor(qint64 amount, const QList<qint64> &values)
    {
        QList<qint64> counts;
        for (qint64 v : values) {
            counts << amount / v;
            amount %= v;
        }
        return counts;
    }

    // Types the counts line by line, as a teller does: a number (nothing for none), then Enter
    // or Tab to the next line (both go down the count column); ends on the record button.
    void typeCounts(TillCountDialog *d, const QList<qint64> &counts)
    {
        const auto edits = lineEdits(d);
        QCOMPARE(edits.size(), counts.size());
        for (int i = 0; i < counts.size(); ++i) {
            QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(edits.at(i)));
            if (counts.at(i) > 0)
                QTest::keyClicks(QApplication::focusWidget(), QString::number(counts.at(i)));
            QTest::keyClick(QApplication::focusWidget(), i % 2 ? Qt::Key_Tab : Qt::Key_Return);
        }
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(find<QPushButton>(d, "recordButton")));
    }

    QList<QLineEdit *> lineEdits(TillCountDialog *d)
    {
        QList<QLineEdit *> edits;
        for (const qint64 v : denominations())
            edits << find<QLineEdit>(d, QStringLiteral("count_%1").arg(v).toLatin1().constData());
        return edits;
    }

    // Record, then confirm, both with Enter; waits for a definitive outcome.
    void recordAndConfirm(TillCountDialog *d)
    {
        auto *record = find<QPushButton>(d, "recordButton");
        QVERIFY(record->isEnabled());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(d->state(), TillCountDialog::State::Confirming);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(find<QPushButton>(d, "confirmButton")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(d->state(), TillCountDialog::State::Finished, 15000);
    }

    // The Alt+letters of the visible buttons and buddied labels of `root` used more than once.
    static QStringList mnemonicClashes(QWidget *root)
    {
        QMap<QChar, QStringList> byLetter;
        for (QWidget *w : root->findChildren<QWidget *>()) {
            if (!w->isVisibleTo(root))
                continue;
            QString text;
            if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
                text = label->text();
            else if (auto *button = qobject_cast<QAbstractButton *>(w))
                text = button->text();
            const qsizetype at = text.indexOf(u'&');
            if (at >= 0 && at + 1 < text.size() && text.at(at + 1) != u'&')
                byLetter[text.at(at + 1).toLower()] << text;
        }
        QStringList found;
        for (auto it = byLetter.cbegin(); it != byLetter.cend(); ++it)
            if (it.value().size() > 1)
                found << it.value().join(QStringLiteral(" / "));
        return found;
    }

    QString money(qint64 minor, const QLocale &l) const { return Money(minor, m_eur).toDisplayWithCode(l); }

    bool approveAsSupervisor(const IdempotencyKey &key)
    {
        SessionOptions options;
        options.workstation = QStringLiteral("test-ws");
        DbSession other(PgTestServer::instance().staff(m_db, QStringLiteral("t_super")), options);
        return other.open() && Supervision(other).decide(key, true, QStringLiteral("counted again, it is right"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
        QStandardPaths::setTestModeEnabled(true);
        m_db = PgTestServer::instance().createDatabase();
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("10000001"), 100000);
    }

    void init()
    {
        m_client = desktest::makeClient(m_dir);
        m_window = std::make_unique<MainWindow>(m_client.get());
    }

    void cleanup()
    {
        const QStringList violations = desktest::endTest(m_window, m_client, m_db);
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    // Close with a count 12.50 EUR short: the expected amount, the count and the difference
    // are shown as typed; the server's rule decides (beyond the tolerance: a supervisor). Then
    // open again with the book's amount: no difference.
    void closeShortThenOpenWithTheBookAmount()
    {
        QVERIFY(signIn(QStringLiteral("t_teller1")));
        Sql sql(m_db);
        const qint64 book = tillBook(QStringLiteral("t_teller1"));
        const qint64 tolerance = sql.count(QStringLiteral("SELECT till_tolerance FROM teller.cash_rules WHERE currency = 'EUR'"));
        QVERIFY(book > 1250);

        TillCountDialog *d = openCountDialog(Qt::Key_F8);
        QVERIFY(d);
        QPointer<TillCountDialog> guard(d);
        QCOMPARE(d->mode(), TillCountDialog::Mode::Close);
        const QLocale l = d->locale();
        auto *expected = find<QLabel>(d, "expectedLabel");
        QVERIFY2(expected->text().contains(money(book, l)), qPrintable(expected->text()));
        // Several tills: the currency can be chosen.
        QVERIFY(find<QWidget>(d, "currencyBox")->isEnabled());
        // Closing shows the blotter next to the count.
        QVERIFY(d->blotterView() && d->blotterView()->isVisible());

        const QList<qint64> values = denominations();
        const QList<qint64> counts = piecesFor(book - 1250, values);
        typeCounts(d, counts);
        QCOMPARE(d->counted(), std::optional<Money>(Money(book - 1250, m_eur)));
        auto *counted = find<QLabel>(d, "countedLabel");
        QVERIFY2(counted->text().contains(money(book - 1250, l)), qPrintable(counted->text()));
        auto *difference = find<QLabel>(d, "differenceLabel");
        QVERIFY2(difference->text().contains(money(1250, l) + QStringLiteral(" short")), qPrintable(difference->text()));
        auto *explanation = find<QLabel>(d, "differenceExplanation");
        QVERIFY2(explanation->text().contains(QLatin1String("supervisor")), qPrintable(explanation->text()));
        // A line total as typed.
        auto *grid = find<QTableWidget>(d, "countGrid");
        QCOMPARE(grid->item(0, 2)->text(), Money(counts.first() * values.first(), m_eur).toDisplay(l));
        QVERIFY2(grid->item(0, 0)->text().endsWith(QLatin1String(" note")), qPrintable(grid->item(0, 0)->text()));
        QVERIFY2(grid->item(values.size() - 1, 0)->text().endsWith(QLatin1String(" coin")),
                 qPrintable(grid->item(values.size() - 1, 0)->text()));

        recordAndConfirm(d);
        const bool waits = 1250 > tolerance;
        const Outcome outcome = *d->outcome();
        QCOMPARE(outcome.status, waits ? OutcomeStatus::PendingApproval : OutcomeStatus::Completed);
        QCOMPARE(outcome.expected, std::optional<Money>(Money(book, m_eur)));
        QCOMPARE(outcome.counted, std::optional<Money>(Money(book - 1250, m_eur)));
        QCOMPARE(outcome.difference, std::optional<Money>(Money(-1250, m_eur)));
        auto *title = find<QLabel>(d, "outcomeTitle");
        QVERIFY2(title->text().contains(waits ? QLatin1String("waits for a supervisor") : QLatin1String("the count is recorded")),
                 qPrintable(title->text()));
        QVERIFY2(find<QLabel>(d, "outcomeDetail")->text().contains(money(1250, l) + QStringLiteral(" short")),
                 qPrintable(find<QLabel>(d, "outcomeDetail")->text()));

        // The server's record: the count with its notes and coins, the till closed.
        QSqlQuery q = sql.query(
            QStringLiteral("SELECT c.kind, c.expected, c.counted, c.denominations::text, o.status "
                           "FROM teller.till_counts c JOIN teller.operations o ON o.key = c.key WHERE c.key = ?::uuid"),
            {outcome.key.toString()});
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("close"));
        QCOMPARE(q.value(1).toLongLong(), book);
        QCOMPARE(q.value(2).toLongLong(), book - 1250);
        const QJsonObject pieces = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        QCOMPARE(pieces.value(QString::number(values.first())).toInteger(), counts.first());
        QCOMPARE(q.value(4).toString(), waits ? QStringLiteral("pending_approval") : QStringLiteral("completed"));
        QCOMPARE(sql.value(QStringLiteral("SELECT till_open FROM teller.accounts WHERE kind = 'till' AND owner = 't_teller1' "
                                          "AND currency = 'EUR'"))
                     .toBool(),
                 false);

        // Enter on Close; the desk says the EUR till is not open.
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(find<QPushButton>(d, "closeButton")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY(!guard || !guard->isVisible());
        auto *tillLabel = find<QLabel>(m_window.get(), "tillLabel");
        QTRY_VERIFY2(tillLabel->text().contains(QLatin1String("not open: EUR")), qPrintable(tillLabel->text()));

        // A supervisor settles the difference; then the till opens with the book's amount.
        if (waits)
            QVERIFY(approveAsSupervisor(outcome.key));
        const qint64 book2 = tillBook(QStringLiteral("t_teller1"));
        QCOMPARE(book2, book - 1250);
        QTRY_VERIFY(!m_window->findChild<TillCountDialog *>());
        d = openCountDialog(Qt::Key_F7);
        QVERIFY(d);
        QCOMPARE(d->mode(), TillCountDialog::Mode::Open);
        QVERIFY2(find<QLabel>(d, "expectedLabel")->text().contains(money(book2, l)),
                 qPrintable(find<QLabel>(d, "expectedLabel")->text()));
        QVERIFY(!d->blotterView());
        typeCounts(d, piecesFor(book2, values));
        QVERIFY2(find<QLabel>(d, "differenceLabel")->text().contains(QLatin1String("No difference")),
                 qPrintable(find<QLabel>(d, "differenceLabel")->text()));
        QVERIFY(find<QLabel>(d, "differenceExplanation")->text().isEmpty());
        recordAndConfirm(d);
        const Outcome opened = *d->outcome();
        QCOMPARE(opened.status, OutcomeStatus::Completed);
        QCOMPARE(opened.difference, std::optional<Money>(Money(0, m_eur)));
        QVERIFY2(find<QLabel>(d, "outcomeTitle")->text().contains(QLatin1String("Till opened")),
                 qPrintable(find<QLabel>(d, "outcomeTitle")->text()));
        QCOMPARE(sql.count(QStringLiteral("SELECT counted - expected FROM teller.till_counts WHERE key = ?::uuid AND kind = 'open'"),
                           {opened.key.toString()}),
                 0);
        QCOMPARE(sql.value(QStringLiteral("SELECT till_open FROM teller.accounts WHERE kind = 'till' AND owner = 't_teller1' "
                                          "AND currency = 'EUR'"))
                     .toBool(),
                 true);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY(!m_window->findChild<TillCountDialog *>());
        QTRY_VERIFY2(!tillLabel->text().contains(QLatin1String("not open")), qPrintable(tillLabel->text()));
    }

    // The answer to a close is lost (the server recorded it): not confirmed, and the only way
    // on is to ask about the same key, which answers from the server's record; Esc does not
    // leave it unnoticed.
    void aCountInDoubtIsCheckedWithTheSameKey()
    {
        FaultProxy proxy(QStringLiteral("127.0.0.1"), quint16(PgTestServer::instance().server().port()));
        QVERIFY(proxy.start());
        RetryPolicy none;
        none.maxRetries = 0;
        m_client->setRetryPolicy(none);
        const QString login = QStringLiteral("t_super2"); // supervisors have tills too
        QVERIFY(signInThrough(proxy, login));
        const qint64 book = tillBook(login);
        TillCountDialog *d = openCountDialog(Qt::Key_F8);
        QVERIFY(d);
        proxy.swallowCommitAnswers(1);
        countTheBookAndSend(d, book);
        const IdempotencyKey key = *d->key();
        QTRY_COMPARE_WITH_TIMEOUT(d->state(), TillCountDialog::State::Unconfirmed, 15000);
        auto *title = find<QLabel>(d, "outcomeTitle");
        QVERIFY2(title->text().startsWith(QLatin1String("Not confirmed")), qPrintable(title->text()));
        auto *checkAgain = find<QPushButton>(d, "checkAgainButton");
        QVERIFY(checkAgain->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(checkAgain));
        // Esc once says what leaving means; the dialog stays.
        QTest::keyClick(checkAgain, Qt::Key_Escape);
        QVERIFY(d->isVisible());
        QVERIFY2(find<QLabel>(d, "outcomeDetail")->text().contains(QLatin1String("not settled")),
                 qPrintable(find<QLabel>(d, "outcomeDetail")->text()));
        QTest::keyClick(checkAgain, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(d->state(), TillCountDialog::State::Finished, 15000);
        QCOMPARE(d->key(), std::optional<IdempotencyKey>(key));
        QCOMPARE(d->outcome()->status, OutcomeStatus::Completed);
        QVERIFY(d->outcome()->replayed);
        QVERIFY2(find<QLabel>(d, "outcomeDetail")->text().contains(QLatin1String("Recorded once")),
                 qPrintable(find<QLabel>(d, "outcomeDetail")->text()));
        Sql sql(m_db);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.till_counts WHERE key = ?::uuid"), {key.toString()}), 1);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE initiated_by = ? AND kind = 'till_close' "
                                          "AND created_at > now() - interval '1 minute'"),
                           {login}),
                 1);
    }

    // The server never got the open: asked about when the connection is back (never sent by
    // asking), then sent now with the same key, once.
    void aCountTheServerNeverGotIsSentNowWithTheSameKey()
    {
        const QString login = QStringLiteral("t_super2"); // closed by the test before
        QCOMPARE(
            Sql(m_db)
                .value(QStringLiteral("SELECT till_open FROM teller.accounts WHERE kind = 'till' AND owner = ? AND currency = 'EUR'"),
                       {login})
                .toBool(),
            false);
        FaultProxy proxy(QStringLiteral("127.0.0.1"), quint16(PgTestServer::instance().server().port()));
        QVERIFY(proxy.start());
        RetryPolicy none;
        none.maxRetries = 0;
        m_client->setRetryPolicy(none);
        m_client->setPingInterval(std::chrono::milliseconds(200));
        QVERIFY(signInThrough(proxy, login));
        // The closed till is offered at sign-in.
        TillCountDialog *d = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((d = m_window->findChild<TillCountDialog *>()) && d->state() == TillCountDialog::State::Editing, 10000);
        QCOMPARE(d->mode(), TillCountDialog::Mode::Open);
        QApplication::setActiveWindow(d);
        QTRY_VERIFY(d->isActiveWindow());
        const qint64 book = tillBook(login);
        proxy.setStalled(true); // the request goes nowhere
        countTheBookAndSend(d, book);
        const IdempotencyKey key = *d->key();
        QTRY_VERIFY_WITH_TIMEOUT(m_client->actionInFlight(), 5000);
        proxy.setRefusing(true);
        proxy.resetAll();
        QTRY_COMPARE_WITH_TIMEOUT(d->state(), TillCountDialog::State::Unconfirmed, 15000);
        proxy.setStalled(false);
        proxy.setRefusing(false);
        // Back: asked by itself, and the server never had it.
        QTRY_COMPARE_WITH_TIMEOUT(d->state(), TillCountDialog::State::NotReceived, 15000);
        Sql sql(m_db);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid"), {key.toString()}), 0);
        auto *sendNow = find<QPushButton>(d, "sendNowButton");
        QVERIFY(find<QPushButton>(d, "cancelNotReceivedButton")->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(sendNow));
        QTest::keyClick(sendNow, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(d->state(), TillCountDialog::State::Finished, 15000);
        QCOMPARE(d->outcome()->status, OutcomeStatus::Completed);
        QCOMPARE(d->key(), std::optional<IdempotencyKey>(key));
        QCOMPARE(
            sql.count(QStringLiteral("SELECT count(*) FROM teller.till_counts WHERE key = ?::uuid AND kind = 'open'"), {key.toString()}),
            1);
        QCOMPARE(
            sql.value(QStringLiteral("SELECT till_open FROM teller.accounts WHERE kind = 'till' AND owner = ? AND currency = 'EUR'"),
                      {login})
                .toBool(),
            true);
    }

    // Letters, a minus sign or a fraction in a count line: said at once, nothing can be sent.
    void badEntriesAreRefusedAndNothingIsSent()
    {
        QVERIFY(signIn(QStringLiteral("t_teller2")));
        Sql sql(m_db);
        const qint64 before = sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE initiated_by = 't_teller2'"));
        TillCountDialog *d = openCountDialog(Qt::Key_F8);
        QVERIFY(d);
        QPointer<TillCountDialog> guard(d);
        auto *problem = find<QLabel>(d, "countProblem");
        auto *record = find<QPushButton>(d, "recordButton");
        const auto edits = lineEdits(d);

        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(edits.at(0)));
        QTest::keyClicks(edits.at(0), QStringLiteral("abc"));
        QVERIFY2(problem->isVisible() && problem->text().contains(QLatin1String("is not a whole number")), qPrintable(problem->text()));
        QVERIFY(!record->isEnabled());
        QVERIFY(!d->counted());
        QTest::keyClick(edits.at(0), Qt::Key_Return);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(edits.at(1)));
        QTest::keyClicks(edits.at(1), QStringLiteral("-3"));
        QVERIFY2(problem->text().contains(QLatin1String("cannot be negative")), qPrintable(problem->text()));
        edits.at(0)->clear();
        QVERIFY2(!problem->text().contains(QLatin1String("whole number")), qPrintable(problem->text()));
        QVERIFY(!record->isEnabled());
        QTest::keyClick(edits.at(1), Qt::Key_Tab);
        QTest::keyClicks(edits.at(2), QStringLiteral("2.5"));
        QVERIFY2(problem->text().contains(QStringLiteral("“2.5” is not a whole number")), qPrintable(problem->text()));
        // Whatever is pressed, nothing is sent.
        d->review();
        QCOMPARE(d->state(), TillCountDialog::State::Editing);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(d->state(), TillCountDialog::State::Editing);

        // Corrected, the count can be recorded; Esc at the confirmation goes back, Esc again
        // leaves without sending.
        for (QLineEdit *e : {edits.at(1), edits.at(2)})
            e->clear();
        QTest::keyClicks(edits.at(0), QStringLiteral("1"));
        QVERIFY(problem->isHidden());
        QVERIFY(record->isEnabled());
        record->setFocus();
        QVERIFY2(mnemonicClashes(d).isEmpty(), qPrintable(mnemonicClashes(d).join(u'\n')));
        QTest::keyClick(record, Qt::Key_Return);
        QCOMPARE(d->state(), TillCountDialog::State::Confirming);
        QVERIFY2(mnemonicClashes(d).isEmpty(), qPrintable(mnemonicClashes(d).join(u'\n')));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(d->state(), TillCountDialog::State::Editing);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!guard || !guard->isVisible());
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE initiated_by = 't_teller2'")), before);
        QCOMPARE(sql.value(QStringLiteral("SELECT till_open FROM teller.accounts WHERE kind = 'till' AND owner = 't_teller2' "
                                          "AND currency = 'EUR'"))
                     .toBool(),
                 true);
    }

    // A withdrawal made before is on the blotter, with its totals; the blotter saved as PDF.
    void theBlotterListsTheSessionAndSavesAsPdf()
    {
        const Outcome paid = executeAs(m_db, QStringLiteral("t_teller3"),
                                       makeAction(ActionKind::Withdrawal, QStringLiteral("10000001"), 4000));
        QCOMPARE(paid.status, OutcomeStatus::Completed);
        QVERIFY(signIn(QStringLiteral("t_teller3")));
        QVERIFY(activateMainWindow());
        QTest::keyClick(m_window.get(), Qt::Key_F9);
        BlotterDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<BlotterDialog *>()) && dialog->isVisible());
        QPointer<BlotterDialog> guard(dialog);
        BlotterView *view = dialog->view();
        QTRY_VERIFY_WITH_TIMEOUT(view->blotter().has_value(), 10000);
        const QLocale l = view->locale();

        auto *lines = find<QTableWidget>(view, "blotterLines");
        int row = -1;
        for (int r = 0; r < lines->rowCount(); ++r)
            if (lines->item(r, 1)->text() == QLatin1String("Withdrawal") && lines->item(r, 2)->text() == QLatin1String("10000001"))
                row = r;
        QVERIFY2(row >= 0, "the withdrawal is not on the blotter");
        QCOMPARE(lines->item(row, 3)->text(), money(4000, l));
        QCOMPARE(lines->item(row, 4)->text(), Money(-4000, m_eur).toDisplay(l));
        QCOMPARE(lines->item(row, 5)->text(), QStringLiteral("Completed"));
        QVERIFY(!lines->item(row, 0)->text().isEmpty());
        auto *totals = find<QTableWidget>(view, "blotterTotals");
        int total = -1;
        for (int r = 0; r < totals->rowCount(); ++r)
            if (totals->item(r, 0)->text() == QLatin1String("Withdrawal"))
                total = r;
        QVERIFY(total >= 0);
        QCOMPARE(totals->item(total, 1)->text(), QStringLiteral("1"));
        QCOMPARE(totals->item(total, 2)->text(), money(4000, l));
        QCOMPARE(totals->item(total, 3)->text(), Money(-4000, m_eur).toDisplay(l));
        QVERIFY(find<QPushButton>(view, "printButton")->isEnabled());

        // The document: who, which till, when (with the zone), the line and its totals.
        const QString html = view->reportHtml();
        for (const QString &part : {QStringLiteral("Till blotter"), QStringLiteral("t_teller3"), QStringLiteral("10000001"),
                                    QStringLiteral("Withdrawal"), money(4000, l), QDateTime::currentDateTime().timeZoneAbbreviation()})
            QVERIFY2(html.contains(part.toHtmlEscaped()), qPrintable(part));

        // Saved as PDF (the function the dialog's button calls, without the file dialog).
        const QString path = m_dir.filePath(QStringLiteral("blotter.pdf"));
        QCOMPARE(BlotterReport::savePdf(html, path), QString());
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.size() > 1000);
        QVERIFY(pdf.read(5) == "%PDF-");
        pdf.close();
        QVERIFY(QFile::remove(path));
        QCOMPARE(view->saveTo(path), QString());
        QVERIFY(QFile::exists(path));
        QVERIFY2(find<QLabel>(view, "blotterMessage")->text().startsWith(QLatin1String("Saved as")),
                 qPrintable(find<QLabel>(view, "blotterMessage")->text()));
        // Where it cannot be written, it says so.
        const QString nowhere = m_dir.filePath(QStringLiteral("no-such-folder/blotter.pdf"));
        QVERIFY(!BlotterReport::savePdf(html, nowhere).isEmpty());
        QVERIFY(!view->saveTo(nowhere).isEmpty());
        QVERIFY2(find<QLabel>(view, "blotterMessage")->text().startsWith(QLatin1String("Not saved")),
                 qPrintable(find<QLabel>(view, "blotterMessage")->text()));
        QVERIFY(!QFile::exists(nowhere));

        QApplication::setActiveWindow(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!guard || !guard->isVisible());

        // Closing shows the same blotter next to the count.
        TillCountDialog *d = openCountDialog(Qt::Key_F8);
        QVERIFY(d);
        QTRY_VERIFY_WITH_TIMEOUT(d->blotterView()->blotter().has_value(), 10000);
        bool listed = false;
        const Blotter shown = *d->blotterView()->blotter();
        for (const BlotterLine &line : shown.lines)
            listed = listed || line.key == paid.key.toString();
        QVERIFY(listed);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!m_window->findChild<TillCountDialog *>() || !m_window->findChild<TillCountDialog *>()->isVisible());
    }

    // Signed in with the EUR till closed: the window offers to open it at once; Esc is
    // "later", and nothing is sent.
    void theTillIsOfferedToOpenAfterSignInWhenClosed()
    {
        const QString login = QStringLiteral("t_limited");
        const qint64 book = tillBook(login);
        {
            SessionOptions options;
            options.workstation = QStringLiteral("test-ws");
            DbSession session(PgTestServer::instance().staff(m_db, login), options);
            QVERIFY(session.open());
            const Outcome closed = ActionExecutor(session).countTill(IdempotencyKey::generate(), ActionExecutor::TillCount::Close,
                                                                     Money(book, m_eur), std::nullopt);
            QCOMPARE(closed.status, OutcomeStatus::Completed);
        }
        Sql sql(m_db);
        const qint64 before = sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE initiated_by = ?"), {login});
        QVERIFY(signIn(login));
        TillCountDialog *d = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((d = m_window->findChild<TillCountDialog *>()) && d->isVisible(), 10000);
        QPointer<TillCountDialog> guard(d);
        QCOMPARE(d->mode(), TillCountDialog::Mode::Open);
        QTRY_COMPARE_WITH_TIMEOUT(d->state(), TillCountDialog::State::Editing, 10000);
        QCOMPARE(d->currency(), std::optional<Currency>(m_eur));
        QVERIFY2(find<QLabel>(d, "expectedLabel")->text().contains(money(book, d->locale())),
                 qPrintable(find<QLabel>(d, "expectedLabel")->text()));
        QApplication::setActiveWindow(d);
        QTRY_VERIFY(d->isActiveWindow());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!guard || !guard->isVisible());
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE initiated_by = ?"), {login}), before);
        auto *tillLabel = find<QLabel>(m_window.get(), "tillLabel");
        QTRY_VERIFY2(tillLabel->text().contains(QLatin1String("not open: EUR")), qPrintable(tillLabel->text()));

        // A member whose till is open is not asked.
        m_window.reset();
        m_client.reset();
        init();
        QVERIFY(signIn(QStringLiteral("t_super")));
        QTRY_VERIFY(find<QLabel>(m_window.get(), "tillLabel")->text().contains(QLatin1String("Your till")));
        QTest::qWait(300);
        QVERIFY(!m_window->findChild<TillCountDialog *>());
    }
};

QTEST_MAIN(TestTillGui)
#include "tst_till_gui.moc"
