#include "AppSettings.h"

AppSettings &AppSettings::instance()
{
    static AppSettings settings;
    return settings;
}

QVariant AppSettings::value(const SettingKey &key) const
{
    return m_settings.value(QString::fromLatin1(key.key), key.defaultValue);
}

void AppSettings::setValue(const SettingKey &key, const QVariant &value)
{
    const QString name = QString::fromLatin1(key.key);
    if (m_settings.value(name) == value)
        return;
    m_settings.setValue(name, value);
    Q_EMIT changed(name);
}

bool AppSettings::contains(const SettingKey &key) const
{
    return m_settings.contains(QString::fromLatin1(key.key));
}

teller::SessionOptions AppSettings::sessionOptions() const
{
    teller::SessionOptions options;
    options.applicationName = QStringLiteral("teller " TELLER_VERSION);
    m_system.applyTo(options);
    if (const QString id = value(settingkeys::Workstation).toString(); !id.isEmpty())
        options.workstation = id;
    if (const int ms = value(settingkeys::LockTimeoutMs).toInt(); ms > 0)
        options.lockTimeout = std::chrono::milliseconds(ms);
    if (const int ms = value(settingkeys::StatementTimeoutMs).toInt(); ms > 0)
        options.statementTimeout = std::chrono::milliseconds(ms);
    return options;
}

teller::RetryPolicy AppSettings::retryPolicy() const
{
    teller::RetryPolicy policy;
    m_system.applyTo(policy);
    if (const int n = value(settingkeys::MaxRetries).toInt(); n >= 0)
        policy.maxRetries = n;
    if (const int s = value(settingkeys::RetryBudgetS).toInt(); s > 0)
        policy.totalBudget = std::chrono::seconds(s);
    return policy;
}

QString AppSettings::serverValue(const SettingKey &key, const char *environmentVariable) const
{
    if (contains(key))
        return value(key).toString();
    const teller::WorkstationConfig &c = m_system;
    const QString name = QString::fromLatin1(key.key);
    std::optional<QString> fromSystem;
    if (name == u"server/host")
        fromSystem = c.host;
    else if (name == u"server/port")
        fromSystem = c.port;
    else if (name == u"server/database")
        fromSystem = c.database;
    else if (name == u"server/sslmode")
        fromSystem = c.sslmode;
    else if (name == u"server/sslrootcert")
        fromSystem = c.sslrootcert;
    if (fromSystem)
        return *fromSystem;
    const QString env = environmentVariable ? qEnvironmentVariable(environmentVariable) : QString();
    return env.isEmpty() ? key.defaultValue.toString() : env;
}

void AppSettings::remove(const SettingKey &key)
{
    const QString name = QString::fromLatin1(key.key);
    if (!m_settings.contains(name))
        return;
    m_settings.remove(name);
    Q_EMIT changed(name);
}
