#include "ArgParser.h"

#include <QCoreApplication>

std::optional<QString> ArgParser::parse(const QStringList &arguments)
{
    bool optionsEnded = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (optionsEnded || !arg.startsWith(QLatin1String("--")) || arg == u"-") {
            m_positional << arg;
            continue;
        }
        if (arg == u"--") {
            optionsEnded = true;
            continue;
        }
        QString name = arg.mid(2);
        std::optional<QString> inlineValue;
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
            inlineValue = name.mid(eq + 1);
            name.truncate(eq);
        }
        if (m_flags.contains(name)) {
            if (inlineValue)
                return QCoreApplication::translate("tellerctl", "The option --%1 takes no value.").arg(name);
            m_setFlags.insert(name);
        } else if (m_valueOptions.contains(name)) {
            if (m_values.contains(name))
                return QCoreApplication::translate("tellerctl", "The option --%1 is given twice.").arg(name);
            if (inlineValue) {
                m_values.insert(name, *inlineValue);
            } else {
                if (i + 1 >= arguments.size())
                    return QCoreApplication::translate("tellerctl", "The option --%1 needs a value.").arg(name);
                m_values.insert(name, arguments.at(++i));
            }
        } else {
            return QCoreApplication::translate("tellerctl", "Unknown option --%1.").arg(name);
        }
    }
    return std::nullopt;
}

QStringList ArgParser::unexpected(const QSet<QString> &allowed) const
{
    QStringList out;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        if (!allowed.contains(it.key()))
            out << QStringLiteral("--") + it.key();
    }
    for (const QString &f : m_setFlags) {
        if (!allowed.contains(f))
            out << QStringLiteral("--") + f;
    }
    out.sort();
    return out;
}
