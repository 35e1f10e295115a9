#include "ReceiptDialog.h"

#include "Ui.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace teller;

ReceiptDialog::ReceiptDialog(const Outcome &outcome, const StaffInfo &staff, QWidget *parent)
    : QDialog(parent), m_outcome(outcome), m_html(html(outcome, staff, locale()))
{
    setWindowTitle(tr("Receipt"));
    setObjectName(QStringLiteral("receiptDialog"));
    m_view = new QTextBrowser(this);
    m_view->setObjectName(QStringLiteral("receiptView"));
    m_view->setHtml(m_html);
    m_view->setAccessibleName(tr("Receipt"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *save = buttons->addButton(tr("&Save as PDF…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("savePdfButton"));
    connect(save, &QPushButton::clicked, this, &ReceiptDialog::saveAs);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    layout->addWidget(buttons);
    resize(460, 520);
    ui::nameForAccessibility(this);
    save->setFocus();
}

QString ReceiptDialog::html(const Outcome &o, const StaffInfo &staff, const QLocale &locale)
{
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style='padding-right:16px;color:#555'>%1</td><td><b>%2</b></td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString rows;
    rows += row(tr("Operation"), o.kind ? ui::operationKindText(*o.kind) : QString());
    rows += row(o.kind == ActionKind::Deposit ? tr("Account") : tr("From account"), o.account);
    if (!o.counterAccount.isEmpty())
        rows += row(tr("To account"), o.counterAccount);
    if (o.amount)
        rows += row(tr("Amount"), o.amount->toDisplayWithCode(locale));
    if (o.balanceAfter)
        rows += row(tr("Balance after"), o.balanceAfter->toDisplayWithCode(locale));
    rows += row(tr("Time"), locale.toString(o.executedAt.toLocalTime(), QLocale::LongFormat));
    rows += row(tr("Teller"),
                staff.displayName.isEmpty() ? o.initiatedBy : staff.displayName + QStringLiteral(" (") + o.initiatedBy + u')');
    rows += row(tr("Workstation"), o.workstation);
    rows += row(tr("Operation key"), o.key.toString());
    return QStringLiteral("<html><body style='font-family:sans-serif'>"
                          "<h2 style='margin-bottom:2px'>%1</h2><p style='color:#555;margin-top:0'>%2</p>"
                          "<table cellspacing='4'>%3</table>"
                          "<p style='color:#555;font-size:small'>%4</p></body></html>")
        .arg(tr("Teller — receipt").toHtmlEscaped(), ui::operationStatusText(o.status).toHtmlEscaped(), rows,
             tr("Keep this receipt. The operation key identifies the operation at the bank.").toHtmlEscaped());
}

QString ReceiptDialog::savePdf(const QString &html, const QString &path)
{
    QPdfWriter writer(path);
    if (!writer.setPageSize(QPageSize(QPageSize::A5)))
        return tr("The page size is not supported.");
    writer.setResolution(300);
    writer.setTitle(tr("Teller receipt"));
    writer.setCreator(QStringLiteral("Teller " TELLER_VERSION));
    QTextDocument doc;
    doc.setHtml(html);
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
    QPainter painter;
    if (!painter.begin(&writer))
        return tr("The file %1 cannot be written.").arg(path);
    doc.drawContents(&painter);
    painter.end();
    return {};
}

void ReceiptDialog::saveAs()
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/'
                              + tr("receipt-%1.pdf").arg(m_outcome.key.toString().left(8));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save receipt"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    const QString error = savePdf(m_html, path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Receipt not saved"), error);
}
