/* Influence (PageRank): our kernel, and igraph's PRPACK behind one
 * library-wide lock (Debian's igraph keeps its error handler, finally stack
 * and RNG in process globals) as its reference. Private to lib/. */
#ifndef CHAMP_CENTRALITY_H
#define CHAMP_CENTRALITY_H

#include "graph.h"

/* influence[v]: PageRank of v in the directed graph weighted by w_out
 * (pagerank.c: our kernel, on both cores, bit-identical however the threads
 * ran). CHAMP_ERR_NOMEM. */
champ_status champ__influence(const champ_graph *g, double *influence);

/* The same through igraph's PRPACK (centrality.c), behind one library-wide
 * lock: the reference of the tests. CHAMP_ERR_NOMEM, CHAMP_ERR_INTERNAL. */
champ_status champ__influence_prpack(const champ_graph *g, double *influence);

#endif
