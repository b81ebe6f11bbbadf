/* Ranking options (SPEC 3). Private to lib/. */
#ifndef CHAMP_OPTIONS_H
#define CHAMP_OPTIONS_H

#include "champions.h"
#include "progress.h"
#include "strtab.h"

struct champ_options {
    double weight[CHAMP_CRITERION_COUNT];
    double since, until;          /* NAN: open end */
    champ_strtab type_names;      /* type i has multiplier type_weight[i] */
    double *type_weight;
    double min_activity;
    champ_strtab champion_groups; /* used as sets */
    champ_strtab audience_groups;
    double reciprocity_prior;
    size_t bridging_samples;      /* 0: automatic */
    uint64_t seed;
    champ_estimate bridging_estimate;
    champ_progress progress;
    int scenario;                 /* -1: none */
    /* Set by the caller, so that a scenario's preset leaves them alone. */
    int champion_groups_set, audience_groups_set;
    size_t top;                   /* champions per tracked period */
    champ_period period;          /* of a tracking */
    double min_tie_weight;        /* a tie counts when w(u,v) + w(v,u) >= it */
    size_t confidence;            /* bootstrap resamples; 0: none */
    size_t min_group_size;        /* of a team shown in team-level outputs */
    int allow_small_groups;       /* the caller allowed min_group_size below the default */
    /* Internal (confidence.c): CHAMP_BRIDGING_PARTS scratches that bridging
     * takes and gives back between resamples, so that each does not fault
     * in tens of megabytes afresh; NULL: none. */
    struct champ_bridging_scratch *bridging_reuse;
};

/* The most bootstrap resamples a ranking draws (champ_options_set_confidence). */
#define CHAMP_CONFIDENCE_MAX 10000

/* Multiplier of the type named `name` (1 when not set). */
double champ__options_type_weight(const champ_options *o, const char *name, size_t len);

#endif
