/*
 * champions — find an organisation's social business champions in an
 * anonymized interaction graph.
 *
 * This header is the reference for the C API. Everything here is stable
 * within SONAME libchampions.so.0: functions are only ever added, never
 * changed or removed, and status codes keep their values.
 *
 * Conventions (read once, they hold for every function):
 *
 *  - Every fallible call returns a champ_status; CHAMP_OK (0) is success.
 *    On failure, champ_last_error() describes what went wrong, on the
 *    calling thread, until that thread's next failing call. Decide on the
 *    code, show the message.
 *  - Parameter order: the object a call works on comes first, its
 *    out-parameter last (as in SQLite's sqlite3_open(name, &db)):
 *    champ_network_read_file(path, &net), champ_rank(net, options, &out).
 *    An array goes as (pointer, count); parallel arrays that share one
 *    count take the count first (champ_network_add_people(net, n, ids,
 *    teams, groups)). The one exception is older than this rule:
 *    champ_parse_time() and champ_parse_times() write their result
 *    through their first argument, as the C library's conversions do.
 *  - A handle returned through `**out` belongs to the caller and is
 *    released with the matching champ_*_free(); on failure `*out` is set
 *    to NULL and nothing needs freeing. Every free function accepts NULL.
 *  - A `const char *` returned by value is borrowed: from the handle it was
 *    read from, valid until that handle is freed, or static (names).
 *  - The library never prints, exits or aborts, whatever the input.
 *  - Threads: calls on distinct handles are safe from several threads at
 *    once. A handle may be read (ranked, queried) from several threads at
 *    once as long as no thread modifies or frees it at the same time. A
 *    read of a large JSON export and a ranking of a large network use
 *    worker threads of the library's own, joined before the call returns;
 *    the results never depend on them.
 *
 * The metrics, the export formats and the output are described for users
 * in the source distribution's docs/ (metrics.md, format.md, cli.md); this
 * header says what each call does and promises.
 *
 * Since: every declaration below arrived in 0.1.0 unless it says otherwise.
 *
 * Copyright the champions authors. SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef CHAMPIONS_H
#define CHAMPIONS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <champions/version.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(CHAMP_BUILDING_LIBRARY) && defined(__GNUC__)
#define CHAMP_EXTERN __attribute__((visibility("default")))
#else
#define CHAMP_EXTERN
#endif

/* ------------------------------------------------------------------------
 * Status codes. The values are fixed forever; new codes get new values.
 * ------------------------------------------------------------------------ */
typedef enum champ_status {
    CHAMP_OK = 0,            /* success */
    CHAMP_ERR_ARGUMENT = 1,  /* a NULL handle, an index or option out of range */
    CHAMP_ERR_NOMEM = 2,     /* out of memory; nothing was changed */
    CHAMP_ERR_IO = 3,        /* a file could not be opened or read */
    CHAMP_ERR_PARSE = 4,     /* malformed JSON or invalid UTF-8 (names line and column) */
    CHAMP_ERR_SCHEMA = 5,    /* well-formed JSON with a wrong value (names the JSON path) */
    CHAMP_ERR_INTERNAL = 6,  /* a failure inside a dependency (igraph); a bug, please report */
    CHAMP_ERR_CANCELLED = 7, /* a progress callback asked to stop; nothing was changed */
    CHAMP_ERR_NOT_FOUND = 8  /* what was looked up is not there (Since: 0.2.0) */
} champ_status;

/* The five champion criteria: reciprocity (helps others and is helped
 * back), reach (goes beyond their own team, or reaches an audience),
 * bridging (betweenness in the tie graph), influence (PageRank) and
 * activity (weighted interactions sent). Values fixed; used as array
 * indexes; champ_criterion_name() gives "reciprocity" and so on. */
typedef enum champ_criterion {
    CHAMP_RECIPROCITY = 0,
    CHAMP_REACH = 1,
    CHAMP_BRIDGING = 2,
    CHAMP_INFLUENCE = 3,
    CHAMP_ACTIVITY = 4
} champ_criterion;
#define CHAMP_CRITERION_COUNT 5

/* Per-person diagnostics that explain the criteria but are not scored;
 * champ_diagnostic_name() gives "received" and so on. */
typedef enum champ_diagnostic {
    CHAMP_RECEIVED = 0,     /* weighted interactions received */
    CHAMP_TIES = 1,         /* distinct people interacted with, either direction */
    CHAMP_MUTUAL = 2,       /* ties in both directions */
    CHAMP_CROSS_SHARE = 3   /* share of tie volume to other known teams; NAN for null */
} champ_diagnostic;
#define CHAMP_DIAGNOSTIC_COUNT 4

/* Network summary items; champ_summary_item_name() gives "people" and so
 * on, the keys of the JSON output's "summary". */
typedef enum champ_summary_item {
    CHAMP_SUMMARY_PEOPLE = 0,
    CHAMP_SUMMARY_LISTED = 1,
    CHAMP_SUMMARY_ELIGIBLE = 2,
    CHAMP_SUMMARY_INTERACTIONS = 3,   /* kept: not self, inside the window */
    CHAMP_SUMMARY_DROPPED_SELF = 4,
    CHAMP_SUMMARY_DROPPED_WINDOW = 5,
    CHAMP_SUMMARY_TIES = 6,           /* unordered pairs with a tie */
    CHAMP_SUMMARY_MUTUAL_TIES = 7,    /* unordered pairs with both directions */
    CHAMP_SUMMARY_RECIPROCITY = 8,    /* R: mutual ties / ties over the network */
    CHAMP_SUMMARY_TEAMS = 9,          /* distinct known teams */
    CHAMP_SUMMARY_CROSS_TEAM_SHARE = 10, /* NAN for null */
    CHAMP_SUMMARY_DROPPED_ZERO = 11   /* rows of weight 0 a Viva Insights person-to-person
                                       * query had (skipped, no interaction); NAN for
                                       * every other form, whose output then has no
                                       * such key (Since: 0.2.0) */
} champ_summary_item;
#define CHAMP_SUMMARY_ITEM_COUNT 12

/* Output formats of champ_ranking_write(); champ_format_name() gives
 * "json", "csv", "gexf" and "graphml". */
typedef enum champ_format {
    CHAMP_FORMAT_JSON = 0,    /* {"version", "summary", "people"}: one line, newline-terminated */
    CHAMP_FORMAT_CSV = 1,     /* RFC 4180, header row, one row per person */
    CHAMP_FORMAT_GEXF = 2,    /* the tie graph for Gephi (GEXF 1.2): people with their
                                 fields, ties weighted w(u,v) (Since: 0.2.0) */
    CHAMP_FORMAT_GRAPHML = 3  /* the same as GraphML, for networkx and igraph (Since: 0.2.0) */
} champ_format;
#define CHAMP_FORMAT_COUNT 4 /* Since: 0.2.0 */

/* Forms of input (Since: 0.2.0); champ_input_name() gives "detect",
 * "json", "jsonl", "csv", "viva-p2p", "slack" and "viva-engage". Every form
 * builds the network its equivalent JSON export would; importers keep ids
 * only, never names, e-mail addresses or message text. */
typedef enum champ_input {
    CHAMP_INPUT_DETECT = 0,     /* decided by the content (see champ_read_options_set_input) */
    CHAMP_INPUT_JSON = 1,       /* one JSON document {"people": [...], "interactions": [...]} */
    CHAMP_INPUT_JSONL = 2,      /* JSON Lines: one person or interaction object per line */
    CHAMP_INPUT_CSV = 3,        /* CSV (RFC 4180) of interactions: from, to[, time, type, weight] */
    CHAMP_INPUT_VIVA_P2P = 4,   /* a Viva Insights person-to-person query (CSV) */
    CHAMP_INPUT_SLACK = 5,      /* a Slack workspace export: a folder or a .zip */
    CHAMP_INPUT_VIVA_ENGAGE = 6 /* a Viva Engage (Yammer) network data export: a folder or a .zip */
} champ_input;
#define CHAMP_INPUT_COUNT 7

/* What a ranking's warnings are about (Since: 0.2.0): each says, in a
 * sentence, why the data or the options may not support the ranking as
 * the caller meant it. champ_warning_name() gives "unread_members" and so
 * on. */
