/*
 * The parts of the `champions` demo that its commands share: messages and
 * exit statuses, option values, the command line of a command that reads
 * and ranks a network, loading it, progress and warnings. The demo uses
 * only the public API of <champions.h>, the way an HR tool would.
 *
 * Copyright the champions authors. SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef CHAMPIONS_CLI_H
#define CHAMPIONS_CLI_H

#include <champions.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define EXIT_USAGE 2
#define STDIN_NAME "<stdin>"

#if defined(__GNUC__)
#define PRINTF_LIKE(a, b) __attribute__((format(printf, a, b)))
#else
#define PRINTF_LIKE(a, b)
#endif

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- messages: one line on stderr, and the exit status ------------------ */

/* Bad usage: the line, a hint, exit status 2. */
int usage_error(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* Any other failure: "champions: ...", exit status 1. */
int failure(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* Bad input: the line starts with the file name, so no program prefix. */
int input_error(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* EXIT_SUCCESS for CHAMP_OK; else the library refused a value the user chose
 * (usage, named after `option` when given), or failed on its own. */
int check_status(champ_status status, const char *option);
/* "--top: expected a non-negative integer, got 'x'" (key: "--weights: reach: ..."). */
int bad_value(const char *option, const char *key, const char *expected, const char *value);
/* Flush stdout; a write error (a full disk, a closed pipe) is exit status 1. */
int finish_stdout(void);

/* ---- option values ------------------------------------------------------ */

/* The whole of `text` is one finite number. */
bool parse_real(const char *text, double *out);
/* The whole of `text` is a decimal integer in [0, max]: no sign, no space. */
bool parse_count(const char *text, uintmax_t max, uintmax_t *out);

/* A comma-separated list, split in place in a copy of the option value.
 * list_free() is safe after any outcome of split_list(). */
struct list {
    char *storage;
    char **items;
    size_t count;
};
int split_list(const char *option, const char *text, struct list *list);
void list_free(struct list *list);

/* ---- the command line of a command ---------------------------------------- */

struct cli;

/* One option: "--name" (and "-x" when `letter` is set), with a value
 * (`value` names it in the help: "NAME=W,...") or a flag (value NULL). */
struct option_spec {
    const char *name;
    char letter;
    const char *value;
    int (*handle)(struct cli *cli, const char *option, const char *value);
};

/* A command: its name, its positional arguments, its option tables (the
 * ranking's and the reading's are shared) and what it does. */
struct command {
    const char *name;
    const char *arguments;             /* "FILE" or "FILE ID", for messages */
    int positional;                    /* how many it takes */
    const struct option_spec *const *options; /* tables, NULL-terminated */
    /* Output format i (0: the default), NULL past the last; NULL: no --format. */
    const char *(*format_name)(size_t i);
    int (*run)(struct cli *cli);
    void (*help)(FILE *out, const champ_options *defaults, const champ_read_options *reading);
};

/* What the command line said. */
struct cli {
    const struct command *command;
    champ_options *options;     /* the ranking's */
    champ_read_options *read;   /* the reading's */
    double since, until;        /* NAN: open end */
    size_t format;              /* i of command->format_name(i) */
    size_t top;
    bool top_given;
    const char *args[4];        /* positional arguments, args[0] the input */
    const char *goal;           /* track, report: the goal file, or NULL */
    const char *output;         /* report: -o FILE ("-": standard output) */
    champ_language language;    /* report: --lang */
    const char *key_file;       /* pseudonymize: the key's file */
    bool teams;                 /* pseudonymize: team names too */
    size_t min_group_size;      /* --min-group-size, applied after the whole line */
    bool min_group_size_given;
    int arg_count;
    bool help;
};

/* The names name(0), name(1), ... (until NULL) as "a, b or c" (`last` the
 * last separator), for messages and help. */
void join_names(char *buf, size_t size, const char *(*name)(size_t i), const char *last);
/* The index of `value` among those names in *out, or bad usage listing them. */
int pick_name(const char *option, const char *value, const char *(*name)(size_t i),
              size_t *out);

/* --format: one of the command's formats (command->format_name). */
int handle_format(struct cli *cli, const char *option, const char *value);
/* A count option's value: a decimal integer in [0, max]. */
int parse_count_option(const char *option, const char *text, uintmax_t max, uintmax_t *out);

/* The options every command that ranks takes, and those of reading. */
extern const struct option_spec RANKING_OPTIONS[];
/* --confidence, --min-group-size, --allow-small-groups: of the commands
 * that show one ranking (tracking ranks periods, not resamples). */
extern const struct option_spec TRUST_OPTIONS[];
extern const struct option_spec READING_OPTIONS[];
extern const struct option_spec OUTPUT_OPTIONS[]; /* --format, --top */
extern const struct option_spec HELP_OPTION[];
/* --period, --goal, --top: of the commands that follow the programme
 * (track, report); their help lines; the goal of cli->goal read, its
 * scenario applied when none was given (NULL without --goal). */
extern const struct option_spec PROGRAMME_OPTIONS[];
void help_programme(FILE *out, const champ_options *defaults);
int load_goal(struct cli *cli, champ_goal **goal);

/* Help lines for the shared tables, with the library's defaults. */
void help_reading(FILE *out, const champ_read_options *defaults);
void help_ranking(FILE *out, const champ_options *defaults);
void help_trust(FILE *out, const champ_options *defaults);
/* The three above, a blank line between: the options of a command that
 * ranks one network (rank, explain, teams, report). */
void help_ranked(FILE *out, const champ_options *defaults, const champ_read_options *reading);

/* Parse argv[0..argc) (after the command's name) into `cli`, whose handles
 * the caller made; then the window goes into the options. */
int parse_command_line(struct cli *cli, int argc, char **argv);

/* Make the handles, parse, run the command (or show its help), free. */
int run_command(const struct command *command, int argc, char **argv);

/* ---- input, progress, warnings ------------------------------------------- */

/* Whether to show progress on stderr for this input (a person watching a
 * terminal, a big file); CHAMPIONS_PROGRESS=always|never decides instead. */
int wants_progress(const char *file);
int show_progress(void *user, const char *phase, double done);
/* Wipe the progress line, so that what follows starts a clean line. */
void end_progress(int shown);

/* The name of the input in messages: the path, or "<stdin>" for "-". */
const char *input_name(const char *file);

/* Load the input (a path, or "-" for standard input) with the reading
 * options; messages name the input. */
int load_network(const struct cli *cli, const char *file, int progress, champ_network **net);

/* Rank with the command line's options; a value of the data the library
 * refuses is bad input, named after the file. */
int rank_network(const struct cli *cli, const champ_network *net, int progress,
                 champ_ranking **ranking);

/* The ranking's warnings on stderr: "FILE: warning: ...". */
/* load_network then rank_network, the network freed after: one ranking of
 * FILE with the command line's options. */
int load_and_rank(const struct cli *cli, const char *file, champ_ranking **ranking);
void print_warnings(const champ_ranking *r, const char *file);

/* Write with write(stream, arg) to `out` ("-": standard output), a file
 * through a temporary file beside it (mode 0600), renamed into place only
 * when complete: a failure never leaves a partial file behind. */
int write_output(const char *out, champ_status (*write)(FILE *stream, const void *arg),
                 const void *arg);

#endif
