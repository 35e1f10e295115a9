#pragma once

#include "IdempotencyKey.h"
#include "Outcome.h"

#include <QStringView>

#include <optional>

namespace teller {

// An announcement that an operation changed on the server (pending, decided, expired, or
// something reported in doubt), parsed from the NOTIFY payload {"key": …, "status": …}.
// Any connected login can send a NOTIFY, so an event is only a prompt to ask the server:
// nothing in it is shown or trusted as a fact.
struct OperationEvent
{
    std::optional<IdempotencyKey> key; // none for "something is in doubt"
    OutcomeStatus status = OutcomeStatus::Unknown;

    // Nullopt for a payload that is not such an announcement.
    static std::optional<OperationEvent> parse(QStringView payload);
};

} // namespace teller
