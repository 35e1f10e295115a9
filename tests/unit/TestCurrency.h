#pragma once

// For the unit tests' data tables: a currency by its code, or the test stops.

#include "Currency.h"

#include <QString>
#include <QtGlobal>

inline teller::Currency currency(const QString &code)
{
    const auto c = teller::Currency::fromCode(code);
    if (!c)
        qFatal("unknown currency in test data: %s", qPrintable(code));
    return *c;
}
