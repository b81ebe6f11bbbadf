/* The entry points that read a network from a path, a descriptor or
 * memory: one rule for all of them. The form comes from the options or,
 * by default, from the input itself -- never from a file's name, so that
 * the same bytes read the same way however they arrive. Each form has its
 * importer (reader.c for JSON, import_*.c for the others), all building the
 * network its equivalent JSON export would; a people table can come with
 * any of them. */
#include "import.h"
#include "errors.h"
#include "reader.h"
#include "text.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

/* ------------------------------------------------------------------------
 * The options
 * ------------------------------------------------------------------------ */

champ_status champ_read_options_new(champ_read_options **out)
{
    if (!out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_read_options_new: out is NULL");
    *out = calloc(1, sizeof **out);
    if (!*out)
        return champ__nomem();
    (*out)->input = CHAMP_INPUT_DETECT;
    return CHAMP_OK;
}

void champ_read_options_free(champ_read_options *ro)
{
    if (!ro)
        return;
    free(ro->people);
    for (int k = 0; k < CHAMP_FIELD_COUNT; k++)
        free(ro->column[k]);
    free(ro->weight_column);
    free(ro->hrvar);
    free(ro);
}

static champ_status check_handle(const champ_read_options *ro, const char *fn)
{
    return ro ? CHAMP_OK : champ__fail(CHAMP_ERR_ARGUMENT, "%s: options are NULL", fn);
}

champ_status champ_read_options_set_input(champ_read_options *ro, champ_input input)
{
    champ_status st = check_handle(ro, "champ_read_options_set_input");
    if (st)
        return st;
    if (!champ_input_name(input))
        return champ__fail(CHAMP_ERR_ARGUMENT, "input: no form %d", (int)input);
    ro->input = input;
    return CHAMP_OK;
}

champ_status champ_read_options_set_progress(champ_read_options *ro, champ_progress_fn fn,
                                             void *user)
{
    champ_status st = check_handle(ro, "champ_read_options_set_progress");
    if (st)
        return st;
    ro->progress = (champ_progress){fn, fn ? user : NULL};
    return CHAMP_OK;
}

/* Replace *slot with a copy of `text` (NULL: none); an empty text is
 * refused when `what` says so. */
static champ_status set_text(char **slot, const char *text, const char *what)
{
    if (text && !*text)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: expected a name, got an empty string", what);
    char *copy = NULL;
    if (text && !(copy = strdup(text)))
        return champ__nomem();
    free(*slot);
    *slot = copy;
    return CHAMP_OK;
}

champ_status champ_read_options_set_people(champ_read_options *ro, const char *path)
{
    champ_status st = check_handle(ro, "champ_read_options_set_people");
    return st ? st : set_text(&ro->people, path, "people");
}

champ_status champ_read_options_set_column(champ_read_options *ro, const char *field,
                                           const char *column)
{
    champ_status st = check_handle(ro, "champ_read_options_set_column");
    if (st)
        return st;
    if (!field || !column)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_read_options_set_column: %s is NULL",
                           field ? "column" : "field");
    for (int k = 0; k < CHAMP_FIELD_COUNT; k++)
        if (strcmp(field, champ__field_names[k]) == 0)
            return set_text(&ro->column[k], column, field);
    char quoted[CHAMP_EXCERPT_MAX + 4];
    champ__excerpt(quoted, field, strlen(field));
    return champ__fail(CHAMP_ERR_ARGUMENT, "columns: unknown field \"%s\" (expected from, to, "
                       "time, type, weight, id, team or group)", quoted);
}

champ_status champ_read_options_set_weight_column(champ_read_options *ro, const char *column)
{
    champ_status st = check_handle(ro, "champ_read_options_set_weight_column");
    return st ? st : set_text(&ro->weight_column, column, "weight column");
}

champ_status champ_read_options_set_hrvar(champ_read_options *ro, const char *hrvar)
{
    champ_status st = check_handle(ro, "champ_read_options_set_hrvar");
    return st ? st : set_text(&ro->hrvar, hrvar, "hrvar");
}

