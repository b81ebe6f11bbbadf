/* Confidence (SPEC 10.1): the ranking redone on bootstrap resamples of
 * the kept interactions, and how far each eligible person's rank moves.
 *
 * A resample draws K interactions with replacement from the K kept ones,
 * from a stream of its own seeded by the options' seed and its number, so
 * the draws never depend on threads. Its graph is the ranking's, with each
 * tie reweighted by how often its interactions were drawn (ties with
 * nothing drawn drop out): the network is not read again and the ties are
 * not sorted again. Then it is ranked exactly as champ_rank() ranks, but
 * for bridging when the ranking sampled it: a resample of a network ranked
 * with exact bridging is exact too; one of a network ranked from k sampled
 * sources draws sources of its own, fresh for each resample, and fewer
 * (champ__confidence_sources()). The resamples run one after the other on the
 * calling thread, each using the threads a ranking uses, and everything is
 * allocated on the calling thread. */
#include "bridging.h"
#include "ranking.h"
#include "errors.h"
#include "options.h"
#include "progress.h"
#include "random.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The top counts as stable when at least half of its people are in the
 * top in at least this share of the resamples. */
#define STABLE_SHARE 0.9

/* Sampled bridging in a resample: an eighth of the ranking's sources, at
 * least 32 (all of them when the ranking had fewer), drawn afresh for
 * each resample. Bridging is most of a ranking's cost on large networks
 * (1.3 s of 2.8 s on the 100k-people benchmark), and at 256 sources B =
 * 50 resamples cost 31 rankings. The spread of ranks over the resamples
 * then holds the sampling error of bridging as well as the data's; on M
 * (benchmarks/confidence.py --compare) the intervals of the top 50 moved
 * far less from 256 sources to 32 than between two sets of 50 resamples
 * at 256 (docs/metrics.md, Confidence). Fresh sources, not one fixed
 * draw, so that no single draw's error shifts every resample alike. */
#ifndef RESAMPLE_SOURCES_SHARE /* benchmarks/confidence.py --compare builds one with 1 */
#define RESAMPLE_SOURCES_SHARE 8
#endif
#define RESAMPLE_SOURCES_MIN 32

size_t champ__confidence_sources(size_t k)
{
    size_t share = (k + RESAMPLE_SOURCES_SHARE - 1) / RESAMPLE_SOURCES_SHARE;
    if (share >= RESAMPLE_SOURCES_MIN)
        return share;
    return k < RESAMPLE_SOURCES_MIN ? k : RESAMPLE_SOURCES_MIN;
}

typedef struct resampler {
    const champ_ranking *r;
    const champ_graph *g;
    const champ_network *net;
    champ_options quiet;         /* the options, without progress, bridging as resamples take it */
    champ_kept kept;
    uint32_t *times;             /* per kept interaction: how often drawn */
    champ_graph graph;           /* the resample's */
    champ_resample_space space;
    unsigned char *candidate;    /* per person: listed and in a champion group */
    uint32_t *eligible, *order;  /* the resample's eligible people, then by rank */
    double *pct[CHAMP_CRITERION_COUNT], *score;
    champ_sort_item *items;
    uint32_t *rank;              /* per person: rank in the resample, 0 when not eligible */
    champ_bridging_scratch reuse[CHAMP_BRIDGING_PARTS]; /* bridging's, kept between resamples */
} resampler;

static void resampler_free(resampler *x)
{
    for (int i = 0; i < CHAMP_BRIDGING_PARTS; i++)
        champ__bridging_scratch_free(&x->reuse[i]);
    champ__graph_kept_free(&x->kept);
    champ__graph_resample_free(&x->graph, &x->space);
    free(x->times);
    free(x->candidate);
    free(x->eligible);
    free(x->order);
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        free(x->pct[c]);
    free(x->score);
    free(x->items);
    free(x->rank);
}

