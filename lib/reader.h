/* Reading exports (SPEC 2) in either form. Private to lib/. */
#ifndef CHAMP_READER_H
#define CHAMP_READER_H

#include "champions.h"
#include "progress.h"

#include <stddef.h>

/* Deepest nesting of arrays and objects accepted: untrusted exports must
 * not drive the scanner's recursion without a bound. */
#define CHAMP_JSON_MAX_DEPTH 512

typedef enum champ_form {
    CHAMP_FORM_DETECT,   /* as champ_network_read_json describes */
    CHAMP_FORM_DOCUMENT, /* one object with "people" and "interactions" arrays */
    CHAMP_FORM_LINES     /* JSON Lines: one person or interaction per line */
} champ_form;

/* Read data[0..len) in the given form into a new network, telling
 * `progress` ("read") as it goes. On error *out is NULL and the message
 * names the line and column (malformed JSON) or the JSON path (a wrong
 * value); CHAMP_ERR_CANCELLED when the callback asked to stop. */
champ_status champ__read_export(const char *data, size_t len, champ_form form,
                                const champ_progress *progress, champ_network **out);

#endif
