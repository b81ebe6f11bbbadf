/* Export folders and archives: their entries by name, their bytes. */
#include "source.h"
#include "errors.h"
#include "strtab.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zip.h>
#include <zlib.h>

enum source_kind { SOURCE_DIR, SOURCE_ZIP, SOURCE_BUFFERS };

typedef struct entry {
    uint32_t name;     /* in the names table */
    size_t where;      /* zip index or buffer index */
    const char *text;  /* the name, once every entry is listed */
} entry;

struct champ_source {
    enum source_kind kind;
    char *root;            /* a folder's path */
    zip_t *zip;
    const void *const *data;
    const size_t *lens;
    champ_strtab names;    /* the entries' names, without a common top folder */
    entry *entries;        /* sorted by name */
    size_t count, cap;
};

static champ_status new_source(enum source_kind kind, champ_source **out)
{
    champ_source *s = calloc(1, sizeof *s);
    if (!s)
        return champ__nomem();
    s->kind = kind;
    champ_strtab_init(&s->names);
    *out = s;
    return CHAMP_OK;
}

void champ__source_close(champ_source *s)
{
    if (!s)
        return;
    if (s->zip)
        zip_discard(s->zip);
    free(s->root);
    free(s->entries);
    champ_strtab_clear(&s->names);
    free(s);
}

static champ_status add_entry(champ_source *s, const char *name, size_t len, size_t where)
{
    if (s->count == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        entry *grown = realloc(s->entries, cap * sizeof *grown);
        if (!grown)
            return champ__nomem();
        s->entries = grown;
        s->cap = cap;
    }
    uint32_t k;
    if (champ_strtab_intern(&s->names, name, len, &k, NULL))
        return champ__nomem();
    s->entries[s->count++] = (entry){k, where, NULL};
    return CHAMP_OK;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->text, ((const entry *)b)->text);
}

/* Once every entry is listed (the names table no longer moves): the
 * entries in name order. */
static void sort_entries(champ_source *s)
{
    for (size_t i = 0; i < s->count; i++)
        s->entries[i].text = champ_strtab_get(&s->names, s->entries[i].name);
    if (s->count) /* no entries: entries may be NULL, which qsort must not get */
        qsort(s->entries, s->count, sizeof *s->entries, by_name);
}

size_t champ__source_count(const champ_source *s)
{
    return s->count;
}

const char *champ__source_name(const champ_source *s, size_t i)
{
    return s->entries[i].text;
}

size_t champ__source_first(const champ_source *s, const char *prefix)
{
    size_t lo = 0, hi = s->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(champ__source_name(s, mid), prefix) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t champ__source_find(const champ_source *s, const char *name)
{
    size_t i = champ__source_first(s, name);
    return i < s->count && strcmp(champ__source_name(s, i), name) == 0 ? i : SIZE_MAX;
}

/* ------------------------------------------------------------------------
 * Folders
 * ------------------------------------------------------------------------ */

/* The regular files of folder `dir` (relative to the root: "" or "name/"). */
static champ_status list_folder(champ_source *s, const char *dir, int depth)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", s->root, dir);
    DIR *d = opendir(path);
    if (!d)
        return champ__io_error("cannot read the folder", *dir ? path : s->root, errno);
    champ_status st = CHAMP_OK;
    struct dirent *e;
    for (;;) {
        errno = 0;
        if (st || !(e = readdir(d)))
            break;
        if (e->d_name[0] == '.')
            continue;
        char rel[4096];
        int n = snprintf(rel, sizeof rel, "%s%s", dir, e->d_name);
        if (n < 0 || (size_t)n >= sizeof rel)
            continue;
        struct stat info;
        if (fstatat(dirfd(d), e->d_name, &info, 0) != 0) {
            if (errno == ENOMEM)
                st = champ__nomem();
            continue; /* a dangling link, say: not a file of the export */
        }
        if (S_ISREG(info.st_mode))
            st = add_entry(s, rel, (size_t)n, 0);
        else if (S_ISDIR(info.st_mode) && depth == 0) {
            char sub[4096 + 2];
            snprintf(sub, sizeof sub, "%s/", rel);
            st = list_folder(s, sub, depth + 1);
        }
    }
    if (!st && errno)
        st = champ__io_error("cannot read the folder", *dir ? path : s->root, errno);
    closedir(d);
    return st;
}

