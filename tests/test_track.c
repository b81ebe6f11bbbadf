/* The programme (SPEC 9): scenarios, the calendar, tracking and its KPIs
 * on a three-month case worked out by hand, every period against
 * champ_rank() of its window, goals and their status, the writers. */
#include "testutil.h"
#include "track.h"

#include <champions.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <string.h>

#define JAN 1767225600.0 /* 2026-01-01T00:00:00Z */
#define FEB 1769904000.0
#define MAR 1772323200.0
#define APR 1775001600.0
#define DAY 86400.0

#define ck_assert_near(a, b) ck_assert_double_eq_tol((a), (b), 1e-12)

/* ------------------------------------------------------------------------
 * Scenarios
 * ------------------------------------------------------------------------ */

static void assert_audience(const champ_options *o, const char *group)
{
    if (!group) {
        ck_assert_uint_eq(champ_options_audience_group_count(o), 0);
        return;
    }
    ck_assert_uint_eq(champ_options_audience_group_count(o), 1);
    ck_assert_str_eq(champ_options_audience_group(o, 0), group);
}

START_TEST(scenario_presets)
{
    static const char *const names[] = {"colleagues", "recruitment", "citizens", "visitors"};
    static const char *const audience[] = {NULL, "candidate", "citizen", "visitor"};
    for (int s = 0; s < CHAMP_SCENARIO_COUNT; s++) {
        ck_assert_str_eq(champ_scenario_name((champ_scenario)s), names[s]);
        ck_assert_ptr_nonnull(champ_scenario_description((champ_scenario)s));
        champ_options *o = NULL;
        ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
        ck_assert_int_eq(champ_options_get_scenario(o), -1);
        ck_assert_int_eq(champ_options_set_scenario(o, (champ_scenario)s), CHAMP_OK);
        ck_assert_int_eq(champ_options_get_scenario(o), s);
        assert_audience(o, audience[s]);
        ck_assert_uint_eq(champ_options_champion_group_count(o), 1);
        ck_assert_str_eq(champ_options_champion_group(o, 0), "staff");
        champ_options_free(o);
    }
    ck_assert_ptr_null(champ_scenario_name(CHAMP_SCENARIO_COUNT));
    ck_assert_ptr_null(champ_scenario_description((champ_scenario)-1));

    /* an explicit option wins over the preset, set before or after it */
    champ_options *o = NULL;
    const char *inwoner[] = {"inwoner"}, *partners[] = {"staff", "partner"};
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_audience_groups(o, inwoner, 1), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_scenario(o, CHAMP_SCENARIO_CITIZENS), CHAMP_OK);
    assert_audience(o, "inwoner");
    ck_assert_int_eq(champ_options_set_scenario(o, CHAMP_SCENARIO_COLLEAGUES), CHAMP_OK);
    assert_audience(o, "inwoner");
    champ_options_free(o);
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_scenario(o, CHAMP_SCENARIO_VISITORS), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_champion_groups(o, partners, 2), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_scenario(o, CHAMP_SCENARIO_RECRUITMENT), CHAMP_OK);
    assert_audience(o, "candidate");
    ck_assert_uint_eq(champ_options_champion_group_count(o), 2);
    ck_assert_int_eq(champ_options_set_scenario(o, (champ_scenario)7), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_options_get_scenario(o), CHAMP_SCENARIO_RECRUITMENT);
    ck_assert_uint_eq(champ_options_get_top(o), 10);
    ck_assert_int_eq(champ_options_set_top(o, 0), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_options_set_top(o, 3), CHAMP_OK);
    ck_assert_uint_eq(champ_options_get_top(o), 3);
    champ_options_free(o);
    ck_assert_int_eq(champ_options_set_scenario(NULL, CHAMP_SCENARIO_CITIZENS),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_options_get_scenario(NULL), -1);
}
END_TEST

/* ------------------------------------------------------------------------
 * The calendar
 * ------------------------------------------------------------------------ */

START_TEST(calendar)
{
    /* 2026-03-11 (a Wednesday) 15:00: week from Monday the 9th */
    double t = 1773241200.0;
    ck_assert_double_eq(champ__period_start(CHAMP_PERIOD_WEEK, t), 1773014400.0);
    ck_assert_double_eq(champ__period_next(CHAMP_PERIOD_WEEK, 1773014400.0), 1773619200.0);
    ck_assert_double_eq(champ__period_start(CHAMP_PERIOD_MONTH, t), MAR);
    ck_assert_double_eq(champ__period_next(CHAMP_PERIOD_MONTH, MAR), APR);
    ck_assert_double_eq(champ__period_start(CHAMP_PERIOD_QUARTER, t), JAN);
    ck_assert_double_eq(champ__period_next(CHAMP_PERIOD_QUARTER, JAN), APR);
    /* a Monday at 00:00 starts its own week; the year wraps */
    ck_assert_double_eq(champ__period_start(CHAMP_PERIOD_WEEK, 1773014400.0), 1773014400.0);
    ck_assert_double_eq(champ__period_next(CHAMP_PERIOD_MONTH, 1764547200.0), JAN); /* Dec */
    ck_assert_double_eq(champ__period_next(CHAMP_PERIOD_QUARTER, 1759276800.0), JAN); /* Oct */
    /* 2024-02-29 is in February of a leap year, whose March starts a day later */
    ck_assert_double_eq(champ__period_start(CHAMP_PERIOD_MONTH, 1709208000.0), 1706745600.0);
    ck_assert_double_eq(champ__period_next(CHAMP_PERIOD_MONTH, 1706745600.0), 1709251200.0);
    /* before 1970: 1969-12-31 12:00 is in the week of Monday 1969-12-29 */
    ck_assert_double_eq(champ__period_start(CHAMP_PERIOD_WEEK, -43200.0), -3 * DAY);
    ck_assert_double_eq(champ__period_start(CHAMP_PERIOD_MONTH, -43200.0), -31 * DAY);
    ck_assert_str_eq(champ_period_name(CHAMP_PERIOD_QUARTER), "quarter");
    ck_assert_ptr_null(champ_period_name(CHAMP_PERIOD_COUNT));
}
END_TEST

