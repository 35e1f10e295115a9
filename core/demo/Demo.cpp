#include "Demo.h"

#include "ActionExecutor.h"
#include "Administration.h"
#include "Cash.h"
#include "DbSession.h"
#include "LocalServer.h"
#include "Logging.h"
#include "Migrator.h"
#include "Supervision.h"

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

// Fixed keys for everything the seed does with money: seeding twice replays instead of doing
// it twice.
IdempotencyKey fixedKey(const QString &what)
{
    static const QUuid ns(QStringLiteral("6f1c2d9e-4a57-4b8e-9c1a-7d3e5f0b2a61"));
    return IdempotencyKey::fromUuid(QUuid::createUuidV5(ns, what));
}

IdempotencyKey openingKey(const QString &number)
{
    return fixedKey(QStringLiteral("opening-deposit/") + number);
}

// What each demo teller's till holds after the seed, in each currency the demo uses (minor
// units), brought from the vault by the supervisor.
constexpr struct
{
    const char16_t *currency;
    qint64 float_;
} tillFloats[] = {{u"EUR", 2000000}, {u"USD", 500000}, {u"CHF", 500000}, {u"JPY", 500000}};

// A session of a demo login on the demo database.
Result<std::unique_ptr<DbSession>> demoSession(const ConnectionSettings &adminSettings, const QString &login)
{
    ConnectionSettings settings = adminSettings;
    settings.set(QStringLiteral("user"), login);
    settings.set(QStringLiteral("password"), QString::fromUtf16(Password));
    SessionOptions options;
    options.applicationName = QStringLiteral("teller demo seed");
    options.workstation = QStringLiteral("demo-seed");
    auto session = std::make_unique<DbSession>(settings, options);
    if (auto ok = session->open(); !ok)
        return fail(ok.error());
    return session;
}

