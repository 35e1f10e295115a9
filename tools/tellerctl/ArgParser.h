#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

// A small, strict command-line parser: "--name value", "--name=value" and flags, anywhere on
// the line; "--" ends options. Unknown options and missing values are errors, never guesses.
class ArgParser
{
public:
    void addValueOption(const QString &name) { m_valueOptions.insert(name); }
    void addFlag(const QString &name) { m_flags.insert(name); }

    // Returns an error message, or nullopt on success.
    std::optional<QString> parse(const QStringList &arguments);

    QStringList positional() const { return m_positional; }
    bool isSet(const QString &name) const { return m_values.contains(name) || m_setFlags.contains(name); }
    QString value(const QString &name) const { return m_values.value(name); }
    QString value(const QString &name, const QString &fallback) const { return m_values.value(name, fallback); }
    // Options given that are not in `allowed` (for per-command checks).
    QStringList unexpected(const QSet<QString> &allowed) const;

private:
    QSet<QString> m_valueOptions;
    QSet<QString> m_flags;
    QHash<QString, QString> m_values;
    QSet<QString> m_setFlags;
    QStringList m_positional;
};
