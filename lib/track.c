/* Tracking (SPEC 9.2): every calendar period ranked as champ_rank() ranks
 * its window, then reduced to its summary, warnings, champions, KPIs and
 * rising champions. The network is shared by all periods; its timed
 * interactions are sorted into the periods once, for the KPIs that count
 * people. */
#include "track.h"
#include "errors.h"
#include "options.h"
#include "progress.h"
#include "ranking.h"
#include "timeparse.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * The calendar
 * ------------------------------------------------------------------------ */

static int64_t day_of(double t)
{
    return (int64_t)floor(t / 86400);
}

double champ__period_start(champ_period kind, double t)
{
    int64_t day = day_of(t), year;
    int month, mday;
    if (kind == CHAMP_PERIOD_WEEK) {
        /* 1970-01-01 was a Thursday: day + 3 counts from a Monday */
        int64_t weekday = ((day + 3) % 7 + 7) % 7;
        return (double)((day - weekday) * 86400);
    }
    champ__civil_from_days(day, &year, &month, &mday);
    if (kind == CHAMP_PERIOD_QUARTER)
        month = (month - 1) / 3 * 3 + 1;
    return (double)(champ__days_from_civil(year, month, 1) * 86400);
}

double champ__period_next(champ_period kind, double start)
{
    int64_t day = day_of(start), year;
    int month, mday;
    if (kind == CHAMP_PERIOD_WEEK)
        return (double)((day + 7) * 86400);
    champ__civil_from_days(day, &year, &month, &mday);
    month += kind == CHAMP_PERIOD_QUARTER ? 3 : 1;
    if (month > 12) {
        month -= 12;
        year++;
    }
    return (double)(champ__days_from_civil(year, month, 1) * 86400);
}

/* ------------------------------------------------------------------------
 * The periods and who is active in each
 * ------------------------------------------------------------------------ */

static int inside(const champ_options *o, double t)
{
    return (isnan(o->since) || o->since <= t) && (isnan(o->until) || t < o->until);
}

/* The timed interactions sorted into the periods (a counting sort):
 * those of period p are at[first[p] .. first[p + 1]). */
typedef struct buckets {
    size_t *first;
    uint32_t *at;   /* interaction indexes; a network holds fewer than 2^32 */
} buckets;

