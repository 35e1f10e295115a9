#pragma once

#include "Account.h"
#include "IdempotencyKey.h"
#include "Outcome.h"

#include <QDialog>

#include <optional>

namespace teller {
class TellerClient;
}
class QLabel;
class QLineEdit;
class QPushButton;

// Reverse… from an account's recent operations: what is undone and what that means for the
// customer and the till, a reason (required; the supervisor and the customer's history see it),
// Enter asks for the reversal, which then waits for a supervisor who is not the teller. The
// request keeps one key for its whole life: asked about again (Check again) after a lost
// answer, never sent twice.
class ReversalDialog : public QDialog
{
    Q_OBJECT

public:
    ReversalDialog(teller::TellerClient *client, const teller::AccountInfo &account, const teller::OperationInfo &original,
                   QWidget *parent = nullptr);

    // "Withdrawal of 40.00 EUR from 10000003 (Maria Schneider) on 2 December 2026 14:05":
    // the operation in the teller's words.
    static QString describe(const teller::AccountInfo &account, const teller::OperationInfo &op, const QLocale &locale);
    // True for an operation this dialog can reverse: a completed withdrawal, deposit or
    // transfer whose key the server gave this member.
    static bool canReverse(const teller::OperationInfo &op);

    std::optional<teller::Outcome> outcome() const { return m_outcome; }
    void reject() override;

private:
    void send();
    void onFinished(const teller::Outcome &outcome);
    void updateButton();

    teller::TellerClient *m_client;
    teller::AccountInfo m_account;
    teller::OperationInfo m_original;
    teller::IdempotencyKey m_key;
    bool m_sent = false;     // the request went out at least once: the key is the one to ask about
    bool m_inFlight = false; // with the server now
    std::optional<teller::Outcome> m_outcome;
    QLineEdit *m_reason;
    QLabel *m_status;
    QPushButton *m_confirm;
    QPushButton *m_close;
};
