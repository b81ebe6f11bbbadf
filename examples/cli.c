/*
 * The shared parts of the `champions` demo (see cli.h).
 *
 * Copyright the champions authors. SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------------
 * Messages on stderr
 * ------------------------------------------------------------------------ */

static void print_line(const char *prefix, const char *fmt, va_list ap)
{
    fputs(prefix, stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_line("champions: ", fmt, ap);
    va_end(ap);
    fputs("Try 'champions --help'.\n", stderr);
    return EXIT_USAGE;
}

int failure(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_line("champions: ", fmt, ap);
    va_end(ap);
    return EXIT_FAILURE;
}

int input_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_line("", fmt, ap);
    va_end(ap);
    return EXIT_FAILURE;
}

int check_status(champ_status status, const char *option)
{
    if (status == CHAMP_OK)
        return EXIT_SUCCESS;
    if (status != CHAMP_ERR_ARGUMENT && status != CHAMP_ERR_SCHEMA)
        return failure("%s", champ_last_error());
    if (option)
        return usage_error("%s: %s", option, champ_last_error());
    return usage_error("%s", champ_last_error());
}

int bad_value(const char *option, const char *key, const char *expected, const char *value)
{
    if (key)
        return usage_error("%s: %s: expected %s, got '%s'", option, key, expected, value);
    return usage_error("%s: expected %s, got '%s'", option, expected, value);
}

int finish_stdout(void)
{
    errno = 0;
    if (fflush(stdout) == 0 && !ferror(stdout))
        return EXIT_SUCCESS;
    return failure("cannot write the output: %s", errno ? strerror(errno) : "write error");
}

/* ------------------------------------------------------------------------
 * Option values
 * ------------------------------------------------------------------------ */

bool parse_real(const char *text, double *out)
{
    char *end;
    if (*text == '\0' || isspace((unsigned char)*text))
        return false;
    *out = strtod(text, &end);
    return *end == '\0' && isfinite(*out);
}

bool parse_count(const char *text, uintmax_t max, uintmax_t *out)
{
    char *end;
    if (!isdigit((unsigned char)*text))
        return false;
    errno = 0;
    *out = strtoumax(text, &end, 10);
    return *end == '\0' && errno != ERANGE && *out <= max;
}

void list_free(struct list *list)
{
    free(list->storage);
    free(list->items);
    *list = (struct list){0};
}

int split_list(const char *option, const char *text, struct list *list)
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
 * The ranking's options
 * ------------------------------------------------------------------------ */

typedef int (*pair_handler)(struct cli *cli, const char *option, const char *key,
                            const char *value);

/* Apply `handle` to each NAME=VALUE item of a comma-separated list. */
static int apply_pairs(struct cli *cli, const char *option, const char *text,
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
            code = handle(cli, option, key, equals + 1);
        }
    }
    list_free(&list);
    return code;
}

/* The value of a NAME=W pair: a finite number >= 0. */
static int parse_pair_weight(const char *option, const char *key, const char *value, double *w)
{
    if (parse_real(value, w) && *w >= 0)
        return EXIT_SUCCESS;
    return bad_value(option, key, "a finite number >= 0", value);
}

void join_names(char *buf, size_t size, const char *(*name)(size_t i), const char *last)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; name(i) && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s",
                                 i == 0 ? "" : name(i + 1) ? ", " : last, name(i));
}

int pick_name(const char *option, const char *value, const char *(*name)(size_t i),
              size_t *out)
{
    for (size_t i = 0; name(i); i++)
        if (strcmp(value, name(i)) == 0) {
            *out = i;
            return EXIT_SUCCESS;
        }
    char names[256];
    join_names(names, sizeof names, name, " or ");
    return bad_value(option, NULL, names, value);
}

/* The library's names by index, for join_names and pick_name. */
static const char *criterion_at(size_t i)
{
    return i < CHAMP_CRITERION_COUNT ? champ_criterion_name((champ_criterion)i) : NULL;
}

static const char *scenario_at(size_t i)
{
    return i < CHAMP_SCENARIO_COUNT ? champ_scenario_name((champ_scenario)i) : NULL;
}

