/* The public header must stand alone in strict C99 (built with
 * -std=c99 -pedantic -Werror): HR tools compile against it as they are. */
#include <champions.h>

int main(void)
{
    champ_status st = CHAMP_OK;
    champ_criterion c = CHAMP_ACTIVITY;
    return (int)st + (int)c - CHAMP_ACTIVITY;
}
