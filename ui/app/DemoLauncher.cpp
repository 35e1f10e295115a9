#include "DemoLauncher.h"

#include "Demo.h"

using namespace teller;

DemoLauncher::DemoLauncher(QObject *parent) : QObject(parent)
{
    LocalServer::Options options;
    options.baseDir = demo::defaultBaseDir();
    m_server = std::make_unique<LocalServer>(options);
}

DemoLauncher::~DemoLauncher()
{
    if (m_thread)
        m_thread->wait();
    stop();
}

void DemoLauncher::start()
{
    m_thread = QThread::create([this] {
        m_wasRunning = m_server->isRunning();
        auto settings = demo::startServer(*m_server);
        QMetaObject::invokeMethod(
            this,
            [this, settings] {
                if (settings)
                    Q_EMIT ready(*settings);
                else
                    Q_EMIT failed(settings.error().message);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("teller-demo"));
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    connect(m_thread, &QObject::destroyed, this, [this] { m_thread = nullptr; });
    m_thread->start();
}

void DemoLauncher::stop()
{
    // A demo server someone else started (tellerctl demo start) keeps running.
    if (!m_wasRunning)
        m_server->stop();
}
