#include "Administration.h"

#include "AccountColumns.h"
#include "Action.h"
#include "DbSession.h"
#include "Events.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>

namespace teller {

Result<Currency> Administration::homeCurrency()
{
    auto code = m_session.retrying(QStringLiteral("home currency"), [&] {
        return m_session.selectOne(QStringLiteral("SELECT value FROM teller.settings WHERE key = 'home_currency'"), {},
                                   QCoreApplication::translate("teller::Administration", "reading the home currency"),
                                   [](const QSqlQuery &q) { return q.value(0).toString(); });
    });
    if (!code)
        return fail(code.error());
    const auto c = Currency::fromCode(*code);
    if (!c)
        return fail(
            Error::config(QCoreApplication::translate("teller::Administration", "The database's home currency \"%1\" is not known.")
                              .arg(code->left(8))));
    return *c;
}

namespace {
// The columns readStaff() reads, in its order.
#define TELLER_STAFF_COLUMNS "login, display_name, role, approval_limit, limit_currency, active"

Result<StaffInfo> readStaff(const QSqlQuery &q)
{
    const auto role = staffRoleFromName(q.value(2).toString());
    if (!role)
        return fail(Error::internal(
            QCoreApplication::translate("teller::Administration", "The server sent a staff record this program cannot read.")));
    StaffInfo s;
    s.login = q.value(0).toString();
    s.displayName = q.value(1).toString();
    s.role = *role;
    const auto currency = Currency::fromCode(q.value(4).toString());
    if (const auto limit = bigintValue(q.value(3)); limit && currency)
        s.approvalLimit = Money(*limit, *currency);
    s.active = q.value(5).toBool();
    return s;
}

// One call of a function that answers one account row, with retries; `adjust` may put the
// server's refusal in better words.
template <typename Adjust>
Result<AccountInfo> accountCall(DbSession &session, const QString &what, const QString &sql, const QVariantList &values,
                                const QString &context, Adjust &&adjust)
{
    auto r = session.transaction(
        what, [&] { return session.selectOne(sql, values, context, [](const QSqlQuery &q) { return detail::readAccount(q, 0); }); });
    if (!r) {
        Error e = r.error();
        adjust(e);
        return fail(e);
    }
    return *r;
}
} // namespace

Result<StaffInfo> Administration::currentStaff()
{
    // On the sign-in path: bounded and retried like everything else, never a hang.
    auto staff = m_session.retrying(QStringLiteral("staff record"), [&]() -> Result<std::optional<Result<StaffInfo>>> {
        std::optional<Result<StaffInfo>> found;
        auto ok = m_session.select(QStringLiteral("SELECT " TELLER_STAFF_COLUMNS " FROM teller.current_staff()"), {},
                                   QCoreApplication::translate("teller::Administration", "reading the staff record"),
                                   [&](const QSqlQuery &q) { found = readStaff(q); });
        if (!ok)
            return fail(ok.error());
        return found;
    });
    if (!staff)
        return fail(staff.error());
    if (!*staff)
        return fail(Error{Error::Kind::Permission,
                          QCoreApplication::translate("teller::Administration", "The login \"%1\" is not an active Teller staff member.")
                              .arg(m_session.sessionUser()),
                          QStringLiteral("42501")});
    return **staff;
}

Result<StaffInfo> Administration::addStaff(const QString &login, const QString &displayName, StaffRole role,
                                           const std::optional<Money> &approvalLimit, const std::optional<QString> &password,
                                           const QString &branch)
{
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z][a-z0-9_.-]{0,62}$"));
    if (!loginPattern.match(login).hasMatch())
        return fail(
            Error::badInput(QCoreApplication::translate("teller::Administration",
                                                        "\"%1\" is not a valid login: lower-case letters, digits, \"_\", \".\" and "
                                                        "\"-\", starting with a letter, at most 63 characters.")
                                .arg(login.left(80))));
    if (login.startsWith(QLatin1String("pg_")) || login.startsWith(QLatin1String("teller_")) || login == u"postgres")
        return fail(Error::badInput(QCoreApplication::translate("teller::Administration", "The login \"%1\" is reserved.").arg(login)));
    if (approvalLimit && approvalLimit->minorUnits() < 0)
        return fail(Error::badInput(QCoreApplication::translate("teller::Administration", "An approval limit cannot be negative.")));
    if (password && password->size() < 8)
        return fail(Error::badInput(QCoreApplication::translate("teller::Administration", "A password needs at least 8 characters.")));

    QVariant verifier(QMetaType::fromType<QString>());
    if (password) {
        auto v = m_session.passwordVerifier(login, *password);
        if (!v)
            return fail(v.error());
        verifier = *v;
    }

