/* Reading JSON exports, in either form (docs/format.md). The scanner
 * (json_scan.c) walks the bytes once; this file keeps, for one record at a
 * time, where the members that matter are, and hands their values to the
 * network straight from the input, decoded only when they hold escapes.
 * Memory stays bounded by the network, not the input (file.c maps files). */
#include "reader.h"
#include "errors.h"
#include "json_scan.h"
#include "network.h"
#include "pool.h"
#include "progress.h"
#include "text.h"
#include "timeparse.h"

#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Records: one person or interaction, taken from the scanner as it
 * validates it. Only the members SPEC 2 names are kept, as spans of the
 * input; nothing is decoded before the whole record is known to be valid
 * JSON, so a syntax error anywhere in a record wins over a wrong value.
 * ------------------------------------------------------------------------ */

typedef enum record_kind { RECORD_ANY, RECORD_PERSON, RECORD_INTERACTION } record_kind;

/* Where a record is, for messages. */
typedef struct place {
    const char *array; /* "people" or "interactions"; NULL in JSON Lines */
    size_t index;      /* element index, or line number in JSON Lines */
} place;

enum member { M_ID, M_TEAM, M_GROUP, M_FROM, M_TO, M_TIME, M_TYPE, M_WEIGHT, MEMBER_COUNT };

static const char *const member_names[MEMBER_COUNT] = {
    "id", "team", "group", "from", "to", "time", "type", "weight",
};

typedef enum value_kind { V_ABSENT, V_NULL, V_STRING, V_NUMBER, V_OTHER } value_kind;

/* A member's value: for a string the raw bytes between the quotes, for a
 * number its text. */
typedef struct value {
    value_kind kind;
    int escaped; /* a string with a backslash: decode before use */
    champ_span text;
} value;

/* Names of members the reader does not read, kept per record (up to this
 * many) for the warnings (a "department" where "team" was meant). */
#define UNREAD_PER_RECORD 4

typedef struct record {
    int object;             /* the value is an object: the rest is meaningful */
    size_t unread;          /* names of other members kept below */
    champ_span unread_name[UNREAD_PER_RECORD]; /* raw, between the quotes */
    int unread_escaped[UNREAD_PER_RECORD];
    enum member duplicate;  /* the first member given twice, or MEMBER_COUNT */
    size_t escaped_bytes;   /* of the members' strings with escapes, raw */
    value m[MEMBER_COUNT];
} record;

/* The member a validated raw name stands for, or MEMBER_COUNT. Names are
 * matched exactly: "ID" and "Team" are other members. */
static enum member member_of(champ_span key, int escaped)
{
    if (escaped) {
        for (int k = 0; k < MEMBER_COUNT; k++)
            if (champ__json_key_is(key, member_names[k]))
                return (enum member)k;
        return MEMBER_COUNT;
    }
    const char *s = (const char *)key.s;
    switch (key.len) {
    case 2:
        return s[0] == 'i' && s[1] == 'd' ? M_ID : s[0] == 't' && s[1] == 'o' ? M_TO : MEMBER_COUNT;
    case 4:
        return memcmp(s, "team", 4) == 0   ? M_TEAM
               : memcmp(s, "from", 4) == 0 ? M_FROM
               : memcmp(s, "time", 4) == 0 ? M_TIME
               : memcmp(s, "type", 4) == 0 ? M_TYPE
                                           : MEMBER_COUNT;
    case 5:
        return memcmp(s, "group", 5) == 0 ? M_GROUP : MEMBER_COUNT;
    case 6:
        return memcmp(s, "weight", 6) == 0 ? M_WEIGHT : MEMBER_COUNT;
    default:
        return MEMBER_COUNT;
    }
}

/* The member whose name is written plainly at s[0..avail), just after its
 * opening quote, with the name's length in *len; MEMBER_COUNT for other
 * names and escaped ones. The common case, without scanning the name as a
 * string: letters closed by a quote are a valid string. */
static enum member known_name(const unsigned char *s, size_t avail, size_t *len)
{
    /* Each name with its closing quote: memcmp of a constant size is a
     * compare or two, not a call. */
#define NAME(text, k)                                                       \
    do {                                                                    \
        size_t n_ = sizeof text - 1;                                        \
        if (avail >= n_ && memcmp(s, text, n_) == 0) {                      \
            *len = n_ - 1;                                                  \
            return k;                                                       \
        }                                                                   \
    } while (0)
    switch (avail ? s[0] : 0) {
    case 'i': NAME("id\"", M_ID); break;
    case 'f': NAME("from\"", M_FROM); break;
    case 'g': NAME("group\"", M_GROUP); break;
    case 'w': NAME("weight\"", M_WEIGHT); break;
    case 't':
        NAME("to\"", M_TO);
        NAME("team\"", M_TEAM);
        NAME("time\"", M_TIME);
        NAME("type\"", M_TYPE);
        break;
    }
#undef NAME
    return MEMBER_COUNT;
}

/* A member of the shape exports write nearly always, a named member
 * without spaces and with a plain string or a number for its value:
 * ,"name":"text" or ,"name":123 (no ',' before the first member). When
 * one is at sc->pos, consumes it and returns its member, with its value in
 * *v; else returns MEMBER_COUNT having consumed nothing, for the general
 * steps to read (and report) whatever is there. */
static enum member compact_member(champ_scanner *sc, size_t count, value *v)
{
    const unsigned char *s = sc->s;
    size_t pos = sc->pos, end = sc->end, n = 0;
    if (count > 0 && (pos >= end || s[pos++] != ','))
        return MEMBER_COUNT;
    if (pos >= end || s[pos] != '"')
        return MEMBER_COUNT;
    enum member k = known_name(s + pos + 1, end - pos - 1, &n);
    pos += n + 2;
    if (k == MEMBER_COUNT || pos >= end - 1 || s[pos++] != ':')
        return MEMBER_COUNT;
    if (s[pos] == '"') {
        size_t start = pos + 1;
        n = champ__json_plain_run(s + start, end - start);
        if (start + n >= end || s[start + n] != '"')
            return MEMBER_COUNT;
        *v = (value){V_STRING, 0, {s + start, n}};
        pos = start + n + 1;
    } else if (s[pos] == '-' || (s[pos] >= '0' && s[pos] <= '9')) {
        n = champ__json_number_length((const char *)s + pos, end - pos);
        if (n == 0 || n > sc->max_number)
            return MEMBER_COUNT;
        *v = (value){V_NUMBER, 0, {s + pos, n}};
        pos += n;
    } else
        return MEMBER_COUNT;
    sc->pos = pos;
    return k;
}

/* The value of a named member, at sc->pos. */
static int scan_member_value(champ_scanner *sc, unsigned depth, value *v)
{
    size_t start = sc->pos;
    int c = champ__json_peek(sc);
    if (c == '"') {
        if (champ__json_string(sc))
            return -1;
        *v = (value){V_STRING, sc->escaped, {sc->s + start + 1, sc->pos - start - 2}};
        return 0;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        if (champ__json_number(sc))
            return -1;
        *v = (value){V_NUMBER, 0, {sc->s + start, sc->pos - start}};
        return 0;
    }
    if (champ__json_value(sc, depth))
        return -1;
    *v = (value){c == 'n' ? V_NULL : V_OTHER, 0, {sc->s + start, sc->pos - start}};
    return 0;
}

