#pragma once

#include "Money.h"
#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace teller {

// One account of an import file, validated.
struct AccountRow
{
    int line = 0;
    QString number;
    QString holder;
    Currency currency = *Currency::fromCode(u"EUR");
    Money floor{0, *Currency::fromCode(u"EUR")};
};

// Reads "number,holder,currency,floor" CSV (a header line is recognised and skipped; quoted
// fields may hold commas and ""; floor may be left out). Every row is checked; the first bad
// one is reported with its line number.
Result<QList<AccountRow>> parseAccountCsv(const QByteArray &data, Currency defaultCurrency);

} // namespace teller
