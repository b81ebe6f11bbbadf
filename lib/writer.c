/* The writers of a ranking: JSON and CSV of the people, GEXF and GraphML of
 * the tie graph. One walk over a person's fields serves every format and
 * the headers and attribute declarations, so they can never disagree on
 * the fields or their order. Numbers are written in the shortest form that
 * reads back to the same double. */
#include "ranking.h"
#include "errors.h"
#include "out.h"
#include "pool.h"
#include "text.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Order of the criterion values in a person's record (docs/format.md). */
static const champ_criterion VALUE_ORDER[CHAMP_CRITERION_COUNT] = {
    CHAMP_ACTIVITY, CHAMP_RECIPROCITY, CHAMP_REACH, CHAMP_BRIDGING, CHAMP_INFLUENCE};

typedef enum sink_mode {
    SINK_JSON,
    SINK_CSV,
    SINK_CSV_HEADER,
    SINK_GEXF,          /* a node's <attvalue>s */
    SINK_GEXF_DECL,     /* the <attribute> declarations */
    SINK_GRAPHML,       /* a node's <data> */
    SINK_GRAPHML_DECL   /* the <key> declarations */
} sink_mode;

typedef enum attr_type { T_STRING, T_BOOL, T_INT, T_DOUBLE } attr_type;

typedef enum value_kind { V_NULL, V_NUMBER, V_BOOL, V_STRING } value_kind;

typedef struct value {
    value_kind kind;
    double x;
    const char *text;
} value;

typedef struct sink {
    champ_out *o;
    sink_mode mode;
    int first;         /* no separator before the next field */
    const char *group; /* flat names of nested keys ("pct_") */
    int index;         /* the attribute's number (GEXF, GraphML) */
    char *text;        /* the explanation being written, grown as needed */
    size_t text_cap;
    int fixed_text;    /* a part's (on a thread): text is never grown */
    int cut;           /* fixed_text: an explanation did not fit */
} sink;

static value number_or_null(double x)
{
    return isnan(x) ? (value){V_NULL, 0, NULL} : (value){V_NUMBER, x, NULL};
}

static value text_or_null(const char *text)
{
    return text ? (value){V_STRING, 0, text} : (value){V_NULL, 0, NULL};
}

/* ---- escaping --------------------------------------------------------------- */

/* Text for XML 1.0 (an attribute value or element content): the five
 * markup characters escaped; control characters, which XML 1.0 cannot
 * hold at all, as U+FFFD. */
static void put_xml_text(champ_out *o, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': champ__out_puts(o, "&amp;"); break;
        case '<': champ__out_puts(o, "&lt;"); break;
        case '>': champ__out_puts(o, "&gt;"); break;
        case '"': champ__out_puts(o, "&quot;"); break;
        case '\'': champ__out_puts(o, "&apos;"); break;
        default:
            if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
                champ__out_puts(o, "\xEF\xBF\xBD");
            else
                champ__out_putc(o, (char)*p);
        }
    }
}

static void put_value(champ_out *o, sink_mode mode, value v)
{
    switch (v.kind) {
    case V_NULL:
        if (mode == SINK_JSON)
            champ__out_puts(o, "null");
        break;
    case V_NUMBER:
        champ__out_number(o, v.x);
        break;
    case V_BOOL:
        champ__out_puts(o, v.x != 0 ? "true" : "false");
        break;
    case V_STRING:
        if (mode == SINK_JSON)
            champ__out_json_string(o, v.text);
        else if (mode == SINK_CSV)
            champ__out_csv_string(o, v.text);
        else
            put_xml_text(o, v.text);
        break;
    }
}

/* ---- one field, in every format ----------------------------------------------- */

static const char *gexf_type(attr_type t)
{
    static const char *const names[] = {"string", "boolean", "integer", "double"};
    return names[t];
}

static const char *graphml_type(attr_type t)
{
    static const char *const names[] = {"string", "boolean", "long", "double"};
    return names[t];
}

static void put_name(sink *s, const char *key)
{
    if (s->group)
        champ__out_puts(s->o, s->group);
    champ__out_puts(s->o, key);
}

