/* Our Brandes kernel (lib/bridging.c) against igraph's own betweenness:
 * exact, and from the same sampled sources; repeatable to the bit with its
 * worker threads; cancellable. */
#include "netbuild.h"
#include "testutil.h"

#include "bridging.h"
#include "graph.h"
#include "options.h"
#include "pool.h"

#include <igraph.h>

/* A random network of n people: each pair tied with probability p (one
 * direction or both), plus `isolated` people with no ties and no team. */
static champ_network *random_network(int n, double p, int isolated, uint64_t seed)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    char a[16], b[16];
    for (int i = 0; i < isolated; i++) {
        snprintf(a, sizeof a, "iso%d", i);
        ck_assert_int_eq(champ_network_add_person(net, a, NULL, NULL), CHAMP_OK);
    }
    uint64_t state = seed;
    char team[16];
    for (int i = 0; i < n; i++) {
        snprintf(a, sizeof a, "p%d", i);
        snprintf(team, sizeof team, "t%d", i % 7);
        /* teams for two in three: the kernel numbers people team by team */
        ck_assert_int_eq(champ_network_add_person(net, a, i % 3 ? team : NULL, NULL), CHAMP_OK);
        for (int j = 0; j < i; j++) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            double x = (double)(state >> 11) / 9007199254740992.0;
            if (x >= p)
                continue;
            snprintf(b, sizeof b, "p%d", j);
            ck_assert_int_eq(champ_network_add_interaction(net, a, b, NAN, NULL, 1), CHAMP_OK);
            if (x < p / 3)
                ck_assert_int_eq(champ_network_add_interaction(net, b, a, NAN, NULL, 1), CHAMP_OK);
        }
    }
    return net;
}

/* p0 - p1 - ... - p(n-1), ties both ways. */
static champ_network *chain_network(int n)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    char a[16], b[16];
    for (int i = 1; i < n; i++) {
        snprintf(a, sizeof a, "p%d", i - 1);
        snprintf(b, sizeof b, "p%d", i);
        ck_assert_int_eq(champ_network_add_interaction(net, a, b, NAN, NULL, 1), CHAMP_OK);
        ck_assert_int_eq(champ_network_add_interaction(net, b, a, NAN, NULL, 1), CHAMP_OK);
    }
    return net;
}

static void build(champ_graph *g, const champ_network *net)
{
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ__graph_build(g, net, o), CHAMP_OK);
    champ_options_free(o);
}

/* igraph's betweenness of the undirected tie graph, from `sources` (NULL:
 * all), normalised as SPEC 4.5 with the n/k scale. */
static void igraph_bridging(const champ_graph *g, const uint32_t *sources, size_t k, double *out)
{
    igraph_vector_int_t edges, src;
    igraph_vector_int_init(&edges, 0);
    for (size_t v = 0; v < g->n; v++)
        for (size_t t = g->start[v]; t < g->start[v + 1]; t++)
            if (g->nbr[t] > v) {
                igraph_vector_int_push_back(&edges, (igraph_integer_t)v);
                igraph_vector_int_push_back(&edges, (igraph_integer_t)g->nbr[t]);
            }
    igraph_t graph;
    igraph_create(&graph, &edges, (igraph_integer_t)g->n, IGRAPH_UNDIRECTED);
    igraph_vector_t result;
    igraph_vector_init(&result, 0);
    if (!sources) {
        igraph_betweenness(&graph, &result, igraph_vss_all(), IGRAPH_UNDIRECTED, NULL);
    } else {
        igraph_vector_int_init(&src, (igraph_integer_t)k);
        for (size_t i = 0; i < k; i++)
            VECTOR(src)[i] = sources[i];
        igraph_betweenness_subset(&graph, &result, igraph_vss_all(), IGRAPH_UNDIRECTED,
                                  igraph_vss_vector(&src), igraph_vss_all(), NULL);
        igraph_vector_int_destroy(&src);
    }
    double n = (double)g->n, scale = sources ? n / (double)k : 1;
    for (size_t v = 0; v < g->n; v++)
        out[v] = VECTOR(result)[v] * scale / ((n - 1) * (n - 2) / 2);
    igraph_vector_destroy(&result);
    igraph_destroy(&graph);
    igraph_vector_int_destroy(&edges);
}