/* Period index of t among the `count` period starts (t inside them). */
static size_t period_of(const double *start, size_t count, double t)
{
    size_t lo = 0, hi = count; /* start[lo] <= t < start[hi] */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (start[mid] <= t)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The period starts from the first timed interaction inside the options'
 * window to the last, in *starts (count + 1 of them: the last closes),
 * and the interactions sorted into them. CHAMP_ERR_SCHEMA when no
 * interaction has a time inside the window. */
static champ_status make_periods(const champ_network *net, const champ_options *o,
                                 champ_period kind, double **starts, size_t *count,
                                 buckets *b)
{
    double first = NAN, last = NAN;
    for (size_t i = 0; i < net->interactions; i++) {
        double t = net->time[i];
        if (isnan(t) || !inside(o, t))
            continue;
        if (isnan(first) || t < first)
            first = t;
        if (isnan(last) || t > last)
            last = t;
    }
    if (isnan(first))
        return champ__fail(CHAMP_ERR_SCHEMA, "nothing to track: %s",
                           isnan(o->since) && isnan(o->until)
                               ? "no interaction has a time"
                               : "no interaction has a time inside the window");
    if (first < CHAMP_TIME_MIN || last >= CHAMP_TIME_MAX) {
        char when[CHAMP_TIME_TEXT_MAX];
        champ__format_time(when, first < CHAMP_TIME_MIN ? first : last);
        return champ__fail(CHAMP_ERR_SCHEMA, "an interaction at %s Unix seconds is outside the "
                           "years 0000 to 9999: it has no calendar period (set a window that "
                           "leaves it out)", when);
    }
    size_t n = 1;
    for (double at = champ__period_start(kind, first); at <= last;
         at = champ__period_next(kind, at))
        if (n++ > CHAMP_TRACK_MAX_PERIODS)
            return champ__fail(CHAMP_ERR_ARGUMENT, "period: the timed interactions span more "
                               "than the %d %ss a tracking ranks; track by a longer period, "
                               "or set a window", CHAMP_TRACK_MAX_PERIODS,
                               champ_period_name(kind));
    size_t cap = n;
    n = 0;
    double *s = malloc(cap * sizeof *s);
    if (!s)
        return champ__nomem();
    for (double at = champ__period_start(kind, first);; at = champ__period_next(kind, at)) {
        s[n++] = at;
        if (at > last)
            break;
    }
    *count = n - 1;
    *starts = s;
    b->first = calloc(n + 1, sizeof *b->first);
    b->at = malloc((net->interactions ? net->interactions : 1) * sizeof *b->at);
    if (!b->first || !b->at)
        return champ__nomem();
    for (size_t i = 0; i < net->interactions; i++) {
        double t = net->time[i];
        if (!isnan(t) && inside(o, t))
            b->first[period_of(s, *count, t) + 1]++;
    }
    for (size_t p = 0; p < *count; p++)
        b->first[p + 1] += b->first[p];
    size_t *fill = malloc((*count ? *count : 1) * sizeof *fill);
    if (!fill)
        return champ__nomem();
    memcpy(fill, b->first, *count * sizeof *fill);
    for (size_t i = 0; i < net->interactions; i++) {
        double t = net->time[i];
        if (!isnan(t) && inside(o, t))
            b->at[fill[period_of(s, *count, t)]++] = (uint32_t)i;
    }
    free(fill);
    return CHAMP_OK;
}

/* ------------------------------------------------------------------------
 * One period's KPIs
 * ------------------------------------------------------------------------ */

/* Scratch shared by the periods: a stamp per person and per team, so that
 * "seen in this pass" needs no clearing. */
typedef struct scratch {
    size_t *person_stamp, *team_stamp, *own_stamp, stamp;
    size_t *previous_rank;       /* per person: rank in the period before; 0: none */
    size_t *previous_champion;   /* per person: stamp_of_previous when a champion then */
    size_t stamp_of_previous;
    size_t previous_count;       /* champions in the period before; SIZE_MAX: no period */
} scratch;

static size_t people_active(const champ_network *net, const buckets *b, size_t p, scratch *x)
{
    size_t stamp = ++x->stamp, count = 0;
    for (size_t k = b->first[p]; k < b->first[p + 1]; k++) {
        uint32_t i = b->at[k], ends[2] = {net->from[i], net->to[i]};
        for (int e = 0; e < 2; e++)
            if (x->person_stamp[ends[e]] != stamp) {
                x->person_stamp[ends[e]] = stamp;
                count++;
            }
    }
    return count;
}

/* Champion reach (the teams tied to a champion, theirs left out) and the
 * audience reached (the audience people tied to a champion). */
static void reach_of(const champ_ranking *r, const uint32_t *champions, size_t count,
                     scratch *x, double *teams, double *audience)
{
    size_t own = ++x->stamp;
    for (size_t k = 0; k < count; k++)
        if (r->team[champions[k]] != CHAMP_NONE)
            x->own_stamp[r->team[champions[k]]] = own;
    size_t seen_team = ++x->stamp, seen_person = ++x->stamp, t_count = 0, a_count = 0;
    int audiences = r->audience.count > 0;
    for (size_t k = 0; k < count; k++) {
        uint32_t c = champions[k];
        for (size_t e = r->tie_start[c]; e < r->tie_start[c + 1]; e++) {
            if (r->tie_weak && r->tie_weak[e])
                continue; /* too thin to count (min_tie_weight) */
            uint32_t u = r->tie_to[e], team = r->team[u];
            if (team != CHAMP_NONE && x->own_stamp[team] != own &&
                x->team_stamp[team] != seen_team) {
                x->team_stamp[team] = seen_team;
                t_count++;
            }
            if (audiences && x->person_stamp[u] != seen_person && champ__group_in(&r->audience, &r->groups, r->group[u])) {
                x->person_stamp[u] = seen_person;
                a_count++;
            }
        }
    }
    *teams = (double)t_count;
    *audience = (double)a_count;
}

/* The period's champions, KPIs and rising champions from its ranking;
 * then the ranking's ranks become the "period before" of the next. */
static champ_status reduce(champ_tracking *t, track_period *p, champ_ranking *r,
                           const champ_network *net, const buckets *b, size_t index,
                           scratch *x)
{
    size_t eligible = (size_t)r->summary[CHAMP_SUMMARY_ELIGIBLE];
    size_t count = eligible < t->top ? eligible : t->top;
    uint32_t *who = malloc((count ? count : 1) * sizeof *who);
    p->champions = malloc((count ? count : 1) * sizeof *p->champions);
    p->rising = malloc((count ? count : 1) * sizeof *p->rising);
    if (!who || !p->champions || !p->rising) {
        free(who);
        return champ__nomem();
    }
    double reciprocity = 0;
    size_t kept = 0;
    for (size_t k = 0; k < count; k++) {
        uint32_t v = r->order[k];
        who[k] = v;
        reciprocity += r->m.value[CHAMP_RECIPROCITY][v];
        if (champ_strtab_intern(&t->ids, champ_strtab_get(&r->ids, v),
                                champ_strtab_len(&r->ids, v), &p->champions[k], NULL)) {
            free(who);
            return champ__nomem();
        }
        p->champion_count++;
        if (x->previous_count != SIZE_MAX) {
            if (x->previous_champion[v] == x->stamp_of_previous)
                kept++;
            else
                p->rising[p->rising_count++] =
                    (track_rise){p->champions[k], k + 1, x->previous_rank[v]};
        }
    }
    p->kpi[CHAMP_KPI_ACTIVE_PEOPLE] = (double)people_active(net, b, index, x);
    p->kpi[CHAMP_KPI_CHAMPION_RECIPROCITY] = count ? reciprocity / (double)count : NAN;
    reach_of(r, who, count, x, &p->kpi[CHAMP_KPI_CHAMPION_REACH],
             &p->kpi[CHAMP_KPI_AUDIENCE_REACHED]);
    p->kpi[CHAMP_KPI_RETAINED] = x->previous_count == SIZE_MAX || x->previous_count == 0
                                     ? NAN
                                     : (double)kept / (double)x->previous_count;
    /* this period becomes the one before */
    x->stamp_of_previous = ++x->stamp;
    for (size_t k = 0; k < count; k++)
        x->previous_champion[who[k]] = x->stamp_of_previous;
    x->previous_count = count;
    memcpy(x->previous_rank, r->rank, r->n * sizeof *r->rank);
    free(who);
    memcpy(p->summary, r->summary, sizeof p->summary);
    p->warnings = r->warnings; /* taken over */
    memset(&r->warnings, 0, sizeof r->warnings);
    return CHAMP_OK;
}

/* ------------------------------------------------------------------------
 * Tracking
 * ------------------------------------------------------------------------ */

static void scratch_free(scratch *x)
{
    free(x->person_stamp);
    free(x->team_stamp);
    free(x->own_stamp);
    free(x->previous_rank);
    free(x->previous_champion);
}

static champ_status scratch_new(scratch *x, const champ_network *net)
{
    size_t people = net->ids.count ? net->ids.count : 1;
    size_t teams = net->teams.count ? net->teams.count : 1;
    memset(x, 0, sizeof *x);
    x->person_stamp = calloc(people, sizeof *x->person_stamp);
    x->team_stamp = calloc(teams, sizeof *x->team_stamp);
    x->own_stamp = calloc(teams, sizeof *x->own_stamp);
    x->previous_rank = calloc(people, sizeof *x->previous_rank);
    x->previous_champion = calloc(people, sizeof *x->previous_champion);
    x->previous_count = SIZE_MAX;
    if (!x->person_stamp || !x->team_stamp || !x->own_stamp || !x->previous_rank ||
        !x->previous_champion)
        return champ__nomem();
    return CHAMP_OK;
}

/* Period p's window: its calendar span cut to the options' window. */
static void window_of(const champ_options *o, const double *start, size_t p, double *since,
                      double *until)
{
    *since = !isnan(o->since) && o->since > start[p] ? o->since : start[p];
    *until = !isnan(o->until) && o->until < start[p + 1] ? o->until : start[p + 1];
}

static champ_status track_all(champ_tracking *t, const champ_network *net,
                              const champ_options *o)
{
    double *start = NULL;
    buckets b = {NULL, NULL};
    scratch x;
    champ_status st = scratch_new(&x, net);
    if (!st)
        st = make_periods(net, o, t->period, &start, &t->count, &b);
    if (!st && !(t->periods = calloc(t->count ? t->count : 1, sizeof *t->periods)))
        st = champ__nomem();
    for (size_t p = 0; !st && p < t->count; p++) {
        if ((st = champ__progress(&o->progress, "track", (double)p / (double)t->count)))
            break;
        track_period *period = &t->periods[p];
        window_of(o, start, p, &period->since, &period->until);
        champ_ranking *r = NULL;
        if (!(st = champ__rank_window(net, o, period->since, period->until, &r)))
            st = reduce(t, period, r, net, &b, p, &x);
        champ_ranking_free(r);
    }
    if (!st)
        st = champ__progress(&o->progress, "track", 1);
    scratch_free(&x);
    free(start);
    free(b.first);
    free(b.at);
    return st;
}

champ_status champ_track(const champ_network *net, const champ_options *o,
                         champ_tracking **out)
{
    champ_status st;
    champ_options *defaults = NULL;
    if (!out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_track: out is NULL");
    *out = NULL;
    if (!net)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_track: network is NULL");
    if (!o) {
        if ((st = champ_options_new(&defaults)))
            return st;
        o = defaults;
    }
    champ_tracking *t = calloc(1, sizeof *t);
    if (!t) {
        st = champ__nomem();
    } else {
        t->period = o->period;
        t->top = o->top;
        t->scenario = o->scenario;
        champ_strtab_init(&t->ids);
        if (!(st = champ__check_rank_options(o)))
            st = track_all(t, net, o);
    }
    champ_options_free(defaults);
    if (st) {
        champ_tracking_free(t);
        return st;
    }
    *out = t;
    return CHAMP_OK;
}

void champ_tracking_free(champ_tracking *t)
{
    if (!t)
        return;
    for (size_t p = 0; p < t->count && t->periods; p++) {
        champ__warnings_free(&t->periods[p].warnings);
        free(t->periods[p].champions);
        free(t->periods[p].rising);
    }
    free(t->periods);
    champ_strtab_clear(&t->ids);
    free(t);
}

/* ---- reading it --------------------------------------------------------- */

static const track_period *period_at(const champ_tracking *t, size_t i)
{
    return t && i < t->count ? &t->periods[i] : NULL;
}

size_t champ_tracking_count(const champ_tracking *t)
{
    return t ? t->count : 0;
}

champ_period champ_tracking_period(const champ_tracking *t)
{
    return t ? t->period : CHAMP_PERIOD_MONTH;
}

size_t champ_tracking_top(const champ_tracking *t)
{
    return t ? t->top : 0;
}

int champ_tracking_scenario(const champ_tracking *t)
{
    return t ? t->scenario : -1;
}

double champ_tracking_since(const champ_tracking *t, size_t i)
{
    const track_period *p = period_at(t, i);
    return p ? p->since : NAN;
}

double champ_tracking_until(const champ_tracking *t, size_t i)
{
    const track_period *p = period_at(t, i);
    return p ? p->until : NAN;
}

double champ_tracking_summary(const champ_tracking *t, size_t i, champ_summary_item item)
{
    const track_period *p = period_at(t, i);
    return p && (unsigned)item < CHAMP_SUMMARY_ITEM_COUNT ? p->summary[item] : NAN;
}

size_t champ_tracking_warning_count(const champ_tracking *t, size_t i)
{
    const track_period *p = period_at(t, i);
    return p ? p->warnings.count : 0;
}

const char *champ_tracking_warning(const champ_tracking *t, size_t i, size_t k,
                                   champ_warning *kind)
{
    const track_period *p = period_at(t, i);
    if (!p || k >= p->warnings.count)
        return NULL;
    if (kind)
        *kind = p->warnings.entry[k].kind;
    return p->warnings.entry[k].text;
}

double champ_tracking_kpi(const champ_tracking *t, size_t i, champ_kpi kpi)
{
    const track_period *p = period_at(t, i);
    return p && (unsigned)kpi < CHAMP_KPI_COUNT ? p->kpi[kpi] : NAN;
}

size_t champ_tracking_champion_count(const champ_tracking *t, size_t i)
{
    const track_period *p = period_at(t, i);
    return p ? p->champion_count : 0;
}

const char *champ_tracking_champion(const champ_tracking *t, size_t i, size_t k)
{
    const track_period *p = period_at(t, i);
    return p && k < p->champion_count ? champ_strtab_get(&t->ids, p->champions[k]) : NULL;
}

size_t champ_tracking_rising_count(const champ_tracking *t, size_t i)
{
    const track_period *p = period_at(t, i);
    return p ? p->rising_count : 0;
}

const char *champ_tracking_rising(const champ_tracking *t, size_t i, size_t k, size_t *rank,
                                  size_t *previous_rank)
{
    const track_period *p = period_at(t, i);
    if (!p || k >= p->rising_count)
        return NULL;
    if (rank)
        *rank = p->rising[k].rank;
    if (previous_rank)
        *previous_rank = p->rising[k].previous;
    return champ_strtab_get(&t->ids, p->rising[k].id);
}
