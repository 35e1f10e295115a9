#include "VaultMoveDialog.h"

#include "AmountValidator.h"
#include "Ui.h"

#include "TellerClient.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace teller;

namespace {
bool touchesTill(ActionKind kind)
{
    return kind == ActionKind::VaultToTill || kind == ActionKind::TillToVault;
}
} // namespace

VaultMoveDialog::VaultMoveDialog(TellerClient *client, ActionKind kind, const std::optional<TillInfo> &till,
                                 const QList<Currency> &currencies, const QMap<QString, Money> &vaultKnown, QWidget *parent)
    : QDialog(parent), m_client(client), m_kind(kind), m_till(touchesTill(kind) ? till : std::nullopt), m_vaultKnown(vaultKnown),
      m_key(IdempotencyKey::generate())
{
    setObjectName(QStringLiteral("vaultMoveDialog"));
    const QLocale l = locale();
    switch (kind) {
    case ActionKind::VaultToTill: setWindowTitle(tr("Send cash to a till")); break;
    case ActionKind::TillToVault: setWindowTitle(tr("Take cash back into the vault")); break;
    case ActionKind::VaultReceive: setWindowTitle(tr("Cash delivered to the vault")); break;
    default: setWindowTitle(tr("Cash sent out of the vault")); break;
    }

    m_what = new QLabel(this);
    m_what->setObjectName(QStringLiteral("vaultMoveWhat"));
    m_what->setWordWrap(true);
    QFont big = m_what->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_what->setFont(big);

    auto *form = new QFormLayout;
    if (m_till) {
        auto *tillNow = new QLabel(m_till->held.minorUnits()
                                       ? tr("%1 by the book, %2 of it held by operations waiting for a supervisor")
                                             .arg(m_till->cash.toDisplayWithCode(l), m_till->held.toDisplayWithCode(l))
                                       : tr("%1 by the book").arg(m_till->cash.toDisplayWithCode(l)),
                                   this);
        tillNow->setObjectName(QStringLiteral("vaultMoveTillNow"));
        tillNow->setWordWrap(true);
        form->addRow(tr("The till holds:"), tillNow);
    } else {
        m_currency = new QComboBox(this);
        m_currency->setObjectName(QStringLiteral("vaultCurrencyCombo"));
        for (const Currency &c : currencies)
            m_currency->addItem(c.code(), c.code());
        auto *currencyLabel = new QLabel(tr("C&urrency:"), this);
        currencyLabel->setBuddy(m_currency);
        form->addRow(currencyLabel, m_currency);
        connect(m_currency, &QComboBox::currentIndexChanged, this, [this] {
            m_amount->setCurrency(currency());
            update();
        });
    }
    m_amount = new AmountField(this);
    m_amount->setObjectName(QStringLiteral("vaultAmountEdit"));
    m_amount->setCurrency(currency());
    auto *amountLabel = new QLabel(tr("&Amount:"), this);
    amountLabel->setBuddy(m_amount);
    form->addRow(amountLabel, m_amount);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("vaultProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: %1;").arg(ui::Bad.name()));
    m_problem->setMinimumHeight(m_problem->fontMetrics().height()); // the buttons do not move
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("vaultSummary"));
    m_summary->setWordWrap(true);
    m_summary->setMinimumHeight(3 * m_summary->fontMetrics().lineSpacing()); // room for the summary: nothing moves as it grows
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("vaultOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outcome->setAccessibleName(tr("Outcome of the movement"));
    m_outcome->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_confirm = buttons->addButton(tr("&Move the cash"), QDialogButtonBox::ActionRole);
    m_confirm->setObjectName(QStringLiteral("vaultConfirmButton"));
    m_confirm->setDefault(true);
    m_confirm->setAutoDefault(true);
    m_back = buttons->addButton(QDialogButtonBox::Cancel);
    m_back->setObjectName(QStringLiteral("vaultBackButton"));
    m_back->setText(tr("&Back — move nothing"));
    connect(m_confirm, &QPushButton::clicked, this, &VaultMoveDialog::confirm);
    connect(m_back, &QPushButton::clicked, this, &VaultMoveDialog::reject);
    connect(m_amount, &AmountField::validityChanged, this, &VaultMoveDialog::update);
    connect(client, &TellerClient::actionFinished, this, &VaultMoveDialog::onFinished);
    ui::ignoreHeldEnter(m_amount);
    ui::ignoreHeldEnter(m_confirm);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_what);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_summary);
    layout->addWidget(m_outcome);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    update();
    ui::nameForAccessibility(this);
    m_amount->setFocus();
}

std::optional<Currency> VaultMoveDialog::currency() const
{
    if (m_till)
        return m_till->currency;
    if (m_currency && m_currency->currentIndex() >= 0)
        return Currency::fromCode(m_currency->currentData().toString());
    return std::nullopt;
}

