#include "ConnectionSettings.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSysInfo>

#include <libpq-fe.h>

namespace teller {

namespace {

struct EnvironmentName
{
    const char *keyword;
    const char *variable;
};
constexpr EnvironmentName environmentNames[] = {
    {"host", "PGHOST"},
    {"hostaddr", "PGHOSTADDR"},
    {"port", "PGPORT"},
    {"dbname", "PGDATABASE"},
    {"user", "PGUSER"},
    {"sslmode", "PGSSLMODE"},
    {"sslrootcert", "PGSSLROOTCERT"},
    {"service", "PGSERVICE"},
    {"connect_timeout", "PGCONNECT_TIMEOUT"},
    {"target_session_attrs", "PGTARGETSESSIONATTRS"},
    {"options", "PGOPTIONS"},
    {"application_name", "PGAPPNAME"},
};

QString environmentValue(const QString &keyword)
{
    for (const auto &e : environmentNames) {
        if (keyword == QLatin1String(e.keyword))
            return qEnvironmentVariable(e.variable);
    }
    return {};
}

bool isNonNegativeInteger(const QString &s, qint64 max)
{
    bool ok = false;
    const qint64 v = s.trimmed().toLongLong(&ok);
    return ok && v >= 0 && v <= max;
}

} // namespace

QString isolationName(Isolation level)
{
    switch (level) {
    case Isolation::ReadCommitted: return QStringLiteral("read committed");
    case Isolation::RepeatableRead: return QStringLiteral("repeatable read");
    case Isolation::Serializable: return QStringLiteral("serializable");
    }
    return {};
}

std::optional<Isolation> isolationFromName(QStringView name)
{
    const QString n = name.trimmed().toString().toLower().replace(u'_', u' ').replace(u'-', u' ');
    for (Isolation i : {Isolation::ReadCommitted, Isolation::RepeatableRead, Isolation::Serializable}) {
        if (n == isolationName(i))
            return i;
    }
    return std::nullopt;
}

QString SessionOptions::defaultWorkstation()
{
    QString name = QSysInfo::machineHostName();
    if (name.isEmpty())
        name = QHostInfo::localHostName();
    return name.isEmpty() ? QStringLiteral("unknown-workstation") : name.left(63);
}

QString quoteConninfoValue(const QString &value)
{
    QString v = value;
    v.replace(u'\\', QStringLiteral("\\\\"));
    v.replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + v + u'\'';
}

Result<ConnectionSettings> ConnectionSettings::fromConninfo(QStringView conninfo)
{
    ConnectionSettings settings;
    const QByteArray utf8 = conninfo.toUtf8();
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(utf8.constData(), &error);
    if (!options) {
        const QString detail = error ? QString::fromUtf8(error).trimmed()
                                     : QCoreApplication::translate("teller::ConnectionSettings", "out of memory");
        if (error)
            PQfreemem(error);
        return fail(Error::config(
            QCoreApplication::translate("teller::ConnectionSettings", "The connection string is not valid: %1").arg(detail)));
    }
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (o->val)
            settings.m_params.insert(QString::fromUtf8(o->keyword), QString::fromUtf8(o->val));
    }
    PQconninfoFree(options);
    if (auto ok = settings.validate(); !ok)
        return fail(ok.error());
    return settings;
}