/* A record at sc->pos, inside `depth` arrays and objects: validated like
 * any value, with the members SPEC 2 names kept in *rec. */
static int scan_record(champ_scanner *sc, unsigned depth, record *rec)
{
    rec->object = 0;
    if (champ__json_peek(sc) != '{' || depth >= CHAMP_JSON_MAX_DEPTH)
        return champ__json_value(sc, depth);
    rec->object = 1;
    rec->duplicate = MEMBER_COUNT;
    rec->escaped_bytes = 0;
    rec->unread = 0;
    for (int k = 0; k < MEMBER_COUNT; k++)
        rec->m[k].kind = V_ABSENT;
    sc->pos++;
    size_t count = 0, n = 0;
    int r;
    for (;;) {
        value v;
        enum member k = compact_member(sc, count, &v);
        if (k < MEMBER_COUNT) {
            count++;
            if (rec->m[k].kind == V_ABSENT)
                rec->m[k] = v;
            else if (rec->duplicate == MEMBER_COUNT)
                rec->duplicate = k;
            continue;
        }
        if ((r = champ__json_member_start(sc, count)) <= 0)
            return r;
        k = known_name(sc->s + sc->pos + 1, sc->end - sc->pos - 1, &n);
        if (k < MEMBER_COUNT)
            sc->pos += n + 2;
        else {
            size_t start = sc->pos + 1;
            if (champ__json_string(sc))
                return -1;
            champ_span name = {sc->s + start, sc->pos - 1 - start};
            k = member_of(name, sc->escaped);
            if (k == MEMBER_COUNT && rec->unread < UNREAD_PER_RECORD) {
                rec->unread_name[rec->unread] = name;
                rec->unread_escaped[rec->unread++] = sc->escaped;
            }
        }
        if (champ__json_member_value(sc, &count))
            return -1;
        if (k < MEMBER_COUNT && rec->m[k].kind == V_ABSENT) {
            r = scan_member_value(sc, depth + 1, &rec->m[k]);
            if (!r && rec->m[k].escaped)
                rec->escaped_bytes += rec->m[k].text.len;
        } else {
            if (k < MEMBER_COUNT && rec->duplicate == MEMBER_COUNT)
                rec->duplicate = k;
            r = champ__json_value(sc, depth + 1);
        }
        if (r)
            return -1;
    }
}

/* Put the place of the record, or of its member `k` (MEMBER_COUNT: none),
 * in front of this thread's message, and return st. */
static champ_status at_place(const place *at, enum member k, champ_status st)
{
    char where[96];
    const char *name = k < MEMBER_COUNT ? member_names[k] : NULL;
    if (at->array && name)
        snprintf(where, sizeof where, "%s[%zu].%s", at->array, at->index, name);
    else if (at->array)
        snprintf(where, sizeof where, "%s[%zu]", at->array, at->index);
    else if (name)
        snprintf(where, sizeof where, "line %zu: %s", at->index, name);
    else
        snprintf(where, sizeof where, "line %zu", at->index);
    champ__prefix_error(where);
    return st;
}

static champ_status schema_error(const place *at, enum member k, const char *what)
{
    return at_place(at, k, champ__fail(CHAMP_ERR_SCHEMA, "%s", what));
}

/* A record checked and ready for the network. */
typedef struct pending {
    record_kind kind; /* RECORD_ANY: none */
    place at;
    champ_id id[2];    /* id; or from, to */
    champ_str text[2]; /* team, group; or type */
    double time, weight;
} pending;

/* Records held back before they go to the network (see hold): as
 * many as it takes for a cache miss to complete while the scanner reads
 * the records after them. A power of two. */
#define HOLD 8

/* What reads records into a network, with room to decode escaped strings
 * and the records held back, oldest at held[first]. A quiet builder (the
 * job beside the calling thread, see read_beside) has no network and only
 * checks records: it decodes nothing, never calls strtod and leaves the
 * thread's message alone, failing with no message instead. */
typedef struct builder {
    int quiet;
    const champ_read_tuning *tuning;
    champ_network *net;
    size_t records;  /* read, of any kind */
    char *scratch;
    size_t scratch_cap;
    pending held[HOLD];
    size_t first, count;
} builder;

static void builder_clear(builder *b)
{
    free(b->scratch);
}

/* Make room to decode every escaped string of the record, so that the
 * decoded strings can all be used at once. */
static champ_status reserve_decoding(builder *b, const record *rec)
{
    size_t need = rec->escaped_bytes;
    if (need <= b->scratch_cap)
        return CHAMP_OK;
    size_t cap = b->scratch_cap ? b->scratch_cap : 256;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->scratch, cap);
    if (!p)
        return champ__nomem();
    b->scratch = p;
    b->scratch_cap = cap;
    return CHAMP_OK;
}

/* A string member's text: in place, or decoded at *used in the scratch. */
static champ_str text_of(builder *b, const value *v, size_t *used)
{
    if (!v->escaped)
        return (champ_str){(const char *)v->text.s, v->text.len};
    char *out = b->scratch + *used;
    size_t n = champ__json_decode(v->text, (unsigned char *)out);
    *used += n;
    return (champ_str){out, n};
}

/* A number member's double: strtod's in the "C" locale, as when cJSON read
 * records. Quietly, the numbers that take no strtod only. */
static champ_status number_of(const builder *b, const value *v, double *out)
{
    const char *s = (const char *)v->text.s;
    if (b->quiet)
        return champ__json_number_quick(s, v->text.len, out) ? CHAMP_OK : CHAMP_ERR_INTERNAL;
    return champ__json_number_value(s, v->text.len, out) ? champ__nomem() : CHAMP_OK;
}

/* A member's value refused: the message, unless the builder is quiet. */
static champ_status refuse(const builder *b, const place *at, enum member k, const char *what)
{
    return b->quiet ? CHAMP_ERR_SCHEMA : schema_error(at, k, what);
}

#define TOO_LONG "longer than " STRINGIFY(CHAMP_TEXT_MAX) " bytes"

static champ_status get_id(builder *b, const record *rec, enum member k, const place *at,
                           size_t *used, champ_id *out)
{
    const value *v = &rec->m[k];
    /* An escape never decodes to nothing, so raw and decoded agree on empty. */
    if (v->kind != V_STRING || v->text.len == 0)
        return refuse(b, at, k, "expected a non-empty string");
    champ_str text = text_of(b, v, used);
    if (text.len > CHAMP_TEXT_MAX)
        return refuse(b, at, k, TOO_LONG);
    champ__id_init(out, text);
    return CHAMP_OK;
}

