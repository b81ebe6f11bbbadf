/* The library-wide contract: version, status names, error messages, option
 * validation, NULL handling and progress callbacks. */
#include "netbuild.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

START_TEST(version_matches_macros)
{
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", CHAMP_VERSION_MAJOR, CHAMP_VERSION_MINOR,
             CHAMP_VERSION_PATCH);
    ck_assert_str_eq(champ_version(), expected);
    ck_assert_str_eq(champ_version(), CHAMP_VERSION_STRING);
    ck_assert_int_eq(CHAMP_VERSION_NUMBER,
                     CHAMP_VERSION_MAJOR * 10000 + CHAMP_VERSION_MINOR * 100 + CHAMP_VERSION_PATCH);
}
END_TEST

START_TEST(status_values_and_names_are_fixed)
{
    ck_assert_int_eq(CHAMP_OK, 0);
    ck_assert_int_eq(CHAMP_ERR_ARGUMENT, 1);
    ck_assert_int_eq(CHAMP_ERR_NOMEM, 2);
    ck_assert_int_eq(CHAMP_ERR_IO, 3);
    ck_assert_int_eq(CHAMP_ERR_PARSE, 4);
    ck_assert_int_eq(CHAMP_ERR_SCHEMA, 5);
    ck_assert_int_eq(CHAMP_ERR_INTERNAL, 6);
    ck_assert_int_eq(CHAMP_ERR_CANCELLED, 7);
    ck_assert_int_eq(CHAMP_ERR_NOT_FOUND, 8);
    ck_assert_str_eq(champ_status_name(CHAMP_ERR_NOT_FOUND), "CHAMP_ERR_NOT_FOUND");
    ck_assert_str_eq(champ_status_name(CHAMP_OK), "CHAMP_OK");
    ck_assert_str_eq(champ_status_name(CHAMP_ERR_PARSE), "CHAMP_ERR_PARSE");
    ck_assert_str_eq(champ_status_name(CHAMP_ERR_INTERNAL), "CHAMP_ERR_INTERNAL");
    ck_assert_str_eq(champ_status_name(CHAMP_ERR_CANCELLED), "CHAMP_ERR_CANCELLED");
    ck_assert_str_eq(champ_status_name((champ_status)42), "CHAMP_ERR_UNKNOWN");
    ck_assert_int_eq(CHAMP_RECIPROCITY, 0);
    ck_assert_int_eq(CHAMP_ACTIVITY, 4);
}
END_TEST

/* The names every writer, the demo and the bindings ask for: each enum's
 * values in order, NULL past the last (and before the first). */
static void assert_names(const char *(*name)(int), const char *const *want, int count)
{
    for (int i = 0; i < count; i++)
        ck_assert_str_eq(name(i), want[i]);
    ck_assert_ptr_null(name(count));
    ck_assert_ptr_null(name(-1));
}

static const char *criterion(int i) { return champ_criterion_name((champ_criterion)i); }
static const char *diagnostic(int i) { return champ_diagnostic_name((champ_diagnostic)i); }
static const char *summary_item(int i) { return champ_summary_item_name((champ_summary_item)i); }
static const char *format(int i) { return champ_format_name((champ_format)i); }
static const char *input(int i) { return champ_input_name((champ_input)i); }
static const char *scenario(int i) { return champ_scenario_name((champ_scenario)i); }
static const char *period(int i) { return champ_period_name((champ_period)i); }
static const char *kpi(int i) { return champ_kpi_name((champ_kpi)i); }

START_TEST(enum_names)
{
    static const char *const criteria[] = {"reciprocity", "reach", "bridging", "influence",
                                           "activity"};
    static const char *const diagnostics[] = {"received", "ties", "mutual", "cross_share"};
    static const char *const summary[] = {"people", "listed", "eligible", "interactions",
                                          "dropped_self", "dropped_window", "ties",
                                          "mutual_ties", "reciprocity", "teams",
                                          "cross_team_share", "dropped_zero"};
    static const char *const formats[] = {"json", "csv", "gexf", "graphml"};
    static const char *const inputs[] = {"detect", "json", "jsonl", "csv", "viva-p2p", "slack",
                                         "viva-engage"};
    assert_names(criterion, criteria, CHAMP_CRITERION_COUNT);
    assert_names(diagnostic, diagnostics, CHAMP_DIAGNOSTIC_COUNT);
    assert_names(summary_item, summary, CHAMP_SUMMARY_ITEM_COUNT);
    assert_names(format, formats, CHAMP_FORMAT_COUNT);
    assert_names(input, inputs, CHAMP_INPUT_COUNT);
    static const char *const scenarios[] = {"colleagues", "recruitment", "citizens", "visitors"};
    static const char *const periods[] = {"week", "month", "quarter"};
    static const char *const kpis[] = {"active_people", "champion_reciprocity", "champion_reach",
                                       "audience_reached", "retained"};
    assert_names(scenario, scenarios, CHAMP_SCENARIO_COUNT);
    assert_names(period, periods, CHAMP_PERIOD_COUNT);
    assert_names(kpi, kpis, CHAMP_KPI_COUNT);
}
END_TEST

