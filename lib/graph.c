/* Aggregating interactions into ties without an allocation per interaction:
 * one counting sort of half-edges by person, then a sort and merge inside
 * each row. */
#include "graph.h"
#include "errors.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct half_edge {
    uint32_t nbr;
    uint32_t outgoing; /* 1: the row's person acted; 0: was acted upon */
    double w;
} half_edge;

static int by_neighbour(const void *a, const void *b)
{
    const half_edge *x = a, *y = b;
    return (x->nbr > y->nbr) - (x->nbr < y->nbr);
}

static int in_window(const champ_options *o, double t)
{
    if (isnan(o->since) && isnan(o->until))
        return 1;
    if (isnan(t))
        return 0;
    return (isnan(o->since) || o->since <= t) && (isnan(o->until) || t < o->until);
}

/* With a window: the interactions without a time, and the span of the
 * others. */
static void time_span(const champ_network *net, champ_graph *g)
{
    for (size_t i = 0; i < net->interactions; i++) {
        double t = net->time[i];
        if (isnan(t)) {
            g->untimed++;
            continue;
        }
        if (isnan(g->first_time) || t < g->first_time)
            g->first_time = t;
        if (isnan(g->last_time) || t > g->last_time)
            g->last_time = t;
    }
}

/* Weighted value of each kept interaction (0: no tie), counting the window. */
static champ_status interaction_weights(const champ_network *net, const champ_options *o,
                                        champ_graph *g, double **out)
{
    double *mult = malloc((net->types.count ? net->types.count : 1) * sizeof *mult);
    double *w = malloc((net->interactions ? net->interactions : 1) * sizeof *w);
    if (o->type_names.count)
        g->type_count = calloc(net->types.count ? net->types.count : 1, sizeof *g->type_count);
    if (!mult || !w || (o->type_names.count && !g->type_count)) {
        free(mult);
        free(w);
        return champ__nomem();
    }
    if (g->type_count)
        for (size_t i = 0; i < net->interactions; i++)
            g->type_count[net->type[i]]++;
    g->first_time = g->last_time = NAN;
    if (!isnan(o->since) || !isnan(o->until))
        time_span(net, g);
    for (uint32_t k = 0; k < net->types.count; k++)
        mult[k] = champ__options_type_weight(o, champ_strtab_get(&net->types, k),
                                             champ_strtab_len(&net->types, k));
    for (size_t i = 0; i < net->interactions; i++) {
        if (in_window(o, net->time[i])) {
            g->kept++;
            w[i] = net->weight[i] * mult[net->type[i]];
        } else {
            g->dropped_window++;
            w[i] = 0;
        }
    }
    free(mult);
    *out = w;
    return CHAMP_OK;
}

/* Sort row v's half-edges by neighbour and merge repeats into ties. Returns
 * the number of ties; they are written from position `dst` on. */
static size_t merge_row(champ_graph *g, half_edge *row, size_t len, size_t dst)
{
    qsort(row, len, sizeof *row, by_neighbour);
    size_t ties = 0;
    for (size_t i = 0; i < len; i++) {
        if (ties == 0 || g->nbr[dst + ties - 1] != row[i].nbr) {
            g->nbr[dst + ties] = row[i].nbr;
            g->w_out[dst + ties] = 0;
            g->w_in[dst + ties] = 0;
            ties++;
        }
        double *slot = row[i].outgoing ? &g->w_out[dst + ties - 1] : &g->w_in[dst + ties - 1];
        *slot += row[i].w;
    }
    for (size_t t = 0; t < ties; t++)
        g->arcs += g->w_out[dst + t] > 0;
    return ties;
}

champ_status champ__graph_build(champ_graph *g, const champ_network *net,
                                const champ_options *o)
{
    champ_status st = CHAMP_OK;
    double *w = NULL;
    half_edge *half = NULL;
    size_t *fill = NULL;
    memset(g, 0, sizeof *g);
    g->n = net->ids.count;

    if ((st = interaction_weights(net, o, g, &w)))
        goto cleanup;
    size_t halves = 0;
    for (size_t i = 0; i < net->interactions; i++)
        halves += 2 * (w[i] > 0);
    g->start = calloc(g->n + 1, sizeof *g->start);
    fill = calloc(g->n + 1, sizeof *fill);
    half = malloc((halves ? halves : 1) * sizeof *half);
    g->nbr = malloc((halves ? halves : 1) * sizeof *g->nbr);
    g->w_out = malloc((halves ? halves : 1) * sizeof *g->w_out);
    g->w_in = malloc((halves ? halves : 1) * sizeof *g->w_in);
    if (!g->start || !fill || !half || !g->nbr || !g->w_out || !g->w_in) {
        st = champ__nomem();
        goto cleanup;
    }
    /* Counting sort: fill[v + 1] = half-edges of v, then prefix sums. */
    for (size_t i = 0; i < net->interactions; i++) {
        if (w[i] > 0) {
            fill[net->from[i] + 1]++;
            fill[net->to[i] + 1]++;
        }
    }
    for (size_t v = 0; v < g->n; v++)
        fill[v + 1] += fill[v];
    for (size_t i = 0; i < net->interactions; i++) {
        if (w[i] > 0) {
            uint32_t u = net->from[i], v = net->to[i];
            half[fill[u]++] = (half_edge){v, 1, w[i]};
            half[fill[v]++] = (half_edge){u, 0, w[i]};
        }
    }
    /* fill[v] now ends row v, which began where row v - 1 ended. */
    size_t ties = 0, row_begin = 0;
    for (size_t v = 0; v < g->n; v++) {
        g->start[v] = ties;
        ties += merge_row(g, half + row_begin, fill[v] - row_begin, ties);
        row_begin = fill[v];
    }
    g->start[g->n] = ties;

cleanup:
    free(w);
    free(half);
    free(fill);
    if (st)
        champ__graph_free(g);
    return st;
}

void champ__graph_free(champ_graph *g)
{
    free(g->start);
    free(g->nbr);
    free(g->w_out);
    free(g->w_in);
    free(g->type_count);
    memset(g, 0, sizeof *g);
}