const char *champ_read_options_get_hrvar(const champ_read_options *ro)
{
    return !ro ? NULL : ro->hrvar ? ro->hrvar : CHAMP_DEFAULT_HRVAR;
}

/* ------------------------------------------------------------------------
 * What the input is
 * ------------------------------------------------------------------------ */

static int starts_with(const unsigned char *s, size_t len, const char *magic, size_t n)
{
    return len >= n && memcmp(s, magic, n) == 0;
}

static int is_zip(const unsigned char *s, size_t len)
{
    return starts_with(s, len, "PK\x03\x04", 4) || starts_with(s, len, "PK\x05\x06", 4);
}

static int is_gzip(const unsigned char *s, size_t len)
{
    return starts_with(s, len, "\x1f\x8b", 2);
}

/* The bytes of a gzip file (one member or several back to back) in a new
 * buffer, grown as it inflates. zlib, as Debian ships it. */
static champ_status gunzip(const unsigned char *s, size_t len, unsigned char **out,
                           size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) /* 16: a gzip header */
        return champ__nomem();
    size_t cap = len < (SIZE_MAX >> 3) ? len * 4 : len, used = 0, in = 0;
    cap = cap < 65536 ? 65536 : cap;
    unsigned char *buf = malloc(cap);
    champ_status st = buf ? CHAMP_OK : champ__nomem();
    while (!st) {
        if (used == cap) {
            unsigned char *grown = cap < SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
            if (!grown) {
                st = champ__nomem();
                break;
            }
            buf = grown;
            cap *= 2;
        }
        z.next_in = (Bytef *)(uintptr_t)(s + in);
        z.avail_in = (uInt)(len - in < UINT32_MAX ? len - in : UINT32_MAX);
        z.next_out = buf + used;
        z.avail_out = (uInt)(cap - used < UINT32_MAX ? cap - used : UINT32_MAX);
        int rc = inflate(&z, Z_NO_FLUSH);
        in = (size_t)(z.next_in - s);
        used = (size_t)(z.next_out - buf);
        if (rc == Z_STREAM_END) {
            if (in == len)
                break;
            if (!is_gzip(s + in, len - in)) {
                st = champ__fail(CHAMP_ERR_PARSE, "unexpected data after the gzip stream");
                break;
            }
            inflateReset(&z); /* the next member */
        } else if (rc == Z_MEM_ERROR) {
            st = champ__nomem();
        } else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT) {
            st = champ__fail(CHAMP_ERR_PARSE, "the gzip data is damaged: %s",
                             z.msg ? z.msg : "invalid data");
        } else if (rc == Z_BUF_ERROR && in == len && used < cap) {
            st = champ__fail(CHAMP_ERR_PARSE, "the gzip data ends early (a truncated file?)");
        }
    }
    inflateEnd(&z);
    if (st) {
        free(buf);
        return st;
    }
    *out = buf;
    *out_len = used;
    return CHAMP_OK;
}

/* A tar archive: its first header's magic ("ustar" at byte 257) and
 * checksum (the octal sum of the header's 512 bytes, its own 8 counted as
 * spaces), and not the '{' that starts every JSON export -- the magic alone
 * is text a JSON export can hold at that place (found by the fuzzers: a
 * network written back whose ids put "ustar" there). */
static int is_tar(const unsigned char *s, size_t len)
{
    if (len < 512 || s[0] == '{' || memcmp(s + 257, "ustar", 5) != 0)
        return 0;
    unsigned long sum = 0, want = 0;
    for (size_t i = 0; i < 512; i++)
        sum += i >= 148 && i < 156 ? (unsigned long)' ' : s[i];
    size_t i = 148;
    while (i < 156 && s[i] == ' ')
        i++;
    int digits = 0;
    for (; i < 156 && s[i] >= '0' && s[i] <= '7'; i++, digits++)
        want = want * 8 + (unsigned long)(s[i] - '0');
    return digits > 0 && want == sum;
}

/* Inputs that cannot be text of any form: said plainly, rather than left
 * to a parser's "expected a value" at some odd column. */
