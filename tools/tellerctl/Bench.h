#pragma once

#include "ConnectionSettings.h"
#include "Failure.h"
#include "Result.h"

#include <QJsonObject>
#include <QString>

#include <chrono>

// `tellerctl bench`: drives the core's real path (ActionExecutor, the same keys, fingerprints
// and retries the window uses) with N concurrent clients for a while and reports throughput,
// latency percentiles, retries, rejections, errors, the account cache's hit rate and the
// invariant check afterwards. Run by an admin login: it creates (once) the login
// "bench_teller" and the accounts BENCH000001…, funds them through the real deposit path,
// and removes nothing.
struct BenchOptions
{
    int clients = 8;
    std::chrono::seconds duration{10};
    QString scenario = QStringLiteral("uniform"); // uniform, hot, transfer, replay
    int accounts = 1000;
};

teller::Result<QJsonObject> runBench(const teller::ConnectionSettings &admin, const teller::SessionOptions &session,
                                     const teller::RetryPolicy &policy, const BenchOptions &options);
