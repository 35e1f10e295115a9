#pragma once

#include "Supervision.h"

#include <QDialog>

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
    DecisionDialog(const teller::ReviewItem &item, bool approve, QWidget *parent = nullptr);

    const teller::ReviewItem &item() const { return m_item; }
    bool approves() const { return m_approve; }
    QString note() const;

    // "Withdrawal of 600.00 EUR from 10000003 (Maria Schneider), asked by Anna Teller": the
    // words a decision names, on screen and in the panel's answer.
    static QString summary(const teller::ReviewItem &item, const QLocale &locale);

    void accept() override;

private:
    void updateButton();

    teller::ReviewItem m_item;
    bool m_approve;
    QLineEdit *m_note;
    QLabel *m_problem;
    QPushButton *m_confirm;
};