typedef enum champ_warning {
    CHAMP_WARN_UNREAD_MEMBERS = 0,     /* the document has top-level members that are not read */
    CHAMP_WARN_NO_TEAMS = 1,           /* no one has a team: reach across teams is 0 for all */
    CHAMP_WARN_NO_AUDIENCE = 2,        /* an audience group has no one in it */
    CHAMP_WARN_NO_CHAMPION_GROUP = 3,  /* a champion group has no listed person in it */
    CHAMP_WARN_UNUSED_TYPE_WEIGHT = 4, /* a type weight names a type no interaction has */
    CHAMP_WARN_EMPTY_WINDOW = 5,       /* the window kept no interaction (and why) */
    CHAMP_WARN_UNTIMED = 6,            /* a window left out most interactions: no time */
    CHAMP_WARN_NO_ELIGIBLE = 7,        /* no one can be a champion (and why) */
    CHAMP_WARN_ONE_DIRECTION = 8,      /* R < 0.05: the export may hold one direction only */
    CHAMP_WARN_FEW_ELIGIBLE = 9,       /* fewer than 30 eligible: percentiles move a lot */
    CHAMP_WARN_UNSTABLE_TOP = 10,      /* with confidence: fewer than half of the top N are
                                        * in the top N of 90% of the resamples */
    CHAMP_WARN_NO_TIE_DEPTH = 11       /* 30 or more eligible, and no tie weighs more than one
                                        * interaction each way: a single exchange counts as
                                        * a working relationship */
} champ_warning;
#define CHAMP_WARNING_COUNT 12

/* Guards (Since: 0.2.0): patterns that lift a person in the ranking
 * without their being a champion. Each person's flags say which they
 * show; champ_flag_name() gives "broadcaster" and so on,
 * champ_flag_description() the rule in a sentence, with its threshold. */
typedef enum champ_flag {
    CHAMP_FLAG_BROADCASTER = 0,  /* sends far more than they receive */
    CHAMP_FLAG_ONE_PARTNER = 1,  /* most of their tie volume is with one person */
    CHAMP_FLAG_SHADOW = 2,       /* their ties are nearly those of a higher-ranked person
                                  * (a reply-all copy) */
    CHAMP_FLAG_CLOSED_GROUP = 3, /* they sit in a small group with no tie out of it */
    CHAMP_FLAG_NEW = 4           /* their first interaction is in the last tenth of the window */
} champ_flag;
#define CHAMP_FLAG_COUNT 5

/* The languages of the library's sentences and reports (Since: 0.2.0);
 * champ_language_name() gives "en" and "nl". */
typedef enum champ_language {
    CHAMP_LANGUAGE_EN = 0,
    CHAMP_LANGUAGE_NL = 1  /* Dutch (Since: 0.2.0) */
} champ_language;
#define CHAMP_LANGUAGE_COUNT 2

/* The figures of a row of the team table (Since: 0.2.0);
 * champ_team_item_name() gives "listed" and so on. */
typedef enum champ_team_item {
    CHAMP_TEAM_LISTED = 0,    /* listed people */
    CHAMP_TEAM_ELIGIBLE = 1,  /* eligible people */
    CHAMP_TEAM_CHAMPIONS = 2, /* eligible people ranked within the top asked for */
    CHAMP_TEAM_TEAMS = 3      /* named teams in the row: 1, 0 for "(no team)", or how
                                 many the pool holds (its people without a team not
                                 counted) */
} champ_team_item;
#define CHAMP_TEAM_ITEM_COUNT 4

/* The method's four start scenarios (Since: 0.2.0): whose ties count as
 * reach. champ_scenario_name() gives "colleagues", "recruitment",
 * "citizens" and "visitors"; champ_scenario_description() a sentence. A
 * scenario is a preset of the options: see champ_options_set_scenario(). */
typedef enum champ_scenario {
    CHAMP_SCENARIO_COLLEAGUES = 0,  /* colleagues and partners: reach counts other teams */
    CHAMP_SCENARIO_RECRUITMENT = 1, /* potential colleagues: audience group "candidate" */
    CHAMP_SCENARIO_CITIZENS = 2,    /* citizens: audience group "citizen" */
    CHAMP_SCENARIO_VISITORS = 3     /* prospective residents, businesses and visitors:
                                     * audience group "visitor" */
} champ_scenario;
#define CHAMP_SCENARIO_COUNT 4

/* Calendar periods of a tracking, in UTC; a week starts on Monday
 * (Since: 0.2.0). champ_period_name() gives "week", "month", "quarter". */
typedef enum champ_period {
    CHAMP_PERIOD_WEEK = 0,
    CHAMP_PERIOD_MONTH = 1,
    CHAMP_PERIOD_QUARTER = 2
} champ_period;
#define CHAMP_PERIOD_COUNT 3

/* How sampled bridging estimates betweenness from k sources (Since:
 * 0.2.0; champ_options_set_bridging_estimate()); champ_estimate_name()
 * gives "pivots" and "linear". Exact bridging (every person a source) is
 * the same under both. */
typedef enum champ_estimate {
    CHAMP_ESTIMATE_PIVOTS = 0, /* (n/k) times the sum over the sources of their
                                * dependencies, halved (Brandes' pivots): the default */
    CHAMP_ESTIMATE_LINEAR = 1  /* linear scaling: a source's dependency on a pair's path
                                * counts d(s,v)/d(s,t) (Geisberger, Sanders, Schultes) */
} champ_estimate;
#define CHAMP_ESTIMATE_COUNT 2

/* The KPIs of a period that are numbers (Since: 0.2.0); champ_kpi_name()
 * gives the keys of the tracking's JSON "kpis": "active_people" and so
 * on. The champions themselves, the KPI "champions", are a list: see
 * champ_tracking_champion(). */
typedef enum champ_kpi {
    CHAMP_KPI_ACTIVE_PEOPLE = 0,        /* people with at least one kept interaction */
    CHAMP_KPI_CHAMPION_RECIPROCITY = 1, /* the champions' mean reciprocity; NAN with none */
    CHAMP_KPI_CHAMPION_REACH = 2,       /* known teams among everyone tied to a champion,
                                         * the champions' own teams left out */
    CHAMP_KPI_AUDIENCE_REACHED = 3,     /* people of the audience groups tied to a champion;
                                         * 0 without audience groups */
    CHAMP_KPI_RETAINED = 4              /* the share of the previous period's champions that
                                         * are champions again; NAN for the first period and
                                         * after one without champions */
} champ_kpi;
#define CHAMP_KPI_COUNT 5

typedef struct champ_network champ_network;
typedef struct champ_options champ_options;
typedef struct champ_ranking champ_ranking;
typedef struct champ_tracking champ_tracking; /* Since: 0.2.0 */
typedef struct champ_goal champ_goal;         /* Since: 0.2.0 */

/* ------------------------------------------------------------------------
 * Library
 * ------------------------------------------------------------------------ */

/* The run-time version, "MAJOR.MINOR.PATCH"; compare with CHAMP_VERSION_STRING. */
CHAMP_EXTERN const char *champ_version(void);

/* A static name for a status, "CHAMP_ERR_PARSE"; "CHAMP_ERR_UNKNOWN" for other values. */
CHAMP_EXTERN const char *champ_status_name(champ_status status);

/* Static names of the values of the enums above, as the JSON and CSV
 * output, the demo and the bindings spell them: "reciprocity", "received",
 * "cross_team_share", "json", "jsonl", "no_teams". NULL for a value out of
 * range, so that a caller may loop until NULL. Thread-safe.
 * Since: 0.2.0. */
CHAMP_EXTERN const char *champ_criterion_name(champ_criterion c);
CHAMP_EXTERN const char *champ_diagnostic_name(champ_diagnostic d);
CHAMP_EXTERN const char *champ_summary_item_name(champ_summary_item item);
CHAMP_EXTERN const char *champ_format_name(champ_format format);
CHAMP_EXTERN const char *champ_input_name(champ_input input);
CHAMP_EXTERN const char *champ_warning_name(champ_warning warning);
CHAMP_EXTERN const char *champ_scenario_name(champ_scenario scenario);
CHAMP_EXTERN const char *champ_period_name(champ_period period);
CHAMP_EXTERN const char *champ_estimate_name(champ_estimate estimate);
CHAMP_EXTERN const char *champ_kpi_name(champ_kpi kpi);
CHAMP_EXTERN const char *champ_flag_name(champ_flag flag);
CHAMP_EXTERN const char *champ_language_name(champ_language language);
CHAMP_EXTERN const char *champ_team_item_name(champ_team_item item);

/* A flag's rule in one sentence, with its threshold ("sends at least 10
 * times what they receive, and at least 10"). NULL out of range.
 * Thread-safe. Since: 0.2.0. */
CHAMP_EXTERN const char *champ_flag_description(champ_flag flag);

