/* igraph's PRPACK PageRank, the reference of our own kernel in the tests
 * (tests/prpack.c). */
#ifndef CHAMP_TEST_PRPACK_H
#define CHAMP_TEST_PRPACK_H

#include "graph.h"

/* influence[v]: PageRank of v as champ__influence() defines it, through
 * igraph's PRPACK behind one lock. CHAMP_ERR_NOMEM, CHAMP_ERR_INTERNAL. */
champ_status champ__influence_prpack(const champ_graph *g, double *influence);

#endif
