/* String interning with open addressing (linear probing) over FNV-1a. */
#include "strtab.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    /* FNV's low bits mix poorly and the table uses them: finish with the
     * 64-bit mixer of MurmurHash3 (fmix64). */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 33);
}

void champ_strtab_init(champ_strtab *t)
{
    memset(t, 0, sizeof *t);
}

void champ_strtab_clear(champ_strtab *t)
{
    free(t->arena);
    free(t->offset);
    free(t->slots);
    champ_strtab_init(t);
}

static int equals(const champ_strtab *t, uint32_t i, const char *s, size_t len)
{
    return champ_strtab_len(t, i) == len && memcmp(champ_strtab_get(t, i), s, len) == 0;
}

/* A slot holds the string's index in its low 32 bits and the high 32 bits
 * of its hash above them: most mismatches are told apart without touching
 * the arena (a cache miss each, on large tables). */
#define EMPTY UINT64_MAX
#define SLOT_INDEX(slot) ((uint32_t)(slot))
#define SLOT_TAG(h) ((h) >> 32)

/* The slot holding s, or the empty slot where it would go. */
static size_t probe(const champ_strtab *t, const char *s, size_t len, uint64_t h)
{
    size_t mask = t->slot_cap - 1;
    size_t at = (size_t)h & mask;
    for (uint64_t slot; (slot = t->slots[at]) != EMPTY; at = (at + 1) & mask)
        if (SLOT_TAG(slot) == SLOT_TAG(h) && equals(t, SLOT_INDEX(slot), s, len))
            break;
    return at;
}

uint32_t champ_strtab_find(const champ_strtab *t, const char *s, size_t len)
{
    if (t->slot_cap == 0)
        return CHAMP_STRTAB_NONE;
    uint64_t slot = t->slots[probe(t, s, len, hash_bytes(s, len))];
    return slot == EMPTY ? CHAMP_STRTAB_NONE : SLOT_INDEX(slot);
}

static void reinsert_all(champ_strtab *t)
{
    memset(t->slots, 0xff, t->slot_cap * sizeof *t->slots);
    for (size_t i = 0; i < t->count; i++) {
        uint32_t k = (uint32_t)i;
        const char *s = champ_strtab_get(t, k);
        size_t len = champ_strtab_len(t, k);
        uint64_t h = hash_bytes(s, len);
        t->slots[probe(t, s, len, h)] = (SLOT_TAG(h) << 32) | k;
    }
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * elem);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

int champ_strtab_intern(champ_strtab *t, const char *s, size_t len, uint32_t *index, int *added)
{
    uint64_t h = hash_bytes(s, len);
    size_t at = t->slot_cap ? probe(t, s, len, h) : 0;
    if (t->slot_cap && t->slots[at] != EMPTY) {
        *index = SLOT_INDEX(t->slots[at]);
        if (added)
            *added = 0;
        return 0;
    }
    if (t->count >= CHAMP_STRTAB_NONE - 1)
        return -1;
    if ((t->count + 1) * 2 > t->slot_cap) {
        size_t cap = t->slot_cap ? t->slot_cap * 2 : 64;
        uint64_t *slots = malloc(cap * sizeof *slots);
        if (!slots)
            return -1;
        free(t->slots);
        t->slots = slots;
        t->slot_cap = cap;
        reinsert_all(t);
        at = probe(t, s, len, h);
    }
    if (grow((void **)&t->arena, &t->arena_cap, t->arena_len + len + 1, 1) != 0 ||
        grow((void **)&t->offset, &t->offset_cap, t->count + 1, sizeof *t->offset) != 0)
        return -1;
    memcpy(t->arena + t->arena_len, s, len);
    t->arena[t->arena_len + len] = '\0';
    t->offset[t->count] = t->arena_len;
    t->arena_len += len + 1;
    uint32_t k = (uint32_t)t->count++;
    t->slots[at] = (SLOT_TAG(h) << 32) | k;
    *index = k;
    if (added)
        *added = 1;
    return 0;
}

void champ_strtab_truncate(champ_strtab *t, size_t count)
{
    if (count >= t->count)
        return;
    t->arena_len = t->offset[count];
    t->count = count;
    if (t->slot_cap)
        reinsert_all(t);
}

static void *duplicate(const void *src, size_t bytes)
{
    void *p = malloc(bytes ? bytes : 1);
    if (p && bytes)
        memcpy(p, src, bytes);
    return p;
}

int champ_strtab_copy(champ_strtab *dst, const champ_strtab *src)
{
    champ_strtab_init(dst);
    dst->arena = duplicate(src->arena, src->arena_len);
    dst->offset = duplicate(src->offset, src->count * sizeof *src->offset);
    dst->slots = duplicate(src->slots, src->slot_cap * sizeof *src->slots);
    if (!dst->arena || !dst->offset || !dst->slots) {
        champ_strtab_clear(dst);
        return -1;
    }
    dst->arena_len = dst->arena_cap = src->arena_len;
    dst->count = dst->offset_cap = src->count;
    dst->slot_cap = src->slot_cap;
    return 0;
}
