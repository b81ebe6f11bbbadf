/* Brandes' algorithm on the tie rows of champ_graph (each row lists T(v),
 * which is exactly the neighbourhood in the undirected tie graph).
 *
 * Repeatable to the bit: the sources are split into CHAMP_BRIDGING_PARTS
 * fixed slices, each slice sums its sources in order into its own array,
 * and the slices are added in order at the end, whatever the number of
 * cores or threads that actually ran. */
#include "bridging.h"
#include "errors.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define AUTO_SAMPLES 256
#define EXACT_BUDGET 1e9 /* people x tie pairs (SPEC 3) */

size_t champ__bridging_sources(const champ_graph *g, size_t samples)
{
    size_t tie_pairs = g->start[g->n] / 2;
    size_t k = samples;
    if (k == 0)
        k = (double)g->n * (double)tie_pairs <= EXACT_BUDGET ? g->n : AUTO_SAMPLES;
    return k < g->n ? k : g->n;
}

/* splitmix64: a small, well-mixed generator of our own (no global state). */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, bound) without modulo bias. */
static uint64_t random_below(uint64_t *state, uint64_t bound)
{
    uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    uint64_t r;
    do
        r = next_random(state);
    while (r >= limit);
    return r % bound;
}

/* k distinct sources, uniformly: the first k of a partial Fisher-Yates
 * shuffle of 0..n-1 seeded with `seed` (all people, in order, when k == n). */
static uint32_t *draw_sources(size_t n, size_t k, uint64_t seed)
{
    uint32_t *perm = malloc((n ? n : 1) * sizeof *perm);
    if (!perm)
        return NULL;
    for (size_t i = 0; i < n; i++)
        perm[i] = (uint32_t)i;
    if (k < n) {
        uint64_t state = seed;
        for (size_t i = 0; i < k; i++) {
            size_t j = i + (size_t)random_below(&state, n - i);
            uint32_t tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
    }
    return perm;
}

/* Scratch of one part: per person distance, path count, dependency, and
 * the BFS order (which is also the stack of the accumulation). */
typedef struct scratch {
    int32_t *dist;
    double *sigma, *delta;
    uint32_t *order;
} scratch;

static void scratch_free(scratch *w)
{
    free(w->dist);
    free(w->sigma);
    free(w->delta);
    free(w->order);
}

static int scratch_init(scratch *w, size_t n)
{
    size_t cells = n ? n : 1;
    w->dist = malloc(cells * sizeof *w->dist);
    w->sigma = calloc(cells, sizeof *w->sigma);
    w->delta = calloc(cells, sizeof *w->delta);
    w->order = malloc(cells * sizeof *w->order);
    if (!w->dist || !w->sigma || !w->delta || !w->order) {
        scratch_free(w);
        return -1;
    }
    for (size_t v = 0; v < n; v++)
        w->dist[v] = -1;
    return 0;
}

/* Add delta_s(v) for every v != s to sum[v]; leaves the scratch clean. */
static void from_source(const champ_graph *g, uint32_t s, scratch *w, double *sum)
{
    const size_t *start = g->start;
    const uint32_t *nbr = g->nbr;
    int32_t *dist = w->dist;
    double *sigma = w->sigma, *delta = w->delta;
    uint32_t *order = w->order;
    size_t head = 0, tail = 1;
    order[0] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
        uint32_t v = order[head++];
        int32_t next = dist[v] + 1;
        for (size_t t = start[v]; t < start[v + 1]; t++) {
            uint32_t u = nbr[t];
            if (dist[u] < 0) {
                dist[u] = next;
                order[tail++] = u;
            }
            if (dist[u] == next)
                sigma[u] += sigma[v];
        }
    }
    /* Dependencies, farthest first: delta(u) += sigma(u)/sigma(v) (1 + delta(v))
     * for every predecessor u of v (a neighbour one step closer to s). */
    for (size_t i = tail; i-- > 1;) {
        uint32_t v = order[i];
        int32_t prev = dist[v] - 1;
        double share = (1 + delta[v]) / sigma[v];
        for (size_t t = start[v]; t < start[v + 1]; t++) {
            uint32_t u = nbr[t];
            if (dist[u] == prev)
                delta[u] += sigma[u] * share;
        }
        sum[v] += delta[v];
    }
    for (size_t i = 0; i < tail; i++) {
        uint32_t v = order[i];
        dist[v] = -1;
        sigma[v] = 0;
        delta[v] = 0;
    }
}