/* A scenario in one sentence, as the method puts it ("Contact with
 * citizens: reach counts the citizens (audience group \"citizen\") a
 * person is in touch with."). NULL out of range. Thread-safe. Since:
 * 0.2.0. */
CHAMP_EXTERN const char *champ_scenario_description(champ_scenario scenario);

/* The message of the last failure on the calling thread. Never NULL: "" when
 * this thread has seen no failure. Valid until the thread's next call into
 * the library; copy it to keep it. */
CHAMP_EXTERN const char *champ_last_error(void);

/* Parse a time: an RFC 3339 date-time such as "2026-03-01T09:30:00Z" or
 * "2026-03-01T10:30:00.5+01:00" (the form of an export's times), decimal
 * Unix seconds such as "1772357400" or "-3.5", or (Since: 0.2.0) a plain
 * date "2026-03-01", meaning 00:00 UTC that day. Stores Unix seconds in
 * *out. A date-time without a zone is refused, with a message that says
 * so. Errors: CHAMP_ERR_ARGUMENT for NULL, CHAMP_ERR_SCHEMA for text that
 * is none of these, CHAMP_ERR_NOMEM. Thread-safe. */
CHAMP_EXTERN champ_status champ_parse_time(double *out, const char *text);

/* champ_parse_time for n texts at once (a column of times): out[i] from
 * texts[i], NAN for a NULL element. The message of an error names the first
 * bad element, "times[12]: expected ...". On error out's content is
 * unspecified. Errors: CHAMP_ERR_ARGUMENT, CHAMP_ERR_SCHEMA, CHAMP_ERR_NOMEM.
 * Thread-safe. */
CHAMP_EXTERN champ_status champ_parse_times(double *out, size_t n, const char *const *texts);

/* Progress of a long call, reported on the calling thread. `phase` is a
 * static name: "read" (done = the share of the file's bytes read), then for
 * champ_rank() "graph", "ties", "influence", "bridging" (done = the share of
 * the sources finished) and "ranking"; for champ_track() (Since: 0.2.0)
 * "track" (done = the share of the periods ranked). Each phase is reported as it starts
 * (done 0) and the long ones as they go, up to 1. Return 0 to go on,
 * anything else to stop: the call then fails with CHAMP_ERR_CANCELLED and
 * returns nothing. The callback must not use the handles of the call. */
typedef int (*champ_progress_fn)(void *user, const char *phase, double done);

/* Receives a writer's output in pieces, in order: `len` bytes at `data`,
 * valid only during the call. Return 0 to go on, anything else to stop the
 * writer, which then fails with CHAMP_ERR_IO. Since: 0.2.0. */
typedef int (*champ_write_fn)(void *user, const char *data, size_t len);

/* ------------------------------------------------------------------------
 * Network: people and their interactions, as loaded. Options do not change
 * it; one network can be ranked many times with different options.
 * ------------------------------------------------------------------------ */

/* A new, empty network. Until champ_network_add_person() is called it has no
 * people list: every id then counts as listed, team unknown, group
 * "staff". Errors: CHAMP_ERR_ARGUMENT, CHAMP_ERR_NOMEM. */
CHAMP_EXTERN champ_status champ_network_new(champ_network **out);

/* How to read an input (Since: 0.2.0). A fresh handle holds the defaults:
 * the form decided by the content, no progress callback. Free it with
 * champ_read_options_free(); one handle may serve many reads. */
typedef struct champ_read_options champ_read_options;

/* Errors: CHAMP_ERR_ARGUMENT (out NULL), CHAMP_ERR_NOMEM. Since: 0.2.0. */
CHAMP_EXTERN champ_status champ_read_options_new(champ_read_options **out);

/* The form of the input; CHAMP_INPUT_DETECT (the default) decides by the
 * content, never by the file's name: a folder or a zip archive is a Slack
 * export when it holds users.json and channels.json, a Viva Engage export
 * when it holds Messages.csv and Users.csv; text starting with '{' is
 * JSON (the document when its first object has "people" or
 * "interactions", else JSON Lines); other text is CSV, a Viva Insights
 * query when its header has PrimaryCollaborator_PersonId. A gzip file is
 * read as what it holds, in any of these forms; UTF-16 and tar archives
 * are named as such in the error. Errors: CHAMP_ERR_ARGUMENT (NULL handle,
 * a value out of range). Since: 0.2.0. */
CHAMP_EXTERN champ_status champ_read_options_set_input(champ_read_options *ro, champ_input input);

/* A people table (CSV with a header: id, team, group; team and group may
 * be left out) read with the input, whatever its form: each person it
 * lists is listed with its team and group (which win over the input's);
 * people the input does not mention join the network without
 * interactions. NULL: none (the default). The path is copied. Errors:
 * CHAMP_ERR_ARGUMENT. Since: 0.2.0. */
CHAMP_EXTERN champ_status champ_read_options_set_people(champ_read_options *ro,
                                                       const char *path);

/* The CSV column that holds `field` ("from", "to", "time", "type",
 * "weight" of the interactions; "id", "team", "group" of a people table),
 * when it is not named so: ("from", "Sender"). Without a mapping a field is
 * the column of its own name, or of its name in another case when exactly
 * one such column exists. Names are copied; setting a field again replaces
 * it. Errors: CHAMP_ERR_ARGUMENT (an unknown field, an empty name). Since:
 * 0.2.0. */
CHAMP_EXTERN champ_status champ_read_options_set_column(champ_read_options *ro,
                                                       const char *field, const char *column);

/* Viva Insights: the metric column whose value weighs each row (default:
 * none, every row weighs 1; a row of weight 0 is no interaction and is
 * counted as dropped_zero), and the HR attribute whose
 * PrimaryCollaborator_<hrvar> and SecondaryCollaborator_<hrvar> columns
 * give the teams (default "Organization"; a query without those columns
 * then has no teams, while a name given here must be there). NULL: the
 * default. Errors: CHAMP_ERR_ARGUMENT. Since: 0.2.0. */
CHAMP_EXTERN champ_status champ_read_options_set_weight_column(champ_read_options *ro,
                                                              const char *column);
CHAMP_EXTERN champ_status champ_read_options_set_hrvar(champ_read_options *ro, const char *hrvar);

/* The HR attribute a read uses: the one set, else the default
 * ("Organization"). Borrowed from the handle; NULL for a NULL handle.
 * Since: 0.2.0. */
CHAMP_EXTERN const char *champ_read_options_get_hrvar(const champ_read_options *ro);

/* Report the reading's progress ("read") to fn with `user` (fn NULL:
 * none). Errors: CHAMP_ERR_ARGUMENT. Since: 0.2.0. */
CHAMP_EXTERN champ_status champ_read_options_set_progress(champ_read_options *ro,
                                                          champ_progress_fn fn, void *user);

/* Accepts NULL. Since: 0.2.0. */
CHAMP_EXTERN void champ_read_options_free(champ_read_options *ro);

/* Read the input at `path` (a file; a folder for the Slack and Viva Engage
 * exports) into a new network, in the form `ro` gives (NULL: the
 * defaults). Messages start with the path, then say where:
 * "export.json: line 3, column 17: ..." for malformed JSON,
 * "export.json: interactions[12].weight: ..." for a wrong value,
 * "sent.csv: line 12, column \"time\": ..." in a CSV, and the file inside
 * an export folder or archive: "slack.zip: general/2026-03-01.json: line
 * 4, column 9: ...". An input without any interaction is an error ("no
 * interactions"). Errors:
 * CHAMP_ERR_IO (cannot open or read), CHAMP_ERR_PARSE, CHAMP_ERR_SCHEMA,
 * CHAMP_ERR_NOMEM, CHAMP_ERR_CANCELLED (the progress callback),
 * CHAMP_ERR_ARGUMENT. On error no network is returned. Thread-safe.
 * Since: 0.2.0. */
CHAMP_EXTERN champ_status champ_network_read(const char *path, const champ_read_options *ro,
                                             champ_network **out);

/* The same for an open descriptor, read from its current position to its
 * end (standard input, a pipe, a socket); the descriptor stays open and
 * belongs to the caller. `name` starts the messages ("<stdin>"; NULL:
 * none). A zip archive is read from memory; a folder cannot come this way.
 * Since: 0.2.0. */
CHAMP_EXTERN champ_status champ_network_read_fd(int fd, const char *name,
                                                const champ_read_options *ro,
                                                champ_network **out);

/* The same for `len` bytes held in memory (they need not end with a NUL);
 * `name` as for champ_network_read_fd. Since: 0.2.0. */
