/* Eligibility, mid-rank percentiles, score, rank and output order (SPEC 4.7,
 * 4.8), the summary (4.9) and the getters. */
#include "ranking.h"
#include "errors.h"
#include "text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Values this close (relative) to the smallest value of their group are one
 * value for percentiles, so that floating-point rounding (PRPACK converges to
 * 1e-10, betweenness sums fractions) never splits people whose values are
 * mathematically equal. Anchoring at the group's first value keeps a chain
 * of small steps from merging values that are far apart. */
#define TIE_TOLERANCE 1e-9

/* qsort has no context argument; these comparators read champ_sort_items. */
static int by_id(const void *a, const void *b)
{
    return strcmp(((const champ_sort_item *)a)->id, ((const champ_sort_item *)b)->id);
}

static int nearly_equal(double a, double b)
{
    return fabs(b - a) <= TIE_TOLERANCE * fmax(fabs(a), fabs(b));
}

/* A value to sort by: its bits mapped so that their unsigned order is the
 * numeric order (a negative number's bits all flipped, the sign bit of
 * any other set). */
typedef struct radix_item {
    uint64_t key;
    uint32_t person;
} radix_item;

static uint64_t ordered_bits(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return b >> 63 ? ~b : b | UINT64_C(1) << 63;
}

/* Least-significant-digit radix sort of a[0..n) by key, a byte a pass,
 * between a and b; a pass whose byte is the same for all is skipped.
 * Returns the array that holds the result. Our own, not qsort: the five
 * sorts of every ranking took 8% of a run with --confidence on the
 * 100k-people benchmark through qsort's comparator calls, and this takes
 * a small fraction of that (docs/performance.md, Confidence). */
static radix_item *radix_sort(radix_item *a, radix_item *b, size_t n)
{
    uint32_t count[8][256] = {{0}};
    for (size_t i = 0; i < n; i++)
        for (int d = 0; d < 8; d++)
            count[d][(a[i].key >> (8 * d)) & 255]++;
    for (int d = 0; n && d < 8; d++) {
        uint32_t *c = count[d], sum = 0;
        if (c[(a[0].key >> (8 * d)) & 255] == n)
            continue;
        for (int k = 0; k < 256; k++) {
            uint32_t here = c[k];
            c[k] = sum;
            sum += here;
        }
        for (size_t i = 0; i < n; i++)
            b[c[(a[i].key >> (8 * d)) & 255]++] = a[i];
        radix_item *swap = a;
        a = b;
        b = swap;
    }
    return a;
}

/* pct_c(v) = (L + (E - 1) / 2) / (N - 1) over the `count` eligible people,
 * and (place not NULL) v's place: 1 + the people with a larger value.
 * `items` holds 2 count champ_sort_items, used here as two arrays of
 * radix_items. */
static void percentiles(const double *value, const uint32_t *eligible, size_t count,
                        champ_sort_item *items, double *pct, uint32_t *place)
{
    radix_item *a = (radix_item *)(void *)items, *b = a + count;
    for (size_t i = 0; i < count; i++)
        a[i] = (radix_item){ordered_bits(value[eligible[i]]), eligible[i]};
    radix_item *sorted = radix_sort(a, b, count);
    for (size_t lo = 0; lo < count;) {
        size_t hi = lo + 1;
        while (hi < count && nearly_equal(value[sorted[lo].person], value[sorted[hi].person]))
            hi++;
        double p = count == 1 ? 1.0 : ((double)lo + (double)(hi - lo - 1) / 2) / (double)(count - 1);
        for (size_t i = lo; i < hi; i++) {
            pct[sorted[i].person] = p;
            if (place)
                place[sorted[i].person] = (uint32_t)(count - hi + 1);
        }
        lo = hi;
    }
}

