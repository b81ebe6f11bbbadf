/* Pseudonyms (SPEC 10.3): keyed HMAC-SHA256 from libsodium, never our own
 * crypto. A pseudonym is a prefix ("p-" for people, "t-" for teams) and
 * the first 16 hexadecimal digits of HMAC-SHA256(key, name): the same key
 * gives the same pseudonym in every file and every month, and without the
 * key a pseudonym says nothing of the name. The key is only ever read. */
#define _GNU_SOURCE 1 /* qsort_r */
#include "network.h"
#include "errors.h"
#include "text.h"

#include <math.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#define DIGITS 16

/* HMAC-SHA256 keyed once: each name copies the keyed state (the key's
 * padding is not hashed again per name). */
typedef struct keyed {
    crypto_auth_hmacsha256_state state;
} keyed;

static champ_status keyed_init(keyed *k, const void *key, size_t len, const char *fn)
{
    if (!key)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: key is NULL", fn);
    if (len < CHAMP_PSEUDONYM_KEY_MIN)
        return champ__fail(CHAMP_ERR_ARGUMENT,
                           "%s: the key has %zu bytes; a key needs at least %d (32 random "
                           "bytes make a good one)",
                           fn, len, CHAMP_PSEUDONYM_KEY_MIN);
    if (sodium_init() < 0)
        return champ__fail(CHAMP_ERR_INTERNAL, "%s: libsodium could not start", fn);
    crypto_auth_hmacsha256_init(&k->state, key, len);
    return CHAMP_OK;
}

/* prefix + 16 hex digits + NUL into out (CHAMP_PSEUDONYM_SIZE bytes). */
static void pseudonym_of(const keyed *k, const char *prefix, const char *name, size_t len,
                         char *out)
{
    static const char hex[] = "0123456789abcdef";
    crypto_auth_hmacsha256_state state = k->state;
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_update(&state, (const unsigned char *)name, len);
    crypto_auth_hmacsha256_final(&state, mac);
    out[0] = prefix[0];
    out[1] = prefix[1];
    for (int i = 0; i < DIGITS / 2; i++) {
        out[2 + 2 * i] = hex[mac[i] >> 4];
        out[3 + 2 * i] = hex[mac[i] & 15];
    }
    out[2 + DIGITS] = '\0';
    sodium_memzero(&state, sizeof state);
}

/* The table of `names` pseudonymised into *out (same indices); fails when
 * two names share a pseudonym. */
static champ_status pseudonymize_table(const keyed *k, const char *prefix,
                                       const champ_strtab *names, const char *what,
                                       champ_strtab *out)
{
    champ_strtab_init(out);
    char p[CHAMP_PSEUDONYM_SIZE];
    for (uint32_t i = 0; i < names->count; i++) {
        uint32_t index;
        int added;
        pseudonym_of(k, prefix, champ_strtab_get(names, i), champ_strtab_len(names, i), p);
        if (champ_strtab_intern(out, p, strlen(p), &index, &added)) {
            champ_strtab_clear(out);
            return champ__nomem();
        }
        if (!added) { /* 1 chance in 2^64 for a pair of names: say so, name none */
            champ_strtab_clear(out);
            return champ__fail(CHAMP_ERR_ARGUMENT,
                               "champ_network_pseudonymize: two %s have the same pseudonym "
                               "under this key; use another key",
                               what);
        }
    }
    return CHAMP_OK;
}

/* ---- the order of the output --------------------------------------------
 * An export listed in an order that means something (people by name or
 * e-mail address, interactions grouped by sender) would give that order
 * away under the pseudonyms. So the pseudonymised network is put in an
 * order that depends on its content only: people by pseudonym, and
 * interactions by time (untimed first), sender, receiver (in the new order
 * of people), type and weight. */

typedef struct interaction_order {
    const champ_network *net;
    const uint32_t *new_of_old;  /* person numbers after the reordering */
    const uint32_t *type_rank;   /* a type's place among the type names */
} interaction_order;

static int by_content(const void *a, const void *b, void *arg)
{
    const interaction_order *o = arg;
    const champ_network *net = o->net;
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    double ti = net->time[i], tj = net->time[j];
    if (isnan(ti) != isnan(tj))
        return isnan(ti) ? -1 : 1;
    if (ti != tj && !isnan(ti))
        return ti < tj ? -1 : 1;
    uint32_t x, y;
    if ((x = o->new_of_old[net->from[i]]) != (y = o->new_of_old[net->from[j]]))
        return x < y ? -1 : 1;
    if ((x = o->new_of_old[net->to[i]]) != (y = o->new_of_old[net->to[j]]))
        return x < y ? -1 : 1;
    if ((x = o->type_rank[net->type[i]]) != (y = o->type_rank[net->type[j]]))
        return x < y ? -1 : 1;
    if (net->weight[i] != net->weight[j])
        return net->weight[i] < net->weight[j] ? -1 : 1;
    return (i > j) - (i < j); /* identical records: any order gives the same output */
}

/* What the reordering needs, all allocated before the network is touched. */
typedef struct reorder {
    champ_strtab ids;            /* the pseudonyms, in their order */
    uint32_t *new_of_old, *type_rank, *team, *group;
    size_t *order;               /* interactions, in their new order */
    void *spare;                 /* one column of interactions, while permuting */
} reorder;

