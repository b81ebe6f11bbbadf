/*
 * champions — find the social business champions of an interaction export.
 *
 *   champions rank [OPTIONS] FILE
 *   champions explain [OPTIONS] FILE ID
 *   champions teams [OPTIONS] FILE
 *   champions track [OPTIONS] FILE
 *   champions pseudonymize --key-file KEY [OPTIONS] IN OUT
 *   champions scenarios
 *   champions --help | --version
 *
 * The demo uses only the public API of <champions.h>, the way an HR tool
 * would. Each command lives in a file of its own (rank.c, explain.c, ...); what they
 * share is in cli.c. Exit status: 0 success, 1 bad input or failed output,
 * 2 bad usage.
 *
 * Copyright the champions authors. SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

extern const struct command RANK_COMMAND;
extern const struct command EXPLAIN_COMMAND;
extern const struct command TEAMS_COMMAND;
extern const struct command TRACK_COMMAND;
extern const struct command PSEUDONYMIZE_COMMAND;
extern const struct command REPORT_COMMAND;
extern const struct command SCENARIOS_COMMAND;

static const struct command *const COMMANDS[] = {&RANK_COMMAND, &EXPLAIN_COMMAND, &TEAMS_COMMAND,
                                                 &TRACK_COMMAND, &REPORT_COMMAND,
                                                 &PSEUDONYMIZE_COMMAND, &SCENARIOS_COMMAND};

static const char *command_at(size_t i)
{
    return i < COUNT_OF(COMMANDS) ? COMMANDS[i]->name : NULL;
}

static int print_help(void)
{
    fputs("Usage: champions COMMAND [OPTIONS] FILE\n"
          "       champions --help | --version\n"
          "\n"
          "Find the social business champions of an interaction export: the\n"
          "colleagues who help others and are helped back, go beyond their own\n"
          "team, stand between otherwise distant people, are engaged with, and\n"
          "are active.\n"
          "\n"
          "Commands:\n"
          "  rank          rank the champions of FILE (a table, JSON, CSV, GEXF or GraphML)\n"
          "  explain       say why one person ranks where they do\n"
          "  teams         count the champions per team, small teams pooled\n"
          "  track         follow them period by period: KPIs, rising champions, a goal\n"
          "  report        write the stakeholder report: one self-contained HTML page\n"
          "  pseudonymize  rewrite an export with keyed pseudonyms for its ids\n"
          "  scenarios     list the start scenarios (--scenario NAME)\n"
          "\n"
          "'champions COMMAND --help' shows a command's options.\n"
          "Exit status: 0 success, 1 bad input or failed output, 2 bad usage.\n",
          stdout);
    return finish_stdout();
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        char commands[256];
        join_names(commands, sizeof commands, command_at, " or ");
        return usage_error("missing the command (%s)", commands);
    }
    const char *command = argv[1];
    for (size_t i = 0; i < COUNT_OF(COMMANDS); i++)
        if (strcmp(command, COMMANDS[i]->name) == 0)
            return run_command(COMMANDS[i], argc - 2, argv + 2);
    bool help = strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0;
    if (!help && strcmp(command, "--version") != 0)
        return usage_error("unknown %s '%s'", command[0] == '-' ? "option" : "command", command);
    if (argc > 2)
        return usage_error("unexpected argument '%s'", argv[2]);
    if (help)
        return print_help();
    printf("champions %s\n", champ_version());
    return finish_stdout();
}
