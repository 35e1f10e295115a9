#include "BlotterView.h"

#include "Ui.h"

#include "TellerClient.h"

#include <QDate>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace teller;

namespace {
QTableWidget *readOnlyTable(QWidget *parent, const QStringList &headers, const char *name, const QString &accessibleName)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(QString::fromLatin1(name));
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    t->setTabKeyNavigation(false);
    t->setAccessibleName(accessibleName);
    return t;
}

QTableWidgetItem *item(const QString &text, bool right = false)
{
    auto *i = new QTableWidgetItem(text);
    if (right)
        i->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return i;
}
} // namespace

BlotterView::BlotterView(TellerClient *client, QWidget *parent) : QWidget(parent), m_client(client)
{
    setObjectName(QStringLiteral("blotterView"));
    m_title = new QLabel(tr("Blotter"), this);
    m_title->setObjectName(QStringLiteral("blotterTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_lines = readOnlyTable(this, {tr("Time"), tr("Operation"), tr("Account"), tr("Amount"), tr("Till effect"), tr("Status")},
                            "blotterLines", tr("Movements of the till"));
    m_totals = readOnlyTable(this, {tr("Operation"), tr("Count"), tr("Amount"), tr("Till effect")}, "blotterTotals",
                             tr("Totals by kind"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("blotterMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_print = new QPushButton(tr("&Print…"), this);
    m_print->setObjectName(QStringLiteral("printButton"));
    m_print->setAutoDefault(false);
    m_save = new QPushButton(tr("Save as P&DF…"), this);
    m_save->setObjectName(QStringLiteral("savePdfButton"));
    m_save->setAutoDefault(false);
    m_print->setEnabled(false);
    m_save->setEnabled(false);
    connect(m_print, &QPushButton::clicked, this, &BlotterView::print);
    connect(m_save, &QPushButton::clicked, this, &BlotterView::saveAsPdf);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_print);
    buttons->addWidget(m_save);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_lines, 3);
    layout->addWidget(new QLabel(tr("Totals by kind (completed operations):"), this));
    layout->addWidget(m_totals, 2);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(client, &TellerClient::blotterLoaded, this, [this](quint64 id, const Blotter &blotter) {
        if (id != m_request)
            return;
        m_request = 0;
        showBlotter(blotter);
    });
    connect(client, &TellerClient::readFailed, this, [this](quint64 id, const Error &e) {
        if (id != m_request)
            return;
        m_request = 0;
        setMessage(tr("The blotter could not be read: %1").arg(e.message), true);
    });
}

void BlotterView::load(const Currency &currency, const QString &till)
{
    m_till = till;
    m_title->setText(till.isEmpty() ? tr("Blotter — %1").arg(currency.code()) : tr("Blotter — till %1 · %2").arg(till, currency.code()));
    setMessage(tr("Reading the blotter…"), false);
    m_request = m_client->loadBlotter(currency);
}

void BlotterView::clear()
{
    m_request = 0;
    m_blotter.reset();
    m_lines->setRowCount(0);
    m_totals->setRowCount(0);
    m_print->setEnabled(false);
    m_save->setEnabled(false);
    setMessage({}, false);
}

void BlotterView::showBlotter(const Blotter &blotter)
{
    m_blotter = blotter;
    const QLocale l = locale();
    m_lines->setRowCount(int(blotter.lines.size()));
    for (int row = 0; row < blotter.lines.size(); ++row) {
        const BlotterLine &line = blotter.lines.at(row);
        m_lines->setItem(row, 0, item(BlotterReport::lineTime(line.at, l)));
        m_lines->setItem(row, 1, item(ui::operationKindText(line.kind)));
        m_lines->setItem(row, 2, item(BlotterReport::lineAccount(line)));
        m_lines->setItem(row, 3, item(BlotterReport::lineAmount(line, l), true));
        m_lines->setItem(row, 4, item(BlotterReport::tillEffect(line.tillEffect, l), true));
        m_lines->setItem(row, 5, item(BlotterReport::lineStatus(line)));
        if (line.status != OutcomeStatus::Completed)
            for (int c = 0; c < m_lines->columnCount(); ++c)
                m_lines->item(row, c)->setForeground(palette().color(QPalette::Disabled, QPalette::WindowText));
    }
    m_totals->setRowCount(int(blotter.totals.size()) + (blotter.totals.isEmpty() ? 0 : 1));
    int row = 0;
    qint64 net = 0;
    for (auto it = blotter.totals.cbegin(); it != blotter.totals.cend(); ++it, ++row) {
        net += it.value().tillEffect;
        m_totals->setItem(row, 0, item(ui::operationKindText(it.key())));
        m_totals->setItem(row, 1, item(l.toString(it.value().count), true));
        m_totals->setItem(row, 2, item(Money(it.value().amount, blotter.currency).toDisplayWithCode(l), true));
        m_totals->setItem(row, 3, item(BlotterReport::tillEffect(Money(it.value().tillEffect, blotter.currency), l), true));
    }
    if (!blotter.totals.isEmpty()) {
        auto *label = item(tr("Net into the till"));
        QFont f = label->font();
        f.setBold(true);
        label->setFont(f);
        m_totals->setItem(row, 0, label);
        m_totals->setItem(row, 1, item(QString()));
        m_totals->setItem(row, 2, item(QString()));
        auto *value = item(BlotterReport::tillEffect(Money(net, blotter.currency), l), true);
        value->setFont(f);
        m_totals->setItem(row, 3, value);
    }
    setMessage(blotter.lines.isEmpty() ? tr("No movements since the till was opened.")
                                       : tr("%n movement(s) since the till was opened.", nullptr, int(blotter.lines.size())),
               false);
    m_print->setEnabled(true);
    m_save->setEnabled(true);
    Q_EMIT loaded(blotter);
}

void BlotterView::setMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("color: %1;").arg(ui::Bad.name()) : QString());
}

QString BlotterView::reportHtml() const
{
    if (!m_blotter)
        return {};
    BlotterReport::Header header;
    header.tellerName = m_staff.displayName;
    header.login = m_staff.login;
    header.till = m_till;
    header.printedAt = QDateTime::currentDateTime();
    return BlotterReport::html(*m_blotter, header, locale());
}

QString BlotterView::saveTo(const QString &path)
{
    if (!m_blotter)
        return tr("The blotter has not been read yet.");
    const QString error = BlotterReport::savePdf(reportHtml(), path);
    if (error.isEmpty())
        setMessage(tr("Saved as %1.").arg(path), false);
    else
        setMessage(tr("Not saved: %1").arg(error), true);
    return error;
}

void BlotterView::print()
{
    if (!m_blotter)
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(tr("Till blotter"));
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the blotter"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    BlotterReport::print(reportHtml(), &printer);
    setMessage(printer.printerState() == QPrinter::Error ? tr("The blotter could not be printed.")
                                                         : tr("The blotter was sent to the printer."),
               printer.printerState() == QPrinter::Error);
}

void BlotterView::saveAsPdf()
{
    if (!m_blotter)
        return;
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/'
                              + tr("blotter-%1-%2.pdf").arg(m_blotter->currency.code(), QDate::currentDate().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the blotter"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    saveTo(path);
}
