/* CSV inputs: the table layer every CSV form shares (a header, cells
 * checked with their place), the plain CSV of interactions, and the people
 * table that can come with any form. */
#include "import.h"
#include "errors.h"
#include "text.h"
#include "timeparse.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const champ__field_names[CHAMP_FIELD_COUNT] = {
    [CHAMP_FIELD_FROM] = "from", [CHAMP_FIELD_TO] = "to",         [CHAMP_FIELD_TIME] = "time",
    [CHAMP_FIELD_TYPE] = "type", [CHAMP_FIELD_WEIGHT] = "weight", [CHAMP_FIELD_ID] = "id",
    [CHAMP_FIELD_TEAM] = "team", [CHAMP_FIELD_GROUP] = "group"};

/* ------------------------------------------------------------------------
 * The table layer
 * ------------------------------------------------------------------------ */

void champ__table_close(champ_table *t)
{
    for (size_t i = 0; i < t->columns && t->header; i++)
        free(t->header[i]);
    free(t->header);
    champ__csv_free(&t->csv);
    t->header = NULL;
    t->columns = 0;
}

champ_status champ__table_open(champ_table *t, const champ_file *f)
{
    champ_status st = CHAMP_OK;
    memset(t, 0, sizeof *t);
    champ__csv_init(&t->csv, f->data, f->len);
    int r = champ__csv_next(&t->csv, &st);
    if (r == 0)
        st = champ__fail(CHAMP_ERR_SCHEMA, "line 1: no header row (the file is empty)");
    t->columns = r > 0 ? t->csv.count : 0;
    if (!st && !(t->header = calloc(t->columns, sizeof *t->header)))
        st = champ__nomem();
    if (st) {
        champ__table_close(t);
        return st;
    }
    /* One column holding ';' or tabs: another separator than ','. */
    const champ_csv_field *first = &t->csv.field[0];
    char other = t->columns != 1 ? 0
                 : memchr(first->s, ';', first->len)   ? ';'
                 : memchr(first->s, '\t', first->len) ? '\t'
                                                       : 0;
    if (other) {
        champ__table_close(t);
        return champ__fail(CHAMP_ERR_SCHEMA, "line 1: the columns are separated by %s, not "
                           "commas: save the file as comma-separated CSV",
                           other == ';' ? "semicolons" : "tabs");
    }
    for (size_t i = 0; i < t->columns; i++) {
        const champ_csv_field *h = &t->csv.field[i];
        if (!champ__utf8_valid(h->s, h->len)) {
            char place[64];
            champ__csv_place(&t->csv, h->offset, place);
            st = champ__fail(CHAMP_ERR_PARSE, "%s: invalid UTF-8 in the header", place);
        } else if (!(t->header[i] = malloc(h->len + 1))) {
            st = champ__nomem();
        } else {
            memcpy(t->header[i], h->s, h->len);
            t->header[i][h->len] = '\0';
        }
        if (st) {
            champ__table_close(t);
            return st;
        }
    }
    return CHAMP_OK;
}

static int same_letters(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if ((x >= 'A' && x <= 'Z' ? x + 32 : x) != (y >= 'A' && y <= 'Z' ? y + 32 : y))
            return 0;
    }
    return *a == *b;
}

size_t champ__table_find(const champ_table *t, const char *name)
{
    size_t found = SIZE_MAX, alike = 0;
    for (size_t i = 0; i < t->columns; i++) {
        if (strcmp(t->header[i], name) == 0)
            return i;
        if (same_letters(t->header[i], name) && alike++ == 0)
            found = i;
    }
    return alike == 1 ? found : SIZE_MAX;
}

/* "the header has "a", "b", "c"", for messages. */
static void header_list(const champ_table *t, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < t->columns && used + 8 < size; i++) {
        char quoted[CHAMP_EXCERPT_MAX + 4];
        champ__excerpt(quoted, t->header[i], strlen(t->header[i]));
        int n = snprintf(buf + used, size - used, "%s\"%s\"", i ? ", " : "", quoted);
        if (n < 0 || used + (size_t)n >= size - 6) {
            snprintf(buf + used, size - used, ", ...");
            return;
        }
        used += (size_t)n;
    }
}

