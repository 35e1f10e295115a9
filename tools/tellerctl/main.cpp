// tellerctl: the Teller money core on the command line. One JSON object on stdout per command.
#include "ArgParser.h"
#include "Bench.h"
#include "FaultProxy.h"

#include "Accounts.h"
#include "ActionExecutor.h"
#include "Administration.h"
#include "DbSession.h"
#include "Journal.h"
#include "Demo.h"
#include "LocalServer.h"
#include "Logging.h"
#include "Migrator.h"
#include "Supervision.h"
#include "WorkstationConfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>
#include <functional>
#include <iostream>
#include <string>

using namespace teller;

namespace {

enum ExitCode {
    ExitCompleted = 0,
    ExitFailure = 1,
    ExitUsage = 2,
    ExitPending = 10,
    ExitRejected = 11,
    ExitKeyReused = 12,
    ExitBusy = 13,
    ExitInDoubt = 14,
    ExitUnknownKey = 15,
    ExitAbandoned = 16,
    ExitExpired = 17,
    ExitAlreadyDecided = 18,
};

QString tr(const char *text)
{
    return QCoreApplication::translate("tellerctl", text);
}

const char *const UsageText = QT_TRANSLATE_NOOP("tellerctl", R"(Usage: tellerctl [OPTIONS] COMMAND [ARGUMENTS]

Commands:
  migrate                          create or upgrade the database schema (as the database owner)
  seed-demo                        add the demo staff and accounts (safe to run again)
  staff add LOGIN --role teller|supervisor|admin [--name NAME] [--limit AMOUNT] [--password-stdin]
  account open NUMBER --holder NAME [--currency CODE] [--floor AMOUNT]
  account import FILE.csv          number,holder,currency,floor rows; all or nothing
  account show NUMBER
  account freeze|unfreeze|close NUMBER
  deposit  --account NUMBER --amount AMOUNT [--key UUID] [--note TEXT]
  withdraw --account NUMBER --amount AMOUNT [--key UUID] [--note TEXT]
  transfer --from NUMBER --to NUMBER --amount AMOUNT [--key UUID] [--note TEXT]
  status KEY                       the server's record of an action
  abandon KEY                      give up an unconfirmed action: it will never execute
  journal list                     the open entries of this workstation's local journal
  reconcile [--resubmit|--abandon] ask the server about every open journal entry; unknown
                                   keys are resubmitted with the same key, or abandoned
  check                            verify every money invariant in the database
  pending list                     operations waiting for a supervisor (supervisors)
  pending approve KEY [--note T]   approve: the debit posts, the hold is released
  pending reject KEY --reason TEXT reject: the hold is released
  demo start [--shell] | demo stop start or stop the private demo server
  bench [--clients N] [--seconds S] [--scenario uniform|hot|transfer|replay] [--accounts N]
                                   drive the money path and report throughput and latency
                                   (as an admin login; defaults: 8 clients, 10 s, uniform,
                                   1000 accounts)
  fault-proxy --upstream HOST:PORT [--listen PORT] [--latency MS]
                                   a TCP proxy for fault drills; reads commands on stdin:
                                   reset, stall, resume, latency MS, cut BYTES, swallow N,
                                   hold N, stats, quit (one JSON line each)

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

Amounts are decimal strings with '.' as separator ("1234.50"). Exit codes: 0 completed,
10 pending_approval, 11 rejected, 12 key_reused, 13 busy, 14 in_doubt, 15 unknown key,
16 abandoned, 17 expired, 18 already decided (by someone else, or expired), 2 bad usage,
bad input or bad configuration, refused by tellerctl or by the server (nothing was changed),
1 anything else.
)");

void printJson(const QJsonObject &o)
{
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int reportError(const Error &e, const QJsonObject &extra = {})
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

// Whole milliseconds from "12", "0.5" or "2.250" seconds; no floating point.
std::optional<std::chrono::milliseconds> parseSeconds(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})(?:\\.(\\d{1,3}))?$"));
    const auto m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 ms = m.captured(1).toLongLong() * 1000 + m.captured(2).leftJustified(3, u'0').toLongLong();
    if (ms <= 0)
        return std::nullopt;
    return std::chrono::milliseconds(ms);
}

std::optional<qint64> parseCount(const QString &text, qint64 min, qint64 max)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d{1,9}$"));
    if (!pattern.match(text.trimmed()).hasMatch())
        return std::nullopt;
    const qint64 v = text.trimmed().toLongLong();
    if (v < min || v > max)
        return std::nullopt;
    return v;
}

// The syntax of an amount, checked before anything is sent: digits, at most one '.', no sign.
// The currency's own rules (number of decimals) are checked once the account is known.
std::optional<QString> checkAmountSyntax(const QString &text)
{
    static const Currency widest = *Currency::fromCode(u"BHD"); // three decimals: the most in use
    auto parsed = Money::parseCanonical(text, widest);
    if (!parsed)
        return tr("The amount \"%1\" is not valid: %2").arg(text.left(40), parsed.error().message);
    if (!parsed->isPositive())
        return tr("The amount must be greater than zero.");
    return std::nullopt;
}

