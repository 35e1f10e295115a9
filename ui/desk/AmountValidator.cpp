#include "AmountValidator.h"

AmountField::AmountField(QWidget *parent) : QLineEdit(parent)
{
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setMaxLength(40);
    connect(this, &QLineEdit::textChanged, this, &AmountField::revalidate);
    revalidate();
}

void AmountField::setCurrency(std::optional<teller::Currency> currency)
{
    m_currency = currency;
    if (currency)
        setPlaceholderText(teller::Money(0, *currency).toDisplay(locale()));
    else
        setPlaceholderText({});
    revalidate();
}

void AmountField::revalidate()
{
    m_money.reset();
    m_problem.clear();
    const QString input = text();
    if (!input.trimmed().isEmpty()) {
        if (!m_currency) {
            m_problem = tr("Choose an account first.");
        } else if (auto parsed = teller::Money::parse(input, *m_currency, locale()); !parsed) {
            m_problem = parsed.error().message;
        } else if (!parsed->isPositive()) {
            m_problem = tr("The amount must be greater than zero.");
        } else if (parsed->minorUnits() > teller::Money::MaxActionMinorUnits) {
            m_problem = tr("The amount exceeds the maximum for a single operation.");
        } else {
            m_money = *parsed;
        }
    }
    Q_EMIT validityChanged();
}