static champ_status refuse_binary(const unsigned char *s, size_t len)
{
    if (is_gzip(s, len))
        return champ__fail(CHAMP_ERR_PARSE, "the input is compressed twice with gzip: "
                                            "decompress it once first (gunzip)");
    if (is_tar(s, len))
        return champ__fail(CHAMP_ERR_PARSE, "the input is a tar archive: unpack it first (a "
                                            "Slack or Viva Engage export is read as a folder "
                                            "or a .zip)");
    /* UTF-16 and UTF-32: a byte-order mark of theirs, or a NUL among the
     * first bytes, as ASCII text in them has. */
    int wide = starts_with(s, len, "\xff\xfe", 2) || starts_with(s, len, "\xfe\xff", 2);
    for (size_t i = 0; i < len && i < 4 && !wide; i++)
        wide = s[i] == 0;
    if (wide)
        return champ__fail(CHAMP_ERR_PARSE, "line 1, column 1: the text is UTF-16 or UTF-32; "
                                            "inputs must be UTF-8");
    return CHAMP_OK;
}

/* Text whose first line is a row of comma-, semicolon- or tab-separated
 * names, where JSON would start with '{': a CSV file. */
static int looks_like_csv(const unsigned char *s, size_t len)
{
    size_t i = starts_with(s, len, "\xef\xbb\xbf", 3) ? 3 : 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    if (i >= len || s[i] == '{' || s[i] == '[')
        return 0;
    for (; i < len && s[i] != '\n'; i++)
        if (s[i] == ',' || s[i] == ';' || s[i] == '\t')
            return 1;
    return 0;
}

/* A CSV is a Viva Insights query when its header names the primary
 * collaborator's id. */
static champ_input csv_form(const unsigned char *s, size_t len)
{
    const unsigned char *nl = memchr(s, '\n', len);
    size_t header = nl ? (size_t)(nl - s) : len;
    static const char marker[] = "PrimaryCollaborator_PersonId";
    for (size_t i = 0; i + sizeof marker - 1 <= header; i++)
        if (memcmp(s + i, marker, sizeof marker - 1) == 0)
            return CHAMP_INPUT_VIVA_P2P;
    return CHAMP_INPUT_CSV;
}

/* The form of an export folder or archive, from the files it holds. */
static champ_status source_form(const champ_source *src, champ_input *form)
{
    if (champ__source_find(src, "users.json") != SIZE_MAX &&
        champ__source_find(src, "channels.json") != SIZE_MAX)
        *form = CHAMP_INPUT_SLACK;
    else if (champ__source_find(src, "Messages.csv") != SIZE_MAX &&
             champ__source_find(src, "Users.csv") != SIZE_MAX)
        *form = CHAMP_INPUT_VIVA_ENGAGE;
    else
        return champ__fail(CHAMP_ERR_SCHEMA, "%sneither a Slack export (users.json, "
                           "channels.json) nor a Viva Engage export (Messages.csv, Users.csv)",
                           champ__source_count(src) ? "" : "no files: ");
    return CHAMP_OK;
}

/* ------------------------------------------------------------------------
 * Reading
 * ------------------------------------------------------------------------ */

static const champ_read_options DEFAULTS = {CHAMP_INPUT_DETECT, {NULL, NULL}, NULL, {NULL},
                                            NULL, NULL};

/* An export folder or archive, read by its form's importer. */
static champ_status read_source(champ_source *src, const champ_read_options *ro,
                                champ_network *net)
{
    champ_input form = ro->input;
    champ_status st = CHAMP_OK;
    if (form == CHAMP_INPUT_DETECT)
        st = source_form(src, &form);
    if (st)
        return st;
    if (form == CHAMP_INPUT_SLACK)
        return champ__import_slack(net, src, ro);
    if (form == CHAMP_INPUT_VIVA_ENGAGE)
        return champ__import_engage(net, src, ro);
    return champ__fail(CHAMP_ERR_SCHEMA, "a folder or an archive holds a %s export only as "
                       "Slack or Viva Engage", champ_input_name(form));
}

static int is_archive_form(champ_input form)
{
    return form == CHAMP_INPUT_SLACK || form == CHAMP_INPUT_VIVA_ENGAGE;
}

