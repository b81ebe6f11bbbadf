/* String interning with open addressing (linear probing). Lookups are what
 * reading a large export spends most of its time on, each a cache miss on a
 * table of a million ids: hence short strings inside the slots, and a slot
 * that says where a long string is without going through offset[]. */
/* madvise and MADV_HUGEPAGE are not POSIX. */
#define _DEFAULT_SOURCE
#include "strtab.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Strings of at most SHORT_MAX bytes live in their slot. */
#define SHORT_MAX CHAMP_STRTAB_SHORT
#define LONG 0xFFu /* the length byte of a longer string */

/* Little-endian loads whatever the machine's byte order: compilers make
 * one load of each on x86 and ARM. */
static uint64_t le32(const unsigned char *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
}

static uint64_t le64(const unsigned char *p)
{
    return le32(p) | le32(p + 4) << 32;
}

/* s[0..n), n <= 8, as a little-endian number with zero bytes above; the
 * two loads overlap, reading no byte outside s[0..n). */
static inline uint64_t load_short(const unsigned char *s, size_t n)
{
    if (n >= 4)
        return le32(s) | le32(s + n - 4) << (8 * (n - 4));
    if (n == 0)
        return 0;
    return (uint64_t)s[0] | (uint64_t)s[n / 2] << (8 * (n / 2)) | (uint64_t)s[n - 1] << (8 * (n - 1));
}

/* The 64-bit mixer of MurmurHash3 (fmix64): the table uses the low bits. */
static uint64_t fmix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 33);
}

/* What a slot holds for a string (tail: short strings only), and the
 * string's hash. */
typedef champ_strtab_key key;

/* Written in place, field by field: a key returned by value and copied
 * was read back before its stores had landed, a stall on every id. */
void champ_strtab_key_init(key *k, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    k->s = text;
    k->len = len;
    if (len <= SHORT_MAX) {
        k->tail = load_short(s, len < 8 ? len : 8);
        k->head = (uint32_t)len | (len > 8 ? (uint32_t)load_short(s + 8, len - 8) << 8 : 0);
        k->hash = fmix64(k->tail ^ (k->head * 0x9e3779b97f4a7c15ULL));
        return;
    }
    /* Eight bytes at a time, then the last bytes, each folded in with a
     * multiply-rotate step. */
    uint64_t h = len * 0x9e3779b97f4a7c15ULL;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        h ^= le64(s + i) * 0x87c37b91114253d5ULL;
        h = (h << 31 | h >> 33) * 0x4cf5ad432745937fULL;
    }
    h ^= load_short(s + i, len - i) * 0x87c37b91114253d5ULL;
    k->hash = fmix64(h);
    k->head = LONG | (uint32_t)(k->hash >> 40) << 8;
    k->tail = 0;
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

/* Whether the long string at arena offset `at` is s[0..len): its bytes,
 * then its NUL (strings hold none), all inside the arena. */
static int long_equals(const champ_strtab *t, uint64_t at, const char *s, size_t len)
{
    return at < t->arena_len && t->arena_len - at > len &&
           memcmp(t->arena + at, s, len) == 0 && t->arena[at + len] == '\0';
}

/* The slot holding k's string, or the empty slot where it would go. */
static size_t probe(const champ_strtab *t, const key *k)
{
    const char *s = k->s;
    size_t len = k->len, mask = t->slot_cap - 1;
    for (size_t at = (size_t)k->hash & mask;; at = (at + 1) & mask) {
        const champ_strtab_slot *e = &t->slots[at];
        if (e->index == CHAMP_STRTAB_NONE)
            return at;
        if (e->head == k->head &&
            (len <= SHORT_MAX ? e->tail == k->tail : long_equals(t, e->tail, s, len)))
            return at;
    }
}

uint32_t champ_strtab_find_key(const champ_strtab *t, const key *k)
{
    return t->slot_cap ? t->slots[probe(t, k)].index : CHAMP_STRTAB_NONE;
}

static champ_strtab_slot *alloc_slots(size_t cap);

int champ_strtab_freeze(const champ_strtab *t, champ_strtab_frozen *f)
{
    f->slot_cap = t->slot_cap;
    f->slots = NULL;
    if (!t->slot_cap)
        return 0;
    if (!(f->slots = alloc_slots(t->slot_cap)))
        return -1;
    memcpy(f->slots, t->slots, t->slot_cap * sizeof *f->slots);
    return 0;
}

