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

// Reads "number,holder,currency,floor" CSV in UTF-8 (a header as the first line that is not
// empty is recognised and skipped; quoted fields may hold commas, "" and line breaks; floor
// may be left out). Every row is checked; the first bad one is reported with the number of
// the file's line it starts on.
Result<QList<AccountRow>> parseAccountCsv(const QByteArray &data, Currency defaultCurrency);

} // namespace teller
