#pragma once
// What the window's tests share: finding a widget by name, signing in through the real sign-in
// dialog (directly, or through a fault proxy's port), and a client set up as the tests use it.

#include "PgTestServer.h"

#include <LoginDialog.h>
#include <MainWindow.h>

#include "TellerClient.h"

#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

namespace desktest {

template <typename T> T *find(QObject *root, const char *name)
{
    T *w = root->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("widget %s not found", name);
    return w;
}

// Types the test server's address, the login and the password into the sign-in dialog.
inline void fillLogin(LoginDialog *d, const QString &database, const QString &login, const QString &password)
{
    const teller::ConnectionSettings s = PgTestServer::instance().staff(database, login);
    const auto type = [&](const char *name, const QString &text) {
        auto *edit = find<QLineEdit>(d, name);
        edit->clear();
        QTest::keyClicks(edit, text);
    };
    type("loginEdit", login);
    type("passwordEdit", password);
    type("hostEdit", s.value(QStringLiteral("host")));
    find<QLineEdit>(d, "portEdit")->setText(s.value(QStringLiteral("port")));
    type("databaseEdit", database);
}

// Signs in with the test password and Enter; `proxyPort` (a FaultProxy's, no TLS between it
// and the server) instead of the server's own address when given. True once the window shows.
inline bool signIn(MainWindow *window, const QString &database, const QString &login, quint16 proxyPort = 0)
{
    LoginDialog *d = window->showSignIn(false);
    if (!QTest::qWaitForWindowExposed(d))
        return false;
    fillLogin(d, database, login, QString::fromUtf16(PgTestServer::Password));
    if (proxyPort) {
        find<QLineEdit>(d, "hostEdit")->setText(QStringLiteral("127.0.0.1"));
        find<QLineEdit>(d, "portEdit")->setText(QString::number(proxyPort));
    }
    QTest::keyClick(find<QLineEdit>(d, "passwordEdit"), Qt::Key_Return);
    return QTest::qWaitFor([&] { return window->isVisible(); }, 10000);
}

// A client with short retries and a journal of the current test function's own in `dir`.
inline std::unique_ptr<teller::TellerClient> makeClient(const QTemporaryDir &dir)
{
    auto client = std::make_unique<teller::TellerClient>();
    teller::RetryPolicy policy;
    policy.maxRetries = 4;
    policy.baseDelay = std::chrono::milliseconds(50);
    client->setRetryPolicy(policy);
    client->setJournalPath(dir.filePath(QStringLiteral("journal-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
    return client;
}

// After every test: the window and its client go (the client's threads end), then the
// database's invariants are checked (every balance its movements, the ledger two-sided, …).
inline QStringList endTest(std::unique_ptr<MainWindow> &window, std::unique_ptr<teller::TellerClient> &client, const QString &database)
{
    window.reset();
    client.reset();
    return Sql(database).invariantViolations();
}

} // namespace desktest