// A value for a POSIX shell's eval: in single quotes, inside which nothing is special; a
// single quote itself ends the quoting, is escaped, and the quoting starts again: '\''.
QString shellQuote(const QString &value)
{
    QString quoted = value;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

class Tool
{
public:
    int run(const QStringList &arguments);

private:
    int configure();
    Result<void> connect(DbSession::SchemaCheck check = DbSession::SchemaCheck::Require);
    int checkOptions(const QSet<QString> &allowed);

    int migrate();
    int seedDemo();
    int staffAdd(const QStringList &pos);
    int account(const QStringList &pos);
    int accountImport(const QString &file);
    int action(ActionKind kind);
    int status(const QStringList &pos);
    int abandonKey(const QStringList &pos);
    int keyCommand(const QStringList &pos, const QString &usageText,
                   const std::function<Outcome(ActionExecutor &, const IdempotencyKey &)> &run);
    int journalList(const QStringList &pos);
    int reconcile(const QStringList &pos);
    // The executor every money command uses: journaled, and with the journal's open entries
    // reconciled first (their results go into the JSON as "reconciled").
    Result<ActionExecutor *> moneyExecutor();
    Result<Journal *> openJournal();
    int report(const Outcome &out);
    int check();
    int pending(const QStringList &pos);
    int demo(const QStringList &pos);
    int faultProxy(const QStringList &pos);
    int bench(const QStringList &pos);

    Result<Currency> actionCurrency(const QString &account, const QString &counter);

    ArgParser m_args;
    ConnectionSettings m_connection;
    SessionOptions m_session;
    RetryPolicy m_policy;
    std::unique_ptr<DbSession> m_db;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<ActionExecutor> m_executor;
    QJsonArray m_reconciled;
};

int Tool::run(const QStringList &arguments)
{
    for (const char *o : {"db", "retries", "timeout", "workstation", "isolation", "lock-timeout", "statement-timeout", "journal", "config",
                          "role", "name", "limit", "holder", "currency", "floor", "account", "from", "to", "amount",
                          "key", "note", "upstream", "listen", "latency", "reason",
                          "clients", "seconds", "scenario", "accounts"})
        m_args.addValueOption(QString::fromLatin1(o));
    for (const char *f : {"help", "version", "password-stdin", "shell", "resubmit", "abandon"})
        m_args.addFlag(QString::fromLatin1(f));

    if (auto error = m_args.parse(arguments))
        return usage(*error);
    if (m_args.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(tr(UsageText)), stdout);
        return ExitCompleted;
    }
    if (m_args.isSet(QStringLiteral("version"))) {
        std::printf("tellerctl %s\n", TELLER_VERSION);
        return ExitCompleted;
    }
    const QStringList pos = m_args.positional();
    if (pos.isEmpty()) {
        std::fputs(qPrintable(tr(UsageText)), stderr);
        return usage(tr("No command given."));
    }
    if (const int rc = configure(); rc != ExitCompleted)
        return rc;

    const QString command = pos.first();
    const QString k = QStringLiteral("key"), note = QStringLiteral("note"), amount = QStringLiteral("amount");
    struct Route
    {
        const char16_t *name;
        QSet<QString> options;
        std::function<int()> handler;
    };
    const Route routes[] = {
        {u"migrate", {}, [&] { return migrate(); }},
        {u"seed-demo", {}, [&] { return seedDemo(); }},
        {u"staff", {QStringLiteral("role"), QStringLiteral("name"), QStringLiteral("limit"), QStringLiteral("password-stdin")},
         [&] { return staffAdd(pos); }},
        {u"account", {QStringLiteral("holder"), QStringLiteral("currency"), QStringLiteral("floor")}, [&] { return account(pos); }},
        {u"deposit", {QStringLiteral("account"), amount, k, note}, [&] { return action(ActionKind::Deposit); }},
        {u"withdraw", {QStringLiteral("account"), amount, k, note}, [&] { return action(ActionKind::Withdrawal); }},
        {u"transfer", {QStringLiteral("from"), QStringLiteral("to"), amount, k, note}, [&] { return action(ActionKind::Transfer); }},
        {u"status", {}, [&] { return status(pos); }},
        {u"abandon", {}, [&] { return abandonKey(pos); }},
        {u"journal", {}, [&] { return journalList(pos); }},
        {u"reconcile", {QStringLiteral("resubmit"), QStringLiteral("abandon")}, [&] { return reconcile(pos); }},
        {u"check", {}, [&] { return check(); }},
        {u"pending", {QStringLiteral("note"), QStringLiteral("reason")}, [&] { return pending(pos); }},
        {u"demo", {QStringLiteral("shell")}, [&] { return demo(pos); }},
        {u"bench", {QStringLiteral("clients"), QStringLiteral("seconds"), QStringLiteral("scenario"), QStringLiteral("accounts")},
         [&] { return bench(pos); }},
        {u"fault-proxy", {QStringLiteral("upstream"), QStringLiteral("listen"), QStringLiteral("latency")},
         [&] { return faultProxy(pos); }},
    };
    for (const Route &r : routes) {
        if (command != QStringView(r.name))
            continue;
        if (const int rc = checkOptions(r.options); rc != ExitCompleted)
            return rc;
        return r.handler();
    }
    return usage(tr("Unknown command \"%1\". See tellerctl --help.").arg(command.left(40)));
}

