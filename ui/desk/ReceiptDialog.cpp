#include "ReceiptDialog.h"

#include "AppSettings.h"
#include "Ui.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace teller;

namespace {

// A receipt printer's roll: 80 mm wide, about 72 mm of it printable.
constexpr qreal RollWidthMm = 80;
constexpr qreal RollFallbackHeightMm = 200;

QMarginsF marginsFor(ReceiptDialog::Paper paper)
{
    return paper == ReceiptDialog::Paper::Roll80mm ? QMarginsF(4, 5, 4, 5) : QMarginsF(15, 15, 15, 15);
}

// The body text's size on paper: small enough for the roll's 72 mm, comfortable on a page.
qreal bodyPoints(ReceiptDialog::Paper paper)
{
    switch (paper) {
    case ReceiptDialog::Paper::Roll80mm: return 9;
    case ReceiptDialog::Paper::A5: return 11;
    case ReceiptDialog::Paper::A4: return 12;
    }
    return 11;
}

QPageSize rollPage(qreal widthMm, qreal heightMm)
{
    return QPageSize(QSizeF(widthMm, heightMm), QPageSize::Millimeter,
                     QCoreApplication::translate("ReceiptDialog", "Receipt roll %1 mm").arg(widthMm), QPageSize::ExactMatch);
}

// "2 December 2026, 16:21:46 CET": the date and time in the branch's zone (the workstation's
// when the branch has none this program knows), and which zone it is (the abbreviation when the
// zone has one, else its offset from UTC).
QString localTimeText(const QDateTime &at, const QLocale &locale, const QByteArray &zoneId)
{
    const QTimeZone branchZone = zoneId.isEmpty() ? QTimeZone() : QTimeZone(zoneId);
    const QDateTime local = branchZone.isValid() ? at.toTimeZone(branchZone) : at.toLocalTime();
    QString timeFormat = locale.timeFormat(QLocale::LongFormat);
    // The locale's long time may name the zone itself ('t'): it is added once, below.
    static const QRegularExpression zoneToken(QStringLiteral("\\s*(?<![\\w'])t+(?![\\w'])"));
    timeFormat.remove(zoneToken);
    QString zone = local.timeZoneAbbreviation();
    static const QRegularExpression letters(QStringLiteral("^[A-Za-z]{2,6}$"));
    if (!letters.match(zone).hasMatch()) {
        const int offset = local.offsetFromUtc();
        const int minutes = std::abs(offset) / 60;
        zone = QStringLiteral("UTC%1%2:%3")
                   .arg(offset < 0 ? QStringLiteral("-") : QStringLiteral("+"))
                   .arg(minutes / 60, 2, 10, QChar(u'0'))
                   .arg(minutes % 60, 2, 10, QChar(u'0'));
    }
    return QCoreApplication::translate("ReceiptDialog", "%1, %2 %3", "date, time, time zone")
        .arg(locale.toString(local.date(), QLocale::LongFormat), locale.toString(local.time(), timeFormat.trimmed()), zone);
}

QString paperName(ReceiptDialog::Paper paper)
{
    switch (paper) {
    case ReceiptDialog::Paper::Roll80mm: return QStringLiteral("roll80");
    case ReceiptDialog::Paper::A5: return QStringLiteral("a5");
    case ReceiptDialog::Paper::A4: return QStringLiteral("a4");
    }
    return {};
}

QVariant paperFromName(const QString &name)
{
    for (auto p : {ReceiptDialog::Paper::Roll80mm, ReceiptDialog::Paper::A5, ReceiptDialog::Paper::A4})
        if (paperName(p) == name)
            return QVariant::fromValue(int(p));
    return QVariant::fromValue(int(ReceiptDialog::Paper::Roll80mm));
}

} // namespace

ReceiptContext ReceiptContext::fromWorkplace(const Workplace &workplace, const Outcome &outcome, const QString &customerName,
                                             const QString &counterHolderName, bool reprint)
{
    ReceiptContext c;
    c.bankName = workplace.bankName;
    c.branchName = workplace.branchName;
    c.customerName = customerName;
    c.counterHolderName = counterHolderName;
    c.tellerName = outcome.initiatedBy.isEmpty() ? QString() : workplace.nameOf(outcome.initiatedBy);
    c.decidedByName = outcome.decidedBy.isEmpty() ? QString() : workplace.nameOf(outcome.decidedBy);
    c.reprint = reprint;
    c.timeZone = workplace.timeZone;
    return c;
}

ReceiptDialog::ReceiptDialog(const Outcome &outcome, const StaffInfo &staff, QWidget *parent)
    : ReceiptDialog(outcome, staff, ReceiptContext{}, parent)
{
}