void champ__score_people(const champ_metrics *m, const double *weight, const uint32_t *eligible,
                         size_t count, const champ_strtab *ids, champ_sort_item *items,
                         double *const *pct, uint32_t *const *place, double *score,
                         uint32_t *order)
{
    double total = 0;
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        total += weight[c];
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        percentiles(m->value[c], eligible, count, items, pct[c], place ? place[c] : NULL);
    /* by score, largest first (the keys' bits flipped), then by id: the
     * radix sort, then each run of equal scores sorted by id, in the last
     * third of `items` */
    radix_item *a = (radix_item *)(void *)items, *b = a + count;
    champ_named *run = (champ_named *)(void *)(b + count); /* people of equal score, by id */
    for (size_t i = 0; i < count; i++) {
        uint32_t v = eligible[i];
        double sum = 0;
        for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
            sum += weight[c] * pct[c][v];
        score[v] = sum / total;
        a[i] = (radix_item){~ordered_bits(score[v] == 0 ? 0.0 : score[v]), v};
    }
    radix_item *sorted = radix_sort(a, b, count);
    for (size_t lo = 0; lo < count;) {
        size_t hi = lo + 1;
        while (hi < count && sorted[hi].key == sorted[lo].key)
            hi++;
        if (hi - lo == 1) {
            order[lo] = sorted[lo].person;
        } else {
            for (size_t i = lo; i < hi; i++)
                run[i - lo] = (champ_named){champ_strtab_get(ids, sorted[i].person),
                                            sorted[i].person};
            qsort(run, hi - lo, sizeof *run, champ__by_name);
            for (size_t i = lo; i < hi; i++)
                order[i] = run[i - lo].index;
        }
        lo = hi;
    }
}

int champ__group_in(const champ_strtab *set, const champ_strtab *groups, uint32_t group)
{
    return group != CHAMP_NONE &&
           champ_strtab_find(set, champ_strtab_get(groups, group),
                             champ_strtab_len(groups, group)) != CHAMP_STRTAB_NONE;
}

static champ_status allocate(champ_ranking *r, size_t n)
{
    size_t cells = n ? n : 1;
    r->team = malloc(cells * sizeof *r->team);
    r->group = malloc(cells * sizeof *r->group);
    r->eligible = calloc(cells, 1);
    r->rank = calloc(cells, sizeof *r->rank);
    r->score = malloc(cells * sizeof *r->score);
    r->order = malloc(cells * sizeof *r->order);
    int ok = r->team && r->group && r->eligible && r->rank && r->score && r->order;
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++) {
        ok &= (r->pct[c] = malloc(cells * sizeof(double))) != NULL;
        ok &= (r->place[c] = calloc(cells, sizeof(uint32_t))) != NULL;
    }
    return ok ? CHAMP_OK : champ__nomem();
}

/* Copies of the network's names, so the ranking outlives the network. */
static champ_status copy_people(champ_ranking *r, const champ_network *net)
{
    if (champ_strtab_copy(&r->ids, &net->ids) || champ_strtab_copy(&r->teams, &net->teams) ||
        champ_strtab_copy(&r->groups, &net->groups))
        return champ__nomem();
    for (uint32_t v = 0; v < r->n; v++) {
        r->team[v] = net->team[v];
        r->group[v] = champ__network_group(net, v);
    }
    return CHAMP_OK;
}

static size_t mark_eligible(champ_ranking *r, const champ_options *o, uint32_t *eligible)
{
    size_t count = 0;
    for (uint32_t v = 0; v < r->n; v++) {
        r->eligible[v] = champ__group_in(&o->champion_groups, &r->groups, r->group[v]) &&
                         r->m.value[CHAMP_ACTIVITY][v] >= o->min_activity;
        if (r->eligible[v])
            eligible[count++] = v;
    }
    return count;
}

static double weight_total(const champ_options *o)
{
    double total = 0;
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        total += o->weight[c];
    return total;
}

static void score_and_order(champ_ranking *r, const champ_options *o, const uint32_t *eligible,
                            size_t count, champ_sort_item *items)
{
    double total = weight_total(o);
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        r->weight[c] = o->weight[c] / total;
    for (uint32_t v = 0; v < r->n; v++) {
        r->score[v] = NAN;
        for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
            r->pct[c][v] = NAN;
    }
    champ__score_people(&r->m, o->weight, eligible, count, &r->ids, items, r->pct, r->place,
                        r->score, r->order);
    for (size_t i = 0; i < count; i++)
        r->rank[r->order[i]] = i + 1;
    size_t others = 0;
    for (uint32_t v = 0; v < r->n; v++)
        if (!r->eligible[v])
            items[others++] = (champ_sort_item){0, v, champ_strtab_get(&r->ids, v)};
    qsort(items, others, sizeof *items, by_id);
    for (size_t i = 0; i < others; i++)
        r->order[count + i] = items[i].person;
}