champ_status champ__table_require(const champ_table *t, const char *name, const char *what,
                                  const char *hint, size_t *column)
{
    *column = champ__table_find(t, name);
    if (*column != SIZE_MAX)
        return CHAMP_OK;
    char quoted[CHAMP_EXCERPT_MAX + 4], header[CHAMP_NAMES_MAX];
    champ__excerpt(quoted, name, strlen(name));
    header_list(t, header, sizeof header);
    return champ__fail(CHAMP_ERR_SCHEMA, "line 1: no column \"%s\" for %s (the header has %s)%s%s",
                       quoted, what, header, hint ? "; " : "", hint ? hint : "");
}

champ_status champ__table_field(const champ_table *t, const champ_read_options *ro,
                                enum champ_field field, int required, size_t *column)
{
    const char *name = ro && ro->column[field] ? ro->column[field] : champ__field_names[field];
    char what[64], hint[96];
    snprintf(what, sizeof what, "\"%s\"", champ__field_names[field]);
    snprintf(hint, sizeof hint, "name the column that holds it (columns: %s=NAME)",
             champ__field_names[field]);
    *column = champ__table_find(t, name);
    /* A column named in the options must be there, even for an optional field. */
    if (*column == SIZE_MAX && (required || (ro && ro->column[field])))
        return champ__table_require(t, name, what, hint, column);
    return CHAMP_OK;
}

int champ__table_next(champ_table *t, champ_status *st)
{
    int r = champ__csv_next(&t->csv, st);
    if (r <= 0)
        return r;
    if (t->csv.count != t->columns) {
        *st = champ__fail(CHAMP_ERR_SCHEMA, "line %zu: %zu fields, the header has %zu",
                          t->csv.line, t->csv.count, t->columns);
        return -1;
    }
    return 1;
}

champ_status champ__table_at(const champ_table *t, size_t column, champ_status st)
{
    char where[160], quoted[CHAMP_EXCERPT_MAX + 4];
    champ__excerpt(quoted, t->header[column], strlen(t->header[column]));
    snprintf(where, sizeof where, "line %zu, column \"%s\"", t->csv.line, quoted);
    champ__prefix_error(where);
    return st;
}

static champ_status cell_fail(const champ_table *t, size_t column, const char *what)
{
    return champ__table_at(t, column, champ__fail(CHAMP_ERR_SCHEMA, "%s", what));
}

#define TOO_LONG "longer than " STRINGIFY(CHAMP_TEXT_MAX) " bytes"

champ_status champ__table_text(const champ_table *t, size_t column, champ_str *out)
{
    *out = (champ_str){NULL, 0};
    if (column == SIZE_MAX)
        return CHAMP_OK;
    const champ_csv_field *f = &t->csv.field[column];
    if (f->len == 0)
        return CHAMP_OK;
    if (f->len > CHAMP_TEXT_MAX)
        return cell_fail(t, column, TOO_LONG);
    if (!champ__utf8_valid(f->s, f->len))
        return cell_fail(t, column, "invalid UTF-8");
    if (memchr(f->s, '\0', f->len))
        return cell_fail(t, column, "a NUL character");
    *out = (champ_str){f->s, f->len};
    return CHAMP_OK;
}

champ_status champ__table_id(const champ_table *t, size_t column, champ_id *out)
{
    champ_str text;
    champ_status st = champ__table_text(t, column, &text);
    if (st)
        return st;
    if (!text.len)
        return cell_fail(t, column, "expected an id, got an empty cell");
    champ__id_init(out, text);
    return CHAMP_OK;
}

