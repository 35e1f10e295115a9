#include "Logging.h"

#include <clocale>

Q_LOGGING_CATEGORY(lcDb, "teller.core.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAction, "teller.core.action", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMigrate, "teller.core.migrate", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "teller.core.server", QtInfoMsg)

namespace teller {
void initializeProcess()
{
#ifdef LC_MESSAGES
    std::setlocale(LC_MESSAGES, "C");
#endif
}
} // namespace teller
