#pragma once

#include "WorkstationConfig.h"

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
inline const SettingKey ServerSslRootCert{"server/sslrootcert", QString()};
inline const SettingKey Workstation{"workstation/id", QString()};
inline const SettingKey LockTimeoutMs{"timeouts/lock_ms", 0}; // 0: not set here
inline const SettingKey StatementTimeoutMs{"timeouts/statement_ms", 0};
inline const SettingKey MaxRetries{"retry/max_retries", -1}; // -1: not set here
inline const SettingKey RetryBudgetS{"retry/budget_s", 0};
inline const SettingKey Language{"desk/language", QString()}; // "": the workstation's; "en", "de"
inline const SettingKey WindowGeometry{"window/geometry", QByteArray()};
inline const SettingKey WindowState{"window/state", QByteArray()};
inline const SettingKey ReceiptPaper{"receipt/paper", QStringLiteral("roll80")}; // roll80, a5 or a4: the last chosen
} // namespace settingkeys

class AppSettings : public QObject
{
    Q_OBJECT

public:
    static AppSettings &instance();

    QVariant value(const SettingKey &key) const;
    void setValue(const SettingKey &key, const QVariant &value);
    bool contains(const SettingKey &key) const;
    void remove(const SettingKey &key);

    // The system-wide configuration IT installed (teller.conf), read once at start-up.
    const teller::WorkstationConfig &system() const { return m_system; }
    void setSystem(const teller::WorkstationConfig &config) { m_system = config; }

    // What a session uses: defaults, then the system configuration, then this user's settings.
    teller::SessionOptions sessionOptions() const;
    teller::RetryPolicy retryPolicy() const;
    // The server fields for the sign-in dialog: this user's last, else the system's, else PG*.
    QString serverValue(const SettingKey &key, const char *environmentVariable) const;

Q_SIGNALS:
    void changed(const QString &key);

private:
    AppSettings() = default;
    QSettings m_settings;
    teller::WorkstationConfig m_system;
};
