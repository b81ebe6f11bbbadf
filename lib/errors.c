/* Status names and the thread-local message behind champ_last_error(). */
#include "errors.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MESSAGE_MAX 1024

static _Thread_local char last_message[MESSAGE_MAX];

champ_status champ__fail(champ_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_message, sizeof last_message, fmt, ap);
    va_end(ap);
    return status;
}

champ_status champ__nomem(void)
{
    return champ__fail(CHAMP_ERR_NOMEM, "out of memory");
}

void champ__prefix_error(const char *prefix)
{
    char old[MESSAGE_MAX];
    memcpy(old, last_message, sizeof old);
    /* A message cut short at MESSAGE_MAX is acceptable; say so to the compiler. */
    if (snprintf(last_message, sizeof last_message, "%s: %s", prefix, old) < 0)
        last_message[0] = '\0';
}

const char *champ_last_error(void)
{
    return last_message;
}

const char *champ_status_name(champ_status status)
{
    switch (status) {
    case CHAMP_OK: return "CHAMP_OK";
    case CHAMP_ERR_ARGUMENT: return "CHAMP_ERR_ARGUMENT";
    case CHAMP_ERR_NOMEM: return "CHAMP_ERR_NOMEM";
    case CHAMP_ERR_IO: return "CHAMP_ERR_IO";
    case CHAMP_ERR_PARSE: return "CHAMP_ERR_PARSE";
    case CHAMP_ERR_SCHEMA: return "CHAMP_ERR_SCHEMA";
    case CHAMP_ERR_INTERNAL: return "CHAMP_ERR_INTERNAL";
    case CHAMP_ERR_CANCELLED: return "CHAMP_ERR_CANCELLED";
    case CHAMP_ERR_NOT_FOUND: return "CHAMP_ERR_NOT_FOUND";
    }
    return "CHAMP_ERR_UNKNOWN";
}

const char *champ_version(void)
{
    return CHAMP_VERSION_STRING;
}
