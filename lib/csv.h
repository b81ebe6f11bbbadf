/* A CSV scanner (RFC 4180): records of fields, taken in place from the
 * input. Shared by the importers of CSV forms (plain CSV, Viva Insights,
 * Viva Engage, people tables). Private to lib/.
 *
 * Our own rather than libcsv (Debian's libcsv-dev 3.0.3): on four CSV
 * files of 470-990 MB (interactions, a Viva Insights query, a Viva Engage
 * Messages.csv) libcsv tokenized at 376-387 MB/s, copying every field
 * through its buffer, where this scanner, taking fields as spans in
 * place, ran at 615-1,100 MB/s (same machine, same run:
 * benchmarks/csv_tokenizer.c, docs/performance.md); fields in place also
 * give each error its line and column, as the JSON reader's. */
#ifndef CHAMP_CSV_H
#define CHAMP_CSV_H

#include "champions.h"

#include <stddef.h>

typedef struct champ_csv_field {
    const char *s;  /* the field's text: in place, or (quoted with "") in the scratch */
    size_t len;
    size_t offset;  /* where it starts in the input (for messages) */
    int quoted;
    size_t scratch_at; /* while the record is read: where its text is in the scratch */
    int in_scratch;
} champ_csv_field;

typedef struct champ_csv {
    const unsigned char *s;
    size_t len, pos;
    size_t line;       /* 1-based line of the current record's start */
    size_t next_line;  /* line at pos */
    champ_csv_field *field;
    size_t count, cap; /* fields of the current record */
    char *scratch;     /* quoted fields with doubled quotes, undoubled */
    size_t scratch_len, scratch_cap;
} champ_csv;

/* A scanner at the start of s[0..len), past a UTF-8 byte-order mark. */
void champ__csv_init(champ_csv *c, const unsigned char *s, size_t len);
void champ__csv_free(champ_csv *c);

/* The next record, in c->field[0 .. c->count): 1; 0 at the end of the
 * input; -1 after recording a CHAMP_ERR_PARSE message ("line L, column C:
 * a quoted field is not closed", ...), or CHAMP_ERR_NOMEM. Blank lines are
 * skipped. Line ends are "\n", "\r\n" or "\r"; a quoted field may span
 * lines. `status` receives the failure's status. */
int champ__csv_next(champ_csv *c, champ_status *status);

/* "line L, column C" of an offset of the input, columns counting
 * characters from 1 (for messages). buf holds 64 bytes. */
void champ__csv_place(const champ_csv *c, size_t offset, char *buf);

#endif