static void summarise(champ_ranking *r, const champ_network *net, const champ_graph *g,
                      size_t eligible)
{
    size_t listed = 0;
    for (uint32_t v = 0; v < r->n; v++)
        listed += r->group[v] != CHAMP_NONE;
    double *s = r->summary;
    s[CHAMP_SUMMARY_PEOPLE] = (double)r->n;
    s[CHAMP_SUMMARY_LISTED] = (double)listed;
    s[CHAMP_SUMMARY_ELIGIBLE] = (double)eligible;
    s[CHAMP_SUMMARY_INTERACTIONS] = (double)g->kept;
    s[CHAMP_SUMMARY_DROPPED_SELF] = (double)net->dropped_self;
    s[CHAMP_SUMMARY_DROPPED_WINDOW] = (double)g->dropped_window;
    s[CHAMP_SUMMARY_TIES] = (double)r->m.ties;
    s[CHAMP_SUMMARY_MUTUAL_TIES] = (double)r->m.mutual_ties;
    s[CHAMP_SUMMARY_RECIPROCITY] = r->m.reciprocity;
    s[CHAMP_SUMMARY_TEAMS] = (double)r->m.teams;
    s[CHAMP_SUMMARY_CROSS_TEAM_SHARE] = r->m.cross_team_share;
    s[CHAMP_SUMMARY_DROPPED_ZERO] = net->skips_zero ? (double)net->dropped_zero : NAN;
}

champ_status champ__check_rank_options(const champ_options *o)
{
    double total = weight_total(o);
    if (!(total > 0))
        return champ__fail(CHAMP_ERR_ARGUMENT, "weights: at least one criterion needs a weight > 0");
    if (!isfinite(total))
        return champ__fail(CHAMP_ERR_ARGUMENT, "weights: their sum must be a finite number");
    if (!isnan(o->since) && !isnan(o->until) && !(o->since < o->until))
        return champ__fail(CHAMP_ERR_ARGUMENT, "window: since (%.17g) must be before until (%.17g)",
                           o->since, o->until);
    return CHAMP_OK;
}

/* The ranking keeps the graph's rows and out-weights (its writers of the
 * tie graph need them), and each person's output position. */
static champ_status keep_ties(champ_ranking *r, champ_graph *g)
{
    if (!(r->position = malloc((r->n ? r->n : 1) * sizeof *r->position)))
        return champ__nomem();
    for (size_t i = 0; i < r->n; i++)
        r->position[r->order[i]] = i;
    r->tie_start = g->start;
    r->tie_to = g->nbr;
    r->tie_w = g->w_out;
    r->tie_count = g->arcs;
    r->tie_weak = g->weak;
    g->weak = NULL;
    g->start = NULL;
    g->nbr = NULL;
    g->w_out = NULL;
    return CHAMP_OK;
}

static champ_status rank_with(const champ_network *net, const champ_options *o,
                              champ_ranking *r)
{
    champ_status st;
    champ_graph g;
    uint32_t *eligible = NULL;
    champ_sort_item *items = NULL;
    r->n = net->ids.count;
    if ((st = allocate(r, r->n)) || (st = copy_people(r, net)))
        return st;
    if (champ_strtab_copy(&r->audience, &o->audience_groups) ||
        champ_strtab_copy(&r->champion_groups, &o->champion_groups))
        return champ__nomem();
    r->min_activity = o->min_activity;
    r->scenario = o->scenario;
    r->since = o->since;
    r->until = o->until;
    r->first_time = r->last_time = NAN;
    if ((st = champ__progress(&o->progress, "graph", 0)) ||
        (st = champ__graph_build(&g, net, o)))
        return st;
    st = champ__metrics_compute(&r->m, &g, net, o);
    if (!st)
        st = champ__progress(&o->progress, "ranking", 0);
    eligible = malloc((r->n ? r->n : 1) * sizeof *eligible);
    items = malloc(2 * (r->n ? r->n : 1) * sizeof *items);
    if (!st && (!eligible || !items))
        st = champ__nomem();
    if (!st) {
        size_t count = mark_eligible(r, o, eligible);
        score_and_order(r, o, eligible, count, items);
        summarise(r, net, &g, count);
        r->top = o->top;
        for (uint32_t v = 0; v < r->n; v++)
            r->audience_people += champ__group_in(&r->audience, &r->groups, r->group[v]);
        st = champ__warnings_compute(&r->warnings, net, &g, o, r->summary);
    }
    free(eligible);
    free(items);
    if (!st && !(st = champ__flags_compute(r, &g, net, o)) && !(st = champ__teams_compute(r, o)))
        st = champ__progress(&o->progress, "ranking", 1);
    if (!st && o->confidence)
        st = champ__confidence(r, &g, net, o);
    if (!st)
        st = keep_ties(r, &g);
    champ__graph_free(&g);
    return st;
}