static champ_status resampler_init(resampler *x, const champ_ranking *r, const champ_graph *g,
                                   const champ_network *net, const champ_options *o)
{
    memset(x, 0, sizeof *x);
    x->r = r;
    x->g = g;
    x->net = net;
    x->quiet = *o; /* shares o's tables: read only, never freed */
    x->quiet.progress = (champ_progress){NULL, NULL};
    x->quiet.bridging_reuse = x->reuse;
    x->quiet.bridging_samples = r->m.bridging_exact ? r->m.bridging_sources
                                                    : champ__confidence_sources(r->m.bridging_sources);
    champ_status st = champ__graph_kept(g, net, o, &x->kept);
    if (st || (st = champ__graph_resample_init(g, o->min_tie_weight, &x->graph, &x->space)))
        return st;
    size_t cells = r->n ? r->n : 1;
    x->times = malloc((x->kept.count ? x->kept.count : 1) * sizeof *x->times);
    x->candidate = malloc(cells);
    x->eligible = malloc(cells * sizeof *x->eligible);
    x->order = malloc(cells * sizeof *x->order);
    x->score = malloc(cells * sizeof *x->score);
    x->items = malloc(2 * cells * sizeof *x->items);
    x->rank = malloc(cells * sizeof *x->rank);
    int ok = x->times && x->candidate && x->eligible && x->order && x->score && x->items &&
             x->rank;
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        ok &= (x->pct[c] = malloc(cells * sizeof(double))) != NULL;
    if (!ok)
        return champ__nomem();
    for (uint32_t v = 0; v < r->n; v++)
        x->candidate[v] = champ__group_in(&o->champion_groups, &r->groups, r->group[v]);
    return CHAMP_OK;
}

void champ__confidence_draw(uint64_t seed, size_t b, size_t kept, uint32_t *times)
{
    uint64_t state = seed * 0xD1B54A32D192ED03ULL + (uint64_t)(b + 1);
    memset(times, 0, kept * sizeof *times);
    for (size_t j = 0; j < kept; j++)
        times[champ__random_below(&state, kept)]++;
}

/* The seed of resample b's bridging sources: a stream of its own, apart
 * from its draw of interactions. */
uint64_t champ__confidence_sources_seed(uint64_t seed, size_t b)
{
    uint64_t state = (seed ^ 0x5851F42D4C957F2DULL) + (uint64_t)b;
    return champ__random_next(&state);
}

/* Resample b: draw, reweight, rank; x->rank[v] its ranks. */
static champ_status resample(resampler *x, size_t b)
{
    const champ_ranking *r = x->r;
    champ__confidence_draw(x->quiet.seed, b, x->kept.count, x->times);
    champ__graph_resample(x->g, &x->kept, x->times, x->quiet.min_tie_weight, &x->graph,
                          &x->space);
    champ_options o = x->quiet; /* shares its tables: read only */
    if (!r->m.bridging_exact)
        o.seed = champ__confidence_sources_seed(x->quiet.seed, b);
    champ_metrics m;
    champ_status st = champ__metrics_compute(&m, &x->graph, x->net, &o);
    if (st)
        return st;
    size_t count = 0;
    for (uint32_t v = 0; v < r->n; v++) {
        x->rank[v] = 0;
        if (x->candidate[v] && m.value[CHAMP_ACTIVITY][v] >= x->quiet.min_activity)
            x->eligible[count++] = v;
    }
    champ__score_people(&m, x->quiet.weight, x->eligible, count, &r->ids, x->items, x->pct,
                        NULL, x->score, x->order);
    for (size_t i = 0; i < count; i++)
        x->rank[x->order[i]] = (uint32_t)(i + 1);
    champ__metrics_free(&m);
    return CHAMP_OK;
}

