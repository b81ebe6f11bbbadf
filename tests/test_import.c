/* The importers (lib/import*.c, csv.c, source.c): every form ranks exactly
 * as the JSON export it stands for, read from a folder, a zip, a file, a
 * descriptor or memory; detection by content; the options of reading; the
 * CSV scanner's rules; messages that name the file, the line and the
 * column. The equivalent exports (tests/data/import/<form>/expected*.json)
 * were written by tests/reference/importers.py, an independent reading of
 * the contract in Python; the binding's suite checks they still are. */
#include "testutil.h"
#include "csv.h"
#include "import.h"
#include "network.h"
#include "utf8.h"

#include <champions.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static const char *fixture(const char *name)
{
    static char path[8][4096];
    static int next;
    char *p = path[next++ % 8];
    snprintf(p, sizeof path[0], "%s/import/%s", getenv("CHAMP_TEST_DATA"), name);
    return p;
}

static int collect(void *user, const char *data, size_t len)
{
    char **text = user;
    size_t have = *text ? strlen(*text) : 0;
    *text = realloc(*text, have + len + 1);
    memcpy(*text + have, data, len);
    (*text)[have + len] = '\0';
    return 0;
}

/* The ranking's JSON with default options; *dropped_zero receives that
 * item (NAN unless the form skips rows of weight 0) and the text loses its
 * key, so that a form and its JSON equivalent compare equal. */
static char *ranked(champ_network *net, double *dropped_zero)
{
    champ_ranking *r = NULL;
    ck_assert_int_eq(champ_rank(net, NULL, &r), CHAMP_OK);
    *dropped_zero = champ_ranking_summary(r, CHAMP_SUMMARY_DROPPED_ZERO);
    char *text = NULL;
    ck_assert_int_eq(champ_ranking_write_to(r, CHAMP_FORMAT_JSON, 0, collect, &text), CHAMP_OK);
    champ_ranking_free(r);
    char *at = strstr(text, ",\"dropped_zero\":");
    ck_assert_int_eq(at != NULL, !isnan(*dropped_zero));
    if (at) {
        size_t key = strlen(",\"dropped_zero\":"), digits = strspn(at + key, "0123456789");
        ck_assert_uint_gt(digits, 0);
        memmove(at, at + key + digits, strlen(at + key + digits) + 1);
    }
    return text;
}

static champ_network *read_ok(const char *path, const champ_read_options *ro)
{
    champ_network *net = NULL;
    champ_status st = champ_network_read(path, ro, &net);
    ck_assert_msg(st == CHAMP_OK, "%s: %s", path, champ_last_error());
    return net;
}

/* `net` ranks as the JSON export `expected` does, with `zero` rows of
 * weight 0 skipped (NAN: a form without such a count). */
static void ranks_as(champ_network *net, const char *expected, double zero)
{
    champ_network *want = read_ok(fixture(expected), NULL);
    double got_zero, want_zero;
    char *got = ranked(net, &got_zero), *text = ranked(want, &want_zero);
    ck_assert_str_eq(got, text);
    if (isnan(zero))
        ck_assert(isnan(got_zero));
    else
        ck_assert_double_eq(got_zero, zero);
    ck_assert(isnan(want_zero));
    free(got);
    free(text);
    champ_network_free(want);
}

static champ_read_options *options(void)
{
    champ_read_options *ro = NULL;
    ck_assert_int_eq(champ_read_options_new(&ro), CHAMP_OK);
    return ro;
}

START_TEST(csv_with_people_ranks_as_its_json)
{
    champ_read_options *ro = options();
    static const char *const map[][2] = {{"from", "Sender"}, {"to", "Recipient"},
                                         {"time", "SentAt"}, {"type", "Channel"},
                                         {"weight", "Weight"}};
    for (size_t i = 0; i < ARRAY_LEN(map); i++)
        ck_assert_int_eq(champ_read_options_set_column(ro, map[i][0], map[i][1]), CHAMP_OK);
    ck_assert_int_eq(champ_read_options_set_people(ro, fixture("csv/people.csv")), CHAMP_OK);
    champ_network *net = read_ok(fixture("csv/sent.csv"), ro);
    /* the people table's "name" column is noted, never kept */
    ck_assert_uint_eq(net->unread[CHAMP_UNREAD_PEOPLE].count, 1);
    ck_assert_str_eq(champ_strtab_get(&net->unread[CHAMP_UNREAD_PEOPLE], 0), "name");
    ranks_as(net, "csv/expected.json", NAN);
    champ_network_free(net);
    champ_read_options_free(ro);
}
END_TEST

