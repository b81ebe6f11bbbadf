/* The per-person criteria and diagnostics of SPEC 4, and the network
 * summary counts that come from the same passes. Private to lib/. */
#ifndef CHAMP_METRICS_H
#define CHAMP_METRICS_H

#include "graph.h"

typedef struct champ_metrics {
    size_t n;
    double *value[CHAMP_CRITERION_COUNT];  /* per person, by champ_criterion */
    double *diag[CHAMP_DIAGNOSTIC_COUNT];  /* per person, by champ_diagnostic */
    size_t ties, mutual_ties;              /* unordered pairs */
    double reciprocity;                    /* R */
    size_t teams;
    double cross_team_share;               /* NAN: null */
    int bridging_exact;
    size_t bridging_sources;
    champ_estimate bridging_estimate; /* pivots when exact */
} champ_metrics;

/* Fill every criterion and diagnostic. Influence (pagerank.c) and then
 * bridging (bridging.c) run on the worker threads; the rest is one pass
 * over the tie rows. Reports progress through o. */
champ_status champ__metrics_compute(champ_metrics *m, const champ_graph *g,
                                    const champ_network *net, const champ_options *o);
void champ__metrics_free(champ_metrics *m);

#endif