/* JSON: the separator and "key": (the value is the caller's). */
static void json_key(sink *s, const char *key)
{
    if (!s->first)
        champ__out_putc(s->o, ',');
    s->first = 0;
    champ__out_putc(s->o, '"');
    champ__out_puts(s->o, key);
    champ__out_write(s->o, "\":", 2);
}

static void field(sink *s, const char *key, attr_type type, value v)
{
    champ_out *o = s->o;
    char number[24];
    switch (s->mode) {
    case SINK_JSON:
        json_key(s, key);
        put_value(o, s->mode, v);
        return;
    case SINK_CSV:
    case SINK_CSV_HEADER:
        if (!s->first)
            champ__out_putc(o, ',');
        s->first = 0;
        if (s->mode == SINK_CSV_HEADER)
            put_name(s, key);
        else
            put_value(o, s->mode, v);
        return;
    case SINK_GEXF_DECL:
    case SINK_GRAPHML_DECL:
        snprintf(number, sizeof number, "%d", s->index++);
        champ__out_puts(o, s->mode == SINK_GEXF_DECL ? "      <attribute id=\""
                                                     : "  <key id=\"d");
        champ__out_puts(o, number);
        champ__out_puts(o, s->mode == SINK_GEXF_DECL ? "\" title=\""
                                                     : "\" for=\"node\" attr.name=\"");
        put_name(s, key);
        champ__out_puts(o, s->mode == SINK_GEXF_DECL ? "\" type=\"" : "\" attr.type=\"");
        champ__out_puts(o, s->mode == SINK_GEXF_DECL ? gexf_type(type) : graphml_type(type));
        champ__out_puts(o, "\"/>\n");
        return;
    case SINK_GEXF:
    case SINK_GRAPHML:
        snprintf(number, sizeof number, "%d", s->index++);
        if (v.kind == V_NULL) /* XML has no null: the attribute is left out */
            return;
        if (s->mode == SINK_GEXF) {
            champ__out_puts(o, "          <attvalue for=\"");
            champ__out_puts(o, number);
            champ__out_puts(o, "\" value=\"");
            put_value(o, s->mode, v);
            champ__out_puts(o, "\"/>\n");
        } else {
            champ__out_puts(o, "      <data key=\"d");
            champ__out_puts(o, number);
            champ__out_puts(o, "\">");
            put_value(o, s->mode, v);
            champ__out_puts(o, "</data>\n");
        }
        return;
    }
}

static int is_xml(const sink *s)
{
    return s->mode >= SINK_GEXF;
}

/* The percentiles: a nested object (null when ineligible) in JSON, flat
 * pct_* fields elsewhere. */
static void field_percentiles(sink *s, const champ_ranking *r, size_t i)
{
    if (s->mode == SINK_JSON) {
        json_key(s, "percentiles");
        if (!champ_ranking_eligible(r, i)) {
            champ__out_puts(s->o, "null");
            return;
        }
        champ__out_putc(s->o, '{');
        s->first = 1;
    } else {
        s->group = "pct_";
    }
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        field(s, champ_criterion_name((champ_criterion)c), T_DOUBLE,
              number_or_null(champ_ranking_percentile(r, i, (champ_criterion)c)));
    if (s->mode == SINK_JSON)
        champ__out_putc(s->o, '}');
    s->group = NULL;
}

/* The flags: a list of names in JSON, the names joined by ';' elsewhere. */
static void field_flags(sink *s, const champ_ranking *r, size_t i)
{
    unsigned flags = champ_ranking_flags(r, i);
    char joined[CHAMP_FLAG_COUNT * 16] = "";
    if (s->mode == SINK_JSON)
        json_key(s, "flags");
    if (s->mode == SINK_JSON)
        champ__out_putc(s->o, '[');
    for (int f = 0, first = 1; f < CHAMP_FLAG_COUNT; f++) {
        if (!(flags & (1u << f)))
            continue;
        const char *name = champ_flag_name((champ_flag)f);
        if (s->mode == SINK_JSON) {
            if (!first)
                champ__out_putc(s->o, ',');
            champ__out_json_string(s->o, name);
        } else {
            if (!first)
                strcat(joined, ";");
            strcat(joined, name);
        }
        first = 0;
    }
    if (s->mode == SINK_JSON)
        champ__out_putc(s->o, ']');
    else
        field(s, "flags", T_STRING, (value){V_STRING, 0, joined});
}

