#pragma once

#include "Action.h"
#include "Cash.h"
#include "IdempotencyKey.h"
#include "Money.h"
#include "Outcome.h"

#include <QDialog>
#include <QList>
#include <QMap>

#include <optional>

namespace teller {
class TellerClient;
}
class AmountField;
class QComboBox;
class QLabel;
class QPushButton;

// One movement of the branch vault's cash, from the supervisor's vault page: cash from the vault
// into a teller's till or back (VaultToTill, TillToVault: for the till given), or delivered into
// the vault or sent out of it by cash-in-transit (VaultReceive, VaultShip: in a currency chosen
// here). It says who and what, takes the amount (the locale's way, exact), shows what will move,
// and sends it once Enter confirms; Esc backs out while nothing was sent. The movement keeps one
// key for its whole life: sent again after "busy" or "not sent", asked about ("Check again", which
// sends nothing) after an answer that never came, until the server's answer is definitive.
class VaultMoveDialog : public QDialog
{
    Q_OBJECT

public:
    // `vaultKnown`: the vault's cash per currency as the last movement reported it (there is no
    // other read of it), for the summary; may be empty.
    VaultMoveDialog(teller::TellerClient *client, teller::ActionKind kind, const std::optional<teller::TillInfo> &till,
                    const QList<teller::Currency> &currencies, const QMap<QString, teller::Money> &vaultKnown,
                    QWidget *parent = nullptr);

    teller::ActionKind kind() const { return m_kind; }
    const teller::IdempotencyKey &key() const { return m_key; }
    // Sent at least once, and no definitive answer yet (the movement may have happened).
    bool unresolved() const { return m_state == State::InDoubt; }
    // What the movement is, in words ("500.00 EUR from the vault into Anna Teller's till T-1").
    QString description() const;

    void reject() override;

    // The vault's cash after a movement, as the server recorded it: the movement's answer
    // (vaultAfter), or, asked about by key (queryStatus), the movement's own balance after: a
    // vault movement is booked with the vault as its account (teller.vault_move).
    static std::optional<teller::Money> vaultAfter(const teller::Outcome &outcome);

Q_SIGNALS:
    // Every answer the server gave about this movement (completed, rejected, in doubt, …).
    void answered(const teller::Outcome &outcome);

private:
    enum class State {
        Editing,  // nothing sent yet: the amount may change, Esc backs out
        Sending,  // with the server
        Retry,    // busy, not sent, refused while another action was in flight, or never received:
                  // nothing happened; the same movement (same key, same amount) may be sent again
        InDoubt,  // sent, no answer: only "Check again" (asks, sends nothing)
        Checking, // asking the server about the key
        Done,     // a definitive answer
    };
    void confirm();
    void send();
    void check();
    void onFinished(const teller::Outcome &outcome);
    void setState(State state);
    void update();
    std::optional<teller::Currency> currency() const;
    QString outcomeText(const teller::Outcome &outcome) const;
    void showOutcome(const QString &text, const QColor &colour);

    teller::TellerClient *m_client;
    teller::ActionKind m_kind;
    std::optional<teller::TillInfo> m_till;
    QMap<QString, teller::Money> m_vaultKnown;
    teller::IdempotencyKey m_key;
    std::optional<teller::Money> m_sent; // the amount under the key, once sent
    State m_state = State::Editing;

    QLabel *m_what;
    QComboBox *m_currency = nullptr;
    AmountField *m_amount;
    QLabel *m_problem;
    QLabel *m_summary;
    QLabel *m_outcome;
    QPushButton *m_confirm;
    QPushButton *m_back;
};
