/* SPEC 6: calls on distinct handles are safe from several threads at once.
 * Four threads rank four distinct networks, many times over, and must get
 * exactly the single-threaded results; error messages stay per thread. */
#include "netbuild.h"
#include "testutil.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define THREADS 4
#define ROUNDS 6

/* A seeded random network with teams, big enough that igraph works a while. */
static champ_network *random_network(uint64_t seed, size_t people, size_t interactions)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    char id[32], other[32], team[16];
    for (size_t p = 0; p < people; p++) {
        snprintf(id, sizeof id, "p%zu", p);
        snprintf(team, sizeof team, "t%zu", p % 7);
        ck_assert_int_eq(champ_network_add_person(net, id, team, NULL), CHAMP_OK);
    }
    uint64_t s = seed;
    for (size_t i = 0; i < interactions; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t a = (size_t)(s >> 33) % people;
        size_t b = (size_t)(s >> 13) % people;
        snprintf(id, sizeof id, "p%zu", a);
        snprintf(other, sizeof other, "p%zu", b);
        ck_assert_int_eq(champ_network_add_interaction(net, id, other, (double)i, NULL,
                                                       1 + (double)(s % 3)), CHAMP_OK);
    }
    return net;
}

typedef struct job {
    champ_network *net;
    champ_options *opts;
    champ_ranking *serial;
    int mismatches;
    int failures;
    int message_ok;
} job;

static int same_ranking(const champ_ranking *a, const champ_ranking *b)
{
    if (champ_ranking_count(a) != champ_ranking_count(b))
        return 0;
    for (size_t i = 0; i < champ_ranking_count(a); i++) {
        if (strcmp(champ_ranking_id(a, i), champ_ranking_id(b, i)) != 0)
            return 0;
        for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
            if (champ_ranking_value(a, i, (champ_criterion)c) !=
                champ_ranking_value(b, i, (champ_criterion)c))
                return 0;
    }
    return 1;
}

static void *work(void *arg)
{
    job *j = arg;
    for (int round = 0; round < ROUNDS; round++) {
        champ_ranking *r = NULL;
        if (champ_rank(j->net, j->opts, &r) != CHAMP_OK) {
            j->failures++;
            continue;
        }
        j->mismatches += !same_ranking(r, j->serial);
        champ_ranking_free(r);
        /* an error on this thread must leave a message for this thread only */
        char label[32];
        snprintf(label, sizeof label, "nobody-%p", (void *)j);
        size_t at;
        champ_ranking_find(j->serial, label, &at);
        j->message_ok += strstr(champ_last_error(), label) != NULL;
    }
    return NULL;
}

START_TEST(distinct_networks_in_parallel_match_serial)
{
    job jobs[THREADS];
    pthread_t threads[THREADS];
    for (int t = 0; t < THREADS; t++) {
        memset(&jobs[t], 0, sizeof jobs[t]);
        jobs[t].net = random_network(1000 + (uint64_t)t, 1000 + 100 * (size_t)t, 12000);
        ck_assert_int_eq(champ_options_new(&jobs[t].opts), CHAMP_OK);
        if (t % 2) /* half of them sample bridging sources */
            ck_assert_int_eq(champ_options_set_bridging_samples(jobs[t].opts, 40), CHAMP_OK);
        jobs[t].serial = rank_or_fail(jobs[t].net, jobs[t].opts);
    }
    for (int t = 0; t < THREADS; t++)
        ck_assert_int_eq(pthread_create(&threads[t], NULL, work, &jobs[t]), 0);
    for (int t = 0; t < THREADS; t++)
        ck_assert_int_eq(pthread_join(threads[t], NULL), 0);
    for (int t = 0; t < THREADS; t++) {
        ck_assert_int_eq(jobs[t].failures, 0);
        ck_assert_int_eq(jobs[t].mismatches, 0);
        ck_assert_int_eq(jobs[t].message_ok, ROUNDS);
        champ_ranking_free(jobs[t].serial);
        champ_options_free(jobs[t].opts);
        champ_network_free(jobs[t].net);
    }
}
END_TEST

static Suite *threads_suite(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("threads");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, distinct_networks_in_parallel_match_serial);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return champ_test_run(threads_suite());
}
