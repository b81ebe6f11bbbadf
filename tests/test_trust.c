/* Trust (SPEC 10, issue 13): the options of the guards and the team
 * table, min_tie_weight, each flag at and just across its threshold
 * (lib/flags.c), confidence (repeatable, the same whatever the threads,
 * and each resample ranking exactly as the network with every kept
 * interaction repeated as often as it was drawn), explanations against
 * the ranking's own figures, the team table with its pooling and its
 * writers, and pseudonyms (RFC 4231's known answer, written back and
 * read again).
 *
 * The resample test reads the real email-Eu-core network from the shared
 * data ($CHAMP_SHARED_DATA, set by tests/meson.build): when it is not
 * there the test fails, it does not skip. */
#define _GNU_SOURCE 1
#include "netbuild.h"
#include "testutil.h"

#include "options.h" /* CHAMP_CONFIDENCE_MAX */
#include "ranking.h" /* champ__confidence_draw */

#include <cjson/cJSON.h>
#include <ctype.h>
#include <dlfcn.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HAS(flags, flag) ((((flags) >> (flag)) & 1u) != 0)

static champ_options *new_options(void)
{
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    return o;
}

static unsigned flags_of(const champ_ranking *r, const char *id)
{
    return champ_ranking_flags(r, position_of(r, id));
}

static void add(champ_network *net, const char *from, const char *to, double weight)
{
    ck_assert_int_eq(champ_network_add_interaction(net, from, to, NAN, NULL, weight), CHAMP_OK);
}

static void add_timed(champ_network *net, const char *from, const char *to, double time)
{
    ck_assert_int_eq(champ_network_add_interaction(net, from, to, time, NULL, 1), CHAMP_OK);
}

static void person(champ_network *net, const char *id, const char *team, const char *group)
{
    ck_assert_int_eq(champ_network_add_person(net, id, team, group), CHAMP_OK);
}

static champ_network *empty_network(void)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    return net;
}

/* n listed people "<prefix>NN" in a ring, tied both ways to the next. */
static void ring(champ_network *net, const char *prefix, int n, const char *team)
{
    char id[32], next[32];
    for (int i = 0; i < n; i++) {
        snprintf(id, sizeof id, "%s%02d", prefix, i);
        person(net, id, team, NULL);
    }
    for (int i = 0; i < n; i++) {
        snprintf(id, sizeof id, "%s%02d", prefix, i);
        snprintf(next, sizeof next, "%s%02d", prefix, (i + 1) % n);
        add(net, id, next, 1);
        add(net, next, id, 1);
    }
}

/* A seeded network of `people` listed people "p000".. in `teams` teams,
 * `count` interactions of whole weights 1..3 (never to oneself). */
static champ_network *seeded_network(uint64_t seed, int people, int teams, int count)
{
    champ_network *net = empty_network();
    char id[16], other[16], team[16];
    for (int p = 0; p < people; p++) {
        snprintf(id, sizeof id, "p%03d", p);
        snprintf(team, sizeof team, "T%d", p % teams);
        person(net, id, team, NULL);
    }
    uint64_t s = seed;
    for (int i = 0; i < count; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        int a = (int)((s >> 33) % (uint64_t)people);
        int b = (int)((s >> 13) % (uint64_t)(people - 1));
        b += b >= a; /* never a itself */
        snprintf(id, sizeof id, "p%03d", a);
        snprintf(other, sizeof other, "p%03d", b);
        add(net, id, other, 1 + (double)((s >> 50) % 3));
    }
    return net;
}

/* ======================================================================
 * Options
 * ====================================================================== */

START_TEST(option_defaults_read_back)
{
    champ_options *o = new_options();
    ck_assert_double_eq(champ_options_get_min_tie_weight(o), 0);
    ck_assert_uint_eq(champ_options_get_confidence(o), 0);
    ck_assert_uint_eq(champ_options_get_min_group_size(o), 5);
    ck_assert_int_eq(champ_options_get_allow_small_groups(o), 0);
    ck_assert_uint_eq(champ_options_get_top(o), 10);
    ck_assert(isnan(champ_options_get_min_tie_weight(NULL)));
    ck_assert_uint_eq(champ_options_get_confidence(NULL), 0);
    ck_assert_uint_eq(champ_options_get_min_group_size(NULL), 0);
    ck_assert_int_eq(champ_options_get_allow_small_groups(NULL), 0);
    /* a ranking keeps what it was made with */
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, o);
    ck_assert_uint_eq(champ_ranking_min_group_size(r), 5);
    ck_assert_uint_eq(champ_ranking_top(r), 10);
    ck_assert_uint_eq(champ_ranking_resamples(r), 0);
    champ_ranking_free(r);
    ck_assert_int_eq(champ_options_set_top(o, 3), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_min_group_size(o, 8), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_confidence(o, 2), CHAMP_OK);
    r = rank_or_fail(net, o);
    ck_assert_uint_eq(champ_ranking_min_group_size(r), 8);
    ck_assert_uint_eq(champ_ranking_top(r), 3);
    ck_assert_uint_eq(champ_ranking_resamples(r), 2);
    champ_ranking_free(r);
    champ_network_free(net);
    ck_assert_uint_eq(champ_ranking_min_group_size(NULL), 0);
    ck_assert_uint_eq(champ_ranking_top(NULL), 0);
    ck_assert_uint_eq(champ_ranking_resamples(NULL), 0);
    champ_options_free(o);
}
END_TEST

START_TEST(min_tie_weight_refuses_bad_values)
{
    champ_options *o = new_options();
    ck_assert_int_eq(champ_options_set_min_tie_weight(o, 2.5), CHAMP_OK);
    ck_assert_double_eq(champ_options_get_min_tie_weight(o), 2.5);
    const double bad[] = {-1, -0.001, NAN, INFINITY, -INFINITY};
    for (size_t k = 0; k < ARRAY_LEN(bad); k++) {
        ck_assert_int_eq(champ_options_set_min_tie_weight(o, bad[k]), CHAMP_ERR_ARGUMENT);
        ck_assert_msg(strstr(champ_last_error(), "min_tie_weight"), "%s", champ_last_error());
        ck_assert_double_eq(champ_options_get_min_tie_weight(o), 2.5); /* unchanged */
    }
    ck_assert_int_eq(champ_options_set_min_tie_weight(o, 0), CHAMP_OK);
    ck_assert_double_eq(champ_options_get_min_tie_weight(o), 0);
    ck_assert_int_eq(champ_options_set_min_tie_weight(NULL, 1), CHAMP_ERR_ARGUMENT);
    champ_options_free(o);
}
END_TEST

