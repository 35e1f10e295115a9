#include "Events.h"

#include "DbSession.h"
#include "Logging.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace teller {

std::optional<OperationEvent> ServerEvent::operationEvent() const
{
    if (kind == Kind::Account)
        return std::nullopt;
    return OperationEvent::fromRecord(key, status);
}

Result<QList<ServerEvent>> EventFeed::poll()
{
    QList<ServerEvent> events;
    const QString context = QCoreApplication::translate("teller::Events", "reading what changed on the server");
    const QString sql = QStringLiteral("SELECT id, at, kind, key::text, status, initiated_by, account_number "
                                       "FROM teller.events_after(?::bigint)");
    // A backlog (after a reconnect) is read in a few rounds; a cursor that stops moving waits
    // for an event still being committed: the next poll asks again.
    for (int round = 0; round < 20; ++round) {
        std::optional<qint64> next;
        bool more = false;
        bool broken = false;
        const QVariant cursor = m_cursor ? QVariant::fromValue<qlonglong>(*m_cursor) : QVariant(QMetaType::fromType<qlonglong>());
        auto ok = m_session.select(sql, {cursor}, context, [&](const Row &q) {
            const QString kind = q.value(2).toString();
            const auto id = bigintValue(q.value(0));
            if (!id) {
                broken = true;
                return;
            }
            if (kind == u"cursor") {
                next = *id;
                more = q.value(4).toString() == u"more";
                return;
            }
            if (!m_cursor || *id <= *m_cursor || m_delivered.contains(*id))
                return;
            ServerEvent e;
            e.id = *id;
            e.at = q.value(1).toDateTime();
            if (kind == u"operation")
                e.kind = ServerEvent::Kind::Operation;
            else if (kind == u"doubt")
                e.kind = ServerEvent::Kind::Doubt;
            else if (kind == u"account")
                e.kind = ServerEvent::Kind::Account;
            else
                return; // a kind a newer server knows: nothing this program acts on
            e.key = q.value(3).toString();
            e.status = q.value(4).toString();
            e.initiatedBy = q.value(5).toString();
            e.accountNumber = q.value(6).toString();
            m_delivered.insert(e.id);
            events << e;
        });
        if (!ok)
            return fail(ok.error());
        if (broken || !next)
            return fail(
                Error::internal(QCoreApplication::translate("teller::Events", "The server sent an event this program cannot read.")));
        const bool moved = !m_cursor || *next != *m_cursor;
        m_cursor = *next;
        m_delivered.removeIf([&](qint64 id) { return id <= *m_cursor; });
        if (!more || !moved)
            break;
    }
    return events;
}

void sendEventHint(DbSession &session)
{
    if (auto ok = session.exec(QStringLiteral("NOTIFY ") + QString::fromUtf16(EventHintChannel)); !ok)
        qCDebug(lcDb).noquote() << "the hint that events were recorded was not sent:" << ok.error().message;
}

} // namespace teller
