/* Allocation-failure injection for the whole process (issue 5, part 2).
 *
 * Linked into the test executable, these definitions of malloc and friends
 * interpose for every shared object loaded with it: libchampions' own
 * objects, libzip, zlib, libsodium, libstdc++ (operator new) and libc's
 * own internal callers (strdup, pthread_create, ...), as glibc
 * supports ("Replacing malloc" in its manual). newlocale() is one more
 * request (below). Each one forwards to glibc's
 * allocator through its __libc_* entry points.
 *
 * While armed, every allocation request is numbered from 1; the request
 * numbered fail_at fails (returns NULL with errno ENOMEM), and with
 * `persistent` every later one too. Live blocks and bytes are counted at
 * all times, so that the driver can check that a run freed everything it
 * allocated, without ASan or valgrind (both replace malloc themselves:
 * this test runs in the plain build only). (Objects excluded from failing
 * were needed for libgomp, which exits on a failed allocation, while the
 * library linked it through igraph; they went with it.) */
#define _GNU_SOURCE 1
#include "failmalloc.h"

#include <errno.h>
#include <link.h>
#include <locale.h>
#include <malloc.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);
extern void *__libc_valloc(size_t);
extern void *__libc_pvalloc(size_t);
extern locale_t __newlocale(int, const char *, locale_t);

static atomic_int armed;
static atomic_int persistent;
static atomic_long fail_at;
static atomic_long requests;
static atomic_long injected;
static atomic_long live_blocks;
static atomic_long live_bytes;
static atomic_long total_requests;
/* Numbered requests made by threads other than the one that armed: their
 * place in the order would depend on scheduling. */
static atomic_long foreign;
static _Thread_local int arming_thread;
static void *_Atomic first_failed_caller;
static void **census;
static long census_cap;

#define MAX_RANGES 16
static atomic_int range_count;
static struct {
    uintptr_t lo, hi;
} ranges[MAX_RANGES]; /* code of the tracked objects (fm_track_object) */

/* Live blocks allocated directly by a tracked object (fm_track_object):
 * an open-addressing set of pointers, behind a spin lock. */
#define TRACKED_MAX 8192
static void *tracked[TRACKED_MAX];
static atomic_flag tracked_lock = ATOMIC_FLAG_INIT;
static atomic_long tracked_blocks, tracked_bytes;
static void *const tombstone = (void *)&tracked;

static size_t slot_of(void *p)
{
    uintptr_t h = (uintptr_t)p >> 4;
    h ^= h >> 17;
    h *= 0x9E3779B97F4A7C15u;
    return (size_t)(h >> 40) % TRACKED_MAX;
}

static void tracked_add(void *p)
{
    while (atomic_flag_test_and_set_explicit(&tracked_lock, memory_order_acquire))
        ;
    size_t i = slot_of(p);
    for (size_t k = 0; k < TRACKED_MAX; k++, i = (i + 1) % TRACKED_MAX) {
        if (!tracked[i] || tracked[i] == tombstone) {
            tracked[i] = p;
            atomic_fetch_add(&tracked_blocks, 1);
            atomic_fetch_add(&tracked_bytes, (long)malloc_usable_size(p));
            break;
        }
    }
    atomic_flag_clear_explicit(&tracked_lock, memory_order_release);
}

static void tracked_remove(void *p, long bytes)
{
    if (!atomic_load_explicit(&tracked_blocks, memory_order_relaxed))
        return;
    while (atomic_flag_test_and_set_explicit(&tracked_lock, memory_order_acquire))
        ;
    size_t i = slot_of(p);
    for (size_t k = 0; k < TRACKED_MAX && tracked[i]; k++, i = (i + 1) % TRACKED_MAX) {
        if (tracked[i] == p) {
            tracked[i] = tombstone;
            atomic_fetch_sub(&tracked_blocks, 1);
            atomic_fetch_sub(&tracked_bytes, bytes);
            break;
        }
    }
    atomic_flag_clear_explicit(&tracked_lock, memory_order_release);
}

/* 1 if the code at `caller` belongs to a tracked object. */
static int is_tracked(void *caller)
{
    uintptr_t a = (uintptr_t)caller;
    int n = atomic_load_explicit(&range_count, memory_order_acquire);
    for (int i = 0; i < n; i++)
        if (a >= ranges[i].lo && a < ranges[i].hi)
            return 1;
    return 0;
}

/* 1 when this request must fail. */
static int inject(void *caller)
{
    atomic_fetch_add_explicit(&total_requests, 1, memory_order_relaxed);
    if (!atomic_load_explicit(&armed, memory_order_relaxed))
        return 0;
    if (!arming_thread)
        atomic_fetch_add_explicit(&foreign, 1, memory_order_relaxed);
    long k = atomic_fetch_add_explicit(&requests, 1, memory_order_relaxed) + 1;
    if (k <= census_cap)
        census[k - 1] = caller;
    long at = atomic_load_explicit(&fail_at, memory_order_relaxed);
    if (at > 0 && (k == at || (k > at && atomic_load_explicit(&persistent, memory_order_relaxed)))) {
        if (atomic_fetch_add_explicit(&injected, 1, memory_order_relaxed) == 0)
            atomic_store_explicit(&first_failed_caller, caller, memory_order_relaxed);
        return 1;
    }
    return 0;
}

static void *track_from(void *p, void *caller)
{
    if (p && is_tracked(caller))
        tracked_add(p);
    if (p) {
        atomic_fetch_add_explicit(&live_blocks, 1, memory_order_relaxed);
        atomic_fetch_add_explicit(&live_bytes, (long)malloc_usable_size(p), memory_order_relaxed);
    }
    return p;
}

