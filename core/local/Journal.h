#pragma once

#include "Action.h"
#include "Outcome.h"
#include "Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace teller {

// One action as the journal keeps it.
struct JournalEntry
{
    IdempotencyKey key;
    QString fingerprint;            // hex
    std::optional<ActionKind> kind; // none if the file holds something else
    QString account;
    QString counterAccount;
    qint64 amountMinorUnits = 0;
    QString currency;
    QString note;
    QString login;
    // The database the action was sent to: its identity (teller.database_identity(), a uuid),
    // or, in an entry written before Teller keyed the journal by it, host:port/dbname
    // (ConnectionSettings::databaseIdentity(), the address it was reached through).
    QString database;
    QString workstation;
    QDateTime createdAt;
    QString lastStatus; // the last outcome seen (new, in_doubt, busy, pending_approval, ...)
    QString lastMessage;
    bool open = true;

    // The action again, with its original key, for a resubmit. Fails if the entry no longer
    // describes a valid request or its fingerprint does not match (a tampered file).
    Result<Action> toAction() const;
    QJsonObject toJson() const;
};

// The workstation's local journal of actions: an SQLite file (synchronous=FULL) written
// *before* an action's first attempt and closed when a definitive outcome arrives. After a
// crash, a killed process or a lost connection, the open entries are what must be reconciled
// with the server: nothing confirmed is lost, nothing is sent twice with different keys.
// Use one Journal per thread (it owns a QSqlDatabase connection).
class Journal
{
public:
    // $TELLER_JOURNAL, else <user data>/teller/journal.sqlite (shared by teller and tellerctl).
    static QString defaultPath();

    explicit Journal(QString path);
    ~Journal();
    Journal(const Journal &) = delete;
    Journal &operator=(const Journal &) = delete;

    // Opens (creating if needed) and checks the file. A damaged file is moved aside (never
    // deleted) and a new one started; warning() then says where the old one went.
    Result<void> open();
    QString warning() const { return m_warning; }
    QString path() const { return m_path; }

    // Records a new action (a key already recorded is left as it is).
    Result<void> record(const Action &action, const QString &login, const QString &database, const QString &workstation);
    // Notes the latest outcome; it closes the entry when closesJournalEntry() says so.
    Result<void> update(const IdempotencyKey &key, const Outcome &outcome);
    Result<QList<JournalEntry>> openEntries(const QString &login = {}, const QString &database = {});
    // Every entry (of any login) recorded under `legacyAddress` (host:port/dbname, as entries
    // written before the journal was keyed by the database's identity name it) now belongs to
    // the database `identity`: the caller is connected through that address and has read the
    // identity there. Returns how many entries it rewrote; entries of other databases stay
    // as they are.
    Result<int> adopt(const QString &legacyAddress, const QString &identity);
    Result<std::optional<JournalEntry>> entry(const IdempotencyKey &key);

private:
    Result<void> openFile();
    Result<void> createSchema();
    Result<void> check();
    void closeConnection();

    QString m_path;
    QString m_connection;
    QString m_warning;
    bool m_damaged = false; // the last openFile() failed because the file is damaged
};

} // namespace teller
