/*
 * The reader read two ways, for the JSON harnesses: by one thread, and with
 * the interactions in two parts, the second on a thread (lib/reader.c; the
 * cut and the room for rows and new ids taken from the input's first
 * bytes). Both must give the same status, message and network.
 */
#ifndef CHAMP_FUZZ_PARTS_H
#define CHAMP_FUZZ_PARTS_H

#include "fuzz_common.h"
#include "netsame.h"
#include "reader.h"

/* The reader on one thread and in two parts must agree on everything. */
static inline void fuzz_parts(champ_form form, const uint8_t *data, size_t size)
{
    static const champ_progress silent = {NULL, NULL};
    champ_read_tuning one = {SIZE_MAX, 0, 0, 0, NULL};
    champ_read_tuning two = {0, size ? 1 + data[0] % 64u : 0, size > 1 ? 1 + data[1] % 4u : 0,
                             size > 2 ? 1 + data[2] % 4u : 0, NULL};
    champ_network *a = NULL, *b = NULL;
    char message[1024];
    champ_status sa = champ__read_export_tuned((const char *)data, size, form,
                                               &silent, &one, &a);
    snprintf(message, sizeof message, "%s", champ_last_error());
    champ_status sb = champ__read_export_tuned((const char *)data, size, form,
                                               &silent, &two, &b);
    FUZZ_CHECK(sa == sb);
    if (sa == CHAMP_OK)
        FUZZ_CHECK(netsame_diff(a, b) == NULL);
    else
        FUZZ_CHECK(strcmp(message, champ_last_error()) == 0);
    champ_network_free(a);
    champ_network_free(b);
}

#endif
