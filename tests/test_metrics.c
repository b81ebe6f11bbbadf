/* Every criterion and diagnostic of SPEC 4.1-4.6 on small graphs whose
 * values are worked out by hand in the comments. */
#include "centrality.h"
#include "prpack.h"
#include "graph.h"
#include "netbuild.h"
#include "testutil.h"

/* worked_example(): see netbuild.h for the network and its hand-worked values. */

START_TEST(activity_received_ties_mutual)
{
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    /* activity: a->b + a->c; b->a weighs 2 */
    ck_assert_near(value_of(r, "a", CHAMP_ACTIVITY), 2);
    ck_assert_near(value_of(r, "b", CHAMP_ACTIVITY), 2);
    ck_assert_near(value_of(r, "c", CHAMP_ACTIVITY), 1);
    ck_assert_near(value_of(r, "d", CHAMP_ACTIVITY), 0);
    ck_assert_near(value_of(r, "x", CHAMP_ACTIVITY), 1);
    ck_assert_near(diag_of(r, "a", CHAMP_RECEIVED), 3);
    ck_assert_near(diag_of(r, "x", CHAMP_RECEIVED), 0);
    ck_assert_near(diag_of(r, "a", CHAMP_TIES), 3);
    ck_assert_near(diag_of(r, "c", CHAMP_TIES), 2);
    ck_assert_near(diag_of(r, "a", CHAMP_MUTUAL), 1);
    ck_assert_near(diag_of(r, "b", CHAMP_MUTUAL), 1);
    ck_assert_near(diag_of(r, "c", CHAMP_MUTUAL), 0);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(reciprocity_with_prior)
{
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    ck_assert_near(value_of(r, "a", CHAMP_RECIPROCITY), (1 + 0.5) / (3 + 2.0));
    ck_assert_near(value_of(r, "b", CHAMP_RECIPROCITY), (1 + 0.5) / (1 + 2.0));
    ck_assert_near(value_of(r, "c", CHAMP_RECIPROCITY), 0.5 / (2 + 2.0));
    ck_assert_near(value_of(r, "d", CHAMP_RECIPROCITY), 0.5 / 3.0);
    champ_ranking_free(r);

    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_reciprocity_prior(o, 0), CHAMP_OK);
    r = rank_or_fail(net, o);
    ck_assert_near(value_of(r, "a", CHAMP_RECIPROCITY), 1 / 3.0);
    ck_assert_near(value_of(r, "c", CHAMP_RECIPROCITY), 0);
    champ_ranking_free(r);
    ck_assert_int_eq(champ_options_set_reciprocity_prior(o, 6), CHAMP_OK);
    r = rank_or_fail(net, o);
    ck_assert_near(value_of(r, "b", CHAMP_RECIPROCITY), (1 + 6 * 0.25) / (1 + 6.0));
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(reach_and_cross_share)
{
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    ck_assert_near(value_of(r, "a", CHAMP_REACH), 1); /* T2 via c; x has no team */
    ck_assert_near(value_of(r, "b", CHAMP_REACH), 0); /* only a, same team */
    ck_assert_near(value_of(r, "c", CHAMP_REACH), 1); /* T1 via a */
    ck_assert_near(value_of(r, "d", CHAMP_REACH), 1); /* unknown team: known teams in T(d) */
    ck_assert_near(value_of(r, "x", CHAMP_REACH), 1);
    /* a: volume b 3 + c 1 + x 1 = 5, of which c (T2) 1 */
    ck_assert_near(diag_of(r, "a", CHAMP_CROSS_SHARE), 0.2);
    ck_assert_near(diag_of(r, "b", CHAMP_CROSS_SHARE), 0);
    ck_assert_near(diag_of(r, "c", CHAMP_CROSS_SHARE), 0.5); /* d's unknown team is not "other" */
    ck_assert(isnan(diag_of(r, "d", CHAMP_CROSS_SHARE)));
    ck_assert(isnan(diag_of(r, "x", CHAMP_CROSS_SHARE)));
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(bridging_exact)
{
    /* Tie graph: b-a-c-d and x-a. Pairs through a: bc bd bx cx dx = 5; through
     * c: da db dx = 3. Normalised by (n-1)(n-2)/2 = 6. */
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    ck_assert(champ_ranking_bridging_exact(r));
    ck_assert_uint_eq(champ_ranking_bridging_sources(r), 5);
    ck_assert_near(value_of(r, "a", CHAMP_BRIDGING), 5 / 6.0);
    ck_assert_near(value_of(r, "c", CHAMP_BRIDGING), 0.5);
    ck_assert_near(value_of(r, "b", CHAMP_BRIDGING), 0);
    ck_assert_near(value_of(r, "x", CHAMP_BRIDGING), 0);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

/* PageRank by power iteration, written here independently of igraph:
 * dangling people spread their rank uniformly, damping 0.85. */
static void power_pagerank(size_t n, const int (*arc)[2], const double *w, size_t m, double *pr)
{
    double out[16] = {0}, next[16];
    for (size_t e = 0; e < m; e++)
        out[arc[e][0]] += w[e];
    for (size_t v = 0; v < n; v++)
        pr[v] = 1.0 / (double)n;
    for (int it = 0; it < 2000; it++) {
        double dangling = 0;
        for (size_t v = 0; v < n; v++)
            dangling += out[v] == 0 ? pr[v] : 0;
        for (size_t v = 0; v < n; v++)
            next[v] = (1 - 0.85) / (double)n + 0.85 * dangling / (double)n;
        for (size_t e = 0; e < m; e++)
            next[arc[e][1]] += 0.85 * pr[arc[e][0]] * w[e] / out[arc[e][0]];
        memcpy(pr, next, n * sizeof *pr);
    }
}

START_TEST(influence_is_weighted_pagerank)
{
    champ_network *net = worked_example();
    champ_ranking *r = rank_or_fail(net, NULL);
    /* people in id order a b c d x = 0..4; arcs with their aggregated w */
    static const int arcs[][2] = {{0, 1}, {1, 0}, {0, 2}, {2, 3}, {4, 0}};
    static const double w[] = {1, 2, 1, 1, 1};
    double pr[5];
    power_pagerank(5, arcs, w, 5, pr);
    const char *ids[] = {"a", "b", "c", "d", "x"};
    double sum = 0;
    for (int v = 0; v < 5; v++) {
        ck_assert_double_eq_tol(value_of(r, ids[v], CHAMP_INFLUENCE), pr[v], 1e-9);
        sum += value_of(r, ids[v], CHAMP_INFLUENCE);
    }
    ck_assert_double_eq_tol(sum, 1.0, 1e-12);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

/* Our PageRank kernel against igraph's PRPACK (the reference) on random
 * weighted networks with people who only receive (dangling), small and
 * large enough for the kernel's threads: within 1e-9 relative. */
START_TEST(influence_matches_prpack)
{
    static const size_t sizes[][2] = {{3, 2}, {60, 300}, {2000, 12000}, {40000, 320000}};
    uint64_t state = 7;
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        size_t n = sizes[k][0], m = sizes[k][1];
        champ_network *net = NULL;
        ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
        char a[24], b[24];
        for (size_t i = 0; i < m; i++) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            size_t from = (state >> 33) % n, to = (state >> 13) % n;
            if (from == to || to % 7 == 3) /* people 3, 10, 17, ... never send: dangling */
                continue;
            snprintf(a, sizeof a, "p%zu", to % 7 == 3 ? from : to);
            snprintf(b, sizeof b, "p%zu", to % 7 == 3 ? to : from);
            double w = 1 + (double)((state >> 50) % 5) * 0.5;
            ck_assert_int_eq(champ_network_add_interaction(net, b, a, NAN, NULL, w), CHAMP_OK);
        }
        champ_options *o = NULL;
        ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
        champ_graph g;
        ck_assert_int_eq(champ__graph_build(&g, net, o), CHAMP_OK);
        double *ours = calloc(g.n, sizeof *ours), *ref = calloc(g.n, sizeof *ref);
        ck_assert_int_eq(champ__influence(&g, ours), CHAMP_OK);
        ck_assert_int_eq(champ__influence_prpack(&g, ref), CHAMP_OK);
        double sum = 0, worst = 0;
        for (size_t v = 0; v < g.n; v++) {
            sum += ours[v];
            double rel = fabs(ours[v] - ref[v]) / ref[v];
            worst = rel > worst ? rel : worst;
        }
        ck_assert_msg(worst <= 1e-9, "%zu people: relative difference %g", g.n, worst);
        ck_assert_double_eq_tol(sum, 1.0, 1e-12);
        /* and again: bit-identical */
        double *again = calloc(g.n, sizeof *again);
        ck_assert_int_eq(champ__influence(&g, again), CHAMP_OK);
        ck_assert_int_eq(memcmp(again, ours, g.n * sizeof *ours), 0);
        free(again);
        free(ours);
        free(ref);
        champ__graph_free(&g);
        champ_options_free(o);
        champ_network_free(net);
    }
}
END_TEST

START_TEST(repeated_interactions_aggregate)
{
    /* Three a->b messages weigh 3; one b->a reaction weighs 0.5 x 2. */
    static const test_interaction ix[] = {
        {"a", "b", 0, NULL, 1, 0}, {"a", "b", 0, "message", 1, 0}, {"a", "b", 0, NULL, 1, 0},
        {"b", "a", 0, "reaction", 2, 0}};
    champ_network *net = build_network(NULL, 0, ix, ARRAY_LEN(ix));
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_type_weight(o, "reaction", 0.5), CHAMP_OK);
    champ_ranking *r = rank_or_fail(net, o);
    ck_assert_near(value_of(r, "a", CHAMP_ACTIVITY), 3);
    ck_assert_near(value_of(r, "b", CHAMP_ACTIVITY), 1);
    ck_assert_near(diag_of(r, "a", CHAMP_TIES), 1);
    ck_assert_near(diag_of(r, "a", CHAMP_MUTUAL), 1);
    ck_assert_near(champ_ranking_summary(r, CHAMP_SUMMARY_INTERACTIONS), 4);
    champ_ranking_free(r);

    /* A type weight of 0 removes the tie it made: b->a no longer counts. */
    ck_assert_int_eq(champ_options_set_type_weight(o, "reaction", 0), CHAMP_OK);
    r = rank_or_fail(net, o);
    ck_assert_near(value_of(r, "b", CHAMP_ACTIVITY), 0);
    ck_assert_near(diag_of(r, "a", CHAMP_MUTUAL), 0);
    ck_assert_near(champ_ranking_summary(r, CHAMP_SUMMARY_MUTUAL_TIES), 0);
    ck_assert_near(champ_ranking_summary(r, CHAMP_SUMMARY_INTERACTIONS), 4);
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(window_keeps_half_open_interval)
{
    /* times 10, 20, 30 and one without a time; window [20, 30) keeps only 20. */
    static const test_interaction ix[] = {
        {"a", "b", 10, NULL, 1, 1}, {"a", "c", 20, NULL, 1, 1}, {"a", "d", 30, NULL, 1, 1},
        {"a", "e", 0, NULL, 1, 0}, {"b", "b", 5, NULL, 1, 1}};
    champ_network *net = build_network(NULL, 0, ix, ARRAY_LEN(ix));
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);

    champ_ranking *r = rank_or_fail(net, o); /* no window: the timeless one counts */
    ck_assert_near(value_of(r, "a", CHAMP_ACTIVITY), 4);
    ck_assert_near(champ_ranking_summary(r, CHAMP_SUMMARY_DROPPED_WINDOW), 0);
    champ_ranking_free(r);

    ck_assert_int_eq(champ_options_set_window(o, 20, 30), CHAMP_OK);
    r = rank_or_fail(net, o);
    ck_assert_near(value_of(r, "a", CHAMP_ACTIVITY), 1);
    ck_assert_near(diag_of(r, "c", CHAMP_RECEIVED), 1);
    ck_assert_near(diag_of(r, "d", CHAMP_RECEIVED), 0);
    ck_assert_near(champ_ranking_summary(r, CHAMP_SUMMARY_INTERACTIONS), 1);
    ck_assert_near(champ_ranking_summary(r, CHAMP_SUMMARY_DROPPED_WINDOW), 3);
    /* the self-interaction at 5 is outside the window and still counted */
    ck_assert_near(champ_ranking_summary(r, CHAMP_SUMMARY_DROPPED_SELF), 1);
    /* people outside the window stay in the network */
    ck_assert_near(champ_ranking_summary(r, CHAMP_SUMMARY_PEOPLE), 5);
    champ_ranking_free(r);

    ck_assert_int_eq(champ_options_set_window(o, NAN, 20), CHAMP_OK); /* open start */
    r = rank_or_fail(net, o);
    ck_assert_near(value_of(r, "a", CHAMP_ACTIVITY), 1);
    ck_assert_near(champ_ranking_summary(r, CHAMP_SUMMARY_DROPPED_WINDOW), 3);
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(audience_reach_counts_people)
{
    /* a talks with two citizens, one visitor and a colleague; b with one citizen. */
    static const test_person people[] = {{"a", "T", NULL},       {"b", "T", NULL},
                                         {"c1", NULL, "citizen"}, {"c2", "T", "citizen"},
                                         {"v", NULL, "visitor"},  {"s", "U", NULL}};
    static const test_interaction ix[] = {{"a", "c1", 0, NULL, 1, 0}, {"c2", "a", 0, NULL, 1, 0},
                                          {"a", "v", 0, NULL, 1, 0},  {"a", "s", 0, NULL, 1, 0},
                                          {"b", "c1", 0, NULL, 1, 0}, {"a", "u", 0, NULL, 1, 0}};
    champ_network *net = build_network(people, ARRAY_LEN(people), ix, ARRAY_LEN(ix));
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    const char *citizens[] = {"citizen"};
    ck_assert_int_eq(champ_options_set_audience_groups(o, citizens, 1), CHAMP_OK);
    champ_ranking *r = rank_or_fail(net, o);
    ck_assert_near(value_of(r, "a", CHAMP_REACH), 2);
    ck_assert_near(value_of(r, "b", CHAMP_REACH), 1);
    champ_ranking_free(r);

    const char *two[] = {"citizen", "visitor"};
    ck_assert_int_eq(champ_options_set_audience_groups(o, two, 2), CHAMP_OK);
    r = rank_or_fail(net, o);
    ck_assert_near(value_of(r, "a", CHAMP_REACH), 3); /* the unlisted u never counts */
    champ_ranking_free(r);

    ck_assert_int_eq(champ_options_set_audience_groups(o, NULL, 0), CHAMP_OK);
    r = rank_or_fail(net, o); /* back to teams: U via s */
    ck_assert_near(value_of(r, "a", CHAMP_REACH), 1);
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(sampled_bridging_is_seeded_and_scaled)
{
    /* A path of 30 people: exact betweenness is known, and every source
     * sampled gives an unbiased share of it. */
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    char a[8], b[8];
    for (int i = 0; i + 1 < 30; i++) {
        snprintf(a, sizeof a, "n%02d", i);
        snprintf(b, sizeof b, "n%02d", i + 1);
        ck_assert_int_eq(champ_network_add_interaction(net, a, b, NAN, NULL, 1), CHAMP_OK);
    }
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_bridging_samples(o, 30), CHAMP_OK);
    champ_ranking *exact = rank_or_fail(net, o);
    ck_assert(champ_ranking_bridging_exact(exact));
    /* n05 on a path of 30: 5 people on one side, 24 on the other */
    ck_assert_near(value_of(exact, "n05", CHAMP_BRIDGING), 5.0 * 24 / (29.0 * 28 / 2));

    ck_assert_int_eq(champ_options_set_bridging_samples(o, 10), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_seed(o, 7), CHAMP_OK);
    champ_ranking *s1 = rank_or_fail(net, o);
    champ_ranking *s2 = rank_or_fail(net, o);
    ck_assert(!champ_ranking_bridging_exact(s1));
    ck_assert_uint_eq(champ_ranking_bridging_sources(s1), 10);
    double total = 0, total_exact = 0;
    for (size_t i = 0; i < 30; i++) {
        const char *id = champ_ranking_id(s1, i);
        ck_assert_double_eq(value_of(s1, id, CHAMP_BRIDGING), value_of(s2, id, CHAMP_BRIDGING));
        total += value_of(s1, id, CHAMP_BRIDGING);
        total_exact += value_of(exact, id, CHAMP_BRIDGING);
    }
    /* Sum over v of the estimate = (n/k) * sum over sampled s of (sum of distances from s - (n-1)) / 2
     * normalised; on a path it stays within a factor of two of the exact total. */
    ck_assert(total > 0.5 * total_exact && total < 2 * total_exact);
    ck_assert_int_eq(champ_options_set_seed(o, 8), CHAMP_OK);
    champ_ranking *s3 = rank_or_fail(net, o);
    int differs = 0;
    for (size_t i = 0; i < 30; i++) {
        const char *id = champ_ranking_id(s1, i);
        differs |= value_of(s1, id, CHAMP_BRIDGING) != value_of(s3, id, CHAMP_BRIDGING);
    }
    ck_assert_msg(differs, "another seed should sample other sources");
    champ_ranking_free(exact);
    champ_ranking_free(s1);
    champ_ranking_free(s2);
    champ_ranking_free(s3);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(sampling_every_source_equals_exact)
{
    /* k = n - 1 sources of n scaled by n/k vs the exact count on a star:
     * the centre's betweenness is the same whichever leaf is left out. */
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    char leaf[8];
    for (int i = 0; i < 6; i++) {
        snprintf(leaf, sizeof leaf, "l%d", i);
        ck_assert_int_eq(champ_network_add_interaction(net, "hub", leaf, NAN, NULL, 1), CHAMP_OK);
    }
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_bridging_samples(o, 6), CHAMP_OK);
    champ_ranking *r = rank_or_fail(net, o);
    /* exact: all C(6,2) = 15 leaf pairs pass the hub, normalised by 6*5/2 = 15 */
    /* sampled with 6 of 7: leaves sampled contribute delta = 5 each, the hub 0:
     * if the hub is left out, 6 leaves x 5 / 2 x 7/6 = 17.5 -> 17.5/15; else
     * 5 leaves x 5 / 2 x 7/6 = 14.58 -> 0.972. */
    double b = value_of(r, "hub", CHAMP_BRIDGING);
    ck_assert_msg(fabs(b - 17.5 / 15) < 1e-12 || fabs(b - 5 * 5 / 2.0 * 7 / 6 / 15) < 1e-12,
                  "hub bridging %g", b);
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(fewer_than_three_people_have_no_bridging)
{
    static const test_interaction ix[] = {{"a", "b", 0, NULL, 1, 0}};
    champ_network *net = build_network(NULL, 0, ix, 1);
    champ_ranking *r = rank_or_fail(net, NULL);
    ck_assert_near(value_of(r, "a", CHAMP_BRIDGING), 0);
    ck_assert_near(value_of(r, "a", CHAMP_INFLUENCE) + value_of(r, "b", CHAMP_INFLUENCE), 1);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(sums_past_the_largest_number_are_refused)
{
    /* Each weight is finite, their sum is not: inf has no place in JSON and
     * would turn PageRank into NaN for everyone. */
    static const test_interaction ix[] = {{"a", "b", 0, NULL, 1e308, 0},
                                          {"a", "b", 0, NULL, 1e308, 0},
                                          {"b", "a", 0, NULL, 1, 0}};
    champ_network *net = build_network(NULL, 0, ix, ARRAY_LEN(ix));
    champ_ranking *r = NULL;
    ck_assert_int_eq(champ_rank(net, NULL, &r), CHAMP_ERR_SCHEMA);
    ck_assert_ptr_null(r);
    ck_assert_str_eq(champ_last_error(), "the weighted interactions of \"a\" add up to more "
                                         "than the largest finite number");
    /* a type weight can do the same to a single interaction */
    static const test_interaction one[] = {{"p", "q", 0, "boost", 1e308, 0}};
    champ_network *single = build_network(NULL, 0, one, 1);
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_type_weight(o, "boost", 10), CHAMP_OK);
    ck_assert_int_eq(champ_rank(single, o, &r), CHAMP_ERR_SCHEMA);
    /* and criterion weights whose sum overflows are refused too */
    ck_assert_int_eq(champ_options_set_type_weight(o, "boost", 1), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_weight(o, CHAMP_REACH, 1e308), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_weight(o, CHAMP_BRIDGING, 1e308), CHAMP_OK);
    ck_assert_int_eq(champ_rank(single, o, &r), CHAMP_ERR_ARGUMENT);
    ck_assert_str_eq(champ_last_error(), "weights: their sum must be a finite number");
    champ_options_free(o);
    champ_network_free(single);
    champ_network_free(net);
}
END_TEST

START_TEST(empty_network_ranks_nobody)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    champ_ranking *r = rank_or_fail(net, NULL);
    ck_assert_uint_eq(champ_ranking_count(r), 0);
    ck_assert_near(champ_ranking_summary(r, CHAMP_SUMMARY_RECIPROCITY), 0);
    ck_assert(isnan(champ_ranking_summary(r, CHAMP_SUMMARY_CROSS_TEAM_SHARE)));
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

static Suite *metrics_suite(void)
{
    Suite *s = suite_create("metrics");
    TCase *tc = tcase_create("criteria");
    tcase_add_test(tc, activity_received_ties_mutual);
    tcase_add_test(tc, reciprocity_with_prior);
    tcase_add_test(tc, reach_and_cross_share);
    tcase_add_test(tc, bridging_exact);
    tcase_add_test(tc, influence_is_weighted_pagerank);
    tcase_add_test(tc, influence_matches_prpack);
    tcase_add_test(tc, repeated_interactions_aggregate);
    tcase_add_test(tc, window_keeps_half_open_interval);
    tcase_add_test(tc, audience_reach_counts_people);
    tcase_add_test(tc, sampled_bridging_is_seeded_and_scaled);
    tcase_add_test(tc, sampling_every_source_equals_exact);
    tcase_add_test(tc, fewer_than_three_people_have_no_bridging);
    tcase_add_test(tc, sums_past_the_largest_number_are_refused);
    tcase_add_test(tc, empty_network_ranks_nobody);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return champ_test_run(metrics_suite());
}
