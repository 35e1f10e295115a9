#pragma once

#include "ConnectionSettings.h"
#include "LocalServer.h"

#include <QObject>
#include <QThread>

#include <memory>

// `teller --demo`: a private PostgreSQL server in the user's data folder, migrated and seeded
// with a branch's demo staff and accounts, started on a worker thread (initdb takes a few
// seconds the first time) and stopped when the application quits.
class DemoLauncher : public QObject
{
    Q_OBJECT

public:
    explicit DemoLauncher(QObject *parent = nullptr);
    ~DemoLauncher() override;

    void start();
    void stop();
    teller::LocalServer &server() { return *m_server; }

Q_SIGNALS:
    void ready(const teller::ConnectionSettings &superuser);
    void failed(const QString &message);

private:
    std::unique_ptr<teller::LocalServer> m_server;
    QThread *m_thread = nullptr;
    bool m_wasRunning = false;
};