static void reorder_free(reorder *r)
{
    champ_strtab_clear(&r->ids);
    free(r->new_of_old);
    free(r->type_rank);
    free(r->team);
    free(r->group);
    free(r->order);
    free(r->spare);
}

/* The new order of `net` once its ids are `pseudonyms` (same indices). */
static champ_status reorder_plan(reorder *r, const champ_network *net,
                                 const champ_strtab *pseudonyms)
{
    size_t n = pseudonyms->count, m = net->interactions, types = net->types.count;
    memset(r, 0, sizeof *r);
    champ_strtab_init(&r->ids);
    champ_named *sorted = malloc((n ? n : 1) * sizeof *sorted);
    r->new_of_old = malloc((n ? n : 1) * sizeof *r->new_of_old);
    r->type_rank = malloc((types ? types : 1) * sizeof *r->type_rank);
    r->team = malloc((net->person_cap ? net->person_cap : 1) * sizeof *r->team);
    r->group = malloc((net->person_cap ? net->person_cap : 1) * sizeof *r->group);
    r->order = malloc((m ? m : 1) * sizeof *r->order);
    r->spare = malloc((m ? m : 1) * sizeof(double));
    int ok = sorted && r->new_of_old && r->type_rank && r->team && r->group && r->order &&
             r->spare && champ__strtab_ranks(&net->types, r->type_rank) == 0;
    if (ok) {
        for (uint32_t v = 0; v < n; v++)
            sorted[v] = (champ_named){champ_strtab_get(pseudonyms, v), v};
        qsort(sorted, n, sizeof *sorted, champ__by_name);
        for (uint32_t i = 0; ok && i < n; i++) {
            uint32_t index;
            ok = champ_strtab_intern(&r->ids, sorted[i].name, strlen(sorted[i].name), &index,
                                     NULL) == 0;
            r->new_of_old[sorted[i].index] = i;
            if (ok) {
                r->team[i] = net->team[sorted[i].index];
                r->group[i] = net->group[sorted[i].index];
            }
        }
    }
    free(sorted);
    if (!ok) {
        reorder_free(r);
        return champ__nomem();
    }
    for (size_t j = 0; j < m; j++)
        r->order[j] = j;
    interaction_order by = {net, r->new_of_old, r->type_rank};
    qsort_r(r->order, m, sizeof *r->order, by_content, &by);
    return CHAMP_OK;
}

/* Put one column of interactions in the new order, through r->spare. */
static void permute(void *column, size_t size, size_t m, const reorder *r)
{
    char *out = r->spare;
    const char *in = column;
    for (size_t j = 0; j < m; j++)
        memcpy(out + j * size, in + r->order[j] * size, size);
    memcpy(column, out, m * size);
}

/* Commit the plan: it cannot fail. */
static void reorder_apply(reorder *r, champ_network *net)
{
    size_t m = net->interactions;
    for (size_t j = 0; j < m; j++) {
        net->from[j] = r->new_of_old[net->from[j]];
        net->to[j] = r->new_of_old[net->to[j]];
    }
    permute(net->from, sizeof *net->from, m, r);
    permute(net->to, sizeof *net->to, m, r);
    permute(net->type, sizeof *net->type, m, r);
    permute(net->time, sizeof *net->time, m, r);
    permute(net->weight, sizeof *net->weight, m, r);
    champ_strtab_clear(&net->ids);
    net->ids = r->ids;
    champ_strtab_init(&r->ids);
    free(net->team);
    free(net->group);
    net->team = r->team;
    net->group = r->group;
    r->team = r->group = NULL;
}

champ_status champ_network_pseudonymize(champ_network *net, const void *key, size_t key_len,
                                        int teams)
{
    const char *fn = "champ_network_pseudonymize";
    if (!net)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: network is NULL", fn);
    keyed k;
    champ_status st = keyed_init(&k, key, key_len, fn);
    if (st)
        return st;
    champ_strtab ids, team_names;
    champ_strtab_init(&team_names);
    st = pseudonymize_table(&k, "p-", &net->ids, "ids", &ids);
    if (!st && teams && (st = pseudonymize_table(&k, "t-", &net->teams, "teams", &team_names)))
        champ_strtab_clear(&ids);
    sodium_memzero(&k, sizeof k);
    reorder plan;
    if (!st && (st = reorder_plan(&plan, net, &ids))) {
        champ_strtab_clear(&ids);
        champ_strtab_clear(&team_names);
    }
    if (st)
        return st;
    champ_strtab_clear(&ids); /* the plan holds them, in their new order */
    reorder_apply(&plan, net);
    reorder_free(&plan);
    if (teams) {
        champ_strtab_clear(&net->teams);
        net->teams = team_names;
    }
    return CHAMP_OK;
}

champ_status champ_pseudonym(const void *key, size_t key_len, int team, const char *name,
                             char *out)
{
    const char *fn = "champ_pseudonym";
    if (!name || !out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: %s is NULL", fn, name ? "out" : "name");
    keyed k;
    champ_status st = keyed_init(&k, key, key_len, fn);
    if (st)
        return st;
    pseudonym_of(&k, team ? "t-" : "p-", name, strlen(name), out);
    sodium_memzero(&k, sizeof k);
    return CHAMP_OK;
}