champ_status champ__source_open_dir(const char *path, champ_source **out)
{
    champ_status st = new_source(SOURCE_DIR, out);
    if (st)
        return st;
    champ_source *s = *out;
    if (!(s->root = strdup(path)))
        st = champ__nomem();
    if (!st)
        st = list_folder(s, "", 0);
    if (st) {
        champ__source_close(s);
        *out = NULL;
        return st;
    }
    sort_entries(s);
    return CHAMP_OK;
}

/* ------------------------------------------------------------------------
 * Zip archives
 * ------------------------------------------------------------------------ */

/* Whether libzip's error is a failed allocation: its own, or zlib's
 * (ZIP_ER_ZLIB with Z_MEM_ERROR, from inflateInit2 say). */
static int zip_out_of_memory(zip_error_t *err)
{
    return zip_error_code_zip(err) == ZIP_ER_MEMORY ||
           (zip_error_code_zip(err) == ZIP_ER_ZLIB && zip_error_code_system(err) == Z_MEM_ERROR);
}

/* A failure to open an archive. libzip 1.7.3 (Debian 12) returns from
 * zip_source_buffer_create without setting the error when its first
 * malloc fails (buffer_new, found by tests/alloc): a failure without a
 * reason is that one. */
static champ_status zip_failure(const char *name, zip_error_t *err)
{
    champ_status st = zip_out_of_memory(err) || zip_error_code_zip(err) == ZIP_ER_OK
                          ? champ__nomem()
                          : champ__fail(CHAMP_ERR_PARSE, "%s%snot a readable zip archive: %s",
                                        name ? name : "", name ? ": " : "",
                                        zip_error_strerror(err));
    zip_error_fini(err);
    return st;
}

/* The length of the one top folder ("export/") every entry sits in, or 0. */
static size_t common_folder(zip_t *z, zip_int64_t n)
{
    const char *first = n > 0 ? zip_get_name(z, 0, 0) : NULL;
    const char *slash = first ? strchr(first, '/') : NULL;
    if (!slash)
        return 0;
    size_t len = (size_t)(slash - first) + 1;
    for (zip_int64_t i = 1; i < n; i++) {
        const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
        if (!name || strncmp(name, first, len) != 0)
            return 0;
    }
    return len;
}

champ_status champ__source_open_zip(const void *data, size_t len, const char *name,
                                    champ_source **out)
{
    champ_status st = new_source(SOURCE_ZIP, out);
    if (st)
        return st;
    champ_source *s = *out;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &err);
    if (src && !(s->zip = zip_open_from_source(src, ZIP_RDONLY, &err)))
        zip_source_free(src);
    if (!s->zip) {
        st = zip_failure(name, &err);
        champ__source_close(s);
        *out = NULL;
        return st;
    }
    zip_error_fini(&err);
    zip_int64_t n = zip_get_num_entries(s->zip, 0);
    size_t skip = common_folder(s->zip, n);
    for (zip_int64_t i = 0; !st && i < n; i++) {
        const char *entry_name = zip_get_name(s->zip, (zip_uint64_t)i, 0);
        if (!entry_name || strlen(entry_name) <= skip)
            continue;
        const char *rel = entry_name + skip;
        size_t rel_len = strlen(rel);
        /* folders, hidden files and macOS's resource forks are not entries */
        if (rel[rel_len - 1] == '/' || rel[0] == '.' || strncmp(rel, "__MACOSX/", 9) == 0)
            continue;
        st = add_entry(s, rel, rel_len, (size_t)i);
    }
    if (st) {
        champ__source_close(s);
        *out = NULL;
        return st;
    }
    sort_entries(s);
    return CHAMP_OK;
}

