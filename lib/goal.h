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

#endif
