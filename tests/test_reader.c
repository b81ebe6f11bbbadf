/* Reading exports (lib/reader.c): both forms, from memory and from files. */
#include "testutil.h"
#include "netsame.h"
#include "network.h"
#include "reader.h"
#include "strtab.h"

#include <champions.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

typedef champ_status (*reader_fn)(const char *, size_t, champ_network **);

static champ_status read_doc(const char *data, size_t len, champ_network **out)
{
    static const champ_progress silent = {NULL, NULL};
    return champ__read_export(data, len, CHAMP_FORM_DOCUMENT, &silent, out);
}

static champ_network sentinel;

/* An export read in `form` with a tuning: status, message (copied to msg)
 * and network. */
static champ_status read_tuned(const char *data, size_t len, champ_form form,
                               const champ_read_tuning *t, char msg[1024], champ_network **out)
{
    static const champ_progress silent = {NULL, NULL};
    champ_status st = champ__read_export_tuned(data, len, form, &silent, t, out);
    snprintf(msg, 1024, "%s", champ_last_error());
    return st;
}

/* data read in `form` by a single thread and with the interactions in two
 * parts, the second cut from byte `from` on (0: the middle): the same
 * status, message and network. Returns the rows of the second part. */
static size_t parts_agree_in(champ_form form, const char *data, size_t len, size_t from,
                             size_t rows, size_t new_ids)
{
    size_t parted = 0;
    champ_read_tuning one = {SIZE_MAX, 0, 0, 0, NULL};
    champ_read_tuning two = {0, from, rows, new_ids, &parted};
    char want_msg[1024], got_msg[1024];
    champ_network *want = NULL, *got = NULL;
    champ_status want_st = read_tuned(data, len, form, &one, want_msg, &want);
    champ_status got_st = read_tuned(data, len, form, &two, got_msg, &got);
    ck_assert_msg(got_st == want_st, "cut from %zu (rows %zu, new ids %zu): %s (%s), want %s (%s)",
                  from, rows, new_ids, champ_status_name(got_st), got_msg,
                  champ_status_name(want_st), want_msg);
    ck_assert_msg(strcmp(got_msg, want_msg) == 0, "cut from %zu (rows %zu, new ids %zu): \"%s\", "
                  "want \"%s\"", from, rows, new_ids, got_msg, want_msg);
    if (want_st == CHAMP_OK) {
        const char *diff = netsame_diff(want, got);
        ck_assert_msg(diff == NULL, "cut from %zu (rows %zu, new ids %zu): %s differ", from, rows,
                      new_ids, diff);
    } else
        ck_assert_ptr_null(got);
    champ_network_free(want);
    champ_network_free(got);
    return parted;
}

static size_t parts_agree_at(const char *data, size_t len, size_t from, size_t rows,
                             size_t new_ids)
{
    return parts_agree_in(CHAMP_FORM_DOCUMENT, data, len, from, rows, new_ids);
}

/* Every read goes through an exact-size copy without a terminating NUL, so
 * that ASan and valgrind see any read past len. A document is read twice
 * more, with its interactions in two parts cut at the middle, which must
 * change nothing; JSON Lines too. */
static champ_status read_bytes(reader_fn fn, const char *text, size_t len, champ_network **net)
{
    char *copy = malloc(len ? len : 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, text, len);
    if (fn == read_doc)
        parts_agree_at(copy, len, 0, 0, 0);
    if (fn == champ_network_read_jsonl)
        parts_agree_in(CHAMP_FORM_LINES, copy, len, 0, 0, 0);
    *net = &sentinel;
    champ_status st = fn(copy, len, net);
    free(copy);
    return st;
}

static champ_network *ok(reader_fn fn, const char *text)
{
    champ_network *net;
    champ_status st = read_bytes(fn, text, strlen(text), &net);
    ck_assert_msg(st == CHAMP_OK, "%s: %s", champ_status_name(st), champ_last_error());
    ck_assert_ptr_nonnull(net);
    return net;
}

static void fails_n(reader_fn fn, const char *text, size_t len, champ_status want,
                    const char *message)
{
    champ_network *net;
    champ_status st = read_bytes(fn, text, len, &net);
    ck_assert_msg(st == want, "got %s (%s), want %s", champ_status_name(st), champ_last_error(),
                  champ_status_name(want));
    ck_assert_ptr_null(net);
    ck_assert_str_eq(champ_last_error(), message);
}

static void fails(reader_fn fn, const char *text, champ_status want, const char *message)
{
    fails_n(fn, text, strlen(text), want, message);
}

static uint32_t person(const champ_network *net, const char *id)
{
    uint32_t v = champ_strtab_find(&net->ids, id, strlen(id));
    ck_assert_msg(v != CHAMP_STRTAB_NONE, "no person %s", id);
    return v;
}

static const char *team_of(const champ_network *net, const char *id)
{
    uint32_t t = net->team[person(net, id)];
    return t == CHAMP_NONE ? NULL : champ_strtab_get(&net->teams, t);
}

static const char *group_of(const champ_network *net, const char *id)
{
    uint32_t g = champ__network_group(net, person(net, id));
    return g == CHAMP_NONE ? NULL : champ_strtab_get(&net->groups, g);
}

static int listed(const champ_network *net, const char *id)
{
    return champ__network_listed(net, person(net, id));
}

static const char *id_of(const champ_network *net, uint32_t v)
{
    return champ_strtab_get(&net->ids, v);
}

static const char *type_of(const champ_network *net, size_t i)
{
    return champ_strtab_get(&net->types, net->type[i]);
}

/* The network of small.json / small.jsonl in tests/data/reader. */
static void check_small(const champ_network *net)
{
    ck_assert_uint_eq(champ_network_person_count(net), 4);
    ck_assert(net->has_people);
    ck_assert_pstr_eq(team_of(net, "p-1"), "Finance");
    ck_assert_pstr_eq(team_of(net, "p-2"), NULL);
    ck_assert_pstr_eq(team_of(net, "p-3"), NULL);
    ck_assert_pstr_eq(group_of(net, "p-1"), "staff");
    ck_assert_pstr_eq(group_of(net, "p-2"), "staff");
    ck_assert_pstr_eq(group_of(net, "p-3"), "partner");
    ck_assert(listed(net, "p-3"));
    ck_assert(!listed(net, "p-9"));
    ck_assert_pstr_eq(group_of(net, "p-9"), NULL);
    ck_assert_uint_eq(net->interactions, 3);
    ck_assert_uint_eq(net->dropped_self, 1);
    ck_assert_str_eq(id_of(net, net->from[0]), "p-1");
    ck_assert_str_eq(id_of(net, net->to[0]), "p-2");
    ck_assert_double_eq(net->time[0], 1772357400);
    ck_assert_str_eq(type_of(net, 0), "reply");
    ck_assert_double_eq(net->weight[0], 2);
    ck_assert_double_eq(net->time[1], 1772357400.5);
    ck_assert_str_eq(type_of(net, 1), "message");
    ck_assert_double_eq(net->weight[1], 1);
    ck_assert(isnan(net->time[2]));
    ck_assert_str_eq(type_of(net, 2), "message");
    ck_assert_double_eq(net->weight[2], 1);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    char *buf = malloc(1 << 16);
    *len = fread(buf, 1, 1 << 16, f);
    fclose(f);
    return buf;
}

static const char *data_path(const char *name)
{
    static char path[4096];
    const char *dir = getenv("CHAMP_TEST_DATA");
    snprintf(path, sizeof path, "%s/reader/%s", dir ? dir : "tests/data", name);
    return path;
}

/* A scratch directory for files written by the tests. */
static char scratch[64];

static void make_scratch(void)
{
    strcpy(scratch, "/tmp/champ-reader-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(scratch));
}

static void remove_scratch(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    ck_assert_int_eq(system(cmd), 0);
}

static const char *write_file(const char *name, const char *content)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", scratch, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(content, f);
    fclose(f);
    return path;
}

/* ------------------------------------------------------------------------
 * Document form
 * ------------------------------------------------------------------------ */

/* The test file `name` gives the small network through its own form's
 * reader and through form detection. */
static void assert_small_loads(const char *name, reader_fn form_reader)
{
    size_t len;
    char *text = slurp(data_path(name), &len);
    reader_fn readers[] = {form_reader, champ_network_read_json};
    for (size_t i = 0; i < 2; i++) {
        champ_network *net;
        ck_assert_int_eq(read_bytes(readers[i], text, len, &net), CHAMP_OK);
        check_small(net);
        champ_network_free(net);
    }
    free(text);
}

START_TEST(document_small)
{
    assert_small_loads("small.json", read_doc);
}
END_TEST

START_TEST(document_people_list)
{
    champ_network *net = ok(read_doc, "{\"people\": [], \"interactions\": [{\"from\": \"a\", "
                                      "\"to\": \"b\"}]}");
    ck_assert(net->has_people);
    ck_assert(!listed(net, "a") && !listed(net, "b"));
    champ_network_free(net);
    net = ok(read_doc, "{\"interactions\": [{\"from\": \"a\", \"to\": \"b\"}]}");
    ck_assert(!net->has_people);
    ck_assert(listed(net, "a") && listed(net, "b"));
    ck_assert_pstr_eq(group_of(net, "a"), "staff");
    champ_network_free(net);
    /* ignored top-level members may hold numbers of any length: no record
     * holds them */
    net = ok(read_doc, "{\"meta\": {\"pi\": 3.14159265358979323846264338327950288419716939937510"
                       "58209749445923078164062862089986280348253421170679},"
                       " \"interactions\": [{\"from\": \"a\", \"to\": \"b\"}]}");
    ck_assert_uint_eq(champ_network_interaction_count(net), 1);
    champ_network_free(net);
    net = ok(read_doc, " \t\r\n{ \"interactions\" : [ {\"from\":\"a\",\"to\":\"a\"} ] , "
                       "\"people\" : [ ] } \r\n");
    ck_assert(net->has_people);
    ck_assert_uint_eq(net->dropped_self, 1);
    champ_network_free(net);
}
END_TEST

/* Nothing to rank is an error that says what the input holds instead; a
 * self-interaction is an interaction (dropped later, and counted). */
START_TEST(no_interactions)
{
    fails(read_doc, "{}", CHAMP_ERR_SCHEMA,
          "no interactions: the document has no \"interactions\" member");
    fails(read_doc, "{\"people\": [{\"id\": \"a\"}]}", CHAMP_ERR_SCHEMA,
          "no interactions: the document has no \"interactions\" member");
    fails(read_doc, "{\"people\": [], \"interactions\": []}", CHAMP_ERR_SCHEMA,
          "no interactions: \"interactions\" is empty");
    fails(read_doc, "{\"interaction\": [{\"from\": \"a\", \"to\": \"b\"}]}", CHAMP_ERR_SCHEMA,
          "no interactions: the document has no \"interactions\" member (\"interaction\" is not "
          "read)");
    fails(read_doc, "{\"edges\": [], \"nodes\": [], \"edges\": 1}", CHAMP_ERR_SCHEMA,
          "no interactions: the document has no \"interactions\" member (\"edges\", \"nodes\" are "
          "not read)");
    fails(champ_network_read_jsonl, "", CHAMP_ERR_SCHEMA, "no interactions: the input is empty");
    fails(champ_network_read_jsonl, "\n\r\n   \n", CHAMP_ERR_SCHEMA,
          "no interactions: the input is empty");
    fails(champ_network_read_jsonl, "{\"id\": \"a\"}\n{\"id\": \"b\"}\n", CHAMP_ERR_SCHEMA,
          "no interactions: no line has \"from\"");
    champ_network_free(ok(champ_network_read_jsonl, "{\"from\": \"a\", \"to\": \"a\"}"));
}
END_TEST

