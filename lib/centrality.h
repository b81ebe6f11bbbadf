/* Influence (PageRank): our kernel (pagerank.c). igraph's PRPACK, its
 * reference, is in the tests (tests/prpack.c): the library calls no igraph
 * code. Private to lib/. */
#ifndef CHAMP_CENTRALITY_H
#define CHAMP_CENTRALITY_H

#include "graph.h"

/* influence[v]: PageRank of v in the directed graph weighted by w_out
 * (pagerank.c: our kernel, on both cores, bit-identical however the threads
 * ran). CHAMP_ERR_NOMEM. */
champ_status champ__influence(const champ_graph *g, double *influence);

#endif
