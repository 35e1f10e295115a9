#include "OperationEvent.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace teller {

std::optional<OperationEvent> OperationEvent::parse(QStringView payload)
{
    if (payload.size() > 4096)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(payload.toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const auto status = outcomeStatusFromName(o.value(QStringLiteral("status")).toString());
    if (!status)
        return std::nullopt;
    OperationEvent e;
    e.status = *status;
    if (o.contains(QStringLiteral("key"))) {
        auto key = IdempotencyKey::parse(o.value(QStringLiteral("key")).toString());
        if (!key)
            return std::nullopt;
        e.key = *key;
    }
    return e;
}

} // namespace teller
