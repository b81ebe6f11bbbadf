/* Allocation-failure injection (issue 5, part 2).
 *
 *   alloc_fail EXPORT.json EXPORT.jsonl tests/data/import
 *
 * One "run" is a fixed script of library calls on the small export of this
 * folder (make_export.py): reading both forms from files, buffers and a
 * pipe (and the document with its interactions in two parts, the second
 * on a thread), the platform forms of tests/data/import (CSV with a people table,
 * a Viva Insights query, Slack and Viva Engage exports as folders and
 * zips) through read options, options, rankings with exact and sampled
 * bridging and audience reach, the JSON, CSV, GEXF and GraphML writers,
 * the tie graph, a tracking by week with a goal and its writers, time
 * parsing, a network built through the API, a
 * larger network (600 people) whose ranking uses the
 * library's bridging threads, and trust (issue 13): a ranking with
 * confidence and min_tie_weight, every person's explanation, flags, the
 * team table and its writers, pseudonyms and the network written back. failmalloc.c numbers every allocation request
 * of the process while a run is armed -- the library's own, libzip's and
 * zlib's, libc's on the library's behalf (pthread_create), newlocale() --
 * and makes request n fail. (cJSON and igraph would be counted too, but
 * the library no longer calls them.)
 *
 * For n = 1, 2, ... until a run completes with no failure injected, in two
 * modes (only request n fails; request n and every later one fail), each
 * run on a fresh thread (so that per-thread first-time allocations happen
 * inside every run), the driver checks:
 *
 *  - every call returns CHAMP_OK or CHAMP_ERR_NOMEM, and NOMEM only when a
 *    failure was injected during that very call;
 *  - after NOMEM: champ_last_error() says "out of memory", no handle was
 *    returned (*out NULL), and the handle the call was to change is
 *    unchanged (a network's counts and its ranking, an options handle's
 *    ranking, both compared byte for byte with the reference run);
 *  - a call that absorbed an injected failure and returned OK produced the
 *    reference output anyway;
 *  - once everything is freed, the live blocks and bytes of the whole
 *    process are back to what they were before the run (no leak, the
 *    third parties' included);
 *  - every request of an armed run comes from the run's own thread, so
 *    that "request n" is the same call in every run, whatever the
 *    scheduling of the library's worker threads.
 *
 * Any other outcome stops the test with the mode, n, the call and the code
 * address of the failed allocation. A crash, abort or exit ends the
 * process, which fails the test too. It ends with the figures: requests in
 * a full run (by the object that made them), failures injected, time.
 *
 * Third-party limits (see main): libzip 1.7.3 leaks a block after some of
 * its own failed allocations (counted and reported, not failed), and says
 * "Not a zip archive" or "Zip archive inconsistent" for some of its own
 * failed allocations, so a zip read that fails there with "not a readable
 * zip archive" (CHAMP_ERR_PARSE) is counted and reported, not failed -- it
 * must still return nothing and leak nothing.
 *
 * ALLOC_FAIL_ONLY=n[,1] runs one n (1: persistent mode), to debug. */
#define _GNU_SOURCE 1
#include "failmalloc.h"
#include "reader.h"

#include <champions.h>

#include <dlfcn.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------------------
 * Output streams that never allocate while armed: fmemopen on static
 * buffers, with a static stdio buffer, opened once.
 * ------------------------------------------------------------------------ */

#define OUT_MAX (1 << 20)
static char out_area[OUT_MAX];
static char out_stdio[8192];
static FILE *out;

static void out_start(void)
{
    clearerr(out);
    rewind(out);
}

/* The bytes written since out_start, as a NUL-terminated string. */
static const char *out_text(size_t *len)
{
    fflush(out);
    long n = ftell(out);
    if (n < 0 || n >= OUT_MAX - 1) {
        fprintf(stderr, "alloc_fail: output stream broken\n");
        exit(2);
    }
    out_area[n] = '\0';
    *len = (size_t)n;
    return out_area;
}

/* ------------------------------------------------------------------------
 * The script of one run.
 * ------------------------------------------------------------------------ */

static const char *json_path, *jsonl_path;
/* The fixtures of tests/data/import the script reads (script step F). */
enum { IMPORT_CSV, IMPORT_P2P, IMPORT_SLACK, IMPORT_SLACK_ZIP, IMPORT_ENGAGE_ZIP, IMPORT_PEOPLE,
       IMPORT_COUNT };
static char import_path[IMPORT_COUNT][4096];
static char *json_data, *jsonl_data;
static size_t json_len, jsonl_len;

/* Outputs of the reference (unarmed) run, by name, and the counts. */
#define MAX_REFS 512
static struct {
    char *name;
    char *text;
} refs[MAX_REFS];
static int ref_count;
static int recording; /* 1 in the reference run: store, do not compare */

/* Where the run stopped, for the figures and the messages. */
static const char *failure; /* NULL, or what went wrong (static text) */
static char failure_detail[512];
static const char *stopped_call;
static long nomem_calls, absorbed_calls;

/* Per-call statistics: how many failures each call reported as NOMEM. */
#define MAX_CALLS 64
static struct {
    const char *name;
    long nomem, absorbed;
} call_stats[MAX_CALLS];
static int call_count;

static void count_call(const char *name, int nomem)
{
    int i = 0;
    while (i < call_count && strcmp(call_stats[i].name, name))
        i++;
    if (i == call_count && call_count < MAX_CALLS)
        call_stats[call_count++].name = name;
    if (i < MAX_CALLS) {
        if (nomem)
            call_stats[i].nomem++;
        else
            call_stats[i].absorbed++;
    }
}

static void fail(const char *call, const char *fmt, ...)
{
    if (failure)
        return;
    failure = call;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(failure_detail, sizeof failure_detail, fmt, ap);
    va_end(ap);
}

static const char *ref_get(const char *name)
{
    for (int i = 0; i < ref_count; i++)
        if (!strcmp(refs[i].name, name))
            return refs[i].text;
    return NULL;
}

/* Record (reference run) or compare a text under `name`. Unarmed. */
static void expect_text(const char *call, const char *name, const char *text)
{
    if (recording) {
        if (ref_get(name))
            return;
        if (ref_count == MAX_REFS) {
            fprintf(stderr, "alloc_fail: too many references\n");
            exit(2);
        }
        refs[ref_count].name = strdup(name);
        refs[ref_count].text = strdup(text);
        ref_count++;
        return;
    }
    const char *want = ref_get(name);
    if (!want)
        fail(call, "no reference output \"%s\"", name);
    else if (strcmp(want, text))
        fail(call, "output \"%s\" differs from the reference run", name);
}

