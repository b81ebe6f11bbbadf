/* The warnings of a ranking (lib/warnings.c): each kind on the smallest
 * input that calls for it, its exact sentence, and none on a sound ranking. */
#include "netbuild.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>

/* The ranking's warnings, one per line, "kind: sentence"; with `all` 0,
 * without few_eligible, which the deliberately tiny networks of the other
 * kinds' tests all have (its own test checks it). */
static char *warnings_listed(const champ_network *net, const champ_options *o, int all)
{
    champ_ranking *r = NULL;
    ck_assert_int_eq(champ_rank(net, o, &r), CHAMP_OK);
    static char text[4096];
    size_t used = 0;
    text[0] = '\0';
    for (size_t i = 0; i < champ_ranking_warning_count(r); i++) {
        champ_warning kind = (champ_warning)-1;
        const char *w = champ_ranking_warning(r, i, &kind);
        if (kind == CHAMP_WARN_FEW_ELIGIBLE && !all)
            continue;
        used += (size_t)snprintf(text + used, sizeof text - used, "%s: %s\n",
                                 champ_warning_name(kind), w);
    }
    ck_assert_ptr_null(champ_ranking_warning(r, champ_ranking_warning_count(r), NULL));
    champ_ranking_free(r);
    return text;
}

static char *warnings_of(const champ_network *net, const champ_options *o)
{
    return warnings_listed(net, o, 0);
}

/* n people in two teams, each tied both ways to the next (a ring) by
 * interactions of weight w, plus `one_way` one-directional ties of weight
 * 1 from person 0 to others. */
static champ_network *ring_of(int n, int one_way, double w)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    char id[16], other[16];
    for (int i = 0; i < n; i++) {
        snprintf(id, sizeof id, "p%02d", i);
        ck_assert_int_eq(champ_network_add_person(net, id, i % 2 ? "T1" : "T2", NULL), CHAMP_OK);
    }
    for (int i = 0; i < n; i++) {
        snprintf(id, sizeof id, "p%02d", i);
        snprintf(other, sizeof other, "p%02d", (i + 1) % n);
        ck_assert_int_eq(champ_network_add_interaction(net, id, other, NAN, NULL, w), CHAMP_OK);
        ck_assert_int_eq(champ_network_add_interaction(net, other, id, NAN, NULL, w), CHAMP_OK);
    }
    for (int i = 0; i < one_way; i++) {
        snprintf(id, sizeof id, "x%02d", i);
        snprintf(other, sizeof other, "y%02d", i);
        ck_assert_int_eq(champ_network_add_interaction(net, id, other, NAN, NULL, 1), CHAMP_OK);
    }
    return net;
}

/* The ring of the tests below: ties of two interactions' weight each way,
 * so that it has depth (no_tie_depth has its own test). */
static champ_network *ring_network(int n, int one_way)
{
    return ring_of(n, one_way, 2);
}

static champ_network *small_team_network(void)
{
    static const test_person people[] = {{"a", "T1", NULL}, {"b", "T2", NULL},
                                         {"c", "T1", "citizen"}};
    static const test_interaction ix[] = {{"a", "b", 100, "reply", 1, 1},
                                          {"b", "a", 200, NULL, 1, 1},
                                          {"a", "c", 300, NULL, 1, 1}};
    return build_network(people, 3, ix, 3);
}

START_TEST(none_on_a_sound_ranking)
{
    champ_network *net = ring_network(30, 0);
    ck_assert_str_eq(warnings_listed(net, NULL, 1), "");
    champ_network_free(net);
}
END_TEST

/* Under 30 eligible people: said, with the number; 30 is enough. */
START_TEST(few_eligible_people)
{
    champ_network *net = ring_network(29, 0);
    ck_assert_str_eq(warnings_listed(net, NULL, 1),
                     "few_eligible: only 29 people are eligible (fewer than 30): among so few, "
                     "one interaction more or less moves a percentile a long way, so read the "
                     "ranking as a rough order\n");
    champ_network_free(net);
    net = small_team_network();
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_min_activity(o, 2), CHAMP_OK);
    ck_assert_str_eq(warnings_listed(net, o, 1),
                     "few_eligible: only 1 person is eligible (fewer than 30): among so few, "
                     "one interaction more or less moves a percentile a long way, so read the "
                     "ranking as a rough order\n");
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