START_TEST(viva_p2p_ranks_as_its_json)
{
    champ_network *net = read_ok(fixture("viva-p2p/query.csv"), NULL);
    ranks_as(net, "viva-p2p/expected.json", 0);
    champ_network_free(net);
    champ_read_options *ro = options();
    ck_assert_int_eq(champ_read_options_set_weight_column(ro, "Strong_tie_score"), CHAMP_OK);
    net = read_ok(fixture("viva-p2p/query.csv"), ro);
    ranks_as(net, "viva-p2p/expected-strong-ties.json", 2);
    champ_network_free(net);
    /* an attribute by name must be there */
    ck_assert_int_eq(champ_read_options_set_hrvar(ro, "Region"), CHAMP_OK);
    ck_assert_int_eq(champ_network_read(fixture("viva-p2p/query.csv"), ro, &net),
                     CHAMP_ERR_SCHEMA);
    ck_assert_ptr_nonnull(strstr(champ_last_error(),
                                 "query.csv: line 1: no column \"PrimaryCollaborator_Region\" "
                                 "for the teams (the header has \"PrimaryCollaborator_PersonId\""));
    ck_assert_ptr_nonnull(strstr(champ_last_error(), "; name an HR attribute of the query "
                                                     "(hrvar)"));
    ck_assert_int_eq(champ_read_options_set_hrvar(ro, "FunctionType"), CHAMP_OK);
    net = read_ok(fixture("viva-p2p/query.csv"), ro);
    ck_assert_uint_eq(net->teams.count, 3); /* Finance, Sales, Engineering */
    champ_network_free(net);
    champ_read_options_free(ro);
}
END_TEST

START_TEST(slack_folder_and_zip_rank_as_their_json)
{
    champ_network *net = read_ok(fixture("slack"), NULL);
    ranks_as(net, "slack/expected.json", NAN);
    champ_network_free(net);
    net = read_ok(fixture("slack.zip"), NULL);
    ranks_as(net, "slack/expected.json", NAN);
    champ_network_free(net);
}
END_TEST

START_TEST(engage_folder_and_zip_rank_as_their_json)
{
    champ_network *net = read_ok(fixture("viva-engage"), NULL);
    ranks_as(net, "viva-engage/expected.json", NAN);
    champ_network_free(net);
    net = read_ok(fixture("viva-engage.zip"), NULL);
    ranks_as(net, "viva-engage/expected.json", NAN);
    champ_network_free(net);
}
END_TEST

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    char *data = malloc(1 << 20);
    *len = fread(data, 1, 1 << 20, f);
    fclose(f);
    return data;
}

/* The same bytes from memory and from a descriptor: a zip too. */
START_TEST(zip_from_memory_and_descriptor)
{
    size_t len;
    char *data = slurp(fixture("slack.zip"), &len);
    champ_network *a = NULL, *b = NULL;
    ck_assert_int_eq(champ_network_read_memory(data, len, "slack.zip", NULL, &a), CHAMP_OK);
    int fd = open(fixture("slack.zip"), O_RDONLY);
    ck_assert_int_eq(champ_network_read_fd(fd, "<stdin>", NULL, &b), CHAMP_OK);
    close(fd);
    double za, zb;
    char *ta = ranked(a, &za), *tb = ranked(b, &zb);
    ck_assert_str_eq(ta, tb);
    free(ta);
    free(tb);
    champ_network_free(a);
    champ_network_free(b);
    /* cut short: the archive's own error, named */
    ck_assert_int_eq(champ_network_read_memory(data, len / 2, "slack.zip", NULL, &a),
                     CHAMP_ERR_PARSE);
    ck_assert_ptr_null(a);
    ck_assert_ptr_nonnull(strstr(champ_last_error(), "slack.zip: "));
    ck_assert_ptr_nonnull(strstr(champ_last_error(), "not a readable zip archive"));
    free(data);
}
END_TEST

/* The form comes from the content: CSV, a Viva Insights query by its
 * header, JSON; a form given explicitly wins. */
