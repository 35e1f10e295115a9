#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace teller {

// The text form of an enum's values, in one table per enum: the names stored in the database
// and written in JSON. nameOf() and valueOf() read the table both ways.
template <typename E> struct NamedValue
{
    E value;
    const char16_t *name;
};

template <typename E, std::size_t N> QString nameOf(const NamedValue<E> (&table)[N], E value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

template <typename E, std::size_t N> std::optional<E> valueOf(const NamedValue<E> (&table)[N], QStringView name)
{
    for (const auto &entry : table) {
        if (name == QStringView(entry.name))
            return entry.value;
    }
    return std::nullopt;
}

} // namespace teller
