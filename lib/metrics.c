/* Criteria and diagnostics computed straight from the tie rows. */
#include "metrics.h"
#include "bridging.h"
#include "centrality.h"
#include "errors.h"
#include "pool.h"
#include "text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* activity, received (every interaction), ties, mutual (the ties that
 * count: min_tie_weight), and the pair counts behind R. */
static void volumes(champ_metrics *m, const champ_graph *g)
{
    size_t tie_ends = 0, mutual_ends = 0;
    for (size_t v = 0; v < g->n; v++) {
        double out = 0, in = 0;
        size_t ties = 0, mutual = 0;
        for (size_t t = g->start[v]; t < g->start[v + 1]; t++) {
            out += g->w_out[t];
            in += g->w_in[t];
            if (champ__graph_counts(g, t)) {
                ties++;
                mutual += g->w_out[t] > 0 && g->w_in[t] > 0;
            }
        }
        m->value[CHAMP_ACTIVITY][v] = out;
        m->diag[CHAMP_RECEIVED][v] = in;
        m->diag[CHAMP_TIES][v] = (double)ties;
        m->diag[CHAMP_MUTUAL][v] = (double)mutual;
        tie_ends += ties;
        mutual_ends += mutual;
    }
    m->ties = tie_ends / 2;
    m->mutual_ties = mutual_ends / 2;
    m->reciprocity = tie_ends ? (double)mutual_ends / (double)tie_ends : 0.0;
}

/* With alpha = 0 a person without ties would get 0/0: they reciprocate
 * nothing, so their reciprocity is 0. */
static void reciprocity(champ_metrics *m, double alpha)
{
    double prior = alpha * m->reciprocity;
    for (size_t v = 0; v < m->n; v++) {
        double ties = m->diag[CHAMP_TIES][v] + alpha;
        m->value[CHAMP_RECIPROCITY][v] = ties > 0 ? (m->diag[CHAMP_MUTUAL][v] + prior) / ties : 0.0;
    }
}

/* 4.3: distinct known teams other than v's own among T(v). `seen` has one
 * slot per team holding the last person (+1) who counted it. */
static void team_reach(champ_metrics *m, const champ_graph *g, const champ_network *net,
                       size_t *seen)
{
    for (size_t v = 0; v < g->n; v++) {
        uint32_t own = net->team[v];
        size_t reach = 0;
        for (size_t t = g->start[v]; t < g->start[v + 1]; t++) {
            uint32_t team = net->team[g->nbr[t]];
            if (champ__graph_counts(g, t) && team != CHAMP_NONE && team != own && seen[team] != v + 1) {
                seen[team] = v + 1;
                reach++;
            }
        }
        m->value[CHAMP_REACH][v] = (double)reach;
    }
}

/* 4.4: distinct people in T(v) whose group is an audience group. */
static void audience_reach(champ_metrics *m, const champ_graph *g, const champ_network *net,
                           const unsigned char *is_audience)
{
    for (size_t v = 0; v < g->n; v++) {
        size_t reach = 0;
        for (size_t t = g->start[v]; t < g->start[v + 1]; t++) {
            uint32_t group = champ__network_group(net, g->nbr[t]);
            reach += champ__graph_counts(g, t) && group != CHAMP_NONE && is_audience[group];
        }
        m->value[CHAMP_REACH][v] = (double)reach;
    }
}

static champ_status reach(champ_metrics *m, const champ_graph *g, const champ_network *net,
                          const champ_options *o)
{
    if (o->audience_groups.count == 0) {
        size_t *seen = calloc(net->teams.count ? net->teams.count : 1, sizeof *seen);
        if (!seen)
            return champ__nomem();
        team_reach(m, g, net, seen);
        free(seen);
        return CHAMP_OK;
    }
    unsigned char *is_audience = malloc(net->groups.count);
    if (!is_audience)
        return champ__nomem();
    for (uint32_t k = 0; k < net->groups.count; k++)
        is_audience[k] = champ_strtab_find(&o->audience_groups, champ_strtab_get(&net->groups, k),
                                           champ_strtab_len(&net->groups, k)) != CHAMP_STRTAB_NONE;
    audience_reach(m, g, net, is_audience);
    free(is_audience);
    return CHAMP_OK;
}

