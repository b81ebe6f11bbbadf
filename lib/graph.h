/* The tie graph of one ranking: interactions filtered by the window,
 * weighted by weight x type weight and aggregated into w(u,v). Stored as
 * one compact adjacency (CSR) of ties: row v lists T(v) sorted by
 * neighbour, with w(v,u) and w(u,v) side by side, so every O(ties) metric
 * is one pass over the rows. Private to lib/. */
#ifndef CHAMP_GRAPH_H
#define CHAMP_GRAPH_H

#include "champions.h"
#include "network.h"
#include "options.h"

typedef struct champ_graph {
    size_t n;           /* people */
    size_t *start;      /* n + 1 row offsets into the arrays below */
    uint32_t *nbr;      /* u in T(v) */
    double *w_out;      /* w(v,u), 0 when only u acted on v */
    double *w_in;       /* w(u,v) */
    /* With a min_tie_weight: weak[t] = 1 when the tie is too thin to count
     * for the tie-based figures (w(v,u) + w(u,v) < min_tie_weight); NULL
     * when every tie counts. */
    unsigned char *weak;
    size_t counted_ends; /* ties that count, each seen from both ends */
    size_t arcs;        /* directed pairs with w > 0 */
    size_t kept;        /* interactions inside the window */
    size_t dropped_window;
    /* For the warnings: with a window, the interactions without a time and
     * the span of the others (NAN when none has one); with type weights,
     * the interactions of each type (else NULL). */
    size_t untimed;
    double first_time, last_time;
    size_t *type_count;
} champ_graph;

champ_status champ__graph_build(champ_graph *g, const champ_network *net,
                                const champ_options *o);
void champ__graph_free(champ_graph *g);

static inline size_t champ__graph_degree(const champ_graph *g, size_t v)
{
    return g->start[v + 1] - g->start[v];
}

/* Whether tie slot t counts for the tie-based figures (min_tie_weight). */
static inline int champ__graph_counts(const champ_graph *g, size_t t)
{
    return !g->weak || !g->weak[t];
}

/* Mark the ties thinner than `min` weak (min > 0), and count the ties
 * that count; g->weak is allocated when min > 0. -1: out of memory. */
int champ__graph_mark_weak(champ_graph *g, double min);

/* The kept interactions of a graph (inside the options' window), for
 * resampling it: each one's weight times its type weight, and its tie
 * slots, where its weight goes: out_slot in its sender's row (w_out), in_slot
 * in its receiver's (w_in); SIZE_MAX for an interaction of weight 0. */
typedef struct champ_kept {
    size_t count;
    double *w;
    size_t *out_slot, *in_slot;
} champ_kept;

champ_status champ__graph_kept(const champ_graph *g, const champ_network *net,
                               const champ_options *o, champ_kept *k);
void champ__graph_kept_free(champ_kept *k);

/* g with its kept interactions counted times[j] times each (0: left out):
 * the ties whose weight is left, their w_out and w_in, marked weak by
 * min_tie_weight, in `out`. `out` and `sum` (two arrays of g's tie slots
 * for the sums) come from champ__graph_resample_init() and are reused
 * from one call to the next. Allocates only in init. */
typedef struct champ_resample_space {
    double *sum_out, *sum_in;
} champ_resample_space;

champ_status champ__graph_resample_init(const champ_graph *g, double min_tie_weight,
                                        champ_graph *out, champ_resample_space *space);
void champ__graph_resample(const champ_graph *g, const champ_kept *k, const uint32_t *times,
                           double min_tie_weight, champ_graph *out,
                           champ_resample_space *space);
void champ__graph_resample_free(champ_graph *out, champ_resample_space *space);

#endif