/* The explanation (English), null for a person who is not eligible. */
static void field_explanation(sink *s, const champ_ranking *r, size_t i)
{
    value v = {V_NULL, 0, NULL};
    size_t len;
    if (champ_ranking_eligible(r, i)) {
        if (s->fixed_text ? champ__explain_fixed(r, r->order[i], CHAMP_LANGUAGE_EN, s->text,
                                                 s->text_cap, &len) != 0
                          : champ__explain_into(r, r->order[i], CHAMP_LANGUAGE_EN, &s->text,
                                                &s->text_cap, &len) != CHAMP_OK) {
            if (s->fixed_text)
                s->cut = 1;
            else
                champ__out_nomem(s->o);
        } else {
            v = (value){V_STRING, 0, s->text};
        }
    }
    field(s, "explanation", T_STRING, v);
}

/* With confidence: an object (null when not eligible) in JSON, flat
 * rank_low, rank_high and top_share fields elsewhere. */
static void field_confidence(sink *s, const champ_ranking *r, size_t i)
{
    size_t low = 0, high = 0;
    double share = NAN;
    int known = champ_ranking_interval(r, i, &low, &high, &share);
    if (s->mode == SINK_JSON) {
        json_key(s, "confidence");
        if (!known) {
            champ__out_puts(s->o, "null");
            return;
        }
        champ__out_putc(s->o, '{');
        s->first = 1;
    }
    field(s, "rank_low", T_INT, number_or_null(known ? (double)low : NAN));
    field(s, "rank_high", T_INT, number_or_null(known ? (double)high : NAN));
    field(s, "top_share", T_DOUBLE, number_or_null(share));
    if (s->mode == SINK_JSON)
        champ__out_putc(s->o, '}');
}

/* Whole numbers among the criteria and diagnostics. */
static attr_type count_type(int is_count)
{
    return is_count ? T_INT : T_DOUBLE;
}

/* The fields of the person at output position i, in the documented order.
 * Only getters are used, so an i out of range (headers, declarations)
 * reads nothing. In XML the id is the node's own, not an attribute. */
static void put_person(sink *s, const champ_ranking *r, size_t i)
{
    int eligible = champ_ranking_eligible(r, i);
    s->first = 1;
    s->index = 0;
    if (!is_xml(s))
        field(s, "id", T_STRING, text_or_null(champ_ranking_id(r, i)));
    field(s, "team", T_STRING, text_or_null(champ_ranking_team(r, i)));
    field(s, "group", T_STRING, text_or_null(champ_ranking_group(r, i)));
    field(s, "listed", T_BOOL, (value){V_BOOL, champ_ranking_listed(r, i), NULL});
    field(s, "eligible", T_BOOL, (value){V_BOOL, eligible, NULL});
    field(s, "rank", T_INT, number_or_null(eligible ? (double)champ_ranking_rank(r, i) : NAN));
    field(s, "score", T_DOUBLE, number_or_null(champ_ranking_score(r, i)));
    for (int k = 0; k < CHAMP_CRITERION_COUNT; k++)
        field(s, champ_criterion_name(VALUE_ORDER[k]), count_type(VALUE_ORDER[k] == CHAMP_REACH),
              number_or_null(champ_ranking_value(r, i, VALUE_ORDER[k])));
    for (int d = 0; d < CHAMP_DIAGNOSTIC_COUNT; d++)
        field(s, champ_diagnostic_name((champ_diagnostic)d),
              count_type(d == CHAMP_TIES || d == CHAMP_MUTUAL),
              number_or_null(champ_ranking_diagnostic(r, i, (champ_diagnostic)d)));
    field_percentiles(s, r, i);
    field_flags(s, r, i);
    field_explanation(s, r, i);
    if (champ_ranking_resamples(r))
        field_confidence(s, r, i);
}

/* ---- JSON and CSV ---------------------------------------------------------------- */

/* People are written by rank, but their data lies by person: on a large
 * network each field of each person is a cache miss, and with a few
 * thousand instructions of writing between them they come one at a time.
 * Reading the fields of the next PEOPLE_AHEAD people first, in a loop
 * that does nothing else, lets those misses overlap (loads, not prefetch
 * hints: the hints were measured to change nothing here). */