CHAMP_EXTERN champ_status champ_network_read_memory(const void *data, size_t len,
                                                    const char *name,
                                                    const champ_read_options *ro,
                                                    champ_network **out);

/* champ_network_read(path, NULL, out). Since 0.2.0 the form is decided by
 * the content for every name (0.1.0 took ".json" as the document form). */
CHAMP_EXTERN champ_status champ_network_read_file(const char *path, champ_network **out);

/* champ_network_read_file, reporting progress ("read") to fn (NULL: none). */
CHAMP_EXTERN champ_status champ_network_read_file_progress(const char *path,
                                                           champ_progress_fn fn, void *user,
                                                           champ_network **out);

/* champ_network_read_memory(data, len, NULL, NULL, out): either JSON form,
 * decided by the content. */
CHAMP_EXTERN champ_status champ_network_read_json(const char *data, size_t len,
                                                  champ_network **out);

/* JSON Lines held in memory, whatever the content looks like. */
CHAMP_EXTERN champ_status champ_network_read_jsonl(const char *data, size_t len,
                                                   champ_network **out);

/* List a person. `id` is required and non-empty; `team` NULL or "" is
 * unknown; `group` NULL or "" is "staff". An id already used by an
 * interaction becomes listed. All strings are copied; none may be longer
 * than 4,096 bytes (as in an export). Errors: CHAMP_ERR_SCHEMA (empty id,
 * id already listed, invalid UTF-8, too long),
 * CHAMP_ERR_ARGUMENT, CHAMP_ERR_NOMEM; on error the network is unchanged. */
CHAMP_EXTERN champ_status champ_network_add_person(champ_network *net, const char *id,
                                                   const char *team, const char *group);

/* Record that `from` acted on `to`. `time` is Unix seconds, NAN for none;
 * `type` NULL for "message"; `weight` finite and > 0. Ids not listed become
 * unlisted people. `from == to` is counted as dropped_self and otherwise
 * ignored. Errors: CHAMP_ERR_SCHEMA (empty id, bad time or weight, invalid
 * UTF-8, a text longer than 4,096 bytes), CHAMP_ERR_ARGUMENT, CHAMP_ERR_NOMEM; on error nothing changes. */
CHAMP_EXTERN champ_status champ_network_add_interaction(champ_network *net, const char *from,
                                                        const char *to, double time,
                                                        const char *type, double weight);

/* Bulk forms of the two calls above, for bindings and large imports: one
 * call per batch, not per person. Row i takes ids[i], teams[i], groups[i]
 * (add_people) or from[i], to[i], time[i], type[i], weight[i]
 * (add_interactions), with the meaning and defaults of the single calls.
 * `teams`, `groups`, `time`, `type` and `weight` may be NULL for "all
 * absent" (weight 1); a NULL element of a string array is absent too. The
 * batch is all or nothing: on any error the network is unchanged and the
 * message names the first bad row, e.g. "interactions[12].weight: expected a
 * finite number > 0" or "people[3].id: duplicate person id \"p-1\"". `n`
 * may be 0. Errors as for the single calls. */
CHAMP_EXTERN champ_status champ_network_add_people(champ_network *net, size_t n,
                                                   const char *const *ids,
                                                   const char *const *teams,
                                                   const char *const *groups);
CHAMP_EXTERN champ_status champ_network_add_interactions(champ_network *net, size_t n,
                                                         const char *const *from,
                                                         const char *const *to,
                                                         const double *time,
                                                         const char *const *type,
                                                         const double *weight);

/* Pseudonymise the network in place (Since: 0.2.0): every person's id
 * becomes "p-" and the first 16 hexadecimal digits (lowercase) of
 * HMAC-SHA256(key, the id's UTF-8 bytes), and with `teams` nonzero every
 * team name "t-" and the same digits of its HMAC; groups and interaction
 * types stay as they are (they name kinds, not people). The same key gives
 * the same pseudonyms in every file and every month; nothing of an
 * original id or team name is kept, not even the order: people are put in
 * the order of their pseudonyms and interactions in the order of their
 * content (time, untimed first; sender; receiver; type; weight), so the
 * same records in any order give the same network. The key (key_len bytes, at least
 * CHAMP_PSEUDONYM_KEY_MIN) is read during the call only, never copied.
 * HMAC-SHA256 is libsodium's. Errors: CHAMP_ERR_ARGUMENT (NULL network or
 * key, a key that is too short, two ids or two teams that the key gives
 * one pseudonym, which happens once in 2^64 pairs: choose another key),
 * CHAMP_ERR_NOMEM, CHAMP_ERR_INTERNAL (libsodium could not start). On
 * error the network is unchanged. The network must not be used by
 * another thread meanwhile. */
#define CHAMP_PSEUDONYM_KEY_MIN 16
CHAMP_EXTERN champ_status champ_network_pseudonymize(champ_network *net, const void *key,
                                                     size_t key_len, int teams);

/* The pseudonym of one id (`team` 0) or team name (`team` nonzero) under
 * `key`, as champ_network_pseudonymize() makes it, into `out`, which holds
 * CHAMP_PSEUDONYM_SIZE bytes: how the holder of the key finds the people
 * behind a ranking of pseudonyms. Errors: CHAMP_ERR_ARGUMENT (NULL
 * argument, a key that is too short), CHAMP_ERR_INTERNAL. Thread-safe.
 * Since: 0.2.0. */
#define CHAMP_PSEUDONYM_SIZE 19
CHAMP_EXTERN champ_status champ_pseudonym(const void *key, size_t key_len, int team,
                                          const char *name, char *out);

/* People in the network, listed and unlisted. 0 for NULL. */
CHAMP_EXTERN size_t champ_network_person_count(const champ_network *net);

/* Interactions stored (self-interactions excluded). 0 for NULL. */
CHAMP_EXTERN size_t champ_network_interaction_count(const champ_network *net);

/* Write the network as an export (Since: 0.2.0): the JSON document of
 * SPEC 2 (`form` CHAMP_INPUT_JSON: {"people": [...], "interactions":
 * [...]}, "people" only when the network has a people list) or JSON Lines
 * (CHAMP_INPUT_JSONL: the listed people, then the interactions, one per
 * line). A person's team and group, and an interaction's time, type and
 * weight, are written when they are not the default; a time as RFC 3339
 * ("2026-03-01T09:30:00Z") when it is a whole second of the years 0000 to
 * 9999, else as Unix seconds; numbers read back to the same double. Read
 * back, it is the same network, but for the self-interactions, which are
 * not kept (its summary's dropped_self is 0): a network of
 * self-interactions alone is written with no interactions, which no reader
 * takes. JSON Lines has no empty people list: a people list with nobody on
 * it reads back as none. What an importer never keeps
 * (names, e-mail addresses, message text) is not there. Errors:
 * CHAMP_ERR_ARGUMENT (NULL argument, another form), CHAMP_ERR_NOMEM,
 * CHAMP_ERR_IO (as champ_ranking_write). */
CHAMP_EXTERN champ_status champ_network_write(const champ_network *net, champ_input form,
                                              FILE *stream);
CHAMP_EXTERN champ_status champ_network_write_to(const champ_network *net, champ_input form,
                                                 champ_write_fn fn, void *user);

CHAMP_EXTERN void champ_network_free(champ_network *net);

/* ------------------------------------------------------------------------
 * Options of a ranking. A fresh handle holds the defaults; the
 * champ_options_get_* calls read them back (Since: 0.2.0), so that a
 * program never restates them.
 * ------------------------------------------------------------------------ */

CHAMP_EXTERN champ_status champ_options_new(champ_options **out);

/* Weight of one criterion: finite, >= 0. Defaults 0.30, 0.25, 0.15, 0.15,
 * 0.15 (reciprocity, reach, bridging, influence, activity). champ_rank()
 * fails with CHAMP_ERR_ARGUMENT when all are 0. */
CHAMP_EXTERN champ_status champ_options_set_weight(champ_options *o, champ_criterion c, double w);

/* Keep interactions with since <= time < until (Unix seconds); NAN for an
 * open end. With either end set, interactions without a time are dropped and
 * counted as dropped_window. champ_rank() fails with CHAMP_ERR_ARGUMENT when
 * since >= until. */
CHAMP_EXTERN champ_status champ_options_set_window(champ_options *o, double since, double until);

/* Multiplier for interactions of one `type` (finite, >= 0; default 1).
 * Setting a type again replaces its multiplier. */
CHAMP_EXTERN champ_status champ_options_set_type_weight(champ_options *o, const char *type,
                                                        double w);

