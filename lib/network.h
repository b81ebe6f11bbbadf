/* The network as loaded: people (interned ids with team and group) and the
 * raw interactions, kept column by column so that options (window, type
 * weights) can be applied at rank time without reloading. Private to lib/. */
#ifndef CHAMP_NETWORK_H
#define CHAMP_NETWORK_H

#include "champions.h"
#include "strtab.h"

#include <stdint.h>
#include <string.h>

#define CHAMP_NONE UINT32_MAX  /* unknown team; no group (unlisted person) */
#define CHAMP_GROUP_STAFF 0    /* "staff" is always group 0 */
/* The longest id, team, group or type, in bytes (UTF-8): far beyond any
 * real export, short enough that a hostile one cannot make every message
 * and every id table entry huge. */
#define CHAMP_TEXT_MAX 4096

/* Where a member that the reader does not read was met. */
enum champ_unread { CHAMP_UNREAD_DOCUMENT, CHAMP_UNREAD_PEOPLE, CHAMP_UNREAD_INTERACTIONS,
                    CHAMP_UNREAD_PLACES };
#define CHAMP_UNREAD_MAX 8 /* names kept per place */
#define CHAMP_UNREAD_NAME_MAX 64 /* longer names are not kept */

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
    size_t dropped_zero;   /* rows of weight 0 an importer skipped */
    int skips_zero;        /* the form skips rows of weight 0 (a P2P query) */

    /* Names of members an input had and the reader did not read (the
     * first CHAMP_UNREAD_MAX of each place), for the ranking's warnings. */
    champ_strtab unread[CHAMP_UNREAD_PLACES];
};

/* A string that need not be NUL-terminated: s[0..len). NULL s: absent. */
typedef struct champ_str {
    const char *s;
    size_t len;
} champ_str;

/* A person id ready for the table of ids: hashed once for the prefetch
 * and the lookup (see champ_strtab_key). */
typedef champ_strtab_key champ_id;

static inline void champ__id_init(champ_id *id, champ_str s)
{
    champ_strtab_key_init(id, s.s, s.len);
}

/* A C string (or NULL) as a span. */
static inline champ_str champ__str(const char *s)
{
    return (champ_str){s, s ? strlen(s) : 0};
}

/* Internal forms of the public calls, on spans, so that the reader can hand
 * over bytes of the input in place: strings are valid UTF-8 without NUL
 * bytes and already checked by the caller (ids non-empty, weight finite and
 * > 0, time finite or NAN); an absent or empty team, group or type is the
 * default. They fail only with CHAMP_ERR_NOMEM or, for a person listed
 * twice, CHAMP_ERR_SCHEMA with the message "duplicate person id \"ID\""
 * (the caller may prefix a place). On failure the network is unchanged. */
champ_status champ__network_add_person(champ_network *net, const champ_id *id, champ_str team,
                                       champ_str group);
champ_status champ__network_add_interaction(champ_network *net, const champ_id *from,
                                            const champ_id *to, double time, champ_str type,
                                            double weight);

/* List the person `id` with `team` and `group` whether or not the network
 * lists it already (a people table's entry wins over the input's). Fails
 * only with CHAMP_ERR_NOMEM, the network unchanged. */
champ_status champ__network_put_person(champ_network *net, const champ_id *id, champ_str team,
                                       champ_str group);

/* The index of person `id`, added unlisted with an unknown team when new;
 * and an interaction between people by index (u == v: counted as
 * dropped_self). `type` and `weight` as for champ__network_add_interaction.
 * Fail only with CHAMP_ERR_NOMEM, the network unchanged. */
champ_status champ__network_intern_id(champ_network *net, const champ_id *id, uint32_t *v);
champ_status champ__network_add_between(champ_network *net, uint32_t u, uint32_t v, double time,
                                        champ_str type, double weight);

/* n interactions at once, column by column, as champ__network_add_between
 * adds each: between two distinct people by number, with types by number
 * in net->types. Fails only with CHAMP_ERR_NOMEM, the
 * network unchanged. */
champ_status champ__network_append(champ_network *net, size_t n, const uint32_t *from,
                                   const uint32_t *to, const uint32_t *type, const double *time,
                                   const double *weight);

/* The number of an interaction's type, as champ__network_add_between
 * gives it (added when new). Fails only with CHAMP_ERR_NOMEM, the network
 * unchanged. */
champ_status champ__network_intern_type(champ_network *net, champ_str type, uint32_t *k);

/* A hint that `id` is about to be added: see champ_strtab_prefetch. */
void champ__network_prefetch_id(const champ_network *net, const champ_id *id);

/* Keep `name` (len bytes of UTF-8) as a member met at `where` and not read,
 * unless CHAMP_UNREAD_MAX are kept there already. -1 when out of memory. */
int champ__network_note_unread(champ_network *net, enum champ_unread where, const char *name,
                               size_t len);

/* Mark that the export has a people list, even an empty one. */
void champ__network_set_has_people(champ_network *net);

/* Whether person v is listed, and v's group index (CHAMP_NONE if unlisted),
 * applying the "no people list" rule of SPEC 2. */
int champ__network_listed(const champ_network *net, uint32_t v);
uint32_t champ__network_group(const champ_network *net, uint32_t v);


#endif