#define PEOPLE_AHEAD 256

static void touch_people(const champ_ranking *r, size_t from, size_t to)
{
    double sum = 0;
    size_t bits = 0;
    for (size_t i = from; i < to && i < r->n; i++) {
        uint32_t v = r->order[i];
        bits += (unsigned char)r->ids.arena[r->ids.offset[v]] + r->eligible[v] + r->rank[v] +
                r->team[v] + r->group[v] + r->flags[v];
        if (r->resamples)
            sum += r->rank_low[v] + r->rank_high[v] + r->tier[v] + r->top_share[v];
        sum += r->score[v];
        for (int c = 0; c < CHAMP_CRITERION_COUNT; c++) {
            sum += r->m.value[c][v] + r->pct[c][v];
            bits += r->place[c][v];
        }
        for (int d = 0; d < CHAMP_DIAGNOSTIC_COUNT; d++)
            sum += r->m.diag[d][v];
    }
    volatile double keep = sum + (double)bits;
    (void)keep;
}

void champ__out_summary(champ_out *o, const double *summary, const champ_warnings *w)
{
    int first = 1;
    champ__out_putc(o, '{');
    for (int k = 0; k < CHAMP_SUMMARY_ITEM_COUNT; k++) {
        double x = summary[k];
        if (k == CHAMP_SUMMARY_DROPPED_ZERO && isnan(x))
            continue; /* only a form that skips rows has the count */
        champ__out_puts(o, first ? "\"" : ",\"");
        first = 0;
        champ__out_puts(o, champ_summary_item_name((champ_summary_item)k));
        champ__out_puts(o, "\":");
        if (isnan(x))
            champ__out_puts(o, "null");
        else
            champ__out_number(o, x);
    }
    champ__out_puts(o, ",\"warnings\":[");
    for (size_t i = 0; i < w->count; i++) {
        if (i)
            champ__out_putc(o, ',');
        champ__out_json_string(o, w->entry[i].text);
    }
    champ__out_puts(o, "]}");
}

/* One person's record: JSON's object (after a comma but for the first)
 * or a CSV row. */
static void put_record(sink *s, const champ_ranking *r, size_t i)
{
    if (s->mode == SINK_JSON) {
        champ__out_puts(s->o, i ? ",{" : "{");
        put_person(s, r, i);
        champ__out_putc(s->o, '}');
    } else {
        put_person(s, r, i);
        champ__out_write(s->o, "\r\n", 2);
    }
}

/* ---- people on both cores ---------------------------------------------------------- */

/* A ranking of many people is written WRITE_PARTS blocks at a time, one
 * block per thread, each into a buffer of its own made before the threads
 * start (parts allocate nothing: see pool.h); the calling thread then
 * hands the buffers on in order, so the callback only ever runs on the
 * calling thread and the bytes are those of one thread writing alone. A
 * part stops before a record that might not fit its buffer (or whose
 * explanation does not fit its text): the calling thread writes the rest
 * of that block itself. */
#define WRITE_PARTS 2
#define RECORD_FIXED 8192    /* a record but for its strings, escaped: well above its ~1 kB */

const champ_write_tuning champ__write_tuning = {
    /* M (100k people) writes in 0.22 s on two threads against 0.30 s on one;
     * below this many people the output is short and stays on one thread
     * (the threshold itself was not tuned) */
    .parallel_min = 50000,
    .block = 4096,
    .part_cap = (size_t)8 << 20,
    .text_cap = 4096, /* sentences are ~300 bytes */
};

typedef struct people_part {
    const champ_ranking *r;
    sink_mode mode;
    size_t from, to; /* output positions of the block */
    size_t done;     /* records written whole, from `from` */
    champ_out out;   /* into the part's buffer, never flushed */
    char *text;
    size_t text_cap;
} people_part;

/* The most bytes person i's record can take: JSON escapes a byte into at
 * most 6 (CSV 2). */
static size_t record_bound(const champ_ranking *r, size_t i, size_t text_cap)
{
    const char *team = champ_ranking_team(r, i), *group = champ_ranking_group(r, i);
    uint32_t v = r->order[i];
    return RECORD_FIXED + 6 * (champ_strtab_len(&r->ids, v) + (team ? strlen(team) : 0) +
                               (group ? strlen(group) : 0) + text_cap);
}

