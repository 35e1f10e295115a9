#pragma once

#include <QString>

#include <chrono>
#include <optional>

// The pure parsers of tellerctl's (and teller-faultproxy's) command line: no database, no
// money, Qt Core only, so that both programs and the unit tests share them.
namespace tellerctl {

// Whole milliseconds from "12", "0.5" or "2.250" seconds (more than 0, at most 99999.999);
// no floating point. Leading and trailing spaces are ignored.
std::optional<std::chrono::milliseconds> parseSeconds(const QString &text);

// A whole number of at most nine digits, no sign, between min and max (both included).
std::optional<qint64> parseCount(const QString &text, qint64 min, qint64 max);

// A value for a POSIX shell's eval: in single quotes, inside which nothing is special; a
// single quote itself ends the quoting, is escaped, and the quoting starts again: '\''.
QString shellQuote(const QString &value);

} // namespace tellerctl
