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
