/*
 * libFuzzer harness: times as text (lib/timeparse.c). The input is tried
 *  - as one time of s[0..len), the form the reader uses (no NUL, so ASan
 *    sees any read past the end), and as an RFC 3339 date-time only;
 *  - through champ_parse_time() (up to the first NUL), which must agree;
 *  - as a JSON number: champ__json_number_value() against strtod (it claims
 *    to give exactly what strtod gives in the "C" locale);
 *  - split at '\n' as a column for champ_parse_times(), a piece "\x7f"
 *    standing for a NULL element: each out[i] as champ_parse_time() gives
 *    it, the first bad element named in the message.
 * See docs/fuzzing.md.
 */
#include "fuzz_common.h"

#include "timeparse.h"

#include <inttypes.h>

#define MAX_PIECES 16

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static void check_column(const char *text, size_t size)
{
    char *pieces = malloc(size + 1);
    const char *texts[MAX_PIECES];
    double out[MAX_PIECES], one[MAX_PIECES];
    champ_status st_one[MAX_PIECES];
    size_t n = 0;
    if (!pieces)
        return;
    memcpy(pieces, text, size + 1);
    for (char *p = pieces; n < MAX_PIECES;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        texts[n++] = strcmp(p, "\x7f") == 0 ? NULL : p;
        if (!nl)
            break;
        p = nl + 1;
    }
    size_t first_bad = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        one[i] = NAN;
        st_one[i] = texts[i] ? champ_parse_time(&one[i], texts[i]) : CHAMP_OK;
        if (st_one[i] != CHAMP_OK && first_bad == SIZE_MAX)
            first_bad = i;
    }
    champ_status st = champ_parse_times(out, n, texts);
    if (first_bad == SIZE_MAX) {
        FUZZ_CHECK(st == CHAMP_OK);
        for (size_t i = 0; i < n; i++)
            FUZZ_CHECK(same_double(out[i], one[i]));
    } else {
        char where[48];
        int w = snprintf(where, sizeof where, "times[%zu]: ", first_bad);
        FUZZ_CHECK(st == CHAMP_ERR_SCHEMA);
        FUZZ_CHECK(strncmp(champ_last_error(), where, (size_t)w) == 0);
    }
    free(pieces);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    const double unset = -12345.25;

    /* s[0..size): OK and finite, or SCHEMA with *out unchanged. */
    double t = unset;
    champ_status st = champ__parse_time_text(s, size, &t);
    FUZZ_CHECK(st == CHAMP_OK || st == CHAMP_ERR_SCHEMA);
    FUZZ_CHECK(st == CHAMP_OK ? isfinite(t) : same_double(t, unset));
    if (st != CHAMP_OK)
        FUZZ_CHECK(champ_last_error()[0] != '\0');

    double r = unset;
    champ_status st_r = champ__parse_rfc3339(s, size, &r);
    FUZZ_CHECK(st_r == CHAMP_OK || st_r == CHAMP_ERR_SCHEMA);
    if (st_r == CHAMP_OK)
        FUZZ_CHECK(st == CHAMP_OK && same_double(r, t));
    else
        FUZZ_CHECK(same_double(r, unset));

    /* The JSON number at the start, against strtod in the "C" locale (the
     * fuzzer never calls setlocale). */
    size_t n = champ__json_number_length(s, size);
    FUZZ_CHECK(n <= size);
    if (n > 0 && n <= CHAMP_NUMBER_MAX) {
        char buf[CHAMP_NUMBER_MAX + 1];
        double v = unset;
        memcpy(buf, s, n);
        buf[n] = '\0';
        FUZZ_CHECK(champ__json_number_value(s, n, &v) == 0);
        double expected = strtod(buf, NULL);
        if (!same_double(v, expected)) {
            fprintf(stderr, "fuzz: \"%s\" read as %.17g, strtod gives %.17g\n", buf, v,
                    expected);
            __builtin_trap();
        }
    }

    /* The public calls, on a NUL-terminated copy. */
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, s, size);
    text[size] = '\0';
    double p = unset;
    champ_status st_p = champ_parse_time(&p, text);
    if (strlen(text) == size) {
        FUZZ_CHECK(st_p == st);
        FUZZ_CHECK(same_double(p, t));
    }
    check_column(text, strlen(text));
    free(text);
    return 0;
}
