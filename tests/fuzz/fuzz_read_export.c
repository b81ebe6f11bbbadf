/*
 * libFuzzer harness: the platform exports, Slack and Viva Engage, read from
 * named buffers (the importers' own source, as a folder or a zip would give
 * them), then for small networks the whole pipeline. The first byte picks
 * the importer; the rest is "name\0bytes\0name\0bytes..." -- the files of
 * the export. An input starting with a zip's signature after the first
 * byte is read as a zip archive instead (libzip). See docs/fuzzing.md.
 */
#include "fuzz_common.h"
#include "import.h"
#include "source.h"

#define MAX_FILES 16

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int engage = data[0] & 1;
    const char *rest = (const char *)data + 1;
    size_t len = size - 1;
    champ_network *net = NULL;
    champ_status st;
    if (len >= 4 && memcmp(rest, "PK\x03\x04", 4) == 0) {
        st = champ_network_read_memory(rest, len, "fuzz.zip", NULL, &net);
        fuzz_check_read(st, net);
        if (st == CHAMP_OK)
            fuzz_pipeline(net);
        return 0;
    }
    /* the files: names and contents separated by NUL bytes (a copy, so that
     * each piece is a C string for the names) */
    char *copy = malloc(len + 1);
    if (!copy)
        return 0;
    memcpy(copy, rest, len);
    copy[len] = '\0';
    const char *names[MAX_FILES];
    const void *bytes[MAX_FILES];
    size_t lens[MAX_FILES], files = 0, at = 0;
    while (at < len && files < MAX_FILES) {
        names[files] = copy + at;
        at += strlen(copy + at) + 1;
        if (at > len)
            break;
        size_t n = strnlen(copy + at, len - at);
        bytes[files] = copy + at;
        lens[files++] = n;
        at += n + 1;
    }
    champ_source *src = NULL;
    champ_read_options *ro = NULL;
    if (champ__source_open_buffers(files, names, bytes, lens, &src) == CHAMP_OK &&
        champ_read_options_new(&ro) == CHAMP_OK && champ_network_new(&net) == CHAMP_OK) {
        st = engage ? champ__import_engage(net, src, ro) : champ__import_slack(net, src, ro);
        FUZZ_CHECK(st == CHAMP_OK || st == CHAMP_ERR_PARSE || st == CHAMP_ERR_SCHEMA ||
                   st == CHAMP_ERR_NOMEM);
        if (st == CHAMP_OK) {
            fuzz_pipeline(net);
            net = NULL;
        } else {
            FUZZ_CHECK(champ_last_error()[0] != '\0');
        }
    }
    champ_network_free(net);
    champ_read_options_free(ro);
    champ__source_close(src);
    free(copy);
    return 0;
}
