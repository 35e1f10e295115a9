#include "FaultProxy.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#include <memory>
#include <vector>

namespace {

constexpr quint32 SslRequestCode = 80877103;
constexpr quint32 GssEncRequestCode = 80877104;
constexpr quint32 CancelRequestCode = 80877102;

// One client connection and its upstream twin.
struct Link
{
    QPointer<QTcpSocket> client;
    QPointer<QTcpSocket> server;
    QByteArray toServerBeforeConnect; // what the client sent before the upstream was connected
    QByteArray parse;                 // client bytes not yet parsed into messages
    bool untyped = true;              // the next client message is a startup-type message
    bool swallowAnswer = false;       // the server's next answer is dropped and the link cut
    bool holdAnswers = false;         // nothing from the server reaches the client any more
    bool inBlock = false;             // the client has sent BEGIN and not yet COMMIT or ROLLBACK
    QSet<QByteArray> committing;      // prepared statements that call a money function
    qint64 sent = 0;
    QByteArray stalledToServer, stalledToClient;
};

} // namespace

class FaultProxy::Worker : public QObject
{
public:
    explicit Worker(FaultProxy *proxy) : m_proxy(proxy) {}

    bool listen(quint16 port)
    {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *c = m_server->nextPendingConnection()) {
                if (m_proxy->m_refusing) {
                    // As a server that is down: the connection ends before it starts.
                    c->abort();
                    c->deleteLater();
                    continue;
                }
                accept(c);
            }
        });
        return m_server->listen(QHostAddress::LocalHost, port);
    }
    quint16 port() const { return m_server ? m_server->serverPort() : 0; }

    void resetAll()
    {
        for (const auto &weak : m_links) {
            if (auto link = weak.lock()) {
                ++m_proxy->m_resets;
                cut(*link);
            }
        }
        prune();
    }

    void flushStalled()
    {
        for (const auto &weak : m_links) {
            auto link = weak.lock();
            if (!link)
                continue;
            if (!link->stalledToServer.isEmpty())
                forwardToServer(link, std::exchange(link->stalledToServer, {}));
            if (!link->stalledToClient.isEmpty())
                forwardToClient(link, std::exchange(link->stalledToClient, {}));
        }
    }

