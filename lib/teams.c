/* The team table (SPEC 10.3): team-level figures that never show a team of
 * fewer listed people than the minimum group size. Small teams are pooled
 * as "(small teams)"; when the pool itself would be small, the smallest
 * teams join it, so that no team's figures can be worked out by
 * subtracting the others from the network's totals. */
#include "ranking.h"
#include "errors.h"
#include "options.h"
#include "out.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char POOL_NAME[] = CHAMP_TEAM_POOL_NAME;
static const char NO_TEAM_NAME[] = CHAMP_TEAM_NO_TEAM_NAME;

/* Candidate rows before pooling: a team (or the people without one) and
 * its listed people. */
typedef struct unit {
    uint32_t team; /* team index, or CHAMP_TEAM_NO_TEAM */
    size_t listed;
    const char *name;
} unit;

static int by_name(const void *a, const void *b)
{
    const unit *x = a, *y = b;
    /* "(no team)" after every named team */
    if ((x->team == CHAMP_TEAM_NO_TEAM) != (y->team == CHAMP_TEAM_NO_TEAM))
        return x->team == CHAMP_TEAM_NO_TEAM ? 1 : -1;
    return strcmp(x->name, y->name);
}

/* Smallest first, by name among equals: the order in which shown teams
 * join a pool that is too small. */
static int by_size(const void *a, const void *b)
{
    const unit *x = a, *y = b;
    if (x->listed != y->listed)
        return x->listed < y->listed ? -1 : 1;
    return by_name(a, b);
}

champ_status champ__teams_compute(champ_ranking *r, const champ_options *o)
{
    size_t teams = r->teams.count, slots = teams + 1; /* slot `teams`: no team */
    size_t min = o->min_group_size;
    size_t *listed = calloc(slots, sizeof *listed);
    unit *shown = malloc(slots * sizeof *shown), *pool = malloc(slots * sizeof *pool);
    uint32_t *row_of_slot = malloc(slots * sizeof *row_of_slot);
    r->row_of = malloc((r->n ? r->n : 1) * sizeof *r->row_of);
    r->team_row = malloc((slots + 1) * sizeof *r->team_row);
    r->min_group_size = min;
    champ_status st = CHAMP_OK;
    if (!listed || !shown || !pool || !row_of_slot || !r->row_of || !r->team_row) {
        st = champ__nomem();
        goto cleanup;
    }
    for (uint32_t v = 0; v < r->n; v++)
        if (r->group[v] != CHAMP_NONE)
            listed[r->team[v] == CHAMP_NONE ? teams : r->team[v]]++;
    size_t count = 0, pooled = 0, pool_people = 0;
    for (size_t k = 0; k < slots; k++) {
        if (!listed[k])
            continue;
        unit u = {k == teams ? CHAMP_TEAM_NO_TEAM : (uint32_t)k, listed[k],
                  k == teams ? NO_TEAM_NAME : champ_strtab_get(&r->teams, (uint32_t)k)};
        if (u.listed < min) {
            pool[pooled++] = u;
            pool_people += u.listed;
        } else {
            shown[count++] = u;
        }
    }
    /* A pool too small to show takes the smallest shown teams. */
    if (pooled && pool_people < min && count) {
        qsort(shown, count, sizeof *shown, by_size);
        size_t taken = 0;
        while (taken < count && pool_people < min) {
            pool_people += shown[taken].listed;
            pool[pooled++] = shown[taken++];
        }
        memmove(shown, shown + taken, (count - taken) * sizeof *shown);
        count -= taken;
    }
    qsort(shown, count, sizeof *shown, by_name);
    for (size_t k = 0; k < count; k++) {
        r->team_row[k] = shown[k].team;
        row_of_slot[shown[k].team == CHAMP_TEAM_NO_TEAM ? teams : shown[k].team] = (uint32_t)k;
    }
    for (size_t k = 0; k < pooled; k++)
        row_of_slot[pool[k].team == CHAMP_TEAM_NO_TEAM ? teams : pool[k].team] = (uint32_t)count;
    r->team_rows = count;
    if (pooled)
        r->team_row[r->team_rows++] = CHAMP_TEAM_POOL;
    r->pooled_teams = 0; /* named teams only: the people without one are no team */
    for (size_t k = 0; k < pooled; k++)
        r->pooled_teams += pool[k].team != CHAMP_TEAM_NO_TEAM;
    r->pool_people = pool_people;
    for (uint32_t v = 0; v < r->n; v++)
        r->row_of[v] = r->group[v] == CHAMP_NONE
                           ? CHAMP_NONE
                           : row_of_slot[r->team[v] == CHAMP_NONE ? teams : r->team[v]];

cleanup:
    free(listed);
    free(shown);
    free(pool);
    free(row_of_slot);
    return st;
}

