#pragma once

#include "ActionExecutor.h"

#include <QDialog>
#include <QList>

namespace teller {
class TellerClient;
}
class QLabel;
class QPushButton;
class QTableWidget;

// After sign-in: the actions this workstation's journal still had open (a crash, a killed
// window, a lost connection), with what the server says about each now. Those the server
// never received can be resubmitted with their own key, or abandoned for good.
class ReconcileDialog : public QDialog
{
    Q_OBJECT

public:
    ReconcileDialog(teller::TellerClient *client, const QList<teller::ReconcileItem> &items, QWidget *parent = nullptr);

    static QString describe(const teller::JournalEntry &entry, const QLocale &locale);
    static QString nowText(const teller::Outcome &outcome, const QLocale &locale);

private:
    void updateButtons();
    void resubmit();
    void abandon();
    void showClientBusy();
    void onFinished(const teller::Outcome &outcome);
    int currentRow() const;

    teller::TellerClient *m_client;
    QList<teller::ReconcileItem> m_items;
    QTableWidget *m_table;
    QLabel *m_status;
    QPushButton *m_resubmit;
    QPushButton *m_abandon;
    QPushButton *m_checkAgain;
    int m_busyRow = -1;
};
