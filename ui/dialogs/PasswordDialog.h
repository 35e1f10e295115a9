#pragma once

#include "Result.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace teller {
class TellerClient;
}

// The signed-in member's own new password, typed twice. When an administrator set the
// password, money waits until the member has chosen their own: the dialog says so (`forced`).
// The change runs on the client's worker; the dialog stays open, and says why, if the server
// refuses it.
class PasswordDialog : public QDialog
{
    Q_OBJECT

public:
    PasswordDialog(teller::TellerClient *client, bool forced, QWidget *parent = nullptr);

    void accept() override;

private:
    void onFailed(const teller::Error &error);
    void updateState();

    teller::TellerClient *m_client;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    bool m_sending = false;
};