/* Eligible only with activity >= min (finite; default 1). */
CHAMP_EXTERN champ_status champ_options_set_min_activity(champ_options *o, double min);

/* Groups whose listed members can be champions (default {"staff"}). The
 * strings are copied. `n` may be 0: then nobody is eligible. */
CHAMP_EXTERN champ_status champ_options_set_champion_groups(champ_options *o,
                                                            const char *const *groups, size_t n);

/* Audience groups: with any set, reach counts the distinct people of these
 * groups a person has ties with, instead of other teams; n == 0 switches
 * back to cross-team reach (the default). */
CHAMP_EXTERN champ_status champ_options_set_audience_groups(champ_options *o,
                                                            const char *const *groups, size_t n);

/* The reciprocity prior alpha: finite, >= 0 (default 2). Reciprocity is
 * (mutual ties + alpha R) / (ties + alpha), R the network's share of
 * mutual ties, so that one mutual tie of one does not beat forty of fifty. */
CHAMP_EXTERN champ_status champ_options_set_reciprocity_prior(champ_options *o, double alpha);

/* Bridging sources: 0 = automatic (exact when people x tie pairs <= 1e9,
 * else 256 sampled), k > 0 = k sampled sources (exact when k >= people). */
CHAMP_EXTERN champ_status champ_options_set_bridging_samples(champ_options *o, size_t k);

/* Seed of the source sampling (default 1): equal seeds, equal results. */
CHAMP_EXTERN champ_status champ_options_set_seed(champ_options *o, uint64_t seed);

/* The estimate of sampled bridging (Since: 0.2.0): CHAMP_ESTIMATE_PIVOTS
 * (the default, SPEC 4.5) or CHAMP_ESTIMATE_LINEAR, linear scaling, which
 * weighs a source's share of a path by how far along it a person stands,
 * so that people near the sources are not overcounted. From the same
 * sources it comes closer to exact betweenness: on a network of 10,000
 * people, 64 sources with linear scaling came as close to exact (in rank
 * correlation and in the top 50 champions) as the default 256 pivots, for
 * a quarter of the time. Exact bridging is unchanged. Errors:
 * CHAMP_ERR_ARGUMENT (an unknown value; the option unchanged). */
CHAMP_EXTERN champ_status champ_options_set_bridging_estimate(champ_options *o,
                                                              champ_estimate estimate);

/* Apply a start scenario's preset (Since: 0.2.0): its audience groups
 * (none for colleagues; "candidate", "citizen", "visitor") and champion
 * groups ("staff"). An option the caller sets explicitly, before or after,
 * wins over the preset: champ_options_set_audience_groups() and
 * champ_options_set_champion_groups() then keep their values whatever
 * scenario is set. The getters read what a ranking will use. Errors:
 * CHAMP_ERR_ARGUMENT (a NULL handle, a scenario out of range). */
CHAMP_EXTERN champ_status champ_options_set_scenario(champ_options *o, champ_scenario s);

/* How many eligible people, from rank 1, are the champions of a tracked
 * period (Since: 0.2.0): n >= 1, default 10. Errors: CHAMP_ERR_ARGUMENT. */
CHAMP_EXTERN champ_status champ_options_set_top(champ_options *o, size_t n);

/* The calendar period champ_track() ranks (Since: 0.2.0; default
 * CHAMP_PERIOD_MONTH). Errors: CHAMP_ERR_ARGUMENT (a NULL handle, a period
 * out of range). */
CHAMP_EXTERN champ_status champ_options_set_period(champ_options *o, champ_period p);

/* The guard against thin ties (Since: 0.2.0): a tie u-v counts for the
 * tie-based figures (ties, mutual ties, reciprocity, reach, bridging,
 * cross_share and the summary's ties, mutual ties, R and cross-team
 * share) only when w(u,v) + w(v,u) >= min, the weights times the type
 * weights; activity, received and influence count every interaction.
 * With min 3, a contact of one message each way is not a tie; with a type
 * weight of 0.1 for "reaction", a tie made of reactions alone counts only
 * from 30 reactions. Finite, >= 0; default 0: every tie counts. Errors:
 * CHAMP_ERR_ARGUMENT. */
CHAMP_EXTERN champ_status champ_options_set_min_tie_weight(champ_options *o, double min);

/* Confidence (Since: 0.2.0): with resamples B > 0, champ_rank() also
 * ranks B bootstrap resamples of the kept interactions (each drawn with
 * replacement, as many as there are; drawn from the seed, so equal seeds
 * give equal results whatever the threads) and gives each eligible person
 * the 5th and 95th percentile of their rank over the resamples (nearest
 * rank; a resample in which they are not eligible counts as rank N + 1, N
 * the eligible people of the ranking) and the share of resamples that put
 * them in the top champ_options_get_top(). A resample is ranked as the
 * ranking is, but for bridging when that is sampled from k sources (see
 * champ_options_set_bridging_samples()): each resample then draws sources
 * of its own, k / 8 of them and at least 32 (all k when fewer), so that
 * the intervals carry the sampling error of bridging too. A resample
 * costs about one ranking of the network without its reading, a fifth of
 * one where bridging is sampled (B = 50 on 100,000 people and 2 million
 * interactions: about 9 rankings). 0 (the default) is off; at most
 * 10,000. Errors: CHAMP_ERR_ARGUMENT. */
CHAMP_EXTERN champ_status champ_options_set_confidence(champ_options *o, size_t resamples);

/* The minimum group size of team-level outputs (Since: 0.2.0): a team
 * with fewer listed people is pooled with the other small teams as
 * "(small teams)" (see champ_ranking_team_count()). Default 5, the
 * threshold below which Viva Insights shows no group. Values below the
 * default are refused with CHAMP_ERR_ARGUMENT unless the caller allowed
 * them first, explicitly, with champ_options_allow_small_groups(o, 1);
 * disallowing again puts a smaller value back to the default. 0 and 1
 * then pool nothing. */
CHAMP_EXTERN champ_status champ_options_set_min_group_size(champ_options *o, size_t n);
CHAMP_EXTERN champ_status champ_options_allow_small_groups(champ_options *o, int allow);

/* Report champ_rank()'s progress to fn with `user` (fn NULL: none, the
 * default). */
CHAMP_EXTERN champ_status champ_options_set_progress(champ_options *o, champ_progress_fn fn,
                                                     void *user);

/* What the options hold (a fresh handle: the defaults). NAN, 0 or NULL
 * for a NULL handle or an index out of range. The group names are
 * borrowed until the groups are set again or the handle is freed.
 * Thread-safe for readers. Since: 0.2.0. */
CHAMP_EXTERN double champ_options_get_weight(const champ_options *o, champ_criterion c);
CHAMP_EXTERN double champ_options_get_min_activity(const champ_options *o);
CHAMP_EXTERN double champ_options_get_reciprocity_prior(const champ_options *o);
CHAMP_EXTERN size_t champ_options_get_bridging_samples(const champ_options *o);
CHAMP_EXTERN uint64_t champ_options_get_seed(const champ_options *o);
CHAMP_EXTERN champ_estimate champ_options_get_bridging_estimate(const champ_options *o);
CHAMP_EXTERN size_t champ_options_champion_group_count(const champ_options *o);
CHAMP_EXTERN const char *champ_options_champion_group(const champ_options *o, size_t i);
CHAMP_EXTERN size_t champ_options_audience_group_count(const champ_options *o);
CHAMP_EXTERN const char *champ_options_audience_group(const champ_options *o, size_t i);
/* The scenario set, or -1 when none (the default; and for a NULL handle). */
CHAMP_EXTERN int champ_options_get_scenario(const champ_options *o);
CHAMP_EXTERN size_t champ_options_get_top(const champ_options *o);
CHAMP_EXTERN champ_period champ_options_get_period(const champ_options *o);
CHAMP_EXTERN double champ_options_get_min_tie_weight(const champ_options *o);
CHAMP_EXTERN size_t champ_options_get_confidence(const champ_options *o);
CHAMP_EXTERN size_t champ_options_get_min_group_size(const champ_options *o);
CHAMP_EXTERN int champ_options_get_allow_small_groups(const champ_options *o);

CHAMP_EXTERN void champ_options_free(champ_options *o);

/* ------------------------------------------------------------------------
 * Ranking: every person with metrics, eligible ones first by rank, then the
 * others by id (bytewise). Self-contained: it stays valid after the network
 * and the options are freed.
 * ------------------------------------------------------------------------ */

