/* The tracking handle: what a programme follows per calendar period. Only
 * what the KPIs and the writers need is kept of each period's ranking (a
 * year of weekly rankings of a million people would not fit). Private to
 * lib/. */
#ifndef CHAMP_TRACK_H
#define CHAMP_TRACK_H

#include "strtab.h"
#include "warnings.h"

typedef struct track_rise {
    uint32_t id;           /* in the tracking's ids */
    size_t rank, previous; /* previous 0: not eligible in the period before */
} track_rise;

typedef struct track_period {
    double since, until;
    double summary[CHAMP_SUMMARY_ITEM_COUNT];
    double kpi[CHAMP_KPI_COUNT];
    champ_warnings warnings;
    uint32_t *champions;   /* in the tracking's ids, by rank */
    size_t champion_count;
    track_rise *rising;    /* by rank */
    size_t rising_count;
} track_period;

struct champ_tracking {
    champ_period period;
    size_t top;
    int scenario;
    champ_strtab ids;      /* the champions' ids */
    track_period *periods;
    size_t count;
};

/* The most periods a tracking ranks (a week each for 19 years). */
#define CHAMP_TRACK_MAX_PERIODS 1000

/* The start (Unix seconds, 00:00 UTC) of the period of `kind` holding t,
 * and the start of the period after the one starting at `start`. */
double champ__period_start(champ_period kind, double t);
double champ__period_next(champ_period kind, double start);

#endif
