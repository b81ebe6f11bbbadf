/* A Slack workspace export (a folder or a .zip): users.json lists the
 * people (bots in group "bot"); channels.json (and groups.json, mpims.json,
 * dms.json when there) the channels, each a folder of YYYY-MM-DD.json
 * arrays of messages. A message by a user (no subtype, or
 * thread_broadcast) gives a "reply" to the thread parent's author when it
 * is a thread reply, a "mention" to each <@U...> in its text, and a
 * "reaction" from each user who reacted to it; time is its ts. The JSON is
 * read with the library's own scanner (json_scan.c), which gives every
 * error its line and column; message text is scanned for mentions and
 * never kept. */
#include "import.h"
#include "errors.h"
#include "json_scan.h"
#include "text.h"
#include "timeparse.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BOT_GROUP "bot"
/* Slackbot is a user of every workspace, listed without is_bot. */
#define SLACKBOT "USLACKBOT"

/* A JSON string as the scanner left it: raw bytes between the quotes. */
typedef struct raw_string {
    champ_span raw;
    int escaped;
    size_t pos;  /* where its value starts, for messages */
} raw_string;

/* What the reading keeps: the network, decoded strings of the current
 * message, the reactions' users, and the thread parents seen so far. */
typedef struct slack {
    champ_network *net;
    champ_scanner sc;
    char *scratch;
    size_t scratch_len, scratch_cap;
    raw_string *reactors;
    size_t reactor_count, reactor_cap;
    champ_strtab parents;    /* "folder\x1fts" of each thread parent seen */
    champ_strtab authors;    /* the parents' authors ... */
    uint32_t *parent_author; /* ... by parent: an index in authors */
    size_t parent_cap;
} slack;

/* ------------------------------------------------------------------------
 * Walking JSON with the scanner
 * ------------------------------------------------------------------------ */

/* A schema error at the scanner's position: "line L, column C: what". */
static champ_status schema_at(const champ_scanner *sc, const char *what)
{
    champ__json_error(sc, what);
    return CHAMP_ERR_SCHEMA;
}

/* The string value at sc->pos. */
static champ_status string_at(champ_scanner *sc, const char *member, raw_string *out)
{
    out->pos = sc->pos;
    if (champ__json_peek(sc) != '"') {
        char expected[96];
        snprintf(expected, sizeof expected, "%s: expected a string", member);
        return schema_at(sc, expected);
    }
    size_t start = sc->pos + 1;
    if (champ__json_string(sc))
        return CHAMP_ERR_PARSE;
    out->raw = (champ_span){sc->s + start, sc->pos - 1 - start};
    out->escaped = sc->escaped;
    return CHAMP_OK;
}

/* The '[' of an array of `what` at sc->pos, consumed; its elements follow
 * (champ__json_next_element). */
static champ_status array_start(champ_scanner *sc, const char *what)
{
    champ__json_skip_ws(sc);
    if (champ__json_peek(sc) == '[') {
        sc->pos++;
        return CHAMP_OK;
    }
    char expected[96];
    snprintf(expected, sizeof expected, "expected an array of %s", what);
    return schema_at(sc, expected);
}

/* The end of the file after its top-level value. */
static champ_status document_end(champ_scanner *sc)
{
    return champ__json_expect_end(sc, "unexpected data after the top-level array")
               ? CHAMP_ERR_PARSE
               : CHAMP_OK;
}

/* Room to decode `bytes` more of raw strings: made once per message, so
 * that strings decoded into the scratch never move. */
static champ_status reserve_scratch(slack *k, size_t bytes)
{
    k->scratch_len = 0;
    if (bytes <= k->scratch_cap)
        return CHAMP_OK;
    size_t cap = k->scratch_cap ? k->scratch_cap : 1024;
    while (cap < bytes)
        cap *= 2;
    char *grown = realloc(k->scratch, cap);
    if (!grown)
        return champ__nomem();
    k->scratch = grown;
    k->scratch_cap = cap;
    return CHAMP_OK;
}

