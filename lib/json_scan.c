/* The JSON scanner: validation with positions, and string decoding. */
#include "json_scan.h"
#include "errors.h"
#include "text.h"
#include "utf8.h"

int champ__json_error(const champ_scanner *sc, const char *what)
{
    if (sc->quiet)
        return -1;
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

void champ__json_skip_ws_loop(champ_scanner *sc)
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

int champ__json_expect_end(champ_scanner *sc, const char *what)
{
    champ__json_skip_ws(sc);
    return sc->pos < sc->end ? champ__json_error(sc, what) : 0;
}

long champ__json_unicode_escape(const unsigned char *s, size_t avail)
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
static int scan_escape(champ_scanner *sc)
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
        return champ__json_error(sc, "invalid escape in string");
    }
    long u = champ__json_unicode_escape(s, avail);
    if (u < 0)
        return champ__json_error(sc, "invalid \\u escape in string");
    /* Strings in the network are C strings: a NUL would cut them. */
    if (u == 0)
        return champ__json_error(sc, "NUL (\\u0000) is not allowed in strings");
    if (u >= 0xDC00 && u <= 0xDFFF)
        return champ__json_error(sc, "unpaired surrogate in \\u escape");
    if (u >= 0xD800 && u <= 0xDBFF) {
        long low = champ__json_unicode_escape(s + 6, avail - 6);
        if (low < 0xDC00 || low > 0xDFFF)
            return champ__json_error(sc, "unpaired surrogate in \\u escape");
        sc->pos += 6;
    }
    sc->pos += 6;
    return 0;
}

int champ__json_string_rest(champ_scanner *sc)
{
    for (; sc->pos < sc->end;) {
        sc->pos += champ__json_plain_run(sc->s + sc->pos, sc->end - sc->pos);
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
            return champ__json_error(sc, "control character in string (must be escaped)");
        } else if (c < 0x80) {
            sc->pos++;
        } else {
            size_t n = champ__utf8_sequence(sc->s + sc->pos, sc->end - sc->pos);
            if (n == 0)
                return champ__json_error(sc, "invalid UTF-8 in string");
            sc->pos += n;
        }
    }
    return champ__json_error(sc, NULL);
}

/* Numbers in records are limited to CHAMP_NUMBER_MAX characters, as they
 * were when cJSON read records (some releases cut longer ones silently);
 * numbers in ignored top-level members may be as long as they like. */
#define NOT_JSON_NUMBERS "NaN and Infinity are not JSON numbers"

int champ__json_number(champ_scanner *sc)
{
    size_t n = champ__json_number_length((const char *)sc->s + sc->pos, sc->end - sc->pos);
    if (n == 0)
        return champ__json_error(sc, sc->end - sc->pos > 1 && sc->s[sc->pos + 1] == 'I'
                                    ? NOT_JSON_NUMBERS
                                    : "invalid number");
    if (n > sc->max_number)
        return champ__json_error(sc, "number longer than " STRINGIFY(CHAMP_NUMBER_MAX) " characters");
    sc->pos += n;
    return 0;
}

static int scan_literal(champ_scanner *sc)
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
    return champ__json_error(sc, c == 'N' || c == 'I' ? NOT_JSON_NUMBERS : "expected a value");
}

int champ__json_member_start(champ_scanner *sc, size_t count)
{
    champ__json_skip_ws(sc);
    int c = champ__json_peek(sc);
    if (c == '}') {
        sc->pos++;
        return 0;
    }
    if (count > 0) {
        if (c != ',')
            return champ__json_error(sc, "expected ',' or '}' after an object member");
        sc->pos++;
        champ__json_skip_ws(sc);
        c = champ__json_peek(sc);
    }
    if (c != '"')
        return champ__json_error(sc, count > 0 ? "expected a member name"
                                          : "expected a member name or '}'");
    return 1;
}

int champ__json_member_value(champ_scanner *sc, size_t *count)
{
    champ__json_skip_ws(sc);
    if (champ__json_peek(sc) != ':')
        return champ__json_error(sc, "expected ':' after a member name");
    sc->pos++;
    champ__json_skip_ws(sc);
    ++*count;
    return 0;
}

int champ__json_next_member(champ_scanner *sc, size_t *count, champ_span *key)
{
    int r = champ__json_member_start(sc, *count);
    if (r <= 0)
        return r;
    size_t start = sc->pos + 1;
    if (champ__json_string(sc))
        return -1;
    *key = (champ_span){sc->s + start, sc->pos - 1 - start};
    return champ__json_member_value(sc, count) ? -1 : 1;
}

int champ__json_next_element(champ_scanner *sc, size_t *count)
{
    champ__json_skip_ws(sc);
    if (champ__json_peek(sc) == ']') {
        sc->pos++;
        return 0;
    }
    if (*count > 0) {
        if (champ__json_peek(sc) != ',')
            return champ__json_error(sc, "expected ',' or ']' after an array element");
        sc->pos++;
        champ__json_skip_ws(sc);
    }
    ++*count;
    return 1;
}

int champ__json_value(champ_scanner *sc, unsigned depth)
{
    int c = champ__json_peek(sc), r;
    size_t count = 0;
    champ_span key;
    if (c == '{' || c == '[') {
        if (depth >= CHAMP_JSON_MAX_DEPTH)
            return champ__json_error(sc, "nesting deeper than " STRINGIFY(CHAMP_JSON_MAX_DEPTH)
                                    " levels");
        sc->pos++;
        if (c == '{')
            while ((r = champ__json_next_member(sc, &count, &key)) > 0 && !(r = champ__json_value(sc, depth + 1)))
                ;
        else
            while ((r = champ__json_next_element(sc, &count)) > 0 && !(r = champ__json_value(sc, depth + 1)))
                ;
        return r;
    }
    if (c == '"')
        return champ__json_string(sc);
    if (c == '-' || (c >= '0' && c <= '9'))
        return champ__json_number(sc);
    return scan_literal(sc);
}

int champ__json_key_is(champ_span key, const char *name)
{
    size_t i = 0;
    for (; *name; name++) {
        if (i >= key.len)
            return 0;
        long c = key.s[i++];
        if (c == '\\') {
            c = key.s[i] == 'u' ? champ__json_unicode_escape(key.s + i - 1, key.len - i + 1) : 0;
            i += key.s[i] == 'u' ? 5 : 1;
        }
        if (c != *name)
            return 0;
    }
    return i == key.len;
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

/* The scanner has refused what does not decode: \u0000, unpaired
 * surrogates, other escapes. */
size_t champ__json_decode(champ_span raw, unsigned char *out)
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
            unsigned long u = (unsigned long)champ__json_unicode_escape(raw.s + i, raw.len - i);
            if (u >= 0xD800 && u <= 0xDBFF) {
                i += 6;
                unsigned long low = (unsigned long)champ__json_unicode_escape(raw.s + i, raw.len - i);
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
