#include "ActionExecutor.h"

#include "DatabaseIdentity.h"
#include "DbSession.h"
#include "Events.h"
#include "Journal.h"
#include "Logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>

namespace teller {

namespace {

// The columns parseOutcome() reads, in its order (a literal, joined at compile time).
#define TELLER_RESULT_COLUMNS                                                                                                           \
    "key, status, reason, replayed, operation_id, kind, account_number, counter_account_number, amount, currency, "                     \
    "balance_after, available_after, executed_at, initiated_by, workstation, till_after"

const QString PerformSql = QStringLiteral("SELECT " TELLER_RESULT_COLUMNS " FROM teller.perform_action(?::uuid, ?, ?, ?, "
                                          "?::bigint, ?, decode(?, 'hex'), ?, ?, ?, ?)");

// The status also says who decided an approval and why, from the operation's own record (an
// event is only a prompt to ask), through teller.action_decision: staff read no table.
const QString StatusSql = QStringLiteral(
    "SELECT r.key, r.status, r.reason, r.replayed, r.operation_id, r.kind, r.account_number, "
    "r.counter_account_number, r.amount, r.currency, r.balance_after, r.available_after, r.executed_at, "
    "r.initiated_by, r.workstation, r.till_after, d.decided_by, d.decision_note "
    "FROM teller.action_status(?::uuid, decode(?, 'hex')) r "
    "LEFT JOIN LATERAL teller.action_decision(r.key) d ON r.status NOT IN ('key_reused', 'unknown')");

const QString AbandonSql = QStringLiteral("SELECT " TELLER_RESULT_COLUMNS " FROM teller.abandon_action(?::uuid, ?)");

const QString ReversalSql = QStringLiteral("SELECT " TELLER_RESULT_COLUMNS " FROM teller.request_reversal(?::uuid, ?::uuid, ?, ?)");

// A till count's or vault movement's answer (teller.cash_result).
const QString CashColumns = QStringLiteral("key, status, reason, replayed, operation_id, kind, till, owner, currency, amount, "
                                           "expected, counted, difference, till_cash, vault_cash, executed_at");
const QString CountSql = QStringLiteral("SELECT ") + CashColumns
                         + QStringLiteral(" FROM teller.count_till(?::uuid, ?, ?, ?::bigint, ?::jsonb, ?)");
const QString VaultSql = QStringLiteral("SELECT ") + CashColumns
                         + QStringLiteral(" FROM teller.vault_move(?::uuid, ?, ?, ?::bigint, ?, ?)");

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

Error notUnderstood(const QString &what)
{
    return Error::internal(
        QCoreApplication::translate("teller::ActionExecutor", "The server's answer could not be understood (%1).").arg(what));
}

// The columns every answer starts with (teller.action_result and teller.cash_result): key,
// status, reason, replayed, operation_id, kind.
Result<Outcome> parseAnswerHead(const Row &q, const IdempotencyKey &key)
{
    Outcome o;
    o.key = key;
    if (QUuid(q.value(0).toString()) != key.uuid())
        return fail(notUnderstood(QCoreApplication::translate("teller::ActionExecutor", "another key")));
    const auto status = outcomeStatusFromName(q.value(1).toString());
    if (!status)
        return fail(
            notUnderstood(QCoreApplication::translate("teller::ActionExecutor", "status \"%1\"").arg(q.value(1).toString().left(40))));
    o.status = *status;
    o.reason = q.value(2).toString();
    o.replayed = q.value(3).toBool();
    o.operationId = bigintValue(q.value(4)).value_or(0);
    if (!q.value(5).isNull()) {
        o.kind = actionKindFromName(q.value(5).toString());
        if (!o.kind)
            return fail(
                notUnderstood(QCoreApplication::translate("teller::ActionExecutor", "kind \"%1\"").arg(q.value(5).toString().left(40))));
    }
    if (o.status == OutcomeStatus::Rejected && o.reason.isEmpty())
        return fail(notUnderstood(QCoreApplication::translate("teller::ActionExecutor", "a rejection without a reason")));
    return o;
}

// The currency of an answer's amounts (column `column`), if it names one.
Result<std::optional<Currency>> answerCurrency(const Row &q, int column)
{
    if (q.value(column).isNull())
        return std::optional<Currency>();
    const auto currency = Currency::fromCode(q.value(column).toString());
    if (!currency)
        return fail(notUnderstood(
            QCoreApplication::translate("teller::ActionExecutor", "currency \"%1\"").arg(q.value(column).toString().left(8))));
    return std::optional<Currency>(*currency);
}

Result<Outcome> parseOutcome(const Row &q, const IdempotencyKey &key)
{
    auto head = parseAnswerHead(q, key);
    if (!head)
        return head;
    Outcome &o = *head;
    o.account = q.value(6).toString();
    o.counterAccount = q.value(7).toString();
    const auto currency = answerCurrency(q, 9);
    if (!currency)
        return fail(currency.error());
    if (*currency) {
        const std::pair<int, std::optional<Money> *> figures[] = {
            {8, &o.amount}, {10, &o.balanceAfter}, {11, &o.availableAfter}, {15, &o.tillAfter}};
        for (const auto &[column, field] : figures) {
            if (auto v = bigintValue(q.value(column)))
                *field = Money(*v, **currency);
        }
    }
    o.executedAt = q.value(12).toDateTime();
    o.initiatedBy = q.value(13).toString();
    o.workstation = q.value(14).toString();
    if (q.count() > 17) { // the status query (StatusSql)
        o.decidedBy = q.value(16).toString();
        o.decisionNote = q.value(17).toString();
    }
    if (o.status == OutcomeStatus::Completed && (!o.kind || isCustomerAction(*o.kind)) && (!o.amount || !o.balanceAfter))
        return fail(notUnderstood(QCoreApplication::translate("teller::ActionExecutor", "a completed operation without amounts")));
    return head;
}

// A teller.cash_result row: a till count or a vault movement.
Result<Outcome> parseCashOutcome(const Row &q, const IdempotencyKey &key)
{
    auto head = parseAnswerHead(q, key);
    if (!head)
        return head;
    Outcome &o = *head;
    o.till = q.value(6).toString();
    o.tillOwner = q.value(7).toString();
    const auto currency = answerCurrency(q, 8);
    if (!currency)
        return fail(currency.error());
    if (*currency) {
        const std::pair<int, std::optional<Money> *> figures[] = {{9, &o.amount},      {10, &o.expected},  {11, &o.counted},
                                                                  {12, &o.difference}, {13, &o.tillAfter}, {14, &o.vaultAfter}};
        for (const auto &[column, field] : figures) {
            if (auto v = bigintValue(q.value(column)))
                *field = Money(*v, **currency);
        }
    }
    o.executedAt = q.value(15).toDateTime();
    return head;
}

// Runs one statement that answers an action_result row and reads it. Anything that is not a
// well-formed answer about this key is refused: nothing the server said is guessed at.
Result<Outcome> readOutcome(DbSession &session, const QString &sql, const QVariantList &values, const IdempotencyKey &key,
                            const QString &context, Result<Outcome> (*parse)(const Row &, const IdempotencyKey &) = parseOutcome)
{
    std::optional<Result<Outcome>> read;
    auto ran = session.select(sql, values, context, [&](const Row &q) {
        if (!read)
            read = parse(q, key);
    });
    if (!ran)
        return fail(ran.error());
    if (!read)
        return fail(notUnderstood(QCoreApplication::translate("teller::ActionExecutor", "no row")));
    return std::move(*read);
}

// After an answer that made the server record an event (an operation now waits for a
// supervisor), the hint for the listeners, in a statement of its own (Events.h).
void hintIfWaiting(DbSession &session, const Outcome &out)
{
    if (out.status == OutcomeStatus::PendingApproval && !out.replayed)
        sendEventHint(session);
}

} // namespace

ActionExecutor::ActionExecutor(DbSession &session, RetryPolicy policy) : m_session(session), m_retrier(policy) {}

void ActionExecutor::setJournal(Journal *journal, const QString &login, const QString &databaseIdentity, const QString &legacyAddress)
{
    m_journal = journal;
    m_journalLogin = login;
    m_journalDatabase = databaseIdentity;
    m_journalLegacyAddress = legacyAddress;
}

Result<QString> ActionExecutor::journalDatabase()
{
    if (m_journalDatabase.isEmpty()) {
        auto identity = readDatabaseIdentity(m_session);
        if (!identity)
            return fail(identity.error());
        m_journalDatabase = *identity;
    }
    return m_journalDatabase;
}

void ActionExecutor::journalOutcome(const IdempotencyKey &key, const Outcome &outcome)
{
    if (!m_journal)
        return;
    if (auto ok = m_journal->update(key, outcome); !ok)
        qCCritical(lcAction).noquote() << ok.error().message;
}

template <typename Once> Outcome ActionExecutor::run(const IdempotencyKey &key, bool writes, Once &&once, const RetryCallback &onRetry)
{
    const QString what = QStringLiteral("key ") + key.toString();
    const auto work = [&]() { return once(); };
    // A lock that was not granted in time may be held by a member of staff who sits on it:
    // before trying again, the server's guard ends such a session if it has held money locks
    // longer than the bank allows (teller.end_stale_money_sessions). Best effort: if the guard
    // cannot run, the retry goes ahead as it would have.
    const RetryCallback guardThenTell = [&](const RetryNotice &notice) {
        if (notice.failure == FailureClass::LockTimeout) {
            auto ended = m_session.selectOne(QStringLiteral("SELECT teller.end_stale_money_sessions()"), {},
                                             QCoreApplication::translate("teller::ActionExecutor", "ending stale sessions"),
                                             [](const Row &q) { return q.value(0).toInt(); });
            if (!ended)
                qCDebug(lcAction).noquote() << "the stale-session guard did not run:" << ended.error().message;
            else if (*ended > 0)
                qCWarning(lcAction).noquote() << what << "a session that held money locks too long was ended:" << *ended;
        }
        if (onRetry)
            onRetry(notice);
    };
    // Every action is one statement (a teller.* function), its own transaction: one round trip.
    Retried<Outcome> r = writes ? m_session.asOneStatement(what, work, &m_retrier, guardThenTell)
                                : m_session.withRetry(what, work, &m_retrier, onRetry);
    if (r) {
        Outcome out = std::move(*r);
        out.attempts = m_retrier.lastAttempts();
        qCInfo(lcAction).noquote() << what << "->" << outcomeStatusName(out.status) << (out.replayed ? "(replayed)" : "") << "after"
                                   << out.attempts << "attempt(s)";
        return out;
    }
    const RetryFailure &failed = r.error();
    Outcome out;
    out.key = key;
    out.attempts = failed.attempts;
    if (writes && failed.unconfirmed() && !failed.mayHaveTakenEffect) {
        // Every attempt was refused before anything was done (the server could not be reached,
        // or said no before changing anything): not in doubt, nothing happened.
        out.status = OutcomeStatus::Error;
        out.notSent = true;
        out.message = QCoreApplication::translate("teller::ActionExecutor",
                                                  "Not sent — nothing happened: the server could not be reached.");
        if (!failed.error.message.isEmpty())
            out.message += u' ' + failed.error.message;
    } else if (failed.unconfirmed()) {
        // Nothing confirmed it. The key stays the action's identity: asking again with it
        // (or reconciling later) tells whether it happened; a new key never does.
        out.status = OutcomeStatus::InDoubt;
        out.message = failed.commitUncertain
                          ? QCoreApplication::translate(
                              "teller::ActionExecutor",
                              "The connection was lost while the server was confirming; the operation may or may not "
                              "have been carried out. Check again with the same key.")
                          : QCoreApplication::translate("teller::ActionExecutor",
                                                        "The server could not be reached; the operation was not confirmed. "
                                                        "Check again with the same key.");
        if (!failed.error.message.isEmpty())
            out.message += u' ' + failed.error.message;
    } else if (isRetryable(failed.failure)) {
        out.status = OutcomeStatus::Busy;
        out.message = QCoreApplication::translate("teller::ActionExecutor",
                                                  "The account stayed busy; nothing was done. Try again with the same key.");
    } else {
        out.status = OutcomeStatus::Error;
        out.message = failed.error.message;
    }
    qCWarning(lcAction).noquote() << what << "->" << outcomeStatusName(out.status) << "after" << out.attempts << "attempt(s)";
    return out;
}

Outcome ActionExecutor::execute(const Action &action, const RetryCallback &onRetry)
{
    qCInfo(lcAction).noquote() << "action" << action.key.toString() << actionKindName(action.request.kind())
                               << action.request.amount().toCanonical() << action.request.amount().currency().code();
    if (m_journal) {
        const auto notSent = [&](const QString &message) {
            Outcome out;
            out.key = action.key;
            out.status = OutcomeStatus::Error;
            out.notSent = true;
            out.message = message;
            return out;
        };
        // The entry names the database by its identity, never by the address that reached it.
        auto database = journalDatabase();
        if (!database)
            return notSent(QCoreApplication::translate("teller::ActionExecutor",
                                                       "The database could not be identified for the local journal, so the "
                                                       "operation was not sent: %1")
                               .arg(database.error().message));
        // On disk before anything goes to the server; if that fails, nothing is sent.
        if (auto recorded = m_journal->record(action, m_journalLogin, *database, m_session.options().workstation); !recorded)
            return notSent(recorded.error().message);
    }
    const ActionRequest &r = action.request;
    const QVariantList values{action.key.toString(),
                              actionKindName(r.kind()),
                              r.account(),
                              nullableText(r.counterAccount()),
                              QVariant::fromValue<qlonglong>(r.amount().minorUnits()),
                              r.amount().currency().code(),
                              QString::fromLatin1(r.fingerprint().toHex()),
                              m_session.options().workstation,
                              nullableText(r.note()),
                              nullableText(r.customerId() ? idDocumentName(r.customerId()->type) : QString()),
                              nullableText(r.customerId() ? r.customerId()->number : QString())};
    const Outcome out = run(
        action.key, true,
        [&] {
            return readOutcome(m_session, PerformSql, values, action.key,
                               QCoreApplication::translate("teller::ActionExecutor", "carrying out the operation"));
        },
        onRetry);
    journalOutcome(action.key, out);
    hintIfWaiting(m_session, out);
    return out;
}

Outcome ActionExecutor::status(const IdempotencyKey &key, const RetryCallback &onRetry)
{
    // The request this workstation made under the key, if its journal knows it: the server
    // then says key_reused rather than describe another operation that took the key.
    QString fingerprint;
    if (m_journal) {
        if (auto entry = m_journal->entry(key); entry && *entry)
            fingerprint = (*entry)->fingerprint;
    }
    const QVariantList values{key.toString(), nullableText(fingerprint)};
    const Outcome out = run(
        key, false,
        [&] {
            return readOutcome(m_session, StatusSql, values, key,
                               QCoreApplication::translate("teller::ActionExecutor", "asking for the operation's status"));
        },
        onRetry);
    // Only an answer that settles something is journaled: "unknown" leaves the entry open for
    // resubmit or abandon, and a failed question says nothing about the action.
    if (isServerAnswer(out.status) && finality(out.status) != Finality::Unresolved)
        journalOutcome(key, out);
    return out;
}

Result<QList<ReconcileItem>> ActionExecutor::reconcile(const RetryCallback &onRetry)
{
    QList<ReconcileItem> items;
    if (!m_journal)
        return items;
    auto database = journalDatabase();
    if (!database)
        return fail(database.error());
    // Entries from before the journal was keyed by the database's identity name the address
    // they were sent through: those under this session's address are this database's.
    auto adopted = m_journal->adopt(m_journalLegacyAddress, *database);
    if (!adopted)
        return fail(adopted.error());
    if (*adopted > 0)
        qCInfo(lcAction).noquote() << "journal: adopted" << *adopted << "entries recorded under" << m_journalLegacyAddress << "as"
                                   << *database;
    auto entries = m_journal->openEntries(m_journalLogin, *database);
    if (!entries)
        return fail(entries.error());
    for (const JournalEntry &e : *entries)
        items << ReconcileItem{e, status(e.key, onRetry)};
    return items;
}

Outcome ActionExecutor::abandon(const IdempotencyKey &key, const RetryCallback &onRetry)
{
    qCInfo(lcAction).noquote() << "abandon" << key.toString();
    const QVariantList values{key.toString(), m_session.options().workstation};
    const Outcome out = run(
        key, true,
        [&] {
            return readOutcome(m_session, AbandonSql, values, key,
                               QCoreApplication::translate("teller::ActionExecutor", "abandoning the operation"));
        },
        onRetry);
    if (isServerAnswer(out.status))
        journalOutcome(key, out);
    return out;
}

Outcome ActionExecutor::countTill(const IdempotencyKey &key, TillCount count, const Money &counted,
                                  const std::optional<CashCount> &pieces, const RetryCallback &onRetry)
{
    qCInfo(lcAction).noquote() << (count == TillCount::Open ? "till open" : "till close") << key.toString() << counted.toCanonical()
                               << counted.currency().code();
    const QVariantList values{key.toString(),
                              count == TillCount::Open ? QStringLiteral("open") : QStringLiteral("close"),
                              counted.currency().code(),
                              QVariant::fromValue<qlonglong>(counted.minorUnits()),
                              pieces ? QVariant(QString::fromUtf8(QJsonDocument(pieces->toJson()).toJson(QJsonDocument::Compact)))
                                     : QVariant(QMetaType::fromType<QString>()),
                              m_session.options().workstation};
    const Outcome out = run(
        key, true,
        [&] {
            return readOutcome(m_session, CountSql, values, key,
                               QCoreApplication::translate("teller::ActionExecutor", "counting the till"), parseCashOutcome);
        },
        onRetry);
    hintIfWaiting(m_session, out);
    return out;
}

Outcome ActionExecutor::moveVaultCash(const IdempotencyKey &key, ActionKind kind, const QString &teller, const Money &amount,
                                      const RetryCallback &onRetry)
{
    qCInfo(lcAction).noquote() << actionKindName(kind) << key.toString() << teller << amount.toCanonical() << amount.currency().code();
    const QVariantList values{key.toString(),           actionKindName(kind),
                              nullableText(teller),     QVariant::fromValue<qlonglong>(amount.minorUnits()),
                              amount.currency().code(), m_session.options().workstation};
    return run(
        key, true,
        [&] {
            return readOutcome(m_session, VaultSql, values, key,
                               QCoreApplication::translate("teller::ActionExecutor", "moving the vault's cash"), parseCashOutcome);
        },
        onRetry);
}

Outcome ActionExecutor::requestReversal(const IdempotencyKey &key, const IdempotencyKey &original, const QString &note,
                                        const RetryCallback &onRetry)
{
    qCInfo(lcAction).noquote() << "reversal" << key.toString() << "of" << original.toString();
    const QVariantList values{key.toString(), original.toString(), note.trimmed(), m_session.options().workstation};
    const Outcome out = run(
        key, true,
        [&] {
            return readOutcome(m_session, ReversalSql, values, key,
                               QCoreApplication::translate("teller::ActionExecutor", "asking for a reversal"));
        },
        onRetry);
    hintIfWaiting(m_session, out);
    return out;
}

} // namespace teller
