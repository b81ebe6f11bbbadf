/* Influence (SPEC 4.6): PageRank of the weighted directed graph, damping
 * 0.85, a person without outgoing weight spreading theirs over everyone --
 * what igraph's PRPACK computes, which stays the checked reference
 * (tests/prpack.c in the metrics suite, and the agree test).
 *
 * Our own kernel because PRPACK cost 25.7 s of a 95 s ranking at 1M
 * people / 20M interactions on one core (docs/performance.md, issue 15):
 * a power iteration that pulls along the in-arcs of a compact CSR built
 * once (source, transition probability), the rows split in two fixed
 * parts run on both cores. Every sum runs in a fixed order and the parts
 * are fixed in advance, so the result is bit-identical however the
 * threads ran. It stops when an iteration moves the vector by less than
 * PAGERANK_TOLERANCE in L1; the error left is then at most
 * d / (1 - d) times that (5.7e-13), below PRPACK's own 1e-10. */
#include "centrality.h"
#include "errors.h"
#include "pool.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define PAGERANK_DAMPING 0.85
#define PAGERANK_TOLERANCE 1e-13
/* An iteration shrinks the change by d = 0.85: 1e-13 is reached in ~185;
 * the cap only guards against a non-finite input. */
#define PAGERANK_MAX_ITERATIONS 1000
/* Below this many arcs the threads cost more than they save. */
#define PAGERANK_THREADED_ARCS 200000
#define PAGERANK_PARTS 2

typedef struct pagerank {
    size_t n;
    size_t *in_start;   /* n + 1 offsets into in_src/in_p */
    uint32_t *in_src;   /* u with w(u, v) > 0, in row v */
    double *in_p;       /* w(u, v) / (u's outgoing weight) */
    unsigned char *dangling; /* no outgoing weight */
    double *x, *next;
    double base;        /* (1 - d) / n + d * (dangling mass) / n, this iteration */
} pagerank;

typedef struct pagerank_part {
    pagerank *pr;
    size_t lo, hi;      /* rows */
    double change, dangling; /* this iteration's sums over the rows */
} pagerank_part;

static void iterate_part(void *arg)
{
    pagerank_part *part = arg;
    const pagerank *pr = part->pr;
    double change = 0, dangling = 0;
    for (size_t v = part->lo; v < part->hi; v++) {
        double sum = 0;
        for (size_t t = pr->in_start[v]; t < pr->in_start[v + 1]; t++)
            sum += pr->in_p[t] * pr->x[pr->in_src[t]];
        double x = pr->base + PAGERANK_DAMPING * sum;
        pr->next[v] = x;
        change += fabs(x - pr->x[v]);
        if (pr->dangling[v])
            dangling += x;
    }
    part->change = change;
    part->dangling = dangling;
}

/* The in-arc CSR and the first vector (uniform). */
static champ_status prepare(pagerank *pr, const champ_graph *g)
{
    size_t n = g->n;
    double *out_weight = calloc(n, sizeof *out_weight);
    pr->n = n;
    pr->in_start = malloc((n + 1) * sizeof *pr->in_start);
    pr->in_src = malloc((g->arcs ? g->arcs : 1) * sizeof *pr->in_src);
    pr->in_p = malloc((g->arcs ? g->arcs : 1) * sizeof *pr->in_p);
    pr->dangling = malloc(n);
    pr->x = malloc(n * sizeof *pr->x);
    pr->next = malloc(n * sizeof *pr->next);
    if (!out_weight || !pr->in_start || !pr->in_src || !pr->in_p || !pr->dangling || !pr->x ||
        !pr->next) {
        free(out_weight);
        return champ__nomem();
    }
    for (size_t v = 0; v < n; v++)
        for (size_t t = g->start[v]; t < g->start[v + 1]; t++)
            out_weight[v] += g->w_out[t];
    size_t a = 0;
    for (size_t v = 0; v < n; v++) {
        pr->in_start[v] = a;
        for (size_t t = g->start[v]; t < g->start[v + 1]; t++) {
            uint32_t u = g->nbr[t];
            if (g->w_in[t] > 0) {
                pr->in_src[a] = u;
                pr->in_p[a] = g->w_in[t] / out_weight[u];
                a++;
            }
        }
        pr->dangling[v] = !(out_weight[v] > 0);
        pr->x[v] = 1.0 / (double)n;
    }
    pr->in_start[n] = a;
    free(out_weight);
    return CHAMP_OK;
}

static void release(pagerank *pr)
{
    free(pr->in_start);
    free(pr->in_src);
    free(pr->in_p);
    free(pr->dangling);
    free(pr->x);
    free(pr->next);
}

/* Two parts of about equal work (rows + arcs), fixed by the graph alone. */
static void split(pagerank_part *parts, pagerank *pr)
{
    size_t n = pr->n, total = n + pr->in_start[n], lo = 0;
    for (int k = 0; k < PAGERANK_PARTS; k++) {
        size_t want = total / PAGERANK_PARTS * (size_t)(k + 1), hi = lo;
        if (k == PAGERANK_PARTS - 1)
            hi = n;
        else
            while (hi < n && hi + pr->in_start[hi] < want)
                hi++;
        parts[k] = (pagerank_part){pr, lo, hi, 0, 0};
        lo = hi;
    }
}

champ_status champ__influence(const champ_graph *g, double *influence)
{
    size_t n = g->n;
    if (n == 0)
        return CHAMP_OK;
    pagerank pr = {0};
    champ_status st = prepare(&pr, g);
    if (st) {
        release(&pr);
        return st;
    }
    pagerank_part parts[PAGERANK_PARTS];
    void *args[PAGERANK_PARTS];
    split(parts, &pr);
    for (int k = 0; k < PAGERANK_PARTS; k++)
        args[k] = &parts[k];
    double dangling = 0;
    for (size_t v = 0; v < n; v++)
        dangling += pr.dangling[v] ? pr.x[v] : 0;
    atomic_int cancel = 0;
    champ_run run = {.jobs = PAGERANK_PARTS,
                     .job = iterate_part,
                     .args = args,
                     .threads = pr.in_start[n] >= PAGERANK_THREADED_ARCS,
                     .cancel = &cancel};
    for (int i = 0; i < PAGERANK_MAX_ITERATIONS && !st; i++) {
        pr.base = (1 - PAGERANK_DAMPING) / (double)n + PAGERANK_DAMPING * dangling / (double)n;
        if ((st = champ__run(&run)))
            break;
        double change = 0;
        dangling = 0;
        for (int k = 0; k < PAGERANK_PARTS; k++) {
            change += parts[k].change;
            dangling += parts[k].dangling;
        }
        double *swap = pr.x;
        pr.x = pr.next;
        pr.next = swap;
        if (!(change >= PAGERANK_TOLERANCE)) /* converged, or not a number */
            break;
    }
    if (!st) {
        double sum = 0;
        for (size_t v = 0; v < n; v++)
            sum += pr.x[v];
        for (size_t v = 0; v < n; v++)
            influence[v] = pr.x[v] / sum;
    }
    release(&pr);
    return st;
}