START_TEST(detection_and_explicit_forms)
{
    const char *plain = "from,to\na,b\nb,a\n";
    const char *p2p = "PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId\na,b\n";
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_read_memory(plain, strlen(plain), NULL, NULL, &net), CHAMP_OK);
    ck_assert(!net->has_people);
    champ_network_free(net);
    ck_assert_int_eq(champ_network_read_memory(p2p, strlen(p2p), NULL, NULL, &net), CHAMP_OK);
    ck_assert(net->has_people); /* everyone in a query is listed */
    champ_network_free(net);
    champ_read_options *ro = options();
    ck_assert_int_eq(champ_read_options_set_input(ro, CHAMP_INPUT_CSV), CHAMP_OK);
    ck_assert_int_eq(champ_network_read_memory(p2p, strlen(p2p), "q.csv", ro, &net),
                     CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(),
                     "q.csv: line 1: no column \"from\" for \"from\" (the header has "
                     "\"PrimaryCollaborator_PersonId\", \"SecondaryCollaborator_PersonId\"); "
                     "name the column that holds it (columns: from=NAME)");
    ck_assert_int_eq(champ_read_options_set_input(ro, CHAMP_INPUT_SLACK), CHAMP_OK);
    ck_assert_int_eq(champ_network_read_memory(plain, strlen(plain), "x", ro, &net),
                     CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "x: a slack export is a folder or a .zip");
    ck_assert_int_eq(champ_read_options_set_input(ro, CHAMP_INPUT_VIVA_ENGAGE), CHAMP_OK);
    ck_assert_int_eq(champ_network_read(fixture("slack"), ro, &net), CHAMP_ERR_SCHEMA);
    ck_assert_ptr_nonnull(strstr(champ_last_error(),
                                 "slack: not a Viva Engage export: it has no Users.csv"));
    /* JSON given for a CSV or a zip: said so, with what detection would do */
    ck_assert_int_eq(champ_read_options_set_input(ro, CHAMP_INPUT_JSON), CHAMP_OK);
    ck_assert_int_eq(champ_network_read_memory(p2p, strlen(p2p), "q.csv", ro, &net),
                     CHAMP_ERR_PARSE);
    ck_assert_str_eq(champ_last_error(), "q.csv: line 1, column 1: this looks like CSV, not json "
                                         "(the form was given; detected, it is read as "
                                         "viva-p2p)");
    ck_assert_int_eq(champ_read_options_set_input(ro, CHAMP_INPUT_JSONL), CHAMP_OK);
    ck_assert_int_eq(champ_network_read(fixture("slack.zip"), ro, &net), CHAMP_ERR_PARSE);
    ck_assert_ptr_nonnull(strstr(champ_last_error(), "slack.zip: the input is a zip archive, not "
                                                     "jsonl (a zip holds a Slack or Viva "
                                                     "Engage export)"));
    ck_assert_ptr_null(net);
    champ_read_options_free(ro);
    /* a folder that is neither */
    ck_assert_int_eq(champ_network_read(fixture("csv"), NULL, &net), CHAMP_ERR_SCHEMA);
    ck_assert_ptr_nonnull(strstr(champ_last_error(), "csv: neither a Slack export (users.json, "
                                                     "channels.json) nor a Viva Engage export"));
    /* an empty zip archive (its end record only; found by fuzz_read_csv) */
    static const char empty_zip[22] = "PK\x05\x06";
    ck_assert_int_eq(champ_network_read_memory(empty_zip, sizeof empty_zip, "e.zip", NULL, &net),
                     CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "e.zip: no files: neither a Slack export (users.json, "
                                         "channels.json) nor a Viva Engage export (Messages.csv, "
                                         "Users.csv)");
    ck_assert_ptr_null(net);
    /* the older JSON reader stays JSON */
    ck_assert_int_eq(champ_network_read_json(plain, strlen(plain), &net), CHAMP_ERR_PARSE);
    ck_assert_str_eq(champ_last_error(), "line 1, column 1: this looks like CSV, not JSON (read "
                                         "it with champ_network_read_memory)");
}
END_TEST

/* Column names: the mapping, then the exact name, then the only column of
 * that name in another case. */
