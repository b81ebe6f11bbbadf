/*
 * champions — rank the social business champions of an interaction export.
 *
 *   champions rank [OPTIONS] FILE
 *
 * The demo uses only the public API of <champions.h>, the way an HR tool
 * would. Exit status: 0 success, 1 bad input or failed output, 2 bad usage.
 *
 * Copyright the champions authors. SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <champions.h>

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define EXIT_USAGE 2

#define STDIN_NAME "<stdin>"
#define DEFAULT_TABLE_TOP 20
/* Ids and teams wider than this many code points are cut with an ellipsis. */
#define MAX_TEXT_COLUMNS 24
#define ELLIPSIS "\xE2\x80\xA6"
/* A table cell: MAX_TEXT_COLUMNS code points of up to 4 bytes, or a number. */
#define CELL_SIZE (MAX_TEXT_COLUMNS * 4 + sizeof ELLIPSIS)

#if defined(__GNUC__)
#define PRINTF_LIKE(a, b) __attribute__((format(printf, a, b)))
#else
#define PRINTF_LIKE(a, b)
#endif

static const char HELP[] =
    "Usage: champions rank [OPTIONS] FILE\n"
    "       champions --help | --version\n"
    "\n"
    "Rank the social business champions of an interaction export (JSON or\n"
    "JSON Lines). FILE '-' reads standard input.\n"
    "\n"
    "Options, each as --option VALUE or --option=VALUE:\n"
    "  --weights NAME=W,...      criterion weights (W >= 0); criteria left out keep\n"
    "                            their defaults reciprocity=0.3, reach=0.25,\n"
    "                            bridging=0.15, influence=0.15, activity=0.15\n"
    "  --since TIME              keep interactions at or after TIME\n"
    "  --until TIME              keep interactions before TIME; TIME is RFC 3339\n"
    "                            (2026-03-01T09:30:00Z) or Unix seconds\n"
    "  --type-weight TYPE=W,...  multiply interactions of TYPE by W >= 0\n"
    "                            (default 1; repeatable)\n"
    "  --min-activity X          eligible only with activity >= X (default 1)\n"
    "  --champion-groups G,...   groups whose members can be champions (default staff)\n"
    "  --audience G,...          reach counts ties to people of these groups\n"
    "                            instead of other teams\n"
    "  --reciprocity-prior A     weight A >= 0 of the network's reciprocity (default 2)\n"
    "  --samples K               bridging from K sampled sources (default 0: automatic)\n"
    "  --seed S                  seed of the sampling (default 1)\n"
    "  --format FORMAT           table (default), json or csv\n"
    "  --top N                   the first N people, 0 for all\n"
    "                            (default 20 for table, all for json and csv)\n"
    "  --help                    show this help\n"
    "\n"
    "Exit status: 0 success, 1 bad input or failed output, 2 bad usage.\n";

/* ------------------------------------------------------------------------
 * Messages on stderr
 * ------------------------------------------------------------------------ */

static void print_line(const char *prefix, const char *fmt, va_list ap)
{
    fputs(prefix, stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

/* Bad usage: one line, a hint, exit status 2. */
static int PRINTF_LIKE(1, 2) usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_line("champions: ", fmt, ap);
    va_end(ap);
    fputs("Try 'champions --help'.\n", stderr);
    return EXIT_USAGE;
}

/* Any other failure: one line, exit status 1. */
static int PRINTF_LIKE(1, 2) failure(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_line("champions: ", fmt, ap);
    va_end(ap);
    return EXIT_FAILURE;
}

/* Bad input: the line starts with the file name, so no program prefix. */
static int PRINTF_LIKE(1, 2) input_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_line("", fmt, ap);
    va_end(ap);
    return EXIT_FAILURE;
}

/* EXIT_SUCCESS for CHAMP_OK. Otherwise the library refused a value the user
 * chose (usage, named after `option` when given), or failed on its own
 * (out of memory, igraph). */
static int check_status(champ_status status, const char *option)
{
    if (status == CHAMP_OK)
        return EXIT_SUCCESS;
    if (status != CHAMP_ERR_ARGUMENT && status != CHAMP_ERR_SCHEMA)
        return failure("%s", champ_last_error());
    if (option)
        return usage_error("%s: %s", option, champ_last_error());
    return usage_error("%s", champ_last_error());
}

