/*
 * libFuzzer harness: champ_network_read_json (the document form, or JSON Lines
 * when the content shows it), then for small networks the whole pipeline:
 * rank with the default options, read every column, write JSON and CSV to
 * memory, free everything. See docs/fuzzing.md.
 */
#include "fuzz_common.h"

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
    return 0;
}