/* Absent or null is no string, which the network reads as the default. */
static champ_status get_string(builder *b, const record *rec, enum member k, const place *at,
                               size_t *used, champ_str *out)
{
    const value *v = &rec->m[k];
    *out = (champ_str){NULL, 0};
    if (v->kind == V_ABSENT || v->kind == V_NULL)
        return CHAMP_OK;
    if (v->kind != V_STRING)
        return refuse(b, at, k, "expected a string or null");
    *out = text_of(b, v, used);
    if (out->len > CHAMP_TEXT_MAX)
        return refuse(b, at, k, TOO_LONG);
    return CHAMP_OK;
}

/* Unix seconds as a JSON number, or an RFC 3339 string. A string of digits
 * is refused: SPEC 2 writes seconds as numbers, and a quoted number is more
 * likely a broken export than a time. */
static champ_status get_time(builder *b, const record *rec, const place *at, size_t *used,
                             double *out)
{
    const value *v = &rec->m[M_TIME];
    champ_status st;
    *out = NAN;
    if (v->kind == V_ABSENT || v->kind == V_NULL)
        return CHAMP_OK;
    if (v->kind == V_NUMBER) {
        double t;
        if ((st = number_of(b, v, &t)))
            return st;
        if (isfinite(t)) {
            *out = t;
            return CHAMP_OK;
        }
    }
    if (v->kind != V_STRING)
        return refuse(b, at, M_TIME, "expected finite Unix seconds or an RFC 3339 date-time string");
    champ_str text = text_of(b, v, used);
    if (b->quiet)
        return champ__rfc3339_quiet(text.s, text.len, out) ? CHAMP_OK : CHAMP_ERR_SCHEMA;
    st = champ__parse_rfc3339(text.s, text.len, out);
    return st ? at_place(at, M_TIME, st) : CHAMP_OK;
}

static champ_status get_weight(const builder *b, const record *rec, const place *at,
                               double *out)
{
    const value *v = &rec->m[M_WEIGHT];
    double w = 0;
    champ_status st;
    *out = 1;
    if (v->kind == V_ABSENT || v->kind == V_NULL)
        return CHAMP_OK;
    if (v->kind == V_NUMBER && (st = number_of(b, v, &w)))
        return st;
    /* 1e999 reads as inf. */
    if (v->kind != V_NUMBER || !isfinite(w) || !(w > 0))
        return refuse(b, at, M_WEIGHT, "expected a finite number > 0");
    *out = w;
    return CHAMP_OK;
}

static champ_status add_now(builder *b, const pending *p)
{
    if (p->kind == RECORD_INTERACTION)
        return champ__network_add_interaction(b->net, &p->id[0], &p->id[1], p->time,
                                              p->text[0], p->weight);
    champ_status st = champ__network_add_person(b->net, &p->id[0], p->text[0], p->text[1]);
    return st == CHAMP_ERR_SCHEMA ? at_place(&p->at, M_ID, st) : st;
}

/* Add the oldest record held back. The rest are dropped on failure: the
 * reading stops there, as it would have without holding back. */
static champ_status add_oldest(builder *b)
{
    const pending *p = &b->held[b->first];
    b->first = (b->first + 1) % HOLD;
    b->count--;
    champ_status st = add_now(b, p);
    if (st)
        b->count = 0;
    return st;
}

/* Add the records held back, in order. Reading goes through here before
 * it stops, reports an error or tells progress, so that all of these
 * happen as if each record had been added as soon as it was read. */
static champ_status flush(builder *b)
{
    champ_status st = CHAMP_OK;
    while (b->count && !(st = add_oldest(b)))
        ;
    return st;
}

/* Where the record being checked goes: the next place among those held
 * back, once the oldest has gone to the network if all are taken. That
 * record comes before the one being checked, so its error, if any, comes
 * first, as it should. */
static champ_status next_held(builder *b, pending **slot)
{
    champ_status st;
    if (b->count == HOLD && (st = add_oldest(b)))
        return st;
    *slot = &b->held[(b->first + b->count) % HOLD];
    return CHAMP_OK;
}

/* Hold back the checked record at *p (from next_held) for a few records:
 * the lookups of its ids, a cache miss each on a large network, are
 * started now and complete while the scanner works. Decoded strings
 * (used > 0) live in the scratch, which the next record reuses: those
 * records go at once, after the ones held back. */
static champ_status hold(builder *b, const pending *p, size_t used)
{
    if (used) {
        pending now = *p;
        champ_status st = flush(b);
        return st ? st : add_now(b, &now);
    }
    champ__network_prefetch_id(b->net, &p->id[0]);
    if (p->kind == RECORD_INTERACTION)
        champ__network_prefetch_id(b->net, &p->id[1]);
    b->count++;
    return CHAMP_OK;
}

/* A person's or an interaction's members, checked into *p. Everything is
 * checked before the network sees it: a self-interaction with a bad weight
 * is an error, not a dropped_self. */
static champ_status check_members(builder *b, const record *rec, const place *at,
                                  record_kind kind, size_t *used, pending *p)
{
    champ_status st;
    p->kind = kind;
    p->at = *at;
    if (kind == RECORD_PERSON) {
        if ((st = get_id(b, rec, M_ID, at, used, &p->id[0])) ||
            (st = get_string(b, rec, M_TEAM, at, used, &p->text[0])))
            return st;
        return get_string(b, rec, M_GROUP, at, used, &p->text[1]);
    }
    if ((st = get_id(b, rec, M_FROM, at, used, &p->id[0])) ||
        (st = get_id(b, rec, M_TO, at, used, &p->id[1])) ||
        (st = get_time(b, rec, at, used, &p->time)) ||
        (st = get_string(b, rec, M_TYPE, at, used, &p->text[0])))
        return st;
    return get_weight(b, rec, at, &p->weight);
}

/* What a record of an array of `kind` is: a JSON Lines record
 * (RECORD_ANY) is an interaction when it has "from", else a person when it
 * has "id", else neither (RECORD_ANY). */
static record_kind kind_of(const record *rec, record_kind kind)
{
    if (kind != RECORD_ANY)
        return kind;
    return rec->m[M_FROM].kind != V_ABSENT ? RECORD_INTERACTION
           : rec->m[M_ID].kind != V_ABSENT ? RECORD_PERSON
                                           : RECORD_ANY;
}

/* The name of the record's i-th member not read, decoded into `room` when
 * it holds escapes; 0 when it is too long to be kept. */
static int unread_name(const record *rec, size_t i, unsigned char room[CHAMP_UNREAD_NAME_MAX],
                       champ_span *name)
{
    *name = rec->unread_name[i];
    if (name->len > CHAMP_UNREAD_NAME_MAX)
        return 0;
    if (rec->unread_escaped[i])
        *name = (champ_span){room, champ__json_decode(*name, room)};
    return 1;
}

/* Keep the names of the record's unread members for the warnings. */
static champ_status note_unread(builder *b, const record *rec, record_kind kind)
{
    enum champ_unread where = kind == RECORD_PERSON ? CHAMP_UNREAD_PEOPLE
                                                    : CHAMP_UNREAD_INTERACTIONS;
    for (size_t i = 0; i < rec->unread; i++) {
        unsigned char room[CHAMP_UNREAD_NAME_MAX];
        champ_span name;
        if (unread_name(rec, i, room, &name) &&
            champ__network_note_unread(b->net, where, (const char *)name.s, name.len))
            return champ__nomem();
    }
    return CHAMP_OK;
}

