/* The output buffer of the writers. */
#include "out.h"
#include "errors.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

champ_status champ__out_open(champ_out *o, champ_write_fn fn, void *user)
{
    *o = (champ_out){fn, user, malloc(CHAMP_OUT_CHUNK), 0, 0};
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