/* A fresh options handle reads back the defaults; a setter's value reads
 * back; a NULL handle gives NAN, 0 or NULL. */
START_TEST(options_read_back)
{
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    static const double weights[CHAMP_CRITERION_COUNT] = {0.30, 0.25, 0.15, 0.15, 0.15};
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        ck_assert_double_eq(champ_options_get_weight(o, (champ_criterion)c), weights[c]);
    ck_assert(isnan(champ_options_get_weight(o, (champ_criterion)CHAMP_CRITERION_COUNT)));
    ck_assert_double_eq(champ_options_get_min_activity(o), 1);
    ck_assert_double_eq(champ_options_get_reciprocity_prior(o), 2);
    ck_assert_uint_eq(champ_options_get_bridging_samples(o), 0);
    ck_assert_uint_eq(champ_options_get_seed(o), 1);
    ck_assert_uint_eq(champ_options_champion_group_count(o), 1);
    ck_assert_str_eq(champ_options_champion_group(o, 0), "staff");
    ck_assert_ptr_null(champ_options_champion_group(o, 1));
    ck_assert_uint_eq(champ_options_audience_group_count(o), 0);

    const char *groups[] = {"citizen", "visitor", "citizen"};
    ck_assert_int_eq(champ_options_set_audience_groups(o, groups, 3), CHAMP_OK);
    ck_assert_uint_eq(champ_options_audience_group_count(o), 2);
    ck_assert_str_eq(champ_options_audience_group(o, 1), "visitor");
    ck_assert_int_eq(champ_options_set_weight(o, CHAMP_REACH, 0.5), CHAMP_OK);
    ck_assert_double_eq(champ_options_get_weight(o, CHAMP_REACH), 0.5);
    ck_assert_int_eq(champ_options_set_seed(o, 42), CHAMP_OK);
    ck_assert_uint_eq(champ_options_get_seed(o), 42);

    /* the ranking keeps the audience it counted reach for */
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, o);
    ck_assert_uint_eq(champ_ranking_audience_group_count(r), 2);
    ck_assert_str_eq(champ_ranking_audience_group(r, 0), "citizen");
    ck_assert_ptr_null(champ_ranking_audience_group(r, 2));
    champ_ranking_free(r);
    r = rank_or_fail(net, NULL);
    ck_assert_uint_eq(champ_ranking_audience_group_count(r), 0);
    champ_ranking_free(r);
    champ_network_free(net);
    ck_assert_uint_eq(champ_ranking_audience_group_count(NULL), 0);

    ck_assert(isnan(champ_options_get_weight(NULL, CHAMP_REACH)));
    ck_assert(isnan(champ_options_get_min_activity(NULL)));
    ck_assert_uint_eq(champ_options_champion_group_count(NULL), 0);
    ck_assert_ptr_null(champ_options_audience_group(NULL, 0));
    champ_options_free(o);
}
END_TEST

/* The callback gets the bytes champ_ranking_write gives a stream, in
 * pieces of at most 64 KiB; when it stops, the writer fails with IO. */
typedef struct collected {
    char *data;
    size_t len, pieces, largest, stop_after;
} collected;

static int collect(void *user, const char *data, size_t len)
{
    collected *c = user;
    if (c->stop_after && c->pieces == c->stop_after)
        return 1;
    c->data = realloc(c->data, c->len + len + 1);
    memcpy(c->data + c->len, data, len);
    c->len += len;
    c->data[c->len] = '\0';
    c->pieces++;
    if (len > c->largest)
        c->largest = len;
    return 0;
}

