/* PageRank through igraph's PRPACK, behind one lock: the reference our
 * own kernel (lib/pagerank.c) is checked against in the metrics suite.
 * The library itself no longer calls igraph (it was its PageRank until
 * issue 15). While we hold the lock our error handler is installed
 * (igraph's default aborts the process) and warnings are silenced; the
 * previous handlers are put back before we release it.
 *
 * Debian's igraph runs PRPACK with OpenMP, whose parallel sums differ in
 * the last bits from run to run (measured: 1e-14 to 3e-13 relative), so
 * igraph runs on one OpenMP thread here; the calling thread's setting is
 * put back afterwards. */
#include "prpack.h"
#include "errors.h"

#include <igraph.h>
#include <omp.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

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

/* Edge list for igraph: the directed arcs v -> u with w(v,u) > 0. */
static igraph_error_t make_graph(igraph_t *graph, igraph_vector_t *weights,
                                 const champ_graph *g)
{
    igraph_vector_int_t edges;
    size_t count = g->arcs;
    IGRAPH_CHECK(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * count)));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
    IGRAPH_CHECK(igraph_vector_resize(weights, (igraph_integer_t)count));
    size_t e = 0;
    for (size_t v = 0; v < g->n; v++) {
        for (size_t t = g->start[v]; t < g->start[v + 1]; t++) {
            uint32_t u = g->nbr[t];
            if (g->w_out[t] <= 0)
                continue;
            VECTOR(edges)[2 * e] = (igraph_integer_t)v;
            VECTOR(edges)[2 * e + 1] = (igraph_integer_t)u;
            VECTOR(*weights)[e] = g->w_out[t];
            e++;
        }
    }
    IGRAPH_CHECK(igraph_create(graph, &edges, (igraph_integer_t)g->n, IGRAPH_DIRECTED));
    igraph_vector_int_destroy(&edges);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static igraph_error_t pagerank(const champ_graph *g, double *influence)
{
    igraph_t graph;
    igraph_vector_t weights, result;
    IGRAPH_VECTOR_INIT_FINALLY(&weights, 0);
    /* Sized now: after PRPACK has solved, igraph resizes the result to n,
     * and if that allocated and failed it would return without freeing
     * PRPACK's result (igraph 0.10, igraph_i_personalized_pagerank_prpack). */
    IGRAPH_VECTOR_INIT_FINALLY(&result, (igraph_integer_t)g->n);
    IGRAPH_CHECK(make_graph(&graph, &weights, g));
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

champ_status champ__influence_prpack(const champ_graph *g, double *influence)
{
    if (g->n == 0)
        return CHAMP_OK;
    igraph_session s;
    session_begin(&s);
    igraph_error_t err = pagerank(g, influence);
    return session_end(&s, err, "influence");
}
