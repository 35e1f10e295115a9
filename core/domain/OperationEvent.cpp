#include "OperationEvent.h"

namespace teller {

std::optional<OperationEvent> OperationEvent::fromRecord(QStringView key, QStringView status)
{
    const auto s = outcomeStatusFromName(status);
    if (!s)
        return std::nullopt;
    OperationEvent e;
    e.status = *s;
    if (!key.isEmpty()) {
        auto parsed = IdempotencyKey::parse(key);
        if (!parsed)
            return std::nullopt;
        e.key = *parsed;
    }
    return e;
}

} // namespace teller
