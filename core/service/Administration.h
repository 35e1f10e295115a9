#pragma once

#include "AccountCsv.h"
#include "Accounts.h"
#include "Money.h"
#include "Result.h"
#include "Staff.h"

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

// Staff and account administration, through the database's narrow functions (the database
// checks that the login may do it and writes the audit log).
class Administration
{
public:
    explicit Administration(DbSession &session) : m_session(session) {}

    // The currency staff approval limits are written in (teller.settings.home_currency).
    Result<Currency> homeCurrency();

    // Creates the PostgreSQL login role (or adopts an existing plain one), puts it in the
    // role's group, and writes the staff row. The password, if given, is turned into a
    // SCRAM verifier on this side; the clear text never leaves the process.
    Result<StaffInfo> addStaff(const QString &login, const QString &displayName, StaffRole role,
                               const std::optional<Money> &approvalLimit, const std::optional<QString> &password,
                               const QString &branch = {});
    // A branch (code: 1 to 8 capital letters or digits); opening it again changes nothing.
    Result<void> openBranch(const QString &code, const QString &name);

    Result<AccountInfo> openAccount(const QString &number, const QString &holder, Currency currency, const Money &floor);
    Result<AccountInfo> setAccountStatus(const QString &number, AccountStatus status);

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

private:
    DbSession &m_session;
};

} // namespace teller
