/* The network as loaded: people (interned ids with team and group) and the
 * raw interactions, kept column by column so that options (window, type
 * weights) can be applied at rank time without reloading. Private to lib/. */
#ifndef CHAMP_NETWORK_H
#define CHAMP_NETWORK_H

#include "champions.h"
#include "strtab.h"

#include <stdint.h>

#define CHAMP_NONE UINT32_MAX  /* unknown team; no group (unlisted person) */
#define CHAMP_GROUP_STAFF 0    /* "staff" is always group 0 */

struct champ_network {
    champ_strtab ids;      /* person index = index of the id */
    champ_strtab teams;
    champ_strtab groups;
    champ_strtab types;
    uint32_t *team;        /* per person: team index or CHAMP_NONE */
    uint32_t *group;       /* per person: group index, CHAMP_NONE while unlisted */
    size_t person_cap;
    int has_people;        /* a people list was given (SPEC 2) */

    uint32_t *from, *to, *type;  /* per interaction */
    double *time;                /* NAN for none */
    double *weight;
    size_t interactions, interaction_cap;
    size_t dropped_self;
};

/* Internal forms of the public calls: strings are NUL-terminated, valid
 * UTF-8 and already checked by the caller (ids non-empty, weight finite and
 * > 0, time finite or NAN). They fail only with CHAMP_ERR_NOMEM or, for a
 * person listed twice, CHAMP_ERR_SCHEMA with the message
 * "duplicate person id \"ID\"" (the caller may prefix a place). On failure
 * the network is unchanged. */
champ_status champ__network_add_person(champ_network *net, const char *id, const char *team,
                                       const char *group);
champ_status champ__network_add_interaction(champ_network *net, const char *from,
                                            const char *to, double time, const char *type,
                                            double weight);

/* Mark that the export has a people list, even an empty one. */
void champ__network_set_has_people(champ_network *net);

/* Whether person v is listed, and v's group index (CHAMP_NONE if unlisted),
 * applying the "no people list" rule of SPEC 2. */
int champ__network_listed(const champ_network *net, uint32_t v);
uint32_t champ__network_group(const champ_network *net, uint32_t v);


#endif