Result<void> expect(const Outcome &out, const QString &what)
{
    if (out.status == OutcomeStatus::Completed || out.status == OutcomeStatus::PendingApproval)
        return {};
    return fail(Error::internal(QCoreApplication::translate("teller::demo", "The demo seed could not %1: %2 %3 %4")
                                    .arg(what, outcomeStatusName(out.status), reasonText(out.reason), out.message)));
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

namespace {
// The demo's staff get well-known passwords: the seed runs only on a database that is the
// demo's (marked by the first seed, teller.settings 'demo_database', which only the owner can
// write) or on one that is still empty, which it marks. A bank's database, with staff or
// accounts of its own, is refused before anything changes.
Result<void> claimForTheDemo(DbSession &admin)
{
    return admin.transaction(QStringLiteral("demo marker"), [&]() -> Result<void> {
        auto state = admin.selectOne(
            QStringLiteral("SELECT EXISTS (SELECT FROM teller.settings WHERE key = 'demo_database' AND value = 'true'), "
                           "(SELECT count(*) FROM teller.staff) + (SELECT count(*) FROM teller.accounts WHERE kind = 'customer')"),
            {}, QCoreApplication::translate("teller::demo", "checking that the database is the demo's"),
            [](const Row &q) { return std::make_pair(q.value(0).toBool(), q.value(1).toLongLong()); });
        if (!state)
            return fail(state.error());
        if (state->first)
            return {};
        if (state->second > 0)
            return fail(Error::badInput(QCoreApplication::translate(
                "teller::demo", "This database has staff or accounts of its own and is not a demo database: the demo seed "
                                "would give its staff the demo's well-known passwords. Nothing was changed. Seed only a new, "
                                "empty database (tellerctl demo start makes one).")));
        return admin.select(QStringLiteral("INSERT INTO teller.settings (key, value) VALUES ('demo_database', 'true')"), {},
                            QCoreApplication::translate("teller::demo", "marking the database as the demo's"), [](const Row &) {});
    });
}
} // namespace

Result<QJsonObject> seed(DbSession &admin, const ConnectionSettings &adminSettings)
{
    if (auto ok = claimForTheDemo(admin); !ok)
        return fail(ok.error());
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
        // The demo's owner provisions it: nothing waits for a second admin.
        if (!added)
            return fail(added.error());
        staffJson.append(added->staff.toJson());
    }

    for (const DemoAccount &a : accounts) {
        const auto currency = Currency::fromCode(QString::fromUtf16(a.currency));
        auto opened = administration.openAccount(QString::fromUtf16(a.number), QString::fromUtf16(a.holder), *currency,
                                                 Money(a.floor, *currency));
        if (!opened)
            return fail(opened.error());
    }

    // The branch's morning: the supervisor receives cash into the vault, each teller opens
    // their till (counted: empty) and the supervisor brings them cash from the vault.
    const QString supervisorLogin = QStringLiteral("clara");
    const QStringList tellers{QStringLiteral("anna"), QStringLiteral("ben")};
    auto supervisorSession = demoSession(adminSettings, supervisorLogin);
    if (!supervisorSession)
        return fail(supervisorSession.error());
    ActionExecutor supervisor(**supervisorSession);
    QMap<QString, qint64> openingTotals; // per currency: what the opening deposits pay in
    for (const DemoAccount &a : accounts)
        openingTotals[QString::fromUtf16(a.currency)] += a.opening;
    for (const auto &f : tillFloats) {
        const Currency c = *Currency::fromCode(QString::fromUtf16(f.currency));
        if (auto ok = expect(supervisor.moveVaultCash(fixedKey(QStringLiteral("vault-receive/") + c.code()), ActionKind::VaultReceive,
                                                      {}, Money(f.float_ * 10, c)),
                             QCoreApplication::translate("teller::demo", "receive cash into the vault"));
            !ok)
            return fail(ok.error());
    }
    for (const QString &login : tellers) {
        auto tellerSession = demoSession(adminSettings, login);
        if (!tellerSession)
            return fail(tellerSession.error());
        ActionExecutor teller(**tellerSession);
        for (const auto &f : tillFloats) {
            const Currency c = *Currency::fromCode(QString::fromUtf16(f.currency));
            const Outcome opened = teller.countTill(fixedKey(QStringLiteral("till-open/%1/%2").arg(login, c.code())),
                                                    ActionExecutor::TillCount::Open, Money(0, c), std::nullopt);
            if (auto ok = expect(opened, QCoreApplication::translate("teller::demo", "open a till")); !ok)
                return fail(ok.error());
            if (auto ok = expect(supervisor.moveVaultCash(fixedKey(QStringLiteral("till-cash/%1/%2").arg(login, c.code())),
                                                          ActionKind::VaultToTill, login, Money(f.float_, c)),
                                 QCoreApplication::translate("teller::demo", "bring cash to a till"));
                !ok)
                return fail(ok.error());
        }
    }

    // Opening balances go through the same path as every teller deposit: paid in at the
    // first teller's till, approved by the supervisor above the teller's limit, with the
    // customer's identification at or above the large-cash threshold.
    auto tellerSession = demoSession(adminSettings, tellers.first());
    if (!tellerSession)
        return fail(tellerSession.error());
    ActionExecutor executor(**tellerSession);
    Supervision supervision(**supervisorSession);
    Cash cash(**tellerSession);
    int deposits = 0;
    for (const DemoAccount &a : accounts) {
        if (a.opening <= 0)
            continue;
        const auto currency = Currency::fromCode(QString::fromUtf16(a.currency));
        auto threshold = cash.largeCashThreshold(*currency);
        if (!threshold)
            return fail(threshold.error());
        std::optional<CustomerId> id;
        if (a.opening >= threshold->minorUnits())
            id = *CustomerId::create(IdDocument::IdCard, QString(QStringLiteral("DEMO-") + QString::fromUtf16(a.number)));
        auto request = ActionRequest::create(ActionKind::Deposit, QString::fromUtf16(a.number), {}, Money(a.opening, *currency),
                                             QCoreApplication::translate("teller::demo", "Opening balance"), id);
        if (!request)
            return fail(request.error());
        const Action action{openingKey(QString::fromUtf16(a.number)), *request, QDateTime::currentDateTimeUtc()};
        const Outcome out = executor.execute(action);
        if (auto ok = expect(
                out, QCoreApplication::translate("teller::demo", "pay in the opening balance of %1").arg(action.request.account()));
            !ok)
            return fail(ok.error());
        if (out.status == OutcomeStatus::PendingApproval) {
            auto decided = supervision.decide(action.key, true, QCoreApplication::translate("teller::demo", "Opening balance"));
            if (!decided)
                return fail(decided.error());
        }
        if (!out.replayed)
            ++deposits;
    }
    // The cash paid in goes to the vault: the till keeps its working cash for the day.
    for (const auto &f : tillFloats) {
        const Currency c = *Currency::fromCode(QString::fromUtf16(f.currency));
        const qint64 paidIn = openingTotals.value(c.code());
        if (paidIn <= 0)
            continue;
        if (auto ok = expect(supervisor.moveVaultCash(fixedKey(QStringLiteral("till-to-vault/%1/%2").arg(tellers.first(), c.code())),
                                                      ActionKind::TillToVault, tellers.first(), Money(paidIn, c)),
                             QCoreApplication::translate("teller::demo", "take the paid-in cash to the vault"));
            !ok)
            return fail(ok.error());
    }

    // The opening balances are the branch's start, not the first teller's day: their daily cash
    // count starts afresh (the owner, who seeds, may reset it; staff cannot).
    if (auto ok = admin.transaction(
            QStringLiteral("demo day"),
            [&] {
                return admin.select(QStringLiteral("UPDATE teller.accounts SET cash_day_total = 0 WHERE kind = 'till'"), {},
                                    QCoreApplication::translate("teller::demo", "starting the tellers' day"), [](const Row &) {});
            });
        !ok)
        return fail(ok.error());

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
