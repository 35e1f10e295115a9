#include "Supervision.h"

#include "DbSession.h"
#include "Events.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace teller {

namespace {
std::optional<Money> money(const QVariant &minor, const QVariant &currency)
{
    const auto c = Currency::fromCode(currency.toString());
    const auto v = bigintValue(minor);
    if (!c || !v)
        return std::nullopt;
    return Money(*v, *c);
}

QString isoOrEmpty(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// Optional fields: written only when they have a value.
void put(QJsonObject &o, const QString &name, const QString &value)
{
    if (!value.isEmpty())
        o.insert(name, value);
}

void put(QJsonObject &o, const QString &name, const QDateTime &value)
{
    if (value.isValid())
        o.insert(name, isoOrEmpty(value));
}

Error unreadable()
{
    return Error::internal(QCoreApplication::translate("teller::Supervision", "The server sent an operation this program cannot read."));
}
} // namespace

QJsonObject ReviewItem::toJson() const
{
    QJsonObject o{{QStringLiteral("key"), key},
                  {QStringLiteral("kind"), actionKindName(kind)},
                  {QStringLiteral("account"), account},
                  {QStringLiteral("holder"), holder},
                  {QStringLiteral("status"), outcomeStatusName(status)},
                  {QStringLiteral("initiated_by"), initiatedBy},
                  {QStringLiteral("workstation"), workstation},
                  {QStringLiteral("created_at"), isoOrEmpty(createdAt)}};
    put(o, QStringLiteral("counter_account"), counterAccount);
    if (amount) {
        o.insert(QStringLiteral("amount"), amount->toCanonical());
        o.insert(QStringLiteral("currency"), amount->currency().code());
    }
    put(o, QStringLiteral("note"), note);
    put(o, QStringLiteral("expires_at"), expiresAt);
    put(o, QStringLiteral("decided_by"), decidedBy);
    put(o, QStringLiteral("decided_at"), decidedAt);
    put(o, QStringLiteral("decision_note"), decisionNote);
    if (originalKind)
        o.insert(QStringLiteral("original_kind"), actionKindName(*originalKind));
    put(o, QStringLiteral("reason"), reason);
    return o;
}

QJsonObject DoubtItem::toJson() const
{
    QJsonObject o{{QStringLiteral("key"), key},
                  {QStringLiteral("reported_by"), reportedBy},
                  {QStringLiteral("workstation"), workstation},
                  {QStringLiteral("kind"), actionKindName(kind)},
                  {QStringLiteral("account"), account},
                  {QStringLiteral("reported_at"), isoOrEmpty(reportedAt)},
                  {QStringLiteral("server_status"), outcomeStatusName(serverStatus.value_or(OutcomeStatus::Unknown))}};
    if (amount)
        o.insert(QStringLiteral("amount"), amount->toCanonical());
    put(o, QStringLiteral("message"), message);
    return o;
}

QJsonObject Decision::toJson() const
{
    QJsonObject o{{QStringLiteral("key"), key},
                  {QStringLiteral("decided_now"), decidedNow},
                  {QStringLiteral("status"), outcomeStatusName(status)},
                  {QStringLiteral("decided_by"), decidedBy},
                  {QStringLiteral("initiated_by"), initiatedBy}};
    put(o, QStringLiteral("decided_at"), decidedAt);
    put(o, QStringLiteral("decision_note"), decisionNote);
    put(o, QStringLiteral("reason"), reason);
    return o;
}

// The columns review() reads, in its order, from teller.pending_operations and
// teller.decided_operations (a literal, joined at compile time).
#define TELLER_REVIEW_COLUMNS                                                                                                           \
    "key::text, kind, account_number, holder, counter_account_number, amount, currency, available, initiated_by, "                      \
    "initiator_name, workstation, note, status, reason, created_at, expires_at, decided_by, decided_at, decision_note, "                \
    "original_kind"

Result<QList<ReviewItem>> Supervision::review(const QString &sql, int limit)
{
    return m_session.retrying(QStringLiteral("review"), [&] {
        return m_session.selectAll(sql, {limit}, QCoreApplication::translate("teller::Supervision", "reading the operations to review"),
                                   [](const Row &q) -> Result<ReviewItem> {
                                       const auto kind = actionKindFromName(q.value(1).toString());
                                       const auto status = outcomeStatusFromName(q.value(12).toString());
                                       if (!kind || !status)
                                           return fail(unreadable());
                                       ReviewItem r;
                                       r.key = q.value(0).toString();
                                       r.kind = *kind;
                                       r.account = q.value(2).toString();
                                       r.holder = q.value(3).toString();
                                       r.counterAccount = q.value(4).toString();
                                       r.amount = money(q.value(5), q.value(6));
                                       r.available = money(q.value(7), q.value(6));
                                       r.initiatedBy = q.value(8).toString();
                                       r.initiatorName = q.value(9).toString();
                                       r.workstation = q.value(10).toString();
                                       r.note = q.value(11).toString();
                                       r.status = *status;
                                       r.reason = q.value(13).toString();
                                       r.createdAt = q.value(14).toDateTime();
                                       r.expiresAt = q.value(15).toDateTime();
                                       r.decidedBy = q.value(16).toString();
                                       r.decidedAt = q.value(17).toDateTime();
                                       r.decisionNote = q.value(18).toString();
                                       if (const QString original = q.value(19).toString(); !original.isEmpty()) {
                                           r.originalKind = actionKindFromName(original);
                                           if (!r.originalKind)
                                               return fail(unreadable());
                                       }
                                       return r;
                                   });
    });
}

Result<QList<ReviewItem>> Supervision::pending()
{
    return review(QStringLiteral("SELECT " TELLER_REVIEW_COLUMNS " FROM teller.pending_operations(?)"), 1000);
}

Result<QList<ReviewItem>> Supervision::recentlyDecided(int limit)
{
    return review(QStringLiteral("SELECT " TELLER_REVIEW_COLUMNS " FROM teller.decided_operations(?)"), limit);
}

Result<QList<DoubtItem>> Supervision::doubts(int limit)
{
    return m_session.retrying(QStringLiteral("doubts"), [&] {
        return m_session.selectAll(
            QStringLiteral("SELECT key::text, reported_by, workstation, kind, account_number, counter_account_number, amount, "
                           "       currency, message, reported_at, server_status FROM teller.doubt_list(?)"),
            {limit}, QCoreApplication::translate("teller::Supervision", "reading the operations in doubt"),
            [](const Row &q) -> Result<DoubtItem> {
                const auto kind = actionKindFromName(q.value(3).toString());
                const auto status = outcomeStatusFromName(q.value(10).toString());
                if (!kind || (!q.value(10).isNull() && !status))
                    return fail(unreadable());
                DoubtItem d;
                d.key = q.value(0).toString();
                d.reportedBy = q.value(1).toString();
                d.workstation = q.value(2).toString();
                d.kind = *kind;
                d.account = q.value(4).toString();
                d.counterAccount = q.value(5).toString();
                d.amount = money(q.value(6), q.value(7));
                d.message = q.value(8).toString();
                d.reportedAt = q.value(9).toDateTime();
                d.serverStatus = status;
                return d;
            });
    });
}

Result<QList<LedgerLine>> Supervision::ledger(const QString &accountNumber, int limit)
{
    return m_session.retrying(QStringLiteral("ledger"), [&] {
        return m_session.selectAll(
            // The account's movements, each as it changed the account's balance, and the balance
            // after each one (teller.account_statement).
            QStringLiteral("SELECT id, at, kind, key::text, amount, balance_after, currency, initiated_by, decided_by "
                           "  FROM teller.account_statement(?, ?)"),
            {accountNumber, limit}, QCoreApplication::translate("teller::Supervision", "reading the ledger"),
            [](const Row &q) -> Result<LedgerLine> {
                const auto kind = actionKindFromName(q.value(2).toString());
                const auto amount = money(q.value(4), q.value(6));
                const auto balance = money(q.value(5), q.value(6));
                if (!kind || !amount || !balance)
                    return fail(unreadable());
                LedgerLine line;
                line.id = bigintValue(q.value(0)).value_or(0);
                line.at = q.value(1).toDateTime();
                line.kind = *kind;
                line.key = q.value(3).toString();
                line.amount = *amount;
                line.balanceAfter = *balance;
                line.initiatedBy = q.value(7).toString();
                line.decidedBy = q.value(8).toString();
                return line;
            });
    });
}

Result<Decision> Supervision::decide(const IdempotencyKey &key, bool approve, const QString &note)
{
    if (!approve && note.trimmed().isEmpty())
        return fail(Error::badInput(QCoreApplication::translate("teller::Supervision", "A rejection needs a reason.")));
    if (note.size() > 500)
        return fail(Error::badInput(QCoreApplication::translate("teller::Supervision", "The note is too long.")));
    const QVariantList values{key.toString(), approve,
                              note.trimmed().isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(note.trimmed())};
    // A decision is safe to ask again: if the first answer was lost, the second says who
    // decided (us) and how.
    int attempts = 0;
    // A decision is a money action: a statement that is its own transaction.
    auto decided = m_session.asOneStatement(QStringLiteral("decision ") + key.toString(), [&]() -> Result<Decision> {
        ++attempts;
        auto d = m_session.selectOne(
            QStringLiteral("SELECT key::text, decided, status, reason, decided_by, decided_at, decision_note, initiated_by "
                           "FROM teller.decide_operation(?::uuid, ?, ?)"),
            values, QCoreApplication::translate("teller::Supervision", "deciding the operation"), [](const Row &q) {
                Decision row;
                row.key = q.value(0).toString();
                row.decidedNow = q.value(1).toBool();
                row.status = outcomeStatusFromName(q.value(2).toString()).value_or(OutcomeStatus::Error);
                row.reason = q.value(3).toString();
                row.decidedBy = q.value(4).toString();
                row.decidedAt = q.value(5).toDateTime();
                row.decisionNote = q.value(6).toString();
                row.initiatedBy = q.value(7).toString();
                return row;
            });
        if (d && d->status == OutcomeStatus::Error)
            return fail(unreadable());
        if (!d && d.error().sqlState == u"P0002")
            d.error().message = QCoreApplication::translate("teller::Supervision", "There is no operation with this key.");
        // An earlier attempt whose answer was lost decided it: that was this decision.
        if (d && attempts > 1 && !d->decidedNow && d->decidedBy == m_session.sessionUser()
            && d->status == (approve ? OutcomeStatus::Completed : OutcomeStatus::Rejected))
            d->decidedNow = true;
        return d;
    });
    if (decided)
        sendEventHint(m_session); // the decision (or the expiry it found) is an event
    return DbSession::result(std::move(decided));
}

Result<int> Supervision::expireHolds()
{
    auto expired = m_session.transaction(QStringLiteral("expire holds"), [&] {
        return m_session.selectOne(QStringLiteral("SELECT teller.expire_holds()"), {},
                                   QCoreApplication::translate("teller::Supervision", "releasing expired holds"),
                                   [](const Row &q) { return q.value(0).toInt(); });
    });
    if (expired && *expired > 0)
        sendEventHint(m_session);
    return expired;
}

Result<void> Supervision::reportDoubt(const IdempotencyKey &key, ActionKind kind, const QString &account, const QString &counterAccount,
                                      const Money &amount, const QString &message)
{
    const QVariantList values{key.toString(),
                              actionKindName(kind),
                              account,
                              counterAccount.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(counterAccount),
                              QVariant::fromValue<qlonglong>(amount.minorUnits()),
                              amount.currency().code(),
                              m_session.options().workstation,
                              message.left(1000)};
    auto reported = m_session.transaction(QStringLiteral("doubt report ") + key.toString(), [&]() -> Result<void> {
        return m_session.select(QStringLiteral("SELECT teller.report_doubt(?::uuid, ?, ?, ?, ?::bigint, ?, ?, ?)"), values,
                                QCoreApplication::translate("teller::Supervision", "reporting an operation in doubt"),
                                [](const Row &) {});
    });
    if (reported)
        sendEventHint(m_session);
    return reported;
}

} // namespace teller