/* Members the reader does not read are kept by name for the warnings: at
 * the top level and in each kind of record (decoded, at most
 * CHAMP_UNREAD_MAX of each). */
START_TEST(unread_member_names)
{
    champ_network *net = ok(read_doc, "{\"persons\": [], \"people\": [{\"id\": \"a\", "
                                      "\"department\": \"D\", \"n\\u0061me\": \"A\"}], "
                                      "\"interactions\": [{\"from\": \"a\", \"to\": \"b\", "
                                      "\"timestamp\": 5}], \"meta\": 1, \"persons\": 2}");
    const champ_strtab *top = &net->unread[CHAMP_UNREAD_DOCUMENT];
    ck_assert_uint_eq(top->count, 2);
    ck_assert_str_eq(champ_strtab_get(top, 0), "persons");
    ck_assert_str_eq(champ_strtab_get(top, 1), "meta");
    const champ_strtab *people = &net->unread[CHAMP_UNREAD_PEOPLE];
    ck_assert_uint_eq(people->count, 2);
    ck_assert_str_eq(champ_strtab_get(people, 0), "department");
    ck_assert_str_eq(champ_strtab_get(people, 1), "name");
    ck_assert_uint_eq(net->unread[CHAMP_UNREAD_INTERACTIONS].count, 1);
    ck_assert_str_eq(champ_strtab_get(&net->unread[CHAMP_UNREAD_INTERACTIONS], 0), "timestamp");
    champ_network_free(net);
    net = ok(champ_network_read_jsonl, "{\"id\": \"a\", \"dept\": 1}\n"
                                       "{\"from\": \"a\", \"to\": \"b\", \"when\": 2}\n");
    ck_assert_str_eq(champ_strtab_get(&net->unread[CHAMP_UNREAD_PEOPLE], 0), "dept");
    ck_assert_str_eq(champ_strtab_get(&net->unread[CHAMP_UNREAD_INTERACTIONS], 0), "when");
    champ_network_free(net);
    /* at most CHAMP_UNREAD_MAX names a place */
    char text[2048] = "{\"interactions\": [{\"from\": \"a\", \"to\": \"b\"}]";
    for (int i = 0; i < CHAMP_UNREAD_MAX + 3; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), ", \"m%d\": 0", i);
    strcat(text, "}");
    net = ok(read_doc, text);
    ck_assert_uint_eq(net->unread[CHAMP_UNREAD_DOCUMENT].count, CHAMP_UNREAD_MAX);
    champ_network_free(net);
}
END_TEST

START_TEST(document_people_after_interactions)
{
    champ_network *net = ok(read_doc, "{\"interactions\": [{\"from\": \"a\", \"to\": \"b\"},"
                                      "{\"from\": \"c\", \"to\": \"a\"}],"
                                      " \"people\": [{\"id\": \"a\", \"team\": \"T\"},"
                                      "{\"id\": \"d\", \"group\": \"partner\"}]}");
    ck_assert(net->has_people);
    ck_assert_uint_eq(champ_network_person_count(net), 4);
    ck_assert(listed(net, "a") && listed(net, "d"));
    ck_assert(!listed(net, "b") && !listed(net, "c"));
    ck_assert_pstr_eq(team_of(net, "a"), "T");
    ck_assert_pstr_eq(group_of(net, "d"), "partner");
    ck_assert_uint_eq(net->interactions, 2);
    champ_network_free(net);
}
END_TEST

START_TEST(document_unknown_members)
{
    champ_network *net =
        ok(read_doc, "{\"meta\": {\"a\": [1, -2.5e-3, {\"b\": null, \"c\": [[], {}]}], "
                     "\"d\": \"\\u00e9\\ud83d\\ude00\\n\", \"e\": true, \"f\": false},"
                     " \"people\": [{\"id\": \"a\", \"extra\": {\"deep\": [1, [2, [3]]]},"
                     " \"ID\": 5, \"Team\": 7}],"
                     " \"version\": 3, \"interactions\": [{\"from\": \"a\", \"to\": \"a\"}],"
                     " \"tail\": [null]}");
    ck_assert_uint_eq(champ_network_person_count(net), 1);
    ck_assert_pstr_eq(team_of(net, "a"), NULL);
    champ_network_free(net);
}
END_TEST

START_TEST(document_escaped_names)
{
    /* Member names compare as the strings they stand for. */
    champ_network *net = ok(read_doc, "{\"peop\\u006ce\": [{\"\\u0069d\": \"a\\/b\"}], "
                                      "\"interactions\": [{\"from\": \"a/b\", \"to\": \"c\"}]}");
    ck_assert(net->has_people);
    ck_assert(listed(net, "a/b"));
    champ_network_free(net);
    net = ok(read_doc, "{\"peop\\u006Ce\\n\": 5, \"people\\u0020\": 6, "
                       "\"interactions\": [{\"from\": \"a\", \"to\": \"b\"}]}");
    ck_assert(!net->has_people);
    ck_assert_str_eq(champ_strtab_get(&net->unread[CHAMP_UNREAD_DOCUMENT], 0), "people\n");
    champ_network_free(net);
}
END_TEST

START_TEST(document_self_interactions)
{
    champ_network *net = ok(read_doc, "{\"interactions\": [{\"from\": \"a\", \"to\": \"a\"},"
                                      "{\"from\": \"a\", \"to\": \"b\"},"
                                      "{\"from\": \"b\", \"to\": \"b\", \"weight\": 3}]}");
    ck_assert_uint_eq(net->dropped_self, 2);
    ck_assert_uint_eq(net->interactions, 1);
    champ_network_free(net);
    /* Checked before being dropped. */
    fails(read_doc, "{\"interactions\": [{\"from\": \"a\", \"to\": \"a\", \"weight\": 0}]}",
          CHAMP_ERR_SCHEMA, "interactions[0].weight: expected a finite number > 0");
    fails(read_doc, "{\"interactions\": [{\"from\": \"a\", \"to\": \"a\", \"time\": \"x\"}]}",
          CHAMP_ERR_SCHEMA, "interactions[0].time: expected an RFC 3339 date-time, got \"x\"");
}
END_TEST

START_TEST(document_values)
{
    champ_network *net = ok(read_doc,
                            "{\"interactions\": ["
                            "{\"from\": \"a\", \"to\": \"b\", \"time\": -3.5, \"weight\": 0.25},"
                            "{\"from\": \"a\", \"to\": \"b\", \"time\": 1.5e9, \"weight\": 1e300},"
                            "{\"from\": \"a\", \"to\": \"b\", \"time\": \"2024-02-29T23:00:00-01:00\"},"
                            "{\"from\": \"a\", \"to\": \"b\", \"type\": \"\"},"
                            "{\"from\": \"\\u00e9\", \"to\": \"b\", \"type\": \"reaction\"}]}");
    ck_assert_uint_eq(net->interactions, 5);
    ck_assert_double_eq(net->time[0], -3.5);
    ck_assert_double_eq(net->weight[0], 0.25);
    ck_assert_double_eq(net->time[1], 1.5e9);
    ck_assert_double_eq(net->weight[1], 1e300);
    ck_assert_double_eq(net->time[2], 1709251200);
    ck_assert_str_eq(type_of(net, 3), "message");
    ck_assert_str_eq(type_of(net, 4), "reaction");
    ck_assert(listed(net, "\xc3\xa9"));
    champ_network_free(net);
}
END_TEST

