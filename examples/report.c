/*
 * `champions report [OPTIONS] FILE -o report.html`: the stakeholder report,
 * one self-contained HTML page the library writes (champ_report_write):
 * the ranking, the champions per team and, when the export has times, the
 * programme period by period against a goal.
 *
 * Copyright the champions authors. SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static int handle_output(struct cli *cli, const char *option, const char *value)
{
    (void)option;
    cli->output = value;
    return EXIT_SUCCESS;
}

static const char *language_at(size_t i)
{
    return i < CHAMP_LANGUAGE_COUNT ? champ_language_name((champ_language)i) : NULL;
}

static int handle_language(struct cli *cli, const char *option, const char *value)
{
    size_t language;
    int code = pick_name(option, value, language_at, &language);
    if (code == EXIT_SUCCESS)
        cli->language = (champ_language)language;
    return code;
}

static const struct option_spec REPORT_ONLY_OPTIONS[] = {
    {"--output", 'o', "FILE.html", handle_output},
    {"--lang", 0, "LANG", handle_language},
    {NULL, 0, NULL, NULL},
};

struct report_output {
    const champ_ranking *ranking;
    const champ_tracking *tracking;
    const champ_goal *goal;
    champ_language language;
};

static champ_status write_report(FILE *stream, const void *arg)
{
    const struct report_output *job = arg;
    return champ_report_write(job->ranking, job->tracking, job->goal, job->language, stream);
}

/* The programme: every period tracked when the export has times. Without
 * times there is nothing to track: no section then, unless a goal asks for
 * one. */
static int track_network(const struct cli *cli, const champ_network *net, const char *file,
                         const champ_goal *goal, champ_tracking **out)
{
    champ_status status = champ_track(net, cli->options, out);
    if (status == CHAMP_ERR_SCHEMA && !goal)
        return EXIT_SUCCESS;
    if (status == CHAMP_ERR_SCHEMA)
        return input_error("%s: %s (a goal needs timed interactions)", input_name(file),
                           champ_last_error());
    return check_status(status, NULL);
}

static int run_report(struct cli *cli)
{
    const char *file = cli->args[0];
    champ_network *net = NULL;
    champ_ranking *ranking = NULL;
    champ_tracking *tracking = NULL;
    champ_goal *goal = NULL;
    int progress = wants_progress(file);
    int code = load_goal(cli, &goal);
    if (code == EXIT_SUCCESS)
        code = load_network(cli, file, progress, &net);
    if (code == EXIT_SUCCESS)
        code = rank_network(cli, net, progress, &ranking);
    if (code == EXIT_SUCCESS)
        code = track_network(cli, net, file, goal, &tracking);
    champ_network_free(net);
    if (code == EXIT_SUCCESS) {
        print_warnings(ranking, file);
        struct report_output job = {ranking, tracking, goal, cli->language};
        code = write_output(cli->output ? cli->output : "-", write_report, &job);
    }
    champ_goal_free(goal);
    champ_tracking_free(tracking);
    champ_ranking_free(ranking);
    return code;
}

static void help_report(FILE *out, const champ_options *defaults,
                        const champ_read_options *reading)
{
    fputs("Usage: champions report [OPTIONS] FILE -o REPORT.html\n"
          "\n"
          "Write the report for stakeholders: one HTML page, readable offline and\n"
          "printable, with the method, the top champions and why they rank where they\n"
          "do, the champions per team (small teams pooled), and, when FILE has times,\n"
          "the KPI per period against the goal and the rising champions; then the\n"
          "data and its caveats. Nothing in the page reaches outside the file.\n"
          "\n",
          out);
    help_ranked(out, defaults, reading);
    fputs("\nProgramme and output options:\n", out);
    help_programme(out, defaults);
    char languages[128];
    join_names(languages, sizeof languages, language_at, " or ");
    fprintf(out,
            "  -o, --output FILE.html    the report's file (default: standard output); it\n"
            "                            appears only when complete\n"
            "  --lang LANG               the report's language: %s (default %s)\n"
            "  -h, --help                show this help\n"
            "\n"
            "Exit status: 0 success, 1 bad input or failed output, 2 bad usage.\n",
            languages, champ_language_name(CHAMP_LANGUAGE_EN));
}

static const struct option_spec *const REPORT_OPTIONS[] = {
    RANKING_OPTIONS, TRUST_OPTIONS,       READING_OPTIONS, PROGRAMME_OPTIONS,
    REPORT_ONLY_OPTIONS, HELP_OPTION, NULL};

const struct command REPORT_COMMAND = {
    .name = "report",
    .arguments = "FILE",
    .positional = 1,
    .options = REPORT_OPTIONS,
    .format_name = NULL,
    .run = run_report,
    .help = help_report,
};