static int refuse(void *user, const char *data, size_t len)
{
    (void)user, (void)data, (void)len;
    return -1;
}

static void write_part(void *arg)
{
    people_part *p = arg;
    const champ_ranking *r = p->r;
    locale_t previous = uselocale(p->out.c_locale);
    sink s = {.o = &p->out, .mode = p->mode, .first = 1, .text = p->text,
              .text_cap = p->text_cap, .fixed_text = 1};
    p->done = 0;
    p->out.len = 0;
    for (size_t i = p->from; i < p->to; i++) {
        if ((i - p->from) % PEOPLE_AHEAD == 0)
            touch_people(r, i, i + PEOPLE_AHEAD < p->to ? i + PEOPLE_AHEAD : p->to);
        size_t start = p->out.len;
        if (p->out.cap - start < record_bound(r, i, p->text_cap))
            break;
        put_record(&s, r, i);
        if (p->out.stopped) { /* the bound was wrong: the buffer is lost */
            p->out.stopped = 0;
            p->out.len = p->done = 0;
            break;
        }
        if (s.cut) {
            p->out.len = start;
            break;
        }
        p->done++;
    }
    uselocale(previous);
}

/* Records from..to on the calling thread. */
static void write_records(sink *s, const champ_ranking *r, size_t from, size_t to)
{
    for (size_t i = from; i < to && !s->o->stopped; i++) {
        if ((i - from) % PEOPLE_AHEAD == 0)
            touch_people(r, i, i + PEOPLE_AHEAD < to ? i + PEOPLE_AHEAD : to);
        put_record(s, r, i);
    }
}

static void write_people(sink *s, const champ_ranking *r, size_t count,
                         const champ_write_tuning *tuning)
{
    champ_out *o = s->o;
    people_part part[WRITE_PARTS];
    void *args[WRITE_PARTS];
    int ok = count >= tuning->parallel_min && o->c_locale != (locale_t)0;
    for (int j = 0; j < WRITE_PARTS; j++) {
        part[j] = (people_part){.r = r, .mode = s->mode};
        args[j] = &part[j];
    }
    for (int j = 0; j < WRITE_PARTS && ok; j++) {
        part[j].out = (champ_out){.fn = refuse, .buf = malloc(tuning->part_cap),
                                  .cap = tuning->part_cap, .c_locale = o->c_locale};
        part[j].text = malloc(tuning->text_cap ? tuning->text_cap : 1);
        part[j].text_cap = tuning->text_cap ? tuning->text_cap : 1;
        ok = part[j].out.buf && part[j].text;
    }
    if (!ok) { /* few people, or no memory for the parts: one thread */
        write_records(s, r, 0, count);
    } else {
        atomic_int cancel = 0;
        champ_run run = {.jobs = WRITE_PARTS, .job = write_part, .args = args, .threads = 1,
                         .cancel = &cancel};
        for (size_t from = 0; from < count && !o->stopped;) {
            for (int j = 0; j < WRITE_PARTS; j++, from += tuning->block) {
                part[j].from = from < count ? from : count;
                part[j].to = count - part[j].from > tuning->block ? part[j].from + tuning->block
                                                                  : count;
            }
            champ__run(&run);
            for (int j = 0; j < WRITE_PARTS; j++) {
                champ__out_pass(o, part[j].out.buf, part[j].out.len);
                write_records(s, r, part[j].from + part[j].done, part[j].to);
            }
        }
    }
    for (int j = 0; j < WRITE_PARTS; j++) {
        free(part[j].out.buf);
        free(part[j].text);
    }
}

static void write_json(champ_out *o, const champ_ranking *r, size_t count,
                       const champ_write_tuning *tuning)
{
    sink s = {.o = o, .mode = SINK_JSON, .first = 1};
    champ__out_puts(o, "{\"version\":");
    champ__out_json_string(o, champ_version());
    champ__out_puts(o, ",\"summary\":");
    champ__out_summary(o, r->summary, &r->warnings);
    champ__out_puts(o, ",\"people\":[");
    write_people(&s, r, count, tuning);
    champ__out_puts(o, "]}\n");
    free(s.text);
}

