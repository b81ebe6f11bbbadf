/* RFC 3339 date-times and decimal Unix seconds to Unix seconds. */
#include "timeparse.h"
#include "text.h"
#include "errors.h"
#include "utf8.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static size_t skip_digits(const unsigned char *s, size_t i, size_t len)
{
    while (i < len && is_digit(s[i]))
        i++;
    return i;
}

size_t champ__json_number_length(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    if (i < len && s[i] == '-')
        i++;
    if (i >= len || !is_digit(s[i]))
        return 0;
    i = s[i] == '0' ? i + 1 : skip_digits(s, i, len);
    if (i < len && s[i] == '.') {
        if (++i >= len || !is_digit(s[i]))
            return 0;
        i = skip_digits(s, i, len);
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        if (++i < len && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= len || !is_digit(s[i]))
            return 0;
        i = skip_digits(s, i, len);
    }
    return i;
}

/* The two-digit decimal at s, or -1 when a byte is not a digit. Straight
 * code, not a loop: exports hold millions of times. */
static int two_digits(const unsigned char *s)
{
    unsigned hi = (unsigned)(s[0] - '0'), lo = (unsigned)(s[1] - '0');
    return hi < 10 && lo < 10 ? (int)(hi * 10 + lo) : -1;
}

static int four_digits(const unsigned char *s)
{
    int hi = two_digits(s), lo = two_digits(s + 2);
    return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
}

/* 0.d1d2d3...; digits past the 15th are below a double's resolution for
 * any Unix time of interest, and 15 digits fit a double exactly. */
static double decimal_fraction(const unsigned char *s, size_t n)
{
    double v = 0, scale = 1;
    for (size_t i = 0; i < n && i < 15; i++) {
        v = v * 10 + (s[i] - '0');
        scale *= 10;
    }
    return v / scale;
}

static int days_in_month(int year, int month)
{
    static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return days[month - 1] + (month == 2 && leap);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil): no timegm, which is neither standard nor free of the
 * process time zone. */
int64_t champ__days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The proleptic Gregorian date of a day count since 1970-01-01 (the
 * inverse of days_from_civil, H. Hinnant's civil_from_days). */
void champ__civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

void champ__format_time(char *buf, double t)
{
    if (!(t >= CHAMP_TIME_MIN && t < CHAMP_TIME_MAX)) { /* no calendar date: the number */
        snprintf(buf, CHAMP_TIME_TEXT_MAX, "%.17g", t);
        return;
    }
    int64_t s = (int64_t)floor(t), days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
    int64_t rest = s - days * 86400, year;
    int month, day;
    champ__civil_from_days(days, &year, &month, &day);
    snprintf(buf, CHAMP_TIME_TEXT_MAX, "%04lld-%02d-%02dT%02d:%02d:%02dZ", (long long)year, month,
             day, (int)(rest / 3600), (int)(rest / 60 % 60), (int)(rest % 60));
}

/* A plain date "YYYY-MM-DD": 00:00 UTC that day. NULL and *out, or why
 * not ("" when the text is not a date at all). */
static const char *plain_date(const unsigned char *s, size_t len, double *out)
{
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return "";
    int year = four_digits(s), month = two_digits(s + 5), day = two_digits(s + 8);
    if (year < 0 || month < 0 || day < 0)
        return "";
    if (month < 1 || month > 12)
        return "month out of range";
    if (day < 1 || day > days_in_month(year, month))
        return "day out of range";
    *out = (double)(champ__days_from_civil(year, month, day) * 86400);
    return NULL;
}

/* NULL and *out on success; otherwise why the text is not an RFC 3339
 * date-time: "" when it does not have the shape, else the field that is
 * out of range. */
static const char *rfc3339(const unsigned char *s, size_t len, double *out)
{
    if (len < 19 || s[4] != '-' || s[7] != '-' || s[13] != ':' || s[16] != ':' ||
        (s[10] != 'T' && s[10] != 't' && s[10] != ' '))
        return "";
    int year = four_digits(s), month = two_digits(s + 5), day = two_digits(s + 8);
    int hour = two_digits(s + 11), minute = two_digits(s + 14), second = two_digits(s + 17);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
        return "";
    size_t i = 19;
    double fraction = 0;
    if (i < len && s[i] == '.') {
        size_t start = ++i;
        i = skip_digits(s, i, len);
        if (i == start)
            return "";
        fraction = decimal_fraction(s + start, i - start);
    }
    int offset = 0; /* minutes east of UTC */
    if (i == len)
        return "no time zone: add Z for UTC or an offset such as +01:00";
    if (i + 1 == len && (s[i] == 'Z' || s[i] == 'z')) {
        /* UTC */
    } else if (i + 6 == len && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':') {
        int oh = two_digits(s + i + 1), om = two_digits(s + i + 4);
        if (oh < 0 || om < 0)
            return "";
        if (oh > 23 || om > 59)
            return "offset out of range";
        offset = (s[i] == '-' ? -1 : 1) * (oh * 60 + om);
    } else
        return "";
    if (month < 1 || month > 12)
        return "month out of range";
    if (day < 1 || (day > 28 && day > days_in_month(year, month)))
        return "day out of range";
    if (hour > 23)
        return "hour out of range";
    if (minute > 59)
        return "minute out of range";
    if (second > 60)
        return "second out of range";
    int64_t t = champ__days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
                (int64_t)offset * 60;
    *out = (double)t + fraction;
    return NULL;
}

/* strtod in the "C" locale of this thread only: the process locale may
 * write ',' for the decimal point, and setlocale is the application's. */
static int strtod_c(const char *s, size_t len, double *out)
{
    char buf[CHAMP_NUMBER_MAX + 1];
    locale_t c;
    locale_t old = champ__c_numeric_begin(&c);
    if (old == (locale_t)0)
        return -1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    *out = strtod(buf, NULL);
    champ__c_numeric_end(old, c);
    return 0;
}

/* Clinger's fast path: a decimal of at most 2^53 scaled by 10^k, |k| <= 22,
 * is one correctly rounded multiplication or division of two exact
 * doubles, so it gives what strtod gives. 1 and *out when the number
 * qualifies; 0 when strtod must decide. */
static int fast_number(const unsigned char *s, size_t len, double *out)
{
#if FLT_EVAL_METHOD == 0
    static const double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    size_t i = s[0] == '-';
    uint64_t m = 0;
    int significant = 0, scale = 0;
    for (; i < len && is_digit(s[i]); i++)
        if ((m || s[i] != '0') && ++significant <= 19)
            m = m * 10 + (s[i] - '0');
    if (i < len && s[i] == '.')
        for (i++; i < len && is_digit(s[i]); i++, scale--)
            if ((m || s[i] != '0') && ++significant <= 19)
                m = m * 10 + (s[i] - '0');
    if (significant > 19)
        return 0;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        int sign = 1, e = 0;
        if (s[++i] == '+' || s[i] == '-')
            sign = s[i++] == '-' ? -1 : 1;
        for (; i < len; i++)
            if ((e = e * 10 + (s[i] - '0')) > 1000)
                return 0;
        scale += sign * e;
    }
    double v = (double)m;
    if (m == 0)
        v = 0; /* whatever the exponent */
    else if (m > (UINT64_C(1) << 53) || scale < -22 || scale > 22)
        return 0;
    else
        v = scale < 0 ? v / powers[-scale] : v * powers[scale];
    *out = s[0] == '-' ? -v : v;
    return 1;
#else
    (void)s, (void)len, (void)out;
    return 0;
#endif
}

