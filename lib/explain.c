/* Explanations (SPEC 10.2): why a person ranks where they do, from the
 * figures behind each criterion. Every word of them is in PHRASES, one
 * table per language, so that a translation adds a table and touches no
 * code. */
#include "ranking.h"
#include "errors.h"
#include "text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The words of one language. Formats take their arguments in the order
 * the comments give; numbers come preformatted as strings. */
typedef struct phrases {
    char thousands, decimal;        /* digit group separator, decimal sign */
    const char *top, *bottom;       /* band: percent */
    /* reciprocity: mutual, ties, percent, band (the band left out, with
     * its separator, for a person who is not eligible) */
    const char *reciprocity[4];     /* [ties == 1][mutual == 1]: the sentence forms */
    const char *no_ties;            /* band */
    const char *reach_teams;        /* reach, other teams, band */
    const char *reach_teams_unknown;/* reach, teams, band: the person's own team unknown */
    const char *reach_none;         /* band: there is no other team */
    const char *reach_audience;     /* reach, audience people, band */
    const char *bridging;           /* place, eligible, band */
    const char *bridging_none;      /* band */
    const char *influence;          /* place, eligible, band */
    const char *activity[2];        /* [activity == 1]: activity, band */
    /* figures for a cell */
    const char *cell_reciprocity;   /* mutual, ties */
    const char *cell_reach_teams;   /* reach, teams */
    const char *cell_reach_audience;/* reach */
    const char *cell_activity;      /* activity */
    const char *cell_no_ties;
    /* the sentence */
    const char *ranks;              /* rank, eligible */
    const char *interval;           /* low, high, resamples */
    const char *lowest, *bottom_quarter; /* before the weakest criterion */
    const char *flagged;            /* before the flags' names */
    const char *shadow_of;          /* id, rank, percent */
    const char *not_eligible_unlisted;
    const char *not_eligible_group;       /* group */
    const char *not_eligible_activity;    /* activity, minimum */
    const char *not_ranked;         /* instead of a band, for a person not eligible */
} phrases;

