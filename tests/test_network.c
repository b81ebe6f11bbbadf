/* Building networks through the API: SPEC 2's rules for people and
 * interactions, bad arguments, and all-or-nothing updates. */
#include "netbuild.h"
#include "testutil.h"

#include "network.h"

START_TEST(people_and_unlisted)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    ck_assert_uint_eq(champ_network_person_count(net), 0);
    ck_assert_int_eq(champ_network_add_interaction(net, "u", "v", NAN, NULL, 1), CHAMP_OK);
    ck_assert_uint_eq(champ_network_person_count(net), 2);
    ck_assert(champ__network_listed(net, 0)); /* no people list yet: everyone listed */
    ck_assert_int_eq(champ_network_add_person(net, "v", "T", NULL), CHAMP_OK);
    ck_assert(!champ__network_listed(net, 0)); /* now u is unlisted */
    ck_assert(champ__network_listed(net, 1));
    ck_assert_uint_eq(champ_network_person_count(net), 2);
    ck_assert_uint_eq(champ_network_interaction_count(net), 1);
    champ_network_free(net);
}
END_TEST

START_TEST(duplicate_person_is_an_error_and_changes_nothing)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_person(net, "p", "T", "staff"), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_person(net, "p", "U", "partner"), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "duplicate person id \"p\"");
    ck_assert_uint_eq(net->teams.count, 1);
    ck_assert_str_eq(champ_strtab_get(&net->teams, net->team[0]), "T");
    /* an id quoted in a message stays on one line and is cut when long */
    static const char forged[] = "x\nforged line: a very long id that goes on and on and on";
    ck_assert_int_eq(champ_network_add_person(net, forged, NULL, NULL), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_person(net, forged, NULL, NULL), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(),
                     "duplicate person id \"x?forged line: a very long id that goes ...\"");
    champ_network_free(net);
}
END_TEST

START_TEST(bad_arguments_are_refused)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(NULL), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_person(NULL, "p", NULL, NULL), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_network_add_person(net, NULL, NULL, NULL), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_network_add_person(net, "", NULL, NULL), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "id: expected a non-empty string");
    ck_assert_int_eq(champ_network_add_person(net, "p", "\xff", NULL), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "team: invalid UTF-8");
    ck_assert_int_eq(champ_network_add_interaction(net, "a", "", NAN, NULL, 1), CHAMP_ERR_SCHEMA);
    ck_assert_int_eq(champ_network_add_interaction(net, "a", "b", NAN, NULL, 0), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "weight: expected a finite number > 0");
    ck_assert_int_eq(champ_network_add_interaction(net, "a", "b", NAN, NULL, -1), CHAMP_ERR_SCHEMA);
    ck_assert_int_eq(champ_network_add_interaction(net, "a", "b", NAN, NULL, NAN), CHAMP_ERR_SCHEMA);
    ck_assert_int_eq(champ_network_add_interaction(net, "a", "b", NAN, NULL, INFINITY),
                     CHAMP_ERR_SCHEMA);
    ck_assert_int_eq(champ_network_add_interaction(net, "a", "b", INFINITY, NULL, 1),
                     CHAMP_ERR_SCHEMA);
    ck_assert_int_eq(champ_network_add_interaction(net, "a", "b", NAN, "\xc0\xaf", 1),
                     CHAMP_ERR_SCHEMA); /* overlong encoding */
    /* none of the failures left anything behind */
    ck_assert_uint_eq(champ_network_person_count(net), 0);
    ck_assert_uint_eq(champ_network_interaction_count(net), 0);
    champ_network_free(net);
    champ_network_free(NULL);
}
END_TEST

START_TEST(texts_longer_than_the_limit_are_refused)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    char *text = malloc(4098);
    ck_assert_ptr_nonnull(text);
    memset(text, 'x', 4096);
    text[4096] = '\0';
    ck_assert_int_eq(champ_network_add_person(net, text, text, text), CHAMP_OK); /* 4096: fine */
    text[4096] = 'x';
    text[4097] = '\0';
    ck_assert_int_eq(champ_network_add_person(net, text, NULL, NULL), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "id: longer than 4096 bytes");
    ck_assert_int_eq(champ_network_add_interaction(net, "a", "b", NAN, text, 1), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "type: longer than 4096 bytes");
    const char *ids[] = {"a", "b"}, *teams[] = {"t", text};
    ck_assert_int_eq(champ_network_add_people(net, 2, ids, teams, NULL), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "people[1].team: longer than 4096 bytes");
    ck_assert_uint_eq(champ_network_person_count(net), 1);
    ck_assert_uint_eq(champ_network_interaction_count(net), 0);
    free(text);
    champ_network_free(net);
}
END_TEST

