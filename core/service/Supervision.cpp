#include "Supervision.h"

#include "DbSession.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QThread>
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
} // namespace

QJsonObject ReviewItem::toJson() const
{
    QJsonObject o{{QStringLiteral("key"), key},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("account"), account},
                  {QStringLiteral("holder"), holder},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("initiated_by"), initiatedBy},
                  {QStringLiteral("workstation"), workstation},
                  {QStringLiteral("created_at"), isoOrEmpty(createdAt)}};
    if (!counterAccount.isEmpty())
        o.insert(QStringLiteral("counter_account"), counterAccount);
    if (amount) {
        o.insert(QStringLiteral("amount"), amount->toCanonical());
        o.insert(QStringLiteral("currency"), amount->currency().code());
    }
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    if (expiresAt.isValid())
        o.insert(QStringLiteral("expires_at"), isoOrEmpty(expiresAt));
    if (!decidedBy.isEmpty())
        o.insert(QStringLiteral("decided_by"), decidedBy);
    if (decidedAt.isValid())
        o.insert(QStringLiteral("decided_at"), isoOrEmpty(decidedAt));
    if (!decisionNote.isEmpty())
        o.insert(QStringLiteral("decision_note"), decisionNote);
    if (!reason.isEmpty())
        o.insert(QStringLiteral("reason"), reason);
    return o;
}

QJsonObject DoubtItem::toJson() const
{
    QJsonObject o{{QStringLiteral("key"), key},
                  {QStringLiteral("reported_by"), reportedBy},
                  {QStringLiteral("workstation"), workstation},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("account"), account},
                  {QStringLiteral("reported_at"), isoOrEmpty(reportedAt)},
                  {QStringLiteral("server_status"), serverStatus.isEmpty() ? QStringLiteral("unknown") : serverStatus}};
    if (amount)
        o.insert(QStringLiteral("amount"), amount->toCanonical());
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    return o;
}

QJsonObject Decision::toJson() const
{
    QJsonObject o{{QStringLiteral("key"), key},
                  {QStringLiteral("decided_now"), decidedNow},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("decided_by"), decidedBy},
                  {QStringLiteral("initiated_by"), initiatedBy}};
    if (decidedAt.isValid())
        o.insert(QStringLiteral("decided_at"), isoOrEmpty(decidedAt));
    if (!decisionNote.isEmpty())
        o.insert(QStringLiteral("decision_note"), decisionNote);
    if (!reason.isEmpty())
        o.insert(QStringLiteral("reason"), reason);
    return o;
}

// The select list and joins review() reads (a literal, joined at compile time).
#define TELLER_REVIEW_SELECT                                                                                           \
    "SELECT o.key::text, o.kind, o.account_number, a.holder, o.counter_account_number, o.amount, o.currency, "       \
    "       a.balance - a.held, o.initiated_by, s.display_name, o.workstation, o.note, o.status, o.reason, "           \
    "       o.created_at, o.expires_at, o.decided_by, o.decided_at, o.decision_note "                                \
    "  FROM teller.operations o "                                                                                    \
    "  LEFT JOIN teller.accounts a ON a.id = o.account_id "                                                          \
    "  LEFT JOIN teller.staff s ON s.login = o.initiated_by "

Result<QList<ReviewItem>> Supervision::review(const QString &sql, int limit)
{
    QList<ReviewItem> list;
    auto ok = m_session.select(sql, {limit}, QCoreApplication::translate("teller::Supervision", "reading the operations to review"), [&](const QSqlQuery &q) {
        ReviewItem r;
        r.key = q.value(0).toString();
        r.kind = q.value(1).toString();
        r.account = q.value(2).toString();
        r.holder = q.value(3).toString();
        r.counterAccount = q.value(4).toString();
        r.amount = money(q.value(5), q.value(6));
        r.available = money(q.value(7), q.value(6));
        r.initiatedBy = q.value(8).toString();
        r.initiatorName = q.value(9).toString();
        r.workstation = q.value(10).toString();
        r.note = q.value(11).toString();
        r.status = q.value(12).toString();
        r.reason = q.value(13).toString();
        r.createdAt = q.value(14).toDateTime();
        r.expiresAt = q.value(15).toDateTime();
        r.decidedBy = q.value(16).toString();
        r.decidedAt = q.value(17).toDateTime();
        r.decisionNote = q.value(18).toString();
        list << r;
    });
    if (!ok)
        return fail(ok.error());
    return list;
}