/* A value the option does not accept: "--top: expected ..., got 'x'". */
static int bad_value(const char *option, const char *key, const char *expected,
                     const char *value)
{
    if (key)
        return usage_error("%s: %s: expected %s, got '%s'", option, key, expected, value);
    return usage_error("%s: expected %s, got '%s'", option, expected, value);
}

/* Flush stdout and turn any write error (a full disk, a closed pipe) into
 * exit status 1: output that silently stopped halfway must not look fine. */
static int finish_stdout(void)
{
    errno = 0;
    if (fflush(stdout) == 0 && !ferror(stdout))
        return EXIT_SUCCESS;
    return failure("cannot write the output: %s", errno ? strerror(errno) : "write error");
}

/* ------------------------------------------------------------------------
 * Option values
 * ------------------------------------------------------------------------ */

/* The whole of `text` is one finite number. */
static bool parse_real(const char *text, double *out)
{
    char *end;
    if (*text == '\0' || isspace((unsigned char)*text))
        return false;
    *out = strtod(text, &end);
    return *end == '\0' && isfinite(*out);
}

/* The whole of `text` is a decimal integer in [0, max]: no sign, no space. */
static bool parse_count(const char *text, uintmax_t max, uintmax_t *out)
{
    char *end;
    if (!isdigit((unsigned char)*text))
        return false;
    errno = 0;
    *out = strtoumax(text, &end, 10);
    return *end == '\0' && errno != ERANGE && *out <= max;
}

/* A comma-separated list, split in place in a copy of the option value.
 * list_free() is safe after any outcome of split_list(). */
struct list {
    char *storage;
    char **items;
    size_t count;
};

static void list_free(struct list *list)
{
    free(list->storage);
    free(list->items);
    *list = (struct list){0};
}

static int split_list(const char *option, const char *text, struct list *list)
{
    size_t n = 1;
    for (const char *p = text; *p; p++)
        n += *p == ',';
    list->count = n;
    list->storage = strdup(text);
    list->items = malloc(n * sizeof *list->items);
    if (!list->storage || !list->items)
        return failure("out of memory");
    char *item = list->storage;
    for (size_t i = 0; i < n; i++) {
        size_t len = strcspn(item, ",");
        if (len == 0)
            return usage_error("%s: empty item in '%s'", option, text);
        item[len] = '\0';
        list->items[i] = item;
        item += len + 1;
    }
    return EXIT_SUCCESS;
}

/* ------------------------------------------------------------------------
 * The options of `champions rank`
 * ------------------------------------------------------------------------ */

enum output_format { FORMAT_TABLE, FORMAT_JSON, FORMAT_CSV };

static const char *const FORMAT_NAMES[] = {
    [FORMAT_TABLE] = "table",
    [FORMAT_JSON] = "json",
    [FORMAT_CSV] = "csv",
};

