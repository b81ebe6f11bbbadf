/* RFC 3339 and Unix-seconds text (lib/timeparse.c, champ_parse_time). */
#include "testutil.h"
#include "timeparse.h"

#include <champions.h>
#include <locale.h>
#include <math.h>
#include <string.h>

static double parse_ok(const char *text)
{
    double t = -12345;
    champ_status st = champ_parse_time(&t, text);
    ck_assert_msg(st == CHAMP_OK, "\"%s\": %s", text, champ_last_error());
    return t;
}

/* Fails with CHAMP_ERR_SCHEMA, leaves *out alone and names the text. */
static void parse_bad(const char *text, const char *reason)
{
    double t = -12345;
    ck_assert_int_eq(champ_parse_time(&t, text), CHAMP_ERR_SCHEMA);
    ck_assert_double_eq(t, -12345);
    const char *msg = champ_last_error();
    ck_assert_msg(strstr(msg, "expected an RFC 3339 date-time, a date or Unix seconds, got \"") == msg,
                  "message: %s", msg);
    ck_assert_msg(strlen(text) > 40 || strstr(msg, text), "message: %s", msg);
    if (reason)
        ck_assert_msg(strstr(msg, reason), "message %s lacks %s", msg, reason);
}

START_TEST(rfc3339_utc)
{
    ck_assert_double_eq(parse_ok("1970-01-01T00:00:00Z"), 0);
    ck_assert_double_eq(parse_ok("2026-03-01T09:30:00Z"), 1772357400);
    ck_assert_double_eq(parse_ok("1969-12-31T23:59:59Z"), -1);
    ck_assert_double_eq(parse_ok("0001-01-01T00:00:00Z"), -62135596800.0);
    ck_assert_double_eq(parse_ok("0000-01-01T00:00:00Z"), -62167219200.0);
    ck_assert_double_eq(parse_ok("9999-12-31T23:59:59Z"), 253402300799.0);
}
END_TEST

/* A plain date is 00:00 UTC that day (champ_parse_time only: an export's
 * "time" strings are date-times). */
START_TEST(plain_dates)
{
    ck_assert_double_eq(parse_ok("2026-03-01"), 1772323200);
    ck_assert_double_eq(parse_ok("1970-01-01"), 0);
    ck_assert_double_eq(parse_ok("2024-02-29"), 1709164800);
    parse_bad("2023-02-29", "(day out of range)");
    parse_bad("2026-13-01", "(month out of range)");
    parse_bad("2026-00-10", "(month out of range)");
    parse_bad("2026/03/01", NULL);
    double t = -1;
    ck_assert_int_eq(champ__parse_rfc3339("2026-03-01", 10, &t), CHAMP_ERR_SCHEMA);
    ck_assert_double_eq(t, -1);
}
END_TEST

/* Unix seconds back to text, to the second, on both sides of 1970. */
START_TEST(format_time)
{
    char buf[CHAMP_TIME_TEXT_MAX];
    static const char *const texts[] = {"1970-01-01T00:00:00Z", "2026-03-01T09:30:00Z",
                                        "1969-12-31T23:59:59Z", "2024-02-29T23:59:59Z",
                                        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        champ__format_time(buf, parse_ok(texts[i]));
        ck_assert_str_eq(buf, texts[i]);
    }
    champ__format_time(buf, 1772357400.75);
    ck_assert_str_eq(buf, "2026-03-01T09:30:00Z");
    champ__format_time(buf, -0.5);
    ck_assert_str_eq(buf, "1969-12-31T23:59:59Z");
}
END_TEST

