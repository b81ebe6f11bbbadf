/* The entry points that read a network from a path, a descriptor or
 * memory: one rule for all of them. The form comes from the options or,
 * by default, from the bytes themselves -- never from a file's name, so
 * that the same bytes read the same way however they arrive. Bytes that
 * are no export at all (compressed, UTF-16, CSV) are named as such. */
#include "import.h"
#include "errors.h"
#include "file.h"
#include "reader.h"

#include <stdlib.h>
#include <string.h>

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
    free(ro);
}

champ_status champ_read_options_set_input(champ_read_options *ro, champ_input input)
{
    if (!ro)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_read_options_set_input: options are NULL");
    if (!champ_input_name(input))
        return champ__fail(CHAMP_ERR_ARGUMENT, "input: no form %d", (int)input);
    ro->input = input;
    return CHAMP_OK;
}

champ_status champ_read_options_set_progress(champ_read_options *ro, champ_progress_fn fn,
                                             void *user)
{
    if (!ro)
        return champ__fail(CHAMP_ERR_ARGUMENT,
                           "champ_read_options_set_progress: options are NULL");
    ro->progress = (champ_progress){fn, fn ? user : NULL};
    return CHAMP_OK;
}

/* ------------------------------------------------------------------------
 * What the bytes are
 * ------------------------------------------------------------------------ */

static int starts_with(const unsigned char *s, size_t len, const char *magic, size_t n)
{
    return len >= n && memcmp(s, magic, n) == 0;
}

/* Inputs that cannot be text of any form: said plainly, rather than left
 * to a parser's "expected a value" at some odd column. */
static champ_status refuse_binary(const unsigned char *s, size_t len)
{
    if (starts_with(s, len, "\x1f\x8b", 2))
        return champ__fail(CHAMP_ERR_PARSE, "the input is gzip-compressed: decompress it first "
                                            "(gunzip)");
    if (starts_with(s, len, "PK\x03\x04", 4) || starts_with(s, len, "PK\x05\x06", 4))
        return champ__fail(CHAMP_ERR_PARSE, "the input is a zip archive, not an export: unpack "
                                            "it first");
    /* UTF-16 and UTF-32: a byte-order mark of theirs, or a NUL among the
     * first bytes, as ASCII text in them has. */
    int wide = starts_with(s, len, "\xff\xfe", 2) || starts_with(s, len, "\xfe\xff", 2);
    for (size_t i = 0; i < len && i < 4 && !wide; i++)
        wide = s[i] == 0;
    if (wide)
        return champ__fail(CHAMP_ERR_PARSE, "line 1, column 1: the text is UTF-16 or UTF-32; "
                                            "exports must be UTF-8");
    return CHAMP_OK;
}

/* A first line that is a row of comma-, semicolon- or tab-separated names,
 * where JSON would start with '{': a CSV file given for an export. */
static int looks_like_csv(const unsigned char *s, size_t len)
{
    size_t i = starts_with(s, len, "\xef\xbb\xbf", 3) ? 3 : 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    if (i >= len || s[i] == '{' || s[i] == '[')
        return 0;
    size_t separators = 0;
    for (; i < len && s[i] != '\n'; i++) {
        if (s[i] == '{' || s[i] == '[')
            return 0;
        separators += s[i] == ',' || s[i] == ';' || s[i] == '\t';
    }
    return separators > 0;
}

/* ------------------------------------------------------------------------
 * Reading
 * ------------------------------------------------------------------------ */

static const champ_read_options DEFAULTS = {CHAMP_INPUT_DETECT, {NULL, NULL}};

static champ_status read_bytes(const unsigned char *s, size_t len, const champ_read_options *ro,
                               champ_network **out)
{
    champ_status st = refuse_binary(s, len);
    if (st)
        return st;
    champ_form form = ro->input == CHAMP_INPUT_JSON    ? CHAMP_FORM_DOCUMENT
                      : ro->input == CHAMP_INPUT_JSONL ? CHAMP_FORM_LINES
                                                       : CHAMP_FORM_DETECT;
    if (form == CHAMP_FORM_DETECT && looks_like_csv(s, len))
        return champ__fail(CHAMP_ERR_PARSE, "line 1, column 1: this looks like CSV, not a JSON "
                                            "export (see docs/format.md)");
    return champ__read_export((const char *)s, len, form, &ro->progress, out);
}

/* The arguments every entry point checks, and *out cleared first. */
static champ_status check_call(const char *fn, const void *source, const char *what,
                               champ_network **out)
{
    if (!out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: out is NULL", fn);
    *out = NULL;
    if (!source)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: %s is NULL", fn, what);
    return CHAMP_OK;
}

/* Read a loaded input; messages start with `name` when there is one. */
static champ_status read_file(champ_file *f, const char *name, const champ_read_options *ro,
                              champ_network **out)
{
    champ_status st = read_bytes(f->data, f->len, ro ? ro : &DEFAULTS, out);
    if (st && name)
        champ__prefix_error(name);
    champ__file_unload(f);
    return st;
}

champ_status champ_network_read(const char *path, const champ_read_options *ro,
                                champ_network **out)
{
    champ_status st = check_call("champ_network_read", path, "path", out);
    champ_file f;
    if (st || (st = champ__file_load(path, &f)))
        return st;
    return read_file(&f, path, ro, out);
}

champ_status champ_network_read_fd(int fd, const char *name, const champ_read_options *ro,
                                   champ_network **out)
{
    champ_status st = check_call("champ_network_read_fd", "", "", out);
    if (st)
        return st;
    if (fd < 0)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_network_read_fd: no descriptor (%d)", fd);
    champ_file f;
    if ((st = champ__file_load_fd(fd, name ? name : "input", &f)))
        return st;
    return read_file(&f, name, ro, out);
}

champ_status champ_network_read_memory(const void *data, size_t len, const char *name,
                                       const champ_read_options *ro, champ_network **out)
{
    champ_status st = check_call("champ_network_read_memory", data, "data", out);
    if (st)
        return st;
    st = read_bytes(data, len, ro ? ro : &DEFAULTS, out);
    if (st && name)
        champ__prefix_error(name);
    return st;
}

champ_status champ_network_read_file(const char *path, champ_network **out)
{
    return champ_network_read_file_progress(path, NULL, NULL, out);
}

champ_status champ_network_read_file_progress(const char *path, champ_progress_fn fn,
                                              void *user, champ_network **out)
{
    champ_status st = check_call("champ_network_read_file", path, "path", out);
    champ_file f;
    if (st || (st = champ__file_load(path, &f)))
        return st;
    champ_read_options ro = {CHAMP_INPUT_DETECT, {fn, fn ? user : NULL}};
    return read_file(&f, path, &ro, out);
}

/* The two older memory readers, each with its own name in messages. */
static champ_status read_json_memory(const char *fn, const char *data, size_t len,
                                     champ_input input, champ_network **out)
{
    champ_status st = check_call(fn, data, "data", out);
    champ_read_options ro = {input, {NULL, NULL}};
    return st ? st : read_bytes((const unsigned char *)data, len, &ro, out);
}

champ_status champ_network_read_json(const char *data, size_t len, champ_network **out)
{
    return read_json_memory("champ_network_read_json", data, len, CHAMP_INPUT_DETECT, out);
}

champ_status champ_network_read_jsonl(const char *data, size_t len, champ_network **out)
{
    return read_json_memory("champ_network_read_jsonl", data, len, CHAMP_INPUT_JSONL, out);
}
