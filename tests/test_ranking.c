/* Eligibility, mid-rank percentiles, score, rank, output order and the
 * summary (SPEC 4.7-4.9), and the JSON/CSV writers (SPEC 5). */
#include "netbuild.h"
#include "testutil.h"

#include "text.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

/* The worked example of netbuild.h: eligible are a, b, c (d has no
 * activity, x is unlisted). Values among them:
 *   reciprocity a .3  b .5  c .125  -> pct a .5  b 1   c 0
 *   reach       a 1   b 0   c 1     -> pct a .75 b 0   c .75
 *   bridging    a 5/6 b 0   c .5    -> pct a 1   b 0   c .5
 *   influence   a top, b == c        -> pct a 1   b .25 c .25
 *   activity    a 2   b 2   c 1     -> pct a .75 b .75 c 0
 * score a = .3*.5 + .25*.75 + .15*1 + .15*1 + .15*.75 = .75
 *       b = .3*1 + 0 + 0 + .15*.25 + .15*.75        = .45
 *       c = 0 + .25*.75 + .15*.5 + .15*.25 + 0      = .30 */
static void assert_pcts(const champ_ranking *r, const char *id, double rec, double reach,
                        double bridging, double influence, double activity)
{
    size_t i = position_of(r, id);
    ck_assert_near(champ_ranking_percentile(r, i, CHAMP_RECIPROCITY), rec);
    ck_assert_near(champ_ranking_percentile(r, i, CHAMP_REACH), reach);
    ck_assert_near(champ_ranking_percentile(r, i, CHAMP_BRIDGING), bridging);
    ck_assert_near(champ_ranking_percentile(r, i, CHAMP_INFLUENCE), influence);
    ck_assert_near(champ_ranking_percentile(r, i, CHAMP_ACTIVITY), activity);
}