/* ------------------------------------------------------------------------
 * Three months by hand
 * ------------------------------------------------------------------------
 * Only activity is weighed, so each month ranks by what each person sent:
 *
 *   Jan  a 3 (to c, d, z), b 2 (to a), c 1 (to b)  ->  a, b | c
 *   Feb  c 5 (to d), a 4 (to b), d 1 (to c); b 0    ->  c, a | d
 *   Mar  d 6 (to z), b 2 (to c), c 1 (to a), a 0.5  ->  d, b | c
 *
 * with the top 2 as champions. Teams: a, b T1; c T2; d T3; z none, a
 * citizen. An untimed interaction belongs to no period. */

static const char *const PEOPLE[][3] = {{"a", "T1", "staff"}, {"b", "T1", "staff"},
                                        {"c", "T2", "staff"}, {"d", "T3", "staff"},
                                        {"z", NULL, "citizen"}};

static const struct {
    const char *from, *to;
    double time, weight;
} SENT[] = {
    {"a", "c", JAN + 9 * DAY, 1}, {"a", "d", JAN + 9 * DAY, 1}, {"a", "z", JAN + 10 * DAY, 1},
    {"b", "a", JAN + 11 * DAY, 2}, {"c", "b", JAN + 12 * DAY, 1},
    {"c", "d", FEB + 3 * DAY, 5}, {"a", "b", FEB + 4 * DAY, 4}, {"d", "c", FEB + 5 * DAY, 1},
    {"d", "z", MAR + 1 * DAY, 6}, {"b", "c", MAR + 2 * DAY, 2}, {"c", "a", MAR + 3 * DAY, 1},
    {"a", "b", MAR + 30 * DAY, 0.5}, {"a", "b", NAN, 7},
};

static champ_network *three_months(void)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    for (size_t i = 0; i < sizeof PEOPLE / sizeof *PEOPLE; i++)
        ck_assert_int_eq(champ_network_add_person(net, PEOPLE[i][0], PEOPLE[i][1],
                                                  PEOPLE[i][2]),
                         CHAMP_OK);
    for (size_t i = 0; i < sizeof SENT / sizeof *SENT; i++)
        ck_assert_int_eq(champ_network_add_interaction(net, SENT[i].from, SENT[i].to,
                                                       SENT[i].time, NULL, SENT[i].weight),
                         CHAMP_OK);
    return net;
}

static champ_options *activity_only(size_t top, int scenario)
{
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        ck_assert_int_eq(champ_options_set_weight(o, (champ_criterion)c, c == CHAMP_ACTIVITY),
                         CHAMP_OK);
    ck_assert_int_eq(champ_options_set_top(o, top), CHAMP_OK);
    if (scenario >= 0)
        ck_assert_int_eq(champ_options_set_scenario(o, (champ_scenario)scenario), CHAMP_OK);
    return o;
}

static void assert_ids(const champ_tracking *t, size_t i, const char *const *ids, size_t n)
{
    ck_assert_uint_eq(champ_tracking_champion_count(t, i), n);
    for (size_t k = 0; k < n; k++)
        ck_assert_str_eq(champ_tracking_champion(t, i, k), ids[k]);
}

static void assert_rising(const champ_tracking *t, size_t i, size_t k, const char *id,
                          size_t rank, size_t previous)
{
    size_t got_rank = 99, got_previous = 99;
    ck_assert_str_eq(champ_tracking_rising(t, i, k, &got_rank, &got_previous), id);
    ck_assert_uint_eq(got_rank, rank);
    ck_assert_uint_eq(got_previous, previous);
}

