/* The corpus of bad exports (tests/bad/corpus, written by make_corpus.py):
 * every file gives its expected status and message (tests/bad/expected.txt:
 * name, status, message after "FILE: "), and no network. Then the files
 * that are not regular files: a directory, a FIFO, a missing file.
 * Usage: test_bad DIR (the tests/bad folder). */
#include "testutil.h"

#include <champions.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LINE_MAX_ 4096

static const char *dir;

typedef struct expected {
    char name[256], status[64], message[LINE_MAX_];
} expected;

/* Reads expected.txt: returns the cases (count in *n). */
static expected *load_expected(size_t *n)
{
    char path[1024], line[LINE_MAX_ + 512];
    snprintf(path, sizeof path, "%s/expected.txt", dir);
    FILE *f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    expected *all = NULL;
    size_t count = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *status = strchr(line, '\t'), *message = status ? strchr(status + 1, '\t') : NULL;
        ck_assert_msg(message != NULL, "expected.txt: bad line \"%s\"", line);
        *status++ = '\0';
        *message++ = '\0';
        all = realloc(all, (count + 1) * sizeof *all);
        ck_assert_ptr_nonnull(all);
        snprintf(all[count].name, sizeof all[count].name, "%.255s", line);
        snprintf(all[count].status, sizeof all[count].status, "%.63s", status);
        snprintf(all[count].message, sizeof all[count].message, "%.4095s", message);
        count++;
    }
    fclose(f);
    *n = count;
    return all;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    char *data = NULL;
    size_t cap = 0;
    *len = 0;
    for (;;) {
        data = realloc(data, cap += 65536);
        ck_assert_ptr_nonnull(data);
        size_t got = fread(data + *len, 1, cap - *len, f);
        *len += got;
        if (got == 0)
            break;
    }
    fclose(f);
    return data;
}

START_TEST(every_bad_export_gives_its_error)
{
    size_t n = 0;
    expected *cases = load_expected(&n);
    ck_assert_msg(n >= 50, "the corpus has %zu cases, fewer than 50", n);
    for (size_t i = 0; i < n; i++) {
        char path[1024], want[LINE_MAX_ + 1100];
        snprintf(path, sizeof path, "%s/corpus/%s", dir, cases[i].name);
        champ_network *net = (champ_network *)&n; /* must come back NULL */
        champ_status st = champ_network_read_file(path, &net);
        ck_assert_msg(net == NULL, "%s: a network came back", cases[i].name);
        ck_assert_msg(strcmp(champ_status_name(st), cases[i].status) == 0, "%s: %s, want %s",
                      cases[i].name, champ_status_name(st), cases[i].status);
        snprintf(want, sizeof want, "%s: %s", path, cases[i].message);
        ck_assert_msg(strcmp(champ_last_error(), want) == 0, "%s:\n got  %s\n want %s",
                      cases[i].name, champ_last_error(), want);
        /* The same bytes from memory give the same answer, without the name. */
        size_t len;
        char *data = slurp(path, &len);
        net = (champ_network *)&n;
        st = champ_network_read_memory(data, len, NULL, NULL, &net);
        ck_assert_msg(net == NULL && strcmp(champ_status_name(st), cases[i].status) == 0 &&
                          strcmp(champ_last_error(), cases[i].message) == 0,
                      "%s from memory: %s %s", cases[i].name, champ_status_name(st),
                      champ_last_error());
        free(data);
    }
    free(cases);
}
END_TEST

START_TEST(every_corpus_file_has_an_expectation)
{
    size_t n = 0, files = 0;
    expected *cases = load_expected(&n);
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus", dir);
    DIR *d = opendir(path);
    ck_assert_ptr_nonnull(d);
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        files++;
        int found = 0;
        for (size_t i = 0; i < n && !found; i++)
            found = strcmp(cases[i].name, e->d_name) == 0;
        ck_assert_msg(found, "corpus/%s has no line in expected.txt", e->d_name);
    }
    closedir(d);
    ck_assert_uint_eq(files, n);
    free(cases);
}
END_TEST

/* A folder is read as a platform export (Slack, Viva Engage); one that is
 * neither is named as such. */
START_TEST(a_directory_is_refused)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_read_file(dir, &net), CHAMP_ERR_SCHEMA);
    ck_assert_ptr_null(net);
    char want[1100];
    snprintf(want, sizeof want, "%s: neither a Slack export (users.json, channels.json) nor a "
             "Viva Engage export (Messages.csv, Users.csv)", dir);
    ck_assert_str_eq(champ_last_error(), want);
}
END_TEST

START_TEST(a_missing_file_is_named)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_read_file("/nonexistent/export.json", &net), CHAMP_ERR_IO);
    ck_assert_ptr_null(net);
    ck_assert_ptr_nonnull(strstr(champ_last_error(), "/nonexistent/export.json: "));
    ck_assert_ptr_nonnull(strstr(champ_last_error(), strerror(ENOENT)));
}
END_TEST

typedef struct feeder {
    const char *path, *text;
} feeder;

static void *feed(void *arg)
{
    const feeder *f = arg;
    int fd = open(f->path, O_WRONLY);
    if (fd >= 0) {
        size_t len = strlen(f->text);
        for (size_t off = 0; off < len;) { /* in pieces: the reader must wait for more */
            ssize_t put = write(fd, f->text + off, len - off < 7 ? len - off : 7);
            if (put <= 0)
                break;
            off += (size_t)put;
        }
        close(fd);
    }
    return NULL;
}

/* A FIFO (a shell's <(zcat export.json.gz)) is read as a stream: a good
 * export loads, a bad one gives its error with the FIFO's name. */
START_TEST(a_fifo_is_read_as_a_stream)
{
    char tmp[] = "/tmp/champ-fifo-XXXXXX", path[64];
    ck_assert_ptr_nonnull(mkdtemp(tmp));
    snprintf(path, sizeof path, "%s/export.json", tmp);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    static const char *const texts[] = {
        "{\"interactions\":[{\"from\":\"a\",\"to\":\"b\"},{\"from\":\"b\",\"to\":\"a\"}]}",
        "{\"interactions\":[{\"from\":\"a\",\"to\":\"b\",\"weight\":-1}]}"};
    for (int k = 0; k < 2; k++) {
        feeder f = {path, texts[k]};
        pthread_t t;
        ck_assert_int_eq(pthread_create(&t, NULL, feed, &f), 0);
        champ_network *net = NULL;
        champ_status st = champ_network_read_file(path, &net);
        pthread_join(t, NULL);
        if (k == 0) {
            ck_assert_msg(st == CHAMP_OK, "%s", champ_last_error());
            ck_assert_uint_eq(champ_network_person_count(net), 2);
            champ_network_free(net);
        } else {
            ck_assert_int_eq(st, CHAMP_ERR_SCHEMA);
            ck_assert_ptr_null(net);
            char want[256];
            snprintf(want, sizeof want, "%s: interactions[0].weight: expected a finite number > 0",
                     path);
            ck_assert_str_eq(champ_last_error(), want);
        }
    }
    unlink(path);
    rmdir(tmp);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_bad DIR\n");
        return 2;
    }
    dir = argv[1];
    Suite *s = suite_create("bad");
    TCase *tc = tcase_create("bad");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, every_bad_export_gives_its_error);
    tcase_add_test(tc, every_corpus_file_has_an_expectation);
    tcase_add_test(tc, a_directory_is_refused);
    tcase_add_test(tc, a_missing_file_is_named);
    tcase_add_test(tc, a_fifo_is_read_as_a_stream);
    suite_add_tcase(s, tc);
    return champ_test_run(s);
}
