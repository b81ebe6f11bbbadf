/* igraph behind one lock. While we hold the lock our error handler is
 * installed (igraph's default aborts the host process) and warnings are
 * silenced; the host's own handlers are put back before we release it.
 *
 * Debian's igraph runs PRPACK with OpenMP, whose parallel sums differ in
 * the last bits from run to run (measured: 1e-14 to 3e-13 relative). A
 * ranking must be repeatable, so igraph runs on one OpenMP thread here; the
 * calling thread's setting is put back afterwards. */
#include "centrality.h"
#include "errors.h"

#include <igraph.h>
#include <omp.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define AUTO_SAMPLES 256
#define EXACT_BUDGET 1e9 /* people x tie pairs (SPEC 3) */

static pthread_mutex_t igraph_lock = PTHREAD_MUTEX_INITIALIZER;
/* Written by on_error only while igraph_lock is held. */
static char igraph_reason[512];

static void on_error(const char *reason, const char *file, int line, igraph_error_t err)
{
    (void)file;
    (void)line;
    (void)err;
    /* IGRAPH_CHECK calls the handler again, with an empty reason, at every
     * level it unwinds through: keep the first, real reason. */
    if (!igraph_reason[0] && reason && reason[0])
        snprintf(igraph_reason, sizeof igraph_reason, "%s", reason);
    IGRAPH_FINALLY_FREE();
}