/* A new ranking of net with o (not NULL) in *out. */
static champ_status rank_new(const champ_network *net, const champ_options *o,
                             champ_ranking **out)
{
    champ_status st;
    champ_ranking *r = calloc(1, sizeof *r);
    if (!r)
        st = champ__nomem();
    else if (!(st = champ__check_rank_options(o)))
        st = rank_with(net, o, r);
    if (st) {
        champ_ranking_free(r);
        return st;
    }
    *out = r;
    return CHAMP_OK;
}

champ_status champ_rank(const champ_network *net, const champ_options *o, champ_ranking **out)
{
    champ_status st;
    champ_options *defaults = NULL;
    if (!out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_rank: out is NULL");
    *out = NULL;
    if (!net)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_rank: network is NULL");
    if (!o) {
        if ((st = champ_options_new(&defaults)))
            return st;
        o = defaults;
    }
    st = rank_new(net, o, out);
    champ_options_free(defaults);
    return st;
}

champ_status champ__rank_window(const champ_network *net, const champ_options *o, double since,
                                double until, champ_ranking **out)
{
    champ_options windowed = *o; /* shares o's tables: read only, never freed */
    windowed.since = since;
    windowed.until = until;
    windowed.progress = (champ_progress){NULL, NULL};
    windowed.confidence = 0; /* a period is ranked, not resampled */
    *out = NULL;
    return rank_new(net, &windowed, out);
}

void champ_ranking_free(champ_ranking *r)
{
    if (!r)
        return;
    champ_strtab_clear(&r->ids);
    champ_strtab_clear(&r->teams);
    champ_strtab_clear(&r->groups);
    champ_strtab_clear(&r->audience);
    champ_strtab_clear(&r->champion_groups);
    free(r->team);
    free(r->group);
    free(r->eligible);
    free(r->rank);
    free(r->score);
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++) {
        free(r->pct[c]);
        free(r->place[c]);
    }
    free(r->order);
    free(r->tie_weak);
    free(r->flags);
    free(r->shadow_of);
    free(r->shadow_share);
    free(r->rank_low);
    free(r->rank_high);
    free(r->tier);
    free(r->top_share);
    free(r->team_row);
    free(r->row_of);
    free(r->position);
    free(r->tie_start);
    free(r->tie_to);
    free(r->tie_w);
    champ__metrics_free(&r->m);
    champ__warnings_free(&r->warnings);
    free(r);
}

/* ---- getters ------------------------------------------------------------ */

size_t champ_ranking_count(const champ_ranking *r)
{
    return r ? r->n : 0;
}

/* The person at output position i, or CHAMP_NONE when out of range. */
static uint32_t person_at(const champ_ranking *r, size_t i)
{
    return r && i < r->n ? r->order[i] : CHAMP_NONE;
}

const char *champ_ranking_id(const champ_ranking *r, size_t i)
{
    uint32_t v = person_at(r, i);
    return v == CHAMP_NONE ? NULL : champ_strtab_get(&r->ids, v);
}

const char *champ_ranking_team(const champ_ranking *r, size_t i)
{
    uint32_t v = person_at(r, i);
    return v == CHAMP_NONE || r->team[v] == CHAMP_NONE ? NULL : champ_strtab_get(&r->teams, r->team[v]);
}