ReceiptDialog::ReceiptDialog(const Outcome &outcome, const StaffInfo &staff, const ReceiptContext &context, QWidget *parent)
    : QDialog(parent), m_outcome(outcome), m_html(html(outcome, staff, context, locale()))
{
    setWindowTitle(context.reprint ? tr("Receipt (reprint)") : tr("Receipt"));
    setObjectName(QStringLiteral("receiptDialog"));
    m_view = new QTextBrowser(this);
    m_view->setObjectName(QStringLiteral("receiptView"));
    m_view->setHtml(m_html);
    m_view->setAccessibleName(tr("Receipt"));
    m_view->setTabChangesFocus(true); // Tab leaves the receipt for the buttons

    m_paper = new QComboBox(this);
    m_paper->setObjectName(QStringLiteral("paperCombo"));
    m_paper->addItem(tr("Receipt printer (80 mm)"), QVariant::fromValue(int(Paper::Roll80mm)));
    m_paper->addItem(tr("A5 page"), QVariant::fromValue(int(Paper::A5)));
    m_paper->addItem(tr("A4 page"), QVariant::fromValue(int(Paper::A4)));
    // The paper the workstation printed on last time: a branch has a receipt printer, or not.
    m_paper->setCurrentIndex(
        std::max(0, m_paper->findData(paperFromName(AppSettings::instance().value(settingkeys::ReceiptPaper).toString()))));
    connect(m_paper, &QComboBox::currentIndexChanged, this,
            [this] { AppSettings::instance().setValue(settingkeys::ReceiptPaper, paperName(paper())); });
    auto *paperLabel = new QLabel(tr("Pape&r:"), this);
    paperLabel->setBuddy(m_paper);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("receiptStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Buttons of its own, not a QDialogButtonBox: the box passes its focus to its first button,
    // so Tab from the button before the box went back to Print instead of on to Close.
    m_print = new QPushButton(tr("&Print…"), this);
    m_print->setObjectName(QStringLiteral("printButton"));
    // Alt+P prints: Save as PDF has its own letter.
    auto *save = new QPushButton(tr("&Save as PDF…"), this);
    save->setObjectName(QStringLiteral("savePdfButton"));
    auto *close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeButton"));
    connect(m_print, &QPushButton::clicked, this, &ReceiptDialog::print);
    connect(save, &QPushButton::clicked, this, &ReceiptDialog::saveAs);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    // Enter prints, unless the focus is on another button (then that one).
    m_print->setDefault(true);

    auto *paperRow = new QHBoxLayout;
    paperRow->addWidget(paperLabel);
    paperRow->addWidget(m_paper);
    paperRow->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_print);
    buttons->addWidget(save);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(paperRow);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    // Tab: Print, Save as PDF, Close, the receipt, the paper.
    setTabOrder(m_print, save);
    setTabOrder(save, close);
    setTabOrder(close, m_view);
    setTabOrder(m_view, m_paper);
    resize(480, 600);
    ui::nameForAccessibility(this);
    m_print->setFocus();
}

ReceiptDialog::~ReceiptDialog()
{
    // An open print dialog works on m_printer, which goes before the children would.
    qDeleteAll(findChildren<QPrintDialog *>(Qt::FindDirectChildrenOnly));
}