static const char *estimate_at(size_t i)
{
    return i < CHAMP_ESTIMATE_COUNT ? champ_estimate_name((champ_estimate)i) : NULL;
}

static const char *input_at(size_t i)
{
    return i < CHAMP_INPUT_COUNT ? champ_input_name((champ_input)i) : NULL;
}

static int apply_weight(struct cli *cli, const char *option, const char *key, const char *value)
{
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++) {
        if (strcmp(key, champ_criterion_name((champ_criterion)c)) != 0)
            continue;
        double w;
        int code = parse_pair_weight(option, key, value, &w);
        if (code != EXIT_SUCCESS)
            return code;
        return check_status(champ_options_set_weight(cli->options, (champ_criterion)c, w),
                            option);
    }
    char names[128];
    join_names(names, sizeof names, criterion_at, " or ");
    return usage_error("%s: unknown criterion '%s' (expected %s)", option, key, names);
}

static int apply_type_weight(struct cli *cli, const char *option, const char *key,
                             const char *value)
{
    double w;
    int code = parse_pair_weight(option, key, value, &w);
    if (code != EXIT_SUCCESS)
        return code;
    return check_status(champ_options_set_type_weight(cli->options, key, w), option);
}

typedef champ_status (*group_setter)(champ_options *o, const char *const *groups, size_t n);

static int apply_groups(struct cli *cli, const char *option, const char *text, group_setter set)
{
    struct list list = {0};
    int code = split_list(option, text, &list);
    if (code == EXIT_SUCCESS)
        code = check_status(set(cli->options, (const char *const *)list.items, list.count),
                            option);
    list_free(&list);
    return code;
}

typedef champ_status (*real_setter)(champ_options *o, double value);

static int apply_real(struct cli *cli, const char *option, const char *text, bool nonnegative,
                      real_setter set)
{
    double value;
    if (!parse_real(text, &value) || (nonnegative && value < 0))
        return bad_value(option, NULL, nonnegative ? "a finite number >= 0" : "a finite number",
                         text);
    return check_status(set(cli->options, value), option);
}

static int parse_time_option(const char *option, const char *text, double *out)
{
    if (champ_parse_time(out, text) == CHAMP_OK)
        return EXIT_SUCCESS;
    /* The library says what is wrong (a missing time zone, a day out of range). */
    return usage_error("%s: %s", option, champ_last_error());
}

int parse_count_option(const char *option, const char *text, uintmax_t max, uintmax_t *out)
{
    if (parse_count(text, max, out))
        return EXIT_SUCCESS;
    return bad_value(option, NULL, "a non-negative integer", text);
}

static int handle_weights(struct cli *cli, const char *option, const char *value)
{
    return apply_pairs(cli, option, value, apply_weight);
}

static int handle_since(struct cli *cli, const char *option, const char *value)
{
    return parse_time_option(option, value, &cli->since);
}

static int handle_until(struct cli *cli, const char *option, const char *value)
{
    return parse_time_option(option, value, &cli->until);
}

static int handle_type_weight(struct cli *cli, const char *option, const char *value)
{
    return apply_pairs(cli, option, value, apply_type_weight);
}

static int handle_min_activity(struct cli *cli, const char *option, const char *value)
{
    return apply_real(cli, option, value, false, champ_options_set_min_activity);
}

static int handle_champion_groups(struct cli *cli, const char *option, const char *value)
{
    return apply_groups(cli, option, value, champ_options_set_champion_groups);
}

static int handle_audience(struct cli *cli, const char *option, const char *value)
{
    return apply_groups(cli, option, value, champ_options_set_audience_groups);
}

static int handle_reciprocity_prior(struct cli *cli, const char *option, const char *value)
{
    return apply_real(cli, option, value, true, champ_options_set_reciprocity_prior);
}

static int handle_samples(struct cli *cli, const char *option, const char *value)
{
    uintmax_t k;
    int code = parse_count_option(option, value, SIZE_MAX, &k);
    if (code != EXIT_SUCCESS)
        return code;
    return check_status(champ_options_set_bridging_samples(cli->options, (size_t)k), option);
}

