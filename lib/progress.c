#include "progress.h"
#include "errors.h"

champ_status champ__progress(const champ_progress *p, const char *phase, double done)
{
    if (!p->fn || p->fn(p->user, phase, done) == 0)
        return CHAMP_OK;
    return champ__fail(CHAMP_ERR_CANCELLED, "cancelled by the progress callback (%s)", phase);
}
