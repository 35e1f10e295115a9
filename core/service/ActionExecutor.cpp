#include "ActionExecutor.h"

#include "DbSession.h"
#include "Journal.h"
#include "Logging.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>

namespace teller {

namespace {

// The columns readOutcome() reads, in its order (a literal, joined at compile time).
#define TELLER_RESULT_COLUMNS                                                                                          \
    "key, status, reason, replayed, operation_id, kind, account_number, counter_account_number, amount, currency, "   \
    "balance_after, available_after, executed_at, initiated_by, workstation"

const QString PerformSql = QStringLiteral("SELECT " TELLER_RESULT_COLUMNS " FROM teller.perform_action(?::uuid, ?, ?, ?, "
                                          "?::bigint, ?, decode(?, 'hex'), ?, ?)");

// The status also says who decided an approval and why, from the operation's own record (a
// NOTIFY payload is only a prompt to ask: anybody connected can send one).
const QString StatusSql = QStringLiteral(
    "SELECT r.key, r.status, r.reason, r.replayed, r.operation_id, r.kind, r.account_number, "
    "r.counter_account_number, r.amount, r.currency, r.balance_after, r.available_after, r.executed_at, "
    "r.initiated_by, r.workstation, o.decided_by, o.decision_note "
    "FROM teller.action_status(?::uuid, decode(?, 'hex')) r "
    "LEFT JOIN teller.operations o ON o.id = r.operation_id AND r.status NOT IN ('key_reused', 'unknown')");

const QString AbandonSql = QStringLiteral("SELECT " TELLER_RESULT_COLUMNS " FROM teller.abandon_action(?::uuid, ?)");

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

} // namespace

QString retryMessage(FailureClass failure)
{
    switch (failure) {
    case FailureClass::Retryable: return QCoreApplication::translate("teller::ActionExecutor", "A concurrent operation interfered");
    case FailureClass::LockTimeout: return QCoreApplication::translate("teller::ActionExecutor", "The account is locked by another operation");
    case FailureClass::StatementTimeout: return QCoreApplication::translate("teller::ActionExecutor", "The server is slow");
    case FailureClass::ConnectionLost: return QCoreApplication::translate("teller::ActionExecutor", "Connection lost");
    case FailureClass::OutcomeUnknown: return QCoreApplication::translate("teller::ActionExecutor", "Connection lost while confirming");
    case FailureClass::Definitive: break;
    }
    return QCoreApplication::translate("teller::ActionExecutor", "Failed");
}

ActionExecutor::ActionExecutor(DbSession &session, RetryPolicy policy)
    : m_session(session), m_policy(policy), m_random(QRandomGenerator::securelySeeded())
{
}

void ActionExecutor::setJournal(Journal *journal, const QString &login, const QString &database)
{
    m_journal = journal;
    m_journalLogin = login;
    m_journalDatabase = database;
}

void ActionExecutor::journalOutcome(const IdempotencyKey &key, const Outcome &outcome)
{
    if (!m_journal)
        return;
    if (auto ok = m_journal->update(key, outcome); !ok)
        qCCritical(lcAction).noquote() << ok.error().message;
}

Outcome ActionExecutor::execute(const Action &action, const RetryCallback &onRetry)
{
    qCInfo(lcAction).noquote() << "action" << action.key.toString() << actionKindName(action.request.kind())
                               << action.request.amount().toCanonical() << action.request.amount().currency().code();
    if (m_journal) {
        // On disk before anything goes to the server; if that fails, nothing is sent.
        if (auto recorded = m_journal->record(action, m_journalLogin, m_journalDatabase, m_session.options().workstation);
            !recorded) {
            Outcome out;
            out.key = action.key;
            out.status = OutcomeStatus::Error;
            out.message = recorded.error().message;
            return out;
        }
    }
    const Outcome out = run(action.key, [&](Clock::time_point deadline) { return performOnce(action, deadline); }, onRetry);
    journalOutcome(action.key, out);
    return out;
}

namespace {
// Whether an outcome is the server's answer about the key. Busy, in doubt and error are this
// workstation's own conclusions when no answer came: a status question or an abandon that
// failed says nothing about the action, so its journal entry must stay open.
bool answeredByServer(OutcomeStatus status)
{
    switch (status) {
    case OutcomeStatus::Busy:
    case OutcomeStatus::InDoubt:
    case OutcomeStatus::Error:
        return false;
    default:
        return true;
    }
}
} // namespace

Outcome ActionExecutor::status(const IdempotencyKey &key, const RetryCallback &onRetry)
{
    const Outcome out = run(key, [&](Clock::time_point deadline) { return statusOnce(key, deadline); }, onRetry);
    // "unknown" is an answer, but not a final one: the entry stays open for resubmit or abandon.
    if (answeredByServer(out.status) && out.status != OutcomeStatus::Unknown)
        journalOutcome(key, out);
    return out;
}

Result<QList<ReconcileItem>> ActionExecutor::reconcile(const RetryCallback &onRetry)
{
    QList<ReconcileItem> items;
    if (!m_journal)
        return items;
    auto entries = m_journal->openEntries(m_journalLogin, m_journalDatabase);
    if (!entries)
        return fail(entries.error());
    for (const JournalEntry &e : *entries) {
        items << ReconcileItem{e, status(e.key, onRetry)};
    }
    return items;
}

Outcome ActionExecutor::abandon(const IdempotencyKey &key, const RetryCallback &onRetry)
{
    qCInfo(lcAction).noquote() << "abandon" << key.toString();
    const Outcome out = run(key, [&](Clock::time_point deadline) { return abandonOnce(key, deadline); }, onRetry);
    if (answeredByServer(out.status))
        journalOutcome(key, out);
    return out;
}

Outcome ActionExecutor::run(const IdempotencyKey &key, const std::function<Attempt(Clock::time_point)> &once,
                            const RetryCallback &onRetry)
{
    const auto started = Clock::now();
    const auto deadline = started + m_policy.totalBudget;
    const int maxAttempts = 1 + std::max(0, m_policy.maxRetries);
    bool commitUncertain = false;
    Attempt last;
    int attempt = 0;

    while (true) {
        ++attempt;
        last = once(deadline);
        if (last.outcome) {
            Outcome out = *last.outcome;
            out.attempts = attempt;
            qCInfo(lcAction).noquote() << "key" << key.toString() << "->" << outcomeStatusName(out.status)
                                       << (out.replayed ? "(replayed)" : "") << "after" << attempt << "attempt(s)";
            return out;
        }
        if (last.failure == FailureClass::OutcomeUnknown)
            commitUncertain = true;
        qCWarning(lcAction).noquote() << "key" << key.toString() << "attempt" << attempt << "failed:"
                                      << failureClassName(last.failure) << last.error.sqlState << last.error.message;
        if (!isRetryable(last.failure))
            break;
        if (attempt >= maxAttempts || (m_cancel && m_cancel->load()))
            break;
        const auto delay = m_policy.delayBeforeRetry(attempt, m_random);
        if (Clock::now() + delay >= deadline)
            break;
        if (onRetry)
            onRetry(RetryNotice{attempt + 1, maxAttempts, last.failure, retryMessage(last.failure), delay});
        if (!sleepUnlessCancelled(delay))
            break;
    }

    Outcome out;
    out.key = key;
    out.attempts = attempt;
    if (commitUncertain || last.failure == FailureClass::ConnectionLost || last.failure == FailureClass::OutcomeUnknown) {
        // Nothing confirmed it. The key stays the action's identity: asking again with it
        // (or reconciling later) tells whether it happened; a new key never does.
        out.status = OutcomeStatus::InDoubt;
        out.message = commitUncertain
                          ? QCoreApplication::translate("teller::ActionExecutor", "The connection was lost while the server was confirming; the operation may or may not "
                               "have been carried out. Check again with the same key.")
                          : QCoreApplication::translate("teller::ActionExecutor", "The server could not be reached; the operation was not confirmed. "
                               "Check again with the same key.");
        if (!last.error.message.isEmpty())
            out.message += u' ' + last.error.message;
    } else if (isRetryable(last.failure)) {
        out.status = OutcomeStatus::Busy;
        out.message = QCoreApplication::translate("teller::ActionExecutor", "The account stayed busy; nothing was done. Try again with the same key.");
    } else {
        out.status = OutcomeStatus::Error;
        out.message = last.error.message;
    }
    qCWarning(lcAction).noquote() << "key" << key.toString() << "->" << outcomeStatusName(out.status) << "after"
                                  << attempt << "attempt(s)";
    return out;
}

bool ActionExecutor::sleepUnlessCancelled(std::chrono::milliseconds delay)
{
    const auto until = Clock::now() + delay;
    while (Clock::now() < until) {
        if (m_cancel && m_cancel->load())
            return false;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
        QThread::msleep(static_cast<unsigned long>(std::clamp<qint64>(left.count(), 1, 20)));
    }
    return true;
}

ActionExecutor::Attempt ActionExecutor::failed(const Error &e, Phase phase)
{
    Attempt a;
    a.error = e;
    a.failure = classifyFailure(e.sqlState, m_session.connectionOk(), phase);
    if (e.kind == Error::Kind::Connection && a.failure == FailureClass::Definitive)
        a.failure = FailureClass::ConnectionLost;
    return a;
}

std::optional<ActionExecutor::Attempt> ActionExecutor::ensureReady(Clock::time_point deadline)
{
    if (m_session.connectionOk())
        return std::nullopt;
    auto opened = m_session.reopen();
    Attempt a;
    if (!opened) {
        a.error = opened.error();
        // An unreachable server may come back; a wrong password or schema will not.
        a.failure = opened.error().kind == Error::Kind::Connection ? FailureClass::ConnectionLost
                                                                   : FailureClass::Definitive;
        return a;
    }
    // Reconnecting took the rest of the budget: no attempt starts after it. (Only reached after
    // a lost connection, so the action was already unconfirmed.)
    if (Clock::now() >= deadline) {
        a.error = Error{Error::Kind::Connection,
                        QCoreApplication::translate("teller::ActionExecutor", "The time for retries ran out while reconnecting."), {}};
        a.failure = FailureClass::ConnectionLost;
        return a;
    }
    return std::nullopt;
}

void ActionExecutor::rollbackQuietly()
{
    if (m_session.connectionOk())
        m_session.database().rollback();
}

ActionExecutor::Attempt ActionExecutor::performOnce(const Action &action, Clock::time_point deadline)
{
    if (auto notReady = ensureReady(deadline))
        return *notReady;
    auto statement = m_session.prepared(PerformSql);
    if (!statement)
        return failed(statement.error(), Phase::BeforeCommit);
    QSqlQuery &q = **statement;
    const ActionRequest &r = action.request;
    q.bindValue(0, action.key.toString());
    q.bindValue(1, actionKindName(r.kind()));
    q.bindValue(2, r.account());
    q.bindValue(3, nullableText(r.counterAccount()));
    q.bindValue(4, QVariant::fromValue<qlonglong>(r.amount().minorUnits()));
    q.bindValue(5, r.amount().currency().code());
    q.bindValue(6, QString::fromLatin1(r.fingerprint().toHex()));
    q.bindValue(7, m_session.options().workstation);
    q.bindValue(8, nullableText(r.note()));
    return transactionOnce(q, action.key, QCoreApplication::translate("teller::ActionExecutor", "carrying out the operation"));
}

ActionExecutor::Attempt ActionExecutor::abandonOnce(const IdempotencyKey &key, Clock::time_point deadline)
{
    if (auto notReady = ensureReady(deadline))
        return *notReady;
    auto statement = m_session.prepared(AbandonSql);
    if (!statement)
        return failed(statement.error(), Phase::BeforeCommit);
    QSqlQuery &q = **statement;
    q.bindValue(0, key.toString());
    q.bindValue(1, m_session.options().workstation);
    return transactionOnce(q, key, QCoreApplication::translate("teller::ActionExecutor", "abandoning the operation"));
}

ActionExecutor::Attempt ActionExecutor::transactionOnce(QSqlQuery &q, const IdempotencyKey &key, const QString &what)
{
    QSqlDatabase db = m_session.database();
    const auto guard = m_session.guard(m_session.statementDeadline());
    if (!db.transaction())
        return failed(m_session.error(db.lastError(), QCoreApplication::translate("teller::ActionExecutor", "starting the transaction")), Phase::BeforeCommit);
    if (!q.exec()) {
        Attempt a = failed(m_session.error(q.lastError(), what), Phase::BeforeCommit);
        rollbackQuietly();
        return a;
    }
    auto outcome = readOutcome(q, key);
    q.finish();
    if (!outcome) {
        rollbackQuietly();
        Attempt a;
        a.error = outcome.error();
        return a;
    }
    if (!db.commit())
        return failed(m_session.error(db.lastError(), QCoreApplication::translate("teller::ActionExecutor", "committing")), Phase::Commit);
    return Attempt{std::move(*outcome), FailureClass::Definitive, {}};
}

ActionExecutor::Attempt ActionExecutor::statusOnce(const IdempotencyKey &key, Clock::time_point deadline)
{
    if (auto notReady = ensureReady(deadline))
        return *notReady;
    auto statement = m_session.prepared(StatusSql);
    if (!statement)
        return failed(statement.error(), Phase::BeforeCommit);
    QSqlQuery &q = **statement;
    q.bindValue(0, key.toString());
    // The request this workstation made under the key, if its journal knows it: the server
    // then says key_reused rather than describe another operation that took the key.
    QString fingerprint;
    if (m_journal) {
        if (auto entry = m_journal->entry(key); entry && *entry)
            fingerprint = (*entry)->fingerprint;
    }
    q.bindValue(1, nullableText(fingerprint));
    const auto guard = m_session.guard(m_session.statementDeadline());
    if (!q.exec())
        return failed(m_session.error(q.lastError(), QCoreApplication::translate("teller::ActionExecutor", "asking for the operation's status")), Phase::BeforeCommit);
    auto outcome = readOutcome(q, key);
    q.finish();
    if (!outcome) {
        Attempt a;
        a.error = outcome.error();
        return a;
    }
    return Attempt{std::move(*outcome), FailureClass::Definitive, {}};
}

Result<Outcome> ActionExecutor::readOutcome(QSqlQuery &q, const IdempotencyKey &key)
{
    const auto bad = [](const QString &what) {
        return fail(Error::internal(QCoreApplication::translate("teller::ActionExecutor", "The server's answer could not be understood (%1); nothing was changed.").arg(what)));
    };
    if (!q.next())
        return bad(QCoreApplication::translate("teller::ActionExecutor", "no row"));

    Outcome o;
    o.key = key;
    if (QUuid(q.value(0).toString()) != key.uuid())
        return bad(QCoreApplication::translate("teller::ActionExecutor", "another key"));
    const auto status = outcomeStatusFromName(q.value(1).toString());
    if (!status)
        return bad(QCoreApplication::translate("teller::ActionExecutor", "status \"%1\"").arg(q.value(1).toString().left(40)));
    o.status = *status;
    o.reason = q.value(2).toString();
    o.replayed = q.value(3).toBool();
    o.operationId = bigintValue(q.value(4)).value_or(0);
    o.kind = q.value(5).toString();
    o.account = q.value(6).toString();
    o.counterAccount = q.value(7).toString();
    if (!q.value(9).isNull()) {
        const auto currency = Currency::fromCode(q.value(9).toString());
        if (!currency)
            return bad(QCoreApplication::translate("teller::ActionExecutor", "currency \"%1\"").arg(q.value(9).toString().left(8)));
        if (auto v = bigintValue(q.value(8)))
            o.amount = Money(*v, *currency);
        if (auto v = bigintValue(q.value(10)))
            o.balanceAfter = Money(*v, *currency);
        if (auto v = bigintValue(q.value(11)))
            o.availableAfter = Money(*v, *currency);
    }
    o.executedAt = q.value(12).toDateTime();
    o.initiatedBy = q.value(13).toString();
    o.workstation = q.value(14).toString();
    if (q.record().count() > 16) { // the status query (StatusSql)
        o.decidedBy = q.value(15).toString();
        o.decisionNote = q.value(16).toString();
    }
    if (o.status == OutcomeStatus::Rejected && o.reason.isEmpty())
        return bad(QCoreApplication::translate("teller::ActionExecutor", "a rejection without a reason"));
    if (o.status == OutcomeStatus::Completed && (!o.amount || !o.balanceAfter))
        return bad(QCoreApplication::translate("teller::ActionExecutor", "a completed operation without amounts"));
    return o;
}

} // namespace teller