static const struct {
    const char *name;
    champ_criterion criterion;
} CRITERIA[] = {
    {"reciprocity", CHAMP_RECIPROCITY},
    {"reach", CHAMP_REACH},
    {"bridging", CHAMP_BRIDGING},
    {"influence", CHAMP_INFLUENCE},
    {"activity", CHAMP_ACTIVITY},
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

struct rank_args {
    champ_options *options;
    double since, until; /* NAN: open end */
    enum output_format format;
    size_t top;
    bool top_given;
    const char *file;
    bool help;
};

typedef int (*pair_handler)(struct rank_args *args, const char *option, const char *key,
                            const char *value);

/* Apply `handle` to each NAME=VALUE item of a comma-separated list. */
static int apply_pairs(struct rank_args *args, const char *option, const char *text,
                       pair_handler handle)
{
    struct list list = {0};
    int code = split_list(option, text, &list);
    for (size_t i = 0; code == EXIT_SUCCESS && i < list.count; i++) {
        char *key = list.items[i];
        char *equals = strchr(key, '=');
        if (!equals || equals == key)
            code = bad_value(option, NULL, "NAME=VALUE", key);
        else {
            *equals = '\0';
            code = handle(args, option, key, equals + 1);
        }
    }
    list_free(&list);
    return code;
}

/* The value of a NAME=W pair: a finite number >= 0. */
static int parse_pair_weight(const char *option, const char *key, const char *value,
                             double *w)
{
    if (parse_real(value, w) && *w >= 0)
        return EXIT_SUCCESS;
    return bad_value(option, key, "a finite number >= 0", value);
}

static int apply_weight(struct rank_args *args, const char *option, const char *key,
                        const char *value)
{
    for (size_t c = 0; c < COUNT_OF(CRITERIA); c++) {
        if (strcmp(key, CRITERIA[c].name) != 0)
            continue;
        double w;
        int code = parse_pair_weight(option, key, value, &w);
        if (code != EXIT_SUCCESS)
            return code;
        return check_status(champ_options_set_weight(args->options, CRITERIA[c].criterion, w),
                            option);
    }
    return usage_error("%s: unknown criterion '%s' (expected reciprocity, reach, bridging, "
                       "influence or activity)", option, key);
}

static int apply_type_weight(struct rank_args *args, const char *option, const char *key,
                             const char *value)
{
    double w;
    int code = parse_pair_weight(option, key, value, &w);
    if (code != EXIT_SUCCESS)
        return code;
    return check_status(champ_options_set_type_weight(args->options, key, w), option);
}

typedef champ_status (*group_setter)(champ_options *o, const char *const *groups, size_t n);

static int apply_groups(struct rank_args *args, const char *option, const char *text,
                        group_setter set)
{
    struct list list = {0};
    int code = split_list(option, text, &list);
    if (code == EXIT_SUCCESS)
        code = check_status(set(args->options, (const char *const *)list.items, list.count),
                            option);
    list_free(&list);
    return code;
}

typedef champ_status (*real_setter)(champ_options *o, double value);

static int apply_real(struct rank_args *args, const char *option, const char *text,
                      bool nonnegative, real_setter set)
{
    double value;
    if (!parse_real(text, &value) || (nonnegative && value < 0))
        return bad_value(option, NULL, nonnegative ? "a finite number >= 0" : "a finite number",
                         text);
    return check_status(set(args->options, value), option);
}

static int parse_time_option(const char *option, const char *text, double *out)
{
    if (champ_parse_time(out, text) == CHAMP_OK)
        return EXIT_SUCCESS;
    return bad_value(option, NULL, "an RFC 3339 date-time or Unix seconds", text);
}

static int parse_count_option(const char *option, const char *text, uintmax_t max,
                              uintmax_t *out)
{
    if (parse_count(text, max, out))
        return EXIT_SUCCESS;
    return bad_value(option, NULL, "a non-negative integer", text);
}

/* One handler per option of the table below; `value` is NULL for flags. */

static int handle_weights(struct rank_args *args, const char *option, const char *value)
{
    return apply_pairs(args, option, value, apply_weight);
}

static int handle_since(struct rank_args *args, const char *option, const char *value)
{
    return parse_time_option(option, value, &args->since);
}

static int handle_until(struct rank_args *args, const char *option, const char *value)
{
    return parse_time_option(option, value, &args->until);
}

static int handle_type_weight(struct rank_args *args, const char *option, const char *value)
{
    return apply_pairs(args, option, value, apply_type_weight);
}

static int handle_min_activity(struct rank_args *args, const char *option, const char *value)
{
    return apply_real(args, option, value, false, champ_options_set_min_activity);
}

static int handle_champion_groups(struct rank_args *args, const char *option, const char *value)
{
    return apply_groups(args, option, value, champ_options_set_champion_groups);
}

static int handle_audience(struct rank_args *args, const char *option, const char *value)
{
    return apply_groups(args, option, value, champ_options_set_audience_groups);
}

static int handle_reciprocity_prior(struct rank_args *args, const char *option,
                                    const char *value)
{
    return apply_real(args, option, value, true, champ_options_set_reciprocity_prior);
}

static int handle_samples(struct rank_args *args, const char *option, const char *value)
{
    uintmax_t k;
    int code = parse_count_option(option, value, SIZE_MAX, &k);
    if (code != EXIT_SUCCESS)
        return code;
    return check_status(champ_options_set_bridging_samples(args->options, (size_t)k), option);
}

static int handle_seed(struct rank_args *args, const char *option, const char *value)
{
    uintmax_t seed;
    int code = parse_count_option(option, value, UINT64_MAX, &seed);
    if (code != EXIT_SUCCESS)
        return code;
    return check_status(champ_options_set_seed(args->options, (uint64_t)seed), option);
}

static int handle_format(struct rank_args *args, const char *option, const char *value)
{
    for (size_t f = 0; f < COUNT_OF(FORMAT_NAMES); f++) {
        if (strcmp(value, FORMAT_NAMES[f]) == 0) {
            args->format = (enum output_format)f;
            return EXIT_SUCCESS;
        }
    }
    return bad_value(option, NULL, "table, json or csv", value);
}

static int handle_top(struct rank_args *args, const char *option, const char *value)
{
    uintmax_t top;
    int code = parse_count_option(option, value, SIZE_MAX, &top);
    if (code != EXIT_SUCCESS)
        return code;
    args->top = (size_t)top;
    args->top_given = true;
    return EXIT_SUCCESS;
}

static int handle_help(struct rank_args *args, const char *option, const char *value)
{
    (void)option;
    (void)value;
    args->help = true;
    return EXIT_SUCCESS;
}

static const struct option_spec {
    const char *name;
    bool takes_value;
    int (*handle)(struct rank_args *args, const char *option, const char *value);
} OPTION_SPECS[] = {
    {"--weights", true, handle_weights},
    {"--since", true, handle_since},
    {"--until", true, handle_until},
    {"--type-weight", true, handle_type_weight},
    {"--min-activity", true, handle_min_activity},
    {"--champion-groups", true, handle_champion_groups},
    {"--audience", true, handle_audience},
    {"--reciprocity-prior", true, handle_reciprocity_prior},
    {"--samples", true, handle_samples},
    {"--seed", true, handle_seed},
    {"--format", true, handle_format},
    {"--top", true, handle_top},
    {"--help", false, handle_help},
};

static const struct option_spec *find_option(const char *name, size_t len)
{
    for (size_t i = 0; i < COUNT_OF(OPTION_SPECS); i++) {
        const char *candidate = OPTION_SPECS[i].name;
        if (strlen(candidate) == len && strncmp(candidate, name, len) == 0)
            return &OPTION_SPECS[i];
    }
    return NULL;
}

/* Parse the option at argv[*i], taking its value from "=VALUE" or from the
 * next argument (which may then start with '-', as in --since -3600). */
static int parse_option(struct rank_args *args, int argc, char **argv, int *i)
{
    const char *arg = argv[*i];
    const char *equals = strchr(arg, '=');
    size_t name_len = equals ? (size_t)(equals - arg) : strlen(arg);
    const struct option_spec *spec = find_option(arg, name_len);
    const char *value = NULL;

    if (!spec)
        return usage_error("unknown option '%.*s'", (int)name_len, arg);
    if (!spec->takes_value) {
        if (equals)
            return usage_error("option '%s' takes no value", spec->name);
    } else if (equals) {
        value = equals + 1;
    } else if (*i + 1 < argc) {
        value = argv[++*i];
    } else {
        return usage_error("option '%s' needs a value", spec->name);
    }
    return spec->handle(args, spec->name, value);
}

/* Parse the arguments after "rank" into `args` and its options handle. */
static int parse_rank_args(struct rank_args *args, int argc, char **argv)
{
    bool options_done = false;
    for (int i = 0; i < argc && !args->help; i++) {
        const char *arg = argv[i];
        int code = EXIT_SUCCESS;
        if (!options_done && strcmp(arg, "--") == 0)
            options_done = true;
        else if (!options_done && arg[0] == '-' && arg[1] != '\0')
            code = parse_option(args, argc, argv, &i);
        else if (args->file)
            code = usage_error("unexpected argument '%s'", arg);
        else
            args->file = arg;
        if (code != EXIT_SUCCESS)
            return code;
    }
    if (args->help)
        return EXIT_SUCCESS;
    if (!args->file)
        return usage_error("missing FILE");
    if (isnan(args->since) && isnan(args->until))
        return EXIT_SUCCESS;
    return check_status(champ_options_set_window(args->options, args->since, args->until),
                        "--since/--until");
}

/* ------------------------------------------------------------------------
 * Input
 * ------------------------------------------------------------------------ */

/* Read all of standard input into a malloc'd buffer. */
static int read_standard_input(char **data, size_t *len)
{
    size_t size = 0, used = 0;
    char *buffer = NULL;
    for (;;) {
        if (used == size) {
            size_t grown = size ? size * 2 : 65536;
            char *bigger = grown > size ? realloc(buffer, grown) : NULL;
            if (!bigger) {
                free(buffer);
                return failure("out of memory");
            }
            buffer = bigger;
            size = grown;
        }
        used += fread(buffer + used, 1, size - used, stdin);
        if (ferror(stdin)) {
            free(buffer);
            return input_error(STDIN_NAME ": %s", strerror(errno));
        }
        if (feof(stdin))
            break;
    }
    *data = buffer;
    *len = used;
    return EXIT_SUCCESS;
}

/* ------------------------------------------------------------------------
 * Progress on stderr: for a person watching (stderr is a terminal) and only
 * when there is something to wait for (a file of PROGRESS_MIN_BYTES or
 * more). CHAMPIONS_PROGRESS=always or never decides instead (scripts, tests).
 * ------------------------------------------------------------------------ */
#define PROGRESS_MIN_BYTES (64L << 20)
#define PROGRESS_WIDTH 16

static int wants_progress(const char *file)
{
    const char *choice = getenv("CHAMPIONS_PROGRESS");
    if (choice && strcmp(choice, "always") == 0)
        return 1;
    if (choice && strcmp(choice, "never") == 0)
        return 0;
    struct stat st;
    return isatty(STDERR_FILENO) && strcmp(file, "-") != 0 && stat(file, &st) == 0 &&
           st.st_size >= PROGRESS_MIN_BYTES;
}

static int show_progress(void *user, const char *phase, double done)
{
    (void)user;
    fprintf(stderr, "\r%-10s %3.0f%%", phase, done * 100);
    return 0;
}

/* Wipe the progress line, so that what follows starts a clean line. */
static void end_progress(int shown)
{
    if (shown)
        fprintf(stderr, "\r%*s\r", PROGRESS_WIDTH, "");
}

/* Load the export; messages name the file (the library's already do). */
static int load_network(const char *file, int progress, champ_network **net)
{
    if (strcmp(file, "-") != 0) {
        champ_status status = champ_network_read_file_progress(
            file, progress ? show_progress : NULL, NULL, net);
        if (status != CHAMP_OK) {
            end_progress(progress);
            return input_error("%s", champ_last_error());
        }
        return EXIT_SUCCESS;
    }
    char *data = NULL;
    size_t len = 0;
    int code = read_standard_input(&data, &len);
    if (code != EXIT_SUCCESS)
        return code;
    champ_status status = champ_network_read_json(data, len, net);
    free(data);
    if (status != CHAMP_OK)
        return input_error(STDIN_NAME ": %s", champ_last_error());
    return EXIT_SUCCESS;
}

/* ------------------------------------------------------------------------
 * The table
 * ------------------------------------------------------------------------ */

enum column {
    COL_RANK, COL_ID, COL_TEAM, COL_SCORE, COL_RECIPROCITY, COL_REACH,
    COL_BRIDGING, COL_INFLUENCE, COL_ACTIVITY, COLUMN_COUNT
};

static const struct {
    const char *title;
    bool left_aligned;
} COLUMNS[COLUMN_COUNT] = {
    [COL_RANK] = {"rank", false},
    [COL_ID] = {"id", true},
    [COL_TEAM] = {"team", true},
    [COL_SCORE] = {"score", false},
    [COL_RECIPROCITY] = {"recip", false},
    [COL_REACH] = {"reach", false},
    [COL_BRIDGING] = {"bridging", false},
    [COL_INFLUENCE] = {"influence", false},
    [COL_ACTIVITY] = {"activity", false},
};

typedef char row_cells[COLUMN_COUNT][CELL_SIZE];

/* Display width, counted in code points (the library checks ids are UTF-8). */
static size_t text_width(const char *text)
{
    size_t width = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        width += (*p & 0xC0) != 0x80;
    return width;
}

/* Copy `text` into a cell, at most MAX_TEXT_COLUMNS wide (cut with an
 * ellipsis), control characters shown as '?' so they cannot break a line. */
static void fit_text(char *cell, const char *text)
{
    bool cut = text_width(text) > MAX_TEXT_COLUMNS;
    size_t keep = cut ? MAX_TEXT_COLUMNS - 1 : MAX_TEXT_COLUMNS;
    size_t points = 0, used = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if ((*p & 0xC0) != 0x80 && points++ == keep)
            break;
        if (used == CELL_SIZE - sizeof ELLIPSIS)
            break;
        cell[used++] = (char)(*p < 0x20 || *p == 0x7F ? '?' : *p);
    }
    if (cut) {
        memcpy(cell + used, ELLIPSIS, sizeof ELLIPSIS - 1);
        used += sizeof ELLIPSIS - 1;
    }
    cell[used] = '\0';
}

