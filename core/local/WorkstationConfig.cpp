#include "WorkstationConfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

namespace teller {

namespace {
class Reader
{
public:
    Reader(QSettings &s, QString path) : m_s(s), m_path(std::move(path)) {}

    std::optional<QString> text(const char *key, const QRegularExpression *pattern = nullptr, const char *expected = nullptr)
    {
        const QString k = QString::fromLatin1(key);
        if (!m_s.contains(k))
            return std::nullopt;
        const QString v = raw(k).trimmed();
        if (v.isEmpty() || v.contains(u';') || (pattern && !pattern->match(v).hasMatch())) {
            problem(key, v,
                    expected ? QCoreApplication::translate("teller::WorkstationConfig", expected)
                             : QCoreApplication::translate("teller::WorkstationConfig", "a value without \";\""));
            return std::nullopt;
        }
        return v;
    }

    // A comma-separated list of whole numbers from min to max ("5432,5433"), each written
    // back without spaces or leading zeros.
    std::optional<QString> numbers(const char *key, qint64 min, qint64 max, const char *expected)
    {
        const QString k = QString::fromLatin1(key);
        if (!m_s.contains(k))
            return std::nullopt;
        const QString v = raw(k).trimmed();
        static const QRegularExpression digits(QStringLiteral("^\\d{1,10}$"));
        QStringList out;
        for (const QString &part : v.split(u',')) {
            const QString p = part.trimmed();
            const qint64 n = p.toLongLong();
            if (!digits.match(p).hasMatch() || n < min || n > max) {
                problem(key, v, QCoreApplication::translate("teller::WorkstationConfig", expected).arg(min).arg(max));
                return std::nullopt;
            }
            out << QString::number(n);
        }
        return out.join(u',');
    }

    // A problem found by looking at two keys together.
    void problemWith(const char *key, const QString &value, const QString &expected) { problem(key, value, expected); }

    std::optional<qint64> number(const char *key, qint64 min, qint64 max)
    {
        const QString k = QString::fromLatin1(key);
        if (!m_s.contains(k))
            return std::nullopt;
        const QString v = raw(k).trimmed();
        static const QRegularExpression digits(QStringLiteral("^\\d{1,10}$"));
        const qint64 n = v.toLongLong();
        if (!digits.match(v).hasMatch() || n < min || n > max) {
            problem(key, v, QCoreApplication::translate("teller::WorkstationConfig", "a whole number from %1 to %2").arg(min).arg(max));
            return std::nullopt;
        }
        return n;
    }

    std::optional<Error> error;

private:
    // QSettings reads an unquoted value with commas as a list (host = db1,db2 as "db1", "db2",
    // whose toString() is empty): join it again, so that it is checked as it was written.
    QString raw(const QString &k) const
    {
        const QVariant v = m_s.value(k);
        return v.typeId() == QMetaType::QStringList ? v.toStringList().join(u',') : v.toString();
    }