/* Rank `net` with `o` and write JSON, all unarmed, to compare a network or
 * an options handle with the reference. */
static void expect_ranking_of(const char *call, const char *name, const champ_network *net,
                              const champ_options *o)
{
    champ_ranking *r = NULL;
    champ_status st = champ_rank(net, o, &r);
    if (st) {
        fail(call, "the check's own ranking failed: %s", champ_status_name(st));
        return;
    }
    out_start();
    st = champ_ranking_write(r, CHAMP_FORMAT_JSON, 0, out);
    size_t len;
    const char *text = out_text(&len);
    if (st)
        fail(call, "the check's own write failed: %s", champ_status_name(st));
    else
        expect_text(call, name, text);
    char counts[64];
    snprintf(counts, sizeof counts, "%zu people, %zu interactions",
             champ_network_person_count(net), champ_network_interaction_count(net));
    char key[96];
    snprintf(key, sizeof key, "%s/counts", name);
    expect_text(call, key, counts);
    champ_ranking_free(r);
}

static int progress_calls;
static int on_progress(void *user, const char *phase, double done)
{
    (void)user;
    (void)phase;
    (void)done;
    progress_calls++;
    return 0;
}

/* A call of the script. `call` runs it armed; on NOMEM the run stops after
 * `after_nomem` checks the handle it was to change. */
/* libzip 1.7.3 reports some of its failed allocations as a damaged archive
 * (_zip_buffer_new returns NULL without an error, and the caller says
 * ZIP_ER_NOZIP or ZIP_ER_INCONS): true when the first failed request came
 * from libzip and the library said the archive cannot be read. */
static int from_object(void *addr, const char *name);
static long zip_misreports;
static int zip_misreport(void)
{
    return from_object(fm_failed_caller(), "libzip") &&
           strstr(champ_last_error(), "not a readable zip archive") != NULL;
}

typedef struct step {
    const char *name;
    long injected_before;
} step;

static void step_begin(step *s, const char *name)
{
    s->name = name;
    s->injected_before = fm_injected();
}

/* 0: go on; 1: stop the run (NOMEM or a failure). Disarms on stop. */
static int step_end(step *s, champ_status st, void *const *out)
{
    int injected = fm_injected() > s->injected_before;
    if (st == CHAMP_OK) {
        if (injected) {
            absorbed_calls++;
            count_call(s->name, 0);
        }
        return 0;
    }
    fm_disarm();
    stopped_call = s->name;
    if (st == CHAMP_ERR_PARSE && injected && zip_misreport()) {
        /* libzip's limit (see main): counted, reported, not a failure */
        zip_misreports++;
        if (out && *out)
            fail(s->name, "returned a handle with CHAMP_ERR_PARSE");
        return 1;
    }
    if (st != CHAMP_ERR_NOMEM) {
        fail(s->name, "returned %s (%s), expected CHAMP_OK or CHAMP_ERR_NOMEM",
             champ_status_name(st), champ_last_error());
        return 1;
    }
    nomem_calls++;
    count_call(s->name, 1);
    if (!injected)
        fail(s->name, "returned CHAMP_ERR_NOMEM, but no allocation failed during the call");
    const char *msg = champ_last_error();
    if (!msg || !strstr(msg, "out of memory"))
        fail(s->name, "message after NOMEM is \"%s\", expected \"out of memory\"",
             msg ? msg : "(null)");
    if (out && *out)
        fail(s->name, "returned a handle with CHAMP_ERR_NOMEM");
    return 1;
}

#define STEP(name, expr, outp, on_nomem)                                    \
    do {                                                                    \
        step s_;                                                            \
        step_begin(&s_, name);                                              \
        champ_status st_ = (expr);                                          \
        if (step_end(&s_, st_, (void *const *)(outp))) {                    \
            on_nomem;                                                       \
            goto done;                                                      \
        }                                                                   \
    } while (0)

/* Write r as JSON and CSV (and with graphs, GEXF and GraphML) armed, and
 * compare with the reference (unarmed). */
static int write_all(const champ_ranking *r, const char *name, int graphs)
{
    static const struct {
        champ_format format;
        const char *suffix, *call;
    } forms[] = {{CHAMP_FORMAT_JSON, "json", "champ_ranking_write(JSON)"},
                 {CHAMP_FORMAT_CSV, "csv", "champ_ranking_write(CSV)"},
                 {CHAMP_FORMAT_GEXF, "gexf", "champ_ranking_write(GEXF)"},
                 {CHAMP_FORMAT_GRAPHML, "graphml", "champ_ranking_write(GraphML)"}};
    for (int f = 0; f < (graphs ? 4 : 2); f++) {
        char key[96];
        snprintf(key, sizeof key, "%s.%s", name, forms[f].suffix);
        out_start();
        step s;
        step_begin(&s, forms[f].call);
        champ_status st = champ_ranking_write(r, forms[f].format, 0, out);
        if (step_end(&s, st, NULL))
            return 1;
        fm_pause();
        size_t len;
        const char *text = out_text(&len);
        expect_text(s.name, key, text);
        fm_resume();
        if (failure)
            return 1;
    }
    return 0;
}

/* Set by step_end: the call returned OK although a failure was injected
 * during it. The result must then be the reference result. */
static int absorbed(const step *s)
{
    return fm_injected() > s->injected_before;
}

/* A network read by the script, when its read absorbed a failure: its
 * ranking with defaults must be the reference's. */
static void check_read(const char *call, const char *name, const champ_network *net, int force)
{
    if (!force && !recording)
        return;
    fm_pause();
    expect_ranking_of(call, name, net, NULL);
    fm_resume();
}

/* A network built through the API: 29 people in a batch, one alone, 80
 * interactions in two batches and three alone. */
#define API_PEOPLE 30
#define API_INTER 80
static char api_id_text[API_PEOPLE + 2][16];
static const char *api_ids[API_PEOPLE], *api_teams[API_PEOPLE], *api_groups[API_PEOPLE];
static const char *api_from[API_INTER], *api_to[API_INTER], *api_type[API_INTER];
static double api_time[API_INTER], api_weight[API_INTER];

