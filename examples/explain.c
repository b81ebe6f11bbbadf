/*
 * `champions explain [OPTIONS] FILE ID`: why one person ranks where they
 * do, in a sentence, then criterion by criterion.
 *
 * Copyright the champions authors. SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#define SENTENCE (-1)

/* Print the library's sentence (c SENTENCE) or its phrase for criterion c,
 * and a newline: asked for its size first, so nothing is ever cut. */
static void print_phrase(const champ_ranking *r, size_t i, int c)
{
    size_t needed = 0;
    char *text = NULL;
    for (int pass = 0; pass < 2; pass++) {
        size_t size = pass ? needed : 0;
        champ_status st =
            c == SENTENCE
                ? champ_ranking_explain(r, i, CHAMP_LANGUAGE_EN, text, size, &needed)
                : champ_ranking_explain_criterion(r, i, (champ_criterion)c, CHAMP_LANGUAGE_EN,
                                                  text, size, &needed);
        if (st != CHAMP_OK || (!pass && !(text = malloc(needed)))) {
            needed = 0;
            break;
        }
    }
    puts(needed ? text : "?");
    free(text);
}

static void print_breakdown(const champ_ranking *r, size_t i)
{
    bool eligible = champ_ranking_eligible(r, i);
    printf("\n%-12s  %6s  %10s  %6s  %s\n", "criterion", "weight", "percentile", "points",
           "what it counts");
    for (int k = 0; k < CHAMP_CRITERION_COUNT; k++) {
        champ_criterion c = (champ_criterion)k;
        double share = champ_ranking_weight(r, c), pct = champ_ranking_percentile(r, i, c);
        printf("%-12s  %5.0f%%  ", champ_criterion_name(c), 100 * share);
        if (eligible)
            printf("%10.3f  %6.3f  ", pct, share * pct);
        else
            printf("%10s  %6s  ", "-", "-");
        print_phrase(r, i, k);
    }
    if (eligible)
        printf("%-12s  %6s  %10s  %6.3f  the score: rank %zu of %.0f\n", "score", "", "",
               champ_ranking_score(r, i), champ_ranking_rank(r, i),
               champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE));
}

static void print_trust(const champ_ranking *r, size_t i)
{
    size_t low, high;
    double share;
    if (champ_ranking_interval(r, i, &low, &high, &share))
        printf("\nConfidence: ranks %zu to %zu in 90%% of %zu resamples, in the top %zu in "
               "%.0f%% of them; tier %zu.\n",
               low, high, champ_ranking_resamples(r), champ_ranking_top(r), 100 * share,
               champ_ranking_tier(r, i));
    unsigned flags = champ_ranking_flags(r, i);
    if (!flags) {
        puts("\nFlags: none.");
        return;
    }
    puts("\nFlags:");
    for (int f = 0; f < CHAMP_FLAG_COUNT; f++) {
        if (!(flags & (1u << f)))
            continue;
        printf("  %s: %s", champ_flag_name((champ_flag)f), champ_flag_description((champ_flag)f));
        double similarity;
        const char *like = champ_ranking_shadow_of(r, i, &similarity);
        if (f == CHAMP_FLAG_SHADOW && like)
            printf(" (here %s, %.0f%% alike)", like, 100 * similarity);
        puts(".");
    }
}

static int run_explain(struct cli *cli)
{
    const char *file = cli->args[0], *id = cli->args[1];
    champ_ranking *r = NULL;
    int code = load_and_rank(cli, file, &r);
    size_t i = 0;
    if (code == EXIT_SUCCESS && champ_ranking_find(r, id, &i) != CHAMP_OK)
        code = input_error("%s: %s", input_name(file), champ_last_error());
    if (code == EXIT_SUCCESS) {
        const char *team = champ_ranking_team(r, i), *group = champ_ranking_group(r, i);
        print_warnings(r, file);
        printf("%s (team %s, group %s)\n", id, team ? team : "unknown",
               group ? group : "none: not listed");
        print_phrase(r, i, SENTENCE);
        print_breakdown(r, i);
        print_trust(r, i);
        code = finish_stdout();
    }
    champ_ranking_free(r);
    return code;
}

static void help_explain(FILE *out, const champ_options *defaults,
                         const champ_read_options *reading)
{
    fputs("Usage: champions explain [OPTIONS] FILE ID\n"
          "\n"
          "Say why the person ID ranks where they do: a sentence naming their\n"
          "strongest and weakest criteria with the figures behind them, then each\n"
          "criterion's weight, percentile, points of the score and figure, their\n"
          "flags and, with --confidence, how sure their rank is. The options rank\n"
          "FILE as 'champions rank' does.\n"
          "\n",
          out);
    help_ranked(out, defaults, reading);
    fputs("\n  -h, --help                show this help\n"
          "\n"
          "Exit status: 0 success, 1 bad input (or no person ID), 2 bad usage.\n",
          out);
}

static const struct option_spec *const EXPLAIN_OPTIONS[] = {
    RANKING_OPTIONS, TRUST_OPTIONS, READING_OPTIONS, HELP_OPTION, NULL};

const struct command EXPLAIN_COMMAND = {
    .name = "explain",
    .arguments = "FILE ID",
    .positional = 2,
    .options = EXPLAIN_OPTIONS,
    .format_name = NULL,
    .run = run_explain,
    .help = help_explain,
};
