#pragma once

#include "ConnectionSettings.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

// Sign-in: the staff member's own PostgreSQL login and password, and where the server is.
// Server, port, database and TLS mode come from the settings (or the PG* variables) and are
// remembered; the password never is. Server and port may be lists ("db1,db2", "5432,5433"): a
// primary and its standbys, tried in turn; the workstation configuration's
// target_session_attrs (read-write for a failover formation) picks the one that takes writes.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(QWidget *parent = nullptr);

    // Prefills every field (the demo does this); an empty value leaves the field as it is.
    void prefill(const QString &host, int port, const QString &database, const QString &sslmode, const QString &login,
                 const QString &password);
    void setHint(const QString &html);

    // The settings for libpq, or an error naming the bad field.
    teller::Result<teller::ConnectionSettings> connectionSettings() const;
    void remember() const;

    // While signing in the fields are locked; on failure the reason is shown in words.
    void setBusy(bool busy);
    void showError(const QString &message);

Q_SIGNALS:
    void signInRequested();

private:
    QLineEdit *m_host;
    QLineEdit *m_port; // one port, or one per server: digits and commas
    QLineEdit *m_database;
    QComboBox *m_sslmode;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QLabel *m_hint;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};
