#include "Administration.h"

#include "Action.h"
#include "DbSession.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

namespace teller {

namespace detail {
Result<AccountInfo> readAccount(const QSqlQuery &q, int offset);
}

Result<Currency> Administration::homeCurrency()
{
    QSqlQuery q(m_session.database());
    if (!q.exec(QStringLiteral("SELECT value FROM teller.settings WHERE key = 'home_currency'")) || !q.next())
        return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Administration", "reading the home currency")));
    const auto c = Currency::fromCode(q.value(0).toString());
    if (!c)
        return fail(Error::config(QCoreApplication::translate("teller::Administration", "The database's home currency \"%1\" is not known.").arg(q.value(0).toString())));
    return *c;
}

namespace {
StaffInfo readStaff(const QSqlQuery &q)
{
    StaffInfo s;
    s.login = q.value(0).toString();
    s.displayName = q.value(1).toString();
    s.role = staffRoleFromName(q.value(2).toString()).value_or(StaffRole::Teller);
    const auto currency = Currency::fromCode(q.value(4).toString());
    if (const auto limit = bigintValue(q.value(3)); limit && currency)
        s.approvalLimit = Money(*limit, *currency);
    s.active = q.value(5).toBool();
    return s;
}
} // namespace

Result<StaffInfo> Administration::currentStaff()
{
    const auto guard = m_session.guard(m_session.statementDeadline()); // on the sign-in path: never hang
    QSqlQuery q(m_session.database());
    if (!q.exec(QStringLiteral("SELECT login, display_name, role, approval_limit, limit_currency, active "
                               "FROM teller.staff WHERE login = session_user AND active")))
        return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Administration", "reading the staff record")));
    if (!q.next())
        return fail(Error{Error::Kind::Permission,
                          QCoreApplication::translate("teller::Administration", "The login \"%1\" is not an active Teller staff member.").arg(m_session.sessionUser()),
                          QStringLiteral("42501")});
    return readStaff(q);
}

Result<StaffInfo> Administration::addStaff(const QString &login, const QString &displayName, StaffRole role,
                                           const std::optional<Money> &approvalLimit,
                                           const std::optional<QString> &password)
{
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z][a-z0-9_.-]{0,62}$"));
    if (!loginPattern.match(login).hasMatch())
        return fail(Error::badInput(QCoreApplication::translate("teller::Administration", "\"%1\" is not a valid login: lower-case letters, digits, \"_\", \".\" and "
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

    QSqlQuery q(m_session.database());
    q.prepare(QStringLiteral("SELECT login, display_name, role, approval_limit, limit_currency, active "
                             "FROM teller.add_staff(?, ?, ?, ?::bigint, ?)"));
    q.addBindValue(login);
    q.addBindValue(displayName.trimmed().isEmpty() ? login : displayName.trimmed());
    q.addBindValue(staffRoleName(role));
    q.addBindValue(approvalLimit ? QVariant::fromValue<qlonglong>(approvalLimit->minorUnits())
                                 : QVariant(QMetaType::fromType<qlonglong>()));
    q.addBindValue(verifier);
    if (!q.exec() || !q.next())
        return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Administration", "adding staff")));
    return readStaff(q);
}

Result<AccountInfo> Administration::openAccount(const QString &number, const QString &holder, Currency currency,
                                                const Money &floor)
{
    if (holder.trimmed().isEmpty() || holder.trimmed().size() > 200)
        return fail(Error::badInput(QCoreApplication::translate("teller::Administration", "The holder's name must have between 1 and 200 characters.")));
    if (floor.minorUnits() > 0)
        return fail(Error::badInput(QCoreApplication::translate("teller::Administration", "The balance floor cannot be above zero (a negative floor is an overdraft).")));
    if (!(floor.currency() == currency))
        return fail(Error::badInput(QCoreApplication::translate("teller::Administration", "The balance floor must be in the account's currency.")));
    QSqlQuery q(m_session.database());
    q.prepare(QStringLiteral("SELECT id, number, holder, currency, balance, held, balance_floor, status, opened_at "
                             "FROM teller.open_account(?, ?, ?, ?::bigint)"));
    q.addBindValue(number);
    q.addBindValue(holder.trimmed());
    q.addBindValue(currency.code());
    q.addBindValue(QVariant::fromValue<qlonglong>(floor.minorUnits()));
    if (!q.exec() || !q.next())
        return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Administration", "opening the account")));
    return detail::readAccount(q, 0);
}

Result<AccountInfo> Administration::setAccountStatus(const QString &number, const QString &status)
{
    QSqlQuery q(m_session.database());
    q.prepare(QStringLiteral("SELECT id, number, holder, currency, balance, held, balance_floor, status, opened_at "
                             "FROM teller.set_account_status(?, ?)"));
    q.addBindValue(number);
    q.addBindValue(status);
    if (!q.exec() || !q.next()) {
        Error e = m_session.error(q.lastError(), QCoreApplication::translate("teller::Administration", "changing the account's status"));
        if (e.sqlState == u"P0002")
            e.message = QCoreApplication::translate("teller::Administration", "There is no account %1.").arg(number);
        else if (e.sqlState == u"55000")
            e.message = q.lastError().databaseText().simplified();
        return fail(e);
    }
    return detail::readAccount(q, 0);
}

Result<QList<InvariantViolation>> Administration::invariantViolations()
{
    QSqlQuery q(m_session.database());
    if (!q.exec(QStringLiteral("SELECT invariant, subject, detail FROM teller.invariant_violations()")))
        return fail(m_session.error(q.lastError(), QCoreApplication::translate("teller::Administration", "checking the invariants")));
    QList<InvariantViolation> list;
    while (q.next())
        list << InvariantViolation{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
    return list;
}

} // namespace teller

namespace teller {

Result<int> Administration::importAccounts(const QList<AccountRow> &rows)
{
    QSqlDatabase db = m_session.database();
    if (!db.transaction())
        return fail(m_session.error(db.lastError(), QCoreApplication::translate("teller::Administration", "starting the import")));
    // How many exist already (opening them again is harmless if nothing differs).
    QStringList numbers;
    for (const AccountRow &row : rows)
        numbers << row.number;
    QSqlQuery existing(db);
    existing.prepare(QStringLiteral("SELECT count(*) FROM teller.accounts WHERE number = ANY (string_to_array(?, ','))"));
    existing.addBindValue(numbers.join(u','));
    if (!existing.exec() || !existing.next()) {
        const Error e = m_session.error(existing.lastError(), QCoreApplication::translate("teller::Administration", "reading the existing accounts"));
        db.rollback();
        return fail(e);
    }
    const int already = existing.value(0).toInt();
    existing.finish();

    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT teller.open_account(?, ?, ?, ?::bigint)"));
    for (const AccountRow &row : rows) {
        q.bindValue(0, row.number);
        q.bindValue(1, row.holder);
        q.bindValue(2, row.currency.code());
        q.bindValue(3, QVariant::fromValue<qlonglong>(row.floor.minorUnits()));
        if (!q.exec()) {
            Error e = m_session.error(q.lastError(), QCoreApplication::translate("teller::Administration", "opening account %1").arg(row.number));
            e.message = QCoreApplication::translate("teller::Administration", "Line %1: %2").arg(row.line).arg(e.message);
            db.rollback();
            return fail(e);
        }
        q.finish();
    }
    if (!db.commit())
        return fail(m_session.error(db.lastError(), QCoreApplication::translate("teller::Administration", "committing the import")));
    return int(rows.size()) - already;
}

} // namespace teller