int Tool::checkOptions(const QSet<QString> &allowed)
{
    QSet<QString> all = allowed;
    for (const char *g : {"db", "retries", "timeout", "workstation", "isolation", "lock-timeout", "statement-timeout", "journal",
                          "config"})
        all.insert(QString::fromLatin1(g));
    const QStringList extra = m_args.unexpected(all);
    if (!extra.isEmpty())
        return usage(tr("This command does not take %1.").arg(extra.join(QStringLiteral(", "))));
    return ExitCompleted;
}

int Tool::configure()
{
    auto connection = ConnectionSettings::fromConninfo(m_args.value(QStringLiteral("db")));
    if (!connection)
        return reportError(connection.error());
    m_connection = *connection;

    // The workstation's configuration fills in what --db and the options do not say.
    auto config = WorkstationConfig::load(m_args.value(QStringLiteral("config")));
    if (!config)
        return reportError(config.error());
    config->applyTo(m_connection);
    config->applyTo(m_session);
    config->applyTo(m_policy);
    if (auto checked = ConnectionSettings::fromConninfo(m_connection.toConninfo()); !checked)
        return reportError(checked.error());

    m_session.applicationName = QStringLiteral("tellerctl " TELLER_VERSION);
    if (m_args.isSet(QStringLiteral("workstation")))
        m_session.workstation = m_args.value(QStringLiteral("workstation"));
    else if (!qEnvironmentVariableIsEmpty("TELLER_WORKSTATION"))
        m_session.workstation = qEnvironmentVariable("TELLER_WORKSTATION");
    static const QRegularExpression workstationPattern(QStringLiteral("^[A-Za-z0-9._-]{1,63}$"));
    if (m_session.workstation.isEmpty())
        m_session.workstation = SessionOptions::defaultWorkstation();
    else if (!workstationPattern.match(m_session.workstation).hasMatch())
        return usage(tr("The workstation id \"%1\" is not valid: letters, digits, '.', '_' and '-', at most 63.")
                         .arg(m_session.workstation.left(80)));

    if (m_args.isSet(QStringLiteral("isolation"))) {
        const auto level = isolationFromName(m_args.value(QStringLiteral("isolation")));
        if (!level)
            return usage(tr("The isolation level must be read-committed, repeatable-read or serializable."));
        m_session.isolation = *level;
    }
    if (m_args.isSet(QStringLiteral("lock-timeout"))) {
        const auto ms = parseCount(m_args.value(QStringLiteral("lock-timeout")), 1, 600000);
        if (!ms)
            return usage(tr("--lock-timeout takes milliseconds between 1 and 600000."));
        m_session.lockTimeout = std::chrono::milliseconds(*ms);
    }
    if (m_args.isSet(QStringLiteral("statement-timeout"))) {
        const auto ms = parseCount(m_args.value(QStringLiteral("statement-timeout")), 1, 3600000);
        if (!ms)
            return usage(tr("--statement-timeout takes milliseconds between 1 and 3600000."));
        m_session.statementTimeout = std::chrono::milliseconds(*ms);
    }
    if (m_args.isSet(QStringLiteral("retries"))) {
        const auto n = parseCount(m_args.value(QStringLiteral("retries")), 0, 1000);
        if (!n)
            return usage(tr("--retries takes a whole number between 0 and 1000."));
        m_policy.maxRetries = int(*n);
    }
    if (m_args.isSet(QStringLiteral("timeout"))) {
        const auto budget = parseSeconds(m_args.value(QStringLiteral("timeout")));
        if (!budget || *budget > std::chrono::hours(1))
            return usage(tr("--timeout takes seconds, more than 0 and at most 3600, e.g. 10 or 2.5."));
        m_policy.totalBudget = *budget;
        // No single step may outlast the whole budget.
        m_session.statementTimeout = std::min(m_session.statementTimeout, *budget);
        m_session.connectTimeout = std::clamp(std::chrono::duration_cast<std::chrono::seconds>(*budget),
                                              std::chrono::seconds(1), m_session.connectTimeout);
    }
    return ExitCompleted;
}

Result<void> Tool::connect(DbSession::SchemaCheck check)
{
    m_db = std::make_unique<DbSession>(m_connection, m_session);
    return m_db->open(check);
}

int Tool::migrate()
{
    if (auto ok = connect(DbSession::SchemaCheck::Skip); !ok)
        return reportError(ok.error());
    Migrator migrator(*m_db);
    auto report = migrator.migrate();
    if (!report)
        return reportError(report.error());
    QJsonArray applied;
    for (const Migration &m : report->applied)
        applied.append(QStringLiteral("%1_%2").arg(m.version, 3, 10, QLatin1Char('0')).arg(m.name));
    QJsonObject o;
    o.insert(QStringLiteral("status"), QStringLiteral("completed"));
    o.insert(QStringLiteral("from_version"), report->fromVersion);
    o.insert(QStringLiteral("schema_version"), report->toVersion);
    o.insert(QStringLiteral("applied"), applied);
    printJson(o);
    return ExitCompleted;
}

int Tool::seedDemo()
{
    if (auto ok = connect(); !ok)
        return reportError(ok.error());
    auto seeded = demo::seed(*m_db, m_connection);
    if (!seeded)
        return reportError(seeded.error());
    printJson(*seeded);
    return ExitCompleted;
}

