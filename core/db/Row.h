#pragma once

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QVariant>

#include <vector>

struct pg_result; // libpq's PGresult

namespace teller {

// One row of an answer, as DbSession::select() hands it to its reader. The values are what
// QPSQL would make of the columns (by their type: bool, int, bigint as qlonglong, timestamptz
// as a QDateTime in UTC, date, bytea as QByteArray, numeric and everything else as text), so a
// reader does not care which of the two read them. Valid only during the reader's call.
class Row
{
public:
    Row(const pg_result *result, int row) : m_result(result), m_row(row) {}

    QVariant value(int column) const;
    bool isNull(int column) const;
    int count() const;

private:
    const pg_result *m_result;
    int m_row;
};

// Values bound to a statement's $1, $2, ...: in the text form PostgreSQL parses for the
// parameter's type, as libpq's PQexecParams takes them. A null QVariant, or a null string,
// byte array or date, is SQL NULL (as QPSQL binds them). A text with a NUL character cannot
// travel as a parameter and is refused as bad input, never cut short.
class BoundValues
{
public:
    static Result<BoundValues> from(const QVariantList &values);

    int count() const { return int(m_pointers.size()); }
    const char *const *values() const { return m_pointers.data(); }

private:
    QList<QByteArray> m_text;
    std::vector<const char *> m_pointers;
};

// The statement text for libpq: Qt's positional placeholders `?` become $1, $2, ... as QPSQL
// makes them (a `?` inside a quoted literal, a quoted name or a comment stays as it is).
QByteArray numberedPlaceholders(const QString &sql);

} // namespace teller
