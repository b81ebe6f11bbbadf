/* Progress callbacks (champ_progress_fn) as the stages call them. Private to lib/. */
#ifndef CHAMP_PROGRESS_H
#define CHAMP_PROGRESS_H

#include "champions.h"

typedef struct champ_progress {
    champ_progress_fn fn;  /* NULL: nobody listens */
    void *user;
} champ_progress;

/* Tell the callback where we are. CHAMP_ERR_CANCELLED, with a message that
 * names the phase, when it asks to stop; CHAMP_OK otherwise. */
champ_status champ__progress(const champ_progress *p, const char *phase, double done);

#endif
