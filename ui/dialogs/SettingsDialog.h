#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// This user's workstation settings, over the system-wide teller.conf that IT installed: the
// server and how to reach it securely, the workstation id, timeouts and the retry budget.
// An empty field means "as the system configuration says".
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void accept() override;

private:
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QComboBox *m_sslmode;
    QLineEdit *m_rootCert;
    QLineEdit *m_workstation;
    QSpinBox *m_lockTimeout;
    QSpinBox *m_statementTimeout;
    QSpinBox *m_retries;
    QSpinBox *m_budget;
    QLabel *m_error;
};
