#include "Row.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QTime>
#include <QUuid>

#include <libpq-fe.h>

namespace teller {

namespace {

// The type OIDs of pg_type that are read as something other than text (fixed since
// PostgreSQL's first catalogue; src/include/catalog/pg_type.dat).
enum : Oid {
    BoolOid = 16,
    ByteaOid = 17,
    Int8Oid = 20,
    Int2Oid = 21,
    Int4Oid = 23,
    OidOid = 26,
    Float4Oid = 700,
    Float8Oid = 701,
    DateOid = 1082,
    TimeOid = 1083,
    TimestampOid = 1114,
    TimestampTzOid = 1184,
};

QMetaType metaTypeOf(Oid type)
{
    switch (type) {
    case BoolOid: return QMetaType::fromType<bool>();
    case ByteaOid: return QMetaType::fromType<QByteArray>();
    case Int8Oid: return QMetaType::fromType<qlonglong>();
    case Int2Oid:
    case Int4Oid: return QMetaType::fromType<int>();
    case OidOid: return QMetaType::fromType<uint>();
    case Float4Oid:
    case Float8Oid: return QMetaType::fromType<double>();
    case DateOid: return QMetaType::fromType<QDate>();
    case TimeOid: return QMetaType::fromType<QTime>();
    case TimestampOid:
    case TimestampTzOid: return QMetaType::fromType<QDateTime>();
    default: return QMetaType::fromType<QString>();
    }
}

// "2026-12-02 06:19:06.123456+00" (DateStyle ISO, which QPSQL sets for its sessions) as an
// instant; without an offset (timestamp without time zone) the time is taken as UTC, the
// session's time zone.
QDateTime timestampFrom(QByteArrayView text)
{
    QString s = QString::fromLatin1(text);
    if (s.size() < 19)
        return {};
    s[10] = u'T';
    qsizetype zone = s.size();
    for (qsizetype i = 19; i < s.size(); ++i) {
        if (s[i] == u'+' || s[i] == u'-') {
            zone = i;
            break;
        }
    }
    QString offset = s.mid(zone);
    if (offset.size() == 3) // "+00"
        offset += QStringLiteral(":00");
    QString clock = s.left(zone);
    if (const qsizetype dot = clock.indexOf(u'.'); dot >= 0)
        clock.truncate(std::min(clock.size(), dot + 4)); // milliseconds are what QDateTime keeps
    const QDateTime t = QDateTime::fromString(clock + (offset.isEmpty() ? QStringLiteral("Z") : offset), Qt::ISODateWithMs);
    return t.toUTC();
}

} // namespace

int Row::count() const
{
    return PQnfields(m_result);
}

bool Row::isNull(int column) const
{
    return column < 0 || column >= count() || PQgetisnull(m_result, m_row, column) == 1;
}

QVariant Row::value(int column) const
{
    if (column < 0 || column >= count())
        return {};
    const Oid type = PQftype(m_result, column);
    if (PQgetisnull(m_result, m_row, column) == 1)
        return QVariant(metaTypeOf(type));
    const char *raw = PQgetvalue(m_result, m_row, column);
    const QByteArrayView text(raw, PQgetlength(m_result, m_row, column));
    switch (type) {
    case BoolOid: return text == "t";
    case Int8Oid: return text.toLongLong();
    case Int2Oid:
    case Int4Oid: return text.toInt();
    case OidOid: return text.toUInt();
    case Float4Oid:
    case Float8Oid: return QString::fromLatin1(text).toDouble();
    case DateOid: return QDate::fromString(QString::fromLatin1(text), Qt::ISODate);
    case TimeOid: return QTime::fromString(QString::fromLatin1(text.first(std::min<qsizetype>(12, text.size()))), Qt::ISODateWithMs);
    case TimestampOid:
    case TimestampTzOid: return timestampFrom(text);
    case ByteaOid: {
        // Either output format (hex, or the escape format QPSQL asks its sessions for).
        size_t length = 0;
        unsigned char *bytes = PQunescapeBytea(reinterpret_cast<const unsigned char *>(raw), &length);
        if (!bytes)
            return QVariant(QMetaType::fromType<QByteArray>());
        QByteArray out(reinterpret_cast<const char *>(bytes), qsizetype(length));
        PQfreemem(bytes);
        return out;
    }
    default: return QString::fromUtf8(text);
    }
}

QByteArray numberedPlaceholders(const QString &sql)
{
    QString out;
    out.reserve(sql.size() + 16);
    int next = 1;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (c == u'\'' || c == u'"') {
            // A quoted literal or name, to its closing quote (a doubled quote is part of it).
            const qsizetype end = sql.indexOf(c, i + 1);
            const qsizetype stop = end < 0 ? sql.size() : end + 1;
            out += QStringView(sql).mid(i, stop - i);
            i = stop - 1;
        } else if (c == u'-' && i + 1 < sql.size() && sql.at(i + 1) == u'-') {
            const qsizetype end = sql.indexOf(u'\n', i);
            const qsizetype stop = end < 0 ? sql.size() : end;
            out += QStringView(sql).mid(i, stop - i);
            i = stop - 1;
        } else if (c == u'/' && i + 1 < sql.size() && sql.at(i + 1) == u'*') {
            const qsizetype end = sql.indexOf(QStringLiteral("*/"), i + 2);
            const qsizetype stop = end < 0 ? sql.size() : end + 2;
            out += QStringView(sql).mid(i, stop - i);
            i = stop - 1;
        } else if (c == u'?') {
            out += u'$' + QString::number(next++);
        } else {
            out += c;
        }
    }
    return out.toUtf8();
}