Result<QList<ReviewItem>> Supervision::pending()
{
    return review(QStringLiteral(TELLER_REVIEW_SELECT "WHERE o.status = 'pending_approval' ORDER BY o.created_at LIMIT ?"), 1000);
}

Result<QList<ReviewItem>> Supervision::recentlyDecided(int limit)
{
    return review(QStringLiteral(TELLER_REVIEW_SELECT "WHERE o.decided_at IS NOT NULL ORDER BY o.decided_at DESC LIMIT ?"), limit);
}

Result<QList<DoubtItem>> Supervision::doubts(int limit)
{
    QList<DoubtItem> list;
    auto ok = m_session.select(
        QStringLiteral("SELECT d.key::text, d.reported_by, d.workstation, d.kind, d.account_number, d.counter_account_number, "
                       "       d.amount, d.currency, d.message, d.reported_at, o.status "
                       "  FROM teller.doubt_reports d LEFT JOIN teller.operations o ON o.key = d.key "
                       " ORDER BY (o.status IS NULL) DESC, d.reported_at DESC LIMIT ?"),
        {limit}, QCoreApplication::translate("teller::Supervision", "reading the operations in doubt"), [&](const QSqlQuery &q) {
            DoubtItem d;
            d.key = q.value(0).toString();
            d.reportedBy = q.value(1).toString();
            d.workstation = q.value(2).toString();
            d.kind = q.value(3).toString();
            d.account = q.value(4).toString();
            d.counterAccount = q.value(5).toString();
            d.amount = money(q.value(6), q.value(7));
            d.message = q.value(8).toString();
            d.reportedAt = q.value(9).toDateTime();
            d.serverStatus = q.value(10).toString();
            list << d;
        });
    if (!ok)
        return fail(ok.error());
    return list;
}

Result<QList<LedgerLine>> Supervision::ledger(const QString &accountNumber, int limit)
{
    QList<LedgerLine> list;
    auto ok = m_session.select(
        QStringLiteral("SELECT l.id, l.created_at, o.kind, o.key::text, l.amount, l.balance_after, a.currency, o.initiated_by, "
                       "       o.decided_by "
                       "  FROM teller.accounts a "
                       "  JOIN teller.ledger_entries l ON l.account_id = a.id "
                       "  JOIN teller.operations o ON o.id = l.operation_id "
                       " WHERE a.number = ? ORDER BY l.id DESC LIMIT ?"),
        {accountNumber, limit}, QCoreApplication::translate("teller::Supervision", "reading the ledger"), [&](const QSqlQuery &q) {
            LedgerLine line;
            line.id = bigintValue(q.value(0)).value_or(0);
            line.at = q.value(1).toDateTime();
            line.kind = q.value(2).toString();
            line.key = q.value(3).toString();
            if (auto m = money(q.value(4), q.value(6)))
                line.amount = *m;
            if (auto m = money(q.value(5), q.value(6)))
                line.balanceAfter = *m;
            line.initiatedBy = q.value(7).toString();
            line.decidedBy = q.value(8).toString();
            list << line;
        });
    if (!ok)
        return fail(ok.error());
    return list;
}