/* A yes/no network of 30 or more eligible people (no tie heavier than one
 * interaction each way): said; one tie a little heavier, or fewer than 30
 * eligible (few_eligible says enough), not. */
START_TEST(no_depth_in_the_ties)
{
    champ_network *net = ring_of(30, 0, 1);
    ck_assert_str_eq(warnings_listed(net, NULL, 1),
                     "no_tie_depth: no tie holds more than one interaction each way, so the data "
                     "cannot tell a single exchange from a working relationship: someone who "
                     "writes once to many people and is answered once ranks as if they worked "
                     "with them all\n");
    ck_assert_int_eq(champ_network_add_interaction(net, "p00", "p01", NAN, NULL, 0.5), CHAMP_OK);
    ck_assert_str_eq(warnings_listed(net, NULL, 1), "");
    champ_network_free(net);
    net = ring_of(29, 0, 1);
    ck_assert_str_eq(warnings_of(net, NULL), "");
    champ_network_free(net);
}
END_TEST

/* R below 0.05 (an export of one direction): said; at 0.05, not. The
 * ring has 30 mutual ties; one-way pairs bring R down to 30 / (30 + k). */
START_TEST(one_direction_export)
{
    champ_network *net = ring_network(30, 600); /* R = 30 / 630 = 0.0476 */
    ck_assert_str_eq(warnings_listed(net, NULL, 1),
                     "one_direction: only 4.8% of the ties go both ways (reciprocity R = "
                     "0.048, below 0.05): the export may hold one direction only, and then "
                     "reciprocity sets people apart by chance\n");
    champ_network_free(net);
    net = ring_network(30, 570); /* R = 30 / 600 = 0.05 */
    ck_assert_str_eq(warnings_listed(net, NULL, 1), "");
    champ_network_free(net);
}
END_TEST

/* With confidence: a ranking whose top does not hold under resampling
 * says so; one whose top holds does not. */
START_TEST(unstable_top_under_confidence)
{
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_confidence(o, 20), CHAMP_OK);
    /* the ring: everyone alike, so every resample reorders them */
    champ_network *net = ring_network(40, 0);
    char *text = warnings_listed(net, o, 1);
    ck_assert_msg(strstr(text, "unstable_top: the top 10 is unstable: only ") == text, "%s", text);
    ck_assert_msg(strstr(text, "in the top 10 of at least 90% of the 20 resamples, so read the "
                               "ranks as tiers (rank_low to rank_high), not as an exact order\n"),
                  "%s", text);
    champ_network_free(net);
    /* a star of heavy ties around ten hubs among 40 lightly tied others */
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    char hub[16], leaf[16];
    for (int h = 0; h < 10; h++) {
        snprintf(hub, sizeof hub, "hub%d", h);
        ck_assert_int_eq(champ_network_add_person(net, hub, h % 2 ? "T1" : "T2", NULL), CHAMP_OK);
    }
    for (int l = 0; l < 40; l++) {
        snprintf(leaf, sizeof leaf, "leaf%02d", l);
        ck_assert_int_eq(champ_network_add_person(net, leaf, l % 3 ? "T3" : "T4", NULL),
                         CHAMP_OK);
        for (int h = 0; h < 10; h++) {
            snprintf(hub, sizeof hub, "hub%d", h);
            for (int k = 0; k < 5; k++) {
                ck_assert_int_eq(champ_network_add_interaction(net, hub, leaf, NAN, NULL, 1),
                                 CHAMP_OK);
                ck_assert_int_eq(champ_network_add_interaction(net, leaf, hub, NAN, NULL, 1),
                                 CHAMP_OK);
            }
        }
    }
    ck_assert_str_eq(warnings_listed(net, o, 1), "");
    champ_network_free(net);
    champ_options_free(o);
}
END_TEST

