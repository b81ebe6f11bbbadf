/* A Viva Engage (Yammer) network data export (a folder or a .zip):
 * Users.csv lists the people (team = department); in Messages.csv a message
 * with a replied_to_id is a "reply" from its sender_id to the sender of the
 * message replied to, at created_at ("2026-03-01 09:30:00 UTC"); messages
 * with a deleted_at give nothing (a reply to one still counts: its sender
 * is known). Bodies, names and e-mail addresses are never read. */
#include "import.h"
#include "errors.h"
#include "text.h"
#include "timeparse.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define USERS "Users.csv"
#define MESSAGES "Messages.csv"

/* Open the export's file `name` as a table; messages name it. */
static champ_status open_table(champ_source *src, const char *name, champ_file *f,
                               champ_table *t)
{
    size_t i = champ__source_find(src, name);
    if (i == SIZE_MAX)
        return champ__fail(CHAMP_ERR_SCHEMA, "not a Viva Engage export: it has no %s", name);
    champ_status st = champ__source_read(src, i, f);
    if (!st && (st = champ__table_open(t, f))) {
        champ__file_unload(f);
        champ__prefix_error(name);
    }
    return st;
}

static champ_status close_table(const char *name, champ_file *f, champ_table *t,
                                champ_status st)
{
    champ__table_close(t);
    champ__file_unload(f);
    if (st && st != CHAMP_ERR_NOMEM)
        champ__prefix_error(name);
    return st;
}

static champ_status read_users(champ_network *net, champ_source *src)
{
    champ_file f;
    champ_table t;
    champ_status st = open_table(src, USERS, &f, &t);
    if (st)
        return st;
    size_t id, department = champ__table_find(&t, "department");
    int r;
    if (!(st = champ__table_require(&t, "id", "the user", NULL, &id)))
        while ((r = champ__table_next(&t, &st)) > 0) {
            champ_id person;
            champ_str team;
            if ((st = champ__table_id(&t, id, &person)) ||
                (st = champ__table_text(&t, department, &team)))
                break;
            if ((st = champ__network_add_person(net, &person, team, (champ_str){NULL, 0}))) {
                if (st == CHAMP_ERR_SCHEMA)
                    champ__table_at(&t, id, st);
                break;
            }
        }
    if (!st)
        champ__network_set_has_people(net);
    return close_table(USERS, &f, &t, st);
}

/* Each message's sender, by message id: who a reply answers. */
typedef struct senders {
    champ_strtab messages, people;
    uint32_t *sender; /* by message: an index in people */
    size_t cap;
} senders;

static champ_status remember(senders *s, champ_str message, champ_str sender)
{
    uint32_t m, p;
    int added;
    if (champ_strtab_intern(&s->messages, message.s, message.len, &m, &added))
        return champ__nomem();
    if (!added)
        return CHAMP_OK; /* the first row of an id counts */
    if (m >= s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 1024;
        uint32_t *grown = realloc(s->sender, cap * sizeof *grown);
        if (!grown) {
            champ_strtab_truncate(&s->messages, m);
            return champ__nomem();
        }
        s->sender = grown;
        s->cap = cap;
    }
    if (champ_strtab_intern(&s->people, sender.s, sender.len, &p, NULL)) {
        champ_strtab_truncate(&s->messages, m);
        return champ__nomem();
    }
    s->sender[m] = p;
    return CHAMP_OK;
}

/* created_at: "2026-03-01 09:30:00 UTC" as Viva Engage writes it, or an
 * RFC 3339 date-time. */
static champ_status created_at(const champ_table *t, size_t column, double *out)
{
    champ_str text;
    champ_status st = champ__table_text(t, column, &text);
    *out = NAN;
    if (st || !text.len)
        return st;
    char rfc[32];
    if (text.len == 23 && memcmp(text.s + 19, " UTC", 4) == 0) {
        memcpy(rfc, text.s, 19);
        memcpy(rfc + 19, "Z", 2);
        text = (champ_str){rfc, 20};
    }
    st = champ__parse_time_text(text.s, text.len, out);
    return st ? champ__table_at(t, column, st) : CHAMP_OK;
}

