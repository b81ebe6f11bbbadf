/* Allocation-failure injection: see failmalloc.c. */
#ifndef FAILMALLOC_H
#define FAILMALLOC_H

/* Number allocation requests from 1; request n fails (and every later one
 * with keep_failing). n = 0: count only. */
void fm_arm(long n, int keep_failing);
void fm_disarm(void);
/* Stop and go on numbering, without starting again from 1. */
void fm_pause(void);
void fm_resume(void);

long fm_requests(void);       /* requests numbered since fm_arm */
long fm_injected(void);       /* failures returned since fm_arm */
/* Numbered requests since fm_arm made by a thread other than the one that
 * called it (whose place in the numbering depends on scheduling). */
long fm_foreign_requests(void);
long fm_total_requests(void); /* every request since the start, armed or not */
void *fm_failed_caller(void); /* return address of the first failed request */
long fm_live_blocks(void);
/* Store the caller of request k at buf[k - 1] while k <= cap (buf NULL: stop). */
void fm_census(void **buf, long cap);
long fm_live_bytes(void);

/* Keep count apart of the live blocks allocated directly by code of the
 * loaded object whose path contains `name`; 1 if it is loaded. */
int fm_track_object(const char *name);
long fm_tracked_blocks(void);
long fm_tracked_bytes(void);

#endif