START_TEST(three_months_by_hand)
{
    champ_network *net = three_months();
    champ_options *o = activity_only(2, CHAMP_SCENARIO_CITIZENS);
    champ_tracking *t = NULL;
    ck_assert_int_eq(champ_track(net, o, &t), CHAMP_OK);
    ck_assert_uint_eq(champ_tracking_count(t), 3);
    ck_assert_int_eq(champ_tracking_period(t), CHAMP_PERIOD_MONTH);
    ck_assert_uint_eq(champ_tracking_top(t), 2);
    ck_assert_int_eq(champ_tracking_scenario(t), CHAMP_SCENARIO_CITIZENS);
    static const double starts[] = {JAN, FEB, MAR, APR};
    for (size_t i = 0; i < 3; i++) {
        ck_assert_double_eq(champ_tracking_since(t, i), starts[i]);
        ck_assert_double_eq(champ_tracking_until(t, i), starts[i + 1]);
    }
    static const char *const jan[] = {"a", "b"}, *feb[] = {"c", "a"}, *mar[] = {"d", "b"};
    assert_ids(t, 0, jan, 2);
    assert_ids(t, 1, feb, 2);
    assert_ids(t, 2, mar, 2);

    /* active people: Jan a b c d z; Feb a b c d; Mar a b c d z */
    static const double active[] = {5, 4, 5};
    /* teams tied to a champion, not a champion's: Jan T2 T3; Feb T3; Mar T2 */
    static const double reach[] = {2, 1, 1};
    /* the citizen z tied to a champion: Jan (a), Mar (d) */
    static const double audience[] = {1, 0, 1};
    for (size_t i = 0; i < 3; i++) {
        ck_assert_double_eq(champ_tracking_kpi(t, i, CHAMP_KPI_ACTIVE_PEOPLE), active[i]);
        ck_assert_double_eq(champ_tracking_kpi(t, i, CHAMP_KPI_CHAMPION_REACH), reach[i]);
        ck_assert_double_eq(champ_tracking_kpi(t, i, CHAMP_KPI_AUDIENCE_REACHED), audience[i]);
    }
    ck_assert(isnan(champ_tracking_kpi(t, 0, CHAMP_KPI_RETAINED)));
    ck_assert_double_eq(champ_tracking_kpi(t, 1, CHAMP_KPI_RETAINED), 0.5); /* a */
    ck_assert_double_eq(champ_tracking_kpi(t, 2, CHAMP_KPI_RETAINED), 0);
    ck_assert(isnan(champ_tracking_kpi(t, 0, (champ_kpi)CHAMP_KPI_COUNT)));

    /* rising: none in the first period; c (3rd in Jan); d (3rd in Feb), b
     * (not eligible in Feb: rank 0) */
    ck_assert_uint_eq(champ_tracking_rising_count(t, 0), 0);
    ck_assert_uint_eq(champ_tracking_rising_count(t, 1), 1);
    assert_rising(t, 1, 0, "c", 1, 3);
    ck_assert_uint_eq(champ_tracking_rising_count(t, 2), 2);
    assert_rising(t, 2, 0, "d", 1, 3);
    assert_rising(t, 2, 1, "b", 2, 0);
    ck_assert_ptr_null(champ_tracking_rising(t, 2, 2, NULL, NULL));

    /* the champions' mean reciprocity is the ranking's */
    for (size_t i = 0; i < 3; i++) {
        champ_options *w = activity_only(2, CHAMP_SCENARIO_CITIZENS);
        champ_ranking *r = NULL;
        ck_assert_int_eq(champ_options_set_window(w, starts[i], starts[i + 1]), CHAMP_OK);
        ck_assert_int_eq(champ_rank(net, w, &r), CHAMP_OK);
        double mean = (champ_ranking_value(r, 0, CHAMP_RECIPROCITY) +
                       champ_ranking_value(r, 1, CHAMP_RECIPROCITY)) / 2;
        ck_assert_near(champ_tracking_kpi(t, i, CHAMP_KPI_CHAMPION_RECIPROCITY), mean);
        champ_ranking_free(r);
        champ_options_free(w);
    }
    champ_tracking_free(t);

    /* a window in the options cuts the periods: only February and March */
    ck_assert_int_eq(champ_options_set_window(o, FEB + 2 * DAY, NAN), CHAMP_OK);
    ck_assert_int_eq(champ_track(net, o, &t), CHAMP_OK);
    ck_assert_uint_eq(champ_tracking_count(t), 2);
    ck_assert_double_eq(champ_tracking_since(t, 0), FEB + 2 * DAY);
    ck_assert_double_eq(champ_tracking_until(t, 0), MAR);
    assert_ids(t, 0, feb, 2);
    champ_tracking_free(t);

    /* weeks: from the week of January 10 (Monday the 5th) to that of March 31 */
    ck_assert_int_eq(champ_options_set_window(o, NAN, NAN), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_period(o, CHAMP_PERIOD_WEEK), CHAMP_OK);
    ck_assert_int_eq(champ_track(net, o, &t), CHAMP_OK);
    ck_assert_uint_eq(champ_tracking_count(t), 13);
    ck_assert_double_eq(champ_tracking_since(t, 0), JAN + 4 * DAY);
    champ_tracking_free(t);
    ck_assert_int_eq(champ_options_set_period(o, CHAMP_PERIOD_QUARTER), CHAMP_OK);
    ck_assert_int_eq(champ_track(net, o, &t), CHAMP_OK);
    ck_assert_uint_eq(champ_tracking_count(t), 1);
    champ_tracking_free(t);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

/* Every period is what champ_rank() makes of its window: summary,
 * warnings and champions (a network with times, types and groups). */
START_TEST(periods_are_windowed_rankings)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    char from[16], to[16], team[16];
    uint64_t state = 7;
    for (int p = 0; p < 60; p++) {
        snprintf(from, sizeof from, "p%02d", p);
        snprintf(team, sizeof team, "t%d", p % 6);
        ck_assert_int_eq(champ_network_add_person(net, from, team,
                                                  p % 10 == 0 ? "citizen" : NULL),
                         CHAMP_OK);
    }
    for (int i = 0; i < 3000; i++) {
        state = state * 6364136223846793005u + 1442695040888963407u;
        int a = (int)(state >> 33) % 64, b = (int)(state >> 20) % 60;
        snprintf(from, sizeof from, "p%02d", a); /* p60..p63: unlisted */
        snprintf(to, sizeof to, "p%02d", b);
        double when = JAN + (double)((state >> 8) % (200 * 86400));
        ck_assert_int_eq(champ_network_add_interaction(net, from, to, when,
                                                       i % 3 ? "reply" : "reaction",
                                                       1 + (double)(i % 4)),
                         CHAMP_OK);
    }
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_scenario(o, CHAMP_SCENARIO_CITIZENS), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_type_weight(o, "reaction", 0.5), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_top(o, 5), CHAMP_OK);
    for (int period = 0; period < CHAMP_PERIOD_COUNT; period++) {
        champ_tracking *t = NULL;
        ck_assert_int_eq(champ_options_set_period(o, (champ_period)period), CHAMP_OK);
        ck_assert_int_eq(champ_track(net, o, &t), CHAMP_OK);
        for (size_t i = 0; i < champ_tracking_count(t); i++) {
            champ_options *w = NULL;
            champ_ranking *r = NULL;
            ck_assert_int_eq(champ_options_new(&w), CHAMP_OK);
            ck_assert_int_eq(champ_options_set_scenario(w, CHAMP_SCENARIO_CITIZENS), CHAMP_OK);
            ck_assert_int_eq(champ_options_set_type_weight(w, "reaction", 0.5), CHAMP_OK);
            ck_assert_int_eq(champ_options_set_window(w, champ_tracking_since(t, i),
                                                      champ_tracking_until(t, i)),
                             CHAMP_OK);
            ck_assert_int_eq(champ_rank(net, w, &r), CHAMP_OK);
            for (int k = 0; k < CHAMP_SUMMARY_ITEM_COUNT; k++) {
                double a = champ_tracking_summary(t, i, (champ_summary_item)k);
                double b = champ_ranking_summary(r, (champ_summary_item)k);
                ck_assert(isnan(a) ? isnan(b) : a == b);
            }
            ck_assert_uint_eq(champ_tracking_warning_count(t, i),
                              champ_ranking_warning_count(r));
            for (size_t k = 0; k < champ_ranking_warning_count(r); k++)
                ck_assert_str_eq(champ_tracking_warning(t, i, k, NULL),
                                 champ_ranking_warning(r, k, NULL));
            size_t eligible = (size_t)champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE);
            ck_assert_uint_eq(champ_tracking_champion_count(t, i), eligible < 5 ? eligible : 5);
            for (size_t k = 0; k < champ_tracking_champion_count(t, i); k++)
                ck_assert_str_eq(champ_tracking_champion(t, i, k), champ_ranking_id(r, k));
            champ_ranking_free(r);
            champ_options_free(w);
        }
        champ_tracking_free(t);
    }
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(tracking_errors)
{
    champ_network *net = NULL;
    champ_tracking *t = (champ_tracking *)1;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_interaction(net, "a", "b", NAN, NULL, 1), CHAMP_OK);
    ck_assert_int_eq(champ_track(net, NULL, &t), CHAMP_ERR_SCHEMA);
    ck_assert_ptr_null(t);
    ck_assert_str_eq(champ_last_error(), "nothing to track: no interaction has a time");
    ck_assert_int_eq(champ_network_add_interaction(net, "a", "b", JAN, NULL, 1), CHAMP_OK);
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_window(o, FEB, NAN), CHAMP_OK);
    ck_assert_int_eq(champ_track(net, o, &t), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(),
                     "nothing to track: no interaction has a time inside the window");
    ck_assert_int_eq(champ_options_set_period(o, (champ_period)3), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_options_get_period(o), CHAMP_PERIOD_MONTH);
    ck_assert_int_eq(champ_track(NULL, NULL, &t), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_track(net, NULL, NULL), CHAMP_ERR_ARGUMENT);
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        ck_assert_int_eq(champ_options_set_weight(o, (champ_criterion)c, 0), CHAMP_OK);
    ck_assert_int_eq(champ_track(net, o, &t), CHAMP_ERR_ARGUMENT);
    champ_options_free(o);
    /* at most 1,000 periods: two interactions 20 years apart, by week */
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_period(o, CHAMP_PERIOD_WEEK), CHAMP_OK);
    champ_network *span = NULL;
    ck_assert_int_eq(champ_network_new(&span), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_interaction(span, "a", "b", JAN, NULL, 1), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_interaction(span, "b", "a", JAN + 7305 * DAY, NULL, 1),
                     CHAMP_OK);
    ck_assert_int_eq(champ_track(span, o, &t), CHAMP_ERR_ARGUMENT);
    ck_assert_str_eq(champ_last_error(), "period: the timed interactions span more than the "
                                         "1000 weeks a tracking ranks; track by a longer "
                                         "period, or set a window");
    ck_assert_int_eq(champ_options_set_period(o, CHAMP_PERIOD_QUARTER), CHAMP_OK);
    ck_assert_int_eq(champ_track(span, o, &t), CHAMP_OK);
    ck_assert_uint_eq(champ_tracking_count(t), 81);
    champ_tracking_free(t);
    /* Unix seconds past the year 9999 (an export may hold them): no
     * calendar period (found by fuzz_read_json) */
    ck_assert_int_eq(champ_network_add_interaction(span, "a", "c", 3e21, NULL, 1), CHAMP_OK);
    ck_assert_int_eq(champ_track(span, o, &t), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "an interaction at 3e+21 Unix seconds is outside the "
                                         "years 0000 to 9999: it has no calendar period (set a "
                                         "window that leaves it out)");
    ck_assert_int_eq(champ_options_set_window(o, NAN, 1e12), CHAMP_OK);
    ck_assert_int_eq(champ_track(span, o, &t), CHAMP_OK);
    champ_tracking_free(t);
    champ_network_free(span);
    champ_options_free(o);
    /* one period, nothing before it: nothing rising, nothing retained */
    ck_assert_int_eq(champ_track(net, NULL, &t), CHAMP_OK);
    ck_assert_uint_eq(champ_tracking_count(t), 1);
    ck_assert(isnan(champ_tracking_kpi(t, 0, CHAMP_KPI_RETAINED)));
    ck_assert(isnan(champ_tracking_since(t, 1)));
    ck_assert_ptr_null(champ_tracking_champion(t, 0, 99));
    champ_tracking_free(t);
    champ_tracking_free(NULL);
    ck_assert_uint_eq(champ_tracking_count(NULL), 0);
    champ_network_free(net);
}
END_TEST