START_TEST(write_to_a_callback)
{
    /* enough people for several pieces */
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    char a[32], b[32];
    for (int i = 0; i < 3000; i++) {
        snprintf(a, sizeof a, "person-%04d", i);
        snprintf(b, sizeof b, "person-%04d", (i * 7 + 1) % 3000);
        ck_assert_int_eq(champ_network_add_interaction(net, a, b, NAN, NULL, 1), CHAMP_OK);
    }
    champ_ranking *r = NULL;
    ck_assert_int_eq(champ_rank(net, NULL, &r), CHAMP_OK);
    for (int f = 0; f < CHAMP_FORMAT_COUNT; f++) {
        char *want = render(r, (champ_format)f, 0);
        collected got = {0};
        ck_assert_int_eq(champ_ranking_write_to(r, (champ_format)f, 0, collect, &got), CHAMP_OK);
        ck_assert_str_eq(got.data, want);
        ck_assert_uint_gt(got.pieces, 1);
        ck_assert_uint_le(got.largest, 65536);
        free(got.data);
        free(want);
    }
    collected stopped = {.stop_after = 1};
    ck_assert_int_eq(champ_ranking_write_to(r, CHAMP_FORMAT_JSON, 0, collect, &stopped),
                     CHAMP_ERR_IO);
    ck_assert_str_eq(champ_last_error(), "the write callback stopped the output");
    ck_assert_uint_eq(stopped.pieces, 1);
    free(stopped.data);
    ck_assert_int_eq(champ_ranking_write_to(r, CHAMP_FORMAT_JSON, 0, NULL, NULL),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_write_to(NULL, CHAMP_FORMAT_JSON, 0, collect, NULL),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_write_to(r, (champ_format)9, 0, collect, NULL),
                     CHAMP_ERR_ARGUMENT);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(last_error_is_never_null)
{
    ck_assert_ptr_nonnull(champ_last_error());
    ck_assert_int_eq(champ_rank(NULL, NULL, NULL), CHAMP_ERR_ARGUMENT);
    ck_assert_str_eq(champ_last_error(), "champ_rank: out is NULL");
}
END_TEST

START_TEST(options_reject_bad_values)
{
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_weight(o, CHAMP_REACH, -0.1), CHAMP_ERR_ARGUMENT);
    ck_assert_str_eq(champ_last_error(), "reach: expected a finite number >= 0, got -0.1");
    ck_assert_int_eq(champ_options_set_weight(o, CHAMP_REACH, NAN), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_options_set_weight(o, (champ_criterion)5, 1), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_options_set_type_weight(o, "like", -1), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_options_set_type_weight(o, NULL, 1), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_options_set_min_activity(o, INFINITY), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_options_set_reciprocity_prior(o, -2), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_options_set_window(o, INFINITY, NAN), CHAMP_ERR_ARGUMENT);
    const char *bad[] = {"ok", NULL};
    ck_assert_int_eq(champ_options_set_champion_groups(o, bad, 2), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_options_set_audience_groups(o, NULL, 3), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_options_set_seed(NULL, 1), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_options_set_bridging_samples(NULL, 1), CHAMP_ERR_ARGUMENT);

    /* failed setters left the defaults in place: the default ranking */
    static const test_interaction ix[] = {{"a", "b", 0, NULL, 1, 0}, {"b", "c", 0, NULL, 1, 0}};
    champ_network *net = build_network(NULL, 0, ix, 2);
    champ_ranking *with = rank_or_fail(net, o), *without = rank_or_fail(net, NULL);
    for (size_t i = 0; i < champ_ranking_count(with); i++) {
        ck_assert_str_eq(champ_ranking_id(with, i), champ_ranking_id(without, i));
        double a = champ_ranking_score(with, i), b = champ_ranking_score(without, i);
        ck_assert(a == b || (isnan(a) && isnan(b)));
    }
    champ_ranking_free(with);
    champ_ranking_free(without);

    ck_assert_int_eq(champ_options_set_window(o, 10, 10), CHAMP_OK);
    champ_ranking *r = NULL;
    ck_assert_int_eq(champ_rank(net, o, &r), CHAMP_ERR_ARGUMENT);
    ck_assert_ptr_nonnull(strstr(champ_last_error(), "since"));
    champ_network_free(net);
    champ_options_free(o);
}
END_TEST

START_TEST(free_functions_accept_null)
{
    champ_network_free(NULL);
    champ_options_free(NULL);
    champ_ranking_free(NULL);
    ck_assert_uint_eq(champ_network_person_count(NULL), 0);
    ck_assert_uint_eq(champ_ranking_count(NULL), 0);
    ck_assert_ptr_null(champ_ranking_id(NULL, 0));
    ck_assert(isnan(champ_ranking_summary(NULL, CHAMP_SUMMARY_PEOPLE)));
}
END_TEST

START_TEST(options_are_reusable_across_networks)
{
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_type_weight(o, "like", 0.5), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_type_weight(o, "like", 0.25), CHAMP_OK); /* replaces */
    static const test_interaction ix[] = {{"a", "b", 0, "like", 4, 0}};
    champ_network *net = build_network(NULL, 0, ix, 1);
    champ_ranking *r = rank_or_fail(net, o);
    ck_assert_near(value_of(r, "a", CHAMP_ACTIVITY), 1);
    champ_ranking_free(r);
    champ_network_free(net);
    champ_options_free(o);
}
END_TEST