START_TEST(confidence_refuses_more_than_the_maximum)
{
    champ_options *o = new_options();
    ck_assert_int_eq(CHAMP_CONFIDENCE_MAX, 10000); /* as the header says */
    ck_assert_int_eq(champ_options_set_confidence(o, CHAMP_CONFIDENCE_MAX), CHAMP_OK);
    ck_assert_uint_eq(champ_options_get_confidence(o), CHAMP_CONFIDENCE_MAX);
    ck_assert_int_eq(champ_options_set_confidence(o, CHAMP_CONFIDENCE_MAX + 1),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_msg(strstr(champ_last_error(), "at most 10000"), "%s", champ_last_error());
    ck_assert_int_eq(champ_options_set_confidence(o, SIZE_MAX), CHAMP_ERR_ARGUMENT);
    ck_assert_uint_eq(champ_options_get_confidence(o), CHAMP_CONFIDENCE_MAX); /* unchanged */
    ck_assert_int_eq(champ_options_set_confidence(o, 0), CHAMP_OK);
    ck_assert_uint_eq(champ_options_get_confidence(o), 0);
    ck_assert_int_eq(champ_options_set_confidence(NULL, 1), CHAMP_ERR_ARGUMENT);
    champ_options_free(o);
}
END_TEST

START_TEST(min_group_size_below_default_takes_allowing)
{
    champ_options *o = new_options();
    for (size_t n = 0; n < 5; n++) {
        ck_assert_int_eq(champ_options_set_min_group_size(o, n), CHAMP_ERR_ARGUMENT);
        ck_assert_msg(strstr(champ_last_error(), "below the default 5"), "%s",
                      champ_last_error());
        ck_assert_uint_eq(champ_options_get_min_group_size(o), 5);
    }
    ck_assert_int_eq(champ_options_set_min_group_size(o, 5), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_min_group_size(o, 12), CHAMP_OK);
    ck_assert_uint_eq(champ_options_get_min_group_size(o), 12);
    /* allowed: any value, 0 and 1 included */
    ck_assert_int_eq(champ_options_allow_small_groups(o, 1), CHAMP_OK);
    ck_assert_int_eq(champ_options_get_allow_small_groups(o), 1);
    ck_assert_uint_eq(champ_options_get_min_group_size(o), 12); /* allowing changes nothing */
    ck_assert_int_eq(champ_options_set_min_group_size(o, 2), CHAMP_OK);
    ck_assert_uint_eq(champ_options_get_min_group_size(o), 2);
    ck_assert_int_eq(champ_options_set_min_group_size(o, 0), CHAMP_OK);
    ck_assert_uint_eq(champ_options_get_min_group_size(o), 0);
    /* disallowed again: a smaller value goes back to the default ... */
    ck_assert_int_eq(champ_options_allow_small_groups(o, 0), CHAMP_OK);
    ck_assert_int_eq(champ_options_get_allow_small_groups(o), 0);
    ck_assert_uint_eq(champ_options_get_min_group_size(o), 5);
    ck_assert_int_eq(champ_options_set_min_group_size(o, 3), CHAMP_ERR_ARGUMENT);
    /* ... a larger one stays; any nonzero allows */
    ck_assert_int_eq(champ_options_set_min_group_size(o, 7), CHAMP_OK);
    ck_assert_int_eq(champ_options_allow_small_groups(o, 0), CHAMP_OK);
    ck_assert_uint_eq(champ_options_get_min_group_size(o), 7);
    ck_assert_int_eq(champ_options_allow_small_groups(o, 42), CHAMP_OK);
    ck_assert_int_eq(champ_options_get_allow_small_groups(o), 1);
    ck_assert_int_eq(champ_options_allow_small_groups(NULL, 1), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_options_set_min_group_size(NULL, 5), CHAMP_ERR_ARGUMENT);
    champ_options_free(o);
}
END_TEST

/* ======================================================================
 * min_tie_weight
 * ====================================================================== */

/* a, b in T1; c in T2; d in T3.
 *   a->b 2, b->a 1      tie a-b: 3, mutual, same team
 *   a->c 1 ("reply")    tie a-c: 1 (times the type weight)
 *   a->d 0.5, d->a 0.5  tie a-d: 1, mutual
 *   c->d 4              tie c-d: 4 */
static champ_network *thin_ties(void)
{
    champ_network *net = empty_network();
    person(net, "a", "T1", NULL);
    person(net, "b", "T1", NULL);
    person(net, "c", "T2", NULL);
    person(net, "d", "T3", NULL);
    add(net, "a", "b", 2);
    add(net, "b", "a", 1);
    ck_assert_int_eq(champ_network_add_interaction(net, "a", "c", NAN, "reply", 1), CHAMP_OK);
    add(net, "a", "d", 0.5);
    add(net, "d", "a", 0.5);
    add(net, "c", "d", 4);
    return net;
}

START_TEST(thin_ties_do_not_count_for_the_tie_figures)
{
    champ_network *net = thin_ties();
    champ_options *o = new_options();
    champ_ranking *all = rank_or_fail(net, o);
    ck_assert_double_eq(diag_of(all, "a", CHAMP_TIES), 3);
    ck_assert_double_eq(diag_of(all, "a", CHAMP_MUTUAL), 2);
    ck_assert_double_eq(value_of(all, "a", CHAMP_REACH), 2);     /* T2, T3 */
    ck_assert_double_gt(value_of(all, "a", CHAMP_BRIDGING), 0);  /* between b and c, d */
    ck_assert_double_eq(champ_ranking_summary(all, CHAMP_SUMMARY_TIES), 4);
    ck_assert_double_eq(champ_ranking_summary(all, CHAMP_SUMMARY_MUTUAL_TIES), 2);

    /* at 1: every tie is at least 1, all count (>=) */
    ck_assert_int_eq(champ_options_set_min_tie_weight(o, 1), CHAMP_OK);
    champ_ranking *at = rank_or_fail(net, o);
    for (size_t i = 0; i < champ_ranking_count(all); i++) {
        const char *id = champ_ranking_id(all, i);
        for (int d = 0; d < CHAMP_DIAGNOSTIC_COUNT; d++)
            ck_assert_double_eq(diag_of(at, id, (champ_diagnostic)d),
                                diag_of(all, id, (champ_diagnostic)d));
        for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
            ck_assert_double_eq(value_of(at, id, (champ_criterion)c),
                                value_of(all, id, (champ_criterion)c));
    }
    champ_ranking_free(at);

    /* just above 1: a-c and a-d no longer count */
    ck_assert_int_eq(champ_options_set_min_tie_weight(o, 1.0 + 1.0 / 1024), CHAMP_OK);
    champ_ranking *thin = rank_or_fail(net, o);
    ck_assert_double_eq(diag_of(thin, "a", CHAMP_TIES), 1);
    ck_assert_double_eq(diag_of(thin, "a", CHAMP_MUTUAL), 1);
    ck_assert_double_eq(value_of(thin, "a", CHAMP_REACH), 0);    /* b is in T1 too */
    ck_assert_double_eq(value_of(thin, "a", CHAMP_BRIDGING), 0); /* a hangs off b only */
    ck_assert_double_eq(diag_of(thin, "d", CHAMP_TIES), 1);      /* c */
    ck_assert_double_eq(diag_of(thin, "d", CHAMP_MUTUAL), 0);
    ck_assert_double_eq(champ_ranking_summary(thin, CHAMP_SUMMARY_TIES), 2);
    ck_assert_double_eq(champ_ranking_summary(thin, CHAMP_SUMMARY_MUTUAL_TIES), 1);
    /* activity, received and influence count every interaction */
    const char *ids[] = {"a", "b", "c", "d"};
    for (size_t k = 0; k < ARRAY_LEN(ids); k++) {
        ck_assert_double_eq(value_of(thin, ids[k], CHAMP_ACTIVITY),
                            value_of(all, ids[k], CHAMP_ACTIVITY));
        ck_assert_double_eq(diag_of(thin, ids[k], CHAMP_RECEIVED),
                            diag_of(all, ids[k], CHAMP_RECEIVED));
        ck_assert_double_eq(value_of(thin, ids[k], CHAMP_INFLUENCE),
                            value_of(all, ids[k], CHAMP_INFLUENCE));
    }
    ck_assert_double_eq(value_of(thin, "a", CHAMP_ACTIVITY), 3.5);
    ck_assert_double_eq(diag_of(thin, "a", CHAMP_RECEIVED), 1.5);
    /* the tie graph itself still holds every directed pair */
    ck_assert_uint_eq(champ_ranking_tie_count(thin), champ_ranking_tie_count(all));
    champ_ranking_free(thin);

    /* a type weight reaches the tie through the guard: reply x 3 makes a-c 3 */
    ck_assert_int_eq(champ_options_set_min_tie_weight(o, 3), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_type_weight(o, "reply", 3), CHAMP_OK);
    champ_ranking *typed = rank_or_fail(net, o);
    ck_assert_double_eq(diag_of(typed, "a", CHAMP_TIES), 2);   /* b (3), c (3); not d (1) */
    ck_assert_double_eq(value_of(typed, "a", CHAMP_REACH), 1); /* T2 */
    ck_assert_double_eq(value_of(typed, "a", CHAMP_ACTIVITY), 2 + 3 + 0.5);
    champ_ranking_free(typed);
    ck_assert_int_eq(champ_options_set_type_weight(o, "reply", 2.75), CHAMP_OK);
    typed = rank_or_fail(net, o);
    ck_assert_double_eq(diag_of(typed, "a", CHAMP_TIES), 1); /* a-c: 2.75 < 3 */
    ck_assert_double_eq(value_of(typed, "a", CHAMP_REACH), 0);
    champ_ranking_free(typed);
    champ_ranking_free(all);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

/* A tie of reactions alone at a type weight of 0.25 counts from the
 * twelfth reaction with min_tie_weight 3 (12 x 0.25 = 3). */
START_TEST(reactions_make_a_tie_from_enough_of_them)
{
    champ_options *o = new_options();
    ck_assert_int_eq(champ_options_set_min_tie_weight(o, 3), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_type_weight(o, "reaction", 0.25), CHAMP_OK);
    for (int n = 11; n <= 12; n++) {
        champ_network *net = empty_network();
        person(net, "fan", "T1", NULL);
        person(net, "star", "T2", NULL);
        for (int k = 0; k < n; k++)
            ck_assert_int_eq(champ_network_add_interaction(net, "fan", "star", NAN, "reaction", 1),
                             CHAMP_OK);
        champ_ranking *r = rank_or_fail(net, o);
        ck_assert_double_eq(diag_of(r, "fan", CHAMP_TIES), n == 12);
        ck_assert_double_eq(value_of(r, "fan", CHAMP_REACH), n == 12);
        ck_assert_double_eq(value_of(r, "fan", CHAMP_ACTIVITY), 0.25 * n);
        ck_assert_double_eq(diag_of(r, "star", CHAMP_RECEIVED), 0.25 * n);
        champ_ranking_free(r);
        champ_network_free(net);
    }
    champ_options_free(o);
}
END_TEST

/* ======================================================================
 * Flags
 * ====================================================================== */

START_TEST(flag_names_and_descriptions)
{
    static const char *const names[] = {"broadcaster", "one_partner", "shadow", "closed_group",
                                        "new"};
    ck_assert_int_eq(ARRAY_LEN(names), CHAMP_FLAG_COUNT);
    for (int f = 0; f < CHAMP_FLAG_COUNT; f++) {
        ck_assert_str_eq(champ_flag_name((champ_flag)f), names[f]);
        ck_assert_ptr_nonnull(champ_flag_description((champ_flag)f));
    }
    ck_assert_ptr_null(champ_flag_name((champ_flag)CHAMP_FLAG_COUNT));
    ck_assert_ptr_null(champ_flag_description((champ_flag)-1));
    /* the thresholds the cases below use, in the rules' own words */
    ck_assert_str_eq(champ_flag_description(CHAMP_FLAG_BROADCASTER),
                     "sends at least 10 times what they receive, and at least 10: a newsletter, "
                     "a bot or a shared mailbox rather than a person in conversation");
    ck_assert(strstr(champ_flag_description(CHAMP_FLAG_ONE_PARTNER), "more than 50%"));
    ck_assert(strstr(champ_flag_description(CHAMP_FLAG_SHADOW), "at least 5 ties"));
    ck_assert(strstr(champ_flag_description(CHAMP_FLAG_SHADOW), "at least 90%"));
    ck_assert(strstr(champ_flag_description(CHAMP_FLAG_CLOSED_GROUP), "at most 10%"));
    ck_assert(strstr(champ_flag_description(CHAMP_FLAG_NEW), "last 10%"));
    ck_assert_uint_eq(champ_ranking_flags(NULL, 0), 0);
    ck_assert_int_eq(champ_ranking_flag_sets(NULL, NULL), CHAMP_ERR_ARGUMENT);
    ck_assert_ptr_null(champ_ranking_shadow_of(NULL, 0, NULL));
}
END_TEST

/* A ring of people in two teams, each answering both neighbours: nobody
 * is flagged, and the bulk read agrees. */
START_TEST(a_sound_network_is_not_flagged)
{
    champ_network *net = empty_network();
    ring(net, "r", 24, "T1");
    champ_ranking *r = rank_or_fail(net, NULL);
    unsigned sets[24];
    ck_assert_int_eq(champ_ranking_flag_sets(r, sets), CHAMP_OK);
    for (size_t i = 0; i < champ_ranking_count(r); i++) {
        ck_assert_uint_eq(champ_ranking_flags(r, i), 0);
        ck_assert_uint_eq(sets[i], 0);
        ck_assert_ptr_null(champ_ranking_shadow_of(r, i, NULL));
    }
    ck_assert_uint_eq(champ_ranking_flags(r, champ_ranking_count(r)), 0); /* out of range */
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

/* Broadcaster: sent >= 10 and sent >= 10 x received. */
static unsigned broadcaster_case(double extra_sent, double received, double received_more)
{
    champ_network *net = empty_network();
    char id[16];
    person(net, "bc", "T1", NULL);
    for (int i = 0; i < 10; i++) {
        snprintf(id, sizeof id, "r%d", i);
        person(net, id, "T2", NULL);
        add(net, "bc", id, i < 9 ? 1 : extra_sent); /* 9 + extra_sent sent */
    }
    if (received > 0)
        add(net, "r0", "bc", received);
    if (received_more > 0)
        add(net, "r1", "bc", received_more);
    champ_ranking *r = rank_or_fail(net, NULL);
    ck_assert_double_eq(value_of(r, "bc", CHAMP_ACTIVITY), 9 + extra_sent);
    unsigned f = flags_of(r, "bc");
    ck_assert(!HAS(flags_of(r, "r5"), CHAMP_FLAG_BROADCASTER));
    champ_ranking_free(r);
    champ_network_free(net);
    return f;
}

START_TEST(broadcaster_at_and_across_its_thresholds)
{
    ck_assert(HAS(broadcaster_case(1, 1, 0), CHAMP_FLAG_BROADCASTER));         /* 10 vs 10 x 1 */
    ck_assert(!HAS(broadcaster_case(1, 1, 1.0 / 16), CHAMP_FLAG_BROADCASTER)); /* 10 < 10.625 */
    ck_assert(HAS(broadcaster_case(1, 0, 0), CHAMP_FLAG_BROADCASTER));         /* 10, nothing back */
    ck_assert(!HAS(broadcaster_case(0.5, 0, 0), CHAMP_FLAG_BROADCASTER));      /* 9.5 < 10 */
    ck_assert(HAS(broadcaster_case(11, 2, 0), CHAMP_FLAG_BROADCASTER));        /* 20 vs 20 */
    ck_assert(!HAS(broadcaster_case(11, 2, 1.0 / 16), CHAMP_FLAG_BROADCASTER)); /* 20 < 20.625 */
}
END_TEST

/* One partner: more than 50% of the tie volume with one person (volume:
 * both directions, ties that count). o: x (2 + extra), y 1, z 1. */
static unsigned one_partner_case(double extra, double min_tie_weight)
{
    champ_network *net = empty_network();
    person(net, "o", "T1", NULL);
    person(net, "x", "T1", NULL);
    person(net, "y", "T2", NULL);
    person(net, "z", "T3", NULL);
    add(net, "o", "x", 1);
    add(net, "x", "o", 1 + extra);
    add(net, "o", "y", 1);
    add(net, "z", "o", 1);
    champ_options *o = new_options();
    ck_assert_int_eq(champ_options_set_min_tie_weight(o, min_tie_weight), CHAMP_OK);
    champ_ranking *r = rank_or_fail(net, o);
    unsigned f = flags_of(r, "o");
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
    return f;
}

START_TEST(one_partner_at_and_across_its_threshold)
{
    ck_assert(!HAS(one_partner_case(0, 0), CHAMP_FLAG_ONE_PARTNER));         /* 2 of 4: 50% */
    ck_assert(HAS(one_partner_case(1.0 / 1024, 0), CHAMP_FLAG_ONE_PARTNER)); /* just over */
    /* with y and z too thin to count, all of o's counted volume is x's */
    ck_assert(!HAS(one_partner_case(0, 1), CHAMP_FLAG_ONE_PARTNER));
    ck_assert(HAS(one_partner_case(0, 1.5), CHAMP_FLAG_ONE_PARTNER));
}
END_TEST

/* Shadow: ranked by activity alone, so that "a" (who also writes to "s")
 * ranks above "s". a and s write to p1..pk; s also to q (weight wq).
 * The similarity of s to a, each other left out: k / (k + wq). */
static champ_ranking *shadow_case(int k, double wq)
{
    champ_network *net = empty_network();
    char id[16];
    person(net, "a", "T1", NULL);
    person(net, "s", "T1", NULL);
    person(net, "q", "T3", NULL);
    for (int i = 1; i <= k; i++) {
        snprintf(id, sizeof id, "p%d", i);
        person(net, id, "T2", NULL);
        add(net, "a", id, 1);
        add(net, "s", id, 1);
    }
    add(net, "a", "s", 5);
    if (wq > 0)
        add(net, "s", "q", wq);
    champ_options *o = new_options();
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        ck_assert_int_eq(champ_options_set_weight(o, (champ_criterion)c, c == CHAMP_ACTIVITY),
                         CHAMP_OK);
    champ_ranking *r = rank_or_fail(net, o);
    ck_assert_str_eq(champ_ranking_id(r, 0), "a");
    ck_assert_str_eq(champ_ranking_id(r, 1), "s");
    ck_assert_uint_eq(champ_ranking_rank(r, 1), 2);
    ck_assert(!HAS(champ_ranking_flags(r, 0), CHAMP_FLAG_SHADOW)); /* rank 1: no one above */
    champ_options_free(o);
    champ_network_free(net);
    return r;
}

START_TEST(shadow_at_and_across_its_thresholds)
{
    double similarity = -1;
    /* 9 of 10 alike: 0.9, flagged, whom and how closely */
    champ_ranking *r = shadow_case(9, 1);
    ck_assert(HAS(champ_ranking_flags(r, 1), CHAMP_FLAG_SHADOW));
    ck_assert_str_eq(champ_ranking_shadow_of(r, 1, &similarity), "a");
    ck_assert_near(similarity, 0.9);
    ck_assert_str_eq(champ_ranking_shadow_of(r, 1, NULL), "a");
    ck_assert_ptr_null(champ_ranking_shadow_of(r, 0, NULL));
    ck_assert_ptr_null(champ_ranking_shadow_of(r, champ_ranking_count(r), NULL));
    champ_ranking_free(r);
    /* a little less alike: not */
    r = shadow_case(9, 1 + 1.0 / 1024);
    ck_assert(!HAS(champ_ranking_flags(r, 1), CHAMP_FLAG_SHADOW));
    similarity = -1;
    ck_assert_ptr_null(champ_ranking_shadow_of(r, 1, &similarity));
    ck_assert_double_eq(similarity, -1); /* untouched */
    champ_ranking_free(r);
    /* an exact copy with 4 ties (p1..p3 and a) is too small to tell ... */
    r = shadow_case(3, 0);
    ck_assert_double_eq(champ_ranking_diagnostic(r, 1, CHAMP_TIES), 4);
    ck_assert(!HAS(champ_ranking_flags(r, 1), CHAMP_FLAG_SHADOW));
    champ_ranking_free(r);
    /* ... with 5 it is a shadow, similarity 1 */
    r = shadow_case(4, 0);
    ck_assert_double_eq(champ_ranking_diagnostic(r, 1, CHAMP_TIES), 5);
    ck_assert(HAS(champ_ranking_flags(r, 1), CHAMP_FLAG_SHADOW));
    ck_assert_str_eq(champ_ranking_shadow_of(r, 1, &similarity), "a");
    ck_assert_double_eq(similarity, 1);
    champ_ranking_free(r);
}
END_TEST

/* Closed group: a connected group of at least two, at most 10% the size
 * of the largest. A pair beside a ring of 20 is; beside a ring of 19 not. */
START_TEST(closed_group_at_and_across_its_threshold)
{
    for (int n = 19; n <= 20; n++) {
        champ_network *net = empty_network();
        ring(net, "r", n, "T1");
        person(net, "x", "T2", NULL);
        person(net, "y", "T2", NULL);
        person(net, "alone", "T3", NULL); /* listed, no interaction: a group of one */
        add(net, "x", "y", 1);
        add(net, "y", "x", 1);
        champ_ranking *r = rank_or_fail(net, NULL);
        ck_assert_int_eq(HAS(flags_of(r, "x"), CHAMP_FLAG_CLOSED_GROUP), n == 20);
        ck_assert_int_eq(HAS(flags_of(r, "y"), CHAMP_FLAG_CLOSED_GROUP), n == 20);
        ck_assert(!HAS(flags_of(r, "alone"), CHAMP_FLAG_CLOSED_GROUP));
        ck_assert(!HAS(flags_of(r, "r00"), CHAMP_FLAG_CLOSED_GROUP));
        champ_ranking_free(r);
        champ_network_free(net);
    }
    /* a thin tie out of the pair does not bridge it out */
    champ_network *net = empty_network();
    ring(net, "r", 20, "T1");
    person(net, "x", "T2", NULL);
    person(net, "y", "T2", NULL);
    add(net, "x", "y", 3);
    add(net, "y", "x", 3);
    add(net, "x", "r00", 1);
    champ_ranking *r = rank_or_fail(net, NULL);
    ck_assert(!HAS(flags_of(r, "x"), CHAMP_FLAG_CLOSED_GROUP)); /* tied to the ring */
    champ_ranking_free(r);
    champ_options *o = new_options();
    ck_assert_int_eq(champ_options_set_min_tie_weight(o, 2), CHAMP_OK);
    r = rank_or_fail(net, o);
    ck_assert(HAS(flags_of(r, "x"), CHAMP_FLAG_CLOSED_GROUP));
    ck_assert(!HAS(flags_of(r, "r00"), CHAMP_FLAG_CLOSED_GROUP)); /* the ring is the largest */
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

/* New: the first kept timed interaction (either direction) in the last
 * 10% of the window, or of the times' span without one. */
START_TEST(new_at_and_across_its_threshold)
{
    champ_network *net = empty_network();
    const char *ids[] = {"a", "b", "c", "late", "almost", "untimed", "after"};
    for (size_t k = 0; k < ARRAY_LEN(ids); k++)
        person(net, ids[k], "T1", NULL);
    add_timed(net, "a", "b", 0);
    add_timed(net, "b", "c", 500);
    add_timed(net, "c", "a", 999);
    add_timed(net, "a", "late", 900);        /* received at 900: 1000 - 100 */
    add_timed(net, "almost", "b", 899);
    add(net, "untimed", "a", 1);             /* no time: does not count ... */
    add_timed(net, "a", "untimed", 950);     /* ... so its first is 950 */
    add_timed(net, "after", "c", 1000);      /* the end of the span */
    champ_ranking *r = rank_or_fail(net, NULL);
    ck_assert(!HAS(flags_of(r, "a"), CHAMP_FLAG_NEW));
    ck_assert(!HAS(flags_of(r, "c"), CHAMP_FLAG_NEW));
    ck_assert(HAS(flags_of(r, "late"), CHAMP_FLAG_NEW));
    ck_assert(!HAS(flags_of(r, "almost"), CHAMP_FLAG_NEW));
    ck_assert(HAS(flags_of(r, "untimed"), CHAMP_FLAG_NEW));
    ck_assert(HAS(flags_of(r, "after"), CHAMP_FLAG_NEW));
    champ_ranking_free(r);
    /* a window [0, 2000): the last tenth starts at 1800, nobody is new */
    champ_options *o = new_options();
    ck_assert_int_eq(champ_options_set_window(o, 0, 2000), CHAMP_OK);
    r = rank_or_fail(net, o);
    for (size_t i = 0; i < champ_ranking_count(r); i++)
        ck_assert(!HAS(champ_ranking_flags(r, i), CHAMP_FLAG_NEW));
    champ_ranking_free(r);
    /* a window [0, 1000): 900 is new; 899 not; 1000 is outside, no kept interaction */
    ck_assert_int_eq(champ_options_set_window(o, 0, 1000), CHAMP_OK);
    r = rank_or_fail(net, o);
    ck_assert(HAS(flags_of(r, "late"), CHAMP_FLAG_NEW));
    ck_assert(!HAS(flags_of(r, "almost"), CHAMP_FLAG_NEW));
    ck_assert(!HAS(flags_of(r, "after"), CHAMP_FLAG_NEW));
    ck_assert(!HAS(flags_of(r, "b"), CHAMP_FLAG_NEW)); /* first kept: 0 */
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

/* ======================================================================
 * Confidence
 * ====================================================================== */

typedef struct intervals {
    size_t n, resamples;
    size_t *low, *high, *tier;
    double *share;
} intervals;

static intervals intervals_of(const champ_ranking *r)
{
    intervals iv = {champ_ranking_count(r), champ_ranking_resamples(r), NULL, NULL, NULL, NULL};
    size_t cells = iv.n ? iv.n : 1;
    iv.low = calloc(cells, sizeof *iv.low);
    iv.high = calloc(cells, sizeof *iv.high);
    iv.tier = calloc(cells, sizeof *iv.tier);
    iv.share = calloc(cells, sizeof *iv.share);
    ck_assert(iv.low && iv.high && iv.tier && iv.share);
    ck_assert_int_eq(champ_ranking_intervals(r, iv.low, iv.high, iv.share, iv.tier), CHAMP_OK);
    return iv;
}

static void intervals_free(intervals *iv)
{
    free(iv->low);
    free(iv->high);
    free(iv->tier);
    free(iv->share);
}

static int intervals_equal(const intervals *a, const intervals *b)
{
    return a->n == b->n && a->resamples == b->resamples &&
           !memcmp(a->low, b->low, a->n * sizeof *a->low) &&
           !memcmp(a->high, b->high, a->n * sizeof *a->high) &&
           !memcmp(a->tier, b->tier, a->n * sizeof *a->tier) &&
           !memcmp(a->share, b->share, a->n * sizeof *a->share);
}

static champ_ranking *rank_with_confidence(const champ_network *net, size_t resamples,
                                           uint64_t seed)
{
    champ_options *o = new_options();
    ck_assert_int_eq(champ_options_set_confidence(o, resamples), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_seed(o, seed), CHAMP_OK);
    champ_ranking *r = rank_or_fail(net, o);
    champ_options_free(o);
    return r;
}

/* What the header promises of every interval, share and tier. */
static void assert_sound_intervals(const champ_ranking *r)
{
    size_t eligible = (size_t)champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE);
    size_t top = champ_ranking_top(r), resamples = champ_ranking_resamples(r);
    intervals iv = intervals_of(r);
    size_t opener_high = 0, tier = 0;
    for (size_t i = 0; i < iv.n; i++) {
        size_t low = 99, high = 99;
        double share = -1;
        int has = champ_ranking_interval(r, i, &low, &high, &share);
        if (i >= eligible) {
            ck_assert(!has);
            ck_assert_uint_eq(low, 99); /* nothing stored */
            ck_assert_uint_eq(iv.low[i], 0);
            ck_assert_uint_eq(iv.high[i], 0);
            ck_assert(isnan(iv.share[i]));
            ck_assert_uint_eq(iv.tier[i], 0);
            ck_assert_uint_eq(champ_ranking_tier(r, i), 0);
            continue;
        }
        ck_assert(has);
        ck_assert_uint_eq(low, iv.low[i]);
        ck_assert_uint_eq(high, iv.high[i]);
        ck_assert(share == iv.share[i]);
        ck_assert_uint_eq(champ_ranking_tier(r, i), iv.tier[i]);
        ck_assert_msg(1 <= low && low <= high && high <= eligible + 1,
                      "position %zu: %zu..%zu of %zu", i, low, high, eligible);
        ck_assert(share >= 0 && share <= 1);
        /* share is a count of resamples over their number */
        double in_top = share * (double)resamples;
        ck_assert(fabs(in_top - round(in_top)) < 1e-9);
        /* the 95th percentile inside the top: at least 95% there */
        if (high <= top)
            ck_assert_msg(share >= 0.95, "%zu..%zu, share %g", low, high, share);
        if (low > top)
            ck_assert_msg(share < 0.05, "%zu..%zu, share %g", low, high, share);
        /* the tiers, by their rule */
        if (i == 0 || low > opener_high) {
            tier++;
            opener_high = high;
        }
        ck_assert_uint_eq(iv.tier[i], tier);
        if (i > 0)
            ck_assert_uint_ge(iv.tier[i], iv.tier[i - 1]);
    }
    if (eligible)
        ck_assert_uint_eq(iv.tier[0], 1);
    intervals_free(&iv);
}

START_TEST(confidence_repeats_with_its_seed)
{
    champ_network *net = seeded_network(11, 60, 5, 400);
    champ_ranking *a = rank_with_confidence(net, 25, 7), *b = rank_with_confidence(net, 25, 7);
    ck_assert_uint_eq(champ_ranking_resamples(a), 25);
    intervals ia = intervals_of(a), ib = intervals_of(b);
    ck_assert(intervals_equal(&ia, &ib));
    char *ja = render(a, CHAMP_FORMAT_JSON, 0), *jb = render(b, CHAMP_FORMAT_JSON, 0);
    ck_assert_str_eq(ja, jb);
    assert_sound_intervals(a);
    /* the ranking itself is the one without confidence */
    champ_ranking *plain = rank_or_fail(net, NULL);
    for (size_t i = 0; i < champ_ranking_count(a); i++) {
        ck_assert_str_eq(champ_ranking_id(a, i), champ_ranking_id(plain, i));
        ck_assert_uint_eq(champ_ranking_rank(a, i), champ_ranking_rank(plain, i));
    }
    champ_ranking_free(plain);
    /* other seeds draw other resamples: some interval or share moves */
    int differs = 0;
    for (uint64_t seed = 8; seed < 12; seed++) {
        champ_ranking *c = rank_with_confidence(net, 25, seed);
        intervals ic = intervals_of(c);
        differs += !intervals_equal(&ia, &ic);
        assert_sound_intervals(c);
        intervals_free(&ic);
        champ_ranking_free(c);
    }
    ck_assert_int_gt(differs, 0);
    free(ja);
    free(jb);
    intervals_free(&ia);
    intervals_free(&ib);
    champ_ranking_free(a);
    champ_ranking_free(b);
    champ_network_free(net);
}
END_TEST

START_TEST(no_confidence_without_resamples)
{
    champ_network *net = seeded_network(3, 30, 3, 150);
    champ_ranking *r = rank_with_confidence(net, 0, 1);
    ck_assert_uint_eq(champ_ranking_resamples(r), 0);
    size_t low = 7, high = 7;
    double share = 7;
    for (size_t i = 0; i <= champ_ranking_count(r); i++) { /* and one out of range */
        ck_assert_int_eq(champ_ranking_interval(r, i, &low, &high, &share), 0);
        ck_assert_uint_eq(champ_ranking_tier(r, i), 0);
    }
    ck_assert_uint_eq(low, 7);
    ck_assert_uint_eq(high, 7);
    ck_assert_double_eq(share, 7);
    intervals iv = intervals_of(r);
    for (size_t i = 0; i < iv.n; i++) {
        ck_assert_uint_eq(iv.low[i], 0);
        ck_assert_uint_eq(iv.high[i], 0);
        ck_assert_uint_eq(iv.tier[i], 0);
        ck_assert(isnan(iv.share[i]));
    }
    intervals_free(&iv);
    char *json = render(r, CHAMP_FORMAT_JSON, 0);
    ck_assert_ptr_null(strstr(json, "\"confidence\""));
    free(json);
    char buf[1024];
    ck_assert_int_eq(champ_ranking_explain(r, 0, CHAMP_LANGUAGE_EN, buf, sizeof buf, NULL),
                     CHAMP_OK);
    ck_assert_ptr_null(strstr(buf, "resamples"));
    champ_ranking_free(r);
    ck_assert_int_eq(champ_ranking_interval(NULL, 0, NULL, NULL, NULL), 0);
    ck_assert_uint_eq(champ_ranking_tier(NULL, 0), 0);
    ck_assert_int_eq(champ_ranking_intervals(NULL, NULL, NULL, NULL, NULL), CHAMP_ERR_ARGUMENT);
    /* with resamples, every pointer may be NULL */
    r = rank_with_confidence(net, 4, 1);
    ck_assert_int_eq(champ_ranking_interval(r, 0, NULL, NULL, NULL), 1);
    ck_assert_int_eq(champ_ranking_intervals(r, NULL, NULL, NULL, NULL), CHAMP_OK);
    json = render(r, CHAMP_FORMAT_JSON, 0);
    ck_assert_ptr_nonnull(strstr(json, "\"confidence\""));
    free(json);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

/* A person ineligible in the ranking has no interval; every eligible one
 * has one even when a resample leaves them out (rank N + 1). */
START_TEST(confidence_of_the_ineligible_and_the_rarely_seen)
{
    champ_network *net = seeded_network(5, 40, 4, 200);
    person(net, "zz-citizen", "T1", "citizen");
    person(net, "zz-once", "T2", NULL);
    add(net, "zz-citizen", "p001", 1);
    add(net, "zz-once", "p002", 1); /* activity 1: out of most resamples' eligible */
    champ_ranking *r = rank_with_confidence(net, 40, 3);
    size_t eligible = (size_t)champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE);
    size_t i = position_of(r, "zz-citizen"), low, high;
    ck_assert(!champ_ranking_eligible(r, i));
    ck_assert_int_eq(champ_ranking_interval(r, i, NULL, NULL, NULL), 0);
    i = position_of(r, "zz-once");
    ck_assert(champ_ranking_eligible(r, i));
    ck_assert_int_eq(champ_ranking_interval(r, i, &low, &high, NULL), 1);
    ck_assert_uint_eq(high, eligible + 1); /* out of more than 5% of the resamples */
    assert_sound_intervals(r);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

/* ---- threads --------------------------------------------------------------
 * The library starts its worker threads with pthread_create (lib/pool.c),
 * and runs a job on the calling thread when no thread can be had. This
 * definition stands in for libc's in this executable (the library's
 * objects are linked into it): with `forbid_threads` set it refuses the
 * library's requests, so that the ranking runs on one thread. */
static atomic_int forbid_threads, library_threads, refused_threads;

static int from_this_executable(const void *addr)
{
    Dl_info here, there;
    return dladdr((const void *)&forbid_threads, &here) && dladdr(addr, &there) &&
           here.dli_fbase == there.dli_fbase;
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*fn)(void *),
                   void *arg)
{
    static int (*real)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "pthread_create");
    if (from_this_executable(__builtin_return_address(0))) {
        atomic_fetch_add(&library_threads, 1);
        if (atomic_load(&forbid_threads)) {
            atomic_fetch_add(&refused_threads, 1);
            return EAGAIN;
        }
    }
    return real(thread, attr, fn, arg);
}

START_TEST(confidence_is_the_same_on_one_thread)
{
    /* big enough that exact bridging runs on the worker threads */
    champ_network *net = seeded_network(21, 600, 24, 3000);
    atomic_store(&library_threads, 0);
    atomic_store(&refused_threads, 0);
    champ_ranking *threaded = rank_with_confidence(net, 4, 5);
    int started = atomic_load(&library_threads);
    ck_assert_msg(started >= 2, "the ranking started %d threads: the network is too small to "
                                "test this", started);
    ck_assert_int_eq(atomic_load(&refused_threads), 0);
    atomic_store(&forbid_threads, 1);
    champ_ranking *single = rank_with_confidence(net, 4, 5);
    atomic_store(&forbid_threads, 0);
    ck_assert_int_ge(atomic_load(&refused_threads), 2);
    intervals a = intervals_of(threaded), b = intervals_of(single);
    ck_assert(intervals_equal(&a, &b));
    char *ja = render(threaded, CHAMP_FORMAT_JSON, 0), *jb = render(single, CHAMP_FORMAT_JSON, 0);
    ck_assert(strcmp(ja, jb) == 0);
    ck_assert_ptr_nonnull(strstr(ja, "\"confidence\""));
    assert_sound_intervals(threaded);
    free(ja);
    free(jb);
    intervals_free(&a);
    intervals_free(&b);
    champ_ranking_free(threaded);
    champ_ranking_free(single);
    champ_network_free(net);
}
END_TEST

/* ---- a resample is the network with its draws repeated --------------------
 * An edge list kept beside the network: the kept interactions in order
 * (no window: every interaction that is not to oneself). */
typedef struct edges {
    size_t count, cap;
    char (*from)[16], (*to)[16];
    double *weight;
} edges;

static void edges_add(edges *e, const char *from, const char *to, double weight)
{
    if (e->count == e->cap) {
        e->cap = e->cap ? 2 * e->cap : 1024;
        e->from = realloc(e->from, e->cap * sizeof *e->from);
        e->to = realloc(e->to, e->cap * sizeof *e->to);
        e->weight = realloc(e->weight, e->cap * sizeof *e->weight);
        ck_assert(e->from && e->to && e->weight);
    }
    snprintf(e->from[e->count], sizeof e->from[0], "%s", from);
    snprintf(e->to[e->count], sizeof e->to[0], "%s", to);
    e->weight[e->count++] = weight;
}

static void edges_free(edges *e)
{
    free(e->from);
    free(e->to);
    free(e->weight);
}

typedef struct people_list {
    size_t count;
    char (*id)[16], (*team)[16];
} people_list;

/* The network of `people` (listed, in order) and each kept interaction j
 * repeated times[j] times (times NULL: once). */
static champ_network *network_of(const people_list *people, const edges *e,
                                 const uint32_t *times)
{
    champ_network *net = empty_network();
    for (size_t p = 0; p < people->count; p++)
        person(net, people->id[p], people->team[p], NULL);
    for (size_t j = 0; j < e->count; j++)
        for (uint32_t k = 0; k < (times ? times[j] : 1); k++)
            add(net, e->from[j], e->to[j], e->weight[j]);
    return net;
}

/* With B = 2 resamples, each person's interval is their two ranks (the
 * 5th percentile of two is the smaller, the 95th the larger): check both
 * against the networks of draws 0 and 1 ranked as themselves. With
 * `samples` > 0 the ranking samples bridging from that many sources, and
 * each draw's network is ranked from the resample's own sources. */
static void assert_resamples_are_networks_sampled(const people_list *people, const edges *e,
                                                  uint64_t seed, size_t samples)
{
    champ_network *net = network_of(people, e, NULL);
    ck_assert_uint_eq(champ_network_interaction_count(net), e->count);
    champ_options *o = new_options();
    ck_assert_int_eq(champ_options_set_seed(o, seed), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_confidence(o, 2), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_bridging_samples(o, samples), CHAMP_OK);
    champ_ranking *r = rank_or_fail(net, o);
    ck_assert_double_eq(champ_ranking_summary(r, CHAMP_SUMMARY_INTERACTIONS), (double)e->count);
    size_t eligible = (size_t)champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE);
    ck_assert_int_eq(champ_options_set_confidence(o, 0), CHAMP_OK);
    uint32_t *times = malloc((e->count ? e->count : 1) * sizeof *times);
    ck_assert_ptr_nonnull(times);
    champ_ranking *drawn[2];
    for (size_t b = 0; b < 2; b++) {
        champ__confidence_draw(seed, b, e->count, times);
        size_t total = 0, absent = 0;
        for (size_t j = 0; j < e->count; j++) {
            total += times[j];
            absent += times[j] == 0;
        }
        ck_assert_uint_eq(total, e->count);            /* K draws of K */
        ck_assert_uint_gt(absent, 0);                  /* with replacement */
        champ_network *dup = network_of(people, e, times);
        if (samples) {
            ck_assert_int_eq(champ_options_set_bridging_samples(
                                 o, champ__confidence_sources(samples)), CHAMP_OK);
            ck_assert_int_eq(champ_options_set_seed(
                                 o, champ__confidence_sources_seed(seed, b)), CHAMP_OK);
        }
        drawn[b] = rank_or_fail(dup, o);
        champ_network_free(dup);
    }
    size_t moved = 0;
    for (size_t i = 0; i < eligible; i++) {
        const char *id = champ_ranking_id(r, i);
        size_t rank[2];
        for (size_t b = 0; b < 2; b++) {
            rank[b] = champ_ranking_rank(drawn[b], position_of(drawn[b], id));
            if (rank[b] == 0 || rank[b] > eligible + 1)
                rank[b] = eligible + 1; /* SPEC 10.1 */
        }
        size_t low = 0, high = 0;
        ck_assert_int_eq(champ_ranking_interval(r, i, &low, &high, NULL), 1);
        ck_assert_msg(low == (rank[0] < rank[1] ? rank[0] : rank[1]) &&
                          high == (rank[0] < rank[1] ? rank[1] : rank[0]),
                      "seed %llu, %s: interval %zu..%zu, the draws' networks rank %zu and %zu",
                      (unsigned long long)seed, id, low, high, rank[0], rank[1]);
        moved += rank[0] != champ_ranking_rank(r, i) || rank[1] != champ_ranking_rank(r, i);
    }
    ck_assert_uint_gt(moved, 0); /* the resamples are not the network itself */
    free(times);
    champ_ranking_free(drawn[0]);
    champ_ranking_free(drawn[1]);
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}

static void assert_resamples_are_networks(const people_list *people, const edges *e,
                                          uint64_t seed)
{
    assert_resamples_are_networks_sampled(people, e, seed, 0);
}

START_TEST(resample_draws_are_repeatable_and_whole)
{
    uint32_t a[50], b[50], c[50];
    champ__confidence_draw(9, 3, 50, a);
    champ__confidence_draw(9, 3, 50, b);
    ck_assert(!memcmp(a, b, sizeof a));
    champ__confidence_draw(9, 4, 50, c);
    ck_assert(memcmp(a, c, sizeof a) != 0);
    champ__confidence_draw(10, 3, 50, c);
    ck_assert(memcmp(a, c, sizeof a) != 0);
    uint32_t one = 7;
    champ__confidence_draw(1, 0, 1, &one);
    ck_assert_uint_eq(one, 1);
    /* sampled bridging in a resample: an eighth of the sources, at least
     * 32 (all when fewer), drawn from a seed of each resample's own */
    ck_assert_uint_eq(champ__confidence_sources(1), 1);
    ck_assert_uint_eq(champ__confidence_sources(32), 32);
    ck_assert_uint_eq(champ__confidence_sources(100), 32);
    ck_assert_uint_eq(champ__confidence_sources(256), 32);
    ck_assert_uint_eq(champ__confidence_sources(257), 33);
    ck_assert_uint_eq(champ__confidence_sources(1000), 125);
    ck_assert(champ__confidence_sources_seed(9, 0) == champ__confidence_sources_seed(9, 0));
    ck_assert(champ__confidence_sources_seed(9, 0) != champ__confidence_sources_seed(9, 1));
    ck_assert(champ__confidence_sources_seed(9, 0) != champ__confidence_sources_seed(10, 0));
}
END_TEST

START_TEST(a_resample_ranks_as_the_network_of_its_draws)
{
    people_list people = {40, NULL, NULL};
    people.id = calloc(people.count, sizeof *people.id);
    people.team = calloc(people.count, sizeof *people.team);
    edges e = {0};
    for (size_t p = 0; p < people.count; p++) {
        snprintf(people.id[p], sizeof people.id[0], "q%02u", (unsigned)p);
        snprintf(people.team[p], sizeof people.team[0], "T%u", (unsigned)(p % 4));
    }
    uint64_t s = 99;
    for (int i = 0; i < 300; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t a = (size_t)(s >> 33) % people.count, b = (size_t)(s >> 13) % (people.count - 1);
        b += b >= a;
        edges_add(&e, people.id[a], people.id[b], 1 + (double)((s >> 50) % 3) * 0.5);
    }
    for (uint64_t seed = 1; seed <= 6; seed++)
        assert_resamples_are_networks(&people, &e, seed);
    edges_free(&e);
    free(people.id);
    free(people.team);
}
END_TEST

/* The shared data folder, or a failure that says where it was looked for. */
static const char *shared_data(void)
{
    const char *dir = getenv("CHAMP_SHARED_DATA");
    ck_assert_msg(dir && *dir, "CHAMP_SHARED_DATA is not set: run through meson test");
    return dir;
}

static FILE *open_shared(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/email-Eu-core/%s", shared_data(), name);
    FILE *f = fopen(path, "r");
    ck_assert_msg(f, "shared data missing: %s: %s", path, strerror(errno));
    return f;
}

/* SNAP email-Eu-core as tests/reference/convert.py reads it: people
 * e0000.. with their departments as teams, the edges in file order. Free
 * with free_email_eu_core(). */
static void load_email_eu_core(people_list *people, edges *e)
{
    *people = (people_list){0, calloc(2000, sizeof *people->id), calloc(2000, sizeof *people->team)};
    *e = (edges){0};
    FILE *f = open_shared("email-Eu-core-department-labels.txt");
    int node, dept, to;
    while (fscanf(f, "%d %d", &node, &dept) == 2) {
        ck_assert_int_eq(node, (int)people->count); /* in order, 0 .. 1004 */
        ck_assert_uint_lt(people->count, 2000);
        snprintf(people->id[people->count], sizeof people->id[0], "e%04d", node);
        snprintf(people->team[people->count], sizeof people->team[0], "dept-%d", dept);
        people->count++;
    }
    ck_assert(feof(f));
    fclose(f);
    ck_assert_uint_eq(people->count, 1005);
    size_t self = 0;
    char a[16], b[16];
    f = open_shared("email-Eu-core.txt");
    while (fscanf(f, "%d %d", &node, &to) == 2) {
        ck_assert(node >= 0 && node < 1005 && to >= 0 && to < 1005);
        if (node == to) {
            self++; /* dropped by the network: not kept */
            continue;
        }
        snprintf(a, sizeof a, "e%04d", node);
        snprintf(b, sizeof b, "e%04d", to);
        edges_add(e, a, b, 1);
    }
    ck_assert(feof(f));
    fclose(f);
    ck_assert_uint_eq(e->count, 24929);
    ck_assert_uint_eq(self, 642);
}

static void free_email_eu_core(people_list *people, edges *e)
{
    edges_free(e);
    free(people->id);
    free(people->team);
}

START_TEST(email_eu_core_resamples_rank_as_the_networks_of_their_draws)
{
    people_list people;
    edges e;
    load_email_eu_core(&people, &e);
    assert_resamples_are_networks(&people, &e, 1);
    assert_resamples_are_networks(&people, &e, 2026);
    /* sampled bridging: 256 sources for the ranking, 32 fresh ones for
     * each resample (an eighth, at least 32) */
    ck_assert_uint_eq(champ__confidence_sources(256), 32);
    assert_resamples_are_networks_sampled(&people, &e, 3, 256);
    free_email_eu_core(&people, &e);
}
END_TEST

/* ---- the writers on threads ------------------------------------------------ */

typedef struct gathered {
    char *s;
    size_t len, cap;
} gathered;

static int gather(void *user, const char *data, size_t len)
{
    gathered *g = user;
    if (g->len + len > g->cap) {
        g->cap = 2 * (g->len + len);
        g->s = realloc(g->s, g->cap);
        ck_assert_ptr_nonnull(g->s);
    }
    memcpy(g->s + g->len, data, len);
    g->len += len;
    return 0;
}

START_TEST(writers_on_threads_write_the_bytes_of_one)
{
    /* email-Eu-core with confidence, an unlisted person and an ineligible
     * group, so that records carry intervals, flags and every kind of
     * explanation; written on one thread, then in blocks on threads with
     * buffers large and small: a part that cannot fit a record leaves the
     * rest of its block to the calling thread, which must not show. */
    people_list people;
    edges e;
    load_email_eu_core(&people, &e);
    champ_network *net = network_of(&people, &e, NULL);
    add(net, "unlisted-\"quoted\"", people.id[0], 1);
    person(net, "visitor", "dept-1", "guests");
    add(net, "visitor", people.id[1], 1);
    champ_options *o = new_options();
    ck_assert_int_eq(champ_options_set_confidence(o, 5), CHAMP_OK);
    champ_ranking *r = rank_or_fail(net, o);
    static const champ_write_tuning tunings[] = {
        {SIZE_MAX, 4096, 8 << 20, 4096}, /* one thread */
        {0, 4096, 8 << 20, 4096},        /* threads, one block each */
        {0, 7, 8 << 20, 4096},           /* many small blocks */
        {0, 64, 60000, 4096},            /* buffers that fill up mid-block */
        {0, 100, 9000, 4096},            /* too small for any record: all on the caller */
        {0, 64, 8 << 20, 120},           /* explanations that do not all fit */
    };
    for (champ_format f = CHAMP_FORMAT_JSON; f <= CHAMP_FORMAT_CSV; f++) {
        gathered one = {0};
        ck_assert_int_eq(champ__ranking_write_tuned(r, f, 0, gather, &one, &tunings[0]), CHAMP_OK);
        ck_assert_uint_gt(one.len, 100000);
        for (size_t t = 1; t < ARRAY_LEN(tunings); t++) {
            gathered many = {0};
            ck_assert_int_eq(champ__ranking_write_tuned(r, f, 0, gather, &many, &tunings[t]),
                             CHAMP_OK);
            ck_assert_msg(many.len == one.len && !memcmp(many.s, one.s, one.len),
                          "format %d, tuning %zu: %zu bytes against %zu", (int)f, t, many.len,
                          one.len);
            free(many.s);
        }
        /* the top 10 only, on threads */
        gathered top = {0}, top_one = {0};
        ck_assert_int_eq(champ__ranking_write_tuned(r, f, 10, gather, &top, &tunings[2]), CHAMP_OK);
        ck_assert_int_eq(champ__ranking_write_tuned(r, f, 10, gather, &top_one, &tunings[0]),
                         CHAMP_OK);
        ck_assert(top.len == top_one.len && !memcmp(top.s, top_one.s, top.len));
        free(top.s);
        free(top_one.s);
        free(one.s);
    }
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
    free_email_eu_core(&people, &e);
}
END_TEST

/* ======================================================================
 * Explanations
 * ====================================================================== */

/* A number as the explanations write it: whole numbers with ',' between
 * digit groups, others with one decimal. */
static const char *people_number(char *buf, size_t size, double x)
{
    char plain[64];
    snprintf(plain, sizeof plain, x == floor(x) ? "%.0f" : "%.1f", x);
    size_t int_len = strcspn(plain, "."), o = 0;
    for (size_t i = 0; i < int_len && o + 2 < size; i++) {
        if (i && (int_len - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = plain[i];
    }
    snprintf(buf + o, size - o, "%s", plain + int_len);
    return buf;
}

static const char *band_of(char *buf, size_t size, double pct)
{
    int top = pct >= 0.5;
    int percent = (int)ceil(100 * (top ? 1 - pct : pct) - 1e-6);
    percent = percent < 1 ? 1 : percent > 50 ? 50 : percent;
    snprintf(buf, size, "%s %d%%", top ? "top" : "bottom", percent);
    return buf;
}

static char *explain_text(const champ_ranking *r, size_t i, int kind, champ_criterion c)
{
    size_t needed = 0;
    champ_status st =
        kind == 0   ? champ_ranking_explain(r, i, CHAMP_LANGUAGE_EN, NULL, 0, &needed)
        : kind == 1 ? champ_ranking_explain_criterion(r, i, c, CHAMP_LANGUAGE_EN, NULL, 0, &needed)
                    : champ_ranking_figure(r, i, c, CHAMP_LANGUAGE_EN, NULL, 0, &needed);
    ck_assert_int_eq(st, CHAMP_OK);
    ck_assert_uint_gt(needed, 1);
    char *buf = malloc(needed);
    ck_assert_ptr_nonnull(buf);
    st = kind == 0   ? champ_ranking_explain(r, i, CHAMP_LANGUAGE_EN, buf, needed, NULL)
         : kind == 1 ? champ_ranking_explain_criterion(r, i, c, CHAMP_LANGUAGE_EN, buf, needed,
                                                       NULL)
                     : champ_ranking_figure(r, i, c, CHAMP_LANGUAGE_EN, buf, needed, NULL);
    ck_assert_int_eq(st, CHAMP_OK);
    ck_assert_uint_eq(strlen(buf) + 1, needed);
    return buf;
}

/* 1 + the eligible people above i at criterion c. */
static size_t place_of(const champ_ranking *r, size_t i, champ_criterion c, size_t eligible)
{
    size_t above = 0;
    for (size_t j = 0; j < eligible; j++)
        above += champ_ranking_percentile(r, j, c) > champ_ranking_percentile(r, i, c);
    return above + 1;
}

/* The figure and the phrase of criterion c for the eligible person at i,
 * rebuilt from the ranking's getters. */
static void expected_texts(const champ_ranking *r, size_t i, champ_criterion c, char *figure,
                           char *phrase, size_t size)
{
    char x[64], y[64], band[32];
    size_t eligible = (size_t)champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE);
    double value = champ_ranking_value(r, i, c), pct = champ_ranking_percentile(r, i, c);
    band_of(band, sizeof band, pct);
    switch (c) {
    case CHAMP_RECIPROCITY: {
        double ties = champ_ranking_diagnostic(r, i, CHAMP_TIES);
        double mutual = champ_ranking_diagnostic(r, i, CHAMP_MUTUAL);
        if (ties == 0) {
            snprintf(figure, size, "no ties");
            snprintf(phrase, size, "no contacts (%s)", band);
        } else if (ties == 1) {
            snprintf(figure, size, "%s/1 mutual", people_number(x, sizeof x, mutual));
            snprintf(phrase, size, "their one contact %s both ways (%.0f%%, %s)",
                     mutual == 1 ? "answers" : "does not answer", 100 * mutual, band);
        } else {
            snprintf(figure, size, "%s/%s mutual", people_number(x, sizeof x, mutual),
                     people_number(y, sizeof y, ties));
            snprintf(phrase, size, "%s of their %s contacts %s both ways (%.0f%%, %s)",
                     people_number(x, sizeof x, mutual), people_number(y, sizeof y, ties),
                     mutual == 1 ? "answers" : "answer", 100 * mutual / ties, band);
        }
        break;
    }
    case CHAMP_REACH: {
        int own = champ_ranking_team(r, i) != NULL;
        double teams = champ_ranking_summary(r, CHAMP_SUMMARY_TEAMS) - own;
        snprintf(figure, size, "%s/%s teams", people_number(x, sizeof x, value),
                 people_number(y, sizeof y, teams));
        snprintf(phrase, size, "in touch with %s of the %s %steams (%s)",
                 people_number(x, sizeof x, value), people_number(y, sizeof y, teams),
                 own ? "other " : "", band);
        break;
    }
    case CHAMP_BRIDGING:
    case CHAMP_INFLUENCE:
        snprintf(figure, size, "%s", band);
        if (c == CHAMP_BRIDGING && value == 0)
            snprintf(phrase, size, "bridges no one (%s)", band);
        else
            snprintf(phrase, size, "#%s of %s at %s (%s)",
                     people_number(x, sizeof x, (double)place_of(r, i, c, eligible)),
                     people_number(y, sizeof y, (double)eligible),
                     c == CHAMP_BRIDGING ? "bridging otherwise distant people"
                                         : "being engaged with by well-connected people",
                     band);
        break;
    case CHAMP_ACTIVITY:
        snprintf(figure, size, "%s sent", people_number(x, sizeof x, value));
        snprintf(phrase, size, "sent %s interaction%s (%s)", people_number(x, sizeof x, value),
                 value == 1 ? "" : "s", band);
        break;
    }
}

/* A seeded network with a loud sender ("1,234 sent"), a person of one
 * contact, someone unlisted, a citizen and someone listed who sent nothing. */
static champ_network *explained_network(void)
{
    champ_network *net = seeded_network(17, 50, 6, 400);
    person(net, "loud", "T0", NULL);
    person(net, "single", NULL, NULL);
    person(net, "citizen", "T1", "citizen");
    person(net, "idle", "T2", NULL);
    add(net, "loud", "p001", 1000);
    add(net, "loud", "p002", 234);
    add(net, "p001", "loud", 1);
    add(net, "single", "p003", 1);
    add(net, "p003", "single", 1);
    add(net, "ghost", "p004", 1); /* unlisted */
    add(net, "citizen", "p005", 2);
    add(net, "p006", "idle", 1);
    return net;
}

START_TEST(explanations_agree_with_the_ranking)
{
    champ_network *net = explained_network();
    champ_ranking *r = rank_or_fail(net, NULL);
    size_t eligible = (size_t)champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE);
    ck_assert_uint_gt(eligible, 40);
    char figure[256], phrase[512], head[64];
    for (size_t i = 0; i < eligible; i++) {
        for (int c = 0; c < CHAMP_CRITERION_COUNT; c++) {
            expected_texts(r, i, (champ_criterion)c, figure, phrase, sizeof figure);
            char *got = explain_text(r, i, 2, (champ_criterion)c);
            ck_assert_msg(!strcmp(got, figure), "%s %s: figure \"%s\", expected \"%s\"",
                          champ_ranking_id(r, i), champ_criterion_name((champ_criterion)c), got,
                          figure);
            free(got);
            expected_texts(r, i, (champ_criterion)c, figure, phrase, sizeof phrase);
            got = explain_text(r, i, 1, (champ_criterion)c);
            ck_assert_msg(!strcmp(got, phrase), "%s %s: \"%s\", expected \"%s\"",
                          champ_ranking_id(r, i), champ_criterion_name((champ_criterion)c), got,
                          phrase);
            free(got);
        }
        /* the sentence: the rank, the two strongest criteria's phrases,
         * and the weakest when it is in the bottom quarter */
        char *sentence = explain_text(r, i, 0, CHAMP_RECIPROCITY);
        snprintf(head, sizeof head, "Ranks %zu of %zu: ", i + 1, eligible);
        ck_assert_msg(strncmp(sentence, head, strlen(head)) == 0, "%s", sentence);
        champ_criterion by[CHAMP_CRITERION_COUNT];
        for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
            by[c] = (champ_criterion)c;
        for (int a = 1; a < CHAMP_CRITERION_COUNT; a++) /* strongest first, as the library */
            for (int b = a; b > 0; b--) {
                double pa = champ_ranking_percentile(r, i, by[b]);
                double pb = champ_ranking_percentile(r, i, by[b - 1]);
                double wa = champ_ranking_weight(r, by[b]), wb = champ_ranking_weight(r, by[b - 1]);
                if (pa > pb || (pa == pb && wa > wb)) {
                    champ_criterion t = by[b];
                    by[b] = by[b - 1];
                    by[b - 1] = t;
                }
            }
        for (int k = 0; k < 2; k++) {
            expected_texts(r, i, by[k], figure, phrase, sizeof phrase);
            ck_assert_msg(strstr(sentence, phrase), "\"%s\" lacks \"%s\"", sentence, phrase);
        }
        champ_criterion weakest = by[CHAMP_CRITERION_COUNT - 1];
        expected_texts(r, i, weakest, figure, phrase, sizeof phrase);
        char tail[600];
        snprintf(tail, sizeof tail, "; %s%s",
                 champ_ranking_percentile(r, i, weakest) < 0.25 ? "in the bottom quarter: "
                                                               : "lowest: ",
                 phrase);
        ck_assert_msg(strstr(sentence, tail), "\"%s\" lacks \"%s\"", sentence, tail);
        free(sentence);
    }
    /* digit groups */
    size_t loud = position_of(r, "loud");
    char *got = explain_text(r, loud, 2, CHAMP_ACTIVITY);
    ck_assert_str_eq(got, "1,234 sent");
    free(got);
    got = explain_text(r, position_of(r, "single"), 2, CHAMP_RECIPROCITY);
    ck_assert_str_eq(got, "1/1 mutual");
    free(got);
    got = explain_text(r, position_of(r, "single"), 1, CHAMP_REACH);
    ck_assert_msg(strstr(got, "in touch with 1 of the 6 teams (") == got, "%s", got);
    free(got);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(explanations_of_the_ineligible_say_why)
{
    champ_network *net = explained_network();
    champ_ranking *r = rank_or_fail(net, NULL);
    char *got = explain_text(r, position_of(r, "ghost"), 0, 0);
    ck_assert_str_eq(got, "Not eligible: the people list does not list them; flagged: one_partner");
    free(got);
    got = explain_text(r, position_of(r, "citizen"), 0, 0);
    ck_assert_str_eq(got, "Not eligible: their group \"citizen\" is not a champion group; flagged: "
                          "one_partner");
    free(got);
    got = explain_text(r, position_of(r, "idle"), 0, 0);
    ck_assert_str_eq(got, "Not eligible: an activity of 0 is below the minimum of 1; flagged: "
                          "one_partner");
    free(got);
    /* a criterion of the ineligible: its figure, not placed */
    got = explain_text(r, position_of(r, "citizen"), 1, CHAMP_ACTIVITY);
    ck_assert_str_eq(got, "sent 2 interactions (not eligible, so not placed)");
    free(got);
    got = explain_text(r, position_of(r, "idle"), 2, CHAMP_ACTIVITY);
    ck_assert_str_eq(got, "0 sent");
    free(got);
    champ_ranking_free(r);
    /* a minimum that is not whole */
    champ_options *o = new_options();
    ck_assert_int_eq(champ_options_set_min_activity(o, 2.5), CHAMP_OK);
    r = rank_or_fail(net, o);
    got = explain_text(r, position_of(r, "single"), 0, 0);
    ck_assert_str_eq(got, "Not eligible: an activity of 1 is below the minimum of 2.5; flagged: "
                          "one_partner");
    free(got);
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

/* The sentence names the flags, and the interval with confidence. */
START_TEST(explanations_name_flags_and_intervals)
{
    champ_ranking *r = shadow_case(9, 1);
    char *got = explain_text(r, 1, 0, 0);
    ck_assert_msg(strstr(got, "; flagged: shadow of \"a\" (rank 1, 90% of their ties alike)"),
                  "%s", got);
    free(got);
    champ_ranking_free(r);
    champ_network *net = seeded_network(11, 60, 5, 400);
    r = rank_with_confidence(net, 20, 3);
    size_t eligible = (size_t)champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE);
    for (size_t i = 0; i < 3; i++) {
        size_t low, high;
        ck_assert_int_eq(champ_ranking_interval(r, i, &low, &high, NULL), 1);
        char want[128];
        snprintf(want, sizeof want, "Ranks %zu of %zu (%zu to %zu in 90%% of 20 resamples): ",
                 i + 1, eligible, low, high);
        got = explain_text(r, i, 0, 0);
        ck_assert_msg(strncmp(got, want, strlen(want)) == 0, "%s", got);
        free(got);
    }
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(explanation_buffer_protocol)
{
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    size_t needed = 0;
    ck_assert_int_eq(champ_ranking_explain(r, 0, CHAMP_LANGUAGE_EN, NULL, 0, &needed), CHAMP_OK);
    ck_assert_uint_gt(needed, 10);
    char *buf = malloc(needed + 8);
    ck_assert_ptr_nonnull(buf);
    /* one byte short: refused, nothing written, the size said again */
    memset(buf, 'Z', needed + 8);
    size_t again = 0;
    ck_assert_int_eq(champ_ranking_explain(r, 0, CHAMP_LANGUAGE_EN, buf, needed - 1, &again),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_uint_eq(again, needed);
    for (size_t k = 0; k < needed + 8; k++)
        ck_assert_int_eq(buf[k], 'Z');
    char message[64];
    snprintf(message, sizeof message, "holds %zu bytes, %zu are needed", needed - 1, needed);
    ck_assert_msg(strstr(champ_last_error(), message), "%s", champ_last_error());
    /* exactly enough, needed NULL */
    ck_assert_int_eq(champ_ranking_explain(r, 0, CHAMP_LANGUAGE_EN, buf, needed, NULL), CHAMP_OK);
    ck_assert_uint_eq(strlen(buf), needed - 1);
    ck_assert_int_eq(buf[needed], 'Z');
    ck_assert(strncmp(buf, "Ranks 1 of 3: ", 14) == 0);
    /* more than enough */
    again = 0;
    ck_assert_int_eq(champ_ranking_explain(r, 0, CHAMP_LANGUAGE_EN, buf, needed + 8, &again),
                     CHAMP_OK);
    ck_assert_uint_eq(again, needed);
    /* NULL with size 0 but nowhere to say the size; a buffer of 0 */
    ck_assert_int_eq(champ_ranking_explain(r, 0, CHAMP_LANGUAGE_EN, NULL, 0, NULL),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_explain(r, 0, CHAMP_LANGUAGE_EN, buf, 0, &again),
                     CHAMP_ERR_ARGUMENT);
    /* bad arguments */
    ck_assert_int_eq(champ_ranking_explain(NULL, 0, CHAMP_LANGUAGE_EN, buf, needed, NULL),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_explain(r, champ_ranking_count(r), CHAMP_LANGUAGE_EN, buf,
                                           needed, NULL),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_explain(r, 0, (champ_language)CHAMP_LANGUAGE_COUNT, buf, needed,
                                           NULL),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_explain_criterion(r, 0, (champ_criterion)CHAMP_CRITERION_COUNT,
                                                     CHAMP_LANGUAGE_EN, buf, needed, NULL),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_figure(r, 0, (champ_criterion)-1, CHAMP_LANGUAGE_EN, buf,
                                          needed, NULL),
                     CHAMP_ERR_ARGUMENT);
    /* the figure under the same protocol */
    ck_assert_int_eq(champ_ranking_figure(r, 0, CHAMP_ACTIVITY, CHAMP_LANGUAGE_EN, NULL, 0,
                                          &needed),
                     CHAMP_OK);
    ck_assert_uint_eq(needed, strlen("2 sent") + 1);
    char small[6];
    ck_assert_int_eq(champ_ranking_figure(r, 0, CHAMP_ACTIVITY, CHAMP_LANGUAGE_EN, small,
                                          sizeof small, NULL),
                     CHAMP_ERR_ARGUMENT);
    char fits[7];
    ck_assert_int_eq(champ_ranking_figure(r, 0, CHAMP_ACTIVITY, CHAMP_LANGUAGE_EN, fits,
                                          sizeof fits, NULL),
                     CHAMP_OK);
    ck_assert_str_eq(fits, "2 sent");
    free(buf);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

/* Every sentence back to back: the eligible people's, then "" for each
 * of the others, each NUL-terminated. */
START_TEST(explanations_back_to_back)
{
    champ_network *net = explained_network();
    champ_ranking *r = rank_or_fail(net, NULL);
    size_t needed = 0, n = champ_ranking_count(r);
    size_t eligible = (size_t)champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE);
    ck_assert_int_eq(champ_ranking_explanations(r, CHAMP_LANGUAGE_EN, NULL, 0, &needed), CHAMP_OK);
    char *all = malloc(needed);
    ck_assert_ptr_nonnull(all);
    ck_assert_int_eq(champ_ranking_explanations(r, CHAMP_LANGUAGE_EN, all, needed - 1, NULL),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_explanations(r, CHAMP_LANGUAGE_EN, all, needed, NULL),
                     CHAMP_OK);
    const char *p = all;
    for (size_t i = 0; i < n; i++) {
        ck_assert(p < all + needed);
        if (i < eligible) {
            char *one = explain_text(r, i, 0, 0);
            ck_assert_str_eq(p, one);
            free(one);
        } else {
            ck_assert_str_eq(p, "");
        }
        p += strlen(p) + 1;
    }
    ck_assert(p == all + needed);
    free(all);
    ck_assert_int_eq(champ_ranking_explanations(NULL, CHAMP_LANGUAGE_EN, NULL, 0, &needed),
                     CHAMP_ERR_ARGUMENT);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

/* ======================================================================
 * The team table
 * ====================================================================== */

typedef struct team_spec {
    const char *team; /* NULL: no team */
    int listed, unlisted_too;
} team_spec;

/* People of each team as given (all in a ring of interactions, so that
 * they are eligible), and an unlisted person in the first team's ties. */
static champ_network *teams_network(const team_spec *spec, size_t n)
{
    champ_network *net = empty_network();
    char id[32], prev[32] = "";
    int k = 0;
    for (size_t t = 0; t < n; t++)
        for (int i = 0; i < spec[t].listed; i++, k++) {
            snprintf(id, sizeof id, "m%03d", k);
            person(net, id, spec[t].team, NULL);
            if (*prev) {
                add(net, prev, id, 1 + k % 3);
                add(net, id, prev, 1);
            }
            snprintf(prev, sizeof prev, "%s", id);
        }
    add(net, "outsider", "m000", 1); /* unlisted: in no row */
    return net;
}

typedef struct team_row {
    const char *name;
    int pooled;
    double listed, teams;
} team_row;

static void assert_team_rows(const champ_ranking *r, const team_row *rows, size_t n)
{
    ck_assert_uint_eq(champ_ranking_team_count(r), n);
    double listed[16], eligible[16], champions[16], teams[16];
    ck_assert_int_eq(champ_ranking_team_table(r, 0, CHAMP_TEAM_LISTED, listed), CHAMP_OK);
    ck_assert_int_eq(champ_ranking_team_table(r, 0, CHAMP_TEAM_ELIGIBLE, eligible), CHAMP_OK);
    ck_assert_int_eq(champ_ranking_team_table(r, 0, CHAMP_TEAM_CHAMPIONS, champions), CHAMP_OK);
    ck_assert_int_eq(champ_ranking_team_table(r, 0, CHAMP_TEAM_TEAMS, teams), CHAMP_OK);
    for (size_t k = 0; k < n; k++) {
        ck_assert_str_eq(champ_ranking_team_name(r, k), rows[k].name);
        ck_assert_int_eq(champ_ranking_team_pooled(r, k), rows[k].pooled);
        if (isnan(rows[k].listed)) {
            ck_assert(isnan(listed[k]) && isnan(eligible[k]) && isnan(champions[k]));
        } else {
            ck_assert_double_eq(listed[k], rows[k].listed);
            ck_assert_double_eq(eligible[k], rows[k].listed); /* everyone listed is eligible */
            ck_assert_double_eq(champions[k], rows[k].listed); /* top 0: every eligible */
        }
        ck_assert_double_eq(teams[k], rows[k].teams);
    }
    ck_assert_ptr_null(champ_ranking_team_name(r, n));
    ck_assert_int_eq(champ_ranking_team_pooled(r, n), 0);
}

START_TEST(small_teams_are_pooled)
{
    /* A 6, B 5, no team 5, C 3, D 2: C and D pooled (5 people) */
    const team_spec spec[] = {{"B", 5, 0}, {"D", 2, 0}, {NULL, 5, 0}, {"A", 6, 0}, {"C", 3, 0}};
    champ_network *net = teams_network(spec, ARRAY_LEN(spec));
    champ_ranking *r = rank_or_fail(net, NULL);
    const team_row rows[] = {{"A", 0, 6, 1},
                             {"B", 0, 5, 1},
                             {"(no team)", 0, 5, 0}, /* no named team */
                             {"(small teams)", 1, 5, 2}};
    assert_team_rows(r, rows, ARRAY_LEN(rows));
    /* champions within the top 4: the ranks 1..4, wherever they are */
    double champions[4], sum = 0;
    ck_assert_int_eq(champ_ranking_team_table(r, 4, CHAMP_TEAM_CHAMPIONS, champions), CHAMP_OK);
    for (size_t k = 0; k < 4; k++)
        sum += champions[k];
    ck_assert_double_eq(sum, 4);
    /* bad arguments */
    ck_assert_int_eq(champ_ranking_team_table(r, 0, (champ_team_item)CHAMP_TEAM_ITEM_COUNT,
                                              champions),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_team_table(r, 0, CHAMP_TEAM_LISTED, NULL), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_team_table(NULL, 0, CHAMP_TEAM_LISTED, champions),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_uint_eq(champ_ranking_team_count(NULL), 0);
    ck_assert_ptr_null(champ_ranking_team_name(NULL, 0));
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(a_small_pool_takes_the_smallest_teams)
{
    /* A 6, B 5, C 2: the pool of C alone would show 2 people, so B (the
     * smallest shown) joins it */
    const team_spec spec[] = {{"A", 6, 0}, {"B", 5, 0}, {"C", 2, 0}};
    champ_network *net = teams_network(spec, ARRAY_LEN(spec));
    champ_ranking *r = rank_or_fail(net, NULL);
    const team_row rows[] = {{"A", 0, 6, 1}, {"(small teams)", 1, 7, 2}};
    assert_team_rows(r, rows, ARRAY_LEN(rows));
    champ_ranking_free(r);
    champ_network_free(net);
    /* people without a team, too few: in the pool, which counts its
     * named teams only */
    const team_spec spec2[] = {{"A", 6, 0}, {NULL, 2, 0}, {"C", 3, 0}};
    net = teams_network(spec2, ARRAY_LEN(spec2));
    r = rank_or_fail(net, NULL);
    const team_row rows2[] = {{"A", 0, 6, 1}, {"(small teams)", 1, 5, 1}};
    assert_team_rows(r, rows2, ARRAY_LEN(rows2));
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(a_pool_below_the_minimum_is_withheld)
{
    const team_spec spec[] = {{"A", 2, 0}, {"B", 1, 0}, {NULL, 1, 0}};
    champ_network *net = teams_network(spec, ARRAY_LEN(spec));
    champ_ranking *r = rank_or_fail(net, NULL);
    const team_row rows[] = {{"(small teams)", 1, NAN, 2}};
    assert_team_rows(r, rows, ARRAY_LEN(rows));
    champ_ranking_free(r);
    /* with small groups allowed and a minimum of 1, every team shows */
    champ_options *o = new_options();
    ck_assert_int_eq(champ_options_allow_small_groups(o, 1), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_min_group_size(o, 1), CHAMP_OK);
    r = rank_or_fail(net, o);
    const team_row rows1[] = {{"A", 0, 2, 1}, {"B", 0, 1, 1}, {"(no team)", 0, 1, 0}};
    assert_team_rows(r, rows1, ARRAY_LEN(rows1));
    champ_ranking_free(r);
    /* a minimum of 3: A (2) and B (1) pooled with the one without a team: 4 */
    ck_assert_int_eq(champ_options_set_min_group_size(o, 3), CHAMP_OK);
    r = rank_or_fail(net, o);
    const team_row rows3[] = {{"(small teams)", 1, 4, 2}};
    assert_team_rows(r, rows3, ARRAY_LEN(rows3));
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

/* A minimal RFC 4180 reader: rows of fields into cells[row][field]. */
#define CSV_ROWS 16
#define CSV_FIELDS 8
static size_t parse_csv(const char *text, char cells[CSV_ROWS][CSV_FIELDS][64], size_t *fields)
{
    size_t row = 0, field = 0, len = 0;
    int quoted = 0;
    for (const char *p = text; *p; p++) {
        char ch = *p;
        if (quoted) {
            if (ch == '"' && p[1] == '"') {
                cells[row][field][len++] = '"';
                p++;
            } else if (ch == '"') {
                quoted = 0;
            } else {
                cells[row][field][len++] = ch;
            }
        } else if (ch == '"') {
            quoted = 1;
        } else if (ch == ',') {
            cells[row][field++][len] = '\0';
            len = 0;
        } else if (ch == '\r' && p[1] == '\n') {
            cells[row][field][len] = '\0';
            fields[row++] = field + 1;
            field = len = 0;
            p++;
        } else {
            cells[row][field][len++] = ch;
        }
        ck_assert(row < CSV_ROWS && field < CSV_FIELDS && len < 63);
    }
    ck_assert_uint_eq(field + len, 0); /* ends with CRLF */
    return row;
}

static char *write_teams(const champ_ranking *r, champ_format format, size_t top)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(champ_ranking_write_teams(r, format, top, f), CHAMP_OK);
    fclose(f);
    return buf;
}

static void assert_written_teams(const champ_ranking *r, size_t top)
{
    size_t rows = champ_ranking_team_count(r);
    double fig[CHAMP_TEAM_ITEM_COUNT][16];
    for (int item = 0; item < CHAMP_TEAM_ITEM_COUNT; item++)
        ck_assert_int_eq(champ_ranking_team_table(r, top, (champ_team_item)item, fig[item]),
                         CHAMP_OK);
    /* JSON */
    char *json = write_teams(r, CHAMP_FORMAT_JSON, top);
    ck_assert(json[strlen(json) - 1] == '\n');
    cJSON *doc = cJSON_Parse(json);
    ck_assert_msg(doc, "%s", json);
    ck_assert_str_eq(cJSON_GetObjectItem(doc, "version")->valuestring, champ_version());
    ck_assert_double_eq(cJSON_GetObjectItem(doc, "min_group_size")->valuedouble,
                        (double)champ_ranking_min_group_size(r));
    ck_assert_double_eq(cJSON_GetObjectItem(doc, "top")->valuedouble, (double)top);
    cJSON *teams = cJSON_GetObjectItem(doc, "teams");
    ck_assert_int_eq(cJSON_GetArraySize(teams), (int)rows);
    for (size_t k = 0; k < rows; k++) {
        cJSON *row = cJSON_GetArrayItem(teams, (int)k);
        ck_assert_str_eq(cJSON_GetObjectItem(row, "team")->valuestring,
                         champ_ranking_team_name(r, k));
        ck_assert_int_eq(cJSON_IsTrue(cJSON_GetObjectItem(row, "pooled")),
                         champ_ranking_team_pooled(r, k));
        for (int item = 0; item < CHAMP_TEAM_ITEM_COUNT; item++) {
            cJSON *x = cJSON_GetObjectItem(row, champ_team_item_name((champ_team_item)item));
            ck_assert_ptr_nonnull(x);
            if (isnan(fig[item][k]))
                ck_assert(cJSON_IsNull(x));
            else
                ck_assert_double_eq(x->valuedouble, fig[item][k]);
        }
    }
    cJSON_Delete(doc);
    free(json);
    /* CSV */
    char *csv = write_teams(r, CHAMP_FORMAT_CSV, top);
    static char cells[CSV_ROWS][CSV_FIELDS][64];
    size_t fields[CSV_ROWS];
    ck_assert_uint_eq(parse_csv(csv, cells, fields), rows + 1);
    const char *header[] = {"team", "pooled", "listed", "eligible", "champions", "teams"};
    ck_assert_uint_eq(fields[0], ARRAY_LEN(header));
    for (size_t c = 0; c < ARRAY_LEN(header); c++)
        ck_assert_str_eq(cells[0][c], header[c]);
    for (size_t k = 0; k < rows; k++) {
        ck_assert_uint_eq(fields[k + 1], ARRAY_LEN(header));
        ck_assert_str_eq(cells[k + 1][0], champ_ranking_team_name(r, k));
        ck_assert_str_eq(cells[k + 1][1], champ_ranking_team_pooled(r, k) ? "true" : "false");
        for (int item = 0; item < CHAMP_TEAM_ITEM_COUNT; item++) {
            const char *cell = cells[k + 1][2 + item];
            if (isnan(fig[item][k]))
                ck_assert_str_eq(cell, "");
            else
                ck_assert_double_eq(strtod(cell, NULL), fig[item][k]);
        }
    }
    free(csv);
}

START_TEST(team_writers_match_the_getters)
{
    const team_spec spec[] = {{"R&D, \"Labs\"", 7, 0}, {"Sales", 5, 0}, {NULL, 6, 0},
                              {"Tiny", 2, 0},          {"Small", 3, 0}};
    champ_network *net = teams_network(spec, ARRAY_LEN(spec));
    champ_ranking *r = rank_or_fail(net, NULL);
    ck_assert_str_eq(champ_ranking_team_name(r, 0), "R&D, \"Labs\"");
    assert_written_teams(r, 0);
    assert_written_teams(r, 3);
    champ_ranking_free(r);
    champ_network_free(net);
    /* a withheld pool is null in JSON and empty in CSV */
    const team_spec few[] = {{"A", 2, 0}, {"B", 2, 0}};
    net = teams_network(few, ARRAY_LEN(few));
    r = rank_or_fail(net, NULL);
    assert_written_teams(r, 0);
    char *json = write_teams(r, CHAMP_FORMAT_JSON, 0);
    ck_assert_msg(strstr(json, "\"listed\":null"), "%s", json);
    free(json);
    /* formats other than JSON and CSV; NULL stream */
    ck_assert_int_eq(champ_ranking_write_teams(r, CHAMP_FORMAT_GEXF, 0, stdout),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_write_teams(r, CHAMP_FORMAT_JSON, 0, NULL), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_ranking_write_teams(NULL, CHAMP_FORMAT_JSON, 0, stdout),
                     CHAMP_ERR_ARGUMENT);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

/* ======================================================================
 * Pseudonyms
 * ====================================================================== */

static const unsigned char RFC4231_KEY[20] = {0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b,
                                              0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b,
                                              0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b};

static int is_pseudonym(const char *s, char prefix)
{
    if (!s || strlen(s) != 18 || s[0] != prefix || s[1] != '-')
        return 0;
    for (int i = 2; i < 18; i++)
        if (!isdigit((unsigned char)s[i]) && !(s[i] >= 'a' && s[i] <= 'f'))
            return 0;
    return 1;
}

START_TEST(pseudonym_known_answer)
{
    /* RFC 4231, test case 1: HMAC-SHA256 = b0344c61d8db38535ca8afce... */
    char out[CHAMP_PSEUDONYM_SIZE];
    ck_assert_int_eq(champ_pseudonym(RFC4231_KEY, sizeof RFC4231_KEY, 0, "Hi There", out),
                     CHAMP_OK);
    ck_assert_str_eq(out, "p-b0344c61d8db3853");
    ck_assert_int_eq(champ_pseudonym(RFC4231_KEY, sizeof RFC4231_KEY, 1, "Hi There", out),
                     CHAMP_OK);
    ck_assert_str_eq(out, "t-b0344c61d8db3853");
    /* keys: 16 bytes is enough, 15 is not */
    ck_assert_int_eq(champ_pseudonym(RFC4231_KEY, CHAMP_PSEUDONYM_KEY_MIN, 0, "Hi There", out),
                     CHAMP_OK);
    ck_assert(is_pseudonym(out, 'p'));
    ck_assert_str_ne(out, "p-b0344c61d8db3853"); /* another key */
    strcpy(out, "untouched");
    ck_assert_int_eq(champ_pseudonym(RFC4231_KEY, CHAMP_PSEUDONYM_KEY_MIN - 1, 0, "Hi There", out),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_msg(strstr(champ_last_error(), "at least 16"), "%s", champ_last_error());
    ck_assert_str_eq(out, "untouched");
    ck_assert_int_eq(champ_pseudonym(NULL, 20, 0, "Hi There", out), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_pseudonym(RFC4231_KEY, 20, 0, NULL, out), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_pseudonym(RFC4231_KEY, 20, 0, "x", NULL), CHAMP_ERR_ARGUMENT);
    /* UTF-8 bytes as they are; the empty name too */
    char a[CHAMP_PSEUDONYM_SIZE], b[CHAMP_PSEUDONYM_SIZE];
    ck_assert_int_eq(champ_pseudonym(RFC4231_KEY, 20, 0, "J\xc3\xb8rgen", a), CHAMP_OK);
    ck_assert_int_eq(champ_pseudonym(RFC4231_KEY, 20, 0, "Jorgen", b), CHAMP_OK);
    ck_assert(is_pseudonym(a, 'p') && is_pseudonym(b, 'p'));
    ck_assert_str_ne(a, b);
}
END_TEST

static const char *const SECRET_IDS[] = {"alice@example.com", "bob@example.com",
                                         "carol@example.com", "dave@example.com",
                                         "erin@example.com"};

static champ_network *named_network(int variant)
{
    champ_network *net = empty_network();
    person(net, SECRET_IDS[0], "Secret Sales", NULL);
    person(net, SECRET_IDS[1], "Secret Sales", "partner");
    person(net, SECRET_IDS[2], "Hidden Research", NULL);
    person(net, SECRET_IDS[3], NULL, NULL);
    add_timed(net, SECRET_IDS[0], SECRET_IDS[1], 1772357400);
    add(net, SECRET_IDS[1], SECRET_IDS[0], 2.5);
    ck_assert_int_eq(champ_network_add_interaction(net, SECRET_IDS[0], SECRET_IDS[2], 1772357401.5,
                                                   "reply", 1),
                     CHAMP_OK);
    add(net, SECRET_IDS[2], SECRET_IDS[3], 1);
    add(net, SECRET_IDS[4], SECRET_IDS[0], 1); /* erin: unlisted */
    if (variant)
        add(net, "frank@example.com", SECRET_IDS[2], 1);
    return net;
}

static char *network_text(const champ_network *net, champ_input form)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(champ_network_write(net, form, f), CHAMP_OK);
    fclose(f);
    return buf;
}

START_TEST(pseudonymized_network_round_trip)
{
    static const unsigned char key[32] = "0123456789abcdef0123456789abcdef";
    champ_network *net = named_network(0);
    champ_ranking *before = rank_or_fail(net, NULL);
    size_t people = champ_network_person_count(net), count = champ_network_interaction_count(net);
    /* refused keys leave the network alone */
    ck_assert_int_eq(champ_network_pseudonymize(net, key, 15, 1), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_network_pseudonymize(net, NULL, 32, 1), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_network_pseudonymize(NULL, key, 32, 1), CHAMP_ERR_ARGUMENT);
    char *text = network_text(net, CHAMP_INPUT_JSON);
    ck_assert_ptr_nonnull(strstr(text, SECRET_IDS[0]));
    free(text);

    ck_assert_int_eq(champ_network_pseudonymize(net, key, sizeof key, 1), CHAMP_OK);
    for (int form = 0; form < 2; form++) {
        champ_input input = form ? CHAMP_INPUT_JSONL : CHAMP_INPUT_JSON;
        text = network_text(net, input);
        for (size_t k = 0; k < ARRAY_LEN(SECRET_IDS); k++)
            ck_assert_msg(!strstr(text, SECRET_IDS[k]), "%s in %s", SECRET_IDS[k], text);
        ck_assert(!strstr(text, "example") && !strstr(text, "Secret") && !strstr(text, "Hidden"));
        ck_assert_ptr_nonnull(strstr(text, "\"partner\"")); /* groups stay */
        ck_assert_ptr_nonnull(strstr(text, "\"reply\""));   /* and types */
        champ_network *back = NULL;
        ck_assert_int_eq(form ? champ_network_read_jsonl(text, strlen(text), &back)
                              : champ_network_read_json(text, strlen(text), &back),
                         CHAMP_OK);
        ck_assert_uint_eq(champ_network_person_count(back), people);
        ck_assert_uint_eq(champ_network_interaction_count(back), count);
        champ_ranking *after = rank_or_fail(back, NULL);
        ck_assert_uint_eq(champ_ranking_count(after), champ_ranking_count(before));
        ck_assert_double_eq(champ_ranking_summary(after, CHAMP_SUMMARY_LISTED),
                            champ_ranking_summary(before, CHAMP_SUMMARY_LISTED));
        for (size_t i = 0; i < champ_ranking_count(before); i++) {
            /* each person under their pseudonym, with the same figures */
            char p[CHAMP_PSEUDONYM_SIZE], t[CHAMP_PSEUDONYM_SIZE];
            const char *id = champ_ranking_id(before, i), *team = champ_ranking_team(before, i);
            ck_assert_int_eq(champ_pseudonym(key, sizeof key, 0, id, p), CHAMP_OK);
            size_t j = position_of(after, p);
            ck_assert(is_pseudonym(champ_ranking_id(after, j), 'p'));
            if (team) {
                ck_assert_int_eq(champ_pseudonym(key, sizeof key, 1, team, t), CHAMP_OK);
                ck_assert_str_eq(champ_ranking_team(after, j), t);
            } else {
                ck_assert_ptr_null(champ_ranking_team(after, j));
            }
            ck_assert_int_eq(champ_ranking_listed(after, j), champ_ranking_listed(before, i));
            ck_assert_int_eq(champ_ranking_eligible(after, j), champ_ranking_eligible(before, i));
            for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
                ck_assert_double_eq_tol(champ_ranking_value(after, j, (champ_criterion)c),
                                        champ_ranking_value(before, i, (champ_criterion)c), 1e-12);
        }
        champ_ranking_free(after);
        champ_network_free(back);
        free(text);
    }
    champ_ranking_free(before);

    /* the same key and name in another network: the same pseudonym; teams
     * left as they are when not asked for */
    champ_network *other = named_network(1);
    ck_assert_int_eq(champ_network_pseudonymize(other, key, sizeof key, 0), CHAMP_OK);
    champ_ranking *a = rank_or_fail(net, NULL), *b = rank_or_fail(other, NULL);
    char p[CHAMP_PSEUDONYM_SIZE];
    for (size_t k = 0; k < ARRAY_LEN(SECRET_IDS); k++) {
        ck_assert_int_eq(champ_pseudonym(key, sizeof key, 0, SECRET_IDS[k], p), CHAMP_OK);
        size_t i = position_of(a, p), j = position_of(b, p);
        ck_assert_str_eq(champ_ranking_id(a, i), champ_ranking_id(b, j));
    }
    ck_assert_ptr_null(champ_ranking_team(b, position_of(b, p))); /* erin: unlisted */
    ck_assert_int_eq(champ_pseudonym(key, sizeof key, 0, SECRET_IDS[0], p), CHAMP_OK);
    ck_assert_str_eq(champ_ranking_team(b, position_of(b, p)), "Secret Sales");
    ck_assert_int_eq(champ_pseudonym(key, sizeof key, 0, "frank@example.com", p), CHAMP_OK);
    ck_assert(!champ_ranking_listed(b, position_of(b, p)));
    champ_ranking_free(a);
    champ_ranking_free(b);
    champ_network_free(other);
    champ_network_free(net);
}
END_TEST

START_TEST(network_write_refuses_other_forms)
{
    champ_network *net = named_network(0);
    ck_assert_int_eq(champ_network_write(net, CHAMP_INPUT_CSV, stdout), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_network_write(net, CHAMP_INPUT_DETECT, stdout), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_network_write(net, CHAMP_INPUT_JSON, NULL), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_network_write(NULL, CHAMP_INPUT_JSON, stdout), CHAMP_ERR_ARGUMENT);
    champ_network_free(net);
}
END_TEST

static Suite *trust_suite(void)
{
    Suite *s = suite_create("trust");
    TCase *tc = tcase_create("options");
    tcase_add_test(tc, option_defaults_read_back);
    tcase_add_test(tc, min_tie_weight_refuses_bad_values);
    tcase_add_test(tc, confidence_refuses_more_than_the_maximum);
    tcase_add_test(tc, min_group_size_below_default_takes_allowing);
    suite_add_tcase(s, tc);
    tc = tcase_create("guards");
    tcase_add_test(tc, thin_ties_do_not_count_for_the_tie_figures);
    tcase_add_test(tc, reactions_make_a_tie_from_enough_of_them);
    tcase_add_test(tc, flag_names_and_descriptions);
    tcase_add_test(tc, a_sound_network_is_not_flagged);
    tcase_add_test(tc, broadcaster_at_and_across_its_thresholds);
    tcase_add_test(tc, one_partner_at_and_across_its_threshold);
    tcase_add_test(tc, shadow_at_and_across_its_thresholds);
    tcase_add_test(tc, closed_group_at_and_across_its_threshold);
    tcase_add_test(tc, new_at_and_across_its_threshold);
    suite_add_tcase(s, tc);
    tc = tcase_create("confidence");
    tcase_add_test(tc, confidence_repeats_with_its_seed);
    tcase_add_test(tc, no_confidence_without_resamples);
    tcase_add_test(tc, confidence_of_the_ineligible_and_the_rarely_seen);
    tcase_add_test(tc, confidence_is_the_same_on_one_thread);
    tcase_add_test(tc, resample_draws_are_repeatable_and_whole);
    tcase_add_test(tc, a_resample_ranks_as_the_network_of_its_draws);
    tcase_add_test(tc, email_eu_core_resamples_rank_as_the_networks_of_their_draws);
    tcase_add_test(tc, writers_on_threads_write_the_bytes_of_one);
    suite_add_tcase(s, tc);
    tc = tcase_create("explanations");
    tcase_add_test(tc, explanations_agree_with_the_ranking);
    tcase_add_test(tc, explanations_of_the_ineligible_say_why);
    tcase_add_test(tc, explanations_name_flags_and_intervals);
    tcase_add_test(tc, explanation_buffer_protocol);
    tcase_add_test(tc, explanations_back_to_back);
    suite_add_tcase(s, tc);
    tc = tcase_create("teams");
    tcase_add_test(tc, small_teams_are_pooled);
    tcase_add_test(tc, a_small_pool_takes_the_smallest_teams);
    tcase_add_test(tc, a_pool_below_the_minimum_is_withheld);
    tcase_add_test(tc, team_writers_match_the_getters);
    suite_add_tcase(s, tc);
    tc = tcase_create("pseudonyms");
    tcase_add_test(tc, pseudonym_known_answer);
    tcase_add_test(tc, pseudonymized_network_round_trip);
    tcase_add_test(tc, network_write_refuses_other_forms);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return champ_test_run(trust_suite());
}