START_TEST(column_mapping)
{
    const char *text = "FROM,To,to,When\na,b,c,2026-03-01\n";
    champ_network *net = NULL;
    /* "to" matches exactly although "To" is there too; "FROM" is the only
     * one of its name; "When" is no column of ours */
    ck_assert_int_eq(champ_network_read_memory(text, strlen(text), NULL, NULL, &net), CHAMP_OK);
    ck_assert_uint_eq(champ_strtab_find(&net->ids, "c", 1), 1);
    ck_assert(isnan(net->time[0]));
    champ_network_free(net);
    champ_read_options *ro = options();
    ck_assert_int_eq(champ_read_options_set_column(ro, "time", "When"), CHAMP_OK);
    ck_assert_int_eq(champ_network_read_memory(text, strlen(text), NULL, ro, &net), CHAMP_OK);
    ck_assert_double_eq(net->time[0], 1772323200);
    champ_network_free(net);
    /* a column named in the options must be there, even for an optional field */
    ck_assert_int_eq(champ_read_options_set_column(ro, "type", "Kind"), CHAMP_OK);
    ck_assert_int_eq(champ_network_read_memory(text, strlen(text), NULL, ro, &net),
                     CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "line 1: no column \"Kind\" for \"type\" (the header has "
                                         "\"FROM\", \"To\", \"to\", \"When\"); name the column "
                                         "that holds it (columns: type=NAME)");
    ck_assert_int_eq(champ_read_options_set_column(ro, "colour", "x"), CHAMP_ERR_ARGUMENT);
    ck_assert_str_eq(champ_last_error(), "columns: unknown field \"colour\" (expected from, to, "
                                         "time, type, weight, id, team or group)");
    ck_assert_int_eq(champ_read_options_set_column(ro, "from", ""), CHAMP_ERR_ARGUMENT);
    champ_read_options_free(ro);
    /* two columns of the same name in other cases: neither is taken */
    const char *twice = "From,FROM,to\na,b,c\n";
    ck_assert_int_eq(champ_network_read_memory(twice, strlen(twice), NULL, NULL, &net),
                     CHAMP_ERR_SCHEMA);
}
END_TEST

/* Messages name the line and the column, by its name in the header. */
START_TEST(csv_errors_name_line_and_column)
{
    static const struct {
        const char *text, *message;
        champ_status status;
    } cases[] = {
        {"from,to,time\na,b,2026-13-01T00:00:00Z\n",
         "line 2, column \"time\": expected an RFC 3339 date-time, a date or Unix seconds, got "
         "\"2026-13-01T00:00:00Z\" (month out of range)", CHAMP_ERR_SCHEMA},
        {"from,to,weight\na,b,1\nb,a,-2\n", "line 3, column \"weight\": expected a finite number > 0",
         CHAMP_ERR_SCHEMA},
        {"from,to,weight\na,b,0\n", "line 2, column \"weight\": expected a finite number > 0",
         CHAMP_ERR_SCHEMA},
        {"from,to\na,\n", "line 2, column \"to\": expected an id, got an empty cell",
         CHAMP_ERR_SCHEMA},
        {"from,to\na,b,c\n", "line 2: 3 fields, the header has 2", CHAMP_ERR_SCHEMA},
        {"from,to\n\"a,b\n", "line 2, column 1: a quoted field is not closed", CHAMP_ERR_PARSE},
        {"from,to\n\"a\"x,b\n", "line 2, column 4: expected ',' or the end of the line after a "
                                "closing quote", CHAMP_ERR_PARSE},
        {"from,to\n\"multi\nline\",\xff\n", "line 2, column \"to\": invalid UTF-8",
         CHAMP_ERR_SCHEMA},
        {"from,to\n", "no interactions: the file has a header and no rows", CHAMP_ERR_SCHEMA},
        {"from;to\na;b\n", "line 1: the columns are separated by semicolons, not commas: save "
                           "the file as comma-separated CSV", CHAMP_ERR_SCHEMA},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        champ_network *net = (champ_network *)&net;
        champ_status st = champ_network_read_memory(cases[i].text, strlen(cases[i].text), NULL,
                                                    NULL, &net);
        ck_assert_msg(st == cases[i].status, "case %zu: %s", i, champ_last_error());
        ck_assert_ptr_null(net);
        ck_assert_str_eq(champ_last_error(), cases[i].message);
    }
}
END_TEST

/* The scanner on its own: quotes, doubled quotes, line ends, BOM, an
 * empty last field, blank lines. */