/* cross_share per person, and the summary's cross_team_share over pairs. */
static void cross_team(champ_metrics *m, const champ_graph *g, const champ_network *net)
{
    size_t known_pairs = 0, crossing_pairs = 0;
    for (size_t v = 0; v < g->n; v++) {
        uint32_t own = net->team[v];
        double volume = 0, across = 0;
        for (size_t t = g->start[v]; t < g->start[v + 1]; t++) {
            if (!champ__graph_counts(g, t))
                continue;
            uint32_t u = g->nbr[t], team = net->team[u];
            double w = g->w_out[t] + g->w_in[t];
            volume += w;
            if (own != CHAMP_NONE && team != CHAMP_NONE) {
                across += team != own ? w : 0;
                if (u > v) {
                    known_pairs++;
                    crossing_pairs += team != own;
                }
            }
        }
        m->diag[CHAMP_CROSS_SHARE][v] =
            own == CHAMP_NONE || m->diag[CHAMP_TIES][v] == 0 ? NAN : across / volume;
    }
    m->cross_team_share = known_pairs ? (double)crossing_pairs / (double)known_pairs : NAN;
}

static size_t known_teams(const champ_network *net)
{
    /* Every interned team belongs to a listed person: teams come only from
     * add_person, and a person is never unlisted again. */
    return net->teams.count;
}

/* Every weight is finite, but their sums need not be: refuse a person whose
 * interactions add up past the largest double (they would turn into inf,
 * which JSON cannot carry and PageRank turns into NaN for everyone). */
static champ_status check_finite_volumes(const champ_metrics *m, const champ_network *net)
{
    for (size_t v = 0; v < m->n; v++) {
        if (!isfinite(m->value[CHAMP_ACTIVITY][v] + m->diag[CHAMP_RECEIVED][v])) {
            const char *id = champ_strtab_get(&net->ids, (uint32_t)v);
            char quoted[CHAMP_EXCERPT_MAX + 4];
            champ__excerpt(quoted, id, strlen(id));
            return champ__fail(CHAMP_ERR_SCHEMA,
                               "the weighted interactions of \"%s\" add up to more than "
                               "the largest finite number",
                               quoted);
        }
    }
    return CHAMP_OK;
}

/* Influence (PageRank, both cores), then bridging (the pool's threads). */
static champ_status centralities(champ_metrics *m, const champ_graph *g,
                                 const champ_network *net, const champ_options *o)
{
    champ_status st = champ__influence(g, m->value[CHAMP_INFLUENCE]);
    if (st || (st = champ__progress(&o->progress, "influence", 1)))
        return st;
    size_t k = champ__bridging_sources(g, o->bridging_samples);
    m->bridging_exact = k == g->n;
    m->bridging_sources = k;
    m->bridging_estimate = m->bridging_exact ? CHAMP_ESTIMATE_PIVOTS : o->bridging_estimate;
    champ_bridging job;
    if ((st = champ__bridging_prepare(&job, g, net, k, o->seed, m->bridging_estimate, 0,
                                      o->bridging_reuse)))
        return st;
    void *parts[CHAMP_BRIDGING_PARTS];
    for (int i = 0; i < CHAMP_BRIDGING_PARTS; i++)
        parts[i] = &job.part[i];
    champ_run run = {.jobs = CHAMP_BRIDGING_PARTS,
                     .job = champ__bridging_part,
                     .args = parts,
                     .threads = champ__bridging_wants_threads(&job),
                     .progress = &o->progress,
                     .phase = "bridging",
                     .done = &job.done,
                     .total = k,
                     .cancel = &job.cancel};
    if (!(st = champ__run(&run))) {
        champ__bridging_result(&job, m->value[CHAMP_BRIDGING]);
        st = champ__progress(&o->progress, "bridging", 1);
    }
    champ__bridging_release(&job);
    return st;
}

champ_status champ__metrics_compute(champ_metrics *m, const champ_graph *g,
                                    const champ_network *net, const champ_options *o)
{
    champ_status st = CHAMP_OK;
    memset(m, 0, sizeof *m);
    m->n = g->n;
    size_t cells = g->n ? g->n : 1;
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        if (!(m->value[c] = calloc(cells, sizeof(double))))
            st = champ__nomem();
    for (int d = 0; d < CHAMP_DIAGNOSTIC_COUNT; d++)
        if (!(m->diag[d] = calloc(cells, sizeof(double))))
            st = champ__nomem();
    if (st)
        goto cleanup;
    if ((st = champ__progress(&o->progress, "ties", 0)))
        goto cleanup;
    volumes(m, g);
    if ((st = check_finite_volumes(m, net)))
        goto cleanup;
    reciprocity(m, o->reciprocity_prior);
    cross_team(m, g, net);
    m->teams = known_teams(net);
    if ((st = reach(m, g, net, o)))
        goto cleanup;
    if ((st = champ__progress(&o->progress, "influence", 0)) ||
        (st = centralities(m, g, net, o)))
        goto cleanup;

cleanup:
    if (st)
        champ__metrics_free(m);
    return st;
}

void champ__metrics_free(champ_metrics *m)
{
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        free(m->value[c]);
    for (int d = 0; d < CHAMP_DIAGNOSTIC_COUNT; d++)
        free(m->diag[d]);
    memset(m, 0, sizeof *m);
}
