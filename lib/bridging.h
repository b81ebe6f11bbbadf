/* Bridging (SPEC 4.5): betweenness on the undirected, unweighted tie graph
 * by Brandes' algorithm, from all people (exact) or from k sources drawn
 * with a seed. Our own kernel, not igraph's: it needs no lock, so it runs
 * on worker threads beside the igraph work of the calling thread (PageRank).
 * Private to lib/. */
#ifndef CHAMP_BRIDGING_H
#define CHAMP_BRIDGING_H

#include "graph.h"
#include "network.h"

#include <stdatomic.h>

#define CHAMP_BRIDGING_PARTS 2 /* fixed, so that sums (and results) never depend on cores */

/* Sources per pass of the kernel (bridging.c): a mask of them is 32 bits. */
#define CHAMP_BRIDGING_BATCH 32
/* Tie ends per person from which the ranking's passes take
 * CHAMP_BRIDGING_BATCH sources; below, one (see bridging.c). */
#define CHAMP_BRIDGING_DENSE_DEGREE 8
/* The working memory of one part: per person a line of BATCH doubles
 * and two masks of the batch's sources; the (person, mask) lists of one
 * pass by distance, where each distance begins, and a bitmap of the
 * people; or, one source at a time, per person {sigma, delta, dist}, the
 * BFS order and the shortest-path arcs of one pass (see bridging.c). */
typedef struct champ_bridging_scratch {
    size_t n;
    struct champ_bridging_node_d *small; /* one source at a time */
    struct champ_bridging_arc *arcs;
    uint32_t *order;
    double *line;           /* CHAMP_BRIDGING_BATCH per person */
    uint32_t *mask, *seen, *next;
    size_t *levels;
    uint64_t *found;        /* who the distance being listed has found */
    int linear;             /* linear scaling (CHAMP_ESTIMATE_LINEAR) */
    size_t room;            /* arcs (one at a time) or sources per pass it has room for */
} champ_bridging_scratch;
typedef struct champ_bridging_part {
    struct champ_bridging *job;
    size_t first, end;      /* its slice of the sources */
    double *sum;            /* sum over its sources of delta_s(v), per person */
    champ_bridging_scratch scratch;
} champ_bridging_part;

typedef struct champ_bridging {
    const champ_graph *g;
    /* The tie rows renumbered team by team, so that neighbours mostly sit
     * close together in memory: place[v] is person v's number. */
    size_t *start;
    uint32_t *nbr, *place;
    uint32_t *sources;      /* renumbered */
    size_t k;
    size_t batch;           /* sources per pass, 1..CHAMP_BRIDGING_BATCH */
    int linear;             /* sampled with linear scaling */
    champ_bridging_scratch *reuse; /* prepare's `reuse` */
    atomic_size_t done;     /* sources finished, for progress */
    atomic_int cancel;      /* set to stop the parts early */
    champ_bridging_part part[CHAMP_BRIDGING_PARTS];
} champ_bridging;

/* How many sources SPEC 3 asks for: samples 0 = automatic (all people when
 * people x tie pairs <= 1e9, else 256), never more than the people. */
size_t champ__bridging_sources(const champ_graph *g, size_t samples);

/* Draw k sources (all people when k == people), renumber the graph and
 * allocate everything the parts will use, on the calling thread: the parts
 * themselves allocate nothing. A pass runs `batch` sources at once, 1 being
 * Brandes' algorithm as published (0, the ranking's choice: 1 on sparse
 * networks, CHAMP_BRIDGING_BATCH on the others; see bridging.c; the tests
 * run both). `reuse` (NULL: none) is CHAMP_BRIDGING_PARTS scratches
 * that the job takes when they fit (same people, same kind) and that
 * release gives back, full or empty: the caller frees them with
 * champ__bridging_scratch_free(). `estimate` is Brandes' pivots (SPEC 4.5) or linear scaling;
 * from every person both give exact betweenness (to the last bits), and
 * the ranking asks for pivots then. The graph must outlive
 * the job; the network (its teams) is only read here. On CHAMP_OK,
 * champ__bridging_release() must follow. */
champ_status champ__bridging_prepare(champ_bridging *job, const champ_graph *g,
                                     const champ_network *net, size_t k, uint64_t seed,
                                     champ_estimate estimate, size_t batch,
                                     champ_bridging_scratch *reuse);

/* Release a scratch that prepare's `reuse` holds (then all zero). */
void champ__bridging_scratch_free(champ_bridging_scratch *w);

/* The job of one part (a champ_bridging_part *), for champ__run(): its
 * slice of the sources, on any thread, stopping early when job->cancel is
 * set. */
void champ__bridging_part(void *part);

/* Whether the work is large enough for the parts to pay for threads. */
int champ__bridging_wants_threads(const champ_bridging *job);

/* Write bridging[v] of SPEC 4.5 from the parts' sums (after they ran to the
 * end), and release the job. */
void champ__bridging_result(const champ_bridging *job, double *bridging);
void champ__bridging_release(champ_bridging *job);

/* Bridging in one call, the parts on threads when that pays (tests, and
 * callers with nothing to do meanwhile). */
champ_status champ__bridging(const champ_graph *g, const champ_network *net, size_t k,
                             uint64_t seed, champ_estimate estimate, size_t batch,
                             double *bridging);

#endif
