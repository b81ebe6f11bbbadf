/* Influence (PageRank) through igraph, behind one library-wide lock:
 * Debian's igraph keeps its error handler, finally stack and RNG in process
 * globals. Private to lib/. */
#ifndef CHAMP_CENTRALITY_H
#define CHAMP_CENTRALITY_H

#include "graph.h"

/* influence[v]: PageRank of v in the directed graph weighted by w_out. */
champ_status champ__influence(const champ_graph *g, double *influence);

#endif