static void *run_part(void *arg)
{
    champ_bridging_part *p = arg;
    champ_bridging *job = p->job;
    scratch w;
    if (scratch_init(&w, job->g->n)) {
        p->status = CHAMP_ERR_NOMEM;
    } else {
        for (size_t i = p->first; i < p->end && !atomic_load(&job->cancel); i++) {
            from_source(job->g, job->sources[i], &w, p->sum);
            atomic_fetch_add(&job->done, 1);
        }
        scratch_free(&w);
    }
    if (p->threaded)
        atomic_fetch_sub(&job->running, 1);
    return NULL;
}

static void release(champ_bridging *job)
{
    for (int i = 0; i < CHAMP_BRIDGING_PARTS; i++)
        free(job->part[i].sum);
    free(job->sources);
}

champ_status champ__bridging_start(champ_bridging *job, const champ_graph *g, size_t k,
                                   uint64_t seed)
{
    memset(job, 0, sizeof *job);
    job->g = g;
    job->k = k;
    atomic_init(&job->done, 0);
    atomic_init(&job->running, 0);
    atomic_init(&job->cancel, 0);
    int ok = (job->sources = draw_sources(g->n, k, seed)) != NULL;
    for (int i = 0; i < CHAMP_BRIDGING_PARTS; i++) {
        champ_bridging_part *p = &job->part[i];
        p->job = job;
        p->first = k * (size_t)i / CHAMP_BRIDGING_PARTS;
        p->end = k * (size_t)(i + 1) / CHAMP_BRIDGING_PARTS;
        ok = ok && (p->sum = calloc(g->n ? g->n : 1, sizeof *p->sum)) != NULL;
    }
    if (!ok) {
        release(job);
        return champ__nomem();
    }
    /* Threads only pay on graphs big enough to need them. */
    int threads = (double)k * (double)(g->n + g->start[g->n]) > 1e6;
    for (int i = 0; threads && i < CHAMP_BRIDGING_PARTS; i++) {
        champ_bridging_part *p = &job->part[i];
        if (p->first == p->end)
            continue;
        p->threaded = 1;
        atomic_fetch_add(&job->running, 1);
        if (pthread_create(&p->thread, NULL, run_part, p) != 0) {
            p->threaded = 0; /* no thread to be had: it runs in finish() */
            atomic_fetch_sub(&job->running, 1);
        }
    }
    return CHAMP_OK;
}

int champ__bridging_wait(champ_bridging *job, unsigned ms)
{
    struct timespec step = {0, 10 * 1000 * 1000};
    for (unsigned waited = 0; atomic_load(&job->running) > 0; waited += 10) {
        if (waited >= ms)
            return 0;
        nanosleep(&step, NULL);
    }
    return 1;
}

champ_status champ__bridging_finish(champ_bridging *job, double *bridging)
{
    champ_status st = CHAMP_OK;
    for (int i = 0; i < CHAMP_BRIDGING_PARTS; i++) {
        champ_bridging_part *p = &job->part[i];
        if (p->threaded)
            pthread_join(p->thread, NULL);
        else
            run_part(p);
        if (p->status && !st)
            st = p->status;
    }
    if (atomic_load(&job->cancel))
        st = CHAMP_ERR_CANCELLED; /* the caller says why */
    else if (st == CHAMP_ERR_NOMEM)
        st = champ__nomem();
    if (!st) {
        /* SPEC 4.5: (n/k) sum over s of delta_s(v) / 2, over (n-1)(n-2)/2 pairs. */
        const champ_graph *g = job->g;
        double n = (double)g->n;
        double scale = g->n < 3 ? 0 : n / (double)job->k / 2 / ((n - 1) * (n - 2) / 2);
        for (size_t v = 0; v < g->n; v++) {
            double sum = 0;
            for (int i = 0; i < CHAMP_BRIDGING_PARTS; i++)
                sum += job->part[i].sum[v];
            bridging[v] = sum * scale;
        }
    }
    release(job);
    return st;
}

champ_status champ__bridging(const champ_graph *g, size_t k, uint64_t seed, double *bridging)
{
    champ_bridging job;
    champ_status st = champ__bridging_start(&job, g, k, seed);
    return st ? st : champ__bridging_finish(&job, bridging);
}