int Tool::staffAdd(const QStringList &pos)
{
    if (pos.size() != 3 || pos.at(1) != u"add")
        return usage(tr("Usage: tellerctl staff add LOGIN --role teller|supervisor|admin [--name NAME] [--limit AMOUNT] "
                        "[--password-stdin]"));
    const QString login = pos.at(2);
    const auto role = staffRoleFromName(m_args.value(QStringLiteral("role")));
    if (!role)
        return usage(tr("--role must be teller, supervisor or admin."));
    const QString limitText = m_args.value(QStringLiteral("limit"));
    if (m_args.isSet(QStringLiteral("limit"))) {
        if (auto bad = checkAmountSyntax(limitText))
            return usage(*bad);
    }
    std::optional<QString> password;
    if (m_args.isSet(QStringLiteral("password-stdin"))) {
        std::string line;
        std::getline(std::cin, line);
        QString p = QString::fromStdString(line);
        if (p.endsWith(u'\r'))
            p.chop(1);
        if (p.isEmpty())
            return usage(tr("No password arrived on standard input."));
        password = p;
    }

    if (auto ok = connect(); !ok)
        return reportError(ok.error());
    Administration admin(*m_db);
    std::optional<Money> limit;
    if (m_args.isSet(QStringLiteral("limit"))) {
        auto home = admin.homeCurrency();
        if (!home)
            return reportError(home.error());
        auto parsed = Money::parseCanonical(limitText, *home);
        if (!parsed)
            return usage(tr("The limit \"%1\" is not valid: %2").arg(limitText.left(40), parsed.error().message));
        limit = *parsed;
    }
    auto added = admin.addStaff(login, m_args.value(QStringLiteral("name")), *role, limit, password);
    if (!added)
        return reportError(added.error());
    QJsonObject o = added->toJson();
    o.insert(QStringLiteral("status"), QStringLiteral("completed"));
    o.insert(QStringLiteral("password_set"), password.has_value());
    printJson(o);
    return ExitCompleted;
}

int Tool::account(const QStringList &pos)
{
    const QString sub = pos.value(1);
    if (sub == u"import" && pos.size() == 3)
        return accountImport(pos.at(2));
    if (pos.size() != 3 || !QStringList{QStringLiteral("open"), QStringLiteral("show"), QStringLiteral("freeze"),
                                        QStringLiteral("unfreeze"), QStringLiteral("close")}
                                 .contains(sub))
        return usage(tr("Usage: tellerctl account open|show|freeze|unfreeze|close NUMBER | account import FILE.csv"));
    auto number = normalizeAccountNumber(pos.at(2));
    if (!number)
        return reportError(number.error());

    if (sub == u"open") {
        const QString holder = m_args.value(QStringLiteral("holder")).trimmed();
        if (holder.isEmpty() || holder.size() > 200)
            return usage(tr("--holder NAME is required (at most 200 characters)."));
        std::optional<Currency> currency;
        if (m_args.isSet(QStringLiteral("currency"))) {
            currency = Currency::fromCode(m_args.value(QStringLiteral("currency")).trimmed().toUpper());
            if (!currency)
                return usage(tr("\"%1\" is not an ISO 4217 currency code this program knows.")
                                 .arg(m_args.value(QStringLiteral("currency")).left(10)));
        }
        if (auto ok = connect(); !ok)
            return reportError(ok.error());
        Administration admin(*m_db);
        if (!currency) {
            auto home = admin.homeCurrency();
            if (!home)
                return reportError(home.error());
            currency = *home;
        }
        Money floor(0, *currency);
        if (m_args.isSet(QStringLiteral("floor"))) {
            auto parsed = Money::parseCanonical(m_args.value(QStringLiteral("floor")), *currency);
            if (!parsed)
                return usage(tr("The floor is not valid: %1").arg(parsed.error().message));
            if (parsed->minorUnits() > 0)
                return usage(tr("The floor is the lowest balance allowed: 0, or negative for an overdraft (e.g. -500.00)."));
            floor = *parsed;
        }
        auto opened = admin.openAccount(*number, holder, *currency, floor);
        if (!opened)
            return reportError(opened.error());
        QJsonObject o = opened->toJson();
        o.insert(QStringLiteral("status"), QStringLiteral("completed"));
        o.insert(QStringLiteral("account_status"), accountStatusName(opened->status));
        printJson(o);
        return ExitCompleted;
    }

    if (m_args.isSet(QStringLiteral("holder")) || m_args.isSet(QStringLiteral("currency")) || m_args.isSet(QStringLiteral("floor")))
        return usage(tr("Only \"account open\" takes --holder, --currency and --floor."));
    if (auto ok = connect(); !ok)
        return reportError(ok.error());
    if (sub == u"show") {
        AccountDirectory directory(*m_db);
        auto found = directory.find(*number);
        if (!found)
            return reportError(found.error());
        if (!*found) {
            QJsonObject o;
            o.insert(QStringLiteral("status"), QStringLiteral("rejected"));
            o.insert(QStringLiteral("reason"), QStringLiteral("unknown_account"));
            o.insert(QStringLiteral("number"), *number);
            printJson(o);
            return ExitRejected;
        }
        printJson((*found)->toJson());
        return ExitCompleted;
    }
    const AccountStatus target = sub == u"freeze" ? AccountStatus::Frozen
                                 : sub == u"close" ? AccountStatus::Closed
                                                   : AccountStatus::Active;
    Administration admin(*m_db);
    auto changed = admin.setAccountStatus(*number, target);
    if (!changed) {
        if (changed.error().sqlState == u"P0002") {
            QJsonObject o;
            o.insert(QStringLiteral("status"), QStringLiteral("rejected"));
            o.insert(QStringLiteral("reason"), QStringLiteral("unknown_account"));
            o.insert(QStringLiteral("number"), *number);
            printJson(o);
            return ExitRejected;
        }
        return reportError(changed.error());
    }
    QJsonObject o = changed->toJson();
    o.insert(QStringLiteral("account_status"), accountStatusName(changed->status));
    o.insert(QStringLiteral("status"), QStringLiteral("completed"));
    printJson(o);
    return ExitCompleted;
}