/* Rank the network: each person's criteria and diagnostics; eligibility
 * (listed, in a champion group, activity >= min_activity); for the
 * eligible, each criterion's mid-rank percentile among them and the score,
 * the weighted mean of the percentiles; ranks by score, ties by id. `o`
 * NULL means defaults. Errors: CHAMP_ERR_ARGUMENT (NULL network, all
 * weights 0, since >= until), CHAMP_ERR_SCHEMA (a person's weighted
 * interactions add up past the largest finite number), CHAMP_ERR_NOMEM,
 * CHAMP_ERR_CANCELLED (the progress callback asked to stop),
 * CHAMP_ERR_INTERNAL. Thread-safe (see the top). */
CHAMP_EXTERN champ_status champ_rank(const champ_network *net, const champ_options *o,
                                     champ_ranking **out);

/* People in the ranking (every person of the network). 0 for NULL. */
CHAMP_EXTERN size_t champ_ranking_count(const champ_ranking *r);

/* Getters for the person at output position i (0-based). An i out of range
 * or a NULL ranking gives NULL, NAN or 0 as the type allows. */
CHAMP_EXTERN const char *champ_ranking_id(const champ_ranking *r, size_t i);
CHAMP_EXTERN const char *champ_ranking_team(const champ_ranking *r, size_t i);  /* NULL: unknown */
CHAMP_EXTERN const char *champ_ranking_group(const champ_ranking *r, size_t i); /* NULL: unlisted */
CHAMP_EXTERN int champ_ranking_listed(const champ_ranking *r, size_t i);        /* 1 or 0 */
CHAMP_EXTERN int champ_ranking_eligible(const champ_ranking *r, size_t i);      /* 1 or 0 */
CHAMP_EXTERN size_t champ_ranking_rank(const champ_ranking *r, size_t i);       /* 1..; 0 if ineligible */
CHAMP_EXTERN double champ_ranking_score(const champ_ranking *r, size_t i);      /* NAN if ineligible */
CHAMP_EXTERN double champ_ranking_value(const champ_ranking *r, size_t i, champ_criterion c);
CHAMP_EXTERN double champ_ranking_percentile(const champ_ranking *r, size_t i,
                                             champ_criterion c); /* NAN if ineligible */
CHAMP_EXTERN double champ_ranking_diagnostic(const champ_ranking *r, size_t i,
                                             champ_diagnostic d);

/* Bulk reads, one call per column: each fills out[0 .. champ_ranking_count(r))
 * in output order with what the getter above gives for every position.
 * Errors: CHAMP_ERR_ARGUMENT (NULL ranking or out, a bad criterion or
 * diagnostic). */
CHAMP_EXTERN champ_status champ_ranking_ranks(const champ_ranking *r, size_t *out);
CHAMP_EXTERN champ_status champ_ranking_scores(const champ_ranking *r, double *out);
CHAMP_EXTERN champ_status champ_ranking_values(const champ_ranking *r, champ_criterion c,
                                               double *out);
CHAMP_EXTERN champ_status champ_ranking_percentiles(const champ_ranking *r, champ_criterion c,
                                                    double *out);
CHAMP_EXTERN champ_status champ_ranking_diagnostics(const champ_ranking *r, champ_diagnostic d,
                                                    double *out);

/* The text columns of a ranking. */
typedef enum champ_text {
    CHAMP_TEXT_ID = 0,
    CHAMP_TEXT_TEAM = 1,   /* "" for an unknown team */
    CHAMP_TEXT_GROUP = 2   /* "" for an unlisted person */
} champ_text;

/* Every person's id, team or group in output order, each followed by a NUL,
 * back to back in `buf`. Stores the bytes this takes in *needed (it may be
 * NULL when buf is large enough); writes only when `size` >= that, so a
 * first call with buf NULL and size 0 asks for the size. Errors:
 * CHAMP_ERR_ARGUMENT (NULL ranking, a bad column, size too small). */
CHAMP_EXTERN champ_status champ_ranking_texts(const champ_ranking *r, champ_text column,
                                              char *buf, size_t size, size_t *needed);

/* The share of criterion c in every score: its weight divided by the sum of
 * the weights, so that score = sum over c of share(c) x percentile(c). NAN
 * for a NULL ranking or a bad criterion. */
CHAMP_EXTERN double champ_ranking_weight(const champ_ranking *r, champ_criterion c);

/* Output position of the person `id`, in *index. Errors:
 * CHAMP_ERR_NOT_FOUND when the id is not in the ranking (Since: 0.2.0;
 * 0.1.0 said CHAMP_ERR_ARGUMENT), CHAMP_ERR_ARGUMENT for a NULL argument. */
CHAMP_EXTERN champ_status champ_ranking_find(const champ_ranking *r, const char *id,
                                             size_t *index);

/* One item of the network summary; NAN for null or a bad item. */
CHAMP_EXTERN double champ_ranking_summary(const champ_ranking *r, champ_summary_item item);

/* The ranking's warnings: sentences saying why the data or the options may
 * not support it as meant ("no one is in the audience group \"citizen\":
 * reach is 0 for everyone"), in a fixed order. champ_ranking_warning()
 * gives warning i (NULL when out of range) and, when `kind` is not NULL,
 * stores what it is about. Since: 0.2.0. */
CHAMP_EXTERN size_t champ_ranking_warning_count(const champ_ranking *r);
CHAMP_EXTERN const char *champ_ranking_warning(const champ_ranking *r, size_t i,
                                               champ_warning *kind);

/* The audience groups of the ranking's options: with any, reach counts the
 * distinct people of these groups a person has ties with; with none,
 * other teams. Names borrowed from the ranking. Since: 0.2.0. */
CHAMP_EXTERN size_t champ_ranking_audience_group_count(const champ_ranking *r);
CHAMP_EXTERN const char *champ_ranking_audience_group(const champ_ranking *r, size_t i);

/* The tie graph the ranking was computed on: the directed pairs u -> v
 * with w(u,v) > 0 (weights times type weights, inside the window). Their
 * number, and (champ_ranking_ties) each pair's output positions and weight
 * in out arrays of champ_ranking_tie_count(r) elements, ordered by the
 * first person's output position, then the second's. Errors:
 * CHAMP_ERR_ARGUMENT (a NULL ranking or array). Since: 0.2.0. */
CHAMP_EXTERN size_t champ_ranking_tie_count(const champ_ranking *r);
CHAMP_EXTERN champ_status champ_ranking_ties(const champ_ranking *r, size_t *from, size_t *to,
                                             double *weight);

/* Whether bridging was computed exactly (1) or from sampled sources (0),
 * and how many sources were used. champ_ranking_bridging_estimate() (Since:
 * 0.2.0): the estimate sampled bridging used, CHAMP_ESTIMATE_PIVOTS when
 * bridging is exact or r is NULL. */
CHAMP_EXTERN int champ_ranking_bridging_exact(const champ_ranking *r);
CHAMP_EXTERN size_t champ_ranking_bridging_sources(const champ_ranking *r);
CHAMP_EXTERN champ_estimate champ_ranking_bridging_estimate(const champ_ranking *r);

/* The options' top (champ_options_set_top()) the ranking was made with:
 * the champions of its team table and the top of its confidence. 0 for
 * NULL. Since: 0.2.0. */
CHAMP_EXTERN size_t champ_ranking_top(const champ_ranking *r);

/* The person at output position i's flags (Since: 0.2.0): bit
 * (1u << flag) set for each champ_flag they show; 0 out of range. Every
 * person is checked, eligible or not, except for the shadow, which is
 * looked for among the first 100 ranks (a person whose ties are at least
 * 90% those of someone ranked higher). champ_ranking_flag_sets() fills
 * out[0 .. champ_ranking_count(r)) in output order. Errors:
 * CHAMP_ERR_ARGUMENT (NULL ranking or out). */
CHAMP_EXTERN unsigned champ_ranking_flags(const champ_ranking *r, size_t i);
CHAMP_EXTERN champ_status champ_ranking_flag_sets(const champ_ranking *r, unsigned *out);

/* For a shadow: the id of the higher-ranked person whose ties they copy
 * (borrowed from the ranking) and, when `similarity` is not NULL, how
 * closely (the weighted Jaccard similarity of their ties' volumes, each
 * other left out, in [0.9, 1]). NULL for anyone else. Since: 0.2.0. */
CHAMP_EXTERN const char *champ_ranking_shadow_of(const champ_ranking *r, size_t i,
                                                 double *similarity);