static int by_value(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Nearest-rank percentile q (in percent) of the sorted n values. */
static uint32_t nearest_rank(const uint32_t *sorted, size_t n, unsigned q)
{
    size_t at = (q * n + 99) / 100; /* ceil(q n / 100), at least 1 */
    return sorted[(at ? at : 1) - 1];
}

/* Intervals, shares and tiers from the ranks (ranks[j * B + b]: the
 * person of rank j + 1 in resample b). */
static void summarise(champ_ranking *r, uint32_t *ranks, size_t eligible, size_t resamples)
{
    size_t top = r->top;
    for (size_t j = 0; j < eligible; j++) {
        uint32_t *mine = ranks + j * resamples, v = r->order[j];
        size_t in_top = 0;
        for (size_t b = 0; b < resamples; b++)
            in_top += mine[b] <= top;
        qsort(mine, resamples, sizeof *mine, by_value);
        r->rank_low[v] = nearest_rank(mine, resamples, 5);
        r->rank_high[v] = nearest_rank(mine, resamples, 95);
        r->top_share[v] = (double)in_top / (double)resamples;
    }
    uint32_t tier = 0, opener_high = 0;
    for (size_t j = 0; j < eligible; j++) {
        uint32_t v = r->order[j];
        if (j == 0 || r->rank_low[v] > opener_high) {
            tier++;
            opener_high = r->rank_high[v];
        }
        r->tier[v] = tier;
    }
}

static int unstable_warning(champ_ranking *r, size_t eligible)
{
    size_t top = r->top < eligible ? r->top : eligible, stable = 0;
    for (size_t j = 0; j < top; j++)
        stable += r->top_share[r->order[j]] >= STABLE_SHARE;
    if (top == 0 || 2 * stable >= top)
        return 0;
    return champ__warnings_add(
        &r->warnings, CHAMP_WARN_UNSTABLE_TOP,
        "the top %zu is unstable: only %zu of them %s in the top %zu of at least %.0f%% of the "
        "%zu resamples, so read the ranks as tiers (rank_low to rank_high), not as an exact "
        "order",
        top, stable, stable == 1 ? "is" : "are", top, 100 * STABLE_SHARE, r->resamples);
}

champ_status champ__confidence(champ_ranking *r, const champ_graph *g, const champ_network *net,
                               const champ_options *o)
{
    size_t resamples = o->confidence, eligible = (size_t)r->summary[CHAMP_SUMMARY_ELIGIBLE];
    size_t cells = r->n ? r->n : 1;
    r->resamples = resamples;
    r->rank_low = calloc(cells, sizeof *r->rank_low);
    r->rank_high = calloc(cells, sizeof *r->rank_high);
    r->tier = calloc(cells, sizeof *r->tier);
    r->top_share = malloc(cells * sizeof *r->top_share);
    /* ranks[j * resamples + b]: the rank in resample b of the person of rank j + 1 */
    uint32_t *ranks = NULL;
    if (eligible && resamples <= SIZE_MAX / sizeof *ranks / eligible)
        ranks = malloc(eligible * resamples * sizeof *ranks);
    if (!r->rank_low || !r->rank_high || !r->tier || !r->top_share || (eligible && !ranks)) {
        free(ranks);
        return champ__nomem();
    }
    for (size_t v = 0; v < r->n; v++)
        r->top_share[v] = NAN;
    if (!eligible)
        return CHAMP_OK;
    resampler x;
    champ_status st = resampler_init(&x, r, g, net, o);
    if (!st)
        st = champ__progress(&o->progress, "confidence", 0);
    uint32_t outside = (uint32_t)eligible + 1; /* SPEC 10.1: not eligible = rank N + 1 */
    for (size_t b = 0; !st && b < resamples; b++) {
        if ((st = resample(&x, b)))
            break;
        for (size_t j = 0; j < eligible; j++) {
            uint32_t rank = x.rank[r->order[j]];
            ranks[j * resamples + b] = rank == 0 || rank > outside ? outside : rank;
        }
        st = champ__progress(&o->progress, "confidence", (double)(b + 1) / (double)resamples);
    }
    resampler_free(&x);
    if (!st) {
        summarise(r, ranks, eligible, resamples);
        if (unstable_warning(r, eligible))
            st = champ__nomem();
    }
    free(ranks);
    return st;
}

/* ---- getters ------------------------------------------------------------ */

size_t champ_ranking_resamples(const champ_ranking *r)
{
    return r ? r->resamples : 0;
}

/* The person at output position i when they have an interval, else CHAMP_NONE. */
static uint32_t with_interval(const champ_ranking *r, size_t i)
{
    if (!r || !r->resamples || i >= r->n || !r->eligible[r->order[i]])
        return CHAMP_NONE;
    return r->order[i];
}

int champ_ranking_interval(const champ_ranking *r, size_t i, size_t *rank_low, size_t *rank_high,
                           double *top_share)
{
    uint32_t v = with_interval(r, i);
    if (v == CHAMP_NONE)
        return 0;
    if (rank_low)
        *rank_low = r->rank_low[v];
    if (rank_high)
        *rank_high = r->rank_high[v];
    if (top_share)
        *top_share = r->top_share[v];
    return 1;
}

size_t champ_ranking_tier(const champ_ranking *r, size_t i)
{
    uint32_t v = with_interval(r, i);
    return v == CHAMP_NONE ? 0 : r->tier[v];
}

champ_status champ_ranking_intervals(const champ_ranking *r, size_t *rank_low, size_t *rank_high,
                                     double *top_share, size_t *tier)
{
    if (!r)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_intervals: ranking is NULL");
    for (size_t i = 0; i < r->n; i++) {
        uint32_t v = with_interval(r, i);
        if (rank_low)
            rank_low[i] = v == CHAMP_NONE ? 0 : r->rank_low[v];
        if (rank_high)
            rank_high[i] = v == CHAMP_NONE ? 0 : r->rank_high[v];
        if (top_share)
            top_share[i] = v == CHAMP_NONE ? NAN : r->top_share[v];
        if (tier)
            tier[i] = v == CHAMP_NONE ? 0 : r->tier[v];
    }
    return CHAMP_OK;
}
