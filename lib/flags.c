/* The guards of a ranking (SPEC 10.4): per-person flags for the patterns
 * that lift a person without their being a champion. Each flag's name, its
 * rule in words and its threshold sit here and nowhere else.
 *
 * The thresholds were chosen on the networks of the shared data: none
 * flags the real top 10 of email-eu-core, lazega or uk-faculty, while the
 * gaming patterns measured there are flagged (tests/python/test_trust.py,
 * docs/metrics.md): the real top 10 send at most 5.6 times what they
 * receive and have at most 22% of their tie volume with one person; among
 * the real first 100 ranks no two people share more than 77% of their
 * tie volume, a reply-all shadow shares 100%. */
#include "ranking.h"
#include "errors.h"
#include "options.h"
#include "text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BROADCAST_RATIO 10      /* sends at least this many times what they receive */
#define BROADCAST_MIN 10        /* ... and at least this much */
#define ONE_PARTNER_PERCENT 50  /* more than this share of tie volume with one person */
#define SHADOW_PERCENT 90       /* tie volume shared with someone ranked higher */
#define SHADOW_MIN_TIES 5       /* fewer ties than this match by chance */
#define SHADOW_RANKS 100        /* where shadows are looked for */
#define CLOSED_GROUP_PERCENT 10 /* of the largest connected group, at most */
#define NEW_PERCENT 10          /* the last share of the window */

static const struct {
    const char *name, *description;
} FLAGS[CHAMP_FLAG_COUNT] = {
    [CHAMP_FLAG_BROADCASTER] = {"broadcaster",
        "sends at least " STRINGIFY(BROADCAST_RATIO) " times what they receive, and at least "
        STRINGIFY(BROADCAST_MIN) ": a newsletter, a bot or a shared mailbox rather than a person "
        "in conversation"},
    [CHAMP_FLAG_ONE_PARTNER] = {"one_partner",
        "more than " STRINGIFY(ONE_PARTNER_PERCENT) "% of their tie volume is with one person"},
    [CHAMP_FLAG_SHADOW] = {"shadow",
        "ranked among the first " STRINGIFY(SHADOW_RANKS) ", with at least " STRINGIFY(SHADOW_MIN_TIES)
        " ties, and at least " STRINGIFY(SHADOW_PERCENT) "% of their tie volume matches that of "
        "someone ranked higher: a reply-all copy, a delegate or a second account"},
    [CHAMP_FLAG_CLOSED_GROUP] = {"closed_group",
        "in a group tied only among themselves, at most " STRINGIFY(CLOSED_GROUP_PERCENT)
        "% the size of the largest connected group: no tie bridges out of it"},
    [CHAMP_FLAG_NEW] = {"new",
        "their first interaction falls in the last " STRINGIFY(NEW_PERCENT) "% of the window (of "
        "the span of the interactions' times when there is no window)"},
};

const char *champ_flag_name(champ_flag flag)
{
    return (unsigned)flag < CHAMP_FLAG_COUNT ? FLAGS[flag].name : NULL;
}

const char *champ_flag_description(champ_flag flag)
{
    return (unsigned)flag < CHAMP_FLAG_COUNT ? FLAGS[flag].description : NULL;
}

#define BIT(flag) (1u << (flag))

/* Broadcaster and one partner: from the volumes and the tie rows. */
static void volume_flags(champ_ranking *r, const champ_graph *g)
{
    for (size_t v = 0; v < g->n; v++) {
        double sent = r->m.value[CHAMP_ACTIVITY][v], received = r->m.diag[CHAMP_RECEIVED][v];
        if (sent >= BROADCAST_MIN && sent >= BROADCAST_RATIO * received)
            r->flags[v] |= BIT(CHAMP_FLAG_BROADCASTER);
        double total = 0, most = 0;
        for (size_t t = g->start[v]; t < g->start[v + 1]; t++) {
            if (!champ__graph_counts(g, t))
                continue;
            double w = g->w_out[t] + g->w_in[t];
            total += w;
            most = w > most ? w : most;
        }
        if (total > 0 && 100 * most > ONE_PARTNER_PERCENT * total)
            r->flags[v] |= BIT(CHAMP_FLAG_ONE_PARTNER);
    }
}

/* Weighted Jaccard similarity of the tie volumes of v (scattered in
 * `volume`, summing to v_total) and u, each other left out. */
static double similarity(const champ_graph *g, uint32_t v, const double *volume, double v_total,
                         uint32_t u)
{
    double u_total = 0, common = 0;
    for (size_t t = g->start[u]; t < g->start[u + 1]; t++) {
        uint32_t x = g->nbr[t];
        if (x == v || !champ__graph_counts(g, t))
            continue;
        double w = g->w_out[t] + g->w_in[t];
        u_total += w;
        common += volume[x] < w ? volume[x] : w;
    }
    double v_rest = v_total - volume[u], either = v_rest + u_total - common;
    return either > 0 ? common / either : 0;
}

/* Shadows among the first SHADOW_RANKS: their ties nearly those of someone
 * ranked higher (the most similar is kept). `volume` is n zeros, and is
 * left so. */
