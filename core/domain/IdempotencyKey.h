#pragma once

#include "Result.h"

#include <QString>
#include <QStringView>
#include <QUuid>

namespace teller {

// The identity of one action across every retry: a UUID made by the client before the first
// attempt and never replaced. New keys are version 7 (time-ordered), so the server's unique
// index on keys grows at its right edge instead of being written all over.
class IdempotencyKey
{
public:
    IdempotencyKey() = default;

    static IdempotencyKey generate();
    // Accepts the canonical 8-4-4-4-12 hexadecimal form only (either case). The nil UUID and
    // anything else are refused with a message.
    static Result<IdempotencyKey> parse(QStringView text);
    static IdempotencyKey fromUuid(const QUuid &uuid) { return IdempotencyKey(uuid); }

    bool isNull() const { return m_uuid.isNull(); }
    QUuid uuid() const { return m_uuid; }
    // Lower case, no braces: the form stored and shown everywhere.
    QString toString() const { return m_uuid.toString(QUuid::WithoutBraces); }

    friend bool operator==(const IdempotencyKey &a, const IdempotencyKey &b) { return a.m_uuid == b.m_uuid; }

private:
    explicit IdempotencyKey(const QUuid &uuid) : m_uuid(uuid) {}
    QUuid m_uuid;
};

} // namespace teller
