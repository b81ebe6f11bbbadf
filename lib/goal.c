/* Goals (SPEC 9.3): a SMART goal read from its JSON file, and how it
 * stands on a tracking. The file is read with the library's JSON scanner,
 * so its errors have a line and a column. */
#include "goal.h"
#include "errors.h"
#include "file.h"
#include "json_scan.h"
#include "text.h"
#include "timeparse.h"
#include "track.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The members a goal file may have, in the order of the messages. */
enum member { M_NAME, M_SCENARIO, M_KPI, M_TARGET, M_DEADLINE, M_BASELINE, M_WHAT, M_WHO, M_WHY,
              M_COUNT };
static const char *const MEMBERS[M_COUNT] = {"name", "scenario", "kpi", "target", "deadline",
                                             "baseline_period", "what", "who", "why"};

#define SUMMARY_PREFIX "summary."

void champ_goal_free(champ_goal *g)
{
    if (!g)
        return;
    for (int m = 0; m < GOAL_TEXTS; m++)
        free(g->text[m]);
    free(g->source);
    free(g);
}

/* "line L, column C: MEMBER: what" at the scanner's position. */
static champ_status member_error(const champ_scanner *sc, enum member m, const char *what)
{
    char message[400];
    snprintf(message, sizeof message, "%s: %s", MEMBERS[m], what);
    champ__json_error(sc, message);
    return CHAMP_ERR_SCHEMA;
}

/* A value of the wrong type at sc->pos: malformed JSON is a syntax error
 * (PARSE) first; well-formed, the member's error `what` (SCHEMA). */
static champ_status wrong_type(champ_scanner *sc, enum member m, const char *what)
{
    size_t at = sc->pos;
    if (champ__json_value(sc, 1))
        return CHAMP_ERR_PARSE;
    sc->pos = at;
    return member_error(sc, m, what);
}

/* The string value at sc->pos, decoded into a new C string. */
static champ_status read_string(champ_scanner *sc, enum member m, char **out)
{
    if (champ__json_peek(sc) != '"')
        return wrong_type(sc, m, "expected a string");
    size_t at = sc->pos, start = sc->pos + 1;
    if (champ__json_string(sc))
        return CHAMP_ERR_PARSE;
    champ_span raw = {sc->s + start, sc->pos - 1 - start};
    char *text = malloc(raw.len + 1);
    if (!text)
        return champ__nomem();
    size_t len = champ__json_decode(raw, (unsigned char *)text);
    text[len] = '\0';
    if (strlen(text) != len || len == 0) {
        free(text);
        sc->pos = at;
        return member_error(sc, m, len ? "a NUL character" : "expected a non-empty string");
    }
    free(*out); /* a member given twice is refused before this */
    *out = text;
    return CHAMP_OK;
}

/* The number value at sc->pos, finite. */
static champ_status read_number(champ_scanner *sc, enum member m, double *out)
{
    size_t at = sc->pos;
    int c = champ__json_peek(sc);
    if (c != '-' && (c < '0' || c > '9'))
        return wrong_type(sc, m, "expected a number");
    if (champ__json_number(sc))
        return CHAMP_ERR_PARSE;
    if (champ__json_number_value((const char *)sc->s + at, sc->pos - at, out))
        return champ__nomem();
    if (!isfinite(*out)) {
        sc->pos = at;
        return member_error(sc, m, "expected a finite number");
    }
    return CHAMP_OK;
}