static void assert_close(const double *got, const double *want, size_t n)
{
    for (size_t v = 0; v < n; v++)
        ck_assert_msg(fabs(got[v] - want[v]) <= 1e-12 * fmax(1, fabs(want[v])),
                      "person %zu: %.17g, igraph %.17g", v, got[v], want[v]);
}

/* The loop tests run twice: _i = 0 with passes of CHAMP_BRIDGING_BATCH
 * sources (the ranking's on dense networks), _i = 1 one source at a time
 * (Brandes' algorithm as published; the ranking's on sparse ones). */
static size_t batch_size(int one_at_a_time)
{
    return one_at_a_time ? 1 : CHAMP_BRIDGING_BATCH;
}

START_TEST(the_ranking_batches_dense_networks_only)
{
    /* batch 0 (the ranking's): one source at a time below
     * CHAMP_BRIDGING_DENSE_DEGREE tie ends per person, CHAMP_BRIDGING_BATCH
     * at once from there; the same result either way */
    static const struct { int n; double p; size_t batch; } cases[] = {
        {200, 0.01, 1}, {200, 0.2, CHAMP_BRIDGING_BATCH}};
    for (size_t c = 0; c < ARRAY_LEN(cases); c++) {
        champ_network *net = random_network(cases[c].n, cases[c].p, 0, 3 + c);
        champ_graph g;
        build(&g, net);
        ck_assert((g.counted_ends >= CHAMP_BRIDGING_DENSE_DEGREE * g.n) == (cases[c].batch > 1));
        champ_bridging job;
        ck_assert_int_eq(champ__bridging_prepare(&job, &g, net, 64, 5, CHAMP_ESTIMATE_PIVOTS, 0, NULL),
                         CHAMP_OK);
        ck_assert_uint_eq(job.batch, cases[c].batch);
        champ__bridging_release(&job);
        double *by_rule = calloc(g.n, sizeof *by_rule), *other = calloc(g.n, sizeof *other);
        ck_assert_int_eq(champ__bridging(&g, net, 64, 5, CHAMP_ESTIMATE_PIVOTS, 0, by_rule), CHAMP_OK);
        ck_assert_int_eq(champ__bridging(&g, net, 64, 5, CHAMP_ESTIMATE_PIVOTS,
                                         cases[c].batch > 1 ? 1 : CHAMP_BRIDGING_BATCH, other),
                         CHAMP_OK);
        assert_close(by_rule, other, g.n);
        free(by_rule);
        free(other);
        champ__graph_free(&g);
        champ_network_free(net);
    }
}
END_TEST

START_TEST(exact_equals_igraph)
{
    size_t batch = batch_size(_i);
    static const struct { int n; double p; int isolated; } cases[] = {
        {3, 1, 0}, {40, 0.1, 3}, {120, 0.03, 5}, {400, 0.02, 0},
        /* sparse: long paths, distances listed both ways (by number when
         * large, as found when small) */
        {600, 0.004, 2},
        {150, 0, 0}}; /* p 0: a chain, 150 distances */
    for (size_t c = 0; c < ARRAY_LEN(cases); c++) {
        champ_network *net = cases[c].p > 0
                                 ? random_network(cases[c].n, cases[c].p, cases[c].isolated, 11 + c)
                                 : chain_network(cases[c].n);
        champ_graph g;
        build(&g, net);
        double *ours = calloc(g.n, sizeof *ours), *theirs = calloc(g.n, sizeof *theirs);
        ck_assert_int_eq(champ__bridging(&g, net, g.n, 1, CHAMP_ESTIMATE_PIVOTS, batch, ours), CHAMP_OK);
        igraph_bridging(&g, NULL, 0, theirs);
        assert_close(ours, theirs, g.n);
        free(ours);
        free(theirs);
        champ__graph_free(&g);
        champ_network_free(net);
    }
}
END_TEST

