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

#endif
