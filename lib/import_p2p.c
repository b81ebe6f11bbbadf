/* A Viva Insights person-to-person query (CSV): one interaction per row,
 * from PrimaryCollaborator_PersonId to SecondaryCollaborator_PersonId, at
 * MetricDate, weighing 1 or the value of a metric column; every person in
 * the query is listed (group "staff") with the team of an HR attribute. */
#include "import.h"
#include "errors.h"
#include "text.h"
#include "timeparse.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PRIMARY "PrimaryCollaborator_"
#define SECONDARY "SecondaryCollaborator_"

/* Each person's team, from their latest row: a person moves between teams
 * from month to month, and the latest is the one a programme acts on. Kept
 * per person of the network (every person of a query is one), so that an
 * id is looked up once per row, in the network's table. */
typedef struct p2p {
    champ_network *net;
    champ_strtab teams;
    double *when;     /* per person: the MetricDate their team was read at; NAN: not yet */
    uint32_t *team;   /* per person: index in teams, CHAMP_NONE when unknown */
    size_t cap;
    /* The last MetricDate read, and its time: a query repeats one date for
     * a whole period of rows (parsing each was 13 % of an import). */
    char date[16];
    size_t date_len;
    double date_time;
} p2p;

static void p2p_free(p2p *p)
{
    champ_strtab_clear(&p->teams);
    free(p->when);
    free(p->team);
}

/* Person v was seen at `when` in team `team` (absent: unknown). */
static champ_status seen(p2p *p, uint32_t v, double when, champ_str team)
{
    if (v >= p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 1024;
        while (cap <= v)
            cap *= 2;
        double *w = realloc(p->when, cap * sizeof *w);
        if (w)
            p->when = w;
        uint32_t *t = w ? realloc(p->team, cap * sizeof *t) : NULL;
        if (!t)
            return champ__nomem();
        p->team = t;
        for (size_t i = p->cap; i < cap; i++)
            p->when[i] = NAN;
        p->cap = cap;
    }
    /* a row without a date counts as earlier than every dated one */
    double at = isnan(when) ? -INFINITY : when;
    if (!isnan(p->when[v]) && at < p->when[v])
        return CHAMP_OK;
    uint32_t t = CHAMP_NONE;
    if (team.len && champ_strtab_intern(&p->teams, team.s, team.len, &t, NULL))
        return champ__nomem();
    p->when[v] = at;
    p->team[v] = t;
    return CHAMP_OK;
}

/* A row: both people seen with their teams, and an interaction unless its
 * weight is 0 (counted as dropped_zero). */
static champ_status add_row(void *ctx, const champ_row *row)
{
    p2p *p = ctx;
    uint32_t u, v;
    champ_status st;
    if ((st = champ__network_intern_id(p->net, &row->id[0], &u)) ||
        (st = champ__network_intern_id(p->net, &row->id[1], &v)) ||
        (st = seen(p, u, row->time, row->text[0])) || (st = seen(p, v, row->time, row->text[1])))
        return st;
    if (row->weight == 0) {
        p->net->dropped_zero++;
        return CHAMP_OK;
    }
    return champ__network_add_between(p->net, u, v, row->time, (champ_str){NULL, 0},
                                      row->weight);
}

/* A MetricDate's text as a time (metric_date). */
static champ_status parse_date(const champ_table *t, size_t column, champ_str text, double *out)
{
    int m = 0, d = 0, y = 0, n = 0;
    char us[16], iso[32];
    /* sscanf wants a C string; the cell is a span of the input */
    if (text.len <= 10)
        memcpy(us, text.s, text.len);
    us[text.len <= 10 ? text.len : 0] = '\0';
    if (text.len <= 10 && sscanf(us, "%2d/%2d/%4d%n", &m, &d, &y, &n) == 3 &&
        (size_t)n == text.len && y >= 1000) {
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
        if (champ__parse_time_text(iso, strlen(iso), out) == CHAMP_OK)
            return CHAMP_OK;
    } else if (champ__parse_time_text(text.s, text.len, out) == CHAMP_OK) {
        return CHAMP_OK;
    }
    char quoted[CHAMP_EXCERPT_MAX + 4];
    champ__excerpt(quoted, text.s, text.len);
    return champ__table_at(t, column,
                           champ__fail(CHAMP_ERR_SCHEMA, "expected a date (2026-03-01 or "
                                       "3/1/2026), got \"%s\"", quoted));
}

/* MetricDate: an ISO date (2026-03-01) or the US form Viva Insights
 * writes (3/1/2026), 00:00 UTC; a full RFC 3339 date-time too. */
static champ_status metric_date(p2p *p, const champ_table *t, size_t column, double *out)
{
    champ_str text;
    champ_status st = champ__table_text(t, column, &text);
    *out = NAN;
    if (st || !text.len)
        return st;
    if (text.len == p->date_len && memcmp(text.s, p->date, text.len) == 0) {
        *out = p->date_time;
        return CHAMP_OK;
    }
    if ((st = parse_date(t, column, text, out)))
        return st;
    if (text.len < sizeof p->date) {
        memcpy(p->date, text.s, text.len);
        p->date_len = text.len;
        p->date_time = *out;
    }
    return CHAMP_OK;
}