/* ---- getters ------------------------------------------------------------ */

size_t champ_ranking_min_group_size(const champ_ranking *r)
{
    return r ? r->min_group_size : 0;
}

size_t champ_ranking_team_count(const champ_ranking *r)
{
    return r ? r->team_rows : 0;
}

const char *champ_ranking_team_name(const champ_ranking *r, size_t k)
{
    if (!r || k >= r->team_rows)
        return NULL;
    uint32_t team = r->team_row[k];
    return team == CHAMP_TEAM_POOL      ? POOL_NAME
           : team == CHAMP_TEAM_NO_TEAM ? NO_TEAM_NAME
                                        : champ_strtab_get(&r->teams, team);
}

int champ_ranking_team_pooled(const champ_ranking *r, size_t k)
{
    return r && k < r->team_rows && r->team_row[k] == CHAMP_TEAM_POOL;
}

/* The pool's figures are withheld when it holds too few people. */
static int withheld(const champ_ranking *r, size_t k)
{
    return r->team_row[k] == CHAMP_TEAM_POOL && r->pool_people < r->min_group_size;
}

champ_status champ_ranking_team_table(const champ_ranking *r, size_t top, champ_team_item item,
                                      double *out)
{
    if (!r || !out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_team_table: %s is NULL",
                           r ? "out" : "ranking");
    if ((unsigned)item >= CHAMP_TEAM_ITEM_COUNT)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_team_table: no item %d",
                           (int)item);
    for (size_t k = 0; k < r->team_rows; k++)
        out[k] = 0;
    if (item == CHAMP_TEAM_TEAMS) {
        for (size_t k = 0; k < r->team_rows; k++)
            out[k] = r->team_row[k] == CHAMP_TEAM_POOL      ? (double)r->pooled_teams
                     : r->team_row[k] == CHAMP_TEAM_NO_TEAM ? 0
                                                            : 1;
        return CHAMP_OK;
    }
    for (uint32_t v = 0; v < r->n; v++) {
        if (r->row_of[v] == CHAMP_NONE)
            continue;
        int counts = item == CHAMP_TEAM_LISTED ||
                     (r->eligible[v] && (item == CHAMP_TEAM_ELIGIBLE || top == 0 ||
                                         r->rank[v] <= top));
        out[r->row_of[v]] += counts;
    }
    for (size_t k = 0; k < r->team_rows; k++)
        if (withheld(r, k))
            out[k] = NAN;
    return CHAMP_OK;
}

/* ---- the writers ---------------------------------------------------------- */

typedef struct teams_job {
    const champ_ranking *r;
    champ_format format;
    size_t top;
    double *figure[CHAMP_TEAM_ITEM_COUNT];
} teams_job;

static void put_figure(champ_out *o, double x, int json)
{
    if (!isnan(x))
        champ__out_number(o, x);
    else if (json)
        champ__out_puts(o, "null");
}

