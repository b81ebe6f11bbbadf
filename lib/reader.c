/* Reading exports (SPEC 2). A validating scanner walks the bytes once and
 * keeps, for one record at a time, where the members that matter are; their
 * values go to the network straight from the input, decoded only when they
 * hold escapes. Memory stays bounded by the network, not the file, which is
 * mapped, not copied. */
#include "reader.h"
#include "progress.h"
#include "errors.h"
#include "network.h"
#include "text.h"
#include "timeparse.h"
#include "utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif


/* Keeps the uncommon part of a hot function out of line, so that the common
 * part can be inlined where it is used. */
#if defined(__GNUC__)
#define OUT_OF_LINE __attribute__((noinline))
#else
#define OUT_OF_LINE
#endif

/* ------------------------------------------------------------------------
 * Scanner: RFC 8259 validation with positions. Its functions return 0, or
 * -1 after recording a message, which always means CHAMP_ERR_PARSE.
 * Columns count characters (code points) from 1, as editors show them.
 * ------------------------------------------------------------------------ */

typedef struct scanner {
    const unsigned char *s;
    size_t end;        /* where scanning stops: the input's end, or the line's */
    size_t pos;
    size_t line;       /* 1-based */
    size_t line_start; /* offset of the current line's first byte */
    const char *unit;  /* "input" or "line": what ends too early */
    size_t max_number; /* longest number accepted (see scan_number) */
    const champ_progress *progress;
    size_t next_report; /* offset after which progress is told again */
    int escaped;        /* the last string scanned has a backslash */
} scanner;

typedef struct span {
    const unsigned char *s;
    size_t len;
} span;

static scanner scanner_start(const unsigned char *s, size_t len, const char *unit,
                             const champ_progress *progress)
{
    size_t bom = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    return (scanner){s, len, bom, 1, bom, unit, CHAMP_NUMBER_MAX, progress, 0, 0};
}

/* Progress steps: a thousandth of the input, at least 1 MB. */
#define REPORT_STEP(len) ((len) / 1000 > (1u << 20) ? (len) / 1000 : (1u << 20))


static int peek(const scanner *sc)
{
    return sc->pos < sc->end ? sc->s[sc->pos] : -1;
}

/* At the end of the input or line, whatever was expected, the message is
 * "unexpected end of ...". */
static int syntax_error(const scanner *sc, const char *what)
{
    size_t column = 1;
    for (size_t i = sc->line_start; i < sc->pos; i++)
        column += (sc->s[i] & 0xC0) != 0x80;
    if (sc->pos >= sc->end)
        champ__fail(CHAMP_ERR_PARSE, "line %zu, column %zu: unexpected end of %s", sc->line,
                    column, sc->unit);
    else
        champ__fail(CHAMP_ERR_PARSE, "line %zu, column %zu: %s", sc->line, column, what);
    return -1;
}

static OUT_OF_LINE void skip_ws_loop(scanner *sc)
{
    for (; sc->pos < sc->end; sc->pos++) {
        unsigned char c = sc->s[sc->pos];
        if (c == '\n') {
            sc->line++;
            sc->line_start = sc->pos + 1;
        } else if (c != ' ' && c != '\t' && c != '\r')
            return;
    }
}

/* Most tokens follow the one before directly: that case inline. */
static inline void skip_ws(scanner *sc)
{
    if (sc->pos >= sc->end || sc->s[sc->pos] <= ' ')
        skip_ws_loop(sc);
}

static int expect_end(scanner *sc, const char *what)
{
    skip_ws(sc);
    return sc->pos < sc->end ? syntax_error(sc, what) : 0;
}

