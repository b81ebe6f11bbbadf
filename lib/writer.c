/* JSON and CSV writers of a ranking. One walk over a person's fields
 * serves both formats and the CSV header, so the two can never disagree on
 * the fields or their order. Numbers are written in the shortest form that
 * reads back to the same double. */
#include "ranking.h"
#include "errors.h"
#include "out.h"
#include "text.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Order of the criterion values in a person's record (docs/format.md). */
static const champ_criterion VALUE_ORDER[CHAMP_CRITERION_COUNT] = {
    CHAMP_ACTIVITY, CHAMP_RECIPROCITY, CHAMP_REACH, CHAMP_BRIDGING, CHAMP_INFLUENCE};

typedef enum sink_mode { SINK_JSON, SINK_CSV, SINK_CSV_HEADER } sink_mode;

typedef struct sink {
    champ_out *o;
    sink_mode mode;
    int first;         /* no separator before the next field */
    const char *group; /* CSV: prefix of nested keys ("pct_") */
} sink;

static void put_separator(sink *s)
{
    if (!s->first)
        champ__out_putc(s->o, ',');
    s->first = 0;
}

/* Starts a field: the separator, then the key (JSON) or the column name
 * (CSV header, after which the value is skipped: returns 0). */
static int begin_field(sink *s, const char *key)
{
    put_separator(s);
    if (s->mode == SINK_JSON) {
        champ__out_putc(s->o, '"');
        champ__out_puts(s->o, key);
        champ__out_write(s->o, "\":", 2);
        return 1;
    }
    if (s->mode == SINK_CSV_HEADER) {
        champ__out_puts(s->o, s->group ? s->group : "");
        champ__out_puts(s->o, key);
        return 0;
    }
    return 1;
}

/* NAN is null in JSON and an empty field in CSV. */
static void field_number(sink *s, const char *key, double x)
{
    if (!begin_field(s, key))
        return;
    if (!isnan(x))
        champ__out_number(s->o, x);
    else if (s->mode == SINK_JSON)
        champ__out_puts(s->o, "null");
}

static void field_bool(sink *s, const char *key, int b)
{
    if (begin_field(s, key))
        champ__out_puts(s->o, b ? "true" : "false");
}

static void put_json_string(champ_out *o, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    champ__out_putc(o, '"');
    const unsigned char *p = (const unsigned char *)s;
    for (;;) {
        const unsigned char *plain = p;
        while (*p >= 0x20 && *p != '"' && *p != '\\')
            p++;
        champ__out_write(o, (const char *)plain, (size_t)(p - plain));
        if (!*p)
            break;
        if (*p == '"' || *p == '\\') {
            char esc[2] = {'\\', (char)*p};
            champ__out_write(o, esc, 2);
        } else {
            char esc[6] = {'\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15]};
            champ__out_write(o, esc, 6);
        }
        p++;
    }
    champ__out_putc(o, '"');
}

/* RFC 4180: quote a field holding a comma, quote or line break. */
static void put_csv_string(champ_out *o, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        champ__out_puts(o, s);
        return;
    }
    champ__out_putc(o, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            champ__out_putc(o, '"');
        champ__out_putc(o, *p);
    }
    champ__out_putc(o, '"');
}

/* NULL is null in JSON and an empty field in CSV. */
static void field_string(sink *s, const char *key, const char *text)
{
    if (!begin_field(s, key))
        return;
    if (s->mode == SINK_JSON)
        text ? put_json_string(s->o, text) : champ__out_puts(s->o, "null");
    else if (text)
        put_csv_string(s->o, text);
}

/* The percentiles: a nested object (null when ineligible) in JSON, flat
 * pct_* columns in CSV. */
static void field_percentiles(sink *s, const champ_ranking *r, size_t i)
{
    if (s->mode == SINK_JSON) {
        begin_field(s, "percentiles");
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
        field_number(s, champ_criterion_name((champ_criterion)c),
                     champ_ranking_percentile(r, i, (champ_criterion)c));
    if (s->mode == SINK_JSON)
        champ__out_putc(s->o, '}');
    s->group = NULL;
}

/* The fields of the person at output position i, in the documented order.
 * Only getters are used, so an i out of range (the CSV header) reads
 * nothing. */
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
        field_number(s, champ_criterion_name(VALUE_ORDER[k]),
                     champ_ranking_value(r, i, VALUE_ORDER[k]));
    for (int d = 0; d < CHAMP_DIAGNOSTIC_COUNT; d++)
        field_number(s, champ_diagnostic_name((champ_diagnostic)d),
                     champ_ranking_diagnostic(r, i, (champ_diagnostic)d));
    field_percentiles(s, r, i);
}