START_TEST(worked_example_scores_and_ranks)
{
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    assert_pcts(r, "a", 0.5, 0.75, 1, 1, 0.75);
    assert_pcts(r, "b", 1, 0, 0, 0.25, 0.75);
    assert_pcts(r, "c", 0, 0.75, 0.5, 0.25, 0);
    const char *order[] = {"a", "b", "c", "d", "x"};
    const double scores[] = {0.75, 0.45, 0.30};
    ck_assert_uint_eq(champ_ranking_count(r), 5);
    for (size_t i = 0; i < 5; i++) {
        ck_assert_str_eq(champ_ranking_id(r, i), order[i]);
        if (i < 3) {
            ck_assert_uint_eq(champ_ranking_rank(r, i), i + 1);
            ck_assert_near(champ_ranking_score(r, i), scores[i]);
            ck_assert(champ_ranking_eligible(r, i));
        } else {
            ck_assert_uint_eq(champ_ranking_rank(r, i), 0);
            ck_assert(isnan(champ_ranking_score(r, i)));
            ck_assert(isnan(champ_ranking_percentile(r, i, CHAMP_REACH)));
            ck_assert(!champ_ranking_eligible(r, i));
        }
    }
    ck_assert_str_eq(champ_ranking_team(r, 0), "T1");
    ck_assert_ptr_null(champ_ranking_team(r, 3));           /* d: unknown team */
    ck_assert_str_eq(champ_ranking_group(r, 2), "staff");   /* "" means staff */
    ck_assert_ptr_null(champ_ranking_group(r, 4));          /* x: unlisted */
    ck_assert(champ_ranking_listed(r, 3));
    ck_assert(!champ_ranking_listed(r, 4));
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(summary_counts)
{
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    const double expected[CHAMP_SUMMARY_ITEM_COUNT] = {
        [CHAMP_SUMMARY_PEOPLE] = 5,      [CHAMP_SUMMARY_LISTED] = 4,
        [CHAMP_SUMMARY_ELIGIBLE] = 3,    [CHAMP_SUMMARY_INTERACTIONS] = 5,
        [CHAMP_SUMMARY_DROPPED_SELF] = 1, [CHAMP_SUMMARY_DROPPED_WINDOW] = 0,
        [CHAMP_SUMMARY_TIES] = 4,        [CHAMP_SUMMARY_MUTUAL_TIES] = 1,
        [CHAMP_SUMMARY_RECIPROCITY] = 0.25, [CHAMP_SUMMARY_TEAMS] = 2,
        [CHAMP_SUMMARY_CROSS_TEAM_SHARE] = 0.5, /* a-b same team, a-c not */
    };
    for (int k = 0; k < CHAMP_SUMMARY_ITEM_COUNT; k++)
        if (k != CHAMP_SUMMARY_DROPPED_ZERO)
            ck_assert_near(champ_ranking_summary(r, (champ_summary_item)k), expected[k]);
    /* only a P2P query skips rows of weight 0 and counts them */
    ck_assert(isnan(champ_ranking_summary(r, CHAMP_SUMMARY_DROPPED_ZERO)));
    ck_assert(isnan(champ_ranking_summary(r, (champ_summary_item)99)));
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(weights_change_the_score)
{
    champ_network *net = worked_example();
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    /* only activity counts: a and b tie at .75 and the id decides */
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        ck_assert_int_eq(champ_options_set_weight(o, (champ_criterion)c, 0), CHAMP_OK);
    champ_ranking *r = NULL;
    ck_assert_int_eq(champ_rank(net, o, &r), CHAMP_ERR_ARGUMENT);
    ck_assert_ptr_null(r);
    ck_assert_ptr_nonnull(strstr(champ_last_error(), "weight"));
    ck_assert_int_eq(champ_options_set_weight(o, CHAMP_ACTIVITY, 2), CHAMP_OK);
    r = rank_or_fail(net, o);
    ck_assert_str_eq(champ_ranking_id(r, 0), "a");
    ck_assert_str_eq(champ_ranking_id(r, 1), "b");
    ck_assert_near(champ_ranking_score(r, 0), 0.75);
    ck_assert_near(champ_ranking_score(r, 1), 0.75);
    ck_assert_uint_eq(champ_ranking_rank(r, 1), 2);
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(equal_scores_rank_by_id_bytewise)
{
    /* Symmetric pairs: every value equal, so ids decide: "B" < "a" < "b" bytewise. */
    static const test_interaction ix[] = {{"b", "a", 0, NULL, 1, 0}, {"a", "b", 0, NULL, 1, 0},
                                          {"B", "c", 0, NULL, 1, 0}, {"c", "B", 0, NULL, 1, 0}};
    champ_network *net = build_network(NULL, 0, ix, ARRAY_LEN(ix));
    champ_ranking *r = rank_or_fail(net, NULL);
    const char *order[] = {"B", "a", "b", "c"};
    for (size_t i = 0; i < 4; i++) {
        ck_assert_str_eq(champ_ranking_id(r, i), order[i]);
        ck_assert_near(champ_ranking_score(r, i), 0.5); /* all tied: (0 + 3/2) / 3 */
    }
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(near_equal_values_tie_from_the_group_start)
{
    /* Activities 1e9, 1e9+0.9, 1e9+1.8, 1e9+2.7: steps of 0.9e-9 relative.
     * Groups are anchored at their smallest value, so a chain of small steps
     * does not make one group: {1e9, 1e9+0.9}, {1e9+1.8, 1e9+2.7}, giving
     * pct (0 + 1/2)/3 and (2 + 1/2)/3. */
    static const test_interaction ix[] = {{"a", "z", 0, NULL, 1e9, 0},
                                          {"b", "z", 0, NULL, 1e9 + 0.9, 0},
                                          {"c", "z", 0, NULL, 1e9 + 1.8, 0},
                                          {"d", "z", 0, NULL, 1e9 + 2.7, 0}};
    champ_network *net = build_network(NULL, 0, ix, ARRAY_LEN(ix));
    champ_ranking *r = rank_or_fail(net, NULL);
    const char *ids[] = {"a", "b", "c", "d"};
    const double expected[] = {1 / 6.0, 1 / 6.0, 5 / 6.0, 5 / 6.0};
    for (int k = 0; k < 4; k++)
        ck_assert_near(champ_ranking_percentile(r, position_of(r, ids[k]), CHAMP_ACTIVITY),
                       expected[k]);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(no_people_list_lists_everyone_as_staff)
{
    static const test_interaction ix[] = {{"a", "b", 0, NULL, 1, 0}};
    champ_network *net = build_network(NULL, 0, ix, 1);
    champ_ranking *r = rank_or_fail(net, NULL);
    ck_assert_near(champ_ranking_summary(r, CHAMP_SUMMARY_LISTED), 2);
    ck_assert_near(champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE), 1); /* b has no activity */
    ck_assert_str_eq(champ_ranking_group(r, 1), "staff");
    ck_assert_ptr_null(champ_ranking_team(r, 0));
    ck_assert_near(champ_ranking_score(r, 0), 1.0); /* N = 1: every pct is 1 */
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(min_activity_and_champion_groups)
{
    static const test_person people[] = {{"p1", "T", "partner"}, {"s1", "T", NULL},
                                         {"s2", "U", "staff"}, {"c1", NULL, "citizen"}};
    static const test_interaction ix[] = {{"p1", "s1", 0, NULL, 3, 0}, {"s1", "s2", 0, NULL, 1, 0},
                                          {"s2", "c1", 0, NULL, 2, 0}, {"c1", "p1", 0, NULL, 1, 0}};
    champ_network *net = build_network(people, ARRAY_LEN(people), ix, ARRAY_LEN(ix));
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    champ_ranking *r = rank_or_fail(net, o); /* default: staff only */
    ck_assert_near(champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE), 2);
    ck_assert(!champ_ranking_eligible(r, position_of(r, "p1")));
    champ_ranking_free(r);

    const char *groups[] = {"staff", "partner"};
    ck_assert_int_eq(champ_options_set_champion_groups(o, groups, 2), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_min_activity(o, 2), CHAMP_OK);
    r = rank_or_fail(net, o); /* p1 (3) and s2 (2) qualify; s1 (1) does not */
    ck_assert_near(champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE), 2);
    ck_assert(champ_ranking_eligible(r, position_of(r, "p1")));
    ck_assert(champ_ranking_eligible(r, position_of(r, "s2")));
    ck_assert(!champ_ranking_eligible(r, position_of(r, "s1")));
    champ_ranking_free(r);

    ck_assert_int_eq(champ_options_set_champion_groups(o, NULL, 0), CHAMP_OK);
    r = rank_or_fail(net, o);
    ck_assert_near(champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE), 0);
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(find_every_position)
{
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    for (size_t i = 0; i < champ_ranking_count(r); i++) {
        size_t at = 99;
        ck_assert_int_eq(champ_ranking_find(r, champ_ranking_id(r, i), &at), CHAMP_OK);
        ck_assert_uint_eq(at, i);
    }
    size_t at;
    ck_assert_int_eq(champ_ranking_find(r, "nobody", &at), CHAMP_ERR_NOT_FOUND);
    ck_assert_str_eq(champ_last_error(), "no person with id \"nobody\"");
    ck_assert_int_eq(champ_ranking_find(r, NULL, &at), CHAMP_ERR_ARGUMENT);
    ck_assert_ptr_null(champ_ranking_id(r, 5));
    ck_assert(isnan(champ_ranking_score(r, 5)));
    ck_assert(isnan(champ_ranking_value(r, 0, (champ_criterion)7)));
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(ranking_outlives_network)
{
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    champ_network_free(net);
    ck_assert_str_eq(champ_ranking_id(r, 0), "a");
    ck_assert_str_eq(champ_ranking_team(r, 2), "T2");
    champ_ranking_free(r);
}
END_TEST

START_TEST(json_output_follows_spec)
{
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    char *text = render(r, CHAMP_FORMAT_JSON, 0);
    cJSON *doc = cJSON_Parse(text);
    ck_assert_ptr_nonnull(doc);
    ck_assert_str_eq(cJSON_GetObjectItem(doc, "version")->valuestring, CHAMP_VERSION_STRING);
    cJSON *summary = cJSON_GetObjectItem(doc, "summary");
    ck_assert_near(cJSON_GetObjectItem(summary, "mutual_ties")->valuedouble, 1);
    ck_assert_near(cJSON_GetObjectItem(summary, "cross_team_share")->valuedouble, 0.5);
    cJSON *people = cJSON_GetObjectItem(doc, "people");
    ck_assert_int_eq(cJSON_GetArraySize(people), 5);
    static const char *const keys[] = {
        "id", "team", "group", "listed", "eligible", "rank", "score", "activity",
        "reciprocity", "reach", "bridging", "influence", "received", "ties", "mutual",
        "cross_share", "percentiles", "flags", "explanation"};
    cJSON *first = cJSON_GetArrayItem(people, 0), *item = first->child;
    for (size_t k = 0; k < ARRAY_LEN(keys); k++, item = item->next)
        ck_assert_str_eq(item->string, keys[k]);
    ck_assert_ptr_null(item);
    ck_assert_near(cJSON_GetObjectItem(first, "score")->valuedouble, 0.75);
    ck_assert_near(cJSON_GetObjectItem(cJSON_GetObjectItem(first, "percentiles"), "reach")->valuedouble, 0.75);
    cJSON *x = cJSON_GetArrayItem(people, 4);
    ck_assert_str_eq(cJSON_GetObjectItem(x, "id")->valuestring, "x");
    ck_assert(cJSON_IsNull(cJSON_GetObjectItem(x, "rank")));
    ck_assert(cJSON_IsNull(cJSON_GetObjectItem(x, "score")));
    ck_assert(cJSON_IsNull(cJSON_GetObjectItem(x, "percentiles")));
    ck_assert(cJSON_IsNull(cJSON_GetObjectItem(x, "group")));
    ck_assert(cJSON_IsNull(cJSON_GetObjectItem(x, "cross_share")));
    ck_assert(cJSON_IsFalse(cJSON_GetObjectItem(x, "listed")));
    ck_assert(cJSON_IsNull(cJSON_GetObjectItem(x, "explanation")));
    ck_assert(cJSON_IsArray(cJSON_GetObjectItem(x, "flags")));
    /* the first's explanation is the library's sentence; no confidence asked, none given */
    char sentence[1024];
    ck_assert_int_eq(champ_ranking_explain(r, 0, CHAMP_LANGUAGE_EN, sentence, sizeof sentence,
                                           NULL), CHAMP_OK);
    ck_assert_str_eq(cJSON_GetObjectItem(first, "explanation")->valuestring, sentence);
    ck_assert_ptr_null(cJSON_GetObjectItem(first, "confidence"));
    cJSON_Delete(doc);
    free(text);

    text = render(r, CHAMP_FORMAT_JSON, 2);
    doc = cJSON_Parse(text);
    ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "people")), 2);
    cJSON_Delete(doc);
    free(text);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(json_numbers_round_trip_and_strings_escape)
{
    static const test_person people[] = {{"q\"\\\n\xc3\xa9", "T,1", NULL}, {"z", NULL, NULL}};
    static const test_interaction ix[] = {{"q\"\\\n\xc3\xa9", "z", 0, NULL, 1.1, 0},
                                          {"z", "q\"\\\n\xc3\xa9", 0, NULL, 4.0 / 3, 0}};
    champ_network *net = build_network(people, 2, ix, 2);
    champ_ranking *r = rank_or_fail(net, NULL);
    char *text = render(r, CHAMP_FORMAT_JSON, 0);
    cJSON *doc = cJSON_Parse(text);
    ck_assert_ptr_nonnull(doc);
    cJSON *people_out = cJSON_GetObjectItem(doc, "people");
    int found = 0;
    for (cJSON *p = people_out->child; p; p = p->next) {
        if (strcmp(cJSON_GetObjectItem(p, "id")->valuestring, "q\"\\\n\xc3\xa9") == 0) {
            found = 1;
            ck_assert_double_eq(cJSON_GetObjectItem(p, "activity")->valuedouble, 1.1);
            ck_assert_double_eq(cJSON_GetObjectItem(p, "received")->valuedouble, 4.0 / 3);
        }
    }
    ck_assert(found);
    cJSON_Delete(doc);
    free(text);

    text = render(r, CHAMP_FORMAT_CSV, 0);
    ck_assert_ptr_nonnull(strstr(text, "\"q\"\"\\\n\xc3\xa9\",\"T,1\",staff,true,true,"));
    free(text);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(csv_output_has_header_and_rows)
{
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    char *text = render(r, CHAMP_FORMAT_CSV, 0);
    static const char header[] =
        "id,team,group,listed,eligible,rank,score,activity,reciprocity,reach,bridging,influence,"
        "received,ties,mutual,cross_share,pct_reciprocity,pct_reach,pct_bridging,pct_influence,"
        "pct_activity,flags,explanation\r\n";
    ck_assert(strncmp(text, header, strlen(header)) == 0);
    ck_assert_ptr_nonnull(strstr(text, "\r\na,T1,staff,true,true,1,0.75,2,"));
    ck_assert_ptr_nonnull(strstr(text, "\r\nx,,,false,false,,,1,"));
    int rows = 0;
    for (char *p = text; (p = strstr(p, "\r\n")); p += 2)
        rows++;
    ck_assert_int_eq(rows, 6);
    free(text);
    champ_ranking_free(r);
    champ_network_free(net);

    /* an empty network still gets the header */
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    r = rank_or_fail(net, NULL);
    text = render(r, CHAMP_FORMAT_CSV, 0);
    ck_assert_str_eq(text, header);
    free(text);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(writers_ignore_the_host_locale)
{
    /* A host application that chose a comma-decimal locale still gets JSON
     * and CSV with '.' for the decimal point. */
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    comma_locale();
    char *json = render(r, CHAMP_FORMAT_JSON, 1);
    char *csv = render(r, CHAMP_FORMAT_CSV, 1);
    setlocale(LC_ALL, "C");
    ck_assert_ptr_nonnull(strstr(json, "\"score\":0.75,"));
    ck_assert_ptr_nonnull(strstr(json, "\"reciprocity\":0.3,"));
    ck_assert_ptr_nonnull(strstr(csv, "a,T1,staff,true,true,1,0.75,2,0.3,1,"));
    cJSON *doc = cJSON_Parse(json);
    ck_assert_ptr_nonnull(doc);
    cJSON_Delete(doc);
    free(json);
    free(csv);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(write_reports_stream_errors)
{
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    FILE *full = fopen("/dev/full", "w");
    ck_assert_ptr_nonnull(full);
    ck_assert_int_eq(champ_ranking_write(r, CHAMP_FORMAT_JSON, 0, full), CHAMP_ERR_IO);
    ck_assert_str_eq(champ_last_error(), "cannot write the output: No space left on device");
    fclose(full);
    ck_assert_int_eq(champ_ranking_write(r, (champ_format)9, 0, stdout), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_write(NULL, CHAMP_FORMAT_JSON, 0, stdout), CHAMP_ERR_ARGUMENT);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(bulk_reads_match_the_getters)
{
    champ_network *net = worked_example();
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_weight(o, CHAMP_ACTIVITY, 0.6), CHAMP_OK);
    champ_ranking *r = rank_or_fail(net, o);
    size_t n = champ_ranking_count(r);
    ck_assert_uint_eq(n, 5);
    size_t ranks[5];
    double col[5], share = 0;
    ck_assert_int_eq(champ_ranking_ranks(r, ranks), CHAMP_OK);
    for (size_t i = 0; i < n; i++)
        ck_assert_uint_eq(ranks[i], champ_ranking_rank(r, i));
    ck_assert_int_eq(champ_ranking_scores(r, col), CHAMP_OK);
    for (size_t i = 0; i < n; i++)
        ck_assert(memcmp(&col[i], &(double){champ_ranking_score(r, i)}, sizeof(double)) == 0);
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++) {
        ck_assert_int_eq(champ_ranking_values(r, c, col), CHAMP_OK);
        for (size_t i = 0; i < n; i++)
            ck_assert_double_eq(col[i], champ_ranking_value(r, i, c));
        ck_assert_int_eq(champ_ranking_percentiles(r, c, col), CHAMP_OK);
        for (size_t i = 0; i < n; i++)
            ck_assert(memcmp(&col[i], &(double){champ_ranking_percentile(r, i, c)},
                             sizeof(double)) == 0);
        share += champ_ranking_weight(r, c);
    }
    for (int d = 0; d < CHAMP_DIAGNOSTIC_COUNT; d++) {
        ck_assert_int_eq(champ_ranking_diagnostics(r, d, col), CHAMP_OK);
        for (size_t i = 0; i < n; i++)
            ck_assert(memcmp(&col[i], &(double){champ_ranking_diagnostic(r, i, d)},
                             sizeof(double)) == 0);
    }
    /* weights 0.3 0.25 0.15 0.15 0.6 sum to 1.45 */
    ck_assert_near(champ_ranking_weight(r, CHAMP_ACTIVITY), 0.6 / 1.45);
    ck_assert_near(share, 1);
    ck_assert(isnan(champ_ranking_weight(r, CHAMP_CRITERION_COUNT)));
    ck_assert(isnan(champ_ranking_weight(NULL, CHAMP_REACH)));
    for (size_t i = 0; i < n; i++) {
        if (!champ_ranking_eligible(r, i))
            continue;
        double sum = 0;
        for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
            sum += champ_ranking_weight(r, c) * champ_ranking_percentile(r, i, c);
        ck_assert_near(sum, champ_ranking_score(r, i));
    }

    ck_assert_int_eq(champ_ranking_values(r, CHAMP_CRITERION_COUNT, col), CHAMP_ERR_ARGUMENT);
    ck_assert_str_eq(champ_last_error(), "champ_ranking_values: no criterion 5");
    ck_assert_int_eq(champ_ranking_diagnostics(r, CHAMP_DIAGNOSTIC_COUNT, col), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_scores(r, NULL), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_ranks(NULL, ranks), CHAMP_ERR_ARGUMENT);
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(text_columns_come_back_to_back)
{
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    for (int column = CHAMP_TEXT_ID; column <= CHAMP_TEXT_GROUP; column++) {
        size_t needed = 0;
        ck_assert_int_eq(champ_ranking_texts(r, column, NULL, 0, &needed), CHAMP_OK);
        char *buf = malloc(needed);
        ck_assert_int_eq(champ_ranking_texts(r, column, buf, needed - 1, NULL), CHAMP_ERR_ARGUMENT);
        ck_assert_int_eq(champ_ranking_texts(r, column, buf, needed, NULL), CHAMP_OK);
        const char *s = buf;
        for (size_t i = 0; i < champ_ranking_count(r); i++) {
            const char *want = column == CHAMP_TEXT_ID     ? champ_ranking_id(r, i)
                             : column == CHAMP_TEXT_TEAM   ? champ_ranking_team(r, i)
                                                           : champ_ranking_group(r, i);
            ck_assert_str_eq(s, want ? want : "");
            s += strlen(s) + 1;
        }
        ck_assert_ptr_eq(s, buf + needed);
        free(buf);
    }
    /* "a b c d x": ids of 1 byte each */
    size_t needed = 0;
    ck_assert_int_eq(champ_ranking_texts(r, CHAMP_TEXT_ID, NULL, 0, &needed), CHAMP_OK);
    ck_assert_uint_eq(needed, 10);
    ck_assert_int_eq(champ_ranking_texts(r, 3, NULL, 0, &needed), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_texts(NULL, CHAMP_TEXT_ID, NULL, 0, &needed), CHAMP_ERR_ARGUMENT);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

/* Significant digits of a %g form: the mantissa's digits from the first
 * non-zero one to the last non-zero one. */
static int significant_digits(const char *s)
{
    int count = 0, pending = 0, started = 0;
    for (; *s && *s != 'e'; s++) {
        if (*s < '0' || *s > '9')
            continue;
        if (*s != '0') {
            count += pending + 1;
            pending = 0;
            started = 1;
        } else if (started) {
            pending++;
        }
    }
    return count;
}

/* The writers' number form against its definition: the fewest
 * significant digits that read back as the same double (no %.{p}g with
 * fewer does), laid out as %.{P}g lays them out, P = max(15, their
 * number); so, wherever %.15g reads back for a normal number, exactly
 * %.15g, else %.16g where it reads back, else 17 digits at most. Checked
 * on edge cases and on random doubles of every kind (bit patterns,
 * fractions, integers, halves, the percentiles' k/n); every shorter form
 * tried when `thorough`, else the one digit shorter. */
static void check_shortest(double x, int thorough)
{
    char got[CHAMP_SHORTEST_MAX], form[40];
    champ__shortest(got, x);
    ck_assert_msg(strtod(got, NULL) == x && signbit(strtod(got, NULL)) == signbit(x),
                  "%.17g: %s does not read back", x, got);
    int digits = significant_digits(got);
    ck_assert_msg(digits <= 17, "%.17g: %s has %d digits", x, got, digits);
    int integer = fabs(x) < 1e15 && x == floor(x); /* written as the integer it is */
    for (int p = thorough ? 1 : digits - 1; p < digits && !integer; p++) {
        snprintf(form, sizeof form, "%.*g", p, x);
        ck_assert_msg(strtod(form, NULL) != x, "%.17g: %s reads back, shorter than %s", x, form,
                      got);
    }
    for (int p = 15; p <= 16; p++) {
        snprintf(form, sizeof form, "%.*g", p, x);
        if (strtod(form, NULL) == x && (isnormal(x) || x == 0)) {
            ck_assert_msg(strcmp(got, form) == 0, "%.17g: got %s, want %s", x, got, form);
            break;
        }
    }
}

START_TEST(numbers_take_the_shortest_round_trip_form)
{
    static const double edge[] = {0.0, -0.0, 1, -1, 0.1, 0.5, 2.5, 1e-4, 1e-5, 123456.5,
        999999999999999.0, 1e15, -1e15, 1e16, 1e21, 1e22, 123456789012345.6,
        9.999999999999999e22, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
        0.30000000000000004, 1.0 / 3, 2.0 / 3, 100.0 / 7};
    for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) {
        check_shortest(edge[i], 1);
        check_shortest(-edge[i], 1);
    }
    uint64_t state = 88172645463325252ULL;
    for (int i = 0; i < 300000; i++) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        double x;
        switch (i % 6) {
        case 0:
            memcpy(&x, &state, sizeof x);
            if (!isfinite(x))
                continue;
            break;
        case 1: x = (double)(state >> 11) / 9007199254740992.0; break;
        case 2: x = (double)(state % 1000000) / (double)(1 + (state >> 40) % 1000); break;
        case 3: x = (double)((int64_t)(state % 2000001) - 1000000); break;
        case 4: x = ldexp((double)(state >> 11), (int)(state % 120) - 100); break;
        default: x = ((double)(state % 100000) + 0.5) / (double)(1 + (state >> 45) % 100000);
        }
        check_shortest(i % 2 ? -x : x, i % 16 == 0);
    }
}
END_TEST

/* The tie graph: every directed pair with w > 0, by output position, and
 * the same pairs in GEXF and GraphML with names escaped for XML. */
START_TEST(ties_and_graph_formats)
{
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    /* a->b 1, b->a 2, a->c 1, c->d 1, x->a 1: five directed pairs */
    ck_assert_uint_eq(champ_ranking_tie_count(r), 5);
    size_t from[5], to[5];
    double w[5];
    ck_assert_int_eq(champ_ranking_ties(r, from, to, w), CHAMP_OK);
    double total = 0;
    for (size_t k = 0; k < 5; k++) {
        if (k)
            ck_assert(from[k - 1] < from[k] || (from[k - 1] == from[k] && to[k - 1] < to[k]));
        total += w[k];
        if (!strcmp(champ_ranking_id(r, from[k]), "b"))
            ck_assert(!strcmp(champ_ranking_id(r, to[k]), "a") && w[k] == 2);
    }
    ck_assert_double_eq(total, 6);
    ck_assert_int_eq(champ_ranking_ties(r, NULL, to, w), CHAMP_ERR_ARGUMENT);
    char *gexf = render(r, CHAMP_FORMAT_GEXF, 0), *graphml = render(r, CHAMP_FORMAT_GRAPHML, 2);
    ck_assert_ptr_nonnull(strstr(gexf, "<gexf xmlns=\"http://www.gexf.net/1.2draft\""));
    ck_assert_ptr_nonnull(strstr(gexf, "source=\"b\" target=\"a\" weight=\"2\"/>"));
    ck_assert_ptr_nonnull(strstr(gexf, "</gexf>\n"));
    /* top 2: the first two people and the ties between them only */
    size_t edges = 0;
    for (const char *p = graphml; (p = strstr(p, "<edge ")); p++)
        edges++;
    ck_assert_uint_eq(edges, 2);
    free(gexf);
    free(graphml);
    champ_ranking_free(r);
    champ_network_free(net);

    static const test_person people[] = {{"<a&b>", "R&D \"x\"", NULL}, {"it's\x01", NULL, NULL}};
    static const test_interaction ix[] = {{"<a&b>", "it's\x01", 0, NULL, 1, 0}};
    net = build_network(people, 2, ix, 1);
    r = rank_or_fail(net, NULL);
    graphml = render(r, CHAMP_FORMAT_GRAPHML, 0);
    ck_assert_ptr_nonnull(strstr(graphml, "<node id=\"&lt;a&amp;b&gt;\">"));
    ck_assert_ptr_nonnull(strstr(graphml, ">R&amp;D &quot;x&quot;</data>"));
    ck_assert_ptr_nonnull(strstr(graphml, "target=\"it&apos;s\xEF\xBF\xBD\""));
    free(graphml);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

static Suite *ranking_suite(void)
{
    Suite *s = suite_create("ranking");
    TCase *tc = tcase_create("ranking");
    tcase_add_test(tc, worked_example_scores_and_ranks);
    tcase_add_test(tc, summary_counts);
    tcase_add_test(tc, weights_change_the_score);
    tcase_add_test(tc, equal_scores_rank_by_id_bytewise);
    tcase_add_test(tc, near_equal_values_tie_from_the_group_start);
    tcase_add_test(tc, no_people_list_lists_everyone_as_staff);
    tcase_add_test(tc, min_activity_and_champion_groups);
    tcase_add_test(tc, find_every_position);
    tcase_add_test(tc, ranking_outlives_network);
    tcase_add_test(tc, bulk_reads_match_the_getters);
    tcase_add_test(tc, text_columns_come_back_to_back);
    suite_add_tcase(s, tc);
    TCase *out = tcase_create("writers");
    tcase_add_test(out, json_output_follows_spec);
    tcase_add_test(out, ties_and_graph_formats);
    tcase_add_test(out, json_numbers_round_trip_and_strings_escape);
    tcase_add_test(out, csv_output_has_header_and_rows);
    tcase_add_test(out, writers_ignore_the_host_locale);
    tcase_add_test(out, write_reports_stream_errors);
    tcase_add_test(out, numbers_take_the_shortest_round_trip_form);
    suite_add_tcase(s, out);
    return s;
}

int main(void)
{
    return champ_test_run(ranking_suite());
}
