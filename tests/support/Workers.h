#pragma once

#include <QList>
#include <QThread>

#include <functional>
#include <latch>
#include <memory>
#include <vector>

// Runs `count` workers, each on its own thread, and waits for all of them. A worker prepares
// (typically: opens its own database session, which must be made, used and closed on its own
// thread), calls startLine() to wait until every worker is ready, and then does its work, so
// that all of them hit the server at once.
template <typename Result>
QList<Result> runOnThreads(int count, const std::function<Result(int index, const std::function<void()> &startLine)> &worker)
{
    QList<Result> results(count);
    std::latch ready(count);
    const std::function<void()> startLine = [&ready] { ready.arrive_and_wait(); };
    std::vector<std::unique_ptr<QThread>> threads;
    threads.reserve(size_t(count));
    for (int i = 0; i < count; ++i)
        threads.emplace_back(QThread::create([&, i] { results[i] = worker(i, startLine); }));
    for (auto &t : threads)
        t->start();
    for (auto &t : threads)
        t->wait();
    return results;
}
