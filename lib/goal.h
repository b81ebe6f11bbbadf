/* The goal handle (SPEC 9.3). Private to lib/. */
#ifndef CHAMP_GOAL_H
#define CHAMP_GOAL_H

#include "champions.h"

#include <stddef.h>

enum goal_text { GOAL_NAME, GOAL_KPI, GOAL_WHAT, GOAL_WHO, GOAL_WHY, GOAL_TEXTS };

struct champ_goal {
    char *text[GOAL_TEXTS];  /* NULL when absent */
    char *source;            /* the file's name, for messages; NULL: none */
    double target, deadline;
    size_t baseline_period;
    int scenario;            /* -1: none */
    int summary;             /* the KPI is summary.<item> (index: the item), else a KPI */
    int index;
};

/* The goal's KPI in period i of t (NAN for null). */
double champ__goal_value(const champ_goal *g, const champ_tracking *t, size_t i);

/* The least-squares line through the points (start of period i, value)
 * for i >= from, at the time x; with fewer than two points, NAN. */
double champ__goal_trend_at(const champ_goal *g, const champ_tracking *t, size_t from, double x);

#endif
