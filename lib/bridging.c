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

/* The kernel. Each pass is memory-bound: every shortest-path arc is a
 * random access into per-person state, and on large networks that state
 * is far larger than the caches. So a pass runs up to CHAMP_BRIDGING_BATCH
 * sources at once (multi-source breadth-first search, after Then et al.,
 * "The More the Merrier: Efficient Multi-Source Graph Traversal", VLDB
 * 2014): one visit of a person at a given distance from *any* of the
 * batch's sources serves every source for which they sit at that distance,
 * so their tie row is read and their state touched once per distinct
 * distance, not once per source (on L, 8 sources list a person about 2.6
 * times, 16 about 3).
 *
 * Per person: one line of BATCH doubles, one per source (sigma during the
 * forward pass; (1 + delta) / sigma once the dependency is known), and two
 * masks of the batch's sources (`seen`: those that reached them at the
 * current distance or closer; `next`: those reaching them at the next
 * one). The forward pass lists (person, mask) distance by distance, a
 * large distance in the order of the people's numbers (see renumber()), so
 * the next one reads tie rows in memory order and neighbours sit close.
 * The backward pass walks the lists from the farthest distance in and
 * finds a person's children by the masks of the distance below, so no arc
 * is stored.
 *
 * On sparse networks (fewer than DENSE_DEGREE tie ends per person: a
 * month of a year's export, say) a batch's sources rarely share a
 * distance, and one source at a time is faster: from_source(), Brandes'
 * algorithm as published, with the shortest-path arcs kept.
 *
 * Measured, bridging alone, against one source at a time: about 3x less
 * time on M (100k people, 256 sources) and on L (1M people, 64 sources at
 * 16 a pass), 1.5x on S (10k people, exact), equal on a thousand people;
 * 32 sources a pass against 16: 10-30 % less time for twice the memory
 * (~530 B per person and part; docs/performance.md). */

#define BATCH CHAMP_BRIDGING_BATCH
typedef uint32_t bmask; /* bit i: the batch's source i */

/* One source at a time (sparse networks, and the tests' second kernel):
 * per person a packed {sigma, delta, dist}, the shortest-path arcs kept. */
typedef struct champ_bridging_node_d {
    double sigma, delta;
    int32_t dist; /* -1: not reached */
} node_d;

/* A shortest-path arc of one source's pass: pred is one step closer to it. */
typedef struct champ_bridging_arc {
    uint32_t pred, child;
} arc;

typedef champ_bridging_scratch scratch;

#define AHEAD 8 /* how many arcs ahead the kernel prefetches */

/* CHAMP_BRIDGING_DENSE_DEGREE, measured on windows of M (100k people):
 * at 2.1 and 5.7 tie ends per person one source at a time was 1.9x and
 * 1.2x faster; at 10.1 and 16.4 the batch was 1.6x and 3x faster. */
#define DENSE_DEGREE CHAMP_BRIDGING_DENSE_DEGREE

#define SET(b, v) ((b)[(v) >> 6] |= UINT64_C(1) << ((v) & 63))
#define CLEAR(b, v) ((b)[(v) >> 6] &= ~(UINT64_C(1) << ((v) & 63)))

void champ__bridging_scratch_free(scratch *w)
{
    free(w->small);
    free(w->arcs);
    free(w->order);
    free(w->line);
    free(w->mask);
    free(w->levels);
    free(w->seen);
    free(w->next);
    free(w->found);
    memset(w, 0, sizeof *w);
}

static int scratch_init(scratch *w, size_t n, size_t arcs, size_t batch, int linear)
{
    size_t cells = n ? n : 1;
    memset(w, 0, sizeof *w);
    w->n = n;
    w->linear = linear;
    if (batch == 1) {
        int ok = (w->order = malloc(cells * sizeof *w->order)) != NULL &&
                 (w->arcs = malloc((arcs ? arcs : 1) * sizeof *w->arcs)) != NULL &&
                 (w->small = malloc(cells * sizeof *w->small)) != NULL;
        for (size_t v = 0; ok && v < n; v++)
            w->small[v] = (node_d){0, 0, -1};
        w->room = arcs;
        if (!ok)
            champ__bridging_scratch_free(w);
        return ok ? 0 : -1;
    }
    w->room = batch;
    /* a person is listed at most once per source: at most `batch` times */
    int ok = (w->order = malloc(cells * batch * sizeof *w->order)) != NULL &&
             (w->mask = malloc(cells * batch * sizeof(bmask))) != NULL &&
             (w->levels = malloc((cells + 2) * sizeof *w->levels)) != NULL &&
             (w->line = calloc(cells * BATCH, sizeof *w->line)) != NULL &&
             (w->seen = calloc(cells, sizeof(bmask))) != NULL &&
             (w->next = calloc(cells, sizeof(bmask))) != NULL &&
             (w->found = calloc(n / 64 + 1, sizeof *w->found)) != NULL;
    if (!ok) {
        champ__bridging_scratch_free(w);
        return -1;
    }
    return 0;
}

