#include "SettingsDialog.h"

#include "AppSettings.h"
#include "Ui.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

using namespace teller;

QList<std::pair<QString, QString>> SettingsDialog::languages()
{
    // Each language in its own words: a teller who cannot read the current one finds theirs.
    return {{QString(), tr("As the workstation is set up (%1)").arg(QLocale::system().nativeLanguageName())},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")}};
}

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    const AppSettings &s = AppSettings::instance();
    const WorkstationConfig &sys = s.system();

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    for (const auto &[code, name] : languages())
        m_language->addItem(name, code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(s.value(settingkeys::Language).toString())));
    auto *languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    auto *form = new QFormLayout;
    form->addRow(languageLabel, m_language);
    auto *when = new QLabel(tr("A new language is used from the next start of Teller."), this);
    when->setWordWrap(true);
    when->setStyleSheet(QStringLiteral("color: palette(mid);"));
    form->addRow(QString(), when);

    // IT's part, for the record: what this workstation was set up with.
    const QString unset = tr("not set (default)");
    const auto text = [&](const std::optional<QString> &v) { return v ? *v : unset; };
    const auto number = [&](const auto &v, const QString &unit) { return v ? QString::number(qint64(v->count())) + unit : unset; };
    auto *itBox = new QGroupBox(tr("Set up by your IT staff"), this);
    itBox->setObjectName(QStringLiteral("settingsItBox"));
    auto *it = new QFormLayout(itBox);
    const auto fact = [&](const QString &caption, const QString &value) {
        auto *v = new QLabel(value, itBox);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->setWordWrap(true);
        it->addRow(caption, v);
    };
    fact(tr("Configuration:"), sys.path.isEmpty() ? tr("none (%1 does not exist)").arg(WorkstationConfig::defaultPath()) : sys.path);
    fact(tr("Server:"), text(sys.host) + (sys.port ? QStringLiteral(" : ") + *sys.port : QString()));
    fact(tr("Database:"), text(sys.database));
    fact(tr("Encryption:"), text(sys.sslmode));
    fact(tr("Workstation id:"), sys.workstation.value_or(SessionOptions::defaultWorkstation()));
    fact(tr("Lock timeout:"), number(sys.lockTimeout, tr(" ms")));
    fact(tr("Statement timeout:"), number(sys.statementTimeout, tr(" ms")));
    fact(tr("Retries:"), sys.maxRetries ? QString::number(*sys.maxRetries) : unset);
    fact(tr("Review before sending from:"),
         tr("%1 (in the account's currency)").arg(sys.reviewFrom.value_or(WorkstationConfig::DefaultReviewFrom)));
    auto *who = new QLabel(tr("Changes to these are made by IT in the workstation configuration."), itBox);
    who->setWordWrap(true);
    it->addRow(who);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(itBox);
    layout->addWidget(buttons);
    ui::nameForAccessibility(this);
    m_language->setFocus();
}

void SettingsDialog::accept()
{
    auto &s = AppSettings::instance();
    const QString code = m_language->currentData().toString();
    if (code.isEmpty())
        s.remove(settingkeys::Language);
    else
        s.setValue(settingkeys::Language, code);
    QDialog::accept();
}
