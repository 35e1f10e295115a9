#pragma once

#include "Outcome.h"
#include "Staff.h"

#include <QDialog>

class QTextBrowser;

// The receipt of a completed operation: operation key, amount, balance after, time, teller.
// It can be saved as a PDF for the customer or the branch's records.
class ReceiptDialog : public QDialog
{
    Q_OBJECT

public:
    ReceiptDialog(const teller::Outcome &outcome, const teller::StaffInfo &staff, QWidget *parent = nullptr);

    static QString html(const teller::Outcome &outcome, const teller::StaffInfo &staff, const QLocale &locale);
    // Writes the receipt as an A5 PDF. Returns an error message, or an empty string.
    static QString savePdf(const QString &html, const QString &path);

private:
    void saveAs();

    teller::Outcome m_outcome;
    QString m_html;
    QTextBrowser *m_view;
};