/* ------------------------------------------------------------------------
 * Goals
 * ------------------------------------------------------------------------ */

static champ_goal *goal_of(const char *json)
{
    champ_goal *g = NULL;
    champ_status st = champ_goal_read_memory(json, strlen(json), "goal.json", &g);
    ck_assert_msg(st == CHAMP_OK, "%s", champ_last_error());
    return g;
}

static void assert_goal_error(const char *json, champ_status status, const char *message)
{
    champ_goal *g = (champ_goal *)1;
    ck_assert_int_eq(champ_goal_read_memory(json, strlen(json), "goal.json", &g), status);
    ck_assert_ptr_null(g);
    ck_assert_str_eq(champ_last_error(), message);
}

START_TEST(goal_files)
{
    champ_goal *g = goal_of("{\"name\": \"More citizens\", \"scenario\": \"citizens\","
                            " \"kpi\": \"audience_reached\", \"target\": 3,"
                            " \"deadline\": \"2026-12-31\", \"baseline_period\": 1,"
                            " \"what\": \"reach\", \"who\": \"the team\","
                            " \"why\": \"because\"}");
    ck_assert_str_eq(champ_goal_name(g), "More citizens");
    ck_assert_str_eq(champ_goal_kpi(g), "audience_reached");
    ck_assert_double_eq(champ_goal_target(g), 3);
    ck_assert_double_eq(champ_goal_deadline(g), 1798675200.0);
    ck_assert_uint_eq(champ_goal_baseline_period(g), 1);
    ck_assert_int_eq(champ_goal_scenario(g), CHAMP_SCENARIO_CITIZENS);
    ck_assert_str_eq(champ_goal_what(g), "reach");
    ck_assert_str_eq(champ_goal_who(g), "the team");
    ck_assert_str_eq(champ_goal_why(g), "because");
    champ_goal_free(g);
    g = goal_of("{\"name\":\"R\",\"kpi\":\"summary.reciprocity\",\"target\":0.5,"
                "\"deadline\":\"2026-06-01T00:00:00+02:00\"}");
    ck_assert_int_eq(champ_goal_scenario(g), -1);
    ck_assert_ptr_null(champ_goal_what(g));
    ck_assert_uint_eq(champ_goal_baseline_period(g), 0);
    champ_goal_free(g);

    assert_goal_error("{\"name\":\"x\",\"kpi\":\"reach\",\"target\":1,\"deadline\":\"2026-01-01\"}",
                      CHAMP_ERR_SCHEMA,
                      "goal.json: kpi: unknown KPI \"reach\" (expected active_people, "
                      "champion_reciprocity, champion_reach, audience_reached, retained, or "
                      "summary.<item>: summary.reciprocity, ...)");
    assert_goal_error("{\"name\":\"x\",\"kpi\":\"champions\",\"target\":1,\"deadline\":\"2026-01-01\"}",
                      CHAMP_ERR_SCHEMA,
                      "goal.json: kpi: a list of ids is no number to aim at: \"champions\" "
                      "(expected active_people, champion_reciprocity, champion_reach, "
                      "audience_reached, retained, or summary.<item>: summary.reciprocity, ...)");
    assert_goal_error("{\"name\":\"x\",\"kpi\":\"retained\",\"target\":1}", CHAMP_ERR_SCHEMA,
                      "goal.json: deadline: missing (a goal needs name, kpi, target and "
                      "deadline)");
    assert_goal_error("{\"name\":\"x\",\"dealine\":\"2026-01-01\"}", CHAMP_ERR_SCHEMA,
                      "goal.json: line 1, column 13: unknown member \"dealine\" (a goal has "
                      "name, scenario, kpi, target, deadline, baseline_period, what, who and "
                      "why)");
    assert_goal_error("{\"name\":\"x\",\"target\":\"3\"}", CHAMP_ERR_SCHEMA,
                      "goal.json: line 1, column 22: target: expected a number");
    assert_goal_error("{\"name\":\"x\",\"deadline\":\"soon\"}", CHAMP_ERR_SCHEMA,
                      "goal.json: line 1, column 24: deadline: expected an RFC 3339 date-time, "
                      "a date or Unix seconds, got \"soon\"");
    assert_goal_error("{\"deadline\":\"5333333333333333333333300\"}", CHAMP_ERR_SCHEMA,
                      "goal.json: line 1, column 13: deadline: expected a date in the years "
                      "0000 to 9999");
    assert_goal_error("{\"scenario\":\"citizen\"}", CHAMP_ERR_SCHEMA,
                      "goal.json: line 1, column 13: scenario: unknown scenario \"citizen\" "
                      "(expected colleagues, recruitment, citizens, visitors)");
    assert_goal_error("{\"name\":\"x\",\"name\":\"y\"}", CHAMP_ERR_SCHEMA,
                      "goal.json: line 1, column 13: name: given twice");
    assert_goal_error("{\"baseline_period\":1.5}", CHAMP_ERR_SCHEMA,
                      "goal.json: line 1, column 20: baseline_period: expected the index of a "
                      "period: 0, 1, ...");
    assert_goal_error("[1]", CHAMP_ERR_SCHEMA,
                      "goal.json: line 1, column 1: expected a goal: an object with name, kpi, "
                      "target and deadline");
    assert_goal_error("{\"name\":", CHAMP_ERR_PARSE,
                      "goal.json: line 1, column 9: unexpected end of input");
    assert_goal_error("", CHAMP_ERR_PARSE, "goal.json: line 1, column 1: unexpected end of input");
    ck_assert_int_eq(champ_goal_read("/nonexistent/goal.json", &g), CHAMP_ERR_IO);
    ck_assert_ptr_null(g);
    champ_goal_free(NULL);
}
END_TEST