static const phrases PHRASES[CHAMP_LANGUAGE_COUNT] = {
    [CHAMP_LANGUAGE_EN] = {
        .thousands = ',',
        .decimal = '.',
        .top = "top %s%%",
        .bottom = "bottom %s%%",
        .reciprocity = {"%s of their %s contacts answer both ways (%s%%%s)",
                        "%s of their %s contacts answers both ways (%s%%%s)",
                        "their one contact does not answer both ways (%.0s%.0s%s%%%s)",
                        "their one contact answers both ways (%.0s%.0s%s%%%s)"},
        .no_ties = "no contacts%s",
        .reach_teams = "in touch with %s of the %s other teams%s",
        .reach_teams_unknown = "in touch with %s of the %s teams%s",
        .reach_none = "no other team to reach%s",
        .reach_audience = "in touch with %s of the %s people in the audience%s",
        .bridging = "#%s of %s at bridging otherwise distant people%s",
        .bridging_none = "bridges no one%s",
        .influence = "#%s of %s at being engaged with by well-connected people%s",
        .activity = {"sent %s interactions%s", "sent %s interaction%s"},
        .cell_reciprocity = "%s/%s mutual",
        .cell_reach_teams = "%s/%s teams",
        .cell_reach_audience = "%s reached",
        .cell_activity = "%s sent",
        .cell_no_ties = "no ties",
        .ranks = "Ranks %s of %s",
        .interval = " (%s to %s in 90%% of %s resamples)",
        .lowest = "lowest: ",
        .bottom_quarter = "in the bottom quarter: ",
        .flagged = "flagged: ",
        .shadow_of = "shadow of \"%s\" (rank %s, %s%% of their ties alike)",
        .not_eligible_unlisted = "Not eligible: the people list does not list them",
        .not_eligible_group = "Not eligible: their group \"%s\" is not a champion group",
        .not_eligible_activity = "Not eligible: an activity of %s is below the minimum of %s",
        .not_ranked = " (not eligible, so not placed)",
    },
    [CHAMP_LANGUAGE_NL] = {
        .thousands = '.',
        .decimal = ',',
        .top = "top %s%%",
        .bottom = "onderste %s%%",
        .reciprocity = {"%s van hun %s contacten reageren over en weer (%s%%%s)",
                        "%s van hun %s contacten reageert over en weer (%s%%%s)",
                        "hun ene contact reageert niet over en weer (%.0s%.0s%s%%%s)",
                        "hun ene contact reageert over en weer (%.0s%.0s%s%%%s)"},
        .no_ties = "geen contacten%s",
        .reach_teams = "in contact met %s van de %s andere teams%s",
        .reach_teams_unknown = "in contact met %s van de %s teams%s",
        .reach_none = "geen ander team om te bereiken%s",
        .reach_audience = "in contact met %s van de %s mensen in de doelgroep%s",
        .bridging = "#%s van %s in het verbinden van verder uiteenliggende mensen%s",
        .bridging_none = "verbindt niemand%s",
        .influence = "#%s van %s in betrokkenheid van goed verbonden mensen%s",
        .activity = {"stuurde %s interacties%s", "stuurde %s interactie%s"},
        .cell_reciprocity = "%s/%s wederzijds",
        .cell_reach_teams = "%s/%s teams",
        .cell_reach_audience = "%s bereikt",
        .cell_activity = "%s verstuurd",
        .cell_no_ties = "geen banden",
        .ranks = "Plaats %s van %s",
        .interval = " (%s tot %s in 90%% van %s steekproeven)",
        .lowest = "laagst: ",
        .bottom_quarter = "in het onderste kwart: ",
        .flagged = "gemarkeerd: ",
        .shadow_of = "schaduw van \"%s\" (plaats %s, %s%% van hun banden gelijk)",
        .not_eligible_unlisted = "Niet verkiesbaar: de personenlijst noemt hen niet",
        .not_eligible_group = "Niet verkiesbaar: hun groep \"%s\" hoort niet bij de "
                              "championsgroepen",
        .not_eligible_activity = "Niet verkiesbaar: een activiteit van %s ligt onder het minimum van %s",
        .not_ranked = " (niet verkiesbaar, dus niet geplaatst)",
    },
};

/* ---- a growing text ------------------------------------------------------ */

typedef struct text {
    char *s;
    size_t len, cap;
    int failed;
    int fixed; /* s is the caller's buffer of cap bytes: never grown; failed when cut short */
} text;

