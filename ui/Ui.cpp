#include "Ui.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QLabel>
#include <QWidget>

namespace ui {

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