/* A string's text: in place, or decoded into the reserved scratch. */
static champ_str text_of(slack *k, const raw_string *r)
{
    if (!r->escaped)
        return (champ_str){(const char *)r->raw.s, r->raw.len};
    size_t n = champ__json_decode(r->raw, (unsigned char *)k->scratch + k->scratch_len);
    champ_str out = {k->scratch + k->scratch_len, n};
    k->scratch_len += n;
    return out;
}

static size_t escaped_bytes(const raw_string *r)
{
    return r->escaped ? r->raw.len : 0;
}

/* An id for the network: non-empty, at most CHAMP_TEXT_MAX bytes. */
static champ_status id_of(slack *k, const raw_string *r, const char *member, champ_id *out)
{
    champ_str text = text_of(k, r);
    if (text.len == 0 || text.len > CHAMP_TEXT_MAX) {
        char what[96];
        snprintf(what, sizeof what, "%s: expected a user id", member);
        size_t pos = k->sc.pos;
        k->sc.pos = r->pos;
        champ_status st = schema_at(&k->sc, what);
        k->sc.pos = pos;
        return st;
    }
    champ__id_init(out, text);
    return CHAMP_OK;
}

/* ------------------------------------------------------------------------
 * users.json
 * ------------------------------------------------------------------------ */

/* One user object: its id and whether it is a bot. */
static champ_status read_user(slack *k)
{
    champ_scanner *sc = &k->sc;
    if (champ__json_peek(sc) != '{')
        return champ__json_value(sc, 1) ? CHAMP_ERR_PARSE : schema_at(sc, "expected a user object");
    sc->pos++;
    raw_string id = {{NULL, 0}, 0, sc->pos};
    int bot = 0, r;
    size_t count = 0;
    champ_span key;
    champ_status st;
    while ((r = champ__json_next_member(sc, &count, &key)) > 0) {
        if (champ__json_key_is(key, "id")) {
            if ((st = string_at(sc, "id", &id)))
                return st;
        } else if (champ__json_key_is(key, "is_bot")) {
            bot = sc->end - sc->pos >= 4 && memcmp(sc->s + sc->pos, "true", 4) == 0;
            if (champ__json_value(sc, 2))
                return CHAMP_ERR_PARSE;
        } else if (champ__json_value(sc, 2)) {
            return CHAMP_ERR_PARSE;
        }
    }
    if (r < 0)
        return CHAMP_ERR_PARSE;
    if ((st = reserve_scratch(k, escaped_bytes(&id))))
        return st;
    champ_id person;
    if (!id.raw.s)
        return schema_at(sc, "a user without an \"id\"");
    if ((st = id_of(k, &id, "id", &person)))
        return st;
    bot |= person.len == strlen(SLACKBOT) && memcmp(person.s, SLACKBOT, person.len) == 0;
    champ_str group = bot ? (champ_str){BOT_GROUP, strlen(BOT_GROUP)} : (champ_str){NULL, 0};
    st = champ__network_add_person(k->net, &person, (champ_str){NULL, 0}, group);
    if (st != CHAMP_ERR_SCHEMA)
        return st;
    char message[256]; /* "duplicate person id ...", placed */
    snprintf(message, sizeof message, "%s", champ_last_error());
    sc->pos = id.pos;
    return schema_at(sc, message);
}

static champ_status read_users(slack *k)
{
    champ_status st = array_start(&k->sc, "users");
    size_t count = 0;
    int r = 0;
    while (!st && (r = champ__json_next_element(&k->sc, &count)) > 0)
        st = read_user(k);
    if (!st && r < 0)
        st = CHAMP_ERR_PARSE;
    if (!st)
        champ__network_set_has_people(k->net);
    return st ? st : document_end(&k->sc);
}

/* ------------------------------------------------------------------------
 * The channels: their folders
 * ------------------------------------------------------------------------ */

/* The channel lists of an export and the member naming each channel's
 * folder: direct messages are filed under their id. */
static const struct {
    const char *file, *folder_member;
} CHANNEL_LISTS[] = {
    {"channels.json", "name"}, {"groups.json", "name"}, {"mpims.json", "name"}, {"dms.json", "id"},
};