Result<Decision> Supervision::decide(const IdempotencyKey &key, bool approve, const QString &note)
{
    if (!approve && note.trimmed().isEmpty())
        return fail(Error::badInput(QCoreApplication::translate("teller::Supervision", "A rejection needs a reason.")));
    if (note.size() > 500)
        return fail(Error::badInput(QCoreApplication::translate("teller::Supervision", "The note is too long.")));
    // A decision is safe to ask again: if the first answer was lost, the second says who
    // decided (us) and how.
    for (int attempt = 1;; ++attempt) {
        if (!m_session.connectionOk()) {
            if (auto reopened = m_session.reopen(); !reopened)
                return fail(reopened.error());
        }
        QSqlDatabase db = m_session.database();
        const auto guard = m_session.guard(m_session.statementDeadline());
        auto statement = m_session.prepared(QStringLiteral(
            "SELECT key::text, decided, status, reason, decided_by, decided_at, decision_note, initiated_by "
            "FROM teller.decide_operation(?::uuid, ?, ?)"));
        if (!statement)
            return fail(statement.error());
        QSqlQuery &q = **statement;
        q.bindValue(0, key.toString());
        q.bindValue(1, approve);
        q.bindValue(2, note.trimmed().isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(note.trimmed()));
        Error failure;
        if (!db.transaction()) {
            failure = m_session.error(db.lastError(), QCoreApplication::translate("teller::Supervision", "starting the transaction"));
        } else if (!q.exec()) {
            failure = m_session.error(q.lastError(), QCoreApplication::translate("teller::Supervision", "deciding the operation"));
            if (failure.sqlState == u"P0002")
                failure.message = QCoreApplication::translate("teller::Supervision", "There is no operation with this key.");
            if (m_session.connectionOk())
                db.rollback();
        } else if (!q.next()) {
            q.finish();
            db.rollback();
            return fail(Error::internal(QCoreApplication::translate("teller::Supervision", "The server did not answer the decision; nothing was changed.")));
        } else {
            Decision d;
            d.key = q.value(0).toString();
            d.decidedNow = q.value(1).toBool();
            d.status = q.value(2).toString();
            d.reason = q.value(3).toString();
            d.decidedBy = q.value(4).toString();
            d.decidedAt = q.value(5).toDateTime();
            d.decisionNote = q.value(6).toString();
            d.initiatedBy = q.value(7).toString();
            q.finish();
            if (db.commit())
                return d;
            failure = m_session.error(db.lastError(), QCoreApplication::translate("teller::Supervision", "committing the decision"));
        }
        const bool retry = failure.kind == Error::Kind::Connection || failure.sqlState == u"40001"
                           || failure.sqlState == u"40P01" || failure.sqlState == u"55P03";
        if (!retry || attempt >= 3)
            return fail(failure);
        // The earlier attempt may have committed: asking again tells. A short, jittered pause
        // first, so that two supervisors do not meet on the same lock again.
        QThread::msleep(static_cast<unsigned long>(50 * attempt + QRandomGenerator::global()->bounded(50)));
    }
}

Result<int> Supervision::expireHolds()
{
    QSqlQuery q(m_session.database());
    const auto guard = m_session.guard(m_session.statementDeadline());
    if (!q.exec(QStringLiteral("SELECT teller.expire_holds()")) || !q.next())
        return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Supervision", "releasing expired holds")));
    return q.value(0).toInt();
}

Result<void> Supervision::reportDoubt(const IdempotencyKey &key, const QString &kind, const QString &account,
                                      const QString &counterAccount, const Money &amount, const QString &message)
{
    const auto guard = m_session.guard(m_session.statementDeadline());
    QSqlQuery q(m_session.database());
    q.prepare(QStringLiteral("SELECT teller.report_doubt(?::uuid, ?, ?, ?, ?::bigint, ?, ?, ?)"));
    q.addBindValue(key.toString());
    q.addBindValue(kind);
    q.addBindValue(account);
    q.addBindValue(counterAccount.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(counterAccount));
    q.addBindValue(QVariant::fromValue<qlonglong>(amount.minorUnits()));
    q.addBindValue(amount.currency().code());
    q.addBindValue(m_session.options().workstation);
    q.addBindValue(message.left(1000));
    if (!q.exec())
        return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Supervision", "reporting an operation in doubt")));
    return {};
}

} // namespace teller
