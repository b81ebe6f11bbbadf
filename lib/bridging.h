/* Bridging (SPEC 4.5): betweenness on the undirected, unweighted tie graph
 * by Brandes' algorithm, from all people (exact) or from k sources drawn
 * with a seed. Our own kernel, not igraph's: it needs no lock, so it runs
 * on worker threads beside the igraph work of the calling thread (PageRank).
 * Private to lib/. */
#ifndef CHAMP_BRIDGING_H
#define CHAMP_BRIDGING_H

#include "graph.h"
#include "network.h"

#include <pthread.h>
#include <stdatomic.h>

#define CHAMP_BRIDGING_PARTS 2 /* fixed, so that sums (and results) never depend on cores */

typedef struct champ_bridging_part {
    struct champ_bridging *job;
    size_t first, end;      /* its slice of the sources */
    double *sum;            /* sum over its sources of delta_s(v), per person */
    pthread_t thread;
    int threaded;           /* runs on its own thread (else on the caller's) */
    champ_status status;
} champ_bridging_part;

typedef struct champ_bridging {
    const champ_graph *g;
    /* The tie rows renumbered team by team, so that neighbours mostly sit
     * close together in memory: place[v] is person v's number. */
    size_t *start;
    uint32_t *nbr, *place;
    uint32_t *sources;      /* renumbered */
    size_t k;
    atomic_size_t done;     /* sources finished, for progress */
    atomic_int running;     /* parts not finished yet */
    atomic_int cancel;      /* set by the caller to stop the parts early */
    champ_bridging_part part[CHAMP_BRIDGING_PARTS];
} champ_bridging;

/* Networks of at least this many people take the large kernel (see
 * bridging.c); a variable only so that the tests can run both kernels on
 * small networks. Set it before ranking, never while ranks run. */
extern size_t champ__bridging_large_people;

/* How many sources SPEC 3 asks for: samples 0 = automatic (all people when
 * people x tie pairs <= 1e9, else 256), never more than the people. */
size_t champ__bridging_sources(const champ_graph *g, size_t samples);

/* Draw k sources (all people when k == people) and start the parts, each
 * on a thread of its own when one can be made. The graph must outlive the
 * job; the network (its teams) is only read here. On CHAMP_OK,
 * champ__bridging_finish() must follow. */
champ_status champ__bridging_start(champ_bridging *job, const champ_graph *g,
                                   const champ_network *net, size_t k, uint64_t seed);

/* Whether every part has finished; waits up to `ms` milliseconds for it. */
int champ__bridging_wait(champ_bridging *job, unsigned ms);

/* Run the parts that have no thread, join the others, write bridging[v] of
 * SPEC 4.5 and release the job. CHAMP_ERR_CANCELLED, with no message (the
 * caller gives the reason), when job->cancel was set: nothing is written.
 * Else CHAMP_OK or CHAMP_ERR_NOMEM. */
champ_status champ__bridging_finish(champ_bridging *job, double *bridging);

/* Bridging in one call (tests, and callers with nothing to do meanwhile). */
champ_status champ__bridging(const champ_graph *g, const champ_network *net, size_t k,
                             uint64_t seed, double *bridging);

#endif