static void on_warning(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

typedef struct igraph_session {
    igraph_error_handler_t *old_error;
    igraph_warning_handler_t *old_warning;
    int old_threads;
} igraph_session;

static void session_begin(igraph_session *s)
{
    pthread_mutex_lock(&igraph_lock);
    s->old_error = igraph_set_error_handler(on_error);
    s->old_warning = igraph_set_warning_handler(on_warning);
    s->old_threads = omp_get_max_threads();
    omp_set_num_threads(1);
    igraph_reason[0] = '\0';
}

/* Ends the session; turns igraph's code into ours, with the reason. */
static champ_status session_end(igraph_session *s, igraph_error_t err, const char *what)
{
    champ_status st = CHAMP_OK;
    if (err == IGRAPH_ENOMEM)
        st = champ__nomem();
    else if (err != IGRAPH_SUCCESS)
        st = champ__fail(CHAMP_ERR_INTERNAL, "%s: igraph: %s", what,
                         igraph_reason[0] ? igraph_reason : igraph_strerror(err));
    omp_set_num_threads(s->old_threads);
    igraph_set_error_handler(s->old_error);
    igraph_set_warning_handler(s->old_warning);
    pthread_mutex_unlock(&igraph_lock);
    return st;
}

/* Edge list for igraph: directed arcs v -> u with w(v,u) > 0, or each tie
 * once (v < u) for the undirected tie graph. */
static igraph_error_t make_graph(igraph_t *graph, igraph_vector_t *weights,
                                 const champ_graph *g, int directed)
{
    igraph_vector_int_t edges;
    size_t count = directed ? g->arcs : g->start[g->n] / 2;
    IGRAPH_CHECK(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * count)));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
    if (weights)
        IGRAPH_CHECK(igraph_vector_resize(weights, (igraph_integer_t)count));
    size_t e = 0;
    for (size_t v = 0; v < g->n; v++) {
        for (size_t t = g->start[v]; t < g->start[v + 1]; t++) {
            uint32_t u = g->nbr[t];
            if (directed ? g->w_out[t] <= 0 : u < v)
                continue;
            VECTOR(edges)[2 * e] = (igraph_integer_t)v;
            VECTOR(edges)[2 * e + 1] = (igraph_integer_t)u;
            if (weights)
                VECTOR(*weights)[e] = g->w_out[t];
            e++;
        }
    }
    IGRAPH_CHECK(igraph_create(graph, &edges, (igraph_integer_t)g->n, directed));
    igraph_vector_int_destroy(&edges);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static igraph_error_t pagerank(const champ_graph *g, double *influence)
{
    igraph_t graph;
    igraph_vector_t weights, result;
    IGRAPH_VECTOR_INIT_FINALLY(&weights, 0);
    IGRAPH_VECTOR_INIT_FINALLY(&result, 0);
    IGRAPH_CHECK(make_graph(&graph, &weights, g, 1));
    IGRAPH_FINALLY(igraph_destroy, &graph);
    IGRAPH_CHECK(igraph_pagerank(&graph, IGRAPH_PAGERANK_ALGO_PRPACK, &result, NULL,
                                 igraph_vss_all(), IGRAPH_DIRECTED, 0.85, &weights, NULL));
    memcpy(influence, VECTOR(result), g->n * sizeof *influence);
    igraph_destroy(&graph);
    igraph_vector_destroy(&result);
    igraph_vector_destroy(&weights);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

champ_status champ__influence(const champ_graph *g, double *influence)
{
    if (g->n == 0)
        return CHAMP_OK;
    igraph_session s;
    session_begin(&s);
    igraph_error_t err = pagerank(g, influence);
    return session_end(&s, err, "influence");
}

/* splitmix64: a small, well-mixed generator of our own, so that sampling
 * never touches igraph's process-global RNG. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, bound) without modulo bias. */
static uint64_t random_below(uint64_t *state, uint64_t bound)
{
    uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    uint64_t r;
    do
        r = next_random(state);
    while (r >= limit);
    return r % bound;
}

/* k distinct sources, uniformly: the first k of a partial Fisher-Yates
 * shuffle of 0..n-1 seeded with `seed`. */
static igraph_error_t draw_sources(igraph_vector_int_t *sources, size_t n, size_t k,
                                   uint64_t seed)
{
    igraph_integer_t *perm = malloc(n * sizeof *perm);
    IGRAPH_CHECK_OOM(perm, "sampling bridging sources");
    uint64_t state = seed;
    for (size_t i = 0; i < n; i++)
        perm[i] = (igraph_integer_t)i;
    for (size_t i = 0; i < k; i++) {
        size_t j = i + (size_t)random_below(&state, n - i);
        igraph_integer_t tmp = perm[i];
        perm[i] = perm[j];
        perm[j] = tmp;
    }
    igraph_error_t err = igraph_vector_int_resize(sources, (igraph_integer_t)k);
    if (err == IGRAPH_SUCCESS)
        memcpy(VECTOR(*sources), perm, k * sizeof *perm);
    free(perm);
    return err;
}

/* Betweenness on the undirected tie graph from `k` sources (all when k == n),
 * scaled to the estimate of SPEC 4.5 and normalised. */
static igraph_error_t betweenness(const champ_graph *g, size_t k, uint64_t seed, double *out)
{
    igraph_t graph;
    igraph_vector_t result;
    igraph_vector_int_t sources;
    IGRAPH_VECTOR_INIT_FINALLY(&result, 0);
    IGRAPH_CHECK(igraph_vector_int_init(&sources, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &sources);
    IGRAPH_CHECK(make_graph(&graph, NULL, g, 0));
    IGRAPH_FINALLY(igraph_destroy, &graph);
    double scale;
    if (k >= g->n) {
        IGRAPH_CHECK(igraph_betweenness(&graph, &result, igraph_vss_all(), IGRAPH_UNDIRECTED,
                                        NULL));
        scale = 1.0;
    } else {
        IGRAPH_CHECK(draw_sources(&sources, g->n, k, seed));
        /* For undirected graphs igraph halves the subset sum: it returns
         * sum over s in S of delta_s(v) / 2, the form of SPEC 4.5. */
        IGRAPH_CHECK(igraph_betweenness_subset(&graph, &result, igraph_vss_all(),
                                               IGRAPH_UNDIRECTED,
                                               igraph_vss_vector(&sources), igraph_vss_all(),
                                               NULL));
        scale = (double)g->n / (double)k;
    }
    double pairs = ((double)g->n - 1) * ((double)g->n - 2) / 2;
    for (size_t v = 0; v < g->n; v++)
        out[v] = VECTOR(result)[v] * scale / pairs;
    igraph_destroy(&graph);
    igraph_vector_int_destroy(&sources);
    igraph_vector_destroy(&result);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

champ_status champ__bridging(const champ_graph *g, size_t samples, uint64_t seed,
                             double *bridging, int *exact, size_t *sources)
{
    size_t tie_pairs = g->start[g->n] / 2;
    size_t k = samples;
    if (k == 0)
        k = (double)g->n * (double)tie_pairs <= EXACT_BUDGET ? g->n : AUTO_SAMPLES;
    if (k > g->n)
        k = g->n;
    *exact = k == g->n;
    *sources = k;
    if (g->n < 3) {
        memset(bridging, 0, g->n * sizeof *bridging);
        return CHAMP_OK;
    }
    igraph_session s;
    session_begin(&s);
    igraph_error_t err = betweenness(g, k, seed, bridging);
    return session_end(&s, err, "bridging");
}
