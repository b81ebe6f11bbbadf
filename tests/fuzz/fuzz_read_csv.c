/*
 * libFuzzer harness: the CSV forms (plain CSV of interactions, Viva Insights
 * queries, people tables) through champ_network_read_memory, then for small
 * networks the whole pipeline. The first byte picks the read options: the
 * form detected, or CSV with the columns of tests/data/import/csv mapped
 * (Sender, Recipient, SentAt, Channel, Weight), or a Viva Insights query
 * with a weight column and an HR attribute; the rest is the file. A people
 * table cannot come from memory; its reader is the same table layer.
 * See docs/fuzzing.md.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    champ_read_options *ro = NULL;
    if (champ_read_options_new(&ro) != CHAMP_OK)
        return 0;
    switch (data[0] % 3) {
    case 1:
        champ_read_options_set_input(ro, CHAMP_INPUT_CSV);
        champ_read_options_set_column(ro, "from", "Sender");
        champ_read_options_set_column(ro, "to", "Recipient");
        champ_read_options_set_column(ro, "time", "SentAt");
        champ_read_options_set_column(ro, "type", "Channel");
        champ_read_options_set_column(ro, "weight", "Weight");
        break;
    case 2:
        champ_read_options_set_input(ro, CHAMP_INPUT_VIVA_P2P);
        champ_read_options_set_weight_column(ro, "Strong_tie_score");
        champ_read_options_set_hrvar(ro, "FunctionType");
        break;
    default:
        break;
    }
    champ_network *net = NULL;
    champ_status st = champ_network_read_memory(data + 1, size - 1, "fuzz.csv", ro, &net);
    champ_read_options_free(ro);
    fuzz_check_read(st, net);
    if (st == CHAMP_OK)
        fuzz_pipeline(net);
    return 0;
}
