/* Thread stress test (issue 5, part 3), public API only, written to run
 * under a race detector (see scripts/ci.d/10-races.sh).
 *
 * Every job (an input and a set of options) is first run once on the main
 * thread; that serial result is the reference. Then:
 *
 *   distinct  7 threads run the jobs in rotated order, so that at any moment
 *             they read and rank different networks (the bundled export,
 *             converted real networks, generated ones with times, types and
 *             groups, from files and from buffers, the platform forms: a
 *             mapped CSV with a people table, a Viva Insights query, Slack
 *             and Viva Engage exports as a folder, a zip file and a zip in
 *             a buffer) with different options
 *             (exact and sampled bridging, audience, window, type weights,
 *             champion groups, priors), and hit error paths (bad files, bad
 *             buffers, a missing file, a broken zip, bad options) in between,
 *             and track some of them period by period (champ_track, the
 *             tracking written with a goal), and rank some with confidence
 *             (bootstrap resamples) and the guards. Meanwhile
 *             the 8th thread ranks with a progress callback that cancels at
 *             each phase in turn (the resamples' "confidence" too).
 *   same      8 threads start together (a barrier) on the same input: the
 *             same JSON file, the same JSON Lines file, the same buffer,
 *             one shared network handle, the same bad file; and one
 *             ranking handle read (written out, searched) by all.
 *
 * Every run's result is compared with the serial one bit for bit: status,
 * the thread's champ_last_error() text, the JSON and CSV output (written to
 * a memstream) and every column (ranks, scores, values, percentiles,
 * diagnostics, texts, summary, weights, bridging sources, confidence
 * intervals and tiers, flags and shadows, explanations, the team table)
 * byte for byte.
 * After a successful call the thread's last error message must still be
 * the one its own last failure left (messages are per thread).
 *
 * usage: stress [--rounds N] BUNDLED_EXPORT CONVERTED... IMPORT BAD
 *   CONVERTED: krackhardt-advice.json lazega-cowork.json uk-faculty.json
 *   workplace-invs13.json workplace-invs13.jsonl, in that order (made by
 *   make_inputs.py); IMPORT: tests/data/import (the platform forms); BAD:
 *   tests/bad/corpus. $CHAMP_STRESS_ROUNDS, when set, overrides N (default 2). */
#include <champions.h>

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define THREADS 8
#define SPREAD 4 /* distinct phase: each thread runs every SPREAD-th job of a round */

static atomic_int failures;
static atomic_long comparisons;