START_TEST(self_interactions_are_counted_not_kept)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_interaction(net, "a", "a", 5, NULL, 1), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_interaction(net, "a", "a", NAN, "x", 2), CHAMP_OK);
    ck_assert_uint_eq(net->dropped_self, 2);
    ck_assert_uint_eq(champ_network_interaction_count(net), 0);
    ck_assert_uint_eq(champ_network_person_count(net), 0); /* a dropped interaction adds nobody */
    champ_network_free(net);
}
END_TEST

START_TEST(many_people_intern_correctly)
{
    /* Enough ids to rehash the table several times. */
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    char a[16], b[16];
    for (int i = 0; i < 5000; i++) {
        snprintf(a, sizeof a, "id-%d", i);
        snprintf(b, sizeof b, "id-%d", (i * 7919 + 1) % 5000); /* never i itself */
        ck_assert_int_eq(champ_network_add_interaction(net, a, b, NAN, NULL, 1), CHAMP_OK);
    }
    ck_assert_uint_eq(champ_network_person_count(net), 5000);
    for (int i = 0; i < 5000; i += 499) {
        snprintf(a, sizeof a, "id-%d", i);
        uint32_t k = champ_strtab_find(&net->ids, a, strlen(a));
        ck_assert_uint_ne(k, CHAMP_STRTAB_NONE);
        ck_assert_str_eq(champ_strtab_get(&net->ids, k), a);
    }
    champ_network_free(net);
}
END_TEST

START_TEST(strtab_truncate_undoes_interning)
{
    champ_strtab t;
    champ_strtab_init(&t);
    uint32_t k;
    int added;
    ck_assert_int_eq(champ_strtab_intern(&t, "x", 1, &k, &added), 0);
    ck_assert_int_eq(champ_strtab_intern(&t, "y", 1, &k, &added), 0);
    ck_assert(added);
    champ_strtab_truncate(&t, 1);
    ck_assert_uint_eq(champ_strtab_find(&t, "y", 1), CHAMP_STRTAB_NONE);
    ck_assert_uint_eq(champ_strtab_find(&t, "x", 1), 0);
    ck_assert_int_eq(champ_strtab_intern(&t, "z", 1, &k, &added), 0);
    ck_assert_uint_eq(k, 1);
    ck_assert_str_eq(champ_strtab_get(&t, 1), "z");
    champ_strtab_clear(&t);
}
END_TEST

/* The worked example of netbuild.h, given as two batches. */
static champ_network *worked_example_in_batches(void)
{
    static const char *const ids[] = {"a", "b", "c", "d"};
    static const char *const teams[] = {"T1", "T1", "T2", NULL};
    static const char *const groups[] = {NULL, "staff", "", NULL};
    static const char *const from[] = {"a", "b", "a", "c", "x", "a"};
    static const char *const to[] = {"b", "a", "c", "d", "a", "a"};
    static const char *const type[] = {NULL, NULL, "reply", NULL, NULL, NULL};
    static const double weight[] = {1, 2, 1, 1, 1, 1};
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_people(net, 4, ids, teams, groups), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_interactions(net, 6, from, to, NULL, type, weight),
                     CHAMP_OK);
    return net;
}

START_TEST(batches_build_what_single_calls_build)
{
    champ_network *one = worked_example(), *batched = worked_example_in_batches();
    ck_assert_uint_eq(champ_network_person_count(batched), 5);
    ck_assert_uint_eq(champ_network_interaction_count(batched), 5);
    champ_ranking *r1 = rank_or_fail(one, NULL), *r2 = rank_or_fail(batched, NULL);
    char *j1 = render(r1, CHAMP_FORMAT_JSON, 0), *j2 = render(r2, CHAMP_FORMAT_JSON, 0);
    ck_assert_str_eq(j1, j2);
    free(j1);
    free(j2);
    champ_ranking_free(r1);
    champ_ranking_free(r2);
    champ_network_free(one);
    champ_network_free(batched);
}
END_TEST

