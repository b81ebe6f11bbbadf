/* The CSV scanner: one pass, fields as spans of the input. */
#include "csv.h"
#include "errors.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void champ__csv_init(champ_csv *c, const unsigned char *s, size_t len)
{
    memset(c, 0, sizeof *c);
    c->s = s;
    c->len = len;
    c->pos = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    c->line = c->next_line = 1;
}

void champ__csv_free(champ_csv *c)
{
    free(c->field);
    free(c->scratch);
    c->field = NULL;
    c->scratch = NULL;
}

/* Count the lines up to `offset`, and the characters on its line: on
 * failure only, so the scan is not kept up to date for it. */
void champ__csv_place(const champ_csv *c, size_t offset, char *buf)
{
    size_t line = 1, start = 0;
    for (size_t i = 0; i < offset && i < c->len; i++)
        if (c->s[i] == '\n' || (c->s[i] == '\r' && (i + 1 >= c->len || c->s[i + 1] != '\n'))) {
            line++;
            start = i + 1;
        }
    if (start == 0 && c->len >= 3 && memcmp(c->s, "\xEF\xBB\xBF", 3) == 0)
        start = 3;
    size_t column = 1;
    for (size_t i = start; i < offset && i < c->len; i++)
        column += (c->s[i] & 0xC0) != 0x80;
    snprintf(buf, 64, "line %zu, column %zu", line, column);
}

static int syntax_error(champ_csv *c, size_t offset, const char *what, champ_status *status)
{
    char place[64];
    champ__csv_place(c, offset, place);
    *status = champ__fail(CHAMP_ERR_PARSE, "%s: %s", place, what);
    return -1;
}

static int add_field(champ_csv *c, champ_csv_field f, champ_status *status)
{
    if (c->count == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 16;
        champ_csv_field *grown = realloc(c->field, cap * sizeof *grown);
        if (!grown) {
            *status = champ__nomem();
            return -1;
        }
        c->field = grown;
        c->cap = cap;
    }
    c->field[c->count++] = f;
    return 0;
}

/* A line end at pos: past it (and count it); 0 if there is none. */
static int line_end(champ_csv *c)
{
    if (c->pos >= c->len)
        return 0;
    unsigned char ch = c->s[c->pos];
    if (ch != '\n' && ch != '\r')
        return 0;
    c->pos += ch == '\r' && c->pos + 1 < c->len && c->s[c->pos + 1] == '\n' ? 2 : 1;
    c->next_line++;
    return 1;
}

/* Copy s[from..to) to the end of the scratch. */
static int to_scratch(champ_csv *c, size_t from, size_t to, champ_status *status)
{
    size_t n = to - from;
    if (c->scratch_len + n > c->scratch_cap) {
        size_t cap = c->scratch_cap ? c->scratch_cap : 256;
        while (cap < c->scratch_len + n)
            cap *= 2;
        char *grown = realloc(c->scratch, cap);
        if (!grown) {
            *status = champ__nomem();
            return -1;
        }
        c->scratch = grown;
        c->scratch_cap = cap;
    }
    memcpy(c->scratch + c->scratch_len, c->s + from, n);
    c->scratch_len += n;
    return 0;
}

/* The quoted field whose opening quote is at c->pos. Its text stays in
 * place when it holds no doubled quote; else it is undoubled into the
 * scratch (pointed at once the record is complete: the scratch may move). */
static int quoted_field(champ_csv *c, champ_csv_field *f, champ_status *status)
{
    size_t open = c->pos, start = ++c->pos, run = start, scratch_at = c->scratch_len;
    int doubled = 0;
    for (;;) {
        const unsigned char *q = memchr(c->s + c->pos, '"', c->len - c->pos);
        if (!q)
            return syntax_error(c, open, "a quoted field is not closed", status);
        size_t at = (size_t)(q - c->s);
        for (size_t i = c->pos; i < at; i++) /* line ends inside the field */
            c->next_line += c->s[i] == '\n' || (c->s[i] == '\r' && c->s[i + 1] != '\n');
        if (at + 1 < c->len && c->s[at + 1] == '"') { /* "" stands for " */
            if (to_scratch(c, run, at + 1, status))
                return -1;
            doubled = 1;
            c->pos = run = at + 2;
            continue;
        }
        c->pos = at + 1;
        if (doubled && to_scratch(c, run, at, status))
            return -1;
        *f = (champ_csv_field){(const char *)c->s + start, at - start, open, 1, scratch_at,
                               doubled};
        if (doubled)
            f->len = c->scratch_len - scratch_at;
        break;
    }
    if (c->pos < c->len && c->s[c->pos] != ',' && c->s[c->pos] != '\n' && c->s[c->pos] != '\r')
        return syntax_error(c, c->pos, "expected ',' or the end of the line after a closing quote",
                            status);
    return 0;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The high bit of each byte of w equal to the byte in `ones` (0x0101...
 * times the byte). Bits may be set wrongly only above a true match, so
 * the lowest set bit is the first match. */
static inline uint64_t bytes_equal(uint64_t w, uint64_t ones)
{
    uint64_t x = w ^ ones;
    return (x - 0x0101010101010101u) & ~x & 0x8080808080808080u;
}
#define SCAN_WORDS 1
#endif

/* An unquoted field at c->pos, up to ',' or the line's end: 8 bytes at a
 * time where that is exact (a byte at a time ran at 670-1,010 MB/s). */
static void plain_field(champ_csv *c, champ_csv_field *f)
{
    const unsigned char *s = c->s;
    size_t start = c->pos, i = start, n = c->len;
#ifdef SCAN_WORDS
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t m = bytes_equal(w, 0x2c2c2c2c2c2c2c2cu) | bytes_equal(w, 0x0a0a0a0a0a0a0a0au) |
                     bytes_equal(w, 0x0d0d0d0d0d0d0d0du);
        if (m) {
            i += (size_t)__builtin_ctzll(m) >> 3;
            goto found;
        }
        i += 8;
    }
#endif
    while (i < n && s[i] != ',' && s[i] != '\n' && s[i] != '\r')
        i++;
#ifdef SCAN_WORDS
found:
#endif
    c->pos = i;
    *f = (champ_csv_field){(const char *)s + start, i - start, start, 0, 0, 0};
}

static int at_line_end(const champ_csv *c)
{
    return c->pos >= c->len || c->s[c->pos] == '\n' || c->s[c->pos] == '\r';
}

int champ__csv_next(champ_csv *c, champ_status *status)
{
    c->count = 0;
    c->scratch_len = 0;
    while (line_end(c)) /* blank lines */
        ;
    if (c->pos >= c->len)
        return 0;
    c->line = c->next_line;
    for (;;) {
        champ_csv_field f;
        if (c->s[c->pos] == '"') {
            if (quoted_field(c, &f, status))
                return -1;
        } else {
            plain_field(c, &f);
        }
        if (add_field(c, f, status))
            return -1;
        if (c->pos >= c->len || c->s[c->pos] != ',')
            break;
        c->pos++;
        if (at_line_end(c)) { /* a record ending in ',' has an empty last field */
            champ_csv_field empty = {(const char *)c->s + c->pos, 0, c->pos, 0, 0, 0};
            if (add_field(c, empty, status))
                return -1;
            break;
        }
    }
    line_end(c);
    for (size_t i = 0; i < c->count; i++) /* the scratch is complete now */
        if (c->field[i].in_scratch)
            c->field[i].s = c->scratch + c->field[i].scratch_at;
    return 1;
}
