#pragma once

#include "ConnectionSettings.h"
#include "Result.h"

#include <QByteArray>
#include <QString>

#include <mutex>
#include <optional>

namespace teller {

class DbSession;

// Proof of who acts, for a pooled login (migration 020): a pooler such as PgBouncer may log in
// to the server with one shared login for every workstation (its forced user), while each
// client still authenticates to the pooler with its own login and password. The database then
// knows who acts only from the staff session each transaction names: `secret`, answered by
// teller.open_staff_session over a session that really is the member's own login, and `group`,
// the member's Teller group (the role the transaction sets, so the GRANTs are the member's).
struct StaffCredential
{
    QString login;     // the member of staff
    QByteArray group;  // teller_tellers, teller_supervisors or teller_admins
    QByteArray secret; // 64 hex digits; kept in memory only, never logged or written anywhere
};

// A window's (or a tellerctl run's) staff session, shared by its DbSessions on their threads:
// opened once, the first time a session finds itself on a pooled login, over `direct` (the
// same login and password, to PostgreSQL itself or a session pool that logs in as the client:
// the workstation configuration's listen_host and listen_port), and ended at sign-out.
class StaffSessions
{
public:
    StaffSessions(ConnectionSettings direct, SessionOptions options);

    // The credential, opening the staff session over the direct path if there is none yet.
    Result<StaffCredential> credential();
    // Ends the staff session on the server through `session` (a session that uses it) and
    // forgets it; nothing if none was opened. Best effort: an unreachable server lets it expire.
    void end(DbSession &session);

private:
    ConnectionSettings m_direct;
    SessionOptions m_options;
    std::mutex m_mutex;
    std::optional<StaffCredential> m_credential;
};

} // namespace teller