/* The part's scratch: `reuse` when it fits (the same people, the same
 * kind, room enough), else a new one (reuse, if any, released). */
static int scratch_take(scratch *w, scratch *reuse, size_t n, size_t arcs, size_t batch,
                        int linear)
{
    if (reuse && (reuse->small || reuse->line) && reuse->n == n &&
        (reuse->small != NULL) == (batch == 1) && reuse->room >= (batch == 1 ? arcs : batch)) {
        *w = *reuse;
        memset(reuse, 0, sizeof *reuse);
        w->linear = linear;
        return 0;
    }
    if (reuse)
        champ__bridging_scratch_free(reuse);
    return scratch_init(w, n, arcs, batch, linear);
}

/* One source: add delta_s(v) for every v != s to sum[v]; leaves the
 * scratch clean. */
static void from_source(const size_t *start, const uint32_t *nbr, uint32_t s, scratch *w,
                        double *sum)
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

/* One pass: sources src[0..b), b <= BATCH, distinct; adds delta_s(v) for
 * each of them and every v != s to sum[v]; leaves the scratch clean. */
static void from_batch(const size_t *start, const uint32_t *nbr, const uint32_t *src, size_t b,
                       scratch *w, double *sum)
{
    double(*line)[BATCH] = (double(*)[BATCH])w->line;
    uint32_t *order = w->order;
    bmask *mask = w->mask, *seen = w->seen, *next = w->next;
    uint64_t *found = w->found;
    size_t *levels = w->levels, tail = 0, d = 0;
    /* forward: distance d lists order[levels[d] .. levels[d + 1]) */
    for (size_t i = 0; i < b; i++) {
        order[tail] = src[i];
        mask[tail++] = (bmask)(1u << i);
        seen[src[i]] = (bmask)(1u << i);
        line[src[i]][i] = 1;
    }
    levels[0] = 0;
    levels[1] = tail;
    for (d = 0; levels[d] < levels[d + 1]; d++) {
        size_t end = levels[d + 1];
        for (size_t e = levels[d]; e < end; e++) {
            uint32_t v = order[e];
            unsigned m = mask[e];
            const double *sv = line[v];
            size_t stop = start[v + 1];
            for (size_t t = start[v]; t < stop; t++) {
                if (t + AHEAD < stop && (m & ~seen[nbr[t + AHEAD]]))
                    __builtin_prefetch(line[nbr[t + AHEAD]], 1);
                uint32_t u = nbr[t];
                unsigned fresh = m & ~(unsigned)seen[u];
                if (!fresh)
                    continue; /* as close to these sources as v, or closer */
                if (!next[u]) {
                    order[tail++] = u;
                    SET(found, u);
                }
                next[u] |= (bmask)fresh;
                double *su = line[u];
                do {
                    int i = __builtin_ctz(fresh);
                    su[i] += sv[i];
                    fresh &= fresh - 1;
                } while (fresh);
            }
        }
        /* Distance d + 1 is complete. Listed by number when it is large
         * (read off the bitmap of who was found, in n / 64 words): the
         * next pass then reads the tie rows in memory order, and the
         * neighbours of people numbered alike (team by team) sit close. */
        if ((tail - end) * 64 >= w->n) {
            size_t e = end;
            for (size_t word = 0; word <= w->n / 64; word++)
                for (uint64_t bits = found[word]; bits; bits &= bits - 1)
                    order[e++] = (uint32_t)(word * 64 + (size_t)__builtin_ctzll(bits));
            memset(found, 0, (w->n / 64 + 1) * sizeof *found);
        } else {
            for (size_t e = end; e < tail; e++)
                CLEAR(found, order[e]);
        }
        for (size_t e = end; e < tail; e++) {
            uint32_t u = order[e];
            mask[e] = next[u];
            seen[u] |= next[u];
            next[u] = 0;
        }
        levels[d + 2] = tail;
    }
    /* backward: distance d - 1 is the last listed. `next` (all zero again)
     * holds the masks of distance d + 1 while distance d is done; the
     * children of v for source i are its neighbours with bit i there, and
     * their lines already hold (1 + delta) / sigma, so
     *   delta_i(v) = sigma_i(v) * sum over children c of (1 + delta_i(c)) / sigma_i(c)
     * (times d / (d + 1) with linear scaling). The sources' own distance 0
     * needs nothing. */
    while (d-- > 1) {
        for (size_t e = levels[d + 1]; e < levels[d + 2]; e++)
            next[order[e]] = mask[e];
        double scale = w->linear ? (double)d / (double)(d + 1) : 1;
        for (size_t e = levels[d]; e < levels[d + 1]; e++) {
            uint32_t v = order[e];
            unsigned m = mask[e];
            double acc[BATCH] = {0};
            size_t stop = start[v + 1];
            for (size_t t = start[v]; t < stop; t++) {
                if (t + AHEAD < stop && (m & next[nbr[t + AHEAD]]))
                    __builtin_prefetch(line[nbr[t + AHEAD]]);
                unsigned c = m & next[nbr[t]];
                if (!c)
                    continue;
                const double *cu = line[nbr[t]];
                do {
                    int i = __builtin_ctz(c);
                    acc[i] += cu[i];
                    c &= c - 1;
                } while (c);
            }
            double *sv = line[v];
            do {
                int i = __builtin_ctz(m);
                double delta = sv[i] * acc[i] * scale;
                sum[v] += delta;
                sv[i] = (1 + delta) / sv[i];
                m &= m - 1;
            } while (m);
        }
        for (size_t e = levels[d + 1]; e < levels[d + 2]; e++)
            next[order[e]] = 0;
    }
    for (size_t e = 0; e < tail; e++) {
        memset(line[order[e]], 0, sizeof line[0]);
        seen[order[e]] = 0;
    }
}

