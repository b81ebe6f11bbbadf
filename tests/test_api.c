/* The library-wide contract: version, status names, error messages, option
 * validation and NULL handling. */
#include "netbuild.h"
#include "testutil.h"

#include <stdio.h>

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
    ck_assert_str_eq(champ_status_name(CHAMP_OK), "CHAMP_OK");
    ck_assert_str_eq(champ_status_name(CHAMP_ERR_PARSE), "CHAMP_ERR_PARSE");
    ck_assert_str_eq(champ_status_name(CHAMP_ERR_INTERNAL), "CHAMP_ERR_INTERNAL");
    ck_assert_str_eq(champ_status_name(CHAMP_ERR_CANCELLED), "CHAMP_ERR_CANCELLED");
    ck_assert_str_eq(champ_status_name((champ_status)42), "CHAMP_ERR_UNKNOWN");
    ck_assert_int_eq(CHAMP_RECIPROCITY, 0);
    ck_assert_int_eq(CHAMP_ACTIVITY, 4);
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

static Suite *api_suite(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("api");
    tcase_add_test(tc, version_matches_macros);
    tcase_add_test(tc, status_values_and_names_are_fixed);
    tcase_add_test(tc, last_error_is_never_null);
    tcase_add_test(tc, options_reject_bad_values);
    tcase_add_test(tc, free_functions_accept_null);
    tcase_add_test(tc, options_are_reusable_across_networks);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return champ_test_run(api_suite());
}