static int handle_seed(struct cli *cli, const char *option, const char *value)
{
    uintmax_t seed;
    int code = parse_count_option(option, value, UINT64_MAX, &seed);
    if (code != EXIT_SUCCESS)
        return code;
    return check_status(champ_options_set_seed(cli->options, (uint64_t)seed), option);
}

static int handle_estimate(struct cli *cli, const char *option, const char *value)
{
    size_t e;
    int code = pick_name(option, value, estimate_at, &e);
    if (code != EXIT_SUCCESS)
        return code;
    return check_status(champ_options_set_bridging_estimate(cli->options, (champ_estimate)e),
                        option);
}

static int handle_scenario(struct cli *cli, const char *option, const char *value)
{
    size_t s;
    int code = pick_name(option, value, scenario_at, &s);
    if (code != EXIT_SUCCESS)
        return code;
    return check_status(champ_options_set_scenario(cli->options, (champ_scenario)s), option);
}

static int handle_min_tie_weight(struct cli *cli, const char *option, const char *value)
{
    return apply_real(cli, option, value, true, champ_options_set_min_tie_weight);
}

static int handle_confidence(struct cli *cli, const char *option, const char *value)
{
    uintmax_t b;
    int code = parse_count_option(option, value, SIZE_MAX, &b);
    if (code != EXIT_SUCCESS)
        return code;
    return check_status(champ_options_set_confidence(cli->options, (size_t)b), option);
}

/* Applied after the whole command line, so that --allow-small-groups may
 * come after it (see parse_command_line). */
static int handle_min_group_size(struct cli *cli, const char *option, const char *value)
{
    uintmax_t n;
    int code = parse_count_option(option, value, SIZE_MAX, &n);
    if (code == EXIT_SUCCESS) {
        cli->min_group_size = (size_t)n;
        cli->min_group_size_given = true;
    }
    return code;
}

static int handle_allow_small_groups(struct cli *cli, const char *option, const char *value)
{
    (void)value;
    return check_status(champ_options_allow_small_groups(cli->options, 1), option);
}

const struct option_spec RANKING_OPTIONS[] = {
    {"--scenario", 0, "NAME", handle_scenario},
    {"--weights", 0, "NAME=W,...", handle_weights},
    {"--since", 0, "TIME", handle_since},
    {"--until", 0, "TIME", handle_until},
    {"--type-weight", 0, "TYPE=W,...", handle_type_weight},
    {"--min-activity", 0, "X", handle_min_activity},
    {"--champion-groups", 0, "G,...", handle_champion_groups},
    {"--audience", 0, "G,...", handle_audience},
    {"--reciprocity-prior", 0, "A", handle_reciprocity_prior},
    {"--samples", 0, "K", handle_samples},
    {"--seed", 0, "S", handle_seed},
    {"--estimate", 0, "E", handle_estimate},
    {"--min-tie-weight", 0, "W", handle_min_tie_weight},
    {NULL, 0, NULL, NULL},
};

const struct option_spec TRUST_OPTIONS[] = {
    {"--confidence", 0, "B", handle_confidence},
    {"--min-group-size", 0, "N", handle_min_group_size},
    {"--allow-small-groups", 0, NULL, handle_allow_small_groups},
    {NULL, 0, NULL, NULL},
};

/* Each criterion's default weight, "reciprocity=0.3, reach=0.25, ...",
 * three to a line of the help. */
static void default_weights(char *buf, size_t size, const champ_options *defaults)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int c = 0; c < CHAMP_CRITERION_COUNT && used < size; c++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s=%g",
                                 c == 0 ? "" : c % 3 ? ", " : ",\n                            ",
                                 champ_criterion_name((champ_criterion)c),
                                 champ_options_get_weight(defaults, (champ_criterion)c));
}

/* The default champion groups, "staff" (or "staff,partner"). */
static void default_groups(char *buf, size_t size, const champ_options *defaults)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < champ_options_champion_group_count(defaults) && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? "," : "",
                                 champ_options_champion_group(defaults, i));
}