static void status_of(const champ_goal *g, const champ_tracking *t, double baseline,
                      double latest, double progress, int on_track)
{
    double b, l, p;
    int on;
    champ_status st = champ_goal_status(g, t, &b, &l, &p, &on);
    ck_assert_msg(st == CHAMP_OK, "%s", champ_last_error());
    ck_assert_near(b, baseline);
    ck_assert_near(l, latest);
    ck_assert_near(p, progress);
    ck_assert_int_eq(on, on_track);
}

static void assert_misfit(const char *json, const champ_tracking *t, const char *message)
{
    champ_goal *g = goal_of(json);
    ck_assert_int_eq(champ_goal_status(g, t, NULL, NULL, NULL, NULL), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), message);
    champ_goal_free(g);
}

START_TEST(goal_status)
{
    champ_network *net = three_months();
    champ_options *o = activity_only(2, CHAMP_SCENARIO_CITIZENS);
    champ_tracking *t = NULL;
    ck_assert_int_eq(champ_track(net, o, &t), CHAMP_OK);
    /* active people 5, 4, 5: flat, so 6 is not reached: behind, no progress */
    champ_goal *g = goal_of("{\"name\":\"g\",\"kpi\":\"active_people\",\"target\":6,"
                            "\"deadline\":\"2027-01-01\"}");
    status_of(g, t, 5, 5, 0, 0);
    champ_goal_free(g);
    /* champion reach 2, 1, 1 down to 0 by the end of 2026: half way; the
     * line through (Jan 1, 2), (Feb 1, 1), (Mar 1, 1) falls 30/1742 a day
     * (x in days 0, 31, 59: mean 30, sxy -30, sxx 1742), so it is at 0 by
     * April and at 1.3 on February 2 */
    g = goal_of("{\"name\":\"g\",\"kpi\":\"champion_reach\",\"target\":0,"
                "\"deadline\":\"2026-12-31\"}");
    status_of(g, t, 2, 1, 0.5, 1);
    champ_goal_free(g);
    /* ... but not by February 2 */
    {
        double xs[] = {JAN, FEB, MAR}, ys[] = {2, 1, 1}, mx = (JAN + FEB + MAR) / 3, my = 4.0 / 3;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < 3; i++) {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
        }
        double at = my + sxy / sxx * (FEB + DAY - mx); /* about 1.3 */
        ck_assert(at > 1.25 && at < 1.35);
    }
    g = goal_of("{\"name\":\"g\",\"kpi\":\"champion_reach\",\"target\":0,"
                "\"deadline\":\"2026-02-02\"}");
    status_of(g, t, 2, 1, 0.5, 0);
    champ_goal_free(g);
    /* reached: progress clamped to 1 */
    g = goal_of("{\"name\":\"g\",\"kpi\":\"champion_reach\",\"target\":1.5,"
                "\"deadline\":\"2026-04-01\"}");
    status_of(g, t, 2, 1, 1, 1);
    champ_goal_free(g);
    /* from period 1: audience 0 then 1; target 2: half way, the line of
     * two points (+1 a month) reaches 2 in April */
    g = goal_of("{\"name\":\"g\",\"kpi\":\"audience_reached\",\"target\":2,"
                "\"deadline\":\"2026-04-30\",\"baseline_period\":1}");
    status_of(g, t, 0, 1, 0.5, 1);
    champ_goal_free(g);
    /* a summary item: interactions 5, 3, 4 */
    g = goal_of("{\"name\":\"g\",\"kpi\":\"summary.interactions\",\"target\":9,"
                "\"deadline\":\"2026-05-01\",\"scenario\":\"citizens\"}");
    status_of(g, t, 5, 4, 0, 0);
    champ_goal_free(g);

    assert_misfit("{\"name\":\"g\",\"kpi\":\"active_people\",\"target\":5,"
                  "\"deadline\":\"2027-01-01\"}",
                  t, "goal.json: target: equal to the baseline (5): there is nothing to reach");
    assert_misfit("{\"name\":\"g\",\"kpi\":\"active_people\",\"target\":9,"
                  "\"deadline\":\"2025-12-01\"}",
                  t, "goal.json: deadline: 2025-12-01T00:00:00Z is before the first period "
                     "(2026-01-01T00:00:00Z)");
    assert_misfit("{\"name\":\"g\",\"kpi\":\"retained\",\"target\":1,"
                  "\"deadline\":\"2027-01-01\"}",
                  t, "goal.json: kpi: retained has no value in the baseline period "
                     "(2026-01-01T00:00:00Z)");
    assert_misfit("{\"name\":\"g\",\"kpi\":\"active_people\",\"target\":9,"
                  "\"deadline\":\"2027-01-01\",\"baseline_period\":3}",
                  t, "goal.json: baseline_period: 3 is past the last period (the tracking "
                     "has 3)");
    assert_misfit("{\"name\":\"g\",\"kpi\":\"active_people\",\"target\":9,"
                  "\"deadline\":\"2027-01-01\",\"scenario\":\"visitors\"}",
                  t, "goal.json: scenario: the goal is for the scenario visitors, the "
                     "tracking's is citizens");
    ck_assert_int_eq(champ_goal_status(NULL, t, NULL, NULL, NULL, NULL), CHAMP_ERR_ARGUMENT);
    champ_tracking_free(t);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

