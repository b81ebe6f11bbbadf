/*
 * libFuzzer harness: champ_network_read_jsonl (JSON Lines, one record a line), then for small networks the whole pipeline:
 * rank with the default options, read every column, write JSON and CSV to
 * memory, free everything; and the reader's two ways compared
 * (fuzz_parts.h). See docs/fuzzing.md.
 */
#include "fuzz_common.h"
#include "fuzz_parts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* libFuzzer passes a heap copy of exactly `size` bytes, not
     * NUL-terminated: ASan catches any read past its end. */
    champ_network *net = NULL;
    champ_status st = champ_network_read_jsonl((const char *)data, size, &net);
    fuzz_check_read(st, net);
    if (st == CHAMP_OK)
        fuzz_pipeline(net);
    fuzz_parts(CHAMP_FORM_LINES, data, size);
    return 0;
}
