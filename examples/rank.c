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
    printf("%.0f interactions (dropped: %.0f self, %.0f outside the window",
           s[CHAMP_SUMMARY_INTERACTIONS], s[CHAMP_SUMMARY_DROPPED_SELF],
           s[CHAMP_SUMMARY_DROPPED_WINDOW]);
    if (s[CHAMP_SUMMARY_DROPPED_ZERO] > 0)
        printf(", %.0f of weight 0", s[CHAMP_SUMMARY_DROPPED_ZERO]);
    fputs("); ", stdout);
    if (champ_ranking_bridging_exact(r))
        puts("bridging exact");
    else
        printf("bridging sampled, %zu sources\n", champ_ranking_bridging_sources(r));
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
    champ_network *net = NULL;
    champ_ranking *ranking = NULL;
    int progress = wants_progress(file);
    int code = load_network(cli, file, progress, &net);
    if (code == EXIT_SUCCESS)
        code = rank_network(cli, net, progress, &ranking);
    champ_network_free(net);
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
    help_ranking(out, defaults);
    fputc('\n', out);
    help_reading(out, reading);
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

static const struct option_spec *const RANK_OPTIONS[] = {RANKING_OPTIONS, READING_OPTIONS,
                                                         OUTPUT_OPTIONS, HELP_OPTION, NULL};

const struct command RANK_COMMAND = {
    .name = "rank",
    .arguments = "FILE",
    .positional = 1,
    .options = RANK_OPTIONS,
    .format_name = rank_format_name,
    .run = run_rank,
    .help = help_rank,
};
