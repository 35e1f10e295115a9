// The supervisor's vault page, as a supervisor uses it: keyboard only, against a real server.
#include "DeskTest.h"
#include "PgTestServer.h"

#include "FaultProxy.h"

#include <AmountValidator.h>
#include <DecisionDialog.h>
#include <LoginDialog.h>
#include <MainWindow.h>
#include <ReviewModels.h>
#include <SupervisorPanel.h>
#include <VaultMoveDialog.h>
#include <VaultPage.h>

#include "ActionExecutor.h"
#include "DbSession.h"
#include "TellerClient.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace teller;

class TestVaultGui : public QObject
{
    Q_OBJECT

    QString m_db;
    QTemporaryDir m_dir;
    std::unique_ptr<TellerClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    const Currency m_eur = *Currency::fromCode(u"EUR");

    template <typename T> T *find(QObject *root, const char *name) { return desktest::find<T>(root, name); }

    // Through a fault proxy in front of the server (no TLS between them) when one is given.
    bool signIn(const QString &login, FaultProxy *proxy = nullptr)
    {
        return desktest::signIn(m_window.get(), m_db, login, proxy ? quint16(proxy->port()) : quint16(0));
    }

    bool activate(QWidget *w)
    {
        QApplication::setActiveWindow(w);
        return QTest::qWaitFor([&] { return QApplication::activeWindow() == w; }, 5000);
    }

    QWidget *focused() { return QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(); }
    SupervisorPanel *panel() { return m_window->supervisorPanel(); }
    VaultPage *vault() { return panel()->vaultPage(); }
    QTableView *tillsView() { return find<QTableView>(vault(), "vaultTillsView"); }

    // Ctrl+2, then Alt+L: the vault page, its list read.
    bool openVault()
    {
        if (!activate(m_window.get()))
            return false;
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        if (!QTest::qWaitFor([&] { return panel() && panel()->isVisible(); }, 5000))
            return false;
        QTest::keyClick(focused(), Qt::Key_L, Qt::AltModifier);
        return QTest::qWaitFor([&] { return vault()->isVisible() && !vault()->tills().isEmpty(); }, 10000);
    }

    int rowOf(const QString &login, const QString &currency = QStringLiteral("EUR"))
    {
        const QList<TillInfo> tills = vault()->tills();
        for (int row = 0; row < tills.size(); ++row)
            if (tills.at(row).owner == login && tills.at(row).currency.code() == currency)
                return row;
        return -1;
    }

    // Moves the selection with the keyboard onto the login's till in the currency.
    bool selectTill(const QString &login, const QString &currency = QStringLiteral("EUR"))
    {
        const int row = rowOf(login, currency);
        if (row < 0)
            return false;
        QTableView *view = tillsView();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
        for (int i = 0; i < row; ++i)
            QTest::keyClick(view, Qt::Key_Down);
        const auto till = vault()->selectedTill();
        return till && till->owner == login && till->currency.code() == currency;
    }

    VaultMoveDialog *openMoveWith(Qt::Key key)
    {
        if (!activate(m_window.get()))
            return nullptr;
        QTest::keyClick(focused(), key, Qt::AltModifier);
        VaultMoveDialog *dialog = nullptr;
        if (!QTest::qWaitFor([&] { return (dialog = vault()->findChild<VaultMoveDialog *>()) != nullptr && dialog->isVisible(); }, 5000))
            return nullptr;
        return activate(dialog) ? dialog : nullptr;
    }

    // The vault's cash in a currency as the page knows it (-1: not known).
    qint64 vaultKnown(const QString &currency)
    {
        const auto it = vault()->vaultKnown().constFind(currency);
        return it == vault()->vaultKnown().cend() ? -1 : it->minorUnits();
    }

    static qint64 tillCash(Sql &sql, const QString &login, const QString &currency = QStringLiteral("EUR"))
    {
        return sql.count(QStringLiteral("SELECT balance FROM teller.accounts WHERE kind = 'till' AND owner = ? AND currency = ?"),
                         {login, currency});
    }

