#include "Command.h"

#include "Administration.h"
#include "Currency.h"
#include "DatabaseIdentity.h"
#include "Money.h"
#include "WorkstationConfig.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>

using namespace teller;

namespace tellerctl {

namespace {

// The text of --help. It lists every command; each command's own usage line is its usageLine().
const char *const HelpText = QT_TRANSLATE_NOOP("tellerctl", R"(Usage: tellerctl [OPTIONS] COMMAND [ARGUMENTS]

Commands:
  migrate                          create or upgrade the database schema (as the database owner)
  seed-demo                        add the demo staff and accounts to a new, empty database (safe
                                   to run again on the demo's; refused on any other)
  staff add LOGIN --role teller|supervisor|admin [--name NAME] [--limit AMOUNT|unlimited]
            [--branch CODE] [--password-stdin]
                                   no --limit: the bank's default (a new member) or unchanged
  staff set-role LOGIN --role ROLE | staff set-limit LOGIN --limit AMOUNT|unlimited
  staff deactivate|reactivate LOGIN
                                   deactivating is at once and ends the member's sessions; what
                                   gives rights (a new member, a role, a higher limit, a password,
                                   reactivating) waits for a second admin (exit 10)
  staff pending | staff approve CHANGE | staff reject CHANGE --note TEXT
                                   the second admin: the staff changes that wait, and the decision
  password --password-stdin        choose your own password (needed before moving money after an
                                   administrator set one)
  pool-login add LOGIN --password-stdin
                                   the login a pooler (PgBouncer's forced user) uses for every
                                   workstation; each member still proves who they are (as the
                                   database owner; docs/DEPLOYMENT.md)
  account open NUMBER --holder NAME [--currency CODE] [--floor AMOUNT]
  account import FILE.csv          number,holder,currency,floor rows; all or nothing
  account show NUMBER
  account freeze|unfreeze|close NUMBER
  deposit  --account NUMBER --amount AMOUNT [--key UUID] [--note TEXT] [--id-type TYPE --id-number N]
  withdraw --account NUMBER --amount AMOUNT [--key UUID] [--note TEXT] [--id-type TYPE --id-number N]
                                   cash into or out of your open till; at or above the large-cash
                                   threshold with the customer's identification (TYPE: passport,
                                   id_card, driving_licence, residence_permit or other)
  transfer --from NUMBER --to NUMBER --amount AMOUNT [--key UUID] [--note TEXT]
  till open|close --counted AMOUNT [--currency CODE] [--denominations VALUE:COUNT,...] [--key UUID]
                                   open or close your till with the cash counted (e.g. 50:10,0.50:4);
                                   a difference beyond the tolerance waits for a supervisor
  till show [--currency CODE]      your till: open or closed, its cash, held and available
  till list [--currency CODE]      every till of the branch (supervisors)
  till blotter [--currency CODE]   your movements since the till was opened, with totals by kind
  vault receive|ship --amount AMOUNT [--currency CODE] [--key UUID]
                                   cash delivered into, or sent out of, the vault (supervisors)
  vault transfer --teller LOGIN --amount AMOUNT [--currency CODE] [--to-vault] [--key UUID]
                                   vault to the teller's open till, or with --to-vault back
                                   (supervisors)
  reverse KEY --note TEXT [--key UUID]
                                   ask for the reversal of a completed withdrawal, deposit or
                                   transfer: it waits for a supervisor other than you
  status KEY                       the server's record of an action
  abandon KEY                      give up an unconfirmed action: it will never execute
  journal list                     the open entries of this workstation's local journal
  reconcile [--resubmit|--abandon] ask the server about every open journal entry; unknown
                                   keys are resubmitted with the same key, or abandoned
  check                            verify every money invariant in the database
  pending list                     operations waiting for a supervisor (supervisors)
  pending approve KEY [--note T]   approve: the movement posts (an amount above a limit, a
                                   till's over/short, a reversal), the hold is released
  pending reject KEY --reason TEXT reject: the hold is released
  report large-cash --from YYYY-MM-DD --to YYYY-MM-DD [--output FILE]
                                   cash at or above the large-cash threshold with the customer's
                                   identification, as CSV on stdout, or into FILE with a JSON
                                   summary on stdout (supervisors and admins)
  demo start [--shell] | demo stop start or stop the private demo server
  bench [--clients N] [--seconds S] [--scenario uniform|hot|transfer|replay] [--accounts N]
                                   drive the money path and report throughput and latency
                                   (as the database owner: it adds its own staff; defaults:
                                   8 clients, 10 s, uniform, 1000 accounts)

Options:
  --db CONNINFO          libpq connection string ("host=... dbname=... user=...") or URI;
                         what it leaves out comes from the workstation configuration
                         ([server]), then from the PG* environment variables
  --retries N            retries after the first attempt (default 4; 0 = one attempt only)
  --timeout SECONDS      time budget for one action, all attempts included (default 20)
  --workstation ID       recorded with every operation (default: TELLER_WORKSTATION or host name)
  --isolation LEVEL      read-committed (default), repeatable-read or serializable
  --lock-timeout MS      how long to wait for a locked account (default 2000)
  --statement-timeout MS how long one statement may run (default 5000)
  --journal PATH         the local journal (default: TELLER_JOURNAL or the user's data folder)
  --config PATH          the workstation configuration (default: TELLER_CONFIG or /etc/teller/teller.conf)
  --help, --version

Amounts are decimal strings with '.' as separator ("1234.50"); --currency defaults to the
home currency. Every command prints one JSON object, except report large-cash without
--output (CSV) and demo start --shell. Exit codes: 0 completed,
10 pending_approval, 11 rejected, 12 key_reused, 13 busy, 14 in_doubt, 15 unknown key,
16 abandoned, 17 expired, 18 already decided (by someone else, or expired), 2 bad usage,
bad input or bad configuration, refused by tellerctl or by the server (nothing was changed),
1 anything else.
)");

} // namespace

void printJson(const QJsonObject &o)
{
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int reportError(const Error &e, const QJsonObject &extra)
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("status"), QStringLiteral("error"));
    o.insert(QStringLiteral("message"), e.message);
    if (!e.sqlState.isEmpty())
        o.insert(QStringLiteral("sqlstate"), e.sqlState);
    printJson(o);
    std::fprintf(stderr, "tellerctl: %s\n", qPrintable(e.message));
    return (e.kind == Error::Kind::BadInput || e.kind == Error::Kind::Config) ? ExitUsage : ExitFailure;
}

int usage(const QString &message)
{
    return reportError(Error::badInput(message));
}

int exitCodeFor(OutcomeStatus s)
{
    switch (s) {
    case OutcomeStatus::Completed: return ExitCompleted;
    case OutcomeStatus::PendingApproval: return ExitPending;
    case OutcomeStatus::Rejected: return ExitRejected;
    case OutcomeStatus::KeyReused: return ExitKeyReused;
    case OutcomeStatus::Busy: return ExitBusy;
    case OutcomeStatus::InDoubt: return ExitInDoubt;
    case OutcomeStatus::Unknown: return ExitUnknownKey;
    case OutcomeStatus::Abandoned: return ExitAbandoned;
    case OutcomeStatus::Expired: return ExitExpired;
    case OutcomeStatus::Error: return ExitFailure;
    }
    return ExitFailure;
}

void printRetry(const RetryNotice &n)
{
    std::fprintf(stderr, "tellerctl: %s — retrying, attempt %d of %d\n", qPrintable(n.message), n.nextAttempt, n.maxAttempts);
}

std::optional<QString> checkAmountSyntax(const QString &text)
{
    static const Currency widest = *Currency::fromCode(u"BHD"); // three decimals: the most in use
    auto parsed = Money::parseCanonical(text, widest);
    if (!parsed)
        return QCoreApplication::translate("tellerctl", "The amount \"%1\" is not valid: %2").arg(text.left(40), parsed.error().message);
    if (!parsed->isPositive())
        return QCoreApplication::translate("tellerctl", "The amount must be greater than zero.");
    return std::nullopt;
}

std::optional<QString> checkCountedSyntax(const QString &text)
{
    static const Currency widest = *Currency::fromCode(u"BHD");
    auto parsed = Money::parseCanonical(text, widest);
    if (!parsed)
        return QCoreApplication::translate("tellerctl", "The amount \"%1\" is not valid: %2").arg(text.left(40), parsed.error().message);
    if (parsed->minorUnits() < 0 || text.trimmed().startsWith(u'-'))
        return QCoreApplication::translate("tellerctl", "The counted cash cannot be negative.");
    return std::nullopt;
}

Command::Command(QString name, QStringList valueOptions, QStringList flags, const char *usageLine)
    : m_name(std::move(name)), m_valueOptions(std::move(valueOptions)), m_flags(std::move(flags)), m_usageLine(usageLine)
{
}

Command::~Command() = default;

QString Command::usageLine() const
{
    return tr(m_usageLine);
}

QStringList Command::globalValueOptions()
{
    QStringList options;
    for (const char *o :
         {"db", "retries", "timeout", "workstation", "isolation", "lock-timeout", "statement-timeout", "journal", "config"})
        options << QString::fromLatin1(o);
    return options;
}

QStringList Command::globalFlags()
{
    return {QStringLiteral("help"), QStringLiteral("version")};
}

QString Command::helpText()
{
    return tr(HelpText);
}

int Command::configure(const ArgParser &args, GlobalOptions &out)
{
    auto connection = ConnectionSettings::fromConninfo(args.value(QStringLiteral("db")));
    if (!connection)
        return reportError(connection.error());
    out.connection = *connection;

    // The workstation's configuration fills in what --db and the options do not say.
    auto config = WorkstationConfig::load(args.value(QStringLiteral("config")));
    if (!config)
        return reportError(config.error());
    config->applyTo(out.connection);
    config->applyTo(out.session);
    config->applyTo(out.policy);
    if (auto checked = ConnectionSettings::fromConninfo(out.connection.toConninfo()); !checked)
        return reportError(checked.error());
    if (auto checked = out.connection.checkHostsAndPorts(); !checked)
        return reportError(checked.error());
    out.direct = out.connection;
    if (config->listenHost) {
        out.direct.set(QStringLiteral("host"), *config->listenHost);
        if (config->listenPort)
            out.direct.set(QStringLiteral("port"), *config->listenPort);
    }

    out.session.applicationName = QStringLiteral("tellerctl " TELLER_VERSION);
    if (args.isSet(QStringLiteral("workstation")))
        out.session.workstation = args.value(QStringLiteral("workstation"));
    else if (!qEnvironmentVariableIsEmpty("TELLER_WORKSTATION"))
        out.session.workstation = qEnvironmentVariable("TELLER_WORKSTATION");
    static const QRegularExpression workstationPattern(QStringLiteral("^[A-Za-z0-9._-]{1,63}$"));
    if (out.session.workstation.isEmpty())
        out.session.workstation = SessionOptions::defaultWorkstation();
    else if (!workstationPattern.match(out.session.workstation).hasMatch())
        return usage(tr("The workstation id \"%1\" is not valid: letters, digits, '.', '_' and '-', at most 63.")
                         .arg(out.session.workstation.left(80)));

    if (args.isSet(QStringLiteral("isolation"))) {
        const auto level = isolationFromName(args.value(QStringLiteral("isolation")));
        if (!level)
            return usage(tr("The isolation level must be read-committed, repeatable-read or serializable."));
        out.session.isolation = *level;
    }
    if (args.isSet(QStringLiteral("lock-timeout"))) {
        const auto ms = parseCount(args.value(QStringLiteral("lock-timeout")), 1, 600000);
        if (!ms)
            return usage(tr("--lock-timeout takes milliseconds between 1 and 600000."));
        out.session.lockTimeout = std::chrono::milliseconds(*ms);
    }
    if (args.isSet(QStringLiteral("statement-timeout"))) {
        const auto ms = parseCount(args.value(QStringLiteral("statement-timeout")), 1, 3600000);
        if (!ms)
            return usage(tr("--statement-timeout takes milliseconds between 1 and 3600000."));
        out.session.statementTimeout = std::chrono::milliseconds(*ms);
    }
    if (args.isSet(QStringLiteral("retries"))) {
        const auto n = parseCount(args.value(QStringLiteral("retries")), 0, 1000);
        if (!n)
            return usage(tr("--retries takes a whole number between 0 and 1000."));
        out.policy.maxRetries = int(*n);
    }
    if (args.isSet(QStringLiteral("timeout"))) {
        const auto budget = parseSeconds(args.value(QStringLiteral("timeout")));
        if (!budget || *budget > std::chrono::hours(1))
            return usage(tr("--timeout takes seconds, more than 0 and at most 3600, e.g. 10 or 2.5."));
        out.policy.totalBudget = *budget;
        // No single step may outlast the whole budget.
        out.session.statementTimeout = std::min(out.session.statementTimeout, *budget);
        out.session.connectTimeout = std::clamp(std::chrono::duration_cast<std::chrono::seconds>(*budget), std::chrono::seconds(1),
                                                out.session.connectTimeout);
    }
    return ExitCompleted;
}

int Command::run(const ArgParser &args, const GlobalOptions &globals)
{
    m_args = &args;
    m_globals = globals;
    QSet<QString> allowed(m_valueOptions.cbegin(), m_valueOptions.cend());
    for (const QString &f : std::as_const(m_flags))
        allowed.insert(f);
    for (const QString &g : globalValueOptions())
        allowed.insert(g);
    const QStringList extra = args.unexpected(allowed);
    if (!extra.isEmpty())
        return usage(tr("This command does not take %1.").arg(extra.join(QStringLiteral(", "))));
    const int code = execute(args.positional());
    // A pooled login's staff session ends with the command.
    if (m_db && m_db->staffSessions())
        m_db->staffSessions()->end(*m_db);
    return code;
}

Result<void> Command::connect(DbSession::SchemaCheck check)
{
    m_db = std::make_unique<DbSession>(m_globals.connection, m_globals.session);
    m_db->setStaffSessions(std::make_shared<StaffSessions>(m_globals.direct, m_globals.session));
    // A server that is not there or not primary yet (a failover under way) is tried again
    // within the command's retry budget: nothing has been sent before a connection is made.
    Retrier retrier(m_globals.policy);
    return m_db->openRetrying(check, &retrier, printRetry);
}

Result<Journal *> Command::openJournal()
{
    if (m_journal)
        return m_journal.get();
    const QString path = args().isSet(QStringLiteral("journal")) ? args().value(QStringLiteral("journal")) : Journal::defaultPath();
    auto journal = std::make_unique<Journal>(path);
    if (auto ok = journal->open(); !ok)
        return fail(ok.error());
    if (!journal->warning().isEmpty())
        std::fprintf(stderr, "tellerctl: %s\n", qPrintable(journal->warning()));
    m_journal = std::move(journal);
    return m_journal.get();
}

Result<ActionExecutor *> Command::moneyExecutor()
{
    if (m_executor)
        return m_executor.get();
    auto journal = openJournal();
    if (!journal)
        return fail(journal.error());
    // The journal names the database by what it is, not by the address it was reached
    // through; entries of older journals under this address are adopted by reconcile().
    auto identity = readDatabaseIdentity(*m_db);
    if (!identity)
        return fail(identity.error());
    m_executor = std::make_unique<ActionExecutor>(*m_db, m_globals.policy);
    m_executor->setJournal(*journal, m_db->sessionUser(), *identity, m_globals.connection.databaseIdentity());
    // Whatever an earlier run left unconfirmed is settled (or at least looked at) first.
    auto items = m_executor->reconcile(printRetry);
    if (items) {
        for (const ReconcileItem &item : *items) {
            QJsonObject o = item.entry.toJson();
            o.insert(QStringLiteral("now"), item.outcome.toJson());
            m_reconciled.append(o);
            std::fprintf(stderr, "tellerctl: journal: %s from an earlier run is %s\n", qPrintable(item.entry.key.toString()),
                         qPrintable(outcomeStatusName(item.outcome.status)));
        }
    }
    return m_executor.get();
}

int Command::report(const Outcome &out, const QJsonObject &extra)
{
    QJsonObject o = out.toJson();
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        o.insert(it.key(), it.value());
    if (!m_reconciled.isEmpty())
        o.insert(QStringLiteral("reconciled"), m_reconciled);
    printJson(o);
    if (out.status == OutcomeStatus::Error)
        std::fprintf(stderr, "tellerctl: %s\n", qPrintable(out.message));
    return exitCodeFor(out.status);
}

Result<std::optional<Currency>> Command::currencyOption() const
{
    if (!args().isSet(QStringLiteral("currency")))
        return std::optional<Currency>();
    const QString text = args().value(QStringLiteral("currency"));
    const auto currency = Currency::fromCode(text.trimmed().toUpper());
    if (!currency)
        return fail(Error::badInput(tr("\"%1\" is not an ISO 4217 currency code this program knows.").arg(text.left(10))));
    return std::optional<Currency>(*currency);
}

Result<Currency> Command::currencyOrHome(const std::optional<Currency> &given)
{
    if (given)
        return *given;
    Administration admin(db());
    return admin.homeCurrency();
}

Result<IdempotencyKey> Command::keyOption() const
{
    if (!args().isSet(QStringLiteral("key")))
        return IdempotencyKey::generate();
    return IdempotencyKey::parse(args().value(QStringLiteral("key")));
}

QJsonObject Command::keyContext(const IdempotencyKey &key) const
{
    if (!args().isSet(QStringLiteral("key")))
        return {};
    return {{QStringLiteral("key"), key.toString()}};
}

Result<Money> Command::amountIn(const QString &text, Currency currency)
{
    auto amount = Money::parseCanonical(text, currency);
    if (!amount)
        return fail(Error::badInput(tr("The amount \"%1\" is not valid: %2").arg(text.left(40), amount.error().message)));
    if (amount->minorUnits() > Money::MaxActionMinorUnits)
        return fail(Error::badInput(tr("The amount exceeds the maximum for a single operation.")));
    return *amount;
}

int Command::runForKey(const QStringList &positional, const std::function<Outcome(ActionExecutor &, const IdempotencyKey &)> &run)
{
    if (positional.size() != 2)
        return usage(usageLine());
    auto key = IdempotencyKey::parse(positional.at(1));
    if (!key)
        return reportError(key.error());
    if (auto ok = connect(); !ok)
        return reportError(ok.error());
    auto executor = moneyExecutor();
    if (!executor)
        return reportError(executor.error());
    return report(run(**executor, *key));
}

} // namespace tellerctl