START_TEST(csv_scanner)
{
    const char *text = "\xef\xbb\xbf" "a,\"b,\"\"c\"\"\",\r\n\r\n\"x\ny\",,z\rlast";
    champ_csv c;
    champ_status st = CHAMP_OK;
    champ__csv_init(&c, (const unsigned char *)text, strlen(text));
    ck_assert_int_eq(champ__csv_next(&c, &st), 1);
    ck_assert_uint_eq(c.count, 3);
    ck_assert_uint_eq(c.field[1].len, 5);
    char buf[16];
    memcpy(buf, c.field[1].s, c.field[1].len);
    buf[c.field[1].len] = '\0';
    ck_assert_str_eq(buf, "b,\"c\"");
    ck_assert_uint_eq(c.field[2].len, 0);
    ck_assert_uint_eq(c.line, 1);
    ck_assert_int_eq(champ__csv_next(&c, &st), 1);
    ck_assert_uint_eq(c.line, 3); /* the blank line skipped */
    ck_assert_uint_eq(c.count, 3);
    ck_assert_uint_eq(c.field[0].len, 3);
    ck_assert(memcmp(c.field[0].s, "x\ny", 3) == 0);
    ck_assert_int_eq(champ__csv_next(&c, &st), 1);
    ck_assert_uint_eq(c.line, 5); /* "\r" ended line 4 */
    ck_assert_uint_eq(c.count, 1);
    ck_assert(memcmp(c.field[0].s, "last", 4) == 0);
    ck_assert_int_eq(champ__csv_next(&c, &st), 0);
    champ__csv_free(&c);
}
END_TEST

/* The CSV scanner against a byte-by-byte reading of RFC 4180 with the
 * scanner's rules (a BOM skipped, blank lines skipped, "\n", "\r\n" or "\r"
 * ending a line, a trailing ',' giving an empty field, a quote inside an
 * unquoted field kept), on random texts of the characters that matter:
 * the same fields, or a failure for both. Records are written as their
 * fields joined by 0x1f, each record ended by 0x1e. */
static int reference_csv(const char *s, size_t n, char *out, size_t *out_len)
{
    size_t i = n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 ? 3 : 0, o = 0;
    for (;;) {
        while (i < n && (s[i] == '\n' || s[i] == '\r'))
            i++;
        if (i >= n)
            break;
        for (;;) {
            if (s[i] == '"') {
                for (i++;; i++) {
                    if (i >= n)
                        return -1;
                    if (s[i] == '"') {
                        if (i + 1 < n && s[i + 1] == '"') {
                            out[o++] = '"';
                            i++;
                            continue;
                        }
                        i++;
                        break;
                    }
                    out[o++] = s[i];
                }
                if (i < n && s[i] != ',' && s[i] != '\n' && s[i] != '\r')
                    return -1;
            } else {
                while (i < n && s[i] != ',' && s[i] != '\n' && s[i] != '\r')
                    out[o++] = s[i++];
            }
            if (i >= n || s[i] != ',')
                break;
            i++;
            out[o++] = 0x1f;
            if (i >= n || s[i] == '\n' || s[i] == '\r')
                break; /* the empty last field */
        }
        out[o++] = 0x1e; /* the line end: skipped with any blank lines after it */
    }
    *out_len = o;
    return 0;
}

static int scanned_csv(const char *s, size_t n, char *out, size_t *out_len)
{
    champ_csv c;
    champ_status st = CHAMP_OK;
    champ__csv_init(&c, (const unsigned char *)s, n);
    size_t o = 0;
    int r;
    while ((r = champ__csv_next(&c, &st)) > 0) {
        for (size_t f = 0; f < c.count; f++) {
            if (f)
                out[o++] = 0x1f;
            memcpy(out + o, c.field[f].s, c.field[f].len);
            o += c.field[f].len;
        }
        out[o++] = 0x1e;
    }
    champ__csv_free(&c);
    *out_len = o;
    return r < 0 ? -1 : 0;
}

