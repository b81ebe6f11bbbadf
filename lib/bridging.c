/* Brandes' algorithm on the tie rows of champ_graph (each row lists T(v),
 * which is exactly the neighbourhood in the undirected tie graph).
 *
 * Repeatable to the bit: the sources are split into CHAMP_BRIDGING_PARTS
 * fixed slices, each slice sums its sources in order into its own array,
 * and the slices are added in order at the end, whatever the number of
 * cores or threads that actually ran. */
#include "bridging.h"
#include "errors.h"
#include "network.h"
#include "pool.h"
#include "random.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

#define AUTO_SAMPLES 256
#define EXACT_BUDGET 1e9 /* people x tie pairs (SPEC 3) */

size_t champ__bridging_sources(const champ_graph *g, size_t samples)
{
    size_t tie_pairs = g->counted_ends / 2;
    size_t k = samples;
    if (k == 0)
        k = (double)g->n * (double)tie_pairs <= EXACT_BUDGET ? g->n : AUTO_SAMPLES;
    return k < g->n ? k : g->n;
}

/* A person's place in the draw: their id's bytes (FNV-1a) mixed with the
 * seed (splitmix64), the id itself breaking ties. */
typedef struct source_key {
    uint64_t key;
    uint32_t person;
    const char *id;
} source_key;

