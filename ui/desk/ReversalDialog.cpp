#include "ReversalDialog.h"

#include "Ui.h"

#include "TellerClient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace teller;

namespace {
constexpr int MaxReasonLength = 500; // teller.request_reversal's bound
}

ReversalDialog::ReversalDialog(TellerClient *client, const AccountInfo &account, const OperationInfo &original, QWidget *parent)
    : QDialog(parent), m_client(client), m_account(account), m_original(original), m_key(IdempotencyKey::generate())
{
    setObjectName(QStringLiteral("reversalDialog"));
    setWindowTitle(tr("Reverse an operation"));
    const QLocale l = locale();

    auto *headline = new QLabel(tr("Reverse: %1").arg(describe(account, original, l)), this);
    headline->setObjectName(QStringLiteral("reversalSummary"));
    headline->setWordWrap(true);
    QFont big = headline->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    headline->setFont(big);

    const Money amount(std::abs(original.amount.minorUnits()), original.amount.currency());
    QString effect;
    if (original.kind == ActionKind::Withdrawal)
        effect = tr("%1 goes back into the account; the customer brings the cash back into your till.").arg(amount.toDisplayWithCode(l));
    else if (original.kind == ActionKind::Deposit)
        effect =
            tr("%1 comes out of the account again; the cash goes back to the customer from your till.").arg(amount.toDisplayWithCode(l));
    else
        effect = tr("%1 goes back from %2 to the account it came from.").arg(amount.toDisplayWithCode(l), original.counterparty);
    auto *effectLabel = new QLabel(effect + u' ' + tr("Nothing moves until a supervisor other than you approves it."), this);
    effectLabel->setObjectName(QStringLiteral("reversalEffect"));
    effectLabel->setWordWrap(true);

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reversalReasonEdit"));
    m_reason->setMaxLength(MaxReasonLength);
    m_reason->setPlaceholderText(tr("Required: the supervisor and the account's history see it"));
    auto *reasonLabel = new QLabel(tr("&Reason:"), this);
    reasonLabel->setBuddy(m_reason);
    auto *form = new QFormLayout;
    form->addRow(reasonLabel, m_reason);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reversalStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 2);

    auto *buttons = new QDialogButtonBox(this);
    m_confirm = buttons->addButton(tr("&Ask for the reversal"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmReversalButton"));
    m_confirm->setDefault(true);
    m_close = buttons->addButton(QDialogButtonBox::Cancel);
    m_close->setText(tr("&Back — reverse nothing"));
    m_close->setObjectName(QStringLiteral("closeReversalButton"));
    connect(m_confirm, &QPushButton::clicked, this, &ReversalDialog::send);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReversalDialog::reject);
    connect(m_reason, &QLineEdit::textChanged, this, &ReversalDialog::updateButton);
    connect(m_reason, &QLineEdit::returnPressed, this, &ReversalDialog::send);
    connect(client, &TellerClient::actionFinished, this, &ReversalDialog::onFinished);
    ui::ignoreHeldEnter(m_reason);
    ui::ignoreHeldEnter(m_confirm);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(headline);
    layout->addWidget(effectLabel);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    updateButton();
    ui::nameForAccessibility(this);
    setMinimumWidth(480);
    m_reason->setFocus();
}

bool ReversalDialog::canReverse(const OperationInfo &op)
{
    return op.status == OutcomeStatus::Completed && isCustomerAction(op.kind) && !op.key.isEmpty();
}

QString ReversalDialog::describe(const AccountInfo &account, const OperationInfo &op, const QLocale &l)
{
    const QString amount = Money(std::abs(op.amount.minorUnits()), op.amount.currency()).toDisplayWithCode(l);
    const QString who = QStringLiteral("%1 (%2)").arg(account.number, account.holder);
    const QString when = l.toString(op.at.toLocalTime(), QLocale::ShortFormat);
    if (op.kind == ActionKind::Withdrawal)
        return tr("withdrawal of %1 from %2 on %3").arg(amount, who, when);
    if (op.kind == ActionKind::Deposit)
        return tr("deposit of %1 into %2 on %3").arg(amount, who, when);
    return op.amount.minorUnits() < 0 ? tr("transfer of %1 from %2 to %3 on %4").arg(amount, who, op.counterparty, when)
                                      : tr("transfer of %1 from %2 to %3 on %4").arg(amount, op.counterparty, who, when);
}

