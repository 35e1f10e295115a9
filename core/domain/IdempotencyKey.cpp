#include "IdempotencyKey.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QtEndian>

namespace teller {

IdempotencyKey IdempotencyKey::generate()
{
    // RFC 9562 version 7: 48 bits of Unix milliseconds, then random bits, with the version
    // and variant fields set. QUuid::createUuidV7() only exists from Qt 6.9.
    const quint64 millis = quint64(QDateTime::currentMSecsSinceEpoch());
    quint64 random[2];
    QRandomGenerator::system()->fillRange(random);

    uchar bytes[16];
    const quint64 high = (millis << 16) | (random[0] & 0x0FFF) | 0x7000;
    const quint64 low = (random[1] & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
    qToBigEndian(high, bytes);
    qToBigEndian(low, bytes + 8);
    return IdempotencyKey(QUuid::fromRfc4122(QByteArrayView(bytes, 16)));
}

Result<IdempotencyKey> IdempotencyKey::parse(QStringView text)
{
    const auto invalid = [&] {
        return fail(Error::badInput(QCoreApplication::translate("teller::IdempotencyKey",
                                                                "\"%1\" is not a valid idempotency key: expected a UUID such as "
                                                                "0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d.")
                                        .arg(text.left(64))));
    };
    if (text.size() != 36)
        return invalid();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool dash = (i == 8 || i == 13 || i == 18 || i == 23);
        if (dash ? c != u'-' : !((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return invalid();
    }
    const QUuid uuid = QUuid::fromString(text);
    if (uuid.isNull())
        return invalid();
    return IdempotencyKey(uuid);
}

} // namespace teller