static champ_status read_channel(slack *k, const char *member, champ_strtab *folders)
{
    champ_scanner *sc = &k->sc;
    if (champ__json_peek(sc) != '{')
        return champ__json_value(sc, 1) ? CHAMP_ERR_PARSE
                                        : schema_at(sc, "expected a channel object");
    sc->pos++;
    raw_string name = {{NULL, 0}, 0, sc->pos};
    size_t count = 0;
    champ_span key;
    int r;
    champ_status st;
    while ((r = champ__json_next_member(sc, &count, &key)) > 0) {
        if (champ__json_key_is(key, member)) {
            if ((st = string_at(sc, member, &name)))
                return st;
        } else if (champ__json_value(sc, 2)) {
            return CHAMP_ERR_PARSE;
        }
    }
    if (r < 0)
        return CHAMP_ERR_PARSE;
    if (!name.raw.s) {
        char what[64];
        snprintf(what, sizeof what, "a channel without \"%s\"", member);
        return schema_at(sc, what);
    }
    if ((st = reserve_scratch(k, escaped_bytes(&name))))
        return st;
    champ_str folder = text_of(k, &name);
    uint32_t index;
    return folder.len && champ_strtab_intern(folders, folder.s, folder.len, &index, NULL)
               ? champ__nomem()
               : CHAMP_OK;
}

static champ_status read_channels(slack *k, const char *member, champ_strtab *folders)
{
    champ_status st = array_start(&k->sc, "channels");
    size_t count = 0;
    int r = 0;
    while (!st && (r = champ__json_next_element(&k->sc, &count)) > 0)
        st = read_channel(k, member, folders);
    if (!st && r < 0)
        st = CHAMP_ERR_PARSE;
    return st ? st : document_end(&k->sc);
}

/* ------------------------------------------------------------------------
 * Messages
 * ------------------------------------------------------------------------ */

typedef struct message {
    raw_string user, subtype, ts, thread_ts, parent_user, text;
    int has[6]; /* which of the six above were there */
} message;

enum { HAS_USER, HAS_SUBTYPE, HAS_TS, HAS_THREAD_TS, HAS_PARENT_USER, HAS_TEXT };

static champ_status add_reactor(slack *k, const raw_string *r)
{
    if (k->reactor_count == k->reactor_cap) {
        size_t cap = k->reactor_cap ? 2 * k->reactor_cap : 16;
        raw_string *grown = realloc(k->reactors, cap * sizeof *grown);
        if (!grown)
            return champ__nomem();
        k->reactors = grown;
        k->reactor_cap = cap;
    }
    k->reactors[k->reactor_count++] = *r;
    return CHAMP_OK;
}

/* "reactions": [{"name": ..., "users": ["U1", ...], ...}, ...] */
static champ_status read_reactions(slack *k)
{
    champ_scanner *sc = &k->sc;
    champ_status st = array_start(sc, "reactions");
    size_t count = 0;
    int r;
    while (!st && (r = champ__json_next_element(sc, &count)) > 0) {
        if (champ__json_peek(sc) != '{') {
            st = champ__json_value(sc, 3) ? CHAMP_ERR_PARSE : schema_at(sc, "expected a reaction");
            break;
        }
        sc->pos++;
        size_t members = 0;
        champ_span key;
        while (!st && (r = champ__json_next_member(sc, &members, &key)) > 0) {
            if (!champ__json_key_is(key, "users")) {
                st = champ__json_value(sc, 4) ? CHAMP_ERR_PARSE : CHAMP_OK;
                continue;
            }
            size_t users = 0;
            if (!(st = array_start(sc, "users who reacted")))
                while (!st && (r = champ__json_next_element(sc, &users)) > 0) {
                    raw_string user;
                    if (!(st = string_at(sc, "users", &user)))
                        st = add_reactor(k, &user);
                }
            if (!st && r < 0)
                st = CHAMP_ERR_PARSE;
        }
        if (!st && r < 0)
            st = CHAMP_ERR_PARSE;
    }
    if (!st && r < 0)
        st = CHAMP_ERR_PARSE;
    return st;
}