/* One record the scanner has accepted, read into the network. */
static champ_status read_record(builder *b, const record *rec, const place *at,
                                record_kind kind)
{
    champ_status st;
    if (!rec->object)
        return schema_error(at, MEMBER_COUNT, "expected an object");
    /* One member given twice is an error rather than a silent pick. */
    if (rec->duplicate != MEMBER_COUNT)
        return schema_error(at, rec->duplicate, "duplicate member");
    b->records++;
    if ((st = reserve_decoding(b, rec)))
        return st;
    kind = kind_of(rec, kind);
    if (kind == RECORD_ANY)
        return schema_error(at, MEMBER_COUNT,
                            "expected a person (with \"id\") or an interaction (with \"from\")");
    if (rec->unread && (st = note_unread(b, rec, kind)))
        return st;
    pending *p;
    size_t used = 0;
    if ((st = next_held(b, &p)) || (st = check_members(b, rec, at, kind, &used, p)))
        return st;
    return hold(b, p, used);
}

/* ------------------------------------------------------------------------
 * The two forms
 * ------------------------------------------------------------------------ */

/* Progress steps: a thousandth of the input, at least 1 MB. */
#define REPORT_STEP(len) ((len) / 1000 > (1u << 20) ? (len) / 1000 : (1u << 20))

/* After each record: tell the progress callback now and then. */
static champ_status report_reading(champ_scanner *sc, builder *b, size_t len)
{
    if (sc->pos < sc->next_report)
        return CHAMP_OK;
    champ_status st = flush(b);
    if (st)
        return st;
    sc->next_report = sc->pos + REPORT_STEP(len);
    return champ__progress(sc->progress, "read", len ? (double)sc->pos / (double)len : 1);
}

/* One line of JSON Lines, sc->end at its '\n' or the input's end. */
#define AFTER_LINE "unexpected data after the value"
static champ_status read_line(champ_scanner *sc, builder *b)
{
    champ__json_skip_ws(sc);
    if (sc->pos == sc->end)
        return CHAMP_OK;
    record rec;
    if (scan_record(sc, 0, &rec) || champ__json_expect_end(sc, AFTER_LINE))
        return CHAMP_ERR_PARSE;
    place at = {NULL, sc->line};
    return read_record(b, &rec, &at, RECORD_ANY);
}

/* The line starting at sc->pos: sc->end at its '\n' (returned) or at the
 * input's end, len (NULL returned). */
static const unsigned char *line_end(champ_scanner *sc, size_t len)
{
    const unsigned char *nl = memchr(sc->s + sc->pos, '\n', len - sc->pos);
    sc->end = nl ? (size_t)(nl - sc->s) : len;
    return nl;
}

/* ------------------------------------------------------------------------
 * Interactions in two parts, on both cores. An "interactions" array of many
 * megabytes, or JSON Lines, is cut at a record near its middle: the calling
 * thread reads the first part the ordinary way while a job reads the
 * second into rows of its own, then the calling thread adds the rows in
 * order. The job checks every record as the ordinary way does, quietly (it
 * allocates nothing and leaves the thread's message alone: lib/pool.h),
 * and numbers people and types by copies of the network's tables made when
 * the part starts (a document's people list). Ids and types the copies
 * lack -- people not listed, types first met in the interactions, ids
 * longer than the copies hold, every id of JSON Lines -- it numbers itself,
 * and the calling thread gives them the network's numbers as it adds the
 * rows, in order, so people are numbered as a single thread numbers them.
 * It keeps the names of members not read, for the warnings. What it
 * cannot settle -- a JSON Lines person, an escaped value, a number for
 * strtod, anything wrong, more new ids than it has room for -- it leaves to the calling thread, which reads that record again the
 * ordinary way when its turn comes: every message is a single thread's. A
 * record the job cannot scan ends its part; the calling thread reads on
 * from there.
 *
 * In an array the cut is a guess: the first '{' after a ',' from the
 * middle on, which may lie inside a string or past the array. It holds
 * only if the calling thread, reading the first part, arrives at that very
 * byte between two records; otherwise the job is stopped and the calling
 * thread reads the rest itself. In JSON Lines the cut is the start of a
 * line, which always holds (JSON strings hold no raw '\n').
 *
 * Measured (docs/performance.md): L's read 3.25 s -> 2.21 s, M's 0.31 ->
 * 0.20 s; as JSON Lines 3.61 -> 2.30 s and 0.31 -> 0.23 s. A pipeline was tried first (the job scanning and checking every
 * record, the calling thread adding them): it saved nothing, the adding
 * side alone taking as long as a whole read.
 * ------------------------------------------------------------------------ */

/* The fewest bytes an interaction takes in an array, {"from":"a","to":"b"}
 * and a comma: the job's part has at most its bytes / this many records. */
#define INTERACTION_MIN 22

/* Records the job checks before it looks up their ids, the slots loading
 * meanwhile. */
#define PART_CHUNK 32

/* A place in the input the scanner can be put back to, with the count of
 * the array's elements before it. */
typedef struct mark {
    size_t pos, line, line_start, count;
} mark;

static mark mark_at(const champ_scanner *sc, size_t count)
{
    return (mark){sc->pos, sc->line, sc->line_start, count};
}

enum row_state {
    ROW_ADD,  /* the row holds the interaction */
    ROW_SELF, /* a self-interaction, dropped */
    ROW_READ  /* the calling thread reads the record again */
};

/* Ids and types the copies lack that the job meets (people not listed,
 * types first named in the array) it numbers itself, with this flag: the
 * calling thread gives them the network's numbers as it adds the rows, in
 * order, as the network would have. Beyond this many of each, their
 * records go back to the calling thread. */
#define PART_NEW 0x80000000u
#define PART_IDS (1u << 16) /* unless the tuning says */
#define PART_TYPES 64

/* The second part, as the job reads it: one row per record. */
typedef struct part {
    champ_scanner sc;  /* quiet; lines counted from 0 at the part's start */
    const char *name;  /* the array's; NULL: JSON Lines */
    size_t len;        /* the input's */
    int done;          /* JSON Lines: the last line is read */
    champ_strtab_frozen ids, types;
    champ_id *new_id;      /* new_id_cap of them */
    uint32_t *new_slot;    /* their table: new_mask + 1 slots, at least
                              twice new_id_cap; CHAMP_NONE: empty */
    size_t new_id_cap, new_mask, new_ids;
    champ_str new_type[PART_TYPES];
    size_t new_types;
    /* The first distinct names of interactions' members not read, as met.
     * The network keeps the first CHAMP_UNREAD_MAX it meets: of these, the
     * ones it lacks are at least as many as it has room left for, so no
     * later name of the part could be kept. */
    unsigned char unread[CHAMP_UNREAD_MAX][CHAMP_UNREAD_NAME_MAX];
    size_t unread_len[CHAMP_UNREAD_MAX], unread_names;
    uint32_t *number;      /* the network's numbers of the new ids, then of
                              the new types: the calling thread's */
    atomic_int *cancel;
    size_t cap;        /* rows there is room for */
    uint32_t *from, *to, *type;
    double *time, *weight;
    size_t *at;        /* each record's first byte */
    unsigned char *state;
    size_t rows;
    mark resume;       /* where reading goes on: before the element the job
                          did not read (the array's end, or trouble) */
} part;

