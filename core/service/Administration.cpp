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
                                   [](const Row &q) { return q.value(0).toString(); });
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

Result<StaffInfo> readStaff(const Row &q)
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
        what, [&] { return session.selectOne(sql, values, context, [](const Row &q) { return detail::readAccount(q, 0); }); });
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
        auto ok = m_session.select(QStringLiteral("SELECT " TELLER_STAFF_COLUMNS ", must_change_password FROM teller.current_staff()"),
                                   {}, QCoreApplication::translate("teller::Administration", "reading the staff record"),
                                   [&](const Row &q) {
                                       found = readStaff(q);
                                       if (*found)
                                           (*found)->mustChangePassword = q.value(6).toBool();
                                   });
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

Result<Workplace> Administration::workplace()
{
    // One statement: the workplace's row with each colleague's (none: no row at all).
    auto read = m_session.retrying(QStringLiteral("workplace"), [&]() -> Result<std::optional<Workplace>> {
        std::optional<Workplace> found;
        auto ok = m_session.select(
            QStringLiteral("SELECT w.bank_name, w.branch_code, w.branch_name, s.login, s.display_name, w.time_zone "
                           "  FROM teller.workplace() w LEFT JOIN teller.workplace_staff() s ON true"),
            {}, QCoreApplication::translate("teller::Administration", "reading the bank's and the branch's names"), [&](const Row &q) {
                if (!found) {
                    found.emplace();
                    found->bankName = q.value(0).toString();
                    found->branchCode = q.value(1).toString();
                    found->branchName = q.value(2).toString();
                    found->timeZone = q.value(5).toString().toUtf8();
                }
                if (!q.isNull(3))
                    found->staffNames.insert(q.value(3).toString(), q.value(4).toString());
            });
        if (!ok)
            return fail(ok.error());
        return found;
    });
    if (!read)
        return fail(read.error());
    if (!*read)
        return fail(Error{Error::Kind::Permission,
                          QCoreApplication::translate("teller::Administration", "The login \"%1\" is not an active Teller staff member.")
                              .arg(m_session.sessionUser()),
                          QStringLiteral("42501")});
    return std::move(**read);
}

QJsonObject StaffChange::toJson() const
{
    QJsonObject o = staff.toJson();
    o.insert(QStringLiteral("status"), pending ? QStringLiteral("pending_approval") : QStringLiteral("completed"));
    if (changeId > 0)
        o.insert(QStringLiteral("change"), changeId);
    return o;
}

namespace {
// The columns readStaffChange() reads, in its order (teller.staff_answer).
#define TELLER_STAFF_ANSWER_COLUMNS TELLER_STAFF_COLUMNS ", change_status, change_id"

Result<StaffChange> readStaffChange(const Row &q)
{
    StaffChange c;
    const QString status = q.value(6).toString();
    if (status != u"completed" && status != u"pending_approval" && status != u"rejected" && status != u"expired")
        return fail(Error::internal(
            QCoreApplication::translate("teller::Administration", "The server sent a staff record this program cannot read.")));
    c.pending = status == u"pending_approval";
    c.changeId = q.value(7).isNull() ? 0 : q.value(7).toLongLong();
    if (q.value(2).isNull()) { // a new member who waits: only the login is known
        c.staff.login = q.value(0).toString();
        c.staff.active = false;
        return c;
    }
    auto staff = readStaff(q);
    if (!staff)
        return fail(staff.error());
    c.staff = *staff;
    return c;
}

// The rules of the server's passwordcheck, kept here too: a password Teller sets travels only
// as a SCRAM verifier, which no server-side check can judge.
std::optional<QString> passwordProblem(const QString &login, const QString &password)
{
    if (password.size() < 8)
        return QCoreApplication::translate("teller::Administration", "A password needs at least 8 characters.");
    bool letter = false, other = false;
    for (const QChar c : password)
        (c.isLetter() ? letter : other) = true;
    if (!letter || !other)
        return QCoreApplication::translate("teller::Administration", "A password needs letters and at least one digit or sign.");
    if (!login.isEmpty() && password.contains(login, Qt::CaseInsensitive))
        return QCoreApplication::translate("teller::Administration", "A password must not contain the login.");
    return std::nullopt;
}

// One call of a staff administration function (answering teller.staff_answer), in a
// transaction with retries; the server's refusals in its own words.
Result<StaffChange> staffCall(DbSession &session, const QString &what, const QString &function, const QVariantList &values,
                              const QString &context)
{
    auto r = session.transaction(what, [&] {
        return session.selectOne(QStringLiteral("SELECT " TELLER_STAFF_ANSWER_COLUMNS " FROM teller.") + function, values, context,
                                 readStaffChange);
    });
    if (!r) {
        Error e = r.error();
        if (e.sqlState == u"42501" || e.sqlState == u"55000" || e.sqlState == u"P0002" || e.sqlState == u"22023")
            e.message = e.serverText;
        return fail(e);
    }
    return *r;
}
} // namespace