/* ------------------------------------------------------------------------
 * The writers
 * ------------------------------------------------------------------------ */

static int collect(void *user, const char *data, size_t len)
{
    char **text = user;
    size_t have = *text ? strlen(*text) : 0;
    char *grown = realloc(*text, have + len + 1);
    if (!grown)
        return 1;
    memcpy(grown + have, data, len);
    grown[have + len] = '\0';
    *text = grown;
    return 0;
}

START_TEST(writers)
{
    champ_network *net = three_months();
    champ_options *o = activity_only(2, CHAMP_SCENARIO_CITIZENS);
    champ_tracking *t = NULL;
    ck_assert_int_eq(champ_track(net, o, &t), CHAMP_OK);
    champ_goal *g = goal_of("{\"name\":\"More \\\"citizens\\\"\",\"kpi\":\"audience_reached\","
                            "\"target\":2,\"deadline\":\"2026-04-30\",\"baseline_period\":1}");
    char *text = NULL;
    ck_assert_int_eq(champ_tracking_write_to(t, g, CHAMP_FORMAT_JSON, collect, &text), CHAMP_OK);
    cJSON *doc = cJSON_Parse(text);
    ck_assert_ptr_nonnull(doc);
    ck_assert_str_eq(cJSON_GetObjectItem(doc, "scenario")->valuestring, "citizens");
    ck_assert_str_eq(cJSON_GetObjectItem(doc, "period")->valuestring, "month");
    ck_assert_int_eq(cJSON_GetObjectItem(doc, "top")->valueint, 2);
    cJSON *periods = cJSON_GetObjectItem(doc, "periods");
    ck_assert_int_eq(cJSON_GetArraySize(periods), 3);
    cJSON *feb = cJSON_GetArrayItem(periods, 1);
    ck_assert_str_eq(cJSON_GetObjectItem(feb, "since")->valuestring, "2026-02-01T00:00:00Z");
    ck_assert_str_eq(cJSON_GetObjectItem(feb, "until")->valuestring, "2026-03-01T00:00:00Z");
    cJSON *kpis = cJSON_GetObjectItem(feb, "kpis");
    static const char *const keys[] = {"active_people", "champions", "champion_reciprocity",
                                       "champion_reach", "audience_reached", "retained"};
    cJSON *item = kpis->child;
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++, item = item->next)
        ck_assert_str_eq(item->string, keys[k]);
    ck_assert_ptr_null(item);
    ck_assert_str_eq(cJSON_GetArrayItem(cJSON_GetObjectItem(kpis, "champions"), 0)->valuestring,
                     "c");
    ck_assert_double_eq(cJSON_GetObjectItem(kpis, "retained")->valuedouble, 0.5);
    ck_assert(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetObjectItem(
        cJSON_GetArrayItem(periods, 0), "kpis"), "retained")));
    cJSON *rising = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(periods, 2),
                                                           "rising"), 1);
    ck_assert_str_eq(cJSON_GetObjectItem(rising, "id")->valuestring, "b");
    ck_assert_int_eq(cJSON_GetObjectItem(rising, "rank")->valueint, 2);
    ck_assert(cJSON_IsNull(cJSON_GetObjectItem(rising, "previous_rank")));
    cJSON *summary = cJSON_GetObjectItem(feb, "summary");
    ck_assert_double_eq(cJSON_GetObjectItem(summary, "interactions")->valuedouble, 3);
    ck_assert(cJSON_IsArray(cJSON_GetObjectItem(summary, "warnings")));
    ck_assert_ptr_null(cJSON_GetObjectItem(summary, "dropped_zero"));
    cJSON *goal = cJSON_GetObjectItem(doc, "goal");
    static const char *const goal_keys[] = {"name", "kpi", "target", "deadline", "baseline",
                                            "latest", "progress", "on_track"};
    item = goal->child;
    for (size_t k = 0; k < sizeof goal_keys / sizeof *goal_keys; k++, item = item->next)
        ck_assert_str_eq(item->string, goal_keys[k]);
    ck_assert_str_eq(cJSON_GetObjectItem(goal, "name")->valuestring, "More \"citizens\"");
    ck_assert_str_eq(cJSON_GetObjectItem(goal, "deadline")->valuestring, "2026-04-30T00:00:00Z");
    ck_assert_double_eq(cJSON_GetObjectItem(goal, "progress")->valuedouble, 0.5);
    ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(goal, "on_track")));
    cJSON_Delete(doc);
    free(text);

    text = NULL;
    ck_assert_int_eq(champ_tracking_write_to(t, NULL, CHAMP_FORMAT_CSV, collect, &text), CHAMP_OK);
    const char *header = "since,until,people,listed,eligible,interactions,dropped_self,"
                         "dropped_window,ties,mutual_ties,reciprocity,teams,cross_team_share,"
                         "active_people,champions,champion_reciprocity,champion_reach,"
                         "audience_reached,retained,rising\r\n";
    ck_assert(strncmp(text, header, strlen(header)) == 0);
    ck_assert_ptr_nonnull(strstr(text, ",c;a,"));     /* February's champions */
    ck_assert_ptr_nonnull(strstr(text, ",0.5,c\r\n")); /* retained, rising */
    free(text);

    /* a goal that does not fit fails the write; a graph format is refused */
    champ_goal *bad = goal_of("{\"name\":\"g\",\"kpi\":\"retained\",\"target\":1,"
                              "\"deadline\":\"2027-01-01\"}");
    text = NULL;
    ck_assert_int_eq(champ_tracking_write_to(t, bad, CHAMP_FORMAT_JSON, collect, &text),
                     CHAMP_ERR_SCHEMA);
    ck_assert_ptr_null(text);
    ck_assert_int_eq(champ_tracking_write_to(t, NULL, CHAMP_FORMAT_GEXF, collect, &text),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_str_eq(champ_last_error(), "champ_tracking_write: a tracking is written as JSON "
                                         "or CSV, not as gexf");
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        ck_assert_int_eq(champ_tracking_write(t, NULL, CHAMP_FORMAT_CSV, full), CHAMP_ERR_IO);
        fclose(full);
    }
    champ_goal_free(bad);
    champ_goal_free(g);
    champ_tracking_free(t);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

static Suite *track_suite(void)
{
    Suite *s = suite_create("track");
    TCase *tc = tcase_create("track");
    tcase_add_test(tc, scenario_presets);
    tcase_add_test(tc, calendar);
    tcase_add_test(tc, three_months_by_hand);
    tcase_add_test(tc, periods_are_windowed_rankings);
    tcase_add_test(tc, tracking_errors);
    tcase_add_test(tc, goal_files);
    tcase_add_test(tc, goal_status);
    tcase_add_test(tc, writers);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return champ_test_run(track_suite());
}
