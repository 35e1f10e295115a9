#include "Ui.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <QAbstractButton>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QWidget>

namespace ui {

namespace {
class HeldEnterFilter : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const auto *key = static_cast<QKeyEvent *>(event);
            if (key->isAutoRepeat() && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter))
                return true;
        }
        return QObject::eventFilter(watched, event);
    }
};
} // namespace

QString staffRoleText(teller::StaffRole role)
{
    switch (role) {
    case teller::StaffRole::Teller: return QCoreApplication::translate("ui", "teller");
    case teller::StaffRole::Supervisor: return QCoreApplication::translate("ui", "supervisor");
    case teller::StaffRole::Admin: return QCoreApplication::translate("ui", "administrator");
    }
    return {};
}

QStringList installTranslations(QObject *owner, const QLocale &locale)
{
    QStringList loaded;
    auto *qt = new QTranslator(owner);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))
        && QCoreApplication::installTranslator(qt))
        loaded << QStringLiteral("qtbase");
    else
        delete qt;
    auto *own = new QTranslator(owner);
    if (own->load(locale, QStringLiteral("teller"), QStringLiteral("_"), QStringLiteral(":/teller/i18n"))
        && QCoreApplication::installTranslator(own))
        loaded << QStringLiteral("teller");
    else
        delete own;
    return loaded;
}

QString accountStatusText(teller::AccountStatus status)
{
    switch (status) {
    case teller::AccountStatus::Active: return QCoreApplication::translate("ui", "Active");
    case teller::AccountStatus::Frozen: return QCoreApplication::translate("ui", "Frozen");
    case teller::AccountStatus::Closed: return QCoreApplication::translate("ui", "Closed");
    }
    return {};
}

QString operationKindText(teller::ActionKind kind)
{
    switch (kind) {
    case teller::ActionKind::Withdrawal: return QCoreApplication::translate("ui", "Withdrawal");
    case teller::ActionKind::Deposit: return QCoreApplication::translate("ui", "Deposit");
    case teller::ActionKind::Transfer: return QCoreApplication::translate("ui", "Transfer");
    case teller::ActionKind::TillOpen: return QCoreApplication::translate("ui", "Till opened");
    case teller::ActionKind::TillClose: return QCoreApplication::translate("ui", "Till closed");
    case teller::ActionKind::VaultReceive: return QCoreApplication::translate("ui", "Cash into the vault");
    case teller::ActionKind::VaultShip: return QCoreApplication::translate("ui", "Cash out of the vault");
    case teller::ActionKind::VaultToTill: return QCoreApplication::translate("ui", "Cash from the vault");
    case teller::ActionKind::TillToVault: return QCoreApplication::translate("ui", "Cash to the vault");
    case teller::ActionKind::Reversal: return QCoreApplication::translate("ui", "Reversal");
    }
    return {};
}

QString idDocumentText(teller::IdDocument type)
{
    switch (type) {
    case teller::IdDocument::IdCard: return QCoreApplication::translate("ui", "Identity card");
    case teller::IdDocument::Passport: return QCoreApplication::translate("ui", "Passport");
    case teller::IdDocument::DrivingLicence: return QCoreApplication::translate("ui", "Driving licence");
    case teller::IdDocument::ResidencePermit: return QCoreApplication::translate("ui", "Residence permit");
    case teller::IdDocument::Other: return QCoreApplication::translate("ui", "Other document");
    }
    return {};
}

QString operationStatusText(teller::OutcomeStatus status)
{
    switch (status) {
    case teller::OutcomeStatus::Completed: return QCoreApplication::translate("ui", "Completed");
    case teller::OutcomeStatus::PendingApproval: return QCoreApplication::translate("ui", "Awaiting approval");
    case teller::OutcomeStatus::Rejected: return QCoreApplication::translate("ui", "Rejected");
    case teller::OutcomeStatus::Expired: return QCoreApplication::translate("ui", "Expired");
    case teller::OutcomeStatus::Abandoned: return QCoreApplication::translate("ui", "Abandoned");
    default: break;
    }
    return teller::outcomeStatusName(status);
}

QList<std::pair<QString, QString>> sslModes()
{
    // Translated in the sign-in dialog's context, where these words were first.
    static const std::pair<const char *, const char *> modes[] = {
        {"verify-full", QT_TRANSLATE_NOOP("LoginDialog", "Encrypted, server verified (verify-full)")},
        {"verify-ca", QT_TRANSLATE_NOOP("LoginDialog", "Encrypted, certificate checked (verify-ca)")},
        {"require", QT_TRANSLATE_NOOP("LoginDialog", "Encrypted, not verified (require)")},
        {"prefer", QT_TRANSLATE_NOOP("LoginDialog", "Encrypted if possible (prefer)")},
        {"disable", QT_TRANSLATE_NOOP("LoginDialog", "Not encrypted (disable)")},
    };
    QList<std::pair<QString, QString>> list;
    for (const auto &[value, label] : modes)
        list.append({QString::fromLatin1(value), QCoreApplication::translate("LoginDialog", label)});
    return list;
}

void ignoreHeldEnter(QWidget *w)
{
    w->installEventFilter(new HeldEnterFilter(w));
}

void nameForAccessibility(QWidget *root)
{
    const auto labels = root->findChildren<QLabel *>();
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (w->focusPolicy() == Qt::NoFocus || !w->accessibleName().isEmpty())
            continue;
        QString name;
        for (QLabel *l : labels) {
            if (l->buddy() == w) {
                name = l->text();
                break;
            }
        }
        if (name.isEmpty())
            name = w->toolTip();
        if (name.isEmpty())
            if (auto *b = qobject_cast<QAbstractButton *>(w))
                name = b->text();
        name.remove(u'&');
        if (!name.isEmpty())
            w->setAccessibleName(name.trimmed());
    }
}

} // namespace ui
