/* JSON (SPEC 5) and CSV writers. One walk over a person's fields serves
 * both formats and the CSV header, so the two can never disagree on the
 * fields or their order. Numbers are written in the shortest form that
 * reads back to the same double. */
#include "ranking.h"
#include "errors.h"
#include "text.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const CRITERION_KEYS[CHAMP_CRITERION_COUNT] = {
    "reciprocity", "reach", "bridging", "influence", "activity"};
static const char *const DIAGNOSTIC_KEYS[CHAMP_DIAGNOSTIC_COUNT] = {
    "received", "ties", "mutual", "cross_share"};
static const char *const SUMMARY_KEYS[CHAMP_SUMMARY_ITEM_COUNT] = {
    "people", "listed", "eligible", "interactions", "dropped_self", "dropped_window",
    "ties", "mutual_ties", "reciprocity", "teams", "cross_team_share"};

/* Order of the criterion values in a person's record (SPEC 5). */
static const champ_criterion VALUE_ORDER[CHAMP_CRITERION_COUNT] = {
    CHAMP_ACTIVITY, CHAMP_RECIPROCITY, CHAMP_REACH, CHAMP_BRIDGING, CHAMP_INFLUENCE};

typedef enum sink_mode { SINK_JSON, SINK_CSV, SINK_CSV_HEADER } sink_mode;

typedef struct sink {
    FILE *f;
    sink_mode mode;
    int first;         /* no separator before the next field */
    const char *group; /* CSV: prefix of nested keys ("pct_") */
} sink;

static void put_separator(sink *s)
{
    if (!s->first)
        putc(',', s->f);
    s->first = 0;
}

/* Starts a field: the separator, then the key (JSON) or the column name
 * (CSV header, after which the value is skipped: returns 0). */
static int begin_field(sink *s, const char *key)
{
    put_separator(s);
    if (s->mode == SINK_JSON) {
        putc('"', s->f);
        fputs(key, s->f);
        fputs("\":", s->f);
        return 1;
    }
    if (s->mode == SINK_CSV_HEADER) {
        fputs(s->group ? s->group : "", s->f);
        fputs(key, s->f);
        return 0;
    }
    return 1;
}

static void put_number(FILE *f, double x)
{
    char buf[CHAMP_SHORTEST_MAX];
    champ__shortest(buf, x);
    fputs(buf, f);
}

/* NAN is null in JSON and an empty field in CSV. */
static void field_number(sink *s, const char *key, double x)
{
    if (!begin_field(s, key))
        return;
    if (!isnan(x))
        put_number(s->f, x);
    else if (s->mode == SINK_JSON)
        fputs("null", s->f);
}

static void field_bool(sink *s, const char *key, int b)
{
    if (begin_field(s, key))
        fputs(b ? "true" : "false", s->f);
}

static void put_json_string(FILE *f, const char *s)
{
    putc('"', f);
    const unsigned char *plain = (const unsigned char *)s;
    while (*plain >= 0x20 && *plain != '"' && *plain != '\\')
        plain++;
    if (!*plain) { /* nothing to escape: the usual case */
        fputs(s, f);
        putc('"', f);
        return;
    }
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            putc(*p, f);
    }
    putc('"', f);
}

/* RFC 4180: quote a field holding a comma, quote or line break. */
static void put_csv_string(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    putc('"', f);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            putc('"', f);
        putc(*p, f);
    }
    putc('"', f);
}

/* NULL is null in JSON and an empty field in CSV. */
static void field_string(sink *s, const char *key, const char *text)
{
    if (!begin_field(s, key))
        return;
    if (s->mode == SINK_JSON)
        text ? put_json_string(s->f, text) : (void)fputs("null", s->f);
    else if (text)
        put_csv_string(s->f, text);
}

/* The percentiles: a nested object (null when ineligible) in JSON, flat
 * pct_* columns in CSV. */