/* n bytes onto t, kept NUL-terminated. */
static void put(text *t, const char *s, size_t n)
{
    if (t->failed)
        return;
    if (t->len + n >= t->cap && t->fixed) {
        n = t->cap - 1 - t->len; /* cut short */
        t->failed = 1;
    } else if (t->len + n >= t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (cap <= t->len + n)
            cap *= 2;
        char *grown = realloc(t->s, cap);
        if (!grown) {
            t->failed = 1;
            return;
        }
        t->s = grown;
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

/* The phrases' own printf subset: %s, %.0s (an argument skipped) and %%;
 * the arguments are strings, numbers are made text before (number()).
 * Written out rather than through vsnprintf, which took a third of the
 * time of writing a ranking's JSON (explanations included) on 10k people.
 * The format attribute still has the compiler check every call. */
static void vappend(text *t, const char *fmt, va_list ap)
{
    for (const char *f = fmt; *f;) {
        const char *plain = f;
        while (*f && *f != '%')
            f++;
        put(t, plain, (size_t)(f - plain));
        if (!*f)
            return;
        if (f[1] == 's') {
            const char *arg = va_arg(ap, const char *);
            put(t, arg, strlen(arg));
            f += 2;
        } else if (strncmp(f, "%.0s", 4) == 0) {
            (void)va_arg(ap, const char *);
            f += 4;
        } else { /* "%%"; a '%' before anything else (not in the phrases) as is */
            put(t, "%", 1);
            f += f[1] == '%' ? 2 : 1;
        }
    }
}

static void CHAMP_PRINTF(2, 3) append(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vappend(t, fmt, ap);
    va_end(ap);
}

/* The same into buf (size bytes, NUL-terminated; cut short if need be). */
static void CHAMP_PRINTF(3, 4) format(char *buf, size_t size, const char *fmt, ...)
{
    text t = {buf, 0, size, 0, 1};
    buf[0] = '\0';
    va_list ap;
    va_start(ap, fmt);
    vappend(&t, fmt, ap);
    va_end(ap);
}

/* ---- numbers and bands ----------------------------------------------------- */

#define NUMBER_MAX CHAMP_NUMBER_TEXT_MAX

/* x for people: whole numbers with digit groups ("2,345"), others with
 * one decimal ("12.5"); the C numeric locale is the caller's. */
static const char *number(char *buf, double x, const phrases *p)
{
    char plain[NUMBER_MAX];
    if (!isfinite(x) || fabs(x) >= 1e15) {
        snprintf(buf, NUMBER_MAX, "%g", x);
        return buf;
    }
    int whole = x == floor(x);
    if (whole) { /* most figures: counts and places; printf is the cost here */
        unsigned long long u = (unsigned long long)fabs(x);
        char *d = plain + sizeof plain;
        *--d = '\0';
        do
            *--d = (char)('0' + u % 10);
        while (u /= 10);
        if (x < 0)
            *--d = '-';
        memmove(plain, d, (size_t)(plain + sizeof plain - d));
    } else {
        snprintf(plain, sizeof plain, "%.1f", x);
    }
    const char *digits = plain + (plain[0] == '-');
    size_t int_len = strcspn(digits, ".");
    char *o = buf;
    if (plain[0] == '-')
        *o++ = '-';
    for (size_t i = 0; i < int_len; i++) {
        if (i && (int_len - i) % 3 == 0)
            *o++ = p->thousands;
        *o++ = digits[i];
    }
    strcpy(o, digits + int_len);
    if (digits[int_len] == '.')
        o[0] = p->decimal;
    return buf;
}

const char *champ__number_text(char *buf, double x, champ_language language)
{
    return number(buf, x, &PHRASES[language]);
}

static const char *count(char *buf, size_t n, const phrases *p)
{
    return number(buf, (double)n, p);
}

/* "top 9%" for the 91st percentile, "bottom 30%" for the 30th. */
static void band(char *buf, size_t size, double pct, const phrases *p)
{
    int top = pct >= 0.5;
    double share = 100 * (top ? 1 - pct : pct);
    int percent = (int)ceil(share - 1e-6);
    percent = percent < 1 ? 1 : percent > 50 ? 50 : percent;
    char digits[NUMBER_MAX];
    number(digits, (double)percent, p); /* 1 to 50: no digit groups */
    format(buf, size, top ? p->top : p->bottom, digits);
}

#define BAND_MAX 64

/* ", top 9%" or " (top 9%)" for the eligible; for the others the phrase
 * saying they are not placed (places and bands are among the eligible). */
static const char *band_part(char *buf, const champ_ranking *r, uint32_t v, champ_criterion c,
                             const phrases *p, int inside)
{
    if (!r->eligible[v]) {
        format(buf, BAND_MAX, "%s", inside ? "" : p->not_ranked);
        return buf;
    }
    char b[BAND_MAX];
    band(b, sizeof b, r->pct[c][v], p);
    format(buf, BAND_MAX, inside ? ", %s" : " (%s)", b);
    return buf;
}

/* ---- one criterion ----------------------------------------------------------- */

static size_t eligible_count(const champ_ranking *r)
{
    return (size_t)r->summary[CHAMP_SUMMARY_ELIGIBLE];
}

static void put_criterion(text *t, const champ_ranking *r, uint32_t v, champ_criterion c,
                          const phrases *p)
{
    char a[NUMBER_MAX], b[NUMBER_MAX], d[NUMBER_MAX], part[BAND_MAX];
    double value = r->m.value[c][v];
    size_t eligible = eligible_count(r);
    switch (c) {
    case CHAMP_RECIPROCITY: {
        size_t ties = (size_t)r->m.diag[CHAMP_TIES][v], mutual = (size_t)r->m.diag[CHAMP_MUTUAL][v];
        if (!ties) {
            append(t, p->no_ties, band_part(part, r, v, c, p, 0));
            break;
        }
        number(d, nearbyint(100.0 * (double)mutual / (double)ties), p); /* as "%.0f" */
        append(t, p->reciprocity[2 * (ties == 1) + (mutual == 1)], count(a, mutual, p),
               count(b, ties, p), d, band_part(part, r, v, c, p, 1));
        break;
    }
    case CHAMP_REACH:
        if (r->audience.count) {
            append(t, p->reach_audience, number(a, value, p), count(b, r->audience_people, p),
                   band_part(part, r, v, c, p, 0));
        } else {
            int own = r->team[v] != CHAMP_NONE;
            size_t teams = r->teams.count - (own ? 1 : 0);
            if (!teams)
                append(t, p->reach_none, band_part(part, r, v, c, p, 0));
            else
                append(t, own ? p->reach_teams : p->reach_teams_unknown, number(a, value, p),
                       count(b, teams, p), band_part(part, r, v, c, p, 0));
        }
        break;
    case CHAMP_BRIDGING:
    case CHAMP_INFLUENCE:
        if (c == CHAMP_BRIDGING && value == 0) {
            append(t, p->bridging_none, band_part(part, r, v, c, p, 0));
        } else if (!r->eligible[v]) {
            /* no place among the eligible: the value itself */
            snprintf(a, sizeof a, "%.3g", value);
            append(t, "%s %s%s", champ_criterion_name(c), a, p->not_ranked);
        } else {
            append(t, c == CHAMP_BRIDGING ? p->bridging : p->influence,
                   count(a, r->place[c][v], p), count(b, eligible, p),
                   band_part(part, r, v, c, p, 0));
        }
        break;
    case CHAMP_ACTIVITY:
        append(t, p->activity[value == 1], number(a, value, p), band_part(part, r, v, c, p, 0));
        break;
    }
}

static void put_cell(text *t, const champ_ranking *r, uint32_t v, champ_criterion c,
                     const phrases *p)
{
    char a[NUMBER_MAX], b[NUMBER_MAX];
    double value = r->m.value[c][v];
    switch (c) {
    case CHAMP_RECIPROCITY: {
        size_t ties = (size_t)r->m.diag[CHAMP_TIES][v];
        if (ties)
            append(t, p->cell_reciprocity, count(a, (size_t)r->m.diag[CHAMP_MUTUAL][v], p),
                   count(b, ties, p));
        else
            append(t, "%s", p->cell_no_ties);
        break;
    }
    case CHAMP_REACH:
        if (r->audience.count)
            append(t, p->cell_reach_audience, number(a, value, p));
        else
            append(t, p->cell_reach_teams, number(a, value, p),
                   count(b, r->teams.count - (r->team[v] != CHAMP_NONE && r->teams.count), p));
        break;
    case CHAMP_BRIDGING:
    case CHAMP_INFLUENCE:
        if (r->eligible[v]) {
            band(a, sizeof a, r->pct[c][v], p);
            append(t, "%s", a);
        } else {
            snprintf(a, sizeof a, "%.3g", value);
            append(t, "%s", a);
        }
        break;
    case CHAMP_ACTIVITY:
        append(t, p->cell_activity, number(a, value, p));
        break;
    }
}

/* ---- the sentence --------------------------------------------------------------- */

/* The weighted criteria, strongest first (percentile, then weight, then
 * the criteria's own order). */
static size_t by_strength(const champ_ranking *r, uint32_t v, champ_criterion *out)
{
    size_t n = 0;
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
        if (r->weight[c] > 0)
            out[n++] = (champ_criterion)c;
    for (size_t i = 1; i < n; i++) { /* insertion sort: at most five */
        champ_criterion c = out[i];
        size_t j = i;
        while (j > 0) {
            champ_criterion d = out[j - 1];
            double pc = r->pct[c][v], pd = r->pct[d][v];
            if (pc > pd || (pc == pd && r->weight[c] > r->weight[d])) {
                out[j] = d;
                j--;
            } else {
                break;
            }
        }
        out[j] = c;
    }
    return n;
}

static void put_flags(text *t, const champ_ranking *r, uint32_t v, const phrases *p)
{
    if (!r->flags[v])
        return;
    char a[NUMBER_MAX], b[NUMBER_MAX], id[CHAMP_EXCERPT_MAX + 4];
    append(t, "; %s", p->flagged);
    int first = 1;
    for (int f = 0; f < CHAMP_FLAG_COUNT; f++) {
        if (!(r->flags[v] & (1u << f)))
            continue;
        append(t, "%s", first ? "" : ", ");
        first = 0;
        if (f == CHAMP_FLAG_SHADOW) {
            uint32_t u = r->shadow_of[v];
            const char *uid = champ_strtab_get(&r->ids, u);
            champ__excerpt(id, uid, strlen(uid));
            number(b, floor(100 * r->shadow_share[v]), p);
            append(t, p->shadow_of, id, count(a, r->rank[u], p), b);
        } else {
            append(t, "%s", champ_flag_name((champ_flag)f));
        }
    }
}

static void put_not_eligible(text *t, const champ_ranking *r, uint32_t v, const phrases *p)
{
    char a[NUMBER_MAX], b[NUMBER_MAX], group[CHAMP_EXCERPT_MAX + 4];
    if (r->group[v] == CHAMP_NONE) {
        append(t, "%s", p->not_eligible_unlisted);
    } else if (!champ__group_in(&r->champion_groups, &r->groups, r->group[v])) {
        const char *name = champ_strtab_get(&r->groups, r->group[v]);
        champ__excerpt(group, name, strlen(name));
        append(t, p->not_eligible_group, group);
    } else {
        append(t, p->not_eligible_activity, number(a, r->m.value[CHAMP_ACTIVITY][v], p),
               number(b, r->min_activity, p));
    }
    put_flags(t, r, v, p);
}

static void put_sentence(text *t, const champ_ranking *r, uint32_t v, const phrases *p)
{
    char a[NUMBER_MAX], b[NUMBER_MAX], d[NUMBER_MAX];
    if (!r->eligible[v]) {
        put_not_eligible(t, r, v, p);
        return;
    }
    append(t, p->ranks, count(a, r->rank[v], p), count(b, eligible_count(r), p));
    if (r->resamples)
        append(t, p->interval, count(a, r->rank_low[v], p), count(b, r->rank_high[v], p),
               count(d, r->resamples, p));
    champ_criterion order[CHAMP_CRITERION_COUNT];
    size_t n = by_strength(r, v, order), strong = n < 2 ? n : 2;
    if (n > 2 && r->pct[order[2]][v] >= 0.75)
        strong = 3;
    for (size_t k = 0; k < strong; k++) {
        append(t, "%s", k ? "; " : ": ");
        put_criterion(t, r, v, order[k], p);
    }
    if (n > strong) {
        champ_criterion weakest = order[n - 1];
        append(t, "; %s", r->pct[weakest][v] < 0.25 ? p->bottom_quarter : p->lowest);
        put_criterion(t, r, v, weakest, p);
    }
    put_flags(t, r, v, p);
}

/* ---- the calls --------------------------------------------------------------------- */

typedef enum what { SENTENCE, CRITERION, CELL } what;

/* The text of `what` for person v into t, with '.' as the decimal point. */
static void compose(text *t, const champ_ranking *r, uint32_t v, what kind, champ_criterion c,
                    const phrases *p)
{
    if (kind == SENTENCE)
        put_sentence(t, r, v, p);
    else if (kind == CRITERION)
        put_criterion(t, r, v, c, p);
    else
        put_cell(t, r, v, c, p);
}

/* Copy the text out under the size protocol of champ_ranking_texts(). */
static champ_status hand_out(const char *fn, const text *t, char *buf, size_t size,
                             size_t *needed)
{
    size_t total = t->len + 1;
    if (needed)
        *needed = total;
    if (!buf && size == 0 && needed)
        return CHAMP_OK;
    if (!buf || size < total)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: the buffer holds %zu bytes, %zu are needed",
                           fn, buf ? size : 0, total);
    memcpy(buf, t->len ? t->s : "", t->len);
    buf[t->len] = '\0';
    return CHAMP_OK;
}

static champ_status explain(const char *fn, const champ_ranking *r, size_t i, what kind,
                            champ_criterion c, champ_language language, char *buf, size_t size,
                            size_t *needed)
{
    if (!r)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: ranking is NULL", fn);
    if (i >= r->n)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: no person at position %zu (the ranking has "
                           "%zu)", fn, i, r->n);
    if ((unsigned)language >= CHAMP_LANGUAGE_COUNT)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: no language %d", fn, (int)language);
    if (kind != SENTENCE && (unsigned)c >= CHAMP_CRITERION_COUNT)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: no criterion %d", fn, (int)c);
    locale_t c_locale, previous = champ__c_numeric_begin(&c_locale);
    if (!previous)
        return champ__nomem();
    text t = {0};
    compose(&t, r, r->order[i], kind, c, &PHRASES[language]);
    champ__c_numeric_end(previous, c_locale);
    champ_status st = t.failed ? champ__nomem() : hand_out(fn, &t, buf, size, needed);
    free(t.s);
    return st;
}

champ_status champ_ranking_explain(const champ_ranking *r, size_t i, champ_language language,
                                   char *buf, size_t size, size_t *needed)
{
    return explain("champ_ranking_explain", r, i, SENTENCE, CHAMP_RECIPROCITY, language, buf,
                   size, needed);
}

champ_status champ_ranking_explain_criterion(const champ_ranking *r, size_t i, champ_criterion c,
                                             champ_language language, char *buf, size_t size,
                                             size_t *needed)
{
    return explain("champ_ranking_explain_criterion", r, i, CRITERION, c, language, buf, size,
                   needed);
}

champ_status champ_ranking_figure(const champ_ranking *r, size_t i, champ_criterion c,
                                  champ_language language, char *buf, size_t size,
                                  size_t *needed)
{
    return explain("champ_ranking_figure", r, i, CELL, c, language, buf, size, needed);
}

int champ__explain_fixed(const champ_ranking *r, uint32_t v, champ_language language, char *buf,
                         size_t cap, size_t *len)
{
    text t = {buf, 0, cap, 0, 1};
    buf[0] = '\0';
    put_sentence(&t, r, v, &PHRASES[language]);
    *len = t.len;
    return t.failed ? -1 : 0;
}

champ_status champ__explain_into(const champ_ranking *r, uint32_t v, champ_language language,
                                 char **buf, size_t *cap, size_t *len)
{
    text t = {*buf, 0, *cap, 0, 0};
    put_sentence(&t, r, v, &PHRASES[language]);
    *buf = t.s;
    *cap = t.cap;
    *len = t.len;
    return t.failed ? champ__nomem() : CHAMP_OK;
}

champ_status champ_ranking_explanations(const champ_ranking *r, champ_language language,
                                        char *buf, size_t size, size_t *needed)
{
    const char *fn = "champ_ranking_explanations";
    if (!r)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: ranking is NULL", fn);
    if ((unsigned)language >= CHAMP_LANGUAGE_COUNT)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: no language %d", fn, (int)language);
    locale_t c_locale, previous = champ__c_numeric_begin(&c_locale);
    if (!previous)
        return champ__nomem();
    /* The eligible come first in output order: their sentences, then a
     * NUL for each of the others. */
    size_t eligible = eligible_count(r);
    text t = {0};
    for (size_t i = 0; i < eligible && !t.failed; i++) {
        put_sentence(&t, r, r->order[i], &PHRASES[language]);
        put(&t, "", 1); /* the sentence's NUL */
    }
    champ__c_numeric_end(previous, c_locale);
    champ_status st = CHAMP_OK;
    if (t.failed) {
        st = champ__nomem();
    } else {
        size_t total = t.len + (r->n - eligible);
        if (needed)
            *needed = total;
        if (!(!buf && size == 0 && needed)) {
            if (!buf || size < total)
                st = champ__fail(CHAMP_ERR_ARGUMENT,
                                 "%s: the buffer holds %zu bytes, %zu are needed", fn,
                                 buf ? size : 0, total);
            else {
                if (t.len)
                    memcpy(buf, t.s, t.len);
                memset(buf + t.len, 0, r->n - eligible);
            }
        }
    }
    free(t.s);
    return st;
}