void help_ranking(FILE *out, const champ_options *defaults)
{
    char weights[256], groups[256], scenarios[128], estimates[64];
    default_weights(weights, sizeof weights, defaults);
    default_groups(groups, sizeof groups, defaults);
    join_names(scenarios, sizeof scenarios, scenario_at, " or ");
    join_names(estimates, sizeof estimates, estimate_at, " or ");
    fprintf(out,
            "Ranking options:\n"
            "  --scenario NAME           a start scenario's preset of the groups: %s\n"
            "                            ('champions scenarios'); --audience and\n"
            "                            --champion-groups override it\n"
            "  --weights NAME=W,...      criterion weights (W >= 0); criteria left out keep\n"
            "                            their defaults:\n"
            "                            %s\n"
            "  --since TIME              keep interactions at or after TIME\n"
            "  --until TIME              keep interactions before TIME; TIME is RFC 3339\n"
            "                            (2026-03-01T09:30:00Z), a date (2026-03-01, 00:00\n"
            "                            UTC) or Unix seconds\n"
            "  --type-weight TYPE=W,...  multiply interactions of TYPE by W >= 0\n"
            "                            (default 1; repeatable)\n"
            "  --min-activity X          eligible only with activity >= X (default %g)\n"
            "  --champion-groups G,...   groups whose members can be champions (default %s)\n"
            "  --audience G,...          reach counts ties to people of these groups\n"
            "                            instead of other teams\n"
            "  --reciprocity-prior A     weight A >= 0 of the network's reciprocity (default %g)\n"
            "  --samples K               bridging from K sampled sources (default %zu:\n"
            "                            exact when the network is small enough)\n"
            "  --seed S                  seed of the sampling and the resamples (default\n"
            "                            %" PRIu64 ")\n"
            "  --estimate E              sampled bridging's estimate: %s (default\n"
            "                            %s; linear scaling comes closer to exact from\n"
            "                            the same sources)\n"
            "  --min-tie-weight W        a tie counts for ties, mutual ties, reach and\n"
            "                            bridging only when its weights both ways add up to\n"
            "                            W or more (default %g: every tie counts); type\n"
            "                            weights count in it\n",
            scenarios, weights, champ_options_get_min_activity(defaults), groups,
            champ_options_get_reciprocity_prior(defaults),
            champ_options_get_bridging_samples(defaults), champ_options_get_seed(defaults),
            estimates, champ_estimate_name(champ_options_get_bridging_estimate(defaults)),
            champ_options_get_min_tie_weight(defaults));
}

void help_ranked(FILE *out, const champ_options *defaults, const champ_read_options *reading)
{
    help_ranking(out, defaults);
    fputc('\n', out);
    help_trust(out, defaults);
    fputc('\n', out);
    help_reading(out, reading);
}

void help_trust(FILE *out, const champ_options *defaults)
{
    fprintf(out,
            "Confidence and privacy options:\n"
            "  --confidence B            rank B bootstrap resamples of the interactions too\n"
            "                            (default %zu: off): each person's likely ranks (5th\n"
            "                            to 95th percentile), share of resamples in the top\n"
            "                            %zu, and tiers of ranks the data cannot tell apart\n"
            "  --min-group-size N        team-level figures pool teams of fewer than N listed\n"
            "                            people as \"(small teams)\" (default %zu; lower only\n"
            "                            with --allow-small-groups)\n"
            "  --allow-small-groups      allow --min-group-size below the default\n",
            champ_options_get_confidence(defaults), champ_options_get_top(defaults),
            champ_options_get_min_group_size(defaults));
}

/* ------------------------------------------------------------------------
 * Reading, output and help options
 * ------------------------------------------------------------------------ */

static int handle_input(struct cli *cli, const char *option, const char *value)
{
    size_t form;
    int code = pick_name(option, value, input_at, &form);
    if (code != EXIT_SUCCESS)
        return code;
    return check_status(champ_read_options_set_input(cli->read, (champ_input)form), option);
}

static int handle_people(struct cli *cli, const char *option, const char *value)
{
    return check_status(champ_read_options_set_people(cli->read, value), option);
}

