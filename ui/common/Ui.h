#pragma once

#include "Account.h"
#include "Action.h"
#include "Outcome.h"
#include "Staff.h"

#include <QColor>
#include <QList>
#include <QString>

#include <utility>

class QLocale;
class QObject;
class QWidget;

// Words and colours shared by the window's parts.
namespace ui {

QString accountStatusText(teller::AccountStatus status);
QString operationKindText(teller::ActionKind kind);
QString operationStatusText(teller::OutcomeStatus status);
QString staffRoleText(teller::StaffRole role);
QString idDocumentText(teller::IdDocument type);

// Installs, for `locale`, Qt's own translations (qtbase: the standard buttons, the dialogs'
// texts; Debian's qt6-translations-l10n) and Teller's, owned by `owner`. Returns the languages
// loaded ("qtbase", "teller"), so a caller can tell what is missing.
QStringList installTranslations(QObject *owner, const QLocale &locale);

inline const QColor Good{0x2e, 0x7d, 0x32};
inline const QColor Bad{0xb2, 0x3b, 0x3b};
inline const QColor Warn{0xb2, 0x6a, 0x00};

// The libpq sslmode values offered for the connection, strongest first, each with its
// translated description.
QList<std::pair<QString, QString>> sslModes();

// Enter held down repeats: the repeated key presses never reach `w`, so a held Enter can press
// a field's Enter (or a button) once, never again in a form that has changed meanwhile.
void ignoreHeldEnter(QWidget *w);

// Gives every focusable child without one an accessible name taken from its buddy label,
// tool tip or text: screen readers and tests can then find every control.
void nameForAccessibility(QWidget *root);

} // namespace ui