Result<StaffChange> Administration::addStaff(const QString &login, const QString &displayName, std::optional<StaffRole> role,
                                             const std::optional<Money> &approvalLimit, const std::optional<QString> &password,
                                             const QString &branch, bool unlimited)
{
    if (unlimited && approvalLimit)
        return fail(Error::badInput(QCoreApplication::translate("teller::Administration", "A limit and unlimited at once.")));
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
    if (password) {
        if (auto problem = passwordProblem(login, *password))
            return fail(Error::badInput(*problem));
    }

    QVariant verifier(QMetaType::fromType<QString>());
    if (password) {
        auto v = m_session.passwordVerifier(login, *password);
        if (!v)
            return fail(v.error());
        verifier = *v;
    }

    const QVariantList values{
        login,
        // No name: the member's own so far, else the login (add_staff).
        displayName.trimmed().isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(displayName.trimmed()),
        role ? QVariant(staffRoleName(*role)) : QVariant(QMetaType::fromType<QString>()),
        approvalLimit ? QVariant::fromValue<qlonglong>(approvalLimit->minorUnits()) : QVariant(QMetaType::fromType<qlonglong>()),
        verifier, branch.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(branch), unlimited};
    return staffCall(m_session, QStringLiteral("add staff ") + login, QStringLiteral("add_staff(?, ?, ?, ?::bigint, ?, ?, ?)"), values,
                     QCoreApplication::translate("teller::Administration", "adding staff"));
}

Result<StaffChange> Administration::setStaffActive(const QString &login, bool active)
{
    return staffCall(m_session, QStringLiteral("staff active ") + login, QStringLiteral("set_staff_active(?, ?)"), {login, active},
                     QCoreApplication::translate("teller::Administration", "changing the staff member"));
}

Result<StaffChange> Administration::decideStaffChange(qint64 changeId, bool approve, const QString &note)
{
    if (!approve && note.trimmed().isEmpty())
        return fail(Error::badInput(QCoreApplication::translate("teller::Administration", "A rejection needs a reason.")));
    if (note.size() > 500)
        return fail(Error::badInput(QCoreApplication::translate("teller::Administration", "The note is too long.")));
    const QVariantList values{QVariant::fromValue<qlonglong>(changeId), approve,
                              note.trimmed().isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(note.trimmed())};
    return staffCall(m_session, QStringLiteral("staff change %1").arg(changeId), QStringLiteral("decide_staff_change(?::bigint, ?, ?)"),
                     values, QCoreApplication::translate("teller::Administration", "deciding the staff change"));
}

Result<QJsonArray> Administration::staffChangesWaiting()
{
    return m_session.retrying(QStringLiteral("staff changes"), [&]() -> Result<QJsonArray> {
        QJsonArray list;
        auto ok = m_session.select(
            QStringLiteral("SELECT id, login, change, role, approval_limit, unlimited, branch, password_set, requested_by, "
                           "requested_at FROM teller.staff_changes_waiting()"),
            {}, QCoreApplication::translate("teller::Administration", "reading the staff changes"), [&](const Row &q) {
                QJsonObject o;
                o.insert(QStringLiteral("change"), q.value(0).toLongLong());
                o.insert(QStringLiteral("login"), q.value(1).toString());
                o.insert(QStringLiteral("what"), q.value(2).toString());
                o.insert(QStringLiteral("role"), q.value(3).isNull() ? QJsonValue() : QJsonValue(q.value(3).toString()));
                o.insert(QStringLiteral("approval_limit_minor"),
                         q.value(4).isNull() ? QJsonValue() : QJsonValue(q.value(4).toLongLong()));
                o.insert(QStringLiteral("unlimited"), q.value(5).toBool());
                o.insert(QStringLiteral("branch"), q.value(6).isNull() ? QJsonValue() : QJsonValue(q.value(6).toString()));
                o.insert(QStringLiteral("password_set"), q.value(7).toBool());
                o.insert(QStringLiteral("requested_by"), q.value(8).toString());
                o.insert(QStringLiteral("requested_at"), q.value(9).toDateTime().toUTC().toString(Qt::ISODateWithMs));
                list.append(o);
            });
        if (!ok)
            return fail(ok.error());
        return list;
    });
}

