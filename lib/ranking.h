/* The ranking handle: a self-contained snapshot of one champ_rank() call.
 * Everything is indexed by person; order[] maps output positions to
 * people. Private to lib/. */
#ifndef CHAMP_RANKING_H
#define CHAMP_RANKING_H

#include "metrics.h"
#include "warnings.h"

struct champ_ranking {
    size_t n;
    champ_strtab ids, teams, groups;  /* copies of the network's */
    champ_strtab audience;            /* the options' audience groups */
    uint32_t *team, *group;           /* per person; group CHAMP_NONE: unlisted */
    unsigned char *eligible;
    size_t *rank;                     /* 0: ineligible */
    double *score;                    /* NAN: ineligible */
    double *pct[CHAMP_CRITERION_COUNT];
    double weight[CHAMP_CRITERION_COUNT]; /* share of each criterion in the score */
    uint32_t *order;                  /* output position -> person */
    size_t *position;                 /* person -> output position */
    /* The tie graph it was computed on (rows of champ_graph, kept): row v
     * lists T(v), tie_w[t] = w(v, tie_to[t]) (0 when only the other acted). */
    size_t *tie_start;
    uint32_t *tie_to;
    double *tie_w;
    size_t tie_count;                 /* directed pairs with w > 0 */
    champ_metrics m;
    double summary[CHAMP_SUMMARY_ITEM_COUNT];
    champ_warnings warnings;
};

/* The JSON object of a summary and its warnings, as the ranking's JSON
 * output holds it ("dropped_zero" only when not NAN); writer.c. */
struct champ_out;
void champ__out_summary(struct champ_out *o, const double *summary, const champ_warnings *w);

/* The checks champ_rank() makes of its options (all weights 0, since >=
 * until): CHAMP_ERR_ARGUMENT with a message. */
champ_status champ__check_rank_options(const champ_options *o);

/* champ_rank() of net with o (not NULL) and the window [since, until)
 * instead of o's, without o's progress callback. */
champ_status champ__rank_window(const champ_network *net, const champ_options *o, double since,
                                double until, champ_ranking **out);

#endif
