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

/* How reading uses the second core (reader.c): an "interactions" array,
 * or the lines after the people of JSON Lines, of at least `split_min`
 * bytes is read in two parts, the second by a job beside the calling
 * thread, starting at the first record found from the input's byte
 * `split_from` (0, or one before the part: from its middle), with room
 * for `rows` rows (0: as many as its bytes can hold) and for `new_ids` ids
 * that are not in the network when the part starts (0: the default; and
 * then no second part when the network has no ids yet). When `parted` is
 * not NULL, the rows of a second part are added to it. */
typedef struct champ_read_tuning {
    size_t split_min;
    size_t split_from;
    size_t rows;
    size_t new_ids;
    size_t *parted;
} champ_read_tuning;

/* The tuning champ__read_export uses. */
extern const champ_read_tuning champ__read_tuning;

/* champ__read_export with another tuning: the tests read small inputs on
 * both cores, in batches of a few records, and compare. */
champ_status champ__read_export_tuned(const char *data, size_t len, champ_form form,
                                      const champ_progress *progress,
                                      const champ_read_tuning *tuning, champ_network **out);

#endif