static void fail(const char *fmt, ...)
{
    char line[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    int seen = atomic_fetch_add(&failures, 1);
    if (seen < 50) {
        fprintf(stderr, "FAIL: %s\n", line); /* one call: lines do not interleave */
    } else if (seen == 50) {
        fprintf(stderr, "FAIL: too many failures, stopping\n");
        _Exit(EXIT_FAILURE);
    }
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* ---------------------------------------------------------------- inputs */

typedef enum {
    FROM_FILE,
    FROM_JSON_BUFFER,
    FROM_JSONL_BUFFER,
    FROM_HANDLE,
    FROM_MEMORY,      /* champ_network_read_memory: the form detected in a buffer */
    FROM_MAPPED_CSV   /* champ_network_read with read options: columns and a people table */
} input_kind;

typedef struct input {
    const char *name;
    input_kind kind;
    char path[4200];     /* FROM_FILE, and the file a handle or buffer came from */
    char people[4200];   /* FROM_MAPPED_CSV: the people table */
    char *data;          /* buffers */
    size_t len;
    champ_network *net;  /* FROM_HANDLE: read once, ranked by many threads at once */
} input;

enum {
    IN_EU,            /* examples/email-eu-core.json: 1,005 people, 42 teams */
    IN_GEN_JSON,      /* generated: times, types, groups, weights, unlisted people */
    IN_GEN_JSONL,     /* the same network as JSON Lines */
    IN_GEN_HANDLE,    /* the same network, one handle for everybody */
    IN_SMALL_BUF,     /* a smaller generated network in a JSON buffer */
    IN_SMALL_LINES,   /* the same as a JSON Lines buffer */
    IN_KRACK,         /* converted real networks */
    IN_LAZEGA,
    IN_UKF,
    IN_WORK,
    IN_WORK_LINES,
    IN_EU_HANDLE,
    IN_CSV,           /* the platform forms of tests/data/import: CSV mapped, people table */
    IN_P2P,           /* a Viva Insights query */
    IN_SLACK,         /* a Slack export folder */
    IN_SLACK_ZIP,     /* a Slack export zip, in a buffer */
    IN_ENGAGE_ZIP,    /* a Viva Engage export zip */
    IN_BAD_PARSE,     /* bad inputs */
    IN_BAD_SCHEMA,
    IN_BAD_UTF8,
    IN_BAD_TIME,
    IN_MISSING,
    IN_BAD_BUF,
    IN_BAD_LINES,
    IN_BAD_ZIP,       /* tests/bad: a Slack export zip with a broken day file */
    IN_COUNT
};

static input inputs[IN_COUNT];
static char scratch_dir[] = "/tmp/champ-stress-XXXXXX";

static uint64_t lcg(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s >> 17;
}

/* A seeded network written as JSON and as JSON Lines at once: teams with
 * most ties inside, groups staff/citizen/partner (and absent: staff),
 * people without a team, interactions with times (numbers, RFC 3339 texts,
 * none), types, weights, self interactions and people not listed. */
static void generate(FILE *json, FILE *lines, uint64_t seed, size_t people, size_t count)
{
    static const char *const types[] = {NULL, "message", "reaction", "comment"};
    const double base = 1767225600; /* 2026-01-01T00:00:00Z */
    uint64_t s = seed;
    fputs("{\"people\":[\n", json);
    for (size_t p = 0; p < people; p++) {
        char rec[160];
        int n = snprintf(rec, sizeof rec, "{\"id\":\"g%05zu\"", p);
        if (p % 17)
            n += snprintf(rec + n, sizeof rec - (size_t)n, ",\"team\":\"team-%02zu\"", p % 13);
        if (p % 5 == 0)
            n += snprintf(rec + n, sizeof rec - (size_t)n, ",\"group\":\"citizen\"");
        else if (p % 7 == 0)
            n += snprintf(rec + n, sizeof rec - (size_t)n, ",\"group\":\"partner\"");
        else if (p % 2)
            n += snprintf(rec + n, sizeof rec - (size_t)n, ",\"group\":\"staff\"");
        snprintf(rec + n, sizeof rec - (size_t)n, "}");
        fprintf(json, "%s%s\n", p ? "," : "", rec);
        fprintf(lines, "%s\n", rec);
    }
    fputs("],\"interactions\":[\n", json);
    for (size_t i = 0; i < count; i++) {
        size_t a = (size_t)(lcg(&s) % people);
        size_t b = lcg(&s) % 10 < 7 ? (a / 13 * 13 + (size_t)(lcg(&s) % 13)) % people
                                      : (size_t)(lcg(&s) % people);
        char from[16], to[16], rec[256];
        snprintf(from, sizeof from, "g%05zu", a);
        if (lcg(&s) % 50 == 0)
            snprintf(to, sizeof to, "u%03zu", (size_t)(lcg(&s) % 40)); /* not listed */
        else
            snprintf(to, sizeof to, "g%05zu", b);
        int n = snprintf(rec, sizeof rec, "{\"from\":\"%s\",\"to\":\"%s\"", from, to);
        double t = base + (double)i * 3600.0 * 24 * 60 / (double)count + (double)(lcg(&s) % 600);
        if (i % 10 == 1) {
            /* no time */
        } else if (i % 3 == 0) {
            time_t whole = (time_t)t;
            struct tm tm;
            gmtime_r(&whole, &tm);
            n += (int)strftime(rec + n, sizeof rec - (size_t)n, ",\"time\":\"%Y-%m-%dT%H:%M:%SZ\"",
                               &tm);
        } else {
            n += snprintf(rec + n, sizeof rec - (size_t)n, ",\"time\":%.1f", t + 0.5);
        }
        const char *type = types[lcg(&s) % 4];
        if (type)
            n += snprintf(rec + n, sizeof rec - (size_t)n, ",\"type\":\"%s\"", type);
        if (i % 4 == 2)
            n += snprintf(rec + n, sizeof rec - (size_t)n, ",\"weight\":%d", 1 + (int)(lcg(&s) % 3));
        else if (i % 9 == 5)
            n += snprintf(rec + n, sizeof rec - (size_t)n, ",\"weight\":0.25");
        snprintf(rec + n, sizeof rec - (size_t)n, "}");
        fprintf(json, "%s%s\n", i ? "," : "", rec);
        fprintf(lines, "%s\n", rec);
    }
    fputs("]}\n", json);
}

static void write_text(char *path, size_t size, const char *name, const char *text)
{
    snprintf(path, size, "%s/%s", scratch_dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(EXIT_FAILURE);
    }
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    size_t cap = 0, n = 0;
    if (!f)
        return NULL;
    for (;;) {
        if (n == cap && !(data = realloc(data, cap = cap ? 2 * cap : 65536)))
            exit(EXIT_FAILURE);
        size_t got = fread(data + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    *len = n;
    return data;
}

static void set_file(int i, const char *name, const char *path)
{
    inputs[i].name = name;
    inputs[i].kind = FROM_FILE;
    snprintf(inputs[i].path, sizeof inputs[i].path, "%s", path);
}

static void set_buffer(int i, const char *name, input_kind kind, const char *path)
{
    inputs[i].name = name;
    inputs[i].kind = kind;
    snprintf(inputs[i].path, sizeof inputs[i].path, "%s", path);
    if (!(inputs[i].data = read_all(path, &inputs[i].len))) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(EXIT_FAILURE);
    }
}

static void set_handle(int i, const char *name, const char *path)
{
    inputs[i].name = name;
    inputs[i].kind = FROM_HANDLE;
    snprintf(inputs[i].path, sizeof inputs[i].path, "%s", path);
    if (champ_network_read_file(path, &inputs[i].net) != CHAMP_OK) {
        fprintf(stderr, "%s\n", champ_last_error());
        exit(EXIT_FAILURE);
    }
}

static void make_inputs(const char *bundled, char **converted, const char *import,
                        const char *bad)
{
    if (!mkdtemp(scratch_dir)) {
        perror("mkdtemp");
        exit(EXIT_FAILURE);
    }
    /* the converted files say so when the shared data was missing */
    for (int i = 0; i < 5; i++) {
        char head[512] = "";
        FILE *f = fopen(converted[i], "rb");
        if (!f || !fgets(head, sizeof head, f)) {
            fprintf(stderr, "cannot read %s\n", converted[i]);
            exit(EXIT_FAILURE);
        }
        fclose(f);
        if (strncmp(head, "shared data missing", 19) == 0) {
            fprintf(stderr, "%s", head);
            exit(EXIT_FAILURE);
        }
    }
    char gen_json[4200], gen_lines[4200], small_json[4200], small_lines[4200];
    snprintf(gen_json, sizeof gen_json, "%s/generated.json", scratch_dir);
    snprintf(gen_lines, sizeof gen_lines, "%s/generated.jsonl", scratch_dir);
    snprintf(small_json, sizeof small_json, "%s/small.json", scratch_dir);
    snprintf(small_lines, sizeof small_lines, "%s/small.jsonl", scratch_dir);
    FILE *a = fopen(gen_json, "wb"), *b = fopen(gen_lines, "wb");
    FILE *c = fopen(small_json, "wb"), *d = fopen(small_lines, "wb");
    if (!a || !b || !c || !d) {
        fprintf(stderr, "cannot write into %s\n", scratch_dir);
        exit(EXIT_FAILURE);
    }
    generate(a, b, 42, 700, 7000);
    generate(c, d, 7, 250, 2500);
    if (fclose(a) || fclose(b) || fclose(c) || fclose(d))
        exit(EXIT_FAILURE);

    set_file(IN_EU, "email-eu-core.json", bundled);
    set_file(IN_GEN_JSON, "generated.json", gen_json);
    set_file(IN_GEN_JSONL, "generated.jsonl", gen_lines);
    set_handle(IN_GEN_HANDLE, "generated (handle)", gen_json);
    set_buffer(IN_SMALL_BUF, "small (JSON buffer)", FROM_JSON_BUFFER, small_json);
    set_buffer(IN_SMALL_LINES, "small (JSONL buffer)", FROM_JSONL_BUFFER, small_lines);
    set_file(IN_KRACK, "krackhardt-advice.json", converted[0]);
    set_file(IN_LAZEGA, "lazega-cowork.json", converted[1]);
    set_file(IN_UKF, "uk-faculty.json", converted[2]);
    set_file(IN_WORK, "workplace-invs13.json", converted[3]);
    set_file(IN_WORK_LINES, "workplace-invs13.jsonl", converted[4]);
    set_handle(IN_EU_HANDLE, "email-eu-core (handle)", bundled);

    char path[4200];
    snprintf(path, sizeof path, "%s/csv/sent.csv", import);
    set_file(IN_CSV, "csv/sent.csv (mapped, people table)", path);
    inputs[IN_CSV].kind = FROM_MAPPED_CSV;
    snprintf(inputs[IN_CSV].people, sizeof inputs[IN_CSV].people, "%s/csv/people.csv", import);
    snprintf(path, sizeof path, "%s/viva-p2p/query.csv", import);
    set_file(IN_P2P, "viva-p2p/query.csv", path);
    snprintf(path, sizeof path, "%s/slack", import);
    set_file(IN_SLACK, "slack (folder)", path);
    snprintf(path, sizeof path, "%s/slack.zip", import);
    set_buffer(IN_SLACK_ZIP, "slack.zip (buffer)", FROM_MEMORY, path);
    snprintf(path, sizeof path, "%s/viva-engage.zip", import);
    set_file(IN_ENGAGE_ZIP, "viva-engage.zip", path);
    snprintf(path, sizeof path, "%s/slack-broken-day.zip", bad);
    set_file(IN_BAD_ZIP, "slack-broken-day.zip", path);
    write_text(path, sizeof path, "bad-parse.json",
               "{\"people\": [{\"id\": \"a\", \"team\": \"x\",}],\n\"interactions\": []}\n");
    set_file(IN_BAD_PARSE, "bad-parse.json", path);
    write_text(path, sizeof path, "bad-schema.json",
               "{\"people\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n\"interactions\": [\n"
               "{\"from\": \"a\", \"to\": \"b\"},\n{\"from\": \"b\", \"to\": \"a\", \"weight\": -1}]}\n");
    set_file(IN_BAD_SCHEMA, "bad-schema.json", path);
    write_text(path, sizeof path, "bad-utf8.json",
               "{\"people\": [{\"id\": \"a\xff\"}],\n\"interactions\": []}\n");
    set_file(IN_BAD_UTF8, "bad-utf8.json", path);
    write_text(path, sizeof path, "bad-time.json",
               "{\"interactions\": [{\"from\": \"a\", \"to\": \"b\", \"time\": \"2026-02-30T00:00:00Z\"}]}\n");
    set_file(IN_BAD_TIME, "bad-time.json", path);
    snprintf(path, sizeof path, "%s/missing.json", scratch_dir);
    set_file(IN_MISSING, "missing.json", path);
    inputs[IN_BAD_BUF] = (input){.name = "bad JSON buffer", .kind = FROM_JSON_BUFFER};
    inputs[IN_BAD_BUF].data = strdup("{\"people\": [], \"interactions\": 5}");
    inputs[IN_BAD_BUF].len = strlen(inputs[IN_BAD_BUF].data);
    inputs[IN_BAD_LINES] = (input){.name = "bad JSONL buffer", .kind = FROM_JSONL_BUFFER};
    inputs[IN_BAD_LINES].data = strdup("{\"id\": \"a\"}\n{\"from\": \"a\", \"to\": }\n");
    inputs[IN_BAD_LINES].len = strlen(inputs[IN_BAD_LINES].data);
}

static void free_inputs(void)
{
    for (int i = 0; i < IN_COUNT; i++) {
        free(inputs[i].data);
        champ_network_free(inputs[i].net);
    }
    static const char *const made[] = {"generated.json", "generated.jsonl", "small.json",
                                       "small.jsonl", "bad-parse.json", "bad-schema.json",
                                       "bad-utf8.json", "bad-time.json"};
    char path[4200];
    for (size_t i = 0; i < sizeof made / sizeof *made; i++) {
        snprintf(path, sizeof path, "%s/%s", scratch_dir, made[i]);
        unlink(path);
    }
    rmdir(scratch_dir);
}

/* --------------------------------------------------------------- options */

enum {
    O_DEFAULT,
    O_SAMPLED,        /* 64 sampled bridging sources, seed 7 */
    O_SAMPLED_OTHER,  /* 200 sources, seed 99, linear scaling */
    O_EXACT,          /* more samples than people: exact */
    O_AUDIENCE,       /* reach = citizens and partners reached */
    O_WINDOW_GEN,     /* the generated networks' January 10 .. February 1 */
    O_WINDOW_WORK,    /* the middle third of workplace-invs13 */
    O_TYPES,          /* type weights */
    O_GROUPS,         /* champion groups, min activity, prior, weights; sampled */
    O_WEIGHTS,        /* weights, prior 0; sampled */
    O_ALL,            /* audience, window, types and sampling at once */
    O_BAD_WEIGHT,     /* refused by the setter */
    O_BAD_TYPE,
    O_BAD_PRIOR,
    O_BAD_WINDOW,     /* refused by champ_rank: since >= until */
    O_ZERO_WEIGHTS,   /* refused by champ_rank: all weights 0 */
    O_TRACK,          /* champ_track by week for the citizens, top 5, sampled, with a goal */
    O_CONFIDENCE,     /* 3 bootstrap resamples, min_tie_weight 1.5, top 5, a team floor of 3;
                       * sampled */
    O_COUNT
};

static const char *const option_names[O_COUNT] = {
    "default", "sampled", "sampled-other", "exact", "audience", "window-gen", "window-work",
    "types", "groups", "weights", "all", "bad-weight", "bad-type", "bad-prior", "bad-window",
    "zero-weights", "track", "confidence"};

#define TRY(call)                                                                             \
    do {                                                                                      \
        champ_status st_ = (call);                                                            \
        if (st_ != CHAMP_OK) {                                                                \
            champ_options_free(o);                                                            \
            return st_;                                                                       \
        }                                                                                     \
    } while (0)

/* Options set `which` into *out (NULL on failure, with the setter's status). */
static champ_status make_options(int which, champ_options **out)
{
    static const char *const audience[] = {"citizen", "partner"};
    static const char *const groups[] = {"staff", "partner", "associate"};
    champ_options *o = NULL;
    *out = NULL;
    champ_status st = champ_options_new(&o);
    if (st)
        return st;
    switch (which) {
    case O_DEFAULT:
        break;
    case O_SAMPLED:
        TRY(champ_options_set_bridging_samples(o, 64));
        TRY(champ_options_set_seed(o, 7));
        break;
    case O_SAMPLED_OTHER:
        TRY(champ_options_set_bridging_samples(o, 200));
        TRY(champ_options_set_seed(o, 99));
        TRY(champ_options_set_bridging_estimate(o, CHAMP_ESTIMATE_LINEAR));
        break;
    case O_EXACT:
        TRY(champ_options_set_bridging_samples(o, 1000000));
        break;
    case O_AUDIENCE:
        TRY(champ_options_set_audience_groups(o, audience, 2));
        break;
    case O_WINDOW_GEN:
        TRY(champ_options_set_window(o, 1768003200, 1769904000));
        break;
    case O_WINDOW_WORK:
        TRY(champ_options_set_window(o, 297880, 749240));
        break;
    case O_TYPES:
        TRY(champ_options_set_type_weight(o, "reaction", 0.5));
        TRY(champ_options_set_type_weight(o, "comment", 2));
        TRY(champ_options_set_type_weight(o, "contact", 0.25));
        TRY(champ_options_set_type_weight(o, "email", 1.5));
        TRY(champ_options_set_type_weight(o, "message", 0)); /* dropped altogether */
        TRY(champ_options_set_type_weight(o, "message", 3)); /* set again: replaced */
        break;
    case O_GROUPS:
        TRY(champ_options_set_champion_groups(o, groups, 3));
        TRY(champ_options_set_min_activity(o, 3));
        TRY(champ_options_set_reciprocity_prior(o, 0.5));
        TRY(champ_options_set_weight(o, CHAMP_ACTIVITY, 0.05));
        TRY(champ_options_set_bridging_samples(o, 48));
        break;
    case O_WEIGHTS:
        TRY(champ_options_set_weight(o, CHAMP_RECIPROCITY, 0.1));
        TRY(champ_options_set_weight(o, CHAMP_REACH, 0.4));
        TRY(champ_options_set_weight(o, CHAMP_BRIDGING, 0.3));
        TRY(champ_options_set_weight(o, CHAMP_INFLUENCE, 0));
        TRY(champ_options_set_reciprocity_prior(o, 0));
        TRY(champ_options_set_bridging_samples(o, 32));
        TRY(champ_options_set_seed(o, 3));
        break;
    case O_ALL:
        TRY(champ_options_set_audience_groups(o, audience, 2));
        TRY(champ_options_set_window(o, 1767744000, NAN));
        TRY(champ_options_set_type_weight(o, "comment", 4));
        TRY(champ_options_set_bridging_samples(o, 100));
        TRY(champ_options_set_seed(o, 12345));
        break;
    case O_BAD_WEIGHT:
        TRY(champ_options_set_weight(o, CHAMP_REACH, -1));
        break;
    case O_BAD_TYPE:
        TRY(champ_options_set_type_weight(o, "reaction", NAN));
        break;
    case O_BAD_PRIOR:
        TRY(champ_options_set_reciprocity_prior(o, INFINITY));
        break;
    case O_BAD_WINDOW:
        TRY(champ_options_set_window(o, 1769904000, 1768003200));
        break;
    case O_ZERO_WEIGHTS:
        for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
            TRY(champ_options_set_weight(o, (champ_criterion)c, 0));
        break;
    case O_TRACK:
        TRY(champ_options_set_scenario(o, CHAMP_SCENARIO_CITIZENS));
        TRY(champ_options_set_period(o, CHAMP_PERIOD_WEEK));
        TRY(champ_options_set_top(o, 5));
        TRY(champ_options_set_bridging_samples(o, 32));
        break;
    case O_CONFIDENCE:
        TRY(champ_options_set_confidence(o, 3));
        TRY(champ_options_set_min_tie_weight(o, 1.5));
        TRY(champ_options_set_top(o, 5));
        TRY(champ_options_allow_small_groups(o, 1));
        TRY(champ_options_set_min_group_size(o, 3));
        TRY(champ_options_set_bridging_samples(o, 32));
        TRY(champ_options_set_seed(o, 5));
        break;
    }
    *out = o;
    return CHAMP_OK;
}

/* ------------------------------------------------------------------ jobs */

typedef struct job {
    int in, opt;
    champ_status expect;
    const char *cancel_at; /* progress jobs: the phase to cancel at; "" = never */
} job;

#define P NULL
static const job jobs[] = {
    {IN_EU, O_DEFAULT, CHAMP_OK, P},
    {IN_EU, O_SAMPLED, CHAMP_OK, P},
    {IN_GEN_JSON, O_DEFAULT, CHAMP_OK, P},
    {IN_BAD_PARSE, O_DEFAULT, CHAMP_ERR_PARSE, P},
    {IN_GEN_JSON, O_WINDOW_GEN, CHAMP_OK, P},
    {IN_GEN_JSONL, O_TYPES, CHAMP_OK, P},
    {IN_KRACK, O_BAD_WEIGHT, CHAMP_ERR_ARGUMENT, P},
    {IN_GEN_JSONL, O_AUDIENCE, CHAMP_OK, P},
    {IN_GEN_HANDLE, O_SAMPLED_OTHER, CHAMP_OK, P},
    {IN_BAD_SCHEMA, O_SAMPLED, CHAMP_ERR_SCHEMA, P},
    {IN_GEN_HANDLE, O_ALL, CHAMP_OK, P},
    {IN_SMALL_BUF, O_DEFAULT, CHAMP_OK, P},
    {IN_MISSING, O_DEFAULT, CHAMP_ERR_IO, P},
    {IN_SMALL_BUF, O_EXACT, CHAMP_OK, P},
    {IN_SMALL_LINES, O_WINDOW_GEN, CHAMP_OK, P},
    {IN_UKF, O_BAD_WINDOW, CHAMP_ERR_ARGUMENT, P},
    {IN_SMALL_LINES, O_TYPES, CHAMP_OK, P},
    {IN_KRACK, O_DEFAULT, CHAMP_OK, P},
    {IN_BAD_UTF8, O_DEFAULT, CHAMP_ERR_PARSE, P},
    {IN_KRACK, O_WEIGHTS, CHAMP_OK, P},
    {IN_LAZEGA, O_AUDIENCE, CHAMP_OK, P},
    {IN_LAZEGA, O_ZERO_WEIGHTS, CHAMP_ERR_ARGUMENT, P},
    {IN_LAZEGA, O_GROUPS, CHAMP_OK, P},
    {IN_UKF, O_SAMPLED, CHAMP_OK, P},
    {IN_BAD_BUF, O_DEFAULT, CHAMP_ERR_SCHEMA, P},
    {IN_UKF, O_WEIGHTS, CHAMP_OK, P},
    {IN_WORK, O_WINDOW_WORK, CHAMP_OK, P},
    {IN_SMALL_BUF, O_BAD_TYPE, CHAMP_ERR_ARGUMENT, P},
    {IN_WORK_LINES, O_TYPES, CHAMP_OK, P},
    {IN_WORK, O_SAMPLED, CHAMP_OK, P},
    {IN_BAD_TIME, O_DEFAULT, CHAMP_ERR_SCHEMA, P},
    {IN_EU_HANDLE, O_DEFAULT, CHAMP_OK, P},
    {IN_EU_HANDLE, O_GROUPS, CHAMP_OK, P},
    {IN_BAD_LINES, O_DEFAULT, CHAMP_ERR_PARSE, P},
    {IN_EU_HANDLE, O_WEIGHTS, CHAMP_OK, P},
    {IN_GEN_HANDLE, O_BAD_PRIOR, CHAMP_ERR_ARGUMENT, P},
    {IN_GEN_HANDLE, O_DEFAULT, CHAMP_OK, P},
    {IN_CSV, O_DEFAULT, CHAMP_OK, P},
    {IN_SLACK_ZIP, O_EXACT, CHAMP_OK, P},
    {IN_BAD_ZIP, O_DEFAULT, CHAMP_ERR_PARSE, P},
    {IN_P2P, O_WEIGHTS, CHAMP_OK, P},
    {IN_SLACK, O_DEFAULT, CHAMP_OK, P},
    {IN_ENGAGE_ZIP, O_GROUPS, CHAMP_OK, P},
    {IN_CSV, O_TYPES, CHAMP_OK, P},
    {IN_SLACK_ZIP, O_DEFAULT, CHAMP_OK, P},
    {IN_GEN_JSON, O_TRACK, CHAMP_OK, P},
    {IN_KRACK, O_TRACK, CHAMP_ERR_SCHEMA, P}, /* no times: nothing to track */
    {IN_GEN_HANDLE, O_TRACK, CHAMP_OK, P},
    {IN_SLACK, O_TRACK, CHAMP_OK, P},
    {IN_LAZEGA, O_CONFIDENCE, CHAMP_OK, P},
    {IN_GEN_HANDLE, O_CONFIDENCE, CHAMP_OK, P},
    {IN_CSV, O_CONFIDENCE, CHAMP_OK, P},
};
#define JOBS (sizeof jobs / sizeof *jobs)

/* The cancelling thread's jobs: from a file (progress of "read" too) and
 * on a shared handle, cancelled at every phase in turn, and not at all. */
static const job progress_jobs[] = {
    {IN_EU, O_SAMPLED, CHAMP_ERR_CANCELLED, "read"},
    {IN_GEN_HANDLE, O_DEFAULT, CHAMP_ERR_CANCELLED, "graph"},
    {IN_EU, O_SAMPLED, CHAMP_ERR_CANCELLED, "ties"},
    {IN_GEN_JSON, O_WINDOW_GEN, CHAMP_ERR_CANCELLED, "influence"},
    {IN_EU, O_SAMPLED, CHAMP_ERR_CANCELLED, "bridging"},
    {IN_GEN_HANDLE, O_ALL, CHAMP_ERR_CANCELLED, "ranking"},
    {IN_EU, O_SAMPLED, CHAMP_OK, ""},
    {IN_GEN_HANDLE, O_SAMPLED_OTHER, CHAMP_OK, ""},
    {IN_WORK, O_WINDOW_WORK, CHAMP_OK, ""},
    {IN_GEN_HANDLE, O_CONFIDENCE, CHAMP_ERR_CANCELLED, "confidence"},
    {IN_GEN_HANDLE, O_CONFIDENCE, CHAMP_OK, ""},
};
#define PROGRESS_JOBS (sizeof progress_jobs / sizeof *progress_jobs)

/* The same input from every thread at once, each step after a barrier;
 * thread t runs the job same_steps[s][t % 2]. */
static const job same_steps[][2] = {
    {{IN_EU, O_SAMPLED, CHAMP_OK, P}, {IN_EU, O_WEIGHTS, CHAMP_OK, P}},
    {{IN_WORK_LINES, O_TYPES, CHAMP_OK, P}, {IN_WORK_LINES, O_TYPES, CHAMP_OK, P}},
    {{IN_SMALL_BUF, O_DEFAULT, CHAMP_OK, P}, {IN_SMALL_BUF, O_EXACT, CHAMP_OK, P}},
    {{IN_GEN_HANDLE, O_DEFAULT, CHAMP_OK, P}, {IN_GEN_HANDLE, O_ALL, CHAMP_OK, P}},
    {{IN_GEN_JSONL, O_AUDIENCE, CHAMP_OK, P}, {IN_GEN_JSONL, O_AUDIENCE, CHAMP_OK, P}},
    {{IN_BAD_SCHEMA, O_DEFAULT, CHAMP_ERR_SCHEMA, P}, {IN_BAD_UTF8, O_DEFAULT, CHAMP_ERR_PARSE, P}},
    {{IN_EU_HANDLE, O_SAMPLED, CHAMP_OK, P}, {IN_EU_HANDLE, O_BAD_WINDOW, CHAMP_ERR_ARGUMENT, P}},
    {{IN_SLACK_ZIP, O_DEFAULT, CHAMP_OK, P}, {IN_CSV, O_DEFAULT, CHAMP_OK, P}},
    {{IN_ENGAGE_ZIP, O_GROUPS, CHAMP_OK, P}, {IN_BAD_ZIP, O_DEFAULT, CHAMP_ERR_PARSE, P}},
    {{IN_GEN_HANDLE, O_TRACK, CHAMP_OK, P}, {IN_GEN_JSONL, O_TRACK, CHAMP_OK, P}},
    {{IN_GEN_HANDLE, O_CONFIDENCE, CHAMP_OK, P}, {IN_LAZEGA, O_CONFIDENCE, CHAMP_OK, P}},
};
#define SAME_STEPS (sizeof same_steps / sizeof *same_steps)
#undef P

/* --------------------------------------------------------------- results */

typedef struct result {
    champ_status status;
    char message[1100];
    char phases[200];  /* progress jobs: the phases seen, in order, once each */
    char *bytes;       /* JSON, CSV and every column, back to back */
    size_t len;
    size_t json_len;
} result;

typedef struct progress_state {
    const char *cancel_at;
    char *phases;
    size_t cap;
    const char *last;
    double last_done;
    int bad_done;
} progress_state;

static atomic_long cancelled_mid_bridging; /* with the bridging workers still running */

static int on_progress(void *user, const char *phase, double done)
{
    progress_state *p = user;
    int cancel = p->cancel_at && strcmp(phase, p->cancel_at) == 0;
    if (cancel && strcmp(phase, "bridging") == 0 && done < 1)
        atomic_fetch_add(&cancelled_mid_bridging, 1);
    if (!(done >= 0 && done <= 1))
        p->bad_done++;
    if (!p->last || strcmp(p->last, phase) != 0) {
        size_t n = strlen(p->phases);
        snprintf(p->phases + n, p->cap - n, "%s%s", n ? "," : "", phase);
        p->last = phase;
    } else if (done < p->last_done) {
        p->bad_done++; /* a phase goes forward only */
    }
    p->last_done = done;
    return cancel;
}

static void put(FILE *f, const void *data, size_t size)
{
    if (size)
        fwrite(data, 1, size, f);
}

/* Everything a ranking says, as bytes. */
static void capture(const champ_ranking *r, result *res)
{
    FILE *f = open_memstream(&res->bytes, &res->len);
    if (!f) {
        fail("open_memstream");
        return;
    }
    if (champ_ranking_write(r, CHAMP_FORMAT_JSON, 0, f) != CHAMP_OK)
        fail("JSON: %s", champ_last_error());
    fflush(f);
    res->json_len = res->len;
    if (champ_ranking_write(r, CHAMP_FORMAT_CSV, 0, f) != CHAMP_OK)
        fail("CSV: %s", champ_last_error());
    size_t n = champ_ranking_count(r), cells = n ? n : 1;
    size_t *ranks = malloc(cells * sizeof *ranks);
    double *col = malloc(cells * sizeof *col);
    if (!ranks || !col)
        exit(EXIT_FAILURE);
    int bad = champ_ranking_ranks(r, ranks) != CHAMP_OK;
    put(f, &n, sizeof n);
    put(f, ranks, n * sizeof *ranks);
    bad |= champ_ranking_scores(r, col) != CHAMP_OK;
    put(f, col, n * sizeof *col);
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++) {
        bad |= champ_ranking_values(r, (champ_criterion)c, col) != CHAMP_OK;
        put(f, col, n * sizeof *col);
        bad |= champ_ranking_percentiles(r, (champ_criterion)c, col) != CHAMP_OK;
        put(f, col, n * sizeof *col);
        double w = champ_ranking_weight(r, (champ_criterion)c);
        put(f, &w, sizeof w);
    }
    for (int d = 0; d < CHAMP_DIAGNOSTIC_COUNT; d++) {
        bad |= champ_ranking_diagnostics(r, (champ_diagnostic)d, col) != CHAMP_OK;
        put(f, col, n * sizeof *col);
    }
    for (int t = 0; t <= CHAMP_TEXT_GROUP; t++) {
        size_t needed = 0;
        bad |= champ_ranking_texts(r, (champ_text)t, NULL, 0, &needed) != CHAMP_OK;
        char *buf = malloc(needed ? needed : 1);
        if (!buf)
            exit(EXIT_FAILURE);
        bad |= champ_ranking_texts(r, (champ_text)t, buf, needed, NULL) != CHAMP_OK;
        put(f, buf, needed);
        free(buf);
    }
    for (int s = 0; s < CHAMP_SUMMARY_ITEM_COUNT; s++) {
        double v = champ_ranking_summary(r, (champ_summary_item)s);
        put(f, &v, sizeof v);
    }
    int exact = champ_ranking_bridging_exact(r);
    size_t sources = champ_ranking_bridging_sources(r);
    put(f, &exact, sizeof exact);
    put(f, &sources, sizeof sources);
    /* trust: confidence, flags and shadows, explanations, the team table */
    size_t *low = malloc(cells * sizeof *low), *high = malloc(cells * sizeof *high);
    size_t *tier = malloc(cells * sizeof *tier), resamples = champ_ranking_resamples(r);
    unsigned *flags = malloc(cells * sizeof *flags);
    if (!low || !high || !tier || !flags)
        exit(EXIT_FAILURE);
    bad |= champ_ranking_intervals(r, low, high, col, tier) != CHAMP_OK;
    put(f, &resamples, sizeof resamples);
    put(f, low, n * sizeof *low);
    put(f, high, n * sizeof *high);
    put(f, col, n * sizeof *col);
    put(f, tier, n * sizeof *tier);
    bad |= champ_ranking_flag_sets(r, flags) != CHAMP_OK;
    put(f, flags, n * sizeof *flags);
    for (size_t i = 0; i < n; i++) {
        double similarity = 0;
        const char *like = champ_ranking_shadow_of(r, i, &similarity);
        if (like) {
            put(f, like, strlen(like) + 1);
            put(f, &similarity, sizeof similarity);
        }
    }
    size_t needed = 0;
    bad |= champ_ranking_explanations(r, CHAMP_LANGUAGE_EN, NULL, 0, &needed) != CHAMP_OK;
    char *text = malloc(needed ? needed : 1);
    if (!text)
        exit(EXIT_FAILURE);
    bad |= champ_ranking_explanations(r, CHAMP_LANGUAGE_EN, text, needed, NULL) != CHAMP_OK;
    put(f, text, needed);
    free(text);
    size_t rows = champ_ranking_team_count(r);
    double *figures = malloc((rows ? rows : 1) * sizeof *figures);
    if (!figures)
        exit(EXIT_FAILURE);
    for (size_t k = 0; k < rows; k++)
        put(f, champ_ranking_team_name(r, k), strlen(champ_ranking_team_name(r, k)) + 1);
    for (int item = 0; item < CHAMP_TEAM_ITEM_COUNT; item++) {
        bad |= champ_ranking_team_table(r, 0, (champ_team_item)item, figures) != CHAMP_OK;
        put(f, figures, rows * sizeof *figures);
    }
    if (champ_ranking_write_teams(r, CHAMP_FORMAT_JSON, 0, f) != CHAMP_OK)
        fail("team table JSON: %s", champ_last_error());
    free(figures);
    free(low);
    free(high);
    free(tier);
    free(flags);
    if (bad)
        fail("a column getter failed: %s", champ_last_error());
    free(ranks);
    free(col);
    if (fclose(f) != 0)
        fail("memstream");
}

/* A CSV with the columns of tests/data/import/csv and its people table,
 * through read options of the calling thread's own. */
static champ_status read_mapped(const input *in, champ_network **out)
{
    static const char *const map[][2] = {{"from", "Sender"}, {"to", "Recipient"},
                                         {"time", "SentAt"}, {"type", "Channel"},
                                         {"weight", "Weight"}};
    champ_read_options *ro = NULL;
    champ_status st = champ_read_options_new(&ro);
    for (size_t i = 0; !st && i < sizeof map / sizeof *map; i++)
        st = champ_read_options_set_column(ro, map[i][0], map[i][1]);
    if (!st)
        st = champ_read_options_set_people(ro, in->people);
    if (!st)
        st = champ_network_read(in->path, ro, out);
    champ_read_options_free(ro);
    return st;
}

/* A tracking's JSON (with a goal: its status) and CSV, as a result's bytes. */
static void capture_tracking(const champ_tracking *t, result *res)
{
    static const char goal_text[] = "{\"name\": \"g\", \"kpi\": \"audience_reached\", "
                                    "\"target\": 50, \"deadline\": \"2026-12-31\"}";
    champ_goal *goal = NULL;
    if (champ_goal_read_memory(goal_text, sizeof goal_text - 1, "goal", &goal) != CHAMP_OK)
        fail("goal: %s", champ_last_error());
    FILE *f = open_memstream(&res->bytes, &res->len);
    if (!f) {
        fail("open_memstream");
        champ_goal_free(goal);
        return;
    }
    if (champ_tracking_write(t, goal, CHAMP_FORMAT_JSON, f) != CHAMP_OK)
        fail("tracking JSON: %s", champ_last_error());
    fflush(f);
    res->json_len = res->len;
    if (champ_tracking_write(t, NULL, CHAMP_FORMAT_CSV, f) != CHAMP_OK)
        fail("tracking CSV: %s", champ_last_error());
    fclose(f);
    champ_goal_free(goal);
}

/* One job, start to end, on the calling thread. */
static void run(const job *j, result *res)
{
    memset(res, 0, sizeof *res);
    const input *in = &inputs[j->in];
    progress_state prog = {j->cancel_at && j->cancel_at[0] ? j->cancel_at : NULL, res->phases,
                           sizeof res->phases, NULL, 0, 0};
    champ_options *o = NULL;
    champ_network *own = NULL;
    const champ_network *net = NULL;
    champ_ranking *r = NULL;
    champ_status st = make_options(j->opt, &o);
    if (!st && j->cancel_at)
        st = champ_options_set_progress(o, on_progress, &prog);
    if (!st) {
        switch (in->kind) {
        case FROM_FILE:
            st = j->cancel_at ? champ_network_read_file_progress(in->path, on_progress, &prog, &own)
                              : champ_network_read_file(in->path, &own);
            break;
        case FROM_JSON_BUFFER:
            st = champ_network_read_json(in->data, in->len, &own);
            break;
        case FROM_JSONL_BUFFER:
            st = champ_network_read_jsonl(in->data, in->len, &own);
            break;
        case FROM_HANDLE:
            break;
        case FROM_MEMORY:
            st = champ_network_read_memory(in->data, in->len, in->name, NULL, &own);
            break;
        case FROM_MAPPED_CSV:
            st = read_mapped(in, &own);
            break;
        }
        net = in->kind == FROM_HANDLE ? in->net : own;
        if (st && own)
            fail("%s: a network came back with status %d", in->name, st);
    }
    champ_tracking *t = NULL;
    if (!st && j->opt == O_TRACK) {
        st = champ_track(net, o, &t);
        if (st && t)
            fail("%s: a tracking came back with status %d", in->name, st);
    } else if (!st) {
        st = champ_rank(net, o, &r);
        if (st && r)
            fail("%s: a ranking came back with status %d", in->name, st);
    }
    res->status = st;
    if (st)
        snprintf(res->message, sizeof res->message, "%s", champ_last_error());
    else if (t)
        capture_tracking(t, res);
    else
        capture(r, res);
    champ_tracking_free(t);
    if (prog.bad_done)
        fail("%s: progress reported %d bad fractions", in->name, prog.bad_done);
    champ_ranking_free(r);
    champ_network_free(own);
    champ_options_free(o);
}

static void result_free(result *res)
{
    free(res->bytes);
    res->bytes = NULL;
}

/* Bit for bit, or say where they part. */
static void compare(const char *where, const job *j, const result *got, const result *want)
{
    atomic_fetch_add(&comparisons, 1);
    const char *what = inputs[j->in].name, *opt = option_names[j->opt];
    if (got->status != want->status) {
        fail("%s: %s with %s: status %s, serially %s (%s)", where, what, opt,
             champ_status_name(got->status), champ_status_name(want->status), got->message);
        return;
    }
    if (strcmp(got->message, want->message) != 0)
        fail("%s: %s with %s: message \"%s\", serially \"%s\"", where, what, opt, got->message,
             want->message);
    if (strcmp(got->phases, want->phases) != 0)
        fail("%s: %s with %s: phases %s, serially %s", where, what, opt, got->phases,
             want->phases);
    if (got->len != want->len || (got->len && memcmp(got->bytes, want->bytes, got->len) != 0)) {
        size_t at = 0;
        while (at < got->len && at < want->len && got->bytes[at] == want->bytes[at])
            at++;
        fail("%s: %s with %s: output differs from the serial one at byte %zu of %zu (%s)", where,
             what, opt, at, want->len, at < want->json_len ? "JSON" : "CSV or a column");
    }
}

/* The message left on this thread must be its own last failure's. */
static void check_message(const char *where, const char *expected)
{
    if (strcmp(champ_last_error(), expected) != 0)
        fail("%s: champ_last_error() is \"%s\", this thread's last failure said \"%s\"", where,
             champ_last_error(), expected);
}

/* ---------------------------------------------------------------- phases */

static result serial[JOBS], serial_progress[PROGRESS_JOBS], serial_same[SAME_STEPS][2];
static int rounds = 2;
static pthread_barrier_t barrier;
static atomic_int distinct_done; /* ranking threads finished: the canceller stops after */

typedef struct worker {
    int t;
    long runs;
    char last_error[1100];
} worker;

static void run_and_compare(worker *w, const char *phase, const job *j, const result *want)
{
    char where[64];
    snprintf(where, sizeof where, "%s, thread %d", phase, w->t);
    result got;
    run(j, &got);
    compare(where, j, &got, want);
    if (got.status)
        snprintf(w->last_error, sizeof w->last_error, "%s", got.message);
    else
        check_message(where, w->last_error);
    result_free(&got);
    w->runs++;
}

static void *distinct_worker(void *arg)
{
    worker *w = arg;
    if (w->t == THREADS - 1) {
        /* the cancelling thread: whole cycles while the others rank */
        do
            for (size_t k = 0; k < PROGRESS_JOBS; k++)
                run_and_compare(w, "distinct (progress)", &progress_jobs[k], &serial_progress[k]);
        while (atomic_load(&distinct_done) < THREADS - 1);
        return NULL;
    }
    for (int round = 0; round < rounds; round++) {
        /* rotated: thread t starts at a different place of the list */
        size_t start = (size_t)w->t * JOBS / (THREADS - 1);
        for (size_t i = 0; i < JOBS; i++) {
            size_t k = (start + i) % JOBS;
            if ((k + (size_t)w->t + (size_t)round) % SPREAD == 0)
                run_and_compare(w, "distinct", &jobs[k], &serial[k]);
        }
    }
    atomic_fetch_add(&distinct_done, 1);
    return NULL;
}

/* One ranking handle read by every thread at once: its bytes, positions
 * found by id, and an unknown id's message left on this thread only. */
static champ_ranking *shared_ranking;
static result shared_ranking_bytes;

static void read_shared_ranking(worker *w)
{
    static const job what = {IN_EU_HANDLE, O_SAMPLED, CHAMP_OK, NULL};
    result got = {0};
    capture(shared_ranking, &got);
    compare("same (one ranking)", &what, &got, &shared_ranking_bytes);
    result_free(&got);
    for (size_t i = (size_t)w->t; i < champ_ranking_count(shared_ranking); i += 37) {
        size_t at = SIZE_MAX;
        if (champ_ranking_find(shared_ranking, champ_ranking_id(shared_ranking, i), &at) !=
                CHAMP_OK || at != i)
            fail("same (one ranking), thread %d: %s found at %zu, not %zu", w->t,
                 champ_ranking_id(shared_ranking, i), at, i);
    }
    char nobody[64];
    size_t at;
    snprintf(nobody, sizeof nobody, "nobody-of-thread-%d", w->t);
    if (champ_ranking_find(shared_ranking, nobody, &at) != CHAMP_ERR_NOT_FOUND)
        fail("same (one ranking), thread %d: %s was found", w->t, nobody);
    snprintf(w->last_error, sizeof w->last_error, "no person with id \"%s\"", nobody);
    check_message("same (one ranking)", w->last_error);
    w->runs++;
}

static void *same_worker(void *arg)
{
    worker *w = arg;
    for (int round = 0; round < rounds; round++) {
        for (size_t s = 0; s < SAME_STEPS; s++) {
            pthread_barrier_wait(&barrier);
            run_and_compare(w, "same", &same_steps[s][w->t % 2], &serial_same[s][w->t % 2]);
        }
        pthread_barrier_wait(&barrier);
        read_shared_ranking(w);
    }
    return NULL;
}

static long run_threads(void *(*fn)(void *), worker *workers)
{
    pthread_t threads[THREADS];
    long runs = 0;
    for (int t = 0; t < THREADS; t++) {
        memset(&workers[t], 0, sizeof workers[t]);
        workers[t].t = t;
        if (pthread_create(&threads[t], NULL, fn, &workers[t]) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            exit(EXIT_FAILURE);
        }
    }
    for (int t = 0; t < THREADS; t++) {
        pthread_join(threads[t], NULL);
        runs += workers[t].runs;
    }
    return runs;
}

/* The serial references, with the checks that need no threads: expected
 * statuses, and the same network in its forms (file, JSON Lines, handle)
 * giving the same bytes. */
static void run_serial(void)
{
    char last_error[1100] = "";
    for (size_t k = 0; k < JOBS; k++) {
        double t0 = now();
        run(&jobs[k], &serial[k]);
        if (getenv("CHAMP_STRESS_VERBOSE"))
            printf("serial %5.3f s  %s with %s\n", now() - t0, inputs[jobs[k].in].name,
                   option_names[jobs[k].opt]);
        if (serial[k].status != jobs[k].expect)
            fail("serial: %s with %s: %s, expected %s (%s)", inputs[jobs[k].in].name,
                 option_names[jobs[k].opt], champ_status_name(serial[k].status),
                 champ_status_name(jobs[k].expect), serial[k].message);
        if (serial[k].status)
            snprintf(last_error, sizeof last_error, "%s", serial[k].message);
        else
            check_message("serial", last_error);
    }
    for (size_t k = 0; k < PROGRESS_JOBS; k++) {
        const job *j = &progress_jobs[k];
        run(j, &serial_progress[k]);
        if (serial_progress[k].status != j->expect)
            fail("serial: %s cancelled at %s: %s, expected %s (%s)", inputs[j->in].name,
                 j->cancel_at, champ_status_name(serial_progress[k].status),
                 champ_status_name(j->expect), serial_progress[k].message);
        /* a run that goes to the end gives the bytes of a run without progress */
        for (size_t m = 0; m < JOBS && !j->cancel_at[0]; m++)
            if (jobs[m].in == j->in && jobs[m].opt == j->opt) {
                result plain = serial[m];
                memcpy(plain.phases, serial_progress[k].phases, sizeof plain.phases);
                compare("serial, progress against none", j, &serial_progress[k], &plain);
            }
    }
    for (size_t s = 0; s < SAME_STEPS; s++)
        for (int i = 0; i < 2; i++) {
            const job *j = &same_steps[s][i];
            size_t m = 0;
            while (m < JOBS && !(jobs[m].in == j->in && jobs[m].opt == j->opt))
                m++;
            if (m < JOBS) { /* a copy of that job's reference */
                serial_same[s][i] = serial[m];
                if (serial[m].len && !(serial_same[s][i].bytes = malloc(serial[m].len)))
                    exit(EXIT_FAILURE);
                if (serial[m].len)
                    memcpy(serial_same[s][i].bytes, serial[m].bytes, serial[m].len);
            } else {
                run(j, &serial_same[s][i]);
            }
            if (serial_same[s][i].status != j->expect)
                fail("serial: same step %zu: %s", s, champ_status_name(serial_same[s][i].status));
        }
    /* one network, three ways in */
    static const int same_network[][2] = {{IN_GEN_JSON, IN_GEN_HANDLE},
                                          {IN_GEN_JSON, IN_GEN_JSONL},
                                          {IN_SMALL_BUF, IN_SMALL_LINES},
                                          {IN_EU, IN_EU_HANDLE}};
    for (size_t p = 0; p < sizeof same_network / sizeof *same_network; p++)
        for (size_t a = 0; a < JOBS; a++)
            for (size_t b = 0; b < JOBS; b++)
                if (jobs[a].in == same_network[p][0] && jobs[b].in == same_network[p][1] &&
                    jobs[a].opt == jobs[b].opt)
                    compare("serial, one network read two ways", &jobs[b], &serial[b], &serial[a]);
}

int main(int argc, char **argv)
{
    int arg = 1;
    if (arg + 1 < argc && strcmp(argv[arg], "--rounds") == 0) {
        rounds = atoi(argv[arg + 1]);
        arg += 2;
    }
    const char *env = getenv("CHAMP_STRESS_ROUNDS"); /* overrides --rounds */
    if (env)
        rounds = atoi(env);
    if (argc - arg != 8 || rounds < 1) {
        fprintf(stderr, "usage: %s [--rounds N] BUNDLED_EXPORT KRACKHARDT LAZEGA UKF WORK "
                "WORK_LINES IMPORT_FIXTURES BAD_CORPUS\n", argv[0]);
        return 2;
    }
    make_inputs(argv[arg], argv + arg + 1, argv[arg + 6], argv[arg + 7]);

    double t0 = now();
    run_serial();
    double t1 = now();
    worker workers[THREADS];
    long distinct_runs = run_threads(distinct_worker, workers);
    double t2 = now();
    champ_options *sampled = NULL;
    if (make_options(O_SAMPLED, &sampled) ||
        champ_rank(inputs[IN_EU_HANDLE].net, sampled, &shared_ranking)) {
        fprintf(stderr, "%s\n", champ_last_error());
        return EXIT_FAILURE;
    }
    champ_options_free(sampled);
    capture(shared_ranking, &shared_ranking_bytes);
    pthread_barrier_init(&barrier, NULL, THREADS);
    long same_runs = run_threads(same_worker, workers);
    pthread_barrier_destroy(&barrier);
    double t3 = now();

    size_t errors = 0;
    for (size_t k = 0; k < JOBS; k++)
        errors += jobs[k].expect != CHAMP_OK;
    printf("%d threads, %d rounds; %zu jobs (%zu of them errors) on %d inputs, %zu progress jobs\n",
           THREADS, rounds, JOBS, errors, IN_COUNT, PROGRESS_JOBS);
    printf("serial %.2f s; distinct: %ld runs in %.2f s; same: %ld runs in %.2f s; "
           "%ld comparisons, %ld cancelled with bridging workers running, %d failures\n",
           t1 - t0, distinct_runs, t2 - t1, same_runs, t3 - t2, atomic_load(&comparisons),
           atomic_load(&cancelled_mid_bridging), atomic_load(&failures));

    for (size_t k = 0; k < JOBS; k++)
        result_free(&serial[k]);
    for (size_t k = 0; k < PROGRESS_JOBS; k++)
        result_free(&serial_progress[k]);
    for (size_t s = 0; s < SAME_STEPS; s++)
        for (int i = 0; i < 2; i++)
            result_free(&serial_same[s][i]);
    result_free(&shared_ranking_bytes);
    champ_ranking_free(shared_ranking);
    free_inputs();
    return atomic_load(&failures) ? EXIT_FAILURE : EXIT_SUCCESS;
}