static void shadows(champ_ranking *r, const champ_graph *g, double *volume)
{
    size_t eligible = (size_t)r->summary[CHAMP_SUMMARY_ELIGIBLE];
    size_t first = eligible < SHADOW_RANKS ? eligible : SHADOW_RANKS;
    for (size_t j = 1; j < first; j++) {
        uint32_t v = r->order[j];
        if (r->m.diag[CHAMP_TIES][v] < SHADOW_MIN_TIES)
            continue;
        double total = 0;
        for (size_t t = g->start[v]; t < g->start[v + 1]; t++)
            if (champ__graph_counts(g, t))
                total += volume[g->nbr[t]] = g->w_out[t] + g->w_in[t];
        double best = 0;
        uint32_t like = CHAMP_NONE;
        for (size_t i = 0; i < j; i++) {
            double s = similarity(g, v, volume, total, r->order[i]);
            if (s > best) {
                best = s;
                like = r->order[i];
            }
        }
        if (100 * best >= SHADOW_PERCENT) {
            r->flags[v] |= BIT(CHAMP_FLAG_SHADOW);
            r->shadow_of[v] = like;
            r->shadow_share[v] = best;
        }
        for (size_t t = g->start[v]; t < g->start[v + 1]; t++)
            volume[g->nbr[t]] = 0;
    }
}

/* Closed groups: the connected groups of the tie graph (ties that count)
 * with at least two people and at most CLOSED_GROUP_PERCENT of the
 * largest's size (so never the largest). `group`, `queue` and `size` hold
 * n each. */
static void closed_groups(champ_ranking *r, const champ_graph *g, uint32_t *group,
                          uint32_t *queue, uint32_t *size)
{
    size_t n = g->n, largest = 0;
    for (size_t v = 0; v < n; v++)
        group[v] = CHAMP_NONE;
    for (size_t root = 0; root < n; root++) {
        if (group[root] != CHAMP_NONE)
            continue;
        size_t tail = 0;
        group[root] = (uint32_t)root;
        queue[tail++] = (uint32_t)root;
        for (size_t head = 0; head < tail; head++) {
            uint32_t v = queue[head];
            for (size_t t = g->start[v]; t < g->start[v + 1]; t++) {
                uint32_t u = g->nbr[t];
                if (champ__graph_counts(g, t) && group[u] == CHAMP_NONE) {
                    group[u] = (uint32_t)root;
                    queue[tail++] = u;
                }
            }
        }
        size[root] = (uint32_t)tail;
        largest = tail > largest ? tail : largest;
    }
    for (size_t v = 0; v < n; v++) {
        size_t members = size[group[v]];
        if (members >= 2 && 100 * members <= CLOSED_GROUP_PERCENT * largest)
            r->flags[v] |= BIT(CHAMP_FLAG_CLOSED_GROUP);
    }
}

static int in_window(const champ_options *o, double t)
{
    return (isnan(o->since) || o->since <= t) && (isnan(o->until) || t < o->until);
}

/* New: the first kept interaction (either direction) in the last
 * NEW_PERCENT of the window, whose open ends are the times' span. */
static void newcomers(champ_ranking *r, const champ_network *net, const champ_options *o,
                      double *first)
{
    double lo = INFINITY, hi = -INFINITY;
    for (size_t v = 0; v < r->n; v++)
        first[v] = INFINITY;
    int windowed = !isnan(o->since) || !isnan(o->until);
    for (size_t i = 0; i < net->interactions; i++) {
        double t = net->time[i];
        if (isnan(t) || (windowed && !in_window(o, t)))
            continue;
        lo = t < lo ? t : lo;
        hi = t > hi ? t : hi;
        uint32_t a = net->from[i], b = net->to[i];
        first[a] = t < first[a] ? t : first[a];
        first[b] = t < first[b] ? t : first[b];
    }
    if (lo <= hi) {
        r->first_time = lo;
        r->last_time = hi;
    }
    double start = isnan(o->since) ? lo : o->since, end = isnan(o->until) ? hi : o->until;
    if (!(end > start))
        return;
    double late = end - (end - start) * NEW_PERCENT / 100;
    for (size_t v = 0; v < r->n; v++)
        if (isfinite(first[v]) && first[v] >= late)
            r->flags[v] |= BIT(CHAMP_FLAG_NEW);
}

champ_status champ__flags_compute(champ_ranking *r, const champ_graph *g,
                                  const champ_network *net, const champ_options *o)
{
    size_t cells = r->n ? r->n : 1;
    r->flags = calloc(cells, sizeof *r->flags);
    r->shadow_of = malloc(cells * sizeof *r->shadow_of);
    r->shadow_share = calloc(cells, sizeof *r->shadow_share);
    double *scratch = calloc(cells, sizeof *scratch);
    uint32_t *group = malloc(cells * sizeof *group), *queue = malloc(cells * sizeof *queue);
    uint32_t *size = malloc(cells * sizeof *size);
    champ_status st = CHAMP_OK;
    if (!r->flags || !r->shadow_of || !r->shadow_share || !scratch || !group || !queue ||
        !size) {
        st = champ__nomem();
    } else {
        for (size_t v = 0; v < r->n; v++)
            r->shadow_of[v] = CHAMP_NONE;
        volume_flags(r, g);
        shadows(r, g, scratch);
        closed_groups(r, g, group, queue, size);
        newcomers(r, net, o, scratch);
    }
    free(scratch);
    free(group);
    free(queue);
    free(size);
    return st;
}

/* ---- getters ------------------------------------------------------------ */

unsigned champ_ranking_flags(const champ_ranking *r, size_t i)
{
    return r && i < r->n ? r->flags[r->order[i]] : 0;
}

champ_status champ_ranking_flag_sets(const champ_ranking *r, unsigned *out)
{
    if (!r || !out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_flag_sets: %s is NULL",
                           r ? "out" : "ranking");
    for (size_t i = 0; i < r->n; i++)
        out[i] = r->flags[r->order[i]];
    return CHAMP_OK;
}

const char *champ_ranking_shadow_of(const champ_ranking *r, size_t i, double *similarity)
{
    if (!r || i >= r->n || r->shadow_of[r->order[i]] == CHAMP_NONE)
        return NULL;
    uint32_t v = r->order[i];
    if (similarity)
        *similarity = r->shadow_share[v];
    return champ_strtab_get(&r->ids, r->shadow_of[v]);
}
