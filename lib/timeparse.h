/* Times as text: RFC 3339 date-times and decimal Unix seconds. No locale,
 * no global state, no libc time zone machinery. Private to lib/. */
#ifndef CHAMP_TIMEPARSE_H
#define CHAMP_TIMEPARSE_H

#include "champions.h"

#include <stddef.h>
#include <stdint.h>

/* The longest number text accepted, in the export's records and as Unix
 * seconds. The limit dates from when cJSON read records (it reads at most
 * 63 characters of a number) and is kept so that the same exports load. */
#define CHAMP_NUMBER_MAX 63

/* Unix seconds from s[0..len) (need not be NUL-terminated): an RFC 3339
 * date-time "YYYY-MM-DDTHH:MM:SS[.frac](Z|+hh:mm|-hh:mm)" ('t' or ' ' for
 * 'T' and 'z' for 'Z' allowed, second 60 counted as the next second),
 * decimal Unix seconds in the JSON number grammar ("1772357400", "-3.5",
 * "1.5e9"; '.' whatever the locale; finite), or a date "YYYY-MM-DD"
 * (00:00 UTC). CHAMP_ERR_SCHEMA otherwise, with a message quoting the
 * text and, for a date-time without a zone, saying so; *out is then
 * unchanged. */
champ_status champ__parse_time_text(const char *s, size_t len, double *out);

/* The same for an RFC 3339 date-time only: the form of `time` strings in an
 * export, where Unix seconds are written as JSON numbers. */
champ_status champ__parse_rfc3339(const char *s, size_t len, double *out);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back: the
 * calendar without timegm or the process time zone. */
int64_t champ__days_from_civil(int64_t y, int m, int d);
void champ__civil_from_days(int64_t z, int64_t *y, int *m, int *d);

/* The times a calendar date can be written for: the years 0000 to 9999,
 * RFC 3339's, [0000-01-01T00:00:00Z, 10000-01-01T00:00:00Z). */
#define CHAMP_TIME_MIN (-62167219200.0)
#define CHAMP_TIME_MAX 253402300800.0

/* t (Unix seconds) as an RFC 3339 UTC date-time, to the second (rounded
 * down): "2026-03-01T09:30:00Z"; outside [CHAMP_TIME_MIN, CHAMP_TIME_MAX)
 * (a number of seconds an export may hold) as that number, "1e+20".
 * buf holds CHAMP_TIME_TEXT_MAX. */
#define CHAMP_TIME_TEXT_MAX 40
void champ__format_time(char *buf, double t);

/* Length of the JSON number (RFC 8259 grammar) at the start of s[0..len),
 * or 0 when none starts there or it is cut short ("-", "1.", "1e+"). A
 * number ends before the first byte that cannot continue it, so "01" gives
 * 1 and "1x" gives 1. */
size_t champ__json_number_length(const char *s, size_t len);

/* The double of s[0..len), a whole JSON number of at most CHAMP_NUMBER_MAX
 * characters, exactly as strtod reads it in the "C" locale (inf when it
 * overflows, 0 when it underflows). -1 when out of memory, 0 otherwise. */
int champ__json_number_value(const char *s, size_t len, double *out);

/* The same for the numbers that take arithmetic only (Clinger's fast path:
 * most numbers of an export): 1 with the double in *out; 0 when strtod
 * must decide. Allocates nothing: for jobs beside the calling thread. */
int champ__json_number_quick(const char *s, size_t len, double *out);

/* Whether s[0..len) is an RFC 3339 date-time, as champ__parse_rfc3339 reads
 * it: 1 with its Unix seconds in *out, else 0, leaving the thread's message
 * alone (for jobs beside the calling thread). */
int champ__rfc3339_quiet(const char *s, size_t len, double *out);

#endif
