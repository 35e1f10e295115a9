#pragma once

#include "Action.h"
#include "IdempotencyKey.h"
#include "Money.h"
#include "Outcome.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

#include <optional>

class QTimer;
namespace teller {
class TellerClient;
struct ReconcileItem;
} // namespace teller

// "My open items": everything of the teller's that is not finished, on the desk for the whole
// session — waiting for a supervisor, approved and ready to pay out, rejected (until the
// teller has told the customer), not confirmed, never received. Fed by the forms, by what the
// journal still had open at sign-in, and by the server: every answer about a tracked key
// (whoever asked) moves its item on; a decision announced live is asked about at once.
class OpenItemsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class State {
        Waiting,     // a supervisor has not decided yet
        Approved,    // approved: for a withdrawal, pay out now
        Rejected,    // rejected, or no supervisor in time: tell the customer
        Unconfirmed, // in doubt: ask, never pay out
        NotReceived, // the server never received it: send now or cancel
    };
    Q_ENUM(State)

    struct Item
    {
        teller::IdempotencyKey key;
        teller::ActionKind kind = teller::ActionKind::Withdrawal;
        QString account;
        QString holder;
        QString counterAccount;
        std::optional<teller::Money> amount;
        State state = State::Waiting;
        QString decidedBy;
        QString reason;      // of a rejection, in words
        bool inForm = false; // a form on the desk holds it (Enter goes there)
        QDateTime since;
    };
    enum Role { StateRole = Qt::UserRole + 1, KeyRole };

    explicit OpenItemsModel(teller::TellerClient *client, QObject *parent = nullptr);

    // A form holds this action in `state`; Finished with the form's outcome updates or ends it.
    void trackForm(const teller::Action &action, const QString &holder, State state);
    // The form let go of the action (a new operation, sign-out): the item stays, not in a form.
    void releaseForm(const teller::IdempotencyKey &key);
    // What the journal still had open at sign-in, as the server answered for it.
    void addReconciled(const QList<teller::ReconcileItem> &items);
    // The teller has dealt with it (paid out, told the customer): off the list.
    void dismiss(int row);
    // Asks the server about every waiting item not held by a form (one at a time, when the
    // actions connection is free).
    void askAboutWaiting();
    void clear();

    const Item &item(int row) const { return m_items.at(row); }
    int find(const teller::IdempotencyKey &key) const;
    // The item in the teller's words: "Withdrawal of 600.00 EUR from 10000003 (Maria
    // Schneider) — approved by Clara: pay out now".
    QString describe(const Item &item, const QLocale &locale) const;
    // The items a teller must not leave unseen (approved and not paid out, rejected and not
    // told): said when signing out.
    QStringList needingAttention(const QLocale &locale) const;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_items.size()); }
    QVariant data(const QModelIndex &index, int role) const override;

Q_SIGNALS:
    void countChanged(int count);

private:
    void onOutcome(const teller::Outcome &outcome);
    void upsert(const Item &item);
    void changed(int row);
    static std::optional<State> stateFor(const teller::Outcome &outcome, bool wasWaiting);

    teller::TellerClient *m_client;
    QList<Item> m_items;
    QList<teller::IdempotencyKey> m_toAsk;
    QTimer *m_asker = nullptr;
};