START_TEST(rfc3339_separators)
{
    ck_assert_double_eq(parse_ok("2026-03-01t09:30:00z"), 1772357400);
    ck_assert_double_eq(parse_ok("2026-03-01 09:30:00Z"), 1772357400);
    parse_bad("2026-03-01_09:30:00Z", NULL);
    /* a date-time without a zone says what is missing */
    parse_bad("2026-03-01T09:30:00", "(no time zone: add Z for UTC or an offset such as +01:00)");
    parse_bad("2026-03-01T09:30:00.25", "(no time zone");
    parse_bad("2026-03-01T09:30:00ZZ", NULL);
    parse_bad("2026-03-0", NULL);
    parse_bad("2026-03-01T", NULL);
    parse_bad("2026-3-01T09:30:00Z", NULL);
    parse_bad("2026-03-01T09:30Z", NULL);
    parse_bad("2026-03-01T09:30:00+0100", NULL);
    parse_bad("2026-03-01T09:30:00+01", NULL);
    parse_bad("2026-03-01T09:30:00+1:00", NULL);
    parse_bad(" 2026-03-01T09:30:00Z", NULL);
    parse_bad("2026-03-01T09:30:00Z ", NULL);
    parse_bad("+2026-03-01T09:30:00Z", NULL);
    parse_bad("", NULL);
}
END_TEST

START_TEST(rfc3339_offsets)
{
    ck_assert_double_eq(parse_ok("2026-03-01T10:30:00+01:00"), 1772357400);
    ck_assert_double_eq(parse_ok("2026-03-01T04:00:00-05:30"), 1772357400);
    ck_assert_double_eq(parse_ok("2026-03-01T09:30:00-00:00"), 1772357400);
    ck_assert_double_eq(parse_ok("2026-03-02T08:59:00+23:29"), 1772357400);
    /* An offset carries the date across a year boundary. */
    ck_assert_double_eq(parse_ok("2016-12-31T19:00:00-05:00"), 1483228800);
    parse_bad("2026-03-01T09:30:00+24:00", "(offset out of range)");
    parse_bad("2026-03-01T09:30:00+01:60", "(offset out of range)");
    parse_bad("2026-03-01T09:30:00+0a:00", NULL);
}
END_TEST

START_TEST(rfc3339_fraction)
{
    ck_assert_double_eq(parse_ok("2026-03-01T09:30:00.5Z"), 1772357400.5);
    ck_assert_double_eq(parse_ok("2026-03-01T10:30:00.25+01:00"), 1772357400.25);
    ck_assert_double_eq(parse_ok("1970-01-01T00:00:00.000000000000000000000001Z"), 0);
    ck_assert_double_eq_tol(parse_ok("1970-01-01T00:00:00.123456789012345678901234567890Z"),
                            0.123456789012345, 1e-15);
    ck_assert_double_eq(parse_ok("1969-12-31T23:59:59.75Z"), -0.25);
    parse_bad("2026-03-01T09:30:00.Z", NULL);
    parse_bad("2026-03-01T09:30:00,5Z", NULL);
    parse_bad("2026-03-01T09:30:00.5x5Z", NULL);
}
END_TEST

START_TEST(rfc3339_calendar)
{
    ck_assert_double_eq(parse_ok("2024-02-29T12:00:00Z"), 1709208000);
    ck_assert_double_eq(parse_ok("2000-02-29T00:00:00Z"), 951782400);
    ck_assert_double_eq(parse_ok("2024-03-01T00:00:00Z") - parse_ok("2024-02-28T00:00:00Z"),
                        2 * 86400);
    ck_assert_double_eq(parse_ok("2023-03-01T00:00:00Z") - parse_ok("2023-02-28T00:00:00Z"),
                        86400);
    parse_bad("2023-02-29T00:00:00Z", "(day out of range)");
    parse_bad("1900-02-29T00:00:00Z", "(day out of range)");
    parse_bad("2026-04-31T00:00:00Z", "(day out of range)");
    parse_bad("2026-01-32T00:00:00Z", "(day out of range)");
    parse_bad("2026-01-00T00:00:00Z", "(day out of range)");
    parse_bad("2026-13-01T00:00:00Z", "(month out of range)");
    parse_bad("2026-00-01T00:00:00Z", "(month out of range)");
    parse_bad("2026-03-01T24:00:00Z", "(hour out of range)");
    parse_bad("2026-03-01T23:60:00Z", "(minute out of range)");
    parse_bad("2026-03-01T23:59:61Z", "(second out of range)");
}
END_TEST

