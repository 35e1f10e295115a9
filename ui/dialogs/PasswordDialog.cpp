#include "PasswordDialog.h"

#include "TellerClient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace teller;

PasswordDialog::PasswordDialog(TellerClient *client, bool forced, QWidget *parent) : QDialog(parent), m_client(client)
{
    setWindowTitle(tr("Change password"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(forced ? tr("An administrator set your password. Choose your own now: until you do, "
                                         "you cannot pay out or take in money.")
                                    : tr("Choose a new password: at least 8 characters, with letters and at least one "
                                         "digit or sign, not containing your login."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setObjectName(QStringLiteral("newPassword"));
    m_repeat = new QLineEdit(this);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_repeat->setObjectName(QStringLiteral("repeatPassword"));
    form->addRow(tr("&New password:"), m_password);
    form->addRow(tr("&Repeat:"), m_repeat);
    layout->addLayout(form);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("passwordProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Change"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(forced ? tr("&Later") : tr("Cancel"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PasswordDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_password, &QLineEdit::textChanged, this, &PasswordDialog::updateState);
    connect(m_repeat, &QLineEdit::textChanged, this, &PasswordDialog::updateState);

    connect(m_client, &TellerClient::passwordChanged, this, [this] {
        m_sending = false;
        QDialog::accept();
    });
    connect(m_client, &TellerClient::passwordChangeFailed, this, &PasswordDialog::onFailed);
    updateState();
    m_password->setFocus();
}

void PasswordDialog::updateState()
{
    const bool typed = !m_password->text().isEmpty();
    const bool same = m_password->text() == m_repeat->text();
    if (typed && m_password->text().size() < 8)
        m_problem->setText(tr("At least 8 characters."));
    else if (typed && !m_repeat->text().isEmpty() && !same)
        m_problem->setText(tr("The two passwords are not the same."));
    else
        m_problem->clear();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_sending && typed && same && m_password->text().size() >= 8);
}

void PasswordDialog::accept()
{
    if (m_sending || m_password->text() != m_repeat->text() || m_password->text().size() < 8)
        return;
    m_sending = true;
    m_problem->setText(tr("Changing the password…"));
    updateState();
    m_problem->setText(tr("Changing the password…"));
    m_client->changePassword(m_password->text());
}

void PasswordDialog::onFailed(const Error &error)
{
    m_sending = false;
    updateState();
    m_problem->setText(error.message);
    m_password->selectAll();
    m_password->setFocus();
}