QString ReceiptDialog::html(const Outcome &o, const StaffInfo &staff, const ReceiptContext &c, const QLocale &locale)
{
    const auto row = [](const QString &label, const QString &value, bool strong = false) {
        return QStringLiteral("<tr><td style='color:#555555; padding-right:6pt' valign='top'>%1</td>"
                              "<td align='right'%3>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped(),
                 strong ? QStringLiteral(" style='font-weight:bold; font-size:large'") : QStringLiteral(" style='font-weight:bold'"));
    };

    QString head;
    if (c.reprint)
        head += QStringLiteral("<p align='center' style='font-weight:bold; font-size:large; margin:0'>%1</p>")
                    .arg(tr("— REPRINT —").toHtmlEscaped());
    if (!c.bankName.isEmpty())
        head += QStringLiteral("<p align='center' style='font-size:x-large; font-weight:bold; margin:0'>%1</p>")
                    .arg(c.bankName.toHtmlEscaped());
    if (!c.branchName.isEmpty())
        head += QStringLiteral("<p align='center' style='margin:0'>%1</p>").arg(c.branchName.toHtmlEscaped());
    QString title = tr("Receipt");
    if (o.status != OutcomeStatus::Completed)
        title += QStringLiteral(" — ") + ui::operationStatusText(o.status);
    head +=
        QStringLiteral("<p align='center' style='font-size:large; margin-top:6pt; margin-bottom:0'>%1</p>").arg(title.toHtmlEscaped());

    const bool transfer = o.kind == ActionKind::Transfer;
    QString rows;
    if (o.kind)
        rows += row(tr("Operation"), ui::operationKindText(*o.kind));
    rows += row(transfer ? tr("From account") : tr("Account"), o.account);
    if (!c.customerName.isEmpty())
        rows += row(tr("Account holder"), c.customerName);
    if (!o.counterAccount.isEmpty()) {
        rows += row(tr("To account"), o.counterAccount);
        if (!c.counterHolderName.isEmpty())
            rows += row(tr("Payee"), c.counterHolderName);
    }
    if (o.amount)
        rows += row(tr("Amount"), o.amount->toDisplayWithCode(locale), true);
    if (o.balanceAfter)
        rows += row(tr("Balance after"), o.balanceAfter->toDisplayWithCode(locale));
    if (o.executedAt.isValid())
        rows += row(tr("Time"), localTimeText(o.executedAt, locale, c.timeZone));
    QString tellerName = c.tellerName;
    if (tellerName.isEmpty())
        tellerName = staff.login == o.initiatedBy && !staff.displayName.isEmpty() ? staff.displayName : o.initiatedBy;
    if (!tellerName.isEmpty())
        rows += row(tr("Teller"), tellerName);
    if (!o.workstation.isEmpty())
        rows += row(tr("Workstation"), o.workstation);
    if (!o.decidedBy.isEmpty())
        rows += row(tr("Approved by"), c.decidedByName.isEmpty() ? o.decidedBy : c.decidedByName);
    // The key is long: a line of its own, below its label.
    rows += QStringLiteral("<tr><td colspan='2' style='color:#555555; padding-top:4pt'>%1</td></tr>"
                           "<tr><td colspan='2' style='font-family:monospace'>%2</td></tr>")
                .arg(tr("Operation key").toHtmlEscaped(), o.key.toString().toHtmlEscaped());

    // Who signs for the cash: the customer for what they were paid out, the teller for what
    // the bank took in.
    QString signature;
    if (o.kind == ActionKind::Withdrawal)
        signature = tr("Customer's signature");
    else if (o.kind == ActionKind::Deposit)
        signature = tr("Teller's signature");
    QString sign;
    if (!signature.isEmpty())
        sign = QStringLiteral("<p>&nbsp;</p><p>&nbsp;</p><p>&nbsp;</p><hr/>"
                              "<p align='center' style='margin-top:0; color:#555555'>%1</p>")
                   .arg(signature.toHtmlEscaped());

    return QStringLiteral("<html><body style='font-family:sans-serif'>%1<hr/>"
                          "<table width='100%' cellspacing='0' cellpadding='2'>%2</table>%3"
                          "<p align='center' style='color:#555555; font-size:small'>%4</p></body></html>")
        .arg(head, rows, sign, tr("Keep this receipt. The operation key identifies the operation at the bank.").toHtmlEscaped());
}

bool ReceiptDialog::preparePage(QPagedPaintDevice &device, Paper paper)
{
    QPageSize size;
    switch (paper) {
    case Paper::Roll80mm: size = rollPage(RollWidthMm, RollFallbackHeightMm); break;
    case Paper::A5: size = QPageSize(QPageSize::A5); break;
    case Paper::A4: size = QPageSize(QPageSize::A4); break;
    }
    const bool sized = device.setPageSize(size);
    device.setPageOrientation(QPageLayout::Portrait);
    // A printer that cannot print this close to the edge keeps its own margins.
    device.setPageMargins(marginsFor(paper), QPageLayout::Millimeter);
    return sized;
}