static void api_data(void)
{
    static const char *teams[] = {"North", "South", NULL, "East", "", "West \xc3\xa9"};
    static const char *groups[] = {NULL, "partner", "citizen", "", "staff"};
    static const char *types[] = {"reply", NULL, "mention", "reaction", "", "a-new-type"};
    for (int i = 0; i < API_PEOPLE + 2; i++)
        snprintf(api_id_text[i], sizeof api_id_text[i], i < API_PEOPLE ? "a-%02d" : "x-%02d", i);
    for (int i = 0; i < API_PEOPLE; i++) {
        api_ids[i] = api_id_text[i];
        api_teams[i] = teams[i % 6];
        api_groups[i] = groups[i % 5];
    }
    unsigned x = 12345;
    for (int k = 0; k < API_INTER; k++) {
        x = x * 1103515245u + 12345u;
        int a = (int)(x >> 16) % (API_PEOPLE + 2);
        x = x * 1103515245u + 12345u;
        int b = (int)(x >> 16) % API_PEOPLE;
        if (k % 17 == 3)
            b = a % API_PEOPLE; /* sometimes to oneself: dropped */
        api_from[k] = api_id_text[a]; /* x-30, x-31: unlisted */
        api_to[k] = api_id_text[b];
        api_type[k] = types[k % 6];
        api_time[k] = k % 4 == 0 ? NAN : 1772323200.0 + 3600.0 * k + (k % 3) * 0.25;
        api_weight[k] = k % 3 == 0 ? 1 : 0.5 * (k % 7 + 1);
    }
}

/* E: a larger network, built once outside the runs and only ranked in
 * them: 600 people in teams of 25 and 3,000 interactions, so that exact
 * bridging runs on the library's two worker threads (everything they use
 * is allocated on the run's thread before they start, and fails there;
 * pthread_create's own requests fail too). */
#define BIG_PEOPLE 600
#define BIG_INTER 3000
static champ_network *net_big;

static void big_network(void)
{
    static char ids[BIG_PEOPLE][12], teams[BIG_PEOPLE / 25][12];
    static const char *id[BIG_PEOPLE], *team[BIG_PEOPLE], *group[BIG_PEOPLE];
    static const char *from[BIG_INTER], *to[BIG_INTER];
    static double weight[BIG_INTER];
    for (int t = 0; t < BIG_PEOPLE / 25; t++)
        snprintf(teams[t], sizeof teams[t], "T%02d", t);
    for (int i = 0; i < BIG_PEOPLE; i++) {
        snprintf(ids[i], sizeof ids[i], "b%03d", i);
        id[i] = ids[i];
        team[i] = teams[i / 25];
        group[i] = i % 4 == 1 ? "citizen" : NULL;
    }
    unsigned x = 777;
    for (int k = 0; k < BIG_INTER; k++) {
        x = x * 1103515245u + 12345u;
        int a = (int)((x >> 8) % BIG_PEOPLE);
        x = x * 1103515245u + 12345u;
        /* mostly inside the team, sometimes anywhere */
        int b = k % 4 ? a / 25 * 25 + (int)((x >> 8) % 25) : (int)((x >> 8) % BIG_PEOPLE);
        from[k] = ids[a];
        to[k] = ids[b];
        weight[k] = 1 + k % 3;
    }
    if (champ_network_new(&net_big) ||
        champ_network_add_people(net_big, BIG_PEOPLE, id, team, group) ||
        champ_network_add_interactions(net_big, BIG_INTER, from, to, NULL, NULL, weight)) {
        fprintf(stderr, "alloc_fail: cannot build the larger network: %s\n", champ_last_error());
        exit(2);
    }
}

static const char *const time_texts[] = {
    "2026-03-01T09:30:00Z",
    "2026-03-01T10:30:00.25+01:00",
    "1772357400",
    "-3.5",
    NULL,
    "1772357400.123456789012345678901", /* past the fast path: strtod in the C locale */
    "2026-03-01 09:30:00.000001-05:30",
    "17723574001234567890123e-13",
};
#define TIME_TEXTS (sizeof time_texts / sizeof *time_texts)