/* A progress callback that logs the phases and stops at `stop_at`. */
typedef struct progress_log {
    char phases[16][16];
    double done[16];
    int calls;
    const char *stop_at;
} progress_log;

static int log_progress(void *user, const char *phase, double done)
{
    progress_log *log = user;
    if (log->calls < 16) {
        snprintf(log->phases[log->calls], sizeof log->phases[0], "%s", phase);
        log->done[log->calls] = done;
    }
    log->calls++;
    ck_assert(done >= 0 && done <= 1);
    return log->stop_at && strcmp(phase, log->stop_at) == 0;
}

/* The distinct phases of a log, in order, joined by spaces. */
static void phase_list(const progress_log *log, char *out, size_t size)
{
    out[0] = '\0';
    for (int i = 0; i < log->calls && i < 16; i++)
        if (i == 0 || strcmp(log->phases[i], log->phases[i - 1]) != 0)
            snprintf(out + strlen(out), size - strlen(out), "%s%s", *out ? " " : "",
                     log->phases[i]);
}

START_TEST(rank_reports_its_phases_and_can_be_cancelled)
{
    champ_network *net = worked_example();
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    progress_log log = {0};
    ck_assert_int_eq(champ_options_set_progress(o, log_progress, &log), CHAMP_OK);
    champ_ranking *r = rank_or_fail(net, o);
    char phases[128];
    phase_list(&log, phases, sizeof phases);
    ck_assert_str_eq(phases, "graph ties influence bridging ranking");
    ck_assert_double_eq(log.done[log.calls - 1], 1);
    champ_ranking_free(r);

    static const char *const stops[] = {"graph", "ties", "influence", "bridging", "ranking"};
    for (size_t i = 0; i < ARRAY_LEN(stops); i++) {
        progress_log stop = {.stop_at = stops[i]};
        ck_assert_int_eq(champ_options_set_progress(o, log_progress, &stop), CHAMP_OK);
        champ_ranking *none = (champ_ranking *)&stop;
        ck_assert_int_eq(champ_rank(net, o, &none), CHAMP_ERR_CANCELLED);
        ck_assert_ptr_null(none);
        char want[64];
        snprintf(want, sizeof want, "cancelled by the progress callback (%s)", stops[i]);
        ck_assert_str_eq(champ_last_error(), want);
    }
    /* NULL switches it off */
    ck_assert_int_eq(champ_options_set_progress(o, NULL, &log), CHAMP_OK);
    log.calls = 0;
    r = rank_or_fail(net, o);
    ck_assert_int_eq(log.calls, 0);
    ck_assert_int_eq(champ_options_set_progress(NULL, NULL, NULL), CHAMP_ERR_ARGUMENT);
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(reading_reports_progress_and_can_be_cancelled)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/reader/small.jsonl", getenv("CHAMP_TEST_DATA"));
    progress_log log = {0};
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_read_file_progress(path, log_progress, &log, &net), CHAMP_OK);
    ck_assert_ptr_nonnull(net);
    ck_assert_str_eq(log.phases[0], "read");
    ck_assert_double_eq(log.done[log.calls - 1], 1);
    champ_network_free(net);

    progress_log stop = {.stop_at = "read"};
    ck_assert_int_eq(champ_network_read_file_progress(path, log_progress, &stop, &net),
                     CHAMP_ERR_CANCELLED);
    ck_assert_ptr_null(net);
    char want[4200];
    snprintf(want, sizeof want, "%s: cancelled by the progress callback (read)", path);
    ck_assert_str_eq(champ_last_error(), want);
    ck_assert_int_eq(champ_network_read_file_progress(path, NULL, NULL, &net), CHAMP_OK);
    champ_network_free(net);
}
END_TEST

static Suite *api_suite(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("api");
    tcase_add_test(tc, version_matches_macros);
    tcase_add_test(tc, status_values_and_names_are_fixed);
    tcase_add_test(tc, last_error_is_never_null);
    tcase_add_test(tc, enum_names);
    tcase_add_test(tc, options_read_back);
    tcase_add_test(tc, write_to_a_callback);
    tcase_add_test(tc, options_reject_bad_values);
    tcase_add_test(tc, free_functions_accept_null);
    tcase_add_test(tc, options_are_reusable_across_networks);
    tcase_add_test(tc, rank_reports_its_phases_and_can_be_cancelled);
    tcase_add_test(tc, reading_reports_progress_and_can_be_cancelled);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return champ_test_run(api_suite());
}