static void field_percentiles(sink *s, const champ_ranking *r, size_t i)
{
    if (s->mode == SINK_JSON) {
        begin_field(s, "percentiles");
        if (!champ_ranking_eligible(r, i)) {
            fputs("null", s->f);
            return;
        }
        putc('{', s->f);
        s->first = 1;
    } else {
        s->group = "pct_";
    }
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        field_number(s, CRITERION_KEYS[c], champ_ranking_percentile(r, i, (champ_criterion)c));
    if (s->mode == SINK_JSON)
        putc('}', s->f);
    s->group = NULL;
}

/* The fields of the person at output position i, in SPEC 5's order. Only
 * getters are used, so an i out of range (the CSV header) reads nothing. */
static void put_person(sink *s, const champ_ranking *r, size_t i)
{
    int eligible = champ_ranking_eligible(r, i);
    s->first = 1;
    field_string(s, "id", champ_ranking_id(r, i));
    field_string(s, "team", champ_ranking_team(r, i));
    field_string(s, "group", champ_ranking_group(r, i));
    field_bool(s, "listed", champ_ranking_listed(r, i));
    field_bool(s, "eligible", eligible);
    field_number(s, "rank", eligible ? (double)champ_ranking_rank(r, i) : NAN);
    field_number(s, "score", champ_ranking_score(r, i));
    for (int k = 0; k < CHAMP_CRITERION_COUNT; k++)
        field_number(s, CRITERION_KEYS[VALUE_ORDER[k]], champ_ranking_value(r, i, VALUE_ORDER[k]));
    for (int d = 0; d < CHAMP_DIAGNOSTIC_COUNT; d++)
        field_number(s, DIAGNOSTIC_KEYS[d], champ_ranking_diagnostic(r, i, (champ_diagnostic)d));
    field_percentiles(s, r, i);
}

static void write_json(FILE *f, const champ_ranking *r, size_t count)
{
    sink s = {f, SINK_JSON, 1, NULL};
    fputs("{\"version\":", f);
    put_json_string(f, champ_version());
    fputs(",\"summary\":{", f);
    for (int k = 0; k < CHAMP_SUMMARY_ITEM_COUNT; k++)
        field_number(&s, SUMMARY_KEYS[k], r->summary[k]);
    fputs("},\"people\":[", f);
    for (size_t i = 0; i < count; i++) {
        fputs(i ? ",{" : "{", f);
        put_person(&s, r, i);
        putc('}', f);
    }
    fputs("]}\n", f);
}

static void write_csv(FILE *f, const champ_ranking *r, size_t count)
{
    sink s = {f, SINK_CSV_HEADER, 1, NULL};
    put_person(&s, r, r->n);
    fputs("\r\n", f);
    s.mode = SINK_CSV;
    for (size_t i = 0; i < count; i++) {
        put_person(&s, r, i);
        fputs("\r\n", f);
    }
}

champ_status champ_ranking_write(const champ_ranking *r, champ_format format, size_t top,
                                 FILE *stream)
{
    if (!r || !stream)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_write: NULL argument");
    if (format != CHAMP_FORMAT_JSON && format != CHAMP_FORMAT_CSV)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_write: unknown format %d", (int)format);
    size_t count = top == 0 || top > r->n ? r->n : top;
    /* JSON and CSV want '.' for the decimal point whatever the host's locale. */
    locale_t c;
    locale_t previous = champ__c_numeric_begin(&c);
    if (previous == (locale_t)0)
        return champ__nomem();
    if (format == CHAMP_FORMAT_JSON)
        write_json(stream, r, count);
    else
        write_csv(stream, r, count);
    champ__c_numeric_end(previous, c);
    errno = 0;
    if (fflush(stream) == 0 && !ferror(stream))
        return CHAMP_OK;
    char reason[128] = "the output stream failed";
    if (errno && strerror_r(errno, reason, sizeof reason) != 0)
        snprintf(reason, sizeof reason, "error %d", errno);
    return champ__fail(CHAMP_ERR_IO, "cannot write the output: %s", reason);
}
