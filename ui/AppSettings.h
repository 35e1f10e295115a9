#pragma once

#include <QObject>
#include <QSettings>
#include <QVariant>

// One typed table of the window's settings and their defaults. Passwords are never stored.
struct SettingKey
{
    const char *key;
    QVariant defaultValue;
};

namespace settingkeys {
inline const SettingKey ServerHost{"server/host", QString()};
inline const SettingKey ServerPort{"server/port", 5432};
inline const SettingKey ServerDatabase{"server/database", QStringLiteral("teller")};
inline const SettingKey ServerSslMode{"server/sslmode", QStringLiteral("prefer")};
inline const SettingKey LastLogin{"server/login", QString()};
inline const SettingKey Workstation{"workstation/id", QString()};
inline const SettingKey WindowGeometry{"window/geometry", QByteArray()};
inline const SettingKey WindowState{"window/state", QByteArray()};
} // namespace settingkeys

class AppSettings : public QObject
{
    Q_OBJECT

public:
    static AppSettings &instance();

    QVariant value(const SettingKey &key) const;
    void setValue(const SettingKey &key, const QVariant &value);

Q_SIGNALS:
    void changed(const QString &key);

private:
    AppSettings() = default;
    QSettings m_settings;
};
