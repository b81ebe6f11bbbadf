#include "text.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void champ__excerpt(char *buf, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, o = 0;
    while (i < len) {
        size_t n = champ__utf8_sequence(p + i, len - i);
        size_t step = n ? n : 1;
        if (i + step > CHAMP_EXCERPT_MAX) {
            memcpy(buf + o, "...", 3);
            o += 3;
            break;
        }
        if (n == 0 || p[i] < 0x20 || p[i] == 0x7f) {
            buf[o++] = '?';
        } else {
            memcpy(buf + o, p + i, n);
            o += n;
        }
        i += step;
    }
    buf[o] = '\0';
}

void champ__quote_names(char *buf, size_t size, const champ_strtab *names)
{
    size_t used = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < names->count; i++) {
        char quoted[CHAMP_EXCERPT_MAX + 4];
        champ__excerpt(quoted, champ_strtab_get(names, i), champ_strtab_len(names, i));
        /* room for this name, and for ", ..." after it */
        size_t need = strlen(quoted) + 4 + 5;
        if (used + need >= size) {
            snprintf(buf + used, size - used, ", ...");
            return;
        }
        used += (size_t)snprintf(buf + used, size - used, "%s\"%s\"", i ? ", " : "", quoted);
    }
}

locale_t champ__c_numeric_begin(locale_t *c_locale)
{
    *c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    return *c_locale == (locale_t)0 ? (locale_t)0 : uselocale(*c_locale);
}

void champ__c_numeric_end(locale_t previous, locale_t c_locale)
{
    uselocale(previous);
    freelocale(c_locale);
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

/* x in the form of C's %.{P}g with the fewest significant digits that
 * read back as x, P = max(15, their number): the first of %.15g, %.16g
 * and %.17g that reads back, but that a shorter 16-digit form wins over
 * 17 digits where one exists off the correctly rounded one (at a power of
 * two). Integers are written directly; the others from the shortest
 * digits (shortest.cc). */
void champ__shortest(char *buf, double x)
{
    /* The range test first: converting a double outside long long's range
     * (or NaN) is undefined behaviour. */
    if (fabs(x) < 1e15 && x == (double)(long long)x && !(x == 0 && signbit(x))) {
        long long v = (long long)x;
        char tmp[24], *o = tmp + sizeof tmp;
        unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
        *--o = '\0';
        do
            *--o = (char)('0' + u % 10);
        while (u /= 10);
        if (v < 0)
            *--o = '-';
        memmove(buf, o, (size_t)(tmp + sizeof tmp - o));
        return;
    }
    if (!isfinite(x)) {
        snprintf(buf, CHAMP_SHORTEST_MAX, "%.17g", x);
        return;
    }
    char digits[24];
    int exp10 = 0, length = champ__shortest_digits(x, digits, &exp10);
    int precision = length > 15 ? length : 15;
    memset(digits + length, '0', (size_t)(precision - length)); /* format_g drops them */
    format_g(buf, signbit(x) != 0, digits, precision, exp10);
}


int champ__by_name(const void *a, const void *b)
{
    return strcmp(((const champ_named *)a)->name, ((const champ_named *)b)->name);
}

int champ__strtab_ranks(const champ_strtab *t, uint32_t *rank)
{
    champ_named *sorted = malloc((t->count ? t->count : 1) * sizeof *sorted);
    if (!sorted)
        return -1;
    for (uint32_t i = 0; i < t->count; i++)
        sorted[i] = (champ_named){champ_strtab_get(t, i), i};
    qsort(sorted, t->count, sizeof *sorted, champ__by_name);
    for (uint32_t i = 0; i < t->count; i++)
        rank[sorted[i].index] = i;
    free(sorted);
    return 0;
}
