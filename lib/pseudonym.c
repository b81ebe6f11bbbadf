/* Pseudonyms (SPEC 10.3): keyed HMAC-SHA256 from libsodium, never our own
 * crypto. A pseudonym is a prefix ("p-" for people, "t-" for teams) and
 * the first 16 hexadecimal digits of HMAC-SHA256(key, name): the same key
 * gives the same pseudonym in every file and every month, and without the
 * key a pseudonym says nothing of the name. The key is only ever read. */
#include "network.h"
#include "errors.h"

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
    if (st)
        return st;
    champ_strtab_clear(&net->ids);
    net->ids = ids;
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
