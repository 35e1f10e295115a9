#include "ReviewDialog.h"

#include "Ui.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

ReviewDialog::ReviewDialog(const QString &headline, const QList<Fact> &facts, const QString &confirmText, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("reviewDialog"));
    setWindowTitle(tr("Carry out this operation?"));
    auto *title = new QLabel(headline, this);
    title->setObjectName(QStringLiteral("reviewSummary"));
    title->setWordWrap(true);
    QFont big = title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    title->setFont(big);

    auto *form = new QFormLayout;
    int n = 0;
    for (const Fact &f : facts) {
        auto *value = new QLabel(f.second, this);
        value->setObjectName(QStringLiteral("reviewFact%1").arg(n++));
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(f.first, value);
    }

    auto *buttons = new QDialogButtonBox(this);
    auto *confirm = buttons->addButton(confirmText, QDialogButtonBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmReviewButton"));
    confirm->setDefault(true);
    auto *back = buttons->addButton(QDialogButtonBox::Cancel);
    back->setText(tr("&Back — change it"));
    back->setObjectName(QStringLiteral("cancelReviewButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The Enter that sent the form to this review, held down, must not confirm it too.
    ui::ignoreHeldEnter(confirm);
    ui::ignoreHeldEnter(back);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(buttons);
    ui::nameForAccessibility(this);
    confirm->setFocus();
}
