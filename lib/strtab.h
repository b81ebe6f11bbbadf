/* A string interning table: each distinct string gets the next index
 * 0, 1, 2, ... Strings live in one growing arena, so a million ids cost a
 * few allocations, not a million. Private to lib/. */
#ifndef CHAMP_STRTAB_H
#define CHAMP_STRTAB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define CHAMP_STRTAB_NONE UINT32_MAX

/* A slot of the hash table, 16 bytes: a lookup that hits reads one slot
 * and, for strings of up to 11 bytes, nothing else, since such strings are
 * kept in the slot itself. */
typedef struct champ_strtab_slot {
    uint32_t index; /* the string's index; CHAMP_STRTAB_NONE when empty */
    uint32_t head;  /* length (0xFF: longer than 11) | bytes 8..10 or hash tag << 8 */
    uint64_t tail;  /* bytes 0..7, zero padded; or, when longer, the arena offset */
} champ_strtab_slot;

typedef struct champ_strtab {
    char *arena;          /* NUL-terminated strings back to back */
    size_t arena_len, arena_cap;
    size_t *offset;       /* offset[i]: where string i starts in arena */
    size_t count, offset_cap;
    champ_strtab_slot *slots; /* open addressing, linear probing */
    size_t slot_cap;      /* power of two */
} champ_strtab;

/* Strings of at most this many bytes are held whole by their key (and
 * their slot): two keys of such strings are equal or not by the key alone. */
#define CHAMP_STRTAB_SHORT 11

/* A string ready for lookups, in the form its slot holds: made once, it
 * serves a prefetch and the lookup after it. s[0..len) must stay put
 * while the key is used. */
typedef struct champ_strtab_key {
    const char *s;
    size_t len;
    uint64_t hash;
    uint64_t tail;
    uint32_t head;
} champ_strtab_key;

void champ_strtab_key_init(champ_strtab_key *k, const char *s, size_t len);

/* Whether two keys are of the same string; most different ones are told
 * apart without reading the strings. */
static inline int champ_strtab_key_equal(const champ_strtab_key *a, const champ_strtab_key *b)
{
    return a->len == b->len && a->head == b->head && a->tail == b->tail &&
           (a->len <= CHAMP_STRTAB_SHORT || memcmp(a->s, b->s, a->len) == 0);
}

void champ_strtab_init(champ_strtab *t);
void champ_strtab_clear(champ_strtab *t);

/* Index of `s` (len bytes, no NUL inside), or CHAMP_STRTAB_NONE. */
uint32_t champ_strtab_find(const champ_strtab *t, const char *s, size_t len);

uint32_t champ_strtab_find_key(const champ_strtab *t, const champ_strtab_key *k);

/* Start loading the slot where a lookup of k begins: a hint for callers
 * that know the lookup is coming, so that several cache misses overlap.
 * Changes nothing. */
void champ_strtab_prefetch(const champ_strtab *t, const champ_strtab_key *k);

/* A copy of a table's slots, for another thread to find short strings in
 * while the table itself changes: strings of at most CHAMP_STRTAB_SHORT
 * bytes live in their slot, so finding them reads nothing else. */
typedef struct champ_strtab_frozen {
    champ_strtab_slot *slots;
    size_t slot_cap;
} champ_strtab_frozen;

/* -1 when out of memory (*f then holds nothing to free), 0 otherwise. */
int champ_strtab_freeze(const champ_strtab *t, champ_strtab_frozen *f);
void champ_strtab_frozen_free(champ_strtab_frozen *f);

/* The index k had in t when frozen; CHAMP_STRTAB_NONE when it had none or
 * k is longer than CHAMP_STRTAB_SHORT bytes (not looked for). Reads f
 * only. */
uint32_t champ_strtab_frozen_find(const champ_strtab_frozen *f, const champ_strtab_key *k);
void champ_strtab_frozen_prefetch(const champ_strtab_frozen *f, const champ_strtab_key *k);

/* Index of `s`, adding it when new (*added = 1). Returns -1 on allocation
 * failure (the table is unchanged), 0 otherwise. */
int champ_strtab_intern(champ_strtab *t, const char *s, size_t len, uint32_t *index, int *added);
int champ_strtab_intern_key(champ_strtab *t, const champ_strtab_key *k, uint32_t *index,
                            int *added);

/* A deep copy of src into dst (initialised by this call). -1 when out of memory. */
int champ_strtab_copy(champ_strtab *dst, const champ_strtab *src);

/* Drop every string with index >= count (undo of recent interning). */
void champ_strtab_truncate(champ_strtab *t, size_t count);

static inline const char *champ_strtab_get(const champ_strtab *t, uint32_t i)
{
    return t->arena + t->offset[i];
}

static inline size_t champ_strtab_len(const champ_strtab *t, uint32_t i)
{
    size_t end = (size_t)i + 1 < t->count ? t->offset[i + 1] : t->arena_len;
    return end - t->offset[i] - 1;
}

#endif