static void script(void)
{
    champ_network *netA = NULL, *netB = NULL, *netX = NULL, *netD = NULL;
    champ_options *optA = NULL, *optB = NULL;
    champ_read_options *ro = NULL;
    champ_ranking *r = NULL;
    champ_options *optG = NULL, *optH = NULL;
    champ_goal *goal = NULL;
    champ_tracking *tracking = NULL;
    champ_ranking *ranked_g = NULL;
    int pipefd[2] = {-1, -1};
    char key[64];
    progress_calls = 0;

#define SETTER(label, k, name, expr, o, net)                                \
    do {                                                                    \
        snprintf(key, sizeof key, "%s/%d", label, k);                       \
        if (recording)                                                      \
            expect_ranking_of(name, key, net, o);                           \
        STEP(name, expr, NULL, expect_ranking_of(name, key, net, o));       \
    } while (0)

    /* A: the document form from a file (mapped), exact bridging. */
    STEP("champ_network_read_file(export.json)", champ_network_read_file(json_path, &netA),
         &netA, (void)0);
    STEP("champ_options_new", champ_options_new(&optA), &optA, (void)0);
    double since = 0, until = 0;
    STEP("champ_parse_time", champ_parse_time(&since, "2026-03-04T00:00:00+01:00"), NULL, (void)0);
    STEP("champ_parse_time", champ_parse_time(&until, "1774396800.000000000000000000001"), NULL,
         (void)0);
    SETTER("optA", 0, "champ_options_set_weight", champ_options_set_weight(optA, CHAMP_ACTIVITY, 0.05),
           optA, netA);
    SETTER("optA", 1, "champ_options_set_type_weight",
           champ_options_set_type_weight(optA, "reaction", 0.5), optA, netA);
    SETTER("optA", 2, "champ_options_set_type_weight",
           champ_options_set_type_weight(optA, "mention", 2), optA, netA);
    SETTER("optA", 3, "champ_options_set_type_weight",
           champ_options_set_type_weight(optA, "reaction", 0.25), optA, netA);
    SETTER("optA", 4, "champ_options_set_window", champ_options_set_window(optA, since, until),
           optA, netA);
    {
        const char *groups[] = {"staff", "partner", "staff"};
        SETTER("optA", 5, "champ_options_set_champion_groups",
               champ_options_set_champion_groups(optA, groups, 3), optA, netA);
    }
    SETTER("optA", 6, "champ_options_set_reciprocity_prior",
           champ_options_set_reciprocity_prior(optA, 2), optA, netA);
    SETTER("optA", 7, "champ_options_set_min_activity", champ_options_set_min_activity(optA, 1.5),
           optA, netA);
    STEP("champ_rank(A: exact bridging, window, type weights)", champ_rank(netA, optA, &r), &r,
         (void)0);
    if (write_all(r, "A", 0))
        goto done;
    champ_ranking_free(r);
    r = NULL;

    /* B: JSON Lines from a buffer, sampled bridging (linear scaling), audience reach. */
    STEP("champ_network_read_jsonl", champ_network_read_jsonl(jsonl_data, jsonl_len, &netB), &netB,
         (void)0);
    STEP("champ_options_new", champ_options_new(&optB), &optB, (void)0);
    {
        const char *audience[] = {"citizen", "partner"};
        SETTER("optB", 0, "champ_options_set_audience_groups",
               champ_options_set_audience_groups(optB, audience, 2), optB, netB);
    }
    SETTER("optB", 1, "champ_options_set_bridging_samples",
           champ_options_set_bridging_samples(optB, 16), optB, netB);
    SETTER("optB", 2, "champ_options_set_seed", champ_options_set_seed(optB, 7), optB, netB);
    SETTER("optB", 3, "champ_options_set_progress",
           champ_options_set_progress(optB, on_progress, NULL), optB, netB);
    SETTER("optB", 4, "champ_options_set_bridging_estimate",
           champ_options_set_bridging_estimate(optB, CHAMP_ESTIMATE_LINEAR), optB, netB);
    STEP("champ_rank(B: sampled bridging, linear scaling, audience)",
         champ_rank(netB, optB, &r), &r, (void)0);
    if (write_all(r, "B", 0))
        goto done;
    champ_ranking_free(r);
    r = NULL;
    STEP("champ_rank(B: defaults)", champ_rank(netB, NULL, &r), &r, (void)0);
    if (write_all(r, "B0", 0))
        goto done;
    champ_ranking_free(r);
    r = NULL;

    /* The other ways in: JSON Lines detected in a buffer, from a file by
     * its name, and the document from a pipe (read into memory). */
    {
        step s;
        step_begin(&s, "champ_network_read_json(JSON Lines, detected)");
        champ_status st = champ_network_read_json(jsonl_data, jsonl_len, &netX);
        if (step_end(&s, st, (void *const *)&netX))
            goto done;
        check_read(s.name, "X1", netX, absorbed(&s));
        champ_network_free(netX);
        netX = NULL;
    }
    {
        step s;
        step_begin(&s, "champ_network_read_file(export.jsonl)");
        champ_status st = champ_network_read_file(jsonl_path, &netX);
        if (step_end(&s, st, (void *const *)&netX))
            goto done;
        check_read(s.name, "X2", netX, absorbed(&s));
        champ_network_free(netX);
        netX = NULL;
    }
    {
        fm_pause();
        char path[64];
        if (pipe(pipefd) || write(pipefd[1], json_data, json_len) != (ssize_t)json_len) {
            fprintf(stderr, "alloc_fail: pipe: %s\n", strerror(errno));
            exit(2);
        }
        close(pipefd[1]);
        pipefd[1] = -1;
        snprintf(path, sizeof path, "/dev/fd/%d", pipefd[0]);
        fm_resume();
        step s;
        step_begin(&s, "champ_network_read_file_progress(pipe)");
        champ_status st = champ_network_read_file_progress(path, on_progress, NULL, &netX);
        if (step_end(&s, st, (void *const *)&netX))
            goto done;
        check_read(s.name, "X3", netX, absorbed(&s));
        champ_network_free(netX);
        netX = NULL;
    }
    {
        /* The document's interactions in two parts, the second on a
         * thread (reader.c), with room for two new ids only: the rows,
         * the copies of the tables and the job's table are made on the
         * run's thread; without them the run's thread reads it all. */
        static const champ_progress silent = {NULL, NULL};
        const champ_read_tuning two = {0, 0, 0, 2, NULL};
        step s;
        step_begin(&s, "champ__read_export_tuned(export.json, in two parts)");
        champ_status st = champ__read_export_tuned(json_data, json_len, CHAMP_FORM_DETECT,
                                                   &silent, &two, &netX);
        if (step_end(&s, st, (void *const *)&netX))
            goto done;
        check_read(s.name, "X4", netX, absorbed(&s));
        champ_network_free(netX);
        netX = NULL;
    }

    /* F: the platform forms (SPEC 8) through their read options: a CSV
     * with its columns mapped and a people table, a Viva Insights query
     * with a weight column, a Slack export as a folder and as a zip, a
     * Viva Engage export as a zip (libzip's requests fail too). */
    {
        static const char *const map[][2] = {{"from", "Sender"}, {"to", "Recipient"},
                                             {"time", "SentAt"}, {"type", "Channel"},
                                             {"weight", "Weight"}};
        STEP("champ_read_options_new", champ_read_options_new(&ro), &ro, (void)0);
        for (size_t i = 0; i < sizeof map / sizeof *map; i++)
            STEP("champ_read_options_set_column", champ_read_options_set_column(ro, map[i][0],
                                                                                map[i][1]),
                 NULL, (void)0);
        STEP("champ_read_options_set_people",
             champ_read_options_set_people(ro, import_path[IMPORT_PEOPLE]), NULL, (void)0);
        static const char *const labels[] = {"F-csv", "F-p2p", "F-slack", "F-slack-zip",
                                             "F-engage-zip"};
        for (int f = IMPORT_CSV; f <= IMPORT_ENGAGE_ZIP; f++) {
            if (f == IMPORT_P2P) {
                champ_read_options_free(ro);
                ro = NULL;
                STEP("champ_read_options_new", champ_read_options_new(&ro), &ro, (void)0);
                STEP("champ_read_options_set_weight_column",
                     champ_read_options_set_weight_column(ro, "Strong_tie_score"), NULL, (void)0);
                STEP("champ_read_options_set_hrvar",
                     champ_read_options_set_hrvar(ro, "FunctionType"), NULL, (void)0);
            }
            step s;
            step_begin(&s, f == IMPORT_CSV      ? "champ_network_read(CSV, people table)"
                           : f == IMPORT_P2P    ? "champ_network_read(Viva Insights query)"
                           : f == IMPORT_SLACK  ? "champ_network_read(Slack folder)"
                           : f == IMPORT_SLACK_ZIP ? "champ_network_read(Slack zip)"
                                                   : "champ_network_read(Viva Engage zip)");
            champ_status st = champ_network_read(import_path[f], f <= IMPORT_P2P ? ro : NULL,
                                                 &netX);
            if (step_end(&s, st, (void *const *)&netX))
                goto done;
            check_read(s.name, labels[f], netX, absorbed(&s));
            if (f == IMPORT_P2P) {
                /* GEXF, GraphML and the tie graph of an imported network */
                STEP("champ_rank(F: P2P defaults)", champ_rank(netX, NULL, &r), &r, (void)0);
                if (write_all(r, "F", 1))
                    goto done;
                size_t ties = champ_ranking_tie_count(r), from[64], to[64];
                double weight[64];
                if (ties > 64) {
                    fail("champ_ranking_tie_count", "%zu ties, the script expects at most 64",
                         ties);
                    goto done;
                }
                STEP("champ_ranking_ties", champ_ranking_ties(r, from, to, weight), NULL, (void)0);
                champ_ranking_free(r);
                r = NULL;
            }
            champ_network_free(netX);
            netX = NULL;
        }
    }

    /* Times, one and a column. */
    {
        double t[TIME_TEXTS];
        STEP("champ_parse_times", champ_parse_times(t, TIME_TEXTS, time_texts), NULL, (void)0);
        fm_pause();
        char text[512];
        size_t o = 0;
        for (size_t i = 0; i < TIME_TEXTS; i++)
            o += (size_t)snprintf(text + o, sizeof text - o, "%.17g ", t[i]);
        expect_text("champ_parse_times", "times", text);
        fm_resume();
    }

    /* G: the programme on B: tracked by week for the citizens' scenario,
     * with a goal read from memory, written as JSON and CSV. */
    {
        static const char goal_text[] =
            "{\"name\": \"More citizens\", \"scenario\": \"citizens\", \"kpi\": "
            "\"audience_reached\", \"target\": 9, \"deadline\": \"2026-06-30\", \"what\": "
            "\"reach\", \"who\": \"us\", \"why\": \"because\"}";
        STEP("champ_options_new", champ_options_new(&optG), &optG, (void)0);
        STEP("champ_options_set_scenario", champ_options_set_scenario(optG, CHAMP_SCENARIO_CITIZENS),
             NULL, (void)0);
        STEP("champ_options_set_period", champ_options_set_period(optG, CHAMP_PERIOD_WEEK), NULL,
             (void)0);
        STEP("champ_options_set_top", champ_options_set_top(optG, 3), NULL, (void)0);
        STEP("champ_goal_read_memory",
             champ_goal_read_memory(goal_text, sizeof goal_text - 1, "goal.json", &goal), &goal,
             (void)0);
        STEP("champ_track(G: weeks, citizens)", champ_track(netB, optG, &tracking), &tracking,
             (void)0);
        static const struct {
            champ_format format;
            const char *key, *call;
        } forms[] = {{CHAMP_FORMAT_JSON, "G.json", "champ_tracking_write(JSON, goal)"},
                     {CHAMP_FORMAT_CSV, "G.csv", "champ_tracking_write(CSV)"}};
        for (int f = 0; f < 2; f++) {
            out_start();
            step s;
            step_begin(&s, forms[f].call);
            champ_status st = champ_tracking_write(tracking, f == 0 ? goal : NULL,
                                                   forms[f].format, out);
            if (step_end(&s, st, NULL))
                goto done;
            fm_pause();
            size_t len;
            const char *text = out_text(&len);
            expect_text(s.name, forms[f].key, text);
            fm_resume();
            if (failure)
                goto done;
        }
        /* The report of G's ranking and tracking, with the goal, in every
         * language. */
        STEP("champ_rank(G)", champ_rank(netB, optG, &ranked_g), &ranked_g, (void)0);
        for (int lang = 0; lang < CHAMP_LANGUAGE_COUNT; lang++) {
            char name[32];
            snprintf(name, sizeof name, "G.report.%s", champ_language_name((champ_language)lang));
            out_start();
            step s;
            step_begin(&s, "champ_report_write");
            champ_status st = champ_report_write(ranked_g, tracking, goal, (champ_language)lang,
                                                 out);
            if (step_end(&s, st, NULL))
                goto done;
            fm_pause();
            size_t len;
            const char *text = out_text(&len);
            expect_text(s.name, name, text);
            fm_resume();
            if (failure)
                goto done;
        }
    }

    /* D: a network built through the API, ranked with defaults. */
    STEP("champ_network_new", champ_network_new(&netD), &netD, (void)0);
    SETTER("D", 0, "champ_network_add_people",
           champ_network_add_people(netD, API_PEOPLE - 1, api_ids, api_teams, api_groups), NULL,
           netD);
    SETTER("D", 1, "champ_network_add_interactions",
           champ_network_add_interactions(netD, 40, api_from, api_to, api_time, api_type,
                                          api_weight),
           NULL, netD);
    SETTER("D", 2, "champ_network_add_person",
           champ_network_add_person(netD, api_ids[API_PEOPLE - 1], "North", "partner"), NULL,
           netD);
    SETTER("D", 3, "champ_network_add_interaction",
           champ_network_add_interaction(netD, "y-new", "a-01", NAN, NULL, 1), NULL, netD);
    SETTER("D", 4, "champ_network_add_interaction",
           champ_network_add_interaction(netD, "a-02", "a-03", 1772323200.5, "brand-new", 0.5),
           NULL, netD);
    SETTER("D", 5, "champ_network_add_interactions",
           champ_network_add_interactions(netD, API_INTER - 40, api_from + 40, api_to + 40,
                                          api_time + 40, api_type + 40, api_weight + 40),
           NULL, netD);
    SETTER("D", 6, "champ_network_add_interactions",
           champ_network_add_interactions(netD, API_INTER, api_from, api_to, NULL, NULL, NULL),
           NULL, netD);
    STEP("champ_rank(D: defaults)", champ_rank(netD, NULL, &r), &r, (void)0);
    if (write_all(r, "D", 0))
        goto done;
    champ_ranking_free(r);
    r = NULL;

    /* E: the larger network, exact bridging on worker threads, audience. */
    {
        champ_options *optE = NULL;
        const char *audience[] = {"citizen"};
        STEP("champ_options_new", champ_options_new(&optE), &optE, (void)0);
        STEP("champ_options_set_audience_groups(E)",
             champ_options_set_audience_groups(optE, audience, 1), NULL,
             champ_options_free(optE));
        step s;
        step_begin(&s, "champ_rank(E: 600 people, bridging threads)");
        champ_status st = champ_rank(net_big, optE, &r);
        champ_options_free(optE);
        if (step_end(&s, st, (void *const *)&r))
            goto done;
        if (write_all(r, "E", 0))
            goto done;
        champ_ranking_free(r);
        r = NULL;
    }

    /* H: trust (issue 13) on B: confidence from 3 resamples with a guard
     * against thin ties and a small team floor, every person explained
     * (the sentence; for three, each criterion's phrase and figure; all
     * at once), the
     * flags, the team table and its writers; then B pseudonymised (teams
     * too) and written back as JSON and JSON Lines. Output goes to static
     * buffers, so that the script itself allocates nothing while armed. */
    {
        static char text[1 << 16];
        static double figures[64];
        static unsigned flag_sets[256];
        static const unsigned char pkey[32] = "alloc_fail's key: 32 bytes long";
        STEP("champ_options_new", champ_options_new(&optH), &optH, (void)0);
        SETTER("optH", 0, "champ_options_set_confidence", champ_options_set_confidence(optH, 3),
               optH, netB);
        SETTER("optH", 1, "champ_options_set_min_tie_weight",
               champ_options_set_min_tie_weight(optH, 1.5), optH, netB);
        SETTER("optH", 2, "champ_options_allow_small_groups",
               champ_options_allow_small_groups(optH, 1), optH, netB);
        SETTER("optH", 3, "champ_options_set_min_group_size",
               champ_options_set_min_group_size(optH, 3), optH, netB);
        STEP("champ_rank(H: confidence, min_tie_weight)", champ_rank(netB, optH, &r), &r, (void)0);
        if (write_all(r, "H", 0))
            goto done;
        size_t people = champ_ranking_count(r), needed = 0;
        if (people > 256) {
            fail("champ_ranking_count", "%zu people, the script expects at most 256", people);
            goto done;
        }
        for (size_t i = 0; i < people; i++) {
            STEP("champ_ranking_explain",
                 champ_ranking_explain(r, i, CHAMP_LANGUAGE_EN, text, sizeof text, &needed), NULL,
                 (void)0);
            size_t used = needed;
            /* each criterion in words and as a figure: for the first, one in
             * the middle and the last (an ineligible person) only */
            for (int c = 0; c < CHAMP_CRITERION_COUNT && (i == 0 || i == people / 2 ||
                                                          i + 1 == people); c++) {
                text[used - 1] = '\n';
                STEP("champ_ranking_explain_criterion",
                     champ_ranking_explain_criterion(r, i, (champ_criterion)c, CHAMP_LANGUAGE_EN,
                                                     text + used, sizeof text - used, &needed),
                     NULL, (void)0);
                used += needed;
                text[used - 1] = '\n';
                STEP("champ_ranking_figure",
                     champ_ranking_figure(r, i, (champ_criterion)c, CHAMP_LANGUAGE_EN,
                                          text + used, sizeof text - used, &needed),
                     NULL, (void)0);
                used += needed;
            }
            fm_pause();
            snprintf(key, sizeof key, "H.explain/%zu", i);
            expect_text("champ_ranking_explain", key, text);
            fm_resume();
            if (failure)
                goto done;
        }
        STEP("champ_ranking_explanations",
             champ_ranking_explanations(r, CHAMP_LANGUAGE_EN, text, sizeof text, &needed), NULL,
             (void)0);
        STEP("champ_ranking_flag_sets", champ_ranking_flag_sets(r, flag_sets), NULL, (void)0);
        fm_pause();
        for (size_t k = 0; k + 1 < needed; k++)
            text[k] = text[k] ? text[k] : '\n';
        size_t used = strlen(text);
        for (size_t i = 0; i < people; i++) {
            double similarity = 0;
            const char *like = champ_ranking_shadow_of(r, i, &similarity);
            used += (size_t)snprintf(text + used, sizeof text - used, "%u %s %.17g\n",
                                     flag_sets[i], like ? like : "-", similarity);
        }
        expect_text("champ_ranking_explanations", "H.explanations", text);
        fm_resume();
        if (failure)
            goto done;
        size_t rows = champ_ranking_team_count(r);
        if (rows > 64) {
            fail("champ_ranking_team_count", "%zu rows, the script expects at most 64", rows);
            goto done;
        }
        for (int item = 0; item < CHAMP_TEAM_ITEM_COUNT; item++) {
            STEP("champ_ranking_team_table",
                 champ_ranking_team_table(r, 5, (champ_team_item)item, figures), NULL, (void)0);
            fm_pause();
            used = 0;
            for (size_t k = 0; k < rows; k++)
                used += (size_t)snprintf(text + used, sizeof text - used, "%s %.17g\n",
                                         champ_ranking_team_name(r, k), figures[k]);
            snprintf(key, sizeof key, "H.teams/%d", item);
            expect_text("champ_ranking_team_table", key, used ? text : "");
            fm_resume();
            if (failure)
                goto done;
        }
        static const struct {
            champ_format format;
            const char *key, *call;
        } team_forms[] = {{CHAMP_FORMAT_JSON, "H.teams.json", "champ_ranking_write_teams(JSON)"},
                          {CHAMP_FORMAT_CSV, "H.teams.csv", "champ_ranking_write_teams(CSV)"}};
        for (int f = 0; f < 2; f++) {
            out_start();
            step s;
            step_begin(&s, team_forms[f].call);
            champ_status st = champ_ranking_write_teams(r, team_forms[f].format, 5, out);
            if (step_end(&s, st, NULL))
                goto done;
            fm_pause();
            size_t len;
            const char *written = out_text(&len);
            expect_text(s.name, team_forms[f].key, written);
            fm_resume();
            if (failure)
                goto done;
        }
        champ_ranking_free(r);
        r = NULL;

        char pseudonym[CHAMP_PSEUDONYM_SIZE];
        STEP("champ_pseudonym", champ_pseudonym(pkey, sizeof pkey, 1, "Finance", pseudonym), NULL,
             (void)0);
        {
            if (recording)
                expect_ranking_of("champ_network_pseudonymize", "P/before", netB, NULL);
            step s;
            step_begin(&s, "champ_network_pseudonymize");
            champ_status st = champ_network_pseudonymize(netB, pkey, sizeof pkey, 1);
            if (step_end(&s, st, NULL)) {
                expect_ranking_of(s.name, "P/before", netB, NULL); /* unchanged */
                goto done;
            }
            check_read(s.name, "P/after", netB, absorbed(&s));
        }
        static const struct {
            champ_input form;
            const char *key, *call;
        } net_forms[] = {{CHAMP_INPUT_JSON, "P.json", "champ_network_write(JSON)"},
                         {CHAMP_INPUT_JSONL, "P.jsonl", "champ_network_write(JSONL)"}};
        for (int f = 0; f < 2; f++) {
            out_start();
            step s;
            step_begin(&s, net_forms[f].call);
            champ_status st = champ_network_write(netB, net_forms[f].form, out);
            if (step_end(&s, st, NULL))
                goto done;
            fm_pause();
            size_t len;
            const char *written = out_text(&len);
            if (!strstr(written, pseudonym) || strstr(written, "\"p-00\"") ||
                strstr(written, "Finance"))
                fail(s.name, "the network written back is not pseudonymised");
            expect_text(s.name, net_forms[f].key, written);
            fm_resume();
            if (failure)
                goto done;
        }
    }

done:
    fm_disarm();
    if (pipefd[0] >= 0)
        close(pipefd[0]);
    if (pipefd[1] >= 0)
        close(pipefd[1]);
    champ_ranking_free(r);
    champ_network_free(netA);
    champ_network_free(netB);
    champ_network_free(netX);
    champ_network_free(netD);
    champ_options_free(optA);
    champ_options_free(optB);
    champ_read_options_free(ro);
    champ_options_free(optG);
    champ_options_free(optH);
    champ_goal_free(goal);
    champ_tracking_free(tracking);
    champ_ranking_free(ranked_g);
#undef SETTER
}