champ_status champ__table_time(const champ_table *t, size_t column, double *out)
{
    champ_str text;
    champ_status st = champ__table_text(t, column, &text);
    *out = NAN;
    if (st || !text.len)
        return st;
    st = champ__parse_time_text(text.s, text.len, out);
    return st ? champ__table_at(t, column, st) : CHAMP_OK;
}

champ_status champ__table_weight(const champ_table *t, size_t column, int allow_zero,
                                 double *out)
{
    champ_str text;
    champ_status st = champ__table_text(t, column, &text);
    *out = 1;
    if (st || !text.len)
        return st;
    double w = NAN;
    if (text.len <= CHAMP_NUMBER_MAX &&
        champ__json_number_length(text.s, text.len) == text.len &&
        champ__json_number_value(text.s, text.len, &w))
        return champ__nomem();
    if (!isfinite(w) || w < 0 || (w == 0 && !allow_zero))
        return cell_fail(t, column, allow_zero ? "expected a finite number >= 0"
                                               : "expected a finite number > 0");
    *out = w;
    return CHAMP_OK;
}

int champ__table_row_in_place(const champ_table *t)
{
    return t->csv.scratch_len == 0;
}

/* ------------------------------------------------------------------------
 * Rows held back
 * ------------------------------------------------------------------------ */

void champ__holder_init(champ_holder *h, champ_network *net, champ_row_add add, void *ctx)
{
    h->net = net;
    h->add = add;
    h->ctx = ctx;
    h->first = h->count = 0;
}

static champ_status add_oldest(champ_holder *h)
{
    const champ_row *row = &h->held[h->first];
    h->first = (h->first + 1) % CHAMP_HOLD;
    h->count--;
    champ_status st = h->add(h->ctx, row);
    if (st)
        h->count = 0;
    return st;
}

champ_status champ__holder_flush(champ_holder *h)
{
    champ_status st = CHAMP_OK;
    while (h->count && !(st = add_oldest(h)))
        ;
    return st;
}

champ_status champ__holder_push(champ_holder *h, const champ_row *row, int in_place)
{
    champ_status st;
    if (!in_place)
        return (st = champ__holder_flush(h)) ? st : h->add(h->ctx, row);
    if (h->count == CHAMP_HOLD && (st = add_oldest(h)))
        return st;
    champ__network_prefetch_id(h->net, &row->id[0]);
    champ__network_prefetch_id(h->net, &row->id[1]);
    h->held[(h->first + h->count++) % CHAMP_HOLD] = *row;
    return CHAMP_OK;
}

#define PROGRESS_ROWS 65536

champ_status champ__table_progress_part(const champ_table *t, const champ_read_options *ro,
                                        size_t *rows, double from, double span)
{
    if (++*rows % PROGRESS_ROWS || !ro->progress.fn)
        return CHAMP_OK;
    double done = t->csv.len ? (double)t->csv.pos / (double)t->csv.len : 1;
    return champ__progress(&ro->progress, "read", from + span * done);
}

champ_status champ__table_progress(const champ_table *t, const champ_read_options *ro,
                                   size_t *rows)
{
    return champ__table_progress_part(t, ro, rows, 0, 1);
}

champ_status champ__need_interactions(const champ_network *net, const char *why)
{
    if (net->interactions + net->dropped_self + net->dropped_zero > 0)
        return CHAMP_OK;
    return champ__fail(CHAMP_ERR_SCHEMA, "no interactions: %s", why);
}

/* ------------------------------------------------------------------------
 * A CSV of interactions: from, to[, time, type, weight]
 * ------------------------------------------------------------------------ */

champ_status champ__row_add_interaction(void *net, const champ_row *row)
{
    return champ__network_add_interaction(net, &row->id[0], &row->id[1], row->time, row->type,
                                          row->weight);
}

