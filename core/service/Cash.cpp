#include "Cash.h"

#include "DbSession.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlQuery>

namespace teller {

namespace {
Error unreadable()
{
    return Error::internal(QCoreApplication::translate("teller::Cash", "The server sent cash figures this program cannot read."));
}

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// A CSV field: quoted when it holds a separator, a quote or a line break (RFC 4180); a field
// that a spreadsheet would take for a formula (=, +, -, @ first) is quoted with a leading
// apostrophe, so that an account holder's name never runs as one.
QByteArray csvField(const QString &value)
{
    QString v = value;
    if (!v.isEmpty() && (v.front() == u'=' || v.front() == u'+' || v.front() == u'-' || v.front() == u'@'))
        v.prepend(u'\'');
    if (v.contains(u',') || v.contains(u'"') || v.contains(u'\n') || v.contains(u'\r') || v != value)
        v = u'"' + QString(v).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
    return v.toUtf8();
}
} // namespace

QJsonObject TillInfo::toJson() const
{
    QJsonObject o{{QStringLiteral("till"), number},
                  {QStringLiteral("owner"), owner},
                  {QStringLiteral("owner_name"), ownerName},
                  {QStringLiteral("currency"), currency.code()},
                  {QStringLiteral("till_status"), open ? QStringLiteral("open") : QStringLiteral("closed")},
                  {QStringLiteral("cash"), cash.toCanonical()},
                  {QStringLiteral("held"), held.toCanonical()},
                  {QStringLiteral("available"), available().toCanonical()},
                  {QStringLiteral("difference_pending"), differencePending}};
    if (openedAt.isValid())
        o.insert(QStringLiteral("opened_at"), iso(openedAt));
    if (lastCounted) {
        o.insert(QStringLiteral("last_count"), lastCountKind);
        o.insert(QStringLiteral("last_counted"), lastCounted->toCanonical());
        o.insert(QStringLiteral("last_counted_at"), iso(lastCountedAt));
    }
    return o;
}

QJsonObject BlotterLine::toJson() const
{
    QJsonObject o{{QStringLiteral("key"), key},
                  {QStringLiteral("kind"), actionKindName(kind)},
                  {QStringLiteral("status"), outcomeStatusName(status)},
                  {QStringLiteral("account"), account},
                  {QStringLiteral("till_effect"), tillEffect.toCanonical()},
                  {QStringLiteral("initiated_by"), initiatedBy},
                  {QStringLiteral("at"), iso(at)}};
    if (amount)
        o.insert(QStringLiteral("amount"), amount->toCanonical());
    if (!counterAccount.isEmpty())
        o.insert(QStringLiteral("counter_account"), counterAccount);
    if (!reason.isEmpty())
        o.insert(QStringLiteral("reason"), reason);
    return o;
}

QJsonObject Blotter::toJson() const
{
    QJsonArray list;
    for (const BlotterLine &l : lines)
        list.append(l.toJson());
    QJsonObject byKind;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        byKind.insert(actionKindName(it.key()),
                      QJsonObject{{QStringLiteral("count"), it->count},
                                  {QStringLiteral("amount"), Money(it->amount, currency).toCanonical()},
                                  {QStringLiteral("till_effect"), Money(it->tillEffect, currency).toCanonical()}});
    return QJsonObject{
        {QStringLiteral("currency"), currency.code()}, {QStringLiteral("lines"), list}, {QStringLiteral("totals"), byKind}};
}

Result<QList<TillInfo>> Cash::tills(const std::optional<Currency> &currency)
{
    const QVariant code = currency ? QVariant(currency->code()) : QVariant(QMetaType::fromType<QString>());
    return m_session.retrying(QStringLiteral("tills"), [&] {
        return m_session.selectAll(
            QStringLiteral("SELECT till, owner, owner_name, currency, is_open, cash, held, opened_at, last_count_kind, last_counted, "
                           "       last_counted_at, difference_pending FROM teller.till_status(?)"),
            {code}, QCoreApplication::translate("teller::Cash", "reading the tills"), [](const Row &q) -> Result<TillInfo> {
                const auto c = Currency::fromCode(q.value(3).toString());
                const auto cash = bigintValue(q.value(5));
                const auto held = bigintValue(q.value(6));
                if (!c || !cash || !held)
                    return fail(unreadable());
                TillInfo t;
                t.number = q.value(0).toString();
                t.owner = q.value(1).toString();
                t.ownerName = q.value(2).toString();
                t.currency = *c;
                t.open = q.value(4).toBool();
                t.cash = Money(*cash, *c);
                t.held = Money(*held, *c);
                t.openedAt = q.value(7).toDateTime();
                t.lastCountKind = q.value(8).toString();
                if (auto counted = bigintValue(q.value(9)))
                    t.lastCounted = Money(*counted, *c);
                t.lastCountedAt = q.value(10).toDateTime();
                t.differencePending = q.value(11).toBool();
                return t;
            });
    });
}

Result<Blotter> Cash::blotter(Currency currency)
{
    auto lines = m_session.retrying(QStringLiteral("blotter"), [&] {
        return m_session.selectAll(
            QStringLiteral("SELECT key::text, kind, status, reason, account, counter_account, amount, currency, till_effect, "
                           "       initiated_by, created_at FROM teller.till_blotter(?)"),
            {currency.code()}, QCoreApplication::translate("teller::Cash", "reading the blotter"),
            [&](const Row &q) -> Result<BlotterLine> {
                const auto kind = actionKindFromName(q.value(1).toString());
                const auto status = outcomeStatusFromName(q.value(2).toString());
                const auto c = Currency::fromCode(q.value(7).toString());
                const auto effect = bigintValue(q.value(8));
                if (!kind || !status || !c || !effect)
                    return fail(unreadable());
                BlotterLine l;
                l.key = q.value(0).toString();
                l.kind = *kind;
                l.status = *status;
                l.reason = q.value(3).toString();
                l.account = q.value(4).toString();
                l.counterAccount = q.value(5).toString();
                if (auto amount = bigintValue(q.value(6)))
                    l.amount = Money(*amount, *c);
                l.tillEffect = Money(*effect, currency);
                l.initiatedBy = q.value(9).toString();
                l.at = q.value(10).toDateTime();
                return l;
            });
    });
    if (!lines)
        return fail(lines.error());
    Blotter b;
    b.currency = currency;
    b.lines = *lines;
    for (const BlotterLine &l : b.lines) {
        if (l.status != OutcomeStatus::Completed)
            continue;
        Blotter::Total &t = b.totals[l.kind];
        ++t.count;
        if (l.amount && l.amount->currency() == currency)
            t.amount += l.amount->minorUnits();
        t.tillEffect += l.tillEffect.minorUnits();
    }
    return b;
}

Result<QList<Denomination>> Cash::denominations(Currency currency)
{
    return m_session.retrying(QStringLiteral("denominations"), [&] {
        return m_session.selectAll(
            QStringLiteral("SELECT value, form FROM teller.denominations WHERE currency = ? AND active ORDER BY value DESC"),
            {currency.code()}, QCoreApplication::translate("teller::Cash", "reading the notes and coins"),
            [&](const Row &q) -> Result<Denomination> {
                const auto value = bigintValue(q.value(0));
                if (!value)
                    return fail(unreadable());
                return Denomination{Money(*value, currency), q.value(1).toString() == u"note"};
            });
    });
}

Result<Money> Cash::largeCashThreshold(Currency currency)
{
    auto minor = m_session.retrying(QStringLiteral("large-cash threshold"), [&] {
        return m_session.selectOne(QStringLiteral("SELECT teller.large_cash_threshold(?)"), {currency.code()},
                                   QCoreApplication::translate("teller::Cash", "reading the large-cash threshold"),
                                   [](const Row &q) { return bigintValue(q.value(0)); });
    });
    if (!minor)
        return fail(minor.error());
    if (!*minor)
        return fail(unreadable());
    return Money(**minor, currency);
}

Result<QList<LargeCashLine>> Cash::largeCashReport(QDate from, QDate to)
{
    return m_session.retrying(QStringLiteral("large-cash report"), [&] {
        return m_session.selectAll(
            QStringLiteral("SELECT booked_at, key::text, kind, status, account, holder, amount, currency, teller, branch, workstation, "
                           "       document_type, document_number FROM teller.large_cash_report(?::date, ?::date)"),
            {from.toString(Qt::ISODate), to.toString(Qt::ISODate)},
            QCoreApplication::translate("teller::Cash", "reading the large-cash report"), [](const Row &q) -> Result<LargeCashLine> {
                const auto kind = actionKindFromName(q.value(2).toString());
                const auto status = outcomeStatusFromName(q.value(3).toString());
                const auto c = Currency::fromCode(q.value(7).toString());
                const auto amount = bigintValue(q.value(6));
                if (!kind || !status || !c || !amount)
                    return fail(unreadable());
                LargeCashLine l;
                l.bookedAt = q.value(0).toDateTime();
                l.key = q.value(1).toString();
                l.kind = *kind;
                l.status = *status;
                l.account = q.value(4).toString();
                l.holder = q.value(5).toString();
                l.amount = Money(*amount, *c);
                l.teller = q.value(8).toString();
                l.branch = q.value(9).toString();
                l.workstation = q.value(10).toString();
                l.documentType = q.value(11).toString();
                l.documentNumber = q.value(12).toString();
                return l;
            });
    });
}

QByteArray Cash::toCsv(const QList<LargeCashLine> &lines)
{
    QByteArray out =
        "booked_at,key,kind,status,account,holder,amount,currency,teller,branch,workstation,document_type,document_number\r\n";
    for (const LargeCashLine &l : lines) {
        const QStringList fields{iso(l.bookedAt), l.key,    actionKindName(l.kind), outcomeStatusName(l.status),
                                 l.account,       l.holder, l.amount.toCanonical(), l.amount.currency().code(),
                                 l.teller,        l.branch, l.workstation,          l.documentType,
                                 l.documentNumber};
        QByteArrayList row;
        for (const QString &f : fields)
            row << csvField(f);
        out += row.join(',') + "\r\n";
    }
    return out;
}

} // namespace teller
