/* A validating JSON scanner (RFC 8259) with positions, shared by the
 * readers of JSON exports and the importers whose sources hold JSON. It
 * walks the bytes once and decodes nothing: callers take spans of the input
 * and decode strings (champ__json_decode) only when they hold escapes.
 * Functions returning int give 0, or -1 after recording a message, which
 * always means CHAMP_ERR_PARSE. Columns count characters (code points)
 * from 1, as editors show them. Private to lib/. */
#ifndef CHAMP_JSON_SCAN_H
#define CHAMP_JSON_SCAN_H

#include "champions.h"
#include "progress.h"
#include "timeparse.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Deepest nesting of arrays and objects accepted: untrusted input must
 * not drive the scanner's recursion without a bound. */
#define CHAMP_JSON_MAX_DEPTH 512

typedef struct champ_scanner {
    const unsigned char *s;
    size_t end;        /* where scanning stops: the input's end, or the line's */
    size_t pos;
    size_t line;       /* 1-based */
    size_t line_start; /* offset of the current line's first byte */
    const char *unit;  /* "input" or "line": what ends too early */
    size_t max_number; /* longest number accepted (see champ__json_number) */
    const champ_progress *progress;
    size_t next_report; /* offset after which progress is told again */
    int escaped;        /* the last string scanned has a backslash */
    int quiet;          /* errors leave the thread's message alone (a job
                           beside the caller must not touch it) */
} champ_scanner;

typedef struct champ_span {
    const unsigned char *s;
    size_t len;
} champ_span;

/* A scanner at the start of s[0..len), past a UTF-8 byte-order mark. */
static inline champ_scanner champ__json_start(const unsigned char *s, size_t len, const char *unit,
                             const champ_progress *progress)
{
    size_t bom = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    return (champ_scanner){s, len, bom, 1, bom, unit, CHAMP_NUMBER_MAX, progress, 0, 0, 0};
}

static inline int champ__json_peek(const champ_scanner *sc)
{
    return sc->pos < sc->end ? sc->s[sc->pos] : -1;
}

/* The message "line L, column C: what" (or "unexpected end of <unit>" at
 * the end) for the position sc->pos, unless the scanner is quiet; returns
 * -1. */
int champ__json_error(const champ_scanner *sc, const char *what);

void champ__json_skip_ws_loop(champ_scanner *sc);

/* Most tokens follow the one before directly: that case inline. */
static inline void champ__json_skip_ws(champ_scanner *sc)
{
    if (sc->pos >= sc->end || sc->s[sc->pos] <= ' ')
        champ__json_skip_ws_loop(sc);
}

/* Past trailing white space to the end; else the error `what`. */
int champ__json_expect_end(champ_scanner *sc, const char *what);

/* The code unit of the \uXXXX escape at s[0..avail), or -1. */
long champ__json_unicode_escape(const unsigned char *s, size_t avail);

/* How many bytes at s[0..n) a string holds as they are: printable ASCII
 * other than '"' and '\\'. Most strings of an export end within 16 bytes:
 * with SSE2 (every x86-64), 16 at a time, a signed compare finding control
 * and non-ASCII bytes at once. Then 8 at a time where the compiler tells
 * the byte order: each test below flags the bytes it looks for, and may
 * flag a byte above a flagged one (a borrow), never below, so the lowest
 * flag is the first byte that is not plain. */
static inline size_t champ__json_plain_run(const unsigned char *s, size_t n)
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
int champ__json_string_rest(champ_scanner *sc);

/* The string starting at the quote at sc->pos. Inline, the common case:
 * plain bytes up to the closing quote. */
static inline int champ__json_string(champ_scanner *sc)
{
    sc->escaped = 0;
    sc->pos++;
    sc->pos += champ__json_plain_run(sc->s + sc->pos, sc->end - sc->pos);
    if (sc->pos < sc->end && sc->s[sc->pos] == '"') {
        sc->pos++;
        return 0;
    }
    return champ__json_string_rest(sc);
}

/* The number at sc->pos (at most sc->max_number characters). */
int champ__json_number(champ_scanner *sc);

/* Step through an object whose '{' has been consumed, after `count`
 * members: 1 with sc->pos at the next member's name (its quote), 0 after
 * the closing '}', -1 on error. */
int champ__json_member_start(champ_scanner *sc, size_t count);

/* After a member's name: past the ':' to its value, counting the member. */
int champ__json_member_value(champ_scanner *sc, size_t *count);

/* Step through an object whose '{' has been consumed: 1 with the member
 * name (raw, between its quotes) in *key and sc->pos at its value, 0 after
 * the closing '}', -1 on error. *count starts at 0. */
int champ__json_next_member(champ_scanner *sc, size_t *count, champ_span *key);

/* The same for an array: 1 with sc->pos at the next element. */
int champ__json_next_element(champ_scanner *sc, size_t *count);

/* Validate the value at sc->pos, inside `depth` arrays and objects. */
int champ__json_value(champ_scanner *sc, unsigned depth);

/* Whether a member name, raw as between its quotes and already validated,
 * is `name` (ASCII letters): "\u0069d" is "id" too. */
int champ__json_key_is(champ_span key, const char *name);

/* The string a validated raw string stands for, written at out (never
 * longer than the raw text); its length. */
size_t champ__json_decode(champ_span raw, unsigned char *out);

#endif