/* Scan one message object, keeping the members that matter. */
static champ_status scan_message(slack *k, message *m)
{
    static const char *const names[] = {"user", "subtype", "ts", "thread_ts", "parent_user_id",
                                        "text"};
    champ_scanner *sc = &k->sc;
    memset(m, 0, sizeof *m);
    k->reactor_count = 0;
    if (champ__json_peek(sc) != '{')
        return champ__json_value(sc, 1) ? CHAMP_ERR_PARSE : schema_at(sc, "expected a message object");
    sc->pos++;
    raw_string *slot[] = {&m->user, &m->subtype, &m->ts, &m->thread_ts, &m->parent_user, &m->text};
    size_t count = 0;
    champ_span key;
    int r;
    champ_status st = CHAMP_OK;
    while (!st && (r = champ__json_next_member(sc, &count, &key)) > 0) {
        size_t i = 0;
        while (i < 6 && !champ__json_key_is(key, names[i]))
            i++;
        if (i < 6) {
            st = string_at(sc, names[i], slot[i]);
            m->has[i] = 1;
        } else if (champ__json_key_is(key, "reactions")) {
            st = read_reactions(k);
        } else {
            st = champ__json_value(sc, 2) ? CHAMP_ERR_PARSE : CHAMP_OK;
        }
    }
    return st ? st : r < 0 ? CHAMP_ERR_PARSE : CHAMP_OK;
}

static int same_text(champ_str a, champ_str b)
{
    return a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
}

/* The key of a thread parent: its channel's folder and its ts. */
static int parent_key(char *buf, size_t size, const char *folder, champ_str ts, size_t *len)
{
    size_t f = strlen(folder);
    if (f + 1 + ts.len > size)
        return -1;
    memcpy(buf, folder, f);
    buf[f] = '\x1f';
    memcpy(buf + f + 1, ts.s, ts.len);
    *len = f + 1 + ts.len;
    return 0;
}

#define KEY_MAX (CHAMP_TEXT_MAX * 2 + 2)

/* Remember a thread parent's author (the message whose thread_ts is its
 * own ts), for replies that do not name it in parent_user_id. */
static champ_status remember_parent(slack *k, const char *folder, champ_str ts, champ_str user)
{
    char key[KEY_MAX];
    size_t len;
    uint32_t index, author;
    int added;
    if (parent_key(key, sizeof key, folder, ts, &len))
        return CHAMP_OK;
    if (champ_strtab_intern(&k->parents, key, len, &index, &added))
        return champ__nomem();
    if (!added)
        return CHAMP_OK;
    if (index >= k->parent_cap) {
        size_t cap = k->parent_cap ? 2 * k->parent_cap : 256;
        uint32_t *grown = realloc(k->parent_author, cap * sizeof *grown);
        if (!grown) {
            champ_strtab_truncate(&k->parents, index);
            return champ__nomem();
        }
        k->parent_author = grown;
        k->parent_cap = cap;
    }
    if (champ_strtab_intern(&k->authors, user.s, user.len, &author, NULL)) {
        champ_strtab_truncate(&k->parents, index);
        return champ__nomem();
    }
    k->parent_author[index] = author;
    return CHAMP_OK;
}

/* The author of the thread a reply belongs to, if its parent was seen. */
static int parent_author(const slack *k, const char *folder, champ_str thread_ts,
                         champ_str *author)
{
    char key[KEY_MAX];
    size_t len;
    if (parent_key(key, sizeof key, folder, thread_ts, &len))
        return 0;
    uint32_t index = champ_strtab_find(&k->parents, key, len);
    if (index == CHAMP_STRTAB_NONE)
        return 0;
    uint32_t a = k->parent_author[index];
    *author = (champ_str){champ_strtab_get(&k->authors, a), champ_strtab_len(&k->authors, a)};
    return 1;
}

/* An interaction from `from` to the user `to` (left out when `to` is no
 * usable id). */
static champ_status add(slack *k, const champ_id *from, champ_str to, double time,
                        const char *type)
{
    if (!to.len || to.len > CHAMP_TEXT_MAX)
        return CHAMP_OK;
    champ_id id;
    champ__id_init(&id, to);
    return champ__network_add_interaction(k->net, from, &id, time,
                                          (champ_str){type, strlen(type)}, 1);
}

