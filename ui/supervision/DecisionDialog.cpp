#include "DecisionDialog.h"

#include "Ui.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace teller;

namespace {
constexpr int MaxNoteLength = 500;
}

DecisionDialog::DecisionDialog(const ReviewItem &item, bool approve, QWidget *parent, const std::optional<TillInfo> &till)
    : QDialog(parent), m_item(item), m_approve(approve)
{
    setObjectName(QStringLiteral("decisionDialog"));
    setWindowTitle(approve ? tr("Approve this operation?") : tr("Reject this operation?"));
    const QLocale l = locale();

    auto *headline = new QLabel(summary(item, l, till), this);
    headline->setObjectName(QStringLiteral("decisionSummary"));
    headline->setWordWrap(true);
    QFont big = headline->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    headline->setFont(big);

    auto *facts = new QFormLayout;
    const auto fact = [&](const QString &caption, const QString &value, const char *name) {
        auto *v = new QLabel(value, this);
        v->setObjectName(QString::fromLatin1(name));
        v->setWordWrap(true);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        facts->addRow(caption, v);
    };
    const bool overShort = item.kind == ActionKind::TillOpen || item.kind == ActionKind::TillClose;
    fact(overShort ? tr("Difference:") : tr("Amount:"), item.amount ? item.amount->toDisplayWithCode(l) : QString(), "decisionAmount");
    fact(overShort ? tr("Till:") : tr("Account:"), item.account + QStringLiteral(" — ") + item.holder, "decisionAccount");
    if (!item.counterAccount.isEmpty())
        fact(tr("To account:"), item.counterAccount, "decisionCounterAccount");
    if (item.available)
        fact(tr("Available now:"), item.available->toDisplayWithCode(l), "decisionAvailable");
    fact(tr("Teller:"), item.initiatorName.isEmpty() ? item.initiatedBy : item.initiatorName, "decisionTeller");
    fact(item.kind == ActionKind::Reversal ? tr("Reason given:") : tr("Teller's note:"), item.note.isEmpty() ? tr("(none)") : item.note,
         "decisionTellerNote");

    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("decisionNoteEdit"));
    m_note->setMaxLength(MaxNoteLength);
    m_note->setPlaceholderText(approve ? tr("Optional") : tr("Required: the teller sees it"));
    auto *noteLabel = new QLabel(approve ? tr("Your &note:") : tr("&Reason:"), this);
    noteLabel->setBuddy(m_note);
    facts->addRow(noteLabel, m_note);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("decisionProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: %1;").arg(ui::Bad.name()));
    // The space is kept, so the buttons do not move when a problem is shown.
    m_problem->setMinimumHeight(m_problem->fontMetrics().height());

    auto *buttons = new QDialogButtonBox(this);
    m_confirm = buttons->addButton(approve ? tr("&Approve") : tr("Re&ject"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmDecisionButton"));
    m_confirm->setDefault(true);
    auto *back = buttons->addButton(QDialogButtonBox::Cancel);
    back->setText(tr("&Back — decide nothing"));
    back->setObjectName(QStringLiteral("cancelDecisionButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_note, &QLineEdit::textChanged, this, &DecisionDialog::updateButton);
    ui::ignoreHeldEnter(m_note);
    ui::ignoreHeldEnter(m_confirm);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(headline);
    layout->addLayout(facts);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    updateButton();
    ui::nameForAccessibility(this);
    m_note->setFocus();
}

namespace {
// The count and the book of a till's waiting difference, when the till as last read tells them:
// its last count is of this kind and waits, and count minus book is the difference the queue holds.
std::optional<std::pair<Money, Money>> countedAndExpected(const ReviewItem &item, const std::optional<TillInfo> &till)
{
    if (!till || !item.amount || till->number != item.account || !till->differencePending || !till->lastCounted)
        return std::nullopt;
    if (till->lastCountKind != QLatin1String(item.kind == ActionKind::TillClose ? "close" : "open"))
        return std::nullopt;
    const Money &counted = *till->lastCounted;
    // A waiting difference is not booked: the book still says what was expected.
    const Money &expected = till->cash;
    if (!(counted.currency() == item.amount->currency()) || !(expected.currency() == item.amount->currency()))
        return std::nullopt;
    const qint64 difference = counted.minorUnits() - expected.minorUnits();
    if (difference == 0 || (difference < 0 ? -difference : difference) != item.amount->minorUnits())
        return std::nullopt;
    return std::make_pair(counted, expected);
}
} // namespace

std::optional<TillInfo> DecisionDialog::tillOf(const ReviewItem &item, const QList<TillInfo> &tills)
{
    if (item.kind != ActionKind::TillOpen && item.kind != ActionKind::TillClose)
        return std::nullopt;
    for (const TillInfo &t : tills)
        if (t.number == item.account)
            return t;
    return std::nullopt;
}

QString DecisionDialog::summary(const ReviewItem &item, const QLocale &l, const std::optional<TillInfo> &till)
{
    const QString amount = item.amount ? item.amount->toDisplayWithCode(l) : QString();
    const QString teller = item.initiatorName.isEmpty() ? item.initiatedBy : item.initiatorName;
    if (item.kind == ActionKind::Withdrawal)
        return tr("Withdrawal of %1 from %2 (%3), asked by %4").arg(amount, item.account, item.holder, teller);
    if (item.kind == ActionKind::Deposit)
        return tr("Deposit of %1 into %2 (%3), asked by %4").arg(amount, item.account, item.holder, teller);
    if (item.kind == ActionKind::Transfer)
        return tr("Transfer of %1 from %2 (%3) to %4, asked by %5").arg(amount, item.account, item.holder, item.counterAccount, teller);
    if (item.kind == ActionKind::TillOpen || item.kind == ActionKind::TillClose) {
        const QString when = item.kind == ActionKind::TillClose ? tr("Over/short at till close") : tr("Over/short at till opening");
        if (const auto figures = countedAndExpected(item, till)) {
            const bool shortOf = figures->first.minorUnits() < figures->second.minorUnits();
            return (shortOf ? tr("%1: %2's till %3 counted %4, expected %5 — %6 short")
                            : tr("%1: %2's till %3 counted %4, expected %5 — %6 over"))
                .arg(when, teller, item.account, figures->first.toDisplayWithCode(l), figures->second.toDisplayWithCode(l), amount);
        }
        // What the queue holds: the difference, without which way it goes.
        return tr("%1: %2's till %3, a difference of %4 between the count and the book").arg(when, teller, item.account, amount);
    }
    if (item.kind == ActionKind::Reversal) {
        const QString reason = item.note.isEmpty() ? tr("(no reason given)") : item.note;
        if (!item.counterAccount.isEmpty())
            return tr("Reversal of a transfer of %1 from %2 (%3) to %4, asked by %5: %6")
                .arg(amount, item.account, item.holder, item.counterAccount, teller, reason);
        if (item.originalKind == ActionKind::Withdrawal)
            return tr("Reversal of a withdrawal of %1 from %2 (%3): the money goes back into the account, the cash back "
                      "into the till; asked by %4: %5")
                .arg(amount, item.account, item.holder, teller, reason);
        if (item.originalKind == ActionKind::Deposit)
            return tr("Reversal of a deposit of %1 into %2 (%3): the money comes out of the account, the cash goes back "
                      "to the customer; asked by %4: %5")
                .arg(amount, item.account, item.holder, teller, reason);
        // The original is not among the server's operations any more (never the case today: the
        // server names it for every reversal); said without guessing which kind it was.
        return tr("Reversal of a cash withdrawal or deposit of %1 on %2 (%3), asked by %4: %5")
            .arg(amount, item.account, item.holder, teller, reason);
    }
    return tr("%1 of %2 on %3 (%4), asked by %5").arg(ui::operationKindText(item.kind), amount, item.account, item.holder, teller);
}

QString DecisionDialog::note() const
{
    return m_note->text().trimmed();
}

void DecisionDialog::updateButton()
{
    m_problem->clear();
    m_confirm->setEnabled(m_approve || !note().isEmpty());
}

void DecisionDialog::accept()
{
    if (!m_approve && note().isEmpty()) {
        m_problem->setText(tr("A rejection needs a reason."));
        return;
    }
    QDialog::accept();
}
