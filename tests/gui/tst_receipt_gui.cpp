// The receipt: what it says (the bank, the branch, the customer, the payee, the local time with
// its zone, who approved it, a signature line for cash), how it is printed and saved (the
// text fills the page at a readable size, on an 80 mm roll or a page), the dialog by keyboard,
// and the workplace's names as they come from the server through TellerClient.
#include "DeskTest.h"
#include "PgTestServer.h"

#include <AppSettings.h>
#include <ReceiptDialog.h>

#include "Administration.h"
#include "DbSession.h"
#include "Supervision.h"
#include "TellerClient.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <ctime>
#include <memory>

using namespace teller;

namespace {
const Currency Eur = *Currency::fromCode(u"EUR");

constexpr qreal PointsPerMm = 72.0 / 25.4;
} // namespace

class TestReceiptGui : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    template <typename T> static T *find(QObject *root, const char *name) { return desktest::find<T>(root, name); }

    // A completed operation as the server answers it (the time in UTC, as the server sends it).
    static Outcome outcome(ActionKind kind)
    {
        Outcome o;
        o.key = IdempotencyKey::generate();
        o.status = OutcomeStatus::Completed;
        o.kind = kind;
        o.account = QStringLiteral("10000001");
        if (kind == ActionKind::Transfer)
            o.counterAccount = QStringLiteral("10000002");
        o.amount = Money(125050, Eur);
        o.balanceAfter = Money(874950, Eur);
        o.executedAt = QDateTime(QDate(2026, 12, 2), QTime(14, 21, 46), Qt::UTC);
        o.initiatedBy = QStringLiteral("anna");
        o.workstation = QStringLiteral("WS-07");
        return o;
    }
    static StaffInfo anna()
    {
        StaffInfo s;
        s.login = QStringLiteral("anna");
        s.displayName = QStringLiteral("Anna Teller");
        return s;
    }
    static ReceiptContext context()
    {
        ReceiptContext c;
        c.bankName = QStringLiteral("Sparkasse Nord");
        c.branchName = QStringLiteral("Hauptstraße branch");
        c.customerName = QStringLiteral("Maria Muster");
        c.counterHolderName = QStringLiteral("Jonas Weber");
        return c;
    }
    // The text a person reads, without the markup.
    static QString plain(const QString &html)
    {
        QTextDocument doc;
        doc.setHtml(html);
        return doc.toPlainText();
    }

    // The first page's size in points, from the PDF itself.
    static QSizeF mediaBox(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QByteArray pdf = f.readAll();
        static const QRegularExpression box(QStringLiteral("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]"));
        const auto m = box.match(QString::fromLatin1(pdf));
        if (!m.hasMatch())
            return {};
        return QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble());
    }
    static QByteArray head(const QString &path, int bytes = 5)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.read(bytes) : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true); // never the user's own settings
        // A zone with a name and a season, whatever the machine's: the receipt says which.
        qputenv("TZ", "Europe/Berlin");
        tzset();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    // Every test starts from a workstation that never printed a receipt.
    void init() { AppSettings::instance().remove(settingkeys::ReceiptPaper); }

    void theReceiptNamesTheBankBranchCustomerAndPayee()
    {
        Outcome o = outcome(ActionKind::Transfer);
        o.decidedBy = QStringLiteral("clara");
        ReceiptContext c = context();
        c.decidedByName = QStringLiteral("Clara Supervisor");
        const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
        const QString text = plain(ReceiptDialog::html(o, anna(), c, locale));
        for (const QString &expected :
             {QStringLiteral("Sparkasse Nord"), QStringLiteral("Hauptstraße branch"), QStringLiteral("Transfer"),
              QStringLiteral("10000001"), QStringLiteral("Maria Muster"), QStringLiteral("10000002"), QStringLiteral("Jonas Weber"),
              QStringLiteral("Payee"), Money(125050, Eur).toDisplayWithCode(locale), Money(874950, Eur).toDisplayWithCode(locale),
              QStringLiteral("Anna Teller"), QStringLiteral("WS-07"), o.key.toString(), QStringLiteral("Approved by"),
              QStringLiteral("Clara Supervisor")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" is missing from:\n") + text));
        // The local time (14:21:46 UTC is 15:21:46 in Berlin in December) with its zone.
        QVERIFY2(text.contains(QStringLiteral("15:21:46 CET")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("2 December 2026")), qPrintable(text));
        // People by name, not by login; no signature for a transfer; not a reprint.
        QVERIFY2(!text.contains(QStringLiteral("clara")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("signature")));
        QVERIFY(!text.contains(QStringLiteral("REPRINT")));
    }

    void theTimeSaysItsZone_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QString>("expected");
        QTest::addRow("Berlin in winter") << QByteArray("Europe/Berlin") << QStringLiteral("2 December 2026, 15:21:46 CET");
        QTest::addRow("UTC") << QByteArray("UTC") << QStringLiteral("2 December 2026, 14:21:46 UTC");
        QTest::addRow("a zone without letters") << QByteArray("Asia/Dubai") << QStringLiteral("2 December 2026, 18:21:46 UTC+04:00");
        QTest::addRow("west of UTC") << QByteArray("America/Sao_Paulo") << QStringLiteral("2 December 2026, 11:21:46 UTC-03:00");
        QTest::addRow("the next day") << QByteArray("Pacific/Kiritimati") << QStringLiteral("3 December 2026, 04:21:46");
    }
    void theTimeSaysItsZone()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QString, expected);
        const QByteArray before = qgetenv("TZ");
        qputenv("TZ", zone);
        tzset();
        const QString text = plain(
            ReceiptDialog::html(outcome(ActionKind::Deposit), anna(), context(), QLocale(QLocale::English, QLocale::UnitedKingdom)));
        qputenv("TZ", before);
        tzset();
        QVERIFY2(text.contains(expected), qPrintable(text));
    }

    // The branch's zone wins over the workstation's (a terminal server in another zone, a
    // clock set wrong): the receipt gives the time where the branch is.
    void theTimeIsTheBranchs()
    {
        ReceiptContext c = context();
        c.timeZone = QByteArray("Asia/Tokyo"); // the workstation is in Berlin (initTestCase)
        const QString text = plain(
            ReceiptDialog::html(outcome(ActionKind::Deposit), anna(), c, QLocale(QLocale::English, QLocale::UnitedKingdom)));
        QVERIFY2(text.contains(QStringLiteral("2 December 2026, 23:21:46 JST")), qPrintable(text));
        c.timeZone = QByteArray("Not/AZone"); // one this machine does not know: the workstation's
        const QString fallback = plain(
            ReceiptDialog::html(outcome(ActionKind::Deposit), anna(), c, QLocale(QLocale::English, QLocale::UnitedKingdom)));
        QVERIFY2(fallback.contains(QStringLiteral("15:21:46 CET")), qPrintable(fallback));
    }

    void cashHasASignatureLine_data()
    {
        QTest::addColumn<ActionKind>("kind");
        QTest::addColumn<QString>("signature");
        QTest::addColumn<QString>("notThis");
        QTest::addRow("withdrawal: the customer signs for the cash")
            << ActionKind::Withdrawal << QStringLiteral("Customer's signature") << QStringLiteral("Teller's signature");
        QTest::addRow("deposit: the teller signs for the cash")
            << ActionKind::Deposit << QStringLiteral("Teller's signature") << QStringLiteral("Customer's signature");
    }
    void cashHasASignatureLine()
    {
        QFETCH(ActionKind, kind);
        QFETCH(QString, signature);
        QFETCH(QString, notThis);
        const QString html = ReceiptDialog::html(outcome(kind), anna(), context(), QLocale());
        const QString text = plain(html);
        QVERIFY2(text.contains(signature), qPrintable(text));
        QVERIFY(!text.contains(notThis));
        QVERIFY(html.contains(QLatin1String("<hr/>"))); // the line to sign on
        // No payee line without a counter account; no approver without four eyes.
        QVERIFY(!text.contains(QStringLiteral("Payee")));
        QVERIFY(!text.contains(QStringLiteral("Approved by")));
        QVERIFY(text.contains(QStringLiteral("Account holder")));
    }

    void aReprintIsMarked()
    {
        ReceiptContext c = context();
        c.reprint = true;
        QVERIFY(plain(ReceiptDialog::html(outcome(ActionKind::Withdrawal), anna(), c, QLocale())).contains(QStringLiteral("REPRINT")));
        ReceiptDialog dialog(outcome(ActionKind::Withdrawal), anna(), c);
        QVERIFY(dialog.windowTitle().contains(QStringLiteral("reprint")));
    }

    // Without names (the window has not read the workplace yet), the logins; what a person
    // typed is shown as text, never as markup.
    void withoutNamesTheLoginsAndNoMarkup()
    {
        Outcome o = outcome(ActionKind::Withdrawal);
        o.decidedBy = QStringLiteral("clara");
        StaffInfo other = anna();
        other.login = QStringLiteral("ben"); // not who carried it out
        QString text = plain(ReceiptDialog::html(o, other, ReceiptContext{}, QLocale()));
        QVERIFY2(text.contains(QStringLiteral("anna")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("clara")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("Account holder")));
        // The signed-in teller's own receipt names them.
        QVERIFY(plain(ReceiptDialog::html(o, anna(), ReceiptContext{}, QLocale())).contains(QStringLiteral("Anna Teller")));

        ReceiptContext c = context();
        c.customerName = QStringLiteral("<b>Bold</b> & Co");
        const QString html = ReceiptDialog::html(o, anna(), c, QLocale());
        QVERIFY(html.contains(QStringLiteral("&lt;b&gt;Bold&lt;/b&gt; &amp; Co")));
        QVERIFY(plain(html).contains(QStringLiteral("<b>Bold</b> & Co")));

        // The old constructor still works: the same receipt without a context.
        ReceiptDialog dialog(o, anna());
        QVERIFY(find<QTextBrowser>(&dialog, "receiptView")->toPlainText().contains(QStringLiteral("Anna Teller")));
    }

    void thePdfFillsThePaper_data()
    {
        QTest::addColumn<ReceiptDialog::Paper>("paper");
        QTest::addColumn<qreal>("widthMm");
        QTest::addColumn<qreal>("minHeightMm");
        QTest::addColumn<qreal>("maxHeightMm");
        // The roll is as long as the receipt: more than its text, less than a fixed 200 mm.
        QTest::addRow("80 mm roll") << ReceiptDialog::Paper::Roll80mm << 80.0 << 60.0 << 199.0;
        QTest::addRow("A5") << ReceiptDialog::Paper::A5 << 148.0 << 210.0 << 210.0;
        QTest::addRow("A4") << ReceiptDialog::Paper::A4 << 210.0 << 297.0 << 297.0;
    }
    void thePdfFillsThePaper()
    {
        QFETCH(ReceiptDialog::Paper, paper);
        QFETCH(qreal, widthMm);
        QFETCH(qreal, minHeightMm);
        QFETCH(qreal, maxHeightMm);
        const QString path = m_dir.filePath(QStringLiteral("receipt-%1.pdf").arg(QString::fromLatin1(QTest::currentDataTag())));
        ReceiptDialog::Layout layout;
        const QString html = ReceiptDialog::html(outcome(ActionKind::Withdrawal), anna(), context(), QLocale());
        const QString error = ReceiptDialog::writePdf(html, path, paper, &layout);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(head(path), QByteArray("%PDF-"));

        const QSizeF box = mediaBox(path);
        QVERIFY2(qAbs(box.width() - widthMm * PointsPerMm) < 1.0, qPrintable(QString::number(box.width())));
        QVERIFY2(box.height() >= minHeightMm * PointsPerMm - 1.0 && box.height() <= maxHeightMm * PointsPerMm + 1.0,
                 qPrintable(QString::number(box.height() / PointsPerMm)));
        QCOMPARE(layout.pages, 1);
        QVERIFY(qAbs(layout.pageMillimetres.width() - widthMm) < 0.5);

        // The text takes the page's width (not a corner of it), at a size one reads: laid out
        // on the PDF's own resolution, a line is 9 to 18 points high.
        QCOMPARE(layout.resolution, 300.0);
        QVERIFY2(layout.documentWidth >= 0.95 * layout.paintRect.width() && layout.documentWidth <= layout.paintRect.width() + 1,
                 qPrintable(QStringLiteral("%1 of %2").arg(layout.documentWidth).arg(layout.paintRect.width())));
        const qreal textMm = layout.paintRect.width() * 25.4 / layout.resolution;
        QVERIFY2(textMm > widthMm - 35 && textMm < widthMm, qPrintable(QString::number(textMm)));
        QVERIFY2(layout.fontPoints >= 9 && layout.fontPoints <= 18, qPrintable(QString::number(layout.fontPoints)));
    }

    void aPdfThatCannotBeWrittenSaysWhy()
    {
        const QString path = m_dir.filePath(QStringLiteral("no-such-folder/receipt.pdf"));
        const QString error = ReceiptDialog::writePdf(QStringLiteral("<p>x</p>"), path, ReceiptDialog::Paper::A5);
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }

    // Print by keyboard: the Print button has the focus and is the default (Enter), Alt+P
    // opens the print dialog, Esc there prints nothing; accepted, it prints through the same
    // code path on the printer chosen (here a PDF file: there is no printer offscreen).
    void theDialogIsKeyboardOperable()
    {
        ReceiptDialog dialog(outcome(ActionKind::Deposit), anna(), context());
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *print = find<QPushButton>(&dialog, "printButton");
        auto *paper = find<QComboBox>(&dialog, "paperCombo");
        auto *save = find<QPushButton>(&dialog, "savePdfButton");
        auto *close = find<QPushButton>(&dialog, "closeButton");
        QCOMPARE(print->text(), QStringLiteral("&Print…"));
        QVERIFY(print->isDefault());
        QCOMPARE(QApplication::focusWidget(), print);
        QCOMPARE(dialog.paper(), ReceiptDialog::Paper::Roll80mm);

        // Tab goes round every control and back to Print.
        QList<QWidget *> visited;
        for (int i = 0; i < 5; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            visited << QApplication::focusWidget();
        }
        QCOMPARE(visited, (QList<QWidget *>{save, close, find<QTextBrowser>(&dialog, "receiptView"), paper, print}));
        QCOMPARE(QApplication::focusWidget(), print);
        // The paper by keyboard (Alt+R, then the arrow keys).
        QTest::keyClick(&dialog, Qt::Key_R, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), paper);
        QTest::keyClick(paper, Qt::Key_Down);
        QCOMPARE(dialog.paper(), ReceiptDialog::Paper::A5);
        print->setFocus();

        // Alt+P: the print dialog; Esc there: nothing printed.
        QTest::keyClick(&dialog, Qt::Key_P, Qt::AltModifier);
        QPrintDialog *printDialog = nullptr;
        QTRY_VERIFY((printDialog = dialog.findChild<QPrintDialog *>(QStringLiteral("printDialog"))) && printDialog->isVisible());
        QCOMPARE(printDialog->printer()->pageLayout().fullRect(QPageLayout::Millimeter).size().toSize(), QSize(148, 210));
        QTest::keyClick(printDialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog.findChild<QPrintDialog *>(QStringLiteral("printDialog")));
        QVERIFY(find<QLabel>(&dialog, "receiptStatus")->text().isEmpty());
        QVERIFY(dialog.isVisible());

        // Enter on the Print button: the print dialog again; accepted with a printer (a PDF
        // file here), the receipt is printed on it and the dialog says where. (The offscreen
        // platform has no window manager to give the receipt back its activation.)
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTRY_COMPARE(QApplication::focusWidget(), print);
        QTest::keyClick(print, Qt::Key_Return);
        QTRY_VERIFY((printDialog = dialog.findChild<QPrintDialog *>(QStringLiteral("printDialog"))) && printDialog->isVisible());
        const QString path = m_dir.filePath(QStringLiteral("printed.pdf"));
        printDialog->printer()->setOutputFormat(QPrinter::PdfFormat);
        printDialog->printer()->setOutputFileName(path);
        printDialog->done(QDialog::Accepted);
        QCOMPARE(head(path), QByteArray("%PDF-"));
        const QSizeF box = mediaBox(path);
        QVERIFY2(qAbs(box.width() - 148 * PointsPerMm) < 1 && qAbs(box.height() - 210 * PointsPerMm) < 1,
                 qPrintable(QStringLiteral("%1 x %2").arg(box.width()).arg(box.height())));
        QTRY_VERIFY(find<QLabel>(&dialog, "receiptStatus")->text().contains(path));

        // Esc closes the receipt.
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    // A receipt closed by its window while its print dialog is open takes the dialog with it.
    void closingWithThePrintDialogOpen()
    {
        auto dialog = std::make_unique<ReceiptDialog>(outcome(ActionKind::Withdrawal), anna(), context());
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        find<QPushButton>(dialog.get(), "printButton")->click();
        QPointer<QPrintDialog> printDialog = dialog->findChild<QPrintDialog *>(QStringLiteral("printDialog"));
        QVERIFY(printDialog);
        QTRY_VERIFY(printDialog->isVisible());
        dialog.reset();
        QVERIFY(!printDialog);
    }

    // What the Print button does once a printer is chosen, on a printer of the PDF kind: the
    // roll is 80 mm wide and as long as the receipt.
    void printingOnAPrinterTakesThePaperChosen()
    {
        ReceiptDialog dialog(outcome(ActionKind::Withdrawal), anna(), context());
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        const QString path = m_dir.filePath(QStringLiteral("roll.pdf"));
        printer.setOutputFileName(path);
        ReceiptDialog::preparePage(printer, dialog.paper()); // as the Print button does before its dialog
        QVERIFY(dialog.printTo(printer));
        QCOMPARE(head(path), QByteArray("%PDF-"));
        const QSizeF box = mediaBox(path);
        QVERIFY2(qAbs(box.width() - 80 * PointsPerMm) < 1, qPrintable(QString::number(box.width())));
        QVERIFY2(box.height() > 60 * PointsPerMm && box.height() < 199 * PointsPerMm, qPrintable(QString::number(box.height())));
        QVERIFY(find<QLabel>(&dialog, "receiptStatus")->text().contains(path));
    }

    // A branch prints on what it has: the paper chosen last is the next receipt's.
    void thePaperChosenIsRemembered()
    {
        {
            ReceiptDialog first(outcome(ActionKind::Deposit), anna(), context());
            QCOMPARE(first.paper(), ReceiptDialog::Paper::Roll80mm);
            first.setPaper(ReceiptDialog::Paper::A5);
        }
        ReceiptDialog second(outcome(ActionKind::Withdrawal), anna(), context());
        QCOMPARE(second.paper(), ReceiptDialog::Paper::A5);
        QCOMPARE(find<QComboBox>(&second, "paperCombo")->currentText(), QStringLiteral("A5 page"));
        // Something this program does not know (an older or newer one's): the roll.
        AppSettings::instance().setValue(settingkeys::ReceiptPaper, QStringLiteral("letter"));
        ReceiptDialog third(outcome(ActionKind::Withdrawal), anna(), context());
        QCOMPARE(third.paper(), ReceiptDialog::Paper::Roll80mm);
    }

    void savingSaysWhereOrWhyNot()
    {
        ReceiptDialog dialog(outcome(ActionKind::Withdrawal), anna(), context());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.setPaper(ReceiptDialog::Paper::A4);
        const QString path = m_dir.filePath(QStringLiteral("saved.pdf"));
        QVERIFY(dialog.saveTo(path));
        QCOMPARE(head(path), QByteArray("%PDF-"));
        QVERIFY(qAbs(mediaBox(path).width() - 210 * PointsPerMm) < 1);
        auto *status = find<QLabel>(&dialog, "receiptStatus");
        QVERIFY2(status->text().contains(path), qPrintable(status->text()));

        const QString bad = m_dir.filePath(QStringLiteral("missing/saved.pdf"));
        QVERIFY(!dialog.saveTo(bad));
        QVERIFY(status->text().contains(QStringLiteral("not saved")));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog.findChild<QMessageBox *>(QStringLiteral("receiptFailure"))) && box->isVisible());
        QVERIFY2(box->text().contains(bad), qPrintable(box->text()));
        QTest::keyClick(box, Qt::Key_Escape);
        QTRY_VERIFY(!dialog.findChild<QMessageBox *>(QStringLiteral("receiptFailure")));
    }

    // The workplace's names come from the server through the window's client: the receipt of
    // an operation a supervisor approved names the bank, the branch, the teller, the approver
    // and the customer.
    void theWorkplaceArrivesThroughTheClient()
    {
        const QString db = PgTestServer::instance().createDatabase();
        {
            Sql sql(db);
            SQL_VERIFY(sql, QStringLiteral("UPDATE teller.settings SET value = 'Sparkasse Nord' WHERE key = 'bank_name'"));
            SQL_VERIFY(sql, QStringLiteral("UPDATE teller.staff SET display_name = 'Lena Limited' WHERE login = 't_limited'"));
            SQL_VERIFY(sql, QStringLiteral("UPDATE teller.staff SET display_name = 'Clara Supervisor' WHERE login = 't_super'"));
            sql.openAccount(QStringLiteral("W1001"), 1000000);
        }
        TellerClient client;
        SessionOptions options;
        options.workstation = QStringLiteral("receipt-ws");
        client.setJournalPath(m_dir.filePath(QStringLiteral("journal.sqlite")));
        client.signIn(PgTestServer::instance().staff(db, QStringLiteral("t_limited")), options);
        QTRY_VERIFY_WITH_TIMEOUT(client.isSignedIn(), 15000);

        // The client reads it by itself at sign-in (who decided is named from it) and on asking.
        QTRY_VERIFY_WITH_TIMEOUT(client.workplace().bankName == QStringLiteral("Sparkasse Nord"), 10000);
        QSignalSpy loaded(&client, &TellerClient::workplaceLoaded);
        QSignalSpy failed(&client, &TellerClient::readFailed);
        const quint64 id = client.loadWorkplace();
        const auto answer = [&]() -> int {
            for (int i = 0; i < loaded.count(); ++i)
                if (loaded.at(i).at(0).value<quint64>() == id)
                    return i;
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(answer() >= 0 || failed.count() > 0, 10000);
        QCOMPARE(failed.count(), 0);
        const Workplace workplace = loaded.at(answer()).at(1).value<Workplace>();
        QCOMPARE(workplace.bankName, QStringLiteral("Sparkasse Nord"));
        QCOMPARE(workplace.branchCode, QStringLiteral("MAIN"));
        QCOMPARE(workplace.branchName, QStringLiteral("Main branch"));
        QCOMPARE(workplace.nameOf(QStringLiteral("t_super")), QStringLiteral("Clara Supervisor"));

        // Above t_limited's limit: it waits, t_super approves, the window asks again.
        const Action action = makeAction(ActionKind::Withdrawal, QStringLiteral("W1001"), 20000);
        QCOMPARE(executeAs(db, QStringLiteral("t_limited"), action, {}, {}, options).status, OutcomeStatus::PendingApproval);
        {
            DbSession supervisor(PgTestServer::instance().staff(db, QStringLiteral("t_super")), SessionOptions{});
            QVERIFY(supervisor.open());
            const auto decided = Supervision(supervisor).decide(action.key, true, {});
            QVERIFY2(decided, decided ? "" : qPrintable(decided.error().message));
        }
        QSignalSpy finished(&client, &TellerClient::actionFinished);
        QVERIFY(client.queryStatus(action.key));
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 10000);
        const Outcome outcome = finished.at(0).at(0).value<Outcome>();
        QCOMPARE(outcome.status, OutcomeStatus::Completed);
        QCOMPARE(outcome.decidedBy, QStringLiteral("t_super"));

        QSignalSpy account(&client, &TellerClient::accountLoaded);
        client.loadAccount(QStringLiteral("W1001"));
        QTRY_VERIFY_WITH_TIMEOUT(account.count() == 1, 10000);
        const AccountInfo info = account.at(0).at(1).value<AccountInfo>();

        const ReceiptContext c = ReceiptContext::fromWorkplace(workplace, outcome, info.holder);
        const QString text = plain(ReceiptDialog::html(outcome, client.staff(), c, QLocale()));
        for (const QString &expected :
             {QStringLiteral("Sparkasse Nord"), QStringLiteral("Main branch"), QStringLiteral("Holder of W1001"),
              QStringLiteral("Lena Limited"), QStringLiteral("Approved by"), QStringLiteral("Clara Supervisor"),
              QStringLiteral("receipt-ws"), QStringLiteral("Customer's signature")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" is missing from:\n") + text));
        QVERIFY2(!text.contains(QStringLiteral("t_super")), qPrintable(text));
        client.signOut();
    }
};

QTEST_MAIN(TestReceiptGui)
#include "tst_receipt_gui.moc"