static void untrack(void *p)
{
    if (p) {
        long bytes = (long)malloc_usable_size(p);
        tracked_remove(p, bytes);
        atomic_fetch_sub_explicit(&live_blocks, 1, memory_order_relaxed);
        atomic_fetch_sub_explicit(&live_bytes, bytes, memory_order_relaxed);
    }
}

static void *refuse(void)
{
    errno = ENOMEM;
    return NULL;
}

void *malloc(size_t size)
{
    if (inject(__builtin_return_address(0)))
        return refuse();
    return track_from(__libc_malloc(size), __builtin_return_address(0));
}

void *calloc(size_t n, size_t size)
{
    if (inject(__builtin_return_address(0)))
        return refuse();
    return track_from(__libc_calloc(n, size), __builtin_return_address(0));
}

void *realloc(void *p, size_t size)
{
    if (inject(__builtin_return_address(0)))
        return refuse(); /* p is left alone, as a real failure leaves it */
    if (!p)
        return track_from(__libc_realloc(NULL, size), __builtin_return_address(0));
    long old = (long)malloc_usable_size(p);
    void *q = __libc_realloc(p, size);
    if (q || size == 0) { /* moved, grown, or freed (glibc: realloc(p, 0) frees p) */
        tracked_remove(p, old);
        atomic_fetch_sub_explicit(&live_blocks, 1, memory_order_relaxed);
        atomic_fetch_sub_explicit(&live_bytes, old, memory_order_relaxed);
        track_from(q, __builtin_return_address(0));
    }
    return q;
}

void free(void *p)
{
    untrack(p);
    __libc_free(p);
}

void *memalign(size_t align, size_t size)
{
    if (inject(__builtin_return_address(0)))
        return refuse();
    return track_from(__libc_memalign(align, size), __builtin_return_address(0));
}

void *aligned_alloc(size_t align, size_t size)
{
    if (inject(__builtin_return_address(0)))
        return refuse();
    return track_from(__libc_memalign(align, size), __builtin_return_address(0));
}

int posix_memalign(void **out, size_t align, size_t size)
{
    if (align % sizeof(void *) || (align & (align - 1)) || align == 0)
        return EINVAL;
    if (inject(__builtin_return_address(0)))
        return ENOMEM;
    void *p = track_from(__libc_memalign(align, size), __builtin_return_address(0));
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}

void *valloc(size_t size)
{
    if (inject(__builtin_return_address(0)))
        return refuse();
    return track_from(__libc_valloc(size), __builtin_return_address(0));
}

void *pvalloc(size_t size)
{
    if (inject(__builtin_return_address(0)))
        return refuse();
    return track_from(__libc_pvalloc(size), __builtin_return_address(0));
}

/* newlocale() may fail with ENOMEM (POSIX), and does whenever glibc has to
 * allocate a locale object. glibc needs none for "C" from scratch, so the
 * library's strtod in the C locale never sees that failure for real; here
 * it is a request of its own, so that its callers' handling is tested. */
locale_t newlocale(int mask, const char *locale, locale_t base)
{
    if (inject(__builtin_return_address(0))) {
        errno = ENOMEM;
        return (locale_t)0;
    }
    return __newlocale(mask, locale, base);
}

/* ------------------------------------------------------------------------ */

void fm_arm(long n, int keep_failing)
{
    atomic_store(&requests, 0);
    atomic_store(&foreign, 0);
    arming_thread = 1;
    atomic_store(&injected, 0);
    atomic_store(&first_failed_caller, NULL);
    atomic_store(&fail_at, n);
    atomic_store(&persistent, keep_failing);
    atomic_store(&armed, 1);
}

long fm_foreign_requests(void)
{
    return atomic_load(&foreign);
}

void fm_disarm(void)
{
    atomic_store(&armed, 0);
}

void fm_census(void **buf, long cap)
{
    census = buf;
    census_cap = buf ? cap : 0;
}

void fm_pause(void)
{
    atomic_store(&armed, 0);
}

void fm_resume(void)
{
    atomic_store(&armed, 1);
}

long fm_requests(void)
{
    return atomic_load(&requests);
}


long fm_injected(void)
{
    return atomic_load(&injected);
}

long fm_total_requests(void)
{
    return atomic_load(&total_requests);
}

void *fm_failed_caller(void)
{
    return atomic_load(&first_failed_caller);
}

long fm_live_blocks(void)
{
    return atomic_load(&live_blocks);
}

long fm_live_bytes(void)
{
    return atomic_load(&live_bytes);
}

long fm_tracked_blocks(void)
{
    return atomic_load(&tracked_blocks);
}

long fm_tracked_bytes(void)
{
    return atomic_load(&tracked_bytes);
}

struct find_object {
    const char *name;
    int found;
};

static int add_object(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    struct find_object *f = data;
    if (!info->dlpi_name || !strstr(info->dlpi_name, f->name))
        return 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
            continue;
        int n = atomic_load(&range_count);
        if (n == MAX_RANGES)
            return 1;
        ranges[n].lo = info->dlpi_addr + ph->p_vaddr;
        ranges[n].hi = ranges[n].lo + ph->p_memsz;
        atomic_store_explicit(&range_count, n + 1, memory_order_release);
        f->found = 1;
    }
    return 0;
}

int fm_track_object(const char *name)
{
    struct find_object f = {name, 0};
    dl_iterate_phdr(add_object, &f);
    return f.found;
}
