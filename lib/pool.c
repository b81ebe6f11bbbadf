/* Threads beside the calling thread, waited for on a condition variable. */
#include "pool.h"

#include <errno.h>
#include <pthread.h>
#include <time.h>

#define REPORT_MS 100

typedef struct pool {
    pthread_mutex_t lock;
    pthread_cond_t finished;
    size_t running; /* threads started and not finished; under lock */
} pool;

typedef struct slot {
    pool *pool;
    champ_job_fn job;
    void *arg;
    pthread_t thread;
    int threaded;
} slot;

static void *thread_main(void *arg)
{
    slot *s = arg;
    s->job(s->arg);
    pthread_mutex_lock(&s->pool->lock);
    s->pool->running--;
    pthread_cond_signal(&s->pool->finished);
    pthread_mutex_unlock(&s->pool->lock);
    return NULL;
}

/* A mutex and a condition variable on the monotonic clock; 0 when they
 * cannot be had (then every job runs on the calling thread). */
static int pool_init(pool *p)
{
    pthread_condattr_t attr;
    if (pthread_condattr_init(&attr))
        return 0;
    int ok = pthread_condattr_setclock(&attr, CLOCK_MONOTONIC) == 0 &&
             pthread_cond_init(&p->finished, &attr) == 0;
    pthread_condattr_destroy(&attr);
    if (ok && pthread_mutex_init(&p->lock, NULL)) {
        pthread_cond_destroy(&p->finished);
        ok = 0;
    }
    p->running = 0;
    return ok;
}

static void pool_destroy(pool *p)
{
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->finished);
}

static void start_threads(pool *p, slot *slots, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        pthread_mutex_lock(&p->lock);
        p->running++;
        pthread_mutex_unlock(&p->lock);
        slots[i].threaded = pthread_create(&slots[i].thread, NULL, thread_main, &slots[i]) == 0;
        if (!slots[i].threaded) { /* no thread to be had: it runs on the caller */
            pthread_mutex_lock(&p->lock);
            p->running--;
            pthread_mutex_unlock(&p->lock);
        }
    }
}

/* Whether every thread has finished; waits up to `ms` for it. */
static int wait_threads(pool *p, unsigned ms)
{
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_nsec += (long)ms * 1000000L;
    until.tv_sec += until.tv_nsec / 1000000000L;
    until.tv_nsec %= 1000000000L;
    pthread_mutex_lock(&p->lock);
    int rc = 0;
    while (p->running > 0 && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&p->finished, &p->lock, &until);
    int all = p->running == 0;
    pthread_mutex_unlock(&p->lock);
    return all;
}

static champ_status report(const champ_run *run)
{
    if (!run->phase)
        return CHAMP_OK;
    double done = run->total ? (double)atomic_load(run->done) / (double)run->total : 1;
    return champ__progress(run->progress, run->phase, done > 1 ? 1 : done);
}

champ_status champ__run(const champ_run *run)
{
    slot slots[CHAMP_POOL_MAX];
    pool p;
    size_t n = run->jobs < CHAMP_POOL_MAX ? run->jobs : CHAMP_POOL_MAX;
    int threads = run->threads && pool_init(&p);
    for (size_t i = 0; i < n; i++)
        slots[i] = (slot){&p, run->job, run->args[i], (pthread_t){0}, 0};
    if (threads)
        start_threads(&p, slots, n);
    if (run->threaded) {
        *run->threaded = threads;
        for (size_t i = 0; i < n; i++)
            *run->threaded &= slots[i].threaded;
    }

    champ_status st = run->beside ? run->beside(run->beside_arg) : CHAMP_OK;
    if (threads) {
        while (!st && !wait_threads(&p, REPORT_MS))
            st = report(run);
    }
    if (st)
        atomic_store(run->cancel, 1);
    for (size_t i = 0; i < n; i++) {
        if (slots[i].threaded)
            pthread_join(slots[i].thread, NULL);
        else
            run->job(run->args[i]);
    }
    if (threads)
        pool_destroy(&p);
    return st;
}