QString ReceiptDialog::render(const QString &html, QPagedPaintDevice &device, Paper paper, Layout *layout)
{
    const int dpi = device.logicalDpiY();
    if (dpi <= 0)
        return tr("The printer's resolution is not known.");
    // Laid out on the device itself: sizes in points become the device's pixels, so the text
    // has its size in points on paper and the page's width is the text's.
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&device);
    QFont font = doc.defaultFont();
    font.setPointSizeF(bodyPoints(paper));
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    doc.setHtml(html);

    QSizeF paint = device.pageLayout().paintRectPixels(dpi).size();
    if (paper == Paper::Roll80mm) {
        // As long as the receipt: a roll is cut after it. A narrower roll keeps its width.
        const QPageLayout page = device.pageLayout();
        const qreal widthMm = std::min(page.fullRect(QPageLayout::Millimeter).width(), RollWidthMm);
        const QMarginsF margins = page.margins(QPageLayout::Millimeter);
        const qreal textWidth = (widthMm - margins.left() - margins.right()) * dpi / 25.4;
        doc.setTextWidth(textWidth);
        const qreal contentMm = doc.size().height() * 25.4 / dpi;
        const qreal heightMm = std::ceil(contentMm + margins.top() + margins.bottom() + 2);
        if (!device.setPageSize(rollPage(widthMm, heightMm)))
            device.setPageSize(rollPage(RollWidthMm, RollFallbackHeightMm));
        paint = device.pageLayout().paintRectPixels(dpi).size();
    }
    if (paint.width() < 1 || paint.height() < 1)
        return tr("The page has no room to print on.");
    doc.setPageSize(paint);

    QPainter painter;
    if (!painter.begin(&device))
        return tr("The receipt cannot be printed there (the printer or the file is not available).");
    const int pages = doc.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0 && !device.newPage()) {
            painter.end();
            return tr("The receipt's page %1 cannot be printed.").arg(i + 1);
        }
        const QRectF view(0, i * paint.height(), paint.width(), paint.height());
        painter.save();
        painter.translate(0, -view.top());
        doc.drawContents(&painter, view);
        painter.restore();
    }
    if (!painter.end())
        return tr("The receipt could not be finished on the printer or in the file.");

    if (layout) {
        layout->resolution = dpi;
        layout->paintRect = paint;
        layout->documentWidth = doc.idealWidth();
        layout->pages = pages;
        layout->pageMillimetres = device.pageLayout().fullRect(QPageLayout::Millimeter).size();
        // The typical line: the median height of the laid-out lines, in points.
        QList<qreal> heights;
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
            if (const QTextLayout *l = b.layout(); l && !b.text().trimmed().isEmpty())
                for (int i = 0; i < l->lineCount(); ++i)
                    heights << l->lineAt(i).height();
        if (!heights.isEmpty()) {
            std::sort(heights.begin(), heights.end());
            layout->fontPoints = heights.at(heights.size() / 2) * 72.0 / dpi;
        }
    }
    return {};
}

QString ReceiptDialog::writePdf(const QString &html, const QString &path, Paper paper, Layout *layout)
{
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return tr("The file %1 cannot be written: %2").arg(path, file.errorString());
    }
    QString error;
    {
        QPdfWriter writer(path);
        writer.setResolution(300);
        writer.setTitle(tr("Receipt"));
        writer.setCreator(QStringLiteral("Teller " TELLER_VERSION));
        if (!preparePage(writer, paper))
            error = tr("The page size is not supported.");
        else
            error = render(html, writer, paper, layout);
    }
    if (error.isEmpty() && QFileInfo(path).size() == 0)
        error = tr("The file %1 cannot be written.").arg(path);
    if (!error.isEmpty())
        QFile::remove(path); // no half a receipt left behind
    return error;
}

ReceiptDialog::Paper ReceiptDialog::paper() const
{
    return Paper(m_paper->currentData().toInt());
}

void ReceiptDialog::setPaper(Paper paper)
{
    m_paper->setCurrentIndex(m_paper->findData(QVariant::fromValue(int(paper))));
}

void ReceiptDialog::print()
{
    // Made at the first print only: asking for the printers may take a moment.
    if (!m_printer)
        m_printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
    preparePage(*m_printer, paper());
    m_printer->setDocName(tr("Receipt %1").arg(m_outcome.key.toString().left(8)));
    auto *dialog = new QPrintDialog(m_printer.get(), this);
    dialog->setObjectName(QStringLiteral("printDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Print receipt"));
    connect(dialog, qOverload<QPrinter *>(&QPrintDialog::accepted), this, [this](QPrinter *printer) { printTo(*printer); });
    dialog->open();
}

bool ReceiptDialog::printTo(QPrinter &printer)
{
    if (const QString error = render(m_html, printer, paper()); !error.isEmpty()) {
        m_status->setText(tr("The receipt was not printed."));
        showFailure(tr("Receipt not printed"), error);
        return false;
    }
    const QString where = printer.outputFormat() == QPrinter::PdfFormat ? printer.outputFileName() : printer.printerName();
    m_status->setText(where.isEmpty() ? tr("The receipt was printed.") : tr("The receipt was printed on %1.").arg(where));
    return true;
}

void ReceiptDialog::saveAs()
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/'
                              + tr("receipt-%1.pdf").arg(m_outcome.key.toString().left(8));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save receipt"), suggested, tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        saveTo(path);
}

bool ReceiptDialog::saveTo(const QString &path)
{
    if (const QString error = writePdf(m_html, path, paper()); !error.isEmpty()) {
        m_status->setText(tr("The receipt was not saved."));
        showFailure(tr("Receipt not saved"), error);
        return false;
    }
    m_status->setText(tr("The receipt was saved as %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void ReceiptDialog::showFailure(const QString &title, const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("receiptFailure"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