champ_status champ__import_csv(champ_network *net, const champ_file *f,
                               const champ_read_options *ro)
{
    champ_table t;
    champ_status st = champ__table_open(&t, f);
    if (st)
        return st;
    size_t col[CHAMP_FIELD_WEIGHT + 1];
    for (int k = CHAMP_FIELD_FROM; !st && k <= CHAMP_FIELD_WEIGHT; k++)
        st = champ__table_field(&t, ro, (enum champ_field)k, k <= CHAMP_FIELD_TO, &col[k]);
    champ_holder h;
    champ__holder_init(&h, net, champ__row_add_interaction, net);
    size_t rows = 0;
    int r;
    while (!st && (r = champ__table_next(&t, &st)) > 0) {
        champ_row row;
        if ((st = champ__table_progress(&t, ro, &rows)) ||
            (st = champ__table_id(&t, col[CHAMP_FIELD_FROM], &row.id[0])) ||
            (st = champ__table_id(&t, col[CHAMP_FIELD_TO], &row.id[1])) ||
            (st = champ__table_time(&t, col[CHAMP_FIELD_TIME], &row.time)) ||
            (st = champ__table_text(&t, col[CHAMP_FIELD_TYPE], &row.type)) ||
            (st = champ__table_weight(&t, col[CHAMP_FIELD_WEIGHT], 0, &row.weight)))
            break;
        st = champ__holder_push(&h, &row, champ__table_row_in_place(&t));
    }
    if (!st)
        st = champ__holder_flush(&h);
    if (!st)
        st = champ__need_interactions(net, "the file has a header and no rows");
    champ__table_close(&t);
    return st;
}

/* ------------------------------------------------------------------------
 * A people table: id[, team, group]
 * ------------------------------------------------------------------------ */

/* Columns other than id, team and group, for the warnings (a
 * "department" where "team" was meant). */
static champ_status note_other_columns(champ_network *net, const champ_table *t,
                                       const size_t *col)
{
    for (size_t i = 0; i < t->columns; i++) {
        if (i == col[CHAMP_FIELD_ID] || i == col[CHAMP_FIELD_TEAM] || i == col[CHAMP_FIELD_GROUP])
            continue;
        if (champ__network_note_unread(net, CHAMP_UNREAD_PEOPLE, t->header[i],
                                       strlen(t->header[i])))
            return champ__nomem();
    }
    return CHAMP_OK;
}

champ_status champ__import_people(champ_network *net, const champ_file *f,
                                  const champ_read_options *ro)
{
    champ_table t;
    champ_status st = champ__table_open(&t, f);
    if (st)
        return st;
    size_t col[CHAMP_FIELD_COUNT];
    for (int k = CHAMP_FIELD_ID; !st && k < CHAMP_FIELD_COUNT; k++)
        st = champ__table_field(&t, ro, (enum champ_field)k, k == CHAMP_FIELD_ID, &col[k]);
    if (!st)
        st = note_other_columns(net, &t, col);
    /* A person listed twice in the table is an error, as in an export. */
    champ_strtab seen;
    champ_strtab_init(&seen);
    int r;
    while (!st && (r = champ__table_next(&t, &st)) > 0) {
        champ_id id;
        champ_str team, group;
        int added;
        uint32_t k;
        if ((st = champ__table_id(&t, col[CHAMP_FIELD_ID], &id)) ||
            (st = champ__table_text(&t, col[CHAMP_FIELD_TEAM], &team)) ||
            (st = champ__table_text(&t, col[CHAMP_FIELD_GROUP], &group)))
            break;
        if (champ_strtab_intern(&seen, id.s, id.len, &k, &added)) {
            st = champ__nomem();
            break;
        }
        if (!added) {
            char quoted[CHAMP_EXCERPT_MAX + 4];
            champ__excerpt(quoted, id.s, id.len);
            st = champ__table_at(&t, col[CHAMP_FIELD_ID],
                                 champ__fail(CHAMP_ERR_SCHEMA, "duplicate person id \"%s\"", quoted));
            break;
        }
        st = champ__network_put_person(net, &id, team, group);
    }
    champ_strtab_clear(&seen);
    champ__table_close(&t);
    return st;
}