void champ_strtab_frozen_free(champ_strtab_frozen *f)
{
    free(f->slots);
    f->slots = NULL;
}

uint32_t champ_strtab_frozen_find(const champ_strtab_frozen *f, const key *k)
{
    /* probe() reads the arena for long strings only. */
    champ_strtab view = {.slots = f->slots, .slot_cap = f->slot_cap};
    if (!f->slot_cap || k->len > SHORT_MAX)
        return CHAMP_STRTAB_NONE;
    return f->slots[probe(&view, k)].index;
}

void champ_strtab_frozen_prefetch(const champ_strtab_frozen *f, const key *k)
{
    champ_strtab view = {.slots = f->slots, .slot_cap = f->slot_cap};
    champ_strtab_prefetch(&view, k);
}

uint32_t champ_strtab_find(const champ_strtab *t, const char *s, size_t len)
{
    key k;
    champ_strtab_key_init(&k, s, len);
    return champ_strtab_find_key(t, &k);
}

void champ_strtab_prefetch(const champ_strtab *t, const key *k)
{
#if defined(__GNUC__) || defined(__clang__)
    if (t->slot_cap)
        __builtin_prefetch(&t->slots[(size_t)k->hash & (t->slot_cap - 1)]);
#else
    (void)t, (void)k;
#endif
}

static void put(champ_strtab *t, size_t at, const key *k, uint32_t index)
{
    champ_strtab_slot *e = &t->slots[at];
    e->index = index;
    e->head = k->head;
    e->tail = (k->head & 0xFF) == LONG ? t->offset[index] : k->tail;
}

/* Every string is distinct: each goes to the first empty slot. */
static void reinsert_all(champ_strtab *t)
{
    size_t mask = t->slot_cap - 1;
    memset(t->slots, 0xff, t->slot_cap * sizeof *t->slots);
    for (size_t i = 0; i < t->count; i++) {
        uint32_t index = (uint32_t)i;
        key k;
        champ_strtab_key_init(&k, champ_strtab_get(t, index), champ_strtab_len(t, index));
        size_t at = (size_t)k.hash & mask;
        while (t->slots[at].index != CHAMP_STRTAB_NONE)
            at = (at + 1) & mask;
        put(t, at, &k, index);
    }
}

/* Room for `cap` slots. Lookups land anywhere in the table: on a table of
 * many megabytes nearly every one would also miss the TLB, so large tables
 * ask for huge pages where the system has them (a hint only). */
static champ_strtab_slot *alloc_slots(size_t cap)
{
    size_t bytes = cap * sizeof(champ_strtab_slot);
#ifdef MADV_HUGEPAGE
    const size_t huge = (size_t)2 << 20;
    if (bytes >= huge) {
        void *p = aligned_alloc(huge, bytes);
        if (p)
            madvise(p, bytes, MADV_HUGEPAGE);
        return p;
    }
#endif
    return malloc(bytes);
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
    key k;
    champ_strtab_key_init(&k, s, len);
    return champ_strtab_intern_key(t, &k, index, added);
}

int champ_strtab_intern_key(champ_strtab *t, const key *k, uint32_t *index, int *added)
{
    const char *s = k->s;
    size_t len = k->len;
    size_t at = t->slot_cap ? probe(t, k) : 0;
    if (t->slot_cap && t->slots[at].index != CHAMP_STRTAB_NONE) {
        *index = t->slots[at].index;
        if (added)
            *added = 0;
        return 0;
    }
    if (t->count >= CHAMP_STRTAB_NONE - 1)
        return -1;
    if (grow((void **)&t->arena, &t->arena_cap, t->arena_len + len + 1, 1) != 0 ||
        grow((void **)&t->offset, &t->offset_cap, t->count + 1, sizeof *t->offset) != 0)
        return -1;
    if ((t->count + 1) * 2 > t->slot_cap) {
        size_t cap = t->slot_cap ? t->slot_cap * 2 : 64;
        champ_strtab_slot *slots = alloc_slots(cap);
        if (!slots)
            return -1;
        free(t->slots);
        t->slots = slots;
        t->slot_cap = cap;
        reinsert_all(t);
        at = probe(t, k);
    }
    if (len)
        memcpy(t->arena + t->arena_len, s, len);
    t->arena[t->arena_len + len] = '\0';
    t->offset[t->count] = t->arena_len;
    t->arena_len += len + 1;
    uint32_t i = (uint32_t)t->count++;
    put(t, at, k, i);
    *index = i;
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