START_TEST(csv_scanner_against_a_plain_reading)
{
    static const char alphabet[] = "ab,\"\n\r\xc3\xa9 ";
    char text[80], want[256], got[256];
    uint64_t state = 12345;
    for (int round = 0; round < 200000; round++) {
        state = state * 6364136223846793005u + 1442695040888963407u;
        size_t n = (size_t)(state >> 33) % 70;
        for (size_t i = 0; i < n; i++) {
            state = state * 6364136223846793005u + 1442695040888963407u;
            /* mostly letters, so that runs longer than 8 bytes occur */
            unsigned pick = (unsigned)(state >> 40) % 32;
            text[i] = pick < 20 ? "abcdefghijklmnopqrst"[pick] : alphabet[pick % 9];
        }
        size_t want_len = 0, got_len = 0;
        int want_r = reference_csv(text, n, want, &want_len);
        int got_r = scanned_csv(text, n, got, &got_len);
        ck_assert_msg(want_r == got_r, "round %d: status %d, expected %d", round, got_r, want_r);
        if (want_r == 0)
            ck_assert_msg(want_len == got_len && memcmp(want, got, want_len) == 0,
                          "round %d: different fields", round);
    }
}
END_TEST

/* A gzip file is read as what it holds: one member or several; a damaged,
 * truncated or twice-compressed one, or one with data after it, is named. */
static unsigned char *gzipped(const char *text, size_t len, size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    ck_assert_int_eq(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = deflateBound(&z, (uLong)len) + 32;
    unsigned char *out = malloc(cap);
    ck_assert_ptr_nonnull(out);
    z.next_in = (Bytef *)(uintptr_t)text;
    z.avail_in = (uInt)len;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
    *out_len = cap - z.avail_out;
    deflateEnd(&z);
    return out;
}

static void assert_read_fails(const void *data, size_t len, const char *message)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_read_memory(data, len, "x.gz", NULL, &net), CHAMP_ERR_PARSE);
    ck_assert_ptr_null(net);
    ck_assert_str_eq(champ_last_error(), message);
}

START_TEST(gzip_inputs)
{
    const char *part1 = "from,to,time\na,b,2026-01-01\n", *part2 = "b,a,2026-01-02\nc,a,1\n";
    size_t len1, len2;
    unsigned char *gz1 = gzipped(part1, strlen(part1), &len1);
    unsigned char *gz2 = gzipped(part2, strlen(part2), &len2);
    /* two members back to back, as `cat a.gz b.gz` makes */
    unsigned char *both = malloc(len1 + len2 + 8);
    memcpy(both, gz1, len1);
    memcpy(both + len1, gz2, len2);
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_read_memory(both, len1 + len2, "x.gz", NULL, &net), CHAMP_OK);
    ck_assert_uint_eq(net->interactions, 3);
    champ_network_free(net);
    /* cut short, damaged, data after it, gzip inside gzip */
    assert_read_fails(gz1, len1 - 5, "x.gz: the gzip data ends early (a truncated file?)");
    unsigned char saved = gz1[len1 - 6];
    gz1[len1 - 6] ^= 0x55; /* the CRC */
    assert_read_fails(gz1, len1, "x.gz: the gzip data is damaged: incorrect data check");
    gz1[len1 - 6] = saved;
    memcpy(both + len1, "junk", 4);
    assert_read_fails(both, len1 + 4, "x.gz: unexpected data after the gzip stream");
    size_t len3;
    unsigned char *twice = gzipped((const char *)gz1, len1, &len3);
    assert_read_fails(twice, len3, "x.gz: the input is compressed twice with gzip: decompress "
                                   "it once first (gunzip)");
    /* a zip inside gzip is a zip; a tar archive is named */
    char *zip = NULL;
    size_t zip_len = 0;
    FILE *f = fopen(fixture("viva-engage.zip"), "rb");
    ck_assert_ptr_nonnull(f);
    zip = malloc(1 << 16);
    zip_len = fread(zip, 1, 1 << 16, f);
    fclose(f);
    size_t zgz_len;
    unsigned char *zgz = gzipped(zip, zip_len, &zgz_len);
    ck_assert_int_eq(champ_network_read_memory(zgz, zgz_len, "e.zip.gz", NULL, &net), CHAMP_OK);
    ck_assert_uint_eq(champ_network_person_count(net), 6);
    champ_network_free(net);
    /* a tar header: name, magic, and its checksum (the header's bytes
     * summed with the checksum field as spaces, in octal) */
    char tar[512] = "users.json";
    memcpy(tar + 257, "ustar", 5);
    memset(tar + 148, ' ', 8);
    unsigned long sum = 0;
    for (size_t i = 0; i < sizeof tar; i++)
        sum += (unsigned char)tar[i];
    snprintf(tar + 148, 8, "%06lo", sum);
    tar[155] = ' ';
    assert_read_fails(tar, sizeof tar, "x.gz: the input is a tar archive: unpack it first (a "
                                       "Slack or Viva Engage export is read as a folder or a "
                                       ".zip)");
    /* "ustar" alone at that place is text a JSON export may hold there */
    char json[600];
    memset(json, ' ', sizeof json);
    memcpy(json, "{\"interactions\": [{\"from\": \"a\", \"to\": \"b\"}],\"x\":\"", 49);
    memcpy(json + 257, "ustar", 5);
    memcpy(json + sizeof json - 2, "\"}", 2);
    ck_assert_int_eq(champ_network_read_memory(json, sizeof json, "ustar.json", NULL, &net),
                     CHAMP_OK);
    champ_network_free(net);
    free(zgz);
    free(zip);
    free(twice);
    free(both);
    free(gz1);
    free(gz2);
}
END_TEST