static void part_free(part *pt)
{
    champ_strtab_frozen_free(&pt->ids);
    champ_strtab_frozen_free(&pt->types);
    free(pt->from);
    free(pt->to);
    free(pt->type);
    free(pt->time);
    free(pt->weight);
    free(pt->at);
    free(pt->state);
    free(pt->new_id);
    free(pt->new_slot);
    free(pt->number);
}

/* Room for `cap` rows and `new_ids` new ids, and the copies of the
 * tables; 0 when there is none (then the calling thread reads everything).
 * The sizes are bounded by the input's. */
static int part_init(part *pt, const champ_network *net, size_t cap, size_t new_ids)
{
    size_t slots = 2;
    while (slots < 2 * new_ids)
        slots *= 2;
    *pt = (part){.cap = cap, .new_id_cap = new_ids, .new_mask = slots - 1};
    pt->from = malloc(cap * sizeof *pt->from);
    pt->to = malloc(cap * sizeof *pt->to);
    pt->type = malloc(cap * sizeof *pt->type);
    pt->time = malloc(cap * sizeof *pt->time);
    pt->weight = malloc(cap * sizeof *pt->weight);
    pt->at = malloc(cap * sizeof *pt->at);
    pt->state = malloc(cap);
    pt->new_id = malloc(new_ids * sizeof *pt->new_id);
    pt->new_slot = malloc(slots * sizeof *pt->new_slot);
    pt->number = malloc((new_ids + PART_TYPES) * sizeof *pt->number);
    if (pt->from && pt->to && pt->type && pt->time && pt->weight && pt->at && pt->state &&
        pt->new_id && pt->new_slot && pt->number &&
        champ_strtab_freeze(&net->ids, &pt->ids) == 0 &&
        champ_strtab_freeze(&net->types, &pt->types) == 0) {
        memset(pt->new_slot, 0xFF, slots * sizeof *pt->new_slot);
        for (size_t i = 0; i < new_ids + PART_TYPES; i++)
            pt->number[i] = CHAMP_NONE;
        return 1;
    }
    part_free(pt);
    return 0;
}

/* The number of a person: in the copy, else the job's (with PART_NEW);
 * CHAMP_NONE when the job has no room for another. */
static uint32_t part_id(part *pt, const champ_id *id)
{
    uint32_t v = champ_strtab_frozen_find(&pt->ids, id);
    if (v < PART_NEW)
        return v;
    for (size_t at = (size_t)id->hash & pt->new_mask;; at = (at + 1) & pt->new_mask) {
        uint32_t j = pt->new_slot[at];
        if (j == CHAMP_NONE) {
            if (pt->new_ids == pt->new_id_cap)
                return CHAMP_NONE;
            pt->new_id[pt->new_ids] = *id;
            pt->new_slot[at] = (uint32_t)pt->new_ids;
            return PART_NEW | (uint32_t)pt->new_ids++;
        }
        if (champ_strtab_key_equal(&pt->new_id[j], id))
            return PART_NEW | j;
    }
}

/* The number of an interaction's type: the default when absent or empty
 * (as the network takes it), else its number in the copy, else the job's
 * (with PART_NEW); CHAMP_NONE when the job has no room for another. */
static uint32_t part_type(part *pt, champ_str type)
{
    if (!type.s || !type.len)
        return 0;
    champ_strtab_key k;
    champ_strtab_key_init(&k, type.s, type.len);
    uint32_t t = champ_strtab_frozen_find(&pt->types, &k);
    if (t < PART_NEW)
        return t;
    for (size_t j = 0; j < pt->new_types; j++)
        if (pt->new_type[j].len == type.len && memcmp(pt->new_type[j].s, type.s, type.len) == 0)
            return PART_NEW | (uint32_t)j;
    if (pt->new_types == PART_TYPES)
        return CHAMP_NONE;
    pt->new_type[pt->new_types] = type;
    return PART_NEW | (uint32_t)pt->new_types++;
}

/* Settle row i from its checked record. */
static void part_settle(part *pt, size_t i, const pending *p)
{
    pt->state[i] = ROW_READ;
    if (p->kind != RECORD_INTERACTION)
        return;
    if (champ_strtab_key_equal(&p->id[0], &p->id[1])) {
        pt->state[i] = ROW_SELF;
        return;
    }
    uint32_t u = part_id(pt, &p->id[0]), v = part_id(pt, &p->id[1]);
    uint32_t t = part_type(pt, p->text[0]);
    if (u == CHAMP_NONE || v == CHAMP_NONE || t == CHAMP_NONE)
        return;
    pt->from[i] = u;
    pt->to[i] = v;
    pt->type[i] = t;
    pt->time[i] = p->time;
    pt->weight[i] = p->weight;
    pt->state[i] = ROW_ADD;
}

/* The job's next record into *rec, its row's place set: 1; 0 where the
 * job stops (its rows full, the array's or the input's end, a record it
 * cannot scan), with pt->resume there: before the array's next element, or
 * at the start of a line. */
static int next_part_record(part *pt, size_t *count, record *rec)
{
    champ_scanner *sc = &pt->sc;
    if (pt->name) {
        mark before = mark_at(sc, *count);
        int r = pt->rows < pt->cap ? champ__json_next_element(sc, count) : 0;
        if (r > 0)
            pt->at[pt->rows] = sc->pos;
        if (r > 0 && !scan_record(sc, 2, rec))
            return 1;
        pt->resume = before;
        return 0;
    }
    for (;;) {
        mark before = mark_at(sc, 0);
        if (pt->done || pt->rows == pt->cap) {
            pt->resume = before;
            return 0;
        }
        const unsigned char *nl = line_end(sc, pt->len);
        champ__json_skip_ws(sc);
        int empty = sc->pos == sc->end;
        if (!empty) {
            pt->at[pt->rows] = before.pos;
            if (scan_record(sc, 0, rec) || champ__json_expect_end(sc, AFTER_LINE)) {
                pt->resume = before;
                return 0;
            }
        }
        if (nl) {
            sc->pos = sc->line_start = sc->end + 1;
            sc->line++;
        } else { /* the input's end: from here an empty line, read */
            sc->pos = sc->line_start = pt->len;
            pt->done = 1;
        }
        if (!empty)
            return 1;
    }
}

/* Keep, in the order met, the names of an interaction's members not read. */
static void part_note_unread(part *pt, const record *rec)
{
    for (size_t i = 0; i < rec->unread && pt->unread_names < CHAMP_UNREAD_MAX; i++) {
        unsigned char room[CHAMP_UNREAD_NAME_MAX];
        champ_span name;
        if (!unread_name(rec, i, room, &name))
            continue;
        size_t j = 0;
        while (j < pt->unread_names &&
               !(pt->unread_len[j] == name.len && memcmp(pt->unread[j], name.s, name.len) == 0))
            j++;
        if (j == pt->unread_names) {
            memcpy(pt->unread[j], name.s, name.len);
            pt->unread_len[pt->unread_names++] = name.len;
        }
    }
}