/* The code unit of the \uXXXX escape at s[0..avail), or -1. */
static long unicode_escape(const unsigned char *s, size_t avail)
{
    if (avail < 6 || s[0] != '\\' || s[1] != 'u')
        return -1;
    long v = 0;
    for (size_t i = 2; i < 6; i++) {
        int c = s[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* The escape at the backslash at sc->pos. */
static int scan_escape(scanner *sc)
{
    const unsigned char *s = sc->s + sc->pos;
    size_t avail = sc->end - sc->pos;
    switch (avail > 1 ? s[1] : 0) {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        sc->pos += 2;
        return 0;
    case 'u':
        break;
    default:
        return syntax_error(sc, "invalid escape in string");
    }
    long u = unicode_escape(s, avail);
    if (u < 0)
        return syntax_error(sc, "invalid \\u escape in string");
    /* Strings in the network are C strings: a NUL would cut them. */
    if (u == 0)
        return syntax_error(sc, "NUL (\\u0000) is not allowed in strings");
    if (u >= 0xDC00 && u <= 0xDFFF)
        return syntax_error(sc, "unpaired surrogate in \\u escape");
    if (u >= 0xD800 && u <= 0xDBFF) {
        long low = unicode_escape(s + 6, avail - 6);
        if (low < 0xDC00 || low > 0xDFFF)
            return syntax_error(sc, "unpaired surrogate in \\u escape");
        sc->pos += 6;
    }
    sc->pos += 6;
    return 0;
}

/* How many bytes at s[0..n) a string holds as they are: printable ASCII
 * other than '"' and '\\'. Most strings of an export end within 16 bytes:
 * with SSE2 (every x86-64), 16 at a time, a signed compare finding control
 * and non-ASCII bytes at once. Then 8 at a time where the compiler tells
 * the byte order: each test below flags the bytes it looks for, and may
 * flag a byte above a flagged one (a borrow), never below, so the lowest
 * flag is the first byte that is not plain. */
static inline size_t plain_run(const unsigned char *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i stop = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                         _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
            _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
        unsigned mask = (unsigned)_mm_movemask_epi8(stop);
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
    }
#endif
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;
    for (; i + 8 <= n; i += 8) {
        uint64_t w, quote, backslash;
        memcpy(&w, s + i, 8);
        quote = w ^ (ones * '"');
        backslash = w ^ (ones * '\\');
        uint64_t stop = (((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
                         ((backslash - ones) & ~backslash) | w) &
                        highs;
        if (stop)
            return i + ((size_t)__builtin_ctzll(stop) >> 3);
    }
#endif
    for (; i < n; i++)
        if (s[i] < 0x20 || s[i] >= 0x80 || s[i] == '"' || s[i] == '\\')
            break;
    return i;
}

/* The rest of a string from sc->pos, inside it. */
static OUT_OF_LINE int scan_string_rest(scanner *sc)
{
    for (; sc->pos < sc->end;) {
        sc->pos += plain_run(sc->s + sc->pos, sc->end - sc->pos);
        if (sc->pos >= sc->end)
            break;
        unsigned char c = sc->s[sc->pos];
        if (c == '"') {
            sc->pos++;
            return 0;
        }
        if (c == '\\') {
            sc->escaped = 1;
            if (scan_escape(sc))
                return -1;
        } else if (c < 0x20) {
            return syntax_error(sc, "control character in string (must be escaped)");
        } else if (c < 0x80) {
            sc->pos++;
        } else {
            size_t n = champ__utf8_sequence(sc->s + sc->pos, sc->end - sc->pos);
            if (n == 0)
                return syntax_error(sc, "invalid UTF-8 in string");
            sc->pos += n;
        }
    }
    return syntax_error(sc, NULL);
}

/* The string starting at the quote at sc->pos. Inline, the common case:
 * plain bytes up to the closing quote. */
static inline int scan_string(scanner *sc)
{
    sc->escaped = 0;
    sc->pos++;
    sc->pos += plain_run(sc->s + sc->pos, sc->end - sc->pos);
    if (sc->pos < sc->end && sc->s[sc->pos] == '"') {
        sc->pos++;
        return 0;
    }
    return scan_string_rest(sc);
}

/* Numbers in records are limited to CHAMP_NUMBER_MAX characters, as they
 * were when cJSON read records (some releases cut longer ones silently);
 * numbers in ignored top-level members may be as long as they like. */
#define NOT_JSON_NUMBERS "NaN and Infinity are not JSON numbers"

static int scan_number(scanner *sc)
{
    size_t n = champ__json_number_length((const char *)sc->s + sc->pos, sc->end - sc->pos);
    if (n == 0)
        return syntax_error(sc, sc->end - sc->pos > 1 && sc->s[sc->pos + 1] == 'I'
                                    ? NOT_JSON_NUMBERS
                                    : "invalid number");
    if (n > sc->max_number)
        return syntax_error(sc, "number longer than " STRINGIFY(CHAMP_NUMBER_MAX) " characters");
    sc->pos += n;
    return 0;
}

static int scan_literal(scanner *sc)
{
    static const char *const words[] = {"true", "false", "null"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i]);
        if (sc->end - sc->pos >= n && memcmp(sc->s + sc->pos, words[i], n) == 0) {
            sc->pos += n;
            return 0;
        }
    }
    int c = sc->pos < sc->end ? sc->s[sc->pos] : 0;
    return syntax_error(sc, c == 'N' || c == 'I' ? NOT_JSON_NUMBERS : "expected a value");
}

/* Step through an object whose '{' has been consumed, after `count`
 * members: 1 with sc->pos at the next member's name (its quote), 0 after
 * the closing '}', -1 on error. */
static int member_start(scanner *sc, size_t count)
{
    skip_ws(sc);
    int c = peek(sc);
    if (c == '}') {
        sc->pos++;
        return 0;
    }
    if (count > 0) {
        if (c != ',')
            return syntax_error(sc, "expected ',' or '}' after an object member");
        sc->pos++;
        skip_ws(sc);
        c = peek(sc);
    }
    if (c != '"')
        return syntax_error(sc, count > 0 ? "expected a member name"
                                          : "expected a member name or '}'");
    return 1;
}

/* After a member's name: past the ':' to its value, counting the member. */
static int member_value(scanner *sc, size_t *count)
{
    skip_ws(sc);
    if (peek(sc) != ':')
        return syntax_error(sc, "expected ':' after a member name");
    sc->pos++;
    skip_ws(sc);
    ++*count;
    return 0;
}

/* Step through an object whose '{' has been consumed: 1 with the member
 * name in *key and sc->pos at its value, 0 after the closing '}', -1 on
 * error. *count starts at 0. */
static int next_member(scanner *sc, size_t *count, span *key)
{
    int r = member_start(sc, *count);
    if (r <= 0)
        return r;
    size_t start = sc->pos + 1;
    if (scan_string(sc))
        return -1;
    *key = (span){sc->s + start, sc->pos - 1 - start};
    return member_value(sc, count) ? -1 : 1;
}

/* The same for an array: 1 with sc->pos at the next element. */
static int next_element(scanner *sc, size_t *count)
{
    skip_ws(sc);
    if (peek(sc) == ']') {
        sc->pos++;
        return 0;
    }
    if (*count > 0) {
        if (peek(sc) != ',')
            return syntax_error(sc, "expected ',' or ']' after an array element");
        sc->pos++;
        skip_ws(sc);
    }
    ++*count;
    return 1;
}

/* The value at sc->pos, inside `depth` arrays and objects. */
static int scan_value(scanner *sc, unsigned depth)
{
    int c = peek(sc), r;
    size_t count = 0;
    span key;
    if (c == '{' || c == '[') {
        if (depth >= CHAMP_JSON_MAX_DEPTH)
            return syntax_error(sc, "nesting deeper than " STRINGIFY(CHAMP_JSON_MAX_DEPTH)
                                    " levels");
        sc->pos++;
        if (c == '{')
            while ((r = next_member(sc, &count, &key)) > 0 && !(r = scan_value(sc, depth + 1)))
                ;
        else
            while ((r = next_element(sc, &count)) > 0 && !(r = scan_value(sc, depth + 1)))
                ;
        return r;
    }
    if (c == '"')
        return scan_string(sc);
    if (c == '-' || (c >= '0' && c <= '9'))
        return scan_number(sc);
    return scan_literal(sc);
}

/* Whether a member name, raw as between its quotes and already validated,
 * is `name` (ASCII letters): "\u0069d" is "id" too. */
static int key_is(span key, const char *name)
{
    size_t i = 0;
    for (; *name; name++) {
        if (i >= key.len)
            return 0;
        long c = key.s[i++];
        if (c == '\\') {
            c = key.s[i] == 'u' ? unicode_escape(key.s + i - 1, key.len - i + 1) : 0;
            i += key.s[i] == 'u' ? 5 : 1;
        }
        if (c != *name)
            return 0;
    }
    return i == key.len;
}

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
    span text;
} value;

typedef struct record {
    int object;             /* the value is an object: the rest is meaningful */
    enum member duplicate;  /* the first member given twice, or MEMBER_COUNT */
    size_t escaped_bytes;   /* of the members' strings with escapes, raw */
    value m[MEMBER_COUNT];
} record;

/* The member a validated raw name stands for, or MEMBER_COUNT. Names are
 * matched exactly: "ID" and "Team" are other members. */
static enum member member_of(span key, int escaped)
{
    if (escaped) {
        for (int k = 0; k < MEMBER_COUNT; k++)
            if (key_is(key, member_names[k]))
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
static enum member compact_member(scanner *sc, size_t count, value *v)
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
        n = plain_run(s + start, end - start);
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
static int scan_member_value(scanner *sc, unsigned depth, value *v)
{
    size_t start = sc->pos;
    int c = peek(sc);
    if (c == '"') {
        if (scan_string(sc))
            return -1;
        *v = (value){V_STRING, sc->escaped, {sc->s + start + 1, sc->pos - start - 2}};
        return 0;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        if (scan_number(sc))
            return -1;
        *v = (value){V_NUMBER, 0, {sc->s + start, sc->pos - start}};
        return 0;
    }
    if (scan_value(sc, depth))
        return -1;
    *v = (value){c == 'n' ? V_NULL : V_OTHER, 0, {sc->s + start, sc->pos - start}};
    return 0;
}

/* A record at sc->pos, inside `depth` arrays and objects: validated like
 * any value, with the members SPEC 2 names kept in *rec. */
static int scan_record(scanner *sc, unsigned depth, record *rec)
{
    rec->object = 0;
    if (peek(sc) != '{' || depth >= CHAMP_JSON_MAX_DEPTH)
        return scan_value(sc, depth);
    rec->object = 1;
    rec->duplicate = MEMBER_COUNT;
    rec->escaped_bytes = 0;
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
        if ((r = member_start(sc, count)) <= 0)
            return r;
        k = known_name(sc->s + sc->pos + 1, sc->end - sc->pos - 1, &n);
        if (k < MEMBER_COUNT)
            sc->pos += n + 2;
        else {
            size_t start = sc->pos + 1;
            if (scan_string(sc))
                return -1;
            k = member_of((span){sc->s + start, sc->pos - 1 - start}, sc->escaped);
        }
        if (member_value(sc, &count))
            return -1;
        if (k < MEMBER_COUNT && rec->m[k].kind == V_ABSENT) {
            r = scan_member_value(sc, depth + 1, &rec->m[k]);
            if (!r && rec->m[k].escaped)
                rec->escaped_bytes += rec->m[k].text.len;
        } else {
            if (k < MEMBER_COUNT && rec->duplicate == MEMBER_COUNT)
                rec->duplicate = k;
            r = scan_value(sc, depth + 1);
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
 * and the records held back, oldest at held[first]. */
typedef struct builder {
    champ_network *net;
    char *scratch;
    size_t scratch_cap;
    pending held[HOLD];
    size_t first, count;
} builder;

static void builder_clear(builder *b)
{
    free(b->scratch);
}

/* Append the UTF-8 of code point u at out. */
static size_t put_utf8(unsigned char *out, unsigned long u)
{
    if (u < 0x80) {
        out[0] = (unsigned char)u;
        return 1;
    }
    if (u < 0x800) {
        out[0] = (unsigned char)(0xC0 | u >> 6);
        out[1] = (unsigned char)(0x80 | (u & 0x3F));
        return 2;
    }
    if (u < 0x10000) {
        out[0] = (unsigned char)(0xE0 | u >> 12);
        out[1] = (unsigned char)(0x80 | (u >> 6 & 0x3F));
        out[2] = (unsigned char)(0x80 | (u & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | u >> 18);
    out[1] = (unsigned char)(0x80 | (u >> 12 & 0x3F));
    out[2] = (unsigned char)(0x80 | (u >> 6 & 0x3F));
    out[3] = (unsigned char)(0x80 | (u & 0x3F));
    return 4;
}

/* The string a validated raw string stands for, at out (never longer than
 * the raw text). The scanner has refused what does not decode: \u0000,
 * unpaired surrogates, other escapes. */
static size_t decode_string(span raw, unsigned char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < raw.len;) {
        unsigned char c = raw.s[i];
        if (c != '\\') {
            out[o++] = c;
            i++;
            continue;
        }
        c = raw.s[i + 1];
        switch (c) {
        case 'b': out[o++] = '\b'; break;
        case 'f': out[o++] = '\f'; break;
        case 'n': out[o++] = '\n'; break;
        case 'r': out[o++] = '\r'; break;
        case 't': out[o++] = '\t'; break;
        case 'u': {
            unsigned long u = (unsigned long)unicode_escape(raw.s + i, raw.len - i);
            if (u >= 0xD800 && u <= 0xDBFF) {
                i += 6;
                unsigned long low = (unsigned long)unicode_escape(raw.s + i, raw.len - i);
                u = 0x10000 + ((u & 0x3FF) << 10 | (low & 0x3FF));
            }
            o += put_utf8(out + o, u);
            i += 4;
            break;
        }
        default: /* '"', '\\', '/' */
            out[o++] = c;
        }
        i += 2;
    }
    return o;
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
    size_t n = decode_string(v->text, (unsigned char *)out);
    *used += n;
    return (champ_str){out, n};
}

/* A number member's double: strtod's in the "C" locale, as when cJSON read
 * records. */
static champ_status number_of(const value *v, double *out)
{
    return champ__json_number_value((const char *)v->text.s, v->text.len, out) ? champ__nomem()
                                                                               : CHAMP_OK;
}

#define TOO_LONG "longer than " STRINGIFY(CHAMP_TEXT_MAX) " bytes"

static champ_status get_id(builder *b, const record *rec, enum member k, const place *at,
                           size_t *used, champ_id *out)
{
    const value *v = &rec->m[k];
    /* An escape never decodes to nothing, so raw and decoded agree on empty. */
    if (v->kind != V_STRING || v->text.len == 0)
        return schema_error(at, k, "expected a non-empty string");
    champ_str text = text_of(b, v, used);
    if (text.len > CHAMP_TEXT_MAX)
        return schema_error(at, k, TOO_LONG);
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
        return schema_error(at, k, "expected a string or null");
    *out = text_of(b, v, used);
    if (out->len > CHAMP_TEXT_MAX)
        return schema_error(at, k, TOO_LONG);
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
        if ((st = number_of(v, &t)))
            return st;
        if (isfinite(t)) {
            *out = t;
            return CHAMP_OK;
        }
    }
    if (v->kind != V_STRING)
        return schema_error(at, M_TIME,
                            "expected finite Unix seconds or an RFC 3339 date-time string");
    champ_str text = text_of(b, v, used);
    st = champ__parse_rfc3339(text.s, text.len, out);
    return st ? at_place(at, M_TIME, st) : CHAMP_OK;
}

static champ_status get_weight(const record *rec, const place *at, double *out)
{
    const value *v = &rec->m[M_WEIGHT];
    double w = 0;
    champ_status st;
    *out = 1;
    if (v->kind == V_ABSENT || v->kind == V_NULL)
        return CHAMP_OK;
    if (v->kind == V_NUMBER && (st = number_of(v, &w)))
        return st;
    /* 1e999 reads as inf. */
    if (v->kind != V_NUMBER || !isfinite(w) || !(w > 0))
        return schema_error(at, M_WEIGHT, "expected a finite number > 0");
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

static champ_status read_person(builder *b, const record *rec, const place *at)
{
    pending *p;
    size_t used = 0;
    champ_status st;
    if ((st = next_held(b, &p)))
        return st;
    p->kind = RECORD_PERSON;
    p->at = *at;
    if ((st = get_id(b, rec, M_ID, at, &used, &p->id[0])) ||
        (st = get_string(b, rec, M_TEAM, at, &used, &p->text[0])) ||
        (st = get_string(b, rec, M_GROUP, at, &used, &p->text[1])))
        return st;
    return hold(b, p, used);
}

/* Everything is checked before the network sees it: a self-interaction
 * with a bad weight is an error, not a dropped_self. */
static champ_status read_interaction(builder *b, const record *rec, const place *at)
{
    pending *p;
    size_t used = 0;
    champ_status st;
    if ((st = next_held(b, &p)))
        return st;
    p->kind = RECORD_INTERACTION;
    p->at = *at;
    if ((st = get_id(b, rec, M_FROM, at, &used, &p->id[0])) ||
        (st = get_id(b, rec, M_TO, at, &used, &p->id[1])) ||
        (st = get_time(b, rec, at, &used, &p->time)) ||
        (st = get_string(b, rec, M_TYPE, at, &used, &p->text[0])) ||
        (st = get_weight(rec, at, &p->weight)))
        return st;
    return hold(b, p, used);
}

/* One record the scanner has accepted. A JSON Lines record (RECORD_ANY)
 * is an interaction when it has "from", else a person. */
static champ_status read_record(builder *b, const record *rec, const place *at,
                                record_kind kind)
{
    champ_status st;
    if (!rec->object)
        return schema_error(at, MEMBER_COUNT, "expected an object");
    /* One member given twice is an error rather than a silent pick. */
    if (rec->duplicate != MEMBER_COUNT)
        return schema_error(at, rec->duplicate, "duplicate member");
    if ((st = reserve_decoding(b, rec)))
        return st;
    if (kind == RECORD_ANY)
        kind = rec->m[M_FROM].kind != V_ABSENT ? RECORD_INTERACTION
               : rec->m[M_ID].kind != V_ABSENT ? RECORD_PERSON
                                               : RECORD_ANY;
    if (kind == RECORD_PERSON)
        return read_person(b, rec, at);
    if (kind == RECORD_INTERACTION)
        return read_interaction(b, rec, at);
    return schema_error(at, MEMBER_COUNT,
                        "expected a person (with \"id\") or an interaction (with \"from\")");
}

/* ------------------------------------------------------------------------
 * The two forms
 * ------------------------------------------------------------------------ */

/* After each record: tell the progress callback now and then. */
static champ_status report_reading(scanner *sc, builder *b, size_t len)
{
    if (sc->pos < sc->next_report)
        return CHAMP_OK;
    champ_status st = flush(b);
    if (st)
        return st;
    sc->next_report = sc->pos + REPORT_STEP(len);
    return champ__progress(sc->progress, "read", len ? (double)sc->pos / (double)len : 1);
}

/* The records of an array whose '[' is at sc->pos. */
static champ_status read_records(scanner *sc, builder *b, const char *name, record_kind kind)
{
    sc->pos++;
    size_t count = 0;
    int r;
    record rec;
    while ((r = next_element(sc, &count)) > 0) {
        if (scan_record(sc, 2, &rec))
            return CHAMP_ERR_PARSE;
        place at = {name, count - 1};
        champ_status st = read_record(b, &rec, &at, kind);
        if (st || (st = report_reading(sc, b, sc->end)))
            return st;
    }
    return r < 0 ? CHAMP_ERR_PARSE : CHAMP_OK;
}

/* The value of the top-level member `name`: an array of records. */
static champ_status read_array(scanner *sc, builder *b, const char *name, record_kind kind,
                               int *seen)
{
    if (*seen)
        return champ__fail(CHAMP_ERR_SCHEMA, "%s: duplicate member", name);
    *seen = 1;
    if (peek(sc) != '[') {
        if (scan_value(sc, 1))
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
static champ_status skip_ignored(scanner *sc)
{
    sc->max_number = SIZE_MAX;
    int r = scan_value(sc, 1);
    sc->max_number = CHAMP_NUMBER_MAX;
    return r ? CHAMP_ERR_PARSE : CHAMP_OK;
}

static champ_status read_document(const unsigned char *s, size_t len, builder *b,
                                  const champ_progress *progress)
{
    scanner sc = scanner_start(s, len, "input", progress);
    skip_ws(&sc);
    if (peek(&sc) != '{') {
        if (scan_value(&sc, 0))
            return CHAMP_ERR_PARSE;
        return champ__fail(CHAMP_ERR_SCHEMA, "expected an object at the top level");
    }
    sc.pos++;
    int seen_people = 0, seen_interactions = 0, r;
    size_t count = 0;
    span key;
    while ((r = next_member(&sc, &count, &key)) > 0) {
        champ_status st;
        if (key_is(key, "people"))
            st = read_array(&sc, b, "people", RECORD_PERSON, &seen_people);
        else if (key_is(key, "interactions"))
            st = read_array(&sc, b, "interactions", RECORD_INTERACTION, &seen_interactions);
        else
            st = skip_ignored(&sc);
        if (st)
            return st;
    }
    if (r < 0 || expect_end(&sc, "unexpected data after the top-level object"))
        return CHAMP_ERR_PARSE;
    return CHAMP_OK;
}

/* One line of JSON Lines, sc->end at its '\n' or the input's end. */
static champ_status read_line(scanner *sc, builder *b)
{
    skip_ws(sc);
    if (sc->pos == sc->end)
        return CHAMP_OK;
    record rec;
    if (scan_record(sc, 0, &rec) || expect_end(sc, "unexpected data after the value"))
        return CHAMP_ERR_PARSE;
    place at = {NULL, sc->line};
    return read_record(b, &rec, &at, RECORD_ANY);
}

static champ_status read_each_line(const unsigned char *s, size_t len, builder *b,
                                    const champ_progress *progress)
{
    scanner sc = scanner_start(s, len, "line", progress);
    for (;;) {
        const unsigned char *nl = memchr(s + sc.pos, '\n', len - sc.pos);
        sc.end = nl ? (size_t)(nl - s) : len;
        champ_status st = read_line(&sc, b);
        if (st || (st = report_reading(&sc, b, len)) || !nl)
            return st;
        sc.pos = sc.line_start = sc.end + 1;
        sc.line++;
    }
}

static champ_status read_lines(const unsigned char *s, size_t len, builder *b,
                               const champ_progress *progress)
{
    /* The records held back come before whatever stopped the reading. */
    champ_status st = read_each_line(s, len, b, progress);
    champ_status held = flush(b);
    return held ? held : st;
}

/* The form of input whose name does not tell: JSON Lines when several
 * values follow each other, or when a lone object looks like a record, not
 * a document. A first value spanning lines cannot be a JSON Lines record,
 * so input continuing after one is read, and reported, as a document with
 * trailing data. */
static champ_status detect_form(const unsigned char *s, size_t len, champ_form *form)
{
    scanner sc = scanner_start(s, len, "input", NULL);
    skip_ws(&sc);
    size_t first_line = sc.line;
    int object = peek(&sc) == '{', record_key = 0, document_key = 0, r = 0;
    if (object) {
        size_t count = 0;
        span key;
        sc.pos++;
        while ((r = next_member(&sc, &count, &key)) > 0 && !(r = scan_value(&sc, 1))) {
            record_key |= key_is(key, "from") || key_is(key, "id");
            document_key |= key_is(key, "people") || key_is(key, "interactions");
        }
    } else
        r = scan_value(&sc, 0);
    if (r < 0)
        return CHAMP_ERR_PARSE;
    int one_line = sc.line == first_line;
    skip_ws(&sc);
    int more = sc.pos < sc.end;
    *form = (more ? one_line : object && record_key && !document_key) ? CHAMP_FORM_LINES
                                                                      : CHAMP_FORM_DOCUMENT;
    return CHAMP_OK;
}

/* UTF-16 and UTF-32 (a byte-order mark of theirs, or a NUL among the first
 * bytes, as ASCII text in them has) are named as such, rather than left to
 * the scanner's "expected a value" at some odd column. */
static champ_status check_encoding(const unsigned char *s, size_t len)
{
    int wide = len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF));
    for (size_t i = 0; i < len && i < 4 && !wide; i++)
        wide = s[i] == 0;
    if (wide)
        return champ__fail(CHAMP_ERR_PARSE, "line 1, column 1: the text is UTF-16 or UTF-32; "
                                            "exports must be UTF-8");
    return CHAMP_OK;
}

champ_status champ__read_export(const char *data, size_t len, champ_form form,
                                const champ_progress *progress, champ_network **out)
{
    const unsigned char *s = (const unsigned char *)data;
    champ_network *net = NULL;
    champ_status st;
    *out = NULL;
    if ((st = check_encoding(s, len)))
        return st;
    if (form == CHAMP_FORM_DETECT && (st = detect_form(s, len, &form)))
        return st;
    if ((st = champ_network_new(&net)))
        return st;
    builder b = {.net = net};
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

static champ_status read_memory(const char *fn, const char *data, size_t len, champ_form form,
                                 champ_network **out)
{
    if (!out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: out is NULL", fn);
    *out = NULL;
    if (!data)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: data is NULL", fn);
    static const champ_progress silent = {NULL, NULL};
    return champ__read_export(data, len, form, &silent, out);
}

champ_status champ_network_read_json(const char *data, size_t len, champ_network **out)
{
    return read_memory("champ_network_read_json", data, len, CHAMP_FORM_DETECT, out);
}

champ_status champ_network_read_jsonl(const char *data, size_t len, champ_network **out)
{
    return read_memory("champ_network_read_jsonl", data, len, CHAMP_FORM_LINES, out);
}

/* ------------------------------------------------------------------------
 * Files
 * ------------------------------------------------------------------------ */

typedef struct file_bytes {
    const unsigned char *data;
    size_t len;
    void *map;           /* mapped region of len bytes, or NULL */
    unsigned char *heap; /* or bytes read into memory, or NULL */
} file_bytes;

static champ_status io_error(const char *what, const char *path, int err)
{
    char reason[256];
    /* strerror is not thread-safe; this is the POSIX strerror_r. */
    if (strerror_r(err, reason, sizeof reason))
        snprintf(reason, sizeof reason, "error %d", err);
    /* Like every other message about a file, it starts with the path. */
    return champ__fail(CHAMP_ERR_IO, "%s: %s: %s", path, what, reason);
}

/* For what cannot be mapped: pipes, terminals, empty or /proc files. */
static champ_status read_all(int fd, const char *path, file_bytes *f)
{
    unsigned char *buf = NULL;
    size_t len = 0, cap = 0;
    champ_status st = CHAMP_OK;
    for (;;) {
        if (len == cap) {
            size_t grown = cap ? cap * 2 : 65536;
            unsigned char *p = grown > cap ? realloc(buf, grown) : NULL;
            if (!p) {
                st = champ__nomem();
                goto cleanup;
            }
            buf = p;
            cap = grown;
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            st = io_error("cannot read", path, errno);
            goto cleanup;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    f->data = f->heap = buf;
    f->len = len;
    buf = NULL;
cleanup:
    free(buf);
    return st;
}

static champ_status load_file(const char *path, file_bytes *f)
{
    struct stat info;
    champ_status st = CHAMP_OK;
    *f = (file_bytes){NULL, 0, NULL, NULL};
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return io_error("cannot open", path, errno);
    if (fstat(fd, &info)) {
        st = io_error("cannot read", path, errno);
        goto cleanup;
    }
    if (S_ISREG(info.st_mode) && info.st_size > 0 && (uintmax_t)info.st_size <= SIZE_MAX) {
        size_t len = (size_t)info.st_size;
        void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map != MAP_FAILED) {
            posix_madvise(map, len, POSIX_MADV_SEQUENTIAL);
            *f = (file_bytes){map, len, map, NULL};
            goto cleanup;
        }
    }
    st = read_all(fd, path, f);
cleanup:
    close(fd);
    return st;
}

static void unload_file(file_bytes *f)
{
    if (f->map)
        munmap(f->map, f->len);
    free(f->heap);
}

/* ASCII case-insensitive, so that EXPORT.JSONL reads as JSON Lines too. */
static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++) {
        unsigned char c = (unsigned char)s[n - k + i];
        if ((c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) != (unsigned char)suffix[i])
            return 0;
    }
    return 1;
}

static champ_form form_of_name(const char *path)
{
    if (has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson"))
        return CHAMP_FORM_LINES;
    return has_suffix(path, ".json") ? CHAMP_FORM_DOCUMENT : CHAMP_FORM_DETECT;
}

champ_status champ_network_read_file(const char *path, champ_network **out)
{
    return champ_network_read_file_progress(path, NULL, NULL, out);
}

champ_status champ_network_read_file_progress(const char *path, champ_progress_fn fn,
                                              void *user, champ_network **out)
{
    if (!out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_network_read_file: out is NULL");
    *out = NULL;
    if (!path)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_network_read_file: path is NULL");
    file_bytes f;
    champ_status st = load_file(path, &f);
    if (st)
        return st;
    champ_progress progress = {fn, user};
    st = champ__read_export((const char *)f.data, f.len, form_of_name(path), &progress, out);
    if (st)
        champ__prefix_error(path);
    unload_file(&f);
    return st;
}
