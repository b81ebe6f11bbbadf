/* Whether two networks hold the same: people numbered alike with the same
 * ids, teams and groups; the same interactions, column by column, to the
 * bit; the same counts and the same names of members not read. For the
 * suites and fuzzers that read one input two ways (lib/ internals). */
#ifndef CHAMP_NETSAME_H
#define CHAMP_NETSAME_H

#include "network.h"
#include "strtab.h"

#include <string.h>

static inline int netsame_strtab(const champ_strtab *a, const champ_strtab *b)
{
    if (a->count != b->count)
        return 0;
    for (size_t i = 0; i < a->count; i++)
        if (strcmp(champ_strtab_get(a, (uint32_t)i), champ_strtab_get(b, (uint32_t)i)) != 0)
            return 0;
    return 1;
}

#define NETSAME_COLUMN(a, b, name, n) \
    ((n) == 0 || memcmp((a)->name, (b)->name, (n) * sizeof *(a)->name) == 0)

/* NULL when a and b hold the same, else what differs first. */
static inline const char *netsame_diff(const champ_network *a, const champ_network *b)
{
    size_t people = a->ids.count, n = a->interactions;
    if (!netsame_strtab(&a->ids, &b->ids))
        return "ids";
    if (!netsame_strtab(&a->teams, &b->teams) || !NETSAME_COLUMN(a, b, team, people))
        return "teams";
    if (!netsame_strtab(&a->groups, &b->groups) || !NETSAME_COLUMN(a, b, group, people))
        return "groups";
    if (!netsame_strtab(&a->types, &b->types))
        return "types";
    if (a->has_people != b->has_people)
        return "has_people";
    if (n != b->interactions || a->dropped_self != b->dropped_self ||
        a->dropped_zero != b->dropped_zero || a->skips_zero != b->skips_zero)
        return "counts";
    if (!NETSAME_COLUMN(a, b, from, n) || !NETSAME_COLUMN(a, b, to, n) ||
        !NETSAME_COLUMN(a, b, type, n))
        return "ends or types of interactions";
    /* To the bit: NAN (no time) compares equal to NAN this way. */
    if (!NETSAME_COLUMN(a, b, time, n) || !NETSAME_COLUMN(a, b, weight, n))
        return "times or weights";
    for (int p = 0; p < CHAMP_UNREAD_PLACES; p++)
        if (!netsame_strtab(&a->unread[p], &b->unread[p]))
            return "members not read";
    return NULL;
}

#endif
