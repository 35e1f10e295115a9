#pragma once

#include "Cash.h"
#include "Staff.h"

#include <QDialog>

namespace teller {
class TellerClient;
}
class BlotterView;
class QComboBox;
class QLabel;

// The blotter on its own (Till > Blotter…): the session's movements of one of the member's
// tills, the currency chosen when they have several; printable and as a PDF.
class BlotterDialog : public QDialog
{
    Q_OBJECT

public:
    BlotterDialog(teller::TellerClient *client, const teller::StaffInfo &staff, const teller::Currency &currency,
                  QWidget *parent = nullptr);
    BlotterView *view() const { return m_view; }

private:
    void showCurrency(int index);

    teller::TellerClient *m_client;
    teller::Currency m_preferred;
    QList<teller::TillInfo> m_tills;
    quint64 m_tillsRequest = 0;
    QComboBox *m_currencyBox;
    QLabel *m_note;
    BlotterView *m_view;
};