/* The first buffer of an entry read from a zip archive. */
#define ZIP_FIRST_BUFFER ((size_t)1 << 20)

/* The failure of reading entry `name`: libzip's reason (of the entry when
 * it was opened, else of the archive), or a short entry's. */
static champ_status zip_read_failure(const char *name, zip_t *zip, zip_file_t *zf)
{
    zip_error_t *err = zf ? zip_file_get_error(zf) : zip_get_error(zip);
    if (zip_out_of_memory(err))
        return champ__nomem();
    if (zip_error_code_zip(err) == ZIP_ER_OK)
        return champ__fail(CHAMP_ERR_PARSE, "%s: cannot read it from the archive: it holds "
                           "less than its declared size", name);
    return champ__fail(CHAMP_ERR_PARSE, "%s: cannot read it from the archive: %s", name,
                       zip_error_strerror(err));
}

static champ_status read_zip_entry(champ_source *s, size_t i, champ_file *f)
{
    const char *name = champ__source_name(s, i);
    zip_uint64_t index = s->entries[i].where;
    zip_stat_t info;
    if (zip_stat_index(s->zip, index, 0, &info) != 0 || !(info.valid & ZIP_STAT_SIZE))
        return champ__fail(CHAMP_ERR_PARSE, "%s: cannot read it from the archive", name);
    if (info.size >= SIZE_MAX)
        return champ__nomem();
    size_t size = (size_t)info.size, got = 0;
    size_t cap = size < ZIP_FIRST_BUFFER ? size : ZIP_FIRST_BUFFER;
    unsigned char *buf = malloc(cap ? cap : 1);
    if (!buf)
        return champ__nomem();
    zip_file_t *zf = zip_fopen_index(s->zip, index, 0);
    champ_status st = zf ? CHAMP_OK : zip_read_failure(name, s->zip, NULL);
    /* The size an entry declares is not trusted with memory: the buffer
     * grows with what decompresses (a few bytes declaring 4 GB are refused
     * after those bytes, not by a 4 GB allocation). */
    while (!st && got < size) {
        if (got == cap) {
            size_t grown = cap > size / 2 ? size : cap * 2;
            unsigned char *more = realloc(buf, grown);
            if (!more) {
                st = champ__nomem();
                break;
            }
            buf = more;
            cap = grown;
        }
        zip_int64_t n = zip_fread(zf, buf + got, cap - got);
        if (n <= 0)
            st = zip_read_failure(name, s->zip, zf);
        else
            got += (size_t)n;
    }
    if (zf)
        zip_fclose(zf);
    if (st) {
        free(buf);
        return st;
    }
    *f = (champ_file){buf, size, NULL, buf};
    return CHAMP_OK;
}

/* ------------------------------------------------------------------------
 * Buffers
 * ------------------------------------------------------------------------ */

champ_status champ__source_open_buffers(size_t n, const char *const *names,
                                        const void *const *data, const size_t *lens,
                                        champ_source **out)
{
    champ_status st = new_source(SOURCE_BUFFERS, out);
    if (st)
        return st;
    champ_source *s = *out;
    s->data = data;
    s->lens = lens;
    for (size_t i = 0; !st && i < n; i++)
        st = add_entry(s, names[i], strlen(names[i]), i);
    if (st) {
        champ__source_close(s);
        *out = NULL;
        return st;
    }
    sort_entries(s);
    return CHAMP_OK;
}

champ_status champ__source_read(champ_source *s, size_t i, champ_file *f)
{
    *f = (champ_file){NULL, 0, NULL, NULL};
    if (s->kind == SOURCE_ZIP)
        return read_zip_entry(s, i, f);
    if (s->kind == SOURCE_BUFFERS) {
        size_t k = s->entries[i].where;
        *f = (champ_file){(const unsigned char *)s->data[k], s->lens[k], NULL, NULL};
        return CHAMP_OK;
    }
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", s->root, champ__source_name(s, i));
    champ_status st = champ__file_load(path, f);
    return st;
}