/* The UTF-8 check with its ASCII fast path gives what a walk of sequences
 * gives, wherever the bad or multi-byte sequence falls against 8 bytes. */
START_TEST(utf8_check_at_every_alignment)
{
    static const char *const pieces[] = {"\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
                                         "\x80", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                                         "\xe2\x82", "\xff", "\xf0\x9f\x98"};
    char text[64];
    for (size_t p = 0; p < sizeof pieces / sizeof *pieces; p++)
        for (size_t before = 0; before < 20; before++)
            for (size_t after = 0; after < 12; after++) {
                size_t len = 0;
                memset(text, 'x', before);
                len += before;
                memcpy(text + len, pieces[p], strlen(pieces[p]));
                len += strlen(pieces[p]);
                memset(text + len, 'y', after);
                len += after;
                int walk = 1;
                for (size_t i = 0; i < len && walk;) {
                    size_t k = champ__utf8_sequence((const unsigned char *)text + i, len - i);
                    walk = k != 0;
                    i += k;
                }
                ck_assert_int_eq(champ__utf8_valid(text, len), walk);
            }
}
END_TEST

/* Slack: what a message gives, in the terms of the contract. */
START_TEST(slack_messages)
{
    champ_network *net = read_ok(fixture("slack"), NULL);
    /* the bot posted under its user, listed in group "bot" */
    uint32_t bot = champ_strtab_find(&net->ids, "U04DEPLOY", 9);
    ck_assert_str_eq(champ_strtab_get(&net->groups, net->group[bot]), "bot");
    uint32_t slackbot = champ_strtab_find(&net->ids, "USLACKBOT", 9);
    ck_assert_str_eq(champ_strtab_get(&net->groups, net->group[slackbot]), "bot");
    /* a guest from another workspace, only mentioned: unlisted */
    uint32_t guest = champ_strtab_find(&net->ids, "W07GUEST", 8);
    ck_assert_uint_ne(guest, CHAMP_STRTAB_NONE);
    ck_assert_uint_eq(net->group[guest], CHAMP_NONE);
    /* self mentions, a self reaction and the broadcast to one's own thread */
    ck_assert_uint_eq(net->dropped_self, 4);
    size_t replies = 0, mentions = 0, reactions = 0;
    for (size_t i = 0; i < net->interactions; i++) {
        const char *type = champ_strtab_get(&net->types, net->type[i]);
        replies += !strcmp(type, "reply");
        mentions += !strcmp(type, "mention");
        reactions += !strcmp(type, "reaction");
    }
    ck_assert_uint_eq(replies, 4);
    ck_assert_uint_eq(mentions, 7);
    ck_assert_uint_eq(reactions, 5);
    ck_assert_double_eq(net->time[0], 1772443800.0002);
    champ_network_free(net);
}
END_TEST