START_TEST(document_schema_errors)
{
    const struct {
        const char *text, *message;
    } cases[] = {
        {"[]", "expected an object at the top level"},
        {"\"people\"", "expected an object at the top level"},
        {"{\"people\": {}}", "people: expected an array"},
        {"{\"people\": null}", "people: expected an array"},
        {"{\"interactions\": \"x\"}", "interactions: expected an array"},
        {"{\"people\": [], \"people\": []}", "people: duplicate member"},
        {"{\"people\": [{\"id\": \"a\"}, 5]}", "people[1]: expected an object"},
        {"{\"people\": [[]]}", "people[0]: expected an object"},
        {"{\"interactions\": [null]}", "interactions[0]: expected an object"},
        {"{\"people\": [{}]}", "people[0].id: expected a non-empty string"},
        {"{\"people\": [{\"id\": \"\"}]}", "people[0].id: expected a non-empty string"},
        {"{\"people\": [{\"id\": 17}]}", "people[0].id: expected a non-empty string"},
        {"{\"people\": [{\"id\": null}]}", "people[0].id: expected a non-empty string"},
        {"{\"people\": [{\"Id\": \"a\"}]}", "people[0].id: expected a non-empty string"},
        {"{\"people\": [{\"id\": \"a\", \"id\": \"b\"}]}", "people[0].id: duplicate member"},
        {"{\"people\": [{\"id\": \"p-1\"}, {\"id\": \"p-2\"}, {\"id\": \"p-1\"}]}",
         "people[2].id: duplicate person id \"p-1\""},
        {"{\"people\": [{\"id\": \"a\", \"team\": 5}]}",
         "people[0].team: expected a string or null"},
        {"{\"people\": [{\"id\": \"a\", \"team\": [\"x\"]}]}",
         "people[0].team: expected a string or null"},
        {"{\"people\": [{\"id\": \"a\", \"group\": false}]}",
         "people[0].group: expected a string or null"},
        {"{\"interactions\": [{\"to\": \"b\"}]}",
         "interactions[0].from: expected a non-empty string"},
        {"{\"interactions\": [{\"from\": \"a\"}]}",
         "interactions[0].to: expected a non-empty string"},
        {"{\"interactions\": [{\"from\": \"a\", \"to\": 2}]}",
         "interactions[0].to: expected a non-empty string"},
        {"{\"interactions\": [{\"from\": \"\", \"to\": \"b\"}]}",
         "interactions[0].from: expected a non-empty string"},
        {"{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"time\": \"1700000000\"}]}",
         "interactions[0].time: expected an RFC 3339 date-time, got \"1700000000\""},
        {"{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"time\": \"2026-13-01T00:00:00Z\"}]}",
         "interactions[0].time: expected an RFC 3339 date-time, got \"2026-13-01T00:00:00Z\" "
         "(month out of range)"},
        {"{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"time\": true}]}",
         "interactions[0].time: expected finite Unix seconds or an RFC 3339 date-time string"},
        {"{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"time\": 1e999}]}",
         "interactions[0].time: expected finite Unix seconds or an RFC 3339 date-time string"},
        {"{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"type\": 5}]}",
         "interactions[0].type: expected a string or null"},
        {"{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"weight\": 0}]}",
         "interactions[0].weight: expected a finite number > 0"},
        {"{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"weight\": -1}]}",
         "interactions[0].weight: expected a finite number > 0"},
        {"{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"weight\": 1e999}]}",
         "interactions[0].weight: expected a finite number > 0"},
        {"{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"weight\": 1e-999}]}",
         "interactions[0].weight: expected a finite number > 0"},
        {"{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"weight\": \"1\"}]}",
         "interactions[0].weight: expected a finite number > 0"},
        {"{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"weight\": 1, \"weight\": 2}]}",
         "interactions[0].weight: duplicate member"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        fails(read_doc, cases[i].text, CHAMP_ERR_SCHEMA, cases[i].message);
}
END_TEST

/* Values with escapes are decoded as the strings they stand for, wherever
 * they are used: ids, team, group, type and time. */
START_TEST(document_escaped_values)
{
    champ_network *net = ok(read_doc,
                            "{\"people\": [{\"id\": \"q\\\"\\\\\\/\\b\\f\\n\\r\\t\", "
                            "\"team\": \"T\\u00e9am\", \"group\": \"p\\u0061rtner\"},"
                            "{\"id\": \"\\ud83d\\ude00\\u20AC\\u0041\", \"team\": \"\\u00e9\"}],"
                            " \"interactions\": [{\"from\": \"q\\\"\\\\/\\b\\f\\n\\r\\t\","
                            " \"to\": \"\\uD83D\\uDE00\xe2\x82\xac" "A\", \"type\": \"re\\u0070ly\","
                            " \"time\": \"2026-03-01T09:30:00\\u005a\"},"
                            "{\"from\": \"\xc3\xa9\", \"to\": \"\\u00e9\"}]}");
    ck_assert_uint_eq(champ_network_person_count(net), 2);
    ck_assert_pstr_eq(team_of(net, "q\"\\/\b\f\n\r\t"), "T\xc3\xa9" "am");
    ck_assert_pstr_eq(group_of(net, "q\"\\/\b\f\n\r\t"), "partner");
    ck_assert_pstr_eq(team_of(net, "\xf0\x9f\x98\x80\xe2\x82\xac" "A"), "\xc3\xa9");
    ck_assert_uint_eq(net->interactions, 1);
    ck_assert_uint_eq(net->dropped_self, 1);
    ck_assert_str_eq(id_of(net, net->from[0]), "q\"\\/\b\f\n\r\t");
    ck_assert_str_eq(id_of(net, net->to[0]), "\xf0\x9f\x98\x80\xe2\x82\xac" "A");
    ck_assert_str_eq(type_of(net, 0), "reply");
    ck_assert_double_eq(net->time[0], 1772357400);
    champ_network_free(net);
    /* Long escaped strings, several in one record. */
    char text[4096], id[1024];
    size_t n = 0;
    for (int i = 0; i < 150; i++)
        n += (size_t)snprintf(id + n, sizeof id - n, "\\u00e9");
    snprintf(text, sizeof text,
             "{\"interactions\": [{\"from\": \"%s\", \"to\": \"b\\n%s\", \"type\": \"%s\"}]}", id,
             id, id);
    net = ok(read_doc, text);
    ck_assert_uint_eq(champ_strtab_len(&net->ids, net->from[0]), 300);
    ck_assert_uint_eq(champ_strtab_len(&net->ids, net->to[0]), 302);
    ck_assert_uint_eq(champ_strtab_len(&net->types, net->type[0]), 300);
    champ_network_free(net);
    /* Messages quote the decoded string. */
    fails(read_doc, "{\"people\": [{\"id\": \"\\u0070-1\"}, {\"id\": \"p-\\u0031\"}]}",
          CHAMP_ERR_SCHEMA, "people[1].id: duplicate person id \"p-1\"");
    fails(read_doc,
          "{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"time\": \"\\u00e9\\t2026\"}]}",
          CHAMP_ERR_SCHEMA,
          "interactions[0].time: expected an RFC 3339 date-time, got \"\xc3\xa9?2026\"");
}
END_TEST

/* Numbers read exactly as strtod reads them, in any form JSON allows. */
START_TEST(document_numbers)
{
    champ_network *net = ok(read_doc,
                            "{\"interactions\": ["
                            "{\"from\": \"a\", \"to\": \"b\", \"time\": 1E+2, \"weight\": 17e-1},"
                            "{\"from\": \"a\", \"to\": \"b\", \"time\": -0, \"weight\": 0.1},"
                            "{\"from\": \"a\", \"to\": \"b\", \"time\": 0e999, \"weight\": 5e-324},"
                            "{\"from\": \"a\", \"to\": \"b\", \"time\": 9007199254740993,"
                            " \"weight\": 1.7976931348623157e308},"
                            "{\"from\": \"a\", \"to\": \"b\", \"time\": 1748869179.123,"
                            " \"weight\": 0.30000000000000004},"
                            "{\"from\": \"a\", \"to\": \"b\", \"time\": 12345678901234567890123,"
                            " \"weight\": 3.141592653589793238462643383279502884197169399375105820974944},"
                            "{\"from\": \"a\", \"to\": \"b\", \"time\": 1e0000000000000000000000000000000000000000009,"
                            " \"weight\": 0.0000000000000000000000000000000000000000000000000000000000001},"
                            "{\"from\": \"a\", \"to\": \"b\", \"time\": null, \"weight\": null}]}");
    const double time[] = {100, -0.0, 0, 9007199254740992.0, 1748869179.123,
                           12345678901234567890123.0, 1e9, NAN};
    const double weight[] = {1.7, 0.1, 5e-324, 1.7976931348623157e308, 0.30000000000000004,
                             3.141592653589793238462643383279502884197169399375105820974944,
                             1e-61, 1};
    ck_assert_uint_eq(net->interactions, 8);
    for (size_t i = 0; i < 8; i++) {
        ck_assert(memcmp(&net->weight[i], &weight[i], sizeof(double)) == 0);
        if (i < 7)
            ck_assert(memcmp(&net->time[i], &time[i], sizeof(double)) == 0);
    }
    ck_assert(isnan(net->time[7]));
    ck_assert(signbit(net->time[1]));
    champ_network_free(net);
    fails(read_doc, "{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"weight\": -0.0}]}",
          CHAMP_ERR_SCHEMA, "interactions[0].weight: expected a finite number > 0");
    fails(read_doc, "{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"time\": -1e309}]}",
          CHAMP_ERR_SCHEMA,
          "interactions[0].time: expected finite Unix seconds or an RFC 3339 date-time string");
}
END_TEST

/* Escaped member names are the members they stand for, duplicates too;
 * syntax errors anywhere in a record win over what is wrong in it. */
START_TEST(document_member_names)
{
    champ_network *net = ok(read_doc, "{\"interactions\": [{\"fro\\u006d\": \"a\", \"\\u0074o\": \"b\","
                                      " \"w\\u0065ight\": 2, \"t\\u0079pe\": \"x\"}]}");
    ck_assert_uint_eq(net->interactions, 1);
    ck_assert_double_eq(net->weight[0], 2);
    ck_assert_str_eq(type_of(net, 0), "x");
    champ_network_free(net);
    const struct {
        const char *text, *message;
    } cases[] = {
        {"{\"people\": [{\"id\": \"a\", \"i\\u0064\": 5}]}", "people[0].id: duplicate member"},
        {"{\"people\": [{\"team\": 5, \"id\": \"a\", \"team\": null}]}",
         "people[0].team: duplicate member"},
        {"{\"people\": [{\"team\": 1, \"group\": 2, \"group\": 3, \"team\": 4}]}",
         "people[0].group: duplicate member"},
        {"{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"weight\": 0, \"weight\": 1}]}",
         "interactions[0].weight: duplicate member"},
        {"{\"interactions\": [{\"from\": 1, \"to\": \"b\", \"type\": \"x\", \"type\\n\": 1,"
         " \"Type\": 2, \"type\": 3}]}",
         "interactions[0].type: duplicate member"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        fails(read_doc, cases[i].text, CHAMP_ERR_SCHEMA, cases[i].message);
    fails(read_doc, "{\"people\": [{\"id\": 5, \"id\": 6, \"x\": tru}]}", CHAMP_ERR_PARSE,
          "line 1, column 37: expected a value");
    /* Records are read as they come: what follows one is not seen yet. */
    fails(read_doc, "{\"people\": [{\"id\": \"a\"}, 5 5]}", CHAMP_ERR_SCHEMA,
          "people[1]: expected an object");
    fails(read_doc, "{\"people\": [{\"id\": \"a\"} 5]}", CHAMP_ERR_PARSE,
          "line 1, column 25: expected ',' or ']' after an array element");
    /* In JSON Lines, an escaped "from" makes an interaction, even null. */
    net = ok(champ_network_read_jsonl, "{\"\\u0066rom\": \"a\", \"to\": \"b\", \"id\": 1}\n");
    ck_assert_uint_eq(net->interactions, 1);
    champ_network_free(net);
    fails(champ_network_read_jsonl, "{\"from\": null, \"id\": \"a\"}", CHAMP_ERR_SCHEMA,
          "line 1: from: expected a non-empty string");
}
END_TEST

/* Records as exports write them, without spaces, take a shorter path
 * through the scanner: whatever it does not take goes the general way,
 * with the same messages. */
START_TEST(document_compact)
{
    const struct {
        champ_status status;
        const char *text, *message;
    } cases[] = {
        {CHAMP_ERR_PARSE,
         "{\"people\":[{\"id\":\"a\",\"team\":\"x\"",
         "line 1, column 32: unexpected end of input"},
        {CHAMP_ERR_PARSE,
         "{\"people\":[{\"id\":\"a\",\"team\":}]}",
         "line 1, column 29: expected a value"},
        {CHAMP_ERR_PARSE,
         "{\"people\":[{\"id\":\"a\",,\"team\":\"x\"}]}",
         "line 1, column 22: expected a member name"},
        {CHAMP_ERR_PARSE,
         "{\"people\":[{\"id\":\"a\"\"team\":\"x\"}]}",
         "line 1, column 21: expected ',' or '}' after an object member"},
        {CHAMP_ERR_PARSE,
         "{\"people\":[{\"id\":\"a\",\"team\":\"x\"x}]}",
         "line 1, column 32: expected ',' or '}' after an object member"},
        {CHAMP_ERR_PARSE,
         "{\"people\":[{\"id\":\"a\",\"team\"x\"x\"}]}",
         "line 1, column 28: expected ':' after a member name"},
        {CHAMP_ERR_PARSE,
         "{\"people\":[{\"id\":\"a\",\"team\":\"x\ty\"}]}",
         "line 1, column 31: control character in string (must be escaped)"},
        {CHAMP_ERR_PARSE,
         "{\"people\":[{\"id\":\"a\",\"team\":\"x\\qy\"}]}",
         "line 1, column 31: invalid escape in string"},
        {CHAMP_ERR_SCHEMA,
         "{\"people\":[{\"id\":\"a\",\"id\":\"b\"}]}",
         "people[0].id: duplicate member"},
        {CHAMP_ERR_SCHEMA,
         "{\"people\":[{\"id\":\"a\",\"team\":\"b\",\"team\":5}]}",
         "people[0].team: duplicate member"},
        {CHAMP_ERR_PARSE,
         "{\"interactions\":[{\"from\":\"a\",\"to\":\"b\",\"weight\":1e,\"time\":5}]}",
         "line 1, column 48: invalid number"},
        {CHAMP_ERR_PARSE,
         "{\"interactions\":[{\"from\":\"a\",\"to\":\"b\",\"weight\":-,\"time\":5}]}",
         "line 1, column 48: invalid number"},
        {CHAMP_ERR_PARSE,
         "{\"interactions\":[{\"from\":\"a\",\"to\":\"b\",\"weight\":01}]}",
         "line 1, column 49: expected ',' or '}' after an object member"},
        {CHAMP_ERR_PARSE,
         "{\"interactions\":[{\"from\":\"a\",\"to\":\"b\",\"weight\":1234567890123456789012345678901234567890123456789012345678901234}]}",
         "line 1, column 48: number longer than 63 characters"},
        {CHAMP_ERR_SCHEMA,
         "{\"interactions\":[{\"from\":\"a\",\"to\":\"b\",\"weight\":0,\"weight\":2}]}",
         "interactions[0].weight: duplicate member"},
        {CHAMP_ERR_SCHEMA,
         "{\"interactions\":[{\"from\":\"a\",\"to\":\"b\",\"time\":\"2026-03-01T09:30:00Z\",\"weight\":0}]}",
         "interactions[0].weight: expected a finite number > 0"},
        {CHAMP_ERR_SCHEMA,
         "{\"interactions\":[{\"from\":\"a\",\"to\":\"b\",\"type\":null,\"weight\":-1}]}",
         "interactions[0].weight: expected a finite number > 0"},
        {CHAMP_ERR_SCHEMA,
         "{\"interactions\":[{\"from\":\"a\",\"to\":\"b\",\"type\":5}]}",
         "interactions[0].type: expected a string or null"},
        {CHAMP_ERR_SCHEMA,
         "{\"interactions\":[{\"from\":\"a\",\"to\":\"b\",\"extra\":[1,{\"x\":2}],\"type\":true}]}",
         "interactions[0].type: expected a string or null"},
        {CHAMP_ERR_SCHEMA,
         "{\"interactions\":[{\"from\":\"a\",\"to\":\"b\",\"time\":1e999}]}",
         "interactions[0].time: expected finite Unix seconds or an RFC 3339 date-time string"},
        {CHAMP_ERR_PARSE,
         "{\"interactions\":[{\"from\":\"a\",\"to\":\"b\"",
         "line 1, column 38: unexpected end of input"},
        {CHAMP_ERR_PARSE,
         "{\"interactions\":[{\"from\":\"a\",\"to\":\"b",
         "line 1, column 37: unexpected end of input"},
        {CHAMP_ERR_PARSE,
         "{\"interactions\":[{\"from\":\"a\",\"to\":",
         "line 1, column 35: unexpected end of input"},
        {CHAMP_ERR_PARSE,
         "{\"interactions\":[{\"from\":\"a\",\"to\"",
         "line 1, column 34: unexpected end of input"},
        {CHAMP_ERR_PARSE,
         "{\"interactions\":[{\"from\":\"a\",\"t",
         "line 1, column 32: unexpected end of input"},
        {CHAMP_ERR_PARSE,
         "{\"interactions\":[{\"from\":\"a\",",
         "line 1, column 30: unexpected end of input"},
        {CHAMP_ERR_PARSE,
         "{\"interactions\":[{\"from\":\"a\",\"to\":\"b\",\"weight\":1",
         "line 1, column 49: unexpected end of input"},
        {CHAMP_ERR_PARSE,
         "{\"interactions\":[{\"from\":\"a\",\"to\":\"b\",\"weight\":-",
         "line 1, column 48: invalid number"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        fails(champ_network_read_json, cases[i].text, cases[i].status, cases[i].message);
    champ_network *net = ok(read_doc, "{\"people\":[{\"id\":\"a\",\"team\":\"\xc3\xa9\",\"group\":\"\\u0041\"},"
                                      "{\"id\":\"b\",\"team\":\"\",\"x\":[1,{\"y\":null}],\"group\":null}],"
                                      "\"interactions\":[{\"from\":\"a\",\"to\":\"b\",\"time\":-1.5e3,"
                                      "\"weight\":2,\"type\":\"t\"}]}");
    ck_assert_pstr_eq(team_of(net, "a"), "\xc3\xa9");
    ck_assert_pstr_eq(group_of(net, "a"), "A");
    ck_assert_pstr_eq(team_of(net, "b"), NULL);
    ck_assert_pstr_eq(group_of(net, "b"), "staff");
    ck_assert_double_eq(net->time[0], -1500);
    ck_assert_double_eq(net->weight[0], 2);
    ck_assert_str_eq(type_of(net, 0), "t");
    champ_network_free(net);
}
END_TEST

START_TEST(document_large_index)
{
    const char *good = "{\"from\": \"a\", \"to\": \"b\"},\n";
    size_t size = 64 + 1234 * strlen(good);
    char *text = malloc(size);
    strcpy(text, "{\"interactions\": [\n");
    for (int i = 0; i < 1234; i++)
        strcat(text, good);
    strcat(text, "{\"from\": \"a\", \"to\": \"b\", \"weight\": 0}]}");
    fails(read_doc, text, CHAMP_ERR_SCHEMA,
          "interactions[1234].weight: expected a finite number > 0");
    free(text);
}
END_TEST

/* Malformed JSON: PARSE, with the line and column of the offending byte. */
START_TEST(document_syntax_errors)
{
    const struct {
        const char *text, *message;
    } cases[] = {
        {"", "line 1, column 1: unexpected end of input"},
        {" \n\t ", "line 2, column 3: unexpected end of input"},
        {"{\"people\": [", "line 1, column 13: unexpected end of input"},
        {"{\"people\": [{\"id\": \"a\" \"team\": \"x\"}]}",
         "line 1, column 24: expected ',' or '}' after an object member"},
        {"{\n  \"people\": [\n    {\"id\": \"a\"}\n    {\"id\": \"b\"}\n  ]\n}",
         "line 4, column 5: expected ',' or ']' after an array element"},
        {"{\"a\": 1,}", "line 1, column 9: expected a member name"},
        {"{,}", "line 1, column 2: expected a member name or '}'"},
        {"{\"a\" 1}", "line 1, column 6: expected ':' after a member name"},
        {"{\"a\": [1,]}", "line 1, column 10: expected a value"},
        {"{\"a\": [,1]}", "line 1, column 8: expected a value"},
        {"{\"a\": tru}", "line 1, column 7: expected a value"},
        {"{\"a\": nul", "line 1, column 7: expected a value"},
        {"{\"a\": .5}", "line 1, column 7: expected a value"},
        {"{\"a\": 01}", "line 1, column 8: expected ',' or '}' after an object member"},
        {"{\"a\": 1.}", "line 1, column 7: invalid number"},
        {"{\"a\": -}", "line 1, column 7: invalid number"},
        {"{\"a\": 1e+}", "line 1, column 7: invalid number"},
        {"{\"a\": +1}", "line 1, column 7: expected a value"},
        {"{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"weight\": "
         "1234567890123456789012345678901234567890123456789012345678901234}]}",
         "line 1, column 54: number longer than 63 characters"},
        {"{\"a\": \"x}", "line 1, column 10: unexpected end of input"},
        {"{\"a\": \"\\x\"}", "line 1, column 8: invalid escape in string"},
        {"{\"a\": \"\\u12G4\"}", "line 1, column 8: invalid \\u escape in string"},
        {"{\"a\": \"\\u12\"}", "line 1, column 8: invalid \\u escape in string"},
        {"{\"a\": \"x\\u0000y\"}", "line 1, column 9: NUL (\\u0000) is not allowed in strings"},
        {"{\"a\": \"\\ud800\"}", "line 1, column 8: unpaired surrogate in \\u escape"},
        {"{\"a\": \"\\ud800\\u0041\"}", "line 1, column 8: unpaired surrogate in \\u escape"},
        {"{\"a\": \"\\udc00\\ud800\"}", "line 1, column 8: unpaired surrogate in \\u escape"},
        {"{\"a\": \"a\tb\"}", "line 1, column 9: control character in string (must be escaped)"},
        {"{\"a\": \"a\nb\"}", "line 1, column 9: control character in string (must be escaped)"},
        {"{\"a\": \"\xff\"}", "line 1, column 8: invalid UTF-8 in string"},
        {"{\"a\": \"\xc3\"}", "line 1, column 8: invalid UTF-8 in string"},
        {"{\"a\": \"\xc0\xaf\"}", "line 1, column 8: invalid UTF-8 in string"},
        {"{\"a\": \"\xed\xa0\x80\"}", "line 1, column 8: invalid UTF-8 in string"},
        {"{\"a\": \xc3\xa9}", "line 1, column 7: expected a value"},
        /* Columns count characters, not bytes. */
        {"{\"\xc3\xa4\xe2\x82\xac\": 1 x}",
         "line 1, column 10: expected ',' or '}' after an object member"},
        {"{} x", "line 1, column 4: unexpected data after the top-level object"},
        {"{}\n{}", "line 2, column 1: unexpected data after the top-level object"},
        {"{\"people\": [{\"id\": \"a\"]}", "line 1, column 23: expected ',' or '}' after an object member"},
        {"\xef\xbb\xbf{\"a\": x}", "line 1, column 7: expected a value"},
        {"\xef\xbb\xbf\xef\xbb\xbf{}", "line 1, column 1: expected a value"},
        {"{\r\n\"a\": x}", "line 2, column 6: expected a value"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        fails(read_doc, cases[i].text, CHAMP_ERR_PARSE, cases[i].message);
    /* A NUL byte is a control character in a string and no value outside. */
    fails_n(read_doc, "{\"a\": \"x\0\"}", 11, CHAMP_ERR_PARSE,
            "line 1, column 9: control character in string (must be escaped)");
    fails_n(read_doc, "{\"a\": 1}\0", 9, CHAMP_ERR_PARSE,
            "line 1, column 9: unexpected data after the top-level object");
}
END_TEST

static char *nested(const char *prefix, int depth, const char *suffix)
{
    char *text = malloc(strlen(prefix) + 2 * (size_t)depth + strlen(suffix) + 1);
    strcpy(text, prefix);
    size_t n = strlen(text);
    memset(text + n, '[', (size_t)depth);
    memset(text + n + depth, ']', (size_t)depth);
    strcpy(text + n + 2 * depth, suffix);
    return text;
}

START_TEST(document_depth)
{
    /* The top-level object is level 1, so 511 arrays inside reach 512. */
    char *text = nested("{\"interactions\": [{\"from\": \"a\", \"to\": \"b\"}], \"a\": ", 511,
                        "}");
    champ_network_free(ok(read_doc, text));
    free(text);
    text = nested("{\"a\": ", 512, "}");
    fails(read_doc, text, CHAMP_ERR_PARSE, "line 1, column 518: nesting deeper than 512 levels");
    free(text);
    text = nested("{\"people\": [{\"id\": \"a\", \"x\": ", 100000, "}]}");
    fails(read_doc, text, CHAMP_ERR_PARSE, "line 1, column 539: nesting deeper than 512 levels");
    free(text);
}
END_TEST

START_TEST(document_bom_crlf)
{
    champ_network *net = ok(read_doc, "\xef\xbb\xbf{\r\n  \"people\": [\r\n    {\"id\": \"a\"}\r\n"
                                      "  ],\r\n  \"interactions\": [{\"from\": \"a\", "
                                      "\"to\": \"b\"}]\r\n}\r\n");
    ck_assert(listed(net, "a"));
    champ_network_free(net);
    fails(read_doc, "\xef\xbb\xbf{\r\n  \"people\": [\r\n    {\"id\": 5}\r\n  ]\r\n}\r\n",
          CHAMP_ERR_SCHEMA, "people[0].id: expected a non-empty string");
    fails(read_doc, "\xef\xbb\xbf{\r\n  \"people\": [\r\n    {\"id\" 5}\r\n  ]\r\n}\r\n",
          CHAMP_ERR_PARSE, "line 3, column 11: expected ':' after a member name");
}
END_TEST

/* Every prefix of a valid document is malformed; every byte changed gives
 * a status, never a crash or a read past the end (run under ASan). */
START_TEST(document_fuzz)
{
    size_t len;
    char *text = slurp(data_path("small.json"), &len);
    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' '))
        len--;
    champ_network *net;
    for (size_t n = 0; n < len; n++) {
        champ_status st = read_bytes(read_doc, text, n, &net);
        ck_assert_msg(st == CHAMP_ERR_PARSE, "prefix %zu: %s", n, champ_last_error());
        ck_assert_ptr_null(net);
    }
    static const char bytes[] = "\"\\{}[],:0-.eu \n\x80\xff\xc3";
    for (size_t i = 0; i < len; i++)
        for (size_t k = 0; k < sizeof bytes - 1; k++) {
            char saved = text[i];
            text[i] = bytes[k];
            champ_status st = read_bytes(champ_network_read_json, text, len, &net);
            ck_assert_msg(st == CHAMP_OK || st == CHAMP_ERR_PARSE || st == CHAMP_ERR_SCHEMA,
                          "%s", champ_status_name(st));
            ck_assert(st == CHAMP_OK ? net != NULL : net == NULL);
            champ_network_free(net);
            text[i] = saved;
        }
    free(text);
}
END_TEST

/* ------------------------------------------------------------------------
 * JSON Lines
 * ------------------------------------------------------------------------ */

START_TEST(lines_small)
{
    assert_small_loads("small.jsonl", champ_network_read_jsonl);
}
END_TEST

START_TEST(lines_shapes)
{
    /* BOM, CRLF, blank and whitespace-only lines, no final newline. */
    champ_network *net = ok(champ_network_read_jsonl,
                            "\xef\xbb\xbf{\"id\": \"a\"}\r\n\r\n \t \r\n"
                            "{\"from\": \"a\", \"to\": \"b\", \"id\": \"x\"}\n\n"
                            "  {\"id\": \"b\", \"team\": \"T\"}  ");
    ck_assert(net->has_people);
    ck_assert_uint_eq(champ_network_person_count(net), 2);
    ck_assert_uint_eq(net->interactions, 1);
    ck_assert_pstr_eq(team_of(net, "b"), "T");
    champ_network_free(net);
}
END_TEST

START_TEST(lines_no_people)
{
    champ_network *net = ok(champ_network_read_jsonl,
                            "{\"from\": \"a\", \"to\": \"b\"}\n{\"from\": \"b\", \"to\": \"b\"}\n");
    ck_assert(!net->has_people);
    ck_assert(listed(net, "a") && listed(net, "b"));
    ck_assert_uint_eq(net->dropped_self, 1);
    champ_network_free(net);
    /* People after interactions; ids only interactions use are unlisted. */
    net = ok(champ_network_read_jsonl, "{\"from\": \"a\", \"to\": \"b\"}\n{\"id\": \"a\"}\n");
    ck_assert(net->has_people);
    ck_assert(listed(net, "a"));
    ck_assert(!listed(net, "b"));
    champ_network_free(net);
}
END_TEST

START_TEST(lines_errors)
{
    const struct {
        champ_status status;
        const char *text, *message;
    } cases[] = {
        {CHAMP_ERR_SCHEMA, "{\"id\": \"a\"}\n{\"team\": \"x\"}\n",
         "line 2: expected a person (with \"id\") or an interaction (with \"from\")"},
        {CHAMP_ERR_SCHEMA, "{\"id\": \"a\"}\n\n[1]\n", "line 3: expected an object"},
        {CHAMP_ERR_SCHEMA, "\"x\"", "line 1: expected an object"},
        {CHAMP_ERR_SCHEMA, "{\"id\": \"a\"}\n{\"id\": \"a\"}", "line 2: id: duplicate person id \"a\""},
        {CHAMP_ERR_SCHEMA, "{\"id\": null}", "line 1: id: expected a non-empty string"},
        {CHAMP_ERR_SCHEMA, "{\"id\": \"a\", \"team\": 1}", "line 1: team: expected a string or null"},
        {CHAMP_ERR_SCHEMA, "{\"from\": 5, \"id\": \"a\"}", "line 1: from: expected a non-empty string"},
        {CHAMP_ERR_SCHEMA, "\n\n\n\n\n\n\n\n\n\n\n{\"from\": \"a\", \"to\": \"b\", \"weight\": -2}",
         "line 12: weight: expected a finite number > 0"},
        {CHAMP_ERR_SCHEMA, "{\"from\": \"a\", \"to\": \"b\", \"time\": \"2023-02-29T00:00:00Z\"}",
         "line 1: time: expected an RFC 3339 date-time, got \"2023-02-29T00:00:00Z\" "
         "(day out of range)"},
        {CHAMP_ERR_SCHEMA, "{\"from\": \"a\", \"to\": \"b\", \"from\": \"c\"}",
         "line 1: from: duplicate member"},
        {CHAMP_ERR_PARSE, "{\"id\": \"a\",\n\"team\": \"x\"}",
         "line 1, column 12: unexpected end of line"},
        {CHAMP_ERR_PARSE, "{\"id\": \"a\"} {\"id\": \"b\"}",
         "line 1, column 13: unexpected data after the value"},
        {CHAMP_ERR_PARSE, "{\"id\": \"a\"}\r\n{\"id\": \"b\" x}\r\n",
         "line 2, column 12: expected ',' or '}' after an object member"},
        {CHAMP_ERR_PARSE, "{\"id\": \"a\"}\n{\"id\": \"b\r\n",
         "line 2, column 10: control character in string (must be escaped)"},
        {CHAMP_ERR_PARSE, "{\"id\": \"a\"}\n{\"id\": \"b\n",
         "line 2, column 10: unexpected end of line"},
        {CHAMP_ERR_PARSE, "\xef\xbb\xbf{\"id\": \xff}", "line 1, column 8: expected a value"},
        {CHAMP_ERR_PARSE, "{\"id\": \"\xe2\x82\"}", "line 1, column 9: invalid UTF-8 in string"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        fails(champ_network_read_jsonl, cases[i].text, cases[i].status, cases[i].message);
}
END_TEST

/* ------------------------------------------------------------------------
 * Detection of the form (champ_network_read_json)
 * ------------------------------------------------------------------------ */

START_TEST(detect_form)
{
    /* A lone record is JSON Lines: here a person, so nothing to rank. */
    fails(champ_network_read_json, "{\"id\": \"a\"}", CHAMP_ERR_SCHEMA,
          "no interactions: no line has \"from\"");
    champ_network *net = ok(champ_network_read_json, "{\"from\": \"a\", \"to\": \"b\"}\n");
    ck_assert_uint_eq(net->interactions, 1);
    ck_assert(!net->has_people);
    champ_network_free(net);
    net = ok(champ_network_read_json, "{\"id\": \"a\"}\n{\"from\": \"a\", \"to\": \"b\"}");
    ck_assert_uint_eq(champ_network_person_count(net), 2);
    ck_assert(net->has_people);
    champ_network_free(net);
    /* A lone object with a document member is a document, decided at that
     * member. */
    net = ok(champ_network_read_json, "{\"id\": \"export-7\", \"people\": [{\"id\": \"a\"}], "
                                      "\"interactions\": [{\"from\": \"a\", \"to\": \"b\"}]}");
    ck_assert_uint_eq(champ_network_person_count(net), 2);
    ck_assert(listed(net, "a"));
    champ_network_free(net);
    net = ok(champ_network_read_json, "{\"interactions\": [{\"from\": \"a\", \"to\": \"b\"}]} ");
    ck_assert_uint_eq(net->interactions, 1);
    champ_network_free(net);
    fails(champ_network_read_json, "{\"version\": 1}", CHAMP_ERR_SCHEMA,
          "no interactions: the document has no \"interactions\" member (\"version\" is not read)");
    fails(champ_network_read_json, "", CHAMP_ERR_SCHEMA, "no interactions: the input is empty");
    fails(champ_network_read_json, "\xef\xbb\xbf \n\r\n", CHAMP_ERR_SCHEMA,
          "no interactions: the input is empty");
    fails(read_doc, "", CHAMP_ERR_PARSE, "line 1, column 1: unexpected end of input");
    fails(champ_network_read_json, "5", CHAMP_ERR_SCHEMA, "expected an object at the top level");
    /* A first object with a document member is a document, whatever follows. */
    fails(champ_network_read_json, "{\"people\": []}\n{\"id\": \"a\"}\n", CHAMP_ERR_PARSE,
          "line 2, column 1: unexpected data after the top-level object");
    fails(champ_network_read_json, "{\"id\": \"a\"}\n[1]\n", CHAMP_ERR_SCHEMA,
          "line 2: expected an object");
    /* A first value over several lines cannot be JSON Lines. */
    fails(champ_network_read_json, "{\n\"people\": []\n}\n{\"id\": \"a\"}\n", CHAMP_ERR_PARSE,
          "line 4, column 1: unexpected data after the top-level object");
    fails(champ_network_read_json, "{\"id\": \"a\"}\n{\"id\": 1 2}\n", CHAMP_ERR_PARSE,
          "line 2, column 10: expected ',' or '}' after an object member");
    fails(champ_network_read_json, "{\"id\": \"a\" 1}\n", CHAMP_ERR_PARSE,
          "line 1, column 12: expected ',' or '}' after an object member");
}
END_TEST

START_TEST(null_arguments)
{
    champ_network *net = &sentinel;
    ck_assert_int_eq(champ_network_read_json(NULL, 0, &net), CHAMP_ERR_ARGUMENT);
    ck_assert_ptr_null(net);
    ck_assert_str_eq(champ_last_error(), "champ_network_read_json: data is NULL");
    ck_assert_int_eq(champ_network_read_json("{}", 2, NULL), CHAMP_ERR_ARGUMENT);
    ck_assert_str_eq(champ_last_error(), "champ_network_read_json: out is NULL");
    net = &sentinel;
    ck_assert_int_eq(champ_network_read_jsonl(NULL, 0, &net), CHAMP_ERR_ARGUMENT);
    ck_assert_ptr_null(net);
    ck_assert_int_eq(champ_network_read_jsonl("", 0, NULL), CHAMP_ERR_ARGUMENT);
    net = &sentinel;
    ck_assert_int_eq(champ_network_read_file(NULL, &net), CHAMP_ERR_ARGUMENT);
    ck_assert_ptr_null(net);
    ck_assert_str_eq(champ_last_error(), "champ_network_read_file: path is NULL");
    ck_assert_int_eq(champ_network_read_file("x.json", NULL), CHAMP_ERR_ARGUMENT);
}
END_TEST

/* ------------------------------------------------------------------------
 * Files
 * ------------------------------------------------------------------------ */

START_TEST(file_forms)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_read_file(data_path("small.json"), &net), CHAMP_OK);
    check_small(net);
    champ_network_free(net);
    ck_assert_int_eq(champ_network_read_file(data_path("small.jsonl"), &net), CHAMP_OK);
    check_small(net);
    champ_network_free(net);

    make_scratch();
    /* One rule whatever the name: the content decides. JSON Lines named
     * .json reads as JSON Lines, a document named .jsonl as a document. */
    const char *lines = "{\"id\": \"a\"}\n{\"from\": \"a\", \"to\": \"b\"}\n";
    const char *document = "{\"interactions\": [{\"from\": \"a\", \"to\": \"b\"}]}\n";
    const char *names[] = {"x.json", "x.NDJSON", "x.Jsonl", "x.txt", "export"};
    for (size_t i = 0; i < ARRAY_LEN(names); i++) {
        ck_assert_int_eq(champ_network_read_file(write_file(names[i], lines), &net), CHAMP_OK);
        ck_assert(net->has_people);
        ck_assert_uint_eq(champ_network_person_count(net), 2);
        champ_network_free(net);
        ck_assert_int_eq(champ_network_read_file(write_file(names[i], document), &net), CHAMP_OK);
        ck_assert(!net->has_people);
        ck_assert_uint_eq(champ_network_interaction_count(net), 1);
        champ_network_free(net);
    }
    /* Empty: nothing to rank, whatever the name. */
    net = &sentinel;
    ck_assert_int_eq(champ_network_read_file(write_file("empty.jsonl", ""), &net),
                     CHAMP_ERR_SCHEMA);
    ck_assert_ptr_null(net);
    remove_scratch();
}
END_TEST

START_TEST(file_errors)
{
    champ_network *net = &sentinel;
    char expected[512];
    ck_assert_int_eq(champ_network_read_file("/nonexistent/x.json", &net), CHAMP_ERR_IO);
    ck_assert_ptr_null(net);
    ck_assert_str_eq(champ_last_error(),
                     "/nonexistent/x.json: cannot open: No such file or directory");

    make_scratch();
    /* a folder is read as a platform export: this empty one is none */
    net = &sentinel;
    ck_assert_int_eq(champ_network_read_file(scratch, &net), CHAMP_ERR_SCHEMA);
    ck_assert_ptr_null(net);
    snprintf(expected, sizeof expected, "%s: no files: neither a Slack export (users.json, channels.json) "
             "nor a Viva Engage export (Messages.csv, Users.csv)", scratch);
    ck_assert_str_eq(champ_last_error(), expected);

    const char *path = write_file("empty.json", "");
    ck_assert_int_eq(champ_network_read_file(path, &net), CHAMP_ERR_SCHEMA);
    snprintf(expected, sizeof expected, "%s: no interactions: the input is empty", path);
    ck_assert_str_eq(champ_last_error(), expected);

    path = write_file("bad.json", "{\n  \"people\": [\n    {\"id\": \"a\",}\n  ]\n}\n");
    ck_assert_int_eq(champ_network_read_file(path, &net), CHAMP_ERR_PARSE);
    snprintf(expected, sizeof expected, "%s: line 3, column 16: expected a member name", path);
    ck_assert_str_eq(champ_last_error(), expected);

    path = write_file("bad2.json", "{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"weight\": 0}]}");
    net = &sentinel;
    ck_assert_int_eq(champ_network_read_file(path, &net), CHAMP_ERR_SCHEMA);
    ck_assert_ptr_null(net);
    snprintf(expected, sizeof expected,
             "%s: interactions[0].weight: expected a finite number > 0", path);
    ck_assert_str_eq(champ_last_error(), expected);

    path = write_file("bad.jsonl", "{\"id\": \"a\"}\n{\"id\": \"a\"}\n");
    ck_assert_int_eq(champ_network_read_file(path, &net), CHAMP_ERR_SCHEMA);
    snprintf(expected, sizeof expected, "%s: line 2: id: duplicate person id \"a\"", path);
    ck_assert_str_eq(champ_last_error(), expected);
    remove_scratch();
}
END_TEST

/* The same bytes read the same way from a path, a descriptor and memory;
 * messages start with the path or the name given. */
START_TEST(entry_points_agree)
{
    make_scratch();
    const char *text = "{\"id\": \"a\", \"team\": \"T\"}\n{\"from\": \"a\", \"to\": \"b\"}\n";
    const char *path = write_file("lines.json", text);
    champ_network *a = NULL, *b = NULL, *c = NULL;
    ck_assert_int_eq(champ_network_read(path, NULL, &a), CHAMP_OK);
    int fd = open(path, O_RDONLY);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(champ_network_read_fd(fd, "<stdin>", NULL, &b), CHAMP_OK);
    /* the descriptor is the caller's: still open */
    ck_assert_int_eq(lseek(fd, 0, SEEK_SET), 0);
    close(fd);
    ck_assert_int_eq(champ_network_read_memory(text, strlen(text), NULL, NULL, &c), CHAMP_OK);
    champ_network *all[] = {a, b, c};
    for (size_t i = 0; i < ARRAY_LEN(all); i++) {
        ck_assert(all[i]->has_people);
        ck_assert_uint_eq(champ_network_person_count(all[i]), 2);
        ck_assert_pstr_eq(team_of(all[i], "a"), "T");
        champ_network_free(all[i]);
    }
    /* a descriptor not at its start is read from where it is (a pipe's way) */
    fd = open(path, O_RDONLY);
    ck_assert_int_eq(lseek(fd, (off_t)strlen("{\"id\": \"a\", \"team\": \"T\"}\n"), SEEK_SET),
                     (off_t)strlen("{\"id\": \"a\", \"team\": \"T\"}\n"));
    ck_assert_int_eq(champ_network_read_fd(fd, "<stdin>", NULL, &a), CHAMP_OK);
    ck_assert(!a->has_people);
    champ_network_free(a);
    close(fd);

    const char *bad = "{\"from\": 5}\n";
    path = write_file("bad.json", bad);
    ck_assert_int_eq(champ_network_read(path, NULL, &a), CHAMP_ERR_SCHEMA);
    char want[512];
    snprintf(want, sizeof want, "%s: line 1: from: expected a non-empty string", path);
    ck_assert_str_eq(champ_last_error(), want);
    fd = open(path, O_RDONLY);
    ck_assert_int_eq(champ_network_read_fd(fd, "<stdin>", NULL, &a), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "<stdin>: line 1: from: expected a non-empty string");
    close(fd);
    ck_assert_int_eq(champ_network_read_memory(bad, strlen(bad), NULL, NULL, &a),
                     CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "line 1: from: expected a non-empty string");
    ck_assert_ptr_null(a);
    ck_assert_int_eq(champ_network_read_fd(-1, "x", NULL, &a), CHAMP_ERR_ARGUMENT);
    remove_scratch();
}
END_TEST

/* The form given in the options wins over the content. */
START_TEST(read_options_form)
{
    champ_read_options *ro = NULL;
    ck_assert_int_eq(champ_read_options_new(&ro), CHAMP_OK);
    const char *one = "{\"from\": \"a\", \"to\": \"b\"}";
    champ_network *net = NULL;
    ck_assert_int_eq(champ_read_options_set_input(ro, CHAMP_INPUT_JSON), CHAMP_OK);
    ck_assert_int_eq(champ_network_read_memory(one, strlen(one), "x", ro, &net), CHAMP_ERR_SCHEMA);
    ck_assert_str_eq(champ_last_error(), "x: no interactions: the document has no "
                                         "\"interactions\" member (\"from\", \"to\" are not read)");
    ck_assert_int_eq(champ_read_options_set_input(ro, CHAMP_INPUT_JSONL), CHAMP_OK);
    ck_assert_int_eq(champ_network_read_memory(one, strlen(one), "x", ro, &net), CHAMP_OK);
    champ_network_free(net);
    ck_assert_int_eq(champ_read_options_set_input(ro, (champ_input)CHAMP_INPUT_COUNT),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_read_options_set_input(NULL, CHAMP_INPUT_JSON), CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_read_options_set_progress(NULL, NULL, NULL), CHAMP_ERR_ARGUMENT);
    champ_read_options_free(ro);
    champ_read_options_free(NULL);
    ck_assert_str_eq(champ_input_name(CHAMP_INPUT_DETECT), "detect");
    ck_assert_str_eq(champ_input_name(CHAMP_INPUT_JSONL), "jsonl");
    ck_assert_ptr_null(champ_input_name((champ_input)CHAMP_INPUT_COUNT));
}
END_TEST

/* What is no text at all is named, not left to "expected a value". */
START_TEST(not_an_export)
{
    static const struct {
        const char *text;
        size_t len;
        const char *message;
    } cases[] = {
        {"\x1f\x8b\x08\0\0\0", 6, "the gzip data ends early (a truncated file?)"},
        {"PK\x03\x04\x14\0", 6, "not a readable zip archive: Not a zip archive"},
        {"\xff\xfe{\0", 4, "line 1, column 1: the text is UTF-16 or UTF-32; inputs must be UTF-8"},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        champ_network *net = &sentinel;
        ck_assert_int_eq(champ_network_read_memory(cases[i].text, cases[i].len, "in", NULL, &net),
                         CHAMP_ERR_PARSE);
        ck_assert_ptr_null(net);
        char want[256];
        snprintf(want, sizeof want, "in: %s", cases[i].message);
        ck_assert_str_eq(champ_last_error(), want);
    }
    /* a word that is no CSV is left to the JSON scanner; CSV itself is a
     * form of its own (test_import.c) */
    fails(champ_network_read_json, "hello", CHAMP_ERR_PARSE, "line 1, column 1: expected a value");
}
END_TEST

/* Pipes cannot be mapped: read() instead. */
START_TEST(file_pipe)
{
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    const char *text = "{\"id\": \"a\"}\n{\"from\": \"a\", \"to\": \"b\"}\n";
    ck_assert_int_eq(write(fds[1], text, strlen(text)), (int)strlen(text));
    close(fds[1]);
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fds[0]);
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_read_file(path, &net), CHAMP_OK);
    ck_assert_uint_eq(champ_network_person_count(net), 2);
    ck_assert_uint_eq(net->interactions, 1);
    champ_network_free(net);
    close(fds[0]);
}
END_TEST

static FILE *create(const char *name, char *path, size_t size)
{
    snprintf(path, size, "%s/%s", scratch, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    return f;
}

/* Both forms of the same export, as files, give the same network. */
START_TEST(forms_agree)
{
    char doc_path[256], lines_path[256];
    make_scratch();
    FILE *doc = create("big.json", doc_path, sizeof doc_path);
    FILE *lines = create("big.jsonl", lines_path, sizeof lines_path);
    fputs("{\"people\": [", doc);
    for (int i = 0; i < 300; i++) {
        fprintf(doc, "%s{\"id\": \"p%d\", \"team\": \"t%d\"}", i ? ",\n" : "", i, i % 7);
        fprintf(lines, "{\"id\": \"p%d\", \"team\": \"t%d\"}\n", i, i % 7);
    }
    fputs("],\n\"interactions\": [", doc);
    for (int i = 0; i < 3000; i++) {
        const char *format = "{\"from\": \"p%d\", \"to\": \"p%d\", \"time\": %d, \"weight\": %d.5}";
        fputs(i ? ",\n" : "", doc);
        fprintf(doc, format, i % 300, (i * 7) % 310, 1700000000 + i, i % 3 + 1);
        fprintf(lines, format, i % 300, (i * 7) % 310, 1700000000 + i, i % 3 + 1);
        fputc('\n', lines);
    }
    fputs("]}\n", doc);
    fclose(doc);
    fclose(lines);
    champ_network *a = NULL, *b = NULL;
    ck_assert_int_eq(champ_network_read_file(doc_path, &a), CHAMP_OK);
    ck_assert_int_eq(champ_network_read_file(lines_path, &b), CHAMP_OK);
    ck_assert_uint_eq(champ_network_person_count(a), 310);
    ck_assert_uint_eq(champ_network_person_count(b), 310);
    for (uint32_t v = 0; v < 310; v++) {
        ck_assert_str_eq(id_of(a, v), id_of(b, v));
        ck_assert_uint_eq(a->team[v], b->team[v]);
        ck_assert_uint_eq(a->group[v], b->group[v]);
    }
    ck_assert_uint_eq(a->dropped_self, b->dropped_self);
    ck_assert_uint_eq(a->interactions + a->dropped_self, 3000);
    ck_assert_uint_eq(a->interactions, b->interactions);
    for (size_t i = 0; i < a->interactions; i++) {
        ck_assert_uint_eq(a->from[i], b->from[i]);
        ck_assert_uint_eq(a->to[i], b->to[i]);
        ck_assert_double_eq(a->time[i], b->time[i]);
        ck_assert_double_eq(a->weight[i], b->weight[i]);
    }
    champ_network_free(a);
    champ_network_free(b);
    remove_scratch();
}
END_TEST

/* Each record counts as added before the next is read: its error comes
 * first, whatever follows it. */
START_TEST(document_error_order)
{
    const struct {
        champ_status status;
        const char *text, *message;
    } cases[] = {
        {CHAMP_ERR_SCHEMA, "{\"people\": [{\"id\": \"a\"}, {\"id\": \"a\"}, {\"id\": 5}]}",
         "people[1].id: duplicate person id \"a\""},
        {CHAMP_ERR_SCHEMA, "{\"people\": [{\"id\": \"a\"}, {\"id\": \"a\"}, {\"id\": tru}]}",
         "people[1].id: duplicate person id \"a\""},
        {CHAMP_ERR_SCHEMA, "{\"people\": [{\"id\": \"a\"}, {\"id\": \"a\"}}",
         "people[1].id: duplicate person id \"a\""},
        {CHAMP_ERR_SCHEMA, "{\"people\": [{\"id\": \"a\"}, {\"id\": \"a\"}], \"x\": tru}",
         "people[1].id: duplicate person id \"a\""},
        {CHAMP_ERR_SCHEMA, "{\"people\": [{\"id\": \"a\"}, {\"id\": \"a\"}], \"people\": []}",
         "people[1].id: duplicate person id \"a\""},
        {CHAMP_ERR_SCHEMA, "{\"people\": [{\"id\": \"a\"}, {\"id\": \"\\u0061\"}, {\"id\": 5}]}",
         "people[1].id: duplicate person id \"a\""},
        {CHAMP_ERR_PARSE, "{\"people\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": tru}]}",
         "line 1, column 46: expected a value"},
        {CHAMP_ERR_SCHEMA, "{\"people\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"a\"}]}",
         "people[2].id: duplicate person id \"a\""},
        {CHAMP_ERR_SCHEMA, "{\"people\": [{\"id\": \"a\"}, {\"id\": \"a\"}, {\"id\": \"\\u0062\"}]}",
         "people[1].id: duplicate person id \"a\""},
        {CHAMP_ERR_SCHEMA, "{\"people\": [{\"id\": \"a\"}, {\"id\": \"a\"}, {\"id\": \"b\"},"
         " {\"id\": \"c\"}, {\"id\": \"d\"}, {\"id\": \"e\"}, {\"id\": \"f\"}, {\"id\": \"g\"},"
         " {\"id\": \"h\"}, {\"id\": \"i\"}, {\"id\": \"j\"}, {\"id\": \"k\"}, {\"id\": 5}]}",
         "people[1].id: duplicate person id \"a\""},
        {CHAMP_ERR_SCHEMA, "{\"people\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"},"
         " {\"id\": \"d\"}, {\"id\": \"e\"}, {\"id\": \"f\"}, {\"id\": \"g\"}, {\"id\": \"h\"},"
         " {\"id\": \"i\"}, {\"id\": \"j\"}, {\"id\": \"b\"}, {\"id\": \"c\"}, {\"id\": 5}]}",
         "people[10].id: duplicate person id \"b\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        fails(read_doc, cases[i].text, cases[i].status, cases[i].message);
    fails(champ_network_read_jsonl, "{\"id\": \"a\"}\n{\"id\": \"a\"}\n{\"id\": 5 5}\n",
          CHAMP_ERR_SCHEMA, "line 2: id: duplicate person id \"a\"");
    fails(champ_network_read_jsonl, "{\"id\": \"a\"}\n{\"id\": \"a\"}\n{\"from\": 1}\n",
          CHAMP_ERR_SCHEMA, "line 2: id: duplicate person id \"a\"");
    fails(champ_network_read_jsonl, "{\"id\": \"a\"}\n{\"id\": \"a\"}", CHAMP_ERR_SCHEMA,
          "line 2: id: duplicate person id \"a\"");
}
END_TEST

typedef struct progress_log {
    int calls, stop_at;
} progress_log;

/* Stops reading at call `stop_at`. */
static int log_progress(void *user, const char *phase, double fraction)
{
    progress_log *log = user;
    (void)phase, (void)fraction;
    return ++log->calls == log->stop_at;
}

/* A cancelled read returns no network; without cancelling, every record
 * is there. */
START_TEST(document_progress_cancel)
{
    /* Reports come every megabyte: a file of a few. */
    char path[256];
    make_scratch();
    FILE *f = create("big.json", path, sizeof path);
    fputs("{\"interactions\": [", f);
    for (int i = 0; i < 60000; i++)
        fprintf(f, "%s{\"from\": \"a%d\", \"to\": \"b%d\", \"type\": \"message-of-some-length\"}",
                i ? ",\n" : "", i % 977, i % 1013);
    fputs("]}\n", f);
    fclose(f);
    champ_network *net = &sentinel;
    progress_log log = {0, 2};
    ck_assert_int_eq(champ_network_read_file_progress(path, log_progress, &log, &net),
                     CHAMP_ERR_CANCELLED);
    ck_assert_ptr_null(net);
    ck_assert_int_eq(log.calls, 2);
    log = (progress_log){0, 0};
    ck_assert_int_eq(champ_network_read_file_progress(path, log_progress, &log, &net), CHAMP_OK);
    ck_assert_int_ge(log.calls, 4);
    ck_assert_uint_eq(champ_network_interaction_count(net), 60000);
    champ_network_free(net);
    remove_scratch();
}
END_TEST


/* ------------------------------------------------------------------------
 * Interactions in two parts (reader.c): whatever the cut, the room for
 * rows and for new ids, the network and every message are those of a
 * single thread.
 * ------------------------------------------------------------------------ */

/* parts_agree_at for a cut from each comma after the interactions array's
 * start (so at every element, and inside strings and nested values, and
 * past the array), each with the
 * default room, room for one row and one new id, and for two of each.
 * Returns the rows that went through a second part. */
static size_t parts_agree(const char *text)
{
    size_t len = strlen(text), parted = 0;
    char *copy = malloc(len);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, text, len);
    const char *array = strstr(text, "\"interactions\"");
    ck_assert_ptr_nonnull(array);
    size_t start = (size_t)(strchr(array, '[') - text) + 1;
    static const size_t room[][2] = {{0, 0}, {1, 1}, {2, 2}};
    for (size_t c = start; c < len; c++) {
        if (text[c] != ',')
            continue;
        for (size_t r = 0; r < ARRAY_LEN(room); r++)
            parted += parts_agree_at(copy, len, c, room[r][0], room[r][1]);
    }
    free(copy);
    return parted;
}

#define PEOPLE "\"people\": [{\"id\": \"a\", \"team\": \"t1\"}, {\"id\": \"b\", \"team\": \"t1\"}, " \
               "{\"id\": \"c\", \"team\": \"t2\"}, {\"id\": \"a-very-long-id-1\", \"team\": \"t2\"}]"

START_TEST(parts_plain)
{
    /* Listed people only, one type: every row settled by the job. */
    const char *text = "{" PEOPLE ", \"interactions\": [\n"
                       "{\"from\": \"a\", \"to\": \"b\", \"time\": 1700000000},\n"
                       "{\"from\": \"b\", \"to\": \"c\", \"time\": 1700000100, \"weight\": 2.5},\n"
                       "{\"from\": \"c\", \"to\": \"a\", \"time\": \"2024-01-01T10:00:00Z\"},\n"
                       "{\"from\": \"a\", \"to\": \"c\", \"type\": \"message\"},\n"
                       "{\"from\": \"b\", \"to\": \"a\", \"time\": 1700000200},\n"
                       "{\"from\": \"c\", \"to\": \"b\", \"weight\": 1e1}\n"
                       "]}";
    ck_assert_uint_gt(parts_agree(text), 0);
    /* From the middle, the default: the job reads the last rows. */
    ck_assert_uint_gt(parts_agree_at(text, strlen(text), 0, 0, 0), 0);
}
END_TEST

START_TEST(parts_new_people_and_types)
{
    /* People not listed and types not met before, in both parts and
     * first in either; self-interactions of listed and unlisted people;
     * empty and null types (the default); ids longer than the copy holds. */
    const char *text = "{" PEOPLE ", \"interactions\": [\n"
                       "{\"from\": \"x\", \"to\": \"a\", \"type\": \"call\"},\n"
                       "{\"from\": \"a\", \"to\": \"a\"},\n"
                       "{\"from\": \"y\", \"to\": \"x\", \"type\": \"\"},\n"
                       "{\"from\": \"z\", \"to\": \"z\", \"type\": \"meeting\"},\n"
                       "{\"from\": \"b\", \"to\": \"w\", \"type\": \"meeting\"},\n"
                       "{\"from\": \"w\", \"to\": \"y\", \"type\": null},\n"
                       "{\"from\": \"a-very-long-id-1\", \"to\": \"a\", \"type\": \"call\"},\n"
                       "{\"from\": \"v\", \"to\": \"an-unlisted-long-id\", \"type\": \"chat\"},\n"
                       "{\"from\": \"an-unlisted-long-id\", \"to\": \"v\", \"type\": \"chat\"},\n"
                       "{\"from\": \"u\", \"to\": \"x\", \"type\": \"reply\"},\n"
                       "{\"from\": \"u\", \"to\": \"z\", \"type\": \"call\"}\n"
                       "]}";
    ck_assert_uint_gt(parts_agree(text), 0);
}
END_TEST

START_TEST(parts_odd_records)
{
    /* What the job leaves to the calling thread: escapes, members not
     * read, numbers for strtod; and cuts that do not hold: ",{" in strings
     * and in nested values, white space of every kind between records. */
    const char *text = "{" PEOPLE ", \"interactions\": [\n"
                       "{\"from\": \"a\", \"to\": \"b\", \"note\": \"x,{\\\"from\\\": 1},{\"},\n"
                       "  {\"from\": \"b\",\"to\":\"c\", \"extra\": [1,{\"a\": [2,{}]},\n{}]},\r\n"
                       "\t{\"from\": \"\\u0061\", \"to\": \"c\", \"type\": \"r\\u00e9ponse\"} ,\n\n"
                       "{\"from\": \"c\", \"to\": \"a\", \"weight\": 0.30000000000000000000001},"
                       "{\"from\":\"b\",\"to\":\"a\",\"time\":1.7e9},"
                       "{\"from\": \"a\", \"to\": \"c\", \"subject\": \"hi\", \"time\": 1700000000}\n"
                       ", {\"to\": \"b\", \"from\": \"x\"}"
                       "]}";
    parts_agree(text);
}
END_TEST

START_TEST(parts_errors)
{
    /* An error in either part, or in the record at the cut: the message
     * (line and column, or path) of a single thread. */
    static const char *const bad[] = {
        "{\"from\": \"a\", \"to\": \"b\", \"weight\": -1}",
        "{\"from\": 5, \"to\": \"b\"}",
        "{\"from\": \"a\", \"to\": \"b\", \"to\": \"c\"}",
        "7",
        "{\"from\": \"a\" \"to\": \"b\"}",
        "{\"from\": \"a\", \"to\": \"b\", \"time\": \"2024-13-01T00:00:00Z\"}",
        "{\"from\": \"a\", \"to\": \"b\", \"time\": \"1700000000\"}",
        "{\"from\": \"a\", \"to\": \"\"}",
        "{\"from\": \"a\", \"to\": \"b\", \"type\": 3}",
        "{\"from\": \"a\", \"to\": \"b\"",
    };
    for (size_t i = 0; i < ARRAY_LEN(bad); i++)
        for (int place = 0; place < 3; place++) {
            char text[2048];
            const char *good = "{\"from\": \"a\", \"to\": \"b\"}";
            snprintf(text, sizeof text,
                     "{" PEOPLE ", \"interactions\": [\n%s,\n%s,\n%s,\n%s,\n%s,\n%s\n]}",
                     good, place == 0 ? bad[i] : good, good, place == 1 ? bad[i] : good, good,
                     place == 2 ? bad[i] : good);
            parts_agree(text);
        }
}
END_TEST

START_TEST(parts_after_the_array)
{
    /* The array ends early (the cut may fall in what follows); what
     * follows is read, or refused, at its line and column. */
    parts_agree("{\"interactions\": [{\"from\": \"a\", \"to\": \"b\"}, {\"from\": \"b\", \"to\": "
                "\"c\"}, {\"from\": \"c\", \"to\": \"a\"}],\n \"people\": [{\"id\": \"a\"}, {\"id\": "
                "\"b\"}, {\"id\": \"c\"}]}");
    parts_agree("{" PEOPLE ",\n\"interactions\": [{\"from\": \"a\", \"to\": \"b\"},\n{\"from\": "
                "\"b\", \"to\": \"c\"},\n{\"from\": \"c\", \"to\": \"a\"}\n]\n,\n \"x\": [1, {}], "
                "\"y\" }");
    parts_agree("{" PEOPLE ",\n\"interactions\": [{\"from\": \"a\", \"to\": \"b\"},\n{\"from\": "
                "\"b\", \"to\": \"c\"},\n\n{\"from\": \"c\", \"to\": \"a\"}\n,\n]}");
    /* No people list: every id is new to the job. */
    ck_assert_uint_gt(parts_agree("{\"interactions\": [{\"from\": \"a\", \"to\": \"b\"}, {\"from\": "
                                  "\"b\", \"to\": \"c\"}, {\"from\": \"c\", \"to\": \"d\"}, "
                                  "{\"from\": \"d\", \"to\": \"a\"}, {\"from\": \"e\", \"to\": "
                                  "\"b\"}]}"),
                      0);
}
END_TEST

/* parts_agree for JSON Lines: a cut at every line. */
static size_t parts_agree_lines(const char *text)
{
    size_t len = strlen(text), parted = 0;
    char *copy = malloc(len);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, text, len);
    size_t start = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    static const size_t room[][2] = {{0, 0}, {1, 1}, {2, 2}};
    for (size_t c = start + 1; c < len; c++) {
        if (text[c] != '\n')
            continue;
        for (size_t r = 0; r < ARRAY_LEN(room); r++)
            parted += parts_agree_in(CHAMP_FORM_LINES, copy, len, c, room[r][0], room[r][1]);
    }
    free(copy);
    return parted;
}

START_TEST(parts_lines)
{
    /* People and interactions mixed, new people and types, self
     * interactions, escapes, members not read, empty and blank lines,
     * CRLF, and no newline at the end. */
    ck_assert_uint_gt(parts_agree_lines(
                          "{\"id\": \"a\", \"team\": \"t1\"}\n"
                          "{\"id\": \"b\", \"team\": \"t2\"}\n"
                          "{\"from\": \"a\", \"to\": \"b\", \"time\": 1700000000}\n"
                          "\n"
                          "{\"from\": \"b\", \"to\": \"c\", \"type\": \"call\"}\r\n"
                          "  {\"from\": \"c\", \"to\": \"c\"}  \n"
                          "{\"id\": \"c\", \"team\": \"t1\"}\n"
                          "{\"from\": \"\\u0061\", \"to\": \"b\", \"subject\": \"x\"}\n"
                          "\t\n"
                          "{\"from\": \"d\", \"to\": \"a\", \"type\": \"call\", \"weight\": 2}\n"
                          "{\"from\": \"a\", \"to\": \"d\", \"time\": \"2024-01-01T00:00:00Z\"}"),
                      0);
    const char *three = "{\"from\": \"a\", \"to\": \"b\"}\n{\"from\": \"b\", \"to\": \"c\"}\n"
                        "{\"from\": \"c\", \"to\": \"a\"}\n";
    parts_agree_lines(three);
    /* By default no second part without people first (the job would have
     * to number every id); with them, the lines after them are cut at
     * their middle. */
    ck_assert_uint_eq(parts_agree_in(CHAMP_FORM_LINES, three, strlen(three), 0, 0, 0), 0);
    char text[2048];
    size_t len = (size_t)snprintf(text, sizeof text, "{\"id\": \"a\"}\n{\"id\": \"b\"}\n");
    for (int i = 0; i < 30; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, "{\"from\": \"%c\", \"to\": \"%c\"}\n",
                                i % 2 ? 'a' : 'b', "abx"[i % 3]);
    size_t parted = parts_agree_in(CHAMP_FORM_LINES, text, len, 0, 0, 0);
    ck_assert_uint_gt(parted, 5);
    ck_assert_uint_lt(parted, 20);
    /* Errors in either part: the line and column of a single thread. */
    static const char *const bad[] = {
        "{\"from\": \"a\", \"to\": \"b\", \"weight\": 0}",
        "{\"from\": \"a\" \"to\": \"b\"}",
        "{\"from\": \"a\", \"to\": \"b\"} x",
        "{\"to\": \"b\"}",
        "[1]",
        "{\"id\": \"a\"}",
    };
    for (size_t i = 0; i < ARRAY_LEN(bad); i++)
        for (int place = 0; place < 2; place++) {
            char text[1024];
            const char *good = "{\"from\": \"a\", \"to\": \"b\"}";
            snprintf(text, sizeof text, "{\"id\": \"a\"}\n%s\n%s\n%s\n%s\n%s\n", good,
                     place == 0 ? bad[i] : good, good, place == 1 ? bad[i] : good, good);
            parts_agree_lines(text);
        }
}
END_TEST

START_TEST(parts_unread_names)
{
    /* The network keeps the first 8 names of members not read: met in
     * both parts, in either, again after the cut, escaped or not. */
    char text[4096];
    size_t len = (size_t)snprintf(text, sizeof text, "{" PEOPLE ", \"interactions\": [");
    static const char *const names[] = {"n3", "n1", "n3", "n\\u0032", "n2", "n4", "n1", "n5",
                                        "n6", "n7", "n8", "n9", "n10", "n3", "n11"};
    for (size_t i = 0; i < ARRAY_LEN(names); i++)
        len += (size_t)snprintf(text + len, sizeof text - len,
                                "%s\n{\"from\": \"a\", \"to\": \"b\", \"%s\": 1%s}", i ? "," : "",
                                names[i], i % 4 == 1 ? ", \"x0\": 2" : "");
    snprintf(text + len, sizeof text - len, "]}");
    ck_assert_uint_gt(parts_agree(text), 0);
}
END_TEST

static int stop_at_once(void *data, const char *phase, double done)
{
    (void)data, (void)phase, (void)done;
    return 1;
}

START_TEST(parts_cancelled)
{
    const char *text = "{" PEOPLE ", \"interactions\": [{\"from\": \"a\", \"to\": \"b\"}, "
                       "{\"from\": \"b\", \"to\": \"c\"}, {\"from\": \"c\", \"to\": \"a\"}]}";
    const champ_progress stop = {stop_at_once, NULL};
    champ_read_tuning two = {0, 0, 0, 0, NULL};
    champ_network *net = &sentinel;
    ck_assert_int_eq(champ__read_export_tuned(text, strlen(text), CHAMP_FORM_DOCUMENT, &stop, &two,
                                              &net),
                     CHAMP_ERR_CANCELLED);
    ck_assert_ptr_null(net);
}
END_TEST

/* A larger export, as exports are written: the default cut at the middle
 * holds, and the job's rows are nearly all the second half. */
START_TEST(parts_large)
{
    size_t cap = 1 << 20, len = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    len += (size_t)snprintf(text + len, cap - len, "{\"people\":[\n");
    for (int i = 0; i < 500; i++)
        len += (size_t)snprintf(text + len, cap - len, "%s{\"id\":\"p%04d\",\"team\":\"t%d\"}",
                                i ? ",\n" : "", i, i % 17);
    len += (size_t)snprintf(text + len, cap - len, "],\n\"interactions\":[\n");
    for (int i = 0; i < 6000; i++)
        len += (size_t)snprintf(text + len, cap - len,
                                "%s{\"from\":\"p%04d\",\"to\":\"p%04d\",\"time\":\"2025-01-%02dT00:"
                                "%02d:00Z\",\"type\":\"%s\"}",
                                i ? ",\n" : "", (i * 7) % 520, (i * 13 + 1) % 530, i % 28 + 1,
                                i % 60, i % 5 ? "message" : (i % 3 ? "call" : "reply"));
    len += (size_t)snprintf(text + len, cap - len, "\n]}\n");
    ck_assert_uint_lt(len, cap - 1);
    size_t parted = parts_agree_at(text, len, 0, 0, 0);
    ck_assert_uint_ge(parted, 2900);
    ck_assert_uint_le(parted, 3100);
    /* Too little room for the new ids: their records go back to the
     * calling thread. */
    ck_assert_uint_gt(parts_agree_at(text, len, 0, 0, 3), 0);
    free(text);
}
END_TEST

static Suite *reader_suite(void)
{
    Suite *s = suite_create("reader");
    TCase *doc = tcase_create("document");
    tcase_add_test(doc, document_small);
    tcase_add_test(doc, document_people_list);
    tcase_add_test(doc, no_interactions);
    tcase_add_test(doc, unread_member_names);
    tcase_add_test(doc, document_people_after_interactions);
    tcase_add_test(doc, document_unknown_members);
    tcase_add_test(doc, document_escaped_names);
    tcase_add_test(doc, document_self_interactions);
    tcase_add_test(doc, document_values);
    tcase_add_test(doc, document_schema_errors);
    tcase_add_test(doc, document_escaped_values);
    tcase_add_test(doc, document_numbers);
    tcase_add_test(doc, document_member_names);
    tcase_add_test(doc, document_error_order);
    tcase_add_test(doc, document_compact);
    tcase_add_test(doc, document_large_index);
    tcase_add_test(doc, document_syntax_errors);
    tcase_add_test(doc, document_depth);
    tcase_add_test(doc, document_bom_crlf);
    tcase_add_test(doc, document_fuzz);
    suite_add_tcase(s, doc);
    TCase *lines = tcase_create("lines");
    tcase_add_test(lines, lines_small);
    tcase_add_test(lines, lines_shapes);
    tcase_add_test(lines, lines_no_people);
    tcase_add_test(lines, lines_errors);
    tcase_add_test(lines, detect_form);
    tcase_add_test(lines, null_arguments);
    suite_add_tcase(s, lines);
    TCase *files = tcase_create("files");
    tcase_add_test(files, file_forms);
    tcase_add_test(files, file_errors);
    tcase_add_test(files, file_pipe);
    tcase_add_test(files, entry_points_agree);
    tcase_add_test(files, read_options_form);
    tcase_add_test(files, not_an_export);
    tcase_add_test(files, forms_agree);
    tcase_add_test(files, document_progress_cancel);
    suite_add_tcase(s, files);
    TCase *parts = tcase_create("parts");
    tcase_add_test(parts, parts_plain);
    tcase_add_test(parts, parts_new_people_and_types);
    tcase_add_test(parts, parts_odd_records);
    tcase_add_test(parts, parts_errors);
    tcase_add_test(parts, parts_after_the_array);
    tcase_add_test(parts, parts_cancelled);
    tcase_add_test(parts, parts_large);
    tcase_add_test(parts, parts_lines);
    tcase_add_test(parts, parts_unread_names);
    suite_add_tcase(s, parts);
    return s;
}

int main(void)
{
    return champ_test_run(reader_suite());
}