/* The job: records from the cut to the array's or the input's end, or to
 * one it cannot scan, or until its rows are full; nothing once cancelled.
 * Only interactions are settled (a JSON Lines person goes back). */
static void read_part(void *arg)
{
    part *pt = arg;
    builder quiet = {.quiet = 1};
    pending chunk[PART_CHUNK];
    size_t count = 0;
    int more = 1;
    while (more && !atomic_load_explicit(pt->cancel, memory_order_relaxed)) {
        size_t first = pt->rows, n = 0;
        record rec;
        while (n < PART_CHUNK && (more = next_part_record(pt, &count, &rec))) {
            pending *p = &chunk[n++];
            place at = {pt->name, 0}; /* quiet: never named */
            size_t used = 0;
            pt->rows++;
            int interaction = rec.object && rec.duplicate == MEMBER_COUNT &&
                              kind_of(&rec, pt->name ? RECORD_INTERACTION : RECORD_ANY) ==
                                  RECORD_INTERACTION;
            if (interaction && rec.unread)
                part_note_unread(pt, &rec);
            int settles = interaction && !rec.escaped_bytes &&
                          !check_members(&quiet, &rec, &at, RECORD_INTERACTION, &used, p);
            if (!settles) {
                p->kind = RECORD_ANY;
                continue;
            }
            champ_strtab_frozen_prefetch(&pt->ids, &p->id[0]);
            champ_strtab_frozen_prefetch(&pt->ids, &p->id[1]);
        }
        for (size_t k = 0; k < n; k++)
            part_settle(pt, first + k, &chunk[k]);
    }
}

/* The network's numbers for what the job numbered itself in rows i..j,
 * given as the rows come: the network numbers a person or a type when it
 * first adds one, from before to (`numbers`: the ids', then the types'). */
static champ_status number_new(champ_network *net, part *pt, size_t i, size_t j)
{
    uint32_t *numbers = pt->number, *types = pt->number + pt->new_id_cap;
    for (; i < j; i++) {
        uint32_t *end[2] = {&pt->from[i], &pt->to[i]};
        for (int k = 0; k < 2; k++) {
            uint32_t v = *end[k];
            if (!(v & PART_NEW))
                continue;
            v &= ~PART_NEW;
            if (numbers[v] == CHAMP_NONE &&
                champ__network_intern_id(net, &pt->new_id[v], &numbers[v]))
                return CHAMP_ERR_NOMEM;
            *end[k] = numbers[v];
        }
        uint32_t t = pt->type[i];
        if (!(t & PART_NEW))
            continue;
        t &= ~PART_NEW;
        if (types[t] == CHAMP_NONE && champ__network_intern_type(net, pt->new_type[t], &types[t]))
            return CHAMP_ERR_NOMEM;
        pt->type[i] = types[t];
    }
    return CHAMP_OK;
}

/* The rows of the job's part, cut at `cut`, into the network, in order.
 * `before`: the array's elements before the part, or (JSON Lines) the
 * number of the part's first line. */
static champ_status add_part(builder *b, champ_scanner *sc, part *pt, size_t cut, size_t before)
{
    size_t line = before, counted = cut; /* JSON Lines: line `line` starts at `counted` */
    /* Noted now or as each row comes, the network keeps the same names:
     * its table of them is its own, and only their order counts. */
    for (size_t k = 0; k < pt->unread_names; k++)
        if (champ__network_note_unread(b->net, CHAMP_UNREAD_INTERACTIONS,
                                       (const char *)pt->unread[k], pt->unread_len[k]))
            return champ__nomem();
    champ_status st = CHAMP_OK;
    for (size_t i = 0, j; !st && i < pt->rows; i = j) {
        for (j = i; j < pt->rows && pt->state[j] == ROW_ADD; j++)
            ;
        if (j > i) { /* after the records held back */
            if (!(st = flush(b)) && !(st = number_new(b->net, pt, i, j)))
                st = champ__network_append(b->net, j - i, pt->from + i, pt->to + i,
                                           pt->type + i, pt->time + i, pt->weight + i);
            b->records += j - i;
            continue;
        }
        j = i + 1;
        if (pt->state[i] == ROW_SELF) {
            b->records++;
            b->net->dropped_self++;
            continue;
        }
        if (!pt->name) { /* the line starting at at[i] */
            const unsigned char *nl;
            while ((nl = memchr(sc->s + counted, '\n', pt->at[i] - counted))) {
                line++;
                counted = (size_t)(nl - sc->s) + 1;
            }
            sc->pos = sc->line_start = pt->at[i];
            sc->line = line;
            line_end(sc, pt->len);
            st = read_line(sc, b);
            continue;
        }
        record rec;
        sc->pos = pt->at[i];
        if (scan_record(sc, 2, &rec))
            return CHAMP_ERR_PARSE;
        place at = {pt->name, before + i};
        st = read_record(b, &rec, &at, RECORD_INTERACTION);
    }
    return st;
}

/* What the calling thread does while the job reads its part. */
typedef struct first_part {
    champ_scanner *sc;
    builder *b;
    const char *name; /* the array's; NULL: JSON Lines */
    size_t len;       /* the input's */
    size_t count;     /* elements read */
    size_t cut;       /* where the part starts; 0 once the cut did not hold */
    int threaded;
    atomic_int *cancel;
} first_part;

static champ_status read_elements(champ_scanner *sc, builder *b, const char *name,
                                  record_kind kind, size_t *count, size_t *cut);
static champ_status read_lines_from(champ_scanner *sc, builder *b, size_t len, size_t cut,
                                    int people, int *finished);

/* The element at sc, the array's count-th. */
static champ_status read_element(champ_scanner *sc, builder *b, const char *name,
                                 record_kind kind, size_t count)
{
    record rec;
    if (scan_record(sc, 2, &rec))
        return CHAMP_ERR_PARSE;
    place at = {name, count - 1};
    champ_status st = read_record(b, &rec, &at, kind);
    return st ? st : report_reading(sc, b, sc->end);
}

static champ_status read_first_part(void *arg)
{
    first_part *fp = arg;
    if (!fp->threaded) /* the job runs after this: it must find nothing to do */
        fp->cut = 0;
    champ_status st;
    if (fp->name)
        st = read_elements(fp->sc, fp->b, fp->name, RECORD_INTERACTION, &fp->count, &fp->cut);
    else {
        int finished;
        if (!(st = read_lines_from(fp->sc, fp->b, fp->len, fp->cut, 0, &finished)) && finished)
            fp->cut = 0;
    }
    if (!fp->cut)
        atomic_store(fp->cancel, 1);
    return st;
}

/* Where the second part of the array starting at `start` begins: the first
 * '{' after a ',' (and white space) from `from` on; 0 when there is none. */
