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

DecisionDialog::DecisionDialog(const ReviewItem &item, bool approve, QWidget *parent) : QDialog(parent), m_item(item), m_approve(approve)
{
    setObjectName(QStringLiteral("decisionDialog"));
    setWindowTitle(approve ? tr("Approve this operation?") : tr("Reject this operation?"));
    const QLocale l = locale();

    auto *headline = new QLabel(summary(item, l), this);
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
    fact(tr("Amount:"), item.amount ? item.amount->toDisplayWithCode(l) : QString(), "decisionAmount");
    fact(tr("Account:"), item.account + QStringLiteral(" — ") + item.holder, "decisionAccount");
    if (!item.counterAccount.isEmpty())
        fact(tr("To account:"), item.counterAccount, "decisionCounterAccount");
    if (item.available)
        fact(tr("Available now:"), item.available->toDisplayWithCode(l), "decisionAvailable");
    fact(tr("Teller:"), item.initiatorName.isEmpty() ? item.initiatedBy : item.initiatorName, "decisionTeller");
    fact(tr("Teller's note:"), item.note.isEmpty() ? tr("(none)") : item.note, "decisionTellerNote");

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

QString DecisionDialog::summary(const ReviewItem &item, const QLocale &l)
{
    const QString amount = item.amount ? item.amount->toDisplayWithCode(l) : QString();
    const QString teller = item.initiatorName.isEmpty() ? item.initiatedBy : item.initiatorName;
    if (item.kind == ActionKind::Withdrawal)
        return tr("Withdrawal of %1 from %2 (%3), asked by %4").arg(amount, item.account, item.holder, teller);
    if (item.kind == ActionKind::Deposit)
        return tr("Deposit of %1 into %2 (%3), asked by %4").arg(amount, item.account, item.holder, teller);
    if (item.kind == ActionKind::Transfer)
        return tr("Transfer of %1 from %2 (%3) to %4, asked by %5").arg(amount, item.account, item.holder, item.counterAccount, teller);
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