/* kpi: a KPI's name or "summary.<item>", a number in every period. */
static champ_status resolve_kpi(champ_goal *g)
{
    const char *kpi = g->text[GOAL_KPI];
    for (int k = 0; k < CHAMP_KPI_COUNT; k++)
        if (strcmp(kpi, champ_kpi_name((champ_kpi)k)) == 0) {
            g->summary = 0;
            g->index = k;
            return CHAMP_OK;
        }
    size_t prefix = strlen(SUMMARY_PREFIX);
    if (strncmp(kpi, SUMMARY_PREFIX, prefix) == 0)
        for (int k = 0; k < CHAMP_SUMMARY_ITEM_COUNT; k++)
            if (strcmp(kpi + prefix, champ_summary_item_name((champ_summary_item)k)) == 0) {
                g->summary = 1;
                g->index = k;
                return CHAMP_OK;
            }
    char quoted[CHAMP_EXCERPT_MAX + 4], what[512];
    champ__excerpt(quoted, kpi, strlen(kpi));
    int used = snprintf(what, sizeof what, "%s \"%s\" (expected ",
                        strcmp(kpi, "champions") == 0 ? "a list of ids is no number to aim at:"
                                                      : "unknown KPI",
                        quoted);
    for (int k = 0; k < CHAMP_KPI_COUNT && used > 0 && (size_t)used < sizeof what; k++)
        used += snprintf(what + used, sizeof what - (size_t)used, "%s, ",
                         champ_kpi_name((champ_kpi)k));
    if (used > 0 && (size_t)used < sizeof what)
        snprintf(what + used, sizeof what - (size_t)used, "or summary.<item>: summary.%s, ...)",
                 champ_summary_item_name(CHAMP_SUMMARY_RECIPROCITY));
    return champ__fail(CHAMP_ERR_SCHEMA, "kpi: %s", what);
}

static champ_status read_scenario(champ_goal *g, champ_scanner *sc)
{
    char *name = NULL;
    size_t at = sc->pos;
    champ_status st = read_string(sc, M_SCENARIO, &name);
    if (st)
        return st;
    for (int s = 0; s < CHAMP_SCENARIO_COUNT; s++)
        if (strcmp(name, champ_scenario_name((champ_scenario)s)) == 0) {
            g->scenario = s;
            free(name);
            return CHAMP_OK;
        }
    char quoted[CHAMP_EXCERPT_MAX + 4], what[256];
    champ__excerpt(quoted, name, strlen(name));
    free(name);
    int used = snprintf(what, sizeof what, "unknown scenario \"%s\" (expected ", quoted);
    for (int s = 0; s < CHAMP_SCENARIO_COUNT && used > 0 && (size_t)used < sizeof what; s++)
        used += snprintf(what + used, sizeof what - (size_t)used, "%s%s",
                         champ_scenario_name((champ_scenario)s),
                         s + 1 < CHAMP_SCENARIO_COUNT ? ", " : ")");
    sc->pos = at;
    return member_error(sc, M_SCENARIO, what);
}

static champ_status read_member(champ_goal *g, champ_scanner *sc, enum member m)
{
    double x;
    champ_status st;
    switch (m) {
    case M_NAME: return read_string(sc, m, &g->text[GOAL_NAME]);
    case M_KPI: return read_string(sc, m, &g->text[GOAL_KPI]);
    case M_WHAT: return read_string(sc, m, &g->text[GOAL_WHAT]);
    case M_WHO: return read_string(sc, m, &g->text[GOAL_WHO]);
    case M_WHY: return read_string(sc, m, &g->text[GOAL_WHY]);
    case M_SCENARIO: return read_scenario(g, sc);
    case M_TARGET: return read_number(sc, m, &g->target);
    case M_BASELINE: {
        size_t at = sc->pos;
        if ((st = read_number(sc, m, &x)))
            return st;
        if (x < 0 || x != floor(x) || x > 1e15) {
            sc->pos = at;
            return member_error(sc, m, "expected the index of a period: 0, 1, ...");
        }
        g->baseline_period = (size_t)x;
        return CHAMP_OK;
    }
    case M_DEADLINE: {
        char *text = NULL;
        size_t at = sc->pos;
        if ((st = read_string(sc, m, &text)))
            return st;
        st = champ__parse_time_text(text, strlen(text), &g->deadline);
        free(text);
        if (!st && !(g->deadline >= CHAMP_TIME_MIN && g->deadline < CHAMP_TIME_MAX)) {
            sc->pos = at;
            return member_error(sc, m, "expected a date in the years 0000 to 9999");
        }
        if (st == CHAMP_ERR_SCHEMA) { /* "expected an RFC 3339 ..., got ..." */
            char why[300];
            snprintf(why, sizeof why, "%s", champ_last_error());
            sc->pos = at;
            return member_error(sc, m, why);
        }
        return st;
    }
    default:
        return CHAMP_ERR_INTERNAL;
    }
}

