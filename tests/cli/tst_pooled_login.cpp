// One pooled login for every workstation (migration 020): Debian's PgBouncer in transaction
// pooling with a forced user (tests/support/PgBouncer: `user=` in its [databases] entry), so
// that every client, still authenticated with its own login and password, is carried on the
// server connections of one login, t_pool. The database is told who acts in every transaction
// (the staff session the member opened with their own login over the direct path) and checks
// it: money moves under the member's name, the GRANTs are the member's, a forged, ended or
// borrowed session is refused, and many members share a handful of server connections.
#include "ActionExecutor.h"
#include "DbSession.h"
#include "PgBouncer.h"
#include "PgTestServer.h"
#include "StaffSessions.h"
#include "Supervision.h"
#include "TellerClient.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>

using namespace teller;

class TestPooledLogin : public QObject
{
    Q_OBJECT

private:
    static constexpr char PoolLogin[] = "t_pool";
    static constexpr int PoolSize = 2;
    QString m_db;
    std::unique_ptr<PgBouncer> m_pooler;
    QTemporaryDir m_dir;

    QString password() const { return QString::fromUtf16(PgTestServer::Password); }
    ConnectionSettings through(const QString &login) const { return m_pooler->connection(m_db, login, password()); }
    ConnectionSettings direct(const QString &login) const { return PgTestServer::instance().staff(m_db, login); }
    std::shared_ptr<StaffSessions> staffSessions(const QString &login) const
    {
        SessionOptions o;
        o.workstation = QStringLiteral("pooled-test");
        return std::make_shared<StaffSessions>(direct(login), o);
    }
    // A session through the pooled login that proves who it is, opened.
    std::unique_ptr<DbSession> pooled(const QString &login, std::shared_ptr<StaffSessions> sessions = {})
    {
        auto session = std::make_unique<DbSession>(through(login), SessionOptions{});
        session->setStaffSessions(sessions ? sessions : staffSessions(login));
        auto opened = session->open();
        if (!opened)
            qWarning().noquote() << "pooled session:" << opened.error().message << m_pooler->logTail();
        return opened ? std::move(session) : nullptr;
    }
    // A statement on a plain QPSQL connection through the pooler, without the product's
    // session: what a client that only knows the pooler's address and its own password can send.
    static QString rawError(QSqlDatabase &db, const QString &sql)
    {
        QSqlQuery q(db);
        if (q.exec(sql))
            return q.next() ? QStringLiteral("ok:") + q.value(0).toString() : QStringLiteral("ok");
        return q.lastError().nativeErrorCode() + u' ' + q.lastError().databaseText();
    }