static int apply_column(struct cli *cli, const char *option, const char *key, const char *value)
{
    return check_status(champ_read_options_set_column(cli->read, key, value), option);
}

static int handle_columns(struct cli *cli, const char *option, const char *value)
{
    return apply_pairs(cli, option, value, apply_column);
}

static int handle_weight_column(struct cli *cli, const char *option, const char *value)
{
    return check_status(champ_read_options_set_weight_column(cli->read, value), option);
}

static int handle_hrvar(struct cli *cli, const char *option, const char *value)
{
    return check_status(champ_read_options_set_hrvar(cli->read, value), option);
}

const struct option_spec READING_OPTIONS[] = {
    {"--input", 0, "FORM", handle_input},
    {"--people", 0, "FILE.csv", handle_people},
    {"--columns", 0, "FIELD=NAME,...", handle_columns},
    {"--weight-column", 0, "COLUMN", handle_weight_column},
    {"--hrvar", 0, "NAME", handle_hrvar},
    {NULL, 0, NULL, NULL},
};

void help_reading(FILE *out, const champ_read_options *defaults)
{
    fputs("Input options (FILE may be the folder of a Slack or Viva Engage export):\n"
          "  --input FORM              the form of FILE: ", out);
    size_t column = 43;
    for (int f = 0; f < CHAMP_INPUT_COUNT; f++) {
        const char *name = champ_input_name((champ_input)f);
        if (column + strlen(name) + 2 > 79) {
            fputs(f ? ",\n                            " : "\n                            ", out);
            column = 28;
        } else if (f) {
            fputs(", ", out);
            column += 2;
        }
        fputs(name, out);
        column += strlen(name);
    }
    fputs("\n"
          "                            (default: detect, by the content)\n"
          "  --people FILE.csv         a people table (a CSV of ids, teams, groups) for\n"
          "                            any form\n"
          "  --columns FIELD=NAME,...  the CSV column holding a field, for example\n"
          "                            from=Sender,to=Recipient\n"
          "  --weight-column COLUMN    Viva Insights: the metric weighing each row\n"
          "                            (default: every row weighs 1; 0 is no interaction)\n"
          "  --hrvar NAME              Viva Insights: the HR attribute giving the teams\n",
          out);
    fprintf(out, "                            (default %s)\n", champ_read_options_get_hrvar(defaults));
}

int handle_format(struct cli *cli, const char *option, const char *value)
{
    return pick_name(option, value, cli->command->format_name, &cli->format);
}

static int handle_top(struct cli *cli, const char *option, const char *value)
{
    uintmax_t top;
    int code = parse_count_option(option, value, SIZE_MAX, &top);
    if (code != EXIT_SUCCESS)
        return code;
    cli->top = (size_t)top;
    cli->top_given = true;
    return EXIT_SUCCESS;
}

const struct option_spec OUTPUT_OPTIONS[] = {
    {"--format", 0, "FORMAT", handle_format},
    {"--top", 0, "N", handle_top},
    {NULL, 0, NULL, NULL},
};

static int handle_help(struct cli *cli, const char *option, const char *value)
{
    (void)option;
    (void)value;
    cli->help = true;
    return EXIT_SUCCESS;
}

const struct option_spec HELP_OPTION[] = {
    {"--help", 'h', NULL, handle_help},
    {NULL, 0, NULL, NULL},
};

/* ------------------------------------------------------------------------
 * The command line
 * ------------------------------------------------------------------------ */

static const struct option_spec *find_option(const struct command *command, const char *name,
                                             size_t len)
{
    for (const struct option_spec *const *table = command->options; *table; table++)
        for (const struct option_spec *spec = *table; spec->name; spec++)
            if ((strlen(spec->name) == len && strncmp(spec->name, name, len) == 0) ||
                (spec->letter && len == 2 && name[0] == '-' && name[1] == spec->letter))
                return spec;
    return NULL;
}

/* Parse the option at argv[*i], taking its value from "=VALUE" or from the
 * next argument (which may then start with '-', as in --since -3600). */
