#pragma once

#include "AccountCsv.h"
#include "Accounts.h"
#include "Money.h"
#include "Result.h"
#include "Staff.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace teller {

class DbSession;

struct InvariantViolation
{
    QString invariant;
    QString subject;
    QString detail;
};

// What a staff change came to: done, or waiting for a second admin (changeId, the number
// another admin approves or rejects). For a new member who waits, only staff.login is known.
struct StaffChange
{
    StaffInfo staff;
    bool pending = false;
    qint64 changeId = 0;
    QJsonObject toJson() const;
};

// An account status change: done, or (an unfreeze) waiting for a second person.
struct AccountStatusChange
{
    AccountInfo account;
    bool pending = false;
};

// Where the signed-in member works, for what a receipt or a decision says: the bank's name
// (teller.settings 'bank_name'), the member's branch, and the names of the active staff of
// that branch by login (teller.workplace, teller.workplace_staff).
struct Workplace
{
    QString bankName;
    QString branchCode;
    QString branchName;
    QByteArray timeZone;                // the branch's, IANA ("Europe/Berlin"); a receipt's time is given in it
    QHash<QString, QString> staffNames; // login -> display name
    // The display name of a colleague, or the login itself when it is not one (another branch's,
    // no longer active).
    QString nameOf(const QString &login) const { return staffNames.value(login, login); }
};

// Staff and account administration, through the database's narrow functions (the database
// checks that the login may do it and writes the audit log).
class Administration
{
public:
    explicit Administration(DbSession &session) : m_session(session) {}

    // The currency staff approval limits are written in (teller.settings.home_currency).
    Result<Currency> homeCurrency();

    // Creates or changes a staff member (teller.add_staff): the PostgreSQL login role, the
    // role's group, the staff row. No limit means the bank's default for a new member and the
    // limit they have for one who exists; unlimited only when asked for. Done by a Teller
    // admin, whatever gives rights waits for a second admin (the answer says so). The
    // password, if given, is turned into a SCRAM verifier on this side; the clear text never
    // leaves the process.
    // No role keeps an existing member's.
    Result<StaffChange> addStaff(const QString &login, const QString &displayName, std::optional<StaffRole> role,
                                 const std::optional<Money> &approvalLimit, const std::optional<QString> &password,
                                 const QString &branch = {}, bool unlimited = false);
    // Deactivates a member at once (their sessions end), or brings one back (four eyes).
    Result<StaffChange> setStaffActive(const QString &login, bool active);
    // The second admin's decision on a staff change that waits.
    Result<StaffChange> decideStaffChange(qint64 changeId, bool approve, const QString &note);
    // The staff changes that wait for a second admin, as JSON objects (never a password).
    Result<QJsonArray> staffChangesWaiting();
    // The signed-in member's own new password (ends an administrator-set one).
    Result<void> changeOwnPassword(const QString &password);
    // A branch (code: 1 to 8 capital letters or digits); opening it again changes nothing.
    Result<void> openBranch(const QString &code, const QString &name);

    Result<AccountInfo> openAccount(const QString &number, const QString &holder, Currency currency, const Money &floor);
    // Freezing and closing are at once; unfreezing needs a second person: the first call
    // answers pending, the same call by somebody else makes it so.
    Result<AccountStatusChange> setAccountStatus(const QString &number, AccountStatus status);

    Result<QList<InvariantViolation>> invariantViolations();

    // Whether the server loads PostgreSQL's passwordcheck module (shared_preload_libraries),
    // which holds a password a login sets in clear from psql to rules like staff add's;
    // nullopt when this login may not read the setting (that takes a superuser or a member of
    // pg_read_all_settings).
    Result<std::optional<bool>> loadsPasswordcheck();
    // Whether a value of shared_preload_libraries names passwordcheck ("passwordcheck",
    // "$libdir/passwordcheck.so", quoted or not, among others).
    static bool namesPasswordcheck(const QString &sharedPreloadLibraries);

    // Opens every account in one transaction: all or nothing. Returns how many were new.
    Result<int> importAccounts(const QList<AccountRow> &rows);

    // The staff row of the signed-in login; a Permission error if it is not active staff.
    Result<StaffInfo> currentStaff();
    // The signed-in member's workplace; a Permission error if it is not active staff.
    Result<Workplace> workplace();

private:
    DbSession &m_session;
};

} // namespace teller