/* Errors inside an export name the file within it. */
START_TEST(errors_name_the_file_inside)
{
    const char *names[] = {"users.json", "channels.json", "general/2026-03-02.json"};
    const char *users = "[{\"id\": \"U1\"}, {\"id\": \"U2\", \"is_bot\": true}]";
    const char *channels = "[{\"id\": \"C1\", \"name\": \"general\"}]";
    const char *day = "[{\"user\": \"U1\", \"text\": \"hi <@U2>\", \"ts\": \"soon\"}]";
    const void *data[] = {users, channels, day};
    size_t lens[] = {strlen(users), strlen(channels), strlen(day)};
    champ_source *src = NULL;
    ck_assert_int_eq(champ__source_open_buffers(3, names, data, lens, &src), CHAMP_OK);
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    champ_read_options *ro = options();
    ck_assert_int_eq(champ__import_slack(net, src, ro), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "general/2026-03-02.json: line 1, column 43: ts: "
                                         "expected an RFC 3339 date-time, a date or Unix "
                                         "seconds, got \"soon\"");
    champ_network_free(net);
    champ__source_close(src);
    champ_read_options_free(ro);
}
END_TEST

/* A people table wins over the input's people, and adds people. */
START_TEST(people_table_over_json)
{
    const char *doc = "{\"people\": [{\"id\": \"a\", \"team\": \"Old\", \"group\": \"staff\"}],"
                      " \"interactions\": [{\"from\": \"a\", \"to\": \"b\"}]}";
    char path[] = "/tmp/champ-people-XXXXXX";
    int fd = mkstemp(path);
    const char *table = "id,team,group\na,New,partner\nz,Z,\n";
    ck_assert_int_eq(write(fd, table, strlen(table)), (int)strlen(table));
    close(fd);
    champ_read_options *ro = options();
    ck_assert_int_eq(champ_read_options_set_people(ro, path), CHAMP_OK);
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_read_memory(doc, strlen(doc), NULL, ro, &net), CHAMP_OK);
    uint32_t a = champ_strtab_find(&net->ids, "a", 1), z = champ_strtab_find(&net->ids, "z", 1);
    ck_assert_str_eq(champ_strtab_get(&net->teams, net->team[a]), "New");
    ck_assert_str_eq(champ_strtab_get(&net->groups, net->group[a]), "partner");
    ck_assert_uint_ne(z, CHAMP_STRTAB_NONE);
    ck_assert_uint_eq(net->group[champ_strtab_find(&net->ids, "b", 1)], CHAMP_NONE);
    champ_network_free(net);
    /* its own errors name it */
    const char *bad = "id,team\na,X\na,Y\n";
    fd = open(path, O_WRONLY | O_TRUNC);
    ck_assert_int_eq(write(fd, bad, strlen(bad)), (int)strlen(bad));
    close(fd);
    ck_assert_int_eq(champ_network_read_memory(doc, strlen(doc), NULL, ro, &net), CHAMP_ERR_SCHEMA);
    char want[256];
    snprintf(want, sizeof want, "%s: line 3, column \"id\": duplicate person id \"a\"", path);
    ck_assert_str_eq(champ_last_error(), want);
    ck_assert_int_eq(champ_read_options_set_people(ro, "/nonexistent/people.csv"), CHAMP_OK);
    ck_assert_int_eq(champ_network_read_memory(doc, strlen(doc), NULL, ro, &net), CHAMP_ERR_IO);
    ck_assert_ptr_null(net);
    unlink(path);
    champ_read_options_free(ro);
}
END_TEST

static Suite *import_suite(void)
{
    Suite *s = suite_create("import");
    TCase *tc = tcase_create("import");
    tcase_add_test(tc, csv_with_people_ranks_as_its_json);
    tcase_add_test(tc, viva_p2p_ranks_as_its_json);
    tcase_add_test(tc, slack_folder_and_zip_rank_as_their_json);
    tcase_add_test(tc, engage_folder_and_zip_rank_as_their_json);
    tcase_add_test(tc, zip_from_memory_and_descriptor);
    tcase_add_test(tc, detection_and_explicit_forms);
    tcase_add_test(tc, column_mapping);
    tcase_add_test(tc, csv_errors_name_line_and_column);
    tcase_add_test(tc, csv_scanner);
    tcase_add_test(tc, csv_scanner_against_a_plain_reading);
    tcase_add_test(tc, utf8_check_at_every_alignment);
    tcase_add_test(tc, gzip_inputs);
    tcase_add_test(tc, slack_messages);
    tcase_add_test(tc, errors_name_the_file_inside);
    tcase_add_test(tc, people_table_over_json);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return champ_test_run(import_suite());
}
