#pragma once

#include "ActionExecutor.h"
#include "Cash.h"
#include "CashCount.h"
#include "Failure.h"
#include "IdempotencyKey.h"
#include "Outcome.h"
#include "Staff.h"

#include <QDialog>
#include <QList>

#include <optional>

namespace teller {
class TellerClient;
struct RetryNotice;
} // namespace teller
class BlotterView;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

// Opens or closes the teller's own till in one currency with the cash counted note by note and
// coin by coin: what the book expects, the count as typed (every line a whole number of pieces,
// checked as it is typed), the difference in words, a confirmation, then the server's outcome.
// Keyboard only: Tab and Enter go down the count column, Enter on the button confirms, Esc backs
// out without sending. A count is sent under one key until its outcome is definitive: when it is
// not confirmed, "Check again" only asks the server about that key; when the server never got
// it, "Send now" sends the same count with the same key, or "Cancel" makes sure it never counts.
// Closing shows the session's blotter next to the count.
class TillCountDialog : public QDialog
{
    Q_OBJECT

public:
    using Mode = teller::ActionExecutor::TillCount;
    enum class State {
        Loading,     // reading the tills, the notes and coins
        Editing,     // the teller counts
        Confirming,  // the count is shown for a last look; Enter sends it
        InFlight,    // with the server
        Unconfirmed, // sent, no answer: only "Check again" (same key)
        NotReceived, // the server never got it: "Send now" (same key) or "Cancel"
        Finished,    // recorded (completed or waiting for a supervisor), or cancelled
    };
    Q_ENUM(State)

    TillCountDialog(teller::TellerClient *client, Mode mode, const teller::StaffInfo &staff, const teller::Currency &currency,
                    QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    State state() const { return m_state; }
    std::optional<teller::Currency> currency() const { return m_currency; }
    // What the book says the till holds (the expected amount), once read.
    std::optional<teller::Money> expected() const;
    // The count as typed; nullopt while a line is not a whole number of pieces.
    std::optional<teller::Money> counted() const;
    std::optional<teller::Outcome> outcome() const { return m_outcome; }
    std::optional<teller::IdempotencyKey> key() const { return m_key; }
    BlotterView *blotterView() const { return m_blotter; }

public Q_SLOTS:
    void selectCurrency(const teller::Currency &currency);
    // The record button: shows the count for confirmation.
    void review();
    void confirm();
    void back();
    void checkAgain();
    void sendNow();
    void cancelNotReceived();
    void reject() override;

Q_SIGNALS:
    // The server recorded the count (completed, or the difference waits for a supervisor): the
    // till is open or closed now.
    void countRecorded(const teller::Outcome &outcome);
    void stateChanged(TillCountDialog::State state);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Line
    {
        teller::Denomination denomination;
        QLineEdit *edit = nullptr;
        std::optional<qint64> count; // nullopt: not a whole number of pieces
        QString problem;
    };

    void setState(State state);
    void onTills(const QList<teller::TillInfo> &tills);
    void onCashRules(const teller::Currency &currency, const QList<teller::Denomination> &denominations);
    void recompute();
    void focusLine(int index);
    void startCall(State from, const QString &title);
    void send();
    void showClientBusy();
    void showOutcome(const teller::Outcome &outcome);
    // Why this till cannot be counted now (already open, not open, a difference waiting, ...).
    QString tillProblem() const;
    QString differenceText(const teller::Money &difference) const;
    std::optional<teller::TillInfo> till() const;
    QString modeVerb() const;

    teller::TellerClient *m_client;
    Mode m_mode;
    teller::StaffInfo m_staff;
    teller::Currency m_preferred;
    std::optional<teller::Currency> m_currency;
    std::optional<QList<teller::TillInfo>> m_tills;
    QList<Line> m_lines;
    State m_state = State::Loading;
    State m_callFrom = State::Editing;
    quint64 m_tillsRequest = 0;
    quint64 m_rulesRequest = 0;
    // The count once sent: the same key, amount and pieces until the outcome is definitive.
    std::optional<teller::IdempotencyKey> m_key;
    std::optional<teller::Money> m_sentCounted;
    std::optional<teller::CashCount> m_sentPieces;
    std::optional<teller::Outcome> m_outcome;
    bool m_leaveWarned = false;

    QComboBox *m_currencyBox;
    QLabel *m_tillLabel;
    QLabel *m_expectedLabel;
    QLabel *m_tillProblem;
    QTableWidget *m_grid;
    QLabel *m_countedLabel;
    QLabel *m_differenceLabel;
    QLabel *m_explanation;
    QLabel *m_problem;
    QPushButton *m_record;
    QLabel *m_confirmText;
    QPushButton *m_confirm;
    QPushButton *m_back;
    QLabel *m_outcomeTitle;
    QLabel *m_outcomeDetail;
    QLabel *m_technical;
    QPushButton *m_checkAgain;
    QPushButton *m_sendNow;
    QPushButton *m_cancelNotReceived;
    QPushButton *m_close;
    BlotterView *m_blotter = nullptr;
};