static champ_status parse(champ_goal *g, const unsigned char *data, size_t len)
{
    champ_scanner sc = champ__json_start(data, len, "input", NULL);
    champ__json_skip_ws(&sc);
    if (champ__json_peek(&sc) != '{') {
        champ__json_error(&sc, "expected a goal: an object with name, kpi, target and deadline");
        return champ__json_peek(&sc) < 0 ? CHAMP_ERR_PARSE : CHAMP_ERR_SCHEMA;
    }
    sc.pos++;
    int seen[M_COUNT] = {0};
    size_t count = 0;
    champ_span key;
    int r;
    champ_status st = CHAMP_OK;
    while (!st && (r = champ__json_next_member(&sc, &count, &key)) > 0) {
        enum member m = M_COUNT;
        size_t value = sc.pos;
        sc.pos = (size_t)(key.s - sc.s) - 1; /* messages about the member point at its name */
        for (int k = 0; k < M_COUNT && m == M_COUNT; k++)
            if (champ__json_key_is(key, MEMBERS[k]))
                m = (enum member)k;
        if (m == M_COUNT) {
            char quoted[CHAMP_EXCERPT_MAX + 4], what[320];
            champ__excerpt(quoted, (const char *)key.s, key.len);
            snprintf(what, sizeof what, "unknown member \"%s\" (a goal has name, scenario, kpi, "
                     "target, deadline, baseline_period, what, who and why)", quoted);
            champ__json_error(&sc, what);
            return CHAMP_ERR_SCHEMA;
        }
        if (seen[m]++)
            return member_error(&sc, m, "given twice");
        sc.pos = value;
        st = read_member(g, &sc, m);
    }
    if (st)
        return st;
    if (r < 0 || champ__json_expect_end(&sc, "unexpected data after the goal"))
        return CHAMP_ERR_PARSE;
    static const enum member required[] = {M_NAME, M_KPI, M_TARGET, M_DEADLINE};
    for (size_t k = 0; k < sizeof required / sizeof *required; k++)
        if (!seen[required[k]])
            return champ__fail(CHAMP_ERR_SCHEMA, "%s: missing (a goal needs name, kpi, target "
                               "and deadline)", MEMBERS[required[k]]);
    return resolve_kpi(g);
}

static champ_status read_goal(const unsigned char *data, size_t len, const char *name,
                              champ_goal **out)
{
    champ_goal *g = calloc(1, sizeof *g);
    if (!g || (name && !(g->source = strdup(name)))) {
        champ_goal_free(g);
        return champ__nomem();
    }
    g->scenario = -1;
    champ_status st = parse(g, data, len);
    if (st) {
        if (name && st != CHAMP_ERR_NOMEM)
            champ__prefix_error(name);
        champ_goal_free(g);
        return st;
    }
    *out = g;
    return CHAMP_OK;
}

