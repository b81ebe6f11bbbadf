/*
 * `champions teams [OPTIONS] FILE`: the champions per team, with teams too
 * small to show pooled (the library's team table).
 *
 * Copyright the champions authors. SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Format 0 is the table; 1 and 2 the library's JSON and CSV. */
static const char *teams_format_name(size_t i)
{
    static const char *const names[] = {"table", "json", "csv"};
    return i < COUNT_OF(names) ? names[i] : NULL;
}

static const champ_format LIBRARY_FORMAT[] = {CHAMP_FORMAT_JSON, CHAMP_FORMAT_JSON,
                                              CHAMP_FORMAT_CSV};

/* A figure, or "-" when withheld. */
static void cell(char *buf, size_t size, double x)
{
    if (isnan(x))
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%.0f", x);
}

static int print_teams(const champ_ranking *r, size_t top)
{
    size_t rows = champ_ranking_team_count(r);
    double *figure[CHAMP_TEAM_ITEM_COUNT] = {NULL};
    int code = EXIT_SUCCESS;
    for (int k = 0; k < CHAMP_TEAM_ITEM_COUNT && code == EXIT_SUCCESS; k++)
        if (!(figure[k] = malloc((rows ? rows : 1) * sizeof(double))))
            code = failure("out of memory");
        else
            code = check_status(champ_ranking_team_table(r, top, (champ_team_item)k, figure[k]),
                                NULL);
    if (code == EXIT_SUCCESS) {
        size_t width = strlen("team");
        for (size_t k = 0; k < rows; k++)
            if (strlen(champ_ranking_team_name(r, k)) > width)
                width = strlen(champ_ranking_team_name(r, k));
        char champions[32];
        snprintf(champions, sizeof champions, "in top %zu", top);
        printf("%-*s  %6s  %8s  %9s\n", (int)width, "team", "listed", "eligible",
               top ? champions : "all ranked");
        for (size_t k = 0; k < rows; k++) {
            char a[32], b[32], c[32];
            cell(a, sizeof a, figure[CHAMP_TEAM_LISTED][k]);
            cell(b, sizeof b, figure[CHAMP_TEAM_ELIGIBLE][k]);
            cell(c, sizeof c, figure[CHAMP_TEAM_CHAMPIONS][k]);
            printf("%-*s  %6s  %8s  %9s", (int)width, champ_ranking_team_name(r, k), a, b, c);
            if (champ_ranking_team_pooled(r, k))
                printf("  (%.0f team%s)", figure[CHAMP_TEAM_TEAMS][k],
                       figure[CHAMP_TEAM_TEAMS][k] == 1 ? "" : "s");
            putchar('\n');
        }
        printf("\nTeams of fewer than %zu listed people are pooled as the last row; a figure\n"
               "shown as - is withheld (the pool itself is that small).\n",
               champ_ranking_min_group_size(r));
    }
    for (int k = 0; k < CHAMP_TEAM_ITEM_COUNT; k++)
        free(figure[k]);
    return code;
}

static int run_teams(struct cli *cli)
{
    const char *file = cli->args[0];
    champ_ranking *r = NULL;
    int code = load_and_rank(cli, file, &r);
    if (code == EXIT_SUCCESS) {
        size_t top = cli->top_given ? cli->top : champ_ranking_top(r);
        print_warnings(r, file);
        if (cli->format == 0)
            code = print_teams(r, top);
        else if (champ_ranking_write_teams(r, LIBRARY_FORMAT[cli->format], top, stdout))
            code = failure("%s", champ_last_error());
        if (code == EXIT_SUCCESS)
            code = finish_stdout();
    }
    champ_ranking_free(r);
    return code;
}

static void help_teams(FILE *out, const champ_options *defaults,
                       const champ_read_options *reading)
{
    fputs("Usage: champions teams [OPTIONS] FILE\n"
          "\n"
          "Per team: the listed people, the eligible, and the champions among the\n"
          "first N ranks. Teams of fewer listed people than the minimum group size\n"
          "are never shown on their own: they are pooled as \"(small teams)\".\n"
          "\n",
          out);
    help_ranked(out, defaults, reading);
    fprintf(out,
            "\n"
            "Output options:\n"
            "  --format FORMAT           table (default), json or csv\n"
            "  --top N                   champions are the first N ranks (default %zu; 0:\n"
            "                            every eligible person)\n"
            "  -h, --help                show this help\n"
            "\n"
            "Exit status: 0 success, 1 bad input or failed output, 2 bad usage.\n",
            champ_options_get_top(defaults));
}

static const struct option_spec *const TEAMS_OPTIONS[] = {
    RANKING_OPTIONS, TRUST_OPTIONS, READING_OPTIONS, OUTPUT_OPTIONS, HELP_OPTION, NULL};

const struct command TEAMS_COMMAND = {
    .name = "teams",
    .arguments = "FILE",
    .positional = 1,
    .options = TEAMS_OPTIONS,
    .format_name = teams_format_name,
    .run = run_teams,
    .help = help_teams,
};
