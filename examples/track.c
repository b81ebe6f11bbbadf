/*
 * `champions track [OPTIONS] FILE`: the programme over time. Every calendar
 * period of the export ranked, its KPIs and rising champions, and a goal's
 * status; as a table a person reads, or as JSON or CSV. And `champions
 * scenarios`: the start scenarios and what each counts as reach.
 *
 * Copyright the champions authors. SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Rising champions shown per period in the table. */
#define TABLE_RISING 3

/* Format 0 is the table; format i > 0 is the library's JSON (1) or CSV (2). */
#define TRACK_TABLE 0

static const char *track_format_name(size_t i)
{
    return i == TRACK_TABLE ? "table" : i <= 2 ? champ_format_name((champ_format)(i - 1)) : NULL;
}

/* ------------------------------------------------------------------------
 * Options of its own
 * ------------------------------------------------------------------------ */

static const char *period_at(size_t i)
{
    return i < CHAMP_PERIOD_COUNT ? champ_period_name((champ_period)i) : NULL;
}

static int handle_period(struct cli *cli, const char *option, const char *value)
{
    size_t p;
    int code = pick_name(option, value, period_at, &p);
    if (code != EXIT_SUCCESS)
        return code;
    return check_status(champ_options_set_period(cli->options, (champ_period)p), option);
}

static int handle_goal(struct cli *cli, const char *option, const char *value)
{
    (void)option;
    cli->goal = value;
    return EXIT_SUCCESS;
}

/* --top N: how many champions a period has (the library's option). */
static int handle_champions(struct cli *cli, const char *option, const char *value)
{
    uintmax_t n;
    int code = parse_count_option(option, value, SIZE_MAX, &n);
    if (code != EXIT_SUCCESS)
        return code;
    return check_status(champ_options_set_top(cli->options, (size_t)n), option);
}

const struct option_spec PROGRAMME_OPTIONS[] = {
    {"--period", 0, "PERIOD", handle_period},
    {"--goal", 0, "FILE.json", handle_goal},
    {"--top", 0, "N", handle_champions},
    {NULL, 0, NULL, NULL},
};

static const struct option_spec TRACK_FORMAT_OPTION[] = {
    {"--format", 0, "FORMAT", handle_format},
    {NULL, 0, NULL, NULL},
};

/* ------------------------------------------------------------------------
 * The table
 * ------------------------------------------------------------------------ */

/* t (Unix seconds) as "YYYY-MM-DD" in UTC. */
static void date_text(char *buf, size_t size, double t)
{
    time_t seconds = (time_t)floor(t);
    struct tm tm;
    if (!gmtime_r(&seconds, &tm) || !strftime(buf, size, "%Y-%m-%d", &tm))
        snprintf(buf, size, "%.0f", t);
}

/* A period as people name it: 2004-03, 2004-Q1, or a week by its Monday. */
static void period_label(char *buf, size_t size, champ_period period, double since)
{
    char date[32];
    date_text(date, sizeof date, since);
    if (period == CHAMP_PERIOD_MONTH)
        snprintf(buf, size, "%.7s", date);
    else if (period == CHAMP_PERIOD_QUARTER)
        snprintf(buf, size, "%.4s-Q%d", date, ((date[5] - '0') * 10 + date[6] - '0' - 1) / 3 + 1);
    else
        snprintf(buf, size, "%.10s", date);
}

/* A KPI cell: "-" for null, a share as a percentage, else the number. */
static void kpi_cell(char *buf, size_t size, double x, bool share)
{
    if (isnan(x))
        snprintf(buf, size, "-");
    else if (share)
        snprintf(buf, size, "%.0f%%", x * 100);
    else
        snprintf(buf, size, "%.10g", x);
}

/* "e0021 (31 -> 4), e0007 (new -> 9), 2 more" */
static void rising_text(char *buf, size_t size, const champ_tracking *t, size_t i)
{
    size_t n = champ_tracking_rising_count(t, i), used = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < n && k < TABLE_RISING && used < size; k++) {
        size_t rank, previous;
        const char *id = champ_tracking_rising(t, i, k, &rank, &previous);
        char before[32];
        if (previous)
            snprintf(before, sizeof before, "%zu", previous);
        else
            snprintf(before, sizeof before, "new");
        used += (size_t)snprintf(buf + used, size - used, "%s%s (%s -> %zu)", k ? ", " : "",
                                 id, before, rank);
    }
    if (n > TABLE_RISING && used < size)
        snprintf(buf + used, size - used, ", %zu more", n - TABLE_RISING);
}