START_TEST(absent_columns_take_the_defaults)
{
    static const char *const from[] = {"a", "b"}, *const to[] = {"b", "a"};
    static const double time[] = {NAN, 100};
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_interactions(net, 2, from, to, time, NULL, NULL), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_interactions(net, 0, NULL, NULL, NULL, NULL, NULL), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_people(net, 0, NULL, NULL, NULL), CHAMP_OK);
    ck_assert_uint_eq(net->interactions, 2);
    ck_assert(isnan(net->time[0]));
    ck_assert_double_eq(net->time[1], 100);
    ck_assert_double_eq(net->weight[0], 1);
    ck_assert_str_eq(champ_strtab_get(&net->types, net->type[1]), "message");
    ck_assert(!net->has_people); /* an empty batch of people is no people list */
    champ_network_free(net);
}
END_TEST

START_TEST(a_bad_row_rejects_the_whole_batch)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_interaction(net, "old", "known", NAN, NULL, 1), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_person(net, "known", "K", NULL), CHAMP_OK);

    /* "old" exists unlisted; row 0 lists it, row 2 repeats a listed id. */
    static const char *const ids[] = {"old", "new", "known"};
    static const char *const teams[] = {"T", "U", NULL};
    ck_assert_int_eq(champ_network_add_people(net, 3, ids, teams, NULL), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "people[2].id: duplicate person id \"known\"");
    ck_assert_uint_eq(net->ids.count, 2);
    ck_assert_uint_eq(net->teams.count, 1);
    ck_assert(!champ__network_listed(net, 0)); /* "old" is unlisted again */
    ck_assert_uint_eq(net->team[0], CHAMP_NONE);

    static const char *const bad_team[] = {"T", "\xff"};
    ck_assert_int_eq(champ_network_add_people(net, 2, ids, bad_team, NULL), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "people[1].team: invalid UTF-8");
    static const char *const dup[] = {"n1", "n1"};
    ck_assert_int_eq(champ_network_add_people(net, 2, dup, NULL, NULL), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "people[1].id: duplicate person id \"n1\"");
    ck_assert_uint_eq(net->ids.count, 2);

    static const char *const from[] = {"p", "q", "p"}, *const to[] = {"q", "p", "p"};
    static const char *const type[] = {"new-type", NULL, NULL};
    static const double weight[] = {1, 0, 1};
    ck_assert_int_eq(champ_network_add_interactions(net, 3, from, to, NULL, type, weight),
                     CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "interactions[1].weight: expected a finite number > 0");
    static const double time[] = {0, INFINITY, 0};
    ck_assert_int_eq(champ_network_add_interactions(net, 3, from, to, time, type, NULL),
                     CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "interactions[1].time: expected finite Unix seconds or NAN");
    static const char *const no_to[] = {"q", NULL, "p"};
    ck_assert_int_eq(champ_network_add_interactions(net, 3, from, no_to, NULL, NULL, NULL),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_str_eq(champ_last_error(), "interactions[1].to is NULL");
    ck_assert_int_eq(champ_network_add_interactions(net, 3, from, NULL, NULL, NULL, NULL),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_network_add_people(NULL, 0, NULL, NULL, NULL), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_network_add_people(net, 1, NULL, NULL, NULL), CHAMP_ERR_ARGUMENT);
    ck_assert_uint_eq(net->ids.count, 2);
    ck_assert_uint_eq(net->types.count, 1);
    ck_assert_uint_eq(net->interactions, 1);
    ck_assert_uint_eq(net->dropped_self, 0);

    /* the same rows, fixed, go in */
    static const double good[] = {1, 2, 1};
    ck_assert_int_eq(champ_network_add_interactions(net, 3, from, to, NULL, type, good), CHAMP_OK);
    ck_assert_uint_eq(net->interactions, 3);
    ck_assert_uint_eq(net->dropped_self, 1);
    champ_network_free(net);
}
END_TEST

static Suite *network_suite(void)
{
    Suite *s = suite_create("network");
    TCase *tc = tcase_create("network");
    tcase_add_test(tc, people_and_unlisted);
    tcase_add_test(tc, duplicate_person_is_an_error_and_changes_nothing);
    tcase_add_test(tc, bad_arguments_are_refused);
    tcase_add_test(tc, texts_longer_than_the_limit_are_refused);
    tcase_add_test(tc, self_interactions_are_counted_not_kept);
    tcase_add_test(tc, many_people_intern_correctly);
    tcase_add_test(tc, strtab_truncate_undoes_interning);
    tcase_add_test(tc, batches_build_what_single_calls_build);
    tcase_add_test(tc, absent_columns_take_the_defaults);
    tcase_add_test(tc, a_bad_row_rejects_the_whole_batch);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return champ_test_run(network_suite());
}