/* ------------------------------------------------------------------------
 * Runs, each on a fresh thread.
 * ------------------------------------------------------------------------ */

static volatile long current_n = -1;
static volatile int current_mode;
static const char *const mode_names[] = {"only request n fails", "request n and all after fail"};

typedef struct run_args {
    long n;
    int persistent;
} run_args;

static void *run_thread(void *p)
{
    run_args *a = p;
    if (a->n >= 0)
        fm_arm(a->n, a->persistent);
    script();
    long foreign = fm_foreign_requests();
    fm_disarm();
    /* Failing "request n" fails the same call in every run only if every
     * request comes from the thread of the run, in program order: the
     * library's worker threads get all they need before they start
     * (lib/pool.h). */
    if (a->n >= 0 && foreign)
        fail(stopped_call ? stopped_call : "(the whole run)",
             "%ld allocation requests came from another thread: their place in the order, "
             "and so which call request n fails, would depend on scheduling", foreign);
    return NULL;
}

static void run(long n, int persistent)
{
    failure = NULL;
    stopped_call = NULL;
    current_n = n;
    current_mode = persistent;
    run_args a = {n, persistent};
    pthread_t t;
    if (pthread_create(&t, NULL, run_thread, &a) || pthread_join(t, NULL)) {
        fprintf(stderr, "alloc_fail: cannot run a thread\n");
        exit(2);
    }
    current_n = -1;
}