static void teams_body(champ_out *o, void *arg)
{
    const teams_job *job = arg;
    const champ_ranking *r = job->r;
    int json = job->format == CHAMP_FORMAT_JSON;
    if (json) {
        champ__out_puts(o, "{\"version\":");
        champ__out_json_string(o, champ_version());
        champ__out_puts(o, ",\"min_group_size\":");
        champ__out_number(o, (double)r->min_group_size);
        champ__out_puts(o, ",\"top\":");
        champ__out_number(o, (double)job->top);
        champ__out_puts(o, ",\"teams\":[");
    } else {
        champ__out_puts(o, "team,pooled");
        for (int item = 0; item < CHAMP_TEAM_ITEM_COUNT; item++) {
            champ__out_putc(o, ',');
            champ__out_puts(o, champ_team_item_name((champ_team_item)item));
        }
        champ__out_puts(o, "\r\n");
    }
    for (size_t k = 0; k < r->team_rows; k++) {
        const char *name = champ_ranking_team_name(r, k);
        const char *pooled = champ_ranking_team_pooled(r, k) ? "true" : "false";
        if (json) {
            champ__out_puts(o, k ? ",{\"team\":" : "{\"team\":");
            champ__out_json_string(o, name);
            champ__out_puts(o, ",\"pooled\":");
            champ__out_puts(o, pooled);
        } else {
            champ__out_csv_string(o, name);
            champ__out_putc(o, ',');
            champ__out_puts(o, pooled);
        }
        for (int item = 0; item < CHAMP_TEAM_ITEM_COUNT; item++) {
            if (json) {
                champ__out_puts(o, ",\"");
                champ__out_puts(o, champ_team_item_name((champ_team_item)item));
                champ__out_puts(o, "\":");
            } else {
                champ__out_putc(o, ',');
            }
            put_figure(o, job->figure[item][k], json);
        }
        champ__out_puts(o, json ? "}" : "\r\n");
    }
    if (json)
        champ__out_puts(o, "]}\n");
}

/* The table's figures for the writer, or an error for bad arguments
 * (`has_out`: the stream or the callback is there). */
static champ_status teams_prepare(teams_job *job, const champ_ranking *r, champ_format format,
                                  size_t top, int has_out)
{
    memset(job, 0, sizeof *job);
    if (!r || !has_out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_write_teams: %s is NULL",
                           r ? "the output" : "ranking");
    if (format != CHAMP_FORMAT_JSON && format != CHAMP_FORMAT_CSV)
        return champ__fail(CHAMP_ERR_ARGUMENT,
                           "champ_ranking_write_teams: the team table is written as json or "
                           "csv, not %s",
                           champ_format_name(format) ? champ_format_name(format) : "that");
    *job = (teams_job){r, format, top, {NULL}};
    for (int item = 0; item < CHAMP_TEAM_ITEM_COUNT; item++) {
        if (!(job->figure[item] = malloc((r->team_rows ? r->team_rows : 1) * sizeof(double))))
            return champ__nomem();
        champ_ranking_team_table(r, top, (champ_team_item)item, job->figure[item]);
    }
    return CHAMP_OK;
}

static void teams_release(teams_job *job)
{
    for (int item = 0; item < CHAMP_TEAM_ITEM_COUNT; item++)
        free(job->figure[item]);
}

champ_status champ_ranking_write_teams_to(const champ_ranking *r, champ_format format,
                                          size_t top, champ_write_fn fn, void *user)
{
    teams_job job;
    champ_status st = teams_prepare(&job, r, format, top, fn != NULL);
    if (!st)
        st = champ__write(fn, user, teams_body, &job);
    teams_release(&job);
    return st;
}

champ_status champ_ranking_write_teams(const champ_ranking *r, champ_format format, size_t top,
                                       FILE *stream)
{
    teams_job job;
    champ_status st = teams_prepare(&job, r, format, top, stream != NULL);
    if (!st)
        st = champ__write_stream(stream, teams_body, &job);
    teams_release(&job);
    return st;
}
