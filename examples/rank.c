/*
 * `champions rank [OPTIONS] FILE`: the champions of an export, as a table
 * a person reads, or as JSON or CSV for other programs.
 *
 * Copyright the champions authors. SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#define DEFAULT_TABLE_TOP 20
/* Ids and teams wider than this many code points are cut with an ellipsis. */
#define MAX_TEXT_COLUMNS 24
#define ELLIPSIS "\xE2\x80\xA6"
/* A table cell: MAX_TEXT_COLUMNS code points of up to 4 bytes, or a number. */
#define CELL_SIZE (MAX_TEXT_COLUMNS * 4 + sizeof ELLIPSIS)

/* Format 0 is the table; format i > 0 is the library's format i - 1. */
#define FORMAT_TABLE 0

static const char *rank_format_name(size_t i)
{
    return i == FORMAT_TABLE ? "table" : champ_format_name((champ_format)(i - 1));
}

/* ------------------------------------------------------------------------
 * The table
 * ------------------------------------------------------------------------ */

enum column {
    COL_TIER, COL_RANK, COL_ID, COL_TEAM, COL_SCORE, COL_LIKELY, COL_TOP_SHARE,
    COL_CRITERIA, /* the five criteria, in champ_criterion order, from here */
    COL_FLAGS = COL_CRITERIA + CHAMP_CRITERION_COUNT, COLUMN_COUNT
};

