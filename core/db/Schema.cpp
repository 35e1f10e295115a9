#include "Schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace teller::schema {

QList<Migration> migrations()
{
    static const QList<Migration> all = [] {
        QList<Migration> list;
        static const QRegularExpression pattern(QStringLiteral("^(\\d{3})_([a-z0-9_]+)\\.sql$"));
        const QDir dir(QStringLiteral(":/teller/sql/migrations"));
        for (const QString &file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
            const auto m = pattern.match(file);
            if (!m.hasMatch())
                continue;
            QFile f(dir.filePath(file));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            Migration mig;
            mig.version = m.captured(1).toInt();
            mig.name = m.captured(2);
            mig.sql = f.readAll();
            mig.checksum = QCryptographicHash::hash(mig.sql, QCryptographicHash::Sha256).toHex();
            list << mig;
        }
        return list;
    }();
    return all;
}

int latestVersion()
{
    const auto all = migrations();
    return all.isEmpty() ? 0 : all.last().version;
}

} // namespace teller::schema
