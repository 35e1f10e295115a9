#include "Schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace teller::schema {

namespace {

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray readResource(const QString &path, bool *ok = nullptr)
{
    QFile f(path);
    const bool opened = f.open(QIODevice::ReadOnly);
    if (ok)
        *ok = opened;
    return opened ? f.readAll() : QByteArray();
}

} // namespace

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
            bool ok = false;
            Migration mig;
            mig.sql = readResource(dir.filePath(file), &ok);
            if (!ok)
                continue;
            mig.version = m.captured(1).toInt();
            mig.name = m.captured(2);
            mig.checksum = sha256Hex(mig.sql);
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

QList<FunctionFile> functions()
{
    static const QList<FunctionFile> all = [] {
        // order.list: one name a line, '#' starts a comment. The build checks that it names
        // every file in functions/ exactly once (core/CMakeLists.txt), and so does tst_schema.
        QList<FunctionFile> list;
        const QDir dir(QStringLiteral(":/teller/sql/functions"));
        const QString order = QString::fromUtf8(readResource(dir.filePath(QStringLiteral("order.list"))));
        for (QString line : order.split(u'\n')) {
            if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
                line.truncate(hash);
            line = line.trimmed();
            if (line.isEmpty())
                continue;
            bool ok = false;
            FunctionFile fn;
            fn.sql = readResource(dir.filePath(line + QStringLiteral(".sql")), &ok);
            if (!ok)
                continue;
            fn.name = line;
            fn.checksum = sha256Hex(fn.sql);
            list << fn;
        }
        return list;
    }();
    return all;
}

QByteArray functionsChecksum()
{
    static const QByteArray checksum = [] {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const FunctionFile &fn : functions()) {
            const QByteArray entry = fn.name.toUtf8() + QByteArray("\n") + fn.checksum + QByteArray("\n");
            hash.addData(entry);
        }
        return hash.result().toHex();
    }();
    return checksum;
}

} // namespace teller::schema