static size_t find_cut(const champ_scanner *sc, size_t from)
{
    const unsigned char *s = sc->s;
    for (size_t i = from; i < sc->end; i++) {
        if (s[i] != ',')
            continue;
        size_t j = i + 1;
        while (j < sc->end && (s[j] == ' ' || s[j] == '\n' || s[j] == '\r' || s[j] == '\t'))
            j++;
        if (j < sc->end && s[j] == '{')
            return j;
    }
    return 0;
}

/* Where the second part of JSON Lines begins: the start of the first line
 * after `from`; 0 when there is none. */
static size_t find_line_cut(const champ_scanner *sc, size_t from, size_t len)
{
    const unsigned char *nl = from < len ? memchr(sc->s + from, '\n', len - from) : NULL;
    size_t cut = nl ? (size_t)(nl - sc->s) + 1 : 0;
    return cut < len ? cut : 0;
}

/* Read the interactions from sc -- after the array's '[', no element read;
 * or, name NULL, JSON Lines from the start of a line -- in two parts when
 * the tuning says the input is long enough. Returns with *finished = 1
 * when the whole array (or input) is read, else with sc and *count where
 * the ordinary reading goes on (where it started, when the input is not
 * long enough). */
static champ_status read_in_parts(champ_scanner *sc, builder *b, const char *name, size_t len,
                                  size_t *count, int *finished)
{
    const champ_read_tuning *t = b->tuning;
    size_t start = sc->pos, bytes = len - start;
    *finished = 0;
    if (bytes < t->split_min || bytes < 2)
        return CHAMP_OK;
    /* With no people in the tables yet (no people list before), the job
     * would number every id itself: slower than one thread (JSON Lines of
     * L without its people first: 3.5 s -> 5.0 s). The tests force it. */
    if (!b->net->ids.count && !t->new_ids)
        return CHAMP_OK;
    size_t from = t->split_from > start ? t->split_from : start + bytes / 2;
    size_t cut = name ? find_cut(sc, from) : find_line_cut(sc, from, len);
    if (!cut)
        return CHAMP_OK;
    part pt;
    size_t rows = t->rows ? t->rows : (len - cut) / INTERACTION_MIN + 1;
    if (!part_init(&pt, b->net, rows, t->new_ids ? t->new_ids : PART_IDS))
        return CHAMP_OK;
    atomic_int cancel = 0;
    pt.cancel = &cancel;
    pt.name = name;
    pt.len = len;
    pt.sc = *sc;
    pt.sc.quiet = 1;
    pt.sc.progress = NULL;
    pt.sc.pos = pt.sc.line_start = cut;
    pt.sc.line = 0;
    first_part fp = {sc, b, name, len, 0, cut, 0, &cancel};
    void *args[1] = {&pt};
    champ_run run = {.jobs = 1, .job = read_part, .args = args, .threads = 1,
                     .beside = read_first_part, .beside_arg = &fp, .cancel = &cancel,
                     .threaded = &fp.threaded};
    champ_status st = champ__run(&run);
    *finished = !fp.cut;
    *count = fp.count;
    if (!st && fp.cut && name && !pt.rows) /* the job could not scan its first */
        st = read_element(sc, b, name, RECORD_INTERACTION, fp.count);
    else if (!st && fp.cut) { /* the first part ends at the cut: add the job's */
        size_t line = sc->line, line_start = sc->line_start;
        size_t before = name ? fp.count - 1 : line; /* next_element counted the part's first */
        st = add_part(b, sc, &pt, cut, before);
        if (t->parted)
            *t->parted += pt.rows;
        sc->pos = pt.resume.pos;
        sc->line = line + pt.resume.line;
        sc->line_start = pt.resume.line ? pt.resume.line_start : line_start;
        *count = before + pt.resume.count;
    }
    part_free(&pt);
    return st;
}

/* The elements of an array from sc, *count read before, to its end (0) or
 * an error; when *cut is not 0, stops before reading the element starting
 * at *cut, or sets *cut to 0 once past it. */
static champ_status read_elements(champ_scanner *sc, builder *b, const char *name,
                                  record_kind kind, size_t *count, size_t *cut)
{
    int r;
    while ((r = champ__json_next_element(sc, count)) > 0) {
        if (*cut && sc->pos >= *cut) {
            if (sc->pos == *cut)
                return CHAMP_OK;
            *cut = 0;
        }
        champ_status st = read_element(sc, b, name, kind, *count);
        if (st)
            return st;
    }
    if (*cut) /* the array ended before the cut */
        *cut = 0;
    return r < 0 ? CHAMP_ERR_PARSE : CHAMP_OK;
}

/* The records of an array whose '[' is at sc->pos. */
static champ_status read_records(champ_scanner *sc, builder *b, const char *name, record_kind kind)
{
    sc->pos++;
    size_t count = 0, no_cut = 0;
    int finished = 0;
    champ_status st = kind == RECORD_INTERACTION
                          ? read_in_parts(sc, b, name, sc->end, &count, &finished)
                          : CHAMP_OK;
    if (st || finished)
        return st;
    return read_elements(sc, b, name, kind, &count, &no_cut);
}

/* The value of the top-level member `name`: an array of records. */
static champ_status read_array(champ_scanner *sc, builder *b, const char *name, record_kind kind,
                               int *seen)
{
    if (*seen)
        return champ__fail(CHAMP_ERR_SCHEMA, "%s: duplicate member", name);
    *seen = 1;
    if (champ__json_peek(sc) != '[') {
        if (champ__json_value(sc, 1))
            return CHAMP_ERR_PARSE;
        return champ__fail(CHAMP_ERR_SCHEMA, "%s: expected an array", name);
    }
    /* Even an empty list says who is listed (SPEC 2). */
    if (kind == RECORD_PERSON)
        champ__network_set_has_people(b->net);
    /* The records held back come before whatever stopped the reading. */
    champ_status st = read_records(sc, b, name, kind);
    champ_status held = flush(b);
    return held ? held : st;
}

/* A top-level member the contract does not name: checked, then ignored. */
static champ_status skip_ignored(champ_scanner *sc)
{
    sc->max_number = SIZE_MAX;
    int r = champ__json_value(sc, 1);
    sc->max_number = CHAMP_NUMBER_MAX;
    return r ? CHAMP_ERR_PARSE : CHAMP_OK;
}

/* The name of a top-level member that is not read, for the warnings. */
static champ_status note_document_member(builder *b, champ_span key)
{
    unsigned char decoded[CHAMP_UNREAD_NAME_MAX];
    if (key.len > CHAMP_UNREAD_NAME_MAX)
        return CHAMP_OK;
    size_t n = champ__json_decode(key, decoded);
    return champ__network_note_unread(b->net, CHAMP_UNREAD_DOCUMENT, (const char *)decoded, n)
               ? champ__nomem()
               : CHAMP_OK;
}

/* An input that holds no interaction at all has nothing to rank: say what
 * it holds instead. */
static int has_interactions(const builder *b)
{
    return b->net->interactions + b->net->dropped_self > 0;
}

