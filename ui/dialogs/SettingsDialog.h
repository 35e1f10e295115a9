#pragma once

#include <QDialog>

class QComboBox;

// The teller's own settings: the language of the window. What reaches the server (where it is,
// encryption, the workstation's id, timeouts, retries, from which amount an operation is
// reviewed) is IT's, in the workstation configuration (teller.conf): shown here, not edited.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    // The languages the window speaks: "" (the workstation's), "en", "de".
    static QList<std::pair<QString, QString>> languages();
    void accept() override;

private:
    QComboBox *m_language;
};
