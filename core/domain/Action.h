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

enum class ActionKind { Withdrawal, Deposit, Transfer };

QString actionKindName(ActionKind kind); // "withdrawal", "deposit", "transfer": the stored names
std::optional<ActionKind> actionKindFromName(QStringView name);

// Account numbers as the bank writes them: letters and digits, up to 34 (an IBAN's length).
// Spaces are dropped and letters upper-cased, so "de89 3704" and "DE893704" are one account.
Result<QString> normalizeAccountNumber(QStringView text);

// What the teller asked for, in canonical form. The fingerprint is the SHA-256 of canonical():
// a retry must carry the same fingerprint, and the server recomputes it to be sure.
class ActionRequest
{
public:
    static constexpr int MaxNoteLength = 500;

    // Validates everything that can be checked without the server: account number format,
    // a positive amount within Money::MaxActionMinorUnits, a counter account for transfers
    // only and different from the first, a note of printable text.
    static Result<ActionRequest> create(ActionKind kind, QStringView account, QStringView counterAccount, const Money &amount,
                                        QStringView note = {});

    ActionKind kind() const { return m_kind; }
    QString account() const { return m_account; }
    QString counterAccount() const { return m_counterAccount; }
    Money amount() const { return m_amount; }
    QString note() const { return m_note; }

    QByteArray canonical() const;
    QByteArray fingerprint() const; // 32 bytes

private:
    ActionRequest(ActionKind kind, QString account, QString counter, Money amount, QString note)
        : m_kind(kind), m_account(std::move(account)), m_counterAccount(std::move(counter)), m_amount(amount), m_note(std::move(note))
    {
    }

    ActionKind m_kind;
    QString m_account;
    QString m_counterAccount;
    Money m_amount;
    QString m_note;
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