static void format_titles(row_cells cells)
{
    for (int c = 0; c < COLUMN_COUNT; c++)
        snprintf(cells[c], CELL_SIZE, "%s", COLUMNS[c].title);
}

static void format_row(const champ_ranking *r, size_t i, row_cells cells)
{
    const char *team = champ_ranking_team(r, i);
    snprintf(cells[COL_RANK], CELL_SIZE, "%zu", champ_ranking_rank(r, i));
    fit_text(cells[COL_ID], champ_ranking_id(r, i));
    fit_text(cells[COL_TEAM], team ? team : "-");
    snprintf(cells[COL_SCORE], CELL_SIZE, "%.3f", champ_ranking_score(r, i));
    snprintf(cells[COL_RECIPROCITY], CELL_SIZE, "%.3f",
             champ_ranking_value(r, i, CHAMP_RECIPROCITY));
    snprintf(cells[COL_REACH], CELL_SIZE, "%.0f", champ_ranking_value(r, i, CHAMP_REACH));
    snprintf(cells[COL_BRIDGING], CELL_SIZE, "%.4g", champ_ranking_value(r, i, CHAMP_BRIDGING));
    snprintf(cells[COL_INFLUENCE], CELL_SIZE, "%.4g",
             champ_ranking_value(r, i, CHAMP_INFLUENCE));
    snprintf(cells[COL_ACTIVITY], CELL_SIZE, "%.10g",
             champ_ranking_value(r, i, CHAMP_ACTIVITY));
}

