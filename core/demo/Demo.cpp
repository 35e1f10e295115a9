#include "Demo.h"

#include "ActionExecutor.h"
#include "Administration.h"
#include "DbSession.h"
#include "LocalServer.h"
#include "Logging.h"
#include "Migrator.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QSqlQuery>
#include <QStandardPaths>

namespace teller::demo {

namespace {

struct DemoAccount
{
    const char16_t *number;
    const char16_t *holder;
    const char16_t *currency;
    qint64 opening; // minor units
    qint64 floor;
    AccountStatus status;
};

constexpr DemoAccount accounts[] = {
    {u"10000001", u"Maria Schneider", u"EUR", 245000, 0, AccountStatus::Active},
    {u"10000002", u"Jonas Weber", u"EUR", 1830050, -100000, AccountStatus::Active},
    {u"10000003", u"Aylin Yilmaz", u"EUR", 64025, 0, AccountStatus::Active},
    {u"10000004", u"Lukas Fischer", u"EUR", 9500000, 0, AccountStatus::Active},
    {u"10000005", u"Sophie Wagner", u"EUR", 1240, 0, AccountStatus::Active},
    {u"10000006", u"Mehmet Demir", u"EUR", 320000, 0, AccountStatus::Frozen},
    {u"10000007", u"Elena Petrova", u"EUR", 781090, 0, AccountStatus::Active},
    {u"10000008", u"Thomas Becker", u"EUR", 0, 0, AccountStatus::Closed},
    {u"10000009", u"Hannah Schulz", u"EUR", 5200000, 0, AccountStatus::Active},
    {u"10000010", u"Noah Hoffmann", u"EUR", 115000, -50000, AccountStatus::Active},
    {u"10000011", u"Emma Koch", u"EUR", 43000, 0, AccountStatus::Active},
    {u"10000012", u"Felix Richter", u"EUR", 2675000, 0, AccountStatus::Active},
    {u"10000013", u"Mia Klein", u"EUR", 500000, 0, AccountStatus::Active},
    {u"10000014", u"Paul Wolf", u"EUR", 89010, 0, AccountStatus::Active},
    {u"10000015", u"Lea Neumann", u"EUR", 1420000, 0, AccountStatus::Active},
    {u"10000016", u"Ben Schwarz", u"EUR", 31000, 0, AccountStatus::Active},
    {u"10000017", u"Clara Zimmermann", u"EUR", 6740000, 0, AccountStatus::Active},
    {u"10000018", u"Anton Braun", u"EUR", 200000, 0, AccountStatus::Active},
    {u"10000019", u"Müller & Söhne GmbH", u"EUR", 18000000, -2000000, AccountStatus::Active},
    {u"10000020", u"Café Morgenrot", u"EUR", 934060, 0, AccountStatus::Active},
    {u"20000001", u"John Miller", u"USD", 450000, 0, AccountStatus::Active},
    {u"20000002", u"Grace Lee", u"USD", 1200000, 0, AccountStatus::Active},
    {u"30000001", u"Luca Bernasconi", u"CHF", 880000, 0, AccountStatus::Active},
    {u"40000001", u"Yuki Tanaka", u"JPY", 250000, 0, AccountStatus::Active},
};

// Fixed keys for the opening deposits: seeding twice replays instead of paying in twice.
IdempotencyKey openingKey(const QString &number)
{
    static const QUuid ns(QStringLiteral("6f1c2d9e-4a57-4b8e-9c1a-7d3e5f0b2a61"));
    return IdempotencyKey::fromUuid(QUuid::createUuidV5(ns, QStringLiteral("opening-deposit/") + number));
}

} // namespace

QList<StaffMember> staff()
{
    return {
        {u"anna", u"Anna Berger", u"teller", 100000},
        {u"ben", u"Ben Okafor", u"teller", 50000},
        {u"clara", u"Clara Vogt", u"supervisor", 2000000},
        {u"it_admin", u"Ida Admin", u"admin", -1},
    };
}

QString defaultBaseDir()
{
    const QString override = qEnvironmentVariable("TELLER_DEMO_DIR");
    if (!override.isEmpty())
        return override;
    if (LocalServer::runningAsRoot())
        return QStringLiteral("/var/tmp/teller-demo");
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/teller/demo");
}

Result<QJsonObject> seed(DbSession &admin, const ConnectionSettings &adminSettings)
{
    Administration administration(admin);
    auto home = administration.homeCurrency();
    if (!home)
        return fail(home.error());

    QJsonArray staffJson;
    for (const StaffMember &m : staff()) {
        std::optional<Money> limit;
        if (m.limitMinorUnits >= 0)
            limit = Money(m.limitMinorUnits, *home);
        auto added = administration.addStaff(QString::fromUtf16(m.login), QString::fromUtf16(m.name),
                                             *staffRoleFromName(QString::fromUtf16(m.role)), limit, QString::fromUtf16(Password));
        if (!added)
            return fail(added.error());
        staffJson.append(added->toJson());
    }

    for (const DemoAccount &a : accounts) {
        const auto currency = Currency::fromCode(QString::fromUtf16(a.currency));
        auto opened = administration.openAccount(QString::fromUtf16(a.number), QString::fromUtf16(a.holder), *currency,
                                                 Money(a.floor, *currency));
        if (!opened)
            return fail(opened.error());
    }

    // Opening balances go through the same path as every teller deposit.
    ConnectionSettings tellerSettings = adminSettings;
    tellerSettings.set(QStringLiteral("user"), QString::fromUtf16(staff().first().login));
    tellerSettings.set(QStringLiteral("password"), QString::fromUtf16(Password));
    SessionOptions options;
    options.applicationName = QStringLiteral("teller demo seed");
    options.workstation = QStringLiteral("demo-seed");
    DbSession tellerSession(tellerSettings, options);
    if (auto ok = tellerSession.open(); !ok)
        return fail(ok.error());
    ActionExecutor executor(tellerSession);
    int deposits = 0;
    for (const DemoAccount &a : accounts) {
        if (a.opening <= 0)
            continue;
        const auto currency = Currency::fromCode(QString::fromUtf16(a.currency));
        auto request = ActionRequest::create(ActionKind::Deposit, QString::fromUtf16(a.number), {}, Money(a.opening, *currency),
                                             QCoreApplication::translate("teller::demo", "Opening balance"));
        if (!request)
            return fail(request.error());
        const Action action{openingKey(QString::fromUtf16(a.number)), *request, QDateTime::currentDateTimeUtc()};
        const Outcome out = executor.execute(action);
        if (out.status != OutcomeStatus::Completed)
            return fail(
                Error::internal(QCoreApplication::translate("teller::demo", "The opening deposit into %1 did not complete: %2 %3")
                                    .arg(QString::fromUtf16(a.number), outcomeStatusName(out.status), out.message)));
        if (!out.replayed)
            ++deposits;
    }

    for (const DemoAccount &a : accounts) {
        if (a.status == AccountStatus::Active)
            continue;
        auto changed = administration.setAccountStatus(QString::fromUtf16(a.number), a.status);
        if (!changed)
            return fail(changed.error());
    }

    QJsonObject result;
    result.insert(QStringLiteral("status"), QStringLiteral("completed"));
    result.insert(QStringLiteral("staff"), staffJson);
    result.insert(QStringLiteral("accounts"), int(std::size(accounts)));
    result.insert(QStringLiteral("opening_deposits_made"), deposits);
    result.insert(QStringLiteral("password"), QString::fromUtf16(Password));
    return result;
}

Result<ConnectionSettings> startServer(LocalServer &server)
{
    if (auto ok = server.start(); !ok)
        return fail(ok.error());

    // Create the demo database once.
    {
        DbSession postgres(server.connection(QStringLiteral("postgres")), SessionOptions{});
        if (auto ok = postgres.open(DbSession::SchemaCheck::Skip); !ok)
            return fail(ok.error());
        QSqlQuery q(postgres.database());
        q.prepare(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = ?"));
        q.addBindValue(QString::fromUtf16(DatabaseName));
        if (!q.exec())
            return fail(postgres.error(q.lastError(), QCoreApplication::translate("teller::demo", "looking for the demo database")));
        if (!q.next()) {
            q.finish();
            if (auto ok = postgres.exec(QStringLiteral("CREATE DATABASE teller")); !ok)
                return fail(ok.error());
        }
    }

    ConnectionSettings settings = server.connection(QString::fromUtf16(DatabaseName));
    DbSession owner(settings, SessionOptions{});
    if (auto ok = owner.open(DbSession::SchemaCheck::Skip); !ok)
        return fail(ok.error());
    Migrator migrator(owner);
    if (auto report = migrator.migrate(); !report)
        return fail(report.error());
    if (auto seeded = seed(owner, settings); !seeded)
        return fail(seeded.error());
    return settings;
}

} // namespace teller::demo
