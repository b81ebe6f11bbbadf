/* Reading any input: the options of a read, recognising the form of an
 * input from its bytes, and handing it to the reader of that form.
 * Private to lib/. */
#ifndef CHAMP_IMPORT_H
#define CHAMP_IMPORT_H

#include "champions.h"
#include "progress.h"

struct champ_read_options {
    champ_input input;
    champ_progress progress;
};

#endif
