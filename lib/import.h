/* Reading any input: the options of a read, and the importers of each form
 * behind the entry points of import.c. Private to lib/. */
#ifndef CHAMP_IMPORT_H
#define CHAMP_IMPORT_H

#include "champions.h"
#include "csv.h"
#include "file.h"
#include "network.h"
#include "progress.h"
#include "source.h"

/* The fields a CSV column can hold: an interaction's, a people table's. */
enum champ_field {
    CHAMP_FIELD_FROM, CHAMP_FIELD_TO, CHAMP_FIELD_TIME, CHAMP_FIELD_TYPE, CHAMP_FIELD_WEIGHT,
    CHAMP_FIELD_ID, CHAMP_FIELD_TEAM, CHAMP_FIELD_GROUP, CHAMP_FIELD_COUNT
};

/* "from", "to", ... by enum champ_field. */
extern const char *const champ__field_names[CHAMP_FIELD_COUNT];

/* The HR attribute of a Viva Insights query's teams by default. */
#define CHAMP_DEFAULT_HRVAR "Organization"

struct champ_read_options {
    champ_input input;
    champ_progress progress;
    char *people;                       /* a people table's path, or NULL */
    char *column[CHAMP_FIELD_COUNT];    /* each field's CSV column; NULL: its own name */
    char *weight_column;                /* Viva Insights: NULL, every row weighs 1 */
    char *hrvar;                        /* Viva Insights: NULL, "Organization" */
};

/* ---- a CSV file with a header, for the importers --------------------------- */

typedef struct champ_table {
    champ_csv csv;
    size_t columns;       /* in the header */
    char **header;        /* the header's names (copies) */
} champ_table;

/* Read the header row. CHAMP_ERR_PARSE/SCHEMA for a file without one. */
champ_status champ__table_open(champ_table *t, const champ_file *f);
void champ__table_close(champ_table *t);

/* The column holding `name`: exactly so named, else so named in another
 * case when exactly one column is; SIZE_MAX when none. */
size_t champ__table_find(const champ_table *t, const char *name);

/* The same, or an error naming what the header has: `field` is what the
 * column was for ("from"), `hint` what to do ("--columns from=NAME"). */
champ_status champ__table_require(const champ_table *t, const char *name, const char *what,
                                  const char *hint, size_t *column);

/* The column of `field` under the read options' mapping (required or not:
 * SIZE_MAX when optional and absent). */
champ_status champ__table_field(const champ_table *t, const champ_read_options *ro,
                                enum champ_field field, int required, size_t *column);

/* The next row: 1; 0 at the end; -1 with the status in *st (a syntax
 * error, a row whose number of fields is not the header's, NOMEM). */
int champ__table_next(champ_table *t, champ_status *st);

/* A cell of the current row, checked: text (absent when the column is
 * SIZE_MAX or the cell empty), a non-empty id, a time (NAN when absent),
 * a weight (1 when absent; > 0, or >= 0 with allow_zero). Failures say
 * "line L, column \"NAME\": ...". */
champ_status champ__table_text(const champ_table *t, size_t column, champ_str *out);
champ_status champ__table_id(const champ_table *t, size_t column, champ_id *out);
champ_status champ__table_time(const champ_table *t, size_t column, double *out);
champ_status champ__table_weight(const champ_table *t, size_t column, int allow_zero,
                                 double *out);

/* Tell the progress callback how far into the file the table is, every
 * few thousand rows. */
champ_status champ__table_progress(const champ_table *t, const champ_read_options *ro,
                                   size_t *rows);
/* The same for one of several passes: from + span x the share read. */
champ_status champ__table_progress_part(const champ_table *t, const champ_read_options *ro,
                                        size_t *rows, double from, double span);

/* Put "line L, column \"NAME\"" in front of this thread's message. */
champ_status champ__table_at(const champ_table *t, size_t column, champ_status st);

/* Whether every cell of the current row is a span of the input (none was
 * undoubled into the scanner's scratch, which the next row reuses). */
int champ__table_row_in_place(const champ_table *t);

/* ---- rows held back a few at a time ---------------------------------------- */

/* A checked row for the network: two ids, two texts, a type, a time, a
 * weight -- what each importer makes of them is its `add` function's. */
typedef struct champ_row {
    champ_id id[2];
    champ_str text[2];
    champ_str type;
    double time, weight;
} champ_row;

typedef champ_status (*champ_row_add)(void *ctx, const champ_row *row);

/* Rows wait here for a few rows before `add` gets them, their ids' slots
 * in the network's table prefetched: on a network of a million people a
 * lookup is a cache miss (about 90 ns, two per row, a third of a CSV
 * import's time), which then completes while the scanner reads the rows
 * after it. The JSON reader does the same with its records (reader.c).
 * Rows are added in order; a failure of `add` stops there (the reading
 * fails and the network is dropped). A power of two. */
#define CHAMP_HOLD 8
typedef struct champ_holder {
    champ_network *net;
    champ_row_add add;
    void *ctx;
    champ_row held[CHAMP_HOLD];
    unsigned first, count;
} champ_holder;

void champ__holder_init(champ_holder *h, champ_network *net, champ_row_add add, void *ctx);
/* Hold the row, or (in_place 0: its strings will not stay put) add
 * everything held and then it. */
champ_status champ__holder_push(champ_holder *h, const champ_row *row, int in_place);
/* Add every row held. */
champ_status champ__holder_flush(champ_holder *h);
/* The `add` of a row that is an interaction id[0] -> id[1] (ctx: the
 * network). */
champ_status champ__row_add_interaction(void *net, const champ_row *row);

/* ---- the importers: each fills `net` (new, empty) from its source ---------- */

champ_status champ__import_csv(champ_network *net, const champ_file *f,
                               const champ_read_options *ro);
champ_status champ__import_p2p(champ_network *net, const champ_file *f,
                               const champ_read_options *ro);
champ_status champ__import_slack(champ_network *net, champ_source *src,
                                 const champ_read_options *ro);
champ_status champ__import_engage(champ_network *net, champ_source *src,
                                  const champ_read_options *ro);

/* A people table applied to a network (champ_read_options_set_people). */
champ_status champ__import_people(champ_network *net, const champ_file *f,
                                  const champ_read_options *ro);

/* CHAMP_OK when the network holds an interaction (a dropped one counts);
 * else "no interactions: WHY". */
champ_status champ__need_interactions(const champ_network *net, const char *why);

#endif