static champ_status no_interactions_in_document(const builder *b, int seen_interactions)
{
    if (seen_interactions)
        return champ__fail(CHAMP_ERR_SCHEMA, "no interactions: \"interactions\" is empty");
    const champ_strtab *unread = &b->net->unread[CHAMP_UNREAD_DOCUMENT];
    if (!unread->count)
        return champ__fail(CHAMP_ERR_SCHEMA,
                           "no interactions: the document has no \"interactions\" member");
    char names[CHAMP_NAMES_MAX];
    champ__quote_names(names, sizeof names, unread);
    return champ__fail(CHAMP_ERR_SCHEMA,
                       "no interactions: the document has no \"interactions\" member (%s %s "
                       "not read)",
                       names, unread->count == 1 ? "is" : "are");
}

static champ_status read_document(const unsigned char *s, size_t len, builder *b,
                                  const champ_progress *progress)
{
    champ_scanner sc = champ__json_start(s, len, "input", progress);
    champ__json_skip_ws(&sc);
    if (champ__json_peek(&sc) != '{') {
        if (champ__json_value(&sc, 0))
            return CHAMP_ERR_PARSE;
        return champ__fail(CHAMP_ERR_SCHEMA, "expected an object at the top level");
    }
    sc.pos++;
    int seen_people = 0, seen_interactions = 0, r;
    size_t count = 0;
    champ_span key;
    while ((r = champ__json_next_member(&sc, &count, &key)) > 0) {
        champ_status st;
        if (champ__json_key_is(key, "people"))
            st = read_array(&sc, b, "people", RECORD_PERSON, &seen_people);
        else if (champ__json_key_is(key, "interactions"))
            st = read_array(&sc, b, "interactions", RECORD_INTERACTION, &seen_interactions);
        else if (!(st = skip_ignored(&sc)))
            st = note_document_member(b, key);
        if (st)
            return st;
    }
    if (r < 0 || champ__json_expect_end(&sc, "unexpected data after the top-level object"))
        return CHAMP_ERR_PARSE;
    return has_interactions(b) ? CHAMP_OK : no_interactions_in_document(b, seen_interactions);
}

/* Lines from sc, at a line's start, to the input's end (len; *finished =
 * 1); or to the line starting at `cut`, when not 0; or, with `people`, to
 * the line after the first that adds an interaction (as the people of an
 * export come first). */
static champ_status read_lines_from(champ_scanner *sc, builder *b, size_t len, size_t cut,
                                    int people, int *finished)
{
    *finished = 0;
    for (;;) {
        if (cut && sc->pos == cut)
            return CHAMP_OK;
        const unsigned char *nl = line_end(sc, len);
        champ_status st = read_line(sc, b);
        if (st || (st = report_reading(sc, b, len)))
            return st;
        if (!nl) {
            *finished = 1;
            return CHAMP_OK;
        }
        sc->pos = sc->line_start = sc->end + 1;
        sc->line++;
        if (people && has_interactions(b))
            return CHAMP_OK;
    }
}

/* The people first on this thread; then the rest, in two parts when long. */
static champ_status read_each_line(const unsigned char *s, size_t len, builder *b,
                                    const champ_progress *progress)
{
    champ_scanner sc = champ__json_start(s, len, "line", progress);
    size_t none = 0;
    int finished = 0;
    champ_status st = read_lines_from(&sc, b, len, 0, 1, &finished);
    if (!st && !finished)
        st = read_in_parts(&sc, b, NULL, len, &none, &finished);
    if (!st && !finished)
        st = read_lines_from(&sc, b, len, 0, 0, &finished);
    return st;
}

static champ_status read_lines(const unsigned char *s, size_t len, builder *b,
                               const champ_progress *progress)
{
    /* The records held back come before whatever stopped the reading. */
    champ_status st = read_each_line(s, len, b, progress);
    champ_status held = flush(b);
    if (held || st)
        return held ? held : st;
    if (has_interactions(b))
        return CHAMP_OK;
    return champ__fail(CHAMP_ERR_SCHEMA, b->records ? "no interactions: no line has \"from\""
                                                    : "no interactions: the input is empty");
}

/* The form of JSON whose caller does not say. The document when the first
 * object has "people" or "interactions": decided at that member, so that a
 * large document is not scanned twice. Otherwise the first value is
 * scanned: JSON Lines when several values follow each other, or when a
 * lone object looks like a record ("from" or "id"), or when there is
 * nothing but white space (no line, so no interaction). A first value spanning
 * lines cannot be a JSON Lines record, so input continuing after one is
 * read, and reported, as a document with trailing data. */
static champ_status detect_form(const unsigned char *s, size_t len, champ_form *form)
{
    champ_scanner sc = champ__json_start(s, len, "input", NULL);
    champ__json_skip_ws(&sc);
    if (sc.pos == sc.end) { /* nothing but white space: JSON Lines without a line */
        *form = CHAMP_FORM_LINES;
        return CHAMP_OK;
    }
    size_t first_line = sc.line;
    int object = champ__json_peek(&sc) == '{', record_key = 0, r = 0;
    if (object) {
        size_t count = 0;
        champ_span key;
        sc.pos++;
        while ((r = champ__json_next_member(&sc, &count, &key)) > 0) {
            if (champ__json_key_is(key, "people") || champ__json_key_is(key, "interactions")) {
                *form = CHAMP_FORM_DOCUMENT;
                return CHAMP_OK;
            }
            record_key |= champ__json_key_is(key, "from") || champ__json_key_is(key, "id");
            if ((r = champ__json_value(&sc, 1)))
                break;
        }
    } else
        r = champ__json_value(&sc, 0);
    if (r < 0)
        return CHAMP_ERR_PARSE;
    int one_line = sc.line == first_line;
    champ__json_skip_ws(&sc);
    int more = sc.pos < sc.end;
    *form = (more ? one_line : object && record_key) ? CHAMP_FORM_LINES : CHAMP_FORM_DOCUMENT;
    return CHAMP_OK;
}

/* Measured on L (docs/performance.md): ... */
const champ_read_tuning champ__read_tuning = {
    .split_min = 8u << 20,
};

champ_status champ__read_export(const char *data, size_t len, champ_form form,
                                const champ_progress *progress, champ_network **out)
{
    return champ__read_export_tuned(data, len, form, progress, &champ__read_tuning, out);
}

champ_status champ__read_export_tuned(const char *data, size_t len, champ_form form,
                                      const champ_progress *progress,
                                      const champ_read_tuning *tuning, champ_network **out)
{
    const unsigned char *s = (const unsigned char *)data;
    champ_network *net = NULL;
    champ_status st;
    *out = NULL;
    if (form == CHAMP_FORM_DETECT && (st = detect_form(s, len, &form)))
        return st;
    if ((st = champ_network_new(&net)))
        return st;
    builder b = {.tuning = tuning, .net = net};
    st = form == CHAMP_FORM_LINES ? read_lines(s, len, &b, progress)
                                  : read_document(s, len, &b, progress);
    builder_clear(&b);
    if (!st)
        st = champ__progress(progress, "read", 1);
    if (st) {
        champ_network_free(net);
        net = NULL;
    }
    *out = net;
    return st;
}