START_TEST(options_that_change_nothing)
{
    champ_network *net = small_team_network();
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    const char *audience[] = {"visitor"};
    ck_assert_int_eq(champ_options_set_audience_groups(o, audience, 1), CHAMP_OK);
    const char *champions[] = {"staff", "volunteer"};
    ck_assert_int_eq(champ_options_set_champion_groups(o, champions, 2), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_type_weight(o, "like", 0.5), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_type_weight(o, "reply", 2), CHAMP_OK);
    ck_assert_str_eq(warnings_of(net, o),
                     "no_audience: no one is in the audience group \"visitor\": reach is 0 for "
                     "everyone\n"
                     "no_champion_group: no listed person is in the champion group \"volunteer\"\n"
                     "unused_type_weight: no interaction has the type \"like\": its type weight "
                     "changes nothing\n");
    /* one audience group of two is empty: reach still counts the other */
    const char *two[] = {"visitor", "citizen"};
    ck_assert_int_eq(champ_options_set_audience_groups(o, two, 2), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_champion_groups(o, champions, 1), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_type_weight(o, "like", 1), CHAMP_OK);
    ck_assert_str_eq(warnings_of(net, o),
                     "no_audience: no one is in the audience group \"visitor\"\n"
                     "unused_type_weight: no interaction has the type \"like\": its type weight "
                     "changes nothing\n");
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(windows_that_keep_nothing)
{
    champ_network *net = small_team_network();
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_window(o, 1000, NAN), CHAMP_OK);
    ck_assert_str_eq(warnings_of(net, o),
                     "empty_window: the window kept no interactions: their times run from "
                     "1970-01-01T00:01:40Z to 1970-01-01T00:05:00Z\n");
    champ_network_free(net);
    /* no times at all */
    static const test_interaction untimed[] = {{"a", "b", 0, NULL, 1, 0}, {"b", "a", 0, NULL, 1, 0}};
    net = build_network(NULL, 0, untimed, 2);
    ck_assert_str_eq(warnings_of(net, o),
                     "no_teams: no one has a team, so reach across teams is 0 for everyone (the "
                     "input has no people list)\n"
                     "empty_window: the window kept no interactions: none of the 2 has a time\n");
    champ_network_free(net);
    /* times past the year 9999 are told as the numbers they are */
    static const test_interaction far[] = {{"a", "b", 3e21, NULL, 1, 1},
                                           {"b", "a", -1e15, NULL, 1, 1}};
    net = build_network(NULL, 0, far, 2);
    ck_assert_int_eq(champ_options_set_window(o, 0, 1), CHAMP_OK);
    ck_assert_str_eq(warnings_of(net, o),
                     "no_teams: no one has a team, so reach across teams is 0 for everyone (the "
                     "input has no people list)\n"
                     "empty_window: the window kept no interactions: their times run from "
                     "-1000000000000000 to 3e+21\n");
    ck_assert_int_eq(champ_options_set_window(o, 1000, NAN), CHAMP_OK);
    champ_network_free(net);
    /* most untimed, some kept */
    static const test_interaction mostly[] = {{"a", "b", 5000, NULL, 1, 1},
                                              {"b", "a", 0, NULL, 1, 0},
                                              {"b", "c", 0, NULL, 1, 0}};
    static const test_person teams[] = {{"a", "T1", NULL}, {"b", "T2", NULL}};
    net = build_network(teams, 2, mostly, 3);
    ck_assert_str_eq(warnings_of(net, o),
                     "untimed: 2 of the 3 interactions have no time, so the window left them "
                     "out\n"
                     "one_direction: only 0.0% of the ties go both ways (reciprocity R = "
                     "0.000, below 0.05): the export may hold one direction only, and then "
                     "reciprocity sets people apart by chance\n");
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(no_one_eligible_says_why)
{
    champ_network *net = small_team_network();
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_min_activity(o, 10), CHAMP_OK);
    ck_assert_str_eq(warnings_of(net, o),
                     "no_eligible: no one is eligible: none of the 2 listed members of the "
                     "champion groups has an activity of 10 or more\n");
    const char *partner[] = {"partner"};
    ck_assert_int_eq(champ_options_set_champion_groups(o, partner, 1), CHAMP_OK);
    ck_assert_str_eq(warnings_of(net, o),
                     "no_champion_group: no listed person is in the champion group \"partner\"\n"
                     "no_eligible: no one is eligible: no listed person is in the champion "
                     "groups\n");
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

/* Members the reader did not read explain missing teams; unknown members
 * of the document are named. */
START_TEST(members_not_read)
{
    const char *doc = "{\"people\": [{\"id\": \"a\", \"department\": \"X\"}, {\"id\": \"b\", "
                      "\"department\": \"Y\"}], \"interactions\": [{\"from\": \"a\", \"to\": "
                      "\"b\"}], \"meta\": {}}";
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_read_json(doc, strlen(doc), &net), CHAMP_OK);
    ck_assert_str_eq(warnings_of(net, NULL),
                     "unread_members: the document's member \"meta\" is not read (an export has "
                     "\"people\" and \"interactions\")\n"
                     "no_teams: no one has a team, so reach across teams is 0 for everyone; the "
                     "people have \"department\", which is not read (a team is \"team\")\n"
                     "one_direction: only 0.0% of the ties go both ways (reciprocity R = "
                     "0.000, below 0.05): the export may hold one direction only, and then "
                     "reciprocity sets people apart by chance\n");
    /* with an audience, reach does not count teams: no word about them */
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    const char *staff[] = {"staff"};
    ck_assert_int_eq(champ_options_set_audience_groups(o, staff, 1), CHAMP_OK);
    ck_assert_str_eq(warnings_of(net, o),
                     "unread_members: the document's member \"meta\" is not read (an export has "
                     "\"people\" and \"interactions\")\n"
                     "one_direction: only 0.0% of the ties go both ways (reciprocity R = "
                     "0.000, below 0.05): the export may hold one direction only, and then "
                     "reciprocity sets people apart by chance\n");
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(names_of_the_kinds)
{
    static const char *const names[] = {"unread_members",   "no_teams",
                                        "no_audience",      "no_champion_group",
                                        "unused_type_weight", "empty_window",
                                        "untimed",          "no_eligible",
                                        "one_direction",    "few_eligible",
                                        "unstable_top",     "no_tie_depth"};
    ck_assert_int_eq(ARRAY_LEN(names), CHAMP_WARNING_COUNT);
    for (int k = 0; k < CHAMP_WARNING_COUNT; k++)
        ck_assert_str_eq(champ_warning_name((champ_warning)k), names[k]);
    ck_assert_ptr_null(champ_warning_name((champ_warning)CHAMP_WARNING_COUNT));
    ck_assert_ptr_null(champ_warning_name((champ_warning)-1));
    ck_assert_uint_eq(champ_ranking_warning_count(NULL), 0);
    ck_assert_ptr_null(champ_ranking_warning(NULL, 0, NULL));
}
END_TEST

static Suite *warnings_suite(void)
{
    Suite *s = suite_create("warnings");
    TCase *tc = tcase_create("warnings");
    tcase_add_test(tc, none_on_a_sound_ranking);
    tcase_add_test(tc, few_eligible_people);
    tcase_add_test(tc, no_depth_in_the_ties);
    tcase_add_test(tc, one_direction_export);
    tcase_add_test(tc, unstable_top_under_confidence);
    tcase_add_test(tc, options_that_change_nothing);
    tcase_add_test(tc, windows_that_keep_nothing);
    tcase_add_test(tc, no_one_eligible_says_why);
    tcase_add_test(tc, members_not_read);
    tcase_add_test(tc, names_of_the_kinds);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return champ_test_run(warnings_suite());
}
