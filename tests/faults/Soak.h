#pragma once

#include <QString>
#include <QStringList>

#include <chrono>

// Many clients through the fault proxy doing random withdrawals, deposits and transfers while
// faults are injected at random; afterwards every in-doubt key is settled by reconciliation,
// and every invariant and every client's view of every key is checked against the server.
// Used by tst_soak (seconds, in CI) and by teller_soak (--duration for long runs).
struct SoakOptions
{
    std::chrono::seconds duration{5};
    int clients = 8;
};

struct SoakReport
{
    // inDoubt keys are settled afterwards: inDoubtThatHappened had reached the server,
    // inDoubtResubmitted had not and were sent again with their key. notSent: refused at every
    // attempt before anything was sent (the server must not know the key). Any other error is a
    // problem.
    int operations = 0, completed = 0, rejected = 0, busy = 0, inDoubt = 0, inDoubtThatHappened = 0, inDoubtResubmitted = 0, notSent = 0,
        errors = 0;
    int retries = 0, replays = 0;
    int faults = 0, resets = 0, swallowedCommits = 0, stalls = 0, latencyChanges = 0;
    QStringList problems; // empty when everything holds
    QString summary() const;
};

SoakReport runSoak(const SoakOptions &options);