START_TEST(rfc3339_leap_second)
{
    /* POSIX time has no leap seconds: 23:59:60 is the next day's 00:00:00. */
    ck_assert_double_eq(parse_ok("2016-12-31T23:59:60Z"), 1483228800);
}
END_TEST

START_TEST(unix_seconds)
{
    ck_assert_double_eq(parse_ok("1772357400"), 1772357400);
    ck_assert_double_eq(parse_ok("-3.5"), -3.5);
    ck_assert_double_eq(parse_ok("1.5e9"), 1.5e9);
    ck_assert_double_eq(parse_ok("15E+8"), 1.5e9);
    ck_assert_double_eq(parse_ok("0"), 0);
    ck_assert_double_eq(parse_ok("-0"), 0);
    ck_assert_double_eq(parse_ok("0.1"), 0.1);
    ck_assert_double_eq(parse_ok("1772357400.123"), 1772357400.123);
    ck_assert_double_eq(parse_ok("1e-400"), 0);
    parse_bad("1e999", "(not finite)");
    parse_bad("-1e999", "(not finite)");
    parse_bad("1234567890123456789012345678901234567890123456789012345678901234",
              "(longer than 63 characters)");
    const char *bad[] = {"01", "1.", ".5", "+1", " 1", "1 ", "0x10", "inf", "nan", "-",
                         "1e", "1e+", "1,5", "1_000", "١٢"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        parse_bad(bad[i], NULL);
}
END_TEST

START_TEST(length_not_nul)
{
    double t = 0;
    ck_assert_int_eq(champ__parse_time_text("17723574009", 10, &t), CHAMP_OK);
    ck_assert_double_eq(t, 1772357400);
    ck_assert_int_eq(champ__parse_time_text("2026-03-01T09:30:00ZZ", 20, &t), CHAMP_OK);
    ck_assert_double_eq(t, 1772357400);
    ck_assert_int_eq(champ__parse_time_text("2026-03-01T09:30:00.5", 20, &t), CHAMP_ERR_SCHEMA);
    ck_assert_int_eq(champ__parse_time_text("", 0, &t), CHAMP_ERR_SCHEMA);
    /* Exactly 19 bytes and 20 bytes ending early: no read past len. */
    ck_assert_int_eq(champ__parse_time_text("2026-03-01T09:30:00", 19, &t), CHAMP_ERR_SCHEMA);
}
END_TEST

START_TEST(rfc3339_only)
{
    double t = 0;
    ck_assert_int_eq(champ__parse_rfc3339("2026-03-01T09:30:00Z", 20, &t), CHAMP_OK);
    ck_assert_double_eq(t, 1772357400);
    ck_assert_int_eq(champ__parse_rfc3339("1772357400", 10, &t), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "expected an RFC 3339 date-time, got \"1772357400\"");
    ck_assert_int_eq(champ__parse_rfc3339("2026-02-30T00:00:00Z", 20, &t), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(),
                     "expected an RFC 3339 date-time, got \"2026-02-30T00:00:00Z\" "
                     "(day out of range)");
}
END_TEST

START_TEST(message_excerpt)
{
    double t = 0;
    ck_assert_int_eq(champ_parse_time(&t, "2026-13-01T00:00:00Z"), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "expected an RFC 3339 date-time, a date or Unix seconds, "
                                         "got \"2026-13-01T00:00:00Z\" (month out of range)");
    char longer[200];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    ck_assert_int_eq(champ_parse_time(&t, longer), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "expected an RFC 3339 date-time, a date or Unix seconds, "
                                         "got \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\"");
    /* Control bytes and invalid UTF-8 do not reach the message; a cut does
     * not split a character. */
    ck_assert_int_eq(champ_parse_time(&t, "a\nb\xff" "c"), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(),
                     "expected an RFC 3339 date-time, a date or Unix seconds, got \"a?b?c\"");
    ck_assert_int_eq(champ_parse_time(&t, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\xc3\xa9"),
                     CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "expected an RFC 3339 date-time, a date or Unix seconds, "
                                         "got \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\"");
}
END_TEST

START_TEST(null_arguments)
{
    double t = 0;
    ck_assert_int_eq(champ_parse_time(NULL, "0"), CHAMP_ERR_ARGUMENT);
    ck_assert_str_eq(champ_last_error(), "champ_parse_time: out is NULL");
    ck_assert_int_eq(champ_parse_time(&t, NULL), CHAMP_ERR_ARGUMENT);
    ck_assert_str_eq(champ_last_error(), "champ_parse_time: text is NULL");
}
END_TEST

/* The decimal point is '.' whatever the process locale says. */
START_TEST(locale_independent)
{
    comma_locale();
    ck_assert_str_eq(localeconv()->decimal_point, ",");
    ck_assert_double_eq(parse_ok("-3.5"), -3.5);
    ck_assert_double_eq(parse_ok("1772357400.25"), 1772357400.25);
    ck_assert_double_eq(parse_ok("2026-03-01T09:30:00.5Z"), 1772357400.5);
    parse_bad("1,5", NULL);
    setlocale(LC_ALL, "C");
}
END_TEST

START_TEST(a_column_of_times)
{
    static const char *const texts[] = {"1970-01-01T00:00:01Z", NULL, "-3.5",
                                        "2026-03-01T10:30:00.5+01:00"};
    double out[4];
    ck_assert_int_eq(champ_parse_times(out, 4, texts), CHAMP_OK);
    ck_assert_double_eq(out[0], 1);
    ck_assert(isnan(out[1]));
    ck_assert_double_eq(out[2], -3.5);
    ck_assert_double_eq(out[3], 1772357400.5);
    static const char *const bad[] = {"0", "yesterday"};
    ck_assert_int_eq(champ_parse_times(out, 2, bad), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(),
                     "times[1]: expected an RFC 3339 date-time, a date or Unix seconds, got \"yesterday\"");
    ck_assert_int_eq(champ_parse_times(out, 0, NULL), CHAMP_OK);
    ck_assert_int_eq(champ_parse_times(NULL, 1, bad), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_parse_times(out, 1, NULL), CHAMP_ERR_ARGUMENT);
}
END_TEST

static Suite *time_suite(void)
{
    Suite *s = suite_create("time");
    TCase *rfc = tcase_create("rfc3339");
    tcase_add_test(rfc, rfc3339_utc);
    tcase_add_test(rfc, rfc3339_separators);
    tcase_add_test(rfc, plain_dates);
    tcase_add_test(rfc, format_time);
    tcase_add_test(rfc, rfc3339_offsets);
    tcase_add_test(rfc, rfc3339_fraction);
    tcase_add_test(rfc, rfc3339_calendar);
    tcase_add_test(rfc, rfc3339_leap_second);
    tcase_add_test(rfc, rfc3339_only);
    suite_add_tcase(s, rfc);
    TCase *unix_tc = tcase_create("unix");
    tcase_add_test(unix_tc, unix_seconds);
    tcase_add_test(unix_tc, locale_independent);
    suite_add_tcase(s, unix_tc);
    TCase *api = tcase_create("api");
    tcase_add_test(api, length_not_nul);
    tcase_add_test(api, message_excerpt);
    tcase_add_test(api, null_arguments);
    tcase_add_test(api, a_column_of_times);
    suite_add_tcase(s, api);
    return s;
}

int main(void)
{
    return champ_test_run(time_suite());
}
