#include "LoginDialog.h"

#include "AppSettings.h"
#include "Ui.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace teller;

LoginDialog::LoginDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Sign in to Teller"));
    setObjectName(QStringLiteral("loginDialog"));

    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_host->setPlaceholderText(tr("db.branch.example or /run/postgresql"));
    m_port = new QLineEdit(this);
    m_port->setObjectName(QStringLiteral("portEdit"));
    m_port->setPlaceholderText(tr("5432, or 5432,5433 for two servers"));
    // Digits and commas only; each number's range and the count are checked on sign-in.
    m_port->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("^[0-9]{1,5}(,[0-9]{0,5})*$")), m_port));
    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("databaseEdit"));
    m_sslmode = new QComboBox(this);
    m_sslmode->setObjectName(QStringLiteral("sslModeCombo"));
    for (const auto &[value, label] : ui::sslModes())
        m_sslmode->addItem(label, value);
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("loginEdit"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    const auto addRow = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(tr("&Login:"), m_login);
    addRow(tr("&Password:"), m_password);
    addRow(tr("&Server:"), m_host);
    addRow(tr("P&ort:"), m_port);
    addRow(tr("&Database:"), m_database);
    addRow(tr("&Encryption:"), m_sslmode);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_hint->setWordWrap(true);
    m_hint->setVisible(false);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(ui::Bad.name()));
    m_error->setVisible(false);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setAccessibleName(tr("Sign-in problem"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("S&ign in"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("signInButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Quit"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        m_error->setVisible(false);
        if (auto settings = connectionSettings(); !settings) {
            showError(settings.error().message);
            return;
        }
        Q_EMIT signInRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    // This user's last values, else the workstation's configuration, else the PG* variables.
    auto &s = AppSettings::instance();
    m_host->setText(s.serverValue(settingkeys::ServerHost, "PGHOST"));
    m_port->setText(s.serverValue(settingkeys::ServerPort, "PGPORT").remove(u' '));
    m_database->setText(s.serverValue(settingkeys::ServerDatabase, "PGDATABASE"));
    const int mode = m_sslmode->findData(s.serverValue(settingkeys::ServerSslMode, "PGSSLMODE"));
    m_sslmode->setCurrentIndex(mode >= 0 ? mode : m_sslmode->findData(QStringLiteral("prefer")));
    m_login->setText(s.serverValue(settingkeys::LastLogin, "PGUSER"));

    setTabOrder(m_login, m_password);
    setTabOrder(m_password, m_host);
    setTabOrder(m_host, m_port);
    setTabOrder(m_port, m_database);
    setTabOrder(m_database, m_sslmode);
    ui::nameForAccessibility(this);
    (m_login->text().isEmpty() ? m_login : m_password)->setFocus();
}

void LoginDialog::prefill(const QString &host, int port, const QString &database, const QString &sslmode, const QString &login,
                          const QString &password)
{
    if (!host.isEmpty())
        m_host->setText(host);
    if (port > 0)
        m_port->setText(QString::number(port));
    if (!database.isEmpty())
        m_database->setText(database);
    if (const int i = m_sslmode->findData(sslmode); i >= 0)
        m_sslmode->setCurrentIndex(i);
    if (!login.isEmpty())
        m_login->setText(login);
    if (!password.isEmpty())
        m_password->setText(password);
    m_buttons->button(QDialogButtonBox::Ok)->setFocus();
}

void LoginDialog::setHint(const QString &html)
{
    m_hint->setText(html);
    m_hint->setVisible(!html.isEmpty());
}

Result<ConnectionSettings> LoginDialog::connectionSettings() const
{
    if (m_login->text().trimmed().isEmpty())
        return fail(Error::badInput(tr("Enter your login.")));
    ConnectionSettings s;
    if (!m_host->text().trimmed().isEmpty())
        s.set(QStringLiteral("host"), m_host->text().trimmed());
    if (!m_port->text().trimmed().isEmpty())
        s.set(QStringLiteral("port"), m_port->text().trimmed());
    if (!m_database->text().trimmed().isEmpty())
        s.set(QStringLiteral("dbname"), m_database->text().trimmed());
    s.set(QStringLiteral("user"), m_login->text().trimmed());
    if (!m_password->text().isEmpty())
        s.set(QStringLiteral("password"), m_password->text());
    s.set(QStringLiteral("sslmode"), m_sslmode->currentData().toString());
    const QString rootCert = AppSettings::instance().serverValue(settingkeys::ServerSslRootCert, "PGSSLROOTCERT");
    if (!rootCert.isEmpty())
        s.set(QStringLiteral("sslrootcert"), rootCert);
    if (const auto &service = AppSettings::instance().system().service)
        s.set(QStringLiteral("service"), *service);
    // Several servers: the configuration says which of them to use (read-write: the primary,
    // wherever a failover has put it).
    if (const auto &target = AppSettings::instance().system().targetSessionAttrs)
        s.set(QStringLiteral("target_session_attrs"), *target);
    // The same checks as a connection string typed by hand.
    auto checked = ConnectionSettings::fromConninfo(s.toConninfo());
    if (!checked)
        return fail(checked.error());
    if (auto counted = s.checkHostsAndPorts(); !counted)
        return fail(counted.error());
    return s;
}

void LoginDialog::remember() const
{
    auto &s = AppSettings::instance();
    s.setValue(settingkeys::ServerHost, m_host->text().trimmed());
    s.setValue(settingkeys::ServerPort, m_port->text().trimmed());
    s.setValue(settingkeys::ServerDatabase, m_database->text().trimmed());
    s.setValue(settingkeys::ServerSslMode, m_sslmode->currentData().toString());
    s.setValue(settingkeys::LastLogin, m_login->text().trimmed());
}

void LoginDialog::setBusy(bool busy)
{
    for (QWidget *w : {static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port), static_cast<QWidget *>(m_database),
                       static_cast<QWidget *>(m_sslmode), static_cast<QWidget *>(m_login), static_cast<QWidget *>(m_password)})
        w->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setText(busy ? tr("Signing in…") : tr("S&ign in"));
    if (busy)
        m_error->setVisible(false);
}

void LoginDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(true);
    m_password->selectAll();
    m_password->setFocus();
}
