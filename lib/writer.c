/* JSON (SPEC 5) and CSV writers over the public getters' data. Numbers are
 * written in the shortest form that reads back to the same double. */
#include "ranking.h"
#include "errors.h"

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

/* Order of the value columns in both formats (SPEC 5's JSON order). */
static const champ_criterion VALUE_ORDER[CHAMP_CRITERION_COUNT] = {
    CHAMP_ACTIVITY, CHAMP_RECIPROCITY, CHAMP_REACH, CHAMP_BRIDGING, CHAMP_INFLUENCE};

/* NAN is written as `null` (JSON) or an empty field (CSV). */
static void put_number(FILE *f, double x, const char *null_text)
{
    if (isnan(x)) {
        fputs(null_text, f);
        return;
    }
    char buf[32];
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    fputs(buf, f);
}

static void put_json_string(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    putc('"', f);
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

static void put_json_summary(FILE *f, const champ_ranking *r)
{
    fputs("\"summary\":{", f);
    for (int k = 0; k < CHAMP_SUMMARY_ITEM_COUNT; k++) {
        fprintf(f, "%s\"%s\":", k ? "," : "", SUMMARY_KEYS[k]);
        put_number(f, r->summary[k], "null");
    }
    putc('}', f);
}

static void put_json_person(FILE *f, const champ_ranking *r, size_t i)
{
    uint32_t v = r->order[i];
    fputs("{\"id\":", f);
    put_json_string(f, champ_ranking_id(r, i));
    fputs(",\"team\":", f);
    put_json_string(f, champ_ranking_team(r, i));
    fputs(",\"group\":", f);
    put_json_string(f, champ_ranking_group(r, i));
    fprintf(f, ",\"listed\":%s,\"eligible\":%s,\"rank\":", champ_ranking_listed(r, i) ? "true" : "false",
            r->eligible[v] ? "true" : "false");
    put_number(f, r->eligible[v] ? (double)r->rank[v] : NAN, "null");
    fputs(",\"score\":", f);
    put_number(f, r->score[v], "null");
    for (int k = 0; k < CHAMP_CRITERION_COUNT; k++) {
        fprintf(f, ",\"%s\":", CRITERION_KEYS[VALUE_ORDER[k]]);
        put_number(f, r->m.value[VALUE_ORDER[k]][v], "null");
    }
    for (int d = 0; d < CHAMP_DIAGNOSTIC_COUNT; d++) {
        fprintf(f, ",\"%s\":", DIAGNOSTIC_KEYS[d]);
        put_number(f, r->m.diag[d][v], "null");
    }
    fputs(",\"percentiles\":", f);
    if (!r->eligible[v]) {
        fputs("null}", f);
        return;
    }
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++) {
        fprintf(f, "%s\"%s\":", c ? "," : "{", CRITERION_KEYS[c]);
        put_number(f, r->pct[c][v], "null");
    }
    fputs("}}", f);
}

static void write_json(FILE *f, const champ_ranking *r, size_t count)
{
    fputs("{\"version\":", f);
    put_json_string(f, champ_version());
    putc(',', f);
    put_json_summary(f, r);
    fputs(",\"people\":[", f);
    for (size_t i = 0; i < count; i++) {
        if (i)
            putc(',', f);
        put_json_person(f, r, i);
    }
    fputs("]}\n", f);
}

/* RFC 4180: quote a field holding a comma, quote or line break. */
static void put_csv_string(FILE *f, const char *s)
{
    if (!s)
        return;
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

static void write_csv(FILE *f, const champ_ranking *r, size_t count)
{
    fputs("id,team,group,listed,eligible,rank,score", f);
    for (int k = 0; k < CHAMP_CRITERION_COUNT; k++)
        fprintf(f, ",%s", CRITERION_KEYS[VALUE_ORDER[k]]);
    for (int d = 0; d < CHAMP_DIAGNOSTIC_COUNT; d++)
        fprintf(f, ",%s", DIAGNOSTIC_KEYS[d]);
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        fprintf(f, ",pct_%s", CRITERION_KEYS[c]);
    fputs("\r\n", f);
    for (size_t i = 0; i < count; i++) {
        uint32_t v = r->order[i];
        put_csv_string(f, champ_ranking_id(r, i));
        putc(',', f);
        put_csv_string(f, champ_ranking_team(r, i));
        putc(',', f);
        put_csv_string(f, champ_ranking_group(r, i));
        fprintf(f, ",%s,%s,", champ_ranking_listed(r, i) ? "true" : "false",
                r->eligible[v] ? "true" : "false");
        put_number(f, r->eligible[v] ? (double)r->rank[v] : NAN, "");
        putc(',', f);
        put_number(f, r->score[v], "");
        for (int k = 0; k < CHAMP_CRITERION_COUNT; k++) {
            putc(',', f);
            put_number(f, r->m.value[VALUE_ORDER[k]][v], "");
        }
        for (int d = 0; d < CHAMP_DIAGNOSTIC_COUNT; d++) {
            putc(',', f);
            put_number(f, r->m.diag[d][v], "");
        }
        for (int c = 0; c < CHAMP_CRITERION_COUNT; c++) {
            putc(',', f);
            put_number(f, r->pct[c][v], "");
        }
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
    if (format == CHAMP_FORMAT_JSON)
        write_json(stream, r, count);
    else
        write_csv(stream, r, count);
    if (fflush(stream) != 0 || ferror(stream))
        return champ__fail(CHAMP_ERR_IO, "cannot write the ranking: the output stream failed");
    return CHAMP_OK;
}
