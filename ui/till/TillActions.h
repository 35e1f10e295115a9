#pragma once

#include "BlotterDialog.h"
#include "Cash.h"
#include "Staff.h"
#include "TillCountDialog.h"

#include <QObject>
#include <QPointer>

namespace teller {
class TellerClient;
}
class QMenu;
class QMenuBar;
class QWidget;

// The window's Till menu: open the till (F7), close it (F8), the blotter (F9), each on the
// member's own till (EUR unless they choose another of their tills); and, after sign-in, the
// offer to open the EUR till when it is not open. Lives beside the main window, which only
// adds the menu and tells it of sign-in and sign-out.
class TillActions : public QObject
{
    Q_OBJECT

public:
    TillActions(teller::TellerClient *client, QWidget *window);

    // Adds the menu to the bar, before `before` (or at the end).
    QMenu *addMenu(QMenuBar *bar, QAction *before = nullptr);
    // After sign-in: reads the member's tills and, with `offerToOpen`, opens the till count when
    // the EUR till is not open (Esc: later).
    void signedIn(const teller::StaffInfo &staff, bool offerToOpen);
    // Closes what is open; nothing of the session is left.
    void signedOut();

    TillCountDialog *countDialog() const { return m_count; }
    BlotterDialog *blotterDialog() const { return m_blotterDialog; }
    // The currency the menu acts on first.
    static teller::Currency defaultCurrency();

public Q_SLOTS:
    TillCountDialog *openCount(TillCountDialog::Mode mode);
    BlotterDialog *showBlotter();

Q_SIGNALS:
    // A count was recorded: the till is open or closed now (the window reads its tills again).
    void tillChanged();

private:
    teller::TellerClient *m_client;
    QWidget *m_window;
    teller::StaffInfo m_staff;
    bool m_signedIn = false;
    quint64 m_offerRequest = 0;
    QPointer<TillCountDialog> m_count;
    QPointer<BlotterDialog> m_blotterDialog;
    QList<QAction *> m_actions;
};