START_TEST(sampled_equals_igraph_from_the_same_sources)
{
    size_t batch = batch_size(_i);
    champ_network *net = random_network(500, 0.015, 4, 5);
    champ_graph g;
    build(&g, net);
    for (size_t k = 1; k <= 64; k *= 4) {
        champ_bridging job;
        ck_assert_int_eq(champ__bridging_prepare(&job, &g, net, k, 1234 + k, CHAMP_ESTIMATE_PIVOTS, batch, NULL), CHAMP_OK);
        /* the job numbers people its own way: map its sources back */
        uint32_t *sources = malloc(k * sizeof *sources);
        for (size_t i = 0; i < k; i++)
            for (uint32_t v = 0; v < g.n; v++)
                if (job.place[v] == job.sources[i])
                    sources[i] = v;
        double *ours = calloc(g.n, sizeof *ours), *theirs = calloc(g.n, sizeof *theirs);
        for (int i = 0; i < CHAMP_BRIDGING_PARTS; i++)
            champ__bridging_part(&job.part[i]);
        champ__bridging_result(&job, ours);
        champ__bridging_release(&job);
        igraph_bridging(&g, sources, k, theirs);
        assert_close(ours, theirs, g.n);
        free(sources);
        free(ours);
        free(theirs);
    }
    champ__graph_free(&g);
    champ_network_free(net);
}
END_TEST

START_TEST(repeatable_to_the_bit_with_threads)
{
    size_t batch = batch_size(_i);
    /* big enough for the worker threads (k x (people + 2 ties) > 1e6) */
    champ_network *net = random_network(900, 0.01, 0, 9);
    champ_graph g;
    build(&g, net);
    double *first = calloc(g.n, sizeof *first), *again = calloc(g.n, sizeof *again);
    ck_assert_int_eq(champ__bridging(&g, net, g.n, 1, CHAMP_ESTIMATE_PIVOTS, batch, first), CHAMP_OK);
    for (int run = 0; run < 3; run++) {
        ck_assert_int_eq(champ__bridging(&g, net, g.n, 1, CHAMP_ESTIMATE_PIVOTS, batch, again), CHAMP_OK);
        ck_assert(memcmp(first, again, g.n * sizeof *first) == 0);
    }
    free(first);
    free(again);
    champ__graph_free(&g);
    champ_network_free(net);
}
END_TEST

static champ_status stop_at_once(void *arg)
{
    (void)arg;
    return CHAMP_ERR_CANCELLED;
}

/* The calling thread's work fails while the parts run on their threads:
 * the run says so, and the parts stop early and are joined. */
START_TEST(stopped_beside_the_parts)
{
    champ_network *net = random_network(900, 0.01, 0, 3);
    champ_graph g;
    build(&g, net);
    champ_bridging job;
    ck_assert_int_eq(champ__bridging_prepare(&job, &g, net, g.n, 1, CHAMP_ESTIMATE_PIVOTS, batch_size(_i), NULL),
                     CHAMP_OK);
    ck_assert(champ__bridging_wants_threads(&job));
    void *parts[CHAMP_BRIDGING_PARTS] = {&job.part[0], &job.part[1]};
    champ_run run = {.jobs = CHAMP_BRIDGING_PARTS, .job = champ__bridging_part, .args = parts,
                     .threads = 1, .beside = stop_at_once, .cancel = &job.cancel};
    ck_assert_int_eq(champ__run(&run), CHAMP_ERR_CANCELLED);
    ck_assert_int_eq(atomic_load(&job.cancel), 1);
    ck_assert_uint_le(atomic_load(&job.done), g.n);
    champ__bridging_release(&job);
    champ__graph_free(&g);
    champ_network_free(net);
}
END_TEST

/* Jobs that get no thread run on the calling thread, after `beside`, with
 * the same results. */
START_TEST(without_threads_the_same)
{
    champ_network *net = random_network(900, 0.01, 0, 4);
    champ_graph g;
    build(&g, net);
    double *threaded = calloc(g.n, sizeof *threaded), *serial = calloc(g.n, sizeof *serial);
    ck_assert_int_eq(champ__bridging(&g, net, g.n, 1, CHAMP_ESTIMATE_PIVOTS, batch_size(_i), threaded), CHAMP_OK);
    champ_bridging job;
    ck_assert_int_eq(champ__bridging_prepare(&job, &g, net, g.n, 1, CHAMP_ESTIMATE_PIVOTS, batch_size(_i), NULL),
                     CHAMP_OK);
    void *parts[CHAMP_BRIDGING_PARTS] = {&job.part[0], &job.part[1]};
    champ_run run = {.jobs = CHAMP_BRIDGING_PARTS, .job = champ__bridging_part, .args = parts,
                     .threads = 0, .cancel = &job.cancel};
    ck_assert_int_eq(champ__run(&run), CHAMP_OK);
    ck_assert_uint_eq(atomic_load(&job.done), g.n);
    champ__bridging_result(&job, serial);
    champ__bridging_release(&job);
    ck_assert(memcmp(threaded, serial, g.n * sizeof *serial) == 0);
    free(threaded);
    free(serial);
    champ__graph_free(&g);
    champ_network_free(net);
}
END_TEST