static void write_csv(champ_out *o, const champ_ranking *r, size_t count,
                      const champ_write_tuning *tuning)
{
    sink s = {.o = o, .mode = SINK_CSV_HEADER, .first = 1};
    put_person(&s, r, champ_ranking_count(r));
    champ__out_write(o, "\r\n", 2);
    s.mode = SINK_CSV;
    write_people(&s, r, count, tuning);
    free(s.text);
}

/* ---- the tie graph ------------------------------------------------------------------- */

typedef struct graph_edge {
    size_t to;  /* output position */
    double w;
} graph_edge;

static int by_position(const void *a, const void *b)
{
    size_t x = ((const graph_edge *)a)->to, y = ((const graph_edge *)b)->to;
    return (x > y) - (x < y);
}

/* Each tie u -> v of the first `count` people, u by output position, then
 * v, to `emit`. The buffer holds the longest row. */
static void each_tie(const champ_ranking *r, size_t count, graph_edge *row,
                     void (*emit)(void *arg, size_t from, size_t to, double w), void *arg)
{
    for (size_t i = 0; i < count; i++) {
        uint32_t v = r->order[i];
        size_t n = 0;
        for (size_t t = r->tie_start[v]; t < r->tie_start[v + 1]; t++) {
            size_t at = r->position[r->tie_to[t]];
            if (r->tie_w[t] > 0 && at < count)
                row[n++] = (graph_edge){at, r->tie_w[t]};
        }
        qsort(row, n, sizeof *row, by_position);
        for (size_t k = 0; k < n; k++)
            emit(arg, i, row[k].to, row[k].w);
    }
}

typedef struct xml_edges {
    champ_out *o;
    const champ_ranking *r;
    int gexf;
    size_t next;
} xml_edges;

static void put_edge(void *arg, size_t from, size_t to, double w)
{
    xml_edges *e = arg;
    char number[24];
    if (e->gexf) {
        snprintf(number, sizeof number, "%zu", e->next++);
        champ__out_puts(e->o, "      <edge id=\"");
        champ__out_puts(e->o, number);
        champ__out_puts(e->o, "\" source=\"");
    } else {
        champ__out_puts(e->o, "    <edge source=\"");
    }
    put_xml_text(e->o, champ_ranking_id(e->r, from));
    champ__out_puts(e->o, "\" target=\"");
    put_xml_text(e->o, champ_ranking_id(e->r, to));
    if (e->gexf) {
        champ__out_puts(e->o, "\" weight=\"");
        champ__out_number(e->o, w);
        champ__out_puts(e->o, "\"/>\n");
    } else {
        champ__out_puts(e->o, "\">\n      <data key=\"weight\">");
        champ__out_number(e->o, w);
        champ__out_puts(e->o, "</data>\n    </edge>\n");
    }
}

static size_t longest_row(const champ_ranking *r)
{
    size_t most = 0;
    for (size_t v = 0; v < r->n; v++)
        if (r->tie_start[v + 1] - r->tie_start[v] > most)
            most = r->tie_start[v + 1] - r->tie_start[v];
    return most;
}

