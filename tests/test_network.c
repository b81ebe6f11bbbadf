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

static Suite *network_suite(void)
{
    Suite *s = suite_create("network");
    TCase *tc = tcase_create("network");
    tcase_add_test(tc, people_and_unlisted);
    tcase_add_test(tc, duplicate_person_is_an_error_and_changes_nothing);
    tcase_add_test(tc, bad_arguments_are_refused);
    tcase_add_test(tc, self_interactions_are_counted_not_kept);
    tcase_add_test(tc, many_people_intern_correctly);
    tcase_add_test(tc, strtab_truncate_undoes_interning);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return champ_test_run(network_suite());
}
