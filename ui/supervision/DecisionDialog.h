#pragma once

#include "Cash.h"
#include "Supervision.h"

#include <QDialog>
#include <QList>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

// The supervisor's second look before a decision: what the operation is (kind, amount,
// account and holder, teller, the teller's note), and a note of their own, optional to
// approve, required to reject. Enter confirms, Esc goes back with nothing decided.
class DecisionDialog : public QDialog
{
    Q_OBJECT

public:
    // `till`: for a till's over/short, the till as the vault page last read it (tillOf()): its
    // count and book then say which way the difference goes.
    DecisionDialog(const teller::ReviewItem &item, bool approve, QWidget *parent = nullptr,
                   const std::optional<teller::TillInfo> &till = std::nullopt);

    const teller::ReviewItem &item() const { return m_item; }
    bool approves() const { return m_approve; }
    QString note() const;

    // "Withdrawal of 600.00 EUR from 10000003 (Maria Schneider), asked by Anna Teller": the
    // words a decision names, on screen and in the panel's answer.
    // An over/short: "Over/short at till close: Anna Teller's till T-1 counted 980.00 EUR, expected
    // 1,000.00 EUR — 20.00 EUR short" when the till (as last read) tells the count and the book;
    // otherwise the difference as the queue has it. A reversal names what it undoes and the reason.
    static QString summary(const teller::ReviewItem &item, const QLocale &locale,
                           const std::optional<teller::TillInfo> &till = std::nullopt);
    // The till a pending over/short is about, among `tills`; none for any other operation.
    static std::optional<teller::TillInfo> tillOf(const teller::ReviewItem &item, const QList<teller::TillInfo> &tills);

    void accept() override;

private:
    void updateButton();

    teller::ReviewItem m_item;
    bool m_approve;
    QLineEdit *m_note;
    QLabel *m_problem;
    QPushButton *m_confirm;
};