/* Confidence (Since: 0.2.0; see champ_options_set_confidence()): the
 * resamples drawn (0 when none). For the eligible person at output
 * position i, champ_ranking_interval() stores the 5th and 95th
 * percentile of their rank over the resamples and the share of resamples
 * that put them in the top champ_options_get_top() (any pointer may be
 * NULL) and returns 1; it returns 0 and stores nothing when there is no
 * confidence, for an ineligible person and out of range. The tier groups
 * ranks that the resamples cannot tell apart: rank 1 opens tier 1, and a
 * person joins the tier of the rank above while their rank_low is no
 * larger than the rank_high of the person who opened it; otherwise they
 * open the next tier. champ_ranking_tier() gives it (0 when there is no
 * confidence or the person is not eligible). champ_ranking_intervals()
 * fills each non-NULL array of champ_ranking_count(r) elements in output
 * order (0, 0, NAN, 0 where there is none). Errors: CHAMP_ERR_ARGUMENT
 * (NULL ranking). */
CHAMP_EXTERN size_t champ_ranking_resamples(const champ_ranking *r);
CHAMP_EXTERN int champ_ranking_interval(const champ_ranking *r, size_t i, size_t *rank_low,
                                        size_t *rank_high, double *top_share);
CHAMP_EXTERN size_t champ_ranking_tier(const champ_ranking *r, size_t i);
CHAMP_EXTERN champ_status champ_ranking_intervals(const champ_ranking *r, size_t *rank_low,
                                                  size_t *rank_high, double *top_share,
                                                  size_t *tier);

/* Why the person at output position i ranks where they do, in one
 * sentence of `language` (Since: 0.2.0): their rank, their two strongest
 * criteria (a third when it is in the top quarter) with the figures and
 * the percentile band behind each ("153 of their 214 contacts answer both ways
 * (71%, top 9%)"; bridging and influence as places among the eligible,
 * "#12 of 824"), their weakest criterion (saying so when it is in the
 * bottom quarter), and their flags. Criteria of weight 0 are left out.
 * For a person who is not eligible, why not. The text and its terminating
 * NUL are written to buf when `size` is large enough; *needed (which may
 * be NULL when buf is large enough) gets the bytes it takes, so a first
 * call with buf NULL and size 0 asks for the size. Errors:
 * CHAMP_ERR_ARGUMENT (NULL ranking, i out of range, a language, or
 * criterion, out of range, buf too small). Thread-safe. */
CHAMP_EXTERN champ_status champ_ranking_explain(const champ_ranking *r, size_t i,
                                                champ_language language, char *buf,
                                                size_t size, size_t *needed);

/* One criterion of the person at output position i in words, as the
 * sentence says it: its figure, and for the eligible its band ("in touch
 * with 35 of the 41 other teams (top 1%)"). Buffer and errors as
 * champ_ranking_explain(). Since: 0.2.0. */
CHAMP_EXTERN champ_status champ_ranking_explain_criterion(const champ_ranking *r, size_t i,
                                                         champ_criterion c,
                                                         champ_language language, char *buf,
                                                         size_t size, size_t *needed);

/* The same, short enough for a table cell or a chart label: "153/214
 * mutual", "35/41 teams", "12 reached" (audience reach), "top 2%" for
 * bridging and influence (their band), "2,345 sent". Buffer and errors as
 * champ_ranking_explain(). Since: 0.2.0. */
CHAMP_EXTERN champ_status champ_ranking_figure(const champ_ranking *r, size_t i,
                                               champ_criterion c, champ_language language,
                                               char *buf, size_t size, size_t *needed);

/* Every eligible person's sentence, in output order, each followed by a
 * NUL ("" for a person who is not eligible), back to back in buf; buffer
 * and errors as champ_ranking_texts(). Since: 0.2.0. */
CHAMP_EXTERN champ_status champ_ranking_explanations(const champ_ranking *r,
                                                     champ_language language, char *buf,
                                                     size_t size, size_t *needed);

/* The team table (Since: 0.2.0): one row per team with at least the
 * ranking's minimum group size of listed people (champ_options_set_min_group_size(),
 * default 5), by name (bytewise); then "(no team)" for the listed people
 * without a team, when there are at least as many; then "(small teams)",
 * every team with fewer pooled. When the pool would hold fewer people
 * than the minimum, the smallest teams join it until it holds enough, so
 * that no team's figures can be worked out by subtraction; when the
 * whole network lists fewer, the pool's figures are withheld (NAN). Rows
 * are counted by champ_ranking_team_count(); champ_ranking_team_name()
 * gives a row's name (borrowed; NULL out of range), champ_ranking_team_pooled()
 * 1 for the pool's row. champ_ranking_team_table() fills out[k] for every
 * row k with `item`, champions counting the eligible ranked 1 to `top`
 * (0: every eligible person). Errors: CHAMP_ERR_ARGUMENT (NULL ranking
 * or out, an item out of range). */
CHAMP_EXTERN size_t champ_ranking_min_group_size(const champ_ranking *r);
CHAMP_EXTERN size_t champ_ranking_team_count(const champ_ranking *r);
CHAMP_EXTERN const char *champ_ranking_team_name(const champ_ranking *r, size_t k);
CHAMP_EXTERN int champ_ranking_team_pooled(const champ_ranking *r, size_t k);
CHAMP_EXTERN champ_status champ_ranking_team_table(const champ_ranking *r, size_t top,
                                                   champ_team_item item, double *out);

/* Write the first `top` people (0 = all) to `stream` as JSON
 * ({"version", "summary" with its "warnings", "people": [...]}, see
 * docs/format.md), CSV, or (Since: 0.2.0) the tie graph as GEXF or
 * GraphML: those people as nodes with every field of their JSON record as
 * attributes (the percentiles as pct_<criterion>; a null is left out) and
 * the ties among them as directed edges weighted w(u,v). Numbers are
 * written so that they read back to the same double; a control character
 * in a name, which XML cannot hold, is written as U+FFFD. Errors:
 * CHAMP_ERR_ARGUMENT, CHAMP_ERR_NOMEM, CHAMP_ERR_IO (the stream reported an
 * error; what was written before it stays written). */
CHAMP_EXTERN champ_status champ_ranking_write(const champ_ranking *r, champ_format format,
                                              size_t top, FILE *stream);


/* champ_ranking_write to a callback instead of a stream (to memory, a
 * socket, a compressor): the same bytes, in pieces of up to 64 KiB. The
 * callback is called on the calling thread. Errors: CHAMP_ERR_ARGUMENT,
 * CHAMP_ERR_NOMEM, CHAMP_ERR_IO (the callback stopped it). Since: 0.2.0. */
CHAMP_EXTERN champ_status champ_ranking_write_to(const champ_ranking *r, champ_format format,
                                                 size_t top, champ_write_fn fn, void *user);

/* Write the team table, champions counted within `top` (0: every
 * eligible person), as JSON ({"version", "min_group_size", "top",
 * "teams": [{"team", "pooled", "listed", "eligible", "champions",
 * "teams"}]}, a withheld figure null) or CSV (a header, one row per team).
 * Errors as champ_ranking_write(), and CHAMP_ERR_ARGUMENT for a format
 * other than JSON and CSV. Since: 0.2.0. */
CHAMP_EXTERN champ_status champ_ranking_write_teams(const champ_ranking *r, champ_format format,
                                                    size_t top, FILE *stream);
CHAMP_EXTERN champ_status champ_ranking_write_teams_to(const champ_ranking *r,
                                                       champ_format format, size_t top,
                                                       champ_write_fn fn, void *user);

CHAMP_EXTERN void champ_ranking_free(champ_ranking *r);

/* ------------------------------------------------------------------------
 * The programme (Since: 0.2.0): the champions of every calendar period,
 * the KPIs that follow them, and how a goal stands. A tracking is
 * self-contained, like a ranking.
 * ------------------------------------------------------------------------ */

/* Rank every calendar period (UTC; champ_options_set_period) from the one
 * holding the first timed interaction to the one holding the last, each
 * exactly as champ_rank()
 * ranks the network with the options and the window [period start,
 * next period's start); with a window in the options, only the
 * interactions inside it count, and each period's window is cut to it.
 * Per period it keeps the summary and warnings of that ranking, its
 * champions (the first champ_options_get_top() eligible people), the
 * KPIs (champ_kpi) and the rising champions. The network is read once;
 * the periods are ranked one after the other. Progress: the phase "track",
 * done = the share of the periods ranked. A tracking spans at most 1,000
 * periods. Errors: CHAMP_ERR_ARGUMENT (NULL network or out, options
 * champ_rank() refuses, more than 1,000 periods),
 * CHAMP_ERR_SCHEMA (no interaction has a time inside the window: there is
 * nothing to track), CHAMP_ERR_NOMEM, CHAMP_ERR_CANCELLED,
 * CHAMP_ERR_INTERNAL. Thread-safe (see the top). */
