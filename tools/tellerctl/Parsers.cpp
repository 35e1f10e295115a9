#include "Parsers.h"

#include <QRegularExpression>

namespace tellerctl {

std::optional<std::chrono::milliseconds> parseSeconds(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})(?:\\.(\\d{1,3}))?$"));
    const auto m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 ms = m.captured(1).toLongLong() * 1000 + m.captured(2).leftJustified(3, u'0').toLongLong();
    if (ms <= 0)
        return std::nullopt;
    return std::chrono::milliseconds(ms);
}

std::optional<qint64> parseCount(const QString &text, qint64 min, qint64 max)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d{1,9}$"));
    if (!pattern.match(text.trimmed()).hasMatch())
        return std::nullopt;
    const qint64 v = text.trimmed().toLongLong();
    if (v < min || v > max)
        return std::nullopt;
    return v;
}

QString shellQuote(const QString &value)
{
    QString quoted = value;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

} // namespace tellerctl