    struct Run
    {
        int exitCode = -1;
        QJsonObject json;
        QString err;
    };
    Run tellerctl(const QStringList &args, const QString &login, const QString &config)
    {
        const ConnectionSettings s = through(login);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGHOST"), s.value(QStringLiteral("host")));
        env.insert(QStringLiteral("PGPORT"), s.value(QStringLiteral("port")));
        env.insert(QStringLiteral("PGDATABASE"), m_db);
        env.insert(QStringLiteral("PGUSER"), login);
        env.insert(QStringLiteral("PGPASSWORD"), password());
        env.insert(QStringLiteral("PGSSLMODE"), QStringLiteral("disable"));
        env.insert(QStringLiteral("TELLER_WORKSTATION"), QStringLiteral("pooled-cli"));
        env.insert(QStringLiteral("TELLER_JOURNAL"), m_dir.filePath(QStringLiteral("cli-journal.sqlite")));
        env.insert(QStringLiteral("TELLER_CONFIG"), config);
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TELLERCTL", QStringLiteral("tellerctl")), args);
        Run r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            return r;
        }
        r.exitCode = p.exitCode();
        r.err = QString::fromUtf8(p.readAllStandardError());
        const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            if (!line.trimmed().isEmpty())
                r.json = QJsonDocument::fromJson(line).object();
        }
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto found = PgBouncer::findPgBouncer();
        QVERIFY2(found, qPrintable(found ? QString() : found.error().message));
        PgTestServer &server = PgTestServer::instance();
        m_db = server.createDatabase();
        Sql sql(m_db);
        sql.openAccount(QStringLiteral("71000001"), 1'000'000);
        sql.openAccount(QStringLiteral("71000002"), 1'000'000);

        // The pooled login, as the database's owner creates it (a SCRAM verifier, never the password).
        DbSession owner(server.superuser(m_db), SessionOptions{});
        QVERIFY(owner.open());
        auto verifier = owner.passwordVerifier(QString::fromLatin1(PoolLogin), password());
        QVERIFY(verifier);
        auto added = owner.selectOne(QStringLiteral("SELECT teller.add_pooled_login(?, ?)::text"),
                                     {QString::fromLatin1(PoolLogin), *verifier}, QStringLiteral("pooled login"),
                                     [](const Row &) { return true; });
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));

        PgBouncer::Options o;
        o.serverHost = server.server().socketDir();
        o.serverPort = server.server().port();
        o.defaultPoolSize = PoolSize;
        o.maxDbConnections = PoolSize;
        o.forcedUser = QString::fromLatin1(PoolLogin);
        o.forcedPassword = password();
        m_pooler = std::make_unique<PgBouncer>(o);
        auto started = m_pooler->start(server.superuser(QStringLiteral("postgres")), {m_db});
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    }

    void cleanupTestCase()
    {
        if (m_pooler)
            m_pooler->stop();
    }

    // Without a way to prove who signs in, a session on the pooled login does not open; with
    // one it is the member's, on the pooled login's server connection.
    void aPooledLoginActsOnlyForAMemberWhoSignedIn()
    {
        DbSession bare(through(QStringLiteral("t_teller1")), SessionOptions{});
        auto refused = bare.open();
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Config);
        QVERIFY2(refused.error().message.contains(QLatin1String("t_pool")), qPrintable(refused.error().message));

        // The "direct" path leads to the pooler too: said so, nothing opened.
        DbSession loop(through(QStringLiteral("t_teller1")), SessionOptions{});
        loop.setStaffSessions(std::make_shared<StaffSessions>(through(QStringLiteral("t_teller1")), SessionOptions{}));
        auto looped = loop.open();
        QVERIFY(!looped);
        QVERIFY2(looped.error().message.contains(QLatin1String("listen_host")), qPrintable(looped.error().message));

        auto session = pooled(QStringLiteral("t_teller1"));
        QVERIFY(session);
        QVERIFY(session->pooledLogin());
        QVERIFY(session->throughPooler());
        QCOMPARE(session->sessionUser(), QStringLiteral("t_teller1"));
        QCOMPARE(session->poolLogin(), QString::fromLatin1(PoolLogin));
        auto who = session->selectOne(QStringLiteral("SELECT session_user::text || '/' || current_user::text || '/' || "
                                                     "(SELECT login FROM teller.current_staff())"),
                                      {}, QStringLiteral("who"), [](const Row &q) { return q.value(0).toString(); });
        QVERIFY2(who, qPrintable(who ? QString() : who.error().message));
        QCOMPARE(*who, QStringLiteral("t_pool/teller_tellers/t_teller1"));
        // The same inside a transaction, with the workstation's bounds.
        auto inside = session->transaction(QStringLiteral("inside"), [&] {
            return session->selectOne(QStringLiteral("SELECT (SELECT login FROM teller.current_staff()) || '/' || "
                                                     "current_setting('lock_timeout')"),
                                      {}, QStringLiteral("inside"), [](const Row &q) { return q.value(0).toString(); });
        });
        QVERIFY2(inside, qPrintable(inside ? QString() : inside.error().message));
        QCOMPARE(*inside, QStringLiteral("t_teller1/2s"));
        // Nothing is left on the server connection after the transaction.
        auto after = session->selectOne(QStringLiteral("SELECT 1"), {}, QStringLiteral("after"), [](const Row &) { return true; });
        QVERIFY(after);
    }

    // Money moves under the member's name, from the member's own till, through the pooled login.
    void moneyMovesUnderTheMembersName()
    {
        auto session = pooled(QStringLiteral("t_teller2"));
        QVERIFY(session);
        Sql sql(m_db);
        const qint64 before = sql.balance(QStringLiteral("71000001"));
        const qint64 till = sql.count(QStringLiteral("SELECT balance FROM teller.accounts WHERE kind = 'till' AND owner = 't_teller2' "
                                                     "AND currency = 'EUR'"));
        ActionExecutor executor(*session);
        const Action a = makeAction(ActionKind::Withdrawal, QStringLiteral("71000001"), 1234);
        const Outcome o = executor.execute(a);
        QVERIFY2(o.status == OutcomeStatus::Completed, qPrintable(o.message));
        QCOMPARE(sql.balance(QStringLiteral("71000001")), before - 1234);
        QCOMPARE(
            sql.value(QStringLiteral("SELECT initiated_by FROM teller.operations WHERE key = ?::uuid"), {a.key.toString()}).toString(),
            QStringLiteral("t_teller2"));
        QCOMPARE(sql.count(QStringLiteral("SELECT balance FROM teller.accounts WHERE kind = 'till' AND owner = 't_teller2' "
                                          "AND currency = 'EUR'")),
                 till - 1234); // the cash went out of the member's till
        // The same key again: the replay answers the member's own record.
        const Outcome again = executor.execute(a);
        QVERIFY(again.status == OutcomeStatus::Completed && again.replayed);
        // Another member asking about that key through the same pooled login is another member.
        auto other = pooled(QStringLiteral("t_teller3"));
        QVERIFY(other);
        ActionExecutor otherExecutor(*other);
        const Outcome borrowed = otherExecutor.execute(a);
        QVERIFY2(borrowed.status != OutcomeStatus::Completed, qPrintable(outcomeStatusName(borrowed.status)));
        QCOMPARE(sql.balance(QStringLiteral("71000001")), before - 1234);
    }

    // The GRANTs are the member's: a teller cannot read the supervisors' queue through the
    // pooled login; a supervisor can, and still cannot approve their own request (four eyes).
    void theGrantsAreTheMembers()
    {
        auto teller = pooled(QStringLiteral("t_limited"));
        QVERIFY(teller);
        auto queue = Supervision(*teller).pending();
        QVERIFY(!queue);
        QCOMPARE(queue.error().sqlState, QStringLiteral("42501"));

        ActionExecutor executor(*teller);
        const Action big = makeAction(ActionKind::Withdrawal, QStringLiteral("71000002"), 50000); // above t_limited's 100.00
        const Outcome waiting = executor.execute(big);
        QCOMPARE(outcomeStatusName(waiting.status), QStringLiteral("pending_approval"));

        auto supervisor = pooled(QStringLiteral("t_super"));
        QVERIFY(supervisor);
        auto seen = Supervision(*supervisor).pending();
        QVERIFY2(seen, qPrintable(seen ? QString() : seen.error().message));
        QVERIFY(std::any_of(seen->cbegin(), seen->cend(), [&](const ReviewItem &i) { return i.key == big.key.toString(); }));
        auto approved = Supervision(*supervisor).decide(big.key, true, QStringLiteral("ID checked"));
        QVERIFY2(approved, qPrintable(approved ? QString() : approved.error().message));
        Sql sql(m_db);
        QCOMPARE(
            sql.value(QStringLiteral("SELECT decided_by FROM teller.operations WHERE key = ?::uuid"), {big.key.toString()}).toString(),
            QStringLiteral("t_super"));

        // The supervisor's own request waits for another supervisor, through the pool as directly.
        ActionExecutor superExecutor(*supervisor);
        const Action mine = makeAction(ActionKind::Withdrawal, QStringLiteral("71000002"), 200);
        const Outcome o = superExecutor.execute(mine);
        QVERIFY2(o.status == OutcomeStatus::Completed || o.status == OutcomeStatus::PendingApproval, qPrintable(o.message));
        if (o.status == OutcomeStatus::PendingApproval) {
            auto own = Supervision(*supervisor).decide(mine.key, true, QString());
            QVERIFY(!own);
        }
    }

    // What a client with only the pooler's address and its own password can try: no staff
    // session, a forged one, somebody else's group, an ended one, a deactivated member's, a
    // secret on a member's own login. Every one is refused or ignored.
    void aForgedEndedOrBorrowedSessionIsRefused()
    {
        const auto sessions = staffSessions(QStringLiteral("t_teller3"));
        auto credential = sessions->credential();
        QVERIFY2(credential, qPrintable(credential ? QString() : credential.error().message));
        const QString secret = QString::fromLatin1(credential->secret);
        QCOMPARE(QString::fromLatin1(credential->group), QStringLiteral("teller_tellers"));

        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("raw-pooled"));
        {
            const ConnectionSettings s = through(QStringLiteral("t_teller3"));
            db.setHostName(s.value(QStringLiteral("host")));
            db.setPort(s.value(QStringLiteral("port")).toInt());
            db.setDatabaseName(m_db);
            db.setUserName(QStringLiteral("t_teller3"));
            db.setPassword(password());
            db.setConnectOptions(QStringLiteral("sslmode=disable"));
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            const auto inTransaction = [&](const QString &role, const QString &given, const QString &sql) {
                QSqlQuery(db).exec(QStringLiteral("BEGIN"));
                QSqlQuery set(db);
                set.prepare(QStringLiteral("SELECT set_config('role', ?, true), set_config('teller.staff_session', ?, true)"));
                set.addBindValue(role);
                set.addBindValue(given);
                QString answer = set.exec() ? rawError(db, sql) : set.lastError().databaseText();
                QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
                return answer;
            };
            const QString me = QStringLiteral("SELECT login FROM teller.current_staff()");
            // Nothing set: the pooled login has no rights of its own (NOINHERIT).
            QVERIFY2(rawError(db, me).startsWith(u"42501"), qPrintable(rawError(db, me)));
            // A group without a session, a forged session, another member's group.
            QVERIFY(inTransaction(QStringLiteral("teller_tellers"), QString(), me).startsWith(u"42501"));
            QVERIFY(inTransaction(QStringLiteral("teller_tellers"), QString(64, u'a'), me).startsWith(u"42501"));
            QVERIFY(inTransaction(QStringLiteral("teller_supervisors"), secret, me).startsWith(u"42501"));
            QVERIFY(inTransaction(QStringLiteral("teller_supervisors"), secret,
                                  QStringLiteral("SELECT count(*) FROM teller.pending_operations(5)"))
                        .startsWith(u"42501"));
            // The real one works, and leaves nothing behind for the next transaction.
            QCOMPARE(inTransaction(QStringLiteral("teller_tellers"), secret, me), QStringLiteral("ok:t_teller3"));
            QVERIFY(rawError(db, me).startsWith(u"42501"));
            // The secret is never in what the server shows of statements.
            Sql sql(m_db);
            QCOMPARE(
                sql.count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE strpos(query, ?) > 0 AND pid <> pg_backend_pid()"),
                          {secret}),
                qint64(0));
            QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.staff_sessions WHERE login = 't_teller3' AND token_hash = "
                                              "sha256(convert_to(?, 'UTF8'))"),
                               {secret}),
                     qint64(1));

            // A secret given on a member's own login is ignored: they stay who they are.
            DbSession own(direct(QStringLiteral("t_teller2")), SessionOptions{});
            QVERIFY(own.open());
            auto stillMe = own.transaction(QStringLiteral("borrow"), [&] {
                auto set = own.selectOne(QStringLiteral("SELECT set_config('teller.staff_session', ?, true)"), {secret},
                                         QStringLiteral("set"), [](const Row &) { return true; });
                if (!set)
                    return Result<QString>(fail(set.error()));
                return own.selectOne(me, {}, QStringLiteral("me"), [](const Row &q) { return q.value(0).toString(); });
            });
            QVERIFY2(stillMe, qPrintable(stillMe ? QString() : stillMe.error().message));
            QCOMPARE(*stillMe, QStringLiteral("t_teller2"));

            // Ended at sign-out: refused from then on, for a session that had it too.
            auto session = pooled(QStringLiteral("t_teller3"), sessions);
            QVERIFY(session);
            sessions->end(*session);
            QVERIFY(inTransaction(QStringLiteral("teller_tellers"), secret, me).startsWith(u"42501"));
            auto afterEnd = session->selectOne(me, {}, QStringLiteral("me"), [](const Row &q) { return q.value(0).toString(); });
            QVERIFY(!afterEnd);
            QCOMPARE(afterEnd.error().sqlState, QStringLiteral("42501"));

            // A member deactivated: every open staff session of theirs ends.
            auto limited = staffSessions(QStringLiteral("t_teller3"));
            auto again = limited->credential();
            QVERIFY(again);
            SQL_VERIFY(sql, QStringLiteral("UPDATE teller.staff SET active = false WHERE login = 't_teller3'"));
            QVERIFY(inTransaction(QStringLiteral("teller_tellers"), QString::fromLatin1(again->secret), me).startsWith(u"42501"));
            SQL_VERIFY(sql, QStringLiteral("UPDATE teller.staff SET active = true WHERE login = 't_teller3'"));
            QCOMPARE(inTransaction(QStringLiteral("teller_tellers"), QString::fromLatin1(again->secret), me),
                     QStringLiteral("ok:t_teller3"));
            db.close();
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("raw-pooled"));
    }

    // Many members, each with their own staff session, on PoolSize server connections: every
    // movement under its member's name, from its member's till.
    void manyMembersShareAFewServerConnections()
    {
        const QStringList members{QStringLiteral("t_teller1"), QStringLiteral("t_teller2"), QStringLiteral("t_super"),
                                  QStringLiteral("t_super2")};
        constexpr int Each = 12;
        Sql sql(m_db);
        const qint64 before = sql.balance(QStringLiteral("71000001"));
        std::atomic<int> completed{0};
        std::atomic<int> maxServers{0};
        QStringList problems;
        QMutex problemsLock;
        QList<QPair<QString, IdempotencyKey>> done;
        std::vector<std::unique_ptr<QThread>> threads;
        for (const QString &member : members) {
            threads.emplace_back(QThread::create([&, member] {
                auto session = std::make_unique<DbSession>(through(member), SessionOptions{});
                session->setStaffSessions(staffSessions(member));
                if (auto ok = session->open(); !ok) {
                    QMutexLocker lock(&problemsLock);
                    problems << member + u": " + ok.error().message;
                    return;
                }
                ActionExecutor executor(*session);
                for (int i = 0; i < Each; ++i) {
                    const Action a = i % 2 ? makeAction(ActionKind::Deposit, QStringLiteral("71000001"), 100)
                                           : makeAction(ActionKind::Withdrawal, QStringLiteral("71000001"), 300);
                    const Outcome o = executor.execute(a);
                    QMutexLocker lock(&problemsLock);
                    if (o.status == OutcomeStatus::Completed && !o.replayed) {
                        ++completed;
                        done << qMakePair(member, a.key);
                    } else {
                        problems << member + u": " + outcomeStatusName(o.status) + u' ' + o.message;
                    }
                }
            }));
            threads.back()->start();
        }
        for (int i = 0; i < 600 && std::any_of(threads.begin(), threads.end(), [](const auto &t) { return t->isRunning(); }); ++i) {
            if (auto n = m_pooler->serverConnections(m_db))
                maxServers = std::max(maxServers.load(), *n);
            QTest::qWait(20);
        }
        for (auto &t : threads)
            QVERIFY(t->wait(120000));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n') + u'\n' + m_pooler->logTail()));
        QCOMPARE(completed.load(), int(members.size()) * Each);
        for (const auto &[member, key] : std::as_const(done))
            QCOMPARE(
                sql.value(QStringLiteral("SELECT initiated_by FROM teller.operations WHERE key = ?::uuid"), {key.toString()}).toString(),
                member);
        QCOMPARE(sql.balance(QStringLiteral("71000001")), before - qint64(members.size()) * (Each / 2) * 200);
        // One pool for everybody: never more server connections than its size (plus the auth
        // query's own), and all of them the pooled login's.
        QVERIFY2(maxServers.load() >= 1 && maxServers.load() <= PoolSize + 1, qPrintable(QString::number(maxServers.load())));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND usename = ANY (?::text[])"),
                           {m_db, QStringLiteral("{t_teller1,t_teller2,t_super,t_super2}")}),
                 qint64(0));
        const QStringList violations = sql.invariantViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    // tellerctl with the workstation configuration naming the direct address: as it is.
    // Without it: refused with what to do, exit 2, nothing sent.
    void tellerctlThroughAPooledLogin()
    {
        const ConnectionSettings server = direct(QStringLiteral("t_teller1"));
        const QString config = m_dir.filePath(QStringLiteral("teller.conf"));
        {
            QFile f(config);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QStringLiteral("[server]\nlisten_host = %1\nlisten_port = %2\n")
                        .arg(server.value(QStringLiteral("host")), server.value(QStringLiteral("port")))
                        .toUtf8());
        }
        const QString key = IdempotencyKey::generate().toString();
        const Run w = tellerctl({QStringLiteral("withdraw"), QStringLiteral("--account"), QStringLiteral("71000002"),
                                 QStringLiteral("--amount"), QStringLiteral("3.21"), QStringLiteral("--key"), key},
                                QStringLiteral("t_teller1"), config);
        QVERIFY2(w.exitCode == 0, qPrintable(w.err + u'\n' + m_pooler->logTail()));
        QCOMPARE(w.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        Sql sql(m_db);
        QCOMPARE(sql.value(QStringLiteral("SELECT initiated_by FROM teller.operations WHERE key = ?::uuid"), {key}).toString(),
                 QStringLiteral("t_teller1"));
        // The command's staff session ended with it.
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.staff_sessions WHERE login = 't_teller1' AND workstation = "
                                          "'pooled-cli' AND ended_at IS NULL")),
                 qint64(0));

        const QString none = m_dir.filePath(QStringLiteral("none.conf"));
        const Run refused = tellerctl({QStringLiteral("till"), QStringLiteral("show")}, QStringLiteral("t_teller1"), none);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.json.value(QStringLiteral("message")).toString().contains(QLatin1String("listen_host")),
                 qPrintable(refused.err));
    }

    // The database's owner adds a pooled login with tellerctl: NOINHERIT, in teller_pooled and
    // the three groups, never staff; a short password or a staff member's login is refused.
    void tellerctlAddsAPooledLogin()
    {
        const auto run = [&](const QString &login, const QByteArray &input) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("TELLER_CONFIG"), m_dir.filePath(QStringLiteral("none.conf")));
            p.setProcessEnvironment(env);
            p.start(qEnvironmentVariable("TELLERCTL", QStringLiteral("tellerctl")),
                    {QStringLiteral("--db"), PgTestServer::instance().superuser(m_db).toConninfo(), QStringLiteral("pool-login"),
                     QStringLiteral("add"), login, QStringLiteral("--password-stdin")});
            p.write(input);
            p.closeWriteChannel();
            if (!p.waitForFinished(60000))
                p.kill();
            return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()));
        };
        const auto [shortCode, shortText] = run(QStringLiteral("t_pool2"), "too-short\n");
        QCOMPARE(shortCode, 2);
        const auto [staffCode, staffText] = run(QStringLiteral("t_teller1"), "a-long-random-pooler-password-1234\n");
        QVERIFY2(staffCode != 0 && staffText.contains(QLatin1String("not a pooled login")), qPrintable(staffText));
        const auto [code, text] = run(QStringLiteral("t_pool2"), "a-long-random-pooler-password-1234\n");
        QVERIFY2(code == 0, qPrintable(text));
        Sql sql(m_db);
        QCOMPARE(
            sql.value(QStringLiteral("SELECT rolinherit::text || rolcanlogin::text FROM pg_roles WHERE rolname = 't_pool2'")).toString(),
            QStringLiteral("falsetrue"));
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                                          "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = 't_pool2' AND g.rolname IN "
                                          "('teller_pooled', 'teller_tellers', 'teller_supervisors', 'teller_admins')")),
                 qint64(4));
        QCOMPARE(
            sql.count(QStringLiteral("SELECT count(*) FROM teller.audit_log WHERE action = 'pooled_login_add' AND subject = 't_pool2'")),
            qint64(1));
        // Again: the password is set again, nothing else changes.
        QCOMPARE(run(QStringLiteral("t_pool2"), "another-long-random-pooler-password\n").first, 0);
    }

    // The window: signs in through the pooled login (proving who signs in over the direct
    // address of its plan), moves money, and ends its staff session at sign-out.
    void theWindowSignsInThroughAPooledLogin()
    {
        TellerClient client;
        ConnectionPlan plan;
        const ConnectionSettings server = direct(QStringLiteral("t_teller2"));
        plan.listenHost = server.value(QStringLiteral("host"));
        plan.listenPort = server.value(QStringLiteral("port"));
        QVERIFY(client.setConnectionPlan(plan));
        client.setJournalPath(m_dir.filePath(QStringLiteral("window-journal.sqlite")));
        QList<Outcome> finished;
        QList<AccountInfo> found;
        connect(&client, &TellerClient::actionFinished, this, [&](const Outcome &o) { finished << o; });
        connect(&client, &TellerClient::searchFinished, this, [&](quint64, const QList<AccountInfo> &a) { found = a; });
        SessionOptions options;
        options.workstation = QStringLiteral("pooled-window");
        client.signIn(through(QStringLiteral("t_teller2")), options);
        QTRY_VERIFY_WITH_TIMEOUT(client.isSignedIn(), 15000);
        QCOMPARE(client.staff().login, QStringLiteral("t_teller2"));
        client.searchAccounts(QStringLiteral("71000002"));
        QTRY_VERIFY_WITH_TIMEOUT(!found.isEmpty(), 10000);
        const Action a = makeAction(ActionKind::Deposit, QStringLiteral("71000002"), 4321);
        QVERIFY(client.submit(a));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 15000);
        QCOMPARE(outcomeStatusName(finished.last().status), QStringLiteral("completed"));
        Sql sql(m_db);
        QCOMPARE(
            sql.value(QStringLiteral("SELECT initiated_by FROM teller.operations WHERE key = ?::uuid"), {a.key.toString()}).toString(),
            QStringLiteral("t_teller2"));
        // The listener went to the direct address: live, and the only connection of the member's own login.
        QTRY_VERIFY_WITH_TIMEOUT(client.isLive(), 10000);
        QCOMPARE(sql.count(QStringLiteral("SELECT count(*) FROM teller.staff_sessions WHERE workstation = 'pooled-window' "
                                          "AND ended_at IS NULL")),
                 qint64(1));
        client.signOut();
        QTRY_COMPARE_WITH_TIMEOUT(sql.count(QStringLiteral("SELECT count(*) FROM teller.staff_sessions WHERE workstation = "
                                                           "'pooled-window' AND ended_at IS NULL")),
                                  qint64(0), 10000);
    }
};

QTEST_GUILESS_MAIN(TestPooledLogin)
#include "tst_pooled_login.moc"