static void widen_columns(size_t widths[COLUMN_COUNT], row_cells cells)
{
    for (int c = 0; c < COLUMN_COUNT; c++) {
        size_t width = text_width(cells[c]);
        if (width > widths[c])
            widths[c] = width;
    }
}

static void print_padding(size_t n)
{
    while (n-- > 0)
        putchar(' ');
}

static void print_row(const size_t widths[COLUMN_COUNT], row_cells cells)
{
    for (int c = 0; c < COLUMN_COUNT; c++) {
        size_t padding = widths[c] - text_width(cells[c]);
        if (c > 0)
            fputs("  ", stdout);
        if (!COLUMNS[c].left_aligned)
            print_padding(padding);
        fputs(cells[c], stdout);
        if (COLUMNS[c].left_aligned)
            print_padding(padding);
    }
    putchar('\n');
}

static void print_summary(const champ_ranking *r)
{
    double s[CHAMP_SUMMARY_ITEM_COUNT];
    for (int item = 0; item < CHAMP_SUMMARY_ITEM_COUNT; item++)
        s[item] = champ_ranking_summary(r, (champ_summary_item)item);
    printf("%.0f people, %.0f eligible, %.0f teams, %.0f ties, reciprocity R = %.3f\n",
           s[CHAMP_SUMMARY_PEOPLE], s[CHAMP_SUMMARY_ELIGIBLE], s[CHAMP_SUMMARY_TEAMS],
           s[CHAMP_SUMMARY_TIES], s[CHAMP_SUMMARY_RECIPROCITY]);
    printf("%.0f interactions (dropped: %.0f self, %.0f outside the window); ",
           s[CHAMP_SUMMARY_INTERACTIONS], s[CHAMP_SUMMARY_DROPPED_SELF],
           s[CHAMP_SUMMARY_DROPPED_WINDOW]);
    if (champ_ranking_bridging_exact(r))
        puts("bridging exact");
    else
        printf("bridging sampled, %zu sources\n",
               champ_ranking_bridging_sources(r));
}