Result<void> Administration::changeOwnPassword(const QString &password)
{
    if (auto problem = passwordProblem(m_session.sessionUser(), password))
        return fail(Error::badInput(*problem));
    auto verifier = m_session.passwordVerifier(m_session.sessionUser(), password);
    if (!verifier)
        return fail(verifier.error());
    return m_session.transaction(QStringLiteral("own password"), [&]() -> Result<void> {
        return m_session.select(QStringLiteral("SELECT teller.change_own_password(?)"), {*verifier},
                                QCoreApplication::translate("teller::Administration", "changing the password"), [](const Row &) {});
    });
}

Result<void> Administration::openBranch(const QString &code, const QString &name)
{
    return m_session.transaction(QStringLiteral("open branch ") + code, [&]() -> Result<void> {
        return m_session.select(QStringLiteral("SELECT code FROM teller.open_branch(?, ?)"), {code, name},
                                QCoreApplication::translate("teller::Administration", "opening the branch"), [](const Row &) {});
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

Result<AccountStatusChange> Administration::setAccountStatus(const QString &number, AccountStatus status)
{
    auto r = m_session.transaction(QStringLiteral("account status ") + number, [&] {
        return m_session.selectOne(
            QStringLiteral("SELECT " TELLER_ACCOUNT_COLUMNS ", change_status FROM teller.set_account_status(?, ?)"),
            {number, accountStatusName(status)}, QCoreApplication::translate("teller::Administration", "changing the account's status"),
            [](const Row &q) -> Result<AccountStatusChange> {
                auto account = detail::readAccount(q, 0);
                if (!account)
                    return fail(account.error());
                return AccountStatusChange{*account, q.value(9).toString() == u"pending_approval"};
            });
    });
    if (!r) {
        Error e = r.error();
        if (e.sqlState == u"P0002")
            e.message = QCoreApplication::translate("teller::Administration", "There is no account %1.").arg(number);
        else if (e.sqlState == u"55000")
            e.message = e.serverText;
        return fail(e);
    }
    if (*r && !(*r)->pending)
        sendEventHint(m_session); // the change is an event (tellerctl bench drops its cached details)
    return *r;
}

Result<QList<InvariantViolation>> Administration::invariantViolations()
{
    return m_session.retrying(QStringLiteral("invariants"), [&] {
        return m_session.selectAll(QStringLiteral("SELECT invariant, subject, detail FROM teller.invariant_violations()"), {},
                                   QCoreApplication::translate("teller::Administration", "checking the invariants"),
                                   [](const Row &q) -> Result<InvariantViolation> {
                                       return InvariantViolation{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
                                   });
    });
}

Result<std::optional<bool>> Administration::loadsPasswordcheck()
{
    // pg_settings leaves out the settings this login may not read: NULL, not an error.
    auto setting = m_session.retrying(QStringLiteral("password rules"), [&] {
        return m_session.selectOne(
            QStringLiteral("SELECT (SELECT setting FROM pg_catalog.pg_settings WHERE name = 'shared_preload_libraries')"), {},
            QCoreApplication::translate("teller::Administration", "reading the server's libraries"),
            [](const Row &q) { return q.value(0); });
    });
    if (!setting)
        return fail(setting.error());
    if (setting->isNull())
        return std::optional<bool>();
    return std::optional<bool>(namesPasswordcheck(setting->toString()));
}

bool Administration::namesPasswordcheck(const QString &sharedPreloadLibraries)
{
    for (const QString &item : sharedPreloadLibraries.split(u',')) {
        QString name = item.trimmed();
        if (name.size() >= 2 && name.startsWith(u'"') && name.endsWith(u'"'))
            name = name.mid(1, name.size() - 2);
        name = name.mid(name.lastIndexOf(u'/') + 1);
        if (name.endsWith(QLatin1String(".so")))
            name.chop(3);
        if (name == u"passwordcheck")
            return true;
    }
    return false;
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
                                           [](const Row &q) { return q.value(0).toInt(); });
        if (!already)
            return fail(already.error());
        for (const AccountRow &row : rows) {
            auto opened = m_session.select(
                QStringLiteral("SELECT teller.open_account(?, ?, ?, ?::bigint)"),
                {row.number, row.holder, row.currency.code(), QVariant::fromValue<qlonglong>(row.floor.minorUnits())},
                QCoreApplication::translate("teller::Administration", "opening account %1").arg(row.number), [](const Row &) {});
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
