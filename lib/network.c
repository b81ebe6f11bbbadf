/* Building a network: people and interactions, with all-or-nothing updates. */
#include "network.h"
#include "errors.h"
#include "text.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char DEFAULT_GROUP[] = "staff";
static const char DEFAULT_TYPE[] = "message";

champ_status champ_network_new(champ_network **out)
{
    if (!out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_network_new: out is NULL");
    *out = NULL;
    champ_network *net = calloc(1, sizeof *net);
    if (!net)
        return champ__nomem();
    champ_strtab_init(&net->ids);
    champ_strtab_init(&net->teams);
    champ_strtab_init(&net->groups);
    champ_strtab_init(&net->types);
    for (int i = 0; i < CHAMP_UNREAD_PLACES; i++)
        champ_strtab_init(&net->unread[i]);
    uint32_t staff, message;
    if (champ_strtab_intern(&net->groups, DEFAULT_GROUP, strlen(DEFAULT_GROUP), &staff, NULL) ||
        champ_strtab_intern(&net->types, DEFAULT_TYPE, strlen(DEFAULT_TYPE), &message, NULL)) {
        champ_network_free(net);
        return champ__nomem();
    }
    *out = net;
    return CHAMP_OK;
}

void champ_network_free(champ_network *net)
{
    if (!net)
        return;
    champ_strtab_clear(&net->ids);
    champ_strtab_clear(&net->teams);
    champ_strtab_clear(&net->groups);
    champ_strtab_clear(&net->types);
    for (int i = 0; i < CHAMP_UNREAD_PLACES; i++)
        champ_strtab_clear(&net->unread[i]);
    free(net->team);
    free(net->group);
    free(net->from);
    free(net->to);
    free(net->type);
    free(net->time);
    free(net->weight);
    free(net);
}

size_t champ_network_person_count(const champ_network *net)
{
    return net ? net->ids.count : 0;
}

size_t champ_network_interaction_count(const champ_network *net)
{
    return net ? net->interactions : 0;
}

static int grow_array(void **p, size_t need, size_t cap, size_t elem)
{
    void *q = realloc(*p, (need > cap ? need : cap) * elem);
    if (!q)
        return -1;
    *p = q;
    return 0;
}

/* Make room for person index `count - 1` in the per-person arrays. */
static int reserve_people(champ_network *net, size_t count)
{
    if (count <= net->person_cap)
        return 0;
    size_t cap = net->person_cap ? net->person_cap * 2 : 256;
    if (cap < count)
        cap = count;
    if (grow_array((void **)&net->team, cap, 0, sizeof *net->team) ||
        grow_array((void **)&net->group, cap, 0, sizeof *net->group))
        return -1;
    net->person_cap = cap;
    return 0;
}

/* Index of person `id`, created unlisted with unknown team when new. */
static int intern_person(champ_network *net, const champ_id *id, uint32_t *v)
{
    int added;
    if (reserve_people(net, net->ids.count + 1) ||
        champ_strtab_intern_key(&net->ids, id, v, &added))
        return -1;
    if (added) {
        net->team[*v] = CHAMP_NONE;
        net->group[*v] = CHAMP_NONE;
    }
    return 0;
}

static int intern_optional(champ_strtab *t, champ_str s, uint32_t fallback, uint32_t *out)
{
    if (!s.s || !s.len) {
        *out = fallback;
        return 0;
    }
    return champ_strtab_intern(t, s.s, s.len, out, NULL);
}

champ_status champ__network_intern_type(champ_network *net, champ_str type, uint32_t *k)
{
    return intern_optional(&net->types, type, 0, k) ? champ__nomem() : CHAMP_OK;
}

void champ__network_prefetch_id(const champ_network *net, const champ_id *id)
{
    champ_strtab_prefetch(&net->ids, id);
}

int champ__network_note_unread(champ_network *net, enum champ_unread where, const char *name,
                               size_t len)
{
    champ_strtab *t = &net->unread[where];
    uint32_t k;
    if (t->count >= CHAMP_UNREAD_MAX || len > CHAMP_UNREAD_NAME_MAX)
        return 0;
    return champ_strtab_intern(t, name, len, &k, NULL);
}

void champ__network_set_has_people(champ_network *net)
{
    net->has_people = 1;
}

champ_status champ__network_add_person(champ_network *net, const champ_id *id, champ_str team,
                                       champ_str group)
{
    uint32_t found = champ_strtab_find_key(&net->ids, id);
    if (found != CHAMP_STRTAB_NONE && net->group[found] != CHAMP_NONE) {
        char quoted[CHAMP_EXCERPT_MAX + 4];
        champ__excerpt(quoted, id->s, id->len);
        return champ__fail(CHAMP_ERR_SCHEMA, "duplicate person id \"%s\"", quoted);
    }
    return champ__network_put_person(net, id, team, group);
}

champ_status champ__network_put_person(champ_network *net, const champ_id *id, champ_str team,
                                       champ_str group)
{
    size_t people = net->ids.count, teams = net->teams.count, groups = net->groups.count;
    uint32_t v, t, g;
    if (intern_person(net, id, &v) || intern_optional(&net->teams, team, CHAMP_NONE, &t) ||
        intern_optional(&net->groups, group, CHAMP_GROUP_STAFF, &g)) {
        champ_strtab_truncate(&net->ids, people);
        champ_strtab_truncate(&net->teams, teams);
        champ_strtab_truncate(&net->groups, groups);
        return champ__nomem();
    }
    net->team[v] = t;
    net->group[v] = g;
    net->has_people = 1;
    return CHAMP_OK;
}

/* Room for `more` interactions after those there. */
static int reserve_interactions_for(champ_network *net, size_t more)
{
    if (more <= net->interaction_cap - net->interactions)
        return 0;
    size_t cap = net->interaction_cap ? net->interaction_cap * 2 : 1024;
    while (cap - net->interactions < more)
        if ((cap *= 2) > SIZE_MAX / 2 / sizeof(double))
            return -1;
    if (grow_array((void **)&net->from, cap, 0, sizeof *net->from) ||
        grow_array((void **)&net->to, cap, 0, sizeof *net->to) ||
        grow_array((void **)&net->type, cap, 0, sizeof *net->type) ||
        grow_array((void **)&net->time, cap, 0, sizeof *net->time) ||
        grow_array((void **)&net->weight, cap, 0, sizeof *net->weight))
        return -1;
    net->interaction_cap = cap;
    return 0;
}

static int reserve_interactions(champ_network *net)
{
    return reserve_interactions_for(net, 1);
}

champ_status champ__network_append(champ_network *net, size_t n, const uint32_t *from,
                                   const uint32_t *to, const uint32_t *type, const double *time,
                                   const double *weight)
{
    if (n == 0)
        return CHAMP_OK;
    if (reserve_interactions_for(net, n))
        return champ__nomem();
    size_t at = net->interactions;
    memcpy(net->from + at, from, n * sizeof *from);
    memcpy(net->to + at, to, n * sizeof *to);
    memcpy(net->type + at, type, n * sizeof *type);
    memcpy(net->time + at, time, n * sizeof *time);
    memcpy(net->weight + at, weight, n * sizeof *weight);
    net->interactions += n;
    return CHAMP_OK;
}

champ_status champ__network_intern_id(champ_network *net, const champ_id *id, uint32_t *v)
{
    return intern_person(net, id, v) ? champ__nomem() : CHAMP_OK;
}

champ_status champ__network_add_between(champ_network *net, uint32_t u, uint32_t v, double time,
                                        champ_str type, double weight)
{
    if (u == v) {
        net->dropped_self++;
        return CHAMP_OK;
    }
    size_t types = net->types.count;
    uint32_t k;
    if (reserve_interactions(net) || intern_optional(&net->types, type, 0, &k)) {
        champ_strtab_truncate(&net->types, types);
        return champ__nomem();
    }
    size_t i = net->interactions++;
    net->from[i] = u;
    net->to[i] = v;
    net->type[i] = k;
    net->time[i] = time;
    net->weight[i] = weight;
    return CHAMP_OK;
}

champ_status champ__network_add_interaction(champ_network *net, const champ_id *from,
                                            const champ_id *to, double time, champ_str type,
                                            double weight)
{
    if (champ_strtab_key_equal(from, to)) {
        net->dropped_self++;
        return CHAMP_OK;
    }
    size_t people = net->ids.count;
    uint32_t u, v;
    if (intern_person(net, from, &u) || intern_person(net, to, &v) ||
        champ__network_add_between(net, u, v, time, type, weight)) {
        champ_strtab_truncate(&net->ids, people);
        return champ__nomem();
    }
    return CHAMP_OK;
}

uint32_t champ__network_group(const champ_network *net, uint32_t v)
{
    return net->has_people ? net->group[v] : CHAMP_GROUP_STAFF;
}

int champ__network_listed(const champ_network *net, uint32_t v)
{
    return champ__network_group(net, v) != CHAMP_NONE;
}

#define ROW_PLACE_MAX 48  /* "interactions[18446744073709551615]." */

/* Where a member sits, for messages: "" in a single call (table NULL),
 * "interactions[12]." in row 12 of a batch. Formatted only on failure. */
typedef struct place {
    const char *table;
    size_t row;
    char text[ROW_PLACE_MAX];
} place;

static const char *place_text(place *at)
{
    if (!at->table)
        return "";
    snprintf(at->text, sizeof at->text, "%s[%zu].", at->table, at->row);
    return at->text;
}

/* Checks shared by the public entry points: a usable string argument. */
static champ_status check_string(place *at, const char *what, const char *s, int required)
{
    if (!s)
        return required ? champ__fail(CHAMP_ERR_ARGUMENT, "%s%s is NULL", place_text(at), what)
                        : CHAMP_OK;
    if (required && !*s)
        return champ__fail(CHAMP_ERR_SCHEMA, "%s%s: expected a non-empty string",
                           place_text(at), what);
    size_t len = strlen(s);
    if (len > CHAMP_TEXT_MAX)
        return champ__fail(CHAMP_ERR_SCHEMA, "%s%s: longer than %d bytes", place_text(at), what,
                           CHAMP_TEXT_MAX);
    if (!champ__utf8_valid(s, len))
        return champ__fail(CHAMP_ERR_SCHEMA, "%s%s: invalid UTF-8", place_text(at), what);
    return CHAMP_OK;
}

static champ_status check_person(place *at, const char *id, const char *team, const char *group)
{
    champ_status st;
    if ((st = check_string(at, "id", id, 1)) || (st = check_string(at, "team", team, 0)) ||
        (st = check_string(at, "group", group, 0)))
        return st;
    return CHAMP_OK;
}

static champ_status check_interaction(place *at, const char *from, const char *to, double time,
                                      const char *type, double weight)
{
    champ_status st;
    if ((st = check_string(at, "from", from, 1)) || (st = check_string(at, "to", to, 1)) ||
        (st = check_string(at, "type", type, 0)))
        return st;
    if (isinf(time))
        return champ__fail(CHAMP_ERR_SCHEMA, "%stime: expected finite Unix seconds or NAN",
                           place_text(at));
    if (!(isfinite(weight) && weight > 0))
        return champ__fail(CHAMP_ERR_SCHEMA, "%sweight: expected a finite number > 0",
                           place_text(at));
    return CHAMP_OK;
}

champ_status champ_network_add_person(champ_network *net, const char *id, const char *team,
                                      const char *group)
{
    if (!net)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_network_add_person: network is NULL");
    place at = {NULL, 0, ""};
    champ_status st = check_person(&at, id, team, group);
    if (st)
        return st;
    champ_id key;
    champ__id_init(&key, champ__str(id));
    return champ__network_add_person(net, &key, champ__str(team), champ__str(group));
}

champ_status champ_network_add_interaction(champ_network *net, const char *from,
                                           const char *to, double time, const char *type,
                                           double weight)
{
    if (!net)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_network_add_interaction: network is NULL");
    place at = {NULL, 0, ""};
    champ_status st = check_interaction(&at, from, to, time, type, weight);
    if (st)
        return st;
    champ_id u, v;
    champ__id_init(&u, champ__str(from));
    champ__id_init(&v, champ__str(to));
    return champ__network_add_interaction(net, &u, &v, time, champ__str(type), weight);
}

/* ---- Batches: validate every row, then apply; undo on failure. ---- */

/* What a batch may change, to put it back. */
typedef struct network_mark {
    size_t people, teams, groups, types, interactions, dropped_self;
    int has_people;
} network_mark;

static network_mark mark(const champ_network *net)
{
    return (network_mark){net->ids.count, net->teams.count, net->groups.count,
                          net->types.count, net->interactions, net->dropped_self,
                          net->has_people};
}

static void rollback(champ_network *net, const network_mark *m)
{
    champ_strtab_truncate(&net->ids, m->people);
    champ_strtab_truncate(&net->teams, m->teams);
    champ_strtab_truncate(&net->groups, m->groups);
    champ_strtab_truncate(&net->types, m->types);
    net->interactions = m->interactions;
    net->dropped_self = m->dropped_self;
    net->has_people = m->has_people;
}

static const char *element(const char *const *column, size_t i)
{
    return column ? column[i] : NULL;
}

champ_status champ_network_add_people(champ_network *net, size_t n, const char *const *ids,
                                      const char *const *teams, const char *const *groups)
{
    if (!net || (n && !ids))
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_network_add_people: %s is NULL",
                           net ? "ids" : "network");
    place at = {"people", 0, ""};
    for (size_t i = 0; i < n; i++) {
        at.row = i;
        champ_status st = check_person(&at, ids[i], element(teams, i), element(groups, i));
        if (st)
            return st;
    }
    network_mark m = mark(net);
    for (size_t i = 0; i < n; i++) {
        champ_id id;
        champ__id_init(&id, champ__str(ids[i]));
        champ_status st = champ__network_add_person(net, &id, champ__str(element(teams, i)),
                                                    champ__str(element(groups, i)));
        if (st == CHAMP_OK)
            continue;
        /* People known before the batch and listed by it become unlisted again. */
        for (size_t j = 0; j < i; j++) {
            uint32_t v = champ_strtab_find(&net->ids, ids[j], strlen(ids[j]));
            if (v < m.people)
                net->team[v] = net->group[v] = CHAMP_NONE;
        }
        rollback(net, &m);
        if (st != CHAMP_ERR_NOMEM) {
            at.row = i;
            char where[ROW_PLACE_MAX + 2];
            snprintf(where, sizeof where, "%sid", place_text(&at));
            champ__prefix_error(where);
        }
        return st;
    }
    return CHAMP_OK;
}

champ_status champ_network_add_interactions(champ_network *net, size_t n,
                                            const char *const *from, const char *const *to,
                                            const double *time, const char *const *type,
                                            const double *weight)
{
    if (!net || (n && (!from || !to)))
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_network_add_interactions: %s is NULL",
                           !net ? "network" : !from ? "from" : "to");
    place at = {"interactions", 0, ""};
    for (size_t i = 0; i < n; i++) {
        at.row = i;
        champ_status st = check_interaction(&at, from[i], to[i], time ? time[i] : NAN,
                                            element(type, i), weight ? weight[i] : 1.0);
        if (st)
            return st;
    }
    network_mark m = mark(net);
    for (size_t i = 0; i < n; i++) {
        champ_id u, v;
        champ__id_init(&u, champ__str(from[i]));
        champ__id_init(&v, champ__str(to[i]));
        if (champ__network_add_interaction(net, &u, &v, time ? time[i] : NAN,
                                           champ__str(element(type, i)),
                                           weight ? weight[i] : 1.0)) {
            rollback(net, &m);
            return champ__nomem();
        }
    }
    return CHAMP_OK;
}
