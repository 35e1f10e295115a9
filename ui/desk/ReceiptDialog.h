#pragma once

#include "Administration.h"
#include "Outcome.h"
#include "Staff.h"

#include <QDialog>
#include <QString>

#include <memory>

class QComboBox;
class QLabel;
class QLocale;
class QPagedPaintDevice;
class QPrinter;
class QPushButton;
class QTextBrowser;

// What a receipt says beyond the operation itself: where it was made and the names of the
// people in it. The window fills it from the workplace (TellerClient::loadWorkplace) and the
// account it shows; anything left empty is left out (a name) or named by the login.
struct ReceiptContext
{
    QString bankName;
    QString branchName;
    QString customerName;      // the holder of the account the operation is on
    QString counterHolderName; // a transfer's other account's holder (the payee), if known
    QString tellerName;        // who carried it out; empty: the signed-in member's name, or the login
    QString decidedByName;     // the supervisor who approved it (four eyes), if one did
    bool reprint = false;      // printed again later: marked so
    QByteArray timeZone;       // the branch's (IANA id); empty or unknown: the workstation's

    // The names from the workplace: the bank, the branch, the teller and the approver by
    // their names (by their logins when they are not colleagues).
    static ReceiptContext fromWorkplace(const teller::Workplace &workplace, const teller::Outcome &outcome, const QString &customerName,
                                        const QString &counterHolderName = {}, bool reprint = false);
};

// The receipt of a completed operation, for the customer or the branch's records: the bank and
// the branch, the operation, the account and its holder, the payee, the amount, the balance
// after, the local time with its zone, the teller, the workstation, the operation key, who
// approved it, and a signature line for cash. Printed (a receipt printer's 80 mm roll, or an
// A5 or A4 page) or saved as PDF.
class ReceiptDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Paper { Roll80mm, A5, A4 };

    ReceiptDialog(const teller::Outcome &outcome, const teller::StaffInfo &staff, QWidget *parent = nullptr);
    ReceiptDialog(const teller::Outcome &outcome, const teller::StaffInfo &staff, const ReceiptContext &context,
                  QWidget *parent = nullptr);
    ~ReceiptDialog() override;

    static QString html(const teller::Outcome &outcome, const teller::StaffInfo &staff, const ReceiptContext &context,
                        const QLocale &locale);

    // How a receipt was laid out on a page (device pixels of the page's device), for tests and
    // for the caller to check.
    struct Layout
    {
        qreal resolution = 0;    // dots per inch
        QSizeF paintRect;        // the page inside its margins
        qreal documentWidth = 0; // what the laid-out text takes of it (its widest line)
        qreal fontPoints = 0;    // the body text's size, in points on this device
        int pages = 0;
        QSizeF pageMillimetres; // the page, as it was printed
    };
    // Lays the receipt out on `device`'s page and paints it: for the 80 mm roll the page is
    // made as long as the receipt (80 mm x the content; 80 x 200 mm if the device takes no
    // custom size), for A5 and A4 the device's page as it is (set it with preparePage()).
    // The text fills the page's width at a size in points. Returns an error message, or an
    // empty string.
    static QString render(const QString &html, QPagedPaintDevice &device, Paper paper, Layout *layout = nullptr);
    // The paper's page and margins on `device`, before render() (or a print dialog).
    static bool preparePage(QPagedPaintDevice &device, Paper paper);
    // Writes the receipt as a PDF on this paper. Returns an error message, or an empty string.
    static QString writePdf(const QString &html, const QString &path, Paper paper, Layout *layout = nullptr);

    Paper paper() const;
    void setPaper(Paper paper);
    // What the Print button does once the print dialog was accepted: prints on `printer`
    // (its page prepared for the chosen paper first). Says how it went under the buttons, or
    // in a message if it failed.
    bool printTo(QPrinter &printer);
    // What Save as PDF does once a file was chosen; says where it was saved, or why not.
    bool saveTo(const QString &path);

private:
    void print();
    void saveAs();
    void showFailure(const QString &title, const QString &message);

    teller::Outcome m_outcome;
    QString m_html;
    QTextBrowser *m_view;
    QComboBox *m_paper;
    QLabel *m_status;
    QPushButton *m_print;
    std::unique_ptr<QPrinter> m_printer; // made at the first print, kept for the next one
};
