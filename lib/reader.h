/* Reading JSON exports in either form. Private to lib/. */
#ifndef CHAMP_READER_H
#define CHAMP_READER_H

#include "champions.h"
#include "progress.h"

#include <stddef.h>

typedef enum champ_form {
    CHAMP_FORM_DETECT,   /* by the content, as champ_network_read describes */
    CHAMP_FORM_DOCUMENT, /* one object with "people" and "interactions" arrays */
    CHAMP_FORM_LINES     /* JSON Lines: one person or interaction per line */
} champ_form;

/* Read data[0..len) in the given form into a new network, telling
 * `progress` ("read") as it goes. On error *out is NULL and the message
 * names the line and column (malformed JSON) or the JSON path (a wrong
 * value); CHAMP_ERR_CANCELLED when the callback asked to stop. The caller
 * has refused what is not UTF-8 text (import.c). */
champ_status champ__read_export(const char *data, size_t len, champ_form form,
                                const champ_progress *progress, champ_network **out);

#endif
