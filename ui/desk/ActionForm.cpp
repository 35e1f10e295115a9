#include "ActionForm.h"

#include "AmountValidator.h"
#include "ReviewDialog.h"
#include "Ui.h"

#include "TellerClient.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <utility>

using namespace teller;

namespace {
QLabel *problemLabel(QWidget *parent, const char *name, const QString &accessibleName)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QString::fromLatin1(name));
    l->setAccessibleName(accessibleName);
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: %1;").arg(ui::Bad.name()));
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}
} // namespace

ActionForm::ActionForm(ActionKind kind, TellerClient *client, QWidget *parent) : QWidget(parent), m_kind(kind), m_client(client)
{
    setObjectName(actionKindName(kind) + QStringLiteral("Form"));
    const bool transfer = kind == ActionKind::Transfer;

    m_accountLabel = new QLabel(this);
    m_accountLabel->setObjectName(QStringLiteral("accountLabel"));
    m_accountLabel->setWordWrap(true);
    m_accountProblem = problemLabel(this, "accountProblem", tr("Problem with the account"));

    auto *form = new QFormLayout;
    form->addRow(kind == ActionKind::Deposit ? tr("Into:") : tr("From:"), m_accountLabel);
    form->addRow(QString(), m_accountProblem);
    if (kind != ActionKind::Transfer) {
        m_tillInfo = new QLabel(this);
        m_tillInfo->setObjectName(QStringLiteral("tillInfo"));
        m_tillInfo->setWordWrap(true);
        m_tillInfo->setAccessibleName(tr("Your till"));
        form->addRow(tr("Till:"), m_tillInfo);
    }

    if (transfer) {
        m_targetEdit = new QLineEdit(this);
        m_targetEdit->setObjectName(QStringLiteral("targetEdit"));
        m_targetEdit->setMaxLength(40);
        m_targetEdit->setPlaceholderText(tr("Account number"));
        m_targetInfo = new QLabel(this);
        m_targetInfo->setObjectName(QStringLiteral("targetInfo"));
        m_targetInfo->setWordWrap(true);
        auto *label = new QLabel(tr("&To account:"), this);
        label->setBuddy(m_targetEdit);
        form->addRow(label, m_targetEdit);
        form->addRow(QString(), m_targetInfo);
        m_targetDebounce.setSingleShot(true);
        m_targetDebounce.setInterval(250);
        connect(&m_targetDebounce, &QTimer::timeout, this, &ActionForm::lookUpTarget);
        connect(m_targetEdit, &QLineEdit::textChanged, this, [this] {
            m_target.reset();
            m_targetRequest = 0;
            m_targetProblem.clear();
            m_targetDebounce.start();
            revalidate();
        });
        connect(m_targetEdit, &QLineEdit::returnPressed, this, [this] { m_amount->setFocus(); });
        connect(client, &TellerClient::accountLoaded, this,
                [this](quint64 id, const AccountInfo &account, const QList<OperationInfo> &) {
                    if (id != m_targetRequest)
                        return;
                    m_target = account;
                    revalidate();
                });
        connect(client, &TellerClient::accountNotFound, this, [this](quint64 id, const QString &) {
            if (id != m_targetRequest)
                return;
            m_target.reset();
            m_targetProblem = tr("There is no account with this number.");
            revalidate();
        });
        connect(client, &TellerClient::readFailed, this, [this](quint64 id, const Error &e) {
            if (id != m_targetRequest)
                return;
            m_target.reset();
            m_targetProblem = tr("The account could not be looked up: %1").arg(e.message);
            revalidate();
        });
    }

    m_amount = new AmountField(this);
    m_amount->setObjectName(QStringLiteral("amountEdit"));
    m_currencyLabel = new QLabel(this);
    m_currencyLabel->setObjectName(QStringLiteral("currencyLabel"));
    // An amount is a few digits: the field does not stretch across a wide screen.
    m_amount->setMaximumWidth(m_amount->fontMetrics().horizontalAdvance(QStringLiteral("0")) * 24 + 16);
    auto *amountRow = new QHBoxLayout;
    amountRow->addWidget(m_amount, 1);
    amountRow->addWidget(m_currencyLabel);
    amountRow->addStretch(1);
    auto *amountLabel = new QLabel(tr("&Amount:"), this);
    amountLabel->setBuddy(m_amount);
    form->addRow(amountLabel, amountRow);
    m_amountProblem = problemLabel(this, "amountProblem", tr("Problem with the amount"));
    // Its room is kept while it is empty: a message as the teller types never moves the fields
    // below it (two lines: the longest message at the window's smallest width).
    m_amountProblem->setFixedHeight(m_amountProblem->fontMetrics().lineSpacing() * 2 + 4);
    m_amountProblem->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->addRow(QString(), m_amountProblem);

    if (isCashAction(kind)) {
        // Large cash is recorded with the customer's identification: the row is always there
        // (the fields below never move), and takes input only from the bank's threshold on.
        m_idType = new QComboBox(this);
        m_idType->setObjectName(QStringLiteral("idTypeCombo"));
        for (IdDocument t :
             {IdDocument::IdCard, IdDocument::Passport, IdDocument::DrivingLicence, IdDocument::ResidencePermit, IdDocument::Other})
            m_idType->addItem(ui::idDocumentText(t), int(t));
        m_idNumber = new QLineEdit(this);
        m_idNumber->setObjectName(QStringLiteral("idNumberEdit"));
        m_idNumber->setMaxLength(40);
        m_idNumber->setAccessibleName(tr("Document number"));
        auto *idRow = new QHBoxLayout;
        idRow->addWidget(m_idType);
        idRow->addWidget(m_idNumber, 1);
        auto *idLabel = new QLabel(tr("ID docu&ment:"), this);
        idLabel->setBuddy(m_idType);
        form->addRow(idLabel, idRow);
        connect(m_idNumber, &QLineEdit::textChanged, this, &ActionForm::revalidate);
        connect(m_idType, &QComboBox::currentIndexChanged, this, &ActionForm::revalidate);
        connect(m_idNumber, &QLineEdit::returnPressed, this, &ActionForm::submit);
        connect(client, &TellerClient::cashRulesLoaded, this,
                [this](quint64 id, const Currency &currency, const QList<Denomination> &, const Money &threshold) {
                    onCashRules(id, currency, threshold);
                });
    }

    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setMaxLength(ActionRequest::MaxNoteLength);
    auto *noteLabel = new QLabel(tr("&Note:"), this);
    noteLabel->setBuddy(m_note);
    form->addRow(noteLabel, m_note);

    const QString verb = kind == ActionKind::Withdrawal ? tr("&Withdraw")
                         : kind == ActionKind::Deposit  ? tr("&Deposit")
                                                        : tr("T&ransfer");
    m_submit = new QPushButton(verb, this);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setIcon(QIcon(kind == ActionKind::Withdrawal ? QStringLiteral(":/teller/icons/withdraw.png")
                            : kind == ActionKind::Deposit  ? QStringLiteral(":/teller/icons/deposit.png")
                                                           : QStringLiteral(":/teller/icons/transfer.png")));
    m_submit->setToolTip(tr("Carry out the operation (Enter)"));
    m_clear = new QPushButton(tr("&Clear"), this);
    m_clear->setObjectName(QStringLiteral("clearButton"));
    m_clear->setToolTip(tr("Clear the form (Esc)"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_clear);
    buttons->addWidget(m_submit);

    // Where progress and the outcome are shown.
    m_outcomeFrame = new QFrame(this);
    m_outcomeFrame->setObjectName(QStringLiteral("outcomeFrame"));
    m_outcomeFrame->setFrameShape(QFrame::StyledPanel);
    m_progress = new QProgressBar(m_outcomeFrame);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_outcomeTitle = new QLabel(m_outcomeFrame);
    m_outcomeTitle->setObjectName(QStringLiteral("outcomeTitle"));
    m_outcomeTitle->setWordWrap(true);
    QFont big = m_outcomeTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_outcomeTitle->setFont(big);
    m_outcomeDetail = new QLabel(m_outcomeFrame);
    m_outcomeDetail->setObjectName(QStringLiteral("outcomeDetail"));
    m_outcomeDetail->setWordWrap(true);
    m_outcomeDetail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_outcomeDetail->setFocusPolicy(Qt::StrongFocus); // Tab reaches it: the key can be copied
    m_outcomeDetail->setAccessibleName(tr("Outcome details"));
    m_outcomeTitle->setAccessibleName(tr("Outcome"));
    // What the server or the network said, as it said it (in English, with addresses): for IT,
    // one key press away, never the teller's first reading. It is in the log too.
    m_technical = new QLabel(m_outcomeFrame);
    m_technical->setObjectName(QStringLiteral("technicalDetail"));
    m_technical->setWordWrap(true);
    m_technical->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_technical->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_technical->setVisible(false);
    m_technical->setAccessibleName(tr("Technical details"));
    m_technical->setFocusPolicy(Qt::StrongFocus); // Tab reaches it: it can be copied for IT
    m_technicalButton = new QPushButton(tr("Detai&ls"), m_outcomeFrame);
    m_technicalButton->setObjectName(QStringLiteral("technicalButton"));
    m_technicalButton->setCheckable(true);
    m_technicalButton->setToolTip(tr("What the server or the network said, for your IT staff"));
    m_technicalButton->setVisible(false);
    connect(m_technicalButton, &QPushButton::toggled, m_technical, &QWidget::setVisible);
    m_receipt = new QPushButton(tr("Show &receipt"), m_outcomeFrame);
    m_receipt->setObjectName(QStringLiteral("receiptButton"));
    m_checkAgain = new QPushButton(tr("Check a&gain"), m_outcomeFrame);
    m_checkAgain->setObjectName(QStringLiteral("checkAgainButton"));
    m_checkAgain->setToolTip(tr("Ask the server what became of the operation, by its key. Nothing is sent: if the "
                                "server never received it, you choose then."));
    m_abandon = new QPushButton(tr("A&bandon"), m_outcomeFrame);
    m_abandon->setObjectName(QStringLiteral("abandonButton"));
    m_abandon->setToolTip(tr("Give the operation up for good: it will never be carried out. If it already was, you "
                             "will see that instead."));
    m_sendNow = new QPushButton(tr("&Send now — the customer is here"), m_outcomeFrame);
    m_sendNow->setObjectName(QStringLiteral("sendNowButton"));
    m_sendNow->setToolTip(tr("The server never received the operation: send it now, with its key. It is carried out "
                             "once."));
    m_cancelNotReceived = new QPushButton(tr("Canc&el — nothing happened"), m_outcomeFrame);
    m_cancelNotReceived->setObjectName(QStringLiteral("cancelNotReceivedButton"));
    m_cancelNotReceived->setToolTip(tr("The server never received the operation: cancel it for good. It will never be "
                                       "carried out, even if it arrives late."));
    m_newOperation = new QPushButton(tr("New o&peration"), m_outcomeFrame);
    m_newOperation->setObjectName(QStringLiteral("newOperationButton"));
    m_newOperation->setToolTip(tr("Start a new operation (Esc)"));
    auto *outcomeButtons = new QHBoxLayout;
    outcomeButtons->addWidget(m_technicalButton);
    outcomeButtons->addStretch(1);
    outcomeButtons->addWidget(m_abandon);
    outcomeButtons->addWidget(m_cancelNotReceived);
    outcomeButtons->addWidget(m_sendNow);
    outcomeButtons->addWidget(m_checkAgain);
    outcomeButtons->addWidget(m_receipt);
    outcomeButtons->addWidget(m_newOperation);
    for (QPushButton *b : {m_receipt, m_checkAgain, m_abandon, m_sendNow, m_cancelNotReceived, m_newOperation})
        b->setAutoDefault(true); // Enter presses the focused button, outside a dialog too
    auto *outcomeLayout = new QVBoxLayout(m_outcomeFrame);
    outcomeLayout->addWidget(m_progress);
    outcomeLayout->addWidget(m_outcomeTitle);
    outcomeLayout->addWidget(m_outcomeDetail);
    outcomeLayout->addWidget(m_technical);
    outcomeLayout->addLayout(outcomeButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_outcomeFrame);
    layout->addStretch(1);

    // Enter held down must not press anything a second time (a new account's amount field, a
    // form that became editable again after a rejection, the buttons of the outcome).
    if (m_idNumber)
        ui::ignoreHeldEnter(m_idNumber);
    for (QWidget *w : {static_cast<QWidget *>(m_amount), static_cast<QWidget *>(m_note), static_cast<QWidget *>(m_receipt),
                       static_cast<QWidget *>(m_checkAgain), static_cast<QWidget *>(m_abandon), static_cast<QWidget *>(m_sendNow),
                       static_cast<QWidget *>(m_cancelNotReceived), static_cast<QWidget *>(m_newOperation)})
        ui::ignoreHeldEnter(w);
    if (m_targetEdit)
        ui::ignoreHeldEnter(m_targetEdit);

    connect(m_amount, &AmountField::validityChanged, this, &ActionForm::revalidate);
    connect(m_amount, &QLineEdit::returnPressed, this, &ActionForm::submit);
    connect(m_note, &QLineEdit::returnPressed, this, &ActionForm::submit);
    connect(m_submit, &QPushButton::clicked, this, &ActionForm::submit);
    connect(m_clear, &QPushButton::clicked, this, &ActionForm::cancel);
    connect(m_receipt, &QPushButton::clicked, this, [this] {
        if (m_outcome)
            Q_EMIT receiptRequested(*m_outcome, m_account && m_account->number == m_outcome->account ? m_account->holder : QString(),
                                    m_target && m_target->number == m_outcome->counterAccount ? m_target->holder : QString());
    });
    connect(m_checkAgain, &QPushButton::clicked, this, &ActionForm::checkAgain);
    connect(m_abandon, &QPushButton::clicked, this, &ActionForm::abandon);
    connect(m_sendNow, &QPushButton::clicked, this, &ActionForm::sendNow);
    connect(m_cancelNotReceived, &QPushButton::clicked, this, &ActionForm::cancelNotReceived);
    // The connection is back: an unconfirmed operation is asked about by itself (asked only,
    // never sent).
    connect(client, &TellerClient::connectionStateChanged, this, [this](bool connected) {
        if (connected && (m_state == State::Unconfirmed || m_state == State::Pending))
            m_followUp.start(0);
    });
    connect(m_newOperation, &QPushButton::clicked, this, &ActionForm::cancel);
    connect(client, &TellerClient::actionRetrying, this, &ActionForm::onRetrying);
    connect(client, &TellerClient::operationChanged, this, &ActionForm::onOperationChanged);
    m_followUp.setSingleShot(true);
    m_followUp.setInterval(300);
    connect(&m_followUp, &QTimer::timeout, this, [this] {
        if ((m_state != State::Pending && m_state != State::Unconfirmed) || !m_action)
            return;
        const State from = m_state;
        if (!m_client->queryStatus(m_action->key)) {
            m_followUp.start(); // another operation is with the server: ask once it is done
            return;
        }
        startedCall(from, tr("Asking the server…"));
    });
    connect(client, &TellerClient::actionFinished, this, &ActionForm::onFinished);

    setState(State::Editing);
    setAccount(std::nullopt);
}

void ActionForm::setStaff(const StaffInfo &staff)
{
    m_staff = staff;
    revalidate();
}

void ActionForm::setTills(const std::optional<QList<TillInfo>> &tills)
{
    m_tills = tills;
    revalidate();
}

void ActionForm::onCashRules(quint64 id, const Currency &currency, const Money &threshold)
{
    // Any form's answer will do: the bank's rule is the same for every form.
    Q_UNUSED(id);
    m_largeCash.insert(currency.code(), threshold);
    revalidate();
}

std::optional<Money> ActionForm::largeCashThreshold() const
{
    if (!m_idType || !m_account)
        return std::nullopt;
    const auto it = m_largeCash.constFind(m_account->currency().code());
    if (it == m_largeCash.constEnd())
        return std::nullopt;
    return *it;
}

bool ActionForm::needsIdentification() const
{
    const auto threshold = largeCashThreshold();
    const auto amount = m_amount->money();
    return threshold && amount && threshold->minorUnits() > 0 && amount->minorUnits() >= threshold->minorUnits();
}

std::optional<TillInfo> ActionForm::tillForAccount() const
{
    if (!m_tills || !m_account)
        return std::nullopt;
    for (const TillInfo &t : *m_tills)
        if (t.currency == m_account->currency())
            return t;
    return std::nullopt;
}

void ActionForm::setAccount(const std::optional<AccountInfo> &account)
{
    // Refreshing the same account (new balance) keeps what was typed. Another account does not
    // change a form that holds an action; any other form starts afresh: an amount or a transfer's
    // target typed for one customer is never carried out on another's account, and the outcome
    // of the last customer's operation ("pay out 10.00") is never shown under the next one's name.
    const bool otherAccount = account.has_value() != m_account.has_value() || (account && account->id != m_account->id);
    if (otherAccount && holdsUnfinishedAction())
        return;
    if (otherAccount)
        reset();
    m_account = account;
    if (account) {
        m_accountLabel->setText(QStringLiteral("<b>%1</b> — %2<br>%3: %4")
                                    .arg(account->number.toHtmlEscaped(), account->holder.toHtmlEscaped(), tr("Available"),
                                         account->available().toDisplayWithCode(locale())));
        m_amount->setCurrency(account->currency());
        m_currencyLabel->setText(account->currency().code());
        if (m_idType && !m_largeCash.contains(account->currency().code()))
            m_rulesRequest = m_client->loadCashRules(account->currency());
    } else {
        m_accountLabel->setText(tr("No account selected. Find one with Ctrl+F."));
        m_amount->setCurrency(std::nullopt);
        m_currencyLabel->clear();
    }
    revalidate();
}

void ActionForm::focusEntry()
{
    if (m_state != State::Editing) {
        // Never a button that sends: the safe choice has the focus.
        (m_state == State::NotReceived ? m_cancelNotReceived : m_checkAgain->isVisible() ? m_checkAgain : m_newOperation)->setFocus();
        return;
    }
    if (m_targetEdit && m_targetEdit->text().isEmpty())
        m_targetEdit->setFocus();
    else
        m_amount->setFocus();
}

QString ActionForm::describeUnfinished() const
{
    if (!holdsUnfinishedAction() || !m_action)
        return {};
    const ActionRequest &r = m_action->request;
    const QString amount = r.amount().toDisplayWithCode(locale());
    const QString account = m_account && m_account->number == r.account() ? QStringLiteral("%1 (%2)").arg(r.account(), m_account->holder)
                                                                          : r.account();
    const QString what = m_kind == ActionKind::Withdrawal ? tr("Withdrawal of %1 from %2").arg(amount, account)
                         : m_kind == ActionKind::Deposit  ? tr("Deposit of %1 into %2").arg(amount, account)
                                                          : tr("Transfer of %1 from %2 to %3").arg(amount, account, payee());
    if (m_state == State::Pending)
        return m_kind == ActionKind::Withdrawal ? tr("%1: waits for a supervisor — do not pay out yet.").arg(what)
               : m_kind == ActionKind::Deposit  ? tr("%1: waits for a supervisor — not booked yet; keep the cash apart.").arg(what)
                                                : tr("%1: waits for a supervisor — not carried out yet.").arg(what);
    if (m_state == State::NotReceived)
        return tr("%1: never reached the server — nothing happened.").arg(what);
    return m_kind == ActionKind::Withdrawal ? tr("%1: not confirmed — do not pay out.").arg(what)
           : m_kind == ActionKind::Deposit  ? tr("%1: not confirmed — keep the cash apart until it is settled.").arg(what)
                                            : tr("%1: not confirmed — tell the customer it is not confirmed yet.").arg(what);
}

QString ActionForm::payee() const
{
    // The account the transfer went to, with its holder when this form looked it up.
    const QString number = m_outcome && !m_outcome->counterAccount.isEmpty() ? m_outcome->counterAccount
                           : m_action                                        ? m_action->request.counterAccount()
                                                                             : QString();
    if (m_target && m_target->number == number)
        return QStringLiteral("%1 (%2)").arg(number, m_target->holder);
    return number;
}

QString ActionForm::describeTarget() const
{
    if (!m_target)
        return {};
    return QStringLiteral("%1 — %2 (%3)").arg(m_target->holder, m_target->currency().code(), ui::accountStatusText(m_target->status));
}

void ActionForm::lookUpTarget()
{
    if (!m_targetEdit)
        return;
    auto number = normalizeAccountNumber(m_targetEdit->text());
    if (!number) {
        m_targetInfo->setText(m_targetEdit->text().trimmed().isEmpty() ? QString() : number.error().message);
        m_targetInfo->setStyleSheet(QStringLiteral("color: %1;").arg(ui::Bad.name()));
        return;
    }
    m_targetInfo->setText(tr("Looking up…"));
    m_targetInfo->setStyleSheet({});
    m_targetProblem.clear();
    m_targetRequest = m_client->loadAccount(*number);
}

void ActionForm::revalidate()
{
    const bool debit = m_kind != ActionKind::Deposit;
    QString accountProblem;
    if (m_account) {
        if (m_account->status == AccountStatus::Closed)
            accountProblem = reasonText(QStringLiteral("account_closed"));
        else if (debit && m_account->status == AccountStatus::Frozen)
            accountProblem = reasonText(QStringLiteral("account_frozen"));
    }
    m_accountProblem->setText(accountProblem);
    m_accountProblem->setVisible(!accountProblem.isEmpty());

    // Cash moves the teller's own till: said before sending, and refused here when the server
    // would refuse it (a till not open, not enough cash in it).
    bool tillOk = true;
    std::optional<TillInfo> till;
    if (m_tillInfo) {
        till = tillForAccount();
        QString text;
        QColor colour = palette().color(QPalette::WindowText);
        if (!m_account) {
            text.clear();
        } else if (!m_tills) {
            text = tr("Reading your till…");
        } else if (!till || !till->open) {
            text = tr("Your %1 till is not open: no cash can go out or come in. Open it first.").arg(m_account->currency().code());
            colour = ui::Bad;
            tillOk = false;
        } else {
            text = m_kind == ActionKind::Withdrawal
                       ? tr("Paid out in cash from your till (%1 in it).").arg(till->available().toDisplayWithCode(locale()))
                       : tr("Taken in as cash into your till (%1 in it).").arg(till->available().toDisplayWithCode(locale()));
        }
        m_tillInfo->setText(text);
        m_tillInfo->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
    }

    bool targetOk = true;
    if (m_targetEdit) {
        targetOk = false;
        QString info;
        QColor colour = ui::Bad;
        if (m_targetEdit->text().trimmed().isEmpty()) {
            info.clear();
        } else if (auto number = normalizeAccountNumber(m_targetEdit->text()); !number) {
            info = number.error().message;
        } else if (m_account && *number == m_account->number) {
            info = tr("A transfer needs two different accounts.");
        } else if (!m_target && !m_targetProblem.isEmpty()) {
            info = m_targetProblem;
        } else if (!m_target) {
            info = m_targetRequest ? tr("Looking up…") : QString();
            colour = palette().color(QPalette::WindowText);
        } else if (m_target->status == AccountStatus::Closed) {
            info = describeTarget() + QStringLiteral(": ") + reasonText(QStringLiteral("account_closed"));
        } else if (m_account && !(m_target->currency() == m_account->currency())) {
            info = describeTarget() + QStringLiteral(": ") + reasonText(QStringLiteral("currency_mismatch"));
        } else {
            info = describeTarget();
            colour = ui::Good;
            targetOk = true;
        }
        m_targetInfo->setText(info);
        m_targetInfo->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
    }

    QString amountNote = m_amount->problem();
    QColor amountColour = ui::Bad;
    bool overAvailable = false;
    if (amountNote.isEmpty() && m_amount->money() && m_account && debit) {
        const Money amount = *m_amount->money();
        const Money room(m_account->available().minorUnits() - m_account->floor.minorUnits(), m_account->currency());
        if (m_kind == ActionKind::Withdrawal && till && till->open && amount.minorUnits() > till->available().minorUnits()) {
            amountNote = tr("Your till holds only %1: ask a supervisor for cash from the vault.")
                             .arg(till->available().toDisplayWithCode(locale()));
            overAvailable = true;
        } else if (amount.minorUnits() > room.minorUnits()) {
            // Sending it would only write a refusal into the customer's history.
            amountNote = tr("More than the available %1. If money came in meanwhile, refresh the account (F5).")
                             .arg(room.toDisplayWithCode(locale()));
            overAvailable = true;
        } else if (m_staff && m_staff->approvalLimit
                   && (!(m_staff->approvalLimit->currency() == amount.currency())
                       || amount.minorUnits() > m_staff->approvalLimit->minorUnits())) {
            amountNote = tr("Above your approval limit of %1: a supervisor must approve it.")
                             .arg(m_staff->approvalLimit->toDisplayWithCode(locale()));
            amountColour = ui::Warn;
        }
    }
    bool idOk = true;
    if (m_idType) {
        const bool needed = needsIdentification();
        const bool editing = m_state == State::Editing;
        m_idType->setEnabled(needed && editing);
        m_idNumber->setEnabled(needed && editing);
        const auto threshold = largeCashThreshold();
        m_idNumber->setPlaceholderText(needed      ? tr("Document number")
                                       : threshold ? tr("Needed from %1 on").arg(threshold->toDisplayWithCode(locale()))
                                                   : QString());
        if (needed) {
            const auto id = CustomerId::create(IdDocument(m_idType->currentData().toInt()), m_idNumber->text().trimmed());
            idOk = bool(id);
            if (!id && amountNote.isEmpty()) {
                amountNote = m_idNumber->text().trimmed().isEmpty()
                                 ? tr("From %1 on, cash needs the customer's identification: the document's type and number.")
                                       .arg(threshold->toDisplayWithCode(locale()))
                                 : id.error().message;
                amountColour = ui::Warn;
            }
        }
    }
    m_amountProblem->setText(amountNote);
    m_amountProblem->setStyleSheet(QStringLiteral("color: %1;").arg(amountColour.name()));
    m_amountProblem->setVisible(true);

    m_valid = m_account && accountProblem.isEmpty() && targetOk && tillOk && idOk && m_amount->money().has_value() && !overAvailable;
    m_submit->setEnabled(m_valid && m_state == State::Editing);
}

void ActionForm::setState(State state)
{
    m_state = state;
    const bool editing = state == State::Editing;
    m_amount->setReadOnly(!editing);
    m_note->setReadOnly(!editing);
    if (m_targetEdit)
        m_targetEdit->setReadOnly(!editing);
    if (m_idType) {
        const bool needed = editing && needsIdentification();
        m_idType->setEnabled(needed);
        m_idNumber->setEnabled(needed);
    }
    m_submit->setEnabled(editing && m_valid);
    m_clear->setEnabled(editing);
    m_progress->setVisible(state == State::InFlight);
    m_outcomeFrame->setVisible(!editing || m_outcome.has_value());
    m_checkAgain->setVisible(state == State::Unconfirmed || state == State::Pending);
    m_abandon->setVisible(state == State::Unconfirmed);
    m_sendNow->setVisible(state == State::NotReceived);
    m_cancelNotReceived->setVisible(state == State::NotReceived);
    m_newOperation->setVisible(state == State::Finished || state == State::Pending);
    m_receipt->setVisible(state == State::Finished && m_outcome && m_outcome->status == OutcomeStatus::Completed);
    Q_EMIT stateChanged(state);
}

void ActionForm::submit()
{
    // Only an editable, valid form makes an action; once made, the button and the fields are
    // locked before control returns to the event loop, so a second click or a held Enter key
    // finds nothing to press.
    if (m_state != State::Editing || !m_valid || !m_account || !m_amount->money() || m_reviewing)
        return;
    auto made = request();
    if (!made) {
        m_amountProblem->setText(made.error().message);
        m_amountProblem->setVisible(true);
        return;
    }
    if (needsReview(made->amount())) {
        review(*made);
        return;
    }
    m_action = Action::create(*made);
    m_outcome.reset();
    send();
}

Result<ActionRequest> ActionForm::request() const
{
    std::optional<CustomerId> id;
    if (needsIdentification()) {
        auto made = CustomerId::create(IdDocument(m_idType->currentData().toInt()), m_idNumber->text().trimmed());
        if (!made)
            return fail(made.error());
        id = *made;
    }
    return ActionRequest::create(m_kind, m_account->number, m_targetEdit ? m_targetEdit->text() : QString(), *m_amount->money(),
                                 m_note->text(), id);
}

bool ActionForm::needsReview(const Money &amount) const
{
    qint64 from = m_reviewFrom;
    for (int i = 0; i < amount.currency().exponent(); ++i)
        from *= 10;
    return amount.minorUnits() >= from;
}

void ActionForm::review(const ActionRequest &r)
{
    // Said as the teller will say it to the customer: what moves, how much, whose money.
    const QLocale l = locale();
    const QString amount = r.amount().toDisplayWithCode(l);
    const QString account = QStringLiteral("%1 (%2)").arg(r.account(), m_account->holder);
    QString headline, confirm;
    QList<ReviewDialog::Fact> facts;
    if (m_kind == ActionKind::Withdrawal) {
        headline = tr("Pay out %1 in cash from %2?").arg(amount, account);
        confirm = tr("&Withdraw %1").arg(amount);
    } else if (m_kind == ActionKind::Deposit) {
        headline = tr("Take in %1 in cash into %2?").arg(amount, account);
        confirm = tr("&Deposit %1").arg(amount);
    } else {
        const QString to = m_target && m_target->number == r.counterAccount()
                               ? QStringLiteral("%1 (%2)").arg(r.counterAccount(), m_target->holder)
                               : r.counterAccount();
        headline = tr("Transfer %1 from %2 to %3?").arg(amount, account, to);
        confirm = tr("T&ransfer %1").arg(amount);
        facts << ReviewDialog::Fact{tr("Payee:"), to};
    }
    facts << ReviewDialog::Fact{tr("Amount:"), amount};
    facts << ReviewDialog::Fact{tr("Account:"), account};
    if (const auto till = tillForAccount(); till && isCashAction(m_kind)) {
        const qint64 sign = m_kind == ActionKind::Withdrawal ? -1 : 1;
        const Money after(till->available().minorUnits() + sign * r.amount().minorUnits(), till->currency);
        facts << ReviewDialog::Fact{tr("Your till:"),
                                    tr("%1 now, %2 after").arg(till->available().toDisplayWithCode(l), after.toDisplayWithCode(l))};
    }
    if (r.customerId())
        facts << ReviewDialog::Fact{tr("Identification:"),
                                    QStringLiteral("%1 %2").arg(ui::idDocumentText(r.customerId()->type), r.customerId()->number)};
    if (!r.note().isEmpty())
        facts << ReviewDialog::Fact{tr("Note:"), r.note()};
    if (m_staff && m_staff->approvalLimit
        && (!(m_staff->approvalLimit->currency() == r.amount().currency())
            || r.amount().minorUnits() > m_staff->approvalLimit->minorUnits()))
        facts << ReviewDialog::Fact{tr("Approval:"), tr("above your limit: it waits for a supervisor before anything moves")};

    auto *dialog = new ReviewDialog(headline, facts, confirm, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_reviewing = true;
    connect(dialog, &QDialog::finished, this, [this, r](int result) {
        m_reviewing = false;
        // Sent only as confirmed: the same account, nothing changed meanwhile.
        if (result != QDialog::Accepted || m_state != State::Editing || !m_account || m_account->number != r.account()) {
            focusEntry();
            return;
        }
        m_action = Action::create(r);
        m_outcome.reset();
        send();
    });
    dialog->open();
}

void ActionForm::send()
{
    if (!m_action)
        return;
    if (!m_client->submit(*m_action)) {
        // Another form's action is still with the server. A fresh action that never left:
        // nothing happened, the form stays as it was.
        m_action.reset();
        setState(State::Editing);
        m_outcomeTitle->setText(tr("Another operation is still being confirmed. Wait for it, then submit again."));
        m_outcomeTitle->setStyleSheet({});
        m_outcomeDetail->clear();
        m_outcomeFrame->setVisible(true);
        return;
    }
    startedCall(State::Editing, tr("Sending…"));
    m_outcomeDetail->setText(tr("Operation key %1").arg(m_action->key.toString()));
}

void ActionForm::startedCall(State from, const QString &title)
{
    m_callFrom = from;
    setState(State::InFlight);
    m_outcomeTitle->setText(title);
    m_outcomeTitle->setStyleSheet({});
}

void ActionForm::showClientBusy()
{
    // The unconfirmed action stays as it is, with its key; nothing was sent.
    m_outcomeTitle->setText(m_state == State::NotReceived
                                ? tr("Not sent — another operation is still being confirmed: try again once it is done.")
                                : tr("Not confirmed — do not pay out yet. Another operation is still being confirmed: "
                                     "try again once it is done."));
    m_outcomeTitle->setStyleSheet(QStringLiteral("color: %1;").arg(ui::Warn.name()));
    focusEntry();
}

void ActionForm::checkAgain()
{
    if (!m_action)
        return;
    if (m_state == State::Pending) {
        m_followUp.start(0);
        return;
    }
    if (m_state == State::Unconfirmed)
        askAboutUnconfirmed();
}

void ActionForm::askAboutUnconfirmed()
{
    // Only asks: the server's record of the key, never the operation itself. A customer who
    // left meanwhile is never debited by a question.
    if (m_state != State::Unconfirmed || !m_action)
        return;
    if (!m_client->queryStatus(m_action->key)) {
        showClientBusy();
        return;
    }
    startedCall(State::Unconfirmed, tr("Asking the server…"));
}

void ActionForm::sendNow()
{
    if (m_state != State::NotReceived || !m_action)
        return;
    // The same action, the same key: carried out once, however often this is pressed.
    if (!m_client->submit(*m_action)) {
        showClientBusy();
        return;
    }
    startedCall(State::NotReceived, tr("Sending…"));
}

void ActionForm::cancelNotReceived()
{
    // The server never had it: cancelling leaves a tombstone, so a copy that arrives late
    // is never carried out. No question: nothing happened, and nothing will.
    if (m_state != State::NotReceived || !m_action)
        return;
    if (!startAbandon())
        showClientBusy();
}

bool ActionForm::startAbandon()
{
    const State from = m_state;
    if (!m_client->abandon(m_action->key))
        return false;
    startedCall(from, tr("Cancelling…"));
    return true;
}

void ActionForm::abandon()
{
    if (m_state != State::Unconfirmed || !m_action)
        return;
    const auto answer = QMessageBox::question(this, tr("Abandon the operation?"),
                                              tr("The operation (key %1) will never be carried out. If it already was, "
                                                 "you will see that instead. Abandon it?")
                                                  .arg(m_action->key.toString()));
    if (answer != QMessageBox::Yes || m_state != State::Unconfirmed || !m_action)
        return;
    if (!startAbandon())
        showClientBusy();
}

void ActionForm::cancel()
{
    if (m_state == State::Pending && m_action) {
        // The operation stays held on the server and the supervisor's decision still applies:
        // leave it only knowingly.
        const auto answer = QMessageBox::question(
            this, tr("Stop waiting for the supervisor?"),
            tr("The operation (key %1) stays held until a supervisor approves or rejects it, and that decision "
               "still applies. This form will no longer show it: the outcome will be in the account's recent "
               "operations. Do not pay out before you see it there.\n\nStart a new operation?")
                .arg(m_action->key.toString()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes || m_state != State::Pending)
            return; // declined, or the decision came in meanwhile and is shown
    }
    if (m_state == State::Editing || m_state == State::Finished || m_state == State::Pending) {
        reset();
        focusEntry();
    }
    // In flight or unconfirmed: nothing to cancel; the action must be settled first.
}

void ActionForm::reset()
{
    if (m_state == State::InFlight)
        return;
    m_followUp.stop();
    m_action.reset();
    m_outcome.reset();
    setState(State::Editing);
    m_amount->clear();
    m_note->clear();
    if (m_idNumber) {
        m_idNumber->clear();
        m_idType->setCurrentIndex(0);
    }
    if (m_targetEdit) {
        m_targetEdit->clear();
        m_targetDebounce.stop();
        m_target.reset();
        m_targetRequest = 0;
        m_targetProblem.clear();
        revalidate();
    }
    m_outcomeTitle->clear();
    m_outcomeDetail->clear();
    m_technical->clear();
    m_technicalButton->setChecked(false);
    m_technicalButton->setVisible(false);
    m_outcomeFrame->setVisible(false);
}

void ActionForm::onOperationChanged(const OperationEvent &event)
{
    // The supervisor decided (or time ran out): fetch the outcome at once.
    if (m_state != State::Pending || !m_action || !event.key || !(*event.key == m_action->key))
        return;
    if (event.status == OutcomeStatus::PendingApproval)
        return;
    // The payload says only that the status changed; who decided, and why, comes with the
    // status the server answers to this teller's own question.
    m_followUp.start(0);
}

void ActionForm::onRetrying(const IdempotencyKey &key, const RetryNotice &notice)
{
    if (!m_action || !(key == m_action->key) || m_state != State::InFlight)
        return;
    m_outcomeTitle->setText(tr("%1 — retrying, attempt %2 of %3")
                                .arg(notice.message, QString::number(notice.nextAttempt), QString::number(notice.maxAttempts)));
    m_outcomeTitle->setStyleSheet(QStringLiteral("color: %1;").arg(ui::Warn.name()));
}

void ActionForm::onFinished(const Outcome &outcome)
{
    if (!m_action || !(outcome.key == m_action->key) || m_state != State::InFlight)
        return;
    showOutcome(outcome);
}

void ActionForm::showOutcome(const Outcome &outcome)
{
    // What the call was about: a fresh operation, or one that was already unresolved (asked
    // about, cancelled, sent again). A call that failed says nothing about the latter.
    const State from = std::exchange(m_callFrom, State::Editing);
    const bool wasUnresolved = from == State::Unconfirmed || from == State::NotReceived;
    m_outcome = outcome;
    QString title, detail, technical;
    QColor colour = ui::Bad;
    const QLocale l = locale();
    const QString amount = outcome.amount ? outcome.amount->toDisplayWithCode(l)
                                          : (m_action ? m_action->request.amount().toDisplayWithCode(l) : QString());
    std::optional<State> next; // where the form goes; by default from the outcome's finality
    switch (outcome.status) {
    case OutcomeStatus::Completed:
        colour = ui::Good;
        if (!outcome.decidedBy.isEmpty())
            title = m_kind == ActionKind::Withdrawal ? tr("Approved by %1 — pay out %2").arg(outcome.decider(), amount)
                    : m_kind == ActionKind::Deposit
                        ? tr("Approved by %1 — %2 paid in").arg(outcome.decider(), amount)
                        : tr("Approved by %1 — %2 transferred to %3").arg(outcome.decider(), amount, payee());
        else
            title = m_kind == ActionKind::Withdrawal ? tr("Completed — pay out %1").arg(amount)
                    : m_kind == ActionKind::Deposit  ? tr("Completed — %1 paid in").arg(amount)
                                                     : tr("Completed — %1 transferred to %2").arg(amount, payee());
        if (outcome.balanceAfter)
            detail = tr("Balance after: %1").arg(outcome.balanceAfter->toDisplayWithCode(l));
        // The answer came from the server's record (asked again, or sent again): say when it
        // was carried out, once. A decision is news of its own and needs no such line.
        if (outcome.replayed && outcome.decidedBy.isEmpty() && outcome.executedAt.isValid())
            detail += u'\n'
                      + tr("Carried out once, at %1 (the server's record).")
                            .arg(l.toString(outcome.executedAt.toLocalTime(), QLocale::ShortFormat));
        break;
    case OutcomeStatus::Rejected:
        title = outcome.decidedBy.isEmpty()      ? tr("Rejected — %1").arg(reasonText(outcome.reason))
                : outcome.decisionNote.isEmpty() ? tr("Rejected by %1").arg(outcome.decider())
                                                 : tr("Rejected by %1: %2").arg(outcome.decider(), outcome.decisionNote);
        detail = tr("Nothing was paid or booked.");
        break;
    case OutcomeStatus::PendingApproval:
        colour = ui::Warn;
        title = tr("Waiting for a supervisor — do not pay out yet");
        detail = tr("%1 is held on the account until a supervisor approves or rejects it.").arg(amount);
        break;
    case OutcomeStatus::Busy:
    case OutcomeStatus::InDoubt:
        colour = ui::Warn;
        if (from == State::Pending) {
            // Only the question failed: the operation still waits for its supervisor.
            title = tr("Waiting for a supervisor — do not pay out yet");
            detail = tr("The server could not be asked just now. It is asked again as soon as the connection is back.");
            technical = outcome.message;
            next = State::Pending;
            break;
        }
        if (wasUnresolved && from == State::Unconfirmed && outcome.status == OutcomeStatus::InDoubt) {
            title = tr("Still not confirmed — do not pay out yet");
            detail = tr("The server could not be asked. It is asked again as soon as the connection is back.");
        } else if (outcome.status == OutcomeStatus::Busy) {
            title = tr("The account is locked by another operation — not confirmed");
            detail = tr("Another operation kept the account busy the whole time. Check again in a moment.");
            technical = outcome.message;
        } else {
            title = tr("Not confirmed — do not pay out yet");
            detail = tr("The connection broke while the operation was on its way, so it may or may not have been carried "
                        "out. It is asked about as soon as the connection is back.");
            technical = outcome.message;
        }
        next = State::Unconfirmed;
        break;
    case OutcomeStatus::Expired: title = tr("The approval did not come in time; the hold was released."); break;
    case OutcomeStatus::Abandoned:
        title = from == State::NotReceived ? tr("Cancelled — nothing was paid or booked.")
                                           : tr("This operation was abandoned; it will never be carried out.");
        break;
    case OutcomeStatus::KeyReused: title = tr("The server refused the operation key (used for another operation)."); break;
    case OutcomeStatus::Unknown:
        // Asked, and the server never received the key: nothing happened. The teller decides.
        colour = ui::Warn;
        title = tr("The server never received this operation — nothing happened");
        detail = tr("If the customer is still here, send it now: it is carried out once. If the customer has left, "
                    "cancel it: it will never be carried out.");
        next = State::NotReceived;
        break;
    case OutcomeStatus::Error:
        if (outcome.notSent && from == State::Unconfirmed) {
            // Abandoning could not reach the server: the operation is as unconfirmed as before.
            colour = ui::Warn;
            title = tr("Still not confirmed — do not pay out yet");
            detail = tr("The server could not be reached, so nothing was cancelled. It is asked again as soon as the "
                        "connection is back.");
            technical = outcome.message;
            next = State::Unconfirmed;
        } else if (outcome.notSent) {
            colour = ui::Warn;
            title = tr("Not sent — nothing happened");
            detail = from == State::NotReceived
                         ? tr("The server could not be reached. Send it when the connection is back, or cancel it.")
                         : tr("The server could not be reached. Nothing was paid or booked: send it again when the "
                              "connection is back.");
            technical = outcome.message;
            if (from == State::NotReceived)
                next = State::NotReceived;
        } else {
            title = tr("Failed — %1").arg(outcome.message);
            // A question or a cancellation that failed leaves the operation as it was.
            const bool held = wasUnresolved || from == State::Pending;
            detail = held ? tr("The operation is still not settled: do not pay out yet.") : tr("Nothing was paid or booked.");
            if (held)
                next = from;
        }
        break;
    }
    if (m_action)
        detail += (detail.isEmpty() ? QString() : QStringLiteral("\n")) + tr("Operation key %1").arg(m_action->key.toString());
    m_outcomeTitle->setText(title);
    m_outcomeTitle->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
    m_outcomeDetail->setText(detail);
    m_technical->setText(technical);
    m_technicalButton->setChecked(false);
    m_technicalButton->setVisible(!technical.isEmpty());
    // What the teller may do next follows from the outcome's finality (Outcome.h). After a
    // rejection or a failure nothing happened and nothing will: the teller may correct the
    // form, which makes a new action.
    const Finality f = finality(outcome.status);
    if (next) {
        setState(*next);
    } else if (f == Finality::Failed || outcome.status == OutcomeStatus::Rejected || outcome.status == OutcomeStatus::KeyReused) {
        m_action.reset();
        setState(State::Editing);
        m_outcomeFrame->setVisible(true);
    } else {
        setState(f == Finality::Pending ? State::Pending : f == Finality::Unresolved ? State::Unconfirmed : State::Finished);
    }
    Q_EMIT outcomeShown(outcome);
    focusEntry();
}