    const QVariantList values{login,
                              displayName.trimmed().isEmpty() ? login : displayName.trimmed(),
                              staffRoleName(role),
                              approvalLimit ? QVariant::fromValue<qlonglong>(approvalLimit->minorUnits())
                                            : QVariant(QMetaType::fromType<qlonglong>()),
                              verifier,
                              branch.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(branch)};
    auto added = m_session.transaction(QStringLiteral("add staff ") + login, [&] {
        return m_session.selectOne(QStringLiteral("SELECT " TELLER_STAFF_COLUMNS " FROM teller.add_staff(?, ?, ?, ?::bigint, ?, ?)"),
                                   values, QCoreApplication::translate("teller::Administration", "adding staff"), readStaff);
    });
    if (!added)
        return fail(added.error());
    return *added;
}

Result<void> Administration::openBranch(const QString &code, const QString &name)
{
    return m_session.transaction(QStringLiteral("open branch ") + code, [&]() -> Result<void> {
        return m_session.select(QStringLiteral("SELECT code FROM teller.open_branch(?, ?)"), {code, name},
                                QCoreApplication::translate("teller::Administration", "opening the branch"), [](const QSqlQuery &) {});
    });
}

Result<AccountInfo> Administration::openAccount(const QString &number, const QString &holder, Currency currency, const Money &floor)
{
    if (holder.trimmed().isEmpty() || holder.trimmed().size() > 200)
        return fail(Error::badInput(
            QCoreApplication::translate("teller::Administration", "The holder's name must have between 1 and 200 characters.")));
    if (floor.minorUnits() > 0)
        return fail(Error::badInput(QCoreApplication::translate(
            "teller::Administration", "The balance floor cannot be above zero (a negative floor is an overdraft).")));
    if (!(floor.currency() == currency))
        return fail(Error::badInput(
            QCoreApplication::translate("teller::Administration", "The balance floor must be in the account's currency.")));
    return accountCall(m_session, QStringLiteral("open account ") + number,
                       QStringLiteral("SELECT " TELLER_ACCOUNT_COLUMNS " FROM teller.open_account(?, ?, ?, ?::bigint)"),
                       {number, holder.trimmed(), currency.code(), QVariant::fromValue<qlonglong>(floor.minorUnits())},
                       QCoreApplication::translate("teller::Administration", "opening the account"), [](Error &) {});
}

Result<AccountInfo> Administration::setAccountStatus(const QString &number, AccountStatus status)
{
    auto changed = accountCall(
        m_session, QStringLiteral("account status ") + number,
        QStringLiteral("SELECT " TELLER_ACCOUNT_COLUMNS " FROM teller.set_account_status(?, ?)"), {number, accountStatusName(status)},
        QCoreApplication::translate("teller::Administration", "changing the account's status"), [&](Error &e) {
            if (e.sqlState == u"P0002")
                e.message = QCoreApplication::translate("teller::Administration", "There is no account %1.").arg(number);
            else if (e.sqlState == u"55000")
                e.message = e.serverText;
        });
    if (changed)
        sendEventHint(m_session); // the change is an event (tellerctl bench drops its cached details)
    return changed;
}

Result<QList<InvariantViolation>> Administration::invariantViolations()
{
    return m_session.retrying(QStringLiteral("invariants"), [&] {
        return m_session.selectAll(QStringLiteral("SELECT invariant, subject, detail FROM teller.invariant_violations()"), {},
                                   QCoreApplication::translate("teller::Administration", "checking the invariants"),
                                   [](const QSqlQuery &q) -> Result<InvariantViolation> {
                                       return InvariantViolation{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
                                   });
    });
}

Result<int> Administration::importAccounts(const QList<AccountRow> &rows)
{
    QStringList numbers;
    for (const AccountRow &row : rows)
        numbers << row.number;
    // All or nothing: one transaction, retried as a whole.
    return m_session.transaction(QStringLiteral("account import"), [&]() -> Result<int> {
        // How many exist already (opening them again is harmless if nothing differs).
        auto already = m_session.selectOne(QStringLiteral("SELECT teller.count_existing_accounts(string_to_array(?, ','))"),
                                           {numbers.join(u',')},
                                           QCoreApplication::translate("teller::Administration", "reading the existing accounts"),
                                           [](const QSqlQuery &q) { return q.value(0).toInt(); });
        if (!already)
            return fail(already.error());
        for (const AccountRow &row : rows) {
            auto opened = m_session.select(
                QStringLiteral("SELECT teller.open_account(?, ?, ?, ?::bigint)"),
                {row.number, row.holder, row.currency.code(), QVariant::fromValue<qlonglong>(row.floor.minorUnits())},
                QCoreApplication::translate("teller::Administration", "opening account %1").arg(row.number), [](const QSqlQuery &) {});
            if (!opened) {
                Error e = opened.error();
                e.message = QCoreApplication::translate("teller::Administration", "Line %1: %2").arg(row.line).arg(e.message);
                return fail(e);
            }
        }
        return int(rows.size()) - *already;
    });
}

} // namespace teller
