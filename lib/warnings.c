/* What a ranking should say about itself. Each warning is one sentence, in
 * English, written here and nowhere else; champ_warning names its kind. */
#include "warnings.h"
#include "errors.h"
#include "options.h"
#include "text.h"
#include "timeparse.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WARNING_MAX 768

int champ__warnings_add(champ_warnings *w, champ_warning kind, const char *fmt, ...)
{
    char text[WARNING_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (w->count == w->cap) {
        size_t cap = w->cap ? 2 * w->cap : 4;
        champ_warning_entry *grown = realloc(w->entry, cap * sizeof *grown);
        if (!grown)
            return -1;
        w->entry = grown;
        w->cap = cap;
    }
    char *copy = malloc(strlen(text) + 1);
    if (!copy)
        return -1;
    memcpy(copy, text, strlen(text) + 1);
    w->entry[w->count++] = (champ_warning_entry){kind, copy};
    return 0;
}

/* `name` quoted for a sentence. buf holds CHAMP_EXCERPT_MAX + 4. */
static const char *quoted(char *buf, const champ_strtab *t, uint32_t k)
{
    champ__excerpt(buf, champ_strtab_get(t, k), champ_strtab_len(t, k));
    return buf;
}

/* How many listed people are in each of the network's groups. */
static size_t *listed_per_group(const champ_network *net)
{
    size_t *count = calloc(net->groups.count ? net->groups.count : 1, sizeof *count);
    if (!count)
        return NULL;
    for (uint32_t v = 0; v < net->ids.count; v++) {
        uint32_t g = champ__network_group(net, v);
        if (g != CHAMP_NONE)
            count[g]++;
    }
    return count;
}

/* Listed people in the group named by set's k-th name (0 when no one). */
static size_t listed_in(const champ_network *net, const size_t *per_group,
                        const champ_strtab *set, uint32_t k)
{
    uint32_t g = champ_strtab_find(&net->groups, champ_strtab_get(set, k),
                                   champ_strtab_len(set, k));
    return g == CHAMP_STRTAB_NONE ? 0 : per_group[g];
}

static int unread_members(champ_warnings *w, const champ_network *net)
{
    const champ_strtab *names = &net->unread[CHAMP_UNREAD_DOCUMENT];
    if (!names->count)
        return 0;
    char list[CHAMP_NAMES_MAX];
    champ__quote_names(list, sizeof list, names);
    return champ__warnings_add(w, CHAMP_WARN_UNREAD_MEMBERS,
               "the document's %s %s %s not read (an export has \"people\" and "
               "\"interactions\")",
               names->count == 1 ? "member" : "members", list,
               names->count == 1 ? "is" : "are");
}

static int no_teams(champ_warnings *w, const champ_network *net, const champ_options *o)
{
    if (net->teams.count || o->audience_groups.count)
        return 0;
    const char *lead = "no one has a team, so reach across teams is 0 for everyone";
    if (!net->has_people)
        return champ__warnings_add(w, CHAMP_WARN_NO_TEAMS, "%s (the input has no people list)", lead);
    const champ_strtab *unread = &net->unread[CHAMP_UNREAD_PEOPLE];
    if (!unread->count)
        return champ__warnings_add(w, CHAMP_WARN_NO_TEAMS, "%s", lead);
    char list[CHAMP_NAMES_MAX];
    champ__quote_names(list, sizeof list, unread);
    return champ__warnings_add(w, CHAMP_WARN_NO_TEAMS, "%s; the people have %s, which %s not read (a team is "
               "\"team\")", lead, list, unread->count == 1 ? "is" : "are");
}

static int empty_groups(champ_warnings *w, const champ_network *net, const champ_options *o,
                        const size_t *per_group)
{
    char name[CHAMP_EXCERPT_MAX + 4];
    size_t audiences = o->audience_groups.count, empty = 0;
    for (uint32_t k = 0; k < audiences; k++)
        empty += listed_in(net, per_group, &o->audience_groups, k) == 0;
    for (uint32_t k = 0; k < audiences; k++)
        if (!listed_in(net, per_group, &o->audience_groups, k) &&
            champ__warnings_add(w, CHAMP_WARN_NO_AUDIENCE, "no one is in the audience group \"%s\"%s",
                quoted(name, &o->audience_groups, k),
                empty == audiences ? ": reach is 0 for everyone" : ""))
            return -1;
    for (uint32_t k = 0; k < o->champion_groups.count; k++)
        if (!listed_in(net, per_group, &o->champion_groups, k) &&
            champ__warnings_add(w, CHAMP_WARN_NO_CHAMPION_GROUP, "no listed person is in the champion group \"%s\"",
                quoted(name, &o->champion_groups, k)))
            return -1;
    return 0;
}

static int unused_type_weights(champ_warnings *w, const champ_network *net,
                               const champ_graph *g, const champ_options *o)
{
    char name[CHAMP_EXCERPT_MAX + 4];
    for (uint32_t k = 0; k < o->type_names.count; k++) {
        uint32_t t = champ_strtab_find(&net->types, champ_strtab_get(&o->type_names, k),
                                       champ_strtab_len(&o->type_names, k));
        if ((t == CHAMP_STRTAB_NONE || !g->type_count[t]) &&
            champ__warnings_add(w, CHAMP_WARN_UNUSED_TYPE_WEIGHT,
                "no interaction has the type \"%s\": its type weight changes nothing",
                quoted(name, &o->type_names, k)))
            return -1;
    }
    return 0;
}

static int window(champ_warnings *w, const champ_network *net, const champ_graph *g,
                  const champ_options *o)
{
    if (isnan(o->since) && isnan(o->until))
        return 0;
    size_t total = net->interactions;
    if (g->kept == 0 && total) {
        if (isnan(g->first_time))
            return champ__warnings_add(w, CHAMP_WARN_EMPTY_WINDOW,
                       "the window kept no interactions: none of the %zu has a time", total);
        char first[CHAMP_TIME_TEXT_MAX], last[CHAMP_TIME_TEXT_MAX];
        champ__format_time(first, g->first_time);
        champ__format_time(last, g->last_time);
        return champ__warnings_add(w, CHAMP_WARN_EMPTY_WINDOW,
                   "the window kept no interactions: their times run from %s to %s", first,
                   last);
    }
    if (2 * g->untimed > total)
        return champ__warnings_add(w, CHAMP_WARN_UNTIMED,
                   "%zu of the %zu interactions have no time, so the window left them out",
                   g->untimed, total);
    return 0;
}

static int no_eligible(champ_warnings *w, const champ_network *net, const champ_graph *g,
                       const champ_options *o, const size_t *per_group, size_t eligible)
{
    if (eligible || g->kept == 0)
        return 0; /* an empty window said why already */
    size_t members = 0;
    for (uint32_t k = 0; k < o->champion_groups.count; k++)
        members += listed_in(net, per_group, &o->champion_groups, k);
    if (!members)
        return champ__warnings_add(w, CHAMP_WARN_NO_ELIGIBLE,
                   "no one is eligible: no listed person is in the champion groups");
    return champ__warnings_add(w, CHAMP_WARN_NO_ELIGIBLE,
               "no one is eligible: none of the %zu listed members of the champion groups has "
               "an activity of %g or more", members, o->min_activity);
}

/* R below this: the export may hold one direction only. */
#define ONE_DIRECTION_R 0.05
/* Fewer eligible people than this: percentiles move a lot. */
#define FEW_ELIGIBLE 30

static int one_direction(champ_warnings *w, const double *summary)
{
    double r = summary[CHAMP_SUMMARY_RECIPROCITY];
    if (summary[CHAMP_SUMMARY_TIES] == 0 || r >= ONE_DIRECTION_R)
        return 0;
    return champ__warnings_add(
        w, CHAMP_WARN_ONE_DIRECTION,
        "only %.1f%% of the ties go both ways (reciprocity R = %.3f, below %g): the export may "
        "hold one direction only, and then reciprocity sets people apart by chance",
        100 * r, r, ONE_DIRECTION_R);
}

static int few_eligible(champ_warnings *w, size_t eligible)
{
    if (eligible == 0 || eligible >= FEW_ELIGIBLE)
        return 0;
    return champ__warnings_add(
        w, CHAMP_WARN_FEW_ELIGIBLE,
        "only %zu %s eligible (fewer than %d): among so few, one interaction more or less "
        "moves a percentile a long way, so read the ranking as a rough order",
        eligible, eligible == 1 ? "person is" : "people are", FEW_ELIGIBLE);
}

/* With this many eligible people or more (FEW_ELIGIBLE), a network whose
 * every tie weighs at most one interaction each way gets no_tie_depth:
 * the data is a yes/no network. The one-message networker (writes once to
 * two people of every team, each answers once) ranks #1 of 829 on the
 * untimed email-eu-core and has no other sign that can tell it from a
 * colleague who works with them all (docs/metrics.md). */
static int no_tie_depth(champ_warnings *w, const champ_graph *g, size_t eligible)
{
    if (eligible < FEW_ELIGIBLE || g->arcs == 0)
        return 0;
    for (size_t t = 0; t < g->start[g->n]; t++)
        if (g->w_out[t] > 1 || g->w_in[t] > 1)
            return 0;
    return champ__warnings_add(
        w, CHAMP_WARN_NO_TIE_DEPTH,
        "no tie holds more than one interaction each way, so the data cannot tell a single "
        "exchange from a working relationship: someone who writes once to many people and is "
        "answered once ranks as if they worked with them all");
}

champ_status champ__warnings_compute(champ_warnings *w, const champ_network *net,
                                     const champ_graph *g, const champ_options *o,
                                     const double *summary)
{
    memset(w, 0, sizeof *w);
    size_t eligible = (size_t)summary[CHAMP_SUMMARY_ELIGIBLE];
    size_t *per_group = listed_per_group(net);
    int failed = !per_group || unread_members(w, net) || no_teams(w, net, o) ||
                 empty_groups(w, net, o, per_group) || unused_type_weights(w, net, g, o) ||
                 window(w, net, g, o) || no_eligible(w, net, g, o, per_group, eligible) ||
                 one_direction(w, summary) || few_eligible(w, eligible) ||
                 no_tie_depth(w, g, eligible);
    free(per_group);
    if (failed) {
        champ__warnings_free(w);
        return champ__nomem();
    }
    return CHAMP_OK;
}

void champ__warnings_free(champ_warnings *w)
{
    for (size_t i = 0; i < w->count; i++)
        free(w->entry[i].text);
    free(w->entry);
    memset(w, 0, sizeof *w);
}
