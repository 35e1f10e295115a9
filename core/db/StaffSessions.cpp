#include "StaffSessions.h"

#include "DbSession.h"
#include "Logging.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QRegularExpression>

namespace teller {

StaffSessions::StaffSessions(ConnectionSettings direct, SessionOptions options)
    : m_direct(std::move(direct)), m_options(std::move(options))
{
}

Result<StaffCredential> StaffSessions::credential()
{
    std::lock_guard lock(m_mutex);
    if (m_credential)
        return *m_credential;

    static QAtomicInteger<quint64> serial;
    DbSession direct(m_direct, m_options, QStringLiteral("teller-staff-session-%1").arg(serial.fetchAndAddRelaxed(1)));
    if (auto opened = direct.open(DbSession::SchemaCheck::Require); !opened)
        return fail(opened.error());
    if (direct.pooledLogin()) // cannot happen: such a session does not open without a way to sign in
        return fail(DbSession::pooledWithoutSignIn(direct.poolLogin()));
    auto opened = direct.selectOne(
        QStringLiteral("SELECT secret, staff_group, session_user FROM teller.open_staff_session(?)"), {m_options.workstation},
        QCoreApplication::translate("teller::StaffSessions", "signing in"), [](const Row &r) {
            return StaffCredential{r.value(2).toString(), r.value(1).toString().toLatin1(), r.value(0).toString().toLatin1()};
        });
    direct.close();
    if (!opened)
        return fail(opened.error());
    static const QRegularExpression secretShape(QStringLiteral("^[0-9a-f]{64}$"));
    static const QRegularExpression groupShape(QStringLiteral("^teller_(tellers|supervisors|admins)$"));
    if (!secretShape.match(QString::fromLatin1(opened->secret)).hasMatch()
        || !groupShape.match(QString::fromLatin1(opened->group)).hasMatch())
        return fail(Error::internal(QCoreApplication::translate(
            "teller::StaffSessions", "The server answered the sign-in with something this program cannot use.")));
    qCInfo(lcDb).noquote() << "staff session opened for" << opened->login << "(" << opened->group << ") at" << m_direct.describe();
    m_credential = *opened;
    return *m_credential;
}

void StaffSessions::end(DbSession &session)
{
    std::lock_guard lock(m_mutex);
    if (!m_credential)
        return;
    if (session.isOpen() && session.pooledLogin()) {
        auto ended = session.selectOne(QStringLiteral("SELECT teller.end_staff_session()"), {},
                                       QCoreApplication::translate("teller::StaffSessions", "signing out"),
                                       [](const Row &r) { return r.value(0).toBool(); });
        if (!ended)
            qCInfo(lcDb).noquote() << "the staff session could not be ended (it expires by itself):" << ended.error().message;
    }
    m_credential.reset();
}

} // namespace teller