QString VaultMoveDialog::description() const
{
    const QLocale l = locale();
    const auto amount = m_sent ? m_sent : m_amount->money();
    const QString what = amount ? amount->toDisplayWithCode(l) : tr("cash");
    const QString teller = m_till ? (m_till->ownerName.isEmpty() ? m_till->owner : m_till->ownerName) : QString();
    switch (m_kind) {
    case ActionKind::VaultToTill:
        return tr("%1 from the vault into %2's till %3").arg(what, teller, m_till ? m_till->number : QString());
    case ActionKind::TillToVault:
        return tr("%1 from %2's till %3 back into the vault").arg(what, teller, m_till ? m_till->number : QString());
    case ActionKind::VaultReceive: return tr("%1 delivered into the vault by cash-in-transit").arg(what);
    default: return tr("%1 sent out of the vault with cash-in-transit").arg(what);
    }
}

void VaultMoveDialog::update()
{
    const QLocale l = locale();
    const auto cur = currency();
    const QString teller = m_till ? (m_till->ownerName.isEmpty() ? m_till->owner : m_till->ownerName) : QString();
    switch (m_kind) {
    case ActionKind::VaultToTill:
        m_what->setText(tr("Send cash from the vault to %1's till %2 (%3)").arg(teller, m_till->number, m_till->currency.code()));
        break;
    case ActionKind::TillToVault:
        m_what->setText(tr("Take cash back from %1's till %2 (%3) into the vault").arg(teller, m_till->number, m_till->currency.code()));
        break;
    case ActionKind::VaultReceive: m_what->setText(tr("Cash delivered to the branch's vault by cash-in-transit")); break;
    default: m_what->setText(tr("Cash sent out of the branch's vault with cash-in-transit")); break;
    }
    if (m_state != State::Editing) {
        m_amount->setEnabled(false);
        if (m_currency)
            m_currency->setEnabled(false);
        return;
    }

    QString problem = m_amount->problem();
    const auto amount = m_amount->money();
    if (!cur)
        problem = tr("Choose a currency.");
    else if (amount && m_till && m_kind == ActionKind::TillToVault && amount->minorUnits() > m_till->available().minorUnits())
        problem = tr("The till has only %1 that is not held: take back at most that.").arg(m_till->available().toDisplayWithCode(l));
    m_problem->setText(problem);

    QString summary;
    if (amount && problem.isEmpty()) {
        const auto known = cur ? m_vaultKnown.constFind(cur->code()) : m_vaultKnown.cend();
        const QString vault = known != m_vaultKnown.cend() ? known->toDisplayWithCode(l) : QString();
        const auto after = [&](qint64 delta) { return Money(m_till->cash.minorUnits() + delta, m_till->currency).toDisplayWithCode(l); };
        switch (m_kind) {
        case ActionKind::VaultToTill:
            summary = tr("Moves %1 out of the vault into the till: the till will hold %2 by the book.")
                          .arg(amount->toDisplayWithCode(l), after(amount->minorUnits()));
            break;
        case ActionKind::TillToVault:
            summary = tr("Moves %1 out of the till into the vault: the till will hold %2 by the book.")
                          .arg(amount->toDisplayWithCode(l), after(-amount->minorUnits()));
            break;
        case ActionKind::VaultReceive: summary = tr("Books %1 into the vault.").arg(amount->toDisplayWithCode(l)); break;
        default: summary = tr("Books %1 out of the vault.").arg(amount->toDisplayWithCode(l)); break;
        }
        if (!vault.isEmpty())
            summary += u' ' + tr("The vault held %1 after the last movement made here.").arg(vault);
        summary += u' ' + tr("Enter moves it, Esc moves nothing.");
    } else if (!amount && problem.isEmpty()) {
        summary = tr("Type the amount, then press Enter.");
    }
    m_summary->setText(summary);
    m_confirm->setEnabled(amount.has_value() && problem.isEmpty());
}

void VaultMoveDialog::setState(State state)
{
    m_state = state;
    switch (state) {
    case State::Editing: break;
    case State::Sending:
    case State::Checking:
        m_confirm->setEnabled(false);
        m_back->setEnabled(false);
        break;
    case State::Retry:
        m_confirm->setText(tr("Send a&gain — the same movement, carried out once"));
        m_confirm->setEnabled(true);
        m_back->setEnabled(true);
        m_back->setText(tr("&Close — nothing was moved"));
        break;
    case State::InDoubt:
        m_confirm->setText(tr("Check a&gain"));
        m_confirm->setEnabled(true);
        m_back->setEnabled(true);
        m_back->setText(tr("&Close — check again later"));
        break;
    case State::Done:
        m_confirm->setText(tr("&Close"));
        m_confirm->setEnabled(true);
        m_back->hide();
        break;
    }
    update();
    if (m_confirm->isEnabled())
        m_confirm->setFocus();
}

