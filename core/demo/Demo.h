#pragma once

#include "ConnectionSettings.h"
#include "Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace teller {

class DbSession;
class LocalServer;

// The demo: a branch's worth of staff and accounts on a private local server.
namespace demo {

// Every demo login has this password. It protects nothing but a throwaway local server.
inline constexpr char16_t Password[] = u"teller-demo";
inline constexpr char16_t DatabaseName[] = u"teller";

struct StaffMember
{
    const char16_t *login;
    const char16_t *name;
    const char16_t *role;
    qint64 limitMinorUnits; // -1: none
};

QList<StaffMember> staff();

// Where the demo server keeps its data: the user's data folder, or /var/tmp/teller-demo when
// running as root (the server then runs as the postgres user, who cannot enter /root).
QString defaultBaseDir();

// Creates the demo staff (logins with the demo password), opens the demo accounts and pays
// in their opening balances through the real money path (as the demo teller, with fixed
// keys, so running it again changes nothing). `admin` is a session of the database owner
// or an admin; `adminSettings` tells how to reach the same database as a demo teller.
Result<QJsonObject> seed(DbSession &admin, const ConnectionSettings &adminSettings);

// Starts (creating on first use) the private server, creates the database, migrates and
// seeds it. Returns the superuser's connection to the demo database.
Result<ConnectionSettings> startServer(LocalServer &server);

} // namespace demo
} // namespace teller
