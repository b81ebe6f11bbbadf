#include "text.h"
#include "utf8.h"

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
