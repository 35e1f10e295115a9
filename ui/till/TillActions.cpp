#include "TillActions.h"

#include "BlotterDialog.h"

#include "TellerClient.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QWidget>

using namespace teller;

TillActions::TillActions(TellerClient *client, QWidget *window) : QObject(window), m_client(client), m_window(window)
{
    setObjectName(QStringLiteral("tillActions"));
    connect(client, &TellerClient::tillsLoaded, this, [this](quint64 id, const QList<TillInfo> &tills) {
        if (id != m_offerRequest)
            return;
        m_offerRequest = 0;
        // Only a till that exists and is closed is offered: a member who never had one in EUR
        // (a supervisor without a till) is not asked every morning.
        for (const TillInfo &t : tills)
            if (t.currency == defaultCurrency() && !t.open && !t.differencePending && !m_count)
                openCount(TillCountDialog::Mode::Open);
    });
    connect(client, &TellerClient::readFailed, this, [this](quint64 id) {
        if (id == m_offerRequest)
            m_offerRequest = 0; // the desk's till label says the till could not be read
    });
}

Currency TillActions::defaultCurrency()
{
    return *Currency::fromCode(u"EUR");
}

QMenu *TillActions::addMenu(QMenuBar *bar, QAction *before)
{
    // No Alt+letter: every letter of "Till" is taken on the desk (Alt+T the transfer's "To
    // account", Alt+I the search field, Alt+L the form's Details). F7, F8 and F9 reach its
    // items, F10 (or Alt) and the arrow keys the menu.
    //: The menu of the teller's own till. Only a mnemonic that is free on the desk in every
    //: form (in German e.g. "&Kasse": K is free there).
    auto *menu = new QMenu(tr("Till"), bar);
    menu->setObjectName(QStringLiteral("tillMenu"));
    if (before)
        bar->insertMenu(before, menu);
    else
        bar->addMenu(menu);
    auto *open = menu->addAction(tr("&Open till…"), this, [this] { openCount(TillCountDialog::Mode::Open); });
    open->setObjectName(QStringLiteral("openTillAction"));
    open->setShortcut(QKeySequence(Qt::Key_F7));
    auto *close = menu->addAction(tr("&Close till…"), this, [this] { openCount(TillCountDialog::Mode::Close); });
    close->setObjectName(QStringLiteral("closeTillAction"));
    close->setShortcut(QKeySequence(Qt::Key_F8));
    menu->addSeparator();
    auto *blotter = menu->addAction(tr("&Blotter…"), this, &TillActions::showBlotter);
    blotter->setObjectName(QStringLiteral("blotterAction"));
    blotter->setShortcut(QKeySequence(Qt::Key_F9));
    m_actions = {open, close, blotter};
    for (QAction *a : std::as_const(m_actions))
        a->setEnabled(false);
    return menu;
}

void TillActions::signedIn(const StaffInfo &staff, bool offerToOpen)
{
    m_staff = staff;
    m_signedIn = true;
    for (QAction *a : std::as_const(m_actions))
        a->setEnabled(true);
    m_offerRequest = offerToOpen ? m_client->loadTills() : 0;
}

void TillActions::signedOut()
{
    m_signedIn = false;
    m_offerRequest = 0;
    m_staff = {};
    for (QAction *a : std::as_const(m_actions))
        a->setEnabled(false);
    if (m_count)
        m_count->deleteLater();
    if (m_blotterDialog)
        m_blotterDialog->deleteLater();
}

TillCountDialog *TillActions::openCount(TillCountDialog::Mode mode)
{
    if (!m_signedIn)
        return nullptr;
    if (m_count) {
        // One count at a time: the one under way keeps its key.
        m_count->raise();
        m_count->activateWindow();
        return m_count;
    }
    auto *dialog = new TillCountDialog(m_client, mode, m_staff, defaultCurrency(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TillCountDialog::countRecorded, this, &TillActions::tillChanged);
    // Whatever happened, the desk shows the till as the server has it.
    connect(dialog, &QDialog::finished, this, &TillActions::tillChanged);
    m_count = dialog;
    dialog->open();
    return dialog;
}

BlotterDialog *TillActions::showBlotter()
{
    if (!m_signedIn)
        return nullptr;
    if (m_blotterDialog) {
        m_blotterDialog->raise();
        m_blotterDialog->activateWindow();
        return m_blotterDialog;
    }
    auto *dialog = new BlotterDialog(m_client, m_staff, defaultCurrency(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_blotterDialog = dialog;
    dialog->open();
    return dialog;
}
