#pragma once

#include "Accounts.h"
#include "Action.h"
#include "Cash.h"
#include "OperationEvent.h"
#include "Outcome.h"
#include "Staff.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

#include <optional>

namespace teller {
class TellerClient;
struct RetryNotice;
} // namespace teller
class AmountField;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QFrame;
class QComboBox;

// One form: a withdrawal, a deposit or a transfer from the selected account. It validates as
// the teller types, and once submitted it holds its action (and the action's key) until the
// outcome is definitive: a double click, Enter held down or a lost connection never makes a
// second action. An unconfirmed action is only ever asked about ("Check again", and by itself
// when the connection comes back); only when the server says it never received it does the
// teller choose: send it now (same key, the customer is here) or cancel it for good.
class ActionForm : public QWidget
{
    Q_OBJECT

public:
    enum class State {
        Editing,     // the teller fills the form
        InFlight,    // the action is with the server (and possibly retrying)
        Finished,    // definitive: completed, rejected, ... (a new operation may start)
        Unconfirmed, // in doubt or busy: only "check again" (asks the server) with the same key
        NotReceived, // the server says it never received the key: send it now, or cancel it
        Pending,     // waiting for a supervisor
    };
    Q_ENUM(State)

    ActionForm(teller::ActionKind kind, teller::TellerClient *client, QWidget *parent = nullptr);

    teller::ActionKind kind() const { return m_kind; }
    State state() const { return m_state; }
    // True while this form holds an action whose outcome is not yet definitive (in flight,
    // unconfirmed, or waiting for a supervisor).
    bool holdsUnfinishedAction() const
    {
        return m_state == State::InFlight || m_state == State::Unconfirmed || m_state == State::NotReceived || m_state == State::Pending;
    }
    std::optional<teller::Action> action() const { return m_action; }
    // The held action in the teller's words: what, how much, whose account, and what to do
    // (or not do) about it now: "Withdrawal of 40.00 EUR from 10000003 (Maria Schneider): not
    // confirmed — do not pay out." Empty when the form holds nothing unfinished.
    QString describeUnfinished() const;
    std::optional<teller::Outcome> lastOutcome() const { return m_outcome; }

    void setAccount(const std::optional<teller::AccountInfo> &account);
    void setStaff(const teller::StaffInfo &staff);
    // The signed-in member's own tills as last read (nullopt: not known yet, nothing is
    // checked against them). A cash withdrawal or deposit needs the till of its currency
    // open, and a withdrawal no more than it holds.
    void setTills(const std::optional<QList<teller::TillInfo>> &tills);
    // From this amount on (whole units of the account's currency; 0: always) the teller
    // confirms a summary before the operation is sent (WorkstationConfig's [desk] review_from).
    void setReviewFrom(qint64 wholeUnits) { m_reviewFrom = wholeUnits; }
    void focusEntry();
    // Forgets the form, its action and its outcome (after sign-out: nothing of one staff
    // member's session is left for the next). Not while an action is in flight.
    void reset();

public Q_SLOTS:
    void submit();
    // Esc: clears the form while editing, or starts a new operation after a definitive one
    // (after asking, when the operation still waits for a supervisor).
    void cancel();
    // Asks the server about the unconfirmed (or waiting) action; never sends it.
    void checkAgain();
    void abandon();
    // The server never received the action: sends it now, with its key (the customer is here).
    void sendNow();
    // The server never received the action: cancels it for good (it will never be carried out).
    void cancelNotReceived();

Q_SIGNALS:
    void outcomeShown(const teller::Outcome &outcome);
    // The customer's and (for a transfer) the payee's names, as this form knows them.
    void receiptRequested(const teller::Outcome &outcome, const QString &customer, const QString &payee);
    void stateChanged(ActionForm::State state);

private:
    void setState(State state);
    void revalidate();
    void lookUpTarget();
    void onRetrying(const teller::IdempotencyKey &key, const teller::RetryNotice &notice);
    void onFinished(const teller::Outcome &outcome);
    void showOutcome(const teller::Outcome &outcome);
    void send();
    // The action the form describes now (with the customer's identification when it needs one).
    teller::Result<teller::ActionRequest> request() const;
    // A summary to confirm before sending, when the amount is at or above the review amount:
    // true when the teller confirms (or no review is needed).
    bool needsReview(const teller::Money &amount) const;
    void review(const teller::ActionRequest &request);
    // The large-cash threshold of the account's currency, once read (cash forms only).
    std::optional<teller::Money> largeCashThreshold() const;
    bool needsIdentification() const;
    void showClientBusy();
    // A call about the held action went to the client: in flight, with what it does.
    void startedCall(State from, const QString &title);
    void askAboutUnconfirmed();
    // Starts an abandon of the held action; false when another operation is with the server.
    bool startAbandon();
    QString describeTarget() const;
    QString payee() const;
    std::optional<teller::TillInfo> tillForAccount() const;
    void onCashRules(quint64 id, const teller::Currency &currency, const teller::Money &threshold);
    void onOperationChanged(const teller::OperationEvent &event);

    teller::ActionKind m_kind;
    teller::TellerClient *m_client;
    State m_state = State::Editing;
    std::optional<teller::AccountInfo> m_account;
    std::optional<teller::AccountInfo> m_target;
    std::optional<teller::StaffInfo> m_staff;
    std::optional<QList<teller::TillInfo>> m_tills;
    std::optional<teller::Action> m_action;
    std::optional<teller::Outcome> m_outcome;
    quint64 m_targetRequest = 0;
    quint64 m_rulesRequest = 0;
    QHash<QString, teller::Money> m_largeCash; // currency code -> threshold, as the server said
    qint64 m_reviewFrom = 1000;
    bool m_reviewing = false; // the summary is on screen: nothing else sends meanwhile
    QString m_targetProblem;  // why the target account could not be found, until it is edited
    QTimer m_followUp;        // asks again when the client was busy
    QTimer m_targetDebounce;
    bool m_valid = false;
    // The call under way concerns an action already unresolved (asking, abandoning, sending
    // again): a failure of that call leaves the action as unresolved as it was.
    State m_callFrom = State::Editing;

    QLabel *m_accountLabel;
    QLabel *m_accountProblem;
    QLabel *m_tillInfo = nullptr; // cash operations: what they do to the teller's till
    QLineEdit *m_targetEdit = nullptr;
    QLabel *m_targetInfo = nullptr;
    AmountField *m_amount;
    QLabel *m_currencyLabel;
    QLabel *m_amountProblem;
    QLineEdit *m_note;
    QComboBox *m_idType = nullptr; // cash forms: the customer's identification, for large cash
    QLineEdit *m_idNumber = nullptr;
    QPushButton *m_submit;
    QPushButton *m_clear;
    QFrame *m_outcomeFrame;
    QProgressBar *m_progress;
    QLabel *m_outcomeTitle;
    QLabel *m_outcomeDetail;
    QPushButton *m_technicalButton; // shows what the server or the network said, word for word
    QLabel *m_technical;
    QPushButton *m_receipt;
    QPushButton *m_checkAgain;
    QPushButton *m_abandon;
    QPushButton *m_sendNow;
    QPushButton *m_cancelNotReceived;
    QPushButton *m_newOperation;
};
