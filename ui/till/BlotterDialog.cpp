#include "BlotterDialog.h"

#include "BlotterView.h"
#include "Ui.h"

#include "TellerClient.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace teller;

BlotterDialog::BlotterDialog(TellerClient *client, const StaffInfo &staff, const Currency &currency, QWidget *parent)
    : QDialog(parent), m_client(client), m_preferred(currency)
{
    setObjectName(QStringLiteral("blotterDialog"));
    setWindowTitle(tr("Blotter"));
    m_currencyBox = new QComboBox(this);
    m_currencyBox->setObjectName(QStringLiteral("blotterCurrencyBox"));
    m_currencyBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *currencyLabel = new QLabel(tr("C&urrency:"), this);
    currencyLabel->setBuddy(m_currencyBox);
    m_note = new QLabel(tr("Reading your tills…"), this);
    m_note->setObjectName(QStringLiteral("blotterNote"));
    m_note->setWordWrap(true);
    m_view = new BlotterView(client, this);
    m_view->setStaff(staff);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(currencyLabel);
    top->addWidget(m_currencyBox);
    top->addWidget(m_note, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(860, 560);

    connect(m_currencyBox, &QComboBox::currentIndexChanged, this, &BlotterDialog::showCurrency);
    connect(client, &TellerClient::tillsLoaded, this, [this](quint64 id, const QList<TillInfo> &tills) {
        if (id != m_tillsRequest)
            return;
        m_tillsRequest = 0;
        m_tills = tills;
        if (tills.isEmpty()) {
            m_note->setText(tr("You have no till yet: open one first."));
            m_currencyBox->setEnabled(false);
            return;
        }
        const QSignalBlocker block(m_currencyBox);
        int index = 0;
        for (const TillInfo &t : tills) {
            if (t.currency == m_preferred)
                index = m_currencyBox->count();
            m_currencyBox->addItem(t.open ? tr("%1 — open").arg(t.currency.code()) : tr("%1 — not open").arg(t.currency.code()),
                                   t.currency.code());
        }
        m_currencyBox->setEnabled(tills.size() > 1);
        m_currencyBox->setCurrentIndex(index);
        showCurrency(index);
    });
    connect(client, &TellerClient::readFailed, this, [this](quint64 id, const Error &e) {
        if (id == m_tillsRequest) {
            m_tillsRequest = 0;
            m_note->setText(tr("Your tills could not be read: %1").arg(e.message));
        }
    });
    m_tillsRequest = client->loadTills();
    ui::nameForAccessibility(this);
    m_currencyBox->setFocus();
}

void BlotterDialog::showCurrency(int index)
{
    if (index < 0 || index >= m_tills.size())
        return;
    const TillInfo &t = m_tills.at(index);
    m_note->setText(t.open
                        ? tr("Till %1, open since %2.").arg(t.number, locale().toString(t.openedAt.toLocalTime(), QLocale::ShortFormat))
                        : tr("Till %1 is not open: the movements of its last session.").arg(t.number));
    m_view->load(t.currency, t.number);
}
