#pragma once

#include "BlotterReport.h"
#include "Cash.h"
#include "Failure.h"
#include "Staff.h"

#include <QWidget>

#include <optional>

namespace teller {
class TellerClient;
}
class QLabel;
class QPushButton;
class QTableWidget;

// The session's movements of one till (teller.till_blotter): time, kind, account, amount, what
// each did to the till, with the totals by kind; "Print…" and "Save as PDF…" give it on paper.
class BlotterView : public QWidget
{
    Q_OBJECT

public:
    explicit BlotterView(teller::TellerClient *client, QWidget *parent = nullptr);

    // Whose blotter it is, for the printed header.
    void setStaff(const teller::StaffInfo &staff) { m_staff = staff; }
    // Reads the blotter of this currency (the till's number for the header).
    void load(const teller::Currency &currency, const QString &till);
    void clear();
    std::optional<teller::Blotter> blotter() const { return m_blotter; }
    // The document as it would print now.
    QString reportHtml() const;
    // Writes the PDF and says so in the view's message; empty on success, else why not.
    QString saveTo(const QString &path);

public Q_SLOTS:
    void print();
    void saveAsPdf();

Q_SIGNALS:
    void loaded(const teller::Blotter &blotter);

private:
    void showBlotter(const teller::Blotter &blotter);
    void setMessage(const QString &text, bool problem);

    teller::TellerClient *m_client;
    teller::StaffInfo m_staff;
    QString m_till;
    quint64 m_request = 0;
    std::optional<teller::Blotter> m_blotter;

    QLabel *m_title;
    QTableWidget *m_lines;
    QTableWidget *m_totals;
    QLabel *m_message;
    QPushButton *m_print;
    QPushButton *m_save;
};
