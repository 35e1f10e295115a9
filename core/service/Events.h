#pragma once

#include "OperationEvent.h"
#include "Result.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace teller {

class DbSession;

// One change the server recorded (teller.events, migration 014), as teller.events_after() lets
// this login see it: a teller the events of their own operations and reports, supervisors and
// administrators every event.
struct ServerEvent
{
    enum class Kind { Operation, Doubt, Account };
    qint64 id = 0;
    QDateTime at;
    Kind kind = Kind::Operation;
    QString key;           // an operation's or a reported action's key
    QString status;        // the operation's status, in_doubt, or the account's status
    QString initiatedBy;   // whose operation or report; who changed the account
    QString accountNumber; // an account event's account

    // The prompt the window acts on (an operation or a doubt); nullopt for an account event
    // or a status this program does not know.
    std::optional<OperationEvent> operationEvent() const;
};

// The channel of the hint that events were recorded: "NOTIFY teller_events", no payload. Any
// connected login can send it, so it says only "read now"; what happened is read by cursor.
inline constexpr char16_t EventHintChannel[] = u"teller_events";

// Reads the server's events by cursor, each once. The first poll only learns where the events
// end now; every later one returns what was recorded since (also what committed late, after
// events with larger ids: teller.events_after keeps the cursor before a missing id, and this
// delivers each id once). Keep one per connection and call poll() when a hint arrives and on
// a timer; the cursor survives a reconnect, so nothing recorded meanwhile is missed.
class EventFeed
{
public:
    explicit EventFeed(DbSession &session) : m_session(session) {}

    Result<QList<ServerEvent>> poll();
    // Where the feed stands; nullopt before the first poll.
    std::optional<qint64> cursor() const { return m_cursor; }

private:
    DbSession &m_session;
    std::optional<qint64> m_cursor;
    QSet<qint64> m_delivered; // ids after the cursor already returned
};

// After a commit that recorded events: tells the listeners to read now (NOTIFY teller_events,
// a statement of its own). Best effort: if it fails (the NOTIFY queue is full, the connection
// is gone) that is logged at debug level and nothing else happens; listeners also read on
// their timer. Never inside a transaction that changes money.
void sendEventHint(DbSession &session);

} // namespace teller