const char *champ_ranking_group(const champ_ranking *r, size_t i)
{
    uint32_t v = person_at(r, i);
    return v == CHAMP_NONE || r->group[v] == CHAMP_NONE ? NULL
                                                         : champ_strtab_get(&r->groups, r->group[v]);
}

int champ_ranking_listed(const champ_ranking *r, size_t i)
{
    uint32_t v = person_at(r, i);
    return v != CHAMP_NONE && r->group[v] != CHAMP_NONE;
}

int champ_ranking_eligible(const champ_ranking *r, size_t i)
{
    uint32_t v = person_at(r, i);
    return v != CHAMP_NONE && r->eligible[v];
}

size_t champ_ranking_rank(const champ_ranking *r, size_t i)
{
    uint32_t v = person_at(r, i);
    return v == CHAMP_NONE ? 0 : r->rank[v];
}

double champ_ranking_score(const champ_ranking *r, size_t i)
{
    uint32_t v = person_at(r, i);
    return v == CHAMP_NONE ? NAN : r->score[v];
}

double champ_ranking_value(const champ_ranking *r, size_t i, champ_criterion c)
{
    uint32_t v = person_at(r, i);
    return v == CHAMP_NONE || (unsigned)c >= CHAMP_CRITERION_COUNT ? NAN : r->m.value[c][v];
}

double champ_ranking_percentile(const champ_ranking *r, size_t i, champ_criterion c)
{
    uint32_t v = person_at(r, i);
    return v == CHAMP_NONE || (unsigned)c >= CHAMP_CRITERION_COUNT ? NAN : r->pct[c][v];
}

double champ_ranking_diagnostic(const champ_ranking *r, size_t i, champ_diagnostic d)
{
    uint32_t v = person_at(r, i);
    return v == CHAMP_NONE || (unsigned)d >= CHAMP_DIAGNOSTIC_COUNT ? NAN : r->m.diag[d][v];
}

/* Bulk reads: the getters above, applied to every output position. */

static champ_status check_bulk(const char *fn, const champ_ranking *r, const void *out)
{
    if (!r || !out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: %s is NULL", fn, r ? "out" : "ranking");
    return CHAMP_OK;
}

champ_status champ_ranking_ranks(const champ_ranking *r, size_t *out)
{
    champ_status st = check_bulk("champ_ranking_ranks", r, out);
    for (size_t i = 0; !st && i < r->n; i++)
        out[i] = r->rank[r->order[i]];
    return st;
}

/* Copy a per-person column into output order. */
static void gather(const champ_ranking *r, const double *column, double *out)
{
    for (size_t i = 0; i < r->n; i++)
        out[i] = column[r->order[i]];
}

champ_status champ_ranking_scores(const champ_ranking *r, double *out)
{
    champ_status st = check_bulk("champ_ranking_scores", r, out);
    if (!st)
        gather(r, r->score, out);
    return st;
}

static champ_status check_criterion(const char *fn, const champ_ranking *r, champ_criterion c,
                                    const double *out)
{
    champ_status st = check_bulk(fn, r, out);
    if (!st && (unsigned)c >= CHAMP_CRITERION_COUNT)
        st = champ__fail(CHAMP_ERR_ARGUMENT, "%s: no criterion %d", fn, (int)c);
    return st;
}

champ_status champ_ranking_values(const champ_ranking *r, champ_criterion c, double *out)
{
    champ_status st = check_criterion("champ_ranking_values", r, c, out);
    if (!st)
        gather(r, r->m.value[c], out);
    return st;
}

champ_status champ_ranking_percentiles(const champ_ranking *r, champ_criterion c, double *out)
{
    champ_status st = check_criterion("champ_ranking_percentiles", r, c, out);
    if (!st)
        gather(r, r->pct[c], out);
    return st;
}

champ_status champ_ranking_diagnostics(const champ_ranking *r, champ_diagnostic d, double *out)
{
    champ_status st = check_bulk("champ_ranking_diagnostics", r, out);
    if (!st && (unsigned)d >= CHAMP_DIAGNOSTIC_COUNT)
        st = champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_diagnostics: no diagnostic %d",
                         (int)d);
    if (!st)
        gather(r, r->m.diag[d], out);
    return st;
}

