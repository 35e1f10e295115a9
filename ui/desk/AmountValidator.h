#pragma once

#include "Money.h"

#include <QLineEdit>

#include <optional>

// An amount as the teller types it, in the locale's way of writing numbers and the
// currency's number of decimals. It does not block keys (a teller must see why "12,345"
// is wrong rather than have the comma vanish); it tells what is wrong as they type.
class AmountField : public QLineEdit
{
    Q_OBJECT

public:
    explicit AmountField(QWidget *parent = nullptr);

    void setCurrency(std::optional<teller::Currency> currency);
    std::optional<teller::Currency> currency() const { return m_currency; }
    // The amount, if the text is a valid positive amount of the currency.
    std::optional<teller::Money> money() const { return m_money; }
    // What is wrong with the text, in words; empty when it is valid or still empty.
    QString problem() const { return m_problem; }

Q_SIGNALS:
    void validityChanged();

private:
    void revalidate();

    std::optional<teller::Currency> m_currency;
    std::optional<teller::Money> m_money;
    QString m_problem;
};