static void write_graph(champ_out *o, const champ_ranking *r, size_t count, int gexf,
                        graph_edge *row)
{
    sink s = {.o = o, .mode = gexf ? SINK_GEXF_DECL : SINK_GRAPHML_DECL, .first = 1};
    champ__out_puts(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (gexf) {
        champ__out_puts(o, "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
                           "  <meta>\n    <creator>champions ");
        champ__out_puts(o, champ_version());
        champ__out_puts(o, "</creator>\n    <description>ties weighted w(u,v); people with "
                           "their ranking</description>\n  </meta>\n"
                           "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
                           "    <attributes class=\"node\" mode=\"static\">\n");
        put_person(&s, r, champ_ranking_count(r));
        champ__out_puts(o, "    </attributes>\n    <nodes>\n");
    } else {
        champ__out_puts(o, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
        put_person(&s, r, champ_ranking_count(r));
        champ__out_puts(o, "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" "
                           "attr.type=\"double\"/>\n"
                           "  <graph id=\"ties\" edgedefault=\"directed\">\n");
    }
    s.mode = gexf ? SINK_GEXF : SINK_GRAPHML;
    for (size_t i = 0; i < count; i++) {
        champ__out_puts(o, gexf ? "      <node id=\"" : "    <node id=\"");
        put_xml_text(o, champ_ranking_id(r, i));
        if (gexf) {
            champ__out_puts(o, "\" label=\"");
            put_xml_text(o, champ_ranking_id(r, i));
            champ__out_puts(o, "\">\n        <attvalues>\n");
        } else {
            champ__out_puts(o, "\">\n");
        }
        put_person(&s, r, i);
        champ__out_puts(o, gexf ? "        </attvalues>\n      </node>\n" : "    </node>\n");
    }
    free(s.text);
    champ__out_puts(o, gexf ? "    </nodes>\n    <edges>\n" : "");
    xml_edges edges = {o, r, gexf, 0};
    each_tie(r, count, row, put_edge, &edges);
    champ__out_puts(o, gexf ? "    </edges>\n  </graph>\n</gexf>\n" : "  </graph>\n</graphml>\n");
}

/* ---- entry points ---------------------------------------------------------------------- */

typedef struct ranking_job {
    const champ_ranking *r;
    champ_format format;
    size_t count;
    graph_edge *row;
    const champ_write_tuning *tuning;
} ranking_job;

static void write_body(champ_out *o, void *arg)
{
    const ranking_job *job = arg;
    if (job->format == CHAMP_FORMAT_JSON)
        write_json(o, job->r, job->count, job->tuning);
    else if (job->format == CHAMP_FORMAT_CSV)
        write_csv(o, job->r, job->count, job->tuning);
    else
        write_graph(o, job->r, job->count, job->format == CHAMP_FORMAT_GEXF, job->row);
}

/* The writing itself, to fn or (fn NULL) to the stream. */
static champ_status write_ranking(const champ_ranking *r, champ_format format, size_t top,
                                  champ_write_fn fn, void *user, FILE *stream,
                                  const champ_write_tuning *tuning)
{
    if (!champ_format_name(format))
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_write: unknown format %d", (int)format);
    int graph = format == CHAMP_FORMAT_GEXF || format == CHAMP_FORMAT_GRAPHML;
    ranking_job job = {r, format, top == 0 || top > r->n ? r->n : top, NULL, tuning};
    if (graph && !(job.row = malloc((longest_row(r) + 1) * sizeof *job.row)))
        return champ__nomem();
    champ_status st = fn ? champ__write(fn, user, write_body, &job)
                         : champ__write_stream(stream, write_body, &job);
    free(job.row);
    return st;
}

champ_status champ_ranking_write_to(const champ_ranking *r, champ_format format, size_t top,
                                    champ_write_fn fn, void *user)
{
    if (!r || !fn)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_write_to: NULL argument");
    return write_ranking(r, format, top, fn, user, NULL, &champ__write_tuning);
}

champ_status champ__ranking_write_tuned(const champ_ranking *r, champ_format format, size_t top,
                                        champ_write_fn fn, void *user,
                                        const champ_write_tuning *tuning)
{
    return write_ranking(r, format, top, fn, user, NULL, tuning);
}

champ_status champ_ranking_write(const champ_ranking *r, champ_format format, size_t top,
                                 FILE *stream)
{
    if (!r || !stream)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_write: NULL argument");
    return write_ranking(r, format, top, NULL, NULL, stream, &champ__write_tuning);
}

/* ---- the ties as columns ----------------------------------------------------------------- */

size_t champ_ranking_tie_count(const champ_ranking *r)
{
    return r ? r->tie_count : 0;
}

typedef struct tie_columns {
    size_t *from, *to, next;
    double *weight;
} tie_columns;

static void put_column(void *arg, size_t from, size_t to, double w)
{
    tie_columns *c = arg;
    c->from[c->next] = from;
    c->to[c->next] = to;
    c->weight[c->next++] = w;
}

champ_status champ_ranking_ties(const champ_ranking *r, size_t *from, size_t *to,
                                double *weight)
{
    if (!r || !from || !to || !weight)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_ties: NULL argument");
    graph_edge *row = malloc((longest_row(r) + 1) * sizeof *row);
    if (!row)
        return champ__nomem();
    tie_columns c = {from, to, 0, weight};
    each_tie(r, r->n, row, put_column, &c);
    free(row);
    return CHAMP_OK;
}