/* "libigraph.so.0+0x1234 (igraph_vector_init)" for a code address. */
static void describe(char *buf, size_t size, void *addr)
{
    Dl_info info;
    if (!addr || !dladdr(addr, &info) || !info.dli_fname) {
        snprintf(buf, size, "%p", addr);
        return;
    }
    const char *base = strrchr(info.dli_fname, '/');
    base = base ? base + 1 : info.dli_fname;
    if (!*base)
        base = "alloc_fail";
    snprintf(buf, size, "%s+0x%lx%s%s%s", base,
             (unsigned long)((char *)addr - (char *)info.dli_fbase),
             info.dli_sname ? " (" : "", info.dli_sname ? info.dli_sname : "",
             info.dli_sname ? ")" : "");
}

static void object_of(char *buf, size_t size, void *addr)
{
    Dl_info info;
    const char *base = "?";
    if (addr && dladdr(addr, &info) && info.dli_fname) {
        base = strrchr(info.dli_fname, '/');
        base = base ? base + 1 : info.dli_fname;
        if (!*base)
            base = "alloc_fail (libchampions objects)";
    }
    snprintf(buf, size, "%s", base);
}

/* 1 if the code at addr belongs to an object whose path contains name. */
static int from_object(void *addr, const char *name)
{
    Dl_info info;
    return addr && dladdr(addr, &info) && info.dli_fname && strstr(info.dli_fname, name);
}

