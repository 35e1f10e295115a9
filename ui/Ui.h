#pragma once

#include <teller/Outcome.h>

#include <QColor>
#include <QString>

class QWidget;

// Words and colours shared by the window's parts.
namespace ui {

QString accountStatusText(const QString &status);
QString operationKindText(const QString &kind);
QString operationStatusText(const QString &status);

inline const QColor Good{0x2e, 0x7d, 0x32};
inline const QColor Bad{0xb2, 0x3b, 0x3b};
inline const QColor Warn{0xb2, 0x6a, 0x00};

// Gives every focusable child without one an accessible name taken from its buddy label,
// tool tip or text: screen readers and tests can then find every control.
void nameForAccessibility(QWidget *root);

} // namespace ui
