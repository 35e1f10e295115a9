#pragma once

#include "IdempotencyKey.h"
#include "Outcome.h"

#include <QStringView>

#include <optional>

namespace teller {

// An announcement that an operation changed on the server (pending, decided, expired, or
// reported in doubt): one row the server recorded in teller.events, as teller.events_after()
// answers it (core/service/Events.h). It is only a prompt to ask the server: who decided, and
// why, come from the server's record (queryStatus()), never from here.
struct OperationEvent
{
    std::optional<IdempotencyKey> key; // the operation's (or the action reported in doubt)
    OutcomeStatus status = OutcomeStatus::Unknown;

    // From an event's key and status as the server sends them; nullopt for a status this
    // program does not know or a key that is not one. An empty key is allowed (no key).
    static std::optional<OperationEvent> fromRecord(QStringView key, QStringView status);
};

} // namespace teller