static const struct {
    const char *title;       /* NULL: the criterion's name */
    bool left_aligned;
    bool with_confidence;    /* shown only when the ranking has confidence */
} COLUMNS[COLUMN_COUNT] = {
    [COL_TIER] = {"tier", false, true},
    [COL_RANK] = {"rank", false, false},
    [COL_ID] = {"id", true, false},
    [COL_TEAM] = {"team", true, false},
    [COL_SCORE] = {"score", false, false},
    [COL_LIKELY] = {"likely", false, true},
    [COL_TOP_SHARE] = {"in top", false, true},
    [COL_FLAGS] = {"flags", true, false},
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

static bool column_shown(const champ_ranking *r, int c)
{
    return !COLUMNS[c].with_confidence || champ_ranking_resamples(r) > 0;
}

static void format_titles(const champ_ranking *r, row_cells cells)
{
    for (int c = 0; c < COLUMN_COUNT; c++) {
        if (c >= COL_CRITERIA && c < COL_FLAGS)
            snprintf(cells[c], CELL_SIZE, "%s", champ_criterion_name((champ_criterion)(c - COL_CRITERIA)));
        else if (c == COL_TOP_SHARE)
            snprintf(cells[c], CELL_SIZE, "in top %zu", champ_ranking_top(r));
        else
            snprintf(cells[c], CELL_SIZE, "%s", COLUMNS[c].title);
    }
}

/* The flags' names, joined by commas ("-" for none). */
static void format_flags(char *cell, unsigned flags)
{
    size_t used = 0;
    cell[0] = '\0';
    for (int f = 0; f < CHAMP_FLAG_COUNT; f++)
        if (flags & (1u << f))
            used += (size_t)snprintf(cell + used, CELL_SIZE - used, "%s%s", used ? "," : "",
                                     champ_flag_name((champ_flag)f));
    if (!used)
        snprintf(cell, CELL_SIZE, "-");
}

static void format_row(const champ_ranking *r, size_t i, row_cells cells)
{
    const char *team = champ_ranking_team(r, i);
    size_t low = 0, high = 0;
    double share = 0;
    champ_ranking_interval(r, i, &low, &high, &share);
    snprintf(cells[COL_TIER], CELL_SIZE, "%zu", champ_ranking_tier(r, i));
    snprintf(cells[COL_RANK], CELL_SIZE, "%zu", champ_ranking_rank(r, i));
    fit_text(cells[COL_ID], champ_ranking_id(r, i));
    fit_text(cells[COL_TEAM], team ? team : "-");
    snprintf(cells[COL_SCORE], CELL_SIZE, "%.3f", champ_ranking_score(r, i));
    snprintf(cells[COL_LIKELY], CELL_SIZE, "%zu-%zu", low, high);
    snprintf(cells[COL_TOP_SHARE], CELL_SIZE, "%.0f%%", 100 * share);
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        if (champ_ranking_figure(r, i, (champ_criterion)c, CHAMP_LANGUAGE_EN,
                                 cells[COL_CRITERIA + c], CELL_SIZE, NULL) != CHAMP_OK)
            snprintf(cells[COL_CRITERIA + c], CELL_SIZE, "?");
    format_flags(cells[COL_FLAGS], champ_ranking_flags(r, i));
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

static void print_row(const champ_ranking *r, const size_t widths[COLUMN_COUNT], row_cells cells)
{
    bool first = true;
    for (int c = 0; c < COLUMN_COUNT; c++) {
        if (!column_shown(r, c))
            continue;
        size_t padding = widths[c] - text_width(cells[c]);
        if (!first)
            fputs("  ", stdout);
        first = false;
        if (c == COLUMN_COUNT - 1 && COLUMNS[c].left_aligned)
            padding = 0; /* no trailing blanks */
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
    printf("%.0f interactions (dropped: %.0f self, %.0f outside the window",
           s[CHAMP_SUMMARY_INTERACTIONS], s[CHAMP_SUMMARY_DROPPED_SELF],
           s[CHAMP_SUMMARY_DROPPED_WINDOW]);
    if (s[CHAMP_SUMMARY_DROPPED_ZERO] > 0)
        printf(", %.0f of weight 0", s[CHAMP_SUMMARY_DROPPED_ZERO]);
    fputs("); ", stdout);
    if (champ_ranking_bridging_exact(r))
        puts("bridging exact");
    else
        printf("bridging sampled, %zu sources%s\n", champ_ranking_bridging_sources(r),
               champ_ranking_bridging_estimate(r) == CHAMP_ESTIMATE_LINEAR ? ", linear scaling"
                                                                           : "");
}

/* What the columns say, and the flags shown. */
static void print_legend(const champ_ranking *r, unsigned flags)
{
    fputs("Score: the weighted mean of the five criteria's percentiles among the eligible.\n"
          "reciprocity: contacts who answer both ways; reach: ", stdout);
    fputs(champ_ranking_audience_group_count(r) ? "people of the audience in touch with"
                                                : "other teams in touch with",
          stdout);
    fputs(";\nbridging, influence: band among the eligible; activity: interactions sent.\n",
          stdout);
    if (champ_ranking_resamples(r))
        printf("likely: the 5th to 95th percentile of the rank over %zu resamples; in top %zu:\n"
               "the share of them with the person in the top %zu; a tier groups ranks the\n"
               "resamples cannot tell apart.\n",
               champ_ranking_resamples(r), champ_ranking_top(r), champ_ranking_top(r));
    for (int f = 0; f < CHAMP_FLAG_COUNT; f++)
        if (flags & (1u << f))
            printf("%s: %s.\n", champ_flag_name((champ_flag)f),
                   champ_flag_description((champ_flag)f));
    puts("'champions explain FILE ID' says why someone ranks where they do.");
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
        puts("\nNo one is eligible; the warnings above say why.");
        return;
    }
    unsigned flags = 0;
    format_titles(r, cells);
    widen_columns(widths, cells);
    for (size_t i = 0; i < rows; i++) {
        format_row(r, i, cells);
        widen_columns(widths, cells);
        flags |= champ_ranking_flags(r, i);
    }
    putchar('\n');
    format_titles(r, cells);
    print_row(r, widths, cells);
    for (size_t i = 0; i < rows; i++) {
        format_row(r, i, cells);
        print_row(r, widths, cells);
    }
    putchar('\n');
    if (rows < eligible)
        printf("%zu of %zu eligible shown; --top 0 shows all.\n", rows, eligible);
    print_legend(r, flags);
}

/* ------------------------------------------------------------------------
 * The command
 * ------------------------------------------------------------------------ */

static int write_ranking(const champ_ranking *r, const struct cli *cli)
{
    champ_status status = CHAMP_OK;
    if (cli->format == FORMAT_TABLE)
        print_table(r, cli->top_given ? cli->top : DEFAULT_TABLE_TOP);
    else
        status = champ_ranking_write(r, (champ_format)(cli->format - 1), cli->top, stdout);
    /* The library's message says why its own write failed; check ours. */
    if (status != CHAMP_OK)
        return failure("%s", champ_last_error());
    return finish_stdout();
}

/* Load, rank, write. The ranking is self-contained: the network goes first. */
static int run_rank(struct cli *cli)
{
    const char *file = cli->args[0];
    champ_ranking *ranking = NULL;
    int code = load_and_rank(cli, file, &ranking);
    if (code == EXIT_SUCCESS) {
        print_warnings(ranking, file);
        code = write_ranking(ranking, cli);
    }
    champ_ranking_free(ranking);
    return code;
}

static void help_rank(FILE *out, const champ_options *defaults,
                      const champ_read_options *reading)
{
    fputs("Usage: champions rank [OPTIONS] FILE\n"
          "\n"
          "Rank the social business champions of an interaction export. FILE '-'\n"
          "reads standard input. Warnings about the data or the options go to\n"
          "stderr, as \"FILE: warning: ...\".\n"
          "\n"
          "Options, each as --option VALUE or --option=VALUE.\n"
          "\n",
          out);
    help_ranked(out, defaults, reading);
    fprintf(out,
            "\n"
            "Output options:\n"
            "  --format FORMAT           table (default)");
    for (size_t f = 1; rank_format_name(f); f++)
        fprintf(out, "%s%s", rank_format_name(f + 1) ? ", " : " or ", rank_format_name(f));
    fprintf(out,
            "\n"
            "  --top N                   the first N people, 0 for all (default %d for\n"
            "                            the table, all for the others)\n"
            "  -h, --help                show this help\n"
            "\n"
            "Exit status: 0 success, 1 bad input or failed output, 2 bad usage.\n",
            DEFAULT_TABLE_TOP);
}

static const struct option_spec *const RANK_OPTIONS[] = {
    RANKING_OPTIONS, TRUST_OPTIONS, READING_OPTIONS, OUTPUT_OPTIONS, HELP_OPTION, NULL};

const struct command RANK_COMMAND = {
    .name = "rank",
    .arguments = "FILE",
    .positional = 1,
    .options = RANK_OPTIONS,
    .format_name = rank_format_name,
    .run = run_rank,
    .help = help_rank,
};