/* Each <@U123> (or <@U123|name>) of a message's text: a mention. */
static champ_status mentions(slack *k, const champ_id *author, champ_str text, double time)
{
    const char *p = text.s, *end = text.s + text.len;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        if (end - p < 3 || p[1] != '@') {
            p++;
            continue;
        }
        const char *id = p + 2, *q = id;
        while (q < end && ((*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9')))
            q++;
        p = q;
        if (q == id || q >= end || (*q != '>' && *q != '|'))
            continue;
        champ_status st = add(k, author, (champ_str){id, (size_t)(q - id)}, time, "mention");
        if (st)
            return st;
    }
    return CHAMP_OK;
}

/* The reply a thread reply gives, and the thread a parent starts. */
static champ_status thread(slack *k, const message *m, const char *folder,
                           const champ_id *author, champ_str ts, double time)
{
    champ_str thread_ts = text_of(k, &m->thread_ts);
    champ_str parent = {NULL, 0};
    if (same_text(thread_ts, ts))
        return remember_parent(k, folder, ts, (champ_str){author->s, author->len});
    if (m->has[HAS_PARENT_USER])
        parent = text_of(k, &m->parent_user);
    else
        parent_author(k, folder, thread_ts, &parent);
    return add(k, author, parent, time, "reply");
}

/* A message's time, from its ts ("1772357400.000200"). */
static champ_status message_time(slack *k, const raw_string *ts, double *out)
{
    champ_str text = text_of(k, ts);
    if (champ__parse_time_text(text.s, text.len, out) == CHAMP_OK)
        return CHAMP_OK;
    char why[256];
    snprintf(why, sizeof why, "ts: %s", champ_last_error());
    k->sc.pos = ts->pos;
    return schema_at(&k->sc, why);
}

/* A message scanned: what it gives. */
static champ_status read_message(slack *k, const char *folder)
{
    message m;
    champ_status st = scan_message(k, &m);
    if (st)
        return st;
    size_t bytes = escaped_bytes(&m.user) + escaped_bytes(&m.subtype) + escaped_bytes(&m.ts) +
                   escaped_bytes(&m.thread_ts) + escaped_bytes(&m.parent_user) +
                   escaped_bytes(&m.text);
    for (size_t i = 0; i < k->reactor_count; i++)
        bytes += escaped_bytes(&k->reactors[i]);
    if ((st = reserve_scratch(k, bytes)))
        return st;
    /* joins, bot posts and other events: no user, or a subtype */
    if (!m.has[HAS_USER] ||
        (m.has[HAS_SUBTYPE] &&
         !same_text(text_of(k, &m.subtype), (champ_str){"thread_broadcast", 16})))
        return CHAMP_OK;
    champ_id author;
    double time;
    if ((st = id_of(k, &m.user, "user", &author)))
        return st;
    if (!m.has[HAS_TS]) {
        k->sc.pos = m.user.pos;
        return schema_at(&k->sc, "a message without \"ts\"");
    }
    if ((st = message_time(k, &m.ts, &time)))
        return st;
    if (m.has[HAS_THREAD_TS] &&
        (st = thread(k, &m, folder, &author, text_of(k, &m.ts), time)))
        return st;
    if (m.has[HAS_TEXT] && (st = mentions(k, &author, text_of(k, &m.text), time)))
        return st;
    for (size_t i = 0; !st && i < k->reactor_count; i++) {
        champ_str reactor = text_of(k, &k->reactors[i]);
        if (!reactor.len || reactor.len > CHAMP_TEXT_MAX)
            continue;
        champ_id from;
        champ__id_init(&from, reactor);
        st = champ__network_add_interaction(k->net, &from, &author, time,
                                            (champ_str){"reaction", 8}, 1);
    }
    return st;
}

static champ_status read_day(slack *k, const char *folder)
{
    champ_status st = array_start(&k->sc, "messages");
    size_t count = 0;
    int r = 0;
    while (!st && (r = champ__json_next_element(&k->sc, &count)) > 0)
        st = read_message(k, folder);
    if (!st && r < 0)
        st = CHAMP_ERR_PARSE;
    return st ? st : document_end(&k->sc);
}

/* ------------------------------------------------------------------------
 * The export
 * ------------------------------------------------------------------------ */

/* Load entry i of the export and point the scanner at it. */
static champ_status open_entry(slack *k, champ_source *src, size_t i, champ_file *f)
{
    champ_status st = champ__source_read(src, i, f);
    if (!st)
        k->sc = champ__json_start(f->data, f->len, "input", NULL);
    return st;
}

/* After reading entry i: its name in front of the message. */
static champ_status close_entry(champ_source *src, size_t i, champ_file *f, champ_status st)
{
    champ__file_unload(f);
    if (st && st != CHAMP_ERR_NOMEM)
        champ__prefix_error(champ__source_name(src, i));
    return st;
}

/* Whether entry `name` is FOLDER/YYYY-MM-DD.json for the folder of
 * `folder_len` bytes (its name already known to start with "FOLDER/"). */
static int is_day_file(const char *name, size_t folder_len)
{
    const char *day = name + folder_len + 1;
    if (strlen(day) != 15 || strcmp(day + 10, ".json") != 0)
        return 0;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? day[i] != '-' : day[i] < '0' || day[i] > '9')
            return 0;
    return 1;
}

/* The folders of every channel list the export has. */
static champ_status channel_folders(slack *k, champ_source *src, champ_strtab *folders)
{
    for (size_t l = 0; l < sizeof CHANNEL_LISTS / sizeof *CHANNEL_LISTS; l++) {
        size_t i = champ__source_find(src, CHANNEL_LISTS[l].file);
        if (i == SIZE_MAX)
            continue;
        champ_file f;
        champ_status st = open_entry(k, src, i, &f);
        if (!st)
            st = read_channels(k, CHANNEL_LISTS[l].folder_member, folders);
        if ((st = close_entry(src, i, &f, st)))
            return st;
    }
    return CHAMP_OK;
}

/* The day files of one channel, in date order (the entries are sorted). */
static champ_status read_channel_days(slack *k, champ_source *src, const char *folder,
                                      size_t *done, size_t total,
                                      const champ_read_options *ro)
{
    char prefix[CHAMP_TEXT_MAX + 2];
    size_t len = strlen(folder), n = champ__source_count(src);
    snprintf(prefix, sizeof prefix, "%s/", folder);
    for (size_t i = champ__source_first(src, prefix); i < n; i++) {
        const char *name = champ__source_name(src, i);
        if (strncmp(name, prefix, len + 1) != 0)
            break; /* past the folder: the entries are sorted */
        if (!is_day_file(name, len))
            continue;
        champ_file f;
        champ_status st = open_entry(k, src, i, &f);
        if (!st)
            st = read_day(k, folder);
        if ((st = close_entry(src, i, &f, st)) ||
            (st = champ__progress(&ro->progress, "read", (double)++*done / (double)total)))
            return st;
    }
    return CHAMP_OK;
}

static void slack_free(slack *k)
{
    free(k->scratch);
    free(k->reactors);
    free(k->parent_author);
    champ_strtab_clear(&k->parents);
    champ_strtab_clear(&k->authors);
}

champ_status champ__import_slack(champ_network *net, champ_source *src,
                                 const champ_read_options *ro)
{
    slack k;
    memset(&k, 0, sizeof k);
    k.net = net;
    champ_strtab_init(&k.parents);
    champ_strtab_init(&k.authors);
    champ_strtab folders;
    champ_strtab_init(&folders);
    champ_status st = CHAMP_OK;
    size_t users = champ__source_find(src, "users.json");
    if (users == SIZE_MAX || champ__source_find(src, "channels.json") == SIZE_MAX)
        st = champ__fail(CHAMP_ERR_SCHEMA, "not a Slack export: it has no %s",
                         users == SIZE_MAX ? "users.json" : "channels.json");
    champ_file f;
    if (!st && !(st = open_entry(&k, src, users, &f)))
        st = close_entry(src, users, &f, read_users(&k));
    if (!st)
        st = channel_folders(&k, src, &folders);
    size_t done = 0, total = champ__source_count(src);
    for (uint32_t c = 0; !st && c < folders.count; c++)
        st = read_channel_days(&k, src, champ_strtab_get(&folders, c), &done, total, ro);
    if (!st)
        st = champ__need_interactions(net, "no message has a reply, a mention or a reaction");
    champ_strtab_clear(&folders);
    slack_free(&k);
    return st;
}