/* Linear scaling, by its definition: from each source s, every pair (s, t)
 * adds d(s,v)/d(s,t) sigma_sv sigma_vt / sigma_st to each v between them;
 * all-pairs distances and path counts by breadth-first search. */
static void linear_by_definition(const champ_graph *g, const uint32_t *sources, size_t k,
                                 double *out)
{
    size_t n = g->n;
    int *dist = malloc(n * n * sizeof *dist);
    double *sigma = calloc(n * n, sizeof *sigma);
    uint32_t *queue = malloc(n * sizeof *queue);
    ck_assert(dist && sigma && queue);
    for (size_t s = 0; s < n; s++) {
        int *d = dist + s * n;
        double *sg = sigma + s * n;
        for (size_t v = 0; v < n; v++)
            d[v] = -1;
        size_t head = 0, tail = 0;
        d[s] = 0;
        sg[s] = 1;
        queue[tail++] = (uint32_t)s;
        while (head < tail) {
            uint32_t v = queue[head++];
            for (size_t t = g->start[v]; t < g->start[v + 1]; t++) {
                uint32_t c = g->nbr[t];
                if (d[c] < 0) {
                    d[c] = d[v] + 1;
                    queue[tail++] = c;
                }
                if (d[c] == d[v] + 1)
                    sg[c] += sg[v];
            }
        }
    }
    for (size_t v = 0; v < n; v++)
        out[v] = 0;
    for (size_t i = 0; i < k; i++) {
        size_t s = sources[i];
        for (size_t t = 0; t < n; t++) {
            int dst = dist[s * n + t];
            if (t == s || dst < 0)
                continue;
            for (size_t v = 0; v < n; v++) {
                int dsv = dist[s * n + v], dvt = dist[v * n + t];
                if (v == s || v == t || dsv < 0 || dvt < 0 || dsv + dvt != dst)
                    continue;
                out[v] += (double)dsv / dst * sigma[s * n + v] * sigma[v * n + t] /
                          sigma[s * n + t];
            }
        }
    }
    double nn = (double)n;
    for (size_t v = 0; v < n; v++)
        out[v] *= nn / (double)k / ((nn - 1) * (nn - 2) / 2);
    free(dist);
    free(sigma);
    free(queue);
}

/* Sampled linear scaling equals its definition from the same sources, in
 * either kernel. */
START_TEST(linear_scaling_by_its_definition)
{
    size_t batch = batch_size(_i);
    champ_network *net = random_network(120, 0.04, 3, 17);
    champ_graph g;
    build(&g, net);
    for (size_t k = 1; k <= 40; k *= 3) {
        champ_bridging job;
        ck_assert_int_eq(champ__bridging_prepare(&job, &g, net, k, 77 + k,
                                                 CHAMP_ESTIMATE_LINEAR, batch, NULL), CHAMP_OK);
        uint32_t *sources = malloc(k * sizeof *sources);
        for (size_t i = 0; i < k; i++)
            for (uint32_t v = 0; v < g.n; v++)
                if (job.place[v] == job.sources[i])
                    sources[i] = v;
        double *ours = calloc(g.n, sizeof *ours), *want = calloc(g.n, sizeof *want);
        for (int i = 0; i < CHAMP_BRIDGING_PARTS; i++)
            champ__bridging_part(&job.part[i]);
        champ__bridging_result(&job, ours);
        champ__bridging_release(&job);
        linear_by_definition(&g, sources, k, want);
        size_t nonzero = 0;
        for (size_t v = 0; v < g.n; v++) {
            ck_assert_msg(fabs(ours[v] - want[v]) <= 1e-12 * fmax(1e-3, fabs(want[v])),
                          "k %zu, person %zu: %.17g, by definition %.17g", k, v, ours[v],
                          want[v]);
            nonzero += want[v] > 0;
        }
        ck_assert_uint_gt(nonzero, 10);
        free(sources);
        free(ours);
        free(want);
    }
    champ__graph_free(&g);
    champ_network_free(net);
}
END_TEST