/* The process ends in the middle of a run: say where. */
static void on_exit_during_run(void)
{
    if (current_n >= 0)
        fprintf(stderr, "alloc_fail: FAIL: the process exited during the run with n = %ld (%s)\n",
                current_n, mode_names[current_mode]);
}

static void on_signal(int sig)
{
    char msg[160];
    int len = snprintf(msg, sizeof msg, "alloc_fail: FAIL: signal %d during the run with n = %ld (%s)\n",
                       sig, current_n, current_n >= 0 ? mode_names[current_mode] : "no run");
    if (len > 0)
        (void)!write(2, msg, (size_t)len);
    signal(sig, SIG_DFL);
    raise(sig);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "alloc_fail: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n == cap && !(buf = realloc(buf, cap = cap * 2 + 65536)))
            exit(2);
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got);
    fclose(f);
    *len = n;
    return buf;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

#define CENSUS_MAX 200000
static void *census[CENSUS_MAX];

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: alloc_fail EXPORT.json EXPORT.jsonl IMPORT-FIXTURES\n");
        return 2;
    }
    double t0 = now();
    json_path = argv[1];
    jsonl_path = argv[2];
    static const char *const import_names[IMPORT_COUNT] = {
        [IMPORT_PEOPLE] = "csv/people.csv", [IMPORT_CSV] = "csv/sent.csv",
        [IMPORT_P2P] = "viva-p2p/query.csv", [IMPORT_SLACK] = "slack",
        [IMPORT_SLACK_ZIP] = "slack.zip", [IMPORT_ENGAGE_ZIP] = "viva-engage.zip"};
    for (int i = 0; i < IMPORT_COUNT; i++)
        snprintf(import_path[i], sizeof import_path[i], "%s/%s", argv[3], import_names[i]);
    json_data = slurp(json_path, &json_len);
    jsonl_data = slurp(jsonl_path, &jsonl_len);
    api_data();
    big_network();
    out = fmemopen(out_area, OUT_MAX, "w+");
    if (!out || setvbuf(out, out_stdio, _IOFBF, sizeof out_stdio)) {
        fprintf(stderr, "alloc_fail: fmemopen: %s\n", strerror(errno));
        return 2;
    }
    /* libzip converts entry times with mktime(); with TZ unset, glibc's
     * tzset() frees its copy of the zone name and makes a new one at every
     * call, so a run that fails that copy ends with one block fewer than it
     * began with (glibc's cache, not ours). The same zone named in TZ is
     * kept after the first call. */
    if (setenv("TZ", ":/etc/localtime", 1)) {
        fprintf(stderr, "alloc_fail: setenv: %s\n", strerror(errno));
        return 2;
    }
    atexit(on_exit_during_run);
    signal(SIGSEGV, on_signal);
    signal(SIGABRT, on_signal);
    signal(SIGBUS, on_signal);
    signal(SIGFPE, on_signal);
    signal(SIGILL, on_signal);

    /* libzip 1.7.3 leaks when its own allocation fails:
     * zip_source_layered_create() returns without freeing the layer's
     * context when _zip_source_new() fails (zip_fopen_index() on an entry,
     * 168 bytes). Its blocks are counted apart: left behind only after a
     * failure inside libzip, reported, not failed. Every other block must
     * come back. */
    if (!fm_track_object("libzip.so")) {
        fprintf(stderr, "alloc_fail: libzip is not loaded\n");
        return 2;
    }

    /* The reference run: unarmed, records every output. */
    recording = 1;
    run(-1, 0);
    recording = 0;
    if (failure) {
        fprintf(stderr, "alloc_fail: FAIL: the reference run: %s: %s\n", failure, failure_detail);
        return 1;
    }
    if (progress_calls == 0) {
        fprintf(stderr, "alloc_fail: FAIL: no progress reported\n");
        return 1;
    }

    /* The census: a run that counts without failing, by calling object. */
    fm_census(census, CENSUS_MAX);
    long base_blocks = fm_live_blocks(), base_bytes = fm_live_bytes();
    run(0, 0);
    fm_census(NULL, 0);
    long total = fm_requests();
    if (failure) {
        fprintf(stderr, "alloc_fail: FAIL: the counting run: %s: %s\n", failure, failure_detail);
        return 1;
    }
    if (fm_live_blocks() != base_blocks || fm_live_bytes() != base_bytes) {
        fprintf(stderr, "alloc_fail: FAIL: the counting run leaves %ld blocks, %ld bytes\n",
                fm_live_blocks() - base_blocks, fm_live_bytes() - base_bytes);
        return 1;
    }
    printf("allocation requests in a full run: %ld, all from the thread of the run\n", total);
    {
        char names[16][96];
        long counts[16] = {0};
        int kinds = 0;
        for (long i = 0; i < total && i < CENSUS_MAX; i++) {
            char name[96];
            object_of(name, sizeof name, census[i]);
            int k = 0;
            while (k < kinds && strcmp(names[k], name))
                k++;
            if (k == kinds && kinds < 16)
                snprintf(names[kinds++], sizeof names[0], "%s", name);
            if (k < 16)
                counts[k]++;
        }
        for (int k = 0; k < kinds; k++)
            printf("  %6ld made by %s\n", counts[k], names[k]);
    }

    const char *only = getenv("ALLOC_FAIL_ONLY"); /* "n" or "n,persistent": one run, to debug */
    long injected_total = 0, runs = 0, base_kept_blocks = 0, base_kept_bytes = 0;
    long kept_leaks = 0, kept_leak_bytes = 0;
    char kept_leak_at[8][320];
    for (int persistent = 0; persistent <= 1; persistent++) {
        long absorbed_before = absorbed_calls, nomem_before = nomem_calls, injected_mode = 0;
        for (long n = 1;; n++) {
            if (only) {
                char *end;
                n = strtol(only, &end, 10);
                persistent = *end == ',' ? atoi(end + 1) : 0;
            }
            base_blocks = fm_live_blocks();
            base_bytes = fm_live_bytes();
            base_kept_blocks = fm_tracked_blocks();
            base_kept_bytes = fm_tracked_bytes();
            run(n, persistent);
            runs++;
            long injected = fm_injected();
            injected_mode += injected;
            char where[256];
            describe(where, sizeof where, fm_failed_caller());
            long kept_blocks = fm_tracked_blocks() - base_kept_blocks;
            long kept_bytes = fm_tracked_bytes() - base_kept_bytes;
            long leak_blocks = fm_live_blocks() - base_blocks - kept_blocks;
            long leak_bytes = fm_live_bytes() - base_bytes - kept_bytes;
            if (!failure && (leak_blocks || leak_bytes))
                fail(stopped_call ? stopped_call : "(the whole run)",
                     "leak: %ld blocks, %ld bytes still allocated after everything was freed",
                     leak_blocks, leak_bytes);
            /* Only a failure inside libzip may leave its blocks behind. */
            if (!failure && (kept_blocks || kept_bytes) &&
                !from_object(fm_failed_caller(), "libzip"))
                fail(stopped_call ? stopped_call : "(the whole run)",
                     "leak: %ld blocks, %ld bytes allocated by libzip after a failure outside it",
                     kept_blocks, kept_bytes);
            if (!failure && (kept_blocks || kept_bytes)) {
                /* libzip's (see main): counted, reported, not a failure */
                if (kept_leaks < 8)
                    snprintf(kept_leak_at[kept_leaks], sizeof kept_leak_at[0],
                             "n = %ld (%s): %ld blocks, %ld bytes; failed request from %s", n,
                             mode_names[persistent], kept_blocks, kept_bytes, where);
                kept_leaks++;
                kept_leak_bytes += kept_bytes;
                base_kept_blocks += kept_blocks;
                base_kept_bytes += kept_bytes;
            }
            if (!failure && !injected && stopped_call)
                fail(stopped_call, "the run stopped without an injected failure");
            if (failure) {
                fprintf(stderr,
                        "alloc_fail: FAIL: n = %ld (%s): %s: %s\n"
                        "  the failed allocation was requested from %s\n",
                        n, mode_names[persistent], failure, failure_detail, where);
                return 1;
            }
            if (only) {
                printf("n = %ld: stopped at %s, %ld failures injected, first from %s\n", n,
                       stopped_call ? stopped_call : "(completed)", injected, where);
                return 0;
            }
            if (!injected) {
                if (n != fm_requests() + 1) {
                    fprintf(stderr, "alloc_fail: FAIL: the run completed at n = %ld, but made "
                            "%ld requests\n", n, fm_requests());
                    return 1;
                }
                break;
            }
        }
        injected_total += injected_mode;
        printf("%s: %ld runs ended with CHAMP_ERR_NOMEM, %ld failures absorbed with the right "
               "result, %ld failures injected\n",
               mode_names[persistent], nomem_calls - nomem_before, absorbed_calls - absorbed_before,
               injected_mode);
    }
    printf("calls that returned CHAMP_ERR_NOMEM (times) / absorbed a failure (times):\n");
    for (int i = 0; i < call_count; i++)
        printf("  %-56s %6ld %6ld\n", call_stats[i].name, call_stats[i].nomem,
               call_stats[i].absorbed);
    if (kept_leaks) {
        printf("runs where libzip leaked after its own failed allocation: %ld, %ld bytes in "
               "all; the first:\n", kept_leaks, kept_leak_bytes);
        for (long i = 0; i < kept_leaks && i < 8; i++)
            printf("  %s\n", kept_leak_at[i]);
    }
    if (zip_misreports)
        printf("runs where libzip 1.7.3 reported its failed allocation as a damaged archive "
               "(CHAMP_ERR_PARSE, nothing returned, nothing leaked): %ld\n", zip_misreports);
    printf("%ld runs, %ld failures injected, %.1f s\n", runs, injected_total, now() - t0);
    fclose(out);
    champ_network_free(net_big);
    return 0;
}