static void put_warnings(sink *s, const champ_ranking *r)
{
    begin_field(s, "warnings");
    champ__out_putc(s->o, '[');
    for (size_t i = 0; i < champ_ranking_warning_count(r); i++) {
        if (i)
            champ__out_putc(s->o, ',');
        put_json_string(s->o, champ_ranking_warning(r, i, NULL));
    }
    champ__out_putc(s->o, ']');
}

static void write_json(champ_out *o, const champ_ranking *r, size_t count)
{
    sink s = {o, SINK_JSON, 1, NULL};
    champ__out_puts(o, "{\"version\":");
    put_json_string(o, champ_version());
    champ__out_puts(o, ",\"summary\":{");
    for (int k = 0; k < CHAMP_SUMMARY_ITEM_COUNT; k++)
        field_number(&s, champ_summary_item_name((champ_summary_item)k),
                     champ_ranking_summary(r, (champ_summary_item)k));
    put_warnings(&s, r);
    champ__out_puts(o, "},\"people\":[");
    for (size_t i = 0; i < count; i++) {
        champ__out_puts(o, i ? ",{" : "{");
        put_person(&s, r, i);
        champ__out_putc(o, '}');
    }
    champ__out_puts(o, "]}\n");
}

static void write_csv(champ_out *o, const champ_ranking *r, size_t count)
{
    sink s = {o, SINK_CSV_HEADER, 1, NULL};
    put_person(&s, r, champ_ranking_count(r));
    champ__out_write(o, "\r\n", 2);
    s.mode = SINK_CSV;
    for (size_t i = 0; i < count; i++) {
        put_person(&s, r, i);
        champ__out_write(o, "\r\n", 2);
    }
}

/* The writing itself; `reason` names the failure of a stream (else NULL). */
static champ_status write_ranking(const champ_ranking *r, champ_format format, size_t top,
                                  champ_write_fn fn, void *user, const char *reason)
{
    if (format != CHAMP_FORMAT_JSON && format != CHAMP_FORMAT_CSV)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_write: unknown format %d", (int)format);
    size_t count = top == 0 || top > r->n ? r->n : top;
    champ_out o;
    champ_status st = champ__out_open(&o, fn, user);
    if (st)
        return st;
    /* JSON and CSV want '.' for the decimal point whatever the host's locale. */
    locale_t c;
    locale_t previous = champ__c_numeric_begin(&c);
    if (previous == (locale_t)0) {
        o.len = 0; /* nothing was written */
        champ__out_close(&o, NULL);
        return champ__nomem();
    }
    if (format == CHAMP_FORMAT_JSON)
        write_json(&o, r, count);
    else
        write_csv(&o, r, count);
    champ__c_numeric_end(previous, c);
    return champ__out_close(&o, reason);
}

champ_status champ_ranking_write_to(const champ_ranking *r, champ_format format, size_t top,
                                    champ_write_fn fn, void *user)
{
    if (!r || !fn)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_write_to: NULL argument");
    return write_ranking(r, format, top, fn, user, NULL);
}

champ_status champ_ranking_write(const champ_ranking *r, champ_format format, size_t top,
                                 FILE *stream)
{
    if (!r || !stream)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_ranking_write: NULL argument");
    errno = 0;
    champ_status st = write_ranking(r, format, top, champ__out_to_stream, stream,
                                    "the output stream failed");
    if (st != CHAMP_OK && st != CHAMP_ERR_IO)
        return st;
    if (st == CHAMP_OK && fflush(stream) == 0 && !ferror(stream))
        return CHAMP_OK;
    char reason[128] = "the output stream failed";
    if (errno && strerror_r(errno, reason, sizeof reason) != 0)
        snprintf(reason, sizeof reason, "error %d", errno);
    return champ__fail(CHAMP_ERR_IO, "cannot write the output: %s", reason);
}
