#pragma once

#include "ArgParser.h"
#include "Parsers.h"

#include "ActionExecutor.h"
#include "ConnectionSettings.h"
#include "Currency.h"
#include "DbSession.h"
#include "Failure.h"
#include "IdempotencyKey.h"
#include "Journal.h"
#include "Money.h"
#include "Outcome.h"
#include "Result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

// tellerctl's commands: one class per command (or per group of commands) in its own file,
// each derived from Command. main.cpp parses the command line and routes; the command checks
// its own arguments and does the work. Every string is translated in the context "tellerctl".
namespace tellerctl {

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

// The global options every command takes, checked, with the workstation configuration's values
// filled in where the options say nothing.
struct GlobalOptions
{
    teller::ConnectionSettings connection;
    // Where the member signs in with their own login when `connection` leads to a pooler's shared
    // login (the configuration's listen_host and listen_port; otherwise `connection` itself).
    teller::ConnectionSettings direct;
    teller::SessionOptions session;
    teller::RetryPolicy policy;
};

// Prints one JSON object as one line on stdout (every command prints exactly one).
void printJson(const QJsonObject &o);
// Prints the error as JSON ("status":"error", "message", "sqlstate" if any, and `extra`) and on
// stderr; returns ExitUsage for bad input or bad configuration, else ExitFailure.
int reportError(const teller::Error &e, const QJsonObject &extra = {});
// A usage error: bad input, exit 2.
int usage(const QString &message);
int exitCodeFor(teller::OutcomeStatus s);
// "tellerctl: MESSAGE — retrying, attempt N of M" on stderr.
void printRetry(const teller::RetryNotice &n);
// The syntax of an amount, checked before anything is sent: digits, at most one '.', no sign,
// more than zero. The currency's own rules (number of decimals) are checked once the account
// is known. Returns the (translated) reason it is not valid, or nullopt.
std::optional<QString> checkAmountSyntax(const QString &text);
// The same for cash counted in a till: zero is allowed (an empty till), a sign is not.
std::optional<QString> checkCountedSyntax(const QString &text);

class Command
{
    Q_DECLARE_TR_FUNCTIONS(tellerctl)

public:
    // `usageLine` is the untranslated "Usage: tellerctl …" line (QT_TRANSLATE_NOOP("tellerctl", …)).
    Command(QString name, QStringList valueOptions, QStringList flags, const char *usageLine);
    virtual ~Command();
    Command(const Command &) = delete;
    Command &operator=(const Command &) = delete;

    QString name() const { return m_name; }
    // The options of this command besides the global ones: those that take a value, and flags.
    QStringList valueOptions() const { return m_valueOptions; }
    QStringList flags() const { return m_flags; }
    // "Usage: tellerctl …", translated.
    virtual QString usageLine() const;

    // The options every command takes (--db, --retries, …), all with a value.
    static QStringList globalValueOptions();
    // --help and --version.
    static QStringList globalFlags();
    // The text of --help, translated.
    static QString helpText();
    // Checks the global options and combines them with the workstation configuration (and the
    // environment) into `out`. Returns ExitCompleted, or the exit code of the error it reported.
    static int configure(const ArgParser &args, GlobalOptions &out);

    // Refuses the options that are neither global nor this command's own, then executes.
    int run(const ArgParser &args, const GlobalOptions &globals);

protected:
    // `positional` starts with the command's name.
    virtual int execute(const QStringList &positional) = 0;

    const ArgParser &args() const { return *m_args; }
    const GlobalOptions &globals() const { return m_globals; }
    teller::DbSession &db() { return *m_db; }

    // Opens the session (and checks the schema unless told not to).
    teller::Result<void> connect(teller::DbSession::SchemaCheck check = teller::DbSession::SchemaCheck::Require);
    // The local journal (--journal, else TELLER_JOURNAL, else the user's data folder), opened once.
    teller::Result<teller::Journal *> openJournal();
    // The executor every money command uses: journaled, and with the journal's open entries
    // reconciled first (their results go into the JSON as "reconciled"). Needs connect().
    teller::Result<teller::ActionExecutor *> moneyExecutor();
    // What moneyExecutor() found about the open journal entries of earlier runs.
    const QJsonArray &reconciled() const { return m_reconciled; }
    // Prints an outcome (with "reconciled" if there was anything, and `extra`) and returns its
    // exit code.
    int report(const teller::Outcome &out, const QJsonObject &extra = {});
    // The options the cash commands share. --currency CODE, checked before anything is sent
    // (nullopt when it is not given).
    teller::Result<std::optional<teller::Currency>> currencyOption() const;
    // The currency given, else the database's home currency (as account open does). Needs connect().
    teller::Result<teller::Currency> currencyOrHome(const std::optional<teller::Currency> &given);
    // --key UUID, checked; without it a fresh (version 7) key.
    teller::Result<teller::IdempotencyKey> keyOption() const;
    // {"key": KEY} for an error's JSON when the key came from --key (so that the caller can
    // match the answer to the retry), else nothing: a fresh key that nothing was sent under means
    // nothing to the caller.
    QJsonObject keyContext(const teller::IdempotencyKey &key) const;
    // An amount whose syntax was checked (checkAmountSyntax, checkCountedSyntax) in the
    // currency's own rules: its decimals, and at most Money::MaxActionMinorUnits.
    static teller::Result<teller::Money> amountIn(const QString &text, teller::Currency currency);

    // For "COMMAND KEY" (status, abandon): parses the key, connects, and reports what `run`
    // answers through the money executor.
    int runForKey(const QStringList &positional,
                  const std::function<teller::Outcome(teller::ActionExecutor &, const teller::IdempotencyKey &)> &run);

private:
    QString m_name;
    QStringList m_valueOptions;
    QStringList m_flags;
    const char *m_usageLine;

    const ArgParser *m_args = nullptr;
    GlobalOptions m_globals;
    // Declared in this order so that the executor goes first, then the journal, then the session.
    std::unique_ptr<teller::DbSession> m_db;
    std::unique_ptr<teller::Journal> m_journal;
    std::unique_ptr<teller::ActionExecutor> m_executor;
    QJsonArray m_reconciled;
};

} // namespace tellerctl