static int parse_option(struct cli *cli, int argc, char **argv, int *i)
{
    const char *arg = argv[*i];
    const char *equals = strchr(arg, '=');
    size_t name_len = equals ? (size_t)(equals - arg) : strlen(arg);
    const struct option_spec *spec = find_option(cli->command, arg, name_len);
    const char *value = NULL;

    if (!spec)
        return usage_error("unknown option '%.*s'", (int)name_len, arg);
    if (!spec->value) {
        if (equals)
            return usage_error("option '%s' takes no value", spec->name);
    } else if (equals) {
        value = equals + 1;
    } else if (*i + 1 < argc) {
        value = argv[++*i];
    } else {
        return usage_error("option '%s' needs a value", spec->name);
    }
    return spec->handle(cli, spec->name, value);
}

int parse_command_line(struct cli *cli, int argc, char **argv)
{
    bool options_done = false;
    for (int i = 0; i < argc && !cli->help; i++) {
        const char *arg = argv[i];
        int code = EXIT_SUCCESS;
        if (!options_done && strcmp(arg, "--") == 0)
            options_done = true;
        else if (!options_done && arg[0] == '-' && arg[1] != '\0')
            code = parse_option(cli, argc, argv, &i);
        else if (cli->arg_count >= cli->command->positional)
            code = usage_error("unexpected argument '%s'", arg);
        else
            cli->args[cli->arg_count++] = arg;
        if (code != EXIT_SUCCESS)
            return code;
    }
    if (cli->help)
        return EXIT_SUCCESS;
    if (cli->arg_count < cli->command->positional)
        return usage_error("%s: missing %s", cli->command->name, cli->command->arguments);
    if (cli->min_group_size_given) {
        champ_status status = champ_options_set_min_group_size(cli->options, cli->min_group_size);
        if (status == CHAMP_ERR_ARGUMENT) /* refused: it still holds the default */
            return usage_error("--min-group-size: %zu is below the default %zu; add "
                               "--allow-small-groups to allow it",
                               cli->min_group_size,
                               champ_options_get_min_group_size(cli->options));
        if (status != CHAMP_OK)
            return check_status(status, "--min-group-size");
    }
    if (isnan(cli->since) && isnan(cli->until))
        return EXIT_SUCCESS;
    return check_status(champ_options_set_window(cli->options, cli->since, cli->until),
                        "--since/--until");
}

int run_command(const struct command *command, int argc, char **argv)
{
    struct cli cli = {.command = command, .since = NAN, .until = NAN};
    int code = check_status(champ_options_new(&cli.options), NULL);
    if (code == EXIT_SUCCESS)
        code = check_status(champ_read_options_new(&cli.read), NULL);
    if (code == EXIT_SUCCESS)
        code = parse_command_line(&cli, argc, argv);
    if (code == EXIT_SUCCESS && cli.help) {
        champ_options *defaults = NULL;
        champ_read_options *read_defaults = NULL;
        code = check_status(champ_options_new(&defaults), NULL);
        if (code == EXIT_SUCCESS)
            code = check_status(champ_read_options_new(&read_defaults), NULL);
        if (code == EXIT_SUCCESS)
            command->help(stdout, defaults, read_defaults);
        champ_read_options_free(read_defaults);
        champ_options_free(defaults);
        if (code == EXIT_SUCCESS)
            code = finish_stdout();
    } else if (code == EXIT_SUCCESS) {
        code = command->run(&cli);
    }
    champ_read_options_free(cli.read);
    champ_options_free(cli.options);
    return code;
}

/* ------------------------------------------------------------------------
 * Progress on stderr: for a person watching (stderr is a terminal) and only
 * when there is something to wait for (a file of PROGRESS_MIN_BYTES or
 * more). CHAMPIONS_PROGRESS=always or never decides instead (scripts, tests).
 * ------------------------------------------------------------------------ */
#define PROGRESS_MIN_BYTES (64L << 20)
#define PROGRESS_WIDTH 16

int wants_progress(const char *file)
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

int show_progress(void *user, const char *phase, double done)
{
    (void)user;
    fprintf(stderr, "\r%-10s %3.0f%%", phase, done * 100);
    return 0;
}