/* The text of `column` for person v, "" when absent. */
static const char *text_of(const champ_ranking *r, champ_text column, uint32_t v)
{
    const champ_strtab *table = column == CHAMP_TEXT_ID ? &r->ids
                              : column == CHAMP_TEXT_TEAM ? &r->teams : &r->groups;
    uint32_t k = column == CHAMP_TEXT_ID ? v : column == CHAMP_TEXT_TEAM ? r->team[v] : r->group[v];
    return k == CHAMP_NONE ? "" : champ_strtab_get(table, k);
}

champ_status champ_ranking_texts(const champ_ranking *r, champ_text column, char *buf,
                                 size_t size, size_t *needed)
{
    if (!r)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_texts: ranking is NULL");
    if ((unsigned)column > CHAMP_TEXT_GROUP)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_texts: no column %d", (int)column);
    size_t total = 0;
    for (size_t i = 0; i < r->n; i++)
        total += strlen(text_of(r, column, r->order[i])) + 1;
    if (needed)
        *needed = total;
    if (!buf && size == 0 && needed)
        return CHAMP_OK;
    if (!buf || size < total)
        return champ__fail(CHAMP_ERR_ARGUMENT,
                           "champ_ranking_texts: the buffer holds %zu bytes, %zu are needed",
                           buf ? size : 0, total);
    for (size_t i = 0; i < r->n; i++) {
        const char *s = text_of(r, column, r->order[i]);
        size_t len = strlen(s) + 1;
        memcpy(buf, s, len);
        buf += len;
    }
    return CHAMP_OK;
}

double champ_ranking_weight(const champ_ranking *r, champ_criterion c)
{
    return r && (unsigned)c < CHAMP_CRITERION_COUNT ? r->weight[c] : NAN;
}

champ_status champ_ranking_find(const champ_ranking *r, const char *id, size_t *index)
{
    if (!r || !id || !index)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_find: NULL argument");
    uint32_t v = champ_strtab_find(&r->ids, id, strlen(id));
    if (v == CHAMP_STRTAB_NONE) {
        char quoted[CHAMP_EXCERPT_MAX + 4];
        champ__excerpt(quoted, id, strlen(id));
        return champ__fail(CHAMP_ERR_NOT_FOUND, "no person with id \"%s\"", quoted);
    }
    /* Eligible people sit at rank - 1; the others follow them, sorted by id. */
    if (r->eligible[v]) {
        *index = r->rank[v] - 1;
        return CHAMP_OK;
    }
    size_t lo = (size_t)r->summary[CHAMP_SUMMARY_ELIGIBLE], hi = r->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(champ_strtab_get(&r->ids, r->order[mid]), id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *index = lo;
    return CHAMP_OK;
}

double champ_ranking_summary(const champ_ranking *r, champ_summary_item item)
{
    return r && (unsigned)item < CHAMP_SUMMARY_ITEM_COUNT ? r->summary[item] : NAN;
}

size_t champ_ranking_audience_group_count(const champ_ranking *r)
{
    return r ? r->audience.count : 0;
}

const char *champ_ranking_audience_group(const champ_ranking *r, size_t i)
{
    return r && i < r->audience.count ? champ_strtab_get(&r->audience, (uint32_t)i) : NULL;
}

size_t champ_ranking_top(const champ_ranking *r)
{
    return r ? r->top : 0;
}

int champ_ranking_bridging_exact(const champ_ranking *r)
{
    return r ? r->m.bridging_exact : 0;
}

size_t champ_ranking_bridging_sources(const champ_ranking *r)
{
    return r ? r->m.bridging_sources : 0;
}

champ_estimate champ_ranking_bridging_estimate(const champ_ranking *r)
{
    return r ? r->m.bridging_estimate : CHAMP_ESTIMATE_PIVOTS;
}

size_t champ_ranking_warning_count(const champ_ranking *r)
{
    return r ? r->warnings.count : 0;
}

const char *champ_ranking_warning(const champ_ranking *r, size_t i, champ_warning *kind)
{
    if (!r || i >= r->warnings.count)
        return NULL;
    if (kind)
        *kind = r->warnings.entry[i].kind;
    return r->warnings.entry[i].text;
}
