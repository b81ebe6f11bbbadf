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

/* x in C's %.{precision}g form, from its first `precision` significant
 * digits and decimal exponent (trailing zeros dropped, as %g does). */
static void format_g(char *out, int negative, const char *digits, int precision, int exp10)
{
    int used = precision;
    while (used > 1 && digits[used - 1] == '0')
        used--;
    char *o = out;
    if (negative)
        *o++ = '-';
    if (exp10 < -4 || exp10 >= precision) {
        *o++ = digits[0];
        if (used > 1) {
            *o++ = '.';
            memcpy(o, digits + 1, (size_t)used - 1);
            o += used - 1;
        }
        sprintf(o, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
        return;
    }
    if (exp10 < 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = -1; i > exp10; i--)
            *o++ = '0';
        memcpy(o, digits, (size_t)used);
        o += used;
    } else {
        for (int i = 0; i <= exp10; i++)
            *o++ = i < used ? digits[i] : '0';
        if (used > exp10 + 1) {
            *o++ = '.';
            memcpy(o, digits + exp10 + 1, (size_t)(used - exp10 - 1));
            o += used - exp10 - 1;
        }
    }
    *o = '\0';
}

/* The 17 significant digits of |x| rounded to `precision`, as decimal
 * rounding of those 17 digits; 0 when that could differ from rounding x
 * itself (the dropped digits are exactly a half: the 17 digits were
 * themselves rounded). */
static int round_digits(const char *d17, int exp10, int precision, char *digits, int *exp_out)
{
    memcpy(digits, d17, (size_t)precision);
    digits[precision] = '\0';
    *exp_out = exp10;
    int up = d17[precision] > '5';
    if (d17[precision] == '5') {
        int rest = 0;
        for (int i = precision + 1; i < 17; i++)
            rest |= d17[i] != '0';
        if (!rest)
            return 0;
        up = 1;
    }
    if (up) {
        int i = precision - 1;
        while (i >= 0 && digits[i] == '9')
            digits[i--] = '0';
        if (i >= 0) {
            digits[i]++;
        } else { /* 99..9 became 100..0 */
            digits[0] = '1';
            *exp_out = exp10 + 1;
        }
    }
    return 1;
}

/* The shortest of %.15g, %.16g, %.17g that reads back as x (15 digits
 * always do when any shorter form does). Integers are written directly;
 * the others from one exact 17-digit conversion, rounded in decimal --
 * printf's exact conversion is the costly step, so it runs once. */
static void put_number(FILE *f, double x)
{
    char buf[40];
    if (x == (double)(long long)x && fabs(x) < 1e15 && !(x == 0 && signbit(x))) {
        long long v = (long long)x;
        char *o = buf + sizeof buf;
        unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
        *--o = '\0';
        do
            *--o = (char)('0' + u % 10);
        while (u /= 10);
        if (v < 0)
            *--o = '-';
        fputs(o, f);
        return;
    }
    if (!isfinite(x)) {
        snprintf(buf, sizeof buf, "%.17g", x);
        fputs(buf, f);
        return;
    }
    char e17[40], d17[18], digits[18];
    snprintf(e17, sizeof e17, "%.16e", fabs(x)); /* d.dddddddddddddddde[+-]XX */
    d17[0] = e17[0];
    memcpy(d17 + 1, e17 + 2, 16);
    d17[17] = '\0';
    int exp10 = atoi(e17 + 19);
    for (int precision = 15; precision <= 17; precision++) {
        int e = exp10;
        if (precision == 17) {
            format_g(buf, signbit(x) != 0, d17, 17, exp10);
        } else if (round_digits(d17, exp10, precision, digits, &e)) {
            format_g(buf, signbit(x) != 0, digits, precision, e);
        } else {
            snprintf(buf, sizeof buf, "%.*g", precision, x);
        }
        if (precision == 17 || strtod(buf, NULL) == x)
            break;
    }
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
