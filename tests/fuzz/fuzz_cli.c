/*
 * libFuzzer harness: the demo's command line (examples/). The demo's files
 * are compiled into this harness unchanged (included here, main renamed),
 * its stderr messages sent to /dev/null (stdout too: libFuzzer and the
 * sanitizers write to the real stderr only).
 * The input, split at NUL bytes, is the argument list after the program
 * name. "rank ...", "explain ...", "teams ...", "track ...", "report ..."
 * and "pseudonymize ..." go to the option parser alone
 * (parse_command_line: every option, value and error path, the handles
 * filled in, never a ranking); anything else goes to the demo's main
 * (--help, --version, scenarios, unknown commands), which reads no file
 * then.
 * See docs/fuzzing.md.
 */
#define _DEFAULT_SOURCE /* pseudonymize.c's explicit_bzero, before any header */
#include "fuzz_common.h"

static FILE *champ_fuzz_devnull;

#undef stderr
#define stderr champ_fuzz_devnull
#include "cli.c"
#include "explain.c"
#include "pseudonymize.c"
#include "rank.c"
#include "report.c"
#include "teams.c"
#include "track.c"
#define main champions_demo_main
#include "champions.c"
#undef main
#undef stderr

#define MAX_ARGS 64

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    champ_fuzz_devnull = fopen("/dev/null", "w");
    if (!champ_fuzz_devnull || !freopen("/dev/null", "w", stdout))
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* "champions" then the NUL-separated arguments; a NUL at the end starts
     * no empty argument. */
    char *text = malloc(size + 1);
    char *argv[MAX_ARGS + 2];
    int argc = 0;
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    argv[argc++] = "champions";
    for (size_t at = 0; at < size && argc <= MAX_ARGS; at += strlen(text + at) + 1)
        argv[argc++] = text + at;
    argv[argc] = NULL;

    static const struct command *const parsed[] = {&RANK_COMMAND, &EXPLAIN_COMMAND,
                                                    &TEAMS_COMMAND, &TRACK_COMMAND,
                                                    &REPORT_COMMAND, &PSEUDONYMIZE_COMMAND};
    const struct command *command = NULL;
    for (size_t k = 0; argc >= 2 && k < COUNT_OF(parsed); k++)
        if (strcmp(argv[1], parsed[k]->name) == 0)
            command = parsed[k];
    if (command) {
        struct cli cli = {.command = command, .since = NAN, .until = NAN};
        int code = check_status(champ_options_new(&cli.options), NULL);
        if (code == EXIT_SUCCESS)
            code = check_status(champ_read_options_new(&cli.read), NULL);
        if (code == EXIT_SUCCESS)
            code = parse_command_line(&cli, argc - 2, argv + 2);
        FUZZ_CHECK(code == EXIT_SUCCESS || code == EXIT_USAGE);
        if (code == EXIT_SUCCESS)
            FUZZ_CHECK(cli.help || cli.args[0] != NULL);
        champ_read_options_free(cli.read);
        champ_options_free(cli.options);
    } else {
        int code = champions_demo_main(argc, argv);
        FUZZ_CHECK(code == EXIT_SUCCESS || code == EXIT_USAGE);
    }
    free(text);
    return 0;
}