private:
    // A link lives as long as its sockets' connections hold it; the sockets are deleted once
    // both sides are closed, which frees it.
    void accept(QTcpSocket *client)
    {
        ++m_proxy->m_connections;
        auto link = std::make_shared<Link>();
        link->client = client;
        link->server = new QTcpSocket(this);
        client->setParent(this);
        m_links.push_back(link);
        prune();

        connect(link->server, &QTcpSocket::connected, this, [link] {
            if (!link->toServerBeforeConnect.isEmpty())
                write(link->server, std::exchange(link->toServerBeforeConnect, {}));
        });
        connect(client, &QTcpSocket::readyRead, this, [this, link] { fromClient(link); });
        connect(link->server, &QTcpSocket::readyRead, this, [this, link] { fromServer(link); });
        connect(client, &QTcpSocket::disconnected, this, [this, link] { closeLink(*link); });
        connect(link->server, &QTcpSocket::disconnected, this, [this, link] { closeLink(*link); });
        connect(link->server, &QTcpSocket::errorOccurred, this, [this, link] { closeLink(*link); });
        link->server->connectToHost(m_proxy->m_upstreamHost, m_proxy->m_upstreamPort);
    }

    void prune()
    {
        std::erase_if(m_links, [](const std::weak_ptr<Link> &w) { return w.expired(); });
    }

    static void write(QTcpSocket *s, const QByteArray &data)
    {
        if (s && s->state() != QAbstractSocket::UnconnectedState)
            s->write(data);
    }

    void closeLink(Link &l)
    {
        // The other side learns that its peer is gone, as it would with a real network.
        const bool clientUp = l.client && l.client->state() == QAbstractSocket::ConnectedState;
        const bool serverUp = l.server && l.server->state() == QAbstractSocket::ConnectedState;
        const bool serverConnecting = l.server
                                      && (l.server->state() == QAbstractSocket::ConnectingState
                                          || l.server->state() == QAbstractSocket::HostLookupState);
        if (clientUp && !serverUp && !serverConnecting)
            l.client->disconnectFromHost();
        if (serverUp && !clientUp)
            l.server->disconnectFromHost();
        if (!clientUp && !serverUp && !serverConnecting) {
            if (l.client)
                l.client->deleteLater();
            if (l.server)
                l.server->deleteLater();
        }
    }

    void cut(Link &l)
    {
        if (l.client)
            l.client->abort();
        if (l.server)
            l.server->abort();
    }

    // A money function: outside BEGIN ... COMMIT a statement that calls one is its own
    // transaction, and the server commits it before it answers.
    static bool callsMoneyFunction(const QByteArray &upperQuery)
    {
        static const char *const functions[] = {"TELLER.PERFORM_ACTION(", "TELLER.ABANDON_ACTION(", "TELLER.COUNT_TILL(",
                                                "TELLER.VAULT_MOVE(", "TELLER.REQUEST_REVERSAL("};
        for (const char *f : functions) {
            if (upperQuery.contains(f))
                return true;
        }
        return false;
    }

    // Spots, in what the client sends (simple queries, or the extended protocol's Parse), a
    // query whose answer comes only after the server has committed: a COMMIT, or a money
    // statement outside a transaction block (directly, as EXECUTE of a statement PREPAREd with
    // one, or parsed with bound parameters).
    bool sendsCommit(Link &l, const QByteArray &data)
    {
        l.parse += data;
        bool commit = false;
        while (true) {
            if (l.untyped) {
                if (l.parse.size() < 8)
                    break;
                const quint32 length = qFromBigEndian<quint32>(l.parse.constData());
                if (length < 8 || length > 1 << 20 || quint32(l.parse.size()) < length)
                    break;
                const quint32 code = qFromBigEndian<quint32>(l.parse.constData() + 4);
                if (code != SslRequestCode && code != GssEncRequestCode && code != CancelRequestCode)
                    l.untyped = false; // the startup message; typed messages follow
                l.parse.remove(0, qsizetype(length));
                continue;
            }
            if (l.parse.size() < 5)
                break;
            const char type = l.parse.at(0);
            const quint32 length = qFromBigEndian<quint32>(l.parse.constData() + 1);
            if (length < 4 || quint32(l.parse.size()) < length + 1)
                break;
            if (type == 'Q') {
                const QByteArray query = l.parse.mid(5, qsizetype(length) - 5).trimmed();
                QByteArray q = (query.endsWith('\0') ? query.chopped(1) : query).trimmed().toUpper();
                if (q.endsWith(';'))
                    q.chop(1);
                const QByteArray first = q.left(q.indexOf(' ') < 0 ? q.size() : q.indexOf(' '));
                if (q == "COMMIT" || q == "END") {
                    commit = commit || l.inBlock;
                    l.inBlock = false;
                } else if (q == "BEGIN" || q.startsWith("BEGIN ") || q.startsWith("START TRANSACTION")) {
                    l.inBlock = true;
                } else if (q == "ROLLBACK" || q == "ABORT") {
                    l.inBlock = false;
                } else if (first == "PREPARE") {
                    const QList<QByteArray> words = q.simplified().split(' ');
                    if (words.size() > 1 && callsMoneyFunction(q))
                        l.committing.insert(
                            words.at(1).left(words.at(1).indexOf('(') < 0 ? words.at(1).size() : words.at(1).indexOf('(')));
                } else if (first == "EXECUTE") {
                    QByteArray name = q.mid(8).trimmed();
                    const qsizetype end = std::min(name.indexOf(' ') < 0 ? name.size() : name.indexOf(' '),
                                                   name.indexOf('(') < 0 ? name.size() : name.indexOf('('));
                    name.truncate(end);
                    commit = commit || (!l.inBlock && l.committing.contains(name));
                } else if (!l.inBlock && callsMoneyFunction(q)) {
                    commit = true;
                }
            } else if (type == 'P') {
                // Parse, of the extended protocol (libpq's PQexecParams: Parse, Bind, Execute,
                // Sync at once): the statement name, then the text. Outside a transaction block
                // a money statement commits when the Sync ends its implicit transaction.
                const QByteArray body = l.parse.mid(5, qsizetype(length) - 4);
                const qsizetype nameEnd = body.indexOf('\0');
                const qsizetype textEnd = nameEnd < 0 ? -1 : body.indexOf('\0', nameEnd + 1);
                if (textEnd > nameEnd && !l.inBlock && callsMoneyFunction(body.mid(nameEnd + 1, textEnd - nameEnd - 1).toUpper()))
                    commit = true;
            }
            l.parse.remove(0, qsizetype(length) + 1);
        }
        return commit;
    }

    void fromClient(const std::shared_ptr<Link> &link)
    {
        Link &l = *link;
        if (!l.client)
            return;
        QByteArray data = l.client->readAll();
        if (sendsCommit(l, data)) {
            int budget = m_proxy->m_swallowCommits.load();
            bool swallow = false;
            while (budget > 0 && !swallow)
                swallow = m_proxy->m_swallowCommits.compare_exchange_weak(budget, budget - 1);
            const int percent = m_proxy->m_swallowPercent.load();
            if (!swallow && percent > 0 && int(QRandomGenerator::global()->bounded(100)) < percent)
                swallow = true;
            if (swallow)
                l.swallowAnswer = true;
            int hold = m_proxy->m_holdCommits.load();
            bool held = false;
            while (!swallow && hold > 0 && !held)
                held = m_proxy->m_holdCommits.compare_exchange_weak(hold, hold - 1);
            if (held) {
                l.holdAnswers = true;
                ++m_proxy->m_held;
            }
        }
        const qint64 limit = m_proxy->m_cutAfter.load();
        if (limit > 0 && l.sent + data.size() > limit) {
            data.truncate(qsizetype(std::max<qint64>(0, limit - l.sent)));
            forwardToServer(link, data);
            ++m_proxy->m_cuts;
            QTimer::singleShot(m_proxy->m_latencyMs.load() + 1, this, [this, link] { cut(*link); });
            l.sent = limit;
            return;
        }
        l.sent += data.size();
        forwardToServer(link, data);
    }

    void fromServer(const std::shared_ptr<Link> &link)
    {
        Link &l = *link;
        if (!l.server)
            return;
        const QByteArray data = l.server->readAll();
        if (l.holdAnswers)
            return; // read and forgotten: the client waits for an answer that never comes
        if (l.swallowAnswer) {
            // The server has committed; its answer never reaches the client.
            l.swallowAnswer = false;
            ++m_proxy->m_swallowed;
            cut(l);
            return;
        }
        forwardToClient(link, data);
    }

    template <typename Deliver> void later(Deliver deliver)
    {
        const int latency = m_proxy->m_latencyMs.load();
        if (latency <= 0)
            deliver();
        else
            QTimer::singleShot(latency, this, deliver);
    }

    void forwardToServer(const std::shared_ptr<Link> &link, const QByteArray &data)
    {
        if (data.isEmpty())
            return;
        if (m_proxy->m_stalled) {
            link->stalledToServer += data;
            return;
        }
        m_proxy->m_bytesToServer += data.size();
        later([link, data] {
            if (!link->server)
                return;
            if (link->server->state() == QAbstractSocket::ConnectedState)
                link->server->write(data);
            else if (link->server->state() != QAbstractSocket::UnconnectedState)
                link->toServerBeforeConnect += data;
        });
    }

    void forwardToClient(const std::shared_ptr<Link> &link, const QByteArray &data)
    {
        if (data.isEmpty())
            return;
        if (m_proxy->m_stalled) {
            link->stalledToClient += data;
            return;
        }
        m_proxy->m_bytesToClient += data.size();
        later([link, data] { write(link->client, data); });
    }

    FaultProxy *m_proxy;
    QTcpServer *m_server = nullptr;
    std::vector<std::weak_ptr<Link>> m_links;
};