/* From every person, linear scaling counts each pair once over its two
 * directions: exact betweenness, as igraph's. */
START_TEST(linear_scaling_from_everyone_is_exact)
{
    size_t batch = batch_size(_i);
    champ_network *net = random_network(200, 0.03, 2, 23);
    champ_graph g;
    build(&g, net);
    double *ours = calloc(g.n, sizeof *ours), *theirs = calloc(g.n, sizeof *theirs);
    ck_assert_int_eq(champ__bridging(&g, net, g.n, 1, CHAMP_ESTIMATE_LINEAR, batch, ours),
                     CHAMP_OK);
    igraph_bridging(&g, NULL, 0, theirs);
    assert_close(ours, theirs, g.n);
    free(ours);
    free(theirs);
    champ__graph_free(&g);
    champ_network_free(net);
}
END_TEST

/* Through the options: the estimate is read back, refused when unknown,
 * said by the ranking (pivots when exact), and changes sampled bridging. */
START_TEST(the_estimate_as_an_option)
{
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_get_bridging_estimate(o), CHAMP_ESTIMATE_PIVOTS);
    ck_assert_int_eq(champ_options_get_bridging_estimate(NULL), CHAMP_ESTIMATE_PIVOTS);
    ck_assert_str_eq(champ_estimate_name(CHAMP_ESTIMATE_PIVOTS), "pivots");
    ck_assert_str_eq(champ_estimate_name(CHAMP_ESTIMATE_LINEAR), "linear");
    ck_assert_ptr_null(champ_estimate_name((champ_estimate)CHAMP_ESTIMATE_COUNT));
    ck_assert_int_eq(champ_options_set_bridging_estimate(o, (champ_estimate)2),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_str_eq(champ_last_error(), "bridging_estimate: unknown estimate 2");
    ck_assert_int_eq(champ_options_set_bridging_estimate(NULL, CHAMP_ESTIMATE_LINEAR),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_options_get_bridging_estimate(o), CHAMP_ESTIMATE_PIVOTS);
    champ_network *net = random_network(300, 0.05, 0, 11);
    champ_ranking *exact = NULL, *pivots = NULL, *linear = NULL, *exact_linear = NULL;
    ck_assert_int_eq(champ_rank(net, o, &exact), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_bridging_estimate(o, CHAMP_ESTIMATE_LINEAR), CHAMP_OK);
    ck_assert_int_eq(champ_options_get_bridging_estimate(o), CHAMP_ESTIMATE_LINEAR);
    ck_assert_int_eq(champ_rank(net, o, &exact_linear), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_bridging_samples(o, 24), CHAMP_OK);
    ck_assert_int_eq(champ_rank(net, o, &linear), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_bridging_estimate(o, CHAMP_ESTIMATE_PIVOTS), CHAMP_OK);
    ck_assert_int_eq(champ_rank(net, o, &pivots), CHAMP_OK);
    ck_assert(champ_ranking_bridging_exact(exact) && champ_ranking_bridging_exact(exact_linear));
    ck_assert_int_eq(champ_ranking_bridging_estimate(exact_linear), CHAMP_ESTIMATE_PIVOTS);
    ck_assert_int_eq(champ_ranking_bridging_estimate(linear), CHAMP_ESTIMATE_LINEAR);
    ck_assert_int_eq(champ_ranking_bridging_estimate(pivots), CHAMP_ESTIMATE_PIVOTS);
    ck_assert_int_eq(champ_ranking_bridging_estimate(NULL), CHAMP_ESTIMATE_PIVOTS);
    size_t differ = 0;
    for (size_t i = 0; i < champ_ranking_count(exact); i++) {
        /* exact is exact under either estimate, to the bit */
        ck_assert(champ_ranking_value(exact, i, CHAMP_BRIDGING) ==
                  champ_ranking_value(exact_linear, i, CHAMP_BRIDGING));
        differ += champ_ranking_value(linear, i, CHAMP_BRIDGING) !=
                  champ_ranking_value(pivots, i, CHAMP_BRIDGING);
    }
    ck_assert_uint_gt(differ, 100);
    champ_ranking_free(exact);
    champ_ranking_free(exact_linear);
    champ_ranking_free(linear);
    champ_ranking_free(pivots);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(source_counts_follow_spec_3)
{
    champ_network *net = random_network(50, 0.2, 0, 1);
    champ_graph g;
    build(&g, net);
    ck_assert_uint_eq(champ__bridging_sources(&g, 0), 50);   /* small: exact */
    ck_assert_uint_eq(champ__bridging_sources(&g, 10), 10);
    ck_assert_uint_eq(champ__bridging_sources(&g, 500), 50);
    champ__graph_free(&g);
    champ_network_free(net);
}
END_TEST

/* The same network with its people listed in the opposite order: the
 * sampled sources are drawn by id, so bridging is the same person by
 * person (to the last bits: the people are numbered otherwise). */
static champ_network *listed_backwards(int n, uint64_t seed)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    char a[16], b[16], team[16];
    for (int i = n - 1; i >= 0; i--) {
        snprintf(a, sizeof a, "p%d", i);
        snprintf(team, sizeof team, "t%d", i % 7);
        ck_assert_int_eq(champ_network_add_person(net, a, i % 3 ? team : NULL, NULL), CHAMP_OK);
    }
    champ_network *forward = random_network(n, 0.05, 0, seed);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_int_eq(champ_network_write(forward, CHAMP_INPUT_JSONL, f), CHAMP_OK);
    ck_assert_int_eq(fclose(f), 0);
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        if (sscanf(line, "{\"from\":\"%15[^\"]\",\"to\":\"%15[^\"]\"", a, b) == 2)
            ck_assert_int_eq(champ_network_add_interaction(net, a, b, NAN, NULL, 1), CHAMP_OK);
    }
    ck_assert_uint_eq(champ_network_interaction_count(net),
                      champ_network_interaction_count(forward));
    free(buf);
    champ_network_free(forward);
    return net;
}