static void print_periods(const champ_tracking *t, bool audience)
{
    champ_period period = champ_tracking_period(t);
    size_t n = champ_tracking_count(t);
    int scenario = champ_tracking_scenario(t);
    char first[32], last[32];
    period_label(first, sizeof first, period, champ_tracking_since(t, 0));
    period_label(last, sizeof last, period, champ_tracking_since(t, n - 1));
    printf("%zu %s%s from %s to %s; the top %zu are the champions; scenario: %s\n\n", n,
           champ_period_name(period), n == 1 ? "" : "s", first, last, champ_tracking_top(t),
           scenario >= 0 ? champ_scenario_name((champ_scenario)scenario) : "none");
    printf("%-10s %8s %12s %9s %6s", "period", "active", "interactions", "recip", "reach");
    if (audience)
        printf(" %9s", "audience");
    printf(" %9s  %s\n", "retained", "rising");
    for (size_t i = 0; i < n; i++) {
        char label[32], active[32], recip[32], reach[32], reached[32], retained[32], rising[512];
        period_label(label, sizeof label, period, champ_tracking_since(t, i));
        kpi_cell(active, sizeof active, champ_tracking_kpi(t, i, CHAMP_KPI_ACTIVE_PEOPLE), false);
        kpi_cell(recip, sizeof recip, champ_tracking_kpi(t, i, CHAMP_KPI_CHAMPION_RECIPROCITY),
                 false);
        if (!isnan(champ_tracking_kpi(t, i, CHAMP_KPI_CHAMPION_RECIPROCITY)))
            snprintf(recip, sizeof recip, "%.3f",
                     champ_tracking_kpi(t, i, CHAMP_KPI_CHAMPION_RECIPROCITY));
        kpi_cell(reach, sizeof reach, champ_tracking_kpi(t, i, CHAMP_KPI_CHAMPION_REACH), false);
        kpi_cell(reached, sizeof reached, champ_tracking_kpi(t, i, CHAMP_KPI_AUDIENCE_REACHED),
                 false);
        kpi_cell(retained, sizeof retained, champ_tracking_kpi(t, i, CHAMP_KPI_RETAINED), true);
        rising_text(rising, sizeof rising, t, i);
        printf("%-10s %8s %12.0f %9s %6s", label, active,
               champ_tracking_summary(t, i, CHAMP_SUMMARY_INTERACTIONS), recip, reach);
        if (audience)
            printf(" %9s", reached);
        printf(" %9s%s%s\n", retained, *rising ? "  " : "", rising);
    }
}

/* The goal's status under the table. */
static int print_goal(const champ_tracking *t, const champ_goal *g)
{
    double baseline, latest, progress;
    int on_track;
    if (champ_goal_status(g, t, &baseline, &latest, &progress, &on_track) != CHAMP_OK)
        return input_error("%s", champ_last_error());
    char deadline[32];
    date_text(deadline, sizeof deadline, champ_goal_deadline(g));
    printf("\nGoal \"%s\": %s from %.10g to %.10g by %s\n", champ_goal_name(g), champ_goal_kpi(g),
           baseline, champ_goal_target(g), deadline);
    printf("  latest %.10g: %.0f%% of the way; %s\n", latest, progress * 100,
           on_track ? "on track (the trend reaches the target by the deadline)"
                    : "behind (the trend does not reach the target by the deadline)");
    return EXIT_SUCCESS;
}

/* Whether period j has the warning `text`. */
static bool has_warning(const champ_tracking *t, size_t j, const char *text)
{
    for (size_t m = 0; m < champ_tracking_warning_count(t, j); m++)
        if (strcmp(champ_tracking_warning(t, j, m, NULL), text) == 0)
            return true;
    return false;
}

/* Each period's warnings on stderr, each sentence once with the periods
 * it holds for: "FILE: warning: 2004-01, 2004-02: ...", or "every period". */
static void print_track_warnings(const champ_tracking *t, const char *file)
{
    size_t n = champ_tracking_count(t);
    champ_period period = champ_tracking_period(t);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < champ_tracking_warning_count(t, i); k++) {
            const char *text = champ_tracking_warning(t, i, k, NULL);
            bool earlier = false;
            for (size_t j = 0; j < i && !earlier; j++)
                earlier = has_warning(t, j, text);
            if (earlier)
                continue;
            size_t holds = 0;
            for (size_t j = i; j < n; j++)
                holds += has_warning(t, j, text);
            fprintf(stderr, "%s: warning: %s", input_name(file), holds == n ? "every period" : "");
            for (size_t j = i, shown = 0; j < n && holds < n; j++)
                if (has_warning(t, j, text)) {
                    char label[32];
                    period_label(label, sizeof label, period, champ_tracking_since(t, j));
                    fprintf(stderr, "%s%s", shown++ ? ", " : "", label);
                }
            fprintf(stderr, ": %s\n", text);
        }
}

/* ------------------------------------------------------------------------
 * The command
 * ------------------------------------------------------------------------ */

int load_goal(struct cli *cli, champ_goal **goal)
{
    if (!cli->goal)
        return EXIT_SUCCESS;
    if (champ_goal_read(cli->goal, goal) != CHAMP_OK)
        return input_error("%s", champ_last_error());
    int scenario = champ_goal_scenario(*goal);
    if (scenario >= 0 && champ_options_get_scenario(cli->options) < 0)
        return check_status(champ_options_set_scenario(cli->options, (champ_scenario)scenario),
                            NULL);
    return EXIT_SUCCESS;
}