static int by_source_key(const void *a, const void *b)
{
    const source_key *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Whether a comes after b in the draw. */
static int later(const source_key *a, const source_key *b)
{
    return by_source_key(a, b) > 0;
}

/* Restore the max-heap h[0..n) (the latest in the draw at the root) below i. */
static void sift_down(source_key *h, size_t n, size_t i)
{
    for (;;) {
        size_t top = i, l = 2 * i + 1, r = l + 1;
        if (l < n && later(&h[l], &h[top]))
            top = l;
        if (r < n && later(&h[r], &h[top]))
            top = r;
        if (top == i)
            return;
        source_key t = h[i];
        h[i] = h[top];
        h[top] = t;
        i = top;
    }
}

/* k distinct sources, uniformly: the k people whose ids hash, with the
 * seed, to the smallest keys, in key order -- a draw by who people are,
 * not by where the export lists them, so that the same network ranks the
 * same from any order of its records (all people, in order, when k >= n).
 * The k smallest are kept in a heap as the keys are made (n log k, not a
 * sort of everyone: a resample of --confidence draws afresh each time). */
static uint32_t *draw_sources(const champ_network *net, size_t n, size_t k, uint64_t seed)
{
    if (k > n)
        k = n;
    uint32_t *sources = malloc((k ? k : 1) * sizeof *sources);
    if (!sources)
        return NULL;
    if (k == n || k == 0) {
        for (size_t i = 0; i < k; i++)
            sources[i] = (uint32_t)i;
        return sources;
    }
    source_key *heap = malloc(k * sizeof *heap);
    if (!heap) {
        free(sources);
        return NULL;
    }
    uint64_t salt = seed;
    salt = champ__random_next(&salt);
    size_t held = 0;
    for (uint32_t v = 0; v < n; v++) {
        const char *id = champ_strtab_get(&net->ids, v);
        uint64_t h = 0xcbf29ce484222325ULL;
        for (size_t i = 0, len = champ_strtab_len(&net->ids, v); i < len; i++)
            h = (h ^ (unsigned char)id[i]) * 0x100000001b3ULL;
        uint64_t state = h ^ salt;
        source_key key = {champ__random_next(&state), v, id};
        if (held < k) {
            heap[held++] = key;
            if (held == k)
                for (size_t i = k / 2; i-- > 0;)
                    sift_down(heap, k, i);
        } else if (later(&heap[0], &key)) {
            heap[0] = key;
            sift_down(heap, k, 0);
        }
    }
    qsort(heap, k, sizeof *heap, by_source_key);
    for (size_t i = 0; i < k; i++)
        sources[i] = heap[i].person;
    free(heap);
    return sources;
}

/* Two kernels of the same algorithm, chosen by size; both give the same
 * sums, to the last bit but for the order of additions, and the bridging
 * suite checks each against igraph.
 *
 * Small networks (fewer than CHAMP_BRIDGING_LARGE_PEOPLE people): all the
 * state sits in the cache; the simplest loop is fastest. Per person a
 * packed {sigma, delta, dist}.
 *
 * Large networks: the passes are memory-bound. Per person 16 bytes {sigma,
 * delta} (four to a cache line); two bitmaps of the people, `seen` (at the
 * current distance or closer) and `next` (reached at the next distance),
 * an eighth of a megabyte for a million people, stay in the cache and
 * dismiss an arc back to a person already seen -- about half of all arcs --
 * without touching that person's state; and the state of the people a few
 * arcs ahead is asked for early (prefetch). On L (a million people) this
 * takes about 30 % less CPU than the small kernel; on S (10k) it is slower. */

typedef struct champ_bridging_node_d {
    double sigma, delta;
    int32_t dist; /* -1: not reached */
} node_d;

typedef struct champ_bridging_node {
    double sigma, delta;
} node;

/* A shortest-path arc of one source's pass: pred is one step closer to it. */
typedef struct champ_bridging_arc {
    uint32_t pred, child;
} arc;

typedef champ_bridging_scratch scratch;

#define AHEAD 8 /* how many arcs ahead the large kernel prefetches */

#define BIT(b, v) ((b)[(v) >> 6] & (UINT64_C(1) << ((v) & 63)))
#define SET(b, v) ((b)[(v) >> 6] |= UINT64_C(1) << ((v) & 63))
#define CLEAR(b, v) ((b)[(v) >> 6] &= ~(UINT64_C(1) << ((v) & 63)))

static void scratch_free(scratch *w)
{
    free(w->level_arcs);
    free(w->small);
    free(w->nodes);
    free(w->order);
    free(w->arcs);
    free(w->seen);
    free(w->next);
    memset(w, 0, sizeof *w);
}

static int scratch_init(scratch *w, size_t n, size_t arcs, size_t large_people, int linear)
{
    size_t cells = n ? n : 1, words = n / 64 + 1;
    memset(w, 0, sizeof *w);
    w->n = n;
    w->linear = linear;
    w->order = malloc(cells * sizeof *w->order);
    w->arcs = malloc((arcs ? arcs : 1) * sizeof *w->arcs);
    int ok = w->order && w->arcs;
    if (n < large_people) {
        ok = ok && (w->small = malloc(cells * sizeof *w->small)) != NULL;
        for (size_t v = 0; ok && v < n; v++)
            w->small[v] = (node_d){0, 0, -1};
    } else {
        ok = ok && (w->nodes = calloc(cells, sizeof *w->nodes)) != NULL &&
             (w->seen = calloc(words, sizeof *w->seen)) != NULL &&
             (w->next = calloc(words, sizeof *w->next)) != NULL &&
             (!linear || (w->level_arcs = malloc((n + 1) * sizeof *w->level_arcs)) != NULL);
    }
    if (!ok) {
        scratch_free(w);
        return -1;
    }
    return 0;
}

/* The small kernel: add delta_s(v) for every v != s to sum[v]; leaves the
 * scratch clean. */
static void from_source_small(const size_t *start, const uint32_t *nbr, uint32_t s,
                              scratch *w, double *sum)
{
    node_d *nodes = w->small;
    uint32_t *order = w->order;
    arc *arcs = w->arcs;
    size_t head = 0, tail = 1, found = 0;
    order[0] = s;
    nodes[s].dist = 0;
    nodes[s].sigma = 1;
    while (head < tail) {
        uint32_t v = order[head++];
        int32_t next = nodes[v].dist + 1;
        double sigma = nodes[v].sigma;
        for (size_t t = start[v]; t < start[v + 1]; t++) {
            uint32_t c = nbr[t];
            node_d *u = &nodes[c];
            if (u->dist < 0) {
                u->dist = next;
                order[tail++] = c;
            }
            if (u->dist == next) {
                u->sigma += sigma;
                arcs[found++] = (arc){v, c};
            }
        }
    }
    /* Dependencies: delta(p) += sigma(p)/sigma(c) (1 + delta(c)) over the
     * arcs p -> c, last found first. An arc leaving c was found after every
     * arc entering c (c is scanned after it is reached), so delta(c) is
     * complete by the time it is used. */
    for (size_t a = found; a-- > 0;) {
        node_d *p = &nodes[arcs[a].pred];
        const node_d *c = &nodes[arcs[a].child];
        double part = p->sigma / c->sigma * (1 + c->delta);
        p->delta += w->linear ? part * (double)p->dist / (double)c->dist : part;
    }
    for (size_t i = 1; i < tail; i++)
        sum[order[i]] += nodes[order[i]].delta;
    for (size_t i = 0; i < tail; i++)
        nodes[order[i]] = (node_d){0, 0, -1};
}

/* The large kernel: the same, with the bitmaps and prefetching. */
static void from_source_large(const size_t *start, const uint32_t *nbr, uint32_t s,
                              scratch *w, double *sum)
{
    node *nodes = w->nodes;
    uint32_t *order = w->order;
    arc *arcs = w->arcs;
    uint64_t *seen = w->seen, *next = w->next;
    size_t head = 0, tail = 1, found = 0, level_end = 1, arcs_end = start[w->n], level = 0;
    size_t *level_arcs = w->level_arcs; /* linear: where each distance's arcs begin */
    order[0] = s;
    SET(seen, s);
    nodes[s].sigma = 1;
    if (level_arcs)
        level_arcs[0] = 0;
    while (head < tail) {
        if (head == level_end) { /* the next distance begins: what it reached is seen */
            for (size_t i = level_end; i < tail; i++) {
                SET(seen, order[i]);
                CLEAR(next, order[i]);
            }
            level_end = tail;
            if (level_arcs)
                level_arcs[++level] = found;
        }
        uint32_t v = order[head++];
        double sigma = nodes[v].sigma;
        size_t end = start[v + 1];
        for (size_t t = start[v]; t < end; t++) {
            if (t + AHEAD < arcs_end && !BIT(seen, nbr[t + AHEAD]))
                __builtin_prefetch(&nodes[nbr[t + AHEAD]]);
            uint32_t c = nbr[t];
            if (BIT(seen, c))
                continue; /* as close to s as v, or closer */
            if (!BIT(next, c)) {
                SET(next, c);
                order[tail++] = c;
            }
            nodes[c].sigma += sigma;
            arcs[found++] = (arc){v, c};
        }
    }
    double scale = 1; /* linear: the pred's distance over the child's */
    for (size_t a = found; a-- > 0;) { /* as in the small kernel */
        if (a >= AHEAD)
            __builtin_prefetch(&nodes[arcs[a - AHEAD].child]);
        if (level_arcs) {
            while (a < level_arcs[level])
                level--;
            scale = (double)level / (double)(level + 1);
        }
        node *p = &nodes[arcs[a].pred];
        const node *c = &nodes[arcs[a].child];
        p->delta += p->sigma / c->sigma * (1 + c->delta) * scale;
    }
    for (size_t i = 1; i < tail; i++)
        sum[order[i]] += nodes[order[i]].delta;
    for (size_t i = 0; i < tail; i++) {
        nodes[order[i]] = (node){0, 0};
        CLEAR(seen, order[i]);
        CLEAR(next, order[i]);
    }
}

static void from_source(const size_t *start, const uint32_t *nbr, uint32_t s, scratch *w,
                        double *sum)
{
    if (w->small)
        from_source_small(start, nbr, s, w, sum);
    else
        from_source_large(start, nbr, s, w, sum);
}

void champ__bridging_part(void *arg)
{
    champ_bridging_part *p = arg;
    champ_bridging *job = p->job;
    for (size_t i = p->first; i < p->end && !atomic_load(&job->cancel); i++) {
        from_source(job->start, job->nbr, job->sources[i], &p->scratch, p->sum);
        atomic_fetch_add(&job->done, 1);
    }
}

void champ__bridging_release(champ_bridging *job)
{
    for (int i = 0; i < CHAMP_BRIDGING_PARTS; i++) {
        free(job->part[i].sum);
        scratch_free(&job->part[i].scratch);
    }
    free(job->sources);
    free(job->start);
    free(job->nbr);
    free(job->place);
}

/* The people in breadth-first order, component after component. */
static void breadth_first(const champ_graph *g, uint32_t *order, uint32_t *seen_at)
{
    size_t tail = 0;
    for (size_t v = 0; v < g->n; v++)
        seen_at[v] = UINT32_MAX;
    for (size_t root = 0; root < g->n; root++) {
        if (seen_at[root] != UINT32_MAX)
            continue;
        seen_at[root] = (uint32_t)tail;
        order[tail++] = (uint32_t)root;
        for (size_t head = tail - 1; head < tail; head++) {
            uint32_t v = order[head];
            for (size_t t = g->start[v]; t < g->start[v + 1]; t++) {
                uint32_t u = g->nbr[t];
                if (seen_at[u] == UINT32_MAX) {
                    seen_at[u] = (uint32_t)tail;
                    order[tail++] = u;
                }
            }
        }
    }
}

/* Number the people team by team (teams sorted by name, so that teams of a
 * department named alike sit together; unknown team last), in breadth-first
 * order within a team, and copy the tie rows in that numbering. People tied
 * mostly among themselves then sit next to each other in memory, and the
 * passes of from_source() stay in cache far more often. */
static int renumber(champ_bridging *job, const champ_network *net)
{
    const champ_graph *g = job->g;
    size_t n = g->n, cells = n ? n : 1, arcs = g->start[n], teams = net->teams.count;
    uint32_t *bfs = malloc(cells * sizeof *bfs);
    uint32_t *team_rank = malloc((teams + 1) * sizeof *team_rank);
    size_t *bucket = calloc(teams + 2, sizeof *bucket);
    job->place = malloc(cells * sizeof *job->place);
    job->start = malloc((n + 1) * sizeof *job->start);
    job->nbr = malloc((arcs ? arcs : 1) * sizeof *job->nbr);
    int ok = bfs && team_rank && bucket && job->place && job->start && job->nbr &&
             champ__strtab_ranks(&net->teams, team_rank) == 0;
    if (ok) {
        team_rank[teams] = (uint32_t)teams; /* the unknown team, after all */
        breadth_first(g, bfs, job->place);
        /* counting sort of the breadth-first order by team rank */
        for (size_t v = 0; v < n; v++) {
            uint32_t t = net->team[v];
            bucket[team_rank[t == CHAMP_NONE ? teams : t] + 1]++;
        }
        for (size_t i = 1; i <= teams + 1; i++)
            bucket[i] += bucket[i - 1];
        for (size_t i = 0; i < n; i++) {
            uint32_t v = bfs[i], t = net->team[v];
            job->place[v] = (uint32_t)bucket[team_rank[t == CHAMP_NONE ? teams : t]]++;
        }
        for (size_t v = 0; v < n; v++)
            bfs[job->place[v]] = (uint32_t)v; /* now: number -> person */
        size_t e = 0;
        for (size_t i = 0; i < n; i++) {
            uint32_t v = bfs[i];
            job->start[i] = e;
            for (size_t t = g->start[v]; t < g->start[v + 1]; t++)
                if (champ__graph_counts(g, t))
                    job->nbr[e++] = job->place[g->nbr[t]];
        }
        job->start[n] = e;
    }
    free(bfs);
    free(team_rank);
    free(bucket);
    return ok ? 0 : -1;
}

champ_status champ__bridging_prepare(champ_bridging *job, const champ_graph *g,
                                     const champ_network *net, size_t k, uint64_t seed,
                                     champ_estimate estimate, size_t large_people)
{
    memset(job, 0, sizeof *job);
    job->g = g;
    job->k = k;
    job->linear = estimate == CHAMP_ESTIMATE_LINEAR;
    atomic_init(&job->done, 0);
    atomic_init(&job->cancel, 0);
    int ok = (job->sources = draw_sources(net, g->n, k, seed)) != NULL &&
             renumber(job, net) == 0;
    for (size_t i = 0; ok && i < k; i++)
        job->sources[i] = job->place[job->sources[i]];
    for (int i = 0; ok && i < CHAMP_BRIDGING_PARTS; i++) {
        champ_bridging_part *p = &job->part[i];
        p->job = job;
        p->first = k * (size_t)i / CHAMP_BRIDGING_PARTS;
        p->end = k * (size_t)(i + 1) / CHAMP_BRIDGING_PARTS;
        ok = (p->sum = calloc(g->n ? g->n : 1, sizeof *p->sum)) != NULL &&
             scratch_init(&p->scratch, g->n, g->start[g->n], large_people, job->linear) == 0;
    }
    if (!ok) {
        champ__bridging_release(job);
        return champ__nomem();
    }
    return CHAMP_OK;
}

/* Threads only pay on graphs big enough to need them. */
int champ__bridging_wants_threads(const champ_bridging *job)
{
    const champ_graph *g = job->g;
    return (double)job->k * (double)(g->n + g->start[g->n]) > 1e6;
}

void champ__bridging_result(const champ_bridging *job, double *bridging)
{
    /* SPEC 4.5: (n/k) sum over s of delta_s(v) / 2, over (n-1)(n-2)/2 pairs.
     * Linear scaling counts each pair once over its two directions (the
     * weights d(s,v)/d(s,t) and d(t,v)/d(t,s) add up to 1), so without the
     * / 2. The parts' sums are added in order, whatever threads ran them. */
    const champ_graph *g = job->g;
    double n = (double)g->n;
    double scale = g->n < 3 ? 0
                            : n / (double)job->k / (job->linear ? 1 : 2) / ((n - 1) * (n - 2) / 2);
    for (size_t v = 0; v < g->n; v++) {
        double sum = 0;
        for (int i = 0; i < CHAMP_BRIDGING_PARTS; i++)
            sum += job->part[i].sum[job->place[v]];
        bridging[v] = sum * scale;
    }
}

champ_status champ__bridging(const champ_graph *g, const champ_network *net, size_t k,
                             uint64_t seed, champ_estimate estimate, size_t large_people,
                             double *bridging)
{
    champ_bridging job;
    champ_status st = champ__bridging_prepare(&job, g, net, k, seed, estimate, large_people);
    if (st)
        return st;
    void *parts[CHAMP_BRIDGING_PARTS];
    for (int i = 0; i < CHAMP_BRIDGING_PARTS; i++)
        parts[i] = &job.part[i];
    champ_run run = {.jobs = CHAMP_BRIDGING_PARTS, .job = champ__bridging_part, .args = parts,
                     .threads = champ__bridging_wants_threads(&job), .cancel = &job.cancel};
    if (!(st = champ__run(&run)))
        champ__bridging_result(&job, bridging);
    champ__bridging_release(&job);
    return st;
}
