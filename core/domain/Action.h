#pragma once

#include "IdempotencyKey.h"
#include "Money.h"
#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace teller {

// What an operation is. A teller's action (ActionRequest, teller.perform_action) is one of the
// first three; the others move the branch's cash (tills, the vault) or correct a movement.
enum class ActionKind {
    Withdrawal,   // debit the customer, credit the teller's till
    Deposit,      // debit the till, credit the customer
    Transfer,     // debit the payer, credit the payee
    TillOpen,     // a till opened with its cash counted (an over/short when it differs)
    TillClose,    // a till closed with its cash counted
    VaultReceive, // cash delivered into the branch's vault
    VaultShip,    // cash sent out of the vault
    VaultToTill,  // cash from the vault into a teller's till
    TillToVault,  // cash from a till back into the vault
    Reversal,     // a completed movement undone: the same amount, the sides swapped
};

QString actionKindName(ActionKind kind); // "withdrawal", ..., "till_open", ...: the stored names
std::optional<ActionKind> actionKindFromName(QStringView name);
// A customer's own money: withdrawal, deposit, transfer.
bool isCustomerAction(ActionKind kind);
// Cash over the counter: withdrawal, deposit (they need the teller's open till).
bool isCashAction(ActionKind kind);

// The customer's identification, recorded with a cash withdrawal or deposit at or above the
// bank's large-cash threshold.
enum class IdDocument { Passport, IdCard, DrivingLicence, ResidencePermit, Other };
QString idDocumentName(IdDocument type); // "passport", "id_card", ...: the stored names
std::optional<IdDocument> idDocumentFromName(QStringView name);

struct CustomerId
{
    IdDocument type = IdDocument::IdCard;
    QString number;

    // Letters, digits, spaces, '/' and '-', 3 to 40 characters, starting with a letter or digit.
    static Result<CustomerId> create(IdDocument type, QStringView number);
    friend bool operator==(const CustomerId &, const CustomerId &) = default;
};

// Account numbers as the bank writes them: letters and digits, up to 34 (an IBAN's length).
// Spaces are dropped and letters upper-cased, so "de89 3704" and "DE893704" are one account.
Result<QString> normalizeAccountNumber(QStringView text);

// What the teller asked for, in canonical form. The fingerprint is the SHA-256 of canonical():
// a retry must carry the same fingerprint, and the server recomputes it to be sure.
class ActionRequest
{
public:
    static constexpr int MaxNoteLength = 500;

    // Validates everything that can be checked without the server: a customer action's kind,
    // account number format, a positive amount within Money::MaxActionMinorUnits, a counter
    // account for transfers only and different from the first, a note of printable text, an
    // identification for cash only.
    static Result<ActionRequest> create(ActionKind kind, QStringView account, QStringView counterAccount, const Money &amount,
                                        QStringView note = {}, const std::optional<CustomerId> &customerId = std::nullopt);

    ActionKind kind() const { return m_kind; }
    QString account() const { return m_account; }
    QString counterAccount() const { return m_counterAccount; }
    Money amount() const { return m_amount; }
    QString note() const { return m_note; }
    const std::optional<CustomerId> &customerId() const { return m_customerId; }

    QByteArray canonical() const;
    QByteArray fingerprint() const; // 32 bytes

private:
    ActionRequest(ActionKind kind, QString account, QString counter, Money amount, QString note, std::optional<CustomerId> customerId)
        : m_kind(kind), m_account(std::move(account)), m_counterAccount(std::move(counter)), m_amount(amount), m_note(std::move(note)),
          m_customerId(std::move(customerId))
    {
    }

    ActionKind m_kind;
    QString m_account;
    QString m_counterAccount;
    Money m_amount;
    QString m_note;
    std::optional<CustomerId> m_customerId;
};

// One action: the request and the key it keeps for its whole life.
struct Action
{
    IdempotencyKey key;
    ActionRequest request;
    QDateTime createdAt;

    static Action create(ActionRequest request)
    {
        return Action{IdempotencyKey::generate(), std::move(request), QDateTime::currentDateTimeUtc()};
    }
};

} // namespace teller
