#include "DatabaseIdentity.h"

#include "DbSession.h"

#include <QCoreApplication>
#include <QUuid>

namespace teller {

Result<QString> readDatabaseIdentity(DbSession &session)
{
    auto text = session.retrying(QStringLiteral("database identity"), [&] {
        return session.selectOne(QStringLiteral("SELECT teller.database_identity()::text"), {},
                                 QCoreApplication::translate("teller::DatabaseIdentity", "reading the database's identity"),
                                 [](const auto &q) { return q.isNull(0) ? QString() : q.value(0).toString(); });
    });
    if (!text)
        return fail(text.error());
    const QUuid id(*text);
    if (text->isEmpty() || id.isNull())
        return fail(Error::config(QCoreApplication::translate("teller::DatabaseIdentity",
                                                              "The database has no identity (teller.database_identity() answered "
                                                              "\"%1\"); its owner runs SELECT teller.renew_database_identity().")
                                      .arg(text->left(40))));
    return id.toString(QUuid::WithoutBraces);
}

} // namespace teller