typedef struct message_columns {
    size_t id, replied_to, sender, created, deleted;
} message_columns;

static champ_status message_columns_of(const champ_table *t, message_columns *c)
{
    champ_status st;
    c->deleted = champ__table_find(t, "deleted_at");
    if ((st = champ__table_require(t, "id", "the message", NULL, &c->id)) ||
        (st = champ__table_require(t, "replied_to_id", "the message replied to", NULL,
                                   &c->replied_to)) ||
        (st = champ__table_require(t, "sender_id", "the sender", NULL, &c->sender)) ||
        (st = champ__table_require(t, "created_at", "the time", NULL, &c->created)))
        return st;
    return CHAMP_OK;
}

/* First pass: every message's sender (the first half of the progress). */
static champ_status read_senders(champ_table *t, const message_columns *c, senders *s,
                                 const champ_read_options *ro)
{
    champ_status st = CHAMP_OK;
    size_t rows = 0;
    int r;
    while ((r = champ__table_next(t, &st)) > 0) {
        champ_str id, sender;
        if ((st = champ__table_progress_part(t, ro, &rows, 0, 0.5)))
            return st;
        if ((st = champ__table_text(t, c->id, &id)) ||
            (st = champ__table_text(t, c->sender, &sender)))
            return st;
        if (id.len && sender.len && (st = remember(s, id, sender)))
            return st;
    }
    return st;
}

/* Second pass: the replies (the second half of the progress). */
static champ_status read_replies(champ_network *net, champ_table *t, const message_columns *c,
                                 const senders *s, const champ_read_options *ro)
{
    champ_status st = CHAMP_OK;
    champ_holder h;
    champ__holder_init(&h, net, champ__row_add_interaction, net);
    size_t rows = 0;
    int r;
    while ((r = champ__table_next(t, &st)) > 0) {
        champ_str replied_to, deleted;
        if ((st = champ__table_progress_part(t, ro, &rows, 0.5, 0.5)) ||
            (st = champ__table_text(t, c->replied_to, &replied_to)) ||
            (st = champ__table_text(t, c->deleted, &deleted)))
            return st;
        if (!replied_to.len || deleted.len)
            continue;
        uint32_t m = champ_strtab_find(&s->messages, replied_to.s, replied_to.len);
        if (m == CHAMP_STRTAB_NONE)
            continue; /* a reply to a message the export does not hold */
        champ_row row = {.type = {"reply", 5}, .weight = 1};
        if ((st = champ__table_id(t, c->sender, &row.id[0])) ||
            (st = created_at(t, c->created, &row.time)))
            return st;
        uint32_t p = s->sender[m]; /* the senders' table does not change any more */
        champ__id_init(&row.id[1], (champ_str){champ_strtab_get(&s->people, p),
                                               champ_strtab_len(&s->people, p)});
        if ((st = champ__holder_push(&h, &row, champ__table_row_in_place(t))))
            return st;
    }
    return st ? st : champ__holder_flush(&h);
}

static champ_status read_messages(champ_network *net, champ_source *src,
                                   const champ_read_options *ro)
{
    champ_file f;
    champ_table t;
    champ_status st = open_table(src, MESSAGES, &f, &t);
    if (st)
        return st;
    senders s;
    memset(&s, 0, sizeof s);
    champ_strtab_init(&s.messages);
    champ_strtab_init(&s.people);
    message_columns c;
    if (!(st = message_columns_of(&t, &c)) && !(st = read_senders(&t, &c, &s, ro))) {
        champ__table_close(&t); /* again from the top */
        if (!(st = champ__table_open(&t, &f)))
            st = read_replies(net, &t, &c, &s, ro);
    }
    champ_strtab_clear(&s.messages);
    champ_strtab_clear(&s.people);
    free(s.sender);
    return close_table(MESSAGES, &f, &t, st);
}

champ_status champ__import_engage(champ_network *net, champ_source *src,
                                  const champ_read_options *ro)
{
    champ_status st = read_users(net, src);
    if (!st)
        st = read_messages(net, src, ro);
    if (!st)
        st = champ__need_interactions(net, "no message in " MESSAGES " is a reply");
    return st;
}
