#pragma once

#include "Action.h"
#include "IdempotencyKey.h"
#include "Money.h"
#include "Outcome.h"
#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace teller {

class DbSession;

// A till as its teller (their own) or a supervisor (every till of the branch) sees it.
struct TillInfo
{
    QString number;
    QString owner;
    QString ownerName;
    Currency currency = *Currency::fromCode(u"EUR");
    bool open = false;
    Money cash{0, currency}; // by the book
    Money held{0, currency}; // what operations waiting for a supervisor would take
    QDateTime openedAt;
    QString lastCountKind; // "open" or "close"
    std::optional<Money> lastCounted;
    QDateTime lastCountedAt;
    bool differencePending = false;

    Money available() const { return Money(cash.minorUnits() - held.minorUnits(), currency); }
    QJsonObject toJson() const;
};

// One line of a teller's blotter: an operation of the session and what it did to the till.
struct BlotterLine
{
    QString key;
    ActionKind kind = ActionKind::Withdrawal;
    OutcomeStatus status = OutcomeStatus::Completed;
    QString reason;
    QString account;
    QString counterAccount;
    std::optional<Money> amount;
    Money tillEffect{0, *Currency::fromCode(u"EUR")}; // + cash in, - cash out
    QString initiatedBy;
    QDateTime at;
    QJsonObject toJson() const;
};

// The session's movements, and their totals by kind (completed ones only).
struct Blotter
{
    Currency currency = *Currency::fromCode(u"EUR");
    QList<BlotterLine> lines;
    struct Total
    {
        int count = 0;
        qint64 amount = 0;     // minor units of what moved
        qint64 tillEffect = 0; // minor units in (+) or out (-) of the till
    };
    QMap<ActionKind, Total> totals;
    QJsonObject toJson() const;
};

// A note or coin of a currency.
struct Denomination
{
    Money value{0, *Currency::fromCode(u"EUR")};
    bool note = true; // else a coin
};

// A cash withdrawal or deposit at or above the large-cash threshold, for the report.
struct LargeCashLine
{
    QDateTime bookedAt;
    QString key;
    ActionKind kind = ActionKind::Withdrawal;
    OutcomeStatus status = OutcomeStatus::Completed;
    QString account;
    QString holder;
    Money amount{0, *Currency::fromCode(u"EUR")};
    QString teller;
    QString branch;
    QString workstation;
    QString documentType;
    QString documentNumber;
};

// What the cash side shows: tills, a teller's blotter, the notes and coins to count, the
// large-cash report. Moving cash goes through ActionExecutor (countTill, moveVaultCash).
class Cash
{
public:
    explicit Cash(DbSession &session) : m_session(session) {}

    // The signed-in teller's tills, or a supervisor's branch's (teller.till_status).
    Result<QList<TillInfo>> tills(const std::optional<Currency> &currency = std::nullopt);
    Result<Blotter> blotter(Currency currency);
    // Largest first, active ones only.
    Result<QList<Denomination>> denominations(Currency currency);
    // From this amount on a cash withdrawal or deposit needs the customer's identification.
    Result<Money> largeCashThreshold(Currency currency);
    // Supervisors and administrators; dates inclusive.
    Result<QList<LargeCashLine>> largeCashReport(QDate from, QDate to);
    // The report as CSV (RFC 4180, a header line, amounts in the canonical format).
    static QByteArray toCsv(const QList<LargeCashLine> &lines);

private:
    DbSession &m_session;
};

} // namespace teller