champ_status champ_goal_read_memory(const void *data, size_t len, const char *name,
                                    champ_goal **out)
{
    if (!out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_goal_read_memory: out is NULL");
    *out = NULL;
    if (!data && len)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_goal_read_memory: data is NULL");
    return read_goal(data ? data : "", len, name, out);
}

champ_status champ_goal_read(const char *path, champ_goal **out)
{
    if (!out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_goal_read: out is NULL");
    *out = NULL;
    if (!path)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_goal_read: path is NULL");
    champ_file f;
    champ_status st = champ__file_load(path, &f);
    if (st)
        return st;
    st = read_goal(f.data, f.len, path, out);
    champ__file_unload(&f);
    return st;
}

/* ---- what it says ------------------------------------------------------- */

const char *champ_goal_name(const champ_goal *g)
{
    return g ? g->text[GOAL_NAME] : NULL;
}

const char *champ_goal_kpi(const champ_goal *g)
{
    return g ? g->text[GOAL_KPI] : NULL;
}

const char *champ_goal_what(const champ_goal *g)
{
    return g ? g->text[GOAL_WHAT] : NULL;
}

const char *champ_goal_who(const champ_goal *g)
{
    return g ? g->text[GOAL_WHO] : NULL;
}

const char *champ_goal_why(const champ_goal *g)
{
    return g ? g->text[GOAL_WHY] : NULL;
}

double champ_goal_target(const champ_goal *g)
{
    return g ? g->target : NAN;
}

double champ_goal_deadline(const champ_goal *g)
{
    return g ? g->deadline : NAN;
}

size_t champ_goal_baseline_period(const champ_goal *g)
{
    return g ? g->baseline_period : 0;
}

int champ_goal_scenario(const champ_goal *g)
{
    return g ? g->scenario : -1;
}

/* ---- how it stands ------------------------------------------------------ */

double champ__goal_value(const champ_goal *g, const champ_tracking *t, size_t i)
{
    return g->summary ? champ_tracking_summary(t, i, (champ_summary_item)g->index)
                      : champ_tracking_kpi(t, i, (champ_kpi)g->index);
}

/* A failure of the goal against the tracking, named by the goal's file. */
static champ_status misfit(const champ_goal *g, const char *fmt, const char *a, const char *b)
{
    champ__fail(CHAMP_ERR_SCHEMA, fmt, a, b);
    if (g->source)
        champ__prefix_error(g->source);
    return CHAMP_ERR_SCHEMA;
}

static const char *scenario_or_none(int s)
{
    return s >= 0 ? champ_scenario_name((champ_scenario)s) : "none";
}

double champ__goal_trend_at(const champ_goal *g, const champ_tracking *t, size_t from, double x)
{
    double n = 0, mx = 0, my = 0;
    for (size_t i = from; i < champ_tracking_count(t); i++) {
        double y = champ__goal_value(g, t, i);
        if (isnan(y))
            continue;
        n++;
        mx += (champ_tracking_since(t, i) - mx) / n;
        my += (y - my) / n;
    }
    if (n < 2)
        return NAN;
    double sxy = 0, sxx = 0;
    for (size_t i = from; i < champ_tracking_count(t); i++) {
        double y = champ__goal_value(g, t, i), dx = champ_tracking_since(t, i) - mx;
        if (isnan(y))
            continue;
        sxy += dx * (y - my);
        sxx += dx * dx;
    }
    return my + (sxx > 0 ? sxy / sxx : 0) * (x - mx);
}

/* Does the least-squares line through the points (start of period i,
 * value) for i >= from reach the target by the deadline? With one point,
 * has the latest value reached it? */
static int trend_reaches(const champ_goal *g, const champ_tracking *t, size_t from, int up,
                         double latest)
{
    double at_deadline = champ__goal_trend_at(g, t, from, g->deadline);
    if (isnan(at_deadline))
        at_deadline = latest;
    return up ? at_deadline >= g->target : at_deadline <= g->target;
}

champ_status champ_goal_status(const champ_goal *g, const champ_tracking *t, double *baseline,
                               double *latest, double *progress, int *on_track)
{
    if (!g || !t)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_goal_status: NULL argument");
    char a[CHAMP_TIME_TEXT_MAX + 32], b[CHAMP_TIME_TEXT_MAX + 32];
    size_t periods = champ_tracking_count(t), from = g->baseline_period;
    if (g->scenario >= 0 && g->scenario != champ_tracking_scenario(t))
        return misfit(g, "scenario: the goal is for the scenario %s, the tracking's is %s",
                      scenario_or_none(g->scenario), scenario_or_none(champ_tracking_scenario(t)));
    if (from >= periods) {
        snprintf(a, sizeof a, "%zu", from);
        snprintf(b, sizeof b, "%zu", periods);
        return misfit(g, "baseline_period: %s is past the last period (the tracking has %s)",
                      a, b);
    }
    champ__format_time(a, champ_tracking_since(t, 0));
    if (g->deadline < champ_tracking_since(t, 0)) {
        champ__format_time(b, g->deadline);
        return misfit(g, "deadline: %s is before the first period (%s)", b, a);
    }
    double base = champ__goal_value(g, t, from), last = NAN;
    if (isnan(base)) {
        champ__format_time(b, champ_tracking_since(t, from));
        return misfit(g, "kpi: %s has no value in the baseline period (%s)", g->text[GOAL_KPI],
                      b);
    }
    for (size_t i = from; i < periods; i++)
        if (!isnan(champ__goal_value(g, t, i)))
            last = champ__goal_value(g, t, i);
    if (g->target == base) {
        snprintf(a, sizeof a, "%.17g", base);
        return misfit(g, "target: equal to the baseline (%s)%s: there is nothing to reach", a,
                      "");
    }
    double share = (last - base) / (g->target - base);
    if (baseline)
        *baseline = base;
    if (latest)
        *latest = last;
    if (progress)
        *progress = share < 0 ? 0 : share > 1 ? 1 : share;
    if (on_track)
        *on_track = trend_reaches(g, t, from, g->target > base, last);
    return CHAMP_OK;
}