static champ_status read_plain(const unsigned char *s, size_t len,
                               const champ_read_options *ro, int json_only,
                               champ_network **out);

/* Bytes in any form into `*out` (NULL on failure); `json_only` for the
 * older entry points that read JSON and nothing else. A gzip file is read
 * as what it holds. */
static champ_status read_bytes(const unsigned char *s, size_t len, const champ_read_options *ro,
                               int json_only, champ_network **out)
{
    if (!is_gzip(s, len))
        return read_plain(s, len, ro, json_only, out);
    unsigned char *plain = NULL;
    size_t plain_len = 0;
    champ_status st = gunzip(s, len, &plain, &plain_len);
    if (!st)
        st = read_plain(plain, plain_len, ro, json_only, out);
    free(plain);
    return st;
}

static champ_status read_plain(const unsigned char *s, size_t len,
                               const champ_read_options *ro, int json_only,
                               champ_network **out)
{
    champ_input form = ro->input;
    if (is_zip(s, len) && !json_only && (form == CHAMP_INPUT_DETECT || is_archive_form(form))) {
        champ_source *src = NULL;
        champ_status st = champ__source_open_zip(s, len, NULL, &src);
        if (!st && !(st = champ_network_new(out)))
            st = read_source(src, ro, *out);
        champ__source_close(src);
        return st;
    }
    if (is_zip(s, len))
        return json_only ? champ__fail(CHAMP_ERR_PARSE, "the input is a zip archive, not JSON")
                         : champ__fail(CHAMP_ERR_PARSE, "the input is a zip archive, not %s (a "
                                       "zip holds a Slack or Viva Engage export)",
                                       champ_input_name(form));
    champ_status st = refuse_binary(s, len);
    if (st)
        return st;
    if (is_archive_form(form))
        return champ__fail(CHAMP_ERR_SCHEMA, "a %s export is a folder or a .zip",
                           champ_input_name(form));
    int json_form = form == CHAMP_INPUT_JSON || form == CHAMP_INPUT_JSONL;
    if ((form == CHAMP_INPUT_DETECT || json_form) && looks_like_csv(s, len)) {
        if (json_only)
            return champ__fail(CHAMP_ERR_PARSE, "line 1, column 1: this looks like CSV, not "
                                                "JSON (read it with champ_network_read_memory)");
        if (json_form) /* given, and wrong: said, rather than "expected a value" */
            return champ__fail(CHAMP_ERR_PARSE, "line 1, column 1: this looks like CSV, not "
                               "%s (the form was given; detected, it is read as %s)",
                               champ_input_name(form), champ_input_name(csv_form(s, len)));
        form = csv_form(s, len);
    }
    if (form == CHAMP_INPUT_CSV || form == CHAMP_INPUT_VIVA_P2P) {
        champ_file f = {s, len, NULL, NULL};
        if (!(st = champ_network_new(out)))
            st = form == CHAMP_INPUT_CSV ? champ__import_csv(*out, &f, ro)
                                         : champ__import_p2p(*out, &f, ro);
        return st;
    }
    champ_form json = form == CHAMP_INPUT_JSON    ? CHAMP_FORM_DOCUMENT
                      : form == CHAMP_INPUT_JSONL ? CHAMP_FORM_LINES
                                                  : CHAMP_FORM_DETECT;
    return champ__read_export((const char *)s, len, json, &ro->progress, out);
}

/* The people table of the options, applied to a network just read. */
static champ_status read_people(champ_network *net, const champ_read_options *ro)
{
    champ_file f;
    champ_status st = champ__file_load(ro->people, &f);
    if (st)
        return st;
    st = champ__import_people(net, &f, ro);
    champ__file_unload(&f);
    if (st && st != CHAMP_ERR_NOMEM)
        champ__prefix_error(ro->people);
    return st;
}

/* What every entry point does after reading: the people table, the
 * progress's end, and on failure the name in front of the message and no
 * network. */