    void problem(const char *key, const QString &value, const QString &expected)
    {
        if (error)
            return;
        error = Error::config(
            QCoreApplication::translate("teller::WorkstationConfig", "The configuration %1 is not valid: [%2] %3 = \"%4\"; expected %5.")
                .arg(m_path, QString::fromLatin1(key).section(u'/', 0, 0), QString::fromLatin1(key).section(u'/', 1), value.left(80),
                     expected));
    }
    QSettings &m_s;
    QString m_path;
};
} // namespace

QString WorkstationConfig::defaultPath()
{
    const QString fromEnv = qEnvironmentVariable("TELLER_CONFIG");
    if (!fromEnv.isEmpty())
        return fromEnv;
#if defined(Q_OS_WIN)
    return qEnvironmentVariable("PROGRAMDATA", QStringLiteral("C:/ProgramData")) + QStringLiteral("/Teller/teller.conf");
#elif defined(Q_OS_MACOS)
    return QStringLiteral("/Library/Application Support/Teller/teller.conf");
#else
    return QStringLiteral("/etc/teller/teller.conf");
#endif
}

Result<WorkstationConfig> WorkstationConfig::load(const QString &requested)
{
    WorkstationConfig c;
    const QString path = requested.isEmpty() ? defaultPath() : requested;
    const QFileInfo info(path);
    if (!info.exists()) {
        if (!requested.isEmpty())
            return fail(Error::config(
                QCoreApplication::translate("teller::WorkstationConfig", "The configuration file %1 does not exist.").arg(path)));
        return c;
    }
    if (!info.isReadable())
        return fail(Error::config(
            QCoreApplication::translate("teller::WorkstationConfig", "The configuration file %1 cannot be read.").arg(path)));
    // Every line must be a [section], a key = value, a comment or empty. QSettings skips a line
    // it cannot read (a key without "=") and tells only once asked for every key, and a line
    // lost unnoticed can weaken the connection (a dropped sslmode). A UTF-8 byte order mark,
    // # comments and a value continued with "\" are fine.
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::config(
                QCoreApplication::translate("teller::WorkstationConfig", "The configuration file %1 cannot be read.").arg(path)));
        const QByteArray content = file.readAll();
        int number = 0;
        bool continued = false;
        for (QByteArray line : content.split('\n')) {
            ++number;
            if (number == 1 && line.startsWith("\xEF\xBB\xBF"))
                line.remove(0, 3);
            line = line.trimmed();
            const bool ok = continued || line.isEmpty() || line.startsWith(';') || line.startsWith('#') || line.contains('=')
                            || (line.startsWith('[') && line.endsWith(']'));
            if (!ok)
                return fail(Error::config(QCoreApplication::translate("teller::WorkstationConfig",
                                                                      "The configuration file %1 is not a valid INI file: line %2 is "
                                                                      "neither a [section], a key = value nor a ; comment.")
                                              .arg(path)
                                              .arg(number)));
            continued = line.endsWith('\\');
        }
    }
    QSettings s(path, QSettings::IniFormat);
    if (s.status() != QSettings::NoError)
        return fail(Error::config(
            QCoreApplication::translate("teller::WorkstationConfig", "The configuration file %1 is not a valid INI file.").arg(path)));
    c.path = path;

    static const QRegularExpression dbPattern(QStringLiteral("^[^\\s'\"\\\\]{1,63}$"));
    static const QRegularExpression sslPattern(QStringLiteral("^(disable|allow|prefer|require|verify-ca|verify-full)$"));
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9._-]{1,63}$"));
    static const QRegularExpression pathPattern(QStringLiteral("^[^;]{1,1024}$"));

    // Every host of a list is named: "db1,,db2" or "db1," is a typo, not libpq's default host.
    static const QRegularExpression hostPattern(QStringLiteral("^(?=.{1,255}$)[A-Za-z0-9._:/\\-\\[\\]]+(,[A-Za-z0-9._:/\\-\\[\\]]+)*$"));
    // The sessions a workstation can work with: it writes. read-only, standby and
    // prefer-standby would send every money action to a server that must refuse it.
    static const QRegularExpression targetPattern(QStringLiteral("^(any|read-write|primary)$"));

    Reader r(s, path);
    c.host = r.text("server/host", &hostPattern,
                    QT_TRANSLATE_NOOP("teller::WorkstationConfig", "a host name, address or socket directory, or a list of them "
                                                                   "separated by \",\""));
    c.port = r.numbers("server/port", 1, 65535,
                       QT_TRANSLATE_NOOP("teller::WorkstationConfig",
                                         "a whole number from %1 to %2, or a list of them separated by \",\", one for each host"));
    c.database = r.text("server/database", &dbPattern, QT_TRANSLATE_NOOP("teller::WorkstationConfig", "a database name"));
    c.sslmode = r.text("server/sslmode", &sslPattern,
                       QT_TRANSLATE_NOOP("teller::WorkstationConfig", "disable, allow, prefer, require, verify-ca or verify-full"));
    c.sslrootcert = r.text("server/sslrootcert", &pathPattern, QT_TRANSLATE_NOOP("teller::WorkstationConfig", "a file name"));
    c.service = r.text("server/service", &idPattern, QT_TRANSLATE_NOOP("teller::WorkstationConfig", "a pg_service.conf service name"));
    c.targetSessionAttrs = r.text("server/target_session_attrs", &targetPattern,
                                  QT_TRANSLATE_NOOP("teller::WorkstationConfig", "any, read-write or primary"));
    // Named together, the lists must match (otherwise the hosts come from elsewhere, and the
    // connection checks them when it is made).
    if (c.port && c.host && c.port->contains(u',')) {
        const qsizetype ports = c.port->count(u',') + 1;
        const qsizetype hosts = c.host->count(u',') + 1;
        if (ports != hosts)
            r.problemWith("server/port", *c.port,
                          QCoreApplication::translate("teller::WorkstationConfig", "one port, or one for each of the %n host(s)",
                                                      nullptr, int(hosts)));
    }
    c.listenHost = r.text("server/listen_host", &hostPattern,
                          QT_TRANSLATE_NOOP("teller::WorkstationConfig", "a host name, address or socket directory, or a list of "
                                                                         "them separated by \",\""));
    c.listenPort = r.numbers("server/listen_port", 1, 65535,
                             QT_TRANSLATE_NOOP("teller::WorkstationConfig",
                                               "a whole number from %1 to %2, or a list of them separated by \",\", one for each host"));
    if (auto v = r.number("workstation/connections", 1, 3))
        c.connections = int(*v);
    c.workstation = r.text("workstation/id", &idPattern,
                           QT_TRANSLATE_NOOP("teller::WorkstationConfig", "letters, digits, '.', '_' and '-', at most 63"));
    if (auto v = r.number("timeouts/lock_ms", 1, 600000))
        c.lockTimeout = std::chrono::milliseconds(*v);
    if (auto v = r.number("timeouts/statement_ms", 1, 3600000))
        c.statementTimeout = std::chrono::milliseconds(*v);
    if (auto v = r.number("timeouts/idle_in_transaction_ms", 1000, 3600000))
        c.idleInTransactionTimeout = std::chrono::milliseconds(*v);
    if (auto v = r.number("timeouts/connect_s", 2, 600))
        c.connectTimeout = std::chrono::seconds(*v);
    if (auto v = r.number("retry/max_retries", 0, 1000))
        c.maxRetries = int(*v);
    if (auto v = r.number("retry/budget_s", 1, 3600))
        c.retryBudget = std::chrono::seconds(*v);
    if (auto v = r.number("desk/review_from", 0, 1'000'000'000))
        c.reviewFrom = *v;
    if (r.error)
        return fail(*r.error);
    if (c.sslrootcert && !QFileInfo::exists(*c.sslrootcert))
        return fail(
            Error::config(QCoreApplication::translate("teller::WorkstationConfig",
                                                      "The configuration %1 names the root certificate %2, which does not exist.")
                              .arg(path, *c.sslrootcert)));
    return c;
}

void WorkstationConfig::applyTo(ConnectionSettings &settings) const
{
    const auto fill = [&](const char *keyword, const std::optional<QString> &value) {
        const QString k = QString::fromLatin1(keyword);
        if (value && !settings.contains(k))
            settings.set(k, *value);
    };
    fill("host", host);
    fill("port", port);
    fill("dbname", database);
    fill("sslmode", sslmode);
    fill("sslrootcert", sslrootcert);
    fill("service", service);
    fill("target_session_attrs", targetSessionAttrs);
}

void WorkstationConfig::applyTo(SessionOptions &options) const
{
    if (workstation)
        options.workstation = *workstation;
    if (lockTimeout)
        options.lockTimeout = *lockTimeout;
    if (statementTimeout)
        options.statementTimeout = *statementTimeout;
    if (idleInTransactionTimeout)
        options.idleInTransactionTimeout = *idleInTransactionTimeout;
    if (connectTimeout)
        options.connectTimeout = *connectTimeout;
}

void WorkstationConfig::applyTo(RetryPolicy &policy) const
{
    if (maxRetries)
        policy.maxRetries = *maxRetries;
    if (retryBudget)
        policy.totalBudget = *retryBudget;
}

void WorkstationConfig::applyTo(ConnectionPlan &plan) const
{
    if (connections)
        plan.connections = *connections;
    if (listenHost)
        plan.listenHost = *listenHost;
    if (listenPort)
        plan.listenPort = *listenPort;
}

QJsonObject WorkstationConfig::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("file"), path.isEmpty() ? QJsonValue() : QJsonValue(path));
    const auto put = [&](const char *k, const auto &v) {
        if (v)
            o.insert(QString::fromLatin1(k), *v);
    };
    put("host", host);
    put("database", database);
    put("sslmode", sslmode);
    put("sslrootcert", sslrootcert);
    put("service", service);
    put("target_session_attrs", targetSessionAttrs);
    put("workstation", workstation);
    put("listen_host", listenHost);
    put("listen_port", listenPort);
    put("connections", connections);
    if (port) // a number, as before; a list as it was written
        o.insert(QStringLiteral("port"), port->contains(u',') ? QJsonValue(*port) : QJsonValue(port->toInt()));
    if (lockTimeout)
        o.insert(QStringLiteral("lock_ms"), qint64(lockTimeout->count()));
    if (statementTimeout)
        o.insert(QStringLiteral("statement_ms"), qint64(statementTimeout->count()));
    if (maxRetries)
        o.insert(QStringLiteral("max_retries"), *maxRetries);
    if (retryBudget)
        o.insert(QStringLiteral("budget_ms"), qint64(retryBudget->count()));
    if (reviewFrom)
        o.insert(QStringLiteral("review_from"), *reviewFrom);
    return o;
}

} // namespace teller
