#include "SettingsDialog.h"

#include "AppSettings.h"
#include "Ui.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace teller;

namespace {
QSpinBox *spin(QWidget *parent, const char *name, int min, int max, const QString &suffix, const QString &unset)
{
    auto *s = new QSpinBox(parent);
    s->setObjectName(QString::fromLatin1(name));
    s->setRange(min, max);
    s->setSuffix(suffix);
    s->setSpecialValueText(unset); // the minimum means "as configured"
    return s;
}
} // namespace

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Workstation settings"));
    const AppSettings &s = AppSettings::instance();
    const WorkstationConfig &sys = s.system();
    const QString asConfigured = tr("as configured");

    m_host = new QLineEdit(s.value(settingkeys::ServerHost).toString(), this);
    m_host->setObjectName(QStringLiteral("settingsHost"));
    m_host->setPlaceholderText(sys.host.value_or(tr("PGHOST or local socket")));
    m_port = spin(this, "settingsPort", 0, 65535, {}, asConfigured);
    m_port->setGroupSeparatorShown(false);
    m_port->setValue(s.contains(settingkeys::ServerPort) ? s.value(settingkeys::ServerPort).toInt() : 0);
    m_database = new QLineEdit(s.value(settingkeys::ServerDatabase).toString(), this);
    m_database->setObjectName(QStringLiteral("settingsDatabase"));
    m_database->setPlaceholderText(sys.database.value_or(QStringLiteral("teller")));
    m_sslmode = new QComboBox(this);
    m_sslmode->setObjectName(QStringLiteral("settingsSslMode"));
    m_sslmode->addItem(asConfigured, QString());
    for (const auto &[value, label] : ui::sslModes())
        m_sslmode->addItem(label, value);
    m_sslmode->setCurrentIndex(std::max(
        0, m_sslmode->findData(s.contains(settingkeys::ServerSslMode) ? s.value(settingkeys::ServerSslMode).toString() : QString())));
    m_rootCert = new QLineEdit(s.value(settingkeys::ServerSslRootCert).toString(), this);
    m_rootCert->setObjectName(QStringLiteral("settingsRootCert"));
    m_rootCert->setPlaceholderText(sys.sslrootcert.value_or(tr("the bank's root certificate (PEM)")));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("settingsBrowse"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Root certificate"), {},
                                                       tr("Certificates (*.crt *.pem);;All files (*)"));
        if (!f.isEmpty())
            m_rootCert->setText(f);
    });
    auto *certRow = new QHBoxLayout;
    certRow->addWidget(m_rootCert, 1);
    certRow->addWidget(browse);
    m_workstation = new QLineEdit(s.value(settingkeys::Workstation).toString(), this);
    m_workstation->setObjectName(QStringLiteral("settingsWorkstation"));
    m_workstation->setPlaceholderText(sys.workstation.value_or(SessionOptions::defaultWorkstation()));
    m_lockTimeout = spin(this, "settingsLockTimeout", 0, 600000, tr(" ms"), asConfigured);
    m_lockTimeout->setValue(s.value(settingkeys::LockTimeoutMs).toInt());
    m_statementTimeout = spin(this, "settingsStatementTimeout", 0, 3600000, tr(" ms"), asConfigured);
    m_statementTimeout->setValue(s.value(settingkeys::StatementTimeoutMs).toInt());
    m_retries = spin(this, "settingsRetries", -1, 1000, {}, asConfigured);
    m_retries->setValue(s.value(settingkeys::MaxRetries).toInt());
    m_budget = spin(this, "settingsBudget", 0, 3600, tr(" s"), asConfigured);
    m_budget->setValue(s.value(settingkeys::RetryBudgetS).toInt());

    auto *form = new QFormLayout;
    const auto add = [&](const QString &label, QWidget *field, QLayout *row = nullptr) {
        auto *l = new QLabel(label, this);
        l->setBuddy(field);
        if (row)
            form->addRow(l, row);
        else
            form->addRow(l, field);
    };
    add(tr("&Server:"), m_host);
    add(tr("P&ort:"), m_port);
    add(tr("&Database:"), m_database);
    add(tr("&Encryption:"), m_sslmode);
    add(tr("Root &certificate:"), m_rootCert, certRow);
    add(tr("&Workstation id:"), m_workstation);
    add(tr("&Lock timeout:"), m_lockTimeout);
    add(tr("S&tatement timeout:"), m_statementTimeout);
    add(tr("&Retries:"), m_retries);
    add(tr("Retry b&udget:"), m_budget);

    auto *system = new QLabel(sys.path.isEmpty() ? tr("No system configuration (%1).").arg(WorkstationConfig::defaultPath())
                                                 : tr("System configuration: %1").arg(sys.path),
                              this);
    system->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(ui::Bad.name()));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_error->setAccessibleName(tr("Settings problem"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(system);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    ui::nameForAccessibility(this);
}

void SettingsDialog::accept()
{
    // The same rules as teller.conf: refuse what would not work, say which field.
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9._-]{0,63}$"));
    const auto refuse = [this](QWidget *field, const QString &message) {
        m_error->setText(message);
        m_error->setVisible(true);
        field->setFocus();
    };
    const QString id = m_workstation->text().trimmed();
    if (!idPattern.match(id).hasMatch())
        return refuse(m_workstation, tr("The workstation id may only have letters, digits, '.', '_' and '-' (at most 63)."));
    const QString cert = m_rootCert->text().trimmed();
    if (!cert.isEmpty() && !QFileInfo(cert).isReadable())
        return refuse(m_rootCert, tr("The root certificate %1 cannot be read.").arg(cert));
    for (QLineEdit *e : {m_host, m_database})
        if (e->text().contains(u';') || e->text().contains(u'\''))
            return refuse(e, tr("This field may not contain ';' or quotes."));

    auto &s = AppSettings::instance();
    const auto store = [&](const SettingKey &key, const QVariant &value, bool set) {
        if (set)
            s.setValue(key, value);
        else
            s.remove(key);
    };
    store(settingkeys::ServerHost, m_host->text().trimmed(), !m_host->text().trimmed().isEmpty());
    // A list of ports (several servers, remembered from the sign-in) is not a number this
    // field can show: left alone unless a port is chosen here.
    const bool portList = s.value(settingkeys::ServerPort).toString().contains(u',');
    if (!portList || m_port->value() > 0)
        store(settingkeys::ServerPort, m_port->value(), m_port->value() > 0);
    store(settingkeys::ServerDatabase, m_database->text().trimmed(), !m_database->text().trimmed().isEmpty());
    store(settingkeys::ServerSslMode, m_sslmode->currentData(), !m_sslmode->currentData().toString().isEmpty());
    store(settingkeys::ServerSslRootCert, cert, !cert.isEmpty());
    store(settingkeys::Workstation, id, !id.isEmpty());
    store(settingkeys::LockTimeoutMs, m_lockTimeout->value(), m_lockTimeout->value() > 0);
    store(settingkeys::StatementTimeoutMs, m_statementTimeout->value(), m_statementTimeout->value() > 0);
    store(settingkeys::MaxRetries, m_retries->value(), m_retries->value() >= 0);
    store(settingkeys::RetryBudgetS, m_budget->value(), m_budget->value() > 0);
    QDialog::accept();
}