void VaultMoveDialog::confirm()
{
    switch (m_state) {
    case State::Editing:
        if (!m_confirm->isEnabled())
            return;
        m_sent = m_amount->money();
        if (!m_sent)
            return;
        send();
        break;
    case State::Retry: send(); break;
    case State::InDoubt: check(); break;
    case State::Done: accept(); break;
    case State::Sending:
    case State::Checking: break;
    }
}

void VaultMoveDialog::send()
{
    const QString teller = m_till ? m_till->owner : QString();
    const State before = m_state;
    setState(State::Sending);
    showOutcome(tr("Moving %1…").arg(description()), palette().color(QPalette::WindowText));
    if (!m_client->moveVaultCash(m_key, m_kind, teller, *m_sent)) {
        setState(before == State::Editing ? State::Retry : before);
        showOutcome(tr("Another action of this window is still with the server; nothing was sent. Try again in a moment."), ui::Warn);
    }
}

void VaultMoveDialog::check()
{
    setState(State::Checking);
    showOutcome(tr("Asking the server about this movement (nothing is sent)…"), palette().color(QPalette::WindowText));
    if (!m_client->queryStatus(m_key)) {
        setState(State::InDoubt);
        showOutcome(tr("Another action of this window is still with the server; nothing was asked. Check again in a moment."), ui::Warn);
    }
}

void VaultMoveDialog::showOutcome(const QString &text, const QColor &colour)
{
    m_outcome->setText(text);
    m_outcome->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
    m_outcome->show();
}

QString VaultMoveDialog::outcomeText(const Outcome &o) const
{
    const QLocale l = locale();
    const QString notReported = tr("(not reported)");
    const QString till = o.tillAfter ? o.tillAfter->toDisplayWithCode(l) : notReported;
    const auto vaultCash = vaultAfter(o);
    const QString vault = vaultCash ? vaultCash->toDisplayWithCode(l) : notReported;
    switch (o.status) {
    case OutcomeStatus::Completed:
        if (touchesTill(m_kind))
            return tr("Done: %1. The till now holds %2; the vault %3.").arg(description(), till, vault);
        return tr("Done: %1. The vault now holds %2.").arg(description(), vault);
    case OutcomeStatus::Rejected: return tr("Refused: %1 Nothing was moved.").arg(reasonText(o.reason));
    case OutcomeStatus::InDoubt:
        return tr("Not confirmed: the answer never came, so the cash may or may not have moved. Do not count on either; "
                  "Check again asks the server about this very movement and sends nothing. (%1)")
            .arg(o.message);
    case OutcomeStatus::Busy:
        return tr("Busy: the till or the vault stayed locked by other work; nothing was moved. Send it again when you are ready.");
    case OutcomeStatus::Unknown:
        return tr("The server never received this movement: nothing was moved. Send it again (the same movement, carried out "
                  "once), or close.");
    case OutcomeStatus::KeyReused: return tr("The server refused it: its key belongs to another request. Nothing was moved.");
    case OutcomeStatus::Error:
        if (o.notSent)
            return tr("Not sent — nothing happened: %1").arg(o.message);
        return tr("It failed: %1").arg(o.message);
    default: return tr("The server says: %1.").arg(ui::operationStatusText(o.status));
    }
}

std::optional<Money> VaultMoveDialog::vaultAfter(const Outcome &o)
{
    if (o.vaultAfter)
        return o.vaultAfter;
    const bool vaultMove = o.kind == ActionKind::VaultReceive || o.kind == ActionKind::VaultShip || o.kind == ActionKind::VaultToTill
                           || o.kind == ActionKind::TillToVault;
    if (vaultMove && o.status == OutcomeStatus::Completed)
        return o.balanceAfter;
    return std::nullopt;
}

void VaultMoveDialog::onFinished(const Outcome &o)
{
    if (!(o.key == m_key) || (m_state != State::Sending && m_state != State::Checking))
        return;
    const bool wasInDoubt = m_state == State::Checking;
    QColor colour = ui::Warn;
    State next = State::Done;
    switch (o.status) {
    case OutcomeStatus::Completed: colour = ui::Good; break;
    case OutcomeStatus::Rejected:
    case OutcomeStatus::KeyReused: colour = ui::Bad; break;
    case OutcomeStatus::InDoubt: next = State::InDoubt; break;
    case OutcomeStatus::Busy:
    case OutcomeStatus::Unknown: next = State::Retry; break;
    case OutcomeStatus::Error:
        // A call that did nothing says nothing about an earlier one that went unanswered.
        next = wasInDoubt ? State::InDoubt : o.notSent ? State::Retry : State::Done;
        colour = ui::Bad;
        break;
    default: break;
    }
    setState(next);
    showOutcome(outcomeText(o), colour);
    Q_EMIT answered(o);
}

void VaultMoveDialog::reject()
{
    if (m_state == State::Sending || m_state == State::Checking)
        return; // the answer is on its way: it is shown here
    QDialog::reject();
}