START_TEST(sampled_sources_follow_ids_not_order)
{
    champ_network *forward = random_network(300, 0.05, 0, 11);
    champ_network *backward = listed_backwards(300, 11);
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_bridging_samples(o, 24), CHAMP_OK);
    champ_ranking *a = NULL, *b = NULL;
    ck_assert_int_eq(champ_rank(forward, o, &a), CHAMP_OK);
    ck_assert_int_eq(champ_rank(backward, o, &b), CHAMP_OK);
    ck_assert(!champ_ranking_bridging_exact(a));
    size_t differ = 0;
    for (size_t i = 0; i < champ_ranking_count(a); i++) {
        size_t j = 0;
        ck_assert_int_eq(champ_ranking_find(b, champ_ranking_id(a, i), &j), CHAMP_OK);
        double x = champ_ranking_value(a, i, CHAMP_BRIDGING);
        double y = champ_ranking_value(b, j, CHAMP_BRIDGING);
        ck_assert_msg(fabs(x - y) <= 1e-12 * fmax(fabs(x), fabs(y)), "%s: %.17g, then %.17g",
                      champ_ranking_id(a, i), x, y);
        differ += x != 0;
    }
    ck_assert_uint_gt(differ, 100); /* most people bridge someone */
    champ_ranking_free(a);
    champ_ranking_free(b);
    champ_options_free(o);
    champ_network_free(forward);
    champ_network_free(backward);
}
END_TEST

static Suite *bridging_suite(void)
{
    Suite *s = suite_create("bridging");
    TCase *tc = tcase_create("bridging");
    tcase_add_loop_test(tc, exact_equals_igraph, 0, 2);
    tcase_add_test(tc, the_ranking_batches_dense_networks_only);
    tcase_add_loop_test(tc, sampled_equals_igraph_from_the_same_sources, 0, 2);
    tcase_add_loop_test(tc, repeatable_to_the_bit_with_threads, 0, 2);
    tcase_add_loop_test(tc, stopped_beside_the_parts, 0, 2);
    tcase_add_loop_test(tc, without_threads_the_same, 0, 2);
    tcase_add_loop_test(tc, linear_scaling_by_its_definition, 0, 2);
    tcase_add_loop_test(tc, linear_scaling_from_everyone_is_exact, 0, 2);
    tcase_add_test(tc, the_estimate_as_an_option);
    tcase_add_test(tc, source_counts_follow_spec_3);
    tcase_add_test(tc, sampled_sources_follow_ids_not_order);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return champ_test_run(bridging_suite());
}