    static qint64 vaultCash(Sql &sql, const QString &currency = QStringLiteral("EUR"))
    {
        return sql.count(QStringLiteral("SELECT a.balance FROM teller.accounts a JOIN teller.staff s ON s.branch_id = a.branch_id "
                                        "WHERE a.kind = 'vault' AND a.currency = ? AND s.login = 't_super'"),
                         {currency});
    }

    static qint64 vaultMoves(Sql &sql)
    {
        return sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE kind IN ('vault_to_till', 'till_to_vault')"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
        QStandardPaths::setTestModeEnabled(true);
        m_db = PgTestServer::instance().createDatabase();
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("10000003"), 100000);
        SQL_VERIFY(sql, QStringLiteral("UPDATE teller.accounts SET holder = 'Maria Schneider' WHERE number = '10000003'"));
        SQL_VERIFY(sql, QStringLiteral("UPDATE teller.staff SET display_name = 'Anna Teller' WHERE login = 't_teller1'"));
        SQL_VERIFY(sql, QStringLiteral("UPDATE teller.staff SET display_name = 'Ben Teller' WHERE login = 't_teller3'"));
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

    void theVaultPageListsEveryTillOfTheBranch()
    {
        QVERIFY(signIn(QStringLiteral("t_super")));
        QVERIFY(openVault());
        Sql sql(m_db);
        QCOMPARE(qint64(vault()->tills().size()), sql.count(QStringLiteral("SELECT count(*) FROM teller.accounts WHERE kind = 'till'")));
        QTableView *view = tillsView();
        QVERIFY(!view->accessibleName().isEmpty());
        const int row = rowOf(QStringLiteral("t_teller1"));
        QVERIFY(row >= 0);
        const QAbstractItemModel *m = view->model();
        const QLocale l;
        QCOMPARE(m->index(row, TillTableModel::Teller).data().toString(), QStringLiteral("Anna Teller (t_teller1)"));
        QCOMPARE(m->index(row, TillTableModel::State).data().toString(), QStringLiteral("Open"));
        QCOMPARE(m->index(row, TillTableModel::Cash).data().toString(),
                 Money(tillCash(sql, QStringLiteral("t_teller1")), m_eur).toDisplay(l));
        QVERIFY(!m->index(row, TillTableModel::LastCount).data().toString().isEmpty());
        QVERIFY(m->index(row, TillTableModel::Difference).data().toString().isEmpty());
        // Nothing is invented about the vault: no read of it exists before a movement reports it.
        const QString vaultText = find<QLabel>(vault(), "vaultCashLabel")->text();
        QVERIFY2(vaultText.contains(QLatin1String("not known yet")), qPrintable(vaultText));
        // Every till currency is there.
        for (const char *code : {"EUR", "USD", "CHF", "JPY"})
            QVERIFY2(rowOf(QStringLiteral("t_teller2"), QString::fromLatin1(code)) >= 0, code);

        // F5 reads the list again: a deposit at t_teller2's desk shows in the till's cash.
        const qint64 before = tillCash(sql, QStringLiteral("t_teller2"));
        QCOMPARE(vault()->tills().at(rowOf(QStringLiteral("t_teller2"))).cash.minorUnits(), before);
        QCOMPARE(executeAs(m_db, QStringLiteral("t_teller2"), makeAction(ActionKind::Deposit, QStringLiteral("10000003"), 1234)).status,
                 OutcomeStatus::Completed);
        QVERIFY(activate(m_window.get()));
        view->setFocus();
        QTest::keyClick(view, Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(vault()->tills().at(rowOf(QStringLiteral("t_teller2"))).cash.minorUnits(), before + 1234, 2000);
    }

    void cashGoesToATillAndComesBackExactly()
    {
        QVERIFY(signIn(QStringLiteral("t_super")));
        QVERIFY(openVault());
        Sql sql(m_db);
        const qint64 tillBefore = tillCash(sql, QStringLiteral("t_teller1"));
        const qint64 vaultBefore = vaultCash(sql);
        QVERIFY(selectTill(QStringLiteral("t_teller1")));

        VaultMoveDialog *send = openMoveWith(Qt::Key_S);
        QVERIFY(send);
        const QString what = find<QLabel>(send, "vaultMoveWhat")->text();
        QVERIFY2(what.contains(QLatin1String("Anna Teller")) && what.contains(QLatin1String("EUR")), qPrintable(what));
        QTest::keyClicks(find<AmountField>(send, "vaultAmountEdit"), QStringLiteral("500.00"));
        const QString summary = find<QLabel>(send, "vaultSummary")->text();
        QVERIFY2(summary.contains(QLatin1String("500.00 EUR")), qPrintable(summary));
        QCOMPARE(tillCash(sql, QStringLiteral("t_teller1")), tillBefore); // nothing before Enter
        const IdempotencyKey key = send->key();
        QTest::keyClick(find<AmountField>(send, "vaultAmountEdit"), Qt::Key_Return);
        auto *outcome = find<QLabel>(send, "vaultOutcome");
        QTRY_VERIFY_WITH_TIMEOUT(outcome->text().startsWith(QLatin1String("Done")), 10000);
        QCOMPARE(tillCash(sql, QStringLiteral("t_teller1")), tillBefore + 50000);
        QCOMPARE(vaultCash(sql), vaultBefore - 50000);
        const QLocale l;
        QVERIFY2(outcome->text().contains(Money(tillBefore + 50000, m_eur).toDisplayWithCode(l)), qPrintable(outcome->text()));
        QVERIFY2(outcome->text().contains(Money(vaultBefore - 50000, m_eur).toDisplayWithCode(l)), qPrintable(outcome->text()));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid AND kind = 'vault_to_till' "
                                          "AND status = 'completed' AND amount = 50000"),
                           {key.toString()}),
                 qint64(1));
        // Enter closes; the page knows the vault's cash now (from the outcome) and the list grew.
        QTest::keyClick(focused(), Qt::Key_Return);
        QTRY_VERIFY(!vault()->findChild<VaultMoveDialog *>());
        QCOMPARE(vaultKnown(QStringLiteral("EUR")), vaultBefore - 50000);
        QVERIFY(find<QLabel>(vault(), "vaultCashLabel")->text().contains(Money(vaultBefore - 50000, m_eur).toDisplayWithCode(l)));
        QTRY_COMPARE(vault()->tills().at(rowOf(QStringLiteral("t_teller1"))).cash.minorUnits(), tillBefore + 50000);

        // Take it back: Alt+B.
        QVERIFY(selectTill(QStringLiteral("t_teller1")));
        VaultMoveDialog *back = openMoveWith(Qt::Key_B);
        QVERIFY(back);
        QVERIFY(!(back->key() == key)); // another movement, its own key
        QTest::keyClicks(find<AmountField>(back, "vaultAmountEdit"), QStringLiteral("500"));
        QTest::keyClick(find<AmountField>(back, "vaultAmountEdit"), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(back, "vaultOutcome")->text().startsWith(QLatin1String("Done")), 10000);
        QCOMPARE(tillCash(sql, QStringLiteral("t_teller1")), tillBefore);
        QCOMPARE(vaultCash(sql), vaultBefore);
        QTest::keyClick(focused(), Qt::Key_Escape);
        QTRY_VERIFY(!vault()->findChild<VaultMoveDialog *>());
        QCOMPARE(vaultKnown(QStringLiteral("EUR")), vaultBefore);
    }

    void cashDeliveredAndSentOutMoveTheVault()
    {
        QVERIFY(signIn(QStringLiteral("t_super")));
        QVERIFY(openVault());
        Sql sql(m_db);
        const qint64 before = vaultCash(sql, QStringLiteral("USD"));
        VaultMoveDialog *in = openMoveWith(Qt::Key_C);
        QVERIFY(in);
        auto *currency = find<QComboBox>(in, "vaultCurrencyCombo");
        currency->setFocus();
        while (currency->currentText() != u"USD" && currency->currentIndex() + 1 < currency->count())
            QTest::keyClick(currency, Qt::Key_Down);
        QCOMPARE(currency->currentText(), QStringLiteral("USD"));
        QTest::keyClicks(find<AmountField>(in, "vaultAmountEdit"), QStringLiteral("1,000.00"));
        QTest::keyClick(find<AmountField>(in, "vaultAmountEdit"), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(in, "vaultOutcome")->text().startsWith(QLatin1String("Done")), 10000);
        QCOMPARE(vaultCash(sql, QStringLiteral("USD")), before + 100000);
        QTest::keyClick(focused(), Qt::Key_Return);
        QTRY_VERIFY(!vault()->findChild<VaultMoveDialog *>());
        QCOMPARE(vaultKnown(QStringLiteral("USD")), before + 100000);

        VaultMoveDialog *out = openMoveWith(Qt::Key_N);
        QVERIFY(out);
        currency = find<QComboBox>(out, "vaultCurrencyCombo");
        currency->setFocus();
        while (currency->currentText() != u"USD" && currency->currentIndex() + 1 < currency->count())
            QTest::keyClick(currency, Qt::Key_Down);
        QTest::keyClicks(find<AmountField>(out, "vaultAmountEdit"), QStringLiteral("1000"));
        QTest::keyClick(find<AmountField>(out, "vaultAmountEdit"), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(out, "vaultOutcome")->text().startsWith(QLatin1String("Done")), 10000);
        QCOMPARE(vaultCash(sql, QStringLiteral("USD")), before);
        QTest::keyClick(focused(), Qt::Key_Return);
        QTRY_VERIFY(!vault()->findChild<VaultMoveDialog *>());
    }

    void moreThanTheVaultHasIsRefusedWithTheReason()
    {
        QVERIFY(signIn(QStringLiteral("t_super")));
        QVERIFY(openVault());
        Sql sql(m_db);
        const qint64 before = vaultCash(sql, QStringLiteral("JPY"));
        VaultMoveDialog *out = openMoveWith(Qt::Key_N);
        QVERIFY(out);
        auto *currency = find<QComboBox>(out, "vaultCurrencyCombo");
        currency->setFocus();
        while (currency->currentText() != u"JPY" && currency->currentIndex() + 1 < currency->count())
            QTest::keyClick(currency, Qt::Key_Down);
        QCOMPARE(currency->currentText(), QStringLiteral("JPY"));
        auto *field = find<AmountField>(out, "vaultAmountEdit");
        QTest::keyClicks(field, Money(before + 1, *Currency::fromCode(u"JPY")).toDisplay(QLocale()));
        QTest::keyClick(field, Qt::Key_Return);
        auto *outcome = find<QLabel>(out, "vaultOutcome");
        QTRY_VERIFY_WITH_TIMEOUT(outcome->text().startsWith(QLatin1String("Refused")), 10000);
        QVERIFY2(outcome->text().contains(QLatin1String("Not enough cash in the vault")), qPrintable(outcome->text()));
        QCOMPARE(vaultCash(sql, QStringLiteral("JPY")), before);
        QCOMPARE(find<QPushButton>(out, "vaultConfirmButton")->text(), QStringLiteral("&Close"));
        QTest::keyClick(focused(), Qt::Key_Return);
        QTRY_VERIFY(!vault()->findChild<VaultMoveDialog *>());
        QVERIFY(find<QLabel>(vault(), "vaultStatus")->text().startsWith(QLatin1String("Refused")));
        QCOMPARE(vaultKnown(QStringLiteral("JPY")), qint64(-1)); // a refusal reports no vault figure
    }

    void aBadAmountIsExplainedAndSendsNothing_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("said");
        QTest::addRow("letters") << QStringLiteral("abc") << QString();
        QTest::addRow("too many decimals") << QStringLiteral("1.001") << QString();
        QTest::addRow("zero") << QStringLiteral("0") << QStringLiteral("greater than zero");
        QTest::addRow("negative") << QStringLiteral("-5.00") << QString();
        QTest::addRow("above the maximum") << QStringLiteral("999,999,999,999,999.00") << QStringLiteral("maximum");
        // Empty: one cent more than the till has that is not held.
        QTest::addRow("more than the till has") << QString() << QStringLiteral("take back at most");
    }

    void aBadAmountIsExplainedAndSendsNothing()
    {
        QFETCH(QString, typed);
        QFETCH(QString, said);
        QVERIFY(signIn(QStringLiteral("t_super")));
        QVERIFY(openVault());
        Sql sql(m_db);
        const qint64 moves = vaultMoves(sql);
        QVERIFY(selectTill(QStringLiteral("t_teller2")));
        VaultMoveDialog *dialog = openMoveWith(Qt::Key_B); // take back: also checked against the till's cash
        QVERIFY(dialog);
        auto *field = find<AmountField>(dialog, "vaultAmountEdit");
        if (typed.isEmpty())
            typed = Money(vault()->selectedTill()->available().minorUnits() + 1, m_eur).toDisplay(QLocale());
        QTest::keyClicks(field, typed);
        const QString problem = find<QLabel>(dialog, "vaultProblem")->text();
        QVERIFY2(!problem.isEmpty(), qPrintable(typed));
        if (!said.isEmpty())
            QVERIFY2(problem.contains(said), qPrintable(problem));
        QVERIFY(!find<QPushButton>(dialog, "vaultConfirmButton")->isEnabled());
        QTest::keyClick(field, Qt::Key_Return);
        QTest::qWait(300);
        QCOMPARE(vaultMoves(sql), moves);
        QVERIFY(find<QLabel>(dialog, "vaultOutcome")->isHidden());
        QTest::keyClick(field, Qt::Key_Escape);
        QTRY_VERIFY(!vault()->findChild<VaultMoveDialog *>());
        QCOMPARE(vaultMoves(sql), moves);
    }

    void aMovementLeftInDoubtIsCheckedWithItsOwnKey()
    {
        // Through a proxy that swallows the answer to the movement, with no retries: the cash
        // moved but the window cannot know. Only Check again is offered, with the same key;
        // closing keeps the movement, and no other movement starts before it is checked.
        FaultProxy proxy(QStringLiteral("127.0.0.1"), quint16(PgTestServer::instance().server().port()));
        QVERIFY(proxy.start());
        RetryPolicy none;
        none.maxRetries = 0;
        m_client->setRetryPolicy(none);
        QVERIFY(signIn(QStringLiteral("t_super"), &proxy));
        QVERIFY(openVault());
        Sql sql(m_db);
        const qint64 before = tillCash(sql, QStringLiteral("t_teller2"), QStringLiteral("CHF"));
        QVERIFY(selectTill(QStringLiteral("t_teller2"), QStringLiteral("CHF")));
        VaultMoveDialog *dialog = openMoveWith(Qt::Key_S);
        QVERIFY(dialog);
        const IdempotencyKey key = dialog->key();
        auto *field = find<AmountField>(dialog, "vaultAmountEdit");
        QTest::keyClicks(field, QStringLiteral("250.00"));
        proxy.swallowCommitAnswers(1);
        QTest::keyClick(field, Qt::Key_Return);
        auto *outcome = find<QLabel>(dialog, "vaultOutcome");
        QTRY_VERIFY_WITH_TIMEOUT(outcome->text().startsWith(QLatin1String("Not confirmed")), 10000);
        auto *confirm = find<QPushButton>(dialog, "vaultConfirmButton");
        QCOMPARE(confirm->text(), QStringLiteral("Check a&gain"));
        QVERIFY(!field->isEnabled()); // the movement under this key cannot change
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid"), {key.toString()}), qint64(1));
        QCOMPARE(tillCash(sql, QStringLiteral("t_teller2"), QStringLiteral("CHF")), before + 25000);

        // Esc closes; the page keeps the movement and reopens it rather than starting another.
        QTest::keyClick(focused(), Qt::Key_Escape);
        QTRY_VERIFY(!dialog->isVisible());
        QVERIFY(find<QPushButton>(vault(), "vaultCheckButton")->isVisible());
        QVERIFY2(find<QLabel>(vault(), "vaultStatus")->text().startsWith(QLatin1String("Not confirmed")),
                 qPrintable(find<QLabel>(vault(), "vaultStatus")->text()));
        VaultMoveDialog *again = openMoveWith(Qt::Key_S);
        QCOMPARE(again, dialog);
        QCOMPARE(again->key(), key);
        QCOMPARE(vault()->findChildren<VaultMoveDialog *>().size(), qsizetype(1));

        // Check again only asks: the server answers from its record, nothing moves twice.
        m_client->setRetryPolicy(RetryPolicy{});
        QTest::keyClick(focused(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(outcome->text().startsWith(QLatin1String("Done")), 10000);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid"), {key.toString()}), qint64(1));
        QCOMPARE(tillCash(sql, QStringLiteral("t_teller2"), QStringLiteral("CHF")), before + 25000);
        QTest::keyClick(focused(), Qt::Key_Return);
        QTRY_VERIFY(!vault()->findChild<VaultMoveDialog *>());
        QVERIFY(!find<QPushButton>(vault(), "vaultCheckButton")->isVisible());
        QVERIFY(vaultKnown(QStringLiteral("CHF")) >= 0);
        QCOMPARE(vaultKnown(QStringLiteral("CHF")), vaultCash(sql, QStringLiteral("CHF")));
    }

    void aMovementRefusedWhileAnotherActionRunsIsSentAgainWithItsKey()
    {
        QVERIFY(signIn(QStringLiteral("t_super")));
        QVERIFY(openVault());
        Sql sql(m_db);
        // This window's own withdrawal waits on a locked account: an action is in flight.
        auto holder = std::make_unique<Sql>(m_db);
        SQL_VERIFY(*holder, QStringLiteral("BEGIN"));
        SQL_VERIFY(*holder, QStringLiteral("SELECT 1 FROM teller.accounts WHERE number = '10000003' FOR UPDATE"));
        const Action withdrawal = makeAction(ActionKind::Withdrawal, QStringLiteral("10000003"), 100);
        QVERIFY(m_client->submit(withdrawal));
        QVERIFY(m_client->actionInFlight());

        const qint64 before = tillCash(sql, QStringLiteral("t_teller1"), QStringLiteral("USD"));
        QVERIFY(selectTill(QStringLiteral("t_teller1"), QStringLiteral("USD")));
        VaultMoveDialog *dialog = openMoveWith(Qt::Key_S);
        QVERIFY(dialog);
        const IdempotencyKey key = dialog->key();
        auto *field = find<AmountField>(dialog, "vaultAmountEdit");
        QTest::keyClicks(field, QStringLiteral("75.00"));
        QTest::keyClick(field, Qt::Key_Return);
        auto *outcome = find<QLabel>(dialog, "vaultOutcome");
        QVERIFY2(outcome->text().contains(QLatin1String("nothing was sent")), qPrintable(outcome->text()));
        auto *confirm = find<QPushButton>(dialog, "vaultConfirmButton");
        QVERIFY(confirm->text().startsWith(QLatin1String("Send a&gain")));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid"), {key.toString()}), qint64(0));

        holder.reset(); // the withdrawal goes through; then the same movement is sent again
        QTRY_VERIFY_WITH_TIMEOUT(!m_client->actionInFlight(), 15000);
        QTest::keyClick(focused(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(outcome->text().startsWith(QLatin1String("Done")), 10000);
        QCOMPARE(dialog->key(), key);
        QCOMPARE(
            sql.count(QStringLiteral("SELECT count(*) FROM teller.operations WHERE key = ?::uuid AND amount = 7500"), {key.toString()}),
            qint64(1));
        QCOMPARE(tillCash(sql, QStringLiteral("t_teller1"), QStringLiteral("USD")), before + 7500);
        QTest::keyClick(focused(), Qt::Key_Return);
        QTRY_VERIFY(!vault()->findChild<VaultMoveDialog *>());
    }

    void aShortageIsHighlightedAndDecidedFromThePage()
    {
        // Ben closes his till 20.00 EUR short.
        Sql sql(m_db);
        const qint64 book = tillCash(sql, QStringLiteral("t_teller3"));
        const IdempotencyKey countKey = IdempotencyKey::generate();
        {
            SessionOptions options;
            options.workstation = QStringLiteral("ben-ws");
            DbSession ben(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller3")), options);
            QVERIFY(ben.open());
            const Outcome counted = ActionExecutor(ben).countTill(countKey, ActionExecutor::TillCount::Close, Money(book - 2000, m_eur),
                                                                  std::nullopt);
            QCOMPARE(counted.status, OutcomeStatus::PendingApproval);
        }

        QVERIFY(signIn(QStringLiteral("t_super")));
        QVERIFY(openVault());
        QTRY_VERIFY_WITH_TIMEOUT(
            rowOf(QStringLiteral("t_teller3")) >= 0 && vault()->tills().at(rowOf(QStringLiteral("t_teller3"))).differencePending, 10000);
        const int row = rowOf(QStringLiteral("t_teller3"));
        const QAbstractItemModel *m = tillsView()->model();
        QCOMPARE(m->index(row, TillTableModel::Difference).data().toString(), QStringLiteral("Difference waiting"));
        QVERIFY(m->index(row, TillTableModel::Teller).data(Qt::BackgroundRole).isValid()); // the whole row stands out
        QCOMPARE(m->index(row, TillTableModel::State).data().toString(), QStringLiteral("Closed"));
        const int other = rowOf(QStringLiteral("t_teller2"));
        QVERIFY(!m->index(other, TillTableModel::Teller).data(Qt::BackgroundRole).isValid());

        // The pending queue says it in plain words, with the count and the book.
        const QLocale l;
        const QString expected = QStringLiteral(
                                     "Over/short at till close: Ben Teller's till %1 counted %2, expected %3 — 20.00 EUR short")
                                     .arg(vault()->tills().at(row).number, Money(book - 2000, m_eur).toDisplayWithCode(l),
                                          Money(book, m_eur).toDisplayWithCode(l));
        auto *queue = find<QTableView>(panel(), "pendingView");
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int r = 0; r < queue->model()->rowCount(); ++r)
                    if (queue->model()->index(r, ReviewTableModel::Operation).data().toString() == expected)
                        return true;
                return false;
            }(),
            10000);
        for (int r = 0; r < queue->model()->rowCount(); ++r) // a difference never expires: no countdown in red
            if (queue->model()->index(r, ReviewTableModel::Operation).data().toString() == expected)
                QCOMPARE(queue->model()->index(r, ReviewTableModel::ExpiresIn).data().toString(), QStringLiteral("never"));

        // Decided from the vault page: Alt+I shows what it is, Enter approves.
        QVERIFY(selectTill(QStringLiteral("t_teller3")));
        QVERIFY(activate(m_window.get()));
        QVERIFY(find<QPushButton>(vault(), "vaultDecideButton")->isEnabled());
        QTest::keyClick(focused(), Qt::Key_I, Qt::AltModifier);
        DecisionDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = panel()->findChild<DecisionDialog *>()) != nullptr && dialog->isVisible());
        QCOMPARE(find<QLabel>(dialog, "decisionSummary")->text(), expected);
        QCOMPARE(dialog->item().key, countKey.toString());
        QVERIFY(dialog->approves());
        QVERIFY(activate(dialog));
        QTest::qWait(100);
        QCOMPARE(sql.value(QStringLiteral("SELECT status FROM teller.operations WHERE key = ?::uuid"), {countKey.toString()}).toString(),
                 QStringLiteral("pending_approval")); // nothing decided by the key press alone
        QTest::keyClick(focused(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(
            sql.value(QStringLiteral("SELECT status FROM teller.operations WHERE key = ?::uuid"), {countKey.toString()}).toString(),
            QStringLiteral("completed"), 10000);
        QCOMPARE(tillCash(sql, QStringLiteral("t_teller3")), book - 2000); // the book follows the count
        QTRY_VERIFY_WITH_TIMEOUT(!vault()->tills().at(rowOf(QStringLiteral("t_teller3"))).differencePending, 10000);
        const QString status = find<QLabel>(vault(), "vaultStatus")->text();
        QVERIFY2(status.contains(QLatin1String("approved")), qPrintable(status));
        QVERIFY(!find<QPushButton>(vault(), "vaultDecideButton")->isEnabled());
    }

    void ownAndClosedTillsAreSaidBeforeAnyDialog()
    {
        Sql sql(m_db);
        // The shortage test closed t_teller3's EUR till.
        QCOMPARE(sql.value(QStringLiteral("SELECT till_open FROM teller.accounts WHERE kind = 'till' AND owner = 't_teller3' "
                                          "AND currency = 'EUR'"))
                     .toBool(),
                 false);
        QVERIFY(signIn(QStringLiteral("t_super")));
        QVERIFY(openVault());
        const qint64 moves = vaultMoves(sql);
        auto *status = find<QLabel>(vault(), "vaultStatus");
        QVERIFY(selectTill(QStringLiteral("t_super")));
        QTest::keyClick(focused(), Qt::Key_S, Qt::AltModifier);
        QTRY_VERIFY(status->text().contains(QLatin1String("your own till")));
        QVERIFY(!vault()->findChild<VaultMoveDialog *>());
        QVERIFY(selectTill(QStringLiteral("t_teller3")));
        QTest::keyClick(focused(), Qt::Key_B, Qt::AltModifier);
        QTRY_VERIFY2(status->text().contains(QLatin1String("is closed")), qPrintable(status->text()));
        QVERIFY(!vault()->findChild<VaultMoveDialog *>());
        QCOMPARE(vaultMoves(sql), moves);
    }

    void aReversalIsSaidInPlainWordsAndApproved()
    {
        Sql sql(m_db);
        const qint64 before = sql.balance(QStringLiteral("10000003"));
        const Action withdrawal = makeAction(ActionKind::Withdrawal, QStringLiteral("10000003"), 4000);
        QCOMPARE(executeAs(m_db, QStringLiteral("t_teller1"), withdrawal).status, OutcomeStatus::Completed);
        QCOMPARE(sql.balance(QStringLiteral("10000003")), before - 4000);
        const IdempotencyKey reversal = IdempotencyKey::generate();
        {
            SessionOptions options;
            options.workstation = QStringLiteral("anna-ws");
            DbSession anna(PgTestServer::instance().staff(m_db, QStringLiteral("t_teller1")), options);
            QVERIFY(anna.open());
            QCOMPARE(ActionExecutor(anna).requestReversal(reversal, withdrawal.key, QStringLiteral("paid out twice")).status,
                     OutcomeStatus::PendingApproval);
        }

        QVERIFY(signIn(QStringLiteral("t_super")));
        QVERIFY(activate(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        auto *queue = find<QTableView>(panel(), "pendingView");
        QTRY_VERIFY_WITH_TIMEOUT(panel()->pendingCount() > 0, 10000);
        const QString said = QStringLiteral("Reversal of a withdrawal of 40.00 EUR from 10000003 (Maria Schneider): the money goes "
                                            "back into the account, the cash back into the till; asked by Anna Teller: paid out twice");
        queue->setFocus();
        QTest::keyClick(queue, Qt::Key_Home, Qt::ControlModifier);
        for (int i = 0;
             i < queue->model()->rowCount() && queue->currentIndex().data(ReviewTableModel::KeyRole).toString() != reversal.toString();
             ++i)
            QTest::keyClick(queue, Qt::Key_Down);
        QCOMPARE(queue->currentIndex().data(ReviewTableModel::KeyRole).toString(), reversal.toString());
        QCOMPARE(queue->model()->index(queue->currentIndex().row(), ReviewTableModel::Operation).data().toString(), said);

        QTest::keyClick(queue, Qt::Key_A, Qt::AltModifier);
        DecisionDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = panel()->findChild<DecisionDialog *>()) != nullptr && dialog->isVisible());
        QCOMPARE(find<QLabel>(dialog, "decisionSummary")->text(), said);
        QVERIFY(activate(dialog));
        QTest::keyClicks(find<QLineEdit>(dialog, "decisionNoteEdit"), QStringLiteral("customer brought it back"));
        QTest::keyClick(find<QLineEdit>(dialog, "decisionNoteEdit"), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(sql.balance(QStringLiteral("10000003")), before, 10000);
        QCOMPARE(sql.value(QStringLiteral("SELECT status FROM teller.operations WHERE key = ?::uuid"), {reversal.toString()}).toString(),
                 QStringLiteral("completed"));
        QTRY_VERIFY(find<QLabel>(panel(), "decisionStatus")->text().startsWith(QStringLiteral("Approved: ") + said));
    }
};

QTEST_MAIN(TestVaultGui)
#include "tst_vault_gui.moc"
