/* Output in pieces to a champ_write_fn, through a buffer of its own: what
 * every writer of the library (rankings, and later tables and reports)
 * writes to. Private to lib/. */
#ifndef CHAMP_OUT_H
#define CHAMP_OUT_H

#include "champions.h"

#include <locale.h>
#include <stddef.h>
#include <string.h>

#define CHAMP_OUT_CHUNK 65536

typedef struct champ_out {
    champ_write_fn fn;
    void *user;
    char *buf;
    size_t len;
    int stopped; /* the callback asked to stop: nothing more is passed on */
    int nomem;   /* the body ran out of memory (and stopped the output) */
    size_t cap;  /* of buf: CHAMP_OUT_CHUNK, or a part's own (writer.c) */
    locale_t c_locale; /* the C numeric locale the body runs in, for its threads */
} champ_out;

/* The body ran out of memory: stop the output; the writer then fails with
 * CHAMP_ERR_NOMEM (what was passed on before stays passed on). */
static inline void champ__out_nomem(champ_out *o)
{
    o->nomem = 1;
    o->stopped = 1;
}

/* Start an output to fn; CHAMP_ERR_NOMEM when no buffer can be had. */
champ_status champ__out_open(champ_out *o, champ_write_fn fn, void *user);

/* Hand the buffer to the callback; nothing after it stopped. */
void champ__out_flush(champ_out *o);

static inline void champ__out_write(champ_out *o, const char *s, size_t n)
{
    while (n > 0) {
        if (o->len == o->cap)
            champ__out_flush(o);
        size_t room = o->cap - o->len, k = n < room ? n : room;
        memcpy(o->buf + o->len, s, k);
        o->len += k;
        s += k;
        n -= k;
    }
}

static inline void champ__out_putc(champ_out *o, char c)
{
    if (o->len == o->cap)
        champ__out_flush(o);
    o->buf[o->len++] = c;
}

void champ__out_puts(champ_out *o, const char *s);

/* champ__out_write() for a large piece: what is buffered, then the piece
 * itself, to the callback, without a copy. */
void champ__out_pass(champ_out *o, const char *s, size_t n);

/* A number as the JSON and CSV writers write it (champ__shortest); the
 * caller has the C numeric locale. */
void champ__out_number(champ_out *o, double x);

/* Flush and release the buffer: CHAMP_OK, CHAMP_ERR_NOMEM after
 * champ__out_nomem(), or CHAMP_ERR_IO when the callback stopped the output
 * (message "cannot write the output: ..." with `reason`, or "the write
 * callback stopped the output"). */
champ_status champ__out_close(champ_out *o, const char *reason);

/* A champ_write_fn that writes to a FILE * (user). */
int champ__out_to_stream(void *user, const char *data, size_t len);

/* A string as JSON (quoted, escaped) and as a CSV field (RFC 4180: quoted
 * when it holds a comma, a quote or a line break). */
void champ__out_json_string(champ_out *o, const char *s);
void champ__out_csv_string(champ_out *o, const char *s);

/* A whole output: body(o, arg) writes it, with '.' for the decimal point
 * whatever the host's locale, to fn in pieces, or to a stream, checked
 * (fflush, ferror: "cannot write the output: No space left on device").
 * Errors: CHAMP_ERR_NOMEM, CHAMP_ERR_IO. */
champ_status champ__write(champ_write_fn fn, void *user, void (*body)(champ_out *o, void *arg),
                          void *arg);
champ_status champ__write_stream(FILE *stream, void (*body)(champ_out *o, void *arg), void *arg);

#endif
