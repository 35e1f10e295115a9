#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

class QPushButton;

// The teller's last look before money moves (from the amount IT sets, [desk] review_from): what
// happens in one sentence ("Pay out 1,200.00 EUR in cash from 10000003 (Maria Schneider)"),
// the facts under it, Enter carries it out (a held Enter key does not), Esc goes back to the
// form with nothing sent.
class ReviewDialog : public QDialog
{
    Q_OBJECT

public:
    using Fact = QPair<QString, QString>; // caption, value
    ReviewDialog(const QString &headline, const QList<Fact> &facts, const QString &confirmText, QWidget *parent = nullptr);
};