/* The summary, then the first `limit` champions (0: all) in aligned columns
 * whose widths come from the data. */
static void print_table(const champ_ranking *r, size_t limit)
{
    size_t eligible = (size_t)champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE);
    size_t rows = limit == 0 || limit > eligible ? eligible : limit;
    size_t widths[COLUMN_COUNT] = {0};
    row_cells cells;

    print_summary(r);
    if (eligible == 0) {
        puts("\nNo one is eligible: no listed member of the champion groups reaches "
             "the minimum activity.");
        return;
    }
    format_titles(cells);
    widen_columns(widths, cells);
    for (size_t i = 0; i < rows; i++) {
        format_row(r, i, cells);
        widen_columns(widths, cells);
    }
    putchar('\n');
    format_titles(cells);
    print_row(widths, cells);
    for (size_t i = 0; i < rows; i++) {
        format_row(r, i, cells);
        print_row(widths, cells);
    }
    if (rows < eligible)
        printf("\n%zu of %zu eligible shown; --top 0 shows all.\n", rows, eligible);
}

/* ------------------------------------------------------------------------
 * Commands
 * ------------------------------------------------------------------------ */

static int write_ranking(const champ_ranking *r, const struct rank_args *args)
{
    champ_status status = CHAMP_OK;
    if (args->format == FORMAT_TABLE)
        print_table(r, args->top_given ? args->top : DEFAULT_TABLE_TOP);
    else
        status = champ_ranking_write(r, args->format == FORMAT_JSON ? CHAMP_FORMAT_JSON
                                                                    : CHAMP_FORMAT_CSV,
                                     args->top, stdout);
    /* The library's message says why its own write failed; check ours. */
    if (status != CHAMP_OK)
        return failure("%s", champ_last_error());
    return finish_stdout();
}