CHAMP_EXTERN champ_status champ_track(const champ_network *net, const champ_options *o,
                                      champ_tracking **out);

/* The periods (0 for NULL), the period, the number of champions per
 * period, and the scenario (-1: none) of the options tracked. */
CHAMP_EXTERN size_t champ_tracking_count(const champ_tracking *t);
CHAMP_EXTERN champ_period champ_tracking_period(const champ_tracking *t);
CHAMP_EXTERN size_t champ_tracking_top(const champ_tracking *t);
CHAMP_EXTERN int champ_tracking_scenario(const champ_tracking *t);

/* Period i (0-based, in time order): its window [since, until) in Unix
 * seconds, its summary item (as champ_ranking_summary() of its ranking),
 * its warnings (as champ_ranking_warning()), a KPI (NAN for null), its
 * champions in rank order (champion k has rank k + 1), and its rising
 * champions: those not champions in period i - 1 (none in period 0),
 * best rank first, with their rank now and their rank in period i - 1
 * (0 when they were not eligible then). Out of range or NULL: NAN, 0 or
 * NULL as the type allows. Strings borrowed from the tracking. */
CHAMP_EXTERN double champ_tracking_since(const champ_tracking *t, size_t i);
CHAMP_EXTERN double champ_tracking_until(const champ_tracking *t, size_t i);
CHAMP_EXTERN double champ_tracking_summary(const champ_tracking *t, size_t i,
                                           champ_summary_item item);
CHAMP_EXTERN size_t champ_tracking_warning_count(const champ_tracking *t, size_t i);
CHAMP_EXTERN const char *champ_tracking_warning(const champ_tracking *t, size_t i, size_t k,
                                                champ_warning *kind);
CHAMP_EXTERN double champ_tracking_kpi(const champ_tracking *t, size_t i, champ_kpi kpi);
CHAMP_EXTERN size_t champ_tracking_champion_count(const champ_tracking *t, size_t i);
CHAMP_EXTERN const char *champ_tracking_champion(const champ_tracking *t, size_t i, size_t k);
CHAMP_EXTERN size_t champ_tracking_rising_count(const champ_tracking *t, size_t i);
CHAMP_EXTERN const char *champ_tracking_rising(const champ_tracking *t, size_t i, size_t k,
                                               size_t *rank, size_t *previous_rank);

/* Write the tracking as JSON ({"version", "scenario", "period", "top",
 * "periods": [{"since", "until", "summary", "kpis", "rising"}], and with
 * a goal its "goal" status}, one line, see docs/programme.md) or CSV (one
 * row per period: since, until, the summary's numbers, the KPIs, the
 * champions and the rising ones as ids joined by ';'; no goal). `goal`
 * may be NULL. Errors: CHAMP_ERR_ARGUMENT (a NULL argument, a format other
 * than JSON and CSV), the errors of champ_goal_status() with a goal,
 * CHAMP_ERR_NOMEM, CHAMP_ERR_IO (as champ_ranking_write). */
CHAMP_EXTERN champ_status champ_tracking_write(const champ_tracking *t, const champ_goal *goal,
                                               champ_format format, FILE *stream);
CHAMP_EXTERN champ_status champ_tracking_write_to(const champ_tracking *t,
                                                  const champ_goal *goal, champ_format format,
                                                  champ_write_fn fn, void *user);

CHAMP_EXTERN void champ_tracking_free(champ_tracking *t);

/* A SMART goal, read from a JSON file: {"name": "...", "scenario":
 * "citizens" (optional), "kpi": a KPI's name or "summary.<item>" (a number
 * in every period), "target": a number, "deadline": an RFC 3339 date-time
 * or a date, "baseline_period": the index of the period whose value is the
 * baseline (optional, default 0), "what", "who", "why": the goal in words
 * (optional)}. Messages name the file and the member ("goal.json: kpi:
 * unknown KPI \"reach\" (expected active_people, ...)"). Errors:
 * CHAMP_ERR_ARGUMENT, CHAMP_ERR_IO, CHAMP_ERR_PARSE, CHAMP_ERR_SCHEMA,
 * CHAMP_ERR_NOMEM. Thread-safe. */
CHAMP_EXTERN champ_status champ_goal_read(const char *path, champ_goal **out);
/* The same from memory; `name` starts the messages (NULL: none). */
CHAMP_EXTERN champ_status champ_goal_read_memory(const void *data, size_t len, const char *name,
                                                 champ_goal **out);

/* What the goal says. Strings borrowed from the goal (NULL when absent or
 * for a NULL goal); the scenario -1 when it names none; the deadline in
 * Unix seconds. */
CHAMP_EXTERN const char *champ_goal_name(const champ_goal *g);
CHAMP_EXTERN const char *champ_goal_kpi(const champ_goal *g);
CHAMP_EXTERN double champ_goal_target(const champ_goal *g);
CHAMP_EXTERN double champ_goal_deadline(const champ_goal *g);
CHAMP_EXTERN size_t champ_goal_baseline_period(const champ_goal *g);
CHAMP_EXTERN int champ_goal_scenario(const champ_goal *g);
CHAMP_EXTERN const char *champ_goal_what(const champ_goal *g);
CHAMP_EXTERN const char *champ_goal_who(const champ_goal *g);
CHAMP_EXTERN const char *champ_goal_why(const champ_goal *g);

/* How the goal stands on a tracking: the KPI's value in the baseline
 * period and in the last period that has one, the progress (latest -
 * baseline) / (target - baseline) clamped to [0, 1], and on_track: 1 when
 * the least-squares line through the points (period start, value) from
 * the baseline period on reaches the target by the deadline (0 when not;
 * with one point only, 1 when that value has reached the target). Any
 * out-parameter may be NULL. Errors: CHAMP_ERR_ARGUMENT (NULL goal or
 * tracking), CHAMP_ERR_SCHEMA when the goal does not fit the tracking,
 * with a message saying how: a scenario other than the tracking's, a
 * baseline period past the last, a KPI without a value in the baseline
 * period, a deadline before the first period, a target equal to the
 * baseline. Thread-safe. */
CHAMP_EXTERN champ_status champ_goal_status(const champ_goal *g, const champ_tracking *t,
                                            double *baseline, double *latest, double *progress,
                                            int *on_track);

CHAMP_EXTERN void champ_goal_free(champ_goal *g);

/* ------------------------------------------------------------------------
 * The stakeholder report (Since: 0.2.0)
 * ------------------------------------------------------------------------ */

/* Write the report of a ranking as one self-contained HTML page in
 * `language`: the method (the criteria, their weights, the scenario), the
 * top champions (champ_ranking_top(), at most the eligible) with a bar of
 * each criterion's part of their score, their explanation
 * (champ_ranking_explain) and flags, and their likely ranks when the
 * ranking has confidence; the champions per team as the team table gives
 * them (small teams pooled, withheld figures marked); with a tracking
 * `t` (may be NULL), its KPI per period as a chart and a table -- the
 * goal's KPI with its target, its trend to the deadline and its status in
 * words when `goal` is given, else the active people -- and the rising
 * champions of the last period; the data's summary and its caveats
 * (sampled bridging, confidence, the ranking's warnings, whose text is
 * English in every language). Styles and charts (SVG) are inline; the
 * page has no script and fetches nothing (its Content Security Policy
 * forbids it); it prints on A4. Ids, team names and the goal's words are
 * escaped. The ranking and the tracking should come from the same network
 * and options; the report does not check. Errors: CHAMP_ERR_ARGUMENT (NULL
 * ranking or stream, a language out of range, a goal without a tracking),
 * the errors of champ_goal_status() with a goal, CHAMP_ERR_NOMEM,
 * CHAMP_ERR_IO (as champ_ranking_write). Thread-safe. */
CHAMP_EXTERN champ_status champ_report_write(const champ_ranking *r, const champ_tracking *t,
                                             const champ_goal *goal, champ_language language,
                                             FILE *stream);
CHAMP_EXTERN champ_status champ_report_write_to(const champ_ranking *r, const champ_tracking *t,
                                                const champ_goal *goal,
                                                champ_language language, champ_write_fn fn,
                                                void *user);

#ifdef __cplusplus
}
#endif

#endif /* CHAMPIONS_H */
