/* Thread-local error messages and status helpers. Private to lib/. */
#ifndef CHAMP_ERRORS_H
#define CHAMP_ERRORS_H

#include "champions.h"

#if defined(__GNUC__)
#define CHAMP_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CHAMP_PRINTF(a, b)
#endif

/* Record a message for champ_last_error() on this thread and return `status`. */
champ_status champ__fail(champ_status status, const char *fmt, ...) CHAMP_PRINTF(2, 3);

/* champ__fail(CHAMP_ERR_NOMEM, "out of memory"). */
champ_status champ__nomem(void);

/* Put `prefix: ` in front of this thread's current message (a file name). */
void champ__prefix_error(const char *prefix);

#endif
