/* Bridging (betweenness) and influence (PageRank) through igraph, behind
 * one library-wide lock: Debian's igraph keeps its error handler, finally
 * stack and RNG in process globals. Private to lib/. */
#ifndef CHAMP_CENTRALITY_H
#define CHAMP_CENTRALITY_H

#include "graph.h"

/* influence[v]: PageRank of v in the directed graph weighted by w_out. */
champ_status champ__influence(const champ_graph *g, double *influence);

/* bridging[v] as SPEC 4.5. samples 0 = automatic. Reports whether the
 * result is exact and how many sources were used. */
champ_status champ__bridging(const champ_graph *g, size_t samples, uint64_t seed,
                             double *bridging, int *exact, size_t *sources);

#endif
