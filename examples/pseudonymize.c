/*
 * `champions pseudonymize --key-file KEY [OPTIONS] IN OUT`: any input form
 * rewritten as an export whose ids (and with --teams, team names) are keyed
 * pseudonyms, for data that may leave the HR system.
 *
 * Copyright the champions authors. SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* explicit_bzero */
#endif
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A key file larger than this is not a key (a wrong path, most likely). */
#define KEY_MAX 65536

static const char *pseudonymize_format_name(size_t i)
{
    static const champ_input forms[] = {CHAMP_INPUT_JSON, CHAMP_INPUT_JSONL};
    return i < COUNT_OF(forms) ? champ_input_name(forms[i]) : NULL;
}

static int handle_key_file(struct cli *cli, const char *option, const char *value)
{
    (void)option;
    cli->key_file = value;
    return EXIT_SUCCESS;
}

static int handle_teams(struct cli *cli, const char *option, const char *value)
{
    (void)option;
    (void)value;
    cli->teams = true;
    return EXIT_SUCCESS;
}

/* The key file's bytes in key[0 .. *len). Messages name the file, never
 * what it holds. */
static int read_key(const char *path, unsigned char *key, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return failure("--key-file: cannot open %s: %s", path, strerror(errno));
    size_t used = 0;
    for (;;) {
        ssize_t n = read(fd, key + used, KEY_MAX + 1 - used);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int err = errno;
            close(fd);
            return failure("--key-file: cannot read %s: %s", path, strerror(err));
        }
        used += (size_t)n;
        if (n == 0 || used > KEY_MAX)
            break;
    }
    close(fd);
    if (used > KEY_MAX)
        return failure("--key-file: %s holds more than %d bytes: that is not a key", path,
                       KEY_MAX);
    if (used < CHAMP_PSEUDONYM_KEY_MIN)
        return failure("--key-file: %s holds %zu bytes; a key needs at least %d (make one with "
                       "'head -c 32 /dev/urandom > %s')",
                       path, used, CHAMP_PSEUDONYM_KEY_MIN, path);
    *len = used;
    return EXIT_SUCCESS;
}

struct network_output {
    const champ_network *net;
    champ_input form;
};

static champ_status write_network(FILE *stream, const void *arg)
{
    const struct network_output *job = arg;
    return champ_network_write(job->net, job->form, stream);
}

static int run_pseudonymize(struct cli *cli)
{
    const char *in = cli->args[0], *out = cli->args[1];
    if (!cli->key_file)
        return usage_error("pseudonymize: missing --key-file KEY");
    unsigned char *key = malloc(KEY_MAX + 1);
    size_t key_len = 0;
    if (!key)
        return failure("out of memory");
    champ_network *net = NULL;
    int code = read_key(cli->key_file, key, &key_len);
    if (code == EXIT_SUCCESS)
        code = load_network(cli, in, wants_progress(in), &net);
    if (code == EXIT_SUCCESS &&
        champ_network_pseudonymize(net, key, key_len, cli->teams) != CHAMP_OK)
        code = failure("%s", champ_last_error());
    explicit_bzero(key, KEY_MAX + 1);
    free(key);
    if (code == EXIT_SUCCESS) {
        champ_input form = cli->format == 1 ? CHAMP_INPUT_JSONL : CHAMP_INPUT_JSON;
        code = write_output(out, write_network, &(struct network_output){net, form});
    }
    champ_network_free(net);
    return code;
}

static void help_pseudonymize(FILE *out, const champ_options *defaults,
                              const champ_read_options *reading)
{
    (void)defaults;
    fprintf(out,
            "Usage: champions pseudonymize --key-file KEY [OPTIONS] IN OUT\n"
            "\n"
            "Rewrite IN, in any input form, as an export whose ids are pseudonyms:\n"
            "\"p-\" and 16 hexadecimal digits of HMAC-SHA256 under the key, so that the\n"
            "same key gives the same pseudonyms in every file and every month, and\n"
            "nothing of an id is left. Names, e-mail addresses and message text are\n"
            "never read into the output; teams, groups, times, types and weights are\n"
            "kept. IN '-' reads standard input; OUT '-' writes standard output;\n"
            "otherwise OUT appears only once complete.\n"
            "\n"
            "Options:\n"
            "  --key-file KEY            the key: the bytes of the file KEY, at least %d\n"
            "                            (head -c 32 /dev/urandom > KEY makes one); never\n"
            "                            printed; keep it apart from the data\n"
            "  --teams                   pseudonymise team names too (\"t-\" and 16 digits)\n"
            "  --format FORMAT           json (default) or jsonl\n"
            "\n",
            CHAMP_PSEUDONYM_KEY_MIN);
    help_reading(out, reading);
    fputs("\n  -h, --help                show this help\n"
          "\n"
          "Exit status: 0 success, 1 bad input, key or output, 2 bad usage.\n",
          out);
}

static const struct option_spec PSEUDONYMIZE_OWN[] = {
    {"--key-file", 0, "KEY", handle_key_file},
    {"--teams", 0, NULL, handle_teams},
    {"--format", 0, "FORMAT", handle_format},
    {NULL, 0, NULL, NULL},
};

static const struct option_spec *const PSEUDONYMIZE_OPTIONS[] = {
    PSEUDONYMIZE_OWN, READING_OPTIONS, HELP_OPTION, NULL};

const struct command PSEUDONYMIZE_COMMAND = {
    .name = "pseudonymize",
    .arguments = "IN OUT",
    .positional = 2,
    .options = PSEUDONYMIZE_OPTIONS,
    .format_name = pseudonymize_format_name,
    .run = run_pseudonymize,
    .help = help_pseudonymize,
};