int Tool::accountImport(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return usage(tr("The file %1 cannot be read.").arg(file));
    const QByteArray data = f.read(64 * 1024 * 1024);
    if (auto ok = connect(); !ok)
        return reportError(ok.error());
    Administration admin(*m_db);
    auto home = admin.homeCurrency();
    if (!home)
        return reportError(home.error());
    auto rows = parseAccountCsv(data, *home);
    if (!rows)
        return reportError(rows.error(), {{QStringLiteral("file"), file}});
    auto created = admin.importAccounts(*rows);
    if (!created)
        return reportError(created.error(), {{QStringLiteral("file"), file}});
    printJson({{QStringLiteral("status"), QStringLiteral("completed")},
               {QStringLiteral("file"), file},
               {QStringLiteral("accounts"), int(rows->size())},
               {QStringLiteral("opened"), *created},
               {QStringLiteral("already_open"), int(rows->size()) - *created}});
    return ExitCompleted;
}

// The currency an action is in: the first account's, else the counter account's, else (no
// such accounts) the home currency, so that the rejection is recorded under the key like
// any other and a retry of the same key can never execute later.
Result<Currency> Tool::actionCurrency(const QString &account, const QString &counter)
{
    AccountDirectory directory(*m_db);
    for (const QString &number : {account, counter}) {
        if (number.isEmpty())
            continue;
        auto found = directory.find(number);
        if (!found)
            return fail(found.error());
        if (*found)
            return (*found)->currency();
    }
    Administration admin(*m_db);
    return admin.homeCurrency();
}

int Tool::action(ActionKind kind)
{
    QJsonObject context;
    IdempotencyKey key;
    if (m_args.isSet(QStringLiteral("key"))) {
        auto parsed = IdempotencyKey::parse(m_args.value(QStringLiteral("key")));
        if (!parsed)
            return reportError(parsed.error());
        key = *parsed;
        context.insert(QStringLiteral("key"), key.toString());
    }
    const bool transfer = kind == ActionKind::Transfer;
    const QString accountOption = transfer ? QStringLiteral("from") : QStringLiteral("account");
    if (!m_args.isSet(accountOption) || !m_args.isSet(QStringLiteral("amount")) || (transfer && !m_args.isSet(QStringLiteral("to"))))
        return reportError(Error::badInput(transfer ? tr("Usage: tellerctl transfer --from NUMBER --to NUMBER --amount AMOUNT [--key UUID]")
                                                    : tr("Usage: tellerctl %1 --account NUMBER --amount AMOUNT [--key UUID]")
                                                          .arg(kind == ActionKind::Deposit ? QStringLiteral("deposit")
                                                                                           : QStringLiteral("withdraw"))),
                           context);
    auto account = normalizeAccountNumber(m_args.value(accountOption));
    if (!account)
        return reportError(account.error(), context);
    QString counter;
    if (transfer) {
        auto to = normalizeAccountNumber(m_args.value(QStringLiteral("to")));
        if (!to)
            return reportError(to.error(), context);
        counter = *to;
        if (counter == *account)
            return reportError(Error::badInput(tr("A transfer needs two different accounts.")), context);
    }
    const QString amountText = m_args.value(QStringLiteral("amount"));
    if (auto bad = checkAmountSyntax(amountText))
        return reportError(Error::badInput(*bad), context);

    if (auto ok = connect(); !ok)
        return reportError(ok.error(), context);
    auto currency = actionCurrency(*account, counter);
    if (!currency)
        return reportError(currency.error(), context);
    auto amount = Money::parseCanonical(amountText, *currency);
    if (!amount)
        return reportError(Error::badInput(tr("The amount \"%1\" is not valid: %2").arg(amountText.left(40), amount.error().message)),
                           context);
    auto request = ActionRequest::create(kind, *account, counter, *amount, m_args.value(QStringLiteral("note")));
    if (!request)
        return reportError(request.error(), context);

    Action action = Action::create(*request);
    if (!key.isNull())
        action.key = key;
    auto executor = moneyExecutor();
    if (!executor)
        return reportError(executor.error(), context);
    return report((*executor)->execute(action, printRetry));
}

int Tool::report(const Outcome &out)
{
    QJsonObject o = out.toJson();
    if (!m_reconciled.isEmpty())
        o.insert(QStringLiteral("reconciled"), m_reconciled);
    printJson(o);
    if (out.status == OutcomeStatus::Error)
        std::fprintf(stderr, "tellerctl: %s\n", qPrintable(out.message));
    return exitCodeFor(out.status);
}

