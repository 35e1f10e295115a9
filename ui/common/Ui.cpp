#include "Ui.h"

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

QString accountStatusText(const QString &status)
{
    if (status == u"active")
        return QCoreApplication::translate("ui", "Active");
    if (status == u"frozen")
        return QCoreApplication::translate("ui", "Frozen");
    if (status == u"closed")
        return QCoreApplication::translate("ui", "Closed");
    return status;
}

QString operationKindText(const QString &kind)
{
    if (kind == u"withdrawal")
        return QCoreApplication::translate("ui", "Withdrawal");
    if (kind == u"deposit")
        return QCoreApplication::translate("ui", "Deposit");
    if (kind == u"transfer")
        return QCoreApplication::translate("ui", "Transfer");
    return kind;
}

QString operationStatusText(const QString &status)
{
    if (status == u"completed")
        return QCoreApplication::translate("ui", "Completed");
    if (status == u"pending_approval")
        return QCoreApplication::translate("ui", "Awaiting approval");
    if (status == u"rejected")
        return QCoreApplication::translate("ui", "Rejected");
    if (status == u"expired")
        return QCoreApplication::translate("ui", "Expired");
    if (status == u"abandoned")
        return QCoreApplication::translate("ui", "Abandoned");
    return status;
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
