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
#include "fuzz_parts.h"

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
    fuzz_parts(CHAMP_FORM_DETECT, data, size);
    return 0;
}