void champ__bridging_part(void *arg)
{
    champ_bridging_part *p = arg;
    champ_bridging *job = p->job;
    for (size_t i = p->first; i < p->end && !atomic_load(&job->cancel); i += job->batch) {
        size_t b = p->end - i < job->batch ? p->end - i : job->batch;
        if (job->batch == 1)
            from_source(job->start, job->nbr, job->sources[i], &p->scratch, p->sum);
        else
            from_batch(job->start, job->nbr, job->sources + i, b, &p->scratch, p->sum);
        atomic_fetch_add(&job->done, b);
    }
}

void champ__bridging_release(champ_bridging *job)
{
    for (int i = 0; i < CHAMP_BRIDGING_PARTS; i++) {
        free(job->part[i].sum);
        if (job->reuse) { /* given back (clean: every pass leaves it so) */
            champ__bridging_scratch_free(&job->reuse[i]);
            job->reuse[i] = job->part[i].scratch;
            memset(&job->part[i].scratch, 0, sizeof job->part[i].scratch);
        } else {
            champ__bridging_scratch_free(&job->part[i].scratch);
        }
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
                                     champ_estimate estimate, size_t batch,
                                     champ_bridging_scratch *reuse)
{
    memset(job, 0, sizeof *job);
    job->g = g;
    job->k = k;
    job->linear = estimate == CHAMP_ESTIMATE_LINEAR;
    job->reuse = reuse;
    if (batch == 0) /* sparse: distances from a batch's sources rarely agree */
        batch = (double)g->counted_ends >= DENSE_DEGREE * (double)g->n ? BATCH : 1;
    job->batch = batch < BATCH ? batch : BATCH;
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
             scratch_take(&p->scratch, reuse ? &reuse[i] : NULL, g->n, g->start[g->n], job->batch,
                          job->linear) == 0;
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
                             uint64_t seed, champ_estimate estimate, size_t batch,
                             double *bridging)
{
    champ_bridging job;
    champ_status st = champ__bridging_prepare(&job, g, net, k, seed, estimate, batch, NULL);
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
