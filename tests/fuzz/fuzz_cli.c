/*
 * libFuzzer harness: the demo's command line (examples/champions.c). The
 * demo is compiled into this harness unchanged, its main renamed, its stderr
 * messages sent to /dev/null (stdout too: libFuzzer and the sanitizers write
 * to the real stderr only). The input, split at NUL bytes, is the
 * argument list after the program name. "rank ..." goes to the option parser
 * alone (parse_rank_args: every option, value and error path, the options
 * handle filled in, never a ranking); anything else goes to the demo's main
 * (--help, --version, unknown commands), which reads no file then.
 * See docs/fuzzing.md.
 */
#include "fuzz_common.h"

static FILE *champ_fuzz_devnull;

#undef stderr
#define stderr champ_fuzz_devnull
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

    if (argc >= 2 && strcmp(argv[1], "rank") == 0) {
        struct rank_args args = {.since = NAN, .until = NAN, .format = FORMAT_TABLE};
        int code = check_status(champ_options_new(&args.options), NULL);
        if (code == EXIT_SUCCESS)
            code = parse_rank_args(&args, argc - 2, argv + 2);
        FUZZ_CHECK(code == EXIT_SUCCESS || code == EXIT_USAGE);
        if (code == EXIT_SUCCESS)
            FUZZ_CHECK(args.help || args.file != NULL);
        champ_options_free(args.options);
    } else {
        int code = champions_demo_main(argc, argv);
        FUZZ_CHECK(code == EXIT_SUCCESS || code == EXIT_USAGE);
    }
    free(text);
    return 0;
}
