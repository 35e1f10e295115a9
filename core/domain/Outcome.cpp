#include "Outcome.h"

#include "Names.h"

#include <QCoreApplication>

namespace teller {

namespace {
constexpr NamedValue<OutcomeStatus> statusNames[] = {
    {OutcomeStatus::Completed, u"completed"}, {OutcomeStatus::PendingApproval, u"pending_approval"},
    {OutcomeStatus::Rejected, u"rejected"},   {OutcomeStatus::KeyReused, u"key_reused"},
    {OutcomeStatus::Busy, u"busy"},           {OutcomeStatus::InDoubt, u"in_doubt"},
    {OutcomeStatus::Abandoned, u"abandoned"}, {OutcomeStatus::Expired, u"expired"},
    {OutcomeStatus::Error, u"error"},         {OutcomeStatus::Unknown, u"unknown"},
};
} // namespace

QString outcomeStatusName(OutcomeStatus status)
{
    return nameOf(statusNames, status);
}

std::optional<OutcomeStatus> outcomeStatusFromName(QStringView name)
{
    return valueOf(statusNames, name);
}

Finality finality(OutcomeStatus status)
{
    switch (status) {
    case OutcomeStatus::Completed:
    case OutcomeStatus::Rejected:
    case OutcomeStatus::KeyReused:
    case OutcomeStatus::Abandoned:
    case OutcomeStatus::Expired: return Finality::Final;
    case OutcomeStatus::PendingApproval: return Finality::Pending;
    case OutcomeStatus::Busy:
    case OutcomeStatus::InDoubt:
    case OutcomeStatus::Unknown: return Finality::Unresolved;
    case OutcomeStatus::Error: return Finality::Failed;
    }
    Q_UNREACHABLE();
}

bool isServerAnswer(OutcomeStatus status)
{
    const Finality f = finality(status);
    return f == Finality::Final || f == Finality::Pending || status == OutcomeStatus::Unknown;
}

bool closesJournalEntry(OutcomeStatus status, bool wasUnresolved)
{
    const Finality f = finality(status);
    return f == Finality::Final || (f == Finality::Failed && !wasUnresolved);
}

bool Outcome::isDefinitive() const
{
    const Finality f = finality(status);
    return f == Finality::Final || f == Finality::Failed;
}

QJsonObject Outcome::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("key"), key.toString());
    o.insert(QStringLiteral("status"), outcomeStatusName(status));
    o.insert(QStringLiteral("replayed"), replayed);
    o.insert(QStringLiteral("reason"), reason.isEmpty() ? QJsonValue() : QJsonValue(reason));
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    if (kind)
        o.insert(QStringLiteral("kind"), actionKindName(*kind));
    if (!account.isEmpty())
        o.insert(QStringLiteral("account"), account);
    if (!counterAccount.isEmpty())
        o.insert(QStringLiteral("counter_account"), counterAccount);
    if (amount) {
        o.insert(QStringLiteral("amount"), amount->toCanonical());
        o.insert(QStringLiteral("currency"), amount->currency().code());
    }
    o.insert(QStringLiteral("balance_after"), balanceAfter ? QJsonValue(balanceAfter->toCanonical()) : QJsonValue());
    if (availableAfter)
        o.insert(QStringLiteral("available_after"), availableAfter->toCanonical());
    const std::pair<const char *, const std::optional<Money> *> figures[] = {
        {"till_after", &tillAfter},  {"expected", &expected},      {"counted", &counted},
        {"difference", &difference}, {"vault_after", &vaultAfter},
    };
    for (const auto &[name, value] : figures) {
        if (*value)
            o.insert(QString::fromLatin1(name), (*value)->toCanonical());
    }
    if (!till.isEmpty())
        o.insert(QStringLiteral("till"), till);
    if (!tillOwner.isEmpty())
        o.insert(QStringLiteral("owner"), tillOwner);
    if (operationId > 0)
        o.insert(QStringLiteral("operation_id"), QString::number(operationId));
    if (executedAt.isValid())
        o.insert(QStringLiteral("executed_at"), executedAt.toUTC().toString(Qt::ISODateWithMs));
    if (!initiatedBy.isEmpty())
        o.insert(QStringLiteral("initiated_by"), initiatedBy);
    if (!workstation.isEmpty())
        o.insert(QStringLiteral("workstation"), workstation);
    if (!decidedBy.isEmpty())
        o.insert(QStringLiteral("decided_by"), decidedBy);
    if (!decisionNote.isEmpty())
        o.insert(QStringLiteral("decision_note"), decisionNote);
    o.insert(QStringLiteral("attempts"), attempts);
    return o;
}

QString reasonText(const QString &reason)
{
    static const struct
    {
        const char16_t *code;
        const char *text;
    } texts[] = {
        {u"insufficient_funds",
         QT_TRANSLATE_NOOP("teller::Outcome", "Insufficient funds: the available balance does not cover the amount.")},
        {u"account_frozen", QT_TRANSLATE_NOOP("teller::Outcome", "The account is frozen: no money may leave it.")},
        {u"account_closed", QT_TRANSLATE_NOOP("teller::Outcome", "The account is closed.")},
        {u"unknown_account", QT_TRANSLATE_NOOP("teller::Outcome", "There is no account with this number.")},
        {u"currency_mismatch", QT_TRANSLATE_NOOP("teller::Outcome", "The currency does not match the account's currency.")},
        {u"balance_limit", QT_TRANSLATE_NOOP("teller::Outcome", "The resulting balance would exceed what an account can hold.")},
        {u"supervisor_rejected", QT_TRANSLATE_NOOP("teller::Outcome", "A supervisor rejected the operation.")},
        {u"till_not_open", QT_TRANSLATE_NOOP("teller::Outcome", "Your till is not open: open it with a count first.")},
        {u"insufficient_till_cash",
         QT_TRANSLATE_NOOP("teller::Outcome", "Not enough cash in the till: ask a supervisor for cash from the vault.")},
        {u"identification_required",
         QT_TRANSLATE_NOOP("teller::Outcome", "This amount needs the customer's identification (document type and number).")},
        {u"till_already_open", QT_TRANSLATE_NOOP("teller::Outcome", "The till is already open.")},
        {u"difference_pending",
         QT_TRANSLATE_NOOP("teller::Outcome", "A difference found when the till was last counted is still waiting for a supervisor.")},
        {u"operations_pending",
         QT_TRANSLATE_NOOP("teller::Outcome",
                           "Operations waiting for a supervisor still hold cash in this till: have them decided first.")},
        {u"unknown_teller", QT_TRANSLATE_NOOP("teller::Outcome", "There is no such active teller in this branch.")},
        {u"own_till", QT_TRANSLATE_NOOP("teller::Outcome", "Cash for your own till is moved by another supervisor.")},
        {u"insufficient_vault_cash", QT_TRANSLATE_NOOP("teller::Outcome", "Not enough cash in the vault.")},
        {u"too_many_waiting",
         QT_TRANSLATE_NOOP("teller::Outcome",
                           "Too many of your operations are waiting for a supervisor (or one already holds money on this "
                           "account): have them decided first.")},
        {u"already_reversed",
         QT_TRANSLATE_NOOP("teller::Outcome", "This operation has been reversed already, or a reversal of it is waiting.")},
    };
    for (const auto &t : texts) {
        if (reason == QStringView(t.code))
            return QCoreApplication::translate("teller::Outcome", t.text);
    }
    return reason;
}

} // namespace teller
