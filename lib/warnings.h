/* The warnings of a ranking: sentences saying why the data or the options
 * may not support it as meant. Private to lib/. */
#ifndef CHAMP_WARNINGS_H
#define CHAMP_WARNINGS_H

#include "champions.h"
#include "errors.h"
#include "graph.h"

typedef struct champ_warning_entry {
    champ_warning kind;
    char *text;
} champ_warning_entry;

typedef struct champ_warnings {
    size_t count, cap;
    champ_warning_entry *entry;
} champ_warnings;

/* Everything to say about a ranking of `net` with `o`, whose graph is g and
 * whose summary (by champ_summary_item) is `summary`, in the order of the
 * champ_warning values but for the confidence's own (unstable_top), which
 * comes later, last.
 * CHAMP_ERR_NOMEM (and nothing kept) when out of memory. */
champ_status champ__warnings_compute(champ_warnings *w, const champ_network *net,
                                     const champ_graph *g, const champ_options *o,
                                     const double *summary);

/* Add a warning of `kind`, printf-like. -1 when out of memory (w unchanged). */
int champ__warnings_add(champ_warnings *w, champ_warning kind, const char *fmt, ...)
    CHAMP_PRINTF(3, 4);

void champ__warnings_free(champ_warnings *w);

#endif
