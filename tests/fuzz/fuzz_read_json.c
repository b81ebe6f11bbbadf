/*
 * libFuzzer harness: champ_network_read_json (the document form, or JSON Lines
 * when the content shows it), then for small networks the whole pipeline:
 * rank with the default options, read every column, write JSON and CSV to
 * memory, free everything. And the reader read two ways: by one thread, and
 * with the interactions in two parts (the cut, the room for rows and new
 * ids taken from the input's first bytes) -- the same status, message and
 * network. See docs/fuzzing.md.
 */
#include "fuzz_common.h"
#include "netsame.h"
#include "reader.h"

/* The reader on one thread and in two parts must agree on everything. */
static void fuzz_parts(const uint8_t *data, size_t size)
{
    static const champ_progress silent = {NULL, NULL};
    champ_read_tuning one = {SIZE_MAX, 0, 0, 0, NULL};
    champ_read_tuning two = {0, size ? 1 + data[0] % 64u : 0, size > 1 ? 1 + data[1] % 4u : 0,
                             size > 2 ? 1 + data[2] % 4u : 0, NULL};
    champ_network *a = NULL, *b = NULL;
    char message[1024];
    champ_status sa = champ__read_export_tuned((const char *)data, size, CHAMP_FORM_DETECT,
                                               &silent, &one, &a);
    snprintf(message, sizeof message, "%s", champ_last_error());
    champ_status sb = champ__read_export_tuned((const char *)data, size, CHAMP_FORM_DETECT,
                                               &silent, &two, &b);
    FUZZ_CHECK(sa == sb);
    if (sa == CHAMP_OK)
        FUZZ_CHECK(netsame_diff(a, b) == NULL);
    else
        FUZZ_CHECK(strcmp(message, champ_last_error()) == 0);
    champ_network_free(a);
    champ_network_free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* libFuzzer passes a heap copy of exactly `size` bytes, not
     * NUL-terminated: ASan catches any read past its end. */
    champ_network *net = NULL;
    champ_status st = champ_network_read_json((const char *)data, size, &net);
    fuzz_check_read(st, net);
    if (st == CHAMP_OK)
        fuzz_pipeline(net);
    fuzz_parts(data, size);
    return 0;
}