Result<void> ConnectionSettings::validate() const
{
    const auto bad = [](const QString &keyword, const QString &value, const QString &expected) {
        // A secret is never repeated in a message (it may end up on screen or in a log).
        static const QStringList secrets = {QStringLiteral("password"), QStringLiteral("sslpassword")};
        const QString shown = secrets.contains(keyword) ? QStringLiteral("…") : value.left(80);
        return fail(
            Error::config(QCoreApplication::translate("teller::ConnectionSettings", "The connection setting %1=\"%2\" is not valid: %3")
                              .arg(keyword, shown, expected)));
    };

    const QString port = effective(QStringLiteral("port"));
    if (!port.isEmpty()) {
        for (const QString &p : port.split(u',')) {
            bool ok = false;
            const int n = p.trimmed().toInt(&ok);
            if (!ok || n < 1 || n > 65535)
                return bad(QStringLiteral("port"), port,
                           QCoreApplication::translate("teller::ConnectionSettings", "expected a port number between 1 and 65535."));
        }
    }
    // A keyword whose value, when given, must be one of these.
    const auto oneOf = [&](const QString &keyword, const QStringList &values) -> std::optional<Result<void>> {
        const QString v = effective(keyword);
        if (v.isEmpty() || values.contains(v))
            return std::nullopt;
        return bad(
            keyword, v,
            QCoreApplication::translate("teller::ConnectionSettings", "expected one of %1.").arg(values.join(QStringLiteral(", "))));
    };
    if (auto refused = oneOf(QStringLiteral("sslmode"),
                             {QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"), QStringLiteral("require"),
                              QStringLiteral("verify-ca"), QStringLiteral("verify-full")}))
        return *refused;

    for (const char *keyword :
         {"connect_timeout", "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout"}) {
        const QString k = QString::fromLatin1(keyword);
        const QString v = effective(k);
        if (!v.isEmpty() && !isNonNegativeInteger(v, 1'000'000'000))
            return bad(k, v, QCoreApplication::translate("teller::ConnectionSettings", "expected a whole number."));
    }
    if (auto refused = oneOf(QStringLiteral("target_session_attrs"),
                             {QStringLiteral("any"), QStringLiteral("read-write"), QStringLiteral("read-only"),
                              QStringLiteral("primary"), QStringLiteral("standby"), QStringLiteral("prefer-standby")}))
        return *refused;

    // QPSQL turns ';' into spaces in connect options, so no value there may contain one.
    for (auto it = m_params.cbegin(); it != m_params.cend(); ++it) {
        if (it.value().trimmed().isEmpty())
            return fail(Error::config(
                QCoreApplication::translate("teller::ConnectionSettings", "The connection setting %1 has no value.").arg(it.key())));
        static const QStringList fieldKeys = {QStringLiteral("host"), QStringLiteral("dbname"), QStringLiteral("user"),
                                              QStringLiteral("password")};
        if (!fieldKeys.contains(it.key()) && it.value().contains(u';'))
            return bad(it.key(), it.value(),
                       QCoreApplication::translate("teller::ConnectionSettings", "a value may not contain \";\"."));
    }
    return {};
}

Result<void> ConnectionSettings::checkHostsAndPorts() const
{
    // Several hosts (tried in turn, e.g. a primary and its standby with
    // target_session_attrs=read-write) take one port for all or one port each; libpq would
    // only say so when connecting. Checked once everything is known (a --db string may name
    // the ports of hosts the configuration names).
    const QString port = effective(QStringLiteral("port"));
    const qsizetype portCount = port.isEmpty() ? 1 : port.split(u',').size();
    if (portCount <= 1)
        return {};
    QString hosts = effective(QStringLiteral("host"));
    if (hosts.isEmpty())
        hosts = effective(QStringLiteral("hostaddr"));
    const qsizetype hostCount = hosts.isEmpty() ? 1 : hosts.split(u',').size();
    if (portCount == hostCount)
        return {};
    return fail(Error::config(
        QCoreApplication::translate("teller::ConnectionSettings", "The connection setting %1=\"%2\" is not valid: %3")
            .arg(QStringLiteral("port"), port.left(80),
                 QCoreApplication::translate("teller::ConnectionSettings", "expected one port, or one for each of the %n host(s).",
                                             nullptr, int(hostCount)))));
}

QString ConnectionSettings::effective(const QString &keyword) const
{
    if (m_params.contains(keyword))
        return m_params.value(keyword);
    return environmentValue(keyword);
}

QString ConnectionSettings::user() const
{
    QString u = effective(QStringLiteral("user"));
    if (u.isEmpty())
        u = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return u;
}

QString ConnectionSettings::describe() const
{
    QString host = effective(QStringLiteral("host"));
    if (host.isEmpty())
        host = effective(QStringLiteral("hostaddr"));
    if (host.isEmpty() || host.startsWith(u'/'))
        host = host.isEmpty() ? QCoreApplication::translate("teller::ConnectionSettings", "local socket")
                              : QCoreApplication::translate("teller::ConnectionSettings", "local socket %1").arg(host);
    QString port = effective(QStringLiteral("port"));
    if (port.isEmpty())
        port = QStringLiteral("5432");
    QString db = effective(QStringLiteral("dbname"));
    if (db.isEmpty())
        db = user();
    const QString service = effective(QStringLiteral("service"));
    QString text = user() + u'@' + host + u':' + port + u'/' + db;
    if (!service.isEmpty())
        text += QStringLiteral(" (service %1)").arg(service);
    return text;
}

QString ConnectionSettings::databaseIdentity() const
{
    const QString service = effective(QStringLiteral("service"));
    if (!service.isEmpty())
        return QStringLiteral("service=") + service;
    QString host = effective(QStringLiteral("host"));
    if (host.isEmpty())
        host = effective(QStringLiteral("hostaddr"));
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    QString port = effective(QStringLiteral("port"));
    if (port.isEmpty())
        port = QStringLiteral("5432");
    QString db = effective(QStringLiteral("dbname"));
    if (db.isEmpty())
        db = user();
    return host + u':' + port + u'/' + db;
}

QMap<QString, QString> ConnectionSettings::connectOptions(const SessionOptions &session) const
{
    QMap<QString, QString> o;
    // Defaults first; whatever the user gave explicitly wins below.
    o.insert(QStringLiteral("connect_timeout"), QString::number(std::max<qint64>(1, session.connectTimeout.count())));
    o.insert(QStringLiteral("keepalives"), QStringLiteral("1"));
    o.insert(QStringLiteral("keepalives_idle"), QString::number(session.keepalivesIdle.count()));
    o.insert(QStringLiteral("keepalives_interval"), QString::number(session.keepalivesInterval.count()));
    o.insert(QStringLiteral("keepalives_count"), QString::number(session.keepalivesCount));
    o.insert(QStringLiteral("tcp_user_timeout"), QString::number(session.tcpUserTimeout.count()));
    QString app = session.applicationName;
    if (!session.workstation.isEmpty())
        app += QStringLiteral(" @") + session.workstation;
    o.insert(QStringLiteral("application_name"), app.left(63));

    for (auto it = m_params.cbegin(); it != m_params.cend(); ++it) {
        static const QStringList fieldKeys = {QStringLiteral("host"), QStringLiteral("dbname"), QStringLiteral("user"),
                                              QStringLiteral("password"), QStringLiteral("options")};
        if (!fieldKeys.contains(it.key()))
            o.insert(it.key(), it.value());
    }

    // No server settings travel as the startup parameter "options": a pooler (PgBouncer)
    // refuses it. The session's bounds are the database's (teller.secure_database() sets them
    // at migrate) and each transaction's own (DbSession::begin). Only options the user gave
    // explicitly (or PGOPTIONS) are passed on, as they asked.
    const QString userOptions = effective(QStringLiteral("options"));
    if (!userOptions.isEmpty())
        o.insert(QStringLiteral("options"), userOptions);
    return o;
}

Result<void> ConnectionSettings::configure(QSqlDatabase &db, const SessionOptions &session) const
{
    if (auto ok = validate(); !ok)
        return ok;
    if (auto ok = checkHostsAndPorts(); !ok)
        return ok;
    db.setHostName(m_params.value(QStringLiteral("host")));
    db.setDatabaseName(m_params.value(QStringLiteral("dbname")));
    db.setUserName(m_params.value(QStringLiteral("user")));
    db.setPassword(m_params.value(QStringLiteral("password")));
    db.setPort(-1);

    QStringList parts;
    const auto options = connectOptions(session);
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        if (it.value().contains(u';'))
            return fail(Error::config(
                QCoreApplication::translate("teller::ConnectionSettings", "The connection setting %1 may not contain \";\".")
                    .arg(it.key())));
        parts << it.key() + u'=' + quoteConninfoValue(it.value());
    }
    db.setConnectOptions(parts.join(u' '));
    return {};
}

QString ConnectionSettings::toConninfo(const SessionOptions *session) const
{
    QMap<QString, QString> all = session ? connectOptions(*session) : QMap<QString, QString>();
    for (auto it = m_params.cbegin(); it != m_params.cend(); ++it) {
        if (!session || it.key() != QLatin1String("options"))
            all.insert(it.key(), it.value());
    }
    QStringList parts;
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        parts << it.key() + u'=' + quoteConninfoValue(it.value());
    return parts.join(u' ');
}

} // namespace teller