Result<BoundValues> BoundValues::from(const QVariantList &values)
{
    BoundValues b;
    b.m_text.reserve(values.size());
    std::vector<bool> null(size_t(values.size()), false);
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &v = values.at(i);
        QByteArray text;
        bool isNull = !v.isValid() || v.isNull();
        switch (v.typeId()) {
        case QMetaType::QString:
            isNull = isNull || v.toString().isNull();
            text = v.toString().toUtf8();
            break;
        case QMetaType::QByteArray:
            isNull = isNull || v.toByteArray().isNull();
            text = "\\x" + v.toByteArray().toHex();
            break;
        case QMetaType::Bool: text = v.toBool() ? "true" : "false"; break;
        case QMetaType::QDateTime: {
            const QDateTime t = v.toDateTime();
            isNull = isNull || !t.isValid();
            text = t.toUTC().toString(Qt::ISODateWithMs).toLatin1();
            break;
        }
        case QMetaType::QDate:
            isNull = isNull || !v.toDate().isValid();
            text = v.toDate().toString(Qt::ISODate).toLatin1();
            break;
        case QMetaType::QTime:
            isNull = isNull || !v.toTime().isValid();
            text = v.toTime().toString(Qt::ISODateWithMs).toLatin1();
            break;
        case QMetaType::QUuid: text = v.toUuid().toString(QUuid::WithoutBraces).toLatin1(); break;
        case QMetaType::Double:
        case QMetaType::Float: text = QByteArray::number(v.toDouble(), 'g', 17); break;
        default: text = v.toString().toUtf8(); break;
        }
        if (!isNull && text.contains('\0'))
            return fail(Error::badInput(
                QCoreApplication::translate("teller::DbSession", "Value %1 contains a NUL character, which no text may hold.")
                    .arg(i + 1)));
        null[size_t(i)] = isNull;
        b.m_text << text;
    }
    b.m_pointers.reserve(size_t(values.size()));
    for (qsizetype i = 0; i < b.m_text.size(); ++i)
        b.m_pointers.push_back(null[size_t(i)] ? nullptr : b.m_text.at(i).constData());
    return b;
}

} // namespace teller