FaultProxy::FaultProxy(QString upstreamHost, quint16 upstreamPort, QObject *parent)
    : QObject(parent), m_upstreamHost(std::move(upstreamHost)), m_upstreamPort(upstreamPort)
{
    m_thread.setObjectName(QStringLiteral("fault-proxy"));
    m_worker = new Worker(this);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

FaultProxy::~FaultProxy()
{
    m_thread.quit();
    m_thread.wait();
}

bool FaultProxy::start(quint16 port)
{
    bool ok = false;
    QMetaObject::invokeMethod(
        m_worker,
        [&] {
            ok = m_worker->listen(port);
            m_port = m_worker->port();
        },
        Qt::BlockingQueuedConnection);
    return ok;
}

void FaultProxy::setStalled(bool stalled)
{
    m_stalled = stalled;
    if (!stalled)
        QMetaObject::invokeMethod(
            m_worker, [this] { m_worker->flushStalled(); }, Qt::QueuedConnection);
}

void FaultProxy::resetAll()
{
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->resetAll(); }, Qt::BlockingQueuedConnection);
}

FaultProxy::Stats FaultProxy::stats() const
{
    Stats s;
    s.connections = m_connections;
    s.resets = m_resets;
    s.cuts = m_cuts;
    s.swallowedCommits = m_swallowed;
    s.heldCommits = m_held;
    s.bytesToServer = m_bytesToServer;
    s.bytesToClient = m_bytesToClient;
    return s;
}
