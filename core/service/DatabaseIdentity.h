#pragma once

#include "Result.h"

#include <QString>

namespace teller {

class DbSession;

// Which database the session is connected to, whatever address, host name, pooler or failover
// reached it: teller.database_identity(), the id migrate wrote once (migration 015), as a
// uuid in its canonical form. The local journal keys its entries by it. A database copied with
// CREATE DATABASE ... TEMPLATE or restored into a second database has its original's id until
// its owner runs teller.renew_database_identity() (resources/sql/functions/).
Result<QString> readDatabaseIdentity(DbSession &session);

} // namespace teller