static int print_help(void)
{
    fputs(HELP, stdout);
    return finish_stdout();
}

/* Load, rank, write. The ranking is self-contained: the network goes first. */
static int rank_file(const struct rank_args *args)
{
    champ_network *net = NULL;
    champ_ranking *ranking = NULL;
    int progress = wants_progress(args->file);
    int code = load_network(args->file, progress, &net);
    if (code == EXIT_SUCCESS && progress)
        code = check_status(champ_options_set_progress(args->options, show_progress, NULL), NULL);
    if (code == EXIT_SUCCESS) {
        /* SCHEMA here is about the data (weights adding up past the largest
         * number), so it is reported like bad input. */
        champ_status status = champ_rank(net, args->options, &ranking);
        end_progress(progress);
        if (status == CHAMP_ERR_SCHEMA)
            code = input_error("%s: %s", strcmp(args->file, "-") ? args->file : STDIN_NAME,
                               champ_last_error());
        else
            code = check_status(status, NULL);
    }
    champ_network_free(net);
    if (code == EXIT_SUCCESS)
        code = write_ranking(ranking, args);
    champ_ranking_free(ranking);
    return code;
}

static int run_rank(int argc, char **argv)
{
    struct rank_args args = {.since = NAN, .until = NAN, .format = FORMAT_TABLE};
    int code = check_status(champ_options_new(&args.options), NULL);
    if (code == EXIT_SUCCESS)
        code = parse_rank_args(&args, argc, argv);
    if (code == EXIT_SUCCESS)
        code = args.help ? print_help() : rank_file(&args);
    champ_options_free(args.options);
    return code;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("missing the command (rank)");
    const char *command = argv[1];
    if (strcmp(command, "rank") == 0)
        return run_rank(argc - 2, argv + 2);
    if (strcmp(command, "--help") != 0 && strcmp(command, "--version") != 0)
        return usage_error("unknown %s '%s'", command[0] == '-' ? "option" : "command", command);
    if (argc > 2)
        return usage_error("unexpected argument '%s'", argv[2]);
    if (strcmp(command, "--help") == 0)
        return print_help();
    printf("champions %s\n", champ_version());
    return finish_stdout();
}