static int run_track(struct cli *cli)
{
    const char *file = cli->args[0];
    champ_network *net = NULL;
    champ_tracking *tracking = NULL;
    champ_goal *goal = NULL;
    int progress = wants_progress(file);
    int code = load_goal(cli, &goal);
    if (code == EXIT_SUCCESS)
        code = load_network(cli, file, progress, &net);
    if (code == EXIT_SUCCESS)
        code = check_status(champ_options_set_progress(cli->options,
                                                       progress ? show_progress : NULL, NULL),
                            NULL);
    if (code == EXIT_SUCCESS) {
        champ_status status = champ_track(net, cli->options, &tracking);
        end_progress(progress);
        /* SCHEMA: the data cannot be tracked (no times), named after the file */
        code = status == CHAMP_ERR_SCHEMA
                   ? input_error("%s: %s", input_name(file), champ_last_error())
                   : check_status(status, NULL);
    }
    champ_network_free(net);
    if (code == EXIT_SUCCESS) {
        print_track_warnings(tracking, file);
        if (cli->format == TRACK_TABLE) {
            print_periods(tracking, champ_options_audience_group_count(cli->options) > 0);
            if (goal)
                code = print_goal(tracking, goal);
        } else {
            champ_status status = champ_tracking_write(tracking, goal,
                                                       (champ_format)(cli->format - 1), stdout);
            if (status == CHAMP_ERR_SCHEMA)
                code = input_error("%s", champ_last_error());
            else if (status != CHAMP_OK)
                code = failure("%s", champ_last_error());
        }
        if (code == EXIT_SUCCESS)
            code = finish_stdout();
    }
    champ_goal_free(goal);
    champ_tracking_free(tracking);
    return code;
}

void help_programme(FILE *out, const champ_options *defaults)
{
    fprintf(out,
            "  --period PERIOD           week (from Monday), month or quarter (default %s)\n"
            "  --top N                   the champions of a period: its first N eligible\n"
            "                            people (default %zu)\n"
            "  --goal FILE.json          a goal: name, kpi, target, deadline (and scenario,\n"
            "                            baseline_period, what, who, why); its scenario\n"
            "                            applies when --scenario is not given\n",
            champ_period_name(champ_options_get_period(defaults)), champ_options_get_top(defaults));
}

static void help_track(FILE *out, const champ_options *defaults,
                       const champ_read_options *reading)
{
    fputs("Usage: champions track [OPTIONS] FILE\n"
          "\n"
          "Follow the champions over time: rank every calendar period (UTC) of FILE\n"
          "from its first timed interaction to its last, each as 'champions rank\n"
          "--since START --until END' would, and show per period the KPIs (people\n"
          "active, the champions' reciprocity and reach, the audience they reach, the\n"
          "share of champions retained) and the rising champions; with --goal, how a\n"
          "SMART goal stands.\n"
          "\n",
          out);
    help_ranking(out, defaults);
    fputc('\n', out);
    help_reading(out, reading);
    fprintf(out,
            "\n"
            "Tracking and output options:\n");
    help_programme(out, defaults);
    fputs("  --format FORMAT           table (default), json or csv\n"
          "  -h, --help                show this help\n"
          "\n"
          "Exit status: 0 success, 1 bad input or failed output, 2 bad usage.\n",
          out);
}

static const struct option_spec *const TRACK_OPTIONS[] = {RANKING_OPTIONS, READING_OPTIONS,
                                                          PROGRAMME_OPTIONS, TRACK_FORMAT_OPTION,
                                                          HELP_OPTION, NULL};

const struct command TRACK_COMMAND = {
    .name = "track",
    .arguments = "FILE",
    .positional = 1,
    .options = TRACK_OPTIONS,
    .format_name = track_format_name,
    .run = run_track,
    .help = help_track,
};

/* ------------------------------------------------------------------------
 * champions scenarios
 * ------------------------------------------------------------------------ */

static int run_scenarios(struct cli *cli)
{
    (void)cli;
    for (int s = 0; s < CHAMP_SCENARIO_COUNT; s++)
        printf("%-12s %s\n", champ_scenario_name((champ_scenario)s),
               champ_scenario_description((champ_scenario)s));
    return finish_stdout();
}

static void help_scenarios(FILE *out, const champ_options *defaults,
                           const champ_read_options *reading)
{
    (void)defaults;
    (void)reading;
    fputs("Usage: champions scenarios\n"
          "\n"
          "List the method's start scenarios: whose ties count as reach in each.\n"
          "'champions rank --scenario NAME' and 'champions track --scenario NAME'\n"
          "apply one.\n",
          out);
}

static const struct option_spec *const SCENARIOS_OPTIONS[] = {HELP_OPTION, NULL};

const struct command SCENARIOS_COMMAND = {
    .name = "scenarios",
    .arguments = "",
    .positional = 0,
    .options = SCENARIOS_OPTIONS,
    .format_name = NULL,
    .run = run_scenarios,
    .help = help_scenarios,
};
