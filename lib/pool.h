/* Work on threads beside the calling thread: the one place where the
 * library starts, waits for and joins threads, and tells the progress
 * callback while it waits. Jobs get everything they need before they start
 * and must not allocate: a job's outcome, and the order of the library's
 * allocation requests, then never depend on how the threads are scheduled
 * (the allocation-failure test relies on that). Private to lib/. */
#ifndef CHAMP_POOL_H
#define CHAMP_POOL_H

#include "champions.h"
#include "progress.h"

#include <stdatomic.h>
#include <stddef.h>

/* The most jobs one call runs: two cores are what the library is tuned for,
 * and every split of work is fixed in advance (results never depend on how
 * many threads actually ran). */
#define CHAMP_POOL_MAX 4

typedef void (*champ_job_fn)(void *arg);

/* What the calling thread does while the jobs run; its status ends the
 * call early (the jobs are told to stop through `cancel`). */
typedef champ_status (*champ_beside_fn)(void *arg);

typedef struct champ_run {
    size_t jobs;             /* 1 .. CHAMP_POOL_MAX */
    champ_job_fn job;
    void *const *args;       /* args[i] for job i */
    int threads;             /* 0: run every job on the calling thread */
    champ_beside_fn beside;  /* NULL: the calling thread only waits */
    void *beside_arg;
    /* Progress while waiting: `phase` with *done / total, every 100 ms. */
    const champ_progress *progress;
    const char *phase;
    const atomic_size_t *done;
    size_t total;
    atomic_int *cancel;      /* set when the call ends early; the jobs poll it */
    /* When not NULL: set before `beside` runs to whether every job has a
     * thread of its own (0: the jobs run on the calling thread after
     * beside, so beside must not count on their work meanwhile). */
    int *threaded;
} champ_run;

/* Start each job on a thread of its own (when `threads` and a thread can be
 * made), run `beside` on the calling thread, wait for the jobs while
 * reporting progress, and run on the calling thread the jobs that got no
 * thread. Returns beside's status, else CHAMP_ERR_CANCELLED (with the
 * progress callback's message) when the callback asked to stop, else
 * CHAMP_OK. Every job has finished when it returns. */
champ_status champ__run(const champ_run *run);

#endif