/* The columns of the query. */
typedef struct p2p_columns {
    size_t primary, secondary, date, weight, primary_team, secondary_team;
} p2p_columns;

static champ_status find_columns(const champ_table *t, const champ_read_options *ro,
                                 p2p_columns *c)
{
    champ_status st;
    c->weight = c->date = c->primary_team = c->secondary_team = SIZE_MAX;
    if ((st = champ__table_require(t, PRIMARY "PersonId", "the person acting", NULL,
                                   &c->primary)) ||
        (st = champ__table_require(t, SECONDARY "PersonId", "the person acted upon", NULL,
                                   &c->secondary)))
        return st;
    c->date = champ__table_find(t, "MetricDate");
    if (ro->weight_column &&
        (st = champ__table_require(t, ro->weight_column, "the weight",
                                   "name a metric column of the query (weight column)",
                                   &c->weight)))
        return st;
    const char *hrvar = champ_read_options_get_hrvar(ro);
    char primary[256], secondary[256];
    snprintf(primary, sizeof primary, PRIMARY "%s", hrvar);
    snprintf(secondary, sizeof secondary, SECONDARY "%s", hrvar);
    c->primary_team = champ__table_find(t, primary);
    c->secondary_team = champ__table_find(t, secondary);
    /* Without the default attribute the query has no teams; an attribute
     * asked for by name must be there. */
    if (ro->hrvar && c->primary_team == SIZE_MAX)
        return champ__table_require(t, primary, "the teams",
                                    "name an HR attribute of the query (hrvar)",
                                    &c->primary_team);
    if (ro->hrvar && c->secondary_team == SIZE_MAX)
        return champ__table_require(t, secondary, "the teams",
                                    "name an HR attribute of the query (hrvar)",
                                    &c->secondary_team);
    return CHAMP_OK;
}

static champ_status read_row(p2p *p, champ_holder *h, const champ_table *t,
                             const p2p_columns *c)
{
    champ_row row;
    champ_status st;
    if ((st = champ__table_id(t, c->primary, &row.id[0])) ||
        (st = champ__table_id(t, c->secondary, &row.id[1])) ||
        (st = champ__table_text(t, c->primary_team, &row.text[0])) ||
        (st = champ__table_text(t, c->secondary_team, &row.text[1])) ||
        (st = metric_date(p, t, c->date, &row.time)) ||
        (st = champ__table_weight(t, c->weight, 1, &row.weight)))
        return st;
    row.type = (champ_str){NULL, 0};
    return champ__holder_push(h, &row, champ__table_row_in_place(t));
}

/* Every person of the query, listed with their latest team. */
static champ_status list_people(p2p *p)
{
    champ_network *net = p->net;
    for (uint32_t v = 0; v < net->ids.count; v++) {
        champ_id id;
        champ__id_init(&id, (champ_str){champ_strtab_get(&net->ids, v),
                                        champ_strtab_len(&net->ids, v)});
        uint32_t t = p->team[v];
        champ_str team = t == CHAMP_NONE ? (champ_str){NULL, 0}
                                         : (champ_str){champ_strtab_get(&p->teams, t),
                                                       champ_strtab_len(&p->teams, t)};
        champ_status st = champ__network_put_person(net, &id, team, (champ_str){NULL, 0});
        if (st)
            return st;
    }
    return CHAMP_OK;
}

champ_status champ__import_p2p(champ_network *net, const champ_file *f,
                               const champ_read_options *ro)
{
    champ_table t;
    champ_status st = champ__table_open(&t, f);
    if (st)
        return st;
    p2p p;
    memset(&p, 0, sizeof p);
    p.net = net;
    champ_strtab_init(&p.teams);
    champ_holder h;
    champ__holder_init(&h, net, add_row, &p);
    p2p_columns c;
    size_t rows = 0;
    int r;
    net->skips_zero = 1;
    if (!(st = find_columns(&t, ro, &c)))
        while ((r = champ__table_next(&t, &st)) > 0 &&
               !(st = champ__table_progress(&t, ro, &rows)) && !(st = read_row(&p, &h, &t, &c)))
            ;
    if (!st && !(st = champ__holder_flush(&h)))
        st = list_people(&p);
    if (!st && !net->interactions && !net->dropped_self && net->dropped_zero) {
        char quoted[CHAMP_EXCERPT_MAX + 4];
        champ__excerpt(quoted, t.header[c.weight], strlen(t.header[c.weight]));
        st = champ__fail(CHAMP_ERR_SCHEMA, "no interactions: every row has a weight of 0 in "
                         "\"%s\"", quoted);
    }
    if (!st)
        st = champ__need_interactions(net, "the query has a header and no rows");
    p2p_free(&p);
    champ__table_close(&t);
    return st;
}