int champ__json_number_quick(const char *s, size_t len, double *out)
{
    return fast_number((const unsigned char *)s, len, out);
}

int champ__json_number_value(const char *s, size_t len, double *out)
{
    return fast_number((const unsigned char *)s, len, out) ? 0 : strtod_c(s, len, out);
}

static champ_status parse_time(const char *s, size_t len, int allow_seconds, double *out)
{
    const char *why;
    double t = 0;
    if (allow_seconds && len > 0 && champ__json_number_length(s, len) == len) {
        if (len > CHAMP_NUMBER_MAX)
            why = "longer than " STRINGIFY(CHAMP_NUMBER_MAX) " characters";
        else if (champ__json_number_value(s, len, &t))
            return champ__nomem();
        else
            why = isfinite(t) ? NULL : "not finite";
    } else if (allow_seconds && len == 10)
        why = plain_date((const unsigned char *)s, len, &t);
    else
        why = rfc3339((const unsigned char *)s, len, &t);
    if (!why) {
        *out = t;
        return CHAMP_OK;
    }
    char quoted[CHAMP_EXCERPT_MAX + 4];
    champ__excerpt(quoted, s, len);
    return champ__fail(CHAMP_ERR_SCHEMA, "expected %s, got \"%s\"%s%s%s",
                       allow_seconds ? "an RFC 3339 date-time, a date or Unix seconds"
                                     : "an RFC 3339 date-time",
                       quoted, *why ? " (" : "", why, *why ? ")" : "");
}

champ_status champ__parse_time_text(const char *s, size_t len, double *out)
{
    return parse_time(s, len, 1, out);
}

champ_status champ__parse_rfc3339(const char *s, size_t len, double *out)
{
    return parse_time(s, len, 0, out);
}

int champ__rfc3339_quiet(const char *s, size_t len, double *out)
{
    return rfc3339((const unsigned char *)s, len, out) == NULL;
}

champ_status champ_parse_time(double *out, const char *text)
{
    if (!out || !text)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_parse_time: %s is NULL",
                           out ? "text" : "out");
    return champ__parse_time_text(text, strlen(text), out);
}

champ_status champ_parse_times(double *out, size_t n, const char *const *texts)
{
    if (n && (!out || !texts))
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_parse_times: %s is NULL",
                           out ? "texts" : "out");
    for (size_t i = 0; i < n; i++) {
        out[i] = NAN;
        champ_status st;
        if (texts[i] && (st = champ__parse_time_text(texts[i], strlen(texts[i]), &out[i]))) {
            char where[48];
            snprintf(where, sizeof where, "times[%zu]", i);
            champ__prefix_error(where);
            return st; /* SCHEMA, or NOMEM from strtod's C locale */
        }
    }
    return CHAMP_OK;
}
