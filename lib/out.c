/* The output buffer of the writers. */
#include "out.h"
#include "errors.h"
#include "text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

champ_status champ__out_open(champ_out *o, champ_write_fn fn, void *user)
{
    *o = (champ_out){.fn = fn, .user = user, .buf = malloc(CHAMP_OUT_CHUNK), .cap = CHAMP_OUT_CHUNK};
    return o->buf ? CHAMP_OK : champ__nomem();
}

void champ__out_flush(champ_out *o)
{
    if (o->len && !o->stopped && o->fn(o->user, o->buf, o->len) != 0)
        o->stopped = 1;
    o->len = 0;
}

void champ__out_puts(champ_out *o, const char *s)
{
    champ__out_write(o, s, strlen(s));
}

void champ__out_pass(champ_out *o, const char *s, size_t n)
{
    if (n <= o->cap - o->len) {
        champ__out_write(o, s, n);
        return;
    }
    champ__out_flush(o);
    if (!o->stopped && o->fn(o->user, s, n) != 0)
        o->stopped = 1;
}

void champ__out_number(champ_out *o, double x)
{
    char buf[CHAMP_SHORTEST_MAX];
    champ__shortest(buf, x);
    champ__out_puts(o, buf);
}

champ_status champ__out_close(champ_out *o, const char *reason)
{
    champ__out_flush(o);
    free(o->buf);
    o->buf = NULL;
    if (o->nomem)
        return champ__nomem();
    if (!o->stopped)
        return CHAMP_OK;
    if (reason)
        return champ__fail(CHAMP_ERR_IO, "cannot write the output: %s", reason);
    return champ__fail(CHAMP_ERR_IO, "the write callback stopped the output");
}

int champ__out_to_stream(void *user, const char *data, size_t len)
{
    FILE *f = user;
    return fwrite(data, 1, len, f) == len ? 0 : -1;
}

void champ__out_json_string(champ_out *o, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    champ__out_putc(o, '"');
    const unsigned char *p = (const unsigned char *)s;
    for (;;) {
        const unsigned char *plain = p;
        while (*p >= 0x20 && *p != '"' && *p != '\\')
            p++;
        champ__out_write(o, (const char *)plain, (size_t)(p - plain));
        if (!*p)
            break;
        if (*p == '"' || *p == '\\') {
            char esc[2] = {'\\', (char)*p};
            champ__out_write(o, esc, 2);
        } else {
            char esc[6] = {'\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15]};
            champ__out_write(o, esc, 6);
        }
        p++;
    }
    champ__out_putc(o, '"');
}

/* RFC 4180: quote a field holding a comma, quote or line break. */
void champ__out_csv_string(champ_out *o, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        champ__out_puts(o, s);
        return;
    }
    champ__out_putc(o, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            champ__out_putc(o, '"');
        champ__out_putc(o, *p);
    }
    champ__out_putc(o, '"');
}

/* The body between an open and a close, with '.' for the decimal point
 * whatever the host's locale; `reason` names the failure of a stream. */
static champ_status run(champ_write_fn fn, void *user, const char *reason,
                        void (*body)(champ_out *o, void *arg), void *arg)
{
    champ_out o;
    champ_status st = champ__out_open(&o, fn, user);
    if (st)
        return st;
    locale_t c = (locale_t)0, previous = champ__c_numeric_begin(&c);
    if (previous == (locale_t)0) {
        o.len = 0; /* nothing was written */
        champ__out_close(&o, NULL);
        return champ__nomem();
    }
    o.c_locale = c;
    body(&o, arg);
    champ__c_numeric_end(previous, c);
    return champ__out_close(&o, reason);
}

champ_status champ__write(champ_write_fn fn, void *user, void (*body)(champ_out *o, void *arg),
                          void *arg)
{
    return run(fn, user, NULL, body, arg);
}

champ_status champ__write_stream(FILE *stream, void (*body)(champ_out *o, void *arg), void *arg)
{
    errno = 0;
    champ_status st = run(champ__out_to_stream, stream, "the output stream failed", body, arg);
    if (st != CHAMP_OK && st != CHAMP_ERR_IO)
        return st;
    if (st == CHAMP_OK && fflush(stream) == 0 && !ferror(stream))
        return CHAMP_OK;
    char reason[128] = "the output stream failed";
    if (errno && strerror_r(errno, reason, sizeof reason) != 0)
        snprintf(reason, sizeof reason, "error %d", errno);
    return champ__fail(CHAMP_ERR_IO, "cannot write the output: %s", reason);
}