void ReversalDialog::updateButton()
{
    m_confirm->setEnabled(!m_inFlight && (m_sent || !m_reason->text().trimmed().isEmpty()));
}

void ReversalDialog::send()
{
    if (m_inFlight || !m_confirm->isEnabled() || (m_outcome && m_outcome->isDefinitive() && m_outcome->status != OutcomeStatus::Error))
        return;
    const auto original = IdempotencyKey::parse(m_original.key);
    if (!original) {
        m_status->setText(original.error().message);
        return;
    }
    // Not confirmed before: only asked about, with the same key (it may be waiting already).
    const bool ask = m_outcome && (m_outcome->status == OutcomeStatus::InDoubt || m_outcome->status == OutcomeStatus::Busy);
    const bool started = ask ? m_client->queryStatus(m_key) : m_client->requestReversal(m_key, *original, m_reason->text().trimmed());
    if (!started) {
        m_status->setText(tr("Another operation is still being confirmed: try again once it is done."));
        return;
    }
    m_sent = true;
    m_inFlight = true;
    m_reason->setReadOnly(true);
    m_status->setStyleSheet({});
    m_status->setText(ask ? tr("Asking the server…") : tr("Sending…"));
    updateButton();
}

void ReversalDialog::onFinished(const Outcome &outcome)
{
    if (!m_inFlight || !(outcome.key == m_key))
        return;
    m_inFlight = false;
    // A question answered "never received" leaves what was known before: not sent.
    m_outcome = outcome;
    QString text;
    QColor colour = ui::Bad;
    bool done = false;
    switch (outcome.status) {
    case OutcomeStatus::PendingApproval:
        text = tr("Asked. The reversal waits for a supervisor; the account shows it once it is decided.");
        colour = ui::Warn;
        done = true;
        break;
    case OutcomeStatus::Completed:
        text = tr("Reversed.");
        colour = ui::Good;
        done = true;
        break;
    case OutcomeStatus::Rejected:
        text = tr("Not reversed: %1").arg(reasonText(outcome.reason));
        done = true;
        break;
    case OutcomeStatus::Expired:
        text = tr("Not reversed: no supervisor decided in time.");
        done = true;
        break;
    case OutcomeStatus::Abandoned:
        text = tr("Not reversed: the request was cancelled.");
        done = true;
        break;
    case OutcomeStatus::KeyReused:
        text = tr("Not reversed: %1").arg(outcome.message);
        done = true;
        break;
    case OutcomeStatus::InDoubt:
    case OutcomeStatus::Busy:
        text = tr("Not confirmed: the server did not answer. Check again before asking anew.");
        colour = ui::Warn;
        m_confirm->setText(tr("Check a&gain"));
        break;
    case OutcomeStatus::Unknown:
        text = tr("The server never received the request: nothing happened. Send it again, or go back.");
        m_outcome.reset(); // sent again with the same key
        m_confirm->setText(tr("&Send again"));
        break;
    case OutcomeStatus::Error:
        text = outcome.notSent ? tr("Not sent — nothing happened. Send it again once the server can be reached.")
                               : tr("Not reversed: %1").arg(outcome.message);
        m_confirm->setText(tr("&Send again"));
        break;
    }
    m_status->setText(text);
    m_status->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
    m_confirm->setVisible(!done);
    m_close->setText(done ? tr("&Close") : tr("&Back — reverse nothing"));
    updateButton();
    (done ? m_close : m_confirm)->setFocus();
}

void ReversalDialog::reject()
{
    if (m_inFlight)
        return; // with the server: its answer comes first
    if (m_outcome && (m_outcome->status == OutcomeStatus::InDoubt || m_outcome->status == OutcomeStatus::Busy)) {
        const auto answer = QMessageBox::question(this, tr("Leave it unconfirmed?"),
                                                  tr("The reversal may have reached the server and may be waiting for a "
                                                     "supervisor. Look at the account's operations before asking again."),
                                                  QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Close)
            return;
    }
    QDialog::reject();
}
