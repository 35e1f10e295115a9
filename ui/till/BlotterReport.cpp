#include "BlotterReport.h"

#include "Ui.h"

#include <QDate>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QPrinter>
#include <QTextDocument>

using namespace teller;

QString BlotterReport::lineAmount(const BlotterLine &line, const QLocale &locale)
{
    return line.amount ? line.amount->toDisplayWithCode(locale) : QStringLiteral("—");
}

QString BlotterReport::tillEffect(const Money &effect, const QLocale &locale)
{
    if (effect.minorUnits() == 0)
        return QStringLiteral("—");
    // Cash in is said as such: "+40.00", out "-40.00".
    return (effect.minorUnits() > 0 ? QStringLiteral("+") : QString()) + effect.toDisplay(locale);
}

QString BlotterReport::lineTime(const QDateTime &at, const QLocale &locale)
{
    if (!at.isValid())
        return {};
    // A session is mostly today's: then the time says it; an older line has its date too.
    const QDateTime local = at.toLocalTime();
    return local.date() == QDate::currentDate() ? locale.toString(local.time(), QLocale::ShortFormat)
                                                : locale.toString(local, QLocale::ShortFormat);
}

QString BlotterReport::lineAccount(const BlotterLine &line)
{
    if (line.counterAccount.isEmpty())
        return line.account;
    return line.account + QStringLiteral(" → ") + line.counterAccount;
}

QString BlotterReport::lineStatus(const BlotterLine &line)
{
    const QString status = ui::operationStatusText(line.status);
    if (line.status == OutcomeStatus::Rejected && !line.reason.isEmpty())
        return status + QStringLiteral(": ") + reasonText(line.reason);
    return status;
}

QString BlotterReport::timeWithZone(const QDateTime &at, const QLocale &locale)
{
    const QDateTime local = at.toLocalTime();
    return locale.toString(local, QLocale::ShortFormat) + u' ' + local.timeZoneAbbreviation();
}

QString BlotterReport::html(const Blotter &blotter, const Header &header, const QLocale &locale)
{
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    const auto cell = [&](const QString &s, bool right = false) {
        return QStringLiteral("<td style='padding:2px 8px%1'>%2</td>")
            .arg(right ? QStringLiteral(";text-align:right") : QString(), esc(s));
    };
    const auto head = [&](const QString &s, bool right = false) {
        return QStringLiteral("<th style='padding:2px 8px;border-bottom:1px solid #888%1'>%2</th>")
            .arg(right ? QStringLiteral(";text-align:right") : QStringLiteral(";text-align:left"), esc(s));
    };
    const auto info = [&](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style='padding-right:16px;color:#555'>%1</td><td><b>%2</b></td></tr>")
            .arg(esc(label), esc(value));
    };

    QString out = QStringLiteral("<html><body style='font-family:sans-serif'>");
    out += QStringLiteral("<h2 style='margin-bottom:4px'>%1</h2>").arg(esc(tr("Till blotter")));
    out += QStringLiteral("<table cellspacing='2'>");
    out += info(tr("Teller"), header.login.isEmpty() || header.login == header.tellerName
                                  ? header.tellerName
                                  : tr("%1 (%2)").arg(header.tellerName, header.login));
    out += info(tr("Till"), header.till.isEmpty() ? blotter.currency.code() : tr("%1 · %2").arg(header.till, blotter.currency.code()));
    out += info(tr("Currency"), blotter.currency.code());
    out += info(tr("Printed"), timeWithZone(header.printedAt, locale));
    out += QStringLiteral("</table>");

    out += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Movements since the till was opened")));
    if (blotter.lines.isEmpty()) {
        out += QStringLiteral("<p>%1</p>").arg(esc(tr("No movements yet.")));
    } else {
        out += QStringLiteral("<table cellspacing='0'><tr>");
        out += head(tr("Time")) + head(tr("Operation")) + head(tr("Account")) + head(tr("Amount"), true) + head(tr("Till effect"), true)
               + head(tr("Status"));
        out += QStringLiteral("</tr>");
        for (const BlotterLine &l : blotter.lines) {
            out += QStringLiteral("<tr>");
            out += cell(lineTime(l.at, locale)) + cell(ui::operationKindText(l.kind)) + cell(lineAccount(l))
                   + cell(lineAmount(l, locale), true) + cell(tillEffect(l.tillEffect, locale), true) + cell(lineStatus(l));
            out += QStringLiteral("</tr>");
        }
        out += QStringLiteral("</table>");
    }

    out += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Totals by kind (completed operations)")));
    if (blotter.totals.isEmpty()) {
        out += QStringLiteral("<p>%1</p>").arg(esc(tr("No completed operations yet.")));
    } else {
        out += QStringLiteral("<table cellspacing='0'><tr>");
        out += head(tr("Operation")) + head(tr("Count"), true) + head(tr("Amount"), true) + head(tr("Till effect"), true);
        out += QStringLiteral("</tr>");
        qint64 net = 0;
        for (auto it = blotter.totals.cbegin(); it != blotter.totals.cend(); ++it) {
            net += it.value().tillEffect;
            out += QStringLiteral("<tr>");
            out += cell(ui::operationKindText(it.key())) + cell(locale.toString(it.value().count), true)
                   + cell(Money(it.value().amount, blotter.currency).toDisplayWithCode(locale), true)
                   + cell(tillEffect(Money(it.value().tillEffect, blotter.currency), locale), true);
            out += QStringLiteral("</tr>");
        }
        out += QStringLiteral("<tr><td style='padding:2px 8px;border-top:1px solid #888'><b>%1</b></td>"
                              "<td style='border-top:1px solid #888'></td><td style='border-top:1px solid #888'></td>"
                              "<td style='padding:2px 8px;border-top:1px solid #888;text-align:right'><b>%2</b></td></tr>")
                   .arg(esc(tr("Net into the till")), esc(tillEffect(Money(net, blotter.currency), locale)));
        out += QStringLiteral("</table>");
    }
    out += QStringLiteral("</body></html>");
    return out;
}

QString BlotterReport::savePdf(const QString &html, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return tr("The file %1 cannot be written: %2").arg(path, file.errorString());
    {
        QPdfWriter writer(&file);
        if (!writer.setPageSize(QPageSize(QPageSize::A4)))
            return tr("The page size is not supported.");
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(tr("Till blotter"));
        writer.setCreator(QStringLiteral("Teller " TELLER_VERSION));
        QTextDocument doc;
        doc.setHtml(html);
        doc.print(&writer);
    }
    file.close();
    if (file.error() != QFileDevice::NoError || file.size() == 0)
        return tr("The file %1 cannot be written: %2").arg(path, file.errorString());
    return {};
}

void BlotterReport::print(const QString &html, QPrinter *printer)
{
    QTextDocument doc;
    doc.setHtml(html);
    doc.print(printer);
}