static champ_status finish(champ_status st, const char *name, const champ_read_options *ro,
                           champ_network **out)
{
    /* an I/O error names its own path: the file or folder inside an export */
    if (st && name && st != CHAMP_ERR_NOMEM && st != CHAMP_ERR_IO)
        champ__prefix_error(name);
    if (!st && ro->people)
        st = read_people(*out, ro);
    if (!st)
        st = champ__progress(&ro->progress, "read", 1);
    if (st) {
        champ_network_free(*out);
        *out = NULL;
    }
    return st;
}

/* The arguments every entry point checks, and *out cleared first. */
static champ_status check_call(const char *fn, champ_network **out)
{
    if (!out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: out is NULL", fn);
    *out = NULL;
    return CHAMP_OK;
}

static champ_status read_path(const char *path, const champ_read_options *ro,
                              champ_network **out)
{
    struct stat info;
    champ_status st;
    if (stat(path, &info) == 0 && S_ISDIR(info.st_mode)) {
        champ_source *src = NULL;
        if (!(st = champ__source_open_dir(path, &src)) && !(st = champ_network_new(out)))
            st = read_source(src, ro, *out);
        champ__source_close(src);
        return finish(st, path, ro, out);
    }
    champ_file f;
    if ((st = champ__file_load(path, &f)))
        return st;
    st = read_bytes(f.data, f.len, ro, 0, out);
    champ__file_unload(&f);
    return finish(st, path, ro, out);
}

champ_status champ_network_read(const char *path, const champ_read_options *ro,
                                champ_network **out)
{
    champ_status st = check_call("champ_network_read", out);
    if (st)
        return st;
    if (!path)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_network_read: path is NULL");
    return read_path(path, ro ? ro : &DEFAULTS, out);
}

champ_status champ_network_read_fd(int fd, const char *name, const champ_read_options *ro,
                                   champ_network **out)
{
    champ_status st = check_call("champ_network_read_fd", out);
    if (st)
        return st;
    if (fd < 0)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_network_read_fd: no descriptor (%d)", fd);
    champ_file f;
    if ((st = champ__file_load_fd(fd, name ? name : "input", &f)))
        return st;
    ro = ro ? ro : &DEFAULTS;
    st = read_bytes(f.data, f.len, ro, 0, out);
    champ__file_unload(&f);
    return finish(st, name, ro, out);
}

champ_status champ_network_read_memory(const void *data, size_t len, const char *name,
                                       const champ_read_options *ro, champ_network **out)
{
    champ_status st = check_call("champ_network_read_memory", out);
    if (st)
        return st;
    if (!data)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_network_read_memory: data is NULL");
    ro = ro ? ro : &DEFAULTS;
    return finish(read_bytes(data, len, ro, 0, out), name, ro, out);
}

champ_status champ_network_read_file(const char *path, champ_network **out)
{
    return champ_network_read_file_progress(path, NULL, NULL, out);
}

champ_status champ_network_read_file_progress(const char *path, champ_progress_fn fn,
                                              void *user, champ_network **out)
{
    champ_status st = check_call("champ_network_read_file", out);
    if (st)
        return st;
    if (!path)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_network_read_file: path is NULL");
    champ_read_options ro = DEFAULTS;
    ro.progress = (champ_progress){fn, fn ? user : NULL};
    return read_path(path, &ro, out);
}

/* The two older memory readers, each with its own name in messages. */
static champ_status read_json_memory(const char *fn, const char *data, size_t len,
                                     champ_input input, champ_network **out)
{
    champ_status st = check_call(fn, out);
    if (st)
        return st;
    if (!data)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: data is NULL", fn);
    champ_read_options ro = DEFAULTS;
    ro.input = input;
    return finish(read_bytes((const unsigned char *)data, len, &ro, 1, out), NULL, &ro, out);
}

champ_status champ_network_read_json(const char *data, size_t len, champ_network **out)
{
    return read_json_memory("champ_network_read_json", data, len, CHAMP_INPUT_DETECT, out);
}

champ_status champ_network_read_jsonl(const char *data, size_t len, champ_network **out)
{
    return read_json_memory("champ_network_read_jsonl", data, len, CHAMP_INPUT_JSONL, out);
}
