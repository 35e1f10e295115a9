#pragma once

#include <QLoggingCategory>

// One category per area, so support can enable exactly what they need, e.g.
// QT_LOGGING_RULES="teller.core.db.debug=true". No category ever logs a password.
Q_DECLARE_LOGGING_CATEGORY(lcDb)
Q_DECLARE_LOGGING_CATEGORY(lcAction)
Q_DECLARE_LOGGING_CATEGORY(lcMigrate)
Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace teller {
// Call once at program start, after the QCoreApplication exists. libpq reports connection
// failures only as text; keep that text in English so the core can tell a wrong password
// from an unreachable server whatever the desktop language is.
void initializeProcess();
} // namespace teller