void end_progress(int shown)
{
    if (shown)
        fprintf(stderr, "\r%*s\r", PROGRESS_WIDTH, "");
}

/* ------------------------------------------------------------------------
 * Input and ranking
 * ------------------------------------------------------------------------ */

const char *input_name(const char *file)
{
    return strcmp(file, "-") == 0 ? STDIN_NAME : file;
}

int load_network(const struct cli *cli, const char *file, int progress, champ_network **net)
{
    int code = check_status(
        champ_read_options_set_progress(cli->read, progress ? show_progress : NULL, NULL), NULL);
    if (code != EXIT_SUCCESS)
        return code;
    /* Standard input goes to the library as it is, the same rule as a file. */
    champ_status status = strcmp(file, "-") == 0
                              ? champ_network_read_fd(STDIN_FILENO, STDIN_NAME, cli->read, net)
                              : champ_network_read(file, cli->read, net);
    if (status == CHAMP_OK)
        return EXIT_SUCCESS;
    end_progress(progress);
    if (status == CHAMP_ERR_NOMEM || status == CHAMP_ERR_INTERNAL)
        return failure("%s", champ_last_error());
    return input_error("%s", champ_last_error());
}

int rank_network(const struct cli *cli, const champ_network *net, int progress,
                 champ_ranking **ranking)
{
    int code = check_status(
        champ_options_set_progress(cli->options, progress ? show_progress : NULL, NULL), NULL);
    /* --top N: the top of the confidence's share too (SPEC 10.1) */
    if (code == EXIT_SUCCESS && cli->top_given && cli->top > 0)
        code = check_status(champ_options_set_top(cli->options, cli->top), "--top");
    if (code != EXIT_SUCCESS)
        return code;
    champ_status status = champ_rank(net, cli->options, ranking);
    end_progress(progress);
    /* SCHEMA here is about the data (weights adding up past the largest
     * number), so it is reported like bad input. */
    if (status == CHAMP_ERR_SCHEMA)
        return input_error("%s: %s", input_name(cli->args[0]), champ_last_error());
    return check_status(status, NULL);
}

int load_and_rank(const struct cli *cli, const char *file, champ_ranking **ranking)
{
    champ_network *net = NULL;
    int progress = wants_progress(file);
    int code = load_network(cli, file, progress, &net);
    if (code == EXIT_SUCCESS)
        code = rank_network(cli, net, progress, ranking);
    champ_network_free(net);
    return code;
}

void print_warnings(const champ_ranking *r, const char *file)
{
    for (size_t i = 0; i < champ_ranking_warning_count(r); i++)
        fprintf(stderr, "%s: warning: %s\n", input_name(file), champ_ranking_warning(r, i, NULL));
}

int write_output(const char *out, champ_status (*write)(FILE *stream, const void *arg),
                 const void *arg)
{
    if (strcmp(out, "-") == 0) {
        if (write(stdout, arg) != CHAMP_OK)
            return failure("%s", champ_last_error());
        return finish_stdout();
    }
    size_t size = strlen(out) + sizeof ".XXXXXX";
    char *temp = malloc(size);
    if (!temp)
        return failure("out of memory");
    snprintf(temp, size, "%s.XXXXXX", out);
    int fd = mkstemp(temp);
    if (fd < 0) {
        int code = failure("cannot write %s: %s", out, strerror(errno));
        free(temp);
        return code;
    }
    FILE *stream = fdopen(fd, "w");
    int code = EXIT_SUCCESS;
    if (!stream) {
        code = failure("cannot write %s: %s", out, strerror(errno));
        close(fd);
    } else {
        if (write(stream, arg) != CHAMP_OK)
            code = failure("%s: %s", out, champ_last_error());
        if (fclose(stream) != 0 && code == EXIT_SUCCESS)
            code = failure("cannot write %s: %s", out, strerror(errno));
    }
    if (code == EXIT_SUCCESS && rename(temp, out) != 0)
        code = failure("cannot write %s: %s", out, strerror(errno));
    if (code != EXIT_SUCCESS)
        unlink(temp);
    free(temp);
    return code;
}
