#pragma once

#include "Cash.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QString>

class QPrinter;

// The blotter as a document: what "Print…" prints and "Save as PDF…" writes. Built without a
// printer or a dialog, so that it can be tested as it is.
class BlotterReport
{
    Q_DECLARE_TR_FUNCTIONS(BlotterReport)

public:
    // Who printed it, whose till, and when.
    struct Header
    {
        QString tellerName;
        QString login;
        QString till;        // the till's account number
        QDateTime printedAt; // shown in local time, with its zone
    };

    // The text of a line's amount and till effect, as the view and the document show them.
    static QString lineAmount(const teller::BlotterLine &line, const QLocale &locale);
    static QString tillEffect(const teller::Money &effect, const QLocale &locale);
    static QString lineTime(const QDateTime &at, const QLocale &locale);
    static QString lineAccount(const teller::BlotterLine &line);
    static QString lineStatus(const teller::BlotterLine &line);
    // The local time with its zone: "12/2/26 4:21 PM CET".
    static QString timeWithZone(const QDateTime &at, const QLocale &locale);

    static QString html(const teller::Blotter &blotter, const Header &header, const QLocale &locale);
    // Writes the document as an A4 PDF at `path`: empty on success, else why not, in words.
    static QString savePdf(const QString &html, const QString &path);
    // Prints the document on `printer` (set up by the print dialog).
    static void print(const QString &html, QPrinter *printer);
};