Result<Journal *> Tool::openJournal()
{
    if (m_journal)
        return m_journal.get();
    const QString path = m_args.isSet(QStringLiteral("journal")) ? m_args.value(QStringLiteral("journal")) : Journal::defaultPath();
    auto journal = std::make_unique<Journal>(path);
    if (auto ok = journal->open(); !ok)
        return fail(ok.error());
    if (!journal->warning().isEmpty())
        std::fprintf(stderr, "tellerctl: %s\n", qPrintable(journal->warning()));
    m_journal = std::move(journal);
    return m_journal.get();
}

Result<ActionExecutor *> Tool::moneyExecutor()
{
    if (m_executor)
        return m_executor.get();
    auto journal = openJournal();
    if (!journal)
        return fail(journal.error());
    m_executor = std::make_unique<ActionExecutor>(*m_db, m_policy);
    m_executor->setJournal(*journal, m_db->sessionUser(), m_connection.databaseIdentity());
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

int Tool::keyCommand(const QStringList &pos, const QString &usageText,
                     const std::function<Outcome(ActionExecutor &, const IdempotencyKey &)> &run)
{
    if (pos.size() != 2)
        return usage(usageText);
    auto key = IdempotencyKey::parse(pos.at(1));
    if (!key)
        return reportError(key.error());
    if (auto ok = connect(); !ok)
        return reportError(ok.error());
    auto executor = moneyExecutor();
    if (!executor)
        return reportError(executor.error());
    return report(run(**executor, *key));
}

int Tool::status(const QStringList &pos)
{
    return keyCommand(pos, tr("Usage: tellerctl status KEY"),
                      [](ActionExecutor &e, const IdempotencyKey &key) { return e.status(key, printRetry); });
}

int Tool::abandonKey(const QStringList &pos)
{
    return keyCommand(pos, tr("Usage: tellerctl abandon KEY"),
                      [](ActionExecutor &e, const IdempotencyKey &key) { return e.abandon(key, printRetry); });
}

int Tool::journalList(const QStringList &pos)
{
    if (pos.size() != 2 || pos.at(1) != u"list")
        return usage(tr("Usage: tellerctl journal list"));
    auto journal = openJournal();
    if (!journal)
        return reportError(journal.error());
    auto entries = (*journal)->openEntries();
    if (!entries)
        return reportError(entries.error());
    QJsonArray list;
    for (const JournalEntry &e : *entries)
        list.append(e.toJson());
    printJson({{QStringLiteral("status"), QStringLiteral("completed")},
               {QStringLiteral("journal"), (*journal)->path()},
               {QStringLiteral("open"), list}});
    return ExitCompleted;
}

int Tool::reconcile(const QStringList &pos)
{
    if (pos.size() != 1)
        return usage(tr("Usage: tellerctl reconcile [--resubmit | --abandon]"));
    const bool resubmit = m_args.isSet(QStringLiteral("resubmit"));
    const bool abandon = m_args.isSet(QStringLiteral("abandon"));
    if (resubmit && abandon)
        return usage(tr("Choose --resubmit or --abandon, not both."));
    if (auto ok = connect(); !ok)
        return reportError(ok.error());
    auto executor = moneyExecutor();
    if (!executor)
        return reportError(executor.error());
    // moneyExecutor() asked about every open entry; what the server has never seen is now
    // resubmitted with its own key, or abandoned, if asked to.
    int unresolved = 0;
    QJsonArray items;
    for (const QJsonValue &v : std::as_const(m_reconciled)) {
        QJsonObject item = v.toObject();
        const QString status = item.value(QStringLiteral("now")).toObject().value(QStringLiteral("status")).toString();
        if (status == u"unknown" && (resubmit || abandon)) {
            const auto key = IdempotencyKey::parse(item.value(QStringLiteral("key")).toString());
            auto entry = (*openJournal())->entry(*key);
            Outcome out;
            if (abandon) {
                out = (*executor)->abandon(*key, printRetry);
            } else if (entry && *entry) {
                auto action = (*entry)->toAction();
                if (!action)
                    return reportError(action.error());
                out = (*executor)->execute(*action, printRetry);
            }
            item.insert(QStringLiteral("now"), out.toJson());
        }
        const QString now = item.value(QStringLiteral("now")).toObject().value(QStringLiteral("status")).toString();
        if (now == u"unknown" || now == u"in_doubt" || now == u"busy")
            ++unresolved;
        items.append(item);
    }
    printJson({{QStringLiteral("status"), unresolved ? QStringLiteral("in_doubt") : QStringLiteral("completed")},
               {QStringLiteral("items"), items},
               {QStringLiteral("unresolved"), unresolved}});
    return unresolved ? ExitInDoubt : ExitCompleted;
}

int Tool::pending(const QStringList &pos)
{
    const QString sub = pos.value(1);
    const bool list = sub == u"list" && pos.size() == 2;
    const bool decide = (sub == u"approve" || sub == u"reject") && pos.size() == 3;
    if (!list && !decide)
        return usage(tr("Usage: tellerctl pending list | pending approve KEY [--note TEXT] | pending reject KEY --reason TEXT"));
    std::optional<IdempotencyKey> key;
    QString note;
    if (decide) {
        auto parsed = IdempotencyKey::parse(pos.at(2));
        if (!parsed)
            return reportError(parsed.error());
        key = *parsed;
        if (sub == u"reject") {
            note = m_args.value(QStringLiteral("reason")).trimmed();
            if (note.isEmpty() || m_args.isSet(QStringLiteral("note")))
                return usage(tr("A rejection needs --reason TEXT."));
        } else {
            if (m_args.isSet(QStringLiteral("reason")))
                return usage(tr("--reason is for rejections; an approval takes --note."));
            note = m_args.value(QStringLiteral("note")).trimmed();
        }
        if (note.size() > 500)
            return usage(tr("The reason or note is too long (at most 500 characters)."));
    } else if (m_args.isSet(QStringLiteral("note")) || m_args.isSet(QStringLiteral("reason"))) {
        return usage(tr("pending list takes no --note or --reason."));
    }
    if (auto ok = connect(); !ok)
        return reportError(ok.error());
    Supervision supervision(*m_db);
    if (list) {
        if (auto expired = supervision.expireHolds(); !expired)
            return reportError(expired.error());
        auto items = supervision.pending();
        if (!items)
            return reportError(items.error());
        QJsonArray array;
        for (const ReviewItem &item : *items)
            array.append(item.toJson());
        printJson({{QStringLiteral("status"), QStringLiteral("completed")}, {QStringLiteral("pending"), array}});
        return ExitCompleted;
    }
    auto decision = supervision.decide(*key, sub == u"approve", note);
    if (!decision)
        return reportError(decision.error(), {{QStringLiteral("key"), key->toString()}});
    printJson(decision->toJson());
    if (!decision->decidedNow) {
        std::fprintf(stderr, "tellerctl: already %s by %s\n", qPrintable(outcomeStatusName(decision->status)),
                     qPrintable(decision->decidedBy.isEmpty() ? tr("expiry") : decision->decidedBy));
        return ExitAlreadyDecided;
    }
    return ExitCompleted;
}

int Tool::check()
{
    if (auto ok = connect(); !ok)
        return reportError(ok.error());
    Administration admin(*m_db);
    auto violations = admin.invariantViolations();
    if (!violations)
        return reportError(violations.error());
    QJsonArray list;
    for (const InvariantViolation &v : *violations)
        list.append(QJsonObject{{QStringLiteral("invariant"), v.invariant},
                                {QStringLiteral("subject"), v.subject},
                                {QStringLiteral("detail"), v.detail}});
    QJsonObject o;
    o.insert(QStringLiteral("status"), violations->isEmpty() ? QStringLiteral("completed") : QStringLiteral("error"));
    o.insert(QStringLiteral("violations"), list);
    printJson(o);
    return violations->isEmpty() ? ExitCompleted : ExitFailure;
}

int Tool::demo(const QStringList &pos)
{
    const QString sub = pos.value(1);
    if (pos.size() != 2 || (sub != u"start" && sub != u"stop"))
        return usage(tr("Usage: tellerctl demo start [--shell] | tellerctl demo stop"));
    LocalServer::Options options;
    options.baseDir = demo::defaultBaseDir();
    LocalServer server(options);
    if (sub == u"stop") {
        if (auto ok = server.stop(); !ok)
            return reportError(ok.error());
        printJson({{QStringLiteral("status"), QStringLiteral("completed")}, {QStringLiteral("data"), options.baseDir}});
        return ExitCompleted;
    }
    auto settings = demo::startServer(server);
    if (!settings)
        return reportError(settings.error());
    const QString teller = QString::fromUtf16(demo::staff().first().login);
    if (m_args.isSet(QStringLiteral("shell"))) {
        // For eval "$(tellerctl demo start --shell)": later commands reach the demo as a teller.
        // Every value is single-quoted, so that a path with spaces, quotes or $(…) stays a value.
        QTextStream out(stdout);
        out << "export PGHOST=" << shellQuote(server.socketDir()) << "\n"
            << "export PGPORT=" << shellQuote(QString::number(server.port())) << "\n"
            << "export PGDATABASE=" << shellQuote(QString::fromUtf16(demo::DatabaseName)) << "\n"
            << "export PGUSER=" << shellQuote(teller) << "\n"
            << "export PGPASSWORD=" << shellQuote(QString::fromUtf16(demo::Password)) << "\n"
            << "export PGSSLMODE='disable'\n";
        return ExitCompleted;
    }
    QJsonArray logins;
    for (const auto &m : demo::staff())
        logins.append(QJsonObject{{QStringLiteral("login"), QString::fromUtf16(m.login)},
                                  {QStringLiteral("role"), QString::fromUtf16(m.role)}});
    printJson({{QStringLiteral("status"), QStringLiteral("completed")},
               {QStringLiteral("host"), server.socketDir()},
               {QStringLiteral("port"), server.port()},
               {QStringLiteral("database"), QString::fromUtf16(demo::DatabaseName)},
               {QStringLiteral("logins"), logins},
               {QStringLiteral("password"), QString::fromUtf16(demo::Password)},
               {QStringLiteral("data"), options.baseDir}});
    return ExitCompleted;
}

int Tool::bench(const QStringList &pos)
{
    if (pos.size() != 1)
        return usage(tr("Usage: tellerctl bench [--clients N] [--seconds S] [--scenario uniform|hot|transfer|replay] [--accounts N]"));
    BenchOptions options;
    const auto clients = parseCount(m_args.value(QStringLiteral("clients"), QStringLiteral("8")), 1, 512);
    const auto seconds = parseCount(m_args.value(QStringLiteral("seconds"), QStringLiteral("10")), 1, 86400);
    const auto accounts = parseCount(m_args.value(QStringLiteral("accounts"), QStringLiteral("1000")), 2, 1'000'000);
    if (!clients || !seconds || !accounts)
        return usage(tr("--clients takes 1 to 512, --seconds 1 to 86400, --accounts 2 to 1000000."));
    options.clients = int(*clients);
    options.duration = std::chrono::seconds(*seconds);
    options.accounts = int(*accounts);
    if (m_args.isSet(QStringLiteral("scenario")))
        options.scenario = m_args.value(QStringLiteral("scenario"));
    RetryPolicy policy = m_policy;
    if (!m_args.isSet(QStringLiteral("retries")))
        policy.maxRetries = 50; // under contention every action must get through
    auto result = runBench(m_connection, m_session, policy, options);
    if (!result)
        return reportError(result.error());
    printJson(*result);
    return result->value(QStringLiteral("status")).toString() == u"completed" ? ExitCompleted : ExitFailure;
}

int Tool::faultProxy(const QStringList &pos)
{
    if (pos.size() != 1)
        return usage(tr("Usage: tellerctl fault-proxy --upstream HOST:PORT [--listen PORT] [--latency MS]"));
    const QString upstream = m_args.value(QStringLiteral("upstream"));
    const qsizetype colon = upstream.lastIndexOf(u':');
    const auto upstreamPort = colon > 0 ? parseCount(upstream.mid(colon + 1), 1, 65535) : std::nullopt;
    if (!upstreamPort)
        return usage(tr("--upstream HOST:PORT is required, e.g. --upstream db.branch.example:5432."));
    std::optional<qint64> listen = qint64(0);
    if (m_args.isSet(QStringLiteral("listen")))
        listen = parseCount(m_args.value(QStringLiteral("listen")), 1, 65535);
    std::optional<qint64> latency = qint64(0);
    if (m_args.isSet(QStringLiteral("latency")))
        latency = parseCount(m_args.value(QStringLiteral("latency")), 0, 600000);
    if (!listen || !latency)
        return usage(tr("--listen takes a port, --latency milliseconds."));

    FaultProxy proxy(upstream.left(colon), quint16(*upstreamPort));
    if (!proxy.start(quint16(*listen)))
        return reportError(Error::io(tr("The proxy cannot listen on 127.0.0.1:%1.").arg(*listen)));
    proxy.setLatency(std::chrono::milliseconds(*latency));
    const auto stats = [&] {
        const FaultProxy::Stats st = proxy.stats();
        return QJsonObject{{QStringLiteral("connections"), st.connections}, {QStringLiteral("resets"), st.resets},
                           {QStringLiteral("cuts"), st.cuts}, {QStringLiteral("swallowed_commits"), st.swallowedCommits},
                           {QStringLiteral("held_commits"), st.heldCommits},
                           {QStringLiteral("bytes_to_server"), QString::number(st.bytesToServer)},
                           {QStringLiteral("bytes_to_client"), QString::number(st.bytesToClient)},
                           {QStringLiteral("stalled"), proxy.isStalled()}};
    };
    printJson({{QStringLiteral("status"), QStringLiteral("listening")},
               {QStringLiteral("port"), proxy.port()},
               {QStringLiteral("upstream"), upstream}});
    // Commands arrive on stdin, one per line; the proxy works on its own thread meanwhile.
    std::string line;
    while (std::getline(std::cin, line)) {
        const QStringList words = QString::fromStdString(line).simplified().split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        const QString cmd = words.first();
        const auto number = [&]() { return words.size() > 1 ? parseCount(words.at(1), 0, 1'000'000'000) : std::nullopt; };
        QString done;
        if (cmd == u"reset") {
            proxy.resetAll();
            done = cmd;
        } else if (cmd == u"stall") {
            proxy.setStalled(true);
            done = cmd;
        } else if (cmd == u"resume") {
            proxy.setStalled(false);
            done = cmd;
        } else if (cmd == u"latency" && number()) {
            proxy.setLatency(std::chrono::milliseconds(*number()));
            done = cmd;
        } else if (cmd == u"cut" && number()) {
            proxy.setCutAfterBytes(*number());
            done = cmd;
        } else if (cmd == u"swallow" && number()) {
            proxy.swallowCommitAnswers(int(*number()));
            done = cmd;
        } else if (cmd == u"hold" && number()) {
            proxy.holdCommitAnswers(int(*number()));
            done = cmd;
        } else if (cmd == u"stats") {
            done = cmd;
        } else if (cmd == u"quit") {
            break;
        }
        QJsonObject o = stats();
        o.insert(QStringLiteral("status"), done.isEmpty() ? QStringLiteral("error") : QStringLiteral("completed"));
        o.insert(QStringLiteral("command"), cmd);
        if (done.isEmpty())
            o.insert(QStringLiteral("message"), tr("Unknown command or missing number: reset, stall, resume, latency MS, "
                                                   "cut BYTES, swallow N, hold N, stats, quit."));
        printJson(o);
    }
    QJsonObject last = stats();
    last.insert(QStringLiteral("status"), QStringLiteral("completed"));
    printJson(last);
    return ExitCompleted;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tellerctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Teller"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TELLER_VERSION));
    initializeProcess();
    // Logs go to stderr; stdout carries exactly one JSON object. Quiet unless asked for.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("teller.*.info=false\nteller.*.warning=false"));

    Tool tool;
    return tool.run(app.arguments().mid(1));
}
