/* Options: defaults and validated setters. A setter that fails leaves the
 * options unchanged. */
#include "options.h"
#include "errors.h"
#include "scenarios.h"
#include "utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const double DEFAULT_WEIGHTS[CHAMP_CRITERION_COUNT] = {0.30, 0.25, 0.15, 0.15, 0.15};
static const char DEFAULT_CHAMPION_GROUP[] = "staff";
#define DEFAULT_TOP 10
#define DEFAULT_MIN_GROUP_SIZE 5

champ_status champ_options_new(champ_options **out)
{
    if (!out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_options_new: out is NULL");
    *out = NULL;
    champ_options *o = calloc(1, sizeof *o);
    if (!o)
        return champ__nomem();
    memcpy(o->weight, DEFAULT_WEIGHTS, sizeof o->weight);
    o->since = NAN;
    o->until = NAN;
    o->min_activity = 1;
    o->reciprocity_prior = 2;
    o->seed = 1;
    o->scenario = -1;
    o->top = DEFAULT_TOP;
    o->period = CHAMP_PERIOD_MONTH;
    o->min_group_size = DEFAULT_MIN_GROUP_SIZE;
    champ_strtab_init(&o->type_names);
    champ_strtab_init(&o->champion_groups);
    champ_strtab_init(&o->audience_groups);
    uint32_t staff;
    if (champ_strtab_intern(&o->champion_groups, DEFAULT_CHAMPION_GROUP,
                            strlen(DEFAULT_CHAMPION_GROUP), &staff, NULL)) {
        champ_options_free(o);
        return champ__nomem();
    }
    *out = o;
    return CHAMP_OK;
}

void champ_options_free(champ_options *o)
{
    if (!o)
        return;
    champ_strtab_clear(&o->type_names);
    champ_strtab_clear(&o->champion_groups);
    champ_strtab_clear(&o->audience_groups);
    free(o->type_weight);
    free(o);
}

static champ_status check_options(const champ_options *o, const char *fn)
{
    return o ? CHAMP_OK : champ__fail(CHAMP_ERR_ARGUMENT, "%s: options are NULL", fn);
}

static champ_status check_non_negative(const char *what, double x)
{
    if (isfinite(x) && x >= 0)
        return CHAMP_OK;
    return champ__fail(CHAMP_ERR_ARGUMENT, "%s: expected a finite number >= 0, got %g", what, x);
}

champ_status champ_options_set_weight(champ_options *o, champ_criterion c, double w)
{
    champ_status st = check_options(o, "champ_options_set_weight");
    if (st)
        return st;
    if ((unsigned)c >= CHAMP_CRITERION_COUNT)
        return champ__fail(CHAMP_ERR_ARGUMENT, "weight: unknown criterion %d", (int)c);
    if ((st = check_non_negative(champ_criterion_name(c), w)))
        return st;
    o->weight[c] = w;
    return CHAMP_OK;
}

champ_status champ_options_set_window(champ_options *o, double since, double until)
{
    champ_status st = check_options(o, "champ_options_set_window");
    if (st)
        return st;
    if (isinf(since) || isinf(until))
        return champ__fail(CHAMP_ERR_ARGUMENT, "window: expected finite Unix seconds or NAN");
    o->since = since;
    o->until = until;
    return CHAMP_OK;
}

static champ_status check_name(const char *what, const char *s)
{
    if (!s)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s is NULL", what);
    if (!champ__utf8_valid(s, strlen(s)))
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: invalid UTF-8", what);
    return CHAMP_OK;
}

champ_status champ_options_set_type_weight(champ_options *o, const char *type, double w)
{
    champ_status st = check_options(o, "champ_options_set_type_weight");
    if (st || (st = check_name("type", type)) || (st = check_non_negative("type weight", w)))
        return st;
    uint32_t k;
    int added;
    size_t before = o->type_names.count;
    if (champ_strtab_intern(&o->type_names, type, strlen(type), &k, &added))
        return champ__nomem();
    if (added) {
        double *grown = realloc(o->type_weight, o->type_names.count * sizeof *grown);
        if (!grown) {
            champ_strtab_truncate(&o->type_names, before);
            return champ__nomem();
        }
        o->type_weight = grown;
    }
    o->type_weight[k] = w;
    return CHAMP_OK;
}

double champ__options_type_weight(const champ_options *o, const char *name, size_t len)
{
    uint32_t k = champ_strtab_find(&o->type_names, name, len);
    return k == CHAMP_STRTAB_NONE ? 1.0 : o->type_weight[k];
}

champ_status champ_options_set_min_activity(champ_options *o, double min)
{
    champ_status st = check_options(o, "champ_options_set_min_activity");
    if (st)
        return st;
    if (!isfinite(min))
        return champ__fail(CHAMP_ERR_ARGUMENT, "min_activity: expected a finite number");
    o->min_activity = min;
    return CHAMP_OK;
}

/* Replace `set` with the n names, all or nothing. */
static champ_status set_groups(champ_strtab *set, const char *what,
                               const char *const *groups, size_t n)
{
    if (n > 0 && !groups)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: groups is NULL", what);
    champ_strtab fresh;
    champ_strtab_init(&fresh);
    for (size_t i = 0; i < n; i++) {
        champ_status st = check_name(what, groups[i]);
        uint32_t k;
        if (!st && champ_strtab_intern(&fresh, groups[i], strlen(groups[i]), &k, NULL))
            st = champ__nomem();
        if (st) {
            champ_strtab_clear(&fresh);
            return st;
        }
    }
    champ_strtab_clear(set);
    *set = fresh;
    return CHAMP_OK;
}

champ_status champ_options_set_champion_groups(champ_options *o, const char *const *groups,
                                               size_t n)
{
    champ_status st = check_options(o, "champ_options_set_champion_groups");
    if (st || (st = set_groups(&o->champion_groups, "champion group", groups, n)))
        return st;
    o->champion_groups_set = 1;
    return CHAMP_OK;
}

champ_status champ_options_set_audience_groups(champ_options *o, const char *const *groups,
                                               size_t n)
{
    champ_status st = check_options(o, "champ_options_set_audience_groups");
    if (st || (st = set_groups(&o->audience_groups, "audience group", groups, n)))
        return st;
    o->audience_groups_set = 1;
    return CHAMP_OK;
}

/* Groups from a preset replace `set` unless the caller set it; `fresh` is
 * taken over or freed. */
static void preset(champ_strtab *set, champ_strtab *fresh, int set_by_caller)
{
    if (set_by_caller) {
        champ_strtab_clear(fresh);
        return;
    }
    champ_strtab_clear(set);
    *set = *fresh;
}

/* A scenario's preset, for the groups the caller has not set: all or
 * nothing. */
champ_status champ_options_set_scenario(champ_options *o, champ_scenario s)
{
    champ_status st = check_options(o, "champ_options_set_scenario");
    if (st)
        return st;
    if (!champ_scenario_name(s))
        return champ__fail(CHAMP_ERR_ARGUMENT, "scenario: unknown scenario %d", (int)s);
    const char *audience = champ__scenario_audience(s), *champion = DEFAULT_CHAMPION_GROUP;
    champ_strtab audiences, champions;
    champ_strtab_init(&audiences);
    champ_strtab_init(&champions);
    uint32_t k;
    if ((audience && champ_strtab_intern(&audiences, audience, strlen(audience), &k, NULL)) ||
        champ_strtab_intern(&champions, champion, strlen(champion), &k, NULL)) {
        champ_strtab_clear(&audiences);
        champ_strtab_clear(&champions);
        return champ__nomem();
    }
    preset(&o->audience_groups, &audiences, o->audience_groups_set);
    preset(&o->champion_groups, &champions, o->champion_groups_set);
    o->scenario = (int)s;
    return CHAMP_OK;
}

champ_status champ_options_set_period(champ_options *o, champ_period p)
{
    champ_status st = check_options(o, "champ_options_set_period");
    if (st)
        return st;
    if (!champ_period_name(p))
        return champ__fail(CHAMP_ERR_ARGUMENT, "period: unknown period %d", (int)p);
    o->period = p;
    return CHAMP_OK;
}

champ_status champ_options_set_top(champ_options *o, size_t n)
{
    champ_status st = check_options(o, "champ_options_set_top");
    if (st)
        return st;
    if (n == 0)
        return champ__fail(CHAMP_ERR_ARGUMENT, "top: expected at least 1 champion, got 0");
    o->top = n;
    return CHAMP_OK;
}

champ_status champ_options_set_reciprocity_prior(champ_options *o, double alpha)
{
    champ_status st = check_options(o, "champ_options_set_reciprocity_prior");
    if (st || (st = check_non_negative("reciprocity_prior", alpha)))
        return st;
    o->reciprocity_prior = alpha;
    return CHAMP_OK;
}

champ_status champ_options_set_bridging_samples(champ_options *o, size_t k)
{
    champ_status st = check_options(o, "champ_options_set_bridging_samples");
    if (st)
        return st;
    o->bridging_samples = k;
    return CHAMP_OK;
}

champ_status champ_options_set_seed(champ_options *o, uint64_t seed)
{
    champ_status st = check_options(o, "champ_options_set_seed");
    if (st)
        return st;
    o->seed = seed;
    return CHAMP_OK;
}

champ_status champ_options_set_bridging_estimate(champ_options *o, champ_estimate estimate)
{
    champ_status st = check_options(o, "champ_options_set_bridging_estimate");
    if (st)
        return st;
    if (!champ_estimate_name(estimate))
        return champ__fail(CHAMP_ERR_ARGUMENT, "bridging_estimate: unknown estimate %d",
                           (int)estimate);
    o->bridging_estimate = estimate;
    return CHAMP_OK;
}

champ_status champ_options_set_min_tie_weight(champ_options *o, double min)
{
    champ_status st = check_options(o, "champ_options_set_min_tie_weight");
    if (st || (st = check_non_negative("min_tie_weight", min)))
        return st;
    o->min_tie_weight = min;
    return CHAMP_OK;
}

champ_status champ_options_set_confidence(champ_options *o, size_t resamples)
{
    champ_status st = check_options(o, "champ_options_set_confidence");
    if (st)
        return st;
    if (resamples > CHAMP_CONFIDENCE_MAX)
        return champ__fail(CHAMP_ERR_ARGUMENT,
                           "confidence: at most %d resamples, got %zu", CHAMP_CONFIDENCE_MAX,
                           resamples);
    o->confidence = resamples;
    return CHAMP_OK;
}

champ_status champ_options_allow_small_groups(champ_options *o, int allow)
{
    champ_status st = check_options(o, "champ_options_allow_small_groups");
    if (st)
        return st;
    o->allow_small_groups = allow != 0;
    if (!o->allow_small_groups && o->min_group_size < DEFAULT_MIN_GROUP_SIZE)
        o->min_group_size = DEFAULT_MIN_GROUP_SIZE;
    return CHAMP_OK;
}

champ_status champ_options_set_min_group_size(champ_options *o, size_t n)
{
    champ_status st = check_options(o, "champ_options_set_min_group_size");
    if (st)
        return st;
    if (n < DEFAULT_MIN_GROUP_SIZE && !o->allow_small_groups)
        return champ__fail(CHAMP_ERR_ARGUMENT,
                           "min_group_size: %zu is below the default %d, which takes allowing "
                           "small groups explicitly first",
                           n, DEFAULT_MIN_GROUP_SIZE);
    o->min_group_size = n;
    return CHAMP_OK;
}

champ_status champ_options_set_progress(champ_options *o, champ_progress_fn fn, void *user)
{
    champ_status st = check_options(o, "champ_options_set_progress");
    if (st)
        return st;
    o->progress = (champ_progress){fn, fn ? user : NULL};
    return CHAMP_OK;
}

/* ---- reading the options back ---------------------------------------- */

double champ_options_get_weight(const champ_options *o, champ_criterion c)
{
    return o && (unsigned)c < CHAMP_CRITERION_COUNT ? o->weight[c] : NAN;
}

double champ_options_get_min_activity(const champ_options *o)
{
    return o ? o->min_activity : NAN;
}

double champ_options_get_reciprocity_prior(const champ_options *o)
{
    return o ? o->reciprocity_prior : NAN;
}

size_t champ_options_get_bridging_samples(const champ_options *o)
{
    return o ? o->bridging_samples : 0;
}

uint64_t champ_options_get_seed(const champ_options *o)
{
    return o ? o->seed : 0;
}

champ_estimate champ_options_get_bridging_estimate(const champ_options *o)
{
    return o ? o->bridging_estimate : CHAMP_ESTIMATE_PIVOTS;
}

static const char *group_at(const champ_strtab *set, size_t i)
{
    return i < set->count ? champ_strtab_get(set, (uint32_t)i) : NULL;
}

size_t champ_options_champion_group_count(const champ_options *o)
{
    return o ? o->champion_groups.count : 0;
}

const char *champ_options_champion_group(const champ_options *o, size_t i)
{
    return o ? group_at(&o->champion_groups, i) : NULL;
}

size_t champ_options_audience_group_count(const champ_options *o)
{
    return o ? o->audience_groups.count : 0;
}

const char *champ_options_audience_group(const champ_options *o, size_t i)
{
    return o ? group_at(&o->audience_groups, i) : NULL;
}

int champ_options_get_scenario(const champ_options *o)
{
    return o ? o->scenario : -1;
}

size_t champ_options_get_top(const champ_options *o)
{
    return o ? o->top : 0;
}

champ_period champ_options_get_period(const champ_options *o)
{
    return o ? o->period : CHAMP_PERIOD_MONTH;
}

double champ_options_get_min_tie_weight(const champ_options *o)
{
    return o ? o->min_tie_weight : NAN;
}

size_t champ_options_get_confidence(const champ_options *o)
{
    return o ? o->confidence : 0;
}

size_t champ_options_get_min_group_size(const champ_options *o)
{
    return o ? o->min_group_size : 0;
}

int champ_options_get_allow_small_groups(const champ_options *o)
{
    return o ? o->allow_small_groups : 0;
}
