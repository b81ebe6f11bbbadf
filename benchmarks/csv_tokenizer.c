/* Tokenizing a CSV file: lib/csv.c's scanner against Debian's libcsv.
 *
 *     csv_tokenizer MODE FILE
 *
 * MODE is one of
 *   ours    champ__csv_next (lib/csv.c) over the whole file: records of
 *           field spans, taken in place (quoted fields with "" undoubled
 *           into the scanner's scratch)
 *   libcsv  csv_parse (libcsv 3.0.3, options 0) over the whole file in one
 *           call, with a field callback and a record callback; libcsv
 *           copies every field into its own buffer before the callback
 *   memchr  the '\n' of the file counted with memchr: what touching the
 *           bytes costs, a floor for any tokenizer (not a tokenizer: a
 *           quoted field with a line end counts twice)
 *
 * The file is mapped (MAP_POPULATE: its pages are mapped before the clock
 * starts, so page faults are not timed) and tokenized once; only the
 * tokenizing is timed (CLOCK_MONOTONIC). One line of JSON on stdout:
 * {"mode", "bytes", "seconds", "mb_per_s", "records", "fields",
 * "field_bytes"}; records, fields and field_bytes (the sum of the fields'
 * lengths after undoubling "") must be the same for ours and libcsv
 * (libcsv trims spaces and tabs around unquoted fields by default, so
 * field_bytes can differ on files that have such spaces).
 * benchmarks/importers.py builds and runs it, each run in its own process:
 *
 *   cc -std=c11 -O2 -g -D_DEFAULT_SOURCE -Iinclude -Ibuild/include \
 *      benchmarks/csv_tokenizer.c lib/csv.c lib/errors.c -lcsv
 */
#include "../lib/csv.h" /* lib/csv.c's scanner */

#include <csv.h>         /* libcsv: not on the include path as "csv.h" of lib/ */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct counts {
    size_t records, fields, field_bytes;
} counts;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int run_ours(const unsigned char *s, size_t len, counts *n)
{
    champ_csv c;
    champ_status st = CHAMP_OK;
    champ__csv_init(&c, s, len);
    int r;
    while ((r = champ__csv_next(&c, &st)) > 0) {
        n->records++;
        n->fields += c.count;
        for (size_t i = 0; i < c.count; i++)
            n->field_bytes += c.field[i].len;
    }
    champ__csv_free(&c);
    if (r < 0) {
        fprintf(stderr, "ours: %s\n", champ_last_error());
        return -1;
    }
    return 0;
}

static void on_field(void *field, size_t len, void *data)
{
    (void)field;
    counts *n = data;
    n->fields++;
    n->field_bytes += len;
}

static void on_record(int end, void *data)
{
    (void)end;
    ((counts *)data)->records++;
}

static int run_libcsv(const unsigned char *s, size_t len, counts *n)
{
    struct csv_parser p;
    if (csv_init(&p, 0) != 0) {
        fprintf(stderr, "libcsv: csv_init failed\n");
        return -1;
    }
    size_t done = csv_parse(&p, s, len, on_field, on_record, n);
    int bad = done != len;
    if (bad)
        fprintf(stderr, "libcsv: %s\n", csv_strerror(csv_error(&p)));
    csv_fini(&p, on_field, on_record, n);
    csv_free(&p);
    return bad ? -1 : 0;
}

static int run_memchr(const unsigned char *s, size_t len, counts *n)
{
    const unsigned char *p = s, *end = s + len;
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        n->records++;
        p++;
    }
    n->field_bytes = len;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s ours|libcsv|memchr FILE\n", argv[0]);
        return 2;
    }
    const char *mode = argv[1];
    int (*run)(const unsigned char *, size_t, counts *) =
        strcmp(mode, "ours") == 0     ? run_ours
        : strcmp(mode, "libcsv") == 0 ? run_libcsv
        : strcmp(mode, "memchr") == 0 ? run_memchr
                                      : NULL;
    if (!run) {
        fprintf(stderr, "unknown mode %s\n", mode);
        return 2;
    }
    int fd = open(argv[2], O_RDONLY);
    struct stat info;
    if (fd < 0 || fstat(fd, &info) != 0 || info.st_size == 0) {
        perror(argv[2]);
        return 1;
    }
    size_t len = (size_t)info.st_size;
    const unsigned char *s = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (s == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    counts n = {0, 0, 0};
    double t0 = now();
    int bad = run(s, len, &n);
    double seconds = now() - t0;
    if (bad)
        return 1;
    printf("{\"mode\": \"%s\", \"bytes\": %zu, \"seconds\": %.6f, \"mb_per_s\": %.1f, "
           "\"records\": %zu, \"fields\": %zu, \"field_bytes\": %zu}\n",
           mode, len, seconds, (double)len / 1e6 / seconds, n.records, n.fields,
           n.field_bytes);
    munmap((void *)s, len);
    close(fd);
    return 0;
}
